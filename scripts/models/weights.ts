/**
 * Seeded random weights and their quantized forms. Each tensor's values come
 * from its own stream, keyed by the model seed and the tensor's name, so the
 * fp32, int8 and int4 variants of one seed hold the same underlying weights
 * whatever order they are written in.
 */

/** A 32-bit hash of a string (FNV-1a), to key a tensor's random stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Uniform values in [-scale, scale] from a small fast PRNG (mulberry32). */
export function randomUniform(seed: number, key: string, count: number, scale: number): Float32Array {
  let state = (hash(key) ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = (u * 2 - 1) * scale;
  }
  return out;
}

/**
 * Symmetric int8 with one scale per output column, as onnxruntime's
 * quantize_dynamic(per_channel=True) writes it: W[K,N] ~= q[K,N] * scale[N].
 */
export function quantizeInt8PerColumn(w: Float32Array, k: number, n: number): { q: Int8Array; scales: Float32Array } {
  const scales = new Float32Array(n);
  for (let row = 0; row < k; row++) {
    for (let col = 0; col < n; col++) scales[col] = Math.max(scales[col]!, Math.abs(w[row * n + col]!));
  }
  for (let col = 0; col < n; col++) scales[col] = scales[col]! / 127 || 1;
  const q = new Int8Array(k * n);
  for (let row = 0; row < k; row++) {
    for (let col = 0; col < n; col++) q[row * n + col] = Math.round(w[row * n + col]! / scales[col]!);
  }
  return { q, scales };
}

/**
 * 4-bit blocks in com.microsoft MatMulNBits layout: for each output column n
 * and each block of `blockSize` rows, blockSize/2 bytes, element 2i in the low
 * nibble and 2i+1 in the high one; value = (nibble - 8) * scale[n, block]
 * (no zero_points input: the default zero point is 8).
 */
export function quantizeInt4Blocks(w: Float32Array, k: number, n: number, blockSize: number): { packed: Uint8Array; scales: Float32Array } {
  if (k % blockSize !== 0) throw new Error(`K=${k} is not a multiple of the block size ${blockSize}`);
  const blocks = k / blockSize;
  const blob = blockSize / 2;
  const packed = new Uint8Array(n * blocks * blob);
  const scales = new Float32Array(n * blocks);
  const values = new Float32Array(blockSize);
  for (let col = 0; col < n; col++) {
    for (let b = 0; b < blocks; b++) {
      let max = 0;
      for (let j = 0; j < blockSize; j++) {
        const v = w[(b * blockSize + j) * n + col]!;
        values[j] = v;
        max = Math.max(max, Math.abs(v));
      }
      const scale = max / 7 || 1;
      scales[col * blocks + b] = scale;
      const base = (col * blocks + b) * blob;
      for (let j = 0; j < blockSize; j += 2) {
        const lo = Math.min(15, Math.max(0, Math.round(values[j]! / scale) + 8));
        const hi = Math.min(15, Math.max(0, Math.round(values[j + 1]! / scale) + 8));
        packed[base + j / 2] = lo | (hi << 4);
      }
    }
  }
  return { packed, scales };
}
