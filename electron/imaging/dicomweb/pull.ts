import type { DicomImportOutcome } from '../../api/imaging-schemas';
import type { Vault } from '../../store/vault';
import { readDicomHeader } from '../dicom-header';
import { ImagingError } from '../imaging-error';
import { importDicomBytes } from '../import-dicom';
import { instanceBySopUid } from '../queries';
import { loadChartPatients, matchPatient, type ChartPatient } from '../match-patient';
import { DicomWebError } from './dicomweb-error';
import { chartForPull } from './pacs-patient-ids';
import type { PacsConnection } from './pacs-connection';
import { searchInstances, searchSeries, searchStudies, type InstanceMatch, type StudyMatch } from './qido';
import { instanceUrl, retrieveInstance } from './wado';

export type PullProgress =
  | { readonly kind: 'found'; readonly studies: number; readonly instances: number }
  | { readonly kind: 'instance'; readonly index: number; readonly total: number; readonly outcome: DicomImportOutcome };

export interface PullOptions {
  /** The chart in the vault; the PACS is searched by its identifiers (see chartForPull). */
  readonly patientId: string;
  /** Called after the search and after each instance; awaited, so a caller can pace or stop the pull. */
  readonly onProgress?: (progress: PullProgress) => void | Promise<void>;
  /** Only these studies (Study Instance UIDs, as the search found them); all of the chart's when absent. */
  readonly studyUids?: readonly string[];
  /**
   * Stops the pull (the app's Cancel): the instance in flight is dropped, nothing
   * of it stored; those imported before stay. The summary then says cancelled.
   * Give the same signal to connectPacs so that a request under way is cut too.
   */
  readonly signal?: AbortSignal;
  /**
   * Reads, checks and files one retrieved instance (fileRetrieved): in the
   * core's vault thread where it runs one, so that the instance's header is
   * parsed and its pixels checked off the core's thread; on this vault by default.
   */
  readonly fileInstance?: (retrieved: RetrievedInstance, bytes: Uint8Array, patientId: string, charts: readonly ChartPatient[]) => DicomImportOutcome | Promise<DicomImportOutcome>;
}

/** An instance as the pull asked for it: its address, and the UIDs the PACS said it has. */
export interface RetrievedInstance {
  readonly url: string;
  readonly sopInstanceUid: string;
  readonly studyUid: string;
}

export interface PullSummary {
  readonly patientId: string;
  /** How many PatientID values the PACS was searched by (the values are not repeated here). */
  readonly searchedIds: number;
  readonly studies: number;
  /** One per instance found, in the order pulled; `file` is the instance's WADO-RS URL. */
  readonly outcomes: DicomImportOutcome[];
  /** Set when options.signal stopped the pull before every instance was done. */
  readonly cancelled?: true;
}

/** A pull stopped by the PACS or the network; what was imported before stays, each instance being its own transaction. */
export class PullInterruptedError extends DicomWebError {
  constructor(
    cause: DicomWebError,
    readonly partial: PullSummary,
    total: number,
  ) {
    const kept = partial.outcomes.filter((o) => o.status === 'imported').length;
    super(cause.kind, `${cause.message}; stopped after ${partial.outcomes.length} of ${total} instance(s), ${kept} newly imported kept; pull again for the rest`);
    this.name = 'PullInterruptedError';
  }
}

/**
 * Pulls a chart's studies from a PACS: QIDO-RS finds its studies, series and
 * instances, WADO-RS fetches each instance not yet in the vault, one at a
 * time (memory holds one instance), and the ordinary DICOM import files it:
 * the header check, encryption at rest, the audit entry and dedup by SOP
 * Instance UID all apply. Patient matching applies too: an instance is filed
 * only when its own patient data match the chart it was pulled for (by
 * identifier, with no contradicting name or birth date); when they fit other
 * charts as well, the clinician's naming of the chart decides. An instance
 * that contradicts the chart, or fits another chart only, is reported and
 * not stored. A refused or unreadable instance does not stop the others;
 * losing the PACS does (PullInterruptedError).
 */
export async function pullFromPacs(vault: Vault, pacs: PacsConnection, options: PullOptions): Promise<PullSummary> {
  const chart = chartForPull(vault.db, options.patientId);
  const studies = new Map<string, StudyMatch>();
  const outcomes: DicomImportOutcome[] = [];
  const summary = (): PullSummary => ({ patientId: chart.id, searchedIds: chart.pacsIds.length, studies: studies.size, outcomes: [...outcomes] });
  const cancelled = (): PullSummary => ({ ...summary(), cancelled: true });
  const wanted = options.studyUids ? new Set(options.studyUids) : null;
  const instances: InstanceMatch[] = [];
  try {
    for (const id of chart.pacsIds) {
      // Only the chart's own studies can be chosen: a UID the chart's search did not find is never fetched.
      for (const study of await searchStudies(pacs, id)) if (!wanted || wanted.has(study.studyUid)) studies.set(study.studyUid, study);
    }
    for (const study of [...studies.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))) {
      const series = (await searchSeries(pacs, study.studyUid)).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
      for (const one of series) instances.push(...(await searchInstances(pacs, study.studyUid, one.seriesUid)));
    }
  } catch (error) {
    if (options.signal?.aborted) return cancelled();
    throw error;
  }
  if (options.signal?.aborted) return cancelled();
  await options.onProgress?.({ kind: 'found', studies: studies.size, instances: instances.length });

  const charts = loadChartPatients(vault.db);
  const file = options.fileInstance ?? ((retrieved: RetrievedInstance, bytes: Uint8Array, chartId: string, known: readonly ChartPatient[]) => fileRetrieved(vault, retrieved, bytes, chartId, known));
  for (const [index, instance] of instances.entries()) {
    if (options.signal?.aborted) return cancelled();
    let outcome: DicomImportOutcome;
    try {
      outcome = await pullOne(vault, pacs, instance, chart.id, charts, file);
    } catch (error) {
      // A request cut by Cancel fails like a lost connection: the signal says which it was.
      if (options.signal?.aborted) return cancelled();
      if (error instanceof DicomWebError) throw new PullInterruptedError(error, summary(), instances.length);
      throw error;
    }
    outcomes.push(outcome);
    await options.onProgress?.({ kind: 'instance', index: index + 1, total: instances.length, outcome });
  }
  return summary();
}

async function pullOne(
  vault: Vault,
  pacs: PacsConnection,
  instance: InstanceMatch,
  patientId: string,
  charts: readonly ChartPatient[],
  file: NonNullable<PullOptions['fileInstance']>,
): Promise<DicomImportOutcome> {
  const url = instanceUrl(pacs, instance);
  const there = alreadyThere(vault, instance.sopInstanceUid);
  if (there) {
    const elsewhere = there.patientId === patientId ? '' : ' (under another chart)';
    return { ...outcome(url, 'already-imported', `${url}: already in the vault${elsewhere}`), ...there };
  }
  let bytes: Uint8Array;
  try {
    bytes = await retrieveInstance(pacs, instance);
  } catch (error) {
    if (error instanceof DicomWebError && error.concernsOneObject) return outcome(url, 'rejected', error.message);
    throw error;
  }
  return file({ url, sopInstanceUid: instance.sopInstanceUid, studyUid: instance.studyUid }, bytes, patientId, charts);
}

/**
 * A retrieved instance into the vault: its header read and checked against
 * what was asked for, its patient matched with the chart the pull is for,
 * then filed (importDicomBytes) or not, with the reason. Runs wherever the
 * vault is written: the core's vault thread in the hosts.
 */
export function fileRetrieved(vault: Vault, retrieved: RetrievedInstance, bytes: Uint8Array, patientId: string, charts: readonly ChartPatient[]): DicomImportOutcome {
  const { url } = retrieved;
  let header;
  try {
    header = readDicomHeader(url, bytes);
  } catch (error) {
    if (error instanceof ImagingError) return outcome(url, 'rejected', error.message);
    throw error;
  }
  if (header.sopInstanceUid !== retrieved.sopInstanceUid || header.studyInstanceUid !== retrieved.studyUid) {
    return outcome(url, 'rejected', `${url}: the PACS sent instance ${header.sopInstanceUid} of study ${header.studyInstanceUid} instead; not stored`);
  }
  const match = matchPatient(header.patient, charts);
  if (match.kind === 'matched' && match.patientId === patientId) return importDicomBytes(vault, url, bytes, {}, charts);
  if (match.kind === 'ambiguous' && match.candidates.some((c) => c.id === patientId)) {
    // Several charts fit (a duplicated chart, a shared identifier). The clinician named one: if it
    // fits on its own, with nothing contradicting it, that choice decides, as with `dicom import --patient`.
    const asked = charts.filter((c) => c.id === patientId);
    if (matchPatient(header.patient, asked).kind === 'matched') return importDicomBytes(vault, url, bytes, { patientId }, charts);
  }
  if (match.kind === 'matched') {
    const other = charts.find((c) => c.id === match.patientId)!;
    return {
      ...outcome(url, 'ambiguous', `${url}: its patient data match chart ${other.id} (on ${match.matchedOn.join(', ')}), not ${patientId}; not stored`),
      candidates: [{ id: other.id, name: other.name, birthDate: other.birthDate, matchedOn: match.matchedOn }],
    };
  }
  if (match.kind === 'ambiguous') return { ...outcome(url, 'ambiguous', `${url}: ${match.reason}; not stored`), candidates: match.candidates };
  return outcome(url, 'no-match', `${url}: ${match.reason}; not stored`);
}

function alreadyThere(vault: Vault, sopInstanceUid: string): { patientId: string; studyId: string; instanceId: string } | undefined {
  return instanceBySopUid(vault.db, sopInstanceUid);
}

function outcome(file: string, status: DicomImportOutcome['status'], message: string): DicomImportOutcome {
  return { file, status, message, patientId: null, studyId: null, instanceId: null, candidates: [], checks: [] };
}
