"""Validator for the held-out claims set.

Independent of the generator: loads the FHIR bundles itself and re-derives every checked fact from raw JSON.
 (1) every line parses; required fields; cited ids exist in that patient's bundle with the right resource type;
     '#n' components exist; 'patient' citations carry the patient's id
 (2) counts per category x label (and per patient)
 (3) fact re-checks:
     - generic: every date written in the text must match a date of a cited record (or any chart date when the
       whole chart is cited), at the written granularity (day / month / year)
     - per-claim checks listed in claims_meta.jsonl (values incl. unit conversion and rounding, analyte named next
       to the number, BP order, dates, statuses, drug ingredient/strength, frequency, direction/stability,
       latest-ness, absence in whole chart, interpretation thresholds, ...), each recomputed from the raw bundle
     - a 'correct' claim must pass every check; a 'wrong' claim must fail at least one
     - numbers in the text not covered by any check are listed for manual review
Usage: python3 validate.py [--verbose]
"""
import json, glob, re, sys, collections

DATA = '/work/shared/data/synthea'
HERE = '/work/notes/evalsets/heldout'
VERBOSE = '--verbose' in sys.argv

# ---------------- load bundles ----------------
BUNDLES = {}   # patient id -> {id: resource}
for f in glob.glob(DATA + '/*.json'):
    b = json.load(open(f))
    res = {e['resource']['id']: e['resource'] for e in b['entry']}
    pid = [r for r in res.values() if r['resourceType'] == 'Patient'][0]['id']
    BUNDLES[pid] = res

KIND2TYPE = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance',
             'encounter': 'Encounter', 'procedure': 'Procedure', 'immunization': 'Immunization',
             'diagnostic-report': 'DiagnosticReport', 'observation': 'Observation', 'patient': 'Patient'}
CATS = ['dates', 'abbreviations', 'drug-names', 'units', 'rounding', 'trends', 'two-facts', 'negation', 'status',
        'latest', 'swapped', 'wrong-citation', 'interpretation']
CLINICAL = {'Condition', 'MedicationRequest', 'AllergyIntolerance', 'Procedure', 'Encounter', 'Immunization',
            'Observation', 'DiagnosticReport', 'CarePlan', 'Goal', 'ImagingStudy'}


def rdates(r):
    out = set()
    for k in ('effectiveDateTime', 'onsetDateTime', 'abatementDateTime', 'recordedDate', 'authoredOn',
              'occurrenceDateTime', 'performedDateTime', 'issued'):
        if k in r:
            out.add(r[k][:10])
    for k in ('performedPeriod', 'period'):
        if k in r:
            for kk in ('start', 'end'):
                if kk in r[k]:
                    out.add(r[k][kk][:10])
    return out


# ---------------- date parsing ----------------
MONTHS = {m.lower(): i + 1 for i, m in enumerate(['January', 'February', 'March', 'April', 'May', 'June', 'July',
                                                   'August', 'September', 'October', 'November', 'December'])}
for k, v in list(MONTHS.items()):
    MONTHS[k[:3]] = v
MONTHS['sept'] = 9
MON_RE = r'(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?'


def parse_dates(text):
    """return list of (gran, y, m, d, span)"""
    out = []
    taken = []

    def free(a, b):
        return all(b <= x or a >= y for x, y in taken)

    def add(g, y, m, d, sp):
        taken.append(sp); out.append((g, int(y), int(m) if m else None, int(d) if d else None, sp))

    for mt in re.finditer(r'(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)', text):
        add('day', mt.group(1), mt.group(2), mt.group(3), mt.span())
    for mt in re.finditer(r'(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)', text):
        if not free(*mt.span()): continue
        a, b, y = int(mt.group(1)), int(mt.group(2)), mt.group(3)
        if a > 12:
            add('day', y, b, a, mt.span())
        else:
            add('day', y, a, b, mt.span())
    for mt in re.finditer(r'(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)', text):
        if not free(*mt.span()): continue
        add('day', mt.group(3), mt.group(2), mt.group(1), mt.span())
    for mt in re.finditer(r'(?<!\d)(\d{1,2})-' + MON_RE + r'-(\d{4})', text):
        if not free(*mt.span()): continue
        add('day', mt.group(3), MONTHS[mt.group(2).lower()], mt.group(1), mt.span())
    for mt in re.finditer(r'the (\d{1,2})(?:st|nd|rd|th) of ' + MON_RE + r',? (\d{4})', text):
        if not free(*mt.span()): continue
        add('day', mt.group(3), MONTHS[mt.group(2).lower()], mt.group(1), mt.span())
    for mt in re.finditer(r'(?<![\d.])(\d{1,2})(?:st|nd|rd|th)? ' + MON_RE + r',? (\d{4})', text):
        if not free(*mt.span()): continue
        add('day', mt.group(3), MONTHS[mt.group(2).lower()], mt.group(1), mt.span())
    for mt in re.finditer(MON_RE + r' (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})', text):
        if not free(*mt.span()): continue
        add('day', mt.group(3), MONTHS[mt.group(1).lower()], mt.group(2), mt.span())
    for mt in re.finditer(MON_RE + r',? (\d{4})', text):
        if not free(*mt.span()): continue
        add('month', mt.group(2), MONTHS[mt.group(1).lower()], None, mt.span())
    for mt in re.finditer(r'(?<![\d.,/])(19\d{2}|20[0-3]\d)(?!\d|\.\d)', text):
        if not free(*mt.span()): continue
        add('year', mt.group(1), None, None, mt.span())
    return out


def date_match(m, dates):
    g, y, mo, d, _ = m
    for s in dates:
        yy, mm, dd = int(s[:4]), int(s[5:7]), int(s[8:10])
        if g == 'day' and (yy, mm, dd) == (y, mo, d): return True
        if g == 'month' and (yy, mm) == (y, mo): return True
        if g == 'year' and yy == y: return True
    return False


# ---------------- analyte aliases (by LOINC) ----------------
ALIAS = {
    '4548-4': ['hemoglobin a1c', 'glycated haemoglobin', 'glycated hemoglobin', 'hba1c', 'hgba1c', 'a1c'],
    '2339-0': ['serum glucose', 'blood glucose', 'random glucose', 'glucose', 'glu'],
    '6299-2': ['blood urea nitrogen', 'urea nitrogen', 'bun'],
    '38483-4': ['serum creatinine', 'creatinine', 'scr', 'Cr'],
    '49765-1': ['calcium', 'Ca'],
    '2947-0': ['sodium', 'Na'],
    '6298-4': ['potassium', 'K'],
    '2069-3': ['chloride', 'Cl'],
    '20565-8': ['total co2', 'bicarbonate', 'hco3', 'co2'],
    '33914-3': ['estimated gfr', 'egfr'],
    '2093-3': ['total cholesterol', 'total chol', 'TC'],
    '2571-8': ['triglycerides', 'trigs', 'TG'],
    '18262-6': ['ldl cholesterol', 'ldl-c', 'ldl'],
    '2085-9': ['hdl cholesterol', 'hdl-c', 'hdl'],
    '6690-2': ['white cell count', 'leukocyte count', 'white count', 'wbc'],
    '789-8': ['red cell count', 'rbc'],
    '718-7': ['haemoglobin', 'hemoglobin', 'hgb', 'Hb'],
    '4544-3': ['haematocrit', 'hematocrit', 'hct'],
    '787-2': ['MCV'], '785-6': ['MCH'], '786-4': ['MCHC'], '21000-5': ['RDW'],
    '777-3': ['platelet count', 'platelets', 'plt'],
    '8302-2': ['length/height', 'height', 'Ht', 'stands', 'tall'],
    '29463-7': ['body weight', 'weight', 'weighed', 'weighs', 'Wt'],
    '39156-5': ['body mass index', 'bmi'],
    '8331-1': ['oral temperature', 'oral temp', 'temperature', 'temp', 'afebrile', 'febrile', 'fever', 'T'],
    '14959-1': ['urine albumin/creatinine ratio', 'microalbumin/creatinine ratio', 'uacr'],
    '2857-1': ['psa'], '33762-6': ['nt-probnp'], '10230-1': ['ejection fraction', 'lvef', 'EF'],
    '72106-8': ['mmse'], '38265-5': ['dxa t-score', 't-score'], '1742-6': ['ALT'], '1920-8': ['AST'],
    '6768-6': ['alk phos', 'ALP'], '1975-2': ['total bilirubin'], '1751-7': ['albumin'], '2885-2': ['total protein'],
    'SYS': ['systolic', 'sbp'], 'DIA': ['diastolic', 'dbp'],
}
ALIAS_LIST = sorted([(a, code) for code, l in ALIAS.items() for a in l], key=lambda x: -len(x[0]))


def find_terms(text):
    spans = []
    for a, code in ALIAS_LIST:
        flags = 0 if (len(a) <= 3 and a != a.lower()) else re.I
        for mt in re.finditer(r'(?<![A-Za-z])' + re.escape(a) + r'(?![A-Za-z])', text, flags):
            s, e = mt.span()
            if any(not (e <= x or s >= y) for x, y, _ in spans):
                continue
            spans.append((s, e, code))
    return sorted(spans)


def nearest_term(text, pos, length):
    terms = find_terms(text)
    before = [t for t in terms if t[1] <= pos and pos - t[1] <= 80]
    if before:
        return before[-1][2]
    after = [t for t in terms if t[0] >= pos + length and t[0] - (pos + length) <= 30]
    return after[0][2] if after else None


# ---------------- units ----------------
UNIT_RE = re.compile(r'^\s?(kg/m2|kg/m²|kg/m\^2|°\s?F|°\s?C|degrees Fahrenheit|degrees Celsius|deg C|deg F|F\b|C\b|kg|lbs|lb|pounds|g/L|g/dL|g/dl|g\b|inches|in\b(?!\s+(?:\d{4}|[A-Z]))|cm|m\b|'
                     r'mmol/mol|mmol/L|mmol/l|mEq/L|mg/dL|mg/dl|µmol/L|umol/L|mg/mmol|mg/g|×10⁹/L|x10\^9/L|×10⁶/L|x10\^6/L|x10\^3/uL|'
                     r'K/uL|K/µL|10\^3/µL|/µL|/uL|mL/s|mL/min|ml/min|ng/dL|ng/mL|µg/L|ng/L|pg/mL|U/L|%|kPa|mm ?Hg|mm\[Hg\])')


def unit_after(text, pos):
    mt = UNIT_RE.match(text[pos:pos + 25])
    return mt.group(1).replace(' ', '') if mt else None


def convert(code, native, v, unit):
    """value v (native unit) expressed in 'unit'; None if incompatible"""
    if unit is None:
        return v
    u = unit.lower().replace('µ', 'u').replace('×', 'x').replace('⁹', '^9').replace('⁶', '^6')
    if native == 'Cel':
        if u in ('°f', 'f', 'degreesfahrenheit', 'degf'): return v * 9 / 5 + 32
        if u in ('°c', 'c', 'degreescelsius', 'degc'): return v
        return None
    if native == 'kg':
        if u == 'kg': return v
        if u in ('lb', 'lbs', 'pounds'): return v * 2.20462
        if u == 'g': return v * 1000
        return None
    if native == 'cm':
        if u == 'cm': return v
        if u in ('in', 'inches'): return v / 2.54
        if u == 'm': return v / 100
        return None
    if native == 'mg/dL':
        if u in ('mg/dl',): return v
        if u in ('mmol/l',):
            f = {'2339-0': 1 / 18.016, '2093-3': 1 / 38.67, '18262-6': 1 / 38.67, '2085-9': 1 / 38.67, '2571-8': 1 / 88.57,
                 '49765-1': 1 / 4.008, '6299-2': 0.357, '38483-4': 0.08842}.get(code)
            return v * f if f else None
        if u in ('umol/l',):
            f = {'38483-4': 88.42, '1975-2': 17.1}.get(code)
            return v * f if f else None
        return None
    if native == 'g/dL':
        if u in ('g/dl',): return v
        if u == 'g/l': return v * 10
        return None
    if native == 'mmol/L':
        if u in ('mmol/l', 'meq/l'): return v
        return None
    if native in ('10*3/uL',):
        if u in ('x10^9/l', 'x10^3/ul', 'k/ul', '10^3/ul'): return v
        if u in ('/ul',): return v * 1000
        if u in ('x10^6/l',): return v * 1000
        return None
    if native == '%':
        if u == '%': return v
        if u == 'mmol/mol' and code == '4548-4': return (v - 2.15) * 10.929
        return None
    if native == 'mL/min/{1.73_m2}':
        if u in ('ml/min',): return v
        if u == 'ml/s': return v / 60
        return None
    if native == 'ng/mL':
        if u in ('ng/ml', 'ug/l'): return v
        if u == 'ng/dl': return v * 100
        return None
    if native == 'pg/mL':
        if u in ('pg/ml', 'ng/l'): return v
        if u == 'ng/ml': return v / 1000
        return None
    if native == 'mg/g':
        if u == 'mg/g': return v
        if u == 'mg/mmol': return v / 8.84
        return None
    if native == 'mm[Hg]':
        if u in ('mmhg', 'mm[hg]'): return v
        if u == 'kpa': return v * 0.133322
        return None
    if native == 'kg/m2':
        return v if u in ('kg/m2', 'kg/m²', 'kg/m^2') else None
    if native in ('U/L',):
        return v if u == 'u/l' else None
    return v if u in (native.lower(), '%') else None


def num_tol(s, hedge):
    dec = len(s.split('.')[1]) if '.' in s else 0
    tol = 0.5 * 10 ** -dec + 1e-9
    if hedge in ('about',) and dec == 0 and abs(float(s)) >= 10 and s.endswith('0'):
        tol = 5 + 1e-9
    return tol


def obs_value(r, comp):
    if comp:
        for c in r['component']:
            disp = c['code']['coding'][0]['display']
            if (comp == 'sys' and disp.startswith('Systolic')) or (comp == 'dia' and disp.startswith('Diastolic')):
                return c['valueQuantity']['value'], 'mm[Hg]'
        raise KeyError('component')
    q = r['valueQuantity']
    return q['value'], q.get('unit')


def occurrences(text, s):
    return [m.start() for m in re.finditer(r'(?<![\d.])' + re.escape(s) + r'(?![\d])', text)]


# ---------------- drug table ----------------
DRUG = {
    'hctz': ['hydrochlorothiazide'], 'hydrochlorothiazide': ['hydrochlorothiazide'], 'chlorthalidone': ['chlorthalidone'],
    'lasix': ['furosemide|lasix'], 'furosemide': ['furosemide|lasix'], 'bumex': ['bumetanide'],
    'zocor': ['simvastatin|simvistatin'], 'simvastatin': ['simvastatin|simvistatin'], 'lipitor': ['atorvastatin'], 'atorvastatin': ['atorvastatin'],
    'norvasc': ['amlodipine'], 'plavix': ['clopidogrel'], 'clopidogrel': ['clopidogrel'], 'brilinta': ['ticagrelor'],
    'toprol': ['metoprolol succinate'], 'razadyne': ['galantamine'], 'aricept': ['donepezil'], 'donepezil': ['donepezil'],
    'namenda': ['memantine'], 'nitroglycerin': ['nitroglycerin'], 'isosorbide': ['isosorbide'],
    'glucophage': ['metformin'], 'metformin': ['metformin'], 'glucotrol': ['glipizide'],
    'humulin': ['insulin human|humulin'], 'lantus': ['glargine'], 'humalog': ['lispro'],
    'fosamax': ['alendron'], 'alendronate': ['alendron'], 'actonel': ['risedronate'],
    'aleve': ['naproxen'], 'naproxen': ['naproxen'], 'benadryl': ['diphenhydramine'], 'allegra': ['fexofenadine'],
    'claritin': ['loratadine'], 'epipen': ['epinephrine'], 'flovent': ['fluticasone'], 'fluticasone': ['fluticasone'],
    'pulmicort': ['budesonide'], 'proair': ['albuterol'], 'albuterol': ['albuterol'], 'xopenex': ['levalbuterol'],
    'levonorgestrel': ['levonorgestrel|levora'], 'norethindrone': ['norethindrone'], 'depo-provera': ['medroxyprogesterone'],
    'nexplanon': ['etonogestrel implant'], 'penicillin': ['penicillin v'], 'amoxicillin': ['amoxicillin'], 'amoxil': ['amoxicillin'],
    'augmentin': ['amoxicillin', 'clavulanate'], 'ceftin': ['cefuroxime'], 'cefuroxime': ['cefuroxime'], 'keflex': ['cephalexin'],
    'percocet': ['oxycodone', 'acetaminophen'], 'oxycodone': ['oxycodone'], 'norco': ['hydrocodone', 'acetaminophen'],
    'hydrocodone': ['hydrocodone'], 'vicodin': ['hydrocodone', 'acetaminophen'], 'tylenol': ['acetaminophen'],
    'paracetamol': ['acetaminophen'], 'ibuprofen': ['ibuprofen'], 'alteplase': ['alteplase'], 'tenecteplase': ['tenecteplase'],
    'taxotere': ['docetaxel'], 'taxol': ['paclitaxel'], 'eloxatin': ['oxaliplatin'], 'cisplatin': ['cisplatin'],
    'leucovorin': ['leucovorin'], 'nuvaring': ['nuvaring'], 'annovera': ['segesterone'], 'leuprolide': ['leuprolide'],
    'zoladex': ['goserelin'], 'nyquil': ['acetaminophen', 'dextromethorphan', 'doxylamine'], 'robitussin': ['guaifenesin'],
    'cyanocobalamin': ['vitamin b 12|cyanocobalamin'], 'folic acid': ['folic'], 'lisinopril': ['lisinopril'],
}


def med_strengths(text):
    t = text.lower()
    nums = [float(x) for x in re.findall(r'\d+(?:\.\d+)?', t)]
    s = set(nums)
    s |= {round(x * 1000, 6) for x in nums if x < 1}
    for mt in re.finditer(r'(\d+(?:\.\d+)?) ml [a-z ]*?(\d+(?:\.\d+)?) mg/ml', t):
        s.add(round(float(mt.group(1)) * float(mt.group(2)), 6))
    return s


# ---------------- interpretation thresholds ----------------
def interp_ok(kind, claim, v, r, pid):
    if kind == 'bp':
        sy, di = obs_value(r, 'sys')[0], obs_value(r, 'dia')[0]
        cat = 'stage2' if (sy >= 140 or di >= 90) else 'stage1' if (sy >= 130 or di >= 80) else 'elevated' if sy >= 120 else 'normal'
        return cat == claim, cat
    if kind == 'bmi':
        cat = 'obese' if v >= 30 else 'overweight' if v >= 25 else 'normal' if v >= 18.5 else 'underweight'
        return cat == claim, cat
    if kind == 'a1c':
        cat = 'diabetes' if v >= 6.5 else 'prediabetes' if v >= 5.7 else 'normal'
        return cat == claim, cat
    if kind == 'egfr':
        cat = 'G1' if v >= 90 else 'G2' if v >= 60 else 'G3a' if v >= 45 else 'G3b' if v >= 30 else 'G4' if v >= 15 else 'G5'
        return cat == claim, cat
    if kind == 'ldl':
        cat = 'ldl_optimal' if v < 100 else 'ldl_near' if v < 130 else 'ldl_borderline' if v < 160 else 'ldl_high' if v < 190 else 'ldl_veryhigh'
        return cat == claim, cat
    if kind == 'hdl':
        cat = 'hdl_low' if v < 40 else 'hdl_high' if v >= 60 else 'hdl_mid'
        return cat == claim, cat
    if kind == 'tc':
        cat = 'tc_desirable' if v < 200 else 'tc_borderline' if v < 240 else 'tc_high'
        return cat == claim, cat
    if kind == 'tg':
        cat = 'tg_normal' if v < 150 else 'tg_borderline' if v < 200 else 'tg_high'
        return cat == claim, cat
    if kind == 'temp':
        cat = 'fever' if v >= 38.0 else 'afebrile'
        return cat == claim, cat
    if kind == 'hb':
        g = [x for x in BUNDLES[pid].values() if x['resourceType'] == 'Patient'][0]['gender']
        cat = 'anemia' if v < (13 if g == 'male' else 12) else 'no_anemia'
        return cat == claim, cat
    if kind == 'psa':
        cat = 'psa_high' if v > 4.0 else 'psa_normal'
        return cat == claim, cat
    if kind == 'tscore':
        cat = 'bone_normal' if v >= -1.0 else 'osteopenia' if v > -2.5 else 'osteoporosis'
        return cat == claim, cat
    if kind == 'plt':
        cat = 'plt_low' if v < 150 else 'plt_high' if v > 450 else 'plt_normal'
        return cat == claim, cat
    if kind == 'mmse':
        cat = 'mmse_severe' if v < 10 else 'mmse_normal' if v >= 24 else 'mmse_impaired'
        return cat == claim, cat
    if kind == 'k':
        cat = 'k_low' if v < 3.5 else 'k_high' if v > 5.0 else 'k_normal'
        return cat == claim, cat
    if kind == 'na':
        cat = 'na_low' if v < 135 else 'na_high' if v > 145 else 'na_normal'
        return cat == claim, cat
    if kind == 'lvef':
        cat = 'reduced' if v <= 40 else 'mildly_reduced' if v < 50 else 'preserved'
        return cat == claim, cat
    raise ValueError(kind)


# ---------------- check evaluation ----------------
def chart_text(pid, types=CLINICAL):
    return ' '.join(json.dumps(r).lower() for r in BUNDLES[pid].values() if r['resourceType'] in types)


def run_check(ch, claim, pid, cited_ids):
    B = BUNDLES[pid]
    text = claim['text']
    t = ch['t']
    if t == 'val':
        r = B[ch['rid']]
        if r['resourceType'] != 'Observation':
            return False, f"cited {r['resourceType']} carries no value"
        v, native = obs_value(r, ch.get('comp'))
        s = ch['s']
        occ = occurrences(text, s)
        if not occ:
            return False, f"value string '{s}' not in text"
        pos = occ[0]
        unit = unit_after(text, pos + len(s))
        x = convert(r['code']['coding'][0]['code'], native, v, unit)
        if x is None:
            return False, f"unit '{unit}' incompatible with {native}"
        hedge = ch.get('hedge')
        f = float(s)
        slack = 0.003 * abs(x) if unit and native and unit.lower() not in (native.lower(),) else 0
        if hedge == 'under':
            ok = x < f and f - x <= 0.03 * abs(f)
        elif hedge == 'over':
            ok = x > f and x - f <= 0.03 * abs(f)
        else:
            ok = abs(f - x) <= num_tol(s, hedge) + slack
        msg = f"'{s}' {unit or ''} vs record {x:.4g} ({v:.4g} {native})"
        if ok:
            code = 'SYS' if ch.get('comp') == 'sys' else 'DIA' if ch.get('comp') == 'dia' else r['code']['coding'][0]['code']
            nt = nearest_term(text, pos, len(s))
            if nt is not None and nt != code and not (code in ('SYS', 'DIA')):
                return False, msg + f"; analyte named next to it is {nt}, record is {code}"
        return ok, msg
    if t == 'bp':
        r = B[ch['rid']]
        a, b = ch['s'].split('/')
        occ = [m.start() for m in re.finditer(re.escape(ch['s']), text)]
        if not occ:
            return False, f"'{ch['s']}' not in text"
        unit = unit_after(text, occ[0] + len(ch['s']))
        sy = convert('x', 'mm[Hg]', obs_value(r, 'sys')[0], unit or 'mmHg')
        di = convert('x', 'mm[Hg]', obs_value(r, 'dia')[0], unit or 'mmHg')
        if sy is None:
            return False, f"unit {unit}"
        ok = abs(float(a) - sy) <= num_tol(a, None) and abs(float(b) - di) <= num_tol(b, None)
        return ok, f"{ch['s']} {unit or ''} vs {sy:.1f}/{di:.1f}"
    if t == 'date':
        if ch['s'] is None:
            return True, 'n/a'
        ms = parse_dates(ch['s'])
        if not ms:
            return False, f"could not parse '{ch['s']}'"
        if ch['s'] not in text:
            return False, f"date string '{ch['s']}' not in text"
        ok = all(date_match(m, rdates(B[ch['rid']])) for m in ms)
        return ok, f"'{ch['s']}' vs {sorted(rdates(B[ch['rid']]))[:3]}"
    if t == 'rectext':
        tx = json.dumps(B[ch['rid']]).lower()
        hits = [f in tx for f in ch['frags']]
        ok = all(hits) if ch.get('all') else any(hits)
        return ok, f"frags {ch['frags']} in {B[ch['rid']].get('code', {}).get('text') or B[ch['rid']].get('vaccineCode', {}).get('text')}: {hits}"
    if t == 'status':
        r = B[ch['rid']]
        if r['resourceType'] == 'MedicationRequest':
            st = r['status']
        else:
            st = r['clinicalStatus']['coding'][0]['code']
        return st == ch['claim'], f"status {st} vs claim {ch['claim']}"
    if t == 'smoke':
        r = B[ch['rid']]
        if r['resourceType'] != 'Observation' or r['code']['coding'][0]['code'] != '72166-2':
            return False, 'not a smoking-status observation'
        vt = r['valueCodeableConcept']['text']
        ok = vt == ch['claim'] or (ch['claim'] == 'Current' and ('every day' in vt.lower() or 'current' in vt.lower()))
        if ok and ch.get('latest'):
            allsm = [x for x in B.values() if x['resourceType'] == 'Observation' and x['code']['coding'][0]['code'] == '72166-2']
            ok = max(x['effectiveDateTime'] for x in allsm) == r['effectiveDateTime']
        return ok, f"smoking {vt} vs claim {ch['claim']}"
    if t == 'drug':
        r = B[ch['rid']]
        if r['resourceType'] != 'MedicationRequest':
            return False, f"cited {r['resourceType']} is not a medication"
        mt = r['medicationCodeableConcept']['text']
        need = DRUG[ch['name'].lower()]
        ok_name = all(any(alt in mt.lower() for alt in n.split('|')) for n in need)
        st = med_strengths(mt)
        ok_str = all(any(abs(float(x) - y) < 1e-6 for y in st) for x in ch['strength'])
        return ok_name and ok_str, f"'{ch['name']}' {ch['strength']} vs '{mt}' (name {ok_name}, strength {ok_str})"
    if t == 'freq':
        r = B[ch['rid']]
        tm = r.get('dosageInstruction', [{}])[0].get('timing', {}).get('repeat', {})
        want = {'daily': (1, 1, 'd'), 'bid': (2, 1, 'd'), 'tid': (3, 1, 'd'), 'q6h': (1, 6, 'h')}[ch['claim']]
        got = (tm.get('frequency'), tm.get('period'), tm.get('periodUnit'))
        return got == want, f"timing {got} vs {ch['claim']}"
    if t == 'link':
        r = B[ch['med']]
        refs = [x['reference'].replace('urn:uuid:', '') for x in r.get('reasonReference', [])]
        return ch['cond'] in refs, f"reasonReference {refs}"
    if t == 'sameday':
        sets = [rdates(B[i]) for i in ch['rids']]
        common = set.intersection(*sets)
        return bool(common), f"common dates {common}"
    if t == 'cc':
        vt = B[ch['rid']]['valueCodeableConcept']['text'].lower()
        ok = any(f in vt for f in ch['frags'])
        if 'abnormal' in ch['frags'] and 'abnormal' not in vt:
            ok = False
        return ok, f"value '{vt}'"
    if t == 'dir':
        a, _ = obs_value(B[ch['a']], ch.get('comp'))
        b, _ = obs_value(B[ch['b']], ch.get('comp'))
        rel = (b - a) / abs(a)
        d = 'stable' if abs(rel) <= 0.03 else 'up' if b > a else 'down'
        return d == ch['claim'], f"{a:.4g} -> {b:.4g} ({rel * 100:+.1f}%) = {d}, claim {ch['claim']}"
    if t == 'mono':
        rs = sorted([B[i] for i in ch['rids']], key=lambda r: r['effectiveDateTime'])
        vals = [r['valueQuantity']['value'] for r in rs]
        code = rs[0]['code']['coding'][0]['code']
        alln = [x for x in B.values() if x['resourceType'] == 'Observation' and x['code']['coding'][0]['code'] == code]
        complete = len(alln) == len(rs)
        inc = all(b > a for a, b in zip(vals, vals[1:]))
        dec = all(b < a for a, b in zip(vals, vals[1:]))
        ok = complete and (inc if ch['claim'] == 'up' else dec)
        return ok, f"complete={complete} strictly {'inc' if inc else 'dec' if dec else 'neither'}"
    if t == 'decade':
        v, _ = obs_value(B[ch['rid']], ch.get('comp'))
        mt = re.match(r'(low|mid|high)[- ](\d+)0s', ch['s'])
        pos, dec = mt.group(1), int(mt.group(2)) * 10
        rng = {'low': (dec, dec + 3.5), 'mid': (dec + 3, dec + 7), 'high': (dec + 6.5, dec + 10)}[pos]
        return rng[0] <= v < rng[1], f"{v:.1f} vs {ch['s']} {rng}"
    if t == 'absent':
        tx = chart_text(pid)
        hits = [x for x in ch['terms'] if x.lower() in tx]
        if ch.get('expect') == 'fail_if_absent':
            return bool(hits), f"claim asserts presence of {ch['terms']}; found {hits}"
        return not hits, f"found {hits}"
    if t == 'absent_mode':
        rs = list(B.values())
        m = ch['mode']
        if m == 'allergy':
            n = [r for r in rs if r['resourceType'] == 'AllergyIntolerance']
            return not n, f"{len(n)} allergies"
        if m == 'drugallergy':
            n = [r for r in rs if r['resourceType'] == 'AllergyIntolerance' and 'medication' in r.get('category', [])]
            return not n, f"{len(n)} drug allergies"
        if m == 'noimp':
            n = [r for r in rs if r['resourceType'] == 'Encounter' and r['class']['code'] == 'IMP']
            return not n, f"{len(n)} inpatient encounters"
        if m == 'noactive':
            n = [r for r in rs if r['resourceType'] == 'Condition' and r['clinicalStatus']['coding'][0]['code'] != 'resolved']
            return not n, f"{len(n)} non-resolved conditions"
        if m == 'nomeds':
            n = [r for r in rs if r['resourceType'] == 'MedicationRequest']
            return not n, f"{len(n)} meds"
        if m == 'nomeds+allergy':
            n = [r for r in rs if r['resourceType'] in ('MedicationRequest', 'AllergyIntolerance')]
            return not n, f"{len(n)} meds/allergies"
        if m == 'noactivemeds':
            n = [r for r in rs if r['resourceType'] == 'MedicationRequest' and r['status'] == 'active']
            return not n, f"{len(n)} active meds"
        if m == 'never':
            sm = [r for r in rs if r['resourceType'] == 'Observation' and r['code']['coding'][0]['code'] == '72166-2']
            ok = bool(sm) and all(r['valueCodeableConcept']['text'] == 'Never smoker' for r in sm) and 'tobacco' not in \
                ' '.join(json.dumps(r).lower() for r in rs if r['resourceType'] == 'Condition')
            return ok, f"{len(sm)} smoking obs"
        raise ValueError(m)
    if t == 'present':
        tx = json.dumps(B[ch['rid']]).lower()
        hits = [x for x in ch['terms'] if x in tx]
        return not hits, f"negated concept present in cited/chart record: {hits}"
    if t == 'maxval':
        vals = [r['valueQuantity']['value'] for r in B.values() if r['resourceType'] == 'Observation'
                and r['code']['coding'][0]['code'] == ch['an_code']]
        return max(vals) < ch['lt'], f"max {max(vals):.3f}"
    if t == 'latest':
        r = B[ch['rid']]
        code, txt = r['code']['coding'][0]['code'], r['code']['text']
        same = [x for x in B.values() if x['resourceType'] == 'Observation' and x['code']['coding'][0]['code'] == code and x['code']['text'] == txt]
        mx = max(x['effectiveDateTime'][:10] for x in same)
        at = [x for x in same if x['effectiveDateTime'][:10] == mx]
        return r['effectiveDateTime'][:10] == mx and len(at) == 1, f"record {r['effectiveDateTime'][:10]}, latest {mx} (n={len(at)})"
    if t == 'latest_enc':
        r = B[ch['rid']]
        encs = [x for x in B.values() if x['resourceType'] == 'Encounter']
        mx = max(x['period']['start'][:10] for x in encs)
        at = [x for x in encs if x['period']['start'][:10] == mx]
        return r['period']['start'][:10] == mx and len(at) == 1, f"record {r['period']['start'][:10]}, latest {mx}"
    if t == 'latest_imm':
        r = B[ch['rid']]
        code = r['vaccineCode']['coding'][0]['code']
        l = [x for x in B.values() if x['resourceType'] == 'Immunization' and x['vaccineCode']['coding'][0]['code'] == code]
        mx = max(x['occurrenceDateTime'][:10] for x in l)
        return r['occurrenceDateTime'][:10] == mx, f"record {r['occurrenceDateTime'][:10]}, latest {mx}"
    if t == 'interp':
        r = B[ch['rid']]
        v = r['valueQuantity']['value'] if 'valueQuantity' in r else None
        ok, cat = interp_ok(ch['kind'], ch['claim'], v, r, pid)
        return ok, f"{ch['kind']} value {v} -> {cat}, claim {ch['claim']}"
    if t == 'truth':
        inner = ch['inner']
        rid = inner.get('rid')
        ok, msg = run_check(inner, claim, pid, cited_ids)
        if rid in cited_ids:
            return False, 'true record is cited (not a wrong citation)'
        return ok, 'TRUTH: ' + msg
    raise ValueError(t)


# ---------------- main ----------------
def main():
    claims = [json.loads(l) for l in open(HERE + '/claims.jsonl')]
    metas = [json.loads(l) for l in open(HERE + '/claims_meta.jsonl')]
    assert len(claims) == len(metas)
    problems = []
    counts = collections.Counter()
    per_pat = collections.Counter()
    unacc = []
    texts = collections.Counter()
    for i, (c, m) in enumerate(zip(claims, metas)):
        where = f"#{i + 1} [{c.get('category')}/{c.get('label')}] {c.get('text')}"
        # ---- (1) structure ----
        for k in ('patient', 'text', 'citations', 'label', 'category', 'why'):
            if k not in c:
                problems.append((where, f'missing field {k}'))
        if c['label'] not in ('correct', 'wrong'):
            problems.append((where, 'bad label'))
        if c['category'] not in CATS:
            problems.append((where, 'bad category'))
        pid = c['patient']
        if pid not in BUNDLES:
            problems.append((where, 'unknown patient')); continue
        B = BUNDLES[pid]
        cited = set()
        for ct in c['citations']:
            if ct.get('kind') != 'record' or ct.get('record') not in KIND2TYPE:
                problems.append((where, f'bad citation {ct}')); continue
            rid = ct['id']
            base, _, comp = rid.partition('#')
            if ct['record'] == 'patient':
                if base != pid:
                    problems.append((where, 'patient citation id mismatch'))
                cited.add(pid); continue
            if base not in B:
                problems.append((where, f'cited id {rid} not in bundle')); continue
            if B[base]['resourceType'] != KIND2TYPE[ct['record']]:
                problems.append((where, f"cited {rid} is {B[base]['resourceType']}, not {ct['record']}"))
            if comp:
                if not comp.isdigit() or 'component' not in B[base] or int(comp) >= len(B[base]['component']):
                    problems.append((where, f'component {rid} missing'))
            cited.add(base)
        texts[c['text']] += 1
        counts[(c['category'], c['label'])] += 1
        per_pat[pid] += 1
        # ---- (3) facts ----
        results = []
        for ch in m['checks']:
            try:
                ok, msg = run_check(ch, c, pid, cited)
            except Exception as e:
                ok, msg = False, f'ERROR {type(e).__name__}: {e}'
            results.append((ch['t'], ok, msg))
        # every check's record must be cited (except truth/absent which look at uncited data / the whole chart);
        # a 'patient' citation stands for the whole chart
        for ch in (m['checks'] if pid not in cited else []):
            for key in ('rid', 'a', 'b', 'med', 'cond'):
                if key in ch and ch['t'] not in ('truth',) and ch[key].split('#')[0] not in cited:
                    results.append(('cited', False, f'check record {ch[key][:8]} not cited'))
            for rr in ch.get('rids', []):
                if rr not in cited:
                    results.append(('cited', False, f'check record {rr[:8]} not cited'))
        # generic date scan
        chart_wide = pid in cited
        if chart_wide:
            pool = set().union(*[rdates(r) for r in B.values() if r['resourceType'] in CLINICAL])
        else:
            pool = set().union(*[rdates(B[x]) for x in cited]) if cited else set()
        for dm in parse_dates(c['text']):
            if not date_match(dm, pool):
                results.append(('gen-date', False, f"date '{c['text'][dm[4][0]:dm[4][1]]}' matches no cited record date"))
        fails = [r for r in results if not r[1]]
        if c['label'] == 'correct' and fails:
            problems.append((where, 'CORRECT claim fails: ' + ' | '.join(f'{a}: {b}' for a, _, b in fails)))
        if c['label'] == 'wrong' and not fails:
            problems.append((where, 'WRONG claim passes every check: ' + ' | '.join(f'{a}: {b}' for a, _, b in results)))
        if VERBOSE:
            print(where)
            for a, ok, b in results:
                print('    ', 'ok ' if ok else 'XX ', a, b)
        # unaccounted numbers
        covered = set()
        for ch in m['checks']:
            for key in ('s',):
                if ch.get(key):
                    covered |= set(re.findall(r'-?\d+(?:\.\d+)?', ch[key]))
            if ch['t'] == 'drug':
                covered |= set(ch['strength'])
            if ch['t'] == 'truth' and ch['inner'].get('s'):
                covered |= set(re.findall(r'-?\d+(?:\.\d+)?', ch['inner']['s']))
            if ch['t'] == 'truth' and ch['inner'].get('strength'):
                covered |= set(ch['inner']['strength'])
        tx = c['text']
        for dm in parse_dates(tx):
            a, b = dm[4]; tx = tx[:a] + ' ' * (b - a) + tx[b:]
        nums = [n for n in re.findall(r'(?<![\w.])-?\d+(?:\.\d+)?', tx) if n not in covered and n.lstrip('-') not in covered]
        if nums:
            unacc.append((where, nums))
    # ---- report ----
    print('=' * 80)
    print(f'{len(claims)} claims; {len(problems)} problems')
    for w, p in problems:
        print('PROBLEM', w, '\n     ', p)
    print('=' * 80)
    print('counts per category x label')
    tc = tw = 0
    for cat in CATS:
        print(f"  {cat:16s} correct={counts[(cat, 'correct')]:3d}  wrong={counts[(cat, 'wrong')]:3d}")
        tc += counts[(cat, 'correct')]; tw += counts[(cat, 'wrong')]
    print(f"  {'TOTAL':16s} correct={tc:3d}  wrong={tw:3d}")
    print('claims per patient:', len(per_pat), 'patients;', sorted(per_pat.values()))
    dup = [t for t, n in texts.items() if n > 1]
    print('duplicate texts:', dup)
    print('=' * 80)
    print(f'numbers not covered by any check ({len(unacc)} claims) — review manually:')
    for w, n in unacc:
        print('  ', n, w)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
