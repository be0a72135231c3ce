/**
 * People named on paperwork by the label before them: the patient
 * ("Patient:", "Bill To ... Name:", "PATIENT'S NAME" with the name on the
 * next line, "First Name: ... Last Name: ..."), the clinician ("Provider:",
 * "PCP Name:", "Dr ..."), the insured or member. The review pane shows the
 * patient's name beside the chart's, so a page filed under the wrong
 * patient is seen before anything from it is accepted.
 */
export type NameRole = 'patient' | 'provider' | 'insured';

export interface FoundName {
  readonly role: NameRole;
  /** As printed, tidied: "John Doe", "Doe, John", "MATEO JACKSON". */
  readonly name: string;
  /** Index of the line the name is on. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** Words that end a name: the next label, a credential, an identifier. */
const STOP = /^(?:provider['’]?s?|patient|pt|id|gender|sex|dob|date|phone|address|street|city|state|zip|member|group|payer|rx|pcp|name|email|e-mail|no\.?|number|ssn|m|f|male|female|other|or|and|of|the|to|for|policy|insured['’]?s?|insurance|plan|signature|employer|relationship|status|code|information)$/i;
const CREDENTIAL = /^(?:phd|md|do|np|pa|rn|dr|mr|mrs|ms|jr|sr)\.?,?$/i;
const WORD = /^[A-Z][A-Za-z'’.-]*,?$|^[A-Z]+,?$/;

/** Up to four capitalised words from `text` (after a label), stopping at the next label or a credential. */
function nameAt(text: string): { name: string; length: number } | null {
  const words: string[] = [];
  const printed: string[] = [];
  let length = 0;
  const re = /\S+/g;
  for (let m = re.exec(text); m && words.length < 4; m = re.exec(text)) {
    const raw = m[0];
    const bare = raw.replace(/[,:;]+$/, '');
    if (words.length === 0 && /^(?:dr\.?)$/i.test(bare)) {
      length = m.index + raw.length;
      continue;
    }
    if (STOP.test(bare) || raw.endsWith(':') || !WORD.test(raw) || /\d/.test(raw)) break;
    if (CREDENTIAL.test(bare) && words.length >= 2) break;
    words.push(bare);
    printed.push(raw.replace(/[;:]+$/, ''));
    length = m.index + raw.length;
    if (raw.endsWith(',') && words.length >= 2) break;
  }
  if (words.length < 2) return null;
  return { name: printed.join(' ').replace(/,$/, ''), length };
}

const INLINE: ReadonlyArray<[RegExp, NameRole]> = [
  // Not "Relationship to Patient:", whose value is a relationship.
  [/(?<!\bto )\bpatient(?:'s)?(?: name)?\s*:\s*/gi, 'patient'],
  [/\b(?:provider|physician|attending|pcp name|pcp)\s*:\s*/gi, 'provider'],
  [/\bmember(?: name)?\s*:\s*/gi, 'insured'],
];
/** Labels whose name is on the next line (forms with the label above the box). */
const ABOVE: ReadonlyArray<[RegExp, NameRole]> = [
  [/patient['’]?s name\b/i, 'patient'],
  [/\bmember\s*:(?!\s*[A-Z][a-z])/i, 'insured'],
  [/insured['’]?s name\b/i, 'insured'],
];

export function findNames(lines: readonly string[]): FoundName[] {
  const out: FoundName[] = [];
  const add = (found: FoundName) => {
    if (!out.some((o) => o.line === found.line && o.start === found.start)) out.push(found);
  };
  lines.forEach((line, index) => {
    for (const [label, role] of INLINE) {
      label.lastIndex = 0;
      for (let m = label.exec(line); m; m = label.exec(line)) {
        const at = m.index + m[0].length;
        const name = nameAt(line.slice(at));
        if (name) add({ role, name: name.name, line: index, start: at, end: at + name.length });
      }
    }
    // "Name: John Doe" under "Bill To", and the patient's own name fields of an intake form.
    const first = /\bfirst name\s*:\s*([A-Z][A-Za-z'-]+)\s+last name\s*:\s*([A-Z][A-Za-z'-]+)/i.exec(line);
    if (first && index < 3) add({ role: 'patient', name: `${first[1]} ${first[2]}`, line: index, start: first.index, end: first.index + first[0].length });
    const named = /^\s*name\s*:\s*/i.exec(line);
    if (named) {
      const billTo = lines.slice(Math.max(0, index - 2), index).some((l) => /\bbill to\b/i.test(l));
      const name = nameAt(line.slice(named[0].length));
      if (name) add({ role: billTo ? 'patient' : 'provider', name: name.name, line: index, start: named[0].length, end: named[0].length + name.length });
    }
    const doctor = /\bDr\.?\s+/.exec(line);
    if (doctor && !/provider\s*:/i.test(line)) {
      const name = nameAt(line.slice(doctor.index + doctor[0].length));
      if (name) add({ role: 'provider', name: name.name, line: index, start: doctor.index, end: doctor.index + doctor[0].length + name.length });
    }
    // Labels above their boxes: the names on the next lines, in the labels' left-to-right order
    // ("PATIENT'S NAME ... INSURED'S NAME" over "Doe, John   M   Doe, Jane").
    const labels = ABOVE.flatMap(([label, role]) => {
      const m = label.exec(line);
      return m ? [{ at: m.index, role }] : [];
    }).sort((a, b) => a.at - b.at);
    if (labels.length === 0) return;
    for (const offset of [1, 2]) {
      const next = lines[index + offset];
      if (next === undefined) break;
      const names = namesIn(next);
      if (names.length === 0) continue;
      labels.forEach((label, i) => {
        const name = names[i];
        if (name) add({ role: label.role, name: name.name, line: index + offset, start: name.start, end: name.end });
      });
      break;
    }
  });
  return out;
}

/** The separate names along a line (each a run of capitalised words), left to right. */
function namesIn(line: string): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  const re = /[A-Z][^\s|]*/g;
  let from = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index < from) continue;
    const name = nameAt(line.slice(m.index));
    if (!name) continue;
    out.push({ name: name.name, start: m.index, end: m.index + name.length });
    from = m.index + name.length;
    re.lastIndex = from;
  }
  return out;
}
