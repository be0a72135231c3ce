import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { PatientSummary } from '../../electron/api/schemas';
import { formatDate, formatSex } from '../ui/format';
import { pickMrn } from '../ui/identifiers';

export interface PatientListProps {
  readonly patients: readonly PatientSummary[];
  readonly selectedId: string | null;
  readonly onOpen: (id: string) => void;
}

const ROW_HEIGHT = 58;

/** "Born 19 Sep 1910 · Male · MRN 63dd4423-…": the second line of a row. */
export function patientFacts(p: PatientSummary): string {
  const parts = [p.birthDate ? `Born ${formatDate(p.birthDate)}` : 'Birth date not recorded', formatSex(p.sex) ?? 'Sex not recorded'];
  const mrn = pickMrn(p.identifiers);
  if (mrn) parts.push(`MRN ${mrn}`);
  return parts.join(' · ');
}

/**
 * Pure, virtualized: only the rows on screen are in the DOM, whatever the
 * clinic's size. Each row gives the whole name on its first line, and birth
 * date, sex and MRN on the second, so that neither a long name nor a long
 * record number is cut to a few letters.
 */
export function PatientList({ patients, selectedId, onOpen }: PatientListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: patients.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <div className="patient-scroll" ref={scrollRef} role="list" aria-label="Patients">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const p = patients[item.index];
          if (!p) return null;
          const facts = patientFacts(p);
          return (
            <button
              type="button"
              key={p.id}
              role="listitem"
              className={`patient-row${p.id === selectedId ? ' selected' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              onClick={() => onOpen(p.id)}
              aria-current={p.id === selectedId ? 'true' : undefined}
              data-testid="patient-row"
            >
              <span className="line">
                <span className="name" title={p.name}>
                  {p.name || 'Name not recorded'}
                </span>
                {p.deceasedAt && <span className="deceased-tag">Deceased {formatDate(p.deceasedAt)}</span>}
              </span>
              <span className="facts" title={facts}>
                {facts}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
