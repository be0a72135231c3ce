#!/usr/bin/env python3
"""Independent re-check of claims.jsonl against the Synthea bundles.
Reads the raw bundles itself (does not import the generator), re-evaluates every structured fact in
checks.jsonl against the CITED records (or the whole chart for 'patient' citations), recomputes the
label (correct iff every fact holds), and compares it to the claim's label. Also checks format, citation
ids, that each fact's rendered value/date text appears in the claim text, counts and patient coverage."""
import json, glob, sys, collections, datetime

D = '/work/shared/data/synthea'
H = '/work/notes/evalsets/j-heldout/'
CATS = ['dates', 'abbreviations', 'drug-names', 'units', 'rounding', 'trends', 'two-facts', 'negation', 'status', 'latest',
        'swapped', 'wrong-citation', 'interpretation']
KIND = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter',
        'procedure': 'Procedure', 'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation'}

charts = {}
for f in glob.glob(D + '/*.json'):
    res = [e['resource'] for e in json.load(open(f))['entry']]
    pid = [r for r in res if r['resourceType'] == 'Patient'][0]['id']
    charts[pid] = {(r['resourceType'], r['id']): r for r in res}

def loinc(cc): return cc['coding'][0]['code']
def text_of(r):
    for k in ('code', 'medicationCodeableConcept', 'vaccineCode'):
        if k in r: return (r[k].get('text') or r[k]['coding'][0]['display']).lower()
    if 'type' in r and isinstance(r['type'], list): return (r['type'][0].get('text') or '').lower()
    return ''
def rdate(r, kind):
    if kind == 'condition_abate': return r['abatementDateTime'][:10]
    for k in ('effectiveDateTime', 'onsetDateTime', 'authoredOn', 'occurrenceDateTime', 'recordedDate'):
        if k in r: return r[k][:10]
    if 'period' in r: return r['period']['start'][:10]
    if 'performedPeriod' in r: return r['performedPeriod']['start'][:10]
    raise KeyError('no date')

def get(pid, rec):
    """rec 'id' or 'id#i' -> (resource, value quantity dict or None, code)"""
    rid, _, idx = rec.partition('#')
    ch = charts[pid]
    r = [v for (t, i), v in ch.items() if i == rid]
    if not r: raise KeyError('missing record ' + rec)
    r = r[0]
    if idx:
        c = r['component'][int(idx)]
        return r, c.get('valueQuantity'), loinc(c['code'])
    return r, r.get('valueQuantity'), loinc(r['code']) if r['resourceType'] == 'Observation' else None

# unit conversion from the record's unit to a written unit key (validator's own table)
MGDL_TO_MMOL = {'2339-0': 1 / 18.016, '2093-3': 1 / 38.67, '18262-6': 1 / 38.67, '2085-9': 1 / 38.67, '2571-8': 1 / 88.57}
def conv(code, ru, key, v):
    if key == 'same': return v, False
    if key == 'F' and ru == 'Cel': return v * 1.8 + 32, True
    if key == 'lb' and ru == 'kg': return v / 0.45359237, True
    if key == 'in' and ru == 'cm': return v / 2.54, True
    if key == 'mmol/L' and ru == 'mg/dL' and code in MGDL_TO_MMOL: return v * MGDL_TO_MMOL[code], True
    if key == 'umol/L' and ru == 'mg/dL' and code == '38483-4': return v * 88.4, True
    if key == 'g/L' and ru == 'g/dL': return v * 10, True
    if key == 'mL/s' and ru.startswith('mL/min'): return v / 60, True
    if key == 'per_uL' and ru == '10*3/uL': return v * 1000, True
    if key == 'lb/in2' and ru == 'kg/m2': return v * 0.00142233, True
    raise ValueError('no conversion %s %s %s' % (code, ru, key))

BRAND = {'microzide': 'hydrochlorothiazide', 'glucophage xr': 'metformin', 'zocor': 'simvastatin', 'norvasc': 'amlodipine',
         'plavix': 'clopidogrel', 'toprol-xl': 'metoprolol', 'lasix': 'lasix', 'razadyne': 'galantamine', 'fosamax': 'alendronic',
         'allegra': 'fexofenadine', 'aleve': 'naproxen', 'advil': 'ibuprofen', 'motrin': 'ibuprofen', 'augmentin': 'amoxicillin+clavulanate',
         'amoxil': 'amoxicillin', 'ceftin': 'cefuroxime', 'percocet': 'oxycodone+acetaminophen', 'norco': 'hydrocodone+acetaminophen',
         'tylenol': 'acetaminophen', 'benadryl': 'diphenhydramine', 'namenda': 'memantine', 'taxotere': 'docetaxel', 'lupron': 'leuprolide',
         'eloxatin': 'oxaliplatin', 'activase': 'alteplase', 'depo-provera': 'medroxyprogesterone', 'proair': 'albuterol',
         'flovent hfa': 'fluticasone', 'epipen': 'epinephrine', 'humulin': 'insulin+humulin', 'nitrolingual': 'nitroglycerin',
         # brands of OTHER ingredients used in wrong claims
         'zestril': 'lisinopril', 'glucotrol xl': 'glipizide', 'lipitor': 'atorvastatin', 'cardizem': 'diltiazem', 'eliquis': 'apixaban',
         'coreg': 'carvedilol', 'bumex': 'bumetanide', 'aricept': 'donepezil', 'actonel': 'risedronate', 'claritin': 'loratadine',
         'zithromax': 'azithromycin', 'keflex': 'cephalexin', 'omnicef': 'cefdinir', 'zyrtec': 'cetirizine', 'taxol': 'paclitaxel',
         'zoladex': 'goserelin', 'paraplatin': 'carboplatin', 'tnkase': 'tenecteplase', 'nexplanon': 'etonogestrel', 'atrovent': 'ipratropium',
         'pulmicort': 'budesonide', 'narcan': 'naloxone', 'lantus': 'glargine', 'imdur': 'isosorbide'}

import re
def strength_ok(disp, s):
    """s like '25 mg', '250/125 mg', '5/325 mg', '2 mg/mL', '90 mcg/actuation', '0.3 mg', '70/30', '0.4 mg/spray'"""
    nums = re.findall(r'[\d.]+', disp)
    want = re.findall(r'[\d.]+', s)
    n = [float(x) for x in nums]
    if s.endswith('mcg/actuation'):
        return float(want[0]) / 1000 in n
    return all(float(w) in n for w in want)

def cat_of(k, vals):
    if k == 'bp':
        s, d = vals
        if s >= 140 or d >= 90: c = 'stage2'
        elif s >= 130 or d >= 80: c = 'stage1'
        elif s >= 120: c = 'elevated'
        else: c = 'normal'
        amb = min(abs(s - t) for t in (120, 130, 140)) < 3 or min(abs(d - t) for t in (80, 90)) < 3
        return c, amb
    v = vals
    T = {'39156-5': [(18.5, 'underweight'), (25, 'normal'), (30, 'overweight'), (1e9, 'obese')],
         '4548-4': [(5.7, 'normal'), (6.5, 'prediabetic'), (1e9, 'diabetic')],
         '18262-6': [(100, 'optimal'), (130, 'near'), (160, 'borderline'), (1e9, 'high')],
         '2093-3': [(200, 'desirable'), (240, 'borderline'), (1e9, 'high')],
         '2571-8': [(150, 'normal'), (200, 'borderline'), (1e9, 'high')],
         '2085-9': [(40, 'low'), (60, 'mid'), (1e9, 'high')],
         '33914-3': [(15, 'G5'), (30, 'G4'), (45, 'G3b'), (60, 'G3a'), (90, 'G2'), (1e9, 'G1')],
         '8331-1': [(38.0, 'afebrile'), (1e9, 'fever')]}[k]
    for cut, name in T:
        if v < cut:
            amb = any(abs(v - c0) < (0.3 if k == '8331-1' else 0.02 * c0) for c0, _ in T if c0 < 1e8)
            return name, amb
    raise ValueError

def chart_lists(pid):
    out = []
    for (t, i), r in charts[pid].items():
        if t in ('Condition', 'MedicationRequest', 'AllergyIntolerance', 'Procedure'): out.append((t, text_of(r)))
    return out

def check_fact(pid, f, text, cits):
    t = f['t']
    cited = {c['id'] for c in cits}
    if 'rec' in f:
        base = f['rec'].split('#')[0]
        if base not in cited: return None, 'fact record %s not cited' % f['rec']
    if 'txt' in f and f['txt'] not in text: return None, 'rendered "%s" not in text' % f['txt']
    if t == 'val':
        r, q, code = get(pid, f['rec'])
        if r['resourceType'] != 'Observation' or q is None: return False, 'not a quantity observation'
        if code != f['loinc']: return False, 'analyte %s != cited %s' % (f['loinc'], code)
        v, converted = conv(code, q.get('unit') or q.get('code'), f['unit'], q['value'])
        tol = 0.5 * 10 ** -f['dec'] * (1 + 1e-9) + (0.01 * abs(v) if converted else 0)
        return abs(v - f['v']) <= tol, 'value %s vs record %.4f' % (f['v'], v)
    if t == 'date':
        r, _, _ = get(pid, f['rec'])
        if KIND.get(f['kind'].replace('_abate', ''), '') != r['resourceType']: return False, 'date on wrong kind'
        try: d = rdate(r, f['kind'])
        except KeyError: return False, 'no such date'
        n = {'y': 4, 'm': 7, 'd': 10}[f['g']]
        return d[:n] == f['d'][:n], 'date %s vs %s (%s)' % (f['d'], d, f['g'])
    if t == 'name':
        r, _, _ = get(pid, f['rec'])
        kws = f['kw'] if isinstance(f['kw'], list) else [f['kw']]
        return all(k in text_of(r) for k in kws), 'name %s in %s' % (kws, text_of(r))
    if t == 'drug':
        r, _, _ = get(pid, f['rec'])
        if r['resourceType'] != 'MedicationRequest': return False, 'not a medication'
        disp = text_of(r)
        if f.get('brand'):
            ing = BRAND[f['brand'].lower()]
            ok = all(x in disp for x in ing.split('+'))
            return ok, 'brand %s (%s) vs %s' % (f['brand'], ing, disp)
        return all(k in disp for k in f['kws']), 'generic %s vs %s' % (f['kws'], disp)
    if t == 'strength':
        r, _, _ = get(pid, f['rec'])
        if r['resourceType'] != 'MedicationRequest': return False, 'not a medication'
        return strength_ok(text_of(r), f['s']), 'strength %s vs %s' % (f['s'], text_of(r))
    if t == 'cstat':
        r, _, _ = get(pid, f['rec'])
        return r['clinicalStatus']['coding'][0]['code'] == f['s'], 'cond status'
    if t == 'mstat':
        r, _, _ = get(pid, f['rec'])
        return r['status'] == f['s'], 'med status %s vs %s' % (f['s'], r['status'])
    if t == 'smoke':
        r, _, _ = get(pid, f['rec'])
        v = text_of({'code': r['valueCodeableConcept']})
        return v.startswith(f['s']), 'smoking %s vs %s' % (f['s'], v)
    if t == 'absent':
        if pid not in cited: return None, 'absence claim without patient citation'
        if f['kws'] == ['__allergy__']:
            return not any(t0 == 'AllergyIntolerance' for t0, _ in chart_lists(pid)), 'allergy list'
        hits = [x for x in chart_lists(pid) if any(k in x[1] for k in f['kws'])]
        return not hits, 'hits %s' % hits[:2]
    if t == 'no_drug_allergy':
        al = [x for t0, x in chart_lists(pid) if t0 == 'AllergyIntolerance']
        drugish = [a for a in al if not any(w in a for w in ('venom', 'mould', 'mold', 'dander', 'pollen', 'wheat', 'peanut', 'egg', 'milk', 'shellfish', 'dust', 'nut', 'fish', 'soya', 'latex'))]
        return not drugish, 'allergies %s' % al
    if t in ('latest', 'latest_enc'):
        r, _, _ = get(pid, f['rec'])
        d = rdate(r, 'x')
        if t == 'latest_enc':
            ds = [rdate(x, 'x') for (tt, _), x in charts[pid].items() if tt == 'Encounter']
        else:
            ds = [rdate(x, 'x') for (tt, _), x in charts[pid].items() if tt == 'Observation' and loinc(x['code']) == f['loinc']]
        later = [x for x in ds if x > d]
        same = [x for x in ds if x == d]
        if not later and len(same) > 1: return None, 'tie on latest date'
        return not later, 'latest %s; later %s' % (d, later[:1])
    if t == 'trend':
        ra, qa, ca = get(pid, f['a']); rb, qb, cb = get(pid, f['b'])
        if ca != cb: return False, 'different analytes'
        if rdate(ra, 'x') >= rdate(rb, 'x'): return False, 'trend order: a not before b'
        rel = (qb['value'] - qa['value']) / abs(qa['value'])
        if abs(rel) <= 0.03: true = 'stable'
        elif rel >= 0.08: true = 'up'
        elif rel <= -0.08: true = 'down'
        else: return None, 'ambiguous trend %.3f' % rel
        return true == f['dir'], 'trend %s vs %s (%.3f)' % (f['dir'], true, rel)
    if t == 'interp':
        r, q, code = get(pid, f['rec'])
        if f['k'] == 'bp':
            pat = [x for (tt, _), x in charts[pid].items() if tt == 'Patient'][0]
            if int(rdate(r, 'x')[:4]) - int(pat['birthDate'][:4]) < 19: return None, 'paediatric BP'
            comp = {loinc(c['code']): c['valueQuantity']['value'] for c in r['component']}
            c, amb = cat_of('bp', (comp['8480-6'], comp['8462-4']))
        else:
            if code != f['k']: return False, 'interp analyte mismatch'
            if f['k'] == '39156-5':
                pat = [x for (tt, _), x in charts[pid].items() if tt == 'Patient'][0]
                age = int(rdate(r, 'x')[:4]) - int(pat['birthDate'][:4])
                if age < 21: return None, 'paediatric BMI'
            c, amb = cat_of(f['k'], q['value'])
        if amb: return None, 'near a cut-off'
        return c == f['cat'], 'interp %s vs %s' % (f['cat'], c)
    return None, 'unknown fact ' + t

def main():
    claims = [json.loads(l) for l in open(H + 'claims.jsonl')]
    checks = [json.loads(l) for l in open(H + 'checks.jsonl')]
    assert len(claims) == len(checks)
    errs = 0; cnt = collections.Counter(); pts = set(); keys = {'patient', 'text', 'citations', 'label', 'category', 'why'}
    texts = collections.Counter(c['text'] for c in claims)
    for i, (c, ck) in enumerate(zip(claims, checks)):
        pid = c['patient']; problems = []
        if set(c) != keys: problems.append('keys %s' % set(c))
        if c['label'] not in ('correct', 'wrong'): problems.append('label')
        if c['category'] not in CATS: problems.append('category')
        if texts[c['text']] > 1: problems.append('duplicate text')
        if pid not in charts: problems.append('unknown patient')
        for ct in c['citations']:
            if set(ct) != {'kind', 'record', 'id'} or ct['kind'] != 'record': problems.append('citation shape')
            elif ct['record'] == 'patient':
                if ct['id'] != pid: problems.append('patient citation id')
            else:
                rid = ct['id'].split('#')[0]
                r = charts[pid].get((KIND[ct['record']], rid))
                if r is None: problems.append('citation %s %s not in bundle' % (ct['record'], ct['id']))
                elif '#' in ct['id'] and int(ct['id'].split('#')[1]) >= len(r.get('component', [])): problems.append('component idx')
        results = []
        for f in ck['facts']:
            try: ok, msg = check_fact(pid, f, c['text'], c['citations'])
            except Exception as e: ok, msg = None, 'error %r' % e
            if ok is None: problems.append('undecidable: ' + msg)
            results.append((ok, msg))
        if not ck['facts']: problems.append('no facts')
        label = 'correct' if all(ok for ok, _ in results) else 'wrong'
        if label != c['label']: problems.append('label mismatch: computed %s; %s' % (label, results))
        if c['label'] == 'wrong' and c['category'] != 'wrong-citation' and sum(1 for ok, _ in results if ok is False) > 2: problems.append('more than two false facts')
        cnt[(c['category'], c['label'])] += 1; pts.add(pid)
        if problems:
            errs += 1; print('FAIL #%d %s: %s | %s' % (i, c['category'], c['text'], problems))
    print('claims: %d' % len(claims))
    for cat in CATS:
        print('  %-15s correct %3d  wrong %3d' % (cat, cnt[(cat, 'correct')], cnt[(cat, 'wrong')]))
        if cnt[(cat, 'correct')] != 27 or cnt[(cat, 'wrong')] != 27: errs += 1; print('   count mismatch')
    print('patients covered: %d / %d' % (len(pts), len(charts)))
    if len(pts) != len(charts): errs += 1
    print('RESULT: %s (%d problems)' % ('PASS' if errs == 0 else 'FAIL', errs))
    return errs

if __name__ == '__main__':
    sys.exit(1 if main() else 0)
