/**
 * Adding a model an administrator copied into models/: an Optimum or
 * transformers.js export, or a GGUF file (alone in models/ or in a folder of
 * its own), has no manifest of ours, so the first step records
 * its files (size and SHA-256: from then on a partial or altered copy is
 * refused) and proves that the model loads. A model that does not load is
 * not left half-added: the manifest written for it is removed again (or the
 * earlier one put back), so the folder stays as it was, with the reason.
 * Done on request (a click in the model manager, `continuum model add`),
 * never while listing: a folder still being copied must not be recorded.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ModelError } from './errors';
import { exportDefaults } from './export-defaults';
import { ggufDefaults } from './gguf/gguf-file';
import { MANIFEST_FILE, REQUIRED_FILES, writeGgufManifest, writeManifest, type Manifest, type ManifestInfo } from './manifest';

export interface AddModelOptions {
  /** The ONNX file to run (default: the best variant for a CPU, see export-defaults). */
  readonly onnx?: string;
  readonly name?: string;
  readonly licence?: string;
  readonly contextLength?: number;
  /** Record the files again over an existing manifest (after replacing the model's files). */
  readonly again?: boolean;
  /**
   * Where a lone .gguf file's folder is made (default: beside the file). A
   * file from elsewhere (a USB drive) is copied there; one already there is moved in.
   */
  readonly modelsDir?: string;
  /** Loads the model once its manifest is written (the model worker); throws a ModelError when it cannot. */
  readonly check: (dir: string) => Promise<void>;
}

const isGgufName = (name: string) => name.toLowerCase().endsWith('.gguf');

/** The .gguf files directly in a folder (a model folder holds one). */
export function ggufFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => isGgufName(f) && statSync(join(dir, f)).isFile());
}

/**
 * Whether a path looks like a language model that has not been added yet (what the model
 * list offers to add): an ONNX export's folder, a folder holding a .gguf file, or a .gguf file.
 */
export function isUnaddedExport(dir: string): boolean {
  if (!existsSync(dir)) return false;
  if (statSync(dir).isFile()) return isGgufName(dir);
  if (existsSync(join(dir, MANIFEST_FILE))) return false;
  if (!existsSync(join(dir, 'config.json'))) return ggufFilesIn(dir).length > 0;
  const onnx = join(dir, 'onnx');
  return existsSync(onnx) && statSync(onnx).isDirectory() && readdirSync(onnx).some((f) => f.endsWith('.onnx'));
}

export async function addModel(path: string, options: AddModelOptions): Promise<Manifest> {
  if (existsSync(path) && statSync(path).isFile()) return addGgufFile(path, options);
  const dir = path;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ModelError('missing', `no model folder at ${dir}`);
  const manifestFile = join(dir, MANIFEST_FILE);
  if (existsSync(manifestFile) && !options.again) {
    throw new ModelError('invalid-request', `${dir} is already added (it has ${MANIFEST_FILE}); to record its files again after replacing them, add it again`);
  }
  if (!existsSync(join(dir, 'config.json')) && ggufFilesIn(dir).length > 0) return addGgufFolder(dir, options);
  const missing = REQUIRED_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) throw new ModelError('missing', `${dir} is not a complete model export: ${missing.join(', ')} missing`);
  if (options.onnx && !existsSync(join(dir, options.onnx))) throw new ModelError('missing', `${options.onnx} is not in ${dir}`);
  if (options.contextLength !== undefined && !(Number.isInteger(options.contextLength) && options.contextLength > 0)) {
    throw new ModelError('invalid-request', 'the context length must be a whole number of tokens');
  }
  const defaults = exportDefaults(dir, options.onnx);
  const info: ManifestInfo = {
    ...defaults,
    name: options.name ?? defaults.name,
    licence: options.licence ?? defaults.licence,
    contextLength: options.contextLength ?? defaults.contextLength,
  };
  return recordAndCheck(dir, () => writeManifest(dir, info), options.check);
}

/** Writes the manifest, then loads the model; when it does not load, the manifest is as it was before. */
async function recordAndCheck<M extends Manifest>(dir: string, write: () => Promise<M>, check: (dir: string) => Promise<void>): Promise<M> {
  const manifestFile = join(dir, MANIFEST_FILE);
  const earlier = existsSync(manifestFile) ? readFileSync(manifestFile) : null;
  const manifest = await write();
  try {
    await check(dir);
  } catch (error) {
    if (earlier) writeFileSync(manifestFile, earlier);
    else rmSync(manifestFile, { force: true });
    if (error instanceof ModelError) throw new ModelError(error.code, `not added: ${error.message}`);
    throw error;
  }
  return manifest;
}

/** A folder holding one .gguf file: its header gives the manifest's entries (see gguf/gguf-file.ts). */
async function addGgufFolder(dir: string, options: AddModelOptions): Promise<Manifest> {
  const files = ggufFilesIn(dir);
  if (files.length > 1) throw new ModelError('invalid-request', `${dir} holds ${files.length} .gguf files (${files.join(', ')}): keep one model per folder`);
  const gguf = files[0]!;
  const defaults = await ggufDefaults(join(dir, gguf), gguf, join(dir, gguf));
  const info = { ...defaults, name: options.name ?? defaults.name, licence: options.licence ?? defaults.licence, contextLength: options.contextLength ?? defaults.contextLength };
  return recordAndCheck(dir, () => writeGgufManifest(dir, info), options.check);
}

/**
 * A lone .gguf file gets a folder of its own, named after it, in the models
 * folder: moved there when it is already in it, else copied (the original on
 * a USB drive stays). When it does not load, all is put back as it was.
 */
async function addGgufFile(file: string, options: AddModelOptions): Promise<Manifest> {
  if (!isGgufName(file)) throw new ModelError('invalid-request', `${file} is a file but not a .gguf model: give a .gguf file or a model folder`);
  await ggufDefaults(file, basename(file)); // refuse a file that is no GGUF before anything is moved
  const home = resolve(options.modelsDir ?? dirname(file));
  const dir = join(home, basename(file).replace(/\.gguf$/i, ''));
  if (existsSync(dir)) throw new ModelError('invalid-request', `${dir} already exists: rename the .gguf file or remove that folder`);
  const moved = resolve(dirname(file)) === home;
  mkdirSync(dir, { recursive: true });
  const target = join(dir, basename(file));
  if (moved) renameSync(file, target);
  else copyFileSync(file, target);
  try {
    return await addGgufFolder(dir, options);
  } catch (error) {
    if (moved) renameSync(target, file);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
