/**
 * llama.cpp as node-llama-cpp ships it: the prebuilt CPU binary inside the
 * npm package (@node-llama-cpp/linux-x64 and its kind), loaded once per
 * thread. Never builds and never downloads (offline clinics; an install must
 * not reach the network), never uses a GPU backend (the workstation's
 * promise is the CPU), and keeps llama.cpp's log to warnings and errors on
 * stderr: it never holds prompt text, but nothing from a chart should reach a log.
 */
import type { Llama } from 'node-llama-cpp';
import { ModelError } from '../errors';

let runtime: Promise<Llama> | undefined;

export function llamaRuntime(): Promise<Llama> {
  runtime ??= (async () => {
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    try {
      return await getLlama({
        gpu: false,
        build: 'never',
        usePrebuiltBinaries: true,
        skipDownload: true,
        progressLogs: false,
        logLevel: LlamaLogLevel.error,
      });
    } catch (error) {
      runtime = undefined;
      throw new ModelError('internal', `llama.cpp could not be started (node-llama-cpp found no CPU binary for this machine): ${firstLine(error)}`);
    }
  })();
  return runtime;
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
