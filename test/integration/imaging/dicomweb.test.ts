import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { instanceBytes, listStudies } from '../../../electron/imaging';
import { connectPacs, pullFromPacs, PullInterruptedError, searchInstances, searchSeries, searchStudies, type PullProgress } from '../../../electron/imaging/dicomweb';
import { verifyAudit } from '../../../electron/store/audit';
import { Vault } from '../../../electron/store/vault';
import { runCli } from '../../helpers/cli';
import { orthancSkipReason, startOrthanc, type RunningOrthanc } from '../../helpers/orthanc';
import { createTestVault, PASSPHRASE, tempDir, TEST_OPTIONS } from '../../helpers/temp-vault';
import { haveRealDicom, realDicom } from '../../fixtures/imaging/dicom-files';
import { addPatient } from '../../fixtures/imaging/patients';

const skip = orthancSkipReason() ?? (haveRealDicom() ? null : 'the real DICOM files are not in ../shared/data/dicom');

const RG3 = { id: 'p-rg3', given: 'RG3', family: 'CompressedSamples', birthDate: '1979-04-08', identifiers: ['11RG3'] };
const COVID = { id: 'p-covid', given: 'Test', family: 'Covid0000', birthDate: null, identifiers: ['Covid0000'] };
const RG3_STUDY = '1.3.6.1.4.1.5962.1.2.11.20040826185059.5457';
const RG3_SERIES = '1.3.6.1.4.1.5962.1.3.11.1.20040826185059.5457';

/** A PACS holding: RG3's radiograph twice (lossless and lossy, one series), the chest DX and 4 copies of it, and another patient's NM study. */
async function fillPacs(orthanc: RunningOrthanc): Promise<void> {
  await orthanc.upload(realDicom('RG3_J2KR.dcm'));
  await orthanc.upload(realDicom('RG3_J2KI.dcm'));
  const dx = await orthanc.upload(realDicom('nih_chest_dx.dcm'));
  await orthanc.copies(dx, 4, 2);
  await orthanc.upload(realDicom('JPEG-LL.dcm'));
}

function countRows(vault: Vault, table: string): number {
  return vault.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe.skipIf(skip !== null)('DICOMweb pull from a real Orthanc (QIDO-RS, WADO-RS, basic auth)', () => {
  let orthanc: RunningOrthanc;
  beforeAll(async () => {
    orthanc = await startOrthanc();
    await fillPacs(orthanc);
  }, 90_000);
  afterAll(async () => {
    await orthanc?.stop();
  });
  const pacs = () => connectPacs({ url: orthanc.dicomWebUrl, user: orthanc.user, password: orthanc.password, timeoutMs: 10_000 });

  it('searches studies, series and instances by PatientID, exactly (a wildcard finds nothing)', async () => {
    const studies = await searchStudies(pacs(), '11RG3');
    expect(studies).toEqual([expect.objectContaining({ studyUid: RG3_STUDY, patientId: '11RG3', date: '20040826', modalities: ['CR'] })]);
    const series = await searchSeries(pacs(), RG3_STUDY);
    expect(series).toEqual([expect.objectContaining({ seriesUid: RG3_SERIES, modality: 'CR' })]);
    const instances = await searchInstances(pacs(), RG3_STUDY, RG3_SERIES);
    expect(instances.map((i) => i.number)).toEqual([2, 3]);
    expect(instances.map((i) => i.sopInstanceUid)).toEqual([
      '1.3.6.1.4.1.5962.1.1.11.1.2.20040826185059.5457',
      '1.3.6.1.4.1.5962.1.1.11.1.3.20040826185059.5457',
    ]);
    expect(await searchStudies(pacs(), 'NOBODY-HERE')).toEqual([]);
    // "*" matches every patient in DICOM; the client keeps only exact PatientID answers.
    expect(await searchStudies(pacs(), '*')).toEqual([]);
  });

  it('pulls a chart through the library: filed by the ordinary import, byte for byte, audited; a second pull downloads nothing', async () => {
    const vault = createTestVault();
    addPatient(vault, RG3);
    addPatient(vault, COVID);
    const progress: PullProgress[] = [];
    const summary = await pullFromPacs(vault, pacs(), { patientId: RG3.id, onProgress: (p) => void progress.push(p) });
    expect(summary).toMatchObject({ patientId: RG3.id, studies: 1 });
    expect(summary.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(summary.outcomes[0]!.message).toBe(
      `${orthanc.dicomWebUrl}/studies/${RG3_STUDY}/series/${RG3_SERIES}/instances/1.3.6.1.4.1.5962.1.1.11.1.2.20040826185059.5457: CR 1760 x 1760 (JPEG 2000 Lossless) filed, matched on identifier, name, birthDate`,
    );
    expect(progress.map((p) => (p.kind === 'found' ? `found ${p.studies}/${p.instances}` : `${p.index}/${p.total} ${p.outcome.status}`))).toEqual([
      'found 1/2',
      '1/2 imported',
      '2/2 imported',
    ]);
    const [lossless, lossy] = summary.outcomes;
    expect(Buffer.compare(instanceBytes(vault.db, lossless!.instanceId!).bytes, Buffer.from(realDicom('RG3_J2KR.dcm')))).toBe(0);
    expect(Buffer.compare(instanceBytes(vault.db, lossy!.instanceId!).bytes, Buffer.from(realDicom('RG3_J2KI.dcm')))).toBe(0);
    expect(listStudies(vault.db, RG3.id)[0]!.series[0]!.instances).toHaveLength(2);
    expect(listStudies(vault.db, COVID.id)).toEqual([]);
    const label = vault.db.prepare(`SELECT label FROM sources WHERE id = (SELECT source_id FROM imaging_instances WHERE id = ?)`).pluck().get(lossless!.instanceId);
    expect(label).toBe(`DICOM ${lossless!.file}`);
    expect(verifyAudit(vault.db).ok).toBe(true);

    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      fetched.push(String(input));
      return realFetch(input, init);
    });
    try {
      const again = await pullFromPacs(vault, pacs(), { patientId: RG3.id });
      expect(again.outcomes.map((o) => o.status)).toEqual(['already-imported', 'already-imported']);
      expect(again.outcomes.map((o) => o.instanceId)).toEqual([lossless!.instanceId, lossy!.instanceId]);
    } finally {
      spy.mockRestore();
    }
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((url) => /\/instances\/[0-9.]+$/.test(url))).toEqual([]);
    expect(countRows(vault, 'imaging_instances')).toBe(2);
    vault.close();
  });

  it('pulls through the CLI with the password from the environment, a line per instance, and again as JSON with nothing new', async () => {
    const file = join(tempDir(), 'clinic.vault');
    const vault = createTestVault(file);
    addPatient(vault, RG3);
    addPatient(vault, COVID);
    vault.close();
    const env = { CONTINUUM_PACS_PASSWORD: orthanc.password };
    const argv = ['dicom', 'pull', '--vault', file, '--url', orthanc.dicomWebUrl, '--patient', COVID.id, '--pacs-user', orthanc.user];

    const run = await runCli(argv, env);
    expect(run.code).toBe(0);
    const lines = run.err.trim().split('\n');
    expect(lines[0]).toBe(`PACS at ${orthanc.dicomWebUrl}: 1 study, 5 instance(s)`);
    expect(lines.slice(1).map((l) => l.replace(/\tinstance [0-9.]+: /, '\t'))).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `[${n}/5] imported\tDX 1024 x 1024 (Implicit VR Little Endian) filed, matched on identifier, name`),
    ]);
    expect(run.out).toBe('5 imported, 0 already there, 0 ambiguous, 0 unmatched, 0 rejected, of 5 instance(s) in 1 study\n');
    expect(`${run.out}${run.err}`).not.toContain(orthanc.password);

    const json = await runCli([...argv, '--json'], env);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.out) as { outcomes: Array<{ status: string; patientId: string }> };
    expect(summary.outcomes.map((o) => o.status)).toEqual(Array(5).fill('already-imported'));
    expect(new Set(summary.outcomes.map((o) => o.patientId))).toEqual(new Set([COVID.id]));

    const reopened = Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    expect(listStudies(reopened.db, COVID.id)[0]!.series[0]!.instances).toHaveLength(5);
    expect(listStudies(reopened.db, RG3.id)).toEqual([]);
    expect(verifyAudit(reopened.db).ok).toBe(true);
    reopened.close();
  });

  it('a wrong password: one line naming the PACS and HTTP 401, the password nowhere, nothing written', async () => {
    const file = join(tempDir(), 'clinic.vault');
    const vault = createTestVault(file);
    addPatient(vault, RG3);
    const sourcesBefore = countRows(vault, 'sources');
    vault.close();
    const wrong = 'not-the-password-4711';
    const run = await runCli(
      ['dicom', 'pull', '--vault', file, '--url', orthanc.dicomWebUrl, '--patient', RG3.id, '--pacs-user', orthanc.user],
      { CONTINUUM_PACS_PASSWORD: wrong },
    );
    expect(run).toEqual({ code: 1, out: '', err: `continuum: PACS at ${orthanc.dicomWebUrl} refused the user name or password (HTTP 401)\n` });

    const noUser = await runCli(['dicom', 'pull', '--vault', file, '--url', orthanc.dicomWebUrl, '--patient', RG3.id]);
    expect(noUser.err).toBe(`continuum: PACS at ${orthanc.dicomWebUrl} refused the user name or password (HTTP 401): it asks for a user and password\n`);

    const reopened = Vault.open(file, { passphrase: PASSPHRASE }, TEST_OPTIONS);
    expect(countRows(reopened, 'imaging_instances')).toBe(0);
    expect(countRows(reopened, 'imaging_studies')).toBe(0);
    expect(countRows(reopened, 'sources')).toBe(sourcesBefore);
    reopened.close();
  });

  it('says clearly when the chart is not in the vault, when the PACS has nothing for it, and when the URL is not usable', async () => {
    const file = join(tempDir(), 'clinic.vault');
    const vault = createTestVault(file);
    addPatient(vault, { id: 'p-none', given: 'Ann', family: 'Nobody', birthDate: '1970-01-01', identifiers: ['MRN-NOT-ON-PACS'] });
    vault.close();
    const env = { CONTINUUM_PACS_PASSWORD: orthanc.password };
    const pull = (patient: string, url = orthanc.dicomWebUrl) =>
      runCli(['dicom', 'pull', '--vault', file, '--url', url, '--patient', patient, '--pacs-user', orthanc.user], env);

    expect(await pull('p-missing')).toEqual({
      code: 1,
      out: '',
      err: 'continuum: patient p-missing is not in the vault; see `continuum patients` for the chart ids\n',
    });
    expect(await pull('p-none')).toEqual({
      code: 0,
      out: 'no studies on the PACS for chart p-none (searched by 1 identifier(s))\n',
      err: `PACS at ${orthanc.dicomWebUrl}: 0 studies, 0 instance(s)\n`,
    });
    expect((await pull('p-none', `${orthanc.url}/not-dicomweb`)).err).toBe(`continuum: PACS at ${orthanc.url}/not-dicomweb: the study search was not found (HTTP 404)\n`);
    expect((await pull('p-none', 'ftp://127.0.0.1/dicom-web')).err).toBe('continuum: PACS URL must start with http:// or https://, not ftp://\n');
    const withPassword = await pull('p-none', `http://${orthanc.user}:${orthanc.password}@127.0.0.1:1/dicom-web`);
    expect(withPassword.err).toBe('continuum: PACS URL must not contain a user or password; give the user as an option and the password in the environment\n');
    expect(withPassword.err).not.toContain(orthanc.password);
    // A PACS user (here from the environment) with no password to send, and no terminal to ask on.
    const noPassword = await runCli(['dicom', 'pull', '--vault', file, '--url', orthanc.dicomWebUrl, '--patient', 'p-none'], { CONTINUUM_PACS_USER: orthanc.user });
    expect(noPassword).toEqual({ code: 1, out: '', err: 'continuum: no PACS password: set CONTINUUM_PACS_PASSWORD or run in a terminal to be asked\n' });
  });
});

describe.skipIf(skip !== null)('DICOMweb pull when the PACS goes away', () => {
  it('stops with one line when Orthanc is stopped mid-way; what was pulled stays, the vault is consistent', async () => {
    const orthanc = await startOrthanc();
    try {
      await orthanc.copies(await orthanc.upload(realDicom('nih_chest_dx.dcm')), 4, 2);
      const file = join(tempDir(), 'clinic.vault');
      const vault = createTestVault(file);
      addPatient(vault, COVID);
      const pacs = connectPacs({ url: orthanc.dicomWebUrl, user: orthanc.user, password: orthanc.password, timeoutMs: 10_000 });
      const stopAfterTwo = async (p: PullProgress) => {
        if (p.kind === 'instance' && p.index === 2) await orthanc.stop();
      };
      const error = await pullFromPacs(vault, pacs, { patientId: COVID.id, onProgress: stopAfterTwo }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PullInterruptedError);
      const interrupted = error as PullInterruptedError;
      expect(interrupted.kind).toBe('unreachable');
      expect(interrupted.message).toBe(
        `PACS at ${orthanc.dicomWebUrl}: connection refused (is the PACS running, and is the port right?); stopped after 2 of 5 instance(s), 2 newly imported kept; pull again for the rest`,
      );
      expect(interrupted.partial.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);

      expect(vault.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect(verifyAudit(vault.db).ok).toBe(true);
      const studies = listStudies(vault.db, COVID.id);
      expect(studies).toHaveLength(1);
      expect(studies[0]!.series[0]!.instances).toHaveLength(2);
      expect(vault.db.prepare(`SELECT instance_count FROM imaging_studies`).pluck().get()).toBe(2);
      expect(countRows(vault, 'images')).toBe(2);
      vault.close();
    } finally {
      await orthanc.stop();
    }
  }, 90_000);
});

it.skipIf(skip === null)(`DICOMweb pull from a real Orthanc (skipped: ${skip ?? ''})`, () => {});
