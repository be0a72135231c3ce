import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault } from '../../helpers/temp-vault';

/**
 * vault.atomically(fn): all of fn or nothing. On its own it is one
 * transaction; inside a caller's transaction it is a savepoint, so its
 * failure undoes only itself and the caller decides about the rest.
 */
let vault: Vault;
beforeEach(() => {
  vault = createTestVault();
  vault.db.exec('CREATE TABLE scratch (n INTEGER)');
});
afterEach(() => vault.close());

const rows = () => vault.db.prepare('SELECT n FROM scratch ORDER BY n').pluck().all();
const insert = (n: number) => vault.db.prepare('INSERT INTO scratch (n) VALUES (?)').run(n);

describe('vault.atomically', () => {
  it('commits everything it did, and answers what fn answers', () => {
    expect(vault.atomically(() => (insert(1), insert(2), 'done'))).toBe('done');
    expect(rows()).toEqual([1, 2]);
    expect(vault.db.inTransaction).toBe(false);
  });

  it('leaves nothing of a failed unit, and the error goes to the caller', () => {
    expect(() =>
      vault.atomically(() => {
        insert(1);
        throw new Error('bad bundle');
      }),
    ).toThrow('bad bundle');
    expect(rows()).toEqual([]);
    expect(vault.db.inTransaction).toBe(false);
  });

  it("inside a caller's transaction, a failed unit undoes only itself", () => {
    vault.atomically(() => {
      insert(1);
      expect(() =>
        vault.atomically(() => {
          insert(2);
          throw new Error('this one fails');
        }),
      ).toThrow('this one fails');
      vault.atomically(() => insert(3));
    });
    expect(rows()).toEqual([1, 3]);
  });

  it('refuses to run on a closed vault', () => {
    vault.close();
    expect(() => vault.atomically(() => insert(1))).toThrow(/locked|closed/i);
    vault = createTestVault(); // for afterEach
  });
});
