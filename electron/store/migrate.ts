import type { Database } from 'better-sqlite3-multiple-ciphers';
import { VaultError } from './errors';
import { migrations as allMigrations, type Migration } from './migrations';

export const SCHEMA_VERSION = allMigrations.at(-1)?.version ?? 0;

/**
 * Brings the schema up to date: pending steps run in one transaction and
 * `user_version` records where we are. A database written by a newer
 * Continuum is refused, never downgraded.
 */
export function migrate(db: Database, file: string, migrations: readonly Migration[] = allMigrations): number {
  assertOrdered(migrations);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new VaultError(
      'newer-version',
      `${file}: written by a newer Continuum (schema ${current}, this version knows ${latest}); update Continuum to open it`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const step of pending) db.exec(step.up);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return latest;
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
