/**
 * The manifest of an image model: continuum-model.json, as for language
 * models, with kind 'image-classifier'. It says what the model reads (input
 * size, channels, normalisation, layout), what its outputs mean (labels and
 * a note on them), which images it was made for (modality), what it is for
 * (intended use), its licence, and every file with its size and SHA-256. A
 * clinic that writes one beside a real ONNX export (a HAM10000 classifier, a
 * chest X-ray classifier) needs nothing else; models/README.md shows one.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ModelError } from '../../model/errors';
import { MANIFEST_FILE, manifestFileEntry, relativePath, sha256, verifyListedFiles, type ManifestFile } from '../../model/manifest';
import { ImageModelError } from './errors';

export const IMAGE_MODEL_KIND = 'image-classifier';

/** A DICOM Modality (0008,0060) code: CR, DX, XC, ... */
const dicomModality = z.string().regex(/^[A-Z]{2,4}$/, 'must be a DICOM modality code such as CR, DX or XC');

export const imageInputSpec = z
  .object({
    /** The graph input to feed; default its first input. */
    name: z.string().min(1).optional(),
    width: z.number().int().min(8).max(2048),
    height: z.number().int().min(8).max(2048),
    channels: z.union([z.literal(1), z.literal(3)]),
    layout: z.enum(['NCHW', 'NHWC']),
    channelOrder: z.enum(['RGB', 'BGR']).default('RGB'),
    /** Pixels are first scaled to this range, then (v - mean) / std per channel. */
    valueRange: z.enum(['0-1', '0-255']).default('0-1'),
    mean: z.array(z.number()).min(1).max(3),
    std: z.array(z.number().positive()).min(1).max(3),
    /** stretch: the whole image to width x height; center-crop: the shorter side to fit, the middle kept (torchvision style). */
    resize: z.enum(['stretch', 'center-crop']).default('stretch'),
  })
  .refine((i) => i.mean.length === i.channels && i.std.length === i.channels, 'mean and std need one value per channel');
export type ImageInputSpec = z.infer<typeof imageInputSpec>;

export const ImageManifestSchema = z.object({
  format: z.literal(1),
  kind: z.literal(IMAGE_MODEL_KIND),
  name: z.string().min(1).max(200),
  version: z.string().min(1).max(60),
  licence: z.string().min(1).max(300),
  /** A model made for testing the software (generated weights): every result says "test model". */
  testModel: z.boolean().default(false),
  onnx: relativePath,
  /** What the model is for and what it is not for, in the words of whoever made it. */
  intendedUse: z.string().min(1).max(2000),
  modality: z
    .object({
      /** How the app names the images it reads, e.g. "chest X-ray" or "dermoscopy photo". */
      description: z.string().min(1).max(200),
      /** DICOM images of these modalities are accepted. */
      dicomModalities: z.array(dicomModality).default([]),
      /** When given, a DICOM image whose Body Part Examined is known and not one of these is refused. */
      bodyParts: z.array(z.string().min(1).max(64)).default([]),
      /** Photos (JPEG, PNG) are accepted. */
      photos: z.boolean().default(false),
    })
    .refine((m) => m.photos || m.dicomModalities.length > 0, 'must accept photos or at least one DICOM modality'),
  input: imageInputSpec,
  output: z.object({
    /** The graph output to read; default its first output. */
    name: z.string().min(1).optional(),
    /** logits: softmax is applied here; probabilities: the graph ends in a softmax. */
    kind: z.enum(['logits', 'probabilities']),
  }),
  /** One per output, in the output's order. */
  labels: z
    .array(z.object({ id: z.string().min(1).max(60), name: z.string().min(1).max(200) }))
    .min(2)
    .max(1000),
  /** What the labels mean and do not mean (source of the classes, known limits). */
  labelsNote: z.string().min(1).max(2000),
  files: z.array(manifestFileEntry).min(1),
});
export type ImageManifest = z.infer<typeof ImageManifestSchema>;
export type ImageManifestInfo = Omit<z.input<typeof ImageManifestSchema>, 'files' | 'format' | 'kind'>;

/** Reads and checks an image model's manifest; every refusal names the folder and the field. */
export function readImageManifest(dir: string): ImageManifest {
  const folder = basename(dir);
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new ImageModelError('no-model', `image model ${folder}: ${MANIFEST_FILE} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ImageModelError('corrupt', `image model ${folder}: ${MANIFEST_FILE} is not valid JSON`);
  }
  const parsed = ImageManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImageModelError('corrupt', `image model ${folder}: ${MANIFEST_FILE} field ${issue.path.join('.') || '(top level)'} ${issue.message}`);
  }
  const labels = new Set(parsed.data.labels.map((l) => l.id));
  if (labels.size !== parsed.data.labels.length) throw new ImageModelError('corrupt', `image model ${folder}: ${MANIFEST_FILE} field labels has the same id twice`);
  return parsed.data;
}

/** The ONNX file's external weights, as exporters name them, when present. */
function externalData(dir: string, onnx: string): string[] {
  return [`${onnx}_data`, `${onnx}.data`].filter((p) => existsSync(join(dir, p)));
}

/**
 * The same integrity check as a language model's (electron/model/manifest):
 * the ONNX file and its external weights must be listed, every listed file
 * present, of its size, then of its SHA-256. Refusals name the model folder.
 */
export async function verifyImageModelFiles(dir: string, manifest: ImageManifest): Promise<void> {
  try {
    await verifyListedFiles(dir, manifest.files, [manifest.onnx, ...externalData(dir, manifest.onnx)]);
  } catch (error) {
    if (error instanceof ModelError) {
      throw new ImageModelError(error.code === 'corrupt' ? 'corrupt' : 'integrity', `image model ${basename(dir)}: ${error.message}`);
    }
    throw error;
  }
}

/** Hashes the model's files and writes its manifest (the test-model generator; administrators adding an export). */
export async function writeImageManifest(dir: string, info: ImageManifestInfo, extraFiles: readonly string[] = []): Promise<ImageManifest> {
  const files: ManifestFile[] = [];
  for (const path of [info.onnx, ...externalData(dir, info.onnx), ...extraFiles]) {
    const file = join(dir, path);
    if (!existsSync(file)) throw new ImageModelError('integrity', `cannot write the manifest: ${path} is missing from ${dir}`);
    files.push({ path, bytes: statSync(file).size, sha256: await sha256(file) });
  }
  const manifest = ImageManifestSchema.parse({ format: 1, kind: IMAGE_MODEL_KIND, ...info, files });
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * For an administrator adding an export: reads a manifest written by hand
 * (its `files` may be absent or out of date), checks every other field, and
 * writes it back with the files' sizes and SHA-256.
 */
export async function recordImageModelFiles(dir: string): Promise<ImageManifest> {
  const folder = basename(dir);
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) throw new ImageModelError('no-model', `image model ${folder}: write ${MANIFEST_FILE} first (models/README.md shows one)`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ImageModelError('corrupt', `image model ${folder}: ${MANIFEST_FILE} is not valid JSON`);
  }
  const parsed = ImageManifestSchema.omit({ files: true }).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImageModelError('corrupt', `image model ${folder}: ${MANIFEST_FILE} field ${issue.path.join('.') || '(top level)'} ${issue.message}`);
  }
  const { format: _format, kind: _kind, ...info } = parsed.data;
  return writeImageManifest(dir, info);
}
