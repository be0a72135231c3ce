"""Category: drug-names (brand/generic names, strengths, dose frequency)."""
from common import *

# record display -> (correct renderings [(text, terms)], wrong renderings [(text, terms, why)])
D = {
 'Hydrochlorothiazide 25 MG': (
   [('HCTZ 25 mg', ['hydrochlorothiazide', '25 mg']), ('hydrochlorothiazide 25 mg', ['hydrochlorothiazide', '25 mg']), ('HCTZ 25mg', ['hydrochlorothiazide', '25 mg'])],
   [('HCTZ 12.5 mg', ['hydrochlorothiazide', '12.5 mg'], 'strength is 25 mg, not 12.5 mg'),
    ('chlorthalidone 25 mg', ['chlorthalidone'], 'drug is hydrochlorothiazide, not chlorthalidone'),
    ('HCTZ 50 mg', ['hydrochlorothiazide', '50 mg'], 'strength is 25 mg, not 50 mg')]),
 'Acetaminophen 325 MG Oral Tablet': (
   [('Tylenol 325 mg', ['acetaminophen', '325 mg']), ('paracetamol 325 mg tablets', ['acetaminophen', '325 mg']), ('APAP 325 mg', ['acetaminophen', '325 mg'])],
   [('Tylenol 500 mg', ['acetaminophen', '500 mg'], 'tablet strength is 325 mg, not 500 mg'),
    ('ibuprofen 325 mg', ['ibuprofen'], 'drug is acetaminophen, not ibuprofen'),
    ('Tylenol Extra Strength 500 mg', ['acetaminophen', '500 mg'], 'record is the 325 mg tablet')]),
 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet': (
   [('Augmentin 250/125 mg', ['amoxicillin', '250 mg', 'clavulanate', '125 mg']), ('amoxicillin-clavulanate 250 mg/125 mg', ['amoxicillin', '250 mg', 'clavulanate', '125 mg']),
    ('co-amoxiclav 250/125', ['amoxicillin', '250 mg', 'clavulanate', '125 mg'])],
   [('Augmentin 875/125 mg', ['amoxicillin', '875 mg', 'clavulanate'], 'amoxicillin component is 250 mg, not 875 mg'),
    ('Augmentin 500/125', ['amoxicillin', '500 mg', 'clavulanate'], 'amoxicillin component is 250 mg, not 500 mg'),
    ('azithromycin (Zithromax)', ['azithromycin'], 'prescription was amoxicillin/clavulanate, not azithromycin')]),
 'Acetaminophen 160 MG Oral Tablet': (
   [("children's Tylenol 160 mg", ['acetaminophen', '160 mg']), ('acetaminophen 160 mg', ['acetaminophen', '160 mg'])],
   [('Tylenol 325 mg', ['acetaminophen', '325 mg'], 'strength is 160 mg, not 325 mg'),
    ("children's Motrin 160 mg", ['ibuprofen'], 'drug is acetaminophen, Motrin is ibuprofen')]),
 'Simvistatin 10 MG': (
   [('Zocor 10 mg', ['simvastatin', '10 mg']), ('simvastatin 10 mg', ['simvastatin', '10 mg'])],
   [('Lipitor 10 mg', ['atorvastatin'], 'Lipitor is atorvastatin; record is simvastatin'),
    ('Zocor 20 mg', ['simvastatin', '20 mg'], 'strength is 10 mg, not 20 mg'),
    ('simvastatin 40 mg', ['simvastatin', '40 mg'], 'strength is 10 mg, not 40 mg')]),
 'Simvastatin 20 MG Oral Tablet': (
   [('Zocor 20 mg', ['simvastatin', '20 mg']), ('simvastatin 20 mg', ['simvastatin', '20 mg'])],
   [('Zocor 40 mg', ['simvastatin', '40 mg'], 'strength is 20 mg, not 40 mg'),
    ('pravastatin (Pravachol) 20 mg', ['pravastatin'], 'drug is simvastatin, not pravastatin')]),
 'Naproxen sodium 220 MG Oral Tablet': (
   [('Aleve 220 mg', ['naproxen', '220 mg']), ('naproxen sodium 220 mg', ['naproxen', '220 mg'])],
   [('naproxen 500 mg', ['naproxen', '500 mg'], 'strength is 220 mg, not 500 mg'),
    ('Advil 220 mg', ['ibuprofen'], 'Advil is ibuprofen; record is naproxen sodium')]),
 'Penicillin V Potassium 500 MG Oral Tablet': (
   [('Pen VK 500 mg', ['penicillin v', '500 mg']), ('penicillin V potassium 500 mg', ['penicillin v', '500 mg']), ('phenoxymethylpenicillin 500 mg', ['penicillin v', '500 mg'])],
   [('Pen VK 250 mg', ['penicillin v', '250 mg'], 'strength is 500 mg, not 250 mg'),
    ('amoxicillin 500 mg', ['amoxicillin'], 'drug is penicillin V, not amoxicillin')]),
 'Penicillin V Potassium 250 MG Oral Tablet': (
   [('Pen VK 250 mg', ['penicillin v', '250 mg']), ('penicillin V 250 mg tablets', ['penicillin v', '250 mg'])],
   [('Pen VK 500 mg', ['penicillin v', '500 mg'], 'strength is 250 mg, not 500 mg')]),
 'Ibuprofen 100 MG Oral Tablet': (
   [('ibuprofen 100 mg', ['ibuprofen', '100 mg']), ("children's Motrin 100 mg", ['ibuprofen', '100 mg'])],
   [('ibuprofen 200 mg', ['ibuprofen', '200 mg'], 'strength is 100 mg, not 200 mg'),
    ('acetaminophen 100 mg', ['acetaminophen'], 'drug is ibuprofen, not acetaminophen')]),
 'Ibuprofen 200 MG Oral Tablet': (
   [('Advil 200 mg', ['ibuprofen', '200 mg']), ('Motrin IB 200 mg', ['ibuprofen', '200 mg'])],
   [('Advil 400 mg', ['ibuprofen', '400 mg'], 'strength is 200 mg, not 400 mg'),
    ('Aleve 200 mg', ['naproxen'], 'Aleve is naproxen; record is ibuprofen')]),
 'Amoxicillin 250 MG Oral Capsule': (
   [('Amoxil 250 mg capsules', ['amoxicillin', '250 mg']), ('amoxicillin 250 mg caps', ['amoxicillin', '250 mg'])],
   [('amoxicillin 500 mg', ['amoxicillin', '500 mg'], 'strength is 250 mg, not 500 mg'),
    ('Augmentin 250 mg', ['clavulanate'], 'record is plain amoxicillin, Augmentin contains clavulanate')]),
 'Amoxicillin 500 MG Oral Tablet': (
   [('amoxicillin 500 mg tabs', ['amoxicillin', '500 mg']), ('Amoxil 500 mg', ['amoxicillin', '500 mg'])],
   [('amoxicillin 875 mg', ['amoxicillin', '875 mg'], 'strength is 500 mg, not 875 mg')]),
 'Cefuroxime 250 MG Oral Tablet': (
   [('Ceftin 250 mg', ['cefuroxime', '250 mg']), ('cefuroxime 250 mg', ['cefuroxime', '250 mg'])],
   [('Ceftin 500 mg', ['cefuroxime', '500 mg'], 'strength is 250 mg, not 500 mg'),
    ('cefdinir (Omnicef) 250 mg', ['cefdinir'], 'drug is cefuroxime, not cefdinir')]),
 'Vitamin B 12 5 MG/ML Injectable Solution': (
   [('vitamin B12 5 mg/mL injection', ['vitamin b12', '5 mg/ml']), ('B12 injections (5 mg/mL)', ['vitamin b12', '5 mg/ml'])],
   [('vitamin B12 1 mg/mL injection', ['vitamin b12', '1 mg/ml'], 'concentration is 5 mg/mL, not 1 mg/mL'),
    ('folic acid injections', ['folic'], 'drug is vitamin B12, not folic acid')]),
 'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet': (
   [('Percocet 5/325', ['oxycodone', '5 mg', '325 mg']), ('oxycodone-acetaminophen 5 mg/325 mg', ['oxycodone', '5 mg', '325 mg'])],
   [('Percocet 10/325', ['oxycodone', '10 mg'], 'oxycodone component is 5 mg, not 10 mg'),
    ('Norco 5/325', ['hydrocodone'], 'Norco is hydrocodone/APAP; record is oxycodone/APAP')]),
 '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet': (
   [('Glucophage XR 500 mg', ['metformin', '500 mg', 'extended release']), ('metformin ER 500 mg', ['metformin', '500 mg', 'extended release']),
    ('metformin extended-release 500 mg', ['metformin', '500 mg', 'extended release'])],
   [('metformin ER 1000 mg', ['metformin', '1000 mg'], 'strength is 500 mg, not 1000 mg'),
    ('sitagliptin (Januvia)', ['sitagliptin'], 'drug is metformin ER, not sitagliptin'),
    ('metformin IR 500 mg', ['metformin', 'immediate'], 'record is the 24-hour extended-release tablet')]),
 'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]': (
   [('Humulin 70/30', ['insulin', 'isophane', 'regular']), ('NPH/regular human insulin 70/30', ['insulin', 'isophane', 'regular'])],
   [('insulin glargine (Lantus)', ['glargine'], 'record is human NPH/regular 70/30 (Humulin), not glargine'),
    ('Humalog Mix 75/25', ['lispro'], 'record is Humulin 70/30, not insulin lispro mix')]),
 '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler': (
   [('Flovent HFA 44 mcg', ['fluticasone', '0.044 mg']), ('fluticasone propionate 44 mcg/puff MDI', ['fluticasone', '0.044 mg'])],
   [('Flovent HFA 110 mcg', ['fluticasone', '0.11 mg'], 'strength is 44 mcg per actuation, not 110 mcg'),
    ('budesonide (Pulmicort)', ['budesonide'], 'inhaled steroid is fluticasone, not budesonide')]),
 '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler': (
   [('albuterol HFA 90 mcg/puff', ['albuterol', '0.09 mg']), ('salbutamol 90 mcg MDI', ['albuterol', '0.09 mg']), ('a ProAir-type albuterol 90 mcg inhaler', ['albuterol', '0.09 mg'])],
   [('levalbuterol (Xopenex)', ['levalbuterol'], 'record is albuterol, not levalbuterol'),
    ('albuterol 180 mcg per puff', ['albuterol', '0.18 mg'], 'strength is 90 mcg (0.09 mg) per actuation')]),
 '1 ML DOCEtaxel 20 MG/ML Injection': (
   [('docetaxel (Taxotere) 20 mg/mL', ['docetaxel', '20 mg/ml'])],
   [('paclitaxel (Taxol)', ['paclitaxel'], 'drug is docetaxel, not paclitaxel')]),
 '0.25 ML Leuprolide Acetate 30 MG/ML Prefilled Syringe': (
   [('leuprolide acetate (Lupron) 30 mg/mL', ['leuprolide', '30 mg/ml'])],
   [('goserelin (Zoladex)', ['goserelin'], 'drug is leuprolide, not goserelin')]),
 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray': (
   [('Nitrolingual spray 0.4 mg/spray', ['nitroglycerin', '0.4 mg']), ('NTG 0.4 mg SL spray', ['nitroglycerin', '0.4 mg'])],
   [('nitroglycerin spray 0.3 mg', ['nitroglycerin', '0.3 mg'], 'dose is 0.4 mg per actuation'),
    ('isosorbide mononitrate (Imdur)', ['isosorbide'], 'drug is nitroglycerin spray, not isosorbide')]),
 'Amlodipine 5 MG Oral Tablet': (
   [('Norvasc 5 mg', ['amlodipine', '5 mg']), ('amlodipine 5 mg', ['amlodipine', '5 mg'])],
   [('Norvasc 10 mg', ['amlodipine', '10 mg'], 'strength is 5 mg, not 10 mg'),
    ('nifedipine ER 5 mg', ['nifedipine'], 'drug is amlodipine, not nifedipine')]),
 'Clopidogrel 75 MG Oral Tablet': (
   [('Plavix 75 mg', ['clopidogrel', '75 mg']), ('clopidogrel 75 mg', ['clopidogrel', '75 mg'])],
   [('Plavix 300 mg', ['clopidogrel', '300 mg'], 'strength is 75 mg, not 300 mg'),
    ('ticagrelor (Brilinta)', ['ticagrelor'], 'antiplatelet is clopidogrel, not ticagrelor')]),
 'Galantamine 4 MG Oral Tablet': (
   [('Razadyne 4 mg', ['galantamine', '4 mg']), ('galantamine 4 mg', ['galantamine', '4 mg'])],
   [('donepezil (Aricept)', ['donepezil'], 'drug is galantamine, not donepezil'),
    ('galantamine 8 mg', ['galantamine', '8 mg'], 'strength is 4 mg, not 8 mg')]),
 'Memantine hydrochloride 2 MG/ML Oral Solution': (
   [('Namenda oral solution 2 mg/mL', ['memantine', '2 mg/ml']), ('memantine 2 mg/mL liquid', ['memantine', '2 mg/ml'])],
   [('Namenda 10 mg tablets', ['memantine', '10 mg'], 'record is the 2 mg/mL oral solution, not 10 mg tablets')]),
 '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]': (
   [('Toprol-XL 100 mg', ['metoprolol succinate', '100 mg']), ('metoprolol succinate ER 100 mg', ['metoprolol succinate', '100 mg'])],
   [('metoprolol tartrate (Lopressor) 100 mg', ['metoprolol tartrate'], 'record is metoprolol succinate ER (Toprol), not tartrate'),
    ('Toprol-XL 50 mg', ['metoprolol succinate', '50 mg'], 'strength is 100 mg, not 50 mg')]),
 'Lasix 40mg': (
   [('furosemide 40 mg', ['furosemide', '40 mg']), ('Lasix 40 mg', ['furosemide', '40 mg'])],
   [('furosemide 20 mg', ['furosemide', '20 mg'], 'strength is 40 mg, not 20 mg'),
    ('bumetanide (Bumex)', ['bumetanide'], 'loop diuretic is furosemide (Lasix), not bumetanide')]),
 'Alteplase 100 MG Injection': (
   [('alteplase (tPA, Activase) 100 mg', ['alteplase', '100 mg'])],
   [('tenecteplase (TNKase)', ['tenecteplase'], 'thrombolytic is alteplase, not tenecteplase')]),
 'Natazia 28 Day Pack': (
   [('Natazia (estradiol valerate/dienogest)', ['natazia', 'dienogest'])],
   [('Yaz (drospirenone/ethinyl estradiol)', ['drospirenone'], 'pill is Natazia (estradiol valerate/dienogest), not Yaz')]),
 'Leucovorin 100 MG Injection': (
   [('leucovorin (folinic acid) 100 mg', ['leucovorin', '100 mg'])],
   [('leucovorin 50 mg', ['leucovorin', '50 mg'], 'strength is 100 mg, not 50 mg')]),
 '10 ML oxaliplatin 5 MG/ML Injection': (
   [('oxaliplatin (Eloxatin) 5 mg/mL', ['oxaliplatin', '5 mg/ml'])],
   [('carboplatin 5 mg/mL', ['carboplatin'], 'drug is oxaliplatin, not carboplatin')]),
 'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet': (
   [('Norco 7.5/325', ['hydrocodone', '7.5 mg', '325 mg']), ('hydrocodone-acetaminophen 7.5/325 mg', ['hydrocodone', '7.5 mg', '325 mg'])],
   [('Norco 10/325', ['hydrocodone', '10 mg'], 'hydrocodone component is 7.5 mg, not 10 mg'),
    ('Percocet 7.5/325', ['oxycodone'], 'Percocet is oxycodone/APAP; record is hydrocodone/APAP')]),
 'Fexofenadine hydrochloride 30 MG Oral Tablet': (
   [('Allegra 30 mg', ['fexofenadine', '30 mg']), ('fexofenadine 30 mg', ['fexofenadine', '30 mg'])],
   [('Allegra 180 mg', ['fexofenadine', '180 mg'], 'strength is 30 mg, not 180 mg'),
    ('loratadine (Claritin)', ['loratadine'], 'antihistamine is fexofenadine, not loratadine')]),
 'NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector': (
   [('EpiPen 0.3 mg auto-injector', ['epinephrine', 'auto-injector', '0.3 ml']), ('an epinephrine 0.3 mg auto-injector', ['epinephrine', 'auto-injector', '0.3 ml'])],
   [('EpiPen Jr 0.15 mg', ['epinephrine', '0.15'], 'record is the 0.3 mg (0.3 mL of 1 mg/mL) auto-injector, not 0.15 mg')]),
 'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring': (
   [('NuvaRing (etonogestrel/ethinyl estradiol vaginal ring)', ['nuvaring', 'vaginal ring'])],
   [('Xulane contraceptive patch', ['patch'], 'contraceptive is the NuvaRing vaginal ring, not a patch')]),
 '1 ML medroxyprogesterone acetate 150 MG/ML Injection': (
   [('Depo-Provera 150 mg/mL', ['medroxyprogesterone', '150 mg/ml']), ('medroxyprogesterone acetate 150 mg IM', ['medroxyprogesterone', '150 mg'])],
   [('Depo-SubQ Provera 104 mg', ['medroxyprogesterone', '104 mg'], 'record is 150 mg/mL, not the 104 mg subcutaneous product')]),
 'Seasonique 91 Day Pack': (
   [('Seasonique (extended-cycle levonorgestrel/EE)', ['seasonique'])],
   [('Sprintec (norgestimate/EE)', ['norgestimate'], 'pill is Seasonique, not Sprintec (norgestimate)')]),
 'Levora 0.15/30 28 Day Pack': (
   [('Levora 0.15/30 (levonorgestrel/ethinyl estradiol)', ['levora', '0.15/30'])],
   [('Loestrin 1/20 (norethindrone/EE)', ['norethindrone'], 'pill is Levora (levonorgestrel/EE), not Loestrin')]),
 'diphenhydrAMINE Hydrochloride 25 MG Oral Tablet': (
   [('Benadryl 25 mg', ['diphenhydramine', '25 mg']), ('diphenhydramine 25 mg', ['diphenhydramine', '25 mg'])],
   [('Benadryl 50 mg', ['diphenhydramine', '50 mg'], 'strength is 25 mg, not 50 mg'),
    ('hydroxyzine (Atarax) 25 mg', ['hydroxyzine'], 'drug is diphenhydramine, not hydroxyzine')]),
 'Alendronic acid 10 MG Oral Tablet': (
   [('Fosamax 10 mg', ['alendron', '10 mg']), ('alendronate 10 mg', ['alendron', '10 mg'])],
   [('Fosamax 70 mg', ['alendron', '70 mg'], 'strength is 10 mg, not 70 mg'),
    ('risedronate (Actonel)', ['risedronate'], 'bisphosphonate is alendronate, not risedronate')]),
 'Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]': (
   [('Vicodin (hydrocodone 5 mg/acetaminophen 300 mg)', ['hydrocodone', '5 mg', '300 mg'])],
   [('Vicodin 5/500', ['hydrocodone', '500 mg'], 'acetaminophen component is 300 mg, not 500 mg')]),
 'Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution': (
   [('a NyQuil-type syrup (acetaminophen/dextromethorphan/doxylamine)', ['acetaminophen', 'dextromethorphan', 'doxylamine'])],
   [('Robitussin DM (guaifenesin/dextromethorphan)', ['guaifenesin'], 'syrup is acetaminophen/dextromethorphan/doxylamine, no guaifenesin')]),
}

T = [  # (template, uses date, requires active & living)
 (lambda pt, d, ds: f"Med list: {d}", False, True),
 (lambda pt, d, ds: f"{d[0].upper()+d[1:]} was prescribed on {ds}.", True, False),
 (lambda pt, d, ds: f"{pt.He} was given a prescription for {d} ({ds}).", True, False),
 (lambda pt, d, ds: f"Rx {d} — {ds}", True, False),
 (lambda pt, d, ds: f"The chart shows a prescription for {d}.", False, False),
 (lambda pt, d, ds: f"Started {d} on {ds}.", True, False),
 (lambda pt, d, ds: f"{pt.His} meds include {d}.", False, True),
 (lambda pt, d, ds: f"Currently prescribed: {d}.", False, True),
 (lambda pt, d, ds: f"They put {pt.him} on {d} back on {ds}.", True, False),
 (lambda pt, d, ds: f"Prescribing history includes {d} ({ds}).", True, False),
 (lambda pt, d, ds: f"Yes, {pt.he} was on {d} — ordered {ds}.", True, False),
 (lambda pt, d, ds: f"Drug: {d}; order date {ds}", True, False),
]

FREQ = {  # display -> (correct phrase, assertion args, wrong phrase, wrong args)
 '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]': ('once daily', (1, 1, 'd'), 'twice daily', (2, 1, 'd')),
 'Lasix 40mg': ('once a day', (1, 1, 'd'), 'BID', (2, 1, 'd')),
 'Simvistatin 10 MG': ('daily', (1, 1, 'd'), 'twice a day', (2, 1, 'd')),
 'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet': ('every 6 hours', (1, 6, 'h'), 'every 4 hours', (1, 4, 'h')),
 'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet': ('q6h', (1, 6, 'h'), 'q4h', (1, 4, 'h')),
 'Amoxicillin 250 MG Oral Capsule': ('twice daily', (2, 1, 'd'), 'three times daily', (3, 1, 'd')),
 'Cefuroxime 250 MG Oral Tablet': ('BID', (2, 1, 'd'), 'TID', (3, 1, 'd')),
 'Amoxicillin 500 MG Oral Tablet': ('TID', (3, 1, 'd'), 'BID', (2, 1, 'd')),
}

def gen():
    r = rng(303)
    items = []
    for key in PTS:
        pt = P(key)
        for m in pt.p.meds:
            if m['name'] in D: items.append((pt, m))
    r.shuffle(items)
    per = collections.Counter(); drugc = collections.Counter(); chosen = []
    for pt, m in items:
        if per[pt.key] >= 4 or drugc[m['name']] >= 3: continue
        per[pt.key] += 1; drugc[m['name']] += 1; chosen.append((pt, m))
    tsel = Cycler(range(len(T)), 11); styles = Cycler(['iso', 'dmy', 'mdy_full', 'ord', 'month', 'year', 'us', 'dash'], 12)
    n = 0
    for pt, m in chosen:
        label = 'correct' if n % 2 == 0 else 'wrong'
        ok, bad = D[m['name']]
        if label == 'correct': txt, terms = r.choice(ok); why_err = ''
        else: txt, terms, why_err = r.choice(bad)
        # choose a template compatible with status/living
        for _ in range(20):
            ti = tsel.next(); tf, usesdate, needactive = T[ti]
            if needactive and (m['status'] != 'active' or pt.p.deceased): continue
            break
        st = styles.next()
        if st == 'us' and int(m['date'][8:]) <= 12: st = 'mdy'
        ds, dv = fmt_date(m['date'], st)
        text = tf(pt, txt, ds)
        asserts = [A_code(m['id'], terms, txt)]
        if usesdate: asserts.append(A_date(m['id'], ds, dv))
        if needactive: asserts.append(A_status(m['id'], 'active'))
        why = (f"MedicationRequest '{m['name']}' ({m['status']}, authored {m['date']}); '{txt}' is the same drug and strength" if label == 'correct'
               else f"MedicationRequest is '{m['name']}': {why_err}")
        add('drug-names', label, pt, text, [m['id']], why, asserts)
        n += 1
    # dose frequency / PRN claims
    TF = [lambda pt, d, fq: f"{d[0].upper()+d[1:]}, {fq}.", lambda pt, d, fq: f"Sig: {d} {fq}",
          lambda pt, d, fq: f"{pt.He} takes {d} {fq}.", lambda pt, d, fq: f"Dosing was {d} {fq}."]
    fsel = Cycler(range(len(TF)), 13)
    k = 0; fcount = collections.Counter()
    for key in PTS:
        pt = P(key)
        for m in pt.p.meds:
            if m['name'] in FREQ:
                fcount[m['name']] += 1
                if fcount[m['name']] > 2: continue
                ph_ok, a_ok, ph_bad, a_bad = FREQ[m['name']]
                label = 'correct' if k % 2 == 0 else 'wrong'; k += 1
                d = D[m['name']][0][0][0]; terms = D[m['name']][0][0][1]
                ph, a = (ph_ok, a_ok) if label == 'correct' else (ph_bad, a_bad)
                tf = TF[fsel.next()]
                if pt.p.deceased and tf is TF[2]: tf = TF[1]
                text = tf(pt, d, ph)
                asserts = [A_code(m['id'], terms, d), A_freq(m['id'], *a)]
                why = (f"MedicationRequest '{m['name']}' dosageInstruction timing {m['timing']} = {ph_ok}" if label == 'correct'
                       else f"dosageInstruction timing is {m['timing']} ({ph_ok}), not {ph_bad}")
                add('drug-names', label, pt, text, [m['id']], why, asserts)
    # PRN
    prn = [(P(key), m) for key in PTS for m in PTS[key].meds if m['name'] in D]
    r.shuffle(prn); j = 0
    TP = [lambda pt, d: f"{d[0].upper()+d[1:]} PRN", lambda pt, d: f"{d[0].upper()+d[1:]} as needed.",
          lambda pt, d: f"{d[0].upper()+d[1:]} — scheduled, not PRN.", lambda pt, d: f"{d[0].upper()+d[1:]} taken as required (prn)."]
    for pt, m in prn:
        if j >= 8: break
        want_prn = m['prn']
        label = 'correct' if j % 2 == 0 else 'wrong'
        # correct: say what record says; wrong: say the opposite
        say_prn = want_prn if label == 'correct' else not want_prn
        if not say_prn and not (m['timing']): continue   # only call it scheduled when a schedule is recorded
        d, terms = D[m['name']][0][0]
        tf = TP[2] if not say_prn else TP[[0, 1, 3][j % 3]]
        text = tf(pt, d)
        asserts = [A_code(m['id'], terms, d), A_prn(m['id'], say_prn)]
        why = (f"MedicationRequest '{m['name']}' dosageInstruction asNeededBoolean={want_prn}" if label == 'correct'
               else f"dosageInstruction asNeededBoolean={want_prn}, claim says {'PRN' if say_prn else 'scheduled'}")
        add('drug-names', label, pt, text, [m['id']], why, asserts)
        j += 1

import collections
