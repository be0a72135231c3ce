"""Independent label check for claims.jsonl.

Reads the bundles itself (does not import build.py / facts.py). For every claim it
 1. checks each citation resolves to a resource of the named kind in THAT patient's bundle
    (component index in range for "#i" citations);
 2. reads the machine-checkable assertions recorded for the claim (claims.checks.jsonl) and
    checks that every asserted surface string (value, unit, analyte word, drug / condition /
    vaccine name, date string) literally occurs in the claim text and that every assertion only
    touches cited records;
 3. re-evaluates every assertion against the cited FHIR resources with its own synonym tables,
    unit conversions, date parser and clinical thresholds;
 4. recomputes the label (correct iff all assertions hold) and compares with the stored label.
Anything it cannot resolve (unknown synonym) is reported as UNRESOLVED and counts as a failure.
"""
import json, glob, re, sys, os, datetime, collections

HERE = os.path.dirname(os.path.abspath(__file__))
D = '/work/shared/data/synthea'
KIND = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter',
        'procedure': 'Procedure', 'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation'}

# ------------------------------------------------------------------ bundles
BUN = {}
for f in glob.glob(D + '/*.json'):
    b = json.load(open(f))
    res = {}
    pid = None
    for e in b['entry']:
        r = e['resource']
        res[r['id']] = r
        if r['resourceType'] == 'Patient':
            pid = r['id']; pat = r
    BUN[pid] = dict(res=res, pat=pat)


def ctext(r):
    c = r.get('code') or r.get('vaccineCode') or r.get('medicationCodeableConcept') or {}
    if r['resourceType'] == 'Encounter':
        c = r['type'][0]
    return (c.get('text') or c['coding'][0]['display'])


def rdate(r, field='start'):
    t = r['resourceType']
    if field == 'end':
        return (r.get('abatementDateTime') or '')[:10]
    v = {'Observation': r.get('effectiveDateTime'), 'Condition': r.get('onsetDateTime'), 'MedicationRequest': r.get('authoredOn'),
         'Immunization': r.get('occurrenceDateTime'), 'DiagnosticReport': r.get('effectiveDateTime'),
         'AllergyIntolerance': r.get('recordedDate')}.get(t)
    if t == 'Encounter': v = r['period']['start']
    if t == 'Procedure': v = (r.get('performedPeriod') or {}).get('start') or r.get('performedDateTime')
    return v or ''


# ------------------------------------------------------------------ date parser
MONTHS = {m.lower(): i + 1 for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})


def parse_date(s):
    """-> (gran, y, m, d)"""
    s0 = s.strip().rstrip('.')
    s1 = re.sub(r'^the\s+', '', s0, flags=re.I)
    s1 = re.sub(r'(\d+)(st|nd|rd|th)\b', r'\1', s1)
    s1 = s1.replace(' of ', ' ').replace(',', ' ')
    s1 = re.sub(r'\s+', ' ', s1).strip()
    m = re.fullmatch(r'(\d{4})-(\d\d)-(\d\d)', s1)
    if m: return ('day', int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{4})', s1)
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12: return ('day', y, b, a)          # dd/mm/yyyy, unambiguous
        return ('day', y, a, b)                     # mm/dd/yyyy (US) otherwise
    m = re.fullmatch(r'(\d{1,2}) ([A-Za-z]+) (\d{4})', s1)
    if m and m[2].lower() in MONTHS: return ('day', int(m[3]), MONTHS[m[2].lower()], int(m[1]))
    m = re.fullmatch(r'([A-Za-z]+) (\d{1,2}) (\d{4})', s1)
    if m and m[1].lower() in MONTHS: return ('day', int(m[3]), MONTHS[m[1].lower()], int(m[2]))
    m = re.fullmatch(r'([A-Za-z]+) (\d{4})', s1)
    if m and m[1].lower() in MONTHS: return ('month', int(m[2]), MONTHS[m[1].lower()], None)
    m = re.fullmatch(r'(\d{4})', s1)
    if m: return ('year', int(m[1]), None, None)
    raise ValueError('unparsed date ' + s)


def date_ok(surface, iso):
    if not iso: return False
    g, y, m, d = parse_date(surface)
    Y, M, Dd = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    datetime.date(y, m or 1, d or 1)  # raises on impossible dates
    if g == 'year': return y == Y
    if g == 'month': return (y, m) == (Y, M)
    return (y, m, d) == (Y, M, Dd)


# ------------------------------------------------------------------ analytes and units
def A(code_exact):
    return lambda ct: ct == code_exact


ANALYTE = {}
for words, code in [
    (['hba1c', 'a1c', 'hb a1c', 'hgba1c'], 'Hemoglobin A1c/Hemoglobin.total in Blood'),
    (['ldl', 'ldl-c', 'ldl cholesterol'], 'Low Density Lipoprotein Cholesterol'),
    (['hdl', 'hdl-c', 'hdl cholesterol'], 'High Density Lipoprotein Cholesterol'),
    (['tc', 'total cholesterol', 'total chol'], 'Total Cholesterol'),
    (['tg', 'trigs', 'triglycerides'], 'Triglycerides'),
    (['glu', 'glucose', 'bg', 'blood glucose'], 'Glucose'),
    (['cr', 'creat', 'scr', 'creatinine'], 'Creatinine'),
    (['na', 'na+', 'sodium'], 'Sodium'), (['k', 'k+', 'potassium'], 'Potassium'),
    (['bun', 'urea nitrogen'], 'Urea Nitrogen'), (['ca', 'calcium'], 'Calcium'),
    (['egfr'], 'Estimated Glomerular Filtration Rate'),
    (['hb', 'hgb', 'haemoglobin', 'hemoglobin'], 'Hemoglobin [Mass/volume] in Blood'),
    (['wbc', 'white cell count'], 'Leukocytes [#/volume] in Blood by Automated count'),
    (['plt', 'platelets'], 'Platelets [#/volume] in Blood by Automated count'),
    (['wt', 'weight', 'body weight'], 'Body Weight'), (['ht', 'height'], 'Body Height'), (['bmi'], 'Body Mass Index'),
    (['t', 'temp', 'temperature', 'oral temp'], 'Oral temperature'),
]:
    for w in words:
        ANALYTE[w] = code
BPWORD = {'sbp': 'Systolic', 'systolic': 'Systolic', 'systolic bp': 'Systolic', 'systolic pressure': 'Systolic',
          'dbp': 'Diastolic', 'diastolic': 'Diastolic', 'diastolic bp': 'Diastolic'}

# written unit -> (canonical record unit, converter from record value)
UNITMAP = {
    'mg/dl': 'mg/dL', 'mmol/l': 'mmol/L', 'meq/l': 'mmol/L', '%': '%', 'g/dl': 'g/dL', 'kg': 'kg', 'kgs': 'kg', 'cm': 'cm',
    'kg/m2': 'kg/m2', 'kg/m²': 'kg/m2', 'mmhg': 'mm[Hg]', 'mm hg': 'mm[Hg]', 'mm[hg]': 'mm[Hg]',
    'ml/min/1.73m2': 'mL/min/{1.73_m2}', 'ml/min/1.73 m²': 'mL/min/{1.73_m2}',
    'x10^3/ul': '10*3/uL', 'k/ul': '10*3/uL', 'x10^9/l': '10*3/uL', '10*3/ul': '10*3/uL',
    '°c': 'Cel', 'c': 'Cel', 'deg c': 'Cel', 'degrees celsius': 'Cel',
}
# (record code, written unit lower) -> converter for different-but-equivalent units
CONV = {
    ('Hemoglobin A1c/Hemoglobin.total in Blood', 'mmol/mol'): lambda x: (x - 2.15) * 10.929,
    ('Glucose', 'mmol/l'): lambda x: x / 18.016,
    ('Low Density Lipoprotein Cholesterol', 'mmol/l'): lambda x: x / 38.67, ('High Density Lipoprotein Cholesterol', 'mmol/l'): lambda x: x / 38.67,
    ('Total Cholesterol', 'mmol/l'): lambda x: x / 38.67, ('Triglycerides', 'mmol/l'): lambda x: x / 88.57,
    ('Creatinine', 'µmol/l'): lambda x: x * 88.42, ('Creatinine', 'umol/l'): lambda x: x * 88.42,
    ('Calcium', 'mmol/l'): lambda x: x / 4.008, ('Hemoglobin [Mass/volume] in Blood', 'g/l'): lambda x: x * 10,
    ('Body Weight', 'lb'): lambda x: x * 2.20462, ('Body Weight', 'lbs'): lambda x: x * 2.20462,
    ('Body Height', 'in'): lambda x: x / 2.54, ('Body Height', 'm'): lambda x: x / 100,
    ('Oral temperature', '°f'): lambda x: x * 1.8 + 32, ('Oral temperature', 'f'): lambda x: x * 1.8 + 32,
}


def value_ok(code, rec_unit, rec_val, vstr, ustr, approx):
    dec = len(vstr.split('.')[1]) if '.' in vstr else 0
    w = float(vstr)
    tol = 0.5 * 10 ** -dec + 1e-9
    if not ustr:
        x = rec_val
    else:
        ul = ustr.lower()
        conv = CONV.get((code, ul))
        if conv:
            x = conv(rec_val)
        elif UNITMAP.get(ul) == rec_unit:
            x = rec_val
        else:
            return False, f'unit {ustr} incompatible with {rec_unit}'
    ok = abs(x - w) <= tol
    if approx and not ok and dec == 0 and w % 5 == 0:
        return False, f'AMBIGUOUS approx value {vstr} (multiple of 5) vs {x:.3f}'
    return ok, f'record {x:.4f} vs written {vstr}'


# ------------------------------------------------------------------ names
COND = {  # surface (lower) -> predicate on condition text
    'htn': lambda t: t == 'Hypertension', 'hypertension': lambda t: 'Hypertension' in t, 'essential hypertension': lambda t: t == 'Hypertension',
    'high blood pressure': lambda t: t == 'Hypertension', 't2dm': lambda t: t == 'Diabetes', 'dm2': lambda t: t == 'Diabetes',
    'type 2 diabetes': lambda t: t == 'Diabetes', 'diabetes mellitus type 2': lambda t: t == 'Diabetes',
    'ckd stage 1': lambda t: t.startswith('Chronic kidney disease stage 1'), 'ckd 1': lambda t: t.startswith('Chronic kidney disease stage 1'),
    'ckd g1': lambda t: t.startswith('Chronic kidney disease stage 1'), 'ckd stage 3': lambda t: 'stage 3' in t,
    'mi': lambda t: t == 'Myocardial Infarction', 'ami': lambda t: t == 'Myocardial Infarction', 'heart attack': lambda t: t == 'Myocardial Infarction',
    'hx of mi': lambda t: t.startswith('History of myocardial'), 'hx mi': lambda t: t.startswith('History of myocardial'), 'h/o mi': lambda t: t.startswith('History of myocardial'),
    'chd': lambda t: t == 'Coronary Heart Disease', 'cad': lambda t: t == 'Coronary Heart Disease',
    'chf': lambda t: 'congestive heart failure' in t, 'chronic heart failure': lambda t: 'heart failure' in t,
    'strep throat': lambda t: t.startswith('Streptococcal sore throat'), 'streptococcal pharyngitis': lambda t: t.startswith('Streptococcal sore throat'),
    'obesity': lambda t: 'obesity' in t, 'bmi 30+ obesity': lambda t: 'obesity' in t, 'om': lambda t: t == 'Otitis media',
    'oa of the hip': lambda t: t == 'Osteoarthritis of hip', 'hip osteoarthritis': lambda t: t == 'Osteoarthritis of hip', 'oa hip': lambda t: t == 'Osteoarthritis of hip',
    'hand oa': lambda t: 'osteoarthritis of the hand' in t, 'oa of hand': lambda t: 'osteoarthritis of the hand' in t,
    'hyperlipidaemia': lambda t: t == 'Hyperlipidemia', 'hld': lambda t: t == 'Hyperlipidemia', 'hypertriglyceridaemia': lambda t: t.startswith('Hypertriglyceridemia'),
    'anaemia': lambda t: t.startswith('Anemia'), 'cva': lambda t: t == 'Stroke', 'tia': lambda t: 'ischemic attack' in t,
    'asthma': lambda t: 'asthma' in t.lower(), "alzheimer's dementia": lambda t: t.startswith("Alzheimer's disease"), "ad (alzheimer's)": lambda t: t.startswith("Alzheimer's disease"),
    'eczema': lambda t: t == 'Atopic dermatitis', 'hay fever': lambda t: t == 'Seasonal allergic rhinitis', 'prostate neoplasm': lambda t: t == 'Neoplasm of prostate',
    'neoplasm of the prostate': lambda t: t == 'Neoplasm of prostate', 'ankle sprain': lambda t: t == 'Sprain of ankle', 'sprained ankle': lambda t: t == 'Sprain of ankle',
    'wrist sprain': lambda t: t == 'Sprain of wrist', 'viral pharyngitis': lambda t: t.startswith('Acute viral pharyngitis'),
    'acute viral sinusitis': lambda t: t.startswith('Viral sinusitis'), 'copd': lambda t: 'obstructive' in t, 'copd exacerbation': lambda t: 'obstructive' in t,
    'uri': lambda t: False, 'pre-diabetes': lambda t: t == 'Prediabetes', 'metabolic syndrome': lambda t: t.startswith('Metabolic syndrome'),
}


ALLCOND = {ctext(r) for B in BUN.values() for r in B['res'].values() if r['resourceType'] == 'Condition'}


def cond_ok(surface, text):
    s = surface.lower()
    if s in COND:
        return COND[s](text), None
    base = re.sub(r'\s*\((disorder|finding|situation)\)', '', text).lower()
    if s == base or s in base:
        return True, None
    if any(s in re.sub(r'\s*\((disorder|finding|situation)\)', '', x).lower() for x in ALLCOND):
        return False, f'"{surface}" is a different condition than "{text}"'
    return False, f'UNRESOLVED condition surface "{surface}" vs "{text}"'


VAXP = [
    (['flu vaccine', 'influenza vaccine', 'flu shot', 'seasonal influenza vaccine', 'flu jab'], lambda t: t.startswith('Influenza')),
    (['hpv vaccine', 'quadrivalent hpv vaccine', 'gardasil'], lambda t: t.startswith('HPV')),
    (['pcv13', 'prevnar 13', 'pneumococcal conjugate vaccine'], lambda t: 'PCV 13' in t),
    (['menacwy', 'meningococcal conjugate vaccine', 'mcv4'], lambda t: t.startswith('meningococcal MCV4')),
    (['td booster', 'tetanus-diphtheria (td)'], lambda t: t.startswith('Td (adult)')), (['dtap'], lambda t: t == 'DTaP'),
    (['ipv', 'inactivated polio vaccine'], lambda t: t == 'IPV'), (['hepatitis b vaccine', 'hep b vaccine'], lambda t: t.startswith('Hep B')),
    (['hib vaccine'], lambda t: t.startswith('Hib')), (['tdap', 'tdap booster'], lambda t: t == 'Tdap'),
    (['shingles vaccine', 'zoster vaccine'], lambda t: t == 'zoster'), (['rotavirus vaccine'], lambda t: t.startswith('rotavirus')),
    (['hepatitis a vaccine', 'hep a vaccine'], lambda t: t.startswith('Hep A')), (['varicella vaccine', 'chickenpox vaccine'], lambda t: t == 'varicella'),
    (['mmr'], lambda t: t == 'MMR'), (['ppsv23', 'pneumovax 23'], lambda t: t.startswith('pneumococcal polysaccharide vaccine, 23')),
]
ENCP = [
    (['check-up', 'annual check-up', 'routine check up', 'wellness visit', 'routine check-up'], lambda t: 'check' in t.lower() and 'up' in t.lower()),
    (['ed visit', 'emergency department attendance', 'er admission', 'emergency encounter', 'emergency visit'], lambda t: t.lower().startswith('emergency')),
    (['asthma follow-up', 'asthma review'], lambda t: t == 'Asthma follow-up'), (['symptom visit', 'visit for symptoms'], lambda t: t == 'Encounter for symptom'),
    (['outpatient procedure'], lambda t: t.startswith('Outpatient procedure')), (['inpatient admission', 'inpatient stay'], lambda t: t == 'Encounter Inpatient'),
    (['initial prenatal visit', 'booking antenatal visit'], lambda t: t == 'Prenatal initial visit'), (['treatment consultation'], lambda t: t == 'Consultation for treatment'),
    (['follow-up visit'], lambda t: t == 'Follow-up encounter'),
]
ALLERGYP = [(['bee venom', 'bee sting'], lambda t: 'bee venom' in t), (['mould', 'mold'], lambda t: 'mould' in t or 'mold' in t),
            (['animal dander', 'pet dander'], lambda t: 'Dander' in t), (['grass pollen'], lambda t: 'grass pollen' in t),
            (['tree pollen'], lambda t: 'tree pollen' in t), (['wheat'], lambda t: 'wheat' in t)]
PROCP = [
    (['colonoscopy'], 'Colonoscopy'), (['throat culture', 'throat swab for culture'], 'Throat culture'), (['digital rectal exam', 'dre'], 'Digital examination of rectum'),
    (['spirometry', 'lung function testing', 'pfts'], 'Measurement of respiratory function'), (['prostate biopsy'], 'Biopsy of prostate'),
    (['tte', 'transthoracic echo'], 'trans thoracic echocardiogram'), (['cxr', 'chest x-ray'], 'Plain chest X-ray'), (['dexa scan', 'bone density scan'], 'Bone density scan'),
    (['knee x-ray', 'knee radiograph'], 'Knee X-ray'), (['wound suturing', 'sutures to wound'], 'Suture open wound'), (['wisdom tooth extraction'], 'Extraction of wisdom tooth'),
    (['humerus x-ray', 'upper arm x-ray'], 'Upper arm X-ray'), (['clavicle x-ray'], 'Clavicle X-ray'), (['sputum exam'], 'Sputum examination'),
    (['im injection'], 'Intramuscular injection'), (['immobilisation of the fracture', 'bone immobilization'], 'Bone immobilization'),
]


def lookup(table, surface, text):
    s = surface.lower()
    for words, pred in table:
        if s in words:
            return (pred(text) if callable(pred) else text.startswith(pred)), None
    return False, f'UNRESOLVED name "{surface}"'


# drug surface (lower) -> list of alternative substrings any of which must occur in the (lowercased) medication text
DRUGN = {
    'hydrochlorothiazide': ['hydrochlorothiazide'], 'hctz': ['hydrochlorothiazide'], 'microzide': ['hydrochlorothiazide'],
    'simvastatin': ['simvastatin', 'simvistatin'], 'zocor': ['simvastatin', 'simvistatin'],
    'percocet': ['oxycodone'], 'norco': ['hydrocodone'], 'vicodin': ['hydrocodone'],
    'acetaminophen': ['acetaminophen'], 'paracetamol': ['acetaminophen'], 'apap': ['acetaminophen'], 'tylenol': ['acetaminophen'],
    'amoxicillin-clavulanate': ['clavulanate'], 'co-amoxiclav': ['clavulanate'], 'augmentin': ['clavulanate'],
    'amoxicillin': ['amoxicillin'], 'amoxycillin': ['amoxicillin'], 'amoxil': ['amoxicillin'],
    'naproxen sodium': ['naproxen'], 'naproxen': ['naproxen'], 'aleve': ['naproxen'],
    'ibuprofen': ['ibuprofen'], 'advil': ['ibuprofen'], 'motrin': ['ibuprofen'],
    'penicillin v potassium': ['penicillin v'], 'penicillin vk': ['penicillin v'], 'pen vk': ['penicillin v'],
    'metformin er': ['metformin'], 'metformin xr': ['metformin'], 'extended-release metformin': ['metformin'], 'glucophage xr': ['metformin'],
    'fluticasone propionate': ['fluticasone'], 'fluticasone': ['fluticasone'], 'flovent': ['fluticasone'],
    'albuterol': ['albuterol'], 'salbutamol': ['albuterol'], 'proair': ['albuterol'], 'ventolin': ['albuterol'],
    'amlodipine': ['amlodipine'], 'norvasc': ['amlodipine'], 'clopidogrel': ['clopidogrel'], 'plavix': ['clopidogrel'],
    'galantamine': ['galantamine'], 'razadyne': ['galantamine'], 'memantine': ['memantine'], 'namenda': ['memantine'],
    'metoprolol succinate er': ['metoprolol succinate'], 'metoprolol succinate': ['metoprolol succinate'], 'toprol xl': ['metoprolol succinate'], 'toprol-xl': ['metoprolol succinate'],
    'furosemide': ['furosemide', 'lasix'], 'frusemide': ['furosemide', 'lasix'], 'lasix': ['furosemide', 'lasix'],
    'nitroglycerin': ['nitroglycerin'], 'gtn': ['nitroglycerin'], 'glyceryl trinitrate': ['nitroglycerin'], 'nitrolingual': ['nitroglycerin'],
    'alteplase': ['alteplase'], 'tpa': ['alteplase'], 'activase': ['alteplase'], 'fexofenadine': ['fexofenadine'], 'allegra': ['fexofenadine'],
    'epinephrine': ['epinephrine'], 'adrenaline': ['epinephrine'], 'epipen': ['epinephrine'], 'diphenhydramine': ['diphenhydramine'], 'benadryl': ['diphenhydramine'],
    'alendronate': ['alendronic'], 'alendronic acid': ['alendronic'], 'fosamax': ['alendronic'], 'cefuroxime': ['cefuroxime'], 'ceftin': ['cefuroxime'], 'zinacef': ['cefuroxime'],
    'docetaxel': ['docetaxel'], 'taxotere': ['docetaxel'], 'leuprolide': ['leuprolide'], 'leuprorelin': ['leuprolide'], 'lupron depot': ['leuprolide'],
    'medroxyprogesterone acetate': ['medroxyprogesterone'], 'dmpa': ['medroxyprogesterone'], 'depo-provera': ['medroxyprogesterone'],
    'oxaliplatin': ['oxaliplatin'], 'eloxatin': ['oxaliplatin'], 'leucovorin': ['leucovorin'], 'folinic acid': ['leucovorin'],
    'vitamin b12': ['vitamin b 12'], 'cyanocobalamin': ['vitamin b 12'],
    'nph/regular insulin 70/30': ['isophane 70'], 'insulin 70/30': ['isophane 70'], 'humulin 70/30': ['isophane 70'],
    'natazia': ['natazia'], 'nuvaring': ['nuvaring'], 'seasonique': ['seasonique'], 'levora': ['levora'],
    # names of other ingredients (used by wrong claims) map to themselves / their ingredient
    'lisinopril': ['lisinopril'], 'zestril': ['lisinopril'], 'chlorthalidone': ['chlorthalidone'], 'lipitor': ['atorvastatin'], 'atorvastatin': ['atorvastatin'],
    'crestor': ['rosuvastatin'], 'rosuvastatin': ['rosuvastatin'], 'pravastatin': ['pravastatin'], 'aspirin': ['aspirin'], 'keflex': ['cephalexin'],
    'cephalexin': ['cephalexin'], 'azithromycin': ['azithromycin'], 'zithromax': ['azithromycin'], 'glipizide': ['glipizide'], 'januvia': ['sitagliptin'],
    'sitagliptin': ['sitagliptin'], 'budesonide': ['budesonide'], 'pulmicort': ['budesonide'], 'qvar': ['beclomethasone'], 'ipratropium': ['ipratropium'],
    'atrovent': ['ipratropium'], 'salmeterol': ['salmeterol'], 'nifedipine': ['nifedipine'], 'procardia': ['nifedipine'], 'eliquis': ['apixaban'],
    'warfarin': ['warfarin'], 'brilinta': ['ticagrelor'], 'donepezil': ['donepezil'], 'aricept': ['donepezil'], 'atenolol': ['atenolol'], 'tenormin': ['atenolol'],
    'carvedilol': ['carvedilol'], 'torsemide': ['torsemide'], 'bumetanide': ['bumetanide'], 'bumex': ['bumetanide'], 'isosorbide mononitrate': ['isosorbide'],
    'imdur': ['isosorbide'], 'loratadine': ['loratadine'], 'claritin': ['loratadine'], 'cetirizine': ['cetirizine'], 'zyrtec': ['cetirizine'],
    'hydroxyzine': ['hydroxyzine'], 'atarax': ['hydroxyzine'], 'risedronate': ['risedronate'], 'actonel': ['risedronate'], 'paclitaxel': ['paclitaxel'],
    'taxol': ['paclitaxel'], 'goserelin': ['goserelin'], 'zoladex': ['goserelin'],
}


def drug_ok(surface, strength, text):
    s = surface.lower()
    if s not in DRUGN:
        return False, f'UNRESOLVED drug "{surface}"'
    t = text.lower()
    if not any(x in t for x in DRUGN[s]):
        return False, f'{surface} not in "{text}"'
    if strength:
        mg = re.findall(r'(\d+(?:\.\d+)?)\s*mg', t)
        if not any(float(x) == float(strength) for x in mg):
            return False, f'strength {strength} mg not in "{text}"'
    return True, None


# ------------------------------------------------------------------ observation helpers
def obs_component(r, idx=None, word=None):
    """-> (code_text, unit, value) of the cited observation (component by index or by BP word)."""
    if idx is not None:
        comps = r.get('component') or []
        if idx >= len(comps): return None
        c = comps[idx]
        return (c['code'].get('text') or c['code']['coding'][0]['display'], c['valueQuantity']['unit'], c['valueQuantity']['value'])
    if 'valueQuantity' in r:
        return (ctext(r), r['valueQuantity']['unit'], r['valueQuantity']['value'])
    if word and r.get('component'):
        for c in r['component']:
            ct = c['code'].get('text') or c['code']['coding'][0]['display']
            if ct.startswith(word):
                return (ct, c['valueQuantity']['unit'], c['valueQuantity']['value'])
    return None


def bp_vals(r):
    if r['resourceType'] != 'Observation' or ctext(r) != 'Blood Pressure': return None
    s = d = None
    for c in r['component']:
        ct = c['code'].get('text') or c['code']['coding'][0]['display']
        if ct.startswith('Systolic'): s = c['valueQuantity']['value']
        if ct.startswith('Diastolic'): d = c['valueQuantity']['value']
    return s, d


def age(pat, iso):
    b = pat['birthDate']; by, bm, bd = int(b[:4]), int(b[5:7]), int(b[8:10])
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return y - by - ((m, d) < (bm, bd))


def interp_cat(code, v):
    if code == 'Body Mass Index':
        return 'under' if v < 18.5 else 'normal_bmi' if v < 25 else 'over' if v < 30 else 'obese'
    if code.startswith('Hemoglobin A1c'):
        return 'normal_a1c' if v < 5.7 else 'prediabetes' if v < 6.5 else 'diabetes'
    if code.startswith('Low Density'):
        return 'optimal' if v < 100 else 'near' if v < 130 else 'borderline_ldl' if v < 160 else 'high_ldl' if v < 190 else 'veryhigh_ldl'
    if code == 'Total Cholesterol':
        return 'desirable' if v < 200 else 'borderline_tc' if v < 240 else 'high_tc'
    if code == 'Triglycerides':
        return 'normal_tg' if v < 150 else 'borderline_tg' if v < 200 else 'high_tg' if v < 500 else 'veryhigh_tg'
    if code.startswith('Estimated Glomerular'):
        return 'G1' if v >= 90 else 'G2' if v >= 60 else 'G3a' if v >= 45 else 'G3b' if v >= 30 else 'G4' if v >= 15 else 'G5'
    if code == 'Oral temperature':
        return 'febrile' if v >= 38.0 else 'afebrile'
    return None


def lab_evidence(terms, B):
    """Adult results that could be read as evidence of a condition that has no diagnosis entry."""
    pat = B['pat']; out = []
    for r in B['res'].values():
        if r['resourceType'] != 'Observation': continue
        iso = rdate(r)[:10]
        if age(pat, iso) < 18: continue
        ct = ctext(r); bv = bp_vals(r)
        v = r.get('valueQuantity', {}).get('value')
        if 'hypertens' in terms and bv and (bv[0] >= 140 or bv[1] >= 90): out.append(f'BP {bv[0]:.0f}/{bv[1]:.0f} {iso}')
        if 'diabet' in terms and v is not None and ((ct.startswith('Hemoglobin A1c') and v >= 6.5) or (ct == 'Glucose' and v >= 200)): out.append(f'{ct} {v:.1f}')
        if 'kidney' in terms and v is not None and ct.startswith('Estimated Glomerular') and v < 60: out.append(f'eGFR {v:.0f}')
        if 'anemia' in terms and v is not None and ct == 'Hemoglobin [Mass/volume] in Blood' and v < (12 if pat['gender'] == 'female' else 13): out.append(f'Hb {v:.1f}')
        if 'lipid' in terms and v is not None and ((ct.startswith('Low Density') and v >= 160) or (ct == 'Total Cholesterol' and v >= 240) or (ct == 'Triglycerides' and v >= 200)):
            out.append(f'{ct} {v:.0f}')
    return out[:2]


# ------------------------------------------------------------------ evaluate one check
def evaluate(c, text, B, cited):
    res = B['res']
    def get(rid):
        base, _, idx = rid.partition('#')
        return res.get(base), (int(idx) if idx else None)
    t = c['t']
    surf = []
    keys = {'val': ('a', 'v', 'u'), 'bp': ('u',), 'date': ('d',), 'cond': ('n',), 'imm': ('n',), 'enc': ('n',), 'proc': ('n',),
            'drug': ('n', 's'), 'allergy': ('n',)}.get(t, ())
    for key in keys:
        if c.get(key):
            surf.append(c[key])
    if t == 'bp':
        surf.append(f"{c['s']}/{c['d']}")
    for s_ in surf:
        if s_.lower() not in text.lower():
            return False, f'SURFACE "{s_}" not in text'
    for k in (('id', 'a', 'b') if t == 'trend' else ('id',)):
        if k not in c: continue
        x = c[k]; base = x.partition('#')[0]
        # a component assertion needs that component (or the whole panel) cited; a whole-record assertion needs the record
        # cited (a date assertion may rest on a cited component of the panel)
        if not (x in cited or base in cited or (t == 'date' and any(y.startswith(x + '#') for y in cited))):
            return False, f'ASSERTION ON UNCITED {c[k]}'
    if t == 'val':
        r, idx = get(c['id'])
        if r is None or r['resourceType'] != 'Observation':
            return False, 'cited record is not an observation'
        a = c['a'].lower()
        if a in BPWORD:
            comp = obs_component(r, idx, BPWORD[a])
            if comp is None or not comp[0].startswith(BPWORD[a]):
                return False, f'cited component is not {BPWORD[a]}'
            code = comp[0]
        else:
            if a not in ANALYTE:
                return False, f'UNRESOLVED analyte "{c["a"]}"'
            comp = obs_component(r, idx)
            if comp is None or comp[0] != ANALYTE[a]:
                return False, f'cited observation is {comp[0] if comp else "?"}, not {ANALYTE[a]}'
            code = comp[0]
        return value_ok(code, comp[1], comp[2], c['v'], c['u'], c.get('approx'))
    if t == 'bp':
        r, _ = get(c['id'])
        if r is None: return False, 'missing'
        bv = bp_vals(r)
        if not bv: return False, 'not a BP panel'
        if c.get('u') and UNITMAP.get(c['u'].lower()) != 'mm[Hg]': return False, 'bad BP unit'
        ok = abs(bv[0] - float(c['s'])) <= 0.5 + 1e-9 and abs(bv[1] - float(c['d'])) <= 0.5 + 1e-9
        return ok, f'record {bv[0]:.2f}/{bv[1]:.2f} vs {c["s"]}/{c["d"]}'
    if t == 'date':
        r, _ = get(c['id'])
        if r is None: return False, 'missing'
        iso = rdate(r, c.get('f', 'start'))[:10]
        return date_ok(c['d'], iso), f'record {iso} vs "{c["d"]}"'
    if t == 'cond':
        r, _ = get(c['id'])
        if r is None or r['resourceType'] != 'Condition': return False, 'cited record is not a Condition'
        return cond_ok(c['n'], ctext(r))
    if t == 'imm':
        r, _ = get(c['id'])
        if r is None or r['resourceType'] != 'Immunization': return False, 'not an Immunization'
        return lookup(VAXP, c['n'], ctext(r))
    if t == 'allergy':
        r, _ = get(c['id'])
        if r is None or r['resourceType'] != 'AllergyIntolerance': return False, 'not an AllergyIntolerance'
        return lookup(ALLERGYP, c['n'], ctext(r))
    if t == 'enc':
        r, _ = get(c['id'])
        if r is None or r['resourceType'] != 'Encounter': return False, 'not an Encounter'
        return lookup(ENCP, c['n'], ctext(r))
    if t == 'proc':
        r, _ = get(c['id'])
        if r is None or r['resourceType'] != 'Procedure': return False, 'not a Procedure'
        return lookup(PROCP, c['n'], ctext(r))
    if t == 'drug':
        r, _ = get(c['id'])
        if r is None or r['resourceType'] != 'MedicationRequest': return False, 'not a MedicationRequest'
        return drug_ok(c['n'], c.get('s'), ctext(r))
    if t == 'status':
        r, _ = get(c['id'])
        if r['resourceType'] == 'MedicationRequest':
            return r['status'] == c['s'], f'status {r["status"]}'
        if r['resourceType'] == 'AllergyIntolerance':
            return r['clinicalStatus']['coding'][0]['code'] == c['s'], r['clinicalStatus']['coding'][0]['code']
        if r['resourceType'] == 'Condition':
            st = 'resolved' if r.get('abatementDateTime') else r['clinicalStatus']['coding'][0]['code']
            return st == c['s'], f'status {st}'
        return False, 'no status'
    if t == 'smoke':
        r, _ = get(c['id'])
        return r['valueCodeableConcept']['text'] == c['s'], r['valueCodeableConcept']['text']
    if t == 'first':
        r, _ = get(c['id'])
        earlier = [x for x in res.values() if x['resourceType'] == 'Condition' and ctext(x) == ctext(r) and rdate(x) < rdate(r)]
        return not earlier, f'{len(earlier)} earlier episode(s)'
    if t == 'latest':
        r, _ = get(c['id'])
        rt = r['resourceType']
        same = [x for x in res.values() if x['resourceType'] == rt and (rt == 'Encounter' or ctext(x) == ctext(r))]
        mine = rdate(r)
        later = [x for x in same if rdate(x) > mine]
        return not later, f'{len(later)} later record(s) of the same kind'
    if t == 'trend':
        ra, ia = get(c['a']); rb, ib = get(c['b'])
        ca, cb = obs_component(ra, ia), obs_component(rb, ib)
        if not ca or not cb or ca[0] != cb[0]: return False, 'not the same analyte'
        if not rdate(ra) < rdate(rb): return False, 'first value is not earlier'
        rel = (cb[2] - ca[2]) / abs(ca[2])
        actual = 'stable' if abs(rel) <= c['tol'] else ('up' if rel > 0 else 'down')
        return actual == c['dir'], f'change {rel*100:+.1f}% -> {actual}'
    if t == 'interp':
        r, _ = get(c['id'])
        iso = rdate(r)[:10]
        bv = bp_vals(r)
        if bv:
            if age(B['pat'], iso) < 18: return False, 'child: adult BP categories not applicable'
            s, d = bv
            cat = 'stage2' if s >= 140 or d >= 90 else 'stage1' if s >= 130 or d >= 80 else 'elevated' if s >= 120 else 'normal'
            return cat == c['cat'], f'ACC/AHA 2017: {cat}'
        code = ctext(r); v = r['valueQuantity']['value']
        if code == 'Body Mass Index' and age(B['pat'], iso) < 20: return False, 'child BMI'
        cat = interp_cat(code, v)
        return cat == c['cat'], f'{cat}'
    if t == 'absent':
        rtypes = {'cond': 'Condition', 'med': 'MedicationRequest', 'allergy': 'AllergyIntolerance'}[c['scope']]
        texts = [ctext(x).lower() for x in res.values() if x['resourceType'] == rtypes]
        if c['terms'] == ['*']:
            return not texts, f'{len(texts)} allergy records'
        hits = [x for x in texts if any(tm in x for tm in c['terms'])]
        if not hits:
            ev = lab_evidence(c['terms'], B)
            if ev:
                return False, f'AMBIGUOUS absence: chart results suggest it ({ev})'
        return not hits, f'hits {hits[:3]}'
    return False, 'UNKNOWN check ' + t


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'claims.jsonl')
    claims = [json.loads(l) for l in open(path)]
    checks = [json.loads(l) for l in open(os.path.join(HERE, 'claims.checks.jsonl'))]
    assert len(claims) == len(checks)
    bad = 0; unresolved = 0
    cnt = collections.Counter(); pats = collections.Counter(); nfalse = collections.Counter()
    for i, (cl, ck) in enumerate(zip(claims, checks)):
        assert ck['text'] == cl['text']
        B = BUN.get(cl['patient'])
        probs = []
        if B is None:
            probs.append('unknown patient')
        cited = set()
        for ct in cl['citations']:
            if ct['record'] == 'patient':
                if ct['id'] != cl['patient']: probs.append('patient citation id mismatch')
                cited.add(ct['id']); continue
            base, _, idx = ct['id'].partition('#')
            r = B['res'].get(base) if B else None
            if r is None or r['resourceType'] != KIND[ct['record']]:
                probs.append(f'citation {ct} does not resolve to a {KIND.get(ct["record"])} of this patient')
            elif idx and int(idx) >= len(r.get('component') or []):
                probs.append('component index out of range')
            cited.add(ct['id'])
        results = []
        for c in ck['checks']:
            try:
                ok, msg = evaluate(c, cl['text'], B, cited)
            except Exception as e:
                ok, msg = False, f'ERROR {e!r}'
            results.append((ok, msg, c))
        structural = [m for ok, m, _ in results if not ok and m and (m.startswith('SURFACE') or m.startswith('UNRESOLVED') or m.startswith('ASSERTION') or m.startswith('ERROR') or m.startswith('UNKNOWN') or m.startswith('AMBIGUOUS'))]
        computed = 'correct' if all(ok for ok, _, _ in results) else 'wrong'
        if probs or structural or computed != cl['label']:
            bad += 1
            unresolved += bool(structural)
            print(f'#{i} [{cl["category"]}/{cl["label"]} -> computed {computed}] {cl["text"]}')
            for p in probs: print('    CITATION:', p)
            for ok, m, c in results: print('    ', 'OK ' if ok else 'BAD', c['t'], m)
        nfalse[(cl['label'], sum(not ok for ok, _, _ in results))] += 1
        cnt[(cl['category'], cl['label'])] += 1; pats[cl['patient']] += 1
    print(f'\n{len(claims)} claims, {bad} problems ({unresolved} structural/unresolved)')
    print('false assertions per claim (label, n_false): ', dict(sorted(nfalse.items())))
    print('patients covered:', len(pats), 'min/max claims per patient:', min(pats.values()), max(pats.values()))
    return bad


if __name__ == '__main__':
    sys.exit(1 if main() else 0)
