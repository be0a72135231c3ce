import type { ApiResponse, BinaryMethodName, BinaryResponse, MethodName } from '../api/contract';

/** invokeBinary: a binary method; its answer's bytes come back transferred, not copied. */
export type ToWorker = { type: 'invoke' | 'invokeBinary'; id: number; method: string; params: unknown } | { type: 'close' };
export type FromWorker =
  | { type: 'result'; id: number; response: ApiResponse<MethodName> | BinaryResponse<BinaryMethodName> }
  | { type: 'closed' };
