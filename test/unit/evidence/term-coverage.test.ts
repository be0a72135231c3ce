import { describe, expect, it } from 'vitest';
import { sentenceCoverage, type AskedTerm } from '../../../electron/evidence/term-coverage';

const terms: AskedTerm[] = [
  { forms: ['sickle'], weight: 5 },
  { forms: ['contraception', 'contraceptive'], weight: 3 },
  { forms: ['pain'], weight: 0.5 },
];

describe('sentence coverage', () => {
  it("weighs the question's rare words held in one sentence above common words spread over a passage", () => {
    const together = 'Pain is common. In women with sickle cell disease, progestin-only contraception is recommended.';
    const scattered = 'Sickle cell disease causes pain. Pain crises recur. Contraceptive counselling is described elsewhere.';
    expect(sentenceCoverage(terms, together)).toBeGreaterThan(sentenceCoverage(terms, scattered));
    expect(sentenceCoverage(terms, together)).toBeCloseTo(0.4 + (0.6 * 8) / 8.5, 5);
  });

  it('counts a spelled-out form or a class as the word itself, and a list item after a semicolon as its own sentence', () => {
    expect(sentenceCoverage([{ forms: ['htn', 'hypertension'], weight: 2 }], 'Treat hypertensive adults; see below.')).toBe(1);
    expect(sentenceCoverage(terms, 'sickle cell disease; contraceptive methods')).toBeCloseTo(0.4 + (0.6 * 5) / 8.5, 5);
  });

  it('gives 0.4 to a passage holding none of the words, and 1 when nothing is asked', () => {
    expect(sentenceCoverage(terms, 'Unrelated text about storage.')).toBe(0.4);
    expect(sentenceCoverage([], 'Anything.')).toBe(1);
  });
});
