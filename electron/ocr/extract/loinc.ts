/**
 * LOINC codes for common laboratory analytes, with the names labs print.
 * Codes from Regenstrief's "LOINC Top 2000+ Lab Observations" (US version,
 * https://loinc.org/usage/obs/), checked against the LOINC 2.77 table
 * (https://loinc.org/downloads/). LOINC is (c) Regenstrief Institute, Inc.,
 * used under the LOINC licence (https://loinc.org/license/).
 */
import { foldName } from '../../api/ocr-name-fold';
export interface AnalyteEntry {
  loinc: string;
  display: string;
  /** Printed names, already folded by foldName(). */
  names: readonly string[];
}

const TABLE: readonly { loinc: string; display: string; names: string[] }[] = [
  { loinc: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', names: ['hemoglobin', 'haemoglobin', 'hb', 'hgb'] },
  { loinc: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', names: ['hba1c', 'hemoglobin a1c', 'glycated hemoglobin', 'a1c'] },
  { loinc: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma', names: ['glucose', 'fasting glucose', 'blood glucose'] },
  { loinc: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', names: ['creatinine'] },
  { loinc: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', names: ['sodium', 'na'] },
  { loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma', names: ['potassium', 'k'] },
  { loinc: '2093-3', display: 'Cholesterol [Mass/volume] in Serum or Plasma', names: ['total cholesterol', 'cholesterol', 'cholesterol total'] },
  { loinc: '2085-9', display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', names: ['hdl cholesterol', 'hdl', 'hdl-c'] },
  { loinc: '13457-7', display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation', names: ['ldl cholesterol', 'ldl', 'ldl-c'] },
  { loinc: '2571-8', display: 'Triglyceride [Mass/volume] in Serum or Plasma', names: ['triglycerides', 'triglyceride'] },
  { loinc: '3016-3', display: 'Thyrotropin [Units/volume] in Serum or Plasma', names: ['tsh', 'thyrotropin'] },
  { loinc: '1742-6', display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', names: ['alt', 'alanine aminotransferase', 'sgpt'] },
  { loinc: '1920-8', display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', names: ['ast', 'aspartate aminotransferase', 'sgot'] },
  { loinc: '3094-0', display: 'Urea nitrogen [Mass/volume] in Serum or Plasma', names: ['urea nitrogen', 'bun', 'blood urea nitrogen'] },
  { loinc: '1751-7', display: 'Albumin [Mass/volume] in Serum or Plasma', names: ['albumin'] },
  { loinc: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', names: ['wbc', 'white blood cells', 'leukocytes'] },
  { loinc: '777-3', display: 'Platelets [#/volume] in Blood by Automated count', names: ['platelets', 'plt', 'platelet count'] },
  { loinc: '62238-1', display: 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)', names: ['egfr'] },
];

export { foldName };

export const ANALYTES: readonly AnalyteEntry[] = TABLE.map((row) => ({ loinc: row.loinc, display: row.display, names: row.names.map(foldName) }));
