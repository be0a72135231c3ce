from lib import *
cat = 'units'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('alberto', 'correct', "Your weight on 12/31/2018 was about 140 lb.",
  [O('alberto', 'wt', '2018-12-31')], [cv(0, '140', 'kg_lb')], '63.56 kg = 140.1 lb')
A('alberto', 'correct', "At his Jan 2021 visit he measured 5 ft 9 in tall.",
  [O('alberto', 'ht', '2021-01')], [cv(0, '69', 'cm_in')], '175.6 cm = 69.1 in = 5 ft 9 in')
A('monika', 'correct', "Febrile to 102.5 °F on 3/1/2015.",
  [O('monika', 'temp', '2015-03-01')], [cv(0, '102.5', 'C_F')], '39.18 °C = 102.5 °F')
A('annmarie', 'correct', "Temp 100.7 F at the strep visit (7/5/2012).",
  [O('annmarie', 'temp', '2012-07-05'), C('annmarie', 'Streptococcal')], [cv(0, '100.7', 'C_F'), d(1, '2012-07-05')], '38.18 °C = 100.72 °F')
A('bryan', 'correct', "Oral temperature 38.3 deg C (≈101 °F) on 9/6/2019.",
  [O('bryan', 'temp', '2019-09-06')], [v(0, '38.3'), unit(0, 'deg C'), cv(0, '101', 'C_F')], '38.34 °C = 101.0 °F')
A('andys', 'correct', "Glucose on 2/14/2019: 5.2 mmol/L.",
  [O('andys', 'glu', '2019-02-14')], [cv(0, '5.2', 'glu_mmol')], '93.32 mg/dL / 18.016 = 5.18 mmol/L')
A('andys', 'correct', "LDL cholesterol 2.5 mmol/l in January 2016.",
  [O('andys', 'ldl', '2016-01')], [cv(0, '2.5', 'chol_mmol')], '98.30 mg/dL / 38.67 = 2.54 mmol/L')
A('thanh', 'correct', "Serum creatinine 288 µmol/L on 5 Dec 2020.",
  [O('thanh', 'cr', '2020-12-05')], [cv(0, '288', 'cr_umol')], '3.257 mg/dL x 88.42 = 288.0 umol/L')
A('michael', 'correct', "Hb 153 g/L (26/02/2021).",
  [O('michael', 'hgb', '2021-02-26')], [cv(0, '153', 'x10')], '15.30 g/dL = 153 g/L')
A('elisha', 'correct', "He weighed 234 lb in March 2012.",
  [O('elisha', 'wt', '2012-03')], [cv(0, '234', 'kg_lb')], '106.3 kg = 234.3 lb')
A('jules', 'correct', "Wt 191 lbs on 8/26/20.",
  [O('jules', 'wt', '2020-08-26')], [cv(0, '191', 'kg_lb')], '86.49 kg = 190.7 lb')
A('nohemi', 'correct', "BP 136/79 mm Hg on 3/3/2021.",
  [BP('nohemi', '2021-03-03')], [bpv(0, 'Systolic', '136'), bpv(0, 'Diastolic', '79')], '136.4/78.8 mm[Hg]')
A('thanh', 'correct', "eGFR 90.9 mL/min/1.73 m² (27 Oct 2020).",
  [O('thanh', 'egfr', '2020-10-27')], [v(0, '90.9'), unit(0, 'mL/min/1.73m2')], 'eGFR 90.87 mL/min/{1.73_m2}')
A('vito', 'correct', "Height recorded as 1.81 m (Sept 1979).",
  [O('vito', 'ht', '1979-09-24')], [cv(0, '1.81', 'cm_m'), d(0, '1979-09')], '180.6 cm (constant across the chart; cited 1979-09-24)')
A('gale', 'correct', "Gale weighed 33.3 lb on Feb 2, 2021.",
  [O('gale', 'wt', '2021-02-02')], [cv(0, '33.3', 'kg_lb')], '15.12 kg = 33.3 lb')
A('junita', 'correct', "Your daughter weighed 23.8 pounds on March 31, 2021.",
  [O('junita', 'wt', '2021-03-31')], [cv(0, '23.8', 'kg_lb')], '10.81 kg = 23.8 lb')
A('deedra', 'correct', "Height 63.8 in (10/30/2020).",
  [O('deedra', 'ht', '2020-10-30')], [cv(0, '63.8', 'cm_in')], '162.0 cm = 63.78 in')
A('emilia', 'correct', "WBC 10.2 × 10^9/L on 19 Feb 2021.",
  [O('emilia', 'wbc', '2021-02-19')], [v(0, '10.2'), unit(0, 'x10^9/L')], 'WBC 10.22 x10^3/uL (= x10^9/L)')
A('dannie', 'correct', "Platelets 279 x10^9/L in March 2021.",
  [O('dannie', 'plt', '2021-03')], [v(0, '279'), unit(0, 'x10^9/L')], '278.76 x10^3/uL = x10^9/L')
A('michael', 'correct', "RBC 3.98 × 10¹²/L on 2/26/2021.",
  [O('michael', 'rbc', '2021-02-26')], [v(0, '3.98'), unit(0, 'x10^12/L')], '3.9795 x10^6/uL = x10^12/L')
A('andys', 'correct', "Serum calcium 2.18 mmol/L (2/25/2021).",
  [O('andys', 'ca', '2021-02-25')], [cv(0, '2.18', 'ca_mmol')], '8.749 mg/dL / 4.008 = 2.183 mmol/L')
A('andys', 'correct', "HbA1c 46 mmol/mol (IFCC) in Feb 2018.",
  [O('andys', 'a1c', '2018-02')], [cv(0, '46', 'a1c_ifcc')], '6.35 % NGSP = 45.9 mmol/mol IFCC ((6.35-2.15)x10.929)')
A('beatrice', 'correct', "Weight 175 lb at the August 2012 visit.",
  [O('beatrice', 'wt', '2012-08')], [cv(0, '175', 'kg_lb')], '79.43 kg = 175.1 lb')
A('malcom', 'correct', "He is about 6 feet tall (182.6 cm, Dec 2020).",
  [O('malcom', 'ht', '2020-12')], [cv(0, '72', 'cm_in'), v(0, '182.6')], '182.6 cm = 71.9 in')
A('man', 'correct', "Q: What was his total cholesterol in SI units in April 2012? A: About 5.1 mmol/L.",
  [O('man', 'chol', '2012-04')], [cv(0, '5.1', 'chol_mmol')], '198.6 mg/dL / 38.67 = 5.14 mmol/L')
A('oswaldo', 'correct', "T 100.4°F with pharyngitis on 8/8/2017.",
  [O('oswaldo', 'temp', '2017-08-08'), C('oswaldo', 'pharyngitis', '2017')], [cv(0, '100.4', 'C_F'), d(1, '2017-08-08')], '37.99 °C = 100.39 °F')
A('evelyn', 'correct', "Glucose 4.7 mmol/L and TG 1.62 mmol/L on 8 Oct 1984.",
  [O('evelyn', 'glu', '1984-10-08'), O('evelyn', 'tg', '1984-10-08')], [cv(0, '4.7', 'glu_mmol'), cv(1, '1.62', 'tg_mmol')], '84.75 mg/dL = 4.70 mmol/L; 143.9 mg/dL = 1.62 mmol/L')
A('nohemi', 'correct', "Her weight has been recorded at roughly 178 lb (80.9 kg), e.g. 3/3/2021.",
  [O('nohemi', 'wt', '2021-03-03')], [cv(0, '178', 'kg_lb'), v(0, '80.9')], '80.94 kg = 178.4 lb')
A('maurice', 'correct', "Height 1.71 m (Jan 2021).",
  [O('maurice', 'ht', '2021-01')], [cv(0, '1.71', 'cm_m')], '171.17 cm')
A('erin', 'correct', "Weight 125.6 lb in Nov 2020.",
  [O('erin', 'wt', '2020-11')], [cv(0, '125.6', 'kg_lb')], '56.99 kg = 125.65 lb')

# ---------------- wrong ----------------
A('monika', 'wrong', "Febrile to 39.2 °F on 3/1/2015.",
  [O('monika', 'temp', '2015-03-01')], [v(0, '39.2'), err(unit(0, '°F'))], 'value is 39.2 °C (102.5 °F), not °F')
A('alberto', 'wrong', "Weight 63.6 lb on 12/31/2018.",
  [O('alberto', 'wt', '2018-12-31')], [v(0, '63.6'), err(unit(0, 'lb'))], '63.6 kg, i.e. 140 lb; lb is the wrong unit')
A('andys', 'wrong', "Your blood sugar on 2/14/2019 was 93 mmol/L.",
  [O('andys', 'glu', '2019-02-14')], [v(0, '93'), err(unit(0, 'mmol/L'))], '93 mg/dL (5.2 mmol/L), not mmol/L')
A('andys', 'wrong', "LDL 98 mmol/L (Jan 2016).",
  [O('andys', 'ldl', '2016-01')], [v(0, '98'), err(unit(0, 'mmol/L'))], '98 mg/dL = 2.5 mmol/L')
A('thanh', 'wrong', "Creatinine 3.26 µmol/L on 12/5/2020.",
  [O('thanh', 'cr', '2020-12-05')], [v(0, '3.26'), err(unit(0, 'µmol/L'))], '3.26 mg/dL = 288 umol/L')
A('michael', 'wrong', "Hb 15.3 g/L on 2/26/2021.",
  [O('michael', 'hgb', '2021-02-26')], [v(0, '15.3'), err(unit(0, 'g/L'))], '15.3 g/dL = 153 g/L')
A('elisha', 'wrong', "In March 2012 he weighed 106 lb.",
  [O('elisha', 'wt', '2012-03')], [v(0, '106'), err(unit(0, 'lb'))], '106 kg = 234 lb')
A('jules', 'wrong', "Wt 86.5 lb on 8/26/20.",
  [O('jules', 'wt', '2020-08-26')], [v(0, '86.5'), err(unit(0, 'lb'))], '86.5 kg = 191 lb')
A('vito', 'wrong', "Height 5'6\".",
  [O('vito', 'ht', '1979-09-24')], [err(cv(0, '66', 'cm_in'))], '180.6 cm = 71.1 in = 5 ft 11 in, not 5 ft 6 in')
A('annmarie', 'wrong', "Temp 101.7 °F at the strep visit (7/5/2012).",
  [O('annmarie', 'temp', '2012-07-05'), C('annmarie', 'Streptococcal')], [err(cv(0, '101.7', 'C_F'))], '38.18 °C = 100.7 °F, not 101.7')
A('bryan', 'wrong', "Temperature 38.3 F on 9/6/2019.",
  [O('bryan', 'temp', '2019-09-06')], [v(0, '38.3'), err(unit(0, '°F'))], '38.3 is °C (101 °F)')
A('andys', 'wrong', "HbA1c 6.3 mmol/mol in Feb 2018.",
  [O('andys', 'a1c', '2018-02')], [v(0, '6.3'), err(unit(0, 'mmol/mol'))], '6.3 is % (NGSP); IFCC would be 46 mmol/mol')
A('gale', 'wrong', "Gale weighed 15.1 lb on Feb 2, 2021.",
  [O('gale', 'wt', '2021-02-02')], [v(0, '15.1'), err(unit(0, 'lb'))], '15.1 kg = 33.3 lb')
A('deedra', 'wrong', "Height 5 ft 8 in (10/30/2020).",
  [O('deedra', 'ht', '2020-10-30')], [err(cv(0, '68', 'cm_in'))], '162 cm = 63.8 in = 5 ft 4 in')
A('andys', 'wrong', "Calcium 8.7 mmol/L on 2/25/2021.",
  [O('andys', 'ca', '2021-02-25')], [v(0, '8.7'), err(unit(0, 'mmol/L'))], '8.7 mg/dL = 2.18 mmol/L')
A('beatrice', 'wrong', "Weight 186 lb at the August 2012 visit.",
  [O('beatrice', 'wt', '2012-08')], [err(cv(0, '186', 'kg_lb'))], '79.43 kg = 175 lb')
A('malcom', 'wrong', "Height 6'4\" (182.6 cm).",
  [O('malcom', 'ht', '2020-12')], [v(0, '182.6'), err(cv(0, '76', 'cm_in'))], '182.6 cm = 71.9 in = about 6 ft 0 in')
A('man', 'wrong', "Q: What was his total cholesterol in SI units in April 2012? A: About 5.9 mmol/L.",
  [O('man', 'chol', '2012-04')], [err(cv(0, '5.9', 'chol_mmol'))], '198.6 mg/dL = 5.14 mmol/L')
A('oswaldo', 'wrong', "T 99.4 °F (37.99 °C) on 8/8/2017.",
  [O('oswaldo', 'temp', '2017-08-08')], [v(0, '37.99'), err(cv(0, '99.4', 'C_F'))], '37.99 °C = 100.4 °F')
A('evelyn', 'wrong', "Glucose 84.7 mmol/L on 8 Oct 1984.",
  [O('evelyn', 'glu', '1984-10-08')], [v(0, '84.7'), err(unit(0, 'mmol/L'))], '84.7 mg/dL = 4.7 mmol/L')
A('thanh', 'wrong', "eGFR 90.9 mL/s on 10/27/2020.",
  [O('thanh', 'egfr', '2020-10-27')], [v(0, '90.9'), err(unit(0, 'mL/s'))], 'unit is mL/min/1.73 m2; 90.9 mL/min = 1.5 mL/s')
A('emilia', 'wrong', "WBC 10.2 ×10⁶/µL (2/19/2021).",
  [O('emilia', 'wbc', '2021-02-19')], [v(0, '10.2'), err(unit(0, 'x10^6/uL'))], 'WBC unit is x10^3/uL; x10^6/uL would be 1000x too high')
A('michael', 'wrong', "RBC 3.98 ×10³/µL on 2/26/2021.",
  [O('michael', 'rbc', '2021-02-26')], [v(0, '3.98'), err(unit(0, '10*3/uL'))], 'RBC unit is x10^6/uL, not x10^3/uL')
A('junita', 'wrong', "Your daughter weighed 10.8 pounds on March 31, 2021.",
  [O('junita', 'wt', '2021-03-31')], [v(0, '10.8'), err(unit(0, 'lb'))], '10.8 kg = 23.8 lb')
A('nohemi', 'wrong', "Weight about 165 lb (3/3/2021).",
  [O('nohemi', 'wt', '2021-03-03')], [err(cv(0, '165', 'kg_lb'))], '80.94 kg = 178 lb')
A('andys', 'wrong', "Temp 37.5 °F at the pharyngitis visit, 5/16/2019.",
  [O('andys', 'temp', '2019-05-16'), C('andys', 'pharyngitis')], [v(0, '37.5'), err(unit(0, '°F'))], '37.5 °C = 99.5 °F')
A('maurice', 'wrong', "Height 5'11\" (Jan 2021).",
  [O('maurice', 'ht', '2021-01')], [err(cv(0, '71', 'cm_in'))], '171.2 cm = 67.4 in = 5 ft 7 in')
A('erin', 'wrong', "Weight 57 lb in Nov 2020.",
  [O('erin', 'wt', '2020-11')], [v(0, '57'), err(unit(0, 'lb'))], '57 kg = 125.6 lb')
A('evelyn', 'wrong', "Total cholesterol 181 mmol/L on 10/8/1984.",
  [O('evelyn', 'chol', '1984-10-08')], [v(0, '181'), err(unit(0, 'mmol/L'))], '181 mg/dL = 4.69 mmol/L')
A('dannie', 'wrong', "Platelets 279 ×10^12/L in March 2021.",
  [O('dannie', 'plt', '2021-03')], [v(0, '279'), err(unit(0, '10*9/uL'))], 'platelets 279 x10^9/L, not x10^12/L')
