import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { contentTypeOf } from '../content-types';
import { appFilePath, CONTENT_SECURITY_POLICY } from '../security';

/**
 * The app:// protocol's answers: the built renderer's files (from inside the
 * asar in a packaged app) with our CSP, GET only, and 404 for anything
 * outside that folder or on another host. Uses no Electron API, so tests
 * call it with plain Requests.
 */
export async function serveAppFile(request: Request, rendererDir: string): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers });
  const file = appFilePath(request.url, rendererDir, sep);
  if (!file) return new Response('Not found', { status: 404, headers });
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...headers, 'Content-Type': contentTypeOf(file) },
  });
}
