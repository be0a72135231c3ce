/**
 * What must hold of a vault after any crash or failed write: SQLite's own
 * integrity check passes, the audit chain verifies, every transaction the
 * writer reported as committed is there, and every transaction that is there
 * is whole (a bundle has all its rows and its audit entry, a note or a
 * follow-up its source row and its audit entry, a signed-off session its
 * visit summary, its follow-up, their audit entries and its sign-off entry,
 * all or none). Returns one line per problem, and counts.
 */
import { SIGN_OFF_AUDIT_KIND } from '../../electron/agent/tools/sign-off';
import { verifyAudit } from '../../electron/store/audit';
import type { Vault } from '../../electron/store/vault';
import { bundleSpec, SIGN_OFF_NOTE_TITLE, SIGN_OFF_SESSION, type BundleSpec, type Committed } from './workload';

export interface VaultCheck {
  readonly problems: string[];
  /** Reported committed, not found. */
  readonly lost: number;
  /** Found whole but never reported (committed just before the kill). */
  readonly unreported: number;
  readonly bundles: number;
  readonly notes: number;
  /** Signed-off sessions found, each whole (summary, follow-up, audit entries, sign-off entry). */
  readonly signOffs: number;
}

const LABEL = /^trust-(.+)-(\d+)\.json$/;

/** `specFor` gives the rows bundle (tag, index) must have produced; trust bundles are recognised by their label. */
export function checkVault(vault: Vault, reported: readonly Committed[], specFor: (tag: string, index: number) => BundleSpec = bundleSpec): VaultCheck {
  const db = vault.db;
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} rows break a foreign key`);
  const audit = verifyAudit(db);
  if (!audit.ok) problems.push(...audit.problems.map((p) => `audit: ${p}`));

  const auditDetails = (action: string) =>
    (db.prepare(`SELECT detail FROM audit_log WHERE action = ?`).pluck().all(action) as string[]).map((d) => JSON.parse(d) as Record<string, unknown>);
  const importAudited = new Set(auditDetails('import.fhir').map((d) => d.sourceId));
  const writeAudited = new Set(auditDetails('record.write').map((d) => d.recordId));
  const countBy = (table: string) =>
    new Map((db.prepare(`SELECT source_id, count(*) AS n FROM ${table} GROUP BY source_id`).all() as Array<{ source_id: number; n: number }>).map((r) => [r.source_id, r.n]));
  const observations = countBy('observations');
  const conditions = countBy('conditions');
  const patients = countBy('patients');

  // Every import found is whole.
  const sources = db.prepare(`SELECT id, kind, label FROM sources`).all() as Array<{ id: number; kind: string; label: string }>;
  const bundleByLabel = new Map<string, number>();
  let bundles = 0;
  for (const source of sources.filter((s) => s.kind === 'fhir-import')) {
    const match = LABEL.exec(source.label);
    if (!match) continue;
    bundles += 1;
    bundleByLabel.set(source.label, source.id);
    const spec = specFor(match[1]!, Number(match[2]));
    const found = { observations: observations.get(source.id) ?? 0, conditions: conditions.get(source.id) ?? 0, patients: patients.get(source.id) ?? 0 };
    if (found.observations !== spec.observations || found.conditions !== spec.conditions || found.patients !== 1) {
      problems.push(`${source.label}: half-written: ${JSON.stringify(found)} of ${spec.observations} observations, ${spec.conditions} conditions, 1 patient`);
    }
    if (!importAudited.has(source.id)) problems.push(`${source.label}: no import.fhir audit entry`);
  }
  // Every agent note found has its source and audit entry, and vice versa.
  const noteRows = db
    .prepare(`SELECT n.id, n.title, s.kind FROM notes n LEFT JOIN sources s ON s.id = n.source_id`)
    .all() as Array<{ id: string; title: string; kind: string | null }>;
  const noteIds = new Map(noteRows.map((n) => [n.id, n.title]));
  for (const note of noteRows) {
    if (note.kind !== 'agent-proposal') problems.push(`note ${note.id}: its source row is missing or not an agent proposal`);
    if (!writeAudited.has(note.id)) problems.push(`note ${note.id}: no record.write audit entry`);
  }
  // Every follow-up written from a proposal likewise; each approved proposal is one source row and one record.
  const carePlanRows = db
    .prepare(`SELECT c.id, c.source_id, s.kind, s.label FROM care_plan_items c JOIN sources s ON s.id = c.source_id WHERE s.kind = 'agent-proposal'`)
    .all() as Array<{ id: string; source_id: number; kind: string; label: string }>;
  const carePlanIds = new Set(carePlanRows.map((c) => c.id));
  for (const item of carePlanRows) if (!writeAudited.has(item.id)) problems.push(`follow-up ${item.id}: no record.write audit entry`);
  const notesPerSource = countBy('notes');
  const carePlanPerSource = new Map<number, number>();
  for (const item of carePlanRows) carePlanPerSource.set(item.source_id, (carePlanPerSource.get(item.source_id) ?? 0) + 1);
  for (const source of sources.filter((s) => s.kind === 'agent-proposal')) {
    const records = (notesPerSource.get(source.id) ?? 0) + (carePlanPerSource.get(source.id) ?? 0);
    if (records !== 1) problems.push(`source ${source.id} (agent proposal): ${records} records, expected 1`);
  }
  // Signed-off sessions: the visit summary, the follow-up, their record.write entries and the session's sign-off
  // entry commit in one transaction, so a session is there wholly or not at all: any part without the rest is half-written.
  const sessionOf = (label: string) => label.replace(/^session /, '');
  const summaries = new Map<string, { id: string; title: string }>();
  const followUps = new Map<string, string>();
  const signOffEntries = new Map<string, Set<unknown>>();
  const twice = (what: string, session: string) => problems.push(`session ${session}: two ${what}: written twice`);
  for (const n of db.prepare(`SELECT n.id, n.title, s.label FROM notes n JOIN sources s ON s.id = n.source_id WHERE s.kind = 'agent-proposal'`).all() as Array<{ id: string; title: string; label: string }>) {
    const session = sessionOf(n.label);
    if (!SIGN_OFF_SESSION.test(session)) continue;
    if (summaries.has(session)) twice('visit summaries', session);
    summaries.set(session, n);
  }
  for (const c of carePlanRows) {
    const session = sessionOf(c.label);
    if (!SIGN_OFF_SESSION.test(session)) continue;
    if (followUps.has(session)) twice('follow-ups', session);
    followUps.set(session, c.id);
  }
  for (const d of auditDetails('record.write')) {
    if (d.kind !== SIGN_OFF_AUDIT_KIND || typeof d.sessionId !== 'string' || !SIGN_OFF_SESSION.test(d.sessionId)) continue;
    if (signOffEntries.has(d.sessionId)) twice('sign-off entries', d.sessionId);
    signOffEntries.set(d.sessionId, new Set((Array.isArray(d.approved) ? d.approved : []).map((a: { recordId?: unknown }) => a.recordId)));
  }
  const wholeSignOffs = new Set<string>();
  for (const session of new Set([...summaries.keys(), ...followUps.keys(), ...signOffEntries.keys()])) {
    const summary = summaries.get(session);
    const followUp = followUps.get(session);
    const entry = signOffEntries.get(session);
    const missing = [summary ? null : 'visit summary', followUp ? null : 'follow-up', entry ? null : 'sign-off audit entry'].filter((m) => m !== null);
    if (missing.length > 0) {
      problems.push(`session ${session}: half-written sign-off: its ${missing.join(' and ')} missing`);
      continue;
    }
    if (!SIGN_OFF_NOTE_TITLE.test(summary!.title)) problems.push(`session ${session}: its summary note is titled "${summary!.title}"`);
    if (entry!.size !== 2 || !entry!.has(summary!.id) || !entry!.has(followUp)) problems.push(`session ${session}: its sign-off entry does not name its summary and follow-up`);
    else wholeSignOffs.add(session);
  }
  // Every accepted scan proposal has its observation, pointing back at the document's page and boxes.
  const accepted = db
    .prepare(
      `SELECT p.id, p.record_id, o.id AS found, o.source_ref, o.source_id, d.source_id AS document_source
       FROM document_proposals p JOIN documents d ON d.id = p.document_id
       LEFT JOIN observations o ON o.id = p.record_id
       WHERE p.status IN ('accepted', 'edited') AND p.record_table = 'observations'`,
    )
    .all() as Array<{ id: string; record_id: string; found: string | null; source_ref: string | null; source_id: number | null; document_source: number }>;
  const scanRecords = new Set(accepted.map((a) => a.record_id));
  for (const a of accepted) {
    if (!a.found) problems.push(`proposal ${a.id}: accepted, but its observation ${a.record_id} is missing`);
    else if (a.source_id !== a.document_source || !a.source_ref?.startsWith('document:')) problems.push(`observation ${a.record_id}: provenance does not point at its document`);
    if (!writeAudited.has(a.record_id)) problems.push(`observation ${a.record_id}: no record.write audit entry`);
  }
  const orphans = db.prepare(`SELECT count(*) FROM observations WHERE source_ref LIKE 'document:%' AND id NOT IN (SELECT record_id FROM document_proposals WHERE record_id IS NOT NULL)`).pluck().get() as number;
  if (orphans > 0) problems.push(`${orphans} observations from scans have no accepted proposal: half-written`);
  for (const recordId of writeAudited) {
    if (recordId === undefined || recordId === null) continue; // audit entries of saved documents name no record
    if (!noteIds.has(recordId as string) && !scanRecords.has(recordId as string) && !carePlanIds.has(recordId as string)) problems.push(`audit names record ${String(recordId)}, which is missing`);
  }

  // Every reported commit is there.
  let lost = 0;
  let reportedBundles = 0;
  let reportedNotes = 0;
  let reportedScans = 0;
  let reportedSignOffs = 0;
  for (const line of reported) {
    if (line.kind === 'bundle') {
      reportedBundles += 1;
      const found = bundleByLabel.get(line.label);
      if (found === undefined || (line.sourceId !== null && found !== line.sourceId)) {
        lost += 1;
        problems.push(`${line.label}: reported committed (source ${line.sourceId ?? '?'}), not found`);
      }
    } else if (line.kind === 'signoff') {
      reportedSignOffs += 1;
      const entry = signOffEntries.get(line.sessionId);
      if (summaries.get(line.sessionId)?.id !== line.noteId || followUps.get(line.sessionId) !== line.followUpId || !entry?.has(line.noteId) || !entry.has(line.followUpId)) {
        lost += 1;
        problems.push(`session ${line.sessionId}: reported signed off, its summary, follow-up or sign-off entry not found`);
      }
    } else if (line.kind === 'ocr') {
      reportedScans += 1;
      if (!scanRecords.has(line.recordId)) {
        lost += 1;
        problems.push(`scan ${line.documentId}: accepted value ${line.recordId} reported committed, not found`);
      }
    } else {
      reportedNotes += 1;
      if (noteIds.get(line.recordId) !== line.title) {
        lost += 1;
        problems.push(`note ${line.recordId}: reported committed, not found`);
      }
    }
  }
  const crashNotes = noteRows.length - summaries.size;
  const unreported = bundles - reportedBundles + (crashNotes - reportedNotes) + (accepted.length - reportedScans) + (wholeSignOffs.size - reportedSignOffs);
  return { problems, lost, unreported, bundles, notes: noteRows.length, signOffs: wholeSignOffs.size };
}
