import { totalmem } from 'node:os';
import type { DownloadState } from '../../api/catalogue-schemas';
import { ModelError } from '../../model';
import { bandwidthFromDecode, probeBandwidth } from '../../model/catalogue/bandwidth';
import { catalogueEntry, readCatalogue } from '../../model/catalogue/catalogue';
import { catalogueListing } from '../../model/catalogue/listing';
import { DownloadError } from '../../model/download/download-file';
import { discardDownload, downloadModel, keptDownloads } from '../../model/download/download-model';
import { hubBase, hubReachable, hubTurnedOff, TURNED_OFF } from '../../model/download/hub';
import { VaultError } from '../../store/errors';
import type { Session } from '../session';
import { modelsDir, type ModelService, type RunningDownload } from '../services/model-service';
import type { HandlerMap } from './handler';

/**
 * The model catalogue and its downloads over the API. A download is a job
 * of the session ('models.download', keyed by the catalogue id): progress
 * through 'jobs.get' and 'models.catalogue', Pause keeps its .part for a
 * resume (so does a generic 'jobs.cancel' and the vault locking: a long
 * download is never thrown away by accident), Cancel deletes it.
 */
function stateOf(models: ModelService, id: string, kept: Map<string, { bytes: number; totalBytes: number }>): DownloadState | null {
  const d = models.downloads;
  const run = d.running.get(id);
  if (run) return { id, state: 'running', bytes: run.bytes, totalBytes: run.totalBytes, bytesPerSecond: run.bytesPerSecond, message: run.message, jobId: run.jobId };
  const part = kept.get(id);
  if (part) return { id, state: 'paused', bytes: part.bytes, totalBytes: part.totalBytes, bytesPerSecond: null, message: null, jobId: null };
  const failure = d.failures.get(id);
  return failure ? { id, state: 'failed', bytes: 0, totalBytes: null, bytesPerSecond: null, message: failure, jobId: null } : null;
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

function progressLine(bytes: number, total: number | null, rate: number | null): string {
  const of = total ? `${gb(bytes)} of ${gb(total)}` : gb(bytes);
  return rate ? `${of} at ${(rate / 1e6).toFixed(1)} MB/s` : of;
}

/** A download's failure as the API answers it: one line, the model's or the downloader's own words. */
function asVaultError(error: unknown): unknown {
  if (error instanceof DownloadError || error instanceof ModelError) return new VaultError('invalid-input', error.message);
  return error;
}

/** Reads the catalogue or the hub's address, a bad one refused in its own line. */
function guarded<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw asVaultError(error);
  }
}

/** Stops a running download job and waits until it has let go of its part. */
async function stopRunning(session: Session, id: string): Promise<boolean> {
  const job = session.jobs.running('models.download', id);
  if (!job) return false;
  session.jobs.cancel(job.id);
  await session.jobs.result(job.id);
  return true;
}

export const modelDownloadHandlers: HandlerMap = {
  'models.catalogue': (_params, { session, services }) => {
    session.requireVault();
    const dir = modelsDir();
    const kept = keptDownloads(dir);
    const measured = services.models.measuredDecode();
    return catalogueListing({
      catalogue: guarded(() => readCatalogue()),
      modelsDir: dir,
      totalMemoryBytes: totalmem(),
      bandwidth: measured ? bandwidthFromDecode(measured.name, measured.tokensPerSecond, measured.bytes) : probeBandwidth(),
      hub: hubTurnedOff() ? null : guarded(() => hubBase()),
      download: (id) => stateOf(services.models, id, kept),
    });
  },
  'models.hubStatus': async (_params, { session }) => {
    session.requireVault();
    if (hubTurnedOff()) return { reachable: false, hub: 'off', message: TURNED_OFF };
    const base = guarded(() => hubBase());
    const { reachable, message } = await hubReachable(base);
    return { reachable, hub: base.origin, message };
  },
  'models.startDownload': (params, { session, services, startJob }) => {
    session.requireVault();
    const entry = guarded(() => catalogueEntry(readCatalogue(), params.id));
    guarded(() => hubBase()); // refused at once when downloads are turned off or the address is bad
    services.models.downloads.failures.delete(entry.id);
    return { job: startJob('models.download', { id: entry.id }, entry.id) };
  },
  'models.download': async (params, { session, services, job }) => {
    session.requireVault();
    const d = services.models.downloads;
    const entry = guarded(() => catalogueEntry(readCatalogue(), params.id));
    const run: RunningDownload = { jobId: session.jobs.running('models.download', entry.id)?.id ?? '', bytes: 0, totalBytes: entry.bytes, bytesPerSecond: null, message: 'connecting to the hub' };
    d.running.set(entry.id, run);
    try {
      const got = await downloadModel(entry, {
        modelsDir: modelsDir(),
        hub: guarded(() => hubBase()),
        ...(job ? { signal: job.signal } : {}),
        onProgress: (p) => {
          run.bytes = p.bytes;
          run.totalBytes = p.totalBytes;
          run.bytesPerSecond = p.bytesPerSecond;
          run.message = p.phase === 'adding' ? 'SHA-256 matches the published one; adding the model and loading it' : `downloading: ${progressLine(p.bytes, p.totalBytes, p.bytesPerSecond)}`;
          job?.report({ step: p.phase === 'adding' ? 2 : 1, steps: 2, progress: p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : 0, status: run.message });
        },
        add: (dir) => services.models.addDownloaded(dir, { name: `${entry.name} (${entry.quantization})`, licence: entry.licence.id }),
      });
      return { dir: got.dir, sha256: got.sha256, bytes: got.bytes };
    } catch (error) {
      // Stopped (Pause, 'jobs.cancel', the vault locking): the part stays for a resume; Cancel deletes it after this.
      if (!(error instanceof DownloadError && error.code === 'stopped')) d.failures.set(entry.id, (error as Error).message.split('\n')[0]!);
      throw asVaultError(error);
    } finally {
      d.running.delete(entry.id);
    }
  },
  'models.pauseDownload': async (params, { session }) => {
    session.requireVault();
    return { paused: await stopRunning(session, params.id) };
  },
  'models.cancelDownload': async (params, { session, services }) => {
    session.requireVault();
    const stopped = await stopRunning(session, params.id);
    const discarded = discardDownload(modelsDir(), params.id);
    services.models.downloads.failures.delete(params.id);
    return { cancelled: stopped || discarded };
  },
};
