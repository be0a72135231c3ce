/**
 * The process the crash-kill test SIGKILLs. Usage:
 *   CONTINUUM_PASSPHRASE=... node --import tsx scripts/trust/crash-child.ts VAULT TAG SEED
 * Opens the vault and, until killed, alternates FHIR bundle imports (one
 * bundle, one transaction) with agent notes approved by the clinician
 * (memory.propose_note, then memory.approve). After each COMMITTED
 * transaction it writes one JSON line (a Committed) to stdout with a
 * synchronous write, so a reported transaction has really committed; a
 * transaction committed but not yet reported when the kill lands is allowed,
 * and the parent checks those rows are whole too.
 */
import { writeSync } from 'node:fs';
import { citeRecord } from '../../electron/agent/grounding/citation';
import { defaultToolRegistry, ProposalStore, type ToolContext } from '../../electron/agent/tools';
import { importBundleText } from '../../electron/fhir';
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

function report(line: Committed | { kind: 'ready' }): void {
  writeSync(1, `${JSON.stringify(line)}\n`);
}

report({ kind: 'ready' });
let bundles = 0;
let notes = 0;
for (;;) {
  if (random() < 0.65) {
    const spec = bundleSpec(tag, bundles);
    bundles += 1;
    const result = importBundleText(vault, spec.label, bundleText(spec));
    const sourceId = vault.db.prepare(`SELECT id FROM sources WHERE kind = 'fhir-import' AND label = ?`).pluck().get(spec.label) as number;
    if (result.alreadyImported) throw new Error(`${spec.label} was imported before`);
    report({ kind: 'bundle', label: spec.label, sourceId, patientId: spec.patientId, observations: spec.observations, conditions: spec.conditions });
  } else {
    const title = `Crash note ${tag}-${notes}`;
    notes += 1;
    const proposed = registry.call('orchestrator', 'memory.propose_note', { title, body: 'Stable; continue.', citations: [citeRecord('observation', BASE_OBSERVATION)] }, context);
    if (!proposed.ok) throw new Error(`propose: ${proposed.message}`);
    const { proposalId } = proposed.output as { proposalId: string };
    const approved = registry.call('clinician', 'memory.approve', { proposalId, decision: 'approve' }, context);
    if (!approved.ok) throw new Error(`approve: ${approved.message}`);
    report({ kind: 'note', proposalId, recordId: (approved.output as { recordId: string }).recordId, title });
  }
}
