"""Extra claims in longer, more varied voices (pre-visit briefs, letters, Q/A), weighted toward the two
large charts (Vito Feeney, Evelyn McCullough)."""
from lib import *
def A(k, cat, lab, text, cites, checks, why): add(k, cat, lab, text, cites, checks, why)
ATP = 'NCEP ATP III: TC <200 desirable, 200-239 borderline high; HDL <40 low, >=60 high'
BP2017 = 'ACC/AHA 2017: stage 2 >=140 or >=90; elevated 120-129/<80'

# ---------------- dates ----------------
A('vito', 'dates', 'correct', "Pre-visit summary for Mr. Feeney: metastatic prostate cancer documented 11/07/1977; the prostate biopsy that day was abnormal.",
  [C('vito', 'Metastasis'), O('vito', 'biopsy', '1977-11-07')], [d(0, '1977-11-07'), cval(1, 'abnormal')], 'metastasis onset 1977-11-07; biopsy result abnormal same day')
A('evelyn', 'dates', 'correct', "Per her record, insulin (Humulin 70/30) was added on April 26th, 1976.",
  [M('evelyn', 'Humulin')], [d(0, '1976-04-26')], 'Humulin authoredOn 1976-04-26')
A('nohemi', 'dates', 'correct', "Dear Ms. Mertz, our records show your hand osteoarthritis was first noted on 02/26/2016 and that naproxen was started for it that day.",
  [C('nohemi', 'osteoarthritis'), M('nohemi', 'Naproxen')], [d(0, '2016-02-26'), d(1, '2016-02-26'), reason(1, 'osteoarthritis')], 'OA onset and naproxen authored 2016-02-26')
A('gale', 'dates', 'correct', "Q: When was Gale's MMR given? A: 8 May 2018.",
  [IM('gale', 'MMR')], [d(0, '2018-05-08')], 'MMR 2018-05-08')
A('vito', 'dates', 'wrong', "Pre-visit summary for Mr. Feeney: metastatic prostate cancer was documented on 11/07/1976.",
  [C('vito', 'Metastasis')], [err(d(0, '1976-11-07'))], 'wrong year: 1977-11-07')
A('evelyn', 'dates', 'wrong', "Per her record, Humulin 70/30 insulin was added to her regimen on April 26th, 1977.",
  [M('evelyn', 'Humulin')], [err(d(0, '1977-04-26'))], 'wrong year: 1976-04-26')
A('nohemi', 'dates', 'wrong', "Dear Ms. Mertz, our records show your hand osteoarthritis was first noted on 02/26/2015 and that naproxen was started for it.",
  [C('nohemi', 'osteoarthritis'), M('nohemi', 'Naproxen')], [err(d(0, '2015-02-26')), reason(1, 'osteoarthritis')], 'wrong year: 2016-02-26')
A('monika', 'dates', 'wrong', "Dear Monika, we see from your chart that your hand laceration was stitched up on October 17th, 2017.",
  [PR('monika', 'Suture')], [err(d(0, '2017-10-17'))], 'wrong year: 2016-10-17')
A('thanh', 'dates', 'wrong', "Pre-visit note for Mr. Considine: hyperlipidemia was diagnosed on 15 November 2016 and simvastatin was ordered on 6 December 2015.",
  [C('thanh', 'Hyperlipidemia'), M('thanh', 'Simvistatin', '2016')], [d(0, '2016-11-15'), err(d(1, '2015-12-06'))], 'simvastatin first ordered 2016-12-06, not 2015')

# ---------------- abbreviations ----------------
A('vito', 'abbreviations', 'correct', "Labs 9/24/1979: Na 143, K 4.3, Cr 1.85, HbA1c 3.0%.",
  [O('vito', 'na', '1979-09-24'), O('vito', 'k', '1979-09-24'), O('vito', 'cr', '1979-09-24'), O('vito', 'a1c', '1979-09-24')],
  [v(0, '143'), v(1, '4.3'), v(2, '1.85'), v(3, '3.0')], 'Na 143.0, K 4.29, Cr 1.849, A1c 3.01')
A('evelyn', 'abbreviations', 'correct', "BMP on 2/13/1984 — Na 142, K 4.3, BUN 13.8, Cr 2.47 mg/dL.",
  [O('evelyn', 'na', '1984-02-13'), O('evelyn', 'k', '1984-02-13'), O('evelyn', 'bun', '1984-02-13'), O('evelyn', 'cr', '1984-02-13')],
  [v(0, '142'), v(1, '4.3'), v(2, '13.8'), v(3, '2.47')], 'Na 142.2, K 4.31, BUN 13.83, Cr 2.468')
A('jules', 'abbreviations', 'correct', "Q: Does Jules have HTN? A: Yes — HTN since 8/2013, on HCTZ 25 mg.",
  [C('jules', 'Hypertension'), M('jules', 'Hydrochlorothiazide')], [d(0, '2013-08'), code(1, '25 MG'), st(1, 'active')], 'HTN 2013-08-14; HCTZ 25 active')
A('vito', 'abbreviations', 'wrong', "Labs 9/24/1979: Na 143, K 4.9, Cr 1.85, HbA1c 3.0%.",
  [O('vito', 'na', '1979-09-24'), O('vito', 'k', '1979-09-24'), O('vito', 'cr', '1979-09-24'), O('vito', 'a1c', '1979-09-24')],
  [v(0, '143'), err(v(1, '4.9')), v(2, '1.85'), v(3, '3.0')], 'K was 4.29')
A('evelyn', 'abbreviations', 'wrong', "BMP on 2/13/1984 — Na 142, K 4.3, BUN 2.47, Cr 13.8 mg/dL.",
  [O('evelyn', 'na', '1984-02-13'), O('evelyn', 'k', '1984-02-13'), O('evelyn', 'bun', '1984-02-13'), O('evelyn', 'cr', '1984-02-13')],
  [v(0, '142'), v(1, '4.3'), err(v(2, '2.47')), err(v(3, '13.8'))], 'BUN and Cr attributed to the wrong analyte: BUN 13.8, Cr 2.47')
A('beatrice', 'abbreviations', 'wrong', "Her PMH per chart: CAD (1997), CHF (2012), and COPD.",
  [C('beatrice', 'Coronary'), C('beatrice', 'congestive')], [d(0, '1997'), d(1, '2012'), err(present('COPD|chronic obstructive'))], 'no COPD anywhere in the chart')
A('andys', 'abbreviations', 'wrong', "Q: Any hematologic history? A: Yes — IDA (iron-deficiency anemia) diagnosed 6/1978, treated with B12 injections.",
  [C('andys', 'Anemia'), M('andys', 'Vitamin B 12')], [d(0, '1978-06'), code(1, 'Vitamin B 12'), err(code(0, 'iron deficiency'))], "record says 'Anemia (disorder)', not iron-deficiency anemia")
A('thanh', 'abbreviations', 'wrong', "LFTs 12/5/2020: ALT 43, AST 31, ALP 4.8 U/L.",
  [O('thanh', 'alt', '2020-12-05'), O('thanh', 'ast', '2020-12-05'), O('thanh', 'alp', '2020-12-05')],
  [v(0, '43'), v(1, '31'), err(v(2, '4.8'))], 'ALP 40.2 U/L (4.8 is the albumin in g/dL)')

# ---------------- drug-names ----------------
A('evelyn', 'drug-names', 'correct', "Medication list (pre-visit): HCTZ 25 mg, Glucophage XR 500 mg, Humulin 70/30, and cyanocobalamin 5 mg/mL injections — all active orders.",
  [M('evelyn', 'Hydrochlorothiazide'), M('evelyn', 'Metformin'), M('evelyn', 'Humulin'), M('evelyn', 'Vitamin B 12')],
  [code(0, '25 MG'), code(1, '500 MG'), code(3, '5 MG/ML'), st(0, 'active'), st(1, 'active'), st(2, 'active'), st(3, 'active')], 'all four orders active')
A('vito', 'drug-names', 'correct', "Active orders include Percocet (oxycodone 5 mg/acetaminophen 325 mg) every 6 hours plus HCTZ 25 mg.",
  [M('vito', 'oxyCODONE'), M('vito', 'Hydrochlorothiazide')], [code(0, 'oxyCODONE Hydrochloride 5'), freq(0, 1, 6, 'h'), code(1, '25 MG'), st(0, 'active'), st(1, 'active')], 'both active')
A('monika', 'drug-names', 'correct', "Dear Monika, your asthma medicines are Flovent (fluticasone 44 mcg) and an albuterol rescue inhaler (90 mcg per puff) used as needed.",
  [M('monika', 'Fluticasone'), M('monika', 'Albuterol')], [code(0, '0.044 MG'), code(1, '0.09 MG'), prn(1), reason(0, 'asthma'), reason(1, 'asthma')], 'both reasonReference Childhood asthma')
A('evelyn', 'drug-names', 'wrong', "Medication list (pre-visit): HCTZ 25 mg, Glucophage XR 750 mg, Humulin 70/30, and B12 injections.",
  [M('evelyn', 'Hydrochlorothiazide'), M('evelyn', 'Metformin'), M('evelyn', 'Humulin'), M('evelyn', 'Vitamin B 12')],
  [code(0, '25 MG'), err(code(1, '750 MG'))], 'metformin ER is 500 mg')
A('vito', 'drug-names', 'wrong', "Active orders include Percocet 10/325 every 6 hours plus HCTZ 25 mg.",
  [M('vito', 'oxyCODONE'), M('vito', 'Hydrochlorothiazide')], [err(code(0, 'oxyCODONE Hydrochloride 10')), freq(0, 1, 6, 'h'), code(1, '25 MG')], 'oxycodone component is 5 mg')
A('monika', 'drug-names', 'wrong', "Dear Monika, your asthma medicines are Flovent (fluticasone 44 mcg) and a Xopenex (levalbuterol) rescue inhaler used as needed.",
  [M('monika', 'Fluticasone'), M('monika', 'Albuterol')], [code(0, '0.044 MG'), err(code(1, 'levalbuterol'))], 'rescue inhaler is albuterol, Xopenex is levalbuterol')
A('mathilda', 'drug-names', 'wrong', "Dear parent: Mathilda's allergy medicines are an EpiPen and Claritin 30 mg as needed.",
  [M('mathilda', 'Epinephrine'), M('mathilda', 'Fexofenadine')], [code(0, 'Epinephrine'), err(code(1, 'loratadine'))], 'antihistamine is fexofenadine (Allegra), Claritin is loratadine')
A('nohemi', 'drug-names', 'wrong', "Pre-visit: she uses diphenhydramine 25 mg prn and ibuprofen 220 mg for the hand OA.",
  [M('nohemi', 'diphenhydrAMINE'), M('nohemi', 'Naproxen')], [code(0, '25 MG'), err(code(1, 'Ibuprofen'))], 'the 220 mg NSAID is naproxen sodium')

# ---------------- units ----------------
A('vito', 'units', 'correct', "Weight 98.1 kg (216 lb) on 9/24/1979.",
  [O('vito', 'wt', '1979-09-24')], [v(0, '98.1'), cv(0, '216', 'kg_lb')], '98.05 kg = 216.2 lb')
A('evelyn', 'units', 'correct', "Creatinine 2.47 mg/dL (≈218 µmol/L) on 2/13/1984.",
  [O('evelyn', 'cr', '1984-02-13')], [v(0, '2.47'), cv(0, '218', 'cr_umol')], '2.468 mg/dL x 88.42 = 218.2 umol/L')
A('thanh', 'units', 'correct', "Serum albumin 48 g/L (4.8 g/dL) on 12/5/2020.",
  [O('thanh', 'alb', '2020-12-05')], [v(0, '4.8'), cv(0, '48', 'x10')], '4.794 g/dL = 47.9 g/L')
A('vito', 'units', 'wrong', "Weight 98.1 kg (198 lb) on 9/24/1979.",
  [O('vito', 'wt', '1979-09-24')], [v(0, '98.1'), err(cv(0, '198', 'kg_lb'))], '98.05 kg = 216 lb, not 198')
A('evelyn', 'units', 'wrong', "Creatinine 2.47 µmol/L on 2/13/1984.",
  [O('evelyn', 'cr', '1984-02-13')], [v(0, '2.47'), err(unit(0, 'µmol/L'))], '2.47 mg/dL (218 umol/L)')
A('jules', 'units', 'wrong', "Dear Mr. Marks, at your 8/26/2020 visit you weighed 86.5 kilograms, which is about 170 pounds.",
  [O('jules', 'wt', '2020-08-26')], [v(0, '86.5'), err(cv(0, '170', 'kg_lb', tol=3))], '86.5 kg = 190.7 lb')
A('malcom', 'units', 'wrong', "You are 182.6 cm tall, or roughly 5 feet 6 inches.",
  [O('malcom', 'ht', '2020-12')], [v(0, '182.6'), err(cv(0, '66', 'cm_in'))], '182.6 cm = 71.9 in (about 6 ft)')
A('bryan', 'units', 'wrong', "At the 9/6/2019 strep visit his temperature was 38.3 °C, i.e. about 99 °F.",
  [O('bryan', 'temp', '2019-09-06'), C('bryan', 'Streptococcal')], [v(0, '38.3'), d(1, '2019-09-06'), err(cv(0, '99', 'C_F'))], '38.3 °C = 101 °F')

# ---------------- rounding ----------------
A('vito', 'rounding', 'correct', "His eGFR was a little over 30 in Jan 1979 (30.3).",
  [O('vito', 'egfr', '1979-01')], [rng(0, 30, 31), v(0, '30.3')], 'eGFR 30.32')
A('evelyn', 'rounding', 'correct', "Her BMI hovered just under 30 at the 2/13/1984 visit.",
  [O('evelyn', 'bmi', '1984-02-13')], [rng(0, 29.5, 30)], 'BMI 29.96')
A('dannie', 'rounding', 'correct', "Dear Ms. Schmitt, your LDL in March 2018 was right around 101 mg/dL.",
  [O('dannie', 'ldl', '2018-03')], [v(0, '101')], 'LDL 101.2')
A('vito', 'rounding', 'wrong', "Pre-visit: eGFR roughly 36 in January 1979.",
  [O('vito', 'egfr', '1979-01')], [err(v(0, '36'))], 'eGFR 30.3')
A('evelyn', 'rounding', 'wrong', "Her BMI was just over 30 at the 2/13/1984 visit.",
  [O('evelyn', 'bmi', '1984-02-13')], [err(rng(0, 30, 30.5))], 'BMI 29.96, just under 30')
A('dannie', 'rounding', 'wrong', "Dear Ms. Schmitt, your LDL in March 2018 was about 110 mg/dL.",
  [O('dannie', 'ldl', '2018-03')], [err(v(0, '110', tol=5))], 'LDL 101.2 (~100)')
A('man', 'rounding', 'wrong', "For the brief: his total cholesterol in May 2018 was approximately 185 mg/dL.",
  [O('man', 'chol', '2018-05')], [err(v(0, '185'))], 'TC 175.5')
A('oswaldo', 'rounding', 'wrong', "His HDL in April 2020 was close to 69 mg/dL.",
  [O('oswaldo', 'hdl', '2020-04')], [err(v(0, '69'))], 'HDL 59.65 (~60)')

# ---------------- trends ----------------
A('vito', 'trends', 'correct', "Microalbuminuria progressed through the 1970s: UACR 4.3 mg/g in Nov 1969 versus 29.9 mg/g in Jan 1978.",
  [O('vito', 'macr', '1969-11'), O('vito', 'macr', '1978-01')], [v(0, '4.3'), v(1, '29.9'), tr(0, 1, 'up')], '4.29 -> 29.95')
A('evelyn', 'trends', 'correct', "Her HDL rose from 61 (Feb 1979) to 78 (Dec 1982).",
  [O('evelyn', 'hdl', '1979-02'), O('evelyn', 'hdl', '1982-12')], [v(0, '61'), v(1, '78'), tr(0, 1, 'up')], '61.15 -> 78.48')
A('annmarie', 'trends', 'correct', "Her LDL has stayed fairly stable, between 85 and 98 mg/dL, across the 2014, 2017 and 2020 panels.",
  [O('annmarie', 'ldl', '2014'), O('annmarie', 'ldl', '2017'), O('annmarie', 'ldl', '2020')],
  [rng(0, 85, 98.5), rng(1, 85, 98.5), rng(2, 85, 98.5), tr(0, 2, 'stable', 13)], '89.6, 97.6, 85.4 (stable: range <13 mg/dL)')
A('vito', 'trends', 'wrong', "Microalbuminuria regressed over the 1970s — UACR was higher in Nov 1969 than in Jan 1978.",
  [O('vito', 'macr', '1969-11'), O('vito', 'macr', '1978-01')], [err(tr(0, 1, 'down'))], 'rose 4.3 -> 29.9')
A('evelyn', 'trends', 'wrong', "Her HDL fell between the Feb 1979 and Dec 1982 panels.",
  [O('evelyn', 'hdl', '1979-02'), O('evelyn', 'hdl', '1982-12')], [err(tr(0, 1, 'down'))], 'rose 61 -> 78')
A('annmarie', 'trends', 'wrong', "Her LDL climbed steadily across the 2014, 2017 and 2020 panels.",
  [O('annmarie', 'ldl', '2014'), O('annmarie', 'ldl', '2017'), O('annmarie', 'ldl', '2020')], [tr(0, 1, 'up'), err(tr(1, 2, 'up'))], '2020 LDL (85.4) lower than 2017 (97.6)')
A('deedra', 'trends', 'wrong', "Deedra's white count went up between the Oct 2015 and Oct 2020 CBCs.",
  [O('deedra', 'wbc', '2015-10'), O('deedra', 'wbc', '2020-10')], [err(tr(0, 1, 'up'))], 'WBC fell 5.38 -> 3.58')
A('michael', 'trends', 'wrong', "Pre-visit summary: Michael's weight has crept up between 2012 and Feb 2021.",
  [O('michael', 'wt', '2012'), O('michael', 'wt', '2021')], [err(tr(0, 1, 'up'))], 'weight identical 91.99 kg at every visit')

# ---------------- two-facts ----------------
A('vito', 'two-facts', 'correct', "The 11/12/1979 death certificate lists prostate neoplasm as the cause of death; metastatic disease had been diagnosed in November 1977.",
  [O('vito', 'cod', '1979'), C('vito', 'Metastasis')], [cval(0, 'Neoplasm of prostate'), d(0, '1979-11-12'), d(1, '1977-11')], 'cause of death obs 1979-11-12; metastasis onset 1977-11-07')
A('evelyn', 'two-facts', 'correct', "She had acute bronchitis in Jan 1976 and viral sinusitis in Nov 1978.",
  [C('evelyn', 'bronchitis'), C('evelyn', 'Viral sinusitis')], [d(0, '1976-01'), d(1, '1978-11')], 'onsets 1976-01-21 and 1978-11-28')
A('oswaldo', 'two-facts', 'correct', "Dear Mr. Armstrong, you received a Td booster on 4/3/2018, and your LDL in April 2020 was 118.",
  [IM('oswaldo', 'Td'), O('oswaldo', 'ldl', '2020-04')], [d(0, '2018-04-03'), v(1, '118')], 'Td 2018-04-03; LDL 118.3')
A('vito', 'two-facts', 'wrong', "The 11/12/1979 death certificate lists diabetes as the cause of death, in a man with metastatic prostate cancer diagnosed in Nov 1977.",
  [O('vito', 'cod', '1979'), C('vito', 'Metastasis')], [err(cval(0, 'Diabetes')), d(1, '1977-11')], 'cause of death is neoplasm of prostate')
A('evelyn', 'two-facts', 'wrong', "She had acute bronchitis in Jan 1976 and strep pharyngitis in Nov 1978.",
  [C('evelyn', 'bronchitis'), C('evelyn', 'Viral sinusitis')], [d(0, '1976-01'), err(code(1, 'Streptococcal'))], 'the Nov 1978 illness was viral sinusitis')
A('oswaldo', 'two-facts', 'wrong', "Dear Mr. Armstrong, you received a Td booster on 4/3/2018 and a shingles vaccine at the same visit.",
  [IM('oswaldo', 'Td')], [d(0, '2018-04-03'), err(present('zoster|shingles'))], 'no zoster immunization anywhere in his chart')
A('andyg', 'two-facts', 'wrong', "Dear parent: Andy had acute bronchitis on 1/29/2020, one day after starting cefuroxime for an ear infection.",
  [C('andyg', 'bronchitis'), M('andyg', 'Cefuroxime')], [d(0, '2020-01-29'), err(d(1, '2020-01-28'))], 'the 1/28/2020 antibiotic was amoxicillin; cefuroxime was started 2020-11-04')
A('elisha', 'two-facts', 'wrong', "Zoster vaccine on 3/7/2018 and a Td booster at the same visit.",
  [IM('elisha', 'zoster', '2018-03-07'), IM('elisha', 'Td')], [d(0, '2018-03-07'), err(d(1, '2018-03-07'))], 'Td given 2019-03-13')

# ---------------- negation ----------------
A('vito', 'negation', 'correct', "Never smoker, with no history of COPD or asthma.",
  [O('vito', 'smoke', '1979-09'), PT('vito')], [cval(0, 'Never'), smoke_latest('Never'), absent('asthma|COPD|chronic obstructive|emphysema')], 'never smoker; no COPD/asthma')
A('evelyn', 'negation', 'correct', "No allergies of any kind are recorded in her chart.",
  [PT('evelyn')], [none('AllergyIntolerance')], 'no AllergyIntolerance')
A('andys', 'negation', 'correct', "He has no documented history of hypertension.",
  [PT('andys')], [absent('hypertens')], 'no hypertension in chart')
A('dannie', 'negation', 'correct', "Dear Ms. Schmitt, you have no history of diabetes and are not on any diabetes medicine.",
  [PT('dannie')], [absent('diabet|metformin|insulin|glipizide')], 'none in chart')
A('evelyn', 'negation', 'wrong', "No history of anemia.",
  [PT('evelyn')], [err(absent('anemia'))], 'encounter 1943-02-15 for Anemia (B12 injections ordered)')
A('vito', 'negation', 'wrong', "Pre-visit: no diabetic complications on record.",
  [PT('vito')], [err(absent('retinopathy|diabetic renal|neuropathy'))], 'diabetic retinopathy and diabetic renal disease on list')
A('elisha', 'negation', 'wrong', "Q: Any fractures? A: None documented.",
  [PT('elisha')], [err(absent('fracture'))], 'fracture of forearm 2017')
A('thanh', 'negation', 'wrong', "He has no chronic conditions other than hypertension.",
  [PT('thanh')], [err(absent('epilep|seizure|hyperlipid|obesity'))], 'epilepsy, hyperlipidemia, obesity, chronic sinusitis also active')
A('oswaldo', 'negation', 'wrong', "Dear Mr. Armstrong, our records show you have never had strep throat.",
  [PT('oswaldo')], [err(absent('Streptococcal'))], 'streptococcal sore throat 2014-05-15')

# ---------------- status ----------------
A('vito', 'status', 'correct', "His HCTZ, metformin ER, Humulin and Percocet orders are all marked active.",
  [M('vito', 'Hydrochlorothiazide'), M('vito', 'Metformin'), M('vito', 'Humulin'), M('vito', 'oxyCODONE')],
  [st(0, 'active'), st(1, 'active'), st(2, 'active'), st(3, 'active')], 'all active')
A('evelyn', 'status', 'correct', "The acetaminophen/dextromethorphan/doxylamine syrup from Jan 1976 is stopped; her metformin order is active.",
  [M('evelyn', 'Dextromethorphan'), M('evelyn', 'Metformin')], [st(0, 'stopped'), d(0, '1976-01'), st(1, 'active')], 'syrup stopped; metformin active')
A('andyg', 'status', 'correct', "Dear parent: both of Andy's ear infections have resolved; the later one cleared on 2/4/2021.",
  [C('andyg', 'Otitis', '2020-01'), C('andyg', 'Otitis', '2020-11')], [st(0, 'resolved'), st(1, 'resolved'), ab(1, '2021-02-04')], 'both resolved; second abated 2021-02-04')
A('vito', 'status', 'wrong', "His HCTZ order was stopped; metformin ER remains active.",
  [M('vito', 'Hydrochlorothiazide'), M('vito', 'Metformin')], [err(st(0, 'stopped')), st(1, 'active')], 'HCTZ active')
A('evelyn', 'status', 'wrong', "The Jan 1976 cough syrup (acetaminophen/dextromethorphan/doxylamine) is still an active prescription.",
  [M('evelyn', 'Dextromethorphan')], [d(0, '1976-01'), err(st(0, 'active'))], 'stopped')
A('andyg', 'status', 'wrong', "Dear parent: Andy's most recent ear infection (Nov 2020) has not yet resolved.",
  [C('andyg', 'Otitis', '2020-11')], [d(0, '2020-11'), err(st(0, 'active'))], 'resolved 2021-02-04')
A('man', 'status', 'wrong', "Pre-visit: the oxaliplatin and leucovorin orders are stopped; HCTZ is active.",
  [M('man', 'oxaliplatin'), M('man', 'Leucovorin'), M('man', 'Hydrochlorothiazide')], [err(st(0, 'stopped')), err(st(1, 'stopped')), st(2, 'active')], 'oxaliplatin and leucovorin orders are active')
A('beatrice', 'status', 'wrong', "Both of her nitroglycerin spray orders (March 1997 and October 1997) are active.",
  [M('beatrice', 'Nitroglycerin', '1997-03'), M('beatrice', 'Nitroglycerin', '1997-10')], [err(st(0, 'active')), st(1, 'active')], 'the March 1997 order is stopped')

# ---------------- latest ----------------
A('vito', 'latest', 'correct', "His last recorded labs (9/24/1979): creatinine 1.85 and HbA1c 3.0%.",
  [O('vito', 'cr', '1979-09-24'), O('vito', 'a1c', '1979-09-24')], [latest(0), latest(1), v(0, '1.85'), v(1, '3.0')], 'latest Cr 1.849, A1c 3.01')
A('evelyn', 'latest', 'correct', "Her final recorded weight was 79.7 kg (10/8/1984).",
  [O('evelyn', 'wt', '1984-10-08')], [latest(0), v(0, '79.7')], 'latest weight 79.71')
A('oswaldo', 'latest', 'correct', "Dear Mr. Armstrong, your most recent visit with us was on 7/17/2020 for a sore throat (viral pharyngitis).",
  [E('oswaldo', '2020-07-17')], [latest_enc(0), code(0, 'pharyngitis')], 'latest encounter 2020-07-17 reason acute viral pharyngitis')
A('nohemi', 'latest', 'correct', "Her last colonoscopy was on 3/9/2021.",
  [PR('nohemi', 'Colonoscopy', '2021')], [latest(0), d(0, '2021-03-09')], 'latest colonoscopy 2021-03-09')
A('vito', 'latest', 'wrong', "His last recorded labs (7/2/1979): creatinine 1.83 and potassium 4.3.",
  [O('vito', 'cr', '1979-07-02'), O('vito', 'k', '1979-07-02')], [v(0, '1.83'), v(1, '4.3'), err(latest(0)), err(latest(1))], 'later labs on 1979-09-24')
A('evelyn', 'latest', 'wrong', "Her final recorded weight was about 82 kg (June 1984).",
  [O('evelyn', 'wt', '1984-06')], [v(0, '82'), err(latest(0))], 'later weight 79.7 kg on 1984-10-08')
A('oswaldo', 'latest', 'wrong', "Dear Mr. Armstrong, your most recent visit with us was your annual check-up on 4/14/2020.",
  [E('oswaldo', '2020-04-14')], [code(0, 'check up'), err(latest_enc(0))], 'later visit 2020-07-17')
A('nohemi', 'latest', 'wrong', "Her last colonoscopy was on 3/10/2016.",
  [PR('nohemi', 'Colonoscopy', '2016')], [d(0, '2016-03-10'), err(latest(0))], 'a later colonoscopy 2021-03-09')
A('thanh', 'latest', 'wrong', "Most recent lipid panel (10/27/2020): LDL 76.6, HDL 76.8.",
  [O('thanh', 'ldl', '2020-10-27'), O('thanh', 'hdl', '2020-10-27')], [v(0, '76.6'), v(1, '76.8'), err(latest(0)), err(latest(1))], 'a later panel on 2020-12-05')

# ---------------- swapped ----------------
A('vito', 'swapped', 'correct', "BP 185/115 on 9/24/1979 (systolic 185, diastolic 115).",
  [BP('vito', '1979-09-24')], [bpv(0, 'Systolic', '185'), bpv(0, 'Diastolic', '115')], '184.7/115.3')
A('evelyn', 'swapped', 'correct', "On 2/13/1984 her HDL was 67 and LDL 75.",
  [O('evelyn', 'hdl', '1984-02-13'), O('evelyn', 'ldl', '1984-02-13')], [v(0, '67'), v(1, '75')], 'HDL 66.85, LDL 75.31')
A('jules', 'swapped', 'correct', "Jules' BP went from 112/77 in Aug 2011 to 178/111 in Aug 2020.",
  [BP('jules', '2011-08'), BP('jules', '2020-08')], [bpv(0, 'Systolic', '112'), bpv(0, 'Diastolic', '77'), bpv(1, 'Systolic', '178'), bpv(1, 'Diastolic', '111')], '111.9/77.5 (2011) -> 178.2/110.7 (2020)')
A('vito', 'swapped', 'wrong', "BP 115/185 recorded 9/24/1979.",
  [BP('vito', '1979-09-24')], [err(bpv(0, 'Systolic', '115')), err(bpv(0, 'Diastolic', '185'))], 'swapped: 185/115')
A('evelyn', 'swapped', 'wrong', "On 2/13/1984 her HDL was 75 and LDL 67.",
  [O('evelyn', 'hdl', '1984-02-13'), O('evelyn', 'ldl', '1984-02-13')], [err(v(0, '75')), err(v(1, '67'))], 'swapped: HDL 67, LDL 75')
A('jules', 'swapped', 'wrong', "Jules' BP went from 178/111 in Aug 2011 to 112/77 in Aug 2020.",
  [BP('jules', '2011-08'), BP('jules', '2020-08')], [err(bpv(0, 'Systolic', '178')), err(bpv(1, 'Systolic', '112'))], 'years swapped')
A('nohemi', 'swapped', 'wrong', "Dear Ms. Mertz, your good cholesterol (HDL) was 55 and your LDL 79 in June 2019.",
  [O('nohemi', 'hdl', '2019-06'), O('nohemi', 'ldl', '2019-06')], [err(v(0, '55')), err(v(1, '79'))], 'swapped: HDL 78.8, LDL 55.0')
A('thanh', 'swapped', 'wrong', "On 12/5/2020: BUN 3.3, creatinine 19.5.",
  [O('thanh', 'bun', '2020-12-05'), O('thanh', 'cr', '2020-12-05')], [err(v(0, '3.3')), err(v(1, '19.5'))], 'swapped: BUN 19.5, Cr 3.26')

# ---------------- wrong-citation ----------------
A('vito', 'wrong-citation', 'correct', "His death certificate lists prostate neoplasm as the cause of death.",
  [O('vito', 'cod', '1979')], [cval(0, 'Neoplasm of prostate')], 'Cause of Death obs')
A('evelyn', 'wrong-citation', 'correct', "HbA1c 2.6% on 10/8/1984.",
  [O('evelyn', 'a1c', '1984-10-08')], [code(0, 'Hemoglobin A1c'), v(0, '2.6')], 'A1c 2.59')
A('thanh', 'wrong-citation', 'correct', "Dear Mr. Considine, your zoster (shingles) vaccine was given on 10/27/2020.",
  [IM('thanh', 'zoster')], [code(0, 'zoster'), d(0, '2020-10-27')], 'Immunization zoster 2020-10-27')
A('vito', 'wrong-citation', 'wrong', "Prostate cancer is listed as his cause of death.",
  [C('vito', 'Neoplasm of prostate')], [meta(present('Cause of Death')), err(cval(0, 'Neoplasm'))], 'the Condition record carries no cause-of-death statement; the Cause of Death observation is not cited')
A('evelyn', 'wrong-citation', 'wrong', "Her HbA1c was 2.6% on 10/8/1984.",
  [O('evelyn', 'glu', '1984-10-08')], [meta(obs_exists('a1c', '1984-10-08', '2.6')), err(code(0, 'Hemoglobin A1c')), err(v(0, '2.6'))], 'cites the glucose obs (84.7 mg/dL)')
A('thanh', 'wrong-citation', 'wrong', "Dear Mr. Considine, you received your shingles vaccine on 10/27/2020.",
  [BP('thanh', '2020-10-27')], [d(0, '2020-10-27'), err(code(0, 'zoster'))], 'cites the BP observation from that visit')
A('bryan', 'wrong-citation', 'wrong', "Smoking status at the 3/22/2021 visit: former smoker.",
  [O('bryan', 'bmi', '2021-03-22')], [d(0, '2021-03-22'), err(cval(0, 'Former'))], 'cites the BMI obs, not the smoking-status obs')
A('annmarie', 'wrong-citation', 'wrong', "Her BMI was 30.7 on 6/30/2020.",
  [O('annmarie', 'wt', '2020-06-30')], [meta(obs_exists('bmi', '2020-06-30', '30.7')), err(code(0, 'Body Mass Index')), err(v(0, '30.7'))], 'cites the weight obs (78.5 kg)')

# ---------------- interpretation ----------------
A('vito', 'interpretation', 'correct', "Pre-visit: BP 185/115 on 9/24/1979 is stage 2 hypertension.",
  [BP('vito', '1979-09-24')], [bpv(0, 'Systolic', '185'), bpv(0, 'Diastolic', '115'), bprng(0, 'Systolic', 140, 999)], BP2017)
A('evelyn', 'interpretation', 'correct', "Her HDL of 79 (10/8/1984) is above the 60 mg/dL protective threshold.",
  [O('evelyn', 'hdl', '1984-10-08')], [v(0, '79'), cmp(0, '>=', 60)], f'HDL 79.4; {ATP}')
A('jules', 'interpretation', 'correct', "Dear Mr. Marks, your blood pressure of 178/111 on 8/26/2020 is in the stage 2 range, well above the 130/80 target.",
  [BP('jules', '2020-08-26')], [bpv(0, 'Systolic', '178'), bpv(0, 'Diastolic', '111'), bprng(0, 'Systolic', 140, 999)], BP2017)
A('emilia', 'interpretation', 'correct', "Her total cholesterol of 171 in Feb 2020 is in the desirable range (<200).",
  [O('emilia', 'chol', '2020-02')], [v(0, '171'), cmp(0, '<', 200)], f'TC 171.1; {ATP}')
A('vito', 'interpretation', 'wrong', "Pre-visit: the 9/24/1979 BP of 185/115 is only stage 1 hypertension.",
  [BP('vito', '1979-09-24')], [bpv(0, 'Systolic', '185'), err(bprng(0, 'Systolic', 130, 140))], BP2017)
A('evelyn', 'interpretation', 'wrong', "Her HDL of 79 on 10/8/1984 is low.",
  [O('evelyn', 'hdl', '1984-10-08')], [v(0, '79'), err(cmp(0, '<', 40))], f'HDL 79 is high; {ATP}')
A('jules', 'interpretation', 'wrong', "Dear Mr. Marks, your blood pressure of 178/111 on 8/26/2020 is only mildly elevated.",
  [BP('jules', '2020-08-26')], [bpv(0, 'Systolic', '178'), bpv(0, 'Diastolic', '111'), err(bprng(0, 'Systolic', 120, 130))], f'178/111 is stage 2, not "elevated"; {BP2017}')
A('emilia', 'interpretation', 'wrong', "Her total cholesterol of 171 (Feb 2020) is borderline high.",
  [O('emilia', 'chol', '2020-02')], [v(0, '171'), err(rng(0, 200, 240))], f'171 is desirable; {ATP}')
A('nohemi', 'interpretation', 'wrong', "Q: Is her June 2019 HDL of 79 concerning? A: Yes — it is below the 40 mg/dL cutoff.",
  [O('nohemi', 'hdl', '2019-06')], [v(0, '79'), err(cmp(0, '<', 40))], f'HDL 78.8 is high/protective; {ATP}')
