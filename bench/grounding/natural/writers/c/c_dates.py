from lib import *
cat = 'dates'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('alberto', 'correct', "Alberto was seen in the ED for an ankle sprain on 14 July 2020.",
  [C('alberto', 'Sprain of ankle'), E('alberto', '2020-07-14')], [code(0, 'Sprain of ankle'), d(0, '2020-07-14'), code(1, 'Emergency'), d(1, '2020-07-14')], 'Condition onset 2020-07-14; EMER encounter same day')
A('andyg', 'correct', "Otitis media dx 1/28/2020 → amoxicillin 250 started the same day.",
  [C('andyg', 'Otitis', '2020-01'), M('andyg', 'Amoxicillin')],
  [code(0, 'Otitis media'), d(0, '2020-01-28'), code(1, 'Amoxicillin 250'), d(1, '2020-01-28')], 'onset and authoredOn both 2020-01-28')
A('annmarie', 'correct', "Strep pharyngitis on 07/05/2012, treated with penicillin V 500 mg.",
  [C('annmarie', 'Streptococcal'), M('annmarie', 'Penicillin')],
  [d(0, '2012-07-05'), code(1, 'Penicillin V Potassium 500'), d(1, '2012-07-05')], 'Condition onset 2012-07-05; Pen VK 500 authored same date')
A('beatrice', 'correct', "Chronic CHF was diagnosed on May 27th, 2012.",
  [C('beatrice', 'congestive')], [code(0, 'congestive heart failure'), d(0, '2012-05-27')], 'Condition onset 2012-05-27')
A('bryan', 'correct', "Pre-visit brief: Mr. Breitenberg's chart records a stroke with onset on 2018-09-03.",
  [C('bryan', 'Stroke')], [d(0, '2018-09-03')], 'Condition Stroke onset 2018-09-03')
A('dannie', 'correct', "Her 2020 bout of viral sinusitis began on 14/03/2020.",
  [C('dannie', 'Viral sinusitis', '2020')], [d(0, '2020-03-14'), code(0, 'sinusitis')],
  'Viral sinusitis onset 2020-03-14 (later than the 2017 episode; the 2000 chronic sinusitis is a chronic condition, not an infection episode start)')
A('deedra', 'correct', "Natazia (estradiol valerate/dienogest) was prescribed in February 2018.",
  [M('deedra', 'Natazia')], [d(0, '2018-02')], 'MedicationRequest Natazia authoredOn 2018-02-09')
A('elisha', 'correct', "Q: When was the hip osteoarthritis first recorded? A: On 23 Feb 2016.",
  [C('elisha', 'Osteoarthritis')], [d(0, '2016-02-23')], 'Condition onset 2016-02-23')
A('erin', 'correct', "MCL injury of the knee, onset Nov. 29, 2018.",
  [C('erin', 'medial collateral')], [d(0, '2018-11-29')], 'Condition onset 2018-11-29')
A('evelyn', 'correct', "Her chart documents a stroke on 01/28/1985.",
  [C('evelyn', 'Stroke')], [d(0, '1985-01-28')], 'Condition Stroke onset 1985-01-28')
A('gale', 'correct', "Otitis media from 3/23/19, resolved by 8/6/19.",
  [C('gale', 'Otitis')], [d(0, '2019-03-23'), ab(0, '2019-08-06')], 'onset 2019-03-23, abatement 2019-08-06')
A('jules', 'correct', "HTN dx'd 8/14/13; HCTZ 25 mg started that day.",
  [C('jules', 'Hypertension'), M('jules', 'Hydrochlorothiazide')],
  [d(0, '2013-08-14'), d(1, '2013-08-14'), code(1, '25 MG')], 'HTN onset and HCTZ authoredOn 2013-08-14')
A('junita', 'correct', "Dear parent: our records show Junita sprained her ankle on October 17, 2020.",
  [C('junita', 'Sprain')], [d(0, '2020-10-17')], 'Condition onset 2020-10-17')
A('malcom', 'correct', "Appendicitis in late October 2004 (29 Oct), now listed as history of appendectomy.",
  [C('malcom', 'Appendicitis'), C('malcom', 'History of appendectomy')],
  [d(0, '2004-10-29'), d(1, '2004-10-29')], 'both conditions onset 2004-10-29')
A('man', 'correct', "Clavicle fracture on June 5, 2011 (clavicle X-ray same day).",
  [C('man', 'clavicle'), PR('man', 'Clavicle X-ray')], [d(0, '2011-06-05'), d(1, '2011-06-05')], 'Condition onset and Procedure 2011-06-05')
A('mathilda', 'correct', "Seasonal allergic rhinitis on the problem list since 2011-08-06.",
  [C('mathilda', 'Seasonal allergic')], [d(0, '2011-08-06'), st(0, 'active')], 'Condition onset 2011-08-06, active')
A('maurice', 'correct', "Depo-Provera (medroxyprogesterone 150 mg/mL) was ordered on 27 February 2020.",
  [M('maurice', 'medroxyprogesterone')], [d(0, '2020-02-27'), code(0, '150 MG/ML')], 'authoredOn 2020-02-27')
A('michael', 'correct', "Your sore throat on 10 Sept 2019 was diagnosed as acute viral pharyngitis.",
  [C('michael', 'pharyngitis')], [d(0, '2019-09-10')], 'Condition onset 2019-09-10')
A('monika', 'correct', "You were started on Levora (levonorgestrel/ethinyl estradiol) on October 22, 2020.",
  [M('monika', 'Levora')], [d(0, '2020-10-22')], 'authoredOn 2020-10-22')
A('nohemi', 'correct', "Q: When did the hand arthritis start? A: Localized primary osteoarthritis of the hand was recorded with onset Feb 26, 2016.",
  [C('nohemi', 'osteoarthritis')], [d(0, '2016-02-26')], 'Condition onset 2016-02-26')
A('oswaldo', 'correct', "Concussion without LOC on 18.01.2015.",
  [C('oswaldo', 'Concussion')], [d(0, '2015-01-18')], 'Condition onset 2015-01-18 (DD.MM.YYYY, unambiguous)')
A('thanh', 'correct', "Impacted molars noted on 26 June 2016; a wisdom tooth was extracted that day.",
  [C('thanh', 'Impacted'), PR('thanh', 'wisdom')], [d(0, '2016-06-26'), d(1, '2016-06-26')], 'Condition onset and Procedure date 2016-06-26')
A('tyrell', 'correct', "Throat culture done 04/23/2020 for acute viral pharyngitis.",
  [PR('tyrell', 'Throat culture'), C('tyrell', 'pharyngitis')], [d(0, '2020-04-23'), d(1, '2020-04-23')], 'Procedure and Condition both 2020-04-23')
A('vito', 'correct', "Metastatic prostate cancer was diagnosed on 7 November 1977.",
  [C('vito', 'Metastasis')], [d(0, '1977-11-07')], 'Condition onset 1977-11-07')
A('evelyn', 'correct', "CKD stage 1 first appears on December 29, 1975, alongside diabetic renal disease.",
  [C('evelyn', 'Chronic kidney'), C('evelyn', 'Diabetic renal')], [d(0, '1975-12-29'), d(1, '1975-12-29')], 'both onset 1975-12-29')
A('alberto', 'correct', "Immunization history shows a Tdap dose given on Dec 8, 2014.",
  [IM('alberto', 'Tdap')], [d(0, '2014-12-08')], 'Immunization Tdap occurrence 2014-12-08')
A('vito', 'correct', "PSA drawn 1 Jan 1973 came back at 7.7 ng/mL.",
  [O('vito', 'psa', '1973-01-01')], [d(0, '1973-01-01'), v(0, '7.7')], 'PSA 1973-01-01 = 7.685 ng/mL')
A('man', 'correct', "PPSV23 (pneumococcal polysaccharide) was administered in April 2015.",
  [IM('man', 'polysaccharide')], [d(0, '2015-04')], 'Immunization 2015-04-28')
A('nohemi', 'correct', "Colonoscopies on record: 10 Mar 2016 and 9 Mar 2021.",
  [PR('nohemi', 'Colonoscopy', '2016'), PR('nohemi', 'Colonoscopy', '2021')], [d(0, '2016-03-10'), d(1, '2021-03-09')], 'Procedure Colonoscopy 2016-03-10 and 2021-03-09')
A('beatrice', 'correct', "Transthoracic echo performed mid-2012 (17 June).",
  [PR('beatrice', 'echocardiogram')], [d(0, '2012-06-17')], 'Procedure 2012-06-17')

# ---------------- wrong ----------------
A('alberto', 'wrong', "Strep throat on 28 March 2017, treated with penicillin.",
  [C('alberto', 'Streptococcal'), M('alberto', 'Penicillin')], [err(d(0, '2017-03-28')), reason(1, 'Streptococcal')], 'wrong year: onset is 2016-03-28')
A('andyg', 'wrong', "Cefuroxime 250 mg started 11/5/2020 for a second ear infection.",
  [M('andyg', 'Cefuroxime')], [err(d(0, '2020-11-05')), code(0, 'Cefuroxime 250')], 'off by one day: authoredOn 2020-11-04')
A('annmarie', 'wrong', "Your records show you were treated for acute bronchitis on 5/7/2013.",
  [C('annmarie', 'bronchitis')], [err(d(0, '2013-05-07'))], 'wrong year: onset 2012-05-07')
A('beatrice', 'wrong', "She had her MI in March 1998.",
  [C('beatrice', 'Myocardial Infarction')], [err(d(0, '1998-03'))], 'wrong year: MI onset 1997-03-02')
A('bryan', 'wrong', "Pt s/p CVA 3 Sept 2019, treated w/ alteplase.",
  [C('bryan', 'Stroke'), M('bryan', 'Alteplase')], [err(d(0, '2019-09-03')), code(1, 'Alteplase')], 'wrong year: stroke onset 2018-09-03')
A('dannie', 'wrong', "Summary: chronic sinusitis has been on her problem list since January 2001.",
  [C('dannie', 'Chronic sinusitis')], [err(d(0, '2001-01'))], 'wrong year: onset 2000-01-07')
A('deedra', 'wrong', "Acute bronchitis on 9/8/2012, given acetaminophen.",
  [C('deedra', 'bronchitis'), M('deedra', 'Acetaminophen')], [err(d(0, '2012-09-08')), code(1, 'Acetaminophen')], 'off by one day: onset 2012-09-07')
A('elisha', 'wrong', "He fractured his forearm on 14 July 2017.",
  [C('elisha', 'Fracture of forearm')], [err(d(0, '2017-07-14'))], 'wrong month: onset 2017-08-14')
A('emilia', 'wrong', "Sinusitis (non-viral) episode started 10 September 2014.",
  [C('emilia', 'Sinusitis (disorder)')], [err(d(0, '2014-09-10'))], 'day/month confusion: onset 2014-10-09 (9 October)')
A('erin', 'wrong', "Otitis media, onset 4 December 2018; amoxicillin 500 tid.",
  [C('erin', 'Otitis'), M('erin', 'Amoxicillin 500')], [err(d(0, '2018-12-04')), code(1, 'Amoxicillin 500'), freq(1, 3, 1, 'd')],
  'day/month confusion: onset 2018-04-12 (12 April)')
A('evelyn', 'wrong', "Pre-visit note: diabetes was first diagnosed in July 1962.",
  [C('evelyn', 'Diabetes', '1963')], [err(d(0, '1962-07'))], 'wrong year: Diabetes onset 1963-07-22')
A('gale', 'wrong', "Dear parent, Gale was diagnosed with acute bronchitis on 4/29/2018.",
  [C('gale', 'bronchitis')], [err(d(0, '2018-04-29'))], 'off by one day: onset 2018-04-28')
A('jules', 'wrong', "Hypertension first diagnosed 14 Aug 2014.",
  [C('jules', 'Hypertension')], [err(d(0, '2014-08-14'))], 'wrong year: onset 2013-08-14')
A('junita', 'wrong', "Otitis media 7/9/2020, ibuprofen prn.",
  [C('junita', 'Otitis'), M('junita', 'Ibuprofen')], [err(d(0, '2020-07-09')), prn(1)], 'wrong day: onset 2020-07-19')
A('malcom', 'wrong', "Most recent viral sinusitis: 12 Oct 2019.",
  [C('malcom', 'Viral sinusitis', '2018')], [err(d(0, '2019-10-12'))], 'wrong year: onset 2018-10-12')
A('man', 'wrong', "HTN dx 1976.",
  [C('man', 'Hypertension')], [err(d(0, '1976'))], 'digit swap: HTN onset 1967-08-22')
A('mathilda', 'wrong', "Q: When was Mathilda's asthma diagnosed? A: Childhood asthma is recorded from 6 Aug 2010.",
  [C('mathilda', 'asthma')], [err(d(0, '2010-08-06'))], 'wrong year: onset 2009-08-06')
A('maurice', 'wrong', "Seasonique 91-day pack started 12 Feb 2021.",
  [M('maurice', 'Seasonique')], [err(d(0, '2021-02-12'))], 'digit swap: authoredOn 2021-02-21')
A('michael', 'wrong', "BP 121/79 on 5/11/2017.",
  [BP('michael', '2018-05-11')], [bpv(0, 'Systolic', '121'), bpv(0, 'Diastolic', '79'), err(d(0, '2017-05-11'))], 'wrong year: the 121/79 reading is from 2018-05-11')
A('monika', 'wrong', "Hand laceration sutured Oct 17, 2015.",
  [C('monika', 'Laceration'), PR('monika', 'Suture')], [err(d(0, '2015-10-17')), err(d(1, '2015-10-17'))], 'wrong year: both 2016-10-17')
A('nohemi', 'wrong', "Acute bronchitis with sputum exam on 17 August 2012.",
  [C('nohemi', 'bronchitis', '2013'), PR('nohemi', 'Sputum')], [err(d(0, '2012-08-17')), err(d(1, '2012-08-17'))], 'wrong year: 2013-08-17')
A('oswaldo', 'wrong', "Osteoporosis dx 3 Dec 1995, started on alendronate.",
  [C('oswaldo', 'Osteoporosis'), M('oswaldo', 'Alendronic')], [err(d(0, '1995-12-03')), code(1, 'Alendronic')], 'wrong year: onset 1996-12-03')
A('thanh', 'wrong', "Mr. Considine has carried a diagnosis of hypertension since June 1988.",
  [C('thanh', 'Hypertension')], [err(d(0, '1988-06'))], 'wrong year: onset 1989-06-20')
A('tyrell', 'wrong', "Ankle sprain 5/13/2020, naproxen prn.",
  [C('tyrell', 'Sprain'), M('tyrell', 'Naproxen')], [err(d(0, '2020-05-13')), prn(1)], 'digit swap: onset 2020-05-31')
A('vito', 'wrong', "Diabetes was diagnosed in April 1952.",
  [C('vito', 'Diabetes', '1951')], [err(d(0, '1952-04'))], 'wrong year: onset 1951-04-23')
A('andys', 'wrong', "Prostate neoplasm diagnosed 10 March 2001; on leuprolide and docetaxel.",
  [C('andys', 'Neoplasm of prostate'), M('andys', 'Leuprolide'), M('andys', 'DOCEtaxel')],
  [err(d(0, '2001-03-10')), code(1, 'Leuprolide'), code(2, 'DOCEtaxel')], 'wrong year: onset 2000-03-10')
A('evelyn', 'wrong', "HCTZ 25 mg was started 11/25/1941 for hypertension.",
  [M('evelyn', 'Hydrochlorothiazide')], [err(d(0, '1941-11-25'))], 'wrong year: authoredOn 1940-11-25')
A('beatrice', 'wrong', "Her Alzheimer's disease dates to 2 July 2005, per the problem list.",
  [C('beatrice', 'Alzheimer')], [err(d(0, '2005-07-02'))], 'wrong year: onset 2006-07-02')
A('elisha', 'wrong', "Colonoscopy performed 03/07/2019.",
  [PR('elisha', 'Colonoscopy')], [err(d(0, '2019-03-07'))], 'wrong year: Colonoscopy 2018-03-07')
A('bryan', 'wrong', "Zoster vaccine given Feb 2014.",
  [IM('bryan', 'zoster', n=0)], [err(d(0, '2014-02'))], 'wrong year: first zoster dose 2015-02-16')
