/**
 * The reasoning budget of thinking models (Qwen3, DeepSeek-R1 style:
 * <think> ... </think> before the answer). Tracks where the reasoning and
 * the answer lie among the generated tokens and, when the reasoning reaches
 * its budget, forces the closing tag so the model must answer.
 */
import type { ModelTokenizer } from './tokenizer';

export interface Regions {
  readonly inThinking: boolean;
  readonly thinkStart: number;
  readonly thinkEnd: number;
  readonly answerStart: number;
}

function endsWith(ids: readonly number[], tail: readonly number[]): boolean {
  if (tail.length === 0 || ids.length < tail.length) return false;
  return tail.every((id, i) => ids[ids.length - tail.length + i] === id);
}

export class ThinkingTracker {
  private readonly openIds: number[] = [];
  private readonly closeIds: number[] = [];
  private readonly closing: number[] = [];
  private queue: number[] = [];
  private inThinking: boolean;
  private thinkStart = 0;
  private thinkEnd = 0;
  private answerStart = 0;
  private lastForced = false;
  /** Reasoning tokens the model chose (forced ones not counted). */
  count = 0;

  constructor(
    tokenizer: Pick<ModelTokenizer, 'encode'>,
    tags: { readonly open: string; readonly close: string } | undefined,
    private readonly options: { readonly promptEndsOpen: boolean; readonly budget: number },
  ) {
    if (tags) {
      this.openIds = tokenizer.encode(tags.open);
      this.closeIds = tokenizer.encode(tags.close);
      this.closing = tokenizer.encode(`\n${tags.close}\n\n`);
    }
    this.inThinking = options.promptEndsOpen;
    if (this.inThinking && options.budget <= 0) this.queue = [...this.closing];
  }

  /** The next token the budget forces, if any. */
  forcedToken(): number | undefined {
    const id = this.queue.shift();
    this.lastForced = id !== undefined;
    return id;
  }

  /** Called after each token is appended to `generated`. */
  accept(generated: readonly number[]): void {
    const n = generated.length;
    if (this.inThinking) {
      if (endsWith(generated, this.closeIds)) {
        this.inThinking = false;
        this.thinkEnd = n - this.closeIds.length;
        this.answerStart = n;
        return;
      }
      if (!this.lastForced) this.count++;
      if (this.count >= this.options.budget && this.queue.length === 0 && !this.lastForced) this.queue = [...this.closing];
    } else if (this.openIds.length && n === this.openIds.length && endsWith(generated, this.openIds)) {
      // A thinking model may open its reasoning itself, template or not.
      this.inThinking = true;
      this.thinkStart = n;
      if (this.options.budget <= 0) this.queue = [...this.closing];
    }
  }

  regions(n: number): Regions {
    return {
      inThinking: this.inThinking,
      thinkStart: this.thinkStart,
      thinkEnd: this.inThinking ? n : this.thinkEnd,
      answerStart: this.inThinking ? n : this.answerStart,
    };
  }
}
