import { VaultError } from '../../store/errors';
import type { HandlerMap } from './handler';

/**
 * The jobs of the unlocked vault's session (electron/core/jobs): answered at
 * once, beside the job itself; 'jobs.result' waits for the job to end. Each
 * job method has its own start method (e.g. 'documents.startUpload').
 */
export const jobHandlers: HandlerMap = {
  'jobs.get': (params, { session }) => {
    session.requireVault();
    return { job: session.jobs.get(params.jobId) };
  },
  'jobs.list': (_params, { session }) => {
    session.requireVault();
    return { jobs: session.jobs.list() };
  },
  'jobs.cancel': (params, { session }) => {
    session.requireVault();
    return { cancelled: session.jobs.cancel(params.jobId) };
  },
  'jobs.result': async (params, { session }) => {
    session.requireVault();
    const ended = await session.jobs.result(params.jobId);
    if (!ended) throw new VaultError('not-found', `no job ${params.jobId} (finished jobs are kept until the vault locks, the latest 20)`);
    return { job: ended.status, value: ended.response.ok ? ended.response.value : null };
  },
};
