"""Validate claims.jsonl against the raw Synthea bundles.

(1) every line parses, has the required fields, and every cited id exists in that patient's bundle
    (for "<id>#n", the component exists; "patient" citations name the claim's own patient);
(2) prints counts per category x label (and per patient);
(3) re-checks every claim's facts: each fact the writer stated is listed in claims_asserts.jsonl;
    this script re-derives each one from the raw bundle with its own code (own date parser, unit
    conversions, thresholds, drug-name table) and checks (a) its truth equals what the writer intended,
    (b) the label equals "all facts true", (c) every fact's text really occurs in the claim, and every
    number / date in the claim is covered by some checked fact, (d) each fact is about a cited record.
Exit status 1 if anything fails.
"""
import json, re, sys, glob, collections, datetime, math

DATA = '/work/shared/data/synthea'
CLAIMS = '/work/notes/evalsets/dev/claims.jsonl'
ASSERTS = '/work/notes/evalsets/dev/claims_asserts.jsonl'
CATS = ['dates', 'abbreviations', 'drug-names', 'units', 'rounding', 'trends', 'two-facts', 'negation', 'status', 'latest', 'swapped', 'wrong-citation', 'interpretation']
KINDS = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter', 'procedure': 'Procedure',
         'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation'}

# ------------------------------------------------------------------ bundles
B = {}
for f in glob.glob(DATA + '/*.json'):
    bundle = json.load(open(f))
    res = [e['resource'] for e in bundle['entry']]
    pat = [r for r in res if r['resourceType'] == 'Patient'][0]
    B[pat['id']] = dict(patient=pat, res=res, byid={(r['resourceType'], r['id']): r for r in res}, anyid={r['id']: r for r in res})


def date_of(r):
    t = r['resourceType']
    if t == 'Observation' or t == 'DiagnosticReport': return r['effectiveDateTime'][:10]
    if t == 'Condition': return r['onsetDateTime'][:10]
    if t == 'MedicationRequest': return r['authoredOn'][:10]
    if t == 'Immunization': return r['occurrenceDateTime'][:10]
    if t == 'Encounter': return r['period']['start'][:10]
    if t == 'Procedure': return (r.get('performedPeriod', {}).get('start') or r.get('performedDateTime'))[:10]
    if t == 'AllergyIntolerance': return (r.get('onsetDateTime') or r.get('recordedDate'))[:10]
    return None


def display(r):
    for k in ('code', 'medicationCodeableConcept', 'vaccineCode'):
        if k in r:
            return r[k].get('text') or r[k]['coding'][0]['display']
    if r['resourceType'] == 'Encounter':
        return r['type'][0].get('text') or r['type'][0]['coding'][0]['display']
    return ''


def lcode(r):
    try: return r['code']['coding'][0]['code']
    except Exception: return None


def resolve(pid, ref):
    rid, _, comp = ref.partition('#')
    r = B[pid]['anyid'].get(rid)
    if r is None: return None, None
    if comp != '':
        return r, r['component'][int(comp)]
    return r, None


# ------------------------------------------------------------------ dates (own parser)
MONTHS = {m.lower(): i + 1 for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'])}
MONTHS.update({m.lower(): i + 1 for i, m in enumerate(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])})


def parse_date(t):
    """-> predicate(iso)->bool, or raises ValueError if not parseable / ambiguous"""
    s = t.strip()
    m = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})', s)
    if m: d = datetime.date(int(m[1]), int(m[2]), int(m[3])); return lambda iso: iso == d.isoformat()
    m = re.fullmatch(r'(\d{2})[/.](\d{2})[/.](\d{4})', s)
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        cands = set()
        if '/' in s:
            if a <= 12 and b <= 31: cands.add(datetime.date(y, a, b).isoformat() if b <= 31 and _valid(y, a, b) else None)
            if b <= 12 and a <= 31 and _valid(y, b, a): cands.add(datetime.date(y, b, a).isoformat())
        else:  # dotted = day.month.year
            if _valid(y, b, a): cands.add(datetime.date(y, b, a).isoformat())
        cands.discard(None)
        if len(cands) != 1: raise ValueError('ambiguous numeric date ' + s)
        c = cands.pop(); return lambda iso: iso == c
    m = re.fullmatch(r'(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([A-Za-z]+)\.?,? (\d{4})', s)
    if m and m[2].lower() in MONTHS:
        d = datetime.date(int(m[3]), MONTHS[m[2].lower()], int(m[1])).isoformat(); return lambda iso: iso == d
    m = re.fullmatch(r'([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})', s)
    if m and m[1].lower() in MONTHS:
        d = datetime.date(int(m[3]), MONTHS[m[1].lower()], int(m[2])).isoformat(); return lambda iso: iso == d
    m = re.fullmatch(r'([A-Za-z]+)\.? (\d{4})', s)
    if m and m[1].lower() in MONTHS:
        ym = f'{int(m[2]):04d}-{MONTHS[m[1].lower()]:02d}'; return lambda iso: iso[:7] == ym
    m = re.fullmatch(r'(\d{4})', s)
    if m: return lambda iso: iso[:4] == s
    m = re.fullmatch(r'(mid-|early |late )(\d{4})', s)
    if m:
        months = {'mid-': (6, 7), 'early ': (1, 2), 'late ': (11, 12)}[m[1]]
        y = m[2]; return lambda iso: iso[:4] == y and int(iso[5:7]) in months
    raise ValueError('unparsed date ' + s)


def _valid(y, m, d):
    try: datetime.date(y, m, d); return True
    except ValueError: return False


# ------------------------------------------------------------------ units (own table)
SAME = {  # record unit -> spellings that mean the same unit
 'mg/dL': {'mg/dl', 'mg/dL', 'mg per dL'}, 'mmol/L': {'mmol/L', 'mmol/l', 'mEq/L', 'meq/L'}, 'g/dL': {'g/dL', 'g/dl'}, '%': {'%', 'percent'},
 'mL/min/{1.73_m2}': {'mL/min/1.73m2', 'mL/min/1.73 m²', 'ml/min/1.73m²', 'mL/min/1.73m²'}, 'mg/g': {'mg/g'}, '10*3/uL': {'x10^3/uL', '×10³/µL', 'K/uL', 'x10^9/L', '×10⁹/L'},
 '10*6/uL': {'x10^6/uL', '×10⁶/µL', 'M/uL', 'x10^12/L', '×10¹²/L'}, 'fL': {'fL', 'fl'}, 'pg': {'pg'}, 'Cel': {'°C', 'C', 'deg C', 'degrees Celsius'},
 'kg/m2': {'kg/m2', 'kg/m²'}, 'kg': {'kg', 'kilograms'}, 'cm': {'cm', 'centimetres', 'centimeters'}, 'mm[Hg]': {'mmHg', 'mm Hg', 'mm[Hg]', 'millimetres of mercury'},
 'ng/mL': {'ng/mL', 'ng/ml', 'µg/L'}, 'pg/mL': {'pg/mL', 'ng/L'}, 'U/L': {'U/L', 'IU/L'}, '{score}': {'/10'}, 'mL/min': set(),
}
# conversions keyed by (record unit, loinc or '*', written unit)
CONV = {
 ('mg/dL', '2339-0', 'mmol/L'): lambda v: v / 18.0, ('mg/dL', '2093-3', 'mmol/L'): lambda v: v * 0.02586, ('mg/dL', '18262-6', 'mmol/L'): lambda v: v * 0.02586,
 ('mg/dL', '2085-9', 'mmol/L'): lambda v: v * 0.02586, ('mg/dL', '2571-8', 'mmol/L'): lambda v: v * 0.01129, ('mg/dL', '38483-4', 'µmol/L'): lambda v: v * 88.4,
 ('mg/dL', '38483-4', 'umol/L'): lambda v: v * 88.4, ('mg/dL', '49765-1', 'mmol/L'): lambda v: v * 0.2495, ('%', '4548-4', 'mmol/mol'): lambda v: 10.929 * (v - 2.15),
 ('g/dL', '*', 'g/L'): lambda v: v * 10, ('Cel', '*', '°F'): lambda v: v * 1.8 + 32, ('Cel', '*', 'F'): lambda v: v * 1.8 + 32, ('kg', '*', 'lb'): lambda v: v / 0.45359237,
 ('kg', '*', 'lbs'): lambda v: v / 0.45359237, ('cm', '*', 'in'): lambda v: v / 2.54, ('cm', '*', 'm'): lambda v: v / 100, ('cm', '*', 'ftin'): lambda v: v / 2.54,
 ('mm[Hg]', '*', 'kPa'): lambda v: v * 0.1333224,
}


def parse_num(t):
    t = t.replace('−', '-').strip()
    m = re.fullmatch(r'(\d+) ft (\d+) in', t)
    if m: return int(m[1]) * 12 + int(m[2]), 0
    if not re.fullmatch(r'-?\d+(\.\d+)?', t): raise ValueError('bad number ' + t)
    return float(t), (len(t.split('.')[1]) if '.' in t else 0)


def cmp_num(w, prec, v, conv=False):
    """'match' | 'mismatch' | 'ambiguous'"""
    ulp = 10 ** -prec
    tol = 0.5 * ulp + 1e-9 + (0.002 * abs(v) if conv else 0)
    d = abs(w - v)
    if d <= tol: return 'match'
    if d >= max(1.5 * ulp, 0.03 * abs(v)): return 'mismatch'
    return 'ambiguous'


def eval_val(pid, a):
    r, comp = resolve(pid, a['ref'])
    src = comp if comp is not None else r
    if r['resourceType'] != 'Observation' or 'valueQuantity' not in src:
        return False
    v = src['valueQuantity']['value']; ru = src['valueQuantity'].get('unit')
    code = lcode(r)
    w, prec = parse_num(a['txt'])
    u = a.get('unit')
    if u is None or u == '':
        res = cmp_num(w, prec, v)
    elif u in SAME.get(ru, set()) or u == ru:
        res = cmp_num(w, prec, v)
    else:
        f = CONV.get((ru, code, u)) or CONV.get((ru, '*', u))
        if f is None:
            return False  # incompatible unit: the stated quantity is wrong whatever the number
        res = cmp_num(w, prec, f(v), conv=True)
    if res == 'ambiguous':
        raise ValueError(f'ambiguous value {a["txt"]} {u} vs {v}')
    return res == 'match'


# ------------------------------------------------------------------ drugs (own table)
ING = {  # name word -> ingredient keywords that must be in the record display (lower case, after normalisation)
 'zocor': ['simvastatin'], 'simvastatin': ['simvastatin'], 'lipitor': ['atorvastatin'], 'crestor': ['rosuvastatin'],
 'norvasc': ['amlodipine'], 'amlodipine': ['amlodipine'], 'procardia': ['nifedipine'], 'plavix': ['clopidogrel'], 'clopidogrel': ['clopidogrel'],
 'brilinta': ['ticagrelor'], 'effient': ['prasugrel'], 'nitroglycerin': ['nitroglycerin'], 'gtn': ['nitroglycerin'], 'nitrolingual': ['nitroglycerin'],
 'isosorbide': ['isosorbide'], 'galantamine': ['galantamine'], 'razadyne': ['galantamine'], 'aricept': ['donepezil'], 'memantine': ['memantine'],
 'namenda': ['memantine'], 'metoprolol': ['metoprolol'], 'toprol-xl': ['metoprolol succinate'], 'toprol': ['metoprolol succinate'], 'coreg': ['carvedilol'],
 'furosemide': ['furosemide'], 'lasix': ['furosemide'], 'bumex': ['bumetanide'], 'torsemide': ['torsemide'], 'metformin': ['metformin'],
 'glucophage': ['metformin'], 'glucotrol': ['glipizide'], 'humulin': ['insulin human', 'isophane', 'regular insulin'], 'insulin': ['insulin'],
 'nph/regular': ['isophane', 'regular insulin'], 'glargine': ['glargine'], 'lantus': ['glargine'], 'humalog': ['lispro'],
 'acetaminophen': ['acetaminophen'], 'paracetamol': ['acetaminophen'], 'apap': ['acetaminophen'], 'tylenol': ['acetaminophen'],
 'oxycodone': ['oxycodone'], 'percocet': ['oxycodone', 'acetaminophen'], 'hydrocodone': ['hydrocodone'], 'norco': ['hydrocodone', 'acetaminophen'],
 'vicodin': ['hydrocodone', 'acetaminophen'], 'alendronate': ['alendron'], 'alendronic': ['alendron'], 'fosamax': ['alendron'], 'actonel': ['risedronate'],
 'alteplase': ['alteplase'], 'tpa': ['alteplase'], 'activase': ['alteplase'], 'tenecteplase': ['tenecteplase'],
 'augmentin': ['amoxicillin', 'clavulanate'], 'amoxicillin/clavulanate': ['amoxicillin', 'clavulanate'], 'amoxicillin-clavulanic': ['amoxicillin', 'clavulanate'],
 'co-amoxiclav': ['amoxicillin', 'clavulanate'], 'amoxicillin': ['amoxicillin'], 'amoxil': ['amoxicillin'], 'azithromycin': ['azithromycin'],
 'cefuroxime': ['cefuroxime'], 'ceftin': ['cefuroxime'], 'keflex': ['cephalexin'], 'cefdinir': ['cefdinir'],
 'penicillin': ['penicillin v'], 'pen': ['penicillin v'], 'ibuprofen': ['ibuprofen'], 'motrin': ['ibuprofen'], 'advil': ['ibuprofen'],
 'naproxen': ['naproxen'], 'aleve': ['naproxen'], 'diphenhydramine': ['diphenhydramine'], 'benadryl': ['diphenhydramine'], 'claritin': ['loratadine'],
 'hydroxyzine': ['hydroxyzine'], 'fexofenadine': ['fexofenadine'], 'allegra': ['fexofenadine'], 'zyrtec': ['cetirizine'],
 'epinephrine': ['epinephrine'], 'epipen': ['epinephrine'], 'glucagon': ['glucagon'], 'fluticasone': ['fluticasone'], 'flovent': ['fluticasone'],
 'budesonide': ['budesonide'], 'albuterol': ['albuterol'], 'salbutamol': ['albuterol'], 'proair': ['albuterol'], 'ventolin': ['albuterol'],
 'ipratropium': ['ipratropium'], 'serevent': ['salmeterol'], 'vitamin': ['vitamin b 12'], 'b12': ['vitamin b 12'], 'cyanocobalamin': ['vitamin b 12'],
 'folic': ['folic'], 'docetaxel': ['docetaxel'], 'taxotere': ['docetaxel'], 'paclitaxel': ['paclitaxel'], 'taxol': ['paclitaxel'],
 'leuprolide': ['leuprolide'], 'goserelin': ['goserelin'], 'leucovorin': ['leucovorin'], 'folinic': ['leucovorin'], 'methotrexate': ['methotrexate'],
 'oxaliplatin': ['oxaliplatin'], 'lupron': ['leuprolide'], 'eloxatin': ['oxaliplatin'], 'cisplatin': ['cisplatin'], 'medroxyprogesterone': ['medroxyprogesterone'],
 'dmpa': ['medroxyprogesterone'], 'depo-provera': ['medroxyprogesterone'], 'nexplanon': ['etonogestrel implant'],
 'natazia': ['natazia'], 'yaz': ['yaz'], 'nuvaring': ['nuvaring'], 'etonogestrel/ethinyl': ['nuvaring'], 'annovera': ['annovera'],
 'levora': ['levora'], 'levonorgestrel/ethinyl': ['levora|seasonique'], 'ortho': ['ortho'], 'seasonique': ['seasonique'], 'seasonale': ['seasonale'],
 'nyquil': ['acetaminophen', 'dextromethorphan', 'doxylamine'], 'dayquil': ['phenylephrine'], 'acetaminophen/dextromethorphan/doxylamine': ['acetaminophen', 'dextromethorphan', 'doxylamine'],
 'guaifenesin/dextromethorphan': ['guaifenesin'], 'hydrochlorothiazide': ['hydrochlorothiazide'], 'hctz': ['hydrochlorothiazide'], 'chlorthalidone': ['chlorthalidone'],
 'oxycodone/acetaminophen': ['oxycodone', 'acetaminophen'], 'hydrocodone/acetaminophen': ['hydrocodone', 'acetaminophen'], 'hydrocodone/apap': ['hydrocodone', 'acetaminophen'],
}
BRAND_PRODUCTS = {'natazia', 'nuvaring', 'levora', 'seasonique'}  # records that are themselves brand products


def norm_display(d):
    d = d.lower().replace('simvistatin', 'simvastatin')
    if 'lasix' in d: d += ' furosemide'
    return d


def drug_numbers(d):
    nums = set(float(x) for x in re.findall(r'\d+(?:\.\d+)?', d))
    out = set(nums)
    for n in nums:
        out.add(round(n * 1000, 6))  # mg -> mcg
    # volume x concentration
    m = re.match(r'([\d.]+) ml .*?([\d.]+) mg/ml', d)
    if m: out.add(round(float(m[1]) * float(m[2]), 6))
    return out


def eval_drug(pid, a, text):
    r, _ = resolve(pid, a['ref'])
    if r['resourceType'] != 'MedicationRequest': return False
    d = norm_display(display(r))
    name = a['name'].lower()
    words = re.findall(r"[a-z][a-z0-9/\-]*", name)
    ings = []
    for w in words:
        if w in ING:
            ings.append(ING[w])
        else:
            # try prefix before '/'
            pass
    # explicit "no X"
    m = re.search(r'no ([a-z]+)', name)
    if m and m[1] in d: return False
    if not ings: raise ValueError('no known drug word in ' + a['name'])
    for ing in ings:
        for k in ing:
            if not any(alt in d for alt in k.split('|')): return False
    # strengths: a number written as a concentration (x mg/mL) must be a concentration in the record;
    # any other number must be a strength, a derived mcg value or volume x concentration
    core = re.sub(r'\(.*?\)', '', name)
    conc = set(float(x) for x in re.findall(r'([\d.]+) mg/ml', d))
    dn = drug_numbers(d)
    for m in re.finditer(r'(\d+(?:\.\d+)?)\s*(mg/ml)?', core):
        n = float(m[1])
        pool = conc if m[2] else dn
        if not any(abs(n - x) < 1e-6 for x in pool): return False
    if 'epipen' in name and 'jr' in name: return False  # EpiPen Jr = 0.15 mg; record is 0.3 mL of 1 mg/mL
    return True


# ------------------------------------------------------------------ interpretation thresholds (own)
def interp_cat(pid, r, scheme):
    pat = B[pid]['patient']
    if scheme == 'bp':
        comps = {c['code']['coding'][0]['code']: c['valueQuantity']['value'] for c in r['component']}
        s, d = comps['8480-6'], comps['8462-4']
        for t in (120, 130, 140):
            if abs(s - t) < 1: raise ValueError('BP near threshold')
        for t in (80, 90):
            if abs(d - t) < 1: raise ValueError('BP near threshold')
        if s >= 140 or d >= 90: return 'stage2'
        if s >= 130 or d >= 80: return 'stage1'
        if s >= 120: return 'elevated'
        return 'normal'
    v = r['valueQuantity']['value']
    age = (datetime.date.fromisoformat(date_of(r)) - datetime.date.fromisoformat(pat['birthDate'])).days / 365.25
    def band(edges, names, margin):
        for e in edges:
            if abs(v - e) < margin: raise ValueError(f'{scheme} value {v} near threshold {e}')
        for e, n in zip(edges, names):
            if v < e: return n
        return names[-1]
    if scheme == 'bmi':
        if age < 20: raise ValueError('BMI category on a child')
        return band([18.5, 25, 30], ['under', 'normal', 'over', 'obese'], 0.2)
    if scheme == 'a1c' and v < 4.0: raise ValueError('implausibly low HbA1c: no category claim')
    if scheme == 'a1c': return band([5.7, 6.5], ['normal', 'prediabetes', 'diabetes'], 0.05)
    if scheme == 'ldl': return band([100, 130, 160, 190], ['optimal', 'near', 'borderline', 'high', 'veryhigh'], 2)
    if scheme == 'tc': return band([200, 240], ['desirable', 'borderline', 'high'], 2)
    if scheme == 'tg': return band([150, 200, 500], ['normal', 'borderline', 'high', 'veryhigh'], 2)
    if scheme == 'hdl': return band([40, 60], ['low', 'mid', 'high'], 1)
    if scheme == 'egfr': return band([15, 30, 45, 60, 90], ['G5', 'G4', 'G3b', 'G3a', 'G2', 'G1'], 1.5)
    if scheme == 'uacr': return band([30, 300], ['A1', 'A2', 'A3'], 1)
    if scheme == 'temp': return band([38.0], ['afebrile', 'febrile'], 0.1)
    if scheme == 'psa': return 'elevated' if v > 4.0 + 0.1 else ('normal' if v < 4.0 - 0.1 else (_ for _ in ()).throw(ValueError('psa near 4')))
    if scheme == 'lvef': return band([40.5, 50], ['reduced', 'mildly', 'preserved'], 0.6)
    if scheme == 'tscore': return band([-2.5, -1.0], ['osteoporosis', 'osteopenia', 'normal'], 0.1)
    if scheme == 'hb':
        if age < 15: raise ValueError('Hb WHO adult threshold on a child')
        t = 13 if pat['gender'] == 'male' else 12
        return band([t], ['anemic', 'normal'], 0.2)
    raise ValueError(scheme)


ABBR = {  # condition abbreviation -> regex over the Condition display (lower case)
 'HTN': r'^hypertension$', 'CHF': r'heart failure', 'CKD stage 1': r'kidney disease stage 1', 'CKD 1': r'kidney disease stage 1', 'CKD G1': r'kidney disease stage 1',
 'MI': r'myocardial infarction', 'CVA': r'^stroke$', 'HLD': r'hyperlipidemia', 'CHD': r'coronary heart disease', 'hip OA': r'osteoarthritis of hip',
 'hand OA': r'osteoarthritis of the hand', 'OM': r'^otitis media$', 'T2DM neuropathy': r'neuropathy due to type 2 diabetes', 'NPDR': r'nonproliferative diabetic retinopathy',
 'DM': r'^diabetes$|diabetes mellitus', 'strep pharyngitis': r'streptococcal sore throat', 'MCL injury': r'medial collateral ligament',
 'COPD': r'chronic obstructive', 'CKD': r'chronic kidney disease', 'CKD stage 3': r'kidney disease stage 3', 'CKD stage 4': r'kidney disease stage 4', 'AKI': r'acute kidney',
 'TIA': r'transient ischemic', 'RA': r'rheumatoid', 'OE': r'otitis externa', 'DI': r'diabetes insipidus',
}
POL = {'4548-4': -1, '18262-6': -1, '2093-3': -1, '2571-8': -1, '2085-9': 1, '33914-3': 1, '2339-0': -1, '14959-1': -1}


def obs_value(pid, ref):
    r, comp = resolve(pid, ref)
    src = comp if comp is not None else r
    return r, src['valueQuantity']['value'], (comp['code']['coding'][0]['code'] if comp is not None else lcode(r))


# ------------------------------------------------------------------ chart search helpers
def chart_text(pid):
    return '\n'.join(json.dumps(r).lower() for r in B[pid]['res'] if r['resourceType'] not in ('Claim', 'ExplanationOfBenefit', 'Organization', 'Practitioner', 'Patient'))


CTX = {}


def series(pid, code):
    return sorted(((date_of(r), r) for r in B[pid]['res'] if r['resourceType'] == 'Observation' and lcode(r) == code and 'valueQuantity' in r), key=lambda x: x[0])


def lab_contradicts(pid, chk):
    sex = B[pid]['patient']['gender']; bd = datetime.date.fromisoformat(B[pid]['patient']['birthDate'])
    age = lambda iso: (datetime.date.fromisoformat(iso) - bd).days / 365.25
    if chk == 'a1c': return any(r['valueQuantity']['value'] >= 6.5 for d, r in series(pid, '4548-4'))
    if chk == 'ldl': return any(r['valueQuantity']['value'] >= 160 for d, r in series(pid, '18262-6'))
    if chk == 'bmi': return any(r['valueQuantity']['value'] >= 30 for d, r in series(pid, '39156-5') if age(d) >= 20)
    if chk == 'hb': return any(r['valueQuantity']['value'] < (13 if sex == 'male' else 12) for d, r in series(pid, '718-7') if age(d) >= 15)
    if chk == 'bp':
        for r in B[pid]['res']:
            if r['resourceType'] == 'Observation' and lcode(r) == '55284-4' and age(date_of(r)) >= 18:
                c = {x['code']['coding'][0]['code']: x['valueQuantity']['value'] for x in r['component']}
                if c['8480-6'] >= 140 or c['8462-4'] >= 90: return True
        return False
    return False


# ------------------------------------------------------------------ evaluate one assertion
def evaluate(pid, a, text, cited):
    t = a['t']
    if t == 'val': return eval_val(pid, a)
    if t == 'analyte':
        r, _ = resolve(pid, a['ref']); return r['resourceType'] == 'Observation' and lcode(r) == a['loinc']
    if t == 'date':
        r, _ = resolve(pid, a['ref']); pred = parse_date(a['txt'])
        ok = pred(date_of(r))
        if not ok and a.get('excl'):
            # the false date must not fit another record of the same kind/code either
            for x in B[pid]['res']:
                if x['resourceType'] == r['resourceType'] and x['id'] != r['id'] and display(x) == display(r) and date_of(x) and pred(date_of(x)):
                    raise ValueError(f'wrong date {a["txt"]} fits another record {x["id"]}')
        return ok
    if t == 'abate':
        r, _ = resolve(pid, a['ref']); return bool(r.get('abatementDateTime')) and parse_date(a['txt'])(r['abatementDateTime'][:10])
    if t == 'code':
        r, _ = resolve(pid, a['ref']); d = display(r).lower()
        return any(x.lower() in d for x in a['any'])
    if t == 'drug': return eval_drug(pid, a, text)
    if t == 'prn':
        r, _ = resolve(pid, a['ref'])
        return r['resourceType'] == 'MedicationRequest' and any(d.get('asNeededBoolean') is True for d in r.get('dosageInstruction', []))
    if t == 'onlycond':
        conds = [r for r in B[pid]['res'] if r['resourceType'] == 'Condition']
        return bool(conds) and all(any(x.lower() in display(r).lower() for x in a['any']) for r in conds)
    if t == 'freq':
        r, _ = resolve(pid, a['ref']); rep = r['dosageInstruction'][0]['timing']['repeat']
        return rep.get('frequency') == a['per_day'] and rep.get('period') == 1 and rep.get('periodUnit') == 'd'
    if t == 'reason':
        r, _ = resolve(pid, a['ref'])
        return any(x['reference'].endswith(a['cond']) for x in r.get('reasonReference', []))
    if t == 'status':
        r, _ = resolve(pid, a['ref'])
        if r['resourceType'] == 'Condition':
            st = r['clinicalStatus']['coding'][0]['code']
            return st == a['s'] or (a['s'] == 'resolved' and st in ('resolved', 'inactive', 'remission'))
        if r['resourceType'] == 'MedicationRequest':
            return r['status'] == a['s'] or (a['s'] == 'stopped' and r['status'] in ('stopped', 'completed', 'cancelled'))
        return False
    if t == 'smoke':
        r, _ = resolve(pid, a['ref']); return lcode(r) == '72166-2' and r['valueCodeableConcept']['coding'][0]['display'] == a['s']
    if t == 'allsmoke':
        vals = [r['valueCodeableConcept']['coding'][0]['display'] for r in B[pid]['res'] if r['resourceType'] == 'Observation' and lcode(r) == '72166-2']
        return bool(vals) and all(v == a['s'] for v in vals)
    if t == 'latest':
        r, _ = resolve(pid, a['ref']); d = date_of(r)
        if r['resourceType'] == 'Observation':
            same = [x for x in B[pid]['res'] if x['resourceType'] == 'Observation' and lcode(x) == lcode(r)]
        elif r['resourceType'] == 'DiagnosticReport':
            same = [x for x in B[pid]['res'] if x['resourceType'] == 'DiagnosticReport' and lcode(x) == lcode(r)]
        elif r['resourceType'] == 'Immunization':
            same = [x for x in B[pid]['res'] if x['resourceType'] == 'Immunization' and x['vaccineCode']['coding'][0]['code'] == r['vaccineCode']['coding'][0]['code']]
        else:
            same = [x for x in B[pid]['res'] if x['resourceType'] == r['resourceType']]
        later = [x for x in same if x['id'] != r['id'] and date_of(x) >= d]
        return not later
    if t == 'trend':
        ra, va, ca = obs_value(pid, a['a']); rb, vb, cb = obs_value(pid, a['b'])
        if ca != cb: raise ValueError('trend across different analytes')
        if date_of(ra) >= date_of(rb): raise ValueError('trend refs out of order')
        rel = (vb - va) / abs(va)
        dirn = 'up' if rel >= 0.05 else ('down' if rel <= -0.05 else ('stable' if abs(rel) <= 0.025 else None))
        if dirn is None: raise ValueError(f'trend change {rel:.3f} in the grey zone')
        if a['dir'] in ('up', 'down', 'stable'): return dirn == a['dir']
        pol = POL.get(ca)
        if pol is None or dirn == 'stable': raise ValueError('improved/worsened without polarity')
        better = (dirn == 'up') == (pol > 0)
        return (a['dir'] == 'improved') == better
    if t == 'interp':
        r, _ = resolve(pid, a['ref']); return interp_cat(pid, r, a['scheme']) == a['cat']
    if t == 'absent':
        if pid not in CTX: CTX[pid] = chart_text(pid)
        broad_absent = not any(x in CTX[pid] for x in a['terms'])
        kinds = [KINDS[k] for k in a.get('kinds', ['condition', 'medication', 'procedure'])]
        hits = [r for r in B[pid]['res'] if r['resourceType'] in kinds and re.search(a['narrow'], display(r).lower())]
        if a.get('present_tense'):
            hits = [r for r in hits if r.get('status') == 'active']
        if broad_absent and not hits and not (a.get('lab') and lab_contradicts(pid, a['lab'])):
            return True
        if hits:
            return False
        raise ValueError('negation neither clearly true nor clearly false')
    if t == 'noallergy':
        return not any(r['resourceType'] == 'AllergyIntolerance' for r in B[pid]['res'])
    if t == 'enc':
        r, _ = resolve(pid, a['ref'])
        if r['resourceType'] != 'Encounter': return False
        if a['what'] == 'emergency': return r['class']['code'] == 'EMER'
        if a['what'] == 'inpatient': return r['class']['code'] == 'IMP'
        if a['what'] == 'checkup': return 'check' in display(r).lower()
    if t == 'encreason':
        r, _ = resolve(pid, a['ref'])
        return r['resourceType'] == 'Encounter' and any(x.lower() in rc['coding'][0]['display'].lower() for rc in r.get('reasonCode', []) for x in a['any'])
    if t == 'abbr':
        r, _ = resolve(pid, a['ref'])
        if r['resourceType'] != 'Condition': return False
        return bool(re.search(ABBR[a['txt']], display(r).lower()))
    if t == 'else':
        w, prec = parse_num(a['txt']); pred = parse_date(a['dtxt'])
        return any(cmp_num(w, prec, r['valueQuantity']['value']) == 'match' and pred(d) for d, r in series(pid, a['loinc']))
    if t == 'elsebp':
        s_, d_ = a['txt'].split('/'); pred = parse_date(a['dtxt'])
        for r in B[pid]['res']:
            if r['resourceType'] == 'Observation' and lcode(r) == '55284-4' and pred(date_of(r)):
                c = {x['code']['coding'][0]['code']: x['valueQuantity']['value'] for x in r['component']}
                if cmp_num(float(s_), 0, c['8480-6']) == 'match' and cmp_num(float(d_), 0, c['8462-4']) == 'match': return True
        return False
    if t == 'elsemed':
        pred = parse_date(a['dtxt'])
        return any(r['resourceType'] == 'MedicationRequest' and eval_drug(pid, dict(ref=r['id'], name=a['name']), text) and pred(date_of(r)) for r in B[pid]['res'])
    if t in ('elsecond', 'elsevax', 'elseproc'):
        rt = {'elsecond': 'Condition', 'elsevax': 'Immunization', 'elseproc': 'Procedure'}[t]
        pred = parse_date(a['txt'])
        return any(r['resourceType'] == rt and any(x.lower() in display(r).lower() for x in a['any']) and pred(date_of(r)) for r in B[pid]['res'])
    raise ValueError('unknown assertion ' + t)


# ------------------------------------------------------------------ text coverage
WHITELIST = [r'ACC/AHA( 2017)?', r'KDIGO G\d', r'\(KDIGO G\d\)', r'G3[ab]', r'\bG[1-5]\b', r'\(A[1-3]\)', r'\bA[1-3]\b', r'HbA1c', r'A1[cC]', r'stage [1-4]',
             r'CKD [1-4]', r'BMI 30\+', r'HPV4', r'PCV ?13', r'Prevnar 13', r'Pneumovax 23', r'PPSV23', r'MCV4', r'T2DM', r'type 2', r'70/30', r'kg/m2', r'm²', r'1\.73 ?m?2?',
             r'x10\^\d+', r'×10[³⁶⁹¹²]+', r'10\^\d+', r'H2O', r'\(<=40%\)', r'<=40%', r'>=6\.5%', r'\(>=6\.5%\)', r'\(<100\)', r'\(<200\)', r'\(<4\.0\)', r'\(<4\)', r'\(<5\.7%\)', r'\(<2\.5\)', r'\(>4\)',
             r'>4\.0 ng/mL', r'\(>4\.0 ng/mL\)', r'B12', r'NT-proBNP', r'CO2', r'HCO3', r'28-day', r'91-day', r'84-day', r'0-10', r'\(120-129/<80\)', r'3\b(?= in the)', r'24 h', r'mm\[Hg\]',
             r'tCO2', r'HFA', r'XL', r'Jr', r'HLD', r'\bCIS\b', r'MenACWY', r'HepB', r'HepA']


def coverage(text, asserts):
    t = text
    spans = []
    for a in asserts:
        for k in ('txt', 'name', 'dtxt'):
            if a.get(k):
                if a[k].lower() not in t.lower():
                    return f'assert text {a[k]!r} not in claim'
                spans.append(a[k])
    for s in sorted(spans, key=len, reverse=True):
        t = re.sub(re.escape(s), ' ', t, flags=re.I)
    for w in WHITELIST:
        t = re.sub(w, ' ', t)
    left = re.findall(r'\d+(?:\.\d+)?', t)
    if left:
        return f'uncovered numbers {left} in {t!r}'
    return None


# ------------------------------------------------------------------ semantic text checks (independent of the writer's tables)
NAME2LOINC = [  # (regex on claim text, loinc)
 (r'\b(glucose|Glu|BG)\b', '2339-0'), (r'\b(creatinine|Cr|SCr|creat)\b', '38483-4'), (r'\b(sodium|Na\+?)(?![a-z])', '2947-0'),
 (r'\b(potassium|K\+?)(?![a-z])', '6298-4'), (r'\b(chloride|Cl-?)(?![a-z])', '2069-3'), (r'\b(bicarbonate|CO2|HCO3|tCO2)\b', '20565-8'),
 (r'\b(calcium|Ca)\b', '49765-1'), (r'\b(urea nitrogen|BUN)\b', '6299-2'), (r'\b(total cholesterol|total chol|TC|T-chol)\b', '2093-3'),
 (r'\b(triglycerides|TG|trigs)\b', '2571-8'), (r'\b(LDL|LDL-C|LDL cholesterol|low-density lipoprotein cholesterol)\b', '18262-6'),
 (r'\b(HDL|HDL-C|HDL cholesterol|high-density lipoprotein cholesterol)\b', '2085-9'), (r'\b(HbA1c|A1c|A1C|hemoglobin A1c|glycated ha?emoglobin)\b', '4548-4'),
 (r'\b(eGFR|estimated GFR)\b', '33914-3'), (r'\b(UACR|ACR|uACR|albumin/creatinine ratio)\b', '14959-1'),
 (r'\b(WBC|white (blood )?cell count|leukocyte count)\b', '6690-2'), (r'\b(RBC|red cell count|erythrocyte count)\b', '789-8'),
 (r'\b(Hb|Hgb|ha?emoglobin)\b(?! A1c)', '718-7'), (r'\b(Hct|ha?ematocrit)\b', '4544-3'), (r'\b(MCV|mean corpuscular volume)\b', '787-2'),
 (r'\b(MCH|mean corpuscular hemoglobin)\b(?! concentration)', '785-6'), (r'\b(MCHC|mean corpuscular hemoglobin concentration)\b', '786-4'),
 (r'\b(RDW|red cell distribution width)\b', '21000-5'), (r'\b(Plt|PLT|platelet count|platelets)\b', '777-3'),
 (r'\b(temperature|temp|Temp|T)\b(?=[^a-zA-Z]{1,4}\d)', '8331-1'), (r'\b(BMI|body mass index)\b', '39156-5'), (r'\b(weight|Wt|weighed)\b', '29463-7'),
 (r'\b(height|Ht)\b', '8302-2'), (r'\bPSA\b|prostate-specific antigen', '2857-1'), (r'\b(LVEF|EF|ejection fraction)\b', '10230-1'),
]
UPW = r'\b(rose|increased|went up|climbed|trended up|trended upward|risen|gone up)\b'
DNW = r'\b(fell|decreased|dropped|went down|declined|trended down|trended downward|come down|came down)\b'
STW = r'\b(stable|unchanged|held steady|remained steady|no significant change)\b'


def semantic(text, asserts, pid):
    probs = []
    tl = text
    # analyte named right before a number must be the analyte of the record that number is checked against
    vals = [a for a in asserts if a['t'] == 'val']
    for a in vals:
        r, comp = resolve(pid, a['ref'])
        code = comp['code']['coding'][0]['code'] if comp is not None else lcode(r)
        i = text.find(a['txt'])
        before = text[max(0, i - 70):i]
        before = re.sub(r'\b([A-Z])([a-z]{3,})\b', lambda m: m.group(1).lower() + m.group(2), before)
        # nearest analyte mention before the number
        best = None
        for rx, lc in NAME2LOINC:
            for m in re.finditer(rx, before):
                if best is None or (m.end(), len(m.group(0))) > (best[0], len(best[2])): best = (m.end(), lc, m.group(0))
        if code in ('8480-6', '8462-4'):
            sysm = [m.end() for m in re.finditer(r'(?i)systolic|SBP', before)]
            diam = [m.end() for m in re.finditer(r'(?i)diastolic|DBP', before)]
            last_s, last_d = max(sysm, default=-1), max(diam, default=-1)
            if (last_s > last_d and code == '8462-4') or (last_d > last_s and code == '8480-6'):
                # the number follows the other component's name
                if a['exp']: probs.append(f'number {a["txt"]} follows the wrong BP component name')
            continue
        if best and best[1] != code and a['exp'] and r['resourceType'] == 'Observation' and best[0] > len(before) - 30:
            probs.append(f'number {a["txt"]} follows {best[2]!r} but is checked against {display(r)!r}')
    # X/Y blood pressure pairs: X must be checked against systolic, Y against diastolic
    for m in re.finditer(r'(?<![\d./])(\d{2,3})/(\d{2,3})(?![\d/])', text):
        x, y = m.group(1), m.group(2)
        for a in vals:
            r, comp = resolve(pid, a['ref'])
            if comp is None: continue
            c = comp['code']['coding'][0]['code']
            if a['txt'] == x and c == '8462-4' and a['exp']: probs.append(f'{x}/{y}: first number checked as diastolic')
            if a['txt'] == y and c == '8480-6' and a['exp']: probs.append(f'{x}/{y}: second number checked as systolic')
    for a in asserts:
        if a['t'] == 'trend':
            words = {'up': UPW, 'down': DNW, 'stable': STW, 'improved': r'\bimproved\b', 'worsened': r'\bworsened\b'}
            if not re.search(words[a['dir']], text, re.I) and not ('->' in text and a['dir'] in ('up', 'down')):
                probs.append(f'trend word for {a["dir"]} not in text')
            other = [k for k in ('up', 'down', 'stable') if k != a['dir'] and a['dir'] in ('up', 'down', 'stable')]
            for k in other:
                if re.search(words[k], text, re.I): probs.append(f'text also has a {k} word')
        if a['t'] == 'status' and a.get('txt'):
            pass  # the status phrase is named explicitly (multi-fact sentence); its presence is checked by coverage()
        elif a['t'] == 'status':
            act = re.search(r'\b(active|remains|ongoing|still|currently|remained)\b', text, re.I) and not re.search(r'no longer active|inactive', text, re.I)
            stop = re.search(r'\b(resolved|stopped|discontinued|no longer|inactive|cleared)\b', text, re.I)
            want = a['s']
            if want == 'active' and (not act or stop): probs.append('status text does not say active')
            if want in ('resolved', 'stopped') and not stop: probs.append('status text does not say resolved/stopped')
        if a['t'] == 'smoke':
            sm = {'Never smoker': r'never|non-smoker|no tobacco|denies ever', 'Former smoker': r'former|ex-smoker|quit|past tobacco', 'Current every day smoker': r'current smoker|smokes daily|active tobacco|currently smokes'}
            if not re.search(sm[a['s']], text, re.I): probs.append(f'smoking text does not say {a["s"]}')
        if a['t'] == 'latest':
            if not re.search(r'\b(latest|most recent|most recently|last)\b', text, re.I): probs.append('latest claim without latest/last word')
        if a['t'] == 'interp':
            iw = {'normal': r'normal|normotensive', 'elevated': r"'elevated'", 'stage1': r'stage 1', 'stage2': r'stage 2', 'under': r'underweight', 'over': r'overweight',
                  'obese': r'obese', 'prediabetes': r'prediabet', 'diabetes': r'diabetic range', 'optimal': r'optimal', 'near': r'near-optimal', 'borderline': r'borderline',
                  'high': r'\bhigh\b', 'veryhigh': r'very high', 'desirable': r'desirable|normal', 'low': r'\blow\b', 'G1': r'G1', 'G2': r'G2', 'G3a': r'G3a', 'G3b': r'G3b',
                  'G4': r'G4', 'G5': r'G5', 'A1': r'\(A1\)', 'A2': r'\(A2\)', 'A3': r'\(A3\)', 'afebrile': r'afebrile|no fever', 'febrile': r'\bfebrile|\ba fever',
                  'elevated_psa': r'elevated|raised', 'reduced': r'reduced', 'mildly': r'mildly', 'preserved': r'preserved', 'anemic': r'anemi|anaemi', 'normal_hb': r'not an(a)?emic', 'osteopenia': r'osteopeni', 'osteoporosis': r'osteoporo'}
            key = a['cat']
            if a['scheme'] == 'psa' and key == 'elevated': key = 'elevated_psa'
            if a['scheme'] == 'hb' and key == 'normal': key = 'normal_hb'
            if not re.search(iw[key], text, re.I): probs.append(f'interpretation word for {a["cat"]} not in text')
        if a['t'] == 'absent' or a['t'] == 'noallergy':
            if not re.search(r"\b(no|never|not|none|negative|NKA|empty|does not)\b", text, re.I): probs.append('negation claim without a negation word')
    return probs


# ------------------------------------------------------------------ main
def main():
    errors = []
    claims = [json.loads(l) for l in open(CLAIMS)]
    asserts = [json.loads(l) for l in open(ASSERTS)]
    assert len(claims) == len(asserts), 'claims and asserts differ in length'
    counts = collections.Counter(); pc = collections.Counter(); texts = collections.Counter()
    for i, (c, ar) in enumerate(zip(claims, asserts), 1):
        tag = f'line {i} [{c.get("category")}/{c.get("label")}] {c.get("text")!r}'
        # (1) structure
        for k in ('patient', 'text', 'citations', 'label', 'category', 'why'):
            if k not in c: errors.append(f'{tag}: missing {k}')
        if c['label'] not in ('correct', 'wrong'): errors.append(f'{tag}: bad label')
        if c['category'] not in CATS: errors.append(f'{tag}: bad category')
        pid = c['patient']
        if pid not in B:
            errors.append(f'{tag}: unknown patient'); continue
        texts[(pid, c['text'])] += 1
        cited = set()
        for ct in c['citations']:
            if ct.get('kind') != 'record': errors.append(f'{tag}: citation kind'); continue
            if ct['record'] == 'patient':
                if ct['id'] != pid: errors.append(f'{tag}: patient citation names another patient')
                cited.add('patient'); continue
            if ct['record'] not in KINDS: errors.append(f'{tag}: bad record kind {ct["record"]}'); continue
            rid, _, comp = ct['id'].partition('#')
            r = B[pid]['byid'].get((KINDS[ct['record']], rid))
            if r is None:
                errors.append(f'{tag}: cited {ct["record"]} {rid} not in bundle'); continue
            if comp != '':
                if ct['record'] != 'observation' or not comp.isdigit() or int(comp) >= len(r.get('component', [])):
                    errors.append(f'{tag}: component {ct["id"]} does not exist'); continue
            cited.add(rid); cited.add(ct['id'])
        counts[(c['category'], c['label'])] += 1; pc[pid] += 1
        # (3) facts
        truth = []
        for a in ar['asserts']:
            ref = a.get('ref')
            if ref and ref.split('#')[0] not in cited:
                errors.append(f'{tag}: fact {a["t"]} is about uncited record {ref}')
            for k in ('a', 'b'):
                if a['t'] == 'trend' and a[k].split('#')[0] not in cited:
                    errors.append(f'{tag}: trend ref {a[k]} not cited')
            try:
                v = evaluate(pid, a, c['text'], cited)
            except (ValueError, KeyError) as e:
                errors.append(f'{tag}: cannot decide fact {a}: {e}'); continue
            truth.append(v)
            if v != a['exp']:
                errors.append(f'{tag}: fact {a["t"]} {a.get("txt") or a.get("name") or a.get("dir") or a.get("cat") or a.get("s") or ""} is {v}, writer intended {a["exp"]}')
        lab = 'correct' if all(truth) else 'wrong'
        if lab != c['label']:
            errors.append(f'{tag}: recomputed label {lab} != {c["label"]}')
        if c['label'] == 'wrong' and sum(1 for x in truth if not x) == 0:
            errors.append(f'{tag}: wrong claim with no false fact')
        if c['category'] == 'negation' and c['label'] == 'correct' and 'patient' not in cited and not any(a['t'] == 'allsmoke' for a in ar['asserts']):
            errors.append(f'{tag}: absence claim without patient citation')
        if 'patient' in cited and c['category'] != 'negation':
            errors.append(f'{tag}: patient citation outside an absence claim')
        cov = coverage(c['text'], ar['asserts'])
        if cov: errors.append(f'{tag}: {cov}')
        for p in semantic(c['text'], ar['asserts'], pid):
            errors.append(f'{tag}: {p}')
    for k, n in texts.items():
        if n > 1: errors.append(f'duplicate claim {k}')
    # (2) counts
    print(f'{len(claims)} claims')
    print(f'{"category":16s} {"correct":>8s} {"wrong":>8s}')
    for cat in CATS:
        print(f'{cat:16s} {counts[(cat, "correct")]:8d} {counts[(cat, "wrong")]:8d}')
    print(f'{"TOTAL":16s} {sum(v for (k, l), v in counts.items() if l == "correct"):8d} {sum(v for (k, l), v in counts.items() if l == "wrong"):8d}')
    names = {pid: B[pid]['patient']['name'][0]['given'][0] + ' ' + B[pid]['patient']['name'][0]['family'] for pid in B}
    print('per patient:', ', '.join(f'{names[p]}={pc[p]}' for p in sorted(B, key=lambda p: -pc[p])))
    missing = [names[p] for p in B if pc[p] == 0]
    if missing: errors.append(f'patients without claims: {missing}')
    for cat in CATS:
        for lab in ('correct', 'wrong'):
            if counts[(cat, lab)] < 22: errors.append(f'{cat}/{lab}: only {counts[(cat, lab)]}')
    print(f'\n{len(errors)} problems')
    for e in errors[:300]:
        print(' -', e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
