import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-vault';
import { memoryBundleText, PATIENT } from '../agent/memory-fixture';

describe('continuum session', () => {
  it('runs a scripted session headless without a model and records its trajectory', async () => {
    const dir = tempDir();
    const vault = join(dir, 'clinic.vault');
    writeFileSync(join(dir, 'p.json'), memoryBundleText());
    await runCli(['vault', 'init', '--vault', vault]);
    await runCli(['import', 'fhir', '--vault', vault, join(dir, 'p.json')]);
    const script = join(dir, 'case.json');
    writeFileSync(script, JSON.stringify({ caseId: 'demo', turns: [{ from: 'patient', text: 'My sugars are high.' }], approve: 'all' }));
    const out = join(dir, 'session.jsonl');
    const run = await runCli(['session', '--vault', vault, '--patient', PATIENT, '--script', script, '--trajectory', out, '--json'], { CONTINUUM_MODEL: '' });
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ end: 'no-model', steps: 0, proposals: [] });
    const events = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(events.map((e) => e.type)).toEqual(['session.start', 'brief', 'notice', 'turn', 'session.end']);
  });

  it('names the field of an invalid script', async () => {
    const dir = tempDir();
    const vault = join(dir, 'clinic.vault');
    await runCli(['vault', 'init', '--vault', vault]);
    const script = join(dir, 'bad.json');
    writeFileSync(script, JSON.stringify({ turns: [{ from: 'nurse', text: 'hi' }] }));
    const run = await runCli(['session', '--vault', vault, '--patient', 'p', '--script', script, '--trajectory', join(dir, 't.jsonl')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/bad\.json: turns\.0\.from: /);
  });
});
