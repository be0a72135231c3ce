#!/usr/bin/env -S npx tsx
/**
 * Generates test and benchmark models (random weights; nothing is downloaded):
 *
 *   npx tsx scripts/models/generate.ts --size tiny                     -> models/test-tiny-fp32/
 *   npx tsx scripts/models/generate.ts --size 0.5b --precision all     -> models/bench-0.5b-{fp32,int8,int4}/
 *   npx tsx scripts/models/generate.ts --image chest-xray               -> models/test-image-chest-xray/ (see image-classifier.ts)
 *   npx tsx scripts/models/generate.ts --size 0.5b --gguf Q4_0          -> models/bench-0.5b-q4_0-gguf/ (the same weights for llama.cpp, gguf-writer.ts)
 *   npx tsx scripts/models/generate.ts --from-gguf FILE.gguf --out DIR  -> DIR/ (a Llama GGUF's trained weights as the ONNX engine's folder, gguf-to-onnx.ts)
 *
 * Options: --size tiny|0.5b, --precision fp32|int8|int4|all (default fp32),
 * --seed N (default 1), --out DIR (one precision only). Pure Node: runs on a
 * fresh machine with nothing but `npm ci`. The 0.5B shape takes a few minutes
 * and about 4 GB of disk for all three precisions.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Precision } from './decoder-graph';
import { convertGgufToOnnx } from './gguf-to-onnx';
import { generateGgufFolder, GGUF_TYPES, ggufBenchDir, type GgufType } from './gguf-writer';
import { generateImageClassifier, IMAGE_PRESETS, type ImagePreset } from './image-classifier';
import { generateModelFolder, PRESETS, type SizeName } from './model-folder';

const PRECISIONS: Precision[] = ['fp32', 'int8', 'int4'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'tiny' },
      precision: { type: 'string', default: 'fp32' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      image: { type: 'string' },
      gguf: { type: 'string' },
      'from-gguf': { type: 'string' },
    },
  });
  const fromGguf = values['from-gguf'];
  if (fromGguf !== undefined) {
    if (!values.out) throw new Error('--from-gguf needs --out DIR');
    const precision = values.precision as Precision;
    if (!PRECISIONS.includes(precision)) throw new Error('--precision must be fp32, int8 or int4 with --from-gguf');
    const manifest = await convertGgufToOnnx({ gguf: fromGguf, out: values.out, precision });
    console.log(`${values.out}: ${manifest.name}, ${manifest.files.reduce((n, f) => n + f.bytes, 0).toLocaleString('en')} bytes`);
    return;
  }
  if (values.gguf !== undefined) {
    const type = values.gguf as GgufType;
    if (!GGUF_TYPES.includes(type)) throw new Error(`--gguf must be one of ${GGUF_TYPES.join(', ')}`);
    const size = values.size as SizeName;
    const out = values.out ?? ggufBenchDir(size, type);
    const start = Date.now();
    const manifest = await generateGgufFolder({ size, type, seed: Number(values.seed), out });
    console.log(`${out}: ${manifest.name}, ${(manifest.files[0]!.bytes / 1e6).toFixed(1)} MB in ${((Date.now() - start) / 1000).toFixed(1)} s`);
    return;
  }
  if (values.image !== undefined) {
    // A test image classifier (decision support), not a decoder: --seed and --out apply.
    const preset = values.image as ImagePreset;
    if (!IMAGE_PRESETS.includes(preset)) throw new Error(`--image must be one of ${IMAGE_PRESETS.join(', ')}`);
    const out = values.out ?? join('models', `test-image-${preset}`);
    if (!Number.isInteger(Number(values.seed))) throw new Error('--seed must be an integer');
    const manifest = await generateImageClassifier({ preset, seed: Number(values.seed), out });
    console.log(`${out}: ${manifest.name}, ${manifest.files.reduce((n, f) => n + f.bytes, 0).toLocaleString('en')} bytes`);
    return;
  }
  const size = values.size as SizeName;
  if (!(size in PRESETS)) throw new Error(`--size must be one of ${Object.keys(PRESETS).join(', ')}`);
  const precisions = values.precision === 'all' ? PRECISIONS : [values.precision as Precision];
  if (!precisions.every((p) => PRECISIONS.includes(p))) throw new Error('--precision must be fp32, int8, int4 or all');
  if (values.out && precisions.length > 1) throw new Error('--out names one folder: give one --precision with it');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  for (const precision of precisions) {
    const out = values.out ?? join('models', `${size === 'tiny' ? 'test' : 'bench'}-${size}-${precision}`);
    const start = Date.now();
    const manifest = await generateModelFolder({ size, precision, seed, out });
    const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    console.log(`${out}: ${manifest.name}, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
