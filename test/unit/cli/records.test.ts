import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief as briefSchema, eventKind, type TimelineEvent } from '../../../electron/api/schemas';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-vault';
import { memoryBundleText, PATIENT } from '../agent/memory-fixture';

/** A vault with the agent fixture's patient imported through the CLI itself. */
async function importedVault(): Promise<{ vault: string; bundle: string }> {
  const dir = tempDir();
  const vault = join(dir, 'clinic.vault');
  const bundle = join(dir, 'patient.json');
  writeFileSync(bundle, memoryBundleText());
  expect((await runCli(['vault', 'init', '--vault', vault])).code).toBe(0);
  const run = await runCli(['import', 'fhir', '--vault', vault, bundle]);
  expect(run.code, run.err).toBe(0);
  expect(run.out).toMatch(/patient\.json: 10 added, 0 updated, 0 unchanged/);
  return { vault, bundle };
}

describe('continuum records commands', () => {
  it('imports once: the same bundle again adds nothing', async () => {
    const { vault, bundle } = await importedVault();
    const again = await runCli(['import', 'fhir', '--vault', vault, bundle, '--json']);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)[0]).toMatchObject({ alreadyImported: true, added: {} });
  });

  it('lists patients and their timeline as JSON', async () => {
    const { vault } = await importedVault();
    const patients = JSON.parse((await runCli(['patients', '--vault', vault, '--json'])).out);
    expect(patients).toEqual([expect.objectContaining({ id: PATIENT, name: 'Ngozi Okafor', birthDate: '1961-04-02' })]);
    const timeline = await runCli(['timeline', '--vault', vault, '--patient', PATIENT, '--json']);
    expect(timeline.code, timeline.err).toBe(0);
    const events = JSON.parse(timeline.out) as TimelineEvent[];
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of ['encounter', 'condition', 'medication', 'observation']) expect(kinds).toContain(kind);
    // Each observation with its value, unit and reference range, as recorded.
    expect(events.find((e) => e.id === 'a1c-3')).toMatchObject({ kind: 'observation', value: 7.94, unit: '%', refLow: 4, refHigh: 5.6 });
    const text = await runCli(['timeline', '--vault', vault, '--patient', PATIENT, '--kinds', 'observation']);
    expect(text.out).toContain('\tobservation\tHemoglobin A1c/Hemoglobin.total in Blood: 7.94 % (range 4–5.6)\n');
    expect(text.out).toContain('\tobservation\tBody Weight: 82.4 kg\n');
  });

  it('answers --kinds for every kind it accepts, with only that kind', async () => {
    const { vault } = await importedVault();
    for (const kind of eventKind.options) {
      const run = await runCli(['timeline', '--vault', vault, '--patient', PATIENT, '--kinds', kind, '--json']);
      expect(run.code, `${kind}: ${run.err}`).toBe(0);
      const events = JSON.parse(run.out) as TimelineEvent[];
      expect(events.every((e) => e.kind === kind), kind).toBe(true);
      if (['encounter', 'condition', 'medication', 'observation', 'results'].includes(kind)) expect(events.length, kind).toBeGreaterThan(0);
    }
    expect((await runCli(['timeline', '--vault', vault, '--patient', PATIENT, '--kinds', 'observations'])).err).toMatch(/--kinds: "observations" is not one of/);
  });

  it('prints the brief with its citations, every line verified', async () => {
    const { vault } = await importedVault();
    const run = await runCli(['brief', '--vault', vault, '--patient', PATIENT, '--json']);
    expect(run.code, run.err).toBe(0);
    const brief = briefSchema.parse(JSON.parse(run.out));
    expect(brief.counts.flagged).toBe(0);
    expect(brief.sections.flatMap((s) => s.lines).every((l) => l.citations.length > 0)).toBe(true);
    const text = await runCli(['brief', '--vault', vault, '--patient', PATIENT]);
    expect(text.out).toMatch(/✓ Type 2 diabetes mellitus, since 2024-06-01 {2}\[condition\/cond-1\]/);
  });

  it('exports a patient that imports into a fresh vault as the same record', async () => {
    const { vault } = await importedVault();
    const out = join(tempDir(), 'export.json');
    expect((await runCli(['export', 'fhir', '--vault', vault, '--patient', PATIENT, '--out', out])).code).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { entry: unknown[] };
    expect(exported.entry).toHaveLength(10);
    const fresh = join(tempDir(), 'fresh.vault');
    expect((await runCli(['vault', 'init', '--vault', fresh])).code).toBe(0);
    expect((await runCli(['import', 'fhir', '--vault', fresh, out])).code).toBe(0);
    const timeline = async (v: string) => (await runCli(['timeline', '--vault', v, '--patient', PATIENT, '--json'])).out;
    expect(await timeline(fresh)).toBe(await timeline(vault));
  });

  it('names the file and entry of an invalid bundle, and keeps nothing of it', async () => {
    const { vault } = await importedVault();
    const bad = join(tempDir(), 'bad.json');
    const bundle = JSON.parse(memoryBundleText()) as { entry: Array<{ resource: Record<string, unknown> }> };
    bundle.entry.push({ resource: { resourceType: 'Observation', id: 'x', subject: { reference: `Patient/${PATIENT}` }, valueQuantity: { value: 'high' } } });
    writeFileSync(bad, JSON.stringify(bundle));
    const before = (await runCli(['timeline', '--vault', vault, '--patient', PATIENT, '--json'])).out;
    const run = await runCli(['import', 'fhir', '--vault', vault, bad]);
    expect(run.code).toBe(1);
    expect(run.err.trim().split('\n')).toHaveLength(1);
    expect(run.err).toMatch(/bad\.json: entry 10 \(Observation\/x\): valueQuantity\.value/);
    expect((await runCli(['timeline', '--vault', vault, '--patient', PATIENT, '--json'])).out).toBe(before);
  });
});
