"""Shared builder + name tables for the generator."""
import json, random, re
from lib import *

P = load_all()

CLAIMS = []   # list of (claim dict, meta dict)


def rk_of(p, rid):
    r = p.byid[rid.split('#')[0]]
    return {'Observation': 'observation', 'Condition': 'condition', 'MedicationRequest': 'medication',
            'AllergyIntolerance': 'allergy', 'Encounter': 'encounter', 'Procedure': 'procedure',
            'Immunization': 'immunization', 'DiagnosticReport': 'diagnostic-report', 'Patient': 'patient'}[r['resourceType']]


def C(p, *recs):
    """citations from records / ids / ('comp', obs, 'sys'|'dia') / 'patient'"""
    out = []
    for r in recs:
        if r == 'patient':
            out.append({'kind': 'record', 'record': 'patient', 'id': p.id})
        elif isinstance(r, tuple):
            _, o, which = r
            idx = o.sys_i if which == 'sys' else o.dia_i
            out.append({'kind': 'record', 'record': 'observation', 'id': f'{o.id}#{idx}'})
        else:
            rid = r if isinstance(r, str) else r.id
            out.append({'kind': 'record', 'record': rk_of(p, rid), 'id': rid})
    return out


def add(cat, p, text, cites, label, why, checks=None):
    assert label in ('correct', 'wrong')
    text = re.sub(r'  +', ' ', text).replace(' .', '.').replace(' ,', ',')
    claim = {'patient': p.id, 'text': text, 'citations': cites, 'label': label, 'category': cat, 'why': why}
    CLAIMS.append((claim, {'checks': checks or [], 'pkey': [k for k, v in P.items() if v is p][0]}))


def cnt(cat):
    c = {'correct': 0, 'wrong': 0}
    for cl, _ in CLAIMS:
        if cl['category'] == cat:
            c[cl['label']] += 1
    return c


# ------------- display names ---------------
AN = {
    'a1c': dict(names=['HbA1c', 'A1c', 'hemoglobin A1c', 'HgbA1c', 'glycated haemoglobin'], units=['%'], prec=1),
    'glu': dict(names=['glucose', 'Glu', 'blood glucose', 'serum glucose'], units=['mg/dL', 'mg/dl'], prec=0),
    'bun': dict(names=['BUN', 'urea nitrogen', 'blood urea nitrogen'], units=['mg/dL', 'mg/dl'], prec=0),
    'cr': dict(names=['creatinine', 'Cr', 'serum creatinine', 'SCr'], units=['mg/dL', 'mg/dl'], prec=2),
    'ca': dict(names=['calcium', 'Ca'], units=['mg/dL', 'mg/dl'], prec=1),
    'na': dict(names=['sodium', 'Na'], units=['mmol/L', 'mEq/L'], prec=0),
    'k': dict(names=['potassium', 'K'], units=['mmol/L', 'mEq/L'], prec=1),
    'cl': dict(names=['chloride', 'Cl'], units=['mmol/L', 'mEq/L'], prec=0),
    'co2': dict(names=['CO2', 'bicarbonate', 'total CO2', 'HCO3'], units=['mmol/L', 'mEq/L'], prec=0),
    'egfr': dict(names=['eGFR', 'estimated GFR'], units=['mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m^2'], prec=0),
    'tc': dict(names=['total cholesterol', 'TC', 'total chol'], units=['mg/dL', 'mg/dl'], prec=0),
    'tg': dict(names=['triglycerides', 'TG', 'trigs'], units=['mg/dL', 'mg/dl'], prec=0),
    'ldl': dict(names=['LDL', 'LDL-C', 'LDL cholesterol'], units=['mg/dL', 'mg/dl'], prec=0),
    'hdl': dict(names=['HDL', 'HDL-C', 'HDL cholesterol'], units=['mg/dL', 'mg/dl'], prec=0),
    'wbc': dict(names=['WBC', 'white cell count', 'leukocyte count', 'white count'], units=['x10^3/uL', 'K/uL', '10^3/µL'], prec=1),
    'rbc': dict(names=['RBC', 'red cell count'], units=['x10^6/uL', 'M/uL'], prec=2),
    'hb': dict(names=['Hb', 'Hgb', 'hemoglobin', 'haemoglobin'], units=['g/dL', 'g/dl'], prec=1),
    'hct': dict(names=['Hct', 'hematocrit', 'haematocrit'], units=['%'], prec=1),
    'mcv': dict(names=['MCV'], units=['fL'], prec=1),
    'mch': dict(names=['MCH'], units=['pg'], prec=1),
    'mchc': dict(names=['MCHC'], units=['g/dL'], prec=1),
    'rdw': dict(names=['RDW'], units=['fL'], prec=1),
    'plt': dict(names=['Plt', 'platelets', 'platelet count', 'PLT'], units=['x10^3/uL', 'K/uL', '10^3/µL'], prec=0),
    'ht': dict(names=['height', 'Ht'], units=['cm'], prec=1),
    'wt': dict(names=['weight', 'Wt', 'body weight'], units=['kg'], prec=1),
    'bmi': dict(names=['BMI', 'body mass index'], units=['kg/m2', 'kg/m²'], prec=1),
    'temp': dict(names=['temperature', 'temp', 'T', 'oral temp'], units=['°C', 'C', 'deg C'], prec=1),
    'pain': dict(names=['pain score', 'pain'], units=['/10'], prec=0),
    'uacr': dict(names=['UACR', 'urine albumin/creatinine ratio', 'microalbumin/creatinine ratio'], units=['mg/g'], prec=1),
    'psa': dict(names=['PSA'], units=['ng/mL'], prec=1),
    'bnp': dict(names=['NT-proBNP'], units=['pg/mL'], prec=0),
    'lvef': dict(names=['LVEF', 'EF', 'ejection fraction'], units=['%'], prec=0),
    'mmse': dict(names=['MMSE'], units=[''], prec=0),
    'tscore': dict(names=['T-score', 'DXA T-score'], units=[''], prec=1),
    'alt': dict(names=['ALT'], units=['U/L'], prec=0),
    'ast': dict(names=['AST'], units=['U/L'], prec=0),
    'alp': dict(names=['alk phos', 'ALP'], units=['U/L'], prec=0),
    'tbili': dict(names=['total bilirubin', 'T bili'], units=['mg/dL'], prec=1),
    'alb': dict(names=['albumin', 'Alb'], units=['g/dL'], prec=1),
}

COND_NAME = {
    'Streptococcal sore throat (disorder)': ['strep throat', 'streptococcal pharyngitis', 'strep pharyngitis'],
    'Viral sinusitis (disorder)': ['viral sinusitis'],
    'Acute viral pharyngitis (disorder)': ['acute viral pharyngitis', 'viral pharyngitis'],
    'Acute bronchitis (disorder)': ['acute bronchitis'],
    'Otitis media': ['otitis media'],
    'Sprain of ankle': ['ankle sprain', 'a sprained ankle'],
    'Sprain of wrist': ['wrist sprain'],
    'Chronic sinusitis (disorder)': ['chronic sinusitis'],
    'Sinusitis (disorder)': ['sinusitis'],
    'Hypertension': ['hypertension', 'HTN', 'high blood pressure'],
    'Prediabetes': ['prediabetes'],
    'Anemia (disorder)': ['anemia', 'anaemia'],
    'Stroke': ['stroke', 'CVA'],
    'Neoplasm of prostate': ['prostate neoplasm'],
    'Carcinoma in situ of prostate (disorder)': ['carcinoma in situ of the prostate'],
    'Myocardial Infarction': ['myocardial infarction', 'MI'],
    'Coronary Heart Disease': ['coronary heart disease', 'CHD'],
    "Alzheimer's disease (disorder)": ["Alzheimer's disease"],
    'Chronic congestive heart failure (disorder)': ['chronic congestive heart failure', 'CHF'],
    'Body mass index 30+ - obesity (finding)': ['obesity'],
    'Osteoarthritis of hip': ['hip osteoarthritis', 'OA of the hip'],
    'Fracture of forearm': ['forearm fracture'],
    'Diabetes': ['diabetes'],
    'Childhood asthma': ['childhood asthma', 'asthma'],
    'Atopic dermatitis': ['atopic dermatitis', 'eczema (atopic dermatitis)'],
    'Seasonal allergic rhinitis': ['seasonal allergic rhinitis'],
    'Whiplash injury to neck': ['whiplash injury'],
    'Laceration of hand': ['hand laceration'],
    'Fracture of clavicle': ['clavicle fracture', 'fractured clavicle'],
    'Injury of medial collateral ligament of knee': ['MCL injury of the knee'],
    'Osteoporosis (disorder)': ['osteoporosis'],
    'Concussion with no loss of consciousness': ['concussion without loss of consciousness'],
    'Hyperlipidemia': ['hyperlipidemia'],
    'Epilepsy': ['epilepsy'],
    'Seizure disorder': ['seizure disorder'],
    'Impacted molars': ['impacted molars'],
    'Localized, primary osteoarthritis of the hand': ['primary osteoarthritis of the hand', 'hand OA'],
    'Miscarriage in first trimester': ['first-trimester miscarriage'],
    'Polyp of colon': ['colon polyp'],
    'Recurrent rectal polyp': ['recurrent rectal polyp'],
    'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'stage 1 chronic kidney disease'],
    'Diabetic renal disease (disorder)': ['diabetic kidney disease'],
    'Hypertriglyceridemia (disorder)': ['hypertriglyceridemia'],
    'Metabolic syndrome X (disorder)': ['metabolic syndrome'],
    'Neuropathy due to type 2 diabetes mellitus (disorder)': ['diabetic neuropathy (type 2 DM)'],
    'Hyperglycemia (disorder)': ['hyperglycemia'],
    'Appendicitis': ['appendicitis'],
    'History of appendectomy': ['prior appendectomy'],
    'Metastasis from malignant tumor of prostate (disorder)': ['metastatic prostate cancer'],
    'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)': ['nonproliferative diabetic retinopathy'],
    'Diabetic retinopathy associated with type II diabetes mellitus (disorder)': ['diabetic retinopathy'],
}


def cname(c, R=None, i=0):
    l = COND_NAME.get(c.text) or [c.text.replace(' (disorder)', '').lower()]
    return R.choice(l) if R else l[i % len(l)]


VAX = {
    'Influenza, seasonal, injectable, preservative free': ['flu shot', 'influenza vaccine', 'seasonal flu vaccine'],
    'Td (adult) preservative free': ['Td booster', 'tetanus-diphtheria (Td) booster'],
    'Tdap': ['Tdap', 'Tdap booster'],
    'HPV, quadrivalent': ['HPV vaccine', 'quadrivalent HPV dose'],
    'meningococcal MCV4P': ['meningococcal conjugate vaccine (MCV4)', 'MenACWY'],
    'zoster': ['shingles vaccine', 'zoster vaccine'],
    'Pneumococcal conjugate PCV 13': ['PCV13', 'Prevnar 13'],
    'pneumococcal polysaccharide vaccine, 23 valent': ['PPSV23', 'Pneumovax 23'],
    'Hep A, adult': ['hepatitis A vaccine'],
    'MMR': ['MMR'],
    'varicella': ['varicella vaccine', 'chickenpox vaccine'],
    'DTaP': ['DTaP'],
    'IPV': ['IPV (polio)'],
    'Hep B, adolescent or pediatric': ['hepatitis B vaccine'],
    'Hib (PRP-OMP)': ['Hib vaccine'],
    'rotavirus, monovalent': ['rotavirus vaccine'],
    'Hep A, ped/adol, 2 dose': ['pediatric hepatitis A vaccine'],
}

PROC_NAME = {
    'Throat culture (procedure)': ['throat culture'],
    'Colonoscopy': ['colonoscopy'],
    'trans thoracic echocardiogram': ['transthoracic echo', 'TTE'],
    'Percutaneous mechanical thrombectomy of portal vein using fluoroscopic guidance': ['percutaneous mechanical thrombectomy'],
    'Upper arm X-ray': ['upper arm X-ray'],
    'Bone immobilization': ['bone immobilization'],
    'Plain chest X-ray (procedure)': ['chest X-ray', 'CXR'],
    'Sputum examination (procedure)': ['sputum exam'],
    'Knee X-ray': ['knee X-ray'],
    'Surgical manipulation of joint of knee': ['surgical manipulation of the knee'],
    'Clavicle X-ray': ['clavicle X-ray'],
    'Bone density scan (procedure)': ['bone density (DXA) scan', 'DEXA scan'],
    'Measurement of respiratory function (procedure)': ['respiratory function testing'],
    'Suture open wound': ['wound suturing', 'sutures for an open wound'],
    'Extraction of wisdom tooth': ['wisdom tooth extraction'],
    'Biopsy of prostate': ['prostate biopsy'],
    'Digital examination of rectum': ['digital rectal exam', 'DRE'],
    'Intramuscular injection': ['IM injection'],
    'Admission to orthopedic department': ['orthopedic admission'],
}


def pname(pr, R=None):
    l = PROC_NAME.get(pr.text, [pr.text.lower()])
    return R.choice(l) if R else l[0]


def vname(im, R=None):
    l = VAX.get(im.text, [im.text])
    return R.choice(l) if R else l[0]


def all_dates_of(p, text_match, field='date'):
    """dates of records of same text (for avoiding accidental matches)"""
    s = set()
    for lst in (p.conds, p.meds, p.imms, p.procs, p.encs):
        for r in lst:
            if r.text == text_match or r.type == text_match:
                s.add(r.onset or r.date)
    return s


def dump(path_claims, path_meta):
    with open(path_claims, 'w') as f, open(path_meta, 'w') as g:
        for c, m in CLAIMS:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
            g.write(json.dumps(m, ensure_ascii=False) + '\n')


def cap(s):
    if not s:
        return s
    if any(ch.isupper() for ch in s[1:4]):
        return s
    return s[0].upper() + s[1:]


def prep(D):
    """'on' for a full date, 'in' for month/year"""
    import re as _re
    if _re.fullmatch(r'\d{4}', D) or _re.fullmatch(r'[A-Z][a-z]+\.? \d{4}', D):
        return 'in ' + D
    return 'on ' + D
