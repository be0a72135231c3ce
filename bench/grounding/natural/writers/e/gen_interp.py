"""Category: interpretation (normal / high / low ... against named published thresholds)."""
from common import *

def age_at(pt, d):
    b = pt.p.birth
    return int(d[:4]) - int(b[:4]) - ((d[5:], ) < (b[5:], ))

# scheme -> (analyte, category function, phrases per category, threshold text, margin check)
def bp_cat(s, d):
    if s >= 140 or d >= 90: return 'stage2'
    if s >= 130 or d >= 80: return 'stage1'
    if s >= 120: return 'elevated'
    return 'normal'
def bp_margin(s, d):
    return min(abs(s - t) for t in (120, 130, 140)) >= 1.5 and min(abs(d - t) for t in (80, 90)) >= 1.5

PH = {
 'bp_acc': {'normal': ['normal BP', 'a normal blood pressure'], 'elevated': ['elevated BP (not yet hypertensive)', 'in the elevated range'],
            'stage1': ['stage 1 hypertension range', 'stage 1 HTN'], 'stage2': ['stage 2 hypertension range', 'stage 2 HTN']},
 'bmi_who': {'underweight': ['underweight'], 'normal': ['a normal BMI', 'normal weight'], 'overweight': ['overweight', 'in the overweight range'],
             'obese': ['obese', 'in the obese range']},
 'a1c_ada': {'normal': ['normal (non-diabetic)', 'in the normal range'], 'prediabetes': ['in the prediabetes range', 'prediabetic'],
             'diabetes': ['in the diabetic range', 'diagnostic of diabetes']},
 'egfr_kdigo': {'G1': ['normal kidney function (G1)', 'KDIGO G1'], 'G2': ['mildly decreased (G2)', 'KDIGO stage G2'],
                'G3a': ['G3a — mild-to-moderate reduction', 'CKD G3a range'], 'G3b': ['G3b, moderately to severely decreased', 'G3b range'],
                'G4': ['severely decreased (G4)'], 'G5': ['kidney failure range (G5)']},
 'ldl_atp': {'optimal': ['optimal', 'at goal (<100)'], 'near_optimal': ['near-optimal', 'near optimal/above optimal'],
             'borderline': ['borderline high'], 'high': ['high'], 'very_high': ['very high']},
 'tc_atp': {'desirable': ['desirable', 'in the desirable range'], 'borderline': ['borderline high'], 'high': ['high']},
 'tg_atp': {'normal': ['normal', 'within normal limits'], 'borderline': ['borderline high'], 'high': ['high'], 'very_high': ['very high']},
 'hdl_atp': {'low': ['low'], 'normal': ['acceptable'], 'high': ['high (protective)', 'favourably high']},
 'fever': {'afebrile': ['afebrile', 'no fever'], 'febrile': ['febrile', 'a fever']},
 'hgb_who': {'anemic': ['anemic', 'consistent with anaemia'], 'normal': ['not anemic', 'normal for sex']},
 'wbc': {'low': ['leukopenic', 'low'], 'normal': ['normal', 'within the reference range'], 'high': ['elevated (leukocytosis)']},
 'plt': {'low': ['thrombocytopenic'], 'normal': ['normal', 'within range'], 'high': ['thrombocytosis', 'high']},
 'psa': {'normal': ['below the 4.0 cutoff', 'not elevated'], 'elevated': ['elevated', 'above the 4.0 ng/mL cutoff']},
 'lvef': {'reduced': ['reduced (HFrEF range)'], 'mildly_reduced': ['mildly reduced'], 'preserved': ['preserved']},
 'mmse': {'normal': ['normal cognition'], 'mild': ['mild cognitive impairment range'], 'moderate': ['moderate impairment'], 'severe': ['severe impairment']},
 'uacr': {'A1': ['normal to mildly increased albuminuria (A1)', 'normal (<30 mg/g)'], 'A2': ['moderately increased albuminuria (A2)'], 'A3': ['severely increased (A3)']},
 'glucose': {'low': ['hypoglycemic (<70)', 'in the hypoglycaemic range'], 'normal': ['normal', 'within normal limits'], 'ifg': ['impaired fasting glucose range'], 'diabetic': ['in the diabetic range']},
 'k': {'low': ['hypokalemic'], 'normal': ['normal', 'within normal limits'], 'high': ['hyperkalemic', 'high']},
 'na': {'low': ['hyponatremic'], 'normal': ['normal', 'normonatremic'], 'high': ['hypernatremic']},
 'ntprobnp': {'normal': ['normal'], 'elevated': ['elevated', 'raised']},
 'tscore': {'normal': ['normal bone density'], 'osteopenia': ['osteopenic'], 'osteoporosis': ['osteoporotic']},
}
THR = {
 'bp_acc': 'ACC/AHA 2017: normal <120/<80, elevated 120-129/<80, stage 1 130-139 or 80-89, stage 2 >=140 or >=90',
 'bmi_who': 'WHO: <18.5 underweight, 18.5-24.9 normal, 25-29.9 overweight, >=30 obese',
 'a1c_ada': 'ADA: <5.7 normal, 5.7-6.4 prediabetes, >=6.5 diabetes',
 'egfr_kdigo': 'KDIGO: G1 >=90, G2 60-89, G3a 45-59, G3b 30-44, G4 15-29, G5 <15',
 'ldl_atp': 'NCEP ATP III LDL: <100 optimal, 100-129 near optimal, 130-159 borderline high, 160-189 high, >=190 very high',
 'tc_atp': 'NCEP ATP III TC: <200 desirable, 200-239 borderline high, >=240 high',
 'tg_atp': 'NCEP ATP III TG: <150 normal, 150-199 borderline high, 200-499 high',
 'hdl_atp': 'NCEP ATP III HDL: <40 low, >=60 high',
 'fever': 'fever = >=38.0 °C (100.4 °F)',
 'hgb_who': 'WHO anaemia: Hb <13 g/dL men, <12 g/dL non-pregnant women',
 'wbc': 'adult WBC reference 4.0-11.0 x10^9/L',
 'plt': 'platelet reference 150-450 x10^9/L',
 'psa': 'PSA conventional cutoff 4.0 ng/mL',
 'lvef': 'ACC/AHA HF: LVEF <=40% reduced, 41-49% mildly reduced, >=50% preserved',
 'mmse': 'MMSE: >=24 normal, 18-23 mild, 10-17 moderate, <=9 severe',
 'uacr': 'KDIGO albuminuria: A1 <30, A2 30-300, A3 >300 mg/g',
 'glucose': 'ADA fasting glucose: <70 hypoglycaemia level 1, 70-99 normal, 100-125 IFG, >=126 diabetes',
 'k': 'potassium reference 3.5-5.0 mmol/L',
 'na': 'sodium reference 135-145 mmol/L',
 'ntprobnp': 'ESC: NT-proBNP >125 pg/mL abnormal (outpatient rule-out)',
 'tscore': 'WHO DXA: T >= -1.0 normal, -1 to -2.5 osteopenia, <= -2.5 osteoporosis',
}
AN = {'bmi_who': 'bmi', 'a1c_ada': 'a1c', 'egfr_kdigo': 'egfr', 'ldl_atp': 'ldl', 'tc_atp': 'tc', 'tg_atp': 'tg', 'hdl_atp': 'hdl', 'fever': 'temp',
      'hgb_who': 'hgb', 'wbc': 'wbc', 'plt': 'plt', 'psa': 'psa', 'lvef': 'lvef', 'mmse': 'mmse', 'uacr': 'uacr', 'glucose': 'glucose',
      'k': 'k', 'na': 'na', 'ntprobnp': 'ntprobnp', 'tscore': 'tscore'}
CUTS = {
 'bmi_who': [(18.5, 'underweight'), (25, 'normal'), (30, 'overweight'), (1e9, 'obese')],
 'a1c_ada': [(5.7, 'normal'), (6.5, 'prediabetes'), (1e9, 'diabetes')],
 'egfr_kdigo': [(15, 'G5'), (30, 'G4'), (45, 'G3b'), (60, 'G3a'), (90, 'G2'), (1e9, 'G1')],
 'ldl_atp': [(100, 'optimal'), (130, 'near_optimal'), (160, 'borderline'), (190, 'high'), (1e9, 'very_high')],
 'tc_atp': [(200, 'desirable'), (240, 'borderline'), (1e9, 'high')],
 'tg_atp': [(150, 'normal'), (200, 'borderline'), (500, 'high'), (1e9, 'very_high')],
 'hdl_atp': [(40, 'low'), (60, 'normal'), (1e9, 'high')],
 'fever': [(38.0, 'afebrile'), (1e9, 'febrile')],
 'wbc': [(4.0, 'low'), (11.0, 'normal'), (1e9, 'high')],
 'plt': [(150, 'low'), (450, 'normal'), (1e9, 'high')],
 'psa': [(4.0, 'normal'), (1e9, 'elevated')],
 'lvef': [(40.0001, 'reduced'), (50, 'mildly_reduced'), (1e9, 'preserved')],
 'mmse': [(10, 'severe'), (18, 'moderate'), (24, 'mild'), (1e9, 'normal')],
 'uacr': [(30, 'A1'), (300, 'A2'), (1e9, 'A3')],
 'glucose': [(70, 'low'), (100, 'normal'), (126, 'ifg'), (1e9, 'diabetic')],
 'k': [(3.5, 'low'), (5.0, 'normal'), (1e9, 'high')],
 'na': [(135, 'low'), (145, 'normal'), (1e9, 'high')],
 'ntprobnp': [(125, 'normal'), (1e9, 'elevated')],
 'tscore': [(-2.5, 'osteoporosis'), (-1.0, 'osteopenia'), (1e9, 'normal')],
}
MARGIN = {'bmi_who': 0.4, 'a1c_ada': 0.1, 'egfr_kdigo': 2, 'ldl_atp': 2, 'tc_atp': 3, 'tg_atp': 3, 'hdl_atp': 1.5, 'fever': 0.2, 'wbc': 0.2,
          'plt': 10, 'psa': 0.3, 'lvef': 1, 'mmse': 0.5, 'uacr': 2, 'glucose': 2, 'k': 0.15, 'na': 1.5, 'ntprobnp': 20, 'tscore': 0.2}
UNIT = {'bmi': 'kg/m2', 'a1c': '%', 'egfr': 'mL/min/1.73m2', 'ldl': 'mg/dL', 'tc': 'mg/dL', 'tg': 'mg/dL', 'hdl': 'mg/dL', 'temp': '°C',
        'hgb': 'g/dL', 'wbc': 'K/uL', 'plt': 'K/uL', 'psa': 'ng/mL', 'lvef': '%', 'mmse': '', 'uacr': 'mg/g', 'glucose': 'mg/dL',
        'k': 'mmol/L', 'na': 'mmol/L', 'ntprobnp': 'pg/mL', 'tscore': ''}
UC = {'temp': 'C', 'wbc': 'K/uL', 'plt': 'K/uL'}
DEC = {'bmi': 1, 'a1c': 1, 'egfr': 0, 'ldl': 0, 'tc': 0, 'tg': 0, 'hdl': 0, 'temp': 1, 'hgb': 1, 'wbc': 1, 'plt': 0, 'psa': 2, 'lvef': 0,
       'mmse': 0, 'uacr': 1, 'glucose': 0, 'k': 1, 'na': 0, 'ntprobnp': 0, 'tscore': 1}
NAMES = {'bmi': 'BMI', 'a1c': 'HbA1c', 'egfr': 'eGFR', 'ldl': 'LDL', 'tc': 'total cholesterol', 'tg': 'triglycerides', 'hdl': 'HDL',
         'temp': 'temperature', 'hgb': 'hemoglobin', 'wbc': 'WBC', 'plt': 'platelet count', 'psa': 'PSA', 'lvef': 'LVEF', 'mmse': 'MMSE',
         'uacr': 'urine albumin/creatinine ratio', 'glucose': 'glucose', 'k': 'potassium', 'na': 'sodium', 'ntprobnp': 'NT-proBNP', 'tscore': 'DXA T-score'}

def band(x, cuts):
    for hi, nm in cuts:
        if x < hi: return nm
    return cuts[-1][1]

def near_edge(x, cuts, m):
    return any(abs(x - hi) < m for hi, _ in cuts if hi < 1e8)

T = [
 lambda pt, n, v, ds, p: f"{n} {v} on {ds} — {p}.",
 lambda pt, n, v, ds, p: f"{pt.His} {n} of {v} ({ds}) is {p}.",
 lambda pt, n, v, ds, p: f"{ds}: {n} {v}, {p}.",
 lambda pt, n, v, ds, p: f"With a {n} of {v} on {ds}, {pt.he} was {p}.",
 lambda pt, n, v, ds, p: f"Interpretation: {n} {v} ({ds}) = {p}.",
 lambda pt, n, v, ds, p: f"{n} came back {v} on {ds}, which is {p}.",
 lambda pt, n, v, ds, p: f"Lab comment — {n} {v} ({ds}): {p}.",
]

def gen():
    r = rng(1313)
    cands = []
    for key in PTS:
        pt = P(key)
        for sch, an in AN.items():
            xs = [o for o in pt.p.obs.get(an, []) if sum(1 for y in pt.p.obs[an] if y['date'] == o['date']) == 1]
            for o in xs:
                if sch in ('bmi_who', 'hgb_who', 'wbc', 'plt', 'glucose', 'k', 'na', 'egfr_kdigo', 'ldl_atp', 'tc_atp', 'tg_atp', 'hdl_atp') and age_at(pt, o['date']) < 18: continue
                if sch == 'a1c_ada' and o['value'] < 4: continue
                if sch == 'hgb_who':
                    cut = [(13.0 if pt.p.gender == 'male' else 12.0, 'anemic'), (1e9, 'normal')]
                    if near_edge(o['value'], cut, 0.2): continue
                    cat = band(o['value'], cut)
                else:
                    if near_edge(o['value'], CUTS[sch], MARGIN[sch]): continue
                    cat = band(o['value'], CUTS[sch])
                cands.append((pt, sch, an, o, cat))
        for o in pt.p.obs['bp']:
            if age_at(pt, o['date']) >= 18 and bp_margin(o['sys'], o['dia']) and sum(1 for y in pt.p.obs['bp'] if y['date'] == o['date']) == 1:
                cands.append((pt, 'bp_acc', 'bp', o, bp_cat(o['sys'], o['dia'])))
    r.shuffle(cands)
    # prefer variety of categories (abnormal ones are rarer)
    cands.sort(key=lambda c: 0 if c[4] not in ('normal', 'desirable', 'optimal', 'afebrile', 'G1', 'A1') else 1)
    per = collections.Counter(); sc = collections.Counter(); cc = collections.Counter(); chosen = []
    for c in cands:
        lim = 5 if c[0].key in ('vito_feeney', 'evelyn_mccullough') else 3
        if per[c[0].key] >= lim or sc[c[1]] >= (9 if c[1] == 'bp_acc' else 5) or cc[(c[1], c[4])] >= 4: continue
        per[c[0].key] += 1; sc[c[1]] += 1; cc[(c[1], c[4])] += 1; chosen.append(c)
        if len(chosen) >= 66: break
    r.shuffle(chosen)
    tt = Cycler(range(len(T)), 1); sty = Cycler(['iso', 'dmy', 'mdy', 'month', 'ord', 'dmy_full'], 2)
    for i, (pt, sch, an, o, cat) in enumerate(chosen):
        label = 'correct' if i % 2 == 0 else 'wrong'
        st = sty.next()
        ds, dv = fmt_date(o['date'], st)
        cats = list(PH[sch].keys())
        if label == 'correct':
            say = cat
        else:
            # an adjacent (plausible) but wrong category
            k = cats.index(cat)
            opts = [cats[j] for j in (k - 1, k + 1) if 0 <= j < len(cats)]
            say = r.choice(opts)
            if sch == 'hdl_atp':
                if cat == 'low': continue
                say = 'low'      # 40-59 has no ATP III name; only 'low' is unambiguously wrong for HDL >= 40
        p = r.choice(PH[sch][say])
        if sch == 'bp_acc':
            s_, d_ = f(o['sys'], 0), f(o['dia'], 0)
            v = f"{s_}/{d_}"
            n = 'BP'
            asserts = [A_val(o['id'], 'sbp', v, float(s_), 'mmHg'), A_val(o['id'], 'dbp', v, float(d_), 'mmHg')]
        else:
            n = NAMES[an]; vs = f(o['value'], DEC[an]); v = f"{vs} {UNIT[an]}".strip()
            asserts = [A_val(o['id'], an, v, float(vs), UC.get(an, UNIT[an]))]
        asserts += [A_date(o['id'], ds, dv), A_interp(o['id'], sch, say, p)]
        t = T[tt.next()](pt, n, v, ds, p)
        if t[0].islower() and not t[1].isupper(): t = t[0].upper() + t[1:]
        val = f"{o['sys']:.0f}/{o['dia']:.0f}" if sch == 'bp_acc' else f"{o['value']:.3f}"
        why = (f"{an} {val} on {o['date']} -> {cat}; threshold: {THR[sch]}" if label == 'correct'
               else f"{an} {val} on {o['date']} is {cat}, not {say}; threshold: {THR[sch]}")
        add('interpretation', label, pt, t, [o['id']], why, asserts)

import collections
