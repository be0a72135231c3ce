"""Category: swapped (wrong = two values/fields swapped; correct = same shape, right order)."""
from common import *

LBL = {'ldl': ('LDL', 'mg/dL', 0), 'hdl': ('HDL', 'mg/dL', 0), 'tc': ('TC', 'mg/dL', 0), 'tg': ('TG', 'mg/dL', 0),
       'bun': ('BUN', 'mg/dL', 1), 'cr': ('Cr', 'mg/dL', 2), 'hgb': ('Hgb', 'g/dL', 1), 'hct': ('Hct', '%', 1),
       'na': ('Na', 'mmol/L', 0), 'cl': ('Cl', 'mmol/L', 0), 'mcv': ('MCV', 'fL', 1), 'mch': ('MCH', 'pg', 1),
       'height': ('height', 'cm', 0), 'weight': ('weight', 'kg', 1), 'a1c': ('A1c', '%', 1), 'glucose': ('glucose', 'mg/dL', 0)}
APAIRS = [('ldl', 'hdl'), ('tc', 'tg'), ('bun', 'cr'), ('hgb', 'hct'), ('tc', 'ldl'), ('ldl', 'tg'), ('mcv', 'mch'), ('na', 'cl')]
TA = [
 lambda pt, a, b, ds: f"{a}, {b} ({ds})",
 lambda pt, a, b, ds: f"On {ds}: {a} and {b}.",
 lambda pt, a, b, ds: f"Panel {ds} — {a}; {b}.",
 lambda pt, a, b, ds: f"{pt.His} {ds} labs were {a} and {b}.",
]
TBP = [
 lambda pt, s, d, ds: f"Systolic {s}, diastolic {d} mmHg on {ds}.",
 lambda pt, s, d, ds: f"On {ds} SBP was {s} and DBP {d}.",
 lambda pt, s, d, ds: f"BP {ds}: systolic {s} / diastolic {d}.",
 lambda pt, s, d, ds: f"{pt.His} diastolic was {d} with a systolic of {s} ({ds}).",
]
TY = [
 lambda pt, n, a, ya, b, yb: f"{n} was {a} in {ya} and {b} in {yb}.",
 lambda pt, n, a, ya, b, yb: f"{n}: {ya} {a}, {yb} {b}.",
 lambda pt, n, a, ya, b, yb: f"{pt.His} {n.lower() if len(n) > 4 else n} went from {a} ({ya}) to {b} ({yb}).",
 lambda pt, n, a, ya, b, yb: f"{n} {a} ({ya}) vs {b} ({yb}).",
]
TD = [
 lambda pt, c1, y1, c2, y2: f"{c1[0].upper()+c1[1:]} since {y1}; {c2} since {y2}.",
 lambda pt, c1, y1, c2, y2: f"Dx timeline: {c1} {y1}, then {c2} {y2}.",
 lambda pt, c1, y1, c2, y2: f"{pt.He} was diagnosed with {c1} in {y1} and {c2} in {y2}.",
]

def uniq(pt, an, date):
    xs = [o for o in pt.p.obs.get(an, []) if o['date'] == date]
    return xs[0] if len(xs) == 1 else None

def gen():
    r = rng(1111)
    items = []
    # 1. two analytes, same panel
    ac = []
    for key in PTS:
        pt = P(key)
        for a, b in APAIRS:
            for o in pt.p.obs.get(a, []):
                oa, ob = uniq(pt, a, o['date']), uniq(pt, b, o['date'])
                if oa and ob and abs(oa['value'] - ob['value']) > 0.15 * max(oa['value'], ob['value']):
                    ac.append((pt, a, b, oa, ob))
    r.shuffle(ac)
    per = collections.Counter(); pc = collections.Counter(); sel = []
    for x in ac:
        if per[x[0].key] >= 1 or pc[(x[1], x[2])] >= 3: continue
        per[x[0].key] += 1; pc[(x[1], x[2])] += 1; sel.append(x)
        if len(sel) >= 16: break
    ta = Cycler(range(len(TA)), 1)
    for i, (pt, a, b, oa, ob) in enumerate(sel):
        label = 'correct' if i % 2 == 0 else 'wrong'
        (na, ua, da), (nb, ub, db) = LBL[a], LBL[b]
        dd = max(da, db)
        va, vb = f(oa['value'], dd), f(ob['value'], dd)
        if label == 'wrong': va, vb = vb, va
        ds, dv = fmt_date(oa['date'], ['iso', 'dmy', 'mdy', 'ord'][i % 4])
        sa, sb = f"{na} {va} {ua}", f"{nb} {vb} {ub}"
        t = TA[ta.next()](pt, sa, sb, ds)
        asserts = [A_val(oa['id'], a, sa, float(va), ua), A_val(ob['id'], b, sb, float(vb), ub), A_date(oa['id'], ds, dv), A_date(ob['id'], ds, dv)]
        why = (f"{a} {oa['value']:.3f}, {b} {ob['value']:.3f} on {oa['date']}" if label == 'correct'
               else f"values swapped: {a} is {oa['value']:.3f} and {b} is {ob['value']:.3f} on {oa['date']}")
        add('swapped', label, pt, t, [oa['id'], ob['id']], why, asserts)
    # 2. systolic / diastolic
    bpc = []
    for key in PTS:
        pt = P(key)
        for o in pt.p.obs['bp']:
            if sum(1 for y in pt.p.obs['bp'] if y['date'] == o['date']) == 1 and o['sys'] - o['dia'] > 15: bpc.append((pt, o))
    r.shuffle(bpc)
    per = collections.Counter(); sel = []
    for x in bpc:
        if per[x[0].key] >= 1: continue
        per[x[0].key] += 1; sel.append(x)
        if len(sel) >= 16: break
    for i, (pt, o) in enumerate(sel):
        label = 'correct' if i % 2 == 0 else 'wrong'
        s_, d_ = f(o['sys'], 0), f(o['dia'], 0)
        if label == 'wrong': s_, d_ = d_, s_
        ds, dv = fmt_date(o['date'], ['dmy', 'iso', 'mdy_full', 'dash'][i % 4])
        t = TBP[i % 4](pt, s_, d_, ds)
        cite_s, cite_d = f"{o['id']}#{o['sys_i']}", f"{o['id']}#{o['dia_i']}"
        if i % 3 == 0:
            cites = [o['id']]; ref_s = ref_d = o['id']
        else:
            cites = [cite_s, cite_d]; ref_s, ref_d = cite_s, cite_d
        asserts = [A_val(ref_s, 'sbp', s_, float(s_), 'mmHg'), A_val(ref_d, 'dbp', d_, float(d_), 'mmHg'), A_date(ref_s, ds, dv)]
        why = (f"BP panel {o['date']}: systolic {o['sys']:.0f}, diastolic {o['dia']:.0f}" if label == 'correct'
               else f"systolic and diastolic swapped: record is {o['sys']:.0f}/{o['dia']:.0f} on {o['date']}")
        add('swapped', label, pt, t, cites, why, asserts)
    # 3. two years swapped in a series
    yc = []
    for key in PTS:
        pt = P(key)
        for an in ('ldl', 'hdl', 'tc', 'a1c', 'weight', 'glucose', 'hgb'):
            xs = [o for o in pt.p.obs.get(an, []) if sum(1 for y in pt.p.obs[an] if y['date'] == o['date']) == 1]
            if an == 'weight': xs = [o for o in xs if o['value'] > 20]
            if an == 'a1c': xs = [o for o in xs if o['value'] > 4]
            for _ in range(3):
                if len(xs) < 2: break
                a, b = sorted(r.sample(xs, 2), key=lambda o: o['date'])
                one_a = sum(1 for y in pt.p.obs[an] if y['date'][:4] == a['date'][:4]) == 1
                one_b = sum(1 for y in pt.p.obs[an] if y['date'][:4] == b['date'][:4]) == 1
                if one_a and one_b and a['date'][:4] != b['date'][:4] and abs(a['value'] - b['value']) > 0.1 * max(a['value'], b['value']):
                    yc.append((pt, an, a, b)); break
    r.shuffle(yc)
    per = collections.Counter(); sel = []
    for x in yc:
        if per[x[0].key] >= 1: continue
        per[x[0].key] += 1; sel.append(x)
        if len(sel) >= 14: break
    for i, (pt, an, a, b) in enumerate(sel):
        label = 'correct' if i % 2 == 0 else 'wrong'
        n, u, dec = LBL[an]
        va, vb = f(a['value'], dec), f(b['value'], dec)
        ya, yb = a['date'][:4], b['date'][:4]
        if label == 'wrong': va, vb = vb, va
        sa = f"{va} {u}" if i % 2 == 0 else va
        sb = f"{vb} {u}"
        t = TY[i % 4](pt, n, sa, ya, sb, yb)
        asserts = [A_val(a['id'], an, sa, float(va), u), A_val(b['id'], an, sb, float(vb), u), A_date(a['id'], ya, ya), A_date(b['id'], yb, yb)]
        why = (f"{an} {a['value']:.3f} in {ya} ({a['date']}), {b['value']:.3f} in {yb} ({b['date']})" if label == 'correct'
               else f"years swapped: {ya} value was {a['value']:.3f} and {yb} value was {b['value']:.3f}")
        add('swapped', label, pt, t, [a['id'], b['id']], why, asserts)
    # 4. onset years of two conditions swapped
    dc = []
    for key in PTS:
        pt = P(key)
        cs = [c for c in pt.p.conds if c['name'] in COND and c['status'] == 'active' and not c['name'].startswith('History')
              and c['name'] not in ('Miscarriage in first trimester', 'Appendicitis')]
        ys = {}
        for c in cs: ys.setdefault(c['onset'][:4], c)
        cs = list(ys.values())
        if len(cs) >= 2:
            a, b = sorted(r.sample(cs, 2), key=lambda c: c['onset'])
            dc.append((pt, a, b))
    r.shuffle(dc)
    for i, (pt, a, b) in enumerate(dc[:14]):
        label = 'correct' if i % 2 == 0 else 'wrong'
        ya, yb = a['onset'][:4], b['onset'][:4]
        if label == 'wrong': ya, yb = yb, ya
        ca, cb = r.choice(COND[a['name']]), r.choice(COND[b['name']])
        t = TD[i % 3](pt, ca, ya, cb, yb)
        asserts = [A_code(a['id'], [COND_KEY[a['name']]]), A_code(b['id'], [COND_KEY[b['name']]]), A_date(a['id'], ya, ya, 'onset'), A_date(b['id'], yb, yb, 'onset')]
        why = (f"{a['name']} onset {a['onset']}; {b['name']} onset {b['onset']}" if label == 'correct'
               else f"onset years swapped: {a['name']} began {a['onset'][:4]}, {b['name']} began {b['onset'][:4]}")
        add('swapped', label, pt, t, [a['id'], b['id']], why, asserts)

import collections
