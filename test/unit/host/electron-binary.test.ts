import type * as NodeFs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL } from '../../../electron/host/security';

/**
 * Electron's transport for binary methods: main.ts relays 'imaging.framePixels'
 * on the same IPC channel, from our main frame only, to the core's
 * invokeBinary, and hands back { header, bytes } as they are for IPC to
 * structured-clone (no base64). Electron is not installed here: main.ts runs
 * against a recording stand-in, as in electron-security.test.ts.
 */
const INDEX_URL = APP_INDEX_URL;

type Listener = (...args: unknown[]) => unknown;

const recorded = vi.hoisted(() => ({
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  invokes: [] as unknown[][],
  binaryInvokes: [] as unknown[][],
  windows: 0,
}));

const PIXELS = new Uint8Array([1, 2, 3, 4]);

vi.mock('electron', async () =>
  (await import('./electron-stand-in')).electronStandIn(recorded, {
    ipcMain: { handle: (channel: string, h: Listener) => recorded.ipcHandlers.set(channel, h) },
  }),
);

vi.mock('../../../electron/core/worker-core', () => ({
  startCoreWorker: () => ({
    invoke: (...args: unknown[]) => {
      recorded.invokes.push(args);
      return Promise.resolve({ ok: true, value: { state: 'locked' } });
    },
    invokeBinary: (...args: unknown[]) => {
      recorded.binaryInvokes.push(args);
      return Promise.resolve({ ok: true, value: { header: { rows: 2 }, bytes: PIXELS } });
    },
    close: () => Promise.resolve(),
  }),
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  return { ...fs, existsSync: (path: string) => (String(path).endsWith('index.html') ? true : fs.existsSync(path)) };
});

describe('the Electron main process relays binary methods (main.ts, against a stand-in for Electron)', () => {
  let vaultDir: string;

  beforeAll(async () => {
    vaultDir = mkdtempSync(join(tmpdir(), 'continuum-electron-binary-'));
    process.env['CONTINUUM_VAULT'] = join(vaultDir, 'clinic.vault');
    await import('../../../electron/host/electron/main');
    await vi.waitFor(() => expect(recorded.windows).toBe(1));
  });

  afterAll(() => {
    delete process.env['CONTINUUM_VAULT'];
    rmSync(vaultDir, { recursive: true, force: true });
  });

  it('sends imaging.framePixels to invokeBinary and answers header and bytes as they are', async () => {
    const handler = recorded.ipcHandlers.get('continuum:invoke')!;
    const mainFrame = { url: INDEX_URL };
    const ours = { senderFrame: mainFrame, sender: { mainFrame } };
    const answer = (await handler(ours, 'imaging.framePixels', { instanceId: 'i-1' })) as { ok: boolean; value: { bytes: Uint8Array } };
    expect(answer).toEqual({ ok: true, value: { header: { rows: 2 }, bytes: PIXELS } });
    expect(answer.value.bytes).toBe(PIXELS);
    expect(recorded.binaryInvokes).toEqual([['imaging.framePixels', { instanceId: 'i-1' }]]);
    // JSON methods still go to invoke.
    await handler(ours, 'vault.status', {});
    expect(recorded.invokes).toEqual([['vault.status', {}]]);
  });

  it('refuses a binary method from a sub-frame or a foreign page before the core sees it', async () => {
    const handler = recorded.ipcHandlers.get('continuum:invoke')!;
    const subFrame = { senderFrame: { url: INDEX_URL }, sender: { mainFrame: { url: INDEX_URL } } };
    const foreign = { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: { url: 'https://evil.example/' } } };
    for (const event of [subFrame, foreign]) {
      expect(await handler(event, 'imaging.framePixels', { instanceId: 'i-1' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(recorded.binaryInvokes).toHaveLength(1);
  });
});
