import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_TSX, ROOT, writeTrustResult } from './support';

/**
 * Patient data never leaves the machine and never reaches a log. A child
 * process runs a clinic's day (browser host and API on loopback, import,
 * chart, brief, checks, evidence, a session with the local model, OCR, a
 * backup) under a guard that refuses and records every connection and DNS
 * lookup beyond loopback, in the main thread and every worker. Then its
 * whole output (stdout and stderr: every log line) is searched for the
 * names, birth date and passphrase it used.
 */
describe('no egress, no leaks', () => {
  it('a full workload makes no outbound connection and logs no patient data', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'continuum-egress-log-')), 'egress.jsonl');
    const run = spawnSync(process.execPath, ['--require', join(ROOT, 'scripts/trust/egress-guard.cjs'), ...NODE_TSX, join(ROOT, 'scripts/trust/egress-workload.ts')], {
      cwd: ROOT,
      env: { ...process.env, CONTINUUM_EGRESS_LOG: log },
      encoding: 'utf8',
      timeout: 240_000,
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { steps: string[]; sensitive: string[] };
    expect(result.steps).toEqual(
      expect.arrayContaining(['vault.create', 'import.fhirBundle', 'chart.open', 'brief.get', 'checks.get', 'evidence.search', 'session.with-model', 'ocr', 'backup']),
    );

    const attempts = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
    // The result line itself lists the sensitive values; every other line is a log line.
    const logLines = output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{"steps"'));
    const leaks = logLines.filter((line) => result.sensitive.some((value) => line.includes(value)));
    writeTrustResult('egress', { outbound: attempts.length, attempts, steps: result.steps, logLines: logLines.length, leaks: leaks.length });
    expect(attempts).toEqual([]);
    expect(leaks).toEqual([]);
  }, 300_000);

  it('the guard sees attempts from the main thread and from workers, and lets loopback through', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'continuum-egress-log-')), 'egress.jsonl');
    const probe = `
      const net = require('node:net'); const dns = require('node:dns'); const { Worker } = require('node:worker_threads');
      const tries = [() => net.connect(443, '10.1.2.3'), () => dns.lookup('example.org', () => {}), () => fetch('https://example.org/')];
      for (const t of tries) { try { t(); } catch {} }
      const server = net.createServer((s) => s.end()).listen(0, '127.0.0.1', () => {
        net.connect(server.address().port, '127.0.0.1').on('close', () => {
          server.close();
          new Worker("try { require('node:https').get('https://example.org/') } catch {}", { eval: true }).on('exit', () => {});
        });
      });`;
    const run = spawnSync(process.execPath, ['--require', join(ROOT, 'scripts/trust/egress-guard.cjs'), '-e', probe], {
      env: { ...process.env, CONTINUUM_EGRESS_LOG: log },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const attempts = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; thread: string });
    expect(attempts.map((a) => a.kind)).toEqual(['net.connect', 'dns.lookup', 'fetch', 'node:https.get']);
    expect(attempts.at(-1)?.thread).toBe('worker');
  });
});
