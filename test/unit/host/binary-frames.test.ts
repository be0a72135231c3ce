import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINARY_CONTENT_TYPE, decodeBinaryBody } from '../../../electron/api/binary-envelope';
import { framePixelsHeader } from '../../../electron/api/imaging-schemas';
import type { CoreClient } from '../../../electron/core/core-client';
import { createInProcessCore } from '../../../electron/core/in-process-core';
import { CONTENT_SECURITY_POLICY, startBrowserHost, type BrowserHost } from '../../../electron/host/browser/server';
import { decodeFrame } from '../../../electron/imaging/decode';
import { haveRealDicom, realDicom } from '../../fixtures/imaging/dicom-files';
import { HostWindow, send, type Reply } from '../../helpers/host-client';
import { PASSPHRASE, TEST_SCRYPT } from '../../helpers/temp-vault';
import { memoryBundleText } from '../agent/memory-fixture';

/**
 * The binary method 'imaging.framePixels' on the browser host: the same POST
 * /api/METHOD behind the same window secret, Host, Origin and content-type
 * checks as every other call; a refused request gets no pixels; an answer is
 * one binary body (binary-envelope.ts) whose bytes are the core's decode,
 * with a preview in front when the viewer's canvas asked for one.
 */

let dir: string;
let core: CoreClient;
let host: BrowserHost;
let win: HostWindow;
let instanceId: string;

const origin = () => `http://127.0.0.1:${host.port}`;
function post(method: string, params: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return win.post(method, params, headers);
}

async function invoke(method: string, params: unknown): Promise<Record<string, unknown>> {
  const response = await core.invoke(method, params);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.value as Record<string, unknown>;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'continuum-binary-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Continuum</title>');
  core = createInProcessCore({ vaultFile: join(dir, 'vault', 'clinic.vault'), scrypt: TEST_SCRYPT });
  host = await startBrowserHost({ core, staticDir });
  win = await HostWindow.open(host.port, host.url);
  if (!haveRealDicom()) return;
  await invoke('vault.create', { clinicianId: 'dr.ada', displayName: 'Dr Ada Lovelace', passphrase: PASSPHRASE });
  await invoke('import.fhirBundle', { fileName: 'memory.json', content: memoryBundleText() });
  const patients = (await invoke('patients.list', {})) as unknown as { patients: Array<{ id: string }> };
  const imported = await invoke('imaging.import', {
    fileName: 'nih_chest_dx.dcm',
    bytes: Buffer.from(realDicom('nih_chest_dx.dcm')),
    patientId: patients.patients[0]!.id,
    // Filed under a chart whose patient the file does not name: the clinician's override.
    override: true,
  });
  instanceId = String(imported['instanceId']);
  // The window reads records only once it has signed in itself.
  await win.signIn('dr.ada', PASSPHRASE);
});

afterAll(async () => {
  await host?.close();
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveRealDicom())('browser host: imaging.framePixels as one binary body', () => {
  it('answers the decoded pixels raw, with the typed header, no-store and the security headers', async () => {
    const reply = await post('imaging.framePixels', { instanceId });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(BINARY_CONTENT_TYPE);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
    const body = reply.body.buffer.slice(reply.body.byteOffset, reply.body.byteOffset + reply.body.byteLength) as ArrayBuffer;
    const decoded = decodeBinaryBody(body);
    if ('problem' in decoded) throw new Error(decoded.problem);
    const header = framePixelsHeader.parse(decoded.header);
    expect(header).toMatchObject({ instanceId, rows: 1024, columns: 1024, bitsAllocated: 8, photometric: 'MONOCHROME2', decoder: 'native', preview: null, pixelsOffset: 0 });
    // 8-aligned, so the page can view 16-bit samples in place (this file is 8-bit; the integration test has 16-bit ones).
    expect(decoded.bytes.byteOffset % 8).toBe(0);
    const expected = await decodeFrame(realDicom('nih_chest_dx.dcm'));
    expect(header.byteLength).toBe(expected.pixels.byteLength);
    expect(Buffer.from(decoded.bytes).equals(Buffer.from(expected.pixels.buffer, expected.pixels.byteOffset, expected.pixels.byteLength))).toBe(true);
  });

  it('puts the preview for the canvas first and the full frame from pixelsOffset', async () => {
    const reply = await post('imaging.framePixels', { instanceId, frame: 0, preview: { width: 300, height: 300 } });
    const body = reply.body.buffer.slice(reply.body.byteOffset, reply.body.byteOffset + reply.body.byteLength) as ArrayBuffer;
    const decoded = decodeBinaryBody(body);
    if ('problem' in decoded) throw new Error(decoded.problem);
    const header = framePixelsHeader.parse(decoded.header);
    const expected = await decodeFrame(realDicom('nih_chest_dx.dcm'), 0, { preview: { width: 300, height: 300 } });
    expect(header.preview).toEqual({ factor: 3, rows: 342, columns: 342, byteLength: 342 * 342 });
    expect(header.pixelsOffset % 8).toBe(0);
    expect(header.pixelsOffset).toBeGreaterThanOrEqual(header.preview!.byteLength);
    expect(decoded.bytes.byteLength).toBe(header.pixelsOffset + header.byteLength);
    const preview = expected.preview!.pixels;
    expect(Buffer.from(decoded.bytes.subarray(0, header.preview!.byteLength)).equals(Buffer.from(preview.buffer, preview.byteOffset, preview.byteLength))).toBe(true);
    expect(Buffer.from(decoded.bytes.subarray(header.pixelsOffset)).equals(Buffer.from(expected.pixels.buffer, expected.pixels.byteOffset, expected.pixels.byteLength))).toBe(true);
  });

  it('gives no pixels without the window secret, from a foreign Origin or Host, cross-site, as a GET or as a form', async () => {
    const params = JSON.stringify({ instanceId });
    const refusals: Array<[string, Promise<Reply>, number]> = [
      ['no secret', send(host.port, { method: 'POST', path: '/api/imaging.framePixels', body: params, headers: { origin: origin(), 'content-type': 'application/json' } }), 401],
      ['a made-up secret', post('imaging.framePixels', { instanceId }, { 'continuum-session': host.token }), 401],
      ['a cookie instead', send(host.port, { method: 'POST', path: '/api/imaging.framePixels', body: params, headers: { cookie: `continuum-session-${host.port}=${win.secret}`, origin: origin(), 'content-type': 'application/json' } }), 401],
      ['foreign Origin', post('imaging.framePixels', { instanceId }, { origin: 'http://evil.example' }), 403],
      ['no Origin', send(host.port, { method: 'POST', path: '/api/imaging.framePixels', body: params, headers: { 'continuum-session': win.secret, 'content-type': 'application/json' } }), 403],
      ['foreign Host', post('imaging.framePixels', { instanceId }, { host: 'evil.example' }), 403],
      ['cross-site fetch', post('imaging.framePixels', { instanceId }, { 'sec-fetch-site': 'cross-site' }), 403],
      ['GET', send(host.port, { path: `/api/imaging.framePixels?instanceId=${instanceId}`, headers: { 'continuum-session': win.secret } }), 405],
      ['a form post', post('imaging.framePixels', { instanceId }, { 'content-type': 'application/x-www-form-urlencoded' }), 415],
    ];
    for (const [what, pending, status] of refusals) {
      const reply = await pending;
      expect(reply.status, what).toBe(status);
      expect(reply.headers['content-type'], what).not.toBe(BINARY_CONTENT_TYPE);
      expect(reply.body.length, what).toBeLessThan(1000);
    }
  });

  it('answers bad params, an unknown instance and a locked vault with the JSON error envelope', async () => {
    const bad = await post('imaging.framePixels', { instanceId, preview: { width: 0, height: 10 } });
    expect(bad.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(bad.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const unknown = await post('imaging.framePixels', { instanceId: 'no-such-instance' });
    expect(JSON.parse(unknown.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await invoke('vault.lock', {});
    const locked = await post('imaging.framePixels', { instanceId });
    expect(JSON.parse(locked.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'locked' } });
    await invoke('vault.unlock', { clinicianId: 'dr.ada', passphrase: PASSPHRASE });
  });
});
