/** The ONNX export's engine: onnxruntime through loaded-model.ts and the generation loop of generate.ts. */
import type { ModelEngine } from './engine';
import { generate, prefill } from './generate';
import { loadModel, type LoadOptions } from './loaded-model';

export async function openOnnxEngine(dir: string, options: LoadOptions): Promise<ModelEngine> {
  const model = await loadModel(dir, options);
  return {
    info: model.info,
    generate: (request, hooks) => generate(model, request, hooks),
    prefill: (input, hooks) => prefill(model, input, hooks),
    release: () => model.session.release(),
  };
}
