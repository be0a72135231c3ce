"""Category: units (unit spellings and conversions)."""
from common import *

def robust(vals_by_factor, dec):
    """all factor variants round to the same string at dec?"""
    return len({f(v, dec) for v in vals_by_factor}) == 1

def pick_dec(variants, decs):
    for d in decs:
        if robust(variants, d): return d
    return None

# each spec: analyte -> list of converters (name, unit text options, canon, variants(x)->list, decs, wrong-unit text)
CONV = {
 'temp': [('F', ['°F', 'F', 'deg F', 'degrees Fahrenheit'], 'F', lambda x: [c2f(x)], [1])],
 'weight': [('lb', ['lb', 'lbs', 'pounds'], 'lb', lambda x: [x * 2.20462, x * 2.2046], [0, 1])],
 'height': [('in', ['in', 'inches', '"'], 'in', lambda x: [x / 2.54], [0, 1]), ('m', ['m', 'metres', 'meters'], 'm', lambda x: [x / 100], [2])],
 'glucose': [('mmol', ['mmol/L', 'mmol/l'], 'mmol/L', lambda x: [x / 18.016, x / 18.0], [1])],
 'ldl': [('mmol', ['mmol/L'], 'mmol/L', lambda x: [x / 38.67, x / 38.61], [1, 2])],
 'hdl': [('mmol', ['mmol/L'], 'mmol/L', lambda x: [x / 38.67, x / 38.61], [1, 2])],
 'tc': [('mmol', ['mmol/L'], 'mmol/L', lambda x: [x / 38.67, x / 38.61], [1, 2])],
 'tg': [('mmol', ['mmol/L'], 'mmol/L', lambda x: [x / 88.57, x / 88.5], [1, 2])],
 'cr': [('umol', ['µmol/L', 'umol/L', 'micromol/L'], 'umol/L', lambda x: [x * 88.42, x * 88.4], [0])],
 'hgb': [('gl', ['g/L'], 'g/L', lambda x: [x * 10], [0])],
 'a1c': [('ifcc', ['mmol/mol'], 'mmol/mol', lambda x: [(x - 2.15) * 10.929, (x - 2.152) * 10.93], [0])],
 'ca': [('mmol', ['mmol/L'], 'mmol/L', lambda x: [x * 0.2495, x * 0.25], [2, 1])],
}
# pure unit-spelling equivalents (no numeric change)
SPELL = {
 'na': [('mEq/L', 'mEq/L'), ('mmol/L', 'mmol/L')], 'k': [('mEq/L', 'mEq/L'), ('mmol/l', 'mmol/L')],
 'cl': [('mEq/L', 'mEq/L')], 'co2': [('mEq/L', 'mEq/L')],
 'wbc': [('x10^9/L', '10^9/L'), ('×10⁹/L', '10^9/L'), ('K/µL', 'K/uL'), ('10^3/uL', '10^3/uL')],
 'plt': [('x 10^9/L', '10^9/L'), ('K/uL', 'K/uL'), ('×10³/µL', '10^3/uL')],
 'rbc': [('x10^12/L', '10^12/L'), ('10^6/uL', '10^6/uL')],
 'egfr': [('mL/min/1.73 m²', 'mL/min/1.73m2'), ('mL/min/1.73m2', 'mL/min/1.73m2'), ('ml/min/1.73 m2', 'mL/min/1.73m2')],
 'psa': [('ng/mL', 'ng/mL'), ('µg/L', 'ug/L')],
 'temp': [('°C', 'C'), ('deg C', 'C'), ('degrees Celsius', 'C'), ('C', 'C')],
 'glucose': [('mg/dl', 'mg/dL'), ('mg/dL', 'mg/dL')],
 'hgb': [('g/dl', 'g/dL'), ('g/dL', 'g/dL')],
}
# wrong-unit variants: the record value written with a unit it is not in (no conversion)
WRONGU = {
 'temp': [('°F', 'F')], 'weight': [('lb', 'lb')], 'height': [('in', 'in')], 'glucose': [('mmol/L', 'mmol/L')],
 'ldl': [('mmol/L', 'mmol/L')], 'tc': [('mmol/L', 'mmol/L')], 'cr': [('µmol/L', 'umol/L'), ('mmol/L', 'mmol/L')],
 'hgb': [('g/L', 'g/L')], 'a1c': [('mmol/mol', 'mmol/mol')], 'egfr': [('mL/s', 'mL/s'), ('mL/min', 'mL/min')],
 'k': [('mg/dL', 'mg/dL')], 'ca': [('mmol/L', 'mmol/L')], 'plt': [('x10^6/uL', '10^6/uL')], 'wbc': [('x10^6/uL', '10^6/uL')],
}
NAME = {'temp': ['Temp', 'T', 'Oral temp'], 'weight': ['Weight', 'Wt'], 'height': ['Height', 'Ht'], 'glucose': ['Glucose', 'BG'],
        'ldl': ['LDL', 'LDL-C'], 'hdl': ['HDL'], 'tc': ['Total cholesterol', 'TC'], 'tg': ['Triglycerides', 'TG'],
        'cr': ['Creatinine', 'Cr'], 'hgb': ['Hb', 'Hemoglobin', 'Haemoglobin'], 'a1c': ['HbA1c', 'A1c'], 'ca': ['Calcium'],
        'na': ['Sodium', 'Na'], 'k': ['Potassium', 'K'], 'cl': ['Chloride'], 'co2': ['Bicarb'], 'wbc': ['WBC'], 'plt': ['Platelets'],
        'rbc': ['RBC'], 'egfr': ['eGFR'], 'psa': ['PSA']}
NATIVE = {'temp': ('°C', 'C', 1), 'weight': ('kg', 'kg', 1), 'height': ('cm', 'cm', 0), 'glucose': ('mg/dL', 'mg/dL', 0),
          'ldl': ('mg/dL', 'mg/dL', 0), 'hdl': ('mg/dL', 'mg/dL', 0), 'tc': ('mg/dL', 'mg/dL', 0), 'tg': ('mg/dL', 'mg/dL', 0),
          'cr': ('mg/dL', 'mg/dL', 2), 'hgb': ('g/dL', 'g/dL', 1), 'a1c': ('%', '%', 1), 'ca': ('mg/dL', 'mg/dL', 1),
          'na': ('mmol/L', 'mmol/L', 0), 'k': ('mmol/L', 'mmol/L', 1), 'cl': ('mmol/L', 'mmol/L', 0), 'co2': ('mmol/L', 'mmol/L', 0),
          'wbc': ('10^3/uL', '10^3/uL', 1), 'plt': ('10^3/uL', '10^3/uL', 0), 'rbc': ('10^6/uL', '10^6/uL', 2),
          'egfr': ('mL/min/1.73m2', 'mL/min/1.73m2', 0), 'psa': ('ng/mL', 'ng/mL', 2)}

T2 = [  # two renderings: converted (a) and native (b)
 lambda pt, n, a, b, ds: f"{n} {a} ({b}) on {ds}.",
 lambda pt, n, a, b, ds: f"{ds}: {n} {b}, i.e. {a}.",
 lambda pt, n, a, b, ds: f"{pt.His} {n.lower() if len(n) > 3 else n} was {a} ({b}) at the {ds} visit.",
 lambda pt, n, a, b, ds: f"{n} {b} = {a} ({ds})",
 lambda pt, n, a, b, ds: f"In SI-ish terms: {n} {a} on {ds} (reported as {b}).",
 lambda pt, n, a, b, ds: f"{n}: {a} [{b}], {ds}",
]
T1 = [  # single value with unit
 lambda pt, n, a, ds: f"{n} {a} on {ds}.",
 lambda pt, n, a, ds: f"{ds} — {n} {a}",
 lambda pt, n, a, ds: f"{pt.His} {n if len(n) <= 4 else n.lower()} measured {a} ({ds}).",
 lambda pt, n, a, ds: f"Recorded {n.lower() if len(n) > 4 else n}: {a}, {ds}.",
 lambda pt, n, a, ds: f"Result on {ds}: {n} {a}.",
 lambda pt, n, a, ds: f"{n} was {a} when checked {ds}.",
]

def gen():
    r = rng(404)
    pool = []
    for key in PTS:
        pt = P(key)
        for an in sorted(set(CONV) | set(SPELL)):
            xs = [o for o in pt.p.obs.get(an, []) if sum(1 for y in pt.p.obs[an] if y['date'] == o['date']) == 1]
            if an == 'weight' or an == 'height':
                xs = [o for o in xs if o['value'] > 20]
            if an == 'a1c': xs = [o for o in xs if o['value'] > 4.5]
            if xs: pool.append((pt, an, r.choice(xs)))
    r.shuffle(pool)
    # favour conversions: temps first
    pool.sort(key=lambda x: 0 if x[1] == 'temp' else 1)
    per = collections.Counter(); anc = collections.Counter(); chosen = []
    for pt, an, o in pool:
        lim = 4 if pt.key in ('vito_feeney', 'evelyn_mccullough') else 3
        if per[pt.key] >= lim or anc[an] >= 6: continue
        per[pt.key] += 1; anc[an] += 1; chosen.append((pt, an, o))
        if len(chosen) >= 60: break
    t2 = Cycler(range(len(T2)), 1); t1 = Cycler(range(len(T1)), 2)
    sty = Cycler(['iso', 'dmy', 'mdy', 'ord', 'dash', 'dmy_full', 'slash_iso'], 3)
    for i, (pt, an, o) in enumerate(chosen):
        label = 'correct' if i % 2 == 0 else 'wrong'
        x = o['value']
        ds, dv = fmt_date(o['date'], sty.next())
        nm = r.choice(NAME[an])
        nu_txt, nu_can, ndec = NATIVE[an]
        native_s = f"{f(x, ndec)} {nu_txt}"
        asserts = [A_date(o['id'], ds, dv)]
        kind = None
        if an in CONV and (label == 'correct' or i % 4 == 1 or an not in WRONGU):
            cv = r.choice(CONV[an]); cname, utexts, ucan, fn, decs = cv
            d = pick_dec(fn(x), decs)
            if d is None: d = decs[-1]
            val = fn(x)[0]
            if label == 'wrong':
                # mis-converted value: typical slips (forgot +32, used 2.0 for lb, factor 10 error ...)
                bad = {'F': x * 9 / 5, 'lb': x * 2.0, 'in': x / 2.0, 'm': x / 100 * 1.07, 'mmol/L': val * 1.5, 'umol/L': x * 8.842,
                       'g/L': x, 'mmol/mol': val + 8}[ucan]
                if ucan == 'g/L': bad = x * 11
                if an in ('glucose', 'ldl', 'hdl', 'tc', 'tg', 'ca') and ucan == 'mmol/L': bad = val * 1.35
                val = bad
                kind = 'misconverted'
            ut = r.choice(utexts)
            vs = f(val, d)
            conv_s = f"{vs}{ut}" if ut == '"' else f"{vs} {ut}"
            asserts.append(A_val(o['id'], an, conv_s, float(vs), ucan))
            if i % 3 == 0:
                t = T2[t2.next()](pt, nm, conv_s, native_s, ds)
                asserts.append(A_val(o['id'], an, native_s, float(f(x, ndec)), nu_can))
            else:
                t = T1[t1.next()](pt, nm, conv_s, ds)
            why = (f"{an} {x:.3f} {o['unit']} on {o['date']} = {fn(x)[0]:.3f} {ucan}" if label == 'correct'
                   else f"{an} is {x:.3f} {o['unit']} = {fn(x)[0]:.2f} {ucan}; claim's {vs} {ucan} is a mis-conversion")
        elif label == 'correct':
            ut, ucan = r.choice(SPELL[an])
            vs = f(x, ndec)
            s = f"{vs} {ut}"
            asserts.append(A_val(o['id'], an, s, float(vs), ucan))
            t = T1[t1.next()](pt, nm, s, ds)
            why = f"{an} {x:.3f} {o['unit']} on {o['date']}; '{ut}' is an equivalent spelling/unit"
        else:
            if an not in WRONGU: continue
            ut, ucan = r.choice(WRONGU[an])
            vs = f(x, ndec)
            s = f"{vs} {ut}"
            asserts.append(A_val(o['id'], an, s, float(vs), ucan))
            t = T1[t1.next()](pt, nm, s, ds)
            why = f"{an} is {x:.3f} {o['unit']}; the number is right but the unit '{ut}' is wrong (no conversion applied)"
            kind = 'wrongunit'
        add('units', label, pt, t, [o['id']], why, asserts)
    # blood pressure unit spellings (correct) and a few mmHg-vs-kPa slips (wrong)
    bpu = [('mmHg', 'mmHg'), ('mm Hg', 'mmHg'), ('mm[Hg]', 'mmHg')]
    keys = list(PTS); r.shuffle(keys)
    for j, key in enumerate(keys[:8]):
        pt = P(key); o = r.choice(pt.p.obs['bp'])
        ds, dv = fmt_date(o['date'], ['iso', 'dmy', 'mdy_full', 'ord'][j % 4])
        label = 'correct' if j % 2 == 0 else 'wrong'
        s_, d_ = f(o['sys'], 0), f(o['dia'], 0)
        if label == 'correct':
            ut = bpu[j % 3][0]
            t = [f"BP {s_}/{d_} {ut} on {ds}.", f"{ds}: blood pressure {s_}/{d_} {ut}", f"Seated BP was {s_}/{d_} {ut} ({ds}).",
                 f"BP on {ds} {s_}/{d_} {ut}"][j % 4]
            asserts = [A_date(o['id'], ds, dv), A_val(o['id'], 'sbp', s_, float(s_), 'mmHg'), A_val(o['id'], 'dbp', d_, float(d_), 'mmHg')]
            why = f"BP panel {o['date']}: systolic {o['sys']:.0f}, diastolic {o['dia']:.0f} mm[Hg]; {ut} is the same unit"
        else:
            ut = ['kPa', 'cmH2O', 'kPa', 'cm H2O'][(j // 2) % 4]; uc = ut.replace(' ', '')
            t = [f"BP {s_}/{d_} {ut} on {ds}.", f"{ds}: blood pressure {s_}/{d_} {ut}", f"Seated BP was {s_}/{d_} {ut} ({ds}).",
                 f"BP on {ds} {s_}/{d_} {ut}"][j % 4]
            asserts = [A_date(o['id'], ds, dv), A_val(o['id'], 'sbp', s_, float(s_), uc), A_val(o['id'], 'dbp', d_, float(d_), uc)]
            why = f"BP is {o['sys']:.0f}/{o['dia']:.0f} mm[Hg]; the same numbers in {ut} are wrong (1 kPa = 7.5 mmHg; 1 cmH2O = 0.74 mmHg)"
        add('units', label, pt, t, [o['id']], why, asserts)

import collections
