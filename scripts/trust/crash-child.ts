/**
 * The process the crash-kill test SIGKILLs. Usage:
 *   CONTINUUM_PASSPHRASE=... node --import tsx scripts/trust/crash-child.ts VAULT TAG SEED
 * Opens the vault and, until killed, alternates FHIR bundle imports (one
 * bundle, one transaction), agent notes approved by the clinician
 * (memory.propose_note, then memory.approve) and scanned documents whose
 * lab proposal the clinician accepts (saveDocument, then decideProposal), and follow-up sessions
 * signed off through the agent harness (runSession: the sign-off proposes the visit summary note
 * and a follow-up, the clinician approves both, and both, their audit entries and the session's
 * signed mark commit in ONE transaction; the model's answer is scripted, the writes are the real
 * ones). After each COMMITTED
 * transaction it writes one JSON line (a Committed) to stdout, and waits
 * while the pipe is full (the parent may be busy in a backup for seconds):
 * a reported transaction has really committed; one committed but not yet
 * reported when the kill lands is allowed, and the parent checks those rows
 * are whole too. (A synchronous write(2) to the pipe failed with EAGAIN
 * when Node had made it non-blocking and the parent read nothing for a
 * while: the writer died, and the backup test counted a problem.)
 */
import { once } from 'node:events';
import { citeRecord } from '../../electron/agent/grounding/citation';
import { runSession, sessionScript, Trajectory, type ChatModel } from '../../electron/agent/harness';
import { defaultToolRegistry, ProposalStore, type ToolContext } from '../../electron/agent/tools';
import { importBundleText } from '../../electron/fhir';
import { decideProposal, listProposals, saveDocument, type OcrPage, type Proposal } from '../../electron/ocr';
import { Vault } from '../../electron/store/vault';
import { BASE_OBSERVATION, BASE_PATIENT, bundleSpec, bundleText, prng, type Committed } from './workload';

const [file, tag, seedText] = process.argv.slice(2);
const passphrase = process.env.CONTINUUM_PASSPHRASE;
if (!file || !passphrase || !tag) {
  process.stderr.write('usage: CONTINUUM_PASSPHRASE=... crash-child.ts VAULT TAG SEED\n');
  process.exit(2);
}
const random = prng(Number(seedText ?? 1));
const vault = Vault.open(file, { passphrase });
const registry = defaultToolRegistry();
const context: ToolContext = { vault, patientId: BASE_PATIENT, sessionId: `crash-${tag}`, now: new Date(), proposals: new ProposalStore() };

async function report(line: Committed | { kind: 'ready' }): Promise<void> {
  if (!process.stdout.write(`${JSON.stringify(line)}\n`)) await once(process.stdout, 'drain');
}

await report({ kind: 'ready' });
let bundles = 0;
let notes = 0;
let documents = 0;
let signOffs = 0;

/** The model's part of a sign-off, scripted: the crash test is about the writes that follow, not the model. */
const signOffModel: ChatModel = {
  id: 'scripted sign-off (trust workload)',
  chat: () => {
    const followUpDate = new Date(vault.now().getTime() + 28 * 86_400_000).toISOString().slice(0, 10);
    return Promise.resolve({ text: JSON.stringify({ assessment: 'Stable on current treatment.', plan: 'Continue; recheck blood pressure.', followUpDate }), tokens: 24, finish: 'stop' });
  },
};
const signOffScript = sessionScript.parse({ workflow: 'follow-up', turns: [], approve: 'all' });

/** One follow-up session to its sign-off: the visit summary and the follow-up approved together (one transaction). */
async function signOff(): Promise<void> {
  const sessionId = `signoff-${tag}-${signOffs}`;
  signOffs += 1;
  const outcome = await runSession({ vault, patientId: BASE_PATIENT, script: signOffScript, model: signOffModel, trajectory: new Trajectory(), sessionId });
  const note = outcome.proposals.find((p) => p.body.kind === 'note');
  const followUp = outcome.proposals.find((p) => p.body.kind === 'follow-up');
  if (outcome.endReason !== 'completed' || !note?.recordId || !followUp?.recordId) throw new Error(`sign-off ${sessionId} did not write its summary and follow-up (${outcome.endReason})`);
  await report({ kind: 'signoff', sessionId, noteId: note.recordId, followUpId: followUp.recordId });
}

/** A one-page "scan" with one potassium result on it, as OCR would have read it. */
function scannedLab(index: number): { page: OcrPage; proposal: Proposal } {
  const box = { x: 10, y: 20 + index % 50, w: 80, h: 12 };
  const text = `Potassium ${(4 + (index % 10) / 10).toFixed(1)} mmol/L`;
  const page: OcrPage = { page: 1, width: 600, height: 800, source: 'ocr', rotation: 0, confidence: 90, text, words: [{ text, confidence: 90, box, line: 0 }] };
  const proposal = {
    id: `lab-${index}`, confidence: 90, evidence: { page: 1, boxes: [box], read: text },
    kind: 'lab', analyte: 'Potassium', matchedName: 'Potassium', loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma',
    value: 4 + (index % 10) / 10, comparator: null, unit: 'mmol/L', ucum: 'mmol/L', refLow: 3.5, refHigh: 5.1, date: '2024-05-01',
  } as Proposal;
  return { page, proposal };
}

for (;;) {
  const roll = random();
  if (roll >= 0.9) {
    await signOff();
  } else if (roll >= 0.75) {
    const { page, proposal } = scannedLab(documents);
    documents += 1;
    const saved = saveDocument(vault, { patientId: BASE_PATIENT, title: `Crash scan ${tag}-${documents}`, mediaType: 'image/png', bytes: Buffer.from(`scan ${tag} ${documents}`), pages: [page], proposals: [proposal] });
    const stored = listProposals(vault, saved.documentId).find((p) => p.proposal.kind === 'lab');
    if (!stored) throw new Error('the scan has no lab proposal');
    const decided = decideProposal(vault, stored.id, 'accept');
    if (!decided.recordId) throw new Error('accepting the lab wrote no record');
    await report({ kind: 'ocr', documentId: saved.documentId, proposalId: stored.id, recordId: decided.recordId });
  } else if (roll < 0.55) {
    const spec = bundleSpec(tag, bundles);
    bundles += 1;
    const result = importBundleText(vault, spec.label, bundleText(spec));
    const sourceId = vault.db.prepare(`SELECT id FROM sources WHERE kind = 'fhir-import' AND label = ?`).pluck().get(spec.label) as number;
    if (result.alreadyImported) throw new Error(`${spec.label} was imported before`);
    await report({ kind: 'bundle', label: spec.label, sourceId, patientId: spec.patientId, observations: spec.observations, conditions: spec.conditions });
  } else {
    const title = `Crash note ${tag}-${notes}`;
    notes += 1;
    const proposed = registry.call('orchestrator', 'memory.propose_note', { title, body: 'Stable; continue.', citations: [citeRecord('observation', BASE_OBSERVATION)] }, context);
    if (!proposed.ok) throw new Error(`propose: ${proposed.message}`);
    const { proposalId } = proposed.output as { proposalId: string };
    const approved = registry.call('clinician', 'memory.approve', { proposalId, decision: 'approve' }, context);
    if (!approved.ok) throw new Error(`approve: ${approved.message}`);
    await report({ kind: 'note', proposalId, recordId: (approved.output as { recordId: string }).recordId, title });
  }
}
