/**
 * The fields each typed page of ../shared/data/scans holds, labelled by
 * hand from its checked ground truth (NAME.gt.txt; cms1500-claim-form.gt.json
 * for the claim form): the dates (ISO), people's names, medications (RxNorm
 * ingredient) and coded diagnoses a reader would take from the page. The
 * handwritten note and the hand-printed intake form are left out (not typed);
 * none of the pages prints a vital sign.
 */
export interface ScanFields {
  readonly dates: readonly string[];
  readonly names: readonly string[];
  readonly medications: readonly string[];
  readonly diagnoses: readonly string[];
}

const dischargeSummary: ScanFields = {
  // "Admitted: 07-Sep-2020 Discharged: 08-Sep-2020"
  dates: ['2020-09-07', '2020-09-08'],
  // "Provider: Mateo Jackson, Phd", "Patient: John Doe"
  names: ['Mateo Jackson', 'John Doe'],
  // "Meds: Motrin once/week. Tums previously."
  medications: ['ibuprofen', 'calcium carbonate'],
  diagnoses: [],
};

const providerNote: ScanFields = {
  dates: [],
  // "Provider: Dr Mateo Jackson, PhD", "Patient: John Doe"
  names: ['Mateo Jackson', 'John Doe'],
  medications: ['ibuprofen', 'calcium carbonate'],
  diagnoses: [],
};

export const SCAN_FIELDS: Record<string, ScanFields> = {
  'discharge-summary-300dpi.png': dischargeSummary,
  'discharge-summary-lowres-transparent.png': dischargeSummary,
  'provider-note-scan.png': providerNote,
  'provider-note-skewed-scan.png': providerNote,
  'claim-form-excerpt-a.png': {
    // "BIRTH DATE 7-20-1975", "SIGNED ... DATE 07-25-2019", "SYMPTOM DATE 06-03-2019"
    dates: ['1975-07-20', '2019-07-25', '2019-06-03'],
    // "NAME Test1 Name1"
    names: ['Test1 Name1'],
    medications: [],
    // "DIAGONOSIS Diabetic": not coded.
    diagnoses: [],
  },
  'medical-insurance-invoice.png': {
    // "Date: April 1, 2022"
    dates: ['2022-04-01'],
    // "Name: Mateo Jackson, PhD" (issuer), "Bill To / Name: John Doe"
    names: ['Mateo Jackson', 'John Doe'],
    medications: [],
    diagnoses: [],
  },
  'insurance-card-copy.png': {
    dates: [],
    // "Member: / JOHN DOE", "PCP Name: MATEO JACKSON, PhD"
    names: ['John Doe', 'Mateo Jackson'],
    medications: [],
    diagnoses: [],
  },
  'cms1500-claim-form.png': {
    // 11a insured's birth date 06 12 65; 12 date 01-15-2021; 14, 15 and the 24 service lines 10 11 21; 31 date 10/11/21.
    dates: ['1965-06-12', '2021-01-15', '2021-10-11'],
    // 2 "Doe, John", 4 "Doe, Jane"
    names: ['John Doe', 'Jane Doe'],
    medications: [],
    // 21: R11.0, K59.00, R19.7, K92.1
    diagnoses: ['R11.0', 'K59.00', 'R19.7', 'K92.1'],
  },
};

/** A name as compared: its words, lower case, sorted ("Doe, John" = "John Doe" = "JOHN DOE"); titles and degrees dropped. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['dr', 'phd', 'md', 'mr', 'mrs', 'ms'].includes(w))
    .sort()
    .join(' ');
}
