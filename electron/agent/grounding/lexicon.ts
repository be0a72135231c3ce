import { ANALYTES, type Analyte } from '../../clinical/analytes';
import { aliasesOf, CONDITION_NAMES, conceptsNamed, ownConceptsNamed } from '../../clinical/conditions';
import { DRUG_CLASSES, DRUG_NAMES } from '../../clinical/drug-names';
import { foldPhrase, type Token } from './claim-text';

/**
 * What a run of words in a claim names: an analyte, a condition, a drug or
 * drug class, a smoking status, "no known allergies", a kind of visit, or a
 * record of this patient by its display. Phrases are kept in a trie of
 * folded tokens and matched longest first.
 */
export type GroupKind = 'condition' | 'procedure' | 'medication' | 'immunization' | 'encounter' | 'reason';

/**
 * Kinds of history named as a whole ("no cardiac history", "no malignancy",
 * "never had surgery"): matched by the words of the chart's record displays,
 * deliberately broadly, so that a negation of the kind is contradicted by any
 * record of it (a false flag costs a look; a false pass could hide a cancer).
 */
const GROUPS: Array<{ names: string[]; pattern: RegExp | null; kinds: GroupKind[]; analytes?: string[]; report?: RegExp }> = [
  { names: ['cardiac history', 'cardiac disease', 'cardiac problems', 'cardiac condition', 'heart problems', 'heart condition', 'heart trouble', 'cardiovascular disease', 'cardiovascular history', 'cardiac', 'cardiovascular', 'cvd', 'coronary disease', 'heart history', 'cardiac events'], pattern: /heart|cardi|coronar|myocard|angina|atrial|arrhythm|valv|infarct/i, kinds: ['condition', 'procedure', 'reason'] },
  { names: ['malignancy', 'malignancies', 'cancer', 'cancers', 'tumor', 'tumors', 'tumour', 'tumours', 'neoplasm', 'neoplasms', 'oncologic history', 'oncological history', 'cancer history', 'carcinoma', 'malignant disease', 'neoplastic disease'], pattern: /neoplasm|malignan|carcinoma|cancer|tumou?r|metasta|lymphoma|leuka?emia|melanoma|sarcoma|oncolog|docetaxel|oxaliplatin|leucovorin|leuprolide|cisplatin|carboplatin|paclitaxel|cyclophosphamide|tamoxifen|letrozole|chemotherapy/i, kinds: ['condition', 'procedure', 'reason', 'medication'] },
  { names: ['fracture', 'fractures', 'broken bone', 'broken bones', 'fractured'], pattern: /fractur/i, kinds: ['condition', 'procedure'] },
  { names: ['surgery', 'surgeries', 'operation', 'operations', 'surgical history', 'surgical procedures', 'major surgery', 'prior surgery', 'operated'], pattern: /ectomy|otomy|ostomy|plasty|surg|repair|resection|excision|transplant|bypass|extraction|amputation|implant/i, kinds: ['condition', 'procedure'] },
  { names: ['abdominal surgery', 'abdominal surgeries', 'abdominal operation', 'bowel surgery', 'gi surgery'], pattern: /append|cholecyst|colect|colon|bowel|hernia|gastr|abdom|laparo|hysterect|cesarean|caesarean/i, kinds: ['condition', 'procedure'] },
  { names: ['injury', 'injuries', 'trauma', 'traumatic injury', 'injured'], pattern: /injur|sprain|strain|fractur|laceration|concussion|whiplash|contusion|wound|burn|dislocat|trauma/i, kinds: ['condition', 'procedure', 'reason'] },
  { names: ['infection', 'infections', 'infectious disease'], pattern: /infect|sinusitis|pharyngitis|bronchitis|otitis|pneumonia|cellulitis|sepsis|strep|tonsillitis|cystitis|influenza/i, kinds: ['condition', 'reason'] },
  { names: ['throat infection', 'throat infections', 'sore throat', 'sore throats', 'throat problems'], pattern: /pharyngitis|tonsillitis|strep|throat/i, kinds: ['condition', 'reason'] },
  { names: ['ear infection', 'ear infections', 'ear problems'], pattern: /otitis|ear/i, kinds: ['condition', 'reason'] },
  { names: ['sinus problems', 'sinus infection', 'sinus infections', 'sinus disease', 'sinus issues'], pattern: /sinus/i, kinds: ['condition', 'reason'] },
  { names: ['lung disease', 'respiratory disease', 'pulmonary disease', 'lung problems', 'breathing problems', 'chronic lung disease', 'respiratory problems', 'respiratory history'], pattern: /asthma|copd|chronic obstructive|emphysema|pulmonar|lung|respirat|bronch/i, kinds: ['condition', 'reason'] },
  { names: ['kidney disease', 'renal disease', 'kidney problems', 'renal problems', 'renal impairment', 'kidney damage', 'renal history'], pattern: /kidney|renal|nephr|\bckd\b/i, kinds: ['condition', 'reason'] },
  { names: ['liver disease', 'liver problems', 'hepatic disease'], pattern: /liver|hepat|cirrho/i, kinds: ['condition', 'reason'] },
  { names: ['mental health history', 'psychiatric history', 'mental illness', 'psychiatric illness', 'mental health problems', 'mental health conditions', 'psychiatric disorder'], pattern: /depress|anxiety|bipolar|schizo|psych|ptsd|substance|alcohol|dementia|alzheimer/i, kinds: ['condition', 'reason'] },
  { names: ['neurological history', 'neurologic disease', 'neurological disease', 'neurological problems', 'neurologic history', 'neurological condition'], pattern: /seizure|epilep|stroke|neuro|dementia|alzheimer|parkinson|sclerosis|concussion|migraine/i, kinds: ['condition', 'reason'] },
  { names: ['chest imaging', 'chest x-ray', 'chest x-rays', 'chest radiograph', 'chest radiographs', 'chest ct', 'chest film', 'chest films'], pattern: /chest/i, kinds: ['procedure'] },
  { names: ['imaging', 'x-rays', 'radiographs', 'scans', 'imaging studies'], pattern: /x-ray|radiograph|imaging|\bct\b|mri|ultrasound|scan|dxa|densitometr|mammogra|echocardiogra/i, kinds: ['procedure'] },
  { names: ['vaccinations', 'vaccines', 'immunizations', 'immunisations', 'shots'], pattern: null, kinds: ['immunization'] },
  { names: ['pregnancy', 'pregnancies', 'pregnant'], pattern: /pregnan|miscarriage|abortion|delivery|prenatal|gestation|birth/i, kinds: ['condition', 'procedure', 'reason'] },
  { names: ['skin conditions', 'skin problems', 'skin disease', 'dermatologic history'], pattern: /dermat|eczema|psoria|skin|rash|acne/i, kinds: ['condition', 'reason'] },
  { names: ['joint problems', 'arthritis', 'joint disease'], pattern: /arthrit|arthros|joint|osteoarth/i, kinds: ['condition', 'reason'] },
  { names: ['eye disease', 'eye problems', 'vision problems'], pattern: /retinopath|glaucoma|cataract|\beye|macular|vision/i, kinds: ['condition', 'reason'] },
  { names: ['dental problems', 'dental history', 'dental issues'], pattern: /tooth|teeth|molar|dental|gingiv/i, kinds: ['condition', 'procedure', 'reason'] },
  { names: ['liver enzymes', 'liver function tests', 'lfts', 'transaminases', 'liver tests'], pattern: null, kinds: [], analytes: ['alt', 'ast', 'alp', 'bilirubin'], report: /hepatic|liver|comprehensive metabolic/i },
  { names: ['lipids', 'lipid panel', 'lipid profile', 'cholesterol panel', 'fasting lipids'], pattern: null, kinds: [], analytes: ['total-cholesterol', 'ldl', 'hdl', 'triglycerides'], report: /lipid/i },
  { names: ['kidney function', 'renal function', 'kidney function tests', 'renal panel'], pattern: null, kinds: [], analytes: ['egfr', 'creatinine', 'urea-nitrogen'], report: /metabolic|renal|kidney/i },
  { names: ['blood count', 'cbc', 'complete blood count', 'full blood count', 'fbc', 'blood counts'], pattern: null, kinds: [], analytes: ['wbc', 'hemoglobin', 'platelets', 'hematocrit', 'rbc'], report: /blood count|hemogram|\bcbc\b/i },
];

export type SmokingStatus = 'never' | 'former' | 'current' | 'non';

export type Concept =
  | { readonly type: 'analyte'; readonly analyte: Analyte }
  /** codes: every concept the name covers (for a negation); own: the concepts a record must be coded as to be it; aliases: other names of it. */
  | { readonly type: 'condition'; readonly codes: ReadonlySet<string>; readonly own?: ReadonlySet<string>; readonly aliases?: readonly string[]; readonly name: string }
  | { readonly type: 'drug'; readonly ingredients: ReadonlySet<string>; readonly name: string }
  | { readonly type: 'drug-class'; readonly id: string; readonly members: ReadonlySet<string>; readonly name: string }
  | { readonly type: 'smoking'; readonly status: SmokingStatus }
  | { readonly type: 'no-allergy'; readonly scope: 'any' | 'medication' | 'food' | 'environment' }
  | { readonly type: 'allergy-word' }
  | { readonly type: 'encounter'; readonly classes: readonly string[] | null }
  | { readonly type: 'vaccine'; readonly pattern: RegExp; readonly name: string }
  | { readonly type: 'group'; readonly name: string; readonly pattern: RegExp | null; readonly kinds: readonly GroupKind[]; readonly analytes?: readonly string[]; readonly report?: RegExp }
  | { readonly type: 'record'; readonly kind: 'procedure' | 'immunization' | 'allergy' | 'condition' | 'care-plan'; readonly ids: ReadonlySet<string>; readonly name: string };

interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  concepts: T[];
}

/** Phrases of folded tokens, each naming one or more things of type T. */
export class PhraseTrie<T = Concept> {
  private readonly root: TrieNode<T> = { next: new Map(), concepts: [] };

  add(phrase: string | readonly string[], concept: T): void {
    const norms = typeof phrase === 'string' ? foldPhrase(phrase) : phrase;
    if (norms.length === 0) return;
    let node = this.root;
    for (const norm of norms) {
      let child = node.next.get(norm);
      if (!child) node.next.set(norm, (child = { next: new Map(), concepts: [] }));
      node = child;
    }
    node.concepts.push(concept);
  }

  /** Every word of every phrase. */
  words(): Set<string> {
    const out = new Set<string>();
    const walk = (node: TrieNode<T>) => {
      for (const [norm, child] of node.next) {
        out.add(norm);
        walk(child);
      }
    };
    walk(this.root);
    return out;
  }

  /** The longest phrase starting at token i: how many tokens it spans and what it names. */
  longest(tokens: readonly Token[], i: number): { length: number; concepts: T[] } | null {
    let node = this.root;
    let best: { length: number; concepts: T[] } | null = null;
    for (let j = i; j < tokens.length; j += 1) {
      const t = tokens[j]!;
      // Hyphens and slashes inside a name ("LDL-C", "NT-proBNP") are skipped, so "LDL C" matches too.
      if (j > i && t.kind === 'punct' && (t.text === '-' || t.text === '/') && tokens[j + 1] && tokens[j + 1]!.start === t.end && t.start === tokens[j - 1]!.end) continue;
      // Punctuation inside a phrase ("Pain severity - 0-10 ... [Score]", "the 'elevated' category") is not part of it.
      if (j > i && t.kind === 'punct' && t.text !== '+' && t.text !== '%' && tokens[j + 1] !== undefined) continue;
      const child = node.next.get(t.norm);
      if (!child) break;
      node = child;
      if (node.concepts.length > 0) best = { length: j - i + 1, concepts: node.concepts };
    }
    return best;
  }
}

const SMOKING: Record<SmokingStatus, string[]> = {
  never: ['denies ever smoking', 'denies any smoking', 'denies any tobacco', 'denies any tobacco use', 'never used tobacco', 'never a tobacco user', 'lifelong never smoker', 'lifelong nonsmoker', 'never smoker', 'never smoked', 'never-smoker', 'lifelong non-smoker', 'lifelong nonsmoker', 'never used tobacco', 'never a smoker', 'has never smoked', 'never smoked tobacco', 'no smoking history', 'no history of smoking', 'no tobacco use', 'no tobacco', 'denies tobacco', 'denies smoking', 'denies tobacco use', 'tobacco never'],
  former: ['past tobacco use', 'prior tobacco use', 'previous tobacco use', 'past smoking', 'past smoker', 'former smoker', 'ex-smoker', 'ex smoker', 'exsmoker', 'quit smoking', 'stopped smoking', 'previous smoker', 'past smoker', 'used to smoke', 'formerly smoked', 'former tobacco use', 'former tobacco user', 'history of smoking', 'smoking history', 'reformed smoker'],
  current: ['tobacco use', 'uses tobacco', 'current smoker', 'current every day smoker', 'every day smoker', 'everyday smoker', 'daily smoker', 'active smoker', 'currently smokes', 'currently smoking', 'smokes', 'smoker', 'still smokes', 'still smoking', 'still a smoker', 'continues to smoke', 'smoking currently', 'current tobacco use', 'current tobacco user', 'tobacco user', 'smokes daily', 'some day smoker', 'light smoker', 'heavy smoker'],
  non: ['non-smoker', 'nonsmoker', 'non smoker', 'does not smoke', "doesn't smoke", 'not a smoker', 'not smoking', 'not currently smoking', 'does not currently smoke'],
};

const NO_ALLERGY: Record<'any' | 'medication' | 'food' | 'environment', string[]> = {
  medication: ['nkda', 'no known drug allergies', 'no known drug allergy', 'no drug allergies', 'no known medication allergies', 'no medication allergies', 'no allergies to medications', 'no known allergies to medications', 'nkma'],
  any: ['allergy list is empty', 'allergy list empty', 'empty allergy list', 'allergies none', 'allergies nil', 'nil known allergies', 'no allergies listed', 'nka', 'no known allergies', 'no known allergy', 'no allergies', 'no allergy', 'no allergies recorded', 'no recorded allergies', 'no documented allergies', 'allergies: none', 'allergy: none', 'no allergies on record', 'no allergies known'],
  food: ['no known food allergies', 'no food allergies', 'nkfa'],
  environment: ['no known environmental allergies', 'no environmental allergies'],
};

const ENCOUNTERS: Array<[string, string[] | null]> = [
  ['er', ['EMER']],
  ['ed', ['EMER']],
  ['emergency room', ['EMER']],
  ['emergency department', ['EMER']],
  ['a&e', ['EMER']],
  ['visit', null],
  ['visits', null],
  ['encounter', null],
  ['appointment', null],
  ['consultation', null],
  ['consult', null],
  ['seen', null],
  ['office visit', ['AMB']],
  ['clinic visit', ['AMB']],
  ['outpatient visit', ['AMB']],
  ['ambulatory visit', ['AMB']],
  ['check-up', ['AMB']],
  ['checkup', ['AMB']],
  ['check up', ['AMB']],
  ['wellness visit', ['AMB']],
  ['well visit', ['AMB']],
  ['annual physical', ['AMB']],
  ['physical exam', ['AMB']],
  ['admission', ['IMP', 'ACUTE']],
  ['admitted', ['IMP', 'ACUTE']],
  ['hospitalization', ['IMP', 'ACUTE']],
  ['hospitalisation', ['IMP', 'ACUTE']],
  ['hospitalized', ['IMP', 'ACUTE']],
  ['hospitalised', ['IMP', 'ACUTE']],
  ['inpatient stay', ['IMP', 'ACUTE']],
  ['inpatient', ['IMP', 'ACUTE']],
  ['emergency visit', ['EMER']],
  ['emergency department visit', ['EMER']],
  ['ed visit', ['EMER']],
  ['er visit', ['EMER']],
  ['emergency room visit', ['EMER']],
  ['urgent care visit', ['EMER', 'AMB']],
  ['clinic contact', null],
  ['well check', ['AMB']],
  ['well-child visit', ['AMB']],
  ['well child visit', ['AMB']],
  ['well-child check', ['AMB']],
  ['follow-up', null],
  ['follow up', null],
  ['followup', null],
  ['follow-up visit', null],
  ['sick visit', ['AMB']],
  ['physical', ['AMB']],
  ['clinic', null],
  ['office', ['AMB']],
];

/**
 * Vaccines as clinicians name them, each with the words of the CVX
 * descriptions (CDC) an immunization record of it shows.
 */
const VACCINES: Array<[RegExp, string[]]> = [
  [/influenza/i, ['flu shot', 'flu vaccine', 'flu jab', 'flu vaccination', 'flu immunization', 'influenza vaccine', 'influenza vaccination', 'influenza immunization', 'influenza shot', 'seasonal influenza vaccine', 'seasonal flu vaccine', 'flu', 'influenza']],
  [/\btdap\b/i, ['tdap', 'tdap vaccine', 'tdap booster', 'tdap shot']],
  [/\btd\b|tetanus/i, ['td', 'td booster', 'td vaccine', 'tetanus booster', 'tetanus shot', 'tetanus vaccine', 'tetanus and diphtheria', 'tetanus-diphtheria', 'tetanus diphtheria', 'tetanus-diphtheria booster']],
  [/\bdtap\b/i, ['dtap', 'dtap vaccine']],
  [/pneumococcal|\bpcv|\bppv/i, ['pneumococcal vaccine', 'pneumococcal', 'pneumonia vaccine', 'pneumonia shot', 'pcv13', 'pcv 13', 'ppsv23', 'pneumovax', 'prevnar', 'pneumococcal conjugate vaccine', 'pneumococcal polysaccharide vaccine']],
  [/zoster/i, ['shingles vaccine', 'shingles shot', 'zoster vaccine', 'shingrix', 'zostavax', 'zoster']],
  [/hep b|hepatitis b/i, ['hep b', 'hepb', 'hepatitis b vaccine', 'hep b vaccine', 'hbv vaccine', 'hepatitis b']],
  [/hep a|hepatitis a/i, ['hep a', 'hepa', 'hepatitis a vaccine', 'hep a vaccine', 'hepatitis a']],
  [/\bhpv\b|papilloma/i, ['hpv', 'hpv vaccine', 'gardasil', 'human papillomavirus vaccine']],
  [/\bmmr\b|measles/i, ['mmr', 'mmr vaccine', 'measles vaccine']],
  [/varicella/i, ['varicella', 'varicella vaccine', 'chickenpox vaccine']],
  [/\bipv\b|polio/i, ['ipv', 'polio vaccine', 'polio']],
  [/\bhib\b/i, ['hib', 'hib vaccine']],
  [/meningococcal|\bmcv4\b/i, ['meningococcal vaccine', 'mcv4', 'menacwy', 'meningococcal']],
  [/covid|sars-cov-2/i, ['covid vaccine', 'covid-19 vaccine', 'covid shot', 'covid booster', 'sars-cov-2 vaccine']],
  [/rotavirus/i, ['rotavirus vaccine', 'rotavirus']],
];

const SMOKING_HEADINGS = ['', 'tobacco ', 'tobacco use ', 'smoking ', 'smoking status ', 'tobacco smoking status ', 'social history ', 'social hx '];

/** Words that introduce an allergen: "allergic to X", "X allergy". */
const ALLERGY_WORDS = ['allergy', 'allergies', 'allergic', 'allergy to', 'allergic to', 'hypersensitivity', 'intolerance'];

let global: PhraseTrie | null = null;

/** The phrases every chart shares: analytes, condition names, drugs, classes, smoking, allergies, visits. */
export function globalLexicon(): PhraseTrie {
  if (global) return global;
  const trie = new PhraseTrie();
  for (const analyte of ANALYTES) for (const name of analyte.names) trie.add(name, { type: 'analyte', analyte });
  for (const row of CONDITION_NAMES) for (const name of row.names) trie.add(name, { type: 'condition', codes: conceptsNamed(name), own: ownConceptsNamed(name), aliases: aliasesOf(name), name });
  for (const [name, ingredients] of DRUG_NAMES) trie.add(name, { type: 'drug', ingredients: new Set(ingredients), name });
  for (const c of DRUG_CLASSES) for (const name of c.names) trie.add(name, { type: 'drug-class', id: c.id, members: c.members, name });
  for (const [status, phrases] of Object.entries(SMOKING) as Array<[SmokingStatus, string[]]>) {
    // "Tobacco: never smoker", "smoking status former smoker": the heading and its value as one mention.
    for (const p of phrases) for (const heading of SMOKING_HEADINGS) trie.add(`${heading}${p}`, { type: 'smoking', status });
  }
  for (const [scope, phrases] of Object.entries(NO_ALLERGY) as Array<['any' | 'medication' | 'food' | 'environment', string[]]>) for (const p of phrases) trie.add(p, { type: 'no-allergy', scope });
  for (const [phrase, classes] of ENCOUNTERS) trie.add(phrase, { type: 'encounter', classes });
  for (const word of ALLERGY_WORDS) trie.add(word, { type: 'allergy-word' });
  for (const [pattern, names] of VACCINES) for (const name of names) trie.add(name, { type: 'vaccine', pattern, name });
  for (const g of GROUPS) for (const name of g.names) trie.add(name, { type: 'group', name, pattern: g.pattern, kinds: g.kinds, ...(g.analytes ? { analytes: g.analytes } : {}), ...(g.report ? { report: g.report } : {}) });
  global = trie;
  return trie;
}
