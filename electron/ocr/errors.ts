/** A document OCR cannot read, with a message fit for the clinician. */
export class OcrError extends Error {
  constructor(
    readonly code: 'unsupported' | 'corrupt' | 'encrypted' | 'too-large' | 'empty' | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'OcrError';
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new OcrError('cancelled', 'OCR cancelled');
}
