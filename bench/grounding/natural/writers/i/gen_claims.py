#!/usr/bin/env python3
"""Seeded generator for the i-heldout claim set.
Writes claims.jsonl (spec format) and claims.facts.jsonl (one line per claim, same order:
the machine-checkable facts each sentence asserts; read only by validate.py).
Usage: python3 gen_claims.py [seed]"""
import json, random, sys, math, os, datetime
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import load_all, age_at

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20261207
R = random.Random(SEED)
OUT = os.path.dirname(os.path.abspath(__file__))
PER = 27

# ---------------------------------------------------------------- formatting helpers
MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
MON3 = [m[:3] for m in MON]


def ordn(d):
    return str(d) + ('th' if 11 <= d % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th'))


def ddate(iso, style=None):
    """full-day date in a random (unambiguous) style"""
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    styles = ['iso', 'dmy', 'mdy', 'long', 'the', 'dmyfull', 'mdyfull', 'dmy3comma']
    if d > 12:
        styles += ['us', 'uk', 'us', 'uk', 'dot']
    s = style or R.choice(styles)
    return {'iso': iso, 'us': f'{m:02d}/{d:02d}/{y}', 'uk': f'{d:02d}/{m:02d}/{y}', 'dot': f'{d:02d}.{m:02d}.{y}',
            'dmy': f'{d} {MON3[m-1]} {y}', 'mdy': f'{MON3[m-1]} {d}, {y}', 'long': f'{MON[m-1]} {ordn(d)} {y}',
            'the': f'the {ordn(d)} of {MON[m-1]} {y}', 'dmyfull': f'{d} {MON[m-1]} {y}',
            'mdyfull': f'{MON[m-1]} {d}, {y}', 'dmy3comma': f'{ordn(d)} {MON3[m-1]} {y}'}[s]


def mdate(iso):
    y, m = int(iso[:4]), int(iso[5:7])
    opts = [f'{MON3[m-1]} {y}', f'{m:02d}/{y}', f'{MON[m-1]} {y}']
    if 1950 <= y <= 2021:
        opts.append(f"{MON3[m-1]} '{str(y)[2:]}")
    return R.choice(opts)


def any_date(iso, allow_vague=True):
    """returns (text, gran)"""
    m = int(iso[5:7])
    opts = ['day'] * 5 + ['month'] * 2 + ['year']
    if allow_vague and m in (4, 7, 10):
        opts.append('season')
    g = R.choice(opts)
    if g == 'day':
        return ddate(iso), 'day'
    if g == 'month':
        return mdate(iso), 'month'
    if g == 'year':
        return iso[:4], 'year'
    sea = {4: 'spring', 7: 'summer', 10: R.choice(['autumn', 'fall'])}[m]
    return f'{sea} {iso[:4]}', 'season'


def fnum(w, q):
    dec = max(0, -int(round(math.log10(q))))
    return f'{w:.{dec}f}'


def rnd(v, q):
    return round(round(v / q) * q, 6)


def near_half(v, q):
    f = v / q - math.floor(v / q)
    return abs(f - 0.5) < 0.06


class Skip(Exception):
    pass


def wrong_w(v, q, ks=(1, 2)):
    c = []
    base = rnd(v, q)
    for k in ks:
        for s in (-1, 1):
            w = round(base + s * k * q, 6)
            if abs(w - v) >= 1.0 * q and w > 0:
                # a round number (…0 at this precision) reads as coarser precision: skip unless wrong there too
                if round(w / q) % 10 == 0 and abs(w - v) <= 5 * q:
                    continue
                if round(w / q) % 5 == 0 and abs(w - v) <= 2.5 * q:  # "about 125" may be read as nearest-5
                    continue
                c.append(w)
    if not c:
        raise Skip()
    return R.choice(c)


def shift_date(iso, kind):
    d = datetime.date.fromisoformat(iso)
    if kind == 'day':
        n = d + datetime.timedelta(days=R.choice([-1, 1]))
    elif kind == 'month':
        mm = d.month + R.choice([-1, 1])
        yy = d.year + (mm - 1) // 12
        mm = (mm - 1) % 12 + 1
        n = datetime.date(yy, mm, min(d.day, 28))
    elif kind == 'year':
        n = datetime.date(d.year + R.choice([-1, 1, 2, -2]), d.month, min(d.day, 28))
    elif kind == 'swapdm':
        n = datetime.date(d.year, d.day, d.month)
    return n.isoformat()


# ---------------------------------------------------------------- analytes
BP = 'Blood Pressure'
AN = {
    'Body Weight': dict(n=['weight', 'body weight', 'Wt', 'wt'], u='kg', q=[0.1, 1]),
    'Body Height': dict(n=['height', 'Ht', 'body height'], u='cm', q=[0.1, 1]),
    'Body Mass Index': dict(n=['BMI', 'body mass index', 'BMI'], u='kg/m2', q=[0.1, 1, 0.1]),
    'Glucose': dict(n=['glucose', 'Glu', 'serum glucose', 'blood glucose'], u='mg/dL', q=[1]),
    'Urea Nitrogen': dict(n=['BUN', 'urea nitrogen', 'blood urea nitrogen'], u='mg/dL', q=[1, 0.1]),
    'Creatinine': dict(n=['Cr', 'creatinine', 'serum creatinine', 'SCr'], u='mg/dL', q=[0.01, 0.1]),
    'Calcium': dict(n=['Ca', 'calcium', 'serum calcium'], u='mg/dL', q=[0.1]),
    'Sodium': dict(n=['Na', 'sodium', 'serum sodium'], u='mmol/L', q=[1]),
    'Potassium': dict(n=['K', 'potassium', 'K+'], u='mmol/L', q=[0.1]),
    'Chloride': dict(n=['Cl', 'chloride'], u='mmol/L', q=[1]),
    'Carbon Dioxide': dict(n=['CO2', 'bicarbonate', 'total CO2', 'HCO3'], u='mmol/L', q=[1]),
    'Hemoglobin A1c/Hemoglobin.total in Blood': dict(n=['HbA1c', 'A1c', 'haemoglobin A1c', 'hemoglobin A1c', 'glycated haemoglobin'], u='%', q=[0.1]),
    'Total Cholesterol': dict(n=['total cholesterol', 'TC', 'cholesterol', 'total chol'], u='mg/dL', q=[1]),
    'Triglycerides': dict(n=['TG', 'triglycerides', 'trigs'], u='mg/dL', q=[1]),
    'Low Density Lipoprotein Cholesterol': dict(n=['LDL', 'LDL-C', 'LDL cholesterol'], u='mg/dL', q=[1]),
    'High Density Lipoprotein Cholesterol': dict(n=['HDL', 'HDL-C', 'HDL cholesterol'], u='mg/dL', q=[1]),
    'Estimated Glomerular Filtration Rate': dict(n=['eGFR', 'estimated GFR', 'eGFR'], u='eGFR', q=[1]),
    'Hemoglobin [Mass/volume] in Blood': dict(n=['Hb', 'Hgb', 'haemoglobin', 'hemoglobin'], u='g/dL', q=[0.1]),
    'Hematocrit [Volume Fraction] of Blood by Automated count': dict(n=['Hct', 'haematocrit', 'hematocrit'], u='%', q=[0.1, 1]),
    'Leukocytes [#/volume] in Blood by Automated count': dict(n=['WBC', 'white cell count', 'WCC', 'white blood cell count'], u='K/uL', q=[0.1]),
    'Platelets [#/volume] in Blood by Automated count': dict(n=['Plt', 'platelets', 'platelet count', 'PLT'], u='K/uL', q=[1]),
    'MCV [Entitic volume] by Automated count': dict(n=['MCV', 'mean corpuscular volume'], u='fL', q=[0.1, 1]),
    'Oral temperature': dict(n=['temp', 'T', 'temperature', 'oral temp'], u='C', q=[0.1]),
    'Microalbumin Creatinine Ratio': dict(n=['urine ACR', 'microalbumin/creatinine ratio', 'UACR'], u='mg/g', q=[0.1, 1]),
}
US = {
    'mg/dL': ['mg/dL', 'mg/dl'], 'mmol/L': ['mmol/L', 'mmol/l'], 'mEq/L': ['mEq/L'], 'kg': ['kg'], 'lb': ['lb', 'lbs', 'pounds'],
    'cm': ['cm'], 'in': ['in', 'inches'], 'kg/m2': ['kg/m2', 'kg/m²', 'kg/m^2'], 'mmHg': ['mmHg', 'mm Hg', 'mm[Hg]'],
    '%': ['%'], 'g/dL': ['g/dL', 'g/dl'], 'g/L': ['g/L'], 'umol/L': ['µmol/L', 'umol/L', 'micromol/L'],
    'C': ['°C', 'C', 'deg C', 'degrees Celsius'], 'F': ['°F', 'F', 'degrees Fahrenheit'],
    'K/uL': ['x10^3/uL', 'K/uL', '10*3/uL', 'x10³/µL'], 'x10^9/L': ['x10^9/L', '×10⁹/L'],
    'eGFR': ['mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m2'], 'fL': ['fL', 'fl'], 'mg/g': ['mg/g'],
    'mmol/mol': ['mmol/mol'], 'mL/s': ['mL/s'], 'mg/dL-bad': ['mg/dL'],
}
CONV = {  # (analyte, unit) -> converter used to build converted values
    ('Body Weight', 'lb'): lambda v: v * 2.20462, ('Body Height', 'in'): lambda v: v / 2.54,
    ('Glucose', 'mmol/L'): lambda v: v / 18.016, ('Total Cholesterol', 'mmol/L'): lambda v: v / 38.67,
    ('Low Density Lipoprotein Cholesterol', 'mmol/L'): lambda v: v / 38.67,
    ('High Density Lipoprotein Cholesterol', 'mmol/L'): lambda v: v / 38.67, ('Triglycerides', 'mmol/L'): lambda v: v / 88.57,
    ('Creatinine', 'umol/L'): lambda v: v * 88.42, ('Hemoglobin [Mass/volume] in Blood', 'g/L'): lambda v: v * 10,
    ('Oral temperature', 'F'): lambda v: v * 9 / 5 + 32, ('Hemoglobin A1c/Hemoglobin.total in Blood', 'mmol/mol'): lambda v: (v - 2.15) * 10.929,
    ('Sodium', 'mEq/L'): lambda v: v, ('Potassium', 'mEq/L'): lambda v: v, ('Chloride', 'mEq/L'): lambda v: v,
    ('Carbon Dioxide', 'mEq/L'): lambda v: v, ('Leukocytes [#/volume] in Blood by Automated count', 'x10^9/L'): lambda v: v,
    ('Platelets [#/volume] in Blood by Automated count', 'x10^9/L'): lambda v: v,
}


def uspell(u):
    return R.choice(US[u])


def vtext(w, q, u, spell=True):
    if u is None:
        return fnum(w, q)
    s = uspell(u)
    sep = '' if s in ('%',) or (s in ('°C', '°F') and R.random() < 0.7) else ' '
    return fnum(w, q) + sep + s


def aname(code):
    return R.choice(AN[code]['n'])


def val(o, comp=None):
    if comp is None:
        return o['v']
    return o['comp'][comp][1]


def cidx(o, comp):
    return o['comp'][comp][0]


SYS, DIA = 'Systolic Blood Pressure', 'Diastolic Blood Pressure'


def vfact(o, w, q, u, comp=None, txt=None):
    f = dict(t='val', rec=o['id'], w=w, q=q, unit=u, an=o['code'])
    if comp is not None:
        f['comp'] = cidx(o, comp)
        f['an'] = comp
    f['txt'] = txt if txt is not None else fnum(w, q)
    return f


def ocit(o, comp=None, whole=False):
    if comp is not None and not whole:
        return dict(kind='record', record='observation', id=f"{o['id']}#{cidx(o, comp)}")
    return dict(kind='record', record='observation', id=o['id'])


def rcit(kind, r):
    return dict(kind='record', record=kind, id=r['id'])


def pcit(p):
    return dict(kind='record', record='patient', id=p.id)


def dfact(rec, iso, gran, txt, field='date'):
    return dict(t='date', rec=rec, iso=iso, gran=gran, txt=txt, field=field)


# ---------------------------------------------------------------- conditions / meds vocab
CN = {
    'Hypertension': ['hypertension', 'HTN', 'high blood pressure'],
    'Diabetes': ['diabetes', 'DM', 'diabetes mellitus'],
    'Prediabetes': ['prediabetes', 'pre-diabetes'],
    'Anemia (disorder)': ['anemia', 'anaemia'],
    'Stroke': ['stroke', 'CVA'],
    'Neoplasm of prostate': ['prostate neoplasm', 'neoplasm of the prostate'],
    'Viral sinusitis (disorder)': ['viral sinusitis'],
    'Acute viral pharyngitis (disorder)': ['viral pharyngitis', 'acute viral pharyngitis'],
    'Chronic sinusitis (disorder)': ['chronic sinusitis'],
    'Miscarriage in first trimester': ['first-trimester miscarriage', 'miscarriage in the first trimester'],
    'Body mass index 30+ - obesity (finding)': ['obesity', 'obesity (BMI 30+)'],
    'Acute bronchitis (disorder)': ['acute bronchitis'],
    'Streptococcal sore throat (disorder)': ['strep throat', 'streptococcal sore throat'],
    'Myocardial Infarction': ['MI', 'myocardial infarction', 'heart attack'],
    'Coronary Heart Disease': ['CHD', 'coronary heart disease'],
    "Alzheimer's disease (disorder)": ["Alzheimer's disease", "Alzheimer's"],
    'Chronic congestive heart failure (disorder)': ['CHF', 'chronic congestive heart failure', 'congestive heart failure'],
    'Otitis media': ['otitis media', 'OM'],
    'Sprain of ankle': ['ankle sprain', 'sprained ankle'],
    'Osteoarthritis of hip': ['hip OA', 'osteoarthritis of the hip'],
    'Fracture of forearm': ['forearm fracture', 'fractured forearm'],
    'Sinusitis (disorder)': ['sinusitis'],
    'Sprain of wrist': ['wrist sprain', 'sprained wrist'],
    'Injury of medial collateral ligament of knee': ['MCL injury of the knee', 'knee MCL injury'],
    'Hyperglycemia (disorder)': ['hyperglycaemia', 'hyperglycemia'],
    'Hypertriglyceridemia (disorder)': ['hypertriglyceridaemia', 'hypertriglyceridemia'],
    'Metabolic syndrome X (disorder)': ['metabolic syndrome'],
    'Neuropathy due to type 2 diabetes mellitus (disorder)': ['diabetic neuropathy', 'neuropathy due to T2DM'],
    'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'CKD 1', 'stage 1 chronic kidney disease'],
    'Diabetic renal disease (disorder)': ['diabetic nephropathy', 'diabetic kidney disease'],
    'Appendicitis': ['appendicitis'],
    'Polyp of colon': ['colon polyp', 'colonic polyp'],
    'Recurrent rectal polyp': ['recurrent rectal polyp'],
    'Fracture of clavicle': ['clavicle fracture', 'fractured clavicle'],
    'Atopic dermatitis': ['atopic dermatitis', 'eczema'],
    'Childhood asthma': ['asthma', 'childhood asthma'],
    'Seasonal allergic rhinitis': ['hay fever', 'seasonal allergic rhinitis'],
    'Whiplash injury to neck': ['whiplash', 'whiplash injury'],
    'Localized, primary osteoarthritis of the hand': ['hand OA', 'osteoarthritis of the hand'],
    'Osteoporosis (disorder)': ['osteoporosis'],
    'Concussion with no loss of consciousness': ['concussion without LOC', 'concussion (no loss of consciousness)'],
    'Seizure disorder': ['seizure disorder'],
    'Epilepsy': ['epilepsy'],
    'Impacted molars': ['impacted molars'],
    'Hyperlipidemia': ['hyperlipidaemia', 'hyperlipidemia', 'HLD'],
    'Laceration of hand': ['hand laceration', 'laceration of the hand'],
    'Diabetic retinopathy associated with type II diabetes mellitus (disorder)': ['diabetic retinopathy'],
    'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)': ['NPDR', 'non-proliferative diabetic retinopathy'],
    'Metastasis from malignant tumor of prostate (disorder)': ['metastatic prostate cancer'],
    'Carcinoma in situ of prostate (disorder)': ['prostate carcinoma in situ'],
}
ACUTE = {'Viral sinusitis (disorder)', 'Acute viral pharyngitis (disorder)', 'Acute bronchitis (disorder)', 'Streptococcal sore throat (disorder)',
         'Otitis media', 'Sprain of ankle', 'Sprain of wrist', 'Fracture of forearm', 'Sinusitis (disorder)', 'Fracture of clavicle',
         'Injury of medial collateral ligament of knee', 'Whiplash injury to neck', 'Concussion with no loss of consciousness', 'Laceration of hand'}


def cname(c):
    return R.choice(CN[c['code']]) if c['code'] in CN else None


# display -> (names, strength text or None, wrong names, wrong strengths)
MED = {
    'Hydrochlorothiazide 25 MG': (['hydrochlorothiazide', 'HCTZ', 'Microzide'], '25 mg', ['chlorthalidone', 'indapamide'], ['12.5 mg', '50 mg']),
    'Simvastatin 20 MG Oral Tablet': (['simvastatin', 'Zocor'], '20 mg', ['atorvastatin', 'Lipitor', 'pravastatin'], ['40 mg', '10 mg']),
    'Simvistatin 10 MG': (['simvastatin', 'Zocor'], '10 mg', ['rosuvastatin', 'Crestor', 'atorvastatin'], ['20 mg', '40 mg']),
    'Amlodipine 5 MG Oral Tablet': (['amlodipine', 'Norvasc'], '5 mg', ['nifedipine', 'Procardia'], ['10 mg', '2.5 mg']),
    'Clopidogrel 75 MG Oral Tablet': (['clopidogrel', 'Plavix'], '75 mg', ['prasugrel', 'Effient', 'ticagrelor', 'Brilinta'], ['300 mg']),
    '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]': (['metoprolol succinate ER', 'Toprol XL', 'Toprol-XL'], '100 mg', ['carvedilol', 'Coreg', 'atenolol'], ['50 mg', '25 mg']),
    'Lasix 40mg': (['furosemide', 'Lasix', 'frusemide'], '40 mg', ['torsemide', 'bumetanide', 'Bumex'], ['20 mg', '80 mg']),
    'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray': (['nitroglycerin spray', 'GTN spray', 'Nitrolingual'], '0.4 mg', ['isosorbide mononitrate'], []),
    'Memantine hydrochloride 2 MG/ML Oral Solution': (['memantine', 'Namenda'], '2 mg/mL', ['donepezil', 'Aricept'], ['10 mg/mL']),
    'Galantamine 4 MG Oral Tablet': (['galantamine', 'Razadyne'], '4 mg', ['rivastigmine', 'Exelon', 'donepezil'], ['8 mg']),
    '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet': (['metformin ER', 'Glucophage XR', 'metformin XR', 'extended-release metformin'], '500 mg', ['glipizide', 'Glucotrol'], ['1000 mg', '850 mg']),
    'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]': (['Humulin 70/30', 'NPH/regular insulin 70/30'], None, ['insulin glargine', 'Lantus'], []),
    'Alendronic acid 10 MG Oral Tablet': (['alendronate', 'alendronic acid', 'Fosamax'], '10 mg', ['risedronate', 'Actonel', 'ibandronate'], ['70 mg', '35 mg']),
    'Naproxen sodium 220 MG Oral Tablet': (['naproxen sodium', 'Aleve'], '220 mg', ['ibuprofen', 'Advil'], ['500 mg', '550 mg']),
    'Ibuprofen 100 MG Oral Tablet': (['ibuprofen', 'Motrin', 'Advil'], '100 mg', ['naproxen'], ['200 mg', '400 mg']),
    'Ibuprofen 200 MG Oral Tablet': (['ibuprofen', 'Advil', 'Motrin'], '200 mg', ['naproxen', 'Aleve'], ['400 mg', '800 mg']),
    'Acetaminophen 325 MG Oral Tablet': (['acetaminophen', 'paracetamol', 'Tylenol'], '325 mg', ['ibuprofen', 'aspirin'], ['500 mg', '650 mg']),
    'Acetaminophen 160 MG Oral Tablet': (['acetaminophen', 'paracetamol', 'Tylenol'], '160 mg', ['ibuprofen'], ['325 mg', '80 mg']),
    'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet': (['amoxicillin-clavulanate', 'Augmentin', 'co-amoxiclav'], '250/125 mg', ['cefdinir', 'azithromycin', 'Zithromax'], ['875/125 mg', '500/125 mg']),
    'Penicillin V Potassium 250 MG Oral Tablet': (['penicillin V potassium', 'penicillin VK', 'Pen VK', 'phenoxymethylpenicillin'], '250 mg', ['amoxicillin', 'Amoxil', 'cephalexin'], ['500 mg']),
    'Penicillin V Potassium 500 MG Oral Tablet': (['penicillin V potassium', 'penicillin VK', 'Pen VK', 'phenoxymethylpenicillin'], '500 mg', ['amoxicillin', 'Amoxil', 'cephalexin'], ['250 mg']),
    'Amoxicillin 250 MG Oral Capsule': (['amoxicillin', 'Amoxil'], '250 mg', ['Augmentin', 'azithromycin', 'cefdinir'], ['500 mg']),
    'Amoxicillin 500 MG Oral Tablet': (['amoxicillin', 'Amoxil'], '500 mg', ['Augmentin', 'azithromycin', 'cefdinir'], ['250 mg', '875 mg']),
    'Cefuroxime 250 MG Oral Tablet': (['cefuroxime', 'Ceftin'], '250 mg', ['cefdinir', 'Omnicef', 'cephalexin', 'Keflex'], ['500 mg']),
    'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet': (['oxycodone/acetaminophen', 'Percocet', 'oxycodone-paracetamol'], '5/325 mg', ['hydrocodone/acetaminophen', 'Norco', 'Vicodin'], ['10/325 mg', '7.5/325 mg']),
    'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet': (['hydrocodone/acetaminophen', 'Norco'], '7.5/325 mg', ['Percocet', 'oxycodone/acetaminophen'], ['5/325 mg', '10/325 mg']),
    'Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]': (['Vicodin', 'hydrocodone/acetaminophen'], '5/300 mg', ['Percocet', 'Tylenol #3'], ['10/300 mg', '7.5/300 mg']),
    'Fexofenadine hydrochloride 30 MG Oral Tablet': (['fexofenadine', 'Allegra'], '30 mg', ['cetirizine', 'Zyrtec', 'loratadine', 'Claritin'], ['180 mg', '60 mg']),
    'NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector': (['epinephrine auto-injector', 'EpiPen', 'adrenaline auto-injector'], None, [], []),
    '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler': (['fluticasone propionate inhaler', 'Flovent HFA', 'fluticasone MDI'], '44 mcg', ['budesonide', 'Pulmicort', 'beclomethasone', 'QVAR'], ['110 mcg', '220 mcg']),
    '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler': (['albuterol MDI', 'salbutamol inhaler', 'ProAir', 'Ventolin'], '90 mcg', ['levalbuterol', 'Xopenex', 'ipratropium', 'Atrovent'], ['180 mcg']),
    'diphenhydrAMINE Hydrochloride 25 MG Oral Tablet': (['diphenhydramine', 'Benadryl'], '25 mg', ['hydroxyzine', 'cetirizine'], ['50 mg', '12.5 mg']),
    '1 ML DOCEtaxel 20 MG/ML Injection': (['docetaxel', 'Taxotere'], '20 mg/mL', ['paclitaxel', 'Taxol', 'cabazitaxel'], []),
    '0.25 ML Leuprolide Acetate 30 MG/ML Prefilled Syringe': (['leuprolide', 'Lupron', 'leuprorelin', 'Eligard'], None, ['goserelin', 'Zoladex', 'degarelix'], []),
    'Vitamin B 12 5 MG/ML Injectable Solution': (['vitamin B12 injection', 'B12 injection'], None, ['folic acid', 'iron sucrose'], []),
    'Alteplase 100 MG Injection': (['alteplase', 'tPA', 'Activase'], '100 mg', ['tenecteplase', 'TNKase', 'heparin'], []),
    'Leucovorin 100 MG Injection': (['leucovorin', 'folinic acid'], '100 mg', ['fluorouracil', '5-FU'], []),
    '10 ML oxaliplatin 5 MG/ML Injection': (['oxaliplatin', 'Eloxatin'], '5 mg/mL', ['cisplatin', 'carboplatin'], []),
    '1 ML medroxyprogesterone acetate 150 MG/ML Injection': (['Depo-Provera', 'medroxyprogesterone acetate', 'DMPA'], '150 mg/mL', ['Nexplanon', 'etonogestrel implant'], []),
    'Natazia 28 Day Pack': (['Natazia', 'estradiol valerate/dienogest'], None, ['Yaz', 'drospirenone/ethinyl estradiol'], []),
    'Seasonique 91 Day Pack': (['Seasonique'], None, ['Yaz', 'norethindrone'], []),
    'Levora 0.15/30 28 Day Pack': (['Levora'], None, ['Sprintec', 'norgestimate/ethinyl estradiol'], []),
    'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring': (['NuvaRing', 'etonogestrel/ethinyl estradiol vaginal ring'], None, ['Annovera', 'Xulane patch'], []),
    'Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution': (['acetaminophen/dextromethorphan/doxylamine oral solution'], None, ['guaifenesin syrup'], []),
}


def ingr_key(code):
    c = code.lower()
    for k in ['simv', 'hydrochlorothiazide', 'amlodipine', 'clopidogrel', 'metoprolol', 'lasix', 'nitroglycerin', 'memantine', 'galantamine',
              'metformin', 'insulin', 'alendron', 'naproxen', 'ibuprofen', 'oxycodone', 'hydrocodone', 'clavulanate', 'penicillin', 'amoxicillin',
              'cefuroxime', 'fexofenadine', 'epinephrine', 'fluticasone', 'albuterol', 'diphenhydramine', 'docetaxel', 'leuprolide', 'vitamin b 12',
              'alteplase', 'leucovorin', 'oxaliplatin', 'medroxyprogesterone', 'natazia', 'seasonique', 'levora', 'nuvaring', 'dextromethorphan', 'acetaminophen']:
        if k in c:
            return k
    return c


def med_all_stopped(p, m):
    k = ingr_key(m['code'])
    return all(x['status'] != 'active' for x in p.meds if ingr_key(x['code']) == k)


# ---------------------------------------------------------------- claim assembly
CLAIMS = []


def mk(p, cat, label, text, cits, why, facts):
    text = text.strip().replace('the the ', 'the ').replace('on the the ', 'on the ')
    text = text[0].upper() + text[1:] if text[0].islower() and not text[1:2].isupper() else text
    # de-duplicate citations
    seen, c2 = set(), []
    for c in cits:
        if c['id'] not in seen:
            seen.add(c['id']); c2.append(c)
    return dict(patient=p.id, text=text, citations=c2, label=label, category=cat, why=why, _facts=facts)


def numeric_obs(p, codes=None, adult=False):
    out = []
    for o in p.obs:
        if 'v' in o and o['code'] in AN and (codes is None or o['code'] in codes):
            if adult and age_at(p, o['date']) < 18:
                continue
            out.append(o)
    return out


def bp_obs(p, adult=False):
    return [o for o in p.by.get(BP, []) if not adult or age_at(p, o['date']) >= 18]


def living(p):
    return p.deceased is None


def pick(xs):
    return R.choice(xs) if xs else None

VAX = {
    'Influenza, seasonal, injectable, preservative free': ['flu shot', 'influenza vaccine', 'seasonal flu jab', 'flu vaccine'],
    'Td (adult) preservative free': ['Td booster', 'Td'], 'Tdap': ['Tdap'], 'HPV, quadrivalent': ['HPV vaccine', 'quadrivalent HPV'],
    'Pneumococcal conjugate PCV 13': ['PCV13', 'Prevnar 13'], 'meningococcal MCV4P': ['MenACWY', 'meningococcal conjugate vaccine'],
    'DTaP': ['DTaP'], 'IPV': ['IPV', 'inactivated polio vaccine'], 'Hep B, adolescent or pediatric': ['hepatitis B vaccine', 'Hep B'],
    'Hib (PRP-OMP)': ['Hib'], 'zoster': ['shingles vaccine', 'zoster vaccine'], 'rotavirus, monovalent': ['rotavirus vaccine'],
    'Hep A, ped/adol, 2 dose': ['hepatitis A vaccine', 'Hep A'], 'varicella': ['varicella vaccine', 'chickenpox vaccine'], 'MMR': ['MMR'],
    'Hep A, adult': ['Hep A'], 'pneumococcal polysaccharide vaccine, 23 valent': ['PPSV23', 'Pneumovax 23'], 'Hep B, adult': ['Hep B'],
}
PROC = {'Colonoscopy': ['colonoscopy'], 'Throat culture (procedure)': ['throat culture', 'throat swab culture'], 'Digital examination of rectum': ['DRE', 'digital rectal exam'],
        'Measurement of respiratory function (procedure)': ['lung function testing', 'respiratory function testing'], 'Biopsy of prostate': ['prostate biopsy'],
        'Plain chest X-ray (procedure)': ['CXR', 'chest X-ray'], 'Bone density scan (procedure)': ['DEXA scan', 'bone density scan'],
        'trans thoracic echocardiogram': ['TTE', 'transthoracic echo'], 'Extraction of wisdom tooth': ['wisdom tooth extraction'],
        'Suture open wound': ['wound suturing'], 'Knee X-ray': ['knee X-ray'], 'Clavicle X-ray': ['clavicle X-ray'], 'Upper arm X-ray': ['upper arm X-ray'],
        'Sputum examination (procedure)': ['sputum examination'], 'Intramuscular injection': ['IM injection']}


def mname(m):
    return R.choice(MED[m['code']][0])


# ---------- atoms: (text, facts, cits, why, true?)
def atom_obs(p, o, truth, q=None, comp=None, units=True, with_name=True):
    code = o['code']
    q = q or R.choice(AN[code]['q'])
    v = val(o)
    if near_half(v, q):
        return None
    w = rnd(v, q) if truth else wrong_w(v, q)
    u = AN[code]['u'] if units and R.random() < 0.75 else None
    t = (aname(code) + ' ' if with_name else '') + vtext(w, q, u)
    f = vfact(o, w, q, u)
    why = f"{code} {v:.3f} {o['unit']} on {o['date']}" + ('' if truth else f" (written {fnum(w, q)})")
    return t, [f], [ocit(o)], why


def atom_bp(p, o, truth, which='both'):
    s, d = val(o, SYS), val(o, DIA)
    if near_half(s, 1) or near_half(d, 1):
        return None
    ws, wd = rnd(s, 1), rnd(d, 1)
    if not truth:
        if R.random() < 0.5:
            ws = wrong_w(s, 1, (1, 2, 3))
        else:
            wd = wrong_w(d, 1, (1, 2, 3))
    u = R.choice([None, 'mmHg', 'mmHg'])
    txt = f"{fnum(ws, 1)}/{fnum(wd, 1)}" + (' ' + uspell(u) if u else '')
    fs = [vfact(o, ws, 1, u, SYS), vfact(o, wd, 1, u, DIA)]
    why = f"BP panel {o['date']}: systolic {s:.1f}, diastolic {d:.1f}" + ('' if truth else f' (written {fnum(ws,1)}/{fnum(wd,1)})')
    return txt, fs, [ocit(o, whole=True)], why


def datebit(rec, iso, truth, kinds=('day', 'month', 'year'), vague=True, field='date'):
    if truth:
        t, g = any_date(iso, vague)
        return t, dfact(rec, iso, g, t, field)
    k = R.choice(kinds)
    if k == 'swapdm' and (int(iso[8:10]) > 12 or int(iso[8:10]) == int(iso[5:7])):
        k = 'day'
    n = shift_date(iso, k)
    if k == 'swapdm':
        t, g = ddate(n, R.choice(['dmy', 'mdy', 'long', 'the', 'dmyfull', 'mdyfull'])), 'day'
    elif k == 'day':
        t, g = ddate(n), 'day'
    elif k == 'month':
        t, g = (ddate(n), 'day') if R.random() < 0.5 else (mdate(n), 'month')
    else:
        g = R.choice(['year', 'day', 'month'])
        t = {'year': n[:4], 'day': ddate(n), 'month': mdate(n)}[g]
    return t, dict(dfact(rec, n, g, t, field), orig=iso)


def cond_date_ok(c):
    return c['code'] in CN and c['onset']


# ======================================================================= categories
def c_dates(p, truth):
    kind = R.choice(['cond', 'cond', 'med', 'imm', 'proc', 'enc', 'obs'])
    kinds = ('day', 'month', 'year', 'swapdm', 'day')
    if kind == 'cond':
        c = pick([c for c in p.conds if cond_date_ok(c)])
        if not c: return None
        dt, f = datebit(c['id'], c['onset'], truth, kinds)
        n = cname(c)
        t = R.choice([f"{n} diagnosed {dt}.", f"Dx {n}, {dt}.", f"{n} was first recorded on {dt}." if f['gran'] == 'day' else f"{n} first recorded in {dt}.",
                      f"Onset of {n}: {dt}.", f"Diagnosis of {n} dates from {dt}.", f"The chart lists {n} with onset {dt}."])
        return mk(p, 'dates', 'correct' if truth else 'wrong', t, [rcit('condition', c)],
                  f"Condition {c['code']} onsetDateTime {c['onset']}" + ('' if truth else f"; claim says {dt}"), [dict(t='code', rec=c['id'], name=n), f])
    if kind == 'med':
        m = pick([m for m in p.meds if m['code'] in MED])
        if not m: return None
        dt, f = datebit(m['id'], m['date'], truth, kinds)
        n = mname(m)
        t = R.choice([f"{n} was prescribed on {dt}." if f['gran'] == 'day' else f"{n} was prescribed in {dt}.", f"Rx for {n} written {dt}.",
                      f"Started {n} {dt}.", f"{n} ordered {dt}.", f"Prescription for {n} dated {dt}."])
        return mk(p, 'dates', 'correct' if truth else 'wrong', t, [rcit('medication', m)],
                  f"MedicationRequest {m['code']} authoredOn {m['date']}" + ('' if truth else f"; claim says {dt}"), [dict(t='code', rec=m['id'], name=n), f])
    if kind == 'imm':
        i = pick([i for i in p.imms if i['code'] in VAX])
        if not i: return None
        dt, f = datebit(i['id'], i['date'], truth, kinds)
        n = R.choice(VAX[i['code']])
        t = R.choice([f"{n} given {dt}.", f"Received the {n} on {dt}." if f['gran'] == 'day' else f"Received the {n} in {dt}.",
                      f"Immunisation: {n}, {dt}.", f"{n} administered {dt}.", f"Vaccinated ({n}) {dt}."])
        return mk(p, 'dates', 'correct' if truth else 'wrong', t, [rcit('immunization', i)],
                  f"Immunization {i['code']} occurrenceDateTime {i['date']}" + ('' if truth else f"; claim says {dt}"), [dict(t='code', rec=i['id'], name=n), f])
    if kind == 'proc':
        x = pick([x for x in p.procs if x['code'] in PROC])
        if not x: return None
        dt, f = datebit(x['id'], x['date'], truth, kinds)
        n = R.choice(PROC[x['code']])
        t = R.choice([f"{n} performed {dt}.", f"Had a {n} on {dt}." if f['gran'] == 'day' else f"Had a {n} in {dt}.", f"{n} done {dt}.", f"Procedure: {n} ({dt})."])
        return mk(p, 'dates', 'correct' if truth else 'wrong', t, [rcit('procedure', x)],
                  f"Procedure {x['code']} performed {x['date']}" + ('' if truth else f"; claim says {dt}"), [dict(t='code', rec=x['id'], name=n), f])
    if kind == 'enc':
        e = pick([e for e in p.encs if e['cls'] == 'EMER'])
        if not e: return None
        dt, f = datebit(e['id'], e['date'], truth, kinds)
        n = R.choice(['ED visit', 'emergency department visit', 'A&E attendance', 'ER visit'])
        on = 'on' if f['gran'] == 'day' else 'in'
        t = R.choice([f"{n} {on} {dt}.", f"Presented to the emergency department {on} {dt}.", f"Seen in the ER {on} {dt}.", f"Attended A&E {on} {dt}."])
        n = next(k for k in ('emergency department', 'A&E', 'ED', 'ER') if k in t)
        return mk(p, 'dates', 'correct' if truth else 'wrong', t, [rcit('encounter', e)],
                  f"Encounter class EMER, period.start {e['date']}" + ('' if truth else f"; claim says {dt}"), [dict(t='code', rec=e['id'], name=n), f])
    o = pick(numeric_obs(p, [k for k in AN if k not in ('Body Height',)]))
    if not o: return None
    a = atom_obs(p, o, True)
    if not a: return None
    dt, f = datebit(o['id'], o['date'], truth, kinds)
    t = R.choice([f"{a[0]} on {dt}." if f['gran'] == 'day' else f"{a[0]} in {dt}.", f"{dt}: {a[0]}.", f"{a[0]} ({dt})."])
    return mk(p, 'dates', 'correct' if truth else 'wrong', t, a[2], a[3] + ('' if truth else f"; date written {dt} but effective {o['date']}"), a[1] + [f])


ABBR_CODES = ['Low Density Lipoprotein Cholesterol', 'High Density Lipoprotein Cholesterol', 'Total Cholesterol', 'Triglycerides', 'Hemoglobin A1c/Hemoglobin.total in Blood',
              'Creatinine', 'Potassium', 'Sodium', 'Urea Nitrogen', 'Estimated Glomerular Filtration Rate', 'Hemoglobin [Mass/volume] in Blood',
              'Leukocytes [#/volume] in Blood by Automated count', 'Platelets [#/volume] in Blood by Automated count', 'Hematocrit [Volume Fraction] of Blood by Automated count',
              'Body Mass Index', 'Carbon Dioxide', 'Chloride', 'Calcium', 'Glucose', 'MCV [Entitic volume] by Automated count']
SHORT = {'Low Density Lipoprotein Cholesterol': ['LDL', 'LDL-C'], 'High Density Lipoprotein Cholesterol': ['HDL', 'HDL-C'], 'Total Cholesterol': ['TC', 'T-chol'],
         'Triglycerides': ['TG', 'TGs'], 'Hemoglobin A1c/Hemoglobin.total in Blood': ['HbA1c', 'A1c'], 'Creatinine': ['Cr', 'SCr'], 'Potassium': ['K', 'K+'],
         'Sodium': ['Na', 'Na+'], 'Urea Nitrogen': ['BUN'], 'Estimated Glomerular Filtration Rate': ['eGFR'], 'Hemoglobin [Mass/volume] in Blood': ['Hb', 'Hgb'],
         'Leukocytes [#/volume] in Blood by Automated count': ['WBC', 'WCC'], 'Platelets [#/volume] in Blood by Automated count': ['Plt', 'PLT'],
         'Hematocrit [Volume Fraction] of Blood by Automated count': ['Hct'], 'Body Mass Index': ['BMI'], 'Carbon Dioxide': ['CO2', 'HCO3'],
         'Chloride': ['Cl'], 'Calcium': ['Ca'], 'Glucose': ['Glu'], 'MCV [Entitic volume] by Automated count': ['MCV']}
MIX = {'Low Density Lipoprotein Cholesterol': 'High Density Lipoprotein Cholesterol', 'High Density Lipoprotein Cholesterol': 'Low Density Lipoprotein Cholesterol',
       'Total Cholesterol': 'Triglycerides', 'Triglycerides': 'Total Cholesterol', 'Hemoglobin [Mass/volume] in Blood': 'Hematocrit [Volume Fraction] of Blood by Automated count'}


def same_day(p, code, date):
    xs = [o for o in p.by.get(code, []) if o['date'] == date]
    return xs[0] if len(xs) == 1 else None


def c_abbrev(p, truth):
    mode = R.choice(['lab', 'lab', 'lab', 'bp', 'cond'])
    lbl = 'correct' if truth else 'wrong'
    if mode == 'bp':
        o = pick(bp_obs(p))
        if not o: return None
        a = atom_bp(p, o, truth)
        if not a: return None
        dt = ddate(o['date'])
        t = R.choice([f"BP {a[0]} on {dt}.", f"{dt}: BP {a[0]}.", f"BP was {a[0]} at the {dt} visit.", f"SBP/DBP {a[0]} ({dt})."])
        return mk(p, 'abbreviations', lbl, t, a[2], a[3], a[1] + [dfact(o['id'], o['date'], 'day', dt)])
    if mode == 'cond':
        opts = {'Hypertension': 'HTN', 'Myocardial Infarction': 'MI', 'Chronic congestive heart failure (disorder)': 'CHF', 'Coronary Heart Disease': 'CHD',
                'Chronic kidney disease stage 1 (disorder)': 'CKD stage 1', 'Hyperlipidemia': 'HLD', 'Osteoarthritis of hip': 'hip OA', 'Stroke': 'CVA',
                'Localized, primary osteoarthritis of the hand': 'OA of the hand', 'Otitis media': 'OM', 'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)': 'NPDR',
                'Injury of medial collateral ligament of knee': 'MCL injury', 'Neuropathy due to type 2 diabetes mellitus (disorder)': 'T2DM neuropathy', 'Diabetes': 'DM'}
        WRONGAB = {'HTN': ['HLD', 'CHF'], 'MI': ['CVA', 'PE'], 'CHF': ['COPD', 'CKD'], 'CHD': ['CHF', 'COPD'], 'CKD stage 1': ['CKD stage 3', 'AKI'], 'HLD': ['HTN'],
                   'hip OA': ['hip RA', 'knee OA'], 'CVA': ['MI', 'TIA'], 'OA of the hand': ['RA of the hand'], 'OM': ['OE'], 'NPDR': ['PDR'],
                   'MCL injury': ['ACL injury'], 'T2DM neuropathy': ['T1DM neuropathy'], 'DM': ['DI']}
        c = pick([c for c in p.conds if c['code'] in opts])
        if not c: return None
        ab = opts[c['code']]
        dt, f = datebit(c['id'], c['onset'], True)
        factname = ab
        err = ''
        if not truth:
            if R.random() < 0.5:
                ab = R.choice(WRONGAB[ab]); factname = ab; err = f'record is {c["code"]}, not {ab}'
            else:
                dt, f = datebit(c['id'], c['onset'], False, ('year',)); err = f'onset {c["onset"]}, claim {dt}'
        t = R.choice([f"PMH: {ab} ({dt}).", f"{ab} dx {dt}.", f"Hx {ab} since {dt}." if f['gran'] != 'day' else f"Hx {ab}, dx {dt}.", f"Known {ab}, diagnosed {dt}."])
        if 'since' in t:
            f['gran'] = f['gran']
        return mk(p, 'abbreviations', lbl, t, [rcit('condition', c)], f"Condition {c['code']} onset {c['onset']}" + (f'; {err}' if err else ''),
                  [dict(t='code', rec=c['id'], name=factname), f])
    o = pick(numeric_obs(p, ABBR_CODES))
    if not o: return None
    ab = R.choice(SHORT[o['code']])
    q = R.choice(AN[o['code']]['q'])
    v = o['v']
    if near_half(v, q): return None
    err = ''
    if truth:
        w = rnd(v, q)
    else:
        oth = same_day(p, MIX.get(o['code'], ''), o['date']) if o['code'] in MIX and R.random() < 0.6 else None
        if oth and abs(oth['v'] - v) > 3 * q and o['code'] != 'Hemoglobin [Mass/volume] in Blood':
            w = rnd(oth['v'], q); err = f"{fnum(w,q)} is the {oth['code']} value, not {o['code']}"
        else:
            w = wrong_w(v, q); err = f"value is {v:.3f}, claim {fnum(w,q)}"
    u = AN[o['code']]['u'] if R.random() < 0.5 else None
    vt = vtext(w, q, u)
    dt = R.choice([ddate(o['date']), mdate(o['date'])])
    gran = 'day' if dt == ddate(o['date'], 'iso') or dt[0].isdigit() and len(dt) > 8 or dt.startswith('the') or ',' in dt or len(dt.split()) == 3 else 'month'
    t = R.choice([f"{ab} {vt} ({dt}).", f"{dt}: {ab} {vt}.", f"{ab} was {vt} on {dt}." if gran == 'day' else f"{ab} was {vt} in {dt}.", f"Labs {dt} - {ab} {vt}."])
    return mk(p, 'abbreviations', lbl, t, [ocit(o)], f"{o['code']} = {v:.3f} {o['unit']} on {o['date']}" + (f'; {err}' if err else ''),
              [vfact(o, w, q, u), dict(t='date', rec=o['id'], iso=o['date'], gran=gran, txt=dt)])


def c_drugs(p, truth):
    m = pick([m for m in p.meds if m['code'] in MED])
    if not m: return None
    names, st, wn, ws = MED[m['code']]
    n = R.choice(names)
    facts = []
    err = ''
    if not truth:
        opts = []
        if wn: opts.append('name')
        if ws and st: opts.append('str')
        if not opts: return None
        e = R.choice(opts)
        if e == 'name':
            n = R.choice(wn); err = f'record is {m["code"]}, not {n}'
        else:
            st = R.choice(ws); err = f'record strength differs from {st} ({m["code"]})'
    facts.append(dict(t='code', rec=m['id'], name=n))
    use_st = st is not None and (not truth and err.startswith('record strength') or R.random() < 0.8)
    ns = f"{n} {st}" if use_st else n
    if use_st:
        facts.append(dict(t='strength', rec=m['id'], s=st, txt=st))
    dt, f = datebit(m['id'], m['date'], True)
    facts.append(f)
    reason = None
    t = R.choice([f"Prescribed {ns} in {dt}." if f['gran'] != 'day' else f"Prescribed {ns} on {dt}.",
                  f"{ns} started {dt}.", f"Rx: {ns} ({dt}).", f"Medication history includes {ns}, ordered {dt}.",
                  f"{dt}: new prescription for {ns}.", f"The patient was given a script for {ns} on {dt}." if f['gran'] == 'day' else f"The patient was given a script for {ns} in {dt}.",
                  f"{ns} was ordered {dt}."])
    return mk(p, 'drug-names', 'correct' if truth else 'wrong', t, [rcit('medication', m)],
              f"MedicationRequest '{m['code']}' authoredOn {m['date']}" + (f'; {err}' if err else '; name/brand is same ingredient'), facts)


UNIT_CORRECT = {  # analyte -> list of units to write (record unit or conversion)
    'Body Weight': ['kg', 'lb', 'lb'], 'Body Height': ['cm', 'in'], 'Body Mass Index': ['kg/m2'], 'Glucose': ['mg/dL', 'mmol/L', 'mmol/L'],
    'Total Cholesterol': ['mg/dL', 'mmol/L'], 'Low Density Lipoprotein Cholesterol': ['mg/dL', 'mmol/L'], 'High Density Lipoprotein Cholesterol': ['mmol/L', 'mg/dL'],
    'Triglycerides': ['mmol/L', 'mg/dL'], 'Creatinine': ['umol/L', 'mg/dL', 'umol/L'], 'Hemoglobin [Mass/volume] in Blood': ['g/L', 'g/dL'],
    'Oral temperature': ['F', 'C', 'F'], 'Sodium': ['mEq/L', 'mmol/L'], 'Potassium': ['mEq/L', 'mmol/L'], 'Chloride': ['mEq/L'],
    'Leukocytes [#/volume] in Blood by Automated count': ['x10^9/L', 'K/uL'], 'Platelets [#/volume] in Blood by Automated count': ['x10^9/L', 'K/uL'],
    'Estimated Glomerular Filtration Rate': ['eGFR'], 'Hemoglobin A1c/Hemoglobin.total in Blood': ['%', 'mmol/mol'], 'Calcium': ['mg/dL'],
}
UNIT_WRONG = {  # analyte -> (wrong unit, description); written number is the record's own number
    'Body Weight': ['lb'], 'Body Height': ['in'], 'Glucose': ['mmol/L'], 'Total Cholesterol': ['mmol/L'], 'Low Density Lipoprotein Cholesterol': ['mmol/L'],
    'Creatinine': ['umol/L'], 'Hemoglobin [Mass/volume] in Blood': ['g/L'], 'Oral temperature': ['F'], 'Estimated Glomerular Filtration Rate': ['mL/s'],
    'Potassium': ['mg/dL-bad'], 'Hemoglobin A1c/Hemoglobin.total in Blood': ['mmol/mol'], 'Triglycerides': ['mmol/L'],
}
QU = {'kg': 0.1, 'lb': 1, 'cm': 1, 'in': 0.1, 'kg/m2': 0.1, 'mg/dL': 1, 'mmol/L': 0.1, 'umol/L': 1, 'g/L': 1, 'g/dL': 0.1, 'F': 0.1, 'C': 0.1,
      'mEq/L': 1, 'x10^9/L': 0.1, 'K/uL': 0.1, 'eGFR': 1, '%': 0.1, 'mmol/mol': 1, 'mL/s': 1, 'mg/dL-bad': 0.1}


def c_units(p, truth):
    pool = UNIT_CORRECT if truth else UNIT_WRONG
    codes = sorted(c for c in pool if c in p.by)  # pick the analyte first so conversions are not swamped by vitals
    if not codes: return None
    o = pick(p.by[R.choice(codes)])
    if not o: return None
    code = o['code']
    u = R.choice(pool[code])
    q = QU[u]
    if code in ('Creatinine',) and u == 'mg/dL': q = 0.01
    if code == 'Platelets [#/volume] in Blood by Automated count': q = 1
    if code in ('Sodium', 'Chloride') and u == 'mmol/L': q = 1
    if code == 'Potassium' and u in ('mEq/L', 'mmol/L', 'mg/dL-bad'): q = 0.1
    if code == 'Glucose' and u == 'mg/dL': q = 1
    if code in ('Total Cholesterol', 'Low Density Lipoprotein Cholesterol') and u == 'mmol/L' and truth: q = 0.1
    if code == 'Triglycerides' and u == 'mmol/L': q = 0.1 if truth else 1
    if code in ('Hemoglobin A1c/Hemoglobin.total in Blood',) and u == 'mmol/mol' and not truth: q = 0.1
    if code == 'Estimated Glomerular Filtration Rate' and o['v'] < 20: return None
    if code == 'Hemoglobin A1c/Hemoglobin.total in Blood' and o['v'] < 4: return None
    conv = CONV.get((code, u))
    if truth:
        cv = conv(o['v']) if conv else o['v']
        if near_half(cv, q): return None
        w = rnd(cv, q)
        why = f"{code} {o['v']:.3f} {o['unit']} on {o['date']}" + (f" = {cv:.3f} {u} after conversion" if conv and u not in ('mEq/L', 'x10^9/L') else '') + ('; mEq/L = mmol/L for a monovalent ion' if u == 'mEq/L' else '') + ('; 10^3/uL = 10^9/L' if u == 'x10^9/L' else '')
    else:
        w = rnd(o['v'], q)
        if near_half(o['v'], q): return None
        why = f"{code} is {o['v']:.3f} {o['unit']} on {o['date']}; the number is written with unit {US[u][0]} without conversion" + (' (mL/s is not an eGFR unit)' if u == 'mL/s' else '')
    vt = vtext(w, q, u)
    nm = aname(code)
    dt, f = datebit(o['id'], o['date'], True, vague=False)
    t = R.choice([f"{nm} {vt} on {dt}." if f['gran'] == 'day' else f"{nm} {vt} in {dt}.", f"{dt}: {nm} {vt}.", f"{nm} measured at {vt} ({dt}).",
                  f"Recorded {nm}: {vt}, {dt}.", f"{nm} came back at {vt} on {dt}." if f['gran'] == 'day' else f"{nm} came back at {vt} in {dt}."])
    if code == 'Body Weight':
        t = R.choice([t, f"Weighed {vt} on {dt}." if f['gran'] == 'day' else f"Weighed {vt} in {dt}."])
    if code == 'Oral temperature':
        t = R.choice([t, f"Febrile to {vt} on {dt}." if o['v'] >= 38.0 and f['gran'] == 'day' else f"Oral temp {vt}, {dt}."])
    return mk(p, 'units', 'correct' if truth else 'wrong', t, [ocit(o)], why, [vfact(o, w, q, u), f])


APPROX = ['about', '~', 'approximately', 'roughly', 'around', 'approx.', 'c.', 'circa']


def c_round(p, truth):
    if R.random() < 0.25:
        o = pick(bp_obs(p))
        if not o: return None
        comp = R.choice([SYS, DIA])
        v = val(o, comp)
        q = R.choice([1, 10, 5])
        if q == 5:
            q = 10
        if near_half(v, q) or (q == 10 and abs(v - rnd(v, 10)) > 2.5): 
            q = 1
            if near_half(v, 1): return None
        w = rnd(v, q) if truth else wrong_w(v, q, (1,))
        ap = R.choice(APPROX)
        nm = 'systolic' if comp == SYS else 'diastolic'
        nm = R.choice([nm, {'systolic': 'SBP', 'diastolic': 'DBP'}[nm], nm + ' BP', nm + ' pressure'])
        dt = ddate(o['date'])
        t = R.choice([f"{nm} {ap} {fnum(w,q)} on {dt}.", f"{dt}: {nm} was {ap} {fnum(w,q)} mmHg.", f"{nm} ran {ap} {fnum(w,q)} at the {dt} visit."])
        t = t.replace('~ ', '~')
        return mk(p, 'rounding', 'correct' if truth else 'wrong', t, [ocit(o, comp)],
                  f"{comp} = {v:.3f} mmHg on {o['date']}; " + (f"rounds to {fnum(w,q)}" if truth else f"does not round to {fnum(w,q)} (nearest {q}: {fnum(rnd(v,q),q)})"),
                  [vfact(o, w, q, 'mmHg' if 'mmHg' in t else None, comp), dfact(o['id'], o['date'], 'day', dt)])
    o = pick(numeric_obs(p, [k for k in AN if k not in ('Oral temperature',)]))
    if not o: return None
    v = o['v']
    qs = [1, 0.1] if v < 30 else [1, 10]
    if v < 3: qs = [0.1, 0.01]
    q = R.choice(qs)
    if q >= 10 and abs(v - rnd(v, q)) > q / 4:
        q = q / 10
    if near_half(v, q): return None
    w = rnd(v, q) if truth else wrong_w(v, q, (1,))
    ap = R.choice(APPROX)
    u = AN[o['code']]['u'] if R.random() < 0.6 else None
    vt = vtext(w, q, u)
    nm = aname(o['code'])
    dt, f = datebit(o['id'], o['date'], True)
    t = R.choice([f"{nm} {ap} {vt} ({dt}).", f"{nm} was {ap} {vt} in {dt}." if f['gran'] != 'day' else f"{nm} was {ap} {vt} on {dt}.",
                  f"{dt} {nm}: {ap} {vt}.", f"{nm} came in at {ap} {vt}, {dt}.", f"In {dt}, {nm} of {ap} {vt}." if f['gran'] != 'day' else f"On {dt}, {nm} of {ap} {vt}."])
    t = t.replace('~ ', '~')
    return mk(p, 'rounding', 'correct' if truth else 'wrong', t, [ocit(o)],
              f"{o['code']} = {v:.4f} {o['unit']} on {o['date']}; " + (f"rounds to {fnum(w,q)}" if truth else f"nearest {q} is {fnum(rnd(v,q),q)}, not {fnum(w,q)}"),
              [vfact(o, w, q, u), f])


GOOD_DOWN = {'Low Density Lipoprotein Cholesterol', 'Total Cholesterol', 'Triglycerides', 'Hemoglobin A1c/Hemoglobin.total in Blood', SYS}
GOOD_UP = {'High Density Lipoprotein Cholesterol', 'Estimated Glomerular Filtration Rate'}
TREND_CODES = ['Body Weight', 'Body Mass Index', 'Low Density Lipoprotein Cholesterol', 'Total Cholesterol', 'Triglycerides', 'High Density Lipoprotein Cholesterol',
               'Hemoglobin A1c/Hemoglobin.total in Blood', 'Estimated Glomerular Filtration Rate', 'Glucose', 'Creatinine', 'Hemoglobin [Mass/volume] in Blood', 'Urea Nitrogen']


def trend_pair(p, want):
    """want in up/down/stable/changed; returns (code, comp, a, b, va, vb, dir)"""
    cands = []
    for code in TREND_CODES + [BP]:
        xs = p.by.get(code, [])
        comps = [SYS, DIA] if code == BP else [None]
        for comp in comps:
            for i in range(len(xs)):
                for j in range(i + 1, len(xs)):
                    a, b = xs[i], xs[j]
                    if a['date'][:4] == b['date'][:4]: continue
                    va, vb = val(a, comp), val(b, comp)
                    r = (vb - va) / va
                    d = 'up' if r > 0.06 else 'down' if r < -0.06 else 'stable' if abs(r) <= 0.02 else None
                    if d is None: continue
                    if code in ('Body Height', 'Body Weight', 'Body Mass Index') and age_at(p, a['date']) < 18: continue
                    cands.append((code, comp, a, b, va, vb, d))
    if want == 'changed':
        cands = [c for c in cands if c[6] != 'stable' and abs(c[5] - c[4]) / c[4] > 0.10]
    else:
        cands = [c for c in cands if c[6] == want]
    groups = {}
    for c in cands:
        groups.setdefault((c[0], c[1]), []).append(c)
    if not groups: return None
    return R.choice(groups[R.choice(sorted(groups, key=str))])


def yr_or_month(iso):
    if R.random() < 0.6:
        return iso[:4], 'year'
    return mdate(iso), 'month'


def c_trend(p, truth):
    want = R.choice(['up', 'down', 'up', 'down', 'stable'])
    mode = None
    if not truth:
        mode = R.choice(['dir', 'dir', 'swapyears', 'stable'])
        if mode == 'stable':
            want = 'changed'
        else:
            want = R.choice(['up', 'down'])
    tp = trend_pair(p, want)
    if not tp: return None
    code, comp, a, b, va, vb, d = tp
    nm = {SYS: R.choice(['systolic BP', 'SBP', 'systolic pressure']), DIA: R.choice(['diastolic BP', 'DBP'])}[comp] if comp else aname(code)
    key = comp or code
    q = 1 if (comp or abs(va) > 30) else 0.1
    if code == 'Creatinine': q = 0.01 if va < 3 else 0.1
    if near_half(va, q) or near_half(vb, q): return None
    ya, ga = yr_or_month(a['date'])
    yb, gb = yr_or_month(b['date'])
    if ga != gb:
        yb = b['date'][:4] if ga == 'year' else mdate(b['date']); gb = ga
    wa, wb = fnum(rnd(va, q), q), fnum(rnd(vb, q), q)
    if wa == wb and d != 'stable': return None
    u = AN[code]['u'] if code in AN else 'mmHg'
    us = (' ' + uspell(u)) if R.random() < 0.4 and u not in ('%',) else ('%' if u == '%' else '')
    facts = [dict(t='trend', a=a['id'], b=b['id'], comp=(cidx(a, comp) if comp else None), dir=d)]
    cits = [ocit(a, comp), ocit(b, comp)]
    tol = 'direction needs >6% relative change; stable means <=2% relative change'
    with_nums = R.random() < 0.6
    if truth:
        if d == 'stable':
            t = R.choice([f"{nm} essentially unchanged between {ya} and {yb} ({wa} vs {wb}{us}).", f"{nm} stable {ya} to {yb}.",
                          f"No real change in {nm} from {ya} ({wa}) to {yb} ({wb}).", f"{nm} held steady at about {wa}{us} from {ya} to {yb}." if wa == wb else f"{nm} stable at {wa}-{wb}{us} between {ya} and {yb}."])
        else:
            up = d == 'up'
            verbs = (['rose', 'increased', 'went up', 'climbed', 'trended up'] if up else ['fell', 'decreased', 'dropped', 'came down', 'declined'])
            if key in GOOD_DOWN: verbs += (['worsened'] if up else ['improved'])
            if key in GOOD_UP: verbs += (['improved'] if up else ['worsened'])
            v = R.choice(verbs)
            if with_nums:
                t = R.choice([f"{nm} {v} from {wa}{us} in {ya} to {wb}{us} in {yb}.", f"{nm} {v}: {wa} ({ya}) -> {wb} ({yb}).",
                              f"Between {ya} and {yb} {nm} {v} from {wa} to {wb}{us}."])
            else:
                t = R.choice([f"{nm} {v} between {ya} and {yb}.", f"From {ya} to {yb}, {nm} {v}.", f"{nm} has {'gone up' if up else 'come down'} since {ya} (as of {yb})."])
        if with_nums or d == 'stable':
            if wa in t: facts.append(vfact(a, rnd(va, q), q, None, comp, wa))
            if wb in t: facts.append(vfact(b, rnd(vb, q), q, None, comp, wb))
        why = f"{key}: {va:.3f} on {a['date']} -> {vb:.3f} on {b['date']} ({d}); {tol}"
        facts += [dict(t='date', rec=a['id'], iso=a['date'], gran=ga, txt=ya), dict(t='date', rec=b['id'], iso=b['date'], gran=gb, txt=yb)]
        return mk(p, 'trends', 'correct', t, cits, why, facts)
    if mode == 'dir':
        wrongd = 'down' if d == 'up' else 'up' if d == 'down' else R.choice(['up', 'down'])
        up = wrongd == 'up'
        v = R.choice(['rose', 'increased', 'went up', 'trended upward'] if up else ['fell', 'decreased', 'dropped', 'trended down'])
        t = R.choice([f"{nm} {v} between {ya} and {yb}.", f"From {ya} to {yb}, {nm} {v}.", f"{nm} {v} over {ya}-{yb}."])
        facts[0]['dir'] = wrongd
        why = f"{key}: {va:.3f} ({a['date']}) -> {vb:.3f} ({b['date']}) is {d}, not {wrongd}; {tol}"
    elif mode == 'stable':
        t = R.choice([f"{nm} stable between {ya} and {yb}.", f"{nm} unchanged from {ya} to {yb}.", f"No significant change in {nm}, {ya} vs {yb}."])
        facts[0]['dir'] = 'stable'
        why = f"{key}: {va:.3f} -> {vb:.3f} changed by {100*(vb-va)/va:.0f}%, not stable; {tol}"
    else:  # swapped years: values attached to the wrong dates, so direction reversed
        if d == 'stable' or abs(float(wa) - float(wb)) < 2 * q: return None
        up = vb < va  # written trend: wb (early) -> wa (late)
        v = R.choice(['rose', 'increased', 'went up'] if up else ['fell', 'decreased', 'dropped'])
        t = R.choice([f"{nm} {v} from {wb}{us} in {ya} to {wa}{us} in {yb}.", f"{nm}: {wb} ({ya}) -> {wa} ({yb}), i.e. {v}."])
        facts = [dict(t='trend', a=a['id'], b=b['id'], comp=(cidx(a, comp) if comp else None), dir='up' if up else 'down'),
                 vfact(a, float(wb), q, None, comp, wb), vfact(b, float(wa), q, None, comp, wa)]
        why = f"years swapped: {key} was {va:.3f} in {a['date']} and {vb:.3f} in {b['date']}"
    facts += [dict(t='date', rec=a['id'], iso=a['date'], gran=ga, txt=ya), dict(t='date', rec=b['id'], iso=b['date'], gran=gb, txt=yb)]
    return mk(p, 'trends', 'wrong', t, cits, why, facts)


# ---------------- negation
import re
NEGC = {  # concept: (display phrases, cond regex, med regex, ambiguity check)
    'asthma': (['asthma', 'reactive airway disease'], r'asthma', r'albuterol|fluticasone'),
    'diabetes': (['diabetes', 'diabetes mellitus', 'DM'], r'(?<!pre)diabet', r'metformin|insulin'),
    'hypertension': (['hypertension', 'HTN', 'high blood pressure'], r'hypertension', None),
    'heart failure': (['heart failure', 'CHF'], r'heart failure', r'lasix|furosemide'),
    'myocardial infarction': (['MI', 'myocardial infarction', 'heart attack'], r'myocardial infarction', r'nitroglycerin'),
    'stroke': (['stroke', 'CVA'], r'stroke', r'alteplase'),
    'COPD': (['COPD', 'chronic obstructive pulmonary disease'], r'obstructive|emphysema|chronic bronchitis', None),
    'chronic kidney disease': (['CKD', 'chronic kidney disease'], r'kidney|renal', None),
    'epilepsy': (['epilepsy', 'seizure disorder', 'seizures'], r'seizure|epilep', None),
    'cancer': (['cancer', 'malignancy'], r'neoplasm|carcinoma|metasta|malignan|polyp', r'docetaxel|leuprolide|oxaliplatin|leucovorin'),
    'osteoporosis': (['osteoporosis'], r'osteoporosis', r'alendron'),
    'atrial fibrillation': (['atrial fibrillation', 'AF', 'AFib'], r'fibrillation', None),
    'depression': (['depression', 'major depressive disorder'], r'depress', None),
    'hyperlipidaemia': (['hyperlipidaemia', 'hyperlipidemia', 'dyslipidaemia'], r'lipid|triglycerid', r'statin|simvistatin'),
    "Alzheimer's disease": (["Alzheimer's disease", 'dementia'], r'alzheimer|dementia', r'memantine|galantamine'),
    'coronary heart disease': (['coronary artery disease', 'CAD', 'coronary heart disease'], r'coronary', None),
    'osteoarthritis': (['osteoarthritis', 'OA'], r'osteoarthritis', None),
    'anaemia': (['anaemia', 'anemia'], r'anemia', r'vitamin b 12'),
}
NEGM = {  # drug class: (phrases, regex over MedicationRequest display)
    'anticoagulant': (['anticoagulant', 'anticoagulation', 'oral anticoagulant'], r'warfarin|apixaban|rivaroxaban|dabigatran|edoxaban|heparin|enoxaparin'),
    'statin': (['statin', 'statins'], r'statin|simvistatin'),
    'insulin': (['insulin'], r'insulin'),
    'metformin': (['metformin'], r'metformin'),
    'opioid': (['opioid', 'opioid analgesic'], r'oxycodone|hydrocodone|morphine|codeine|tramadol|fentanyl'),
    'beta-blocker': (['beta-blocker', 'beta blocker'], r'metoprolol|atenolol|carvedilol|propranolol|bisoprolol'),
    'antiplatelet': (['antiplatelet agent', 'antiplatelet'], r'clopidogrel|aspirin|prasugrel|ticagrelor'),
    'thiazide diuretic': (['thiazide', 'thiazide diuretic'], r'hydrochlorothiazide|chlorthalidone'),
    'inhaled corticosteroid': (['inhaled corticosteroid', 'ICS inhaler'], r'fluticasone|budesonide|beclomethasone'),
    'ACE inhibitor': (['ACE inhibitor', 'ACEi'], r'pril\b'),
    'bisphosphonate': (['bisphosphonate'], r'alendron|risedron|ibandron'),
    'hormonal contraceptive': (['hormonal contraception', 'hormonal contraceptive'], r'natazia|seasonique|levora|nuvaring|medroxyprogesterone'),
}


def neg_ambiguous(p, concept):
    adult_bp = bp_obs(p, adult=True)
    if concept == 'diabetes':
        return any(re.search('prediabet', c['code'].lower()) for c in p.conds) or any(o['v'] >= 6.5 for o in p.by.get('Hemoglobin A1c/Hemoglobin.total in Blood', []))
    if concept == 'hypertension':
        return any(val(o, SYS) >= 140 or val(o, DIA) >= 90 for o in adult_bp) or any(re.search('hydrochlorothiazide|amlodipine|metoprolol', m['code'].lower()) for m in p.meds)
    if concept == 'chronic kidney disease':
        return any(o['v'] < 60 for o in p.by.get('Estimated Glomerular Filtration Rate', []))
    if concept == 'hyperlipidaemia':
        return any(o['v'] >= 160 for o in p.by.get('Low Density Lipoprotein Cholesterol', [])) or any(o['v'] >= 240 for o in p.by.get('Total Cholesterol', []))
    if concept == 'anaemia':
        return any(o['v'] < 12.5 for o in p.by.get('Hemoglobin [Mass/volume] in Blood', []))
    if concept == 'myocardial infarction':
        return any('myocardial' in c['code'].lower() for c in p.conds)
    return False


def cond_present(p, rx):
    return [c for c in p.conds if re.search(rx, c['code'].lower())]


def c_neg(p, truth):
    kind = R.choice(['cond', 'cond', 'cond', 'med', 'med', 'allergy'])
    lbl = 'correct' if truth else 'wrong'
    if kind == 'allergy' and p.alls:
        # patient with environmental/food allergies: specific absence claims
        ALC = {'penicillin': (['penicillin allergy', 'allergy to penicillin'], r'penicillin'), 'peanut': (['peanut allergy', 'allergy to peanuts'], r'peanut'),
               'drug': (['drug allergies', 'known drug allergy'], r'penicillin|sulfa|amoxicillin|cephalosporin|aspirin|ibuprofen|codeine|morphine|drug'),
               'food': (['food allergy', 'food allergies'], r'wheat|peanut|nut|shellfish|fish|egg|milk|soy'),
               'insect': (['insect sting allergy', 'bee sting allergy'], r'bee|wasp|venom|insect'), 'pollen': (['pollen allergy', 'hay fever allergens (pollen)'], r'pollen'),
               'latex': (['latex allergy'], r'latex')}
        k = R.choice(list(ALC))
        phr, rx = ALC[k]
        hit = [a for a in p.alls if re.search(rx, a['code'].lower())]
        if truth == bool(hit) or k == 'drug': return None
        ph = R.choice(phr)
        t = R.choice([f"No {ph} recorded.", f"Denies {ph}.", f"No {ph} on the allergy list.", f"Negative for {ph}."])
        return mk(p, 'negation', lbl, t, [pcit(p)], (f"allergy list ({', '.join(a['code'] for a in p.alls)}) has no {k} allergy" if truth else f"chart has AllergyIntolerance '{hit[0]['code']}'"),
                  [dict(t='absent', what='allergy', concept=k)])
    if kind == 'allergy':
        if truth:
            if p.alls: return None
            t = R.choice(['NKA.', 'No known allergies recorded.', 'No allergies on file.', 'Allergy list is empty - no known allergies.', 'NKDA; no allergies of any kind documented.'])
            return mk(p, 'negation', lbl, t, [pcit(p)], 'chart has no AllergyIntolerance resources', [dict(t='absent', what='allergy', concept='any')])
        if not p.alls: return None
        t = R.choice(['NKA.', 'No known allergies.', 'Denies any allergies; allergy list empty.'])
        return mk(p, 'negation', lbl, t, [pcit(p)], f"chart lists {len(p.alls)} allergies (e.g. {p.alls[0]['code']})", [dict(t='absent', what='allergy', concept='any')])
    if kind == 'med':
        k = R.choice(list(NEGM))
        phr, rx = NEGM[k]
        ms = [m for m in p.meds if re.search(rx, m['code'].lower())]
        if truth and ms: return None
        if not truth:
            ms = [m for m in ms if m['status'] == 'active']
            if not ms: return None
        ph = R.choice(phr)
        if truth:
            t = R.choice([f"Never prescribed any {ph}.", f"No {ph} on the medication list.", f"Not on any {ph}.",
                          f"No {ph} has been prescribed.", f"{ph[0].upper() + ph[1:]}: none recorded.", f"No {ph} anywhere in the medication history."])
            return mk(p, 'negation', lbl, t, [pcit(p)], f"no MedicationRequest matches {k}", [dict(t='absent', what='med', concept=k)])
        t = R.choice([f"Not on any {ph}.", f"No {ph} on the medication list.", f"No {ph} prescribed.", f"Not taking any {ph}."])
        return mk(p, 'negation', lbl, t, [pcit(p)] + ([rcit('medication', ms[0])] if R.random() < 0.3 else []),
                  f"active MedicationRequest {ms[0]['code']} ({ms[0]['date']}) is a {k}", [dict(t='absent', what='med', concept=k)])
    k = R.choice(list(NEGC))
    phr, crx, mrx = NEGC[k]
    cs = cond_present(p, crx)
    ms = [m for m in p.meds if mrx and re.search(mrx, m['code'].lower())]
    if truth:
        if cs or ms or neg_ambiguous(p, k): return None
        if k == 'cancer' and any('polyp' in c['code'].lower() for c in p.conds): return None
        ph = R.choice(phr)
        t = R.choice([f"No history of {ph}.", f"Denies {ph}.", f"Negative for {ph} per problem list.", f"No {ph} documented.", f"{ph}: not on the problem list.",
                      f"No prior diagnosis of {ph}.", f"Problem list does not include {ph}.", f"No hx of {ph}."])
        return mk(p, 'negation', lbl, t, [pcit(p)], f"no Condition matching {k} and no related medication in chart" + ('' if k not in ('hypertension', 'diabetes', 'chronic kidney disease', 'hyperlipidaemia', 'anaemia') else '; also no lab/vital in the diagnostic range'),
                  [dict(t='absent', what='cond', concept=k)])
    if not cs: return None
    if k == 'cancer' and not any(re.search('neoplasm|carcinoma|metasta', c['code'].lower()) for c in cs): return None
    if k == 'chronic kidney disease' and not any('chronic kidney' in c['code'].lower() for c in cs): return None
    if k == 'hyperlipidaemia' and not any('hyperlipid' in c['code'].lower() or 'triglycerid' in c['code'].lower() for c in cs): return None
    ph = R.choice(phr)
    c = cs[0]
    t = R.choice([f"No history of {ph}.", f"Denies {ph}.", f"Negative for {ph}.", f"{ph} ruled out.", f"No {ph} documented.", f"No prior {ph}.", f"No hx of {ph}."])
    return mk(p, 'negation', lbl, t, [pcit(p)] + ([rcit('condition', c)] if R.random() < 0.3 else []),
              f"chart has Condition '{c['code']}' (onset {c['onset']}, {c['status']})", [dict(t='absent', what='cond', concept=k)])


CHRONIC = {'Hypertension', 'Diabetes', 'Prediabetes', 'Chronic congestive heart failure (disorder)', 'Coronary Heart Disease', 'Childhood asthma', 'Osteoarthritis of hip',
           'Localized, primary osteoarthritis of the hand', 'Osteoporosis (disorder)', 'Chronic kidney disease stage 1 (disorder)', 'Epilepsy', 'Seizure disorder',
           'Hyperlipidemia', "Alzheimer's disease (disorder)", 'Anemia (disorder)', 'Chronic sinusitis (disorder)', 'Atopic dermatitis', 'Seasonal allergic rhinitis',
           'Metabolic syndrome X (disorder)', 'Hypertriglyceridemia (disorder)', 'Body mass index 30+ - obesity (finding)'}


def c_status(p, truth):
    kind = R.choice(['cond', 'cond', 'med', 'med', 'smoke'])
    lbl = 'correct' if truth else 'wrong'
    if kind == 'smoke':
        sm = [o for o in p.obs if o['code'].startswith('Tobacco')]
        if not sm: return None
        sm.sort(key=lambda o: o['date'])
        last = sm[-1]
        st = last['cc']
        alln = all(o['cc'] == 'Never smoker' for o in sm)
        if st == 'Never smoker' and not alln: return None
        if truth:
            claim = 'never' if st == 'Never smoker' else 'former'
        else:
            claim = R.choice(['former', 'current']) if st == 'Never smoker' else R.choice(['never', 'current'])
        ph = {'never': ['Never smoker.', 'Lifelong non-smoker.', 'Has never smoked tobacco.', 'Tobacco: never.', 'Denies ever smoking.'],
              'former': ['Former smoker.', 'Ex-smoker.', 'Quit smoking; former smoker per latest screen.', 'Tobacco: former user.'],
              'current': ['Current smoker.', 'Still smoking.', 'Active tobacco use documented.', 'Smokes currently.']}[claim]
        dt = ddate(last['date'])
        t = R.choice(ph)
        if R.random() < 0.4:
            t = t.rstrip('.') + R.choice([f' (as of {dt}).', f', at last check on {dt}.'])
        f = [dict(t='smoke', rec=last['id'], s=claim)]
        if dt in t: f.append(dfact(last['id'], last['date'], 'day', dt))
        return mk(p, 'status', lbl, t, [ocit(last)], f"latest Tobacco smoking status {last['date']}: {st}" + ('' if truth else f"; claim says {claim}"), f)
    if kind == 'cond':
        cs = [c for c in p.conds if c['code'] in CN]
        c = pick(cs)
        if not c: return None
        same = [x for x in p.conds if x['code'] == c['code']]
        if len(set(x['status'] for x in same)) > 1: return None
        n = cname(c)
        yr = c['onset'][:4]
        if c['status'] == 'resolved':
            if c['code'] not in ACUTE: return None
            if truth:
                dt, f = datebit(c['id'], c['abate'], True, field='abate')
                t = R.choice([f"{n} ({yr}) resolved {dt}.", f"The {yr} episode of {n} has resolved.", f"{n} from {yr} - resolved, no longer active.",
                              f"{n} ({yr}) resolved as of {dt}.", f"{n}, onset {yr}: resolved."])
                fs = [dict(t='code', rec=c['id'], name=n), dict(t='cstatus', rec=c['id'], s='resolved'), dict(t='date', rec=c['id'], iso=c['onset'], gran='year', txt=yr)]
                if dt in t: fs.append(f)
                return mk(p, 'status', lbl, t, [rcit('condition', c)], f"Condition {c['code']} onset {c['onset']} clinicalStatus resolved, abatement {c['abate']}", fs)
            t = R.choice([f"{n} ({yr}) is still active.", f"Ongoing {n} since {yr}.", f"{n}, diagnosed {yr}, remains an active problem.", f"Active problem: {n} (onset {yr})."])
            return mk(p, 'status', lbl, t, [rcit('condition', c)], f"Condition {c['code']} onset {c['onset']} is resolved (abatement {c['abate']}), not active",
                      [dict(t='code', rec=c['id'], name=n), dict(t='cstatus', rec=c['id'], s='active'), dict(t='date', rec=c['id'], iso=c['onset'], gran='year', txt=yr)])
        if c['code'] not in CHRONIC: return None
        if truth:
            t = R.choice([f"{n} remains active (dx {yr}).", f"Active problem: {n}, since {yr}.", f"{n} - ongoing, onset {yr}.", f"{n} ({yr}) is still listed as active."])
            st = 'active'
        else:
            t = R.choice([f"{n} ({yr}) has resolved.", f"{n}, diagnosed {yr}, is now resolved.", f"History of {n} ({yr}), since resolved.", f"{n} from {yr} no longer active."])
            st = 'resolved'
        return mk(p, 'status', lbl, t, [rcit('condition', c)], f"Condition {c['code']} onset {c['onset']} clinicalStatus active" + ('' if truth else '; claim says resolved'),
                  [dict(t='code', rec=c['id'], name=n), dict(t='cstatus', rec=c['id'], s=st), dict(t='date', rec=c['id'], iso=c['onset'], gran='year', txt=yr)])
    m = pick([m for m in p.meds if m['code'] in MED])
    if not m: return None
    n = mname(m)
    yr = m['date'][:4]
    if m['status'] == 'active':
        if truth:
            if living(p):
                t = R.choice([f"Currently taking {n} (started {yr}).", f"Still on {n}, prescribed {yr}.", f"{n} ongoing since {yr}.", f"Remains on {n} ({yr} prescription)."])
            else:
                t = R.choice([f"{n} ({yr}) is listed as active.", f"Active prescription for {n} from {yr}.", f"{n}, ordered {yr}, status active."])
            st = 'active'
        else:
            if not living(p) and R.random() < 0.3: return None
            t = R.choice([f"{n} ({yr}) was discontinued.", f"No longer on {n} (started {yr}).", f"{n}, prescribed {yr}, has been stopped.", f"Stopped {n} - the {yr} prescription is inactive."])
            st = 'stopped'
    else:
        if not med_all_stopped(p, m): return None
        if truth:
            t = R.choice([f"{n} ({yr}) was discontinued.", f"No longer taking {n} (prescribed {yr}).", f"{n} from {yr} - stopped.", f"The {yr} course of {n} is finished (status stopped)."])
            st = 'stopped'
        else:
            if not living(p): return None
            t = R.choice([f"Currently taking {n} (started {yr}).", f"Still on {n} since {yr}.", f"{n} ({yr}) remains an active medication.", f"Continues {n}, first prescribed {yr}."])
            st = 'active'
    return mk(p, 'status', lbl, t, [rcit('medication', m)], f"MedicationRequest {m['code']} authoredOn {m['date']} status {m['status']}" + ('' if truth else f"; claim says {st}"),
              [dict(t='code', rec=m['id'], name=n), dict(t='mstatus', rec=m['id'], s=st), dict(t='date', rec=m['id'], iso=m['date'], gran='year', txt=yr)])


def latest_two(p, code):
    xs = p.by.get(code, [])
    if len(xs) < 2: return None
    ds = [o['date'] for o in xs]
    if ds.count(ds[-1]) > 1 or ds.count(ds[-2]) > 1: return None
    return xs[-1], xs[-2]


def c_latest(p, truth):
    lbl = 'correct' if truth else 'wrong'
    kind = R.choice(['obs', 'obs', 'obs', 'bp', 'enc', 'imm'])
    if kind == 'enc':
        es = sorted(p.encs, key=lambda e: e['date'])
        if len(es) < 2 or es[-1]['date'] == es[-2]['date']: return None
        if es[-1]['code'] == 'Death Certification': return None  # "last seen" would read oddly after death
        e = es[-1] if truth else es[-2]
        if es[-1]['date'][:7] == es[-2]['date'][:7]: return None
        dt = ddate(e['date'])
        t = R.choice([f"Last visit: {dt}.", f"Most recent encounter was on {dt}.", f"Last seen {dt}.", f"The latest encounter in the chart is dated {dt}."])
        return mk(p, 'latest', lbl, t, [rcit('encounter', e)], f"latest Encounter starts {es[-1]['date']}" + ('' if truth else f"; {e['date']} is the one before it"),
                  [dict(t='latest', rec=e['id'], kind='encounter'), dfact(e['id'], e['date'], 'day', dt)])
    if kind == 'imm':
        flu = sorted([i for i in p.imms if i['code'].startswith('Influenza')], key=lambda i: i['date'])
        if len(flu) < 2 or flu[-1]['date'] == flu[-2]['date']: return None
        i = flu[-1] if truth else flu[-2]
        dt = ddate(i['date'])
        n = R.choice(VAX[i['code']])
        t = R.choice([f"Most recent {n}: {dt}.", f"Last {n} given {dt}.", f"Latest {n} was on {dt}.", f"{n} last administered {dt}."])
        return mk(p, 'latest', lbl, t, [rcit('immunization', i)], f"latest influenza Immunization {flu[-1]['date']}" + ('' if truth else f"; {i['date']} is an earlier dose"),
                  [dict(t='latest', rec=i['id'], kind='immunization'), dict(t='code', rec=i['id'], name=n), dfact(i['id'], i['date'], 'day', dt)])
    if kind == 'bp':
        lt = latest_two(p, BP)
        if not lt: return None
        o = lt[0] if truth else lt[1]
        a = atom_bp(p, o, True)
        if not a: return None
        if not truth:
            b = atom_bp(p, lt[0], True)
            if not b or b[0].split()[0] == a[0].split()[0]: return None
        dt = R.choice([ddate(o['date']), None])
        t = R.choice([f"Most recent BP {a[0]}", f"Latest blood pressure: {a[0]}", f"BP at last check {a[0]}", f"Last recorded BP was {a[0]}"])
        t += f" ({dt})." if dt else '.'
        fs = a[1] + [dict(t='latest', rec=o['id'], kind='observation')]
        if dt: fs.append(dfact(o['id'], o['date'], 'day', dt))
        return mk(p, 'latest', lbl, t, a[2], a[3] + ('' if truth else f"; not the latest BP (latest is {lt[0]['date']})"), fs)
    codes = [c for c in p.by if c in AN and c not in ('Body Height',)]
    if not codes: return None
    code = R.choice(codes)
    lt = latest_two(p, code)
    if not lt: return None
    o = lt[0] if truth else lt[1]
    q = R.choice(AN[code]['q'])
    if near_half(o['v'], q): return None
    if not truth and rnd(lt[0]['v'], q) == rnd(o['v'], q): return None
    w = rnd(o['v'], q)
    u = AN[code]['u'] if R.random() < 0.6 else None
    vt = vtext(w, q, u)
    nm = aname(code)
    dt = ddate(o['date']) if R.random() < 0.6 else None
    t = R.choice([f"Most recent {nm} {vt}", f"Latest {nm}: {vt}", f"{nm} at last check {vt}", f"Last {nm} was {vt}", f"Most recent {nm} is {vt}", f"{nm} (latest) {vt}"])
    t += (f" on {dt}." if R.random() < 0.5 else f" ({dt}).") if dt else '.'
    fs = [vfact(o, w, q, u), dict(t='latest', rec=o['id'], kind='observation')]
    if dt: fs.append(dfact(o['id'], o['date'], 'day', dt))
    return mk(p, 'latest', lbl, t, [ocit(o)], f"{code} {o['v']:.3f} on {o['date']}; latest {code} is {lt[0]['date']}" + ('' if truth else f" ({lt[0]['v']:.3f}), so this is not the latest"), fs)


LIPID_PAIRS = [('Low Density Lipoprotein Cholesterol', 'High Density Lipoprotein Cholesterol'), ('Total Cholesterol', 'Triglycerides'),
               ('Total Cholesterol', 'High Density Lipoprotein Cholesterol'), ('Sodium', 'Chloride'), ('Glucose', 'Urea Nitrogen')]


def c_swapped(p, truth):
    lbl = 'correct' if truth else 'wrong'
    kind = R.choice(['bp', 'bp', 'pair', 'pair', 'conds', 'meds', 'trend'])
    if kind == 'bp':
        o = pick(bp_obs(p))
        if not o: return None
        s, d = val(o, SYS), val(o, DIA)
        if near_half(s, 1) or near_half(d, 1): return None
        ws, wd = rnd(s, 1), rnd(d, 1)
        if not truth: ws, wd = wd, ws
        dt = ddate(o['date'])
        t = R.choice([f"Systolic {fnum(ws,1)}, diastolic {fnum(wd,1)} on {dt}.", f"{dt}: SBP {fnum(ws,1)} mmHg, DBP {fnum(wd,1)} mmHg.",
                      f"On {dt} the diastolic was {fnum(wd,1)} and the systolic {fnum(ws,1)}.", f"BP {dt} - systolic {fnum(ws,1)} / diastolic {fnum(wd,1)} mm Hg."])
        return mk(p, 'swapped', lbl, t, [ocit(o, whole=True)], f"BP {o['date']}: systolic {s:.2f}, diastolic {d:.2f}" + ('' if truth else '; values swapped'),
                  [dict(vfact(o, ws, 1, None, SYS), txt=fnum(ws, 1)), dict(vfact(o, wd, 1, None, DIA), txt=fnum(wd, 1)), dfact(o['id'], o['date'], 'day', dt)])
    if kind == 'pair':
        ca, cb = R.choice(LIPID_PAIRS)
        xs = [(o, same_day(p, cb, o['date'])) for o in p.by.get(ca, [])]
        xs = [(a, b) for a, b in xs if b and len([x for x in p.by[ca] if x['date'] == a['date']]) == 1]
        if not xs: return None
        a, b = R.choice(xs)
        va, vb = rnd(a['v'], 1), rnd(b['v'], 1)
        if near_half(a['v'], 1) or near_half(b['v'], 1) or abs(va - vb) < 5: return None
        if not truth: va, vb = vb, va
        na, nb = aname(ca), aname(cb)
        dt, f = datebit(a['id'], a['date'], True, vague=False)
        u = AN[ca]['u']
        t = R.choice([f"{na} {fnum(va,1)}, {nb} {fnum(vb,1)} ({dt}).", f"{dt} labs: {na} {fnum(va,1)} {uspell(u)} and {nb} {fnum(vb,1)} {uspell(u)}.",
                      f"{na} was {fnum(va,1)} and {nb} {fnum(vb,1)} on {dt}." if f['gran'] == 'day' else f"{na} was {fnum(va,1)} and {nb} {fnum(vb,1)} in {dt}."])
        return mk(p, 'swapped', lbl, t, [ocit(a), ocit(b)], f"{ca} {a['v']:.2f}, {cb} {b['v']:.2f} on {a['date']}" + ('' if truth else '; the two values are swapped'),
                  [vfact(a, va, 1, None), vfact(b, vb, 1, None), f, dfact(b['id'], b['date'], f['gran'], dt)])
    if kind == 'conds':
        cs = [c for c in p.conds if c['code'] in CN and c['code'] not in ACUTE and c['status'] == 'active']
        seen = {}
        for c in cs: seen.setdefault(c['code'], c)
        cs = list(seen.values())
        pairs = [(a, b) for a in cs for b in cs if a['onset'][:4] < b['onset'][:4] and a['code'] != b['code']]
        if not pairs: return None
        a, b = R.choice(pairs)
        ya, yb = a['onset'][:4], b['onset'][:4]
        if not truth: ya, yb = yb, ya
        na, nb = cname(a), cname(b)
        t = R.choice([f"{na} since {ya}; {nb} since {yb}.", f"{na} was diagnosed in {ya} and {nb} in {yb}.", f"PMH: {na} ({ya}), {nb} ({yb}).", f"Onsets: {na} {ya}, {nb} {yb}."])
        return mk(p, 'swapped', lbl, t, [rcit('condition', a), rcit('condition', b)], f"{a['code']} onset {a['onset']}, {b['code']} onset {b['onset']}" + ('' if truth else '; years swapped'),
                  [dict(t='code', rec=a['id'], name=na), dict(t='code', rec=b['id'], name=nb), dict(t='date', rec=a['id'], iso=ya + '-06-15', gran='year', txt=ya),
                   dict(t='date', rec=b['id'], iso=yb + '-06-15', gran='year', txt=yb)])
    if kind == 'meds':
        ms = [m for m in p.meds if m['code'] in MED and MED[m['code']][1] and MED[m['code']][1].endswith(' mg') and '/' not in MED[m['code']][1]]
        mgv = lambda m: float(MED[m['code']][1].split()[0])
        pairs = [(a, b) for a in ms for b in ms if MED[a['code']][1] != MED[b['code']][1] and ingr_key(a['code']) < ingr_key(b['code'])
                 and min(mgv(a), mgv(b)) >= 1 and max(mgv(a), mgv(b)) / min(mgv(a), mgv(b)) <= 8]
        if not pairs: return None
        a, b = R.choice(pairs)
        sa, sb = MED[a['code']][1], MED[b['code']][1]
        if not truth: sa, sb = sb, sa
        na, nb = mname(a), mname(b)
        t = R.choice([f"Prescribed {na} {sa} ({a['date'][:4]}) and {nb} {sb} ({b['date'][:4]}).", f"Rx history: {na} {sa} in {a['date'][:4]}, {nb} {sb} in {b['date'][:4]}.", f"{na} {sa} ordered {a['date'][:4]}; {nb} {sb} ordered {b['date'][:4]}."])
        fs = [dict(t='code', rec=a['id'], name=na), dict(t='code', rec=b['id'], name=nb), dict(t='strength', rec=a['id'], s=sa, txt=sa), dict(t='strength', rec=b['id'], s=sb, txt=sb)]
        if a['date'][:4] in t: fs += [dict(t='date', rec=a['id'], iso=a['date'], gran='year', txt=a['date'][:4]), dict(t='date', rec=b['id'], iso=b['date'], gran='year', txt=b['date'][:4])]
        return mk(p, 'swapped', lbl, t, [rcit('medication', a), rcit('medication', b)], f"{a['code']} / {b['code']}" + ('' if truth else '; strengths swapped between the two drugs'), fs)
    # trend with years
    tp = trend_pair(p, R.choice(['up', 'down']))
    if not tp: return None
    code, comp, a, b, va, vb, d = tp
    q = 1 if (comp or va > 30) else 0.1
    if code == 'Creatinine': q = 0.01
    if near_half(va, q) or near_half(vb, q): return None
    wa, wb = fnum(rnd(va, q), q), fnum(rnd(vb, q), q)
    if abs(float(wa) - float(wb)) < 2 * q: return None
    ya, yb = a['date'][:4], b['date'][:4]
    nm = {SYS: 'SBP', DIA: 'DBP'}[comp] if comp else aname(code)
    if truth:
        t = R.choice([f"{nm} {wa} in {ya}, {wb} in {yb}.", f"{nm} went from {wa} ({ya}) to {wb} ({yb}).", f"{ya} {nm} {wa}; {yb} {nm} {wb}."])
        fs = [vfact(a, float(wa), q, None, comp, wa), vfact(b, float(wb), q, None, comp, wb)]
    else:
        t = R.choice([f"{nm} {wb} in {ya}, {wa} in {yb}.", f"{nm} went from {wb} ({ya}) to {wa} ({yb}).", f"{ya} {nm} {wb}; {yb} {nm} {wa}."])
        fs = [vfact(a, float(wb), q, None, comp, wb), vfact(b, float(wa), q, None, comp, wa)]
    if 'went from' in t:
        fs.append(dict(t='trend', a=a['id'], b=b['id'], comp=(cidx(a, comp) if comp else None), dir=d if truth else ('down' if d == 'up' else 'up')))
    fs += [dict(t='date', rec=a['id'], iso=a['date'], gran='year', txt=ya), dict(t='date', rec=b['id'], iso=b['date'], gran='year', txt=yb)]
    return mk(p, 'swapped', lbl, t, [ocit(a, comp), ocit(b, comp)], f"{comp or code}: {va:.3f} ({a['date']}), {vb:.3f} ({b['date']})" + ('' if truth else '; years swapped'), fs)


def c_wrongcit(p, truth):
    """true fact; correct -> right record cited; wrong -> a record that does not contain it"""
    lbl = 'correct' if truth else 'wrong'
    kind = R.choice(['otherdate', 'otherdate', 'otheranalyte', 'bpcomp', 'wrongkind', 'condother'])
    if kind == 'condother':
        cs = [c for c in p.conds if c['code'] in CN]
        if len(cs) < 2: return None
        c = R.choice(cs)
        others = [x for x in cs if x['code'] != c['code'] and x['onset'][:4] != c['onset'][:4]]
        if not others: return None
        dt, f = datebit(c['id'], c['onset'], True)
        n = cname(c)
        t = R.choice([f"{n} diagnosed {dt}.", f"Dx of {n} in {dt}." if f['gran'] != 'day' else f"Dx of {n} on {dt}.", f"{n}: onset {dt}."])
        cited = c if truth else R.choice(others)
        fs = [dict(t='code', rec=cited['id'], name=n, src=c['id']), dict(f, rec=cited['id'], src=c['id'])]
        return mk(p, 'wrong-citation', lbl, t, [rcit('condition', cited)],
                  f"{c['code']} onset {c['onset']}" + ('' if truth else f"; but the cited Condition is {cited['code']} ({cited['onset']})"), fs)
    if kind == 'bpcomp':
        o = pick(bp_obs(p))
        if not o: return None
        comp = R.choice([SYS, DIA])
        v = val(o, comp)
        if near_half(v, 1): return None
        other = DIA if comp == SYS else SYS
        nm = R.choice(['systolic', 'SBP', 'systolic BP']) if comp == SYS else R.choice(['diastolic', 'DBP', 'diastolic BP'])
        dt = ddate(o['date'])
        t = R.choice([f"{nm} {fnum(rnd(v,1),1)} mmHg on {dt}.", f"{dt}: {nm} {fnum(rnd(v,1),1)}.", f"{nm} was {fnum(rnd(v,1),1)} at the {dt} check."])
        cc = comp if truth else other
        f = vfact(o, rnd(v, 1), 1, 'mmHg' if 'mmHg' in t else None, comp)
        f['src'] = f"{o['id']}#{f['comp']}"; f['comp'] = cidx(o, cc)
        return mk(p, 'wrong-citation', lbl, t, [ocit(o, cc)], f"{comp} {v:.2f} on {o['date']}" + ('' if truth else f"; cited component #{cidx(o, cc)} is the {other}"),
                  [f, dfact(o['id'], o['date'], 'day', dt)])
    o = pick(numeric_obs(p, [k for k in AN if k != 'Oral temperature']))
    if not o: return None
    q = R.choice(AN[o['code']]['q'])
    if near_half(o['v'], q): return None
    w = rnd(o['v'], q)
    u = AN[o['code']]['u'] if R.random() < 0.6 else None
    nm = aname(o['code'])
    dt, f = datebit(o['id'], o['date'], True, vague=False)
    vt = vtext(w, q, u)
    t = R.choice([f"{nm} {vt} on {dt}." if f['gran'] == 'day' else f"{nm} {vt} in {dt}.", f"{dt}: {nm} {vt}.", f"{nm} of {vt} recorded {dt}."])
    cited, ckind, note = o, 'observation', ''
    if not truth and round(w / q) % 5 == 0:
        return None  # a round number could match another record at a coarser reading
    if not truth:
        if kind == 'otherdate':
            xs = [x for x in p.by[o['code']] if x['date'][:7] != o['date'][:7] and rnd(x['v'], q) != w and abs(x['v'] - o['v']) >= q]
            if not xs: return None
            cited = R.choice(xs); note = f"cited {o['code']} is from {cited['date']} ({cited['v']:.3f})"
        elif kind == 'otheranalyte':
            xs = [x for x in p.obs if x['date'] == o['date'] and 'v' in x and x['code'] != o['code'] and x['code'] in AN and abs(x['v'] - o['v']) >= q]
            if not xs: return None
            cited = R.choice(xs); note = f"cited record is {cited['code']} ({cited['v']:.3f}), not {o['code']}"
        else:
            xs = [('immunization', i) for i in p.imms if i['date'] == o['date']] + [('condition', c) for c in p.conds if c['onset'] == o['date']] + \
                 [('procedure', x) for x in p.procs if x['date'] == o['date']]
            if not xs: return None
            ckind, cited = R.choice(xs); note = f"cited record is a {ckind} ({cited['code']}) from the same day, which holds no {o['code']} value"
    f1 = vfact(o, w, q, u); f1['rec'] = cited['id']; f1['src'] = o['id']
    f2 = dict(f, rec=cited['id'], src=o['id'])
    return mk(p, 'wrong-citation', lbl, t, [dict(kind='record', record=ckind, id=cited['id'])], f"{o['code']} {o['v']:.3f} {o['unit']} on {o['date']} (record {o['id'][:8]})" + (f'; {note}' if note else ''), [f1, f2])


def bp_cat(s, d):
    if s >= 140 or d >= 90: return 'stage2'
    if s >= 130 or d >= 80: return 'stage1'
    if s >= 120: return 'elevated'
    return 'normal'


def bp_margin(s, d):
    return min(abs(s - t) for t in (120, 130, 140)) >= 1.5 and min(abs(d - t) for t in (80, 90)) >= 1.5


INTERP = {  # scheme: (code, thresholds list of (upper_bound, cat)), margin
    'bmi': ('Body Mass Index', [(18.5, 'underweight'), (25, 'normal'), (30, 'overweight'), (999, 'obese')], 0.3),
    'a1c': ('Hemoglobin A1c/Hemoglobin.total in Blood', [(5.7, 'normal'), (6.5, 'prediabetes'), (99, 'diabetes')], 0.07),
    'egfr': ('Estimated Glomerular Filtration Rate', [(15, 'G5'), (30, 'G4'), (45, 'G3b'), (60, 'G3a'), (90, 'G2'), (999, 'G1')], 1.5),
    'ldl': ('Low Density Lipoprotein Cholesterol', [(100, 'optimal'), (130, 'near optimal'), (160, 'borderline high'), (190, 'high'), (999, 'very high')], 2),
    'tc': ('Total Cholesterol', [(200, 'desirable'), (240, 'borderline high'), (9999, 'high')], 2),
    'tg': ('Triglycerides', [(150, 'normal'), (200, 'borderline high'), (500, 'high'), (9999, 'very high')], 3),
    'hdl': ('High Density Lipoprotein Cholesterol', [(40, 'low'), (60, 'normal'), (999, 'high')], 1.5),
    'temp': ('Oral temperature', [(38.0, 'afebrile'), (99, 'fever')], 0.15),
}
PHR = {
    'bmi': {'underweight': ['underweight'], 'normal': ['normal weight', 'a healthy weight range', 'normal BMI'], 'overweight': ['overweight', 'in the overweight range'], 'obese': ['obese', 'in the obese range', 'obesity-range']},
    'a1c': {'normal': ['normal', 'non-diabetic range', 'in the normal range'], 'prediabetes': ['prediabetic range', 'in the prediabetes range'], 'diabetes': ['diabetic range', 'consistent with diabetes']},
    'egfr': {'G1': ['normal kidney function (G1)', 'KDIGO G1'], 'G2': ['mildly decreased (G2)', 'KDIGO G2'], 'G3a': ['G3a, mildly to moderately decreased', 'CKD G3a range'],
             'G3b': ['G3b, moderately to severely decreased', 'KDIGO G3b'], 'G4': ['severely decreased (G4)'], 'G5': ['kidney failure range (G5)']},
    'ldl': {'optimal': ['optimal', 'optimal (<100)'], 'near optimal': ['near optimal'], 'borderline high': ['borderline high'], 'high': ['high'], 'very high': ['very high']},
    'tc': {'desirable': ['desirable', 'in the desirable range'], 'borderline high': ['borderline high'], 'high': ['high']},
    'tg': {'normal': ['normal', 'within normal limits'], 'borderline high': ['borderline high'], 'high': ['high', 'elevated'], 'very high': ['very high']},
    'hdl': {'low': ['low'], 'normal': ['acceptable'], 'high': ['high (protective)']},
    'temp': {'afebrile': ['afebrile', 'no fever'], 'fever': ['febrile', 'a fever']},
    'bp': {'normal': ['normal', 'a normal reading'], 'elevated': ['elevated', 'in the elevated category'], 'stage1': ['stage 1 hypertension range', 'stage 1 HTN'],
           'stage2': ['stage 2 hypertension range', 'stage 2 HTN', 'hypertensive (stage 2)']},
}


def cat_of(scheme, v):
    for ub, c in INTERP[scheme][1]:
        if v < ub: return c


def c_interp(p, truth):
    lbl = 'correct' if truth else 'wrong'
    scheme = R.choice(['bp', 'bp', 'bmi', 'bmi', 'a1c', 'egfr', 'ldl', 'tc', 'tg', 'hdl', 'temp'])
    if scheme == 'bp':
        o = pick(bp_obs(p, adult=True))
        if not o: return None
        s, d = val(o, SYS), val(o, DIA)
        if not bp_margin(s, d): return None
        cat = bp_cat(s, d)
        a = atom_bp(p, o, True)
        if not a: return None
        cats = ['normal', 'elevated', 'stage1', 'stage2']
        if truth:
            claim = cat
        else:
            i = cats.index(cat)
            claim = cats[i + 1] if i == 0 or (i < 3 and R.random() < 0.5) else cats[i - 1]
        ph = R.choice(PHR['bp'][claim])
        dt = ddate(o['date'])
        t = R.choice([f"BP {a[0]} on {dt} - {ph}.", f"{dt}: BP {a[0]}, {ph} by ACC/AHA 2017.", f"Blood pressure {a[0]} ({dt}) is {ph}.", f"BP of {a[0]} at the {dt} visit: {ph}."])
        return mk(p, 'interpretation', lbl, t, a[2], a[3] + f"; ACC/AHA 2017 category {cat}" + ('' if truth else f", not {claim}"),
                  a[1] + [dict(t='interp', rec=o['id'], scheme='bp', cat=claim), dfact(o['id'], o['date'], 'day', dt)])
    code, th, mg = INTERP[scheme]
    xs = p.by.get(code, [])
    if scheme == 'bmi': xs = [o for o in xs if age_at(p, o['date']) >= 20]
    if scheme == 'a1c': xs = [o for o in xs if o['v'] >= 4]
    if scheme == 'temp': xs = [o for o in xs if o['v'] < 37.5 or o['v'] >= 38.4]
    xs = [o for o in xs if all(abs(o['v'] - ub) >= mg for ub, _ in th)]
    o = pick(xs)
    if not o: return None
    cat = cat_of(scheme, o['v'])
    cats = [c for _, c in th]
    if truth:
        claim = cat
    else:
        i = cats.index(cat)
        nb = [cats[j] for j in (i - 1, i + 1) if 0 <= j < len(cats)]
        if scheme == 'temp': nb = [c for c in cats if c != cat]
        claim = R.choice(nb)
    if scheme == 'hdl' and claim == 'normal': return None
    q = 0.1 if o['v'] < 100 and scheme not in ('ldl', 'tc', 'tg', 'hdl', 'egfr') else 1
    if near_half(o['v'], q): return None
    w = rnd(o['v'], q)
    # guard: written value must not sit on the other side of a threshold
    if cat_of(scheme, w) != cat: return None
    u = AN[code]['u'] if R.random() < 0.6 else None
    vt = vtext(w, q, u)
    nm = aname(code)
    ph = R.choice(PHR[scheme][claim])
    dt, f = datebit(o['id'], o['date'], True, vague=False)
    std = {'bmi': 'WHO', 'a1c': 'ADA', 'egfr': 'KDIGO', 'ldl': 'NCEP ATP III', 'tc': 'NCEP ATP III', 'tg': 'NCEP ATP III', 'hdl': 'NCEP ATP III', 'temp': '>=38.0 C fever'}[scheme]
    t = R.choice([f"{nm} {vt} ({dt}) - {ph}.", f"{nm} of {vt} on {dt} is {ph}." if f['gran'] == 'day' else f"{nm} of {vt} in {dt} is {ph}.",
                  f"{dt}: {nm} {vt}, {ph}.", f"{nm} {vt} in {dt}, which is {ph}." if f['gran'] != 'day' else f"{nm} {vt} on {dt}, which is {ph}."])
    if scheme == 'bmi' and claim in ('obese', 'overweight') and R.random() < 0.5:
        t = f"{'Obese' if claim == 'obese' else 'Overweight'} with BMI {vt} ({dt})."
    if scheme == 'temp':
        t = R.choice([f"{'Febrile' if claim == 'fever' else 'Afebrile'} at {vt} on {dt}.", f"Temp {vt} ({dt}) - {ph}."])
    return mk(p, 'interpretation', lbl, t, [ocit(o)], f"{code} {o['v']:.3f} on {o['date']}; {std} category '{cat}'" + ('' if truth else f", not '{claim}'"),
              [vfact(o, w, q, u), dict(t='interp', rec=o['id'], scheme=scheme, cat=claim), f])


def c_two(p, truth):
    lbl = 'correct' if truth else 'wrong'
    bad = None if truth else R.choice([0, 1])
    kind = R.choice(['bp+bmi', 'bp+wt', 'lab+lab', 'cond+med', 'vax+vax', 'cond+cond', 'lab+lab'] + (['allergy'] * 3 if p.alls else []))
    if kind == 'allergy':
        AL = {'Allergy to bee venom': ['bee venom', 'bee stings'], 'Allergy to mould': ['mould', 'mold'], 'Dander (animal) allergy': ['animal dander', 'pet dander'],
              'Allergy to grass pollen': ['grass pollen'], 'Allergy to tree pollen': ['tree pollen'], 'Allergy to wheat': ['wheat']}
        WRONG_AL = ['peanuts', 'shellfish', 'latex', 'penicillin', 'dust mites', 'cat hair']
        al = [a for a in p.alls if a['code'] in AL]
        if len(al) < 2: return None
        a, b = R.sample(al, 2)
        na, nb = R.choice(AL[a['code']]), R.choice(AL[b['code']])
        why = f"AllergyIntolerance records: {a['code']}; {b['code']}"
        if bad == 0:
            na = R.choice(WRONG_AL); why += f'; first allergen is not {na}'
        elif bad == 1:
            nb = R.choice(WRONG_AL); why += f'; second allergen is not {nb}'
        t = R.choice([f"Allergic to {na} and {nb}.", f"Allergies: {na}, {nb}.", f"Documented allergies include {na} as well as {nb}.", f"Known allergy to {na}; also {nb}."])
        return mk(p, 'two-facts', lbl, t, [rcit('allergy', a), rcit('allergy', b)], why, [dict(t='code', rec=a['id'], name=na), dict(t='code', rec=b['id'], name=nb)])
    if kind in ('bp+bmi', 'bp+wt'):
        code = 'Body Mass Index' if kind == 'bp+bmi' else 'Body Weight'
        xs = [(b, same_day(p, code, b['date'])) for b in bp_obs(p)]
        xs = [x for x in xs if x[1]]
        if not xs: return None
        b, o = R.choice(xs)
        A = atom_bp(p, b, bad != 0)
        B = atom_obs(p, o, bad != 1)
        if not A or not B: return None
        dt = ddate(b['date'])
        t = R.choice([f"On {dt}: BP {A[0]} and {B[0]}.", f"BP {A[0]}, {B[0]} at the {dt} visit.", f"{dt} vitals - BP {A[0]}; {B[0]}.",
                      f"At the {dt} check-up the BP was {A[0]} with {B[0]}."])
        return mk(p, 'two-facts', lbl, t, A[2] + B[2], A[3] + '; ' + B[3], A[1] + B[1] + [dfact(b['id'], b['date'], 'day', dt), dfact(o['id'], o['date'], 'day', dt)])
    if kind == 'lab+lab':
        codes = [c for c in ABBR_CODES if c in p.by and c != 'Body Mass Index']
        if len(codes) < 2: return None
        ca, cb = R.sample(codes, 2)
        xs = [(a, same_day(p, cb, a['date'])) for a in p.by[ca] if len([x for x in p.by[ca] if x['date'] == a['date']]) == 1]
        xs = [x for x in xs if x[1]]
        if not xs: return None
        a, b = R.choice(xs)
        A = atom_obs(p, a, bad != 0)
        B = atom_obs(p, b, bad != 1)
        if not A or not B: return None
        dt, f = datebit(a['id'], a['date'], True, vague=False)
        t = R.choice([f"{A[0]} and {B[0]} on {dt}." if f['gran'] == 'day' else f"{A[0]} and {B[0]} in {dt}.", f"{dt} labs: {A[0]}, {B[0]}.",
                      f"Bloods from {dt} showed {A[0]} with {B[0]}.", f"{A[0]}; {B[0]} ({dt})."])
        return mk(p, 'two-facts', lbl, t, A[2] + B[2], A[3] + '; ' + B[3], A[1] + B[1] + [f, dict(f, rec=b['id'])])
    if kind == 'cond+med':
        pairs = []
        for m in p.meds:
            if m['code'] not in MED: continue
            for c in p.conds:
                if c['code'] in CN and c['onset'] == m['date'] and c['id'] in m.get('reason', []):
                    pairs.append((c, m))
        if not pairs: return None
        c, m = R.choice(pairs)
        n, mn = cname(c), mname(m)
        st = MED[m['code']][1]
        d1, f1 = datebit(c['id'], c['onset'], bad != 0, ('year', 'month', 'day'))
        fs = [dict(t='code', rec=c['id'], name=n), f1]
        why = f"{c['code']} onset {c['onset']}; {m['code']} authoredOn {m['date']}"
        if bad == 1:
            opts = (['name'] if MED[m['code']][2] else []) + (['str'] if MED[m['code']][3] else [])
            if not opts: return None
            if R.choice(opts) == 'name':
                mn = R.choice(MED[m['code']][2]); why += f'; drug is not {mn}'
            else:
                st = R.choice(MED[m['code']][3]); why += f'; strength is not {st}'
        elif bad == 0:
            why += f'; onset date written {d1} is wrong'
        fs.append(dict(t='code', rec=m['id'], name=mn))
        ms = f"{mn} {st}" if st else mn
        if st: fs.append(dict(t='strength', rec=m['id'], s=st, txt=st))
        t = R.choice([f"{n} diagnosed {d1} and started on {ms} the same day.", f"Dx {n} {d1}; {ms} prescribed at that visit.",
                      f"{n} ({d1}), treated with {ms}.", f"Diagnosed with {n} in {d1}, for which {ms} was prescribed." if f1['gran'] != 'day' else f"Diagnosed with {n} on {d1}, for which {ms} was prescribed."])
        fs.append(dict(t='date', rec=m['id'], iso=c['onset'], gran='day', txt='', note='same-day'))
        return mk(p, 'two-facts', lbl, t, [rcit('condition', c), rcit('medication', m)], why, fs)
    if kind == 'vax+vax':
        byd = {}
        for i in p.imms:
            if i['code'] in VAX: byd.setdefault(i['date'], []).append(i)
        ds = [d for d, v in byd.items() if len(set(x['code'] for x in v)) >= 2]
        if not ds: return None
        d = R.choice(ds)
        a, b = R.sample(sorted(byd[d], key=lambda x: x['code']), 2)
        if a['code'] == b['code']: return None
        na, nb = R.choice(VAX[a['code']]), R.choice(VAX[b['code']])
        fs = [dict(t='code', rec=a['id'], name=na), dict(t='code', rec=b['id'], name=nb)]
        dt = ddate(d)
        why = f"{a['code']} and {b['code']} both given {d}"
        if bad == 0:
            nd = shift_date(d, R.choice(['year', 'month']))
            dt = ddate(nd)
            why += f'; but the date written ({dt}) is wrong'
            fs += [dfact(a['id'], nd, 'day', dt), dfact(b['id'], nd, 'day', dt)]
        elif bad == 1:
            wrongv = [k for k in VAX if k not in [x['code'] for x in byd[d]] and not k.startswith('Influenza') and VAX[k][0].lower() not in (na.lower(),)]
            k = R.choice(wrongv)
            nb = R.choice(VAX[k]); fs[1] = dict(t='code', rec=b['id'], name=nb); why += f'; the second vaccine was not {nb} (it was {b["code"]})'
        if bad != 0:
            fs += [dfact(a['id'], d, 'day', dt), dfact(b['id'], d, 'day', dt)]
        t = R.choice([f"{na} and {nb} given on {dt}.", f"Received {na} plus {nb} on {dt}.", f"{dt}: immunisations {na} and {nb}."])
        return mk(p, 'two-facts', lbl, t, [rcit('immunization', a), rcit('immunization', b)], why, fs)
    cs = [c for c in p.conds if c['code'] in CN]
    if len(cs) < 2: return None
    a, b = R.sample(cs, 2)
    if a['code'] == b['code']: return None
    na, nb = cname(a), cname(b)
    d1, f1 = datebit(a['id'], a['onset'], bad != 0, ('year', 'month'))
    d2, f2 = datebit(b['id'], b['onset'], bad != 1, ('year', 'month'))
    t = R.choice([f"{na} diagnosed {d1}; {nb} diagnosed {d2}.", f"PMH includes {na} ({d1}) and {nb} ({d2}).", f"{na} first recorded {d1}, {nb} {d2}."])
    return mk(p, 'two-facts', lbl, t, [rcit('condition', a), rcit('condition', b)], f"{a['code']} onset {a['onset']}; {b['code']} onset {b['onset']}" + ('' if truth else f"; {'first' if bad == 0 else 'second'} date wrong"),
              [dict(t='code', rec=a['id'], name=na), f1, dict(t='code', rec=b['id'], name=nb), f2])


CATS = [('dates', c_dates), ('abbreviations', c_abbrev), ('drug-names', c_drugs), ('units', c_units), ('rounding', c_round), ('trends', c_trend),
        ('two-facts', c_two), ('negation', c_neg), ('status', c_status), ('latest', c_latest), ('swapped', c_swapped),
        ('wrong-citation', c_wrongcit), ('interpretation', c_interp)]
BIG = ('Vito', 'Evelyn')


def main():
    pats = load_all()
    weights = [5 if p.name in BIG else 1 for p in pats]
    out = []
    texts = set()
    per_pat_cat = {}
    for cat, fn in CATS:
        for truth in (True, False):
            got = 0
            order = pats[:]
            R.shuffle(order)
            tries = 0
            while got < PER and tries < 20000:
                tries += 1
                p = order[tries - 1] if tries <= len(order) else R.choices(pats, weights)[0]
                key = (p.id, cat)
                if per_pat_cat.get(key, 0) >= (10 if p.name in BIG else 4):
                    continue
                try:
                    c = fn(p, truth)
                except Skip:
                    c = None
                if not c or c['text'] in texts:
                    continue
                if c['label'] != ('correct' if truth else 'wrong'):
                    continue
                texts.add(c['text'])
                per_pat_cat[key] = per_pat_cat.get(key, 0) + 1
                out.append(c)
                got += 1
            if got < PER:
                print('SHORT', cat, truth, got, file=sys.stderr)
    R.shuffle(out)
    with open(os.path.join(OUT, 'claims.jsonl'), 'w') as f, open(os.path.join(OUT, 'claims.facts.jsonl'), 'w') as g:
        for c in out:
            facts = c.pop('_facts')
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
            g.write(json.dumps(dict(text=c['text'], facts=facts), ensure_ascii=False) + '\n')
    print('wrote', len(out), 'claims; patients', len(set(c['patient'] for c in out)))


if __name__ == '__main__':
    main()
