import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-vault';

const FIXTURES = join(__dirname, '../../fixtures/evidence');
const META = ['--issuer', 'Continuum test team', '--published', '2026-01-15', '--licence', 'test material'];

describe('continuum evidence', () => {
  it('imports documents with their source, lists them and searches them', async () => {
    const vault = join(tempDir(), 'clinic.vault');
    expect((await runCli(['vault', 'init', '--vault', vault])).code).toBe(0);
    expect((await runCli(['evidence', 'list', '--vault', vault])).out).toMatch(/the evidence library is empty/);

    const add = await runCli(['evidence', 'import', '--vault', vault, '--title', 'Zephyr guideline', '--tier', 'guideline', ...META, join(FIXTURES, 'zephyr-guideline.md')]);
    expect(add.code, add.err).toBe(0);
    expect(add.out).toBe('zephyr-guideline.md: 4 sections added as source 1\n');
    const again = await runCli(['evidence', 'import', '--vault', vault, '--title', 'Zephyr guideline', '--tier', 'guideline', ...META, join(FIXTURES, 'zephyr-guideline.md')]);
    expect(again.out).toMatch(/already in the library/);

    const list = JSON.parse((await runCli(['evidence', 'list', '--vault', vault, '--json'])).out);
    expect(list).toEqual([expect.objectContaining({ title: 'Zephyr guideline', tier: 'guideline', licence: 'test material', chunks: 4 })]);

    const search = await runCli(['evidence', 'search', '--vault', vault, 'breezolol']);
    expect(search.out).toMatch(/Zephyr guideline \(Continuum test team, 2026-01-15; guideline\) — .*Second line\n.*«breezolol»/);
  });

  it('refuses a bad tier as wrong usage, and an unreadable document with one line', async () => {
    const vault = join(tempDir(), 'clinic.vault');
    await runCli(['vault', 'init', '--vault', vault]);
    const tier = await runCli(['evidence', 'import', '--vault', vault, '--title', 'T', '--tier', 'gospel', ...META, join(FIXTURES, 'zephyr-notes.txt')]);
    expect(tier.code).toBe(2);
    const missing = await runCli(['evidence', 'import', '--vault', vault, '--title', 'T', '--tier', 'other', ...META, join(FIXTURES, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^continuum: .*nope\.txt: no such file\n$/);
  });
});
