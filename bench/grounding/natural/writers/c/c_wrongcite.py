from lib import *
cat = 'wrong-citation'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct (right record cited) ----------------
A('alberto', 'correct', "Weight 63.6 kg on 12/31/2018.", [O('alberto', 'wt', '2018-12-31')], [code(0, 'Body Weight'), v(0, '63.6'), d(0, '2018-12-31')], 'Body Weight 63.56 kg')
A('alberto', 'correct', "SBP 138 on 12/14/2015.", [SBP('alberto', '2015-12-14')], [code(0, 'Systolic'), v(0, '138')], 'systolic component 138.2')
A('andyg', 'correct', "Amoxicillin 250 mg BID started 1/28/2020.", [M('andyg', 'Amoxicillin')], [code(0, 'Amoxicillin 250'), freq(0, 2, 1, 'd'), d(0, '2020-01-28')], 'MedicationRequest amoxicillin 250, 2/day, 2020-01-28')
A('beatrice', 'correct', "Chronic CHF diagnosed 5/27/2012.", [C('beatrice', 'congestive')], [code(0, 'heart failure'), d(0, '2012-05-27')], 'Condition onset 2012-05-27')
A('bryan', 'correct', "A lipid panel was drawn on 3/16/2020.", [DR('bryan', 'Lipid', '2020-03-16')], [code(0, 'Lipid Panel'), d(0, '2020-03-16')], 'DiagnosticReport Lipid Panel 2020-03-16')
A('dannie', 'correct', "CBC drawn 3/18/2021.", [DR('dannie', 'Complete blood count', '2021-03-18')], [code(0, 'Complete blood count'), d(0, '2021-03-18')], 'DiagnosticReport CBC 2021-03-18')
A('deedra', 'correct', "Tdap given 10/2/2015.", [IM('deedra', 'Tdap')], [code(0, 'Tdap'), d(0, '2015-10-02')], 'Immunization Tdap 2015-10-02')
A('elisha', 'correct', "Colonoscopy on 3/7/2018.", [PR('elisha', 'Colonoscopy')], [code(0, 'Colonoscopy'), d(0, '2018-03-07')], 'Procedure 2018-03-07')
A('emilia', 'correct', "Plain chest X-ray on 2/12/2021 during her acute bronchitis.", [PR('emilia', 'chest X-ray'), C('emilia', 'bronchitis', '2021')], [d(0, '2021-02-12'), d(1, '2021-02-12')], 'CXR and bronchitis onset 2021-02-12')
A('erin', 'correct', "Oxycodone 5 mg/APAP 325 mg q6h was started 12/6/2018.", [M('erin', 'oxyCODONE')], [code(0, 'oxyCODONE Hydrochloride 5'), freq(0, 1, 6, 'h'), d(0, '2018-12-06')], 'MedicationRequest 2018-12-06 q6h')
A('evelyn', 'correct', "Cause of death on the certificate: stroke.", [O('evelyn', 'cod', '1985')], [cval(0, 'Stroke')], 'Cause of Death obs value Stroke (1985-02-04)')
A('gale', 'correct', "Weight 12.6 kg on 8/6/2019.", [O('gale', 'wt', '2019-08-06')], [code(0, 'Body Weight'), v(0, '12.6')], 'Body Weight 12.61')
A('jules', 'correct', "DBP 111 on 8/14/2013.", [DBP('jules', '2013-08-14')], [code(0, 'Diastolic'), v(0, '111')], 'diastolic component 111.2')
A('junita', 'correct', "Seen in the ED on 10/17/2020 for an ankle sprain.", [E('junita', '2020-10-17'), C('junita', 'Sprain')], [code(0, 'Emergency'), d(0, '2020-10-17'), d(1, '2020-10-17')], 'EMER encounter + sprain onset 2020-10-17')
A('malcom', 'correct', "Admitted as an inpatient for appendicitis on 10/29/2004.", [E('malcom', '2004-10-29', 'Inpatient')], [code(0, 'Inpatient'), code(0, 'Appendicitis'), d(0, '2004-10-29')], 'IMP encounter with reason Appendicitis')
A('man', 'correct', "A bone density scan was done on 6/5/2011.", [PR('man', 'Bone density')], [code(0, 'Bone density scan'), d(0, '2011-06-05')], 'Procedure 2011-06-05')
A('mathilda', 'correct', "Allergy to tree pollen is documented.", [AL('mathilda', 'tree pollen')], [code(0, 'tree pollen')], 'AllergyIntolerance tree pollen')
A('maurice', 'correct', "Hgb 17.4 g/dL on 2/21/2020.", [O('maurice', 'hgb', '2020-02-21')], [code(0, 'Hemoglobin'), v(0, '17.4')], 'Hgb 17.45')
A('michael', 'correct', "Throat culture done 9/10/2019.", [PR('michael', 'Throat culture')], [code(0, 'Throat culture'), d(0, '2019-09-10')], 'Procedure 2019-09-10')
A('monika', 'correct', "Hand laceration sutured on 10/17/2016.", [PR('monika', 'Suture'), C('monika', 'Laceration')], [code(0, 'Suture'), d(0, '2016-10-17'), d(1, '2016-10-17')], 'suture procedure and laceration 2016-10-17')
A('nohemi', 'correct', "Platelets 157 K/uL on 6/20/2018.", [O('nohemi', 'plt', '2018-06-20')], [code(0, 'Platelets'), v(0, '157')], 'platelets 157.0')
A('oswaldo', 'correct', "Osteoporosis diagnosed 12/3/1996.", [C('oswaldo', 'Osteoporosis')], [code(0, 'Osteoporosis'), d(0, '1996-12-03')], 'Condition onset 1996-12-03')
A('oswaldo', 'correct', "Alendronate 10 mg was started on 12/3/1996.", [M('oswaldo', 'Alendronic')], [code(0, 'Alendronic acid 10'), d(0, '1996-12-03')], 'MedicationRequest authored 1996-12-03')
A('thanh', 'correct', "Hyperlipidemia diagnosed 11/15/2016.", [C('thanh', 'Hyperlipidemia')], [code(0, 'Hyperlipidemia'), d(0, '2016-11-15')], 'Condition onset 2016-11-15')
A('tyrell', 'correct', "Oral temp 37.2 °C on 4/23/2020.", [O('tyrell', 'temp', '2020-04-23')], [code(0, 'temperature'), v(0, '37.2')], 'temp 37.24')
A('vito', 'correct', "Prostate biopsy performed 1/1/1973.", [PR('vito', 'Biopsy of prostate', '1973')], [code(0, 'Biopsy of prostate'), d(0, '1973-01-01')], 'Procedure 1973-01-01')
A('evelyn', 'correct', "Metformin ER was started 7/22/1963.", [M('evelyn', 'Metformin')], [code(0, 'Metformin'), d(0, '1963-07-22')], 'MedicationRequest authored 1963-07-22')
A('andys', 'correct', "Temp 37.5 °C at the 5/16/2019 pharyngitis visit.", [O('andys', 'temp', '2019-05-16'), C('andys', 'pharyngitis')], [v(0, '37.5'), d(1, '2019-05-16')], 'temp 37.51; pharyngitis onset 2019-05-16')
A('annmarie', 'correct', "Td booster given 6/2/2015.", [IM('annmarie', 'Td')], [code(0, 'Td (adult)'), d(0, '2015-06-02')], 'Immunization Td 2015-06-02')
A('vito', 'correct', "PSA was 7.7 ng/mL on 1/1/1973.", [O('vito', 'psa', '1973-01-01')], [code(0, 'Prostate specific Ag'), v(0, '7.7')], 'PSA 7.685')

# ---------------- wrong (true fact, wrong record cited) ----------------
A('alberto', 'wrong', "Wt 63.6 kg (12/31/2018).", [O('alberto', 'ht', '2018-12-31')],
  [meta(obs_exists('wt', '2018-12-31', '63.6')), err(code(0, 'Body Weight')), err(v(0, '63.6'))], 'true (Body Weight 63.56) but the cited record is the Body Height obs (173 cm)')
A('alberto', 'wrong', "Systolic 138 on 12/14/2015.", [DBP('alberto', '2015-12-14')],
  [err(code(0, 'Systolic')), err(v(0, '138'))], 'true, but cites component #0 (diastolic 74.9) instead of systolic #1')
A('andyg', 'wrong', "Amoxicillin 250 mg BID started 1/28/2020 (see order).", [C('andyg', 'Otitis', '2020-01')],
  [meta(present('Amoxicillin 250')), err(code(0, 'Amoxicillin'))], 'cites the otitis Condition, which does not contain the prescription')
A('beatrice', 'wrong', "Chronic CHF, diagnosed 5/27/2012.", [M('beatrice', 'Lasix')],
  [err(code(0, 'heart failure')), err(d(0, '2012-05-27'))], 'cites the Lasix order (2012-06-17), not the CHF Condition')
A('bryan', 'wrong', "Lipid panel drawn on 3/16/2020.", [DR('bryan', 'Complete blood count', '2020-03-16')],
  [d(0, '2020-03-16'), err(code(0, 'Lipid'))], 'cites the CBC report from that day, not the Lipid Panel report')
A('dannie', 'wrong', "CBC obtained 3/18/2021.", [DR('dannie', 'Lipid', '2021-03-18')],
  [d(0, '2021-03-18'), err(code(0, 'Complete blood count'))], 'cites the Lipid Panel report, not the CBC report')
A('deedra', 'wrong', "Tdap administered 10/2/2015.", [IM('deedra', 'HPV', '2015-10-02')],
  [d(0, '2015-10-02'), err(code(0, 'Tdap'))], 'cites the HPV immunization from the same day')
A('elisha', 'wrong', "Colonoscopy performed 3/7/2018.", [IM('elisha', 'zoster', '2018-03-07')],
  [d(0, '2018-03-07'), err(code(0, 'Colonoscopy'))], 'cites a zoster Immunization, not the Procedure')
A('emilia', 'wrong', "Chest X-ray on 2/12/2021.", [M('emilia', 'Acetaminophen', '2021-02-12')],
  [d(0, '2021-02-12'), err(code(0, 'X-ray'))], 'cites the acetaminophen order from that date')
A('erin', 'wrong', "Oxycodone/APAP q6h started 12/6/2018.", [PR('erin', 'manipulation')],
  [d(0, '2018-12-06'), err(code(0, 'oxyCODONE'))], 'cites the knee-manipulation Procedure, not the MedicationRequest')
A('evelyn', 'wrong', "Last BP before death: 181/100 (10/8/1984).", [BP('evelyn', '1984-06-11')],
  [meta(present('1984-10-08')), err(d(0, '1984-10-08')), err(bpv(0, 'Diastolic', '100'))], 'true of the 1984-10-08 panel, but the cited BP panel is from 1984-06-11 (182/108)')
A('gale', 'wrong', "Gale weighed 12.6 kg at the 8/6/2019 visit.", [O('gale', 'bmi', '2019-08-06')],
  [meta(obs_exists('wt', '2019-08-06', '12.6')), err(code(0, 'Body Weight')), err(v(0, '12.6'))], 'cites the BMI obs (16.4) instead of weight')
A('jules', 'wrong', "Diastolic 111 mmHg on 8/14/2013.", [SBP('jules', '2013-08-14')],
  [err(code(0, 'Diastolic')), err(v(0, '111'))], 'cites the systolic component (179.5)')
A('junita', 'wrong', "ED visit 10/17/2020 for an ankle sprain.", [C('junita', 'Sprain'), M('junita', 'Acetaminophen')],
  [d(0, '2020-10-17'), err(code(1, 'Emergency'))], 'ED visit is in the Encounter, which is not cited (condition + acetaminophen order cited)')
A('malcom', 'wrong', "Inpatient admission for appendicitis 10/29/2004.", [E('malcom', '2004-10-29', 'Emergency')],
  [code(0, 'Appendicitis'), err(code(0, 'Inpatient'))], 'cites the ER encounter, not the inpatient encounter')
A('man', 'wrong', "Bone density scan 6/5/2011.", [PR('man', 'Clavicle X-ray')],
  [d(0, '2011-06-05'), err(code(0, 'Bone density'))], 'cites the clavicle X-ray procedure')
A('mathilda', 'wrong', "Documented allergy to tree pollen.", [AL('mathilda', 'grass pollen')],
  [err(code(0, 'tree pollen'))], 'cites the grass-pollen allergy')
A('maurice', 'wrong', "Hemoglobin 17.4 g/dL on 2/21/2020.", [O('maurice', 'hct', '2020-02-21')],
  [meta(obs_exists('hgb', '2020-02-21', '17.4')), err(code(0, 'Hemoglobin')), err(v(0, '17.4'))], 'cites the hematocrit (46.0 %)')
A('michael', 'wrong', "Throat culture obtained 9/10/2019.", [C('michael', 'pharyngitis')],
  [d(0, '2019-09-10'), err(code(0, 'Throat culture'))], 'cites the pharyngitis Condition, not the Procedure')
A('monika', 'wrong', "Laceration sutured 10/17/2016.", [M('monika', 'Acetaminophen')],
  [d(0, '2016-10-17'), err(code(0, 'Suture'))], 'cites the acetaminophen order')
A('nohemi', 'wrong', "Plt 157 on 6/20/2018.", [O('nohemi', 'wbc', '2018-06-20')],
  [meta(obs_exists('plt', '2018-06-20', '157')), err(code(0, 'Platelets')), err(v(0, '157'))], 'cites the WBC obs (9.27)')
A('oswaldo', 'wrong', "Per the chart, osteoporosis was diagnosed on 12/3/1996.", [M('oswaldo', 'Alendronic')],
  [d(0, '1996-12-03'), err(code(0, 'Osteoporosis'))], 'cites the alendronate order, not the Condition')
A('oswaldo', 'wrong', "Started alendronate 10 mg on 12/3/1996.", [C('oswaldo', 'Osteoporosis')],
  [d(0, '1996-12-03'), err(code(0, 'Alendronic'))], 'cites the osteoporosis Condition, not the MedicationRequest')
A('thanh', 'wrong', "HLD dx 11/15/2016.", [M('thanh', 'Simvistatin', '2016')],
  [err(d(0, '2016-11-15')), err(code(0, 'Hyperlipidemia'))], 'cites the simvastatin order (2016-12-06)')
A('tyrell', 'wrong', "T 37.2 C on 4/23/2020, the day of his viral pharyngitis.", [C('tyrell', 'pharyngitis')],
  [meta(obs_exists('temp', '2020-04-23', '37.2')), d(0, '2020-04-23'), err(v(0, '37.2'))], 'cites the pharyngitis Condition, which has no temperature')
A('vito', 'wrong', "Prostate biopsy on 1/1/1973.", [O('vito', 'psa', '1973-01-01')],
  [d(0, '1973-01-01'), err(code(0, 'Biopsy'))], 'cites the PSA result, not the biopsy Procedure')
A('evelyn', 'wrong', "Metformin ER started 7/22/1963.", [C('evelyn', 'Diabetes', '1963')],
  [d(0, '1963-07-22'), err(code(0, 'Metformin'))], 'cites the Diabetes Condition, not the MedicationRequest')
A('andys', 'wrong', "Temperature 37.5 °C at the 5/16/2019 pharyngitis visit.", [C('andys', 'pharyngitis')],
  [meta(obs_exists('temp', '2019-05-16', '37.5')), d(0, '2019-05-16'), err(v(0, '37.5'))], 'temperature is in an Observation that is not cited')
A('annmarie', 'wrong', "Td booster 6/2/2015.", [IM('annmarie', 'Influenza', '2015-06-02')],
  [d(0, '2015-06-02'), err(code(0, 'Td (adult)'))], 'cites the influenza immunization given the same day')
A('vito', 'wrong', "PSA 7.7 ng/mL on 1/1/1973.", [O('vito', 'psa', '1976-09-13')],
  [meta(obs_exists('psa', '1973-01-01', '7.7')), err(d(0, '1973-01-01')), err(v(0, '7.7'))], 'cites the 1976 PSA (6.66)')
