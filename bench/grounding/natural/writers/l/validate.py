#!/usr/bin/env python3
"""Independent validator for claim set L.
Re-reads the raw Synthea bundles, re-evaluates every asserted fact (checks.jsonl) against the CITED records only
(whole chart for patient-level citations), recomputes each label and compares it with claims.jsonl.
It shares no code or tables with the generator. Prints every problem and a summary; exit code 0 iff 0 problems."""
import json, glob, os, re, sys, math, datetime as dt
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = '/work/shared/data/synthea'
CATS = ['dates', 'abbreviations', 'drug-names', 'units', 'rounding', 'trends', 'two-facts', 'negation', 'status', 'latest',
        'swapped', 'wrong-citation', 'interpretation']
WRONG_ONLY = {'swapped', 'wrong-citation'}
PER = 27
KIND2TYPE = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter',
             'procedure': 'Procedure', 'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation',
             'patient': 'Patient'}

# ------------------------------------------------------------------ raw data
CH = {}
for f in glob.glob(DATA + '/*.json'):
    b = json.load(open(f))
    res = {}
    pat = None
    for e in b['entry']:
        r = e['resource']
        res[r['id']] = r
        if r['resourceType'] == 'Patient':
            pat = r
    CH[pat['id']] = dict(pat=pat, res=res)

def rdate(r):
    t = r['resourceType']
    s = {'Observation': lambda: r.get('effectiveDateTime'), 'Condition': lambda: r.get('onsetDateTime'),
         'MedicationRequest': lambda: r.get('authoredOn'), 'Immunization': lambda: r.get('occurrenceDateTime'),
         'Encounter': lambda: r['period']['start'], 'DiagnosticReport': lambda: r.get('effectiveDateTime'),
         'Procedure': lambda: (r.get('performedPeriod') or {}).get('start') or r.get('performedDateTime'),
         'AllergyIntolerance': lambda: r.get('recordedDate')}[t]()
    return dt.date(int(s[:4]), int(s[5:7]), int(s[8:10])), s

def rdisplay(r):
    t = r['resourceType']
    if t == 'MedicationRequest':
        return r['medicationCodeableConcept']['coding'][0]['display']
    if t == 'Immunization':
        return r['vaccineCode']['coding'][0]['display']
    if t == 'Encounter':
        return r['type'][0]['coding'][0]['display']
    if 'code' in r:
        return r['code']['coding'][0]['display']
    return ''

# ------------------------------------------------------------------ vocabularies (written independently of the generator)
ANALYTE = {  # written (lower) -> LOINC codes
    'sbp': {'8480-6'}, 'systolic bp': {'8480-6'}, 'systolic': {'8480-6'}, 'systolic blood pressure': {'8480-6'},
    'dbp': {'8462-4'}, 'diastolic bp': {'8462-4'}, 'diastolic': {'8462-4'}, 'diastolic blood pressure': {'8462-4'},
    'bmi': {'39156-5'}, 'body mass index': {'39156-5'},
    'wt': {'29463-7'}, 'weight': {'29463-7'}, 'body weight': {'29463-7'},
    'ht': {'8302-2'}, 'height': {'8302-2'}, 'body height': {'8302-2'},
    'ldl': {'18262-6'}, 'ldl-c': {'18262-6'}, 'ldl cholesterol': {'18262-6'}, 'low-density lipoprotein cholesterol': {'18262-6'},
    'hdl': {'2085-9'}, 'hdl-c': {'2085-9'}, 'hdl cholesterol': {'2085-9'}, 'high-density lipoprotein cholesterol': {'2085-9'},
    'tg': {'2571-8'}, 'tgs': {'2571-8'}, 'trigs': {'2571-8'}, 'triglycerides': {'2571-8'},
    'tc': {'2093-3'}, 'total chol': {'2093-3'}, 'total cholesterol': {'2093-3'},
    'hba1c': {'4548-4'}, 'a1c': {'4548-4'}, 'haemoglobin a1c': {'4548-4'}, 'hemoglobin a1c': {'4548-4'}, 'glycated haemoglobin': {'4548-4'},
    'egfr': {'33914-3'}, 'estimated gfr': {'33914-3'}, 'estimated glomerular filtration rate': {'33914-3'},
    'hb': {'718-7'}, 'hgb': {'718-7'}, 'haemoglobin': {'718-7'}, 'hemoglobin': {'718-7'},
    'wbc': {'6690-2'}, 'white cell count': {'6690-2'}, 'white blood cell count': {'6690-2'}, 'leukocyte count': {'6690-2'},
    'plt': {'777-3'}, 'plts': {'777-3'}, 'platelets': {'777-3'}, 'platelet count': {'777-3'},
    'cr': {'38483-4'}, 'creat': {'38483-4'}, 'creatinine': {'38483-4'}, 'serum creatinine': {'38483-4'},
    'k': {'6298-4'}, 'k+': {'6298-4'}, 'potassium': {'6298-4'},
    'na': {'2947-0'}, 'na+': {'2947-0'}, 'sodium': {'2947-0'},
    'glu': {'2339-0'}, 'glucose': {'2339-0'}, 'blood glucose': {'2339-0'},
    'bun': {'6299-2'}, 'urea nitrogen': {'6299-2'}, 'blood urea nitrogen': {'6299-2'},
    'ca': {'49765-1'}, 'calcium': {'49765-1'}, 'cl': {'2069-3'}, 'chloride': {'2069-3'},
    'hct': {'4544-3'}, 'haematocrit': {'4544-3'}, 'hematocrit': {'4544-3'},
    'mcv': {'787-2'}, 'mean cell volume': {'787-2'},
    't': {'8331-1'}, 'temp': {'8331-1'}, 'temperature': {'8331-1'}, 'oral temperature': {'8331-1'},
    'bp': {'55284-4'},
}
# unit compatibility: (record unit) -> {written unit (lower, normalised): (mult, add)} ; value_written = rec*mult + add
def U(**k):
    return k
SAME = lambda *names: {n: (1.0, 0.0) for n in names}
UNITS_BY_LOINC = {
    '8480-6': SAME('mmhg', 'mm hg', 'mm[hg]'), '8462-4': SAME('mmhg', 'mm hg', 'mm[hg]'),
    '39156-5': SAME('kg/m2', 'kg/m²', 'kg/m^2'),
    '29463-7': {**SAME('kg', 'kgs'), 'lb': (2.2046, 0), 'lbs': (2.2046, 0), 'pounds': (2.2046, 0)},
    '8302-2': {**SAME('cm'), 'in': (1 / 2.54, 0), 'inches': (1 / 2.54, 0), 'm': (0.01, 0)},
    '18262-6': {**SAME('mg/dl'), 'mmol/l': (1 / 38.67, 0)}, '2085-9': {**SAME('mg/dl'), 'mmol/l': (1 / 38.67, 0)},
    '2093-3': {**SAME('mg/dl'), 'mmol/l': (1 / 38.67, 0)}, '2571-8': {**SAME('mg/dl'), 'mmol/l': (1 / 88.57, 0)},
    '4548-4': SAME('%'),
    '33914-3': SAME('ml/min/1.73m2', 'ml/min/1.73 m²', 'ml/min/1.73m^2', 'ml/min/{1.73_m2}'),
    '718-7': {**SAME('g/dl'), 'g/l': (10.0, 0)},
    '6690-2': SAME('x10^3/ul', '10*3/ul', 'k/ul', '×10³/µl'), '777-3': SAME('x10^3/ul', '10*3/ul', 'k/ul'),
    '38483-4': {**SAME('mg/dl'), 'µmol/l': (88.4, 0), 'umol/l': (88.4, 0), 'micromol/l': (88.4, 0)},
    '6298-4': SAME('mmol/l', 'meq/l'), '2947-0': SAME('mmol/l', 'meq/l'), '2069-3': SAME('mmol/l', 'meq/l'),
    '2339-0': {**SAME('mg/dl'), 'mmol/l': (1 / 18.0, 0)}, '6299-2': SAME('mg/dl'), '49765-1': SAME('mg/dl'),
    '4544-3': SAME('%'), '787-2': SAME('fl'),
    '8331-1': {**SAME('°c', 'c', 'deg c', 'degrees celsius'), '°f': (1.8, 32.0), 'f': (1.8, 32.0), 'degrees fahrenheit': (1.8, 32.0)},
}
CONCEPT = {  # written (lower) -> any of these lower-case display substrings
    'htn': ['hypertension'], 'hypertension': ['hypertension'], 'essential hypertension': ['hypertension'],
    'diabetes': ['diabetes'], 'dm': ['diabetes'], 'diabetes mellitus': ['diabetes'], 'prediabetes': ['prediabetes'], 'pre-diabetes': ['prediabetes'],
    'anaemia': ['anemia'], 'anemia': ['anemia'], 'stroke': ['stroke'], 'cva': ['stroke'],
    'mi': ['myocardial infarction'], 'hx mi': ['myocardial infarction'], 'myocardial infarction': ['myocardial infarction'], 'heart attack': ['myocardial infarction'],
    'chd': ['coronary heart disease'], 'cad': ['coronary heart disease'], 'coronary heart disease': ['coronary heart disease'], 'coronary artery disease': ['coronary heart disease'],
    'chf': ['congestive heart failure'], 'chronic congestive heart failure': ['congestive heart failure'], 'congestive cardiac failure': ['congestive heart failure'],
    "alzheimer's disease": ['alzheimer'], "alzheimer's": ['alzheimer'], 'obesity': ['obesity'],
    'chronic sinusitis': ['chronic sinusitis'], 'viral sinusitis': ['viral sinusitis'], 'sinusitis': ['sinusitis'], 'acute bronchitis': ['acute bronchitis'],
    'strep throat': ['streptococcal sore throat'], 'streptococcal pharyngitis': ['streptococcal sore throat'], 'streptococcal sore throat': ['streptococcal sore throat'],
    'viral pharyngitis': ['viral pharyngitis'], 'acute viral pharyngitis': ['acute viral pharyngitis'],
    'otitis media': ['otitis media'], 'om': ['otitis media'], 'aom': ['otitis media'], 'ankle sprain': ['sprain of ankle'], 'sprained ankle': ['sprain of ankle'],
    'wrist sprain': ['sprain of wrist'], 'asthma': ['asthma'], 'childhood asthma': ['childhood asthma'], 'atopic dermatitis': ['atopic dermatitis'],
    'eczema': ['atopic dermatitis'], 'seasonal allergic rhinitis': ['seasonal allergic rhinitis'], 'hay fever': ['seasonal allergic rhinitis'],
    'osteoporosis': ['osteoporosis'], 'hip oa': ['osteoarthritis of hip'], 'osteoarthritis of the hip': ['osteoarthritis of hip'],
    'hand oa': ['osteoarthritis of the hand'], 'osteoarthritis of the hand': ['osteoarthritis of the hand'],
    'hyperlipidaemia': ['hyperlipidemia'], 'hyperlipidemia': ['hyperlipidemia'], 'hld': ['hyperlipidemia'],
    'epilepsy': ['epilepsy'], 'seizure disorder': ['seizure disorder'], 'hypertriglyceridaemia': ['hypertriglyceridemia'],
    'hypertriglyceridemia': ['hypertriglyceridemia'], 'metabolic syndrome': ['metabolic syndrome'], 'hyperglycaemia': ['hyperglycemia'],
    'hyperglycemia': ['hyperglycemia'], 'ckd stage 1': ['chronic kidney disease stage 1'], 'ckd g1': ['chronic kidney disease stage 1'],
    'ckd 1': ['chronic kidney disease stage 1'], 'diabetic nephropathy': ['diabetic renal disease'], 'diabetic kidney disease': ['diabetic renal disease'],
    'prostate neoplasm': ['neoplasm of prostate'], 'neoplasm of the prostate': ['neoplasm of prostate'],
    'prostate carcinoma in situ': ['carcinoma in situ of prostate'], 'carcinoma in situ of the prostate': ['carcinoma in situ of prostate'],
    'metastatic prostate cancer': ['metastasis from malignant tumor of prostate'], 'metastatic prostate carcinoma': ['metastasis from malignant tumor of prostate'],
    'appendicitis': ['appendicitis'], 'appendicectomy': ['appendectomy'], 'appendectomy': ['appendectomy'], 'colonic polyp': ['polyp of colon'],
    'colon polyp': ['polyp of colon'], 'recurrent rectal polyp': ['recurrent rectal polyp'], 'clavicle fracture': ['fracture of clavicle'],
    'fractured clavicle': ['fracture of clavicle'], 'forearm fracture': ['fracture of forearm'], 'concussion without loc': ['concussion with no loss of consciousness'],
    'concussion (no loc)': ['concussion with no loss of consciousness'], 'first-trimester miscarriage': ['miscarriage in first trimester'],
    'first trimester miscarriage': ['miscarriage in first trimester'], 'hand laceration': ['laceration of hand'], 'whiplash': ['whiplash'],
    'mcl injury of the knee': ['medial collateral ligament of knee'], 'knee mcl injury': ['medial collateral ligament of knee'],
    'impacted molars': ['impacted molars'], 'diabetic neuropathy (t2dm)': ['neuropathy due to type 2 diabetes'], 't2dm neuropathy': ['neuropathy due to type 2 diabetes'],
    'diabetic retinopathy': ['diabetic retinopathy'],
    # vaccines
    'flu shot': ['influenza'], 'influenza vaccine': ['influenza'], 'seasonal flu vaccine': ['influenza'], 'td booster': ['td (adult)'],
    'tetanus-diphtheria (td) vaccine': ['td (adult)'], 'tdap': ['tdap'], 'shingles vaccine': ['zoster'], 'zoster vaccine': ['zoster'],
    'pcv13': ['pcv 13'], 'prevnar 13': ['pcv 13'], 'ppsv23': ['polysaccharide vaccine, 23'], 'pneumovax 23': ['polysaccharide vaccine, 23'],
    'mmr': ['mmr'], 'hpv vaccine': ['hpv'], 'gardasil': ['hpv, quadrivalent'], 'menacwy': ['meningococcal mcv4'], 'meningococcal conjugate vaccine': ['meningococcal mcv4'],
    'varicella vaccine': ['varicella'], 'chickenpox vaccine': ['varicella'], 'dtap': ['dtap'], 'ipv': ['ipv'], 'polio vaccine': ['ipv'],
    'hepatitis a vaccine': ['hep a'], 'hepatitis b vaccine': ['hep b'], 'hep b vaccine': ['hep b'], 'hep a vaccine': ['hep a'],
    'hib vaccine': ['hib'], 'rotavirus vaccine': ['rotavirus'],
    # encounters
    'check-up': ['check up', 'check-up'], 'routine check-up': ['check up', 'check-up'], 'wellness check-up': ['check up', 'check-up'],
    'symptom visit': ['encounter for symptom'], 'visit for symptoms': ['encounter for symptom'], 'problem-focused visit': ['encounter for problem'],
    'ed attendance': ['emergency'], 'er visit': ['emergency'], 'emergency room admission': ['emergency room admission'], 'er admission': ['emergency room admission'],
    'emergency encounter': ['emergency encounter'], 'emergency visit': ['emergency'], 'outpatient procedure visit': ['outpatient procedure'],
    'asthma follow-up': ['asthma follow-up'], 'asthma review': ['asthma follow-up'], 'inpatient admission': ['inpatient'], 'hospital admission': ['inpatient'],
    'follow-up visit': ['follow-up'], 'treatment consultation': ['consultation for treatment'], 'initial prenatal visit': ['prenatal initial'],
    'booking antenatal visit': ['prenatal initial'], 'office visit': ['office visit'], 'initial allergy assessment': ['allergic disorder initial assessment'],
    'non-urgent orthopaedic admission': ['non-urgent orthopedic admission'], 'non-urgent orthopedic admission': ['non-urgent orthopedic admission'],
    'patient encounter': ['patient encounter'], 'death certification': ['death certification'],
    # procedures
    'colonoscopy': ['colonoscopy'], 'tte': ['echocardiogram'], 'transthoracic echo': ['trans thoracic echo'], 'upper arm x-ray': ['upper arm x-ray'],
    'bone immobilisation': ['bone immobilization'], 'bone immobilization': ['bone immobilization'], 'cxr': ['chest x-ray'], 'chest x-ray': ['chest x-ray'],
    'knee x-ray': ['knee x-ray'], 'manipulation of the knee joint': ['manipulation of joint of knee'], 'clavicle x-ray': ['clavicle x-ray'],
    'dexa scan': ['bone density scan'], 'bone density scan': ['bone density scan'], 'throat culture': ['throat culture'], 'throat swab culture': ['throat culture'],
    'sputum examination': ['sputum examination'], 'wisdom tooth extraction': ['extraction of wisdom tooth'], 'prostate biopsy': ['biopsy of prostate'],
    'dre': ['digital examination of rectum'], 'digital rectal exam': ['digital examination of rectum'], 'wound suturing': ['suture open wound'],
    'im injection': ['intramuscular injection'],
    'ra': ['rheumatoid arthritis'], 'uri': ['upper respiratory'], 'uti': ['urinary tract infection'], 'tia': ['transient ischemic', 'transient ischaemic'],
    'copd': ['chronic obstructive'],
}
CONCEPT_TYPES = {'Condition', 'Immunization', 'Encounter', 'Procedure'}
DRUG = {  # written (lower) -> list of alternatives, each a list of substrings all required in the MedicationRequest display
    'penicillin v potassium': [['penicillin v']], 'naproxen sodium': [['naproxen']], 'naproxen': [['naproxen']], 'aleve': [['naproxen']],
    'amoxicillin': [['amoxicillin']], 'amoxil': [['amoxicillin']], 'acetaminophen': [['acetaminophen']], 'tylenol': [['acetaminophen']],
    'cefuroxime': [['cefuroxime']], 'ceftin': [['cefuroxime']], 'vitamin b12': [['vitamin b 12'], ['vitamin b12']], 'docetaxel': [['docetaxel']],
    'taxotere': [['docetaxel']], 'leuprolide acetate': [['leuprolide']], 'lupron': [['leuprolide']],
    'amoxicillin-clavulanate': [['amoxicillin', 'clavulanate']], 'augmentin': [['amoxicillin', 'clavulanate']],
    'nitroglycerin spray': [['nitroglycerin', 'spray']], 'nitrolingual': [['nitroglycerin', 'spray']], 'simvastatin': [['simvastatin'], ['simvistatin']],
    'zocor': [['simvastatin'], ['simvistatin']], 'amlodipine': [['amlodipine']], 'norvasc': [['amlodipine']], 'clopidogrel': [['clopidogrel']],
    'plavix': [['clopidogrel']], 'galantamine': [['galantamine']], 'razadyne': [['galantamine']], 'memantine': [['memantine']], 'namenda': [['memantine']],
    'metoprolol succinate er': [['metoprolol succinate', 'extended release']], 'toprol xl': [['metoprolol succinate', 'extended release']],
    'furosemide': [['furosemide'], ['lasix']], 'lasix': [['furosemide'], ['lasix']], 'alteplase': [['alteplase']], 'activase': [['alteplase']],
    'natazia': [['natazia']], 'ibuprofen': [['ibuprofen']], 'motrin': [['ibuprofen']], 'advil': [['ibuprofen']],
    'oxycodone/acetaminophen': [['oxycodone', 'acetaminophen']], 'percocet': [['oxycodone', 'acetaminophen']],
    'hydrochlorothiazide': [['hydrochlorothiazide']], 'microzide': [['hydrochlorothiazide']], 'metformin er': [['metformin', 'extended release']],
    'glucophage xr': [['metformin', 'extended release']], 'acetaminophen/dextromethorphan/doxylamine': [['acetaminophen', 'dextromethorphan', 'doxylamine']],
    'insulin isophane/regular 70/30': [['isophane 70', 'regular insulin']], 'humulin 70/30': [['isophane 70', 'regular insulin']],
    'leucovorin': [['leucovorin']], 'oxaliplatin': [['oxaliplatin']], 'eloxatin': [['oxaliplatin']],
    'hydrocodone/acetaminophen': [['hydrocodone', 'acetaminophen']], 'norco': [['hydrocodone', 'acetaminophen']], 'vicodin': [['hydrocodone', 'acetaminophen']],
    'fexofenadine': [['fexofenadine']], 'allegra': [['fexofenadine']], 'epinephrine auto-injector': [['epinephrine', 'auto-injector']],
    'epipen': [['epinephrine', 'auto-injector']], 'fluticasone propionate inhaler': [['fluticasone', 'inhaler']], 'flovent hfa': [['fluticasone', 'inhaler']],
    'albuterol inhaler': [['albuterol', 'inhaler']], 'proair hfa': [['albuterol', 'inhaler']],
    'etonogestrel/ethinyl estradiol vaginal ring': [['nuvaring']], 'nuvaring': [['nuvaring']], 'medroxyprogesterone acetate': [['medroxyprogesterone']],
    'depo-provera': [['medroxyprogesterone']], 'seasonique': [['seasonique']], 'levora': [['levora']], 'diphenhydramine': [['diphenhydramine']],
    'benadryl': [['diphenhydramine']], 'alendronate': [['alendronic'], ['alendronate']], 'fosamax': [['alendronic'], ['alendronate']],
    # other drugs (never in these charts under these names)
    'lipitor': [['atorvastatin']], 'crestor': [['rosuvastatin']], 'pravachol': [['pravastatin']], 'procardia': [['nifedipine']], 'cardizem': [['diltiazem']],
    'eliquis': [['apixaban']], 'brilinta': [['ticagrelor']], 'tenormin': [['atenolol']], 'coreg': [['carvedilol']], 'bumex': [['bumetanide']],
    'demadex': [['torsemide']], 'zestril': [['lisinopril']], 'januvia': [['sitagliptin']], 'glucotrol': [['glipizide']], 'actonel': [['risedronate']],
    'boniva': [['ibandronate']], 'celebrex': [['celecoxib']], 'keflex': [['cephalexin']], 'zithromax': [['azithromycin']], 'zyrtec': [['cetirizine']],
    'claritin': [['loratadine']], 'pulmicort': [['budesonide']], 'qvar': [['beclomethasone']], 'atrovent': [['ipratropium']], 'xopenex': [['levalbuterol']],
    'aricept': [['donepezil']], 'omnicef': [['cefdinir']], 'taxol': [['paclitaxel']], 'zoladex': [['goserelin']], 'nexplanon': [['etonogestrel implant']],
    'isordil': [['isosorbide']], 'lovenox': [['enoxaparin']], 'paraplatin': [['carboplatin']],
    'atorvastatin': [['atorvastatin']], 'nifedipine': [['nifedipine']], 'prasugrel': [['prasugrel']], 'atenolol': [['atenolol']], 'bumetanide': [['bumetanide']],
    'chlorthalidone': [['chlorthalidone']], 'glipizide': [['glipizide']], 'risedronate': [['risedronate']], 'cephalexin': [['cephalexin']],
    'azithromycin': [['azithromycin']], 'cetirizine': [['cetirizine']], 'donepezil': [['donepezil']], 'hydroxyzine': [['hydroxyzine']],
    'ipratropium inhaler': [['ipratropium']], 'budesonide inhaler': [['budesonide']], 'paclitaxel': [['paclitaxel']], 'goserelin': [['goserelin']],
    'carboplatin': [['carboplatin']], 'isosorbide mononitrate': [['isosorbide']],
}
NEG_TERMS = {  # negated concept -> substrings that would contradict it
    'asthma': ['asthma'], 'copd': ['copd', 'chronic obstructive'], 'heart failure': ['heart failure'], 'diabetes': ['diabetes', 'diabetic'],
    'hypertension': ['hypertension'], 'myocardial infarction': ['myocardial infarction'], 'stroke': ['stroke', 'cerebrovascular'],
    'chronic kidney disease': ['chronic kidney disease', 'renal disease'], 'epilepsy': ['epilep', 'seizure'],
    'cancer': ['carcinoma', 'malignant', 'neoplasm', 'cancer', 'metasta', 'tumor', 'polyp'], 'osteoporosis': ['osteoporosis'],
    'atrial fibrillation': ['atrial fibrillation'], 'depression': ['depressi'], 'hypothyroidism': ['hypothyroid'], 'osteoarthritis': ['osteoarthritis'],
    'anaemia': ['anemia', 'anaemia'], 'hyperlipidaemia': ['hyperlipid'], 'appendicitis': ['appendicitis', 'appendectomy'], 'obesity': ['obesity'],
    "alzheimer's disease": ['alzheimer'],
}
NEG_MED_TERMS = {
    'anticoagulant': ['warfarin', 'apixaban', 'rivaroxaban', 'dabigatran', 'heparin', 'enoxaparin', 'edoxaban', 'fondaparinux'],
    'statin': ['simvastatin', 'simvistatin', 'atorvastatin', 'rosuvastatin', 'pravastatin', 'lovastatin', 'fluvastatin', 'pitavastatin'],
    'insulin': ['insulin'], 'metformin': ['metformin'],
    'opioid': ['oxycodone', 'hydrocodone', 'morphine', 'codeine', 'tramadol', 'fentanyl', 'hydromorphone', 'methadone'],
    'beta-blocker': ['metoprolol', 'atenolol', 'propranolol', 'carvedilol', 'bisoprolol', 'nebivolol', 'labetalol'],
    'antiplatelet': ['clopidogrel', 'aspirin', 'ticagrelor', 'prasugrel'],
    'diuretic': ['furosemide', 'lasix', 'hydrochlorothiazide', 'chlorthalidone', 'bumetanide', 'torsemide', 'spironolactone'],
    'inhaled steroid': ['fluticasone', 'budesonide', 'beclomethasone', 'mometasone', 'ciclesonide'],
    'antihistamine': ['fexofenadine', 'diphenhydramine', 'cetirizine', 'loratadine', 'hydroxyzine', 'chlorpheniramine', 'doxylamine'],
}
SMOKE = {'never smoker': 'never smoker', 'lifelong non-smoker': 'never smoker', 'former smoker': 'former smoker', 'ex-smoker': 'former smoker',
         'current smoker': 'current every day smoker'}
VERB = {'rose': 'up', 'increased': 'up', 'went up': 'up', 'climbed': 'up', 'trended up': 'up',
        'fell': 'down', 'decreased': 'down', 'dropped': 'down', 'declined': 'down', 'came down': 'down', 'trended down': 'down',
        'stable': 'stable', 'unchanged': 'stable', 'essentially unchanged': 'stable', 'flat': 'stable'}
APPROX_WORDS = ['about', '~', 'approximately', 'approx.', 'roughly', 'around', 'c.']

# interpretation bands: loinc -> {phrase: (lo, hi)} value in [lo, hi)
INTERP = {
    '39156-5': {'underweight': (0, 18.5), 'normal weight': (18.5, 25), 'healthy weight': (18.5, 25), 'in the normal range': (18.5, 25),
                'overweight': (25, 30), 'obese': (30, 1e9), 'in the obese range': (30, 1e9), 'obesity range': (30, 1e9)},
    '4548-4': {'normal': (0, 5.7), 'in the normal range': (0, 5.7), 'non-diabetic': (0, 6.5), 'prediabetic range': (5.7, 6.5), 'in the prediabetes range': (5.7, 6.5),
               'diabetic range': (6.5, 1e9), 'in the diabetes range': (6.5, 1e9)},
    '33914-3': {'g1 (normal or high)': (90, 1e9), 'kdigo g1': (90, 1e9), 'g2 (mildly decreased)': (60, 90), 'kdigo g2': (60, 90),
                'g3a': (45, 60), 'g3b': (30, 45), 'g4': (15, 30)},
    '18262-6': {'optimal': (0, 100), 'near optimal': (100, 130), 'borderline high': (130, 160), 'high': (160, 190), 'very high': (190, 1e9)},
    '2093-3': {'desirable': (0, 200), 'borderline high': (200, 240), 'high': (240, 1e9)},
    '2571-8': {'normal': (0, 150), 'borderline high': (150, 200), 'high': (200, 500)},
}
CUTS = {'39156-5': [18.5, 25, 30], '4548-4': [5.7, 6.5], '33914-3': [15, 30, 45, 60, 90], '18262-6': [100, 130, 160, 190],
        '2093-3': [200, 240], '2571-8': [150, 200, 500]}

def bp_category(s, d):  # ACC/AHA 2017
    if s >= 140 or d >= 90: return 'stage 2 hypertension'
    if s >= 130 or d >= 80: return 'stage 1 hypertension'
    if s >= 120: return 'elevated'
    return 'normal'

# ------------------------------------------------------------------ date parsing (own parser)
MONTHS = {m.lower(): i + 1 for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                                                   'October', 'November', 'December'])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})

def parse_date(w):
    """-> (lo, hi) inclusive date range, or raises ValueError('ambiguous ...')"""
    s = w.strip().lower().rstrip('.')
    m = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', s)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3])); return d, d
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{4})', s)
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12 and b <= 12: d = dt.date(y, b, a)
        elif b > 12 and a <= 12: d = dt.date(y, a, b)
        elif a == b: d = dt.date(y, a, b)
        else: raise ValueError('ambiguous slash date ' + w)
        return d, d
    m = re.fullmatch(r'(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+) (\d{4})', s)
    if m and m[2] in MONTHS:
        d = dt.date(int(m[3]), MONTHS[m[2]], int(m[1])); return d, d
    m = re.fullmatch(r'([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})', s)
    if m and m[1] in MONTHS:
        d = dt.date(int(m[3]), MONTHS[m[1]], int(m[2])); return d, d
    m = re.fullmatch(r'([a-z]+) (\d{4})', s)
    if m and m[1] in MONTHS:
        y, mo = int(m[2]), MONTHS[m[1]]
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
    m = re.fullmatch(r'(\d{4})', s)
    if m:
        y = int(m[1]); return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = re.fullmatch(r'(early|mid-|mid|late) ?(\d{4})', s)
    if m:
        y = int(m[2])
        if m[1] == 'early': return dt.date(y, 1, 1), dt.date(y, 4, 30)
        if m[1].startswith('mid'): return dt.date(y, 5, 1), dt.date(y, 8, 31)
        return dt.date(y, 9, 1), dt.date(y, 12, 31)
    raise ValueError('unparsed date ' + w)

# ------------------------------------------------------------------ evaluation
class Amb(Exception):
    pass

def decimals(v):
    return len(v.split('.')[1]) if '.' in v else 0

def get_value(ch, ref, written):
    """value + loinc for a ref ('id' or 'id#i'); for panels picks the component the written analyte names"""
    rid, _, idx = ref.partition('#')
    r = ch['res'][rid]
    want = ANALYTE.get(written.lower())
    if want is None:
        raise Amb('unknown analyte word ' + written)
    if idx:
        c = r['component'][int(idx)]
        return c['valueQuantity']['value'], c['code']['coding'][0]['code'], c['valueQuantity']['unit'], r
    if 'component' in r:
        for c in r['component']:
            if c['code']['coding'][0]['code'] in want:
                return c['valueQuantity']['value'], c['code']['coding'][0]['code'], c['valueQuantity']['unit'], r
        return None, r['code']['coding'][0]['code'], None, r
    if r['resourceType'] != 'Observation' or 'valueQuantity' not in r:
        return None, (r.get('code', {}).get('coding') or [{}])[0].get('code'), None, r
    return r['valueQuantity']['value'], r['code']['coding'][0]['code'], r['valueQuantity']['unit'], r

def compare(x, v, step):
    d = abs(x - v)
    if 0.4 * step - 1e-9 <= d <= 0.6 * step + 1e-9:
        raise Amb(f'value {x:.4f} vs written {v} at step {step}: too close to rounding boundary')
    return d < 0.5 * step

def convert(loinc, unit, x):
    """returns (ok_unit, converted)"""
    if unit is None:
        return True, x
    tab = UNITS_BY_LOINC.get(loinc, {})
    u = unit.lower()
    if u not in tab:
        return False, None
    mlt, add = tab[u]
    return True, x * mlt + add

def ev_val(ch, f, text):
    """returns list of (name, bool)"""
    x, loinc, runit, r = get_value(ch, f['ref'], f['an'])
    out = []
    want = ANALYTE[f['an'].lower()]
    out.append(('analyte ' + f['an'], loinc in want))
    if x is None:
        out.append(('value ' + f['v'], False)); return out
    if loinc not in want:
        # value is judged against the record that is cited; analyte already false
        pass
    okU, cx = convert(loinc, f.get('unit'), x)
    if not okU:
        out.append(('unit ' + str(f.get('unit')), False)); return out
    step = f.get('step') or 10 ** (-decimals(f['v']))
    if f.get('step'):
        if abs(float(f['v']) / step - round(float(f['v']) / step)) > 1e-6:
            raise Amb('written value not a multiple of step')
        if step > 10 ** (-decimals(f['v'])) + 1e-12 and not any(a in text for a in APPROX_WORDS):
            raise Amb('coarse rounding without an approximation word')
    out.append((f'value {f["v"]} {f.get("unit")}', compare(cx, float(f['v']), step)))
    return out

def ev_date(ch, f):
    r = ch['res'][f['ref'].split('#')[0]]
    d, _ = rdate(r)
    lo, hi = parse_date(f['w'])
    return [('date ' + f['w'], lo <= d <= hi)]

def ev_concept(ch, f):
    r = ch['res'][f['ref']]
    terms = CONCEPT.get(f['w'].lower())
    if terms is None: raise Amb('unknown concept word ' + f['w'])
    if r['resourceType'] not in CONCEPT_TYPES:
        return [('concept ' + f['w'], False)]
    disp = rdisplay(r).lower()
    return [('concept ' + f['w'], any(t in disp for t in terms))]

def ev_drug(ch, f):
    r = ch['res'][f['ref']]
    alts = DRUG.get(f['w'].lower())
    if alts is None: raise Amb('unknown drug word ' + f['w'])
    if r['resourceType'] != 'MedicationRequest':
        return [('drug ' + f['w'], False)]
    disp = rdisplay(r).lower()
    return [('drug ' + f['w'], any(all(t in disp for t in alt) for alt in alts))]

def strength_tokens_record(disp):
    toks = set()
    s = disp.lower().replace('mg/actuat', 'mg/act')
    for m in re.finditer(r'(\d+(?:\.\d+)?)\s*(mg/ml|mg/act|mg|ml|unt/ml)\b', s):
        toks.add((round(float(m[1]), 4), m[2]))
    return toks

def strength_tokens_written(w):
    s = w.lower().strip()
    toks = set()
    m = re.fullmatch(r'(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)\s*mg', s)
    if m:
        return {(round(float(m[1]), 4), 'mg'), (round(float(m[2]), 4), 'mg')}
    for part in s.split('/') if re.fullmatch(r'[\d.]+\s*mg/[\d.]+\s*mg', s) else [s]:
        m = re.fullmatch(r'(\d+(?:\.\d+)?)\s*(mg/ml|mg|ml|mcg/actuation)', part.strip())
        if not m: raise Amb('unparsed strength ' + w)
        v, u = float(m[1]), m[2]
        if u == 'mcg/actuation': v, u = v / 1000, 'mg/act'
        toks.add((round(v, 4), u))
    return toks

def ev_strength(ch, f):
    r = ch['res'][f['ref']]
    if r['resourceType'] != 'MedicationRequest':
        return [('strength ' + f['w'], False)]
    rec = strength_tokens_record(rdisplay(r))
    return [('strength ' + f['w'], strength_tokens_written(f['w']) <= rec)]

def ev_status(ch, f, text):
    r = ch['res'][f['ref']]
    t = r['resourceType']
    low = text.lower()
    if f['w'] == 'active' and not any(k in low for k in ['active', 'ongoing', 'still on']): raise Amb('status word not in text')
    if f['w'] in ('resolved', 'stopped') and not any(k in low for k in ['resolved', 'stopped', 'discontinued', 'no longer']): raise Amb('status word not in text')
    if t == 'Condition':
        st = r['clinicalStatus']['coding'][0]['code']
        return [('status ' + f['w'], st == f['w'])]
    if t == 'MedicationRequest':
        return [('status ' + f['w'], r['status'] == f['w'])]
    return [('status ' + f['w'], False)]

def ev_smoke(ch, f):
    r = ch['res'][f['ref']]
    if r['resourceType'] != 'Observation' or r['code']['coding'][0]['code'] != '72166-2':
        return [('smoking ' + f['w'], False)]
    val = r['valueCodeableConcept']['coding'][0]['display'].lower()
    return [('smoking ' + f['w'], SMOKE[f['w'].lower()] == val)]

def all_of(ch, rtype):
    return [r for r in ch['res'].values() if r['resourceType'] == rtype]

def obs_values(ch, code, comp=None):
    out = []
    for r in all_of(ch, 'Observation'):
        if comp:
            if r['code']['coding'][0]['code'] == '55284-4':
                for c in r['component']:
                    if c['code']['coding'][0]['code'] == comp:
                        out.append((rdate(r)[0], c['valueQuantity']['value']))
        elif r['code']['coding'][0]['code'] == code and 'valueQuantity' in r:
            out.append((rdate(r)[0], r['valueQuantity']['value']))
    return out

def obs_contradicts(ch, w):
    adult = lambda d: age(ch, d) >= 18
    if w == 'obesity': return any(v >= 30 and adult(d) for d, v in obs_values(ch, '39156-5'))
    if w == 'hypertension': return any(v >= 130 and adult(d) for d, v in obs_values(ch, None, '8480-6')) or any(v >= 80 and adult(d) for d, v in obs_values(ch, None, '8462-4'))
    if w == 'diabetes': return any(v >= 6.5 for d, v in obs_values(ch, '4548-4')) or any(v >= 126 for d, v in obs_values(ch, '2339-0'))
    if w == 'chronic kidney disease': return any(v < 60 for d, v in obs_values(ch, '33914-3'))
    if w == 'anaemia': return any(v < 12 for d, v in obs_values(ch, '718-7'))
    if w == 'hyperlipidaemia': return any(v >= 160 for d, v in obs_values(ch, '18262-6')) or any(v >= 240 for d, v in obs_values(ch, '2093-3'))
    return False

def ev_absent(ch, f):
    if f['kind'] == 'allergy':
        return [('no allergies', len(all_of(ch, 'AllergyIntolerance')) == 0)]
    if f['kind'] == 'condition':
        terms = NEG_TERMS[f['w'].lower()]
        hits = [r for r in all_of(ch, 'Condition') if any(t in rdisplay(r).lower() for t in terms)]
        if f['w'].lower() == 'diabetes' and hits and all('prediabetes' in rdisplay(r).lower() for r in hits):
            raise Amb('only prediabetes present: "no diabetes" ambiguous')
        if f['w'].lower() == 'cancer':
            if any(any(t in rdisplay(r).lower() for t in ['docetaxel', 'oxaliplatin', 'leuprolide', 'leucovorin']) for r in all_of(ch, 'MedicationRequest')) and not hits:
                raise Amb('chemo without cancer diagnosis')
        if not hits and obs_contradicts(ch, f['w'].lower()):
            raise Amb('no coded ' + f['w'] + ' but results in the chart suggest it')
        return [('no ' + f['w'], not hits)]
    terms = NEG_MED_TERMS[f['w'].lower()]
    hits = [r for r in all_of(ch, 'MedicationRequest') if any(t in rdisplay(r).lower() for t in terms)]
    act = [r for r in hits if r['status'] == 'active']
    if hits and not act:
        raise Amb('only stopped ' + f['w'] + ' present: "not on" ambiguous')
    return [('not on ' + f['w'], not act)]

def ev_dir(ch, f):
    xa, la, _, ra = get_value(ch, f['from'], f['an']); xb, lb, _, rb = get_value(ch, f['to'], f['an'])
    if rdate(ra)[1] >= rdate(rb)[1]: raise Amb('trend from-record not earlier')
    want = ANALYTE[f['an'].lower()]
    if la not in want or lb not in want: return [('trend analyte', False)]
    rel = (xb - xa) / abs(xa)
    if 0.03 < abs(rel) < 0.05: raise Amb(f'relative change {rel:.3f} between stable and changed tolerances')
    act = 'stable' if abs(rel) <= 0.03 else ('up' if rel > 0 else 'down')
    return [('direction ' + f['w'], VERB[f['w']] == act)]

def ev_delta(ch, f):
    xa, la, _, ra = get_value(ch, f['from'], f['an']); xb, lb, _, rb = get_value(ch, f['to'], f['an'])
    if f['kind'] == 'pct':
        return [('pct ' + f['v'], compare(abs(xb - xa) / abs(xa) * 100, float(f['v']), 1))]
    okU, ca = convert(la, f.get('unit'), xa); _, cb = convert(lb, f.get('unit'), xb)
    if not okU: return [('delta unit', False)]
    return [('delta ' + f['v'], compare(abs(cb - ca), float(f['v']), 10 ** (-decimals(f['v']))))]

def ev_latest(ch, f):
    r = ch['res'][f['ref']]
    code = r['code']['coding'][0]['code']
    same = [o for o in all_of(ch, 'Observation') if o['code']['coding'][0]['code'] == code]
    d = rdate(r)[0]
    later = [o for o in same if o['id'] != r['id'] and rdate(o)[0] >= d]
    want = ANALYTE.get(f['an'].lower())
    ok_an = want is not None and (code in want)
    return [('latest', not later), ('latest analyte', ok_an)]

def ev_latest_enc(ch, f):
    r = ch['res'][f['ref']]
    d = rdate(r)[0]
    later = [e for e in all_of(ch, 'Encounter') if e['id'] != r['id'] and rdate(e)[0] >= d]
    return [('latest encounter', not later)]

def age(ch, d):
    b = dt.date.fromisoformat(ch['pat']['birthDate'])
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

def ev_interp(ch, f):
    r = ch['res'][f['ref'].split('#')[0]]
    d = rdate(r)[0]
    w = f['w'].lower()
    if f['an'] == 'BP':
        if age(ch, d) < 18: raise Amb('BP category on a minor')
        comp = {c['code']['coding'][0]['code']: c['valueQuantity']['value'] for c in r['component']}
        s, di = comp['8480-6'], comp['8462-4']
        if any(abs(s - c) < 1.5 for c in (120, 130, 140)) or any(abs(di - c) < 1.5 for c in (80, 90)):
            raise Amb('BP near ACC/AHA cut-off')
        cat = bp_category(s, di)
        if w == 'hypertensive range':
            return [('interp ' + w, cat.startswith('stage'))]
        return [('interp ' + w, cat == w)]
    x, loinc, _, _ = get_value(ch, f['ref'], f['an'])
    if loinc == '39156-5' and age(ch, d) < 18: raise Amb('adult BMI category on a minor')
    bands = INTERP.get(loinc)
    if not bands or w not in bands: raise Amb('unknown interpretation ' + w + ' for ' + str(loinc))
    if any(abs(x - c) < 0.01 * c for c in CUTS[loinc]): raise Amb('value within 1% of a cut-off')
    lo, hi = bands[w]
    return [('interp ' + w, lo <= x < hi)]

BP_WORDS = ['bp', 'b/p', 'blood pressure', 'systolic', 'diastolic', 'sbp', 'dbp']
def surface(f, text):
    low = text.lower()
    if f.get('an') in ('SBP', 'DBP', 'BP') and any(b in low for b in BP_WORDS):
        f = {k: v for k, v in f.items() if k != 'an'}
    miss = []
    t = f['t']
    for k in ('v', 'w', 'an', 'unit'):
        if k in f and f[k] and not (t in ('status', 'absent') and k == 'w') and not (t == 'latest' and k == 'an' and f[k] == 'BP' and 'bp' not in low):
            if str(f[k]).lower() not in low:
                miss.append(f'{k}={f[k]!r}')
    return miss

# ------------------------------------------------------------------ main
def main():
    problems = []
    claims = [json.loads(l) for l in open(os.path.join(HERE, 'claims.jsonl'))]
    checks = [json.loads(l) for l in open(os.path.join(HERE, 'checks.jsonl'))]
    if len(claims) != len(checks):
        problems.append(f'claims ({len(claims)}) and checks ({len(checks)}) differ in length')
    texts = Counter(c.get('text') for c in claims)
    for t, n in texts.items():
        if n > 1: problems.append(f'duplicate text x{n}: {t}')
    counts = Counter()
    nfalse_hist = Counter()
    for i, (c, k) in enumerate(zip(claims, checks)):
        tag = f'#{i} [{c.get("category")}/{c.get("label")}]'
        # ---- shape
        if set(c) != {'patient', 'text', 'citations', 'label', 'category', 'why'}:
            problems.append(f'{tag} bad keys {sorted(c)}'); continue
        if c['label'] not in ('correct', 'wrong') or c['category'] not in CATS:
            problems.append(f'{tag} bad label/category'); continue
        if not isinstance(c['text'], str) or not c['text'].strip() or not isinstance(c['why'], str) or not c['why'].strip():
            problems.append(f'{tag} empty text/why')
        if c['patient'] not in CH:
            problems.append(f'{tag} unknown patient'); continue
        if k.get('n') != i or k.get('patient') != c['patient'] or k.get('category') != c['category'] or k.get('label') != c['label']:
            problems.append(f'{tag} checks line does not match claim')
        counts[(c['category'], c['label'])] += 1
        ch = CH[c['patient']]
        cited = set()
        patient_cited = False
        if not isinstance(c['citations'], list) or not c['citations']:
            problems.append(f'{tag} no citations'); continue
        for ci in c['citations']:
            if set(ci) != {'kind', 'record', 'id'} or ci['kind'] != 'record' or ci['record'] not in KIND2TYPE:
                problems.append(f'{tag} bad citation {ci}'); continue
            rid, _, idx = ci['id'].partition('#')
            if ci['record'] == 'patient':
                if rid != c['patient']: problems.append(f'{tag} patient citation with wrong id')
                patient_cited = True; continue
            r = ch['res'].get(rid)
            if r is None or r['resourceType'] != KIND2TYPE[ci['record']]:
                problems.append(f'{tag} cited id {ci["id"]} not a {ci["record"]} in this bundle'); continue
            if idx:
                if ci['record'] != 'observation' or 'component' not in r or not idx.isdigit() or int(idx) >= len(r['component']):
                    problems.append(f'{tag} bad component citation {ci["id"]}'); continue
            cited.add(ci['id'])
        facts = k.get('facts') or []
        if not facts:
            problems.append(f'{tag} no facts'); continue
        has_absent = any(f['t'] == 'absent' for f in facts)
        if patient_cited and not has_absent:
            problems.append(f'{tag} patient-level citation on a non-absence claim')
        if has_absent and not patient_cited:
            problems.append(f'{tag} absence claim without patient citation')

        def evaluate(subst):
            res = []
            for f in facts:
                f2 = dict(f)
                for key in ('ref', 'from', 'to'):
                    if key in f2:
                        base, _, idx = f2[key].partition('#')
                        base = subst.get(base, base)
                        f2[key] = base + ('#' + idx if idx else '')
                        # the fact's record must be cited (panel citation covers its components)
                        if not subst and not (f2[key] in cited or base in cited or (key != 'ref' or f['t'] != 'val') and base in {x.split('#')[0] for x in cited}):
                            raise Amb(f'fact refers to uncited record {f2[key]}')
                t = f2['t']
                res += {'val': lambda: ev_val(ch, f2, c['text']), 'date': lambda: ev_date(ch, f2), 'concept': lambda: ev_concept(ch, f2),
                        'drug': lambda: ev_drug(ch, f2), 'strength': lambda: ev_strength(ch, f2), 'status': lambda: ev_status(ch, f2, c['text']),
                        'smoke': lambda: ev_smoke(ch, f2), 'absent': lambda: ev_absent(ch, f2), 'dir': lambda: ev_dir(ch, f2),
                        'delta': lambda: ev_delta(ch, f2), 'latest': lambda: ev_latest(ch, f2), 'latest_enc': lambda: ev_latest_enc(ch, f2),
                        'interp': lambda: ev_interp(ch, f2)}[t]()
            return res
        try:
            res = evaluate({})
        except Amb as e:
            problems.append(f'{tag} AMBIGUOUS: {e} :: {c["text"]}'); continue
        except (KeyError, ValueError, IndexError, TypeError) as e:
            problems.append(f'{tag} ERROR {type(e).__name__}: {e} :: {c["text"]}'); continue
        for f in facts:
            miss = surface(f, c['text'])
            if miss: problems.append(f'{tag} fact {f["t"]} not visible in text ({", ".join(miss)}) :: {c["text"]}')
        nfalse = sum(1 for _, ok in res if not ok)
        label = 'correct' if nfalse == 0 else 'wrong'
        nfalse_hist[(c['label'], nfalse)] += 1
        if nfalse > 2: print('INFO', tag, nfalse, 'false facts (allowed for wrong-citation)')
        if label != c['label']:
            problems.append(f'{tag} LABEL MISMATCH: recomputed {label}; false facts {[n for n, ok in res if not ok]} :: {c["text"]}')
        if c['label'] == 'wrong' and c['category'] != 'wrong-citation' and nfalse > 2:
            problems.append(f'{tag} {nfalse} false facts (>2) :: {c["text"]}')
        if c['category'] == 'wrong-citation' and c['label'] == 'wrong':
            tr = k.get('true_ref')
            if not tr:
                problems.append(f'{tag} wrong-citation without true_ref')
            else:
                for wrong_id, right_id in tr.items():
                    if wrong_id not in cited or right_id in cited:
                        problems.append(f'{tag} true_ref inconsistent with citations')
                    if right_id not in ch['res']:
                        problems.append(f'{tag} true record {right_id} not in bundle')
                try:
                    res2 = evaluate(tr)
                    if not all(ok for _, ok in res2):
                        problems.append(f'{tag} wrong-citation fact is not true of the right record either: {[n for n, ok in res2 if not ok]}')
                except Amb as e:
                    problems.append(f'{tag} AMBIGUOUS under true_ref: {e}')
    for cat in CATS:
        for lab in ('correct', 'wrong'):
            if counts[(cat, lab)] != PER:
                problems.append(f'count {cat}/{lab} = {counts[(cat, lab)]}, expected {PER}')
    pts = Counter(c['patient'] for c in claims)
    if len(pts) != len(CH):
        problems.append(f'only {len(pts)} of {len(CH)} patients covered')
    # ---- report
    for p in problems:
        print('PROBLEM', p)
    print(f'claims: {len(claims)}; patients covered: {len(pts)}/{len(CH)}; per-patient min/max: {min(pts.values())}/{max(pts.values())}')
    print('label x category:')
    for cat in CATS:
        print(f'  {cat:15s} correct={counts[(cat, "correct")]:3d} wrong={counts[(cat, "wrong")]:3d}')
    print('false-fact histogram (label, n_false): ' + ', '.join(f'{k}: {v}' for k, v in sorted(nfalse_hist.items())))
    print(f'RESULT: {len(problems)} problems')
    return 0 if not problems else 1

if __name__ == '__main__':
    sys.exit(main())
