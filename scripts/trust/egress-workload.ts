/**
 * The no-egress and no-leak workload: what a clinic's day touches, run in a
 * child process under scripts/trust/egress-guard.cjs with its output kept
 * by the parent test: the browser host and its API over loopback (unlock,
 * FHIR import, chart, brief, checks, timeline, evidence), a follow-up
 * session with the local model (its worker thread), OCR of a scanned lab
 * report (tesseract's worker threads) and a backup. Prints one JSON line:
 * the steps that ran, and the names and identifiers it imported, for the
 * parent to look for in the logs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chatModelFromClient, runSession, sessionScript, Trajectory } from '../../electron/agent/harness';
import { startCoreWorker } from '../../electron/core/worker-core';
import { importEvidence } from '../../electron/evidence';
import { startBrowserHost } from '../../electron/host/browser/server';
import { startModelWorker } from '../../electron/model';
import { extract, OcrPool, recognizeDocument } from '../../electron/ocr';
import { backupVault } from '../../electron/store/backup';
import { Vault } from '../../electron/store/vault';
import { labReport } from '../ocr/documents';
import { generateModelFolder } from '../models/model-folder';
import { HostWindow } from '../../test/helpers/host-client';
import { memoryBundleText, PATIENT } from '../../test/unit/agent/memory-fixture-data';

const PASSPHRASE = 'egress workload passphrase';
const SCRYPT = { N: 2 ** 12, r: 8, p: 1 };
const steps: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'continuum-egress-'));
const vaultFile = join(dir, 'clinic.vault');

async function main(): Promise<void> {
  const staticDir = mkdtempSync(join(tmpdir(), 'continuum-egress-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Continuum</title>');
  const core = startCoreWorker({ vaultFile, scrypt: SCRYPT });
  const host = await startBrowserHost({ core, staticDir, port: 0 });
  const window = await HostWindow.open(host.port, host.url);
  const api = async (method: string, params: unknown) => {
    const value = await window.value(method, params);
    steps.push(method);
    return value;
  };
  await api('vault.create', { clinicianId: 'dr.egress', displayName: 'Dr Egress', passphrase: PASSPHRASE });
  await api('import.fhirBundle', { fileName: 'patient.json', content: memoryBundleText() });
  await api('patients.list', {});
  await api('chart.open', { patientId: PATIENT });
  await api('brief.get', { patientId: PATIENT });
  await api('checks.get', { patientId: PATIENT });
  await api('timeline.events', { patientId: PATIENT });
  await api('evidence.search', { query: 'metformin' });
  await api('vault.lock', {});
  await host.close();
  await core.close();

  const vault = Vault.open(vaultFile, { passphrase: PASSPHRASE }, { scrypt: SCRYPT });
  try {
    await importEvidence(vault, 'guide.md', new TextEncoder().encode('# Guide\n\nMetformin is first line.\n'), { title: 'Guide', issuer: 'Test', published: '2026', licence: 'test', tier: 'guideline' });
    steps.push('evidence.import');

    const modelDir = mkdtempSync(join(tmpdir(), 'continuum-egress-model-'));
    await generateModelFolder({ size: 'tiny', precision: 'fp32', seed: 5, out: modelDir });
    const client = await startModelWorker(modelDir);
    try {
      const script = sessionScript.parse({ turns: [{ from: 'patient', text: 'My sugars are high.' }], budgets: { maxSteps: 3, maxTokens: 600, maxSeconds: 120 } });
      await runSession({ vault, patientId: PATIENT, script, model: chatModelFromClient(client as never), trajectory: new Trajectory() });
      steps.push('session.with-model');
    } finally {
      await client.close();
    }

    const pool = new OcrPool(1);
    try {
      const pages = await recognizeDocument(pool, labReport(3).png, 'scan.png');
      extract(pages);
      steps.push('ocr');
    } finally {
      await pool.close();
    }
    backupVault(vault, join(dir, 'backup.vault'));
    steps.push('backup');
  } finally {
    vault.close();
  }
  const fixture = JSON.parse(memoryBundleText()) as { entry: Array<{ resource: Record<string, unknown> }> };
  const patient = fixture.entry[0]!.resource as { name: Array<{ family: string; given: string[] }>; birthDate: string };
  process.stdout.write(`${JSON.stringify({ steps, sensitive: [patient.name[0]!.family, ...patient.name[0]!.given, patient.birthDate, PASSPHRASE] })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`workload failed: ${(error as Error).message}\n`);
  process.exit(1);
});
