import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimit, largestBodyLimit, UPLOAD_FIELDS } from '../../electron/api/body-limits';
import { HostWindow, send } from '../helpers/host-client';
import { PASSPHRASE } from '../helpers/temp-vault';
import { NODE_TSX, ROOT, writeTrustResult } from './support';
import { encodeBinaryPrefix } from '../../electron/api/binary-envelope';
import { UPLOAD_CONTENT_TYPE } from '../../electron/api/upload';

/**
 * The browser host's memory under oversized uploads, measured from outside
 * the whole process (the host and its core worker), as `npm start` runs it:
 * with a signed-in window, three parallel 450 MB bodies to a plain call (the
 * reported attack), three parallel bodies just over the largest upload's
 * limit, and three parallel bodies that do not say their length. The
 * kernel's peak resident size (VmHWM, reset before the attack) must stay
 * under 1.5 x the idle size + the largest body any method allows, and the
 * resident size must come back near idle. Three parallel uploads within
 * their limit are measured too, and nothing is left in the spool folder.
 */
const MiB = 1024 * 1024;
const linux = process.platform === 'linux';

let dir: string;
let child: ChildProcess;
let port = 0;
let pid = 0;
let auth: Record<string, string> = {};

function proc(field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return kb * 1024;
}

/** Settled resident size: the lowest of a few readings a moment apart. */
async function settledRss(): Promise<number> {
  let low = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 200));
    low = Math.min(low, proc('VmRSS'));
  }
  return low;
}

/**
 * Sends `total` bytes to /api/METHOD as fast as the host takes them, declaring the length (or not:
 * chunked); answers the status the host gave, or the error that ended the upload.
 */
/** prefix: JSON text the 'A's continue (closed with '"}'), or a binary upload's header (encodeBinaryPrefix), the 'A's being its file. */
function push(method: string, total: number, declare: boolean, prefix: string | Uint8Array = ''): Promise<string> {
  const binary = typeof prefix !== 'string';
  return new Promise((resolve) => {
    let settled = false;
    const done = (what: string) => {
      if (!settled) {
        settled = true;
        resolve(what);
      }
    };
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${method}`,
        headers: {
          host: `127.0.0.1:${port}`,
          origin: `http://127.0.0.1:${port}`,
          'content-type': binary ? UPLOAD_CONTENT_TYPE : 'application/json',
          ...auth,
          ...(declare ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
        },
        agent: false,
      },
      (res) => {
        res.resume();
        done(String(res.statusCode));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? 'error'));
    // prefix, then 'A's, then the closing '"}' when there is a prefix: `total` bytes in all.
    const chunk = Buffer.alloc(MiB, 0x41);
    const head = Buffer.from(prefix);
    const tail = Buffer.from(prefix && !binary ? '"}' : '');
    const middle = total - head.length - tail.length;
    let sent = 0;
    if (head.length > 0) req.write(head);
    const pump = () => {
      while (!settled && sent < middle) {
        const piece = chunk.subarray(0, Math.min(MiB, middle - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!settled) req.end(tail);
    };
    pump();
  });
}

beforeAll(async () => {
  if (!linux) return;
  dir = mkdtempSync(join(tmpdir(), 'continuum-memory-'));
  child = spawn(process.execPath, [...NODE_TSX, join(ROOT, 'scripts/trust/host-child.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`the host exited (${code})`)));
  });
  const started = JSON.parse(line) as { port: number; url: string; pid: number };
  port = started.port;
  pid = started.pid;
  try {
    const win = await HostWindow.open(port, started.url);
    auth = { 'continuum-session': win.secret };
    await win.value('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE });
    auth = { 'continuum-session': win.secret };
  } catch {
    // An older host hands out a cookie on GET /?token= instead: the same attack with its credential.
    const token = started.url.split('token=')[1]!;
    const login = await send(port, { path: `/?token=${token}` });
    auth = { cookie: String((login.headers['set-cookie'] as string[])[0]).split(';')[0]! };
    await send(port, { method: 'POST', path: '/api/vault.create', body: JSON.stringify({ clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE }), headers: { ...auth, origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' } });
  }
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!linux)('browser host memory under oversized uploads (the whole process, from /proc)', () => {
  const figures: Record<string, number | string[]> = {};

  it('stays under 1.5 x idle + the largest allowed body during three parallel oversized uploads of each kind, and comes back', async () => {
    const idle = await settledRss();
    writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current size
    const biggest = Object.keys(UPLOAD_FIELDS).sort((a, b) => bodyLimit(b) - bodyLimit(a))[0]!;
    const statuses: string[] = [];
    for (const round of [
      () => push('patients.list', 450 * 1000 * 1000, true),
      () => push(biggest, bodyLimit(biggest) + MiB, true),
      () => push('import.fhirBundle', 450 * 1000 * 1000, false),
    ]) {
      statuses.push(...(await Promise.all([round(), round(), round()])));
    }
    const peak = proc('VmHWM');
    const after = await settledRss();
    const bound = 1.5 * idle + largestBodyLimit();
    Object.assign(figures, { idleBytes: idle, peakBytes: peak, afterBytes: after, boundBytes: bound, oversizedStatuses: statuses });
    writeTrustResult('host-memory', figures);
    expect(peak).toBeLessThan(bound);
    expect(after).toBeLessThan(idle * 1.25 + 32 * MiB);
    // Refused before they were read (or the connection closed on the sender mid-way).
    expect(statuses.every((s) => ['413', '411', 'EPIPE', 'ECONNRESET'].includes(s)), statuses.join(',')).toBe(true);
  }, 10 * 60_000);

  it('takes three parallel uploads within their limit one at a time, leaves nothing spooled, and comes back', async () => {
    const idle = await settledRss();
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    const size = 48 * MiB;
    // A DICOM import of 48 MiB that is no DICOM, sent as bytes: received, unpacked, refused by the core with a clear message.
    const upload = () => push('imaging.import', size, true, encodeBinaryPrefix({ fileName: 'scan.dcm' }));
    const statuses = await Promise.all([upload(), upload(), upload()]);
    const peak = proc('VmHWM');
    const after = await settledRss();
    Object.assign(figures, { allowedUploadBytes: size, allowedIdleBytes: idle, allowedPeakBytes: peak, allowedAfterBytes: after });
    expect(statuses).toEqual(['200', '200', '200']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.continuum-upload-'))).toEqual([]);
    expect(after).toBeLessThan(idle * 1.25 + 64 * MiB);
    writeTrustResult('host-memory', figures);
  }, 10 * 60_000);
});
