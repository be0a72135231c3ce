#!/usr/bin/env python3
"""Independent label check for claims.jsonl.

Reloads the Synthea bundles (own loader), and for every claim re-evaluates each
structured assertion in asserts.jsonl against the *cited* records, parsing the literal
text fragment (date string, number, unit, drug/analyte/condition name) with its own
parsers, unit tables and clinical thresholds.  The derived label (correct iff every
assertion holds) must equal the claim's label.  Also checks: every literal occurs in the
claim text, every asserted record is cited and belongs to the patient, and that no
number/date in the text is left unasserted (coverage report).
"""
import json, glob, re, sys, os, collections, math

HERE = os.path.dirname(os.path.abspath(__file__))
R = {}          # id -> resource
OWNER = {}      # id -> patient id
BYPAT = collections.defaultdict(list)
for fn in glob.glob('/work/shared/data/synthea/*.json'):
    bundle = json.load(open(fn))
    pid = next(e['resource']['id'] for e in bundle['entry'] if e['resource']['resourceType'] == 'Patient')
    for e in bundle['entry']:
        r = e['resource']
        R[r['id']] = r; OWNER[r['id']] = pid; BYPAT[pid].append(r)

KIND = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter',
        'procedure': 'Procedure', 'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation', 'patient': 'Patient'}

def rdate(r):
    t = r['resourceType']
    v = {'Observation': lambda: r.get('effectiveDateTime'), 'Condition': lambda: r.get('onsetDateTime'), 'MedicationRequest': lambda: r.get('authoredOn'),
         'Encounter': lambda: r['period']['start'], 'Immunization': lambda: r.get('occurrenceDateTime'),
         'Procedure': lambda: (r.get('performedPeriod') or {}).get('start') or r.get('performedDateTime'), 'DiagnosticReport': lambda: r.get('effectiveDateTime')}.get(t, lambda: None)()
    return v[:10] if v else None

MONTHS = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}
def mon(s):
    return MONTHS.get(s[:3].lower())

def parse_date(s):
    """-> (y, m, d) where m/d may be None, or a (y, (m_lo, m_hi)) range"""
    s = s.strip().replace('the ', '')
    m = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', s)
    if m: return int(m[1]), int(m[2]), int(m[3])
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{4})', s)
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12: return y, b, a           # unambiguous day-first
        return y, a, b                      # otherwise US month-first
    m = re.fullmatch(r'(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]+)\.?,?\s+(\d{4})', s)
    if m and mon(m[2]): return int(m[3]), mon(m[2]), int(m[1])
    m = re.fullmatch(r'([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})', s)
    if m and mon(m[1]): return int(m[3]), mon(m[1]), int(m[2])
    m = re.fullmatch(r'([A-Za-z]+)\.?\s+(\d{4})', s)
    if m and mon(m[1]): return int(m[2]), mon(m[1]), None
    m = re.fullmatch(r'(?:in\s+)?(\d{4})', s)
    if m: return int(m[1]), None, None
    m = re.fullmatch(r'(early|mid|late)-?(\d{4})', s)
    if m: return int(m[2]), {'early': (1, 4), 'mid': (5, 8), 'late': (9, 12)}[m[1]], None
    return None

def date_ok(lit, rec):
    pd = parse_date(lit)
    if pd is None: return None
    y, m, d = pd
    ry, rm, rd = int(rec[:4]), int(rec[5:7]), int(rec[8:10])
    if y != ry: return False
    if m is None: return True
    if isinstance(m, tuple): return m[0] <= rm <= m[1]
    if m != rm: return False
    return d is None or d == rd

# --- values
def rvalue(ref):
    rid, _, idx = ref.partition('#')
    r = R.get(rid)
    if not r or r['resourceType'] != 'Observation': return None, None
    if idx:
        c = r['component'][int(idx)]; q = c.get('valueQuantity')
    else:
        q = r.get('valueQuantity')
    if not q: return None, None
    return q['value'], q.get('code') or q.get('unit')

def norm_unit(u):
    u = u.strip().lower().replace(' ', '').replace('µ', 'u').replace('²', '2').replace('^', '').replace('{', '').replace('}', '').replace('_', '')
    u = u.replace('degreescelsius', 'c').replace('degc', 'c').replace('°c', 'c').replace('cel', 'c').replace('°f', 'f')
    u = u.replace('kilograms', 'kg').replace('lbs', 'lb').replace('inches', 'in').replace('meq/l', 'mmol/l').replace('mm[hg]', 'mmhg')
    u = u.replace('x10*3/ul', 'k/ul').replace('10*3/ul', 'k/ul').replace('x103/ul', 'k/ul').replace('x109/l', 'k/ul')
    u = u.replace('x10*6/ul', 'm/ul').replace('10*6/ul', 'm/ul').replace('x106/ul', 'm/ul').replace('x1012/l', 'm/ul')
    u = u.replace('ml/min/1.73m2', 'egfr').replace('ml/min/1.73sqm', 'egfr').replace('mm3', 'ul')
    return u
# molar masses for mg/dL <-> mmol/L by LOINC
MOLAR = {'2339-0': 18.016, '2093-3': 38.67, '18262-6': 38.67, '2085-9': 38.67, '2571-8': 88.57}

def convert(v, ru, tu, code):
    ru, tu = norm_unit(ru), norm_unit(tu)
    if ru == tu: return v
    if ru == 'c' and tu == 'f': return v * 1.8 + 32
    if ru == 'kg' and tu == 'lb': return v / 0.45359237
    if ru == 'cm' and tu == 'in': return v / 2.54
    if ru == 'cm' and tu == 'm': return v / 100
    if ru == 'mg/dl' and tu == 'mmol/l' and code in MOLAR: return v / MOLAR[code]
    if ru == 'mg/dl' and tu == 'umol/l' and code == '38483-4': return v * 88.42
    if ru == 'g/dl' and tu == 'g/l': return v * 10
    if ru == 'k/ul' and tu == '/ul': return v * 1000
    return None

def dp_of(lit):
    return len(lit.split('.')[1]) if '.' in lit else 0

def num_ok(ref, lit, unit):
    v, ru = rvalue(ref)
    if v is None: return False
    code = R[ref.split('#')[0]]['code']['coding'][0]['code']
    if unit:
        cv = convert(v, ru, unit, code)
        if cv is None: return False
    else:
        cv = v
    x = float(lit)
    p = dp_of(lit)
    if p == 0 and lit.endswith('00') and abs(cv) > 1000:
        return abs(round(cv, -2) - x) < 1e-6
    return abs(round(cv + 1e-12, p) - x) < 10 ** -(p + 3)

# --- analytes (abbreviation / name -> LOINC)
ANALYTE = [
    (r'^(hb|hgb) ?a1c$|^a1c$|hemoglobin a1c|glycated haemoglobin', {'4548-4'}), (r'^tc$|total chol|^cholesterol$', {'2093-3'}),
    (r'^ldl|low-density', {'18262-6'}), (r'^hdl|high-density', {'2085-9'}), (r'^tg$|^trigs$|triglyceride', {'2571-8'}),
    (r'^glu$|^bg$|glucose', {'2339-0'}), (r'^bun$|urea nitrogen', {'6299-2'}), (r'^cr$|^creat$|creatinine$', {'38483-4'}),
    (r'^ca$|calcium', {'49765-1'}), (r'^na$|sodium', {'2947-0'}), (r'^k$|potassium', {'6298-4'}), (r'^cl$|chloride', {'2069-3'}),
    (r'^co2$|^hco3$|bicarbonate|total co2', {'20565-8'}), (r'^egfr$|estimated g', {'33914-3'}), (r'^u?acr$|albumin/creatinine', {'14959-1'}),
    (r'^wbc$|white cell|leukocyte', {'6690-2'}), (r'^rbc$|red cell|erythrocyte count', {'789-8'}), (r'^(hb|hgb)$|^ha?emoglobin$', {'718-7'}),
    (r'^hct$|ha?ematocrit', {'4544-3'}), (r'^mcv$|mean corpuscular volume', {'787-2'}), (r'^mch$|mean corpuscular ha?emoglobin$', {'785-6'}),
    (r'^mchc$|mean corpuscular ha?emoglobin concentration', {'786-4'}), (r'^plt$|platelet', {'777-3'}), (r'^bmi$|body mass index', {'39156-5'}),
    (r'^wt$|weight', {'29463-7'}), (r'^ht$|height', {'8302-2'}), (r'^t$|^temp$|temperature', {'8310-5'}), (r'^psa$|prostate-specific', {'2857-1'}),
    (r'^alt$|alanine', {'1742-6'}), (r'^ast$|aspartate', {'1920-8'}), (r'^alp$|^alk phos$|alkaline', {'6768-6'}), (r'nt-probnp', {'33762-6'}),
    (r'^lvef$|^ef$|ejection', {'10230-1'}), (r'^bp$|blood pressure|^sbp$|^dbp$|systolic', {'55284-4', '85354-9'}),
]
def analyte_ok(ref, lit):
    r = R.get(ref.split('#')[0])
    if not r or r['resourceType'] != 'Observation': return False
    code = r['code']['coding'][0]['code']
    l = lit.lower().strip()
    for pat, codes in ANALYTE:
        if re.search(pat, l): return code in codes
    return None

# --- conditions, vaccines, encounters, procedures, drugs
COND = [  # term regex -> display regex
    (r'^htn$|hypertension|high blood pressure', r'^hypertension$'), (r'pre-?diabetes', r'prediabetes'), (r'^dm$|^diabetes', r'^diabetes$'),
    (r'obesity', r'obesity'), (r'viral sinusitis', r'viral sinusitis'), (r'bronchitis', r'bronchitis'), (r'viral pharyngitis', r'viral pharyngitis'),
    (r'chronic sinusitis', r'chronic sinusitis'), (r'strep', r'streptococcal sore throat'), (r'^om$|otitis media|middle ear', r'otitis media'),
    (r'ana?emia', r'^anemia'), (r'^stroke$|^cva$', r'^stroke$'), (r'^appendicitis$', r'^appendicitis$'), (r'asthma', r'asthma'),
    (r'hypertriglycerid', r'hypertriglycerid'), (r'metabolic syndrome', r'metabolic syndrome'), (r'ckd (stage )?1|kidney disease stage 1', r'kidney disease stage 1'),
    (r'diabetic (kidney disease|nephropathy)', r'diabetic renal disease'), (r'^mi$|myocardial infarction|heart attack', r'^myocardial infarction$'),
    (r'^chd$|^cad$|coronary', r'coronary heart disease'), (r'alzheimer', r'alzheimer'), (r'^chf$|congestive heart failure', r'congestive heart failure'),
    (r'neuropathy', r'neuropathy due to type 2 diabetes'), (r'^epilepsy$', r'^epilepsy$'), (r'seizure disorder', r'^seizure disorder$'),
    (r'^hld$|hyperlipida?emia', r'^hyperlipidemia$'), (r'osteoporosis', r'osteoporosis'), (r'hip oa|osteoarthritis of the hip', r'osteoarthritis of hip'),
    (r'hand oa|osteoarthritis of the hand', r'osteoarthritis of the hand'), (r'prostate (neoplasm|tumou?r)', r'neoplasm of prostate'),
    (r'ankle sprain|sprained ankle', r'sprain of ankle'), (r'wrist sprain', r'sprain of wrist'), (r'forearm fracture', r'fracture of forearm'),
    (r'clavicle', r'fracture of clavicle'), (r'allergic rhinitis|hay fever', r'allergic rhinitis'), (r'atopic dermatitis|eczema', r'atopic dermatitis'),
    (r'concussion', r'concussion'), (r'colon(ic)? polyp', r'polyp of colon'), (r'hyperglyca?emia', r'hyperglycemia'), (r'whiplash', r'whiplash'),
    (r'laceration', r'laceration of hand'), (r'miscarriage', r'miscarriage'), (r'impacted molars', r'impacted molars'), (r'retinopathy', r'retinopathy'),
    (r'^copd$', r'obstructive'), (r'^ckd 3$', r'stage 3'), (r'^t2dm$', r'type 2 diabetes|type ii diabetes'), (r'^af$', r'atrial fibrillation'),
]
def cond_ok(ref, lit):
    r = R.get(ref)
    if not r or r['resourceType'] != 'Condition': return False
    disp = r['code']['coding'][0]['display'].lower()
    for pat, dpat in COND:
        if re.search(pat, lit.lower()): return bool(re.search(dpat, disp))
    return None

VAX = [(r'flu|influenza', 'influenza'), (r'hpv', 'hpv'), (r'pcv13|pneumococcal conjugate', 'pcv 13'), (r'^td |tetanus-diphtheria|^td booster', r'td \(adult\)'),
       (r'mening|mcv4', 'meningococcal'), (r'^dtap$', 'dtap'), (r'ipv|polio', 'ipv'), (r'hep(atitis)? b', 'hep b'), (r'hib', 'hib'), (r'zoster|shingles', 'zoster'),
       (r'^tdap$', 'tdap'), (r'rotavirus', 'rotavirus'), (r'hepatitis a', 'hep a'), (r'varicella|chickenpox', 'varicella'), (r'^mmr$', 'mmr'),
       (r'ppsv23|polysaccharide', 'polysaccharide')]
ENC = [(r'check-?up|wellness', r'check'), (r'er visit|emergency', r'emergency'), (r'asthma follow', r'asthma follow'), (r'prenatal', r'prenatal'), (r'inpatient', r'inpatient')]
PROC = [(r'colonoscopy', 'colonoscopy'), (r'throat culture', 'throat culture'), (r'dre|digital rectal', 'digital examination of rectum'),
        (r'spirometry|pulmonary function', 'respiratory function'), (r'prostate biopsy', 'biopsy of prostate'), (r'chest x-ray|cxr', 'chest x-ray'),
        (r'tte|transthoracic', 'echocardiogram'), (r'wisdom', 'wisdom tooth'), (r'knee x-ray', 'knee x-ray'), (r'clavicle x-ray', 'clavicle x-ray'),
        (r'dexa|bone density', 'bone density'), (r'sutur', 'suture'), (r'sputum', 'sputum'), (r'upper arm', 'upper arm'), (r'immobili', 'immobilization'), (r'im injection', 'intramuscular')]
def match_tab(tab, ref, typ, lit, field):
    r = R.get(ref)
    if not r or r['resourceType'] != typ: return False
    disp = r[field]['coding'][0]['display'].lower()
    for pat, dpat in tab:
        if re.search(pat, lit.lower()): return bool(re.search(dpat, disp))
    return None

# brand / generic -> ingredient words that must appear in the MedicationRequest display
DRUG = {'zocor': ['simv[ai]statin'], 'simvastatin': ['simv[ai]statin'], 'lipitor': ['atorvastatin'], 'atorvastatin': ['atorvastatin'],
        'crestor': ['rosuvastatin'], 'rosuvastatin': ['rosuvastatin'], 'hctz': ['hydrochlorothiazide'], 'microzide': ['hydrochlorothiazide'], 'hydrochlorothiazide': ['hydrochlorothiazide'],
        'chlorthalidone': ['chlorthalidone'], 'lasix': ['lasix|furosemide'], 'furosemide': ['lasix|furosemide'], 'torsemide': ['torsemide'], 'bumex': ['bumetanide'],
        'norvasc': ['amlodipine'], 'amlodipine': ['amlodipine'], 'nifedipine': ['nifedipine'], 'procardia': ['nifedipine'], 'plavix': ['clopidogrel'], 'clopidogrel': ['clopidogrel'],
        'ticagrelor': ['ticagrelor'], 'brilinta': ['ticagrelor'], 'glucophage': ['metformin'], 'glucophage xr': ['metformin'], 'metformin': ['metformin'], 'glipizide': ['glipizide'],
        'januvia': ['sitagliptin'], 'toprol': ['metoprolol'], 'toprol xl': ['metoprolol'], 'metoprolol succinate': ['metoprolol succinate'], 'atenolol': ['atenolol'], 'tenormin': ['atenolol'],
        'fosamax': ['alendron'], 'alendronate': ['alendron'], 'risedronate': ['risedron'], 'actonel': ['risedron'], 'namenda': ['memantine'], 'memantine': ['memantine'],
        'donepezil': ['donepezil'], 'aricept': ['donepezil'], 'razadyne': ['galantamine'], 'galantamine': ['galantamine'], 'rivastigmine': ['rivastigmine'],
        'allegra': ['fexofenadine'], 'fexofenadine': ['fexofenadine'], 'loratadine': ['loratadine'], 'claritin': ['loratadine'], 'aleve': ['naproxen'], 'naproxen sodium': ['naproxen'],
        'naproxen': ['naproxen'], 'advil': ['ibuprofen'], 'motrin': ['ibuprofen'], 'ibuprofen': ['ibuprofen'], 'tylenol': ['acetaminophen'], 'paracetamol': ['acetaminophen'],
        'acetaminophen': ['acetaminophen'], 'augmentin': ['amoxicillin', 'clavulanate'], 'co-amoxiclav': ['amoxicillin', 'clavulanate'], 'amoxicillin-clavulanate': ['amoxicillin', 'clavulanate'],
        'cefuroxime': ['cefuroxime'], 'ceftin': ['cefuroxime'], 'keflex': ['cephalexin'], 'cephalexin': ['cephalexin'], 'amoxil': ['amoxicillin'], 'amoxicillin': ['amoxicillin'],
        'azithromycin': ['azithromycin'], 'zithromax': ['azithromycin'], 'penicillin v potassium': ['penicillin v'], 'penicillin vk': ['penicillin v'], 'pen vk': ['penicillin v'],
        'fluticasone': ['fluticasone'], 'flovent': ['fluticasone'], 'flovent hfa': ['fluticasone'], 'budesonide': ['budesonide'], 'pulmicort': ['budesonide'],
        'albuterol': ['albuterol'], 'salbutamol': ['albuterol'], 'proair': ['albuterol'], 'ventolin': ['albuterol'], 'levalbuterol': ['levalbuterol'], 'xopenex': ['levalbuterol'],
        'epinephrine': ['epinephrine'], 'adrenaline': ['epinephrine'], 'epipen': ['epinephrine'], 'glucagon': ['glucagon'], 'baqsimi': ['glucagon'],
        'diphenhydramine': ['diphenhydramine'], 'benadryl': ['diphenhydramine'], 'hydroxyzine': ['hydroxyzine'], 'atarax': ['hydroxyzine'],
        'oxycodone-acetaminophen': ['oxycodone', 'acetaminophen'], 'percocet': ['oxycodone', 'acetaminophen'], 'hydrocodone-acetaminophen': ['hydrocodone', 'acetaminophen'],
        'norco': ['hydrocodone', 'acetaminophen'], 'vicodin': ['hydrocodone', 'acetaminophen'], 'nitroglycerin': ['nitroglycerin'], 'nitrolingual': ['nitroglycerin'], 'gtn spray': ['nitroglycerin'],
        'isosorbide mononitrate': ['isosorbide'], 'imdur': ['isosorbide'], 'leuprolide': ['leuprolide'], 'lupron': ['leuprolide'], 'eligard': ['leuprolide'], 'goserelin': ['goserelin'], 'zoladex': ['goserelin'],
        'docetaxel': ['docetaxel'], 'taxotere': ['docetaxel'], 'paclitaxel': ['paclitaxel'], 'taxol': ['paclitaxel'], 'oxaliplatin': ['oxaliplatin'], 'eloxatin': ['oxaliplatin'],
        'cisplatin': ['cisplatin'], 'platinol': ['cisplatin'], 'leucovorin': ['leucovorin'], 'folinic acid': ['leucovorin'], 'methotrexate': ['methotrexate'], 'trexall': ['methotrexate'],
        'medroxyprogesterone': ['medroxyprogesterone'], 'depo-provera': ['medroxyprogesterone'], 'norethindrone': ['norethindrone'], 'nexplanon': ['etonogestrel implant'],
        'alteplase': ['alteplase'], 'activase': ['alteplase'], 'tpa': ['alteplase'], 'tenecteplase': ['tenecteplase'], 'tnkase': ['tenecteplase'],
        'vitamin b12': ['vitamin b 12'], 'cyanocobalamin': ['vitamin b 12'], 'folic acid': ['folic'], 'folvite': ['folic'],
        'insulin nph/regular 70/30': ['isophane', 'regular insulin'], 'humulin 70/30': ['isophane', 'regular insulin', 'humulin'], 'insulin glargine': ['glargine'], 'lantus': ['glargine'],
        'levora': ['levora'], 'seasonique': ['seasonique'], 'levonorgestrel-ethinyl estradiol': ['levora|seasonique'], 'nuvaring': ['nuvaring'],
        'etonogestrel-ethinyl estradiol vaginal ring': ['nuvaring'], 'levonorgestrel iud': ['mirena|levonorgestrel 52'], 'mirena': ['mirena'], 'natazia': ['natazia'],
        'estradiol valerate-dienogest': ['natazia'], 'drospirenone': ['drospirenone|yaz'], 'yaz': ['yaz|drospirenone']}
def drug_ok(ref, lit):
    r = R.get(ref)
    if not r or r['resourceType'] != 'MedicationRequest': return False
    disp = r['medicationCodeableConcept']['coding'][0]['display'].lower()
    words = DRUG.get(lit.lower())
    if words is None: return None
    return all(re.search(w, disp) for w in words)

def strength_ok(ref, lit):
    disp = R[ref]['medicationCodeableConcept']['coding'][0]['display'].upper().replace('MG/ACTUAT', 'MG/ACTUAT')
    nums = [float(x) for x in re.findall(r'\d+(?:\.\d+)?', lit)]
    l = lit.lower()
    if 'mcg' in l: nums = [n / 1000 for n in nums]
    dnums = [float(x) for x in re.findall(r'(\d+(?:\.\d+)?)\s*(?:MG|mg)', R[ref]['medicationCodeableConcept']['coding'][0]['display'])]
    return bool(nums) and all(any(abs(n - d) < 1e-9 for d in dnums) for n in nums)

def status_ok(ref, lit):
    r = R[ref]; t = r['resourceType']; l = lit.lower()
    if t == 'Condition':
        return r['clinicalStatus']['coding'][0]['code'] == {'active': 'active', 'resolved': 'resolved'}[l]
    if t == 'MedicationRequest':
        return r['status'] == {'active': 'active', 'stopped': 'stopped'}[l]
    if t == 'Observation':
        v = r['valueCodeableConcept']['coding'][0]['display'].lower()
        if 'never' in l or 'non-smoker' in l: want = 'never smoker'
        elif 'former' in l or 'ex-' in l or 'quit' in l: want = 'former smoker'
        else: want = 'current'
        return v.startswith(want) if want != 'current' else ('every day' in v or 'current' in v or 'some day' in v)
    return False

ABSENT = {  # phrase -> (condition display regex, med display regex, extra lab rule)
    'asthma': (r'asthma', None), 'diabetes': (r'(?<!pre)diabet', None), 'hypertension': (r'hypertens', None), 'heart failure': (r'heart failure', None),
    'copd': (r'obstructive|emphysema|chronic bronchitis', None), 'myocardial infarction': (r'myocardial infarction', None), 'stroke': (r'stroke|cerebrovascular', None),
    'epilepsy': (r'epilep|seizure disorder', None), 'chronic kidney disease': (r'kidney|renal', None), 'osteoporosis': (r'osteoporosis', None),
    'anaemia': (r'anemia', None), 'prostate cancer': (r'carcinoma.*prostate|malignant.*prostate|prostate.*(carcinoma|malignant)', None),
    'coronary artery disease': (r'coronary|myocardial', None), 'sinusitis': (r'sinusitis', None), 'appendicitis': (r'appendic', None),
    'a statin': (None, r'statin'), 'insulin': (None, r'insulin'), 'metformin': (None, r'metformin'), 'an anticoagulant': (None, r'warfarin|apixaban|rivaroxaban|heparin|dabigatran|edoxaban'),
    'a beta-blocker': (None, r'olol'), 'a diuretic': (None, r'thiazide|lasix|furosemide|torsemide|bumetanide|spironolactone'), 'opioids': (None, r'codone|morphine|fentanyl|tramadol|codeine'),
    'an inhaler': (None, r'inhaler'), 'antiplatelet therapy': (None, r'clopidogrel|aspirin|ticagrelor|prasugrel'),
}
def absent_ok(pid, lit):
    res = BYPAT[pid]; l = lit.lower()
    conds = [r['code']['coding'][0]['display'].lower() for r in res if r['resourceType'] == 'Condition']
    meds = [r['medicationCodeableConcept']['coding'][0]['display'].lower() for r in res if r['resourceType'] == 'MedicationRequest']
    alls = [r for r in res if r['resourceType'] == 'AllergyIntolerance']
    if l == 'allergy': return not alls
    if l == 'drug allergy': return not [a for a in alls if 'medication' in a.get('category', [])]
    cre, mre = ABSENT[l]
    if cre and any(re.search(cre, c) for c in conds): return False
    if mre and any(re.search(mre, m) for m in meds): return False
    obs = [r for r in res if r['resourceType'] == 'Observation']
    def vals(code): return [r['valueQuantity']['value'] for r in obs if r['code']['coding'][0]['code'] == code and 'valueQuantity' in r]
    if l == 'diabetes' and (any(v >= 6.5 for v in vals('4548-4')) or any(re.search('metformin|insulin', m) for m in meds)): return False
    if l == 'chronic kidney disease' and any(v < 60 for v in vals('33914-3')): return False
    if l == 'anaemia' and vals('718-7'): return 'ambiguous'
    if l == 'hypertension':
        for r in obs:
            if r['code']['coding'][0]['code'] == '55284-4':
                c = {x['code']['coding'][0]['code']: x['valueQuantity']['value'] for x in r['component']}
                if c.get('8480-6', 0) >= 140 or c.get('8462-4', 0) >= 90: return False
    return True

def latest_ok(pid, ref):
    r = R[ref]; t = r['resourceType']; d = rdate(r)
    if t == 'Encounter':
        return all(rdate(x) <= d for x in BYPAT[pid] if x['resourceType'] == 'Encounter')
    code = r['code']['coding'][0]['code']
    same = [x for x in BYPAT[pid] if x['resourceType'] == 'Observation' and x['code']['coding'][0]['code'] == code]
    if any(rdate(x) > d for x in same): return False
    if any(rdate(x) == d and x['id'] != ref and json.dumps(x.get('valueQuantity', x.get('valueCodeableConcept', x.get('component')))) != json.dumps(r.get('valueQuantity', r.get('valueCodeableConcept', r.get('component')))) for x in same):
        return 'ambiguous'
    if code == '72166-2' and len({x['valueCodeableConcept']['coding'][0]['display'] for x in same}) > 1: return 'ambiguous'
    return True

def bp_ok(ref, lit):
    r = R.get(ref)
    if not r or r['resourceType'] != 'Observation' or 'component' not in r: return False
    c = {x['code']['coding'][0]['code']: x['valueQuantity']['value'] for x in r['component']}
    s, d = lit.split('/')
    return round(c['8480-6']) == int(s) and round(c['8462-4']) == int(d)

def trend_ok(a):
    ra, rb = a['refs']
    va, _ = rvalue(ra); vb, _ = rvalue(rb)
    if va is None or vb is None: return False
    da, db = rdate(R[ra.split('#')[0]]), rdate(R[rb.split('#')[0]])
    if not (date_ok(a['dates'][0], da) and date_ok(a['dates'][1], db)): return False
    if da >= db: return False
    if a.get('vals'):
        ca = R[ra.split('#')[0]]['code']['coding'][0]['code']
        if not (num_ok(ra, a['vals'][0], '') and num_ok(rb, a['vals'][1], '')): return False
    rel = (vb - va) / va
    lit = a['lit']
    if lit == 'stable': return abs(rel) <= 0.05
    if abs(rel) <= 0.05: return False
    return (rel > 0) == (lit == 'up')

def interp_ok(ref, lit):
    r = R[ref]; code = r['code']['coding'][0]['code']
    if code == '55284-4':
        c = {x['code']['coding'][0]['code']: x['valueQuantity']['value'] for x in r['component']}
        s, d = c['8480-6'], c['8462-4']
        cat = 'stage 2 hypertension' if (s >= 140 or d >= 90) else 'stage 1 hypertension' if (s >= 130 or d >= 80) else 'elevated' if s >= 120 else 'normal'
        return cat == lit
    v = r['valueQuantity']['value']
    pid = OWNER[ref]; birth = next(x for x in BYPAT[pid] if x['resourceType'] == 'Patient')['birthDate']
    age = (int(rdate(r)[:4]) - int(birth[:4]))
    if age < 18: return 'ambiguous'
    tab = {'4548-4': [(5.7, 'normal'), (6.5, 'prediabetic range'), (1e9, 'diabetic range')],
           '39156-5': [(18.5, 'underweight'), (25, 'normal weight'), (30, 'overweight'), (1e9, 'obese')],
           '18262-6': [(100, 'optimal'), (130, 'near optimal'), (160, 'borderline high'), (190, 'high'), (1e9, 'very high')],
           '2093-3': [(200, 'desirable'), (240, 'borderline high'), (1e9, 'high')], '2571-8': [(150, 'normal'), (200, 'borderline high'), (500, 'high'), (1e9, 'very high')],
           '33914-3': [(15, 'G5'), (30, 'G4'), (45, 'G3b'), (60, 'G3a'), (90, 'G2'), (1e9, 'G1')]}[code]
    cat = next(n for thr, n in tab if v < thr)
    return cat == lit

def check(claim, A):
    pid = claim['patient']; cited = set()
    problems = []
    for c in claim['citations']:
        rid = c['id'].split('#')[0]
        if c['record'] == 'patient':
            if c['id'] != pid: problems.append('patient citation id mismatch')
        elif rid not in R or R[rid]['resourceType'] != KIND[c['record']] or OWNER[rid] != pid:
            problems.append(f'bad citation {c}')
        cited.add(c['id']); cited.add(rid)
    results = []
    text = claim['text']
    for a in A['asserts']:
        t = a['t']
        if 'lit' in a and t not in ('status', 'latest', 'interp', 'trend', 'absent') and a['lit'].lower() not in text.lower() and a['lit'].lower() not in text.lower().replace(',', ''):
            problems.append(f'literal {a["lit"]!r} not in text')
        for ref in ([a['ref']] if 'ref' in a else a.get('refs', [])):
            if ref not in cited and ref.split('#')[0] not in cited: problems.append(f'asserted ref {ref} not cited')
        try:
            if t == 'date': ok = date_ok(a['lit'], rdate(R[a['ref'].split('#')[0]]) or '')
            elif t == 'num': ok = num_ok(a['ref'], a['lit'], a['unit'])
            elif t == 'analyte': ok = analyte_ok(a['ref'], a['lit'])
            elif t == 'bp': ok = bp_ok(a['ref'], a['lit'])
            elif t == 'cond': ok = cond_ok(a['ref'], a['lit'])
            elif t == 'vax': ok = match_tab(VAX, a['ref'], 'Immunization', a['lit'], 'vaccineCode')
            elif t == 'enc': ok = match_tab(ENC, a['ref'], 'Encounter', a['lit'], 'type') if False else (lambda r: bool(r and r['resourceType'] == 'Encounter' and any(re.search(dp, r['type'][0]['coding'][0]['display'].lower()) for p_, dp in ENC if re.search(p_, a['lit'].lower()))))(R.get(a['ref']))
            elif t == 'proc': ok = match_tab(PROC, a['ref'], 'Procedure', a['lit'], 'code')
            elif t == 'drug': ok = drug_ok(a['ref'], a['lit'])
            elif t == 'strength': ok = strength_ok(a['ref'], a['lit'])
            elif t == 'status': ok = status_ok(a['ref'], a['lit'])
            elif t == 'absent': ok = absent_ok(a['pid'], a['lit'])
            elif t == 'latest': ok = latest_ok(pid, a['ref'])
            elif t == 'trend': ok = trend_ok(a)
            elif t == 'interp': ok = interp_ok(a['ref'], a['lit'])
            else: ok = None
        except (KeyError, TypeError, IndexError, StopIteration) as e:
            ok = False if t in ('num', 'analyte', 'bp', 'date') else None
        if ok is None: problems.append(f'cannot evaluate {a}')
        if ok == 'ambiguous': problems.append(f'ambiguous {a}')
        results.append(ok is True)
    derived = 'correct' if all(results) else 'wrong'
    # coverage: numbers in the text not explained by any literal
    rest = text
    lits = []
    for a in A['asserts']:
        if isinstance(a.get('lit'), str) and a['t'] not in ('status', 'latest', 'interp', 'trend', 'absent'): lits.append(a['lit'])
        lits += list(a.get('dates') or []) + list(a.get('vals') or [])
    for x in sorted(set(lits), key=len, reverse=True):
        if re.fullmatch(r'[\d.,]+', x):
            rest = re.sub(r'(?<![\d.])' + re.escape(x) + r'(?![\d]|\.\d)', ' ', rest.replace(',', '') if ',' not in x else rest)
        else:
            rest = re.sub(re.escape(x), ' ', rest, flags=re.I)
    rest = re.sub(r'1\.73 ?m(2|²|\^2)|A1c|CO2|HCO3|T2DM|NT-proBNP|ACC/AHA|G[1-5][ab]?|CKD ?[1-5]|stage [12]|PCV ?13|PPSV23|MCV4|B ?12|70/30|30\+|10\^[39]|10\^[69]|10\^12|/mm3|in2|m2|m²|LDL-C|HDL-C|1\.73', ' ', rest)
    leftovers = re.findall(r'\d[\d.,/]*', rest)
    return derived, problems, leftovers

def main():
    claims = [json.loads(l) for l in open(os.path.join(HERE, 'claims.jsonl'))]
    asserts = [json.loads(l) for l in open(os.path.join(HERE, 'asserts.jsonl'))]
    assert len(claims) == len(asserts)
    bad = 0; cov = 0
    for i, (c, a) in enumerate(zip(claims, asserts)):
        derived, problems, left = check(c, a)
        if derived != c['label'] or problems:
            bad += 1
            print(f'#{i} [{c["category"]}/{c["label"]} -> derived {derived}] {c["text"]}  {problems}')
        if left:
            cov += 1
            print(f'#{i} COVERAGE leftover numbers {left}: {c["text"]}')
    cnt = collections.Counter((c['category'], c['label']) for c in claims)
    print(f'{len(claims)} claims; {bad} label mismatches/problems; {cov} with unasserted numbers')
    print('patients:', len({c['patient'] for c in claims}))
    return bad + cov

if __name__ == '__main__':
    sys.exit(1 if main() else 0)
