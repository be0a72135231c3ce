/**
 * The model as the rest of the app sees it: a worker thread behind a typed
 * client. Tokens stream through a callback as they come.
 *
 * Stop: onnxruntime-node cannot interrupt a forward pass, and the worker's
 * thread is blocked inside one, so the worker only sees a Stop at its next
 * prompt chunk or decode step (a shared flag). A decode step of a large model
 * can take longer than a clinician should wait, so cancel() settles the
 * caller's result at once, from the tokens already streamed (finish
 * 'cancelled'), and delivers nothing more; `finished` says when the worker
 * has actually let go (its next request starts then).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ModelError } from './errors';
import type { LoadOptions } from './loaded-model';
import type { GenerateRequest, GenerateResult, ModelInfo, PrefillResult, PromptInput, TokenEvent } from './types';
import { PartialGeneration } from './partial-generation';
import { CANCEL_SLOTS, type FromModelWorker, type ModelWorkerData, type ToModelWorker, type WireError } from './worker-protocol';

export interface GenerationHandle {
  readonly id: number;
  /** Resolves when the generation ends, at once after cancel(); rejects with a ModelError. */
  readonly result: Promise<GenerateResult>;
  /** Resolves when the worker is done with this request (after a Stop: its current pass has ended). */
  readonly finished: Promise<void>;
  cancel(): void;
}

export interface ModelClient {
  readonly info: ModelInfo;
  generate(request: GenerateRequest, onToken?: (event: TokenEvent) => void): GenerationHandle;
  /** Encodes a prompt prefix once (the patient context) so later requests reuse its KV state. */
  prefill(input: PromptInput): Promise<PrefillResult>;
  close(): Promise<void>;
}

interface Pending {
  resolve(value: never): void;
  reject(error: ModelError): void;
  onToken?: (event: TokenEvent) => void;
  cancelled: boolean;
  /** Generations only: what the caller has seen, for the result a Stop settles on. */
  partial?: PartialGeneration;
  /** Called when the worker's answer for this request arrives, whether or not the caller still waits. */
  done?: () => void;
}

/** Starts the worker and loads the model; rejects with the load's ModelError (the app stays usable without a model). */
export function startModelWorker(dir: string, options: LoadOptions = {}, entry: string = defaultEntry()): Promise<ModelClient> {
  const cancelFlags = new SharedArrayBuffer(CANCEL_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(cancelFlags);
  const worker = new Worker(entry, {
    workerData: { dir, options, cancelFlags } satisfies ModelWorkerData,
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: ModelError | undefined;
  let onClosed: (() => void) | undefined;
  const toError = (e: WireError) => new ModelError(e.code, e.message);

  return new Promise<ModelClient>((resolveStart, rejectStart) => {
    const fail = (error: ModelError) => {
      stopped ??= error;
      rejectStart(error);
      for (const p of pending.values()) {
        p.done?.();
        p.reject(error);
      }
      pending.clear();
    };
    worker.on('error', (error) => fail(new ModelError('stopped', `the model stopped unexpectedly: ${error.message}`)));
    worker.on('exit', () => {
      onClosed?.();
      fail(new ModelError('stopped', 'the model worker has stopped'));
    });
    worker.on('message', (message: FromModelWorker) => {
      switch (message.type) {
        case 'ready':
          resolveStart(client(message.info));
          return;
        case 'failed':
          void worker.terminate();
          fail(toError(message.error));
          return;
        case 'closed':
          onClosed?.();
          return;
        case 'started':
          pending.get(message.id)?.partial?.start(message.promptTokens, message.reusedTokens);
          return;
        case 'token': {
          const p = pending.get(message.id);
          if (p && !p.cancelled) {
            p.partial?.token(message.event);
            p.onToken?.(message.event);
          }
          return;
        }
        default: {
          const p = pending.get(message.id);
          pending.delete(message.id);
          p?.done?.();
          if (p?.cancelled && p.partial) return; // settled when cancelled
          if (message.type === 'error') p?.reject(toError(message.error));
          else p?.resolve(message.result as never);
        }
      }
    });

    const send = <T>(message: ToModelWorker & { id: number }, extra: Partial<Pending> = {}): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (stopped) return reject(stopped);
        pending.set(message.id, { resolve: resolve as (value: never) => void, reject, cancelled: false, ...extra });
        worker.postMessage(message);
      });

    /** Raises the worker's flag; a generation's caller gets its result now, from what it has seen. */
    const cancel = (id: number) => {
      Atomics.store(flags, id % CANCEL_SLOTS, id);
      const p = pending.get(id);
      if (!p || p.cancelled) return;
      p.cancelled = true;
      if (p.partial) p.resolve(p.partial.cancelled() as never);
    };

    const client = (info: ModelInfo): ModelClient => ({
      info,
      generate(request, onToken) {
        const id = nextId++;
        const partial = new PartialGeneration();
        let done!: () => void;
        const finished = new Promise<void>((resolve) => (done = resolve));
        const result = send<GenerateResult>({ type: 'generate', id, request }, { onToken, partial, done });
        result.catch(() => done()); // refused at once: the worker never had it
        return {
          id,
          result,
          finished,
          cancel: () => cancel(id),
        };
      },
      prefill(input) {
        return send<PrefillResult>({ type: 'prefill', id: nextId++, input });
      },
      async close() {
        if (stopped) return;
        for (const id of pending.keys()) cancel(id);
        await new Promise<void>((resolve) => {
          onClosed = resolve;
          worker.postMessage({ type: 'close' } satisfies ToModelWorker);
        });
        stopped = new ModelError('stopped', 'the model has been closed');
        await worker.terminate();
      },
    });
  });
}

function defaultEntry(): string {
  // Paths are joined rather than written as new URL('./x', import.meta.url), which Vite
  // (and so vitest) would treat as an asset import and load in this thread.
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'model-worker.cjs');
  if (existsSync(bundled)) return bundled;
  // From source: a bootstrap that registers tsx in the worker, then loads model-worker-entry.ts.
  return join(here, 'worker-bootstrap.mjs');
}
