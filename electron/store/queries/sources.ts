import type { Db } from '../sqlite';

export type SourceKind = 'fhir-import' | 'document' | 'clinician' | 'agent-proposal' | 'system';

/**
 * Where records came from: one sources row per import, scanned document,
 * photo or approval, which every record it brought points to (source_id).
 * Answers the new row's id.
 */
export function insertSource(
  db: Db,
  row: { kind: SourceKind; label: string; sha256: string | null; clinicianId: string; at: string; detail: string | null },
): number {
  return Number(
    db
      .prepare(`INSERT INTO sources (kind, label, sha256, clinician_id, created_at, detail) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(row.kind, row.label, row.sha256, row.clinicianId, row.at, row.detail).lastInsertRowid,
  );
}

/** The report of an import, kept on its source row once the import has finished. */
export function setSourceDetail(db: Db, sourceId: number, detail: string): void {
  db.prepare(`UPDATE sources SET detail = ? WHERE id = ?`).run(detail, sourceId);
}
