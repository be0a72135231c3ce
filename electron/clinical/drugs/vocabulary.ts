import vocabularyJson from './drug-vocabulary.json' with { type: 'json' };
import { SALTS, type Strength } from './rxnorm-name';
import type { VocabularyFile, VocabularyIngredient, VocabularyProduct, VocabularySource } from './vocabulary-file';

export type Ingredient = Readonly<VocabularyIngredient>;
export type DrugProduct = VocabularyProduct;

/** How a name in text was recognised. */
export type MentionVia = 'ingredient' | 'synonym' | 'brand';

/** A drug named in free text: which ingredients it stands for, where, and a strength written right after it. */
export interface DrugMention {
  /** The ingredients the name stands for (a brand may stand for several: Percocet). */
  readonly ingredients: readonly Ingredient[];
  /** The text as written ("Lasix"). */
  readonly matched: string;
  readonly via: MentionVia;
  /** Character offsets of the name in the text. */
  readonly start: number;
  readonly end: number;
  /** "40 mg" right after the name, where written. */
  readonly strength: Strength | null;
}

interface NameEntry {
  readonly ingredients: Ingredient[];
  readonly via: MentionVia;
}

/** Lower case words of a name; hyphens and punctuation separate words ("Klor-Con" -> klor con). */
function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

// A strength right after a name, past up to two salt words ("oxyCODONE Hydrochloride 5 MG").
const SALT_WORDS = `(?:\\s+(?:${[...SALTS].join('|')})){0,2}`;
const STRENGTH_AFTER = new RegExp(`^${SALT_WORDS}[\\s,:-]*(\\d+(?:[.,]\\d+)?)\\s*(mg|mcg|µg|ug|g|ml|units?|unt|meq|iu|%)(?![a-z])`, 'i');

/**
 * The drug vocabulary: RxNorm ingredients with their brand names, synonyms,
 * ATC codes and CDC drug-set classes, and the RxNorm clinical drugs of the
 * shipped tables (built by scripts/clinical/build-drug-vocabulary.ts; each
 * source with its version in `sources`). Pure lookups, no I/O.
 */
export class DrugVocabulary {
  readonly sources: readonly VocabularySource[];
  readonly sets: VocabularyFile['sets'];
  private readonly byName = new Map<string, NameEntry>();
  private readonly byIngredient = new Map<string, Ingredient>();
  private readonly byRxcui = new Map<string, DrugProduct>();
  private readonly longest: number;

  constructor(file: VocabularyFile) {
    this.sources = file.sources;
    this.sets = file.sets;
    for (const ingredient of file.ingredients) this.byIngredient.set(ingredient.name, ingredient);
    for (const product of file.products) this.byRxcui.set(product.rxcui, product);
    const add = (name: string, ingredient: Ingredient, via: MentionVia) => {
      const key = words(name).join(' ');
      if (key.length < 3) return;
      const entry = this.byName.get(key);
      // An ingredient's own name outranks a brand or synonym spelled the same.
      if (!entry || (via === 'ingredient' && entry.via !== 'ingredient')) this.byName.set(key, { ingredients: [ingredient], via });
      else if (entry.via === via && !entry.ingredients.includes(ingredient)) entry.ingredients.push(ingredient);
    };
    for (const i of file.ingredients) add(i.name, i, 'ingredient');
    for (const i of file.ingredients) for (const s of i.synonyms) add(s, i, 'synonym');
    for (const i of file.ingredients) for (const b of i.brands) add(b, i, 'brand');
    this.longest = Math.max(...[...this.byName.keys()].map((k) => k.split(' ').length));
  }

  /** The versions of the tables this vocabulary was built from, in one line for a flag or a log. */
  get version(): string {
    return this.sources.map((s) => `${s.id} ${s.version}`).join('; ');
  }

  /** An ingredient by its RxNorm name or a synonym ("paracetamol" -> acetaminophen); null when unknown. */
  ingredient(name: string): Ingredient | null {
    const key = words(name).join(' ');
    const direct = this.byIngredient.get(key);
    if (direct) return direct;
    const entry = this.byName.get(key);
    return entry && entry.via === 'synonym' ? entry.ingredients[0]! : null;
  }

  /** What a name stands for: an ingredient, a synonym or a brand ("Lasix" -> furosemide); [] when unknown. */
  lookup(name: string): readonly Ingredient[] {
    return this.byName.get(words(name).join(' '))?.ingredients ?? [];
  }

  /** How a name is known: as an ingredient, synonym or brand; null when unknown. */
  lookupVia(name: string): MentionVia | null {
    return this.byName.get(words(name).join(' '))?.via ?? null;
  }

  /** An RxNorm clinical drug (SCD/SBD) of the shipped tables by RxCUI. */
  product(rxcui: string): DrugProduct | null {
    return this.byRxcui.get(rxcui) ?? null;
  }

  /** Every known name (ingredients, synonyms, brands) as lower-case words, for fuzzy matching of OCR text. */
  names(): ReadonlyArray<{ name: string; ingredients: readonly Ingredient[]; via: MentionVia }> {
    return [...this.byName.entries()].map(([name, e]) => ({ name, ingredients: e.ingredients, via: e.via }));
  }

  /** Whether an ingredient belongs to a CDC drug set (a class: "benzodiazepine-medications"). */
  inSet(ingredient: Ingredient, set: string): boolean {
    return ingredient.sets.includes(set);
  }

  /**
   * The drugs a text names, left to right, longest name first
   * ("Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG" -> acetaminophen,
   * oxycodone; "Motrin 400 mg once/week" -> ibuprofen, 400 mg).
   */
  mentions(text: string): DrugMention[] {
    const tokens = [...text.matchAll(/[A-Za-z0-9]+/g)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
    const out: DrugMention[] = [];
    for (let i = 0; i < tokens.length; ) {
      let found: { entry: NameEntry; n: number } | null = null;
      for (let n = Math.min(this.longest, tokens.length - i); n >= 1 && !found; n -= 1) {
        const entry = this.byName.get(tokens.slice(i, i + n).map((t) => t.word).join(' '));
        if (entry) found = { entry, n };
      }
      if (!found) {
        i += 1;
        continue;
      }
      const start = tokens[i]!.start;
      const end = tokens[i + found.n - 1]!.end;
      const strength = STRENGTH_AFTER.exec(text.slice(end, end + 24));
      out.push({
        ingredients: found.entry.ingredients,
        matched: text.slice(start, end),
        via: found.entry.via,
        start,
        end,
        strength: strength ? { value: Number(strength[1]!.replace(',', '.')), unit: strength[2]!.toLowerCase() } : null,
      });
      i += found.n;
    }
    return out;
  }

  /** The distinct ingredients a medication name contains, in order of mention. */
  ingredientsOf(text: string): Ingredient[] {
    const seen = new Set<Ingredient>();
    for (const m of this.mentions(text)) for (const i of m.ingredients) seen.add(i);
    return [...seen];
  }
}

let shared: DrugVocabulary | null = null;

/** The shipped vocabulary, indexed once on first use. */
export function drugVocabulary(): DrugVocabulary {
  shared ??= new DrugVocabulary(vocabularyJson as unknown as VocabularyFile);
  return shared;
}
