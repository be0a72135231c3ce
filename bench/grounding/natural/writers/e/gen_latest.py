"""Category: latest / most recent."""
from common import *

NM = {'a1c': ('HbA1c', '%', 1), 'ldl': ('LDL', 'mg/dL', 0), 'hdl': ('HDL', 'mg/dL', 0), 'tc': ('total cholesterol', 'mg/dL', 0),
      'weight': ('weight', 'kg', 1), 'bmi': ('BMI', 'kg/m2', 1), 'egfr': ('eGFR', 'mL/min/1.73m2', 0), 'hgb': ('hemoglobin', 'g/dL', 1),
      'wbc': ('WBC', 'K/uL', 1), 'plt': ('platelet count', 'K/uL', 0), 'cr': ('creatinine', 'mg/dL', 2), 'k': ('potassium', 'mmol/L', 1),
      'glucose': ('glucose', 'mg/dL', 0), 'height': ('height', 'cm', 0), 'tg': ('triglycerides', 'mg/dL', 0), 'temp': ('temperature', '°C', 1),
      'uacr': ('urine ACR', 'mg/g', 1), 'psa': ('PSA', 'ng/mL', 2), 'na': ('sodium', 'mmol/L', 0), 'mmse': ('MMSE', '', 0)}
UC = {'wbc': 'K/uL', 'plt': 'K/uL', 'temp': 'C', 'mmse': ''}
TL = [
 lambda pt, n, v, ds: f"Latest {n}: {v} ({ds}).",
 lambda pt, n, v, ds: f"Most recent {n} was {v} on {ds}.",
 lambda pt, n, v, ds: f"{pt.His} last {n} — {v}, checked {ds}.",
 lambda pt, n, v, ds: f"As of the last draw ({ds}), {n} {v}.",
 lambda pt, n, v, ds: f"The most recent {n} on file is {v} from {ds}.",
 lambda pt, n, v, ds: f"Last recorded {n} {v} ({ds})",
 lambda pt, n, v, ds: f"Newest {n} result: {v}, dated {ds}.",
 lambda pt, n, v, ds: f"Sure — {pt.his} most recent {n} is {v} ({ds}).",
 lambda pt, n, v, ds: f"{n[0].upper()+n[1:]} (latest, {ds}): {v}",
]
TBP = [lambda pt, s, d, ds: f"Most recent BP {s}/{d} mmHg ({ds}).", lambda pt, s, d, ds: f"Last blood pressure on file: {s}/{d}, taken {ds}.",
       lambda pt, s, d, ds: f"{pt.His} latest BP reading was {s}/{d} on {ds}."]
TE = [lambda pt, e, ds: f"Last visit: {e} on {ds}.", lambda pt, e, ds: f"{pt.He} was last seen {ds} ({e}).",
      lambda pt, e, ds: f"Most recent encounter — {e}, {ds}.", lambda pt, e, ds: f"The latest encounter in the chart is {'an' if e[0] in 'aeiouAEIOU' else 'a'} {e} dated {ds}."]
TI = [lambda pt, v, ds: f"Last {v} given {ds}.", lambda pt, v, ds: f"Most recent {v}: {ds}.", lambda pt, v, ds: f"{pt.His} latest {v} was on {ds}."]

def uniq_latest(xs):
    """xs sorted by date; latest element if its date is unique"""
    if not xs: return None
    l = xs[-1]
    return l if sum(1 for x in xs if x['date'] == l['date']) == 1 else None

def gen():
    r = rng(1010)
    cands = []
    for key in PTS:
        pt = P(key)
        for an in NM:
            xs = pt.p.obs.get(an, [])
            if len(xs) < 2: continue
            if an == 'egfr' and pt.p.obs.get('gfr_pred'): continue   # same LOINC (33914-3) as the CMP 'predicted GFR'
            l = uniq_latest(xs)
            if l is None: continue
            prev = [x for x in xs if x['date'] < l['date']]
            prev = [x for x in prev if sum(1 for y in xs if y['date'] == x['date']) == 1]
            if not prev: continue
            # an older value that differs at the written precision
            dec = NM[an][2]
            prev = [x for x in prev if f(x['value'], dec) != f(l['value'], dec)]
            if not prev: continue
            if an in ('a1c',) and l['value'] < 4: continue
            cands.append((pt, an, l, prev[-1] if r.random() < 0.7 else r.choice(prev)))
    r.shuffle(cands)
    per = collections.Counter(); anc = collections.Counter(); chosen = []
    for c in cands:
        lim = 4 if c[0].key in ('vito_feeney', 'evelyn_mccullough') else 2
        if per[c[0].key] >= lim or anc[c[1]] >= 6: continue
        per[c[0].key] += 1; anc[c[1]] += 1; chosen.append(c)
        if len(chosen) >= 40: break
    tl = Cycler(range(len(TL)), 1); sty = Cycler(['iso', 'dmy', 'mdy', 'ord', 'month', 'dmy_full', 'us'], 2)
    for i, (pt, an, l, older) in enumerate(chosen):
        label = 'correct' if i % 2 == 0 else 'wrong'
        n, u, dec = NM[an]
        o = l if label == 'correct' else older
        st = sty.next()
        if st == 'us' and int(o['date'][8:]) <= 12: st = 'dmy'
        ds, dv = fmt_date(o['date'], st)
        vs = f(o['value'], dec); v = f"{vs} {u}".strip()
        t = TL[tl.next()](pt, n, v, ds)
        asserts = [A_val(o['id'], an, v, float(vs), UC.get(an, u)), A_date(o['id'], ds, dv), A_latest(o['id'])]
        why = (f"{an} {l['value']:.3f} on {l['date']} is the latest of {len(pt.p.obs[an])} {an} results" if label == 'correct'
               else f"cited {an} ({older['value']:.3f}, {older['date']}) is not the latest: a newer one exists ({l['value']:.3f} on {l['date']})")
        add('latest', label, pt, t, [o['id']], why, asserts)
    # blood pressure
    keys = list(PTS); r.shuffle(keys)
    for j, key in enumerate(keys[:10]):
        pt = P(key); xs = pt.p.obs['bp']; l = uniq_latest(xs)
        if l is None: continue
        label = 'correct' if j % 2 == 0 else 'wrong'
        o = l if label == 'correct' else xs[-2]
        ds, dv = fmt_date(o['date'], ['iso', 'dmy', 'mdy_full'][j % 3])
        s_, d_ = f(o['sys'], 0), f(o['dia'], 0)
        t = TBP[j % 3](pt, s_, d_, ds)
        asserts = [A_val(o['id'], 'sbp', f"{s_}/{d_}", float(s_), 'mmHg'), A_val(o['id'], 'dbp', f"{s_}/{d_}", float(d_), 'mmHg'),
                   A_date(o['id'], ds, dv), A_latest(o['id'])]
        why = (f"BP {l['sys']:.0f}/{l['dia']:.0f} on {l['date']} is the latest BP" if label == 'correct'
               else f"BP {o['sys']:.0f}/{o['dia']:.0f} ({o['date']}) is not the latest; latest is {l['sys']:.0f}/{l['dia']:.0f} on {l['date']}")
        add('latest', label, pt, t, [o['id']], why, asserts)
    # last encounter
    keys = list(PTS); r.shuffle(keys)
    for j, key in enumerate(keys[:10]):
        pt = P(key); es = pt.p.encs
        if pt.p.deceased: continue      # last encounter is a post-mortem death certification: 'last seen' would be ambiguous
        l = es[-1]
        if l['type'] not in ENC or sum(1 for e in es if e['date'] == l['date']) > 1: continue
        label = 'correct' if j % 2 == 0 else 'wrong'
        older = [e for e in es if e['date'] < l['date'] and e['type'] in ENC and sum(1 for x in es if x['date'] == e['date']) == 1]
        e = l if label == 'correct' else older[-1]
        ds, dv = fmt_date(e['date'], ['dmy', 'iso', 'ord', 'mdy'][j % 4])
        en = r.choice(ENC[e['type']])
        t = TE[j % 4](pt, en, ds)
        asserts = [A_code(e['id'], [ENC_KEY[e['type']]]), A_date(e['id'], ds, dv), A_latest(e['id'])]
        why = (f"Encounter {e['type']} on {e['date']} is the last encounter in the chart" if label == 'correct'
               else f"Encounter {e['date']} ({e['type']}) is not the last; a later encounter exists on {l['date']} ({l['type']})")
        add('latest', label, pt, t, [e['id']], why, asserts)
    # last flu shot
    keys = list(PTS); r.shuffle(keys)
    for j, key in enumerate(keys[:8]):
        pt = P(key)
        fl = [i for i in pt.p.imms if i['name'].startswith('Influenza')]
        if len(fl) < 2: continue
        label = 'correct' if j % 2 == 0 else 'wrong'
        e = fl[-1] if label == 'correct' else fl[-2]
        ds, dv = fmt_date(e['date'], ['mdy_full', 'dmy', 'iso', 'month'][j % 4])
        t = TI[j % 3](pt, r.choice(['flu shot', 'influenza vaccine', 'flu jab']), ds)
        asserts = [A_code(e['id'], ['influenza']), A_date(e['id'], ds, dv), A_latest(e['id'])]
        why = (f"Influenza immunization {e['date']} is the latest of {len(fl)}" if label == 'correct'
               else f"flu shot {e['date']} is not the latest; latest is {fl[-1]['date']}")
        add('latest', label, pt, t, [e['id']], why, asserts)

import collections
