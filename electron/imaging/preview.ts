/**
 * A reduced copy of a decoded greyscale frame, for the viewer to draw while
 * the full resolution is still on its way. Each preview pixel is the mean of
 * a factor x factor block (a box filter, so no aliasing), and the factor is
 * the largest whole number that still leaves the preview at least as large
 * as the image appears when fitted to the canvas asked for: at
 * fit-to-window it shows as much detail as the screen can. Pixel values keep
 * their meaning (same units, same window), so the full image replaces it
 * without a visible jump. Measurements are never taken on it: the viewer
 * enables its tools on the full image only.
 *
 * The same pass finds the full frame's smallest and largest value, which
 * decode.ts would otherwise find in a pass of its own: on a 2,000 x 2,500
 * image each pass over the pixels is time the clinician waits.
 */
export type GreyPixels = Uint8Array | Uint16Array | Int16Array;

export interface FramePreview {
  readonly factor: number;
  readonly rows: number;
  readonly columns: number;
  readonly pixels: GreyPixels;
}

/**
 * The factor for a frame fitted to a canvas of width x height device pixels. Fitted, the image
 * shows at scale min(width / columns, height / rows), so any factor up to the inverse of that,
 * max(columns / width, rows / height), leaves at least one preview pixel per screen pixel.
 * Below 2 there is nothing to gain.
 */
export function previewFactor(columns: number, rows: number, width: number, height: number): number {
  if (width <= 0 || height <= 0) return 1;
  return Math.max(1, Math.floor(Math.max(columns / width, rows / height)));
}

/** The smallest and largest sample (one pass). */
export function pixelRange(pixels: GreyPixels): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * The preview of a greyscale frame of rows x columns for a canvas of width x height device pixels,
 * with the full frame's range found on the way; null when a preview would not be smaller.
 */
export function greyPreview(source: GreyPixels, rows: number, columns: number, width: number, height: number): { preview: FramePreview; min: number; max: number } | null {
  const factor = previewFactor(columns, rows, width, height);
  if (factor < 2) return null;
  const outColumns = Math.ceil(columns / factor);
  const outRows = Math.ceil(rows / factor);
  const size = outRows * outColumns;
  const out = source instanceof Int16Array ? new Int16Array(size) : source instanceof Uint16Array ? new Uint16Array(size) : new Uint8Array(size);
  const sums = new Float64Array(outColumns);
  let min = Infinity;
  let max = -Infinity;
  for (let oy = 0; oy < outRows; oy++) {
    sums.fill(0);
    const y0 = oy * factor;
    const y1 = Math.min(rows, y0 + factor);
    for (let y = y0; y < y1; y++) {
      const rowEnd = (y + 1) * columns;
      for (let ox = 0, x = y * columns; ox < outColumns; ox++) {
        const end = Math.min(rowEnd, x + factor);
        let sum = 0;
        for (; x < end; x++) {
          const v = source[x]!;
          sum += v;
          if (v < min) min = v;
          if (v > max) max = v;
        }
        sums[ox]! += sum;
      }
    }
    // The last block of a row or column may be narrower: divide by what it holds.
    const blockRows = y1 - y0;
    const base = oy * outColumns;
    for (let ox = 0; ox < outColumns; ox++) {
      const blockColumns = Math.min(columns, (ox + 1) * factor) - ox * factor;
      out[base + ox] = Math.round(sums[ox]! / (blockRows * blockColumns));
    }
  }
  return { preview: { factor, rows: outRows, columns: outColumns, pixels: out }, min, max };
}
