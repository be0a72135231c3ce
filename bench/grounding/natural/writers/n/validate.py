#!/usr/bin/env python3
"""Independent validator for claim set N. Re-reads the raw Synthea bundles, re-evaluates every fact listed in
checks.jsonl against the CITED records only (whole chart for patient citations), recomputes each label and compares.
Usage: python3 validate.py  (prints problems; last line 'PROBLEMS: n')"""
import json, glob, re, collections, datetime, sys, os
HERE = os.path.dirname(os.path.abspath(sys.argv[0]))
DATA = '/work/shared/data/synthea'
CATS = ['dates','abbreviations','drug-names','units','rounding','trends','two-facts','negation','status','latest','swapped','wrong-citation','interpretation']
KIND = {'condition':'Condition','medication':'MedicationRequest','allergy':'AllergyIntolerance','encounter':'Encounter','procedure':'Procedure',
        'immunization':'Immunization','diagnostic-report':'DiagnosticReport','observation':'Observation'}
problems = []
def prob(n, msg): problems.append(f'claim {n}: {msg}')

charts = {}
for f in glob.glob(DATA + '/*.json'):
    res = [e['resource'] for e in json.load(open(f))['entry']]
    pt = next(r for r in res if r['resourceType'] == 'Patient')
    charts[pt['id']] = {'pt': pt, 'res': res, 'byid': {r['id']: r for r in res if 'id' in r}}

def rdate(r):
    for k in ('effectiveDateTime','onsetDateTime','authoredOn','occurrenceDateTime'):
        if r.get(k): return r[k][:10]
    for k in ('period','performedPeriod','effectivePeriod'):
        if r.get(k): return r[k]['start'][:10]
    return None
def code_of(x): return x['code']['coding'][0]['code']
def disp_of(r):
    t = r['resourceType']
    if t == 'MedicationRequest': return r['medicationCodeableConcept']['coding'][0]['display']
    if t == 'Immunization': return r['vaccineCode']['coding'][0]['display']
    if t == 'Encounter': return ' '.join(c['coding'][0]['display'] for c in r.get('type', []) + r.get('reasonCode', []))
    if 'code' in r: return r['code']['coding'][0].get('display', '')
    return ''

def get_q(ch, rid, want_code):
    """returns (value, unit, code, obs_resource) of the cited observation or component, or None"""
    base, _, comp = rid.partition('#')
    r = ch['byid'].get(base)
    if r is None or r['resourceType'] != 'Observation': return None
    if comp != '':
        c = r['component'][int(comp)]
        return c['valueQuantity']['value'], c['valueQuantity']['unit'], code_of(c), r
    if 'valueQuantity' in r: return r['valueQuantity']['value'], r['valueQuantity']['unit'], code_of(r), r
    for c in r.get('component', []):
        if code_of(c) == want_code and 'valueQuantity' in c: return c['valueQuantity']['value'], c['valueQuantity']['unit'], code_of(c), r
    return None

# unit conversion, from record unit to the unit a claim writes (analyte-specific)
def convert(code, rec_unit, val, unit):
    u = unit.replace(' ', '').lower()
    ru = rec_unit.replace(' ', '').lower()
    same = {('mg/dl','mg/dl'), ('mmol/l','mmol/l'), ('mmol/l','meq/l'), ('%','%'), ('kg','kg'), ('kg','kgs'), ('cm','cm'), ('kg/m2','kg/m2'),
            ('mm[hg]','mmhg'), ('mm[hg]','mm[hg]'), ('g/dl','g/dl'), ('mg/g','mg/g'), ('cel','cel'), ('cel','°c'), ('cel','c'), ('cel','degc'), ('cel','degreescelsius'),
            ('ml/min/{1.73_m2}','ml/min/1.73m2'), ('ml/min/{1.73_m2}','ml/min/1.73m²'), ('10*3/ul','10*3/ul'), ('10*3/ul','x10^9/l'), ('10*3/ul','k/ul'), ('10*3/ul','x10^3/ul')}
    if (ru, u) in same: return val
    if ru == 'cel' and u in ('°f', 'degf', 'f'): return val * 1.8 + 32
    if ru == 'kg' and u in ('lb', 'lbs'): return val / 0.45359237
    if ru == 'kg' and u == 'g': return val * 1000
    if ru == 'cm' and u in ('in', 'inches'): return val / 2.54
    if ru == 'cm' and u == 'm': return val / 100
    if ru == 'mg/dl' and u in ('mmol/l',):
        f = {'2339-0': 18.016, '2093-3': 38.67, '18262-6': 38.67, '2085-9': 38.67, '2571-8': 88.57, '49765-1': 4.008}.get(code)
        return val / f if f else None
    if ru == 'mg/dl' and u == 'mmol/lurea' and code == '6299-2': return val * 0.357
    if ru == 'mg/dl' and u in ('µmol/l', 'umol/l') and code == '38483-4': return val * 88.42
    if ru == 'g/dl' and u == 'g/l': return val * 10
    return None   # not a valid conversion (e.g. mL/s for mL/min, °F for Celsius value)

MONTHS = {m.lower(): i + 1 for i, m in enumerate(['January','February','March','April','May','June','July','August','September','October','November','December'])}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
def parse_date(s):
    s = s.strip()
    m = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', s)
    if m: return s
    m = re.fullmatch(r'(\d{2})/(\d{2})/(\d{4})', s)
    if m:
        a, b, y = int(m[1]), int(m[2]), m[3]
        if a > 12 and b <= 12: return f'{y}-{b:02d}-{a:02d}'
        if b > 12 and a <= 12: return f'{y}-{a:02d}-{b:02d}'
        return 'AMBIGUOUS'
    m = re.fullmatch(r'(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: of |[ -])([A-Za-z]+)[ -](\d{4})', s)
    if m and m[2].lower() in MONTHS: return f'{m[3]}-{MONTHS[m[2].lower()]:02d}-{int(m[1]):02d}'
    m = re.fullmatch(r'([A-Za-z]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})', s)
    if m and m[1].lower() in MONTHS: return f'{m[3]}-{MONTHS[m[1].lower()]:02d}-{int(m[2]):02d}'
    m = re.fullmatch(r'([A-Za-z]+) (\d{4})', s)
    if m and m[1].lower() in MONTHS: return f'{m[2]}-{MONTHS[m[1].lower()]:02d}'
    m = re.fullmatch(r'(\d{4})', s)
    if m: return s
    return None

DRUG = {  # as written -> substrings any of which the record display must contain
 'zocor': ['simvastatin', 'simvistatin'], 'simvastatin': ['simvastatin', 'simvistatin'], 'hctz': ['hydrochlorothiazide'], 'microzide': ['hydrochlorothiazide'],
 'hydrochlorothiazide': ['hydrochlorothiazide'], 'aleve': ['naproxen'], 'naproxen sodium': ['naproxen'], 'plavix': ['clopidogrel'], 'clopidogrel': ['clopidogrel'],
 'glucophage xr': ['metformin'], 'metformin er': ['metformin'], 'norvasc': ['amlodipine'], 'amlodipine': ['amlodipine'], 'toprol xl': ['metoprolol succinate'],
 'metoprolol succinate er': ['metoprolol succinate'], 'lasix': ['lasix', 'furosemide'], 'furosemide': ['lasix', 'furosemide'], 'activase': ['alteplase'], 'alteplase': ['alteplase'],
 'razadyne': ['galantamine'], 'galantamine': ['galantamine'], 'namenda': ['memantine'], 'memantine': ['memantine'], 'fosamax': ['alendron'], 'alendronate': ['alendron'],
 'allegra': ['fexofenadine'], 'fexofenadine': ['fexofenadine'], 'flovent hfa': ['fluticasone propionate'], 'fluticasone propionate': ['fluticasone propionate'],
 'proair hfa': ['albuterol'], 'ventolin hfa': ['albuterol'], 'albuterol': ['albuterol'], 'taxotere': ['docetaxel'], 'docetaxel': ['docetaxel'],
 'eloxatin': ['oxaliplatin'], 'oxaliplatin': ['oxaliplatin'], 'lupron depot': ['leuprolide'], 'leuprolide': ['leuprolide'], 'ceftin': ['cefuroxime'], 'cefuroxime': ['cefuroxime'],
 'depo-provera': ['medroxyprogesterone'], 'medroxyprogesterone': ['medroxyprogesterone'], 'benadryl': ['diphenhydramine'], 'diphenhydramine': ['diphenhydramine'],
 'augmentin': ['clavulanate'], 'amoxicillin-clavulanate': ['clavulanate'], 'percocet': ['oxycodone'], 'oxycodone/acetaminophen': ['oxycodone'],
 'norco': ['hydrocodone'], 'vicodin': ['hydrocodone'], 'hydrocodone/acetaminophen': ['hydrocodone'], 'nitrolingual': ['nitroglycerin'], 'nitroglycerin': ['nitroglycerin'],
 'advil': ['ibuprofen'], 'motrin': ['ibuprofen'], 'ibuprofen': ['ibuprofen'], 'epipen': ['epinephrine'], 'epinephrine': ['epinephrine'],
 'tylenol': ['acetaminophen'], 'paracetamol': ['acetaminophen'], 'acetaminophen': ['acetaminophen'], 'pen vk': ['penicillin v'], 'penicillin v potassium': ['penicillin v'],
 'amoxil': ['amoxicillin'], 'amoxicillin': ['amoxicillin'], 'humulin 70/30': ['insulin human, isophane 70'], 'nph/regular insulin 70/30': ['insulin human, isophane 70'],
}
def med_ok(r, drug, mg):
    if r['resourceType'] != 'MedicationRequest': return False
    d = disp_of(r).lower(); dn = drug.lower()
    keys = DRUG.get(dn)
    if keys is None: return False   # a drug the validator does not know as an alias of anything in the record
    if not any(k in d for k in keys): return False
    if dn in ('amoxicillin', 'amoxil') and 'clavulanate' in d: return False
    if dn in ('acetaminophen', 'tylenol', 'paracetamol') and ('oxycodone' in d or 'hydrocodone' in d or 'dextrometh' in d): return False
    if mg is not None:
        nums = [float(x) for x in re.findall(r'([\d.]+)\s*mg', d)]
        if not nums or abs(nums[0] - float(mg)) > 1e-9: return False
    return True

SMOKE = {'never': ['never smoker'], 'former': ['former smoker', 'ex-smoker'], 'current': ['current every day smoker', 'current some day smoker', 'smokes tobacco daily']}
def age(ch, iso):
    b = ch['pt']['birthDate']; y = int(iso[:4]) - int(b[:4])
    return y - ((iso[5:10]) < b[5:10])

def all_vals(ch, code):
    out = []
    for r in ch['res']:
        if r['resourceType'] != 'Observation': continue
        if 'valueQuantity' in r and code_of(r) == code and not (code == '33914-3' and r['valueQuantity']['unit'] != 'mL/min/{1.73_m2}'):
            out.append((rdate(r), r['valueQuantity']['value'], r['id']))
        for i, c in enumerate(r.get('component', [])):
            if code_of(c) == code and 'valueQuantity' in c: out.append((rdate(r), c['valueQuantity']['value'], f"{r['id']}#{i}"))
    return out

def interp(scheme, ch, rec_id, x, n):
    """returns category, or None if ambiguous"""
    if scheme == 'bmi':
        if any(abs(x - c) < 0.2 for c in (18.5, 25, 30)): return None
        return 'underweight' if x < 18.5 else 'normal' if x < 25 else 'overweight' if x < 30 else 'obese'
    if scheme == 'a1c':
        if any(abs(x - c) < 0.05 for c in (5.7, 6.5)): return None
        return 'diabetic' if x >= 6.5 else 'prediabetic' if x >= 5.7 else 'normal'
    if scheme == 'egfr':
        if any(abs(x - c) < 1 for c in (90, 60, 45, 30, 15)): return None
        for lim, g in ((90, 'G1'), (60, 'G2'), (45, 'G3a'), (30, 'G3b'), (15, 'G4')):
            if x >= lim: return g
        return 'G5'
    if scheme == 'temp':
        if abs(x - 38.0) < 0.1: return None
        return 'fever' if x >= 38.0 else 'afebrile'

def eval_fact(n, ch, f, cited):
    k = f['k']
    def need(rid):
        if rid.partition('#')[0] not in cited and rid not in cited:
            prob(n, f'fact refers to uncited record {rid}')
    if k == 'val':
        need(f['id']); q = get_q(ch, f['id'], f['code'])
        if q is None: return False
        val, ru, code, r = q
        if code != f['code']: return False
        cv = convert(code, ru, val, f['unit'])
        if cv is None: return False
        ok = abs(cv - f['v']) <= f['tol']
        if ok and abs(abs(cv - f['v']) - f['tol']) < 0.05 * f['tol']: prob(n, f'value {cv} at the edge of tolerance for {f["v"]}')
        return ok
    if k == 'date':
        need(f['id']); r = ch['byid'].get(f['id'].partition('#')[0])
        d = rdate(r) if r else None
        pd = parse_date(f['show'])
        if pd != f['d']: prob(n, f'date text {f["show"]!r} parses to {pd}, fact says {f["d"]}')
        return bool(d) and d.startswith(f['d'])
    if k == 'name':
        need(f['id']); r = ch['byid'].get(f['id'])
        return f['term'].lower() in disp_of(r).lower()
    if k == 'med':
        need(f['id']); return med_ok(ch['byid'][f['id']], f['drug'], f['mg'])
    if k == 'status':
        need(f['id']); r = ch['byid'][f['id']]
        if r['resourceType'] == 'Condition': return r['clinicalStatus']['coding'][0]['code'] == f['s']
        if r['resourceType'] == 'MedicationRequest': return r['status'] == f['s']
        return False
    if k == 'smoke':
        need(f['id']); r = ch['byid'][f['id']]
        if code_of(r) != '72166-2': return False
        return r['valueCodeableConcept']['coding'][0]['display'].lower() in SMOKE[f['s']]
    if k in ('trend', 'pct'):
        need(f['a']); need(f['b'])
        qa, qb = get_q(ch, f['a'], None), get_q(ch, f['b'], None)
        if not qa or not qb or qa[2] != qb[2]: return False
        da, db = rdate(qa[3]), rdate(qb[3])
        if not da < db: return False
        rel = (qb[0] - qa[0]) / qa[0]
        if k == 'pct': return abs(abs(rel) * 100 - f['pct']) <= f['tol']
        if 0.01 < abs(rel) < 0.05: prob(n, f'trend change {rel:.3f} in the ambiguous zone')
        if f['dir'] == 'up': return rel >= 0.05
        if f['dir'] == 'down': return rel <= -0.05
        return abs(rel) <= 0.01
    if k == 'latest':
        need(f['id']); q = get_q(ch, f['id'], None)
        if not q: return False
        vals = all_vals(ch, q[2]); mine = rdate(q[3])
        return all(d < mine for d, v, i in vals if i != f['id'] and i.partition('#')[0] != f['id'])
    if k == 'absent':
        if ch['pt']['id'] not in cited: prob(n, 'absence claim without patient citation')
        terms = f['terms']
        f['_n'] = n
        if terms == ['__allergy__']:
            return not any(r['resourceType'] == 'AllergyIntolerance' for r in ch['res'])
        txt = ' '.join(disp_of(r).lower() for r in ch['res'] if r['resourceType'] in ('Condition', 'MedicationRequest', 'AllergyIntolerance'))
        return not any(t in txt for t in terms)
    if k == 'interp':
        need(f['id']); r = ch['byid'][f['id'].partition('#')[0]]
        if f['scheme'] == 'bp':
            if age(ch, rdate(r)) < 18: prob(n, 'BP category for a minor')
            s = next(c['valueQuantity']['value'] for c in r['component'] if code_of(c) == '8480-6')
            d = next(c['valueQuantity']['value'] for c in r['component'] if code_of(c) == '8462-4')
            if any(abs(s - c) < 1 for c in (120, 130, 140)) or any(abs(d - c) < 1 for c in (80, 90)): prob(n, 'BP near a cut-off')
            cat = 'stage2' if s >= 140 or d >= 90 else 'stage1' if s >= 130 or d >= 80 else 'elevated' if s >= 120 else 'normal'
            return cat == f['cat']
        q = get_q(ch, f['id'], None)
        want = {'bmi': '39156-5', 'a1c': '4548-4', 'egfr': '33914-3', 'temp': '8331-1'}[f['scheme']]
        if not q or q[2] != want: return False
        if f['scheme'] == 'bmi' and age(ch, rdate(r)) < 20: prob(n, 'adult BMI category on a child')
        cat = interp(f['scheme'], ch, f['id'], q[0], n)
        if cat is None: prob(n, 'interpretation value near a cut-off'); return False
        return cat == f['cat']
    prob(n, f'unknown fact kind {k}'); return False

# lab guards for negations labelled correct (avoid "no history of X" where results suggest X)
def neg_ambiguous(ch, terms):
    def vals(c): return [v for d, v, i in all_vals(ch, c)]
    t = ' '.join(terms)
    if 'diabet' in t and (any(v >= 5.7 for v in vals('4548-4')) or any(v >= 126 for v in vals('2339-0'))): return 'HbA1c/glucose suggests dysglycaemia'
    if 'hypertension' in t and (any(v >= 130 for v in vals('8480-6')) or any(v >= 80 for v in vals('8462-4'))): return 'BP readings in hypertensive range'
    if 'anemia' in t and any(v < 12 for v in vals('718-7')): return 'low Hb'
    if ('kidney' in t or 'renal' in t) and any(v < 90 for v in vals('33914-3')): return 'eGFR below 90'
    if 'hyperlipid' in t and (any(v >= 190 for v in vals('18262-6')) or any(v >= 200 for v in vals('2571-8'))): return 'high LDL/TG'
    return None

def main():
    claims = [json.loads(l) for l in open(os.path.join(HERE, 'claims.jsonl'))]
    checks = [json.loads(l) for l in open(os.path.join(HERE, 'checks.jsonl'))]
    if len(claims) != len(checks): problems.append('claims/checks length mismatch')
    counts = collections.Counter(); texts = collections.Counter(); pats = set(); nfalse_hist = collections.Counter()
    for n, (c, k) in enumerate(zip(claims, checks)):
        if set(c) != {'patient', 'text', 'citations', 'label', 'category', 'why'}: prob(n, f'bad keys {sorted(c)}')
        if c['label'] not in ('correct', 'wrong'): prob(n, 'bad label')
        if c['category'] not in CATS: prob(n, 'bad category')
        if not isinstance(c['text'], str) or not c['text'].strip() or not isinstance(c['why'], str) or not c['why']: prob(n, 'empty text/why')
        if k['text'] != c['text'] or k['label'] != c['label'] or k['patient'] != c['patient']: prob(n, 'checks line does not match claim')
        counts[(c['category'], c['label'])] += 1; texts[c['text']] += 1; pats.add(c['patient'])
        ch = charts.get(c['patient'])
        if not ch: prob(n, 'unknown patient'); continue
        cited = set()
        if not c['citations']: prob(n, 'no citations')
        for ct in c['citations']:
            if set(ct) != {'kind', 'record', 'id'} or ct['kind'] != 'record': prob(n, f'bad citation shape {ct}'); continue
            if ct['record'] == 'patient':
                if ct['id'] != c['patient']: prob(n, 'patient citation id mismatch')
                cited.add(ct['id']); continue
            base, _, comp = ct['id'].partition('#')
            r = ch['byid'].get(base)
            if r is None: prob(n, f'cited id {ct["id"]} not in bundle'); continue
            if KIND.get(ct['record']) != r['resourceType']: prob(n, f'citation kind {ct["record"]} vs {r["resourceType"]}')
            if comp != '':
                if r['resourceType'] != 'Observation' or not comp.isdigit() or int(comp) >= len(r.get('component', [])): prob(n, 'bad component index')
            cited.add(ct['id']); cited.add(base)
        if any(ct['record'] == 'patient' for ct in c['citations']) and not any(f['k'] == 'absent' for f in k['facts']):
            prob(n, 'patient citation on a non-absence claim')
        res = []
        for f in k['facts']:
            if 'show' in f and f['show'] not in c['text']: prob(n, f'shown text {f["show"]!r} not in claim text')
            if f['k'] == 'val' and abs(float(f['show']) - f['v']) > 1e-9: prob(n, 'shown value differs from fact value')
            res.append(eval_fact(n, ch, f, cited))
        nf = res.count(False)
        lab = 'correct' if nf == 0 else 'wrong'
        if lab != c['label']: prob(n, f'label {c["label"]} but recomputed {lab} ({res}) :: {c["text"]}')
        if c['label'] == 'wrong' and c['category'] != 'wrong-citation' and nf > 2: prob(n, f'{nf} false facts')
        if c['label'] == 'wrong':
            for f in k['facts']:
                if f['k'] == 'absent' and f['terms'] != ['__allergy__']:
                    txt = ' '.join(disp_of(r).lower() for r in ch['res'] if r['resourceType'] in ('Condition', 'MedicationRequest', 'AllergyIntolerance'))
                    if f['terms'][0] not in txt: prob(n, f'wrong negation rests only on a related term, not on {f["terms"][0]!r} itself (ambiguous)')
        if c['label'] == 'correct':
            for f in k['facts']:
                if f['k'] == 'absent':
                    a = neg_ambiguous(ch, f['terms'])
                    if a: prob(n, f'negation ambiguous: {a}')
        nfalse_hist[(c['label'], nf)] += 1
    for cat in CATS:
        for lab in ('correct', 'wrong'):
            if counts[(cat, lab)] != 27: problems.append(f'count {cat}/{lab} = {counts[(cat, lab)]}, want 27')
    for t, m in texts.items():
        if m > 1: problems.append(f'duplicate text x{m}: {t}')
    if pats != set(charts): problems.append(f'patients not covered: {set(charts) - pats}')
    print(f'claims: {len(claims)}; patients covered: {len(pats)}/26')
    print('counts:', {f'{a}/{b}': v for (a, b), v in sorted(counts.items())})
    print('false-fact histogram:', dict(sorted(nfalse_hist.items())))
    for p in problems: print('PROBLEM', p)
    print('PROBLEMS:', len(problems))
main()
