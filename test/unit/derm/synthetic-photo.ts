import { createCanvas } from '@napi-rs/canvas';

/**
 * Synthetic dermatology photos made by the tests themselves (no real patient
 * picture): skin-toned background, a millimetre ruler drawn at a known
 * scale, and an elliptical "lesion" of known size. What the calibration and
 * the outline must find is therefore known exactly.
 */
export interface SyntheticPhoto {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** Ruler: the 0 mm and the 10 mm ticks, in image pixels. */
  readonly ruler: { readonly from: { x: number; y: number }; readonly to: { x: number; y: number }; readonly mm: number };
  /** The lesion ellipse: centre and radii in pixels. */
  readonly lesion: { readonly cx: number; readonly cy: number; readonly rx: number; readonly ry: number };
}

export function syntheticPhoto(options: { pxPerMm?: number; lesionMm?: [number, number]; format?: 'jpeg' | 'png'; width?: number; height?: number } = {}): SyntheticPhoto {
  const pxPerMm = options.pxPerMm ?? 20;
  const [wMm, hMm] = options.lesionMm ?? [6, 4];
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#e8b99a';
  ctx.fillRect(0, 0, width, height);
  const lesion = { cx: width / 2, cy: height / 2 - 40, rx: (wMm * pxPerMm) / 2, ry: (hMm * pxPerMm) / 2 };
  ctx.fillStyle = '#5a3521';
  ctx.beginPath();
  ctx.ellipse(lesion.cx, lesion.cy, lesion.rx, lesion.ry, 0, 0, Math.PI * 2);
  ctx.fill();
  // A white ruler strip with a tick every millimetre, longer every 5, labelled 0 and 10.
  const x0 = 60;
  const y = height - 60;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(x0 - 10, y - 30, 10 * pxPerMm + 20, 44);
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = 1;
  for (let mm = 0; mm <= 10; mm++) {
    const x = x0 + mm * pxPerMm + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x, y - (mm % 5 === 0 ? 20 : 10));
    ctx.stroke();
  }
  ctx.fillStyle = '#000000';
  ctx.font = '11px sans-serif';
  ctx.fillText('0', x0 - 3, y + 12);
  ctx.fillText('10 mm', x0 + 10 * pxPerMm - 8, y + 12);
  const bytes = options.format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 92);
  return { bytes, width, height, ruler: { from: { x: x0, y }, to: { x: x0 + 10 * pxPerMm, y }, mm: 10 }, lesion };
}

/** Points around an ellipse, as a clinician's outline would be. */
export function ellipseOutline(l: SyntheticPhoto['lesion'], n = 64): Array<{ x: number; y: number }> {
  return Array.from({ length: n }, (_, i) => {
    const t = (i / n) * Math.PI * 2;
    return { x: Math.round((l.cx + l.rx * Math.cos(t)) * 100) / 100, y: Math.round((l.cy + l.ry * Math.sin(t)) * 100) / 100 };
  });
}

/** The JPEG with an EXIF block (APP1) holding DateTimeOriginal, as a camera writes it. */
export function withExifDate(jpeg: Buffer, exifDate: string, byteOrder: 'II' | 'MM' = 'II'): Buffer {
  const little = byteOrder === 'II';
  const tiff = Buffer.alloc(64);
  tiff.write(byteOrder, 0, 'latin1');
  const u16 = (v: number, at: number) => (little ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (little ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
  u16(42, 2);
  u32(8, 4);
  u16(1, 8); // IFD0: one entry, the Exif IFD pointer
  u16(0x8769, 10);
  u16(4, 12);
  u32(1, 14);
  u32(26, 18);
  u32(0, 22);
  u16(1, 26); // Exif IFD: DateTimeOriginal
  u16(0x9003, 28);
  u16(2, 30);
  u32(20, 32);
  u32(44, 36);
  u32(0, 40);
  tiff.write(`${exifDate}\0`, 44, 'latin1');
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, payload, jpeg.subarray(2)]);
}
