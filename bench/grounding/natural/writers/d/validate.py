"""Validate claims.jsonl: (1) structure + citation existence, (2) counts per category x label,
(3) re-check each claim's machine-readable assertions (checks.jsonl, same line order) against the raw bundles.
Independent loader: does not reuse the generator's index."""
import json, glob, re, sys, datetime as dt
from collections import Counter, defaultdict

D = '/work/shared/data/synthea'
CATS = ['dates','abbreviations','drug-names','units','rounding','trends','two-facts','negation','status','latest','swapped','wrong-citation','interpretation']
KMAP = {'condition':'Condition','medication':'MedicationRequest','allergy':'AllergyIntolerance','encounter':'Encounter','procedure':'Procedure',
        'immunization':'Immunization','diagnostic-report':'DiagnosticReport','observation':'Observation','patient':'Patient'}

def d10(s): return s[:10] if s else None

bund = {}
for f in glob.glob(D + '/*.json'):
    b = json.load(open(f))
    res = {}
    pid = None
    for e in b['entry']:
        r = e['resource']; res[(r['resourceType'], r['id'])] = r
        if r['resourceType'] == 'Patient': pid = r['id']
    bund[pid] = res

def rdate(r, field='date'):
    t = r['resourceType']
    if field == 'abate': return d10(r.get('abatementDateTime'))
    if t == 'Observation' or t == 'DiagnosticReport': return d10(r.get('effectiveDateTime'))
    if t == 'Condition': return d10(r.get('onsetDateTime'))
    if t == 'MedicationRequest': return d10(r.get('authoredOn'))
    if t == 'Encounter': return d10(r['period']['start'])
    if t == 'Procedure': return d10((r.get('performedPeriod') or {}).get('start') or r.get('performedDateTime'))
    if t == 'Immunization': return d10(r.get('occurrenceDateTime'))
    if t == 'AllergyIntolerance': return d10(r.get('recordedDate'))
    raise ValueError(t)

def texts(cc):
    out = []
    if not cc: return out
    if cc.get('text'): out.append(cc['text'])
    for c in cc.get('coding', []):
        if c.get('display'): out.append(c['display'])
    return out

def rname(r):
    t = r['resourceType']
    if t == 'MedicationRequest': return ' | '.join(texts(r.get('medicationCodeableConcept')))
    if t == 'Immunization': return ' | '.join(texts(r.get('vaccineCode')))
    if t == 'Encounter': return ' | '.join(sum([texts(x) for x in r.get('type', [])], []))
    if t == 'Observation':
        s = texts(r.get('code'))
        if 'valueCodeableConcept' in r: s += texts(r['valueCodeableConcept'])
        return ' | '.join(s)
    return ' | '.join(texts(r.get('code')))

def rcode(r): return r['code']['coding'][0]['code'] if 'code' in r else None

def resolve(pid, refstr):
    kind, rid = refstr.split(':', 1)
    compi = None
    if '#' in rid: rid, ci = rid.split('#'); compi = int(ci)
    r = bund[pid].get((KMAP[kind], rid))
    if r is None: raise KeyError(refstr)
    return r, compi

def value(r, compi):
    if compi is not None:
        c = r['component'][compi]; return c['valueQuantity']['value'], c['valueQuantity']['unit'], c['code']['coding'][0]['code']
    if 'valueQuantity' not in r: return None, None, rcode(r)
    return r['valueQuantity']['value'], r['valueQuantity'].get('unit'), rcode(r)

MW = {'2339-0': 180.16, '2093-3': 386.65, '18262-6': 386.65, '2085-9': 386.65, '2571-8': 885.7, '38483-4': 113.12, '49765-1': 40.08, '1975-2': 584.66}
MASS = {'g/L': 1, 'g/dL': 10, 'mg/dL': 0.01, 'mg/L': 0.001, 'ug/L': 1e-6, 'ng/mL': 1e-6, 'pg/mL': 1e-9, 'ng/L': 1e-9, 'ug/mL': 1e-3}
def convert(v, unit, code, key):
    """record value+UCUM unit -> value in written unit key, or None if incompatible"""
    if unit == 'Cel':
        return {'degC': v, 'degF': v * 9 / 5 + 32}.get(key)
    if unit == 'kg':
        return {'kg': v, 'lb': v * 2.2046226218, 'g': v * 1000}.get(key)
    if unit == 'cm':
        return {'cm': v, 'm': v / 100, 'in': v / 2.54, 'mm': v * 10}.get(key)
    if unit == 'mm[Hg]': return v if key == 'mmHg' else None
    if unit == '%':
        if code == '4548-4' and key == 'mmol/mol': return (v - 2.15) * 10.929
        if code == '4544-3' and key == 'L/L': return v / 100
        return v if key == '%' else None
    if unit == '10*3/uL': return v if key in ('10^3/uL', '10^9/L') else (v / 1000 if key == '10^6/uL' else (v*1000 if key=='/uL' else None))
    if unit == '10*6/uL': return v if key in ('10^6/uL', '10^12/L') else (v * 1000 if key == '10^3/uL' else None)
    if unit == 'mL/min/{1.73_m2}' or unit == 'mL/min':
        return {'mL/min/1.73m2': v, 'mL/s/1.73m2': v / 60}.get(key)
    if unit == 'mmol/L':
        return {'mmol/L': v, 'mEq/L': v}.get(key)
    if unit in MASS:
        if key in MASS: return v * MASS[unit] / MASS[key]
        if key == 'mmol/L':
            if code == '6299-2': return v / 2.8  # BUN mg/dL -> urea mmol/L
            if code in MW: return v * MASS[unit] / MW[code] * 1000
            return None
        if key == 'umol/L':
            if code in MW: return v * MASS[unit] / MW[code] * 1e6
            return None
        return None
    if unit in ('fL', 'pg', 'mg/g', 'U/L', '{score}', '(score)', '{T-score}', 'pg/mL', 'ng/mL'):
        return v if key == unit else None
    return None

def interp(scheme, vals):
    v = vals[0]
    if scheme == 'bp':
        s, d = vals
        if s >= 140 or d >= 90: return 'stage2'
        if s >= 130 or d >= 80: return 'stage1'
        if s >= 120: return 'elevated'
        return 'normal'
    if scheme == 'bmi': return 'underweight' if v < 18.5 else 'normal' if v < 25 else 'overweight' if v < 30 else 'obese'
    if scheme == 'a1c': return 'normal' if v < 5.7 else 'prediabetes' if v < 6.5 else 'diabetes'
    if scheme == 'egfr': return 'G1' if v >= 90 else 'G2' if v >= 60 else 'G3a' if v >= 45 else 'G3b' if v >= 30 else 'G4' if v >= 15 else 'G5'
    if scheme == 'ldl': return 'optimal' if v < 100 else 'near-optimal' if v < 130 else 'borderline-high' if v < 160 else 'high' if v < 190 else 'very-high'
    if scheme == 'tc': return 'desirable' if v < 200 else 'borderline-high' if v < 240 else 'high'
    if scheme == 'hdl': return 'low' if v < 40 else 'high' if v >= 60 else 'mid'
    if scheme == 'tg': return 'normal' if v < 150 else 'borderline-high' if v < 200 else 'high' if v < 500 else 'very-high'
    if scheme == 'temp': return 'fever' if v >= 38.0 else 'afebrile'
    if scheme == 'hb_m': return 'anemia' if v < 13 else 'normal'
    if scheme == 'hb_f': return 'anemia' if v < 12 else 'normal'
    if scheme == 'pain': return 'none' if v < 0.5 else 'mild' if v < 3.5 else 'moderate' if v < 6.5 else 'severe'
    if scheme == 'psa': return 'elevated' if v > 4.0 else 'normal'
    if scheme == 'tscore': return 'normal' if v >= -1.0 else 'osteopenia' if v > -2.5 else 'osteoporosis'
    if scheme == 'uacr': return 'A1' if v < 30 else 'A2' if v <= 300 else 'A3'
    if scheme == 'lvef': return 'reduced' if v <= 40 else 'mildly-reduced' if v < 50 else 'preserved'
    if scheme == 'k': return 'low' if v < 3.5 else 'normal' if v <= 5.0 else 'high'
    if scheme == 'na': return 'low' if v < 135 else 'normal' if v <= 145 else 'high'
    if scheme == 'glu': return 'low' if v < 70 else 'normal' if v < 100 else 'high'
    if scheme == 'mmse': return 'severe' if v < 10 else 'other' if v < 24 else 'normal'
    if scheme == 'cr': return 'high' if v > 1.3 else 'normal' if v >= 0.6 else 'low'
    raise ValueError(scheme)

SCOPE = {'cond': 'Condition', 'med': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'proc': 'Procedure', 'imm': 'Immunization', 'enc': 'Encounter', 'obs': 'Observation', 'reason': 'Encounter'}

def run_check(pid, c):
    t = c[0]
    R = bund[pid]
    if t == 'val':
        r, ci = resolve(pid, c[1]); v, u, code = value(r, ci)
        return v is not None and c[2] <= v <= c[3], f"value={v}"
    if t == 'conv':
        r, ci = resolve(pid, c[1]); v, u, code = value(r, ci)
        x = convert(v, u, code, c[4]) if v is not None else None
        return x is not None and c[2] <= x <= c[3], f"{v} {u} -> {c[4]} = {x}"
    if t == 'date':
        r, ci = resolve(pid, c[1]); d = rdate(r, c[4] if len(c) > 4 else 'date')
        if d is None: return False, 'no date'
        gran, val = c[2], c[3]
        if gran == 'day': ok = d == val
        elif gran == 'month': ok = d[:7] == val
        elif gran == 'year': ok = d[:4] == val
        elif gran == 'period': ok = val[0] <= d <= val[1]
        elif gran == 'before': ok = d < val
        elif gran == 'after': ok = d > val
        else: raise ValueError(gran)
        return ok, f"date={d}"
    if t == 'status':
        r, ci = resolve(pid, c[1])
        if r['resourceType'] in ('Condition', 'AllergyIntolerance'): s = r['clinicalStatus']['coding'][0]['code']
        else: s = r['status']
        return s == c[2], f"status={s}"
    if t == 'name':
        r, ci = resolve(pid, c[1]); n = rname(r)
        return any(re.search(c[2], x, re.I) for x in n.split(' | ')), f"name={n[:80]}"
    if t == 'code':
        r, ci = resolve(pid, c[1]); v, u, code = value(r, ci) if r['resourceType'] == 'Observation' else (None, None, rcode(r))
        if ci is None: code = rcode(r)
        return code == c[2], f"code={code}"
    if t == 'latest':
        r, ci = resolve(pid, c[1]); d = rdate(r); rt = r['resourceType']
        scope = c[2] if len(c) > 2 else 'code'
        def same(x):
            if x['resourceType'] != rt: return False
            if scope == 'any': return True
            if scope == 'name': return rname(x).split(' | ')[0] == rname(r).split(' | ')[0]
            if rt == 'Immunization': return x['vaccineCode']['coding'][0]['code'] == r['vaccineCode']['coding'][0]['code']
            if rt == 'MedicationRequest': return rname(x).split(' | ')[0] == rname(r).split(' | ')[0]
            return rcode(x) == rcode(r)
        later = [x for (k, i), x in R.items() if same(x) and x['id'] != r['id'] and rdate(x) and rdate(x) >= d]
        return not later, f"later/same-day others: {[rdate(x) for x in later][:3]}"
    if t == 'cmp':
        r1, c1 = resolve(pid, c[1]); r2, c2 = resolve(pid, c[2])
        v1 = value(r1, c1)[0]; v2 = value(r2, c2)[0]; tol = c[4]
        rel = (v2 - v1) / abs(v1)
        got = 'stable' if abs(rel) <= tol else ('up' if rel > 0 else 'down')
        if c[3] == 'changed': return got != 'stable', f"{v1}->{v2} {got}"
        return got == c[3] and rdate(r1) < rdate(r2), f"{v1}->{v2} rel={rel:.3f} {got} dates {rdate(r1)}->{rdate(r2)}"
    if t == 'pct':
        r1, c1 = resolve(pid, c[1]); r2, c2 = resolve(pid, c[2])
        v1 = value(r1, c1)[0]; v2 = value(r2, c2)[0]; rel = abs(v2 - v1) / abs(v1)
        return c[3] <= rel <= c[4], f"|change|={rel:.3f}"
    if t == 'mono':
        vals = []; ds = []
        for x in c[1]:
            r, ci = resolve(pid, x); vals.append(value(r, ci)[0]); ds.append(rdate(r))
        ok = all(ds[i] < ds[i + 1] for i in range(len(ds) - 1))
        if c[2] == 'up': ok = ok and all(vals[i] < vals[i + 1] for i in range(len(vals) - 1))
        else: ok = ok and all(vals[i] > vals[i + 1] for i in range(len(vals) - 1))
        return ok, f"{[round(v,1) for v in vals]}"
    if t in ('absent', 'present', 'count'):
        rx, scopes = c[1], c[2]
        hits = [rname(x) for (k, i), x in R.items() if k in [SCOPE[s] for s in scopes if s != 'reason'] and any(re.search(rx, y, re.I) for y in rname(x).split(' | '))]
        if 'reason' in scopes:
            hits += [t_ for (k, i), x in R.items() if k == 'Encounter' for rc in x.get('reasonCode', []) for t_ in texts(rc) if re.search(rx, t_, re.I)]
        if t == 'absent': return not hits, f"hits={hits[:3]}"
        if t == 'present': return bool(hits), f"hits={hits[:3]}"
        return len(hits) == c[3], f"count={len(hits)}"
    if t == 'absent_active':
        hits = [rname(x) for (k, i), x in R.items() if k == 'MedicationRequest' and x['status'] == 'active' and any(re.search(c[1], y, re.I) for y in rname(x).split(' | '))]
        return not hits, f"active hits={hits[:3]}"
    if t == 'absent_class':
        hits = [rdate(x) for (k, i), x in R.items() if k == 'Encounter' and x['class']['code'] == c[1]]
        return not hits, f"{c[1]} encounters={hits[:3]}"
    if t == 'interp':
        r, ci = resolve(pid, c[1])
        if c[2] == 'bp':
            comps = {x['code']['coding'][0]['code']: x['valueQuantity']['value'] for x in r['component']}
            vals = [comps['8480-6'], comps['8462-4']]
        else:
            vals = [value(r, ci)[0]]
        got = interp(c[2], vals)
        return got in c[3], f"{c[2]}({[round(x,2) for x in vals]})={got}"
    if t == 'adult':
        r, ci = resolve(pid, c[1]); d = dt.date.fromisoformat(rdate(r))
        pat = R[('Patient', pid)]; b = dt.date.fromisoformat(pat['birthDate'])
        age = d.year - b.year - ((d.month, d.day) < (b.month, b.day))
        return age >= c[2], f"age={age}"
    if t == 'freq':
        r, ci = resolve(pid, c[1])
        rep = ((r.get('dosageInstruction') or [{}])[0].get('timing') or {}).get('repeat')
        got = [rep['frequency'], rep['period'], rep['periodUnit']] if rep else None
        return got == c[2], f"freq={got}"
    if t == 'prn':
        r, ci = resolve(pid, c[1])
        got = (r.get('dosageInstruction') or [{}])[0].get('asNeededBoolean')
        return got == c[2], f"prn={got}"
    if t == 'before':
        r1, _ = resolve(pid, c[1]); r2, _ = resolve(pid, c[2])
        return rdate(r1) < rdate(r2), f"{rdate(r1)} < {rdate(r2)}"
    if t == 'sameday':
        r1, _ = resolve(pid, c[1]); r2, _ = resolve(pid, c[2])
        return rdate(r1) == rdate(r2), f"{rdate(r1)} == {rdate(r2)}"
    if t == 'extreme':
        # ["extreme", ref, 'max'|'min', component-code or None]: ref's value is the max/min of all observations of that code in the chart
        r, ci = resolve(pid, c[1]); v = value(r, ci)[0]; code = rcode(r)
        allv = []
        for (k, i), x in R.items():
            if k != 'Observation' or rcode(x) != code: continue
            if c[3]:
                allv += [y['valueQuantity']['value'] for y in x.get('component', []) if y['code']['coding'][0]['code'] == c[3]]
            elif 'valueQuantity' in x: allv.append(x['valueQuantity']['value'])
        tgt = max(allv) if c[2] == 'max' else min(allv)
        return v == tgt, f"{c[2]} of {len(allv)} = {tgt}, cited {v}"
    if t == 'unsupported':
        return False, f"not in cited records: {c[1]}"
    if t == 'deceased':
        pat = R[('Patient', pid)]
        return bool(pat.get('deceasedDateTime')) == c[1], f"deceased={pat.get('deceasedDateTime')}"
    raise ValueError(t)

def main(path='claims.jsonl', chkpath='checks.jsonl', verbose=False):
    errs = 0
    lines = open(path).read().splitlines()
    checks = [json.loads(l) for l in open(chkpath).read().splitlines()] if chkpath else None
    cnt = Counter(); pats = Counter(); texts_seen = Counter(); nfail_wrong = Counter()
    for n, line in enumerate(lines, 1):
        try:
            c = json.loads(line)
        except Exception as e:
            print(f"L{n}: parse error {e}"); errs += 1; continue
        for k in ('patient', 'text', 'citations', 'label', 'category', 'why'):
            if k not in c: print(f"L{n}: missing {k}"); errs += 1
        if set(c) - {'patient', 'text', 'citations', 'label', 'category', 'why'}: print(f"L{n}: extra keys {set(c)}"); errs += 1
        if c['label'] not in ('correct', 'wrong'): print(f"L{n}: bad label"); errs += 1
        if c['category'] not in CATS: print(f"L{n}: bad category {c['category']}"); errs += 1
        pid = c['patient']
        if pid not in bund: print(f"L{n}: unknown patient {pid}"); errs += 1; continue
        if not c['citations']: print(f"L{n}: no citations"); errs += 1
        for ct in c['citations']:
            if ct.get('kind') != 'record' or ct.get('record') not in KMAP: print(f"L{n}: bad citation {ct}"); errs += 1; continue
            rid = ct['id']; ci = None
            if ct['record'] == 'patient':
                if rid != pid: print(f"L{n}: patient citation id mismatch"); errs += 1
                continue
            if '#' in rid:
                rid, ci = rid.split('#'); ci = int(ci)
                if ct['record'] != 'observation': print(f"L{n}: component on non-observation"); errs += 1
            r = bund[pid].get((KMAP[ct['record']], rid))
            if r is None: print(f"L{n}: cited {ct['record']} {rid} not in patient's bundle"); errs += 1; continue
            if ci is not None and not (0 <= ci < len(r.get('component', []))): print(f"L{n}: component #{ci} missing"); errs += 1
        cnt[(c['category'], c['label'])] += 1
        texts_seen[c['text']] += 1
        if checks is not None:
            ch = checks[n - 1]
            assert ch['text'] == c['text'], f"L{n}: checks out of sync"
            res = []
            for k in ch['checks']:
                try: ok, info = run_check(pid, k)
                except Exception as e: ok, info = False, f"ERROR {e!r}"
                res.append((ok, k, info))
            fails = [x for x in res if not x[0]]
            if c['label'] == 'correct' and fails:
                errs += 1; print(f"L{n} MISLABEL? correct claim fails: {c['text']}"); [print('     ', x[1], x[2]) for x in fails]
            if c['label'] == 'wrong':
                if not fails:
                    errs += 1; print(f"L{n} MISLABEL? wrong claim passes all checks: {c['text']}")
                nfail_wrong[len(fails)] += 1
            if verbose: print(n, c['label'], c['text'], [(x[0], x[2]) for x in res])
    dup = [t for t, k in texts_seen.items() if k > 1]
    if dup: print('duplicate texts:', dup[:5])
    print('\ncounts per category x label:')
    tot = Counter()
    for cat in CATS:
        print(f"  {cat:16s} correct={cnt[(cat,'correct')]:3d} wrong={cnt[(cat,'wrong')]:3d}")
        tot['correct'] += cnt[(cat, 'correct')]; tot['wrong'] += cnt[(cat, 'wrong')]
    print(f"  {'TOTAL':16s} correct={tot['correct']:3d} wrong={tot['wrong']:3d}  all={sum(tot.values())}")
    if checks is not None: print('wrong claims by number of failing checks:', dict(nfail_wrong))
    print('patients covered:', len({json.loads(l)['patient'] for l in lines}))
    print('ERRORS:', errs)
    return errs

if __name__ == '__main__':
    sys.exit(1 if main(*sys.argv[1:]) else 0)
