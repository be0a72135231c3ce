import { randomUUID } from 'node:crypto';
import type { ApiResponse, MethodName } from '../../api/contract';
import type { JobKind, JobProgress, JobStatus } from '../../api/job-schemas';
import { VaultError } from '../../store/errors';

/** What a running job's handler gets: its stop signal and where to report how far it got. */
export interface JobControl {
  readonly signal: AbortSignal;
  report(progress: JobProgress): void;
}

/** Runs the job's method (through the dispatch, so its params and result are checked) and answers what the method answers. */
export type JobRun = (control: JobControl) => Promise<ApiResponse<MethodName>>;

interface Job {
  status: JobStatus;
  /** The caller's own name for it (an upload's uploadId), unique among running jobs of one method. */
  readonly key: string | null;
  readonly controller: AbortController;
  readonly ended: Promise<ApiResponse<MethodName>>;
}

/** Why a second job of a kind under the same key is refused, in a message. */
const ALREADY: Record<JobKind, (key: string) => string> = {
  'documents.upload': (key) => `upload ${key} is already running`,
  'models.download': (key) => `download of ${key} is already running`,
  'import.fhirBundle': (key) => `FHIR import ${key} is already running`,
  'pacs.pull': (key) => `pull ${key} is already running`,
  'models.select': () => 'a model is already loading; wait for it to finish',
  'models.add': () => 'a model is already loading; wait for it to finish',
  'evidence.import': (key) => `evidence import ${key} is already running`,
  'vault.backup': () => 'a backup is already running; wait for it to finish',
};

/** Job kinds that share their keys: one model loads at a time, whether selected or added. */
const SHARED_KEYS: ReadonlySet<JobKind> = new Set(['models.select', 'models.add']);

/** Finished jobs kept for 'jobs.result' and 'jobs.list' (a reloaded renderer asks for them). */
const KEEP_FINISHED = 20;

/**
 * The core's jobs: long work (OCR, FHIR and evidence imports, PACS pulls, model loads, backups)
 * started by one call and followed by others. A job runs beside the core's
 * other calls, never in the writer queue (electron/core/core-calls.ts); its
 * status is answered at once, whatever it is doing. The Session owns the
 * registry and ends every job when the vault locks: jobs belong to the
 * clinician who started them.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  /** onActivity: a job reporting progress is work the clinician started; the vault does not lock under it. */
  constructor(private readonly onActivity: () => void = () => undefined) {}

  /** Starts `run` as a job of `method` and answers at once; refused while a job of that method with the same key runs. */
  start(method: JobKind, run: JobRun, key: string | null = null): { status: JobStatus; ended: Promise<ApiResponse<MethodName>> } {
    if (key !== null && this.runningKey(key, method)) throw new VaultError('invalid-input', ALREADY[method](key));
    const controller = new AbortController();
    const status: JobStatus = { id: `job-${randomUUID()}`, method, state: 'running', progress: null, startedAt: new Date().toISOString(), endedAt: null, error: null };
    const control: JobControl = {
      signal: controller.signal,
      report: (progress) => {
        if (job.status.state !== 'running') return;
        job.status = { ...job.status, progress };
        this.onActivity();
      },
    };
    const ended = Promise.resolve()
      .then(() => run(control))
      .catch((): ApiResponse<MethodName> => ({ ok: false, error: { code: 'internal', message: `${method}: internal error (see the application log)` } }))
      .then((response) => {
        job.status = {
          ...job.status,
          state: controller.signal.aborted ? 'cancelled' : response.ok ? 'done' : 'failed',
          endedAt: new Date().toISOString(),
          error: response.ok || controller.signal.aborted ? null : { code: response.error.code, message: response.error.message },
        };
        this.dropOldFinished();
        return response;
      });
    const job: Job = { status, key, controller, ended };
    this.jobs.set(status.id, job);
    return { status: { ...status }, ended };
  }

  get(id: string): JobStatus | null {
    const job = this.jobs.get(id);
    return job ? { ...job.status } : null;
  }

  /** The running job of `method` the caller named `key` (an uploadId), if any. */
  running(method: JobKind, key: string): JobStatus | null {
    for (const job of this.jobs.values()) if (job.status.method === method && job.key === key && job.status.state === 'running') return { ...job.status };
    return null;
  }

  /** A running job under `key` of `method`, or of any kind sharing the key (a model load: select and add). */
  private runningKey(key: string, method: JobKind): boolean {
    for (const job of this.jobs.values()) {
      if (job.key !== key || job.status.state !== 'running') continue;
      if (job.status.method === method || (SHARED_KEYS.has(job.status.method) && SHARED_KEYS.has(method))) return true;
    }
    return false;
  }

  list(): JobStatus[] {
    const all = [...this.jobs.values()].map((j) => ({ ...j.status }));
    return [...all.filter((j) => j.state === 'running'), ...all.filter((j) => j.state !== 'running').reverse()];
  }

  /** Stops a running job: its signal fires; it ends as 'cancelled' once its handler has let go. */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.status.state !== 'running' || job.controller.signal.aborted) return false;
    job.controller.abort();
    return true;
  }

  /** The job's status once it has ended, and its method's answer; null when there is no such job. */
  async result(id: string): Promise<{ status: JobStatus; response: ApiResponse<MethodName> } | null> {
    const job = this.jobs.get(id);
    if (!job) return null;
    const response = await job.ended;
    return { status: { ...job.status }, response };
  }

  /**
   * The vault locks: every running job is stopped and every job forgotten,
   * so that the next clinician sees none of them. Resolves when the running
   * ones have let go (a handler that ignores its signal is not waited for
   * longer than `graceMs`).
   */
  async endAll(graceMs = 5_000): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running');
    for (const job of running) job.controller.abort();
    this.jobs.clear();
    if (running.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
      timer.unref();
    });
    await Promise.race([Promise.all(running.map((j) => j.ended)), grace]);
    clearTimeout(timer);
  }

  private dropOldFinished(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id);
  }
}
