import { patientAccessHistory } from '../../store/audit';
import { VaultError } from '../../store/errors';
import { getChart } from '../../store/queries/chart';
import { getRecordDetails, recordPatientId } from '../../store/queries/details';
import { getResultsGroup, getSeries, listAnalytes } from '../../store/queries/observations';
import { listPatients } from '../../store/queries/patients';
import { searchText } from '../../store/queries/search';
import { timelineEvents } from '../../store/queries/timeline';
import { chartVitals } from '../../store/queries/vitals';
import type { HandlerMap } from './handler';

export const chartHandlers: HandlerMap = {
  'patients.list': (params, { session }) => listPatients(session.requireVault().db, params.query, params.limit),

  'chart.open': (params, { session }) => {
    const vault = session.requireVault();
    const chart = getChart(vault.db, params.patientId, vault.now());
    if (!chart) throw new VaultError('not-found', `patient ${params.patientId}: not in this vault`);
    // Opening a chart is an access to protected health information: audited.
    vault.audit('chart.open', params.patientId);
    return chart;
  },

  'chart.vitals': (params, { session }) => chartVitals(session.requireVault().db, params.patientId),

  'chart.accessHistory': (params, { session }) => ({
    entries: patientAccessHistory(session.requireVault().db, params.patientId, params.limit),
  }),

  'timeline.events': (params, { session }) => timelineEvents(session.requireVault().db, params),

  'observations.analytes': (params, { session }) => ({ analytes: listAnalytes(session.requireVault().db, params.patientId) }),

  'observations.series': (params, { session }) => {
    const series = getSeries(session.requireVault().db, params.patientId, params.code);
    if (!series) throw new VaultError('not-found', `patient ${params.patientId}: no numeric values for code ${params.code}`);
    return series;
  },

  'observations.results': (params, { session }) => {
    const group = getResultsGroup(session.requireVault().db, params.patientId, params.groupId);
    if (!group) throw new VaultError('not-found', `patient ${params.patientId}: no results for ${params.groupId}`);
    return group;
  },

  'record.details': (params, { session }) => {
    const vault = session.requireVault();
    const details = getRecordDetails(vault.db, params.kind, params.id);
    if (!details) throw new VaultError('not-found', `${params.kind} ${params.id}: not in this vault`);
    vault.audit('record.view', recordPatientId(vault.db, params.kind, params.id), { kind: params.kind, id: params.id });
    return details;
  },

  'search.text': (params, { session }) => ({ hits: searchText(session.requireVault().db, params.patientId, params.query) }),
};
