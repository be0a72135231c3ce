"""Helpers for the claim writer: fact access, date and number formatting."""
import sys, random, math, datetime
sys.path.insert(0, '/work/notes/evalsets/dev')
from load import load_all, rdate, disp, loinc

PATS = load_all()
MON = ['January','February','March','April','May','June','July','August','September','October','November','December']
MAB = ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec']

def ordsuf(d):
    return 'th' if 10 <= d % 100 <= 20 else {1:'st',2:'nd',3:'rd'}.get(d % 10, 'th')

FULL_STYLES = ['iso','us','eu','dot','dmy_abbr','mdy_abbr','mdy_full','dmy_full','ord','the_ord','mdy_abbr_dot']
PART_STYLES = ['month_abbr','month_full','year','mid','early','late']

def fmt_date(iso, style):
    """Return (text, prep) or None if the style does not suit the date."""
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    if style == 'iso': return iso, 'on'
    if style in ('us','eu','dot') and d <= 12: return None
    if style == 'us': return f'{m:02d}/{d:02d}/{y}', 'on'
    if style == 'eu': return f'{d:02d}/{m:02d}/{y}', 'on'
    if style == 'dot': return f'{d:02d}.{m:02d}.{y}', 'on'
    if style == 'dmy_abbr': return f'{d} {MAB[m-1]} {y}', 'on'
    if style == 'mdy_abbr': return f'{MAB[m-1]} {d}, {y}', 'on'
    if style == 'mdy_abbr_dot':
        if m == 5: return None
        return f'{MAB[m-1]}. {d}, {y}', 'on'
    if style == 'mdy_full': return f'{MON[m-1]} {d}, {y}', 'on'
    if style == 'dmy_full': return f'{d} {MON[m-1]} {y}', 'on'
    if style == 'ord': return f'{MON[m-1]} {d}{ordsuf(d)} {y}', 'on'
    if style == 'the_ord': return f'the {d}{ordsuf(d)} of {MON[m-1]} {y}', 'on'
    if style == 'month_abbr': return f'{MAB[m-1]} {y}', 'in'
    if style == 'month_full': return f'{MON[m-1]} {y}', 'in'
    if style == 'year': return f'{y}', 'in'
    if style == 'mid':
        if m not in (6, 7): return None
        return f'mid-{y}', 'in'
    if style == 'early':
        if m not in (1, 2): return None
        return f'early {y}', 'in'
    if style == 'late':
        if m not in (11, 12): return None
        return f'late {y}', 'in'
    raise ValueError(style)

def any_date(rng, iso, full=False, styles=None):
    st = list(styles or (FULL_STYLES if full else FULL_STYLES + PART_STYLES + ['iso', 'dmy_abbr', 'mdy_full']))
    rng.shuffle(st)
    for s in st:
        r = fmt_date(iso, s)
        if r: return r[0], r[1], s
    return iso, 'on', 'iso'

def shift_date(iso, kind, rng):
    d = datetime.date.fromisoformat(iso)
    if kind == 'day':
        return (d + datetime.timedelta(days=rng.choice([-1, 1]))).isoformat()
    if kind == 'month':
        m = d.month + rng.choice([-1, 1]); y = d.year
        if m == 0: m, y = 12, y - 1
        if m == 13: m, y = 1, y + 1
        dd = min(d.day, 28)
        return datetime.date(y, m, dd).isoformat() if d.day <= 28 else None
    if kind == 'year':
        y = d.year + rng.choice([-1, 1])
        try: return d.replace(year=y).isoformat()
        except ValueError: return None
    if kind == 'swap':
        if d.day > 12 or d.day == d.month: return None
        return datetime.date(d.year, d.day, d.month).isoformat()
    raise ValueError(kind)

def nf(v, prec):
    s = f'{v:.{prec}f}'
    if s.startswith('-0') and float(s) == 0: s = s[1:]
    return s

def safe_round(v, prec):
    """True when v is not close to a rounding boundary at this precision."""
    x = abs(v) * 10 ** prec
    frac = x - math.floor(x)
    return abs(frac - 0.5) > 0.12

def wrong_val(rng, v, prec, minrel=0.06):
    """a plausible but false value: 7-30 % away, and at least 2.5 units of the last written digit"""
    ulp = 10 ** -prec
    for _ in range(60):
        f = rng.uniform(max(minrel, 0.07), 0.22)
        w = v * (1 + f) if rng.random() < 0.5 else v * (1 - f)
        w = round(w, prec)
        if abs(w - v) >= max(2.5 * ulp, minrel * abs(v)) and w > 0:
            return w
    return None


def age_at(P, iso):
    b = datetime.date.fromisoformat(P['patient']['birthDate'])
    d = datetime.date.fromisoformat(iso)
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

def is_dead(P):
    return 'deceasedDateTime' in P['patient']

def series(P, code, display=None):
    out = []
    for r in P['by'].get('observation', {}).values():
        if loinc(r) == code and 'valueQuantity' in r and (display is None or disp(r) == display):
            out.append(dict(id=r['id'], date=rdate(r), v=r['valueQuantity']['value'], unit=r['valueQuantity'].get('unit'), disp=disp(r)))
    out.sort(key=lambda x: x['date'])
    return out

def bps(P):
    out = []
    for r in P['by'].get('observation', {}).values():
        if loinc(r) == '55284-4':
            si = [i for i, c in enumerate(r['component']) if c['code']['coding'][0]['code'] == '8480-6'][0]
            di = [i for i, c in enumerate(r['component']) if c['code']['coding'][0]['code'] == '8462-4'][0]
            out.append(dict(id=r['id'], date=rdate(r), sys=r['component'][si]['valueQuantity']['value'],
                            dia=r['component'][di]['valueQuantity']['value'], si=si, di=di))
    out.sort(key=lambda x: x['date'])
    return out

def code_dates(P, code):
    return sorted(rdate(r) for r in P['by'].get('observation', {}).values() if loinc(r) == code)

def is_latest(P, code, rid):
    ds = [(rdate(r), r['id']) for r in P['by'].get('observation', {}).values() if loinc(r) == code]
    mx = max(d for d, _ in ds)
    top = [i for d, i in ds if d == mx]
    return top == [rid]

def recs(P, kind):
    return sorted(P['by'].get(kind, {}).values(), key=lambda r: rdate(r) or '')

def smoking(P):
    out = []
    for r in P['by'].get('observation', {}).values():
        if loinc(r) == '72166-2':
            out.append(dict(id=r['id'], date=rdate(r), s=r['valueCodeableConcept']['coding'][0]['display']))
    out.sort(key=lambda x: x['date'])
    return out
