# Claim set M generator. Seeded, deterministic. python3 gen.py -> claims.jsonl, checks.jsonl
import json, random, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_common import *
SEED = 20261210
OUT = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(SEED)
PATS = load()
BIG = {'Vito', 'Evelyn'}

# analyte: names (abbrev first), prec, unit variants (string, factor, offset) in record unit->stated
A = {
 '8480-6': dict(full=['systolic BP', 'systolic blood pressure'], ab=['SBP', 'sys BP'], prec=0, units=[('mmHg', 1), ('mm Hg', 1), ('mm[Hg]', 1)]),
 '8462-4': dict(full=['diastolic BP', 'diastolic blood pressure'], ab=['DBP', 'dia BP'], prec=0, units=[('mmHg', 1), ('mm Hg', 1)]),
 '39156-5': dict(full=['body mass index'], ab=['BMI'], prec=1, units=[('kg/m2', 1), ('kg/m²', 1), ('kg/m^2', 1)]),
 '29463-7': dict(full=['body weight', 'weight'], ab=['Wt', 'wt'], prec=1, units=[('kg', 1)], conv=[('lb', 2.20462, 0), ('lbs', 2.20462, 0)]),
 '8302-2': dict(full=['height'], ab=['Ht'], prec=1, units=[('cm', 1)], conv=[('in', 1 / 2.54, 1), ('m', 0.01, 2)]),
 '2093-3': dict(full=['total cholesterol'], ab=['TC', 'total chol'], prec=0, units=[('mg/dL', 1), ('mg/dl', 1)], conv=[('mmol/L', 1 / 38.67, 1)]),
 '18262-6': dict(full=['LDL cholesterol', 'low-density lipoprotein'], ab=['LDL', 'LDL-C'], prec=0, units=[('mg/dL', 1), ('mg/dl', 1)], conv=[('mmol/L', 1 / 38.67, 1)]),
 '2085-9': dict(full=['HDL cholesterol', 'high-density lipoprotein'], ab=['HDL', 'HDL-C'], prec=0, units=[('mg/dL', 1), ('mg/dl', 1)], conv=[('mmol/L', 1 / 38.67, 1)]),
 '2571-8': dict(full=['triglycerides'], ab=['TG', 'trigs'], prec=0, units=[('mg/dL', 1), ('mg/dl', 1)], conv=[('mmol/L', 1 / 88.57, 1)]),
 '2339-0': dict(full=['glucose', 'blood glucose'], ab=['Glu', 'BG'], prec=0, units=[('mg/dL', 1), ('mg/dl', 1)], conv=[('mmol/L', 1 / 18.016, 1)]),
 '38483-4': dict(full=['creatinine', 'serum creatinine'], ab=['Cr', 'Creat'], prec=2, units=[('mg/dL', 1), ('mg/dl', 1)], conv=[('µmol/L', 88.42, -1), ('umol/L', 88.42, -1)]),
 '6299-2': dict(full=['urea nitrogen', 'blood urea nitrogen'], ab=['BUN'], prec=1, units=[('mg/dL', 1), ('mg/dl', 1)]),
 '2947-0': dict(full=['sodium'], ab=['Na'], prec=0, units=[('mmol/L', 1), ('mEq/L', 1), ('mmol/l', 1)]),
 '6298-4': dict(full=['potassium'], ab=['K', 'K+'], prec=1, units=[('mmol/L', 1), ('mEq/L', 1), ('mmol/l', 1)]),
 '2069-3': dict(full=['chloride'], ab=['Cl'], prec=0, units=[('mmol/L', 1), ('mEq/L', 1)]),
 '20565-8': dict(full=['carbon dioxide', 'total CO2'], ab=['CO2', 'tCO2'], prec=1, units=[('mmol/L', 1), ('mEq/L', 1)]),
 '49765-1': dict(full=['calcium', 'serum calcium'], ab=['Ca'], prec=1, units=[('mg/dL', 1), ('mg/dl', 1)]),
 '4548-4': dict(full=['haemoglobin A1c', 'hemoglobin A1c', 'glycated haemoglobin'], ab=['HbA1c', 'A1c', 'A1C'], prec=1, units=[('%', 1)]),
 '33914-3': dict(full=['estimated GFR'], ab=['eGFR'], prec=0, units=[('mL/min/1.73m2', 1), ('mL/min/1.73 m²', 1), ('ml/min/1.73m2', 1)]),
 '14959-1': dict(full=['urine albumin/creatinine ratio', 'microalbumin/creatinine ratio'], ab=['UACR', 'ACR'], prec=1, units=[('mg/g', 1)]),
 '6690-2': dict(full=['white cell count', 'leukocyte count'], ab=['WBC'], prec=1, units=[('x10^3/uL', 1), ('K/uL', 1), ('x10^9/L', 1), ('10*3/uL', 1)]),
 '789-8': dict(full=['red cell count', 'erythrocyte count'], ab=['RBC'], prec=2, units=[('x10^6/uL', 1), ('x10^12/L', 1), ('M/uL', 1)]),
 '718-7': dict(full=['haemoglobin', 'hemoglobin'], ab=['Hb', 'Hgb'], prec=1, units=[('g/dL', 1), ('g/dl', 1)], conv=[('g/L', 10, 0)]),
 '4544-3': dict(full=['haematocrit', 'hematocrit'], ab=['Hct'], prec=1, units=[('%', 1)]),
 '787-2': dict(full=['mean corpuscular volume'], ab=['MCV'], prec=1, units=[('fL', 1), ('fl', 1)]),
 '777-3': dict(full=['platelet count', 'platelets'], ab=['Plt', 'PLT'], prec=0, units=[('x10^3/uL', 1), ('K/uL', 1), ('x10^9/L', 1)]),
 '8331-1': dict(full=['oral temperature', 'temperature'], ab=['T', 'Temp'], prec=1, units=[('°C', 1), ('C', 1), ('deg C', 1), ('degrees Celsius', 1)], conv=[('°F', 1.8, 1, 32), ('F', 1.8, 1, 32)]),
 '2857-1': dict(full=['prostate-specific antigen'], ab=['PSA'], prec=1, units=[('ng/mL', 1), ('ng/ml', 1)]),
 '10230-1': dict(full=['left ventricular ejection fraction'], ab=['LVEF', 'EF'], prec=0, units=[('%', 1)]),
}
WRONG_UNITS = {'8331-1': ['°F', 'F'], '29463-7': ['lb'], '8302-2': ['in'], '2339-0': ['mmol/L'], '2093-3': ['mmol/L'], '18262-6': ['mmol/L'],
               '38483-4': ['µmol/L', 'mmol/L'], '718-7': ['g/L', 'mg/dL'], '2947-0': ['mg/dL'], '6298-4': ['mg/dL'], '39156-5': ['kg'], '33914-3': ['mL/s']}

def nm(code, ab=None):
    a = A[code]
    if ab is None: ab = rng.random() < 0.5
    return rng.choice(a['ab'] if ab else a['full'])

def oks(P, codes=None):
    return [o for o in P['obs'] if o['code'] in A and (codes is None or o['code'] in codes)]

def ok_round(v, prec):
    """true if v is not within 15% of a rounding boundary at prec"""
    s = v * 10 ** prec; f = s - int(s)
    return 0.15 < f < 0.35 or 0.65 < f < 0.85 or f < 0.35 and f > 0.0 and False or (0.05 < f < 0.45 or 0.55 < f < 0.95)

def safe(v, prec):
    s = abs(v) * 10 ** prec; f = s - int(s)
    return 0.08 < abs(f - 0.5) < 0.42

def val_fact(o, value, unit, prec, date=None, latest=False, approx=False, say=None):
    f = dict(t='obs', code=o['code'], value=value, unit=unit, prec=prec, approx=approx)
    if date: f['date'] = date
    if latest: f['latest'] = True
    f['say'] = say if say is not None else [fnum(value, prec)]
    return f

def stated(o, prec=None, unit_choice=None, conv=False):
    """returns (value_stated, unit_str, prec) for correct statement"""
    a = A[o['code']]; p = a['prec'] if prec is None else prec
    if conv and a.get('conv'):
        c = rng.choice(a['conv']); u, fac, p2 = c[0], c[1], c[2]
        off = c[3] if len(c) > 3 else 0
        return round(o['v'] * fac + off, p2) if p2 > 0 else round(o['v'] * fac + off, p2), u, p2
    u = unit_choice or rng.choice(a['units'])[0]
    return round(o['v'], p) if p > 0 else round(o['v'], p), u, p

def wrong_value(v, prec):
    for _ in range(20):
        k = rng.choice([0.82, 0.87, 0.9, 1.1, 1.13, 1.18, 1.25, 0.75])
        w = round(v * k, prec)
        if abs(w - v) > max(10 ** -prec * 2, abs(v) * 0.07): return w
    return round(v * 1.3, prec)

def dt(s, kind=None):
    """date text + spec. kind: day/month/year"""
    kind = kind or rng.choice(['day'] * 6 + ['month', 'year'])
    if kind == 'day':
        return fmt_day(s, rng.choice(DAY_STYLES)), {'day': s}
    if kind == 'month':
        return fmt_month(s, rng.randrange(3)), {'month': s[:7]}
    return s[:4], {'year': s[:4]}

def wrong_date(s):
    for _ in range(10):
        k = rng.choice(['day', 'month', 'year', 'swap'])
        w = shift(s, k, rng)
        if w and w != s: return w, k
    return shift(s, 'year', rng), 'year'

def cit(kind, i):
    return {'kind': 'record', 'record': kind, 'id': i}

def alive(P): return not P['dead']

# ---------- drugs ----------
DRUGS = {  # display -> (generic text, [brands], strength text or None)
 'Acetaminophen 325 MG Oral Tablet': ('acetaminophen', ['Tylenol'], '325 mg'),
 'Acetaminophen 160 MG Oral Tablet': ('acetaminophen', ['Tylenol'], '160 mg'),
 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet': ('amoxicillin-clavulanate', ['Augmentin'], '250/125 mg'),
 'Hydrochlorothiazide 25 MG': ('hydrochlorothiazide', ['Microzide'], '25 mg'),
 'Simvistatin 10 MG': ('simvastatin', ['Zocor'], '10 mg'),
 'Simvastatin 20 MG Oral Tablet': ('simvastatin', ['Zocor'], '20 mg'),
 'Naproxen sodium 220 MG Oral Tablet': ('naproxen sodium', ['Aleve'], '220 mg'),
 'Penicillin V Potassium 500 MG Oral Tablet': ('penicillin V potassium', ['Veetids'], '500 mg'),
 'Penicillin V Potassium 250 MG Oral Tablet': ('penicillin V potassium', ['Veetids'], '250 mg'),
 'Ibuprofen 100 MG Oral Tablet': ('ibuprofen', ['Advil', 'Motrin'], '100 mg'),
 'Ibuprofen 200 MG Oral Tablet': ('ibuprofen', ['Advil', 'Motrin'], '200 mg'),
 'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet': ('oxycodone-acetaminophen', ['Percocet'], '5/325 mg'),
 'Amoxicillin 250 MG Oral Capsule': ('amoxicillin', ['Amoxil'], '250 mg'),
 'Amoxicillin 500 MG Oral Tablet': ('amoxicillin', ['Amoxil'], '500 mg'),
 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray': ('nitroglycerin', ['Nitrolingual'], '0.4 mg/spray'),
 'Clopidogrel 75 MG Oral Tablet': ('clopidogrel', ['Plavix'], '75 mg'),
 '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet': ('metformin ER', ['Glucophage XR'], '500 mg'),
 '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler': ('fluticasone', ['Flovent HFA'], '44 mcg/actuation'),
 '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler': ('albuterol', ['ProAir', 'Ventolin'], '90 mcg/actuation'),
 'Cefuroxime 250 MG Oral Tablet': ('cefuroxime', ['Ceftin'], '250 mg'),
 'Amlodipine 5 MG Oral Tablet': ('amlodipine', ['Norvasc'], '5 mg'),
 'Galantamine 4 MG Oral Tablet': ('galantamine', ['Razadyne'], '4 mg'),
 'Memantine hydrochloride 2 MG/ML Oral Solution': ('memantine', ['Namenda'], '2 mg/mL'),
 '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]': ('metoprolol succinate', ['Toprol XL'], '100 mg'),
 'Lasix 40mg': ('furosemide', ['Lasix'], '40 mg'),
 'Alteplase 100 MG Injection': ('alteplase', ['Activase'], '100 mg'),
 'Fexofenadine hydrochloride 30 MG Oral Tablet': ('fexofenadine', ['Allegra'], '30 mg'),
 'NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector': ('epinephrine auto-injector', ['EpiPen'], None),
 '1 ML medroxyprogesterone acetate 150 MG/ML Injection': ('medroxyprogesterone acetate', ['Depo-Provera'], '150 mg/mL'),
 'diphenhydrAMINE Hydrochloride 25 MG Oral Tablet': ('diphenhydramine', ['Benadryl'], '25 mg'),
 'Alendronic acid 10 MG Oral Tablet': ('alendronate', ['Fosamax'], '10 mg'),
 'Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]': ('hydrocodone-acetaminophen', ['Vicodin'], '5/300 mg'),
 'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet': ('hydrocodone-acetaminophen', ['Norco'], '7.5/325 mg'),
 'Leucovorin 100 MG Injection': ('leucovorin', [], '100 mg'),
 '10 ML oxaliplatin 5 MG/ML Injection': ('oxaliplatin', ['Eloxatin'], '5 mg/mL'),
 '1 ML DOCEtaxel 20 MG/ML Injection': ('docetaxel', ['Taxotere'], '20 mg/mL'),
 '0.25 ML Leuprolide Acetate 30 MG/ML Prefilled Syringe': ('leuprolide', ['Lupron'], None),
 'Vitamin B 12 5 MG/ML Injectable Solution': ('cyanocobalamin (vitamin B12)', [], '5 mg/mL'),
 'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]': ('insulin isophane/regular 70/30', ['Humulin 70/30'], None),
 'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring': ('etonogestrel/ethinyl estradiol vaginal ring', ['NuvaRing'], None),
 'Levora 0.15/30 28 Day Pack': ('levonorgestrel/ethinyl estradiol', ['Levora'], None),
 'Seasonique 91 Day Pack': ('levonorgestrel/ethinyl estradiol extended-cycle', ['Seasonique'], None),
 'Natazia 28 Day Pack': ('estradiol valerate/dienogest', ['Natazia'], None),
 'Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution': ('acetaminophen/dextromethorphan/doxylamine syrup', ['NyQuil'], None),
}
OTHER_BRANDS = ['Lipitor', 'Crestor', 'Coumadin', 'Eliquis', 'Zestril', 'Lopressor', 'Synthroid', 'Prilosec', 'Zoloft', 'Keflex', 'Zithromax', 'Cipro', 'Januvia', 'Lantus', 'Singulair', 'Xarelto', 'Cozaar', 'Motrin', 'Tylenol', 'Plavix', 'Norvasc', 'Zocor', 'Glucophage']
OTHER_GENERICS = ['atorvastatin', 'lisinopril', 'losartan', 'warfarin', 'metoprolol tartrate', 'levothyroxine', 'omeprazole', 'sertraline', 'cephalexin', 'azithromycin', 'ciprofloxacin', 'glipizide', 'insulin glargine', 'montelukast', 'apixaban', 'amlodipine', 'simvastatin', 'ibuprofen', 'clopidogrel', 'naproxen']

def strength_wrong(s):
    import re
    m = re.match(r'([\d.]+)(.*)', s)
    if not m or '/' in m.group(1): return None
    n = float(m.group(1)); alts = [x for x in [n * 2, n / 2, n * 4, n * 10] if x != n]
    w = rng.choice(alts)
    ws = ('%g' % w)
    return ws + m.group(2)

def med_ok(m): return m['name'] in DRUGS

# ---------- conditions ----------
COND = {  # display -> (full names, abbreviations)
 'Hypertension': (['hypertension', 'essential hypertension'], ['HTN']),
 'Diabetes': (['type 2 diabetes', 'type 2 diabetes mellitus'], ['T2DM', 'T2D', 'DM2']),
 'Prediabetes': (['prediabetes'], ['pre-DM']),
 'Body mass index 30+ - obesity (finding)': (['obesity'], ['BMI 30+ obesity']),
 'Chronic kidney disease stage 1 (disorder)': (['chronic kidney disease stage 1'], ['CKD 1', 'CKD stage 1']),
 'Coronary Heart Disease': (['coronary heart disease'], ['CHD']),
 'Myocardial Infarction': (['myocardial infarction'], ['MI']),
 'Chronic congestive heart failure (disorder)': (['chronic congestive heart failure'], ['CHF']),
 'Childhood asthma': (['childhood asthma', 'asthma'], ['asthma']),
 'Acute bronchitis (disorder)': (['acute bronchitis'], ['acute bronchitis']),
 'Viral sinusitis (disorder)': (['viral sinusitis'], ['viral sinusitis']),
 'Acute viral pharyngitis (disorder)': (['acute viral pharyngitis', 'viral pharyngitis'], ['viral pharyngitis']),
 'Streptococcal sore throat (disorder)': (['streptococcal sore throat', 'strep throat'], ['strep pharyngitis']),
 'Otitis media': (['otitis media'], ['OM']),
 'Chronic sinusitis (disorder)': (['chronic sinusitis'], ['chronic sinusitis']),
 'Hyperlipidemia': (['hyperlipidaemia', 'hyperlipidemia'], ['HLD']),
 'Hypertriglyceridemia (disorder)': (['hypertriglyceridaemia', 'hypertriglyceridemia'], ['high TGs']),
 'Anemia (disorder)': (['anaemia', 'anemia'], ['anemia']),
 'Stroke': (['stroke', 'cerebrovascular accident'], ['CVA']),
 "Alzheimer's disease (disorder)": (["Alzheimer's disease"], ["Alzheimer's dementia"]),
 'Osteoarthritis of hip': (['osteoarthritis of the hip'], ['hip OA']),
 'Osteoporosis (disorder)': (['osteoporosis'], ['osteoporosis']),
 'Epilepsy': (['epilepsy'], ['epilepsy']),
 'Seizure disorder': (['seizure disorder'], ['seizure disorder']),
 'Neoplasm of prostate': (['prostate neoplasm', 'neoplasm of the prostate'], ['prostate neoplasm']),
 'Appendicitis': (['appendicitis'], ['appendicitis']),
 'Atopic dermatitis': (['atopic dermatitis', 'atopic eczema'], ['eczema']),
 'Seasonal allergic rhinitis': (['seasonal allergic rhinitis', 'hay fever'], ['hay fever']),
 'Metabolic syndrome X (disorder)': (['metabolic syndrome'], ['metabolic syndrome']),
 'Sprain of ankle': (['ankle sprain'], ['ankle sprain']),
 'Fracture of forearm': (['forearm fracture'], ['forearm fracture']),
 'Polyp of colon': (['colonic polyp', 'colon polyp'], ['colon polyp']),
 'Concussion with no loss of consciousness': (['concussion without loss of consciousness'], ['concussion, no LOC']),
 'Diabetic renal disease (disorder)': (['diabetic kidney disease', 'diabetic renal disease'], ['diabetic nephropathy']),
 'Neuropathy due to type 2 diabetes mellitus (disorder)': (['diabetic neuropathy'], ['T2DM neuropathy']),
 'Sprain of wrist': (['wrist sprain'], ['wrist sprain']),
 'Whiplash injury to neck': (['whiplash injury'], ['whiplash']),
 'Laceration of hand': (['hand laceration'], ['hand laceration']),
 'Injury of medial collateral ligament of knee': (['MCL injury of the knee'], ['knee MCL injury']),
 'Fracture of clavicle': (['clavicle fracture'], ['clavicle fracture']),
 'Hyperglycemia (disorder)': (['hyperglycaemia', 'hyperglycemia'], ['hyperglycaemia']),
 'Miscarriage in first trimester': (['first-trimester miscarriage'], ['first-trimester miscarriage']),
}
OTHER_CONDS = ['atrial fibrillation', 'COPD', 'hypothyroidism', 'gout', 'migraine', 'depression', 'asthma', 'type 2 diabetes', 'hypertension', 'CKD stage 3', 'heart failure', 'osteoarthritis of the knee']

def cname(c, ab=None):
    full, abb = COND[c['name']]
    if ab is None: ab = rng.random() < 0.5
    return rng.choice(abb if ab else full)

CONDFIRST = {n.split()[0].lower() for v in COND.values() for n in v[0] + v[1] if not n[0].isupper() or n.split()[0] in ('Wrist','Ankle')} - {'alzheimer\'s'}
# negation concepts: key -> (phrases, condition display keywords, med display keywords, allergy?)
NEG = {
 'asthma': (['asthma'], ['asthma'], [], 0),
 'copd': (['COPD', 'chronic obstructive pulmonary disease'], ['obstructive', 'copd', 'emphysema', 'chronic bronchitis'], [], 0),
 'afib': (['atrial fibrillation', 'AF'], ['atrial fib'], [], 0),
 'epilepsy': (['epilepsy or seizures', 'seizure disorder'], ['seizure', 'epilep'], [], 0),
 'stroke': (['stroke', 'CVA'], ['stroke', 'cerebrovascular', 'infarction of brain'], [], 0),
 'mi': (['myocardial infarction', 'MI'], ['myocardial infarction', 'coronary'], [], 0),
 'chf': (['heart failure', 'CHF'], ['heart failure'], [], 0),
 'cancer': (['cancer', 'malignancy'], ['neoplasm', 'carcinoma', 'malignant', 'metasta', 'cancer'], [], 0),
 'osteoporosis': (['osteoporosis'], ['osteoporosis'], [], 0),
 'anticoag': (['anticoagulant', 'anticoagulation'], [], ['warfarin', 'apixaban', 'rivaroxaban', 'dabigatran', 'heparin', 'enoxaparin', 'edoxaban'], 0),
 'insulin': (['insulin'], [], ['insulin'], 0),
 'statin': (['statin'], [], ['statin', 'vastatin'], 0),
 'opioid': (['opioid', 'opioid analgesics'], [], ['oxycodone', 'hydrocodone', 'morphine', 'fentanyl', 'codeine', 'tramadol'], 0),
 'allergy': (['known allergies', 'recorded allergies'], [], [], 1),
 'fracture': (['fractures'], ['fracture'], [], 0),
 'appendix': (['appendicitis', 'appendectomy'], ['append'], [], 0),
}

def neg_present(P, key):
    phr, ck, mk, al = NEG[key]
    hits = []
    for c in P['cond']:
        if any(k in c['name'].lower() for k in ck): hits.append(('condition', c))
    for m in P['med']:
        if any(k in m['name'].lower() for k in mk): hits.append(('medication', m))
    if al:
        for a in P['allergy']: hits.append(('allergy', a))
    return hits

# ---------- registers ----------
LOWERABLE = {'in','between','q:','the','a','on','labs','most','latest','last','current','currently','no','not','nil','there','has','had','seen','received','underwent','prescribed','previously','remains','resolved','active','ongoing','episode','known','between','since','from','onset','recorded','blood','systolic','diastolic','weight','height','body','total','serum','glucose','oral','temperature','haemoglobin','hemoglobin','estimated','sodium','potassium','chloride','calcium','creatinine','urea','platelet','platelets','white','red','mean','carbon','glycated','left','net','per','never','smoking','social','tobacco','allergies:','medication','immunisation:','procedure:','encounter','reading','med','started','hx','denies','triglycerides','prostate-specific','low-density','high-density','ldl','hdl'}
def wrap(core, P):
    first = P['name'].split()[0]
    fam = P['name'].split()[-1]
    ttl = 'Mr' if P['sex'] == 'male' else 'Ms'
    r = rng.randrange(16)
    fw = core.split()[0].lower().strip(':,')
    if fw in CONDFIRST: fw = 'the'
    c0 = core[0].lower() + core[1:] if fw in LOWERABLE else core
    if int(P['birth'][:4]) >= 2000: ttl, fam = first, P['name'].split()[-1]
    opts = [
        core,
        core,
        'Pre-visit summary: ' + core,
        'Discharge letter: ' + core,
        'Dear colleague, I am writing regarding %s %s. %s' % (ttl, fam, core),
        'A: ' + core,
        'Problem list / results: ' + core,
        '- ' + core.rstrip('.'),
        'O: ' + core,
        'Med rec: ' + core,
        'Telephone consult: ' + core,
        'WR: ' + core,
        'From the chart, ' + c0,
        'Referral: ' + core,
        'Summary for %s: %s' % (first, core),
        'To answer your question, ' + c0,
    ]
    return opts[r]

import re as _re
_MON = r'(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*'
def fix_prep(t):
    t = _re.sub(r'\b(on|dated) (?=%s \d{4}\b)' % _MON, 'in ', t)
    t = _re.sub(r'\b(on|dated) (?=\d{2}/\d{4}\b)', 'in ', t)
    t = _re.sub(r'\bOn (?=(%s \d{4}|\d{2}/\d{4})\b)' % _MON, 'In ', t)
    t = _re.sub(r'\b(on|dated) (?=\d{4}\b(?![-/.]))', 'in ', t)
    t = _re.sub(r'\bstarted in in\b', 'started in', t)
    return t

def mk(P, good, text, cites, facts, why, nowrap=False):
    text = fix_prep(text).replace('EGFR', 'eGFR')
    return dict(patient=P['id'], text=text if nowrap else wrap(text, P), citations=cites, label='correct' if good else 'wrong', why=why, facts=facts)

def vt(o, v, u, p):
    return '%s %s' % (fnum(v, p), u) if u != '%' else fnum(v, p) + '%'

def pick_obs(P, codes=None, pred=None):
    L = [o for o in oks(P, codes) if (pred is None or pred(o))]
    return rng.choice(L) if L else None

CORE_CODES = ['8480-6', '8462-4', '39156-5', '29463-7', '8302-2', '2093-3', '18262-6', '2085-9', '2571-8', '2339-0', '38483-4', '6299-2', '2947-0', '6298-4', '49765-1', '4548-4', '33914-3', '718-7', '6690-2', '777-3', '8331-1', '4544-3', '14959-1', '2857-1', '20565-8', '2069-3', '787-2', '10230-1']

def obs_sentence(o, vtext, name, dtext):
    forms = [
        '{n} {v} on {d}.', '{n} was {v} on {d}.', '{d}: {n} {v}.', '{n} of {v} recorded {d}.', 'On {d} the {n} came back at {v}.',
        '{n} measured at {v} ({d}).', 'Labs {d} — {n} {v}.', '{n} {v} ({d}).', 'Her/his {n} on {d} was {v}.', 'Recorded {n}: {v}, dated {d}.',
    ]
    f = rng.choice(forms)
    if 'Her/his' in f: f = f.replace('Her/his', 'The')
    s = f.format(n=name, v=vtext, d=dtext)
    return s[0].upper() + s[1:]

def dtxt_for(o_date, kind):
    if kind == 'year': return rng.choice(['in ', 'during ']) + o_date[:4], {'year': o_date[:4]}
    if kind == 'month': return fmt_month(o_date, rng.randrange(3)), {'month': o_date[:7]}
    return fmt_day(o_date, rng.choice(DAY_STYLES)), {'day': o_date}

# ---------- category: dates ----------
def c_dates(P, good):
    kind = rng.choice(['obs', 'obs', 'cond', 'med', 'imm', 'enc', 'proc'])
    dk = rng.choice(['day'] * 7 + ['month', 'year'])
    if kind == 'obs':
        o = pick_obs(P, CORE_CODES, lambda o: safe(o['v'], A[o['code']]['prec']))
        if not o: return None
        v, u, p = stated(o)
        d = o['date']; why_bad = ''
        if not good:
            d, k = wrong_date(o['date']); why_bad = 'date off (%s): record effective %s' % (k, o['date'])
            if dk != 'day' and k == 'day': dk = 'day'
            if k == 'swap': dk = 'day'
        dtext, spec = dtxt_for(d, dk)
        if dk == 'year' and not good and d[:4] == o['date'][:4]: return None
        if dk == 'month' and not good and d[:7] == o['date'][:7]: return None
        if dk == 'year': dtext = dtext.split(' ', 1)[1]
        name = nm(o['code'])
        text = obs_sentence(o, vt(o, v, u, p), name, dtext)
        f = val_fact(o, v, u, p, date=spec); f['say'] += [dtext]
        return mk(P, good, text, [cit('observation', o['cite'])], [f], why_bad or 'obs %s %s=%s %s effective %s' % (o['cite'], o['code'], o['v'], o['unit'], o['date']))
    L = {'cond': P['cond'], 'med': [m for m in P['med'] if med_ok(m)], 'imm': P['imm'], 'enc': P['enc'], 'proc': [x for x in P['proc'] if x['name'] != 'Documentation of current medications']}[kind]
    L = [x for x in L if kind != 'cond' or x['name'] in COND]
    if not L: return None
    x = rng.choice(L); d = x['date']; why_bad = ''
    if not good:
        d, k = wrong_date(x['date']); why_bad = 'date off (%s): record date %s' % (k, x['date'])
        if k in ('day', 'swap'): dk = 'day'
        if k == 'month' and dk == 'year': dk = 'month'
    dtext, spec = dtxt_for(d, dk)
    if dk == 'year': dtext = dtext.split(' ', 1)[1]
    if kind == 'cond':
        n = cname(x)
        text = rng.choice(['{n} diagnosed {d}.', 'Onset of {n}: {d}.', '{N} first recorded on {d}.', 'Dx {n} ({d}).', 'Has had {n} since {d}.' if x['status'] == 'active' else '{N}, onset {d}.']).format(n=n, N=n[0].upper() + n[1:], d=dtext)
        if not good and 'since' in text: text = '{N}, onset {d}.'.format(N=n[0].upper() + n[1:], d=dtext)
        f = dict(t='cond', name=n, snomed=x['code'], onset=spec, say=[n, dtext])
        return mk(P, good, text, [cit('condition', x['id'])], [f], why_bad or 'condition %s onset %s' % (x['name'], x['date']))
    if kind == 'med':
        g, br, s = DRUGS[x['name']]; n = rng.choice([g] + br)
        text = rng.choice(['{n} prescribed {d}.', '{N} started on {d}.', 'Rx {n} issued {d}.', '{N} was ordered on {d}.']).format(n=n, N=n[0].upper() + n[1:], d=dtext)
        f = dict(t='med', name=n, date=spec, say=[n, dtext])
        return mk(P, good, text, [cit('medication', x['id'])], [f], why_bad or 'MedicationRequest %s authoredOn %s' % (x['name'], x['date']))
    if kind == 'imm':
        vn = {'Influenza, seasonal, injectable, preservative free': rng.choice(['flu vaccine', 'influenza vaccine', 'seasonal flu shot']), 'Td (adult) preservative free': 'Td booster', 'Tdap': 'Tdap', 'zoster': 'shingles (zoster) vaccine', 'HPV, quadrivalent': 'HPV vaccine', 'Pneumococcal conjugate PCV 13': 'PCV13', 'pneumococcal polysaccharide vaccine, 23 valent': 'PPSV23', 'MMR': 'MMR', 'DTaP': 'DTaP', 'IPV': 'IPV (polio)', 'varicella': 'varicella vaccine', 'meningococcal MCV4P': 'MenACWY (MCV4)', 'Hep B, adolescent or pediatric': 'hepatitis B vaccine', 'Hep A, ped/adol, 2 dose': 'hepatitis A vaccine', 'Hib (PRP-OMP)': 'Hib vaccine', 'rotavirus, monovalent': 'rotavirus vaccine', 'Hep A, adult': 'hepatitis A vaccine', 'Hep B, adult': 'hepatitis B vaccine'}.get(x['name'])
        if not vn: return None
        text = rng.choice(['{v} given {d}.', 'Received {v} on {d}.', '{V} administered {d}.', 'Immunisation: {v}, {d}.']).format(v=vn, V=vn[0].upper() + vn[1:], d=dtext)
        f = dict(t='imm', name=vn, date=spec, say=[vn, dtext])
        return mk(P, good, text, [cit('immunization', x['id'])], [f], why_bad or 'Immunization %s on %s' % (x['name'], x['date']))
    if kind == 'enc':
        en = {'Encounter for check up (procedure)': 'check-up', "Encounter for 'check-up'": 'check-up', 'Encounter for symptom': 'visit for symptoms', 'Emergency room admission (procedure)': 'ED attendance', 'Emergency Room Admission': 'ED attendance', 'Emergency Encounter': 'emergency visit', 'Encounter Inpatient': 'inpatient admission', 'Asthma follow-up': 'asthma follow-up', 'Outpatient procedure (procedure)': 'outpatient procedure visit', 'Encounter for problem': 'problem visit', 'Prenatal initial visit': 'initial prenatal visit', 'Office Visit': 'office visit', 'Consultation for treatment': 'treatment consultation'}.get(x['name'])
        if not en: return None
        text = rng.choice(['Seen for a {e} on {d}.', '{E} {d}.', 'Last documented {e}: {d}.' if False else 'Had a {e} on {d}.', 'Encounter {d}: {e}.']).format(e=en, E=en[0].upper() + en[1:], d=dtext)
        f = dict(t='enc', name=en, date=spec, say=[en, dtext])
        return mk(P, good, text, [cit('encounter', x['id'])], [f], why_bad or 'Encounter %s start %s' % (x['name'], x['date']))
    if kind == 'proc':
        pn = {'Colonoscopy': 'colonoscopy', 'Throat culture (procedure)': 'throat culture', 'Digital examination of rectum': 'DRE', 'Measurement of respiratory function (procedure)': 'spirometry (respiratory function test)', 'Intramuscular injection': 'IM injection', 'Biopsy of prostate': 'prostate biopsy', 'Sputum examination (procedure)': 'sputum examination', 'trans thoracic echocardiogram': 'TTE', 'Upper arm X-ray': 'upper arm X-ray', 'Plain chest X-ray (procedure)': 'CXR', 'Knee X-ray': 'knee X-ray', 'Clavicle X-ray': 'clavicle X-ray', 'Bone density scan (procedure)': 'DEXA scan', 'Suture open wound': 'wound suturing', 'Extraction of wisdom tooth': 'wisdom tooth extraction', 'Bone immobilization': 'bone immobilisation', 'Surgical manipulation of joint of knee': 'knee manipulation', 'Percutaneous mechanical thrombectomy of portal vein using fluoroscopic guidance': 'percutaneous portal vein thrombectomy', 'Admission to orthopedic department': 'orthopaedic admission'}.get(x['name'])
        if not pn: return None
        text = rng.choice(['{p} performed {d}.', 'Underwent {p} on {d}.', '{P} done {d}.', 'Procedure: {p} ({d}).']).format(p=pn, P=pn[0].upper() + pn[1:], d=dtext)
        f = dict(t='proc', name=pn, date=spec, say=[pn, dtext])
        return mk(P, good, text, [cit('procedure', x['id'])], [f], why_bad or 'Procedure %s on %s' % (x['name'], x['date']))

# ---------- abbreviations ----------
AB_CODES = ['8480-6', '39156-5', '2093-3', '18262-6', '2085-9', '2571-8', '2339-0', '38483-4', '6299-2', '2947-0', '6298-4', '49765-1', '4548-4', '33914-3', '718-7', '6690-2', '777-3', '4544-3', '14959-1', '2857-1', '787-2', '20565-8', '2069-3', '10230-1']
def c_abbrev(P, good):
    if rng.random() < 0.22:
        L = [c for c in P['cond'] if c['name'] in COND and COND[c['name']][1][0] != COND[c['name']][0][0] and COND[c['name']][1][0].isupper() or (c['name'] in COND and COND[c['name']][1][0] in ('CVA', 'HLD', 'CHD', 'OM'))]
        if L:
            c = rng.choice(L); ab = rng.choice(COND[c['name']][1])
            if good:
                dtext, spec = dtxt_for(c['date'], rng.choice(['day', 'month', 'year']))
                if spec.get('year'): dtext = dtext.split(' ', 1)[1]
                text = rng.choice(['PMH: {a} ({d}).', 'Known {a}, dx {d}.', 'Hx of {a} — onset {d}.', '{a} on problem list since {d}.']).format(a=ab, d=dtext)
                f = dict(t='cond', name=ab, snomed=c['code'], onset=spec, say=[ab, dtext])
                return mk(P, good, text, [cit('condition', c['id'])], [f], 'condition %s onset %s; %s is the standard abbreviation' % (c['name'], c['date'], ab))
            # wrong: abbreviation of another condition
            others = [k for k in ['HTN', 'T2DM', 'CKD 3', 'COPD', 'CHF', 'AF', 'CAD', 'GERD', 'OSA'] if k not in [a for cc in P['cond'] if cc['name'] in COND for a in COND[cc['name']][1]]]
            wa = rng.choice(others)
            dtext, spec = dtxt_for(c['date'], 'year'); dtext = dtext.split(' ', 1)[1]
            text = rng.choice(['PMH: {a} ({d}).', 'Known {a}, dx {d}.', 'Hx {a} since {d}.']).format(a=wa, d=dtext)
            f = dict(t='cond', name=wa, snomed=c['code'], onset=spec, say=[wa, dtext])
            return mk(P, good, text, [cit('condition', c['id'])], [f], 'cited condition is %s, not %s' % (c['name'], wa))
    o = pick_obs(P, AB_CODES, lambda o: safe(o['v'], A[o['code']]['prec']))
    if not o: return None
    a = A[o['code']]; v, u, p = stated(o); ab = rng.choice(a['ab'])
    dtext, spec = dtxt_for(o['date'], rng.choice(['day', 'day', 'month']))
    why = 'obs %s code %s (%s) value %s %s on %s' % (o['cite'], o['code'], a['full'][0], o['v'], o['unit'], o['date'])
    code = o['code']
    if not good:
        if rng.random() < 0.5:
            # wrong analyte behind the abbreviation: value belongs to same-day different analyte, abbreviation names another
            same = [x for x in oks(P, AB_CODES) if x['date'] == o['date'] and x['code'] != o['code'] and x['id'] != o['id'] and abs(x['v'] - o['v']) > 0.1 * abs(o['v'])]
            if same:
                x = rng.choice(same); ab = rng.choice(A[x['code']]['ab']); code = x['code']; u = ''
                why = 'cited obs %s is %s (%s), not %s; %s on that date was %s' % (o['cite'], a['full'][0], o['v'], ab, ab, round(x['v'], 2))
                # keep the original value: value of cited record stated under wrong label
            else:
                v = wrong_value(o['v'], p); why = 'value wrong: record %s = %s' % (o['cite'], o['v'])
        else:
            v = wrong_value(o['v'], p); why = 'value wrong: %s record %s = %s, stated %s' % (ab, o['cite'], o['v'], fnum(v, p))
    if rng.random() < 0.4: u = ''
    if code != o['code']: u = ''
    vtext = (fnum(v, p) + (' ' + u if u and u != '%' else u)).strip()
    text = rng.choice(['{a} {v} ({d}).', '{d}: {a} {v}.', '{a}: {v} on {d}.', '{a} {v}, checked {d}.', 'Labs {d}: {a} {v}.', '{a} was {v} on {d}.']).format(a=ab, v=vtext, d=dtext)
    f = dict(t='obs', code=code, name=ab, value=v, unit=u, prec=p, date=spec, say=[ab, fnum(v, p), dtext])
    return mk(P, good, text, [cit('observation', o['cite'])], [f], why)

# ---------- drug names ----------
def c_drugs(P, good):
    L = [m for m in P['med'] if med_ok(m)]
    if not L: return None
    m = rng.choice(L); g, br, s = DRUGS[m['name']]
    usebrand = br and rng.random() < 0.55
    n = rng.choice(br) if usebrand else g
    dtext, spec = dtxt_for(m['date'], rng.choice(['day', 'month', 'year']))
    if spec.get('year'): dtext = dtext.split(' ', 1)[1]
    why = 'MedicationRequest %s "%s" authoredOn %s' % (m['id'], m['name'], m['date'])
    fs = dict(t='med', name=n, date=spec, say=[n, dtext])
    strength = s
    if not good:
        mode = rng.choice(['strength', 'brand', 'drug'])
        if mode == 'strength':
            ws = strength_wrong(s) if s else None
            if ws: strength = ws; why = 'strength wrong: record is "%s", stated %s' % (m['name'], ws)
            else: mode = 'brand'
        if mode == 'brand':
            n = rng.choice([b for b in OTHER_BRANDS if b not in br and b.lower() not in m['name'].lower()])
            why = '%s is not %s (record "%s")' % (n, g, m['name']); strength = None
        elif mode == 'drug':
            n = rng.choice([x for x in OTHER_GENERICS if x.split()[0] not in m['name'].lower()])
            why = 'wrong drug: record is "%s", not %s' % (m['name'], n); strength = None
        fs = dict(t='med', name=n, date=spec, say=[n, dtext])
    if strength and ('/' not in strength.split()[0] or not good or rng.random() < 0.5):
        fs['strength'] = strength; fs['say'].append(strength)
        st = ' ' + strength
    else:
        st = ''
    if usebrand and good and rng.random() < 0.5 and n != g:
        nn = '%s (%s)' % (n, g); fs['alias'] = g; fs['say'].append(g)
    else:
        nn = n
    text = rng.choice([
        '{n}{s} prescribed {d}.', 'Rx: {n}{s}, issued {d}.', 'Medication list includes {n}{s}, ordered {d}.', '{N}{s} was started in {d}.' if spec.get('year') or spec.get('month') else '{N}{s} was started on {d}.',
        'Prescribed {n}{s} ({d}).', 'Med rec — {n}{s}, script dated {d}.', 'GP started {n}{s} on {d}.' if spec.get('day') else 'Started on {n}{s} in {d}.',
    ]).format(n=nn, N=nn[0].upper() + nn[1:], s=st, d=dtext)
    return mk(P, good, text, [cit('medication', m['id'])], [fs], why)

# ---------- units ----------
U_CODES = ['8480-6', '8462-4', '39156-5', '29463-7', '8302-2', '2093-3', '18262-6', '2085-9', '2571-8', '2339-0', '38483-4', '2947-0', '6298-4', '718-7', '33914-3', '8331-1', '6690-2', '777-3', '4548-4']
def c_units(P, good):
    conv = rng.random() < 0.5
    if good:
        o = pick_obs(P, U_CODES, lambda o: True)
        if not o: return None
        a = A[o['code']]
        if conv and a.get('conv'):
            c = rng.choice(a['conv']); u, fac, p = c[0], c[1], c[2]; off = c[3] if len(c) > 3 else 0
            tv = o['v'] * fac + off
            if not safe(tv, p): return None
            v = round(tv, p) if p > 0 else round(tv)
            why = 'obs %s %s %s converted to %s (%s) = %s' % (o['cite'], o['v'], o['unit'], u, fac, round(tv, 3))
        else:
            if not safe(o['v'], a['prec']): return None
            v, u, p = stated(o); why = 'obs %s %s %s; %s is an equivalent spelling' % (o['cite'], o['v'], o['unit'], u)
    else:
        o = pick_obs(P, [c for c in U_CODES if c in WRONG_UNITS])
        if not o: return None
        a = A[o['code']]
        u = rng.choice(WRONG_UNITS[o['code']]); p = a['prec']
        if o['code'] in ('718-7',) and u == 'g/L' or o['code'] == '38483-4' and u == 'µmol/L' or o['code'] in ('2339-0', '2093-3', '18262-6') and u == 'mmol/L':
            # stated the unconverted number with a unit that needs conversion
            pass
        if not safe(o['v'], p): return None
        v = round(o['v'], p) if p > 0 else round(o['v'])
        why = 'unit wrong: record %s is %s %s; %s %s is a different quantity (no conversion applied)' % (o['cite'], o['v'], o['unit'], fnum(v, p), u)
    dtext, spec = dtxt_for(o['date'], rng.choice(['day', 'day', 'month']))
    vtext = fnum(v, p) + ('' if u == '%' else (' ' if u not in ('°C', '°F') or rng.random() < 0.5 else '') + u)
    n = nm(o['code'])
    text = rng.choice(['{n} {v} on {d}.', '{d}: {n} {v}.', '{n} recorded as {v} ({d}).', 'On {d}, {n} {v}.', '{n} = {v} [{d}]']).format(n=n, v=vtext, d=dtext)
    text = text[0].upper() + text[1:]
    f = dict(t='obs', code=o['code'], value=v, unit=u, prec=p, date=spec, say=[vtext, dtext])
    return mk(P, good, text, [cit('observation', o['cite'])], [f], why)

# ---------- rounding ----------
R_CODES = ['8480-6', '8462-4', '39156-5', '29463-7', '8302-2', '2093-3', '18262-6', '2085-9', '2571-8', '2339-0', '6299-2', '2947-0', '2069-3', '33914-3', '718-7', '4544-3', '787-2', '777-3', '8331-1', '4548-4', '6298-4']
def c_round(P, good):
    o = pick_obs(P, R_CODES)
    if not o: return None
    a = A[o['code']]
    p = 0 if o['v'] >= 20 else 1
    if not safe(o['v'], p): return None
    r = round(o['v'], p) if p else round(o['v'])
    if p == 0 and r % 10 == 0 and not good: return None
    if good:
        v = r; why = 'obs %s value %s rounds to %s' % (o['cite'], o['v'], fnum(v, p))
    else:
        step = 10 ** -p
        need = max(2 * step, 0.015 * abs(o['v']))
        k = int(need / step + 0.999)
        v = round(r + rng.choice([-1, 1]) * (k + rng.choice([0, 0, 1])) * step, p)
        if p == 0: v = int(round(v))
        if abs(v - o['v']) < need: return None
        if p == 0 and v % 10 == 0: return None
        if round(v, p) == round(r, p): return None
        why = 'obs %s value %s rounds to %s, not %s' % (o['cite'], round(o['v'], 4), fnum(r, p), fnum(v, p))
    ap = rng.choice(['about ', '~', 'approximately ', 'approx. ', 'roughly ', 'around ', '≈', 'c. '])
    u = rng.choice(a['units'])[0]
    vtext = ap + fnum(v, p) + ('%' if u == '%' else ' ' + u)
    dtext, spec = dtxt_for(o['date'], rng.choice(['day', 'day', 'month']))
    n = nm(o['code'])
    text = rng.choice(['{n} {v} ({d}).', '{n} was {v} on {d}.', '{d}: {n} {v}.', '{n} ran at {v} when checked {d}.', 'On {d}, {n} of {v}.']).format(n=n, v=vtext, d=dtext)
    text = text[0].upper() + text[1:]
    f = dict(t='obs', code=o['code'], value=v, unit=u, prec=p, approx=True, date=spec, say=[fnum(v, p), dtext])
    return mk(P, good, text, [cit('observation', o['cite'])], [f], why)

def age_at(P, d):
    b = P['birth']; return int(d[:4]) - int(b[:4]) - ((d[5:10]) < b[5:10])

def series(P, code):
    L = sorted([o for o in oks(P, [code])], key=lambda o: o['date'])
    return L

def unique_latest(P, code):
    L = series(P, code)
    if not L: return None
    last = L[-1]['date']; same = [o for o in L if o['date'] == last]
    return same[0] if len(same) == 1 else None

VERB_UP = ['rose', 'increased', 'went up', 'climbed', 'trended up']
VERB_DN = ['fell', 'decreased', 'dropped', 'came down', 'declined']
T_CODES = ['29463-7', '39156-5', '8480-6', '8462-4', '2093-3', '18262-6', '2085-9', '2571-8', '4548-4', '33914-3', '38483-4', '2339-0', '718-7', '8302-2', '14959-1', '6690-2', '777-3', '2857-1']
def dir_of(v1, v2):
    r = (v2 - v1) / abs(v1)
    if r >= 0.08: return 'up'    # generator keeps well clear of the validator's 5% line
    if r <= -0.08: return 'down'
    if abs(r) <= 0.02: return 'stable'
    return None

def c_trends(P, good):
    codes = [c for c in T_CODES if len(set(o['date'] for o in series(P, c))) >= 2]
    if not codes: return None
    code = rng.choice(codes); L = series(P, code)
    o1, o2 = sorted(rng.sample(L, 2), key=lambda o: o['date'])
    if o1['date'] == o2['date']: return None
    if code == '8302-2' and age_at(P, o1['date']) >= 18: return None
    d = dir_of(o1['v'], o2['v'])
    if d is None: return None
    a = A[code]; p = a['prec']; n = nm(code)
    if not (safe(o1['v'], p) and safe(o2['v'], p)): return None
    u = rng.choice(a['units'])[0]; us = '%' if u == '%' else ' ' + u
    dk = rng.choice(['day', 'month', 'year'])
    if dk == 'year' and o1['date'][:4] == o2['date'][:4]: dk = 'day'
    if dk == 'month' and o1['date'][:7] == o2['date'][:7]: dk = 'day'
    t1, s1 = dtxt_for(o1['date'], dk); t2, s2 = dtxt_for(o2['date'], dk)
    if dk == 'year': t1, t2 = t1.split(' ', 1)[1], t2.split(' ', 1)[1]
    cites = [cit('observation', o1['cite']), cit('observation', o2['cite'])]
    v1s, v2s = fnum(o1['v'], p), fnum(o2['v'], p)
    why = '%s %s (%s) -> %s (%s); rel change %+.1f%%; tolerance: rose/fell needs >=5%% change, stable <=2%%' % (code, round(o1['v'], 3), o1['date'], round(o2['v'], 3), o2['date'], 100 * (o2['v'] - o1['v']) / o1['v'])
    mode = rng.choice(['values', 'verb', 'pct', 'diff']) if d != 'stable' else rng.choice(['stable', 'stable', 'values'])
    F1 = dict(t='obs', code=code, value=round(o1['v'], p), unit=u, prec=p, date=s1, say=[v1s, t1])
    F2 = dict(t='obs', code=code, value=round(o2['v'], p), unit=u, prec=p, date=s2, say=[v2s, t2])
    wd = d
    if not good:
        if d == 'stable': wd = rng.choice(['up', 'down'])
        else: wd = 'down' if d == 'up' else 'up'
        if abs((o2['v'] - o1['v']) / o1['v']) >= 0.15 and rng.random() < 0.35: wd = 'stable'
    TF = dict(t='trend', code=code, d1=s1, d2=s2, dir=wd)
    verb = rng.choice(VERB_UP if wd == 'up' else VERB_DN) if wd != 'stable' else None
    if mode == 'stable' or wd == 'stable':
        text = rng.choice(['{N} essentially unchanged between {a} and {b} ({x} vs {y}{u}).', '{N} stable: {x}{u} on {a}, {y}{u} on {b}.', '{N} has been steady — {x}{u} ({a}) and {y}{u} ({b}).']).format(N=n[0].upper() + n[1:], a=t1, b=t2, x=v1s, y=v2s, u=us)
        if wd == 'stable' and d != 'stable':
            text = rng.choice(['{N} stable between {a} and {b}.', '{N} unchanged from {a} to {b}.', 'No real change in {n} from {a} to {b}.']).format(N=n[0].upper() + n[1:], n=n, a=t1, b=t2)
            facts = [TF]; why = 'not stable: ' + why
        else:
            facts = [F1, F2, TF]
        if not good and d == 'stable':
            text = '{N} {v} between {a} and {b}.'.format(N=n[0].upper() + n[1:], v=verb, a=t1, b=t2); facts = [TF]; why = 'actually stable: ' + why
        return mk(P, good, text, cites, facts, why)
    if mode == 'values' and good:
        text = rng.choice(['{N} {v} from {x}{u} ({a}) to {y}{u} ({b}).', '{N} {v} from {x} on {a} to {y}{u} on {b}.', 'Between {a} and {b} the {n} {v} from {x} to {y}{u}.', '{N}: {x} ({a}) → {y}{u} ({b}), i.e. {v}.']).format(N=n[0].upper() + n[1:], n=n, v=verb, a=t1, b=t2, x=v1s, y=v2s, u=us)
        return mk(P, good, text, cites, [F1, F2, TF], why)
    if mode == 'values' and not good:
        # one value wrong, direction right
        wv = wrong_value(o2['v'], p)
        if dir_of(o1['v'], wv) != d: return None
        F2 = dict(F2, value=wv, say=[fnum(wv, p), t2])
        verb = rng.choice(VERB_UP if d == 'up' else VERB_DN)
        text = '{N} {v} from {x}{u} ({a}) to {y}{u} ({b}).'.format(N=n[0].upper() + n[1:], v=verb, a=t1, b=t2, x=v1s, y=fnum(wv, p), u=us)
        return mk(P, good, text, cites, [F1, F2, dict(TF, dir=d)], 'second value wrong; ' + why)
    if mode == 'verb':
        text = rng.choice(['{N} {v} between {a} and {b}.', '{N} {v} from {a} to {b}.', 'Since {a}, {n} %s {v2} (as of {b}).' % ('have' if n in ('trigs', 'triglycerides', 'platelets') else 'has')]).format(N=n[0].upper() + n[1:], n=n, v=verb, v2={'rose': 'risen', 'fell': 'fallen', 'went up': 'gone up', 'came down': 'come down'}.get(verb, verb), a=t1, b=t2)
        return mk(P, good, text, cites, [TF], ('wrong direction; ' if not good else '') + why)
    if mode == 'pct':
        pc = 100 * (o2['v'] - o1['v']) / abs(o1['v'])
        if not safe(abs(pc), 0): return None
        for rp in (1, p):
            alt = 100 * (round(o2['v'], rp) - round(o1['v'], rp)) / abs(round(o1['v'], rp))
            if round(abs(alt)) != round(abs(pc)) or not safe(abs(alt), 0): return None
        sp = abs(round(pc)) if good else abs(round(pc)) + rng.choice([-4, -3, 3, 4, 6])
        if sp <= 1: return None
        verb = rng.choice(VERB_UP if d == 'up' else VERB_DN)
        text = rng.choice(['{N} {v} by about {p}% from {a} to {b}.', '{N} {v} ~{p}% between {a} and {b}.', 'From {a} to {b}, {n} {v} by roughly {p}%.']).format(N=n[0].upper() + n[1:], n=n, v=verb, p=sp, a=t1, b=t2)
        F = dict(t='diff', code=code, d1=s1, d2=s2, delta=sp if d == 'up' else -sp, pct=True, prec=0, say=[str(sp) + '%'])
        return mk(P, good, text, cites, [F, dict(TF, dir=d)], ('wrong percentage; ' if not good else '') + why + '; pct %.2f' % pc)
    if mode == 'diff':
        df = o2['v'] - o1['v']
        if not safe(abs(df), p): return None
        if round(abs(round(o2['v'], p) - round(o1['v'], p)), p) != round(abs(df), p): return None
        sd = round(abs(df), p) if good else round(abs(df) * rng.choice([0.5, 0.6, 1.5, 1.8, 2.2]), p)
        if not good and abs(sd - abs(df)) < max(2 * 10 ** -p, 0.2 * abs(df)): return None
        if sd == 0: return None
        verb = rng.choice(VERB_UP if d == 'up' else VERB_DN)
        text = rng.choice(['{N} {v} by {s}{u} between {a} and {b}.', '{N} {v} {s}{u} from {a} to {b}.', 'Net change in {n} from {a} to {b}: {sg}{s}{u}.']).format(N=n[0].upper() + n[1:], n=n, v=verb, s=fnum(sd, p), u=us, a=t1, b=t2, sg='+' if d == 'up' else '−')
        F = dict(t='diff', code=code, d1=s1, d2=s2, delta=sd if d == 'up' else -sd, pct=False, prec=p, unit=u, say=[fnum(sd, p)])
        return mk(P, good, text, cites, [F, dict(TF, dir=d)], ('wrong difference; ' if not good else '') + why + '; diff %.3f' % df)

# ---------- building blocks returning (phrase, cite, fact, why) ----------
def blk_obs(P, good, codes=CORE_CODES, dk=None):
    o = pick_obs(P, codes, lambda o: safe(o['v'], A[o['code']]['prec']))
    if not o: return None
    v, u, p = stated(o); why = '%s=%s %s on %s (%s)' % (A[o['code']]['ab'][0], round(o['v'], 3), o['unit'], o['date'], o['cite'])
    d = o['date']
    if not good:
        if rng.random() < 0.6: v = wrong_value(o['v'], p); why = 'FALSE value: ' + why
        else:
            d, k = wrong_date(o['date']); dk = 'day'; why = 'FALSE date (%s): ' % k + why
    dtext, spec = dtxt_for(d, dk or rng.choice(['day', 'day', 'month']))
    n = nm(o['code'])
    ph = rng.choice(['{n} {v} on {d}', '{n} of {v} ({d})', '{n} {v} ({d})']).format(n=n, v=vt(o, v, u, p), d=dtext)
    return ph, cit('observation', o['cite']), dict(t='obs', code=o['code'], value=v, unit=u, prec=p, date=spec, say=[fnum(v, p), dtext]), why

def blk_cond(P, good):
    L = [c for c in P['cond'] if c['name'] in COND]
    if not L: return None
    c = rng.choice(L); n = cname(c); why = '%s onset %s status %s' % (c['name'], c['date'], c['status'])
    d = c['date']
    if not good:
        d, k = wrong_date(c['date']); why = 'FALSE onset (%s): ' % k + why
        dtext, spec = dtxt_for(d, 'day')
    else:
        dtext, spec = dtxt_for(d, rng.choice(['day', 'month', 'year']))
        if spec.get('year'): dtext = dtext.split(' ', 1)[1]
    ph = rng.choice(['{n} diagnosed {d}', '{n} (onset {d})', 'a diagnosis of {n} on {d}' if spec.get('day') else 'a diagnosis of {n} in {d}']).format(n=n, d=dtext)
    return ph, cit('condition', c['id']), dict(t='cond', name=n, snomed=c['code'], onset=spec, say=[n, dtext]), why

def blk_med(P, good):
    L = [m for m in P['med'] if med_ok(m)]
    if not L: return None
    m = rng.choice(L); g, br, s = DRUGS[m['name']]; n = rng.choice([g] + br)
    why = '"%s" authored %s' % (m['name'], m['date'])
    f = dict(t='med', name=n, say=[n])
    if not good:
        ws = strength_wrong(s) if s else None
        if ws and rng.random() < 0.5:
            f['strength'] = ws; f['say'].append(ws); dtext, spec = dtxt_for(m['date'], 'year'); dtext = dtext.split(' ', 1)[1]
            why = 'FALSE strength %s: ' % ws + why; st = ' ' + ws
        else:
            d, k = wrong_date(m['date']); dtext, spec = dtxt_for(d, 'day'); why = 'FALSE date (%s): ' % k + why; st = ''
    else:
        dtext, spec = dtxt_for(m['date'], rng.choice(['day', 'month', 'year']))
        if spec.get('year'): dtext = dtext.split(' ', 1)[1]
        st = ''
        if s and '/' not in s.split()[0] and rng.random() < 0.5: f['strength'] = s; f['say'].append(s); st = ' ' + s
    f['date'] = spec; f['say'].append(dtext)
    ph = rng.choice(['{n}{s} prescribed {d}', '{n}{s} started {d}', 'a prescription for {n}{s} ({d})']).format(n=n, s=st, d=dtext)
    return ph, cit('medication', m['id']), f, why

def blk_bp(P, good, adult_only=False):
    L = [o for o in P['obs'] if o['code'] == '8480-6']
    if not L: return None
    s = rng.choice(L); dd = [o for o in P['obs'] if o['id'] == s['id'] and o['code'] == '8462-4'][0]
    sv, dv = round(s['v']), round(dd['v'])
    if not (safe(s['v'], 0) and safe(dd['v'], 0)): return None
    why = 'BP panel %s: SBP %.1f DBP %.1f on %s' % (s['id'], s['v'], dd['v'], s['date'])
    if not good:
        if rng.random() < 0.5: sv = wrong_value(s['v'], 0)
        else: dv = wrong_value(dd['v'], 0)
        why = 'FALSE BP value: ' + why
    dtext, spec = dtxt_for(s['date'], rng.choice(['day', 'day', 'month']))
    u = rng.choice(['mmHg', 'mm Hg', ''])
    ph = rng.choice(['BP {s}/{d}{u} on {t}', 'blood pressure {s}/{d}{u} ({t})']).format(s=int(sv), d=int(dv), u=(' ' + u) if u else '', t=dtext)
    return ph, cit('observation', s['id']), [dict(t='obs', code='8480-6', value=sv, unit=u or 'mmHg', prec=0, date=spec, say=['%d/%d' % (sv, dv)]), dict(t='obs', code='8462-4', value=dv, unit=u or 'mmHg', prec=0, date=spec, say=[dtext])], why

BLOCKS = [blk_obs, blk_obs, blk_cond, blk_med, blk_bp]
def c_two(P, good):
    b1, b2 = rng.sample(BLOCKS, 2)
    bad = rng.randrange(2) if not good else -1
    r1 = b1(P, bad != 0); r2 = b2(P, bad != 1)
    if not r1 or not r2 or r1[1] == r2[1]: return None
    f1 = r1[2] if isinstance(r1[2], list) else [r1[2]]; f2 = r2[2] if isinstance(r2[2], list) else [r2[2]]
    j = rng.choice(['{a}; {b}.', '{A}, and {b}.', '{A} — also {b}.', '{A}. {B}.', '{A}; additionally {b}.'])
    text = j.format(a=r1[0], A=r1[0][0].upper() + r1[0][1:], b=r2[0], B=r2[0][0].upper() + r2[0][1:])
    return mk(P, good, text, [r1[1], r2[1]], f1 + f2, r1[3] + ' | ' + r2[3])

# ---------- negation ----------
SAFE_NEG = [k for k in NEG]
def c_neg(P, good):
    if good:
        keys = [k for k in SAFE_NEG if not neg_present(P, k)]
        if not keys: return None
        k = rng.choice(keys); phr = rng.choice(NEG[k][0])
        if k == 'allergy':
            text = rng.choice(['No known allergies recorded.', 'NKA on file.', 'Allergies: none recorded.', 'No allergies documented in the chart.'])
        elif NEG[k][2]:
            text = rng.choice(['Not on {p}.', 'No {p} on the medication list.', 'Never prescribed {p} per the record.', 'No {p} therapy recorded.']).format(p=phr if k != 'anticoag' else 'anticoagulant' if rng.random() < 0.5 else 'anticoagulation')
            if k == 'anticoag' and 'Not on' in text: text = 'Not on any anticoagulant.'
        else:
            text = rng.choice(['No history of {p}.', 'No documented {p}.', 'PMH negative for {p}.', 'There is no record of {p}.', 'Nil {p} on the problem list.']).format(p=phr)
        f = dict(t='absent', key=k, phrase=phr, say=[])
        return mk(P, good, text, [{'kind': 'record', 'record': 'patient', 'id': P['id']}], [f], 'whole chart searched: no condition/medication/allergy matching "%s"' % k)
    keys = [k for k in SAFE_NEG if neg_present(P, k)]
    hits = []
    for k in keys:
        h = neg_present(P, k)
        if NEG[k][2] and not any(x[1].get('status') == 'active' for x in h): continue
        hits.append((k, h))
    # also direct condition negation
    conds = [c for c in P['cond'] if c['name'] in COND]
    if not hits and not conds: return None
    if hits and (not conds or rng.random() < 0.5):
        k, h = rng.choice(hits); phr = rng.choice(NEG[k][0])
        if k == 'allergy': text = rng.choice(['No known allergies.', 'NKA.', 'Allergies: nil known.'])
        elif NEG[k][2]: text = rng.choice(['Not on {p}.', 'No {p} on the current medication list.', 'Not taking any {p}.']).format(p=phr)
        else: text = rng.choice(['No history of {p}.', 'Denies {p}.', 'PMH negative for {p}.', 'No documented {p}.']).format(p=phr)
        f = dict(t='absent', key=k, phrase=phr, say=[])
        cites = [{'kind': 'record', 'record': 'patient', 'id': P['id']}]
        return mk(P, good, text, cites, [f], 'chart contains %s' % '; '.join('%s %s (%s)' % (t, x['name'], x.get('status', '')) for t, x in h[:3]))
    c = rng.choice(conds); phr = COND[c['name']][0][0]
    text = rng.choice(['No history of {p}.', 'No prior {p}.', 'Denies any {p}.', 'PMH: no {p}.']).format(p=phr)
    f = dict(t='absent', key='cond', keywords=[c['name'].lower()], phrase=phr, say=[phr])
    return mk(P, good, text, [{'kind': 'record', 'record': 'patient', 'id': P['id']}], [f], 'chart has condition %s onset %s' % (c['name'], c['date']))

# ---------- status ----------
def c_status(P, good):
    kind = rng.choice(['med', 'med', 'cond', 'cond', 'smoke'])
    if kind == 'med':
        L = [m for m in P['med'] if med_ok(m)]
        if not L: return None
        m = rng.choice(L); g, br, s = DRUGS[m['name']]; n = rng.choice([g] + br)
        st = m['status'] if good else ('stopped' if m['status'] == 'active' else 'active')
        yr = m['date'][:4]
        if st == 'active':
            if alive(P):
                text = rng.choice(['Currently taking {n} (started {y}).', 'Active med: {n}, prescribed {y}.', 'Remains on {n}, first prescribed {y}.', '{N} — active, since {y}.'])
            else:
                text = rng.choice(['{N} (prescribed {y}) still listed as active.', '{N}, started {y}, active on the medication list.'])
        else:
            text = rng.choice(['{N} (prescribed {y}) has since been stopped.', '{N}, started {y}, was discontinued.', 'Previously on {n} ({y}); no longer taking it.', '{N} ({y}) — discontinued.'])
        text = text.format(n=n, N=n[0].upper() + n[1:], y=yr)
        f = dict(t='med', name=n, status=st, date={'year': yr}, say=[n, yr])
        return mk(P, good, text, [cit('medication', m['id'])], [f], 'MedicationRequest "%s" status=%s authored %s' % (m['name'], m['status'], m['date']) + ('' if good else '; claim says ' + st))
    if kind == 'cond':
        L = [c for c in P['cond'] if c['name'] in COND]
        if not L: return None
        c = rng.choice(L); n = cname(c)
        st = c['status'] if good else ('resolved' if c['status'] == 'active' else 'active')
        dtext, spec = dtxt_for(c['date'], rng.choice(['month', 'year', 'day']))
        if spec.get('year'): dtext = dtext.split(' ', 1)[1]
        if st == 'active':
            text = rng.choice(['{N} (onset {d}) remains active.', 'Active problem: {n}, since {d}.', 'Ongoing {n} — diagnosed {d}, still active.', '{N}: active (dx {d}).'])
        else:
            text = rng.choice(['{N} ({d}) has resolved.', 'Resolved: {n}, onset {d}.', 'Episode of {n} in {d}, now resolved.' if not spec.get('day') else 'Episode of {n} on {d}, now resolved.', '{N} (dx {d}) — resolved.'])
        text = text.format(n=n, N=n[0].upper() + n[1:], d=dtext)
        f = dict(t='cond', name=n, snomed=c['code'], status=st, onset=spec, say=[n, dtext])
        return mk(P, good, text, [cit('condition', c['id'])], [f], 'Condition %s clinicalStatus=%s onset %s' % (c['name'], c['status'], c['date']) + ('' if good else '; claim says ' + st))
    L = sorted(P['smoke'], key=lambda x: x['date'])
    if not L: return None
    last = L[-1]
    if len([x for x in L if x['date'] == last['date']]) > 1: return None
    v = last['v']
    st = v if good else ('Former smoker' if v == 'Never smoker' else 'Never smoker')
    ph = {'Never smoker': ['never smoker', 'lifelong non-smoker', 'has never smoked'], 'Former smoker': ['former smoker', 'ex-smoker', 'quit smoking (ex-smoker)']}[st]
    p = rng.choice(ph)
    dtext, spec = dtxt_for(last['date'], 'day')
    text = rng.choice(['Smoking status (most recent, {d}): {p}.', 'Social hx: {p} per the latest entry ({d}).', 'Tobacco: {p} — last recorded {d}.'] if 'has never' not in p else ['Per the most recent record ({d}), patient {p}.']).format(p=p, d=dtext)
    f = dict(t='smoke', value=st, latest=True, date=spec, say=[p])
    return mk(P, good, text, [cit('observation', last['id'])], [f], 'latest smoking obs %s on %s: %s' % (last['id'], last['date'], v) + ('' if good else '; claim says ' + st))

# ---------- latest ----------
L_CODES = ['8480-6', '39156-5', '29463-7', '2093-3', '18262-6', '2085-9', '2571-8', '2339-0', '38483-4', '4548-4', '33914-3', '718-7', '6298-4', '2947-0', '14959-1', '777-3', '6690-2', '8302-2', '8462-4']
def c_latest(P, good):
    codes = [c for c in L_CODES if len(series(P, c)) >= 2 and unique_latest(P, c)]
    if not codes: return None
    code = rng.choice(codes); lat = unique_latest(P, code); a = A[code]; p = a['prec']
    if not good:
        older = [o for o in series(P, code) if o['date'] < lat['date'] and abs(round(o['v'], p) - round(lat['v'], p)) > 10 ** -p * 1.5]
        if not older: return None
        o = rng.choice(older[-3:])
    else:
        o = lat
    if not safe(o['v'], p): return None
    v, u, p = stated(o)
    n = nm(code)
    withdate = rng.random() < 0.6
    dtext, spec = dtxt_for(o['date'], rng.choice(['day', 'day', 'month']))
    if withdate:
        text = rng.choice(['Most recent {n}: {v} ({d}).', 'Latest {n} {v}, dated {d}.', 'Last {n} on file was {v} on {d}.', 'The most recent {n} ({d}) is {v}.', 'Latest result — {n} {v} on {d}.'])
    else:
        text = rng.choice(['Most recent {n}: {v}.', 'Latest {n} is {v}.', 'Last recorded {n} {v}.', 'Current {n} (latest reading) {v}.'])
    text = text.format(n=n, v=vt(o, v, u, p), d=dtext)
    f = dict(t='obs', code=code, value=v, unit=u, prec=p, latest=True, say=[fnum(v, p)])
    if withdate: f['date'] = spec; f['say'].append(dtext)
    why = 'latest %s in chart is %s = %s on %s' % (code, lat['cite'], round(lat['v'], 3), lat['date'])
    if not good: why = 'cited %s (%s, %s) is older; ' % (o['cite'], round(o['v'], 3), o['date']) + why
    return mk(P, good, text[0].upper() + text[1:], [cit('observation', o['cite'])], [f], why)

# ---------- swapped ----------
PAIRS = [('18262-6', '2085-9'), ('2093-3', '18262-6'), ('2947-0', '2069-3'), ('2085-9', '2571-8'), ('718-7', '4544-3'), ('6690-2', '777-3'), ('29463-7', '8302-2'), ('2093-3', '2571-8'), ('6299-2', '2339-0')]
def c_swapped(P, good):
    mode = rng.choice(['bp', 'bp', 'pair', 'pair', 'years'])
    if mode == 'bp':
        L = [o for o in P['obs'] if o['code'] == '8480-6']
        s = rng.choice(L); dd = [o for o in P['obs'] if o['id'] == s['id'] and o['code'] == '8462-4'][0]
        if not (safe(s['v'], 0) and safe(dd['v'], 0)): return None
        sv, dv = round(s['v']), round(dd['v'])
        if not good: sv, dv = dv, sv
        dtext, spec = dtxt_for(s['date'], rng.choice(['day', 'day', 'month']))
        u = rng.choice([' mmHg', ' mm Hg', ''])
        if rng.random() < 0.5:
            text = rng.choice(['BP {s}/{d}{u} on {t}.', '{t}: BP {s}/{d}{u}.', 'Blood pressure {s}/{d}{u} recorded {t}.']).format(s=sv, d=dv, u=u, t=dtext)
        else:
            text = rng.choice(['SBP {s}, DBP {d}{u} ({t}).', 'Systolic {s}{u} and diastolic {d}{u} on {t}.']).format(s=sv, d=dv, u=u, t=dtext)
        cites = [cit('observation', s['id'])] if rng.random() < 0.6 else [cit('observation', s['cite']), cit('observation', dd['cite'])]
        fs = [dict(t='obs', code='8480-6', value=sv, unit='mmHg', prec=0, date=spec, say=[str(sv)]), dict(t='obs', code='8462-4', value=dv, unit='mmHg', prec=0, date=spec, say=[str(dv), dtext])]
        return mk(P, good, text, cites, fs, 'BP %s: SBP %.1f DBP %.1f on %s' % (s['id'], s['v'], dd['v'], s['date']) + ('' if good else '; systolic/diastolic swapped'))
    if mode == 'pair':
        c1, c2 = rng.choice(PAIRS)
        if c1 == '8302-2' or c2 == '8302-2':
            return None
        L1 = series(P, c1)
        rng.shuffle(L1)
        for o1 in L1:
            m = [o for o in series(P, c2) if o['date'] == o1['date']]
            if len(m) == 1 and len([x for x in L1 if x['date'] == o1['date']]) == 1: break
        else: return None
        o2 = m[0]; p1, p2 = A[c1]['prec'], A[c2]['prec']
        if not (safe(o1['v'], p1) and safe(o2['v'], p2)) or abs(o1['v'] - o2['v']) < 0.15 * max(o1['v'], o2['v']): return None
        v1, v2 = round(o1['v'], p1), round(o2['v'], p2)
        if not good: v1, v2 = round(o2['v'], p1), round(o1['v'], p2)
        n1, n2 = nm(c1, True), nm(c2, True)
        dtext, spec = dtxt_for(o1['date'], rng.choice(['day', 'month']))
        text = rng.choice(['{d}: {a} {x}, {b} {y}.', '{a} {x} and {b} {y} on {d}.', 'Labs {d} — {a} {x}; {b} {y}.']).format(a=n1, b=n2, x=fnum(v1, p1), y=fnum(v2, p2), d=dtext)
        fs = [dict(t='obs', code=c1, value=v1, unit=A[c1]['units'][0][0], prec=p1, date=spec, say=[fnum(v1, p1)]), dict(t='obs', code=c2, value=v2, unit=A[c2]['units'][0][0], prec=p2, date=spec, say=[fnum(v2, p2)])]
        return mk(P, good, text, [cit('observation', o1['cite']), cit('observation', o2['cite'])], fs, '%s=%s, %s=%s on %s' % (c1, round(o1['v'], 3), c2, round(o2['v'], 3), o1['date']) + ('' if good else '; the two values are swapped'))
    codes = [c for c in T_CODES if c != '8302-2' and len(set(o['date'][:4] for o in series(P, c))) >= 2]
    if not codes: return None
    code = rng.choice(codes); L = series(P, code); p = A[code]['prec']
    o1, o2 = sorted(rng.sample(L, 2), key=lambda o: o['date'])
    if o1['date'][:4] == o2['date'][:4] or len([o for o in L if o['date'][:4] in (o1['date'][:4], o2['date'][:4])]) != 2: return None
    if not (safe(o1['v'], p) and safe(o2['v'], p)) or abs(round(o1['v'], p) - round(o2['v'], p)) < 2 * 10 ** -p: return None
    y1, y2 = o1['date'][:4], o2['date'][:4]
    x1, x2 = round(o1['v'], p), round(o2['v'], p)
    if not good: x1, x2 = x2, x1
    n = nm(code); u = A[code]['units'][0][0]; us = u if u == '%' else ' ' + u
    text = rng.choice(['{N} {a}: {x}{u}; {b}: {y}{u}.', '{N} {x}{u} in {a} and {y}{u} in {b}.', '{N} was {x} in {a}, {y}{u} in {b}.']).format(N=n[0].upper() + n[1:], a=y1, b=y2, x=fnum(x1, p), y=fnum(x2, p), u=us)
    fs = [dict(t='obs', code=code, value=x1, unit=u, prec=p, date={'year': y1}, say=[fnum(x1, p), y1]), dict(t='obs', code=code, value=x2, unit=u, prec=p, date={'year': y2}, say=[fnum(x2, p), y2])]
    return mk(P, good, text, [cit('observation', o1['cite']), cit('observation', o2['cite'])], fs, '%s %s in %s, %s in %s' % (code, round(o1['v'], 3), y1, round(o2['v'], 3), y2) + ('' if good else '; years swapped'))

# ---------- wrong-citation ----------
def c_wcite(P, good):
    kind = rng.choice(['obs', 'obs', 'obs', 'cond', 'med'])
    if kind == 'obs':
        o = pick_obs(P, CORE_CODES, lambda o: safe(o['v'], A[o['code']]['prec']))
        if not o: return None
        v, u, p = stated(o); dtext, spec = dtxt_for(o['date'], 'day'); n = nm(o['code'])
        text = obs_sentence(o, vt(o, v, u, p), n, dtext)
        f = dict(t='obs', code=o['code'], value=v, unit=u, prec=p, date=spec, say=[fnum(v, p), dtext])
        if good:
            return mk(P, good, text, [cit('observation', o['cite'])], [f], 'obs %s %s=%s on %s' % (o['cite'], o['code'], round(o['v'], 3), o['date']))
        alts = []
        same_code = [x for x in oks(P, [o['code']]) if x['date'] != o['date'] and abs(round(x['v'], p) - v) > 10 ** -p]
        other = [x for x in oks(P) if x['date'] == o['date'] and x['code'] != o['code'] and x['id'] != o['id']]
        if same_code: alts.append(('observation', rng.choice(same_code), 'same analyte, other date'))
        if other: alts.append(('observation', rng.choice(other), 'other analyte, same date'))
        encs = [e for e in P['enc'] if e['date'] == o['date']]
        if encs: alts.append(('encounter', encs[0], 'the encounter, not the result'))
        if not alts: return None
        k, x, how = rng.choice(alts)
        cid = x.get('cite', x['id'])
        return mk(P, good, text, [cit(k, cid)], [f], 'true fact (%s, %s) but cites %s %s (%s)' % (o['cite'], round(o['v'], 3), k, cid, how))
    if kind == 'cond':
        r = blk_cond(P, True)
        if not r: return None
        ph, c, f, why = r
        text = ph[0].upper() + ph[1:] + '.'
        if good: return mk(P, good, text, [c], [f], why)
        others = [x for x in P['cond'] if x['id'] != c['id'] and x['code'] != f['snomed']]
        encs = [e for e in P['enc']]
        if others and rng.random() < 0.6:
            x = rng.choice(others); return mk(P, good, text, [cit('condition', x['id'])], [f], 'true (%s) but cites other condition %s (%s)' % (why, x['id'], x['name']))
        x = rng.choice(encs); return mk(P, good, text, [cit('encounter', x['id'])], [f], 'true (%s) but cites an encounter %s' % (why, x['id']))
    r = blk_med(P, True)
    if not r: return None
    ph, c, f, why = r
    text = ph[0].upper() + ph[1:] + '.'
    if good: return mk(P, good, text, [c], [f], why)
    others = [x for x in P['med'] if x['id'] != c['id'] and x['name'] != [m for m in P['med'] if m['id'] == c['id']][0]['name']]
    if others and rng.random() < 0.6:
        x = rng.choice(others); return mk(P, good, text, [cit('medication', x['id'])], [f], 'true (%s) but cites other MedicationRequest %s (%s)' % (why, x['id'], x['name']))
    x = rng.choice(P['cond'] or P['enc']); kk = 'condition' if P['cond'] else 'encounter'
    return mk(P, good, text, [cit(kk, x['id'])], [f], 'true (%s) but cites a %s %s' % (why, kk, x['id']))

# ---------- interpretation ----------
def bp_cat(s, d):
    if s >= 140 or d >= 90: return 'stage2'
    if s >= 130 or d >= 80: return 'stage1'
    if s >= 120: return 'elevated'
    return 'normal'
CATS_TXT = {
 'bp': {'normal': ['normal BP', 'normotensive'], 'elevated': ['elevated BP (ACC/AHA)'], 'stage1': ['in the stage 1 hypertension range', 'in the stage 1 HTN range'], 'stage2': ['in the stage 2 hypertension range', 'in the stage 2 HTN range']},
 '39156-5': {'under': ['underweight'], 'normal': ['normal weight', 'in the healthy weight range'], 'over': ['overweight'], 'obese': ['obese', 'in the obese range']},
 '4548-4': {'normal': ['normal', 'non-diabetic range'], 'pre': ['prediabetic range', 'in the prediabetes range'], 'dm': ['diabetic range', 'in the diabetes range']},
 '33914-3': {'g1': ['normal (G1)', 'KDIGO G1'], 'g2': ['mildly decreased (G2)', 'KDIGO G2'], 'g3a': ['G3a, mildly-moderately decreased'], 'g3b': ['G3b, moderately-severely decreased'], 'g4': ['G4, severely decreased']},
 '18262-6': {'optimal': ['optimal (<100)', 'optimal (<100 mg/dL)'], 'near': ['near optimal'], 'borderline': ['borderline high'], 'high': ['high'], 'vhigh': ['very high']},
 '2093-3': {'desirable': ['desirable (<200)', 'desirable'], 'borderline': ['borderline high'], 'high': ['high']},
 '2571-8': {'normal': ['normal (<150)', 'normal'], 'borderline': ['borderline high'], 'high': ['high'], 'vhigh': ['very high']},
 '8331-1': {'fever': ['febrile', 'a fever'], 'afebrile': ['afebrile']},
}
def cat_of(code, v):
    cuts = {'39156-5': [(18.5, 'under'), (25, 'normal'), (30, 'over'), (1e9, 'obese')],
            '4548-4': [(5.7, 'normal'), (6.5, 'pre'), (1e9, 'dm')],
            '33914-3': [(15, 'g5'), (30, 'g4'), (45, 'g3b'), (60, 'g3a'), (90, 'g2'), (1e9, 'g1')],
            '18262-6': [(100, 'optimal'), (130, 'near'), (160, 'borderline'), (190, 'high'), (1e9, 'vhigh')],
            '2093-3': [(200, 'desirable'), (240, 'borderline'), (1e9, 'high')],
            '2571-8': [(150, 'normal'), (200, 'borderline'), (500, 'high'), (1e9, 'vhigh')],
            '8331-1': [(37.5, 'afebrile'), (38.0, None), (1e9, 'fever')]}[code]
    for c, k in cuts:
        if v < c: return k
def near_cut(code, v):
    cuts = {'39156-5': [18.5, 25, 30], '4548-4': [5.7, 6.5], '33914-3': [15, 30, 45, 60, 90], '18262-6': [100, 130, 160, 190], '2093-3': [200, 240], '2571-8': [150, 200, 500], '8331-1': [37.5, 38.0]}[code]
    return any(abs(v - c) <= 0.025 * c for c in cuts)

def c_interp(P, good):
    code = rng.choice(['bp', 'bp', '39156-5', '39156-5', '4548-4', '33914-3', '18262-6', '2093-3', '2571-8', '8331-1'])
    if code == 'bp':
        L = [o for o in P['obs'] if o['code'] == '8480-6' and age_at(P, o['date']) >= 18]
        if not L: return None
        s = rng.choice(L); d = [o for o in P['obs'] if o['id'] == s['id'] and o['code'] == '8462-4'][0]
        if any(abs(s['v'] - c) <= 2.5 for c in (120, 130, 140)) or any(abs(d['v'] - c) <= 2.5 for c in (80, 90)): return None
        cat = bp_cat(s['v'], d['v'])
        sc = cat if good else rng.choice([k for k in CATS_TXT['bp'] if k != cat])
        ph = rng.choice(CATS_TXT['bp'][sc])
        dtext, spec = dtxt_for(s['date'], rng.choice(['day', 'day', 'month']))
        text = rng.choice(['BP {s}/{d} on {t} — {p}.', '{t}: BP {s}/{d} mmHg, {p}.', 'Reading of {s}/{d} ({t}) is {p}.' if not ph.startswith('in ') else 'Reading of {s}/{d} ({t}) is {p}.']).format(s=round(s['v']), d=round(d['v']), t=dtext, p=ph)
        fs = [dict(t='obs', code='8480-6', value=round(s['v']), unit='mmHg', prec=0, date=spec, say=[str(round(s['v']))]), dict(t='obs', code='8462-4', value=round(d['v']), unit='mmHg', prec=0, date=spec, say=[str(round(d['v']))]), dict(t='interp', code='bp', date=spec, cat=sc, say=[ph])]
        return mk(P, good, text, [cit('observation', s['id'])], fs, 'BP %.1f/%.1f on %s = %s per ACC/AHA 2017' % (s['v'], d['v'], s['date'], cat) + ('' if good else '; claim says ' + sc))
    L = [o for o in oks(P, [code]) if not near_cut(code, o['v']) and (code != '39156-5' or age_at(P, o['date']) >= 20)]
    if not L: return None
    o = rng.choice(L); cat = cat_of(code, o['v'])
    if cat is None or cat not in CATS_TXT[code]: return None
    sc = cat if good else rng.choice([k for k in CATS_TXT[code] if k != cat and not (code == '18262-6' and {k, cat} == {'optimal', 'near'})])
    ph = rng.choice(CATS_TXT[code][sc]); p = A[code]['prec']
    if not safe(o['v'], p): return None
    v, u, p = stated(o); n = nm(code)
    dtext, spec = dtxt_for(o['date'], rng.choice(['day', 'day', 'month']))
    std = {'bp': 'ACC/AHA 2017', '39156-5': 'WHO BMI', '4548-4': 'ADA', '33914-3': 'KDIGO', '18262-6': 'NCEP ATP III', '2093-3': 'NCEP ATP III', '2571-8': 'NCEP ATP III', '8331-1': 'fever >=38.0 C, afebrile <37.5 C'}[code]
    text = rng.choice(['{N} {v} on {d}, {p}.', '{N} of {v} ({d}) — {p}.', '{d}: {n} {v}; {p}.', '{N} {v} ({d}) is {p}.' if not ph.startswith(('in ', 'a ', 'at ')) else '{N} {v} ({d}), {p}.']).format(N=n[0].upper() + n[1:], n=n, v=vt(o, v, u, p), d=dtext, p=ph)
    fs = [dict(t='obs', code=code, value=v, unit=u, prec=p, date=spec, say=[fnum(v, p)]), dict(t='interp', code=code, date=spec, cat=sc, say=[ph])]
    return mk(P, good, text, [cit('observation', o['cite'])], fs, '%s %s on %s = %s per %s' % (code, round(o['v'], 3), o['date'], cat, std) + ('' if good else '; claim says ' + sc))

CATS = [('dates', c_dates), ('abbreviations', c_abbrev), ('drug-names', c_drugs), ('units', c_units), ('rounding', c_round), ('trends', c_trends),
        ('two-facts', c_two), ('negation', c_neg), ('status', c_status), ('latest', c_latest), ('swapped', c_swapped), ('wrong-citation', c_wcite), ('interpretation', c_interp)]

def main():
    claims = []; seen = set(); N = 27
    for cat, fn in CATS:
        for good in (True, False):
            got = 0; tries = 0; pi = rng.randrange(len(PATS)); per = {}
            while got < N and tries < 20000:
                tries += 1
                P = PATS[pi % len(PATS)]; pi += 1
                if P['name'].split()[0] in BIG and rng.random() < 0.5: pi -= 1  # big patients get extra chances
                if per.get(P['id'], 0) >= 3 and P['name'].split()[0] not in BIG: continue
                try:
                    c = fn(P, good)
                except (IndexError, ValueError):
                    c = None
                if not c or c['text'] in seen: continue
                if '{' in c['text']: raise SystemExit('template bug: ' + c['text'])
                seen.add(c['text']); c['category'] = cat; claims.append(c); got += 1; per[P['id']] = per.get(P['id'], 0) + 1
            if got < N: print('SHORT', cat, good, got)
    with open(os.path.join(OUT, 'claims.jsonl'), 'w') as fc, open(os.path.join(OUT, 'checks.jsonl'), 'w') as fk:
        for i, c in enumerate(claims):
            facts = c.pop('facts')
            fc.write(json.dumps(dict(patient=c['patient'], text=c['text'], citations=c['citations'], label=c['label'], category=c['category'], why=c['why']), ensure_ascii=False) + '\n')
            fk.write(json.dumps(dict(i=i, patient=c['patient'], text=c['text'], facts=facts), ensure_ascii=False) + '\n')
    print('wrote', len(claims))

if __name__ == '__main__':
    main()
