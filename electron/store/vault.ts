import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, openSync, readSync, closeSync, unlinkSync, statSync } from 'node:fs';
import { appendAudit, type AuditAction } from './audit';
import { withoutDeviceWraps } from './device-wrap';
import { VaultError } from './errors';
import {
  DEFAULT_SCRYPT,
  keyringPath,
  newDataKey,
  readKeyring,
  unwrapDataKey,
  wrapDataKey,
  writeKeyring,
  type CipherSettings,
  type Keyring,
  type ScryptParams,
} from './keyring';
import { SCHEMA_VERSION, migrate } from './migrate';
import { CIPHER_SETTINGS, openEncrypted, openReader, rawKeyLiteral, tune, type Db, type ReadDb } from './sqlite';
import { fromSqliteError, withSqliteErrors } from './sqlite-errors';

export interface Clinician {
  readonly id: string;
  readonly displayName: string;
}

export interface VaultOptions {
  /** scrypt cost for new wrappings; tests lower it, real vaults keep the default. */
  readonly scrypt?: ScryptParams;
  readonly now?: () => Date;
}

const CLINICIAN_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const PLAINTEXT_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * An unlocked vault: the encrypted SQLite database of one clinic and the
 * clinician who unlocked it. Everything that writes goes through a Vault so
 * that it can be audited as that clinician.
 */
export class Vault {
  private closed = false;
  /** A second connection of an unlocked vault (openConnection): it writes no unlock or lock entry. */
  private secondary = false;
  private readConnection: Db | null = null;

  private constructor(
    readonly file: string,
    readonly db: Db,
    readonly vaultId: string,
    readonly clinician: Clinician,
    private dataKey: Buffer,
    private readonly options: VaultOptions,
    private readonly cipher: CipherSettings,
  ) {}

  /** Creates a new vault and its first clinician. Refuses to touch an existing file. */
  static create(
    file: string,
    init: { clinician: Clinician; passphrase: string },
    options: VaultOptions = {},
  ): Vault {
    assertClinicianId(init.clinician.id);
    if (existsSync(file) || existsSync(keyringPath(file))) {
      throw new VaultError('vault-exists', `${file}: a vault already exists here; it was left as it is`);
    }
    const vaultId = randomUUID();
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(dataKey, vaultId, init.clinician.id, init.passphrase, options.scrypt ?? DEFAULT_SCRYPT);
    const now = (options.now ?? (() => new Date()))();
    let db: Db | undefined;
    try {
      db = withSqliteErrors(file, () => openEncrypted(file, dataKey, CIPHER_SETTINGS, { fileMustExist: false }));
      const handle = db;
      withSqliteErrors(file, () => {
        tune(handle);
        migrate(handle, file);
        handle.transaction(() => {
          const meta = handle.prepare(`INSERT INTO vault_meta (key, value) VALUES (?, ?)`);
          meta.run('vault_id', vaultId);
          meta.run('created_at', now.toISOString());
          insertClinician(handle, init.clinician, now);
          appendAudit(handle, { clinicianId: init.clinician.id, action: 'vault.create' }, now);
        })();
      });
      writeKeyring(file, {
        format: 'continuum-keyring',
        version: 1,
        vaultId,
        cipher: CIPHER_SETTINGS,
        clinicians: [{ ...wrapped, displayName: init.clinician.displayName }],
      });
      return new Vault(file, handle, vaultId, init.clinician, dataKey, options, CIPHER_SETTINGS);
    } catch (error) {
      db?.close();
      for (const leftover of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(leftover)) unlinkSync(leftover);
      dataKey.fill(0);
      throw error;
    }
  }

  /**
   * Opens a vault as one clinician. A wrong passphrase fails before the
   * database is opened, so the file stays byte for byte as it was.
   */
  static open(file: string, login: { clinicianId?: string; passphrase: string }, options: VaultOptions = {}): Vault {
    const keyring = loadKeyring(file);
    const clinicianId = login.clinicianId ?? keyring.clinicians[0]?.clinicianId;
    if (!clinicianId) throw new VaultError('damaged', `${keyringPath(file)}: the keyring lists no clinician`);
    assertEncryptedFile(file);
    const dataKey = unwrapDataKey(keyring, clinicianId, login.passphrase, file);
    return Vault.openUnwrapped(file, keyring, clinicianId, dataKey, options, undefined);
  }

  /**
   * Opens a vault with a data key unwrapped some other way than by a
   * passphrase ("remember on this device", device-wrap.ts). Takes ownership
   * of the key: it is zeroed on failure and when the vault closes. The
   * unlock is audited with `detail` saying how.
   */
  static openWithKey(
    file: string,
    clinicianId: string,
    dataKey: Buffer,
    detail: Record<string, unknown>,
    options: VaultOptions = {},
  ): Vault {
    let keyring: Keyring;
    try {
      keyring = loadKeyring(file);
      assertEncryptedFile(file);
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    return Vault.openUnwrapped(file, keyring, clinicianId, dataKey, options, detail);
  }

  /**
   * Another connection to a vault this process has unlocked, as the same
   * clinician (the core's vault thread, which writes imports beside the core's
   * own connection): no unlock entry is audited, nor a lock entry on close;
   * the unlocked Vault writes those. The key is zeroed on close, as ever.
   */
  static openConnection(file: string, clinicianId: string, dataKey: Buffer, options: VaultOptions = {}): Vault {
    let keyring: Keyring;
    try {
      keyring = loadKeyring(file);
    } catch (error) {
      dataKey.fill(0);
      throw error;
    }
    return Vault.openUnwrapped(file, keyring, clinicianId, dataKey, options, null);
  }

  private static openUnwrapped(
    file: string,
    keyring: Keyring,
    clinicianId: string,
    dataKey: Buffer,
    options: VaultOptions,
    /** null: a second connection (openConnection), which audits no unlock. */
    unlockDetail: Record<string, unknown> | undefined | null,
  ): Vault {
    let db: Db | undefined;
    try {
      db = openEncrypted(file, dataKey, keyring.cipher, { fileMustExist: true });
      const handle = db;
      // Read before any write: a damaged file or a newer schema is refused untouched.
      const storedId = handle.prepare(`SELECT value FROM vault_meta WHERE key = 'vault_id'`).pluck().get() as string | undefined;
      if (storedId !== keyring.vaultId) {
        throw new VaultError('damaged', `${file}: the keyring ${keyringPath(file)} belongs to another vault; restore the pair from one backup`);
      }
      const version = handle.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new VaultError(
          'newer-version',
          `${file}: written by a newer Continuum (schema ${version}, this version knows ${SCHEMA_VERSION}); update Continuum to open it`,
        );
      }
      tune(handle);
      migrate(handle, file);
      const row = handle.prepare(`SELECT id, display_name FROM clinicians WHERE id = ? AND disabled_at IS NULL`).get(clinicianId) as
        | { id: string; display_name: string }
        | undefined;
      if (!row) throw new VaultError('unknown-user', `${file}: clinician "${clinicianId}" has no active account in this vault`);
      const vault = new Vault(file, handle, keyring.vaultId, { id: row.id, displayName: row.display_name }, dataKey, options, keyring.cipher);
      if (unlockDetail === null) vault.secondary = true;
      else vault.audit('vault.unlock', null, unlockDetail);
      return vault;
    } catch (error) {
      db?.close();
      dataKey.fill(0);
      throw fromSqliteError(file, error);
    }
  }

  /** The clinicians who can unlock the vault, read from the keyring alone (no passphrase needed). */
  static clinicians(file: string): Clinician[] {
    return loadKeyring(file).clinicians.map((c) => ({ id: c.clinicianId, displayName: c.displayName ?? c.clinicianId }));
  }

  static exists(file: string): boolean {
    return existsSync(file);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  audit(action: AuditAction, patientId?: string | null, detail?: Record<string, unknown>): void {
    this.write(() => appendAudit(this.db, { clinicianId: this.clinician.id, action, patientId, detail }, this.now()));
  }

  /**
   * Runs `fn` as one unit: its own IMMEDIATE transaction, or, inside a caller's transaction, a
   * savepoint, so that a failure undoes only `fn`. Only a nested call pays for the savepoint: SQLite
   * copies every page a savepoint changes to a sub-journal (7 % of a FHIR import's time, measured).
   */
  atomically<T>(fn: () => T): T {
    this.assertOpen();
    return withSqliteErrors(this.file, () => (this.db.inTransaction ? this.db.transaction(fn)() : this.db.transaction(fn).immediate()));
  }

  /** Runs a write, mapping disk-full and read-only errors to clear messages. */
  write<T>(fn: () => T): T {
    this.assertOpen();
    // One IMMEDIATE transaction around the write (the caller's own transaction nests as a savepoint): it
    // takes the write lock before its first read, so it waits (busy_timeout) while another process, such
    // as `continuum backup` beside the open app, commits, instead of failing with "database is locked".
    return withSqliteErrors(this.file, () => (this.db.inTransaction ? fn() : this.db.transaction(fn).immediate()));
  }

  /** Adds a clinician with their own passphrase; the vault itself is not re-encrypted. */
  addClinician(clinician: Clinician, passphrase: string): void {
    assertClinicianId(clinician.id);
    this.assertOpen();
    const keyring = loadKeyring(this.file);
    if (keyring.clinicians.some((c) => c.clinicianId === clinician.id)) {
      throw new VaultError('invalid-input', `${this.file}: clinician "${clinician.id}" already exists`);
    }
    const wrapped = wrapDataKey(this.dataKey, this.vaultId, clinician.id, passphrase, this.options.scrypt ?? DEFAULT_SCRYPT);
    this.atomically(() => {
      insertClinician(this.db, clinician, this.now());
      appendAudit(this.db, { clinicianId: this.clinician.id, action: 'clinician.add', detail: { clinician: clinician.id } }, this.now());
    });
    writeKeyring(this.file, { ...keyring, clinicians: [...keyring.clinicians, { ...wrapped, displayName: clinician.displayName }] });
  }

  /** Removes a clinician's key; their past audit entries stay. */
  removeClinician(clinicianId: string): void {
    this.assertOpen();
    const keyring = loadKeyring(this.file);
    if (!keyring.clinicians.some((c) => c.clinicianId === clinicianId)) {
      throw new VaultError('unknown-user', `${this.file}: no clinician "${clinicianId}" in this vault`);
    }
    if (keyring.clinicians.length === 1) {
      throw new VaultError('invalid-input', `${this.file}: "${clinicianId}" is the only clinician; add another before removing this one`);
    }
    // Their "remember on this device" wraps go in the same write.
    writeKeyring(this.file, {
      ...withoutDeviceWraps(keyring, clinicianId, null),
      clinicians: keyring.clinicians.filter((c) => c.clinicianId !== clinicianId),
    });
    this.atomically(() => {
      this.db.prepare(`UPDATE clinicians SET disabled_at = ? WHERE id = ?`).run(this.now().toISOString(), clinicianId);
      appendAudit(this.db, { clinicianId: this.clinician.id, action: 'clinician.remove', detail: { clinician: clinicianId } }, this.now());
    });
  }

  /** Re-wraps the data key under a new passphrase for the current clinician. */
  changePassphrase(next: string): void {
    this.assertOpen();
    const keyring = loadKeyring(this.file);
    const wrapped = wrapDataKey(this.dataKey, this.vaultId, this.clinician.id, next, this.options.scrypt ?? DEFAULT_SCRYPT);
    // A new passphrase ends every "remember on this device" of this clinician, in the same write.
    writeKeyring(this.file, {
      ...withoutDeviceWraps(keyring, this.clinician.id, null),
      clinicians: keyring.clinicians.map((c) =>
        c.clinicianId === this.clinician.id ? { ...wrapped, displayName: c.displayName } : c,
      ),
    });
    this.audit('clinician.passphrase', null, { clinician: this.clinician.id });
  }

  /**
   * What Debian's `sqlcipher` needs to open the vault without Continuum (the
   * recovery path): the raw key and the page size. Shown only to a clinician
   * who has just given their passphrase.
   */
  recoveryPragmas(): string[] {
    this.assertOpen();
    return [`PRAGMA key = "${rawKeyLiteral(this.dataKey)}";`, `PRAGMA cipher_page_size = ${CIPHER_SETTINGS.pageSize};`];
  }

  /** Used by backup to verify the copy it wrote; never leaves the store. */
  withDataKey<T>(fn: (key: Buffer) => T): T {
    this.assertOpen();
    return fn(this.dataKey);
  }

  /**
   * The read-only handle, for read paths and read-only tools: a second
   * connection to the vault, opened read-only and with `query_only`, so
   * SQLite itself refuses any write prepared through it, and typed ReadDb,
   * so a write query does not compile against it. It sees what the writer
   * has committed (WAL), not a transaction still open. Opened on first use,
   * closed with the vault.
   */
  reader(): ReadDb {
    this.assertOpen();
    this.readConnection ??= openReader(this.file, this.dataKey, this.cipher);
    return this.readConnection;
  }

  /** Closes the database and forgets the key. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    try {
      if (!this.secondary) this.audit('vault.lock');
    } catch {
      // A read-only or full disk must not keep the key in memory.
    }
    this.closed = true;
    try {
      this.readConnection?.close();
      this.readConnection = null;
      this.db.close();
    } finally {
      this.dataKey.fill(0);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new VaultError('locked', `${this.file}: the vault is locked`);
  }
}

export function loadKeyring(file: string): Keyring {
  if (!existsSync(file)) {
    throw new VaultError('vault-missing', `${file}: no vault here; create one with \`continuum vault init --vault ${file}\``);
  }
  const keysFile = keyringPath(file);
  if (!existsSync(keysFile)) {
    throw new VaultError(
      'damaged',
      `${keysFile}: the keyring beside the vault is missing; restore it from the backup (a vault and its .keys file travel together)`,
    );
  }
  return readKeyring(file, readFileSync(keysFile, 'utf8'));
}

/** A plaintext SQLite file, an empty file or a stranger's file is not opened as a vault. */
function assertEncryptedFile(file: string): void {
  const size = statSync(file).size;
  if (size < 512) throw new VaultError('damaged', `${file}: the vault file is empty or truncated (${size} bytes); restore the latest backup`);
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(PLAINTEXT_SQLITE_HEADER)) {
    throw new VaultError('damaged', `${file}: this is an unencrypted SQLite file, not a Continuum vault; it was left as it is`);
  }
}

function insertClinician(db: Db, clinician: Clinician, now: Date): void {
  db.prepare(`INSERT INTO clinicians (id, display_name, created_at) VALUES (?, ?, ?)`).run(
    clinician.id,
    clinician.displayName,
    now.toISOString(),
  );
}

function assertClinicianId(id: string): void {
  if (!CLINICIAN_ID.test(id)) {
    throw new VaultError('invalid-input', `clinician id "${id}": use 1-64 lower-case letters, digits, '.', '_' or '-'`);
  }
}
