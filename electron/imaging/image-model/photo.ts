import { createCanvas, loadImage } from '@napi-rs/canvas';
import { imageSize, MAX_PIXELS } from '../../ocr/raster';
import { ImageModelError } from './errors';
import type { Raster } from './preprocess';

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * A JPEG or PNG photo as 8-bit RGB (alpha dropped onto white), decoded with
 * @napi-rs/canvas as the OCR pipeline does. The header is read first: the
 * decoder can end the process on some malformed files, and a huge image is
 * refused before its pixels are allocated.
 */
export async function decodePhoto(bytes: Uint8Array, label: string): Promise<Raster> {
  if (!startsWith(bytes, JPEG) && !startsWith(bytes, PNG)) throw new ImageModelError('invalid-input', `${label}: not a JPEG or PNG photo`);
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) throw new ImageModelError('invalid-input', `${label}: not a readable image`);
  if (size.width * size.height > MAX_PIXELS) throw new ImageModelError('invalid-input', `${label}: the photo is ${size.width} x ${size.height} pixels, too large to analyse`);
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new ImageModelError('invalid-input', `${label}: not a readable image`);
  }
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const rgba = context.getImageData(0, 0, image.width, image.height).data;
  const n = image.width * image.height;
  const rgb = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    rgb[i * 3] = rgba[i * 4]!;
    rgb[i * 3 + 1] = rgba[i * 4 + 1]!;
    rgb[i * 3 + 2] = rgba[i * 4 + 2]!;
  }
  return { width: image.width, height: image.height, channels: 3, data: rgb };
}
