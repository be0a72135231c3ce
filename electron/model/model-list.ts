/**
 * The models installed under models/ (ONNX exports and GGUF files): what `continuum model list` and the
 * model manager show. Reads manifests only (no hashing), so it is instant;
 * integrity is checked when a model is loaded.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ModelError } from './errors';
import { isUnaddedExport } from './add-model';
import { manifestKind, readAnyManifest } from './manifest';

export type ModelListing =
  | {
      readonly dir: string;
      readonly ok: true;
      readonly name: string;
      readonly quantization: string;
      readonly contextLength: number;
      readonly bytes: number;
      readonly licence: string;
    }
  /** `addable`: an export copied in but not added yet (see add-model.ts); the problem says so. */
  | { readonly dir: string; readonly ok: false; readonly problem: string; readonly addable?: boolean };

export function listModels(modelsDir: string): ModelListing[] {
  if (!existsSync(modelsDir)) return [];
  return readdirSync(modelsDir)
    // Hidden entries are not models: .downloads holds downloads in progress (download/download-model.ts).
    .filter((name) => !name.startsWith('.'))
    .map((name) => join(modelsDir, name))
    // A folder per model; a .gguf file dropped in on its own is offered to add (it then gets a folder).
    .filter((dir) => statSync(dir).isDirectory() || (statSync(dir).isFile() && isUnaddedExport(dir)))
    // Image models (kind 'image-classifier') share models/ and are listed by electron/imaging/image-model.
    .filter((dir) => manifestKind(dir) === 'language-model')
    .sort()
    .map((dir): ModelListing => {
      if (isUnaddedExport(dir)) {
        return { dir, ok: false, addable: true, problem: 'Adding it records its files and checks that it loads: add it once the copy has finished.' };
      }
      try {
        const m = readAnyManifest(dir);
        return {
          dir,
          ok: true,
          name: m.name,
          quantization: m.quantization ?? 'unknown',
          contextLength: m.contextLength,
          bytes: m.files.reduce((sum, f) => sum + f.bytes, 0),
          licence: m.licence,
        };
      } catch (error) {
        return { dir, ok: false, problem: error instanceof ModelError ? error.message : String(error) };
      }
    });
}
