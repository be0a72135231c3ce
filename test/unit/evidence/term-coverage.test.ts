import { describe, expect, it } from 'vitest';
import { expandQuery, layTerms } from '../../../electron/evidence/query-expansion';
import { sentenceCoverage, TITLE_LIFT, titleWeight, type AskedTerm } from '../../../electron/evidence/term-coverage';

const terms: AskedTerm[] = [
  { forms: ['sickle'], weight: 5 },
  { forms: ['contraception', 'contraceptive'], weight: 3 },
  { forms: ['pain'], weight: 0.5 },
];

describe('sentence coverage', () => {
  it("weighs the question's rare words held in one sentence, or two in a row, above words spread over a passage", () => {
    const together = 'Visits vary. In women with sickle cell disease, progestin-only contraception is recommended.';
    const scattered = 'Sickle cell disease causes pain. Crises recur. Visits are long. Contraceptive counselling is described elsewhere.';
    expect(sentenceCoverage(terms, together)).toBeGreaterThan(sentenceCoverage(terms, scattered));
    expect(sentenceCoverage(terms, together)).toBeCloseTo(0.4 + (0.6 * 8) / 8.5, 5);
    expect(sentenceCoverage(terms, scattered)).toBeCloseTo(0.4 + (0.6 * 5.5) / 8.5, 5);
    // A heading's line and the recommendation under it are two sentences in a row.
    expect(sentenceCoverage(terms, 'Sickle Cell Disease\nProgestin-only contraception is recommended. Other text.')).toBeCloseTo(0.4 + (0.6 * 8) / 8.5, 5);
  });

  it('counts a spelled-out form or a class as the word itself, and a list item after a semicolon as its own sentence', () => {
    expect(sentenceCoverage([{ forms: ['htn', 'hypertension'], weight: 2 }], 'Treat hypertensive adults; see below.')).toBe(1);
    expect(sentenceCoverage(terms, 'sickle cell disease; other notes; contraceptive methods')).toBeCloseTo(0.4 + (0.6 * 5) / 8.5, 5);
  });

  it('gives 0.4 to a passage holding none of the words, and 1 when nothing is asked', () => {
    expect(sentenceCoverage(terms, 'Unrelated text about storage.')).toBe(0.4);
    expect(sentenceCoverage([], 'Anything.')).toBe(1);
  });
});

describe('title weight', () => {
  it("lifts a passage whose document title names the question's words, by their idf share, up to TITLE_LIFT", () => {
    const asked: AskedTerm[] = [
      { forms: ['depression'], weight: 3 },
      { forms: ['screening'], weight: 1 },
    ];
    expect(titleWeight(asked, 'VA/DoD guideline for the management of major depressive disorder')).toBeCloseTo(1 + ((TITLE_LIFT - 1) * 3) / 4, 5);
    expect(titleWeight(asked, 'Screening for depression in adults')).toBe(TITLE_LIFT);
    expect(titleWeight(asked, 'Assessment of patients at risk for suicide')).toBe(1);
    expect(titleWeight([], 'Anything')).toBe(1);
  });
});

describe('lay words', () => {
  it('finds everyday phrases as whole words and adds the clinical words they stand for', () => {
    expect(layTerms('How much salt per day with high blood pressure?')).toEqual([
      { phrase: 'high blood pressure', words: ['hypertension'] },
      { phrase: 'salt', words: ['sodium'] },
    ]);
    expect(layTerms('salty food; saltwater')).toEqual([]);
    expect(expandQuery(['birth', 'control'], 'birth-control options', false)).toEqual(expect.arrayContaining(['contraception', 'contraceptive']));
  });
});
