import type { IncomingMessage } from 'node:http';
import { SealedSpool } from './sealed-spool';

/**
 * Reading API request bodies within bounds: every body must say its length
 * (411 otherwise), a length over the method's limit is refused before a byte
 * is read (413), a small body must arrive within a deadline, and an upload
 * streams into a SealedSpool instead of memory.
 */

export type BodyRefusal = { readonly status: 400 | 408 | 411 | 413 };

/** The declared length, or a refusal: none (chunked), malformed, or over `limit`. */
export function declaredLength(req: IncomingMessage, limit: number): number | BodyRefusal {
  const header = req.headers['content-length'];
  if (header === undefined) return { status: 411 };
  if (!/^\d{1,15}$/.test(header)) return { status: 400 };
  const length = Number(header);
  return length > limit ? { status: 413 } : length;
}

/** A small body in memory, whole, within `deadlineMs`. */
export function readSmallBody(req: IncomingMessage, length: number, deadlineMs: number): Promise<Buffer | BodyRefusal> {
  return new Promise((resolve, reject) => {
    const body = Buffer.allocUnsafe(length);
    let at = 0;
    let done = false;
    const finish = (outcome: Buffer | BodyRefusal | Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => finish({ status: 408 }), deadlineMs);
    const onData = (chunk: Buffer) => {
      // The parser keeps to Content-Length; this is only a second fence.
      if (at + chunk.length > length) return finish({ status: 400 });
      chunk.copy(body, at);
      at += chunk.length;
    };
    req.on('data', onData);
    req.on('end', () => finish(at === length ? body : { status: 400 }));
    req.on('error', (error) => finish(error));
    req.on('close', () => finish(new Error('the client went away')));
  });
}

/**
 * An upload's body into an encrypted temporary file in `dir`, with
 * backpressure (the socket is paused while a chunk is written). A gap of
 * `idleMs` without data ends it (408). The caller closes the spool.
 */
export async function spoolBody(req: IncomingMessage, length: number, dir: string, idleMs: number): Promise<SealedSpool | BodyRefusal> {
  const spool = await SealedSpool.create(dir);
  try {
    let idle: NodeJS.Timeout | null = null;
    let timedOut = false;
    const arm = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => {
        timedOut = true;
        req.destroy();
      }, idleMs);
    };
    arm();
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        if (spool.bytes + chunk.length > length) {
          await spool.close();
          return { status: 400 };
        }
        await spool.write(chunk);
        arm();
      }
    } catch (error) {
      await spool.close();
      if (timedOut) return { status: 408 };
      throw error;
    } finally {
      if (idle) clearTimeout(idle);
    }
    if (timedOut || spool.bytes !== length) {
      await spool.close();
      return { status: timedOut ? 408 : 400 };
    }
    await spool.seal();
    return spool;
  } catch (error) {
    await spool.close();
    throw error;
  }
}

/**
 * At most `slots` holders at once; up to `queue` more wait their turn, in
 * order; beyond that enter() answers null at once (the host says 503).
 */
export class Gate {
  private held = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly slots: number,
    private readonly queue: number,
  ) {}

  async enter(): Promise<(() => void) | null> {
    if (this.held < this.slots) {
      this.held += 1;
      return this.releaser();
    }
    if (this.waiting.length >= this.queue) return null;
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.held -= 1;
    };
  }
}
