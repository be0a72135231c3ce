import type { VitalSign } from '../../electron/api/schemas';
import { displayUnit } from '../../electron/api/clinical-format';
import { formatDate, formatValue } from '../ui/format';

function valueText(v: VitalSign): string {
  const unit = displayUnit(v.unit);
  const value = v.value2 !== null ? `${formatValue(v.value, 0)}/${formatValue(v.value2, 0)}` : formatValue(v.value, v.decimals);
  return unit ? `${value} ${unit}` : value;
}

/**
 * Pure: the latest blood pressure, pulse, weight, BMI, eGFR (and
 * temperature and SpO2 when recorded), each with its date; a value beyond
 * a critical limit or outside its reference range is marked, the reason on
 * hover. A value opens its record.
 */
export function VitalsStrip({ vitals, onOpen }: { readonly vitals: readonly VitalSign[]; readonly onOpen: (observationId: string) => void }) {
  if (vitals.length === 0) return <div className="vitals-strip empty muted" data-testid="vitals-strip">No vital signs recorded.</div>;
  return (
    <div className="vitals-strip" data-testid="vitals-strip" aria-label="Latest vital signs">
      {vitals.map((v) => (
        <button
          key={v.key}
          type="button"
          className={`vital${v.flag ? ` vital-${v.flag}` : ''}`}
          data-testid={`vital-${v.key}`}
          title={v.flagText ?? `Open the record of ${formatDate(v.at)}`}
          onClick={() => onOpen(v.ids[0]!)}
        >
          <span className="k">{v.label}</span>
          <span className="v">
            {valueText(v)}
            {v.flag === 'critical' && <span className="vital-mark">critical</span>}
            {v.flag === 'abnormal' && <span className="vital-mark">out of range</span>}
          </span>
          <span className="d">{formatDate(v.at)}</span>
        </button>
      ))}
    </div>
  );
}
