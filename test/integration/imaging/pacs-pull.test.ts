import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiResponse, MethodName, Params, Result } from '../../../electron/api/contract';
import type { PullProgressState } from '../../../electron/api/pacs-schemas';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { verifyAudit } from '../../../electron/store/audit';
import { keyringPath } from '../../../electron/store/keyring';
import { Vault } from '../../../electron/store/vault';
import { haveRealDicom, realDicom } from '../../fixtures/imaging/dicom-files';
import { orthancSkipReason, startOrthanc, type RunningOrthanc } from '../../helpers/orthanc';
import { PASSPHRASE, TEST_OPTIONS, TEST_SCRYPT } from '../../helpers/temp-vault';
import { slowProxy } from './pacs-slow-proxy';

/**
 * "Pull from PACS" through the real dispatch (params and results checked
 * against the contract) against a real Orthanc with authentication on: the
 * settings, the search with what the vault already has, a background pull
 * with progress per instance, Cancel mid-way, a wrong password, and the
 * password never written to the vault, its keyring or the log.
 */
const skip = orthancSkipReason() ?? (haveRealDicom() ? null : 'the real DICOM files are not in ../shared/data/dicom');

const CLINICIAN = 'dr.ada';
const COVID_STUDY_INSTANCES = 5;

/** A FHIR chart whose medical record number is the PatientID the PACS files the images under. */
function chartBundle(id: string, given: string, family: string, birthDate: string | null, mrn: string): string {
  const patient: Record<string, unknown> = {
    resourceType: 'Patient',
    id,
    name: [{ given: [given], family }],
    identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }], text: 'Medical Record Number' }, value: mrn }],
  };
  if (birthDate) patient['birthDate'] = birthDate;
  return JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: `urn:uuid:${id}`, resource: patient, request: { method: 'POST', url: 'Patient' } }] });
}
const COVID = 'a1b2c3d4-0000-4000-8000-00000000c0f1';
const RG3 = 'a1b2c3d4-0000-4000-8000-0000000000a3';

async function call<M extends MethodName>(core: CoreClient, method: M, params: Params<M>): Promise<Result<M>> {
  const answer = (await core.invoke(method, params)) as ApiResponse<M>;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}
async function failure(core: CoreClient, method: MethodName, params: unknown): Promise<string> {
  const answer = (await core.invoke(method, params as never)) as ApiResponse<MethodName>;
  if (answer.ok) throw new Error(`${method} should have failed`);
  expect(answer.error.message).not.toContain('\n');
  return `${answer.error.code}: ${answer.error.message}`;
}

/** Polls 'pacs.progress' until `until` holds (no fixed waits: each poll yields to the pull). */
async function progressUntil(core: CoreClient, pullId: string, until: (p: PullProgressState) => boolean): Promise<PullProgressState> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { progress } = await call(core, 'pacs.progress', { pullId });
    if (!progress) throw new Error(`no progress for pull ${pullId}`);
    if (until(progress)) return progress;
    if (Date.now() > deadline) throw new Error(`pull ${pullId} is still ${progress.state} with ${progress.outcomes.length} outcome(s)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const finished = (p: PullProgressState) => p.state !== 'searching' && p.state !== 'pulling';

describe.skipIf(skip !== null)('Pull from PACS over the API, against a real Orthanc', () => {
  let orthanc: RunningOrthanc;
  let core: CoreClient;
  let dir: string;
  let vaultFile: string;
  const logged: string[] = [];

  beforeAll(async () => {
    // Everything the core writes to the log (stderr, console) is kept, to look for the password in it.
    const keep = (chunk: unknown) => {
      logged.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stderr, 'write').mockImplementation(keep as typeof process.stderr.write);
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void keep(args.join(' ')));

    orthanc = await startOrthanc();
    const dx = await orthanc.upload(realDicom('nih_chest_dx.dcm'));
    await orthanc.copies(dx, COVID_STUDY_INSTANCES - 1, 2);
    await orthanc.upload(realDicom('RG3_J2KR.dcm'));
    await orthanc.upload(realDicom('RG3_J2KI.dcm'));

    // Kept for the whole file (the helper's tempDir is removed after each test).
    dir = mkdtempSync(join(tmpdir(), 'continuum-pacs-'));
    vaultFile = join(dir, 'clinic.vault');
    core = createInProcessCore({ vaultFile, scrypt: TEST_SCRYPT });
    await call(core, 'vault.create', { clinicianId: CLINICIAN, displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE });
    await call(core, 'import.fhirBundle', { fileName: 'covid.json', content: chartBundle(COVID, 'Test', 'Covid0000', null, 'Covid0000') });
    await call(core, 'import.fhirBundle', { fileName: 'rg3.json', content: chartBundle(RG3, 'RG3', 'CompressedSamples', '1979-04-08', '11RG3') });
  }, 120_000);

  afterAll(async () => {
    await core?.close();
    await orthanc?.stop();
    vi.restoreAllMocks();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the settings first; refuses an address with a password in it and keeps nothing of it', async () => {
    expect(await call(core, 'pacs.settings', {})).toEqual({ settings: null, passwordRemembered: false, passwordInClear: false });
    expect(await failure(core, 'pacs.search', { patientId: COVID })).toBe(
      "invalid-input: The clinic's PACS is not set up yet: enter its address (and user) in PACS settings first",
    );
    const withPassword = orthanc.dicomWebUrl.replace('http://', `http://${orthanc.user}:${orthanc.password}@`);
    const refused = await failure(core, 'pacs.saveSettings', { url: withPassword, user: '' });
    expect(refused).toBe(
      'invalid-input: The PACS address must not contain a user name or password: enter the user in its own field; the password is asked for when you pull',
    );
    expect(refused).not.toContain(orthanc.password);
    expect(await failure(core, 'pacs.saveSettings', { url: 'ftp://pacs.clinic.lan/', user: '' })).toBe('invalid-input: PACS URL must start with http:// or https://, not ftp://');
    expect((await call(core, 'pacs.settings', {})).settings).toBeNull();

    const saved = await call(core, 'pacs.saveSettings', { url: `${orthanc.dicomWebUrl}/`, user: orthanc.user });
    expect(saved).toMatchObject({ settings: { url: orthanc.dicomWebUrl, user: orthanc.user, updatedBy: CLINICIAN }, passwordRemembered: false, passwordInClear: false });
    expect((await call(core, 'pacs.settings', {})).settings?.url).toBe(orthanc.dicomWebUrl);
  });

  it('says when the password is missing, and when the PACS refuses it (HTTP 401)', async () => {
    expect(await failure(core, 'pacs.search', { patientId: COVID })).toBe(`invalid-input: PACS at ${orthanc.dicomWebUrl}: enter the password of user ${orthanc.user}`);
    expect(await failure(core, 'pacs.search', { patientId: COVID, password: 'not-the-password', remember: true })).toBe(
      `invalid-input: PACS at ${orthanc.dicomWebUrl} refused the user name or password (HTTP 401)`,
    );
    // A refused password is not kept.
    expect((await call(core, 'pacs.settings', {})).passwordRemembered).toBe(false);
    expect(await failure(core, 'pacs.pull', { patientId: COVID, pullId: 'wrong', studyUids: ['1.2.3'] })).toMatch(/enter the password/);
  });

  it('lists what the PACS holds for the chart, with what the vault has, and keeps the password for the session when asked', async () => {
    const found = await call(core, 'pacs.search', { patientId: COVID, password: orthanc.password, remember: true });
    expect(found).toMatchObject({ pacsUrl: orthanc.dicomWebUrl, searchedIds: 1 });
    expect(found.studies).toEqual([expect.objectContaining({ modalities: ['DX'], instances: COVID_STUDY_INSTANCES, inVault: 0, otherChart: false })]);
    expect((await call(core, 'pacs.settings', {})).passwordRemembered).toBe(true);
    // The next search needs no password; another chart's search finds only its own study.
    const rg3 = await call(core, 'pacs.search', { patientId: RG3 });
    expect(rg3.studies).toEqual([
      { studyUid: '1.3.6.1.4.1.5962.1.2.11.20040826185059.5457', date: '2004-08-26', modalities: ['CR'], description: expect.anything(), instances: 2, inVault: 0, otherChart: false },
    ]);
  });

  it('pulls the chosen study in the background, one outcome per instance, and the search then marks it as here', async () => {
    const [study] = (await call(core, 'pacs.search', { patientId: RG3 })).studies;
    const started = await call(core, 'pacs.pull', { patientId: RG3, pullId: 'rg3-1', studyUids: [study!.studyUid] });
    expect(started).toMatchObject({ pullId: 'rg3-1', patientId: RG3, state: 'searching', total: null, outcomes: [], error: null });
    const done = await progressUntil(core, 'rg3-1', finished);
    expect(done).toMatchObject({ state: 'done', studies: 1, total: 2, error: null });
    expect(done.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    expect(done.outcomes[0]!.message).toMatch(/CR 1760 x 1760 \(JPEG 2000 Lossless\) filed, matched on identifier, name, birthDate$/);

    const { studies } = await call(core, 'imaging.studies', { patientId: RG3 });
    expect(studies.flatMap((s) => s.series.flatMap((se) => se.instances))).toHaveLength(2);
    expect((await call(core, 'pacs.search', { patientId: RG3 })).studies[0]).toMatchObject({ instances: 2, inVault: 2 });

    // Again: nothing is downloaded twice.
    await call(core, 'pacs.pull', { patientId: RG3, pullId: 'rg3-2', studyUids: [study!.studyUid] });
    const again = await progressUntil(core, 'rg3-2', finished);
    expect(again.outcomes.map((o) => o.status)).toEqual(['already-imported', 'already-imported']);
    // A UID that is not among the chart's studies is never fetched.
    await call(core, 'pacs.pull', { patientId: COVID, pullId: 'not-hers', studyUids: [study!.studyUid] });
    expect(await progressUntil(core, 'not-hers', finished)).toMatchObject({ state: 'done', studies: 0, total: 0, outcomes: [] });
    expect(await failure(core, 'pacs.pull', { patientId: RG3, pullId: 'bad id!', studyUids: [study!.studyUid] })).toBe('invalid-request: pacs.pull: pullId: letters, digits, - and _');
  });

  it('cancels mid-way: the instance in flight is dropped, those imported stay, the vault is consistent; a later pull takes the rest', async () => {
    const proxy = await slowProxy(orthanc.dicomWebUrl, 400);
    try {
      await call(core, 'pacs.saveSettings', { url: proxy.url, user: orthanc.user });
      // A changed address forgets the held password.
      expect((await call(core, 'pacs.settings', {})).passwordRemembered).toBe(false);
      const [study] = (await call(core, 'pacs.search', { patientId: COVID, password: orthanc.password, remember: true })).studies;
      await call(core, 'pacs.pull', { patientId: COVID, pullId: 'covid-1', studyUids: [study!.studyUid] });
      const midway = await progressUntil(core, 'covid-1', (p) => p.outcomes.length >= 2);
      expect(midway.state).toBe('pulling');
      expect(await call(core, 'pacs.cancel', { pullId: 'covid-1' })).toEqual({ cancelled: true });
      const stopped = await progressUntil(core, 'covid-1', finished);
      expect(stopped).toMatchObject({ state: 'cancelled', total: COVID_STUDY_INSTANCES, error: null });
      const kept = stopped.outcomes.filter((o) => o.status === 'imported').length;
      expect(kept).toBe(stopped.outcomes.length);
      expect(kept).toBeGreaterThanOrEqual(2);
      expect(kept).toBeLessThan(COVID_STUDY_INSTANCES);
      expect(await call(core, 'pacs.cancel', { pullId: 'covid-1' })).toEqual({ cancelled: false });

      const { studies } = await call(core, 'imaging.studies', { patientId: COVID });
      expect(studies.flatMap((s) => s.series.flatMap((se) => se.instances))).toHaveLength(kept);
      expect((await call(core, 'pacs.search', { patientId: COVID })).studies[0]).toMatchObject({ instances: COVID_STUDY_INSTANCES, inVault: kept });

      await call(core, 'pacs.pull', { patientId: COVID, pullId: 'covid-2', studyUids: [study!.studyUid] });
      const rest = await progressUntil(core, 'covid-2', finished);
      expect(rest.state).toBe('done');
      expect(rest.outcomes.filter((o) => o.status === 'already-imported')).toHaveLength(kept);
      expect(rest.outcomes.filter((o) => o.status === 'imported')).toHaveLength(COVID_STUDY_INSTANCES - kept);
    } finally {
      await proxy.close();
      await call(core, 'pacs.saveSettings', { url: orthanc.dicomWebUrl, user: orthanc.user });
    }
  }, 120_000);

  it('reports a PACS that refuses the connection, or answers with something that is not DICOMweb, in one line', async () => {
    const html = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    const htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}/dicom-web`;
    const closed = await new Promise<string>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const port = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(`http://127.0.0.1:${port}/dicom-web`));
      });
    });
    try {
      await call(core, 'pacs.saveSettings', { url: closed, user: '' });
      expect(await failure(core, 'pacs.search', { patientId: COVID })).toBe(`invalid-input: PACS at ${closed}: connection refused (is the PACS running, and is the port right?)`);
      await call(core, 'pacs.saveSettings', { url: htmlUrl, user: '' });
      expect(await failure(core, 'pacs.search', { patientId: COVID })).toBe(
        `invalid-input: PACS at ${htmlUrl} answered the study search with text/html, not DICOM JSON; is the URL the DICOMweb root?`,
      );
      // In the background, the same line comes back as the pull's error.
      await call(core, 'pacs.saveSettings', { url: closed, user: '' });
      await call(core, 'pacs.pull', { patientId: COVID, pullId: 'refused', studyUids: ['1.2.3'] });
      expect(await progressUntil(core, 'refused', finished)).toMatchObject({
        state: 'failed',
        error: `PACS at ${closed}: connection refused (is the PACS running, and is the port right?)`,
      });
    } finally {
      html.close();
      await call(core, 'pacs.saveSettings', { url: orthanc.dicomWebUrl, user: orthanc.user });
    }
  });

  it('forgets the password when the vault locks: the next session asks again', async () => {
    await call(core, 'pacs.search', { patientId: COVID, password: orthanc.password, remember: true });
    expect((await call(core, 'pacs.settings', {})).passwordRemembered).toBe(true);
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { clinicianId: CLINICIAN, passphrase: PASSPHRASE });
    expect((await call(core, 'pacs.settings', {})).passwordRemembered).toBe(false);
    expect(await failure(core, 'pacs.search', { patientId: COVID })).toBe(`invalid-input: PACS at ${orthanc.dicomWebUrl}: enter the password of user ${orthanc.user}`);
    // A pull of the previous session is not visible to this one.
    expect(await call(core, 'pacs.progress', { pullId: 'covid-2' })).toEqual({ progress: null });
    // Without "remember", a password serves one request only.
    await call(core, 'pacs.search', { patientId: COVID, password: orthanc.password });
    expect((await call(core, 'pacs.settings', {})).passwordRemembered).toBe(false);
  });

  it('never writes the password: not in the vault (settings, audit, sources), its keyring, or the log', async () => {
    await call(core, 'vault.lock', {});
    const vault = Vault.open(vaultFile, { clinicianId: CLINICIAN, passphrase: PASSPHRASE }, TEST_OPTIONS);
    try {
      const settings = vault.db.prepare(`SELECT value FROM vault_meta WHERE key = 'pacs.settings'`).pluck().get() as string;
      expect(JSON.parse(settings)).toEqual({ url: orthanc.dicomWebUrl, user: orthanc.user, updatedBy: CLINICIAN, updatedAt: expect.any(String) });
      const basic = Buffer.from(`${orthanc.user}:${orthanc.password}`).toString('base64');
      // Every text column of every table, as SQL sees it.
      const tables = vault.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
      for (const table of tables) {
        const rows = vault.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
        const text = JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? undefined : v));
        expect(text, table).not.toContain(orthanc.password);
        expect(text, table).not.toContain(basic);
      }
      expect(verifyAudit(vault.db).ok).toBe(true);
      expect(vault.db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      const settingsAudit = vault.db.prepare(`SELECT detail FROM audit_log WHERE detail LIKE '%pacs.settings%'`).pluck().all() as string[];
      expect(settingsAudit.length).toBeGreaterThan(0);
    } finally {
      vault.close();
    }
    expect(readFileSync(keyringPath(vaultFile), 'utf8')).not.toContain(orthanc.password);
    expect(logged.join('\n')).not.toContain(orthanc.password);
    await call(core, 'vault.unlock', { clinicianId: CLINICIAN, passphrase: PASSPHRASE });
  });
});

it.skipIf(skip === null)(`Pull from PACS over the API (skipped: ${skip ?? ''})`, () => {});
