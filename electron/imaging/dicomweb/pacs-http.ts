import { DicomWebError } from './dicomweb-error';
import type { PacsConnection } from './pacs-connection';

export interface PacsAnswer {
  readonly contentType: string;
  readonly body: Uint8Array;
}

/**
 * GET `url` (below the PACS's root) with basic authentication, and the whole
 * body, at most `maxBytes`. Every failure becomes a DicomWebError with one
 * line naming the PACS and `what` was asked ("the study search", "instance
 * 1.2.3"): connection refused, host not found, no answer within the timeout,
 * 401, 403, 404, 5xx, a redirect, a body cut off or too large. The timeout is
 * an idle timeout: it restarts with every chunk, so a large image on a slow
 * LAN is not cut off while it is still arriving.
 */
export async function pacsGet(pacs: PacsConnection, url: string, accept: string, what: string, maxBytes: number): Promise<PacsAnswer> {
  const response = await fetchOnce(pacs, url, accept, what).catch(async (error: unknown) => {
    // A kept-alive connection the server had just closed: one fresh try before giving up.
    if (error instanceof DicomWebError && error.kind === 'interrupted') return fetchOnce(pacs, url, accept, what);
    throw error;
  });
  const { answer, controller, timer } = response;
  try {
    refuseStatus(pacs, answer, what);
    const declared = Number(answer.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(pacs, what, declared, maxBytes);
    const body = await readBody(pacs, answer, controller, timer, what, maxBytes);
    // (A compressed answer declares its compressed length; fetch hands over the expanded bytes.)
    const compressed = (answer.headers.get('content-encoding') ?? 'identity') !== 'identity';
    if (Number.isFinite(declared) && !compressed && body.byteLength !== declared) {
      throw new DicomWebError('interrupted', `PACS at ${pacs.label}: ${what} was cut off after ${body.byteLength} of ${declared} bytes`);
    }
    return { contentType: answer.headers.get('content-type') ?? '', body };
  } catch (error) {
    await answer.body?.cancel().catch(() => undefined);
    throw error;
  } finally {
    timer.stop();
  }
}

interface Started {
  readonly answer: Response;
  readonly controller: AbortController;
  readonly timer: IdleTimer;
}

async function fetchOnce(pacs: PacsConnection, url: string, accept: string, what: string): Promise<Started> {
  const controller = new AbortController();
  const timer = new IdleTimer(pacs.timeoutMs, () => controller.abort());
  const headers: Record<string, string> = { accept };
  if (pacs.authorization) headers.authorization = pacs.authorization;
  try {
    // redirect 'manual': a PACS that sends us elsewhere is reported, never followed with the password.
    const signal = pacs.signal ? AbortSignal.any([controller.signal, pacs.signal]) : controller.signal;
    const answer = await fetch(url, { headers, signal, redirect: 'manual' });
    timer.restart();
    return { answer, controller, timer };
  } catch (error) {
    timer.stop();
    throw networkError(pacs, error, controller.signal.aborted, what, 'before');
  }
}

function refuseStatus(pacs: PacsConnection, answer: Response, what: string): void {
  const status = answer.status;
  if (status >= 200 && status < 300) return;
  const at = `PACS at ${pacs.label}`;
  if (status === 401) {
    throw new DicomWebError('unauthorized', `${at} refused the user name or password (HTTP 401)${pacs.authorization ? '' : ': it asks for a user and password'}`);
  }
  if (status === 403) throw new DicomWebError('forbidden', `${at} does not allow this user ${what} (HTTP 403)`);
  if (status === 404) throw new DicomWebError('not-found', `${at}: ${what} was not found (HTTP 404)`);
  if (status >= 300 && status < 400) {
    const to = answer.headers.get('location');
    throw new DicomWebError('server-error', `${at} redirects ${what} (HTTP ${status}${to ? ` to ${to.split('?')[0]}` : ''}); give the address it redirects to`);
  }
  throw new DicomWebError(status >= 500 ? 'server-error' : 'bad-response', `${at} failed ${what} (HTTP ${status})`);
}

async function readBody(
  pacs: PacsConnection,
  answer: Response,
  controller: AbortController,
  timer: IdleTimer,
  what: string,
  maxBytes: number,
): Promise<Uint8Array> {
  if (!answer.body) return new Uint8Array(0);
  const reader = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      timer.restart();
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(pacs, what, total, maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DicomWebError) throw error;
    throw networkError(pacs, error, controller.signal.aborted, what, 'during');
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

function tooLarge(pacs: PacsConnection, what: string, bytes: number, maxBytes: number): DicomWebError {
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  return new DicomWebError('bad-response', `PACS at ${pacs.label}: ${what} is larger (${mb(bytes)} MB or more) than the ${mb(maxBytes)} MB accepted`);
}

/** The cause codes Node's fetch (undici) puts under its "fetch failed" TypeError. */
function networkError(pacs: PacsConnection, error: unknown, timedOut: boolean, what: string, when: 'before' | 'during'): DicomWebError {
  const at = `PACS at ${pacs.label}`;
  const seconds = Math.round(pacs.timeoutMs / 100) / 10;
  if (timedOut) {
    return new DicomWebError(
      'timeout',
      when === 'before' ? `${at} did not answer ${what} within ${seconds} s` : `${at} stopped sending ${what} for ${seconds} s; gave up`,
    );
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const host = new URL(pacs.root).host;
  if (when === 'during') return new DicomWebError('interrupted', `${at}: the connection closed in the middle of ${what}`);
  switch (code) {
    case 'ECONNREFUSED':
      return new DicomWebError('unreachable', `${at}: connection refused (is the PACS running, and is the port right?)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new DicomWebError('unreachable', `${at}: host ${host} not found`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return new DicomWebError('unreachable', `${at}: host ${host} cannot be reached (network down?)`);
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new DicomWebError('timeout', `${at}: no connection to ${host} within the time allowed`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new DicomWebError('interrupted', `${at}: the connection closed before ${what} was answered`);
    default:
      if (/CERT|SSL|TLS/.test(code)) return new DicomWebError('unreachable', `${at}: its TLS certificate was refused (${code})`);
      return new DicomWebError('unreachable', `${at}: ${what} failed (${code || firstLine(cause?.message ?? (error as Error)?.message)})`);
  }
}

function firstLine(message: unknown): string {
  return typeof message === 'string' ? (message.split('\n')[0] ?? 'network error') : 'network error';
}

/** A timer that fires after `ms` of silence; restarted by every sign of life. */
class IdleTimer {
  private handle: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {
    this.restart();
  }

  restart(): void {
    this.stop();
    this.handle = setTimeout(this.onIdle, this.ms);
  }

  stop(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
  }
}
