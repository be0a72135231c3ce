import { VaultError } from './errors';

interface SqliteLikeError {
  code?: string;
  message?: string;
}

/**
 * Maps SQLite's error codes to the store's own, with a message that tells an
 * administrator what happened to which file and what to do next.
 */
export function fromSqliteError(file: string, error: unknown): unknown {
  if (error instanceof VaultError) return error;
  const code = (error as SqliteLikeError | null)?.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new VaultError(
      'damaged',
      `${file}: the vault is damaged or is not a Continuum vault; it was left as it is. Restore the latest backup with \`continuum restore --from BACKUP --vault ${file}\``,
    );
  }
  if (code === 'SQLITE_FULL') {
    return new VaultError('disk-full', `${file}: the disk is full; nothing was written. Free some space and try again`);
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) {
    return new VaultError('read-only', `${file}: the vault is read-only (file permissions or a read-only disk); nothing was written`);
  }
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN')) {
    return new VaultError('read-only', `${file}: the vault cannot be opened for writing (check the folder's permissions)`);
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    return new VaultError('disk-full', `${file}: the disk refused a write (${code}); nothing was committed. Check free space and the disk`);
  }
  return error;
}

/** Runs `fn`, turning SQLite errors into VaultErrors. */
export function withSqliteErrors<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw fromSqliteError(file, error);
  }
}
