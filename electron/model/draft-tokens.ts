/**
 * Draft tokens for a decode pass, guessed from the text so far (prompt lookup
 * decoding, as transformers' `prompt_lookup_num_tokens`): where the last few
 * tokens occurred earlier in the prompt or the answer, the tokens that
 * followed them there are guessed to follow again. The generation loop runs
 * the guesses in the same pass as the token it just chose and keeps each one
 * only if the sampler, given the logits of the position before it, picks
 * that very token anyway (generate.ts). The answer is therefore the one that
 * step-by-step decoding gives, the same tokens for the same seed; it only
 * comes in fewer passes wherever the answer repeats its context, as answers
 * about a patient do: a drug and its dose, a date, a value from the record.
 *
 * Why it pays on a CPU: decoding is bound by memory bandwidth, and a pass
 * reads every weight once whatever its token count. Measured on the 2-core
 * build machine, 0.5B int4 at a short context: a pass of 1 token 18.7 ms,
 * 2 tokens 19.7, 4 tokens 25.5, 8 tokens 39.5 (fp32: 52, 55, 62, 79).
 */

/** The longest run of recent tokens looked up (then shorter ones, down to one token). */
export const MAX_NGRAM = 3;
/** Draft tokens per pass at most: beyond this a pass costs more than the tokens it may save (see above). */
export const MAX_DRAFT = 6;

/**
 * `count` tokens that followed the most recent earlier occurrence of the
 * longest suffix of `history` (MAX_NGRAM tokens down to 1) that occurred
 * before; none when no suffix did. Where the copy reaches the end of the
 * history it goes on with the tokens it has just guessed (an overlapping
 * copy, as in LZ77): text that repeats with a period shorter than the draft,
 * such as a list's separators or a loop, is guessed as repeating further.
 */
export function lookupDraft(history: readonly number[], count: number, maxNgram = MAX_NGRAM): number[] {
  const end = history.length;
  if (count < 1) return [];
  for (let n = Math.min(maxNgram, end - 1); n >= 1; n--) {
    // The latest start whose n tokens equal the last n and that has a token after it (so not the suffix itself).
    for (let start = end - n - 1; start >= 0; start--) {
      let same = true;
      for (let i = 0; i < n && same; i++) same = history[start + i] === history[end - n + i];
      if (!same) continue;
      const draft: number[] = [];
      for (let at = start + n; draft.length < count; at++) draft.push(at < end ? history[at]! : draft[at - end]!);
      return draft;
    }
  }
  return [];
}

/** Passes without drafts at most after drafts that missed (see DraftPolicy). */
export const MAX_PAUSE = 16;

/**
 * How many draft tokens the next pass checks, from how the last drafts fared.
 * Length (the rule of transformers' assisted generation): two more after a
 * draft kept whole, one fewer after one cut short, never below one. Text that
 * keeps repeating itself earns long drafts.
 *
 * Pause: a draft of which nothing was kept still cost its pass more time, and
 * with a long context much more: the rows of the rejected tokens must be cut
 * from the KV state, a copy of all of it (measured with the 0.5B int4 model
 * after 2,000 tokens: a 1-token step ~30 ms, a 2-token pass ~33 ms, and the
 * next step after a cut ~10 ms more). Where drafts keep missing (sampled text
 * that does not repeat its context) the passes after a miss therefore run
 * without drafts, 1 after the first miss and twice as many after each further
 * one, up to MAX_PAUSE; a draft that is kept ends the pausing. A miss then
 * costs at most ~2 % of the steps around it, and drafting resumes within
 * MAX_PAUSE steps once the text starts repeating.
 */
export class DraftPolicy {
  private size = 2;
  /** Passes still to run without drafts. */
  private paused = 0;
  /** The pause after the next miss (0: none has missed since the last kept draft). */
  private backoff = 0;

  constructor(private readonly max = MAX_DRAFT) {}

  /** Draft tokens for the pass about to run (0: none); call once per pass. */
  next(): number {
    if (this.paused > 0) {
      this.paused--;
      return 0;
    }
    return this.size;
  }

  /** A pass checked `proposed` draft tokens and the first `kept` of them were chosen. */
  record(proposed: number, kept: number): void {
    if (proposed === 0) return;
    this.size = kept === proposed ? Math.min(this.max, this.size + 2) : Math.max(1, this.size - 1);
    if (kept > 0) {
      this.backoff = 0;
      return;
    }
    this.backoff = Math.min(MAX_PAUSE, this.backoff === 0 ? 1 : 2 * this.backoff);
    this.paused = this.backoff;
  }
}
