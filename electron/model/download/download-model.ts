/**
 * A catalogue model from download to installed: the file streams into
 * models/.downloads/ID.part (the models folder's own disk, so the move in is
 * a rename), is checked against the published SHA-256, then moved into
 * models/ID/ and added through the same path as a model copied in by hand
 * (add-model.ts: the manifest records its size and SHA-256, and it must
 * load). The manifest's SHA-256, hashed again from disk, must be the
 * published one too: what was verified in memory is what was written.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CatalogueEntry } from '../../api/catalogue-schemas';
import { ModelError } from '../errors';
import type { Manifest } from '../manifest';
import { deletePart, downloadFile, partProgress, type DownloadOptions, type DownloadProgress } from './download-file';
import { resolveUrl } from './hub';

export const DOWNLOADS_DIR = '.downloads';

export function partFileFor(modelsDir: string, id: string): string {
  return join(modelsDir, DOWNLOADS_DIR, `${id}.part`);
}

/** The downloads kept in models/.downloads (paused, or cut off when the app closed), by catalogue id. */
export function keptDownloads(modelsDir: string): Map<string, { bytes: number; totalBytes: number }> {
  const kept = new Map<string, { bytes: number; totalBytes: number }>();
  const dir = join(modelsDir, DOWNLOADS_DIR);
  if (!existsSync(dir)) return kept;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.part')) continue;
    const progress = partProgress(join(dir, name));
    if (progress) kept.set(name.slice(0, -'.part'.length), progress);
  }
  return kept;
}

export function discardDownload(modelsDir: string, id: string): boolean {
  const part = partFileFor(modelsDir, id);
  const had = existsSync(part);
  deletePart(part);
  return had;
}

export interface DownloadModelOptions extends Pick<DownloadOptions, 'signal' | 'retries' | 'backoffMs' | 'stallMs' | 'statfs' | 'reserveBytes'> {
  readonly modelsDir: string;
  readonly hub: URL;
  readonly onProgress?: (progress: DownloadProgress & { readonly phase: 'downloading' | 'adding' }) => void;
  /** Adds the verified file's folder: add-model.ts's addModel with the host's load check. */
  readonly add: (dir: string) => Promise<Manifest>;
}

export interface DownloadedModel {
  readonly dir: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly manifest: Manifest;
}

export async function downloadModel(entry: CatalogueEntry, options: DownloadModelOptions): Promise<DownloadedModel> {
  const dir = join(options.modelsDir, entry.id);
  if (existsSync(dir)) throw new ModelError('invalid-request', `${dir} already exists: ${entry.name} (${entry.quantization}) is installed or a folder has its name`);
  const partFile = partFileFor(options.modelsDir, entry.id);
  mkdirSync(join(options.modelsDir, DOWNLOADS_DIR), { recursive: true });
  const downloaded = await downloadFile({
    url: (commit) => resolveUrl(options.hub, entry.source, commit ?? entry.source.revision),
    partFile,
    expectedSha256: entry.sha256,
    expectedBytes: entry.bytes,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
    ...(options.stallMs !== undefined ? { stallMs: options.stallMs } : {}),
    ...(options.statfs ? { statfs: options.statfs } : {}),
    ...(options.reserveBytes !== undefined ? { reserveBytes: options.reserveBytes } : {}),
    onProgress: (p) => options.onProgress?.({ ...p, phase: 'downloading' }),
  });
  options.onProgress?.({ bytes: downloaded.bytes, totalBytes: downloaded.bytes, bytesPerSecond: null, phase: 'adding' });
  mkdirSync(dir);
  const file = join(dir, basename(entry.source.file));
  renameSync(partFile, file);
  deletePart(partFile);
  // Verified but not loadable (an architecture too new for this llama.cpp, too little memory): add() throws and the
  // folder stays, listed as not added with the reason, so that it need not be downloaded again.
  const manifest = await options.add(dir);
  const recorded = manifest.files.find((f) => f.path === basename(entry.source.file));
  if (!recorded || recorded.sha256 !== downloaded.sha256) {
    rmSync(dir, { recursive: true, force: true });
    throw new ModelError('integrity', `${basename(file)} on disk is not the file that was verified while downloading; it was deleted: download it again`);
  }
  return { dir, sha256: downloaded.sha256, bytes: downloaded.bytes, manifest };
}
