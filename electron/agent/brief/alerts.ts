import type { BriefRule } from '../../api/schemas';
import { roundLongDecimals } from '../../api/clinical-format';
import { analyteDisplay } from '../../clinical/analyte-display';
import { changeRulesFor } from '../../clinical/change-rules';
import { criticalFinding } from '../../clinical/critical-values';
import type { TableSource } from '../../clinical/table-source';
import type { ReadDb } from '../../store/sqlite';
import type { CheckFlag } from '../checks';
import { citeRecord, type Citation, type Claim } from '../grounding/citation';
import type { ResultPoint } from './brief-queries';
import type { BriefFormat } from './format';
import { citedObservation, citedRecordName } from './label-queries';

/** A brief line before verification: what it claims from the record, and the rule that raised it. */
export interface RuledClaim extends Claim {
  readonly rule: BriefRule;
}

const ALERT_ORDER: Record<BriefRule['severity'], number> = { critical: 0, high: 1, warning: 2 };

function source(s: TableSource): BriefRule['source'] {
  return { title: s.title, issuer: s.issuer, version: s.version, ...(s.url ? { url: s.url } : {}) };
}

/**
 * What needs the clinician's attention first: the latest result of an
 * analyte beyond a critical limit (critical-values.ts), a change that a
 * publication defines as rapid (change-rules.ts), and the medication
 * checks' high-severity flags. The line's text says only what the cited
 * records say (the value, its unit and date), so the verifier checks it
 * like any other line; the threshold crossed and its source are the rule.
 */
export function alertLines(db: ReadDb, patientId: string, byCode: ReadonlyMap<string, readonly ResultPoint[]>, flags: readonly CheckFlag[], f: BriefFormat): RuledClaim[] {
  const lines: RuledClaim[] = [];
  for (const points of byCode.values()) {
    const latest = points[points.length - 1];
    if (!latest) continue;
    const shown = analyteDisplay(latest.code, latest.display);
    const critical = criticalFinding(latest.code, latest.unit, latest.value);
    if (critical) {
      lines.push({
        text: `${shown.name} ${f.value(latest.value, shown.decimals)}${f.unit(latest.unit)} on ${f.day(latest.at)}`,
        citations: [citeRecord('observation', latest.id)],
        rule: {
          severity: 'critical',
          text: `${critical.direction === 'low' ? 'Under' : 'Over'} the limit of ${f.value(critical.threshold)}${f.unit(critical.limit.ucum)}: ${critical.limit.meaning}`,
          source: source(critical.limit.source),
        },
      });
    }
    for (const rule of changeRulesFor(latest.code, latest.unit)) {
      const change = rule.find(points);
      if (!change) continue;
      const step = (p: { value: number; at: string }) => `${f.value(p.value, shown.decimals)}${f.unit(latest.unit)} on ${f.day(p.at)}`;
      lines.push({
        text: `${shown.name} ${step(change.from)}, then ${step(change.to)}`,
        citations: [citeRecord('observation', change.from.id), citeRecord('observation', change.to.id)],
        rule: { severity: 'high', text: `${rule.analyte}: ${rule.meaning}`, source: source(rule.source) },
      });
    }
  }
  lines.push(...flagLines(db, patientId, flags.filter((flag) => flag.severity === 'high'), f));
  return lines.sort((a, b) => ALERT_ORDER[a.rule.severity] - ALERT_ORDER[b.rule.severity]);
}

/**
 * The medication checks' flags as brief lines: the line names the cited
 * records (the drug, the allergy, the result) in their own words, and the
 * check's message, with its rule's source, is the rule.
 */
export function flagLines(db: ReadDb, patientId: string, flags: readonly CheckFlag[], f: BriefFormat): RuledClaim[] {
  return flags.map((flag) => ({
    text: flag.records.map((c) => recordPhrase(db, patientId, c, f)).filter(Boolean).join('; ') || flag.kind,
    citations: flag.records,
    rule: {
      severity: flag.severity === 'high' ? 'high' : 'warning',
      text: roundLongDecimals(flag.message),
      // The check's whole source: its version, the section the rule sits in and the table row that triggered it.
      source: ruleSourceOf(flag.source),
    },
  }));
}

function ruleSourceOf(s: CheckFlag['source']): BriefRule['source'] {
  const { title, issuer, version, section, row, url } = s;
  return { title, issuer, ...(version ? { version } : {}), ...(section ? { section } : {}), ...(row ? { row } : {}), ...(url ? { url } : {}) };
}

/** A cited record in its own words, for a check's line: the drug's name, the allergy, the result with its value and date. */
function recordPhrase(db: ReadDb, patientId: string, citation: Citation, f: BriefFormat): string {
  if (citation.kind !== 'record') return '';
  switch (citation.record) {
    case 'medication':
      return citedRecordName(db, patientId, 'medication', citation.id) ?? '';
    case 'allergy': {
      const name = citedRecordName(db, patientId, 'allergy', citation.id);
      return name ? `allergy: ${name}` : '';
    }
    case 'observation': {
      const row = citedObservation(db, patientId, citation.id);
      if (!row) return '';
      const shown = analyteDisplay(row.code, (row.display ?? row.code) as string);
      return row.value === null ? shown.name : `${shown.name} ${f.value(row.value, shown.decimals)}${f.unit(row.unit)} on ${f.day(row.at)}`;
    }
    default:
      return '';
  }
}
