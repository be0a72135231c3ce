/**
 * continuum-model.json: our small manifest beside an Optimum / transformers.js
 * model folder or a GGUF file. It names the model, its licence and context
 * length, picks the file to run (and, for GGUF, the engine: llama.cpp), and
 * lists every file the runtime reads with its size and SHA-256, so a partial
 * copy or an altered file is refused, never loaded.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, isAbsolute, sep } from 'node:path';
import { z } from 'zod';
import { ModelError } from './errors';

export const MANIFEST_FILE = 'continuum-model.json';

export const relativePath = z
  .string()
  .min(1)
  // Paths are quoted in refusals: a 10,000-character one would make a message no one can read.
  .max(500)
  .refine((p) => !isAbsolute(p) && !normalize(p).split(/[\\/]/).includes('..'), 'must be a path inside the model folder');

/** One file the runtime reads, with the size and SHA-256 it must have (shared by every kind of model). */
export const manifestFileEntry = z.object({ path: relativePath, bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

const commonFields = {
  format: z.literal(1),
  /** Absent in manifests written before there were image models (electron/imaging/image-model). */
  kind: z.literal('language-model').optional(),
  name: z.string().min(1),
  licence: z.string().min(1),
  contextLength: z.number().int().positive(),
  /** Tags around a thinking model's reasoning, e.g. <think> and </think>. */
  thinking: z.object({ open: z.string().min(1), close: z.string().min(1) }).optional(),
  files: z.array(manifestFileEntry).min(1),
};

/** An Optimum / transformers.js export, run by onnxruntime (the original kind: no `engine` field). */
export const ManifestSchema = z.object({
  ...commonFields,
  /** The decoder to run, e.g. onnx/model_q4.onnx. */
  onnx: relativePath,
  quantization: z.enum(['fp32', 'fp16', 'int8', 'int4', 'mixed']).optional(),
});

/** A GGUF file, run by llama.cpp (electron/model/gguf). */
export const GgufManifestSchema = z.object({
  ...commonFields,
  engine: z.literal('llama.cpp'),
  /** The GGUF file to run, e.g. qwen2.5-0.5b-instruct-q4_0.gguf. */
  gguf: relativePath,
  /** llama.cpp's name of the file type, e.g. Q4_0, Q8_0, F32, Q4_K_M. */
  quantization: z.string().regex(/^[A-Z0-9_]+$/).optional(),
});

export type OnnxManifest = z.infer<typeof ManifestSchema>;
export type GgufManifest = z.infer<typeof GgufManifestSchema>;
export type Manifest = OnnxManifest | GgufManifest;
export type ManifestFile = Manifest['files'][number];

export function isGgufManifest(manifest: Manifest): manifest is GgufManifest {
  return 'engine' in manifest && manifest.engine === 'llama.cpp';
}

/** The file the engine runs: the ONNX decoder or the GGUF file. */
export function modelFile(manifest: Manifest): string {
  return isGgufManifest(manifest) ? manifest.gguf : manifest.onnx;
}

/** Files the runtime reads besides the ONNX file; each must be listed. */
export const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
/** Files read when present (a chat template kept outside tokenizer_config.json, generation defaults). */
export const OPTIONAL_FILES = ['generation_config.json', 'chat_template.jinja', 'chat_template.json'] as const;

/** The ONNX file's external weights, as Optimum names them, when present. */
export function externalDataFiles(dir: string, onnx: string): string[] {
  return [`${onnx}_data`, `${onnx}.data`].filter((p) => existsSync(join(dir, p)));
}

/**
 * The kind of model a folder's manifest declares, without validating the rest:
 * 'language-model' when it says none (or cannot be read, so that the language
 * model list still reports the problem). Lets each runtime list only its own folders.
 */
export function manifestKind(dir: string): string {
  try {
    const raw = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as { kind?: unknown };
    return typeof raw.kind === 'string' ? raw.kind : 'language-model';
  } catch {
    return 'language-model';
  }
}

/** The manifest of an ONNX model (what onnxruntime's loader and the ONNX tools read); a GGUF model's is refused. */
export function readManifest(dir: string): OnnxManifest {
  const manifest = readAnyManifest(dir);
  if (isGgufManifest(manifest)) throw new ModelError('invalid-request', `${dir} holds a GGUF model, which llama.cpp runs, not onnxruntime`);
  return manifest;
}

/** The manifest of either kind of language model (the model list, the engine's choice). */
export function readAnyManifest(dir: string): Manifest {
  if (!existsSync(dir)) throw new ModelError('missing', `no model folder at ${dir}`);
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) {
    throw new ModelError('missing', `${dir} has no ${MANIFEST_FILE}: add it once (Add in the model manager, or "continuum model add --model ${dir}") to record its files`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ModelError('corrupt', `${MANIFEST_FILE} in ${dir} is not valid JSON`);
  }
  const kind = (raw as { kind?: unknown } | null)?.kind;
  if (kind !== undefined && kind !== 'language-model') {
    throw new ModelError('invalid-request', `${dir} holds a model of kind "${String(kind)}", not a language model`);
  }
  const engine = (raw as { engine?: unknown } | null)?.engine;
  const parsed = engine === undefined ? ManifestSchema.safeParse(raw) : GgufManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelError('corrupt', `${MANIFEST_FILE} in ${dir}: ${issue.path.join('.') || 'top level'} ${issue.message}`);
  }
  return parsed.data;
}

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MiB chunks: as fast as 4 MiB on a multi-GB weights file, and a 4 MiB buffer per small file cost 10 ms each.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Checks that every file the runtime will read is listed, present, of the
 * listed size (cheap, catches partial copies first) and of the listed
 * SHA-256. Throws a ModelError naming the first file that fails.
 */
export async function verifyModelFiles(dir: string, manifest: Manifest): Promise<void> {
  if (isGgufManifest(manifest)) return verifyListedFiles(dir, manifest.files, [manifest.gguf]);
  const needed = [
    ...REQUIRED_FILES,
    ...OPTIONAL_FILES.filter((p) => existsSync(join(dir, p))),
    manifest.onnx,
    ...externalDataFiles(dir, manifest.onnx),
  ];
  await verifyListedFiles(dir, manifest.files, needed);
}

/** The integrity check of any kind of model folder: `needed` must all be listed; every listed file must match. */
export async function verifyListedFiles(dir: string, files: readonly ManifestFile[], needed: readonly string[]): Promise<void> {
  const listed = new Map(files.map((f) => [normalize(f.path).split(sep).join('/'), f]));
  for (const path of needed) {
    if (!listed.has(normalize(path).split(sep).join('/'))) {
      throw new ModelError('integrity', `${path} is not listed in ${MANIFEST_FILE}: it cannot be checked, so the model is not loaded`);
    }
  }
  for (const entry of files) {
    const file = join(dir, entry.path);
    if (!existsSync(file)) throw new ModelError('missing', `the model file ${entry.path} is missing from ${dir}: copy the model again`);
    const bytes = statSync(file).size;
    if (bytes !== entry.bytes) {
      throw new ModelError(
        'integrity',
        `${entry.path} is ${bytes.toLocaleString('en')} bytes but the manifest says ${entry.bytes.toLocaleString('en')}: a partial or altered copy; copy the model again`,
      );
    }
  }
  for (const entry of files) {
    if ((await sha256(join(dir, entry.path))) !== entry.sha256) {
      throw new ModelError('integrity', `${entry.path} does not match its SHA-256 in the manifest: the file was altered or damaged; copy the model again`);
    }
  }
}

export type ManifestInfo = Omit<OnnxManifest, 'files' | 'format'>;
export type GgufManifestInfo = Omit<GgufManifest, 'files' | 'format'>;

/** Hashes the model's files and writes the manifest (the generator, and administrators adding an export). */
export async function writeManifest(dir: string, info: ManifestInfo): Promise<OnnxManifest> {
  const paths = [
    ...REQUIRED_FILES,
    ...OPTIONAL_FILES.filter((p) => existsSync(join(dir, p))),
    info.onnx,
    ...externalDataFiles(dir, info.onnx),
  ];
  const manifest: OnnxManifest = { format: 1, ...info, files: await recordFiles(dir, paths) };
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The same for a GGUF model: its one file is all llama.cpp reads. */
export async function writeGgufManifest(dir: string, info: GgufManifestInfo): Promise<GgufManifest> {
  const manifest: GgufManifest = { format: 1, ...info, files: await recordFiles(dir, [info.gguf]) };
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function recordFiles(dir: string, paths: readonly string[]): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const path of paths) {
    const file = join(dir, path);
    if (!existsSync(file)) throw new ModelError('missing', `cannot write the manifest: ${path} is missing from ${dir}`);
    files.push({ path, bytes: statSync(file).size, sha256: await sha256(file) });
  }
  return files;
}
