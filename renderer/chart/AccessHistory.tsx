import { useState } from 'react';
import type { AuditEntryDto, ClinicianDto } from '../../electron/api/schemas';
import { useSession } from '../shell/session-store';
import { formatDateTime } from '../ui/format';
import { clinicianName, describeAction } from './access-words';
import { useChart } from '../shell/chart-store';

export interface AccessHistoryListProps {
  readonly entries: readonly AuditEntryDto[];
  readonly clinicians: readonly ClinicianDto[];
  readonly limit: number;
}

export function AccessHistoryList({ entries, clinicians, limit }: AccessHistoryListProps) {
  return (
    <ul className="access-list">
      {entries.slice(0, limit).map((e) => (
        <li key={e.seq}>
          <span className="muted">{formatDateTime(e.at)}</span>
          <span>
            <strong>{clinicianName(e.clinicianId, clinicians)}</strong> — {describeAction(e)}
          </span>
        </li>
      ))}
    </ul>
  );
}

const NO_CLINICIANS: readonly ClinicianDto[] = [];

/** Smart: who opened this chart and when (the audit trail, newest first). */
export function AccessHistory() {
  const access = useChart((s) => s.access);
  const error = useChart((s) => s.accessError);
  const load = useChart((s) => s.loadAccessHistory);
  const clinicians = useSession((s) => s.status?.clinicians ?? NO_CLINICIANS);
  const [expanded, setExpanded] = useState(false);

  const entries = access ? [...access].sort((a, b) => b.seq - a.seq) : null;
  return (
    <section className="card" aria-label="Access history" data-testid="access-history">
      <div className="card-title">
        <h2>Access history</h2>
        <span className="muted">Who opened this chart</span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      {error && <div className="error-line">{error}</div>}
      {!entries && !error && <div className="loading">Loading…</div>}
      {entries && entries.length === 0 && <p className="muted">No access recorded yet.</p>}
      {entries && entries.length > 0 && (
        <>
          <AccessHistoryList entries={entries} clinicians={clinicians} limit={expanded ? entries.length : 6} />
          {entries.length > 6 && (
            <button type="button" className="btn-link" style={{ marginTop: 6 }} onClick={() => setExpanded(!expanded)}>
              {expanded ? 'Show fewer' : `Show all ${entries.length}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
