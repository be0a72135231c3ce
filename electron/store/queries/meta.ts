import type { Db, ReadDb } from '../sqlite';

/**
 * The vault's own settings (vault_meta: the clinic's OCR date order, the
 * PACS connection, ...): one value per key, kept encrypted with the vault
 * and travelling with its backups.
 */
export function metaValue(db: ReadDb, key: string): string | undefined {
  return db.prepare(`SELECT value FROM vault_meta WHERE key = ?`).pluck().get(key) as string | undefined;
}

/** Sets one setting; the caller audits it inside its write. */
export function setMetaValue(db: Db, key: string, value: string): void {
  db.prepare(`INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?, ?)`).run(key, value);
}
