from lib import *
cat = 'abbreviations'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('andys', 'correct', "Your hemoglobin A1c (HbA1c) on 2/8/2018 was 6.3%.",
  [O('andys', 'a1c', '2018-02-08')], [v(0, '6.3'), d(0, '2018-02-08')], 'HbA1c obs 2018-02-08 = 6.35 %')
A('andys', 'correct', "Lipids 2/14/19: LDL 81, HDL 62, TG 134 (mg/dL).",
  [O('andys', 'ldl', '2019-02-14'), O('andys', 'hdl', '2019-02-14'), O('andys', 'tg', '2019-02-14')],
  [v(0, '81'), v(1, '62'), v(2, '134'), d(0, '2019-02-14')], 'LDL 81.05, HDL 62.02, TG 134.37 on 2019-02-14')
A('bryan', 'correct', "Cr 1.36 mg/dL on 2014-02-10.",
  [O('bryan', 'cr', '2014-02-10')], [v(0, '1.36'), d(0, '2014-02-10')], 'Creatinine 1.357')
A('bryan', 'correct', "BMP 3/22/21 — Na 140, K 4.2, Cl 109.",
  [O('bryan', 'na', '2021-03-22'), O('bryan', 'k', '2021-03-22'), O('bryan', 'cl', '2021-03-22')],
  [v(0, '140'), v(1, '4.2'), v(2, '109')], 'Na 140.1, K 4.196, Cl 109.3 on 2021-03-22')
A('jules', 'correct', "Q: What was Jules' kidney function in Aug 2020? A: His eGFR was 112 mL/min/1.73m2 on 8/26/2020.",
  [O('jules', 'egfr', '2020-08-26')], [v(0, '112'), d(0, '2020-08-26')], 'eGFR 112.05')
A('thanh', 'correct', "ALT ~60 U/L in Dec 2017.",
  [O('thanh', 'alt', '2017-12')], [v(0, '60'), d(0, '2017-12')], 'ALT 59.65 U/L on 2017-12-06')
A('beatrice', 'correct', "LVEF 38% on the TTE of 6/17/2012.",
  [O('beatrice', 'ef', '2012-06-17', n=0), PR('beatrice', 'echocardiogram')], [v(0, '38'), d(0, '2012-06-17'), d(1, '2012-06-17')], 'LV ejection fraction 38.x % on 2012-06-17 (both same-day values round to 38)')
A('beatrice', 'correct', "NT-proBNP was 775 pg/mL when the CHF was worked up (5/27/2012).",
  [O('beatrice', 'bnp', '2012-05-27'), C('beatrice', 'congestive')], [v(0, '775'), d(0, '2012-05-27'), d(1, '2012-05-27')], 'NT-proBNP 775 pg/mL')
A('vito', 'correct', "PSA 6.66 ng/mL (9/13/1976).",
  [O('vito', 'psa', '1976-09-13')], [v(0, '6.66'), d(0, '1976-09-13')], 'PSA 6.657')
A('evelyn', 'correct', "Urine MAC ratio 29.2 mg/g on 1/17/1983 — still <30.",
  [O('evelyn', 'macr', '1983-01-17')], [v(0, '29.2'), cmp(0, '<', 30)], 'Microalbumin/creatinine ratio 29.21 mg/g')
A('man', 'correct', "DXA T-score −0.4 (June 2011).",
  [O('man', 'dxa', '2011-06')], [v(0, '-0.4'), d(0, '2011-06')], 'DXA T-score -0.3989 on 2011-06-05')
A('michael', 'correct', "CBC 2/26/21: Hgb 15.3 g/dL, WBC 6.4 K/uL.",
  [O('michael', 'hgb', '2021-02-26'), O('michael', 'wbc', '2021-02-26')], [v(0, '15.3'), v(1, '6.4')], 'Hgb 15.30, WBC 6.444')
A('monika', 'correct', "T 39.2 °C on 3/1/2015 with strep throat.",
  [O('monika', 'temp', '2015-03-01'), C('monika', 'Streptococcal')], [v(0, '39.2'), d(0, '2015-03-01'), d(1, '2015-03-01')], 'Oral temp 39.18 °C; strep onset 2015-03-01')
A('elisha', 'correct', "Plt 378 K/µL on the 3/7/2018 CBC.",
  [O('elisha', 'plt', '2018-03-07')], [v(0, '378'), d(0, '2018-03-07')], 'Platelets 378.0 10*3/uL')
A('deedra', 'correct', "Hct 38.7% (10/30/2020).",
  [O('deedra', 'hct', '2020-10-30')], [v(0, '38.7')], 'Hematocrit 38.69 %')
A('emilia', 'correct', "MCV 91.2 fL on 2/19/2021 — normocytic.",
  [O('emilia', 'mcv', '2021-02-19')], [v(0, '91.2'), rng(0, 80, 100)], 'MCV 91.19 fL (80-100 fL normocytic)')
A('nohemi', 'correct', "Her HDL cholesterol (HDL-C) was 78.8 mg/dL when checked in June 2019.",
  [O('nohemi', 'hdl', '2019-06')], [v(0, '78.8'), d(0, '2019-06')], 'HDL 78.78 on 2019-06-26')
A('malcom', 'correct', "TC 192 mg/dL, 12/6/2019.",
  [O('malcom', 'chol', '2019-12-06')], [v(0, '192')], 'Total cholesterol 192.3')
A('oswaldo', 'correct', "BMI 27.2 kg/m² on 4/14/2020.",
  [O('oswaldo', 'bmi', '2020-04-14')], [v(0, '27.2')], 'BMI 27.19')
A('annmarie', 'correct', "SBP 136 / DBP 83 on 6/13/2017.",
  [SBP('annmarie', '2017-06-13'), DBP('annmarie', '2017-06-13')], [v(0, '136'), v(1, '83')], 'Systolic 136.x, diastolic 83.x')
A('vito', 'correct', "BUN 9.3, Cr 1.85 on 9/24/1979.",
  [O('vito', 'bun', '1979-09-24'), O('vito', 'cr', '1979-09-24')], [v(0, '9.3'), v(1, '1.85')], 'BUN 9.269, Creatinine 1.849')
A('evelyn', 'correct', "Serum CO2 (bicarbonate) was 21.6 mmol/L on 10/8/1984.",
  [O('evelyn', 'co2', '1984-10-08')], [v(0, '21.6')], 'Carbon dioxide 21.59')
A('thanh', 'correct', "Alb 4.8 g/dL (12/5/2020).",
  [O('thanh', 'alb', '2020-12-05')], [v(0, '4.8')], 'Albumin 4.794')
A('man', 'correct', "HTN poorly controlled — SBP 199 mmHg on 5/21/2019.",
  [SBP('man', '2019-05-21'), C('man', 'Hypertension')], [v(0, '199'), d(0, '2019-05-21'), code(1, 'Hypertension')], 'Systolic 199.x; HTN on problem list')
A('evelyn', 'correct', "T2DM complicated by peripheral neuropathy (onset 7/26/1965).",
  [C('evelyn', 'Neuropathy')], [code(0, 'type 2 diabetes'), d(0, '1965-07-26')], "Condition 'Neuropathy due to type 2 diabetes mellitus' onset 1965-07-26")
A('beatrice', 'correct', "PMH: MI (3/1997), CHD, CHF (2012).",
  [C('beatrice', 'Myocardial Infarction'), C('beatrice', 'Coronary'), C('beatrice', 'congestive')],
  [d(0, '1997-03'), code(1, 'Coronary Heart Disease'), d(2, '2012')], 'MI onset 1997-03-02; CHD 1997; CHF 2012-05-27')
A('evelyn', 'correct', "CKD stage 1 with diabetic nephropathy.",
  [C('evelyn', 'Chronic kidney'), C('evelyn', 'Diabetic renal')], [code(0, 'stage 1'), code(1, 'Diabetic renal disease')], 'both conditions on list')
A('mathilda', 'correct', "Childhood asthma: ICS (fluticasone 44 mcg) plus SABA (albuterol) prn.",
  [C('mathilda', 'asthma'), M('mathilda', 'Fluticasone'), M('mathilda', 'Albuterol')],
  [code(1, '0.044 MG'), code(2, 'Albuterol'), prn(2)], 'fluticasone 0.044 mg/actuat MDI; albuterol MDI as needed')
A('andyg', 'correct', "OM x2 in 2020 (Jan and Nov).",
  [C('andyg', 'Otitis', '2020-01'), C('andyg', 'Otitis', '2020-11')], [d(0, '2020-01'), d(1, '2020-11'), count('^Otitis media$', 'Condition', 2)], 'two Otitis media conditions 2020-01-28 and 2020-11-04')
A('bryan', 'correct', "CVA 9/2018, s/p mechanical thrombectomy same day.",
  [C('bryan', 'Stroke'), PR('bryan', 'thrombectomy')], [d(0, '2018-09-03'), d(1, '2018-09-03')], 'Stroke onset and thrombectomy procedure 2018-09-03')

# ---------------- wrong ----------------
A('andys', 'wrong', "Your HbA1c on 2/8/2018 came back at 6.8%.",
  [O('andys', 'a1c', '2018-02-08')], [err(v(0, '6.8')), d(0, '2018-02-08')], 'A1c was 6.35 %, not 6.8')
A('andys', 'wrong', "Pre-visit brief: his HDL was 81 mg/dL on 2/14/2019.",
  [O('andys', 'hdl', '2019-02-14')], [err(v(0, '81'))], '81 is the LDL; HDL was 62.0')
A('bryan', 'wrong', "Cr 17.1 on 3/11/2019.",
  [O('bryan', 'cr', '2019-03-11')], [err(v(0, '17.1'))], '17.1 is the BUN; creatinine was 1.106')
A('jules', 'wrong', "eGFR 122 at the Aug 2020 visit.",
  [O('jules', 'egfr', '2020-08')], [err(v(0, '122')), d(0, '2020-08')], 'eGFR 2020-08-26 was 112.0 (122 was 2017)')
A('thanh', 'wrong', "AST 59.7 U/L (Dec 2017).",
  [O('thanh', 'ast', '2017-12')], [err(v(0, '59.7'))], '59.7 was the ALT; AST was 21.15')
A('beatrice', 'wrong', "Echo 6/17/2012: LVEF 48%.",
  [O('beatrice', 'ef', '2012-06-17', n=0), PR('beatrice', 'echocardiogram')], [err(v(0, '48'))], 'LVEF 38 %, not 48')
A('vito', 'wrong', "The PSA drawn on 9/13/1976 measured 4.5 ng/mL.",
  [O('vito', 'psa', '1976-09-13')], [err(v(0, '4.5'))], 'PSA 1976-09-13 was 6.657 (4.52 was 1977)')
A('evelyn', 'wrong', "UACR 2.9 mg/g on 1/17/1983.",
  [O('evelyn', 'macr', '1983-01-17')], [err(v(0, '2.9'))], '2.92 is the HbA1c that day; microalbumin/creatinine ratio 29.21 mg/g')
A('michael', 'wrong', "Hgb 6.4 g/dL on 2/26/2021.",
  [O('michael', 'hgb', '2021-02-26')], [err(v(0, '6.4'))], '6.4 is the WBC; Hgb 15.3')
A('monika', 'wrong', "At the 3/1/2015 visit her temperature (T) was 37.9 °C.",
  [O('monika', 'temp', '2015-03-01')], [err(v(0, '37.9'))], 'temperature 39.18 °C')
A('elisha', 'wrong', "Hct 17.3% on 3/7/2018.",
  [O('elisha', 'hct', '2018-03-07')], [err(v(0, '17.3'))], '17.3 is the Hgb (g/dL); Hct 40.61 %')
A('deedra', 'wrong', "WBC 15.2 ×10³/µL (10/30/2020).",
  [O('deedra', 'wbc', '2020-10-30')], [err(v(0, '15.2'))], '15.2 is the Hgb; WBC 3.581')
A('emilia', 'wrong', "Plt 285.7 on the 2/5/2016 CBC.",
  [O('emilia', 'plt', '2016-02-05')], [err(v(0, '285.7'))], 'platelets 2016-02-05 = 412.5 (285.7 was 2021)')
A('nohemi', 'wrong', "Her LDL-C was 78.8 mg/dL in June 2019.",
  [O('nohemi', 'ldl', '2019-06')], [err(v(0, '78.8'))], '78.8 is the HDL; LDL 54.96')
A('malcom', 'wrong', "TG 192 mg/dL on 12/6/2019.",
  [O('malcom', 'tg', '2019-12-06')], [err(v(0, '192'))], '192 is total cholesterol; TG 106.3')
A('oswaldo', 'wrong', "Your body mass index (BMI) on 4/14/2020 was 29.2.",
  [O('oswaldo', 'bmi', '2020-04-14')], [err(v(0, '29.2'))], 'BMI 27.19')
A('annmarie', 'wrong', "DBP 87 mmHg on 6/13/2017.",
  [DBP('annmarie', '2017-06-13')], [err(v(0, '87'))], 'diastolic 83.x')
A('vito', 'wrong', "BUN 1.85 mg/dL on 9/24/1979.",
  [O('vito', 'bun', '1979-09-24')], [err(v(0, '1.85'))], '1.85 is the creatinine; BUN 9.27')
A('evelyn', 'wrong', "K 4.3 mmol/L on 10/8/1984.",
  [O('evelyn', 'k', '1984-10-08')], [err(v(0, '4.3'))], 'potassium 4.713 on 1984-10-08')
A('thanh', 'wrong', "Alb 3.3 g/dL (12/5/2020).",
  [O('thanh', 'alb', '2020-12-05')], [err(v(0, '3.3'))], '3.25 is the globulin; albumin 4.794')
A('man', 'wrong', "SBP 189 mmHg on 5/21/2019.",
  [SBP('man', '2019-05-21')], [err(v(0, '189'))], 'systolic 199.x')
A('evelyn', 'wrong', "Q: What type of diabetes does she have? A: T1DM, complicated by neuropathy.",
  [C('evelyn', 'Neuropathy')], [err(code(0, 'type 1'))], 'record says neuropathy due to TYPE 2 diabetes')
A('beatrice', 'wrong', "Hx CVA (3/1997).",
  [C('beatrice', 'Myocardial Infarction')], [err(code(0, 'Stroke')), d(0, '1997-03')], 'the 3/1997 event was an MI, not a stroke')
A('mathilda', 'wrong', "Asthma managed with a LABA (salmeterol) prn.",
  [M('mathilda', 'Albuterol')], [err(code(0, 'Salmeterol'))], 'the rescue inhaler is albuterol (SABA); no LABA/salmeterol on record')
A('bryan', 'wrong', "CBC 3/16/2020: Hgb 15.4, WBC 3.5.",
  [O('bryan', 'hgb', '2020-03-16'), O('bryan', 'wbc', '2020-03-16')], [v(0, '15.4'), err(v(1, '3.5'))], 'WBC 2020-03-16 was 9.276 (3.54 was 2015)')
A('andyg', 'wrong', "UTI 1/2020 treated with amoxicillin.",
  [C('andyg', 'Otitis', '2020-01'), M('andyg', 'Amoxicillin')], [err(code(0, 'urinary')), code(1, 'Amoxicillin')], 'the 1/2020 infection was otitis media, not UTI')
A('thanh', 'wrong', "Cr 3.26, BUN 9.8 on 12/5/2020.",
  [O('thanh', 'cr', '2020-12-05'), O('thanh', 'bun', '2020-12-05')], [v(0, '3.26'), err(v(1, '9.8'))], 'BUN 19.48 on 2020-12-05 (9.76 was 2017)')
A('jules', 'wrong', "On 8/26/2020 the diastolic (DBP) was 102.",
  [DBP('jules', '2020-08-26')], [err(v(0, '102'))], 'diastolic 110.7 (102 was 2014)')
A('man', 'wrong', "HDL 107.9 mg/dL (4/10/2012).",
  [O('man', 'hdl', '2012-04-10')], [err(v(0, '107.9'))], '107.9 is the LDL; HDL 60.78')
