#!/usr/bin/env -S npx tsx
/**
 * A small test image classifier, generated (nothing downloaded, nothing
 * committed): a real ONNX graph with seeded weights, for the tests of the
 * image-model runtime and the decision-support panel. It is NOT clinically
 * meaningful, and its manifest says so (testModel: true, "Test class" labels).
 *
 *   npx tsx scripts/models/image-classifier.ts [--preset chest-xray|dermoscopy] [--seed N] [--out DIR]
 *   (or: npx tsx scripts/models/generate.ts --image chest-xray)
 *
 * Graph (opset 17), input pixel_values [batch, 3, 64, 64], NCHW:
 *   Conv 3->8 (3x3, pad 1), Relu, MaxPool 2 -> Conv 8->16 (3x3, pad 1), Relu, MaxPool 2
 *   -> AveragePool 4 (16 x 4 x 4 features, so where things are in the image matters)
 *   -> Flatten -> Gemm (256 -> classes) -> Softmax -> probabilities [batch, classes].
 * About 20 kB; written in a few milliseconds.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { writeImageManifest, type ImageManifest, type ImageManifestInfo } from '../../electron/imaging/image-model/manifest';
import { attr, bytesOf, GraphBuilder } from './onnx/graph-builder';
import { DataType } from './onnx/messages';
import { randomUniform } from './weights';

export type ImagePreset = 'chest-xray' | 'dermoscopy';
export const IMAGE_PRESETS: readonly ImagePreset[] = ['chest-xray', 'dermoscopy'];

const SIZE = 64;
const ONNX_FILE = 'model.onnx';

const TEST_NOTE =
  'These classes mean nothing: the weights are seeded random numbers and the model was never trained. They exist to test the software and say nothing about the image.';

const PRESET_INFO: Record<ImagePreset, { classes: number; modality: ImageManifestInfo['modality']; what: string }> = {
  'chest-xray': {
    classes: 4,
    modality: { description: 'chest X-ray', dicomModalities: ['CR', 'DX'], bodyParts: ['CHEST'], photos: false },
    what: 'chest radiographs (CR, DX)',
  },
  dermoscopy: {
    classes: 7,
    modality: { description: 'dermoscopy photo', dicomModalities: ['XC'], bodyParts: [], photos: true },
    what: 'dermoscopy photos (JPEG, PNG, DICOM XC)',
  },
};

/** He-uniform weights: each layer's outputs keep a similar spread, so the classes differ between images. */
function heUniform(seed: number, name: string, count: number, fanIn: number, gain = 1): Uint8Array {
  return bytesOf(randomUniform(seed, name, count, gain * Math.sqrt(6 / fanIn)));
}

export function buildImageClassifier(classes: number, seed: number): GraphBuilder {
  const g = new GraphBuilder('continuum-test-image-classifier');
  const input = g.input('pixel_values', DataType.FLOAT, ['batch', 3, SIZE, SIZE]);
  const conv = (x: string, name: string, inC: number, outC: number) => {
    const w = g.weight(`${name}.weight`, DataType.FLOAT, [outC, inC, 3, 3], heUniform(seed, `${name}.weight`, outC * inC * 9, inC * 9));
    const b = g.weight(`${name}.bias`, DataType.FLOAT, [outC], bytesOf(randomUniform(seed, `${name}.bias`, outC, 0.1)));
    const y = g.op('Conv', [x, w, b], { kernel_shape: attr.ints([3, 3]), pads: attr.ints([1, 1, 1, 1]), strides: attr.ints([1, 1]) });
    const r = g.op('Relu', [y]);
    return g.op('MaxPool', [r], { kernel_shape: attr.ints([2, 2]), strides: attr.ints([2, 2]) });
  };
  const h1 = conv(input, 'conv1', 3, 8); // 8 x 32 x 32
  const h2 = conv(h1, 'conv2', 8, 16); // 16 x 16 x 16
  const pooled = g.op('AveragePool', [h2], { kernel_shape: attr.ints([4, 4]), strides: attr.ints([4, 4]) }); // 16 x 4 x 4
  const flat = g.op('Flatten', [pooled], { axis: attr.int(1) });
  const features = 16 * 4 * 4;
  const w = g.weight('classifier.weight', DataType.FLOAT, [features, classes], heUniform(seed, 'classifier.weight', features * classes, features, 3));
  const b = g.weight('classifier.bias', DataType.FLOAT, [classes], bytesOf(randomUniform(seed, 'classifier.bias', classes, 0.1)));
  const logits = g.op('Gemm', [flat, w, b]);
  g.op('Softmax', [logits], { axis: attr.int(-1) }, { output: 'probabilities' });
  g.output('probabilities', DataType.FLOAT, ['batch', classes]);
  return g;
}

export interface ImageClassifierOptions {
  readonly preset: ImagePreset;
  readonly seed: number;
  readonly out: string;
}

/** Writes models/NAME/model.onnx and its continuum-model.json (kind image-classifier, testModel true). */
export async function generateImageClassifier(options: ImageClassifierOptions): Promise<ImageManifest> {
  const preset = PRESET_INFO[options.preset];
  mkdirSync(options.out, { recursive: true });
  buildImageClassifier(preset.classes, options.seed).write(join(options.out, ONNX_FILE), { '': 17 }, {
    externalData: false,
    metadata: { seed: String(options.seed), generator: 'scripts/models/image-classifier.ts', preset: options.preset },
  });
  const letters = 'ABCDEFGHIJ';
  return writeImageManifest(options.out, {
    name: `Continuum test image classifier (${options.preset})`,
    version: `0.1.0-seed${options.seed}`,
    licence: 'CC0-1.0 (generated by scripts/models; random weights, no training data)',
    testModel: true,
    onnx: ONNX_FILE,
    intendedUse: `Testing Continuum's image-model support on ${preset.what}. Not for clinical use: the model was never trained and its output has no clinical meaning.`,
    modality: preset.modality,
    input: { width: SIZE, height: SIZE, channels: 3, layout: 'NCHW', channelOrder: 'RGB', valueRange: '0-1', mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], resize: 'stretch' },
    output: { name: 'probabilities', kind: 'probabilities' },
    labels: Array.from({ length: preset.classes }, (_, i) => ({ id: `test-${letters[i]!.toLowerCase()}`, name: `Test class ${letters[i]}` })),
    labelsNote: TEST_NOTE,
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { preset: { type: 'string', default: 'chest-xray' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
  });
  const preset = values.preset as ImagePreset;
  if (!IMAGE_PRESETS.includes(preset)) throw new Error(`--preset must be one of ${IMAGE_PRESETS.join(', ')}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const out = values.out ?? join('models', `test-image-${preset}`);
  const manifest = await generateImageClassifier({ preset, seed, out });
  console.log(`${out}: ${manifest.name}, ${manifest.files.reduce((n, f) => n + f.bytes, 0).toLocaleString('en')} bytes`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
