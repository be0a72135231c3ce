from lib import *
cat = 'latest'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('alberto', 'correct', "Most recent BP (1/11/2021): 128/85.",
  [BP('alberto', '2021-01-11')], [latest(0), bpv(0, 'Systolic', '128'), bpv(0, 'Diastolic', '85')], 'latest BP 127.6/85.2 on 2021-01-11')
A('andyg', 'correct', "Latest weight 16.0 kg (2/4/2021).",
  [O('andyg', 'wt', '2021-02-04')], [latest(0), v(0, '16.0')], 'latest weight 16.01 kg')
A('andys', 'correct', "His most recent HbA1c was 5.9% (Feb 2021).",
  [O('andys', 'a1c', '2021-02')], [latest(0), v(0, '5.9')], 'latest A1c 5.92 on 2021-02-25')
A('annmarie', 'correct', "Her last lipid panel (6/30/2020) showed TC 169 and LDL 85.",
  [O('annmarie', 'chol', '2020-06-30'), O('annmarie', 'ldl', '2020-06-30')], [latest(0), latest(1), v(0, '169'), v(1, '85')], 'latest TC 168.5, LDL 85.4')
A('beatrice', 'correct', "Last recorded weight: 79.4 kg on 8/5/2012.",
  [O('beatrice', 'wt', '2012-08-05')], [latest(0), v(0, '79.4')], 'latest weight 79.43')
A('bryan', 'correct', "Your most recent creatinine was 0.98 mg/dL (3/22/2021).",
  [O('bryan', 'cr', '2021-03-22')], [latest(0), v(0, '0.98')], 'latest Cr 0.978')
A('dannie', 'correct', "Latest CBC (3/18/2021): WBC 10.0, Hgb 13.7.",
  [O('dannie', 'wbc', '2021-03-18'), O('dannie', 'hgb', '2021-03-18')], [latest(0), latest(1), v(0, '10.0'), v(1, '13.7')], 'WBC 10.04, Hgb 13.73 (latest CBC)')
A('deedra', 'correct', "Her most recent visit was the well check on 10/30/2020.",
  [E('deedra', '2020-10-30')], [latest_enc(0), code(0, 'check up')], 'latest encounter 2020-10-30 check-up')
A('elisha', 'correct', "Latest LDL 77 mg/dL (3/24/2021).",
  [O('elisha', 'ldl', '2021-03-24')], [latest(0), v(0, '77')], 'latest LDL 77.23')
A('emilia', 'correct', "Last BP on file: 137/77 on 2/19/2021.",
  [BP('emilia', '2021-02-19')], [latest(0), bpv(0, 'Systolic', '137'), bpv(0, 'Diastolic', '77')], 'latest BP 137.4/77.4')
A('erin', 'correct', "Most recent BMI 19.7 (Nov 2020).",
  [O('erin', 'bmi', '2020-11')], [latest(0), v(0, '19.7')], 'latest BMI 19.71')
A('evelyn', 'correct', "Her last eGFR on file was 37.7 (10/8/1984).",
  [O('evelyn', 'egfr', '1984-10-08')], [latest(0), v(0, '37.7')], 'latest eGFR 37.72')
A('gale', 'correct', "Latest height 99.3 cm (2/2/2021).",
  [O('gale', 'ht', '2021-02-02')], [latest(0), v(0, '99.3')], 'latest height 99.33')
A('jules', 'correct', "Most recent encounter: 3/30/2021 sick visit for viral sinusitis.",
  [E('jules', '2021-03-30')], [latest_enc(0), code(0, 'sinusitis')], 'latest encounter 2021-03-30, reason viral sinusitis')
A('junita', 'correct', "Latest weight 10.8 kg (3/31/2021).",
  [O('junita', 'wt', '2021-03-31')], [latest(0), v(0, '10.8')], 'latest weight 10.81')
A('malcom', 'correct', "Most recent blood pressure was 112/76 (12/11/2020).",
  [BP('malcom', '2020-12-11')], [latest(0), bpv(0, 'Systolic', '112'), bpv(0, 'Diastolic', '76')], 'latest BP 112.2/76.4')
A('man', 'correct', "Most recent eGFR: 111 (5/26/2020).",
  [O('man', 'egfr', '2020-05-26')], [latest(0), v(0, '111')], 'latest eGFR 110.98')
A('mathilda', 'correct', "Last encounter on file: an outpatient procedure visit on 11/2/2020.",
  [E('mathilda', '2020-11-02')], [latest_enc(0), code(0, 'Outpatient procedure')], 'latest encounter 2020-11-02')
A('maurice', 'correct', "Her latest hemoglobin was 17.4 g/dL (Feb 2020).",
  [O('maurice', 'hgb', '2020-02')], [latest(0), v(0, '17.4')], 'latest Hgb 17.448')
A('michael', 'correct', "Most recent lipids (May 2018): LDL 61, HDL 72.",
  [O('michael', 'ldl', '2018-05'), O('michael', 'hdl', '2018-05')], [latest(0), latest(1), v(0, '61'), v(1, '72')], 'LDL 60.64, HDL 71.64, latest panel 2018-05-11')
A('monika', 'correct', "Last recorded BMI 25.5 (4/4/2020).",
  [O('monika', 'bmi', '2020-04-04')], [latest(0), v(0, '25.5')], 'latest BMI 25.46')
A('nohemi', 'correct', "Pre-visit summary: her most recent HDL was 78.8 mg/dL (6/26/2019).",
  [O('nohemi', 'hdl', '2019-06-26')], [latest(0), v(0, '78.8')], 'latest HDL 78.78')
A('oswaldo', 'correct', "Latest total cholesterol: 198 mg/dL on 4/14/2020.",
  [O('oswaldo', 'chol', '2020-04-14')], [latest(0), v(0, '198')], 'latest TC 197.9')
A('thanh', 'correct', "Most recent creatinine 3.26 mg/dL (12/5/2020).",
  [O('thanh', 'cr', '2020-12-05')], [latest(0), v(0, '3.26')], 'latest Cr 3.257')
A('tyrell', 'correct', "Latest weight 69.8 kg (3/16/2021).",
  [O('tyrell', 'wt', '2021-03-16')], [latest(0), v(0, '69.8')], 'latest weight 69.82')
A('vito', 'correct', "Last PSA on file: 4.5 ng/mL (11/7/1977).",
  [O('vito', 'psa', '1977-11-07')], [latest(0), v(0, '4.5')], 'latest PSA 4.524')
A('evelyn', 'correct', "Most recent HbA1c 2.6% (10/8/1984).",
  [O('evelyn', 'a1c', '1984-10-08')], [latest(0), v(0, '2.6')], 'latest A1c 2.59')
A('vito', 'correct', "Last documented BP 185/115 on 9/24/1979.",
  [BP('vito', '1979-09-24')], [latest(0), bpv(0, 'Systolic', '185'), bpv(0, 'Diastolic', '115')], 'latest BP 184.7/115.3')
A('man', 'correct', "His most recent vaccine was influenza on 11/10/2020.",
  [IM('man', 'Influenza', '2020-11-10')], [latest_type(0), d(0, '2020-11-10')], 'latest Immunization 2020-11-10 flu')
A('thanh', 'correct', "Latest ALT 43 U/L (12/5/2020).",
  [O('thanh', 'alt', '2020-12-05')], [latest(0), v(0, '43')], 'latest ALT 43.32')

# ---------------- wrong ----------------
A('alberto', 'wrong', "Most recent BP 120/77 (1/6/2020).",
  [BP('alberto', '2020-01-06')], [bpv(0, 'Systolic', '120'), bpv(0, 'Diastolic', '77'), err(latest(0))], 'a later BP (2021-01-11, 128/85) exists')
A('andyg', 'wrong', "Dear parent: Andy's latest weight was 15.0 kg.",
  [O('andyg', 'wt', '2020-08-06')], [v(0, '15.0'), err(latest(0))], '15.0 kg is from 2020-08-06; latest is 16.0 kg (2021-02-04)')
A('andys', 'wrong', "Most recent A1c 6.1%.",
  [O('andys', 'a1c', '2020-02-20')], [v(0, '6.1'), err(latest(0))], '6.1 % is Feb 2020; latest is 5.9 % (Feb 2021)')
A('annmarie', 'wrong', "Her last lipid panel showed LDL 97.6.",
  [O('annmarie', 'ldl', '2017-06-13')], [v(0, '97.6'), err(latest(0))], '97.6 is from 2017; latest LDL 85.4 (2020)')
A('beatrice', 'wrong', "Last recorded weight 83.0 kg.",
  [O('beatrice', 'wt', '2009-07-19')], [v(0, "83.0"), err(latest(0))], '83.05 is 2009; latest 79.43 (2012-08-05)')
A('bryan', 'wrong', "Your most recent creatinine was 1.23 mg/dL.",
  [O('bryan', 'cr', '2020-03-16')], [v(0, '1.23'), err(latest(0))], '1.23 is 2020; latest 0.98 (2021-03-22)')
A('dannie', 'wrong', "Latest Hgb 15.2 g/dL.",
  [O('dannie', 'hgb', '2015-03-12')], [v(0, '15.2'), err(latest(0))], '15.2 is 2015; latest 13.7 (2021)')
A('deedra', 'wrong', "Her most recent visit was on 10/25/2019.",
  [E('deedra', '2019-10-25')], [err(latest_enc(0))], 'a later visit 2020-10-30 exists')
A('elisha', 'wrong', "Latest LDL 100 mg/dL.",
  [O('elisha', 'ldl', '2018-03-07')], [v(0, '100'), err(latest(0))], '100.4 is 2018; latest 77.2 (2021)')
A('emilia', 'wrong', "Last BP on file 108/83.",
  [BP('emilia', '2020-02-28')], [bpv(0, 'Systolic', '108'), bpv(0, 'Diastolic', '83'), err(latest(0))], '108/83 is 2020-02-28; latest 137/77 (2021-02-19)')
A('erin', 'wrong', "Most recent BMI 20.1.",
  [O('erin', 'bmi', '2019-10-28')], [v(0, '20.1'), err(latest(0))], '20.07 is 2019; latest 19.7 (2020)')
A('evelyn', 'wrong', "Q: What was her final eGFR? A: 58.8.",
  [O('evelyn', 'egfr', '1984-06-11')], [v(0, '58.8'), err(latest(0))], '58.8 is 1984-06-11; latest 37.7 (1984-10-08)')
A('gale', 'wrong', "Latest height 95.7 cm.",
  [O('gale', 'ht', '2020-08-04')], [v(0, '95.7'), err(latest(0))], '95.7 is 2020-08; latest 99.3 (2021-02-02)')
A('jules', 'wrong', "Most recent encounter was the 8/26/2020 physical.",
  [E('jules', '2020-08-26')], [code(0, 'check up'), err(latest_enc(0))], 'later encounter 2021-03-30 (sinusitis)')
A('junita', 'wrong', "Latest weight 10.1 kg.",
  [O('junita', 'wt', '2020-12-30')], [v(0, '10.1'), err(latest(0))], '10.13 is 2020-12-30; latest 10.81 (2021-03-31)')
A('malcom', 'wrong', "Most recent BP 105/71.",
  [BP('malcom', '2019-12-06')], [bpv(0, 'Systolic', '105'), bpv(0, 'Diastolic', '71'), err(latest(0))], '105/71 is 2019; latest 112/76 (2020-12-11)')
A('man', 'wrong', "Most recent eGFR 99.9.",
  [O('man', 'egfr', '2019-05-21')], [v(0, '99.9'), err(latest(0))], '99.9 is 2019; latest 111 (2020)')
A('mathilda', 'wrong', "Her last visit was the 8/31/2020 well-child check.",
  [E('mathilda', '2020-08-31')], [code(0, 'check up'), err(latest_enc(0))], 'later encounters 2020-10-20 ... 2020-11-02')
A('maurice', 'wrong', "Latest hemoglobin 12.1 g/dL.",
  [O('maurice', 'hgb', '2015-01-23')], [v(0, '12.1'), err(latest(0))], '12.1 is 2015; latest 17.4 (2020)')
A('michael', 'wrong', "Pre-visit summary: his latest LDL was 70.1 mg/dL.",
  [O('michael', 'ldl', '2015-05-08')], [v(0, "70.1"), err(latest(0))], '70.15 is 2015; latest 60.6 (2018)')
A('monika', 'wrong', "Last visit: 4/4/2020 annual physical.",
  [E('monika', '2020-04-04')], [code(0, 'check up'), err(latest_enc(0))], 'later encounter 2020-10-22 (consultation)')
A('nohemi', 'wrong', "Most recent LDL 104 mg/dL.",
  [O('nohemi', 'ldl', '2016-06-08')], [v(0, '104'), err(latest(0))], '104 is 2016; latest 55 (2019)')
A('oswaldo', 'wrong', "Latest total cholesterol 176.",
  [O('oswaldo', 'chol', '2017-03-28')], [v(0, '176'), err(latest(0))], '175.9 is 2017; latest 197.9 (2020)')
A('thanh', 'wrong', "Most recent creatinine 2.50 mg/dL.",
  [O('thanh', 'cr', '2019-12-06')], [v(0, '2.50'), err(latest(0))], '2.50 is 2019; latest 3.26 (2020-12-05)')
A('tyrell', 'wrong', "Latest weight 64.0 kg.",
  [O('tyrell', 'wt', '2020-03-10')], [v(0, '64.0'), err(latest(0))], '63.99 is 2020; latest 69.8 (2021)')
A('vito', 'wrong', "Last PSA 6.7 ng/mL.",
  [O('vito', 'psa', '1976-09-13')], [v(0, '6.7'), err(latest(0))], '6.66 is 1976; latest 4.52 (1977-11-07)')
A('evelyn', 'wrong', "Most recent A1c 3.0%.",
  [O('evelyn', 'a1c', '1984-01-16')], [v(0, '3.0'), err(latest(0))], 'Jan 1984 value; latest 2.6 % (1984-10-08)')
A('man', 'wrong', "His most recent immunization was the Td booster on 5/26/2020.",
  [IM('man', 'Td')], [d(0, '2020-05-26'), err(latest_type(0))], 'influenza vaccine 2020-11-10 is later')
A('beatrice', 'wrong', "Most recent MMSE 8.3 (June 2008).",
  [O('beatrice', 'mmse', '2008-06')], [v(0, '8.3'), err(latest(0))], 'later MMSE 3.4 (2011-04-07)')
A('bryan', 'wrong', "Latest A1c 6.3% (March 2020).",
  [O('bryan', 'a1c', '2020-03')], [v(0, '6.3'), err(latest(0))], 'later A1c 6.2 % (2021-03-22)')
