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
