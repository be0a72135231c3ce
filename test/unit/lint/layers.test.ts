import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules in eslint.config.js are the boundary between renderer,
// contract, core and host. These cases prove each rule bites.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').length ?? 0;
}

describe('layer rules', () => {
  it.each([
    ['renderer/patients/x.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;`],
    ['renderer/patients/x.ts', `import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;`],
    ['renderer/patients/x.ts', `import { Vault } from '../../electron/store/vault';\nexport const x = Vault;`],
    ['renderer/patients/x.ts', `import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;`],
    ['electron/api/x.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;`],
    ['electron/api/x.ts', `import { Vault } from '../store/vault';\nexport const x = Vault;`],
    ['electron/store/x.ts', `import { app } from 'electron';\nexport const x = app;`],
    ['electron/fhir/x.ts', `import { startBrowserHost } from '../host/browser/server';\nexport const x = startBrowserHost;`],
  ])('%s: refuses %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBeGreaterThan(0);
  });

  it.each([
    ['renderer/patients/x.ts', `import { contract } from '../../electron/api/contract';\nexport const x = contract;`],
    ['electron/api/x.ts', `import { z } from 'zod';\nimport { contract } from './contract';\nexport const x = [z, contract];`],
    ['electron/store/x.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;`],
    ['electron/host/electron/x.ts', `import { app } from 'electron';\nexport const x = app;`],
  ])('%s: allows %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});
