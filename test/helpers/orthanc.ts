import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Orthanc PACS (Debian's orthanc and orthanc-dicomweb packages) for
 * the DICOMweb tests and bench: started on 127.0.0.1 with free ports, basic
 * authentication on, remote access refused, a temporary storage folder and
 * the DICOMweb plugin; stopped with SIGTERM, then SIGKILL. Its own system
 * service is never used. No vitest here: the bench uses it too.
 */
export const ORTHANC_BIN = '/usr/sbin/Orthanc';
export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';

/** Why the Orthanc tests cannot run here, or null. */
export function orthancSkipReason(): string | null {
  if (!existsSync(ORTHANC_BIN)) return `${ORTHANC_BIN} is not installed (apt-get install orthanc orthanc-dicomweb; CI does)`;
  if (!existsSync(DICOMWEB_PLUGIN)) return `${DICOMWEB_PLUGIN} is not installed (apt-get install orthanc-dicomweb; CI does)`;
  return null;
}

export interface RunningOrthanc {
  /** http://127.0.0.1:PORT (the REST API). */
  readonly url: string;
  /** The DICOMweb root (QIDO-RS, WADO-RS). */
  readonly dicomWebUrl: string;
  readonly user: string;
  readonly password: string;
  readonly pid: number;
  /** POST /instances: stores a DICOM file, answers Orthanc's id for it. */
  upload(bytes: Uint8Array): Promise<string>;
  /**
   * n new instances of the same study and series as `orthancId`, made by
   * Orthanc itself (/instances/ID/modify gives each a new SOP Instance UID),
   * numbered from `firstNumber`; answers their Orthanc ids.
   */
  copies(orthancId: string, n: number, firstNumber: number): Promise<string[]>;
  /** GET with the credentials (for baselines and checks). */
  get(path: string): Promise<Response>;
  /** SIGTERM, then SIGKILL after 5 s; removes the storage folder. Safe to call twice. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export async function startOrthanc(): Promise<RunningOrthanc> {
  const skip = orthancSkipReason();
  if (skip) throw new Error(skip);
  // A free port can be taken by someone else before Orthanc binds it: a few tries.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOnce(): Promise<RunningOrthanc> {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-orthanc-'));
  const [httpPort, dicomPort] = [await freePort(), await freePort()];
  const user = 'continuum-test';
  const password = randomBytes(12).toString('hex');
  const config = {
    Name: 'ContinuumTestPACS',
    StorageDirectory: join(dir, 'storage'),
    IndexDirectory: join(dir, 'storage'),
    TemporaryDirectory: join(dir, 'tmp'),
    HttpPort: httpPort,
    DicomPort: dicomPort,
    // Orthanc 1.10 has no bind address: its HTTP port is open on every interface, but it
    // answers loopback only. The DICOM listener is not needed at all, so it stays off.
    DicomServerEnabled: false,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: true,
    RegisteredUsers: { [user]: password },
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: false },
    OrthancExplorerEnabled: false,
    WebDavEnabled: false,
    HttpCompressionEnabled: false,
    StableAge: 1,
    ConcurrentJobs: 1,
    HttpThreadsCount: 8,
  };
  const configFile = join(dir, 'orthanc.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const child = spawn(ORTHANC_BIN, [configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Kept for a failure message only; Orthanc logs no patient data at its default level.
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${httpPort}`;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const get = (path: string) => fetch(`${url}${path}`, { headers: { authorization } });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await terminate(child, exited);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilAnswering(get, exited, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  const running: RunningOrthanc = {
    url,
    dicomWebUrl: `${url}/dicom-web`,
    user,
    password,
    pid: child.pid!,
    get,
    stop,
    async upload(bytes) {
      const answer = await fetch(`${url}/instances`, { method: 'POST', headers: { authorization, 'content-type': 'application/dicom' }, body: Buffer.from(bytes) });
      const body = (await answer.json()) as { ID?: string; Status?: string };
      if (!answer.ok || !body.ID) throw new Error(`Orthanc refused the upload (HTTP ${answer.status}, ${body.Status ?? 'no status'})`);
      return body.ID;
    },
    async copies(orthancId, n, firstNumber) {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const modified = await fetch(`${url}/instances/${orthancId}/modify`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ Replace: { InstanceNumber: String(firstNumber + i) } }),
        });
        if (!modified.ok) throw new Error(`Orthanc could not copy instance ${orthancId} (HTTP ${modified.status})`);
        ids.push(await running.upload(new Uint8Array(await modified.arrayBuffer())));
      }
      return ids;
    },
  };
  return running;
}

async function waitUntilAnswering(get: (path: string) => Promise<Response>, exited: Promise<number | null>, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error(`Orthanc exited while starting:\n${log()}`);
    try {
      const answer = await get('/system');
      await answer.arrayBuffer();
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Orthanc did not answer within ${START_TIMEOUT_MS / 1000} s:\n${log()}`);
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
