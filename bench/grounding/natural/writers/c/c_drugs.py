from lib import *
cat = 'drug-names'
A = lambda k, lab, text, cites, checks, why: add(k, cat, lab, text, cites, checks, why)

# ---------------- correct ----------------
A('beatrice', 'correct', "Toprol-XL 100 mg once daily for her heart failure.",
  [M('beatrice', 'metoprolol')], [code(0, 'metoprolol succinate 100 MG'), freq(0, 1, 1, 'd'), reason(0, 'heart failure')], 'metoprolol succinate ER 100 mg [Toprol], 1/day')
A('beatrice', 'correct', "Furosemide 40 mg PO qd.",
  [M('beatrice', 'Lasix')], [code(0, 'Lasix 40'), freq(0, 1, 1, 'd')], "MedicationRequest 'Lasix 40mg' (furosemide), once daily")
A('beatrice', 'correct', "She has been on Plavix 75 mg since October 1999.",
  [M('beatrice', 'Clopidogrel')], [code(0, 'Clopidogrel 75'), d(0, '1999-10'), st(0, 'active')], 'clopidogrel 75 mg authored 1999-10-17, active')
A('beatrice', 'correct', "Statin: Zocor 20 mg.",
  [M('beatrice', 'Simvastatin')], [code(0, 'Simvastatin 20')], 'simvastatin 20 mg tablet')
A('beatrice', 'correct', "Her med list includes Norvasc (amlodipine) 5 mg tablets.",
  [M('beatrice', 'Amlodipine')], [code(0, 'Amlodipine 5')], 'amlodipine 5 mg')
A('beatrice', 'correct', "For Alzheimer's she takes Namenda oral solution, 2 mg/mL.",
  [M('beatrice', 'Memantine')], [code(0, '2 MG/ML'), st(0, 'active'), reason(0, 'Alzheimer')], 'memantine HCl 2 mg/mL oral solution, active')
A('beatrice', 'correct', "Razadyne (galantamine) 4 mg was started for Alzheimer's on 7/2/2006.",
  [M('beatrice', 'Galantamine')], [code(0, 'Galantamine 4'), d(0, '2006-07-02'), reason(0, 'Alzheimer')], 'galantamine 4 mg authored 2006-07-02')
A('beatrice', 'correct', "Has a nitroglycerin 0.4 mg/spray (Nitrolingual) on her med list.",
  [M('beatrice', 'Nitroglycerin', '1997-10')], [code(0, 'Nitroglycerin 0.4 MG/ACTUAT'), st(0, 'active')], 'NTG 0.4 mg/actuation mucosal spray, active order from 1997-10-05')
A('thanh', 'correct', "Zocor 10 mg qd, renewed Dec 2020.",
  [M('thanh', 'Simvistatin', '2020')], [code(0, '10 MG'), freq(0, 1, 1, 'd'), d(0, '2020-12')], "'Simvistatin 10 MG' (simvastatin) 1/day authored 2020-12-05")
A('thanh', 'correct', "Vicodin (hydrocodone 5 mg / APAP 300 mg) was prescribed at the time of the wisdom-tooth extraction in June 2016.",
  [M('thanh', 'Vicodin'), PR('thanh', 'wisdom')], [code(0, 'HYDROcodone Bitartrate 5 MG'), code(0, 'Acetaminophen 300'), d(0, '2016-06'), d(1, '2016-06')], 'Vicodin 5/300 authored 2016-06-26, extraction same day')
A('jules', 'correct', "On hydrochlorothiazide (Microzide) 25 mg for HTN.",
  [M('jules', 'Hydrochlorothiazide'), C('jules', 'Hypertension')], [code(0, 'Hydrochlorothiazide 25'), st(0, 'active'), reason(0, 'Hypertension')], 'HCTZ 25 mg active, reasonReference Hypertension')
A('oswaldo', 'correct', "Osteoporosis treated with Fosamax 10 mg (alendronate).",
  [M('oswaldo', 'Alendronic'), C('oswaldo', 'Osteoporosis')], [code(0, 'Alendronic acid 10'), d(0, '1996-12-03'), d(1, '1996-12-03')], 'alendronic acid 10 mg tablet')
A('mathilda', 'correct', "Allegra 30 mg tab as needed.",
  [M('mathilda', 'Fexofenadine')], [code(0, 'Fexofenadine hydrochloride 30'), prn(0)], 'fexofenadine 30 mg, as needed')
A('mathilda', 'correct', "Carries an EpiPen (epinephrine 0.3 mg auto-injector).",
  [M('mathilda', 'Epinephrine')], [code(0, '0.3 ML Epinephrine 1 MG/ML')], '0.3 mL x 1 mg/mL = 0.3 mg auto-injector')
A('mathilda', 'correct', "Contraception: NuvaRing (etonogestrel/ethinyl estradiol 0.12/0.015 mg per 24 h), started July 2020.",
  [M('mathilda', 'NuvaRing')], [code(0, '0.12/0.015'), d(0, '2020-07')], 'NuvaRing authored 2020-07-27')
A('monika', 'correct', "Controller inhaler: Flovent HFA 44 mcg/actuation.",
  [M('monika', 'Fluticasone')], [code(0, '0.044 MG/ACTUAT')], 'fluticasone propionate 0.044 mg (=44 mcg)/actuation MDI')
A('monika', 'correct', "Rescue inhaler ProAir (albuterol 90 mcg/puff) prn.",
  [M('monika', 'Albuterol')], [code(0, '0.09 MG/ACTUAT'), prn(0)], 'albuterol 0.09 mg (=90 mcg)/actuation, as needed')
A('evelyn', 'correct', "Her insulin regimen is Humulin 70/30 (NPH/regular).",
  [M('evelyn', 'Humulin')], [code(0, 'isophane 70 UNT/ML / Regular Insulin, Human 30')], 'Humulin 70/30 (NPH 70 / regular 30 units/mL)')
A('evelyn', 'correct', "Takes Glucophage XR 500 mg (metformin extended-release).",
  [M('evelyn', 'Metformin')], [code(0, 'Metformin hydrochloride 500 MG Extended Release')], '24 HR metformin 500 mg ER')
A('vito', 'correct', "Percocet 5/325 one tab q6h.",
  [M('vito', 'oxyCODONE')], [code(0, 'oxyCODONE Hydrochloride 5 MG'), code(0, 'Acetaminophen 325'), freq(0, 1, 6, 'h')], 'oxycodone 5 / APAP 325, every 6 h')
A('man', 'correct', "Norco 7.5/325 q6h at the time of the clavicle fracture (6/2011).",
  [M('man', 'HYDROcodone'), C('man', 'clavicle')], [code(0, 'HYDROcodone Bitartrate 7.5'), code(0, 'Acetaminophen 325'), freq(0, 1, 6, 'h'), d(0, '2011-06')], 'hydrocodone 7.5/APAP 325 q6h authored 2011-06-05')
A('man', 'correct', "Chemo orders from Aug 2000: Eloxatin (oxaliplatin 5 mg/mL, 10 mL) and leucovorin 100 mg injection.",
  [M('man', 'oxaliplatin'), M('man', 'Leucovorin')], [code(0, 'oxaliplatin 5 MG/ML'), code(1, 'Leucovorin 100'), d(0, '2000-08'), d(1, '2000-08')], 'both authored 2000-08-20')
A('andys', 'correct', "ADT with Lupron (leuprolide acetate 30 mg/mL prefilled syringe) plus Taxotere (docetaxel 20 mg/mL).",
  [M('andys', 'Leuprolide'), M('andys', 'DOCEtaxel')], [code(0, 'Leuprolide Acetate 30 MG/ML'), code(1, 'DOCEtaxel 20 MG/ML')], 'leuprolide 30 mg/mL syringe; docetaxel 20 mg/mL')
A('andys', 'correct', "Cyanocobalamin (vit B12) 5 mg/mL injections for anemia.",
  [M('andys', 'Vitamin B 12'), C('andys', 'Anemia')], [code(0, '5 MG/ML'), d(0, '1978-06-29'), d(1, '1978-06-29')], 'Vitamin B12 5 mg/mL injectable authored with the anemia dx 1978-06-29')
A('nohemi', 'correct', "Benadryl 25 mg prn and Aleve 220 mg for the hand OA.",
  [M('nohemi', 'diphenhydrAMINE'), M('nohemi', 'Naproxen')], [code(0, '25 MG'), prn(0), code(1, 'Naproxen sodium 220'), reason(1, 'osteoarthritis of the hand')], 'diphenhydramine 25 mg prn; naproxen sodium 220 mg authored with OA dx 2016-02-26')
A('erin', 'correct', "Amoxil 500 mg TID for otitis media (April 2018).",
  [M('erin', 'Amoxicillin 500'), C('erin', 'Otitis')], [code(0, 'Amoxicillin 500'), freq(0, 3, 1, 'd'), d(0, '2018-04-12'), d(1, '2018-04-12')], 'amoxicillin 500 mg 3/day, 2018-04-12')
A('andyg', 'correct', "Dear parent: for Andy's ear infection in Nov 2020 we prescribed Ceftin (cefuroxime) 250 mg twice a day.",
  [M('andyg', 'Cefuroxime'), C('andyg', 'Otitis', '2020-11')], [code(0, 'Cefuroxime 250'), freq(0, 2, 1, 'd'), d(0, '2020-11-04'), d(1, '2020-11-04')], 'cefuroxime 250 mg 2/day, 2020-11-04')
A('dannie', 'correct', "Augmentin 250/125 for the 3/2020 sinusitis.",
  [M('dannie', 'Amoxicillin')], [code(0, 'Amoxicillin 250 MG / Clavulanate 125'), d(0, '2020-03'), reason(0, 'sinusitis')], 'amox/clav 250/125 authored 2020-03-14')
A('bryan', 'correct', "Received Activase (alteplase 100 mg) for the stroke on 9/3/2018.",
  [M('bryan', 'Alteplase'), C('bryan', 'Stroke')], [code(0, 'Alteplase 100'), d(0, '2018-09-03'), d(1, '2018-09-03')], 'alteplase 100 mg injection 2018-09-03')
A('alberto', 'correct', "Your strep throat in March 2016 was treated with penicillin VK (Pen VK) 250 mg.",
  [M('alberto', 'Penicillin')], [code(0, 'Penicillin V Potassium 250'), d(0, '2016-03'), reason(0, 'Streptococcal')], 'penicillin V potassium 250 mg authored 2016-03-28')

# ---------------- wrong ----------------
A('beatrice', 'wrong', "Toprol-XL 50 mg once daily.",
  [M('beatrice', 'metoprolol')], [err(code(0, '50 MG')), freq(0, 1, 1, 'd')], 'strength is 100 mg, not 50')
A('beatrice', 'wrong', "Loop diuretic: Bumex 40 mg daily.",
  [M('beatrice', 'Lasix')], [err(code(0, 'bumetanide'))], 'the loop diuretic is Lasix (furosemide) 40 mg; Bumex is bumetanide')
A('beatrice', 'wrong', "She takes Lipitor 20 mg as her statin.",
  [M('beatrice', 'Simvastatin')], [err(code(0, 'atorvastatin'))], 'statin is simvastatin (Zocor), Lipitor is atorvastatin')
A('beatrice', 'wrong', "Plavix 300 mg since 1999.",
  [M('beatrice', 'Clopidogrel')], [err(code(0, 'Clopidogrel 300')), d(0, '1999')], 'clopidogrel 75 mg, not 300')
A('beatrice', 'wrong', "Her med list includes Norvasc (amlodipine) 10 mg tablets.",
  [M('beatrice', 'Amlodipine')], [err(code(0, 'Amlodipine 10'))], 'amlodipine 5 mg')
A('beatrice', 'wrong', "Aricept 4 mg was started for dementia on 7/2/2006.",
  [M('beatrice', 'Galantamine')], [err(code(0, 'donepezil')), d(0, '2006-07-02')], 'the drug was galantamine (Razadyne), Aricept is donepezil')
A('thanh', 'wrong', "Zocor 20 mg qd, renewed Dec 2020.",
  [M('thanh', 'Simvistatin', '2020')], [err(code(0, '20 MG')), d(0, '2020-12')], 'simvastatin 10 mg, not 20')
A('thanh', 'wrong', "Percocet was prescribed after his wisdom tooth extraction (6/2016).",
  [M('thanh', 'Vicodin')], [err(code(0, 'oxyCODONE')), d(0, '2016-06')], 'it was Vicodin (hydrocodone/APAP), not Percocet (oxycodone)')
A('jules', 'wrong', "On chlorthalidone 25 mg for blood pressure.",
  [M('jules', 'Hydrochlorothiazide')], [err(code(0, 'chlorthalidone'))], 'the thiazide is hydrochlorothiazide 25 mg')
A('oswaldo', 'wrong', "Fosamax 70 mg for osteoporosis.",
  [M('oswaldo', 'Alendronic')], [err(code(0, '70 MG'))], 'alendronic acid 10 mg tablet, not 70 mg')
A('mathilda', 'wrong', "Mathilda uses Zyrtec 30 mg as needed.",
  [M('mathilda', 'Fexofenadine')], [err(code(0, 'cetirizine')), prn(0)], 'antihistamine is fexofenadine (Allegra), Zyrtec is cetirizine')
A('mathilda', 'wrong', "She carries an EpiPen Jr (0.15 mg).",
  [M('mathilda', 'Epinephrine')], [err(code(0, '0.15'))], 'auto-injector is 0.3 mL of 1 mg/mL = 0.3 mg')
A('monika', 'wrong', "Controller: Flovent HFA 110 mcg.",
  [M('monika', 'Fluticasone')], [err(code(0, '0.11 MG'))], 'fluticasone 44 mcg/actuation')
A('monika', 'wrong', "Asthma controller is Singulair (montelukast), started 11/2006.",
  [M('monika', 'Fluticasone')], [err(code(0, 'montelukast')), d(0, '2006-11')], 'the controller ordered 2006-11-22 is fluticasone; no montelukast')
A('evelyn', 'wrong', "Insulin: Humalog (lispro) 70/30 mix.",
  [M('evelyn', 'Humulin')], [err(code(0, 'lispro'))], 'the insulin is Humulin 70/30 (human NPH/regular), not Humalog lispro')
A('evelyn', 'wrong', "Metformin ER 1000 mg tablets.",
  [M('evelyn', 'Metformin')], [err(code(0, '1000 MG'))], 'metformin ER 500 mg')
A('vito', 'wrong', "Norco, one tab q6h.",
  [M('vito', 'oxyCODONE')], [err(code(0, 'HYDROcodone')), freq(0, 1, 6, 'h')], 'the opioid is oxycodone/APAP (Percocet), Norco is hydrocodone/APAP')
A('man', 'wrong', "Percocet 7.5/325 q6h after the clavicle fracture.",
  [M('man', 'HYDROcodone')], [err(code(0, 'oxyCODONE')), freq(0, 1, 6, 'h')], 'hydrocodone 7.5/APAP 325 (Norco), not oxycodone (Percocet)')
A('man', 'wrong', "Aug 2000 chemo: oxaliplatin with 5-FU (fluorouracil).",
  [M('man', 'oxaliplatin'), M('man', 'Leucovorin')], [code(0, 'oxaliplatin'), err(code(1, 'fluorouracil'))], 'the companion drug ordered is leucovorin; no fluorouracil order')
A('andys', 'wrong', "Prostate cancer treated with Zoladex (goserelin) and docetaxel.",
  [M('andys', 'Leuprolide'), M('andys', 'DOCEtaxel')], [err(code(0, 'goserelin')), code(1, 'DOCEtaxel')], 'GnRH agonist is leuprolide (Lupron), not goserelin')
A('andys', 'wrong', "Taxol (paclitaxel) 20 mg/mL for the prostate cancer.",
  [M('andys', 'DOCEtaxel'), C('andys', 'Neoplasm of prostate')], [err(code(0, 'paclitaxel')), code(0, '20 MG/ML'), d(1, '2000-03-10'), d(0, '2000-03-10')], 'drug is docetaxel (Taxotere), not paclitaxel (Taxol)')
A('nohemi', 'wrong', "Your list shows Benadryl 50 mg to take as needed.",
  [M('nohemi', 'diphenhydrAMINE')], [err(code(0, '50 MG')), prn(0)], 'diphenhydramine 25 mg')
A('nohemi', 'wrong', "Takes Motrin for the hand osteoarthritis.",
  [M('nohemi', 'Naproxen'), C('nohemi', 'osteoarthritis')], [err(code(0, 'Ibuprofen'))], 'NSAID is naproxen sodium 220 mg (Aleve), Motrin is ibuprofen')
A('erin', 'wrong', "Amoxil 875 mg TID for the April 2018 otitis media.",
  [M('erin', 'Amoxicillin 500'), C('erin', 'Otitis')], [err(code(0, '875')), freq(0, 3, 1, 'd'), d(1, '2018-04')], 'amoxicillin 500 mg, not 875')
A('andyg', 'wrong', "Dear parent: for Andy's Nov 2020 ear infection we prescribed Keflex 250 mg twice a day.",
  [M('andyg', 'Cefuroxime'), C('andyg', 'Otitis', '2020-11')], [err(code(0, 'cephalexin')), freq(0, 2, 1, 'd'), d(1, '2020-11')], 'antibiotic is cefuroxime (Ceftin), Keflex is cephalexin')
A('dannie', 'wrong', "Augmentin 875/125 for the March 2020 sinusitis.",
  [M('dannie', 'Amoxicillin')], [err(code(0, '875')), d(0, '2020-03')], 'amox/clav 250/125, not 875/125')
A('bryan', 'wrong', "Got TNKase (tenecteplase) for the 9/2018 stroke.",
  [M('bryan', 'Alteplase'), C('bryan', 'Stroke')], [err(code(0, 'tenecteplase')), d(0, '2018-09'), d(1, '2018-09')], 'thrombolytic was alteplase (Activase)')
A('alberto', 'wrong', "Your strep throat in March 2016 was treated with Pen VK 500 mg.",
  [M('alberto', 'Penicillin')], [err(code(0, '500 MG')), d(0, '2016-03')], 'penicillin V 250 mg')
A('gale', 'wrong', "For the 3/2019 ear infection: amoxicillin 250 mg bid plus Tylenol 100 mg prn.",
  [M('gale', 'Amoxicillin'), M('gale', 'Ibuprofen'), C('gale', 'Otitis')], [d(2, '2019-03'), code(0, 'Amoxicillin 250'), freq(0, 2, 1, 'd'), err(code(1, 'Acetaminophen'))], 'the 100 mg prn analgesic was ibuprofen, not acetaminophen (Tylenol)')
