from lib import *
cat = 'rounding'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('jules', 'correct', "Systolic in the high 170s at the Aug 2020 check (8/26/2020).",
  [SBP('jules', '2020-08-26')], [rng(0, 177, 180)], 'systolic 178.2 (high 170s = 177-179.x)')
A('man', 'correct', "SBP nearly 200 on 5/21/2019.",
  [SBP('man', '2019-05-21')], [rng(0, 195, 200)], 'systolic 199.4, just below 200')
A('thanh', 'correct', "His creatinine was roughly 3.1 mg/dL at the December 2018 draw.",
  [O('thanh', 'cr', '2018-12')], [v(0, '3.1')], 'creatinine 3.077')
A('evelyn', 'correct', "eGFR was about 32 on 13 February 1984.",
  [O('evelyn', 'egfr', '1984-02-13')], [v(0, '32')], 'eGFR 31.87')
A('vito', 'correct', "PSA approximately 7.7 ng/mL on 1/1/1973.",
  [O('vito', 'psa', '1973-01-01')], [v(0, '7.7')], 'PSA 7.685')
A('beatrice', 'correct', "NT-proBNP ~800 pg/mL in 5/2012.",
  [O('beatrice', 'bnp', '2012-05')], [v(0, '800', tol=50)], 'NT-proBNP 775 rounds to 800 at the hundreds')
A('andyg', 'correct', "Andy weighed about 16 kg in Feb 2021.",
  [O('andyg', 'wt', '2021-02')], [v(0, '16')], 'weight 16.01 kg on 2021-02-04')
A('alberto', 'correct', "Plt count ~430 K on the 2013 CBC (12/2/13).",
  [O('alberto', 'plt', '2013-12-02')], [v(0, '430', tol=5)], 'platelets 429.5')
A('bryan', 'correct', "LDL just under 100 mg/dL in Feb 2014.",
  [O('bryan', 'ldl', '2014-02')], [rng(0, 95, 100)], 'LDL 97.94')
A('malcom', 'correct', "Your LDL ('bad') cholesterol was about 105 on 12/6/2019.",
  [O('malcom', 'ldl', '2019-12-06')], [v(0, '105')], 'LDL 104.7')
A('oswaldo', 'correct', "His LDL was about 118 mg/dL in April 2020.",
  [O('oswaldo', 'ldl', '2020-04')], [v(0, '118')], 'LDL 118.3')
A('deedra', 'correct', "Weight 57 kg (rounded) on 10/30/2020.",
  [O('deedra', 'wt', '2020-10-30')], [v(0, '57')], 'weight 57.43 kg')
A('dannie', 'correct', "Total cholesterol came in around 190 on 15 March 2018.",
  [O('dannie', 'chol', '2018-03-15')], [v(0, '190')], 'total cholesterol 190.3')
A('elisha', 'correct', "TG ~147 mg/dl (3/24/2021).",
  [O('elisha', 'tg', '2021-03-24')], [v(0, '147')], 'triglycerides 146.6')
A('emilia', 'correct', "HDL roughly 70 in Feb 2017.",
  [O('emilia', 'hdl', '2017-02')], [v(0, '70')], 'HDL 69.92')
A('erin', 'correct', "BMI ≈ 19.7 kg/m2 at the 11/2/2020 visit.",
  [O('erin', 'bmi', '2020-11-02')], [v(0, '19.7')], 'BMI 19.71')
A('evelyn', 'correct', "A1c about 2.6% on 10/8/1984.",
  [O('evelyn', 'a1c', '1984-10-08')], [v(0, '2.6')], 'HbA1c 2.590')
A('gale', 'correct', "Gale measured roughly 99 cm tall on 2/2/2021.",
  [O('gale', 'ht', '2021-02-02')], [v(0, '99')], 'height 99.33 cm')
A('jules', 'correct', "eGFR ~127 in Aug 2014.",
  [O('jules', 'egfr', '2014-08')], [v(0, '127')], 'eGFR 126.9')
A('junita', 'correct', "Length 76.5 cm on 3/31/2021.",
  [O('junita', 'ht', '2021-03-31')], [v(0, '76.5')], 'height 76.53 cm')
A('man', 'correct', "eGFR approximately 145 mL/min/1.73m2 on 5/3/2016.",
  [O('man', 'egfr', '2016-05-03')], [v(0, '145')], 'eGFR 145.15')
A('mathilda', 'correct', "Mathilda's BMI was about 15 in Aug 2020.",
  [O('mathilda', 'bmi', '2020-08')], [v(0, '15')], 'BMI 14.90')
A('maurice', 'correct', "Hemoglobin about 17 g/dL in Feb 2020.",
  [O('maurice', 'hgb', '2020-02')], [v(0, '17')], 'Hgb 17.45')
A('michael', 'correct', "LDL ~61 mg/dL (May 2018).",
  [O('michael', 'ldl', '2018-05')], [v(0, '61')], 'LDL 60.64')
A('monika', 'correct', "Weight 69 kg in April 2020.",
  [O('monika', 'wt', '2020-04')], [v(0, '69')], 'weight 69.21 kg')
A('nohemi', 'correct', "LDL about 104 in June 2016.",
  [O('nohemi', 'ldl', '2016-06')], [v(0, '104')], 'LDL 104.4')
A('thanh', 'correct', "Alk phos ~122 U/L on 12/6/2019.",
  [O('thanh', 'alp', '2019-12-06')], [v(0, '122')], 'ALP 122.2')
A('tyrell', 'correct', "BMI 28.7 on 3/16/2021.",
  [O('tyrell', 'bmi', '2021-03-16')], [v(0, '28.7')], 'BMI 28.72')
A('vito', 'correct', "Weighed about 98 kg on 9/24/1979.",
  [O('vito', 'wt', '1979-09-24')], [v(0, '98')], 'weight 98.05 kg')
A('evelyn', 'correct', "BP ~181/100 on 10/8/1984.",
  [BP('evelyn', '1984-10-08')], [bpv(0, 'Systolic', '181'), bpv(0, 'Diastolic', '100')], '180.5/100.4')
A('andys', 'correct', "Hemoglobin A1c approximately 5.9% in Feb 2021.",
  [O('andys', 'a1c', '2021-02')], [v(0, '5.9')], 'A1c 5.918')

# ---------------- wrong ----------------
A('jules', 'wrong', "Systolic in the low 170s on 8/26/2020.",
  [SBP('jules', '2020-08-26')], [err(rng(0, 170, 174))], 'systolic 178.2 is high, not low, 170s')
A('man', 'wrong', "SBP ~190 on 5/21/2019.",
  [SBP('man', '2019-05-21')], [err(v(0, '190', tol=5))], 'systolic 199.4 rounds to 200, not 190')
A('thanh', 'wrong', "His creatinine was roughly 3.7 mg/dL at the December 2018 draw.",
  [O('thanh', 'cr', '2018-12')], [err(v(0, '3.7'))], 'creatinine 3.077 ~ 3.1')
A('evelyn', 'wrong', "eGFR about 38 on 13 Feb 1984.",
  [O('evelyn', 'egfr', '1984-02-13')], [err(v(0, '38'))], 'eGFR 31.9 (~32)')
A('vito', 'wrong', "PSA approximately 7.2 ng/mL on 1/1/1973.",
  [O('vito', 'psa', '1973-01-01')], [err(v(0, '7.2'))], 'PSA 7.685 ~ 7.7')
A('beatrice', 'wrong', "NT-proBNP ~700 pg/mL in May 2012.",
  [O('beatrice', 'bnp', '2012-05')], [err(v(0, '700', tol=50))], 'NT-proBNP 775 rounds to 800, not 700')
A('andyg', 'wrong', "Andy weighed about 18 kg in Feb 2021.",
  [O('andyg', 'wt', '2021-02')], [err(v(0, '18'))], 'weight 16.0 kg')
A('alberto', 'wrong', "Platelets ~420 K on 12/2/2013.",
  [O('alberto', 'plt', '2013-12-02')], [err(v(0, '420', tol=5))], 'platelets 429.5 ~ 430')
A('bryan', 'wrong', "LDL just over 100 in Feb 2014.",
  [O('bryan', 'ldl', '2014-02')], [err(rng(0, 100, 105))], 'LDL 97.9, just under 100')
A('malcom', 'wrong', "Your LDL cholesterol was about 110 mg/dL on 12/6/2019.",
  [O('malcom', 'ldl', '2019-12-06')], [err(v(0, '110', tol=5))], 'LDL 104.7 (~105)')
A('oswaldo', 'wrong', "LDL about 113 in April 2020.",
  [O('oswaldo', 'ldl', '2020-04')], [err(v(0, '113'))], 'LDL 118.3')
A('deedra', 'wrong', "Weight 59 kg (rounded) on 10/30/2020.",
  [O('deedra', 'wt', '2020-10-30')], [err(v(0, '59'))], 'weight 57.4 kg')
A('dannie', 'wrong', "Total cholesterol about 196 on 3/15/2018.",
  [O('dannie', 'chol', '2018-03-15')], [err(v(0, '196'))], 'total cholesterol 190.3')
A('elisha', 'wrong', "TG ~141 mg/dL on 3/24/2021.",
  [O('elisha', 'tg', '2021-03-24')], [err(v(0, '141'))], 'TG 146.6')
A('emilia', 'wrong', "Her HDL came back at roughly 76 in Feb 2017.",
  [O('emilia', 'hdl', '2017-02')], [err(v(0, '76'))], 'HDL 69.9 (~70)')
A('erin', 'wrong', "BMI ~21 at the 11/2/2020 visit.",
  [O('erin', 'bmi', '2020-11-02')], [err(v(0, '21'))], 'BMI 19.7')
A('evelyn', 'wrong', "A1c about 3.6% on 10/8/1984.",
  [O('evelyn', 'a1c', '1984-10-08')], [err(v(0, '3.6'))], 'A1c 2.59 (~2.6)')
A('gale', 'wrong', "Gale was roughly 94 cm tall on 2/2/2021.",
  [O('gale', 'ht', '2021-02-02')], [err(v(0, '94'))], 'height 99.3 cm')
A('jules', 'wrong', "eGFR ~121 in August 2014.",
  [O('jules', 'egfr', '2014-08')], [err(v(0, '121'))], 'eGFR 126.9 (~127)')
A('junita', 'wrong', "Length about 72 cm at the 3/31/2021 visit.",
  [O('junita', 'ht', '2021-03-31')], [err(v(0, '72'))], 'height 76.5 cm')
A('man', 'wrong', "Q: Approximate eGFR on 5/3/2016? A: ~154.",
  [O('man', 'egfr', '2016-05-03')], [err(v(0, '154'))], 'eGFR 145.2 (digits transposed)')
A('mathilda', 'wrong', "BMI ~19 in Aug 2020.",
  [O('mathilda', 'bmi', '2020-08')], [err(v(0, '19'))], 'BMI 14.9')
A('maurice', 'wrong', "Your hemoglobin was about 14 g/dL in Feb 2020.",
  [O('maurice', 'hgb', '2020-02')], [err(v(0, '14'))], 'Hgb 17.4')
A('michael', 'wrong', "LDL ~66 (May 2018).",
  [O('michael', 'ldl', '2018-05')], [err(v(0, '66'))], 'LDL 60.6')
A('monika', 'wrong', "She weighed roughly 72 kg in April 2020.",
  [O('monika', 'wt', '2020-04')], [err(v(0, '72'))], 'weight 69.2 kg')
A('nohemi', 'wrong', "LDL about 140 in June 2016.",
  [O('nohemi', 'ldl', '2016-06')], [err(v(0, '140', tol=5))], 'LDL 104.4 (digits transposed)')
A('thanh', 'wrong', "Alkaline phosphatase was approximately 112 U/L on 12/6/2019.",
  [O('thanh', 'alp', '2019-12-06')], [err(v(0, '112'))], 'ALP 122.2')
A('tyrell', 'wrong', "BMI 27.2 on 3/16/2021.",
  [O('tyrell', 'bmi', '2021-03-16')], [err(v(0, '27.2'))], 'BMI 28.7')
A('vito', 'wrong', "Weighed about 89 kg on 9/24/1979.",
  [O('vito', 'wt', '1979-09-24')], [err(v(0, '89'))], 'weight 98.05 kg')
A('andys', 'wrong', "Hemoglobin A1c approximately 5.5% in Feb 2021.",
  [O('andys', 'a1c', '2021-02')], [err(v(0, '5.5'))], 'A1c 5.92 (~5.9)')
