import type { PacsStudy } from '../../api/pacs-schemas';
import { chartForPull, searchInstances, searchSeries, searchStudies } from '../../imaging/dicomweb';
import { studyInstancesByPatient } from '../../imaging/queries';
import type { Vault } from '../../store/vault';
import type { Session } from '../session';
import type { HandlerMap } from './handler';

/**
 * "Pull from PACS" over the API: thin adapters to the unlocked vault's
 * PacsService (electron/core/services/pacs-service.ts), which holds the
 * password the clinician asked to keep and runs each pull as a job. The
 * search is answered here.
 */

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
  const service = session.pacs();
  const chart = chartForPull(vault.db, params.patientId);
  const { pacs, accepted } = service.connect(params);
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
    service.forgetIfRefused(error);
    throw error;
  }
}

export const pacsHandlers: HandlerMap = {
  'pacs.settings': (_params, { session }) => session.pacs().state(),
  'pacs.saveSettings': (params, { session }) => session.pacs().saveSettings(params.url, params.user),
  'pacs.forgetPassword': (_params, { session }) => session.pacs().forgetPassword(),
  'pacs.search': (params, { session }) => search(session, params),
  'pacs.pull': (params, { session }) => session.pacs().startPull(params),
  'pacs.progress': (params, { session }) => ({ progress: session.pacs().progress(params.pullId) }),
  'pacs.cancel': (params, { session }) => ({ cancelled: session.pacs().cancel(params.pullId) }),
};
