import { useEffect, useRef } from 'react';
import type { Analyte } from '../../electron/api/schemas';
import { formatDate, plural } from '../ui/format';
import { groupAnalytes } from '../ui/analytes';
import { displayUnit } from '../../electron/api/clinical-format';

export interface AnalytePickerProps {
  readonly analytes: readonly Analyte[];
  readonly selected: string | null;
  readonly onSelect: (code: string) => void;
}

/** Pure: analytes grouped by category (laboratory, vital signs, ...), with counts and the last date. */
export function AnalytePicker({ analytes, selected, onSelect }: AnalytePickerProps) {
  const navRef = useRef<HTMLElement>(null);

  // The chosen analyte is always in sight in the list (the first one shown may be far down).
  useEffect(() => {
    const nav = navRef.current;
    const button = nav?.querySelector<HTMLElement>('[aria-pressed="true"]');
    if (!nav || !button) return;
    const navBox = nav.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    const heading = 30;
    if (box.top < navBox.top + heading || box.bottom > navBox.bottom) {
      nav.scrollTop += box.top - navBox.top - navBox.height / 3;
    }
  }, [selected, analytes]);

  return (
    <nav className="analyte-picker" aria-label="Results to chart" data-testid="analyte-picker" ref={navRef}>
      {groupAnalytes(analytes).map((group) => (
        <div key={group.id} className="analyte-group">
          <h3>{group.label}</h3>
          {group.analytes.map((a) => (
            <button
              key={a.code}
              type="button"
              className="analyte"
              aria-pressed={a.code === selected}
              onClick={() => onSelect(a.code)}
            >
              <span className="a-name">{a.display}</span>
              <span className="a-meta">
                {plural(a.count, 'result')}
                {displayUnit(a.unit) ? ` · ${displayUnit(a.unit)}` : ''}
                {a.last ? ` · last ${formatDate(a.last)}` : ''}
              </span>
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}
