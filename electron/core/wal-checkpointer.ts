import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CipherSettings } from '../store/keyring';
import { loadKeyring, type Vault } from '../store/vault';
import { logError } from './log';

/** What the checkpointer's thread is given: the vault, its key (zeroed there once used) and where to say it has closed. */
export interface CheckpointThreadData {
  readonly file: string;
  readonly cipher: CipherSettings;
  readonly key: Uint8Array;
  readonly everyMs: number;
  /** Set to 1 by the thread once its connection is closed (dispose() waits on it). */
  readonly closed: Int32Array;
}

/** How often the thread copies the log into the vault file. */
const EVERY_MS = 500;
/** The longest dispose() waits for a checkpoint under way to finish. */
const CLOSE_WAIT_MS = 5_000;

/**
 * Moves SQLite's WAL checkpoints off the core's thread. By default the
 * connection that commits copies the whole write-ahead log into the vault
 * file once it passes 1,000 pages (4 MB): 100 to 200 ms in the middle of a
 * PACS pull or an import, during which no chart read is answered. With the
 * checkpointer, the core's connection never checkpoints (wal_autocheckpoint
 * 0); a thread with its own connection does it, every half second, without
 * blocking the core's readers or its writer (PASSIVE).
 *
 * Owned by the Session, started when a vault is unlocked and disposed before
 * it is closed, so that the core's own close is the last connection and
 * leaves no log behind.
 */
export class WalCheckpointer {
  private disposed = false;

  private constructor(
    private readonly vault: Vault,
    private readonly worker: Worker,
    private readonly closed: Int32Array,
  ) {}

  static start(vault: Vault, entry: string = defaultEntry()): WalCheckpointer {
    const closed = new Int32Array(new SharedArrayBuffer(4));
    const key = vault.withDataKey((k) => new Uint8Array(k));
    const data: CheckpointThreadData = { file: vault.file, cipher: loadKeyring(vault.file).cipher, key, everyMs: EVERY_MS, closed };
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: data });
    } finally {
      key.fill(0);
    }
    worker.unref();
    const checkpointer = new WalCheckpointer(vault, worker, closed);
    worker.on('error', (error) => {
      // Without the thread, the core's connection checkpoints again itself: slower, never lost.
      logError('WAL checkpointer stopped; the core checkpoints itself again', error);
      checkpointer.restoreAutoCheckpoint();
    });
    vault.db.pragma('wal_autocheckpoint = 0');
    return checkpointer;
  }

  /** Closes the thread's connection (waiting for a checkpoint under way) and gives checkpoints back to the core's connection. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.postMessage('close');
    Atomics.wait(this.closed, 0, 0, CLOSE_WAIT_MS);
    void this.worker.terminate();
    this.restoreAutoCheckpoint();
  }

  private restoreAutoCheckpoint(): void {
    if (this.vault.isOpen) this.vault.db.pragma('wal_autocheckpoint = 1000');
  }
}

function defaultEntry(): string {
  // Joined rather than new URL('./x', import.meta.url), which Vite (and so vitest) would load as an asset.
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'checkpoint-thread.cjs');
  if (existsSync(bundled)) return bundled;
  return join(here, 'checkpoint-bootstrap.mjs');
}
