from fw import *
CAT = 'interpretation'
import validate

def _interp(o, scheme):
    if scheme == 'bp':
        si, sv, di, dv = bp(o); return validate.interp('bp', [sv, dv])
    return validate.interp(scheme, [o['v']])

def _d(o, rnd):
    return fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'iso', 'dmy', 'my', 'us_nz']))

BPW = {'normal': ['normal', 'in the normal range (<120/<80, ACC/AHA 2017)', 'normotensive'],
       'elevated': ['in the "elevated" category (ACC/AHA 2017: 120–129/<80)', 'elevated but not hypertensive-range'],
       'stage1': ['in the stage 1 hypertension range', 'consistent with stage 1 hypertension by ACC/AHA 2017 cut-offs', 'mildly hypertensive (stage 1)'],
       'stage2': ['in the stage 2 hypertension range', 'stage 2 hypertensive range (≥140 or ≥90)', 'markedly elevated (stage 2)']}
BPWRONG = {'normal': ['stage1', 'stage2'], 'elevated': ['stage2', 'normal'], 'stage1': ['normal', 'stage2'], 'stage2': ['normal', 'elevated', 'stage1']}

def i_bp(P, rnd, wrong):
    L = [o for o in series(P, '55284-4') if age_at(P, o['date']) >= 18]
    L = [o for o in L if all(abs(bp(o)[1] - x) >= 1.0 for x in (120, 130, 140)) and all(abs(bp(o)[3] - x) >= 1.0 for x in (80, 90))]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    si, sv, di, dv = bp(o); cat = _interp(o, 'bp')
    said = rnd.choice(BPWRONG[cat]) if wrong else cat
    w = rnd.choice(BPW[said]); t = _d(o, rnd)
    i, s = pv('i_bp', [f"BP {fnum(sv,0)}/{fnum(dv,0)} {on_(t[1])} {t[0]} — {w}.", f"{whose(P, rnd)} blood pressure of {fnum(sv,0)}/{fnum(dv,0)} mmHg ({t[0]}) is {w}.", f"The {t[0]} reading ({fnum(sv,0)}/{fnum(dv,0)}) was {w}.",
                       f"{on_(t[1]).capitalize()} {t[0]} {P.his} BP was {w}: {fnum(sv,0)}/{fnum(dv,0)}."], rnd)
    allowed = {'normal': ['normal'], 'elevated': ['elevated'], 'stage1': ['stage1'], 'stage2': ['stage2']}[said]
    checks = [["interp", ro(o), 'bp', allowed], ["adult", ro(o), 18], chk_val(ro(o, si), fnum(sv, 0)), chk_val(ro(o, di), fnum(dv, 0)), chk_date(ro(o), t[1], t[2])]
    why = f"BP {sv:.1f}/{dv:.1f} in an adult is '{cat}' by ACC/AHA 2017 (normal <120/<80; elevated 120-129/<80; stage 1 130-139 or 80-89; stage 2 >=140 or >=90)" + ("" if not wrong else f"; claim says {said}")
    return tidy(s), [co(o)], checks, why

BMIW = {'underweight': ['underweight'], 'normal': ['in the normal-weight range', 'a healthy weight (BMI 18.5–24.9)'], 'overweight': ['overweight', 'in the overweight range (25–29.9)'],
        'obese': ['obese', 'in the obese range (WHO ≥30)', 'class I obesity']}
def i_bmi(P, rnd, wrong):
    L = [o for o in series(P, '39156-5') if age_at(P, o['date']) >= 20 and all(abs(o['v'] - x) >= 0.2 for x in (18.5, 25, 30, 35))]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    cat = _interp(o, 'bmi')
    said = rnd.choice({'underweight': ['normal'], 'normal': ['overweight', 'obese'], 'overweight': ['obese', 'normal'], 'obese': ['overweight', 'normal']}[cat]) if wrong else cat
    w = rnd.choice(BMIW[said]); t = _d(o, rnd); v = num(o)
    i, s = pv('i_bmi', [f"BMI {v} ({t[0]}): {w}.", f"With a BMI of {v} kg/m² {on_(t[1])} {t[0]}, {P.he} was {w}.", f"{whose(P, rnd)} BMI of {v} places {'him' if P.male else 'her'} {w if w.startswith('in ') else 'in the ' + w + ' category'}" + ("" if 'WHO' in w else " (WHO)") + ".",
                        f"{t[0]}: BMI {v} — {w}."], rnd)
    if 'class I' in w: allowed = ['obese']; extra = [["val", ro(o), 30, 35]]
    else: allowed = [said]; extra = []
    checks = [["interp", ro(o), 'bmi', allowed], ["adult", ro(o), 20], chk_val(ro(o), v)] + extra + ([chk_date(ro(o), t[1], t[2])] if t[0] in s else [])
    why = f"BMI {o['v']:.2f} in an adult = {cat} by WHO (<18.5 under, 18.5-24.9 normal, 25-29.9 over, >=30 obese)" + ("" if not wrong else f"; not {said}")
    return tidy(s), [co(o)], checks, why

def i_a1c(P, rnd, wrong):
    L = [o for o in series(P, '4548-4') if all(abs(o['v'] - x) >= 0.06 for x in (5.7, 6.5))]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    cat = _interp(o, 'a1c')
    said = rnd.choice({'normal': ['prediabetes', 'diabetes'], 'prediabetes': ['diabetes', 'normal'], 'diabetes': ['prediabetes']}[cat]) if wrong else cat
    w = {'normal': rnd.choice(['in the normal range (<5.7%)', 'non-diabetic (normal)', 'normal by ADA criteria']), 'prediabetes': rnd.choice(['in the prediabetes range (5.7–6.4%)', 'prediabetic-range', 'consistent with prediabetes (ADA)']),
         'diabetes': rnd.choice(['in the diabetic range (≥6.5%)', 'diagnostic-range for diabetes'])}[said]
    t = _d(o, rnd); v = num(o)
    i, s = pv('i_a1c', [f"A1c {v}% ({t[0]}) — {w}.", f"{whose(P, rnd)} HbA1c of {v}% {on_(t[1])} {t[0]} is {w}.", f"HbA1c {v}%, {w}, drawn {t[0]}.", f"The {t[0]} A1c ({v}%) was {w}."], rnd)
    checks = [["interp", ro(o), 'a1c', [said]], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = f"HbA1c {o['v']:.2f}% = {cat} by ADA (<5.7 normal, 5.7-6.4 prediabetes, >=6.5 diabetes)" + ("" if not wrong else f"; claim says {said}")
    return tidy(s), [co(o)], checks, why

def i_egfr(P, rnd, wrong):
    L = [o for o in series(P, '33914-3') if o['unit'] == 'mL/min/{1.73_m2}' and all(abs(o['v'] - x) >= 1.0 for x in (90, 60, 45, 30, 15))]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    cat = _interp(o, 'egfr'); order = ['G1', 'G2', 'G3a', 'G3b', 'G4', 'G5']
    said = cat
    if wrong:
        k = order.index(cat); said = order[k + 1] if k + 1 < len(order) and (k == 0 or rnd.random() < 0.5) else order[k - 1]
    desc = {'G1': 'normal or high (G1, ≥90)', 'G2': 'mildly decreased (G2, 60–89)', 'G3a': 'mildly to moderately decreased (G3a, 45–59)', 'G3b': 'moderately to severely decreased (G3b, 30–44)', 'G4': 'severely decreased (G4)', 'G5': 'kidney failure range (G5)'}[said]
    t = _d(o, rnd); v = num(o)
    i, s = pv('i_egfr', [f"eGFR {v} {on_(t[1])} {t[0]}: {desc} per KDIGO.", f"{whose(P, rnd)} eGFR of {v} mL/min/1.73m² ({t[0]}) falls in KDIGO category {said}.", f"KDIGO {said} range — eGFR {v} ({t[0]}).",
                         f"{on_(t[1]).capitalize()} {t[0]} kidney function was {desc.split(' (')[0]}, eGFR {v}."], rnd)
    checks = [["interp", ro(o), 'egfr', [said]], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = f"eGFR {o['v']:.1f} = KDIGO {cat}" + ("" if not wrong else f", not {said}")
    return tidy(s), [co(o)], checks, why

LIP = {'18262-6': ('ldl', {'optimal': ['optimal (<100 mg/dL)', 'at goal (<100)'], 'near-optimal': ['near-optimal (100–129)'], 'borderline-high': ['borderline high (130–159)'], 'high': ['high (160–189)'], 'very-high': ['very high (≥190)']}, [100, 130, 160, 190]),
       '2093-3': ('tc', {'desirable': ['desirable (<200 mg/dL)', 'in the desirable range'], 'borderline-high': ['borderline high (200–239)'], 'high': ['high (≥240)']}, [200, 240]),
       '2085-9': ('hdl', {'low': ['low (<40 mg/dL)'], 'high': ['high/protective (≥60)', 'favourably high (≥60 mg/dL)'], 'mid': ['between 40 and 59 (neither low nor high)']}, [40, 60]),
       '2571-8': ('tg', {'normal': ['normal (<150 mg/dL)', 'within normal limits'], 'borderline-high': ['borderline high (150–199)'], 'high': ['high (200–499)']}, [150, 200])}
def i_lipid(P, rnd, wrong):
    L = [o for c in LIP for o in series(P, c) if all(abs(o['v'] - x) >= 1.0 for x in LIP[c][2])]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    sch, W, _ = LIP[o['code']]; cat = _interp(o, sch)
    keys = list(W)
    said = rnd.choice([k for k in keys if k != cat]) if wrong else cat
    w = rnd.choice(W[said]); t = _d(o, rnd); v = num(o); nm = abbr(o['code'])
    i, s = pv('i_lipid', [f"{nm} {v} mg/dL ({t[0]}) — {w}.", f"{whose(P, rnd)} {label(o['code'])} of {v} {on_(t[1])} {t[0]} is {w} by NCEP ATP III.", f"{t[0]}: {nm} {v}, {w}.", f"The {nm} was {w} at {v} mg/dL ({t[0]})."], rnd)
    checks = [["interp", ro(o), sch, [said]], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = f"{label(o['code'])} {o['v']:.1f} mg/dL = {cat} by NCEP ATP III" + ("" if not wrong else f", not {said}")
    return tidy(s), [co(o)], checks, why

def i_temp(P, rnd, wrong):
    L = [o for o in series(P, '8331-1') if abs(o['v'] - 38.0) >= 0.1]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    cat = _interp(o, 'temp'); said = ('afebrile' if cat == 'fever' else 'fever') if wrong else cat
    w = {'fever': rnd.choice(['febrile', 'a fever (≥38.0 °C)', 'febrile (≥100.4 °F)']), 'afebrile': rnd.choice(['afebrile', 'not febrile', 'below the 38 °C fever threshold'])}[said]
    t = _d(o, rnd); v = num(o)
    i, s = pv('i_temp', [f"T {v} °C {on_(t[1])} {t[0]} — {w}.", f"{who(P, rnd)} was {w} {on_(t[1])} {t[0]} with an oral temperature of {v} °C.", f"Oral temp {v} °C ({t[0]}): {w}.", f"{on_(t[1]).capitalize()} {t[0]} {P.he} was {w}, temperature {v} °C."], rnd)
    s = s.replace('was a fever', 'had a fever')
    checks = [["interp", ro(o), 'temp', [said]], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = f"oral temperature {o['v']:.2f} °C: {'>=' if cat == 'fever' else '<'} 38.0 °C fever threshold" + ("" if not wrong else f"; claim says {said}")
    return tidy(s), [co(o)], checks, why

def i_hb(P, rnd, wrong):
    thr = 13 if P.male else 12
    L = [o for o in series(P, '718-7') if age_at(P, o['date']) >= 18 and abs(o['v'] - thr) >= 0.3]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    sch = 'hb_m' if P.male else 'hb_f'; cat = _interp(o, sch)
    said = ('normal' if cat == 'anemia' else 'anemia') if wrong else cat
    w = {'anemia': rnd.choice(['anemic by WHO criteria', 'consistent with anemia (WHO)', 'low (anaemia range)']), 'normal': rnd.choice(['not anemic (WHO)', 'within normal limits', 'normal, no anemia'])}[said]
    t = _d(o, rnd); v = num(o)
    i, s = pv('i_hb', [f"Hgb {v} g/dL ({t[0]}) — {w}.", f"{whose(P, rnd)} hemoglobin of {v} g/dL {on_(t[1])} {t[0]} is {w}.", f"{t[0]}: Hb {v}, {w}."], rnd)
    checks = [["interp", ro(o), sch, [said]], ["adult", ro(o), 18], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = f"Hb {o['v']:.2f} g/dL in an adult {'man' if P.male else 'woman'}; WHO anemia threshold <{thr}" + ("" if not wrong else f"; so not '{said}'")
    return tidy(s), [co(o)], checks, why

def i_pain(P, rnd, wrong):
    L = [o for o in series(P, '72514-3') if (0.5 <= o['v'] <= 3.0) or (4.0 <= o['v'] <= 6.0) or o['v'] >= 7.0]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    cat = _interp(o, 'pain'); said = rnd.choice([k for k in ('mild', 'moderate', 'severe') if k != cat]) if wrong else cat
    t = _d(o, rnd); v = fnum(o['v'], 0)
    i, s = pv('i_pain', [f"Pain {v}/10 ({t[0]}) — {said}.", f"{who(P, rnd)} reported {said} pain ({v}/10) {on_(t[1])} {t[0]}.", f"Self-reported pain score {v}/10 {on_(t[1])} {t[0]}, i.e. {said}."], rnd)
    checks = [["interp", ro(o), 'pain', [said]], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = f"pain score {o['v']:.2f}/10 = {cat} (NRS: 1-3 mild, 4-6 moderate, 7-10 severe)" + ("" if not wrong else f", not {said}")
    return tidy(s), [co(o)], checks, why

def i_misc(P, rnd, wrong):
    opts = []
    for o in series(P, '2857-1'): opts.append((o, 'psa', {'elevated': 'elevated (>4.0 ng/mL)', 'normal': 'within the normal range (≤4.0 ng/mL)'}))
    for o in series(P, '38265-5'): opts.append((o, 'tscore', {'normal': 'normal bone density (T ≥ −1.0)', 'osteopenia': 'osteopenic (T −1.0 to −2.5)', 'osteoporosis': 'in the osteoporosis range (T ≤ −2.5)'}))
    for o in series(P, '14959-1'): opts.append((o, 'uacr', {'A1': 'normal albuminuria (KDIGO A1, <30 mg/g)', 'A2': 'moderately increased albuminuria (A2, 30–300)'}))
    for o in obs_of(P, '10230-1')[:1]: opts.append((o, 'lvef', {'reduced': 'reduced (HFrEF, ≤40%)', 'mildly-reduced': 'mildly reduced (41–49%)', 'preserved': 'preserved (≥50%)'}))
    for o in series(P, '72106-8'):
        if o['v'] < 10 or o['v'] >= 24: opts.append((o, 'mmse', {'severe': 'severe cognitive impairment (<10)', 'normal': 'normal cognition (≥24)'}))
    for o in series(P, '6298-4'):
        if 3.6 <= o['v'] <= 4.9: opts.append((o, 'k', {'normal': 'normal (3.5–5.0)', 'high': 'hyperkalemic (>5.0)', 'low': 'hypokalemic (<3.5)'}))
    for o in series(P, '38483-4'):
        if o['v'] >= 1.6 or 0.7 <= o['v'] <= 1.0: opts.append((o, 'cr', {'high': 'elevated', 'normal': 'within normal limits'}))
    for o in series(P, '2339-0'):
        if o['v'] < 68 or 75 <= o['v'] <= 97: opts.append((o, 'glu', {'low': 'low, below 70 mg/dL (hypoglycemic range)', 'normal': 'normal (70–99 mg/dL)', 'high': 'elevated (≥100)'}))
    if not opts: raise Skip()
    o, sch, W = rnd.choice(opts); fact(CAT, o['id'])
    cat = _interp(o, sch)
    if cat not in W: raise Skip()
    said = rnd.choice([k for k in W if k != cat]) if wrong else cat
    if said == 'mildly-reduced' and o['v'] < 39: said = 'preserved'
    w = W[said]; t = _d(o, rnd); v = num(o); nm = abbr(o['code']); u = vocab.VF[o['code']][1][0]
    i, s = pv('i_misc', [f"{nm} {v} {u} {on_(t[1])} {t[0]}: {w}.", f"{whose(P, rnd)} {label(o['code'])} of {v} {u} ({t[0]}) is {w}.", f"{t[0]} — {nm} {v} {u}, {w}.", f"The {label(o['code'])} ({v} {u}, {t[0]}) was {w}."], rnd)
    checks = [["interp", ro(o), sch, [said]], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = f"{label(o['code'])} {o['v']:.2f} -> {cat} ({sch} thresholds: " + {'psa': 'PSA >4.0 ng/mL elevated', 'tscore': 'WHO T-score', 'uacr': 'KDIGO albuminuria A1 <30 mg/g', 'lvef': 'ACC/AHA HF: <=40% reduced', 'mmse': 'MMSE <10 severe by any scheme', 'k': 'K 3.5-5.0 mmol/L', 'cr': 'Cr >1.3 mg/dL elevated', 'glu': 'ADA: <70 hypoglycemia; <100 normal even fasting'}[sch] + ")" + ("" if not wrong else f"; not {said}")
    return tidy(s), [co(o)], checks, why

PATTERNS = [i_bp, i_bmi, i_a1c, i_egfr, i_lipid, i_temp, i_hb, i_pain, i_misc]
