#!/usr/bin/env python3
"""Generate natural grounding-eval claims from the Synthea bundles.

Writes claims.jsonl and asserts.jsonl (one structured assertion list per claim,
same line order) that validate_claims.py re-checks independently against the bundles.
"""
import json, glob, random, os, re, datetime as dt

DATA = '/work/shared/data/synthea'
OUT = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261207)
MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

# ---------------------------------------------------------------- loading
P = {}
for f in sorted(glob.glob(DATA + '/*.json')):
    b = json.load(open(f))
    res = [e['resource'] for e in b['entry']]
    pat = [r for r in res if r['resourceType'] == 'Patient'][0]
    pid = pat['id']
    d = dict(id=pid, first=re.sub(r'\d', '', pat['name'][0]['given'][0]), last=re.sub(r'\d', '', pat['name'][0]['family']),
             sex=pat['gender'], birth=pat['birthDate'], dead=bool(pat.get('deceasedDateTime')),
             obs=[], cond=[], med=[], enc=[], imm=[], proc=[], allergy=[])
    for r in res:
        t = r['resourceType']
        if t == 'Observation':
            c = r['code']['coding'][0]
            o = dict(id=r['id'], code=c['code'], disp=c['display'], date=r['effectiveDateTime'][:10])
            if 'valueQuantity' in r:
                o['v'] = r['valueQuantity']['value']; o['u'] = r['valueQuantity'].get('unit')
            if 'valueCodeableConcept' in r:
                o['cc'] = r['valueCodeableConcept']['coding'][0]['display']
            if 'component' in r:
                o['comp'] = {cc['code']['coding'][0]['code']: (i, cc['valueQuantity']['value']) for i, cc in enumerate(r['component']) if 'valueQuantity' in cc}
            d['obs'].append(o)
        elif t == 'Condition':
            d['cond'].append(dict(id=r['id'], disp=r['code']['coding'][0]['display'], status=r['clinicalStatus']['coding'][0]['code'],
                                  onset=r['onsetDateTime'][:10], abate=r.get('abatementDateTime', '')[:10]))
        elif t == 'MedicationRequest':
            d['med'].append(dict(id=r['id'], disp=r['medicationCodeableConcept']['coding'][0]['display'], status=r['status'], date=r['authoredOn'][:10]))
        elif t == 'Encounter':
            d['enc'].append(dict(id=r['id'], disp=r['type'][0]['coding'][0]['display'], date=r['period']['start'][:10], cls=r['class']['code']))
        elif t == 'Immunization':
            d['imm'].append(dict(id=r['id'], disp=r['vaccineCode']['coding'][0]['display'], date=r['occurrenceDateTime'][:10]))
        elif t == 'Procedure':
            pp = r.get('performedPeriod', {}).get('start') or r.get('performedDateTime')
            d['proc'].append(dict(id=r['id'], disp=r['code']['coding'][0]['display'], date=pp[:10]))
        elif t == 'AllergyIntolerance':
            d['allergy'].append(dict(id=r['id'], disp=r['code']['coding'][0]['display']))
    for k in ('obs', 'enc', 'imm', 'proc', 'med'):
        d[k].sort(key=lambda x: x['date'])
    P[pid] = d
PIDS = list(P)
OBSCODE = {o['id']: o['code'] for d in P.values() for o in d['obs']}
BIG = [p for p in PIDS if P[p]['first'] in ('Vito', 'Evelyn')]

def obs_of(p, code):
    return [o for o in P[p]['obs'] if o['code'] == code and ('v' in o or 'comp' in o or 'cc' in o) and not (code == '33914-3' and o.get('u') != 'mL/min/{1.73_m2}')]

def age_at(p, date):
    b = P[p]['birth']
    return int(date[:4]) - int(b[:4]) - ((date[5:], ) < (b[5:], ))

# ---------------------------------------------------------------- formatting
def ymd(s):
    return int(s[:4]), int(s[5:7]), int(s[8:10])

def ordn(n):
    return str(n) + ('th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th'))

def fdate(s, style=None):
    y, m, d = ymd(s)
    styles = ['iso', 'us', 'dmy', 'mdy', 'long', 'the', 'dmyfull', 'usshort', 'my', 'monthyear']
    if d > 12:
        styles.append('eu')
    st = style or rng.choice(styles)
    M = MON[m - 1]; Mb = M[:3]
    return {
        'iso': f'{y}-{m:02d}-{d:02d}', 'us': f'{m:02d}/{d:02d}/{y}', 'usshort': f'{m}/{d}/{y}', 'eu': f'{d:02d}/{m:02d}/{y}',
        'dmy': f'{d} {Mb} {y}', 'mdy': f'{Mb} {d}, {y}', 'long': f'{M} {ordn(d)} {y}', 'the': f'the {ordn(d)} of {M} {y}',
        'dmyfull': f'{d} {M} {y}', 'my': f'{Mb} {y}', 'monthyear': f'{M} {y}', 'year': f'{y}',
        'dotted': f'{d:02d}.{m:02d}.{y}',
    }.get(st, f'{y}-{m:02d}-{d:02d}')

def fday(s):
    """day-precision form only"""
    return fdate(s, rng.choice(['iso', 'us', 'dmy', 'mdy', 'long', 'the', 'dmyfull', 'usshort'] + (['eu'] if ymd(s)[2] > 12 else [])))

def shift(s, kind):
    y, m, d = ymd(s)
    if kind == 'day':
        return (dt.date(y, m, d) + dt.timedelta(days=rng.choice([-1, 1]))).isoformat()
    if kind == 'month':
        m2 = m + rng.choice([-1, 1])
        if m2 < 1 or m2 > 12: m2 = m - (1 if m == 12 else -1)
        return f'{y}-{m2:02d}-{min(d,28):02d}' if d > 28 else f'{y}-{m2:02d}-{d:02d}'
    if kind == 'year':
        return f'{y + rng.choice([-1, 1])}-{m:02d}-{min(d,28) if m==2 else d:02d}'
    if kind == 'swap':
        return f'{y}-{d:02d}-{m:02d}'

def fnum(v, dp):
    return f'{v:.{dp}f}'

def safe_round(v, dp):
    """True if v not near a rounding boundary at this precision."""
    x = v * 10 ** dp
    return abs((x - int(x)) - 0.5) > 0.08

def wrong_num(v, dp):
    """plausible wrong value at precision dp"""
    step = 10 ** -dp
    r = round(v, dp)
    k = rng.choice([-3, -2, 2, 3, 4, -4, 5, -5, 10, -10]) if dp == 0 else rng.choice([-3, -2, 2, 3, 4, -4, 6, -6])
    w = r + k * step * (max(1, round(abs(v) * 0.04 / step / 3)) if dp == 0 else 1)
    if w <= 0: w = r + abs(k) * step
    return round(w, dp)

# ---------------------------------------------------------------- claims
CLAIMS, ASSERTS = [], []
USED = set()

def add(cat, label, p, text, cites, why, asserts):
    text = re.sub(r'\b[Oo]n ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})\b', r'in \1', text)
    text = re.sub(r'\b[Oo]n (\d{4})\b(?![-/]|\.\d)', r'in \1', text)
    text = text.replace(' a active ', ' an active ')
    if P[p]['dead'] and text.startswith(('Your', 'You ', 'Good news')): return False
    if any(a.get('t') == 'analyte' and OBSCODE.get(a['ref'].split('#')[0]) in ('39156-5', '29463-7', '8302-2', '8310-5') for a in asserts):
        text = text.replace(' drawn ', ' recorded ').replace(' draw.', ' visit.').replace('Labs from ', 'Vitals from ').replace('Labs ', 'Vitals ')
    text = text.replace('in in ', 'in ')
    text = voice(cap(text), p, cat)
    key = text
    if key in USED: return False
    USED.add(key)
    CLAIMS.append(dict(patient=p, text=text, citations=[dict(kind='record', record=k, id=i) for k, i in cites], label=label, category=cat, why=why))
    ASSERTS.append(dict(expect=label, asserts=asserts))
    return True

def A_num(ref, lit, unit=''): return dict(t='num', ref=ref, lit=lit, unit=unit)
def A_date(ref, lit): return dict(t='date', ref=ref, lit=lit)
def A_an(ref, lit): return dict(t='analyte', ref=ref, lit=lit)

# analytes: code -> (abbrev list, full names, dp, unit variants)
AN = {
    '4548-4': (['HbA1c', 'A1c', 'HbA1c', 'Hgb A1c'], ['hemoglobin A1c', 'glycated haemoglobin'], 1, ['%']),
    '2093-3': (['TC', 'total chol'], ['total cholesterol', 'cholesterol'], 0, ['mg/dL', 'mg/dl']),
    '18262-6': (['LDL', 'LDL-C'], ['LDL cholesterol', 'low-density lipoprotein'], 0, ['mg/dL', 'mg/dl']),
    '2085-9': (['HDL', 'HDL-C'], ['HDL cholesterol', 'high-density lipoprotein'], 0, ['mg/dL', 'mg/dl']),
    '2571-8': (['TG', 'trigs'], ['triglycerides', 'triglyceride level'], 0, ['mg/dL', 'mg/dl']),
    '2339-0': (['Glu', 'BG'], ['glucose', 'blood glucose', 'serum glucose'], 0, ['mg/dL', 'mg/dl']),
    '6299-2': (['BUN'], ['urea nitrogen', 'blood urea nitrogen'], 0, ['mg/dL', 'mg/dl']),
    '38483-4': (['Cr', 'Creat'], ['creatinine', 'serum creatinine'], 1, ['mg/dL', 'mg/dl']),
    '49765-1': (['Ca'], ['calcium', 'serum calcium'], 1, ['mg/dL', 'mg/dl']),
    '2947-0': (['Na'], ['sodium', 'serum sodium'], 0, ['mmol/L', 'mEq/L', 'mmol/l']),
    '6298-4': (['K'], ['potassium', 'serum potassium'], 1, ['mmol/L', 'mEq/L', 'mmol/l']),
    '2069-3': (['Cl'], ['chloride'], 0, ['mmol/L', 'mEq/L']),
    '20565-8': (['CO2', 'HCO3'], ['bicarbonate', 'total CO2'], 0, ['mmol/L', 'mEq/L']),
    '33914-3': (['eGFR'], ['estimated GFR', 'estimated glomerular filtration rate'], 0, ['mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m2']),
    '14959-1': (['UACR', 'ACR'], ['urine albumin/creatinine ratio', 'microalbumin/creatinine ratio'], 1, ['mg/g']),
    '6690-2': (['WBC'], ['white cell count', 'leukocyte count'], 1, ['x10^3/uL', 'K/uL', 'x10^9/L']),
    '789-8': (['RBC'], ['red cell count', 'erythrocyte count'], 2, ['x10^6/uL', 'M/uL', 'x10^12/L']),
    '718-7': (['Hb', 'Hgb'], ['haemoglobin', 'hemoglobin'], 1, ['g/dL', 'g/dl']),
    '4544-3': (['Hct'], ['haematocrit', 'hematocrit'], 1, ['%']),
    '787-2': (['MCV'], ['mean corpuscular volume'], 1, ['fL', 'fl']),
    '785-6': (['MCH'], ['mean corpuscular haemoglobin'], 1, ['pg']),
    '786-4': (['MCHC'], ['mean corpuscular haemoglobin concentration'], 1, ['g/dL']),
    '777-3': (['Plt', 'PLT'], ['platelet count', 'platelets'], 0, ['x10^3/uL', 'K/uL', 'x10^9/L']),
    '39156-5': (['BMI'], ['body mass index'], 1, ['kg/m2', 'kg/m²']),
    '29463-7': (['Wt'], ['weight', 'body weight'], 1, ['kg']),
    '8302-2': (['Ht'], ['height', 'body height'], 1, ['cm']),
    '8310-5': (['T', 'Temp'], ['temperature', 'oral temperature'], 1, ['°C', 'C', 'deg C']),
    '2857-1': (['PSA'], ['prostate-specific antigen'], 1, ['ng/mL']),
    '1742-6': (['ALT'], ['alanine aminotransferase'], 0, ['U/L']),
    '1920-8': (['AST'], ['aspartate aminotransferase'], 0, ['U/L']),
    '6768-6': (['ALP', 'Alk phos'], ['alkaline phosphatase'], 0, ['U/L']),
    '33762-6': (['NT-proBNP'], ['NT-proBNP'], 0, ['pg/mL']),
    '10230-1': (['LVEF', 'EF'], ['ejection fraction'], 0, ['%']),
}
CONFUSE = [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('2947-0', '2069-3'), ('6298-4', '49765-1'), ('718-7', '4544-3'),
           ('6690-2', '777-3'), ('2339-0', '6299-2'), ('787-2', '785-6'), ('29463-7', '39156-5'), ('2069-3', '20565-8')]

def pick_obs(p, codes=None, need_v=True):
    c = [o for o in P[p]['obs'] if (codes is None or o['code'] in codes) and (('v' in o and o['code'] in AN) if need_v else True) and not (o['code'] == '33914-3' and o.get('u') != 'mL/min/{1.73_m2}')]
    return rng.choice(c) if c else None

def unit_of(code):
    return rng.choice(AN[code][3])

def aname(code, abbrev=None):
    ab, full = AN[code][0], AN[code][1]
    if abbrev is True: return rng.choice(ab)
    if abbrev is False: return rng.choice(full)
    return rng.choice(ab + full)

def bp_of(o):
    return o['comp']['8480-6'], o['comp']['8462-4']

def pr(p):
    """how to refer to the patient"""
    d = P[p]
    he = 'she' if d['sex'] == 'female' else 'he'
    title = ('Ms.' if d['sex'] == 'female' else 'Mr.') + ' ' + d['last']
    return rng.choice(['The patient', 'Pt', title, d['first'], 'Patient', title]), he

def LM():
    return rng.choice(['Based on the records, ', 'According to the chart, ', 'From the available records, ', 'Looking at the cited results, ',
                       'Per the documentation, ', 'The records show that ', 'In summary, ', ''])

COMMON_FIRST = set('The Patient Patient\'s Last Latest Most Between Serum Total Body Estimated Low-density High-density Blood Haemoglobin Hemoglobin Glycated Triglyceride Triglycerides Creatinine Potassium Sodium Calcium Glucose Weight Height Platelet Platelets Active Resolved Prescribed Onset Recorded Meds Smoking Tobacco Denies No Not Never Acute Chronic Viral Alanine Aspartate Alkaline Mean Urea Chloride Bicarbonate White Red Leukocyte Erythrocyte Oral Temperature Systolic Diastolic Immunisation Cholesterol Haematocrit Hematocrit Microalbumin Prostate-specific Labs Vitals Between Estimated Influenza Seasonal Quadrivalent Pneumococcal Hepatitis Polio Meningococcal Rotavirus Shingles Zoster Varicella Chickenpox Acetaminophen Simvastatin Amoxicillin Ibuprofen Hydrochlorothiazide Metformin Amlodipine Clopidogrel Alendronate Memantine Galantamine Fexofenadine Naproxen Penicillin Cefuroxime Fluticasone Albuterol Epinephrine Diphenhydramine Nitroglycerin Leuprolide Docetaxel Oxaliplatin Leucovorin Medroxyprogesterone Alteplase Insulin Furosemide'.split())

def low1(s):
    w = re.split(r'[\s:=(,]', s)[0]
    if w in COMMON_FIRST: return s[0].lower() + s[1:]
    if len(w) <= 5 and w[:1].isupper() and (len(w) == 1 or not w[1:].islower()): return s   # abbreviation
    return None

def voice(text, p, cat):
    """Wrap some claims in a nurse-handover / specialist-letter / problem-list frame (adds no facts)."""
    r = rng.random()
    d = P[p]; who = ('Mrs ' if d['sex'] == 'female' else 'Mr ') + d['last']
    if text.startswith(('Your', 'You ', 'Good news')) or text.startswith(tuple(['Based', 'According', 'From the', 'Looking', 'Per the', 'The records', 'In summary'])) or r > 0.22:
        return text
    if r < 0.06:
        return rng.choice([f'Handover, {who}: ', 'For handover - ', 'Handing over: ', f'{d["first"]} {d["last"]} - ']) + text
    if r < 0.15:
        lt = low1(text) if (text[0].isalpha() and re.search(r' (was|is|has|had|were|remains|received|underwent|continues) ', text)) else None
        if lt is None:
            return rng.choice([f'Thank you for referring {who}. Relevant findings: ', 'Clinic letter, summary of records: ', 'Dear colleague, for your records: ', f'Re: {who}. ']) + text
        return rng.choice([f'Thank you for referring {who}. On reviewing the records, ', 'I reviewed the notes in clinic today; ', 'Of note from the chart, ', 'For your information, ']) + lt
    if r < 0.18 and cat in ('status', 'negation', 'abbreviations', 'dates', 'two-facts'):
        return rng.choice(['Problem list: ', 'PMH/meds - ', '# ']) + text
    return text

def cap(s): return s if (len(s) > 1 and s[0].islower() and s[1].isupper()) else s[0].upper() + s[1:]

# ---------------------------------------------------------------- category: dates
def g_dates(p, label):
    d = P[p]
    kind = rng.choice(['obs', 'cond', 'imm', 'enc', 'proc', 'med'])
    err = rng.choice(['day', 'month', 'year', 'swap']) if label == 'wrong' else None
    def dd(s):
        if err is None:
            return fdate(s)
        if err == 'swap':
            y, m, dday = ymd(s)
            if dday > 12 or dday == m: return None
            s2 = shift(s, 'swap')
            return fdate(s2, rng.choice(['dmy', 'mdy', 'long', 'dmyfull', 'iso']))
        s2 = shift(s, err)
        if err == 'day': return fday(s2)
        if err == 'month': return fdate(s2, rng.choice(['iso', 'dmy', 'mdy', 'monthyear', 'my', 'us', 'long']))
        return fdate(s2)
    nm, he = pr(p)
    if kind == 'obs':
        o = pick_obs(p, ['4548-4', '18262-6', '2093-3', '39156-5', '29463-7', '2339-0', '38483-4', '718-7', '33914-3'])
        if not o: return None
        code = o['code']; dp = AN[code][2]
        if not safe_round(o['v'], dp): return None
        val = fnum(o['v'], dp); u = unit_of(code); ds = dd(o['date'])
        if not ds: return None
        an = aname(code)
        t = rng.choice([f'{an} {val} {u} on {ds}.', f'{LM()}{an.lower() if an.islower() else an} was {val} {u} when checked on {ds}.',
                        f'{ds}: {an} {val} {u}.', f'{nm} had a {an} of {val} {u} measured {ds}.', f'Labs from {ds} show {an} {val} {u}.',
                        f'{an} drawn {ds} came back at {val} {u}.'])
        return t, [('observation', o['id'])], [A_an(o['id'], an), A_num(o['id'], val, u), A_date(o['id'], ds)], f"{o['disp']} {o['v']:.2f} {o['u']} effective {o['date']}"
    if kind == 'cond':
        c = rng.choice(d['cond']) if d['cond'] else None
        if not c: return None
        nmc = CN.get(c['disp'])
        if not nmc: return None
        cn = rng.choice(nmc); ds = dd(c['onset'])
        if not ds: return None
        t = rng.choice([f'{cap(cn)} diagnosed {ds}.', f'{nm} was diagnosed with {cn} on {ds}.', f'Onset of {cn}: {ds}.',
                        f'{LM()}{cn} was first recorded on {ds}.', f'{cap(cn)}, onset {ds}.', f'Dx {cn} {ds}.'])
        return t, [('condition', c['id'])], [dict(t='cond', ref=c['id'], lit=cn), A_date(c['id'], ds)], f"Condition {c['disp']} onset {c['onset']}"
    if kind == 'imm':
        if not d['imm']: return None
        i = rng.choice(d['imm']); vn = VN.get(i['disp'])
        if not vn: return None
        v = rng.choice(vn); ds = dd(i['date'])
        if not ds: return None
        t = rng.choice([f'{cap(v)} given {ds}.', f'{nm} received {v} on {ds}.', f'Immunisation: {v}, {ds}.', f'{LM()}{nm.lower() if nm in ("The patient","Patient") else nm} got the {v} on {ds}.',
                        f'{v} administered {ds}'])
        return t, [('immunization', i['id'])], [dict(t='vax', ref=i['id'], lit=v), A_date(i['id'], ds)], f"Immunization {i['disp']} occurrence {i['date']}"
    if kind == 'enc':
        e = [x for x in d['enc'] if EN.get(x['disp'])]
        if not e: return None
        e = rng.choice(e); en = rng.choice(EN[e['disp']]); ds = dd(e['date'])
        if not ds: return None
        t = rng.choice([f'{nm} was seen for {en} on {ds}.', f'{cap(en)} {ds}.', f'{ds} - {en}.', f'{LM()}there was {en} on {ds}.'])
        return t, [('encounter', e['id'])], [dict(t='enc', ref=e['id'], lit=en), A_date(e['id'], ds)], f"Encounter {e['disp']} start {e['date']}"
    if kind == 'proc':
        q = [x for x in d['proc'] if PN.get(x['disp'])]
        if not q: return None
        q = rng.choice(q); pn = rng.choice(PN[q['disp']]); ds = dd(q['date'])
        if not ds: return None
        t = rng.choice([f'{cap(pn)} performed {ds}.', f'{nm} underwent {pn} on {ds}.', f'S/p {pn} ({ds}).', f'{LM()}a {pn} was done on {ds}.'])
        return t, [('procedure', q['id'])], [dict(t='proc', ref=q['id'], lit=pn), A_date(q['id'], ds)], f"Procedure {q['disp']} performed {q['date']}"
    if kind == 'med':
        m = [x for x in d['med'] if DN.get(x['disp'])]
        if not m: return None
        m = rng.choice(m); g = DN[m['disp']]; ds = dd(m['date'])
        if not ds: return None
        drug = rng.choice([g[0]] + g[1])
        t = rng.choice([f'{cap(drug)} prescribed {ds}.', f'{drug} was started on {ds}.', f'Rx for {drug} written {ds}.', f'{LM()}{drug} was ordered on {ds}.'])
        return t, [('medication', m['id'])], [dict(t='drug', ref=m['id'], lit=drug), A_date(m['id'], ds)], f"MedicationRequest {m['disp']} authoredOn {m['date']}"

# names for conditions, vaccines, encounters, procedures, drugs
CN = {
    'Hypertension': ['hypertension', 'HTN', 'high blood pressure', 'essential hypertension'],
    'Prediabetes': ['prediabetes', 'pre-diabetes'],
    'Diabetes': ['diabetes', 'diabetes mellitus', 'DM'],
    'Body mass index 30+ - obesity (finding)': ['obesity', 'BMI 30+ obesity'],
    'Viral sinusitis (disorder)': ['viral sinusitis'],
    'Acute bronchitis (disorder)': ['acute bronchitis', 'bronchitis'],
    'Acute viral pharyngitis (disorder)': ['viral pharyngitis', 'acute viral pharyngitis'],
    'Chronic sinusitis (disorder)': ['chronic sinusitis'],
    'Streptococcal sore throat (disorder)': ['strep throat', 'streptococcal pharyngitis'],
    'Otitis media': ['otitis media', 'OM', 'middle ear infection'],
    'Anemia (disorder)': ['anaemia', 'anemia'],
    'Stroke': ['stroke', 'CVA'],
    'Appendicitis': ['appendicitis'],
    'Childhood asthma': ['childhood asthma', 'asthma'],
    'Hypertriglyceridemia (disorder)': ['hypertriglyceridaemia', 'hypertriglyceridemia'],
    'Metabolic syndrome X (disorder)': ['metabolic syndrome'],
    'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'CKD 1', 'chronic kidney disease stage 1'],
    'Diabetic renal disease (disorder)': ['diabetic kidney disease', 'diabetic nephropathy'],
    'Myocardial Infarction': ['myocardial infarction', 'MI', 'heart attack'],
    'Coronary Heart Disease': ['coronary heart disease', 'CHD', 'CAD'],
    "Alzheimer's disease (disorder)": ["Alzheimer's disease", "Alzheimer's dementia"],
    'Chronic congestive heart failure (disorder)': ['CHF', 'chronic congestive heart failure', 'congestive heart failure'],
    'Neuropathy due to type 2 diabetes mellitus (disorder)': ['diabetic neuropathy', 'T2DM neuropathy'],
    'Epilepsy': ['epilepsy'], 'Seizure disorder': ['seizure disorder'],
    'Hyperlipidemia': ['hyperlipidaemia', 'hyperlipidemia', 'HLD'],
    'Osteoporosis (disorder)': ['osteoporosis'],
    'Osteoarthritis of hip': ['hip OA', 'osteoarthritis of the hip'],
    'Localized, primary osteoarthritis of the hand': ['hand OA', 'osteoarthritis of the hand'],
    'Neoplasm of prostate': ['prostate neoplasm', 'prostate tumour'],
    'Sprain of ankle': ['ankle sprain', 'sprained ankle'], 'Sprain of wrist': ['wrist sprain'],
    'Fracture of forearm': ['forearm fracture'], 'Fracture of clavicle': ['clavicle fracture', 'fractured clavicle'],
    'Seasonal allergic rhinitis': ['seasonal allergic rhinitis', 'hay fever'],
    'Atopic dermatitis': ['atopic dermatitis', 'eczema'],
    'Concussion with no loss of consciousness': ['concussion without LOC'],
    'Polyp of colon': ['colon polyp', 'colonic polyp'],
    'Hyperglycemia (disorder)': ['hyperglycaemia', 'hyperglycemia'],
    'Whiplash injury to neck': ['whiplash injury'],
    'Laceration of hand': ['hand laceration'],
    'Miscarriage in first trimester': ['first-trimester miscarriage'],
    'Impacted molars': ['impacted molars'],
    'Diabetic retinopathy associated with type II diabetes mellitus (disorder)': ['diabetic retinopathy'],
}
VN = {
    'Influenza, seasonal, injectable, preservative free': ['flu shot', 'influenza vaccine', 'seasonal flu vaccine'],
    'HPV, quadrivalent': ['HPV vaccine', 'quadrivalent HPV vaccine'], 'Pneumococcal conjugate PCV 13': ['PCV13', 'pneumococcal conjugate vaccine'],
    'Td (adult) preservative free': ['Td booster', 'tetanus-diphtheria booster'], 'meningococcal MCV4P': ['meningococcal vaccine', 'MCV4'],
    'DTaP': ['DTaP'], 'IPV': ['polio vaccine (IPV)', 'IPV'], 'Hep B, adolescent or pediatric': ['hepatitis B vaccine', 'Hep B vaccine'],
    'Hib (PRP-OMP)': ['Hib vaccine'], 'zoster': ['shingles vaccine', 'zoster vaccine'], 'Tdap': ['Tdap'], 'rotavirus, monovalent': ['rotavirus vaccine'],
    'Hep A, ped/adol, 2 dose': ['hepatitis A vaccine'], 'varicella': ['varicella vaccine', 'chickenpox vaccine'], 'MMR': ['MMR'],
    'pneumococcal polysaccharide vaccine, 23 valent': ['PPSV23', 'pneumococcal polysaccharide vaccine'], 'Hep A, adult': ['hepatitis A vaccine'],
}
EN = {
    'Encounter for check up (procedure)': ['a check-up', 'a routine check-up', 'a wellness visit'],
    "Encounter for 'check-up'": ['a check-up'],
    'Emergency room admission (procedure)': ['an ER visit', 'an emergency department visit'],
    'Emergency Room Admission': ['an ER visit'], 'Emergency Encounter': ['an emergency visit'],
    'Asthma follow-up': ['an asthma follow-up'], 'Prenatal initial visit': ['an initial prenatal visit'],
    'Encounter Inpatient': ['an inpatient admission'],
}
PN = {
    'Colonoscopy': ['colonoscopy'], 'Throat culture (procedure)': ['throat culture'], 'Digital examination of rectum': ['DRE', 'digital rectal exam'],
    'Measurement of respiratory function (procedure)': ['spirometry', 'pulmonary function testing'], 'Biopsy of prostate': ['prostate biopsy'],
    'Plain chest X-ray (procedure)': ['chest X-ray', 'CXR'], 'trans thoracic echocardiogram': ['TTE', 'transthoracic echo'],
    'Extraction of wisdom tooth': ['wisdom tooth extraction'], 'Knee X-ray': ['knee X-ray'], 'Clavicle X-ray': ['clavicle X-ray'],
    'Bone density scan (procedure)': ['DEXA scan', 'bone density scan'], 'Suture open wound': ['wound suturing'],
    'Sputum examination (procedure)': ['sputum exam'], 'Upper arm X-ray': ['upper arm X-ray'], 'Bone immobilization': ['bone immobilisation'],
    'Intramuscular injection': ['IM injection'],
}
# display -> (generic, brands, strength literal or None, wrong strength choices, other-drug generic, other brand)
DN = {
    'Hydrochlorothiazide 25 MG': ('hydrochlorothiazide', ['HCTZ', 'Microzide'], '25 mg', ['12.5 mg', '50 mg'], 'chlorthalidone', 'Lasix'),
    'Simvistatin 10 MG': ('simvastatin', ['Zocor'], '10 mg', ['20 mg', '40 mg'], 'atorvastatin', 'Lipitor'),
    'Simvastatin 20 MG Oral Tablet': ('simvastatin', ['Zocor'], '20 mg', ['10 mg', '40 mg'], 'rosuvastatin', 'Crestor'),
    'Amlodipine 5 MG Oral Tablet': ('amlodipine', ['Norvasc'], '5 mg', ['10 mg', '2.5 mg'], 'nifedipine', 'Procardia'),
    'Clopidogrel 75 MG Oral Tablet': ('clopidogrel', ['Plavix'], '75 mg', ['300 mg', '150 mg'], 'ticagrelor', 'Brilinta'),
    '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet': ('metformin', ['Glucophage XR', 'Glucophage'], '500 mg', ['850 mg', '1000 mg'], 'glipizide', 'Januvia'),
    '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]': ('metoprolol succinate', ['Toprol XL', 'Toprol'], '100 mg', ['50 mg', '25 mg'], 'atenolol', 'Tenormin'),
    'Lasix 40mg': ('furosemide', ['Lasix'], '40 mg', ['20 mg', '80 mg'], 'torsemide', 'Bumex'),
    'Alendronic acid 10 MG Oral Tablet': ('alendronate', ['Fosamax'], '10 mg', ['70 mg', '35 mg'], 'risedronate', 'Actonel'),
    'Memantine hydrochloride 2 MG/ML Oral Solution': ('memantine', ['Namenda'], '2 mg/mL', ['10 mg/mL', '5 mg/mL'], 'donepezil', 'Aricept'),
    'Galantamine 4 MG Oral Tablet': ('galantamine', ['Razadyne'], '4 mg', ['8 mg', '12 mg'], 'rivastigmine', 'Aricept'),
    'Fexofenadine hydrochloride 30 MG Oral Tablet': ('fexofenadine', ['Allegra'], '30 mg', ['180 mg', '60 mg'], 'loratadine', 'Claritin'),
    'Naproxen sodium 220 MG Oral Tablet': ('naproxen sodium', ['Aleve'], '220 mg', ['500 mg', '550 mg'], 'ibuprofen', 'Advil'),
    'Ibuprofen 200 MG Oral Tablet': ('ibuprofen', ['Advil', 'Motrin'], '200 mg', ['400 mg', '800 mg'], 'naproxen', 'Aleve'),
    'Ibuprofen 100 MG Oral Tablet': ('ibuprofen', ['Motrin', 'Advil'], '100 mg', ['400 mg', '200 mg'], 'naproxen', 'Aleve'),
    'Acetaminophen 325 MG Oral Tablet': ('acetaminophen', ['Tylenol', 'paracetamol'], '325 mg', ['500 mg', '650 mg'], 'ibuprofen', 'Advil'),
    'Acetaminophen 160 MG Oral Tablet': ('acetaminophen', ['Tylenol', 'paracetamol'], '160 mg', ['325 mg', '500 mg'], 'ibuprofen', 'Motrin'),
    'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet': ('amoxicillin-clavulanate', ['Augmentin', 'co-amoxiclav'], '250 mg/125 mg', ['875 mg/125 mg', '500 mg/125 mg'], 'cefuroxime', 'Keflex'),
    'Amoxicillin 250 MG Oral Capsule': ('amoxicillin', ['Amoxil'], '250 mg', ['500 mg', '875 mg'], 'azithromycin', 'Zithromax'),
    'Amoxicillin 500 MG Oral Tablet': ('amoxicillin', ['Amoxil'], '500 mg', ['250 mg', '875 mg'], 'cephalexin', 'Zithromax'),
    'Penicillin V Potassium 500 MG Oral Tablet': ('penicillin V potassium', ['penicillin VK', 'Pen VK'], '500 mg', ['250 mg', '1000 mg'], 'amoxicillin', 'Zithromax'),
    'Penicillin V Potassium 250 MG Oral Tablet': ('penicillin V potassium', ['penicillin VK', 'Pen VK'], '250 mg', ['500 mg'], 'amoxicillin', 'Keflex'),
    'Cefuroxime 250 MG Oral Tablet': ('cefuroxime', ['Ceftin'], '250 mg', ['500 mg'], 'cephalexin', 'Keflex'),
    '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler': ('fluticasone', ['Flovent HFA', 'Flovent'], '44 mcg/actuation', ['110 mcg/actuation', '220 mcg/actuation'], 'budesonide', 'Pulmicort'),
    '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler': ('albuterol', ['ProAir', 'Ventolin', 'salbutamol'], '90 mcg/actuation', ['180 mcg/actuation'], 'levalbuterol', 'Xopenex'),
    'NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector': ('epinephrine', ['EpiPen', 'adrenaline'], '1 mg/mL', ['0.5 mg/mL'], 'glucagon', 'Baqsimi'),
    'diphenhydrAMINE Hydrochloride 25 MG Oral Tablet': ('diphenhydramine', ['Benadryl'], '25 mg', ['50 mg'], 'hydroxyzine', 'Atarax'),
    'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet': ('oxycodone-acetaminophen', ['Percocet'], '5/325 mg', ['10/325 mg', '7.5/325 mg'], 'hydrocodone-acetaminophen', 'Norco'),
    'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet': ('hydrocodone-acetaminophen', ['Norco'], '7.5/325 mg', ['10/325 mg', '5/325 mg'], 'oxycodone-acetaminophen', 'Percocet'),
    'Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]': ('hydrocodone-acetaminophen', ['Vicodin'], '5/300 mg', ['7.5/300 mg', '10/300 mg'], 'oxycodone-acetaminophen', 'Percocet'),
    'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray': ('nitroglycerin', ['Nitrolingual', 'GTN spray'], '0.4 mg/spray', ['0.8 mg/spray'], 'isosorbide mononitrate', 'Imdur'),
    '0.25 ML Leuprolide Acetate 30 MG/ML Prefilled Syringe': ('leuprolide', ['Lupron', 'Eligard'], None, [], 'goserelin', 'Zoladex'),
    '1 ML DOCEtaxel 20 MG/ML Injection': ('docetaxel', ['Taxotere'], '20 mg/mL', ['40 mg/mL'], 'paclitaxel', 'Taxol'),
    '10 ML oxaliplatin 5 MG/ML Injection': ('oxaliplatin', ['Eloxatin'], '5 mg/mL', ['10 mg/mL'], 'cisplatin', 'Platinol'),
    'Leucovorin 100 MG Injection': ('leucovorin', ['folinic acid'], '100 mg', ['50 mg', '200 mg'], 'methotrexate', 'Trexall'),
    '1 ML medroxyprogesterone acetate 150 MG/ML Injection': ('medroxyprogesterone', ['Depo-Provera'], '150 mg/mL', ['104 mg/mL'], 'norethindrone', 'Nexplanon'),
    'Alteplase 100 MG Injection': ('alteplase', ['Activase', 'tPA'], '100 mg', ['50 mg'], 'tenecteplase', 'TNKase'),
    'Vitamin B 12 5 MG/ML Injectable Solution': ('vitamin B12', ['cyanocobalamin'], None, [], 'folic acid', 'Folvite'),
    'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]': ('insulin NPH/regular 70/30', ['Humulin 70/30'], None, [], 'insulin glargine', 'Lantus'),
    'Levora 0.15/30 28 Day Pack': ('levonorgestrel-ethinyl estradiol', ['Levora'], None, [], 'norethindrone', 'Yaz'),
    'Seasonique 91 Day Pack': ('levonorgestrel-ethinyl estradiol', ['Seasonique'], None, [], 'drospirenone', 'Yaz'),
    'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring': ('etonogestrel-ethinyl estradiol vaginal ring', ['NuvaRing'], None, [], 'levonorgestrel IUD', 'Mirena'),
    'Natazia 28 Day Pack': ('estradiol valerate-dienogest', ['Natazia'], None, [], 'norethindrone', 'Yaz'),
}

exec(open(os.path.join(OUT, 'gen_cats.py')).read())

if __name__ == '__main__':
    run_all()
