import type { Vitals, VitalSign } from '../../api/schemas';
import { analyteDisplay } from '../../clinical/analyte-display';
import { BP_TARGET } from '../../clinical/bp-target';
import { criticalFinding, EGFR_LOINC } from '../../clinical/critical-values';
import { formatQuantity, displayUnit } from '../../api/clinical-format';
import type { ReadDb } from '../sqlite';

/**
 * The chart's vital-signs strip: the latest blood pressure, pulse, weight,
 * BMI, temperature, oxygen saturation and eGFR, each with its date, the
 * records it rests on, and a flag when it is beyond a critical limit (a
 * cited table) or outside the record's own reference range; and every
 * blood pressure, systolic beside diastolic, for the BP chart with its goal.
 */
const STRIP: ReadonlyArray<{ key: VitalSign['key']; label: string; codes: readonly string[] }> = [
  { key: 'pulse', label: 'Pulse', codes: ['8867-4'] },
  { key: 'weight', label: 'Weight', codes: ['29463-7', '3141-9'] },
  { key: 'bmi', label: 'BMI', codes: ['39156-5'] },
  { key: 'temperature', label: 'Temperature', codes: ['8310-5', '8331-1', '8332-9', '8333-7'] },
  { key: 'spo2', label: 'SpO2', codes: ['2708-6', '59408-5'] },
  { key: 'egfr', label: 'eGFR', codes: EGFR_LOINC },
];
const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

interface Row {
  id: string;
  code: string;
  display: string | null;
  value: number;
  unit: string | null;
  at: string;
  low: number | null;
  high: number | null;
  parent: string | null;
}

function flagOf(row: Row): Pick<VitalSign, 'flag' | 'flagText'> {
  const critical = criticalFinding(row.code, row.unit, row.value);
  if (critical) {
    const unit = displayUnit(critical.limit.ucum);
    return {
      flag: 'critical',
      flagText: `${critical.direction === 'low' ? 'Under' : 'Over'} the critical limit of ${formatQuantity(critical.threshold)}${unit ? ` ${unit}` : ''}: ${critical.limit.meaning} (${critical.limit.source.issuer}, ${critical.limit.source.version})`,
    };
  }
  if ((row.high !== null && row.value > row.high) || (row.low !== null && row.value < row.low)) {
    return { flag: 'abnormal', flagText: `Outside the reference range the record gives (${row.low ?? ''}–${row.high ?? ''})` };
  }
  return { flag: null, flagText: null };
}

export function chartVitals(db: ReadDb, patientId: string): Vitals {
  const latest = db.prepare(
    `SELECT id, code, display, value_num AS value, unit, effective_at AS at, ref_low AS low, ref_high AS high, parent_id AS parent
     FROM observations WHERE patient_id = ? AND code = ? AND value_num IS NOT NULL AND effective_at IS NOT NULL
     ORDER BY effective_at DESC LIMIT 1`,
  );
  const strip: VitalSign[] = [];
  for (const item of STRIP) {
    const rows = item.codes.map((code) => latest.get(patientId, code) as Row | undefined).filter((r): r is Row => r !== undefined);
    const row = rows.sort((a, b) => (a.at < b.at ? 1 : -1))[0];
    if (!row) continue;
    strip.push({ key: item.key, label: item.label, value: row.value, value2: null, unit: row.unit, decimals: analyteDisplay(row.code, row.display ?? item.label).decimals, at: row.at, ids: [row.id], ...flagOf(row) });
  }

  const bpRows = db
    .prepare(
      `SELECT id, code, display, value_num AS value, unit, effective_at AS at, ref_low AS low, ref_high AS high, parent_id AS parent
       FROM observations WHERE patient_id = ? AND code IN (?, ?) AND value_num IS NOT NULL AND effective_at IS NOT NULL ORDER BY effective_at`,
    )
    .all(patientId, SYSTOLIC, DIASTOLIC) as Row[];
  // A systolic and a diastolic belong together when they are components of one panel, or taken at the same moment.
  const byReading = new Map<string, { at: string; systolic: Row | null; diastolic: Row | null }>();
  for (const row of bpRows) {
    const key = row.parent ?? row.at;
    const reading = byReading.get(key) ?? { at: row.at, systolic: null, diastolic: null };
    if (row.code === SYSTOLIC) reading.systolic = row;
    else reading.diastolic = row;
    byReading.set(key, reading);
  }
  const points = [...byReading.values()]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((r) => ({ at: r.at, systolic: r.systolic?.value ?? null, diastolic: r.diastolic?.value ?? null, systolicId: r.systolic?.id ?? null, diastolicId: r.diastolic?.id ?? null }));
  const lastBp = [...byReading.values()].filter((r) => r.systolic).sort((a, b) => (a.at < b.at ? 1 : -1))[0];
  if (lastBp?.systolic) {
    const s = lastBp.systolic;
    const d = lastBp.diastolic;
    const sFlag = flagOf(s);
    const dFlag = d ? flagOf(d) : { flag: null, flagText: null };
    const worst = sFlag.flag === 'critical' ? sFlag : dFlag.flag === 'critical' ? dFlag : sFlag.flag ? sFlag : dFlag;
    strip.unshift({ key: 'bp', label: 'BP', value: s.value, value2: d?.value ?? null, unit: s.unit, decimals: 0, at: s.at, ids: [s.id, ...(d ? [d.id] : [])], ...worst });
  }
  const { source } = BP_TARGET;
  return {
    latest: strip,
    bp: { points, target: { systolicBelow: BP_TARGET.systolicBelow, diastolicBelow: BP_TARGET.diastolicBelow, source: { title: source.title, issuer: source.issuer, version: source.version } } },
  };
}
