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
import { request } from 'node:http';
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
import { memoryBundleText, PATIENT } from '../../test/unit/agent/memory-fixture-data';

const PASSPHRASE = 'egress workload passphrase';
const SCRYPT = { N: 2 ** 12, r: 8, p: 1 };
const steps: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'continuum-egress-'));
const vaultFile = join(dir, 'clinic.vault');

function http(port: number, method: string, path: string, body?: unknown, cookie?: string): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

async function main(): Promise<void> {
  const staticDir = mkdtempSync(join(tmpdir(), 'continuum-egress-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Continuum</title>');
  const core = startCoreWorker({ vaultFile, scrypt: SCRYPT });
  const host = await startBrowserHost({ core, staticDir, port: 0 });
  const login = await http(host.port, 'GET', `/?token=${host.token}`);
  const cookie = String((login.headers['set-cookie'] as string[])[0]).split(';')[0]!;
  const api = async (method: string, params: unknown) => {
    const reply = await http(host.port, 'POST', `/api/${method}`, params, cookie);
    const parsed = JSON.parse(reply.text) as { ok: boolean; error?: { message: string } };
    if (!parsed.ok) throw new Error(`${method}: ${parsed.error?.message}`);
    steps.push(method);
    return parsed;
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
