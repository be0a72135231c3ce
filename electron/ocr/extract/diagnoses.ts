/**
 * Diagnosis codes where a page codes them: ICD-10-CM codes (a letter, two
 * digits, a point and up to four more) under a "DIAGNOSIS" label, as claim
 * forms print them in split boxes ("R11 . 0", "K59 00"). A code without its
 * subcategory digits is not proposed: "R19" is not "R19.7".
 */
export interface FoundCode {
  readonly code: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

// U is reserved in ICD-10-CM for special purposes; no code starts with it in practice.
const CODE = /(?<![A-Za-z0-9])([A-TV-Z]\d{2})\s*(\.\s*|\s+)(\d[0-9A-Z]{0,3})(?![0-9A-Za-z])/g;
/** Before a code printed without its point ("K59 00"): a box number or a mark, as a claim form's diagnosis boxes have; not any text. */
const BOX_BEFORE = /(?:^|[>|]|\b[1-4][.)]?)\s*$/;

export function findDiagnosisCodes(lines: readonly string[]): FoundCode[] {
  const out: FoundCode[] = [];
  lines.forEach((line, index) => {
    // Within four lines after a diagnosis label (a claim form's box spans that many): a code-like token elsewhere (a form number, a ZIP) is not a diagnosis.
    const labelAbove = lines.slice(Math.max(0, index - 4), index + 1).some((l) => /\bdiagnos[ie]s|\bdiagonosis|\bdx\b|\bicd/i.test(l));
    if (!labelAbove) return;
    CODE.lastIndex = 0;
    for (let m = CODE.exec(line); m; m = CODE.exec(line)) {
      if (!m[2]!.includes('.') && !BOX_BEFORE.test(line.slice(0, m.index))) continue;
      out.push({ code: `${m[1]}.${m[3]}`, line: index, start: m.index, end: m.index + m[0].length });
    }
  });
  return out;
}
