import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, after a large upload has been handled: V8
 * keeps the upload's big strings and buffers (tens or hundreds of MB) until
 * its heap grows enough to start a major collection by itself, which on an
 * otherwise quiet workstation may be never, so the process would keep the
 * size of the largest upload it ever took. Collected, they go back to the
 * system. Costs one full collection (tens of ms) per large upload.
 */
let gc: (() => void) | null | undefined;

export function releaseUploadMemory(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

/** How long after the last large upload the collection waits: a burst of uploads (a 30-bundle import) pays for one. */
const QUIET_MS = 1_000;
let pending: NodeJS.Timeout | null = null;

/**
 * releaseUploadMemory once uploads have stopped for a second: a full
 * collection holds its thread for tens of ms, which after every bundle of
 * an import held every chart read behind it (bench:jobs).
 */
export function releaseUploadMemorySoon(): void {
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    releaseUploadMemory();
  }, QUIET_MS);
  pending.unref();
}
