/**
 * How many prompt tokens to run in one forward pass. onnxruntime-node cannot
 * interrupt a run, so a chunk is how long the worker stays busy after a Stop;
 * but each pass also pays a fixed cost (every weight is read once, whatever
 * the token count, about one decode step), so chunks that are too small waste
 * the machine.
 *
 * The sizer learns from the passes it sees (prompt chunks and decode steps
 * alike), as the machine is loaded now: a pass should take the target time,
 * or three decode steps where a step alone takes more than a third of it (the
 * fixed cost then stays at most a third of each pass, so prefill keeps at
 * least two thirds of its speed). The next chunk is the time allowed over the recent cost per
 * prompt token, smoothed, and at most double the last one.
 *
 * Measured on the 2-core build machine under load (int4 0.5B): passes of 4-8
 * tokens prefilled about twice as fast as passes of 128, which took 5-7 s
 * each, so a Stop during a long prompt used to wait that long. On a quiet
 * machine the other way round (raw onnxruntime, 1,960-token prompt: 8-token
 * passes 89 tokens/s, 64-token passes 122): the fixed cost of a pass grows
 * with the context (attention over it, the copy of the KV cache), and the
 * decode step that measures it is taken at the start, so with an 80 ms target
 * the sizer settled on 4-token passes late in a long prompt and prefilled at
 * 40 tokens/s. The target is 250 ms: the caller's result settles at once on a
 * Stop anyway; only the worker's release waits for the pass.
 */

export interface ChunkSizerOptions {
  /** Time one prompt pass should take (default 250 ms). */
  readonly targetMs?: number;
  /** A fixed chunk size instead (no adaptation): for tests and comparisons. */
  readonly fixed?: number;
  /** Largest chunk ever run (default 512). */
  readonly max?: number;
}

export const DEFAULT_PREFILL_TARGET_MS = 250;
/** Weight of the newest pass in the running averages: noise of one pass moves them a little. */
const SMOOTHING = 0.3;
/** A pass may take this many decode steps: its fixed cost (about one step) is then at most a third of it. */
const STEPS_PER_PASS = 3;

export class ChunkSizer {
  private readonly targetMs: number;
  private readonly max: number;
  /** Running average of a one-token pass (a decode step). */
  private stepMs: number | undefined;
  /** Running average of milliseconds per token in multi-token passes. */
  private perTokenMs: number | undefined;
  private lastChunk = 1;

  constructor(private readonly options: ChunkSizerOptions = {}) {
    this.targetMs = options.targetMs ?? DEFAULT_PREFILL_TARGET_MS;
    this.max = options.max ?? 512;
    if (!(this.targetMs > 0)) throw new Error('the prefill target time must be positive');
    if (options.fixed !== undefined && !(Number.isInteger(options.fixed) && options.fixed >= 1)) throw new Error('a fixed prefill chunk must be a positive integer');
  }

  /** The chunk to run next, for a prompt with `remaining` tokens still to encode. */
  next(remaining: number): number {
    return Math.max(1, Math.min(remaining, this.size()));
  }

  /** The time a prompt pass may take now. */
  get passMs(): number {
    return Math.max(this.targetMs, STEPS_PER_PASS * (this.stepMs ?? 0));
  }

  /** The size the sizer would choose now (before the cap by the prompt's length). */
  size(): number {
    if (this.options.fixed !== undefined) return this.options.fixed;
    // Nothing known yet: one token first (the cost of a step), then a few.
    if (this.stepMs === undefined && this.perTokenMs === undefined) return 1;
    if (this.perTokenMs === undefined) return 4;
    const fits = Math.floor(this.passMs / this.perTokenMs);
    return Math.max(1, Math.min(this.max, 2 * this.lastChunk, fits));
  }

  /** A forward pass of `tokens` tokens took `ms` milliseconds. */
  record(tokens: number, ms: number): void {
    if (!(Number.isInteger(tokens) && tokens >= 1 && ms >= 0)) return;
    const average = (old: number | undefined, value: number) => (old === undefined ? value : old + SMOOTHING * (value - old));
    if (tokens === 1) {
      this.stepMs = average(this.stepMs, ms);
      return;
    }
    this.perTokenMs = average(this.perTokenMs, ms / tokens);
    this.lastChunk = tokens;
  }
}
