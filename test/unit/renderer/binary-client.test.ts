import { describe, expect, it, vi } from 'vitest';
import { BINARY_CONTENT_TYPE, decodeBinaryBody, encodeBinaryPrefix, readBinaryHeader } from '../../../electron/api/binary-envelope';
import type { FramePixelsHeader } from '../../../electron/api/imaging-schemas';
import { bridgeTransport, createClient, fetchTransport, parseBinaryResponse } from '../../../renderer/api/client';
import { HostSession } from '../../../renderer/api/host-session';

/** The browser host's transport for a window that already holds its secret (host-session.ts is tested on its own). */
function hostTransport(fetchFn: typeof fetch) {
  return fetchTransport(fetchFn, '', HostSession.holding('1.window-secret', fetchFn));
}

/**
 * The renderer's side of a binary method: the browser host's binary body
 * (read whole, or streamed with partial results as it arrives) and Electron's
 * structured-cloned { header, bytes }, both checked against the contract.
 */
const header: FramePixelsHeader = {
  instanceId: 'i-1',
  patientId: 'p-1',
  frame: 0,
  frames: 1,
  rows: 4,
  columns: 4,
  samplesPerPixel: 1,
  bitsAllocated: 16,
  signed: false,
  photometric: 'MONOCHROME2',
  minPixelValue: 0,
  maxPixelValue: 4095,
  slope: 1,
  intercept: 0,
  windowCenter: 1600,
  windowWidth: 3200,
  decoder: 'native',
  decodeMs: 3,
  byteLength: 32,
  pixelsOffset: 8,
  preview: { factor: 2, rows: 2, columns: 2, byteLength: 8 },
  readMs: 1,
};
const bytes = Uint8Array.from({ length: 40 }, (_, i) => i);

function body(h: unknown = header, b: Uint8Array = bytes): Uint8Array<ArrayBuffer> {
  const prefix = encodeBinaryPrefix(h);
  const out = new Uint8Array(prefix.length + b.length);
  out.set(prefix);
  out.set(b, prefix.length);
  return out;
}

/** A Response that streams `data` in chunks of `size`, as a slow socket would. */
function streamed(data: Uint8Array, size: number, length = data.length): Response {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= data.length) return controller.close();
      controller.enqueue(data.slice(at, at + size));
      at += size;
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': BINARY_CONTENT_TYPE, 'content-length': String(length) } });
}

describe('the binary envelope', () => {
  it('aligns the bytes at a multiple of 8 and reads back header and bytes', () => {
    const whole = body();
    const decoded = decodeBinaryBody(whole.buffer);
    if ('problem' in decoded) throw new Error(decoded.problem);
    expect(decoded.header).toEqual(header);
    expect(decoded.bytes.byteOffset % 8).toBe(0);
    expect([...decoded.bytes]).toEqual([...bytes]);
  });

  it('waits for the whole header while streaming, and names what is wrong with a body that is not one', () => {
    const whole = body();
    expect(readBinaryHeader(whole.buffer, 2)).toBeNull();
    expect(readBinaryHeader(whole.buffer, 20)).toBeNull();
    expect(readBinaryHeader(whole.buffer, whole.length)).toMatchObject({ header });
    expect(decodeBinaryBody(new Uint8Array([1, 2]).buffer)).toEqual({ problem: 'the answer is 2 bytes long, too short for a header' });
    const tooLong = new Uint8Array(16);
    new DataView(tooLong.buffer).setUint32(0, 1000, true);
    expect(decodeBinaryBody(tooLong.buffer)).toEqual({ problem: "the answer's header length (1000) does not fit its 16 bytes" });
    const notJson = new Uint8Array(16);
    new DataView(notJson.buffer).setUint32(0, 3, true);
    notJson.set([0x7b, 0x7b, 0x7b], 4);
    expect(decodeBinaryBody(notJson.buffer)).toEqual({ problem: "the answer's header is not valid JSON" });
  });
});

describe('callBinary over the browser host', () => {
  it('POSTs the params like any call and answers the checked header and the bytes', async () => {
    const fetchFn = vi.fn(async () => new Response(body(), { status: 200, headers: { 'content-type': BINARY_CONTENT_TYPE } }));
    const client = createClient(hostTransport(fetchFn as unknown as typeof fetch));
    const result = await client.callBinary('imaging.framePixels', { instanceId: 'i-1' });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/imaging.framePixels');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"instanceId":"i-1"}');
    expect(result.header).toEqual(header);
    expect([...result.bytes]).toEqual([...bytes]);
  });

  it('streams: partial results with the checked header and the bytes so far, then the whole', async () => {
    const seen: number[] = [];
    const client = createClient(hostTransport((async () => streamed(body(), 7)) as unknown as typeof fetch));
    const result = await client.callBinary('imaging.framePixels', { instanceId: 'i-1' }, (partial) => {
      expect(partial.header).toEqual(header);
      seen.push(partial.bytes.byteLength);
    });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(bytes.length);
    // The preview's 8 bytes were there before the rest.
    expect(seen.some((n) => n >= 8 && n < bytes.length)).toBe(true);
    expect([...result.bytes]).toEqual([...bytes]);
  });

  it('pauses the reading while a partial result\'s promise is pending (so the page can paint the preview)', async () => {
    const seen: number[] = [];
    let resume!: () => void;
    const client = createClient(hostTransport((async () => streamed(body(), 7)) as unknown as typeof fetch));
    const call = client.callBinary('imaging.framePixels', { instanceId: 'i-1' }, (partial) => {
      seen.push(partial.bytes.byteLength);
      if (seen.length === 1) return new Promise<void>((r) => (resume = r));
      return undefined;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(1);
    resume();
    const result = await call;
    expect(seen.length).toBeGreaterThan(1);
    expect(result.bytes.byteLength).toBe(bytes.length);
  });

  it('refuses a streamed body shorter or longer than announced, and a header that breaks the contract', async () => {
    const whole = body();
    const short = createClient(hostTransport((async () => streamed(whole.subarray(0, whole.length - 5), 16, whole.length)) as unknown as typeof fetch));
    await expect(short.callBinary('imaging.framePixels', { instanceId: 'i-1' }, () => undefined)).rejects.toMatchObject({
      code: 'bad-response',
      message: `Continuum answered imaging.framePixels with an unreadable image: the answer stopped after ${whole.length - 5} of ${whole.length} bytes.`,
    });
    const long = createClient(hostTransport((async () => streamed(whole, 16, whole.length - 8)) as unknown as typeof fetch));
    await expect(long.callBinary('imaging.framePixels', { instanceId: 'i-1' }, () => undefined)).rejects.toMatchObject({ code: 'bad-response' });
    const partials = vi.fn();
    const wrong = createClient(hostTransport((async () => streamed(body({ ...header, rows: 'four' }), 16)) as unknown as typeof fetch));
    await expect(wrong.callBinary('imaging.framePixels', { instanceId: 'i-1' }, partials)).rejects.toMatchObject({ code: 'bad-response' });
    expect(partials).not.toHaveBeenCalled();
  });

  it('turns a JSON error envelope into the ApiError the other calls throw', async () => {
    const locked = createClient(hostTransport((async () => new Response(JSON.stringify({ ok: false, error: { code: 'locked', message: 'the vault is locked' } }), { status: 200, headers: { 'content-type': 'application/json' } })) as unknown as typeof fetch));
    const onLocked = vi.fn();
    locked.onLocked(onLocked);
    await expect(locked.callBinary('imaging.framePixels', { instanceId: 'i-1' })).rejects.toMatchObject({ code: 'locked', message: 'The vault is locked.' });
    expect(onLocked).toHaveBeenCalledTimes(1);
  });
});

describe('callBinary over the Electron bridge', () => {
  it('takes the structured-cloned { header, bytes } as it is, checked against the contract', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: { header, bytes } }));
    const client = createClient(bridgeTransport({ invoke }));
    const result = await client.callBinary('imaging.framePixels', { instanceId: 'i-1', preview: { width: 10, height: 10 } });
    expect(invoke).toHaveBeenCalledWith('imaging.framePixels', { instanceId: 'i-1', preview: { width: 10, height: 10 } });
    expect(result.bytes).toBe(bytes);
    expect(() => parseBinaryResponse('imaging.framePixels', { ok: true, value: { header, bytes: [1, 2, 3] } })).toThrow(expect.objectContaining({ code: 'bad-response' }));
    expect(() => parseBinaryResponse('imaging.framePixels', { ok: true, value: { header: { ...header, preview: { factor: 1, rows: 1, columns: 1, byteLength: 1 } }, bytes } })).toThrow(
      expect.objectContaining({ code: 'bad-response' }),
    );
  });
});
