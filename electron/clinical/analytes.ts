/**
 * Analytes and vital signs as clinicians name them: one row per measured
 * quantity, with the LOINC codes that record it, the short name a clinician
 * writes ("eGFR", "HbA1c", "SBP"), the other names and abbreviations a note
 * or a model may use, the UCUM unit it is usually recorded in, how it is
 * shown, and (for mass <-> molar conversion) its molar mass.
 *
 * Sources, cited per column:
 * - codes and names: LOINC 2.77 (Regenstrief Institute; https://loinc.org),
 *   the LONG_COMMON_NAME, SHORTNAME and RELATEDNAMES2 fields of each code;
 *   abbreviations not in LOINC's fields are the common clinical ones listed by
 *   the NLM's MedlinePlus lab-test pages (https://medlineplus.gov/lab-tests/).
 *   LOINC is (c) Regenstrief Institute, Inc., used under the LOINC licence.
 * - units: UCUM 2.1 codes (https://ucum.org), as @lhncbc/ucum-lhc validates them.
 * - molar masses: PubChem (https://pubchem.ncbi.nlm.nih.gov), g/mol, for the
 *   analytes a lab may report in either mass or substance concentration
 *   (the factors match the LOINC conversion pairs of the miracum/loinc-conversion
 *   table: glucose 18.02, creatinine 88.4, cholesterol 38.67, triglycerides 88.57, urea nitrogen 2.801).
 * - display precision: the decimals laboratories report each analyte with.
 *
 * A name maps to exactly one row: "hemoglobin" is the blood count, and the
 * glycated form has its own names. Names are lower case with single spaces,
 * spelled the American way; claim text is folded to that (see fold-text.ts).
 */
export type AnalyteKind = 'vital' | 'lab' | 'score';

export interface Analyte {
  /** Stable id, used by checks and tables that refer to an analyte. */
  readonly id: string;
  /** The short name clinicians write, for display. */
  readonly short: string;
  readonly kind: AnalyteKind;
  /** LOINC codes that record this quantity (any specimen or method that means the same to a reader). */
  readonly loinc: readonly string[];
  /** Names, abbreviations and spellings, lower case. */
  readonly names: readonly string[];
  /** The UCUM unit it is usually recorded in. */
  readonly ucum: string | null;
  /** Decimals shown. */
  readonly precision: number;
  /** g/mol, where the analyte is reported both as mass and as substance concentration. */
  readonly molarMass?: number;
}

const ROWS: readonly Analyte[] = [
  // Vital signs (LOINC vital signs panel 85353-1)
  { id: 'systolic', short: 'SBP', kind: 'vital', loinc: ['8480-6'], names: ['systolic blood pressure', 'systolic bp', 'systolic pressure', 'systolic', 'sbp', 'bp systolic', 'sys bp', 'sys. bp', 'sys'], ucum: 'mm[Hg]', precision: 0 },
  { id: 'diastolic', short: 'DBP', kind: 'vital', loinc: ['8462-4'], names: ['diastolic blood pressure', 'diastolic bp', 'diastolic pressure', 'diastolic', 'dbp', 'bp diastolic', 'dia bp', 'dia. bp', 'dia'], ucum: 'mm[Hg]', precision: 0 },
  { id: 'blood-pressure', short: 'BP', kind: 'vital', loinc: ['55284-4', '85354-9', '35094-2'], names: ['blood pressure', 'bp', 'b/p', 'sbp/dbp', 'systolic/diastolic', 'systolic/diastolic bp', 'systolic/diastolic blood pressure', 'blood pressure panel', 'arterial pressure'], ucum: 'mm[Hg]', precision: 0 },
  { id: 'heart-rate', short: 'HR', kind: 'vital', loinc: ['8867-4'], names: ['heart rate', 'hr', 'pulse', 'pulse rate'], ucum: '/min', precision: 0 },
  { id: 'respiratory-rate', short: 'RR', kind: 'vital', loinc: ['9279-1'], names: ['respiratory rate', 'rr', 'respiration rate', 'breathing rate', 'resp rate'], ucum: '/min', precision: 0 },
  { id: 'temperature', short: 'Temp', kind: 'vital', loinc: ['8310-5', '8331-1', '8332-9', '8333-7'], names: ['body temperature', 'oral temperature', 'temperature', 'temp', 'oral temp', 'tympanic temperature', 'tmax', 't'], ucum: 'Cel', precision: 1 },
  { id: 'spo2', short: 'SpO2', kind: 'vital', loinc: ['59408-5', '2708-6'], names: ['oxygen saturation', 'spo2', 'sao2', 'o2 sat', 'o2 sats', 'o2 saturation', 'pulse oximetry', 'oxygen sats'], ucum: '%', precision: 0 },
  { id: 'weight', short: 'Weight', kind: 'vital', loinc: ['29463-7', '3141-9'], names: ['body weight', 'weight', 'wt', 'weighed', 'weighs', 'weighing', 'weigh in', 'weigh-in', 'weight of'], ucum: 'kg', precision: 1 },
  { id: 'height', short: 'Height', kind: 'vital', loinc: ['8302-2', '8306-3'], names: ['body height', 'height', 'ht', 'stature', 'length', 'body length', 'recumbent length', 'length/height'], ucum: 'cm', precision: 1 },
  { id: 'bmi', short: 'BMI', kind: 'vital', loinc: ['39156-5'], names: ['body mass index', 'bmi'], ucum: 'kg/m2', precision: 1 },
  { id: 'pain', short: 'Pain score', kind: 'score', loinc: ['72514-3'], names: ['pain severity', 'pain score', 'pain rating', 'pain', 'nrs pain score'], ucum: '{score}', precision: 0 },
  { id: 'mmse', short: 'MMSE', kind: 'score', loinc: ['72106-8'], names: ['mmse', 'mini mental state examination', 'mini-mental state examination', 'mmse score', 'mmse total score'], ucum: '{score}', precision: 0 },

  // Chemistry (LOINC basic/comprehensive metabolic panels 51990-0 / 24323-8)
  { id: 'glucose', short: 'Glucose', kind: 'lab', loinc: ['2339-0', '2345-7', '41653-7', '1558-6'], names: ['glucose', 'blood glucose', 'serum glucose', 'plasma glucose', 'blood sugar', 'glu', 'bg'], ucum: 'mg/dL', precision: 0, molarMass: 180.156 },
  { id: 'urea-nitrogen', short: 'BUN', kind: 'lab', loinc: ['6299-2', '3094-0'], names: ['urea nitrogen', 'blood urea nitrogen', 'bun', 'urea'], ucum: 'mg/dL', precision: 0, molarMass: 28.014 },
  { id: 'creatinine', short: 'Creatinine', kind: 'lab', loinc: ['38483-4', '2160-0'], names: ['creatinine', 'serum creatinine', 'cr', 'creat', 'scr'], ucum: 'mg/dL', precision: 2, molarMass: 113.12 },
  { id: 'calcium', short: 'Calcium', kind: 'lab', loinc: ['49765-1', '17861-6'], names: ['calcium', 'ca', 'serum calcium', 'total calcium'], ucum: 'mg/dL', precision: 1, molarMass: 40.078 },
  { id: 'sodium', short: 'Na', kind: 'lab', loinc: ['2947-0', '2951-2'], names: ['sodium', 'na', 'serum sodium'], ucum: 'mmol/L', precision: 0 },
  { id: 'potassium', short: 'K', kind: 'lab', loinc: ['6298-4', '2823-3'], names: ['potassium', 'k', 'serum potassium'], ucum: 'mmol/L', precision: 1 },
  { id: 'chloride', short: 'Cl', kind: 'lab', loinc: ['2069-3', '2075-0'], names: ['chloride', 'cl', 'serum chloride'], ucum: 'mmol/L', precision: 0 },
  { id: 'carbon-dioxide', short: 'CO2', kind: 'lab', loinc: ['20565-8', '2028-9'], names: ['carbon dioxide', 'co2', 'bicarbonate', 'bicarb', 'hco3', 'total co2', 'tco2'], ucum: 'mmol/L', precision: 0 },
  { id: 'egfr', short: 'eGFR', kind: 'lab', loinc: ['33914-3', '62238-1', '48642-3', '48643-1', '50044-7', '77147-7', '98979-8'], names: ['estimated glomerular filtration rate', 'glomerular filtration rate', 'egfr', 'gfr', 'estimated gfr'], ucum: 'mL/min/{1.73_m2}', precision: 0 },
  { id: 'hba1c', short: 'HbA1c', kind: 'lab', loinc: ['4548-4', '17856-6', '59261-8'], names: ['hemoglobin a1c', 'hba1c', 'a1c', 'glycated hemoglobin', 'glycosylated hemoglobin', 'glycohemoglobin', 'hgba1c', 'hb a1c', 'hgb a1c'], ucum: '%', precision: 1 },
  { id: 'total-protein', short: 'Total protein', kind: 'lab', loinc: ['2885-2'], names: ['total protein', 'protein', 'serum protein'], ucum: 'g/dL', precision: 1 },
  { id: 'albumin', short: 'Albumin', kind: 'lab', loinc: ['1751-7'], names: ['albumin', 'alb', 'serum albumin'], ucum: 'g/dL', precision: 1 },
  { id: 'globulin', short: 'Globulin', kind: 'lab', loinc: ['10834-0'], names: ['globulin'], ucum: 'g/L', precision: 1 },
  { id: 'bilirubin', short: 'Bilirubin', kind: 'lab', loinc: ['1975-2'], names: ['total bilirubin', 'bilirubin', 'tbili', 't bili', 'bili'], ucum: 'mg/dL', precision: 1, molarMass: 584.66 },
  { id: 'alp', short: 'ALP', kind: 'lab', loinc: ['6768-6'], names: ['alkaline phosphatase', 'alk phos', 'alp'], ucum: 'U/L', precision: 0 },
  { id: 'alt', short: 'ALT', kind: 'lab', loinc: ['1742-6'], names: ['alanine aminotransferase', 'alt', 'sgpt'], ucum: 'U/L', precision: 0 },
  { id: 'ast', short: 'AST', kind: 'lab', loinc: ['1920-8'], names: ['aspartate aminotransferase', 'ast', 'sgot'], ucum: 'U/L', precision: 0 },
  { id: 'psa', short: 'PSA', kind: 'lab', loinc: ['2857-1'], names: ['prostate specific antigen', 'prostate-specific antigen', 'prostate specific ag', 'psa'], ucum: 'ng/mL', precision: 2 },
  { id: 'nt-probnp', short: 'NT-proBNP', kind: 'lab', loinc: ['33762-6'], names: ['nt-probnp', 'nt probnp', 'n-terminal pro-bnp', 'n-terminal pro b-type natriuretic peptide', 'probnp'], ucum: 'pg/mL', precision: 0 },
  { id: 'microalbumin-creatinine', short: 'UACR', kind: 'lab', loinc: ['14959-1', '9318-7'], names: ['microalbumin creatinine ratio', 'microalbumin/creatinine ratio', 'microalbumin/cr ratio', 'microalbumin cr ratio', 'albumin creatinine ratio', 'albumin/creatinine ratio', 'urine albumin creatinine ratio', 'urine albumin/creatinine ratio', 'urine microalbumin', 'urine mac ratio', 'mac ratio', 'urine mac', 'uacr', 'acr', 'microalbumin', 'urine acr'], ucum: 'mg/g', precision: 1 },

  // Lipids (LOINC lipid panel 57698-3)
  { id: 'total-cholesterol', short: 'Total cholesterol', kind: 'lab', loinc: ['2093-3'], names: ['total cholesterol', 'cholesterol', 'tc', 'chol', 'serum cholesterol', 'total chol', 't chol', 'tchol', 'cholesterol total'], ucum: 'mg/dL', precision: 0, molarMass: 386.65 },
  { id: 'triglycerides', short: 'TG', kind: 'lab', loinc: ['2571-8'], names: ['triglycerides', 'triglyceride', 'tg', 'tgs', 'trigs', 'trig'], ucum: 'mg/dL', precision: 0, molarMass: 885.7 },
  { id: 'ldl', short: 'LDL', kind: 'lab', loinc: ['18262-6', '13457-7', '2089-1'], names: ['bad cholesterol', 'low density lipoprotein cholesterol', 'ldl cholesterol', 'ldl-c', 'ldl c', 'ldl', 'low-density lipoprotein'], ucum: 'mg/dL', precision: 0, molarMass: 386.65 },
  { id: 'hdl', short: 'HDL', kind: 'lab', loinc: ['2085-9'], names: ['good cholesterol', 'high density lipoprotein cholesterol', 'hdl cholesterol', 'hdl-c', 'hdl c', 'hdl', 'high-density lipoprotein'], ucum: 'mg/dL', precision: 0, molarMass: 386.65 },

  // Complete blood count (LOINC CBC panel 58410-2)
  { id: 'wbc', short: 'WBC', kind: 'lab', loinc: ['6690-2'], names: ['white blood cell count', 'white blood cells', 'white cell count', 'white count', 'leukocytes', 'leukocyte count', 'wbc', 'wcc'], ucum: '10*3/uL', precision: 1 },
  { id: 'rbc', short: 'RBC', kind: 'lab', loinc: ['789-8'], names: ['red blood cell count', 'red blood cells', 'red cell count', 'erythrocytes', 'erythrocyte count', 'rbc', 'rcc'], ucum: '10*6/uL', precision: 2 },
  { id: 'hemoglobin', short: 'Hb', kind: 'lab', loinc: ['718-7'], names: ['hemoglobin', 'hb', 'hgb', 'blood hemoglobin'], ucum: 'g/dL', precision: 1 },
  { id: 'hematocrit', short: 'Hct', kind: 'lab', loinc: ['4544-3', '20570-8'], names: ['hematocrit', 'hct', 'packed cell volume', 'pcv'], ucum: '%', precision: 1 },
  { id: 'mcv', short: 'MCV', kind: 'lab', loinc: ['787-2'], names: ['mean corpuscular volume', 'mean cell volume', 'mcv'], ucum: 'fL', precision: 1 },
  { id: 'mch', short: 'MCH', kind: 'lab', loinc: ['785-6'], names: ['mean corpuscular hemoglobin', 'mean cell hemoglobin', 'mch'], ucum: 'pg', precision: 1 },
  { id: 'mchc', short: 'MCHC', kind: 'lab', loinc: ['786-4'], names: ['mean corpuscular hemoglobin concentration', 'mean cell hemoglobin concentration', 'mchc'], ucum: 'g/dL', precision: 1 },
  { id: 'rdw', short: 'RDW', kind: 'lab', loinc: ['21000-5', '788-0'], names: ['red cell distribution width', 'erythrocyte distribution width', 'red blood cell distribution width', 'rdw'], ucum: 'fL', precision: 1 },
  { id: 'platelets', short: 'Plt', kind: 'lab', loinc: ['777-3'], names: ['platelet count', 'platelets', 'plt', 'plts', 'thrombocytes'], ucum: '10*3/uL', precision: 0 },
  { id: 'pdw', short: 'PDW', kind: 'lab', loinc: ['32207-3'], names: ['platelet distribution width', 'pdw'], ucum: 'fL', precision: 1 },
  { id: 'mpv', short: 'MPV', kind: 'lab', loinc: ['32623-1'], names: ['mean platelet volume', 'platelet mean volume', 'mpv'], ucum: 'fL', precision: 1 },

  // Other measurements in the records
  { id: 'lvef', short: 'LVEF', kind: 'lab', loinc: ['10230-1', '8806-2'], names: ['left ventricular ejection fraction', 'ejection fraction', 'lvef', 'ef'], ucum: '%', precision: 0 },
  { id: 'dxa-t-score', short: 'T-score', kind: 'score', loinc: ['38265-5'], names: ['dxa t-score', 't-score', 't score', 'bone density t-score', 'dexa t-score', 'bone density'], ucum: '{T-score}', precision: 1 },
  { id: 'urine-protein', short: 'Urine protein', kind: 'lab', loinc: ['5804-0', '2888-6', '20454-5'], names: ['urine protein', 'protein in urine', 'urinary protein', 'proteinuria'], ucum: 'mg/dL', precision: 0 },
  { id: 'urine-glucose', short: 'Urine glucose', kind: 'lab', loinc: ['5792-7', '25428-4'], names: ['urine glucose', 'glucose in urine', 'urinary glucose', 'glycosuria'], ucum: 'mg/dL', precision: 0 },
  { id: 'urine-ketones', short: 'Urine ketones', kind: 'lab', loinc: ['5797-6'], names: ['urine ketones', 'ketones in urine', 'ketones', 'urinary ketones'], ucum: 'mg/dL', precision: 0 },
  { id: 'urine-bilirubin', short: 'Urine bilirubin', kind: 'lab', loinc: ['20505-4'], names: ['urine bilirubin', 'bilirubin in urine', 'urinary bilirubin'], ucum: 'mg/dL', precision: 1 },
  { id: 'urine-specific-gravity', short: 'Urine SG', kind: 'lab', loinc: ['5811-5'], names: ['urine specific gravity', 'specific gravity', 'urine sg', 'sg'], ucum: '1', precision: 3 },
  { id: 'urine-ph', short: 'Urine pH', kind: 'lab', loinc: ['5803-2'], names: ['urine ph', 'ph of urine', 'ph'], ucum: '[pH]', precision: 1 },
];

/**
 * The panels an analyte belongs to, as words a note uses for the group
 * ("lipids", "CBC", "vitals"): a claim about "lipids on 6 Dec 2018" citing an
 * LDL result speaks of its panel. LOINC panel names: lipid panel 57698-3,
 * CBC 58410-2, basic and comprehensive metabolic panels 51990-0 / 24323-8,
 * vital signs 85353-1, urinalysis 24357-6, hepatic function panel 24325-3.
 */
const GROUPS: Record<string, string> = {
  'total-cholesterol ldl hdl triglycerides': 'lipid lipids lipid panel lipid profile cholesterol panel fasting lipids',
  'wbc rbc hemoglobin hematocrit mcv mch mchc rdw platelets pdw mpv': 'complete blood count cbc fbc blood count hemogram blood counts',
  lvef: 'echocardiogram echocardiography echo cardiac ultrasound',
  'glucose urea-nitrogen creatinine calcium sodium potassium chloride carbon-dioxide egfr': 'metabolic panel basic metabolic panel bmp chemistry chemistries electrolytes renal panel kidney function renal function',
  'total-protein albumin globulin bilirubin alp alt ast': 'comprehensive metabolic panel cmp liver function liver panel hepatic function lfts',
  'alt ast alp': 'liver enzymes transaminases transaminase aminotransferases',
  'systolic diastolic blood-pressure heart-rate respiratory-rate temperature spo2 weight height bmi pain': 'vital vitals vital signs',
  'urine-protein urine-glucose urine-ketones urine-bilirubin urine-specific-gravity urine-ph': 'urinalysis urine dipstick ua',
};

/** Words naming the panels of an analyte. */
export function groupWordsOf(analyteId: string): string {
  return Object.entries(GROUPS)
    .filter(([ids]) => ids.split(' ').includes(analyteId))
    .map(([, words]) => words)
    .join(' ');
}

/** The observation that records smoking status (its value is a coded answer, not a number). */
export const SMOKING_STATUS_LOINC: readonly string[] = ['72166-2', '11367-0'];

export const ANALYTES: readonly Analyte[] = ROWS;

const BY_LOINC = new Map<string, Analyte>(ROWS.flatMap((row) => row.loinc.map((code) => [code, row] as const)));
const BY_ID = new Map<string, Analyte>(ROWS.map((row) => [row.id, row]));

export function analyteByLoinc(code: string | null | undefined): Analyte | null {
  return code ? (BY_LOINC.get(code) ?? null) : null;
}

export function analyteById(id: string): Analyte {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`Unknown analyte id "${id}"`);
  return found;
}
