/**
 * Names of conditions as clinicians write them, by SNOMED CT concept: the
 * concept's synonyms (SNOMED CT International Edition descriptions) and the
 * abbreviations in common clinical use (as listed by MedlinePlus and the
 * Joint Commission's abbreviation guidance where they are discouraged, e.g.
 * none here). A record's condition matches a written name when the record's
 * code is the row's concept or one of its listed children, or when the name
 * is the record's own display (see mentions.ts for display matching).
 *
 * `includes` lists the concepts a name also covers: "diabetes" is said of a
 * patient with "Diabetes mellitus type 2" or "Diabetic renal disease" too, and
 * "no history of diabetes" must be contradicted by either.
 */
export interface ConditionName {
  readonly snomed: string;
  readonly names: readonly string[];
  /** Narrower concepts this row's names also stand for. */
  readonly includes?: readonly string[];
}

const DIABETES_FAMILY = ['44054006', '73211009', '46635009', '127013003', '422034002', '368581000119106', '1551000119108', '90781000119102', '157141000119108', '1501000119109', '97331000119101'];
const HYPERTENSION_FAMILY = ['38341003', '59621000', '1201005', '10725009'];
const HEART_DISEASE_FAMILY = ['53741008', '22298006', '399211009', '414545008', '88805009', '84114007', '49436004'];
const CKD_FAMILY = ['709044004', '431855005', '431856006', '433144002', '431857002', '433146000', '46177005', '127013003', '90781000119102'];

const ROWS: readonly ConditionName[] = [
  { snomed: '38341003', names: ['hypertension', 'htn', 'high blood pressure', 'hypertensive disorder', 'essential hypertension', 'elevated blood pressure', 'raised blood pressure', 'hbp'], includes: HYPERTENSION_FAMILY },
  { snomed: '44054006', names: ['type 2 diabetes', 'type 2 diabetes mellitus', 'type ii diabetes', 'type ii diabetes mellitus', 'diabetes mellitus type 2', 'diabetes type 2', 't2dm', 't2d', 'dm2', 'dm 2', 'dm type 2', 'niddm', 'adult onset diabetes'], includes: DIABETES_FAMILY },
  { snomed: '73211009', names: ['diabetes', 'diabetes mellitus', 'dm', 'diabetic', 'sugar diabetes'], includes: DIABETES_FAMILY },
  { snomed: '46635009', names: ['type 1 diabetes', 'type 1 diabetes mellitus', 'diabetes mellitus type 1', 't1dm', 't1d', 'dm1', 'iddm', 'juvenile diabetes'] },
  { snomed: '15777000', names: ['prediabetes', 'pre-diabetes', 'prediabetic', 'impaired glucose tolerance', 'borderline diabetes', 'pre-dm', 'pre dm', 'prediabetic state'] },
  { snomed: '127013003', names: ['diabetic renal disease', 'diabetic kidney disease', 'diabetic nephropathy', 'dkd'] },
  { snomed: '422034002', names: ['diabetic retinopathy', 'retinopathy'], includes: ['422034002', '1551000119108'] },
  { snomed: '368581000119106', names: ['diabetic neuropathy', 'diabetic peripheral neuropathy', 'neuropathy'] },
  { snomed: '709044004', names: ['chronic kidney disease', 'ckd', 'chronic renal disease', 'chronic renal failure', 'chronic renal insufficiency', 'kidney disease', 'renal disease'], includes: CKD_FAMILY },
  // SNOMED CT: hypertriglyceridaemia (302870006) and hypercholesterolaemia (13644009) are kinds of hyperlipidaemia.
  { snomed: '55822004', names: ['hyperlipidemia', 'hyperlipidaemia', 'high cholesterol', 'dyslipidemia', 'dyslipidaemia', 'hld', 'hypercholesterolemia', 'elevated cholesterol'], includes: ['55822004', '302870006', '13644009'] },
  { snomed: '302870006', names: ['hypertriglyceridemia', 'hypertriglyceridaemia', 'high triglycerides', 'elevated triglycerides'] },
  { snomed: '53741008', names: ['coronary heart disease', 'coronary artery disease', 'cad', 'chd', 'ischemic heart disease', 'ihd', 'heart disease'], includes: HEART_DISEASE_FAMILY },
  { snomed: '22298006', names: ['myocardial infarction', 'mi', 'heart attack', 'ami', 'acute myocardial infarction', 'stemi', 'nstemi'], includes: ['22298006', '399211009'] },
  { snomed: '88805009', names: ['chronic congestive heart failure', 'congestive heart failure', 'heart failure', 'chf', 'hf', 'ccf', 'cardiac failure'], includes: ['88805009', '84114007', '42343007'] },
  { snomed: '230690007', names: ['stroke', 'cva', 'cerebrovascular accident', 'cerebral infarction'] },
  { snomed: '162864005', names: ['obesity', 'obese', 'body mass index 30+', 'bmi 30+'] },
  { snomed: '237602007', names: ['metabolic syndrome', 'metabolic syndrome x', 'syndrome x'] },
  { snomed: '80394007', names: ['hyperglycemia', 'hyperglycaemia', 'high blood sugar', 'elevated blood glucose'] },
  { snomed: '271737000', names: ['anemia', 'anaemia'] },
  { snomed: '26929004', names: ["alzheimer's disease", 'alzheimer disease', 'alzheimers', "alzheimer's", 'alzheimer dementia'] },
  { snomed: '64859006', names: ['osteoporosis'] },
  { snomed: '84757009', names: ['epilepsy', 'seizure disorder'], includes: ['84757009', '128613002'] },
  { snomed: '128613002', names: ['seizure disorder', 'seizures'], includes: ['84757009', '128613002', '703151001'] },
  { snomed: '195967001', names: ['asthma', 'bronchial asthma', 'reactive airway disease', 'reactive airways disease'], includes: ['195967001', '233678006'] },
  { snomed: '233678006', names: ['childhood asthma'] },
  { snomed: '13645005', names: ['copd', 'chronic obstructive pulmonary disease', 'chronic obstructive lung disease', 'coad', 'emphysema', 'chronic bronchitis'], includes: ['13645005', '185086009', '87433001'] },
  { snomed: '10509002', names: ['acute bronchitis', 'bronchitis'] },
  { snomed: '444814009', names: ['viral sinusitis', 'sinusitis', 'sinus infection', 'viral rhinosinusitis', 'rhinosinusitis', 'acute sinusitis', 'viral sinus infection'], includes: ['444814009', '36971009', '40055000'] },
  { snomed: '40055000', names: ['chronic sinusitis', 'chronic rhinosinusitis', 'crs'] },
  { snomed: '195662009', names: ['acute viral pharyngitis', 'viral pharyngitis'] },
  // Pharyngitis of any cause: "sore throat" names the viral and the streptococcal kind alike.
  { snomed: '405737000', names: ['pharyngitis', 'sore throat', 'acute pharyngitis'], includes: ['195662009', '43878008'] },
  { snomed: '43878008', names: ['streptococcal sore throat', 'strep throat', 'streptococcal pharyngitis', 'strep pharyngitis'] },
  { snomed: '65363002', names: ['otitis media', 'middle ear infection', 'ear infection', 'aom', 'om'] },
  { snomed: '367498001', names: ['seasonal allergic rhinitis', 'allergic rhinitis', 'hay fever', 'hayfever'] },
  { snomed: '24079001', names: ['atopic dermatitis', 'eczema', 'atopic eczema'] },
  { snomed: '74400008', names: ['appendicitis'] },
  { snomed: '428251008', names: ['appendectomy', 'appendicectomy', 'history of appendectomy'] },
  { snomed: '126906006', names: ['neoplasm of prostate', 'prostate cancer', 'prostate neoplasm', 'cancer of the prostate', 'prostatic carcinoma', 'prostate carcinoma'], includes: ['126906006', '92691004', '314994000', '399068003'] },
  { snomed: '314994000', names: ['metastatic prostate cancer', 'metastasis from malignant tumor of prostate', 'metastatic disease'] },
  { snomed: '68496003', names: ['colon polyp', 'polyp of colon', 'colonic polyp'] },
  { snomed: '201834006', names: ['osteoarthritis of the hand', 'hand osteoarthritis', 'hand oa'] },
  { snomed: '239872002', names: ['osteoarthritis of hip', 'hip osteoarthritis', 'hip oa'] },
  { snomed: '396275006', names: ['osteoarthritis', 'oa', 'degenerative joint disease', 'djd'], includes: ['396275006', '201834006', '239872002', '239873007'] },
  { snomed: '19169002', names: ['miscarriage', 'miscarriage in first trimester', 'spontaneous abortion', 'pregnancy loss'] },
  { snomed: '62106007', names: ['concussion'] },
  { snomed: '35489007', names: ['depression', 'major depressive disorder', 'mdd', 'depressive disorder'], includes: ['35489007', '370143000', '36923009'] },
  { snomed: '197480006', names: ['anxiety', 'anxiety disorder', 'gad', 'generalized anxiety disorder'] },
  { snomed: '49436004', names: ['atrial fibrillation', 'afib', 'af', 'a-fib', 'a fib'] },
  { snomed: '68566005', names: ['urinary tract infection', 'uti', 'cystitis'] },
  { snomed: '54150009', names: ['upper respiratory infection', 'upper respiratory tract infection', 'uri', 'urti', 'common cold'] },
  { snomed: '233604007', names: ['pneumonia'] },
  { snomed: '414916001', names: ['obesity', 'obese'], includes: ['414916001', '162864005'] },
];

export const CONDITION_NAMES: readonly ConditionName[] = ROWS;

/** Every name of the rows that list this one ("t2dm" -> "type 2 diabetes mellitus", ...): a display holding any of them names it. */
export function aliasesOf(name: string): string[] {
  return [...new Set(ROWS.filter((row) => row.names.includes(name)).flatMap((row) => row.names))];
}

/** The concepts a row lists the name for: what a record must be coded as to be that condition. */
export function ownConceptsNamed(name: string): Set<string> {
  return new Set(ROWS.filter((row) => row.names.includes(name)).map((row) => row.snomed));
}

/** The concepts a written name covers (the row's own, its includes), for every row that lists it. */
export function conceptsNamed(name: string): Set<string> {
  const found = new Set<string>();
  for (const row of ROWS) {
    if (!row.names.includes(name)) continue;
    found.add(row.snomed);
    for (const code of row.includes ?? []) found.add(code);
  }
  return found;
}
