import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProposalStore, ToolRegistry, type ToolContext } from '../../../electron/agent/tools';
import { defineTool } from '../../../electron/agent/tools/tool';
import { metaValue, setMetaValue } from '../../../electron/store/queries/meta';
import { patientExists } from '../../../electron/store/queries/patients';
import type { ReadDb } from '../../../electron/store/sqlite';
import { createTestVault } from '../../helpers/temp-vault';

// Read paths get vault.reader(): a second connection opened read-only with
// query_only, typed ReadDb. A write through it is refused by SQLite (and by
// the compiler, which finds no write query that takes a ReadDb), and a
// read-only tool is handed that handle, never the vault.
describe('the read-only handle', () => {
  it('reads what the writer committed', () => {
    const vault = createTestVault();
    const reader = vault.reader();
    expect(metaValue(reader, 'ocr.dateOrder')).toBeUndefined();
    vault.write(() => setMetaValue(vault.db, 'ocr.dateOrder', 'day-first'));
    expect(metaValue(reader, 'ocr.dateOrder')).toBe('day-first');
    expect(patientExists(reader, 'nobody')).toBe(false);
    vault.close();
  });

  it('refuses a write, and the vault is unchanged', () => {
    const vault = createTestVault();
    const reader = vault.reader();
    expect(() => reader.prepare(`INSERT INTO vault_meta (key, value) VALUES ('x', 'y')`).run()).toThrow(/readonly|read-only/i);
    expect(() => reader.prepare(`DELETE FROM audit_log`).run()).toThrow(/readonly|read-only/i);
    expect(metaValue(vault.db, 'x')).toBeUndefined();
    // @ts-expect-error a write query takes a Db, and a ReadDb is not one
    expect(() => setMetaValue(reader, 'x', 'y')).toThrow(/readonly|read-only/i);
    // @ts-expect-error a ReadDb has no exec(), pragma() or transaction()
    expect(() => (reader as ReadDb).exec('DROP TABLE patients')).toThrow();
    vault.close();
  });

  it('closes with the vault', () => {
    const vault = createTestVault();
    const reader = vault.reader();
    vault.close();
    expect(() => reader.prepare('SELECT 1').get()).toThrow(/not open/i);
    expect(() => vault.reader()).toThrow(/locked/);
  });

  it('is all a read tool gets: its writes fail, a propose tool still gets the vault', () => {
    const vault = createTestVault();
    const seen: string[] = [];
    const registry = new ToolRegistry([
      defineTool({
        id: 'test.read_write',
        description: 'a read tool that tries to write',
        input: z.object({}).strict(),
        output: z.object({}),
        sideEffect: 'read',
        roles: ['memory'],
        run: (_input, context) => {
          seen.push(Object.keys(context).sort().join(','));
          context.db.prepare(`INSERT INTO vault_meta (key, value) VALUES ('tool', 'wrote')`).run();
          return {};
        },
      }),
      defineTool({
        id: 'test.propose',
        description: 'a propose tool',
        input: z.object({}).strict(),
        output: z.object({}),
        sideEffect: 'propose',
        roles: ['memory'],
        run: (_input, context) => {
          seen.push(Object.keys(context).sort().join(','));
          return {};
        },
      }),
    ]);
    const context: ToolContext = { vault, patientId: 'p1', sessionId: 's1', now: new Date('2025-03-01T00:00:00Z'), proposals: new ProposalStore() };
    const result = registry.call('memory', 'test.read_write', {}, context);
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    expect(seen[0]).toBe('db,now,patientId,sessionId');
    expect(metaValue(vault.db, 'tool')).toBeUndefined();
    expect(registry.call('memory', 'test.propose', {}, context)).toMatchObject({ ok: true });
    expect(seen[1]).toBe('now,patientId,proposals,sessionId,vault');
    vault.close();
  });
});
