from lib import *
cat = 'trends'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('jules', 'correct', "Weight has climbed steadily: 68.4 kg in Aug 2011 → 86.5 kg in Aug 2020.",
  [O('jules', 'wt', '2011-08'), O('jules', 'wt', '2020-08')], [v(0, '68.4'), v(1, '86.5'), tr(0, 1, 'up')], '68.42 -> 86.49 kg')
A('jules', 'correct', "eGFR drifted down from ~127 (2014) to ~112 (2020), still above 90.",
  [O('jules', 'egfr', '2014'), O('jules', 'egfr', '2020')], [v(0, '127'), v(1, '112'), tr(0, 1, 'down'), cmp(1, '>', 90)], '126.9 -> 112.0')
A('thanh', 'correct', "Cr ↑ from 2.55 (11/15/2016) to 3.26 (12/5/2020).",
  [O('thanh', 'cr', '2016-11-15'), O('thanh', 'cr', '2020-12-05')], [v(0, '2.55'), v(1, '3.26'), tr(0, 1, 'up')], '2.550 -> 3.257')
A('evelyn', 'correct', "Renal function fell off sharply in late 1982: eGFR 89 on 8/23/82 vs 42 on 11/22/82.",
  [O('evelyn', 'egfr', '1982-08-23'), O('evelyn', 'egfr', '1982-11-22')], [v(0, '89'), v(1, '42'), tr(0, 1, 'down', 20)], '89.16 -> 41.64')
A('evelyn', 'correct', "Creatinine roughly doubled between Aug and Nov 1982 (0.89 → 1.89 mg/dL).",
  [O('evelyn', 'cr', '1982-08-23'), O('evelyn', 'cr', '1982-11-22')], [v(0, '0.89'), v(1, '1.89'), tr(0, 1, 'up', 0.8)], '0.887 -> 1.886')
A('vito', 'correct', "Microalbumin/Cr ratio jumped from 3.2 (2/17/1975) to 23.9 mg/g (3/24/1975).",
  [O('vito', 'macr', '1975-02-17'), O('vito', 'macr', '1975-03-24')], [v(0, '3.2'), v(1, '23.9'), tr(0, 1, 'up')], '3.218 -> 23.93')
A('vito', 'correct', "His eGFR declined from about 147 in Nov 1971 to about 30 by Jan 1979.",
  [O('vito', 'egfr', '1971-11'), O('vito', 'egfr', '1979-01')], [v(0, '147'), v(1, '30'), tr(0, 1, 'down')], '146.7 -> 30.3')
A('man', 'correct', "LDL improved, 108 (2012) → 73 (2015).",
  [O('man', 'ldl', '2012'), O('man', 'ldl', '2015')], [v(0, '108'), v(1, '73'), tr(0, 1, 'down')], '107.9 -> 73.3')
A('nohemi', 'correct', "Her LDL came down from 104 mg/dL in June 2016 to 55 mg/dL in June 2019.",
  [O('nohemi', 'ldl', '2016-06'), O('nohemi', 'ldl', '2019-06')], [v(0, '104'), v(1, '55'), tr(0, 1, 'down')], '104.4 -> 54.96')
A('oswaldo', 'correct', "LDL went up between 2017 and 2020 (80.8 → 118.3).",
  [O('oswaldo', 'ldl', '2017'), O('oswaldo', 'ldl', '2020')], [v(0, '80.8'), v(1, '118.3'), tr(0, 1, 'up')], '80.81 -> 118.3')
A('malcom', 'correct', "Total cholesterol creeping up: 184 (2013) → 188 (2016) → 192 (2019).",
  [O('malcom', 'chol', '2013'), O('malcom', 'chol', '2016'), O('malcom', 'chol', '2019')],
  [v(0, '184'), v(1, '188'), v(2, '192'), tr(0, 1, 'up'), tr(1, 2, 'up')], '183.6 -> 187.7 -> 192.3')
A('andys', 'correct', "Weight unchanged at 77.9 kg from Jan 2012 through Feb 2021.",
  [O('andys', 'wt', '2012-01'), O('andys', 'wt', '2021-02')], [v(0, '77.9'), v(1, '77.9'), tr(0, 1, 'stable', 0.1)], 'identical 77.91 kg at every visit (tolerance 0.1 kg)')
A('bryan', 'correct', "A1c has edged up from 5.9% (Feb 2012) to 6.2% (Mar 2021).",
  [O('bryan', 'a1c', '2012-02'), O('bryan', 'a1c', '2021-03')], [v(0, '5.9'), v(1, '6.2'), tr(0, 1, 'up')], '5.877 -> 6.246')
A('mathilda', 'correct', "Dear parent: Mathilda's weight went from 14.7 kg (7/2011) to 38.4 kg (8/2020).",
  [O('mathilda', 'wt', '2011-07'), O('mathilda', 'wt', '2020-08')], [v(0, '14.7'), v(1, '38.4'), tr(0, 1, 'up')], '14.73 -> 38.45')
A('elisha', 'correct', "Lost about 9.5 kg between March 2012 and March 2014 (106.3 → 96.8 kg).",
  [O('elisha', 'wt', '2012-03'), O('elisha', 'wt', '2014-03')], [v(0, '106.3'), v(1, '96.8'), tr(0, 1, 'down', 9)], '106.3 -> 96.84 (-9.5 kg)')
A('annmarie', 'correct', "Weight dipped from 78.5 kg (5/27/2014) to 74.1 kg (6/2/2015).",
  [O('annmarie', 'wt', '2014-05-27'), O('annmarie', 'wt', '2015-06-02')], [v(0, '78.5'), v(1, '74.1'), tr(0, 1, 'down')], '78.53 -> 74.14')
A('beatrice', 'correct', "MMSE worsened from ~20 in July 2006 to ~3 in April 2011.",
  [O('beatrice', 'mmse', '2006-07'), O('beatrice', 'mmse', '2011-04')], [v(0, '20'), v(1, '3'), tr(0, 1, 'down')], 'MMSE 19.89 -> 3.40 (lower = worse)')
A('dannie', 'correct', "Hgb ↓ 15.2 → 13.7 g/dL, 3/2015 to 3/2021.",
  [O('dannie', 'hgb', '2015-03'), O('dannie', 'hgb', '2021-03')], [v(0, '15.2'), v(1, '13.7'), tr(0, 1, 'down')], '15.17 -> 13.73')
A('emilia', 'correct', "Platelet count fell from 413 (Feb 2016) to 286 (Feb 2021).",
  [O('emilia', 'plt', '2016-02'), O('emilia', 'plt', '2021-02')], [v(0, "413"), v(1, "286"), tr(0, 1, 'down')], '412.5 -> 285.7')
A('michael', 'correct', "Your hemoglobin has risen since May 2015 (12.7) and was 15.3 g/dL in Feb 2021.",
  [O('michael', 'hgb', '2015-05'), O('michael', 'hgb', '2021-02')], [v(0, '12.7'), v(1, '15.3'), tr(0, 1, 'up')], '12.72 -> 15.30')
A('erin', 'correct', "BMI has come down a lot since 2014: 29.3 (9/29/2014) → 19.7 (11/2/2020).",
  [O('erin', 'bmi', '2014-09-29'), O('erin', 'bmi', '2020-11-02')], [v(0, '29.3'), v(1, '19.7'), tr(0, 1, 'down')], '29.26 -> 19.71')
A('tyrell', 'correct', "BMI has increased from 21.4 in 2012 to 28.7 in 2021.",
  [O('tyrell', 'bmi', '2012'), O('tyrell', 'bmi', '2021')], [v(0, '21.4'), v(1, '28.7'), tr(0, 1, 'up')], '21.43 -> 28.72 (yearly values 21.4, 21.8, 22.2, 23.1, 24.5, 26.2, 27.5, 28.3, 28.5, 28.7 all rising)')
A('deedra', 'correct', "Height went from 126.6 cm (Feb 2012) to 162.0 cm (Oct 2020).",
  [O('deedra', 'ht', '2012-02'), O('deedra', 'ht', '2020-10')], [v(0, '126.6'), v(1, '162.0'), tr(0, 1, 'up')], '126.62 -> 162.01')
A('vito', 'correct', "PSA trend: 1.0 (6/1974) → 3.5 (8/1975) → 6.7 (9/1976), steadily rising.",
  [O('vito', 'psa', '1974-06'), O('vito', 'psa', '1975-08'), O('vito', 'psa', '1976-09')],
  [v(0, '1.0'), v(1, '3.5'), v(2, '6.7'), tr(0, 1, 'up'), tr(1, 2, 'up')], '1.017 -> 3.487 -> 6.657')
A('emilia', 'correct', "MCV stable at ~91 fL (2016 and 2021).",
  [O('emilia', 'mcv', '2016'), O('emilia', 'mcv', '2021')], [v(0, '91'), v(1, '91'), tr(0, 1, 'stable', 1)], '91.24 vs 91.19 fL (tolerance 1 fL)')
A('michael', 'correct', "HDL has held steady around 70–72 mg/dL across 2012, 2015 and 2018.",
  [O('michael', 'hdl', '2012'), O('michael', 'hdl', '2015'), O('michael', 'hdl', '2018')],
  [rng(0, 69.5, 72.5), rng(1, 69.5, 72.5), rng(2, 69.5, 72.5), tr(0, 2, 'stable', 3)], '70.04, 72.10, 71.64 (tolerance 3 mg/dL)')
A('nohemi', 'correct', "BMI unchanged at 27.6 between May 2011 and March 2021.",
  [O('nohemi', 'bmi', '2011-05'), O('nohemi', 'bmi', '2021-03')], [v(0, '27.6'), v(1, '27.6'), tr(0, 1, 'stable', 0.05)], 'BMI 27.6 at both (tolerance 0.05)')
A('monika', 'correct', "Hct essentially unchanged, 48.5% (11/2013) vs 48.0% (3/2019).",
  [O('monika', 'hct', '2013-11'), O('monika', 'hct', '2019-03')], [v(0, '48.5'), v(1, '48.0'), tr(0, 1, 'stable', 1)], '48.47 vs 48.04 (tolerance 1 point)')
A('evelyn', 'correct', "Weight declined from 85.0 kg (2/10/1975) to 79.2 kg (11/5/1979).",
  [O('evelyn', 'wt', '1975-02-10'), O('evelyn', 'wt', '1979-11-05')], [v(0, '85.0'), v(1, '79.2'), tr(0, 1, 'down')], '85.01 -> 79.19')
A('thanh', 'correct', "eGFR dropped from 132.6 (Nov 2012) to 82.9 (Nov 2014).",
  [O('thanh', 'egfr', '2012-11'), O('thanh', 'egfr', '2014-11')], [v(0, '132.6'), v(1, '82.9'), tr(0, 1, 'down')], '132.61 -> 82.92')

# ---------------- wrong ----------------
A('jules', 'wrong', "Jules' weight has trended down between Aug 2011 and Aug 2020.",
  [O('jules', 'wt', '2011-08'), O('jules', 'wt', '2020-08')], [err(tr(0, 1, 'down'))], 'weight rose 68.4 -> 86.5 kg')
A('jules', 'wrong', "His eGFR has improved, going up from 2014 to 2020.",
  [O('jules', 'egfr', '2014'), O('jules', 'egfr', '2020')], [err(tr(0, 1, 'up'))], 'eGFR fell 126.9 -> 112.0')
A('thanh', 'wrong', "Cr 3.08 (12/2018) → 2.50 (12/2019) and kept falling through 12/2020.",
  [O('thanh', 'cr', '2018-12'), O('thanh', 'cr', '2019-12'), O('thanh', 'cr', '2020-12')],
  [v(0, '3.08'), v(1, '2.50'), tr(0, 1, 'down'), err(tr(1, 2, 'down'))], 'Dec 2020 creatinine rose to 3.26')
A('evelyn', 'wrong', "eGFR stable in the 80s through late 1982 (8/23/82 and 11/22/82).",
  [O('evelyn', 'egfr', '1982-08-23'), O('evelyn', 'egfr', '1982-11-22')], [rng(0, 80, 90), err(rng(1, 80, 90)), err(tr(0, 1, 'stable', 10))], 'eGFR fell from 89 to 42')
A('vito', 'wrong', "Microalbumin/creatinine ratio decreased between Feb and Mar 1975.",
  [O('vito', 'macr', '1975-02-17'), O('vito', 'macr', '1975-03-24')], [err(tr(0, 1, 'down'))], 'rose 3.2 -> 23.9')
A('man', 'wrong', "Your LDL went up between your 2012 and 2015 checks.",
  [O('man', 'ldl', '2012'), O('man', 'ldl', '2015')], [err(tr(0, 1, 'up'))], 'fell 107.9 -> 73.3')
A('nohemi', 'wrong', "Her LDL worsened between June 2016 and June 2019.",
  [O('nohemi', 'ldl', '2016-06'), O('nohemi', 'ldl', '2019-06')], [err(tr(0, 1, 'up'))], 'LDL improved (fell) 104 -> 55')
A('oswaldo', 'wrong', "LDL improved from 2017 to 2020.",
  [O('oswaldo', 'ldl', '2017'), O('oswaldo', 'ldl', '2020')], [err(tr(0, 1, 'down'))], 'LDL rose 80.8 -> 118.3')
A('malcom', 'wrong', "Total cholesterol has fallen steadily since 2013 (2013, 2016, 2019 panels).",
  [O('malcom', 'chol', '2013'), O('malcom', 'chol', '2016'), O('malcom', 'chol', '2019')],
  [err(tr(0, 1, 'down')), err(tr(1, 2, 'down'))], 'rose 183.6 -> 187.7 -> 192.3')
A('andys', 'wrong', "Lost ~5 kg between Jan 2012 and Feb 2021.",
  [O('andys', 'wt', '2012-01'), O('andys', 'wt', '2021-02')], [err(tr(0, 1, 'down', 4))], 'weight identical 77.91 kg')
A('bryan', 'wrong', "Good news: your A1c fell between Feb 2012 and Mar 2021.",
  [O('bryan', 'a1c', '2012-02'), O('bryan', 'a1c', '2021-03')], [err(tr(0, 1, 'down'))], 'A1c rose 5.88 -> 6.25')
A('mathilda', 'wrong', "Weight essentially unchanged from 7/2011 to 8/2020.",
  [O('mathilda', 'wt', '2011-07'), O('mathilda', 'wt', '2020-08')], [err(tr(0, 1, 'stable', 2))], 'weight rose 14.7 -> 38.4 kg')
A('elisha', 'wrong', "Gained weight between March 2012 and March 2014.",
  [O('elisha', 'wt', '2012-03'), O('elisha', 'wt', '2014-03')], [err(tr(0, 1, 'up'))], 'lost weight 106.3 -> 96.8')
A('annmarie', 'wrong', "Weight went up from May 2014 to June 2015.",
  [O('annmarie', 'wt', '2014-05-27'), O('annmarie', 'wt', '2015-06-02')], [err(tr(0, 1, 'up'))], 'fell 78.5 -> 74.1')
A('beatrice', 'wrong', "MMSE improved between July 2006 and April 2011.",
  [O('beatrice', 'mmse', '2006-07'), O('beatrice', 'mmse', '2011-04')], [err(tr(0, 1, 'up'))], 'MMSE fell 19.9 -> 3.4')
A('dannie', 'wrong', "Hgb ↑ from 3/2015 to 3/2021.",
  [O('dannie', 'hgb', '2015-03'), O('dannie', 'hgb', '2021-03')], [err(tr(0, 1, 'up'))], 'Hgb fell 15.2 -> 13.7')
A('emilia', 'wrong', "Platelet count has been stable (Feb 2016: 413; Feb 2021: 286).",
  [O('emilia', 'plt', '2016-02'), O('emilia', 'plt', '2021-02')], [v(0, '413'), v(1, '286'), err(tr(0, 1, 'stable', 30))], 'fell 412 -> 286 (>30 change)')
A('michael', 'wrong', "Hemoglobin declined from May 2015 to Feb 2021.",
  [O('michael', 'hgb', '2015-05'), O('michael', 'hgb', '2021-02')], [err(tr(0, 1, 'down'))], 'rose 12.7 -> 15.3')
A('erin', 'wrong', "BMI increased between Sept 2014 and Nov 2020.",
  [O('erin', 'bmi', '2014-09-29'), O('erin', 'bmi', '2020-11-02')], [err(tr(0, 1, 'up'))], 'BMI fell 29.3 -> 19.7')
A('tyrell', 'wrong', "Tyrell's BMI has been trending down since 2012.",
  [O('tyrell', 'bmi', '2012'), O('tyrell', 'bmi', '2021')], [err(tr(0, 1, 'down'))], 'BMI rose 21.4 -> 28.7')
A('monika', 'wrong', "Hgb dropped between 11/2013 and 3/2019.",
  [O('monika', 'hgb', '2013-11'), O('monika', 'hgb', '2019-03')], [err(tr(0, 1, 'down'))], 'Hgb rose 13.8 -> 16.6')
A('maurice', 'wrong', "Hemoglobin stable around 12 g/dL (Jan 2015 and Feb 2020).",
  [O('maurice', 'hgb', '2015-01'), O('maurice', 'hgb', '2020-02')], [v(0, '12'), err(v(1, '12')), err(tr(0, 1, 'stable', 1))], '12.1 -> 17.4 g/dL')
A('vito', 'wrong', "PSA fell from June 1974 to Sept 1976.",
  [O('vito', 'psa', '1974-06'), O('vito', 'psa', '1976-09')], [err(tr(0, 1, 'down'))], 'PSA rose 1.0 -> 6.7')
A('emilia', 'wrong', "MCV increased markedly from 2016 to 2021.",
  [O('emilia', 'mcv', '2016'), O('emilia', 'mcv', '2021')], [err(tr(0, 1, 'up', 2))], 'MCV unchanged 91.2 -> 91.2')
A('michael', 'wrong', "HDL dropped sharply from 2012 to 2018.",
  [O('michael', 'hdl', '2012'), O('michael', 'hdl', '2018')], [err(tr(0, 1, 'down', 5))], 'HDL 70.0 -> 71.6, essentially stable')
A('nohemi', 'wrong', "BMI rose between May 2011 and March 2021.",
  [O('nohemi', 'bmi', '2011-05'), O('nohemi', 'bmi', '2021-03')], [err(tr(0, 1, 'up', 0.05))], 'BMI unchanged 27.6')
A('evelyn', 'wrong', "Weight increased from Feb 1975 to Nov 1979.",
  [O('evelyn', 'wt', '1975-02-10'), O('evelyn', 'wt', '1979-11-05')], [err(tr(0, 1, 'up'))], 'fell 85.0 -> 79.2 kg')
A('thanh', 'wrong', "eGFR rose between Nov 2012 and Nov 2014.",
  [O('thanh', 'egfr', '2012-11'), O('thanh', 'egfr', '2014-11')], [err(tr(0, 1, 'up'))], 'fell 132.6 -> 82.9')
A('vito', 'wrong', "Kidney function improved from Nov 1971 to Jan 1979 (eGFR).",
  [O('vito', 'egfr', '1971-11'), O('vito', 'egfr', '1979-01')], [err(tr(0, 1, 'up'))], 'eGFR fell 146.7 -> 30.3')
A('evelyn', 'wrong', "Creatinine fell between Aug 1982 (0.89) and Nov 1982.",
  [O('evelyn', 'cr', '1982-08-23'), O('evelyn', 'cr', '1982-11-22')], [v(0, '0.89'), err(tr(0, 1, 'down'))], 'creatinine rose 0.89 -> 1.89')
