import { GENERIC_NAMES, SALT_WORDS } from '../../clinical/drug-names';
import type { Db } from '../../store/sqlite';
import { analyteByLoinc } from '../../clinical/analytes';
import { chartEntries, chartObservationNames, chartReasons, changeStamp, patientRow, type ChartEntry } from '../../store/queries/grounding';
import { editDistance } from '../../text/edit-distance';
import { foldPhrase, foldedWords, tokenize, type Token } from './claim-text';
import { globalLexicon, PhraseTrie, type Concept } from './lexicon';

/**
 * One patient's chart as the verifier needs it for claims that cite the
 * whole chart ("no history of", "not on", "the latest"): every condition,
 * prescription, allergy, procedure and immunization whatever its status,
 * the ingredients of each prescription, and a trie of the record displays
 * so that a claim can name a record as the chart names it. Built once per
 * patient and kept until the vault changes (changeStamp).
 */
export interface ChartIndex {
  readonly entries: ReturnType<typeof chartEntries>;
  /** Ingredients of each prescription, by medication id. */
  readonly ingredients: ReadonlyMap<string, ReadonlySet<string>>;
  /** Record displays of this chart, as phrases. */
  readonly displays: PhraseTrie;
  /** A display named with its words in another order ("ankle sprain" for "Sprain of ankle"), at token i. */
  displayBag(tokens: readonly Token[], i: number): { length: number; concepts: Concept[] } | null;
  /** Visit reasons and care plans: what else the chart says a patient has, for "no history of X". */
  readonly reasons: readonly ChartEntry[];
  /** Every word of every record display of the chart, for claims that cite the whole chart. */
  readonly words: ReadonlySet<string>;
  /** Who the chart is of: sex for sex-specific thresholds, name words a claim may use. */
  readonly patient: { readonly sex: string | null; readonly names: ReadonlySet<string> };
}

// Words of a display that say what kind of SNOMED concept it is, not what it is.
const SEMANTIC_TAG = /\s*\((?:disorder|finding|procedure|situation|qualifier value|regime\/therapy|observable entity|morphologic abnormality|event|body structure|substance|product)\)\s*/gi;

const cache = new WeakMap<Db, Map<string, { stamp: string; index: ChartIndex }>>();

export function chartIndex(db: Db, patientId: string): ChartIndex {
  const stamp = changeStamp(db);
  let byPatient = cache.get(db);
  if (!byPatient) cache.set(db, (byPatient = new Map()));
  const hit = byPatient.get(patientId);
  if (hit && hit.stamp === stamp) return hit.index;
  const index = buildIndex(db, patientId);
  byPatient.set(patientId, { stamp, index });
  return index;
}

function buildIndex(db: Db, patientId: string): ChartIndex {
  const entries = chartEntries(db, patientId);
  const ingredients = new Map<string, ReadonlySet<string>>();
  for (const m of entries.medication) ingredients.set(m.id, ingredientsOf(m.display ?? ''));
  const displays = new PhraseTrie();
  const add = (kind: 'procedure' | 'immunization' | 'allergy' | 'condition' | 'care-plan', list: readonly ChartEntry[]) => {
    const byName = new Map<string, Set<string>>();
    for (const e of list) {
      const name = cleanDisplay(e.display);
      if (!name) continue;
      let ids = byName.get(name);
      if (!ids) byName.set(name, (ids = new Set()));
      ids.add(e.id);
    }
    for (const [name, ids] of byName) {
      const concept: Concept = { type: 'record', kind, ids, name };
      displays.add(name, concept);
      const key = bagKey(foldPhrase(name));
      if (key) bags.set(key, [...(bags.get(key) ?? []), concept]);
    }
  };
  const bags = new Map<string, Concept[]>();
  add('condition', entries.condition);
  add('procedure', entries.procedure);
  add('immunization', entries.immunization);
  add('allergy', entries.allergy);
  add('care-plan', entries['care-plan']);
  // The chart's own names of its results and prescriptions ("Hemoglobin A1c/Hemoglobin.total in Blood", "24 HR Metformin
  // hydrochloride 500 MG Extended Release Oral Tablet"): a claim that uses them names that analyte or drug.
  for (const o of chartObservationNames(db, patientId)) {
    const analyte = analyteByLoinc(o.code);
    if (analyte && o.display) displays.add(o.display, { type: 'analyte', analyte });
  }
  for (const m of entries.medication) if (m.display) displays.add(m.display, { type: 'drug', ingredients: ingredients.get(m.id)!, name: m.display });
  const row = patientRow(db, patientId);
  const names = new Set(foldedWords(typeof row?.name_text === 'string' ? row.name_text : '').map((w) => w.replace(/\d+$/, '')));
  // Every content word of a display to the displays that hold it: "whiplash injury" names "Whiplash injury to neck".
  const byWord = new Map<string, Set<Concept>>();
  for (const list of bags.values()) for (const concept of list) {
    if (concept.type !== 'record') continue;
    for (const w of foldPhrase(concept.name)) if (!BAG_NOISE.has(w)) byWord.set(w, (byWord.get(w) ?? new Set()).add(concept));
  }
  const displayBag = (tokens: readonly Token[], i: number) => {
    for (let length = 4; length >= 2; length -= 1) {
      const window = tokens.slice(i, i + length);
      if (window.length < length || window.some((t) => t.kind !== 'word' || BAG_NOISE.has(t.norm))) continue;
      const concepts = bags.get(bagKey(window.map((t) => t.norm)) ?? '');
      if (concepts) return { length, concepts };
      // "sprained ankle" for "Sprain of ankle", "fractured wrist" for "Fracture of wrist".
      const held = (w: string) => [w, w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e')].map((v) => byWord.get(v)).find((x) => x !== undefined);
      const holding = window.map((t) => held(t.norm) ?? new Set<Concept>()).reduce((a, b) => new Set([...a].filter((c) => b.has(c))));
      // "acute viral sinusitis": a window whose next word is a display word too belongs to a longer name, not to "Acute viral pharyngitis".
      const next = tokens[i + length];
      if (holding.size > 0 && !(next?.kind === 'word' && held(next.norm))) return { length, concepts: [...holding] };
    }
    return null;
  };
  const reasons = chartReasons(db, patientId);
  const words = new Set([...Object.values(entries).flat(), ...reasons].flatMap((e) => foldedWords(e.display ?? '')));
  return { entries, ingredients, displays, displayBag, reasons, words, patient: { sex: typeof row?.sex === 'string' ? row.sex : null, names } };
}

const BAG_NOISE = new Set(['of', 'the', 'a', 'an', 'and', 'to', 'in', 'with', 'due']);

/** The content words of a name, sorted: the same for "sprain of ankle" and "ankle sprain". */
function bagKey(words: readonly string[]): string | null {
  const content = words.filter((w) => !BAG_NOISE.has(w)).sort();
  return content.length >= 2 ? content.join(' ') : null;
}

export function cleanDisplay(display: string | null): string {
  return (display ?? '').replace(SEMANTIC_TAG, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The ingredients a prescription's display names: every generic or brand
 * name in it (RxNorm's "Acetaminophen 325 MG / HYDROcodone Bitartrate 5 MG"
 * gives both), and for a word the lexicon does not know but that stands where
 * a drug name stands (before the first strength), the nearest generic name
 * within two letters (Synthea's "Simvistatin"), else the word itself.
 */
export function ingredientsOf(display: string): ReadonlySet<string> {
  const found = new Set<string>();
  const tokens = tokenize(display);
  const lexicon = globalLexicon();
  for (let i = 0; i < tokens.length; ) {
    const match = tokens[i]!.kind === 'word' ? lexicon.longest(tokens, i) : null;
    const drug = match?.concepts.find((c): c is Extract<Concept, { type: 'drug' }> => c.type === 'drug');
    if (match && drug) {
      for (const ingredient of drug.ingredients) found.add(ingredient);
      i += match.length;
    } else i += 1;
  }
  if (found.size > 0) return found;
  const firstNumber = tokens.findIndex((t) => t.kind === 'number');
  const named = tokens.slice(0, firstNumber < 0 ? tokens.length : firstNumber).filter((t) => t.kind === 'word' && !SALT_WORDS.has(t.norm) && t.norm.length > 3);
  for (const word of named) found.add(nearestGeneric(word.norm) ?? word.norm);
  return found;
}

function nearestGeneric(word: string): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of GENERIC_NAMES) {
    if (Math.abs(name.length - word.length) > 2) continue;
    const d = editDistance(word, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}
