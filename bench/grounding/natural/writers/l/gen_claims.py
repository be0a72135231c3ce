#!/usr/bin/env python3
"""Generator for claim set L (seed 20261209). Re-running regenerates claims.jsonl and checks.jsonl
byte-for-byte. Reads only the Synthea bundles in /work/shared/data/synthea."""
import json, glob, os, random, math, datetime as dt
from collections import defaultdict

SEED = 20261209
DATA = '/work/shared/data/synthea'
OUT = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)
N_PER = 27

# ----------------------------------------------------------------- load
def d10(s):
    return dt.date.fromisoformat(s[:10])

P = {}
for f in sorted(glob.glob(DATA + '/*.json')):
    b = json.load(open(f))
    rs = [e['resource'] for e in b['entry']]
    pt = [r for r in rs if r['resourceType'] == 'Patient'][0]
    p = dict(id=pt['id'], birth=d10(pt['birthDate']), dead=('deceasedDateTime' in pt),
             file=os.path.basename(f), obs=defaultdict(list), conds=[], meds=[], imms=[], encs=[], procs=[],
             alls=[], smoke=[], allobs={})
    for r in rs:
        t = r['resourceType']
        if t == 'Observation':
            code = r['code']['coding'][0]['code']
            o = dict(id=r['id'], loinc=code, dt=r['effectiveDateTime'], date=d10(r['effectiveDateTime']))
            if 'valueQuantity' in r:
                o['v'] = r['valueQuantity']['value']; o['unit'] = r['valueQuantity']['unit']
            elif 'component' in r:
                o['comp'] = {c['code']['coding'][0]['code']: (i, c['valueQuantity']['value']) for i, c in enumerate(r['component'])}
            elif 'valueCodeableConcept' in r:
                o['cc'] = r['valueCodeableConcept']['coding'][0]['display']
            p['obs'][code].append(o); p['allobs'][r['id']] = o
            if code == '72166-2':
                p['smoke'].append(o)
        elif t == 'Condition':
            p['conds'].append(dict(id=r['id'], name=r['code']['coding'][0]['display'], code=r['code']['coding'][0]['code'],
                                   date=d10(r['onsetDateTime']), status=r['clinicalStatus']['coding'][0]['code'],
                                   end=d10(r['abatementDateTime']) if 'abatementDateTime' in r else None))
        elif t == 'MedicationRequest':
            m = r['medicationCodeableConcept']['coding'][0]
            p['meds'].append(dict(id=r['id'], name=m['display'], code=m['code'], date=d10(r['authoredOn']), status=r['status']))
        elif t == 'Immunization':
            p['imms'].append(dict(id=r['id'], name=r['vaccineCode']['coding'][0]['display'], date=d10(r['occurrenceDateTime'])))
        elif t == 'Encounter':
            p['encs'].append(dict(id=r['id'], name=r['type'][0]['coding'][0]['display'], dt=r['period']['start'], date=d10(r['period']['start'])))
        elif t == 'Procedure':
            s = r.get('performedPeriod', {}).get('start') or r.get('performedDateTime')
            p['procs'].append(dict(id=r['id'], name=r['code']['coding'][0]['display'], date=d10(s)))
        elif t == 'AllergyIntolerance':
            p['alls'].append(dict(id=r['id'], name=r['code']['coding'][0]['display']))
    for k in p['obs']:
        p['obs'][k].sort(key=lambda o: o['dt'])
    P[p['id']] = p
PIDS = sorted(P)
BIG = [pid for pid in PIDS if len(P[pid]['allobs']) > 500]

def age_at(p, d):
    b = p['birth']
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

# ----------------------------------------------------------------- analytes
# loinc: (abbreviations, full names, unit spellings (record unit), natural decimals)
AN = {
    '8480-6': (['SBP', 'systolic BP', 'systolic'], ['systolic blood pressure'], ['mmHg', 'mm Hg', 'mm[Hg]'], 0),
    '8462-4': (['DBP', 'diastolic BP', 'diastolic'], ['diastolic blood pressure'], ['mmHg', 'mm Hg', 'mm[Hg]'], 0),
    '39156-5': (['BMI'], ['body mass index'], ['kg/m2', 'kg/m²', 'kg/m^2'], 1),
    '29463-7': (['Wt', 'wt'], ['weight', 'body weight'], ['kg', 'kgs'], 1),
    '8302-2': (['Ht', 'ht'], ['height', 'body height'], ['cm'], 1),
    '18262-6': (['LDL', 'LDL-C'], ['LDL cholesterol', 'low-density lipoprotein cholesterol'], ['mg/dL', 'mg/dl'], 0),
    '2085-9': (['HDL', 'HDL-C'], ['HDL cholesterol', 'high-density lipoprotein cholesterol'], ['mg/dL', 'mg/dl'], 0),
    '2571-8': (['TG', 'TGs', 'trigs'], ['triglycerides'], ['mg/dL', 'mg/dl'], 0),
    '2093-3': (['TC', 'total chol'], ['total cholesterol'], ['mg/dL', 'mg/dl'], 0),
    '4548-4': (['HbA1c', 'A1c', 'HbA1C'], ['haemoglobin A1c', 'hemoglobin A1c', 'glycated haemoglobin'], ['%'], 1),
    '33914-3': (['eGFR'], ['estimated GFR', 'estimated glomerular filtration rate'], ['mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m2', 'mL/min/{1.73_m2}'], 0),
    '718-7': (['Hb', 'Hgb'], ['haemoglobin', 'hemoglobin'], ['g/dL', 'g/dl'], 1),
    '6690-2': (['WBC'], ['white cell count', 'white blood cell count', 'leukocyte count'], ['x10^3/uL', '10*3/uL', 'K/uL', '×10³/µL'], 1),
    '777-3': (['Plt', 'PLT', 'plts'], ['platelets', 'platelet count'], ['x10^3/uL', 'K/uL', '10*3/uL'], 0),
    '38483-4': (['Cr', 'Creat'], ['creatinine', 'serum creatinine'], ['mg/dL', 'mg/dl'], 2),
    '6298-4': (['K', 'K+'], ['potassium'], ['mmol/L', 'mmol/l', 'mEq/L'], 1),
    '2947-0': (['Na', 'Na+'], ['sodium'], ['mmol/L', 'mmol/l', 'mEq/L'], 0),
    '2339-0': (['Glu', 'glucose'], ['glucose', 'blood glucose'], ['mg/dL', 'mg/dl'], 0),
    '6299-2': (['BUN'], ['urea nitrogen', 'blood urea nitrogen'], ['mg/dL', 'mg/dl'], 0),
    '49765-1': (['Ca'], ['calcium'], ['mg/dL', 'mg/dl'], 1),
    '2069-3': (['Cl'], ['chloride'], ['mmol/L', 'mmol/l'], 0),
    '4544-3': (['Hct'], ['haematocrit', 'hematocrit'], ['%'], 1),
    '787-2': (['MCV'], ['mean cell volume'], ['fL', 'fl'], 1),
    '8331-1': (['T', 'Temp'], ['temperature', 'oral temperature'], ['°C', 'C', 'deg C', 'degrees Celsius'], 1),
}
LAB = ['18262-6', '2085-9', '2571-8', '2093-3', '4548-4', '33914-3', '718-7', '6690-2', '777-3', '38483-4', '6298-4',
       '2947-0', '2339-0', '6299-2', '49765-1', '2069-3', '4544-3', '787-2']
VIT = ['39156-5', '29463-7', '8302-2', '8331-1']
SBP, DBP, BPP = '8480-6', '8462-4', '55284-4'

def vals(p, loinc):
    """list of (obs, ref, value) for simple loinc or BP component"""
    out = []
    if loinc in (SBP, DBP):
        for o in p['obs'][BPP]:
            i, v = o['comp'][loinc]
            out.append((o, o['id'], v))
    else:
        for o in p['obs'][loinc]:
            if 'v' in o and not (loinc == '33914-3' and o['unit'] != 'mL/min/{1.73_m2}'):
                out.append((o, o['id'], o['v']))
    return out

def unamb(x, step):
    f = x / step - math.floor(x / step)
    return not (0.38 <= f <= 0.62)

def fmtn(x, dec):
    """format x at dec decimals, bumping precision if near a rounding boundary. returns string or None"""
    for d in (dec, dec + 1):
        step = 10 ** (-d)
        if unamb(x, step):
            s = f'{x:.{d}f}'
            return s
    return None

def num(x, dec):
    return fmtn(x, dec)

# ----------------------------------------------------------------- dates
MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
def ordn(n):
    return str(n) + ('th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th'))
DAYSTYLES = ['iso', 'us', 'uk', 'dmy', 'mdy', 'ord', 'theord', 'dmyl', 'us1']
def fdate(d, style=None, allow_fuzzy=False):
    """returns written date string; day-precision unless style month/year"""
    if style is None:
        pool = DAYSTYLES + ['my', 'myl', 'year']
        if allow_fuzzy:
            pool += ['fuzzy']
        style = R.choice(pool)
    if style in ('us', 'uk', 'us1') and d.day <= 12:
        style = R.choice(['iso', 'dmy', 'mdy', 'ord'])
    if style == 'fuzzy':
        if d.month <= 3: return f'early {d.year}'
        if 6 <= d.month <= 7: return f'mid-{d.year}'
        if d.month >= 10: return f'late {d.year}'
        style = 'my'
    m3 = MON[d.month - 1][:3]
    return {
        'iso': d.isoformat(),
        'us': f'{d.month:02d}/{d.day:02d}/{d.year}',
        'us1': f'{d.month}/{d.day}/{d.year}',
        'uk': f'{d.day:02d}/{d.month:02d}/{d.year}',
        'dmy': f'{d.day} {m3} {d.year}',
        'mdy': f'{m3} {d.day}, {d.year}',
        'ord': f'{MON[d.month-1]} {ordn(d.day)} {d.year}',
        'theord': f'the {ordn(d.day)} of {MON[d.month-1]} {d.year}',
        'dmyl': f'{d.day} {MON[d.month-1]} {d.year}',
        'my': f'{m3} {d.year}',
        'myl': f'{MON[d.month-1]} {d.year}',
        'year': f'{d.year}',
    }[style]

def dayfmt(d):
    return fdate(d, R.choice(DAYSTYLES))

def on(ds):
    """preposition for a written date"""
    if ds[:1].isdigit() and len(ds) == 4: return 'in ' + ds
    if ds.startswith(('early', 'mid', 'late')): return 'in ' + ds
    if ds.split()[0] in [m[:3] for m in MON] + MON and len(ds.split()) == 2: return 'in ' + ds
    return 'on ' + ds

def wrong_date(d):
    """returns (wrong date, description)"""
    opts = ['day', 'month', 'year']
    if d.day <= 12 and d.day != d.month:
        opts += ['swap', 'swap']
    k = R.choice(opts)
    try:
        if k == 'day':
            return d + dt.timedelta(days=R.choice([-1, 1])), 'off by one day'
        if k == 'month':
            m = d.month + R.choice([-1, 1])
            y = d.year
            if m == 0: m, y = 12, y - 1
            if m == 13: m, y = 1, y + 1
            return dt.date(y, m, d.day), 'off by one month'
        if k == 'year':
            return dt.date(d.year + R.choice([-1, 1]), d.month, d.day), 'off by one year'
        return dt.date(d.year, d.day, d.month), 'day and month transposed'
    except ValueError:
        return d + dt.timedelta(days=1), 'off by one day'

# ----------------------------------------------------------------- concepts (condition / med / imm wording)
COND_W = {
    'Hypertension': ['HTN', 'hypertension', 'essential hypertension'],
    'Diabetes': ['diabetes', 'DM', 'diabetes mellitus'],
    'Prediabetes': ['prediabetes', 'pre-diabetes'],
    'Anemia (disorder)': ['anaemia', 'anemia'],
    'Stroke': ['stroke', 'CVA'],
    'Myocardial Infarction': ['MI', 'myocardial infarction', 'heart attack'],
    'Coronary Heart Disease': ['CHD', 'coronary heart disease', 'coronary artery disease'],
    'Chronic congestive heart failure (disorder)': ['CHF', 'chronic congestive heart failure', 'congestive cardiac failure'],
    "Alzheimer's disease (disorder)": ["Alzheimer's disease", "Alzheimer's"],
    'Body mass index 30+ - obesity (finding)': ['obesity'],
    'Chronic sinusitis (disorder)': ['chronic sinusitis'],
    'Viral sinusitis (disorder)': ['viral sinusitis'],
    'Acute bronchitis (disorder)': ['acute bronchitis'],
    'Streptococcal sore throat (disorder)': ['strep throat', 'streptococcal pharyngitis', 'streptococcal sore throat'],
    'Acute viral pharyngitis (disorder)': ['viral pharyngitis', 'acute viral pharyngitis'],
    'Otitis media': ['otitis media', 'OM'],
    'Sprain of ankle': ['ankle sprain', 'sprained ankle'],
    'Sprain of wrist': ['wrist sprain'],
    'Childhood asthma': ['asthma', 'childhood asthma'],
    'Atopic dermatitis': ['atopic dermatitis', 'eczema'],
    'Seasonal allergic rhinitis': ['seasonal allergic rhinitis', 'hay fever'],
    'Osteoporosis (disorder)': ['osteoporosis'],
    'Osteoarthritis of hip': ['hip OA', 'osteoarthritis of the hip'],
    'Localized, primary osteoarthritis of the hand': ['hand OA', 'osteoarthritis of the hand'],
    'Hyperlipidemia': ['hyperlipidaemia', 'hyperlipidemia', 'HLD'],
    'Epilepsy': ['epilepsy'],
    'Seizure disorder': ['seizure disorder'],
    'Hypertriglyceridemia (disorder)': ['hypertriglyceridaemia', 'hypertriglyceridemia'],
    'Metabolic syndrome X (disorder)': ['metabolic syndrome'],
    'Hyperglycemia (disorder)': ['hyperglycaemia', 'hyperglycemia'],
    'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'CKD G1', 'CKD 1'],
    'Diabetic renal disease (disorder)': ['diabetic nephropathy', 'diabetic kidney disease'],
    'Neoplasm of prostate': ['prostate neoplasm', 'neoplasm of the prostate'],
    'Carcinoma in situ of prostate (disorder)': ['prostate carcinoma in situ', 'carcinoma in situ of the prostate'],
    'Metastasis from malignant tumor of prostate (disorder)': ['metastatic prostate cancer', 'metastatic prostate carcinoma'],
    'Appendicitis': ['appendicitis'],
    'History of appendectomy': ['appendicectomy', 'appendectomy'],
    'Polyp of colon': ['colonic polyp', 'colon polyp'],
    'Recurrent rectal polyp': ['recurrent rectal polyp'],
    'Fracture of clavicle': ['clavicle fracture', 'fractured clavicle'],
    'Fracture of forearm': ['forearm fracture'],
    'Concussion with no loss of consciousness': ['concussion without LOC', 'concussion (no LOC)'],
    'Miscarriage in first trimester': ['first-trimester miscarriage', 'first trimester miscarriage'],
    'Laceration of hand': ['hand laceration'],
    'Whiplash injury to neck': ['whiplash'],
    'Injury of medial collateral ligament of knee': ['MCL injury of the knee', 'knee MCL injury'],
    'Impacted molars': ['impacted molars'],
    'Neuropathy due to type 2 diabetes mellitus (disorder)': ['diabetic neuropathy (T2DM)', 'T2DM neuropathy'],
    'Diabetic retinopathy associated with type II diabetes mellitus (disorder)': ['diabetic retinopathy'],
    'Sinusitis (disorder)': ['sinusitis'],
}
# med: rxnorm code -> (generic phrase, brand or None, strength phrase or None)
MED_W = {
    '834061': ('penicillin V potassium', None, '250 mg'), '834102': ('penicillin V potassium', None, '500 mg'),
    '849574': ('naproxen sodium', 'Aleve', '220 mg'), '308182': ('amoxicillin', 'Amoxil', '250 mg'),
    '282464': ('acetaminophen', 'Tylenol', '160 mg'), '313782': ('acetaminophen', 'Tylenol', '325 mg'),
    '309097': ('cefuroxime', 'Ceftin', '250 mg'), '2001499': ('vitamin B12', None, '5 mg/mL'),
    '1860480': ('docetaxel', 'Taxotere', '20 mg/mL'), '752899': ('leuprolide acetate', 'Lupron', '30 mg/mL'),
    '562251': ('amoxicillin-clavulanate', 'Augmentin', '250 mg/125 mg'),
    '705129': ('nitroglycerin spray', 'Nitrolingual', '400 mcg/actuation'), '312961': ('simvastatin', 'Zocor', '20 mg'),
    '197361': ('amlodipine', 'Norvasc', '5 mg'), '309362': ('clopidogrel', 'Plavix', '75 mg'),
    '310436': ('galantamine', 'Razadyne', '4 mg'), '996740': ('memantine', 'Namenda', '2 mg/mL'),
    '866414': ('metoprolol succinate ER', 'Toprol XL', '100 mg'), '315971': ('furosemide', 'Lasix', '40 mg'),
    '1804799': ('alteplase', 'Activase', '100 mg'), '978950': ('Natazia', None, None),
    '198405': ('ibuprofen', 'Motrin', '100 mg'), '308192': ('amoxicillin', 'Amoxil', '500 mg'),
    '1049221': ('oxycodone/acetaminophen', 'Percocet', '5/325 mg'), '316049': ('hydrochlorothiazide', 'Microzide', '25 mg'),
    '860975': ('metformin ER', 'Glucophage XR', '500 mg'), '1043400': ('acetaminophen/dextromethorphan/doxylamine', None, None),
    '106892': ('insulin isophane/regular 70/30', 'Humulin 70/30', None),
    '1803932': ('leucovorin', None, '100 mg'), '1736776': ('oxaliplatin', 'Eloxatin', '5 mg/mL'),
    '857005': ('hydrocodone/acetaminophen', 'Norco', '7.5/325 mg'), '997488': ('fexofenadine', 'Allegra', '30 mg'),
    '1870230': ('epinephrine auto-injector', 'EpiPen', '0.3 mL'), '895994': ('fluticasone propionate inhaler', 'Flovent HFA', '44 mcg/actuation'),
    '745679': ('albuterol inhaler', 'ProAir HFA', '90 mcg/actuation'), '1367439': ('etonogestrel/ethinyl estradiol vaginal ring', 'NuvaRing', None),
    '1000126': ('medroxyprogesterone acetate', 'Depo-Provera', '150 mg/mL'), '749762': ('Seasonique', None, None),
    '748879': ('Levora', None, None), '1049630': ('diphenhydramine', 'Benadryl', '25 mg'),
    '904419': ('alendronate', 'Fosamax', '10 mg'), '1310197': ('hydrocodone/acetaminophen', 'Vicodin', '5/300 mg'),
    '310965': ('ibuprofen', 'Advil', '200 mg'), '316672': ('simvastatin', 'Zocor', '10 mg'),
}
# plausible wrong brand (another ingredient) / wrong generic per ingredient
WRONG_BRAND = {'simvastatin': ['Lipitor', 'Crestor', 'Pravachol'], 'amlodipine': ['Procardia', 'Cardizem'],
               'clopidogrel': ['Eliquis', 'Brilinta'], 'metoprolol succinate ER': ['Tenormin', 'Coreg'],
               'furosemide': ['Bumex', 'Demadex'], 'hydrochlorothiazide': ['Zestril', 'Lasix'],
               'metformin ER': ['Januvia', 'Glucotrol'], 'alendronate': ['Actonel', 'Boniva'],
               'naproxen sodium': ['Advil', 'Celebrex'], 'ibuprofen': ['Aleve', 'Tylenol'],
               'acetaminophen': ['Advil', 'Aleve'], 'amoxicillin': ['Keflex', 'Zithromax'],
               'amoxicillin-clavulanate': ['Zithromax', 'Keflex'], 'fexofenadine': ['Zyrtec', 'Claritin'],
               'fluticasone propionate inhaler': ['Pulmicort', 'Qvar'], 'albuterol inhaler': ['Atrovent', 'Xopenex'],
               'galantamine': ['Aricept'], 'memantine': ['Aricept'], 'diphenhydramine': ['Claritin', 'Zyrtec'],
               'oxycodone/acetaminophen': ['Norco', 'Vicodin'], 'hydrocodone/acetaminophen': ['Percocet'],
               'cefuroxime': ['Keflex', 'Omnicef'], 'docetaxel': ['Taxol'], 'leuprolide acetate': ['Zoladex'],
               'epinephrine auto-injector': ['Benadryl'], 'medroxyprogesterone acetate': ['Nexplanon'],
               'nitroglycerin spray': ['Isordil'], 'alteplase': ['Lovenox'], 'oxaliplatin': ['Paraplatin']}
WRONG_GENERIC = {'simvastatin': 'atorvastatin', 'amlodipine': 'nifedipine', 'clopidogrel': 'prasugrel',
                 'metoprolol succinate ER': 'atenolol', 'furosemide': 'bumetanide', 'hydrochlorothiazide': 'chlorthalidone',
                 'metformin ER': 'glipizide', 'alendronate': 'risedronate', 'naproxen sodium': 'ibuprofen',
                 'ibuprofen': 'naproxen', 'acetaminophen': 'ibuprofen', 'amoxicillin': 'cephalexin',
                 'amoxicillin-clavulanate': 'azithromycin', 'fexofenadine': 'cetirizine', 'cefuroxime': 'cephalexin',
                 'galantamine': 'donepezil', 'memantine': 'donepezil', 'diphenhydramine': 'hydroxyzine',
                 'albuterol inhaler': 'ipratropium inhaler', 'fluticasone propionate inhaler': 'budesonide inhaler',
                 'penicillin V potassium': 'amoxicillin', 'docetaxel': 'paclitaxel', 'leuprolide acetate': 'goserelin',
                 'oxaliplatin': 'carboplatin', 'nitroglycerin spray': 'isosorbide mononitrate'}
IMM_W = {'Influenza, seasonal, injectable, preservative free': ['flu shot', 'influenza vaccine', 'seasonal flu vaccine'],
         'Td (adult) preservative free': ['Td booster', 'tetanus-diphtheria (Td) vaccine'], 'Tdap': ['Tdap'],
         'zoster': ['shingles vaccine', 'zoster vaccine'], 'Pneumococcal conjugate PCV 13': ['PCV13', 'Prevnar 13'],
         'pneumococcal polysaccharide vaccine, 23 valent': ['PPSV23', 'Pneumovax 23'], 'MMR': ['MMR'],
         'HPV, quadrivalent': ['HPV vaccine', 'Gardasil'], 'meningococcal MCV4P': ['MenACWY', 'meningococcal conjugate vaccine'],
         'varicella': ['varicella vaccine', 'chickenpox vaccine'], 'DTaP': ['DTaP'], 'IPV': ['IPV', 'polio vaccine'],
         'Hep A, adult': ['hepatitis A vaccine'], 'Hep B, adult': ['hepatitis B vaccine'],
         'Hep B, adolescent or pediatric': ['hep B vaccine'], 'Hib (PRP-OMP)': ['Hib vaccine'],
         'rotavirus, monovalent': ['rotavirus vaccine'], 'Hep A, ped/adol, 2 dose': ['hep A vaccine']}

EVENTS = {'Miscarriage in first trimester', 'History of appendectomy', 'Appendicitis', 'Myocardial Infarction', 'Stroke', 'Impacted molars',
          'Concussion with no loss of consciousness', 'Fracture of clavicle', 'Fracture of forearm'}
def chronic_active(c):
    return c['status'] == 'active' and c['name'] not in EVENTS

def cword(c):
    return R.choice(COND_W[c['name']])

# ----------------------------------------------------------------- output helpers
CLAIMS, CHECKS = [], []
TEXTS = set()
PTUSE = defaultdict(int)

def cit(kind, rid):
    return {'kind': 'record', 'record': kind, 'id': rid}

def emit(pid, cat, label, text, cits, facts, why, true_ref=None):
    text = text.strip()
    text = text[0].upper() + text[1:] if text[0].islower() and not text.startswith(('eGFR', 'pH')) else text
    if text in TEXTS:
        return False
    TEXTS.add(text)
    CLAIMS.append(dict(patient=pid, text=text, citations=cits, label=label, category=cat, why=why))
    ch = dict(n=len(CLAIMS) - 1, patient=pid, category=cat, label=label, facts=facts)
    if true_ref:
        ch['true_ref'] = true_ref
    CHECKS.append(ch)
    PTUSE[pid] += 1
    return True

def valfact(ref, loinc_word, v, unit, step=None):
    f = {'t': 'val', 'ref': ref, 'an': loinc_word, 'v': v, 'unit': unit}
    if step:
        f['step'] = step
    return f

def dfact(ref, w):
    return {'t': 'date', 'ref': ref, 'w': w}

def pick(lst):
    return R.choice(lst)

FRAMES = ['', '', '', 'Pre-visit summary: ', 'Handover: ', 'O: ', 'Chart review: ', 'Per the record, ', 'Referral letter: ',
          'Summary for the team: ', '- ', '• ', 'Discharge summary: ', 'Clinic note: ', 'Assistant: ', 'Results: ']
def frame(s, pool=None):
    f = R.choice(pool or FRAMES)
    w0 = s.split()[0].strip(':,.()')
    keep = {m for m in MON} | {m[:3] for m in MON} | {v[1].split()[0] for v in MED_W.values() if v[1]} | \
           {b.split()[0] for v in WRONG_BRAND.values() for b in v} | {'Alzheimer\'s', 'Td', 'Tdap', 'Gardasil', 'Prevnar', 'Pneumovax', 'Natazia', 'Seasonique', 'Levora'}
    if f.endswith(', ') and s[:1].isupper() and w0[1:] == w0[1:].lower() and w0 not in keep and len(w0.rstrip('+')) > 3:
        s = s[0].lower() + s[1:]
    return f + s

def a_word(loinc, abbr=True):
    a, full, units, dec = AN[loinc]
    return R.choice(a) if abbr else R.choice(full)

def a_unit(loinc):
    return R.choice(AN[loinc][2])

def pat_cycle():
    """endless patient order: all 26 then big ones weighted"""
    while True:
        order = PIDS[:] + BIG * 2
        R.shuffle(order)
        for pid in order:
            yield pid

PC = pat_cycle()

def run(cat, label, fn, n=N_PER):
    got, tries = 0, 0
    while got < n and tries < 5000:
        tries += 1
        pid = next(PC)
        try:
            r = fn(P[pid], label)
        except (IndexError, KeyError, ValueError, TypeError):
            r = None
        if r and emit(pid, cat, label, *r):
            got += 1
    assert got == n, (cat, label, got)

exec(open(os.path.join(OUT, 'gen_templates.py')).read())

if __name__ == '__main__':
    for cat, fn in CATS:
        for label in ('correct', 'wrong'):
            run(cat, label, fn)
    with open(os.path.join(OUT, 'claims.jsonl'), 'w') as fo:
        for c in CLAIMS:
            fo.write(json.dumps(c, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'checks.jsonl'), 'w') as fo:
        for c in CHECKS:
            fo.write(json.dumps(c, ensure_ascii=False) + '\n')
    print(len(CLAIMS), 'claims;', len(set(c['patient'] for c in CLAIMS)), 'patients')
