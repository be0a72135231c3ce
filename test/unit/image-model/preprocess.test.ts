import { describe, expect, it } from 'vitest';
import type { ImageInputSpec } from '../../../electron/imaging/image-model/manifest';
import { preprocess, resample, sourceBox, toTensor, windowFrame, type FramePixels, type Raster } from '../../../electron/imaging/image-model/preprocess';

/** Known pixels in, known values out: every step of the path from a DICOM frame or photo to the model's tensor. */

function frame(pixels: Uint16Array | Int16Array | Uint8Array, over: Partial<FramePixels> = {}): FramePixels {
  return {
    rows: 1,
    columns: pixels.length,
    samplesPerPixel: 1,
    photometric: 'MONOCHROME2',
    pixels,
    slope: 1,
    intercept: 0,
    windowCenter: null,
    windowWidth: null,
    ...over,
  };
}

const spec = (over: Partial<ImageInputSpec> = {}): ImageInputSpec => ({
  width: 2,
  height: 2,
  channels: 3,
  layout: 'NCHW',
  channelOrder: 'RGB',
  valueRange: '0-1',
  mean: [0.5, 0.5, 0.5],
  std: [0.5, 0.5, 0.5],
  resize: 'stretch',
  ...over,
});

describe('windowing a DICOM frame to 8 bits', () => {
  it("applies the file's window with the DICOM linear function (PS3.3 C.11.2.1.2.1)", () => {
    // Window 1000/1001: 500 and below black, 1500 and above white, the centre mid-grey.
    const { raster, window } = windowFrame(frame(Uint16Array.from([0, 499, 1000, 1250, 1500, 4000]), { windowCenter: 1000, windowWidth: 1001 }));
    expect(window).toEqual({ center: 1000, width: 1001, source: 'file' });
    expect([...raster.data]).toEqual([0, 0, 128, 191, 255, 255]);
    expect(raster).toMatchObject({ width: 6, height: 1, channels: 1 });
  });

  it('rescales stored values (slope, intercept) before windowing, and inverts MONOCHROME1', () => {
    // CT-like: stored 0..2000 with intercept -1024; window 40/400 (soft tissue).
    const stored = Int16Array.from([824, 1064, 1264, 2000]); // -200, 40, 240, 976 HU
    const mono2 = windowFrame(frame(stored, { intercept: -1024, windowCenter: 40, windowWidth: 400 })).raster.data;
    expect([...mono2]).toEqual([0, 128, 255, 255]);
    const mono1 = windowFrame(frame(stored, { intercept: -1024, windowCenter: 40, windowWidth: 400, photometric: 'MONOCHROME1' })).raster.data;
    expect([...mono1]).toEqual([255, 127, 0, 0]);
  });

  it("without a window in the file, maps the frame's own range to 0-255", () => {
    const { raster, window } = windowFrame(frame(Uint16Array.from([100, 150, 200])));
    expect(window?.source).toBe('range');
    expect([...raster.data]).toEqual([0, 128, 255]);
  });

  it('passes RGB frames through as 8-bit colour', () => {
    const { raster, window } = windowFrame(frame(Uint8Array.from([10, 20, 30, 40, 50, 60]), { columns: 2, samplesPerPixel: 3, photometric: 'RGB' }));
    expect(window).toBeNull();
    expect(raster).toMatchObject({ width: 2, height: 1, channels: 3 });
    expect([...raster.data]).toEqual([10, 20, 30, 40, 50, 60]);
  });
});

describe('resampling with an antialiasing (triangle) filter', () => {
  const row = (values: number[]): Raster => ({ width: values.length, height: 1, channels: 1, data: Uint8Array.from(values) });

  it('keeps a flat image flat and an image of the same size unchanged', () => {
    const flat: Raster = { width: 37, height: 23, channels: 1, data: new Uint8Array(37 * 23).fill(77) };
    expect([...resample(flat, 5, 4)].every((v) => Math.abs(v - 77) < 1e-4)).toBe(true);
    const same = row([3, 200, 17, 90]);
    expect([...resample(same, 4, 1)].map((v) => Math.round(v * 1000) / 1000)).toEqual([3, 200, 17, 90]);
  });

  it('halves with weights 3:3:1 from the filter scaled to the reduction (not every other pixel)', () => {
    // Output 0 reads pixels 0,1,2 with triangle weights 0.75, 0.75, 0.25 (normalised by 1.75).
    const out = resample(row([0, 0, 255, 255]), 2, 1);
    expect(out[0]).toBeCloseTo((255 * 0.25) / 1.75, 4);
    expect(out[1]).toBeCloseTo((255 * 1.5) / 1.75, 4);
  });

  it('enlarges bilinearly, edges clamped', () => {
    expect([...resample(row([0, 255]), 4, 1)]).toEqual([0, 63.75, 191.25, 255]);
  });

  it('averages a fine pattern that sampling would alias', () => {
    // Alternating black and white columns reduced 8x: grey, not black or white.
    const stripes: Raster = { width: 64, height: 1, channels: 1, data: Uint8Array.from({ length: 64 }, (_, i) => (i % 2 ? 255 : 0)) };
    for (const v of resample(stripes, 8, 1)) expect(Math.abs(v - 127.5)).toBeLessThan(20);
  });

  it('crops the centre with the output aspect ratio for center-crop', () => {
    expect(sourceBox(200, 100, 50, 50, 'center-crop')).toEqual({ x: 50, y: 0, width: 100, height: 100 });
    expect(sourceBox(200, 100, 50, 50, 'stretch')).toEqual({ x: 0, y: 0, width: 200, height: 100 });
  });
});

describe('the tensor', () => {
  it('replicates grey to three channels, scales to 0-1 and normalises, in NCHW order', () => {
    // Pixels 0, 255, 51, 102 (2 x 2), mean 0.5, std 0.5: (v/255 - 0.5) / 0.5.
    const t = toTensor(Float32Array.from([0, 255, 51, 102]), 1, spec());
    const plane = [-1, 1, -0.6, -0.2];
    expect([...t].map((v) => Math.round(v * 1e5) / 1e5)).toEqual([...plane, ...plane, ...plane]);
  });

  it('interleaves channels for NHWC and reverses them for BGR models', () => {
    const rgb = Float32Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
    const s = spec({ layout: 'NHWC', channelOrder: 'BGR', valueRange: '0-255', mean: [0, 0, 0], std: [1, 1, 1] });
    expect([...toTensor(rgb, 3, s)]).toEqual([0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255]);
  });

  it('uses per-channel mean and std (ImageNet values)', () => {
    const s = spec({ width: 1, height: 1, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] });
    const t = toTensor(Float32Array.from([255, 255, 255]), 3, s);
    expect(t[0]).toBeCloseTo((1 - 0.485) / 0.229, 5);
    expect(t[1]).toBeCloseTo((1 - 0.456) / 0.224, 5);
    expect(t[2]).toBeCloseTo((1 - 0.406) / 0.225, 5);
  });

  it('turns colour into grey (BT.601 luma) for a one-channel model', () => {
    const s = spec({ width: 1, height: 1, channels: 1, valueRange: '0-255', mean: [0], std: [1] });
    expect(toTensor(Float32Array.from([200, 100, 50]), 3, s)[0]).toBeCloseTo(0.299 * 200 + 0.587 * 100 + 0.114 * 50, 4);
  });

  it('gives the dimensions the manifest declares', () => {
    const image: Raster = { width: 10, height: 6, channels: 1, data: new Uint8Array(60).fill(255) };
    const nchw = preprocess(image, spec({ width: 4, height: 3 }));
    expect(nchw.dims).toEqual([1, 3, 3, 4]);
    expect(nchw.data).toHaveLength(36);
    expect([...nchw.data].every((v) => Math.abs(v - 1) < 1e-5)).toBe(true);
    expect(preprocess(image, spec({ width: 4, height: 3, layout: 'NHWC' })).dims).toEqual([1, 3, 4, 3]);
  });
});
