import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { PatientSummary } from '../../electron/api/schemas';
import { formatDate, formatSex } from '../ui/format';
import { pickMrn } from './identifiers';

export interface PatientListProps {
  readonly patients: readonly PatientSummary[];
  readonly selectedId: string | null;
  readonly onOpen: (id: string) => void;
}

const ROW_HEIGHT = 44;

/** Pure, virtualized: only the rows on screen are in the DOM, whatever the clinic's size. */
export function PatientList({ patients, selectedId, onOpen }: PatientListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: patients.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <>
      <div className="patient-list-head" role="presentation">
        <span>Name</span>
        <span>Born</span>
        <span>Sex</span>
        <span>MRN</span>
      </div>
      <div className="patient-scroll" ref={scrollRef} role="list" aria-label="Patients">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const p = patients[item.index];
            if (!p) return null;
            const mrn = pickMrn(p.identifiers);
            return (
              <button
                type="button"
                key={p.id}
                role="listitem"
                className={`patient-row${p.id === selectedId ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(p.id)}
                aria-current={p.id === selectedId ? 'true' : undefined}
                data-testid="patient-row"
              >
                <span className="name" title={p.name}>
                  {p.name || 'Name not recorded'}
                  {p.deceasedAt && <span className="deceased-tag">Deceased</span>}
                </span>
                <span className="cell">{formatDate(p.birthDate)}</span>
                <span className="cell">{formatSex(p.sex) ?? '—'}</span>
                <span className="cell" title={mrn ?? 'No medical record number'}>
                  {mrn ?? '—'}
                </span>
              </button>
            );
          })}
        </div>
      </div>
    </>
  );
}
