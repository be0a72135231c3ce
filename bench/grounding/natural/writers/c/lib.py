"""dev3 claim-writing helpers: look records up by (patient key, kind, date) so no id is typed by hand,
and attach machine-checkable assertions ("checks") to every claim.  The checks are written to
checks.jsonl (same line order as claims.jsonl) and evaluated by validate.py against the bundles."""
import sys, json, re
sys.path.insert(0, '/work/notes/evalsets/dev3')
from facts import load_all, disp, date_of, obs_value

PATS = load_all()
NAME2PID = {p['name']: pid for pid, p in PATS.items()}
KEYS = {
    'alberto': 'Alberto Armstrong', 'andyg': 'Andy Gusikowski', 'andys': 'Andy Schaden',
    'annmarie': 'Annmarie Doyle', 'beatrice': 'Beatrice Aufderhar', 'bryan': 'Bryan Breitenberg',
    'dannie': 'Dannie Schmitt', 'deedra': 'Deedra Lockman', 'elisha': 'Elisha Bradtke',
    'emilia': 'Emilia Palomino', 'erin': 'Erin Rempel', 'evelyn': 'Evelyn McCullough',
    'gale': 'Gale Donnelly', 'jules': 'Jules Marks', 'junita': 'Junita Labadie',
    'malcom': 'Malcom Harris', 'man': 'Man Schamberger', 'mathilda': "Mathilda O'Keefe",
    'maurice': 'Maurice Mohr', 'michael': 'Michael Kihn', 'monika': 'Monika Green',
    'nohemi': 'Nohemi Mertz', 'oswaldo': 'Oswaldo Armstrong', 'thanh': 'Thanh Considine',
    'tyrell': 'Tyrell Kuphal', 'vito': 'Vito Feeney',
}
def pid(k): return NAME2PID[KEYS[k]]

ALIAS = {
    'wt': 'Body Weight', 'ht': 'Body Height', 'bmi': 'Body Mass Index', 'bp': 'Blood Pressure',
    'chol': 'Total Cholesterol', 'tg': 'Triglycerides', 'ldl': 'Low Density Lipoprotein Cholesterol',
    'hdl': 'High Density Lipoprotein Cholesterol', 'glu': 'Glucose', 'bun': 'Urea Nitrogen',
    'cr': 'Creatinine', 'ca': 'Calcium', 'na': 'Sodium', 'k': 'Potassium', 'cl': 'Chloride',
    'co2': 'Carbon Dioxide', 'a1c': 'Hemoglobin A1c/Hemoglobin.total in Blood',
    'egfr': 'Estimated Glomerular Filtration Rate', 'macr': 'Microalbumin Creatinine Ratio',
    'wbc': 'Leukocytes [#/volume] in Blood by Automated count',
    'rbc': 'Erythrocytes [#/volume] in Blood by Automated count',
    'hgb': 'Hemoglobin [Mass/volume] in Blood',
    'hct': 'Hematocrit [Volume Fraction] of Blood by Automated count',
    'mcv': 'MCV [Entitic volume] by Automated count', 'mch': 'MCH [Entitic mass] by Automated count',
    'mchc': 'MCHC [Mass/volume] by Automated count',
    'rdw': 'Erythrocyte distribution width [Entitic volume] by Automated count',
    'plt': 'Platelets [#/volume] in Blood by Automated count',
    'mpv': 'Platelet mean volume [Entitic volume] in Blood by Automated count',
    'temp': 'Oral temperature', 'pain': 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
    'smoke': 'Tobacco smoking status NHIS', 'psa': 'Prostate specific Ag [Mass/volume] in Serum or Plasma',
    'alt': 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
    'ast': 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
    'alp': 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma',
    'bili': 'Bilirubin.total [Mass/volume] in Serum or Plasma',
    'alb': 'Albumin [Mass/volume] in Serum or Plasma', 'prot': 'Protein [Mass/volume] in Serum or Plasma',
    'glob': 'Globulin [Mass/volume] in Serum by calculation', 'gfrpred': 'Glomerular filtration rate/1.73 sq M.predicted',
    'ef': 'Left ventricular Ejection fraction', 'bnp': 'NT-proBNP', 'mmse': 'Total score [MMSE]',
    'dxa': 'DXA [T-score] Bone density', 'prostate': 'Physical findings of Prostate',
    'cod': 'Cause of Death [US Standard Certificate of Death]', 'biopsy': 'US Guidance for biopsy of Prostate',
    'uprot': 'Protein [Mass/\u200bvolume] in Urine by Test strip', 'usg': 'Specific gravity of Urine by Test strip',
    'uph': 'pH of Urine by Test strip',
}

def res_of(k, rtype):
    return [r for r in PATS[pid(k)]['res'].values() if r['resourceType'] == rtype]

class Cite:
    def __init__(self, k, r, comp=None):
        self.k, self.r, self.comp = k, r, comp
        kindmap = {'Condition': 'condition', 'MedicationRequest': 'medication', 'AllergyIntolerance': 'allergy',
                   'Encounter': 'encounter', 'Procedure': 'procedure', 'Immunization': 'immunization',
                   'DiagnosticReport': 'diagnostic-report', 'Observation': 'observation'}
        if r is None:  # patient citation
            self.cit = {'kind': 'record', 'record': 'patient', 'id': pid(k)}
        else:
            rid = r['id'] + (f'#{comp}' if comp is not None else '')
            self.cit = {'kind': 'record', 'record': kindmap[r['resourceType']], 'id': rid}

def _one(cands, what, n=None):
    if n is not None:
        return cands[n]
    if len(cands) != 1:
        raise ValueError(f'{what}: {len(cands)} matches')
    return cands[0]

def O(k, code, date, n=None):
    name = ALIAS.get(code, code)
    c = sorted([r for r in res_of(k, 'Observation') if disp(r['code']) == name and date_of(r).startswith(date)],
               key=lambda r: r['id'])
    return Cite(k, _one(c, f'{k} {code} {date}', n))

def _comp(k, date, which):
    r = O(k, 'bp', date).r
    for i, c in enumerate(r['component']):
        if which in disp(c['code']):
            return Cite(k, r, i)
    raise ValueError('no comp')
def SBP(k, date): return _comp(k, date, 'Systolic')
def DBP(k, date): return _comp(k, date, 'Diastolic')
def BP(k, date): return O(k, 'bp', date)

def _find(k, rtype, sub, date=None, n=None):
    c = [r for r in res_of(k, rtype) if sub.lower() in (rdisp(r) or '').lower()
         and (date is None or (date_of(r) or '').startswith(date))]
    c.sort(key=lambda r: (date_of(r) or '', r['id']))
    exact = [r for r in c if (rdisp(r) or '').lower() == sub.lower()]
    if len(c) > 1 and len(exact) == 1 and n is None: c = exact
    return Cite(k, _one(c, f'{k} {rtype} {sub} {date}', n))
def C(k, sub, date=None, n=None): return _find(k, 'Condition', sub, date, n)
def M(k, sub, date=None, n=None): return _find(k, 'MedicationRequest', sub, date, n)
def AL(k, sub, date=None, n=None): return _find(k, 'AllergyIntolerance', sub, date, n)
def PR(k, sub, date=None, n=None): return _find(k, 'Procedure', sub, date, n)
def IM(k, sub, date=None, n=None): return _find(k, 'Immunization', sub, date, n)
def DR(k, sub, date=None, n=None): return _find(k, 'DiagnosticReport', sub, date, n)
def E(k, date, sub='', n=None): return _find(k, 'Encounter', sub, date, n)
def PT(k): return Cite(k, None)

def rdisp(r):
    t = r['resourceType']
    if t == 'Observation': return disp(r['code'])
    if t == 'MedicationRequest': return disp(r.get('medicationCodeableConcept'))
    if t == 'Immunization': return disp(r['vaccineCode'])
    if t == 'Encounter':
        s = disp(r['type'][0])
        if r.get('reasonCode'): s += ' | reason: ' + disp(r['reasonCode'][0])
        return s
    return disp(r.get('code'))

# ---- checks -----------------------------------------------------------------------------
def _tol(xs):
    xs = xs.strip().lstrip('~')
    dec = len(xs.split('.')[1]) if '.' in xs else 0
    return float(xs), 0.5 * 10 ** (-dec) + 1e-9
def v(i, xs, tol=None):
    x, t = _tol(xs); return {'t': 'val', 'i': i, 'x': x, 'tol': tol if tol is not None else t}
def cv(i, xs, conv, tol=None):
    x, t = _tol(xs); return {'t': 'conv', 'i': i, 'x': x, 'tol': tol if tol is not None else t, 'conv': conv}
def bpv(i, which, xs, tol=None):
    x, t = _tol(xs); return {'t': 'compval', 'i': i, 'which': which, 'x': x, 'tol': tol if tol is not None else t}
def bprng(i, which, lo, hi): return {'t': 'comprange', 'i': i, 'which': which, 'lo': lo, 'hi': hi}
def reason(i, sub): return {'t': 'reason', 'i': i, 's': sub}
def unit(i, u): return {'t': 'unit', 'i': i, 'u': u}
def none(rtype): return {'t': 'none', 'rtype': rtype}
def no_active(rtype, rx='.'): return {'t': 'no_active', 'rtype': rtype, 'rx': rx}
def absent_dx(rx): return {'t': 'absent_dx', 'rx': rx}
def latest_type(i): return {'t': 'latest_type', 'i': i}
def rng(i, lo, hi): return {'t': 'range', 'i': i, 'lo': lo, 'hi': hi}
def d(i, pref): return {'t': 'date', 'i': i, 'p': pref}
def dper(i, lo, hi): return {'t': 'dper', 'i': i, 'lo': lo, 'hi': hi}
def code(i, sub): return {'t': 'code', 'i': i, 's': sub}
def st(i, s): return {'t': 'status', 'i': i, 's': s}
def ab(i, pref): return {'t': 'abate', 'i': i, 'p': pref}
def latest(i): return {'t': 'latest', 'i': i}
def latest_enc(i): return {'t': 'latest_enc', 'i': i}
def absent(rx, scope=('Condition', 'MedicationRequest', 'AllergyIntolerance')):
    return {'t': 'absent', 'rx': rx, 'scope': list(scope)}
def present(rx, scope=('Condition', 'MedicationRequest', 'AllergyIntolerance')):
    return {'t': 'present', 'rx': rx, 'scope': list(scope)}
def cval(i, sub): return {'t': 'cval', 'i': i, 's': sub}
def cmp(i, op, thr): return {'t': 'cmp', 'i': i, 'op': op, 'thr': thr}
def tr(i, j, dirn, tol=0.0): return {'t': 'trend', 'i': i, 'j': j, 'dir': dirn, 'tol': tol}
def before(i, j): return {'t': 'before', 'i': i, 'j': j}
def freq(i, f, per, unit): return {'t': 'freq', 'i': i, 'f': f, 'per': per, 'u': unit}
def prn(i, b=True): return {'t': 'prn', 'i': i, 'b': b}
def smoke_latest(s): return {'t': 'smoke_latest', 's': s}
def count(rx, rtype, n): return {'t': 'count', 'rx': rx, 'rtype': rtype, 'n': n}
def obs_exists(code_, date, xs, tol=None):
    x, t = _tol(xs)
    return {'t': 'obs_exists', 'code': ALIAS.get(code_, code_), 'p': date, 'x': x, 'tol': tol if tol is not None else t}
def err(c): c = dict(c); c['err'] = True; return c
def meta(c): c = dict(c); c['meta'] = True; return c

CLAIMS, CHECKS = [], []

def _fmt(c):
    r = c.r
    if r is None: return 'whole chart'
    name = rdisp(r)
    dt = date_of(r)
    t = r['resourceType']
    if t == 'Observation':
        if c.comp is not None:
            q = r['component'][c.comp]
            return f"{disp(q['code'])} {dt} = {q['valueQuantity']['value']:.4g} {q['valueQuantity']['unit']}"
        if 'component' in r:
            cs = r['component']
            return f"{name} {dt} = " + '/'.join(f"{x['valueQuantity']['value']:.4g}" for x in reversed(cs)) + ' mmHg (sys/dia)'
        val, u = obs_value(r)
        if isinstance(val, float): val = f'{val:.4g}'
        return f"{name} {dt} = {val} {u or ''}".strip()
    if t == 'Condition':
        s = f"Condition '{name}' onset {dt} status {r['clinicalStatus']['coding'][0]['code']}"
        if r.get('abatementDateTime'): s += f" abated {r['abatementDateTime'][:10]}"
        return s
    if t == 'MedicationRequest':
        return f"MedicationRequest '{name}' authored {dt} status {r['status']}"
    if t == 'AllergyIntolerance':
        return f"AllergyIntolerance '{name}' recorded {dt}"
    return f"{t} '{name}' {dt}"

def add(k, cat, label, text, cites, checks, why):
    assert label in ('correct', 'wrong'), label
    if label == 'wrong':
        assert any(c.get('err') for c in checks), text
    else:
        assert not any(c.get('err') for c in checks), text
    ev = '; '.join(_fmt(c) for c in cites)
    CLAIMS.append({'patient': pid(k), 'text': text, 'citations': [c.cit for c in cites],
                   'label': label, 'category': cat, 'why': f'{why} [cited: {ev}]'})
    CHECKS.append(checks)

def write(path_claims, path_checks):
    with open(path_claims, 'w') as f:
        for c in CLAIMS: f.write(json.dumps(c, ensure_ascii=False) + '\n')
    with open(path_checks, 'w') as f:
        for c in CHECKS: f.write(json.dumps(c) + '\n')
