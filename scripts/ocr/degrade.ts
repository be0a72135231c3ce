import { createCanvas, loadImage } from '@napi-rs/canvas';
import { rng } from './documents';

/** How a clean page is spoiled, as a scanner or a phone camera would. */
export interface Degradation {
  name: string;
  /** Degrees, counter-clockwise positive. */
  rotate?: number;
  /** Standard deviation of grey noise, 0-255 scale. */
  noise?: number;
  /** Box-blur radius in pixels. */
  blur?: number;
  /** JPEG quality 1-100; the result is a JPEG. */
  jpeg?: number;
  /** Scale factor (0.6 = 150 dpi page rescanned at 90 dpi). */
  scale?: number;
}

export const DEGRADATIONS: readonly Degradation[] = [
  { name: 'clean' },
  { name: 'rotated', rotate: 2.5 },
  { name: 'noisy', noise: 28 },
  { name: 'blurred', blur: 1 },
  { name: 'jpeg', jpeg: 30 },
  { name: 'low-res', scale: 0.7 },
  { name: 'scan', rotate: -1.5, noise: 14, jpeg: 55 },
];

export async function degrade(png: Buffer, d: Degradation, seed = 1): Promise<{ bytes: Buffer; mediaType: 'image/png' | 'image/jpeg' }> {
  const image = await loadImage(png);
  const scale = d.scale ?? 1;
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  ctx.translate(width / 2, height / 2);
  if (d.rotate) ctx.rotate((-d.rotate * Math.PI) / 180);
  ctx.drawImage(image, -width / 2, -height / 2, width, height);
  ctx.restore();
  if (d.blur || d.noise) {
    const data = ctx.getImageData(0, 0, width, height);
    if (d.blur) boxBlur(data.data, width, height, d.blur);
    if (d.noise) addNoise(data.data, d.noise, rng(seed * 7919));
    ctx.putImageData(data, 0, 0);
  }
  if (d.jpeg) return { bytes: await canvas.encode('jpeg', d.jpeg), mediaType: 'image/jpeg' };
  return { bytes: await canvas.encode('png'), mediaType: 'image/png' };
}

function boxBlur(px: Uint8ClampedArray, width: number, height: number, radius: number): void {
  const copy = new Uint8ClampedArray(px);
  const span = radius * 2 + 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < 3; c += 1) {
        let sum = 0;
        for (let dy = -radius; dy <= radius; dy += 1) {
          const yy = Math.min(height - 1, Math.max(0, y + dy));
          for (let dx = -radius; dx <= radius; dx += 1) {
            const xx = Math.min(width - 1, Math.max(0, x + dx));
            sum += copy[(yy * width + xx) * 4 + c]!;
          }
        }
        px[(y * width + x) * 4 + c] = sum / (span * span);
      }
    }
  }
}

function addNoise(px: Uint8ClampedArray, sigma: number, random: () => number): void {
  for (let i = 0; i < px.length; i += 4) {
    // Box-Muller, one normal deviate per pixel, the same on all channels (grey noise).
    const n = Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random()) * sigma;
    px[i] = px[i]! + n;
    px[i + 1] = px[i + 1]! + n;
    px[i + 2] = px[i + 2]! + n;
  }
}
