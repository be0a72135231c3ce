import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// SQL lives in query modules (eslint-rules/sql-in-queries.js): electron/store/
// and a `*queries.ts` beside its domain. Each case is a fixture that must
// fail lint, or pass for the allowed places.
const eslint = new ESLint({ cwd: process.cwd() });

async function sqlErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.filter((m) => m.ruleId === 'continuum/sql-in-queries').map((m) => m.message) ?? [];
}

const QUERY = `import type { Db } from '../store/sqlite';\nexport const count = (db: Db) => db.prepare('SELECT count(*) FROM patients').pluck().get();`;

describe('SQL only in query modules', () => {
  it.each([
    ['electron/model/x.ts', QUERY],
    ['electron/ocr/x.ts', QUERY],
    ['electron/core/handlers/x.ts', QUERY],
    ['electron/cli/commands/x.ts', QUERY],
    ['electron/fhir/x.ts', QUERY],
    ['electron/agent/tools/x.ts', `import type { Vault } from '../../store/vault';\nexport const f = (vault: Vault) => vault.db.prepare('DELETE FROM facts').run();`],
    ['electron/imaging/photos/x.ts', QUERY],
    ['electron/imaging/queries-helper.ts', QUERY],
    ['electron/host/x.ts', `import type { Vault } from '../store/vault';\nexport const f = (vault: Vault) => vault.db.prepare('DELETE FROM facts').run();`],
    ['electron/model/queries-helper.ts', QUERY],
  ])('%s: refuses a .prepare(', async (file, code) => {
    expect(await sqlErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/store/queries/x.ts', QUERY],
    ['electron/store/x.ts', QUERY],
    ['electron/ocr/queries.ts', QUERY],
    ['electron/agent/brief/brief-queries.ts', QUERY],
    ['electron/ocr/x.ts', `export const f = (db: { pragma(s: string): unknown }) => db.pragma('user_version');`],
  ])('%s: allows %s', async (file, code) => {
    expect(await sqlErrors(file, code)).toEqual([]);
  });
});
