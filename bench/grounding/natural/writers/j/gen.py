#!/usr/bin/env python3
"""Generator for the j-heldout claim set (seeded). Writes claims.jsonl and checks.jsonl
(checks.jsonl: the structured facts each claim asserts, re-evaluated by validate.py)."""
import json, random, datetime, collections, math
import facts

SEED = 20261207
R = random.Random(SEED)
PTS = facts.load()
OUT = '/work/notes/evalsets/j-heldout/'
N = 27
MON = ['January','February','March','April','May','June','July','August','September','October','November','December']

def ordsuf(d):
    return 'th' if 11 <= d <= 13 else {1:'st',2:'nd',3:'rd'}.get(d % 10, 'th')

def fdate(iso, style=None):
    """render a YYYY-MM-DD date; returns (text, granularity)"""
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    styles = ['iso','us','dmy_txt','mdy_txt','long','the','us'] + (['intl'] if d > 12 else [])
    s = style or R.choice(styles)
    if s == 'iso': return iso, 'd'
    if s == 'us': return '%02d/%02d/%d' % (m, d, y), 'd'
    if s == 'intl': return '%02d/%02d/%d' % (d, m, y), 'd'
    if s == 'dmy_txt': return '%d %s %d' % (d, MON[m-1][:3], y), 'd'
    if s == 'mdy_txt': return '%s %d, %d' % (MON[m-1][:3], d, y), 'd'
    if s == 'long': return '%s %d%s %d' % (MON[m-1], d, ordsuf(d), y), 'd'
    if s == 'the': return 'the %d%s of %s %d' % (d, ordsuf(d), MON[m-1], y), 'd'
    if s == 'month': return R.choice(['%s %d' % (MON[m-1][:3], y), '%s %d' % (MON[m-1], y)]), 'm'
    if s == 'year': return str(y), 'y'
    raise ValueError(s)

def shift(iso, kind):
    dt = datetime.date(int(iso[:4]), int(iso[5:7]), int(iso[8:10]))
    if kind == 'day': dt = dt + datetime.timedelta(days=R.choice([-1, 1]))
    elif kind == 'month':
        m = dt.month + R.choice([-1, 1]); y = dt.year
        if m == 0: m, y = 12, y - 1
        if m == 13: m, y = 1, y + 1
        dt = dt.replace(year=y, month=m, day=min(dt.day, 28))
    elif kind == 'year':
        dt = dt.replace(year=dt.year + R.choice([-1, 1]), day=min(dt.day, 28))
    return dt.isoformat()

def fv(v, dec):
    return ('%.' + str(dec) + 'f') % v

def safe_round(v, dec):
    """True when v is not within 8% of a rounding boundary at dec decimals"""
    x = v * 10 ** dec
    fr = x - math.floor(x)
    return abs(fr - 0.5) > 0.08

# ---------------------------------------------------------------- patient model
class P: pass
def build(pid, p):
    o = P(); o.pid = pid; o.name = p['name']; pat = p['patient']
    o.birth = pat['birthDate']; o.dead = pat.get('deceasedDateTime')
    o.obs = collections.defaultdict(list); o.bp = []; o.conds = []; o.meds = []; o.encs = []
    o.imms = []; o.smoke = []; o.allergies = []; o.procs = []
    for r in p['res']:
        t = r['resourceType']
        if t == 'Observation':
            c = facts.code(r['code']); d = r['effectiveDateTime'][:10]
            if 'valueQuantity' in r:
                o.obs[c].append(dict(id=r['id'], date=d, v=r['valueQuantity']['value'], unit=r['valueQuantity'].get('unit')))
            elif 'component' in r and c == '55284-4':
                s = di = None
                for i, comp in enumerate(r['component']):
                    cc = facts.code(comp['code'])
                    if cc == '8480-6': s = (i, comp['valueQuantity']['value'])
                    if cc == '8462-4': di = (i, comp['valueQuantity']['value'])
                o.bp.append(dict(id=r['id'], date=d, sys=s, dia=di))
            elif c == '72166-2':
                o.smoke.append(dict(id=r['id'], date=d, v=facts.disp(r['valueCodeableConcept'])))
        elif t == 'Condition':
            o.conds.append(dict(id=r['id'], name=facts.disp(r['code']), status=r['clinicalStatus']['coding'][0]['code'],
                                date=r['onsetDateTime'][:10], abate=r.get('abatementDateTime', '')[:10]))
        elif t == 'MedicationRequest':
            o.meds.append(dict(id=r['id'], name=facts.disp(r['medicationCodeableConcept']), status=r['status'], date=r['authoredOn'][:10]))
        elif t == 'Encounter':
            o.encs.append(dict(id=r['id'], date=r['period']['start'][:10], name=facts.disp(r['type'][0])))
        elif t == 'Immunization':
            o.imms.append(dict(id=r['id'], date=r['occurrenceDateTime'][:10], name=facts.disp(r['vaccineCode'])))
        elif t == 'AllergyIntolerance':
            o.allergies.append(dict(id=r['id'], name=facts.disp(r['code'])))
        elif t == 'Procedure':
            o.procs.append(dict(id=r['id'], date=r['performedPeriod']['start'][:10], name=facts.disp(r['code'])))
    for k in o.obs: o.obs[k].sort(key=lambda x: x['date'])
    o.bp.sort(key=lambda x: x['date'])
    o.smoke.sort(key=lambda x: x['date'])
    o.encs.sort(key=lambda x: x['date'])
    return o

PL = [build(pid, p) for pid, p in PTS.items()]
BIG = [p for p in PL if p.name in ('Vito_Feeney', 'Evelyn_McCullough')]

def age_at(p, iso):
    b = p.birth
    return int(iso[:4]) - int(b[:4]) - ((iso[5:] < b[5:]))

# ------------------------------------------------------------- analyte table
# loinc: (names, unit spellings for the record unit, decimals)
AN = {
 '2093-3': (['total cholesterol', 'TC', 'Chol', 'total chol'], ['mg/dL', 'mg/dl'], 0),
 '2571-8': (['TG', 'triglycerides', 'trigs'], ['mg/dL', 'mg/dl'], 0),
 '18262-6': (['LDL', 'LDL-C', 'LDL cholesterol'], ['mg/dL', 'mg/dl'], 0),
 '2085-9': (['HDL', 'HDL-C', 'HDL cholesterol'], ['mg/dL', 'mg/dl'], 0),
 '2339-0': (['glucose', 'Glu', 'blood glucose', 'serum glucose'], ['mg/dL', 'mg/dl'], 0),
 '6299-2': (['BUN', 'urea nitrogen'], ['mg/dL', 'mg/dl'], 0),
 '38483-4': (['Cr', 'creatinine', 'serum creatinine'], ['mg/dL', 'mg/dl'], 2),
 '49765-1': (['Ca', 'calcium'], ['mg/dL', 'mg/dl'], 1),
 '2947-0': (['Na', 'sodium'], ['mmol/L', 'mEq/L', 'mmol/l'], 0),
 '6298-4': (['K', 'potassium', 'K+'], ['mmol/L', 'mEq/L', 'mmol/l'], 1),
 '2069-3': (['Cl', 'chloride'], ['mmol/L', 'mEq/L'], 0),
 '20565-8': (['CO2', 'total CO2'], ['mmol/L', 'mEq/L'], 0),
 '4548-4': (['HbA1c', 'A1c', 'haemoglobin A1c', 'hemoglobin A1c', 'HbA1C'], ['%'], 1),
 '33914-3': (['eGFR', 'estimated GFR'], ['mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m2'], 0),
 '14959-1': (['urine albumin/creatinine ratio', 'UACR', 'microalbumin/creatinine ratio'], ['mg/g'], 1),
 '6690-2': (['WBC', 'white cell count', 'leukocyte count', 'white count'], ['x10^3/uL', 'K/uL', '10*3/uL', 'x10^9/L'], 1),
 '718-7': (['Hb', 'Hgb', 'haemoglobin', 'hemoglobin'], ['g/dL', 'g/dl'], 1),
 '4544-3': (['Hct', 'haematocrit', 'hematocrit'], ['%'], 1),
 '777-3': (['Plt', 'platelets', 'platelet count', 'PLT'], ['x10^3/uL', 'K/uL', 'x10^9/L'], 0),
 '787-2': (['MCV', 'mean corpuscular volume'], ['fL', 'fl'], 1),
 '8302-2': (['height', 'Ht'], ['cm'], 1),
 '29463-7': (['weight', 'Wt', 'body weight'], ['kg'], 1),
 '39156-5': (['BMI', 'body mass index'], ['kg/m2', 'kg/m²', 'kg/m^2'], 1),
 '8331-1': (['temperature', 'T', 'oral temp', 'temp'], ['°C', 'C', 'deg C', 'degrees Celsius'], 1),
 '2857-1': (['PSA', 'prostate-specific antigen'], ['ng/mL', 'ng/ml'], 1),
}
LABS = [l for l in AN if l not in ('8302-2', '29463-7', '39156-5', '8331-1')]

def nm(l, abbrev=None):
    names = AN[l][0]
    if abbrev is True: return names[0] if len(names[0]) <= 6 else names[1]
    return R.choice(names)

def un(l): return R.choice(AN[l][1])

def pick_obs(p, loincs=None, need_safe=True, dec=None):
    cand = []
    for l in (loincs or list(AN)):
        for o in p.obs.get(l, []):
            d = AN[l][2] if dec is None else dec
            if not need_safe or safe_round(o['v'], d): cand.append((l, o))
    return R.choice(cand) if cand else None

def vfact(rec, l, val, dec, unit='same', txt=None):
    return dict(t='val', rec=rec, loinc=l, v=round(val, dec), dec=dec, unit=unit, txt=txt if txt is not None else fv(val, dec))

def dfact(kind, rec, iso, g, txt):
    return dict(t='date', kind=kind, rec=rec, d=iso, g=g, txt=txt)

def cite(kind, rid): return {'kind': 'record', 'record': kind, 'id': rid}
def cpat(p): return {'kind': 'record', 'record': 'patient', 'id': p.pid}

CLAIMS = []
import re as _re
_MONRX = '(?:%s)' % '|'.join(m[:3] + '[a-z]*' for m in MON)
def fix_prep(text):
    text = _re.sub(r'\bon (%s \d{4})(?!\d)' % _MONRX, r'in \1', text)
    text = _re.sub(r'\bOn (%s \d{4})(?!\d)' % _MONRX, r'In \1', text)
    text = _re.sub(r'\bon (\d{4})(?![-\d/])', r'in \1', text)
    text = _re.sub(r'\bOn (\d{4})(?![-\d/])', r'In \1', text)
    text = _re.sub(r' +', ' ', text).replace(' ,', ',').replace(' )', ')').replace(' .', '.').strip()
    if text.startswith('EGFR'): text = 'eGFR' + text[4:]
    for a, b in (('No an ', 'No '), ('No a ', 'No '), ('no an ', 'no '), ('no a ', 'no '), ('Any an ', 'Any '), ('Any a ', 'Any '), ('Any any ', 'Any ')):
        text = text.replace(a, b)
    return text
def add(p, text, cits, label, cat, why, fl):
    text = fix_prep(text)
    CLAIMS.append(dict(claim=dict(patient=p.pid, text=text, citations=cits, label=label, category=cat, why=why), facts=fl))

def wrongval(v, dec, lo=0.12, hi=0.3):
    for _ in range(50):
        f = 1 + R.choice([-1, 1]) * R.uniform(lo, hi)
        w = round(v * f, dec)
        if abs(w - v) > max(abs(v) * lo * 0.9, 3 * 10 ** -dec) and w > 0: return w
    return round(v * 1.25, dec) + 10 ** -dec * 3

def patient_cycle():
    order = PL[:] + BIG * 2
    while True:
        R.shuffle(order)
        for p in order: yield p

PC = patient_cycle()
# ------------------------------------------------------------- helpers for BP
def bp_ok(b):
    return b['sys'] and b['dia'] and safe_round(b['sys'][1], 0) and safe_round(b['dia'][1], 0)

def bp_txt(b): return '%d/%d' % (round(b['sys'][1]), round(b['dia'][1]))

def bp_facts(b, s=None, d=None):
    s = round(b['sys'][1]) if s is None else s
    d = round(b['dia'][1]) if d is None else d
    return [dict(t='val', rec='%s#%d' % (b['id'], b['sys'][0]), loinc='8480-6', v=s, dec=0, unit='same', txt=str(s)),
            dict(t='val', rec='%s#%d' % (b['id'], b['dia'][0]), loinc='8462-4', v=d, dec=0, unit='same', txt=str(d))]
MMHG = ['mmHg', 'mm Hg', 'mm[Hg]', 'mmHg', '']

exec(open(OUT + 'gen_cats.py').read())

if __name__ == '__main__':
    run_all()
    # checks / output
    with open(OUT + 'claims.jsonl', 'w') as f, open(OUT + 'checks.jsonl', 'w') as g:
        for i, c in enumerate(CLAIMS):
            f.write(json.dumps(c['claim'], ensure_ascii=False) + '\n')
            g.write(json.dumps(dict(i=i, facts=c['facts']), ensure_ascii=False) + '\n')
    cnt = collections.Counter((c['claim']['category'], c['claim']['label']) for c in CLAIMS)
    for k in sorted(cnt): print(k, cnt[k])
    print('patients', len(set(c['claim']['patient'] for c in CLAIMS)), 'total', len(CLAIMS))
