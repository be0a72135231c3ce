import { briefForPatient } from '../../agent/brief';
import { listEvidenceSources, searchEvidence } from '../../evidence';
import type { HandlerMap } from './handler';

export const agentHandlers: HandlerMap = {
  'brief.get': (params, { session }) => briefForPatient(session.requireVault(), params.patientId),
  'evidence.search': (params, { session }) => ({ hits: searchEvidence(session.requireVault().db, params.query, params.limit) }),
  'evidence.sources': (_params, { session }) => ({ sources: listEvidenceSources(session.requireVault().db) }),
};
