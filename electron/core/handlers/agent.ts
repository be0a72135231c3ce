import { briefForPatient } from '../../agent/brief';
import { checkMedications } from '../../agent/checks';
import { evidenceContext, getEvidenceChunk, importEvidence, listEvidenceSources, searchEvidenceHybrid } from '../../evidence';
import { VaultError } from '../../store/errors';
import type { HandlerMap } from './handler';

export const agentHandlers: HandlerMap = {
  'brief.get': (params, { session }) => briefForPatient(session.requireVault(), params.patientId, { dateStyle: params.dateStyle }),
  'checks.get': (params, { session }) => {
    const vault = session.requireVault();
    return { flags: checkMedications(vault.db, params.patientId, vault.now()) };
  },
  'evidence.search': async (params, { session }) => {
    const vault = session.requireVault();
    return { hits: await searchEvidenceHybrid(vault.db, await session.embedder(), params.query, params.limit) };
  },
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
  // A job (electron/core/jobs): 'evidence.import' answers when it ends, 'evidence.startImport' at once with the job.
  'evidence.import': async (params, { session, job }) => {
    const { fileName, bytes, ...meta } = params;
    job?.report({ step: 0, steps: 1, progress: 0, status: `reading ${fileName}` });
    // The vault may lock while a long PDF is read: the import asks for it again before writing.
    const result = await importEvidence(session.requireVault(), fileName, bytes, meta, { signal: job?.signal });
    // The new passages are embedded in the background; BM25 finds them meanwhile.
    if (!result.alreadyImported) void session.embedLibrary();
    return result;
  },
  'evidence.startImport': (params, { session, startJob }) => {
    session.requireVault();
    return { job: startJob('evidence.import', params, null) };
  },
};
