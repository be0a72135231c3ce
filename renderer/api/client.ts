import { BINARY_CONTENT_TYPE, decodeBinaryBody, encodeBinaryPrefix, readBinaryHeader } from '../../electron/api/binary-envelope';
import {
  apiError,
  binaryContract,
  contract,
  type ApiErrorCode,
  type BinaryMethodName,
  type BinaryParams,
  type BinaryResult,
  type ContinuumBridge,
  type MethodName,
  type Params,
  type Result,
} from '../../electron/api/contract';
import { formatLimit, UPLOAD_CONTENT_TYPE, UPLOAD_MAX_BYTES, type ByteUploadMethod } from '../../electron/api/upload';
import { HostSession } from './host-session';

/**
 * The renderer's only way to the core. Typed from the contract: the method
 * name picks the params and the result, and every answer is checked against
 * the contract's schema before a component sees it.
 *
 * Two transports: Electron's preload bridge (window.continuum) and the
 * browser host's POST /api/:method. A 'locked' answer from anywhere tells the
 * app to show the unlock screen. Binary methods (pixels) go the same way and
 * come back as { header, bytes }: structured-cloned by Electron's IPC, one
 * binary body from the browser host (binary-envelope.ts), never base64.
 * Uploads go the other way as bytes too (upload()): the file as the body
 * after a small JSON header, streamed from disk by the browser, or as a
 * Uint8Array in the params over Electron's IPC.
 */

/** The contract's codes, plus what can go wrong before the core answers. */
export type ClientErrorCode = ApiErrorCode | 'unauthorized' | 'unreachable' | 'bad-response';

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly method: string,
    /** After a failed or refused sign-in: seconds until the next attempt is answered. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The one-line message a clinician sees for any failure. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}

/** Sends one request and answers the raw, still unchecked, response envelope. */
export type Transport = (method: MethodName | BinaryMethodName, params: unknown, options?: TransportOptions) => Promise<unknown>;

export interface TransportOptions {
  /**
   * A binary answer as it streams in: the body's buffer (its final size) and how many bytes of it
   * have arrived. Only a transport that streams calls it (the browser host's); IPC answers at once.
   * A promise returned pauses the reading until it settles: chunks that are already in are
   * otherwise read in one run of microtasks, and the page would not paint in between.
   */
  readonly onProgress?: (body: ArrayBuffer, received: number) => void | Promise<void>;
  /** An upload's file: sent as bytes beside the params (which then carry no `bytes` of their own). */
  readonly file?: Blob;
}

export function bridgeTransport(bridge: ContinuumBridge): Transport {
  return async (method, params, options) => {
    // Electron's IPC structured-clones a Uint8Array as binary (one copy, no text); the core takes the same `bytes`.
    if (!options?.file) return bridge.invoke(method, params);
    return bridge.invoke(method, { ...(params as object), bytes: new Uint8Array(await options.file.arrayBuffer()) });
  };
}

const UNREACHABLE_MESSAGE = 'Continuum is not running or cannot be reached. Restart it and try again.';

/**
 * The browser host's POST /api/METHOD, with this window's secret in its
 * header (host-session.ts): no cookie is sent or needed.
 */
export function fetchTransport(
  fetchFn: typeof fetch = (...args) => globalThis.fetch(...args),
  base = '',
  session: HostSession = new HostSession(fetchFn, base),
): Transport {
  return async (method, params, options) => {
    await session.ready();
    const secret = session.header();
    if (!secret) throw new ApiError('unauthorized', session.problemMessage, method);
    let response: Response;
    // An upload's body is the params as a JSON header, then the file: a Blob the browser streams from disk, never read into the page.
    const file = options?.file;
    try {
      response = await fetchFn(`${base}/api/${method}`, {
        method: 'POST',
        credentials: 'omit',
        cache: 'no-store',
        headers: { 'content-type': file ? UPLOAD_CONTENT_TYPE : 'application/json', ...secret },
        body: file ? new Blob([encodeBinaryPrefix(params ?? {}) as BlobPart, file]) : JSON.stringify(params ?? {}),
      });
    } catch {
      throw new ApiError('unreachable', UNREACHABLE_MESSAGE, method);
    }
    session.take(response);
    if (response.status === 401) {
      session.lost();
      throw new ApiError('unauthorized', session.problemMessage, method);
    }
    if (response.status === 403) {
      throw new ApiError('unauthorized', `Continuum refused this window's request. ${session.problemMessage}`, method);
    }
    if (response.status === 503) {
      throw new ApiError('unreachable', 'Continuum is busy receiving other files. Try again in a moment.', method);
    }
    if (response.status === 413) {
      throw new ApiError('invalid-request', 'The file is too large to send to Continuum.', method);
    }
    if (response.ok && response.headers.get('content-type') === BINARY_CONTENT_TYPE) return binaryEnvelope(method, response, options?.onProgress);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError('bad-response', `Continuum answered with an unreadable response (HTTP ${response.status}).`, method);
    }
    return body;
  };
}

/** A binary body as the envelope Electron's IPC would have answered: { ok, value: { header, bytes } }. */
async function binaryEnvelope(method: string, response: Response, onProgress: TransportOptions['onProgress']): Promise<unknown> {
  const unreadable = (why: string) => new ApiError('bad-response', `Continuum answered ${method} with an unreadable image: ${why}.`, method);
  let body: ArrayBuffer;
  try {
    body = onProgress ? await readStreaming(response, onProgress) : await response.arrayBuffer();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof RangeError) throw unreadable(error.message);
    throw new ApiError('unreachable', UNREACHABLE_MESSAGE, method);
  }
  const decoded = decodeBinaryBody(body);
  if ('problem' in decoded) throw unreadable(decoded.problem);
  return { ok: true, value: decoded };
}

/**
 * Reads the body chunk by chunk into one buffer of the announced size (one copy, as arrayBuffer()
 * makes), telling onProgress after each chunk. A body longer or shorter than announced is a RangeError.
 */
async function readStreaming(response: Response, onProgress: NonNullable<TransportOptions['onProgress']>): Promise<ArrayBuffer> {
  const total = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!response.body || !Number.isSafeInteger(total) || total < 0) return response.arrayBuffer();
  const body = new ArrayBuffer(total);
  const view = new Uint8Array(body);
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.byteLength > total) {
      await reader.cancel();
      throw new RangeError(`the answer is longer than the ${total} bytes it announced`);
    }
    view.set(value, received);
    received += value.byteLength;
    const paused = onProgress(body, received);
    if (paused) await paused;
  }
  if (received !== total) throw new RangeError(`the answer stopped after ${received} of ${total} bytes`);
  return body;
}

/** Checks a raw binary envelope: the header against the contract, the bytes as bytes; answers both or throws an ApiError. */
export function parseBinaryResponse<M extends BinaryMethodName>(method: M, raw: unknown): BinaryResult<M> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) {
    throw new ApiError('bad-response', 'Continuum answered with an unexpected response.', method);
  }
  const envelope = raw as { ok: unknown; value?: { header?: unknown; bytes?: unknown }; error?: unknown };
  if (envelope.ok !== true) return throwEnvelopeError(method, envelope.error);
  const header = binaryContract[method].header.safeParse(envelope.value?.header);
  const bytes = envelope.value?.bytes;
  if (!header.success || !(bytes instanceof Uint8Array)) {
    throw new ApiError('bad-response', `Continuum answered ${method} with data this screen does not understand.`, method);
  }
  return { header: header.data, bytes } as BinaryResult<M>;
}

/** Turns a streaming body's progress into partial results: the header checked once, then the bytes so far. */
function partialReader<M extends BinaryMethodName>(method: M, onPartial: OnPartial<M>): NonNullable<TransportOptions['onProgress']> {
  let start: { header: BinaryResult<M>['header']; bytesStart: number } | 'unusable' | null = null;
  return (body, received) => {
    if (start === null) {
      const read = readBinaryHeader(body, received);
      if (read === null) return;
      const header = 'problem' in read ? null : binaryContract[method].header.safeParse(read.header);
      // A bad header fails the whole call when the body is complete; nothing partial is shown meanwhile.
      start = header?.success && 'bytesStart' in read ? { header: header.data as BinaryResult<M>['header'], bytesStart: read.bytesStart } : 'unusable';
    }
    if (start === 'unusable' || received < start.bytesStart) return;
    return onPartial({ header: start.header, bytes: new Uint8Array(body, start.bytesStart, received - start.bytesStart) });
  };
}

/** Checks a raw envelope against the contract; answers the value or throws an ApiError. */
export function parseResponse<M extends MethodName>(method: M, raw: unknown): Result<M> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) {
    throw new ApiError('bad-response', 'Continuum answered with an unexpected response.', method);
  }
  const envelope = raw as { ok: unknown; value?: unknown; error?: unknown };
  if (envelope.ok === true) {
    const parsed = contract[method].result.safeParse(envelope.value);
    if (!parsed.success) {
      throw new ApiError('bad-response', `Continuum answered ${method} with data this screen does not understand.`, method);
    }
    return parsed.data as Result<M>;
  }
  return throwEnvelopeError(method, envelope.error);
}

function throwEnvelopeError(method: string, raw: unknown): never {
  const error = apiError.safeParse(raw);
  if (!error.success) {
    throw new ApiError('internal', 'Continuum reported an error it could not describe.', method);
  }
  return throwApiError(method, error.data.code, error.data.message, error.data.retryAfterSeconds);
}

function throwApiError(method: string, code: ApiErrorCode, message: string, retryAfterSeconds?: number): never {
  throw new ApiError(code, asSentence(message) || defaultMessage(code), method, retryAfterSeconds);
}

/** The core writes one-line messages in lower case ("the vault is locked"); shown as a sentence. */
export function asSentence(message: string): string {
  const line = message.split('\n')[0]!.trim();
  if (!line) return '';
  const capital = line.charAt(0).toUpperCase() + line.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

function defaultMessage(code: ApiErrorCode): string {
  switch (code) {
    case 'locked':
      return 'The vault is locked.';
    case 'wrong-passphrase':
      return 'That passphrase is not correct.';
    case 'not-found':
      return 'That record was not found.';
    default:
      return 'Something went wrong. Please try again.';
  }
}

export type ErrorListener = (error: ApiError) => void;

/** Sees a streaming binary answer so far; a promise returned pauses the reading until it settles (the viewer paints its preview). */
export type OnPartial<M extends BinaryMethodName> = (partial: BinaryResult<M>) => void | Promise<void>;

export interface Client {
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
  /**
   * A binary method (contract.ts, binaryContract): the checked header and the raw bytes. onPartial,
   * when the transport streams, sees the checked header and the bytes so far as they arrive.
   */
  callBinary<M extends BinaryMethodName>(method: M, params: BinaryParams<M>, onPartial?: OnPartial<M>): Promise<BinaryResult<M>>;
  /**
   * Sends a file to an upload method as bytes (never base64): `params` are the method's other params.
   * A file over the method's limit is refused here, before a byte is sent.
   */
  upload<M extends ByteUploadMethod>(method: M, params: Omit<Params<M>, 'bytes'>, file: Blob): Promise<Result<M>>;
  /** Called for every 'locked' error (the app shows the unlock screen). */
  onLocked(listener: ErrorListener): () => void;
  /** Called when the host refuses the session (browser host cookie gone). */
  onUnauthorized(listener: ErrorListener): () => void;
}

export function createClient(transport: Transport): Client {
  const lockedListeners = new Set<ErrorListener>();
  const unauthorizedListeners = new Set<ErrorListener>();
  /** Sends, then parses the raw answer; a 'locked' or 'unauthorized' failure is told to its listeners before it is thrown. */
  async function send<T>(method: MethodName | BinaryMethodName, params: unknown, parse: (raw: unknown) => T, options?: TransportOptions): Promise<T> {
    try {
      let raw: unknown;
      try {
        raw = await transport(method, params, options);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError('unreachable', UNREACHABLE_MESSAGE, method);
      }
      return parse(raw);
    } catch (error) {
      if (error instanceof ApiError) {
        const listeners = error.code === 'locked' ? lockedListeners : error.code === 'unauthorized' ? unauthorizedListeners : null;
        if (listeners) for (const listener of [...listeners]) listener(error);
      }
      throw error;
    }
  }
  return {
    call: (method, params) => send(method, params, (raw) => parseResponse(method, raw)),
    async upload(method, params, file) {
      if (file.size > UPLOAD_MAX_BYTES[method]) throw new ApiError('invalid-request', `The file is too large to send to Continuum (at most ${formatLimit(UPLOAD_MAX_BYTES[method])}).`, method);
      return send(method, params, (raw) => parseResponse(method, raw), { file });
    },
    callBinary: (method, params, onPartial) =>
      send(method, params, (raw) => parseBinaryResponse(method, raw), onPartial ? { onProgress: partialReader(method, onPartial) } : undefined),
    onLocked(listener) {
      lockedListeners.add(listener);
      return () => lockedListeners.delete(listener);
    },
    onUnauthorized(listener) {
      unauthorizedListeners.add(listener);
      return () => unauthorizedListeners.delete(listener);
    },
  };
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (the preload's bridge). */
    continuum?: ContinuumBridge;
  }
}

/** Electron's bridge when the preload put one there, else the browser host's HTTP API. */
export function defaultTransport(): Transport {
  const bridge = typeof window !== 'undefined' ? window.continuum : undefined;
  return bridge ? bridgeTransport(bridge) : fetchTransport();
}

let shared: Client | null = null;

/** The app's client, created on first use. */
export function getClient(): Client {
  shared ??= createClient(defaultTransport());
  return shared;
}

/** Shorthand for getClient().call. */
export function call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> {
  return getClient().call(method, params);
}

/** Shorthand for getClient().upload: the one way a panel sends a file. */
export function upload<M extends ByteUploadMethod>(method: M, params: Omit<Params<M>, 'bytes'>, file: Blob): Promise<Result<M>> {
  return getClient().upload(method, params, file);
}

/** Shorthand for getClient().callBinary. */
export function callBinary<M extends BinaryMethodName>(method: M, params: BinaryParams<M>, onPartial?: OnPartial<M>): Promise<BinaryResult<M>> {
  return getClient().callBinary(method, params, onPartial);
}
