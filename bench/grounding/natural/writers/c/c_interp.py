from lib import *
cat = 'interpretation'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)
BP2017 = 'ACC/AHA 2017 adult BP categories: normal <120/<80, elevated 120-129/<80, stage 1 130-139 or 80-89, stage 2 >=140 or >=90, crisis >180 and/or >120'
WHO = 'WHO adult BMI: 18.5-24.9 normal, 25-29.9 overweight, >=30 obese'
ADA = 'ADA HbA1c: <5.7 normal, 5.7-6.4 prediabetes, >=6.5 diabetes'
KDIGO = 'KDIGO GFR categories: G1 >=90, G2 60-89, G3a 45-59, G3b 30-44, G4 15-29'
ATP = 'NCEP ATP III: LDL <100 optimal, 100-129 near/above optimal, 130-159 borderline high; HDL <40 low, >=60 high; TG <150 normal, 150-199 borderline high'

# ---------------- correct ----------------
A('jules', 'correct', "BP 178/111 on 8/26/2020 is in the stage 2 hypertension range.",
  [BP('jules', '2020-08-26')], [bpv(0, 'Systolic', '178'), bpv(0, 'Diastolic', '111'), bprng(0, 'Systolic', 140, 999)], f'178/111; {BP2017}')
A('man', 'correct', "Q: How severe was the 5/21/2019 reading? A: 199/114 — above 180 systolic, i.e. hypertensive-crisis range.",
  [BP('man', '2019-05-21')], [bpv(0, 'Systolic', '199'), bpv(0, 'Diastolic', '114'), bprng(0, 'Systolic', 180.0001, 999)], f'SBP 199.4 > 180; {BP2017}')
A('thanh', 'correct', "BMI 30.1 — meets the WHO definition of obesity.",
  [O('thanh', 'bmi', '2020-10-27')], [v(0, '30.1'), cmp(0, '>=', 30)], f'BMI 30.1 (2020-10-27); {WHO}')
A('annmarie', 'correct', "Your BMI in June 2020 was 30.7, which falls in the obese category.",
  [O('annmarie', 'bmi', '2020-06')], [v(0, '30.7'), cmp(0, '>=', 30)], f'BMI 30.69; {WHO}')
A('elisha', 'correct', "BMI 27.5 (3/24/2021): overweight.",
  [O('elisha', 'bmi', '2021-03-24')], [v(0, '27.5'), rng(0, 25, 30)], f'BMI 27.47; {WHO}')
A('emilia', 'correct', "Her BMI of 27.6 (Feb 2021) puts her in the overweight range, not obese.",
  [O('emilia', 'bmi', '2021-02')], [v(0, '27.6'), rng(0, 25, 30)], f'BMI 27.56; {WHO}')
A('michael', 'correct', "Overweight by BMI (27.1 in Feb 2021).",
  [O('michael', 'bmi', '2021-02')], [v(0, '27.1'), rng(0, 25, 30)], f'BMI 27.07; {WHO}')
A('andys', 'correct', "A1c 6.3% (2/8/2018) is in the prediabetes range, consistent with his prediabetes dx.",
  [O('andys', 'a1c', '2018-02-08'), C('andys', 'Prediabetes')], [v(0, '6.3'), rng(0, 5.7, 6.5)], f'A1c 6.35; {ADA}')
A('bryan', 'correct', "HbA1c 6.4% in Feb 2015 — prediabetic, just below the 6.5% diabetes cutoff.",
  [O('bryan', 'a1c', '2015-02')], [v(0, '6.4'), rng(0, 5.7, 6.5)], f'A1c 6.386; {ADA}')
A('thanh', 'correct', "eGFR 90.9 on 10/27/2020 is KDIGO G1 (≥90).",
  [O('thanh', 'egfr', '2020-10-27')], [v(0, '90.9'), cmp(0, '>=', 90)], f'eGFR 90.87; {KDIGO}')
A('evelyn', 'correct', "eGFR 37.7 (10/8/1984) corresponds to CKD G3b.",
  [O('evelyn', 'egfr', '1984-10-08')], [v(0, '37.7'), rng(0, 30, 45)], f'eGFR 37.7; {KDIGO}')
A('vito', 'correct', "By Jan 1979 his eGFR was 30, in the G3b range.",
  [O('vito', 'egfr', '1979-01')], [v(0, '30'), rng(0, 30, 45)], f'eGFR 30.32; {KDIGO}')
A('jules', 'correct', "Kidney function normal — eGFR 112 in Aug 2020.",
  [O('jules', 'egfr', '2020-08')], [v(0, '112'), cmp(0, '>=', 90)], f'eGFR 112 (G1); {KDIGO}')
A('man', 'correct', "eGFR 89.6 on 4/16/2013 — mildly decreased (G2).",
  [O('man', 'egfr', '2013-04-16')], [v(0, '89.6'), rng(0, 60, 90)], f'eGFR 89.61; {KDIGO}')
A('beatrice', 'correct', "LVEF 38% — reduced ejection fraction (HFrEF, ≤40%).",
  [O('beatrice', 'ef', '2012-06-17', n=0)], [v(0, '38'), cmp(0, '<=', 40)], 'EF 38 %; ACC/AHA/HFSA HFrEF defined as LVEF <=40 %')
A('vito', 'correct', "PSA 7.7 ng/mL on 1/1/1973 was elevated (>4.0).",
  [O('vito', 'psa', '1973-01-01')], [v(0, '7.7'), cmp(0, '>', 4.0)], 'PSA 7.685; conventional 4.0 ng/mL PSA cutoff')
A('monika', 'correct', "She was febrile at the 3/1/2015 visit (39.2 °C).",
  [O('monika', 'temp', '2015-03-01')], [v(0, '39.2'), cmp(0, '>=', 38.0)], 'temp 39.18; fever >=38.0 °C (100.4 °F)')
A('oswaldo', 'correct', "Afebrile at the strep visit, 37.4 °C on 5/15/2014.",
  [O('oswaldo', 'temp', '2014-05-15'), C('oswaldo', 'Streptococcal')], [v(0, '37.4'), cmp(0, '<', 38.0), d(1, '2014-05-15')], 'temp 37.37 < 38.0 °C fever threshold')
A('man', 'correct', "DXA T-score −0.4 in 2011 = normal bone density.",
  [O('man', 'dxa', '2011')], [v(0, '-0.4'), cmp(0, '>=', -1.0)], 'T-score -0.40; WHO: >= -1.0 normal, -1 to -2.5 osteopenia, <= -2.5 osteoporosis')
A('evelyn', 'correct', "Albuminuria category A1 on 10/8/1984 (UACR 22 mg/g).",
  [O('evelyn', 'macr', '1984-10-08')], [v(0, '22'), cmp(0, '<', 30)], 'UACR 22.03 mg/g; KDIGO A1 <30, A2 30-300, A3 >300')
A('oswaldo', 'correct', "LDL 118 (4/14/2020): above optimal but under 130.",
  [O('oswaldo', 'ldl', '2020-04-14')], [v(0, '118'), rng(0, 100, 130)], f'LDL 118.3; {ATP}')
A('thanh', 'correct', "LDL 149 on 12/6/2019 — borderline high.",
  [O('thanh', 'ldl', '2019-12-06')], [v(0, '149'), rng(0, 130, 160)], f'LDL 148.6; {ATP}')
A('nohemi', 'correct', "LDL 55 mg/dL in June 2019 is at an optimal level.",
  [O('nohemi', 'ldl', '2019-06')], [v(0, '55'), cmp(0, '<', 100)], f'LDL 54.96; {ATP}')
A('man', 'correct', "HDL 71 (4/28/2015) — high/protective.",
  [O('man', 'hdl', '2015-04-28')], [v(0, '71'), cmp(0, '>=', 60)], f'HDL 71.15; {ATP}')
A('thanh', 'correct', "Low HDL: 36 mg/dL on 12/6/2017.",
  [O('thanh', 'hdl', '2017-12-06')], [v(0, '36'), cmp(0, '<', 40)], f'HDL 36.28 (male); {ATP}')
A('elisha', 'correct', "Your triglycerides of 147 (3/24/2021) are within the normal range.",
  [O('elisha', 'tg', '2021-03-24')], [v(0, '147'), cmp(0, '<', 150)], f'TG 146.6; {ATP}')
A('thanh', 'correct', "TG 162 on 12/6/2018, borderline high.",
  [O('thanh', 'tg', '2018-12-06')], [v(0, '162'), rng(0, 150, 200)], f'TG 162.4; {ATP}')
A('dannie', 'correct', "Not anemic — Hgb 13.7 g/dL in March 2021.",
  [O('dannie', 'hgb', '2021-03')], [v(0, '13.7'), cmp(0, '>=', 12)], 'Hgb 13.73 (female); WHO anemia: Hb <12 g/dL non-pregnant women')
A('michael', 'correct', "Hb 12.7 g/dL in May 2015 meets the WHO definition of anemia for an adult man.",
  [O('michael', 'hgb', '2015-05')], [v(0, '12.7'), cmp(0, '<', 13)], 'Hgb 12.72 (male); WHO anemia: Hb <13 g/dL men')
A('malcom', 'correct', "BP 112/76 on 12/11/2020 — normal.",
  [BP('malcom', '2020-12-11')], [bpv(0, 'Systolic', '112'), bpv(0, 'Diastolic', '76'), bprng(0, 'Systolic', 0, 120), bprng(0, 'Diastolic', 0, 80)], f'112/76; {BP2017}')
A('bryan', 'correct', "BP 127/74 (3/22/2021) is 'elevated' by ACC/AHA criteria.",
  [BP('bryan', '2021-03-22')], [bpv(0, 'Systolic', '127'), bpv(0, 'Diastolic', '74'), bprng(0, 'Systolic', 120, 130), bprng(0, 'Diastolic', 0, 80)], f'126.6/74.x; {BP2017}')
A('nohemi', 'correct', "136/79 on 3/3/2021: stage 1 hypertension range.",
  [BP('nohemi', '2021-03-03')], [bpv(0, 'Systolic', '136'), bpv(0, 'Diastolic', '79'), bprng(0, 'Systolic', 130, 140), bprng(0, 'Diastolic', 0, 90)], f'136.4/78.8; {BP2017}')
A('vito', 'correct', "Obese by BMI (30.2) in Nov 1969.",
  [O('vito', 'bmi', '1969-11')], [v(0, '30.2'), cmp(0, '>=', 30)], f'BMI 30.23; {WHO}')

# ---------------- wrong ----------------
A('jules', 'wrong', "BP 178/111 on 8/26/2020 — stage 1 hypertension.",
  [BP('jules', '2020-08-26')], [bpv(0, 'Systolic', '178'), bpv(0, 'Diastolic', '111'), err(bprng(0, 'Systolic', 130, 140))], f'178/111 is stage 2; {BP2017}')
A('malcom', 'wrong', "BP 112/76 on 12/11/2020 is elevated.",
  [BP('malcom', '2020-12-11')], [bpv(0, 'Systolic', '112'), bpv(0, 'Diastolic', '76'), err(bprng(0, 'Systolic', 120, 130))], f'112/76 is normal; {BP2017}')
A('bryan', 'wrong', "BP 127/74 (3/22/2021) is normal.",
  [BP('bryan', '2021-03-22')], [bpv(0, 'Systolic', '127'), bpv(0, 'Diastolic', '74'), err(bprng(0, 'Systolic', 0, 120))], f'SBP 120-129 with DBP <80 is elevated, not normal; {BP2017}')
A('nohemi', 'wrong', "Normal BP, 136/79, on 3/3/2021.",
  [BP('nohemi', '2021-03-03')], [bpv(0, 'Systolic', '136'), bpv(0, 'Diastolic', '79'), err(bprng(0, 'Systolic', 0, 120))], f'136/79 is stage 1; {BP2017}')
A('thanh', 'wrong', "BMI 30.1: overweight but not obese.",
  [O('thanh', 'bmi', '2020-10-27')], [v(0, '30.1'), err(rng(0, 25, 30))], f'30.1 is obese; {WHO}')
A('elisha', 'wrong', "BMI 27.5 in March 2021 is in the healthy range.",
  [O('elisha', 'bmi', '2021-03')], [v(0, '27.5'), err(rng(0, 18.5, 25))], f'27.5 is overweight; {WHO}')
A('michael', 'wrong', "Your BMI of 27.1 in Feb 2021 puts you in the obese category.",
  [O('michael', 'bmi', '2021-02')], [v(0, '27.1'), err(cmp(0, '>=', 30))], f'27.1 is overweight; {WHO}')
A('andys', 'wrong', "A1c 6.3% on 2/8/2018 — in the diabetic range.",
  [O('andys', 'a1c', '2018-02-08')], [v(0, '6.3'), err(cmp(0, '>=', 6.5))], f'6.35 is prediabetes; {ADA}')
A('bryan', 'wrong', "Your HbA1c of 6.4% in Feb 2015 was normal.",
  [O('bryan', 'a1c', '2015-02')], [v(0, '6.4'), err(cmp(0, '<', 5.7))], f'6.39 is prediabetes; {ADA}')
A('thanh', 'wrong', "eGFR 90.9 (10/27/2020) indicates stage 3 CKD.",
  [O('thanh', 'egfr', '2020-10-27')], [v(0, '90.9'), err(rng(0, 30, 60))], f'90.9 is G1; {KDIGO}')
A('evelyn', 'wrong', "eGFR 37.7 (10/8/1984) = CKD G3a.",
  [O('evelyn', 'egfr', '1984-10-08')], [v(0, '37.7'), err(rng(0, 45, 60))], f'37.7 is G3b; {KDIGO}')
A('jules', 'wrong', "eGFR 112 in Aug 2020 — moderately reduced kidney function.",
  [O('jules', 'egfr', '2020-08')], [v(0, '112'), err(cmp(0, '<', 60))], f'112 is G1 normal; {KDIGO}')
A('beatrice', 'wrong', "LVEF 38%, i.e. preserved ejection fraction.",
  [O('beatrice', 'ef', '2012-06-17', n=0)], [v(0, '38'), err(cmp(0, '>=', 50))], 'EF 38 % is reduced (HFpEF requires >=50 %)')
A('vito', 'wrong', "PSA 1.0 ng/mL in June 1974 was elevated.",
  [O('vito', 'psa', '1974-06')], [v(0, '1.0'), err(cmp(0, '>', 4.0))], 'PSA 1.02 is below the 4.0 ng/mL cutoff')
A('oswaldo', 'wrong', "Febrile at the 5/15/2014 visit (37.4 °C).",
  [O('oswaldo', 'temp', '2014-05-15')], [v(0, '37.4'), err(cmp(0, '>=', 38.0))], '37.37 °C is below the 38.0 °C fever threshold')
A('man', 'wrong', "DXA T-score −0.4 indicates osteopenia.",
  [O('man', 'dxa', '2011')], [v(0, '-0.4'), err(rng(0, -2.5, -1.0))], 'T-score -0.4 is normal (WHO osteopenia -1.0 to -2.5)')
A('evelyn', 'wrong', "UACR 22 mg/g on 10/8/1984 = moderately increased albuminuria (A2).",
  [O('evelyn', 'macr', '1984-10-08')], [v(0, '22'), err(rng(0, 30, 300))], 'UACR 22 is A1 (KDIGO A2 = 30-300 mg/g)')
A('nohemi', 'wrong', "LDL 55 in June 2019 is borderline high.",
  [O('nohemi', 'ldl', '2019-06')], [v(0, '55'), err(rng(0, 130, 160))], f'LDL 55 is optimal; {ATP}')
A('thanh', 'wrong', "HDL 36 (12/6/2017) is in the protective range.",
  [O('thanh', 'hdl', '2017-12-06')], [v(0, '36'), err(cmp(0, '>=', 60))], f'HDL 36 is low; {ATP}')
A('elisha', 'wrong', "Hypertriglyceridemia: TG 147 on 3/24/2021.",
  [O('elisha', 'tg', '2021-03-24')], [v(0, '147'), err(cmp(0, '>=', 150))], f'TG 146.6 is normal; {ATP}')
A('dannie', 'wrong', "Anemic, Hgb 13.7 g/dL in March 2021.",
  [O('dannie', 'hgb', '2021-03')], [v(0, '13.7'), err(cmp(0, '<', 12))], 'Hgb 13.7 in a woman is not anemia (WHO <12 g/dL)')
A('man', 'wrong', "Low HDL (71 mg/dL) on 4/28/2015.",
  [O('man', 'hdl', '2015-04-28')], [v(0, '71'), err(cmp(0, '<', 40))], f'HDL 71 is high; {ATP}')
A('thanh', 'wrong', "LDL 149 on 12/6/2019 is optimal.",
  [O('thanh', 'ldl', '2019-12-06')], [v(0, '149'), err(cmp(0, '<', 100))], f'149 is borderline high; {ATP}')
A('michael', 'wrong', "Hb 15.3 g/dL in Feb 2021 — still anemic.",
  [O('michael', 'hgb', '2021-02')], [v(0, '15.3'), err(cmp(0, '<', 13))], 'Hgb 15.3 in a man is normal (WHO anemia <13)')
A('vito', 'wrong', "BMI 30.2 in Nov 1969, normal weight.",
  [O('vito', 'bmi', '1969-11')], [v(0, '30.2'), err(rng(0, 18.5, 25))], f'30.2 is obese; {WHO}')
A('annmarie', 'wrong', "Your BMI in June 2020 was 30.7, which is in the overweight (not obese) range.",
  [O('annmarie', 'bmi', '2020-06')], [v(0, '30.7'), err(rng(0, 25, 30))], f'30.7 is obese; {WHO}')
A('man', 'wrong', "199/114 on 5/21/2019 — stage 1 hypertension.",
  [BP('man', '2019-05-21')], [bpv(0, 'Systolic', '199'), bpv(0, 'Diastolic', '114'), err(bprng(0, 'Systolic', 130, 140))], f'199/114 is far beyond stage 1 (crisis range); {BP2017}')
A('monika', 'wrong', "Afebrile at the 3/1/2015 strep visit (39.2 °C).",
  [O('monika', 'temp', '2015-03-01')], [v(0, '39.2'), err(cmp(0, '<', 38.0))], '39.2 °C is a fever (>=38.0)')
A('evelyn', 'wrong', "BP 181/100 on 10/8/1984 — at goal.",
  [BP('evelyn', '1984-10-08')], [bpv(0, 'Systolic', '181'), bpv(0, 'Diastolic', '100'), err(bprng(0, 'Systolic', 0, 130))], f'181/100 is stage 2, far above the <130/80 goal; {BP2017}')
A('emilia', 'wrong', "Obese, BMI 27.6 (Feb 2021).",
  [O('emilia', 'bmi', '2021-02')], [v(0, '27.6'), err(cmp(0, '>=', 30))], f'27.6 is overweight; {WHO}')
