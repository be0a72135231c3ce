import { parentPort, workerData } from 'node:worker_threads';
import { FhirImportError, importBundleText } from '../fhir';
import { fileRetrieved } from '../imaging/dicomweb/pull';
import { importDicomBytes } from '../imaging/import-dicom';
import { backupVault } from '../store/backup';
import { isVaultError } from '../store/errors';
import { Vault } from '../store/vault';
import { logError } from './log';
import type { FromVaultThread, ThreadError, ToVaultThread, VaultThreadData } from './vault-thread-protocol';

// The vault thread (vault-thread.ts): a second connection to the unlocked
// vault, as the same clinician. It writes imports (a FHIR bundle, a DICOM
// instance) in one transaction each, and backups, off the core's thread, so that the
// core answers chart reads meanwhile and sees a bundle only once it is
// committed (WAL); and it copies the write-ahead log into the vault file
// every `everyMs` (PASSIVE: it never waits for, nor blocks, the core).
const port = parentPort;
if (!port) throw new Error('vault-thread-entry must run in a worker thread');
const data = workerData as VaultThreadData;
const key = Buffer.from(data.key);
data.key.fill(0);
const vault = Vault.openConnection(data.file, data.clinicianId, key);

/** Bytes per read of a bundle: the cancel flag and progress are looked at after each. */
const CHUNK = 64 * 1024;

function checkpoint(): void {
  try {
    vault.db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY (a backup beside the app): the next turn tries again.
  }
}
const timer = setInterval(checkpoint, data.everyMs);

function failure(error: unknown): ThreadError {
  if (isVaultError(error)) return { code: error.code, message: error.message };
  logError('vault thread: a request failed', error);
  return { code: null, message: 'internal error' };
}

function reply(message: FromVaultThread): void {
  port!.postMessage(message);
}

port.on('message', (message: ToVaultThread) => {
  if (message.type === 'close') {
    clearInterval(timer);
    vault.close();
    Atomics.store(data.closed, 0, 1);
    Atomics.notify(data.closed, 0);
    port.close();
    return;
  }
  const { id } = message;
  try {
    if (message.type === 'fhir') {
      const label = message.fileName.split(/[\\/]/).pop() || message.fileName;
      const value = importBundleText(vault, message.fileName, message.text, {
        chunkBytes: CHUNK,
        onProgress: (p) => {
          // Thrown inside the bundle's transaction: it rolls back whole.
          if (Atomics.load(message.cancel, 0) === 1) throw new FhirImportError(label, 'the import was cancelled; nothing was imported');
          reply({ type: 'progress', id, resources: p.resources, bytes: p.bytes, totalBytes: p.totalBytes });
        },
      });
      reply({ type: 'result', id, ok: true, value });
    } else if (message.type === 'pulled') {
      reply({ type: 'result', id, ok: true, value: fileRetrieved(vault, message.retrieved, message.bytes, message.patientId, message.charts) });
    } else if (message.type === 'backup') {
      reply({ type: 'result', id, ok: true, value: backupVault(vault, message.destination, () => Atomics.load(message.cancel, 0) === 1) });
    } else {
      reply({ type: 'result', id, ok: true, value: importDicomBytes(vault, message.fileName, message.bytes, message.options, message.charts) });
    }
  } catch (error) {
    reply({ type: 'result', id, ok: false, error: failure(error) });
  }
});
