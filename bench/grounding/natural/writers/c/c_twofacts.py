from lib import *
cat = 'two-facts'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('alberto', 'correct', "Strep throat on 3/28/2016 was treated with penicillin V 250 mg.",
  [C('alberto', 'Streptococcal'), M('alberto', 'Penicillin')], [d(0, '2016-03-28'), code(1, 'Penicillin V Potassium 250'), reason(1, 'Streptococcal')], 'strep onset 2016-03-28; Pen VK 250 with reasonReference strep')
A('andyg', 'correct', "Acute bronchitis on 29 Jan 2020, and respiratory function was measured at that visit.",
  [C('andyg', 'bronchitis'), PR('andyg', 'respiratory function')], [d(0, '2020-01-29'), d(1, '2020-01-29')], 'bronchitis onset and procedure both 2020-01-29')
A('andys', 'correct', "He is a former smoker, and his HDL was 62 mg/dL in Feb 2019.",
  [O('andys', 'smoke', '2021'), O('andys', 'hdl', '2019-02')], [cval(0, 'Former smoker'), v(1, '62')], 'smoking status Former smoker (latest 2021-02-25); HDL 62.02 on 2019-02-14')
A('annmarie', 'correct', "Never smoker, and her BMI was 30.7 at the June 2020 visit.",
  [O('annmarie', 'smoke', '2020-06'), O('annmarie', 'bmi', '2020-06')], [cval(0, 'Never'), v(1, '30.7')], 'Never smoker 2020-06-30; BMI 30.69')
A('beatrice', 'correct', "During the 2012 heart-failure workup: NT-proBNP 775 pg/mL and LVEF 38%.",
  [O('beatrice', 'bnp', '2012-05-27'), O('beatrice', 'ef', '2012-06-17', n=0), C('beatrice', 'congestive')], [v(0, '775'), v(1, '38'), d(0, '2012'), d(1, '2012'), d(2, '2012-05-27')], 'NT-proBNP 775 (2012-05-27); EF 38.x % (2012-06-17)')
A('bryan', 'correct', "For the 9/3/2018 stroke he received alteplase and was started on clopidogrel 75 mg.",
  [C('bryan', 'Stroke'), M('bryan', 'Alteplase'), M('bryan', 'Clopidogrel')], [d(0, '2018-09-03'), d(1, '2018-09-03'), d(2, '2018-09-03'), code(2, 'Clopidogrel 75')], 'stroke onset, alteplase and clopidogrel orders all 2018-09-03')
A('dannie', 'correct', "Td booster on 3/12/2015; LDL at that visit was 68.7.",
  [IM('dannie', 'Td'), O('dannie', 'ldl', '2015-03-12')], [d(0, '2015-03-12'), v(1, '68.7')], 'Td 2015-03-12; LDL 68.74')
A('deedra', 'correct', "Tdap and an HPV dose were both given on 10/2/2015.",
  [IM('deedra', 'Tdap'), IM('deedra', 'HPV', '2015-10-02')], [d(0, '2015-10-02'), d(1, '2015-10-02'), count('HPV', 'Immunization', 3)], 'Tdap and HPV quadrivalent 2015-10-02 (earliest of 3 HPV doses)')
A('elisha', 'correct', "Forearm fracture on 14 Aug 2017, with bone immobilization the same day.",
  [C('elisha', 'Fracture of forearm'), PR('elisha', 'immobilization')], [d(0, '2017-08-14'), d(1, '2017-08-14')], 'fracture onset and immobilization procedure 2017-08-14')
A('emilia', 'correct', "PCV13 given Jan 2012; Td given Jan 2015.",
  [IM('emilia', 'Pneumococcal'), IM('emilia', 'Td')], [d(0, '2012-01'), d(1, '2015-01')], 'PCV13 2012-01-13; Td 2015-01-30')
A('erin', 'correct', "Knee X-ray on 11/29/2018, then surgical manipulation of the knee joint on 12/6/2018.",
  [PR('erin', 'Knee X-ray'), PR('erin', 'manipulation')], [d(0, '2018-11-29'), d(1, '2018-12-06')], 'procedures 2018-11-29 and 2018-12-06')
A('evelyn', 'correct', "On 16 Jan 1984 her HbA1c was 3.0% and eGFR 42.",
  [O('evelyn', 'a1c', '1984-01-16'), O('evelyn', 'egfr', '1984-01-16')], [v(0, '3.0'), v(1, '42')], 'A1c 3.036; eGFR 42.15')
A('gale', 'correct', "MMR and varicella vaccines were both given on May 8, 2018.",
  [IM('gale', 'MMR'), IM('gale', 'varicella')], [d(0, '2018-05-08'), d(1, '2018-05-08')], 'both immunizations 2018-05-08')
A('jules', 'correct', "BP was 179/111 on 8/14/2013, the day hypertension was diagnosed.",
  [BP('jules', '2013-08-14'), C('jules', 'Hypertension')], [bpv(0, 'Systolic', '179'), bpv(0, 'Diastolic', '111'), d(1, '2013-08-14')], 'BP 179.5/111.2 on 2013-08-14 = HTN onset date')
A('junita', 'correct', "Junita got a hepatitis B shot on 10/23/2019 and weighed 3.76 kg that day.",
  [IM('junita', 'Hep B', '2019-10-23'), O('junita', 'wt', '2019-10-23')], [d(0, '2019-10-23'), v(1, '3.76')], 'Hep B 2019-10-23 (first of 3); weight 3.764 kg')
A('malcom', 'correct', "Colonoscopies: Nov 2014 and Nov 2019.",
  [PR('malcom', 'Colonoscopy', '2014'), PR('malcom', 'Colonoscopy', '2019')], [d(0, '2014-11'), d(1, '2019-11'), count('Colonoscopy', 'Procedure', 2)], 'Colonoscopy 2014-11-07 and 2019-11-06')
A('man', 'correct', "Former smoker with hypertension since 1967.",
  [O('man', 'smoke', '2020'), C('man', 'Hypertension')], [cval(0, 'Former'), d(1, '1967')], 'Former smoker (2020-05-26); HTN onset 1967-08-22')
A('mathilda', 'correct', "Allergies recorded 12/5/2007 include bee venom and wheat.",
  [AL('mathilda', 'bee venom'), AL('mathilda', 'wheat')], [d(0, '2007-12-05'), d(1, '2007-12-05')], 'AllergyIntolerance bee venom and wheat, recorded 2007-12-05')
A('maurice', 'correct', "Depo-Provera was ordered on 2/27/2020 and an IM injection given the same day.",
  [M('maurice', 'medroxyprogesterone'), PR('maurice', 'Intramuscular', '2020-02-27')], [d(0, '2020-02-27'), d(1, '2020-02-27')], 'medroxyprogesterone order and IM injection procedure 2020-02-27')
A('michael', 'correct', "At your 2/26/2021 visit you received the hepatitis A vaccine, and your hemoglobin was 15.3.",
  [IM('michael', 'Hep A'), O('michael', 'hgb', '2021-02-26')], [d(0, '2021-02-26'), v(1, '15.3')], 'Hep A adult 2021-02-26; Hgb 15.30')
A('monika', 'correct', "Asthma diagnosed 11/22/2006; albuterol MDI prescribed the same day.",
  [C('monika', 'asthma'), M('monika', 'Albuterol')], [d(0, '2006-11-22'), d(1, '2006-11-22')], 'both 2006-11-22')
A('nohemi', 'correct', "PCV13 on 6/8/2016 followed by PPSV23 on 6/14/2017.",
  [IM('nohemi', 'conjugate'), IM('nohemi', 'polysaccharide')], [d(0, '2016-06-08'), d(1, '2017-06-14')], 'PCV13 2016-06-08; PPSV23 2017-06-14')
A('oswaldo', 'correct', "Q: Is his osteoporosis treated? A: Yes — diagnosed Dec 1996 and on alendronate 10 mg since then.",
  [C('oswaldo', 'Osteoporosis'), M('oswaldo', 'Alendronic')], [d(0, '1996-12'), d(1, '1996-12'), code(1, '10 MG'), st(1, 'active')], 'osteoporosis onset 1996-12-03; alendronate 10 mg authored same day, active')
A('thanh', 'correct', "HTN since 1989; BP 195/103 in Nov 2016.",
  [C('thanh', 'Hypertension'), BP('thanh', '2016-11')], [d(0, '1989'), bpv(1, 'Systolic', '195'), bpv(1, 'Diastolic', '103')], 'HTN onset 1989-06-20; BP 194.6/102.7 on 2016-11-15')
A('tyrell', 'correct', "Ankle sprain 5/31/2020 seen in the ED, discharged with naproxen 220 mg prn.",
  [C('tyrell', 'Sprain'), E('tyrell', '2020-05-31'), M('tyrell', 'Naproxen')], [d(0, '2020-05-31'), code(1, 'Emergency'), code(2, 'Naproxen sodium 220'), prn(2)], 'sprain and ED encounter 2020-05-31; naproxen 220 prn')
A('vito', 'correct', "Prostate biopsy on 11/7/1977 was abnormal, and metastatic disease was diagnosed that same day.",
  [O('vito', 'biopsy', '1977-11-07'), C('vito', 'Metastasis')], [cval(0, 'abnormal'), d(1, '1977-11-07')], 'biopsy result abnormal 1977-11-07; metastasis onset 1977-11-07')
A('vito', 'correct', "11/7/1977: PSA 4.5 ng/mL and prostate enlarged on DRE.",
  [O('vito', 'psa', '1977-11-07'), O('vito', 'prostate', '1977-11-07')], [v(0, '4.5'), cval(1, 'Prostate enlarged')], 'PSA 4.524; Physical findings of Prostate = Prostate enlarged on PR')
A('evelyn', 'correct', "Dipstick on 12/29/1975 showed urine protein + and glucose ++.",
  [O('evelyn', 'Protein [Presence] in Urine by Test strip', '1975-12-29'), O('evelyn', 'Glucose [Presence] in Urine by Test strip', '1975-12-29')],
  [cval(0, 'protein test = +'), cval(1, 'glucose test = ++')], 'urine protein + ; urine glucose ++')
A('beatrice', 'correct', "Alzheimer's diagnosed in 2006 and listed as the cause of death on the 4/7/2013 certificate.",
  [C('beatrice', 'Alzheimer'), O('beatrice', 'cod', '2013')], [d(0, '2006'), cval(1, 'Alzheimer'), d(1, '2013-04-07')], 'AD onset 2006-07-02; cause of death obs 2013-04-07 = Alzheimer disease')
A('thanh', 'correct', "LFTs 12/5/2020: ALT 43, AST 31.",
  [O('thanh', 'alt', '2020-12-05'), O('thanh', 'ast', '2020-12-05')], [v(0, '43'), v(1, '31')], 'ALT 43.32, AST 31.46')

# ---------------- wrong ----------------
A('alberto', 'wrong', "Strep throat on 3/28/2016 was treated with amoxicillin.",
  [C('alberto', 'Streptococcal'), M('alberto', 'Penicillin')], [d(0, '2016-03-28'), err(code(1, 'Amoxicillin'))], 'antibiotic was penicillin V, not amoxicillin')
A('andyg', 'wrong', "Acute bronchitis 1/29/2020, treated with acetaminophen 160 mg.",
  [C('andyg', 'bronchitis'), M('andyg', 'Acetaminophen 325')], [d(0, '2020-01-29'), err(code(1, '160 MG'))], 'the bronchitis acetaminophen was 325 mg (160 mg was for the otitis the day before)')
A('andys', 'wrong', "He is a former smoker, and his HDL was 71 mg/dL in Feb 2019.",
  [O('andys', 'smoke', '2021'), O('andys', 'hdl', '2019-02')], [cval(0, 'Former'), err(v(1, '71'))], 'HDL Feb 2019 = 62.0 (71 was 2013)')
A('annmarie', 'wrong', "Never smoker; BMI 28.4 at the June 2020 visit.",
  [O('annmarie', 'smoke', '2020-06'), O('annmarie', 'bmi', '2020-06')], [cval(0, 'Never'), err(v(1, '28.4'))], 'BMI June 2020 = 30.7 (28.4 was 2016)')
A('beatrice', 'wrong', "2012 heart-failure workup: LVEF 38% and NT-proBNP 1775 pg/mL.",
  [O('beatrice', 'ef', '2012-06-17', n=0), O('beatrice', 'bnp', '2012-05-27'), C('beatrice', 'congestive')], [v(0, '38'), err(v(1, '1775')), d(2, '2012')], 'NT-proBNP 775')
A('bryan', 'wrong', "After the 9/3/2018 stroke he got alteplase and was started on warfarin.",
  [C('bryan', 'Stroke'), M('bryan', 'Alteplase'), M('bryan', 'Clopidogrel')], [d(1, '2018-09-03'), err(code(2, 'warfarin'))], 'the antithrombotic started was clopidogrel, no warfarin')
A('dannie', 'wrong', "Td booster 3/12/2015; LDL at that visit 86.3.",
  [IM('dannie', 'Td'), O('dannie', 'ldl', '2015-03-12')], [d(0, '2015-03-12'), err(v(1, '86.3'))], 'LDL 2015-03-12 = 68.7 (86.3 was 2012)')
A('deedra', 'wrong', "Tdap and MMR were given on 10/2/2015.",
  [IM('deedra', 'Tdap'), IM('deedra', 'HPV', '2015-10-02')], [d(0, '2015-10-02'), err(code(1, 'MMR'))], 'the other vaccine that day was HPV (and meningococcal), not MMR')
A('elisha', 'wrong', "Forearm fracture 8/14/2017, treated with open surgical fixation that day.",
  [C('elisha', 'Fracture of forearm'), PR('elisha', 'immobilization')], [d(0, '2017-08-14'), err(code(1, 'fixation'))], 'procedure was bone immobilization, not surgical fixation')
A('emilia', 'wrong', "PCV13 in Jan 2012; Td in Jan 2016.",
  [IM('emilia', 'Pneumococcal'), IM('emilia', 'Td')], [d(0, '2012-01'), err(d(1, '2016-01'))], 'Td given 2015-01-30')
A('erin', 'wrong', "Knee X-ray 11/29/2018, then surgical manipulation of the knee on 12/16/2018.",
  [PR('erin', 'Knee X-ray'), PR('erin', 'manipulation')], [d(0, '2018-11-29'), err(d(1, '2018-12-16'))], 'manipulation was 2018-12-06')
A('evelyn', 'wrong', "On 16 Jan 1984: HbA1c 3.0% and eGFR 24.",
  [O('evelyn', 'a1c', '1984-01-16'), O('evelyn', 'egfr', '1984-01-16')], [v(0, '3.0'), err(v(1, '24'))], 'eGFR 42.1 (digits reversed)')
A('gale', 'wrong', "MMR and varicella vaccines on May 8, 2019.",
  [IM('gale', 'MMR'), IM('gale', 'varicella')], [err(d(0, '2019-05-08')), err(d(1, '2019-05-08'))], 'both given 2018-05-08')
A('jules', 'wrong', "BP 179/111 on 8/14/2013, a year before hypertension was diagnosed.",
  [BP('jules', '2013-08-14'), C('jules', 'Hypertension')], [bpv(0, 'Systolic', '179'), bpv(0, 'Diastolic', '111'), err(d(1, '2014-08'))], 'HTN was diagnosed the same day, 2013-08-14')
A('junita', 'wrong', "Hep B shot on 10/23/2019; weight 4.76 kg that day.",
  [IM('junita', 'Hep B', '2019-10-23'), O('junita', 'wt', '2019-10-23')], [d(0, '2019-10-23'), err(v(1, '4.76'))], 'weight 3.76 kg')
A('malcom', 'wrong', "You have had two colonoscopies, in Nov 2014 and Nov 2018.",
  [PR('malcom', 'Colonoscopy', '2014'), PR('malcom', 'Colonoscopy', '2019')], [d(0, '2014-11'), err(d(1, '2018-11'))], 'second colonoscopy 2019-11-06')
A('man', 'wrong', "Never smoker with hypertension since 1967.",
  [O('man', 'smoke', '2020'), C('man', 'Hypertension')], [err(cval(0, 'Never')), d(1, '1967')], 'smoking status is Former smoker')
A('mathilda', 'wrong', "Allergic to bee venom and peanuts.",
  [AL('mathilda', 'bee venom')], [code(0, 'bee venom'), err(present('peanut'))], 'bee venom yes; no peanut allergy anywhere in the chart (allergies: bee venom, mould, dander, grass/tree pollen, wheat)')
A('maurice', 'wrong', "Depo-Provera ordered 2/27/2020 and later switched to Seasonique in Feb 2020.",
  [M('maurice', 'medroxyprogesterone'), M('maurice', 'Seasonique')], [d(0, '2020-02-27'), err(d(1, '2020-02'))], 'Seasonique authored 2021-02-21')
A('michael', 'wrong', "At your 2/26/2021 visit you got the hepatitis A vaccine; your hemoglobin was 12.7.",
  [IM('michael', 'Hep A'), O('michael', 'hgb', '2021-02-26')], [d(0, '2021-02-26'), err(v(1, '12.7'))], 'Hgb 15.3 (12.7 was 2015)')
A('monika', 'wrong', "Asthma diagnosed 11/22/2006; montelukast started the same day.",
  [C('monika', 'asthma'), M('monika', 'Fluticasone')], [d(0, '2006-11-22'), err(code(1, 'montelukast'))], 'started fluticasone + albuterol, no montelukast')
A('nohemi', 'wrong', "Your pneumonia vaccines: PCV13 on 6/8/2016 and PPSV23 on 6/14/2018.",
  [IM('nohemi', 'conjugate'), IM('nohemi', 'polysaccharide')], [d(0, '2016-06-08'), err(d(1, '2018-06-14'))], 'PPSV23 2017-06-14')
A('oswaldo', 'wrong', "Osteoporosis dx Dec 1996, on risedronate since.",
  [C('oswaldo', 'Osteoporosis'), M('oswaldo', 'Alendronic')], [d(0, '1996-12'), err(code(1, 'risedronate'))], 'bisphosphonate is alendronate')
A('thanh', 'wrong', "HTN since 1989; BP 159/103 in Nov 2016.",
  [C('thanh', 'Hypertension'), BP('thanh', '2016-11')], [d(0, '1989'), err(bpv(1, 'Systolic', '159')), bpv(1, 'Diastolic', '103')], 'systolic 195 (digits swapped)')
A('tyrell', 'wrong', "Ankle sprain 5/31/2020 (ED), sent home on ibuprofen.",
  [C('tyrell', 'Sprain'), M('tyrell', 'Naproxen')], [d(0, '2020-05-31'), err(code(1, 'Ibuprofen'))], 'NSAID was naproxen')
A('vito', 'wrong', "Prostate biopsy on 11/7/1977 was normal; metastasis diagnosed the same day.",
  [O('vito', 'biopsy', '1977-11-07'), C('vito', 'Metastasis')], [err(cval(0, 'result normal')), d(1, '1977-11-07')], 'biopsy result abnormal')
A('vito', 'wrong', "11/7/1977: PSA 4.5 and a normal-size prostate on exam.",
  [O('vito', 'psa', '1977-11-07'), O('vito', 'prostate', '1977-11-07')], [v(0, '4.5'), err(cval(1, 'Normal size'))], 'exam: prostate enlarged on PR')
A('evelyn', 'wrong', "Dipstick 12/29/1975: urine protein + but glucose negative.",
  [O('evelyn', 'Protein [Presence] in Urine by Test strip', '1975-12-29'), O('evelyn', 'Glucose [Presence] in Urine by Test strip', '1975-12-29')],
  [cval(0, 'protein test = +'), err(cval(1, 'negative'))], 'urine glucose ++')
A('beatrice', 'wrong', "Alzheimer's diagnosed 2006; cause of death recorded as heart failure.",
  [C('beatrice', 'Alzheimer'), O('beatrice', 'cod', '2013')], [d(0, '2006'), err(cval(1, 'heart failure'))], "cause of death is Alzheimer's disease")
A('thanh', 'wrong', "LFTs 12/5/2020: ALT 43, AST 13.",
  [O('thanh', 'alt', '2020-12-05'), O('thanh', 'ast', '2020-12-05')], [v(0, '43'), err(v(1, '13'))], 'AST 31.5 (digits reversed)')
