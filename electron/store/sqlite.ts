import Database from 'better-sqlite3-multiple-ciphers';
import type { CipherSettings } from './keyring';

export type Db = Database.Database;

/**
 * A handle for read paths: it prepares statements and nothing else (no
 * exec, pragma or transaction), so a function typed to take a Db (a write)
 * cannot be handed one. The vault's reader() is such a handle, on its own
 * connection opened read-only with `query_only`, so a write SQL statement
 * prepared through it is refused by SQLite too. A Db is a ReadDb: read
 * queries take a ReadDb and serve writers as well.
 */
export type ReadDb = Pick<Db, 'prepare'>;

/**
 * SQLCipher 3 settings (cipher=sqlcipher, legacy=3) so that Debian's
 * `sqlcipher` 3.4 can open a vault as the recovery path. The data key is a
 * raw 256-bit key, so the SQLCipher KDF is skipped: our own scrypt keyring
 * protects the key. 4096-byte pages instead of SQLCipher 3's 1024 halve the
 * per-page cipher overhead; a reader must then say `PRAGMA cipher_page_size = 4096`.
 */
export const CIPHER_SETTINGS: CipherSettings = { cipher: 'sqlcipher', legacy: 3, pageSize: 4096 };

export interface OpenOptions {
  readonly fileMustExist: boolean;
  readonly readonly?: boolean;
}

/** Opens a SQLite handle and applies the cipher and data key; does not read the file yet. */
export function openEncrypted(file: string, dataKey: Buffer, settings: CipherSettings, options: OpenOptions): Db {
  const db = new Database(file, { fileMustExist: options.fileMustExist, readonly: options.readonly ?? false });
  try {
    applyKey(db, dataKey, settings);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function applyKey(db: Db, dataKey: Buffer, settings: CipherSettings, schema = 'main'): void {
  db.pragma(`${schema}.cipher = '${settings.cipher}'`);
  db.pragma(`${schema}.legacy = ${settings.legacy}`);
  db.pragma(`${schema}.legacy_page_size = ${settings.pageSize}`);
  db.pragma(`${schema}.key = "${rawKeyLiteral(dataKey)}"`);
}

/** SQLCipher's raw-key form, x'<64 hex digits>'. */
export function rawKeyLiteral(dataKey: Buffer): string {
  return `x'${dataKey.toString('hex')}'`;
}

/**
 * A read-only connection to a vault the writer has open (and so checked,
 * migrated and put in WAL mode): opened read-only, `query_only` on, temporary
 * data in memory (a spill would be plaintext on disk).
 */
export function openReader(file: string, dataKey: Buffer, settings: CipherSettings): Db {
  const db = openEncrypted(file, dataKey, settings, { fileMustExist: true, readonly: true });
  try {
    db.pragma('query_only = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Settings applied on every open, after the key is known to be right. */
export function tune(db: Db): void {
  // Temporary tables and sort spills would be plaintext files on disk.
  db.pragma('temp_store = MEMORY');
  db.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives a power cut, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // 64 MiB page cache: decrypted pages stay in memory, so reads of a warm
  // chart pay no cipher cost.
  db.pragma('cache_size = -65536');
  db.pragma('busy_timeout = 5000');
}

/**
 * The read-only handle, handed to a read function that still declares a Db:
 * the grounding verifier and the evidence search, whose signatures are not
 * ReadDb yet (their folders are being changed elsewhere). The connection is
 * still query_only, so SQLite refuses a write through it; only the compile-time
 * check is lost there. Remove with the last caller.
 */
export function readerAsDb(db: ReadDb): Db {
  return db as Db;
}
