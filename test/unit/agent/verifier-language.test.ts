import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citeRecord, type Citation } from '../../../electron/agent/grounding/citation';
import { verifyClaim, type VerifiedClaim } from '../../../electron/agent/grounding/verifier';
import { importBundleText } from '../../../electron/fhir';
import type { Vault } from '../../../electron/store/vault';
import { PATIENT, verifierVault } from './verifier-fixture';

/**
 * The verifier on claims written as clinicians and models write them: each
 * case names what it exercises. A "wrong" case is one fact away from a
 * correct one, so each pair fails if the verifier ignores that fact.
 */
let vault: Vault;
beforeAll(() => {
  vault = verifierVault();
});
afterAll(() => vault.close());

const obs = (id: string) => citeRecord('observation', id);
const chart = { kind: 'record', record: 'patient', id: PATIENT } as const satisfies Citation;
const verify = (text: string, ...citations: Citation[]): VerifiedClaim => verifyClaim(vault.db, PATIENT, { text, citations });
const passes = (text: string, ...citations: Citation[]) => {
  const r = verify(text, ...citations);
  expect(r.problems, text).toEqual([]);
  expect(r.verdict).toBe('supported');
};
const flags = (text: string, kind: string, ...citations: Citation[]) => {
  const r = verify(text, ...citations);
  expect(r.verdict, `${text}: ${JSON.stringify(r.problems)}`).not.toBe('supported');
  expect(r.problems.map((p) => p.kind), text).toContain(kind);
  return r;
};

describe('numbers bound to what they measure', () => {
  it('reads a blood pressure as systolic over diastolic, and catches them swapped', () => {
    passes('BP 108/84 mmHg on 21 Aug 2020.', obs('v-bp-2020'));
    flags('BP 84/108 mmHg on 21 Aug 2020.', 'value', obs('v-bp-2020'));
    passes('BP recorded as 108 over 84 on 2020-08-21.', obs('v-bp-2020'));
  });

  it('binds each value of a change to its own year, so swapped years fail', () => {
    const both = [obs('v-bp-2011'), obs('v-bp-2020')];
    passes('Systolic blood pressure decreased from 131 mmHg in 2011 to 108 mmHg in 2020.', ...both);
    flags('Systolic blood pressure decreased from 131 mmHg in 2020 to 108 mmHg in 2011.', 'value', ...both);
  });

  it('does not read "in 2019" as inches, and checks the direction of "fell"', () => {
    const both = [obs('v-egfr-2019'), obs('v-egfr-2020')];
    passes('eGFR fell from 137 in 2019 to 87 in 2020.', ...both);
    flags('eGFR rose from 137 in 2019 to 87 in 2020.', 'assertion', ...both);
  });

  it('checks a value cited from the wrong record as uncited', () => {
    flags('eGFR 137 on 1 May 2019.', 'citation', obs('v-wt-2011'));
  });
});

describe('units in any equivalent spelling, and conversions', () => {
  it('accepts °C, Cel and a correct °F conversion, and refuses the value in the wrong unit', () => {
    passes('Oral temperature 38.2 °C on 6 Sep 2013.', obs('v-temp'));
    passes('Temp 100.8 °F on 2013-09-06.', obs('v-temp'));
    flags('Oral temperature 38.2 F on 6 Sep 2013.', 'value', obs('v-temp'));
  });

  it('accepts mm Hg and mm[Hg], and refuses an eGFR in mL/s that is not converted', () => {
    passes('Systolic 108 mm Hg on 2020-08-21.', obs('v-bp-2020'));
    passes('SBP 108 mm[Hg] (2020-08-21).', obs('v-bp-2020'));
    flags('eGFR 137 mL/s on 2019-05-01.', 'value', obs('v-egfr-2019'));
    passes('eGFR 137 mL/min/1.73 m² on 2019-05-01.', obs('v-egfr-2019'));
  });

  it('converts kilograms to pounds', () => {
    passes('Weight 88.2 kg (194 lb) in June 2011.', obs('v-wt-2011'));
    flags('Weight 204 lb in June 2011.', 'value', obs('v-wt-2011'));
  });
});

describe('dates in every common form', () => {
  it('reads an ordinal day, and catches a wrong one', () => {
    passes('Chronic congestive heart failure from the 2nd August 2020.', citeRecord('condition', 'v-chf'));
    flags('Chronic congestive heart failure from the 12th August 2020.', 'date', citeRecord('condition', 'v-chf'));
  });

  it('reads US and unambiguous day-first numeric dates, and reports an ambiguous one that only matches the other order', () => {
    passes('HbA1c 7.2% on 08/21/2020.', obs('v-a1c'));
    passes('HbA1c 7.2% on 21/08/2020.', obs('v-a1c'));
    const r = flags('BP 108/84 on 08/06/2023.', 'date', obs('v-bp-2023'));
    expect(r.problems.some((p) => p.kind === 'date')).toBe(true);
  });
});

describe('negation against the whole chart', () => {
  it('flags "no history of" what the chart records, and passes it for what it does not', () => {
    flags('No history of hypertension.', 'negation', chart);
    flags('No HTN.', 'negation', chart);
    passes('No history of asthma.', chart);
  });

  it('reads NKDA and "no known allergies" against the allergy list', () => {
    passes('NKDA.', chart);
    passes('No known allergies recorded.', chart);
  });

  it('checks "not on" against the active prescriptions, and "never prescribed" against all of them', () => {
    flags('Not on any statin.', 'negation', chart);
    passes('Not currently taking penicillin.', chart);
    flags('Never prescribed penicillin.', 'negation', chart);
  });
});

describe('status', () => {
  it('checks "currently taking" against the prescription status', () => {
    flags('Currently taking penicillin V potassium 500 mg.', 'status', citeRecord('medication', 'v-pen'));
    passes('Currently taking simvastatin 20 mg.', citeRecord('medication', 'v-simva'));
  });

  it('checks active and resolved conditions', () => {
    passes('Hypertension, active since 1987.', citeRecord('condition', 'v-htn'));
    flags('Acute bronchitis (onset Feb 2019) remains active.', 'status', citeRecord('condition', 'v-bronchitis'));
    passes('Acute bronchitis from February 2019, since resolved.', citeRecord('condition', 'v-bronchitis'));
  });

  it('checks smoking status against the coded answer', () => {
    passes('Never smoker.', obs('v-smoking'));
    flags('Current smoker.', 'status', obs('v-smoking'));
    flags('Former smoker (2020).', 'status', obs('v-smoking'));
  });
});

describe('"latest" against the patient’s latest record of that kind', () => {
  it('flags an older reading called the latest', () => {
    flags('Last systolic blood pressure 199 mmHg.', 'latest', obs('v-bp-2019'));
    passes('Latest systolic blood pressure 161 mmHg (1 Apr 2023).', obs('v-bp-2023'));
  });
});

describe('names clinicians write', () => {
  it('knows abbreviations and brand names, and British spellings', () => {
    passes('Lasix 40 mg started 2 Aug 2020.', citeRecord('medication', 'v-lasix'));
    passes('Furosemide 40 mg since August 2020.', citeRecord('medication', 'v-lasix'));
    passes('A1c 7.2 % in Aug 2020.', obs('v-a1c'));
    passes('Glycated haemoglobin 7.2% on 2020-08-21.', obs('v-a1c'));
    flags('Zocor 40 mg since 2015.', 'value', citeRecord('medication', 'v-simva'));
  });

  it('knows vaccines by their common names', () => {
    passes('Flu shot given on 1 Oct 2022.', citeRecord('immunization', 'v-flu'));
    flags('Flu shot given on 1 Oct 2021.', 'date', citeRecord('immunization', 'v-flu'));
  });
});

describe('trends and "stable"', () => {
  it('calls a weight within 3 % stable, and a 36 % fall not stable', () => {
    const weights = ['v-wt-2011', 'v-wt-2015', 'v-wt-2020'].map(obs);
    passes('Weight stable at about 88 kg from 2011 to 2020.', ...weights);
    flags('eGFR stable between 2019 and 2020.', 'assertion', obs('v-egfr-2019'), obs('v-egfr-2020'));
  });
});

describe('interpretations against the record’s range or a cited table', () => {
  it('judges a blood pressure by the ACC/AHA categories', () => {
    flags('BP 161/97 on 2023-04-01, normal.', 'assertion', obs('v-bp-2023'));
    passes('BP 161/97 on 2023-04-01, stage 2 hypertension range.', obs('v-bp-2023'));
  });

  it('calls a fever by the 38.0 °C definition', () => {
    passes('Febrile at 38.2 °C on 6 Sep 2013.', obs('v-temp'));
  });

  it('says what it cannot check instead of guessing', () => {
    // HbA1c 7.2 % is neither normal nor high by a mood word the tables do not define.
    const r = verify('HbA1c 7.2% in Aug 2020, worrying.', obs('v-a1c'));
    expect(r.verdict).toBe('unchecked');
    expect(r.problems.every((p) => p.kind === 'unchecked')).toBe(true);
    expect(r.text.slice(r.problems[0]!.start, r.problems[0]!.end)).toBe('worrying');
  });
});

describe('sources in free text (a confirmed finding, a note)', () => {
  it('checks a finding’s measurements against the numbers its statement writes', () => {
    const source = vault.db.prepare(`INSERT INTO sources (kind, label, created_at) VALUES ('clinician', 'finding', '2024-01-10') RETURNING id`).pluck().get();
    const statements = [
      'Lesion "Naevus A": longest diameter 6.2 mm, area 28.3 mm² on photo of left forearm of 2024-01-10.',
      'Length 42.3 mm on DX image of 2023-05-01 (estimated from the detector spacing, magnification not corrected).',
    ];
    statements.forEach((statement, i) =>
      vault.db
        .prepare(`INSERT INTO memory_facts (id, patient_id, kind, statement, status, valid_from, source_id, recorded_at) VALUES (?, ?, 'finding', ?, 'active', '2024-01-10', ?, '2024-01-10')`)
        .run(`v-fact-${i}`, PATIENT, statement, source),
    );
    passes(statements[0]!, citeRecord('fact', 'v-fact-0'));
    passes(statements[1]!, citeRecord('fact', 'v-fact-1'));
    flags('Length 48.3 mm on DX image of 2023-05-01.', 'value', citeRecord('fact', 'v-fact-1'));
  });
});

describe('a calibrated finding', () => {
  it('passes in its own words', () => {
    const source = vault.db.prepare(`INSERT INTO sources (kind, label, created_at) VALUES ('clinician', 'finding', '2024-01-10') RETURNING id`).pluck().get();
    const statement = 'Lesion "Naevus A": longest diameter 6.0 mm, area 28.3 mm² on photo of left forearm of 2024-01-10 (calibrated by the clinician from a known length).';
    vault.db.prepare(`INSERT INTO memory_facts (id, patient_id, kind, statement, status, valid_from, source_id, recorded_at) VALUES ('v-fact-c', ?, 'finding', ?, 'active', '2024-01-10', ?, '2024-01-10')`).run(PATIENT, statement, source);
    passes(statement, citeRecord('fact', 'v-fact-c'));
  });
});

describe('highest, lowest, every visit and percentages', () => {
  const weights = [obs('v-wt-2011'), obs('v-wt-2015'), obs('v-wt-2020')];
  const egfr = [obs('v-egfr-2019'), obs('v-egfr-2020')];

  it('checks "peaked" and "lowest" against every result of the chart', () => {
    passes('Weight peaked at 88.8 kg in 2015.', obs('v-wt-2015'));
    flags('Weight peaked at 88.2 kg in 2011.', 'assertion', obs('v-wt-2011'));
    passes('Lowest weight on record: 87.7 kg (2020).', obs('v-wt-2020'));
    flags('Weight reached a high of 87.7 kg in 2020.', 'assertion', obs('v-wt-2020'));
  });

  it('checks "at every visit" against each step, not only the first and last', () => {
    passes('eGFR fell at each measurement from 2019 to 2020.', ...egfr);
    flags('Weight fell at every visit from 2011 to 2020.', 'assertion', ...weights);
  });

  it('checks a relative change in percent, and the years of a change in the order written', () => {
    passes('eGFR fell about 37% from 2019 to 2020.', ...egfr);
    flags('eGFR fell about 20% from 2019 to 2020.', 'value', ...egfr);
    passes('eGFR fell from 137 to 87, 2019–2020.', ...egfr);
    flags('eGFR fell from 137 to 87, 2020–2019.', 'value', ...egfr);
    flags('Between 2020 and 2019, eGFR fell (137 to 87).', 'date', ...egfr);
  });

  it('checks a change in percent written before its analyte, and a change\'s size in the analyte\'s unit', () => {
    passes('Roughly a 37 percent drop in eGFR between 2019 and 2020.', ...egfr);
    flags('Roughly a 20 percent drop in eGFR between 2019 and 2020.', 'value', ...egfr);
    passes('eGFR fell by 50 mL/min/1.73m2 between 2019 and 2020.', ...egfr);
    flags('eGFR fell by 30 mL/min/1.73m2 between 2019 and 2020.', 'value', ...egfr);
    passes('Lost about 1.1 kg between 2015 and 2020.', obs('v-wt-2015'), obs('v-wt-2020'));
    flags('Lost about 3.1 kg between 2015 and 2020.', 'value', obs('v-wt-2015'), obs('v-wt-2020'));
    flags('Gained about 1.1 kg between 2015 and 2020.', 'assertion', obs('v-wt-2015'), obs('v-wt-2020'));
  });
});

describe('the words around the facts', () => {
  it('passes plain English the record does not use, never a clinical word it does not support', () => {
    passes('Penicillin V potassium 500 mg, a generic tablet, was stopped.', citeRecord('medication', 'v-pen'));
    flags('Penicillin V potassium 500 mg for sarcoidosis was stopped.', 'term', citeRecord('medication', 'v-pen'));
    flags('Penicillin V potassium 500 mg for a broken arm was stopped.', 'term', citeRecord('medication', 'v-pen'));
  });

  it('checks the date of a smoking status and the latest of all problems', () => {
    passes('Tobacco: never smoker (recorded 2020-08-21).', obs('v-smoking'));
    flags('Tobacco: never smoker (recorded 2020-08-20).', 'date', obs('v-smoking'));
    passes('The most recent new problem was congestive heart failure (2 Aug 2020).', citeRecord('condition', 'v-chf'));
    flags('The most recent new problem was acute bronchitis (Feb 2019).', 'latest', citeRecord('condition', 'v-bronchitis'));
  });

  it('reads "never been on" as at any time', () => {
    flags('Has never been on simvastatin.', 'negation', chart);
    flags('Has never been on penicillin.', 'negation', chart);
    // "yet" ends a negation's scope ("no fever, yet coughing"), but not in "not yet".
    flags('Not yet diagnosed with hypertension.', 'negation', chart);
  });
});

describe('bands and names written the clinician’s way', () => {
  it('checks the band a claim states beside its interpretation', () => {
    flags('BP 199/101 mmHg on 2019-03-01 - elevated (120-129/<80).', 'assertion', obs('v-bp-2019'));
    passes('BP 199/101 mmHg on 2019-03-01 - stage 2 (>=140/>=90).', obs('v-bp-2019'));
  });

  it('reads "elevated" beside the guideline it names as that guideline’s category, and a bare "elevated" as high', () => {
    flags('BP 199/101 on 2019-03-01 is elevated (ACC/AHA).', 'assertion', obs('v-bp-2019'));
    passes('BP 199/101 on 2019-03-01 is stage 2 hypertension (ACC/AHA).', obs('v-bp-2019'));
    passes('BP 199/101 on 2019-03-01 is elevated.', obs('v-bp-2019'));
  });

  it('checks a second, negated interpretation beside the first ("elevated BP (not yet hypertensive)")', () => {
    passes('BP 124/76 mmHg in Sep 2016: elevated (ACC/AHA), not yet hypertensive.', obs('v-bp-2016'));
    flags('BP 108/84 mmHg in Aug 2020: elevated BP (not yet hypertensive).', 'assertion', obs('v-bp-2020'));
  });

  it('reads "SBP/DBP" as a pressure and "Hgb A1c" as HbA1c, not haemoglobin', () => {
    passes('08/21/2020: SBP/DBP 108/84.', obs('v-bp-2020'));
    flags('08/21/2020: SBP/DBP 84/108.', 'value', obs('v-bp-2020'));
    passes('Hgb A1c 7.2 % on 08/21/2020.', obs('v-a1c'));
  });

  it('reads a value written without a unit in the other unit clinics use (inches, pounds), and still checks it', () => {
    passes('Height measured 65 in Jul 2007.', obs('v-height'));
    flags('Height measured 62 in Jul 2007.', 'value', obs('v-height'));
    passes('Height 166 in Jul 2007.', obs('v-height'));
    passes('Wt 193 on 21 Aug 2020.', obs('v-wt-2020'));
    flags('Wt 199 on 21 Aug 2020.', 'value', obs('v-wt-2020'));
  });

  it('checks a unit written after the dates as the unit of the values before it', () => {
    passes('eGFR fell: 137 (May 2019) -> 87 (Jun 2020) mL/min/1.73m2.', obs('v-egfr-2019'), obs('v-egfr-2020'));
    flags('eGFR fell: 137 (May 2019) -> 87 (Jun 2020) mmol/L.', 'unit', obs('v-egfr-2019'), obs('v-egfr-2020'));
  });

  it('reads "resolved as of" a date as the date it resolved, and still checks that it did', () => {
    passes('Acute bronchitis resolved as of 20 Feb 2019.', citeRecord('condition', 'v-bronchitis'));
    flags('Acute bronchitis resolved as of 1 Feb 2019.', 'date', citeRecord('condition', 'v-bronchitis'));
    const r = verify('Hypertension resolved as of 2019.', citeRecord('condition', 'v-htn'));
    expect(r.verdict).not.toBe('supported');
  });

  it('reads "since X (as of Y)" as a change from X to Y', () => {
    passes('eGFR has come down since May 2019 (as of Jun 2020).', obs('v-egfr-2019'), obs('v-egfr-2020'));
    flags('eGFR has gone up since May 2019 (as of Jun 2020).', 'assertion', obs('v-egfr-2019'), obs('v-egfr-2020'));
  });

  it('reads "stable 2013 to 2019" as two years, not a value', () => {
    passes('Weight stable 2011 to 2015.', obs('v-wt-2011'), obs('v-wt-2015'));
  });

  it('reads "labs from" a date as the date of the labs, not a period from it; and "Trending:" as framing', () => {
    passes('Labs from 08/21/2020: body weight 87.7 kg.', obs('v-wt-2020'));
    flags('Labs from 08/22/2020: body weight 87.7 kg.', 'date', obs('v-wt-2020'));
    passes('Trending: eGFR fell, 137 in 2019 vs 87 in 2020.', obs('v-egfr-2019'), obs('v-egfr-2020'));
    flags('Trending: eGFR rose, 137 in 2019 vs 87 in 2020.', 'assertion', obs('v-egfr-2019'), obs('v-egfr-2020'));
  });

  it('takes a referral letter’s framing as framing', () => {
    passes('Thank you for referring Mrs Lindqvist. Relevant findings: BP 108/84 mmHg on 21 Aug 2020.', obs('v-bp-2020'));
  });

  it('takes a visit’s own name as it is, and still checks the kind of visit a claim says', () => {
    passes('Visit on 2021-02-12: Emergency room admission.', citeRecord('encounter', 'v-enc-2'));
    flags('Admitted as an inpatient on 2020-08-21.', 'term', citeRecord('encounter', 'v-enc-1'));
  });

  it('reads a unit written after the dates, and a participle for a record’s noun', () => {
    passes('SBP fell: 131 (Jun 2011) -> 108 (Aug 21, 2020) mmHg.', obs('v-bp-2011'), obs('v-bp-2020'));
    passes('Acute bronchitis, resolved Feb 2019.', citeRecord('condition', 'v-bronchitis'));
  });
});

describe('set K\'s registers: quarters, offsets from an event, problem lists, cut-offs', () => {
  it('reads a calendar quarter as its three months', () => {
    passes('Wt 87.7 kg in Q3 2020.', obs('v-wt-2020'));
    flags('Wt 87.7 kg in Q1 2020.', 'date', obs('v-wt-2020'));
    passes('2020 Q3: Hgb 14.1 g/dL.', obs('v-hb'));
  });

  it('counts "N days before the DATE visit" from that date, and checks the day it names', () => {
    passes('Nine days before the October 10, 2022 check-up, the flu vaccine was given.', citeRecord('immunization', 'v-flu'));
    flags('Six days before the October 10, 2022 check-up, the flu vaccine was given.', 'date', citeRecord('immunization', 'v-flu'));
    passes('Flu vaccine given 2 weeks before the visit on 15 October 2022.', citeRecord('immunization', 'v-flu'));
    flags('Flu vaccine given 5 weeks before the visit on 15 October 2022.', 'date', citeRecord('immunization', 'v-flu'));
  });

  it('reads "not on the problem list" as a negation of what it names', () => {
    flags('Hypertension is not on the problem list.', 'negation', chart);
    passes('Osteoporosis is not on the problem list.', chart);
  });

  it('reads "above the anaemia cut-off" as outside a low category and "above the fever threshold" as inside a high one', () => {
    passes('Hb 14.1 g/dL on 08/21/2020, above the WHO anaemia cut-off.', obs('v-hb'));
    flags('Hb 14.1 g/dL on 08/21/2020, below the WHO anaemia cut-off.', 'assertion', obs('v-hb'));
    passes('Temp 38.2 °C on 6 Sep 2013, above the fever threshold.', obs('v-temp'));
    flags('Temp 38.2 °C on 6 Sep 2013, below the fever threshold.', 'assertion', obs('v-temp'));
  });

  it('reads "normal (ACC/AHA)" of a pressure as the guideline\'s normal category', () => {
    flags('BP 124/76 mmHg in Sep 2016, within the normal range (ACC/AHA 2017).', 'assertion', obs('v-bp-2016'));
    passes('BP 124/76 mmHg in Sep 2016, elevated (ACC/AHA 2017).', obs('v-bp-2016'));
  });

  it('takes a note\'s headings as framing, and a year after "Labs" as a date', () => {
    passes('Assessment: per EHR, BP 108/84 mmHg on 21 Aug 2020.', obs('v-bp-2020'));
    passes('Pre-visit summary: Labs 2020: Hgb 14.1 g/dL.', obs('v-hb'));
    flags('Pre-visit summary: Labs 2019: Hgb 14.1 g/dL.', 'date', obs('v-hb'));
  });
});

describe('set L\'s registers: paired analytes, years before values, headings, answers', () => {
  it('reads "A1c/Hgb 7.2/14.1" as each analyte\'s value in order, and catches them swapped', () => {
    passes('A1c/Hgb 7.2/14.1 on 08/21/2020.', obs('v-hb'), obs('v-a1c'));
    flags('A1c/Hgb 14.1/7.2 on 08/21/2020.', 'value', obs('v-hb'), obs('v-a1c'));
  });

  it('binds a year written before an analyte and its value to that value ("2011 Wt 88.2, 2015 Wt 88.8")', () => {
    passes('2011 Wt 88.2, 2015 Wt 88.8 kg.', obs('v-wt-2011'), obs('v-wt-2015'));
    flags('2015 Wt 88.2, 2011 Wt 88.8 kg.', 'value', obs('v-wt-2011'), obs('v-wt-2015'));
  });

  it('checks "Q: any allergies? A: none" against the allergy list', () => {
    passes('Q: any allergies? A: none on file.', chart);
    const other = verifierVault();
    try {
      const allergy = { resourceType: 'AllergyIntolerance', id: 'v-bee', patient: { reference: `Patient/${PATIENT}` }, clinicalStatus: { coding: [{ code: 'active' }] }, code: { coding: [{ system: 'http://snomed.info/sct', code: '424213003', display: 'Allergy to bee venom' }] } };
      importBundleText(other, 'allergy.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: allergy }] }));
      const r = verifyClaim(other.db, PATIENT, { text: 'Q: any allergies? A: none on file.', citations: [chart] });
      expect(r.problems.map((p) => p.kind)).toContain('negation');
    } finally {
      other.close();
    }
  });

  it('reads the size of a change after its verb ("decreased 50 mL/min/{1.73_m2}") and a UCUM unit in braces', () => {
    passes('eGFR decreased 50 mL/min/{1.73_m2} (from 137 to 87) between 2019 and 2020.', ...[obs('v-egfr-2019'), obs('v-egfr-2020')]);
    flags('eGFR decreased 30 mL/min/{1.73_m2} (from 137 to 87) between 2019 and 2020.', 'value', ...[obs('v-egfr-2019'), obs('v-egfr-2020')]);
  });

  it('takes a note\'s heading as the note\'s name, not a fact ("Clinic note:", "Med rec:")', () => {
    passes('Clinic note: BP 108/84 mmHg on 21 Aug 2020.', obs('v-bp-2020'));
    passes('Med rec: Lasix 40 mg since Aug 2020.', citeRecord('medication', 'v-lasix'));
    flags('Clinic note: BP 108/84 mmHg on 21 Aug 2019.', 'date', obs('v-bp-2020'));
  });
});

describe('set M\'s registers: ward rounds, "sys BP", "nil", a guideline named after "BP"', () => {
  it('reads "sys BP" and "dia BP" as the components, and a ward round\'s heading as framing', () => {
    passes('WR: sys BP 108 mm Hg on 21 Aug 2020.', obs('v-bp-2020'));
    passes('GP note: dia BP 84 mm Hg on 21 Aug 2020.', obs('v-bp-2020'));
    flags('WR: dia BP 108 mm Hg on 21 Aug 2020.', 'value', obs('v-bp-2020'));
  });

  it('reads "elevated BP (ACC/AHA)" as the guideline\'s category, and "stage 2 HTN range" of a bare reading as a pressure\'s', () => {
    passes('Reading of 124/76 (Sep 2016) is elevated BP (ACC/AHA).', obs('v-bp-2016'));
    flags('Reading of 199/101 (1 Mar 2019) is elevated BP (ACC/AHA).', 'assertion', obs('v-bp-2019'));
    passes('Reading of 199/101 (1 Mar 2019) is in the stage 2 HTN range.', obs('v-bp-2019'));
  });

  it('reads "nil X" as a negation, and "previously on" as the past', () => {
    flags('Nil hypertension on the problem list.', 'negation', chart);
    passes('Nil asthma on the problem list.', chart);
    passes('Previously on penicillin V (2013); no longer taking it.', citeRecord('medication', 'v-pen'));
  });

  it('reads "none on the medication list" as never listed, whatever the status; a ward round\'s heading as framing', () => {
    passes('Q: is the patient on penicillin? A: No.', chart);
    flags('Q: is the patient on penicillin? A: No, none on the medication list.', 'negation', chart);
    passes('Ward round: BP 108/84 mmHg on 21 Aug 2020.', obs('v-bp-2020'));
  });
});

describe('a visit and the reason it records', () => {
  it('reads what the cited visit\'s reason names (a group of problems, results under review) and a goal\'s due date as cited, and a visit for something else as not', () => {
    const ref = { reference: `Patient/${PATIENT}` };
    const stay = (id: string, reason: string) => ({
      resourceType: 'Encounter', id, status: 'finished', subject: ref, class: { code: 'IMP' }, type: [{ text: 'Encounter Inpatient' }],
      reasonCode: [{ text: reason }], period: { start: '2024-03-02T18:00:00Z', end: '2024-03-06T11:00:00Z' },
    });
    const other = verifierVault();
    try {
      const review = { ...stay('v-visit-k', 'Blood pressure and potassium review'), class: { code: 'AMB' }, type: [{ text: 'Follow-up visit' }] };
      // A follow-up with a due date, in a vault where "due" is a clinical word ("Anemia due to chronic kidney disease").
      const followUp = { resourceType: 'Goal', id: 'v-follow-up', lifecycleStatus: 'active', subject: ref, description: { text: 'Follow-up visit: Potassium recheck' }, startDate: '2024-03-20', target: [{ dueDate: '2024-04-20' }] };
      const anemia = { resourceType: 'Condition', id: 'v-anemia', subject: ref, clinicalStatus: { coding: [{ code: 'active' }] }, code: { text: 'Anemia due to chronic kidney disease' }, onsetDateTime: '2023-01-01' };
      const entry = [stay('v-stay-aki', 'Acute kidney injury'), stay('v-stay-pneu', 'Pneumonia'), review, followUp, anemia].map((resource) => ({ resource }));
      importBundleText(other, 'stays.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }));
      const check = (text: string, id: string) => verifyClaim(other.db, PATIENT, { text, citations: [citeRecord('encounter', id)] });
      const cited = check('Visit on 2 Mar 2024: Encounter Inpatient, for Acute kidney injury, until 6 Mar 2024', 'v-stay-aki');
      expect(cited.problems).toEqual([]);
      expect(cited.verdict).toBe('supported');
      const wrong = check('Visit on 2 Mar 2024: Encounter Inpatient, for an injury, until 6 Mar 2024', 'v-stay-pneu');
      expect(wrong.verdict).not.toBe('supported');
      // Results the reason names are the visit's words, not results; a value still needs its result.
      const reason = check('Last visit on 2 Mar 2024: Follow-up visit, for Blood pressure and potassium review', 'v-visit-k');
      expect(reason.problems).toEqual([]);
      expect(check('Last visit on 2 Mar 2024: Follow-up visit, for a potassium of 6.9 mmol/L', 'v-visit-k').problems.map((p) => p.kind)).toContain('citation');
      expect(check('Last visit on 2 Mar 2024: Follow-up visit, for an HbA1c review', 'v-visit-k').problems.map((p) => p.kind)).toContain('citation');
      // A goal with a due date is "due" on that date, and on no other.
      const goal = (t: string) => verifyClaim(other.db, PATIENT, { text: t, citations: [citeRecord('care-plan', 'v-follow-up')] });
      expect(goal('Follow-up visit: Potassium recheck, due 20 Apr 2024').problems).toEqual([]);
      expect(goal('Follow-up visit: Potassium recheck, due 21 Apr 2024').verdict).not.toBe('supported');
    } finally {
      other.close();
    }
  });
});

describe('classes and kinds the chart names by their members', () => {
  it('finds a thiazide, a hypertriglyceridaemia as a hyperlipidaemia, childhood asthma as reactive airway disease, and "still smoking" as current', () => {
    const ref = { reference: `Patient/${PATIENT}` };
    const other = verifierVault();
    try {
      const entry = [
        { resourceType: 'MedicationRequest', id: 'v-hctz', status: 'active', intent: 'order', subject: ref, authoredOn: '2016-01-01', medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '310798', display: 'Hydrochlorothiazide 25 MG Oral Tablet' }] } },
        { resourceType: 'Condition', id: 'v-tg', subject: ref, clinicalStatus: { coding: [{ code: 'active' }] }, code: { coding: [{ system: 'http://snomed.info/sct', code: '302870006', display: 'Hypertriglyceridemia (disorder)' }] }, onsetDateTime: '2012-01-01' },
        { resourceType: 'Condition', id: 'v-asthma', subject: ref, clinicalStatus: { coding: [{ code: 'active' }] }, code: { coding: [{ system: 'http://snomed.info/sct', code: '233678006', display: 'Childhood asthma' }] }, onsetDateTime: '1958-01-01' },
      ].map((resource) => ({ resource }));
      importBundleText(other, 'classes.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }));
      const whole = { kind: 'record', record: 'patient', id: PATIENT } as const satisfies Citation;
      const check = (text: string) => verifyClaim(other.db, PATIENT, { text, citations: [whole] });
      // (The fixture's Lasix is a loop diuretic.)
      for (const text of ['Not on any thiazide.', 'Not on any loop diuretic.', 'No hyperlipidemia documented.', 'Denies reactive airway disease.']) {
        expect(check(text).problems.map((p) => p.kind), text).toContain('negation');
      }
      expect(verifyClaim(vault.db, PATIENT, { text: 'Not on any thiazide.', citations: [whole] }).verdict).toBe('supported');
      expect(verifyClaim(other.db, PATIENT, { text: 'Still smoking.', citations: [obs('v-smoking')] }).verdict).not.toBe('supported');
    } finally {
      other.close();
    }
  });
});
