import { visualLines, type Proposal } from './extract';
import type { OcrPage } from './types';
import type { FilePatient } from '../identity/compare-identity';

/**
 * Who a scanned document says it is about, read from its recognized text:
 * the patient's name ("Patient: John Doe", "Patient Name: Doe, John",
 * "First Name: ALEJANDRO Last Name: ROSALEZ"), sex ("Sex: M", "Patient
 * Gender: Male") and birth date (the extraction's birth-date proposal).
 * The first of each, in reading order: later names on a form are usually
 * someone else's (an emergency contact, the provider).
 */

// Words that end a name on a line where other fields follow it ("Patient: John Doe Provider's Pt ID: ...").
const FIELD_AFTER = /\s+(?:provider|pt\b|id\b|mrn|dob|d\.o\.b|date|birth|gender|sex|age|address|phone|account|acct|room|ward|admitted|visit|attachment|ssn|insurance)\b.*$/i;
const NAME_LINE = /^\s*(?:patient(?:'s)?\s+name|name\s+of\s+patient|patient)\s*[:-]\s*(.+)$/i;
const FIRST_LAST = /first\s+name\s*[:-]\s*([A-Za-z'-]+).*?last\s+name\s*[:-]\s*([A-Za-z'-]+)/i;
const LAST_FIRST = /last\s+name\s*[:-]\s*([A-Za-z'-]+).*?first\s+name\s*[:-]\s*([A-Za-z'-]+)/i;
const SEX_LINE = /\b(?:sex|gender)\s*[:-]\s*(male|female|m|f)\b/i;

/** The page's lines as a reader sees them (tesseract may split one printed row into blocks). */
function lines(page: OcrPage): string[] {
  return visualLines(page).map((line) => line.words.map((w) => w.text).join(' '));
}

/** A name as the page writes it, cut before the next field and trimmed of punctuation; null when it is not a name. */
function cleanName(raw: string): string | null {
  const name = raw.replace(FIELD_AFTER, '').replace(/[^A-Za-zÀ-ÿ' ,.-]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^[,.-]+|[,.-]+$/g, '');
  const words = name.split(/[\s,]+/).filter((w) => /[A-Za-zÀ-ÿ]{2,}/.test(w));
  return words.length >= 1 && words.length <= 5 ? name : null;
}

export function documentPatient(pages: readonly OcrPage[], proposals: readonly Proposal[]): FilePatient {
  let name: string | null = null;
  let sex: string | null = null;
  for (const page of pages) {
    for (const line of lines(page)) {
      if (!name) {
        const firstLast = FIRST_LAST.exec(line);
        const lastFirst = LAST_FIRST.exec(line);
        if (firstLast) name = `${firstLast[1]} ${firstLast[2]}`;
        else if (lastFirst) name = `${lastFirst[1]}, ${lastFirst[2]}`;
        else {
          const m = NAME_LINE.exec(line);
          if (m) name = cleanName(m[1]!);
        }
      }
      if (!sex) {
        const m = SEX_LINE.exec(line);
        if (m) sex = m[1]!;
      }
    }
  }
  const birth = proposals.find((p) => p.kind === 'date' && p.role === 'birth');
  return { name, sex, birthDate: birth && birth.kind === 'date' ? birth.date : null, identifier: null };
}
