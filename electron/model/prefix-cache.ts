/**
 * Prefix reuse: the KV states of recent prompts, so a follow-up question in
 * the same session does not pay again for the system prompt and the
 * patient's record. Matching is by token ids (longest common prefix), so it
 * works for any chat template; a state is cut back when only part matches.
 * The cache holds its own handle on each state it keeps (see kv-cache.ts)
 * and releases it when the entry goes.
 */
import type { KvState } from './kv-cache';

interface Entry {
  readonly tokens: readonly number[];
  readonly kv: KvState;
  used: number;
}

function commonPrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

export class PrefixCache {
  private entries: Entry[] = [];
  private clock = 0;

  constructor(private readonly maxEntries = 4) {}

  /**
   * The state for the longest cached prefix of `tokens`, keeping at least the
   * last token to run (its logits choose the first new token), as a new
   * handle the caller releases.
   */
  lookup(tokens: readonly number[]): { kv: KvState; reused: number } | undefined {
    let best: Entry | undefined;
    let bestLength = 0;
    for (const entry of this.entries) {
      const length = Math.min(commonPrefix(entry.tokens, tokens), tokens.length - 1);
      if (length > bestLength) {
        best = entry;
        bestLength = length;
      }
    }
    if (!best) return undefined;
    best.used = ++this.clock;
    return { kv: best.kv.truncate(bestLength), reused: bestLength };
  }

  /** Keeps the state of `tokens` (a handle of its own; the caller keeps theirs); an entry that is a prefix of it is superseded. */
  store(tokens: readonly number[], kv: KvState): void {
    if (kv.length !== tokens.length || tokens.length === 0) return;
    const kept: Entry[] = [];
    for (const e of this.entries) {
      if (commonPrefix(e.tokens, tokens) < e.tokens.length) kept.push(e);
      else e.kv.release();
    }
    kept.push({ tokens: [...tokens], kv: kv.share(), used: ++this.clock });
    if (kept.length > this.maxEntries) {
      kept.sort((a, b) => b.used - a.used);
      for (const e of kept.splice(this.maxEntries)) e.kv.release();
    }
    this.entries = kept;
  }

  clear(): void {
    for (const e of this.entries) e.kv.release();
    this.entries = [];
  }

  get size(): number {
    return this.entries.length;
  }
}
