/**
 * The decoder as the generation loop uses it: the onnxruntime session runs
 * in a thread of its own (decoder-thread-entry.ts), which also keeps every
 * KV state; this side holds KvState handles and gets each pass's logits.
 *
 * Why a thread of its own: onnxruntime-node hands back every output as a new
 * JavaScript buffer, so each decode step allocates the whole KV cache again
 * (~50 MB a step with a 2,000-token record in it). V8 answers that much new
 * memory with a full collection every step or two, and a full collection
 * marks every object in the heap: next to the tokenizer (65 MB of small
 * objects for a 151,936-token vocabulary) that took one of the two cores for
 * most of each step. Measured with the 0.5B int4 bench model at 2,048 tokens
 * of context: 51-67 ms a step alone, 100-103 ms beside the tokenizer.
 *
 * The price: each pass wakes the decoder's thread and then this one, ~0.4 ms
 * a pass outside onnxruntime (measured on the 2-core build machine, a VM: a
 * small message's round trip between threads takes 0.04 ms when both are
 * busy, 0.16 ms after 15 ms idle), ~2 % of a short-context 0.5B int4 step.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DecoderThreadData, FromDecoder, ToDecoder, WireTensor } from './decoder-protocol';
import { ModelError } from './errors';
import { KvSlot, KvState } from './kv-cache';
import type { DecoderShape, SessionOptions } from './session';
import type { WireError } from './worker-protocol';

interface Pending {
  resolve(message: FromDecoder): void;
  reject(error: ModelError): void;
}

const toError = (e: WireError) => new ModelError(e.code, e.message);

export class DecoderSession implements DecoderShape {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: ModelError | undefined;
  private closing: Promise<void> | undefined;
  readonly layers: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly kvType: 'float32' | 'float16';
  readonly logitsSize: number | undefined;

  private constructor(
    private readonly worker: Worker,
    shape: DecoderShape,
  ) {
    ({ layers: this.layers, kvHeads: this.kvHeads, headDim: this.headDim, kvType: this.kvType, logitsSize: this.logitsSize } = shape);
    worker.on('message', (message: FromDecoder) => {
      if (!('id' in message)) return;
      const p = this.pending.get(message.id);
      this.pending.delete(message.id);
      this.idleUnlessPending();
      if (message.type === 'error') p?.reject(toError(message.error));
      else p?.resolve(message);
    });
    const stop = (error: ModelError) => {
      this.stopped ??= error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => stop(new ModelError('stopped', `the model's decoder stopped unexpectedly: ${error.message}`)));
    worker.on('exit', () => stop(new ModelError('stopped', "the model's decoder has stopped")));
    this.idleUnlessPending();
  }

  /** Starts the decoder's thread and opens `file` there; rejects with the load's ModelError. */
  static open(file: string, options: SessionOptions = {}, entry: string = defaultEntry()): Promise<DecoderSession> {
    const worker = new Worker(entry, { workerData: { file, options } satisfies DecoderThreadData });
    return new Promise((resolve, reject) => {
      const onExit = () => reject(new ModelError('stopped', `the model's decoder stopped while opening ${file}`));
      const onError = (error: Error) => reject(new ModelError('stopped', `the model's decoder failed while opening ${file}: ${error.message}`));
      worker.once('exit', onExit);
      worker.once('error', onError);
      worker.once('message', (message: FromDecoder) => {
        worker.off('exit', onExit);
        worker.off('error', onError);
        if (message.type === 'ready') resolve(new DecoderSession(worker, message.shape));
        else {
          void worker.terminate();
          reject(message.type === 'failed' ? toError(message.error) : new ModelError('internal', `the decoder answered ${message.type} before ready`));
        }
      });
    });
  }

  emptyKv(): KvState {
    return KvState.empty();
  }

  /**
   * Runs `tokens` after the state `kv` (which is not changed and stays the
   * caller's to release) and returns the logits of the last `rows` positions
   * (one row after the other) and a new handle, owned by the caller, on the
   * state that now includes the tokens.
   */
  async forward(tokens: readonly number[], kv: KvState, rows = 1): Promise<{ logits: Float32Array; kv: KvState }> {
    const reply = await this.request<Extract<FromDecoder, { type: 'forwarded' }>>((id) => ({ type: 'forward', id, tokens: [...tokens], past: kv.ref, rows }));
    const slot = new KvSlot(reply.slot, (freed) => this.send({ type: 'free', slot: freed }));
    return { logits: reply.logits, kv: KvState.owning(slot, reply.length) };
  }

  /** A copy of a state's tensors (for tests that compare states). */
  async readKv(kv: KvState): Promise<Record<string, WireTensor>> {
    return (await this.request<Extract<FromDecoder, { type: 'state' }>>((id) => ({ type: 'read', id, state: kv.ref }))).tensors;
  }

  /** How many KV states the decoder's thread holds: those some handle still refers to. */
  async heldStates(): Promise<number> {
    return (await this.request<Extract<FromDecoder, { type: 'held' }>>((id) => ({ type: 'held', id }))).states;
  }

  /** Closes the session and ends the thread; every KV state goes with it. */
  release(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.stopped) return resolve();
      this.worker.once('exit', () => resolve());
      this.worker.ref();
      this.send({ type: 'close' });
    });
    return this.closing;
  }

  private request<T extends FromDecoder>(message: (id: number) => ToDecoder): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.closing) return Promise.reject(new ModelError('stopped', 'the model has been closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (m: FromDecoder) => void, reject });
      this.worker.ref();
      this.send(message(id));
    });
  }

  private send(message: ToDecoder): void {
    if (!this.stopped) this.worker.postMessage(message);
  }

  /** An idle decoder does not keep the process alive (a CLI run ends when its work does); one with a pass under way does. */
  private idleUnlessPending(): void {
    if (this.pending.size === 0 && !this.closing) this.worker.unref();
  }
}

function defaultEntry(): string {
  // Joined rather than new URL('./x', import.meta.url), which Vite (and so vitest) would load as an asset.
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'decoder-thread.cjs');
  if (existsSync(bundled)) return bundled;
  return join(here, 'decoder-bootstrap.mjs');
}
