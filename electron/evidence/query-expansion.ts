import { drugVocabulary } from '../clinical/drugs';

/**
 * Words a clinician's question may use for what a guideline spells out:
 * clinical abbreviations, everyday words for clinical terms (LAY_TERMS),
 * and the class a named drug belongs to (guidelines recommend classes:
 * "lisinopril" is asked, "ACEIs" is written). Added to the question's
 * words, never replacing them.
 */
const ABBREVIATIONS: Record<string, string> = {
  htn: 'hypertension',
  bp: 'blood pressure',
  sbp: 'systolic blood pressure',
  dbp: 'diastolic blood pressure',
  dm: 'diabetes mellitus',
  t2dm: 'type 2 diabetes mellitus',
  dm2: 'type 2 diabetes mellitus',
  a1c: 'hba1c hemoglobin a1c',
  hba1c: 'a1c hemoglobin',
  ckd: 'chronic kidney disease',
  esrd: 'end stage renal disease',
  gfr: 'glomerular filtration rate egfr',
  egfr: 'glomerular filtration rate gfr',
  copd: 'chronic obstructive pulmonary disease',
  mdd: 'major depressive disorder depression',
  sud: 'substance use disorder',
  aud: 'alcohol use disorder',
  oud: 'opioid use disorder',
  mi: 'myocardial infarction',
  cvd: 'cardiovascular disease',
  ascvd: 'atherosclerotic cardiovascular disease',
  chd: 'coronary heart disease',
  cad: 'coronary artery disease',
  ldl: 'low density lipoprotein cholesterol',
  hdl: 'high density lipoprotein cholesterol',
  oa: 'osteoarthritis',
  lbp: 'low back pain',
  hbv: 'hepatitis b virus',
  hep: 'hepatitis',
  hbsag: 'hepatitis b surface antigen',
  prep: 'preexposure prophylaxis',
  pep: 'postexposure prophylaxis',
  mec: 'medical eligibility criteria',
  spr: 'selected practice recommendations',
  iud: 'intrauterine device',
  coc: 'combined oral contraceptive',
  cocs: 'combined oral contraceptives',
  dmpa: 'depot medroxyprogesterone acetate',
  ed: 'emergency department',
  er: 'emergency department',
  ptsd: 'posttraumatic stress disorder',
  scd: 'sickle cell disease',
  tcd: 'transcranial doppler',
  inr: 'international normalized ratio',
  af: 'atrial fibrillation',
  afib: 'atrial fibrillation',
  medd: 'morphine equivalent daily dose mme',
  mme: 'morphine milligram equivalents',
  bmi: 'body mass index',
  cbt: 'cognitive behavioral therapy',
  nsaid: 'nonsteroidal anti inflammatory',
  nsaids: 'nonsteroidal anti inflammatory',
  ssri: 'selective serotonin reuptake inhibitor',
  ssris: 'selective serotonin reuptake inhibitors',
  snri: 'serotonin norepinephrine reuptake inhibitor',
  acei: 'angiotensin converting enzyme inhibitor',
  arb: 'angiotensin receptor blocker',
  ccb: 'calcium channel blocker',
  ics: 'inhaled corticosteroid',
  laba: 'long acting beta agonist',
  lama: 'long acting muscarinic antagonist',
  saba: 'short acting beta agonist',
  uti: 'urinary tract infection',
  hcw: 'health care personnel',
  hcp: 'health care personnel',
  dx: 'diagnosis',
  tx: 'treatment',
  rx: 'prescription',
  yo: 'year old',
};

/**
 * Everyday words for what guidelines name clinically, each pair an entry
 * term of the MeSH heading it points to (NLM Medical Subject Headings:
 * "High Blood Pressure" is an entry term of Hypertension, "Birth Control"
 * of Contraception, "Salt, Dietary" of Sodium Chloride, Dietary), or the
 * guideline's own name for the practice ("withdrawal management" for
 * detoxification, "percutaneous exposure" for a needlestick). Keys are
 * matched as whole words or phrases of the question (hyphens as spaces).
 */
const LAY_TERMS: Record<string, string> = {
  'high blood pressure': 'hypertension',
  'raised blood pressure': 'hypertension',
  'birth control': 'contraception contraceptive',
  salt: 'sodium',
  'heart attack': 'myocardial infarction',
  stroke: 'cerebrovascular',
  'blood thinner': 'anticoagulant',
  'blood thinners': 'anticoagulant',
  'water pill': 'diuretic',
  'water pills': 'diuretic',
  painkiller: 'analgesic',
  painkillers: 'analgesic',
  'pain reliever': 'analgesic',
  sciatica: 'radiculopathy',
  detox: 'detoxification withdrawal management',
  needlestick: 'percutaneous exposure',
  'needle stick': 'percutaneous exposure',
  smoker: 'tobacco smoking cigarettes',
  smokes: 'tobacco smoking cigarettes',
  'quit smoking': 'tobacco cessation',
  'weight loss': 'weight reduction',
  'co prescribing': 'concurrent concomitant',
  coprescribing: 'concurrent concomitant',
  'blood sugar': 'glucose glycemic',
  kidney: 'renal',
  'pap smear': 'cervical cytology',
  'pap test': 'cervical cytology',
};

/** The question's lay phrases (LAY_TERMS keys) it holds, each with the words it stands for. */
export function layTerms(query: string): Array<{ phrase: string; words: string[] }> {
  const text = ` ${query.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return Object.entries(LAY_TERMS)
    .filter(([phrase]) => text.includes(` ${phrase} `))
    .map(([phrase, words]) => ({ phrase, words: words.split(' ') }));
}

/** Class words by ATC code prefix: the names guidelines give the classes. */
const ATC_CLASSES: ReadonlyArray<[string, string]> = [
  ['C09A', 'ace inhibitor aceis acei angiotensin converting enzyme'],
  ['C09C', 'angiotensin receptor blocker arbs arb'],
  ['C10AA', 'statin statins'],
  ['C03A', 'thiazide diuretic'],
  ['C03B', 'thiazide type diuretic'],
  ['C03C', 'loop diuretic'],
  ['C07', 'beta blocker'],
  ['C08', 'calcium channel blocker ccb'],
  ['A10BA', 'metformin biguanide'],
  ['A10BB', 'sulfonylurea'],
  ['A10BH', 'dpp 4 inhibitor'],
  ['A10BK', 'sglt 2 inhibitor'],
  ['A10A', 'insulin'],
  ['N06AB', 'ssri selective serotonin reuptake inhibitor antidepressant'],
  ['N06AX', 'antidepressant'],
  ['N06AF', 'maoi monoamine oxidase inhibitor'],
  ['M01A', 'nsaid nonsteroidal anti inflammatory'],
  ['N02A', 'opioid'],
  ['N07BC', 'opioid agonist treatment'],
  ['N05BA', 'benzodiazepine'],
  ['N05CD', 'benzodiazepine'],
  ['M03B', 'muscle relaxant'],
  ['H02AB', 'systemic corticosteroid steroid'],
  ['R03AC', 'beta agonist bronchodilator'],
  ['R03BA', 'inhaled corticosteroid'],
  ['B01AC', 'antiplatelet'],
  ['B01AA', 'vitamin k antagonist anticoagulant'],
  ['B01AF', 'anticoagulant'],
  ['A02BC', 'proton pump inhibitor ppi'],
  ['N03AX', 'anticonvulsant'],
];

/** Abbreviations spelled out; for a question on what to do (not on a label's dosing), the classes of the drugs it names. */
export function expandQuery(words: readonly string[], query: string, withClasses: boolean): string[] {
  const added: string[] = [];
  for (const w of words) {
    const full = ABBREVIATIONS[w];
    if (full) added.push(...full.split(' '));
  }
  for (const lay of layTerms(query)) added.push(...lay.words);
  for (const mention of drugVocabulary().mentions(query)) {
    for (const ingredient of mention.ingredients) {
      added.push(...ingredient.name.split(' '));
      const atc = ingredient.atc;
      if (atc && withClasses) for (const [prefix, words] of ATC_CLASSES) if (atc.startsWith(prefix)) added.push(...words.split(' '));
    }
  }
  return added;
}

