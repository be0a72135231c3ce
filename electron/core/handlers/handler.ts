import type { BinaryMethodName, BinaryParams, BinaryResult, MethodName, Params, Result } from '../../api/contract';
import type { Session } from '../session';

export interface HandlerContext {
  readonly session: Session;
}

export type Handler<M extends MethodName> = (params: Params<M>, context: HandlerContext) => Result<M> | Promise<Result<M>>;

/** A domain module's handlers: a partial method map, merged into one by handlers/index.ts. */
export type HandlerMap = { [M in MethodName]?: Handler<M> };

/** A binary method's handler (contract.ts, binaryContract): the header and the raw bytes. */
export type BinaryHandler<M extends BinaryMethodName> = (params: BinaryParams<M>, context: HandlerContext) => Promise<BinaryResult<M>>;
export type BinaryHandlerMap = { [M in BinaryMethodName]?: BinaryHandler<M> };
