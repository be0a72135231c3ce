/**
 * The catalogue as the model manager and `continuum model catalogue` show
 * it: each entry with its memory needed, expected speed, whether it fits
 * this machine, whether it is installed, and its download, if any.
 */
import { join } from 'node:path';
import type { CatalogueListing, DownloadState, ModelCatalogue } from '../../api/catalogue-schemas';
import { listModels } from '../model-list';
import { hubLabel } from '../download/hub';
import type { Bandwidth } from './bandwidth';
import { expectedTokensPerSecond, fitsMachine, MEMORY_FORMULA, memoryNeeded, runContext, SPEED_FORMULA } from './estimates';

export interface ListingInput {
  readonly catalogue: ModelCatalogue;
  readonly modelsDir: string;
  readonly totalMemoryBytes: number;
  readonly bandwidth: Bandwidth;
  /** null: downloads are turned off (CONTINUUM_MODEL_HUB=off). */
  readonly hub: URL | null;
  /** A download's state by catalogue id (running, paused or failed), or null. */
  readonly download: (id: string) => DownloadState | null;
}

export function catalogueListing(input: ListingInput): CatalogueListing {
  const installed = new Set(listModels(input.modelsDir).flatMap((m) => (m.ok ? [m.dir] : [])));
  return {
    entries: input.catalogue.entries.map((entry) => {
      const memoryBytes = memoryNeeded(entry);
      const dir = join(input.modelsDir, entry.id);
      return {
        ...entry,
        memoryBytes,
        memoryContext: runContext(entry.architecture),
        tokensPerSecond: expectedTokensPerSecond(entry, input.bandwidth.bytesPerSecond),
        fits: fitsMachine(memoryBytes, input.totalMemoryBytes),
        installed: installed.has(dir) ? dir : null,
        download: input.download(entry.id),
      };
    }),
    totalMemoryBytes: input.totalMemoryBytes,
    speed: { bandwidthBytesPerSecond: input.bandwidth.bytesPerSecond, source: input.bandwidth.source, formula: SPEED_FORMULA },
    memoryFormula: MEMORY_FORMULA,
    hub: input.hub ? hubLabel(input.hub) : 'off',
  };
}
