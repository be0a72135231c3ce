"""Helpers for claim set K: load bundles, index facts, format dates/values/units.
Generator-side only; validate.py re-implements its own reading of the bundles."""
import json, glob, math, datetime, os

DATA = '/work/shared/data/synthea'
MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
       'September', 'October', 'November', 'December']
MON3 = [m[:3] for m in MON]
MON_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec']


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return '%dth' % n
    return '%d%s' % (n, {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th'))


def rdate(r):
    t = r['resourceType']
    if t in ('Observation', 'DiagnosticReport'):
        s = r.get('effectiveDateTime')
    elif t == 'Condition':
        s = r.get('onsetDateTime')
    elif t == 'MedicationRequest':
        s = r.get('authoredOn')
    elif t == 'Immunization':
        s = r.get('occurrenceDateTime')
    elif t == 'Procedure':
        s = r.get('performedDateTime') or r.get('performedPeriod', {}).get('start')
    elif t == 'Encounter':
        s = r.get('period', {}).get('start')
    elif t == 'AllergyIntolerance':
        s = r.get('onsetDateTime') or r.get('recordedDate')
    else:
        s = None
    return s[:10] if s else None


class Pt:
    def __init__(self, path):
        b = json.load(open(path))
        self.res = [e['resource'] for e in b['entry']]
        self.byid = {r['id']: r for r in self.res}
        p = [r for r in self.res if r['resourceType'] == 'Patient'][0]
        self.id = p['id']
        self.first = p['name'][0]['given'][0]
        self.first = ''.join(c for c in self.first if not c.isdigit())
        self.gender = p['gender']
        self.birth = p['birthDate']
        self.dead = (p.get('deceasedDateTime') or '')[:10] or None
        self.he = 'he' if self.gender == 'male' else 'she'
        self.his = 'his' if self.gender == 'male' else 'her'
        self.obs = []
        for r in self.res:
            if r['resourceType'] != 'Observation':
                continue
            d = rdate(r)
            code = r['code']['coding'][0]['code']
            if 'valueQuantity' in r:
                self.obs.append(dict(id=r['id'], cite=r['id'], code=code, comp=None, text=r['code']['text'], date=d,
                                     value=r['valueQuantity']['value'], unit=r['valueQuantity'].get('unit'), r=r))
            if 'component' in r:
                for i, c in enumerate(r['component']):
                    if 'valueQuantity' in c:
                        self.obs.append(dict(id=r['id'], cite='%s#%d' % (r['id'], i), code=code,
                                             comp=c['code']['coding'][0]['code'], text=c['code']['text'], date=d,
                                             value=c['valueQuantity']['value'], unit=c['valueQuantity'].get('unit'), r=r, idx=i))
            if 'valueCodeableConcept' in r:
                self.obs.append(dict(id=r['id'], cite=r['id'], code=code, comp=None, text=r['code']['text'], date=d,
                                     cc=r['valueCodeableConcept'].get('text'), r=r))
        self.conds = [r for r in self.res if r['resourceType'] == 'Condition']
        self.meds = [r for r in self.res if r['resourceType'] == 'MedicationRequest']
        self.imms = [r for r in self.res if r['resourceType'] == 'Immunization']
        self.procs = [r for r in self.res if r['resourceType'] == 'Procedure']
        self.encs = [r for r in self.res if r['resourceType'] == 'Encounter']
        self.alls = [r for r in self.res if r['resourceType'] == 'AllergyIntolerance']
        self.reps = [r for r in self.res if r['resourceType'] == 'DiagnosticReport']

    def age_at(self, d):
        b = datetime.date.fromisoformat(self.birth)
        x = datetime.date.fromisoformat(d)
        return x.year - b.year - ((x.month, x.day) < (b.month, b.day))

    def series(self, code, comp=None, text_prefix=None):
        """observations of code (component comp), one per date (dates with >1 obs dropped), sorted"""
        xs = [o for o in self.obs if o['code'] == code and o['comp'] == comp and 'value' in o]
        if text_prefix:
            xs = [o for o in xs if o['text'].startswith(text_prefix)]
        cnt = {}
        for o in xs:
            cnt[o['date']] = cnt.get(o['date'], 0) + 1
        xs = [o for o in xs if cnt[o['date']] == 1]
        return sorted(xs, key=lambda o: o['date'])

    def all_of(self, code, comp=None):
        return [o for o in self.obs if o['code'] == code and o['comp'] == comp]


def load_all():
    return [Pt(f) for f in sorted(glob.glob(os.path.join(DATA, '*.json')))]


# ---------------- dates -----------------
def dparts(d):
    y, m, dd = d.split('-')
    return int(y), int(m), int(dd)


EXACT_STYLES = ['iso', 'us', 'dmy', 'dmy_dot', 'd_mon_y', 'd_month_y', 'mon_d_y', 'month_ord_y', 'the_ord_of',
                'dd_mon_yyyy', 'month_d_y', 'ord_month_y']
VAGUE_STYLES = ['month_year', 'mon_year', 'year', 'in_year', 'early', 'mid', 'late', 'quarter']


def fmt_date(d, rng, style=None, exact=False):
    """returns (text, spec). spec: {'on':d} | {'month':'YYYY-MM'} | {'year':'YYYY'} | {'between':[a,b]}"""
    y, m, dd = dparts(d)
    styles = EXACT_STYLES + ([] if exact else VAGUE_STYLES)
    for _ in range(50):
        s = style or rng.choice(styles)
        if s in ('us', 'dmy', 'dmy_dot') and dd <= 12:
            style = None
            continue
        if s == 'early' and m > 3 or s == 'late' and m < 10 or s == 'mid' and m not in (6, 7):
            style = None
            continue
        break
    if s == 'iso':
        return d, {'on': d}
    if s == 'us':
        return '%02d/%02d/%d' % (m, dd, y) if rng.random() < .5 else '%d/%d/%d' % (m, dd, y), {'on': d}
    if s == 'dmy':
        return '%02d/%02d/%d' % (dd, m, y), {'on': d}
    if s == 'dmy_dot':
        return '%02d.%02d.%d' % (dd, m, y), {'on': d}
    if s == 'd_mon_y':
        return '%d %s %d' % (dd, rng.choice([MON3, MON_ABBR])[m - 1], y), {'on': d}
    if s == 'd_month_y':
        return '%d %s %d' % (dd, MON[m - 1], y), {'on': d}
    if s == 'mon_d_y':
        return '%s %d, %d' % (MON3[m - 1], dd, y), {'on': d}
    if s == 'month_d_y':
        return '%s %d, %d' % (MON[m - 1], dd, y), {'on': d}
    if s == 'month_ord_y':
        return '%s %s %d' % (MON[m - 1], ordinal(dd), y), {'on': d}
    if s == 'ord_month_y':
        return '%s %s %d' % (ordinal(dd), MON[m - 1], y), {'on': d}
    if s == 'the_ord_of':
        return 'the %s of %s %d' % (ordinal(dd), MON[m - 1], y), {'on': d}
    if s == 'dd_mon_yyyy':
        return '%02d-%s-%d' % (dd, MON3[m - 1], y), {'on': d}
    if s == 'month_year':
        return '%s %d' % (MON[m - 1], y), {'month': d[:7]}
    if s == 'mon_year':
        return '%s %d' % (MON3[m - 1], y), {'month': d[:7]}
    if s in ('year', 'in_year'):
        return '%d' % y, {'year': str(y)}
    if s == 'early':
        return 'early %d' % y, {'between': ['%d-01-01' % y, '%d-04-30' % y]}
    if s == 'mid':
        return 'mid-%d' % y, {'between': ['%d-05-01' % y, '%d-08-31' % y]}
    if s == 'late':
        return 'late %d' % y, {'between': ['%d-09-01' % y, '%d-12-31' % y]}
    if s == 'quarter':
        q = (m - 1) // 3 + 1
        return 'Q%d %d' % (q, y), {'between': ['%d-%02d-01' % (y, 3 * q - 2), '%d-%02d-%02d' % (y, 3 * q, [31, 30, 30, 31][q - 1])]}
    raise ValueError(s)


def shift_date(d, kind, rng):
    """a plausible wrong date; kind in day, month, year, dm"""
    y, m, dd = dparts(d)
    x = datetime.date(y, m, dd)
    if kind == 'day':
        x = x + datetime.timedelta(days=rng.choice([-1, 1]))
    elif kind == 'month':
        nm = m + (rng.choice([-1, 1]) if (y, m) < (2021, 3) else -1)
        ny = y
        if nm == 0:
            nm, ny = 12, y - 1
        if nm == 13:
            nm, ny = 1, y + 1
        try:
            x = datetime.date(ny, nm, dd)
        except ValueError:
            return None
    elif kind == 'year':
        try:
            x = datetime.date(y + (rng.choice([-1, 1]) if y < 2021 else -1), m, dd)
        except ValueError:
            return None
    elif kind == 'dm':
        if dd > 12 or dd == m:
            return None
        x = datetime.date(y, dd, m)
    return x.isoformat()


def in_spec(d, spec):
    if 'on' in spec:
        return d == spec['on']
    if 'month' in spec:
        return d[:7] == spec['month']
    if 'year' in spec:
        return d[:4] == spec['year']
    a, b = spec['between']
    return a <= d <= b


# ---------------- numbers -----------------
def dec_of(prec):
    return max(0, -int(math.floor(math.log10(prec) + 1e-9)))


def fmtv(v, prec):
    r = round(v / prec) * prec
    s = '%.*f' % (dec_of(prec), r)
    return s


def safe_round(vals, prec, margin=0.15):
    """all candidate values round to the same number, none near a .5 boundary"""
    outs = set()
    for v in vals:
        q = v / prec
        fr = q - math.floor(q)
        if abs(fr - 0.5) < margin:
            return None
        outs.add(fmtv(v, prec))
    return outs.pop() if len(outs) == 1 else None


def wrong_val(v, prec, rng, minrel=0.06):
    """a plausible but clearly wrong value string: differs from v by >= minrel and >= 3 prec units"""
    t = round(v / prec)
    k = max(3, int(math.ceil(minrel * abs(v) / prec)) + 1)
    k += rng.choice([0, 0, 1, 2])
    sgn = rng.choice([-1, 1])
    w = (t + sgn * k) * prec
    if w <= 0:
        w = (t + k) * prec
    return '%.*f' % (dec_of(prec), w)


# ---------------- units -----------------
UNIT_TXT = {
    '%': ['%', ' %', '%'], 'mg/dL': [' mg/dL', ' mg/dl', ' mg/dL'], 'mmol/L': [' mmol/L', ' mmol/l', ' mmol/L'],
    'mmHg': [' mmHg', ' mm Hg', ' mm[Hg]', 'mmHg'], 'kg': [' kg', ' kg', ' kilograms', 'kg'], 'lb': [' lb', ' lbs', ' pounds'],
    'cm': [' cm', ' cm', ' centimetres', ' centimeters'], 'in': [' in', ' inches', ' in.'],
    'degC': [' °C', '°C', ' C', ' deg C', ' degrees Celsius', ' ºC'], 'degF': [' °F', '°F', ' F', ' deg F', ' degrees Fahrenheit'],
    'kg/m2': [' kg/m2', ' kg/m²', ' kg/m^2'], 'mL/min/1.73m2': [' mL/min/1.73m2', ' mL/min/1.73 m²', ' ml/min/1.73m2', ' mL/min/1.73 m2'],
    '10*3/uL': [' x10^3/uL', ' K/uL', ' ×10³/µL', ' 10*3/uL', ' thou/uL', ' x 10^3/µL'], '10*9/L': [' x10^9/L', ' ×10⁹/L', ' x 10^9/L'],
    '10*6/uL': [' x10^6/uL', ' M/uL', ' 10*6/uL', ' million/µL', ' ×10⁶/µL'], '10*12/L': [' x10^12/L', ' ×10¹²/L'],
    'g/dL': [' g/dL', ' g/dl', ' gm/dL'], 'g/L': [' g/L', ' g/l'], 'umol/L': [' µmol/L', ' umol/L', ' micromol/L', ' μmol/L'],
    'mmol/mol': [' mmol/mol'], 'fL': [' fL', ' fl'], 'pg': [' pg'], 'ng/mL': [' ng/mL', ' ng/ml'], 'ug/L': [' µg/L', ' ug/L'],
    'mg/g': [' mg/g'], 'mg/mmol': [' mg/mmol'], 'U/L': [' U/L', ' IU/L', ' units/L'], 'mEq/L': [' mEq/L', ' mEq/l', ' meq/L'],
    'mL/s': [' mL/s', ' ml/s'], 'pg/mL': [' pg/mL', ' pg/ml'], 'score': [''], 'none': [''],
}

REC_UNIT = {'cm': 'cm', 'kg': 'kg', 'kg/m2': 'kg/m2', 'mm[Hg]': 'mmHg', 'Cel': 'degC', '%': '%', 'mg/dL': 'mg/dL',
            'mmol/L': 'mmol/L', 'mL/min/{1.73_m2}': 'mL/min/1.73m2', 'mg/g': 'mg/g', '10*3/uL': '10*3/uL',
            '10*6/uL': '10*6/uL', 'g/dL': 'g/dL', 'g/L': 'g/L', 'fL': 'fL', 'pg': 'pg', 'ng/mL': 'ng/mL', 'U/L': 'U/L',
            'pg/mL': 'pg/mL', '{score}': 'score', '(score)': 'score', '{T-score}': 'none'}

# (record canonical unit, target) -> list of alternative factor functions (code-specific where needed)
def conversions(code, src, dst):
    if src == dst:
        return [lambda v: v]
    same = {('10*3/uL', '10*9/L'), ('10*6/uL', '10*12/L'), ('ng/mL', 'ug/L')}
    if (src, dst) in same:
        return [lambda v: v]
    if src == 'mmol/L' and dst == 'mEq/L' and code in ('2947-0', '6298-4', '2069-3', '20565-8'):
        return [lambda v: v]
    if src == 'degC' and dst == 'degF':
        return [lambda v: v * 9 / 5 + 32]
    if src == 'kg' and dst == 'lb':
        return [lambda v: v * 2.20462, lambda v: v * 2.2046, lambda v: v * 2.2]
    if src == 'cm' and dst == 'in':
        return [lambda v: v / 2.54]
    if src == 'g/dL' and dst == 'g/L':
        return [lambda v: v * 10]
    if src == '%' and dst == 'mmol/mol' and code == '4548-4':
        return [lambda v: (v - 2.15) * 10.929, lambda v: (v - 2.15) * 10.93]
    if src == 'mg/dL' and dst == 'mmol/L':
        f = {'2339-0': [18.0, 18.016, 18.02], '2093-3': [38.67, 38.66, 38.7], '18262-6': [38.67, 38.66, 38.7],
             '2085-9': [38.67, 38.66, 38.7], '2571-8': [88.57, 88.5, 88.6], '49765-1': [4.008, 4.0],
             '6299-2': [1 / 0.357, 1 / 0.3571]}.get(code)
        if f:
            return [lambda v, k=k: v / k for k in f]
    if src == 'mg/dL' and dst == 'umol/L':
        f = {'38483-4': [88.4, 88.42], '1975-2': [17.1, 17.104]}.get(code)
        if f:
            return [lambda v, k=k: v * k for k in f]
    if src == 'mg/g' and dst == 'mg/mmol':
        return [lambda v: v / 8.84, lambda v: v / 8.85]
    if src == 'mL/min/1.73m2' and dst == 'mL/s':
        return [lambda v: v / 60]
    return []


# ---------------- analytes -----------------
AN = {
    'A1C': dict(code='4548-4', full=['haemoglobin A1c', 'hemoglobin A1c', 'glycated haemoglobin', 'glycated hemoglobin', 'glycosylated hemoglobin'], abbr=['HbA1c', 'A1c', 'HbA1c', 'Hb A1c'], unit='%', prec=0.1),
    'GLU': dict(code='2339-0', full=['glucose', 'blood glucose', 'serum glucose', 'plasma glucose'], abbr=['Glu', 'BG', 'Gluc'], unit='mg/dL', prec=1),
    'BUN': dict(code='6299-2', full=['urea nitrogen', 'blood urea nitrogen'], abbr=['BUN'], unit='mg/dL', prec=1),
    'CR': dict(code='38483-4', full=['creatinine', 'serum creatinine'], abbr=['Cr', 'Creat', 'SCr'], unit='mg/dL', prec=0.01),
    'CA': dict(code='49765-1', full=['calcium', 'serum calcium'], abbr=['Ca'], unit='mg/dL', prec=0.1),
    'NA': dict(code='2947-0', full=['sodium', 'serum sodium'], abbr=['Na', 'Na+'], unit='mmol/L', prec=1),
    'K': dict(code='6298-4', full=['potassium', 'serum potassium'], abbr=['K', 'K+'], unit='mmol/L', prec=0.1),
    'CL': dict(code='2069-3', full=['chloride'], abbr=['Cl', 'Cl-'], unit='mmol/L', prec=1),
    'CO2': dict(code='20565-8', full=['carbon dioxide', 'total CO2'], abbr=['CO2', 'tCO2'], unit='mmol/L', prec=1),
    'TC': dict(code='2093-3', full=['total cholesterol', 'cholesterol (total)', 'serum cholesterol'], abbr=['TC', 'T-chol', 'Chol'], unit='mg/dL', prec=1),
    'TG': dict(code='2571-8', full=['triglycerides', 'triglyceride'], abbr=['TG', 'TGs', 'Trig'], unit='mg/dL', prec=1),
    'LDL': dict(code='18262-6', full=['LDL cholesterol', 'low-density lipoprotein cholesterol', 'LDL-cholesterol'], abbr=['LDL', 'LDL-C'], unit='mg/dL', prec=1),
    'HDL': dict(code='2085-9', full=['HDL cholesterol', 'high-density lipoprotein cholesterol', 'HDL-cholesterol'], abbr=['HDL', 'HDL-C'], unit='mg/dL', prec=1),
    'EGFR': dict(code='33914-3', full=['estimated GFR', 'estimated glomerular filtration rate'], abbr=['eGFR'], unit='mL/min/1.73m2', prec=1, tp='Estimated'),
    'ACR': dict(code='14959-1', full=['urine albumin/creatinine ratio', 'microalbumin/creatinine ratio', 'urine microalbumin-to-creatinine ratio'], abbr=['UACR', 'ACR', 'uACR'], unit='mg/g', prec=0.1),
    'WBC': dict(code='6690-2', full=['white cell count', 'white blood cell count', 'leukocyte count'], abbr=['WBC', 'WCC'], unit='10*3/uL', prec=0.1),
    'RBC': dict(code='789-8', full=['red cell count', 'red blood cell count', 'erythrocyte count'], abbr=['RBC', 'RCC'], unit='10*6/uL', prec=0.01),
    'HGB': dict(code='718-7', full=['haemoglobin', 'hemoglobin'], abbr=['Hb', 'Hgb', 'Hb'], unit='g/dL', prec=0.1),
    'HCT': dict(code='4544-3', full=['haematocrit', 'hematocrit'], abbr=['Hct', 'HCT'], unit='%', prec=0.1),
    'MCV': dict(code='787-2', full=['mean corpuscular volume', 'mean cell volume'], abbr=['MCV'], unit='fL', prec=0.1),
    'PLT': dict(code='777-3', full=['platelet count', 'platelets'], abbr=['Plt', 'PLT', 'Plts'], unit='10*3/uL', prec=1),
    'HT': dict(code='8302-2', full=['height', 'body height', 'stature'], abbr=['Ht', 'Ht'], unit='cm', prec=0.1),
    'WT': dict(code='29463-7', full=['weight', 'body weight'], abbr=['Wt', 'Wt'], unit='kg', prec=0.1),
    'BMI': dict(code='39156-5', full=['body mass index', 'body-mass index'], abbr=['BMI'], unit='kg/m2', prec=0.1),
    'SBP': dict(code='55284-4', comp='8480-6', full=['systolic blood pressure', 'systolic pressure'], abbr=['SBP', 'systolic BP'], unit='mmHg', prec=1),
    'DBP': dict(code='55284-4', comp='8462-4', full=['diastolic blood pressure', 'diastolic pressure'], abbr=['DBP', 'diastolic BP'], unit='mmHg', prec=1),
    'TEMP': dict(code='8331-1', full=['oral temperature', 'temperature'], abbr=['T', 'Temp', 'T(oral)'], unit='degC', prec=0.1),
    'PSA': dict(code='2857-1', full=['prostate-specific antigen', 'prostate specific antigen'], abbr=['PSA'], unit='ng/mL', prec=0.1),
    'ALT': dict(code='1742-6', full=['alanine aminotransferase'], abbr=['ALT', 'SGPT'], unit='U/L', prec=1),
    'AST': dict(code='1920-8', full=['aspartate aminotransferase'], abbr=['AST', 'SGOT'], unit='U/L', prec=1),
    'ALP': dict(code='6768-6', full=['alkaline phosphatase'], abbr=['ALP', 'Alk phos'], unit='U/L', prec=1),
    'ALB': dict(code='1751-7', full=['albumin', 'serum albumin'], abbr=['Alb'], unit='g/dL', prec=0.1),
    'BILI': dict(code='1975-2', full=['total bilirubin', 'bilirubin (total)'], abbr=['T bili', 'TBil'], unit='mg/dL', prec=0.1),
    'EF': dict(code='10230-1', full=['left ventricular ejection fraction'], abbr=['LVEF', 'EF'], unit='%', prec=1),
    'BNP': dict(code='33762-6', full=['NT-proBNP'], abbr=['NT-proBNP'], unit='pg/mL', prec=1),
}
