/**
 * The decode loop's passes (generate.ts): the KV state, the rows of logits
 * that a pass answered for the positions ahead, and the draft tokens those
 * rows assume (draft-tokens.ts). The loop chooses each token from
 * `nextLogits()`; where the token equals the draft, the state already holds
 * it and no pass is needed; otherwise `advance()` runs the token and new
 * drafts, from the state cut back to the tokens actually chosen.
 */
import { DraftPolicy, lookupDraft } from './draft-tokens';
import type { KvState } from './kv-cache';
import type { DecodePassStats } from './types';

/** Runs `tokens` after `kv` (releasing it once run) and answers the logits of the last `rows` positions. */
export type Pass = (tokens: readonly number[], kv: KvState, rows: number) => Promise<{ logits: Float32Array; kv: KvState }>;

export class DecodePasses {
  /** The logits of the coming positions, a row each: the first is the next token's. */
  private ahead: Float32Array[];
  /** The tokens that the rows after the first assume, one per row. */
  private drafts: number[] = [];
  /** How many of the state's leading tokens are the prompt and chosen tokens (beyond them: drafts not chosen). */
  private chosen: number;
  private readonly policy = new DraftPolicy();
  private passDrafted = 0; // draft tokens the last pass checked,
  private passKept = 0; // and how many of them have been chosen
  private readonly counts = { passes: 0, drafted: 0, kept: 0 };

  /** `kv`: the prompt's state (now this object's to release); `logits`: those of its last position. */
  constructor(
    private kv: KvState,
    logits: Float32Array | undefined,
    private readonly pass: Pass,
    private readonly useDrafts: boolean,
  ) {
    this.ahead = logits ? [logits] : [];
    this.chosen = kv.length;
  }

  /** The logits to choose the next token from. */
  nextLogits(): Float32Array {
    const row = this.ahead.shift();
    if (!row) throw new Error('no logits ahead: advance() must follow a token that was not a draft');
    return row;
  }

  /** `id` was chosen: true when it was the draft, so the state already holds it (no pass is needed for it). */
  accept(id: number): boolean {
    if (this.drafts[0] !== id) return false;
    this.drafts.shift();
    this.passKept++;
    this.counts.kept++;
    this.chosen++;
    return true;
  }

  get stats(): DecodePassStats {
    return { ...this.counts };
  }

  /**
   * Runs the chosen token `id` (not a draft) and up to `room` draft tokens
   * guessed from `history()` (the prompt and every chosen token, `id` last;
   * asked for only when drafts are tried, since it copies the whole context).
   */
  async advance(id: number, history: () => readonly number[], room: number): Promise<void> {
    this.policy.record(this.passDrafted, this.passKept);
    const wanted = this.useDrafts ? Math.min(this.policy.next(), room) : 0;
    const draft = wanted > 0 ? lookupDraft(history(), wanted) : [];
    if (this.kv.length > this.chosen) {
      const cut = this.kv.truncate(this.chosen);
      this.kv.release();
      this.kv = cut;
    }
    const out = await this.pass([id, ...draft], this.kv, draft.length + 1);
    this.kv = out.kv;
    this.chosen = out.kv.length - draft.length;
    this.ahead = rowsOf(out.logits, draft.length + 1);
    this.drafts = draft;
    this.passDrafted = draft.length;
    this.passKept = 0;
    this.counts.passes++;
    this.counts.drafted += draft.length;
  }

  /** A new handle (the caller's to release) on the state of the chosen tokens only, for the prefix cache. */
  chosenState(): KvState {
    return this.kv.truncate(this.chosen);
  }

  release(): void {
    this.kv.release();
  }
}

/** A pass's logits, `rows` rows one after the other, as a view per row. */
function rowsOf(logits: Float32Array, rows: number): Float32Array[] {
  const size = logits.length / rows;
  return Array.from({ length: rows }, (_, row) => logits.subarray(row * size, (row + 1) * size));
}
