"""Validate dev3 claims.jsonl: (1) parse + citation existence (incl. '#n' components),
(2) counts per category x label, (3) re-evaluate every recorded check against the cited records
in the bundles and compare with the label (correct: all checks true; wrong: the check(s) marked
err false, all others true), (4) heuristic: every number written in the text is accounted for by a
check, a cited record's display, or a named threshold."""
import json, re, sys, glob, os, collections
DATA = '/work/shared/data/synthea'
HERE = os.path.dirname(os.path.abspath(__file__))

def disp(cc):
    if not cc: return None
    return cc.get('text') or cc['coding'][0].get('display')

def date_of(r):
    for k in ('effectiveDateTime', 'onsetDateTime', 'authoredOn', 'occurrenceDateTime', 'recordedDate'):
        if k in r: return r[k][:10]
    for k in ('period', 'performedPeriod', 'effectivePeriod'):
        if k in r: return r[k]['start'][:10]
    return ''

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

bundles = {}
for f in glob.glob(os.path.join(DATA, '*.json')):
    b = json.load(open(f))
    res = {e['resource']['id']: e['resource'] for e in b['entry']}
    p = [r for r in res.values() if r['resourceType'] == 'Patient'][0]
    bundles[p['id']] = res

KIND = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance',
        'encounter': 'Encounter', 'procedure': 'Procedure', 'immunization': 'Immunization',
        'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation', 'patient': 'Patient'}

CONV = {'kg_lb': lambda v: v * 2.20462, 'cm_in': lambda v: v / 2.54, 'C_F': lambda v: v * 9 / 5 + 32,
        'glu_mmol': lambda v: v / 18.016, 'chol_mmol': lambda v: v / 38.67, 'tg_mmol': lambda v: v / 88.57,
        'cr_umol': lambda v: v * 88.42, 'x10': lambda v: v * 10, 'ca_mmol': lambda v: v / 4.008,
        'cm_m': lambda v: v / 100, 'kg_g': lambda v: v * 1000, 'pct_frac': lambda v: v / 100,
        'a1c_ifcc': lambda v: (v - 2.15) * 10.929, 'bun_urea': lambda v: v * 0.357, 'F_C': lambda v: (v - 32) * 5 / 9}

UNIT_ALIAS = {'°C': 'Cel', 'C': 'Cel', 'deg C': 'Cel', 'degrees Celsius': 'Cel', '°F': '[degF]', 'F': '[degF]',
    'mg/dl': 'mg/dL', 'mmol/l': 'mmol/L', 'g/dl': 'g/dL', 'kg/m²': 'kg/m2', 'mmHg': 'mm[Hg]', 'mm Hg': 'mm[Hg]',
    'x10^3/uL': '10*3/uL', 'K/uL': '10*3/uL', 'x10^9/L': '10*3/uL', 'x10^6/uL': '10*6/uL', 'x10^12/L': '10*6/uL',
    'mL/min/1.73m2': 'mL/min/{1.73_m2}', 'lb': '[lb_av]', 'in': '[in_i]', 'µmol/L': 'umol/L', 'mmol/mol': 'mmol/mol',
    'mL/s': 'mL/s'}

def numval(r, comp):
    if comp is not None:
        return r['component'][comp]['valueQuantity']['value']
    if 'valueQuantity' in r: return r['valueQuantity']['value']
    return None

def evaluate(chk, pid, cites):
    res = bundles[pid]
    t = chk['t']
    def rc(i):
        return cites[i]
    if t in ('val', 'conv', 'range', 'cmp'):
        r, comp = rc(chk['i'])
        val = numval(r, comp)
        if val is None: return False, 'no numeric value'
        if t == 'conv': val = CONV[chk['conv']](val)
        if t in ('val', 'conv'): return abs(val - chk['x']) <= chk['tol'], f'{val:.4f}'
        if t == 'range': return chk['lo'] <= val < chk['hi'], f'{val:.4f}'
        op = chk['op']; thr = chk['thr']
        ok = {'>=': val >= thr, '>': val > thr, '<': val < thr, '<=': val <= thr}[op]
        return ok, f'{val:.4f}'
    if t in ('compval', 'comprange'):
        r, _ = rc(chk['i'])
        if 'component' not in r: return False, 'no components'
        vals = [c['valueQuantity']['value'] for c in r['component'] if chk['which'].lower() in disp(c['code']).lower()]
        if len(vals) != 1: return False, 'component not found'
        val = vals[0]
        if t == 'compval': return abs(val - chk['x']) <= chk['tol'], f'{val:.4f}'
        return chk['lo'] <= val < chk['hi'], f'{val:.4f}'
    if t == 'reason':
        r, _ = rc(chk['i'])
        names = []
        for x in r.get('reasonReference', []):
            rr = res.get(x['reference'].split(':')[-1])
            if rr: names.append(rdisp(rr))
        return any(chk['s'].lower() in n.lower() for n in names), str(names)
    if t == 'unit':
        r, comp = rc(chk['i'])
        q = r['component'][comp]['valueQuantity'] if comp is not None else r.get('valueQuantity', {})
        ru = q.get('unit', '')
        claimed = UNIT_ALIAS.get(chk['u'], chk['u'])
        return claimed == ru, ru
    if t == 'none':
        n = sum(1 for x in res.values() if x['resourceType'] == chk['rtype'])
        return n == 0, str(n)
    if t == 'no_active':
        act = [rdisp(x) for x in res.values() if x['resourceType'] == chk['rtype'] and re.search(chk['rx'], rdisp(x) or '', re.I)
               and (x.get('status') == 'active' if chk['rtype'] == 'MedicationRequest'
                    else x.get('clinicalStatus', {}).get('coding', [{}])[0].get('code') == 'active')]
        return not act, str(act[:3])
    if t == 'absent_dx':
        hits = [rdisp(x) for x in res.values() if x['resourceType'] in ('Condition', 'Encounter')
                and re.search(chk['rx'], rdisp(x) or '', re.I)]
        return not hits, str(hits[:3])
    if t == 'date':
        r, _ = rc(chk['i']); dt = date_of(r)
        return dt.startswith(chk['p']), dt
    if t == 'dper':
        r, _ = rc(chk['i']); dt = date_of(r)
        hi = chk['hi'] + '-99' * ((10 - len(chk['hi'])) // 3)
        return chk['lo'] <= dt <= hi, dt
    if t == 'code':
        r, comp = rc(chk['i'])
        s = rdisp(r) if comp is None else disp(r['component'][comp]['code'])
        return chk['s'].lower() in (s or '').lower(), s
    if t == 'status':
        r, _ = rc(chk['i'])
        if r['resourceType'] == 'MedicationRequest': s = r['status']
        else: s = r['clinicalStatus']['coding'][0]['code']
        return s == chk['s'], s
    if t == 'abate':
        r, _ = rc(chk['i']); a = r.get('abatementDateTime', '')[:10]
        return bool(a) and a.startswith(chk['p']), a
    if t == 'latest':
        r, _ = rc(chk['i'])
        same = [x for x in res.values() if x['resourceType'] == r['resourceType'] and rdisp(x) == rdisp(r)]
        mx = max(date_of(x) for x in same)
        n_at_max = sum(1 for x in same if date_of(x) == mx)
        return date_of(r) == mx and n_at_max == 1, f'max {mx} (n={n_at_max}) cited {date_of(r)}'
    if t == 'latest_type':
        r, _ = rc(chk['i'])
        mx = max(date_of(x) for x in res.values() if x['resourceType'] == r['resourceType'])
        return date_of(r) == mx, f'max {mx} cited {date_of(r)}'
    if t == 'latest_enc':
        r, _ = rc(chk['i'])
        mx = max(date_of(x) for x in res.values() if x['resourceType'] == 'Encounter')
        return date_of(r) == mx, f'max {mx} cited {date_of(r)}'
    if t in ('absent', 'present'):
        # conservative: search the full JSON text of every clinical resource (incl. encounter reasons,
        # care plans, claims), not only problem/med/allergy lists
        hits = []
        for x in res.values():
            if x['resourceType'] in ('Patient', 'Organization', 'Practitioner'): continue
            txt = json.dumps(x)
            m = re.search(chk['rx'], txt, re.I)
            if m: hits.append(x['resourceType'] + ':' + txt[max(0, m.start() - 30):m.end() + 30])
        return (not hits) if t == 'absent' else bool(hits), str(hits[:2])
    if t == 'cval':
        r, _ = rc(chk['i'])
        s = disp(r.get('valueCodeableConcept')) or ''
        return chk['s'].lower() in s.lower(), s
    if t == 'trend':
        (r1, c1), (r2, c2) = rc(chk['i']), rc(chk['j'])
        a, b = numval(r1, c1), numval(r2, c2)
        ok_order = date_of(r1) < date_of(r2)
        dd = b - a
        ok = {'up': dd > chk['tol'], 'down': -dd > chk['tol'], 'stable': abs(dd) <= chk['tol']}[chk['dir']]
        return ok and ok_order, f'{a:.4g}->{b:.4g} ({date_of(r1)}->{date_of(r2)})'
    if t == 'before':
        (r1, _), (r2, _) = rc(chk['i']), rc(chk['j'])
        return date_of(r1) < date_of(r2), f'{date_of(r1)} < {date_of(r2)}'
    if t == 'freq':
        r, _ = rc(chk['i'])
        try:
            rep = r['dosageInstruction'][0]['timing']['repeat']
            got = (rep['frequency'], rep['period'], rep['periodUnit'])
        except (KeyError, IndexError):
            return False, 'no timing'
        return got == (chk['f'], chk['per'], chk['u']), str(got)
    if t == 'prn':
        r, _ = rc(chk['i'])
        b = (r.get('dosageInstruction') or [{}])[0].get('asNeededBoolean')
        return b == chk['b'], str(b)
    if t == 'smoke_latest':
        sm = [x for x in res.values() if x['resourceType'] == 'Observation' and disp(x['code']) == 'Tobacco smoking status NHIS']
        last = max(sm, key=date_of)
        s = disp(last['valueCodeableConcept'])
        return chk['s'].lower() in s.lower(), s
    if t == 'count':
        n = sum(1 for x in res.values() if x['resourceType'] == chk['rtype'] and re.search(chk['rx'], rdisp(x) or '', re.I))
        return n == chk['n'], str(n)
    if t == 'obs_exists':
        for x in res.values():
            if x['resourceType'] == 'Observation' and disp(x['code']) == chk['code'] and date_of(x).startswith(chk['p']):
                if 'valueQuantity' in x and abs(x['valueQuantity']['value'] - chk['x']) <= chk['tol']:
                    return True, 'found'
        return False, 'not found'
    raise ValueError(t)

MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
          'october', 'november', 'december']

def main():
    claims = [json.loads(l) for l in open(os.path.join(HERE, 'claims.jsonl'))]
    checks = [json.loads(l) for l in open(os.path.join(HERE, 'checks.jsonl'))]
    assert len(claims) == len(checks)
    problems = 0
    counts = collections.Counter()
    per_pat = collections.Counter()
    texts = collections.Counter()
    for n, (c, chks) in enumerate(zip(claims, checks), 1):
        for key in ('patient', 'text', 'citations', 'label', 'category', 'why'):
            assert key in c, (n, key)
        pid = c['patient']
        if pid not in bundles:
            print(f'[{n}] unknown patient'); problems += 1; continue
        res = bundles[pid]
        cites = []
        for ct in c['citations']:
            if ct.get('kind') != 'record' or ct.get('record') not in KIND:
                print(f'[{n}] bad citation {ct}'); problems += 1; cites.append((None, None)); continue
            if ct['record'] == 'patient':
                if ct['id'] != pid: print(f'[{n}] patient citation id mismatch'); problems += 1
                cites.append((res[pid], None)); continue
            rid, _, comp = ct['id'].partition('#')
            r = res.get(rid)
            if r is None or r['resourceType'] != KIND[ct['record']]:
                print(f'[{n}] citation {ct} not found in patient bundle'); problems += 1; cites.append((None, None)); continue
            if comp:
                if 'component' not in r or not (0 <= int(comp) < len(r['component'])):
                    print(f'[{n}] component {comp} missing'); problems += 1
                cites.append((r, int(comp)))
            else:
                cites.append((r, None))
        counts[(c['category'], c['label'])] += 1
        per_pat[pid] += 1
        texts[c['text']] += 1
        # evaluate checks
        bad = []
        if not chks:
            print(f'[{n}] no checks'); problems += 1
        for ch in chks:
            try:
                ok, info = evaluate(ch, pid, cites)
            except Exception as e:
                ok, info = None, f'EXC {e!r}'
            if ch.get('meta'):
                if not ok: bad.append(f'meta check false {ch} -> {info}')
                continue
            expect = not ch.get('err', False)
            if c['label'] == 'correct' and ok is not True:
                bad.append(f'check false on correct claim {ch} -> {info}')
            if c['label'] == 'wrong' and ok is not expect:
                bad.append(f'check {"(err)" if ch.get("err") else ""} evaluated {ok}, expected {expect}: {ch} -> {info}')
        if c['label'] == 'wrong' and not any(ch.get('err') for ch in chks):
            bad.append('wrong claim without err check')
        if bad:
            problems += 1
            print(f'[{n}] {c["label"]} {c["category"]}: {c["text"]}')
            for b in bad: print('     ', b)
        # numeric heuristic
        known = set()
        for ch in chks:
            for key in ('x', 'lo', 'hi', 'thr', 'p', 'f', 'per', 'n', 'tol'):
                if key in ch:
                    val = str(ch[key])
                    known.update(re.findall(r'\d+(?:\.\d+)?', val))
                    if key == 'p' or key in ('lo', 'hi'):
                        for part in re.findall(r'\d+', val): known.add(str(int(part))); known.add(part)
                        known.add(val[2:4] if len(val) >= 4 else val)
        for r, _ in cites:
            if r is not None and r['resourceType'] != 'Patient':
                known.update(re.findall(r'\d+(?:\.\d+)?', rdisp(r) or ''))
                dt = date_of(r)
                for part in re.findall(r'\d+', dt): known.add(str(int(part))); known.add(part)
                known.add(dt[2:4])
        unexplained = []
        for tok in re.findall(r'(?<![A-Za-z#])\d+(?:\.\d+)?', c['text']):
            t2 = tok.rstrip('0').rstrip('.') if '.' in tok else tok
            if tok in known or t2 in known or any(abs(float(tok) - float(kk)) < 1e-9 for kk in known):
                continue
            unexplained.append(tok)
        if unexplained and '--quiet' not in sys.argv:
            print(f'  (note [{n}] numbers not tied to a check: {unexplained} :: {c["text"]})')
    print()
    cats = sorted({k[0] for k in counts})
    print(f'{"category":16s} correct wrong total')
    for cat in cats:
        a, b = counts[(cat, 'correct')], counts[(cat, 'wrong')]
        print(f'{cat:16s} {a:7d} {b:5d} {a + b:5d}')
    tc = sum(v for (k, l), v in counts.items() if l == 'correct'); tw = sum(v for (k, l), v in counts.items() if l == 'wrong')
    print(f'{"TOTAL":16s} {tc:7d} {tw:5d} {tc + tw:5d}')
    print('patients covered:', len(per_pat), 'min per patient:', min(per_pat.values()))
    dup = [t for t, k in texts.items() if k > 1]
    if dup: print('duplicate texts:', dup)
    print('PROBLEMS:', problems)
    return problems

if __name__ == '__main__':
    sys.exit(1 if main() else 0)
