# shared loading + formatting helpers for the generator (NOT used by validate.py)
import json, glob, datetime, os
DATA = '/work/shared/data/synthea'
MONTHS = ['January','February','March','April','May','June','July','August','September','October','November','December']

def load():
    pats = []
    for f in sorted(glob.glob(os.path.join(DATA, '*.json'))):
        b = json.load(open(f))
        rs = [e['resource'] for e in b['entry']]
        P = {'file': os.path.basename(f), 'obs': [], 'cond': [], 'med': [], 'allergy': [], 'enc': [], 'imm': [], 'proc': [], 'smoke': []}
        for r in rs:
            t = r['resourceType']
            if t == 'Patient':
                P['id'] = r['id']; P['name'] = r['name'][0]['given'][0] + ' ' + r['name'][0]['family']
                P['birth'] = r['birthDate']; P['dead'] = r.get('deceasedDateTime'); P['sex'] = r.get('gender')
            elif t == 'Observation':
                c = r['code']['coding'][0]['code']; d = r['effectiveDateTime'][:10]
                if 'valueQuantity' in r:
                    P['obs'].append(dict(id=r['id'], cite=r['id'], code=c, date=d, v=r['valueQuantity']['value'], unit=r['valueQuantity'].get('unit')))
                elif 'component' in r:
                    for i, comp in enumerate(r['component']):
                        if 'valueQuantity' in comp:
                            P['obs'].append(dict(id=r['id'], cite=r['id'] + '#' + str(i), code=comp['code']['coding'][0]['code'], date=d, v=comp['valueQuantity']['value'], unit=comp['valueQuantity'].get('unit'), panel=True))
                elif 'valueCodeableConcept' in r and c == '72166-2':
                    P['smoke'].append(dict(id=r['id'], date=d, v=r['valueCodeableConcept']['coding'][0]['display']))
            elif t == 'Condition':
                P['cond'].append(dict(id=r['id'], code=r['code']['coding'][0]['code'], name=r['code']['coding'][0]['display'], date=r['onsetDateTime'][:10], status=r['clinicalStatus']['coding'][0]['code'], end=(r.get('abatementDateTime') or '')[:10]))
            elif t == 'MedicationRequest':
                P['med'].append(dict(id=r['id'], code=r['medicationCodeableConcept']['coding'][0]['code'], name=r['medicationCodeableConcept']['coding'][0]['display'], date=r['authoredOn'][:10], status=r['status']))
            elif t == 'AllergyIntolerance':
                P['allergy'].append(dict(id=r['id'], name=r['code']['coding'][0]['display']))
            elif t == 'Encounter':
                P['enc'].append(dict(id=r['id'], name=r['type'][0]['coding'][0]['display'], date=r['period']['start'][:10]))
            elif t == 'Immunization':
                P['imm'].append(dict(id=r['id'], name=r['vaccineCode']['coding'][0]['display'], date=r['occurrenceDateTime'][:10]))
            elif t == 'Procedure':
                P['proc'].append(dict(id=r['id'], name=r['code']['coding'][0]['display'], date=(r.get('performedDateTime') or r['performedPeriod']['start'])[:10]))
        pats.append(P)
    return pats

def dparse(s):
    return datetime.date(int(s[:4]), int(s[5:7]), int(s[8:10]))

def ordinal(n):
    return str(n) + ('th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th'))

DAY_STYLES = ['iso', 'us', 'uk', 'dmy_short', 'mdy_short', 'long_ord', 'the_of', 'dmy_long', 'dot', 'dmy2', 'mdy_long']

def fmt_day(s, style):
    d = dparse(s); M = MONTHS[d.month - 1]; m3 = M[:3]
    if style in ('us', 'uk', 'dot') and d.day <= 12:
        style = 'dmy_short'
    return {
        'iso': s,
        'us': '%02d/%02d/%d' % (d.month, d.day, d.year),
        'uk': '%02d/%02d/%d' % (d.day, d.month, d.year),
        'dot': '%02d.%02d.%d' % (d.day, d.month, d.year),
        'dmy_short': '%d %s %d' % (d.day, m3, d.year),
        'mdy_short': '%s %d, %d' % (m3, d.day, d.year),
        'long_ord': '%s %s %d' % (M, ordinal(d.day), d.year),
        'the_of': 'the %s of %s %d' % (ordinal(d.day), M, d.year),
        'dmy_long': '%d %s %d' % (d.day, M, d.year),
        'mdy_long': '%s %d, %d' % (M, d.day, d.year),
        'dmy2': '%d-%s-%d' % (d.day, m3, d.year),
    }[style]

def fmt_month(s, style=0):
    d = dparse(s)
    return ['%s %d' % (MONTHS[d.month - 1][:3], d.year), '%s %d' % (MONTHS[d.month - 1], d.year), '%02d/%d' % (d.month, d.year)][style % 3]

def shift(s, kind, rng):
    """return a wrong day (ISO) for date s"""
    d = dparse(s)
    if kind == 'day':
        d2 = d + datetime.timedelta(days=rng.choice([-1, 1]))
    elif kind == 'month':
        mm = d.month + rng.choice([-1, 1]); y = d.year
        if mm == 0: mm, y = 12, y - 1
        if mm == 13: mm, y = 1, y + 1
        d2 = datetime.date(y, mm, min(d.day, 28))
    elif kind == 'year':
        d2 = datetime.date(d.year + rng.choice([-1, 1]), d.month, min(d.day, 28))
    elif kind == 'swap':
        if d.day > 12 or d.day == d.month: return None
        d2 = datetime.date(d.year, d.day, min(d.month, 28))
    return d2.isoformat()

def fnum(v, prec):
    if prec <= 0:
        r = round(v, prec) if prec < 0 else round(v)
        return str(int(r))
    return ('%.' + str(prec) + 'f') % v
