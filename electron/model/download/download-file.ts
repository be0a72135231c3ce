/**
 * Downloads one file the way the Hugging Face hub serves it, into a .part
 * file, and proves it is the published file before anyone uses it:
 *
 * - GET {hub}/{repo}/resolve/{revision}/{file}; the hub answers 302 to its
 *   CDN with X-Linked-Etag (the file's SHA-256, its LFS oid), X-Linked-Size
 *   and X-Repo-Commit. Redirects are followed by hand (at most 5), each
 *   checked: https only, plain http only to loopback (hub.ts).
 * - The SHA-256 is computed while the bytes stream to disk (a resumed part
 *   is hashed first) and compared with the published one; a mismatch
 *   deletes the part and says so in one line.
 * - Resume: a part kept with its sidecar (PART.json: the URL, the commit
 *   pinned at the first request, the published SHA-256, the CDN's ETag) is
 *   continued with Range and If-Range, so a file changed on the hub comes
 *   back whole (200) and the download restarts from 0; a changed published
 *   SHA-256 restarts it too.
 * - A dropped connection or a stalled one is retried from where it
 *   stopped, with backoff, a bounded number of times without progress.
 * - Stopping (the signal) keeps the part and its sidecar: the caller
 *   decides whether that is a pause (kept) or a cancel (deleted).
 * - The disk must hold what is left to download (statfs) before a byte is
 *   written.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, statfs as nodeStatfs } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { allowedUrl } from './hub';

export type DownloadErrorCode =
  | 'hash-mismatch' // the bytes are not the published file (deleted)
  | 'changed' // the hub publishes another file than the catalogue names
  | 'no-published-hash' // nothing to check the file against: refused
  | 'disk-space' // not enough free space for what is left
  | 'refused' // the hub answered 4xx (not found, licence to accept, ...)
  | 'redirect' // a redirect to a place a download may not go
  | 'network' // the connection failed more often than the retries allow (the part is kept)
  | 'stopped'; // the signal fired (the part is kept)

export class DownloadError extends Error {
  constructor(
    readonly code: DownloadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadProgress {
  readonly bytes: number;
  readonly totalBytes: number | null;
  readonly bytesPerSecond: number | null;
}

export interface StatFs {
  readonly bavail: number | bigint;
  readonly bsize: number | bigint;
}

export interface DownloadOptions {
  /** The resolve URL, at the revision given (null) or at the commit pinned by an earlier request. */
  readonly url: (commit: string | null) => URL;
  readonly partFile: string;
  /** The catalogue's SHA-256 and size, when it states them; otherwise the hub's are used. */
  readonly expectedSha256: string | null;
  readonly expectedBytes: number | null;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Attempts in a row that may fail without bringing a byte (default 5). */
  readonly retries?: number;
  /** The wait before retry n (1, 2, ...); default 1 s doubling to 30 s. */
  readonly backoffMs?: (attempt: number) => number;
  /** A connection that brings nothing for this long is dropped and retried (default 30 s). */
  readonly stallMs?: number;
  /** Free space of a folder (default fs.statfs); tests inject a full disk. */
  readonly statfs?: (dir: string) => Promise<StatFs>;
  /** Space left free after the download (default 64 MiB). */
  readonly reserveBytes?: number;
}

export interface Downloaded {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  /** The commit the hub named (X-Repo-Commit), when it did. */
  readonly commit: string | null;
}

/** What is kept beside a part so that a resume continues the same file. */
interface Sidecar {
  readonly url: string;
  readonly commit: string | null;
  readonly sha256: string;
  readonly etag: string | null;
  readonly totalBytes: number;
}

const MAX_REDIRECTS = 5;
const SHA256 = /^[0-9a-f]{64}$/;

export const sidecarFile = (partFile: string): string => `${partFile}.json`;

/** The part and its sidecar, gone (a cancel, a wrong hash). */
export function deletePart(partFile: string): void {
  rmSync(partFile, { force: true });
  rmSync(sidecarFile(partFile), { force: true });
}

/** How much a kept part holds and of what total, for the list of paused downloads; null when there is none. */
export function partProgress(partFile: string): { bytes: number; totalBytes: number } | null {
  const sidecar = readSidecar(partFile);
  if (!sidecar || !existsSync(partFile)) return null;
  return { bytes: statSync(partFile).size, totalBytes: sidecar.totalBytes };
}

function readSidecar(partFile: string): Sidecar | null {
  try {
    const raw = JSON.parse(readFileSync(sidecarFile(partFile), 'utf8')) as Partial<Sidecar>;
    if (typeof raw.url !== 'string' || typeof raw.sha256 !== 'string' || !SHA256.test(raw.sha256) || !Number.isInteger(raw.totalBytes)) return null;
    return { url: raw.url, commit: typeof raw.commit === 'string' ? raw.commit : null, sha256: raw.sha256, etag: typeof raw.etag === 'string' ? raw.etag : null, totalBytes: raw.totalBytes! };
  } catch {
    return null;
  }
}

/** Thrown inside an attempt when what is kept no longer belongs to the file: start again from byte 0 (not a failure). */
class Restart extends Error {}

/** The running SHA-256 of the part's bytes, kept across attempts so a retry does not hash the part again. */
interface Hashed {
  hash: Hash;
  bytes: number;
}

export async function downloadFile(options: DownloadOptions): Promise<Downloaded> {
  const name = basename(options.url(null).pathname);
  const retries = options.retries ?? 5;
  const backoff = options.backoffMs ?? ((n: number) => Math.min(30_000, 1_000 * 2 ** (n - 1)));
  let hashed = null as Hashed | null;
  let failures = 0;
  for (;;) {
    if (options.signal?.aborted) throw stopped(name);
    const before = hashed?.bytes ?? 0;
    try {
      const outcome = await attempt(options, name, hashed, (h) => {
        hashed = h;
      });
      return outcome;
    } catch (error) {
      if (options.signal?.aborted) throw stopped(name);
      if (error instanceof Restart) {
        deletePart(options.partFile);
        hashed = null;
        continue;
      }
      if (error instanceof DownloadError) throw error;
      // A failure of the connection: retried; attempts that brought bytes do not count against the limit.
      const progressed = (hashed?.bytes ?? 0) > before;
      failures = progressed ? 1 : failures + 1;
      if (failures > retries) {
        throw new DownloadError('network', `${name}: the connection failed ${failures} times in a row (${describe(error)}); what was downloaded is kept: resume later`);
      }
      await sleep(backoff(failures), options.signal);
    }
  }
}

function stopped(name: string): DownloadError {
  return new DownloadError('stopped', `${name}: the download was stopped`);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

async function attempt(options: DownloadOptions, name: string, kept: Hashed | null, keep: (h: Hashed) => void): Promise<Downloaded> {
  const canonical = options.url(null).href;
  let sidecar = readSidecar(options.partFile);
  // A part without its sidecar, or of another file, cannot be trusted to continue: start again.
  if (existsSync(options.partFile) && (!sidecar || sidecar.url !== canonical)) throw new Restart();
  if (!existsSync(options.partFile)) sidecar = null;
  const partBytes = sidecar ? statSync(options.partFile).size : 0;

  const stall = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stall.signal]) : stall.signal;
  const stallMs = options.stallMs ?? 30_000;
  let timer = setTimeout(() => stall.abort(), stallMs);
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stall.abort(), stallMs);
  };
  try {
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    if (partBytes > 0) {
      headers['range'] = `bytes=${partBytes}-`;
      // If-Range takes a strong ETag only; without one the published SHA-256 check below still restarts a changed file.
      if (sidecar?.etag && !sidecar.etag.startsWith('W/')) headers['if-range'] = sidecar.etag;
    }
    const { response, hub } = await follow(options.url(sidecar?.commit ?? null), headers, signal, name);
    if (response.status >= 400 && response.status !== 416) {
      await response.body?.cancel();
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      throw refused(response.status, name);
    }
    const published = publishedSha256(options, hub, name);
    let start = 0;
    let total: number | null;
    if (response.status === 206) {
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
      // The rest of another file (the published SHA-256 changed, and the server ignored If-Range): start again.
      if (!range || Number(range[1]) !== partBytes || sidecar?.sha256 !== published) {
        await response.body?.cancel();
        throw new Restart();
      }
      start = partBytes;
      total = Number(range[3]);
    } else if (response.status === 200) {
      total = contentLength(response) ?? hub.size;
    } else if (response.status === 416 && sidecar && partBytes === sidecar.totalBytes && sidecar.sha256 === published) {
      // Everything was already here: only the check is left.
      await response.body?.cancel();
      return finish(options, name, await hashOf(options.partFile, kept, partBytes), partBytes, published, sidecar.commit);
    } else {
      // A 416 on another file, or an answer with no body to take (a 304, a redirect without a Location).
      await response.body?.cancel();
      if (response.status === 416) throw new Restart();
      throw refused(response.status, name);
    }
    if (total === null) throw new DownloadError('refused', `${name}: the hub did not say how large the file is; not downloaded`);
    const expectedTotal = options.expectedBytes ?? hub.size;
    if (expectedTotal !== null && expectedTotal !== total) {
      await response.body?.cancel();
      throw new DownloadError('changed', `${name}: the hub serves ${total.toLocaleString('en')} bytes where ${expectedTotal.toLocaleString('en')} are published; not downloaded`);
    }
    await checkSpace(options, name, total - start);
    const commit = sidecar?.commit ?? hub.commit;
    const etag = response.headers.get('etag');
    writeFileSync(sidecarFile(options.partFile), `${JSON.stringify({ url: canonical, commit, sha256: published, etag, totalBytes: total } satisfies Sidecar)}\n`);

    const hashed: Hashed = start > 0 ? await hashOf(options.partFile, kept, start) : { hash: createHash('sha256'), bytes: 0 };
    keep(hashed);
    const file = await open(options.partFile, start > 0 ? 'a' : 'w');
    const rate = rateMeter(start);
    try {
      if (!response.body) throw new Error('no body');
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        alive();
        await file.write(chunk);
        hashed.hash.update(chunk);
        hashed.bytes += chunk.byteLength;
        const speed = rate(hashed.bytes);
        if (speed !== undefined) options.onProgress?.({ bytes: hashed.bytes, totalBytes: total, bytesPerSecond: speed });
      }
    } finally {
      await file.close();
    }
    if (hashed.bytes !== total) throw new Error(`the body ended at ${hashed.bytes} of ${total} bytes`);
    options.onProgress?.({ bytes: total, totalBytes: total, bytesPerSecond: null });
    return finish(options, name, hashed, total, published, commit);
  } finally {
    clearTimeout(timer);
  }
}

/** Compares the whole file's SHA-256 with the published one; a mismatch deletes the part. */
function finish(options: DownloadOptions, name: string, hashed: Hashed, bytes: number, published: string, commit: string | null): Downloaded {
  const sha256 = hashed.hash.copy().digest('hex');
  if (sha256 !== published) {
    deletePart(options.partFile);
    throw new DownloadError('hash-mismatch', `${name}: its SHA-256 ${sha256.slice(0, 12)}… is not the published ${published.slice(0, 12)}…; the download was deleted and nothing was added`);
  }
  return { file: options.partFile, sha256, bytes, commit };
}

/** The hash of the part's first `bytes` bytes: the one kept from the last attempt when it covers them, else read from disk. */
async function hashOf(partFile: string, kept: Hashed | null, bytes: number): Promise<Hashed> {
  if (kept && kept.bytes === bytes) return kept;
  const hash = createHash('sha256');
  if (bytes > 0) for await (const chunk of createReadStream(partFile, { start: 0, end: bytes - 1, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return { hash, bytes };
}

interface HubHeaders {
  readonly sha256: string | null;
  readonly size: number | null;
  readonly commit: string | null;
}

/** GET with redirects followed by hand: each hop checked, the hub's headers gathered on the way. */
async function follow(url: URL, headers: Record<string, string>, signal: AbortSignal, name: string): Promise<{ response: Response; hub: HubHeaders }> {
  let current = url;
  let sha256: string | null = null;
  let size: number | null = null;
  let commit: string | null = null;
  for (let hop = 0; ; hop += 1) {
    if (!allowedUrl(current, url)) throw new DownloadError('redirect', `${name}: refused to fetch from ${current.protocol}//${current.host} (only https, or http to this computer)`);
    const response = await fetch(current, { headers, redirect: 'manual', signal });
    sha256 ??= shaHeader(response.headers.get('x-linked-etag'));
    size ??= intHeader(response.headers.get('x-linked-size'));
    commit ??= /^[0-9a-f]{40}$/.test(response.headers.get('x-repo-commit') ?? '') ? response.headers.get('x-repo-commit') : null;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new DownloadError('redirect', `${name}: more than ${MAX_REDIRECTS} redirects`);
      current = new URL(location, current);
      continue;
    }
    // A server without X-Linked-Etag (a plain mirror) may give the SHA-256 as the file's own ETag.
    sha256 ??= shaHeader(response.headers.get('etag'));
    return { response, hub: { sha256, size, commit } };
  }
}

function shaHeader(value: string | null): string | null {
  const bare = value?.replace(/^W\//, '').replace(/"/g, '').toLowerCase() ?? '';
  return SHA256.test(bare) ? bare : null;
}

function intHeader(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

function contentLength(response: Response): number | null {
  return intHeader(response.headers.get('content-length'));
}

function publishedSha256(options: DownloadOptions, hub: HubHeaders, name: string): string {
  if (options.expectedSha256 && hub.sha256 && options.expectedSha256 !== hub.sha256) {
    throw new DownloadError('changed', `${name}: the hub publishes SHA-256 ${hub.sha256.slice(0, 12)}…, not the catalogue's ${options.expectedSha256.slice(0, 12)}…; not downloaded`);
  }
  const published = options.expectedSha256 ?? hub.sha256;
  if (!published) throw new DownloadError('no-published-hash', `${name}: the hub published no SHA-256 for it, so it could not be checked; not downloaded`);
  return published;
}

function refused(status: number, name: string): DownloadError {
  const why =
    status === 401 || status === 403
      ? 'the hub asks for a sign-in: this model needs its licence accepted on the hub first; download it there, then add it from a folder'
      : status === 404
        ? 'the hub has no such file (the catalogue may be out of date)'
        : 'the hub refused the request';
  return new DownloadError('refused', `${name}: HTTP ${status}: ${why}`);
}

async function checkSpace(options: DownloadOptions, name: string, remaining: number): Promise<void> {
  const dir = dirname(options.partFile);
  const stats = await (options.statfs ?? nodeStatfs)(dir);
  const free = Number(stats.bavail) * Number(stats.bsize);
  const needed = remaining + (options.reserveBytes ?? 64 * 1024 * 1024);
  if (free < needed) {
    throw new DownloadError('disk-space', `${name}: needs ${gb(needed)} free in ${dir} but it has ${gb(free)}; free some space, then download again`);
  }
}

const gb = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);

/** Bytes per second over the last seconds; answers at most every 250 ms (undefined in between). */
function rateMeter(startBytes: number): (bytes: number) => number | undefined {
  let mark = { at: performance.now(), bytes: startBytes };
  let last = 0;
  let speed: number | null = null;
  return (bytes) => {
    const now = performance.now();
    if (now - last < 250) return undefined;
    last = now;
    const seconds = (now - mark.at) / 1000;
    if (seconds >= 0.5) {
      speed = (bytes - mark.bytes) / seconds;
      if (seconds >= 3) mark = { at: now, bytes };
    }
    return speed ?? 0;
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
