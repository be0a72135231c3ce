/**
 * A document's date as guidelines and labels state it, normalised for the
 * library: "1999 May (revised 2014 Oct)" -> "2014-10 (first issued 1999-05)",
 * "2016 Mar 18" -> "2016-03-18", "Revised 8/2022 (PDF rendered 2025-07-16)"
 * -> "2022-08", "2022-11-04" as it is. The latest revision leads, because
 * that is the version a clinician is reading; the first issue is kept.
 * Null for a text that is not a date.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1900 || y > 2100) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** One date in one of the forms documents use; null otherwise. */
function one(text: string): string | null {
  const t = text.trim().replace(/[.,]/g, ' ').replace(/\s+/g, ' ');
  const month = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
    return valid(y, mo, d) ? [m[1], m[2], m[3]].filter(Boolean).join('-') : null;
  }
  m = /^(\d{4}) ([A-Za-z]{3,9})(?: (\d{1,2}))?$/.exec(t); // 2016 Mar 18, 2014 Oct
  if (m && month(m[2]!) > 0) {
    const [y, mo, d] = [Number(m[1]), month(m[2]!), m[3] ? Number(m[3]) : undefined];
    return valid(y, mo, d) ? `${y}-${pad(mo)}${d ? `-${pad(d)}` : ''}` : null;
  }
  m = /^([A-Za-z]{3,9})(?: (\d{1,2}))? (\d{4})$/.exec(t); // March 18, 2016; Oct 2014
  if (m && month(m[1]!) > 0) {
    const [y, mo, d] = [Number(m[3]), month(m[1]!), m[2] ? Number(m[2]) : undefined];
    return valid(y, mo, d) ? `${y}-${pad(mo)}${d ? `-${pad(d)}` : ''}` : null;
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(t); // 8/2022, as labels print "Revised: 8/2022"
  if (m && valid(Number(m[2]), Number(m[1]))) return `${m[2]}-${pad(Number(m[1]))}`;
  return null;
}

export function normalizePublished(text: string): string | null {
  const t = text.trim();
  // Already normalised: the form this function returns.
  const normal = /^(\S+) \(first issued (\S+)\)$/.exec(t);
  if (normal && one(normal[1]!) === normal[1] && one(normal[2]!) === normal[2]) return t;
  const revised = /^(?:revised:?\s*)?(.+?)\s*\((revised|updated|reaffirmed)\s+([^)]+)\)$/i.exec(t);
  if (revised) {
    const first = one(revised[1]!);
    const latest = one(revised[3]!);
    return first && latest ? `${latest} (first issued ${first})` : null;
  }
  // "Revised 1/2026 (PDF rendered 2026-01-29)": the revision is the label's date; the rendering is not.
  const label = /^revised:?\s*([^()]+?)\s*(?:\([^)]*\))?$/i.exec(t);
  if (label) return one(label[1]!);
  return one(t);
}
