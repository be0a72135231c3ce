"""Category: abbreviations."""
from common import *

AB = {  # analyte -> list of (abbreviation, unit text, unit canon)
 'ldl': [('LDL-C', 'mg/dL', 'mg/dL'), ('LDL', 'mg/dl', 'mg/dL')],
 'hdl': [('HDL-C', 'mg/dL', 'mg/dL'), ('HDL', 'mg/dL', 'mg/dL')],
 'tc': [('TC', 'mg/dL', 'mg/dL'), ('T-chol', 'mg/dL', 'mg/dL')],
 'tg': [('TG', 'mg/dL', 'mg/dL'), ('TGs', 'mg/dl', 'mg/dL')],
 'a1c': [('HbA1c', '%', '%'), ('A1c', '%', '%')],
 'cr': [('Cr', 'mg/dL', 'mg/dL'), ('SCr', 'mg/dL', 'mg/dL')],
 'bun': [('BUN', 'mg/dL', 'mg/dL')],
 'k': [('K', 'mmol/L', 'mmol/L'), ('K+', 'mEq/L', 'mEq/L')],
 'na': [('Na', 'mmol/L', 'mmol/L'), ('Na+', 'mEq/L', 'mEq/L')],
 'cl': [('Cl', 'mmol/L', 'mmol/L')],
 'co2': [('HCO3', 'mmol/L', 'mmol/L'), ('CO2', 'mmol/L', 'mmol/L')],
 'ca': [('Ca', 'mg/dL', 'mg/dL')],
 'glucose': [('Glu', 'mg/dL', 'mg/dL'), ('BG', 'mg/dL', 'mg/dL')],
 'hgb': [('Hgb', 'g/dL', 'g/dL'), ('Hb', 'g/dL', 'g/dL')],
 'hct': [('Hct', '%', '%')],
 'wbc': [('WBC', 'x10^9/L', '10^9/L'), ('WBC', 'K/uL', 'K/uL')],
 'plt': [('Plt', 'x10^9/L', '10^9/L'), ('PLT', 'K/µL', 'K/uL')],
 'mcv': [('MCV', 'fL', 'fL')],
 'rbc': [('RBC', 'x10^12/L', '10^12/L')],
 'egfr': [('eGFR', 'mL/min/1.73m2', 'mL/min/1.73m2')],
 'uacr': [('UACR', 'mg/g', 'mg/g'), ('ACR', 'mg/g', 'mg/g')],
 'bmi': [('BMI', 'kg/m2', 'kg/m2')],
 'psa': [('PSA', 'ng/mL', 'ng/mL')],
 'lvef': [('LVEF', '%', '%'), ('EF', '%', '%')],
 'alt': [('ALT', 'U/L', 'U/L')], 'ast': [('AST', 'U/L', 'U/L')], 'alp': [('ALP', 'U/L', 'U/L')],
 'temp': [('T', '°C', 'C'), ('Temp', 'C', 'C')],
 'weight': [('Wt', 'kg', 'kg')], 'height': [('Ht', 'cm', 'cm')],
}
DEC = {'ldl': 0, 'hdl': 0, 'tc': 0, 'tg': 0, 'a1c': 1, 'cr': 2, 'bun': 0, 'k': 1, 'na': 0, 'cl': 0, 'co2': 0, 'ca': 1, 'glucose': 0,
       'hgb': 1, 'hct': 1, 'wbc': 1, 'plt': 0, 'mcv': 0, 'rbc': 2, 'egfr': 0, 'uacr': 1, 'bmi': 1, 'psa': 1, 'lvef': 0, 'alt': 0,
       'ast': 0, 'alp': 0, 'temp': 1, 'weight': 1, 'height': 0}
# sibling analytes in the same panel whose value a hurried writer might put behind the wrong abbreviation
SIB = {'ldl': 'hdl', 'hdl': 'ldl', 'tc': 'tg', 'tg': 'tc', 'cr': 'bun', 'bun': 'cr', 'k': 'ca', 'ca': 'k', 'na': 'cl', 'cl': 'na',
       'hgb': 'mcv', 'hct': 'hgb', 'wbc': 'rbc', 'rbc': 'wbc', 'alt': 'ast', 'ast': 'alt', 'glucose': 'bun', 'co2': 'bun',
       'mcv': 'hct', 'plt': 'mcv'}

T = [
 lambda pt, a, v, u, ds: f"{a} {v} {u} ({ds})",
 lambda pt, a, v, u, ds: f"{ds} labs: {a} {v} {u}.",
 lambda pt, a, v, u, ds: f"{pt.His} {a} was {v} {u} on {ds}.",
 lambda pt, a, v, u, ds: f"{a}: {v} {u}, drawn {ds}",
 lambda pt, a, v, u, ds: f"Checked {a} on {ds} — {v} {u}.",
 lambda pt, a, v, u, ds: f"{a} came back at {v} {u} on {ds}.",
 lambda pt, a, v, u, ds: f"Per the {ds} results, {a} {v} {u}.",
 lambda pt, a, v, u, ds: f"Pt {a} {v} {u} as of {ds}.",
 lambda pt, a, v, u, ds: f"Yes — {a} on {ds} was {v} {u}.",
 lambda pt, a, v, u, ds: f"{a} {v} ({u}) measured {ds}.",
 lambda pt, a, v, u, ds: f"On {ds}: {a} = {v} {u}",
 lambda pt, a, v, u, ds: f"Labs from {ds} show an {a} of {v} {u}." if a[0] in 'AEFHLMNRS' else f"Labs from {ds} show a {a} of {v} {u}.",
]

# condition abbreviations: (display, correct abbreviation text, wrong abbreviation text, wrong term that the record would need)
CONDAB = [
 ('Hypertension', 'HTN', 'HLD', 'hyperlipid'),
 ('Chronic congestive heart failure (disorder)', 'CHF', 'COPD', 'obstructive pulmonary'),
 ('Myocardial Infarction', 'MI', 'CVA', 'stroke'),
 ('Coronary Heart Disease', 'CHD', 'CHF', 'heart failure'),
 ('Chronic kidney disease stage 1 (disorder)', 'CKD stage 1', 'CKD stage 3', 'stage 3'),
 ('Osteoarthritis of hip', 'OA of the hip', 'RA of the hip', 'rheumatoid'),
 ('Stroke', 'CVA', 'TIA', 'transient ischemic'),
 ('Hyperlipidemia', 'HLD', 'HTG', 'hypertriglyceridemia'),
 ('Diabetes', 'DM', 'T1DM', 'type 1'),
 ('Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus (disorder)', 'NPDR', 'PDR', 'proliferative diabetic retinopathy due'),
 ('Neuropathy due to type 2 diabetes mellitus (disorder)', 'T2DM neuropathy', 'T1DM neuropathy', 'type 1'),
 ('Acute bronchitis (disorder)', 'acute bronchitis', 'AECOPD', 'copd'),
 ('Injury of medial collateral ligament of knee', 'MCL injury', 'ACL tear', 'anterior cruciate'),
 ('Streptococcal sore throat (disorder)', 'strep pharyngitis', 'PTA', 'peritonsillar'),
 ('Otitis media', 'OM', 'OE (otitis externa)', 'externa'),
 ('Seasonal allergic rhinitis', 'SAR', 'AR (perennial)', 'perennial'),
 ('Concussion with no loss of consciousness', 'concussion w/o LOC', 'concussion with LOC', 'with loss'),
 ('Osteoporosis (disorder)', 'OP', 'osteopenia', 'osteopenia'),
 ('Atopic dermatitis', 'AD (atopic dermatitis)', 'contact dermatitis', 'contact'),
 ('History of myocardial infarction (situation)', 'h/o MI', 'h/o CABG', 'bypass'),
]
TC = [
 lambda pt, a, ds: f"PMH: {a} (dx {ds}).",
 lambda pt, a, ds: f"Hx {a}, onset {ds}",
 lambda pt, a, ds: f"{a} on the problem list since {ds}.",
 lambda pt, a, ds: f"{pt.He} carries a dx of {a} from {ds}.",
 lambda pt, a, ds: f"Known {a} — first coded {ds}.",
]

def gen():
    r = rng(202)
    lab = []
    for key in PTS:
        pt = P(key)
        for an in AB:
            xs = pt.p.obs.get(an, [])
            xs = [o for o in xs if sum(1 for y in xs if y['date'] == o['date']) == 1]
            if xs: lab.append((pt, an, r.choice(xs)))
    r.shuffle(lab)
    # pick 44 lab claims spread over patients and analytes
    per = collections.Counter(); anc = collections.Counter(); chosen = []
    for pt, an, o in lab:
        lim = 5 if pt.key in ('vito_feeney', 'evelyn_mccullough') else 2
        if per[pt.key] >= lim or anc[an] >= 3: continue
        per[pt.key] += 1; anc[an] += 1; chosen.append((pt, an, o))
        if len(chosen) >= 44: break
    tsel = Cycler(range(len(T)), 3); styles = Cycler(['iso', 'dmy', 'mdy', 'us', 'month', 'ord', 'dash', 'slash_iso'], 4)
    for i, (pt, an, o) in enumerate(chosen):
        label = 'correct' if i % 2 == 0 else 'wrong'
        ab, ut, uc = r.choice(AB[an])
        dec = DEC[an]
        st = styles.next()
        if st == 'us' and int(o['date'][8:]) <= 12: st = 'dmy'
        ds, dv = fmt_date(o['date'], st)
        vs = f(o['value'], dec); v = float(vs)
        cite = o['id']; why_err = ''
        if label == 'wrong':
            sib = SIB.get(an)
            sibo = None
            if sib and sib in pt.p.obs:
                cand = [x for x in pt.p.obs[sib] if x['date'] == o['date']]
                if len(cand) == 1: sibo = cand[0]
            if sibo is not None and i % 4 == 1:
                # value of the sibling analyte written behind this abbreviation; cite sibling's record (misattributed)
                vs = f(sibo['value'], dec); v = float(vs); cite = sibo['id']
                why_err = f"{vs} is the {sib.upper()} value ({sibo['value']:.2f}); the cited record is {sib.upper()}, not {an.upper()} ({o['value']:.2f})"
                if abs(float(vs) - o['value']) < 10 ** -dec: continue
            else:
                fac = r.choice([0.8, 0.85, 1.15, 1.22])
                vs = f(o['value'] * fac, dec); v = float(vs)
                if an == 'temp': vs = f(o['value'] + r.choice([-0.9, 0.9]), dec); v = float(vs)
                if vs == f(o['value'], dec): vs = f(o['value'] + 10 ** -dec * 3, dec); v = float(vs)
                why_err = f"record value is {o['value']:.2f} {o['unit']}, claim says {vs}"
        ti = tsel.next()
        while an in ('height', 'weight', 'bmi', 'temp') and ti in (1, 3, 6, 11): ti = tsel.next()
        t = T[ti](pt, ab, vs, ut, ds)
        asserts = [A_val(cite, an, vs, v, uc), A_date(cite, ds, dv)]
        why = (f"{an.upper()} observation {o['date']}: {o['value']:.2f} {o['unit']} ({ab} = {an}); value rounds to {vs}" if label == 'correct'
               else why_err)
        add('abbreviations', label, pt, t, [cite], why, asserts)
    # condition abbreviations
    cc = []
    for disp, good, bad, badterm in CONDAB:
        for key in PTS:
            pt = P(key)
            for c in pt.p.conds:
                if c['name'] == disp: cc.append((pt, c, good, bad, badterm))
    r.shuffle(cc)
    used = set(); ctr = 0; tcs = Cycler(range(len(TC)), 5); cst = Cycler(['year', 'iso', 'month_full', 'dmy', 'year'], 6)
    for pt, c, good, bad, badterm in cc:
        if c['name'] in used: continue
        used.add(c['name'])
        label = 'correct' if ctr % 2 == 0 else 'wrong'; ctr += 1
        ds, dv = fmt_date(c['onset'], cst.next())
        a = good if label == 'correct' else bad
        t = TC[tcs.next()](pt, a, ds)
        key = COND_KEY[c['name']]
        asserts = [A_date(c['id'], ds, dv, 'onset'), A_code(c['id'], [key if label == 'correct' else badterm])]
        why = (f"Condition '{c['name']}' onset {c['onset']}; {good} is the standard abbreviation" if label == 'correct'
               else f"Condition is '{c['name']}' (onset {c['onset']}); '{bad}' names a different condition")
        add('abbreviations', label, pt, t, [c['id']], why, asserts)

import collections
