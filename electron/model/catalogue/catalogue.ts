/**
 * The model catalogue shipped in resources/model-catalogue.json (bundled
 * with the code), or the file CONTINUUM_MODEL_CATALOGUE names (a clinic's
 * own list, the tests' list). Validated on every read: a malformed
 * catalogue is refused in one line naming the entry and field.
 */
import { readFileSync } from 'node:fs';
import shipped from '../../../resources/model-catalogue.json' with { type: 'json' };
import { modelCatalogue, type CatalogueEntry, type ModelCatalogue } from '../../api/catalogue-schemas';
import { ModelError } from '../errors';

export const CATALOGUE_ENV = 'CONTINUUM_MODEL_CATALOGUE';

export function parseCatalogue(raw: unknown, origin: string): ModelCatalogue {
  const parsed = modelCatalogue.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelError('corrupt', `the model catalogue ${origin}: ${issue.path.join('.') || 'top level'} ${issue.message}`);
  }
  return parsed.data;
}

export function readCatalogue(env: NodeJS.ProcessEnv = process.env): ModelCatalogue {
  const file = env[CATALOGUE_ENV];
  if (!file) return parseCatalogue(shipped, 'resources/model-catalogue.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ModelError('corrupt', `the model catalogue ${file} cannot be read as JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return parseCatalogue(raw, file);
}

export function catalogueEntry(catalogue: ModelCatalogue, id: string): CatalogueEntry {
  const entry = catalogue.entries.find((e) => e.id === id);
  if (!entry) throw new ModelError('missing', `${id} is not in the model catalogue (continuum model catalogue lists it)`);
  return entry;
}
