import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DicomImportOutcome } from '../api/imaging-schemas';
import type { ImportReport } from '../api/schemas';
import type { ImportProgress } from '../fhir';
import type { RetrievedInstance } from '../imaging/dicomweb/pull';
import type { DicomImportOptions } from '../imaging/import-dicom';
import type { ChartPatient } from '../imaging/match-patient';
import { VaultError } from '../store/errors';
import { loadKeyring, type Vault } from '../store/vault';
import { logError } from './log';
import type { FromVaultThread, ThreadValue, ToVaultThread, VaultThreadData } from './vault-thread-protocol';
import type { Service } from './services/service';

/** How often the thread copies the write-ahead log into the vault file. */
const CHECKPOINT_EVERY_MS = 500;
/** The longest dispose() waits for the thread to close its connection (a write under way finishes first). */
const CLOSE_WAIT_MS = 5_000;

interface Pending {
  resolve(value: ThreadValue): void;
  reject(error: Error): void;
  onProgress?: ((progress: Pick<ImportProgress, 'resources' | 'bytes' | 'totalBytes'>) => void) | undefined;
}

/**
 * A thread with its own connection to the unlocked vault, so that the heavy
 * writes never run on the core's thread:
 * - imports: a FHIR bundle or a DICOM instance is written there, in one
 *   transaction each (all or nothing, as before); the core's thread stays
 *   free to answer chart reads, which see the rows once they are committed;
 * - checkpoints: the core's connection no longer copies the write-ahead log
 *   into the vault file (wal_autocheckpoint 0; that took 100 to 200 ms in the
 *   middle of a commit, every 4 MB written); the thread does, every half
 *   second, without blocking anyone (PASSIVE).
 * SQLite keeps one writer at a time across the two connections (each
 * transaction is synchronous and short; busy_timeout makes the other wait).
 *
 * Owned by the Session: started when a vault is unlocked, disposed before it
 * is closed (so that the core's own close is the last connection and leaves
 * no log behind). Should the thread stop, its requests fail and the core
 * checkpoints itself again; the Session then imports on its own thread.
 */
export class VaultThread implements Service {
  readonly name = 'vault thread';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stopped: Error | null = null;
  private disposed = false;

  private constructor(
    private readonly vault: Vault,
    private readonly worker: Worker,
    private readonly closed: Int32Array,
  ) {
    worker.on('message', (message: FromVaultThread) => {
      const p = this.pending.get(message.id);
      if (!p) return;
      if (message.type === 'progress') {
        p.onProgress?.(message);
        return;
      }
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.ok) p.resolve(message.value);
      else p.reject(message.error.code ? new VaultError(message.error.code, message.error.message) : new Error(`vault thread: ${message.error.message}`));
    });
    worker.on('error', (error) => {
      logError('vault thread stopped; the core imports and checkpoints on its own thread again', error);
      this.stop(new Error('the vault thread stopped'));
    });
    worker.on('exit', () => this.stop(new Error('the vault thread has stopped')));
  }

  static start(vault: Vault, entry: string = defaultEntry()): VaultThread {
    const closed = new Int32Array(new SharedArrayBuffer(4));
    const key = vault.withDataKey((k) => new Uint8Array(k));
    const data: VaultThreadData = { file: vault.file, cipher: loadKeyring(vault.file).cipher, clinicianId: vault.clinician.id, key, everyMs: CHECKPOINT_EVERY_MS, closed };
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: data });
    } finally {
      key.fill(0);
    }
    worker.unref();
    vault.db.pragma('wal_autocheckpoint = 0');
    return new VaultThread(vault, worker, closed);
  }

  /** Whether requests can be sent (the thread has not stopped, the vault not locked). */
  get running(): boolean {
    return this.stopped === null && !this.disposed;
  }

  /** Imports a bundle there, in one transaction; `signal` stops it between 64 KB reads, with nothing written. */
  importBundle(fileName: string, text: string, options: { signal?: AbortSignal | undefined; onProgress?: Pending['onProgress'] } = {}): Promise<ImportReport> {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const flag = () => Atomics.store(cancel, 0, 1);
    if (options.signal?.aborted) flag();
    options.signal?.addEventListener('abort', flag, { once: true });
    return this.request({ type: 'fhir', id: this.nextId++, fileName, text, cancel }, options.onProgress) as Promise<ImportReport>;
  }

  /** Files one DICOM instance there (importDicomBytes, in one transaction). */
  importDicom(fileName: string, bytes: Uint8Array, options: DicomImportOptions = {}, charts?: readonly ChartPatient[]): Promise<DicomImportOutcome> {
    return this.request({ type: 'dicom', id: this.nextId++, fileName, bytes, options, charts }) as Promise<DicomImportOutcome>;
  }

  /** Reads, checks and files an instance a PACS pull retrieved there (fileRetrieved): its header and pixels are parsed off the core's thread. */
  filePulled(retrieved: RetrievedInstance, bytes: Uint8Array, patientId: string, charts: readonly ChartPatient[]): Promise<DicomImportOutcome> {
    // The bytes move to the thread rather than being copied, where they own their buffer.
    const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
    return this.request({ type: 'pulled', id: this.nextId++, retrieved, bytes, patientId, charts }, undefined, transfer) as Promise<DicomImportOutcome>;
  }

  /** Backs the vault up there (store/backup.ts, VACUUM INTO on the thread's connection); `signal` stops it before the copy is put in place, leaving nothing. */
  backup(destination: string, options: { signal?: AbortSignal | undefined } = {}): Promise<{ bytes: number }> {
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const flag = () => Atomics.store(cancel, 0, 1);
    if (options.signal?.aborted) flag();
    options.signal?.addEventListener('abort', flag, { once: true });
    return this.request({ type: 'backup', id: this.nextId++, destination, cancel }) as Promise<{ bytes: number }>;
  }

  /** Closes the thread's connection (a write under way finishes or rolls back first) and gives checkpoints back to the core's connection. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.stopped === null) {
      this.worker.postMessage({ type: 'close' } satisfies ToVaultThread);
      Atomics.wait(this.closed, 0, 0, CLOSE_WAIT_MS);
    }
    void this.worker.terminate();
    this.stop(new VaultError('locked', 'the vault locked during the import; nothing of it was kept unless it had finished'));
  }

  private request(message: Extract<ToVaultThread, { id: number }>, onProgress?: Pending['onProgress'], transfer: ArrayBuffer[] = []): Promise<ThreadValue> {
    if (!this.running) return Promise.reject(this.stopped ?? new VaultError('locked', 'the vault is locked'));
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject, onProgress });
      this.worker.ref();
      this.worker.postMessage(message, transfer);
    });
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    if (this.vault.isOpen) this.vault.db.pragma('wal_autocheckpoint = 1000');
  }
}

function defaultEntry(): string {
  // Joined rather than new URL('./x', import.meta.url), which Vite (and so vitest) would load as an asset.
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'vault-thread.cjs');
  if (existsSync(bundled)) return bundled;
  return join(here, 'vault-thread-bootstrap.mjs');
}
