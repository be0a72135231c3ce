import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { composeCore } from '../../../electron/core/core-services';
import type { ScannedDocument } from '../../../electron/ocr/scan-document';
import { isVaultError } from '../../../electron/store/errors';
import { PASSPHRASE, tempDir, TEST_SCRYPT } from '../../helpers/temp-vault';

// The composition root (electron/core/core-services.ts) builds every
// service of the core and owns their lifetimes: the unlocked vault's are
// disposed by lock in one order, the core's own (the OCR workers, the
// model) when the core closes, and no service keeps state in a module.

function unlockedCore(vaultThread = false) {
  const services = composeCore({ vaultFile: join(tempDir(), 'clinic.vault'), scrypt: TEST_SCRYPT, vaultThread, embedEvidence: false });
  services.session.create({ id: 'dr.ada', displayName: 'Dr Ada' }, PASSPHRASE);
  return services;
}

const ORDER = ['jobs', 'pending filings', 'live sessions', 'pacs', 'vault thread', 'vault'];

describe('the composition root', () => {
  it('lock disposes the unlocked vault services in order: jobs first, the vault last', async () => {
    const services = unlockedCore(true);
    const { session } = services;
    expect(session.disposalOrder()).toEqual(ORDER);
    const thread = session.vaultThread();
    expect(thread).not.toBeNull();
    const calls = [
      vi.spyOn(services.jobs, 'endAll'),
      vi.spyOn(session.pendingFilings(), 'dispose'),
      vi.spyOn(session.liveSessions(), 'dispose'),
      vi.spyOn(session.pacs(), 'dispose'),
      vi.spyOn(thread!, 'dispose'),
      vi.spyOn(session.requireVault(), 'close'),
    ];
    const locked = session.lock();
    // Synchronously: when lock returns, the vault is closed (its key forgotten), whatever the jobs still do.
    for (const spy of calls) expect(spy).toHaveBeenCalledTimes(1);
    const order = calls.map((spy) => spy.mock.invocationCallOrder[0]!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await locked;
    expect(session.status().state).toBe('locked');
    expect(session.disposalOrder()).toEqual([]);
    expect(() => session.pacs()).toThrow(/locked/);
    await services.dispose();
  });

  it('without the vault thread the order is the same, less the thread', async () => {
    const services = unlockedCore(false);
    expect(services.session.disposalOrder()).toEqual(ORDER.filter((name) => name !== 'vault thread'));
    await services.dispose();
  });

  it('a document held for the filing decision is forgotten on lock, and each unlock builds fresh services', async () => {
    const services = unlockedCore();
    const { session } = services;
    const pacsBefore = session.pacs();
    const pendingId = session.pendingFilings().hold({ patientId: 'p-1', fileName: 'scan.png' } as ScannedDocument);
    expect(session.pendingFilings().size).toBe(1);
    await session.lock();
    session.unlock('dr.ada', PASSPHRASE);
    expect(session.pacs()).not.toBe(pacsBefore);
    let error: unknown;
    try {
      session.pendingFilings().take(pendingId);
    } catch (thrown) {
      error = thrown;
    }
    expect(isVaultError(error, 'not-found')).toBe(true);
    await services.dispose();
  });

  it('closing the core locks the vault, closes the OCR workers and the model, and nothing starts them again', async () => {
    const services = unlockedCore();
    const pool = services.ocr.pool();
    expect(services.ocr.running).toBe(true);
    const closePool = vi.spyOn(pool, 'close');
    const closeModels = vi.spyOn(services.models, 'dispose');
    await services.dispose();
    expect(services.session.status().state).toBe('locked');
    expect(closePool).toHaveBeenCalledTimes(1);
    expect(closeModels).toHaveBeenCalledTimes(1);
    expect(services.ocr.running).toBe(false);
    expect(() => services.ocr.pool()).toThrow(/disposed/);
  });

  it('two cores in one process share no service', async () => {
    const [a, b] = [unlockedCore(), unlockedCore()];
    expect(a.ocr).not.toBe(b.ocr);
    expect(a.models).not.toBe(b.models);
    expect(a.jobs).not.toBe(b.jobs);
    expect(a.ocr.pool()).not.toBe(b.ocr.pool());
    await Promise.all([a.dispose(), b.dispose()]);
  });
});

// A module-level `let`, or a module-level object built with `new` (a Map, a
// pool, a WeakMap keyed by the Session), is state that outlives a core and is
// shared by every core in the process: services hold state, modules do not.
// Thread entries (one core per thread) and release-memory.ts (the thread's
// garbage collector, not the clinician's data) are the exceptions.
const CORE = resolve(__dirname, '../../../electron/core');
const EXEMPT = new Set(['core-worker-entry.ts', 'vault-thread-entry.ts', 'release-memory.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !EXEMPT.has(name) ? [path] : [];
  });
}

/** Module-level state in a source file: `let`/`var`, or a `const` made with `new` unless its declared type is read-only. */
function moduleState(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const mutable = !(list.flags & ts.NodeFlags.Const);
    for (const declaration of list.declarations) {
      const built = declaration.initializer && ts.isNewExpression(declaration.initializer);
      const readonlyType = declaration.type?.getText(source).startsWith('Readonly') ?? false;
      if (mutable || (built && !readonlyType)) found.push(`${declaration.name.getText(source)} (line ${source.getLineAndCharacterOfPosition(declaration.getStart()).line + 1})`);
    }
  }
  return found;
}

describe('no module-level state in the core', () => {
  it('finds what it looks for', () => {
    const text = 'let pool = null;\nconst states = new WeakMap();\nconst KINDS: ReadonlySet<string> = new Set(["a"]);\nconst LIMIT = 3;\n';
    expect(moduleState('x.ts', text)).toEqual(['pool (line 1)', 'states (line 2)']);
  });

  it('electron/core holds none: services own their state', () => {
    const found = sources(CORE).flatMap((file) => moduleState(file, readFileSync(file, 'utf8')).map((what) => `${relative(CORE, file)}: ${what}`));
    expect(found).toEqual([]);
  });
});
