"""Category: trends (rose / fell / stable between two dated values)."""
from common import *

NM = {'ldl': 'LDL', 'hdl': 'HDL', 'tc': 'total cholesterol', 'tg': 'triglycerides', 'a1c': 'A1c', 'weight': 'weight', 'bmi': 'BMI',
      'egfr': 'eGFR', 'hgb': 'hemoglobin', 'plt': 'platelets', 'cr': 'creatinine', 'glucose': 'glucose', 'mmse': 'MMSE',
      'uacr': 'urine albumin/creatinine ratio', 'height': 'height', 'psa': 'PSA', 'wbc': 'WBC', 'sbp': 'systolic BP', 'alp': 'alk phos'}
U = {'ldl': 'mg/dL', 'hdl': 'mg/dL', 'tc': 'mg/dL', 'tg': 'mg/dL', 'a1c': '%', 'weight': 'kg', 'bmi': 'kg/m2', 'egfr': '', 'hgb': 'g/dL',
     'plt': 'K/uL', 'cr': 'mg/dL', 'glucose': 'mg/dL', 'mmse': '', 'uacr': 'mg/g', 'height': 'cm', 'psa': 'ng/mL', 'wbc': 'K/uL',
     'sbp': 'mmHg', 'alp': 'U/L'}
UC = {'plt': 'K/uL', 'wbc': 'K/uL', 'egfr': 'mL/min/1.73m2', 'mmse': '', 'sbp': 'mmHg'}
DEC = {'ldl': 0, 'hdl': 0, 'tc': 0, 'tg': 0, 'a1c': 1, 'weight': 1, 'bmi': 1, 'egfr': 0, 'hgb': 1, 'plt': 0, 'cr': 2, 'glucose': 0,
       'mmse': 0, 'uacr': 1, 'height': 0, 'psa': 1, 'wbc': 1, 'sbp': 0, 'alp': 0}
GOOD_DIR = {'ldl': 'down', 'tc': 'down', 'tg': 'down', 'hdl': 'up', 'a1c': 'down', 'egfr': 'up', 'cr': 'down', 'mmse': 'up',
            'uacr': 'down', 'sbp': 'down', 'psa': 'down', 'glucose': 'down'}

def io(ds):
    import re
    return ('in ' if re.fullmatch(r'\d{4}|[A-Za-z]+ \d{4}', ds) else 'on ') + ds

UP = ['rose', 'went up', 'increased', 'climbed', 'crept up', 'trended up']
DOWN = ['fell', 'dropped', 'decreased', 'came down', 'declined', 'trended down']

def vals(pt, an):
    if an == 'sbp':
        return [dict(id=o['id'] + f"#{o['sys_i']}", date=o['date'], value=o['sys']) for o in pt.p.obs['bp']]
    xs = pt.p.obs.get(an, [])
    return [o for o in xs if sum(1 for y in xs if y['date'] == o['date']) == 1]

TW = [  # with values and dates: (pt, name, verb, a, da, b, db)
 lambda pt, n, v, a, da, b, db: f"{n[0].upper()+n[1:]} {v} from {a} ({da}) to {b} ({db}).",
 lambda pt, n, v, a, da, b, db: f"{pt.His} {n} {v} from {a} {io(da)} to {b} {io(db)}.",
 lambda pt, n, v, a, da, b, db: f"{n}: {a} ({da}) → {b} ({db}) — {v}.",
 lambda pt, n, v, a, da, b, db: f"Between {da} and {db} the {n} {v}, {a} to {b}.",
 lambda pt, n, v, a, da, b, db: f"Looks like {pt.his} {n} {'have' if n.endswith('s') else 'has'} {VPP.get(v, v)} — {a} {io(da)}, then {b} by {db}.",
 lambda pt, n, v, a, da, b, db: f"{n[0].upper()+n[1:]} {b} on {db} vs {a} on {da}, so it {v}.",
]
VPP = {'rose': 'risen', 'went up': 'gone up', 'fell': 'fallen', 'dropped': 'dropped', 'increased': 'increased', 'climbed': 'climbed',
       'crept up': 'crept up', 'trended up': 'trended up', 'decreased': 'decreased', 'came down': 'come down', 'declined': 'declined',
       'trended down': 'trended down', 'improved': 'improved', 'worsened': 'worsened'}
TS = [  # stable: (pt, n, a, da, b, db)
 lambda pt, n, a, da, b, db: f"{n[0].upper()+n[1:]} stable: {a} {io(da)}, {b} {io(db)}.",
 lambda pt, n, a, da, b, db: f"{pt.His} {n} has been essentially unchanged ({a} on {da} vs {b} on {db}).",
 lambda pt, n, a, da, b, db: f"No real change in {n} between {da} ({a}) and {db} ({b}).",
 lambda pt, n, a, da, b, db: f"{n[0].upper()+n[1:]} holding steady — {a} → {b} ({da} to {db}).",
]
TD = [  # direction only, dates only
 lambda pt, n, v, da, db: f"{pt.His} {n} {v} between {da} and {db}.",
 lambda pt, n, v, da, db: f"From {da} to {db}, {n} {v}.",
 lambda pt, n, v, da, db: f"{n[0].upper()+n[1:]} {v} over {da}–{db}.",
]

def gen():
    r = rng(606)
    pairs = []
    for key in PTS:
        pt = P(key)
        for an in NM:
            xs = vals(pt, an)
            if an in ('weight', 'height', 'bmi'): xs = [o for o in xs if o['value'] > 15]
            if an == 'a1c': xs = [o for o in xs if o['value'] > 4]
            if len(xs) < 2: continue
            for _ in range(6):
                a, b = sorted(r.sample(xs, 2), key=lambda o: o['date'])
                if a['date'] == b['date']: continue
                rel = (b['value'] - a['value']) / abs(a['value'])
                pairs.append((pt, an, a, b, rel))
    r.shuffle(pairs)
    chosen = []; per = collections.Counter(); anc = collections.Counter(); seen = set()
    want = Cycler(['up', 'down', 'stable', 'up', 'down'], 1)
    target = want.next()
    for pt, an, a, b, rel in pairs * 3:
        if len(chosen) >= 62: break
        lim = 6 if pt.key in ('vito_feeney', 'evelyn_mccullough') else 3
        if per[pt.key] >= lim or anc[an] >= 8 or (pt.key, an) in seen: continue
        got = 'up' if rel > 0.08 else 'down' if rel < -0.08 else 'stable' if abs(rel) <= 0.015 else None
        if got != target: continue
        if got in ('up', 'down') and abs(rel) < 0.1 and an not in ('a1c', 'hgb'): continue
        if got == 'up' and an == 'height': continue
        chosen.append((pt, an, a, b, rel, got)); per[pt.key] += 1; anc[an] += 1; seen.add((pt.key, an))
        target = want.next()
    tw = Cycler(range(len(TW)), 2); ts = Cycler(range(len(TS)), 3); td = Cycler(range(len(TD)), 4)
    sty = Cycler(['year', 'month', 'iso', 'dmy', 'year', 'mdy', 'month_full'], 5)
    for i, (pt, an, a, b, rel, got) in enumerate(chosen):
        label = 'correct' if i % 2 == 0 else 'wrong'
        n = NM[an]; u = U[an]; uc = UC.get(an, u); dec = DEC[an]
        st = sty.next()
        if st == 'year' and a['date'][:4] == b['date'][:4]: st = 'month'
        if st in ('month', 'month_full') and a['date'][:7] == b['date'][:7]: st = 'iso'
        da, dva = fmt_date(a['date'], st); db, dvb = fmt_date(b['date'], st)
        sa = f(a['value'], dec); sb = f(b['value'], dec)
        ua = f"{sa} {u}".strip() if i % 3 == 0 else sa
        ub = f"{sb} {u}".strip()
        mode = i % 4   # 0,1: values+dates; 2: direction only; 3: values+dates
        if got == 'stable':
            if label == 'correct' or True:
                pass
        if label == 'correct':
            if got == 'stable':
                t = TS[ts.next()](pt, n, ua, da, ub, db)
                asserts = [A_dir(a['id'], b['id'], 'stable', an, 0.03), A_val(a['id'], an, ua, float(sa), uc), A_val(b['id'], an, ub, float(sb), uc),
                           A_date(a['id'], da, dva), A_date(b['id'], db, dvb)]
                why = f"{an} {a['value']:.3f} ({a['date']}) vs {b['value']:.3f} ({b['date']}): change {rel*100:+.1f}% (stable = within ±3%)"
            else:
                if an in GOOD_DIR and r.random() < 0.35:
                    v = 'improved' if GOOD_DIR[an] == got else 'worsened'
                else:
                    v = r.choice(UP if got == 'up' else DOWN)
                if mode == 2:
                    t = TD[td.next()](pt, n, v, da, db)
                    asserts = [A_dir(a['id'], b['id'], got, an, 0.03), A_date(a['id'], da, dva), A_date(b['id'], db, dvb)]
                else:
                    t = TW[tw.next()](pt, n, v, ua, da, ub, db)
                    asserts = [A_dir(a['id'], b['id'], got, an, 0.03), A_val(a['id'], an, ua, float(sa), uc), A_val(b['id'], an, ub, float(sb), uc),
                               A_date(a['id'], da, dva), A_date(b['id'], db, dvb)]
                why = f"{an} {a['value']:.3f} ({a['date']}) -> {b['value']:.3f} ({b['date']}), {rel*100:+.1f}%: {got}" + (f" ({v}: {GOOD_DIR[an]} is better)" if v in ('improved', 'worsened') else '')
        else:
            if got == 'stable':
                # stable pair described as a clear change -> direction only
                fake = r.choice(['up', 'down']) if rel == 0 else ('down' if rel > 0 else 'up')
                v = r.choice(UP if fake == 'up' else DOWN)
                t = TD[td.next()](pt, n, v + (' substantially' if i % 2 else ''), da, db).replace(' substantially between', ' substantially between')
                asserts = [A_dir(a['id'], b['id'], fake, an, 0.03), A_date(a['id'], da, dva), A_date(b['id'], db, dvb)]
                why = f"{an} {a['value']:.3f} ({a['date']}) vs {b['value']:.3f} ({b['date']}): essentially unchanged ({rel*100:+.1f}%), not {fake}"
            elif mode == 1:
                # changed a lot but called stable
                t = TS[ts.next()](pt, n, ua, da, ub, db)
                asserts = [A_dir(a['id'], b['id'], 'stable', an, 0.03), A_val(a['id'], an, ua, float(sa), uc), A_val(b['id'], an, ub, float(sb), uc),
                           A_date(a['id'], da, dva), A_date(b['id'], db, dvb)]
                why = f"{an} changed {rel*100:+.1f}% ({a['value']:.3f} -> {b['value']:.3f}); 'stable/unchanged' is false (tolerance ±3%)"
            elif mode == 2:
                fake = 'down' if got == 'up' else 'up'
                v = r.choice(UP if fake == 'up' else DOWN)
                t = TD[td.next()](pt, n, v, da, db)
                asserts = [A_dir(a['id'], b['id'], fake, an, 0.03), A_date(a['id'], da, dva), A_date(b['id'], db, dvb)]
                why = f"{an} went {got} ({a['value']:.3f} on {a['date']} -> {b['value']:.3f} on {b['date']}); claim says {v}"
            else:
                # years swapped: the later value attributed to the earlier date -> opposite direction
                fake = 'down' if got == 'up' else 'up'
                v = r.choice(UP if fake == 'up' else DOWN)
                ua2 = f"{sb} {u}".strip() if i % 3 == 0 else sb
                t = TW[tw.next()](pt, n, v, ua2, da, ub.replace(sb, sa, 1), db)
                asserts = [A_dir(a['id'], b['id'], fake, an, 0.03), A_val(a['id'], an, ua2, float(sb), uc), A_val(b['id'], an, ub.replace(sb, sa, 1), float(sa), uc),
                           A_date(a['id'], da, dva), A_date(b['id'], db, dvb)]
                why = f"values are reversed: {a['date']} was {a['value']:.3f} and {b['date']} was {b['value']:.3f} ({got}), not {v}"
        add('trends', label, pt, t, [a['id'], b['id']], why, asserts)

import collections
