"""Fact extraction + formatting helpers for the held-out claims set (generator side).

Reads only /work/shared/data/synthea/*.json.
"""
import json, glob, os, re, datetime, random
from decimal import Decimal, ROUND_HALF_UP

DATA = '/work/shared/data/synthea'

KEYMAP = {
    'Alberto_Armstrong': 'alberto', 'Andy_Gusikowski': 'andyg', 'Andy_Schaden': 'andys',
    'Annmarie_Doyle': 'annmarie', 'Beatrice_Aufderhar': 'beatrice', 'Bryan_Breitenberg': 'bryan',
    'Dannie_Schmitt': 'dannie', 'Deedra_Lockman': 'deedra', 'Elisha_Bradtke': 'elisha',
    'Emilia_Palomino': 'emilia', 'Erin_Rempel': 'erin', 'Evelyn_McCullough': 'evelyn',
    'Gale_Donnelly': 'gale', 'Jules_Marks': 'jules', 'Junita_Labadie': 'junita',
    'Malcom_Harris': 'malcom', 'Man_Schamberger': 'man', "Mathilda_O'Keefe": 'mathilda',
    'Maurice_Mohr': 'maurice', 'Michael_Kihn': 'michael', 'Monika_Green': 'monika',
    'Nohemi_Mertz': 'nohemi', 'Oswaldo_Armstrong': 'oswaldo', 'Thanh_Considine': 'thanh',
    'Tyrell_Kuphal': 'tyrell', 'Vito_Feeney': 'vito',
}

# analyte key by (LOINC code, text)
def analyte_key(code, text):
    t = text.lower()
    m = {
        '4548-4': 'a1c', '2339-0': 'glu', '6299-2': 'bun', '38483-4': 'cr', '49765-1': 'ca',
        '2947-0': 'na', '6298-4': 'k', '2069-3': 'cl', '20565-8': 'co2', '2093-3': 'tc',
        '2571-8': 'tg', '18262-6': 'ldl', '2085-9': 'hdl', '6690-2': 'wbc', '789-8': 'rbc',
        '718-7': 'hb', '4544-3': 'hct', '787-2': 'mcv', '785-6': 'mch', '786-4': 'mchc',
        '21000-5': 'rdw', '777-3': 'plt', '32207-3': 'pdw', '32623-1': 'mpv', '8302-2': 'ht',
        '29463-7': 'wt', '39156-5': 'bmi', '8331-1': 'temp', '72514-3': 'pain', '55284-4': 'bp',
        '72166-2': 'smoke', '14959-1': 'uacr', '2857-1': 'psa', '33762-6': 'bnp', '10230-1': 'lvef',
        '72106-8': 'mmse', '38265-5': 'tscore', '1742-6': 'alt', '1920-8': 'ast', '6768-6': 'alp',
        '1975-2': 'tbili', '1751-7': 'alb', '10834-0': 'glob', '2885-2': 'tprot',
        '69453-9': 'death', '32465-7': 'prostate_exam', '46288-7': 'prostate_bx',
    }
    if code == '33914-3':
        return 'egfr' if t.startswith('estimated') else 'gfr_pred'
    if code in m:
        return m[code]
    return 'urine:' + code


class Obj(dict):
    __getattr__ = dict.get


def d10(s):
    return s[:10] if s else None


class Patient:
    def __init__(self, path):
        b = json.load(open(path))
        self.path = path
        self.entries = [e['resource'] for e in b['entry']]
        self.byid = {r['id']: r for r in self.entries}
        pt = [r for r in self.entries if r['resourceType'] == 'Patient'][0]
        self.id = pt['id']
        n = pt['name'][0]
        self.first = n['given'][0]
        self.last = n['family']
        self.name = self.first + ' ' + self.last
        self.gender = pt['gender']
        self.birth = pt['birthDate']
        self.deceased = d10(pt.get('deceasedDateTime'))
        self.obs = []
        self.conds, self.meds, self.allergies, self.imms, self.procs, self.encs, self.drs = [], [], [], [], [], [], []
        for r in self.entries:
            t = r['resourceType']
            if t == 'Observation':
                o = Obj(id=r['id'], code=r['code']['coding'][0]['code'], text=r['code']['text'],
                        date=d10(r['effectiveDateTime']), kind=None)
                o.an = analyte_key(o.code, o.text)
                if 'valueQuantity' in r:
                    o.kind = 'q'; o.v = r['valueQuantity']['value']; o.unit = r['valueQuantity'].get('unit')
                elif 'component' in r:
                    o.kind = 'bp'
                    for i, c in enumerate(r['component']):
                        disp = c['code']['coding'][0]['display']
                        if disp.startswith('Systolic'):
                            o.sys = c['valueQuantity']['value']; o.sys_i = i
                        elif disp.startswith('Diastolic'):
                            o.dia = c['valueQuantity']['value']; o.dia_i = i
                elif 'valueCodeableConcept' in r:
                    o.kind = 'cc'; o.vt = r['valueCodeableConcept']['text']
                self.obs.append(o)
            elif t == 'Condition':
                self.conds.append(Obj(id=r['id'], text=r['code']['text'], status=r['clinicalStatus']['coding'][0]['code'],
                                      onset=d10(r.get('onsetDateTime')), abate=d10(r.get('abatementDateTime')),
                                      enc=r.get('encounter', {}).get('reference', '').replace('urn:uuid:', '')))
            elif t == 'MedicationRequest':
                rr = r.get('reasonReference', [{}])[0].get('reference', '').replace('urn:uuid:', '')
                di = r.get('dosageInstruction', [{}])[0] if r.get('dosageInstruction') else {}
                self.meds.append(Obj(id=r['id'], text=r['medicationCodeableConcept']['text'], status=r['status'],
                                     date=d10(r['authoredOn']), reason=rr or None,
                                     prn=di.get('asNeededBoolean'), timing=di.get('timing', {}).get('repeat')))
            elif t == 'AllergyIntolerance':
                self.allergies.append(Obj(id=r['id'], text=r['code']['text'], date=d10(r.get('recordedDate')),
                                          status=r['clinicalStatus']['coding'][0]['code'], category=r.get('category')))
            elif t == 'Immunization':
                self.imms.append(Obj(id=r['id'], text=r['vaccineCode']['text'], date=d10(r['occurrenceDateTime'])))
            elif t == 'Procedure':
                dt = r.get('performedDateTime') or r.get('performedPeriod', {}).get('start')
                rr = r.get('reasonReference', [{}])[0].get('reference', '').replace('urn:uuid:', '')
                self.procs.append(Obj(id=r['id'], text=r['code']['text'], date=d10(dt), reason=rr or None))
            elif t == 'Encounter':
                self.encs.append(Obj(id=r['id'], type=r['type'][0]['text'], cls=r['class']['code'],
                                     date=d10(r['period']['start']),
                                     reason=r.get('reasonCode', [{}])[0].get('coding', [{}])[0].get('display')))
            elif t == 'DiagnosticReport':
                self.drs.append(Obj(id=r['id'], text=r['code']['text'], date=d10(r['effectiveDateTime']),
                                    results=[x['reference'].replace('urn:uuid:', '') for x in r.get('result', [])]))
        self.obs.sort(key=lambda o: o.date)
        self.encs.sort(key=lambda e: e.date)

    def series(self, an):
        return [o for o in self.obs if o.an == an]

    def at(self, an, date):
        l = [o for o in self.obs if o.an == an and o.date == date]
        assert len(l) == 1, (self.name, an, date, len(l))
        return l[0]

    def latest(self, an):
        s = self.series(an)
        last = s[-1]
        same = [o for o in s if o.date == last.date]
        return last, len(same) == 1

    def cond(self, frag, date=None):
        l = [c for c in self.conds if frag.lower() in c.text.lower() and (date is None or c.onset == date)]
        if len(l) > 1:
            l2 = [c for c in l if c.text.lower().startswith(frag.lower())]
            if len(l2) == 1: l = l2
        assert len(l) == 1, (self.name, frag, date, [c.text for c in l])
        return l[0]

    def med(self, frag, date=None):
        l = [m for m in self.meds if frag.lower() in m.text.lower() and (date is None or m.date == date)]
        assert len(l) == 1, (self.name, frag, date, [(m.text, m.date) for m in l])
        return l[0]

    def imm(self, frag, date=None):
        l = [m for m in self.imms if frag.lower() in m.text.lower() and (date is None or m.date == date)]
        assert len(l) >= 1, (self.name, frag, date)
        if date is None:
            return l
        assert len(l) == 1
        return l[0]

    def proc(self, frag, date=None):
        l = [m for m in self.procs if frag.lower() in m.text.lower() and (date is None or m.date == date)]
        assert len(l) == 1, (self.name, frag, date, [(m.text, m.date) for m in l])
        return l[0]

    def enc(self, date, typefrag=None):
        l = [e for e in self.encs if e.date == date and (typefrag is None or typefrag.lower() in e.type.lower())]
        assert len(l) == 1, (self.name, date, typefrag, [(e.type) for e in l])
        return l[0]

    def dr(self, frag, date):
        l = [d for d in self.drs if frag.lower() in d.text.lower() and d.date == date]
        assert len(l) == 1, (self.name, frag, date)
        return l[0]

    def age_on(self, date):
        b = datetime.date.fromisoformat(self.birth); d = datetime.date.fromisoformat(date)
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def load_all():
    P = {}
    for f in sorted(glob.glob(DATA + '/*.json')):
        base = os.path.basename(f)
        key = None
        for k, v in KEYMAP.items():
            if base.startswith(k + '_'):
                key = v
        assert key, base
        P[key] = Patient(f)
    return P


# ---------------- formatting -----------------
MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
MON3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def ordinal(n):
    if 10 <= n % 100 <= 20:
        suf = 'th'
    else:
        suf = {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')
    return f'{n}{suf}'


DATE_STYLES_FULL = ['iso', 'us', 'us2', 'eu', 'dmy', 'dmyl', 'mdy', 'mdyl', 'ord', 'the', 'dot', 'dmy-']


def fd(date, style):
    y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    if style in ('eu', 'dot') and d <= 12:
        style = 'dmy'  # keep unambiguous
    if style == 'iso': return f'{y:04d}-{m:02d}-{d:02d}'
    if style == 'us': return f'{m:02d}/{d:02d}/{y}'
    if style == 'us2': return f'{m}/{d}/{y}'
    if style == 'eu': return f'{d:02d}/{m:02d}/{y}'
    if style == 'dot': return f'{d:02d}.{m:02d}.{y}'
    if style == 'dmy': return f'{d} {MON3[m-1]} {y}'
    if style == 'dmy-': return f'{d:02d}-{MON3[m-1]}-{y}'
    if style == 'dmyl': return f'{d} {MON[m-1]} {y}'
    if style == 'mdy': return f'{MON3[m-1]} {d}, {y}'
    if style == 'mdyl': return f'{MON[m-1]} {d}, {y}'
    if style == 'ord': return f'{MON[m-1]} {ordinal(d)} {y}'
    if style == 'the': return f'the {ordinal(d)} of {MON[m-1]} {y}'
    if style == 'my': return f'{MON3[m-1]} {y}'
    if style == 'myl': return f'{MON[m-1]} {y}'
    if style == 'y': return f'{y}'
    raise ValueError(style)


def rdate(R, date, styles=None):
    return fd(date, R.choice(styles or DATE_STYLES_FULL))


def shift_date(date, kind, R=None):
    d = datetime.date.fromisoformat(date)
    if kind == 'day+': return (d + datetime.timedelta(days=1)).isoformat()
    if kind == 'day-': return (d - datetime.timedelta(days=1)).isoformat()
    if kind in ('month+', 'month-'):
        m = d.month + (1 if kind == 'month+' else -1); y = d.year
        if m == 13: m, y = 1, y + 1
        if m == 0: m, y = 12, y - 1
        day = min(d.day, 28)
        return datetime.date(y, m, day).isoformat()
    if kind == 'year+': return d.replace(year=d.year + 1, day=min(d.day, 28)).isoformat()
    if kind == 'year-': return d.replace(year=d.year - 1, day=min(d.day, 28)).isoformat()
    if kind == 'dm':
        assert d.day <= 12 and d.day != d.month
        return datetime.date(d.year, d.day, d.month).isoformat()
    raise ValueError(kind)


def fv(v, prec):
    """half-up rounding to prec decimals, as string"""
    q = Decimal(1).scaleb(-prec) if prec > 0 else Decimal(1)
    s = Decimal(repr(float(v))).quantize(q, rounding=ROUND_HALF_UP)
    return str(s)


def near_half(v, prec):
    """True if v sits within 2% of a rounding boundary at prec (avoid ambiguous roundings)"""
    x = v * (10 ** prec)
    frac = x - int(x)
    return abs(frac - 0.5) < 0.02


def wrong_num(v, prec, R, rel=(0.08, 0.25), avoid=()):
    """a clearly different value at given precision"""
    for it in range(300):
        lo, hi = rel
        if it >= 100:
            lo, hi = hi, hi * 3
        f = R.uniform(lo, hi) * R.choice([-1, 1])
        w = v * (1 + f)
        ws = fv(w, prec)
        wv = float(ws)
        if abs(wv - v) < max(3 * 10 ** -prec, 0.05 * abs(v)):
            continue
        if any(abs(wv - a) <= 0.5 * 10 ** -prec + 1e-9 for a in avoid):
            continue
        if wv <= 0:
            continue
        return ws
    raise RuntimeError('no wrong value')


# unit conversions
def c_to_f(c): return c * 9 / 5 + 32
def kg_to_lb(k): return k * 2.20462
def cm_to_in(c): return c / 2.54
GLU_MMOL = 18.016   # mg/dL per mmol/L glucose
CHOL_MMOL = 38.67   # mg/dL per mmol/L cholesterol
TG_MMOL = 88.57
CR_UMOL = 88.42     # umol/L per mg/dL
CA_MMOL = 4.008
BUN_UREA = 0.357    # mmol/L urea per mg/dL BUN
