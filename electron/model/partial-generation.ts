/**
 * A generation as its caller has seen it so far (the streamed tokens), so
 * that a Stop can settle the caller's result at once while the worker is
 * still inside a forward pass: the result is exactly what was shown.
 */
import { performance } from 'node:perf_hooks';
import type { GenerateResult, TokenEvent } from './types';

export class PartialGeneration {
  private readonly requestedAt = performance.now();
  private promptTokens = 0;
  private reusedTokens = 0;
  private readonly tokenIds: number[] = [];
  private thinkingTokens = 0;
  private text = '';
  private thinking = '';
  private firstTokenAt: number | undefined;
  private lastTokenAt = 0;

  /** The worker has tokenized the prompt and begun. */
  start(promptTokens: number, reusedTokens: number): void {
    this.promptTokens = promptTokens;
    this.reusedTokens = reusedTokens;
  }

  token(event: TokenEvent): void {
    if (event.thinking) this.thinking += event.text;
    else this.text += event.text;
    if (event.tokenId < 0) return; // held-back text, not a token
    this.lastTokenAt = performance.now();
    this.firstTokenAt ??= this.lastTokenAt;
    this.tokenIds.push(event.tokenId);
    if (event.thinking) this.thinkingTokens++;
  }

  /** The result of a generation stopped now. */
  cancelled(): GenerateResult {
    const now = performance.now();
    const first = this.firstTokenAt;
    const decodeMs = first === undefined ? 0 : this.lastTokenAt - first;
    return {
      text: this.text,
      thinking: this.thinking.trim(),
      tokenIds: [...this.tokenIds],
      thinkingTokens: this.thinkingTokens,
      finish: 'cancelled',
      promptTokens: this.promptTokens,
      reusedTokens: this.reusedTokens,
      timings: {
        prefillMs: (first ?? now) - this.requestedAt,
        firstTokenMs: first === undefined ? 0 : first - this.requestedAt,
        totalMs: now - this.requestedAt,
        decodeTokensPerSecond: this.tokenIds.length > 1 && decodeMs > 0 ? ((this.tokenIds.length - 1) * 1000) / decodeMs : 0,
      },
    };
  }
}
