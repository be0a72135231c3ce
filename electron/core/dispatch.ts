import type { z } from 'zod';
import {
  binaryContract,
  contract,
  isBinaryMethodName,
  isMethodName,
  type ApiError,
  type ApiErrorCode,
  type ApiResponse,
  type BinaryMethodName,
  type BinaryResponse,
  type MethodName,
} from '../api/contract';
import type { JobMethod, JobStatus } from '../api/job-schemas';
import { isVaultError, type VaultErrorCode } from '../store/errors';
import { buildBinaryHandlers, buildHandlers } from './handlers';
import type { HandlerContext } from './handlers/handler';
import type { JobControl } from './jobs/job-registry';
import type { CoreServices } from './core-services';
import { logError } from './log';

const VAULT_TO_API: Record<VaultErrorCode, ApiErrorCode> = {
  'vault-missing': 'no-vault',
  'vault-exists': 'vault-exists',
  'wrong-passphrase': 'wrong-passphrase',
  'unknown-user': 'unknown-user',
  damaged: 'damaged',
  'newer-version': 'newer-version',
  locked: 'locked',
  'read-only': 'read-only',
  'disk-full': 'disk-full',
  'invalid-input': 'invalid-input',
  'not-found': 'not-found',
  'too-many-attempts': 'too-many-attempts',
};

/** job: the control of the job this call runs as (a job method's handler stops on its signal and reports its progress there). */
export type Dispatch = (method: string, params: unknown, job?: JobControl) => Promise<ApiResponse<MethodName>>;

/**
 * The boundary: an untrusted method name and params in, a validated answer
 * out. Params are parsed with the contract's schema before any handler sees
 * them, and results are checked too, so the renderer gets exactly what the
 * contract promises.
 */
export function createDispatch(services: CoreServices): Dispatch {
  const { session } = services;
  const handlers = buildHandlers();
  // A job runs its method through this same dispatch, so its params and result are checked like any call's.
  const startJob = (method: JobMethod, params: unknown, key: string | null): JobStatus =>
    session.jobs.start(method, (control) => dispatch(method, params, control), key).status;
  const dispatch: Dispatch = async (method, params, job) => {
    if (!isMethodName(method)) return failure('invalid-request', `unknown method "${String(method).slice(0, 80)}"`);
    const spec = contract[method];
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) return failure('invalid-request', `${method}: ${describeIssue(parsed.error)}`);
    try {
      const handler = handlers[method] as (p: unknown, c: HandlerContext) => unknown;
      const value = await handler(parsed.data, { services, session, startJob, ...(job ? { job } : {}) });
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        logError(`${method}: result does not match the contract (${describeIssue(checked.error)})`);
        return failure('internal', `${method}: internal error; the result did not match the contract`);
      }
      return { ok: true, value: checked.data } as ApiResponse<MethodName>;
    } catch (error) {
      return failureOf(method, error);
    }
  };
  return dispatch;
}

export type BinaryDispatch = (method: string, params: unknown) => Promise<BinaryResponse<BinaryMethodName>>;

/**
 * The same boundary for binary methods (contract.ts, binaryContract): params
 * parsed, the header checked against its schema, the bytes checked to be
 * bytes. The bytes own their whole buffer on the way out, so that the core
 * worker can transfer it to the host instead of copying it.
 */
export function createBinaryDispatch(services: CoreServices): BinaryDispatch {
  const handlers = buildBinaryHandlers();
  return async (method, params) => {
    if (!isBinaryMethodName(method)) return failure('invalid-request', `unknown method "${String(method).slice(0, 80)}"`);
    const spec = binaryContract[method];
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) return failure('invalid-request', `${method}: ${describeIssue(parsed.error)}`);
    try {
      const { header, bytes } = await handlers[method](parsed.data, { services, session: services.session, startJob: refuseJob });
      const checked = spec.header.safeParse(header);
      if (!checked.success || !(bytes instanceof Uint8Array)) {
        logError(`${method}: result does not match the contract (${checked.success ? 'bytes are not a Uint8Array' : describeIssue(checked.error)})`);
        return failure('internal', `${method}: internal error; the result did not match the contract`);
      }
      const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
      return { ok: true, value: { header: checked.data, bytes: owned } };
    } catch (error) {
      return failureOf(method, error);
    }
  };
}

function refuseJob(): never {
  throw new Error('a binary method starts no job');
}

/** A thrown error as the API answers it: a vault error's own line, anything else a generic one (logged). */
export function failureOf(method: string, error: unknown): { ok: false; error: ApiError } {
  if (isVaultError(error)) return failure(VAULT_TO_API[error.code], error.message, error.retryAfterSeconds);
  // An unexpected error: its message may quote SQL or values, so the
  // renderer gets a generic line and the log gets the error's name and stack frames only.
  logError(`${method}: unexpected ${error instanceof Error ? error.name : typeof error}`, error);
  return failure('internal', `${method}: internal error (see the application log)`);
}

function failure(code: ApiErrorCode, message: string, retryAfterSeconds?: number): { ok: false; error: ApiError } {
  const error: ApiError = retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds };
  return { ok: false, error };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'params';
  return `${path}: ${issue.message}`;
}
