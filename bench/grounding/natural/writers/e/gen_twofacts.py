"""Category: two-facts (two facts in one sentence; wrong = exactly one is false)."""
from common import *
from gen_drugs import D as DRUGS

def bad_num(r, x, dec, lo=0.12, hi=0.22):
    for _ in range(20):
        fac = 1 + r.choice([-1, 1]) * r.uniform(lo, hi)
        s = f(x * fac, dec)
        if abs(float(s) - x) > 2 * 10 ** -dec and abs(float(s) - x) > 0.08 * abs(x): return s
    return f(x * 1.25, dec)

def uniq(pt, an, date):
    xs = [o for o in pt.p.obs.get(an, []) if o['date'] == date]
    return xs[0] if len(xs) == 1 else None

PAIRS = [('ldl', 'hdl'), ('tc', 'tg'), ('hgb', 'plt'), ('a1c', 'glucose'), ('na', 'k'), ('height', 'weight'), ('cr', 'egfr'),
         ('wbc', 'hgb'), ('bmi', 'weight'), ('bun', 'cr')]
LBL = {'ldl': ('LDL', 'mg/dL', 0), 'hdl': ('HDL', 'mg/dL', 0), 'tc': ('total cholesterol', 'mg/dL', 0), 'tg': ('triglycerides', 'mg/dL', 0),
       'hgb': ('Hgb', 'g/dL', 1), 'plt': ('platelets', 'K/uL', 0), 'a1c': ('A1c', '%', 1), 'glucose': ('glucose', 'mg/dL', 0),
       'na': ('Na', 'mmol/L', 0), 'k': ('K', 'mmol/L', 1), 'height': ('height', 'cm', 0), 'weight': ('weight', 'kg', 1),
       'cr': ('creatinine', 'mg/dL', 2), 'egfr': ('eGFR', 'mL/min/1.73m2', 0), 'wbc': ('WBC', 'K/uL', 1), 'bmi': ('BMI', 'kg/m2', 1),
       'bun': ('BUN', 'mg/dL', 0)}
UC = {'plt': 'K/uL', 'wbc': 'K/uL'}
TP = [
 lambda pt, a, b, ds: f"{ds}: {a}, {b}.",
 lambda pt, a, b, ds: f"On {ds} {pt.his} {a} and {b}.",
 lambda pt, a, b, ds: f"Labs {ds} — {a}; {b}.",
 lambda pt, a, b, ds: f"The {ds} results showed {a} with {b}.",
 lambda pt, a, b, ds: f"{a[0].upper()+a[1:]} and {b} (both {ds}).",
 lambda pt, a, b, ds: f"At the {ds} visit: {a}, {b}.",
 lambda pt, a, b, ds: f"For {ds} I see {a} alongside {b}.",
]
# condition + drug pairs (condition display, drug display)
CD = [('Hypertension', 'Hydrochlorothiazide 25 MG'), ('Childhood asthma', '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler'),
      ('Childhood asthma', '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler'), ('Osteoporosis (disorder)', 'Alendronic acid 10 MG Oral Tablet'),
      ('Localized, primary osteoarthritis of the hand', 'Naproxen sodium 220 MG Oral Tablet'), ('Chronic congestive heart failure (disorder)', 'Lasix 40mg'),
      ('Chronic congestive heart failure (disorder)', '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]'),
      ('Coronary Heart Disease', 'Clopidogrel 75 MG Oral Tablet'), ('Diabetes', '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet'),
      ('Anemia (disorder)', 'Vitamin B 12 5 MG/ML Injectable Solution'), ('Neoplasm of prostate', '0.25 ML Leuprolide Acetate 30 MG/ML Prefilled Syringe'),
      ('Hyperlipidemia', 'Simvistatin 10 MG'), ('Osteoarthritis of hip', 'Naproxen sodium 220 MG Oral Tablet'),
      ('Stroke', 'Alteplase 100 MG Injection'), ("Alzheimer's disease (disorder)", 'Galantamine 4 MG Oral Tablet'),
      ('Seasonal allergic rhinitis', 'Fexofenadine hydrochloride 30 MG Oral Tablet'), ('Streptococcal sore throat (disorder)', 'Penicillin V Potassium 500 MG Oral Tablet'),
      ('Streptococcal sore throat (disorder)', 'Penicillin V Potassium 250 MG Oral Tablet'), ('Otitis media', 'Amoxicillin 250 MG Oral Capsule'),
      ('Otitis media', 'Cefuroxime 250 MG Oral Tablet'), ('Viral sinusitis (disorder)', 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet'),
      ('Sprain of ankle', 'Naproxen sodium 220 MG Oral Tablet'), ('Fracture of clavicle', 'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet'),
      ('Injury of medial collateral ligament of knee', 'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet')]
TCD = [
 lambda pt, c, cy, d: f"{c[0].upper()+c[1:]} since {cy}, treated with {d}.",
 lambda pt, c, cy, d: f"Dx {c} ({cy}); Rx {d}.",
 lambda pt, c, cy, d: f"{pt.He} has had {c} since {cy} and was prescribed {d}.",
 lambda pt, c, cy, d: f"{c[0].upper()+c[1:]} (onset {cy}) — managed with {d}.",
 lambda pt, c, cy, d: f"For the {c[2:] if c.startswith('a ') else c[3:] if c.startswith('an ') else c} diagnosed {cy}, {pt.he} got {d}.",
]

def gen():
    r = rng(707)
    out = []
    # --- lab/vital pairs on the same date
    cands = []
    for key in PTS:
        pt = P(key)
        for a, b in PAIRS:
            for o in pt.p.obs.get(a, []):
                if a in ('height', 'weight', 'bmi') and o['value'] < 20: continue
                oa = uniq(pt, a, o['date']); ob = uniq(pt, b, o['date'])
                if oa and ob and (a != 'a1c' or oa['value'] > 4): cands.append((pt, a, b, oa, ob))
    r.shuffle(cands)
    per = collections.Counter(); pc = collections.Counter(); chosen = []
    for c in cands:
        if per[c[0].key] >= 2 or pc[(c[1], c[2])] >= 4: continue
        per[c[0].key] += 1; pc[(c[1], c[2])] += 1; chosen.append(c)
        if len(chosen) >= 30: break
    tp = Cycler(range(len(TP)), 1); sty = Cycler(['iso', 'dmy', 'mdy', 'ord', 'dmy_full', 'us'], 2)
    k = 0
    for pt, a, b, oa, ob in chosen:
        label = 'correct' if k % 2 == 0 else 'wrong'; k += 1
        st = sty.next()
        if st == 'us' and int(oa['date'][8:]) <= 12: st = 'dmy'
        ds, dv = fmt_date(oa['date'], st)
        na, ua, da = LBL[a]; nb, ub, db = LBL[b]
        sa, sb = f(oa['value'], da), f(ob['value'], db)
        why_err = ''
        if label == 'wrong':
            if k % 4 == 0: sa = bad_num(r, oa['value'], da); why_err = f"{a} is {oa['value']:.2f}, not {sa}"
            else: sb = bad_num(r, ob['value'], db); why_err = f"{b} is {ob['value']:.2f}, not {sb}"
        ta = f"{na} {sa} {ua}"; tb = f"{nb} {sb} {ub}"
        t = TP[tp.next()](pt, ta, tb, ds)
        asserts = [A_val(oa['id'], a, f"{sa} {ua}", float(sa), UC.get(a, ua)), A_val(ob['id'], b, f"{sb} {ub}", float(sb), UC.get(b, ub)),
                   A_date(oa['id'], ds, dv), A_date(ob['id'], ds, dv)]
        why = (f"{a} {oa['value']:.3f} and {b} {ob['value']:.3f}, both {oa['date']}" if label == 'correct'
               else f"{why_err}; the other value ({a if why_err.startswith(b + ' ') else b}) and the date are right")
        add('two-facts', label, pt, t, [oa['id'], ob['id']], why, asserts)
    # --- BP + weight at one visit
    keys = [k_ for k_ in PTS if PTS[k_].obs.get('weight')]
    r.shuffle(keys)
    TBW = [lambda pt, s, d, w, ds: f"Triage {ds}: BP {s}/{d}, wt {w} kg.",
           lambda pt, s, d, w, ds: f"Pt seen {ds}; BP {s}/{d} mmHg and weight {w} kg.",
           lambda pt, s, d, w, ds: f"{ds} vitals — BP {s}/{d}, weight {w} kg",
           lambda pt, s, d, w, ds: f"{pt.He} weighed {w} kg with a BP of {s}/{d} on {ds}."]
    j = 0
    for key in keys[:14]:
        pt = P(key)
        bps = [o for o in pt.p.obs['bp'] if uniq(pt, 'weight', o['date']) and uniq(pt, 'weight', o['date'])['value'] > 20
               and sum(1 for y in pt.p.obs['bp'] if y['date'] == o['date']) == 1]
        if not bps: continue
        o = r.choice(bps); w = uniq(pt, 'weight', o['date'])
        label = 'correct' if j % 2 == 0 else 'wrong'
        st = ['iso', 'dmy', 'mdy', 'dash'][j % 4]
        ds, dv = fmt_date(o['date'], st)
        s_, d_, ws = f(o['sys'], 0), f(o['dia'], 0), f(w['value'], 1)
        why = f"BP panel {o['date']} {o['sys']:.0f}/{o['dia']:.0f}; weight {w['value']:.2f} kg same day"
        if label == 'wrong':
            if j % 3 == 1:
                d_ = str(int(o['dia']) + r.choice([-12, 11, 14])); why = f"diastolic was {o['dia']:.0f}, not {d_}; systolic and weight ({w['value']:.1f} kg) right"
            else:
                ws = bad_num(r, w['value'], 1); why = f"weight was {w['value']:.2f} kg, not {ws}; BP {o['sys']:.0f}/{o['dia']:.0f} right"
        t = TBW[j % 4](pt, s_, d_, ws, ds)
        asserts = [A_val(o['id'], 'sbp', s_ + '/' + d_, float(s_), 'mmHg'), A_val(o['id'], 'dbp', s_ + '/' + d_, float(d_), 'mmHg'),
                   A_val(w['id'], 'weight', ws + ' kg', float(ws), 'kg'), A_date(o['id'], ds, dv), A_date(w['id'], ds, dv)]
        add('two-facts', label, pt, t, [o['id'], w['id']], why, asserts)
        j += 1
    # --- condition + drug
    cdc = []
    for cd, dd in CD:
        for key in PTS:
            pt = P(key)
            cs = [c for c in pt.p.conds if c['name'] == cd]
            ms = [m for m in pt.p.meds if m['name'] == dd]
            for c in cs:
                for m in ms:
                    linked = ('urn:uuid:' + c['id']) in m['reason'] and len(cs) == 1
                    if c['onset'] == m['date'] or (linked and m is ms[0]):
                        cdc.append((pt, c, m))
    r.shuffle(cdc)
    seen = collections.Counter(); tc = Cycler(range(len(TCD)), 3)
    jj = 0
    for pt, c, m in cdc:
        if seen[pt.key] >= 2 or seen[c['name']] >= 3: continue
        seen[pt.key] += 1; seen[c['name']] += 1
        label = 'correct' if jj % 2 == 0 else 'wrong'; jj += 1
        cn = r.choice(COND[c['name']])
        st = 'year' if jj % 3 else 'month_full'
        cy, cv = fmt_date(c['onset'], st)
        okd = DRUGS[m['name']][0]; badd = DRUGS[m['name']][1]
        dtxt, terms = r.choice(okd); why_err = ''
        if label == 'wrong':
            wctr = getattr(gen, 'wctr', 0); gen.wctr = wctr + 1
            if wctr % 2 == 0 and badd:
                dtxt, terms, why_err = r.choice(badd)
            else:
                y2 = shift_date(c['onset'], 'year', r.choice([-2, 3]) if st == 'year' else 1)
                cy, cv = fmt_date(y2, st); why_err = f"{c['name']} onset is {c['onset']}, not {cy}"
        ti = tc.next()
        while c['status'] != 'active' and ti in (0, 2): ti = tc.next()
        t = TCD[ti](pt, cn, cy, dtxt)
        asserts = [A_code(c['id'], [COND_KEY[c['name']]]), A_date(c['id'], cy, cv, 'onset'), A_code(m['id'], terms, dtxt)]
        why = (f"Condition {c['name']} onset {c['onset']}; MedicationRequest {m['name']} ({m['date']})" if label == 'correct'
               else why_err + ('' if 'onset' in why_err else f" (MedicationRequest is {m['name']}); condition and onset right"))
        add('two-facts', label, pt, t, [c['id'], m['id']], why, asserts)

import collections
