import type { PacsState, PacsStudy, PullProgressState } from '../../api/pacs-schemas';
import { chartForPull, connectPacs, DicomWebError, PullInterruptedError, pullFromPacs, searchInstances, searchSeries, searchStudies, type PacsConnection } from '../../imaging/dicomweb';
import { readPacsSettings, savePacsSettings } from '../../imaging/dicomweb/pacs-settings';
import { studyInstancesByPatient } from '../../imaging/queries';
import { VaultError, isVaultError } from '../../store/errors';
import type { Vault } from '../../store/vault';
import { logError } from '../log';
import type { Session } from '../session';
import type { HandlerMap } from './handler';

/**
 * "Pull from PACS" over the API. The settings live in the vault (no
 * password); a password the clinician asks to keep is held here, in memory,
 * tied to the unlocked Vault object: another unlock is another Vault, and a
 * sweep drops it within a second of the vault closing. Pulls run in the
 * background, one entry each, read by 'pacs.progress' and stopped by
 * 'pacs.cancel'; they too belong to the Vault that started them.
 */

interface HeldPassword {
  readonly url: string;
  readonly user: string;
  readonly password: string;
}

interface PullEntry {
  readonly vault: Vault;
  readonly controller: AbortController;
  progress: PullProgressState;
}

const held = new Map<Vault, HeldPassword>();
const pulls = new Map<string, PullEntry>();
/** Finished pulls kept for their summary; the oldest go first beyond this. */
const KEEP_FINISHED = 20;

let sweeper: NodeJS.Timeout | null = null;

/** Forgets what belongs to a closed vault: its password, its finished pulls; a running pull is stopped. */
function sweep(): void {
  for (const vault of held.keys()) if (!vault.isOpen) held.delete(vault);
  for (const [id, entry] of pulls) {
    if (entry.vault.isOpen) continue;
    entry.controller.abort();
    if (!isRunning(entry)) pulls.delete(id);
  }
  if (held.size === 0 && pulls.size === 0 && sweeper) {
    clearInterval(sweeper);
    sweeper = null;
  }
}

function armSweeper(): void {
  sweeper ??= setInterval(sweep, 1000);
  sweeper.unref();
}

function isRunning(entry: PullEntry): boolean {
  return entry.progress.state === 'searching' || entry.progress.state === 'pulling';
}

function stateOf(vault: Vault): PacsState {
  sweep();
  const settings = readPacsSettings(vault);
  const password = held.get(vault);
  let passwordInClear = false;
  if (settings) {
    try {
      passwordInClear = connectPacs({ url: settings.url, ...(settings.user ? { user: settings.user } : {}) }).passwordInClear;
    } catch {
      // A stored address that no longer passes the check is reported when it is used.
    }
  }
  return {
    settings,
    passwordRemembered: Boolean(settings?.user && password && password.url === settings.url && password.user === settings.user),
    passwordInClear,
  };
}

/**
 * A connection with the password given now, or the one held for this session.
 * `accepted` is called once the PACS has taken it (a search answered): only
 * then is a password asked to be remembered kept.
 */
function connect(vault: Vault, params: { password?: string | undefined; remember?: boolean | undefined }, signal?: AbortSignal): { pacs: PacsConnection; accepted: () => void } {
  sweep();
  const settings = readPacsSettings(vault);
  if (!settings) throw new VaultError('invalid-input', "The clinic's PACS is not set up yet: enter its address (and user) in PACS settings first");
  const base = { url: settings.url, ...(signal ? { signal } : {}) };
  if (!settings.user) return { pacs: connectPacs(base), accepted: () => undefined };
  const kept = held.get(vault);
  const password = params.password ?? (kept && kept.url === settings.url && kept.user === settings.user ? kept.password : undefined);
  if (password === undefined) throw new VaultError('invalid-input', `PACS at ${settings.url}: enter the password of user ${settings.user}`);
  const pacs = connectPacs({ ...base, user: settings.user, password });
  const accepted = () => {
    if (params.password !== undefined && params.remember) {
      held.set(vault, { url: settings.url, user: settings.user!, password: params.password });
      armSweeper();
    }
  };
  return { pacs, accepted };
}

/** A refused password is not kept: the next request asks again. */
function forgetIfRefused(vault: Vault, error: unknown): void {
  if (error instanceof DicomWebError && (error.kind === 'unauthorized' || error.kind === 'forbidden')) held.delete(vault);
}

/** YYYYMMDD (DICOM DA) as YYYY-MM-DD; null for anything else. */
function isoDate(da: string | null): string | null {
  const m = da ? /^(\d{4})(\d{2})(\d{2})$/.exec(da) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function inVault(vault: Vault, studyUid: string, patientId: string): { count: number; otherChart: boolean } {
  const rows = studyInstancesByPatient(vault.db, studyUid);
  return { count: rows.reduce((sum, r) => sum + r.n, 0), otherChart: rows.some((r) => r.patientId !== patientId) };
}

async function search(session: Session, params: { patientId: string; password?: string | undefined; remember?: boolean | undefined }) {
  const vault = session.requireVault();
  const chart = chartForPull(vault.db, params.patientId);
  const { pacs, accepted } = connect(vault, params);
  const found = new Map<string, Awaited<ReturnType<typeof searchStudies>>[number]>();
  try {
    for (const id of chart.pacsIds) for (const study of await searchStudies(pacs, id)) found.set(study.studyUid, study);
    accepted();
    const studies: PacsStudy[] = [];
    for (const study of [...found.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))) {
      let instances = study.instances;
      if (instances === null) {
        // A PACS that does not give NumberOfStudyRelatedInstances: counted through its series.
        instances = 0;
        for (const series of await searchSeries(pacs, study.studyUid)) instances += (await searchInstances(pacs, study.studyUid, series.seriesUid)).length;
      }
      const here = inVault(session.requireVault(), study.studyUid, chart.id);
      studies.push({
        studyUid: study.studyUid,
        date: isoDate(study.date),
        modalities: study.modalities,
        description: study.description,
        instances,
        inVault: here.count,
        otherChart: here.otherChart,
      });
    }
    // What the PACS holds for a chart is about the patient: the look is audited like a record view.
    session.requireVault().audit('record.view', chart.id, { kind: 'pacs.search', pacsUrl: pacs.label, studies: studies.length });
    return { pacsUrl: pacs.label, searchedIds: chart.pacsIds.length, studies };
  } catch (error) {
    forgetIfRefused(vault, error);
    throw error;
  }
}

function startPull(session: Session, params: { patientId: string; pullId: string; studyUids: string[]; password?: string | undefined; remember?: boolean | undefined }): PullProgressState {
  const vault = session.requireVault();
  sweep();
  const existing = pulls.get(params.pullId);
  if (existing && isRunning(existing)) throw new VaultError('invalid-input', `pull ${params.pullId} is already running`);
  chartForPull(vault.db, params.patientId); // a missing chart is refused now, not in the background
  const controller = new AbortController();
  const { pacs, accepted } = connect(vault, params, controller.signal);
  const entry: PullEntry = {
    vault,
    controller,
    progress: { pullId: params.pullId, patientId: params.patientId, state: 'searching', studies: params.studyUids.length, total: null, outcomes: [], error: null },
  };
  pulls.set(params.pullId, entry);
  armSweeper();
  dropOldFinished();
  void runPull(session, entry, pacs, params.studyUids, accepted);
  return { ...entry.progress, outcomes: [...entry.progress.outcomes] };
}

async function runPull(session: Session, entry: PullEntry, pacs: PacsConnection, studyUids: string[], accepted: () => void): Promise<void> {
  const progress = entry.progress;
  try {
    const summary = await pullFromPacs(entry.vault, pacs, {
      patientId: progress.patientId,
      studyUids,
      signal: entry.controller.signal,
      onProgress: (p) => {
        if (p.kind === 'found') {
          accepted();
          entry.progress = { ...entry.progress, state: 'pulling', studies: p.studies, total: p.instances };
        } else {
          entry.progress = { ...entry.progress, outcomes: [...entry.progress.outcomes, p.outcome] };
        }
        // A pull the clinician started is activity: the vault does not lock under it.
        if (entry.vault.isOpen) session.touch();
      },
    });
    entry.progress = { ...entry.progress, state: summary.cancelled ? 'cancelled' : 'done', studies: summary.studies, outcomes: summary.outcomes };
  } catch (error) {
    forgetIfRefused(entry.vault, error);
    const outcomes = error instanceof PullInterruptedError ? error.partial.outcomes : entry.progress.outcomes;
    let message: string;
    if (isVaultError(error)) message = error.message;
    else {
      logError('pacs.pull: unexpected failure', error);
      message = 'The pull stopped on an internal error (see the application log); what was imported before stays';
    }
    entry.progress = { ...entry.progress, state: entry.controller.signal.aborted ? 'cancelled' : 'failed', outcomes, error: entry.controller.signal.aborted ? null : message };
  }
}

function dropOldFinished(): void {
  const finished = [...pulls.entries()].filter(([, e]) => !isRunning(e));
  for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) pulls.delete(id);
}

/** The pull by that id, if it belongs to the vault unlocked now (another clinician's session never sees it). */
function pullOf(session: Session, pullId: string): PullEntry | undefined {
  const vault = session.requireVault();
  sweep();
  const entry = pulls.get(pullId);
  return entry && entry.vault === vault ? entry : undefined;
}

export const pacsHandlers: HandlerMap = {
  'pacs.settings': (_params, { session }) => stateOf(session.requireVault()),
  'pacs.saveSettings': (params, { session }) => {
    const vault = session.requireVault();
    const before = readPacsSettings(vault);
    const saved = savePacsSettings(vault, params.url, params.user);
    if (!before || before.url !== saved.url || before.user !== saved.user) held.delete(vault);
    return stateOf(vault);
  },
  'pacs.forgetPassword': (_params, { session }) => {
    const vault = session.requireVault();
    held.delete(vault);
    return stateOf(vault);
  },
  'pacs.search': (params, { session }) => search(session, params),
  'pacs.pull': (params, { session }) => startPull(session, params),
  'pacs.progress': (params, { session }) => {
    const entry = pullOf(session, params.pullId);
    return { progress: entry ? { ...entry.progress, outcomes: [...entry.progress.outcomes] } : null };
  },
  'pacs.cancel': (params, { session }) => {
    const entry = pullOf(session, params.pullId);
    if (!entry || !isRunning(entry)) return { cancelled: false };
    entry.controller.abort();
    return { cancelled: true };
  },
};
