import type { ImageSpec } from './images';

/**
 * The generated conformance matrix: each image (bit depth, sign, photometric
 * interpretation, planar configuration, frames, odd sizes) in each transfer
 * syntax the viewer claims that DCMTK or GDCM can write it in. `small` is the
 * slice `npm test` runs; `npm run test:conformance` runs all of it.
 */
export interface Encoding {
  readonly name: string;
  readonly syntax: string;
  /** The tool and its arguments; the input and output file names are appended. */
  readonly command: readonly [string, ...string[]];
  readonly lossy: boolean;
  /** Whether the encoder takes this image (DCMTK's and GDCM's own limits, and the syntax's). */
  readonly accepts: (spec: ImageSpec) => boolean;
}

const mono = (name: string, bitsAllocated: 8 | 16, bitsStored: number, signed: boolean, more: Partial<ImageSpec> = {}): ImageSpec => ({
  name,
  rows: 29,
  columns: 37,
  frames: 1,
  bitsAllocated,
  bitsStored,
  signed,
  samples: 1,
  photometric: 'MONOCHROME2',
  planar: 0,
  ...more,
});
const colour = (name: string, photometric: 'RGB' | 'YBR_FULL', planar: 0 | 1, more: Partial<ImageSpec> = {}): ImageSpec => ({
  name,
  rows: 31,
  columns: 45,
  frames: 1,
  bitsAllocated: 8,
  bitsStored: 8,
  signed: false,
  samples: 3,
  photometric,
  planar,
  ...more,
});

export const IMAGES: readonly ImageSpec[] = [
  mono('mono8', 8, 8, false),
  mono('mono8-m1', 8, 8, false, { photometric: 'MONOCHROME1' }),
  mono('mono12', 16, 12, false),
  mono('mono12-signed', 16, 12, true),
  mono('mono16', 16, 16, false),
  mono('mono16-signed', 16, 16, true),
  mono('mono16-m1-3frames', 16, 16, false, { photometric: 'MONOCHROME1', frames: 3 }),
  mono('mono12-signed-3frames', 16, 12, true, { frames: 3, rows: 17, columns: 23 }),
  mono('mono12-3frames', 16, 12, false, { frames: 3, rows: 21, columns: 33 }),
  mono('mono8-1x1', 8, 8, false, { rows: 1, columns: 1 }),
  mono('mono16-1row', 16, 16, false, { rows: 1, columns: 65 }),
  colour('rgb', 'RGB', 0),
  colour('rgb-planar', 'RGB', 1),
  colour('rgb-2frames', 'RGB', 0, { frames: 2, rows: 15, columns: 21 }),
  colour('ybr-full', 'YBR_FULL', 0),
  colour('ybr-full-planar', 'YBR_FULL', 1),
];

const all = () => true;
const grey = (s: ImageSpec) => s.samples === 1;
const rgbOrGrey = (s: ImageSpec) => s.photometric !== 'YBR_FULL';
/** DCMTK's lossy JPEG and JPEG-LS near-lossless encoders take unsigned images only. */
const unsignedNotYbr = (s: ImageSpec) => !s.signed && s.photometric !== 'YBR_FULL';
/** GDCM writes multi-frame images only for multi-frame SOP classes; and its J2K encoder takes monochrome and RGB. */
const gdcmJ2k = (s: ImageSpec) => s.photometric !== 'YBR_FULL';
const eightBit = (s: ImageSpec) => s.bitsStored === 8 && s.photometric !== 'YBR_FULL';

export const ENCODINGS: readonly Encoding[] = [
  { name: 'explicit little endian', syntax: '1.2.840.10008.1.2.1', command: ['dcmconv', '+te'], lossy: false, accepts: all },
  { name: 'implicit little endian', syntax: '1.2.840.10008.1.2', command: ['dcmconv', '+ti'], lossy: false, accepts: all },
  { name: 'explicit big endian', syntax: '1.2.840.10008.1.2.2', command: ['dcmconv', '+tb'], lossy: false, accepts: all },
  { name: 'deflated explicit little endian', syntax: '1.2.840.10008.1.2.1.99', command: ['dcmconv', '+td'], lossy: false, accepts: all },
  { name: 'RLE lossless', syntax: '1.2.840.10008.1.2.5', command: ['dcmcrle'], lossy: false, accepts: all },
  { name: 'JPEG baseline (YBR_FULL_422)', syntax: '1.2.840.10008.1.2.4.50', command: ['dcmcjpeg', '+eb'], lossy: true, accepts: eightBit },
  { name: 'JPEG baseline (YBR_FULL, 4:4:4)', syntax: '1.2.840.10008.1.2.4.50', command: ['dcmcjpeg', '+eb', '+s4'], lossy: true, accepts: (s) => eightBit(s) && s.samples === 3 },
  { name: 'JPEG baseline (RGB)', syntax: '1.2.840.10008.1.2.4.50', command: ['dcmcjpeg', '+eb', '+cr'], lossy: true, accepts: (s) => eightBit(s) && s.samples === 3 },
  { name: 'JPEG extended (process 2+4), 8 bit', syntax: '1.2.840.10008.1.2.4.51', command: ['dcmcjpeg', '+ee'], lossy: true, accepts: eightBit },
  { name: 'JPEG extended (process 2+4), 12 bit', syntax: '1.2.840.10008.1.2.4.51', command: ['dcmcjpeg', '+ee'], lossy: true, accepts: (s) => grey(s) && !s.signed && s.bitsStored === 12 },
  { name: 'JPEG lossless SV1 (process 14)', syntax: '1.2.840.10008.1.2.4.70', command: ['dcmcjpeg', '+e1'], lossy: false, accepts: rgbOrGrey },
  ...[2, 3, 4, 5, 6, 7].map(
    (sv): Encoding => ({ name: `JPEG lossless (process 14, predictor ${sv})`, syntax: '1.2.840.10008.1.2.4.57', command: ['dcmcjpeg', '+el', '+sv', String(sv)], lossy: false, accepts: rgbOrGrey }),
  ),
  { name: 'JPEG lossless (process 14, point transform 2)', syntax: '1.2.840.10008.1.2.4.57', command: ['dcmcjpeg', '+el', '+sv', '1', '+pt', '2'], lossy: true, accepts: (s) => grey(s) && !s.signed },
  { name: 'JPEG-LS lossless', syntax: '1.2.840.10008.1.2.4.80', command: ['dcmcjpls', '+el'], lossy: false, accepts: grey },
  { name: 'JPEG-LS lossless, interleave none (0)', syntax: '1.2.840.10008.1.2.4.80', command: ['dcmcjpls', '+el', '+in'], lossy: false, accepts: (s) => s.samples === 3 && s.photometric === 'RGB' },
  { name: 'JPEG-LS lossless, interleave line (1)', syntax: '1.2.840.10008.1.2.4.80', command: ['dcmcjpls', '+el', '+il'], lossy: false, accepts: (s) => s.samples === 3 && s.photometric === 'RGB' },
  { name: 'JPEG-LS lossless, interleave sample (2)', syntax: '1.2.840.10008.1.2.4.80', command: ['dcmcjpls', '+el', '+is'], lossy: false, accepts: (s) => s.samples === 3 && s.photometric === 'RGB' },
  { name: 'JPEG-LS near-lossless (NEAR 2)', syntax: '1.2.840.10008.1.2.4.81', command: ['dcmcjpls', '+en', '+md', '2'], lossy: true, accepts: unsignedNotYbr },
  { name: 'JPEG-LS near-lossless (NEAR 3), interleave none (0)', syntax: '1.2.840.10008.1.2.4.81', command: ['dcmcjpls', '+en', '+md', '3', '+in'], lossy: true, accepts: (s) => s.samples === 3 && s.photometric === 'RGB' },
  { name: 'JPEG 2000 lossless', syntax: '1.2.840.10008.1.2.4.90', command: ['gdcmconv', '--j2k'], lossy: false, accepts: gdcmJ2k },
  { name: 'JPEG 2000 lossy (irreversible)', syntax: '1.2.840.10008.1.2.4.91', command: ['gdcmconv', '--j2k', '--lossy', '--irreversible', '-q', '30'], lossy: true, accepts: gdcmJ2k },
];

/** The slice of the matrix that `npm test` runs: every syntax once, on images that exercise its decoder's branches. */
export const SMALL: ReadonlyArray<readonly [image: string, encoding: string]> = [
  ['mono12-signed-3frames', 'explicit big endian'],
  ['mono16-signed', 'RLE lossless'],
  ['rgb-planar', 'RLE lossless'],
  ['ybr-full', 'explicit little endian'],
  ['rgb', 'JPEG baseline (YBR_FULL_422)'],
  ['mono12', 'JPEG lossless SV1 (process 14)'],
  ['mono16-signed', 'JPEG lossless (process 14, predictor 7)'],
  ['mono12-signed', 'JPEG-LS lossless'],
  ['rgb', 'JPEG-LS lossless, interleave none (0)'],
  ['rgb', 'JPEG-LS lossless, interleave line (1)'],
  ['mono16', 'JPEG-LS near-lossless (NEAR 2)'],
  ['mono16-signed', 'JPEG 2000 lossless'],
  ['mono8-m1', 'deflated explicit little endian'],
  ['mono12-3frames', 'JPEG extended (process 2+4), 12 bit'],
];
