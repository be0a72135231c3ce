# Re-derives every label from the raw Synthea bundles.
# For each claim: every fact written in the text is registered (claims_checks.jsonl) as a check whose literal
# surface (number, unit, date string, drug/condition word, analyte name) must occur in the text; the check is
# then evaluated against the CITED raw FHIR resource (or, for absence claims, the whole chart). Surface strings
# are parsed here (dates in every format, units with conversion, analyte names -> LOINC), not taken from gen.py.
# A claim is correct iff all its checks hold. Also: every digit in the text must belong to a checked surface,
# wrong claims must fail clearly (not by a rounding hair), and borderline/ambiguous facts are rejected.
import json, glob, re, sys, datetime
from vocab import name_codes, convert, DRUGS, CONCEPTS, ABSENT, STRICT, concept_fits

D = '/work/shared/data/synthea'
KIND = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter',
        'procedure': 'Procedure', 'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation'}
CH = {}
for f in glob.glob(D + '/*.json'):
    res = [e['resource'] for e in json.load(open(f))['entry']]
    pid = [r for r in res if r['resourceType'] == 'Patient'][0]['id']
    CH[pid] = {'all': res, 'byid': {(r['resourceType'], r['id']): r for r in res},
               'patient': [r for r in res if r['resourceType'] == 'Patient'][0]}

MONTHS = {m: i + 1 for i, m in enumerate(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'])}


def parse_date(s):
    """-> (y, m or None, d or None, (mlo, mhi) or None); raises on ambiguity"""
    t = s.lower().strip()
    m = re.fullmatch(r'(\d{4})-(\d\d)-(\d\d)', t)
    if m: return int(m[1]), int(m[2]), int(m[3]), None
    m = re.fullmatch(r'(\d\d)/(\d\d)/(\d{4})', t)
    if m:
        a, b = int(m[1]), int(m[2])
        if a > 12: return int(m[3]), b, a, None
        if b > 12: return int(m[3]), a, b, None
        if a == b: return int(m[3]), a, a, None
        raise ValueError('ambiguous numeric date ' + s)
    m = re.fullmatch(r'(\d\d)-([a-z]{3})-(\d{4})', t)
    if m: return int(m[3]), MONTHS[m[2]], int(m[1]), None
    m = re.fullmatch(r'(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+) (\d{4})', t)
    if m: return int(m[3]), MONTHS[m[2][:3]], int(m[1]), None
    m = re.fullmatch(r'([a-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})', t)
    if m: return int(m[3]), MONTHS[m[1][:3]], int(m[2]), None
    m = re.fullmatch(r'([a-z]+) (\d{4})', t)
    if m and m[1][:3] in MONTHS: return int(m[2]), MONTHS[m[1][:3]], None, None
    m = re.fullmatch(r'(early|mid-|late) ?(\d{4})', t)
    if m: return int(m[2]), None, None, {'early': (1, 4), 'mid-': (5, 8), 'late': (9, 12)}[m[1]]
    m = re.fullmatch(r'(\d{4})', t)
    if m: return int(m[1]), None, None, None
    raise ValueError('unparsed date ' + s)


def rec_date(r, field=None):
    t = r['resourceType']
    if t == 'Condition':
        v = r.get('abatementDateTime') if field == 'abate' else r.get('onsetDateTime')
    elif t == 'MedicationRequest': v = r.get('authoredOn')
    elif t == 'Encounter': v = r['period']['start']
    elif t == 'Procedure': v = r.get('performedPeriod', {}).get('start') or r.get('performedDateTime')
    elif t == 'Immunization': v = r.get('occurrenceDateTime')
    elif t == 'AllergyIntolerance': v = r.get('recordedDate')
    else: v = r.get('effectiveDateTime')
    return v[:10] if v else None


def disp(r):
    t = r['resourceType']
    if t == 'Encounter':  # what a reader of an encounter sees: its type and its reasons
        return ' | '.join([x['coding'][0].get('display', '') for x in r.get('type', [])] +
                          [x['coding'][0].get('display', '') for x in r.get('reasonCode', [])])
    cc = r.get('medicationCodeableConcept') or r.get('vaccineCode') or (r.get('type') or [None])[0] if t in ('MedicationRequest', 'Immunization', 'Encounter') else r.get('code')
    return (cc or {}).get('coding', [{}])[0].get('display', '') if cc else ''


def ocode(r):
    return r.get('code', {}).get('coding', [{}])[0].get('code')


def comp_val(r, comp):
    want = {'sys': '8480-6', 'dia': '8462-4'}[comp]
    for c in r.get('component', []):
        if c['code']['coding'][0]['code'] == want:
            return c['valueQuantity']['value']
    return None


def ndec(v):
    return len(v.split('.')[1]) if '.' in v else 0


class Bad(Exception):
    pass


def age(ch, iso):
    b = ch['patient']['birthDate']; by, bm, bd = map(int, b.split('-')); y, m, d = map(int, iso.split('-'))
    return y - by - ((m, d) < (bm, bd))


def has_token(text, v):
    return re.search(r'(?<![\d.])' + re.escape(v) + r'(?![\d]|\.\d)', text) is not None


def classify(sc, v, v2=None):
    if sc == 'bmi': return 'underweight' if v < 18.5 else 'normal' if v < 25 else 'overweight' if v < 30 else 'obese'
    if sc == 'bp':
        if v >= 140 or v2 >= 90: return 'stage2'
        if v >= 130 or v2 >= 80: return 'stage1'
        return 'elevated' if v >= 120 else 'normal'
    if sc == 'a1c': return 'normal' if v < 5.7 else 'prediabetes' if v < 6.5 else 'diabetes'
    if sc == 'egfr': return 'G1' if v >= 90 else 'G2' if v >= 60 else 'G3a' if v >= 45 else 'G3b' if v >= 30 else 'G4' if v >= 15 else 'G5'
    if sc == 'ldl': return 'optimal' if v < 100 else 'near optimal' if v < 130 else 'borderline high' if v < 160 else 'high' if v < 190 else 'very high'
    if sc == 'tc': return 'desirable' if v < 200 else 'borderline high' if v < 240 else 'high'
    if sc == 'tg': return 'normal' if v < 150 else 'borderline high' if v < 200 else 'high' if v < 500 else 'very high'
    if sc == 'temp': return 'febrile' if v >= 38.0 else 'afebrile'


TH = {'bmi': ([18.5, 25, 30], 0.2), 'a1c': ([5.7, 6.5], 0.05), 'egfr': ([15, 30, 45, 60, 90], 1), 'ldl': ([100, 130, 160, 190], 1.5),
      'tc': ([200, 240], 1.5), 'tg': ([150, 200, 500], 1.5), 'temp': ([38.0], 0.1)}
SC_CODE = {'bmi': '39156-5', 'a1c': '4548-4', 'egfr': '33914-3', 'ldl': '18262-6', 'tc': '2093-3', 'tg': '2571-8', 'temp': '8331-1', 'bp': '55284-4'}


def check(cl, k, ch):
    """returns (truth, clear) ; clear=False when a false check is only a hair off (not allowed)"""
    text = cl['text']; tl = text.lower(); cites = cl['citations']
    t = k['t']

    def rec(ix):
        c = cites[ix]
        if c['record'] == 'patient':
            return None
        return ch['byid'].get((KIND[c['record']], c['id'].split('#')[0]))

    for key in ('s', 'name', 'u', 'p'):
        if k.get(key) and k[key].lower() not in tl:
            raise Bad(f'surface {k[key]!r} not in text')
    if t == 'num':
        if not has_token(text, k['v']):
            raise Bad(f'number {k["v"]} not in text')
        r = rec(k['c']); codes, implied = name_codes(k['name'])
        if not codes:
            raise Bad('unknown analyte name ' + k['name'])
        if r is None or r['resourceType'] != 'Observation' or ocode(r) not in codes:
            return False, True
        comp = k.get('comp') or implied
        if ocode(r) == '55284-4':
            if not comp: raise Bad('BP number without component')
            val = comp_val(r, comp)
        else:
            val = r.get('valueQuantity', {}).get('value')
        if val is None:
            return False, True
        cv = convert(ocode(r), k['u'], val) if k.get('u') else val  # no unit written: the record's own unit is implied
        if cv is None:
            return False, True
        x = float(k['v']); u = 10 ** -ndec(k['v'])
        tol = k.get('tol') or 0.5 * u
        slack = 0.003 * abs(x) if (k.get('u') or '') and convert(ocode(r), k['u'], 100.0) not in (100.0,) else 0
        diff = abs(cv - x)
        if diff <= tol + slack + 1e-9:
            return True, True
        if '.' not in k['v'] and not k.get('tol'):  # "120" may be read as rounded to tens, "155" to fives
            iv = int(k['v'])
            if (iv % 10 == 0 and diff <= 5) or (iv % 5 == 0 and diff <= 2.5):
                raise Bad('number is a valid coarser rounding of the value (ambiguous precision)')
        return False, (diff >= 1.5 * tol * (1 if k.get('tol') else 2) and diff >= 0.02 * abs(cv)) or diff >= 0.05 * abs(cv)
    if t == 'bp':
        r = rec(k['c'])
        sv, dv = k['s'].split('/')
        if r is None or r['resourceType'] != 'Observation' or ocode(r) != '55284-4':
            return False, True
        S, Dv = comp_val(r, 'sys'), comp_val(r, 'dia')
        ok = abs(S - float(sv)) <= 0.5 + 1e-9 and abs(Dv - float(dv)) <= 0.5 + 1e-9
        clear = abs(S - float(sv)) >= 2 or abs(Dv - float(dv)) >= 2
        return ok, clear
    if t == 'date':
        r = rec(k['c'])
        y, m, d, rng = parse_date(k['s'])
        if r is None:
            return False, True
        rd = rec_date(r, k.get('f'))
        if rd is None:
            return False, True
        Y, M, Dd = map(int, rd.split('-'))
        ok = y == Y and (m is None or m == M) and (d is None or d == Dd) and (rng is None or rng[0] <= M <= rng[1])
        return ok, True
    if t == 'concept':
        r = rec(k['c'])
        if r is None:
            return False, True
        s = k['s'].lower(); dl = disp(r).lower()
        if k.get('k') == 'drug' or r['resourceType'] == 'MedicationRequest':
            if r['resourceType'] != 'MedicationRequest':
                return False, True
            if s not in DRUGS:
                raise Bad('drug not in vocab ' + s)
            if ' / ' in dl and s in ('acetaminophen', 'paracetamol', 'tylenol', 'amoxicillin', 'amoxil', 'insulin', 'dextromethorphan'):
                raise Bad('single-ingredient name used for a combination product')
            return any(x in dl for x in DRUGS[s]), True
        return concept_fits(s, disp(r)), True
    if t == 'strength':
        r = rec(k['c'])
        mm = re.match(r'([\d.]+) ?mg', k['s'].lower())
        dl = re.sub(r'(\d)(mg)', r'\1 MG', disp(r)).upper()
        return re.search(r'(?<![\d.])' + re.escape(mm[1]) + r' MG(?!/)', dl) is not None, True
    if t == 'status':
        r = rec(k['c'])
        if r['resourceType'] == 'MedicationRequest':
            st = 'active' if r['status'] == 'active' else 'stopped'
            same = {x['status'] for x in ch['all'] if x['resourceType'] == 'MedicationRequest' and disp(x) == disp(r)}
        else:
            st = r['clinicalStatus']['coding'][0]['code']
            same = {x['clinicalStatus']['coding'][0]['code'] for x in ch['all'] if x['resourceType'] == 'Condition' and disp(x) == disp(r)}
        if len(same) > 1:
            raise Bad('status ambiguous across duplicate records')
        return st == k['want'], True
    if t == 'smoke':
        r = rec(k['c'])
        v = r['valueCodeableConcept']['coding'][0]['display'].lower()
        return v.startswith(k['want']), True
    if t == 'latest':
        r = rec(k['c'])
        if r['resourceType'] == 'Encounter':
            allr = [x['period']['start'] for x in ch['all'] if x['resourceType'] == 'Encounter']
            mx = max(allr)
            if allr.count(mx) > 1: raise Bad('tie for latest encounter')
            return r['period']['start'] == mx, True
        same = [x for x in ch['all'] if x['resourceType'] == 'Observation' and ocode(x) == ocode(r)]
        mx = max(x['effectiveDateTime'][:10] for x in same)
        if sum(1 for x in same if x['effectiveDateTime'][:10] == mx) > 1: raise Bad('tie for latest observation')
        return r['effectiveDateTime'][:10] == mx, True
    if t == 'trend':
        A, B = rec(k['a']), rec(k['b'])
        if A['effectiveDateTime'] >= B['effectiveDateTime']:
            raise Bad('trend records not in order')
        if ocode(A) == '55284-4':
            va, vb = comp_val(A, k['comp']), comp_val(B, k['comp'])
        else:
            va, vb = A['valueQuantity']['value'], B['valueQuantity']['value']
        rel = (vb - va) / va
        true = 'up' if rel >= 0.05 else 'down' if rel <= -0.05 else 'stable' if abs(rel) <= 0.02 else None
        if true is None:
            raise Bad(f'trend change {rel:.3f} is in the grey zone')
        return true == k['dir'], True
    if t == 'absent':
        if not any(c['record'] == 'patient' for c in cites) and cl['label'] == 'correct':
            raise Bad('absence claim must cite the patient chart')
        key = k['key']
        if key == 'allergy_any':
            return not any(x['resourceType'] == 'AllergyIntolerance' for x in ch['all']), True
        if key == 'allergy_drug':
            return not any(x['resourceType'] == 'AllergyIntolerance' and 'medication' in x.get('category', []) for x in ch['all']), True
        def hit(x, terms):
            return x['resourceType'] in ('Condition', 'MedicationRequest', 'AllergyIntolerance', 'Procedure') and \
                any(re.search(tt, disp(x).lower()) for tt in terms)
        broad = [x for x in ch['all'] if hit(x, ABSENT[key])]
        strict = [x for x in ch['all'] if hit(x, STRICT[key])]
        if len(broad) != len(strict):
            raise Bad('negated concept is debatable for this chart: ' + str([disp(x) for x in broad if x not in strict]))
        if k['tense'] == 'now':  # "not on X", "denies X", "no active X": only active records contradict it
            def active(x):
                if x['resourceType'] == 'MedicationRequest': return x['status'] == 'active'
                if x['resourceType'] == 'Condition': return x['clinicalStatus']['coding'][0]['code'] == 'active'
                return True
            if strict and not any(active(x) for x in strict):
                raise Bad('present-tense negation with only inactive matches (debatable)')
            strict = [x for x in strict if active(x)]
        for ix, c in enumerate(cites):
            r = rec(ix)
            if r is not None and r not in strict:
                raise Bad('negation cites a record that does not contradict it')
        return not strict, True
    if t == 'interp':
        r = rec(k['c']); sc = k['scheme']
        if ocode(r) != SC_CODE[sc]:
            return False, True
        d = r['effectiveDateTime'][:10]
        if sc == 'bp':
            S, Dv = comp_val(r, 'sys'), comp_val(r, 'dia')
            if age(ch, d) < 18: raise Bad('BP category on a minor')
            if min(abs(S - x) for x in (120, 130, 140)) < 1 or min(abs(Dv - x) for x in (80, 90)) < 1: raise Bad('BP at threshold')
            cat = classify('bp', S, Dv)
            ok = cat == k['want'] or (k['want'] == 'hypertensive' and cat in ('stage1', 'stage2'))
            return ok, True
        v = r['valueQuantity']['value']
        if sc == 'bmi' and age(ch, d) < 20: raise Bad('adult BMI category on a minor')
        ths, mg = TH[sc]
        if min(abs(v - x) for x in ths) < mg: raise Bad('value at threshold')
        return classify(sc, v) == k['want'], True
    raise Bad('unknown check ' + t)


ALLOWED = [r'stage [12]', r'\bG[1-5]\b', r'\bG3[ab]\b', r'\(<100\)', r'\b0-10\b']


def validate(cl, checks):
    errs = []
    ch = CH.get(cl['patient'])
    if ch is None:
        return ['unknown patient']
    for c in cl['citations']:
        if c['kind'] != 'record': errs.append('bad citation kind')
        if c['record'] == 'patient':
            if c['id'] != cl['patient']: errs.append('patient citation id mismatch')
        elif (KIND[c['record']], c['id'].split('#')[0]) not in ch['byid']:
            errs.append(f'cited {c["record"]} {c["id"]} not in this patient\'s bundle')
    if not checks:
        errs.append('no checks')
    used = set()
    results = []
    for k in checks:
        for key in ('c', 'a', 'b'):
            if key in k: used.add(k[key])
        if k['t'] == 'absent':
            used.update(range(len(cl['citations'])))
        try:
            results.append(check(cl, k, ch) + (k['t'],))
        except Bad as e:
            errs.append(str(e))
        except Exception as e:
            errs.append(f'{k["t"]}: {type(e).__name__} {e}')
    for ix, c in enumerate(cl['citations']):
        if c['record'] != 'patient' and ix not in used:
            errs.append(f'citation {ix} not checked')
    # coverage: every digit must be inside a checked surface
    rest = cl['text']
    surf = sorted({str(k.get(x)) for k in checks for x in ('s', 'v', 'u', 'name') if k.get(x)}, key=len, reverse=True)
    for s in surf:
        rest = re.sub(re.escape(s), ' ', rest, flags=re.I)
    for a in ALLOWED:
        rest = re.sub(a, ' ', rest)
    if re.search(r'\d', rest):
        errs.append('unchecked digits in text: ' + rest)
    if errs:
        return errs
    truth = all(r[0] for r in results)
    derived = 'correct' if truth else 'wrong'
    if derived != cl['label']:
        return [f'label {cl["label"]} but checks say {derived}: ' + str([(r[2], r[0]) for r in results])]
    if not truth and not any((not r[0]) and r[1] for r in results):
        return ['wrong claim fails only by a hair (borderline)']
    return []


if __name__ == '__main__':
    claims = [json.loads(l) for l in open('claims.jsonl')]
    checks = [json.loads(l) for l in open('claims_checks.jsonl')]
    assert len(claims) == len(checks)
    nbad = 0
    for j, (cl, ck) in enumerate(zip(claims, checks)):
        assert ck['text'] == cl['text']
        e = validate(cl, ck['checks'])
        if e:
            nbad += 1
            if '-q' not in sys.argv:
                print(j, cl['category'], cl['label'], '|', cl['text'], '|', e)
    print(f'{len(claims)} claims, {nbad} failed validation')
