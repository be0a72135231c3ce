import { analyzeImage, listImageModels } from '../../imaging/image-model';
import type { HandlerMap } from './handler';
import { modelsDir } from '../services/model-service';

/**
 * Image models as decision support. 'imaging.analyze' reads the image (an
 * audited view) and answers the model's output; it writes nothing to the
 * patient's record. Without an image model the rest of the app is unchanged
 * and this method says, in one line, that none is installed.
 */
export const imageModelHandlers: HandlerMap = {
  'imaging.models': (_params, { session }) => {
    session.requireVault();
    const dir = modelsDir();
    return { modelsDir: dir, models: listImageModels(dir) };
  },
  'imaging.analyze': (params, { session }) => analyzeImage(session.requireVault(), params, modelsDir()),
};
