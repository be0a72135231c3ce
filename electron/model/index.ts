/**
 * The local language model runtime, in a worker thread: onnxruntime-node on
 * the CPU for ONNX exports, llama.cpp (node-llama-cpp) for GGUF files, behind
 * one interface (engine.ts). Hosts and the CLI start it with startModelWorker(); tests
 * and tools may load a model in-process with loadModel() + generate().
 */
export { ModelError, type ModelErrorCode } from './errors';
export { startModelWorker, type GenerationHandle, type ModelClient } from './model-worker';
export { loadModel, type LoadedModel, type LoadOptions } from './loaded-model';
export { generate, prefill } from './generate';
export { modelFile, readAnyManifest, readManifest, verifyModelFiles, writeManifest, MANIFEST_FILE, type Manifest } from './manifest';
export { listModels, type ModelListing } from './model-list';
export { exportDefaults } from './export-defaults';
export { addModel, isUnaddedExport, type AddModelOptions } from './add-model';
export { openEngine, type ModelEngine } from './engine';
export { fitToContext, type FitOptions, type FitResult } from './context-policy';
export type { ChatMessage } from './tokenizer';
export type * from './types';
