# Generates claims.jsonl (+ claims_checks.jsonl: machine-checkable assertions per claim, same order).
# Every fact written into a sentence is registered as an assertion whose literal surface string must
# appear in the text; validate.py re-reads the raw bundles and re-derives each label independently.
import json, random, math, sys
from facts import load
import re
from vocab import ANALYTES, DRUGS, CONCEPTS, ABSENT, STRICT, ENC_NAMES, concept_fits

R = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
PTS = load()
MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']


def ordn(d):
    return str(d) + ('th' if 11 <= d % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th'))


def ymd(iso):
    return tuple(int(x) for x in iso.split('-'))


DAY_STYLES = ['iso', 'dmy', 'mdy', 'full', 'fullc', 'the', 'dmyf', 'dash', 'us', 'eu', 'iso', 'dmy', 'mdy']
COARSE = ['mon', 'monfull', 'year', 'part']


def dstr(iso, level='day', style=None):
    y, m, d = ymd(iso)
    if style is None:
        pool = DAY_STYLES[:] if level == 'day' else (DAY_STYLES + ['mon', 'monfull'] if level == 'month' else DAY_STYLES + COARSE)
        if d <= 12 and d != m:
            pool = [p for p in pool if p not in ('us', 'eu')]
        elif d <= 12:
            pool = [p for p in pool if p != 'eu']
        style = R.choice(pool)
    M = MON[m - 1]
    return {
        'iso': f'{y}-{m:02d}-{d:02d}', 'dmy': f'{d} {M[:3]} {y}', 'mdy': f'{M[:3]} {d}, {y}', 'full': f'{M} {ordn(d)} {y}',
        'fullc': f'{M} {d}, {y}', 'the': f'the {ordn(d)} of {M} {y}', 'dmyf': f'{d} {M} {y}', 'dash': f'{d:02d}-{M[:3]}-{y}',
        'us': f'{m:02d}/{d:02d}/{y}', 'eu': f'{d:02d}/{m:02d}/{y}', 'mon': f'{M[:3]} {y}', 'monfull': f'{M} {y}', 'year': f'{y}',
        'part': ('early ' if m <= 4 else 'mid-' if m <= 8 else 'late ') + str(y),
    }[style]


def valid(y, m, d):
    import datetime
    try:
        datetime.date(y, m, d); return True
    except ValueError:
        return False


def wrong_date(iso, kind=None):
    """returns (wrong_iso, description, level at which it must be rendered)"""
    y, m, d = ymd(iso)
    kinds = ['day', 'month', 'year', 'year']
    if d <= 12 and d != m:
        kinds.append('dm')
    kind = kind or R.choice(kinds)
    if kind == 'day':
        nd = d + R.choice([-1, 1]) if 1 < d < 28 else (d - 1 if d > 1 else 2)
        return f'{y}-{m:02d}-{nd:02d}', 'off by one day', 'day'
    if kind == 'month':
        nm = m + R.choice([-1, 1]) if 1 < m < 12 else (2 if m == 1 else 11)
        if not valid(y, nm, d):
            return wrong_date(iso, 'year')
        return f'{y}-{nm:02d}-{d:02d}', 'off by one month', R.choice(['day', 'month'])
    if kind == 'year':
        ny = y + R.choice([-1, 1, -2, 1])
        if not valid(ny, m, d):
            ny = y + 1 if valid(y + 1, m, d) else y + 4
        return f'{ny}-{m:02d}-{d:02d}', 'wrong year', 'any'
    return f'{y}-{d:02d}-{m:02d}', 'day and month swapped', 'dmname'


def render_wrong_date(iso, kind=None):
    w, why, lvl = wrong_date(iso, kind)
    if lvl == 'dmname':
        return dstr(w, style=R.choice(['dmy', 'mdy', 'full', 'fullc', 'the', 'dmyf'])), why, w
    return dstr(w, level=lvl), why, w


def fnum(x, dec):
    s = f'{x:.{dec}f}'
    return '0' if s in ('-0', '-0.0') else s


def safe_dec(x, dec):
    """choose decimals so that x is not on a rounding knife-edge"""
    for dd in (dec, dec + 1, dec + 2):
        f = abs(x) * 10 ** dd
        if abs((f - math.floor(f)) - 0.5) > 0.04:
            return dd
    return dec + 1


def coarse_ok(w, x, dec):
    """True when integer w could be read as a coarser rounding of x (e.g. 120 for 115.8)"""
    if dec != 0:
        return False
    w = int(round(w))
    return (w % 10 == 0 and abs(w - x) <= 5) or (w % 5 == 0 and abs(w - x) <= 2.5)


def wrong_num(x, dec, strong=True):
    u = 10 ** -dec
    for _ in range(50):
        mode = R.choice(['pct', 'pct', 'units', 'digits'])
        if mode == 'pct':
            w = x * R.choice([R.uniform(0.72, 0.88), R.uniform(1.12, 1.35)])
        elif mode == 'units':
            w = x + R.choice([-1, 1]) * R.randint(3, 12) * u * (10 if dec == 0 and abs(x) > 60 else 1)
        else:
            s = fnum(x, dec).replace('.', '')
            if len(s) < 2 or s[-1] == s[-2]:
                continue
            s = s[:-2] + s[-1] + s[-2]
            w = int(s) * u
        w = float(fnum(w, dec))
        if w <= 0:
            continue
        diff = abs(w - x)
        if diff >= max(2 * u, 0.06 * abs(x)) and fnum(w, dec) != fnum(x, dec) and not coarse_ok(w, x, dec):
            return w
    return x * 1.3


def wrong_round(x, dec):
    u = 10 ** -dec
    for k in (3, 4, 5, 6, 8, 10, 15, 20):
        for sgn in R.sample([-1, 1], 2):
            w = round(x, dec) + sgn * k * u
            if w > 0 and abs(w - x) >= 3 * u and abs(w - x) >= 0.04 * abs(x) and not coarse_ok(w, x, dec):
                return w
    return x * 1.2


class C:
    def __init__(s, P):
        s.P = P; s.cites = []; s.a = []

    def ci(s, kind, rid):
        c = {'kind': 'record', 'record': kind, 'id': rid}
        if c not in s.cites:
            s.cites.append(c)
        return s.cites.index(c)

    def pat(s):
        return s.ci('patient', s.P['id'])

    def add(self, **kw):
        self.a.append(kw)

    def out(s, text, label, cat, why):
        text = re.sub(r'\b([Oo])n (?=(?:[A-Z][a-z]+ \d{4}\b|\d{4}\b(?![-/])|early |mid-|late ))', lambda m: 'In ' if m[1] == 'O' else 'in ', text)
        text = re.sub(r'\bin (?=\d{4}-\d\d-\d\d|the \d|\d{1,2} [A-Z]|\d\d/|\d\d-[A-Z]|[A-Z][a-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4})', 'on ', text)
        text = re.sub(r'(?<=[a-z,;:)] )(The patient|Patient)\b', 'the patient', text)
        text = text.replace('  ', ' ').replace(' .', '.')
        text = re.sub(r'\b(visit|check-up|checkup) (visit|encounter)\b', r'\1', text)
        text = re.sub(r'\b(outpatient procedure|follow-up|consultation|prenatal|office|inpatient|emergency) encounter\b', r'\1 visit', text)
        text = text[0].upper() + text[1:]
        tl = text.lower()
        for k in s.a:
            if k.get('u') and k['u'].lower() not in tl:
                k['u'] = ''
        s.a = [k for k in s.a if not (k['t'] == 'date' and k['s'].lower() not in tl)]
        return dict(patient=s.P['id'], text=text, citations=s.cites, label=label, category=cat, why=why), s.a


def poss(S):
    return {'He': 'His', 'She': 'Her'}.get(S, S + "'s")


def drawn(code):
    return R.choice(['recorded', 'measured', 'documented']) if code in ('8302-2', '29463-7', '39156-5', '8331-1', '72514-3') else R.choice(['drawn', 'collected', 'resulted'])


def cap(t):
    return t[0].upper() + t[1:] if t else t


def subj(P, pron=True):
    he = 'He' if P['gender'] == 'male' else 'She'
    opts = [P['first'], 'Pt', 'The patient', 'Patient', P['first'] + ' ' + P['last'], 'Mr. ' + P['last'] if P['gender'] == 'male' else 'Ms. ' + P['last']]
    if pron:
        opts.append(he)
    return R.choice(opts)


def age_at(P, iso):
    by, bm, bd = ymd(P['birth']); y, m, d = ymd(iso)
    return y - by - ((m, d) < (bm, bd))


# ------------- analyte helpers
DEC = {'8302-2': 0, '29463-7': 1, '39156-5': 1, '2093-3': 0, '2571-8': 0, '18262-6': 0, '2085-9': 0, '2339-0': 0, '6299-2': 0,
       '38483-4': 2, '49765-1': 1, '2947-0': 0, '6298-4': 1, '2069-3': 0, '20565-8': 0, '4548-4': 1, '33914-3': 0, '14959-1': 1,
       '6690-2': 1, '789-8': 2, '718-7': 1, '4544-3': 1, '787-2': 0, '785-6': 1, '786-4': 1, '777-3': 0, '8331-1': 1, '2857-1': 1,
       '1742-6': 0, '1920-8': 0, '6768-6': 0, '1751-7': 1, '1975-2': 1, '10230-1': 0, '33762-6': 0, '21000-5': 1, '32623-1': 1}
UNIT_SURF = {  # record-unit spellings (no conversion)
    '8302-2': ['cm'], '29463-7': ['kg', 'kg', 'kilograms'], '39156-5': ['kg/m2', 'kg/m²', ''], '2857-1': ['ng/mL'],
    '4548-4': ['%'], '33914-3': ['mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m2'], '14959-1': ['mg/g'],
    '6690-2': ['x10^3/uL', 'K/uL', 'x10^9/L', '10^9/L'], '777-3': ['x10^3/uL', 'K/uL', 'x10^9/L', '10^9/L'],
    '789-8': ['x10^6/uL', 'M/uL', 'x10^12/L'], '718-7': ['g/dL', 'g/dl'], '786-4': ['g/dL'], '4544-3': ['%'], '787-2': ['fL'],
    '785-6': ['pg'], '8331-1': ['°C', 'C', 'deg C', '°C'], '1742-6': ['U/L', 'IU/L'], '1920-8': ['U/L'], '6768-6': ['U/L'],
    '1751-7': ['g/dL'], '1975-2': ['mg/dL'], '21000-5': ['fL'], '32623-1': ['fL'], '10230-1': ['%'], '33762-6': ['pg/mL'],
    '2947-0': ['mmol/L', 'mEq/L'], '6298-4': ['mmol/L', 'mEq/L'], '2069-3': ['mmol/L', 'mEq/L'], '20565-8': ['mmol/L', 'mEq/L'],
}
for c in ('2093-3', '2571-8', '18262-6', '2085-9', '2339-0', '6299-2', '38483-4', '49765-1'):
    UNIT_SURF[c] = ['mg/dL', 'mg/dL', 'mg/dl']
CONV = {  # converted unit surfaces: (unit, fn, dec)
    '8302-2': [('in', lambda v: v / 2.54, 0), ('m', lambda v: v / 100, 2), ('inches', lambda v: v / 2.54, 1)],
    '29463-7': [('lb', lambda v: v * 2.20462, 0), ('lbs', lambda v: v * 2.20462, 1), ('pounds', lambda v: v * 2.20462, 0)],
    '2093-3': [('mmol/L', lambda v: v / 38.67, 1)], '18262-6': [('mmol/L', lambda v: v / 38.67, 1)],
    '2085-9': [('mmol/L', lambda v: v / 38.67, 2)], '2571-8': [('mmol/L', lambda v: v / 88.57, 1)],
    '2339-0': [('mmol/L', lambda v: v / 18.0, 1)], '38483-4': [('µmol/L', lambda v: v * 88.4, 0), ('umol/L', lambda v: v * 88.4, 0)],
    '49765-1': [('mmol/L', lambda v: v / 4.008, 2)], '4548-4': [('mmol/mol', lambda v: 10.929 * (v - 2.15), 0)],
    '718-7': [('g/L', lambda v: v * 10, 0)], '8331-1': [('°F', lambda v: v * 9 / 5 + 32, 1), ('F', lambda v: v * 9 / 5 + 32, 1),
                                                    ('degrees Fahrenheit', lambda v: v * 9 / 5 + 32, 1)],
    '33914-3': [('mL/s/1.73m2', lambda v: v / 60, 2)], '14959-1': [('mg/mmol', lambda v: v / 8.84, 1)],
    '1975-2': [('µmol/L', lambda v: v * 17.1, 0)], '1751-7': [('g/L', lambda v: v * 10, 0)],
}
WRONG_UNIT = {  # record number written with a unit that does not fit it
    '8331-1': ['°F', 'F', 'deg F'], '2339-0': ['mmol/L'], '2093-3': ['mmol/L'], '18262-6': ['mmol/L'], '2571-8': ['mmol/L'],
    '38483-4': ['µmol/L', 'mmol/L'], '718-7': ['g/L', 'mg/dL'], '29463-7': ['lb', 'lbs'], '8302-2': ['in', 'inches', 'mm'],
    '33914-3': ['mL/s', 'mL/s/1.73m2'], '4548-4': ['mmol/mol', 'mg/dL'], '6298-4': ['mg/dL'], '2947-0': ['mg/dL'],
    '49765-1': ['mmol/L'], '14959-1': ['mg/mmol'], '1751-7': ['g/L'],
}
COMMON = ['29463-7', '39156-5', '8302-2', '2093-3', '2571-8', '18262-6', '2085-9', '2339-0', '6299-2', '38483-4', '49765-1',
          '2947-0', '6298-4', '2069-3', '20565-8', '4548-4', '33914-3', '14959-1', '6690-2', '718-7', '4544-3', '777-3', '787-2',
          '8331-1', '2857-1', '789-8', '1742-6', '1920-8', '1751-7']


def codes_for(P, pool=None, need=1):
    pool = pool or COMMON
    return [c for c in pool if len(P['obs'].get(c, [])) >= need]


def aname(code):
    ns = ANALYTES[code]
    return R.choice(ns[:3] if len(ns) >= 3 else ns)


def num_surface(o, conv=False):
    """returns (value string, unit string) for observation o"""
    code = o['code']
    if conv and code in CONV:
        u, f, dec = R.choice(CONV[code])
        x = f(o['v'])
        dec = safe_dec(x, dec)
        return fnum(x, dec), u, x, dec
    dec = safe_dec(o['v'], DEC.get(code, 1))
    return fnum(o['v'], dec), R.choice(UNIT_SURF.get(code, [''])), o['v'], dec


def vu(v, u):
    if not u:
        return v
    if u in ('%', '°C', '°F') or (u.startswith('x10') and R.random() < 0.5):
        return v + u
    if u in ('C', 'F'):
        return v + R.choice([' ', '']) + u
    return v + ' ' + u


def date_of(kind, r):
    return r.get('date') or r.get('onset')


OUT = []


def emit(res):
    if res:
        OUT.append(res)
        return True
    return False


def pick(lst):
    return R.choice(lst) if lst else None


# =============== category: dates
def cat_dates(P, wrong):
    c = C(P)
    shapes = []
    if P['conds']: shapes += ['cond', 'cond']
    if P['meds']: shapes += ['med']
    if P['imms']: shapes += ['imm']
    if P['procs']: shapes += ['proc']
    if P['encs']: shapes += ['enc']
    if codes_for(P): shapes += ['obs', 'obs']
    if P['allergies']: shapes += ['allergy'] * 4
    if any(rep_name(x['disp']) for x in P['reports']): shapes += ['report']
    sh = R.choice(shapes)
    nm = None
    if sh == 'cond':
        r = R.choice(P['conds']); iso = r['onset']; kind = 'condition'; fld = 'onset'
        nm = concept_name(r['disp'])
    elif sh == 'med':
        r = R.choice(P['meds']); iso = r['date']; kind = 'medication'; fld = 'date'; nm = drug_name(r['disp'])
    elif sh == 'imm':
        r = R.choice(P['imms']); iso = r['date']; kind = 'immunization'; fld = 'date'; nm = concept_name(r['disp'])
    elif sh == 'proc':
        pr = [x for x in P['procs'] if 'Documentation' not in x['disp']]
        if not pr:
            return None
        r = R.choice(pr); iso = r['date']; kind = 'procedure'; fld = 'date'
        nm = concept_name(r['disp'])
    elif sh == 'enc':
        r = R.choice(P['encs']); iso = r['date']; kind = 'encounter'; fld = 'date'; nm = concept_name(r['disp'])
    elif sh == 'allergy':
        r = R.choice(P['allergies']); iso = r['date']; kind = 'allergy'; fld = 'date'; nm = concept_name(r['disp'])
    elif sh == 'report':
        r = R.choice([x for x in P['reports'] if rep_name(x['disp'])]); iso = r['date']; kind = 'diagnostic-report'; fld = 'date'
        nm = rep_name(r['disp'])
    else:
        code = R.choice(codes_for(P)); r = R.choice(P['obs'][code]); iso = r['date']; kind = 'observation'; fld = 'date'
    if nm is None and sh != 'obs':
        return None
    i = c.ci(kind, r['id'])
    if wrong:
        ds, wwhy, _ = render_wrong_date(iso)
        why = f'record date is {iso}; text says {ds} ({wwhy})'
    else:
        ds = dstr(iso, level='any' if R.random() < 0.3 else 'day')
        why = f'{kind} {r["id"][:8]} date {iso}'
    c.add(t='date', c=i, s=ds, f=fld)
    S = subj(P)
    if sh == 'obs':
        v, u, _, _ = num_surface(r)
        n = aname(code)
        c.add(t='num', c=i, name=n, v=v, u=u)
        why += f'; value {r["v"]:.3g} {r["unit"]}' if not wrong else ''
        t = R.choice([f'{n} {vu(v, u)} on {ds}.', f'On {ds}, {n} was {vu(v, u)}.', f'{ds}: {n} {vu(v, u)}',
                      f'{S} had a {n} of {vu(v, u)} recorded {ds}.', f'{cap(n)} measured at {vu(v, u)} ({ds}).',
                      f'Labs/vitals dated {ds} show {n} {vu(v, u)}.', f'{n} = {vu(v, u)} [{ds}]'])
    else:
        c.add(t='concept', c=i, s=nm)
        if sh == 'cond':
            t = R.choice([f'{cap(nm)} diagnosed {on(ds)}.', f'{S} was diagnosed with {nm} {on(ds)}.', f'Onset of {nm}: {ds}.',
                          f'Dx {nm} ({ds}).', f'{cap(nm)} first documented {on(ds)}.', f'{S} developed {nm} {on(ds)}.',
                          f'Problem list: {nm}, onset {ds}.', f'{cap(nm)} noted {on(ds)}.'])
        elif sh == 'med':
            t = R.choice([f'{cap(nm)} was prescribed {on(ds)}.', f'Started on {nm} {on(ds)}.', f'Rx: {nm}, written {ds}.',
                          f'{S} was given a prescription for {nm} {on(ds)}.', f'{cap(nm)} ordered {ds}.',
                          f'{nm} commenced {on(ds)}.'])
        elif sh == 'imm':
            t = R.choice([f'{cap(nm)} given {on(ds)}.', f'{S} received the {nm} {on(ds)}.', f'Immunization: {nm}, {ds}.',
                          f'{cap(nm)} administered {on(ds)}.', f'Vaccinated ({nm}) {on(ds)}.'])
        elif sh == 'allergy':
            t = R.choice([f'{cap(nm)} allergy recorded {on(ds)}.', f'Allergy to {nm} documented {on(ds)}.', f'{S} has a {nm} allergy, first recorded {on(ds)}.',
                          f'Allergies: {nm} (entered {ds}).'])
        elif sh == 'report':
            t = R.choice([f'{nm} drawn {on(ds)}.', f'{S} had a {nm} {on(ds)}.', f'{nm} resulted {on(ds)}.', f'Last {nm}? One was done {on(ds)}.' if False else f'A {nm} was performed {on(ds)}.'])
        elif sh == 'proc':
            t = R.choice([f'{cap(nm)} performed {on(ds)}.', f'{S} underwent {nm} {on(ds)}.', f'{cap(nm)} done {ds}.',
                          f'Procedure: {nm} ({ds}).'])
        else:
            t = R.choice([f'{S} was seen for a {nm} visit {on(ds)}.', f'{cap(nm)} encounter {on(ds)}.', f'Had an {nm} visit {on(ds)}.' if nm[0] in 'aeiou' else f'Had a {nm} visit {on(ds)}.',
                          f'Visit ({nm}) dated {ds}.'])
    return c.out(t, 'wrong' if wrong else 'correct', 'dates', why)


def on(ds):
    if ds[0].isdigit() and len(ds) == 4:
        return 'in ' + ds
    if ds.startswith(('early', 'mid', 'late')):
        return 'in ' + ds
    if ds.startswith('the'):
        return 'on ' + ds
    if ds[:3] in [m[:3] for m in MON] and ',' not in ds and len(ds.split()) == 2:
        return 'in ' + ds
    return R.choice(['on ', '']) + ds if ds[0].isdigit() else 'on ' + ds


CASE = {'ceftin': 'Ceftin', 'toprol xl': 'Toprol XL', 'toprol-xl': 'Toprol-XL', 'epipen': 'EpiPen', 'proair': 'ProAir', 'nuvaring': 'NuvaRing',
        'hctz': 'HCTZ', 'tpa': 'tPA', 'gtn': 'GTN', 'b12': 'B12', 'depo-provera': 'Depo-Provera', 'glucophage xr': 'Glucophage XR',
        'humulin 70/30': 'Humulin 70/30', 'nph/regular insulin 70/30': 'NPH/regular insulin 70/30', 'pen vk': 'Pen VK',
        'penicillin v': 'penicillin V', 'penicillin vk': 'penicillin VK', 'vitamin b12': 'vitamin B12', 'hydrocodone-apap': 'hydrocodone-APAP',
        'oxycodone-apap': 'oxycodone-APAP', 'pcv13': 'PCV13', 'mmr': 'MMR', 'hpv vaccine': 'HPV vaccine', 'td booster': 'Td booster',
        'td': 'Td', 'dtap': 'DTaP', 'ipv': 'IPV', 'hib': 'Hib', 'hib vaccine': 'Hib vaccine', 'tdap': 'Tdap', 'mcv4': 'MCV4', 'ppsv23': 'PPSV23',
        'dre': 'DRE', 'tte': 'TTE', 'cxr': 'CXR', 'dexa scan': 'DEXA scan', 'ckd stage 1': 'CKD stage 1', 'ckd 1': 'CKD 1', 'mi': 'MI',
        'chd': 'CHD', 'cad': 'CAD', 'chf': 'CHF', 'htn': 'HTN', 't2dm': 'T2DM', 'dm2': 'DM2', 'aom': 'AOM', 'cva': 'CVA',
        'mcl injury': 'MCL injury', 'hand oa': 'hand OA', 'hip oa': 'hip OA', 'er': 'ER', 'ed': 'ED', 'bmi 30+': 'BMI 30+',
        "alzheimer's disease": "Alzheimer's disease", "alzheimer's": "Alzheimer's", 'hep b vaccine': 'Hep B vaccine',
        'hep a vaccine': 'Hep A vaccine', 'pneumovax 23': 'Pneumovax 23', 'prevnar 13': 'Prevnar 13', 'gardasil': 'Gardasil',
        'im injection': 'IM injection', 'nyquil': 'NyQuil', 'gardasil': 'Gardasil', 'hpv': 'HPV'}
GENERICS = set('''acetaminophen paracetamol hydrochlorothiazide simvastatin amlodipine metformin clopidogrel alteplase fexofenadine
epinephrine adrenaline nitroglycerin galantamine memantine metoprolol furosemide frusemide ibuprofen naproxen alendronate cefuroxime
amoxicillin docetaxel leuprolide leuprorelin diphenhydramine leucovorin oxaliplatin fluticasone albuterol salbutamol medroxyprogesterone
cyanocobalamin insulin dextromethorphan lisinopril atorvastatin warfarin losartan glipizide omeprazole atenolol azithromycin pravastatin
levothyroxine cetirizine loratadine prednisone gabapentin donepezil doxycycline cephalexin budesonide montelukast carvedilol
spironolactone aspirin diltiazem glyburide bumetanide rivastigmine tamsulosin bicalutamide cisplatin phenoxymethylpenicillin'''.split())


def disp_case(k):
    if k in CASE:
        return CASE[k]
    if k in DRUGS and k.split()[0].split('/')[0].split('-')[0] not in GENERICS and k not in ('metoprolol succinate', 'naproxen sodium',
            'alendronic acid', 'folinic acid', 'glyceryl trinitrate', 'amoxicillin-clavulanate', 'co-amoxiclav', 'amoxicillin/clavulanate'):
        return ' '.join(w.capitalize() for w in k.split())
    return k


def rep_name(disp):
    d = disp.lower()
    for k, v in (('lipid panel', ['lipid panel', 'fasting lipid profile']), ('basic metabolic', ['BMP', 'basic metabolic panel', 'chem-7']),
                 ('complete blood count', ['CBC', 'full blood count']), ('comprehensive metabolic', ['CMP', 'comprehensive metabolic panel']),
                 ('urinalysis', ['urinalysis', 'dipstick urinalysis'])):
        if k in d:
            return R.choice(v)
    return None


def enc_name(disp):
    d = disp.lower()
    for k, v in ENC_NAMES.items():
        if k in d:
            return R.choice(v)
    return None


def concept_name(disp):
    d = disp.lower()
    if d.startswith('history of') or 'death' in d:
        return None
    if d.startswith('encounter') or 'emergency' in d or 'visit' in d or 'consultation' in d or 'follow-up' in d or d.startswith('outpatient'):
        return enc_name(disp)
    cands = [k for k in CONCEPTS if concept_fits(k, disp)]
    # prefer more specific keys
    cands = [k for k in cands if k not in ('er', 'ed', 'influenza', 'hpv', 'sinusitis', 'bronchitis', 'pharyngitis', 'ckd', 'insulin')] or cands
    if cands and R.random() < 0.8:
        return disp_case(R.choice(cands))
    base = disp.replace(' (disorder)', '').replace(' (procedure)', '').replace(' (finding)', '').replace(' (situation)', '')
    return base.lower() if base[0].isupper() and not base[:2].isupper() else base


def drug_name(disp):
    d = disp.lower()
    cands = [k for k, subs in DRUGS.items() if any(s in d for s in subs)]
    # a brand/generic of a single ingredient must not be used for a combination product
    if ' / ' in disp or 'dextromethorphan' in d:
        cands = [k for k in cands if k not in ('acetaminophen', 'paracetamol', 'tylenol', 'amoxicillin', 'amoxil', 'insulin',
                                               'dextromethorphan')]
    if 'metoprolol succinate' in d:
        cands = [k for k in cands if k != 'metoprolol']
    if 'naproxen sodium' in d:
        cands = [k for k in cands if k != 'naproxen']
    return disp_case(R.choice(cands)) if cands else None


# =============== category: abbreviations
ABBR_CODES = ['39156-5', '2093-3', '2571-8', '18262-6', '2085-9', '2339-0', '6299-2', '38483-4', '49765-1', '2947-0', '6298-4',
              '2069-3', '20565-8', '4548-4', '33914-3', '14959-1', '6690-2', '718-7', '4544-3', '777-3', '787-2', '8331-1', '2857-1',
              '1742-6', '1920-8', '789-8']
ABBR_ONLY = {c: [n for n in ANALYTES[c] if (n.isupper() or len(n) <= 5 or n in ('HbA1c', 'eGFR', 'LDL-C', 'HDL-C', 'Hgb', 'Plt'))] or ANALYTES[c][:1]
             for c in ANALYTES}
CONFUSABLE = [('6299-2', '38483-4'), ('18262-6', '2085-9'), ('2947-0', '6298-4'), ('2069-3', '20565-8'), ('718-7', '4544-3'),
              ('2093-3', '18262-6'), ('2571-8', '2093-3'), ('6690-2', '777-3'), ('2339-0', '6299-2'), ('1742-6', '1920-8'),
              ('787-2', '786-4'), ('2947-0', '2069-3')]


def cat_abbr(P, wrong):
    c = C(P)
    sh = R.choice(['lab', 'lab', 'lab', 'bp', 'cond', 'panel'])
    S = subj(P)
    if sh == 'bp' and P['bp']:
        b = R.choice(P['bp']); i = c.ci('observation', b['id'])
        sv, dv = fnum(b['sys'], 0), fnum(b['dia'], 0)
        if wrong:
            which = R.choice(['sys', 'dia'])
            if which == 'sys':
                sv = fnum(wrong_num(b['sys'], 0), 0); why = f'SBP is {b["sys"]:.0f}, not {sv}'
            else:
                dv = fnum(wrong_num(b['dia'], 0), 0); why = f'DBP is {b["dia"]:.0f}, not {dv}'
        else:
            why = f'BP panel: systolic {b["sys"]:.0f}, diastolic {b["dia"]:.0f} mmHg on {b["date"]}'
        u = R.choice(['mmHg', 'mm Hg', 'mmHg', ''])
        ds = dstr(b['date']); c.add(t='date', c=i, s=ds)
        form = R.choice(['pair', 'split'])
        if form == 'pair':
            c.add(t='bp', c=i, s=f'{sv}/{dv}', u=u)
            t = R.choice([f'BP {sv}/{dv} {u} ({ds}).', f'{ds}: BP {sv}/{dv}{" " + u if u else ""}', f'B/P {sv}/{dv} {u} on {ds}.',
                          f'{poss(S)} BP was {sv}/{dv} {u} at the {ds} visit.'])
        else:
            c.add(t='num', c=i, name='SBP', v=sv, u=u); c.add(t='num', c=i, name='DBP', v=dv, u=u)
            t = R.choice([f'SBP {sv}, DBP {dv} {u} on {ds}.', f'{ds} - SBP {sv} {u} / DBP {dv} {u}'])
        return c.out(t.replace('  ', ' ').replace(' .', '.'), 'wrong' if wrong else 'correct', 'abbreviations', why)
    if sh == 'cond':
        abbr = {'hypertension': ['HTN'], 'diabetes': ['DM'], 'chronic kidney disease stage 1': ['CKD stage 1', 'CKD 1'],
                'myocardial infarction': ['MI'], 'coronary heart disease': ['CHD', 'CAD'], 'chronic congestive heart failure': ['CHF'],
                'otitis media': ['AOM'], 'stroke': ['CVA']}
        have = [(r, a) for r in P['conds'] for k, a in abbr.items() if r['disp'].lower().startswith(k)]
        if not have:
            return None
        r, al = R.choice(have)
        if wrong:
            # claim a different abbreviated condition, citing the record of this one
            others = [a for k, aa in abbr.items() for a in aa if k not in r['disp'].lower() and not any(k in x['disp'].lower() for x in P['conds'])]
            if 'stroke' in r['disp'].lower():
                others = [o for o in others if o not in ('MI',)]
            ab = R.choice(others); why = f'cited condition is "{r["disp"]}", not {ab}'
        else:
            ab = R.choice(al); why = f'condition "{r["disp"]}" onset {r["onset"]}'
        i = c.ci('condition', r['id'])
        ds = dstr(r['onset'], level='any'); c.add(t='concept', c=i, s=ab); c.add(t='date', c=i, s=ds, f='onset')
        t = R.choice([f'{ab} dx {on(ds)}.', f'Hx {ab} (onset {ds}).', f'PMH: {ab} since {ds}.' if len(ds) == 4 else f'PMH: {ab}, onset {ds}.',
                      f'{S} has {ab}, first recorded {on(ds)}.', f'Known {ab} - diagnosed {on(ds)}.'])
        return c.out(t, 'wrong' if wrong else 'correct', 'abbreviations', why)
    if sh == 'panel':
        cs = codes_for(P, ['2947-0', '6298-4', '2069-3', '20565-8', '6299-2', '38483-4', '2339-0', '49765-1'])
        if len(cs) < 3:
            return None
        o0 = R.choice(P['obs'][cs[0]]); same = [P['obs'][k] for k in cs]
        sel = []
        for k in R.sample(cs, 3):
            m = [o for o in P['obs'][k] if o['date'] == o0['date']]
            if m: sel.append(m[0])
        if len(sel) < 3:
            return None
        parts = []; bad = R.randrange(len(sel)) if wrong else -1; why = ''
        for j, o in enumerate(sel):
            i = c.ci('observation', o['id']); n = R.choice(ABBR_ONLY[o['code']])
            dec = safe_dec(o['v'], DEC[o['code']])
            v = fnum(o['v'], dec)
            if j == bad:
                v = fnum(wrong_num(o['v'], dec), dec); why = f'{n} was {o["v"]:.4g}, not {v}'
            c.add(t='num', c=i, name=n, v=v, u='')
            parts.append(f'{n} {v}')
        ds = dstr(o0['date'])
        for j, o in enumerate(sel):
            c.add(t='date', c=j, s=ds)
        sep = R.choice([', ', '; ', ' / ', ' '])
        t = R.choice([f'{ds} BMP: {sep.join(parts)}.', f'Chem on {ds} - {sep.join(parts)}', f'Labs ({ds}): {sep.join(parts)}.'])
        if not wrong:
            why = 'values match the cited observations of ' + o0['date']
        return c.out(t, 'wrong' if wrong else 'correct', 'abbreviations', why)
    cs = codes_for(P, ABBR_CODES)
    if not cs:
        return None
    code = R.choice(cs); o = R.choice(P['obs'][code]); i = c.ci('observation', o['id'])
    v, u, _, dec = num_surface(o)
    n = R.choice(ABBR_ONLY[code])
    why = f'{o["disp"]} = {o["v"]:.4g} {o["unit"]} on {o["date"]}'
    if wrong:
        if R.random() < 0.5:
            # wrong analyte behind abbreviation: value of another analyte on same date
            pairs = [(a, b) for a, b in CONFUSABLE if a == code or b == code]
            for a, b in R.sample(pairs, len(pairs)) if pairs else []:
                other = b if a == code else a
                m = [x for x in P['obs'].get(other, []) if x['date'] == o['date']]
                if m:
                    n = R.choice(ABBR_ONLY[other])
                    why = f'cited record is {o["disp"]} ({o["v"]:.4g}); {n} names a different analyte'
                    break
            else:
                v = fnum(wrong_num(o['v'], dec), dec); why = f'{o["disp"]} was {o["v"]:.4g}, not {v}'
        else:
            v = fnum(wrong_num(o['v'], dec), dec); why = f'{o["disp"]} was {o["v"]:.4g}, not {v}'
    ds = dstr(o['date'])
    c.add(t='num', c=i, name=n, v=v, u=u); c.add(t='date', c=i, s=ds)
    t = R.choice([f'{n} {vu(v, u)} ({ds})', f'{ds}: {n} {vu(v, u)}.', f'{n} was {vu(v, u)} on {ds}.', f'{S} - {n} {vu(v, u)}, {drawn(code)} {ds}.',
                  f'On {ds} the {n} came back at {vu(v, u)}.', f'{n}={vu(v, u)} {ds}', f'{n} of {vu(v, u)} documented {on(ds)}.'])
    return c.out(t, 'wrong' if wrong else 'correct', 'abbreviations', why)


# =============== category: drug-names
BRAND_OTHER = ['Zocor', 'Norvasc', 'Lasix', 'Glucophage', 'Plavix', 'Lipitor', 'Zestril', 'Coumadin', 'Toprol XL', 'Advil', 'Aleve',
               'Tylenol', 'Augmentin', 'Fosamax', 'Allegra', 'Benadryl', 'Namenda', 'Cozaar', 'Synthroid', 'Prilosec', 'Flovent',
               'Ventolin', 'Percocet', 'Vicodin', 'Amoxil', 'Keflex', 'Zithromax', 'Singulair', 'Lupron', 'Taxotere', 'Crestor']
GEN_OTHER = ['lisinopril', 'atorvastatin', 'losartan', 'metoprolol', 'amlodipine', 'simvastatin', 'metformin', 'furosemide',
             'warfarin', 'omeprazole', 'levothyroxine', 'cetirizine', 'prednisone', 'gabapentin', 'azithromycin', 'doxycycline',
             'cephalexin', 'atenolol', 'hydrochlorothiazide', 'ibuprofen', 'naproxen', 'clopidogrel', 'donepezil', 'montelukast']


def med_strength(disp):
    import re
    m = re.search(r'(\d+(?:\.\d+)?) ?(MG|mg)(?!/)', disp)
    if not m:
        return None
    return m.group(1)


def not_in_med(P, name):
    subs = DRUGS[name.lower()]
    return not any(s in m['disp'].lower() for m in P['meds'] for s in subs)


def cat_drug(P, wrong):
    if not P['meds']:
        return None
    c = C(P); S = subj(P)
    r = R.choice(P['meds']); nm = drug_name(r['disp'])
    if not nm:
        return None
    i = c.ci('medication', r['id'])
    st = med_strength(r['disp']) if ' / ' not in r['disp'] and 'MG/ML' not in r['disp'] and 'ACTUAT' not in r['disp'] else None
    why = f'MedicationRequest "{r["disp"]}" ({r["status"]}, {r["date"]})'
    err = None
    if wrong:
        opts = ['brand', 'generic'] + (['strength', 'strength'] if st else [])
        err = R.choice(opts)
        if err == 'strength':
            alt = {'25': '50', '500': '1000', '10': '20', '20': '40', '5': '10', '75': '300', '40': '20', '220': '550', '4': '8',
                   '100': '50', '250': '500', '30': '60', '325': '500', '160': '80', '200': '400', '150': '100'}
            st2 = alt.get(st, str(int(float(st) * 2)) if float(st) >= 1 else None)
            if not st2:
                return None
            why = f'record is "{r["disp"]}": strength {st} mg, not {st2} mg'; st = st2
        elif err == 'brand':
            nm = R.choice([b for b in BRAND_OTHER if not_in_med(P, b)]); why = f'record is "{r["disp"]}"; {nm} is a different ingredient'
        else:
            nm = R.choice([g for g in GEN_OTHER if not_in_med(P, g)]); why = f'record is "{r["disp"]}", not {nm}'
    c.add(t='concept', c=i, s=nm, k='drug')
    dose = ''
    if st and (R.random() < 0.8 or err == 'strength'):
        dose = R.choice([f'{st} mg', f'{st}mg', f'{st} MG'])
        c.add(t='strength', c=i, s=dose)
    nmd = nm if nm[0].islower() or nm.isupper() else nm
    withdose = f'{nmd} {dose}'.strip()
    ds = None
    if R.random() < 0.5:
        ds = dstr(r['date'], level='any'); c.add(t='date', c=i, s=ds)
    tail = f' ({ds})' if ds else ''
    past = [f'{S} was prescribed {withdose}{tail}.', f'Rx {withdose}{tail}.', f'{cap(withdose)} ordered{(" " + on(ds)) if ds else ""}.',
            f'Prescription written for {withdose}{tail}.', f'{cap(withdose)} was prescribed{(" " + on(ds)) if ds else ""}.',
            f'{cap(withdose)} appears in the medication history{tail}.', f'Had a prescription for {withdose}{tail}.']
    if ds:
        past.append(f'Started {withdose} {on(ds)}.')
    now = [f'Med list includes {withdose}{tail}.', f'Meds: {withdose}{tail}.', f'Currently on {withdose}.', f'Active Rx: {withdose}{tail}.']
    t = R.choice(past + (now if r['status'] == 'active' and not P['deceased'] else []))
    if t in now:
        c.add(t='status', c=i, want='active')
    if not wrong and nm.lower() not in r['disp'].lower():
        why += f'; {nm} = same ingredient'
    return c.out(t, 'wrong' if wrong else 'correct', 'drug-names', why)


# =============== category: units
def cat_units(P, wrong):
    c = C(P); S = subj(P)
    cs = codes_for(P, [k for k in CONV if k in COMMON or k in ('1975-2', '1751-7')])
    if not cs:
        return None
    code = R.choice(cs)
    if wrong and code not in WRONG_UNIT:
        return None
    o = R.choice(P['obs'][code]); i = c.ci('observation', o['id'])
    n = aname(code)
    why = f'{o["disp"]} {o["v"]:.4g} {o["unit"]} on {o["date"]}'
    if wrong:
        dec = safe_dec(o['v'], DEC[code]); v = fnum(o['v'], dec); u = R.choice(WRONG_UNIT[code])
        why += f'; the number is in {o["unit"]}, writing it as {u} is wrong'
        pair = None
    else:
        v, u, x, dec = num_surface(o, conv=R.random() < 0.75)
        if u not in [cu for cu, _, _ in CONV[code]]:
            why += '; same unit spelled differently'
        else:
            why += f'; converted = {x:.4g} {u}'
        pair = None
        if R.random() < 0.45 and u in [cu for cu, _, _ in CONV[code]]:  # show both
            v2, u2, _, _ = num_surface(o, conv=False)
            if u2 and u2 != u:
                pair = (v2, u2)
                c.add(t='num', c=i, name=n, v=v2, u=u2)
    c.add(t='num', c=i, name=n, v=v, u=u)
    ds = dstr(o['date'], level='any'); c.add(t='date', c=i, s=ds)
    val = vu(v, u)
    if pair:
        val = R.choice([f'{vu(*pair)} ({val})', f'{val} ({vu(*pair)})'])
    t = R.choice([f'{cap(n)} {val} on {ds}.', f'{poss(S)} {n} was {val} {on(ds)}.', f'{ds}: {n} {val}', f'{cap(n)} of {val} recorded {on(ds)}.',
                  f'Measured {n}: {val} ({ds}).', f'{cap(n)} came in at {val} {on(ds)}.', f'{ds} - {n} {val}.'])
    return c.out(t, 'wrong' if wrong else 'correct', 'units', why)


# =============== category: rounding
def cat_round(P, wrong):
    c = C(P); S = subj(P)
    sh = R.choice(['obs', 'obs', 'obs', 'bp'])
    if sh == 'bp' and P['bp']:
        b = R.choice(P['bp']); i = c.ci('observation', b['id'])
        comp = R.choice(['sys', 'dia']); x = b[comp]
        # round to nearest 5 or 10 only if that is a true rounding; else nearest integer
        base = R.choice([5, 10, 1])
        w = round(x / base) * base
        if abs(w - x) > base / 2 - 0.3:
            base = 1; w = round(x)
        if wrong:
            for _ in range(20):
                w2 = w + R.choice([-1, 1]) * (base * 2 if base > 1 else R.randint(4, 8))
                if not coarse_ok(w2, x, 0):
                    break
            w = w2
            why = f'{"systolic" if comp == "sys" else "diastolic"} was {x:.1f}; {w} is not a rounding of it'
        else:
            why = f'{"systolic" if comp == "sys" else "diastolic"} {x:.1f} mmHg ({b["date"]}); rounds to {w}' + (f' (nearest {base})' if base > 1 else '')
        n = R.choice(['SBP', 'systolic', 'systolic BP']) if comp == 'sys' else R.choice(['DBP', 'diastolic', 'diastolic BP'])
        ap = R.choice(['about', '~', 'approximately', 'roughly', 'around', 'approx.'])
        c.add(t='num', c=i, name=n, v=str(w), u='mmHg', tol=base / 2)
        ds = dstr(b['date'], level='any'); c.add(t='date', c=i, s=ds)
        t = R.choice([f'{n} {ap} {w} mmHg {on(ds)}.', f'{cap(n)} was {ap} {w} mmHg ({ds}).', f'{ds}: {n} {ap}{"" if ap == "~" else " "}{w} mmHg'])
        return c.out(t.replace('~ ', '~'), 'wrong' if wrong else 'correct', 'rounding', why)
    cs = codes_for(P)
    code = R.choice(cs); o = R.choice(P['obs'][code]); i = c.ci('observation', o['id'])
    d0 = DEC.get(code, 1)
    dec = max(0, d0 - R.choice([0, 1, 1])) if o['v'] >= 10 or d0 == 0 else d0
    if o['v'] >= 100 and R.random() < 0.3:
        dec = 0
    for dd in ([dec, dec - 1] if dec > 0 else [dec]) + [dec + 1]:
        f = abs(o['v']) * 10 ** dd
        if abs((f - math.floor(f)) - 0.5) > 0.06:
            dec = dd
            break
    else:
        return None
    if wrong:
        w = wrong_round(o['v'], dec); v = fnum(w, dec)
        why = f'{o["disp"]} = {o["v"]:.5g}; does not round to {v}'
    else:
        v = fnum(o['v'], dec); why = f'{o["disp"]} = {o["v"]:.5g} {o["unit"]} ({o["date"]}), rounds to {v}'
    u = R.choice(UNIT_SURF.get(code, ['']))
    n = aname(code)
    ap = R.choice(['about', '~', 'approximately', 'roughly', 'around', 'approx.', 'c.', 'just under' if False else 'about', ''])
    c.add(t='num', c=i, name=n, v=v, u=u)
    ds = dstr(o['date'], level='any'); c.add(t='date', c=i, s=ds)
    apv = (ap + ('' if ap == '~' else ' ') if ap else '') + vu(v, u)
    t = R.choice([f'{cap(n)} {apv} {on(ds)}.', f'{poss(S)} {n} was {apv} ({ds}).', f'{ds}: {n} {apv}', f'{cap(n)} ran {apv} {on(ds)}.',
                  f'{cap(n)} measured at {apv} on {ds}.' if not ds[0].isalpha() or ds.startswith(tuple(m[:3] for m in MON)) else f'{cap(n)} {apv}, {ds}.',
                  f'{cap(n)} (rounded): {vu(v, u)}, {ds}.'])
    return c.out(t, 'wrong' if wrong else 'correct', 'rounding', why)


# =============== category: trends
UP = ['rose', 'increased', 'went up', 'climbed', 'trended up', 'rose', 'increased']
DOWN = ['fell', 'decreased', 'dropped', 'declined', 'came down', 'trended down']
STABLE = ['was stable', 'remained stable', 'was unchanged', 'stayed essentially the same', 'held steady']
WORSE_UP = {'2093-3', '18262-6', '2571-8', '4548-4', '2339-0', '38483-4', '29463-7', '39156-5'}


def trend_pairs(P, code, comp=None):
    seq = P['bp'] if code == 'bp' else P['obs'][code]
    val = (lambda o: o[comp]) if code == 'bp' else (lambda o: o['v'])
    out = []
    for a in range(len(seq)):
        for b in range(a + 1, len(seq)):
            A, B = seq[a], seq[b]
            if A['date'] >= B['date']:
                continue
            rel = (val(B) - val(A)) / val(A)
            out.append((A, B, rel))
    return out, val


def cat_trend(P, wrong):
    c = C(P); S = subj(P)
    cs = codes_for(P, ['29463-7', '39156-5', '2093-3', '18262-6', '2085-9', '2571-8', '4548-4', '33914-3', '2339-0', '38483-4',
                       '14959-1', '8302-2', '6299-2', '718-7'], need=2)
    opts = [(k, None) for k in cs] + ([('bp', 'sys'), ('bp', 'dia')] if len(P['bp']) >= 2 else [])
    if not opts:
        return None
    code, comp = R.choice(opts)
    pairs, val = trend_pairs(P, code, comp)
    want = R.choice(['up', 'down', 'stable'])
    if wrong:
        err = R.choice(['dir', 'dir', 'stable', 'swapyears'])
    else:
        err = None
    if want == 'stable' or err == 'stable':
        good = [p for p in pairs if abs(p[2]) <= 0.02] if err != 'stable' else [p for p in pairs if abs(p[2]) >= 0.12]
    elif want == 'up':
        good = [p for p in pairs if p[2] >= 0.08]
    else:
        good = [p for p in pairs if p[2] <= -0.08]
    if err in ('dir', 'swapyears'):
        good = [p for p in pairs if abs(p[2]) >= 0.08]
    if not good:
        return None
    A, B, rel = R.choice(good)
    if A['date'][:4] == B['date'][:4] and err == 'swapyears':
        return None
    ia = c.ci('observation', A['id']); ib = c.ci('observation', B['id'])
    true_dir = 'up' if rel >= 0.05 else 'down' if rel <= -0.05 else 'stable'
    if err == 'dir':
        said = 'down' if true_dir == 'up' else 'up'
    elif err == 'stable':
        said = 'stable'
    else:
        said = true_dir
    if code == 'bp':
        n = R.choice(SBP_N) if comp == 'sys' else R.choice(DBP_N); dec = 0; u = R.choice(['mmHg', 'mm Hg', '']); cc = comp
    else:
        n = aname(code); dec = DEC.get(code, 1); u = R.choice(UNIT_SURF.get(code, [''])); cc = None
    va, vb = val(A), val(B)
    sa, sb = fnum(va, safe_dec(va, dec)), fnum(vb, safe_dec(vb, dec))
    da, db = A['date'], B['date']
    if err == 'swapyears':
        da, db = db, da
    lvl = R.choice(['day', 'any', 'year'])
    dsa, dsb = dstr(da, level=lvl), dstr(db, level=lvl)
    if dsa == dsb:
        dsa, dsb = dstr(da, level='day'), dstr(db, level='day')
    c.add(t='num', c=ia, name=n, v=sa, u=u if u else '', comp=cc); c.add(t='num', c=ib, name=n, v=sb, u=u if u else '', comp=cc)
    c.add(t='date', c=ia, s=dsa); c.add(t='date', c=ib, s=dsb)
    c.add(t='trend', a=ia, b=ib, dir=said, comp=cc)
    verb = R.choice(UP if said == 'up' else DOWN if said == 'down' else STABLE)
    U = (' ' + u) if u and u not in ('%',) else (u or '')
    if said == 'stable':
        t = R.choice([f'{cap(n)} {verb}: {sa}{U} ({dsa}) vs {sb}{U} ({dsb}).', f'{cap(n)} {verb} between {dsa} and {dsb} ({sa} -> {sb}{U}).',
                      f'{poss(S)} {n} {verb} from {dsa} to {dsb}, {sa} then {sb}{U}.', f'No real change in {n}: {sa}{U} on {dsa}, {sb}{U} on {dsb}.'])
    else:
        t = R.choice([f'{cap(n)} {verb} from {sa} to {sb}{U} between {dsa} and {dsb}.', f'{cap(n)} {verb} from {sa}{U} ({dsa}) to {sb}{U} ({dsb}).',
                      f'{poss(S)} {n} {verb}: {sa} on {dsa}, {sb} on {dsb}.', f'{cap(n)}: {sa} ({dsa}) -> {sb} ({dsb}), i.e. it {verb}.',
                      f'Between {dsa} and {dsb} the {n} {verb} ({sa} to {sb}{U}).', f'{cap(n)} {verb} ({dsa} -> {dsb}): {sa} vs {sb}{U}.'])
    t = t.replace('  ', ' ')
    if err is None:
        why = f'{A["date"]} {va:.4g} -> {B["date"]} {vb:.4g} ({rel * 100:+.1f}%); up/down need >=5% change, stable <=2%'
    elif err == 'dir':
        why = f'{A["date"]} {va:.4g} -> {B["date"]} {vb:.4g}: it went {true_dir}, not {said}'
    elif err == 'stable':
        why = f'{A["date"]} {va:.4g} -> {B["date"]} {vb:.4g} ({rel * 100:+.1f}%): not stable (tolerance 2%)'
    else:
        why = f'dates swapped: {va:.4g} was on {A["date"]}, {vb:.4g} on {B["date"]}'
    return c.out(t, 'wrong' if wrong else 'correct', 'trends', why)


SBP_N = ['SBP', 'systolic BP', 'systolic pressure']
DBP_N = ['DBP', 'diastolic BP', 'diastolic']


# =============== category: two-facts
def fact_obs(c, P, o, wrong, n=None):
    i = c.ci('observation', o['id']); v, u, _, dec = num_surface(o, conv=R.random() < 0.15)
    n = n or aname(o['code'])
    why = f'{o["disp"]} {o["v"]:.4g}'
    if wrong:
        v = fnum(wrong_num(float(v), dec), dec); why = f'{o["disp"]} was {o["v"]:.4g} {o["unit"]}, not {v} {u}'
    c.add(t='num', c=i, name=n, v=v, u=u)
    return f'{n} {vu(v, u)}', i, why


def cat_two(P, wrong):
    c = C(P); S = subj(P)
    sh = R.choice(['samedaylabs', 'wtbmi', 'condmed', 'bpdate', 'immproc', 'samedaylabs', 'conddate'])
    bad = R.choice([0, 1]) if wrong else -1
    if sh in ('samedaylabs', 'wtbmi'):
        if sh == 'wtbmi':
            pool = ['29463-7', '39156-5', '8302-2']
        else:
            pool = ['2093-3', '18262-6', '2085-9', '2571-8', '4548-4', '33914-3', '2339-0', '38483-4', '718-7', '6690-2', '777-3', '6298-4']
        cs = codes_for(P, pool)
        if len(cs) < 2:
            return None
        a, b = R.sample(cs, 2)
        oa = R.choice(P['obs'][a]); ob = [x for x in P['obs'][b] if x['date'] == oa['date']]
        if not ob:
            return None
        ob = ob[0]
        fa, ia, wa = fact_obs(c, P, oa, bad == 0); fb, ib, wb = fact_obs(c, P, ob, bad == 1)
        ds = dstr(oa['date'], level='any'); c.add(t='date', c=ia, s=ds); c.add(t='date', c=ib, s=ds)
        t = R.choice([f'{cap(fa)} and {fb} on {ds}.', f'On {ds}: {fa}, {fb}.', f'{S} had {fa} with {fb} ({ds}).',
                      f'{ds} - {fa}; {fb}.', f'{cap(fa)}, {fb}, both from {ds}.', f'{cap(fa)} ({ds}), and {fb} the same day.'])
        why = (wa if bad == 0 else wb) if wrong else f'{wa}; {wb}; both {oa["date"]}'
        return c.out(t, 'wrong' if wrong else 'correct', 'two-facts', why)
    if sh == 'bpdate':
        if not P['bp']:
            return None
        b = R.choice(P['bp']); i = c.ci('observation', b['id'])
        sv, dv = fnum(b['sys'], 0), fnum(b['dia'], 0)
        ds = dstr(b['date'])
        why = f'BP {sv}/{dv} on {b["date"]}'
        if bad == 0:
            sv = fnum(wrong_num(b['sys'], 0), 0); why = f'systolic was {b["sys"]:.0f}, not {sv}'
        elif bad == 1:
            ds, w, _ = render_wrong_date(b['date']); why = f'BP is from {b["date"]}, not {ds} ({w})'
        c.add(t='bp', c=i, s=f'{sv}/{dv}', u='mmHg'); c.add(t='date', c=i, s=ds)
        t = R.choice([f'BP was {sv}/{dv} mmHg, measured {on(ds)}.', f'{S} had a blood pressure of {sv}/{dv} mmHg on {ds}.',
                      f'{ds}: BP {sv}/{dv} mmHg.', f'Blood pressure {sv}/{dv} mmHg was taken {on(ds)}.'])
        return c.out(t, 'wrong' if wrong else 'correct', 'two-facts', why)
    if sh in ('condmed', 'conddate'):
        conds = [x for x in P['conds'] if concept_name(x['disp'])]
        if not conds:
            return None
        r = R.choice(conds); ir = c.ci('condition', r['id']); cn = concept_name(r['disp'])
        ds = dstr(r['onset'], level='any')
        st = r['status']
        if sh == 'conddate':
            sw = 'resolved' if st == 'resolved' else 'active'
            dup = [x for x in P['conds'] if x['disp'] == r['disp'] and x['status'] != st]
            if dup:
                return None
            why = f'condition "{r["disp"]}" onset {r["onset"]}, status {st}'
            if bad == 0:
                ds, w, _ = render_wrong_date(r['onset']); why = f'onset is {r["onset"]}, not {ds} ({w})'
            elif bad == 1:
                sw = 'active' if st == 'resolved' else 'resolved'; why = f'condition is {st}, not {sw}'
            c.add(t='concept', c=ir, s=cn); c.add(t='date', c=ir, s=ds, f='onset'); c.add(t='status', c=ir, want=sw)
            t = R.choice([f'{cap(cn)} diagnosed {on(ds)}, now {sw}.', f'{cap(cn)} (onset {ds}) is {sw}.',
                          f'{S} was diagnosed with {cn} {on(ds)}; it is {"still active" if sw == "active" else "resolved"}.',
                          f'{cap(cn)}: onset {ds}, status {sw}.'])
            return c.out(t, 'wrong' if wrong else 'correct', 'two-facts', why)
        if not P['meds']:
            return None
        sameday = [x for x in P['meds'] if x['date'] == r['onset']]
        m = R.choice(sameday if sameday and R.random() < 0.85 else P['meds']); im = c.ci('medication', m['id']); mn = drug_name(m['disp'])
        if not mn:
            return None
        why = f'condition "{r["disp"]}" onset {r["onset"]}; med "{m["disp"]}"'
        if bad == 0:
            ds, w, _ = render_wrong_date(r['onset']); why = f'onset of {cn} is {r["onset"]}, not {ds}'
        elif bad == 1:
            mn = R.choice([g for g in GEN_OTHER if not_in_med(P, g)]); why = f'cited medication is "{m["disp"]}", not {mn}'
        c.add(t='concept', c=ir, s=cn); c.add(t='date', c=ir, s=ds, f='onset'); c.add(t='concept', c=im, s=mn, k='drug')
        t = R.choice([f'{cap(cn)} since {ds}; {mn} prescribed.' if len(ds) == 4 else f'{cap(cn)} diagnosed {on(ds)}; {mn} prescribed.',
                      f'{S} has had {cn} (onset {ds}) and was prescribed {mn}.', f'Hx of {cn} from {ds}, and a {mn} prescription.',
                      f'{cap(cn)} ({ds}) - {mn} prescribed.'])
        return c.out(t, 'wrong' if wrong else 'correct', 'two-facts', why)
    # immproc: vaccine + date, plus a procedure/encounter
    if not P['imms'] or not P['encs']:
        return None
    im = R.choice(P['imms']); ii = c.ci('immunization', im['id']); inm = concept_name(im['disp'])
    e = [x for x in P['encs'] if x['date'] == im['date']]
    if not e:
        return None
    e = e[0]; ie = c.ci('encounter', e['id']); en = concept_name(e['disp'])
    if en is None or inm is None:
        return None
    ds = dstr(im['date'])
    why = f'{im["disp"]} on {im["date"]}; encounter "{e["disp"]}" same day'
    if bad == 0:
        inm2 = R.choice([k for k in ('zoster vaccine', 'mmr', 'hpv vaccine', 'tdap', 'hep a vaccine', 'pcv13', 'varicella vaccine', 'td booster')
                         if not any(s in im['disp'].lower() for s in CONCEPTS[k])])
        why = f'vaccine given was "{im["disp"]}", not {inm2}'; inm = disp_case(inm2)
    elif bad == 1:
        en2 = 'emergency' if 'emergency' not in e['disp'].lower() else 'check-up'
        why = f'encounter was "{e["disp"]}", not {en2}'; en = en2
    c.add(t='concept', c=ii, s=inm); c.add(t='concept', c=ie, s=en); c.add(t='date', c=ii, s=ds); c.add(t='date', c=ie, s=ds)
    t = R.choice([f'{cap(inm)} given at the {en} visit on {ds}.', f'{ds}: {en} visit, {inm} administered.',
                  f'At the {ds} {en} encounter {S if S not in ("He", "She") else "the patient"} received {inm}.'])
    return c.out(t, 'wrong' if wrong else 'correct', 'two-facts', why)


# =============== category: negation
NEG_TEXT = {
    'asthma': ['asthma'], 'diabetes': ['diabetes', 'DM'], 'hypertension': ['hypertension', 'HTN'], 'copd': ['COPD'],
    'heart failure': ['heart failure', 'CHF'], 'mi': ['MI', 'myocardial infarction'], 'stroke': ['stroke', 'CVA'],
    'ckd': ['CKD', 'chronic kidney disease'], 'cancer': ['cancer', 'malignancy'], 'seizures': ['seizures', 'epilepsy'],
    'osteoporosis': ['osteoporosis'], 'anemia': ['anemia', 'anaemia'], 'hyperlipidemia': ['hyperlipidemia', 'dyslipidaemia'],
    'fracture': ['fractures'], 'dementia': ["dementia"], 'coronary disease': ['CAD', 'coronary artery disease'],
    'osteoarthritis': ['osteoarthritis', 'OA'], 'sinusitis': ['sinusitis'], 'otitis': ['ear infections', 'otitis media'],
    'appendicitis': ['appendicitis'],
    'statin': ['a statin', 'statin therapy'], 'insulin': ['insulin'], 'warfarin': ['warfarin', 'Coumadin'],
    'anticoagulant': ['anticoagulation', 'an anticoagulant'], 'opioid': ['opioids', 'an opioid'], 'metformin': ['metformin'],
    'beta-blocker': ['a beta-blocker', 'beta blockers'], 'antihypertensive': ['antihypertensives', 'BP medication'],
    'diuretic': ['a diuretic', 'diuretics'], 'inhaler': ['an inhaler', 'inhalers'], 'antibiotic': ['antibiotics'],
    'contraceptive': ['hormonal contraception'], 'nsaid': ['NSAIDs', 'an NSAID'],
}
DRUG_KEYS = {'statin', 'insulin', 'warfarin', 'anticoagulant', 'opioid', 'metformin', 'beta-blocker', 'antihypertensive', 'diuretic',
             'inhaler', 'antibiotic', 'contraceptive', 'nsaid'}


def present(P, key, strict=False):
    terms = (STRICT if strict else ABSENT)[key]
    hits = []
    for kind, lst in (('condition', P['conds']), ('medication', P['meds']), ('allergy', P['allergies']), ('procedure', P['procs'])):
        for r in lst:
            if any(re.search(t, r['disp'].lower()) for t in terms):
                hits.append((kind, r))
    return hits


def cat_neg(P, wrong):
    c = C(P); S = subj(P); he = 'he' if P['gender'] == 'male' else 'she'
    if R.random() < 0.18:
        # allergies
        anyal = bool(P['allergies'])
        if wrong and not anyal:
            return None
        if not wrong and anyal:
            key = 'allergy_drug'
        else:
            key = 'allergy_any'
        c.pat()
        c.add(t='absent', key=key, tense='ever')
        if key == 'allergy_any':
            t = R.choice(['No known allergies.', 'NKA.', f'{S} has no allergies on record.', 'Allergy list: none recorded.',
                          f'No documented allergies for {P["first"]}.'])
            why = 'no AllergyIntolerance resources in the chart' if not wrong else f'{len(P["allergies"])} allergies recorded (e.g. {P["allergies"][0]["disp"]})'
        else:
            t = R.choice(['NKDA.', 'No known drug allergies (environmental/food allergies only).', f'{S} has no drug allergies documented.'])
            why = 'only food/environmental AllergyIntolerance records; none with category medication'
        return c.out(t, 'wrong' if wrong else 'correct', 'negation', why)
    keys = list(NEG_TEXT)
    R.shuffle(keys)
    for key in keys:
        broad = present(P, key); strict = present(P, key, True)
        if len(broad) != len(strict):
            continue  # debatable (e.g. prediabetes vs "no diabetes")
        hits = strict
        if wrong and not hits:
            continue
        if not wrong and hits:
            continue
        # guards against readings a clinician would count as the disease even without a coded condition
        if not wrong and key == 'hypertension' and any(b['sys'] >= 140 or b['dia'] >= 90 for b in P['bp']):
            continue
        if not wrong and key == 'diabetes' and any(o['v'] >= 6.5 for o in P['obs'].get('4548-4', [])):
            continue
        if not wrong and key == 'ckd' and any(o['v'] < 60 for o in P['obs'].get('33914-3', [])):
            continue
        if not wrong and key == 'anemia' and P['gender'] and any(o['v'] < (13 if P['gender'] == 'male' else 12) for o in P['obs'].get('718-7', [])):
            continue
        if not wrong and key == 'hyperlipidemia' and (any(o['v'] >= 160 for o in P['obs'].get('18262-6', [])) or
                                                      any(o['v'] >= 200 for o in P['obs'].get('2571-8', [])) or
                                                      any(o['v'] >= 240 for o in P['obs'].get('2093-3', []))):
            continue
        break
    else:
        return None
    word = R.choice(NEG_TEXT[key])
    # tense: "now" templates (not on / denies / not on the problem list) are false only if an ACTIVE record matches
    active_hit = any((k == 'medication' and r['status'] == 'active') or (k == 'condition' and r['status'] == 'active') for k, r in hits)
    now_ok = (not wrong) or active_hit
    if key in DRUG_KEYS:
        now_t = [f'Not on {word}.', f'{S} is not taking {word}.', f'Medication list: no {word}.', f'Currently no {word}.']
        ever_t = [f'No {word} in the medication history.', f'{S} has never been prescribed {word}.', f'No record of {word} ever being prescribed.',
                  f'Never prescribed {word}.']
    else:
        now_t = [f'Denies {word}.', f'No {word} on the active problem list.', f'No active {word}.']
        ever_t = [f'No history of {word}.', f'{S} has no history of {word}.', f'PMH negative for {word}.', f'{P["first"]} has never been diagnosed with {word}.',
                  f'No prior {word}.', f'No documented {word}.', f'No {word} ever recorded.']
    if now_ok and R.random() < 0.35:
        t = R.choice(now_t); tense = 'now'
    else:
        t = R.choice(ever_t); tense = 'ever'
    if wrong:
        h = [x for x in hits if tense == 'ever' or x[1].get('status') == 'active'][0]
    if wrong and R.random() < 0.4:
        c.ci(h[0], h[1]['id'])
    else:
        c.pat()
    c.add(t='absent', key=key, s=word, tense=tense)
    if wrong:
        why = f'chart has {h[0]} "{h[1]["disp"]}"' + (' (active)' if tense == 'now' else '')
    else:
        why = f'no condition/medication/allergy/procedure matching {ABSENT[key]} anywhere in the chart'
    return c.out(t, 'wrong' if wrong else 'correct', 'negation', why)


# =============== category: status
def cat_status(P, wrong):
    c = C(P); S = subj(P); dead = P['deceased'] is not None
    sh = R.choice(['med', 'med', 'cond', 'cond', 'smoke'])
    if sh == 'smoke':
        if not P['smoking']:
            return None
        o = P['smoking'][-1]; i = c.ci('observation', o['id'])
        true = {'Never smoker': 'never', 'Former smoker': 'former'}.get(o['val'])
        said = true if not wrong else R.choice([x for x in ('never', 'former', 'current') if x != true])
        c.add(t='smoke', c=i, want=said); c.add(t='latest', c=i)
        ds = dstr(o['date'], level='any'); c.add(t='date', c=i, s=ds)
        txt = {'never': [f'Never smoker (last documented {ds}).', f'{S} has never smoked, per the {ds} smoking-status entry.',
                         f'Tobacco: never ({ds}).', f'Lifelong non-smoker; most recent status recorded {on(ds)}.'],
               'former': [f'Former smoker (status as of {ds}).', f'{S} is an ex-smoker per the latest tobacco entry ({ds}).',
                          f'Smoking status: former, last updated {ds}.', f'{S} quit smoking; most recent status ({ds}) = former smoker.'],
               'current': [f'Current smoker as of {ds}.', f'{S} still smokes (tobacco status {ds}).', f'Active tobacco use per the {ds} entry.']}[said]
        why = f'latest smoking-status observation ({o["date"]}) = {o["val"]}' + ('' if not wrong else f', not {said}')
        return c.out(R.choice(txt), 'wrong' if wrong else 'correct', 'status', why)
    if sh == 'med':
        if not P['meds']:
            return None
        m = R.choice(P['meds']); mn = drug_name(m['disp'])
        if not mn:
            return None
        same = [x for x in P['meds'] if x['disp'] == m['disp']]
        if len(set(x['status'] for x in same)) > 1:
            return None
        st = 'active' if m['status'] == 'active' else 'stopped'
        said = st if not wrong else ('stopped' if st == 'active' else 'active')
        i = c.ci('medication', m['id']); c.add(t='concept', c=i, s=mn, k='drug'); c.add(t='status', c=i, want=said)
        ds = None
        if R.random() < 0.4:
            ds = dstr(m['date'], level='any'); c.add(t='date', c=i, s=ds)
        st_d = f' (prescribed {ds})' if ds else ''
        if said == 'active':
            txt = [f'{cap(mn)} is an active medication{st_d}.', f'Active med: {mn}{st_d}.', f'{S} remains on {mn}{st_d}.' if not dead else f'{cap(mn)} listed as active{st_d}.',
                   f'{cap(mn)} - status active{st_d}.', f'{S} is currently on {mn}{st_d}.' if not dead else f'{cap(mn)} still active on the med list{st_d}.']
        else:
            txt = [f'{cap(mn)} was discontinued{st_d}.' if not ds else f'{cap(mn)}, started {on(ds)}, has since been stopped.',
                   f'{cap(mn)}: stopped.', f'{S} is no longer taking {mn}{st_d}.', f'{cap(mn)} is no longer active{st_d}.',
                   f'Completed/stopped course of {mn}{st_d}.']
        why = f'MedicationRequest "{m["disp"]}" status {m["status"]}' + ('' if not wrong else f', so "{said}" is false')
        return c.out(R.choice(txt), 'wrong' if wrong else 'correct', 'status', why)
    conds = [x for x in P['conds'] if concept_name(x['disp'])]
    if not conds:
        return None
    r = R.choice(conds); cn = concept_name(r['disp'])
    same = [x for x in P['conds'] if x['disp'] == r['disp']]
    if len(set(x['status'] for x in same)) > 1:
        return None
    st = r['status']; said = st if not wrong else ('resolved' if st == 'active' else 'active')
    i = c.ci('condition', r['id']); c.add(t='concept', c=i, s=cn); c.add(t='status', c=i, want=said)
    ds = None
    if said == 'resolved' and r['abate'] and not wrong and R.random() < 0.5:
        ds = dstr(r['abate'], level='any'); c.add(t='date', c=i, s=ds, f='abate')
    if said == 'active':
        txt = [f'{cap(cn)} remains active.', f'Active problem: {cn}.', f'{cap(cn)} - ongoing/active.', f'{S} still has {cn} (active on the problem list).',
               f'{cap(cn)} is listed as a current problem.']
    else:
        txt = [f'{cap(cn)} has resolved{(" as of " + ds) if ds else ""}.', f'{cap(cn)}: resolved{(" " + on(ds)) if ds else ""}.',
               f'The {cn} episode is resolved{(", abated " + ds) if ds else ""}.', f'{cap(cn)} no longer active{(" (resolved " + ds + ")") if ds else ""}.']
    why = f'Condition "{r["disp"]}" clinicalStatus {st}' + (f', abated {r["abate"]}' if r['abate'] else '') + ('' if not wrong else f'; "{said}" is false')
    return c.out(R.choice(txt), 'wrong' if wrong else 'correct', 'status', why)


# =============== category: latest
def cat_latest(P, wrong):
    c = C(P); S = subj(P)
    sh = R.choice(['obs', 'obs', 'obs', 'bp', 'enc'])
    if sh == 'enc':
        encs = P['encs']
        if len(encs) < 2 or encs[-1]['date'] == encs[-2]['date']:
            return None
        e = encs[-1] if not wrong else R.choice(encs[:-1])
        if wrong and e['date'] == encs[-1]['date']:
            return None
        i = c.ci('encounter', e['id']); c.add(t='latest', c=i); ds = dstr(e['date'], level='day'); c.add(t='date', c=i, s=ds)
        en = concept_name(e['disp'])
        if en:
            c.add(t='concept', c=i, s=en)
        ens = f' ({en})' if en else ''
        t = R.choice([f'Last visit was on {ds}{ens}.', f'Most recent encounter: {ds}{ens}.', f'{S} was last seen {on(ds)}{ens}.',
                      f'Latest encounter on file{ens} - {ds}.'])
        why = f'latest encounter is {encs[-1]["date"]}' + ('' if not wrong else f'; cited one ({e["date"]}) is older')
        return c.out(t, 'wrong' if wrong else 'correct', 'latest', why)
    if sh == 'bp':
        seq = P['bp']; comp = None
        if len(seq) < 2 or seq[-1]['date'] == seq[-2]['date']:
            return None
    else:
        cs = [k for k in codes_for(P, need=2) if P['obs'][k][-1]['date'] != P['obs'][k][-2]['date']]
        if not cs:
            return None
        code = R.choice(cs); seq = P['obs'][code]
    last = seq[-1]
    if wrong:
        older = [x for x in seq[:-1] if x['date'] != last['date']]
        if sh == 'bp':
            older = [x for x in older if abs(x['sys'] - last['sys']) >= 3 or abs(x['dia'] - last['dia']) >= 3]
        else:
            older = [x for x in older if abs(x['v'] - last['v']) >= max(0.06 * abs(last['v']), 2 * 10 ** -DEC.get(code, 1))]
        if not older:
            return None
        o = R.choice(older)
    else:
        o = last
    i = c.ci('observation', o['id']); c.add(t='latest', c=i)
    ds = dstr(o['date'], level='any'); c.add(t='date', c=i, s=ds)
    lw = R.choice(['Latest', 'Most recent', 'Last', 'Last recorded', 'Most recent available'])
    if sh == 'bp':
        v = f'{o["sys"]:.0f}/{o["dia"]:.0f}'; c.add(t='bp', c=i, s=v, u='mmHg')
        t = R.choice([f'{lw} BP {v} mmHg ({ds}).', f'{lw} blood pressure on file: {v} mmHg, {ds}.', f'{poss(S)} {lw.lower()} BP was {v} mmHg {on(ds)}.'])
        why = f'latest BP panel is {last["date"]} ({last["sys"]:.0f}/{last["dia"]:.0f})' + ('' if not wrong else f'; cited {o["date"]} is older')
    else:
        v, u, _, _ = num_surface(o); n = aname(code)
        c.add(t='num', c=i, name=n, v=v, u=u)
        t = R.choice([f'{lw} {n}: {vu(v, u)} ({ds}).', f'{lw} {n} was {vu(v, u)}, {drawn(code)} {on(ds)}.', f'{poss(S)} {lw.lower()} {n} is {vu(v, u)} ({ds}).',
                      f'{cap(n)} most recently {vu(v, u)} {on(ds)}.', f'Most up-to-date {n} = {vu(v, u)}, {ds}.', f'{lw} {n} {vu(v, u)} ({ds}).'])
        why = f'latest {last["disp"]} is {last["date"]} = {last["v"]:.4g}' + ('' if not wrong else f'; cited {o["date"]} ({o["v"]:.4g}) is older')
    return c.out(t, 'wrong' if wrong else 'correct', 'latest', why)


# =============== category: swapped (wrong) / same shape correct
def cat_swapped(P, wrong):
    c = C(P); S = subj(P)
    sh = R.choice(['bp', 'bp', 'analytes', 'years'])
    if sh == 'bp':
        if not P['bp']:
            return None
        b = R.choice(P['bp']); i = c.ci('observation', b['id']); ds = dstr(b['date'], level='any'); c.add(t='date', c=i, s=ds)
        sv, dv = f'{b["sys"]:.0f}', f'{b["dia"]:.0f}'
        if wrong:
            sv, dv = dv, sv
        form = R.choice(['pair', 'named'])
        if form == 'pair':
            c.add(t='bp', c=i, s=f'{sv}/{dv}', u='mmHg')
            t = R.choice([f'BP {sv}/{dv} mmHg {on(ds)}.', f'{poss(S)} BP was {sv}/{dv} mm Hg ({ds}).'.replace('mm Hg', R.choice(['mm Hg', 'mmHg'])),
                          f'{ds} vitals: BP {sv}/{dv}.'])
        else:
            c.add(t='num', c=i, name='systolic', v=sv, u='mmHg'); c.add(t='num', c=i, name='diastolic', v=dv, u='mmHg')
            t = R.choice([f'{ds}: systolic {sv} mmHg, diastolic {dv} mmHg.', f'Blood pressure {on(ds)} - systolic {sv}, diastolic {dv} mmHg.'])
        why = f'BP panel: systolic {b["sys"]:.0f}, diastolic {b["dia"]:.0f}' + (' (swapped in text)' if wrong else '')
        return c.out(t.replace('  ', ' '), 'wrong' if wrong else 'correct', 'swapped', why)
    if sh == 'analytes':
        pairs = [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('6299-2', '38483-4'), ('2947-0', '6298-4'), ('718-7', '4544-3'),
                 ('29463-7', '39156-5'), ('2069-3', '20565-8'), ('6690-2', '777-3'), ('2093-3', '18262-6')]
        pairs = [p for p in pairs if P['obs'].get(p[0]) and P['obs'].get(p[1])]
        if not pairs:
            return None
        a, b = R.choice(pairs); oa = R.choice(P['obs'][a]); ob = [x for x in P['obs'][b] if x['date'] == oa['date']]
        if not ob:
            return None
        ob = ob[0]
        da, db = safe_dec(oa['v'], DEC[a]), safe_dec(ob['v'], DEC[b])
        va, vb = fnum(oa['v'], da), fnum(ob['v'], db)
        if wrong:
            if abs(oa['v'] - ob['v']) < 0.1 * max(oa['v'], ob['v']):
                return None
            va, vb = fnum(ob['v'], da), fnum(oa['v'], db)
        ia, ib = c.ci('observation', oa['id']), c.ci('observation', ob['id'])
        na, nb = aname(a), aname(b); ua, ub = R.choice(UNIT_SURF.get(a, [''])), R.choice(UNIT_SURF.get(b, ['']))
        c.add(t='num', c=ia, name=na, v=va, u=ua); c.add(t='num', c=ib, name=nb, v=vb, u=ub)
        ds = dstr(oa['date'], level='any'); c.add(t='date', c=ia, s=ds); c.add(t='date', c=ib, s=ds)
        t = R.choice([f'{cap(na)} {vu(va, ua)}, {nb} {vu(vb, ub)} ({ds}).', f'On {ds}: {na} {vu(va, ua)} and {nb} {vu(vb, ub)}.',
                      f'{ds} - {na} {vu(va, ua)} / {nb} {vu(vb, ub)}', f'{S} had {na} of {vu(va, ua)} and {nb} of {vu(vb, ub)} {on(ds)}.'])
        why = f'{oa["disp"]} {oa["v"]:.4g}, {ob["disp"]} {ob["v"]:.4g} on {oa["date"]}' + (' (values swapped in text)' if wrong else '')
        return c.out(t, 'wrong' if wrong else 'correct', 'swapped', why)
    # years swapped in a trend
    cs = codes_for(P, ['29463-7', '39156-5', '2093-3', '18262-6', '2571-8', '4548-4', '33914-3', '8302-2', '2085-9', '14959-1'], need=2)
    if not cs:
        return None
    code = R.choice(cs); pairs, val = trend_pairs(P, code)
    pairs = [p for p in pairs if abs(p[2]) >= 0.08 and p[0]['date'][:4] != p[1]['date'][:4]]
    if not pairs:
        return None
    A, B, rel = R.choice(pairs)
    ia, ib = c.ci('observation', A['id']), c.ci('observation', B['id'])
    ya, yb = A['date'][:4], B['date'][:4]
    dsa, dsb = dstr(A['date'], level=R.choice(['year', 'any'])), dstr(B['date'], level=R.choice(['year', 'any']))
    if wrong:
        dsa, dsb = dstr(B['date'], level='any'), dstr(A['date'], level='any')
    n = aname(code); d = DEC.get(code, 1)
    sa, sb = fnum(A['v'], safe_dec(A['v'], d)), fnum(B['v'], safe_dec(B['v'], d))
    c.add(t='num', c=ia, name=n, v=sa, u=''); c.add(t='num', c=ib, name=n, v=sb, u='')
    c.add(t='date', c=ia, s=dsa); c.add(t='date', c=ib, s=dsb)
    verb = R.choice(UP if rel > 0 else DOWN)
    if wrong:
        verb = R.choice(DOWN if rel > 0 else UP)
    c.add(t='trend', a=ia, b=ib, dir='up' if verb in UP else 'down')
    t = R.choice([f'{cap(n)} {verb} from {sa} in {dsa} to {sb} in {dsb}.'.replace('in the', 'on the'), f'{cap(n)}: {sa} ({dsa}) -> {sb} ({dsb}).',
                  f'{poss(S)} {n} {verb}, {sa} {on(dsa)} vs {sb} {on(dsb)}.'])
    if ': ' in t and '->' in t:
        pass
    why = f'{A["date"]}: {A["v"]:.4g}; {B["date"]}: {B["v"]:.4g}' + (' (dates swapped in text)' if wrong else '')
    return c.out(t, 'wrong' if wrong else 'correct', 'swapped', why)


# =============== category: wrong-citation (wrong) / same shape with right citation (correct)
def cat_wcite(P, wrong):
    c = C(P); S = subj(P)
    sh = R.choice(['obs', 'obs', 'obs', 'cond', 'med', 'bp'])
    if sh == 'obs':
        cs = codes_for(P)
        code = R.choice(cs); o = R.choice(P['obs'][code])
        n = aname(code); v, u, _, _ = num_surface(o); ds = dstr(o['date'], level='day')
        cited = o; why = f'cited observation is {o["disp"]} {o["v"]:.4g} on {o["date"]}'
        if wrong:
            mode = R.choice(['otheranalyte', 'otherdate', 'kind'])
            if mode == 'otheranalyte':
                same = [x for k, l in P['obs'].items() for x in l if x['date'] == o['date'] and k != code and abs(x['v'] - o['v']) > 0.1 * o['v']]
                if not same:
                    return None
                cited = R.choice(same); why = f'fact is true of {o["id"][:8]} ({o["disp"]}), but cited record is {cited["disp"]} {cited["v"]:.4g}'
            elif mode == 'otherdate':
                same = [x for x in P['obs'][code] if x['date'] != o['date'] and abs(x['v'] - o['v']) > max(0.06 * o['v'], 2 * 10 ** -DEC.get(code, 1))]
                if not same:
                    return None
                cited = R.choice(same); why = f'fact is true of the {o["date"]} result, but cited record is from {cited["date"]} ({cited["v"]:.4g})'
            else:
                e = [x for x in P['encs'] if x['date'] == o['date']]
                if not e:
                    return None
                i = c.ci('encounter', e[0]['id'])
                c.add(t='num', c=i, name=n, v=v, u=u); c.add(t='date', c=i, s=ds)
                why = f'fact is true (observation {o["id"][:8]}), but the citation is the encounter, which holds no {n} value'
                t = R.choice([f'{cap(n)} {vu(v, u)} on {ds}.', f'{ds}: {n} {vu(v, u)}.', f'{S} had {n} {vu(v, u)} at the {ds} visit.'])
                return c.out(t, 'wrong', 'wrong-citation', why)
        i = c.ci('observation', cited['id'])
        c.add(t='num', c=i, name=n, v=v, u=u); c.add(t='date', c=i, s=ds)
        t = R.choice([f'{cap(n)} {vu(v, u)} on {ds}.', f'{ds}: {n} {vu(v, u)}.', f'{S} had {n} {vu(v, u)} at the {ds} visit.',
                      f'{cap(n)} was {vu(v, u)} ({ds}).', f'Result {on(ds)}: {n} {vu(v, u)}.'])
        return c.out(t, 'wrong' if wrong else 'correct', 'wrong-citation', why)
    if sh == 'bp':
        if len(P['bp']) < 2:
            return None
        b = R.choice(P['bp']); cited = b
        if wrong:
            others = [x for x in P['bp'] if x['date'] != b['date'] and (abs(x['sys'] - b['sys']) >= 4 or abs(x['dia'] - b['dia']) >= 4)]
            if not others:
                return None
            cited = R.choice(others)
        i = c.ci('observation', cited['id']); v = f'{b["sys"]:.0f}/{b["dia"]:.0f}'; ds = dstr(b['date'], level='day')
        c.add(t='bp', c=i, s=v, u='mmHg'); c.add(t='date', c=i, s=ds)
        t = R.choice([f'BP {v} mmHg on {ds}.', f'{S} had a BP of {v} mmHg {on(ds)}.', f'{ds} BP: {v} mmHg.'])
        why = f'BP {v} on {b["date"]}' + (f' is a different panel; cited panel ({cited["date"]}) reads {cited["sys"]:.0f}/{cited["dia"]:.0f}' if wrong else '')
        return c.out(t, 'wrong' if wrong else 'correct', 'wrong-citation', why)
    if sh == 'cond':
        conds = [x for x in P['conds'] if concept_name(x['disp'])]
        if not conds:
            return None
        r = R.choice(conds); cn = concept_name(r['disp']); ds = dstr(r['onset'], level='any')
        if wrong:
            others = [x for x in P['conds'] if not any(s in x['disp'].lower() for s in CONCEPTS.get(cn.lower(), [cn.lower()])) and cn.lower() not in x['disp'].lower()]
            kind = 'condition'
            if not others:
                return None
            x = R.choice(others); i = c.ci(kind, x['id'])
            why = f'{cn} is on condition {r["id"][:8]}; the cited {kind} is "{x["disp"]}"'
        else:
            i = c.ci('condition', r['id']); why = f'condition "{r["disp"]}" onset {r["onset"]}'
        c.add(t='concept', c=i, s=cn); c.add(t='date', c=i, s=ds, f='onset')
        t = R.choice([f'{cap(cn)} diagnosed {on(ds)}.', f'{S} has a history of {cn} (onset {ds}).', f'Dx: {cn}, {ds}.', f'{cap(cn)} first noted {on(ds)}.'])
        return c.out(t, 'wrong' if wrong else 'correct', 'wrong-citation', why)
    if not P['meds']:
        return None
    m = R.choice(P['meds']); mn = drug_name(m['disp'])
    if not mn:
        return None
    ds = dstr(m['date'], level='any')
    if wrong:
        others = [x for x in P['meds'] if not any(s in x['disp'].lower() for s in DRUGS[mn.lower()])]
        kind = 'medication'
        if not others or R.random() < 0.4:
            others = [x for x in P['conds'] if x['onset'] == m['date']] or [x for x in P['encs'] if x['date'] == m['date']]
            kind = 'condition' if others and others[0] in P['conds'] else 'encounter'
        if not others:
            return None
        x = R.choice(others); i = c.ci(kind, x['id'])
        why = f'{mn} is MedicationRequest {m["id"][:8]}; the cited {kind} is "{x["disp"]}"'
    else:
        i = c.ci('medication', m['id']); why = f'MedicationRequest "{m["disp"]}" authored {m["date"]}'
    c.add(t='concept', c=i, s=mn, k='drug'); c.add(t='date', c=i, s=ds)
    t = R.choice([f'{cap(mn)} prescribed {on(ds)}.', f'{S} was started on {mn} {on(ds)}.', f'Rx {mn} ({ds}).', f'{cap(mn)} ordered {on(ds)}.'])
    return c.out(t, 'wrong' if wrong else 'correct', 'wrong-citation', why)


# =============== category: interpretation
def classify(scheme, v, v2=None):
    if scheme == 'bmi':
        return 'underweight' if v < 18.5 else 'normal' if v < 25 else 'overweight' if v < 30 else 'obese'
    if scheme == 'bp':
        s, d = v, v2
        if s >= 140 or d >= 90: return 'stage2'
        if s >= 130 or d >= 80: return 'stage1'
        if s >= 120: return 'elevated'
        return 'normal'
    if scheme == 'a1c':
        return 'normal' if v < 5.7 else 'prediabetes' if v < 6.5 else 'diabetes'
    if scheme == 'egfr':
        return 'G1' if v >= 90 else 'G2' if v >= 60 else 'G3a' if v >= 45 else 'G3b' if v >= 30 else 'G4' if v >= 15 else 'G5'
    if scheme == 'ldl':
        return 'optimal' if v < 100 else 'near optimal' if v < 130 else 'borderline high' if v < 160 else 'high' if v < 190 else 'very high'
    if scheme == 'tc':
        return 'desirable' if v < 200 else 'borderline high' if v < 240 else 'high'
    if scheme == 'tg':
        return 'normal' if v < 150 else 'borderline high' if v < 200 else 'high' if v < 500 else 'very high'
    if scheme == 'temp':
        return 'febrile' if v >= 38.0 else 'afebrile'


TH = {'bmi': [18.5, 25, 30], 'a1c': [5.7, 6.5], 'egfr': [15, 30, 45, 60, 90], 'ldl': [100, 130, 160, 190], 'tc': [200, 240],
      'tg': [150, 200, 500], 'temp': [38.0]}
MARGIN = {'bmi': 0.3, 'a1c': 0.06, 'egfr': 1.5, 'ldl': 2, 'tc': 2, 'tg': 2, 'temp': 0.15}
PHR = {
    'bmi': {'underweight': ['underweight'], 'normal': ['a normal BMI', 'normal weight', 'in the healthy weight range'],
            'overweight': ['overweight'], 'obese': ['obese', 'in the obese range']},
    'bp': {'normal': ['normal BP', 'a normal blood pressure'], 'elevated': ['elevated BP (not yet hypertensive)'],
           'stage1': ['stage 1 hypertension range', 'stage 1 HTN range'], 'stage2': ['stage 2 hypertension range', 'stage 2 HTN range'],
           'hypertensive': ['hypertensive range', 'a hypertensive reading']},
    'a1c': {'normal': ['normal', 'non-diabetic'], 'prediabetes': ['in the prediabetic range', 'prediabetic'], 'diabetes': ['in the diabetic range', 'diabetic range']},
    'egfr': {'G1': ['normal (G1)', 'KDIGO G1'], 'G2': ['mildly decreased (G2)', 'KDIGO G2'], 'G3a': ['G3a, mild-moderately reduced'],
             'G3b': ['G3b'], 'G4': ['severely reduced (G4)'], 'G5': ['kidney failure range (G5)']},
    'ldl': {'optimal': ['optimal', 'at goal (<100)'], 'near optimal': ['near optimal'], 'borderline high': ['borderline high'],
            'high': ['high'], 'very high': ['very high']},
    'tc': {'desirable': ['desirable', 'in the desirable range'], 'borderline high': ['borderline high'], 'high': ['high']},
    'tg': {'normal': ['normal', 'within normal limits'], 'borderline high': ['borderline high'], 'high': ['high', 'elevated'], 'very high': ['very high']},
    'temp': {'febrile': ['febrile'], 'afebrile': ['afebrile']},
}
SCHEME_CODE = {'bmi': '39156-5', 'a1c': '4548-4', 'egfr': '33914-3', 'ldl': '18262-6', 'tc': '2093-3', 'tg': '2571-8', 'temp': '8331-1'}
THRESH_NAME = {'bmi': 'WHO adult BMI categories', 'bp': 'ACC/AHA 2017 BP categories', 'a1c': 'ADA HbA1c criteria',
               'egfr': 'KDIGO GFR categories', 'ldl': 'NCEP ATP III LDL categories', 'tc': 'NCEP ATP III total cholesterol',
               'tg': 'NCEP ATP III triglycerides', 'temp': 'fever >= 38.0 C'}


def cat_interp(P, wrong):
    c = C(P); S = subj(P)
    schemes = [s for s, k in SCHEME_CODE.items() if P['obs'].get(k)] + (['bp', 'bp'] if P['bp'] else [])
    R.shuffle(schemes)
    for sc in schemes:
        if sc == 'bp':
            cand = [b for b in P['bp'] if age_at(P, b['date']) >= 18 and min(abs(b['sys'] - t) for t in (120, 130, 140)) > 1.5 and min(abs(b['dia'] - t) for t in (80, 90)) > 1.5]
        else:
            cand = [o for o in P['obs'][SCHEME_CODE[sc]] if min(abs(o['v'] - t) for t in TH[sc]) > MARGIN[sc]]
            if sc == 'bmi':
                cand = [o for o in cand if age_at(P, o['date']) >= 20]
        if cand:
            break
    else:
        return None
    o = R.choice(cand); i = c.ci('observation', o['id'])
    if sc == 'bp':
        cat = classify('bp', o['sys'], o['dia'])
        v = f'{o["sys"]:.0f}/{o["dia"]:.0f}'; c.add(t='bp', c=i, s=v, u='mmHg')
        val = f'BP {v} mmHg'
        cats = ['normal', 'elevated', 'stage1', 'stage2'] + (['hypertensive'] if cat in ('stage1', 'stage2') else [])
        if wrong:
            said = R.choice([x for x in ['normal', 'elevated', 'stage1', 'stage2'] + (['hypertensive'] if cat in ('normal', 'elevated') else []) if x != cat])
        else:
            said = R.choice([cat, cat, 'hypertensive'] if cat in ('stage1', 'stage2') else [cat])
    else:
        code = SCHEME_CODE[sc]; cat = classify(sc, o['v'])
        vs, u, _, _ = num_surface(o); n = aname(code)
        c.add(t='num', c=i, name=n, v=vs, u=u); val = f'{n} {vu(vs, u)}'
        if wrong:
            allc = list(PHR[sc])
            # prefer a neighbouring category (plausible mistake)
            idx = allc.index(cat); nb = [allc[j] for j in (idx - 1, idx + 1) if 0 <= j < len(allc)]
            said = R.choice(nb if nb and R.random() < 0.7 else [x for x in allc if x != cat])
        else:
            said = cat
    phrase = R.choice(PHR[sc][said])
    c.add(t='interp', c=i, scheme=sc, want=said, p=phrase)
    ds = dstr(o['date'], level='any'); c.add(t='date', c=i, s=ds)
    adj = phrase in ('underweight', 'normal weight', 'in the healthy weight range', 'overweight', 'obese', 'in the obese range', 'febrile', 'afebrile')
    S2 = S if S not in ('He', 'She') else 'the patient'
    t = R.choice([f'{cap(val)} ({ds}) - {phrase}.', f'{S} was {phrase} on {ds} with {val}.' if adj else f'{cap(val)} on {ds}, which is {phrase}.',
                  f'{cap(val)} {on(ds)}: {phrase}.', f'{cap(val)}, {ds}; interpretation: {phrase}.', f'With {val} ({ds}), {S2} is {phrase}.' if adj else f'{cap(val)} on {ds} is {phrase}.',
                  f'{cap(val)} ({ds}) puts {S2} in the {phrase} category.' if sc == 'bmi' and phrase in ('overweight', 'obese', 'underweight') else f'{cap(val)} recorded {on(ds)} - {phrase}.'])
    tv = (o['sys'], o['dia']) if sc == 'bp' else round(o['v'], 2)
    why = f'value {tv} -> {cat} by {THRESH_NAME[sc]}' + (f'; text says {said}' if wrong else '')
    return c.out(t, 'wrong' if wrong else 'correct', 'interpretation', why)


# =============== main
CATS = [('dates', cat_dates), ('abbreviations', cat_abbr), ('drug-names', cat_drug), ('units', cat_units), ('rounding', cat_round),
        ('trends', cat_trend), ('two-facts', cat_two), ('negation', cat_neg), ('status', cat_status), ('latest', cat_latest),
        ('swapped', cat_swapped), ('wrong-citation', cat_wcite), ('interpretation', cat_interp)]
PER = int(sys.argv[2]) if len(sys.argv) > 2 else 27

if __name__ == '__main__':
    ids = list(PTS)
    big = [p for p in ids if PTS[p]['first'] in ('Vito', 'Evelyn')]
    claims = []
    seen = set()
    for cat, fn in CATS:
        for wrong in (False, True):
            order = []
            while len(order) < 400:
                l = ids + big * 2; R.shuffle(l); order += l
            n = 0; k = 0
            while n < PER and k < len(order):
                P = PTS[order[k]]; k += 1
                try:
                    res = fn(P, wrong)
                except (IndexError, ValueError, KeyError, ZeroDivisionError, TypeError, AttributeError) as ex:
                    print('ERR', cat, type(ex).__name__, ex, file=sys.stderr)
                    res = None
                if not res:
                    continue
                cl, a = res
                if cl['text'] in seen:
                    continue
                seen.add(cl['text']); claims.append((cl, a)); n += 1
            if n < PER:
                print('short', cat, wrong, n, file=sys.stderr)
    R.shuffle(claims)
    with open('claims.jsonl', 'w') as f, open('claims_checks.jsonl', 'w') as g:
        for j, (cl, a) in enumerate(claims):
            f.write(json.dumps(cl, ensure_ascii=False) + '\n')
            g.write(json.dumps({'n': j, 'text': cl['text'], 'checks': a}, ensure_ascii=False) + '\n')
    print(len(claims))
