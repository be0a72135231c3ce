import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { CatalogueListing } from '../../api/catalogue-schemas';
import { VaultError } from '../../store/errors';
import { optionalString, printJson, type Command, type Values } from '../command';
import { UsageError, type CliIo } from '../io';
import { defaultModelsDir } from './model';

/**
 * `continuum model catalogue` and `continuum model download ID`: the
 * shipped catalogue (resources/model-catalogue.json, or
 * CONTINUUM_MODEL_CATALOGUE) with memory and speed estimates for this
 * machine, and a download checked against the hub's published SHA-256 and
 * added like `model add` (CONTINUUM_MODEL_HUB names a mirror).
 */
const modelsFolder = (values: Values, io: CliIo) => (optionalString(values, 'models') ? resolve(optionalString(values, 'models')!) : defaultModelsDir(io.env));

const size = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`);

/** Any refusal of the model code, as the CLI reports it: exit 1, one line. */
async function oneLine<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VaultError || error instanceof UsageError) throw error;
    throw new VaultError('invalid-input', (error as Error).message.split('\n')[0]!);
  }
}

function printListing(io: CliIo, listing: CatalogueListing): void {
  for (const e of listing.entries) {
    const bytes = e.bytes === null ? `≈${size(e.approximateBytes)}` : size(e.bytes);
    const state = e.installed ? 'installed' : e.download?.state === 'paused' ? `paused at ${size(e.download.bytes)}` : e.fits ? 'fits' : 'too big for this machine';
    const restricted = e.licence.restrictions ? ' (restricted)' : '';
    io.out(`${e.id}  ${e.name} ${e.quantization}  ${bytes}  memory ${size(e.memoryBytes)}  ≈${e.tokensPerSecond.toFixed(1)} tokens/s  ${e.licence.id}${restricted}  ${state}\n`);
  }
  io.out(`\n${listing.memoryFormula}, at each model's context (at most 8,192 tokens); this machine has ${size(listing.totalMemoryBytes)}, 4 GB kept for the rest\n`);
  io.out(`${listing.speed.formula}; ${listing.speed.source}\n`);
  io.out(listing.hub === 'off' ? 'downloads are turned off on this computer (CONTINUUM_MODEL_HUB=off)\n' : `downloads from ${listing.hub}: continuum model download ID\n`);
}

export const modelCatalogueCommands: Command[] = [
  {
    name: 'model catalogue',
    usage: 'model catalogue [--models DIR] [--json]',
    summary: 'list the models that can be downloaded, with size, memory needed, expected speed on this machine and licence',
    options: { models: { type: 'string' }, json: { type: 'boolean' } },
    async run(values, _positionals, io) {
      const dir = modelsFolder(values, io);
      const { readCatalogue } = await import('../../model/catalogue/catalogue');
      const { catalogueListing } = await import('../../model/catalogue/listing');
      const { probeBandwidth } = await import('../../model/catalogue/bandwidth');
      const { hubBase, hubTurnedOff } = await import('../../model/download/hub');
      const { keptDownloads } = await import('../../model/download/download-model');
      const listing = await oneLine(() => {
        const kept = keptDownloads(dir);
        return catalogueListing({
          catalogue: readCatalogue(io.env),
          modelsDir: dir,
          totalMemoryBytes: totalmem(),
          bandwidth: probeBandwidth(),
          hub: hubTurnedOff(io.env) ? null : hubBase(io.env),
          download: (id) => {
            const part = kept.get(id);
            return part ? { id, state: 'paused', bytes: part.bytes, totalBytes: part.totalBytes, bytesPerSecond: null, message: null, jobId: null } : null;
          },
        });
      });
      if (values.json) printJson(io, listing);
      else printListing(io, listing);
    },
  },
  {
    name: 'model download',
    usage: 'model download [--models DIR] [--json] ID',
    summary: 'download a catalogue model, check its SHA-256 against the published one, and add it (an interrupted download resumes where it stopped)',
    options: { models: { type: 'string' }, json: { type: 'boolean' } },
    positionals: 'one-or-more',
    async run(values, ids, io) {
      if (ids.length !== 1) throw new UsageError('give one catalogue id');
      const dir = modelsFolder(values, io);
      const { readCatalogue, catalogueEntry } = await import('../../model/catalogue/catalogue');
      const { downloadModel } = await import('../../model/download/download-model');
      const { hubBase } = await import('../../model/download/hub');
      const { addModel, startModelWorker } = await import('../../model');
      const entry = await oneLine(() => catalogueEntry(readCatalogue(io.env), ids[0]!));
      const got = await oneLine(() =>
        downloadModel(entry, {
          modelsDir: dir,
          hub: hubBase(io.env),
          onProgress: (p) => {
            if (!io.interactive) return;
            const of = p.totalBytes ? `${size(p.bytes)} of ${size(p.totalBytes)} (${Math.floor((100 * p.bytes) / p.totalBytes)}%)` : size(p.bytes);
            const rate = p.bytesPerSecond ? ` at ${(p.bytesPerSecond / 1e6).toFixed(1)} MB/s` : '';
            io.err(p.phase === 'adding' ? `\r${entry.id}: SHA-256 matches the published one; adding it\x1b[K\n` : `\r${entry.id}: ${of}${rate}\x1b[K`);
          },
          // Loaded once in the model worker, as the app will load it, then closed (as `model add` does).
          add: (d) => addModel(d, { name: `${entry.name} (${entry.quantization})`, licence: entry.licence.id, check: async (m) => (await startModelWorker(m)).close() }),
        }),
      );
      if (values.json) printJson(io, { id: entry.id, dir: got.dir, sha256: got.sha256, bytes: got.bytes });
      else io.out(`downloaded ${entry.id} into ${got.dir}: ${size(got.bytes)}, SHA-256 ${got.sha256} (the published one); added, and it loads\n`);
    },
  },
];
