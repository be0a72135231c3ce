# Shared vocabulary: how analytes, units, drugs and conditions may be named in text.
# Used by gen.py (to write) and validate.py (to check text surfaces against raw records).
import re

# LOINC code -> names a clinician might write (first entries = common)
ANALYTES = {
    '8302-2': ['height', 'Ht', 'body height', 'stature'],
    '29463-7': ['weight', 'Wt', 'body weight', 'wt'],
    '39156-5': ['BMI', 'body mass index', 'Body Mass Index'],
    '2093-3': ['total cholesterol', 'TC', 'total chol', 'cholesterol'],
    '2571-8': ['triglycerides', 'TG', 'trigs', 'triglyceride'],
    '18262-6': ['LDL', 'LDL-C', 'LDL cholesterol', 'low-density lipoprotein'],
    '2085-9': ['HDL', 'HDL-C', 'HDL cholesterol', 'high-density lipoprotein'],
    '2339-0': ['glucose', 'Glu', 'blood glucose', 'BG', 'serum glucose'],
    '6299-2': ['BUN', 'urea nitrogen', 'blood urea nitrogen'],
    '38483-4': ['creatinine', 'Cr', 'serum creatinine', 'SCr', 'Creat'],
    '49765-1': ['calcium', 'Ca', 'serum calcium'],
    '2947-0': ['sodium', 'Na', 'serum sodium', 'Na+'],
    '6298-4': ['potassium', 'K', 'serum potassium', 'K+'],
    '2069-3': ['chloride', 'Cl', 'serum chloride'],
    '20565-8': ['CO2', 'bicarbonate', 'HCO3', 'total CO2', 'bicarb'],
    '4548-4': ['HbA1c', 'A1c', 'hemoglobin A1c', 'glycated haemoglobin', 'HgbA1c', 'A1C'],
    '33914-3': ['eGFR', 'estimated GFR', 'GFR'],
    '14959-1': ['UACR', 'urine albumin/creatinine ratio', 'microalbumin/creatinine ratio', 'ACR', 'urine ACR'],
    '6690-2': ['WBC', 'white count', 'leukocytes', 'white cell count', 'WCC'],
    '789-8': ['RBC', 'red cell count', 'erythrocytes'],
    '718-7': ['Hb', 'Hgb', 'haemoglobin', 'hemoglobin'],
    '4544-3': ['Hct', 'haematocrit', 'hematocrit', 'HCT'],
    '787-2': ['MCV', 'mean corpuscular volume'],
    '785-6': ['MCH'],
    '786-4': ['MCHC'],
    '21000-5': ['RDW'],
    '777-3': ['platelets', 'Plt', 'PLT', 'platelet count'],
    '32623-1': ['MPV', 'mean platelet volume'],
    '8331-1': ['temperature', 'temp', 'T', 'oral temp', 'Temp'],
    '2857-1': ['PSA', 'prostate-specific antigen'],
    '1742-6': ['ALT', 'alanine aminotransferase', 'SGPT'],
    '1920-8': ['AST', 'aspartate aminotransferase', 'SGOT'],
    '6768-6': ['ALP', 'alkaline phosphatase', 'alk phos'],
    '1751-7': ['albumin', 'Alb', 'serum albumin'],
    '1975-2': ['total bilirubin', 'T bili', 'bilirubin'],
    '2885-2': ['total protein', 'serum protein'],
    '10230-1': ['LVEF', 'ejection fraction', 'EF'],
    '33762-6': ['NT-proBNP'],
    '72514-3': ['pain score', 'pain'],
}
BP_NAMES = ['BP', 'blood pressure', 'B/P']
SBP_NAMES = ['SBP', 'systolic', 'systolic BP', 'systolic pressure']
DBP_NAMES = ['DBP', 'diastolic', 'diastolic BP', 'diastolic pressure']


def name_codes(name):
    n = name.lower()
    if n in [x.lower() for x in BP_NAMES]:
        return {'55284-4'}, None
    if n in [x.lower() for x in SBP_NAMES]:
        return {'55284-4'}, 'sys'
    if n in [x.lower() for x in DBP_NAMES]:
        return {'55284-4'}, 'dia'
    out = set()
    for c, ns in ANALYTES.items():
        if n in [x.lower() for x in ns]:
            out.add(c)
    return out, None


def norm_unit(u):
    u = (u or '').lower().replace(' ', '').replace('²', '2').replace('^2', '2').replace('µ', 'u').replace('μ', 'u')
    u = u.replace('×', 'x').replace('³', '3').replace('⁹', '9').replace('¹²', '12').replace('⁶', '6').replace('°', '')
    return u


L = lambda *xs: {norm_unit(x) for x in xs}
MGDL = L('mg/dL', 'mg/dl')
MMOL = L('mmol/L', 'mmol/l')
# per analyte: list of (set of unit spellings, function record_value -> value in that unit)
UNITS = {
    '8302-2': [(L('cm', 'centimetres', 'centimeters'), lambda v: v), (L('m', 'metres', 'meters'), lambda v: v / 100),
               (L('in', 'inches', '"'), lambda v: v / 2.54)],
    '29463-7': [(L('kg', 'kilograms', 'kgs'), lambda v: v), (L('lb', 'lbs', 'pounds'), lambda v: v * 2.20462)],
    '39156-5': [(L('kg/m2', 'kg/m²', 'kg/m^2', ''), lambda v: v)],
    '2093-3': [(MGDL, lambda v: v), (MMOL, lambda v: v / 38.67)],
    '18262-6': [(MGDL, lambda v: v), (MMOL, lambda v: v / 38.67)],
    '2085-9': [(MGDL, lambda v: v), (MMOL, lambda v: v / 38.67)],
    '2571-8': [(MGDL, lambda v: v), (MMOL, lambda v: v / 88.57)],
    '2339-0': [(MGDL, lambda v: v), (MMOL, lambda v: v / 18.0)],
    '6299-2': [(MGDL, lambda v: v)],
    '38483-4': [(MGDL, lambda v: v), (L('µmol/L', 'umol/L', 'micromol/L'), lambda v: v * 88.4)],
    '49765-1': [(MGDL, lambda v: v), (MMOL, lambda v: v / 4.008)],
    '2947-0': [(MMOL | L('mEq/L', 'meq/l'), lambda v: v)],
    '6298-4': [(MMOL | L('mEq/L', 'meq/l'), lambda v: v)],
    '2069-3': [(MMOL | L('mEq/L', 'meq/l'), lambda v: v)],
    '20565-8': [(MMOL | L('mEq/L', 'meq/l'), lambda v: v)],
    '4548-4': [(L('%'), lambda v: v), (L('mmol/mol'), lambda v: 10.929 * (v - 2.15))],
    '33914-3': [(L('mL/min/1.73m2', 'mL/min/1.73 m²', 'mL/min/1.73 m2', 'ml/min/1.73m2', 'mL/min/{1.73_m2}', 'mL/min'), lambda v: v),
                (L('mL/s/1.73m2', 'mL/s/1.73 m²', 'mL/s'), lambda v: v / 60)],
    '14959-1': [(L('mg/g'), lambda v: v), (L('mg/mmol'), lambda v: v / 8.84)],
    '6690-2': [(L('10*3/uL', 'x10^3/uL', 'K/uL', 'x10^9/L', '×10⁹/L', '10^9/L', 'x 10^9/L', 'x10³/µL'), lambda v: v)],
    '777-3': [(L('10*3/uL', 'x10^3/uL', 'K/uL', 'x10^9/L', '×10⁹/L', '10^9/L', 'x 10^9/L', 'x10³/µL'), lambda v: v)],
    '789-8': [(L('10*6/uL', 'x10^6/uL', 'M/uL', 'x10^12/L', '×10¹²/L'), lambda v: v)],
    '718-7': [(L('g/dL', 'g/dl'), lambda v: v), (L('g/L', 'g/l'), lambda v: v * 10)],
    '786-4': [(L('g/dL', 'g/dl'), lambda v: v), (L('g/L', 'g/l'), lambda v: v * 10)],
    '4544-3': [(L('%'), lambda v: v)],
    '787-2': [(L('fL', 'fl'), lambda v: v)], '21000-5': [(L('fL'), lambda v: v)], '32623-1': [(L('fL'), lambda v: v)],
    '785-6': [(L('pg'), lambda v: v)],
    '8331-1': [(L('°C', 'C', 'deg C', 'degrees Celsius', 'Celsius', 'Cel', '°C'), lambda v: v),
               (L('°F', 'F', 'deg F', 'degrees Fahrenheit', 'Fahrenheit'), lambda v: v * 9 / 5 + 32)],
    '2857-1': [(L('ng/mL', 'ng/ml', 'ug/L', 'µg/L'), lambda v: v)],
    '1742-6': [(L('U/L', 'IU/L'), lambda v: v)], '1920-8': [(L('U/L', 'IU/L'), lambda v: v)], '6768-6': [(L('U/L', 'IU/L'), lambda v: v)],
    '1751-7': [(L('g/dL'), lambda v: v), (L('g/L'), lambda v: v * 10)],
    '2885-2': [(L('g/dL'), lambda v: v), (L('g/L'), lambda v: v * 10)],
    '1975-2': [(MGDL, lambda v: v), (L('µmol/L', 'umol/L'), lambda v: v * 17.1)],
    '10230-1': [(L('%'), lambda v: v)], '33762-6': [(L('pg/mL'), lambda v: v)],
    '72514-3': [(L('/10', '', '{score}'), lambda v: v)],
    '55284-4': [(L('mmHg', 'mm Hg', 'mm[Hg]'), lambda v: v)],
}


def convert(code, unit, v):
    """record value v (record's own unit) -> value in `unit`; None when unit does not fit the analyte."""
    u = norm_unit(unit)
    for spellings, f in UNITS.get(code, []):
        if u in spellings:
            return f(v)
    return None


# drug word in text -> substrings (lowercase) of which one must occur in the MedicationRequest display
DRUGS = {
    'acetaminophen': ['acetaminophen'], 'paracetamol': ['acetaminophen'], 'tylenol': ['acetaminophen'],
    'hydrochlorothiazide': ['hydrochlorothiazide'], 'hctz': ['hydrochlorothiazide'], 'microzide': ['hydrochlorothiazide'],
    'simvastatin': ['simvastatin', 'simvistatin'], 'zocor': ['simvastatin', 'simvistatin'],
    'amlodipine': ['amlodipine'], 'norvasc': ['amlodipine'],
    'metformin': ['metformin'], 'glucophage': ['metformin'], 'glucophage xr': ['metformin'],
    'clopidogrel': ['clopidogrel'], 'plavix': ['clopidogrel'],
    'alteplase': ['alteplase'], 'activase': ['alteplase'], 'tpa': ['alteplase'],
    'fexofenadine': ['fexofenadine'], 'allegra': ['fexofenadine'],
    'epinephrine': ['epinephrine'], 'epipen': ['epinephrine'], 'adrenaline': ['epinephrine'],
    'nitroglycerin': ['nitroglycerin'], 'gtn': ['nitroglycerin'], 'nitrolingual': ['nitroglycerin'], 'glyceryl trinitrate': ['nitroglycerin'],
    'galantamine': ['galantamine'], 'razadyne': ['galantamine'],
    'memantine': ['memantine'], 'namenda': ['memantine'],
    'metoprolol': ['metoprolol'], 'metoprolol succinate': ['metoprolol succinate'], 'toprol xl': ['metoprolol succinate'], 'toprol-xl': ['metoprolol succinate'],
    'furosemide': ['furosemide', 'lasix'], 'lasix': ['furosemide', 'lasix'], 'frusemide': ['furosemide', 'lasix'],
    'vicodin': ['hydrocodone'], 'norco': ['hydrocodone'], 'hydrocodone/acetaminophen': ['hydrocodone'], 'hydrocodone-apap': ['hydrocodone'],
    'percocet': ['oxycodone'], 'oxycodone/acetaminophen': ['oxycodone'], 'oxycodone-apap': ['oxycodone'],
    'ibuprofen': ['ibuprofen'], 'advil': ['ibuprofen'], 'motrin': ['ibuprofen'],
    'naproxen': ['naproxen'], 'aleve': ['naproxen'], 'naproxen sodium': ['naproxen sodium'],
    'alendronate': ['alendronic acid', 'alendronate'], 'alendronic acid': ['alendronic acid', 'alendronate'], 'fosamax': ['alendronic acid', 'alendronate'],
    'cefuroxime': ['cefuroxime'], 'ceftin': ['cefuroxime'],
    'amoxicillin': ['amoxicillin'], 'amoxil': ['amoxicillin'],
    'augmentin': ['clavulanate'], 'amoxicillin-clavulanate': ['clavulanate'], 'co-amoxiclav': ['clavulanate'], 'amoxicillin/clavulanate': ['clavulanate'],
    'penicillin v': ['penicillin v'], 'penicillin vk': ['penicillin v'], 'pen vk': ['penicillin v'], 'phenoxymethylpenicillin': ['penicillin v'],
    'docetaxel': ['docetaxel'], 'taxotere': ['docetaxel'],
    'leuprolide': ['leuprolide'], 'lupron': ['leuprolide'], 'leuprorelin': ['leuprolide'],
    'diphenhydramine': ['diphenhydramine'], 'benadryl': ['diphenhydramine'],
    'leucovorin': ['leucovorin'], 'folinic acid': ['leucovorin'],
    'oxaliplatin': ['oxaliplatin'], 'eloxatin': ['oxaliplatin'],
    'fluticasone': ['fluticasone'], 'flovent': ['fluticasone'],
    'albuterol': ['albuterol'], 'salbutamol': ['albuterol'], 'proair': ['albuterol'], 'ventolin': ['albuterol'],
    'medroxyprogesterone': ['medroxyprogesterone'], 'depo-provera': ['medroxyprogesterone'],
    'vitamin b12': ['vitamin b 12'], 'cyanocobalamin': ['vitamin b 12'], 'b12': ['vitamin b 12'],
    'humulin 70/30': ['humulin'], 'nph/regular insulin 70/30': ['humulin'], 'insulin': ['insulin'],
    'nuvaring': ['nuvaring'], 'levora': ['levora'], 'seasonique': ['seasonique'], 'natazia': ['natazia'],
    'dextromethorphan': ['dextromethorphan'], 'nyquil': ['dextromethorphan'],
    # distractors (never present in the data)
    'lisinopril': ['lisinopril'], 'zestril': ['lisinopril'], 'atorvastatin': ['atorvastatin'], 'lipitor': ['atorvastatin'],
    'warfarin': ['warfarin'], 'coumadin': ['warfarin'], 'losartan': ['losartan'], 'cozaar': ['losartan'],
    'glipizide': ['glipizide'], 'omeprazole': ['omeprazole'], 'prilosec': ['omeprazole'], 'atenolol': ['atenolol'],
    'tenormin': ['atenolol'], 'azithromycin': ['azithromycin'], 'zithromax': ['azithromycin'], 'crestor': ['rosuvastatin'],
    'pravastatin': ['pravastatin'], 'levothyroxine': ['levothyroxine'], 'synthroid': ['levothyroxine'],
    'cetirizine': ['cetirizine'], 'zyrtec': ['cetirizine'], 'loratadine': ['loratadine'], 'claritin': ['loratadine'],
    'prednisone': ['prednisone'], 'gabapentin': ['gabapentin'], 'neurontin': ['gabapentin'], 'donepezil': ['donepezil'],
    'aricept': ['donepezil'], 'doxycycline': ['doxycycline'], 'cephalexin': ['cephalexin'], 'keflex': ['cephalexin'],
    'budesonide': ['budesonide'], 'pulmicort': ['budesonide'], 'montelukast': ['montelukast'], 'singulair': ['montelukast'],
    'carvedilol': ['carvedilol'], 'spironolactone': ['spironolactone'], 'aspirin': ['aspirin'], 'diltiazem': ['diltiazem'],
    'glyburide': ['glyburide'], 'januvia': ['sitagliptin'], 'bumetanide': ['bumetanide'], 'bumex': ['bumetanide'],
    'rivastigmine': ['rivastigmine'], 'tamsulosin': ['tamsulosin'], 'bicalutamide': ['bicalutamide'], 'cisplatin': ['cisplatin'],
}

# condition / procedure / vaccine / encounter words in text -> substrings of the record display (lowercase)
CONCEPTS = {
    'hypertension': ['hypertension'], 'htn': ['hypertension'], 'high blood pressure': ['hypertension'],
    'prediabetes': ['prediabetes'], 'pre-diabetes': ['prediabetes'],
    'diabetes': ['diabetes'], 'dm': ['diabetes'], 't2dm': ['type 2 diabetes', 'type ii diabetes'], 'type 2 diabetes': ['type 2 diabetes', 'type ii diabetes'], 'dm2': ['type 2 diabetes', 'type ii diabetes'],
    'anemia': ['anemia'], 'anaemia': ['anemia'],
    'stroke': ['stroke'], 'cva': ['stroke'],
    'appendicitis': ['appendicitis'], 'appendectomy': ['appendectomy'], 'appendicectomy': ['appendectomy'],
    'viral sinusitis': ['viral sinusitis'], 'sinusitis': ['sinusitis'], 'chronic sinusitis': ['chronic sinusitis'],
    'acute bronchitis': ['acute bronchitis'], 'bronchitis': ['bronchitis'],
    'viral pharyngitis': ['viral pharyngitis'], 'pharyngitis': ['pharyngitis'],
    'strep throat': ['streptococcal sore throat'], 'streptococcal pharyngitis': ['streptococcal sore throat'],
    'otitis media': ['otitis media'], 'aom': ['otitis media'], 'ear infection': ['otitis media'],
    'obesity': ['obesity'], 'bmi 30+': ['obesity'],
    'asthma': ['asthma'], 'childhood asthma': ['childhood asthma'],
    'hypertriglyceridemia': ['hypertriglyceridemia'], 'hypertriglyceridaemia': ['hypertriglyceridemia'],
    'metabolic syndrome': ['metabolic syndrome'],
    'ckd stage 1': ['chronic kidney disease stage 1'], 'ckd 1': ['chronic kidney disease stage 1'], 'ckd': ['chronic kidney disease'],
    'diabetic nephropathy': ['diabetic renal disease'], 'diabetic kidney disease': ['diabetic renal disease'],
    'ankle sprain': ['sprain of ankle'], 'sprained ankle': ['sprain of ankle'], 'wrist sprain': ['sprain of wrist'],
    'prostate neoplasm': ['neoplasm of prostate'], 'prostate cancer': ['carcinoma in situ of prostate', 'malignant tumor of prostate'],
    'hyperglycemia': ['hyperglycemia'], 'hyperglycaemia': ['hyperglycemia'],
    'miscarriage': ['miscarriage'], 'atopic dermatitis': ['atopic dermatitis'], 'eczema': ['atopic dermatitis'],
    'allergic rhinitis': ['allergic rhinitis'], 'hay fever': ['allergic rhinitis'], 'whiplash': ['whiplash'],
    'hip oa': ['osteoarthritis of hip'], 'osteoarthritis of the hip': ['osteoarthritis of hip'],
    'forearm fracture': ['fracture of forearm'], 'mi': ['myocardial infarction'], 'myocardial infarction': ['myocardial infarction'],
    'heart attack': ['myocardial infarction'], 'chd': ['coronary heart disease'], 'cad': ['coronary heart disease'],
    'coronary heart disease': ['coronary heart disease'], "alzheimer's disease": ["alzheimer's disease"], "alzheimer's": ["alzheimer's"],
    'chf': ['congestive heart failure'], 'congestive heart failure': ['congestive heart failure'],
    'diabetic neuropathy': ['neuropathy due to type 2 diabetes'], 'seizure disorder': ['seizure disorder'],
    'epilepsy': ['epilepsy'], 'impacted molars': ['impacted molars'], 'hyperlipidemia': ['hyperlipidemia'],
    'hyperlipidaemia': ['hyperlipidemia'], 'osteoporosis': ['osteoporosis'], 'concussion': ['concussion'],
    'mcl injury': ['medial collateral ligament'], 'hand oa': ['osteoarthritis of the hand'],
    'colon polyp': ['polyp of colon'], 'colonic polyp': ['polyp of colon'], 'rectal polyp': ['rectal polyp'],
    'clavicle fracture': ['fracture of clavicle'], 'hand laceration': ['laceration of hand'],
    'diabetic retinopathy': ['diabetic retinopathy'], 'prostate carcinoma in situ': ['carcinoma in situ of prostate'],
    'metastatic prostate cancer': ['metastasis from malignant tumor of prostate'],
    # allergies
    'bee venom': ['bee venom'], 'bee stings': ['bee venom'], 'mould': ['mould'], 'mold': ['mould'], 'animal dander': ['dander'],
    'grass pollen': ['grass pollen'], 'tree pollen': ['tree pollen'], 'wheat': ['wheat'],
    # encounters
    'emergency': ['emergency'], 'er': ['emergency'], 'ed': ['emergency'], 'check-up': ['check up', 'check-up'],
    'checkup': ['check up', 'check-up'], 'well visit': ['check up', 'check-up'], 'inpatient': ['inpatient'],
}

# absence keys -> (text-level label, terms that must NOT appear in any condition/med/allergy/procedure display)
ABSENT = {
    'asthma': ['asthma'], 'diabetes': ['diabet'], 'hypertension': ['hypertension'], 'copd': ['chronic obstructive', 'copd', 'emphysema'],
    'heart failure': ['heart failure'], 'mi': ['myocardial infarction'], 'stroke': ['stroke', 'cerebrovascular'],
    'ckd': ['chronic kidney disease', 'renal disease'], 'cancer': ['neoplasm', 'carcinoma', 'malignant', 'cancer', 'metasta'],
    'seizures': ['seizure', 'epilep'], 'osteoporosis': ['osteoporosis'], 'anemia': ['anemia'],
    'hyperlipidemia': ['hyperlipidemia', 'hypertriglyceridemia'], 'fracture': ['fracture'], 'appendicitis': ['appendic', 'appendectomy'],
    'coronary disease': ['coronary', 'myocardial infarction'], 'dementia': ['alzheimer', 'dementia'],
    'osteoarthritis': ['osteoarthritis'], 'sinusitis': ['sinusitis'], 'otitis': ['otitis'],
    'statin': ['statin', 'simvistatin'], 'insulin': ['insulin'], 'warfarin': ['warfarin', 'coumadin'],
    'anticoagulant': ['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban', 'enoxaparin', 'alteplase', 'clopidogrel'],
    'opioid': ['oxycodone', 'hydrocodone', 'morphine', 'fentanyl', 'codeine', 'tramadol'],
    'metformin': ['metformin'], 'beta-blocker': ['metoprolol', 'atenolol', 'propranolol', 'carvedilol', 'bisoprolol'],
    'antihypertensive': ['hydrochlorothiazide', 'amlodipine', 'metoprolol', 'lisinopril', 'losartan', 'furosemide', 'lasix'],
    'diuretic': ['hydrochlorothiazide', 'furosemide', 'lasix', 'spironolactone'],
    'inhaler': ['inhaler', 'actuat'], 'antibiotic': ['amoxicillin', 'penicillin', 'cefuroxime', 'clavulanate'],
    'contraceptive': ['nuvaring', 'levora', 'seasonique', 'natazia', 'medroxyprogesterone'],
    'nsaid': ['ibuprofen', 'naproxen'],
    'allergy_any': None, 'allergy_drug': None,
}

CONCEPTS.update({
    'flu shot': ['influenza'], 'flu vaccine': ['influenza'], 'influenza vaccine': ['influenza'], 'influenza': ['influenza'],
    'seasonal flu vaccine': ['influenza'], 'hpv': ['hpv'], 'hpv vaccine': ['hpv'], 'gardasil': ['hpv, quadrivalent'],
    'pcv13': ['pcv 13'], 'prevnar 13': ['pcv 13'], 'pneumococcal conjugate vaccine': ['pneumococcal conjugate'],
    'mcv4': ['mcv4'], 'meningococcal vaccine': ['meningococcal'], 'td': ['td (adult)'], 'td booster': ['td (adult)'],
    'tetanus-diphtheria booster': ['td (adult)'], 'dtap': ['dtap'], 'ipv': ['ipv'], 'polio vaccine': ['ipv'],
    'hep b vaccine': ['hep b'], 'hepatitis b vaccine': ['hep b'], 'hib': ['hib'], 'hib vaccine': ['hib'], 'tdap': ['tdap'],
    'zoster vaccine': ['zoster'], 'shingles vaccine': ['zoster'], 'rotavirus vaccine': ['rotavirus'], 'hep a vaccine': ['hep a'],
    'hepatitis a vaccine': ['hep a'], 'varicella vaccine': ['varicella'], 'chickenpox vaccine': ['varicella'], 'mmr': ['mmr'],
    'ppsv23': ['23 valent'], 'pneumovax 23': ['23 valent'],
    'colonoscopy': ['colonoscopy'], 'throat culture': ['throat culture'], 'dre': ['digital examination of rectum'],
    'digital rectal exam': ['digital examination of rectum'], 'spirometry': ['respiratory function'],
    'pulmonary function testing': ['respiratory function'], 'im injection': ['intramuscular injection'],
    'prostate biopsy': ['biopsy of prostate'], 'echocardiogram': ['echocardiogram'], 'tte': ['trans thoracic echocardiogram'],
    'chest x-ray': ['chest x-ray'], 'cxr': ['chest x-ray'], 'dexa scan': ['bone density scan'], 'bone density scan': ['bone density scan'],
    'knee x-ray': ['knee x-ray'], 'wisdom tooth extraction': ['extraction of wisdom tooth'], 'sputum exam': ['sputum examination'],
    'wound suturing': ['suture open wound'], 'upper arm x-ray': ['upper arm x-ray'], 'clavicle x-ray': ['clavicle x-ray'],
    'thrombectomy': ['thrombectomy'],
})

# Absence checking uses regexes. STRICT: a hit makes "no X" false. ABSENT (broad): a hit that is not STRICT makes
# "no X" debatable, so such claims are not allowed at all (e.g. "no diabetes" in a patient with prediabetes).
ABSENT['diabetes'] = ['diabet']
STRICT = {k: list(v) for k, v in ABSENT.items() if v is not None}
STRICT.update({
    'diabetes': [r'(?<!pre)diabet'], 'hyperlipidemia': ['hyperlipidemia'], 'ckd': ['chronic kidney disease'],
    'cancer': ['carcinoma', 'malignant', 'metasta', 'cancer'], 'coronary disease': ['coronary'],
    'anticoagulant': ['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban', 'enoxaparin'],
    'antihypertensive': ['hydrochlorothiazide', 'amlodipine', 'metoprolol', 'lisinopril', 'losartan'],
    'appendicitis': ['appendicitis'], 'dementia': ['alzheimer', 'dementia'],
})
ENC_NAMES = {
    'encounter for check up': ['check-up', 'checkup', 'well visit', 'routine check-up'],
    "encounter for 'check-up'": ['check-up', 'checkup'],
    'encounter for symptom': ['sick visit', 'symptom visit'],
    'encounter for problem': ['problem-focused visit'],
    'emergency': ['emergency', 'ED', 'ER'],
    'outpatient procedure': ['outpatient procedure'],
    'asthma follow-up': ['asthma follow-up'],
    'prenatal initial visit': ['prenatal'],
    'consultation for treatment': ['consultation'],
    'follow-up encounter': ['follow-up'],
    'office visit': ['office'],
    'encounter inpatient': ['inpatient'],
}
CONCEPTS.update({'sick visit': ['encounter for symptom'], 'symptom visit': ['encounter for symptom'],
                 'problem-focused visit': ['encounter for problem'], 'outpatient procedure': ['outpatient procedure'],
                 'asthma follow-up': ['asthma follow-up'], 'prenatal': ['prenatal'], 'consultation': ['consultation'],
                 'follow-up': ['follow-up'], 'office': ['office visit'], 'routine check-up': ['check up', 'check-up'],
                 'well visit': ['check up', 'check-up']})


def concept_fits(s, display):
    """does the text word s name the condition/vaccine/procedure/encounter of this display?"""
    d = display.lower()
    subs = CONCEPTS.get(s.lower(), []) + [s.lower()]
    if any(w in d for w in (' due to ', ' associated with ', ' from ', 'history of ')):
        # compound displays: the word must name the head of the display, not a condition mentioned inside it
        return any(d.startswith(x) for x in subs)
    return any(x in d for x in subs)

CONCEPTS.update({'lipid panel': ['lipid panel'], 'fasting lipid profile': ['lipid panel'], 'lipids': ['lipid panel'],
                 'bmp': ['basic metabolic'], 'basic metabolic panel': ['basic metabolic'], 'chem-7': ['basic metabolic'],
                 'cbc': ['complete blood count'], 'full blood count': ['complete blood count'], 'fbc': ['complete blood count'],
                 'cmp': ['comprehensive metabolic'], 'comprehensive metabolic panel': ['comprehensive metabolic'],
                 'urinalysis': ['urinalysis'], 'ua': ['urinalysis'], 'dipstick urinalysis': ['urinalysis']})
