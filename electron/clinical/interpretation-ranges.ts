/**
 * When a clinician may call a value normal, high or low, for records that
 * carry no reference range of their own (Synthea's and many practices'
 * don't): bands from published sources, one row per analyte, each citing
 * its source. A value between the bands (a "borderline" zone, or where the
 * sources differ by sex or method) is neither, and a claim about it is
 * reported as not checkable rather than judged.
 *
 * Units are the analyte's recorded UCUM unit (analytes.ts).
 */
export interface InterpretationRange {
  readonly analyte: string;
  /** Values at or below this are low. */
  readonly lowBelow?: number;
  /** Inclusive normal interval. */
  readonly normal?: readonly [number, number];
  /** Values at or above this are high. */
  readonly highFrom?: number;
  readonly source: string;
}

const MEDLINEPLUS = 'MedlinePlus Medical Encyclopedia (U.S. National Library of Medicine), normal-range note of the test page; ranges vary slightly between laboratories';

export const INTERPRETATION_RANGES: readonly InterpretationRange[] = [
  { analyte: 'systolic', lowBelow: 89.999, normal: [90, 119.999], highFrom: 130, source: '2017 ACC/AHA Guideline for High Blood Pressure in Adults (Whelton et al., Hypertension 2018;71:e13-e115), Table 6: normal < 120, elevated 120-129, stage 1 130-139, stage 2 >= 140 mmHg; hypotension < 90 mmHg (AHA)' },
  { analyte: 'diastolic', lowBelow: 59.999, normal: [60, 79.999], highFrom: 80, source: '2017 ACC/AHA Guideline, Table 6: normal < 80, stage 1 80-89, stage 2 >= 90 mmHg; diastolic hypotension < 60 mmHg (AHA)' },
  { analyte: 'heart-rate', lowBelow: 59.999, normal: [60, 100], highFrom: 100.001, source: 'American Heart Association, "All About Heart Rate (Pulse)": normal resting rate 60-100 beats per minute' },
  { analyte: 'respiratory-rate', lowBelow: 11.999, normal: [12, 20], highFrom: 20.001, source: `${MEDLINEPLUS} "Vital signs": 12 to 20 breaths per minute` },
  { analyte: 'temperature', lowBelow: 35.999, normal: [36.1, 37.2], highFrom: 38.0, source: `${MEDLINEPLUS} "Body temperature norms": 97.8-99.0 °F (36.1-37.2 °C); fever >= 100.4 °F (38.0 °C)` },
  { analyte: 'spo2', lowBelow: 94.999, normal: [95, 100], source: `${MEDLINEPLUS} "Pulse oximetry": 95 % or higher` },
  { analyte: 'bmi', lowBelow: 18.499, normal: [18.5, 24.999], highFrom: 25, source: 'WHO, "A healthy lifestyle - WHO recommendations" (2010): underweight < 18.5, normal 18.5-24.9, overweight >= 25, obesity >= 30 kg/m²' },
  { analyte: 'hba1c', normal: [0, 5.699], highFrom: 5.7, source: 'American Diabetes Association, Standards of Care in Diabetes 2024, Table 2.1 and 2.5: normal < 5.7 %, prediabetes 5.7-6.4 %, diabetes >= 6.5 %' },
  { analyte: 'glucose', lowBelow: 69.999, normal: [70, 99.999], highFrom: 126, source: 'American Diabetes Association, Standards of Care in Diabetes 2024, Table 2.1: fasting plasma glucose < 100 normal, 100-125 impaired, >= 126 mg/dL diabetes; hypoglycemia < 70 mg/dL' },
  { analyte: 'total-cholesterol', normal: [0, 199.999], highFrom: 240, source: 'NCEP Adult Treatment Panel III (2002), Table II.1-1: desirable < 200, borderline high 200-239, high >= 240 mg/dL' },
  { analyte: 'ldl', normal: [0, 99.999], highFrom: 160, source: 'NCEP Adult Treatment Panel III (2002), Table II.1-1: optimal < 100, near optimal 100-129, borderline high 130-159, high 160-189, very high >= 190 mg/dL' },
  { analyte: 'hdl', lowBelow: 39.999, normal: [40, 200], highFrom: 60, source: 'NCEP Adult Treatment Panel III (2002), Table II.1-1: low < 40 mg/dL, high >= 60 mg/dL' },
  { analyte: 'triglycerides', normal: [0, 149.999], highFrom: 200, source: 'NCEP Adult Treatment Panel III (2002), Table II.1-1: normal < 150, borderline high 150-199, high 200-499 mg/dL' },
  { analyte: 'egfr', lowBelow: 59.999, normal: [90, 200], source: 'KDIGO 2012 Clinical Practice Guideline for CKD, Figure 2: G1 >= 90 normal or high, G2 60-89 mildly decreased, G3a-G5 < 60 mL/min/1.73 m² decreased' },
  { analyte: 'creatinine', lowBelow: 0.599, normal: [0.6, 1.3], highFrom: 1.301, source: `${MEDLINEPLUS} "Creatinine blood test": 0.7-1.3 mg/dL (men), 0.6-1.1 mg/dL (women)` },
  { analyte: 'urea-nitrogen', lowBelow: 5.999, normal: [6, 20], highFrom: 20.001, source: `${MEDLINEPLUS} "BUN (blood urea nitrogen)": 6-20 mg/dL` },
  { analyte: 'sodium', lowBelow: 134.999, normal: [135, 145], highFrom: 145.001, source: `${MEDLINEPLUS} "Sodium blood test": 135-145 mEq/L` },
  { analyte: 'potassium', lowBelow: 3.699, normal: [3.7, 5.2], highFrom: 5.201, source: `${MEDLINEPLUS} "Potassium blood test": 3.7-5.2 mEq/L` },
  { analyte: 'chloride', lowBelow: 95.999, normal: [96, 106], highFrom: 106.001, source: `${MEDLINEPLUS} "Chloride test - blood": 96-106 mEq/L` },
  { analyte: 'carbon-dioxide', lowBelow: 22.999, normal: [23, 29], highFrom: 29.001, source: `${MEDLINEPLUS} "CO2 blood test": 23-29 mEq/L` },
  { analyte: 'calcium', lowBelow: 8.499, normal: [8.5, 10.2], highFrom: 10.201, source: `${MEDLINEPLUS} "Calcium blood test": 8.5-10.2 mg/dL` },
  { analyte: 'hemoglobin', lowBelow: 11.999, normal: [13.2, 15.0], highFrom: 16.601, source: `${MEDLINEPLUS} "Hemoglobin": 13.2-16.6 g/dL (male), 11.6-15.0 g/dL (female); WHO anaemia threshold < 12 g/dL (non-pregnant women)` },
  { analyte: 'hematocrit', lowBelow: 35.499, normal: [41, 44], highFrom: 50.001, source: `${MEDLINEPLUS} "Hematocrit": 40.7-50.3 % (male), 36.1-44.3 % (female)` },
  { analyte: 'wbc', lowBelow: 3.999, normal: [4.0, 11.0], highFrom: 11.001, source: `${MEDLINEPLUS} "WBC count": 4,500-11,000 cells per microliter; many laboratories report 4,000-11,000` },
  { analyte: 'platelets', lowBelow: 149.999, normal: [150, 400], highFrom: 450.001, source: `${MEDLINEPLUS} "Platelet count": 150,000-400,000 per microliter` },
  { analyte: 'mcv', lowBelow: 79.999, normal: [80, 100], highFrom: 100.001, source: `${MEDLINEPLUS} "RBC indices": MCV 80-100 femtoliter` },
  { analyte: 'alt', normal: [4, 36], highFrom: 56.001, source: `${MEDLINEPLUS} "ALT blood test": 4-36 U/L` },
  { analyte: 'ast', normal: [8, 33], highFrom: 40.001, source: `${MEDLINEPLUS} "AST blood test": 8-33 U/L` },
  { analyte: 'alp', normal: [44, 147], highFrom: 147.001, source: `${MEDLINEPLUS} "ALP - blood test": 44-147 IU/L` },
  { analyte: 'bilirubin', normal: [0.1, 1.2], highFrom: 1.201, source: `${MEDLINEPLUS} "Bilirubin blood test": total 0.1-1.2 mg/dL` },
  { analyte: 'albumin', lowBelow: 3.399, normal: [3.4, 5.4], highFrom: 5.401, source: `${MEDLINEPLUS} "Albumin - blood (serum) test": 3.4-5.4 g/dL` },
  { analyte: 'total-protein', lowBelow: 5.999, normal: [6.0, 8.3], highFrom: 8.301, source: `${MEDLINEPLUS} "Total protein": 6.0-8.3 g/dL` },
  { analyte: 'dxa-t-score', lowBelow: -1.001, normal: [-1.0, 10], source: 'WHO Technical Report Series 843 (1994): T-score >= -1.0 normal' },
  { analyte: 'psa', normal: [0, 3.999], highFrom: 4.0, source: 'National Cancer Institute, "Prostate-Specific Antigen (PSA) Test" fact sheet: 4.0 ng/mL the level commonly used as the threshold for further evaluation' },
  { analyte: 'microalbumin-creatinine', normal: [0, 29.999], highFrom: 30, source: 'KDIGO 2012 CKD guideline, albuminuria categories: A1 < 30 mg/g normal to mildly increased, A2 30-300, A3 > 300 mg/g' },
  { analyte: 'lvef', lowBelow: 40, normal: [50, 70], source: '2022 AHA/ACC/HFSA Guideline for Heart Failure: HFrEF LVEF <= 40 %, HFmrEF 41-49 %, LVEF >= 50 % preserved' },
];

const BY_ANALYTE = new Map(INTERPRETATION_RANGES.map((r) => [r.analyte, r]));

export function interpretationRange(analyteId: string): InterpretationRange | null {
  return BY_ANALYTE.get(analyteId) ?? null;
}

/** Whether an analyte is better lower or higher, for "improved" and "worsened"; null where it depends. */
export function betterWhen(analyteId: string): 'lower' | 'higher' | null {
  if (['hba1c', 'glucose', 'ldl', 'total-cholesterol', 'triglycerides', 'systolic', 'diastolic', 'blood-pressure', 'creatinine', 'urea-nitrogen', 'microalbumin-creatinine', 'psa', 'nt-probnp', 'pain', 'alt', 'ast'].includes(analyteId)) return 'lower';
  if (['egfr', 'hdl', 'lvef', 'mmse', 'spo2'].includes(analyteId)) return 'higher';
  return null;
}

/**
 * Named categories of a value, as guidelines define them ("stage 2
 * hypertension", "G3b", "prediabetic range", "osteopenia"): a claim that
 * puts a value in a category is checked against the category's bounds.
 * `pair` rows judge a blood pressure by both components, as the guideline does.
 */
export interface ValueCategory {
  readonly analytes: readonly string[];
  readonly names: readonly string[];
  readonly holds?: (value: number, sex: string | null) => boolean;
  readonly pair?: (systolic: number, diastolic: number) => boolean;
  readonly source: string;
}

const ACC_AHA = '2017 ACC/AHA Guideline for High Blood Pressure in Adults, Table 6';
const WHO_BMI = 'WHO, "Obesity: preventing and managing the global epidemic" (TRS 894, 2000), Table 2.1';
const ADA = 'American Diabetes Association, Standards of Care in Diabetes 2024, Table 2.1 and 2.5';
// The usual bands of the 0-10 numeric rating scale; Breivik H et al., "Assessment of pain", Br J Anaesth 2008;101:17-24.
const NRS_PAIN = 'Numeric rating scale for pain, 0-10: 1-3 mild, 4-6 moderate, 7-10 severe (Breivik et al., Br J Anaesth 2008)';
const KDIGO_GFR = 'KDIGO 2012 Clinical Practice Guideline for CKD, GFR categories (Figure 2)';
const KDIGO_ACR = 'KDIGO 2012 Clinical Practice Guideline for CKD, albuminuria categories (Figure 2)';
const ATP3 = 'NCEP Adult Treatment Panel III (2002), Table II.1-1';
const WHO_DXA = 'WHO Technical Report Series 843 (1994): T-score >= -1.0 normal, between -1.0 and -2.5 osteopenia, <= -2.5 osteoporosis';
const HF = '2022 AHA/ACC/HFSA Guideline for the Management of Heart Failure, LVEF classification';
const MMSE = 'Tombaugh TN, McIntyre NJ, "The Mini-Mental State Examination: a comprehensive review", J Am Geriatr Soc 1992;40:922-35: 24-30 no impairment, 18-23 mild, 0-17 severe';
const MCV = 'MedlinePlus "RBC indices": MCV 80-100 femtoliter (normocytic); below, microcytic; above, macrocytic';
const WHO_HB = 'WHO, "Haemoglobin concentrations for the diagnosis of anaemia" (VMNIS, 2011): anaemia < 13.0 g/dL men, < 12.0 g/dL non-pregnant women';

export const VALUE_CATEGORIES: readonly ValueCategory[] = [
  { analytes: ['blood-pressure'], names: ['normal blood pressure', 'normal bp', 'normotensive'], pair: (s, d) => s < 120 && d < 80, source: ACC_AHA },
  { analytes: ['blood-pressure'], names: ['elevated category', 'elevated blood pressure category', 'elevated bp category', 'acc/aha elevated', 'acc aha elevated', 'elevated range', 'in the elevated range', 'elevated bp range', 'elevated blood pressure range'], pair: (s, d) => s >= 120 && s < 130 && d < 80, source: ACC_AHA },
  { analytes: ['blood-pressure'], names: ['stage 1 hypertension', 'stage 1 htn', 'stage 1 htn range', 'stage 1', 'stage i hypertension', 'stage 1 hypertension range', 'stage 1 range', 'stage 1 hypertensive range'], pair: (s, d) => !(s >= 140 || d >= 90) && ((s >= 130 && s < 140) || (d >= 80 && d < 90)), source: ACC_AHA },
  { analytes: ['blood-pressure'], names: ['stage 2 hypertension', 'stage 2 htn', 'stage 2 htn range', 'stage 2', 'stage ii hypertension', 'stage 2 hypertension range', 'stage 2 range', 'stage 2 hypertensive range'], pair: (s, d) => s >= 140 || d >= 90, source: ACC_AHA },
  { analytes: ['blood-pressure'], names: ['mildly elevated', 'mildly hypertensive', 'slightly elevated', 'mildly high', 'borderline high', 'borderline elevated', 'mildly raised'], pair: (s, d) => !(s >= 140 || d >= 90) && (s >= 120 || d >= 80), source: ACC_AHA },
  { analytes: ['blood-pressure'], names: ['hypertensive crisis', 'hypertensive urgency', 'severe hypertension'], pair: (s, d) => s > 180 || d > 120, source: ACC_AHA },
  { analytes: ['blood-pressure', 'systolic', 'diastolic'], names: ['hypertensive', 'hypertensive range', 'in the hypertensive range', 'hypertension range', 'htn range', 'hypertensive reading'], pair: (s, d) => s >= 130 || d >= 80, source: ACC_AHA },
  { analytes: ['pain'], names: ['no pain', 'pain free', 'pain-free'], holds: (v) => v < 0.5, source: NRS_PAIN },
  { analytes: ['pain'], names: ['mild', 'mild pain', 'mildly painful'], holds: (v) => v >= 0.5 && v < 3.5, source: NRS_PAIN },
  { analytes: ['pain'], names: ['moderate', 'moderate pain'], holds: (v) => v >= 3.5 && v < 6.5, source: NRS_PAIN },
  { analytes: ['pain'], names: ['severe', 'severe pain'], holds: (v) => v >= 6.5, source: NRS_PAIN },
  { analytes: ['bmi'], names: ['underweight'], holds: (v) => v < 18.5, source: WHO_BMI },
  { analytes: ['bmi'], names: ['healthy weight', 'normal weight', 'healthy range', 'normal bmi', 'healthy bmi'], holds: (v) => v >= 18.5 && v < 25, source: WHO_BMI },
  { analytes: ['bmi', 'weight'], names: ['overweight', 'overweight range', 'in the overweight range', 'pre-obese', 'preobese'], holds: (v) => v >= 25 && v < 30, source: WHO_BMI },
  { analytes: ['bmi', 'weight'], names: ['obese', 'obesity', 'obese range', 'in the obese range', 'obesity range'], holds: (v) => v >= 30, source: WHO_BMI },
  { analytes: ['bmi'], names: ['class 1 obesity', 'class i obesity', 'obesity class 1', 'obesity class i'], holds: (v) => v >= 30 && v < 35, source: WHO_BMI },
  { analytes: ['bmi'], names: ['class 2 obesity', 'class ii obesity', 'obesity class 2', 'obesity class ii'], holds: (v) => v >= 35 && v < 40, source: WHO_BMI },
  { analytes: ['bmi'], names: ['class 3 obesity', 'class iii obesity', 'obesity class 3', 'obesity class iii', 'morbid obesity', 'morbidly obese', 'severe obesity'], holds: (v) => v >= 40, source: WHO_BMI },
  { analytes: ['hba1c', 'glucose'], names: ['prediabetic range', 'prediabetes range', 'pre-diabetic range', 'in the prediabetic range', 'prediabetic', 'prediabetes'], holds: (v) => v >= 5.7 && v < 6.5, source: ADA },
  { analytes: ['hba1c'], names: ['diabetic range', 'in the diabetic range', 'diagnostic range', 'diagnostic-range', 'in the diagnostic range', 'diabetes diagnostic range', 'diabetes range', 'diagnostic of diabetes', 'diabetic', 'consistent with diabetes'], holds: (v) => v >= 6.5, source: ADA },
  { analytes: ['hba1c'], names: ['non-diabetic', 'below the diabetic threshold', 'below the diabetes threshold'], holds: (v) => v < 6.5, source: ADA },
  // Laboratory reports print HbA1c bands as "non-diabetic < 5.7 %, pre-diabetic 5.7-6.4 %, diabetic >= 6.5 %" (ADA's normal band).
  { analytes: ['hba1c'], names: ['non-diabetic range', 'nondiabetic range', 'in the non-diabetic range'], holds: (v) => v < 5.7, source: `${ADA}: normal < 5.7 %, printed by laboratories as the non-diabetic range` },
  { analytes: ['egfr'], names: ['g1', 'stage g1', 'category g1', 'normal or high', 'normal/high', 'normal to high', 'normal high', 'normal or high gfr category', 'normal/high gfr category'], holds: (v) => v >= 90, source: KDIGO_GFR },
  { analytes: ['egfr'], names: ['g2', 'stage g2', 'category g2', 'mildly decreased', 'mildly reduced'], holds: (v) => v >= 60 && v < 90, source: KDIGO_GFR },
  { analytes: ['egfr'], names: ['g3a', 'stage g3a', 'category g3a', 'stage 3a', 'mildly to moderately decreased'], holds: (v) => v >= 45 && v < 60, source: KDIGO_GFR },
  { analytes: ['egfr'], names: ['g3b', 'stage g3b', 'category g3b', 'stage 3b', 'moderately to severely decreased'], holds: (v) => v >= 30 && v < 45, source: KDIGO_GFR },
  { analytes: ['egfr'], names: ['g3', 'stage 3', 'stage 3 ckd', 'ckd stage 3', 'stage 3 range'], holds: (v) => v >= 30 && v < 60, source: KDIGO_GFR },
  { analytes: ['egfr'], names: ['g4', 'stage g4', 'category g4', 'stage 4', 'severely decreased', 'severely reduced'], holds: (v) => v >= 15 && v < 30, source: KDIGO_GFR },
  { analytes: ['egfr'], names: ['g5', 'stage g5', 'category g5', 'stage 5', 'kidney failure', 'renal failure range', 'end-stage'], holds: (v) => v < 15, source: KDIGO_GFR },
  { analytes: ['microalbumin-creatinine'], names: ['a1', 'normal to mildly increased'], holds: (v) => v < 30, source: KDIGO_ACR },
  { analytes: ['microalbumin-creatinine'], names: ['a2', 'moderately increased', 'microalbuminuria'], holds: (v) => v >= 30 && v <= 300, source: KDIGO_ACR },
  { analytes: ['microalbumin-creatinine'], names: ['a3', 'severely increased', 'macroalbuminuria'], holds: (v) => v > 300, source: KDIGO_ACR },
  { analytes: ['ldl'], names: ['optimal'], holds: (v) => v < 100, source: ATP3 },
  { analytes: ['ldl'], names: ['near optimal', 'near-optimal', 'above optimal', 'near/above optimal', 'near or above optimal', 'near optimal/above optimal'], holds: (v) => v >= 100 && v < 130, source: ATP3 },
  { analytes: ['ldl'], names: ['borderline high', 'borderline-high', 'borderline elevated', 'borderline'], holds: (v) => v >= 130 && v < 160, source: ATP3 },
  { analytes: ['total-cholesterol'], names: ['borderline high', 'borderline-high', 'borderline elevated', 'borderline'], holds: (v) => v >= 200 && v < 240, source: ATP3 },
  { analytes: ['triglycerides'], names: ['borderline high', 'borderline-high', 'borderline elevated', 'borderline'], holds: (v) => v >= 150 && v < 200, source: ATP3 },
  { analytes: ['ldl'], names: ['very high'], holds: (v) => v >= 190, source: ATP3 },
  { analytes: ['triglycerides'], names: ['very high'], holds: (v) => v >= 500, source: ATP3 },
  { analytes: ['total-cholesterol'], names: ['desirable'], holds: (v) => v < 200, source: ATP3 },
  { analytes: ['hdl'], names: ['protective', 'cardioprotective', 'favourable', 'favorable', 'favourably high', 'favorably high', 'high (protective)'], holds: (v) => v >= 60, source: ATP3 },
  { analytes: ['dxa-t-score'], names: ['normal bone density', 'normal bone mineral density', 'normal bmd'], holds: (v) => v >= -1.0, source: WHO_DXA },
  { analytes: ['dxa-t-score'], names: ['osteopenia', 'osteopenic', 'osteopenic range', 'low bone mass', 'low bone density'], holds: (v) => v < -1.0 && v > -2.5, source: WHO_DXA },
  { analytes: ['dxa-t-score'], names: ['osteoporosis', 'osteoporotic', 'osteoporotic range'], holds: (v) => v <= -2.5, source: WHO_DXA },
  { analytes: ['lvef'], names: ['reduced ejection fraction', 'reduced ef', 'hfref', 'reduced-ef', 'hfref range', 'systolic dysfunction'], holds: (v) => v <= 40, source: HF },
  { analytes: ['lvef'], names: ['mildly reduced ejection fraction', 'mildly reduced ef', 'hfmref', 'mid-range'], holds: (v) => v > 40 && v < 50, source: HF },
  { analytes: ['lvef'], names: ['preserved ejection fraction', 'preserved ef', 'hfpef', 'preserved'], holds: (v) => v >= 50, source: HF },
  { analytes: ['temperature'], names: ['fever', 'febrile', 'pyrexia', 'pyrexial', 'feverish'], holds: (v) => v >= 38.0, source: 'IDSA / CDC definition of fever: >= 38.0 °C (100.4 °F)' },
  { analytes: ['temperature'], names: ['low-grade fever', 'low grade fever', 'low-grade temperature', 'mild fever'], holds: (v) => v >= 38.0 && v < 39.0, source: 'IDSA / CDC definition of fever: >= 38.0 °C; low-grade 38.0-38.9 °C (common clinical usage, MedlinePlus "Fever")' },
  { analytes: ['temperature'], names: ['high fever', 'high-grade fever'], holds: (v) => v >= 39.0, source: 'MedlinePlus "Fever": high fever >= 39 °C' },
  { analytes: ['temperature'], names: ['afebrile', 'no fever'], holds: (v) => v < 38.0, source: 'IDSA / CDC definition of fever: >= 38.0 °C (100.4 °F)' },
  { analytes: ['heart-rate'], names: ['tachycardia', 'tachycardic'], holds: (v) => v > 100, source: 'American Heart Association: tachycardia > 100 beats per minute' },
  { analytes: ['heart-rate'], names: ['bradycardia', 'bradycardic'], holds: (v) => v < 60, source: 'American Heart Association: bradycardia < 60 beats per minute' },
  { analytes: ['spo2'], names: ['hypoxemia', 'hypoxaemia', 'hypoxic', 'hypoxemic'], holds: (v) => v < 90, source: 'MedlinePlus, "Hypoxemia": oxygen saturation below 90 %' },
  { analytes: ['hemoglobin'], names: ['anemic', 'anaemic', 'anemia', 'anaemia', 'in the anemic range'], holds: (v, sex) => v < (sex === 'female' ? 12 : 13), source: WHO_HB },
  { analytes: ['mcv'], names: ['normocytic'], holds: (v) => v >= 80 && v <= 100, source: MCV },
  { analytes: ['mcv'], names: ['microcytic', 'microcytosis'], holds: (v) => v < 80, source: MCV },
  { analytes: ['mcv'], names: ['macrocytic', 'macrocytosis'], holds: (v) => v > 100, source: MCV },
  { analytes: ['mmse'], names: ['normal cognition', 'no cognitive impairment', 'cognitively intact'], holds: (v) => v >= 24, source: MMSE },
  { analytes: ['mmse'], names: ['mild cognitive impairment', 'mild impairment', 'mild dementia range'], holds: (v) => v >= 18 && v < 24, source: MMSE },
  { analytes: ['mmse'], names: ['severe cognitive impairment', 'severe impairment', 'severe dementia range'], holds: (v) => v < 18, source: MMSE },
  { analytes: ['psa'], names: ['elevated psa', 'raised psa', 'above 4'], holds: (v) => v > 4.0, source: 'National Cancer Institute PSA fact sheet: 4.0 ng/mL' },
];

/** The category of this analyte a phrase names, or null. */
export function categoryNamed(analyteId: string, phrase: string, fold: (name: string) => string = (n) => n): ValueCategory | null {
  const ids = analyteId === 'systolic' || analyteId === 'diastolic' ? [analyteId, 'blood-pressure'] : [analyteId];
  return VALUE_CATEGORIES.find((c) => c.analytes.some((a) => ids.includes(a)) && c.names.some((n) => fold(n) === phrase)) ?? null;
}

/** Every category name, for the claim parser's trigger list. */
export function categoryNames(): string[] {
  return [...new Set(VALUE_CATEGORIES.flatMap((c) => c.names))];
}
