import type { ApiResponse, BinaryMethodName, BinaryResponse, MethodName } from '../api/contract';
import { binaryCallClass, callClass, isJobMethod, jobKey } from './call-classes';
import { createBinaryDispatch, createDispatch, failureOf } from './dispatch';
import type { CoreServices } from './core-services';

export interface CoreCalls {
  invoke(method: string, params: unknown): Promise<ApiResponse<MethodName>>;
  invokeBinary(method: string, params: unknown): Promise<BinaryResponse<BinaryMethodName>>;
  /** Ends every job, lets the writer in turn finish, then locks the vault and disposes the core's services. */
  close(): Promise<void>;
}

/**
 * The core's calls as every host gets them (the worker thread and the
 * in-process core alike), scheduled by call-classes.ts: reads and controls
 * at once, writers one at a time, long work as jobs. A job method called
 * directly (documents.upload) runs as a job too and answers when it ends, so
 * that its progress and cancel calls find it.
 */
export function createCoreCalls(services: CoreServices): CoreCalls {
  const { session } = services;
  const dispatch = createDispatch(services);
  const dispatchBinary = createBinaryDispatch(services);
  let writes: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = writes.then(work);
    writes = turn.catch(() => undefined);
    return turn;
  };

  return {
    async invoke(method, params) {
      if (isJobMethod(method)) {
        try {
          return await session.jobs.start(method, (control) => dispatch(method, params, control), jobKey(method, params)).ended;
        } catch (error) {
          return failureOf(method, error);
        }
      }
      return callClass(method) === 'write' ? inTurn(() => dispatch(method, params)) : dispatch(method, params);
    },
    invokeBinary(method, params) {
      return binaryCallClass(method) === 'write' ? inTurn(() => dispatchBinary(method, params)) : dispatchBinary(method, params);
    },
    async close() {
      await session.jobs.endAll();
      await inTurn(() => services.dispose());
    },
  };
}
