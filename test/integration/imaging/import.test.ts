import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDicomBytes, importDicomPaths, instanceBytes, listStudies } from '../../../electron/imaging';
import { verifyAudit } from '../../../electron/store/audit';
import { Vault } from '../../../electron/store/vault';
import { runCli } from '../../helpers/cli';
import { createTestVault, PASSPHRASE, tempDir, TEST_OPTIONS } from '../../helpers/temp-vault';
import { asNewStudy, DICOM_DIR, haveRealDicom, realDicom, withPatient } from '../../fixtures/imaging/dicom-files';
import { addPatient } from '../../fixtures/imaging/patients';

describe.skipIf(!haveRealDicom())('DICOM import into the vault', () => {
  it('files the real chest DX under the chart with its identifier and keeps the bytes whole, encrypted at rest', () => {
    const file = join(tempDir(), 'clinic.vault');
    const vault = createTestVault(file);
    addPatient(vault, { id: 'p-covid', given: 'Test', family: 'Covid0000', birthDate: null, identifiers: ['Covid0000'] });
    addPatient(vault, { id: 'p-other', given: 'Ann', family: 'Other', birthDate: '1970-01-01', identifiers: ['X1'] });
    const bytes = realDicom('nih_chest_dx.dcm');
    const outcome = importDicomBytes(vault, 'nih_chest_dx.dcm', bytes);
    expect(outcome).toMatchObject({ status: 'imported', patientId: 'p-covid' });
    expect(outcome.message).toBe('nih_chest_dx.dcm: DX 1024 x 1024 (Implicit VR Little Endian) filed, matched on identifier, name');

    const studies = listStudies(vault.db, 'p-covid');
    expect(studies).toHaveLength(1);
    expect(studies[0]!.series[0]!.instances[0]).toMatchObject({ rows: 1024, columns: 1024, spacing: { status: 'missing' }, byteLength: bytes.length });
    expect(listStudies(vault.db, 'p-other')).toEqual([]);
    const stored = instanceBytes(vault.db, outcome.instanceId!);
    expect(Buffer.compare(stored.bytes, Buffer.from(bytes))).toBe(0);

    // Again: nothing added.
    expect(importDicomBytes(vault, 'again.dcm', bytes).status).toBe('already-imported');
    expect(verifyAudit(vault.db).ok).toBe(true);
    const uid = '1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888';
    vault.close();

    // Neither the pixel data nor the UIDs are readable on disk.
    const disk = Buffer.concat([readFileSync(file), ...['-wal'].flatMap((s) => safeRead(file + s))]);
    expect(disk.includes(Buffer.from(uid))).toBe(false);
    expect(disk.includes(Buffer.from(bytes.subarray(bytes.length - 4096)))).toBe(false);
    const reopened = Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    expect(listStudies(reopened.db, 'p-covid')[0]!.series[0]!.instances).toHaveLength(1);
    reopened.close();
  });

  it('never guesses: two charts with the identifier, or a name without birth date, are ambiguous with candidates', () => {
    const vault = createTestVault();
    addPatient(vault, { id: 'a', given: 'Ann', family: 'Lee', birthDate: '1960-02-03', identifiers: ['MRN7'] });
    addPatient(vault, { id: 'b', given: 'Ann', family: 'Lee', birthDate: '1960-02-03', identifiers: ['MRN7'] });
    addPatient(vault, { id: 'c', given: 'Bob', family: 'Stone', birthDate: '1950-01-01', identifiers: ['S1'] });
    const base = realDicom('nih_chest_dx.dcm');

    const twoCharts = importDicomBytes(vault, 'lee.dcm', asNewStudy(withPatient(base, { id: 'MRN7', name: 'LEE^ANN', birthDate: '19600203' }), 1));
    expect(twoCharts.status).toBe('ambiguous');
    expect(twoCharts.message).toBe('lee.dcm: identifier MRN7 is on 2 charts; choose the chart (--patient ID)');
    expect(twoCharts.candidates.map((c) => c.id).sort()).toEqual(['a', 'b']);

    const wrongBirth = importDicomBytes(vault, 'stone.dcm', asNewStudy(withPatient(base, { id: 'S1', name: 'Stone^Bob', birthDate: '19510101' }), 2));
    expect(wrongBirth).toMatchObject({ status: 'ambiguous', message: 'stone.dcm: identifier S1 matches, but the birth dates differ; choose the chart (--patient ID)' });

    const byName = importDicomBytes(vault, 'stone2.dcm', asNewStudy(withPatient(base, { id: 'OTHER', name: 'STONE^BOB', birthDate: '19500101' }), 3));
    expect(byName).toMatchObject({ status: 'imported', patientId: 'c' });

    const nobody = importDicomBytes(vault, 'x.dcm', asNewStudy(withPatient(base, { id: 'Z9', name: 'Nobody^Here', birthDate: '19990101' }), 4));
    expect(nobody.status).toBe('no-match');
    expect(vault.db.prepare(`SELECT count(*) FROM imaging_instances`).pluck().get()).toBe(1);

    // The clinician's choice resolves it.
    const chosen = importDicomBytes(vault, 'lee.dcm', asNewStudy(withPatient(base, { id: 'MRN7', name: 'LEE^ANN', birthDate: '19600203' }), 1), { patientId: 'b' });
    expect(chosen).toMatchObject({ status: 'imported', patientId: 'b' });
    vault.close();
  });

  it('files under a chosen chart only what confirms it: another patient needs an explicit override, and that is audited', () => {
    const vault = createTestVault();
    addPatient(vault, { id: 'c', given: 'Bob', family: 'Stone', birthDate: '1950-01-01', identifiers: ['S1'] });
    const base = realDicom('nih_chest_dx.dcm');
    const doe = asNewStudy(withPatient(base, { id: 'H-77', name: 'DOE^JOHN', birthDate: '19850704' }), 5);

    // Opened from Bob Stone's chart: no chart matches; the prompt compares the file with Bob's chart.
    const prompt = importDicomBytes(vault, 'doe.dcm', doe, { chartId: 'c' });
    expect(prompt.status).toBe('no-match');
    expect(prompt.checks).toHaveLength(1);
    expect(prompt.checks[0]).toMatchObject({ chart: { id: 'c', name: 'Bob Stone' }, needsOverride: true });
    expect(Object.fromEntries(prompt.checks[0]!.fields.map((f) => [f.field, [f.file, f.chart, f.verdict]]))).toEqual({
      name: ['DOE^JOHN', 'Bob Stone', 'differs'],
      birthDate: ['1985-07-04', '1950-01-01', 'differs'],
      sex: [expect.anything(), null, 'unknown'],
      identifier: ['H-77', 'S1', 'unknown'],
    });

    // Chosen without the override: nothing stored, the mismatch said in one line.
    const refused = importDicomBytes(vault, 'doe.dcm', doe, { patientId: 'c' });
    expect(refused.status).toBe('mismatch');
    expect(refused.message).toBe("doe.dcm: The file's name and birth date do not match the chart; not stored (file it anyway only after checking: --override)");
    expect(vault.db.prepare(`SELECT count(*) FROM imaging_instances`).pluck().get()).toBe(0);

    // With it: filed, and the override is in the audit trail with what differed.
    const filed = importDicomBytes(vault, 'doe.dcm', doe, { patientId: 'c', override: true });
    expect(filed).toMatchObject({ status: 'imported', patientId: 'c' });
    const audit = vault.db.prepare(`SELECT action, detail FROM audit_log WHERE action = 'record.override'`).all() as Array<{ action: string; detail: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ kind: 'dicom.filing', file: 'doe.dcm', fields: { name: 'differs', birthDate: 'differs' } });
    expect(verifyAudit(vault.db).ok).toBe(true);
    vault.close();
  });

  it('imports a folder through the CLI: compressed files filed, bad ones refused in one line, non-DICOM skipped', async () => {
    const dir = tempDir();
    const file = join(dir, 'clinic.vault');
    const vault = createTestVault(file);
    addPatient(vault, { id: 'rg3', given: 'RG3', family: 'CompressedSamples', birthDate: '1979-04-08', identifiers: ['11RG3'] });
    vault.close();
    const folder = join(dir, 'incoming');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    copyFileSync(join(DICOM_DIR, 'RG3_J2KR.dcm'), join(folder, 'RG3_J2KR.dcm'));
    copyFileSync(join(DICOM_DIR, 'RG3_J2KI.dcm'), join(folder, 'sub', 'RG3_J2KI.dcm'));
    writeFileSync(join(folder, 'notes.txt'), 'not an image');
    writeFileSync(join(folder, 'sub', 'cut.dcm'), realDicom('RG3_J2KR.dcm').slice(0, 300_000));

    const run = await runCli(['dicom', 'import', '--vault', file, folder]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const lines = run.out.trim().split('\n');
    expect(lines).toContain(`imported\t${join(folder, 'RG3_J2KR.dcm')}: CR 1760 x 1760 (JPEG 2000 Lossless) filed, matched on identifier, name, birthDate`);
    expect(lines.some((l) => l.startsWith(`rejected\t${join(folder, 'sub', 'cut.dcm')}: truncated`))).toBe(true);
    expect(lines).toContain('skipped 1 non-DICOM file(s)');
    expect(lines.at(-1)).toBe('2 imported, 0 already there, 0 ambiguous, 0 unmatched, 0 not matching the chart, 1 rejected');

    const json = await runCli(['dicom', 'import', '--vault', file, '--json', join(DICOM_DIR, 'nih_chest_dx.dcm')]);
    expect(JSON.parse(json.out).outcomes[0]).toMatchObject({ status: 'no-match', candidates: [] });
    const missing = await runCli(['dicom', 'import', '--vault', file, join(dir, 'nope')]);
    expect(missing).toMatchObject({ code: 1, err: `continuum: ${join(dir, 'nope')}: no such file or folder\n` });
  });

  it('bounds memory: a folder walk holds one file at a time and the header check rejects huge images before decoding', () => {
    const vault = createTestVault();
    addPatient(vault, { id: 'nm', given: 'NM1', family: 'CompressedSamples', birthDate: null, identifiers: ['8NM1'] });
    const summary = importDicomPaths(vault, [join(DICOM_DIR, 'JPEG-LL.dcm')]);
    expect(summary.outcomes[0]).toMatchObject({ status: 'imported', patientId: 'nm' });
    const instance = listStudies(vault.db, 'nm')[0]!.series[0]!.instances[0]!;
    expect(instance.spacing).toEqual({ status: 'known', rowMm: 2.26, columnMm: 2.26, source: 'PixelSpacing' });
    vault.close();
  });
});

function safeRead(path: string): Buffer[] {
  try {
    return [readFileSync(path)];
  } catch {
    return [];
  }
}
