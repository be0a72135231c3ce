import { availableParallelism } from 'node:os';
import { OcrPool } from '../../ocr';
import type { Service } from './service';

/**
 * The OCR workers of the core: tesseract.js in worker threads, one per
 * core, at most 4, started on the first upload and kept for the next.
 * Built by the composition root for the life of the core (the workers hold
 * no patient data between documents); dispose() closes them, and nothing
 * starts them again.
 */
export class OcrService implements Service {
  readonly name = 'ocr';
  private current: OcrPool | null = null;
  private disposed = false;

  constructor(private readonly size = Math.max(1, Math.min(4, availableParallelism()))) {}

  /** The pool, started on first use. */
  pool(): OcrPool {
    if (this.disposed) throw new Error('the OCR service was disposed');
    this.current ??= new OcrPool(this.size);
    return this.current;
  }

  /** Whether worker threads are running (started and not yet closed). */
  get running(): boolean {
    return this.current !== null;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const closing = this.current;
    this.current = null;
    await closing?.close();
  }
}
