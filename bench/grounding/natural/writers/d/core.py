"""Core helpers for the final claims set generator (reads only /work/shared/data/synthea)."""
import json, glob, os, re, random, math, datetime as dt
from collections import defaultdict, Counter

D = '/work/shared/data/synthea'
MON = ['January','February','March','April','May','June','July','August','September','October','November','December']
MON3 = ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec']

LO = {  # loinc -> (short label, abbreviation)
 '8302-2':('height','Ht'), '29463-7':('weight','Wt'), '39156-5':('BMI','BMI'), '55284-4':('blood pressure','BP'),
 '8480-6':('systolic BP','SBP'), '8462-4':('diastolic BP','DBP'), '72514-3':('pain score','pain'), '72166-2':('smoking status','tobacco'),
 '718-7':('hemoglobin','Hgb'), '4544-3':('hematocrit','Hct'), '6690-2':('white cell count','WBC'), '789-8':('red cell count','RBC'),
 '787-2':('MCV','MCV'), '785-6':('MCH','MCH'), '786-4':('MCHC','MCHC'), '21000-5':('RDW','RDW'), '777-3':('platelet count','Plt'),
 '32623-1':('mean platelet volume','MPV'), '32207-3':('platelet distribution width','PDW'),
 '2093-3':('total cholesterol','TC'), '2571-8':('triglycerides','TG'), '18262-6':('LDL cholesterol','LDL'), '2085-9':('HDL cholesterol','HDL'),
 '8331-1':('oral temperature','T'), '2339-0':('glucose','Glu'), '6299-2':('urea nitrogen','BUN'), '38483-4':('creatinine','Cr'),
 '49765-1':('calcium','Ca'), '2947-0':('sodium','Na'), '6298-4':('potassium','K'), '2069-3':('chloride','Cl'), '20565-8':('CO2','CO2'),
 '33914-3':('eGFR','eGFR'), '4548-4':('hemoglobin A1c','HbA1c'), '14959-1':('urine albumin/creatinine ratio','UACR'),
 '1742-6':('ALT','ALT'), '1920-8':('AST','AST'), '6768-6':('alkaline phosphatase','ALP'), '1975-2':('total bilirubin','T bili'),
 '1751-7':('albumin','Alb'), '2857-1':('PSA','PSA'), '10230-1':('LV ejection fraction','LVEF'), '33762-6':('NT-proBNP','NT-proBNP'),
 '72106-8':('MMSE score','MMSE'), '38265-5':('DXA T-score','T-score'),
}

def day(s): return s[:10] if s else None

class Pt:
    pass

def load():
    pts = {}
    for f in sorted(glob.glob(D + '/*.json')):
        b = json.load(open(f))
        R = [e['resource'] for e in b['entry']]
        P = Pt()
        p = next(r for r in R if r['resourceType'] == 'Patient')
        P.file = f; P.id = p['id']; P.first = p['name'][0]['given'][0]; P.last = p['name'][0]['family']
        P.key = os.path.basename(f).split('_')[0] + '_' + os.path.basename(f).split('_')[1]
        P.gender = p['gender']; P.birth = p['birthDate']; P.deceased = day(p.get('deceasedDateTime'))
        P.male = P.gender == 'male'
        P.he = 'he' if P.male else 'she'; P.He = P.he.capitalize(); P.his = 'his' if P.male else 'her'; P.His = P.his.capitalize()
        P.title = ('Mr. ' if P.male else 'Ms. ') + P.last
        P.obs = []; P.conds = []; P.meds = []; P.alls = []; P.encs = []; P.procs = []; P.imms = []; P.reps = []
        for r in R:
            t = r['resourceType']
            if t == 'Observation':
                o = dict(id=r['id'], code=r['code']['coding'][0]['code'], disp=r['code'].get('text') or r['code']['coding'][0]['display'],
                         date=day(r.get('effectiveDateTime')), v=None, unit=None, vstr=None, comps=None)
                if 'valueQuantity' in r: o['v'] = r['valueQuantity']['value']; o['unit'] = r['valueQuantity'].get('unit')
                if 'valueCodeableConcept' in r: o['vstr'] = r['valueCodeableConcept'].get('text') or r['valueCodeableConcept']['coding'][0]['display']
                if 'component' in r:
                    o['comps'] = [dict(code=c['code']['coding'][0]['code'], v=c.get('valueQuantity', {}).get('value'), unit=c.get('valueQuantity', {}).get('unit')) for c in r['component']]
                P.obs.append(o)
            elif t == 'Condition':
                P.conds.append(dict(id=r['id'], name=r['code'].get('text') or r['code']['coding'][0]['display'], status=r['clinicalStatus']['coding'][0]['code'],
                                    date=day(r.get('onsetDateTime')), abate=day(r.get('abatementDateTime'))))
            elif t == 'MedicationRequest':
                mc = r.get('medicationCodeableConcept', {})
                dose = (r.get('dosageInstruction') or [{}])[0]
                rep = dose.get('timing', {}).get('repeat')
                P.meds.append(dict(id=r['id'], name=mc.get('text') or mc['coding'][0]['display'], status=r['status'], date=day(r.get('authoredOn')),
                                   freq=(rep['frequency'], rep['period'], rep['periodUnit']) if rep else None, prn=dose.get('asNeededBoolean')))
            elif t == 'AllergyIntolerance':
                P.alls.append(dict(id=r['id'], name=r['code'].get('text'), status=r['clinicalStatus']['coding'][0]['code'], date=day(r.get('recordedDate'))))
            elif t == 'Encounter':
                P.encs.append(dict(id=r['id'], name=r['type'][0].get('text'), cls=r['class']['code'], date=day(r['period']['start']),
                                   reason=[(x.get('text') or x['coding'][0]['display']) for x in r.get('reasonCode', [])]))
            elif t == 'Procedure':
                P.procs.append(dict(id=r['id'], name=r['code'].get('text'), date=day(r.get('performedPeriod', {}).get('start') or r.get('performedDateTime'))))
            elif t == 'Immunization':
                P.imms.append(dict(id=r['id'], name=r['vaccineCode'].get('text'), code=r['vaccineCode']['coding'][0]['code'], date=day(r.get('occurrenceDateTime'))))
            elif t == 'DiagnosticReport':
                P.reps.append(dict(id=r['id'], name=r['code'].get('text'), date=day(r.get('effectiveDateTime'))))
        pts[P.key] = P
    return pts

PTS = load()

# ---------- observation access
def obs_of(P, code):
    return sorted([o for o in P.obs if o['code'] == code], key=lambda o: o['date'])

def series(P, code):
    """observations of one code, excluding dates with more than one record (ambiguous)."""
    if P.key == 'Thanh_Considine' and code == '33914-3': return []   # two differently-named GFR series share this LOINC
    L = obs_of(P, code)
    c = Counter(o['date'] for o in L)
    return [o for o in L if c[o['date']] == 1]

def latest(P, code):
    L = obs_of(P, code)
    if not L: return None
    last = L[-1]
    if sum(1 for o in L if o['date'] == last['date']) > 1: return None
    return last

def comp(o, code):
    for i, c in enumerate(o['comps'] or []):
        if c['code'] == code: return i, c['v']
    return None, None

def bp(o):
    si, s = comp(o, '8480-6'); di, d = comp(o, '8462-4')
    return si, s, di, d

def age_at(P, d):
    b = dt.date.fromisoformat(P.birth); x = dt.date.fromisoformat(d)
    return x.year - b.year - ((x.month, x.day) < (b.month, b.day))

# ---------- citations and check refs
def cite(kind, rid, comp=None):
    return {"kind": "record", "record": kind, "id": rid + (f"#{comp}" if comp is not None else "")}
def co(o, comp=None): return cite('observation', o['id'], comp)
def cpat(P): return cite('patient', P.id)
def ref(kind, rid, comp=None): return f"{kind}:{rid}" + (f"#{comp}" if comp is not None else "")
def ro(o, comp=None): return ref('observation', o['id'], comp)

# ---------- numbers
def fnum(v, dec):
    s = f"{v:.{dec}f}"
    if s.startswith('-0') and float(s) == 0: s = s[1:]
    return s

def rng_of(s):
    """written numeric string -> (lo, hi) half-unit interval"""
    s = s.replace(',', '')
    dec = len(s.split('.')[1]) if '.' in s else 0
    w = float(s); u = 10 ** -dec
    return [round(w - u / 2 - 1e-9, 10), round(w + u / 2 + 1e-9, 10)]

def chk_val(r, s):
    lo, hi = rng_of(s); return ["val", r, lo, hi]

class Skip(Exception):
    pass

def bad_num(v, dec, rnd, lo_rel=0.07, hi_rel=0.20):
    """a plausible but clearly wrong number at the same precision"""
    for k in range(300):
        if k == 100: lo_rel, hi_rel = 0.15, 0.5
        rel = rnd.uniform(lo_rel, hi_rel) * rnd.choice([-1, 1])
        w = v * (1 + rel)
        s = fnum(w, dec)
        u = 10 ** -dec
        if abs(float(s) - v) >= max(2 * u, 0.05 * abs(v)) and float(s) > 0:
            return s
    raise Skip()

# ---------- dates
def ordn(n):
    return str(n) + ('th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th'))

DAY_STYLES = ['iso', 'us', 'us_nz', 'us2', 'eu', 'dmy', 'dmy_full', 'mdy', 'mdy_full', 'mdy_th', 'the_th', 'eu_dot']
MONTH_STYLES = ['my', 'my_full', 'my_num']

def fdate(d, style):
    """-> (text, gran, value)"""
    y, m, dd = int(d[:4]), int(d[5:7]), int(d[8:10])
    if style == 'iso': return d, 'day', d
    if style == 'us': return f"{m:02d}/{dd:02d}/{y}", 'day', d
    if style == 'us_nz': return f"{m}/{dd}/{y}", 'day', d
    if style == 'us2': return f"{m}/{dd}/{y % 100:02d}", 'day', d
    if style == 'eu':
        assert dd > 12; return f"{dd:02d}/{m:02d}/{y}", 'day', d
    if style == 'eu_dot':
        assert dd > 12; return f"{dd}.{m:02d}.{y}", 'day', d
    if style == 'dmy': return f"{dd} {MON3[m-1]} {y}", 'day', d
    if style == 'dmy_full': return f"{dd} {MON[m-1]} {y}", 'day', d
    if style == 'mdy': return f"{MON3[m-1]} {dd}, {y}", 'day', d
    if style == 'mdy_full': return f"{MON[m-1]} {dd}, {y}", 'day', d
    if style == 'mdy_th': return f"{MON[m-1]} {ordn(dd)} {y}", 'day', d
    if style == 'the_th': return f"the {ordn(dd)} of {MON[m-1]} {y}", 'day', d
    if style == 'my': return f"{MON3[m-1]} {y}", 'month', d[:7]
    if style == 'my_full': return f"{MON[m-1]} {y}", 'month', d[:7]
    if style == 'my_num': return f"{m:02d}/{y}", 'month', d[:7]
    if style == 'y': return f"{y}", 'year', d[:4]
    if style == 'part':
        if m <= 3: return f"early {y}", 'period', [f"{y}-01-01", f"{y}-04-30"]
        if 6 <= m <= 7: return f"mid-{y}", 'period', [f"{y}-05-01", f"{y}-08-31"]
        if m >= 10: return f"late {y}", 'period', [f"{y}-09-01", f"{y}-12-31"]
        return None
    raise ValueError(style)

def ok_style(d, style):
    dd = int(d[8:10]); m = int(d[5:7])
    if style in ('eu', 'eu_dot') and dd <= 12: return False
    if style == 'part' and m in (4, 5, 8, 9): return False
    return True

def pick_style(d, rnd, pool=None):
    pool = pool or (DAY_STYLES + MONTH_STYLES + ['y'])
    for _ in range(50):
        s = rnd.choice(pool)
        if ok_style(d, s): return s
    return 'iso'

def shift_date(d, kind, rnd):
    y, m, dd = int(d[:4]), int(d[5:7]), int(d[8:10])
    x = dt.date(y, m, dd)
    if kind == 'day':
        return (x + dt.timedelta(days=rnd.choice([-1, 1]))).isoformat()
    if kind == 'month':
        if dd > 28: return shift_date(d, 'year', rnd)
        nm = m + rnd.choice([-1, 1])
        ny = y
        if nm == 0: nm = 12; ny -= 1
        if nm == 13: nm = 1; ny += 1
        return dt.date(ny, nm, dd).isoformat()
    if kind == 'year':
        ny = y + rnd.choice([-1, 1])
        return dt.date(ny, m, min(dd, 28) if m == 2 else dd).isoformat()
    if kind == 'dm':
        assert dd <= 12 and dd != m
        return dt.date(y, dd, m).isoformat()
    raise ValueError(kind)

def chk_date(r, gran, val, field='date'):
    return ["date", r, gran, val, field]

# ---------- claim container
CLAIMS = []
USED = Counter()

def add(P, cat, label, text, cites, checks, why, pat):
    CLAIMS.append(dict(patient=P.id, text=text, citations=cites, label=label, category=cat, why=why, _checks=checks, _pat=pat, _pkey=P.key))
