/**
 * Messages between the model worker and its client. Cancellation does not
 * travel as a message: the client writes the request's id into a shared
 * Int32Array slot, which the generation loop reads between steps even while
 * the worker's event loop is busy.
 */
import type { ModelErrorCode } from './errors';
import type { LoadOptions } from './loaded-model';
import type { GenerateRequest, GenerateResult, ModelInfo, PrefillResult, PromptInput, TokenEvent } from './types';

export interface ModelWorkerData {
  readonly dir: string;
  readonly options: LoadOptions;
  /** CANCEL_SLOTS slots; slot id % CANCEL_SLOTS holds id once request id is cancelled. */
  readonly cancelFlags: SharedArrayBuffer;
}

export const CANCEL_SLOTS = 64;

export interface WireError {
  readonly code: ModelErrorCode;
  readonly message: string;
}

export type ToModelWorker =
  | { readonly type: 'generate'; readonly id: number; readonly request: GenerateRequest }
  | { readonly type: 'prefill'; readonly id: number; readonly input: PromptInput }
  | { readonly type: 'close' };

export type FromModelWorker =
  | { readonly type: 'ready'; readonly info: ModelInfo }
  | { readonly type: 'failed'; readonly error: WireError }
  /** The prompt is tokenized and matched against the prefix cache; prefill begins. */
  | { readonly type: 'started'; readonly id: number; readonly promptTokens: number; readonly reusedTokens: number }
  | { readonly type: 'token'; readonly id: number; readonly event: TokenEvent }
  | { readonly type: 'generated'; readonly id: number; readonly result: GenerateResult }
  | { readonly type: 'prefilled'; readonly id: number; readonly result: PrefillResult }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError }
  | { readonly type: 'closed' };
