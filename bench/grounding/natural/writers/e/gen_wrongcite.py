"""Category: wrong-citation (true fact, wrong record cited) paired with the same claim citing the right record."""
from common import *
from gen_drugs import D as DRUGS

NM = {'ldl': ('LDL', 'mg/dL', 0), 'hdl': ('HDL', 'mg/dL', 0), 'tc': ('total cholesterol', 'mg/dL', 0), 'tg': ('triglycerides', 'mg/dL', 0),
      'a1c': ('A1c', '%', 1), 'hgb': ('Hgb', 'g/dL', 1), 'plt': ('platelets', 'K/uL', 0), 'weight': ('weight', 'kg', 1),
      'bmi': ('BMI', 'kg/m2', 1), 'cr': ('creatinine', 'mg/dL', 2), 'glucose': ('glucose', 'mg/dL', 0), 'egfr': ('eGFR', 'mL/min/1.73m2', 0),
      'temp': ('temp', '°C', 1), 'wbc': ('WBC', 'K/uL', 1), 'k': ('K', 'mmol/L', 1)}
UC = {'plt': 'K/uL', 'wbc': 'K/uL', 'temp': 'C'}
SIB = {'ldl': ['hdl', 'tc', 'tg'], 'hdl': ['ldl', 'tc'], 'tc': ['ldl', 'tg'], 'tg': ['tc', 'hdl'], 'a1c': ['glucose'], 'hgb': ['wbc', 'plt'],
       'plt': ['hgb', 'wbc'], 'weight': ['bmi', 'height'], 'bmi': ['weight'], 'cr': ['bun', 'glucose'], 'glucose': ['cr', 'a1c'],
       'egfr': ['cr'], 'temp': ['bp'], 'wbc': ['hgb'], 'k': ['na']}
TV = [
 lambda pt, n, v, ds: f"{n} {v} on {ds}.",
 lambda pt, n, v, ds: f"{pt.His} {n} was {v} ({ds}).",
 lambda pt, n, v, ds: f"Documented {n}: {v}, {ds}.",
 lambda pt, n, v, ds: f"{ds} — {n} {v}",
 lambda pt, n, v, ds: f"Per the {ds} result, {n} {v}.",
 lambda pt, n, v, ds: f"I see {n} of {v} on {ds}.",
]
TM = [lambda pt, d, ds: f"{d[0].upper()+d[1:]} prescribed {ds}.", lambda pt, d, ds: f"Rx for {d} written {ds}.",
      lambda pt, d, ds: f"{pt.He} was started on {d} on {ds}."]
TC = [lambda pt, c, ds: f"Diagnosed with {c} on {ds}.", lambda pt, c, ds: f"{c[0].upper()+c[1:]} — onset {ds}.",
      lambda pt, c, ds: f"Problem: {c}, noted {ds}."]
TI = [lambda pt, v, ds: f"{v[0].upper()+v[1:]} given {ds}.", lambda pt, v, ds: f"{pt.He} received the {v} on {ds}."]

def gen():
    r = rng(1212)
    # --- observation values: wrong cite = other date (same analyte), other analyte (same date), or the encounter
    cands = []
    for key in PTS:
        pt = P(key)
        for an in NM:
            xs = [o for o in pt.p.obs.get(an, []) if sum(1 for y in pt.p.obs[an] if y['date'] == o['date']) == 1]
            if an in ('weight', 'bmi'): xs = [o for o in xs if o['value'] > 20]
            if an == 'a1c': xs = [o for o in xs if o['value'] > 4]
            if xs: cands.append((pt, an, r.choice(xs)))
    r.shuffle(cands)
    per = collections.Counter(); anc = collections.Counter(); chosen = []
    for c in cands:
        lim = 3 if c[0].key in ('vito_feeney', 'evelyn_mccullough') else 2
        if per[c[0].key] >= lim or anc[c[1]] >= 4: continue
        per[c[0].key] += 1; anc[c[1]] += 1; chosen.append(c)
        if len(chosen) >= 40: break
    tv = Cycler(range(len(TV)), 1); modes = Cycler(['otherdate', 'otheranalyte', 'encounter', 'otheranalyte', 'otherdate', 'condition'], 2)
    enc_by_id = {}
    for i, (pt, an, o) in enumerate(chosen):
        label = 'correct' if i % 2 == 0 else 'wrong'
        n, u, dec = NM[an]
        ds, dv = fmt_date(o['date'], ['iso', 'dmy', 'mdy', 'ord', 'dmy_full'][i % 5])
        vs = f(o['value'], dec); v = f"{vs} {u}"
        t = TV[tv.next()](pt, n, v, ds)
        cite = o['id']; why = f"{an} observation {o['date']} = {o['value']:.3f} {o['unit']}"
        if label == 'wrong':
            mode = modes.next(); cite = None
            if mode == 'otherdate':
                others = [x for x in pt.p.obs[an] if x['date'] != o['date'] and f(x['value'], dec) != vs]
                if others:
                    x = r.choice(others); cite = x['id']
                    why = f"true ({an} {o['value']:.3f} on {o['date']}, obs {o['id'][:8]}…) but the cited observation is the {x['date']} {an} ({x['value']:.3f})"
            if cite is None and mode in ('otheranalyte', 'otherdate'):
                for sib in SIB[an]:
                    if sib == 'bp':
                        xs = [x for x in pt.p.obs.get('bp', []) if x['date'] == o['date']]
                    else:
                        xs = [x for x in pt.p.obs.get(sib, []) if x['date'] == o['date']]
                    if len(xs) == 1:
                        cite = xs[0]['id']
                        why = f"true ({an} {o['value']:.3f} on {o['date']}, obs {o['id'][:8]}…) but the cited record is the same-day {sib} observation"
                        break
            if cite is None and mode == 'condition' and pt.p.conds:
                c = r.choice(pt.p.conds); cite = c['id']
                why = f"true ({an} {o['value']:.3f} on {o['date']}, obs {o['id'][:8]}…) but the cited record is a Condition ({c['name']}), which holds no {an} value"
            if cite is None:
                es = [e for e in pt.p.encs if e['date'] == o['date']]
                e = es[0] if es else pt.p.encs[-1]
                cite = e['id']
                why = f"true ({an} {o['value']:.3f} on {o['date']}, obs {o['id'][:8]}…) but the cited record is the Encounter ({e['type']}, {e['date']}), not the observation"
        asserts = [A_val(cite, an, v, float(vs), UC.get(an, u)), A_date(cite, ds, dv)]
        add('wrong-citation', label, pt, t, [cite], why, asserts)
    # --- medications: wrong cite = the condition it treats / another med
    meds = [(P(k), m) for k in PTS for m in PTS[k].meds if m['name'] in DRUGS]
    r.shuffle(meds)
    per = collections.Counter(); sel = []
    for pt, m in meds:
        if per[pt.key] >= 1: continue
        per[pt.key] += 1; sel.append((pt, m))
    sel = sel[:14]
    for i, (pt, m) in enumerate(sel):
        label = 'correct' if i % 2 == 0 else 'wrong'
        d, terms = DRUGS[m['name']][0][0]
        ds, dv = fmt_date(m['date'], ['dmy', 'iso', 'mdy_full'][i % 3])
        t = TM[i % 3](pt, d, ds)
        cite = m['id']; why = f"MedicationRequest {m['name']} authored {m['date']}"
        if label == 'wrong':
            other = [x for x in pt.p.meds if x['id'] != m['id'] and x['name'] != m['name']]
            reason = [c for c in pt.p.conds if ('urn:uuid:' + c['id']) in m['reason']]
            if reason:
                cite = reason[0]['id']; why = f"true (MedicationRequest {m['id'][:8]}…, {m['date']}) but the cited record is the Condition '{reason[0]['name']}', not the prescription"
            elif other:
                x = other[0]; cite = x['id']; why = f"true (MedicationRequest {m['id'][:8]}…) but the cited record is a different prescription ({x['name']}, {x['date']})"
            else:
                es = [e for e in pt.p.encs if e['date'] == m['date']] or pt.p.encs
                cite = es[0]['id']; why = f"true (MedicationRequest {m['id'][:8]}…) but the cited record is the Encounter of {es[0]['date']}"
        asserts = [A_code(cite, terms, d), A_date(cite, ds, dv)]
        add('wrong-citation', label, pt, t, [cite], why, asserts)
    # --- conditions: wrong cite = the medication / the encounter / another condition
    conds = [(P(k), c) for k in PTS for c in PTS[k].conds if c['name'] in COND and not c['name'].startswith('History')]
    r.shuffle(conds)
    per = collections.Counter(); sel = []
    for pt, c in conds:
        if per[pt.key] >= 1: continue
        per[pt.key] += 1; sel.append((pt, c))
    sel = sel[:12]
    for i, (pt, c) in enumerate(sel):
        label = 'correct' if i % 2 == 0 else 'wrong'
        cn = r.choice(COND[c['name']])
        ds, dv = fmt_date(c['onset'], ['iso', 'dmy', 'mdy'][i % 3])
        t = TC[i % 3](pt, cn, ds)
        cite = c['id']; why = f"Condition {c['name']} onset {c['onset']}"
        if label == 'wrong':
            oth = [x for x in pt.p.conds if x['name'] != c['name'] and x['onset'] != c['onset']]
            es = [e for e in pt.p.encs if e['date'] == c['onset'] and not (e['reason'] and COND_KEY[c['name']].split()[-1] in e['reason'].lower())
                  and e['type'] not in ('Encounter for symptom', 'Encounter for problem')]
            if i % 4 == 1 and oth:
                x = r.choice(oth); cite = x['id']; why = f"true (Condition {c['id'][:8]}…, onset {c['onset']}) but the cited record is a different condition ({x['name']}, {x['onset']})"
            elif es:
                cite = es[0]['id']; why = f"true (Condition {c['id'][:8]}…) but the cited record is the Encounter of {es[0]['date']} ({es[0]['type']}), not the condition"
            elif oth:
                x = r.choice(oth); cite = x['id']; why = f"true (Condition {c['id'][:8]}…) but the cited record is a different condition ({x['name']})"
            else:
                x = pt.p.imms[0]; cite = x['id']; why = f"true (Condition {c['id'][:8]}…) but the cited record is an Immunization ({x['name']}, {x['date']})"
        asserts = [A_code(cite, [COND_KEY[c['name']]]), A_date(cite, ds, dv, 'onset')]
        add('wrong-citation', label, pt, t, [cite], why, asserts)
    # --- immunizations: wrong cite = same vaccine another year
    imms = []
    for k in PTS:
        pt = P(k)
        for i_ in pt.p.imms:
            same = [x for x in pt.p.imms if x['name'] == i_['name'] and x['id'] != i_['id'] and x['date'][:4] != i_['date'][:4]]
            if same and i_['name'] in VACC: imms.append((pt, i_, same))
    r.shuffle(imms)
    per = collections.Counter(); sel = []
    for x in imms:
        if per[x[0].key] >= 1: continue
        per[x[0].key] += 1; sel.append(x)
    sel = sel[:10]
    for i, (pt, im, same) in enumerate(sel):
        label = 'correct' if i % 2 == 0 else 'wrong'
        vn = r.choice(VACC[im['name']])
        ds, dv = fmt_date(im['date'], ['dmy', 'iso', 'mdy'][i % 3])
        t = TI[i % 2](pt, vn, ds)
        cite = im['id']; why = f"Immunization {im['name']} {im['date']}"
        if label == 'wrong':
            x = r.choice(same); cite = x['id']
            why = f"true (Immunization {im['id'][:8]}… on {im['date']}) but the cited record is the {x['date']} dose"
        asserts = [A_code(cite, [VACC_KEY[im['name']]]), A_date(cite, ds, dv)]
        add('wrong-citation', label, pt, t, [cite], why, asserts)

import collections
