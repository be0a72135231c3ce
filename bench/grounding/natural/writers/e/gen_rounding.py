"""Category: rounding / approximate values."""
from common import *
import math

NM = {'ldl': ['LDL', 'LDL cholesterol'], 'hdl': ['HDL'], 'tc': ['total cholesterol', 'TC'], 'tg': ['triglycerides', 'TG'],
      'glucose': ['glucose', 'blood sugar'], 'a1c': ['A1c', 'HbA1c'], 'weight': ['weight', 'body weight'], 'bmi': ['BMI'],
      'egfr': ['eGFR'], 'hgb': ['hemoglobin', 'Hb'], 'plt': ['platelet count', 'platelets'], 'cr': ['creatinine'],
      'na': ['sodium'], 'k': ['potassium'], 'temp': ['temperature', 'temp'], 'height': ['height'], 'wbc': ['WBC'],
      'uacr': ['urine ACR'], 'psa': ['PSA'], 'ntprobnp': ['NT-proBNP'], 'lvef': ['ejection fraction'], 'mmse': ['MMSE score']}
UT = {'ldl': 'mg/dL', 'hdl': 'mg/dL', 'tc': 'mg/dL', 'tg': 'mg/dL', 'glucose': 'mg/dL', 'a1c': '%', 'weight': 'kg', 'bmi': 'kg/m2',
      'egfr': 'mL/min/1.73m2', 'hgb': 'g/dL', 'plt': 'K/uL', 'cr': 'mg/dL', 'na': 'mmol/L', 'k': 'mmol/L', 'temp': '°C',
      'height': 'cm', 'wbc': 'K/uL', 'uacr': 'mg/g', 'psa': 'ng/mL', 'ntprobnp': 'pg/mL', 'lvef': '%', 'mmse': ''}
UC = {'plt': 'K/uL', 'wbc': 'K/uL', 'temp': 'C', 'mmse': ''}
# rounding step used for "about" claims per analyte (value shown at that step)
STEP = {'ldl': [1, 5, 10], 'hdl': [1, 5], 'tc': [1, 5, 10], 'tg': [1, 5, 10], 'glucose': [1, 5], 'a1c': [0.1], 'weight': [1],
        'bmi': [1], 'egfr': [1, 5], 'hgb': [1, 0.1], 'plt': [10, 5], 'cr': [0.1], 'na': [1], 'k': [0.1], 'temp': [0.1, 1],
        'height': [1, 5], 'wbc': [1, 0.1], 'uacr': [1], 'psa': [1, 0.1], 'ntprobnp': [10, 50], 'lvef': [1], 'mmse': [1]}

def about_ok(x, s):
    """would 'about s' be accepted for true value x? (trailing zeros may mean rounding to 10/5)"""
    v = float(s); dec = len(s.split('.')[1]) if '.' in s else 0
    p = 10 ** (-dec) if dec > 0 else (10 if v % 10 == 0 else 5 if v % 5 == 0 else 1)
    return abs(x - v) <= p / 2 + 1e-9 or abs(x - v) <= 0.025 * abs(x)

def nice(v, step):
    x = round(v / step) * step
    if step >= 1: return str(int(round(x)))
    d = 1 if step >= 0.1 else 2
    return f"{x:.{d}f}"

TA = [  # about-style correct/wrong templates: (text, q-word)
 lambda pt, n, s, u, ds: f"{n[0].upper()+n[1:]} about {s} {u} ({ds}).",
 lambda pt, n, s, u, ds: f"{pt.His} {n} was roughly {s} {u} on {ds}.",
 lambda pt, n, s, u, ds: f"~{s} {u} {n} on {ds}",
 lambda pt, n, s, u, ds: f"{n[0].upper()+n[1:]} approx. {s} {u}, checked {ds}.",
 lambda pt, n, s, u, ds: f"On {ds} the {n} came in around {s} {u}.",
 lambda pt, n, s, u, ds: f"Ballpark {n} on {ds}: {s} {u}.",
 lambda pt, n, s, u, ds: f"{n[0].upper()+n[1:]} ≈ {s} {u} ({ds})",
 lambda pt, n, s, u, ds: f"{pt.His} {n} sat at approximately {s} {u} on {ds}.",
 lambda pt, n, s, u, ds: f"Looks like {n} was about {s} {u} at the {ds} draw.",
]
TQ = {  # qualifier templates
 'lt_near': [lambda pt, n, s, u, ds: f"{n[0].upper()+n[1:]} just under {s} {u} on {ds}.",
             lambda pt, n, s, u, ds: f"{pt.His} {n} was a shade below {s} {u} ({ds}).",
             lambda pt, n, s, u, ds: f"Nearly {s} {u} — that was the {n} on {ds}."],
 'gt_near': [lambda pt, n, s, u, ds: f"{n[0].upper()+n[1:]} slightly over {s} {u} on {ds}.",
             lambda pt, n, s, u, ds: f"{pt.His} {n} was just above {s} {u} ({ds}).",
             lambda pt, n, s, u, ds: f"A little over {s} {u} for the {n} on {ds}."],
 'range': [lambda pt, n, s, u, ds: f"{n[0].upper()+n[1:]} in the {s} on {ds}.",
           lambda pt, n, s, u, ds: f"{pt.His} {n} ran in the {s} ({ds}).",
           lambda pt, n, s, u, ds: f"On {ds}, {n} was somewhere in the {s}."],
}

def gen():
    r = rng(505)
    pool = []
    for key in PTS:
        pt = P(key)
        for an in STEP:
            xs = [o for o in pt.p.obs.get(an, []) if sum(1 for y in pt.p.obs[an] if y['date'] == o['date']) == 1]
            if an == 'a1c': xs = [o for o in xs if o['value'] > 4]
            if an in ('weight', 'height'): xs = [o for o in xs if o['value'] > 20]
            if xs: pool.append((pt, an, r.choice(xs)))
    r.shuffle(pool)
    per = collections.Counter(); anc = collections.Counter(); chosen = []
    for pt, an, o in pool:
        lim = 5 if pt.key in ('vito_feeney', 'evelyn_mccullough') else 3
        if per[pt.key] >= lim or anc[an] >= 5: continue
        per[pt.key] += 1; anc[an] += 1; chosen.append((pt, an, o))
        if len(chosen) >= 62: break
    ta = Cycler(range(len(TA)), 1); tq = {k: Cycler(range(3), 2 + i) for i, k in enumerate(TQ)}
    kinds = Cycler(['about', 'about', 'lt_near', 'gt_near', 'range', 'about'], 3)
    sty = Cycler(['dmy', 'iso', 'mdy', 'month', 'ord', 'us', 'year'], 4)
    for i, (pt, an, o) in enumerate(chosen):
        label = 'correct' if i % 2 == 0 else 'wrong'
        x = o['value']; n = r.choice(NM[an]); u = UT[an]; uc = UC.get(an, u)
        st = sty.next()
        if st == 'us' and int(o['date'][8:]) <= 12: st = 'dmy'
        ds, dv = fmt_date(o['date'], st)
        kind = kinds.next()
        if kind == 'range' and not (x >= 20 and an not in ('a1c', 'k', 'cr', 'temp', 'hgb', 'wbc', 'bmi', 'psa')): kind = 'about'
        if kind in ('lt_near', 'gt_near') and an in ('mmse',): kind = 'about'
        if kind == 'about':
            step = r.choice(STEP[an])
            if label == 'correct':
                s = nice(x, step)
                why = f"{an} = {x:.3f} {o['unit']} on {o['date']}; rounds to {s} (nearest {step})"
            else:
                # a plausible but wrong approximation: 7-15% off and beyond the rounding step
                for fac in r.sample([1.09, 0.9, 1.12, 0.88, 1.15, 0.86], 6):
                    s = nice(x * fac, step)
                    if abs(float(s) - x) > max(step, 0.05 * abs(x)) and not about_ok(x, s) and abs(float(s) - x) > 0.06 * abs(x): break
                why = f"{an} = {x:.3f} {o['unit']} on {o['date']}; 'about {s}' is too far off (nearest {step} would be {nice(x, step)})"
            t = TA[ta.next()](pt, n, s, u, ds)
            sv = f"{s} {u}".strip()
            asserts = [A_val(o['id'], an, sv, float(s), uc, 'about'), A_date(o['id'], ds, dv)]
        elif kind in ('lt_near', 'gt_near'):
            # nearest round number; the true side of it is 'just under'/'just over'
            step = 10 if x >= 50 else 1 if x >= 5 else 0.5
            thr = round(x / step) * step
            if thr == x: thr += step
            side = 'lt_near' if x < thr else 'gt_near'
            want = side if label == 'correct' else ('gt_near' if side == 'lt_near' else 'lt_near')
            if label == 'wrong' and (abs(thr - x) < 0.015 * thr or (an == 'temp' and abs(thr - x) < 0.15)):
                step = STEP[an][0]
                for fac in (1.1, 0.9, 1.14, 0.87):
                    s = nice(x * fac, step)
                    if abs(float(s) - x) > max(step, 0.05 * abs(x)) and not about_ok(x, s) and abs(float(s) - x) > 0.06 * abs(x): break
                t = TA[ta.next()](pt, n, s, u, ds)
                asserts = [A_val(o['id'], an, f"{s} {u}".strip(), float(s), uc, 'about'), A_date(o['id'], ds, dv)]
                why = f"{an} = {x:.3f} {o['unit']} on {o['date']}; 'about {s}' is too far off (nearest {step} would be {nice(x, step)})"
                add('rounding', label, pt, t.replace('  ', ' '), [o['id']], why, asserts); continue
            if label == 'correct' and abs(thr - x) > 0.05 * thr:
                s = nice(x, STEP[an][0]); t = TA[ta.next()](pt, n, s, u, ds)
                asserts = [A_val(o['id'], an, f"{s} {u}".strip(), float(s), uc, 'about'), A_date(o['id'], ds, dv)]
                why = f"{an} = {x:.3f} {o['unit']} on {o['date']}; rounds to {s}"
                add('rounding', label, pt, t, [o['id']], why, asserts); continue
            s = str(int(thr)) if thr == int(thr) else f"{thr:.1f}"
            t = TQ[want][tq[want].next()](pt, n, s, u, ds)
            asserts = [A_val(o['id'], an, f"{s} {u}".strip(), float(s), uc, want), A_date(o['id'], ds, dv)]
            word = 'just under' if want == 'lt_near' else 'just over'
            why = (f"{an} = {x:.3f} {o['unit']} on {o['date']}: {word} {s} is right" if label == 'correct'
                   else f"{an} = {x:.3f} {o['unit']} on {o['date']} is on the other side of {s}; '{word} {s}' is false")
        else:
            dec = int(x // 10) * 10
            if label == 'wrong':
                dec = dec + 10 if (x - int(x // 10) * 10) >= 5 else dec - 10
            low, hi = dec, dec + 10
            # high/mid/low part of the decade
            part = 'high' if label == 'correct' and x - dec >= 7 else 'low' if label == 'correct' and x - dec < 3.5 else 'mid'
            if label == 'wrong': part = r.choice(['high', 'low', 'mid'])
            lo2, hi2 = {'high': (dec + 7, dec + 10), 'low': (dec, dec + 3.5), 'mid': (dec + 3.5, dec + 7)}[part]
            s = f"{part} {dec}s" if dec < 100 or dec % 100 else f"{part} {dec}s"
            if part == 'mid' and label == 'correct':
                s = f"mid {dec}s"
            t = TQ['range'][tq['range'].next()](pt, n, s + (f" ({u})" if u else ''), '', ds).replace('  ', ' ').replace(' on', ' on').replace(' ()', '')
            t = t.replace(' .', '.')
            asserts = [A_val(o['id'], an, s, float(dec), uc, 'range', lo2, hi2), A_date(o['id'], ds, dv)]
            why = (f"{an} = {x:.3f} {o['unit']} on {o['date']}, within {lo2}-{hi2} ('{s}')" if label == 'correct'
                   else f"{an} = {x:.3f} {o['unit']} on {o['date']}, not in the {s} ({lo2}-{hi2})")
        add('rounding', label, pt, t.replace('  ', ' '), [o['id']], why, asserts)

import collections
