import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelCatalogue } from '../../electron/api/catalogue-schemas';

/** The one real GGUF the tests have (MIT; ../shared/models/stories260K/README). */
export const STORIES_GGUF = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/models/stories260K/stories260K.gguf');
export const STORIES_REPO = 'test-owner/Stories-260K-GGUF';
export const STORIES_FILE = 'stories260K.gguf';
export const STORIES_ID = 'stories260k-f32';

export const storiesBytes = (): Buffer => readFileSync(STORIES_GGUF);

/**
 * A catalogue of one small model, stories260K, as the tests' hub
 * (fake-hub.ts) serves it; written to `dir`, its path for
 * CONTINUUM_MODEL_CATALOGUE.
 */
export function writeTestCatalogue(dir: string): string {
  const catalogue: ModelCatalogue = {
    format: 1,
    about: 'The tests\' catalogue: stories260K served by a local hub.',
    entries: [
      {
        id: STORIES_ID,
        name: 'Stories 260K',
        format: 'gguf',
        quantization: 'F32',
        parameters: 260_000,
        bytes: null,
        approximateBytes: storiesBytes().length,
        sha256: null,
        source: { repo: STORIES_REPO, revision: 'main', file: STORIES_FILE },
        licence: { id: 'MIT', name: 'MIT License', url: 'https://github.com/karpathy/llama2.c/blob/master/LICENSE', restrictions: null },
        architecture: { layers: 5, kvHeads: 4, headDim: 8, trainedContext: 512 },
        note: 'A tiny story model: proves the download path, not a clinical assistant.',
      },
    ],
  };
  const file = join(dir, 'test-catalogue.json');
  writeFileSync(file, `${JSON.stringify(catalogue, null, 2)}\n`);
  return file;
}
