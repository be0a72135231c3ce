import {
  apiError,
  contract,
  type ApiErrorCode,
  type ContinuumBridge,
  type MethodName,
  type Params,
  type Result,
} from '../../electron/api/contract';

/**
 * The renderer's only way to the core. Typed from the contract: the method
 * name picks the params and the result, and every answer is checked against
 * the contract's schema before a component sees it.
 *
 * Two transports: Electron's preload bridge (window.continuum) and the
 * browser host's POST /api/:method. A 'locked' answer from anywhere tells the
 * app to show the unlock screen.
 */

/** The contract's codes, plus what can go wrong before the core answers. */
export type ClientErrorCode = ApiErrorCode | 'unauthorized' | 'unreachable' | 'bad-response';

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly method: string,
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
export type Transport = (method: MethodName, params: unknown) => Promise<unknown>;

export function bridgeTransport(bridge: ContinuumBridge): Transport {
  return (method, params) => bridge.invoke(method, params);
}

const UNAUTHORIZED_MESSAGE =
  'This window is no longer connected to Continuum. Restart Continuum and open the address it prints.';
const UNREACHABLE_MESSAGE = 'Continuum is not running or cannot be reached. Restart it and try again.';

export function fetchTransport(fetchFn: typeof fetch = (...args) => globalThis.fetch(...args), base = ''): Transport {
  return async (method, params) => {
    let response: Response;
    try {
      response = await fetchFn(`${base}/api/${method}`, {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params ?? {}),
      });
    } catch {
      throw new ApiError('unreachable', UNREACHABLE_MESSAGE, method);
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiError('unauthorized', UNAUTHORIZED_MESSAGE, method);
    }
    if (response.status === 413) {
      throw new ApiError('invalid-request', 'The file is too large to send to Continuum.', method);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ApiError('bad-response', `Continuum answered with an unreadable response (HTTP ${response.status}).`, method);
    }
    return body;
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
  const error = apiError.safeParse(envelope.error);
  if (!error.success) {
    throw new ApiError('internal', 'Continuum reported an error it could not describe.', method);
  }
  return throwApiError(method, error.data.code, error.data.message);
}

function throwApiError(method: string, code: ApiErrorCode, message: string): never {
  throw new ApiError(code, asSentence(message) || defaultMessage(code), method);
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

export interface Client {
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
  /** Called for every 'locked' error (the app shows the unlock screen). */
  onLocked(listener: ErrorListener): () => void;
  /** Called when the host refuses the session (browser host cookie gone). */
  onUnauthorized(listener: ErrorListener): () => void;
}

export function createClient(transport: Transport): Client {
  const lockedListeners = new Set<ErrorListener>();
  const unauthorizedListeners = new Set<ErrorListener>();
  return {
    async call(method, params) {
      try {
        let raw: unknown;
        try {
          raw = await transport(method, params);
        } catch (error) {
          if (error instanceof ApiError) throw error;
          throw new ApiError('unreachable', UNREACHABLE_MESSAGE, method);
        }
        return parseResponse(method, raw);
      } catch (error) {
        if (error instanceof ApiError) {
          const listeners = error.code === 'locked' ? lockedListeners : error.code === 'unauthorized' ? unauthorizedListeners : null;
          if (listeners) for (const listener of [...listeners]) listener(error);
        }
        throw error;
      }
    },
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
