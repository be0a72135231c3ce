"""Validate dev5 claims.jsonl against the raw Synthea bundles.

1. every line parses, has the required fields, cites ids that exist in that patient's bundle (components too),
   with the right record kind;
2. prints counts per category x label;
3. re-checks each claim's facts: claims_meta.jsonl holds, line by line, the structured facts each sentence asserts
   (value+unit+precision, date, status, drug/condition terms, latest, direction, absence, interpretation ...).
   This script re-reads the cited raw FHIR resources (not the generator's tables), evaluates every fact,
   derives the label (all true -> correct) and compares it with the written label.  It also checks that each
   asserted literal really occurs in the sentence, that every written date parses back to the asserted date,
   and lists sentences that contain numbers no assertion accounts for.
Reads only /work/shared/data/synthea and the files in this folder.
"""
import json, glob, re, sys, collections, math, os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = '/work/shared/data/synthea'
KIND = {'observation':'Observation','condition':'Condition','medication':'MedicationRequest','allergy':'AllergyIntolerance',
        'encounter':'Encounter','procedure':'Procedure','immunization':'Immunization','diagnostic-report':'DiagnosticReport'}
CATS = ['dates','abbreviations','drug-names','units','rounding','trends','two-facts','negation','status','latest',
        'swapped','wrong-citation','interpretation']

# ---------------- load bundles ----------------
BUND = {}
for fn in glob.glob(DATA + '/*.json'):
    b = json.load(open(fn))
    rs = [e['resource'] for e in b['entry']]
    pat = [r for r in rs if r['resourceType'] == 'Patient'][0]
    BUND[pat['id']] = {'patient': pat, 'res': rs, 'byid': {r['id']: r for r in rs}}

def rdate(r, field=None):
    t = r['resourceType']
    if t == 'Observation' or t == 'DiagnosticReport': return r.get('effectiveDateTime', '')[:10]
    if t == 'Condition':
        if field == 'abate': return (r.get('abatementDateTime') or '')[:10]
        return (r.get('onsetDateTime') or '')[:10]
    if t == 'MedicationRequest': return r.get('authoredOn', '')[:10]
    if t == 'Immunization': return r.get('occurrenceDateTime', '')[:10]
    if t == 'Procedure': return (r.get('performedDateTime') or r.get('performedPeriod', {}).get('start', ''))[:10]
    if t == 'Encounter': return r['period']['start'][:10]
    if t == 'AllergyIntolerance': return (r.get('recordedDate') or '')[:10]
    return ''

def display(r):
    t = r['resourceType']
    if t == 'MedicationRequest': return r['medicationCodeableConcept']['coding'][0]['display']
    if t == 'Immunization': return r['vaccineCode']['coding'][0]['display']
    if t == 'Encounter':
        s = r['type'][0]['coding'][0]['display']
        for rc in r.get('reasonCode', []): s += ' | ' + rc['coding'][0]['display']
        return s
    return r['code']['coding'][0]['display']

def analyte(disp):
    d = disp.lower()
    table = [('systolic', 'sbp'), ('diastolic', 'dbp'), ('total cholesterol', 'tc'), ('triglycerides', 'tg'),
             ('low density lipoprotein', 'ldl'), ('high density lipoprotein', 'hdl'), ('hemoglobin a1c', 'a1c'),
             ('estimated glomerular', 'egfr'), ('glomerular filtration rate/', 'gfr_pred'), ('microalbumin', 'uacr'),
             ('leukocytes [#', 'wbc'), ('erythrocytes [#', 'rbc'), ('hemoglobin [mass/volume] in blood', 'hgb'),
             ('hematocrit', 'hct'), ('mcv', 'mcv'), ('mchc', 'mchc'), ('mch ', 'mch'), ('platelets [#', 'plt'),
             ('erythrocyte distribution', 'rdw'), ('platelet distribution', 'pdw'), ('platelet mean', 'mpv'),
             ('body mass index', 'bmi'), ('body weight', 'weight'), ('body height', 'height'), ('oral temperature', 'temp'),
             ('prostate specific', 'psa'), ('ejection fraction', 'lvef'), ('nt-probnp', 'ntprobnp'), ('mmse', 'mmse'),
             ('alanine aminotransferase', 'alt'), ('aspartate aminotransferase', 'ast'), ('alkaline phosphatase', 'alp'),
             ('albumin [mass/volume] in serum', 'albumin'), ('bilirubin.total [mass/volume] in serum', 'bili'),
             ('t-score', 'tscore'), ('pain severity', 'pain'), ('urea nitrogen', 'bun'), ('creatinine', 'cr'),
             ('calcium', 'ca'), ('sodium', 'na'), ('potassium', 'k'), ('chloride', 'cl'), ('carbon dioxide', 'co2'),
             ('glucose', 'glucose'), ('tobacco', 'smoking')]
    for k, v in table:
        if k in d: return v
    return None

UNIT_CANON = {'mg/dL':'mg/dL','mmol/L':'mmol/L','%':'%','mL/min/{1.73_m2}':'mL/min/1.73m2','10*3/uL':'10^3/uL',
              '10*6/uL':'10^6/uL','g/dL':'g/dL','fL':'fL','pg':'pg','kg':'kg','cm':'cm','kg/m2':'kg/m2','Cel':'C',
              'mm[Hg]':'mmHg','ng/mL':'ng/mL','U/L':'U/L','{score}':'','mg/g':'mg/g','pg/mL':'pg/mL','mL/min':'mL/min',
              '(score)':'','{T-score}':'','g/L':'g/L'}

def conv(an, ru, su, x):
    """convert record value x (record unit ru, canonical) to stated unit su; None if not a valid equivalent."""
    if su == ru: return x
    same = {('mmol/L','mEq/L'), ('10^3/uL','10^9/L'), ('10^6/uL','10^12/L'), ('ng/mL','ug/L'), ('10^3/uL','K/uL'),
            ('mL/min/1.73m2','mL/min/1.73m2')}
    if (ru, su) in same and (an in ('na','k','cl','co2','wbc','plt','rbc','psa') or su in ('K/uL','10^9/L','10^12/L','ug/L')):
        if su == 'mEq/L' and an not in ('na','k','cl','co2'): return None
        return x
    if an == 'glucose' and su == 'mmol/L': return x / 18.016
    if an in ('tc','ldl','hdl') and su == 'mmol/L': return x / 38.67
    if an == 'tg' and su == 'mmol/L': return x / 88.57
    if an == 'cr' and su == 'umol/L': return x * 88.42
    if an == 'ca' and su == 'mmol/L': return x * 0.2495
    if an == 'bun' and su == 'mmol/L': return x * 0.357
    if an in ('hgb','mchc') and su == 'g/L': return x * 10
    if an == 'a1c' and su == 'mmol/mol': return (x - 2.15) * 10.929
    if an == 'hct' and su == 'L/L': return x / 100
    if an == 'temp' and su == 'F': return x * 9 / 5 + 32
    if an == 'weight' and su == 'lb': return x * 2.20462
    if an == 'weight' and su == 'g': return x * 1000
    if an == 'height' and su == 'in': return x / 2.54
    if an == 'height' and su == 'm': return x / 100
    if an == 'height' and su == 'mm': return x * 10
    return None

def get_val(pid, ref, an):
    base, _, comp = ref.partition('#')
    r = BUND[pid]['byid'][base]
    if r['resourceType'] != 'Observation': return None, None, 'not an Observation'
    if comp != '':
        c = r['component'][int(comp)]
        a = analyte(c['code']['coding'][0]['display'])
        vq = c['valueQuantity']
    elif 'component' in r:
        cs = [c for c in r['component'] if analyte(c['code']['coding'][0]['display']) == an]
        if not cs: return None, None, 'no such component'
        a = an; vq = cs[0]['valueQuantity']
    else:
        a = analyte(display(r))
        if 'valueQuantity' not in r: return None, None, 'no quantity'
        vq = r['valueQuantity']
    if a != an: return None, None, f'record is {a}, claim says {an}'
    return vq['value'], UNIT_CANON.get(vq.get('unit'), vq.get('unit')), None

def decs(s):
    s = s.replace(',', '')
    m = re.search(r'\.(\d+)', s)
    return len(m.group(1)) if m else 0

def check_val(pid, a):
    x, ru, err = get_val(pid, a['ref'], a['an'])
    if err: return False, err
    y = conv(a['an'], ru, a['u'], x)
    if y is None: return False, f"unit {a['u']} not equivalent to {ru} for {a['an']}"
    v = a['v']; q = a['q']
    dec = decs(str(a['v'])) if isinstance(a['v'], float) and not float(a['v']).is_integer() else 0
    if 's' in a and a['s']:
        m = re.findall(r'-?\d[\d,]*\.?\d*', a['s'])
        if m:
            dec = decs(m[0]) if q in ('exact', 'about') else dec
    half = 0.5 * 10 ** (-dec)
    extra = 0.003 * abs(y) if a['u'] != ru else 0.0
    if q == 'exact':
        ok = abs(y - v) <= half + extra + 1e-9
    elif q == 'about':
        p = 10 ** (-dec) if dec > 0 else (10 if v % 10 == 0 else 5 if v % 5 == 0 else 1)
        ok = abs(y - v) <= p / 2 + extra + 1e-9 or abs(y - v) <= 0.025 * abs(y)
    elif q == 'lt_near': ok = y < v and (v - y) <= 0.05 * abs(v)
    elif q == 'gt_near': ok = y > v and (y - v) <= 0.05 * abs(v)
    elif q == 'lt': ok = y < v
    elif q == 'gt': ok = y > v
    elif q == 'range': ok = a['lo'] <= y < a['hi']
    else: return False, 'bad q'
    return ok, f"record {x:.4g} {ru} -> {y:.4g} {a['u']} vs stated {q} {v}"

# ---- interpretation thresholds (independently coded) ----
def interp_cat(pid, scheme, ref):
    base = ref.split('#')[0]
    r = BUND[pid]['byid'][base]
    g = BUND[pid]['patient']['gender']
    if scheme == 'bp_acc':
        s = [c['valueQuantity']['value'] for c in r['component'] if 'Systolic' in c['code']['coding'][0]['display']][0]
        d = [c['valueQuantity']['value'] for c in r['component'] if 'Diastolic' in c['code']['coding'][0]['display']][0]
        if s >= 140 or d >= 90: return 'stage2', f'{s:.0f}/{d:.0f}'
        if s >= 130 or d >= 80: return 'stage1', f'{s:.0f}/{d:.0f}'
        if s >= 120: return 'elevated', f'{s:.0f}/{d:.0f}'
        return 'normal', f'{s:.0f}/{d:.0f}'
    if scheme == 'sbp_only':
        s = [c['valueQuantity']['value'] for c in r['component'] if 'Systolic' in c['code']['coding'][0]['display']][0]
        return ('ge140' if s >= 140 else 'ge130' if s >= 130 else 'ge120' if s >= 120 else 'lt120'), f'{s:.1f}'
    x = r['valueQuantity']['value']
    def band(x, cuts):
        for hi, name in cuts:
            if x < hi: return name
        return cuts[-1][1]
    tables = {
        'bmi_who': [(18.5,'underweight'),(25,'normal'),(30,'overweight'),(1e9,'obese')],
        'a1c_ada': [(5.7,'normal'),(6.5,'prediabetes'),(1e9,'diabetes')],
        'egfr_kdigo': [(15,'G5'),(30,'G4'),(45,'G3b'),(60,'G3a'),(90,'G2'),(1e9,'G1')],
        'ldl_atp': [(100,'optimal'),(130,'near_optimal'),(160,'borderline'),(190,'high'),(1e9,'very_high')],
        'tc_atp': [(200,'desirable'),(240,'borderline'),(1e9,'high')],
        'tg_atp': [(150,'normal'),(200,'borderline'),(500,'high'),(1e9,'very_high')],
        'hdl_atp': [(40,'low'),(60,'normal'),(1e9,'high')],
        'fever': [(38.0,'afebrile'),(1e9,'febrile')],
        'wbc': [(4.0,'low'),(11.0001,'normal'),(1e9,'high')],
        'plt': [(150,'low'),(450.0001,'normal'),(1e9,'high')],
        'psa': [(4.0001,'normal'),(1e9,'elevated')],
        'lvef': [(40.0001,'reduced'),(50,'mildly_reduced'),(1e9,'preserved')],
        'mmse': [(10,'severe'),(18,'moderate'),(24,'mild'),(1e9,'normal')],
        'uacr': [(30,'A1'),(300.0001,'A2'),(1e9,'A3')],
        'glucose': [(70,'low'),(100,'normal'),(126,'ifg'),(1e9,'diabetic')],
        'k': [(3.5,'low'),(5.0001,'normal'),(1e9,'high')],
        'na': [(135,'low'),(145.0001,'normal'),(1e9,'high')],
        'ntprobnp': [(125.0001,'normal'),(1e9,'elevated')],
        'tscore': [(-2.5,'osteoporosis'),(-1.0,'osteopenia'),(1e9,'normal')],
    }
    if scheme == 'hgb_who':
        cut = 13.0 if g == 'male' else 12.0
        return ('anemic' if x < cut else 'normal'), f'{x:.2f} ({g})'
    return band(x, tables[scheme]), f'{x:.4g}'

DRUG_SYN = {'simvistatin':'simvastatin', 'lasix':'lasix furosemide', '[toprol]':'toprol', 'humulin':'humulin insulin',
            'vicodin':'vicodin hydrocodone acetaminophen', 'nuvaring':'nuvaring etonogestrel ethinyl estradiol',
            'levora':'levora levonorgestrel ethinyl estradiol', 'seasonique':'seasonique levonorgestrel ethinyl estradiol',
            'natazia':'natazia estradiol valerate dienogest', 'nda020800':'epipen', 'vitamin b 12':'vitamin b12'}

def norm_disp(s):
    s = s.lower()
    for k, v in DRUG_SYN.items(): s = s.replace(k, v)
    s = re.sub(r'(\d)mg', r'\1 mg', s)
    return s

def later(pid, r):
    """return list of resources of same code/kind strictly later (or same date, other id)."""
    t = r['resourceType']; d = rdate(r)
    out = []
    for o in BUND[pid]['res']:
        if o['resourceType'] != t or o['id'] == r['id']: continue
        if t == 'Observation' and o['code']['coding'][0]['code'] != r['code']['coding'][0]['code']: continue
        if t == 'Immunization' and o['vaccineCode']['coding'][0]['code'] != r['vaccineCode']['coding'][0]['code']: continue
        if t == 'MedicationRequest' and o['medicationCodeableConcept']['coding'][0]['code'] != r['medicationCodeableConcept']['coding'][0]['code']: continue
        od = rdate(o)
        if od > d or (od == d and t != 'Encounter'):
            out.append(o)
    return out

def check(pid, a):
    t = a['t']
    byid = BUND[pid]['byid']
    if t == 'val': return check_val(pid, a)
    if t in ('date', 'daterange'):
        r = byid[a['ref'].split('#')[0]]
        d = rdate(r, a.get('field'))
        if t == 'date': return d.startswith(a['d']), f"record date {d} vs {a['d']}"
        return a['lo'] <= d <= a['hi'], f"record date {d} vs {a['lo']}..{a['hi']}"
    if t == 'status':
        r = byid[a['ref']]
        if r['resourceType'] == 'MedicationRequest': st = r['status']
        else: st = r['clinicalStatus']['coding'][0]['code']
        return st == a['st'], f'record status {st}'
    if t == 'code':
        r = byid[a['ref'].split('#')[0]]
        d = norm_disp(display(r))
        miss = [x for x in a['all'] if x.lower() not in d]
        return not miss, f'display "{d}" missing {miss}'
    if t == 'latest':
        r = byid[a['ref'].split('#')[0]]
        l = later(pid, r)
        return not l, f"{len(l)} same-kind records on/after {rdate(r)}" + (f" e.g. {rdate(l[0])}" if l else '')
    if t == 'dir':
        xa, _, ea = get_val(pid, a['a'], a['an'])
        xb, _, eb = get_val(pid, a['b'], a['an'])
        if ea or eb: return False, ea or eb
        da = rdate(byid[a['a'].split('#')[0]]); db = rdate(byid[a['b'].split('#')[0]])
        if not da < db: return False, f'dates not ordered {da} {db}'
        rel = (xb - xa) / abs(xa)
        got = 'up' if rel > a['tol'] else 'down' if rel < -a['tol'] else 'stable'
        return got == a['dir'], f'{xa:.4g} -> {xb:.4g} rel {rel:+.3f} = {got}'
    if t == 'absent':
        hits = []
        for r in BUND[pid]['res']:
            if r['resourceType'] in ('Patient', 'Organization', 'Practitioner'): continue
            s = json.dumps(r).lower()
            for term in a['terms']:
                if re.search(term, s): hits.append((term, r['resourceType'])); break
        return not hits, f'hits {hits[:3]}'
    if t == 'interp':
        cat, info = interp_cat(pid, a['scheme'], a['ref'])
        ok = cat in (a['cat'] if isinstance(a['cat'], list) else [a['cat']])
        return ok, f'{a["scheme"]}: {info} -> {cat}'
    if t == 'smoke':
        r = byid[a['ref']]
        v = r['valueCodeableConcept']['coding'][0]['display']
        return v == a['val'], f'record {v}'
    if t == 'prn':
        r = byid[a['ref']]
        v = bool(((r.get('dosageInstruction') or [{}])[0]).get('asNeededBoolean'))
        return v == a['prn'], f'prn {v}'
    if t == 'freq':
        r = byid[a['ref']]
        tm = ((r.get('dosageInstruction') or [{}])[0]).get('timing', {}).get('repeat', {})
        ok = (tm.get('frequency'), tm.get('period'), tm.get('periodUnit')) == (a['freq'], a['period'], a['unit'])
        return ok, f'timing {tm}'
    return False, 'unknown assertion ' + t

# ---------- date string parsing (independent of the generator) ----------
MON = {m: i + 1 for i, m in enumerate(['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec'])}
def parse_date(s):
    s0 = s.strip(); s = s0.lower().replace(',', '')
    m = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', s) or re.fullmatch(r'(\d{4})/(\d{2})/(\d{2})', s)
    if m: return f'{m.group(1)}-{m.group(2)}-{m.group(3)}'
    m = re.fullmatch(r'(\d{1,2})/(\d{1,2})/(\d{4})', s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
        if a > 12: return f'{y}-{b:02d}-{a:02d}'          # unambiguous UK
        if b > 12: return f'{y}-{a:02d}-{b:02d}'          # unambiguous US
        return f'{y}-{a:02d}-{b:02d}'                     # ambiguous: US reading
    m = re.fullmatch(r'(\d{2})\.(\d{2})\.(\d{4})', s)
    if m: return f'{m.group(3)}-{m.group(2)}-{m.group(1)}'
    m = re.fullmatch(r'(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3})[a-z]* (\d{4})', s)
    if m: return f'{m.group(3)}-{MON[m.group(2)]:02d}-{int(m.group(1)):02d}'
    m = re.fullmatch(r'(\d{2})-([a-z]{3})-(\d{4})', s)
    if m: return f'{m.group(3)}-{MON[m.group(2)]:02d}-{int(m.group(1)):02d}'
    m = re.fullmatch(r'([a-z]{3})[a-z]* (\d{1,2})(?:st|nd|rd|th)? (\d{4})', s)
    if m: return f'{m.group(3)}-{MON[m.group(1)]:02d}-{int(m.group(2)):02d}'
    m = re.fullmatch(r'([a-z]{3})[a-z]* (\d{4})', s)
    if m: return f'{m.group(2)}-{MON[m.group(1)]:02d}'
    m = re.fullmatch(r'(\d{2})/(\d{4})', s)
    if m: return f'{m.group(2)}-{m.group(1)}'
    m = re.fullmatch(r'(\d{4})', s)
    if m: return m.group(1)
    return None

def parse_range(s):
    s = s.lower()
    m = re.fullmatch(r'(early|mid|late)[- ](\d{4})', s)
    if not m: return None
    y = m.group(2)
    return {'early': (f'{y}-01-01', f'{y}-04-30'), 'mid': (f'{y}-05-01', f'{y}-08-31'), 'late': (f'{y}-09-01', f'{y}-12-31')}[m.group(1)]

# --------------------------------------------------------------------
def main():
    claims = [json.loads(l) for l in open(os.path.join(HERE, 'claims.jsonl'))]
    metas = [json.loads(l) for l in open(os.path.join(HERE, 'claims_meta.jsonl'))]
    assert len(claims) == len(metas)
    errs = 0; counts = collections.Counter(); mislabel = []; leftovers = []; nfalse = collections.Counter()
    texts = collections.Counter()
    for i, (c, m) in enumerate(zip(claims, metas)):
        for k in ('patient', 'text', 'citations', 'label', 'category', 'why'):
            if k not in c: print('MISSING', k, i); errs += 1
        if c['label'] not in ('correct', 'wrong') or c['category'] not in CATS:
            print('BAD label/category', i, c['label'], c['category']); errs += 1
        texts[c['text']] += 1
        pid = c['patient']
        if pid not in BUND: print('UNKNOWN patient', i); errs += 1; continue
        byid = BUND[pid]['byid']
        for ct in c['citations']:
            if ct.get('kind') != 'record': print('BAD cite kind', i); errs += 1; continue
            if ct['record'] == 'patient':
                if ct['id'] != pid: print('BAD patient cite', i); errs += 1
                continue
            base, _, comp = ct['id'].partition('#')
            r = byid.get(base)
            if r is None: print('CITED ID NOT IN BUNDLE', i, ct); errs += 1; continue
            if KIND.get(ct['record']) != r['resourceType']:
                print('CITE KIND MISMATCH', i, ct['record'], r['resourceType']); errs += 1
            if comp != '':
                if 'component' not in r or not comp.isdigit() or int(comp) >= len(r['component']):
                    print('BAD COMPONENT', i, ct['id']); errs += 1
        counts[(c['category'], c['label'])] += 1
        # re-check the facts
        cited = {ct['id'] for ct in c['citations']}
        results = []
        for a in m['asserts']:
            for key in ('ref', 'a', 'b'):
                if key in a and a[key] not in cited:
                    print('ASSERT ON UNCITED RECORD', i, a[key]); errs += 1
            if a['t'] == 'absent' and pid not in cited:
                print('ABSENCE WITHOUT PATIENT CITE', i); errs += 1
            ok, info = check(pid, a)
            results.append((ok, a, info))
            s = a.get('s')
            if s and s.lower() not in c['text'].lower():
                print('LITERAL NOT IN TEXT', i, repr(s), '|', c['text']); errs += 1
            if a['t'] == 'date' and s:
                pd = parse_date(s)
                if pd != a['d']:
                    print('DATE TEXT MISMATCH', i, repr(s), pd, a['d']); errs += 1
            if a['t'] == 'daterange' and s:
                pr = parse_range(s)
                if pr != (a['lo'], a['hi']):
                    print('DATERANGE TEXT MISMATCH', i, s, pr, a['lo'], a['hi']); errs += 1
        derived = 'correct' if all(r[0] for r in results) else 'wrong'
        nf = sum(1 for r in results if not r[0])
        if c['label'] == 'wrong': nfalse[nf] += 1
        if derived != c['label']:
            mislabel.append(i)
            print(f'MISLABEL #{i} [{c["category"]}] written={c["label"]} derived={derived}: {c["text"]}')
            for ok, a, info in results: print('     ', 'OK ' if ok else 'BAD', a['t'], info)
        if not m['asserts']:
            print('NO ASSERTIONS', i, c['text']); errs += 1
        # numbers in the text that no assertion accounts for
        t = c['text']
        for a in sorted(m['asserts'], key=lambda a: -len(a.get('s') or '')):
            if a.get('s'): t = re.sub(re.escape(a['s']), ' ', t, flags=re.I)
        t = re.sub(r'(1\.73 ?m(2|²)|m2|m²|T2DM|HbA1c|A1c|PCV ?13|PPSV23|Pneumovax 23|Prevnar 13|B12|CO2|HCO3|MCV4|HPV4|70/30|'
                   r'G[1-5]a?b?|stage [1-5]|A[1-3]\b|10\^\d+|x ?10\^?\d*|0-10|/10|24 ?h|XL|XR|ER|2017|ACC/AHA|'
                   r'NT-proBNP|24HR|T1DM|BMI 30\+|[Tt]ype 2|H2O|every \d+ hours|q\d+h|G3a|G3b|ATP III|ADA|KDIGO|WHO|5-FU|#\d+|1st|first)', ' ', t)
        if re.search(r'\d', t): leftovers.append((i, c['text']))
    print('\n=== counts (category x label) ===')
    print(f'{"category":16s} {"correct":>8s} {"wrong":>6s} {"total":>6s}')
    for cat in CATS:
        a, b = counts[(cat, 'correct')], counts[(cat, 'wrong')]
        print(f'{cat:16s} {a:8d} {b:6d} {a+b:6d}')
    tot_c = sum(v for (k, l), v in counts.items() if l == 'correct'); tot_w = sum(v for (k, l), v in counts.items() if l == 'wrong')
    print(f'{"TOTAL":16s} {tot_c:8d} {tot_w:6d} {tot_c+tot_w:6d}')
    pc = collections.Counter(c['patient'] for c in claims)
    print('\nclaims per patient:', sorted(pc.values()))
    print('wrong claims by number of false facts:', dict(nfalse))
    dups = [t for t, n in texts.items() if n > 1]
    print('duplicate texts:', len(dups), dups[:5])
    print('structural errors:', errs, ' mislabels:', len(mislabel))
    print(f'sentences with numbers not tied to an assertion: {len(leftovers)}')
    if '-v' in sys.argv:
        for i, t in leftovers: print('   ', i, t)
    return errs + len(mislabel)

if __name__ == '__main__':
    sys.exit(1 if main() else 0)
