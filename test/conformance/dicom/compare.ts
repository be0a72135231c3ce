import type { DecodedFrame } from '../../../electron/imaging';
import type { ReferenceFrames } from './reference';

/** How one decoded frame differs from the reference's. */
export interface FrameComparison {
  readonly samples: number;
  readonly differing: number;
  readonly maxDifference: number;
  /** Why the frame could not be compared sample by sample (size, kind or photometric differ); null when it could. */
  readonly mismatch: string | null;
}

/**
 * Our decoded frame against the reference's: greyscale as stored values
 * (the typed array's numbers are what the viewer windows), colour as the
 * 8-bit RGB it draws.
 */
export function compareFrame(ours: DecodedFrame, reference: ReferenceFrames, frame: number): FrameComparison {
  const expected = reference.frames[frame];
  if (!expected) return { samples: 0, differing: 0, maxDifference: 0, mismatch: `the reference has no frame ${frame + 1}` };
  const oursIsRgb = ours.photometric === 'RGB';
  if (oursIsRgb !== (reference.kind === 'rgb')) {
    return { samples: expected.length, differing: expected.length, maxDifference: Number.POSITIVE_INFINITY, mismatch: `ours is ${ours.photometric}, the reference ${reference.photometric}` };
  }
  if (!oursIsRgb && ours.photometric !== reference.photometric) {
    return { samples: expected.length, differing: expected.length, maxDifference: Number.POSITIVE_INFINITY, mismatch: `ours is ${ours.photometric}, the reference ${reference.photometric}` };
  }
  if (ours.pixels.length !== expected.length) {
    return { samples: expected.length, differing: expected.length, maxDifference: Number.POSITIVE_INFINITY, mismatch: `ours has ${ours.pixels.length} samples, the reference ${expected.length}` };
  }
  let differing = 0;
  let maxDifference = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(ours.pixels[i]! - expected[i]!);
    if (d !== 0) {
      differing += 1;
      if (d > maxDifference) maxDifference = d;
    }
  }
  return { samples: expected.length, differing, maxDifference, mismatch: null };
}
