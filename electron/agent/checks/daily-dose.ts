import { drugVocabulary, parseClinicalDrugName, type Strength } from '../../clinical/drugs';
import type { Medication } from './check-types';

/**
 * How much of an ingredient a medication gives a day, from its strength
 * (the RxNorm product when coded, else the name) and its dosage text
 * ("1 tablet every 6 hours, as needed": the most the order allows, as the
 * CDC's MME guidance counts). Null when either is missing: a dose is never
 * guessed.
 */
export interface DailyDose {
  readonly strength: Strength;
  /** Units taken each time (tablets, doses, patches). */
  readonly unitsPerDose: number;
  /** Doses a day at most. */
  readonly dosesPerDay: number;
  /** Amount a day in the strength's unit (mg, or mg/hr for a patch: its rate). */
  readonly amount: number;
  readonly doseForm: string | null;
}

/** The strength of one ingredient in a medication: RxNorm product by code, else the name as RxNorm writes it, else "name 10 mg". */
export function strengthOf(med: Medication, ingredient: string): { strength: Strength; doseForm: string | null } | null {
  const vocabulary = drugVocabulary();
  const product = med.rxcui ? vocabulary.product(med.rxcui) : null;
  const fromProduct = product?.ingredients.find((i) => i.name === ingredient)?.strength;
  if (product && fromProduct) return { strength: fromProduct, doseForm: product.doseForm };
  const parsed = parseClinicalDrugName(med.display);
  const part = parsed?.parts.find((p) => (vocabulary.ingredient(p.ingredient)?.name ?? p.ingredient) === ingredient);
  if (parsed && part?.strength) return { strength: part.strength, doseForm: parsed.doseForm };
  const mention = vocabulary.mentions(med.display).find((m) => m.ingredients.some((i) => i.name === ingredient) && m.strength);
  return mention?.strength ? { strength: { value: mention.strength.value, unit: mention.strength.unit.toUpperCase() }, doseForm: parsed?.doseForm ?? null } : null;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, half: 0.5 };
const num = (s: string) => NUMBER_WORDS[s.toLowerCase()] ?? Number(s);

/** Doses a day a dosage text allows at most; null when it says no frequency. */
export function dosesPerDay(text: string): number | null {
  const t = text.toLowerCase().replace(/\./g, '');
  const every = /\b(?:every|q)\s*(\d+(?:-\d+)?)\s*(?:to\s*\d+\s*)?(h|hr|hrs|hours?|d|days?|wk|weeks?)\b/.exec(t);
  if (every) {
    // "every 4-6 hours": the shortest interval is the most the order allows.
    const n = Number(every[1]!.split('-')[0]);
    const unit = every[2]!;
    if (n > 0) return unit.startsWith('h') ? 24 / n : unit.startsWith('d') ? 1 / n : 1 / (7 * n);
  }
  const times = /\b(\d+|one|two|three|four|five|six)\s*times?\s*(?:a|per|each|every)\s*(day|week)\b/.exec(t);
  if (times) return times[2] === 'day' ? num(times[1]!) : num(times[1]!) / 7;
  if (/\b(?:twice (?:a|per|each) day|twice daily|bid)\b/.test(t)) return 2;
  if (/\b(?:three times daily|tid)\b/.test(t)) return 3;
  if (/\b(?:four times daily|qid)\b/.test(t)) return 4;
  if (/\b(?:once (?:a|per|each) week|weekly|once\/week)\b/.test(t)) return 1 / 7;
  if (/\b(?:once (?:a|per|each) day|once daily|daily|qd|every (?:morning|evening|night)|at (?:bedtime|night)|nightly|qhs)\b/.test(t)) return 1;
  return null;
}

/** Units taken each time: "2 tablets", "take 1", "1 dose"; 1 when the text names none. */
export function unitsPerDose(text: string): number {
  const m = /\b(\d+(?:\.\d+)?|one|two|three|half)\s*(?:tablets?|tabs?|capsules?|caps?|doses?|pills?|patch(?:es)?|puffs?|sprays?|films?|lozenges?|suppositor(?:y|ies))\b/i.exec(text) ?? /\btake\s+(\d+(?:\.\d+)?|one|two|three)\b/i.exec(text);
  return m ? num(m[1]!) : 1;
}

export function dailyDose(med: Medication, ingredient: string): DailyDose | null {
  const found = strengthOf(med, ingredient);
  if (!found) return null;
  const text = [med.dosage, med.display].filter(Boolean).join('; ');
  // A patch releases its rate around the clock, whatever its change schedule.
  if (/\/HR$/i.test(found.strength.unit)) return { strength: found.strength, unitsPerDose: 1, dosesPerDay: 1, amount: found.strength.value, doseForm: found.doseForm };
  const perDay = dosesPerDay(text);
  if (perDay === null) return null;
  const units = unitsPerDose(text);
  return { strength: found.strength, unitsPerDose: units, dosesPerDay: perDay, amount: found.strength.value * units * perDay, doseForm: found.doseForm };
}
