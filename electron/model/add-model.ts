/**
 * Adding a model an administrator copied into models/: an Optimum or
 * transformers.js export has no manifest of ours, so the first step records
 * its files (size and SHA-256: from then on a partial or altered copy is
 * refused) and proves that the model loads. A model that does not load is
 * not left half-added: the manifest written for it is removed again (or the
 * earlier one put back), so the folder stays as it was, with the reason.
 * Done on request (a click in the model manager, `continuum model add`),
 * never while listing: a folder still being copied must not be recorded.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelError } from './errors';
import { exportDefaults } from './export-defaults';
import { MANIFEST_FILE, REQUIRED_FILES, writeManifest, type Manifest, type ManifestInfo } from './manifest';

export interface AddModelOptions {
  /** The ONNX file to run (default: the best variant for a CPU, see export-defaults). */
  readonly onnx?: string;
  readonly name?: string;
  readonly licence?: string;
  readonly contextLength?: number;
  /** Record the files again over an existing manifest (after replacing the model's files). */
  readonly again?: boolean;
  /** Loads the model once its manifest is written (the model worker); throws a ModelError when it cannot. */
  readonly check: (dir: string) => Promise<void>;
}

/** Whether a folder looks like a language-model export that has not been added yet (what the model list offers to add). */
export function isUnaddedExport(dir: string): boolean {
  if (existsSync(join(dir, MANIFEST_FILE)) || !existsSync(join(dir, 'config.json'))) return false;
  const onnx = join(dir, 'onnx');
  return existsSync(onnx) && statSync(onnx).isDirectory() && readdirSync(onnx).some((f) => f.endsWith('.onnx'));
}

export async function addModel(dir: string, options: AddModelOptions): Promise<Manifest> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ModelError('missing', `no model folder at ${dir}`);
  const manifestFile = join(dir, MANIFEST_FILE);
  if (existsSync(manifestFile) && !options.again) {
    throw new ModelError('invalid-request', `${dir} is already added (it has ${MANIFEST_FILE}); to record its files again after replacing them, add it again`);
  }
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
  const earlier = existsSync(manifestFile) ? readFileSync(manifestFile) : null;
  const manifest = await writeManifest(dir, info);
  try {
    await options.check(dir);
  } catch (error) {
    if (earlier) writeFileSync(manifestFile, earlier);
    else rmSync(manifestFile, { force: true });
    if (error instanceof ModelError) throw new ModelError(error.code, `not added: ${error.message}`);
    throw error;
  }
  return manifest;
}
