import { importBundleTextSliced } from '../../fhir';
import type { HandlerMap } from './handler';

/**
 * FHIR bundles over the API, as jobs (electron/core/jobs). Where the core has
 * its vault thread (the hosts), the bundle is written there, in one
 * transaction, off the core's thread; elsewhere (the in-process core) the
 * import reads and checks it in slices of a few milliseconds, handing the
 * thread back between them, then writes it in one short transaction
 * (fhir/import-bundle.ts). Either way a chart read is answered meanwhile and
 * sees the bundle whole or not at all. 'import.fhirBundle' answers when the
 * import ends; 'import.startFhirBundle' answers at once with the job.
 */
export const importHandlers: HandlerMap = {
  'import.fhirBundle': (params, { session, job }) => {
    const vault = session.requireVault();
    const signal = job ? { signal: job.signal } : {};
    const onProgress = (p: { resources: number; bytes: number; totalBytes: number }) =>
      job?.report({ step: 0, steps: 1, progress: p.totalBytes === 0 ? 1 : p.bytes / p.totalBytes, status: `${p.resources} resources read and checked` });
    const thread = session.vaultThread();
    if (thread) return thread.importBundle(params.fileName, params.content, { ...signal, onProgress });
    return importBundleTextSliced(vault, params.fileName, params.content, { ...signal, onProgress });
  },
  'import.startFhirBundle': (params, { session, startJob }) => {
    session.requireVault();
    return { job: startJob('import.fhirBundle', params, null) };
  },
};
