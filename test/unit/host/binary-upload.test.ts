import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../electron/api/contract';
import { UPLOAD_CONTENT_TYPE } from '../../../electron/api/upload';
import type { CoreClient } from '../../../electron/core/core-client';
import { startBrowserHost, type BrowserHost } from '../../../electron/host/browser/server';
import { bridgeTransport, createClient, fetchTransport } from '../../../renderer/api/client';
import type { HostSession } from '../../../renderer/api/host-session';
import { HostWindow } from '../../helpers/host-client';

/**
 * An upload travels as bytes, never as base64 inside JSON: on the browser host
 * the body is a small JSON header and then the file, as the page's client
 * sends it; over Electron's IPC the params carry a Uint8Array. Either way the
 * core is handed the same bytes, checked by the contract.
 */
const MiB = 1024 * 1024;
// A few MB of bytes that are not text: base64 of them would be a third longer and only [A-Za-z0-9+/=].
const file = new Uint8Array(3 * MiB + 17).map((_, i) => (i * 2654435761) >>> 24);
const meta = { fileName: 'guideline.pdf', title: 'A guideline', issuer: 'A society', published: '2024', licence: 'CC BY 4.0', tier: 'guideline' as const };

/** What the core received, after the contract's own check of the params. */
const received: Array<{ method: string; params: Record<string, unknown> }> = [];
const core: CoreClient = {
  async invoke(method, params) {
    if (method === 'vault.unlock') return { ok: true, value: { state: 'unlocked' } } as never;
    const parsed = contract[method as 'evidence.import'].params.safeParse(params);
    if (!parsed.success) return { ok: false, error: { code: 'invalid-request', message: parsed.error.issues[0]!.message } };
    received.push({ method, params: parsed.data as Record<string, unknown> });
    return { ok: true, value: { sourceId: 1, chunks: 2, alreadyImported: false } } as never;
  },
  invokeBinary: () => Promise.reject(new Error('not used')),
  close: () => Promise.resolve(),
};

let host: BrowserHost;
let win: HostWindow;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-upload-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  host = await startBrowserHost({ core, staticDir: dir, spoolDir: dir });
  win = await HostWindow.open(host.port, host.url);
  await win.signIn('dr.ada', 'irrelevant');
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an upload of a few MB', () => {
  it('goes to the browser host as the file itself after a small JSON header, and reaches the core as the same bytes', async () => {
    const sent: Array<{ type: string; body: Uint8Array }> = [];
    // The page's own client, its requests recorded on the way out (with the Origin a browser adds).
    const fetchFn: typeof fetch = async (url, init) => {
      const body = new Uint8Array(await (init!.body as Blob).arrayBuffer());
      sent.push({ type: String((init!.headers as Record<string, string>)['content-type']), body });
      return fetch(url, { ...init, body, headers: { ...(init!.headers as Record<string, string>), origin: win.origin } });
    };
    const session = { ready: async () => undefined, header: () => ({ 'continuum-session': win.secret }), take: () => undefined, lost: () => undefined, problemMessage: '' };
    const client = createClient(fetchTransport(fetchFn, `http://127.0.0.1:${host.port}`, session as unknown as HostSession));
    received.length = 0;

    expect(await client.upload('evidence.import', meta, new Blob([file]))).toEqual({ sourceId: 1, chunks: 2, alreadyImported: false });

    const [request] = sent;
    expect(request!.type).toBe(UPLOAD_CONTENT_TYPE);
    // The file, once, plus a header of a few hundred bytes: no base64 (it would be 4/3 of the file), no JSON around it.
    expect(request!.body.byteLength).toBeGreaterThanOrEqual(file.byteLength);
    expect(request!.body.byteLength).toBeLessThan(file.byteLength + 1024);
    expect(Buffer.from(request!.body.subarray(request!.body.byteLength - file.byteLength)).equals(Buffer.from(file))).toBe(true);
    expect(Buffer.from(request!.body).includes(Buffer.from(Buffer.from(file.subarray(0, 3000)).toString('base64')))).toBe(false);
    expect(received).toHaveLength(1);
    const bytes = received[0]!.params['bytes'];
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes as Uint8Array).equals(Buffer.from(file))).toBe(true);
    expect(received[0]!.params).toMatchObject(meta);
  });

  it('goes over the Electron bridge as a Uint8Array in the params (structured-cloned as binary), never a string', async () => {
    const invoked: Array<{ method: string; params: Record<string, unknown> }> = [];
    const bridge = { invoke: async (method: string, params: unknown) => (invoked.push({ method, params: params as Record<string, unknown> }), core.invoke(method, params)) };
    const client = createClient(bridgeTransport(bridge));
    received.length = 0;
    await client.upload('evidence.import', meta, new Blob([file]));
    const params = invoked[0]!.params;
    expect(params['bytes']).toBeInstanceOf(Uint8Array);
    expect((params['bytes'] as Uint8Array).byteLength).toBe(file.byteLength);
    expect(Object.values(params).some((v) => typeof v === 'string' && v.length > 1024)).toBe(false);
    expect(received).toHaveLength(1);
  });

  it('keeps the limits and says them plainly: a file over the method\'s limit is refused before it is sent', async () => {
    const bridge = { invoke: () => Promise.reject(new Error('must not be sent')) };
    const client = createClient(bridgeTransport(bridge));
    const big = { size: 53 * MiB, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    await expect(client.upload('evidence.import', meta, big)).rejects.toThrow('The file is too large to send to Continuum (at most 52.5 MB).');
  });

  it('refuses JSON for a byte upload, and bytes for a plain call, with 415', async () => {
    expect((await win.post('evidence.import', { ...meta, base64: Buffer.from(file.subarray(0, 100)).toString('base64') })).status).toBe(415);
    expect((await win.post('patients.list', '{}', { 'content-type': UPLOAD_CONTENT_TYPE })).status).toBe(415);
  });
});
