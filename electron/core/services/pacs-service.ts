import type { ApiResponse, MethodName } from '../../api/contract';
import type { PacsState, PullProgressState } from '../../api/pacs-schemas';
import { chartForPull, connectPacs, DicomWebError, PullInterruptedError, pullFromPacs, type PacsConnection } from '../../imaging/dicomweb';
import { readPacsSettings, savePacsSettings } from '../../imaging/dicomweb/pacs-settings';
import { VaultError, isVaultError } from '../../store/errors';
import type { Vault } from '../../store/vault';
import type { JobControl, JobRegistry } from '../jobs/job-registry';
import { logError } from '../log';
import type { VaultThread } from '../vault-thread';
import type { RetrievedInstance } from '../../imaging/dicomweb/pull';
import type { ChartPatient } from '../../imaging/match-patient';
import type { Service } from './service';

interface HeldPassword {
  readonly url: string;
  readonly user: string;
  readonly password: string;
}

/** Finished pulls kept for their summary ('pacs.progress'); the oldest go first beyond this. */
const KEEP_FINISHED = 20;

/** A pull's start: the chart, its chosen studies and the password given now (if any). */
export interface PullRequest {
  readonly patientId: string;
  readonly pullId: string;
  readonly studyUids: string[];
  readonly password?: string | undefined;
  readonly remember?: boolean | undefined;
}

/**
 * "Pull from PACS" for one unlocked vault. The settings live in the vault
 * (no password); a password the clinician asks to keep is held here, in
 * memory, until the vault locks. Each pull is a job of the Session's
 * registry (electron/core/jobs), so that it runs beside every other call,
 * is listed and cancelled with the other jobs, and stops when the vault
 * locks; its own progress (an outcome per instance) is kept here for
 * 'pacs.progress'. The Session builds one per unlock and disposes of it on
 * lock: nothing of it outlives the vault, and no timer watches for that.
 */
export class PacsService implements Service {
  readonly name = 'pacs';
  private held: HeldPassword | null = null;
  private readonly pulls = new Map<string, { progress: PullProgressState; jobId: string }>();
  private disposed = false;

  /** thread: the vault thread the instances are filed in, when the core runs one (null: on the core's thread). */
  constructor(
    private readonly vault: Vault,
    private readonly jobs: JobRegistry,
    private readonly thread: () => VaultThread | null = () => null,
  ) {}

  /** The settings, and whether a password is held for them. */
  state(): PacsState {
    const settings = readPacsSettings(this.vault);
    let passwordInClear = false;
    if (settings) {
      try {
        passwordInClear = connectPacs({ url: settings.url, ...(settings.user ? { user: settings.user } : {}) }).passwordInClear;
      } catch {
        // A stored address that no longer passes the check is reported when it is used.
      }
    }
    const held = this.held;
    return {
      settings,
      passwordRemembered: Boolean(settings?.user && held && held.url === settings.url && held.user === settings.user),
      passwordInClear,
    };
  }

  /** Saves the address and user; a changed address or user forgets a held password. */
  saveSettings(url: string, user: string): PacsState {
    const before = readPacsSettings(this.vault);
    const saved = savePacsSettings(this.vault, url, user);
    if (!before || before.url !== saved.url || before.user !== saved.user) this.held = null;
    return this.state();
  }

  forgetPassword(): PacsState {
    this.held = null;
    return this.state();
  }

  /**
   * A connection with the password given now, or the one held. `accepted` is
   * called once the PACS has taken it (a search answered): only then is a
   * password asked to be remembered kept.
   */
  connect(params: { password?: string | undefined; remember?: boolean | undefined }, signal?: AbortSignal): { pacs: PacsConnection; accepted: () => void } {
    const settings = readPacsSettings(this.vault);
    if (!settings) throw new VaultError('invalid-input', "The clinic's PACS is not set up yet: enter its address (and user) in PACS settings first");
    const base = { url: settings.url, ...(signal ? { signal } : {}) };
    if (!settings.user) return { pacs: connectPacs(base), accepted: () => undefined };
    const kept = this.held;
    const password = params.password ?? (kept && kept.url === settings.url && kept.user === settings.user ? kept.password : undefined);
    if (password === undefined) throw new VaultError('invalid-input', `PACS at ${settings.url}: enter the password of user ${settings.user}`);
    const pacs = connectPacs({ ...base, user: settings.user, password });
    const accepted = () => {
      if (params.password !== undefined && params.remember && !this.disposed) this.held = { url: settings.url, user: settings.user!, password: params.password };
    };
    return { pacs, accepted };
  }

  /** A refused password is not kept: the next request asks again. */
  forgetIfRefused(error: unknown): void {
    if (error instanceof DicomWebError && (error.kind === 'unauthorized' || error.kind === 'forbidden')) this.held = null;
  }

  /** Starts a pull as a job and answers where it stands (searching). */
  startPull(request: PullRequest): PullProgressState {
    if (this.jobs.running('pacs.pull', request.pullId)) throw new VaultError('invalid-input', `pull ${request.pullId} is already running`);
    chartForPull(this.vault.db, request.patientId); // a missing chart is refused now, not in the background
    // The connection's requests stop with the job: its signal is forwarded to this one.
    const controller = new AbortController();
    const { pacs, accepted } = this.connect(request, controller.signal);
    const progress: PullProgressState = {
      pullId: request.pullId,
      patientId: request.patientId,
      state: 'searching',
      studies: request.studyUids.length,
      total: null,
      outcomes: [],
      error: null,
    };
    const { status } = this.jobs.start(
      'pacs.pull',
      (control) => {
        control.signal.addEventListener('abort', () => controller.abort(), { once: true });
        return this.runPull(request, pacs, accepted, control);
      },
      request.pullId,
    );
    this.pulls.delete(request.pullId);
    this.pulls.set(request.pullId, { progress, jobId: status.id });
    this.dropOldFinished();
    return copy(progress);
  }

  /** Where the pull by that id stands; null when there is none. */
  progress(pullId: string): PullProgressState | null {
    const entry = this.pulls.get(pullId);
    return entry ? copy(entry.progress) : null;
  }

  /** Stops a running pull; false when it had already ended (or never was). */
  cancel(pullId: string): boolean {
    const entry = this.pulls.get(pullId);
    return entry !== undefined && isRunning(entry.progress) && this.jobs.cancel(entry.jobId);
  }

  /** The vault locks: the password and every pull's summary are forgotten (the registry stops the running pulls). */
  dispose(): void {
    this.disposed = true;
    this.held = null;
    this.pulls.clear();
  }

  private async runPull(request: PullRequest, pacs: PacsConnection, accepted: () => void, control: JobControl): Promise<ApiResponse<MethodName>> {
    const update = (change: Partial<PullProgressState>): PullProgressState => {
      const entry = this.pulls.get(request.pullId);
      const next = { ...(entry?.progress as PullProgressState), ...change };
      if (entry) entry.progress = next;
      return next;
    };
    try {
      const summary = await pullFromPacs(this.vault, pacs, {
        patientId: request.patientId,
        studyUids: request.studyUids,
        signal: control.signal,
        ...(this.thread() ? { fileInstance: (retrieved: RetrievedInstance, bytes: Uint8Array, chartId: string, charts: readonly ChartPatient[]) => this.thread()!.filePulled(retrieved, bytes, chartId, charts) } : {}),
        onProgress: (p) => {
          let now: PullProgressState;
          if (p.kind === 'found') {
            accepted();
            now = update({ state: 'pulling', studies: p.studies, total: p.instances });
          } else {
            now = update({ outcomes: [...(this.pulls.get(request.pullId)?.progress.outcomes ?? []), p.outcome] });
          }
          // A pull the clinician started is activity (the registry's report): the vault does not lock under it.
          const total = now.total ?? 0;
          control.report({ step: now.outcomes.length, steps: total, progress: total === 0 ? 0 : now.outcomes.length / total, status: now.state });
        },
      });
      const done = update({ state: summary.cancelled ? 'cancelled' : 'done', studies: summary.studies, outcomes: summary.outcomes });
      return { ok: true, value: copy(done) } as ApiResponse<MethodName>;
    } catch (error) {
      this.forgetIfRefused(error);
      const cancelled = control.signal.aborted;
      let message: string;
      if (isVaultError(error)) message = error.message;
      else {
        logError('pacs.pull: unexpected failure', error);
        message = 'The pull stopped on an internal error (see the application log); what was imported before stays';
      }
      const outcomes = error instanceof PullInterruptedError ? error.partial.outcomes : (this.pulls.get(request.pullId)?.progress.outcomes ?? []);
      update({ state: cancelled ? 'cancelled' : 'failed', outcomes, error: cancelled ? null : message });
      return { ok: false, error: { code: 'invalid-input', message } };
    }
  }

  private dropOldFinished(): void {
    const finished = [...this.pulls.entries()].filter(([, e]) => !isRunning(e.progress));
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.pulls.delete(id);
  }
}

function isRunning(progress: PullProgressState): boolean {
  return progress.state === 'searching' || progress.state === 'pulling';
}

function copy(progress: PullProgressState): PullProgressState {
  return { ...progress, outcomes: [...progress.outcomes] };
}
