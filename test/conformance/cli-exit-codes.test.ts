import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../electron/cli/main';
import { writeManifest, readManifest } from '../../electron/model/manifest';
import { generateImageClassifier } from '../../scripts/models/image-classifier';
import { generateModelFolder } from '../../scripts/models/model-folder';
import { DERM_DIR, haveRealDicom, realDicom } from '../fixtures/imaging/dicom-files';
import { runCli, type CliRun } from '../helpers/cli';
import { FakeHub } from '../helpers/fake-hub';
import { STORIES_FILE, STORIES_ID, STORIES_REPO, storiesBytes, writeTestCatalogue } from '../helpers/test-catalogue';
import { makeTextPdf } from '../helpers/make-pdf';
import { tempDir } from '../helpers/temp-vault';
import { memoryBundleText, PATIENT } from '../unit/agent/memory-fixture';
import { writeConformanceResult } from './support';

/**
 * Every subcommand of `continuum`, run on a case that succeeds and a case
 * that fails, each with and without --json where the command takes it.
 * The README's contract: 0 only when the command did what was asked; 1 with
 * one line on stderr saying why; 2 for wrong usage (the reason, then the
 * usage line); --json changes the output, never the status.
 */

interface Case {
  readonly command: string;
  readonly label: string;
  readonly expect: 0 | 1 | 2;
  /** The arguments, made fresh for each run (a run may change the vault it is given). */
  readonly args: () => string[];
  readonly env?: Record<string, string>;
  /** What the one stderr line must say, for a failure. */
  readonly says?: RegExp;
}

let dir: string;
let baseVault: string;
let models: string;
let imageModels: string;
let pacs: Server;
let pacsUrl: string;
let recorded: string;
let photo: string | null = null;
/** The tests' model hub (fake-hub.ts) and catalogue, for `model catalogue` and `model download`; filled in beforeAll. */
let hub: FakeHub;
const hubEnv: Record<string, string> = {};
const results: Array<{ command: string; label: string; json: boolean; expected: number; status: number; stderrLines: number; ok: boolean }> = [];

/** A fresh copy of the vault with the fixture patient in it (so a case that writes changes only its own). */
function vaultCopy(): string {
  const target = join(tempDir(), 'clinic.vault');
  copyFileSync(baseVault, target);
  copyFileSync(`${baseVault}.keys`, `${target}.keys`);
  return target;
}

const file = (name: string, content: string | Uint8Array, folder = tempDir()) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(async () => {
  // Not tempDir(): that folder goes after each test, and these fixtures serve them all.
  dir = mkdtempSync(join(tmpdir(), 'continuum-exit-codes-'));
  baseVault = join(dir, 'clinic.vault');
  expect((await runCli(['vault', 'init', '--vault', baseVault, '--user', 'dr.ada', '--name', 'Dr Ada'])).code).toBe(0);
  expect((await runCli(['import', 'fhir', '--vault', baseVault, file('memory.json', memoryBundleText(), dir)])).code).toBe(0);
  if (haveRealDicom()) {
    // The NIH chest film is another patient's: filed under this chart on the clinician's override.
    expect((await runCli(['dicom', 'import', '--vault', baseVault, '--patient', PATIENT, '--override', file('chest.dcm', realDicom('nih_chest_dx.dcm'), dir)])).code).toBe(0);
    const jpg = existsSync(DERM_DIR) ? readdirSync(DERM_DIR).find((f) => f.endsWith('.jpg')) : undefined;
    if (jpg) photo = join(DERM_DIR, jpg);
  }
  // A tiny language model, and a copy of it whose context is too small for any session: a model that fails mid-session.
  models = join(dir, 'models');
  await generateModelFolder({ size: 'tiny', precision: 'fp32', seed: 3, out: join(models, 'tiny') });
  await generateModelFolder({ size: 'tiny', precision: 'fp32', seed: 3, out: join(models, 'cramped') });
  const { files: _files, format: _format, ...info } = readManifest(join(models, 'cramped'));
  await writeManifest(join(models, 'cramped'), { ...info, contextLength: 48 });
  imageModels = join(dir, 'image-models');
  await generateImageClassifier({ preset: 'chest-xray', seed: 1, out: join(imageModels, 'test-xray') });
  // A session with the tiny model, recorded, for replay.
  recorded = join(dir, 'recorded.jsonl');
  const script = file('case.json', JSON.stringify({ caseId: 'exit-codes', turns: [{ from: 'patient', text: 'My sugars are high.' }], approve: 'all' }), dir);
  const sessionVault = join(dir, 'session.vault');
  copyFileSync(baseVault, sessionVault);
  copyFileSync(`${baseVault}.keys`, `${sessionVault}.keys`);
  await runCli(['session', '--vault', sessionVault, '--patient', PATIENT, '--script', script, '--trajectory', recorded, '--model', join(models, 'tiny')]);
  // A PACS that knows no studies (QIDO-RS answers an empty list): a pull that succeeds with nothing to fetch.
  pacs = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/dicom+json' });
    response.end('[]');
  });
  await new Promise<void>((resolve) => pacs.listen(0, '127.0.0.1', resolve));
  pacsUrl = `http://127.0.0.1:${(pacs.address() as AddressInfo).port}/dicom-web`;
  hub = new FakeHub();
  hub.put(STORIES_REPO, STORIES_FILE, storiesBytes());
  hubEnv['CONTINUUM_MODEL_HUB'] = await hub.start();
  hubEnv['CONTINUUM_MODEL_CATALOGUE'] = writeTestCatalogue(dir);
}, 300_000);

afterAll(async () => {
  pacs?.close();
  await hub?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  const wrong = results.filter((r) => !r.ok);
  writeConformanceResult('cli-exit-codes', {
    commands: new Set(results.map((r) => r.command)).size,
    runs: results.length,
    cases: new Set(results.map((r) => `${r.command}|${r.label}`)).size,
    wrongStatus: wrong.length,
    wrong,
    results,
  });
});

const script = () => file('case.json', JSON.stringify({ caseId: 'exit-codes', turns: [{ from: 'patient', text: 'My sugars are high.' }], approve: 'all' }));
const evidenceDoc = () => file('guide.md', '# Zephyr fever\n\n## Treatment\n\nFirst line treatment of zephyr fever is rest and fluids.\n');
const pdf = () => file('letter.pdf', makeTextPdf([[{ text: 'Potassium 4.2 mmol/L on 2024-05-01', size: 12 }]]));
const claims = () => file('claims.jsonl', `${JSON.stringify({ text: 'Hemoglobin A1c 7.94 % on 2025-02-03', citations: [{ kind: 'record', record: 'observation', id: 'a1c-3' }] })}\n`);
const wrongPassphrase = { CONTINUUM_PASSPHRASE: 'not the passphrase at all' };

const CASES: Case[] = [
  { command: 'vault init', label: 'a new vault', expect: 0, args: () => ['vault', 'init', '--vault', join(tempDir(), 'new.vault')] },
  { command: 'vault init', label: 'a vault already there', expect: 1, args: () => ['vault', 'init', '--vault', vaultCopy()], says: /already/ },
  { command: 'vault add-clinician', label: 'a new clinician', expect: 0, args: () => ['vault', 'add-clinician', '--vault', vaultCopy(), '--id', 'nurse.bo'], env: { CONTINUUM_NEW_PASSPHRASE: 'nurse passphrase 2024' } },
  { command: 'vault add-clinician', label: 'no --id', expect: 2, args: () => ['vault', 'add-clinician', '--vault', vaultCopy()] },
  { command: 'vault remove-clinician', label: 'the only clinician', expect: 1, args: () => ['vault', 'remove-clinician', '--vault', vaultCopy(), '--id', 'dr.ada'] },
  { command: 'vault remove-clinician', label: 'no such clinician', expect: 1, args: () => ['vault', 'remove-clinician', '--vault', vaultCopy(), '--id', 'nobody'] },
  { command: 'vault passwd', label: 'a new passphrase', expect: 0, args: () => ['vault', 'passwd', '--vault', vaultCopy()], env: { CONTINUUM_NEW_PASSPHRASE: 'a brand new passphrase' } },
  { command: 'vault passwd', label: 'a wrong passphrase', expect: 1, args: () => ['vault', 'passwd', '--vault', vaultCopy()], env: { ...wrongPassphrase, CONTINUUM_NEW_PASSPHRASE: 'a brand new passphrase' }, says: /wrong passphrase/ },
  { command: 'vault recovery-key', label: 'the key', expect: 0, args: () => ['vault', 'recovery-key', '--vault', vaultCopy()] },
  { command: 'vault recovery-key', label: 'a wrong passphrase', expect: 1, args: () => ['vault', 'recovery-key', '--vault', vaultCopy()], env: wrongPassphrase, says: /wrong passphrase/ },
  { command: 'vault check', label: 'a whole vault', expect: 0, args: () => ['vault', 'check', '--vault', vaultCopy()] },
  { command: 'vault check', label: 'no vault there', expect: 1, args: () => ['vault', 'check', '--vault', join(tempDir(), 'absent.vault')] },
  { command: 'import fhir', label: 'a valid bundle', expect: 0, args: () => ['import', 'fhir', '--vault', vaultCopy(), file('again.json', memoryBundleText())] },
  { command: 'import fhir', label: 'an invalid date', expect: 1, args: () => ['import', 'fhir', '--vault', vaultCopy(), file('bad.json', memoryBundleText().replace(/"birthDate":"[^"]*"/, '"birthDate":"1961-02-30"'))], says: /bad\.json: entry \d+ \(Patient\/pat-1\): birthDate: not a FHIR date/ },
  { command: 'export fhir', label: 'the patient', expect: 0, args: () => ['export', 'fhir', '--vault', vaultCopy(), '--patient', PATIENT, '--out', join(tempDir(), 'out.json')] },
  { command: 'export fhir', label: 'an unknown patient', expect: 1, args: () => ['export', 'fhir', '--vault', vaultCopy(), '--patient', 'nobody', '--out', join(tempDir(), 'out.json')] },
  { command: 'patients', label: 'the list', expect: 0, args: () => ['patients', '--vault', vaultCopy()] },
  { command: 'patients', label: 'a wrong passphrase', expect: 1, args: () => ['patients', '--vault', vaultCopy()], env: wrongPassphrase, says: /wrong passphrase/ },
  { command: 'timeline', label: 'the patient', expect: 0, args: () => ['timeline', '--vault', vaultCopy(), '--patient', PATIENT] },
  { command: 'timeline', label: 'an unknown patient', expect: 1, args: () => ['timeline', '--vault', vaultCopy(), '--patient', 'nobody'] },
  { command: 'checks', label: 'the patient', expect: 0, args: () => ['checks', '--vault', vaultCopy(), '--patient', PATIENT] },
  { command: 'checks', label: 'no --patient', expect: 2, args: () => ['checks', '--vault', vaultCopy()] },
  { command: 'brief', label: 'the patient', expect: 0, args: () => ['brief', '--vault', vaultCopy(), '--patient', PATIENT] },
  { command: 'brief', label: 'an unknown patient', expect: 1, args: () => ['brief', '--vault', vaultCopy(), '--patient', 'nobody'] },
  { command: 'documents', label: 'the patient', expect: 0, args: () => ['documents', '--vault', vaultCopy(), '--patient', PATIENT] },
  { command: 'documents', label: 'an unknown patient', expect: 1, args: () => ['documents', '--vault', vaultCopy(), '--patient', 'nobody'], says: /no patient nobody/ },
  { command: 'ocr date-order', label: 'the order in use', expect: 0, args: () => ['ocr', 'date-order', '--vault', vaultCopy()] },
  { command: 'ocr date-order', label: 'an order that is not one', expect: 1, args: () => ['ocr', 'date-order', '--vault', vaultCopy(), '--set', 'year-first'], says: /month-first or day-first/ },
  // A success needs a running browser host, which this table does not start (test/unit/host covers it).
  { command: 'link', label: 'no host running', expect: 1, args: () => ['link', '--vault', vaultCopy()], says: /no Continuum browser host is running/ },
  { command: 'verify', label: 'claims about the patient', expect: 0, args: () => ['verify', '--vault', vaultCopy(), '--patient', PATIENT, '--claims', claims()] },
  { command: 'verify', label: 'a line that is not a claim', expect: 1, args: () => ['verify', '--vault', vaultCopy(), '--patient', PATIENT, '--claims', file('bad.jsonl', '{"text": "HbA1c 7.94 %"}\n')], says: /bad\.jsonl:1: citations/ },
  { command: 'verify', label: 'an unknown patient', expect: 1, args: () => ['verify', '--vault', vaultCopy(), '--patient', 'nobody', '--claims', claims()] },
  { command: 'session', label: 'no model: the brief only, as documented', expect: 0, args: () => ['session', '--vault', vaultCopy(), '--patient', PATIENT, '--script', script(), '--trajectory', join(tempDir(), 't.jsonl')], env: { CONTINUUM_MODEL: '' } },
  { command: 'session', label: 'the model fails mid-session', expect: 1, args: () => ['session', '--vault', vaultCopy(), '--patient', PATIENT, '--script', script(), '--trajectory', join(tempDir(), 't.jsonl'), '--model', join(models, 'cramped')], says: /ended early: the model failed: .*context/ },
  { command: 'replay', label: 'the same model', expect: 0, args: () => ['replay', '--trajectory', recorded, '--model', join(models, 'tiny')] },
  { command: 'replay', label: 'the model fails', expect: 1, args: () => ['replay', '--trajectory', recorded, '--model', join(models, 'cramped')], says: /the replay stopped: the model failed: .*context/ },
  { command: 'agentclinic', label: 'one case', expect: 0, args: () => ['agentclinic', '--vault', vaultCopy(), '--scripts', join(tempDir(), 'scripts'), join(__dirname, '../fixtures/agentclinic/one-case.jsonl')] },
  { command: 'agentclinic', label: 'no such file', expect: 1, args: () => ['agentclinic', '--vault', vaultCopy(), '--scripts', join(tempDir(), 'scripts'), join(tempDir(), 'absent.jsonl')] },
  { command: 'evidence import', label: 'a guideline', expect: 0, args: () => ['evidence', 'import', '--vault', vaultCopy(), '--title', 'Zephyr', '--issuer', 'Clinic', '--published', '2024-05', '--licence', 'CC0-1.0', '--tier', 'guideline', evidenceDoc()] },
  { command: 'evidence import', label: 'a wrong tier', expect: 2, args: () => ['evidence', 'import', '--vault', vaultCopy(), '--title', 'Zephyr', '--issuer', 'Clinic', '--published', '2024-05', '--licence', 'CC0-1.0', '--tier', 'gospel', evidenceDoc()] },
  { command: 'evidence search', label: 'words', expect: 0, args: () => ['evidence', 'search', '--vault', vaultCopy(), 'treatment'] },
  { command: 'evidence search', label: 'a limit that is no number', expect: 2, args: () => ['evidence', 'search', '--vault', vaultCopy(), '--limit', 'many', 'treatment'] },
  { command: 'evidence list', label: 'the library', expect: 0, args: () => ['evidence', 'list', '--vault', vaultCopy()] },
  { command: 'evidence list', label: 'a wrong passphrase', expect: 1, args: () => ['evidence', 'list', '--vault', vaultCopy()], env: wrongPassphrase, says: /wrong passphrase/ },
  { command: 'ocr', label: 'a PDF with a text layer', expect: 0, args: () => ['ocr', '--vault', vaultCopy(), '--patient', PATIENT, pdf()] },
  { command: 'ocr', label: 'no such document', expect: 1, args: () => ['ocr', '--vault', vaultCopy(), '--patient', PATIENT, join(tempDir(), 'absent.pdf')] },
  { command: 'audit verify', label: 'a whole chain', expect: 0, args: () => ['audit', 'verify', '--vault', vaultCopy()] },
  { command: 'audit verify', label: 'a wrong passphrase', expect: 1, args: () => ['audit', 'verify', '--vault', vaultCopy()], env: wrongPassphrase, says: /wrong passphrase/ },
  { command: 'backup', label: 'to a new file', expect: 0, args: () => ['backup', '--vault', vaultCopy(), '--to', join(tempDir(), 'backup.vault')] },
  { command: 'backup', label: 'into a folder that does not exist', expect: 1, args: () => ['backup', '--vault', vaultCopy(), '--to', join(tempDir(), 'absent', 'backup.vault')] },
  { command: 'restore', label: 'a backup', expect: 0, args: () => ['restore', '--from', vaultCopy(), '--vault', join(tempDir(), 'restored.vault')] },
  { command: 'restore', label: 'no such backup', expect: 1, args: () => ['restore', '--from', join(tempDir(), 'absent.vault'), '--vault', join(tempDir(), 'restored.vault')] },
  { command: 'dicom import', label: 'already there (nothing lost)', expect: 0, args: () => ['dicom', 'import', '--vault', vaultCopy(), '--patient', PATIENT, file('chest.dcm', realDicom('nih_chest_dx.dcm'))] },
  { command: 'dicom import', label: 'nothing imported: not DICOM', expect: 1, args: () => ['dicom', 'import', '--vault', vaultCopy(), '--patient', PATIENT, file('notes.txt', 'not an image, a note of some length')], says: /nothing imported/ },
  { command: 'dicom pull', label: 'a PACS with no studies', expect: 0, args: () => ['dicom', 'pull', '--vault', vaultCopy(), '--url', pacsUrl, '--patient', PATIENT] },
  { command: 'dicom pull', label: 'no PACS at the address', expect: 1, args: () => ['dicom', 'pull', '--vault', vaultCopy(), '--url', 'http://127.0.0.1:9/dicom-web', '--patient', PATIENT, '--timeout', '5'] },
  { command: 'imaging analyze', label: 'the chest X-ray', expect: 0, args: () => ['imaging', 'analyze', '--vault', vaultCopy(), '--instance', instanceId(), '--models', imageModels] },
  { command: 'imaging analyze', label: 'an unknown instance', expect: 1, args: () => ['imaging', 'analyze', '--vault', vaultCopy(), '--instance', 'nothing', '--models', imageModels] },
  { command: 'imaging model-files', label: 'an image model', expect: 0, args: () => ['imaging', 'model-files', '--model', join(imageModels, 'test-xray')] },
  { command: 'imaging model-files', label: 'no such folder', expect: 1, args: () => ['imaging', 'model-files', '--model', join(tempDir(), 'absent')] },
  { command: 'imaging models', label: 'the list', expect: 0, args: () => ['imaging', 'models', '--models', imageModels] },
  { command: 'imaging models', label: '--models without a folder', expect: 2, args: () => ['imaging', 'models', '--models'] },
  { command: 'model list', label: 'the list', expect: 0, args: () => ['model', 'list', '--models', models] },
  { command: 'model list', label: '--models without a folder', expect: 2, args: () => ['model', 'list', '--models'] },
  { command: 'model add', label: 'a recorded model, again', expect: 0, args: () => ['model', 'add', '--model', join(models, 'tiny'), '--again'] },
  { command: 'model add', label: 'no such folder', expect: 1, args: () => ['model', 'add', '--model', join(tempDir(), 'absent')] },
  { command: 'model catalogue', label: 'the list', expect: 0, args: () => ['model', 'catalogue', '--models', models], env: hubEnv },
  { command: 'model catalogue', label: 'a catalogue that is not JSON', expect: 1, args: () => ['model', 'catalogue', '--models', models], env: { CONTINUUM_MODEL_CATALOGUE: file('catalogue.json', '{') }, says: /cannot be read as JSON/ },
  { command: 'model download', label: 'a catalogue model from the hub', expect: 0, args: () => ['model', 'download', '--models', join(tempDir(), 'models'), STORIES_ID], env: hubEnv },
  { command: 'model download', label: 'an id not in the catalogue', expect: 1, args: () => ['model', 'download', '--models', join(tempDir(), 'models'), 'no-such-model'], env: hubEnv, says: /not in the model catalogue/ },
  { command: 'model run', label: 'a prompt', expect: 0, args: () => ['model', 'run', '--model', join(models, 'tiny'), '--prompt', 'Hello', '--max-tokens', '4'] },
  { command: 'model run', label: 'a prompt beyond the context', expect: 1, args: () => ['model', 'run', '--model', join(models, 'cramped'), '--prompt', 'Hello '.repeat(40), '--max-tokens', '4'], says: /context/ },
  { command: 'photos import', label: 'a photo', expect: 0, args: () => ['photos', 'import', '--vault', vaultCopy(), '--patient', PATIENT, '--site', 'left forearm', '--date', '2024-01-10', photo!] },
  { command: 'photos import', label: 'nothing imported: not a photo', expect: 1, args: () => ['photos', 'import', '--vault', vaultCopy(), '--patient', PATIENT, '--site', 'left forearm', file('notes.txt', 'not a photo')], says: /nothing imported/ },
  { command: 'photos export-dicom', label: 'an unknown lesion', expect: 1, args: () => ['photos', 'export-dicom', '--vault', vaultCopy(), '--patient', PATIENT, '--lesion', 'nothing', '--to', tempDir()] },
  { command: 'photos export-dicom', label: 'no --to', expect: 2, args: () => ['photos', 'export-dicom', '--vault', vaultCopy(), '--patient', PATIENT, '--lesion', 'nothing'] },
  { command: 'photos lesion', label: 'a new lesion', expect: 0, args: () => ['photos', 'lesion', '--vault', vaultCopy(), '--patient', PATIENT, '--name', 'Naevus A', '--site', 'left forearm'] },
  { command: 'photos lesion', label: '--name without --site', expect: 1, args: () => ['photos', 'lesion', '--vault', vaultCopy(), '--patient', PATIENT, '--name', 'Naevus A'] },
];

let chestInstance: string | null = null;
function instanceId(): string {
  if (!chestInstance) throw new Error('no DICOM instance in the fixture vault');
  return chestInstance;
}

/** The stderr lines a run's status allows: none but progress for 0, one for 1, the reason and the usage line for 2. */
function stderrProblem(run: CliRun, expected: number, says?: RegExp): string | null {
  const lines = run.err.split('\n').filter((l) => l !== '');
  if (expected === 0) return lines.some((l) => l.startsWith('continuum')) ? `an error line on success: ${lines[0]}` : null;
  if (expected === 1) {
    if (lines.length !== 1) return `${lines.length} stderr lines, not one: ${lines.slice(0, 3).join(' | ')}`;
    if (!lines[0]!.startsWith('continuum: ')) return `the line does not start "continuum: ": ${lines[0]}`;
    return says && !says.test(lines[0]!) ? `the line does not say ${says}: ${lines[0]}` : null;
  }
  if (lines.length !== 2 || !lines[1]!.startsWith('usage: continuum ')) return `not the reason and the usage line: ${lines.join(' | ')}`;
  return null;
}

const skipped = (c: Case) => (!haveRealDicom() && (c.command.startsWith('dicom import') || c.command === 'imaging analyze')) || (c.command === 'photos import' && c.expect === 0 && photo === null);

describe('continuum exit codes: every subcommand, a success and a failure, with and without --json', () => {
  it('covers every subcommand with a success (or documented no-op) and a failure', () => {
    const names = commands.map((c) => c.name).sort();
    expect([...new Set(CASES.map((c) => c.command))].sort()).toEqual(names);
    for (const name of names) expect(CASES.some((c) => c.command === name && c.expect !== 0), `${name}: no failure case`).toBe(true);
  });

  it.each(CASES.map((c) => [`${c.command}: ${c.label} -> ${c.expect}`, c] as const))('%s', { timeout: 120_000 }, async (_title, c) => {
    if (skipped(c)) return;
    if (c.command === 'imaging analyze' && !chestInstance) {
      const listed = await runCli(['dicom', 'import', '--vault', baseVault, '--patient', PATIENT, '--json', join(dir, 'chest.dcm')]);
      chestInstance = (JSON.parse(listed.out) as { outcomes: Array<{ instanceId: string | null }> }).outcomes[0]?.instanceId ?? null;
    }
    const takesJson = commands.find((k) => k.name === c.command)!.options.json !== undefined;
    for (const json of takesJson ? [false, true] : [false]) {
      const args = c.args();
      const run = await runCli(json ? [...args, '--json'] : args, c.env);
      const problem = run.code !== c.expect ? `exit ${run.code}, not ${c.expect} (stderr: ${run.err.trim().split('\n')[0]})` : stderrProblem(run, c.expect, c.says);
      results.push({ command: c.command, label: c.label, json, expected: c.expect, status: run.code, stderrLines: run.err.split('\n').filter((l) => l !== '').length, ok: problem === null });
      expect(problem, `${c.command} (${c.label})${json ? ' --json' : ''}`).toBeNull();
      if (json && c.expect === 0) expect(() => JSON.parse(run.out), `${c.command} --json prints JSON`).not.toThrow();
    }
  });

  it('a session and its replay fail on the same model error with the same words', async () => {
    const session = await runCli(['session', '--vault', vaultCopy(), '--patient', PATIENT, '--script', script(), '--trajectory', join(tempDir(), 't.jsonl'), '--model', join(models, 'cramped')]);
    const replay = await runCli(['replay', '--trajectory', recorded, '--model', join(models, 'cramped')]);
    // Both name the model's failure the same way, each with the model's own reason (the session's prompt is cut to
    // the context before it is sent; the replay sends the recorded request as it was), on one line.
    for (const run of [session, replay]) {
      expect(run.code).toBe(1);
      expect(run.err.trim().split('\n')).toHaveLength(1);
      expect(run.err).toMatch(/the model failed: .*context/);
    }
  });
});
