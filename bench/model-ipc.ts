/**
 * bench:model keeps both runtimes (ours in model-run.ts, the peer in
 * model-peer.ts) loaded in processes of their own for a whole precision, and
 * asks them for one short decode at a time, alternating: a paired
 * measurement, so load from other work on the machine falls on both alike.
 * This is the request/reply channel between the bench and such a process
 * (Node's IPC channel of a forked child; one request at a time).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { DecodePassStats } from '../electron/model/types';
import { median } from './model-workload';

/** What the bench asks a runtime's process. */
export type BenchRequest =
  /** `drafts`: our runtime checks draft tokens (its default; draft-tokens.ts); false: one pass per token, as the peer. The peer ignores it. */
  | { readonly type: 'decode'; readonly prompt: string; readonly tokens: number; readonly sampling?: Sampling; readonly drafts?: boolean }
  | { readonly type: 'figures' }
  /** Time to first token on the record cold and reused, prefill, and decode after it (the llama.cpp bar's row; RecordFigures); the record's text from the ONNX folder `textDir` (its tokenizer cuts it). */
  | { readonly type: 'record'; readonly textDir: string }
  | { readonly type: 'exit' };

/** What both engines and llama.cpp called directly answer to 'record'. */
export interface RecordFigures {
  readonly promptTokens: number;
  readonly prefillTokensPerSecond: number;
  readonly ttftColdMs: number;
  readonly ttftReuseMs: number;
  readonly reusedTokens: number;
  /** Greedy, DECODE_TOKENS tokens after the reused record, from each token's time stamp (DecodeTimings). */
  readonly decodeAfterRecord: DecodeTimings;
}

/** Sampled decoding as a chat runs it (the model's generation_config.json); absent: greedy. */
export interface Sampling {
  readonly temperature: number;
  readonly topP: number;
  readonly seed: number;
}

/** One greedy decode of `tokens` new tokens, timed the same way in both runtimes (see decodeTimings). */
export interface DecodeRun extends DecodeTimings {
  readonly tokenIds: readonly number[];
  /** Where the runtime can say: milliseconds per decode step inside onnxruntime's run(). */
  readonly ortMsPerStep?: number;
  /** Ours: decode passes after the first token, draft tokens checked and kept. */
  readonly passes?: DecodePassStats;
}

export interface DecodeTimings {
  /** (new tokens - 1) / time from the first new token to the last: prefill and the first token excluded. */
  readonly tokensPerSecond: number;
  /**
   * 1 / the median time between two new tokens: the speed of a step that the
   * machine's other work did not interrupt (a burst of it slows a few steps
   * of one run by several times, and would decide a ratio on its own).
   */
  readonly medianStepTokensPerSecond: number;
  /**
   * CPU time of the runtime's whole process (all its threads) per step, from the
   * first new token to the last: the work a token costs, which other work on
   * the machine changes far less than it changes the time a token takes.
   */
  readonly cpuMsPerStep: number;
  /** Page faults that had to read from disk, from the first new token to the last (time waiting, not computing). */
  readonly majorFaults: number;
}

/** When a new token arrived, and the process's CPU time and major page faults then. */
export interface TokenStamp {
  readonly at: number;
  readonly cpuMs: number;
  readonly majorFaults: number;
}

export function stampNow(): TokenStamp {
  const usage = process.resourceUsage();
  return { at: performance.now(), cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, majorFaults: usage.majorPageFault };
}

export interface ExitFigures {
  readonly peakRssMiB: number;
}

type Reply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

/** Decode speeds from the stamps of the new tokens (stamps[0]: the first new token). */
export function decodeTimings(stamps: readonly TokenStamp[]): DecodeTimings {
  if (stamps.length < 2) throw new Error(`a decode needs at least 2 new tokens to be timed, got ${stamps.length}`);
  const first = stamps[0]!;
  const last = stamps[stamps.length - 1]!;
  const steps = stamps.slice(1).map((s, i) => s.at - stamps[i]!.at);
  return {
    tokensPerSecond: ((stamps.length - 1) * 1000) / (last.at - first.at),
    medianStepTokensPerSecond: 1000 / median(steps),
    cpuMsPerStep: (last.cpuMs - first.cpuMs) / (stamps.length - 1),
    majorFaults: last.majorFaults - first.majorFaults,
  };
}

/** The bench's side: a forked runtime process; its first reply says it is loaded. */
export class BenchChild {
  private waiting: { resolve(value: unknown): void; reject(error: Error): void } | undefined;
  private stderr = '';
  private exited: Error | undefined;
  /** The child's process id, for watching its CPU use from outside. */
  readonly pid: number;

  private constructor(
    private readonly child: ChildProcess,
    readonly label: string,
  ) {
    this.pid = child.pid!;
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    child.on('message', (reply: Reply) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(new Error(`${label}: ${reply.error}`));
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`${label} exited (${signal ?? `code ${code}`})${this.stderr.trim() ? `: ${this.stderr.trim()}` : ''}`);
      this.waiting?.reject(this.exited);
      this.waiting = undefined;
    });
  }

  /** Starts `bench/SCRIPT args` under tsx and waits for its ready reply (the model is loaded). */
  static async start<T>(script: string, args: readonly string[], label: string): Promise<{ child: BenchChild; ready: T }> {
    const proc = fork(script, [...args], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    const child = new BenchChild(proc, label);
    const ready = (await child.next()) as T;
    return { child, ready };
  }

  private next(): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    if (this.waiting) return Promise.reject(new Error(`${this.label}: one request at a time`));
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  request(message: { type: 'decode'; prompt: string; tokens: number; drafts?: boolean }): Promise<DecodeRun>;
  request(message: { type: 'exit' }): Promise<ExitFigures>;
  request<T>(message: BenchRequest): Promise<T>;
  request(message: BenchRequest): Promise<unknown> {
    const reply = this.next();
    this.child.send(message);
    return reply;
  }

  /** Ends the process if it is still there (after an error elsewhere). */
  kill(): void {
    if (!this.exited) this.child.kill();
  }
}

/**
 * The runtime's side: sends `ready()` once loaded, then answers each request
 * with `handle`; after 'exit' has been answered the process ends.
 */
export function serveBench(ready: () => Promise<unknown>, handle: (request: BenchRequest) => Promise<unknown>): void {
  const send = (reply: Reply) => new Promise<void>((resolve) => process.send!(reply, () => resolve()));
  const failure = (error: unknown): Reply => ({ ok: false, error: error instanceof Error ? error.message : String(error) });
  if (!process.send) throw new Error('this script is run by bench/model.bench.ts (it needs an IPC channel)');
  ready().then(
    async (value) => {
      await send({ ok: true, value });
      process.on('message', (request: BenchRequest) => {
        handle(request).then(
          async (result) => {
            await send({ ok: true, value: result });
            if (request.type === 'exit') process.exit(0);
          },
          (error: unknown) => send(failure(error)),
        );
      });
    },
    async (error: unknown) => {
      await send(failure(error));
      process.exit(1);
    },
  );
}
