#!/usr/bin/env python3
"""Generator for claim set N (seed 20261211). Writes claims.jsonl and checks.jsonl.
checks.jsonl: per claim, the structured facts the sentence asserts (validate.py re-evaluates them)."""
import json, glob, os, random, datetime, collections
SEED = 20261211
R = random.Random(SEED)
OUT = os.path.dirname(os.path.abspath(__file__))
DATA = '/work/shared/data/synthea'
MON = ['January','February','March','April','May','June','July','August','September','October','November','December']

def ordn(d):
    return str(d) + ('th' if 11 <= d % 100 <= 13 else {1:'st',2:'nd',3:'rd'}.get(d % 10, 'th'))

def fmt_date(iso, style=None):
    """returns (text, precision-prefix) for an ISO date YYYY-MM-DD"""
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    styles = ['iso','us','uk','dmy','mdy','long','the','mon','year','dmy_short']
    if style is None:
        style = R.choice(styles)
    if style == 'uk' and d <= 12: style = 'dmy'
    if style == 'us' and d <= 12: style = R.choice(['iso','mdy'])
    if style == 'iso': return iso, iso
    if style == 'us': return f'{m:02d}/{d:02d}/{y}', iso
    if style == 'uk': return f'{d:02d}/{m:02d}/{y}', iso
    if style == 'dmy': return f'{d} {MON[m-1][:3]} {y}', iso
    if style == 'dmy_short': return f'{d}-{MON[m-1][:3]}-{y}', iso
    if style == 'mdy': return f'{MON[m-1][:3]} {d}, {y}', iso
    if style == 'long': return f'{MON[m-1]} {ordn(d)} {y}', iso
    if style == 'the': return f'the {ordn(d)} of {MON[m-1]} {y}', iso
    if style == 'mon': return f'{MON[m-1][:3]} {y}' if R.random() < .5 else f'{MON[m-1]} {y}', iso[:7]
    if style == 'year': return f'{y}', iso[:4]

def day_date(iso):
    return fmt_date(iso, R.choice(['iso','us','uk','dmy','mdy','long','the','dmy_short']))

def shift(iso, kind):
    dt = datetime.date.fromisoformat(iso)
    if kind == 'day': dt = dt + datetime.timedelta(days=R.choice([-1, 1]))
    elif kind == 'month':
        m = dt.month + R.choice([-1, 1]); y = dt.year
        if m == 0: m, y = 12, y - 1
        if m == 13: m, y = 1, y + 1
        dt = dt.replace(year=y, month=m, day=min(dt.day, 28))
    elif kind == 'year': dt = dt.replace(year=dt.year + R.choice([-1, 1]), day=min(dt.day, 28))
    elif kind == 'swap':
        if dt.day > 12 or dt.day == dt.month: return None
        dt = dt.replace(month=dt.day, day=dt.month)
    return dt.isoformat()

# analyte table: code -> (abbreviations, full name, unit spellings, decimals)
AN = {
 '8480-6': (['SBP','systolic'], 'systolic blood pressure', ['mmHg','mm Hg','mm[Hg]'], 0),
 '8462-4': (['DBP','diastolic'], 'diastolic blood pressure', ['mmHg','mm Hg','mm[Hg]'], 0),
 '29463-7': (['Wt','weight'], 'body weight', ['kg','kgs'], 1),
 '8302-2': (['Ht','height'], 'body height', ['cm'], 1),
 '39156-5': (['BMI'], 'body mass index', ['kg/m2','kg/m²','kg/m^2'], 1),
 '2093-3': (['TC','total chol','T-chol'], 'total cholesterol', ['mg/dL','mg/dl'], 0),
 '2571-8': (['TG','trigs'], 'triglycerides', ['mg/dL','mg/dl'], 0),
 '18262-6': (['LDL','LDL-C'], 'LDL cholesterol', ['mg/dL','mg/dl'], 0),
 '2085-9': (['HDL','HDL-C'], 'HDL cholesterol', ['mg/dL','mg/dl'], 0),
 '2339-0': (['Glu','glucose','BG'], 'blood glucose', ['mg/dL','mg/dl'], 0),
 '6299-2': (['BUN','urea N'], 'urea nitrogen', ['mg/dL','mg/dl'], 0),
 '38483-4': (['Cr','Creat','SCr'], 'creatinine', ['mg/dL','mg/dl'], 2),
 '49765-1': (['Ca'], 'calcium', ['mg/dL','mg/dl'], 1),
 '2947-0': (['Na'], 'sodium', ['mmol/L','mmol/l','mEq/L'], 0),
 '6298-4': (['K','K+'], 'potassium', ['mmol/L','mmol/l','mEq/L'], 1),
 '2069-3': (['Cl'], 'chloride', ['mmol/L','mmol/l','mEq/L'], 0),
 '20565-8': (['CO2','bicarb','HCO3'], 'bicarbonate (CO2)', ['mmol/L','mmol/l','mEq/L'], 0),
 '4548-4': (['HbA1c','A1c','HbA1C'], 'haemoglobin A1c', ['%'], 1),
 '33914-3': (['eGFR'], 'estimated GFR', ['mL/min/1.73m2','mL/min/1.73 m²','ml/min/1.73m2'], 0),
 '718-7': (['Hb','Hgb'], 'haemoglobin', ['g/dL','g/dl'], 1),
 '6690-2': (['WBC'], 'white cell count', ['x10^3/uL','K/uL','x10^9/L'], 1),
 '777-3': (['Plt','PLT'], 'platelet count', ['x10^3/uL','K/uL','x10^9/L'], 0),
 '8331-1': (['T','Temp'], 'oral temperature', ['°C','C','deg C','degrees Celsius'], 1),
 '14959-1': (['UACR','ACR'], 'urine albumin/creatinine ratio', ['mg/g'], 1),
}
LIPIDS = ['2093-3','2571-8','18262-6','2085-9']

def pdate(r):
    t = r['resourceType']
    for k in ('effectiveDateTime','onsetDateTime','authoredOn','occurrenceDateTime','recordedDate'):
        if k in r: return r[k][:10]
    if 'period' in r: return r['period']['start'][:10]
    if 'performedPeriod' in r: return r['performedPeriod']['start'][:10]
    if 'performedDateTime' in r: return r['performedDateTime'][:10]
    return None

class P:
    def __init__(self, f):
        rs = [e['resource'] for e in json.load(open(f))['entry']]
        self.rs = rs
        self.pt = [r for r in rs if r['resourceType']=='Patient'][0]
        self.id = self.pt['id']
        self.name = os.path.basename(f).split('_')[0]
        self.birth = self.pt['birthDate']
        self.dead = 'deceasedDateTime' in self.pt
        self.vals = []   # (cid, rid, code, value, unit, date)
        self.smoke = []
        for r in rs:
            if r['resourceType'] != 'Observation': continue
            c = r['code']['coding'][0]['code']; d = pdate(r)
            if 'valueQuantity' in r and c in AN:
                if c == '33914-3' and r['valueQuantity']['unit'] != 'mL/min/{1.73_m2}': continue
                self.vals.append((r['id'], r['id'], c, r['valueQuantity']['value'], r['valueQuantity']['unit'], d))
            if 'component' in r and c == '55284-4':
                for i, comp in enumerate(r['component']):
                    cc = comp['code']['coding'][0]['code']
                    self.vals.append((f"{r['id']}#{i}", r['id'], cc, comp['valueQuantity']['value'], 'mm[Hg]', d))
            if c == '72166-2':
                self.smoke.append((r['id'], r['valueCodeableConcept']['coding'][0]['display'], d))
        self.conds = [r for r in rs if r['resourceType']=='Condition']
        self.meds = [r for r in rs if r['resourceType']=='MedicationRequest']
        self.alls = [r for r in rs if r['resourceType']=='AllergyIntolerance']
        self.encs = [r for r in rs if r['resourceType']=='Encounter']
        self.imms = [r for r in rs if r['resourceType']=='Immunization']
        self.procs = [r for r in rs if r['resourceType']=='Procedure' and r['code']['coding'][0]['display'] != 'Documentation of current medications']
        self.bycode = collections.defaultdict(list)
        for v in self.vals: self.bycode[v[2]].append(v)
        for k in self.bycode: self.bycode[k].sort(key=lambda v: v[5])
        self.text_all = ' '.join(x['code']['coding'][0]['display'].lower() for x in self.conds) + ' ' + \
            ' '.join(x['medicationCodeableConcept']['coding'][0]['display'].lower() for x in self.meds) + ' ' + \
            ' '.join(x['code']['coding'][0]['display'].lower() for x in self.alls)
    def age_at(self, iso):
        b = datetime.date.fromisoformat(self.birth); d = datetime.date.fromisoformat(iso)
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

PATS = [P(f) for f in sorted(glob.glob(DATA + '/*.json'))]

def cit_obs(cid): return {'kind':'record','record':'observation','id':cid}
RK = {'Condition':'condition','MedicationRequest':'medication','AllergyIntolerance':'allergy','Encounter':'encounter',
      'Procedure':'procedure','Immunization':'immunization','DiagnosticReport':'diagnostic-report','Observation':'observation'}
def cit(r): return {'kind':'record','record':RK[r['resourceType']],'id':r['id']}

def rshow(v, d):
    s = f'{v:.{d}f}'
    return s
def safe_round(v, d):
    """True if v is not near a rounding boundary at d decimals"""
    step = 10 ** -d
    frac = abs(v / step - round(v / step))
    return frac < 0.4
def wrong_val(v, d, code):
    step = 10 ** -d
    for _ in range(20):
        mag = max(abs(v) * R.uniform(0.08, 0.25), 3 * step)
        w = v + R.choice([-1, 1]) * mag
        if w > 0 and abs(w - v) >= 3 * step: return round(w, d)
    return round(v * 1.2, d)

def vfact(v, show_val, unit, tol, code, wrongtol=None):
    return {'k':'val','id':v[0],'code':code,'v':show_val,'unit':unit,'tol':tol,'show':rshow(show_val, 0) if isinstance(show_val,int) else str(show_val)}

def val_fact(v, shown_value_str, unit, tol):
    return {'k':'val','id':v[0],'code':v[2],'v':float(shown_value_str),'unit':unit,'tol':tol,'show':shown_value_str}
def date_fact(rid, prec_iso, shown):
    return {'k':'date','id':rid,'d':prec_iso,'show':shown}

WRAP = {
 'gen': ['{s}', 'Pre-visit summary: {s}', '• {s}', 'Ward round: {s}', 'Tel. consult note: {s}', 'O: {s}', 'Summary for referral: {s}',
         'Discharge letter: {s}', 'Hx: {s}', 'Chart review - {s}', 'A/P: {s}', '{s} (per chart)', 'Per the records, {sl}',
         'Q: what does the chart show? A: {s}', 'Dear colleague, for your information: {sl}', 'Referral letter: {s}'],
}
def wrap(s):
    w = R.choice(WRAP['gen'])
    fw = re.split(r'[ :,(]', s)[0]
    keep = (fw[:1].isdigit() or any(ch.isupper() for ch in fw[1:]) or fw.lower().rstrip('.') in MONTHS_L or fw in BRAND_WORDS or "'" in fw)
    sl = s if keep else s[0].lower() + s[1:]
    return w.format(s=s, sl=sl)

MONTHS_L = set([m.lower() for m in MON] + [m[:3].lower() for m in MON])
BRAND_WORDS = set()
CLAIMS = []
def fix_prep(text, facts):
    for f in facts:
        if f['k'] != 'date': continue
        sh = f['show']
        if len(f['d']) < 10:
            for a, b in ((' on ' + sh, ' in ' + sh), ('dated ' + sh, 'from ' + sh), ('recorded ' + sh, 'recorded in ' + sh),
                         ('administered ' + sh, 'administered in ' + sh), ('performed ' + sh, 'performed in ' + sh), ('done ' + sh, 'done in ' + sh),
                         ('checked ' + sh, 'checked in ' + sh), ('Underwent', 'Underwent')):
                text = text.replace(a, b)
        else:
            text = text.replace(' in ' + sh, ' on ' + sh)
    fw = text.split(' ')[0]
    if fw.isalpha() and fw.islower() and fw != 'the': text = text[0].upper() + text[1:]
    return text
def add(p, text, cits, label, cat, why, facts, expect=None):
    text = fix_prep(text, facts)
    CLAIMS.append({'patient': p.id, 'text': text, 'citations': cits, 'label': label, 'category': cat, 'why': why, '_facts': facts})

def pick_val(p, codes=None, need_many=False):
    pool = [v for v in p.vals if (codes is None or v[2] in codes)]
    if not pool: return None
    return R.choice(pool)

def unit_sp(code): return R.choice(AN[code][2])
def an_name(code, abbr=True):
    return R.choice(AN[code][0]) if abbr else AN[code][1]

# ---------------- value phrase -----------------
def value_phrase(p, v, abbr=None, wrong=False, dates=True, wrong_kind=None):
    """returns (phrase, facts, why_bits, nfalse)"""
    code = v[2]; d = AN[code][3]
    if code in ('8480-6', '8462-4'): d = 0
    if abbr is None: abbr = R.random() < .6
    nm = an_name(code, abbr); u = unit_sp(code)
    if not safe_round(v[3], d): return None
    val = round(v[3], d); nfalse = 0; why = []
    if wrong and wrong_kind == 'value':
        val = wrong_val(v[3], d, code); nfalse += 1; why.append(f'{AN[code][1]} was {v[3]:.{d}f}, not {val:.{d}f}')
    vs = rshow(val, d)
    facts = [val_fact(v, vs, u if code not in ('8480-6','8462-4') else 'mmHg', 0.5 * 10 ** -d + 1e-9)]
    facts[0]['unit'] = norm_unit(u)
    dtxt = ''
    if dates:
        iso = v[5]
        if wrong and wrong_kind == 'date':
            k = R.choice(['day','month','year','swap'])
            s = shift(iso, k) or shift(iso, 'year'); iso2 = s
            dtxt, pr = day_date(iso2); nfalse += 1; why.append(f'date is {v[5]}, not {iso2}')
        else:
            dtxt, pr = fmt_date(iso)
        facts.append(date_fact(v[0], pr, dtxt))
    if not why: why.append(f'{v[0]} {AN[code][1]}={v[3]:.{d+1}f} {v[4]} on {v[5]}')
    return nm, vs, u, dtxt, facts, why, nfalse

def norm_unit(u):
    m = {'mmHg':'mmHg','mm Hg':'mmHg','mm[Hg]':'mmHg','kg':'kg','kgs':'kg','cm':'cm','kg/m2':'kg/m2','kg/m²':'kg/m2','kg/m^2':'kg/m2',
         'mg/dL':'mg/dL','mg/dl':'mg/dL','mmol/L':'mmol/L','mmol/l':'mmol/L','mEq/L':'mmol/L','%':'%','mL/min/1.73m2':'mL/min/1.73m2',
         'mL/min/1.73 m²':'mL/min/1.73m2','ml/min/1.73m2':'mL/min/1.73m2','g/dL':'g/dL','g/dl':'g/dL','x10^3/uL':'10*3/uL','K/uL':'10*3/uL',
         'x10^9/L':'10*3/uL','°C':'Cel','C':'Cel','deg C':'Cel','degrees Celsius':'Cel','mg/g':'mg/g'}
    return m.get(u, u)

# ---------------- helpers for drugs / conditions -----------------
BRAND = {  # ingredient keyword in record display (lower) -> (generic, [brands])
 'simvistatin': ('simvastatin', ['Zocor']), 'simvastatin': ('simvastatin', ['Zocor']),
 'hydrochlorothiazide': ('hydrochlorothiazide', ['HCTZ', 'Microzide']),
 'naproxen': ('naproxen sodium', ['Aleve']), 'clopidogrel': ('clopidogrel', ['Plavix']),
 'metformin': ('metformin ER', ['Glucophage XR']), 'amlodipine': ('amlodipine', ['Norvasc']),
 'metoprolol': ('metoprolol succinate ER', ['Toprol XL']), 'lasix': ('furosemide', ['Lasix']),
 'alteplase': ('alteplase', ['Activase']), 'galantamine': ('galantamine', ['Razadyne']),
 'memantine': ('memantine', ['Namenda']), 'alendronic': ('alendronate', ['Fosamax']),
 'fexofenadine': ('fexofenadine', ['Allegra']), 'fluticasone': ('fluticasone propionate', ['Flovent HFA']),
 'albuterol': ('albuterol', ['ProAir HFA', 'Ventolin HFA']), 'docetaxel': ('docetaxel', ['Taxotere']),
 'oxaliplatin': ('oxaliplatin', ['Eloxatin']), 'leuprolide': ('leuprolide', ['Lupron Depot']),
 'cefuroxime': ('cefuroxime', ['Ceftin']), 'medroxyprogesterone': ('medroxyprogesterone', ['Depo-Provera']),
 'diphenhydramine': ('diphenhydramine', ['Benadryl']), 'clavulanate': ('amoxicillin-clavulanate', ['Augmentin']),
 'oxycodone': ('oxycodone/acetaminophen', ['Percocet']), 'hydrocodone': ('hydrocodone/acetaminophen', ['Norco', 'Vicodin']),
 'nitroglycerin': ('nitroglycerin', ['Nitrolingual']), 'ibuprofen': ('ibuprofen', ['Advil', 'Motrin']),
 'epinephrine': ('epinephrine', ['EpiPen']),
 'acetaminophen': ('acetaminophen', ['Tylenol', 'paracetamol']), 'penicillin v': ('penicillin V potassium', ['Pen VK']),
 'amoxicillin': ('amoxicillin', ['Amoxil']), 'insulin': ('NPH/regular insulin 70/30', ['Humulin 70/30']),
}
import re as _re
OTHER_BRANDS = ['Lipitor', 'Crestor', 'Lisinopril', 'Zestril', 'Glucotrol', 'Coumadin', 'Eliquis', 'Xarelto', 'Synthroid', 'Prilosec',
                'Zoloft', 'Lexapro', 'Keflex', 'Zithromax', 'Cipro', 'Prednisone', 'Losartan', 'Cozaar', 'Atenolol', 'Tenormin']
ORDER = ['clavulanate','oxycodone','hydrocodone','simvistatin','simvastatin','hydrochlorothiazide','naproxen','clopidogrel','metformin',
         'amlodipine','metoprolol','lasix','alteplase','galantamine','memantine','alendronic','fexofenadine','fluticasone','albuterol',
         'docetaxel','oxaliplatin','leuprolide','cefuroxime','medroxyprogesterone','diphenhydramine','nitroglycerin','ibuprofen',
         'epinephrine','penicillin v','amoxicillin','insulin','acetaminophen']
import re
def med_info(m):
    disp = m['medicationCodeableConcept']['coding'][0]['display']; dl = disp.lower()
    if 'dextromethorphan' in dl: return None
    for k in ORDER:
        if k in dl:
            g, brands = BRAND[k]
            mg = re.findall(r'([\d.]+) ?mg', dl)
            strength = None
            if k in ('simvistatin','simvastatin','hydrochlorothiazide','naproxen','clopidogrel','metformin','amlodipine','metoprolol','lasix',
                     'galantamine','alendronic','fexofenadine','cefuroxime','diphenhydramine','ibuprofen','penicillin v','amoxicillin','acetaminophen','alteplase'):
                strength = mg[0] if mg else None
            if k == 'amoxicillin' and 'clavulanate' in dl: continue
            return k, g, brands, strength, disp
    return None

COND = {  # display lower substring -> ([names as written], validator term)
 'hypertension': (['hypertension', 'HTN'], 'hypertension'), 'prediabetes': (['prediabetes', 'pre-diabetes'], 'prediabetes'),
 'viral sinusitis': (['viral sinusitis'], 'viral sinusitis'), 'acute bronchitis': (['acute bronchitis'], 'acute bronchitis'),
 'acute viral pharyngitis': (['viral pharyngitis', 'acute viral pharyngitis'], 'viral pharyngitis'),
 'body mass index 30+': (['obesity (BMI 30+)', 'obesity'], 'obesity'), 'streptococcal sore throat': (['strep throat', 'streptococcal pharyngitis'], 'streptococcal sore throat'),
 'otitis media': (['otitis media', 'OM'], 'otitis media'), 'chronic sinusitis': (['chronic sinusitis'], 'chronic sinusitis'),
 'sprain of ankle': (['ankle sprain', 'sprained ankle'], 'sprain of ankle'), 'anemia': (['anaemia', 'anemia'], 'anemia'),
 'stroke': (['stroke', 'CVA'], 'stroke'), 'miscarriage': (['first-trimester miscarriage'], 'miscarriage'),
 'appendicitis': (['appendicitis'], 'appendicitis'), 'neoplasm of prostate': (['prostate neoplasm'], 'neoplasm of prostate'),
 'sprain of wrist': (['wrist sprain'], 'sprain of wrist'), 'hypertriglyceridemia': (['hypertriglyceridaemia', 'hypertriglyceridemia'], 'hypertriglyceridemia'),
 'metabolic syndrome': (['metabolic syndrome'], 'metabolic syndrome'), 'chronic kidney disease stage 1': (['CKD stage 1', 'CKD G1'], 'chronic kidney disease'),
 'childhood asthma': (['childhood asthma', 'asthma'], 'asthma'), 'myocardial infarction': (['MI', 'myocardial infarction'], 'myocardial infarction'),
 'coronary heart disease': (['CHD', 'coronary heart disease'], 'coronary heart disease'), "alzheimer": (["Alzheimer's disease"], 'alzheimer'),
 'chronic congestive heart failure': (['CHF', 'chronic congestive heart failure'], 'heart failure'), 'osteoarthritis of hip': (['hip OA', 'osteoarthritis of the hip'], 'osteoarthritis of hip'),
 'fracture of forearm': (['forearm fracture'], 'fracture of forearm'), 'polyp of colon': (['colonic polyp'], 'polyp of colon'),
 'fracture of clavicle': (['clavicle fracture', 'fractured clavicle'], 'fracture of clavicle'), 'atopic dermatitis': (['atopic dermatitis', 'eczema (atopic dermatitis)'], 'atopic dermatitis'),
 'seasonal allergic rhinitis': (['seasonal allergic rhinitis', 'hay fever'], 'allergic rhinitis'), 'osteoporosis': (['osteoporosis'], 'osteoporosis'),
 'concussion': (['concussion'], 'concussion'), 'epilepsy': (['epilepsy'], 'epilepsy'), 'seizure disorder': (['seizure disorder'], 'seizure disorder'),
 'hyperlipidemia': (['hyperlipidaemia', 'hyperlipidemia'], 'hyperlipidemia'), 'diabetes': (['DM', 'diabetes mellitus'], 'diabetes'),
 'laceration of hand': (['hand laceration'], 'laceration of hand'), 'whiplash': (['whiplash injury'], 'whiplash'),
 'hyperglycemia': (['hyperglycaemia', 'hyperglycemia'], 'hyperglycemia'), 'impacted molars': (['impacted molars'], 'impacted molars'),
}
def cond_info(c):
    dl = c['code']['coding'][0]['display'].lower()
    for k, (names, term) in COND.items():
        if dl.startswith(k) or (k in dl and k not in ('diabetes', 'stroke', 'anemia')) or dl == k:
            if k == 'diabetes' and dl != 'diabetes': continue
            return R.choice(names), term
    return None
def cstatus(c): return c['clinicalStatus']['coding'][0]['code']

def rv(seq): return R.choice(seq) if seq else None
def lc(s): return s[0].lower() + s[1:]
def cap(s): return s[0].upper() + s[1:]

# ======================= category builders =======================
# each returns (text, citations, why, facts) or None
def simple_value(p, wrong, codes=None, kind=None, abbr=None, dates=True):
    v = pick_val(p, codes)
    if not v: return None
    r = value_phrase(p, v, abbr=abbr, wrong=wrong, dates=dates, wrong_kind=kind)
    return (v,) + r if r else None

def b_dates(p, wrong):
    ch = R.random()
    if ch < .45:
        r = simple_value(p, wrong, kind='date', codes=[c for c in AN if c not in ('8480-6','8462-4')])
        if not r: return None
        v, nm, vs, u, dt, facts, why, nf = r
        T = [f'{nm} {vs} {u} on {dt}.', f'{cap(AN[v[2]][1])} measured at {vs} {u} on {dt}.', f'On {dt}, {nm} was {vs} {u}.',
             f'{nm} {vs} {u} ({dt})', f'{dt}: {nm} {vs} {u}', f'Recorded {AN[v[2]][1]} of {vs} {u} dated {dt}.']
        return R.choice(T), [cit_obs(v[0])], '; '.join(why), facts
    pool = [('c', c) for c in p.conds if cond_info(c)] + [('i', i) for i in p.imms] + [('e', e) for e in p.procs]
    if not pool: return None
    t, r = R.choice(pool); iso = pdate(r)
    if wrong:
        iso2 = shift(iso, R.choice(['day','month','year','swap'])) or shift(iso, 'day')
        dt, pr = day_date(iso2); why = f'record date is {iso}, not {iso2}'
    else:
        dt, pr = fmt_date(iso); why = f'{r["id"]} date {iso}'
    facts = [date_fact(r['id'], pr, dt)]
    if t == 'c':
        nm, term = cond_info(r); facts.append({'k':'name','id':r['id'],'term':term})
        T = [f'Diagnosed with {nm} on {dt}.', f'{cap(nm)} first recorded {dt}.', f'{cap(nm)}, onset {dt}.', f'Onset of {nm}: {dt}.', f'{cap(nm)} dx {dt}']
        if pr != iso: T = [f'{cap(nm)} diagnosed in {dt}.', f'{cap(nm)} (onset {dt}).']
    elif t == 'i':
        nm = r['vaccineCode']['coding'][0]['display']; term = nm.split(',')[0].lower()
        nmw = {'influenza':'flu vaccine (seasonal influenza)', 'td (adult) preservative free':'Td booster'}.get(term, nm.split(',')[0] + ' vaccine')
        facts.append({'k':'name','id':r['id'],'term':term})
        T = [f'{nmw} given {dt}.', f'Received {nmw} on {dt}.', f'Immunisation: {nmw}, {dt}.', f'{nmw} administered {dt}.']
        if pr != iso: T = [f'{nmw} given in {dt}.', f'Had {nmw} in {dt}.']
    else:
        nm = r['code']['coding'][0]['display'].replace(' (procedure)', ''); term = nm.lower()
        facts.append({'k':'name','id':r['id'],'term':term})
        T = [f'{nm} performed on {dt}.', f'Underwent {lc(nm)} {dt}.', f'Procedure: {lc(nm)} ({dt}).', f'{nm} done {dt}.']
        if pr != iso: T = [f'{nm} performed in {dt}.', f'Underwent {lc(nm)} in {dt}.']
    return R.choice(T), [cit(r)], why, facts

def b_abbrev(p, wrong):
    codes = ['4548-4','18262-6','2085-9','2571-8','2093-3','38483-4','6298-4','2947-0','33914-3','718-7','6690-2','777-3','2339-0','6299-2','39156-5','20565-8']
    v = pick_val(p, codes)
    if not v: return None
    code = v[2]; kind = None; facts_code = code
    if wrong:
        kind = 'value'
        if R.random() < .45:  # wrong analyte behind abbreviation
            alt = {'18262-6':'2085-9','2085-9':'18262-6','2571-8':'2093-3','2093-3':'18262-6','2947-0':'2069-3','6298-4':'49765-1',
                   '38483-4':'6299-2','6299-2':'38483-4','6690-2':'777-3','718-7':'4548-4','4548-4':'718-7','2339-0':'2571-8',
                   '33914-3':'2339-0','777-3':'6690-2','39156-5':'29463-7','20565-8':'2069-3'}[code]
            facts_code = alt; kind = None
    r = value_phrase(p, v, abbr=True, wrong=(kind == 'value'), dates=True, wrong_kind=kind)
    if not r: return None
    nm, vs, u, dt, facts, why, nf = r
    if facts_code != code:
        nm = AN[facts_code][0][0]; facts[0]['code'] = facts_code
        why = [f'{vs} {u} on {v[5]} is the {AN[code][1]}, not {AN[facts_code][1]} ({nm})']
        if AN[facts_code][2][0] != AN[code][2][0]: u = AN[code][2][0]
    T = [f'{nm} {vs} {u} on {dt}.', f'{nm}: {vs} {u} ({dt})', f'Labs {dt}: {nm} {vs}.', f'{dt} - {nm} {vs} {u}', f'{nm} was {vs} {u} on {dt}.',
         f'Pt\'s {nm} came back at {vs} {u} ({dt}).', f'{nm} {vs} ({dt})']
    return R.choice(T), [cit_obs(v[0])], '; '.join(why), facts

def b_drug(p, wrong):
    pool = [m for m in p.meds if med_info(m)]
    if not pool: return None
    m = R.choice(pool); k, g, brands, strength, disp = med_info(m)
    iso = pdate(m); dt, pr = fmt_date(iso)
    use_brand = R.random() < .55
    name = R.choice(brands) if use_brand else g
    st = strength; why = f'{m["id"]}: {disp}, authored {iso}'
    if wrong:
        opts = ['drug'] + (['strength'] if strength else []) + ['brand']
        w = R.choice(opts)
        if w == 'strength':
            s = float(strength); cand = [x for x in (s*2, s/2, s*4, 10*s) if x != s]
            st = ('%g' % R.choice(cand)); why = f'{disp}: strength is {strength} mg, not {st} mg'
        elif w == 'brand':
            name = R.choice(OTHER_BRANDS); why = f'{name} is not {g}; record is {disp}'
        else:
            name = R.choice([x for x in ['atorvastatin','lisinopril','warfarin','apixaban','losartan','omeprazole','sertraline','levothyroxine','azithromycin','ciprofloxacin','prednisone','gabapentin'] ])
            why = f'record is {disp}, not {name}'
    facts = [{'k':'med','id':m['id'],'drug':name,'mg':st}, date_fact(m['id'], pr, dt)]
    sts = f' {st} mg' if st else ''
    if st and R.random() < .3: sts = f' {st}mg'
    T = [f'{name}{sts} prescribed {dt}.', f'Started on {name}{sts} on {dt}.', f'Rx: {name}{sts} ({dt})', f'Med rec: {name}{sts}, ordered {dt}.',
         f'{cap(name)}{sts} was prescribed on {dt}.', f'{dt}: prescription for {name}{sts}.']
    if pr != iso: T = [f'{cap(name)}{sts} prescribed in {dt}.', f'Started {name}{sts} in {dt}.', f'Med rec: {name}{sts} (started {dt}).']
    return R.choice(T), [cit(m)], why, facts

CONV = {  # code -> list of (unit label, factor or func, decimals)
 '8331-1': [('°F', 'F', 1), ('deg F', 'F', 1)], '29463-7': [('lb', 2.20462, 0), ('lbs', 2.20462, 0), ('kg', 1, 1), ('g', 1000, -2)],
 '8302-2': [('in', 1/2.54, 0), ('inches', 1/2.54, 0), ('m', 0.01, 2)], '2339-0': [('mmol/L', 1/18.016, 1), ('mmol/l', 1/18.016, 1)],
 '2093-3': [('mmol/L', 1/38.67, 1)], '18262-6': [('mmol/L', 1/38.67, 1)], '2085-9': [('mmol/L', 1/38.67, 1)], '2571-8': [('mmol/L', 1/88.57, 1)],
 '38483-4': [('µmol/L', 88.42, 0), ('umol/L', 88.42, 0)], '718-7': [('g/L', 10, 0)], '6690-2': [('x10^9/L', 1, 1)], '777-3': [('x10^9/L', 1, 0)],
 '2947-0': [('mEq/L', 1, 0)], '6298-4': [('mEq/L', 1, 1)], '49765-1': [('mmol/L', 1/4.008, 2)], '6299-2': [('mmol/L urea', 0.357, 1)],
 '33914-3': [('mL/min/1.73 m²', 1, 0), ('ml/min/1.73m2', 1, 0)], '8480-6': [('mm Hg', 1, 0), ('mm[Hg]', 1, 0)],
}
WRONGU = {'8331-1': ('°F', 'temperature in Celsius written as Fahrenheit'), '2339-0': ('mmol/L', 'mg/dL value labelled mmol/L'),
          '2093-3': ('mmol/L', 'mg/dL value labelled mmol/L'), '38483-4': ('µmol/L', 'mg/dL value labelled µmol/L'), '29463-7': ('lb', 'kg value labelled lb'),
          '718-7': ('g/L', 'g/dL value labelled g/L'), '18262-6': ('mmol/L', 'mg/dL value labelled mmol/L'), '8302-2': ('in', 'cm value labelled inches'),
          '2571-8': ('mmol/L', 'mg/dL value labelled mmol/L'), '33914-3': ('mL/s', 'mL/min value labelled mL/s')}
def conv(code, v, f):
    return v * 9/5 + 32 if f == 'F' else v * f
def b_units(p, wrong):
    codes = list(WRONGU) if wrong else list(CONV)
    v = pick_val(p, codes)
    if not v: return None
    code = v[2]; dt, pr = fmt_date(v[5])
    if wrong:
        u, why = WRONGU[code]; d = AN[code][3]
        if code == '8331-1': d = 1
        if not safe_round(v[3], d): return None
        vs = rshow(round(v[3], d), d); why = f'{why}: record {v[3]:.{d+1}f} {v[4]}'
    else:
        u, f, d = R.choice(CONV[code]); cv = conv(code, v[3], f)
        dd = max(d, 0)
        if d < 0:
            vs = str(int(round(cv, d)))
            if abs(cv - round(cv, d)) > 0.4 * 10 ** (-d): return None
        else:
            if not safe_round(cv, d): return None
            vs = rshow(round(cv, d), d)
        why = f'{v[0]} {v[3]:.3f} {v[4]} = {cv:.3f} {u}'
    facts = [{'k':'val','id':v[0],'code':code,'v':float(vs),'unit':u,'tol':(0.5 * 10 ** -max(d,0) if d >= 0 else 50) + 1e-9,'show':vs},
             date_fact(v[0], pr, dt)]
    nm = R.choice([an_name(code), AN[code][1]])
    T = [f'{nm} {vs} {u} on {dt}.', f'{cap(AN[code][1])} {vs} {u} ({dt}).', f'{dt}: {nm} {vs} {u}', f'Measured {AN[code][1]} {vs} {u} on {dt}.']
    if code == '8331-1': T += [f'Temp {vs} {u} on {dt}.', f'Afebrile? T {vs} {u} recorded {dt}.'.replace('Afebrile? ', '')]
    if code == '29463-7': T += [f'Weighed {vs} {u} at the {dt} visit.']
    return R.choice(T), [cit_obs(v[0])], why, facts

def b_round(p, wrong):
    v = pick_val(p, [c for c in AN if c not in ('8480-6','8462-4','8331-1')])
    if not v: return None
    code = v[2]; x = v[3]
    if x >= 100: steps = [10, 5]
    elif x >= 20: steps = [5, 1]
    elif x >= 2: steps = [1, 0.5]
    else: steps = [0.1]
    step = R.choice(steps); q = round(x / step) * step
    if abs(x - q) > 0.3 * step: return None
    if wrong:
        q = q + R.choice([-1, 1]) * step * R.choice([2, 3])
        if q <= 0: return None
    qs = ('%g' % round(q, 3))
    u = unit_sp(code); dt, pr = fmt_date(v[5]); nm = R.choice([an_name(code), AN[code][1]])
    facts = [{'k':'val','id':v[0],'code':code,'v':float(qs),'unit':norm_unit(u),'tol':step/2 + 1e-9,'show':qs,'approx':True}, date_fact(v[0], pr, dt)]
    why = f'{v[0]} {x:.3f} {v[4]}; {"rounds to" if not wrong else "does not round to"} {qs} at step {step}'
    T = [f'{nm} about {qs} {u} on {dt}.', f'{nm} ~{qs} {u} ({dt})', f'{cap(AN[code][1])} approximately {qs} {u} on {dt}.', f'{dt}: {nm} roughly {qs} {u}.',
         f'{nm} around {qs} {u} when checked {dt}.', f'{nm} ≈{qs} {u}, {dt}', f'{cap(AN[code][1])} was in the region of {qs} {u} ({dt}).']
    return R.choice(T), [cit_obs(v[0])], why, facts

TREND_CODES = ['4548-4','2093-3','18262-6','2085-9','2571-8','29463-7','39156-5','38483-4','33914-3','2339-0','8480-6','8462-4','718-7','6299-2','14959-1']
def b_trend(p, wrong, swapped=False):
    code = R.choice([c for c in TREND_CODES if len(p.bycode.get(c, [])) >= 2] or [None])
    if not code: return None
    seq = p.bycode[code]
    i, j = sorted(R.sample(range(len(seq)), 2))
    a, b = seq[i], seq[j]
    if a[5][:4] == b[5][:4]: return None
    rel = (b[3] - a[3]) / a[3]
    if abs(rel) >= 0.05: true_dir = 'up' if rel > 0 else 'down'
    elif abs(rel) <= 0.01: true_dir = 'stable'
    else: return None
    d = AN[code][3]
    if not (safe_round(a[3], d) and safe_round(b[3], d)): return None
    nm = R.choice([an_name(code), AN[code][1]]); u = unit_sp(code)
    A, B = rshow(round(a[3], d), d), rshow(round(b[3], d), d)
    ya, yb = a[5][:4], b[5][:4]
    dirw = true_dir; why = f'{a[0]} {a[3]:.3f} ({a[5]}) -> {b[0]} {b[3]:.3f} ({b[5]}): change {rel*100:+.1f}% (rose/fell needs >=5%, stable <=1%)'
    facts_extra = []
    if swapped:
        if not wrong: pass
        else:
            ya, yb = yb, ya; why = f'years swapped: {A} was in {b[5][:4] if False else a[5][:4]}, {B} in {b[5][:4]}'
    elif wrong:
        if true_dir == 'stable': dirw = R.choice(['up', 'down']); why += f'; claim says {dirw}'
        else:
            dirw = R.choice(['stable', 'down' if true_dir == 'up' else 'up']); why += f'; claim says {dirw}'
    # date facts at year precision
    facts = [{'k':'val','id':a[0],'code':code,'v':float(A),'unit':norm_unit(u),'tol':0.5*10**-d+1e-9,'show':A},
             {'k':'val','id':b[0],'code':code,'v':float(B),'unit':norm_unit(u),'tol':0.5*10**-d+1e-9,'show':B},
             {'k':'date','id':a[0],'d':ya,'show':ya}, {'k':'date','id':b[0],'d':yb,'show':yb}]
    if dirw == 'stable':
        facts = facts[2:] + [{'k':'trend','a':a[0],'b':b[0],'dir':'stable'}]
        T = [f'{nm} essentially unchanged between {ya} and {yb} ({A} vs {B} {u}).', f'{cap(AN[code][1])} stable from {ya} to {yb}, {A} then {B} {u}.',
             f'{nm} held steady {ya}→{yb} ({A} → {B} {u}).']
        facts = [{'k':'val','id':a[0],'code':code,'v':float(A),'unit':norm_unit(u),'tol':0.5*10**-d+1e-9,'show':A},
                 {'k':'val','id':b[0],'code':code,'v':float(B),'unit':norm_unit(u),'tol':0.5*10**-d+1e-9,'show':B}] + facts
        if wrong and not swapped:
            facts = facts[2:]  # value claims dropped: wrong stable claim states the direction only
            T = [f'{nm} essentially unchanged between {ya} and {yb}.', f'{cap(AN[code][1])} stable from {ya} to {yb}.', f'{nm} held steady {ya}–{yb}, no real change.']
    else:
        up = dirw == 'up'
        vb = R.choice(['rose', 'increased', 'went up', 'climbed']) if up else R.choice(['fell', 'decreased', 'dropped', 'came down'])
        facts.append({'k':'trend','a':a[0],'b':b[0],'dir':dirw})
        if wrong and not swapped:
            T = [f'{nm} {vb} between {ya} and {yb}.', f'{cap(AN[code][1])} {vb} from {ya} to {yb}.', f'Over {ya}–{yb} the {AN[code][1]} {vb}.']
            facts = facts[2:]
        else:
            T = [f'{nm} {vb} from {A} {u} in {ya} to {B} {u} in {yb}.', f'{cap(AN[code][1])} {vb}: {A} ({ya}) → {B} ({yb}) {u}.',
                 f'Between {ya} and {yb}, {nm} {vb} from {A} to {B} {u}.', f'{nm} {A} in {ya}, {B} in {yb} - {vb}.']
            diff = round(b[3], d) - round(a[3], d)
            if R.random() < .3 and not swapped and abs(rel) >= .05:
                pct = abs(rel) * 100
                if abs(pct - round(pct)) < 0.35:
                    T = [f'{nm} {vb} by about {round(pct)}% between {ya} ({A} {u}) and {yb} ({B} {u}).']
                    facts.append({'k':'pct','a':a[0],'b':b[0],'pct':round(pct),'tol':0.5})
    return R.choice(T), [cit_obs(a[0]), cit_obs(b[0])], why, facts

def b_two(p, wrong):
    items = []
    for _ in range(2):
        kind = R.random()
        if kind < .5 and p.vals:
            v = pick_val(p, [c for c in AN])
            items.append(('v', v))
        elif kind < .75 and [c for c in p.conds if cond_info(c)]:
            items.append(('c', R.choice([c for c in p.conds if cond_info(c)])))
        elif [m for m in p.meds if med_info(m)]:
            items.append(('m', R.choice([m for m in p.meds if med_info(m)])))
        elif p.vals:
            items.append(('v', pick_val(p)))
    if len(items) < 2 or items[0][1][0] == items[1][1][0] if items and items[0][0]=='v' and items[1][0]=='v' else False: return None
    if len(items) < 2: return None
    bad = R.randrange(2) if wrong else -1
    parts, cits, facts, whys = [], [], [], []
    for n, (t, r) in enumerate(items):
        w = n == bad
        if t == 'v':
            rr = value_phrase(p, r, wrong=w, wrong_kind=R.choice(['value', 'date']))
            if not rr: return None
            nm, vs, u, dt, f, why, nf = rr
            parts.append(R.choice([f'{nm} {vs} {u} on {dt}', f'{nm} was {vs} {u} ({dt})', f'{nm} {vs} {u} in {dt}' if len(f[1]['d']) < 10 else f'{nm} {vs} {u} on {dt}']))
            cits.append(cit_obs(r[0])); facts += f; whys += why
        elif t == 'c':
            nm, term = cond_info(r); iso = pdate(r); st = cstatus(r)
            if w:
                iso2 = shift(iso, R.choice(['year', 'month'])); dt, pr = day_date(iso2); whys.append(f'{nm} onset {iso}, not {iso2}')
            else:
                dt, pr = fmt_date(iso); whys.append(f'{r["id"]} {nm} onset {iso}')
            parts.append(R.choice([f'{nm} diagnosed {"on " if len(pr)==10 else "in "}{dt}', f'{nm} since {dt}' if st == 'active' and len(pr) < 10 else f'{nm} (onset {dt})']))
            cits.append(cit(r)); facts += [{'k':'name','id':r['id'],'term':term}, date_fact(r['id'], pr, dt)]
        else:
            k, g, brands, strength, disp = med_info(r); iso = pdate(r)
            name = R.choice(brands + [g]); st = strength
            if w and strength:
                st = '%g' % (float(strength) * 2); whys.append(f'{disp}: not {st} mg')
            elif w:
                name = R.choice(OTHER_BRANDS); whys.append(f'{disp} is not {name}')
            else: whys.append(f'{r["id"]} {disp}')
            dt, pr = fmt_date(iso)
            parts.append(f'{name}{" " + st + " mg" if st else ""} prescribed {"on " if len(pr)==10 else "in "}{dt}')
            cits.append(cit(r)); facts += [{'k':'med','id':r['id'],'drug':name,'mg':st}, date_fact(r['id'], pr, dt)]
    if cits[0]['id'] == cits[1]['id']: return None
    terms = [f['term'] for f in facts if f['k'] == 'name']
    if len(terms) != len(set(terms)): return None
    if items[0][0] == 'v' and items[1][0] == 'v' and items[0][1][2] == items[1][1][2]: return None
    j = R.choice([' and ', '; ', ', and ', '. Also ', ' — plus '])
    s = cap(parts[0]) + j + (parts[1] if not j.startswith('.') else parts[1]) + '.'
    return s, cits, ' | '.join(whys), facts

NEG_TERMS = [  # (phrase, terms searched in conditions/meds/allergies, extra lab guard)
 ('asthma', ['asthma', 'albuterol', 'fluticasone'], None), ('COPD', ['chronic obstructive', 'copd', 'emphysema'], None),
 ('heart failure', ['heart failure', 'lasix', 'furosemide'], None), ('atrial fibrillation', ['atrial fibrillation'], None),
 ('epilepsy or seizures', ['epilep', 'seizure'], None), ('stroke', ['stroke'], None), ('myocardial infarction', ['myocardial infarction', 'coronary'], None),
 ('diabetes', ['diabet', 'metformin', 'insulin', 'hyperglyc'], 'a1c'), ('hypertension', ['hypertension', 'hydrochlorothiazide', 'amlodipine', 'metoprolol'], 'bp'),
 ('osteoporosis', ['osteoporosis', 'alendron'], None), ('cancer', ['neoplasm', 'carcinoma', 'malignant', 'metasta'], None),
 ('any anticoagulant', ['warfarin', 'apixaban', 'rivaroxaban', 'heparin', 'dabigatran'], None), ('statin therapy', ['statin', 'simvistatin'], None),
 ('insulin', ['insulin'], None), ('opioid analgesics', ['oxycodone', 'hydrocodone', 'morphine', 'codeine', 'tramadol', 'fentanyl'], None),
 ('known allergies', ['__allergy__'], None), ('anaemia', ['anemia'], 'hb'), ('chronic kidney disease', ['kidney', 'renal'], 'egfr'),
 ("Alzheimer's disease or dementia", ['alzheimer', 'dementia', 'galantamine', 'memantine'], None), ('hyperlipidaemia', ['hyperlipid', 'statin', 'simvistatin', 'hypertriglycer'], 'lipid'),
]
def neg_guard_ok(p, guard):
    if guard == 'a1c': return all(v[3] < 5.7 for v in p.bycode.get('4548-4', [])) and all(v[3] < 126 for v in p.bycode.get('2339-0', []))
    if guard == 'bp': return all(v[3] < 130 for v in p.bycode.get('8480-6', [])) and all(v[3] < 80 for v in p.bycode.get('8462-4', []))
    if guard == 'hb': return all(v[3] >= 12.5 for v in p.bycode.get('718-7', []))
    if guard == 'egfr': return all(v[3] >= 90 for v in p.bycode.get('33914-3', [])) and all(v[3] < 30 for v in p.bycode.get('14959-1', []))
    if guard == 'lipid': return all(v[3] < 190 for v in p.bycode.get('18262-6', [])) and all(v[3] < 200 for v in p.bycode.get('2571-8', []))
    return True
def present(p, terms):
    if terms == ['__allergy__']: return bool(p.alls)
    return any(t in p.text_all for t in terms)
def b_neg(p, wrong):
    R.shuffle(NEG_TERMS)
    for phrase, terms, guard in NEG_TERMS:
        if wrong and not present(p, terms[:1]): continue
        if wrong == present(p, terms) and (wrong or neg_guard_ok(p, guard)):
            if wrong and terms == ['__allergy__']:
                T = ['No known allergies.', 'NKA.', 'Allergies: none recorded.', 'No allergies on file.']
            elif terms == ['__allergy__']:
                T = ['NKDA; no allergies recorded.', 'No known allergies on file.', 'Allergies: none documented.', 'Allergy list is empty (NKA).']
            elif phrase in ('any anticoagulant', 'statin therapy', 'insulin', 'opioid analgesics'):
                T = [f'Not on {phrase}.', f'Med list: no {phrase}.', f'Never prescribed {phrase} per the chart.', f'Q: is she/he on {phrase}? A: No, none on the medication list.'.replace('she/he', R.choice(['the patient', 'this pt']))]
            else:
                T = [f'No history of {phrase}.', f'No {phrase} on the problem list.', f'PMH negative for {phrase}.', f'Denies {phrase}; none recorded in the chart.',
                     f'There is no record of {phrase}.', f'No documented {phrase}.']
            why = (f'chart contains {[t for t in terms if t in p.text_all] or "AllergyIntolerance"}' if wrong else f'none of {terms} in conditions/meds/allergies' + (f'; lab guard {guard} consistent' if guard else ''))
            cits = [{'kind':'record','record':'patient','id':p.id}]
            return R.choice(T), cits, why, [{'k':'absent','terms':terms}]
    return None

def b_status(p, wrong):
    ch = R.random()
    if ch < .35 and p.smoke:
        s = p.smoke[-1] if R.random() < .5 else R.choice(p.smoke)
        truth = s[1].lower()
        m = {'never smoker':'never', 'former smoker':'former', 'current every day smoker':'current', 'current some day smoker':'current'}
        if truth not in m: return None
        st = m[truth]
        if wrong: st = R.choice([x for x in ('never', 'former', 'current') if x != m[truth]])
        dt, pr = fmt_date(s[2])
        w = {'never': ['never smoker', 'lifelong non-smoker', 'has never smoked'], 'former': ['ex-smoker', 'former smoker', 'quit smoking'],
             'current': ['current smoker', 'smokes (current smoker)', 'active smoker']}[st]
        ph = R.choice(w)
        T = [f'Documented as {ph} on {dt}.', f'Social hx ({dt}): {ph}.', f'Smoking status {dt}: {ph}.', f'Tobacco: {ph} (recorded {dt}).']
        return R.choice(T), [cit_obs(s[0])], f'{s[0]} says {s[1]} on {s[2]}' + (f'; claim says {st}' if wrong else ''), [{'k':'smoke','id':s[0],'s':st}, date_fact(s[0], pr, dt)]
    if ch < .7:
        pool = [c for c in p.conds if cond_info(c)]
        if not pool: return None
        c = R.choice(pool); nm, term = cond_info(c); st = cstatus(c)
        if wrong: st = 'resolved' if st == 'active' else 'active'
        if st == 'active':
            T = [f'{cap(nm)} remains active on the problem list.', f'Active problem: {nm}.', f'{cap(nm)} - ongoing, not resolved.', f'Problem list: {nm} (active).']
        else:
            T = [f'{cap(nm)} has resolved.', f'{cap(nm)} - resolved.', f'Hx of {nm}, now resolved.', f'{cap(nm)}: resolved episode, no longer active.']
        return R.choice(T), [cit(c)], f'{c["id"]} {nm} clinicalStatus={cstatus(c)}' + ('; claim contradicts' if wrong else ''), [{'k':'name','id':c['id'],'term':term}, {'k':'status','id':c['id'],'s':st}]
    pool = [m for m in p.meds if med_info(m)]
    if not pool: return None
    m = R.choice(pool); k, g, brands, strength, disp = med_info(m); st = m['status']
    if wrong: st = 'stopped' if st == 'active' else 'active'
    name = R.choice(brands + [g])
    if st == 'active':
        T = [f'{cap(name)} is an active prescription on the medication list.', f'Med rec: {name} - active.', f'{cap(name)} listed as active.', f'Active meds include {name}.']
    else:
        T = [f'{cap(name)} has been discontinued.', f'{cap(name)} - stopped.', f'Med rec: {name} no longer active (stopped).', f'Previously on {name}, since stopped.']
    return R.choice(T), [cit(m)], f'{m["id"]} {disp} status={m["status"]}' + ('; claim contradicts' if wrong else ''), [{'k':'med','id':m['id'],'drug':name,'mg':None}, {'k':'status','id':m['id'],'s':st}]

def b_latest(p, wrong):
    codes = [c for c in AN if len(p.bycode.get(c, [])) >= 2]
    if not codes: return None
    code = R.choice(codes); seq = p.bycode[code]
    last = seq[-1]
    if len([v for v in seq if v[5] == last[5]]) > 1: return None
    d = AN[code][3]
    if wrong:
        older = [v for v in seq[:-1] if abs(v[3] - last[3]) > 3 * 10 ** -d and safe_round(v[3], d)]
        if not older: return None
        v = R.choice(older[-3:])
    else: v = last
    if not safe_round(v[3], d): return None
    vs = rshow(round(v[3], d), d); u = unit_sp(code); nm = R.choice([an_name(code), AN[code][1]])
    dt, pr = fmt_date(v[5])
    T = [f'Most recent {nm}: {vs} {u} ({dt}).', f'Latest {nm} {vs} {u}, dated {dt}.', f'Last {AN[code][1]} on file was {vs} {u} on {dt}.',
         f'Q: what was the last {nm}? A: {vs} {u}, checked {dt}.', f'{cap(AN[code][1])} most recently {vs} {u} ({dt}).']
    why = f'latest {code} is {last[0]} on {last[5]} ({last[3]:.3f})' + (f'; claim cites older {v[0]} from {v[5]}' if wrong else '')
    facts = [{'k':'val','id':v[0],'code':code,'v':float(vs),'unit':norm_unit(u),'tol':0.5*10**-d+1e-9,'show':vs}, date_fact(v[0], pr, dt), {'k':'latest','id':v[0]}]
    return R.choice(T), [cit_obs(v[0])], why, facts

def bp_pairs(p):
    out = []
    for r in p.rs:
        if r['resourceType'] == 'Observation' and r['code']['coding'][0]['code'] == '55284-4':
            cs = {c['code']['coding'][0]['code']: (i, c['valueQuantity']['value']) for i, c in enumerate(r['component'])}
            if '8480-6' in cs and '8462-4' in cs: out.append((r, cs['8480-6'], cs['8462-4'], pdate(r)))
    return out
def b_swapped(p, wrong):
    ch = R.random()
    if ch < .45:
        bps = bp_pairs(p)
        if not bps: return None
        r, (si, s), (di, dd), iso = R.choice(bps)
        S, D = str(round(s)), str(round(dd))
        if not (safe_round(s, 0) and safe_round(dd, 0)) or S == D: return None
        dt, pr = fmt_date(iso); u = R.choice(['mmHg', 'mm Hg'])
        fs = {'k':'val','id':f"{r['id']}#{si}" ,'code':'8480-6','v':float(S),'unit':'mmHg','tol':0.5+1e-9,'show':S}
        fd = {'k':'val','id':f"{r['id']}#{di}",'code':'8462-4','v':float(D),'unit':'mmHg','tol':0.5+1e-9,'show':D}
        if wrong:
            fs['v'], fd['v'] = float(D), float(S); fs['show'], fd['show'] = D, S; S, D = D, S
        if R.random() < .5:
            cits = [cit_obs(r['id'])]; fs['id'] = r['id']; fd['id'] = r['id']
        else: cits = [cit_obs(fs['id']), cit_obs(fd['id'])]
        T = [f'SBP {S}, DBP {D} {u} on {dt}.', f'Systolic {S} / diastolic {D} {u} ({dt}).', f'{dt}: systolic BP {S} {u}, diastolic {D} {u}.', f'Blood pressure on {dt} was {S}/{D} {u}.']
        return R.choice(T), cits, f'{r["id"]} SBP {s:.0f} DBP {dd:.0f}' + ('; systolic and diastolic swapped' if wrong else ''), [fs, fd, date_fact(r['id'], pr, dt)]
    if ch < .75:
        # two analytes from the same date swapped
        pairs = [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('2947-0', '2069-3'), ('6299-2', '2339-0'), ('18262-6', '2571-8'), ('4548-4', '6298-4')]
        R.shuffle(pairs)
        for c1, c2 in pairs:
            s1 = {v[5]: v for v in p.bycode.get(c1, [])}; s2 = {v[5]: v for v in p.bycode.get(c2, [])}
            common = sorted(set(s1) & set(s2))
            if not common: continue
            day = R.choice(common); v1, v2 = s1[day], s2[day]
            d1, d2 = AN[c1][3], AN[c2][3]
            if not (safe_round(v1[3], d1) and safe_round(v2[3], d2)): continue
            A, B = rshow(round(v1[3], d1), d1), rshow(round(v2[3], d2), d2)
            if abs(v1[3] - v2[3]) < 3 * 10 ** -min(d1, d2): continue
            why = f'{v1[0]} {c1}={v1[3]:.2f}, {v2[0]} {c2}={v2[3]:.2f}'
            if wrong: A, B = B, A; why += '; values swapped between the two analytes'
            dt, pr = fmt_date(day)
            n1, n2 = an_name(c1), an_name(c2); u1, u2 = unit_sp(c1), unit_sp(c2)
            f = [{'k':'val','id':v1[0],'code':c1,'v':float(A),'unit':norm_unit(u1),'tol':0.5*10**-d1+1e-9,'show':A},
                 {'k':'val','id':v2[0],'code':c2,'v':float(B),'unit':norm_unit(u2),'tol':0.5*10**-d2+1e-9,'show':B}, date_fact(v1[0], pr, dt)]
            T = [f'{dt}: {n1} {A} {u1}, {n2} {B} {u2}.', f'On {dt} {n1} was {A} and {n2} {B} ({u1}/{u2}).'.replace(f' ({u1}/{u2})', f' {u1}' if u1 == u2 else f' ({u1}, {u2})'),
                 f'{n1} {A} {u1} and {n2} {B} {u2} ({dt}).']
            return R.choice(T), [cit_obs(v1[0]), cit_obs(v2[0])], why, f
        return None
    # trend years swapped
    for _ in range(4):
        st = R.getstate()
        r = b_trend(p, wrong, swapped=True)
        if r and not any(f.get('dir') == 'stable' for f in r[3] if f['k'] == 'trend') and any(f['k'] == 'trend' for f in r[3]): return r
    return None

def b_wcit(p, wrong):
    ch = R.random()
    if ch < .6:
        codes = [c for c in AN if len(p.bycode.get(c, [])) >= 2 and c not in ('8480-6','8462-4')]
        if not codes: return None
        code = R.choice(codes); seq = p.bycode[code]
        v = R.choice(seq); d = AN[code][3]
        if not safe_round(v[3], d): return None
        vs = rshow(round(v[3], d), d); u = unit_sp(code); dt, pr = fmt_date(v[5])
        nm = R.choice([an_name(code), AN[code][1]])
        target = v[0]; why = f'{v[0]} holds {vs} on {v[5]}'
        if wrong:
            others = [o for o in seq if o[5] != v[5] and abs(o[3] - v[3]) > 10 ** -d and o[5][:len(pr)] != pr[:len(pr)]]
            oth_an = [o for o in p.vals if o[5] == v[5] and o[2] != code and o[2] not in ('8480-6','8462-4')]
            if R.random() < .6 and others:
                o = R.choice(others); target = o[0]; why = f'value is in {v[0]} ({v[5]}); cited {o[0]} is the {o[5]} result ({o[3]:.2f})'
            elif oth_an:
                o = R.choice(oth_an); target = o[0]; why = f'value is in {v[0]}; cited {o[0]} is {AN[o[2]][1]} from the same day'
            else: return None
        T = [f'{nm} {vs} {u} on {dt}.', f'{cap(AN[code][1])} of {vs} {u} recorded {dt}.', f'{dt} - {nm} {vs} {u}']
        return R.choice(T), [cit_obs(target)], why, [{'k':'val','id':target,'code':code,'v':float(vs),'unit':norm_unit(u),'tol':0.5*10**-d+1e-9,'show':vs}, date_fact(target, pr, dt)]
    pool = [c for c in p.conds if cond_info(c)]
    if not pool: return None
    c = R.choice(pool); nm, term = cond_info(c); dt, pr = fmt_date(pdate(c))
    target = c; why = f'{c["id"]} {nm} onset {pdate(c)}'
    if wrong:
        others = [x for x in p.conds if x['id'] != c['id'] and term not in x['code']['coding'][0]['display'].lower()] + p.encs[:0]
        if R.random() < .5 or not others:
            others = [e for e in p.encs if not any(term in (rc['coding'][0]['display'].lower()) for rc in e.get('reasonCode', []))]
        if not others: return None
        target = R.choice(others); why = f'{nm} is in {c["id"]}; cited {target["resourceType"]} {target["id"]} does not record it'
    T = [f'{cap(nm)} diagnosed {"on " if len(pr)==10 else "in "}{dt}.', (f'Known {nm} (onset {dt}).' if cstatus(c) == 'active' else f'Past episode of {nm} (onset {dt}).'), f'PMH: {nm}, {dt}.']
    return R.choice(T), [cit(target)], why, [{'k':'name','id':target['id'],'term':term}, date_fact(target['id'], pr, dt)]

def bmi_cat(x):
    return 'underweight' if x < 18.5 else 'normal' if x < 25 else 'overweight' if x < 30 else 'obese'
def bp_cat(s, d):
    if s >= 140 or d >= 90: return 'stage2'
    if s >= 130 or d >= 80: return 'stage1'
    if s >= 120: return 'elevated'
    return 'normal'
def b_interp(p, wrong):
    ch = R.random()
    if ch < .3:
        bps = [b for b in bp_pairs(p) if p.age_at(b[3]) >= 18]
        if not bps: return None
        r, (si, s), (di, dd), iso = R.choice(bps)
        cuts = [120, 130, 140]; dc = [80, 90]
        if any(abs(s - c) < 2 for c in cuts) or any(abs(dd - c) < 2 for c in dc): return None
        if not (safe_round(s, 0) and safe_round(dd, 0)): return None
        cat = bp_cat(s, dd)
        if wrong: cat = R.choice([c for c in ('normal', 'elevated', 'stage1', 'stage2') if c != cat])
        ph = {'normal': ['normal BP', 'normotensive', 'BP within normal range'], 'elevated': ['elevated BP (ACC/AHA)', 'elevated blood pressure'],
              'stage1': ['stage 1 hypertensive range', 'stage 1 HTN range (ACC/AHA 2017)'], 'stage2': ['stage 2 hypertensive range', 'stage 2 HTN range']}[cat]
        dt, pr = fmt_date(iso)
        T = [f'BP {round(s)}/{round(dd)} mmHg on {dt} - {R.choice(ph)}.', f'{dt}: blood pressure {round(s)}/{round(dd)}, {R.choice(ph)}.']
        f = [{'k':'val','id':r['id'],'code':'8480-6','v':float(round(s)),'unit':'mmHg','tol':0.5+1e-9,'show':str(round(s))},
             {'k':'val','id':r['id'],'code':'8462-4','v':float(round(dd)),'unit':'mmHg','tol':0.5+1e-9,'show':str(round(dd))},
             date_fact(r['id'], pr, dt), {'k':'interp','id':r['id'],'scheme':'bp','cat':cat}]
        return R.choice(T), [cit_obs(r['id'])], f'ACC/AHA 2017: {s:.0f}/{dd:.0f} is {bp_cat(s, dd)}' + (f'; claim says {cat}' if wrong else ''), f
    scheme = R.choice(['bmi', 'a1c', 'egfr', 'temp', 'bmi'])
    code = {'bmi': '39156-5', 'a1c': '4548-4', 'egfr': '33914-3', 'temp': '8331-1'}[scheme]
    seq = p.bycode.get(code, [])
    if scheme == 'bmi': seq = [v for v in seq if p.age_at(v[5]) >= 20]
    if not seq: return None
    v = R.choice(seq); x = v[3]
    if scheme == 'bmi':
        if any(abs(x - c) < 0.3 for c in (18.5, 25, 30)): return None
        cat = bmi_cat(x); cats = ['underweight', 'normal', 'overweight', 'obese']
        ph = {'underweight': ['underweight'], 'normal': ['normal weight', 'in the healthy-weight range'], 'overweight': ['overweight'], 'obese': ['obese', 'in the obese range (WHO)']}
    elif scheme == 'a1c':
        if any(abs(x - c) < 0.1 for c in (5.7, 6.5)): return None
        cat = 'normal' if x < 5.7 else 'prediabetic' if x < 6.5 else 'diabetic'; cats = ['normal', 'prediabetic', 'diabetic']
        ph = {'normal': ['normal', 'non-diabetic range'], 'prediabetic': ['in the prediabetes range', 'in the prediabetic range (ADA)'], 'diabetic': ['in the diabetic range', 'in the diabetic range (ADA, >=6.5%)']}
    elif scheme == 'egfr':
        if any(abs(x - c) < 2 for c in (90, 60, 45, 30, 15)): return None
        cat = 'G1' if x >= 90 else 'G2' if x >= 60 else 'G3a' if x >= 45 else 'G3b' if x >= 30 else 'G4' if x >= 15 else 'G5'; cats = ['G1', 'G2', 'G3a', 'G3b', 'G4', 'G5']
        ph = {'G1': ['normal or high (KDIGO G1)', 'in the G1 range'], 'G2': ['mildly decreased (KDIGO G2)', 'in the G2 range'], 'G3a': ['mild-moderately reduced (G3a)'],
              'G3b': ['moderately-severely reduced (G3b)'], 'G4': ['severely reduced (G4)'], 'G5': ['kidney failure range (G5)']}
    else:
        if abs(x - 38.0) < 0.2: return None
        cat = 'fever' if x >= 38.0 else 'afebrile'; cats = ['fever', 'afebrile']
        ph = {'fever': ['febrile', 'fever'], 'afebrile': ['afebrile', 'no fever']}
    if wrong: cat = R.choice([c for c in cats if c != cat])
    d = AN[code][3]
    if not safe_round(x, d): return None
    vs = rshow(round(x, d), d); u = unit_sp(code); dt, pr = fmt_date(v[5]); nm = an_name(code)
    T = [f'{nm} {vs} {u} on {dt} - {R.choice(ph[cat])}.', f'{dt}: {nm} {vs} {u}, {R.choice(ph[cat])}.', f'{nm} of {vs} {u} ({dt}): {R.choice(ph[cat])}.']
    f = [{'k':'val','id':v[0],'code':code,'v':float(vs),'unit':norm_unit(u),'tol':0.5*10**-d+1e-9,'show':vs}, date_fact(v[0], pr, dt), {'k':'interp','id':v[0],'scheme':scheme,'cat':cat}]
    thr = {'bmi': 'WHO BMI', 'a1c': 'ADA HbA1c 5.7/6.5', 'egfr': 'KDIGO G stages', 'temp': 'fever >=38.0 C'}[scheme]
    return R.choice(T), [cit_obs(v[0])], f'{thr}: {x:.2f} -> {cat if not wrong else "not " + cat}', f

PORTAL = ['Your results: {sl}', 'Patient portal message: {s}', 'Letter to patient: {s}']
WRAP['gen'] += PORTAL
BUILDERS = [('dates', b_dates), ('abbreviations', b_abbrev), ('drug-names', b_drug), ('units', b_units), ('rounding', b_round),
            ('trends', b_trend), ('two-facts', b_two), ('negation', b_neg), ('status', b_status), ('latest', b_latest),
            ('swapped', b_swapped), ('wrong-citation', b_wcit), ('interpretation', b_interp)]
N_EACH = 27
def main():
    for k, (g, bs) in BRAND.items(): BRAND_WORDS.update(b for b in bs)
    BRAND_WORDS.update(OTHER_BRANDS)
    seen = set()
    order = [p for p in PATS] + [p for p in PATS if p.name in ('Vito', 'Evelyn')]
    for cat, fn in BUILDERS:
        for wrong in (False, True):
            got = 0; tries = 0; k = R.randrange(len(order))
            while got < N_EACH and tries < 5000:
                tries += 1; p = order[k % len(order)]; k += 1
                try:
                    r = fn(p, wrong)
                except (IndexError, ValueError, KeyError, TypeError):
                    r = None
                if not r: continue
                text, cits, why, facts = r
                text = wrap(text) if R.random() < .55 else text
                text = fix_prep(text, facts)
                if text in seen: continue
                seen.add(text); got += 1
                add(p, text, cits, 'wrong' if wrong else 'correct', cat, why, facts)
            assert got == N_EACH, (cat, wrong, got)
    with open(os.path.join(OUT, 'claims.jsonl'), 'w') as f, open(os.path.join(OUT, 'checks.jsonl'), 'w') as g:
        for i, c in enumerate(CLAIMS):
            facts = c.pop('_facts')
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
            g.write(json.dumps({'n': i, 'patient': c['patient'], 'category': c['category'], 'label': c['label'], 'text': c['text'], 'facts': facts}, ensure_ascii=False) + '\n')
    print(len(CLAIMS), 'claims')
if __name__ == '__main__':
    main()
