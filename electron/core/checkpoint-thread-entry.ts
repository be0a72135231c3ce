import { parentPort, workerData } from 'node:worker_threads';
import { openEncrypted } from '../store/sqlite';
import type { CheckpointThreadData } from './wal-checkpointer';

// The WAL checkpointer's thread (wal-checkpointer.ts): its own connection to
// the unlocked vault, which copies committed pages from the write-ahead log
// into the vault file every `everyMs`, off the core's thread. PASSIVE: it
// never waits for, nor blocks, the core's readers and writer.
const port = parentPort;
if (!port) throw new Error('checkpoint-thread-entry must run in a worker thread');
const data = workerData as CheckpointThreadData;
const key = Buffer.from(data.key);
data.key.fill(0);
const db = openEncrypted(data.file, key, data.cipher, { fileMustExist: true });
key.fill(0);
// A checkpoint is durable before the log is reused, as the core's own commits are (synchronous FULL).
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 0');

function checkpoint(): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY (another checkpoint, a backup beside the app): the next turn tries again.
  }
}

const timer = setInterval(checkpoint, data.everyMs);
port.on('message', (message: 'close') => {
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  Atomics.store(data.closed, 0, 1);
  Atomics.notify(data.closed, 0);
  port.close();
});
