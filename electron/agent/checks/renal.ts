import { citeRecord } from '../grounding/citation';
import type { CheckFlag, Medication, RuleSource } from './check-types';
import { ingredientsOf } from './drug-table';
import { CKD_EPI_SOURCE } from './egfr';
import type { KidneyFunction } from './kidney-function';
import { cite, SOURCES } from './rule-sources';

/** An eGFR limit a drug's label states: below `below` mL/min/1.73m2, the label says what it says. */
export interface RenalLimit {
  readonly ingredient: string;
  readonly below: number;
  readonly severity: 'high' | 'warning';
  readonly says: string;
  readonly source: RuleSource;
  readonly section: string;
}

/** Most severe first for each drug: the first limit a value falls under is the one flagged. */
export const RENAL_LIMITS: readonly RenalLimit[] = [
  {
    ingredient: 'metformin',
    below: 30,
    severity: 'high',
    says: 'contraindicated with an eGFR below 30',
    source: SOURCES.metforminLabel,
    section: '4 Contraindications; 2.3 Recommendations for Use in Renal Impairment',
  },
  {
    ingredient: 'metformin',
    below: 45,
    severity: 'warning',
    says: 'starting it is not recommended with an eGFR of 30-45; if already taken, assess the benefit and risk of continuing',
    source: SOURCES.metforminLabel,
    section: '2.3 Recommendations for Use in Renal Impairment',
  },
  {
    ingredient: 'digoxin',
    below: 30,
    severity: 'high',
    says: 'cleared mainly by the kidneys: with severe renal impairment the maintenance dose must be reduced by creatinine clearance and serum digoxin monitored',
    source: SOURCES.digoxinLabel,
    section: '2 Dosage and Administration (maintenance dose by creatinine clearance); 8.6 Renal Impairment',
  },
  {
    ingredient: 'digoxin',
    below: 60,
    severity: 'warning',
    says: 'cleared mainly by the kidneys: the maintenance dose depends on creatinine clearance; check the dose and serum digoxin',
    source: SOURCES.digoxinLabel,
    section: '2 Dosage and Administration (maintenance dose by creatinine clearance); 8.6 Renal Impairment',
  },
];

/** Drugs against the latest kidney function, by the eGFR limits their labels state. */
export function renalDoseFlags(medications: readonly Medication[], kidney: KidneyFunction | null): CheckFlag[] {
  if (!kidney) return [];
  const flags: CheckFlag[] = [];
  const how = kidney.estimatedHere ? `estimated from creatinine with CKD-EPI 2021 (${CKD_EPI_SOURCE.issuer})` : 'reported';
  for (const med of medications) {
    const ingredients = new Set(ingredientsOf(med.display).map((d) => d.ingredient));
    for (const ingredient of new Set(RENAL_LIMITS.map((l) => l.ingredient))) {
      if (!ingredients.has(ingredient)) continue;
      const limit = RENAL_LIMITS.find((l) => l.ingredient === ingredient && kidney.egfr < l.below);
      if (!limit) continue;
      flags.push({
        kind: 'renal-dose',
        severity: limit.severity,
        message: `${med.display}: ${ingredient} ${limit.says}; eGFR ${kidney.egfr} mL/min/1.73m2 on ${kidney.at.slice(0, 10)} (${how})`,
        records: [...(med.id ? [citeRecord('medication', med.id)] : []), citeRecord('observation', kidney.observationId)],
        source: cite(limit.source, limit.section, `renal limit: ${ingredient} below eGFR ${limit.below}`),
      });
    }
  }
  return flags;
}
