"""Shared helpers for the dev5 claim generator: formatting, naming, claim collection."""
import datetime, random, json
import facts

PTS = facts.load_all()
CLAIMS = []   # list of dicts (output format)
META = []     # parallel list: structured assertions for the validator

MON = ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec']
MONTH = ['January','February','March','April','May','June','July','August','September','October','November','December']

def ordinal(n):
    return str(n) + ('th' if 11 <= n % 100 <= 13 else {1:'st',2:'nd',3:'rd'}.get(n % 10, 'th'))

DAY_STYLES = ['iso','us','us_short','uk','dmy','dmy_full','mdy','mdy_full','ord','ord2','dash','dot','slash_iso']
def fmt_date(d, style):
    """d = 'YYYY-MM-DD'. returns (text, granularity_value) where granularity value is the asserted date prefix."""
    y, m, dd = int(d[:4]), int(d[5:7]), int(d[8:10])
    if style in ('uk','dot') and dd <= 12:
        style = 'dmy'
    if style == 'iso': return d, d
    if style == 'us': return f"{m:02d}/{dd:02d}/{y}", d
    if style == 'us_short': return f"{m}/{dd}/{y}", d
    if style == 'uk': return f"{dd:02d}/{m:02d}/{y}", d
    if style == 'dmy': return f"{dd} {MON[m-1]} {y}", d
    if style == 'dmy_full': return f"{dd} {MONTH[m-1]} {y}", d
    if style == 'mdy': return f"{MON[m-1]} {dd}, {y}", d
    if style == 'mdy_full': return f"{MONTH[m-1]} {dd}, {y}", d
    if style == 'ord': return f"{MONTH[m-1]} {ordinal(dd)} {y}", d
    if style == 'ord2': return f"the {ordinal(dd)} of {MONTH[m-1]} {y}", d
    if style == 'dash': return f"{dd:02d}-{MON[m-1]}-{y}", d
    if style == 'dot': return f"{dd:02d}.{m:02d}.{y}", d
    if style == 'slash_iso': return f"{y}/{m:02d}/{dd:02d}", d
    if style == 'month': return f"{MON[m-1]} {y}", d[:7]
    if style == 'month_full': return f"{MONTH[m-1]} {y}", d[:7]
    if style == 'month_num': return f"{m:02d}/{y}", d[:7]
    if style == 'year': return f"{y}", d[:4]
    raise ValueError(style)

def shift_date(d, mode, sign=1):
    y, m, dd = int(d[:4]), int(d[5:7]), int(d[8:10])
    if mode == 'day':
        x = datetime.date(y, m, dd) + datetime.timedelta(days=sign)
        return x.isoformat()
    if mode == 'month':
        m2 = m + sign; y2 = y
        if m2 == 13: m2, y2 = 1, y + 1
        if m2 == 0: m2, y2 = 12, y - 1
        dd2 = min(dd, 28) if m2 == 2 else min(dd, 30)
        return f"{y2:04d}-{m2:02d}-{dd2:02d}"
    if mode == 'year':
        dd2 = 28 if (m == 2 and dd == 29) else dd
        return f"{y+sign:04d}-{m:02d}-{dd2:02d}"
    if mode == 'swap':
        assert dd <= 12 and dd != m
        return f"{y:04d}-{dd:02d}-{m:02d}"
    raise ValueError(mode)

def f(v, dec):
    return f"{v:.{dec}f}"

def c2f(c): return c * 9 / 5 + 32
def kg2lb(k): return k * 2.20462
def cm2in(c): return c / 2.54

class Pt:
    """Thin wrapper adding pronouns."""
    def __init__(self, key):
        self.p = PTS[key]
        self.key = key
        self.he = 'he' if self.p.gender == 'male' else 'she'
        self.his = 'his' if self.p.gender == 'male' else 'her'
        self.him = 'him' if self.p.gender == 'male' else 'her'
        self.He = self.he.capitalize(); self.His = self.his.capitalize()
        self.mr = ('Mr. ' if self.p.gender == 'male' else 'Ms. ') + self.p.name.split()[-1]

def P(key): return Pt(key)

KIND = {'Observation':'observation','Condition':'condition','MedicationRequest':'medication','AllergyIntolerance':'allergy',
        'Encounter':'encounter','Procedure':'procedure','Immunization':'immunization','DiagnosticReport':'diagnostic-report'}

def cite_for(pt, rid):
    if rid == pt.p.id:
        return {"kind":"record","record":"patient","id":rid}
    base = rid.split('#')[0]
    r = pt.p.byid[base]
    return {"kind":"record","record":KIND[r['resourceType']],"id":rid}

_SEEN = set()
_MON_RE = r'(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}|\d{2}/\d{4}'
def fix_preps(text):
    """'on May 2015' / 'on 2015' -> 'in ...' (month- or year-only dates)."""
    import re as _re
    text = _re.sub(r'\b(on|back on) (' + _MON_RE + r')\b', lambda m: ('back in ' if m.group(1) == 'back on' else 'in ') + m.group(2), text)
    text = _re.sub(r'\b(on|back on) (\d{4})(?=[ .,;:)]|$)', lambda m: ('back in ' if m.group(1) == 'back on' else 'in ') + m.group(2), text)
    return text

def add(cat, label, pt, text, cites, why, asserts):
    import re as _re
    text = fix_preps(text)
    text = _re.sub(r'  +', ' ', text)
    text = _re.sub(r'\bEGFR\b', 'eGFR', text)
    text = _re.sub(r' ([.,;:])(?=\s|$)', r'\1', text)
    if text[0].islower() and not (len(text) > 1 and text[1].isupper()):
        text = text[0].upper() + text[1:]
    assert label in ('correct','wrong')
    if (pt.key, text) in _SEEN: return False
    _SEEN.add((pt.key, text))
    CLAIMS.append({"patient": pt.p.id, "text": text, "citations": [cite_for(pt, c) for c in cites],
                   "label": label, "category": cat, "why": why})
    META.append({"asserts": asserts})

# ---------- assertion builders ----------
def A_val(ref, an, s, v, u, q='exact', lo=None, hi=None):
    d = {"t":"val","ref":ref,"an":an,"s":s,"v":v,"u":u,"q":q}
    if lo is not None: d['lo'] = lo; d['hi'] = hi
    return d
def A_date(ref, s, d, field=None):
    return {"t":"date","ref":ref,"s":s,"d":d,"field":field}
def A_dater(ref, s, lo, hi, field=None):
    return {"t":"daterange","ref":ref,"s":s,"lo":lo,"hi":hi,"field":field}
def A_status(ref, st): return {"t":"status","ref":ref,"st":st}
def A_code(ref, terms, s=None): return {"t":"code","ref":ref,"all":terms,"s":s}
def A_latest(ref): return {"t":"latest","ref":ref}
def A_dir(a, b, direction, an=None, tol=0.03):
    return {"t":"dir","a":a,"b":b,"dir":direction,"an":an,"tol":tol}
def A_absent(terms): return {"t":"absent","terms":terms}
def A_interp(ref, scheme, cat, s=None): return {"t":"interp","ref":ref,"scheme":scheme,"cat":cat,"s":s}
def A_smoke(ref, val): return {"t":"smoke","ref":ref,"val":val}
def A_prn(ref, prn): return {"t":"prn","ref":ref,"prn":prn}
def A_freq(ref, freq, period, unit): return {"t":"freq","ref":ref,"freq":freq,"period":period,"unit":unit}

# ---------- human names ----------
COND = {
 'Viral sinusitis (disorder)': ['viral sinusitis','a viral sinus infection','viral rhinosinusitis'],
 'Acute bronchitis (disorder)': ['acute bronchitis','bronchitis'],
 'Acute viral pharyngitis (disorder)': ['viral pharyngitis','acute viral pharyngitis','a viral sore throat'],
 'Body mass index 30+ - obesity (finding)': ['obesity','obesity (BMI 30+)'],
 'Streptococcal sore throat (disorder)': ['strep throat','streptococcal pharyngitis','a streptococcal sore throat'],
 'Otitis media': ['otitis media','an ear infection','a middle-ear infection'],
 'Chronic sinusitis (disorder)': ['chronic sinusitis','chronic rhinosinusitis'],
 'Hypertension': ['hypertension','HTN','high blood pressure'],
 'Prediabetes': ['prediabetes','pre-diabetes'],
 'Sprain of ankle': ['an ankle sprain','a sprained ankle'],
 'Anemia (disorder)': ['anaemia','anemia'],
 'Stroke': ['stroke','CVA'],
 'Miscarriage in first trimester': ['a first-trimester miscarriage','an early (first-trimester) miscarriage'],
 'Appendicitis': ['appendicitis'],
 'History of appendectomy': ['a prior appendectomy','history of appendicectomy'],
 'Neoplasm of prostate': ['a prostate neoplasm','neoplasm of the prostate'],
 'Sprain of wrist': ['a wrist sprain','a sprained wrist'],
 'Diabetes': ['diabetes','diabetes mellitus','DM'],
 'Hyperglycemia (disorder)': ['hyperglycaemia','hyperglycemia'],
 'Hypertriglyceridemia (disorder)': ['hypertriglyceridaemia','hypertriglyceridemia'],
 'Metabolic syndrome X (disorder)': ['metabolic syndrome','metabolic syndrome X'],
 'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1','chronic kidney disease stage 1','CKD G1'],
 'Diabetic renal disease (disorder)': ['diabetic kidney disease','diabetic nephropathy'],
 'Childhood asthma': ['childhood asthma','asthma'],
 'Carcinoma in situ of prostate (disorder)': ['prostate carcinoma in situ','carcinoma in situ of the prostate'],
 'Myocardial Infarction': ['MI','a myocardial infarction','a heart attack'],
 'History of myocardial infarction (situation)': ['history of MI','a past myocardial infarction'],
 'Coronary Heart Disease': ['coronary heart disease','CHD'],
 "Alzheimer's disease (disorder)": ["Alzheimer's disease","Alzheimer disease"],
 'Chronic congestive heart failure (disorder)': ['CHF','chronic congestive heart failure','congestive cardiac failure'],
 'Osteoarthritis of hip': ['hip osteoarthritis','OA of the hip'],
 'Fracture of forearm': ['a forearm fracture','a fractured forearm'],
 'Sinusitis (disorder)': ['sinusitis'],
 'Injury of medial collateral ligament of knee': ['a knee MCL injury','an MCL injury of the knee'],
 'Neuropathy due to type 2 diabetes mellitus (disorder)': ['diabetic neuropathy (type 2)','type 2 diabetic neuropathy'],
 'Polyp of colon': ['a colon polyp','a colonic polyp'],
 'Recurrent rectal polyp': ['a recurrent rectal polyp'],
 'Fracture of clavicle': ['a clavicle fracture','a broken collarbone'],
 'Atopic dermatitis': ['atopic dermatitis','atopic eczema'],
 'Seasonal allergic rhinitis': ['seasonal allergic rhinitis','hay fever'],
 'Whiplash injury to neck': ['a whiplash injury','whiplash'],
 'Laceration of hand': ['a hand laceration','a laceration of the hand'],
 'Localized, primary osteoarthritis of the hand': ['primary OA of the hand','hand osteoarthritis'],
 'Osteoporosis (disorder)': ['osteoporosis'],
 'Concussion with no loss of consciousness': ['a concussion without LOC','a concussion (no loss of consciousness)'],
 'Seizure disorder': ['a seizure disorder'],
 'History of single seizure (situation)': ['a history of a single seizure'],
 'Epilepsy': ['epilepsy'],
 'Impacted molars': ['impacted molars','impacted wisdom teeth'],
 'Hyperlipidemia': ['hyperlipidaemia','hyperlipidemia'],
 'Diabetic retinopathy associated with type II diabetes mellitus (disorder)': ['diabetic retinopathy'],
 'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)': ['non-proliferative diabetic retinopathy','NPDR'],
 'Metastasis from malignant tumor of prostate (disorder)': ['metastatic prostate cancer'],
}
# which terms a validator can look for in the condition display to confirm the name
COND_KEY = {k: k.lower().split(' (')[0] for k in COND}

VACC = {
 'Influenza, seasonal, injectable, preservative free': ['flu shot','influenza vaccine','seasonal flu vaccine','flu jab'],
 'Td (adult) preservative free': ['Td booster','tetanus-diphtheria (Td) booster'],
 'Tdap': ['Tdap','Tdap booster'],
 'HPV, quadrivalent': ['HPV vaccine (quadrivalent)','Gardasil (HPV4) dose'],
 'meningococcal MCV4P': ['MenACWY (MCV4) vaccine','meningococcal conjugate vaccine'],
 'Pneumococcal conjugate PCV 13': ['PCV13','Prevnar 13'],
 'pneumococcal polysaccharide vaccine, 23 valent': ['PPSV23','Pneumovax 23'],
 'zoster': ['shingles vaccine','zoster vaccine'],
 'DTaP': ['DTaP'],
 'IPV': ['IPV (polio)','inactivated polio vaccine'],
 'Hep B, adolescent or pediatric': ['hep B vaccine','hepatitis B vaccine'],
 'Hep B, adult': ['adult hep B vaccine'],
 'Hib (PRP-OMP)': ['Hib vaccine'],
 'rotavirus, monovalent': ['rotavirus vaccine (Rotarix)','oral rotavirus vaccine'],
 'MMR': ['MMR'],
 'varicella': ['varicella vaccine','chickenpox vaccine'],
 'Hep A, ped/adol, 2 dose': ['hep A vaccine','hepatitis A vaccine'],
 'Hep A, adult': ['adult hep A vaccine','hepatitis A vaccine'],
}
VACC_KEY = {
 'Influenza, seasonal, injectable, preservative free':'influenza','Td (adult) preservative free':'td (adult)','Tdap':'tdap',
 'HPV, quadrivalent':'hpv','meningococcal MCV4P':'meningococcal','Pneumococcal conjugate PCV 13':'pcv 13',
 'pneumococcal polysaccharide vaccine, 23 valent':'23 valent','zoster':'zoster','DTaP':'dtap','IPV':'ipv',
 'Hep B, adolescent or pediatric':'hep b','Hep B, adult':'hep b','Hib (PRP-OMP)':'hib','rotavirus, monovalent':'rotavirus',
 'MMR':'mmr','varicella':'varicella','Hep A, ped/adol, 2 dose':'hep a','Hep A, adult':'hep a'}

PROC = {
 'Colonoscopy': ['colonoscopy','a colonoscopy'],
 'Throat culture (procedure)': ['throat culture','a throat swab culture'],
 'Measurement of respiratory function (procedure)': ['lung function testing','a respiratory function measurement'],
 'Extraction of wisdom tooth': ['wisdom tooth extraction','extraction of a wisdom tooth'],
 'Plain chest X-ray (procedure)': ['chest X-ray','CXR'],
 'Upper arm X-ray': ['upper-arm X-ray','an X-ray of the upper arm'],
 'Bone immobilization': ['bone immobilisation','immobilization of the fracture'],
 'Knee X-ray': ['knee X-ray','knee radiograph'],
 'Surgical manipulation of joint of knee': ['manipulation of the knee joint'],
 'Suture open wound': ['wound suturing','suture repair of the wound'],
 'Clavicle X-ray': ['clavicle X-ray'],
 'Bone density scan (procedure)': ['bone density scan','DXA scan'],
 'Percutaneous mechanical thrombectomy of portal vein using fluoroscopic guidance': ['percutaneous mechanical thrombectomy'],
 'trans thoracic echocardiogram': ['transthoracic echo','TTE'],
 'Sputum examination (procedure)': ['sputum examination'],
 'Intramuscular injection': ['IM injection','intramuscular injection'],
 'Digital examination of rectum': ['DRE','digital rectal exam'],
 'Biopsy of prostate': ['prostate biopsy'],
 'Admission to orthopedic department': ['orthopaedic admission'],
 'Documentation of current medications': ['medication reconciliation','med rec'],
}
PROC_KEY = {k: k.lower().split(' (')[0] for k in PROC}

ENC = {
 'Encounter for check up (procedure)': ['check-up','wellness visit','routine check-up','annual physical'],
 'Encounter for symptom': ['sick visit','symptom visit'],
 'Emergency room admission (procedure)': ['ED visit','ER visit','emergency department visit'],
 'Emergency Room Admission': ['ED visit','ER visit'],
 'Encounter Inpatient': ['inpatient admission'],
 'Follow-up encounter': ['follow-up visit'],
 'Asthma follow-up': ['asthma follow-up'],
 'Consultation for treatment': ['consultation'],
 'Prenatal initial visit': ['initial prenatal visit'],
 'Death Certification': ['death certification'],
 'Office Visit': ['office visit'],
 'Encounter for problem': ['problem visit'],
 'Emergency Encounter': ['emergency encounter'],
 'Outpatient procedure (procedure)': ['outpatient procedure visit'],
 "Encounter for 'check-up'": ['check-up'],
 'Patient encounter procedure': ['procedure visit'],
 'Non-urgent orthopedic admission': ['non-urgent orthopaedic admission'],
}
ENC_KEY = {k: k.lower().replace(' (procedure)','') for k in ENC}

ANALYTE = {  # short -> (display names for text, unit text variants, default decimals)
 'tc': (['total cholesterol','TC','total chol'], 'mg/dL', 0),
 'ldl': (['LDL','LDL-C','LDL cholesterol'], 'mg/dL', 0),
 'hdl': (['HDL','HDL-C','HDL cholesterol'], 'mg/dL', 0),
 'tg': (['triglycerides','TG','trigs'], 'mg/dL', 0),
 'glucose': (['glucose','blood glucose','Glu'], 'mg/dL', 0),
 'bun': (['BUN','urea nitrogen'], 'mg/dL', 1),
 'cr': (['creatinine','Cr','serum creatinine'], 'mg/dL', 2),
 'ca': (['calcium','Ca'], 'mg/dL', 1),
 'na': (['sodium','Na'], 'mmol/L', 0),
 'k': (['potassium','K'], 'mmol/L', 1),
 'cl': (['chloride','Cl'], 'mmol/L', 0),
 'co2': (['bicarbonate','CO2','HCO3'], 'mmol/L', 0),
 'a1c': (['HbA1c','A1c','hemoglobin A1c'], '%', 1),
 'egfr': (['eGFR'], 'mL/min/1.73m2', 0),
 'uacr': (['urine albumin/creatinine ratio','UACR','microalbumin/creatinine ratio'], 'mg/g', 1),
 'wbc': (['WBC','white count','white cell count'], '10^3/uL', 1),
 'rbc': (['RBC','red cell count'], '10^6/uL', 2),
 'hgb': (['hemoglobin','Hgb','Hb','haemoglobin'], 'g/dL', 1),
 'hct': (['hematocrit','Hct'], '%', 1),
 'mcv': (['MCV'], 'fL', 1),
 'plt': (['platelets','Plt','platelet count'], '10^3/uL', 0),
 'bmi': (['BMI'], 'kg/m2', 1),
 'weight': (['weight','Wt','body weight'], 'kg', 1),
 'height': (['height','Ht'], 'cm', 1),
 'temp': (['temperature','temp','T'], 'C', 1),
 'psa': (['PSA'], 'ng/mL', 2),
 'lvef': (['LVEF','ejection fraction','EF'], '%', 0),
 'ntprobnp': (['NT-proBNP'], 'pg/mL', 0),
 'mmse': (['MMSE'], '', 0),
 'alt': (['ALT'], 'U/L', 0), 'ast': (['AST'], 'U/L', 0), 'alp': (['alk phos','ALP'], 'U/L', 0),
 'albumin': (['albumin'], 'g/dL', 1), 'bili': (['total bilirubin','T bili'], 'mg/dL', 2),
 'gfr_pred': (['predicted GFR'], 'mL/min', 0),
 'tscore': (['DXA T-score'], '', 1),
 'pain': (['pain score'], '/10', 0),
}

def rng(seed): return random.Random(seed)

class Cycler:
    """Hand out items from a list in shuffled order, reshuffling when exhausted."""
    def __init__(self, items, seed):
        self.items = list(items); self.r = random.Random(seed); self.buf = []
    def next(self):
        if not self.buf:
            self.buf = self.items[:]; self.r.shuffle(self.buf)
        return self.buf.pop()

def dump(path_claims, path_meta):
    with open(path_claims, 'w') as fo:
        for c in CLAIMS: fo.write(json.dumps(c, ensure_ascii=False) + '\n')
    with open(path_meta, 'w') as fo:
        for c, m in zip(CLAIMS, META): fo.write(json.dumps({"text": c['text'], **m}, ensure_ascii=False) + '\n')
