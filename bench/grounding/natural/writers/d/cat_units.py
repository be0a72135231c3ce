from fw import *
CAT = 'units'

def _o(P, rnd, codes):
    L = [o for c in codes for o in series(P, c) if o['v'] is not None]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id']); return o

def _dt(o, rnd, pool=('us', 'iso', 'mdy', 'dmy', 'my', 'us_nz')):
    st = pick_style(o['date'], rnd, list(pool)); t, g, val = fdate(o['date'], st); return t, chk_date(ro(o), g, val), g

def conv(v, key, code=None):
    import validate
    return validate.convert(v, {'8331-1': 'Cel', '29463-7': 'kg', '8302-2': 'cm'}.get(code, None) or UNIT[code], code, key)

UNIT = {'2339-0': 'mg/dL', '2093-3': 'mg/dL', '18262-6': 'mg/dL', '2085-9': 'mg/dL', '2571-8': 'mg/dL', '38483-4': 'mg/dL', '718-7': 'g/dL', '777-3': '10*3/uL',
        '6690-2': '10*3/uL', '4548-4': '%', '6299-2': 'mg/dL', '49765-1': 'mg/dL', '2857-1': 'ng/mL', '33762-6': 'pg/mL', '789-8': '10*6/uL', '33914-3': 'mL/min/{1.73_m2}'}

def cchk(o, s, key):
    lo, hi = rng_of(s); return ["conv", ro(o), lo, hi, key]

def u_temp(P, rnd, wrong):
    o = _o(P, rnd, ['8331-1']); c = o['v']; f = c * 9 / 5 + 32
    C = fnum(c, 1); F = fnum(f, 1)
    t, dc, g = _dt(o, rnd)
    mode = rnd.choice(['label', 'calc']) if wrong else None
    if mode == 'label': F = C          # Celsius number with a Fahrenheit label
    if mode == 'calc': F = fnum(c * 9 / 5 + 32 + rnd.choice([-1.8, 1.8, 2.0, -2.0]), 1)
    i, s = pv('u_temp', [f"Temp {F} °F on {t}.", f"T {F}F ({t})", f"{whose(P, rnd)} oral temperature was {F} degrees Fahrenheit {on_(g)} {t}.",
                         f"{on_(g).capitalize()} {t} {P.he} ran {C} °C ({F} °F) orally." if mode != 'label' else f"{on_(g).capitalize()} {t} {P.he} had an oral temp of {F} °F.",
                         f"Oral temperature {t}: {F} deg F."], rnd)
    checks = [cchk(o, F, 'degF'), dc] + ([cchk(o, C, 'degC')] if f"{C} °C" in s else [])
    why = f"Oral temperature {c:.2f} Cel = {f:.2f} °F on {o['date']}" if not wrong else (f"{C} is the Celsius value ({c:.2f} Cel); labelled °F it is wrong ({f:.1f} °F)" if mode == 'label' else f"{c:.2f} °C is {f:.1f} °F, not {F}")
    return tidy(s), [co(o)], checks, why

def u_weight(P, rnd, wrong):
    o = _o(P, rnd, ['29463-7'])
    if o['v'] < 10 and rnd.random() < 0.6: return u_grams(P, rnd, wrong, o)
    kg = o['v']; lb = kg * 2.2046226
    K = fnum(kg, 1); Lb = fnum(lb, 1) if rnd.random() < 0.5 else fnum(lb, 0)
    t, dc, g = _dt(o, rnd)
    mode = rnd.choice(['label', 'calc']) if wrong else None
    if mode == 'label': Lb = K
    if mode == 'calc': Lb = fnum(kg * 2.0, len(Lb.split('.')[1]) if '.' in Lb else 0)
    ul = rnd.choice(['lb', 'lbs', 'pounds'])
    i, s = pv('u_weight', [f"Wt {Lb} {ul} ({t})", f"{who(P, rnd)} weighed {Lb} {ul} {on_(g)} {t}.", f"Weight {t}: {K} kg ({Lb} lb)." if mode != 'label' else f"Weight {t}: {Lb} lb.",
                           f"{whose(P, rnd)} weight was {Lb} pounds {on_(g)} {t}.", f"{t} — body weight {Lb} {ul}"], rnd)
    checks = [cchk(o, Lb, 'lb'), dc] + ([cchk(o, K, 'kg')] if f"{K} kg" in s else [])
    why = f"Body weight {kg:.3f} kg = {lb:.2f} lb on {o['date']}" if not wrong else (f"{K} is the weight in kg; {K} lb would be {float(K)/2.2046:.1f} kg" if mode == 'label' else f"{kg:.2f} kg = {lb:.1f} lb (converted with factor 2 instead of 2.2046)")
    return tidy(s), [co(o)], checks, why

def u_grams(P, rnd, wrong, o):
    kg = o['v']; G = fnum(kg * 1000, 0); t, dc, g = _dt(o, rnd)
    mode = 'lb' if wrong else None
    if wrong: s_ = f"{fnum(kg, 2)} lb"; chk = cchk(o, fnum(kg, 2), 'lb')
    else: s_ = f"{G} g"; chk = cchk(o, G, 'g')
    i, s = pv('u_grams', [f"Infant weight {s_} ({t}).", f"{P.first} weighed {s_} {on_(g)} {t}.", f"{t}: wt {s_}"], rnd)
    why = f"weight {kg:.3f} kg = {kg*1000:.0f} g on {o['date']}" if not wrong else f"weight was {kg:.2f} kg, not lb ({kg*2.2046:.1f} lb)"
    return tidy(s), [co(o)], [chk, dc], why

def u_height(P, rnd, wrong):
    o = _o(P, rnd, ['8302-2']); cm = o['v']; inch = cm / 2.54
    t, dc, g = _dt(o, rnd)
    form = rnd.choice(['in', 'ftin', 'm'])
    mode = rnd.choice(['label', 'calc']) if wrong else None
    if form == 'in':
        I = fnum(inch, 1) if mode is None else (fnum(cm, 1) if mode == 'label' else fnum(cm / 2.0, 1))
        txt = rnd.choice([f"{I} inches", f'{I}"', f"{I} in."]); chk = cchk(o, I, 'in')
    elif form == 'ftin':
        tot = round(inch) if mode is None else round(inch) + rnd.choice([-3, 3, 4, -4])
        if mode == 'label': tot = round(inch) + rnd.choice([-2, 2, 3])
        ft, rem = divmod(tot, 12); txt = rnd.choice([f"{ft}'{rem}\"", f"{ft} ft {rem} in"]); chk = ["conv", ro(o), tot - 0.5, tot + 0.5, 'in']
        mode = 'calc' if wrong else None
    else:
        M = fnum(cm / 100, 2) if mode is None else fnum(cm / 100 + rnd.choice([-0.1, 0.1]), 2)
        txt = f"{M} m"; chk = cchk(o, M, 'm')
    i, s = pv('u_height', [f"Ht {txt} ({t})", f"{whose(P, rnd)} height was {txt} {on_(g)} {t}.", f"{on_(g).capitalize()} {t}, height measured {txt}.", f"{who(P, rnd)} stood {txt} tall as of {t}."], rnd)
    why = f"Body height {cm:.2f} cm = {inch:.2f} in = {cm/100:.3f} m on {o['date']}" if not wrong else f"height was {cm:.1f} cm ({inch:.1f} in, {cm/100:.2f} m); '{txt}' is a wrong unit/conversion"
    return tidy(s), [co(o)], [chk, dc], why

def u_molar(P, rnd, wrong):
    o = _o(P, rnd, ['2339-0', '2093-3', '18262-6', '2085-9', '2571-8', '38483-4', '6299-2', '49765-1'])
    c = o['code']; v = o['v']
    key = 'umol/L' if c == '38483-4' else 'mmol/L'
    x = conv(v, key, c)
    dec = 0 if key == 'umol/L' else (1 if c in ('2339-0', '6299-2') else 2)
    X = fnum(x, dec)
    mode = rnd.choice(['label', 'factor']) if wrong else None
    orig = fnum(v, dec_of(c))
    if mode == 'label': X = orig            # mg/dL number labelled as SI
    if mode == 'factor':
        if c in ('2093-3', '18262-6', '2085-9'): X = fnum(v / 18.0, 2)          # glucose factor used for cholesterol
        elif c == '2339-0': X = fnum(v / 38.67, 2)                              # cholesterol factor used for glucose
        elif c == '2571-8': X = fnum(v / 38.67, 2)
        elif c == '38483-4': X = fnum(v * 8.84, 0)
        else: X = fnum(x * 1.5, dec)
    uS = {'umol/L': rnd.choice(['µmol/L', 'umol/L', 'μmol/l']), 'mmol/L': rnd.choice(['mmol/L', 'mmol/l'])}[key]
    lbl = {'2339-0': 'glucose', '2093-3': 'total cholesterol', '18262-6': 'LDL', '2085-9': 'HDL', '2571-8': 'triglycerides', '38483-4': 'creatinine', '6299-2': 'urea (from BUN)', '49765-1': 'calcium'}[c]
    t, dc, g = _dt(o, rnd)
    both = mode != 'label' and rnd.random() < 0.5
    i, s = pv('u_molar', [f"{lbl[0].upper() + lbl[1:]} {X} {uS} ({t})" if not both else f"{lbl[0].upper() + lbl[1:]} {orig} mg/dL ({X} {uS}) on {t}",
                          f"{whose(P, rnd)} {lbl} was {X} {uS} {on_(g)} {t}.", f"SI units: {lbl} {X} {uS}, {t}.",
                          f"{t}: {lbl} {X} {uS}" + (f" (= {orig} mg/dL)" if both else ''), f"In SI units, the {t} {lbl} works out to {X} {uS}."], rnd)
    checks = [cchk(o, X, key), dc] + ([cchk(o, orig, 'mg/dL')] if f"{orig} mg/dL" in s else [])
    why = f"{label(c)} {v:.2f} mg/dL = {x:.3f} {key} on {o['date']}" if not wrong else (f"{orig} is the mg/dL value; in {key} it is {x:.2f}" if mode == 'label' else f"{v:.2f} mg/dL = {x:.2f} {key}, not {X} (wrong conversion factor)")
    return tidy(s), [co(o)], checks, why

def u_hb(P, rnd, wrong):
    o = _o(P, rnd, ['718-7']); v = o['v']
    form = rnd.choice(['gL', 'gdl'])
    mode = rnd.choice(['label', 'mg']) if wrong else None
    if form == 'gL':
        X = fnum(v * 10, 0); key = 'g/L'; u = 'g/L'
        if mode == 'label': X = fnum(v, 1)
        if mode == 'mg': X = fnum(v * 10, 0); key = 'mg/dL'; u = 'mg/dL'
    else:
        X = fnum(v, 1); key = 'g/dL'; u = rnd.choice(['g/dL', 'g/dl', 'gm/dL'])
        if mode == 'label': key = 'g/L'; u = 'g/L'
        if mode == 'mg': key = 'mg/dL'; u = 'mg/dL'
    t, dc, g = _dt(o, rnd)
    i, s = pv('u_hb', [f"Hb {X} {u} ({t})", f"{whose(P, rnd)} haemoglobin was {X} {u} {on_(g)} {t}.", f"Hemoglobin {X} {u}, drawn {t}.", f"{t}: Hgb {X} {u}"], rnd)
    why = f"Hemoglobin {v:.2f} g/dL (= {v*10:.0f} g/L) on {o['date']}" if not wrong else f"hemoglobin was {v:.2f} g/dL = {v*10:.0f} g/L; '{X} {u}' is the wrong unit"
    return tidy(s), [co(o)], [cchk(o, X, key), dc], why

def u_count(P, rnd, wrong):
    o = _o(P, rnd, ['777-3', '6690-2', '789-8']); v = o['v']; c = o['code']
    if c == '789-8':
        X = fnum(v, 2); ok_units = [('×10¹²/L', '10^12/L'), ('x10^12/L', '10^12/L'), ('M/µL', '10^6/uL'), ('million/µL', '10^6/uL')]; bad = [('×10⁹/L', '10^9/L'), ('K/µL', '10^3/uL')]
    else:
        X = fnum(v, 0 if c == '777-3' else 1); ok_units = [('×10⁹/L', '10^9/L'), ('x10^9/L', '10^9/L'), ('K/µL', '10^3/uL'), ('10^3/µL', '10^3/uL'), ('thousand/µL', '10^3/uL')]
        bad = [('×10¹²/L', '10^12/L'), ('×10⁶/µL', '10^6/uL'), ('/µL', '/uL')]
    u, key = rnd.choice(bad if wrong else ok_units)
    nm = {'777-3': rnd.choice(['platelets', 'Plt']), '6690-2': rnd.choice(['WBC', 'white count']), '789-8': rnd.choice(['RBC', 'red cell count'])}[c]
    t, dc, g = _dt(o, rnd)
    i, s = pv('u_count', [f"{nm} {X} {u} ({t})", f"{t}: {nm} {X} {u}", f"{whose(P, rnd)} {nm} was {X} {u} {on_(g)} {t}.", f"CBC {t} — {nm} {X} {u}."], rnd)
    why = f"{label(c)} {v:.3f} {o['unit']} ({'= 10^12/L' if c == '789-8' else '= 10^9/L'}) on {o['date']}" if not wrong else f"{label(c)} was {v:.2f} {o['unit']}; '{u}' changes the magnitude"
    return tidy(s), [co(o)], [cchk(o, X, key), dc], why

def u_a1c(P, rnd, wrong):
    L = [o for o in series(P, '4548-4') if o['v'] >= 4.5]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id']); v = o['v']
    mm = (v - 2.15) * 10.929
    mode = rnd.choice(['label', 'calc']) if wrong else None
    X = fnum(mm, 0); key = 'mmol/mol'; u = 'mmol/mol'
    if mode == 'label': X = fnum(v, 1); key = 'mmol/L'; u = 'mmol/L'
    if mode == 'calc': X = fnum(mm + rnd.choice([-8, 8, 10]), 0)
    t, dc, g = _dt(o, rnd)
    P1 = fnum(v, 1)
    i, s = pv('u_a1c', [f"HbA1c {P1}% ({X} {u}) {on_(g)} {t}." if mode != 'label' else f"HbA1c {X} {u} {on_(g)} {t}.", f"A1c {X} {u} ({t})", f"{whose(P, rnd)} glycated haemoglobin was {X} {u} {on_(g)} {t}.",
                        f"IFCC A1c {X} {u}, {t}" if mode != 'label' else f"A1c {X} {u}, {t}"], rnd)
    checks = [["conv", ro(o), *rng_of(X), key] if mode != 'label' else ["conv", ro(o), *rng_of(X), 'mmol/L'], dc] + ([chk_val(ro(o), P1)] if f"{P1}%" in s else [])
    why = f"HbA1c {v:.3f} % = {mm:.1f} mmol/mol (IFCC: (%-2.15)x10.929) on {o['date']}" if not wrong else (f"A1c is {v:.2f} %; mmol/L is not an A1c unit" if mode == 'label' else f"{v:.2f} % = {mm:.0f} mmol/mol, not {X}")
    return tidy(s), [co(o)], checks, why

def u_spell(P, rnd, wrong):
    """same unit, different spelling (BP, eGFR, BMI); wrong: a unit that is not equivalent"""
    choice = rnd.choice(['bp', 'egfr', 'bmi'])
    if choice == 'bp':
        o = _o(P, rnd, ['55284-4']); si, sv, di, dv = bp(o); S, Dd = fnum(sv, 0), fnum(dv, 0)
        if wrong: raise Skip()
        u = rnd.choice(['mm Hg', 'mmHg', 'mm[Hg]', 'millimetres of mercury'])
        t, dc, g = _dt(o, rnd)
        i, s = pv('u_spell_bp', [f"BP {S}/{Dd} {u} ({t})", f"Blood pressure {S}/{Dd} {u} {on_(g)} {t}."], rnd)
        return tidy(s), [co(o)], [chk_val(ro(o, si), S), chk_val(ro(o, di), Dd), dc], f"BP panel {o['date']}: {sv:.1f}/{dv:.1f} mm[Hg]"
    if choice == 'egfr':
        o = _o(P, rnd, ['33914-3'])
        if o['unit'] != 'mL/min/{1.73_m2}': raise Skip()
        v = o['v']; X = fnum(v, 0)
        u, key = rnd.choice([('mL/s/1.73 m²', 'mL/s/1.73m2'), ('mL/s', 'mL/s/1.73m2')]) if wrong else rnd.choice([('mL/min/1.73m2', 'mL/min/1.73m2'), ('mL/min/1.73 m²', 'mL/min/1.73m2'), ('ml/min/1.73m^2', 'mL/min/1.73m2')])
        t, dc, g = _dt(o, rnd)
        i, s = pv('u_spell_egfr', [f"eGFR {X} {u} ({t})", f"{whose(P, rnd)} estimated GFR was {X} {u} {on_(g)} {t}.", f"{t}: eGFR {X} {u}"], rnd)
        why = f"eGFR {v:.2f} mL/min/{{1.73_m2}} on {o['date']}" if not wrong else f"eGFR {v:.1f} is mL/min/1.73m2; in mL/s it would be {v/60:.2f}"
        return tidy(s), [co(o)], [cchk(o, X, key), dc], why
    o = _o(P, rnd, ['39156-5']); v = o['v']; X = fnum(v, 1)
    if wrong:
        u = rnd.choice(['kg/m', 'lb/in²', 'kg/cm2'])
        chk = ["unsupported", f"BMI unit {u}"]
    else:
        u = rnd.choice(['kg/m2', 'kg/m²', 'kg/m^2']); chk = chk_val(ro(o), X)
    t, dc, g = _dt(o, rnd)
    i, s = pv('u_spell_bmi', [f"BMI {X} {u} ({t})", f"{whose(P, rnd)} body-mass index was {X} {u} {on_(g)} {t}."], rnd)
    why = f"BMI {v:.2f} kg/m2 on {o['date']}" if not wrong else f"BMI is {v:.1f} kg/m2; '{u}' is not the BMI unit"
    return tidy(s), [co(o)], ([chk_val(ro(o), X)] if wrong else []) + [chk, dc], why

def u_misc(P, rnd, wrong):
    o = _o(P, rnd, ['2857-1', '33762-6', '38483-4', '6299-2'])
    c = o['code']; v = o['v']
    if c == '2857-1':
        X = fnum(v, 1); u, key = (('ng/L', 'ng/L') if wrong else rnd.choice([('µg/L', 'ug/L'), ('ng/mL', 'ng/mL'), ('ng/ml', 'ng/mL')])); nm = 'PSA'
    elif c == '33762-6':
        X = fnum(v, 0); u, key = (('ng/mL', 'ng/mL') if wrong else rnd.choice([('ng/L', 'ng/L'), ('pg/mL', 'pg/mL')])); nm = 'NT-proBNP'
    elif c == '38483-4':
        X = fnum(v, 2); u, key = (('mmol/L', 'mmol/L') if wrong else rnd.choice([('mg/dL', 'mg/dL'), ('mg/dl', 'mg/dL'), ('mg%', 'mg/dL')])); nm = rnd.choice(['creatinine', 'Cr'])
    else:
        X = fnum(v, 0); u, key = (('mmol/L', 'mmol/L') if wrong else rnd.choice([('mg/dL', 'mg/dL'), ('mg/dl', 'mg/dL')])); nm = 'BUN'
    t, dc, g = _dt(o, rnd)
    i, s = pv('u_misc', [f"{nm} {X} {u} ({t})", f"{t}: {nm} {X} {u}", f"{whose(P, rnd)} {nm} measured {X} {u} {on_(g)} {t}."], rnd)
    why = f"{label(c)} {v:.3f} {o['unit']} on {o['date']}" + (f" ({u} is numerically equivalent)" if not wrong else '') if not wrong else f"{label(c)} was {v:.2f} {o['unit']}; '{X} {u}' uses a non-equivalent unit"
    return tidy(s), [co(o)], [cchk(o, X, key), dc], why

PATTERNS = [u_temp, u_weight, u_height, u_molar, u_hb, u_count, u_a1c, u_spell, u_misc]
