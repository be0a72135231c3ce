#!/usr/bin/env python3
"""Independent validator for claim set M.
Re-reads the raw Synthea bundles, re-evaluates every fact of every claim (checks.jsonl) against the CITED records only
(whole chart for 'patient' citations), recomputes the label and compares; checks JSON shape, cited ids, counts, duplicates,
that every fact's surface strings appear in the text, and that wrong claims carry at most two false facts (except wrong-citation).
Does not import the generator."""
import json, glob, os, re, sys, collections
DATA = '/work/shared/data/synthea'
HERE = os.path.dirname(os.path.abspath(__file__))
CATS = ['dates', 'abbreviations', 'drug-names', 'units', 'rounding', 'trends', 'two-facts', 'negation', 'status', 'latest', 'swapped', 'wrong-citation', 'interpretation']
KIND2TYPE = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter', 'procedure': 'Procedure',
             'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation'}
problems = []
def prob(i, msg): problems.append('claim %s: %s' % (i, msg))

# ---------- raw data ----------
CH = {}
for f in glob.glob(os.path.join(DATA, '*.json')):
    b = json.load(open(f)); res = collections.defaultdict(dict); pid = None
    for e in b['entry']:
        r = e['resource']; res[r['resourceType']][r['id']] = r
        if r['resourceType'] == 'Patient': pid = r['id']
    CH[pid] = res

def day(s): return s[:10]
def date_ok(d, spec):
    if spec is None: return True
    if 'day' in spec: return d == spec['day']
    if 'month' in spec: return d[:7] == spec['month']
    if 'year' in spec: return d[:4] == spec['year']
    return False

# ---------- unit table (record unit -> stated unit), written independently ----------
def lin(f, off=0): return lambda x: x * f + off
SAME = lin(1)
UNITS = {
 'mm[Hg]': {'mmhg': SAME, 'mm hg': SAME, 'mm[hg]': SAME},
 'kg/m2': {'kg/m2': SAME, 'kg/m²': SAME, 'kg/m^2': SAME},
 'kg': {'kg': SAME, 'lb': lin(2.2046226), 'lbs': lin(2.2046226)},
 'cm': {'cm': SAME, 'in': lin(0.3937008), 'm': lin(0.01)},
 'mg/dL': {'mg/dl': SAME},
 'mmol/L': {'mmol/l': SAME, 'meq/l': SAME},
 '%': {'%': SAME},
 'mL/min/{1.73_m2}': {'ml/min/1.73m2': SAME, 'ml/min/1.73 m²': SAME},
 'mL/min': {'ml/min/1.73m2': SAME, 'ml/min/1.73 m²': SAME},
 'mg/g': {'mg/g': SAME},
 '10*3/uL': {'x10^3/ul': SAME, 'k/ul': SAME, 'x10^9/l': SAME, '10*3/ul': SAME},
 '10*6/uL': {'x10^6/ul': SAME, 'x10^12/l': SAME, 'm/ul': SAME},
 'g/dL': {'g/dl': SAME, 'g/l': lin(10)},
 'fL': {'fl': SAME},
 'Cel': {'°c': SAME, 'c': SAME, 'deg c': SAME, 'degrees celsius': SAME, '°f': lin(9 / 5, 32), 'f': lin(9 / 5, 32)},
 'ng/mL': {'ng/ml': SAME},
}
# analyte-specific molar conversions of mg/dL
MOLAR = {'2339-0': 18.0156, '2093-3': 38.67, '18262-6': 38.67, '2085-9': 38.67, '2571-8': 88.57}
CREAT = '38483-4'
def convert(code, rec_unit, stated_unit, v):
    su = (stated_unit or '').strip().lower()
    if su == '':
        return v, True  # unit omitted: compare number as recorded
    if rec_unit == 'mg/dL' and su == 'mmol/l' and code in MOLAR: return v / MOLAR[code], False
    if rec_unit == 'mg/dL' and code == CREAT and su in ('µmol/l', 'umol/l'): return v * 88.4, False
    tbl = UNITS.get(rec_unit, {})
    if su in tbl:
        fn = tbl[su]; out = fn(v); return out, out == v
    return None, False

# abbreviations/names -> LOINC (validator's own list)
ABBR = {'sbp': '8480-6', 'sys bp': '8480-6', 'dbp': '8462-4', 'dia bp': '8462-4', 'bmi': '39156-5', 'wt': '29463-7', 'ht': '8302-2', 'tc': '2093-3', 'total chol': '2093-3',
        'ldl': '18262-6', 'ldl-c': '18262-6', 'hdl': '2085-9', 'hdl-c': '2085-9', 'tg': '2571-8', 'trigs': '2571-8', 'glu': '2339-0', 'bg': '2339-0', 'cr': '38483-4', 'creat': '38483-4',
        'bun': '6299-2', 'na': '2947-0', 'k': '6298-4', 'k+': '6298-4', 'cl': '2069-3', 'co2': '20565-8', 'tco2': '20565-8', 'ca': '49765-1', 'hba1c': '4548-4', 'a1c': '4548-4',
        'egfr': '33914-3', 'uacr': '14959-1', 'acr': '14959-1', 'wbc': '6690-2', 'rbc': '789-8', 'hb': '718-7', 'hgb': '718-7', 'hct': '4544-3', 'mcv': '787-2', 'plt': '777-3',
        't': '8331-1', 'temp': '8331-1', 'psa': '2857-1', 'lvef': '10230-1', 'ef': '10230-1'}

def obs_values(res, cite_id):
    """yield (code, value, unit, date, obs_id) for a cited observation id (or id#k)"""
    oid, _, k = cite_id.partition('#')
    o = res['Observation'].get(oid)
    if not o: return []
    d = day(o['effectiveDateTime']); out = []
    if k != '':
        c = o['component'][int(k)]; out.append((c['code']['coding'][0]['code'], c['valueQuantity']['value'], c['valueQuantity']['unit'], d, oid))
    elif 'valueQuantity' in o:
        out.append((o['code']['coding'][0]['code'], o['valueQuantity']['value'], o['valueQuantity']['unit'], d, oid))
    elif 'component' in o:
        for c in o['component']:
            if 'valueQuantity' in c: out.append((c['code']['coding'][0]['code'], c['valueQuantity']['value'], c['valueQuantity']['unit'], d, oid))
    return out

def chart_series(res, code):
    out = []
    for o in res['Observation'].values():
        out += [x for x in obs_values(res, o['id']) if x[0] == code]
    return out

def cited_obs(res, cites):
    out = []
    for c in cites:
        if c['record'] == 'observation': out += obs_values(res, c['id'])
    return out

def num_match(stated, actual, prec, exact_unit):
    tol = 0.5 * 10 ** (-prec) + 1e-9
    if not exact_unit: tol += abs(actual) * 0.004
    return abs(stated - actual) <= tol

def f_obs(res, cites, f):
    ok = False
    if 'name' in f and ABBR.get(f['name'].lower()) != f['code']: return False
    for code, v, u, d, oid in cited_obs(res, cites):
        if code != f['code'] or not date_ok(d, f.get('date')): continue
        cv, exact = convert(code, u, f['unit'], v)
        if cv is None: continue
        if num_match(f['value'], cv, f['prec'], exact):
            if f.get('latest'):
                ser = chart_series(res, code); mx = max(x[3] for x in ser)
                if d != mx or len([x for x in ser if x[3] == mx]) != 1: continue
            ok = True
    return ok

def find_one(res, cites, code, spec):
    c = [x for x in cited_obs(res, cites) if x[0] == code and date_ok(x[3], spec)]
    return c[0] if len(c) == 1 else None

def direction(v1, v2):
    r = (v2 - v1) / abs(v1)
    return 'up' if r >= 0.05 else 'down' if r <= -0.05 else 'stable' if abs(r) <= 0.02 else 'ambiguous'

def f_trend(i, res, cites, f):
    a = find_one(res, cites, f['code'], f['d1']); b = find_one(res, cites, f['code'], f['d2'])
    if not a or not b or a[3] >= b[3]: return False
    dr = direction(a[1], b[1])
    if dr == 'ambiguous': prob(i, 'trend change between 2% and 5%: ambiguous')
    return dr == f['dir']

def f_diff(i, res, cites, f):
    a = find_one(res, cites, f['code'], f['d1']); b = find_one(res, cites, f['code'], f['d2'])
    if not a or not b: return False
    if f['pct']:
        act = 100 * (b[1] - a[1]) / abs(a[1])
        # same judgement when computed from values rounded as a clinician would read them (1 decimal)
        alt = 100 * (round(b[1], 1) - round(a[1], 1)) / abs(round(a[1], 1))
    else:
        cv1, _ = convert(f['code'], a[2], f.get('unit'), a[1]); cv2, _ = convert(f['code'], b[2], f.get('unit'), b[1])
        act = cv2 - cv1; alt = round(cv2, f['prec']) - round(cv1, f['prec'])
    r1 = num_match(f['delta'], act, f['prec'], True); r2 = num_match(f['delta'], alt, f['prec'], True)
    if r1 != r2: prob(i, 'difference true from raw values but not from rounded ones (or vice versa): ambiguous (%.3f vs %.3f)' % (act, alt))
    return r1

def interp_cat(code, v, d=None):
    if code == 'bp':
        s, dd = v
        if s >= 140 or dd >= 90: return 'stage2'
        if s >= 130 or dd >= 80: return 'stage1'
        return 'elevated' if s >= 120 else 'normal'
    T = {'39156-5': [(18.5, 'under'), (25, 'normal'), (30, 'over'), (9e9, 'obese')], '4548-4': [(5.7, 'normal'), (6.5, 'pre'), (9e9, 'dm')],
         '33914-3': [(15, 'g5'), (30, 'g4'), (45, 'g3b'), (60, 'g3a'), (90, 'g2'), (9e9, 'g1')],
         '18262-6': [(100, 'optimal'), (130, 'near'), (160, 'borderline'), (190, 'high'), (9e9, 'vhigh')], '2093-3': [(200, 'desirable'), (240, 'borderline'), (9e9, 'high')],
         '2571-8': [(150, 'normal'), (200, 'borderline'), (500, 'high'), (9e9, 'vhigh')], '8331-1': [(37.5, 'afebrile'), (38.0, 'indeterminate'), (9e9, 'fever')]}[code]
    for c, k in T:
        if v < c: return k
CUTS = {'39156-5': [18.5, 25, 30], '4548-4': [5.7, 6.5], '33914-3': [15, 30, 45, 60, 90], '18262-6': [100, 130, 160, 190], '2093-3': [200, 240], '2571-8': [150, 200, 500], '8331-1': [37.5, 38.0]}
def f_interp(i, res, cites, f, pat):
    bd = pat['birthDate']
    def age(d): return int(d[:4]) - int(bd[:4]) - (d[5:] < bd[5:])
    if f['code'] == 'bp':
        s = find_one(res, cites, '8480-6', f['date']); d = find_one(res, cites, '8462-4', f['date'])
        if not s or not d: return False
        if age(s[3]) < 18: prob(i, 'adult BP categories applied to a minor')
        if min(abs(s[1] - c) for c in (120, 130, 140)) < 1 or min(abs(d[1] - c) for c in (80, 90)) < 1: prob(i, 'BP near cut-off')
        return interp_cat('bp', (s[1], d[1])) == f['cat']
    x = find_one(res, cites, f['code'], f['date'])
    if not x: return False
    if f['code'] == '39156-5' and age(x[3]) < 20: prob(i, 'adult BMI category applied to a minor')
    if any(abs(x[1] - c) <= 0.01 * c for c in CUTS[f['code']]): prob(i, 'value within 1% of an interpretation cut-off')
    return interp_cat(f['code'], x[1]) == f['cat']

# conditions: written name -> acceptable display substrings
CONDN = {
 'hypertension': ['hypertension'], 'essential hypertension': ['hypertension'], 'htn': ['hypertension'],
 'type 2 diabetes': ['diabetes'], 'type 2 diabetes mellitus': ['diabetes'], 't2dm': ['diabetes'], 't2d': ['diabetes'], 'dm2': ['diabetes'],
 'prediabetes': ['prediabetes'], 'pre-dm': ['prediabetes'], 'obesity': ['obesity'], 'bmi 30+ obesity': ['obesity'],
 'chronic kidney disease stage 1': ['chronic kidney disease stage 1'], 'ckd 1': ['chronic kidney disease stage 1'], 'ckd stage 1': ['chronic kidney disease stage 1'],
 'coronary heart disease': ['coronary heart disease'], 'chd': ['coronary heart disease'], 'myocardial infarction': ['myocardial infarction'], 'mi': ['myocardial infarction'],
 'chronic congestive heart failure': ['congestive heart failure'], 'chf': ['congestive heart failure'], 'childhood asthma': ['asthma'], 'asthma': ['asthma'],
 'acute bronchitis': ['acute bronchitis'], 'viral sinusitis': ['viral sinusitis'], 'acute viral pharyngitis': ['viral pharyngitis'], 'viral pharyngitis': ['viral pharyngitis'],
 'streptococcal sore throat': ['streptococcal sore throat'], 'strep throat': ['streptococcal sore throat'], 'strep pharyngitis': ['streptococcal sore throat'],
 'otitis media': ['otitis media'], 'om': ['otitis media'], 'chronic sinusitis': ['chronic sinusitis'], 'hyperlipidaemia': ['hyperlipidemia'], 'hyperlipidemia': ['hyperlipidemia'], 'hld': ['hyperlipidemia'],
 'hypertriglyceridaemia': ['hypertriglyceridemia'], 'hypertriglyceridemia': ['hypertriglyceridemia'], 'high tgs': ['hypertriglyceridemia'],
 'anaemia': ['anemia'], 'anemia': ['anemia'], 'stroke': ['stroke'], 'cerebrovascular accident': ['stroke'], 'cva': ['stroke'],
 "alzheimer's disease": ['alzheimer'], "alzheimer's dementia": ['alzheimer'], 'osteoarthritis of the hip': ['osteoarthritis of hip'], 'hip oa': ['osteoarthritis of hip'],
 'osteoporosis': ['osteoporosis'], 'epilepsy': ['epilepsy'], 'seizure disorder': ['seizure disorder'], 'prostate neoplasm': ['neoplasm of prostate'], 'neoplasm of the prostate': ['neoplasm of prostate'],
 'appendicitis': ['appendicitis'], 'atopic dermatitis': ['atopic dermatitis'], 'atopic eczema': ['atopic dermatitis'], 'eczema': ['atopic dermatitis'],
 'seasonal allergic rhinitis': ['seasonal allergic rhinitis'], 'hay fever': ['seasonal allergic rhinitis'], 'metabolic syndrome': ['metabolic syndrome'], 'ankle sprain': ['sprain of ankle'],
 'forearm fracture': ['fracture of forearm'], 'colonic polyp': ['polyp of colon'], 'colon polyp': ['polyp of colon'], 'concussion without loss of consciousness': ['concussion with no loss'],
 'concussion, no loc': ['concussion with no loss'], 'diabetic kidney disease': ['diabetic renal disease'], 'diabetic renal disease': ['diabetic renal disease'], 'diabetic nephropathy': ['diabetic renal disease'],
 'diabetic neuropathy': ['neuropathy due to type 2 diabetes'], 't2dm neuropathy': ['neuropathy due to type 2 diabetes'], 'wrist sprain': ['sprain of wrist'], 'whiplash injury': ['whiplash'], 'whiplash': ['whiplash'],
 'hand laceration': ['laceration of hand'], 'mcl injury of the knee': ['medial collateral ligament'], 'knee mcl injury': ['medial collateral ligament'], 'clavicle fracture': ['fracture of clavicle'],
 'hyperglycaemia': ['hyperglycemia'], 'hyperglycemia': ['hyperglycemia'], 'first-trimester miscarriage': ['miscarriage in first trimester'],
}
def f_cond(res, cites, f):
    keys = CONDN.get(f['name'].lower())
    if keys is None: return False
    for c in cites:
        if c['record'] != 'condition': continue
        r = res['Condition'].get(c['id'])
        if not r: continue
        disp = r['code']['coding'][0]['display'].lower()
        if not any(k in disp for k in keys): continue
        if 'onset' in f and not date_ok(day(r['onsetDateTime']), f['onset']): continue
        if 'status' in f and r['clinicalStatus']['coding'][0]['code'] != f['status']: continue
        return True
    return False

# drug names -> ingredient keyword(s) that must be in the RxNorm display
DRUGN = {'tylenol': ['acetaminophen'], 'acetaminophen': ['acetaminophen'], 'augmentin': ['amoxicillin', 'clavulanate'], 'amoxicillin-clavulanate': ['amoxicillin', 'clavulanate'],
 'microzide': ['hydrochlorothiazide'], 'hydrochlorothiazide': ['hydrochlorothiazide'], 'zocor': ['simv'], 'simvastatin': ['simv'], 'aleve': ['naproxen'], 'naproxen sodium': ['naproxen'],
 'veetids': ['penicillin v'], 'penicillin v potassium': ['penicillin v'], 'advil': ['ibuprofen'], 'motrin': ['ibuprofen'], 'ibuprofen': ['ibuprofen'],
 'percocet': ['oxycodone', 'acetaminophen'], 'oxycodone-acetaminophen': ['oxycodone', 'acetaminophen'], 'amoxil': ['amoxicillin'], 'amoxicillin': ['amoxicillin'],
 'nitrolingual': ['nitroglycerin'], 'nitroglycerin': ['nitroglycerin'], 'plavix': ['clopidogrel'], 'clopidogrel': ['clopidogrel'], 'glucophage xr': ['metformin', 'extended release'],
 'metformin er': ['metformin', 'extended release'], 'flovent hfa': ['fluticasone'], 'fluticasone': ['fluticasone'], 'proair': ['albuterol'], 'ventolin': ['albuterol'], 'albuterol': ['albuterol'],
 'ceftin': ['cefuroxime'], 'cefuroxime': ['cefuroxime'], 'norvasc': ['amlodipine'], 'amlodipine': ['amlodipine'], 'razadyne': ['galantamine'], 'galantamine': ['galantamine'],
 'namenda': ['memantine'], 'memantine': ['memantine'], 'toprol xl': ['metoprolol succinate'], 'metoprolol succinate': ['metoprolol succinate'], 'lasix': ['lasix'], 'furosemide': ['lasix'],
 'activase': ['alteplase'], 'alteplase': ['alteplase'], 'allegra': ['fexofenadine'], 'fexofenadine': ['fexofenadine'], 'epipen': ['epinephrine'], 'epinephrine auto-injector': ['epinephrine', 'auto-injector'],
 'depo-provera': ['medroxyprogesterone'], 'medroxyprogesterone acetate': ['medroxyprogesterone'], 'benadryl': ['diphenhydramine'], 'diphenhydramine': ['diphenhydramine'],
 'fosamax': ['alendron'], 'alendronate': ['alendron'], 'vicodin': ['hydrocodone', 'acetaminophen'], 'norco': ['hydrocodone', 'acetaminophen'], 'hydrocodone-acetaminophen': ['hydrocodone', 'acetaminophen'],
 'leucovorin': ['leucovorin'], 'eloxatin': ['oxaliplatin'], 'oxaliplatin': ['oxaliplatin'], 'taxotere': ['docetaxel'], 'docetaxel': ['docetaxel'], 'lupron': ['leuprolide'], 'leuprolide': ['leuprolide'],
 'cyanocobalamin (vitamin b12)': ['vitamin b 12'], 'humulin 70/30': ['isophane', 'regular insulin'], 'insulin isophane/regular 70/30': ['isophane', 'regular insulin'],
 'nuvaring': ['nuvaring'], 'etonogestrel/ethinyl estradiol vaginal ring': ['nuvaring'], 'levora': ['levora'], 'levonorgestrel/ethinyl estradiol': ['levora'],
 'seasonique': ['seasonique'], 'levonorgestrel/ethinyl estradiol extended-cycle': ['seasonique'], 'natazia': ['natazia'], 'estradiol valerate/dienogest': ['natazia'],
 'nyquil': ['dextromethorphan', 'doxylamine'], 'acetaminophen/dextromethorphan/doxylamine syrup': ['dextromethorphan', 'doxylamine'],
 # other drugs (never matching these records)
 'lipitor': ['atorvastatin'], 'crestor': ['rosuvastatin'], 'coumadin': ['warfarin'], 'eliquis': ['apixaban'], 'zestril': ['lisinopril'], 'lopressor': ['metoprolol tartrate'],
 'synthroid': ['levothyroxine'], 'prilosec': ['omeprazole'], 'zoloft': ['sertraline'], 'keflex': ['cephalexin'], 'zithromax': ['azithromycin'], 'cipro': ['ciprofloxacin'],
 'januvia': ['sitagliptin'], 'lantus': ['glargine'], 'singulair': ['montelukast'], 'xarelto': ['rivaroxaban'], 'cozaar': ['losartan'], 'glucophage': ['metformin'],
 'atorvastatin': ['atorvastatin'], 'lisinopril': ['lisinopril'], 'losartan': ['losartan'], 'warfarin': ['warfarin'], 'metoprolol tartrate': ['metoprolol tartrate'], 'levothyroxine': ['levothyroxine'],
 'omeprazole': ['omeprazole'], 'sertraline': ['sertraline'], 'cephalexin': ['cephalexin'], 'azithromycin': ['azithromycin'], 'ciprofloxacin': ['ciprofloxacin'], 'glipizide': ['glipizide'],
 'insulin glargine': ['glargine'], 'montelukast': ['montelukast'], 'apixaban': ['apixaban'], 'naproxen': ['naproxen'],
}
def strength_ok(disp, s):
    m = re.match(r'([\d.]+)(?:/([\d.]+))?\s*(mg|mcg)', s)
    if not m: return False
    nums = [float(x) for x in m.groups()[:2] if x]
    if m.group(3) == 'mcg': nums = [n / 1000 for n in nums]
    found = [float(x) for x in re.findall(r'([\d.]+)\s*mg', disp.lower())]
    return all(any(abs(n - g) < 1e-9 for g in found) for n in nums)

def f_med(res, cites, f):
    keys = DRUGN.get(f['name'].lower())
    if keys is None: return False
    if 'alias' in f and DRUGN.get(f['alias'].lower()) is None: return False
    for c in cites:
        if c['record'] != 'medication': continue
        r = res['MedicationRequest'].get(c['id'])
        if not r: continue
        disp = r['medicationCodeableConcept']['coding'][0]['display'].lower()
        if not all(k in disp for k in keys): continue
        if 'alias' in f and not all(k in disp for k in DRUGN[f['alias'].lower()]): continue
        if 'strength' in f and not strength_ok(disp, f['strength']): continue
        if 'date' in f and not date_ok(day(r['authoredOn']), f['date']): continue
        if 'status' in f and r['status'] != f['status']: continue
        return True
    return False

IMMN = {'flu vaccine': 'influenza', 'influenza vaccine': 'influenza', 'seasonal flu shot': 'influenza', 'td booster': 'td (adult)', 'tdap': 'tdap', 'shingles (zoster) vaccine': 'zoster',
        'hpv vaccine': 'hpv', 'pcv13': 'pcv 13', 'ppsv23': '23 valent', 'mmr': 'mmr', 'dtap': 'dtap', 'ipv (polio)': 'ipv', 'varicella vaccine': 'varicella', 'menacwy (mcv4)': 'meningococcal',
        'hepatitis b vaccine': 'hep b', 'hepatitis a vaccine': 'hep a', 'hib vaccine': 'hib', 'rotavirus vaccine': 'rotavirus'}
ENCN = {'check-up': ['check up', 'check-up'], 'visit for symptoms': ['encounter for symptom'], 'ed attendance': ['emergency room admission'], 'emergency visit': ['emergency encounter'],
        'inpatient admission': ['encounter inpatient'], 'asthma follow-up': ['asthma follow-up'], 'outpatient procedure visit': ['outpatient procedure'], 'problem visit': ['encounter for problem'],
        'initial prenatal visit': ['prenatal initial visit'], 'office visit': ['office visit'], 'treatment consultation': ['consultation for treatment']}
PROCN = {'colonoscopy': 'colonoscopy', 'throat culture': 'throat culture', 'dre': 'digital examination of rectum', 'spirometry (respiratory function test)': 'respiratory function',
         'im injection': 'intramuscular injection', 'prostate biopsy': 'biopsy of prostate', 'sputum examination': 'sputum examination', 'tte': 'trans thoracic echocardiogram',
         'upper arm x-ray': 'upper arm x-ray', 'cxr': 'chest x-ray', 'knee x-ray': 'knee x-ray', 'clavicle x-ray': 'clavicle x-ray', 'dexa scan': 'bone density scan', 'wound suturing': 'suture open wound',
         'wisdom tooth extraction': 'wisdom tooth', 'bone immobilisation': 'bone immobilization', 'knee manipulation': 'manipulation of joint of knee',
         'percutaneous portal vein thrombectomy': 'thrombectomy of portal vein', 'orthopaedic admission': 'orthopedic department'}
def f_simple(res, cites, f, kind, rtype, table, dispfn, datefn):
    k = table.get(f['name'].lower())
    if k is None: return False
    ks = k if isinstance(k, list) else [k]
    for c in cites:
        if c['record'] != kind: continue
        r = res[rtype].get(c['id'])
        if not r: continue
        if any(x in dispfn(r).lower() for x in ks) and date_ok(day(datefn(r)), f.get('date')): return True
    return False

def f_smoke(res, cites, f):
    allsm = [o for o in res['Observation'].values() if o['code']['coding'][0]['code'] == '72166-2']
    mx = max(day(o['effectiveDateTime']) for o in allsm)
    for c in cites:
        o = res['Observation'].get(c['id']) if c['record'] == 'observation' else None
        if not o or o['code']['coding'][0]['code'] != '72166-2': continue
        d = day(o['effectiveDateTime'])
        if o['valueCodeableConcept']['coding'][0]['display'] != f['value'] or not date_ok(d, f.get('date')): continue
        if f.get('latest') and (d != mx or len([x for x in allsm if day(x['effectiveDateTime']) == mx]) != 1): continue
        return True
    return False

# negation concepts (validator's own keyword lists)
NEGK = {'asthma': (['asthma'], []), 'copd': (['copd', 'obstructive', 'emphysema', 'chronic bronchitis'], []), 'afib': (['fibrillation'], []), 'epilepsy': (['seizure', 'epilep'], []),
        'stroke': (['stroke', 'cerebrovascular', 'cerebral infarction'], ['alteplase']), 'mi': (['myocardial infarction', 'coronary'], ['nitroglycerin']), 'chf': (['heart failure'], ['lasix', 'furosemide']),
        'cancer': (['neoplasm', 'carcinoma', 'malignan', 'metasta', 'cancer', 'tumor'], ['docetaxel', 'leuprolide', 'oxaliplatin']), 'osteoporosis': (['osteoporosis'], ['alendron']),
        'anticoag': ([], ['warfarin', 'apixaban', 'rivaroxaban', 'dabigatran', 'heparin', 'enoxaparin', 'edoxaban']), 'insulin': ([], ['insulin']), 'statin': ([], ['statin']),
        'opioid': ([], ['oxycodone', 'hydrocodone', 'morphine', 'fentanyl', 'codeine', 'tramadol', 'hydromorphone']), 'fracture': (['fracture'], []), 'appendix': (['append'], [])}
def f_absent(i, res, cites, f, pid):
    if not any(c['record'] == 'patient' and c['id'] == pid for c in cites): return False
    k = f['key']
    conds = [r['code']['coding'][0]['display'].lower() for r in res['Condition'].values()]
    meds = [(r['medicationCodeableConcept']['coding'][0]['display'].lower(), r['status']) for r in res['MedicationRequest'].values()]
    if k == 'allergy': return len(res['AllergyIntolerance']) == 0
    if k == 'cond':
        return not any(kw in c for kw in f['keywords'] for c in conds)
    ck, mk = NEGK[k]
    present = any(x in c for x in ck for c in conds) or any(x in m for x, (m, s) in ((x, mm) for x in mk for mm in meds))
    if k in ('anticoag', 'insulin', 'statin', 'opioid'):
        # "not on X": true iff never on X; "on X" only when active (stopped-only is left out as ambiguous)
        anym = [s for m, s in meds if any(x in m for x in mk)]
        if anym and 'active' not in anym: prob(i, 'negated medication only present as stopped: ambiguous')
        return not anym
    if k == 'cancer':
        psa = [x for x in chart_series(res, '2857-1') if x[1] > 4.0]
        if psa and not present: prob(i, 'no cancer recorded but PSA > 4: results suggest it')
    if k == 'chf':
        ef = [x for x in chart_series(res, '10230-1') if x[1] < 40]
        if ef and not present: prob(i, 'LVEF < 40 but CHF negated')
    return not present

def all_cites(res, pid):
    out = [{'kind': 'record', 'record': 'patient', 'id': pid}]
    for o in res['Observation'].values():
        out.append({'kind': 'record', 'record': 'observation', 'id': o['id']})
    for k, t in KIND2TYPE.items():
        if k == 'observation': continue
        out += [{'kind': 'record', 'record': k, 'id': i} for i in res[t]]
    return out

def eval_fact(i, res, cites, f, pid):
    t = f['t']
    if t == 'obs': return f_obs(res, cites, f)
    if t == 'trend': return f_trend(i, res, cites, f)
    if t == 'diff': return f_diff(i, res, cites, f)
    if t == 'interp': return f_interp(i, res, cites, f, list(res['Patient'].values())[0])
    if t == 'cond': return f_cond(res, cites, f)
    if t == 'med': return f_med(res, cites, f)
    if t == 'imm': return f_simple(res, cites, f, 'immunization', 'Immunization', IMMN, lambda r: r['vaccineCode']['coding'][0]['display'], lambda r: r['occurrenceDateTime'])
    if t == 'enc': return f_simple(res, cites, f, 'encounter', 'Encounter', ENCN, lambda r: r['type'][0]['coding'][0]['display'], lambda r: r['period']['start'])
    if t == 'proc': return f_simple(res, cites, f, 'procedure', 'Procedure', PROCN, lambda r: r['code']['coding'][0]['display'], lambda r: r.get('performedDateTime') or r['performedPeriod']['start'])
    if t == 'smoke': return f_smoke(res, cites, f)
    if t == 'absent': return f_absent(i, res, cites, f, pid)
    prob(i, 'unknown fact type ' + t); return False

def main():
    claims = [json.loads(l) for l in open(os.path.join(HERE, 'claims.jsonl'))]
    checks = [json.loads(l) for l in open(os.path.join(HERE, 'checks.jsonl'))]
    log = []
    if len(claims) != len(checks): prob('-', 'claims/checks length mismatch')
    texts = collections.Counter(c.get('text') for c in claims)
    for t, n in texts.items():
        if n > 1: prob('-', 'duplicate text: ' + t)
    counts = collections.Counter(); pats = collections.Counter(); nfalse_hist = collections.Counter()
    for i, (c, k) in enumerate(zip(claims, checks)):
        if set(c) != {'patient', 'text', 'citations', 'label', 'category', 'why'}: prob(i, 'bad keys %s' % sorted(c))
        if c['label'] not in ('correct', 'wrong'): prob(i, 'bad label')
        if c['category'] not in CATS: prob(i, 'bad category')
        if not isinstance(c['text'], str) or not c['text'].strip() or not isinstance(c['why'], str) or not c['why'].strip(): prob(i, 'empty text/why')
        if k['text'] != c['text'] or k['patient'] != c['patient']: prob(i, 'checks row does not match claim')
        pid = c['patient']; res = CH.get(pid)
        if res is None: prob(i, 'unknown patient'); continue
        counts[(c['category'], c['label'])] += 1; pats[pid] += 1
        if not c['citations']: prob(i, 'no citations')
        for ct in c['citations']:
            if set(ct) != {'kind', 'record', 'id'} or ct['kind'] != 'record': prob(i, 'bad citation shape %s' % ct); continue
            if ct['record'] == 'patient':
                if ct['id'] != pid: prob(i, 'patient citation id mismatch')
                continue
            t = KIND2TYPE.get(ct['record'])
            if not t: prob(i, 'bad record kind %s' % ct['record']); continue
            oid, _, idx = ct['id'].partition('#')
            if oid not in res[t]: prob(i, 'cited id %s not in %s of this patient' % (ct['id'], t)); continue
            if idx:
                if t != 'Observation' or not idx.isdigit() or int(idx) >= len(res[t][oid].get('component', [])): prob(i, 'bad component index %s' % ct['id'])
        if any(ct['record'] == 'patient' for ct in c['citations']) and not any(f['t'] == 'absent' for f in k['facts']):
            prob(i, 'patient citation used for a non-absence claim')
        results = []
        for f in k['facts']:
            for s in f.get('say', []):
                if s.lower() not in c['text'].lower(): prob(i, 'fact string %r not in text' % s)
            r = eval_fact(i, res, c['citations'], f, pid)
            results.append(r)
        if not results: prob(i, 'no facts')
        lab = 'correct' if all(results) else 'wrong'
        nf = results.count(False); nfalse_hist[(c['label'], nf)] += 1
        if lab != c['label']: prob(i, 'label %s but re-evaluation gives %s (facts %s) :: %s' % (c['label'], lab, results, c['text']))
        if c['label'] == 'wrong' and c['category'] != 'wrong-citation' and nf > 2: prob(i, 'wrong claim with %d false facts' % nf)
        if c['label'] == 'wrong' and c['category'] != 'wrong-citation':
            # a wrong claim must be false about the patient, not merely mis-cited: re-check against the whole chart
            n_before = len(problems)
            chart_true = all(eval_fact('(chart) %s' % i, res, all_cites(res, pid), f, pid) for f in k['facts'])
            del problems[n_before:]
            if chart_true: prob(i, 'wrong claim is true against the whole chart (only the citation is off): ambiguous outside wrong-citation :: ' + c['text'])
    for cat in CATS:
        for lab in ('correct', 'wrong'):
            if counts[(cat, lab)] != 27: prob('-', 'count %s/%s = %d (want 27)' % (cat, lab, counts[(cat, lab)]))
    if len(pats) != 26: prob('-', 'patients covered %d/26' % len(pats))
    print('claims: %d; patients covered: %d' % (len(claims), len(pats)))
    for cat in CATS: print('  %-15s correct %3d  wrong %3d' % (cat, counts[(cat, 'correct')], counts[(cat, 'wrong')]))
    print('false-fact histogram (label, n_false):', dict(sorted(nfalse_hist.items())))
    print('per patient:', dict(sorted(((p[:8], n) for p, n in pats.items()))))
    for p in problems: print('PROBLEM', p)
    print('%d problems' % len(problems))
    return 1 if problems else 0

if __name__ == '__main__':
    sys.exit(main())
