import type { BinaryMethodName, MethodName } from '../api/contract';
import { jobMethod, type JobMethod } from '../api/job-schemas';

/**
 * How the core schedules each contract method (core-calls.ts), the same in
 * the worker thread and in-process:
 * - 'job': long work; runs as a job, beside everything else;
 * - 'read': reads the vault (a chart opening writes one audit entry, in one
 *   synchronous statement); answered at once, whatever else runs;
 * - 'control': asks after or stops running work; answered at once;
 * - 'write': everything else.
 * A model load ('models.select', 'models.add') is a job: it runs in the model
 * worker for seconds and writes nothing to the vault, so it no longer holds
 * the writers' queue; one loads at a time (call-classes ONE_AT_A_TIME). Writers take turns in one queue (one writer, as
 *   SQLite wants), so that an asynchronous writer (an unlock, an evidence
 *   import, a model load) is never interleaved with another.
 * A method listed nowhere is a writer: a new method waits its turn until
 * someone has checked that it may run beside others.
 */
export type CallClass = 'job' | 'read' | 'control' | 'write';

const READS = [
  'vault.status',
  'vault.signInHistory',
  'patients.list',
  'chart.open',
  'chart.vitals',
  'chart.accessHistory',
  'brief.get',
  'checks.get',
  'evidence.search',
  'evidence.sources',
  'evidence.passage',
  'evidence.context',
  'timeline.events',
  'observations.analytes',
  'observations.series',
  'observations.results',
  'record.details',
  'search.text',
  'imaging.studies',
  'imaging.instance',
  'imaging.frame',
  'imaging.models',
  'documents.list',
  'documents.page',
  'models.list',
  'models.catalogue',
  'photos.list',
  'photos.image',
  'lesions.history',
  'findings.list',
  'findings.forFact',
  'pacs.settings',
] as const satisfies readonly MethodName[];

const CONTROLS = [
  'vault.activity',
  'documents.startUpload',
  'import.startFhirBundle',
  'evidence.startImport',
  'vault.startBackup',
  'documents.progress',
  'documents.cancel',
  'jobs.get',
  'jobs.list',
  'jobs.cancel',
  'jobs.result',
  'session.events',
  'session.stop',
  'pacs.progress',
  'pacs.cancel',
  // A download is a job: these start, pause or cancel it, or ask the hub whether it answers; none touches the vault.
  'models.hubStatus',
  'models.startDownload',
  'models.pauseDownload',
  'models.cancelDownload',
] as const satisfies readonly MethodName[];

const BINARY_READS = ['imaging.framePixels'] as const satisfies readonly BinaryMethodName[];

const CLASS: ReadonlyMap<string, CallClass> = new Map<string, CallClass>([
  ...READS.map((m) => [m, 'read'] as const),
  ...CONTROLS.map((m) => [m, 'control'] as const),
  ...jobMethod.options.map((m) => [m, 'job'] as const),
]);

export function callClass(method: string): CallClass {
  return CLASS.get(method) ?? 'write';
}

export function binaryCallClass(method: string): CallClass {
  return (BINARY_READS as readonly string[]).includes(method) ? 'read' : 'write';
}

export function isJobMethod(method: string): method is JobMethod {
  return callClass(method) === 'job';
}

const JOB_KEYS: Partial<Record<JobMethod, string>> = { 'documents.upload': 'uploadId', 'models.download': 'id' };
/** Jobs of which one runs at a time, whatever their params: the model worker holds one model; one backup reads the vault at a time. */
const ONE_AT_A_TIME: Partial<Record<JobMethod, string>> = { 'models.select': 'model', 'models.add': 'model', 'vault.backup': 'backup' };

/** The caller's own name for a job, where its method has one (an upload's uploadId). */
export function jobKey(method: JobMethod, params: unknown): string | null {
  const single = ONE_AT_A_TIME[method];
  if (single !== undefined) return single;
  const field = JOB_KEYS[method];
  if (field === undefined) return null;
  const value = params && typeof params === 'object' ? (params as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : null;
}
