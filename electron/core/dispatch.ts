import type { z } from 'zod';
import { contract, isMethodName, type ApiError, type ApiErrorCode, type ApiResponse, type MethodName } from '../api/contract';
import { isVaultError, type VaultErrorCode } from '../store/errors';
import { buildHandlers } from './handlers';
import type { Session } from './session';
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
};

export type Dispatch = (method: string, params: unknown) => Promise<ApiResponse<MethodName>>;

/**
 * The boundary: an untrusted method name and params in, a validated answer
 * out. Params are parsed with the contract's schema before any handler sees
 * them, and results are checked too, so the renderer gets exactly what the
 * contract promises.
 */
export function createDispatch(session: Session): Dispatch {
  const handlers = buildHandlers();
  return async (method, params) => {
    if (!isMethodName(method)) return failure('invalid-request', `unknown method "${String(method).slice(0, 80)}"`);
    const spec = contract[method];
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) return failure('invalid-request', `${method}: ${describeIssue(parsed.error)}`);
    try {
      const handler = handlers[method] as (p: unknown, c: { session: Session }) => unknown;
      const value = await handler(parsed.data, { session });
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        logError(`${method}: result does not match the contract (${describeIssue(checked.error)})`);
        return failure('internal', `${method}: internal error; the result did not match the contract`);
      }
      return { ok: true, value: checked.data } as ApiResponse<MethodName>;
    } catch (error) {
      return toFailure(method, error);
    }
  };
}

function toFailure(method: string, error: unknown): ApiResponse<MethodName> {
  if (isVaultError(error)) return failure(VAULT_TO_API[error.code], error.message);
  // An unexpected error: its message may quote SQL or values, so the
  // renderer gets a generic line and the log gets the error's name and stack frames only.
  logError(`${method}: unexpected ${error instanceof Error ? error.name : typeof error}`, error);
  return failure('internal', `${method}: internal error (see the application log)`);
}

function failure(code: ApiErrorCode, message: string): ApiResponse<MethodName> {
  const error: ApiError = { code, message };
  return { ok: false, error };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'params';
  return `${path}: ${issue.message}`;
}
