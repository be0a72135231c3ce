#!/usr/bin/env python3
"""Independent validator for claim set K.

Reads the raw Synthea bundles itself (no import from the generator), then for every claim:
  * checks the JSON shape of claims.jsonl and that checks.jsonl lines up with it;
  * checks every cited id exists in THAT patient's bundle with the right resource type (and component index);
  * re-evaluates every structured fact in checks.jsonl against the CITED records only
    (the whole chart only for a 'patient' citation), recomputes the label and compares;
  * checks that the numbers and dates of the facts really occur in the claim text;
  * flags facts whose truth would be ambiguous (rounding at a .5 edge, a value near an interpretation cut-off,
    a trend in the grey zone between 'stable' and 'changed');
  * wrong claims: at most two false facts (except wrong-citation); per-category counts; duplicate texts;
    patients covered.
usage: python3 validate.py [claims.jsonl] [checks.jsonl]  -> prints problems and a summary; exit 1 if any."""
import json, glob, sys, os, math, datetime, collections

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = '/work/shared/data/synthea'
CLAIMS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'claims.jsonl')
CHECKS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, 'checks.jsonl')
CATEGORIES = ['dates', 'abbreviations', 'drug-names', 'units', 'rounding', 'trends', 'two-facts', 'negation', 'status',
              'latest', 'swapped', 'wrong-citation', 'interpretation']
WANT = 27
KIND2TYPE = {'condition': 'Condition', 'medication': 'MedicationRequest', 'allergy': 'AllergyIntolerance', 'encounter': 'Encounter',
             'procedure': 'Procedure', 'immunization': 'Immunization', 'diagnostic-report': 'DiagnosticReport',
             'observation': 'Observation', 'patient': 'Patient'}

problems = []


def prob(n, msg):
    if n == -1:
        return  # silent re-evaluation
    problems.append('claim %s: %s' % (n, msg))


# ------------------------------------------------------------------ bundles
def when(r):
    t = r['resourceType']
    v = None
    if t in ('Observation', 'DiagnosticReport'):
        v = r.get('effectiveDateTime') or r.get('effectivePeriod', {}).get('start')
    elif t == 'Condition':
        v = r.get('onsetDateTime')
    elif t == 'MedicationRequest':
        v = r.get('authoredOn')
    elif t == 'Immunization':
        v = r.get('occurrenceDateTime')
    elif t == 'Procedure':
        v = r.get('performedDateTime') or (r.get('performedPeriod') or {}).get('start')
    elif t == 'Encounter':
        v = (r.get('period') or {}).get('start')
    elif t == 'AllergyIntolerance':
        v = r.get('onsetDateTime') or r.get('recordedDate')
    return v[:10] if v else None


class Chart:
    def __init__(self, path):
        bundle = json.load(open(path))
        self.rs = [e['resource'] for e in bundle['entry']]
        self.by = {r['id']: r for r in self.rs}
        self.pt = next(r for r in self.rs if r['resourceType'] == 'Patient')

    def of(self, t):
        return [r for r in self.rs if r['resourceType'] == t]


charts = {}
for f in sorted(glob.glob(os.path.join(DATA, '*.json'))):
    c = Chart(f)
    charts[c.pt['id']] = c


def loinc(cc):
    for cd in cc.get('coding', []):
        if cd.get('system', '').endswith('loinc.org'):
            return cd.get('code')
    return (cc.get('coding') or [{}])[0].get('code')


def quantities(obs, idx=None):
    """(parent code, component code or None, value, unit, date) of an Observation (or one component)"""
    out = []
    d = when(obs)
    pc = loinc(obs['code'])
    if idx is None and 'valueQuantity' in obs:
        out.append((pc, None, obs['valueQuantity']['value'], obs['valueQuantity'].get('code') or obs['valueQuantity'].get('unit'), d))
    for i, c in enumerate(obs.get('component', [])):
        if idx is not None and i != idx:
            continue
        if 'valueQuantity' in c:
            out.append((pc, loinc(c['code']), c['valueQuantity']['value'], c['valueQuantity'].get('code') or c['valueQuantity'].get('unit'), d))
    return out


# ------------------------------------------------------------------ units
UCANON = {'mm[Hg]': 'mmHg', 'Cel': 'degC', 'mL/min/{1.73_m2}': 'mL/min/1.73m2', 'kg/m2': 'kg/m2', '%': '%', 'cm': 'cm', 'kg': 'kg',
          'mg/dL': 'mg/dL', 'mmol/L': 'mmol/L', 'mg/g': 'mg/g', '10*3/uL': '10*3/uL', '10*6/uL': '10*6/uL', 'g/dL': 'g/dL',
          'g/L': 'g/L', 'fL': 'fL', 'pg': 'pg', 'ng/mL': 'ng/mL', 'U/L': 'U/L', 'pg/mL': 'pg/mL'}


def convert(code, v, runit, target):
    """all acceptable values of record value v (record unit runit) expressed in target unit; [] if no valid conversion"""
    src = UCANON.get(runit, runit)
    if code == '33914-3' and src == 'mL/min':
        src = 'mL/min/1.73m2'
    if src == target:
        return [v]
    pair = (src, target)
    if pair in {('10*3/uL', '10*9/L'), ('10*6/uL', '10*12/L'), ('ng/mL', 'ug/L')}:
        return [v]
    if pair == ('mmol/L', 'mEq/L') and code in ('2947-0', '6298-4', '2069-3', '20565-8'):
        return [v]
    if pair == ('degC', 'degF'):
        return [v * 1.8 + 32]
    if pair == ('kg', 'lb'):
        return [v / 0.45359237, v * 2.2]
    if pair == ('cm', 'in'):
        return [v / 2.54]
    if pair in (('g/dL', 'g/L'),):
        return [v * 10]
    if pair == ('%', 'mmol/mol') and code == '4548-4':
        return [(v - 2.152) * 10.929, (v - 2.15) * 10.929]
    if pair == ('mg/dL', 'mmol/L'):
        mw = {'2339-0': [18.016, 18.0], '2093-3': [38.67, 38.66], '18262-6': [38.67, 38.66], '2085-9': [38.67, 38.66],
              '2571-8': [88.57, 88.5], '49765-1': [4.008, 4.0], '6299-2': [2.801, 2.8]}.get(code)
        return [v / k for k in mw] if mw else []
    if pair == ('mg/dL', 'umol/L'):
        mw = {'38483-4': [88.42, 88.4], '1975-2': [17.104, 17.1]}.get(code)
        return [v * k for k in mw] if mw else []
    if pair == ('mg/g', 'mg/mmol'):
        return [v / 8.842, v / 8.84]
    if pair == ('mL/min/1.73m2', 'mL/s'):
        return [v / 60.0]
    return []


# ------------------------------------------------------------------ dates
def date_ok(d, spec):
    if spec is None:
        return True
    if d is None:
        return False
    if 'on' in spec:
        return d == spec['on']
    if 'month' in spec:
        return d[:7] == spec['month']
    if 'year' in spec:
        return d[:4] == str(spec['year'])
    lo, hi = spec['between']
    return lo <= d <= hi


MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']


def ordn(n):
    return '%d%s' % (n, 'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th'))


def date_in_text(spec, text):
    if spec is None:
        return True
    t = text.lower()
    if 'on' in spec:
        y, m, d = [int(x) for x in spec['on'].split('-')]
        M = MONTHS[m - 1]
        forms = [spec['on'], '%02d/%02d/%d' % (m, d, y), '%d/%d/%d' % (m, d, y), '%02d/%02d/%d' % (d, m, y), '%02d.%02d.%d' % (d, m, y),
                 '%d %s %d' % (d, M[:3], y), '%d %s %d' % (d, M, y), '%d Sept %d' % (d, y), '%s %d, %d' % (M[:3], d, y), '%s %d, %d' % (M, d, y),
                 '%s %s %d' % (M, ordn(d), y), '%s %s %d' % (ordn(d), M, y), 'the %s of %s %d' % (ordn(d), M, y), '%02d-%s-%d' % (d, M[:3], y)]
        return any(f.lower() in t for f in forms)
    if 'month' in spec:
        y, m = [int(x) for x in spec['month'].split('-')]
        return ('%s %d' % (MONTHS[m - 1], y)).lower() in t or ('%s %d' % (MONTHS[m - 1][:3], y)).lower() in t
    if 'year' in spec:
        return str(spec['year']) in t
    return spec['between'][0][:4] in t


def decimals(prec):
    return max(0, -int(math.floor(math.log10(prec) + 1e-9)))


# ------------------------------------------------------------------ medications (validator's own tables)
def rec_ingredients(text):
    t = text.lower()
    ing = set()
    table = [('acetaminophen', 'acetaminophen'), ('oxycodone', 'oxycodone'), ('hydrocodone', 'hydrocodone'), ('dextromethorphan', 'dextromethorphan'),
             ('doxylamine', 'doxylamine'), ('amoxicillin', 'amoxicillin'), ('clavulanate', 'clavulanate'), ('hydrochlorothiazide', 'hydrochlorothiazide'),
             ('simvastatin', 'simvastatin'), ('simvistatin', 'simvastatin'), ('naproxen', 'naproxen'), ('penicillin v', 'penicillin v'),
             ('ibuprofen', 'ibuprofen'), ('vitamin b 12', 'cyanocobalamin'), ('nitroglycerin', 'nitroglycerin'), ('clopidogrel', 'clopidogrel'),
             ('metformin', 'metformin'), ('isophane', 'insulin isophane'), ('regular insulin', 'insulin regular'), ('fluticasone', 'fluticasone'),
             ('albuterol', 'albuterol'), ('cefuroxime', 'cefuroxime'), ('docetaxel', 'docetaxel'), ('leuprolide', 'leuprolide'),
             ('amlodipine', 'amlodipine'), ('galantamine', 'galantamine'), ('memantine', 'memantine'), ('metoprolol', 'metoprolol'),
             ('lasix', 'furosemide'), ('furosemide', 'furosemide'), ('alteplase', 'alteplase'), ('leucovorin', 'leucovorin'),
             ('oxaliplatin', 'oxaliplatin'), ('fexofenadine', 'fexofenadine'), ('epinephrine', 'epinephrine'),
             ('medroxyprogesterone', 'medroxyprogesterone'), ('diphenhydramine', 'diphenhydramine'), ('alendronic', 'alendronate')]
    for k, v in table:
        if k in t:
            ing.add(v)
    if 'natazia' in t:
        ing |= {'estradiol valerate', 'dienogest'}
    if 'nuvaring' in t:
        ing |= {'etonogestrel', 'ethinyl estradiol'}
    if 'seasonique' in t or 'levora' in t:
        ing |= {'levonorgestrel', 'ethinyl estradiol'}
    return ing


def rec_strengths(text):
    """numbers (mg) appearing as strengths in the record text"""
    import re
    nums = set()
    for m in re.finditer(r'([0-9]*\.?[0-9]+)\s*(MG|mg)', text):
        nums.add(float(m.group(1)))
    return nums


NAME_ING = {}


def _n(names, ings):
    for n in names.split('|'):
        NAME_ING[n.strip().lower()] = frozenset(ings)


_n('acetaminophen|paracetamol|tylenol', {'acetaminophen'})
_n('amoxicillin/clavulanate|co-amoxiclav|amoxicillin-clavulanic acid|augmentin', {'amoxicillin', 'clavulanate'})
_n('hydrochlorothiazide|hctz|microzide', {'hydrochlorothiazide'})
_n('simvastatin|zocor', {'simvastatin'})
_n('naproxen sodium|naproxen|aleve', {'naproxen'})
_n('penicillin v potassium|penicillin vk|phenoxymethylpenicillin|pen-vee k', {'penicillin v'})
_n('ibuprofen|advil|motrin|nurofen', {'ibuprofen'})
_n('oxycodone/acetaminophen|oxycodone-paracetamol|percocet', {'oxycodone', 'acetaminophen'})
_n('amoxicillin|amoxycillin|amoxil', {'amoxicillin'})
_n('vitamin b12 injection|cyanocobalamin injection', {'cyanocobalamin'})
_n('nitroglycerin spray|glyceryl trinitrate (gtn) spray|nitrolingual', {'nitroglycerin'})
_n('clopidogrel|plavix', {'clopidogrel'})
_n('metformin er|metformin xr|extended-release metformin|glucophage xr', {'metformin'})
_n('human insulin 70/30 (nph/regular)|isophane/regular human insulin 70/30|humulin 70/30', {'insulin isophane', 'insulin regular'})
_n('fluticasone propionate inhaler|fluticasone mdi|flovent hfa', {'fluticasone'})
_n('albuterol mdi|salbutamol inhaler|albuterol inhaler|proair hfa|ventolin hfa', {'albuterol'})
_n('cefuroxime|cefuroxime axetil|ceftin', {'cefuroxime'})
_n('docetaxel|taxotere', {'docetaxel'})
_n('leuprolide acetate|leuprorelin', {'leuprolide'})
_n('amlodipine|norvasc', {'amlodipine'})
_n('galantamine|razadyne', {'galantamine'})
_n('memantine oral solution|memantine|namenda', {'memantine'})
_n('metoprolol succinate er|metoprolol succinate xl|toprol xl', {'metoprolol'})
_n('furosemide|frusemide|lasix', {'furosemide'})
_n('alteplase|tpa (alteplase)|activase', {'alteplase'})
_n('estradiol valerate/dienogest|natazia', {'estradiol valerate', 'dienogest'})
_n('leucovorin|folinic acid', {'leucovorin'})
_n('oxaliplatin|eloxatin', {'oxaliplatin'})
_n('hydrocodone/acetaminophen|hydrocodone-paracetamol|norco|vicodin', {'hydrocodone', 'acetaminophen'})
_n('fexofenadine|allegra', {'fexofenadine'})
_n('epinephrine auto-injector|adrenaline auto-injector|epipen', {'epinephrine'})
_n('etonogestrel/ethinyl estradiol vaginal ring|nuvaring', {'etonogestrel', 'ethinyl estradiol'})
_n('medroxyprogesterone acetate injection|dmpa|depo-provera', {'medroxyprogesterone'})
_n('levonorgestrel/ethinyl estradiol 91-day pack|levonorgestrel/ethinyl estradiol|seasonique|levora', {'levonorgestrel', 'ethinyl estradiol'})
_n('diphenhydramine|benadryl', {'diphenhydramine'})
_n('acetaminophen/dextromethorphan/doxylamine oral solution', {'acetaminophen', 'dextromethorphan', 'doxylamine'})
_n('alendronic acid|alendronate|fosamax', {'alendronate'})
# other ingredients (names a claim may wrongly use)
for nm, ing in [('lipitor', 'atorvastatin'), ('atorvastatin', 'atorvastatin'), ('crestor', 'rosuvastatin'), ('pravastatin', 'pravastatin'),
                ('aspirin', 'aspirin'), ('keflex', 'cephalexin'), ('cephalexin', 'cephalexin'), ('azithromycin', 'azithromycin'),
                ('chlorthalidone', 'chlorthalidone'), ('lisinopril', 'lisinopril'), ('celecoxib', 'celecoxib'), ('tramadol', 'tramadol'),
                ('brilinta', 'ticagrelor'), ('ticagrelor', 'ticagrelor'), ('warfarin', 'warfarin'), ('glucotrol', 'glipizide'),
                ('glipizide', 'glipizide'), ('januvia', 'sitagliptin'), ('pulmicort', 'budesonide'), ('budesonide', 'budesonide'),
                ('qvar', 'beclomethasone'), ('xopenex', 'levalbuterol'), ('levalbuterol', 'levalbuterol'), ('atrovent', 'ipratropium'),
                ('omnicef', 'cefdinir'), ('cefdinir', 'cefdinir'), ('procardia', 'nifedipine'), ('nifedipine', 'nifedipine'),
                ('diltiazem', 'diltiazem'), ('aricept', 'donepezil'), ('donepezil', 'donepezil'), ('tenormin', 'atenolol'),
                ('atenolol', 'atenolol'), ('carvedilol', 'carvedilol'), ('bumex', 'bumetanide'), ('bumetanide', 'bumetanide'),
                ('torsemide', 'torsemide'), ('zyrtec', 'cetirizine'), ('cetirizine', 'cetirizine'), ('claritin', 'loratadine'),
                ('loratadine', 'loratadine'), ('actonel', 'risedronate'), ('risedronate', 'risedronate'), ('boniva', 'ibandronate'),
                ('hydroxyzine', 'hydroxyzine'), ('nexplanon', 'etonogestrel'), ('etonogestrel implant', 'etonogestrel'),
                ('paclitaxel', 'paclitaxel'), ('taxol', 'paclitaxel'), ('isosorbide mononitrate', 'isosorbide mononitrate')]:
    NAME_ING[nm] = frozenset([ing])


# ------------------------------------------------------------------ absence concepts (validator's own keyword lists)
# concept -> (diagnosis / defining keywords, indirect evidence: drugs that suggest it without a coded diagnosis)
ABSENT = {
    'asthma': (['asthma'], ['albuterol', 'fluticasone', 'salbutamol']),
    'diabetes': (['diabetes', 'diabetic'], ['metformin', 'insulin']),
    'hypertension': (['hypertension', 'hypertensive'], ['hydrochlorothiazide', 'amlodipine', 'metoprolol', 'lasix', 'furosemide']),
    'ckd': (['kidney', 'renal', 'nephropathy'], []),
    'mi': (['myocardial infarction', 'infarction'], ['nitroglycerin', 'clopidogrel']),
    'stroke': (['stroke', 'cerebrovascular'], ['alteplase']),
    'heart failure': (['heart failure'], ['lasix', 'furosemide']),
    'copd': (['obstructive', 'copd', 'emphysema', 'chronic bronchitis'], []),
    'cancer': (['neoplasm', 'carcinoma', 'malignan', 'metasta', 'tumor', 'tumour', 'cancer'], ['docetaxel', 'oxaliplatin', 'leuprolide', 'leucovorin']),
    'epilepsy': (['seizure', 'epilep'], []),
    'osteoporosis': (['osteoporo'], ['alendron']),
    'anemia': (['anemia', 'anaemia'], ['vitamin b 12']),
    'drug allergy': ([], []),
    'statin': (['statin', 'simvistatin'], []),
    'anticoagulant': (['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran', 'enoxaparin', 'edoxaban'], ['clopidogrel', 'alteplase']),
    'opioid': (['oxycodone', 'hydrocodone', 'morphine', 'codeine', 'tramadol', 'fentanyl', 'methadone', 'hydromorphone'], []),
    'insulin': (['insulin'], []),
    'obesity': (['obesity', 'obese'], []),
    'hyperlipidemia': (['hyperlipid', 'dyslipid', 'hypercholesterol', 'hypertriglycerid'], ['statin', 'simvistatin']),
    'alzheimer': (['alzheimer', 'dementia'], ['galantamine', 'memantine', 'donepezil']),
}


def chart_strings(ch):
    out = []
    for r in ch.rs:
        t = r['resourceType']
        if t == 'Condition':
            out.append(r['code'].get('text', '') + ' ' + ' '.join(c.get('display', '') for c in r['code'].get('coding', [])))
        elif t == 'MedicationRequest':
            out.append(r['medicationCodeableConcept'].get('text', ''))
        elif t in ('Encounter', 'Procedure'):
            out += [c.get('display', '') for rc in r.get('reasonCode', []) for c in rc.get('coding', [])]
            out.append(' '.join(c.get('display', '') for ty in ([r['code']] if 'code' in r else r.get('type', [])) for c in ty.get('coding', [])))
        elif t == 'AllergyIntolerance':
            out.append(r['code'].get('text', ''))
        elif t == 'CarePlan':
            out.append(json.dumps(r.get('category', [])) + json.dumps(r.get('activity', [])))
    return ' | '.join(out).lower()


DRUG_CONCEPTS = {'statin', 'anticoagulant', 'opioid', 'insulin'}


def absent_eval(ch, concept, n, label, scope='ever'):
    s = chart_strings(ch)
    raw = s
    s = s.replace('prediabetes', 'pre-dm')  # prediabetes is not diabetes
    if concept == 'drug allergy':
        present = bool(ch.of('AllergyIntolerance'))
    elif concept in DRUG_CONCEPTS and scope == 'current':
        present = any(k in r['medicationCodeableConcept'].get('text', '').lower() for r in ch.of('MedicationRequest')
                      if r.get('status') == 'active' for k in ABSENT[concept][0])
        if not present and any(k in s for k in ABSENT[concept][0]):
            pass  # only stopped prescriptions: 'not on X' (now) is true
    else:
        present = any(k in s for k in ABSENT[concept][0])
    indirect = any(k in s for k in ABSENT[concept][1])
    if concept == 'diabetes' and not present and 'prediabetes' in raw:
        prob(n, 'absence of diabetes with prediabetes on the list is debatable')
    if concept == 'hyperlipidemia' and present and 'hyperlipid' not in s:
        prob(n, 'hyperlipidaemia presence rests on hypertriglyceridaemia only: debatable')
    # data that would make an 'absent' claim debatable (a reader could call it present) -> ambiguity when claimed absent
    vals = collections.defaultdict(list)
    for o in ch.of('Observation'):
        for pc, cc, v, un, d in quantities(o):
            vals[cc or pc].append(v)
    amb = False
    if concept == 'obesity':
        present = present or any(v >= 30 for v in vals['39156-5'])
    if not present:
        if concept == 'diabetes' and any(v >= 6.5 for v in vals['4548-4']):
            amb = True
        if concept == 'hypertension' and (any(v >= 140 for v in vals['8480-6']) or any(v >= 90 for v in vals['8462-4'])):
            amb = True
        if concept == 'anemia' and any(v < 12 for v in vals['718-7']):
            amb = True
        if concept == 'ckd' and any(v < 60 for v in vals['33914-3']):
            amb = True
        if concept == 'hyperlipidemia' and (any(v >= 240 for v in vals['2093-3']) or any(v >= 160 for v in vals['18262-6'])):
            amb = True
        if indirect:
            amb = True  # a drug that suggests the condition (or, for anticoagulant, an antiplatelet / thrombolytic) without a coded diagnosis
    if amb:
        prob(n, 'absence of %s is debatable from the data' % concept)
    return (not present), 'present in chart' if present else ''


# ------------------------------------------------------------------ interpretation schemes
def interp_cat(scheme, vals, sex, age):
    """returns (category, ambiguous?)"""
    if scheme == 'BP_ACCAHA2017':
        s, d = vals
        amb = any(abs(s - c) < 1 for c in (120, 130, 140)) or any(abs(d - c) < 1 for c in (80, 90)) or age < 18
        s, d = round(s), round(d)
        if s >= 140 or d >= 90:
            return 'stage2', amb
        if s >= 130 or d >= 80:
            return 'stage1', amb
        if s >= 120:
            return 'elevated', amb
        return 'normal', amb
    v = vals[0]
    if scheme == 'BMI_WHO':
        amb = any(abs(v - c) < 0.2 for c in (18.5, 25, 30)) or age < 20
        return ('underweight' if v < 18.5 else 'normal' if v < 25 else 'overweight' if v < 30 else 'obese'), amb
    if scheme == 'A1C_ADA':
        amb = any(abs(v - c) < 0.06 for c in (5.7, 6.5))
        return ('normal' if v < 5.7 else 'prediabetes' if v < 6.5 else 'diabetes'), amb
    if scheme == 'EGFR_KDIGO':
        amb = any(abs(v - c) < 1 for c in (15, 30, 45, 60, 90))
        return ('G1' if v >= 90 else 'G2' if v >= 60 else 'G3a' if v >= 45 else 'G3b' if v >= 30 else 'G4' if v >= 15 else 'G5'), amb
    if scheme == 'HB_WHO':
        cut = 13 if sex == 'male' else 12
        return ('low' if v < cut else 'normal'), abs(v - cut) < 0.2 or age < 15
    if scheme == 'FEVER':
        if v >= 38.0:
            return 'febrile', v < 38.1
        return 'afebrile', v >= 37.5  # 37.5-37.9 is called low-grade fever by some: ambiguous
    if scheme.startswith('ATP3_'):
        k = scheme[5:]
        cuts = {'TC': (200, 240), 'LDL': (100, 130, 160, 190), 'HDL': (40, 60), 'TG': (150, 200, 500)}[k]
        amb = any(abs(v - c) < 2 for c in cuts)
        if k == 'TC':
            return ('desirable' if v < 200 else 'borderline' if v < 240 else 'high'), amb
        if k == 'LDL':
            return ('optimal' if v < 100 else 'near-optimal' if v < 130 else 'borderline' if v < 160 else 'high' if v < 190 else 'very-high'), amb
        if k == 'HDL':
            return ('low' if v < 40 else 'mid' if v < 60 else 'high'), amb
        if k == 'TG':
            return ('normal' if v < 150 else 'borderline' if v < 200 else 'high' if v < 500 else 'very-high'), amb
    raise ValueError(scheme)


SCHEME_CODE = {'BMI_WHO': '39156-5', 'A1C_ADA': '4548-4', 'EGFR_KDIGO': '33914-3', 'HB_WHO': '718-7', 'FEVER': '8331-1',
               'ATP3_TC': '2093-3', 'ATP3_LDL': '18262-6', 'ATP3_HDL': '2085-9', 'ATP3_TG': '2571-8'}


def age_on(ch, d):
    b = datetime.date.fromisoformat(ch.pt['birthDate'])
    x = datetime.date.fromisoformat(d)
    return x.year - b.year - ((x.month, x.day) < (b.month, b.day))


# ------------------------------------------------------------------ fact evaluation
def cited_records(ch, cits, rtype):
    out = []
    for c in cits:
        if c['record'] == 'patient':
            out += [(r, None) for r in ch.of(rtype)]
            continue
        rid, _, idx = c['id'].partition('#')
        r = ch.by.get(rid)
        if r is not None and r['resourceType'] == rtype:
            out.append((r, int(idx) if idx else None))
    return out


def cited_quantities(ch, cits):
    out = []
    for r, idx in cited_records(ch, cits, 'Observation'):
        out += [(r, q) for q in quantities(r, idx)]
    return out


def ev_obs(ch, cits, f, n):
    hits = []
    for r, (pc, cc, v, un, d) in cited_quantities(ch, cits):
        if pc != f['code'] or cc != f.get('comp'):
            continue
        if not date_ok(d, f.get('date')):
            continue
        hits.append((r, v, un))
    if not hits:
        return False, 'no cited %s%s observation in the stated period' % (f['code'], '/' + f['comp'] if f.get('comp') else '')
    best = None
    for r, v, un in hits:
        conv = convert(f['code'], v, un, f['unit'])
        for x in conv:
            if abs(x - f['val']) <= f['prec'] / 2 + 1e-9:
                return True, ''
            best = abs(x - f['val']) if best is None else min(best, abs(x - f['val']))
    if best is not None and best < 1.5 * f['prec']:
        prob(n, 'stated %s misses the record by only %.3g (precision %g): a near miss, debatable' % (f['val'], best, f['prec']))
    return False, 'value %s %s not supported (record %s)' % (f['val'], f['unit'], ', '.join('%.4g %s' % (v, un) for _, v, un in hits))


def implied_precs(st):
    if '.' in st:
        return [10 ** -len(st.split('.')[1])]
    out, t = [1], st.lstrip('-')
    z = len(t) - len(t.rstrip('0'))
    for q in range(1, z + 1):
        if 10 ** q <= float(t):
            out.append(10 ** q)
    return out


def ev_bound(ch, cits, f, n):
    xs = [(v, un) for r, (pc, cc, v, un, d) in cited_quantities(ch, cits) if pc == f['code'] and cc == f.get('comp') and date_ok(d, f.get('date'))]
    if len(xs) != 1:
        return False, 'need one cited value in the period (%d)' % len(xs)
    vals = convert(f['code'], xs[0][0], xs[0][1], f['unit'])
    v = vals[0]
    X = f['bound']
    gap = (X - v) / X if f['side'] == 'under' else (v - X) / X
    # 'just under/over X': on that side of X and within 5 %; 3-8 % is a grey zone
    if 0.03 < gap < 0.08:
        prob(n, '"just %s %g" with a gap of %.1f%% is debatable' % (f['side'], X, gap * 100))
    return (0 < gap <= 0.05), 'value %.4g vs just %s %g' % (v, f['side'], X)


def ev_simple(ch, cits, f):
    t = f['t']
    if t == 'cond':
        for r, _ in cited_records(ch, cits, 'Condition'):
            disp = r['code'].get('text', '')
            if disp.lower() != f['disp'].lower():
                continue
            if not date_ok(when(r), f.get('onset')):
                continue
            st = (r.get('clinicalStatus', {}).get('coding') or [{}])[0].get('code')
            if f.get('status') and f['status'] != st:
                continue
            if f.get('abated') and not date_ok((r.get('abatementDateTime') or '')[:10] or None, f['abated']):
                continue
            return True, ''
        return False, 'no cited Condition "%s" matching onset/status' % f['disp']
    if t == 'med':
        want = NAME_ING.get(f['drug'].lower())
        if want is None:
            return None, 'unknown drug name %s' % f['drug']
        for r, _ in cited_records(ch, cits, 'MedicationRequest'):
            txt = r['medicationCodeableConcept'].get('text', '')
            if rec_ingredients(txt) != set(want):
                continue
            if f.get('strength'):
                have = rec_strengths(txt)
                if not all(any(abs(s - h) < 1e-9 for h in have) for s in f['strength']):
                    continue
            if not date_ok(when(r), f.get('date')):
                continue
            if f.get('status') and r.get('status') != f['status']:
                continue
            return True, ''
        return False, 'no cited MedicationRequest for %s matching strength/date/status' % f['drug']
    if t in ('imm', 'proc', 'enc', 'allergy'):
        rt = {'imm': 'Immunization', 'proc': 'Procedure', 'enc': 'Encounter', 'allergy': 'AllergyIntolerance'}[t]
        for r, _ in cited_records(ch, cits, rt):
            if f.get('disp'):
                nm = (r.get('vaccineCode') or r.get('code') or (r.get('type') or [{}])[0]).get('text', '')
                if nm.lower() != f['disp'].lower():
                    continue
            if not date_ok(when(r), f.get('date')):
                continue
            return True, ''
        return False, 'no cited %s "%s" on the stated date' % (rt, f.get('disp'))
    if t == 'smoke':
        hits = [r for r, _ in cited_records(ch, cits, 'Observation') if loinc(r['code']) == '72166-2' and date_ok(when(r), f.get('date'))]
        if not hits:
            return False, 'no cited smoking-status observation in period'
        for r in hits:
            txt = r.get('valueCodeableConcept', {}).get('text', '').lower()
            st = 'never' if txt.startswith('never') else 'former' if txt.startswith('former') else 'current' if ('current' in txt or 'every day' in txt) else txt
            if st != f['status']:
                return False, 'smoking status is %s' % txt
        return True, ''
    return None, 'unknown fact type %s' % t


def ev_reldate(ch, cits, f):
    rt = {'cond': 'Condition', 'med': 'MedicationRequest', 'imm': 'Immunization', 'proc': 'Procedure', 'enc': 'Encounter'}[f['rt']]
    target = (datetime.date.fromisoformat(f['anchor']) + datetime.timedelta(days=f['days'])).isoformat()
    anchors = [r for r, _ in cited_records(ch, cits, 'Encounter') if when(r) == f['anchor']]
    if not anchors:
        return False, 'anchor encounter not cited'
    for r, _ in cited_records(ch, cits, rt):
        if when(r) == target:
            return True, ''
    return False, 'no cited %s on %s' % (rt, target)


def ev_trend(ch, cits, f, n):
    def endpoint(spec):
        xs = [(d, v) for r, (pc, cc, v, un, d) in cited_quantities(ch, cits) if pc == f['code'] and cc == f.get('comp') and date_ok(d, spec)]
        return xs
    a, b = endpoint(f['from']), endpoint(f['to'])
    if len(a) != 1 or len(b) != 1:
        return False, 'trend endpoints not uniquely cited (%d, %d)' % (len(a), len(b))
    (da, va), (db, vb) = a[0], b[0]
    if da >= db:
        return False, 'from-date not before to-date'
    rel = (vb - va) / abs(va)
    # tolerance: 'stable' if |change| <= 2.5 %, rose/fell if |change| >= 5 %; between is ambiguous
    if 0.025 < abs(rel) < 0.05:
        prob(n, 'trend change %.1f%% is in the ambiguous zone' % (rel * 100))
    actual = 'up' if rel >= 0.05 else 'down' if rel <= -0.05 else 'stable' if abs(rel) <= 0.025 else 'grey'
    if f['dir'] in ('up', 'down') and actual == 'stable' and abs(rel) > 0.01:
        prob(n, 'claimed change on a near-stable series (%.1f%%): debatable' % (rel * 100))
    if f['dir'] != actual:
        return False, 'direction is %s (%+.1f%%), claim %s' % (actual, rel * 100, f['dir'])
    if f.get('pct') is not None:
        if abs(abs(rel) * 100 - f['pct']) > 0.5 + 1e-9:
            return False, 'percentage %.1f vs claimed %d' % (abs(rel) * 100, f['pct'])
        if abs(abs(rel) * 100 - f['pct']) > 0.4:
            prob(n, 'percentage rounding at an edge')
    return True, ''


def ev_latest(ch, cits, f):
    k = f['kind']
    if k == 'obs':
        allq = []
        for o in ch.of('Observation'):
            if loinc(o['code']) != f['code']:
                continue
            if f['code'] == '72166-2':
                allq.append(when(o))
                continue
            for pc, cc, v, un, d in quantities(o):
                if cc == f.get('comp'):
                    allq.append(d)
        mx = max(allq)
        cited = []
        for r, idx in cited_records(ch, cits, 'Observation'):
            if loinc(r['code']) != f['code']:
                continue
            cited.append(when(r))
        if not cited:
            return False, 'no cited observation of that kind'
        if allq.count(mx) > 1:
            return None, 'several observations on the latest date'
        return (all(d == mx for d in cited), 'cited %s, latest is %s' % (cited, mx))
    if k == 'enc':
        if any((e.get('type') or [{}])[0].get('text') == 'Death Certification' for e in ch.of('Encounter')):
            return None, 'chart ends with a death-certification encounter: "last visit" is debatable'
        allq = sorted(when(e) for e in ch.of('Encounter'))
        mx = allq[-1]
        cited = [when(r) for r, _ in cited_records(ch, cits, 'Encounter')]
        if not cited:
            return False, 'no cited encounter'
        return (all(d == mx for d in cited), 'cited %s, latest encounter %s' % (cited, mx))
    if k == 'imm':
        allq = [when(r) for r in ch.of('Immunization') if r['vaccineCode'].get('text') == f['disp']]
        mx = max(allq)
        cited = [when(r) for r, _ in cited_records(ch, cits, 'Immunization') if r['vaccineCode'].get('text') == f['disp']]
        if not cited:
            return False, 'no cited immunization of that kind'
        return (all(d == mx for d in cited), 'cited %s, latest %s' % (cited, mx))
    return None, 'unknown latest kind'


def ev_interp(ch, cits, f, n):
    sch = f['scheme']
    sex = ch.pt.get('gender')
    if sch == 'BP_ACCAHA2017':
        hits = {}
        for r, (pc, cc, v, un, d) in cited_quantities(ch, cits):
            if pc == '55284-4' and date_ok(d, f.get('date')):
                hits.setdefault(r['id'], {})[cc] = (v, d)
        if len(hits) != 1:
            return False, 'need exactly one cited BP panel in the period (%d)' % len(hits)
        h = list(hits.values())[0]
        if '8480-6' not in h or '8462-4' not in h:
            return False, 'BP panel incomplete in citation'
        cat, amb = interp_cat(sch, (h['8480-6'][0], h['8462-4'][0]), sex, age_on(ch, h['8480-6'][1]))
    else:
        code = SCHEME_CODE[sch]
        xs = [(v, d) for r, (pc, cc, v, un, d) in cited_quantities(ch, cits) if pc == code and cc is None and date_ok(d, f.get('date'))]
        if len(xs) != 1:
            return False, 'need exactly one cited %s value in the period (%d)' % (code, len(xs))
        v, d = xs[0]
        cat, amb = interp_cat(sch, (v,), sex, age_on(ch, d))
        if sch.startswith('ATP3_') and age_on(ch, d) < 20:
            amb = True
    if amb:
        prob(n, 'interpretation %s is near a cut-off / outside its population' % sch)
    return cat == f['cat'], 'category is %s, claim %s' % (cat, f['cat'])


def evaluate(ch, cits, f, n, label):
    t = f['t']
    if t == 'obs_bound':
        return ev_bound(ch, cits, f, n)
    if t == 'obs':
        ok, why = ev_obs(ch, cits, f, n)
        # a written number may be read at several precisions (e.g. '90' as units or tens): the truth must not depend on it
        st = '%.*f' % (decimals(f['prec']), f['val'])
        alts = []
        for p in implied_precs(st):
            g = dict(f, prec=p)
            alts.append(ev_obs(ch, cits, g, -1)[0])
        if len(set(alts)) > 1:
            prob(n, 'value %s is true at some readable precisions and false at others %s' % (st, implied_precs(st)))
        if ok and label == 'correct':
            # rounding edge: the record value sits near the boundary of the written precision
            for r, (pc, cc, v, un, d) in cited_quantities(ch, cits):
                if pc == f['code'] and cc == f.get('comp') and date_ok(d, f.get('date')):
                    for x in convert(f['code'], v, un, f['unit']):
                        fr = x / f['prec'] - math.floor(x / f['prec'])
                        if abs(fr - 0.5) < 0.05:
                            prob(n, 'value %.5g sits on a rounding edge at precision %g' % (x, f['prec']))
        return ok, why
    if t == 'absent':
        if not any(c['record'] == 'patient' for c in cits):
            return None, 'absence fact without a patient (whole chart) citation'
        return absent_eval(ch, f['concept'], n, label, f.get('scope', 'ever'))
    if t == 'trend':
        return ev_trend(ch, cits, f, n)
    if t == 'latest':
        return ev_latest(ch, cits, f)
    if t == 'interp':
        return ev_interp(ch, cits, f, n)
    if t == 'reldate':
        return ev_reldate(ch, cits, f)
    return ev_simple(ch, cits, f)


# ------------------------------------------------------------------ main
def main():
    claims = [json.loads(l) for l in open(CLAIMS, encoding='utf-8')]
    checks = [json.loads(l) for l in open(CHECKS, encoding='utf-8')]
    if len(claims) != len(checks):
        problems.append('claims.jsonl has %d lines, checks.jsonl %d' % (len(claims), len(checks)))
    counts = collections.Counter()
    texts = collections.Counter()
    pts = collections.Counter()
    nfalse_hist = collections.Counter()
    for n, (c, k) in enumerate(zip(claims, checks)):
        keys = set(c)
        if keys != {'patient', 'text', 'citations', 'label', 'category', 'why'}:
            prob(n, 'bad keys %s' % sorted(keys))
            continue
        if not all(isinstance(c[x], str) and c[x].strip() for x in ('patient', 'text', 'label', 'category', 'why')):
            prob(n, 'empty/non-string field')
        if c['label'] not in ('correct', 'wrong'):
            prob(n, 'bad label')
        if c['category'] not in CATEGORIES:
            prob(n, 'bad category %s' % c['category'])
        if k.get('text') != c['text'] or k.get('patient') != c['patient'] or k.get('n') != n:
            prob(n, 'checks.jsonl line does not match claim')
        counts[(c['category'], c['label'])] += 1
        texts[c['text']] += 1
        pts[c['patient']] += 1
        ch = charts.get(c['patient'])
        if ch is None:
            prob(n, 'unknown patient %s' % c['patient'])
            continue
        if not isinstance(c['citations'], list) or not c['citations']:
            prob(n, 'no citations')
            continue
        bad_cite = False
        for cit in c['citations']:
            if set(cit) != {'kind', 'record', 'id'} or cit['kind'] != 'record' or cit['record'] not in KIND2TYPE:
                prob(n, 'bad citation shape %s' % cit)
                bad_cite = True
                continue
            if cit['record'] == 'patient':
                if cit['id'] != c['patient']:
                    prob(n, 'patient citation id is not this patient')
                    bad_cite = True
                continue
            rid, hsh, idx = cit['id'].partition('#')
            r = ch.by.get(rid)
            if r is None:
                prob(n, 'cited id %s not in this patient\'s bundle' % cit['id'])
                bad_cite = True
                continue
            if r['resourceType'] != KIND2TYPE[cit['record']]:
                prob(n, 'cited id %s is a %s, not %s' % (cit['id'], r['resourceType'], cit['record']))
                bad_cite = True
            if hsh:
                if cit['record'] != 'observation' or not idx.isdigit() or int(idx) >= len(r.get('component', [])):
                    prob(n, 'bad component index in %s' % cit['id'])
                    bad_cite = True
        if len({json.dumps(x, sort_keys=True) for x in c['citations']}) != len(c['citations']):
            prob(n, 'duplicate citation')
        facts = k.get('facts') or []
        if not facts:
            prob(n, 'no structured facts')
            continue
        has_abs = any(f['t'] == 'absent' for f in facts)
        if any(x['record'] == 'patient' for x in c['citations']) and not has_abs:
            prob(n, 'patient (whole-chart) citation used for a non-absence claim')
        # text surface checks
        for f in facts:
            if f['t'] == 'obs_bound' and ('%g' % f['bound']) not in c['text']:
                prob(n, 'bound not in text')
            if f['t'] == 'obs':
                p = f['prec']
                s = '%.*f' % (decimals(p), f['val'])
                if s not in c['text']:
                    prob(n, 'value %s of a fact not found in text' % s)
            for key in ('date', 'onset', 'from', 'to', 'abated'):
                if isinstance(f.get(key), dict) and not date_in_text(f[key], c['text']):
                    prob(n, 'date %s of a fact not found in text' % f[key])
            if f['t'] == 'med' and f['drug'].lower() not in c['text'].lower():
                prob(n, 'drug name %s not in text' % f['drug'])
            if f['t'] == 'trend' and f.get('pct') is not None and ('%d%%' % f['pct']) not in c['text']:
                prob(n, 'percentage not in text')
        results = []
        for f in facts:
            ok, why = evaluate(ch, c['citations'], f, n, c['label'])
            if ok is None:
                prob(n, 'cannot evaluate fact %s: %s' % (f, why))
            results.append((ok, why, f))
        nfalse = sum(1 for ok, _, _ in results if ok is False)
        label = 'correct' if nfalse == 0 and all(ok for ok, _, _ in results) else 'wrong'
        if label != c['label']:
            prob(n, 'label mismatch: file says %s, recomputed %s; %s' % (c['label'], label,
                 '; '.join('%s -> %s %s' % (f['t'], ok, w) for ok, w, f in results)))
        if c['label'] == 'wrong':
            nfalse_hist[(c['category'] == 'wrong-citation', nfalse)] += 1
            if c['category'] != 'wrong-citation' and nfalse > 2:
                prob(n, 'wrong claim has %d false facts (max 2)' % nfalse)
            if c['category'] in ('swapped', 'wrong-citation') and False:
                pass
    for cat in CATEGORIES:
        for lab in ('correct', 'wrong'):
            if counts[(cat, lab)] != WANT:
                problems.append('category %s/%s has %d claims, want %d' % (cat, lab, counts[(cat, lab)], WANT))
    for t, m in texts.items():
        if m > 1:
            problems.append('duplicate text: %s' % t)
    missing = set(charts) - set(pts)
    if missing:
        problems.append('patients not covered: %s' % sorted(missing))
    for p in problems:
        print('PROBLEM', p)
    print('claims: %d; patients covered: %d/%d; min per patient %d, max %d' % (len(claims), len(pts), len(charts), min(pts.values()), max(pts.values())))
    print('per category x label:')
    for cat in CATEGORIES:
        print('  %-15s correct %3d  wrong %3d' % (cat, counts[(cat, 'correct')], counts[(cat, 'wrong')]))
    print('false facts per wrong claim (wrong-citation?, n): %s' % dict(sorted(nfalse_hist.items())))
    print('%d problems' % len(problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
