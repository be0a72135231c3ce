import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules (eslint.config.js, eslint-rules/layers.js) are the boundary
// between renderer, contract, core, store, agent and host. Each case below is
// a fixture that must fail lint (or pass, for the allowed ones): it proves
// the rule bites, in every form a module can be reached.
const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages.filter((m) => m.ruleId === 'continuum/layers').map((m) => m.message) ?? [];
}

describe('layer rules', () => {
  it.each([
    // The renderer: no Node (any built-in, bare or node:), no Electron, only the contract from the core.
    ['renderer/patients/x.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;`],
    ['renderer/patients/x.ts', `import { gzipSync } from 'zlib';\nexport const x = gzipSync;`],
    ['renderer/patients/x.ts', `import { EventEmitter } from 'events';\nexport const x = EventEmitter;`],
    ['renderer/patients/x.ts', `import { Buffer } from 'buffer';\nexport const x = Buffer;`],
    ['renderer/patients/x.ts', `import { readFile } from 'fs/promises';\nexport const x = readFile;`],
    ['renderer/patients/x.ts', `export { createHash } from 'node:crypto';`],
    ['renderer/patients/x.ts', `export const x = () => import('node:fs');`],
    ['renderer/patients/x.ts', `export const x = () => import('./other');`],
    ['renderer/patients/x.ts', `export const x = require('fs');`],
    ['renderer/patients/x.tsx', `export const X = () => require('./other');`],
    ['renderer/patients/x.ts', `import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;`],
    ['renderer/patients/x.ts', `import { Vault } from '../../electron/store/vault';\nexport const x = Vault;`],
    ['renderer/patients/x.ts', `import type { Vault } from '../../electron/store/vault';\nexport type X = Vault;`],
    ['renderer/patients/x.ts', `import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;`],
    // The contract: zod and its own files, nothing else.
    ['electron/api/x.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;`],
    ['electron/api/x.ts', `import { inflateSync } from 'zlib';\nexport const x = inflateSync;`],
    ['electron/api/x.ts', `import { Vault } from '../store/vault';\nexport const x = Vault;`],
    ['electron/api/x.ts', `import Database from 'better-sqlite3-multiple-ciphers';\nexport const x = Database;`],
    ['electron/api/x.ts', `import * as ort from 'onnxruntime-node';\nexport const x = ort;`],
    ['electron/api/x.ts', `import { produce } from 'immer';\nexport const x = produce;`],
    ['electron/api/x.ts', `export const x = () => import('./contract');`],
    // The core is plain Node: Electron and the hosts stay out.
    ['electron/store/x.ts', `import { app } from 'electron';\nexport const x = app;`],
    ['electron/fhir/x.ts', `import { startBrowserHost } from '../host/browser/server';\nexport const x = startBrowserHost;`],
    ['electron/fhir/x.ts', `export const x = () => import('electron');`],
    // The store imports nothing above it, at any depth.
    ['electron/store/x.ts', `import { briefForPatient } from '../agent/brief';\nexport const x = briefForPatient;`],
    ['electron/store/x.ts', `import { Session } from '../core/session';\nexport const x = Session;`],
    ['electron/store/queries/x.ts', `import type { Session } from '../../core/session';\nexport type X = Session;`],
    ['electron/store/x.ts', `import { runCli } from '../cli/main';\nexport const x = runCli;`],
    ['electron/store/x.ts', `import { importBundle } from '../fhir/import-bundle';\nexport const x = importBundle;`],
    ['electron/store/x.ts', `export const x = () => import('../core/session');`],
    // The clinical reference tables, which the store reads, import nothing of the core.
    ['electron/clinical/x.ts', `import { Vault } from '../store/vault';\nexport const x = Vault;`],
    ['electron/clinical/drugs/x.ts', `import { briefForPatient } from '../../agent/brief';\nexport const x = briefForPatient;`],
    // The agent runs under every host: no host, no CLI.
    ['electron/agent/tools/x.ts', `import { runCli } from '../../cli/main';\nexport const x = runCli;`],
    ['electron/agent/x.ts', `import { startBrowserHost } from '../host/browser/server';\nexport const x = startBrowserHost;`],
    // One folder owns each native runtime.
    ['electron/imaging/x.ts', `import * as ort from 'onnxruntime-node';\nexport const x = ort;`],
    ['electron/core/x.ts', `import type { Tensor } from 'onnxruntime-node';\nexport type X = Tensor;`],
    ['electron/agent/x.ts', `export const x = () => import('onnxruntime-node');`],
    ['electron/core/x.ts', `import { createWorker } from 'tesseract.js';\nexport const x = createWorker;`],
    ['electron/model/x.ts', `import { createWorker } from 'tesseract.js';\nexport const x = createWorker;`],
    // Renderer features register with the shell; they never import each other, the app, or get imported by the shell.
    ['renderer/chat/x.ts', `import { useBrief } from '../brief/brief-store';\nexport const x = useBrief;`],
    ['renderer/imaging/x.ts', `import type { SourceLink } from '../brief/open-citation';\nexport type X = SourceLink;`],
    ['renderer/visit/x.tsx', `export { ChatPanel } from '../chat/ChatPanel';`],
    ['renderer/chart/x.tsx', `import '../imaging/imaging.css';`],
    ['renderer/timeline/x.ts', `import { registerFeatures } from '../app/features';\nexport const x = registerFeatures;`],
    ['renderer/shell/x.ts', `import { usePatients } from '../patients/patients-store';\nexport const x = usePatients;`],
    ['renderer/ui/x.ts', `import { opener } from '../shell/sources';\nexport const x = opener;`],
  ])('%s: refuses %s', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/patients/x.ts', `import { contract } from '../../electron/api/contract';\nexport const x = contract;`],
    ['renderer/patients/x.ts', `import { create } from 'zustand';\nimport { helper } from './helper';\nexport const x = [create, helper];`],
    ['electron/api/x.ts', `import { z } from 'zod';\nimport { contract } from './contract';\nexport const x = [z, contract];`],
    ['electron/store/x.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;`],
    ['electron/store/queries/x.ts', `import type { Chart } from '../../api/schemas';\nimport { openVault } from '../vault';\nexport const x = openVault;\nexport type X = Chart;`],
    ['electron/agent/x.ts', `import { Vault } from '../store/vault';\nexport const x = Vault;`],
    ['electron/store/queries/x.ts', `import { criticalValues } from '../../clinical/critical-values';\nexport const x = criticalValues;`],
    ['electron/core/x.ts', `export const x = () => import('node:fs');`],
    ['electron/host/electron/x.ts', `import { app } from 'electron';\nexport const x = app;`],
    ['electron/model/x.ts', `import * as ort from 'onnxruntime-node';\nexport const x = ort;`],
    ['electron/ocr/x.ts', `import { createWorker } from 'tesseract.js';\nexport const x = createWorker;`],
    ['renderer/chat/x.ts', `import { registerPanel } from '../shell/panels';\nimport { formatDate } from '../ui/format';\nimport { call } from '../api/client';\nexport const x = [registerPanel, formatDate, call];`],
    ['renderer/app/x.ts', `import { registerChat } from '../chat/register';\nexport const x = registerChat;`],
    ['renderer/shell/x.ts', `import { formatDate } from '../ui/format';\nexport const x = formatDate;`],
  ])('%s: allows %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
