import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportReport } from '../api/schemas';
import { VaultError } from '../store/errors';
import type { Db } from '../store/sqlite';
import type { Vault } from '../store/vault';
import { BundleSplitter } from './bundle-splitter';
import { sha256Hex } from './canonical-json';
import { FhirImportError, safeTypeName } from './errors';
import { ImportSession, type Counts } from './import-session';
import { IMPORTED_BUNDLE_TYPES } from './types';
import { fhirImportBySha256, patientNames } from './row-queries';
import { insertSource, setSourceDetail } from '../store/queries/sources';

export interface ImportProgress {
  /** Resources read so far (mapped or not). */
  readonly resources: number;
  readonly bytes: number;
  readonly totalBytes: number;
  /** The most bytes of one unfinished entry held between reads so far (BundleSplitter.maxBufferedBytes). */
  readonly maxBufferedBytes: number;
}

export interface ImportOptions {
  /** Called after each chunk read (1 MiB by default), synchronously, inside the import. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Bytes per read; tests use small ones to cut UTF-8 characters and entries in two. */
  readonly chunkBytes?: number;
}

const DEFAULT_CHUNK = 1 << 20;

/** What the import of one file reads: its bytes, in chunks, and their hash known beforehand. */
interface BundleSource {
  readonly label: string;
  readonly sha256: string;
  readonly totalBytes: number;
  chunks(): Iterable<Buffer>;
}

/** What `sources.detail` keeps of an import, so that a repeat can report it without reading the file. */
interface SourceDetail {
  bundleType: string;
  bytes: number;
  resources: number;
  added: Counts;
  updated: Counts;
  unchanged: Counts;
  notMapped: Counts;
  patients: string[];
}

/**
 * Imports a bundle file. The file is read twice: once, asynchronously, for
 * its SHA-256 (a byte-identical file imported before is not read again),
 * then in chunks inside one transaction. That second pass is synchronous on
 * purpose: better-sqlite3's connection is shared, and a transaction left open
 * across awaits would take in whatever else ran on it meanwhile, and lose it
 * on a rollback. Run imports in the core's worker, not on a UI thread.
 */
export async function importBundleFile(vault: Vault, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const label = basename(path);
  const { sha256, size } = await hashFile(path);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK;
  return runImport(vault, { label, sha256, totalBytes: size, chunks: () => readChunks(path, chunkBytes) }, options);
}

/** Imports a bundle given as text (the renderer uploads the file's content); `fileName` labels the source. */
export function importBundleText(vault: Vault, fileName: string, text: string, options: ImportOptions = {}): ImportReport {
  const bytes = Buffer.from(text, 'utf8');
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK;
  const label = fileName.split(/[\\/]/).pop() || fileName;
  return runImport(vault, { label, sha256: sha256Hex(bytes), totalBytes: bytes.length, chunks: () => slices(bytes, chunkBytes) }, options);
}

function runImport(vault: Vault, source: BundleSource, options: ImportOptions): ImportReport {
  const started = performance.now();
  const db = vault.db;
  const importAll = (): ImportReport => {
    const previous = previousImport(db, source.sha256);
    if (previous) return repeatReport(db, source.label, previous, started);

    const at = vault.now().toISOString();
    const sourceId = startSource(vault, source, at);
    const session = new ImportSession(db, source.label, { sourceId, recordedAt: at, recordedBy: vault.clinician.id });
    const splitter = new BundleSplitter(source.label);
    const hash = createHash('sha256');
    let bytes = 0;
    for (const chunk of source.chunks()) {
      hash.update(chunk);
      bytes += chunk.length;
      for (const entry of splitter.push(chunk)) session.add(entry);
      checkHead(source.label, splitter.head, false);
      const { resources } = session;
      options.onProgress?.({ resources, bytes, totalBytes: source.totalBytes, maxBufferedBytes: splitter.maxBufferedBytes });
    }
    splitter.end();
    const bundleType = checkHead(source.label, splitter.head, true);
    if (hash.digest('hex') !== source.sha256) {
      throw new FhirImportError(source.label, 'the file changed while it was being imported; nothing was imported');
    }
    session.finish();
    return recordImport(vault, source.label, sourceId, session, bundleType, bytes, started);
  };
  // One bundle, one transaction: a failed bundle leaves nothing behind.
  return vault.atomically(importAll);
}

export interface SlicedImportOptions {
  /** Stops the import between slices; nothing of the bundle is written (an AbortError-like FhirImportError is thrown). */
  readonly signal?: AbortSignal;
  /** Called after each slice with how far the reading and checking got. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** The longest the import holds the thread before it lets other calls in (ms); 3 by default. */
  readonly sliceMs?: number;
}

/** Bytes handed to the splitter at a time by the sliced import: small, so that a slice ends near its time budget. */
const SLICE_CHUNK = 64 * 1024;
const SLICE_MS = 3;

/**
 * The same import as importBundleText, for a core that answers other calls
 * meanwhile (the API's import job): reading, checking and mapping run in
 * slices of a few milliseconds, outside any transaction, with the thread
 * handed back between them; then every row is written in one short
 * transaction. So the bundle still appears whole or not at all, and a chart
 * read waits at most one slice or that one write. Holds the mapped rows of
 * the whole bundle until then (the text is in memory anyway).
 */
export async function importBundleTextSliced(vault: Vault, fileName: string, text: string, options: SlicedImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const bytes = Buffer.from(text, 'utf8');
  const label = fileName.split(/[\\/]/).pop() || fileName;
  const sha256 = sha256Hex(bytes);
  const earlier = previousImport(vault.db, sha256);
  if (earlier) return repeatReport(vault.db, label, earlier, started);

  const sliceMs = options.sliceMs ?? SLICE_MS;
  const session = new ImportSession(vault.db, label, null);
  const splitter = new BundleSplitter(label);
  let sliceStarted = performance.now();
  const pause = async (): Promise<void> => {
    if (performance.now() - sliceStarted < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new FhirImportError(label, 'the import was cancelled; nothing was imported');
    if (!vault.isOpen) throw new VaultError('locked', `${label}: the vault locked during the import; nothing was imported`);
    sliceStarted = performance.now();
  };
  let read = 0;
  for (const chunk of slices(bytes, SLICE_CHUNK)) {
    read += chunk.length;
    for (const entry of splitter.push(chunk)) {
      session.add(entry);
      await pause();
    }
    checkHead(label, splitter.head, false);
    options.onProgress?.({ resources: session.resources, bytes: read, totalBytes: bytes.length, maxBufferedBytes: splitter.maxBufferedBytes });
  }
  splitter.end();
  const bundleType = checkHead(label, splitter.head, true);
  session.finish();
  await pause();

  return vault.atomically(() => {
    // The same bytes may have been imported meanwhile (another import running beside this one).
    const previous = previousImport(vault.db, sha256);
    if (previous) return repeatReport(vault.db, label, previous, started);
    const at = vault.now().toISOString();
    const sourceId = startSource(vault, { label, sha256 }, at);
    session.write({ sourceId, recordedAt: at, recordedBy: vault.clinician.id });
    return recordImport(vault, label, sourceId, session, bundleType, bytes.length, started);
  });
}

/** The bundle's `sources` row, inside the import's transaction. */
function startSource(vault: Vault, source: { label: string; sha256: string }, at: string): number {
  const db = vault.db;
  const sourceId = insertSource(db, { kind: 'fhir-import', label: source.label, sha256: source.sha256, clinicianId: vault.clinician.id, at, detail: null });
  // A resource may name a patient whose entry comes later in the bundle;
  // the foreign keys are checked at commit, when it is there. (Reset by
  // SQLite itself at the end of the transaction.)
  db.pragma('defer_foreign_keys = ON');
  return sourceId;
}

/** After the rows: one audit entry per patient, what the source held, and the report. */
function recordImport(vault: Vault, label: string, sourceId: number, session: ImportSession, bundleType: string, bytes: number, started: number): ImportReport {
  const db = vault.db;
  const patients = [...session.touched.keys()];
  for (const [patientId, counts] of session.touched) {
    vault.audit('import.fhir', patientId, { file: label, sourceId, counts });
  }
  const detail: SourceDetail = {
    bundleType,
    bytes,
    resources: session.resources,
    added: session.added,
    updated: session.updated,
    unchanged: session.unchanged,
    notMapped: session.notMapped,
    patients,
  };
  setSourceDetail(db, sourceId, JSON.stringify(detail));
  return {
    file: label,
    alreadyImported: false,
    patients: namesOf(db, patients),
    added: session.added,
    unchanged: session.unchanged,
    updated: session.updated,
    notMapped: session.notMapped,
    resources: session.resources,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The root must be a Bundle of a type whose entries are resources to store.
 * Checked after every chunk (resourceType usually comes first, so a wrong
 * file stops at once) and at the end (when the members may have come last).
 */
function checkHead(file: string, head: Record<string, unknown>, complete: boolean): string {
  const { resourceType, type } = head;
  if (resourceType !== undefined && resourceType !== 'Bundle') {
    throw new FhirImportError(file, `not a FHIR Bundle (resourceType is ${safeTypeName(resourceType)})`);
  }
  const accepted: readonly unknown[] = IMPORTED_BUNDLE_TYPES;
  if (type !== undefined && !accepted.includes(type)) {
    throw new FhirImportError(
      file,
      `Bundle.type: ${typeof type === 'string' && /^[a-z-]{1,32}$/.test(type) ? `"${type}" bundles are not imported` : 'not a bundle type'}; expected ${IMPORTED_BUNDLE_TYPES.join(', ')}`,
    );
  }
  if (complete && resourceType === undefined) throw new FhirImportError(file, 'resourceType: missing; not a FHIR Bundle');
  if (complete && type === undefined) throw new FhirImportError(file, `Bundle.type: missing; expected ${IMPORTED_BUNDLE_TYPES.join(', ')}`);
  return String(type);
}

function previousImport(db: Db, sha256: string): { id: number; detail: SourceDetail } | undefined {
  const row = fhirImportBySha256(db, sha256);
  return row ? { id: row.id, detail: JSON.parse(row.detail) as SourceDetail } : undefined;
}

/** A byte-identical file: nothing is written; the report says what that file held, all unchanged. */
function repeatReport(db: Db, file: string, previous: { detail: SourceDetail }, started: number): ImportReport {
  const { detail } = previous;
  const unchanged: Counts = {};
  for (const counts of [detail.added, detail.updated, detail.unchanged]) {
    for (const [type, n] of Object.entries(counts)) unchanged[type] = (unchanged[type] ?? 0) + n;
  }
  return {
    file,
    alreadyImported: true,
    patients: namesOf(db, detail.patients),
    added: {},
    unchanged,
    updated: {},
    notMapped: detail.notMapped,
    resources: detail.resources,
    seconds: (performance.now() - started) / 1000,
  };
}

function namesOf(db: Db, ids: readonly string[]): Array<{ id: string; name: string }> {
  return patientNames(db, ids);
}

async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    if (!statSync(path).isFile()) throw new VaultError('invalid-input', `${path}: not a file`);
    for await (const chunk of createReadStream(path, { highWaterMark: DEFAULT_CHUNK })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (error) {
    throw fileError(path, error);
  }
  return { sha256: hash.digest('hex'), size };
}

function* readChunks(path: string, chunkBytes: number): Generator<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    for (;;) {
      // A fresh buffer per read: the splitter keeps slices of the last one.
      const buffer = Buffer.allocUnsafe(chunkBytes);
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) return;
      yield read === chunkBytes ? buffer : buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

function* slices(bytes: Buffer, chunkBytes: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
}

function fileError(path: string, error: unknown): unknown {
  if (error instanceof VaultError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return new VaultError('not-found', `${path}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new VaultError('invalid-input', `${path}: not readable (permission denied)`);
  if (code === 'EISDIR') return new VaultError('invalid-input', `${path}: a folder, not a file`);
  return error;
}
