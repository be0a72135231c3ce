/**
 * A claim's text as tokens with their spans, folded so that the ways people
 * spell one word compare equal: case, British and American spelling
 * ("haemoglobin", "hemoglobin"), curly and straight apostrophes, plural -s.
 * Sources go through the same folding (see chart-index.ts), so a word
 * compares equal on both sides or on neither.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Token extends Span {
  /** As written. */
  readonly text: string;
  /** Folded: lower case, American spelling, singular. */
  readonly norm: string;
  readonly kind: 'word' | 'number' | 'punct';
}

// A word may hold digits after its first letter (HbA1c, SpO2, T2DM, B12) and
// an apostrophe (Alzheimer's); hyphens split words, so "LDL-C" is two tokens
// and names with hyphens are matched token by token.
const TOKEN = /(\p{L}[\p{L}\p{Nd}]*(?:['’]\p{L}+)?)|(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)|([^\s\p{L}\p{Nd}])/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) tokens.push({ start, end, text: m[0], norm: foldWord(m[0]), kind: 'word' });
    else if (m[2] !== undefined) tokens.push({ start, end, text: m[0], norm: m[0].replace(/,/g, ''), kind: 'number' });
    else tokens.push({ start, end, text: m[0], norm: m[0], kind: 'punct' });
  }
  return tokens;
}

/** Folded content words of a source's text, for word-level support. */
export function foldedWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);
}

// British spellings in clinical words, to the American ones the records use.
const SPELLING: ReadonlyArray<[RegExp, string]> = [
  [/^haem/, 'hem'],
  [/aem/, 'em'],
  [/aed/, 'ed'],
  [/^anaes/, 'anes'],
  [/^oedem/, 'edem'],
  [/^oestr/, 'estr'],
  [/^oesoph/, 'esoph'],
  [/^paed/, 'ped'],
  [/^leucocyt/, 'leukocyt'],
  [/^leucopen/, 'leukopen'],
  [/isation$/, 'ization'],
  [/ise$/, 'ize'],
  [/ised$/, 'ized'],
  [/^tumour/, 'tumor'],
  [/^mould/, 'mold'],
  [/^fibre/, 'fiber'],
  [/^litre/, 'liter'],
  [/^metre/, 'meter'],
  [/^centimetre/, 'centimeter'],
  [/^millilitre/, 'milliliter'],
  [/^behaviour/, 'behavior'],
  [/^colour/, 'color'],
  [/^diarrhoea/, 'diarrhea'],
  [/^appendicectomy/, 'appendectomy'],
];

// Words that end in -s but are not plurals, and plurals that do not end in a plain -s.
const NOT_PLURAL = new Set(['diabetes', 'mellitus', 'status', 'sinusitis', 'bronchitis', 'arthritis', 'dermatitis', 'pharyngitis', 'appendicitis', 'gastritis', 'hepatitis', 'nephritis', 'otitis', 'analysis', 'diagnosis', 'prognosis', 'stenosis', 'osteoporosis', 'always', 'was', 'has', 'is', 'this', 'his', 'its', 'as', 'us', 'yes', 'plus', 'less', 'gas', 'lbs', 'mass', 'virus', 'pus', 'bus', 'thus', 'previous', 'various', 'serious', 'nervous', 'venous', 'ms', 'mrs', 'mellitus', 'series', 'species', 'caries', 'herpes', 'measles', 'mumps', 'pertussis', 'tetanus', 'sepsis', 'crisis', 'fibrosis', 'cirrhosis', 'thrombosis', 'psoriasis', 'lupus', 'iris', 'pelvis', 'penis', 'testis', 'does', 'goes', 'express', 'process', 'illness', 'sickness', 'weakness', 'dizziness', 'numbness', 'shortness', 'stress', 'distress', 'across', 'focus', 'bonus', 'minus', 'versus', 'thesis', 'basis', 'synthesis', 'emphasis', 'axis', 'apnoeas', 'neuritis', 'colitis', 'cellulitis', 'conjunctivitis', 'tendinitis', 'bursitis', 'gingivitis', 'mastitis', 'meningitis', 'encephalitis', 'pancreatitis', 'cholecystitis', 'diverticulitis', 'laryngitis', 'tonsillitis', 'rhinitis', 'vaginitis', 'prostatitis', 'urethritis', 'cystitis', 'keratitis', 'uveitis', 'myositis', 'vasculitis', 'spondylitis', 'osteomyelitis', 'ketoacidosis', 'acidosis', 'alkalosis', 'ketosis', 'necrosis', 'sclerosis', 'scoliosis', 'kyphosis', 'lordosis', 'halitosis', 'cyanosis', 'erythrocytosis', 'leukocytosis', 'thrombocytosis', 'prostatis', 'dialysis', 'paralysis', 'abs']);
const IRREGULAR: Record<string, string> = { allergies: 'allergy', therapies: 'therapy', injuries: 'injury', deliveries: 'delivery', arteries: 'artery', surgeries: 'surgery', biopsies: 'biopsy', feet: 'foot', teeth: 'tooth', women: 'woman', men: 'man', children: 'child', indices: 'index', vertebrae: 'vertebra', data: 'datum' };

// Folding is pure and the vocabulary small: remember each word's fold (claims and sources repeat them).
const folded = new Map<string, string>();

export function foldWord(word: string): string {
  let hit = folded.get(word);
  if (hit === undefined) {
    hit = foldUncached(word);
    if (folded.size > 100_000) folded.clear();
    folded.set(word, hit);
  }
  return hit;
}

function foldUncached(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  for (const [from, to] of SPELLING) w = w.replace(from, to);
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (NOT_PLURAL.has(w) || w.length <= 3 || w.endsWith('betes')) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** A phrase folded into the token norms a claim's text would give. */
export function foldPhrase(phrase: string): string[] {
  return tokenize(phrase)
    .filter((t) => t.kind !== 'punct' || t.text === '+' || t.text === '%')
    .map((t) => t.norm);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
