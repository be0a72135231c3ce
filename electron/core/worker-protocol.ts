import type { ApiResponse, MethodName } from '../api/contract';

export type ToWorker = { type: 'invoke'; id: number; method: string; params: unknown } | { type: 'close' };
export type FromWorker = { type: 'result'; id: number; response: ApiResponse<MethodName> } | { type: 'closed' };
