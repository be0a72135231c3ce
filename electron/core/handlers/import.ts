import { importBundleTextSliced } from '../../fhir';
import type { HandlerMap } from './handler';

/**
 * FHIR bundles over the API, as jobs (electron/core/jobs): the import reads
 * and checks the bundle in slices of a few milliseconds, handing the core's
 * thread back between them, then writes the whole bundle in one short
 * transaction (fhir/import-bundle.ts), so that a chart read waits at most one
 * slice. 'import.fhirBundle' answers when the import ends;
 * 'import.startFhirBundle' answers at once with the job.
 */
export const importHandlers: HandlerMap = {
  'import.fhirBundle': (params, { session, job }) =>
    importBundleTextSliced(session.requireVault(), params.fileName, params.content, {
      ...(job ? { signal: job.signal } : {}),
      onProgress: (p) => job?.report({ step: 0, steps: 1, progress: p.totalBytes === 0 ? 1 : p.bytes / p.totalBytes, status: `${p.resources} resources read and checked` }),
    }),
  'import.startFhirBundle': (params, { session, startJob }) => {
    session.requireVault();
    return { job: startJob('import.fhirBundle', params, null) };
  },
};
