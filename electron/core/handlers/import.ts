import { importBundleText } from '../../fhir';
import type { HandlerMap } from './handler';

export const importHandlers: HandlerMap = {
  'import.fhirBundle': (params, { session }) => importBundleText(session.requireVault(), params.fileName, params.content),
};
