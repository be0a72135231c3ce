/**
 * Turns the growing decoded text of a generation into the deltas shown to
 * the clinician, holding back what must not be shown yet: a character still
 * incomplete in UTF-8 (decoded as U+FFFD until its last byte arrives) and
 * any tail that could be the start of a stop sequence. A stop sequence ends
 * the text before it; it is never shown.
 */
export class TextStream {
  private emitted = 0;
  private finalText: string | undefined;

  constructor(
    private readonly stops: readonly string[],
    private readonly trimStart = false,
  ) {}

  /** The new visible text, given the whole decoded text so far; `stopped` once a stop sequence appears. */
  update(decoded: string): { delta: string; stopped: boolean } {
    if (this.finalText !== undefined) return { delta: '', stopped: true };
    const text = this.trimStart ? decoded.trimStart() : decoded;
    let stopAt = -1;
    for (const stop of this.stops) {
      const at = text.indexOf(stop);
      if (at >= 0 && (stopAt < 0 || at < stopAt)) stopAt = at;
    }
    if (stopAt >= 0) {
      this.finalText = text.slice(0, stopAt);
      return { delta: this.take(this.finalText, this.finalText.length), stopped: true };
    }
    let safe = text.length;
    while (safe > 0 && text[safe - 1] === '\uFFFD') safe--;
    for (const stop of this.stops) {
      for (let keep = Math.min(stop.length - 1, safe); keep > 0; keep--) {
        if (text.endsWith(stop.slice(0, keep))) {
          safe = Math.min(safe, text.length - keep);
          break;
        }
      }
    }
    return { delta: this.take(text, safe), stopped: false };
  }

  /** Everything still held back, at the end of the generation. */
  flush(decoded: string): string {
    if (this.finalText !== undefined) return '';
    const text = this.trimStart ? decoded.trimStart() : decoded;
    return this.take(text, text.length);
  }

  private take(text: string, upTo: number): string {
    if (upTo <= this.emitted) return '';
    const delta = text.slice(this.emitted, upTo);
    this.emitted = upTo;
    return delta;
  }

  /** The visible text (up to any stop sequence). */
  text(decoded: string): string {
    if (this.finalText !== undefined) return this.finalText;
    return this.trimStart ? decoded.trimStart() : decoded;
  }
}
