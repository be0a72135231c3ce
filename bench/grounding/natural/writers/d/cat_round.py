from fw import *
CAT = 'rounding'
RC = ['718-7', '4544-3', '2093-3', '18262-6', '2085-9', '2571-8', '2339-0', '33914-3', '4548-4', '29463-7', '8302-2', '39156-5', '777-3', '6690-2', '38483-4',
      '8331-1', '787-2', '2947-0', '6298-4', '6299-2', '49765-1', '2857-1', '33762-6', '10230-1']
NM = {'718-7': ['hemoglobin', 'Hgb'], '4544-3': ['hematocrit', 'Hct'], '2093-3': ['total cholesterol', 'TC'], '18262-6': ['LDL'], '2085-9': ['HDL'], '2571-8': ['triglycerides', 'TG'],
      '2339-0': ['glucose'], '33914-3': ['eGFR'], '4548-4': ['A1c', 'HbA1c'], '29463-7': ['weight'], '8302-2': ['height'], '39156-5': ['BMI'], '777-3': ['platelet count', 'Plt'],
      '6690-2': ['WBC'], '38483-4': ['creatinine'], '8331-1': ['temperature'], '787-2': ['MCV'], '2947-0': ['sodium', 'Na'], '6298-4': ['potassium', 'K'], '6299-2': ['BUN'],
      '49765-1': ['calcium'], '2857-1': ['PSA'], '33762-6': ['NT-proBNP'], '10230-1': ['ejection fraction']}
U = {'718-7': 'g/dL', '4544-3': '%', '2093-3': 'mg/dL', '18262-6': 'mg/dL', '2085-9': 'mg/dL', '2571-8': 'mg/dL', '2339-0': 'mg/dL', '33914-3': 'mL/min/1.73m²', '4548-4': '%',
     '29463-7': 'kg', '8302-2': 'cm', '39156-5': 'kg/m²', '777-3': 'K/µL', '6690-2': 'K/µL', '38483-4': 'mg/dL', '8331-1': '°C', '787-2': 'fL', '2947-0': 'mmol/L', '6298-4': 'mmol/L',
     '6299-2': 'mg/dL', '49765-1': 'mg/dL', '2857-1': 'ng/mL', '33762-6': 'pg/mL', '10230-1': '%'}
# natural rounding precision per analyte when hedging (decimals)
HP = {'718-7': 0, '4544-3': 0, '2093-3': 0, '18262-6': 0, '2085-9': 0, '2571-8': 0, '2339-0': 0, '33914-3': 0, '4548-4': 1, '29463-7': 0, '8302-2': 0, '39156-5': 0,
      '777-3': 0, '6690-2': 1, '38483-4': 1, '8331-1': 1, '787-2': 0, '2947-0': 0, '6298-4': 1, '6299-2': 0, '49765-1': 1, '2857-1': 1, '33762-6': 0, '10230-1': 0}

def _o(P, rnd, codes=RC, tag=''):
    L = [o for c in codes for o in series(P, c) if o['v'] is not None]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'], tag); return o

def _d(o, rnd):
    t, g, val = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'my', 'y', 'iso', 'dmy'])); return t, g, chk_date(ro(o), g, val)

def _wrong_round(v, dec, rnd):
    u = 10 ** -dec
    for _ in range(50):
        w = round(v, dec) + rnd.choice([-1, 1]) * rnd.choice([2, 3, 4, 5, 6, 8]) * u * (1 if dec > 0 else max(1, round(abs(v) * 0.02)))
        if abs(w - v) >= max(1.5 * u, 0.03 * abs(v)) and w > 0 and abs(w - v) <= 0.35 * abs(v): return fnum(w, dec)
    raise Skip()

def r_about(P, rnd, wrong):
    o = _o(P, rnd, tag='about'); c = o['code']; dec = HP[c]; v = o['v']
    X = fnum(v, dec) if not wrong else _wrong_round(v, dec, rnd)
    if abs(round(v, dec) - v) > 0.45 * 10 ** -dec: raise Skip()   # too close to a rounding boundary
    nm = rnd.choice(NM[c]); t, g, dc = _d(o, rnd)
    hedge = rnd.choice(['about', 'approximately', 'roughly', 'around', '~', 'approx.'])
    hs = hedge if hedge == '~' else hedge + ' '
    i, s = pv('r_about', [f"{whose(P, rnd)} {nm} was {hs}{X} {U[c]} {on_(g)} {t}.", f"{nm} {hedge}{'' if hedge == '~' else ' '}{X} ({t})", f"{on_(g).capitalize()} {t}, {nm} came in at {hs}{X} {U[c]}.",
                          f"{nm[0].upper() + nm[1:]} of {hs}{X} {U[c]} recorded {t}.", f"{t}: {nm} {hedge}{'' if hedge == '~' else ' '}{X} {U[c]}"], rnd)
    why = f"{label(c)} {v:.3f} {o['unit']} on {o['date']} rounds to {fnum(v, dec)}" if not wrong else f"{label(c)} was {v:.2f}, which rounds to {fnum(v, dec)}, not {X}"
    return tidy(s), [co(o)], [chk_val(ro(o), X), dc], why

def r_int(P, rnd, wrong):
    """plain rounded figure with fewer decimals than the record"""
    o = _o(P, rnd, ['29463-7', '8302-2', '39156-5', '33914-3', '2093-3', '18262-6', '2085-9', '777-3', '4544-3', '787-2'], 'int'); c = o['code']; v = o['v']
    dec = 0
    X = fnum(v, 0) if not wrong else _wrong_round(v, 0, rnd)
    if abs(round(v) - v) > 0.45: raise Skip()
    nm = rnd.choice(NM[c]); t, g, dc = _d(o, rnd)
    i, s = pv('r_int', [f"{nm} {X} {U[c]} ({t}, rounded)", f"{whose(P, rnd)} {nm}, rounded to the nearest whole number, was {X} {U[c]} {on_(g)} {t}.", f"Rounded: {nm} {X} {U[c]} — {t}",
                        f"{on_(g).capitalize()} {t} the {nm} was {X} {U[c]} (to the nearest unit)."], rnd)
    why = f"{v:.3f} {o['unit']} rounds to {fnum(v,0)}" if not wrong else f"{v:.2f} rounds to {fnum(v,0)}, not {X}"
    return tidy(s), [co(o)], [chk_val(ro(o), X), dc], why

def r_under(P, rnd, wrong):
    o = _o(P, rnd, ['29463-7', '2093-3', '18262-6', '2085-9', '33914-3', '777-3', '2571-8', '39156-5', '8302-2', '2339-0'], 'under'); c = o['code']; v = o['v']
    step = 10 if v >= 60 else 5 if v >= 20 else 1
    up = math.ceil(v / step) * step; dn = math.floor(v / step) * step
    nm = rnd.choice(NM[c]); t, g, dc = _d(o, rnd)
    if (up - v) / v <= 0.03 and up != v: kind, N = 'under', up
    elif (v - dn) / v <= 0.03 and dn != v: kind, N = 'over', dn
    else: raise Skip()
    if wrong: kind = 'over' if kind == 'under' else 'under'
    w = {'under': rnd.choice(['just under', 'a little under', 'slightly below']), 'over': rnd.choice(['just over', 'a little over', 'slightly above'])}[kind]
    i, s = pv('r_under', [f"{whose(P, rnd)} {nm} was {w} {N} {U[c]} {on_(g)} {t}.", f"{nm} {w} {N} ({t})", f"{on_(g).capitalize()} {t}: {nm} {w} {N} {U[c]}."], rnd)
    lo, hi = (N * 0.97, N - 1e-9) if kind == 'under' else (N + 1e-9, N * 1.03)
    why = f"{label(c)} {v:.2f} {o['unit']} is {'just below' if v < N else 'just above'} {N}" + ("" if not wrong else f"; the claim says {w} {N}")
    return tidy(s), [co(o)], [["val", ro(o), lo, hi], dc], why

def r_decade(P, rnd, wrong):
    o = _o(P, rnd, ['2093-3', '18262-6', '2085-9', '2571-8', '2339-0', '33914-3', '29463-7', '777-3', '787-2', '6299-2'], 'decade'); c = o['code']; v = o['v']
    if v < 20: raise Skip()
    base = math.floor(v / 10) * 10; r = v - base
    if 0.3 <= r <= 3.2: seg = 'low'
    elif 3.8 <= r <= 6.2: seg = 'mid'
    elif 6.8 <= r <= 9.7: seg = 'high'
    else: raise Skip()
    if wrong: seg = rnd.choice([x for x in ('low', 'mid', 'high') if x != seg])
    rngs = {'low': (base, base + 3.5), 'mid': (base + 3.5, base + 6.5), 'high': (base + 6.5, base + 10)}
    nm = rnd.choice(NM[c]); t, g, dc = _d(o, rnd)
    phrase = f"{seg}{'-' if seg == 'mid' else ' '}{base}s"
    i, s = pv('r_decade', [f"{whose(P, rnd)} {nm} was in the {phrase} {on_(g)} {t}.", f"{nm} {phrase} ({t})", f"{on_(g).capitalize()} {t}, {nm} sat in the {phrase}.", f"{t} {nm}: {phrase}."], rnd)
    why = f"{label(c)} {v:.2f} {o['unit']} is in the {'low' if r < 3.5 else 'mid' if r < 6.5 else 'high'} {base}s" + ("" if not wrong else f", not the {phrase}")
    return tidy(s), [co(o)], [["val", ro(o), *rngs[seg]], dc], why

def r_bp(P, rnd, wrong):
    o = _o(P, rnd, ['55284-4'], 'bp'); si, sv, di, dv = bp(o)
    if abs(round(sv) - sv) > 0.45 or abs(round(dv) - dv) > 0.45: raise Skip()
    S, Dd = fnum(sv, 0), fnum(dv, 0)
    which = rnd.choice(['s', 'd']) if wrong else None
    if which == 's': S = _wrong_round(sv, 0, rnd)
    if which == 'd': Dd = _wrong_round(dv, 0, rnd)
    t, g, dc = _d(o, rnd)
    i, s = pv('r_bp', [f"BP ~{S}/{Dd} ({t})", f"Blood pressure roughly {S}/{Dd} mmHg {on_(g)} {t}.", f"{whose(P, rnd)} BP was about {S} over {Dd} {on_(g)} {t}."], rnd)
    why = f"BP {sv:.2f}/{dv:.2f} rounds to {fnum(sv,0)}/{fnum(dv,0)}" if not wrong else f"BP was {sv:.1f}/{dv:.1f} (rounds to {fnum(sv,0)}/{fnum(dv,0)}), not {S}/{Dd}"
    return tidy(s), [co(o)], [chk_val(ro(o, si), S), chk_val(ro(o, di), Dd), dc], why

def r_tens(P, rnd, wrong):
    """coarse rounding to tens: 'about 130' for 128.6"""
    o = _o(P, rnd, ['2093-3', '18262-6', '2571-8', '777-3', '29463-7', '33914-3', '33762-6'], 'tens'); c = o['code']; v = o['v']
    N = round(v / 10) * 10
    if abs(N - v) > 2.5 or v < 50: raise Skip()
    if wrong: N = N + rnd.choice([-20, 20, 30, -30]) if v > 80 else N + rnd.choice([-10, 10])
    nm = rnd.choice(NM[c]); t, g, dc = _d(o, rnd)
    i, s = pv('r_tens', [f"{whose(P, rnd)} {nm} was about {N} {U[c]} {on_(g)} {t}.", f"{nm} ≈{N} ({t})", f"{nm[0].upper() + nm[1:]} in the neighbourhood of {N} {U[c]} ({t})."], rnd)
    why = f"{label(c)} {v:.2f} {o['unit']} is within 2.5 of {round(v/10)*10} (rounding to tens)" if not wrong else f"{label(c)} was {v:.1f}, about {round(v/10)*10}, not {N}"
    return tidy(s), [co(o)], [["val", ro(o), N - 2.5, N + 2.5], dc], why

def r_conv(P, rnd, wrong):
    """rounded converted value: 'about 154 lb', 'roughly 5 ft 9'"""
    o = _o(P, rnd, ['29463-7', '8331-1'], 'conv'); c = o['code']; v = o['v']
    if c == '29463-7':
        if v < 20: raise Skip()
        x = v * 2.2046226; N = round(x / 5) * 5
        if abs(N - x) > 2.0: raise Skip()
        if wrong: N = N + rnd.choice([-15, 15, 20, -20])
        t, g, dc = _d(o, rnd)
        i, s = pv('r_conv_wt', [f"{who(P, rnd)} weighed about {N} lb {on_(g)} {t}.", f"Wt ~{N} lbs ({t})", f"{whose(P, rnd)} weight was roughly {N} pounds {on_(g)} {t}."], rnd)
        why = f"{v:.2f} kg = {x:.1f} lb ≈ {round(x/5)*5}" if not wrong else f"{v:.2f} kg = {x:.1f} lb, not about {N}"
        return tidy(s), [co(o)], [["conv", ro(o), N - 2.5, N + 2.5, 'lb'], dc], why
    x = v * 9 / 5 + 32; N = round(x)
    if abs(N - x) > 0.45: raise Skip()
    if wrong: N = N + rnd.choice([-2, 2, 3])
    t, g, dc = _d(o, rnd)
    i, s = pv('r_conv_t', [f"Temp about {N} °F ({t}).", f"{P.He} ran a temperature of roughly {N} degrees F {on_(g)} {t}."], rnd)
    why = f"{v:.2f} °C = {x:.1f} °F ≈ {round(x)}" if not wrong else f"{v:.2f} °C = {x:.1f} °F, not ~{N}"
    return tidy(s), [co(o)], [["conv", ro(o), N - 0.5, N + 0.5, 'degF'], dc], why

PATTERNS = [r_about, r_int, r_under, r_decade, r_bp, r_tens, r_conv]
