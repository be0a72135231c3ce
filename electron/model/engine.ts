/**
 * One interface, two engines: the model worker serves requests from a
 * ModelEngine and does not know which runs. onnxruntime runs an ONNX export
 * (loaded-model.ts, generate.ts); llama.cpp runs a GGUF file (gguf/). The
 * manifest says which; llama.cpp is imported only when a GGUF model loads.
 */
import type { GenerateHooks } from './generate';
import type { LoadOptions } from './loaded-model';
import { isGgufManifest, readAnyManifest } from './manifest';
import type { GenerateRequest, GenerateResult, ModelInfo, PrefillResult, PromptInput } from './types';

export interface ModelEngine {
  readonly info: ModelInfo;
  generate(request: GenerateRequest, hooks?: GenerateHooks): Promise<GenerateResult>;
  prefill(input: PromptInput, hooks?: GenerateHooks): Promise<PrefillResult>;
  /** Frees the model's memory; the engine serves nothing after it. */
  release(): Promise<void>;
}

export async function openEngine(dir: string, options: LoadOptions = {}): Promise<ModelEngine> {
  const manifest = readAnyManifest(dir);
  if (isGgufManifest(manifest)) {
    const { openLlamaEngine } = await import('./gguf/llama-engine');
    return openLlamaEngine(dir, manifest, options);
  }
  const { openOnnxEngine } = await import('./onnx-engine');
  return openOnnxEngine(dir, options);
}
