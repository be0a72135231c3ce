/**
 * The local language model runtime: onnxruntime-node on the CPU, in a
 * worker thread. Hosts and the CLI start it with startModelWorker(); tests
 * and tools may load a model in-process with loadModel() + generate().
 */
export { ModelError, type ModelErrorCode } from './errors';
export { startModelWorker, type GenerationHandle, type ModelClient } from './model-worker';
export { loadModel, type LoadedModel, type LoadOptions } from './loaded-model';
export { generate, prefill } from './generate';
export { readManifest, verifyModelFiles, writeManifest, MANIFEST_FILE, type Manifest } from './manifest';
export { listModels, type ModelListing } from './model-list';
export { exportDefaults } from './export-defaults';
export { addModel, isUnaddedExport, type AddModelOptions } from './add-model';
export { fitToContext, type FitOptions, type FitResult } from './context-policy';
export type { ChatMessage } from './tokenizer';
export type * from './types';
