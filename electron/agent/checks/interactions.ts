import { citeRecord } from '../grounding/citation';
import type { CheckFlag, Medication } from './check-types';
import { ingredientsOf } from './drug-table';
import { INTERACTIONS } from './interaction-table';
import { cite } from './rule-sources';

/** Each pair of medications that the interaction table names, once per rule and pair, citing the source's section. */
export function interactionFlags(medications: readonly Medication[]): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const withIngredients = medications.map((med) => ({ med, ingredients: new Set(ingredientsOf(med.display).map((d) => d.ingredient)) }));
  INTERACTIONS.forEach((rule, index) => {
    for (const [i, x] of withIngredients.entries()) {
      for (const y of withIngredients.slice(i + 1)) {
        for (const [first, second] of [
          [x, y],
          [y, x],
        ] as const) {
          const a = rule.a.find((n) => first.ingredients.has(n));
          const b = rule.b.find((n) => second.ingredients.has(n));
          if (!a || !b) continue;
          flags.push({
            kind: 'interaction',
            severity: rule.severity,
            message: `${first.med.display} (${a}) with ${second.med.display} (${b}): ${rule.effect}`,
            records: [first.med, second.med].flatMap((m) => (m.id ? [citeRecord('medication', m.id)] : [])),
            source: cite(rule.source, rule.section, `interaction table row ${index + 1}: ${rule.id}`),
          });
          break;
        }
      }
    }
  });
  return flags;
}
