import { describe, expect, it, vi } from 'vitest';
import { ApiError, asSentence, bridgeTransport, createClient, errorMessage, fetchTransport, parseResponse } from '../../../renderer/api/client';
import { HostSession } from '../../../renderer/api/host-session';

/** The browser host's transport for a window that already holds its secret (host-session.ts is tested on its own). */
function hostTransport(fetchFn: typeof fetch) {
  return fetchTransport(fetchFn, '', HostSession.holding('1.window-secret', fetchFn));
}

const status = { state: 'locked', vaultFile: '/v/clinic.vault', clinicians: [], currentClinician: null, autoLockMinutes: 10 };

describe('parsing responses against the contract', () => {
  it('answers the value when it matches the contract', () => {
    expect(parseResponse('vault.status', { ok: true, value: status })).toEqual(status);
  });

  it('turns a core error into a typed ApiError with a sentence', () => {
    try {
      parseResponse('vault.unlock', { ok: false, error: { code: 'wrong-passphrase', message: 'wrong passphrase for dr.ada' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('wrong-passphrase');
      expect((error as ApiError).message).toBe('Wrong passphrase for dr.ada.');
      expect((error as ApiError).method).toBe('vault.unlock');
    }
  });

  it('refuses values that do not match the contract, and envelopes that are not envelopes', () => {
    expect(() => parseResponse('vault.status', { ok: true, value: { state: 'open' } })).toThrow(expect.objectContaining({ code: 'bad-response' }));
    expect(() => parseResponse('vault.status', 'nonsense')).toThrow(expect.objectContaining({ code: 'bad-response' }));
    expect(() => parseResponse('vault.status', { ok: false, error: { code: 'no-such-code', message: 'x' } })).toThrow(
      expect.objectContaining({ code: 'internal' }),
    );
  });

  it('writes messages as sentences, first line only', () => {
    expect(asSentence('the vault is locked (idle); unlock it to continue')).toBe('The vault is locked (idle); unlock it to continue.');
    expect(asSentence('disk full\nstack...')).toBe('Disk full.');
    expect(asSentence('Done.')).toBe('Done.');
  });
});

describe('the client', () => {
  it('tells the locked listeners on a locked error anywhere, then rethrows', async () => {
    const client = createClient(async () => ({ ok: false, error: { code: 'locked', message: 'the vault is locked' } }));
    const onLocked = vi.fn();
    const off = client.onLocked(onLocked);
    await expect(client.call('patients.list', {})).rejects.toMatchObject({ code: 'locked' });
    expect(onLocked).toHaveBeenCalledTimes(1);
    off();
    await expect(client.call('patients.list', {})).rejects.toMatchObject({ code: 'locked' });
    expect(onLocked).toHaveBeenCalledTimes(1);
  });

  it('maps a transport that throws to unreachable', async () => {
    const client = createClient(async () => {
      throw new Error('socket hang up');
    });
    await expect(client.call('vault.status', {})).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('uses the Electron bridge as is', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: status }));
    const client = createClient(bridgeTransport({ invoke }));
    await expect(client.call('vault.status', {})).resolves.toEqual(status);
    expect(invoke).toHaveBeenCalledWith('vault.status', {});
  });

  it('errorMessage gives one line for anything thrown', () => {
    expect(errorMessage(new ApiError('locked', 'Locked.', 'x'))).toBe('Locked.');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage(42)).toMatch(/Something went wrong/);
  });
});

describe('the browser host transport', () => {
  it("POSTs JSON to /api/METHOD with the window's secret in its header and no cookie", async () => {
    const fetchFn = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: status }), { status: 200 }));
    const client = createClient(hostTransport(fetchFn as unknown as typeof fetch));
    await client.call('vault.status', {});
    const [url, init] = fetchFn.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/vault.status');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('omit');
    expect(init.body).toBe('{}');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect((init.headers as Record<string, string>)['continuum-session']).toBe('1.window-secret');
  });

  it('maps 401/403 to unauthorized, saying how to get a new link, and tells its listeners', async () => {
    const client = createClient(hostTransport((async () => new Response('', { status: 401 })) as unknown as typeof fetch));
    const onUnauthorized = vi.fn();
    client.onUnauthorized(onUnauthorized);
    await expect(client.call('vault.status', {})).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/continuum link/) });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    // The window is no longer connected: the next call does not even go out.
    await expect(client.call('vault.status', {})).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('takes a rotated secret from an answer and sends it from then on; an older one arriving late is ignored', async () => {
    const sent: string[] = [];
    const rotations = ['3.newest', '2.older'];
    const fetchFn = vi.fn(async (_url: string, init: RequestInit) => {
      sent.push((init.headers as Record<string, string>)['continuum-session']!);
      const next = rotations.shift();
      return new Response(JSON.stringify({ ok: true, value: status }), { status: 200, headers: next ? { 'continuum-session': next } : {} });
    });
    const client = createClient(hostTransport(fetchFn as unknown as typeof fetch));
    await client.call('vault.status', {});
    await client.call('vault.status', {});
    await client.call('vault.status', {});
    expect(sent).toEqual(['1.window-secret', '3.newest', '3.newest']);
  });

  it('carries the seconds to wait after a refused sign-in', async () => {
    const error = { code: 'too-many-attempts', message: 'wait', retryAfterSeconds: 8 };
    const client = createClient(hostTransport((async () => new Response(JSON.stringify({ ok: false, error }), { status: 200 })) as unknown as typeof fetch));
    await expect(client.call('vault.unlock', { clinicianId: 'dr.ada', passphrase: 'x' })).rejects.toMatchObject({ code: 'too-many-attempts', retryAfterSeconds: 8 });
  });

  it('maps a network failure, a too-large body and a non-JSON answer', async () => {
    const down = createClient(hostTransport((async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch));
    await expect(down.call('vault.status', {})).rejects.toMatchObject({ code: 'unreachable' });
    const big = createClient(hostTransport((async () => new Response('', { status: 413 })) as unknown as typeof fetch));
    await expect(big.call('vault.status', {})).rejects.toMatchObject({ code: 'invalid-request' });
    const html = createClient(hostTransport((async () => new Response('<html>', { status: 500 })) as unknown as typeof fetch));
    await expect(html.call('vault.status', {})).rejects.toMatchObject({ code: 'bad-response' });
  });
});
