#!/usr/bin/env python3
"""Independent validator for i-heldout/claims.jsonl.
Re-reads the Synthea bundles itself (does not import the generator), re-parses the dates and
units written in each sentence, re-evaluates every asserted fact (claims.facts.jsonl) against the
CITED records, and checks that the label equals the truth of the conjunction. It also fails on
borderline cases (a value within 10% of a rounding half-step, a value near a category threshold,
a relative change between the 'stable' and 'changed' bands, an ambiguous numeric date).
Usage: python3 validate.py [claims.jsonl] [claims.facts.jsonl]  (exit 0 = pass)"""
import json, glob, os, re, sys, math, collections, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = '/work/shared/data/synthea'
CATS = ['dates', 'abbreviations', 'drug-names', 'units', 'rounding', 'trends', 'two-facts', 'negation', 'status', 'latest', 'swapped', 'wrong-citation', 'interpretation']
KINDS = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter', 'procedure': 'Procedure',
         'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation', 'patient': 'Patient'}

# ------------------------------------------------------------------ bundles
CH = {}
for f in glob.glob(os.path.join(DATA, '*.json')):
    res = [e['resource'] for e in json.load(open(f))['entry']]
    pt = next(r for r in res if r['resourceType'] == 'Patient')
    CH[pt['id']] = dict(pt=pt, res=res, byid={r['id']: r for r in res})


def disp(r):
    if r['resourceType'] == 'MedicationRequest':
        return r['medicationCodeableConcept']['coding'][0]['display']
    if r['resourceType'] == 'Immunization':
        return r['vaccineCode']['coding'][0]['display']
    if r['resourceType'] == 'Encounter':
        return r['type'][0]['coding'][0]['display']
    return r['code']['coding'][0]['display']


def rdate(r, field='date'):
    t = r['resourceType']
    if t == 'Condition':
        s = r.get('abatementDateTime') if field == 'abate' else r.get('onsetDateTime')
    elif t == 'Observation':
        s = r.get('effectiveDateTime')
    elif t == 'MedicationRequest':
        s = r.get('authoredOn')
    elif t == 'Immunization':
        s = r.get('occurrenceDateTime')
    elif t == 'Procedure':
        s = r.get('performedDateTime') or r.get('performedPeriod', {}).get('start')
    elif t == 'Encounter':
        s = r['period']['start']
    else:
        s = None
    return s[:10] if s else None  # calendar date as written in the record


# ------------------------------------------------------------------ date parsing (from the sentence text)
MONTHS = {m: i + 1 for i, m in enumerate(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
SEASON = {'spring': (3, 4, 5), 'summer': (6, 7, 8), 'autumn': (9, 10, 11), 'fall': (9, 10, 11)}


def parse_date(s):
    """-> (y, m, d, gran) or raises"""
    s = s.strip().lower()
    m = re.fullmatch(r'(\d{4})-(\d\d)-(\d\d)', s)
    if m: return int(m[1]), int(m[2]), int(m[3]), 'day'
    m = re.fullmatch(r'(\d\d)[/.](\d\d)[/.](\d{4})', s)
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if '.' in s:
            return y, b, a, 'day'
        if a > 12 and b <= 12: return y, b, a, 'day'
        if b > 12 and a <= 12: return y, a, b, 'day'
        if a == b: return y, a, b, 'day'
        raise ValueError('ambiguous numeric date ' + s)
    m = re.fullmatch(r'(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+) (\d{4})', s)
    if m: return int(m[3]), MONTHS[m[2]], int(m[1]), 'day'
    m = re.fullmatch(r'([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})', s)
    if m and m[1] in MONTHS: return int(m[3]), MONTHS[m[1]], int(m[2]), 'day'
    m = re.fullmatch(r'([a-z]+) (\d{4})', s)
    if m and m[1] in MONTHS: return int(m[2]), MONTHS[m[1]], None, 'month'
    if m and m[1] in SEASON: return int(m[2]), SEASON[m[1]], None, 'season'
    m = re.fullmatch(r"([a-z]+) '(\d\d)", s)
    if m and m[1] in MONTHS:
        y = int(m[2]); y += 1900 if y > 25 else 2000
        return y, MONTHS[m[1]], None, 'month'
    m = re.fullmatch(r'(\d\d)/(\d{4})', s)
    if m: return int(m[2]), int(m[1]), None, 'month'
    m = re.fullmatch(r'(\d{4})', s)
    if m: return int(m[1]), None, None, 'year'
    raise ValueError('unparsed date ' + s)


def date_matches(txt, iso):
    y, m, d, g = parse_date(txt)
    Y, M, D = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    if g == 'day': return (y, m, d) == (Y, M, D)
    if g == 'month': return (y, m) == (Y, M)
    if g == 'year': return y == Y
    if g == 'season':
        if M in (m[0], m[-1]) and y == Y:
            raise ValueError('season edge month ' + iso)
        return y == Y and M in m


# ------------------------------------------------------------------ units / conversions (own tables)
SPELL = {'mg/dL': r'mg/d[lL]', 'mmol/L': r'mmol/[lL]', 'mEq/L': r'mEq/L', 'kg': r'kg\b', 'lb': r'\b(lb|lbs|pounds)\b', 'cm': r'cm\b', 'in': r'\b(in|inches)\b',
         'kg/m2': r'kg/m(2|²|\^2)', 'mmHg': r'mm ?\[?Hg\]?', '%': r'%', 'g/dL': r'g/d[lL]', 'g/L': r'g/L', 'umol/L': r'(µmol/L|umol/L|micromol/L)',
         'C': r'(°C|\bC\b|deg C|degrees Celsius)', 'F': r'(°F|\bF\b|degrees Fahrenheit)', 'K/uL': r'(x10\^3/uL|K/uL|10\*3/uL|x10³/µL)',
         'x10^9/L': r'(x10\^9/L|×10⁹/L)', 'eGFR': r'm[lL]/min/1\.73 ?m(2|²)', 'fL': r'f[lL]\b', 'mg/g': r'mg/g', 'mmol/mol': r'mmol/mol', 'mL/s': r'mL/s', 'mg/dL-bad': r'mg/d[lL]'}
ID = lambda v: v
ALLOWED = {  # analyte -> {unit: [converters]}  (None unit = bare number, same as record unit)
    'Body Weight': {'kg': [ID], 'lb': [lambda v: v * 2.2046, lambda v: v * 2.2]},
    'Body Height': {'cm': [ID], 'in': [lambda v: v / 2.54]},
    'Body Mass Index': {'kg/m2': [ID]},
    'Glucose': {'mg/dL': [ID], 'mmol/L': [lambda v: v / 18.0, lambda v: v / 18.016]},
    'Total Cholesterol': {'mg/dL': [ID], 'mmol/L': [lambda v: v / 38.67, lambda v: v * 0.02586]},
    'Low Density Lipoprotein Cholesterol': {'mg/dL': [ID], 'mmol/L': [lambda v: v / 38.67, lambda v: v * 0.02586]},
    'High Density Lipoprotein Cholesterol': {'mg/dL': [ID], 'mmol/L': [lambda v: v / 38.67, lambda v: v * 0.02586]},
    'Triglycerides': {'mg/dL': [ID], 'mmol/L': [lambda v: v / 88.57, lambda v: v * 0.01129]},
    'Creatinine': {'mg/dL': [ID], 'umol/L': [lambda v: v * 88.4, lambda v: v * 88.42]},
    'Urea Nitrogen': {'mg/dL': [ID]}, 'Calcium': {'mg/dL': [ID]},
    'Sodium': {'mmol/L': [ID], 'mEq/L': [ID]}, 'Potassium': {'mmol/L': [ID], 'mEq/L': [ID]}, 'Chloride': {'mmol/L': [ID], 'mEq/L': [ID]},
    'Carbon Dioxide': {'mmol/L': [ID], 'mEq/L': [ID]},
    'Hemoglobin A1c/Hemoglobin.total in Blood': {'%': [ID], 'mmol/mol': [lambda v: (v - 2.15) * 10.929, lambda v: (v - 2.152) / 0.09148]},
    'Estimated Glomerular Filtration Rate': {'eGFR': [ID]},
    'Hemoglobin [Mass/volume] in Blood': {'g/dL': [ID], 'g/L': [lambda v: v * 10]},
    'Hematocrit [Volume Fraction] of Blood by Automated count': {'%': [ID]},
    'Leukocytes [#/volume] in Blood by Automated count': {'K/uL': [ID], 'x10^9/L': [ID]},
    'Platelets [#/volume] in Blood by Automated count': {'K/uL': [ID], 'x10^9/L': [ID]},
    'MCV [Entitic volume] by Automated count': {'fL': [ID]},
    'Oral temperature': {'C': [ID], 'F': [lambda v: v * 1.8 + 32]},
    'Microalbumin Creatinine Ratio': {'mg/g': [ID]},
    'Systolic Blood Pressure': {'mmHg': [ID]}, 'Diastolic Blood Pressure': {'mmHg': [ID]},
}

# analyte names a sentence may use (own table)
AN_RX = {
    'Body Weight': r'\b(weight|wt|weighed)\b', 'Body Height': r'\b(height|ht)\b', 'Body Mass Index': r'\b(bmi|body mass index)\b',
    'Glucose': r'\b(glucose|glu)\b', 'Urea Nitrogen': r'\b(bun|urea nitrogen)\b', 'Creatinine': r'\b(cr|creatinine|scr)\b',
    'Calcium': r'\b(ca|calcium)\b', 'Sodium': r'(\bna\b|\bna\+|sodium)', 'Potassium': r'(\bk\b|\bk\+|potassium)', 'Chloride': r'\b(cl|chloride)\b',
    'Carbon Dioxide': r'(co2|bicarbonate|hco3)', 'Hemoglobin A1c/Hemoglobin.total in Blood': r'(a1c|glycated)',
    'Total Cholesterol': r'(total chol|\btc\b|t-chol|(?<!ldl )(?<!hdl )\bcholesterol\b)', 'Triglycerides': r'(\btgs?\b|triglycerides|\btrigs\b)',
    'Low Density Lipoprotein Cholesterol': r'\bldl', 'High Density Lipoprotein Cholesterol': r'\bhdl', 'Estimated Glomerular Filtration Rate': r'(egfr|estimated gfr)',
    'Hemoglobin [Mass/volume] in Blood': r'\b(hb|hgb|haemoglobin|hemoglobin)\b(?! ?a1c)', 'Hematocrit [Volume Fraction] of Blood by Automated count': r'(hct|haematocrit|hematocrit)',
    'Leukocytes [#/volume] in Blood by Automated count': r'(wbc|white cell|wcc|white blood cell|leukocytes)',
    'Platelets [#/volume] in Blood by Automated count': r'(\bplt\b|platelet)', 'MCV [Entitic volume] by Automated count': r'(mcv|mean corpuscular volume)',
    'Oral temperature': r'(temp|\bt\b|temperature|febrile)', 'Microalbumin Creatinine Ratio': r'(\bacr\b|uacr|microalbumin)',
    'Systolic Blood Pressure': r'(systolic|sbp|\bbp\b|blood pressure)', 'Diastolic Blood Pressure': r'(diastolic|dbp|\bbp\b|blood pressure)',
}

# ------------------------------------------------------------------ names (own table): name -> (regex that the record display must match, regex it must not match)
N = {}


def nm(names, rx, neg=None):
    for n in names:
        N[n.lower()] = (rx, neg)


# conditions
nm(['hypertension', 'htn', 'high blood pressure'], r'^hypertension$')
nm(['diabetes', 'dm', 'diabetes mellitus'], r'^diabetes$')
nm(['prediabetes', 'pre-diabetes'], r'^prediabetes$')
nm(['anemia', 'anaemia'], r'^anemia')
nm(['stroke', 'cva'], r'^stroke$')
nm(['prostate neoplasm', 'neoplasm of the prostate'], r'^neoplasm of prostate$')
nm(['viral sinusitis'], r'^viral sinusitis')
nm(['viral pharyngitis', 'acute viral pharyngitis'], r'^acute viral pharyngitis')
nm(['chronic sinusitis'], r'^chronic sinusitis')
nm(['first-trimester miscarriage', 'miscarriage in the first trimester'], r'^miscarriage in first trimester')
nm(['obesity', 'obesity (bmi 30+)'], r'obesity')
nm(['acute bronchitis'], r'^acute bronchitis')
nm(['strep throat', 'streptococcal sore throat'], r'^streptococcal sore throat')
nm(['mi', 'myocardial infarction', 'heart attack'], r'^myocardial infarction$')
nm(['chd', 'coronary heart disease'], r'^coronary heart disease$')
nm(["alzheimer's disease", "alzheimer's"], r"^alzheimer's disease")
nm(['chf', 'chronic congestive heart failure', 'congestive heart failure'], r'congestive heart failure')
nm(['otitis media', 'om'], r'^otitis media$')
nm(['ankle sprain', 'sprained ankle'], r'^sprain of ankle$')
nm(['hip oa', 'osteoarthritis of the hip'], r'^osteoarthritis of hip$')
nm(['forearm fracture', 'fractured forearm'], r'^fracture of forearm$')
nm(['sinusitis'], r'^sinusitis \(disorder\)$')
nm(['wrist sprain', 'sprained wrist'], r'^sprain of wrist$')
nm(['mcl injury of the knee', 'knee mcl injury', 'mcl injury'], r'medial collateral ligament of knee')
nm(['hyperglycaemia', 'hyperglycemia'], r'^hyperglycemia')
nm(['hypertriglyceridaemia', 'hypertriglyceridemia'], r'^hypertriglyceridemia')
nm(['metabolic syndrome'], r'^metabolic syndrome')
nm(['diabetic neuropathy', 'neuropathy due to t2dm', 't2dm neuropathy'], r'neuropathy due to type 2 diabetes')
nm(['ckd stage 1', 'ckd 1', 'stage 1 chronic kidney disease'], r'chronic kidney disease stage 1')
nm(['diabetic nephropathy', 'diabetic kidney disease'], r'^diabetic renal disease')
nm(['appendicitis'], r'^appendicitis$')
nm(['colon polyp', 'colonic polyp'], r'^polyp of colon$')
nm(['recurrent rectal polyp'], r'^recurrent rectal polyp$')
nm(['clavicle fracture', 'fractured clavicle'], r'^fracture of clavicle$')
nm(['atopic dermatitis', 'eczema'], r'^atopic dermatitis$')
nm(['asthma', 'childhood asthma'], r'asthma')
nm(['hay fever', 'seasonal allergic rhinitis'], r'^seasonal allergic rhinitis$')
nm(['whiplash', 'whiplash injury'], r'^whiplash')
nm(['hand oa', 'osteoarthritis of the hand', 'oa of the hand'], r'osteoarthritis of the hand')
nm(['osteoporosis'], r'^osteoporosis')
nm(['concussion without loc', 'concussion (no loss of consciousness)'], r'^concussion with no loss of consciousness')
nm(['seizure disorder'], r'^seizure disorder$')
nm(['epilepsy'], r'^epilepsy$')
nm(['impacted molars'], r'^impacted molars$')
nm(['hyperlipidaemia', 'hyperlipidemia', 'hld'], r'^hyperlipidemia$')
nm(['hand laceration', 'laceration of the hand'], r'^laceration of hand$')
nm(['diabetic retinopathy'], r'^diabetic retinopathy associated with type ii')
nm(['npdr', 'non-proliferative diabetic retinopathy'], r'^nonproliferative diabetic retinopathy')
nm(['metastatic prostate cancer'], r'metastasis from malignant tumor of prostate')
nm(['prostate carcinoma in situ'], r'carcinoma in situ of prostate')
# deliberately-wrong condition abbreviations: these match nothing in the records used
nm(['pe', 'copd', 'ckd', 'ckd stage 3', 'aki', 'hip ra', 'knee oa', 'tia', 'ra of the hand', 'oe', 'pdr', 'acl injury', 't1dm neuropathy', 'di'], r'^$never')
# medications
nm(['hydrochlorothiazide', 'hctz', 'microzide'], r'hydrochlorothiazide')
nm(['simvastatin', 'zocor'], r'simv[ia]statin')
nm(['amlodipine', 'norvasc'], r'amlodipine')
nm(['clopidogrel', 'plavix'], r'clopidogrel')
nm(['metoprolol succinate er', 'toprol xl', 'toprol-xl'], r'metoprolol succinate.*extended release')
nm(['furosemide', 'lasix', 'frusemide'], r'lasix|furosemide')
nm(['nitroglycerin spray', 'gtn spray', 'nitrolingual'], r'nitroglycerin.*spray')
nm(['memantine', 'namenda'], r'memantine')
nm(['galantamine', 'razadyne'], r'galantamine')
nm(['metformin er', 'glucophage xr', 'metformin xr', 'extended-release metformin'], r'metformin.*extended release')
nm(['humulin 70/30', 'nph/regular insulin 70/30'], r'isophane 70 unt/ml / regular insulin, human 30')
nm(['alendronate', 'alendronic acid', 'fosamax'], r'alendronic acid|alendronate')
nm(['naproxen sodium', 'aleve'], r'naproxen sodium')
nm(['ibuprofen', 'motrin', 'advil'], r'^ibuprofen')
nm(['acetaminophen', 'paracetamol', 'tylenol'], r'^acetaminophen \d+ mg oral tablet$')
nm(['amoxicillin-clavulanate', 'augmentin', 'co-amoxiclav'], r'amoxicillin.*clavulanate')
nm(['penicillin v potassium', 'penicillin vk', 'pen vk', 'phenoxymethylpenicillin'], r'penicillin v potassium')
nm(['amoxicillin', 'amoxil'], r'^amoxicillin \d+ mg oral', r'clavulanate')
nm(['cefuroxime', 'ceftin'], r'cefuroxime')
nm(['oxycodone/acetaminophen', 'percocet', 'oxycodone-paracetamol'], r'acetaminophen.*oxycodone')
nm(['hydrocodone/acetaminophen', 'norco'], r'acetaminophen.*hydrocodone')
nm(['vicodin'], r'acetaminophen.*hydrocodone')
nm(['fexofenadine', 'allegra'], r'fexofenadine')
nm(['epinephrine auto-injector', 'epipen', 'adrenaline auto-injector'], r'epinephrine.*auto-injector')
nm(['fluticasone propionate inhaler', 'flovent hfa', 'fluticasone mdi'], r'fluticasone propionate.*inhaler')
nm(['albuterol mdi', 'salbutamol inhaler', 'proair', 'ventolin'], r'albuterol.*inhaler')
nm(['diphenhydramine', 'benadryl'], r'diphenhydramine')
nm(['docetaxel', 'taxotere'], r'docetaxel')
nm(['leuprolide', 'lupron', 'leuprorelin', 'eligard'], r'leuprolide')
nm(['vitamin b12 injection', 'b12 injections', 'b12 injection'], r'vitamin b 12.*inject')
nm(['alteplase', 'tpa', 'activase'], r'alteplase')
nm(['leucovorin', 'folinic acid'], r'leucovorin')
nm(['oxaliplatin', 'eloxatin'], r'oxaliplatin')
nm(['depo-provera', 'medroxyprogesterone acetate', 'dmpa'], r'medroxyprogesterone acetate 150 mg/ml inject')
nm(['natazia', 'estradiol valerate/dienogest'], r'^natazia')
nm(['seasonique'], r'^seasonique')
nm(['levora'], r'^levora')
nm(['nuvaring', 'etonogestrel/ethinyl estradiol vaginal ring'], r'^nuvaring')
nm(['acetaminophen/dextromethorphan/doxylamine oral solution'], r'acetaminophen.*dextromethorphan.*doxylamine')
# deliberately-wrong drug names: none of these ingredients is in any cited record
nm(['chlorthalidone', 'indapamide', 'atorvastatin', 'lipitor', 'pravastatin', 'rosuvastatin', 'crestor', 'nifedipine', 'procardia', 'prasugrel', 'effient',
    'ticagrelor', 'brilinta', 'carvedilol', 'coreg', 'atenolol', 'torsemide', 'bumetanide', 'bumex', 'isosorbide mononitrate', 'donepezil', 'aricept',
    'rivastigmine', 'exelon', 'glipizide', 'glucotrol', 'insulin glargine', 'lantus', 'risedronate', 'actonel', 'ibandronate', 'naproxen', 'aspirin',
    'cefdinir', 'azithromycin', 'zithromax', 'cephalexin', 'omnicef', 'keflex', 'tylenol #3', 'cetirizine', 'zyrtec', 'loratadine', 'claritin',
    'budesonide', 'pulmicort', 'beclomethasone', 'qvar', 'levalbuterol', 'xopenex', 'ipratropium', 'atrovent', 'hydroxyzine', 'paclitaxel', 'taxol',
    'cabazitaxel', 'goserelin', 'zoladex', 'degarelix', 'folic acid', 'iron sucrose', 'tenecteplase', 'tnkase', 'heparin', 'fluorouracil', '5-fu',
    'cisplatin', 'carboplatin', 'nexplanon', 'etonogestrel implant', 'yaz', 'drospirenone/ethinyl estradiol', 'norethindrone', 'sprintec',
    'norgestimate/ethinyl estradiol', 'annovera', 'xulane patch', 'guaifenesin syrup'], r'^$never')
N['naproxen'] = (r'^naproxen(?! sodium)', None)  # naproxen base is not naproxen sodium 220 (Aleve); no record holds plain naproxen
# vaccines
nm(['flu shot', 'influenza vaccine', 'seasonal flu jab', 'flu vaccine'], r'^influenza, seasonal')
nm(['td booster', 'td'], r'^td \(adult\)')
nm(['tdap'], r'^tdap$')
nm(['hpv vaccine', 'quadrivalent hpv'], r'^hpv, quadrivalent')
nm(['pcv13', 'prevnar 13'], r'pcv 13')
nm(['menacwy', 'meningococcal conjugate vaccine'], r'^meningococcal mcv4')
nm(['dtap'], r'^dtap$')
nm(['ipv', 'inactivated polio vaccine'], r'^ipv$')
nm(['hepatitis b vaccine', 'hep b'], r'^hep b')
nm(['hib'], r'^hib')
nm(['shingles vaccine', 'zoster vaccine'], r'^zoster$')
nm(['rotavirus vaccine'], r'^rotavirus')
nm(['hepatitis a vaccine', 'hep a'], r'^hep a')
nm(['varicella vaccine', 'chickenpox vaccine'], r'^varicella$')
nm(['mmr'], r'^mmr$')
nm(['ppsv23', 'pneumovax 23'], r'pneumococcal polysaccharide vaccine, 23')
# allergens (AllergyIntolerance)
nm(['bee venom', 'bee stings'], r'bee venom')
nm(['mould', 'mold'], r'mould|mold')
nm(['animal dander', 'pet dander'], r'dander')
nm(['grass pollen'], r'grass pollen')
nm(['tree pollen'], r'tree pollen')
nm(['wheat'], r'wheat')
nm(['peanuts', 'shellfish', 'latex', 'penicillin', 'dust mites', 'cat hair'], r'^$never')
# procedures
nm(['colonoscopy'], r'^colonoscopy$')
nm(['throat culture', 'throat swab culture'], r'^throat culture')
nm(['dre', 'digital rectal exam'], r'digital examination of rectum')
nm(['lung function testing', 'respiratory function testing'], r'measurement of respiratory function')
nm(['prostate biopsy'], r'^biopsy of prostate$')
nm(['cxr', 'chest x-ray'], r'chest x-ray')
nm(['dexa scan', 'bone density scan'], r'bone density scan')
nm(['tte', 'transthoracic echo'], r'trans thoracic echocardiogram')
nm(['wisdom tooth extraction'], r'extraction of wisdom tooth')
nm(['wound suturing'], r'suture open wound')
nm(['knee x-ray'], r'^knee x-ray$')
nm(['clavicle x-ray'], r'^clavicle x-ray$')
nm(['upper arm x-ray'], r'^upper arm x-ray$')
nm(['sputum examination'], r'^sputum examination')
nm(['im injection'], r'^intramuscular injection$')


def name_ok(name, r):
    if name.lower() in ('emergency', 'emergency department', 'a&e', 'ed', 'er'):
        return r['resourceType'] == 'Encounter' and r['class']['code'] == 'EMER'
    if name.lower() not in N:
        raise ValueError('validator has no entry for name ' + name)
    if r['resourceType'] not in ('Condition', 'MedicationRequest', 'Immunization', 'Procedure', 'AllergyIntolerance'):
        return False
    rx, neg = N[name.lower()]
    d = disp(r).lower()
    return bool(re.search(rx, d)) and not (neg and re.search(neg, d))


def mg_set_display(d):
    return sorted(float(x) for x in re.findall(r'(\d+(?:\.\d+)?) ?mg', d, re.I))


def mg_set_claim(s):
    m = re.fullmatch(r'([\d./]+) (mg|mcg)(/mL)?', s)
    nums = [float(x) for x in m[1].split('/')]
    if m[2] == 'mcg': nums = [x / 1000 for x in nums]
    return sorted(nums)


# ------------------------------------------------------------------ thresholds (own)
def bp_class(s, d):
    if s >= 140 or d >= 90: return 'stage2'
    if s >= 130 or d >= 80: return 'stage1'
    if s >= 120 and d < 80: return 'elevated'
    return 'normal'


TH = {'bmi': ([18.5, 25, 30], ['underweight', 'normal', 'overweight', 'obese'], 0.25),
      'a1c': ([5.7, 6.5], ['normal', 'prediabetes', 'diabetes'], 0.05),
      'egfr': ([15, 30, 45, 60, 90], ['G5', 'G4', 'G3b', 'G3a', 'G2', 'G1'], 1.0),
      'ldl': ([100, 130, 160, 190], ['optimal', 'near optimal', 'borderline high', 'high', 'very high'], 1.5),
      'tc': ([200, 240], ['desirable', 'borderline high', 'high'], 1.5),
      'tg': ([150, 200, 500], ['normal', 'borderline high', 'high', 'very high'], 2),
      'hdl': ([40, 60], ['low', 'normal', 'high'], 1.0),
      'temp': ([38.0], ['afebrile', 'fever'], 0.1)}
SCHEME_CODE = {'bmi': 'Body Mass Index', 'a1c': 'Hemoglobin A1c/Hemoglobin.total in Blood', 'egfr': 'Estimated Glomerular Filtration Rate',
               'ldl': 'Low Density Lipoprotein Cholesterol', 'tc': 'Total Cholesterol', 'tg': 'Triglycerides', 'hdl': 'High Density Lipoprotein Cholesterol',
               'temp': 'Oral temperature'}

# absence concepts (own)
ABS_COND = {'asthma': r'asthma', 'diabetes': r'(?<!pre)diabet', 'hypertension': r'hypertension', 'heart failure': r'heart failure',
            'myocardial infarction': r'myocardial infarction', 'stroke': r'stroke|cerebrovascular', 'COPD': r'obstructive|emphysema|chronic bronchitis',
            'chronic kidney disease': r'kidney|renal', 'epilepsy': r'seizure|epilep', 'cancer': r'neoplasm|carcinoma|metasta|malignan|cancer|polyp',
            'osteoporosis': r'osteoporosis', 'atrial fibrillation': r'fibrillation', 'depression': r'depress', 'hyperlipidaemia': r'lipid|triglycerid|cholesterol',
            "Alzheimer's disease": r'alzheimer|dementia', 'coronary heart disease': r'coronary|myocardial', 'osteoarthritis': r'osteoarthritis|arthrosis',
            'anaemia': r'anemia|anaemia'}
ABS_COND_MED = {'asthma': r'albuterol|fluticasone', 'diabetes': r'metformin|insulin', 'hypertension': r'hydrochlorothiazide|amlodipine|metoprolol|lisinopril',
                'heart failure': r'lasix|furosemide', 'myocardial infarction': r'nitroglycerin', 'stroke': r'alteplase', 'cancer': r'docetaxel|leuprolide|oxaliplatin|leucovorin',
                'osteoporosis': r'alendron', 'hyperlipidaemia': r'statin|simvistatin', "Alzheimer's disease": r'memantine|galantamine', 'anaemia': r'vitamin b 12'}
ABS_MED = {'anticoagulant': r'warfarin|apixaban|rivaroxaban|dabigatran|edoxaban|heparin|enoxaparin', 'statin': r'statin', 'insulin': r'insulin', 'metformin': r'metformin',
           'opioid': r'oxycodone|hydrocodone|morphine|codeine|tramadol|fentanyl', 'beta-blocker': r'olol\b', 'antiplatelet': r'clopidogrel|aspirin|prasugrel|ticagrelor',
           'thiazide diuretic': r'thiazide|chlorthalidone', 'inhaled corticosteroid': r'fluticasone|budesonide|beclomethasone', 'ACE inhibitor': r'pril\b',
           'bisphosphonate': r'dron', 'hormonal contraceptive': r'natazia|seasonique|levora|nuvaring|medroxyprogesterone|estradiol'}


ALG = {'penicillin': r'penicillin|amoxicillin', 'peanut': r'peanut', 'food': r'wheat|peanut|\bnut|shellfish|fish|egg|milk|soy|food',
       'insect': r'bee|wasp|venom|insect|sting', 'pollen': r'pollen', 'latex': r'latex'}


def obs_vals(ch, code):
    return [r['valueQuantity']['value'] for r in ch['res'] if r['resourceType'] == 'Observation' and disp(r) == code and 'valueQuantity' in r]


def age(ch, iso):
    b = datetime.date.fromisoformat(ch['pt']['birthDate']); d = datetime.date.fromisoformat(iso)
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


# ------------------------------------------------------------------ fact evaluation
class Border(Exception):
    pass


def obs_value(r, comp):
    if r['resourceType'] != 'Observation':
        return None, None
    if comp is not None:
        if 'component' not in r or comp >= len(r['component']): return None, None
        c = r['component'][comp]
        return c['valueQuantity']['value'], c['code']['coding'][0]['display']
    if 'valueQuantity' not in r: return None, None
    return r['valueQuantity']['value'], disp(r)


def ev(f, ch, cited, text):
    t = f['t']
    if t in ('val', 'date', 'code', 'strength', 'cstatus', 'mstatus', 'interp', 'latest', 'smoke'):
        rid = f['rec']
        r = ch['byid'].get(rid)
        if r is None:
            raise ValueError('fact record not in chart ' + rid)
    if t == 'val':
        comp = f.get('comp')
        if not (rid in cited or (comp is not None and f"{rid}#{comp}" in cited)):
            raise ValueError('fact record not cited')
        if comp is not None and rid not in cited and f"{rid}#{comp}" not in cited:
            return False
        v, code = obs_value(r, comp)
        if v is None: return False
        if not re.search(AN_RX[f['an']], text, re.I):
            raise ValueError('analyte ' + f['an'] + ' not named in text')
        if code != f['an']:
            return False  # the cited record measures another analyte
        u = f['unit']
        if u is not None and not re.search(SPELL[u], text):
            raise ValueError(f'unit {u} not visible in text')
        if u is None:
            convs = [ID]
        else:
            table = ALLOWED.get(code, {})
            if u not in table: return False  # a unit that does not fit this analyte
            convs = table[u]
        q = f['q']
        diffs = [abs(f['w'] - c(v)) for c in convs]
        best = min(diffs)
        if 0.45 * q < best < 0.55 * q and max(diffs) > 0.45 * q:
            raise Border(f'value {v} vs written {f["w"]} at q={q} is on a half-step')
        if not f['txt'] in text:
            raise ValueError('written value not in text')
        res = best <= 0.5 * q + 1e-9
        # a written round number without decimals ("about 170") may be read at 10x coarser precision
        if '.' not in f['txt'] and f['txt'].isdigit() and int(f['txt']) > 0:
            for k in (10, 5):
                if round(f['w'] / q) % k == 0:
                    alt = min(abs(f['w'] - c(v)) for c in convs) <= k / 2 * q + 1e-9
                    if alt != res:
                        raise Border(f'round number {f["txt"]} is true at one precision and false at another (value {v})')
        return res
    if t == 'date':
        if rid not in cited and not any(c.startswith(rid + '#') for c in cited):
            raise ValueError('date fact record not cited')
        rd = rdate(r, f.get('field', 'date'))
        if f.get('note') == 'same-day':
            cond = [ch['byid'][c] for c in cited if c in ch['byid'] and ch['byid'][c]['resourceType'] == 'Condition']
            return bool(cond) and rdate(cond[0]) == rd
        if f['txt'].lower() not in text.lower():
            raise ValueError('date text not in claim: ' + f['txt'])
        return date_matches(f['txt'], rd)
    if t == 'code':
        if rid not in cited: return False
        if f['name'].lower() not in text.lower():
            raise ValueError('name not in text ' + f['name'])
        return name_ok(f['name'], r)
    if t == 'strength':
        if rid not in cited or r['resourceType'] != 'MedicationRequest': return False
        if f['txt'] not in text: raise ValueError('strength not in text')
        return mg_set_display(disp(r)) == mg_set_claim(f['s'])
    if t == 'cstatus':
        if r['resourceType'] != 'Condition': return False
        st = r['clinicalStatus']['coding'][0]['code']
        same = [x for x in ch['res'] if x['resourceType'] == 'Condition' and disp(x) == disp(r)]
        if len(set(x['clinicalStatus']['coding'][0]['code'] for x in same)) > 1:
            raise Border('same condition has mixed statuses in chart')
        return st == f['s']
    if t == 'mstatus':
        if r['resourceType'] != 'MedicationRequest': return False
        st = 'active' if r['status'] == 'active' else 'stopped'
        if f['s'] == 'stopped':
            key = re.sub(r'simvistatin', 'simvastatin', disp(r).lower())
            others = [x for x in ch['res'] if x['resourceType'] == 'MedicationRequest' and re.sub(r'simvistatin', 'simvastatin', disp(x).lower()) == key]
            if st == 'stopped' and any(x['status'] == 'active' for x in others):
                raise Border('stopped request but same drug active elsewhere')
        if ch['pt'].get('deceasedDateTime') and re.search(r'currently|still on|remains on|continues', text, re.I):
            raise Border('"current" wording for a deceased patient')
        return st == f['s']
    if t == 'smoke':
        tob = sorted([x for x in ch['res'] if x['resourceType'] == 'Observation' and disp(x).startswith('Tobacco smoking status')], key=lambda x: x['effectiveDateTime'])
        if rid not in cited: return False
        if tob[-1]['id'] != rid: return False
        v = tob[-1]['valueCodeableConcept']['coding'][0]['display'].lower()
        if f['s'] == 'never':
            return all(x['valueCodeableConcept']['coding'][0]['display'].lower() == 'never smoker' for x in tob)
        if f['s'] == 'former':
            return v == 'former smoker'
        return 'current' in v or 'every day' in v or 'some day' in v
    if t == 'latest':
        if rid not in cited and not any(c.startswith(rid + '#') for c in cited): return False
        rt = r['resourceType']
        if rt == 'Observation':
            same = [x for x in ch['res'] if x['resourceType'] == 'Observation' and disp(x) == disp(r)]
        elif rt == 'Immunization':
            same = [x for x in ch['res'] if x['resourceType'] == 'Immunization' and disp(x) == disp(r)]
        else:
            same = [x for x in ch['res'] if x['resourceType'] == rt]
        dates = [rdate(x) for x in same]
        mx = max(dates)
        if rt == 'Encounter' and disp(same[dates.index(mx)]) == 'Death Certification':
            raise Border('latest encounter is a death certification')
        if dates.count(mx) > 1: raise Border('tie for latest')
        return rdate(r) == mx
    if t == 'trend':
        a, b = ch['byid'][f['a']], ch['byid'][f['b']]
        comp = f.get('comp')
        for x in (a, b):
            if x['id'] not in cited and f"{x['id']}#{comp}" not in cited: raise ValueError('trend record not cited')
        va, ca = obs_value(a, comp); vb, cb = obs_value(b, comp)
        if ca != cb: return False
        if rdate(a) >= rdate(b): raise ValueError('trend records out of order')
        rel = (vb - va) / va
        if abs(rel) <= 0.025: d = 'stable'
        elif rel > 0.05: d = 'up'
        elif rel < -0.05: d = 'down'
        else: raise Border(f'relative change {rel:.3f} between bands')
        return d == f['dir']
    if t == 'interp':
        if f['scheme'] == 'bp':
            s = r['component'][[c['code']['coding'][0]['display'] for c in r['component']].index('Systolic Blood Pressure')]['valueQuantity']['value']
            d = r['component'][[c['code']['coding'][0]['display'] for c in r['component']].index('Diastolic Blood Pressure')]['valueQuantity']['value']
            if age(ch, rdate(r)) < 18: raise Border('adult BP categories used for a minor')
            if min(abs(s - x) for x in (120, 130, 140)) < 1 or min(abs(d - x) for x in (80, 90)) < 1: raise Border('BP near threshold')
            return bp_class(s, d) == f['cat']
        th, cats, mg = TH[f['scheme']]
        if disp(r) != SCHEME_CODE[f['scheme']]: return False
        v = r['valueQuantity']['value']
        if f['scheme'] == 'bmi' and age(ch, rdate(r)) < 20: raise Border('adult BMI class for <20')
        if f['scheme'] == 'temp' and 37.5 <= v < 38.4: raise Border('temperature in the 37.5-38.3 zone where fever definitions differ')
        if min(abs(v - x) for x in th) < mg: raise Border('value near threshold')
        cat = cats[sum(v >= x for x in th)]
        return cat == f['cat']
    if t == 'absent':
        if ch['pt']['id'] not in cited: raise ValueError('absence claim must cite the patient')
        conds = [disp(x).lower() for x in ch['res'] if x['resourceType'] == 'Condition']
        meds = [disp(x).lower() for x in ch['res'] if x['resourceType'] == 'MedicationRequest']
        if f['what'] == 'allergy':
            alls = [disp(x).lower() for x in ch['res'] if x['resourceType'] == 'AllergyIntolerance']
            if f['concept'] == 'any':
                return not alls
            return not any(re.search(ALG[f['concept']], a) for a in alls)
        if f['what'] == 'med':
            hits = [m for m in meds if re.search(ABS_MED[f['concept']], m)]
            if not hits: return True
            act = [x for x in ch['res'] if x['resourceType'] == 'MedicationRequest' and re.search(ABS_MED[f['concept']], disp(x).lower()) and x['status'] == 'active']
            if not act: raise Border('drug class only in stopped prescriptions: "not on" is ambiguous')
            return False
        k = f['concept']
        hit = any(re.search(ABS_COND[k], c) for c in conds)
        if hit: return False
        mrx = ABS_COND_MED.get(k)
        if mrx and any(re.search(mrx, m) for m in meds): raise Border('related drug present without the diagnosis')
        bps = [x for x in ch['res'] if x['resourceType'] == 'Observation' and disp(x) == 'Blood Pressure' and age(ch, rdate(x)) >= 18]
        if k == 'hypertension' and any(max(c['valueQuantity']['value'] for c in x['component']) >= 140 or min(c['valueQuantity']['value'] for c in x['component']) >= 90 for x in bps):
            raise Border('BP readings in hypertensive range')
        if k == 'diabetes' and (any(v >= 6.5 for v in obs_vals(ch, 'Hemoglobin A1c/Hemoglobin.total in Blood')) or any('prediabet' in c for c in conds)):
            raise Border('A1c >= 6.5 or prediabetes')
        if k == 'chronic kidney disease' and any(v < 60 for v in obs_vals(ch, 'Estimated Glomerular Filtration Rate')):
            raise Border('eGFR < 60 present')
        if k == 'hyperlipidaemia' and (any(v >= 160 for v in obs_vals(ch, 'Low Density Lipoprotein Cholesterol')) or any(v >= 240 for v in obs_vals(ch, 'Total Cholesterol'))):
            raise Border('lipids high')
        if k == 'anaemia' and any(v < 12.0 for v in obs_vals(ch, 'Hemoglobin [Mass/volume] in Blood')):
            raise Border('Hb low')
        return True
    raise ValueError('unknown fact type ' + t)


def main():
    cp = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'claims.jsonl')
    fp = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, 'claims.facts.jsonl')
    claims = [json.loads(l) for l in open(cp)]
    facts = [json.loads(l) for l in open(fp)]
    errs = []
    if len(claims) != len(facts): errs.append('claims/facts length mismatch')
    cnt = collections.Counter()
    texts = collections.Counter(c['text'] for c in claims)
    for t, n in texts.items():
        if n > 1: errs.append(f'duplicate text: {t}')
    falsecount = collections.Counter()
    for i, (c, fx) in enumerate(zip(claims, facts)):
        tag = f'line {i + 1}'
        if set(c) != {'patient', 'text', 'citations', 'label', 'category', 'why'}: errs.append(f'{tag}: bad keys {sorted(c)}'); continue
        if fx['text'] != c['text']: errs.append(f'{tag}: facts line does not match'); continue
        if c['label'] not in ('correct', 'wrong') or c['category'] not in CATS: errs.append(f'{tag}: bad label/category'); continue
        ch = CH.get(c['patient'])
        if not ch: errs.append(f'{tag}: unknown patient'); continue
        cited = set()
        ok = True
        for ct in c['citations']:
            if set(ct) != {'kind', 'record', 'id'} or ct['kind'] != 'record' or ct['record'] not in KINDS:
                errs.append(f'{tag}: malformed citation {ct}'); ok = False; continue
            rid, _, comp = ct['id'].partition('#')
            if ct['record'] == 'patient':
                if rid != c['patient']: errs.append(f'{tag}: patient citation id mismatch'); ok = False
            else:
                r = ch['byid'].get(rid)
                if not r or r['resourceType'] != KINDS[ct['record']]:
                    errs.append(f'{tag}: citation {ct} not a {KINDS[ct["record"]]} in this chart'); ok = False; continue
                if comp and (not comp.isdigit() or 'component' not in r or int(comp) >= len(r['component'])):
                    errs.append(f'{tag}: bad component {ct["id"]}'); ok = False
            cited.add(ct['id'])
        if not ok: continue
        if not fx['facts']: errs.append(f'{tag}: no facts'); continue
        try:
            vals = []
            for f in fx['facts']:
                v = ev(f, ch, cited, c['text'])
                vals.append(v)
                if 'src' in f:  # wrong-citation: the fact must be true of its real source record
                    src, _, sc = f['src'].partition('#')
                    g = dict(f, rec=src)
                    if sc: g['comp'] = int(sc)
                    if not ev(g, ch, cited | {src, f['src']}, c['text']):
                        errs.append(f'{tag}: wrong-citation fact is not true of its source record')
            truth = 'correct' if all(vals) else 'wrong'
            if truth != c['label']:
                errs.append(f"{tag}: LABEL MISMATCH (computed {truth}) :: {c['text']} :: {[(f['t'], v) for f, v in zip(fx['facts'], vals)]}")
            falsecount[sum(1 for v in vals if not v)] += 1
        except Border as e:
            errs.append(f'{tag}: borderline ({e}) :: {c["text"]}')
        except Exception as e:
            errs.append(f'{tag}: check error {type(e).__name__}: {e} :: {c["text"]}')
        cnt[(c['category'], c['label'])] += 1
    for cat in CATS:
        for lb in ('correct', 'wrong'):
            if cnt[(cat, lb)] != 27: errs.append(f'count {cat}/{lb} = {cnt[(cat, lb)]}, want 27')
    pats = set(c['patient'] for c in claims)
    if pats != set(CH): errs.append(f'patients covered {len(pats)}/{len(CH)}')
    print(f'claims: {len(claims)}  patients: {len(pats)}/{len(CH)}')
    print('per category x label:')
    for cat in CATS:
        print(f'  {cat:16s} correct={cnt[(cat, "correct")]:3d} wrong={cnt[(cat, "wrong")]:3d}')
    print('false facts per claim (0 = correct claims):', dict(sorted(falsecount.items())))
    if errs:
        print(f'FAIL: {len(errs)} problems')
        for e in errs: print('  ' + e)
        sys.exit(1)
    print('PASS: every label re-derived from the cited records matches')


if __name__ == '__main__':
    main()
