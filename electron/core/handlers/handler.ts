import type { BinaryMethodName, BinaryParams, BinaryResult, MethodName, Params, Result } from '../../api/contract';
import type { JobMethod, JobStatus } from '../../api/job-schemas';
import type { JobControl } from '../jobs/job-registry';
import type { CoreServices } from '../core-services';
import type { Session } from '../session';

export interface HandlerContext {
  /** The core's services (core-services.ts): handlers adapt the contract to them. */
  readonly services: CoreServices;
  /** services.session: sign-in, the unlocked vault and its services. */
  readonly session: Session;
  /** Present when this call runs as a job (a job method): stop on its signal, report progress to it. */
  readonly job?: JobControl;
  /** Starts a job method as a job of this session and answers its status at once (key: the caller's name for it, e.g. an uploadId). */
  readonly startJob: (method: JobMethod, params: unknown, key: string | null) => JobStatus;
}

export type Handler<M extends MethodName> = (params: Params<M>, context: HandlerContext) => Result<M> | Promise<Result<M>>;

/** A domain module's handlers: a partial method map, merged into one by handlers/index.ts. */
export type HandlerMap = { [M in MethodName]?: Handler<M> };

/** A binary method's handler (contract.ts, binaryContract): the header and the raw bytes. */
export type BinaryHandler<M extends BinaryMethodName> = (params: BinaryParams<M>, context: HandlerContext) => Promise<BinaryResult<M>>;
export type BinaryHandlerMap = { [M in BinaryMethodName]?: BinaryHandler<M> };
