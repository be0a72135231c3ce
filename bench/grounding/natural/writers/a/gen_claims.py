"""Writes claims.jsonl (+ claims_asserts.jsonl, the machine-checkable facts behind every claim).

Each claim is built from facts read out of the bundles; each fact it states is recorded as an
assertion with the truth value the writer intends ("exp"). validate.py re-derives every assertion
from the raw bundles independently and checks exp and the label.
"""
import json, random, sys, math, collections, re
sys.path.insert(0, '/work/notes/evalsets/dev')
from common import *
from tables import COND, COND_WRONG, DRUG

OUT = '/work/notes/evalsets/dev/claims.jsonl'
OUTA = '/work/notes/evalsets/dev/claims_asserts.jsonl'

# ----------------------------------------------------------------------------------------------
# analytes
AN = {
 '2339-0': dict(n=['glucose', 'blood glucose', 'serum glucose'], a=['Glu', 'glucose', 'BG'], p=[0], u=['mg/dL', 'mg/dl']),
 '38483-4': dict(n=['creatinine', 'serum creatinine'], a=['Cr', 'SCr', 'creat'], p=[2], u=['mg/dL', 'mg/dl']),
 '2947-0': dict(n=['sodium', 'serum sodium'], a=['Na', 'Na+'], p=[0, 1], u=['mmol/L', 'mEq/L']),
 '6298-4': dict(n=['potassium', 'serum potassium'], a=['K', 'K+'], p=[1], u=['mmol/L', 'mEq/L']),
 '2069-3': dict(n=['chloride'], a=['Cl', 'Cl-'], p=[0, 1], u=['mmol/L', 'mEq/L']),
 '20565-8': dict(n=['bicarbonate (total CO2)', 'CO2'], a=['HCO3', 'CO2', 'tCO2'], p=[0, 1], u=['mmol/L', 'mEq/L']),
 '49765-1': dict(n=['calcium', 'serum calcium'], a=['Ca'], p=[1], u=['mg/dL', 'mg/dl']),
 '6299-2': dict(n=['urea nitrogen', 'blood urea nitrogen'], a=['BUN'], p=[0, 1], u=['mg/dL', 'mg/dl']),
 '2093-3': dict(n=['total cholesterol'], a=['TC', 'total chol', 'T-chol'], p=[0], u=['mg/dL', 'mg/dl']),
 '2571-8': dict(n=['triglycerides'], a=['TG', 'trigs'], p=[0], u=['mg/dL', 'mg/dl']),
 '18262-6': dict(n=['LDL cholesterol', 'low-density lipoprotein cholesterol'], a=['LDL', 'LDL-C'], p=[0], u=['mg/dL', 'mg/dl']),
 '2085-9': dict(n=['HDL cholesterol', 'high-density lipoprotein cholesterol'], a=['HDL', 'HDL-C'], p=[0], u=['mg/dL', 'mg/dl']),
 '4548-4': dict(n=['hemoglobin A1c', 'glycated haemoglobin', 'glycated hemoglobin'], a=['HbA1c', 'A1c', 'A1C'], p=[1], u=['%']),
 '33914-3': dict(n=['estimated GFR'], a=['eGFR'], p=[0], u=['mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m²']),
 '14959-1': dict(n=['urine albumin/creatinine ratio', 'microalbumin/creatinine ratio'], a=['UACR', 'ACR', 'uACR'], p=[1, 0], u=['mg/g']),
 '6690-2': dict(n=['white cell count', 'white blood cell count', 'leukocyte count'], a=['WBC'], p=[1], u=['x10^3/uL', '×10³/µL', 'K/uL']),
 '789-8': dict(n=['red cell count', 'erythrocyte count'], a=['RBC'], p=[2], u=['x10^6/uL', '×10⁶/µL', 'M/uL']),
 '718-7': dict(n=['hemoglobin', 'haemoglobin'], a=['Hb', 'Hgb'], p=[1], u=['g/dL', 'g/dl']),
 '4544-3': dict(n=['hematocrit', 'haematocrit'], a=['Hct'], p=[1], u=['%']),
 '787-2': dict(n=['mean corpuscular volume'], a=['MCV'], p=[1, 0], u=['fL', 'fl']),
 '785-6': dict(n=['mean corpuscular hemoglobin'], a=['MCH'], p=[1], u=['pg']),
 '786-4': dict(n=['mean corpuscular hemoglobin concentration'], a=['MCHC'], p=[1], u=['g/dL']),
 '21000-5': dict(n=['red cell distribution width'], a=['RDW'], p=[1], u=['fL']),
 '777-3': dict(n=['platelet count', 'platelets'], a=['Plt', 'PLT'], p=[0], u=['x10^3/uL', '×10³/µL', 'K/uL']),
 '32623-1': dict(n=['mean platelet volume'], a=['MPV'], p=[1], u=['fL']),
 '32207-3': dict(n=['platelet distribution width'], a=['PDW'], p=[1], u=['fL']),
 '8331-1': dict(n=['oral temperature', 'temperature'], a=['T', 'Temp', 'temp'], p=[1], u=['°C', 'deg C', 'C']),
 '39156-5': dict(n=['body mass index'], a=['BMI'], p=[1], u=['kg/m2', 'kg/m²']),
 '29463-7': dict(n=['body weight', 'weight'], a=['Wt', 'weight'], p=[1], u=['kg']),
 '8302-2': dict(n=['height', 'body height'], a=['Ht', 'height'], p=[1, 0], u=['cm']),
 '2857-1': dict(n=['prostate-specific antigen'], a=['PSA'], p=[1, 2], u=['ng/mL', 'ng/ml']),
 '10230-1': dict(n=['left ventricular ejection fraction'], a=['LVEF', 'EF'], p=[0, 1], u=['%']),
 '33762-6': dict(n=['NT-proBNP'], a=['NT-proBNP'], p=[0], u=['pg/mL']),
 '1742-6': dict(n=['alanine aminotransferase'], a=['ALT'], p=[0, 1], u=['U/L', 'IU/L']),
 '1920-8': dict(n=['aspartate aminotransferase'], a=['AST'], p=[0, 1], u=['U/L', 'IU/L']),
 '6768-6': dict(n=['alkaline phosphatase'], a=['ALP', 'alk phos'], p=[0], u=['U/L', 'IU/L']),
 '1975-2': dict(n=['total bilirubin'], a=['T bili', 'TBili'], p=[1, 2], u=['mg/dL']),
 '1751-7': dict(n=['serum albumin'], a=['Alb'], p=[1], u=['g/dL']),
 '2885-2': dict(n=['total protein'], a=['TP'], p=[1], u=['g/dL']),
 '72514-3': dict(n=['pain score'], a=['pain'], p=[0], u=['/10']),
}
LAB_CODES = ['2339-0', '38483-4', '2947-0', '6298-4', '2069-3', '20565-8', '49765-1', '6299-2', '2093-3', '2571-8', '18262-6',
             '2085-9', '4548-4', '33914-3', '14959-1', '6690-2', '789-8', '718-7', '4544-3', '787-2', '785-6', '786-4', '777-3',
             '8331-1', '39156-5', '29463-7', '8302-2', '2857-1', '10230-1', '1742-6', '1920-8', '6768-6', '1751-7', '2885-2']

# unit conversions: (loinc, written unit) -> (factor or callable, default precision)
CONVS = {
 ('2339-0', 'mmol/L'): (lambda v: v / 18.016, 1),
 ('2093-3', 'mmol/L'): (lambda v: v / 38.67, 1), ('18262-6', 'mmol/L'): (lambda v: v / 38.67, 1),
 ('2085-9', 'mmol/L'): (lambda v: v / 38.67, 2), ('2571-8', 'mmol/L'): (lambda v: v / 88.57, 1),
 ('38483-4', 'µmol/L'): (lambda v: v * 88.42, 0), ('38483-4', 'umol/L'): (lambda v: v * 88.42, 0),
 ('49765-1', 'mmol/L'): (lambda v: v / 4.008, 2),
 ('4548-4', 'mmol/mol'): (lambda v: (v - 2.15) * 10.929, 0),
 ('718-7', 'g/L'): (lambda v: v * 10, 0), ('786-4', 'g/L'): (lambda v: v * 10, 0),
 ('8331-1', '°F'): (lambda v: v * 9 / 5 + 32, 1), ('8331-1', 'F'): (lambda v: v * 9 / 5 + 32, 1),
 ('29463-7', 'lb'): (lambda v: v * 2.20462, 1), ('29463-7', 'lbs'): (lambda v: v * 2.20462, 0),
 ('8302-2', 'in'): (lambda v: v / 2.54, 0), ('8302-2', 'm'): (lambda v: v / 100, 2),
 ('6690-2', 'x10^9/L'): (lambda v: v, 1), ('6690-2', '×10⁹/L'): (lambda v: v, 1),
 ('777-3', 'x10^9/L'): (lambda v: v, 0), ('777-3', '×10⁹/L'): (lambda v: v, 0),
 ('789-8', 'x10^12/L'): (lambda v: v, 2), ('789-8', '×10¹²/L'): (lambda v: v, 2),
 ('BP', 'kPa'): (lambda v: v * 0.133322, 1),
 ('2857-1', 'µg/L'): (lambda v: v, 1), ('33762-6', 'ng/L'): (lambda v: v, 0),
}

VAX = {
 'Influenza, seasonal, injectable, preservative free': ['a flu shot', 'the seasonal influenza vaccine', 'an influenza vaccine', 'the flu vaccine', 'a flu jab'],
 'HPV, quadrivalent': ['HPV vaccine (quadrivalent)', 'quadrivalent HPV vaccine', 'Gardasil (HPV4)'],
 'Pneumococcal conjugate PCV 13': ['PCV13', 'Prevnar 13', 'pneumococcal conjugate vaccine (PCV13)'],
 'meningococcal MCV4P': ['MCV4', 'meningococcal conjugate vaccine', 'MenACWY (MCV4)'],
 'Td (adult) preservative free': ['Td booster', 'tetanus-diphtheria (Td)', 'adult Td'],
 'DTaP': ['DTaP'], 'IPV': ['IPV (polio)', 'inactivated polio vaccine'],
 'Hep B, adolescent or pediatric': ['hepatitis B vaccine', 'HepB (pediatric)'],
 'Hib (PRP-OMP)': ['Hib', 'Hib (PRP-OMP) vaccine'],
 'Tdap': ['Tdap', 'Tdap booster'],
 'zoster': ['zoster (shingles) vaccine', 'shingles vaccine'],
 'rotavirus, monovalent': ['rotavirus vaccine', 'monovalent rotavirus vaccine'],
 'Hep A, ped/adol, 2 dose': ['hepatitis A vaccine', 'HepA'],
 'varicella': ['varicella vaccine', 'chickenpox vaccine'], 'MMR': ['MMR'],
 'pneumococcal polysaccharide vaccine, 23 valent': ['PPSV23', 'Pneumovax 23'],
 'Hep A, adult': ['adult hepatitis A vaccine'], 'Hep B, adult': ['adult hepatitis B vaccine'],
}
VAX_KEY = {  # validator-facing: display substring that must be in the record
 'Influenza, seasonal, injectable, preservative free': 'Influenza', 'HPV, quadrivalent': 'HPV', 'Pneumococcal conjugate PCV 13': 'PCV 13',
 'meningococcal MCV4P': 'MCV4', 'Td (adult) preservative free': 'Td (adult)', 'DTaP': 'DTaP', 'IPV': 'IPV',
 'Hep B, adolescent or pediatric': 'Hep B', 'Hib (PRP-OMP)': 'Hib', 'Tdap': 'Tdap', 'zoster': 'zoster', 'rotavirus, monovalent': 'rotavirus',
 'Hep A, ped/adol, 2 dose': 'Hep A', 'varicella': 'varicella', 'MMR': 'MMR', 'pneumococcal polysaccharide vaccine, 23 valent': 'polysaccharide',
 'Hep A, adult': 'Hep A', 'Hep B, adult': 'Hep B'}
PROC = {
 'Colonoscopy': ['colonoscopy', 'a colonoscopy', 'screening colonoscopy'],
 'Throat culture (procedure)': ['a throat culture', 'throat swab for culture'],
 'Measurement of respiratory function (procedure)': ['respiratory function testing', 'pulmonary function measurement'],
 'Digital examination of rectum': ['a DRE', 'a digital rectal exam', 'digital rectal examination'],
 'Biopsy of prostate': ['a prostate biopsy', 'prostate biopsy'],
 'Percutaneous mechanical thrombectomy of portal vein using fluoroscopic guidance': ['percutaneous mechanical thrombectomy', 'a mechanical thrombectomy'],
 'Sputum examination (procedure)': ['a sputum exam', 'sputum examination'],
 'trans thoracic echocardiogram': ['a TTE', 'a transthoracic echocardiogram', 'transthoracic echo'],
 'Upper arm X-ray': ['an upper arm X-ray', 'upper-arm radiograph'], 'Bone immobilization': ['bone immobilization', 'immobilisation of the fracture'],
 'Plain chest X-ray (procedure)': ['a CXR', 'a plain chest X-ray', 'chest radiograph'], 'Knee X-ray': ['a knee X-ray', 'knee radiograph'],
 'Surgical manipulation of joint of knee': ['surgical manipulation of the knee', 'knee joint manipulation'],
 'Clavicle X-ray': ['a clavicle X-ray', 'clavicle radiograph'], 'Admission to orthopedic department': ['admission to orthopaedics', 'orthopedic admission'],
 'Bone density scan (procedure)': ['a bone density scan', 'a DEXA scan', 'DXA'], 'Suture open wound': ['wound suturing', 'sutures to an open wound'],
 'Extraction of wisdom tooth': ['wisdom tooth extraction', 'removal of a wisdom tooth'], 'Intramuscular injection': ['an IM injection', 'an intramuscular injection'],
}
PROC_KEY = {k: k.split(' (')[0].split(' using')[0] for k in PROC}

# ----------------------------------------------------------------------------------------------
rng = random.Random(7331)
CLAIMS = []
USED = collections.Counter()
PIDS = list(PATS)
WEIGHT = {pid: (2.6 if PATS[pid]['name'] in ('Vito Feeney', 'Evelyn McCullough') else 1.0) for pid in PIDS}
PCOUNT = collections.Counter()


def C(kind, rid):
    return {"kind": "record", "record": kind, "id": rid}


def A(t, **kw):
    d = dict(t=t); d.update(kw); d.setdefault('exp', True); return d


def pick(seq):
    return rng.choice(list(seq))


def cap(s):
    if not s or (len(s) > 1 and s[1].isupper()):
        return s
    return s[0].upper() + s[1:]


def uname(rec_unit):
    return {'mm[Hg]': 'mmHg'}.get(rec_unit, rec_unit)


def val_txt(v, prec):
    return nf(v, prec)


def choose_prec(code, v):
    ps = list(AN[code]['p'])
    rng.shuffle(ps)
    for p in ps:
        if safe_round(v, p):
            return p
    return None


def cname(disp_):
    return pick(COND[disp_])


def dchoice(iso, full=False, styles=None):
    return any_date(rng, iso, full=full, styles=styles)


def matches_gran(iso, txt_style, txt):
    """does iso date fall in what txt (written in style) denotes?"""
    y, m = int(iso[:4]), int(iso[5:7])
    if txt_style in FULL_STYLES:
        return fmt_date(iso, txt_style) is not None and fmt_date(iso, txt_style)[0] == txt
    if txt_style in ('month_abbr', 'month_full'):
        return fmt_date(iso, txt_style)[0] == txt
    if txt_style == 'year':
        return str(y) == txt
    ys = int(txt[-4:])
    months = {'mid': (6, 7), 'early': (1, 2), 'late': (11, 12)}[txt_style]
    return y == ys and m in months


def wrong_date_text(iso, others, kinds=('day', 'month', 'year', 'swap')):
    """A false date for a record dated iso; others = dates of records of the same kind (must not match either)."""
    ks = list(kinds)
    rng.shuffle(ks)
    for k in ks:
        nd = shift_date(iso, k, rng)
        if not nd:
            continue
        if k in ('day', 'swap'):
            styles = FULL_STYLES
        elif k == 'month':
            styles = FULL_STYLES + ['month_abbr', 'month_full']
        else:
            styles = FULL_STYLES + ['month_abbr', 'month_full', 'year']
        for _ in range(6):
            txt, prep, st = any_date(rng, nd, styles=styles)
            if matches_gran(iso, st, txt):
                continue
            if any(matches_gran(o, st, txt) for o in others):
                continue
            return txt, prep, k, nd
    return None


def add(cat, pid, label, text, cites, why, asserts):
    text = text.strip().replace('  ', ' ').replace(' .', '.').replace(' ;', ';').replace(' ,', ',')
    text = cap(text)
    for a_, b_ in (('riglycerides was', 'riglycerides were'), ('rigs was', 'rigs were'), ('latelets was', 'latelets were'), ('riglycerides is', 'riglycerides are'),
                   ('Most recent platelets was', 'Most recent platelets were')):
        text = text.replace(a_, b_)
    key = (pid, text)
    if key in USED:
        return False
    exp_all = all(a['exp'] for a in asserts)
    assert exp_all == (label == 'correct'), (cat, label, text, asserts)
    USED[key] += 1
    CLAIMS.append(dict(patient=pid, text=text, citations=cites, label=label, category=cat, why=why, _asserts=asserts))
    PCOUNT[pid] += 1
    return True


# ----------------------------------------------------------------------------------------------
# fact pickers
def obs_pick(P, codes, need_adult=False, min_n=1):
    cands = []
    for c in codes:
        s = series(P, c)
        if len(s) >= min_n:
            for o in s:
                if need_adult and age_at(P, o['date']) < 20:
                    continue
                cands.append((c, o))
    if not cands:
        return None
    return pick(cands)


def condition_name_ok(d):
    return d in COND

# ==============================================================================================
# CATEGORY: dates

def g_dates(P, label):
    pid = P['patient']['id']
    kind = pick(['cond', 'cond', 'enc', 'imm', 'imm', 'proc', 'med', 'obs'])
    ok = label == 'correct'
    if kind == 'cond':
        rs = [r for r in recs(P, 'condition') if disp(r) in COND and disp(r) != 'Miscarriage in first trimester' and not disp(r).startswith('History of')]
        if not rs: return None
        r = pick(rs); iso = rdate(r); nm = cname(disp(r))
        others = [rdate(x) for x in recs(P, 'condition') if disp(x) == disp(r) and x['id'] != r['id']]
        if ok:
            txt, prep, st = dchoice(iso)
        else:
            w = wrong_date_text(iso, others)
            if not w: return None
            txt, prep, k, _nd = w
        T = pick([
            f"{cap(nm)} was diagnosed {prep} {txt}.",
            f"Diagnosis of {nm} recorded {prep} {txt}.",
            f"Onset of {nm}: {txt}.",
            f"Pt developed {nm} {prep} {txt}.",
            f"{cap(nm)}, onset {txt}.",
            f"Problem list includes {nm} with onset {prep} {txt}.",
            f"First documented {nm} {prep} {txt}.",
            f"Dx: {nm} ({txt}).",
            f"{cap(txt) if txt[0].isalpha() else txt}: diagnosed with {nm}.",
            f"The patient was diagnosed with {nm} {prep} {txt}.",
            f"{cap(nm)} dates back to {txt}.",
            f"Noted to have {nm} starting {txt}.",
        ])
        why = f"Condition {disp(r)} onsetDateTime {iso}" + ("" if ok else f"; text says {txt} ({k} error)")
        return add('dates', pid, label, T, [C('condition', r['id'])], why,
                   [A('code', ref=r['id'], any=[disp(r)]), A('date', ref=r['id'], txt=txt, exp=ok, excl=not ok)])
    if kind == 'enc':
        rs = recs(P, 'encounter')
        rs = [r for r in rs if r['class']['code'] in ('EMER', 'IMP') or r.get('reasonCode') or 'check' in disp(r).lower()]
        if not rs: return None
        r = pick(rs); iso = rdate(r)
        cls = r['class']['code']
        if cls == 'EMER':
            desc = pick(['seen in the ED', 'presented to the emergency department', 'had an ER visit', 'attended A&E'])
            what = A('enc', ref=r['id'], what='emergency')
            same = [x for x in recs(P, 'encounter') if x['class']['code'] == 'EMER']
        elif cls == 'IMP':
            desc = pick(['admitted as an inpatient', 'had an inpatient admission', 'was hospitalized'])
            what = A('enc', ref=r['id'], what='inpatient')
            same = [x for x in recs(P, 'encounter') if x['class']['code'] == 'IMP']
        elif r.get('reasonCode'):
            rd = r['reasonCode'][0]['coding'][0]['display']
            if rd not in COND: return None
            desc = pick([f"seen for {cname(rd)}", f"had a visit for {cname(rd)}", f"presented with {cname(rd)}"])
            what = A('encreason', ref=r['id'], any=[rd])
            same = [x for x in recs(P, 'encounter') if x.get('reasonCode') and x['reasonCode'][0]['coding'][0]['display'] == rd]
        else:
            desc = pick(['had a routine check-up', 'attended a well visit', 'came in for an annual physical', 'had a wellness exam'])
            what = A('enc', ref=r['id'], what='checkup')
            same = [x for x in recs(P, 'encounter') if 'check' in disp(x).lower()]
        others = [rdate(x) for x in same if x['id'] != r['id']]
        if ok:
            txt, prep, st = dchoice(iso)
            if any(matches_gran(o, st, txt) for o in others):
                txt, prep, st = dchoice(iso, full=True)
                if any(matches_gran(o, st, txt) for o in others): return None
        else:
            w = wrong_date_text(iso, others)
            if not w: return None
            txt, prep, k, _nd = w
        T = pick([f"Patient {desc} {prep} {txt}.", f"{cap(desc)} {prep} {txt}.", f"{cap(txt) if txt[0].isalpha() else txt}: {desc}.",
                  f"Per the chart, the patient {desc} {prep} {txt}.", f"Encounter {prep} {txt}: {desc}."])
        why = f"Encounter {disp(r)} (class {cls}) period.start {iso}" + ("" if ok else f"; text says {txt} ({k} error)")
        return add('dates', pid, label, T, [C('encounter', r['id'])], why, [what, A('date', ref=r['id'], txt=txt, exp=ok, excl=not ok)])
    if kind == 'imm':
        rs = recs(P, 'immunization')
        if not rs: return None
        r = pick(rs); iso = rdate(r); d = disp(r)
        vn = pick(VAX[d])
        others = [rdate(x) for x in rs if disp(x) == d and x['id'] != r['id']]
        if ok:
            txt, prep, st = dchoice(iso)
            if any(matches_gran(o, st, txt) for o in others):
                txt, prep, st = dchoice(iso, full=True)
        else:
            w = wrong_date_text(iso, others)
            if not w: return None
            txt, prep, k, _nd = w
        T = pick([f"{cap(vn)} given {prep} {txt}.", f"Received {vn} {prep} {txt}.", f"Immunization: {vn}, {txt}.",
                  f"{cap(txt) if txt[0].isalpha() else txt} - {vn} administered.", f"The patient got {vn} {prep} {txt}.",
                  f"{cap(vn)} was administered {prep} {txt}.", f"Vaccinated with {vn} {prep} {txt}."])
        why = f"Immunization {d} occurrenceDateTime {iso}" + ("" if ok else f"; text says {txt} ({k} error)")
        return add('dates', pid, label, T, [C('immunization', r['id'])], why,
                   [A('code', ref=r['id'], any=[VAX_KEY[d]]), A('date', ref=r['id'], txt=txt, exp=ok, excl=not ok)])
    if kind == 'proc':
        rs = [r for r in recs(P, 'procedure') if disp(r) in PROC]
        if not rs: return None
        r = pick(rs); iso = rdate(r); d = disp(r)
        pn = pick(PROC[d])
        others = [rdate(x) for x in rs if disp(x) == d and x['id'] != r['id']]
        if ok:
            txt, prep, st = dchoice(iso)
            if any(matches_gran(o, st, txt) for o in others):
                txt, prep, st = dchoice(iso, full=True)
        else:
            w = wrong_date_text(iso, others)
            if not w: return None
            txt, prep, k, _nd = w
        T = pick([f"Underwent {pn} {prep} {txt}.", f"Had {pn} {prep} {txt}.", f"{cap(pn)} performed {prep} {txt}.",
                  f"Procedure: {pn}, {txt}.", f"{cap(txt) if txt[0].isalpha() else txt}: {pn}.", f"Patient had {pn} done {prep} {txt}."])
        why = f"Procedure {d} performed {iso}" + ("" if ok else f"; text says {txt} ({k} error)")
        return add('dates', pid, label, T, [C('procedure', r['id'])], why,
                   [A('code', ref=r['id'], any=[PROC_KEY[d]]), A('date', ref=r['id'], txt=txt, exp=ok, excl=not ok)])
    if kind == 'med':
        rs = [r for r in recs(P, 'medication') if disp(r) in DRUG and (DRUG[disp(r)]['gen'] or DRUG[disp(r)]['brand'])]
        if not rs: return None
        r = pick(rs); iso = rdate(r); d = disp(r)
        nm = pick(DRUG[d]['gen'] + DRUG[d]['brand'])
        others = [rdate(x) for x in rs if disp(x) == d and x['id'] != r['id']]
        if ok:
            txt, prep, st = dchoice(iso)
            if any(matches_gran(o, st, txt) for o in others):
                txt, prep, st = dchoice(iso, full=True)
        else:
            w = wrong_date_text(iso, others)
            if not w: return None
            txt, prep, k, _nd = w
        T = pick([f"{cap(nm)} was prescribed {prep} {txt}.", f"Started on {nm} {prep} {txt}.", f"Rx for {nm} written {prep} {txt}.",
                  f"{cap(nm)} ordered {prep} {txt}.", f"Medication order {prep} {txt}: {nm}."])
        why = f"MedicationRequest {d} authoredOn {iso}" + ("" if ok else f"; text says {txt} ({k} error)")
        return add('dates', pid, label, T, [C('medication', r['id'])], why,
                   [A('drug', ref=r['id'], name=nm), A('date', ref=r['id'], txt=txt, exp=ok, excl=not ok)])
    if kind == 'obs':
        rs = [r for r in recs(P, 'diagnostic-report') if disp(r) in ('Lipid Panel', 'Basic Metabolic Panel', 'Complete blood count (hemogram) panel - Blood by Automated count', 'Comprehensive metabolic panel')]
        if not rs: return None
        r = pick(rs); iso = rdate(r); d = disp(r)
        pn = {'Lipid Panel': ['lipid panel', 'fasting lipid profile', 'lipid profile'], 'Basic Metabolic Panel': ['BMP', 'basic metabolic panel', 'basic metabolic panel (BMP)'],
              'Complete blood count (hemogram) panel - Blood by Automated count': ['CBC', 'complete blood count', 'full blood count'],
              'Comprehensive metabolic panel': ['CMP', 'comprehensive metabolic panel']}[d]
        pn = pick(pn)
        others = [rdate(x) for x in rs if disp(x) == d and x['id'] != r['id']]
        if ok:
            txt, prep, st = dchoice(iso)
            if any(matches_gran(o, st, txt) for o in others):
                txt, prep, st = dchoice(iso, full=True)
        else:
            w = wrong_date_text(iso, others)
            if not w: return None
            txt, prep, k, _nd = w
        T = pick([f"A {pn} was drawn {prep} {txt}.", f"{cap(pn)} resulted {prep} {txt}.", f"Labs {prep} {txt} included a {pn}.",
                  f"{cap(pn)} obtained {prep} {txt}."])
        why = f"DiagnosticReport {d} effectiveDateTime {iso}" + ("" if ok else f"; text says {txt} ({k} error)")
        return add('dates', pid, label, T, [C('diagnostic-report', r['id'])], why,
                   [A('code', ref=r['id'], any=[d]), A('date', ref=r['id'], txt=txt, exp=ok, excl=not ok)])

# ==============================================================================================
# CATEGORY: abbreviations

COND_ABBR = {'Hypertension': ['HTN'], 'Chronic congestive heart failure (disorder)': ['CHF'], 'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'CKD 1', 'CKD G1'],
             'Myocardial Infarction': ['MI'], 'Stroke': ['CVA'], 'Hyperlipidemia': ['HLD'], 'Coronary Heart Disease': ['CHD'],
             'Osteoarthritis of hip': ['hip OA'], 'Localized, primary osteoarthritis of the hand': ['hand OA'], 'Otitis media': ['OM'],
             'Neuropathy due to type 2 diabetes mellitus (disorder)': ['T2DM neuropathy'], 'Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)': ['NPDR'],
             'Diabetes': ['DM'], 'Streptococcal sore throat (disorder)': ['strep pharyngitis'], 'Injury of medial collateral ligament of knee': ['MCL injury']}
# abbreviation that is WRONG for a condition (another disease)
COND_ABBR_WRONG = {'Hypertension': [('HLD', 'hyperlipidemia is not on the record; the record is hypertension')],
                   'Chronic congestive heart failure (disorder)': [('COPD', 'the record is CHF, not COPD'), ('CKD', 'the record is CHF, not CKD')],
                   'Chronic kidney disease stage 1 (disorder)': [('CKD stage 3', 'the record is CKD stage 1'), ('AKI', 'the record is chronic kidney disease stage 1, not AKI')],
                   'Myocardial Infarction': [('CVA', 'the record is myocardial infarction, not stroke')],
                   'Stroke': [('MI', 'the record is a stroke, not MI'), ('TIA', 'the record is a stroke, not a TIA')],
                   'Hyperlipidemia': [('HTN', 'the cited record is hyperlipidemia, not hypertension')],
                   'Coronary Heart Disease': [('CHF', 'the cited record is coronary heart disease, not heart failure')],
                   'Osteoarthritis of hip': [('RA', 'the record is osteoarthritis, not rheumatoid arthritis')],
                   'Otitis media': [('OE', 'the record is otitis media, not otitis externa')],
                   'Diabetes': [('DI', 'the record is diabetes mellitus, not diabetes insipidus')],
                   'Chronic sinusitis (disorder)': [('COPD', 'the record is chronic sinusitis, not COPD')],
                   'Childhood asthma': [('COPD', 'the record is asthma, not COPD')]}
# lab pairs where a value is easily attached to the wrong analyte (same panel, same date)
WRONG_ANALYTE = {'2947-0': ['2069-3'], '2069-3': ['2947-0'], '18262-6': ['2085-9', '2571-8'], '2085-9': ['18262-6'], '2571-8': ['18262-6'],
                 '785-6': ['786-4'], '786-4': ['785-6'], '718-7': ['4544-3', '786-4'], '4544-3': ['718-7'], '6299-2': ['38483-4'],
                 '38483-4': ['6299-2'], '6690-2': ['789-8'], '789-8': ['6690-2'], '2093-3': ['18262-6'], '787-2': ['21000-5'], '21000-5': ['787-2'],
                 '32623-1': ['32207-3'], '32207-3': ['32623-1'], '6298-4': ['49765-1'], '49765-1': ['6298-4']}


def same_date_obs(P, code, iso):
    return [o for o in series(P, code) if o['date'] == iso]


def g_abbrev(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    kind = pick(['lab', 'lab', 'lab', 'bp', 'cond'])
    if kind == 'lab':
        codes = [c for c in LAB_CODES if c in AN and series(P, c) and c not in ('8331-1', '29463-7', '8302-2')]
        if not codes: return None
        code = pick(codes); o = pick(series(P, code))
        prec = choose_prec(code, o['v'])
        if prec is None: return None
        ab = pick(AN[code]['a']); u = pick(AN[code]['u'])
        txt, prep, st = dchoice(o['date'])
        if len([x for x in series(P, code) if matches_gran(x['date'], st, txt)]) > 1:
            txt, prep, st = dchoice(o['date'], full=True)
        asserts = [A('analyte', ref=o['id'], loinc=code), A('date', ref=o['id'], txt=txt)]
        cites = [C('observation', o['id'])]
        if ok:
            vt = val_txt(o['v'], prec)
            why = f"{o['disp']} = {o['v']:.4g} {o['unit']} on {o['date']}; {ab} = {o['disp']}"
            asserts.append(A('val', ref=o['id'], txt=vt, unit=u))
        else:
            mode = pick(['value', 'analyte']) if code in WRONG_ANALYTE else 'value'
            if mode == 'analyte':
                oc = pick(WRONG_ANALYTE[code])
                oo = same_date_obs(P, oc, o['date'])
                if len(oo) != 1: return None
                oo = oo[0]
                prec2 = choose_prec(oc, oo['v'])
                if prec2 is None: return None
                vt = val_txt(oo['v'], prec2)
                # the value belongs to the other analyte; must not round-match the named one
                if abs(float(vt) - o['v']) < max(3 * 10 ** -prec2, 0.05 * abs(o['v'])): return None
                u = pick(AN[code]['u'])
                why = f"{vt} is the {oo['disp']} value on {o['date']}; {ab} ({o['disp']}) was {o['v']:.4g} {o['unit']}"
                asserts.append(A('val', ref=o['id'], txt=vt, unit=u, exp=False))
                asserts.append(A('else', loinc=oc, txt=vt, dtxt=txt))
            else:
                w = wrong_val(rng, o['v'], prec)
                if w is None: return None
                vt = val_txt(w, prec)
                if any(x['date'] == o['date'] and abs(x['v'] - w) < 10 ** -prec for x in series(P, code)): return None
                why = f"{o['disp']} on {o['date']} was {o['v']:.4g} {o['unit']}, not {vt}"
                asserts.append(A('val', ref=o['id'], txt=vt, unit=u, exp=False))
        sp = '' if u in ('%',) else ' '
        T = pick([f"{ab} {vt}{sp}{u} {prep} {txt}.", f"{ab} was {vt}{sp}{u} ({txt}).", f"{txt}: {ab} {vt}{sp}{u}.",
                  f"Labs {prep} {txt} showed {ab} of {vt}{sp}{u}.", f"{ab} {prep} {txt} came back at {vt}{sp}{u}.",
                  f"{ab} = {vt}{sp}{u}, drawn {txt}.", f"Recorded {ab}: {vt}{sp}{u} {prep} {txt}."])
        return add('abbreviations', pid, label, T, cites, why, asserts)
    if kind == 'bp':
        b = pick(bps(P)) if bps(P) else None
        if not b: return None
        txt, prep, st = dchoice(b['date'], full=True)
        s, d = b['sys'], b['dia']
        if not (safe_round(s, 0) and safe_round(d, 0)): return None
        u = pick(['mmHg', 'mm Hg', 'mm[Hg]', ''])
        form = pick(['bp', 'sbp', 'dbp', 'both'])
        if form == 'bp':
            st_, dt_ = nf(s, 0), nf(d, 0)
            errpart = None
            if not ok:
                errpart = pick(['s', 'd'])
                if errpart == 's':
                    w = wrong_val(rng, s, 0, 0.07); st_ = nf(w, 0)
                else:
                    w = wrong_val(rng, d, 0, 0.08); dt_ = nf(w, 0)
            T = pick([f"BP {st_}/{dt_} {u} {prep} {txt}.", f"BP was {st_}/{dt_}{(' ' + u) if u else ''} ({txt}).", f"{txt}: BP {st_}/{dt_} {u}."])
            asserts = [A('val', ref=f"{b['id']}#{b['si']}", txt=st_, unit=u or None, exp=(ok or errpart != 's')),
                       A('val', ref=f"{b['id']}#{b['di']}", txt=dt_, unit=u or None, exp=(ok or errpart != 'd')),
                       A('date', ref=b['id'], txt=txt)]
            cites = [C('observation', b['id'])]
            why = f"BP panel {b['date']}: systolic {s:.1f}, diastolic {d:.1f} mmHg" + ("" if ok else f"; text has {st_}/{dt_}")
        else:
            which = form if form != 'both' else pick(['sbp', 'dbp'])
            idx = b['si'] if which == 'sbp' else b['di']
            v = s if which == 'sbp' else d
            other = d if which == 'sbp' else s
            ab = pick(['SBP', 'systolic BP', 'systolic']) if which == 'sbp' else pick(['DBP', 'diastolic BP', 'diastolic'])
            if ok:
                vt = nf(v, 0); exp = True
                why = f"component #{idx} ({'systolic' if which == 'sbp' else 'diastolic'}) = {v:.1f} mmHg on {b['date']}"
            else:
                mode = pick(['value', 'other'])
                if mode == 'other' and abs(other - v) > 8:
                    vt = nf(other, 0)
                    why = f"{vt} is the {'diastolic' if which == 'sbp' else 'systolic'} value on {b['date']}; {ab} was {v:.1f}"
                else:
                    vt = nf(wrong_val(rng, v, 0, 0.08), 0)
                    why = f"{ab} on {b['date']} was {v:.1f}, not {vt}"
                exp = False
            cite_ref = pick([f"{b['id']}#{idx}", b['id']])
            T = pick([f"{ab} {vt} {u} {prep} {txt}.", f"{ab} of {vt}{(' ' + u) if u else ''} recorded {prep} {txt}.", f"{txt}: {ab} {vt}."])
            asserts = [A('val', ref=f"{b['id']}#{idx}", txt=vt, unit=u or None, exp=exp), A('date', ref=b['id'], txt=txt)]
            cites = [C('observation', cite_ref)]
        T = T.replace('  ', ' ').replace(' .', '.').replace(' )', ')')
        return add('abbreviations', pid, label, T, cites, why, asserts)
    if kind == 'cond':
        rs = [r for r in recs(P, 'condition') if disp(r) in (COND_ABBR if ok else COND_ABBR_WRONG)]
        if not rs: return None
        r = pick(rs); d = disp(r)
        txt, prep, st = dchoice(rdate(r))
        if ok:
            ab = pick(COND_ABBR[d]); why = f"Condition '{d}' onset {rdate(r)}; {ab} = {d}"
            asserts = [A('abbr', ref=r['id'], txt=ab), A('date', ref=r['id'], txt=txt)]
        else:
            ab, w = pick(COND_ABBR_WRONG[d]); why = w
            asserts = [A('abbr', ref=r['id'], txt=ab, exp=False), A('date', ref=r['id'], txt=txt)]
        T = pick([f"{ab} dx {txt}.", f"Hx of {ab} (onset {txt}).", f"{ab} since {txt}.", f"PMH: {ab}, diagnosed {prep} {txt}.",
                  f"Known {ab}, first recorded {prep} {txt}.", f"{ab} on problem list from {txt}."])
        if 'since' in T and prep == 'on': T = f"{ab} since {txt}."
        return add('abbreviations', pid, label, T, [C('condition', r['id'])], why, asserts)

# ==============================================================================================
# CATEGORY: drug-names


def g_drug(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    rs = [r for r in recs(P, 'medication') if disp(r) in DRUG]
    if not rs: return None
    r = pick(rs); d = disp(r); D = DRUG[d]
    if ok:
        opts = D['brand'] * 2 + D['gen']
        if not opts: return None
        nm = pick(opts)
        why = f"MedicationRequest '{d}' authoredOn {rdate(r)}; {nm} is this drug/strength"
        asserts = [A('drug', ref=r['id'], name=nm)]
    else:
        if not D['wrong']: return None
        nm, w = pick(D['wrong'])
        why = f"Record is '{d}': {w}"
        asserts = [A('drug', ref=r['id'], name=nm, exp=False)]
    txt, prep, st = dchoice(rdate(r))
    reason = ''
    if r.get('reasonReference') and rng.random() < 0.45:
        cid = r['reasonReference'][-1]['reference'].split(':')[-1]
        cr = P['by']['condition'].get(cid)
        if cr and disp(cr) in COND:
            reason = cname(disp(cr))
    daily = False
    di = r.get('dosageInstruction')
    if di and 'timing' in di[0] and di[0]['timing']['repeat'].get('frequency') == 1 and di[0]['timing']['repeat'].get('period') == 1 and di[0]['timing']['repeat'].get('periodUnit') == 'd':
        daily = rng.random() < 0.6
    freq = ' once daily' if daily else ''
    if daily: asserts.append(A('freq', ref=r['id'], per_day=1, txt='once daily'))
    if reason:
        T = pick([f"Prescribed {nm}{freq} for {reason} {prep} {txt}.", f"{cap(nm)}{freq} started {prep} {txt} for {reason}.",
                  f"For {reason}, {nm}{freq} was ordered {prep} {txt}.", f"Rx: {nm}{freq} ({reason}), {txt}."])
        asserts.append(A('reason', ref=r['id'], cond=cid))
    else:
        T = pick([f"Prescribed {nm}{freq} {prep} {txt}.", f"{cap(nm)}{freq} was ordered {prep} {txt}.", f"Medication: {nm}{freq}, started {txt}.",
                  f"Rx for {nm}{freq} {prep} {txt}.", f"The patient was given a prescription for {nm}{freq} {prep} {txt}.",
                  f"{txt}: {nm}{freq} prescribed." if prep == 'on' else f"In {txt}, {nm}{freq} was prescribed."])
    asserts.append(A('date', ref=r['id'], txt=txt))
    return add('drug-names', pid, label, T, [C('medication', r['id'])], why, asserts)

# ==============================================================================================
# CATEGORY: units

UNIT_VARIANTS = {'mg/dL': ['mg/dL', 'mg/dl', 'mg per dL'], 'mmol/L': ['mmol/L', 'mmol/l'], 'mEq/L': ['mEq/L', 'meq/L'], 'g/dL': ['g/dL', 'g/dl'],
                 '°C': ['°C', 'deg C', 'degrees Celsius', 'C'], 'kg': ['kg', 'kilograms'], 'cm': ['cm', 'centimetres', 'centimeters'],
                 'mmHg': ['mmHg', 'mm Hg', 'mm[Hg]'], 'kg/m2': ['kg/m2', 'kg/m²'], '%': ['%', ' percent'], 'fL': ['fL', 'fl'], 'pg': ['pg']}


def g_units(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    kind = pick(['temp', 'weight', 'height', 'conv', 'conv', 'conv', 'bp', 'same'])
    cands = []
    if kind == 'temp': cands = [('8331-1', o) for o in series(P, '8331-1')]
    elif kind == 'weight': cands = [('29463-7', o) for o in series(P, '29463-7')]
    elif kind == 'height': cands = [('8302-2', o) for o in series(P, '8302-2') if o['v'] > 120]
    elif kind == 'conv':
        cands = [(c, o) for c in ['2339-0', '2093-3', '18262-6', '2085-9', '2571-8', '38483-4', '49765-1', '4548-4', '718-7', '6690-2', '777-3', '789-8'] for o in series(P, c)]
    elif kind == 'same':
        cands = [(c, o) for c in ['2947-0', '6298-4', '2069-3', '20565-8', '39156-5', '33914-3', '718-7', '2339-0'] for o in series(P, c)]
    elif kind == 'bp':
        bb = bps(P)
        if not bb: return None
        b = pick(bb)
        txt, prep, st = dchoice(b['date'])
        if len([x for x in bb if matches_gran(x['date'], st, txt)]) > 1:
            txt, prep, st = dchoice(b['date'], full=True)
        s, d = b['sys'], b['dia']
        if ok:
            if rng.random() < 0.5:
                sk, dk = s * 0.133322, d * 0.133322
                if not (safe_round(sk, 1) and safe_round(dk, 1) and safe_round(s, 0) and safe_round(d, 0)): return None
                T = pick([f"BP {nf(s,0)}/{nf(d,0)} mmHg ({nf(sk,1)}/{nf(dk,1)} kPa) {prep} {txt}.", f"Blood pressure {prep} {txt}: {nf(sk,1)}/{nf(dk,1)} kPa."])
                asserts = [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(sk, 1), unit='kPa'), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(dk, 1), unit='kPa')]
                if 'mmHg' in T:
                    asserts += [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(s, 0), unit='mmHg'), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(d, 0), unit='mmHg')]
                why = f"BP {s:.1f}/{d:.1f} mm[Hg]; x0.1333 = {sk:.2f}/{dk:.2f} kPa"
            else:
                if not (safe_round(s, 0) and safe_round(d, 0)): return None
                u = pick(['mm Hg', 'mm[Hg]', 'mmHg', 'millimetres of mercury'])
                T = pick([f"BP {nf(s,0)}/{nf(d,0)} {u} {prep} {txt}.", f"Blood pressure was {nf(s,0)}/{nf(d,0)} {u} ({txt})."])
                asserts = [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(s, 0), unit=u), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(d, 0), unit=u)]
                why = f"BP {s:.1f}/{d:.1f} mm[Hg] on {b['date']}"
        else:
            if not (safe_round(s, 0) and safe_round(d, 0)): return None
            u = pick(['kPa', 'cmH2O'])
            T = pick([f"BP {nf(s,0)}/{nf(d,0)} {u} {prep} {txt}.", f"Blood pressure {prep} {txt}: {nf(s,0)}/{nf(d,0)} {u}."])
            asserts = [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(s, 0), unit=u, exp=False), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(d, 0), unit=u, exp=False)]
            why = f"BP is {s:.0f}/{d:.0f} mm[Hg]; the same numbers in {u} are wrong (no conversion)"
        asserts.append(A('date', ref=b['id'], txt=txt))
        return add('units', pid, label, T, [C('observation', b['id'])], why, asserts)
    if not cands: return None
    code, o = pick(cands)
    v = o['v']
    txt, prep, st = dchoice(o['date'])
    if len([x for x in series(P, code) if matches_gran(x['date'], st, txt)]) > 1:
        txt, prep, st = dchoice(o['date'], full=True)
    nm = pick(AN[code]['n'] + AN[code]['a'])
    asserts = [A('analyte', ref=o['id'], loinc=code), A('date', ref=o['id'], txt=txt)]
    # choose target unit
    if kind == 'temp':
        tu_ok = [('°F', '°F'), ('F', 'F'), ('°C', None), ('deg C', None), ('degrees Celsius', None)]
        tu_bad = [('°F', None), ('F', None), ('deg F', None)]
    elif kind == 'weight':
        tu_ok = [('lb', 'lb'), ('lbs', 'lbs'), ('kg', None)]
        tu_bad = [('lb', None), ('lbs', None), ('pounds', None)]
    elif kind == 'height':
        tu_ok = [('in', 'in'), ('m', 'm'), ('cm', None)]
        tu_bad = [('in', None), ('inches', None)]
    elif kind == 'conv':
        tu_ok = [(u, u) for (c, u) in CONVS if c == code]
        tu_bad = {'2339-0': [('mmol/L', None)], '2093-3': [('mmol/L', None)], '18262-6': [('mmol/L', None)], '2085-9': [('mmol/L', None)],
                  '2571-8': [('mmol/L', None)], '38483-4': [('µmol/L', None), ('mmol/L', None)], '49765-1': [('mmol/L', None)],
                  '4548-4': [('mmol/mol', None), ('mg/dL', None)], '718-7': [('g/L', None), ('mg/dL', None)], '6690-2': [('x10^6/uL', None), ('/uL', None)],
                  '777-3': [('x10^6/uL', None), ('/uL', None)], '789-8': [('x10^3/uL', None), ('x10^9/L', None)]}[code]
    else:
        base = AN[code]['u']
        tu_ok = [(u, None) for u in base] + ([('mEq/L', None)] if code in ('2947-0', '6298-4', '2069-3', '20565-8') else [])
        tu_bad = {'2947-0': [('mg/dL', None), ('mmol/mL', None)], '6298-4': [('mg/dL', None), ('mmol/mL', None)], '2069-3': [('mg/dL', None)], '20565-8': [('mg/dL', None)],
                  '39156-5': [('lb/in²', None), ('kg/m', None), ('kg/cm2', None)], '33914-3': [('mL/s', None), ('mL/min/kg', None)], '718-7': [('mg/dL', None), ('g/L', None)],
                  '2339-0': [('mmol/L', None), ('g/L', None)]}[code]
    if ok:
        u, cv = pick(tu_ok)
        if cv:
            f, p = CONVS[(code, cv)]
            cvv = f(v)
            p0 = p
            if not safe_round(cvv, p0): return None
            vt = nf(cvv, p0)
            orig_p = choose_prec(code, v)
            if orig_p is None: return None
            ot = nf(v, orig_p); ou = pick(AN[code]['u'])
            form = pick(['both', 'conv'])
            if kind == 'height' and u == 'in' and rng.random() < 0.5:
                inches = v / 2.54
                if not safe_round(inches, 0): return None
                ft, inch = divmod(int(round(inches)), 12)
                vt = f"{ft} ft {inch} in"
                T = pick([f"Height {ot} cm ({vt}) {prep} {txt}.", f"Measured height {prep} {txt}: {vt}."])
                asserts.append(A('val', ref=o['id'], txt=vt, unit='ftin'))
                if 'cm' in T: asserts.append(A('val', ref=o['id'], txt=ot, unit='cm'))
                return add('units', pid, label, T, [C('observation', o['id'])], f"Body Height {v:.2f} cm = {v/2.54:.2f} in on {o['date']}", asserts)
            sp = '' if u in ('%',) else ' '
            if form == 'both':
                T = pick([f"{cap(nm)} {ot} {ou} ({vt} {u}) {prep} {txt}.", f"{cap(nm)} {prep} {txt}: {ot} {ou}, i.e. {vt} {u}.",
                          f"{txt}: {nm} {vt} {u} ({ot} {ou})."])
                asserts.append(A('val', ref=o['id'], txt=ot, unit=ou))
            else:
                T = pick([f"{cap(nm)} {vt} {u} {prep} {txt}.", f"{cap(nm)} was {vt} {u} ({txt}).", f"{txt}: {nm} of {vt} {u}."])
            asserts.append(A('val', ref=o['id'], txt=vt, unit=u))
            why = f"{o['disp']} {v:.4g} {o['unit']} on {o['date']} = {cvv:.4g} {u}"
        else:
            p = choose_prec(code, v)
            if p is None: return None
            vt = nf(v, p)
            sp = '' if u in ('%', ' percent') else ' '
            T = pick([f"{cap(nm)} {vt}{sp}{u} {prep} {txt}.", f"{cap(nm)} was {vt}{sp}{u} ({txt}).", f"{txt}: {nm} {vt}{sp}{u}.",
                      f"Recorded {nm} of {vt}{sp}{u} {prep} {txt}."])
            asserts.append(A('val', ref=o['id'], txt=vt, unit=u.strip()))
            why = f"{o['disp']} {v:.4g} {o['unit']} on {o['date']}; {u.strip()} is an equivalent spelling"
    else:
        u, _ = pick(tu_bad)
        p = choose_prec(code, v)
        if p is None: return None
        vt = nf(v, p)
        if kind == 'conv' and rng.random() < 0.3 and (code, u) not in CONVS:
            # right conversion, wrong unit label: not available, fall back to raw value
            pass
        T = pick([f"{cap(nm)} {vt} {u} {prep} {txt}.", f"{cap(nm)} was {vt} {u} ({txt}).", f"{txt}: {nm} {vt} {u}.", f"Recorded {nm} of {vt} {u} {prep} {txt}."])
        asserts.append(A('val', ref=o['id'], txt=vt, unit=u, exp=False))
        why = f"{o['disp']} is {v:.4g} {o['unit']}; '{vt} {u}' is the unconverted number with the wrong unit"
    T = T.replace('  ', ' ')
    return add('units', pid, label, T, [C('observation', o['id'])], why, asserts)

# ==============================================================================================
# CATEGORY: rounding
HEDGE = ['about', 'approximately', '~', 'roughly', 'around', 'approx.', 'circa', '≈']


def g_round(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    kind = pick(['lab', 'lab', 'vital', 'bp'])
    if kind == 'bp':
        bb = bps(P)
        if not bb: return None
        b = pick(bb); which = pick(['sys', 'dia'])
        v = b[which]; idx = b['si'] if which == 'sys' else b['di']
        if not safe_round(v, 0): return None
        h = pick(HEDGE)
        if ok: vt = nf(v, 0)
        else:
            w = wrong_val(rng, v, 0, 0.04)
            if w is None: return None
            vt = nf(w, 0)
        txt, prep, st = dchoice(b['date'], full=True)
        nm = pick(['systolic pressure', 'SBP', 'systolic BP']) if which == 'sys' else pick(['diastolic pressure', 'DBP', 'diastolic BP'])
        hs = h + (' ' if h not in ('~', '≈') else '')
        T = pick([f"{cap(nm)} was {hs}{vt} mmHg {prep} {txt}.", f"{cap(nm)} {hs}{vt} {prep} {txt}.", f"{txt}: {nm} {hs}{vt} mm Hg."])
        why = f"{'systolic' if which=='sys' else 'diastolic'} {v:.2f} on {b['date']}" + (f", rounds to {vt}" if ok else f", does not round to {vt}")
        return add('rounding', pid, label, T, [C('observation', f"{b['id']}#{idx}")], why,
                   [A('val', ref=f"{b['id']}#{idx}", txt=vt, unit='mmHg', approx=True, exp=ok), A('date', ref=b['id'], txt=txt)])
    codes = ['29463-7', '8302-2', '39156-5', '8331-1'] if kind == 'vital' else [c for c in LAB_CODES if c not in ('29463-7', '8302-2', '39156-5', '8331-1')]
    cands = [(c, o) for c in codes for o in series(P, c) if not (c == '8302-2' and o['v'] < 100)]
    if not cands: return None
    code, o = pick(cands); v = o['v']
    # rounding precision: one decimal less than usual display, or integer
    d0 = AN[code]['p'][0]
    ps = [d0] + ([d0 - 1] if d0 >= 1 and abs(v) >= 20 else [])
    p = pick(ps)
    if not safe_round(v, p): return None
    h = pick(HEDGE)
    if ok:
        vt = nf(v, p)
        if abs(float(vt) - v) < 1e-9: return None
    else:
        w = wrong_val(rng, v, p, 0.04)
        if w is None: return None
        vt = nf(w, p)
    u = pick(AN[code]['u'])
    nm = pick(AN[code]['n'] + AN[code]['a'])
    txt, prep, st = dchoice(o['date'])
    if len([x for x in series(P, code) if matches_gran(x['date'], st, txt)]) > 1:
        txt, prep, st = dchoice(o['date'], full=True)
    hs = h + (' ' if h not in ('~', '≈') else '')
    sp = '' if u == '%' else ' '
    T = pick([f"{cap(nm)} {hs}{vt}{sp}{u} {prep} {txt}.", f"{cap(nm)} was {hs}{vt}{sp}{u} ({txt}).", f"{txt}: {nm} {hs}{vt}{sp}{u}.",
              f"{cap(nm)} came in at {hs}{vt}{sp}{u} {prep} {txt}.", f"{cap(nm)} of {hs}{vt}{sp}{u} recorded {prep} {txt}.",
              f"{cap(nm)} {vt}{sp}{u} (rounded) {prep} {txt}.", f"{cap(nm)} rounded to {vt}{sp}{u} {prep} {txt}."])
    why = f"{o['disp']} = {v} {o['unit']} on {o['date']}" + (f"; rounds to {vt}" if ok else f"; does not round to {vt}")
    return add('rounding', pid, label, T, [C('observation', o['id'])], why,
               [A('analyte', ref=o['id'], loinc=code), A('val', ref=o['id'], txt=vt, unit=u, approx=True, exp=ok), A('date', ref=o['id'], txt=txt)])

# ==============================================================================================
# CATEGORY: trends
POLARITY = {'4548-4': -1, '18262-6': -1, '2093-3': -1, '2571-8': -1, '2085-9': 1, '33914-3': 1, '2339-0': -1, '14959-1': -1, '39156-5': None}
UPW = ['rose', 'increased', 'went up', 'climbed', 'trended up', 'rose steadily' ]
DNW = ['fell', 'decreased', 'dropped', 'went down', 'declined', 'trended down']


def yr_or_date(iso):
    return pick([iso[:4], fmt_date(iso, 'month_abbr')[0], fmt_date(iso, 'dmy_abbr')[0], iso])


def g_trend(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    codes = [c for c in ['2339-0', '38483-4', '2093-3', '2571-8', '18262-6', '2085-9', '4548-4', '33914-3', '14959-1', '29463-7', '8302-2', '39156-5',
                         '718-7', '777-3', '6690-2', '2947-0', '6298-4', '49765-1', '2857-1', 'BPS', 'BPD'] if c.startswith('BP') or len(series(P, c)) >= 2]
    if not codes: return None
    code = pick(codes)
    if code.startswith('BP'):
        bb = bps(P)
        if len(bb) < 2: return None
        key = 'sys' if code == 'BPS' else 'dia'
        ser = [dict(id=f"{b['id']}#{b['si'] if key=='sys' else b['di']}", date=b['date'], v=b[key]) for b in bb]
        nm = pick(['systolic BP', 'SBP']) if key == 'sys' else pick(['diastolic BP', 'DBP'])
        unit = 'mmHg'; p = 0; lc = code
    else:
        ser = series(P, code)
        if code == '33914-3':
            ser = [o for o in ser if o['disp'] == 'Estimated Glomerular Filtration Rate']
            if len(set(o['date'] for o in ser)) != len(ser): return None
        nm = pick(AN[code]['a'] + AN[code]['n']); unit = pick(AN[code]['u']); lc = code
        p = AN[code]['p'][0]
    if len(ser) < 2: return None
    # unique dates only
    dates = collections.Counter(o['date'] for o in ser)
    ser = [o for o in ser if dates[o['date']] == 1]
    if len(ser) < 2: return None
    i, j = sorted(rng.sample(range(len(ser)), 2))
    a, b = ser[i], ser[j]
    if a['date'][:4] == b['date'][:4]: return None
    rel = (b['v'] - a['v']) / abs(a['v']) if a['v'] else 0
    if 0.02 < abs(rel) < 0.06: return None
    same_year = lambda iso: [o for o in ser if o['date'][:4] == iso[:4]]
    da = a['date'][:4] if len(same_year(a['date'])) == 1 else fmt_date(a['date'], 'dmy_abbr')[0]
    db = b['date'][:4] if len(same_year(b['date'])) == 1 else fmt_date(b['date'], 'dmy_abbr')[0]
    if not (safe_round(a['v'], p) and safe_round(b['v'], p)): return None
    va, vb = nf(a['v'], p), nf(b['v'], p)
    sp = '' if unit == '%' else ' '
    ia = ('in ' if len(da) == 4 else 'on ') + da
    ib = ('in ' if len(db) == 4 else 'on ') + db
    why_base = f"{nm}: {a['v']:.4g} on {a['date']} -> {b['v']:.4g} on {b['date']} ({rel*100:+.1f}%)"
    tol = "; tolerance: 'stable' = within 2%, rose/fell = change >= 6%"
    cites = [C('observation', a['id']), C('observation', b['id'])]
    if abs(rel) <= 0.02:
        # stable
        if ok:
            T = pick([f"{cap(nm)} stable: {va}{sp}{unit} ({da}) vs {vb}{sp}{unit} ({db}).", f"{cap(nm)} essentially unchanged between {da} ({va}{sp}{unit}) and {db} ({vb}{sp}{unit}).",
                      f"No significant change in {nm} from {da} to {db} ({va} -> {vb}{sp}{unit}).", f"{cap(nm)} held steady from {da} ({va}) through {db} ({vb}{sp}{unit})."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir='stable'), A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
            if f"{va}" in T: asserts.append(A('val', ref=a['id'], txt=va, unit=None))
            asserts.append(A('val', ref=b['id'], txt=vb, unit=None))
            return add('trends', pid, label, T, cites, why_base + tol, asserts)
        else:
            word = pick(UPW + DNW)
            T = pick([f"{cap(nm)} {word} between {da} and {db}.", f"{cap(nm)} {word} from {da} to {db}.", f"Clear change in {nm}: it {word} from {da} to {db}."])
            return add('trends', pid, label, T, cites, why_base + "; essentially unchanged, not '" + word + "'" + tol,
                       [A('trend', a=a['id'], b=b['id'], dir='up' if word in UPW else 'down', exp=False), A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)])
    up = rel > 0
    form = pick(['vals', 'vals', 'dir', 'clin']) if ok else pick(['swapyears', 'dironly', 'stable', 'wrongword', 'clin'])
    pol = POLARITY.get(lc)
    if form == 'clin' and (not pol or abs(rel) < 0.10): form = 'vals' if ok else 'dironly'
    if ok:
        if form == 'vals':
            w = pick(UPW if up else DNW)
            T = pick([f"{cap(nm)} {w} from {va}{sp}{unit} {ia} to {vb}{sp}{unit} {ib}.", f"{cap(nm)} {w} from {va} ({da}) to {vb}{sp}{unit} ({db}).",
                      f"Between {da} and {db}, {nm} {w} from {va} to {vb}{sp}{unit}.", f"{cap(nm)}: {va} ({da}) -> {vb} ({db}), i.e. it {w}."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir='up' if up else 'down'), A('val', ref=a['id'], txt=va, unit=None), A('val', ref=b['id'], txt=vb, unit=None),
                       A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
        elif form == 'dir':
            w = pick(UPW if up else DNW)
            T = pick([f"{cap(nm)} {w} between {da} and {db}.", f"From {da} to {db}, {nm} {w}.", f"{cap(nm)} has {('gone up' if up else 'come down')} since {da} (checked again {db})."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir='up' if up else 'down'), A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
        else:
            better = (up and pol > 0) or ((not up) and pol < 0)
            w = 'improved' if better else 'worsened'
            T = pick([f"{cap(nm)} {w} from {va} {ia} to {vb} {ib}.", f"{cap(nm)} {w} between {da} ({va}) and {db} ({vb}{sp}{unit})."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir=w), A('val', ref=a['id'], txt=va, unit=None), A('val', ref=b['id'], txt=vb, unit=None),
                       A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
        return add('trends', pid, label, T, cites, why_base + tol, asserts)
    else:
        if form == 'swapyears':
            # state the values in chronological order but attach each to the other's year
            lo_first = pick([True, False])
            w = pick(DNW if up else UPW)  # with swapped years, direction word follows the swapped story
            T = pick([f"{cap(nm)} {w} from {vb}{sp}{unit} {ia} to {va}{sp}{unit} {ib}.", f"{cap(nm)} {w} from {vb} ({da}) to {va}{sp}{unit} ({db})."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir='down' if up else 'up', exp=False), A('val', ref=a['id'], txt=vb, unit=None, exp=False),
                       A('val', ref=b['id'], txt=va, unit=None, exp=False), A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
            if abs(float(va) - float(vb)) < max(3 * 10 ** -p, 0.05 * abs(a['v'])): return None
            why = why_base + f"; the two values are attached to the wrong years, so the direction is reversed" + tol
        elif form == 'dironly':
            w = pick(DNW if up else UPW)
            T = pick([f"{cap(nm)} {w} between {da} and {db}.", f"From {da} to {db}, {nm} {w}.", f"{cap(nm)} {w} over {da}-{db}."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir='down' if up else 'up', exp=False), A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
            why = why_base + f"; it {'rose' if up else 'fell'}, not '{w}'" + tol
        elif form == 'stable':
            if abs(rel) < 0.12: return None
            T = pick([f"{cap(nm)} stable between {da} and {db}.", f"{cap(nm)} unchanged from {da} to {db}.", f"{cap(nm)} has remained steady since {da} (rechecked {db})."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir='stable', exp=False), A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
            why = why_base + "; changed by more than 12%, not stable" + tol
        elif form == 'wrongword':
            w = pick(DNW if up else UPW)
            T = pick([f"{cap(nm)} {w} to {vb}{sp}{unit} {ib} (from {da}).", f"By {db}, {nm} had {('risen' if not up else 'dropped')} to {vb}{sp}{unit}, compared with {da}.",
                      f"Compared with {da}, {nm} {w} to {vb}{sp}{unit} by {db}."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir='down' if up else 'up', exp=False), A('val', ref=b['id'], txt=vb, unit=None),
                       A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
            why = why_base + f"; {nm} {'rose' if up else 'fell'} to {vb}, the text says the opposite" + tol
        else:  # clin
            better = (up and pol > 0) or ((not up) and pol < 0)
            w = 'worsened' if better else 'improved'
            T = pick([f"{cap(nm)} {w} between {da} and {db}.", f"{cap(nm)} {w} from {da} to {db}."])
            asserts = [A('trend', a=a['id'], b=b['id'], dir=w, exp=False), A('date', ref=a['id'], txt=da), A('date', ref=b['id'], txt=db)]
            why = why_base + f"; clinically this {'improved' if better else 'worsened'}, not '{w}'" + tol
        return add('trends', pid, label, T, cites, why, asserts)

# ==============================================================================================
# CATEGORY: two-facts


def fact_obs(P, code, o, ok, nm=None):
    """returns (phrase, asserts, why) for one observation value fact"""
    p = choose_prec(code, o['v'])
    if p is None: return None
    nm = nm or pick(AN[code]['a'] + AN[code]['n'])
    u = pick(AN[code]['u'])
    if ok:
        vt = nf(o['v'], p)
    else:
        w = wrong_val(rng, o['v'], p, 0.07)
        if w is None: return None
        vt = nf(w, p)
    sp = '' if u == '%' else ' '
    return f"{nm} {vt}{sp}{u}", [A('analyte', ref=o['id'], loinc=code), A('val', ref=o['id'], txt=vt, unit=u, exp=ok)], \
        (f"{o['disp']} {o['v']:.4g}" if ok else f"{o['disp']} was {o['v']:.4g}, not {vt}")


def g_two(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    bad = None if ok else pick([0, 1])
    kind = pick(['bp+bmi', 'lipids', 'bmp', 'dx+med', 'cond+resolve', 'vax2', 'cbc', 'wt+ht'])
    if kind in ('lipids', 'bmp', 'cbc', 'wt+ht'):
        pairs = {'lipids': [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('18262-6', '2571-8')], 'bmp': [('2947-0', '6298-4'), ('2339-0', '38483-4'), ('38483-4', '33914-3'), ('2339-0', '4548-4')],
                 'cbc': [('718-7', '777-3'), ('6690-2', '718-7')], 'wt+ht': [('29463-7', '8302-2'), ('29463-7', '39156-5')]}[kind]
        c1, c2 = pick(pairs)
        s1 = series(P, c1)
        if not s1: return None
        o1 = pick(s1)
        o2 = [o for o in series(P, c2) if o['date'] == o1['date']]
        if len(o2) != 1 or len([o for o in s1 if o['date'] == o1['date']]) != 1: return None
        o2 = o2[0]
        f1 = fact_obs(P, c1, o1, bad != 0); f2 = fact_obs(P, c2, o2, bad != 1)
        if not f1 or not f2: return None
        txt, prep, st = dchoice(o1['date'], full=True)
        T = pick([f"{prep.capitalize()} {txt}: {f1[0]} and {f2[0]}.", f"{cap(f1[0])}, {f2[0]} ({txt}).", f"Labs {prep} {txt} showed {f1[0]} with {f2[0]}.",
                  f"{cap(f1[0])} and {f2[0]} were recorded {prep} {txt}.", f"{txt} - {f1[0]}; {f2[0]}."])
        if kind == 'wt+ht':
            T = pick([f"{prep.capitalize()} {txt}: {f1[0]}, {f2[0]}.", f"{cap(f1[0])} and {f2[0]} at the {txt} visit.", f"Anthropometrics {txt}: {f1[0]}; {f2[0]}."])
        asserts = f1[1] + f2[1] + [A('date', ref=o1['id'], txt=txt), A('date', ref=o2['id'], txt=txt)]
        return add('two-facts', pid, label, T, [C('observation', o1['id']), C('observation', o2['id'])], f"{f1[2]}; {f2[2]}; both on {o1['date']}", asserts)
    if kind == 'bp+bmi':
        bb = bps(P)
        if not bb: return None
        b = pick(bb)
        bm = [o for o in series(P, '39156-5') if o['date'] == b['date']]
        if len(bm) != 1: return None
        bm = bm[0]
        if not (safe_round(b['sys'], 0) and safe_round(b['dia'], 0)): return None
        s_, d_ = nf(b['sys'], 0), nf(b['dia'], 0)
        if bad == 0:
            if rng.random() < 0.5:
                w = wrong_val(rng, b['sys'], 0, 0.07)
                if w is None: return None
                s_ = nf(w, 0); ex = (False, True)
            else:
                w = wrong_val(rng, b['dia'], 0, 0.08)
                if w is None: return None
                d_ = nf(w, 0); ex = (True, False)
        else: ex = (True, True)
        f2 = fact_obs(P, '39156-5', bm, bad != 1, nm='BMI')
        if not f2: return None
        txt, prep, st = dchoice(b['date'], full=True)
        T = pick([f"{prep.capitalize()} {txt}, BP {s_}/{d_} mmHg and {f2[0]}.", f"BP {s_}/{d_}, {f2[0]} ({txt}).", f"Vitals {txt}: BP {s_}/{d_} mm Hg, {f2[0]}.",
                  f"At the {txt} visit BP was {s_}/{d_} and {f2[0]}."])
        asserts = [A('val', ref=f"{b['id']}#{b['si']}", txt=s_, unit='mmHg', exp=ex[0]), A('val', ref=f"{b['id']}#{b['di']}", txt=d_, unit='mmHg', exp=ex[1])] + f2[1] + \
                  [A('date', ref=b['id'], txt=txt), A('date', ref=bm['id'], txt=txt)]
        why = f"BP {b['sys']:.1f}/{b['dia']:.1f}" + ("" if bad != 0 else f" (text {s_}/{d_} wrong)") + f"; {f2[2]}; date {b['date']}"
        return add('two-facts', pid, label, T, [C('observation', b['id']), C('observation', bm['id'])], why, asserts)
    if kind == 'dx+med':
        ms = [r for r in recs(P, 'medication') if r.get('reasonReference') and disp(r) in DRUG and (DRUG[disp(r)]['gen'] or DRUG[disp(r)]['brand'])]
        if not ms: return None
        m = pick(ms)
        cid = m['reasonReference'][-1]['reference'].split(':')[-1]
        c = P['by']['condition'].get(cid)
        if not c or disp(c) not in COND: return None
        D = DRUG[disp(m)]
        if bad == 1:
            if not D['wrong']: return None
            dn, w = pick(D['wrong']); da = A('drug', ref=m['id'], name=dn, exp=False); why2 = w
        else:
            dn = pick(D['gen'] + D['brand']); da = A('drug', ref=m['id'], name=dn); why2 = f"med {disp(m)} {rdate(m)}"
        ciso = rdate(c)
        if bad == 0:
            w = wrong_date_text(ciso, [rdate(x) for x in recs(P, 'condition') if disp(x) == disp(c) and x['id'] != c['id']], kinds=('year', 'month'))
            if not w: return None
            ctxt, cprep, k, _nd = w; ca = A('date', ref=c['id'], txt=ctxt, exp=False, excl=True); why1 = f"{disp(c)} onset {ciso}, not {ctxt}"
        else:
            ctxt, cprep, st = dchoice(ciso); ca = A('date', ref=c['id'], txt=ctxt); why1 = f"{disp(c)} onset {ciso}"
        cn = cname(disp(c))
        T = pick([f"Diagnosed with {cn} {cprep} {ctxt} and started on {dn}.", f"{cap(cn)} ({ctxt}), treated with {dn}.", f"{cap(cn)} dx {ctxt}; Rx {dn}.",
                  f"{cap(cn)} since {ctxt}, for which {dn} was prescribed."])
        if 'since' in T and cprep == 'on': T = T.replace('since', 'from')
        return add('two-facts', pid, label, T, [C('condition', c['id']), C('medication', m['id'])], f"{why1}; {why2}",
                   [A('code', ref=c['id'], any=[disp(c)]), ca, da, A('reason', ref=m['id'], cond=c['id'])])
    if kind == 'cond+resolve':
        cs = [r for r in recs(P, 'condition') if r.get('abatementDateTime') and disp(r) in COND]
        if not cs: return None
        c = pick(cs); on, ab = rdate(c), c['abatementDateTime'][:10]
        cn = cname(disp(c))
        others_on = [rdate(x) for x in recs(P, 'condition') if disp(x) == disp(c) and x['id'] != c['id']]
        others_ab = [x['abatementDateTime'][:10] for x in recs(P, 'condition') if disp(x) == disp(c) and x['id'] != c['id'] and x.get('abatementDateTime')]
        t1, p1, s1 = dchoice(on, full=True); t2, p2, s2 = dchoice(ab, full=True)
        a1 = A('date', ref=c['id'], txt=t1); a2 = A('abate', ref=c['id'], txt=t2); why = f"{disp(c)} onset {on}, abatement {ab}"
        if bad == 0:
            w = wrong_date_text(on, others_on, kinds=('day', 'month', 'swap'))
            if not w: return None
            if w[3] >= ab: return None
            t1 = w[0]; a1 = A('date', ref=c['id'], txt=t1, exp=False, excl=True); why += f"; onset is not {t1}"
        elif bad == 1:
            w = wrong_date_text(ab, others_ab, kinds=('day', 'month', 'swap'))
            if not w: return None
            if w[3] <= on: return None
            t2 = w[0]; a2 = A('abate', ref=c['id'], txt=t2, exp=False); why += f"; resolution is not {t2}"
        if t1 == t2: return None
        T = pick([f"{cap(cn)} began {t1} and resolved {t2}.", f"Episode of {cn} from {t1} to {t2}.", f"{cap(cn)}: onset {t1}, resolved by {t2}.",
                  f"Had {cn} starting {t1}; it cleared {t2}."])
        if 'by' in T and bad == 1:
            T = f"{cap(cn)}: onset {t1}, resolved {t2}."
        return add('two-facts', pid, label, T, [C('condition', c['id'])], why, [A('code', ref=c['id'], any=[disp(c)]), a1, a2])
    if kind == 'vax2':
        ims = recs(P, 'immunization')
        byd = collections.defaultdict(list)
        for r in ims: byd[rdate(r)].append(r)
        days = [d for d, v in byd.items() if len(v) >= 2 and len(set(disp(x) for x in v)) == len(v)]
        if not days: return None
        d = pick(days); r1, r2 = rng.sample(byd[d], 2)
        v1 = pick(VAX[disp(r1)])
        if bad == 1:
            alts = [k for k in VAX if k not in [disp(x) for x in ims] and VAX_KEY[k] not in ' '.join(disp(x) for x in ims)]
            if not alts: return None
            k2 = pick(alts); v2 = pick(VAX[k2]); a2 = A('code', ref=r2['id'], any=[VAX_KEY[k2]], exp=False)
            why = f"{disp(r1)} and {disp(r2)} given {d}; {v2} was never given"
        else:
            v2 = pick(VAX[disp(r2)]); a2 = A('code', ref=r2['id'], any=[VAX_KEY[disp(r2)]])
            why = f"{disp(r1)} and {disp(r2)} both given {d}"
        if bad == 0:
            w = wrong_date_text(d, [rdate(x) for x in ims if disp(x) in (disp(r1), disp(r2)) and rdate(x) != d], kinds=('day', 'month', 'year', 'swap'))
            if not w: return None
            txt, prep = w[0], w[1]
            da = [A('date', ref=r1['id'], txt=txt, exp=False, excl=True), A('date', ref=r2['id'], txt=txt, exp=False, excl=True)]
            why += f"; not on {txt}"
        else:
            txt, prep, st = dchoice(d, full=True)
            da = [A('date', ref=r1['id'], txt=txt), A('date', ref=r2['id'], txt=txt)]
        T = pick([f"Received {v1} and {v2} {prep} {txt}.", f"{cap(v1)} plus {v2} given {prep} {txt}.", f"{prep.capitalize()} {txt} the patient got {v1} and {v2}.",
                  f"Immunizations {txt}: {v1}, {v2}."])
        return add('two-facts', pid, label, T, [C('immunization', r1['id']), C('immunization', r2['id'])], why,
                   [A('code', ref=r1['id'], any=[VAX_KEY[disp(r1)]]), a2] + da)

# ==============================================================================================
# CATEGORY: negation
# negation items: (phrasings, broad terms that must ALL be absent from the whole chart for a "correct" negation,
#                  narrow regex that must match a Condition/Medication/Procedure display for a "wrong" negation, extra lab check)
NEG_ITEMS = [
 (['asthma'], ['asthma', 'albuterol', 'fluticasone', 'inhaler'], r'asthma', None),
 (['COPD', 'chronic obstructive pulmonary disease'], ['chronic obstructive', 'copd', 'emphysema'], r'chronic obstructive|copd', None),
 (['heart failure', 'CHF'], ['heart failure', 'furosemide', 'lasix', 'ejection fraction', 'nt-probnp', 'echocardiogram'], r'heart failure', None),
 (['myocardial infarction', 'MI', 'a heart attack'], ['myocardial infarction', 'nitroglycerin', 'coronary'], r'myocardial infarction', None),
 (['stroke', 'CVA'], ['stroke', 'cerebrovascular', 'alteplase', 'thrombectomy', 'clopidogrel'], r'stroke', None),
 (['diabetes', 'diabetes mellitus'], ['diabetes', 'diabetic', 'metformin', 'insulin', 'hyperglycemia'], r'^diabetes$|diabetes mellitus', 'a1c'),
 (['epilepsy', 'seizures', 'a seizure disorder'], ['seizure', 'epilepsy'], r'seizure|epilepsy', None),
 (['cancer', 'malignancy'], ['neoplasm', 'carcinoma', 'malignant', 'tumor', 'metasta', 'docetaxel', 'oxaliplatin', 'leuprolide', 'leucovorin', 'polyp', 'biopsy'], r'neoplasm|carcinoma|malignant', None),
 (['chronic kidney disease', 'CKD'], ['kidney disease', 'renal disease', 'glomerular filtration'], r'kidney disease', None),
 (['osteoporosis'], ['osteoporosis', 'alendron'], r'osteoporosis', None),
 (['a fracture', 'a broken bone'], ['fracture'], r'fracture', None),
 (['Alzheimer disease', 'dementia'], ['alzheimer', 'dementia', 'galantamine', 'memantine', 'mmse'], r'alzheimer', None),
 (['osteoarthritis'], ['osteoarthritis'], r'osteoarthritis', None),
]
# lab-defined diagnoses: phrase as "no diagnosis recorded" and require the labs not to contradict
NEG_DX = [
 (['hypertension', 'HTN'], ['hypertension', 'hydrochlorothiazide', 'amlodipine', 'metoprolol', 'lasix'], r'^hypertension$', 'bp'),
 (['hyperlipidemia', 'hyperlipidaemia'], ['hyperlipidemia', 'hypertriglyceridemia', 'statin'], r'hyperlipidemia|hypertriglyceridemia', 'ldl'),
 (['anemia', 'anaemia'], ['anemia', 'vitamin b 12'], r'anemia', 'hb'),
 (['obesity'], ['obesity'], r'obesity', 'bmi'),
 (['prediabetes'], ['prediabetes', 'diabetes', 'hyperglycemia'], r'prediabetes', 'a1c'),
]
MED_NEG = [
 (['a statin', 'any statin', 'statin therapy'], ['statin'], r'statin'),
 (['insulin'], ['insulin'], r'insulin'),
 (['an anticoagulant', 'any anticoagulant'], ['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran', 'enoxaparin', 'alteplase', 'clopidogrel'], r'warfarin|heparin|apixaban'),
 (['opioids', 'any opioid analgesic'], ['oxycodone', 'hydrocodone', 'morphine', 'codeine', 'tramadol', 'fentanyl'], r'oxycodone|hydrocodone'),
 (['antihypertensives', 'any blood pressure medication'], ['hydrochlorothiazide', 'amlodipine', 'metoprolol', 'lisinopril', 'losartan', 'lasix', 'furosemide'], r'hydrochlorothiazide|amlodipine|metoprolol|lasix'),
 (['metformin'], ['metformin'], r'metformin'),
 (['an inhaler', 'inhaled medication'], ['inhaler', 'actuat'], r'inhaler'),
 (['hormonal contraception'], ['natazia', 'nuvaring', 'levora', 'seasonique', 'medroxyprogesterone'], r'natazia|nuvaring|levora|seasonique|medroxyprogesterone'),
 (['antibiotics'], ['amoxicillin', 'penicillin', 'cefuroxime', 'clavulanate'], r'amoxicillin|penicillin|cefuroxime'),
 (['NSAIDs'], ['ibuprofen', 'naproxen'], r'ibuprofen|naproxen'),
 (['a chemotherapy regimen', 'chemotherapy'], ['docetaxel', 'oxaliplatin', 'leucovorin'], r'docetaxel|oxaliplatin'),
]
PROC_NEG = [(['a colonoscopy'], ['colonoscopy'], r'colonoscopy'), (['a chest X-ray'], ['chest x-ray'], r'chest x-ray'),
            (['knee surgery or manipulation'], ['knee'], r'manipulation of joint of knee'), (['an echocardiogram'], ['echocardiogram'], r'echocardiogram'),
            (['a prostate biopsy'], ['biopsy of prostate'], r'biopsy of prostate')]


def chart_text(P):
    parts = []
    for r in P['all']:
        if r['resourceType'] in ('Claim', 'ExplanationOfBenefit', 'Organization', 'Practitioner', 'Patient'): continue
        parts.append(json.dumps(r).lower())
    return '\n'.join(parts)


def displays(P, kinds=('condition', 'medication', 'procedure')):
    out = []
    for k in kinds:
        for r in P['by'].get(k, {}).values():
            out.append((k, r, disp(r)))
    return out


def lab_clean(P, chk):
    """True when the labs do not suggest the condition (so a 'no diagnosis' claim is not misleading)."""
    sex = P['patient']['gender']
    if chk is None: return True
    if chk == 'a1c': return all(o['v'] < 6.5 for o in series(P, '4548-4'))
    if chk == 'bp': return all(b['sys'] < 140 and b['dia'] < 90 for b in bps(P) if age_at(P, b['date']) >= 18)
    if chk == 'ldl': return all(o['v'] < 160 for o in series(P, '18262-6'))
    if chk == 'hb': return all(o['v'] >= (13 if sex == 'male' else 12) for o in series(P, '718-7') if age_at(P, o['date']) >= 15)
    if chk == 'bmi': return all(o['v'] < 30 for o in series(P, '39156-5') if age_at(P, o['date']) >= 20)
    return True


CT = {}


def g_neg(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    if pid not in CT: CT[pid] = chart_text(P)
    ct = CT[pid]
    kind = pick(['cond', 'cond', 'dx', 'med', 'med', 'allergy', 'smoke', 'proc'])
    pat = [{"kind": "record", "record": "patient", "id": pid}]
    if kind in ('cond', 'dx'):
        items = NEG_ITEMS if kind == 'cond' else NEG_DX
        cand = []
        for t, broad, narrow, chk in items:
            hits = [(k, r, d) for k, r, d in displays(P, ('condition',)) if re.search(narrow, d.lower())]
            if ok and not any(x in ct for x in broad) and lab_clean(P, chk): cand.append((t, broad, narrow, chk, hits))
            if not ok and hits: cand.append((t, broad, narrow, chk, hits))
        if not cand: return None
        t, broad, narrow, chk, hits = pick(cand); nm = pick(t)
        bare = nm[2:] if nm.startswith('a ') else nm
        if kind == 'cond':
            T = pick([f"No history of {bare}.", f"No {bare} documented.", f"Negative for {bare}; not on the problem list.", f"Patient has never been diagnosed with {nm}.",
                      f"There is no record of {bare} in the chart.", f"No known {bare}.", f"PMH negative for {bare}.", f"{cap(bare)}: none recorded.",
                      f"No documented {bare}.", f"Never had {nm}, per the chart."])
        else:
            T = pick([f"No diagnosis of {nm} on the problem list.", f"{cap(nm)} has never been diagnosed.", f"No {nm} diagnosis recorded.", f"{cap(nm)} is not among the recorded diagnoses."])
        cites = pat[:]
        if not ok and rng.random() < 0.3:
            cites.append(C('condition', hits[0][1]['id']))
        why = (f"no record mentioning {', '.join(broad)} anywhere in the chart" + (f"; labs do not suggest it ({chk})" if chk else '')) if ok else \
              f"Condition '{hits[0][2]}' (onset {rdate(hits[0][1])}) is on record"
        return add('negation', pid, label, T, cites, why, [A('absent', terms=broad, narrow=narrow, kinds=['condition'], lab=chk, exp=ok)])
    if kind == 'med':
        cand = []
        for t, broad, narrow in MED_NEG:
            hits = [(k, r, d) for k, r, d in displays(P, ('medication',)) if re.search(narrow, d.lower())]
            if ok and not any(x in ct for x in broad): cand.append((t, broad, narrow, hits))
            if not ok and hits: cand.append((t, broad, narrow, hits))
        if not cand: return None
        t, broad, narrow, hits = pick(cand); nm = pick(t)
        active_hit = any(r['status'] == 'active' for k, r, d in hits)
        if ok and not is_dead(P):
            T = pick([f"Not on {nm}.", f"No {nm} on the medication list.", f"Never prescribed {nm}.", f"Patient is not taking {nm}.", f"No record of {nm} being prescribed."])
        elif not ok and active_hit and not is_dead(P):
            T = pick([f"Not on {nm}.", f"Patient is not taking {nm}.", f"Not currently prescribed {nm}.", f"Never prescribed {nm}."])
        else:
            T = pick([f"Never prescribed {nm}.", f"No record of {nm} being prescribed.", f"Medication history does not include {nm}.", f"{cap(nm)}: none ever ordered."])
        why = f"no MedicationRequest mentioning {', '.join(broad)}" if ok else f"MedicationRequest '{hits[0][2]}' ({rdate(hits[0][1])}, status {hits[0][1]['status']}) is on record"
        cites = pat[:] + ([C('medication', hits[0][1]['id'])] if (not ok and rng.random() < 0.3) else [])
        return add('negation', pid, label, T, cites, why, [A('absent', terms=broad, narrow=narrow, kinds=['medication'], present_tense=('Not on' in T or 'not taking' in T or 'currently' in T), exp=ok)])
    if kind == 'allergy':
        has = bool(P['by'].get('allergy'))
        if has == ok: return None
        T = pick(["No known allergies.", "NKA.", "No allergies recorded.", "Allergy list is empty.", "No documented allergies of any kind.", "No allergies on file."])
        why = "no AllergyIntolerance resources in the bundle" if not has else f"{len(P['by']['allergy'])} AllergyIntolerance records (e.g. {disp(list(P['by']['allergy'].values())[0])})"
        return add('negation', pid, label, T, pat, why, [A('noallergy', exp=ok)])
    if kind == 'smoke':
        sm = smoking(P)
        if not sm: return None
        stat = set(x['s'] for x in sm)
        never = stat == {'Never smoker'}
        if never != ok: return None
        last = sm[-1]
        T = pick(["Denies ever smoking.", "No tobacco use history.", "Has never smoked.", "Lifelong non-smoker; no history of tobacco use.", "Never used tobacco."])
        why = f"all {len(sm)} smoking-status observations = Never smoker (latest {last['date']})" if ok else f"smoking status is '{last['s']}' (latest {last['date']}): he smoked in the past"
        cites = [C('observation', last['id'])] + (pat if rng.random() < 0.5 else [])
        return add('negation', pid, label, T, cites, why, [A('smoke', ref=last['id'], s='Never smoker', exp=ok), A('allsmoke', s='Never smoker', exp=ok)])
    if kind == 'proc':
        cand = []
        for t, broad, narrow in PROC_NEG:
            hits = [(k, r, d) for k, r, d in displays(P, ('procedure',)) if re.search(narrow, d.lower())]
            if ok and not any(x in ct for x in broad): cand.append((t, broad, narrow, hits))
            if not ok and hits: cand.append((t, broad, narrow, hits))
        if not cand: return None
        t, broad, narrow, hits = pick(cand); nm = pick(t)
        bare = nm[2:] if nm.startswith('a ') else (nm[3:] if nm.startswith('an ') else nm)
        T = pick([f"No {bare} on record.", f"Has never had {nm}.", f"No prior {bare} documented.", f"No record of {nm} in the chart."])
        why = f"no record containing {broad}" if ok else f"Procedure '{hits[0][2]}' on {rdate(hits[0][1])}"
        return add('negation', pid, label, T, pat, why, [A('absent', terms=broad, narrow=narrow, kinds=['procedure'], exp=ok)])

# ==============================================================================================
# CATEGORY: status


def g_status(P, label):
    pid = P['patient']['id']; ok = label == 'correct'; dead = is_dead(P)
    kind = pick(['cond', 'cond', 'med', 'med', 'smoke'])
    if kind == 'cond':
        rs = [r for r in recs(P, 'condition') if disp(r) in COND and disp(r) not in ('Miscarriage in first trimester', 'Appendicitis', 'History of appendectomy')]
        if not rs: return None
        r = pick(rs); st = r['clinicalStatus']['coding'][0]['code']; cn = cname(disp(r))
        # same condition appearing as another record with another status -> skip
        if len(set(x['clinicalStatus']['coding'][0]['code'] for x in recs(P, 'condition') if disp(x) == disp(r))) > 1 and st == 'resolved' and not ok:
            pass
        claim_st = st if ok else ('resolved' if st == 'active' else 'active')
        txt, prep, s_ = dchoice(rdate(r))
        sib = [x for x in recs(P, 'condition') if disp(x) == disp(r) and x['id'] != r['id']]
        if any(matches_gran(rdate(x), s_, txt) for x in sib):
            txt, prep, s_ = dchoice(rdate(r), full=True)
        cnb = cn[2:] if cn.startswith('a ') else (cn[3:] if cn.startswith('an ') else cn)
        if claim_st == 'active':
            T = pick([f"{cap(cn)} (onset {txt}) remains active.", f"Active problem: {cnb}, since {txt}.", f"{cap(cn)} (dx {txt}) is still an active diagnosis.",
                      f"Ongoing {cnb}, first noted {txt}.", f"{cap(cn)} diagnosed {prep} {txt} is listed as active."])
            if dead: T = pick([f"{cap(cn)} (onset {txt}) was listed as active.", f"{cap(cn)} diagnosed {prep} {txt} is recorded as an active problem."])
        else:
            ab = r.get('abatementDateTime', '')[:10]
            cnb = cn[2:] if cn.startswith('a ') else (cn[3:] if cn.startswith('an ') else cn)
            T = pick([f"{cap(cn)} from {txt} has resolved.", f"{cap(cn)} ({txt}) - resolved.", f"Resolved: {cnb}, onset {txt}.",
                      (f"The {txt} episode of {cnb} is resolved." if not txt.startswith('the ') else f"The episode of {cnb} from {txt} is resolved."),
                      f"{cap(cn)}, diagnosed {prep} {txt}, is no longer active."])
        if 'since' in T and prep == 'on': T = T.replace('since', 'onset')
        why = f"Condition {disp(r)} onset {rdate(r)} clinicalStatus={st}" + (f", abated {r.get('abatementDateTime','')[:10]}" if r.get('abatementDateTime') else '')
        if not ok: why += f"; text says {claim_st}"
        return add('status', pid, label, T, [C('condition', r['id'])], why,
                   [A('code', ref=r['id'], any=[disp(r)]), A('date', ref=r['id'], txt=txt), A('status', ref=r['id'], s=claim_st, exp=ok)])
    if kind == 'med':
        rs = [r for r in recs(P, 'medication') if disp(r) in DRUG and (DRUG[disp(r)]['gen'] or DRUG[disp(r)]['brand'])]
        # avoid drugs that appear both stopped and active
        rs = [r for r in rs if len(set(x['status'] for x in recs(P, 'medication') if disp(x) == disp(r))) == 1]
        if not rs: return None
        r = pick(rs); st = r['status']; nm = pick(DRUG[disp(r)]['gen'] + DRUG[disp(r)]['brand'])
        claim_st = st if ok else ('stopped' if st == 'active' else 'active')
        txt, prep, s_ = dchoice(rdate(r))
        sib = [x for x in recs(P, 'medication') if disp(x) == disp(r) and x['id'] != r['id']]
        if any(matches_gran(rdate(x), s_, txt) for x in sib):
            txt, prep, s_ = dchoice(rdate(r), full=True)
            if any(matches_gran(rdate(x), s_, txt) for x in sib): return None
        if claim_st == 'active':
            if dead:
                T = pick([f"{cap(nm)} (ordered {txt}) was still an active prescription.", f"{cap(nm)} remained on the active medication list (started {txt})."])
            else:
                T = pick([f"Currently taking {nm} (started {txt}).", f"{cap(nm)}, prescribed {prep} {txt}, is an active medication.", f"Remains on {nm}, first ordered {prep} {txt}.",
                          f"Active med: {nm} (since {txt}).", f"Still on {nm}; Rx from {txt} is active."])
        else:
            T = pick([f"{cap(nm)} ({txt}) has been discontinued.", f"{cap(nm)}, prescribed {prep} {txt}, was stopped.", f"No longer taking {nm} (course from {txt} stopped).",
                      f"{cap(nm)} from {txt} is inactive/stopped.", f"Stopped {nm} (started {txt})."])
        if 'since' in T and prep == 'on': T = T.replace('since', 'from')
        why = f"MedicationRequest {disp(r)} authoredOn {rdate(r)} status={st}" + ("" if ok else f"; text says {claim_st}")
        return add('status', pid, label, T, [C('medication', r['id'])], why,
                   [A('drug', ref=r['id'], name=nm), A('date', ref=r['id'], txt=txt), A('status', ref=r['id'], s=claim_st, exp=ok)])
    if kind == 'smoke':
        sm = smoking(P)
        if not sm: return None
        stat = set(x['s'] for x in sm)
        if len(stat) != 1: return None
        s = stat.pop(); last = sm[-1]
        if ok:
            claim = s
        else:
            claim = pick([x for x in ['Never smoker', 'Former smoker', 'Current every day smoker'] if x != s])
        phr = {'Never smoker': ['Never smoker.', 'Lifelong non-smoker.', 'Has never smoked tobacco.', 'Non-smoker (never).'],
               'Former smoker': ['Former smoker.', 'Ex-smoker.', 'Quit smoking; former smoker.', 'Past tobacco use, not a current smoker.'],
               'Current every day smoker': ['Current smoker.', 'Smokes daily.', 'Active tobacco user.', 'Currently smokes cigarettes.']}[claim]
        T = pick(phr)
        if rng.random() < 0.5:
            txt, prep, st_ = dchoice(last['date'], full=True)
            T = T[:-1] + f" (status recorded {txt})."
            asserts = [A('date', ref=last['id'], txt=txt)]
        else:
            asserts = []
        asserts.append(A('smoke', ref=last['id'], s=claim, exp=ok))
        why = f"Tobacco smoking status {last['date']} = {s}" + ("" if ok else f"; text says {claim}")
        return add('status', pid, label, T, [C('observation', last['id'])], why, asserts)

# ==============================================================================================
# CATEGORY: latest


def g_latest(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    kind = pick(['lab', 'lab', 'bp', 'enc', 'imm'])
    if kind == 'lab':
        codes = [c for c in LAB_CODES if len(series(P, c)) >= 2]
        if not codes: return None
        code = pick(codes)
        s = series(P, code)
        if code == '33914-3' and len(set(o['disp'] for o in s)) > 1: return None
        if not is_latest(P, code, s[-1]['id']): return None
        nm = pick(AN[code]['a'] + AN[code]['n']); u = pick(AN[code]['u']); sp = '' if u == '%' else ' '
        if ok:
            o = s[-1]; mode = 'ok'
        else:
            older = [x for x in s[:-1] if abs(x['v'] - s[-1]['v']) > max(0.05 * abs(s[-1]['v']), 3 * 10 ** -AN[code]['p'][0])]
            if not older: return None
            o = pick(older); mode = pick(['older_cited', 'older_cited', 'latest_cited_oldval'])
        p = choose_prec(code, o['v'])
        if p is None: return None
        vt = nf(o['v'], p)
        txt, prep, st = dchoice(o['date'])
        if len([x for x in s if matches_gran(x['date'], st, txt)]) > 1:
            txt, prep, st = dchoice(o['date'], full=True)
        with_date = rng.random() < 0.65 or mode == 'older_cited'
        dpart = f" ({txt})" if with_date else ''
        T = pick([f"Most recent {nm} was {vt}{sp}{u}{dpart}.", f"Latest {nm}: {vt}{sp}{u}{dpart}.", f"Last {nm} {vt}{sp}{u}{dpart}.",
                  f"The latest {nm} on file is {vt}{sp}{u}{dpart}.", f"Her/his most recent {nm} reading was {vt}{sp}{u}{dpart}.".replace('Her/his', 'The patient\'s'),
                  f"{nm} most recently {vt}{sp}{u}{dpart}."])
        T = T[0].upper() + T[1:]
        if mode == 'ok':
            asserts = [A('analyte', ref=o['id'], loinc=code), A('val', ref=o['id'], txt=vt, unit=u), A('latest', ref=o['id'])]
            if with_date: asserts.append(A('date', ref=o['id'], txt=txt))
            cites = [C('observation', o['id'])]
            why = f"{o['disp']} {o['v']:.4g} on {o['date']} is the last of {len(s)} results"
        elif mode == 'older_cited':
            asserts = [A('analyte', ref=o['id'], loinc=code), A('val', ref=o['id'], txt=vt, unit=u), A('latest', ref=o['id'], exp=False), A('date', ref=o['id'], txt=txt)]
            cites = [C('observation', o['id'])]
            why = f"{o['date']} value {o['v']:.4g} is not the latest; latest is {s[-1]['v']:.4g} on {s[-1]['date']}"
        else:
            # cite the true latest, but state the older value
            L = s[-1]
            T = pick([f"Most recent {nm} was {vt}{sp}{u}.", f"Latest {nm}: {vt}{sp}{u}.", f"Last {nm} on file: {vt}{sp}{u}."])
            asserts = [A('analyte', ref=L['id'], loinc=code), A('val', ref=L['id'], txt=vt, unit=u, exp=False), A('latest', ref=L['id'])]
            cites = [C('observation', L['id'])]
            why = f"latest {L['disp']} ({L['date']}) is {L['v']:.4g}; {vt} is the older value from {o['date']}"
        return add('latest', pid, label, T, cites, why, asserts)
    if kind == 'bp':
        bb = bps(P)
        if len(bb) < 2 or bb[-1]['date'] == bb[-2]['date']: return None
        if ok: b = bb[-1]
        else:
            older = [x for x in bb[:-1] if abs(x['sys'] - bb[-1]['sys']) >= 6 or abs(x['dia'] - bb[-1]['dia']) >= 6]
            if not older: return None
            b = pick(older)
        if not (safe_round(b['sys'], 0) and safe_round(b['dia'], 0)): return None
        txt, prep, st = dchoice(b['date'], full=True)
        dpart = pick([f" ({txt})", f" {prep} {txt}", ''])
        if not ok and not dpart: dpart = f" ({txt})"
        T = pick([f"Most recent BP {nf(b['sys'],0)}/{nf(b['dia'],0)} mmHg{dpart}.", f"Last recorded blood pressure was {nf(b['sys'],0)}/{nf(b['dia'],0)}{dpart}.",
                  f"Latest BP: {nf(b['sys'],0)}/{nf(b['dia'],0)} mm Hg{dpart}."])
        asserts = [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(b['sys'], 0), unit='mmHg'), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(b['dia'], 0), unit='mmHg'),
                   A('latest', ref=b['id'], exp=ok)]
        if dpart: asserts.append(A('date', ref=b['id'], txt=txt))
        why = (f"BP {b['date']} is the last of {len(bb)} BP panels" if ok else f"BP on {b['date']} is not the latest; latest is {bb[-1]['sys']:.0f}/{bb[-1]['dia']:.0f} on {bb[-1]['date']}")
        return add('latest', pid, label, T, [C('observation', b['id'])], why, asserts)
    if kind == 'enc':
        es = recs(P, 'encounter')
        if len(es) < 2 or rdate(es[-1]) == rdate(es[-2]) or 'Death' in disp(es[-1]): return None
        e = es[-1] if ok else pick(es[:-1])
        if not ok and rdate(e) == rdate(es[-1]): return None
        txt, prep, st = dchoice(rdate(e), full=True)
        T = pick([f"Last visit was {prep} {txt}.", f"Most recent encounter: {txt}.", f"Patient was last seen {prep} {txt}.", f"Latest clinic contact {prep} {txt}."])
        why = (f"encounter {rdate(e)} is the latest of {len(es)}" if ok else f"encounter {rdate(e)} is not the latest; last is {rdate(es[-1])}")
        return add('latest', pid, label, T, [C('encounter', e['id'])], why, [A('date', ref=e['id'], txt=txt), A('latest', ref=e['id'], exp=ok)])
    if kind == 'imm':
        ims = recs(P, 'immunization')
        fl = [r for r in ims if disp(r).startswith('Influenza')]
        if len(fl) < 2: return None
        r = fl[-1] if ok else pick(fl[:-1])
        txt, prep, st = dchoice(rdate(r))
        if any(matches_gran(rdate(x), st, txt) for x in fl if x['id'] != r['id']):
            txt, prep, st = dchoice(rdate(r), full=True)
        T = pick([f"Last flu shot {prep} {txt}.", f"Most recent influenza vaccine was given {prep} {txt}.", f"Latest flu vaccination: {txt}."])
        why = (f"influenza vaccine {rdate(r)} is the last of {len(fl)}" if ok else f"flu shot {rdate(r)} is not the last; latest {rdate(fl[-1])}")
        return add('latest', pid, label, T, [C('immunization', r['id'])], why, [A('date', ref=r['id'], txt=txt), A('latest', ref=r['id'], exp=ok), A('code', ref=r['id'], any=['Influenza'])])

# ==============================================================================================
# CATEGORY: swapped  (wrong = swapped; correct = same shape, right order)
SWAP_PAIRS = [('18262-6', '2085-9'), ('2947-0', '2069-3'), ('785-6', '786-4'), ('18262-6', '2571-8'), ('2093-3', '18262-6'), ('787-2', '21000-5'),
              ('6299-2', '2339-0'), ('2571-8', '2085-9'), ('2093-3', '2571-8'), ('2947-0', '2069-3')]


def g_swap(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    kind = pick(['bp', 'bp', 'analytes', 'analytes', 'years'])
    if kind == 'bp':
        bb = bps(P)
        if not bb: return None
        b = pick(bb)
        if not (safe_round(b['sys'], 0) and safe_round(b['dia'], 0)) or b['sys'] - b['dia'] < 15: return None
        s_, d_ = nf(b['sys'], 0), nf(b['dia'], 0)
        if not ok: s_, d_ = d_, s_
        txt, prep, st = dchoice(b['date'], full=True)
        form = pick(['slash', 'named', 'named2'])
        if form == 'slash':
            T = pick([f"BP {s_}/{d_} mmHg {prep} {txt}.", f"Blood pressure {prep} {txt} was {s_}/{d_}."])
        elif form == 'named':
            T = pick([f"{prep.capitalize()} {txt}: systolic {s_}, diastolic {d_} mmHg.", f"SBP {s_} and DBP {d_} {prep} {txt}."])
        else:
            T = pick([f"Diastolic {d_} with systolic {s_} mm Hg {prep} {txt}.", f"DBP {d_} / SBP {s_} recorded {prep} {txt}."])
        asserts = [A('val', ref=f"{b['id']}#{b['si']}", txt=s_, unit='mmHg', exp=ok), A('val', ref=f"{b['id']}#{b['di']}", txt=d_, unit='mmHg', exp=ok), A('date', ref=b['id'], txt=txt)]
        why = f"systolic (#{b['si']}) {b['sys']:.1f}, diastolic (#{b['di']}) {b['dia']:.1f}" + ("" if ok else "; text swaps systolic and diastolic")
        cites = [C('observation', b['id'])] if rng.random() < 0.6 else [C('observation', f"{b['id']}#{b['si']}"), C('observation', f"{b['id']}#{b['di']}")]
        return add('swapped', pid, label, T, cites, why, asserts)
    if kind == 'analytes':
        c1, c2 = pick(SWAP_PAIRS)
        if rng.random() < 0.5: c1, c2 = c2, c1
        s1 = series(P, c1)
        if not s1: return None
        o1 = pick(s1)
        o2 = [o for o in series(P, c2) if o['date'] == o1['date']]
        if len(o2) != 1: return None
        o2 = o2[0]
        p1, p2 = choose_prec(c1, o1['v']), choose_prec(c2, o2['v'])
        if p1 is None or p2 is None: return None
        p = max(p1, p2)
        if not (safe_round(o1['v'], p) and safe_round(o2['v'], p)): return None
        if abs(o1['v'] - o2['v']) < max(0.08 * max(o1['v'], o2['v']), 3 * 10 ** -p): return None
        v1, v2 = nf(o1['v'], p), nf(o2['v'], p)
        if not ok: v1, v2 = v2, v1
        n1, n2 = pick(AN[c1]['a']), pick(AN[c2]['a'])
        u = AN[c1]['u'][0] if AN[c1]['u'][0] == AN[c2]['u'][0] else ''
        txt, prep, st = dchoice(o1['date'], full=True)
        T = pick([f"{n1} {v1} and {n2} {v2} {u} {prep} {txt}.", f"{prep.capitalize()} {txt}: {n1} {v1}, {n2} {v2}.", f"Labs {txt}: {n1} {v1} {u}; {n2} {v2} {u}.",
                  f"{n1} was {v1} while {n2} was {v2} ({txt})."]).replace('  ', ' ').replace(' ;', ';')
        asserts = [A('analyte', ref=o1['id'], loinc=c1), A('analyte', ref=o2['id'], loinc=c2), A('val', ref=o1['id'], txt=v1, unit=None, exp=ok),
                   A('val', ref=o2['id'], txt=v2, unit=None, exp=ok), A('date', ref=o1['id'], txt=txt)]
        why = f"{o1['disp']} {o1['v']:.4g}, {o2['disp']} {o2['v']:.4g} on {o1['date']}" + ("" if ok else "; the two values are swapped")
        return add('swapped', pid, label, T, [C('observation', o1['id']), C('observation', o2['id'])], why, asserts)
    if kind == 'years':
        codes = [c for c in ['2093-3', '18262-6', '2085-9', '2571-8', '4548-4', '2339-0', '38483-4', '29463-7', '39156-5', '718-7', '777-3'] if len(series(P, c)) >= 2]
        if not codes: return None
        code = pick(codes); s = series(P, code)
        dates = collections.Counter(o['date'][:4] for o in s)
        s = [o for o in s if dates[o['date'][:4]] == 1]
        if len(s) < 2: return None
        a, b = sorted(rng.sample(s, 2), key=lambda o: o['date'])
        p = AN[code]['p'][0]
        if not (safe_round(a['v'], p) and safe_round(b['v'], p)): return None
        rel = (b['v'] - a['v']) / a['v']
        if abs(rel) < 0.06: return None
        va, vb = nf(a['v'], p), nf(b['v'], p)
        ya, yb = a['date'][:4], b['date'][:4]
        nm = pick(AN[code]['a']); u = AN[code]['u'][0]; sp = '' if u == '%' else ' '
        if ok:
            w = pick(UPW if rel > 0 else DNW)
            T = pick([f"{nm} {w} from {va} in {ya} to {vb}{sp}{u} in {yb}.", f"{nm}: {va} ({ya}) -> {vb}{sp}{u} ({yb})."])
            asserts = [A('val', ref=a['id'], txt=va, unit=None), A('val', ref=b['id'], txt=vb, unit=None), A('date', ref=a['id'], txt=ya), A('date', ref=b['id'], txt=yb),
                       A('trend', a=a['id'], b=b['id'], dir='up' if rel > 0 else 'down')]
            why = f"{a['disp']} {a['v']:.4g} ({a['date']}) -> {b['v']:.4g} ({b['date']})"
        else:
            w = pick(UPW if rel < 0 else DNW)
            T = pick([f"{nm} {w} from {vb} in {ya} to {va}{sp}{u} in {yb}.", f"{nm}: {vb} ({ya}) -> {va}{sp}{u} ({yb})."])
            asserts = [A('val', ref=a['id'], txt=vb, unit=None, exp=False), A('val', ref=b['id'], txt=va, unit=None, exp=False), A('date', ref=a['id'], txt=ya),
                       A('date', ref=b['id'], txt=yb)]
            why = f"{a['disp']} was {a['v']:.4g} in {ya} and {b['v']:.4g} in {yb}; the years are swapped"
        return add('swapped', pid, label, T, [C('observation', a['id']), C('observation', b['id'])], why, asserts)

# ==============================================================================================
# CATEGORY: wrong-citation  (wrong = true fact, wrong record cited; correct = same fact, right record)


def g_wcite(P, label):
    pid = P['patient']['id']; ok = label == 'correct'
    kind = pick(['obs_otherdate', 'obs_otheranalyte', 'med_cond', 'vax_enc', 'bp_weight', 'dx_med', 'proc_enc'])
    if kind in ('obs_otherdate', 'obs_otheranalyte', 'bp_weight'):
        if kind == 'bp_weight':
            bb = bps(P)
            if not bb: return None
            b = pick(bb)
            if not (safe_round(b['sys'], 0) and safe_round(b['dia'], 0)): return None
            txt, prep, st = dchoice(b['date'], full=True)
            T = pick([f"BP {nf(b['sys'],0)}/{nf(b['dia'],0)} mmHg {prep} {txt}.", f"Blood pressure {prep} {txt}: {nf(b['sys'],0)}/{nf(b['dia'],0)}."])
            if ok:
                return add('wrong-citation', pid, label, T, [C('observation', b['id'])], f"BP panel {b['date']} {b['sys']:.1f}/{b['dia']:.1f}",
                           [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(b['sys'], 0), unit='mmHg'), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(b['dia'], 0), unit='mmHg'), A('date', ref=b['id'], txt=txt)])
            other = [o for c in ('29463-7', '8302-2', '39156-5', '72514-3') for o in series(P, c) if o['date'] == b['date']]
            if not other: return None
            o = pick(other)
            return add('wrong-citation', pid, label, T, [C('observation', o['id'])], f"BP {nf(b['sys'],0)}/{nf(b['dia'],0)} is true (panel {b['id']}) but the cited record is {o['disp']}",
                       [A('val', ref=o['id'], txt=nf(b['sys'], 0), unit='mmHg', exp=False), A('elsebp', txt=nf(b['sys'], 0) + '/' + nf(b['dia'], 0), dtxt=txt)])
        codes = [c for c in LAB_CODES if len(series(P, c)) >= (2 if kind == 'obs_otherdate' else 1)]
        if not codes: return None
        code = pick(codes); s = series(P, code); o = pick(s)
        p = choose_prec(code, o['v'])
        if p is None: return None
        vt = nf(o['v'], p); nm = pick(AN[code]['a'] + AN[code]['n']); u = pick(AN[code]['u']); sp = '' if u == '%' else ' '
        txt, prep, st = dchoice(o['date'], full=True)
        T = pick([f"{cap(nm)} {vt}{sp}{u} {prep} {txt}.", f"{cap(nm)} was {vt}{sp}{u} ({txt}).", f"{txt}: {nm} {vt}{sp}{u}.", f"Recorded {nm} of {vt}{sp}{u} {prep} {txt}."])
        if ok:
            return add('wrong-citation', pid, label, T, [C('observation', o['id'])], f"{o['disp']} {o['v']:.4g} {o['unit']} on {o['date']}",
                       [A('analyte', ref=o['id'], loinc=code), A('val', ref=o['id'], txt=vt, unit=u), A('date', ref=o['id'], txt=txt)])
        if kind == 'obs_otherdate':
            other = [x for x in s if x['date'] != o['date'] and abs(x['v'] - o['v']) > max(3 * 10 ** -p, 0.04 * abs(o['v']))]
            if not other: return None
            x = pick(other)
            return add('wrong-citation', pid, label, T, [C('observation', x['id'])],
                       f"{nm} {vt} on {o['date']} is true (obs {o['id']}), but the cited observation is from {x['date']} with value {x['v']:.4g}",
                       [A('val', ref=x['id'], txt=vt, unit=u, exp=False), A('date', ref=x['id'], txt=txt, exp=False), A('else', loinc=code, txt=vt, dtxt=txt)])
        other = [x for c in LAB_CODES if c != code for x in series(P, c) if x['date'] == o['date']]
        if not other: return None
        x = pick(other)
        return add('wrong-citation', pid, label, T, [C('observation', x['id'])],
                   f"{nm} {vt} on {o['date']} is true (obs {o['id']}), but the cited observation is {x['disp']} ({x['v']:.4g})",
                   [A('analyte', ref=x['id'], loinc=code, exp=False), A('else', loinc=code, txt=vt, dtxt=txt)])
    if kind == 'med_cond' or kind == 'dx_med':
        ms = [r for r in recs(P, 'medication') if r.get('reasonReference') and disp(r) in DRUG and (DRUG[disp(r)]['gen'] or DRUG[disp(r)]['brand'])]
        if not ms: return None
        m = pick(ms); cid = m['reasonReference'][-1]['reference'].split(':')[-1]; c = P['by']['condition'].get(cid)
        if not c or disp(c) not in COND: return None
        dn = pick(DRUG[disp(m)]['gen'] + DRUG[disp(m)]['brand'])
        if kind == 'med_cond':
            txt, prep, st = dchoice(rdate(m))
            T = pick([f"{cap(dn)} prescribed {prep} {txt}.", f"Started {dn} {prep} {txt}.", f"Rx {dn}, {txt}."])
            if ok:
                return add('wrong-citation', pid, label, T, [C('medication', m['id'])], f"MedicationRequest {disp(m)} authoredOn {rdate(m)}",
                           [A('drug', ref=m['id'], name=dn), A('date', ref=m['id'], txt=txt)])
            if rdate(c) == rdate(m) and False: pass
            return add('wrong-citation', pid, label, T, [C('condition', c['id'])],
                       f"the prescription is true (MedicationRequest {m['id']}) but the cited record is the Condition '{disp(c)}', which holds no medication",
                       [A('drug', ref=c['id'], name=dn, exp=False), A('elsemed', name=dn, dtxt=txt)])
        else:
            cn = cname(disp(c)); txt, prep, st = dchoice(rdate(c))
            others = [x for x in recs(P, 'condition') if disp(x) == disp(c) and x['id'] != c['id']]
            if any(matches_gran(rdate(x), st, txt) for x in others): return None
            T = pick([f"Diagnosed with {cn} {prep} {txt}.", f"{cap(cn)}, onset {txt}.", f"Dx {cn} {prep} {txt}."])
            if ok:
                return add('wrong-citation', pid, label, T, [C('condition', c['id'])], f"Condition {disp(c)} onset {rdate(c)}",
                           [A('code', ref=c['id'], any=[disp(c)]), A('date', ref=c['id'], txt=txt)])
            # cite an immunization / unrelated record of another kind
            alt = [('immunization', x) for x in recs(P, 'immunization')] + [('procedure', x) for x in recs(P, 'procedure') if disp(x) == 'Documentation of current medications']
            if not alt: return None
            k, x = pick(alt)
            return add('wrong-citation', pid, label, T, [C(k, x['id'])],
                       f"the diagnosis is true (Condition {c['id']}) but the cited {k} record ({disp(x)}, {rdate(x)}) says nothing about it",
                       [A('code', ref=x['id'], any=[disp(c)], exp=False), A('elsecond', any=[disp(c)], txt=txt)])
    if kind == 'vax_enc':
        ims = recs(P, 'immunization')
        if not ims: return None
        r = pick(ims); vn = pick(VAX[disp(r)])
        txt, prep, st = dchoice(rdate(r), full=True)
        T = pick([f"{cap(vn)} given {prep} {txt}.", f"Received {vn} {prep} {txt}.", f"{cap(vn)} administered {prep} {txt}."])
        if ok:
            return add('wrong-citation', pid, label, T, [C('immunization', r['id'])], f"Immunization {disp(r)} {rdate(r)}",
                       [A('code', ref=r['id'], any=[VAX_KEY[disp(r)]]), A('date', ref=r['id'], txt=txt)])
        alts = [x for x in ims if disp(x) != disp(r) and VAX_KEY[disp(x)] != VAX_KEY[disp(r)]]
        enc = [e for e in recs(P, 'encounter') if rdate(e) == rdate(r)]
        choices = [('immunization', x) for x in alts] + [('encounter', e) for e in enc] + [('observation', o) for c in ('29463-7',) for o in series(P, c) if o['date'] == rdate(r)]
        if not choices: return None
        k, x = pick(choices)
        xid = x['id']
        return add('wrong-citation', pid, label, T, [C(k, xid)],
                   f"{disp(r)} on {rdate(r)} is true (Immunization {r['id']}), but the cited {k} record is not that vaccination" + (f" ({disp(x)})" if k == 'immunization' else ''),
                   [A('code', ref=xid, any=[VAX_KEY[disp(r)]], exp=False), A('elsevax', any=[VAX_KEY[disp(r)]], txt=txt)])
    if kind == 'proc_enc':
        ps = [r for r in recs(P, 'procedure') if disp(r) in PROC]
        if not ps: return None
        r = pick(ps); pn = pick(PROC[disp(r)])
        txt, prep, st = dchoice(rdate(r), full=True)
        T = pick([f"Underwent {pn} {prep} {txt}.", f"{cap(pn)} done {prep} {txt}.", f"Had {pn} {prep} {txt}."])
        if ok:
            return add('wrong-citation', pid, label, T, [C('procedure', r['id'])], f"Procedure {disp(r)} {rdate(r)}",
                       [A('code', ref=r['id'], any=[PROC_KEY[disp(r)]]), A('date', ref=r['id'], txt=txt)])
        alts = [('procedure', x) for x in recs(P, 'procedure') if disp(x) != disp(r)] + [('immunization', x) for x in recs(P, 'immunization')] + \
               [('condition', x) for x in recs(P, 'condition') if rdate(x) != rdate(r)]
        if not alts: return None
        k, x = pick(alts)
        return add('wrong-citation', pid, label, T, [C(k, x['id'])],
                   f"{disp(r)} on {rdate(r)} is true (Procedure {r['id']}), but the cited {k} record is '{disp(x)}' ({rdate(x)})",
                   [A('code', ref=x['id'], any=[PROC_KEY[disp(r)]], exp=False), A('elseproc', any=[PROC_KEY[disp(r)]], txt=txt)])

# ==============================================================================================
# CATEGORY: interpretation


def bp_cat(s, d):
    if s >= 140 or d >= 90: return 'stage2'
    if s >= 130 or d >= 80: return 'stage1'
    if s >= 120: return 'elevated'
    return 'normal'


def near_bp(s, d):
    return any(abs(s - t) < 1.5 for t in (120, 130, 140)) or any(abs(d - t) < 1.5 for t in (80, 90))


BP_TXT = {'normal': ['normal', 'in the normal range', 'normal per ACC/AHA'], 'elevated': ["in the ACC/AHA 'elevated' category (120-129/<80)", "'elevated' by ACC/AHA criteria (120-129/<80), short of hypertension"],
          'stage1': ['in the stage 1 hypertension range', 'in the stage 1 HTN range (ACC/AHA)'], 'stage2': ['in the stage 2 hypertension range', 'in the stage 2 HTN range (ACC/AHA)']}
SCHEMES = {
 '39156-5': ('bmi', [(18.5, 'under'), (25, 'normal'), (30, 'over'), (1e9, 'obese')], {'under': ['underweight'], 'normal': ['normal weight', 'a healthy BMI'], 'over': ['overweight'], 'obese': ['obese', 'in the obese range']}),
 '4548-4': ('a1c', [(5.7, 'normal'), (6.5, 'prediabetes'), (1e9, 'diabetes')], {'normal': ['normal (<5.7%)', 'in the normal range'], 'prediabetes': ['in the prediabetes range', 'prediabetic range'], 'diabetes': ['in the diabetic range', 'diabetic range (>=6.5%)']}),
 '18262-6': ('ldl', [(100, 'optimal'), (130, 'near'), (160, 'borderline'), (190, 'high'), (1e9, 'veryhigh')], {'optimal': ['optimal', 'optimal (<100)'], 'near': ['near-optimal'], 'borderline': ['borderline high'], 'high': ['high'], 'veryhigh': ['very high']}),
 '2093-3': ('tc', [(200, 'desirable'), (240, 'borderline'), (1e9, 'high')], {'desirable': ['desirable', 'normal (<200)'], 'borderline': ['borderline high'], 'high': ['high']}),
 '2571-8': ('tg', [(150, 'normal'), (200, 'borderline'), (500, 'high'), (1e9, 'veryhigh')], {'normal': ['normal'], 'borderline': ['borderline high'], 'high': ['high'], 'veryhigh': ['very high']}),
 '2085-9': ('hdl', [(40, 'low'), (60, 'mid'), (1e9, 'high')], {'low': ['low'], 'high': ['high (protective)', 'favourably high']}),
 '33914-3': ('egfr', [(15, 'G5'), (30, 'G4'), (45, 'G3b'), (60, 'G3a'), (90, 'G2'), (1e9, 'G1')], {'G1': ['normal/high (KDIGO G1)', 'G1'], 'G2': ['mildly decreased (KDIGO G2)', 'G2 range'], 'G3a': ['G3a (mild-moderate decrease)'], 'G3b': ['G3b'], 'G4': ['severely decreased (G4)'], 'G5': ['kidney failure range (G5)']}),
 '14959-1': ('uacr', [(30, 'A1'), (300, 'A2'), (1e9, 'A3')], {'A1': ['normal (A1)', 'normal to mildly increased albuminuria (A1)'], 'A2': ['moderately increased albuminuria (A2)', 'microalbuminuria (A2)'], 'A3': ['severely increased albuminuria (A3)']}),
 '8331-1': ('temp', [(38.0, 'afebrile'), (1e9, 'febrile')], {'afebrile': ['afebrile', 'no fever'], 'febrile': ['febrile', 'a fever']}),
 '2857-1': ('psa', [(4.0, 'normal'), (1e9, 'elevated')], {'normal': ['normal (<4)', 'within normal limits (<4.0)'], 'elevated': ['elevated (>4)', 'raised (>4.0 ng/mL)']}),
 '10230-1': ('lvef', [(40.0001, 'reduced'), (50, 'mildly'), (1e9, 'preserved')], {'reduced': ['reduced (HFrEF range, <=40%)', 'reduced'], 'mildly': ['mildly reduced'], 'preserved': ['preserved', 'normal']}),
 '718-7': ('hb', None, {'anemic': ['anemic', 'consistent with anaemia (WHO)'], 'normal': ['not anemic', 'not anaemic by WHO criteria']}),
}
THRESH_NAME = {'bmi': 'WHO BMI categories', 'a1c': 'ADA HbA1c cut-offs (5.7/6.5%)', 'ldl': 'NCEP ATP III LDL categories', 'tc': 'NCEP ATP III total cholesterol categories',
               'tg': 'NCEP ATP III triglyceride categories', 'hdl': 'NCEP ATP III HDL (<40 low, >=60 high)', 'egfr': 'KDIGO GFR categories', 'uacr': 'KDIGO albuminuria categories',
               'temp': 'fever >= 38.0 C', 'psa': 'PSA > 4.0 ng/mL', 'lvef': 'ACC/AHA HF LVEF categories (<=40 reduced, 41-49 mildly reduced, >=50 preserved)',
               'hb': 'WHO anaemia thresholds (Hb <13 g/dL men, <12 g/dL non-pregnant women)', 'bp': 'ACC/AHA 2017 BP categories'}


def cat_of(scheme, bounds, v, sex=None):
    if scheme == 'hb':
        t = 13 if sex == 'male' else 12
        return ('anemic' if v < t else 'normal'), [t]
    for b, c in bounds:
        if v < b: return c, [x for x, _ in bounds if x < 1e8]
    return None, []


def g_interp(P, label):
    pid = P['patient']['id']; ok = label == 'correct'; sex = P['patient']['gender']
    kind = pick(['bp', 'bp', 'lab', 'lab', 'lab'])
    if kind == 'bp':
        bb = [b for b in bps(P) if age_at(P, b['date']) >= 18]
        if not bb: return None
        b = pick(bb); s, d = b['sys'], b['dia']
        if near_bp(s, d) or not (safe_round(s, 0) and safe_round(d, 0)): return None
        c = bp_cat(s, d)
        cl = c if ok else pick([x for x in BP_TXT if x != c and not (c == 'stage2' and x == 'stage1' and False)])
        phrase = pick(BP_TXT[cl])
        txt, prep, st = dchoice(b['date'], full=True)
        T = pick([f"BP {nf(s,0)}/{nf(d,0)} {prep} {txt} - {phrase}.", f"{txt}: BP {nf(s,0)}/{nf(d,0)} mmHg, {phrase}.", f"Blood pressure of {nf(s,0)}/{nf(d,0)} ({txt}) is {phrase}.",
                  f"{prep.capitalize()} {txt} the reading of {nf(s,0)}/{nf(d,0)} mm Hg was {phrase}."])
        if ' is an ' in T or 'was an' in T: pass
        why = f"BP {s:.1f}/{d:.1f} on {b['date']} -> {c} per ACC/AHA 2017 (normal <120/<80; elevated 120-129/<80; stage 1 130-139 or 80-89; stage 2 >=140 or >=90)" + ("" if ok else f"; text says {cl}")
        return add('interpretation', pid, label, T, [C('observation', b['id'])], why,
                   [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(s, 0), unit='mmHg'), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(d, 0), unit='mmHg'), A('date', ref=b['id'], txt=txt),
                    A('interp', ref=b['id'], scheme='bp', cat=cl, exp=ok)])
    codes = [c for c in SCHEMES if series(P, c)]
    if not codes: return None
    code = pick(codes); scheme, bounds, words = SCHEMES[code]
    cands = series(P, code)
    if scheme == 'bmi': cands = [o for o in cands if age_at(P, o['date']) >= 20]
    if scheme == 'hb': cands = [o for o in cands if age_at(P, o['date']) >= 15]
    if scheme == 'egfr': cands = [o for o in cands if o['disp'] == 'Estimated Glomerular Filtration Rate']
    if not cands: return None
    o = pick(cands); v = o['v']
    c, ths = cat_of(scheme, bounds, v, sex)
    if scheme == 'a1c' and v < 4.0: return None  # implausibly low Synthea values: 'normal' would be misleading
    margin = {'bmi': 0.3, 'a1c': 0.1, 'ldl': 3, 'tc': 4, 'tg': 5, 'hdl': 1.5, 'egfr': 2, 'uacr': 1.5, 'temp': 0.15, 'psa': 0.2, 'lvef': 1, 'hb': 0.3}[scheme]
    if any(abs(v - t) < margin for t in ths): return None
    if ok:
        if c not in words: return None
        cl = c
    else:
        alts = [x for x in words if x != c]
        if c == 'mid': alts = ['low', 'high']
        GOOD = {'ldl': {'optimal', 'near'}, 'tc': {'desirable'}, 'tg': {'normal'}}
        if scheme in GOOD:  # only claim the opposite side: 'high' vs 'borderline high' is too fine for everyday wording
            alts = [x for x in alts if (x in GOOD[scheme]) != (c in GOOD[scheme])]
        cl = pick(alts)
    phrase = pick(words[cl])
    p = choose_prec(code, v)
    if p is None: return None
    vt = nf(v, p); nm = pick(AN[code]['a'] + AN[code]['n'][:1]); u = pick(AN[code]['u']); sp = '' if u == '%' else ' '
    txt, prep, st = dchoice(o['date'])
    if len([x for x in series(P, code) if matches_gran(x['date'], st, txt)]) > 1:
        txt, prep, st = dchoice(o['date'], full=True)
    T = pick([f"{cap(nm)} {vt}{sp}{u} {prep} {txt}, {phrase}.", f"{cap(nm)} of {vt}{sp}{u} ({txt}) is {phrase}.", f"{txt}: {nm} {vt}{sp}{u} - {phrase}."] +
             ([f"{cap(nm)} was {phrase} at {vt}{sp}{u} {prep} {txt}."] if scheme not in ('hb', 'egfr', 'uacr', 'lvef') else []))
    if scheme == 'bmi' and rng.random() < 0.4:
        T = pick([f"BMI {vt} {prep} {txt}: {phrase}.", f"With a BMI of {vt} ({txt}) the patient is {phrase}."])
    if scheme == 'temp':
        T = pick([f"{cap(phrase)} at {vt} °C {prep} {txt}.", f"Temp {vt} C {prep} {txt} - {phrase}.", f"{txt}: T {vt} °C, {phrase}."])
        u = '°C'
    why = f"{o['disp']} {v:.4g} {o['unit']} on {o['date']} -> {c} per {THRESH_NAME[scheme]}" + ("" if ok else f"; text says {cl}")
    return add('interpretation', pid, label, T, [C('observation', o['id'])], why,
               [A('analyte', ref=o['id'], loinc=code), A('val', ref=o['id'], txt=vt, unit=u if u in T else None), A('date', ref=o['id'], txt=txt),
                A('interp', ref=o['id'], scheme=scheme, cat=cl, exp=ok)])


# ==============================================================================================
GENS = {'dates': g_dates, 'abbreviations': g_abbrev, 'drug-names': g_drug, 'units': g_units, 'rounding': g_round, 'trends': g_trend,
        'two-facts': g_two, 'negation': g_neg, 'status': g_status, 'latest': g_latest, 'swapped': g_swap, 'wrong-citation': g_wcite,
        'interpretation': g_interp}
TARGET = {k: 27 for k in GENS}


def run():
    from hand_claims import H
    for h in H:
        a = h.pop('_asserts')
        assert add(h['category'], h['patient'], h['label'], h['text'], h['citations'], h['why'], a), h['text']
    for cat, g in GENS.items():
        for label in ('correct', 'wrong'):
            n = 0; tries = 0
            while n < TARGET[cat] and tries < 6000:
                tries += 1
                # favour patients used least (weighted), with randomness
                order = sorted(PIDS, key=lambda p: PCOUNT[p] / WEIGHT[p] + rng.random() * 3)
                P = PATS[order[0]] if rng.random() < 0.7 else PATS[pick(PIDS)]
                try:
                    r = g(P, label)
                except (ValueError, TypeError, ZeroDivisionError, IndexError, KeyError) as e:
                    raise
                if r:
                    n += 1
            if n < TARGET[cat]:
                print('SHORT', cat, label, n, file=sys.stderr)
    with open(OUT, 'w') as f, open(OUTA, 'w') as g:
        for i, c in enumerate(CLAIMS):
            a = c.pop('_asserts')
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
            g.write(json.dumps(dict(line=i + 1, asserts=a), ensure_ascii=False) + '\n')
    print(len(CLAIMS), 'claims')
    print(collections.Counter((c['category'], c['label']) for c in CLAIMS))
    print(sorted(((PATS[p]['name'], n) for p, n in PCOUNT.items()), key=lambda x: x[1]))


if __name__ == '__main__':
    run()
