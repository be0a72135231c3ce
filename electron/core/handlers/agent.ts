import { briefForPatient } from '../../agent/brief';
import { checkMedications } from '../../agent/checks';
import { evidenceContext, getEvidenceChunk, importEvidence, listEvidenceSources, searchEvidence } from '../../evidence';
import { VaultError } from '../../store/errors';
import type { HandlerMap } from './handler';

export const agentHandlers: HandlerMap = {
  'brief.get': (params, { session }) => briefForPatient(session.requireVault(), params.patientId, { dateStyle: params.dateStyle }),
  'checks.get': (params, { session }) => {
    const vault = session.requireVault();
    return { flags: checkMedications(vault.db, params.patientId, vault.now()) };
  },
  'evidence.search': (params, { session }) => ({ hits: searchEvidence(session.requireVault().db, params.query, params.limit) }),
  'evidence.sources': (_params, { session }) => ({ sources: listEvidenceSources(session.requireVault().db) }),
  'evidence.passage': (params, { session }) => {
    const passage = getEvidenceChunk(session.requireVault().db, params.chunkId);
    if (!passage) throw new VaultError('not-found', `evidence passage ${params.chunkId}: not in the library`);
    return passage;
  },
  'evidence.context': (params, { session }) => {
    const context = evidenceContext(session.requireVault().db, params.chunkId, params.around);
    if (!context) throw new VaultError('not-found', `evidence passage ${params.chunkId}: not in the library`);
    return context;
  },
  'evidence.import': async (params, { session }) => {
    const { fileName, base64, ...meta } = params;
    return importEvidence(session.requireVault(), fileName, new Uint8Array(Buffer.from(base64, 'base64')), meta);
  },
};
