from fw import *
CAT = 'trends'
TC_ = ['4548-4', '2093-3', '18262-6', '2085-9', '2571-8', '29463-7', '39156-5', '33914-3', '38483-4', '718-7', '777-3', '2339-0', '6299-2', '2857-1', '8302-2']
NM = {'4548-4': ['A1c', 'HbA1c', 'hemoglobin A1c'], '2093-3': ['total cholesterol', 'TC'], '18262-6': ['LDL', 'LDL cholesterol'], '2085-9': ['HDL', 'HDL cholesterol'],
      '2571-8': ['triglycerides', 'TG'], '29463-7': ['weight', 'body weight'], '39156-5': ['BMI'], '33914-3': ['eGFR'], '38483-4': ['creatinine', 'Cr'], '718-7': ['hemoglobin', 'Hgb'],
      '777-3': ['platelet count', 'platelets'], '2339-0': ['glucose'], '6299-2': ['BUN'], '2857-1': ['PSA'], '8302-2': ['height']}
U = {'4548-4': '%', '2093-3': 'mg/dL', '18262-6': 'mg/dL', '2085-9': 'mg/dL', '2571-8': 'mg/dL', '29463-7': 'kg', '39156-5': '', '33914-3': '', '38483-4': 'mg/dL', '718-7': 'g/dL',
     '777-3': 'K/µL', '2339-0': 'mg/dL', '6299-2': 'mg/dL', '2857-1': 'ng/mL', '8302-2': 'cm'}
GOOD_UP = {'2085-9': True, '33914-3': True, '18262-6': False, '2093-3': False, '2571-8': False, '4548-4': False, '38483-4': False}
TOL = 0.03  # |change| <= 3% of the first value counts as stable; rising/falling needs > 3%

def _pair(P, rnd, kind):
    codes = [c for c in TC_ if len(series(P, c)) >= 2 and c != '8302-2']
    if kid(P): codes = [c for c in codes if c not in ('29463-7', '39156-5')]
    rnd.shuffle(codes)
    for c in codes:
        L = series(P, c)
        for _ in range(20):
            a, b = sorted(rnd.sample(range(len(L)), 2))
            o1, o2 = L[a], L[b]
            if o1['date'][:4] == o2['date'][:4]: continue
            rel = (o2['v'] - o1['v']) / abs(o1['v'])
            if kind == 'change' and abs(rel) >= 0.06: return c, o1, o2, rel
            if kind == 'stable' and abs(rel) <= TOL * 0.8: return c, o1, o2, rel
            if kind == 'bigchange' and 0.12 <= abs(rel) <= 0.6: return c, o1, o2, rel
    raise Skip()

def _yr(o, L):
    """year alone if it identifies the record within the series, else month-year or full date"""
    same_y = [x for x in L if x['date'][:4] == o['date'][:4]]
    if len(same_y) == 1: return fdate(o['date'], 'y')
    same_m = [x for x in L if x['date'][:7] == o['date'][:7]]
    if len(same_m) == 1: return fdate(o['date'], 'my')
    return fdate(o['date'], 'mdy')

def t_dir(P, rnd, wrong):
    c, o1, o2, rel = _pair(P, rnd, 'change'); fact(CAT, o1['id'], o2['id'])
    L = series(P, c); dec = dec_of(c)
    up = rel > 0
    mode = rnd.choice(['dir', 'value', 'years']) if wrong else None
    v1, v2 = fnum(o1['v'], dec), fnum(o2['v'], dec)
    d1, d2 = _yr(o1, L), _yr(o2, L)
    word_up = up
    if mode == 'dir': word_up = not up; v1, v2 = v2, v1       # direction flipped, values attached to the wrong dates
    if mode == 'value': v2 = bad_num(o2['v'], dec, rnd, 0.08, 0.15) if True else v2
    if mode == 'years': d1, d2 = d2, d1
    vb = rnd.choice(['rose', 'increased', 'went up', 'climbed']) if word_up else rnd.choice(['fell', 'decreased', 'dropped', 'declined'])
    nm = rnd.choice(NM[c]); u = U[c]
    i, s = pv('t_dir', [f"{whose(P, rnd)} {nm} {vb} from {v1} {u} in {d1[0]} to {v2} {u} in {d2[0]}.", f"{nm} {v1} ({d1[0]}) → {v2} ({d2[0]})",
                        f"{nm[0].upper() + nm[1:]} {vb} from {v1} to {v2} {u} between {d1[0]} and {d2[0]}.", f"{nm} {'↑' if word_up else '↓'} {v1}→{v2} {u}, {d1[0]}–{d2[0]}",
                        f"Between {d1[0]} and {d2[0]}, {P.his} {nm} {vb} ({v1} to {v2} {u})."], rnd)
    s = s.replace(' in 19', ' in 19').replace(f"in {d1[0]}", f"{'in' if d1[1] != 'day' else 'on'} {d1[0]}").replace(f"in {d2[0]}", f"{'in' if d2[1] != 'day' else 'on'} {d2[0]}")
    # checks: value/date per endpoint, direction
    if mode == 'years':
        checks = [chk_val(ro(o1), v1), chk_val(ro(o2), v2), chk_date(ro(o1), d1[1], d1[2]), chk_date(ro(o2), d2[1], d2[2])]
    else:
        checks = [chk_val(ro(o1), v1), chk_val(ro(o2), v2), chk_date(ro(o1), d1[1], d1[2]), chk_date(ro(o2), d2[1], d2[2]), ["cmp", ro(o1), ro(o2), 'up' if word_up else 'down', TOL]]
    why = {None: f"{label(c)} {o1['v']:.2f} on {o1['date']} -> {o2['v']:.2f} on {o2['date']} ({rel*100:+.0f}%)",
           'dir': f"it actually {'rose' if up else 'fell'}: {o1['v']:.2f} ({o1['date']}) -> {o2['v']:.2f} ({o2['date']}); claim reverses the direction",
           'value': f"later value was {o2['v']:.2f}, not {v2}", 'years': f"dates swapped: {fnum(o1['v'],dec)} was on {o1['date']}, {fnum(o2['v'],dec)} on {o2['date']}"}[mode]
    return tidy(s), [co(o1), co(o2)], checks, why

def t_valence(P, rnd, wrong):
    def meaningful(c):
        vals = [o['v'] for o in series(P, c)]
        if c == '38483-4': return max(vals) > 1.3
        if c == '4548-4': return max(vals) >= 5.7
        if c == '33914-3': return min(vals) < 90
        return True
    codes = [c for c in GOOD_UP if len(series(P, c)) >= 2 and meaningful(c)]
    if not codes: raise Skip()
    c = rnd.choice(codes); L = series(P, c)
    for _ in range(20):
        a, b = sorted(rnd.sample(range(len(L)), 2)); o1, o2 = L[a], L[b]
        rel = (o2['v'] - o1['v']) / abs(o1['v'])
        if c == '38483-4' and max(o1['v'], o2['v']) <= 1.3: continue
        if c == '4548-4' and max(o1['v'], o2['v']) < 5.7: continue
        if c == '33914-3' and min(o1['v'], o2['v']) >= 90: continue
        if abs(rel) >= 0.12 and o1['date'][:4] != o2['date'][:4]: break
    else: raise Skip()
    fact(CAT, o1['id'], o2['id'], 'val')
    better = (rel > 0) == GOOD_UP[c]
    if wrong: better = not better
    w = rnd.choice(['improved', 'got better']) if better else rnd.choice(['worsened', 'deteriorated', 'got worse'])
    nm = rnd.choice(NM[c]); d1, d2 = _yr(o1, L), _yr(o2, L)
    i, s = pv('t_valence', [f"{whose(P, rnd)} {nm} {w} between {d1[0]} and {d2[0]}.", f"{nm} {w} from {d1[0]} to {d2[0]}.", f"Compared with {d1[0]}, {nm} had {w} by {d2[0]}."], rnd)
    direction = 'up' if (better == GOOD_UP[c]) else 'down'
    checks = [["cmp", ro(o1), ro(o2), direction, TOL], chk_date(ro(o1), d1[1], d1[2]), chk_date(ro(o2), d2[1], d2[2])]
    why = f"{label(c)} {o1['v']:.1f} ({o1['date']}) -> {o2['v']:.1f} ({o2['date']}); {'higher' if GOOD_UP[c] else 'lower'} is better for {label(c)}" + ("" if not wrong else f", so it did not '{w}'")
    return tidy(s), [co(o1), co(o2)], checks, why

def t_stable(P, rnd, wrong):
    c, o1, o2, rel = _pair(P, rnd, 'bigchange' if wrong else 'stable'); fact(CAT, o1['id'], o2['id'], 'st')
    L = series(P, c); dec = dec_of(c); nm = rnd.choice(NM[c]); d1, d2 = _yr(o1, L), _yr(o2, L)
    w = rnd.choice(['stable', 'essentially unchanged', 'flat', 'steady'])
    show = rnd.random() < 0.5 and not wrong
    vals = f" ({fnum(o1['v'], dec)} → {fnum(o2['v'], dec)})" if show else ''
    i, s = pv('t_stable', [f"{whose(P, rnd)} {nm} was {w} from {d1[0]} to {d2[0]}{vals}.", f"{nm} {w} {d1[0]}–{d2[0]}{vals}", f"No real change in {nm} between {d1[0]} and {d2[0]}{vals}." if w != 'flat' else f"{nm} flat between {d1[0]} and {d2[0]}{vals}.",
                           f"{nm[0].upper() + nm[1:]} has held {w if w != 'essentially unchanged' else 'steady'}: {d1[0]} vs {d2[0]}{vals}."], rnd)
    checks = [["cmp", ro(o1), ro(o2), 'stable', TOL], chk_date(ro(o1), d1[1], d1[2]), chk_date(ro(o2), d2[1], d2[2])]
    if show: checks += [chk_val(ro(o1), fnum(o1['v'], dec)), chk_val(ro(o2), fnum(o2['v'], dec))]
    why = f"{label(c)} {o1['v']:.2f} -> {o2['v']:.2f} ({rel*100:+.1f}%, within the 3% tolerance for 'stable')" if not wrong else f"{label(c)} went {o1['v']:.1f} -> {o2['v']:.1f} ({rel*100:+.0f}%), well beyond a 3% 'stable' tolerance"
    return tidy(s), [co(o1), co(o2)], checks, why

def t_mono(P, rnd, wrong):
    for c in rnd.sample(['8302-2', '29463-7', '39156-5', '4548-4', '33914-3', '2093-3', '18262-6'], 7):
        L = series(P, c)
        if len(L) < 4 or len(L) > 12: continue
        vals = [o['v'] for o in L]
        inc = all(vals[i] < vals[i + 1] for i in range(len(vals) - 1)); dec_ = all(vals[i] > vals[i + 1] for i in range(len(vals) - 1))
        if inc or dec_: break
        if wrong and rnd.random() < 0.5 and any((vals[i + 1] - vals[i]) / vals[i] < -0.02 for i in range(len(vals) - 1)) and any((vals[i + 1] - vals[i]) / vals[i] > 0.02 for i in range(len(vals) - 1)):
            inc = dec_ = None; break
    else: raise Skip()
    fact(CAT, c, 'mono')
    d1, d2 = fdate(L[0]['date'], 'y')[0], fdate(L[-1]['date'], 'y')[0]
    if inc is None:   # non-monotone series claimed monotone
        direction = 'up' if vals[-1] > vals[0] else 'down'
        why = f"{label(c)} values {[round(v,1) for v in vals]} are not monotonic"
    else:
        direction = 'up' if inc else 'down'
        if wrong: direction = 'down' if inc else 'up'
        why = f"{label(c)} {'rose' if inc else 'fell'} at every one of {len(L)} measurements {L[0]['date']}..{L[-1]['date']}: {[round(v,1) for v in vals]}" + ("" if not wrong else "; claim states the opposite")
    nm = rnd.choice(NM[c])
    w = rnd.choice(['rose at every visit', 'increased at each measurement', 'went up steadily, visit after visit']) if direction == 'up' else rnd.choice(['fell at every visit', 'decreased at each measurement', 'declined steadily, visit after visit'])
    i, s = pv('t_mono', [f"{whose(P, rnd)} {nm} {w} from {d1} through {d2} ({len(L)} measurements).", f"{nm}: {w}, {d1}–{d2} (n={len(L)})", f"Across all {len(L)} readings between {d1} and {d2}, {nm} {w}."], rnd)
    return tidy(s), [co(o) for o in L], [["mono", [ro(o) for o in L], direction], ["count", f"^{re.escape(L[0]['disp'])}$", ['obs'], len(L)], chk_date(ro(L[0]), 'year', d1), chk_date(ro(L[-1]), 'year', d2)], why

def t_pct(P, rnd, wrong):
    c, o1, o2, rel = _pair(P, rnd, 'bigchange'); fact(CAT, o1['id'], o2['id'], 'pct')
    L = series(P, c); nm = rnd.choice(NM[c]); d1, d2 = _yr(o1, L), _yr(o2, L)
    pct = round(abs(rel) * 100)
    if wrong: pct = pct + rnd.choice([-1, 1]) * max(8, round(pct * 0.5))
    if pct <= 0: raise Skip()
    w = 'rise' if rel > 0 else 'drop'
    i, s = pv('t_pct', [f"{whose(P, rnd)} {nm} showed a ~{pct}% {w} from {d1[0]} to {d2[0]}.", f"{nm} {'up' if rel > 0 else 'down'} about {pct}% ({d1[0]} vs {d2[0]})", f"Roughly a {pct} percent {w} in {nm} between {d1[0]} and {d2[0]}."], rnd)
    lo, hi = (pct - 1.5) / 100, (pct + 1.5) / 100
    checks = [["cmp", ro(o1), ro(o2), 'up' if rel > 0 else 'down', TOL], ["pct", ro(o1), ro(o2), lo, hi], chk_date(ro(o1), d1[1], d1[2]), chk_date(ro(o2), d2[1], d2[2])]
    why = f"{label(c)} {o1['v']:.2f} -> {o2['v']:.2f} = {rel*100:+.1f}%" + ("" if not wrong else f", not ~{pct}%")
    return tidy(s), [co(o1), co(o2)], checks, why

def t_peak(P, rnd, wrong):
    codes = [c for c in ['29463-7', '39156-5', '2093-3', '18262-6', '2571-8', '33914-3', '4548-4', '38483-4', '55284-4'] if len(series(P, c)) >= 3 and len(obs_of(P, c)) == len(series(P, c))]
    if not codes: raise Skip()
    c = rnd.choice(codes); L = series(P, c); fact(CAT, c, 'peak')
    hi_ = rnd.random() < 0.6
    if c == '55284-4':
        key = lambda o: bp(o)[1]
        o = max(L, key=key) if hi_ else min(L, key=key)
        if wrong: o = sorted(L, key=key)[-2] if hi_ else sorted(L, key=key)[1]
        if wrong and fnum(bp(o)[1], 0) == fnum(key(max(L, key=key) if hi_ else min(L, key=key)), 0): raise Skip()
        si = bp(o)[0]; V = fnum(bp(o)[1], 0); nm = 'systolic BP'; u = 'mmHg'; R = ro(o, si); cmpcode = '8480-6'
    else:
        o = max(L, key=lambda x: x['v']) if hi_ else min(L, key=lambda x: x['v'])
        if wrong: o = sorted(L, key=lambda x: x['v'])[-2] if hi_ else sorted(L, key=lambda x: x['v'])[1]
        if wrong and num(o) == num(max(L, key=lambda x: x['v']) if hi_ else min(L, key=lambda x: x['v'])): raise Skip()
        V = num(o); nm = rnd.choice(NM[c]); u = U[c]; R = ro(o); cmpcode = None
    d = _yr(o, L)
    w = rnd.choice(['peaked at', 'was highest at', 'reached a high of']) if hi_ else rnd.choice(['bottomed out at', 'was lowest at', 'reached a low of'])
    i, s = pv('t_peak', [f"{whose(P, rnd)} {nm} {w} {V} {u} {'in' if d[1] != 'day' else 'on'} {d[0]}.", f"{nm} {w} {V} {u} ({d[0]}) over the record.", f"Over the whole chart, {nm} {w} {V} {u}, {d[0]}."], rnd)
    checks = [["extreme", R, 'max' if hi_ else 'min', cmpcode], chk_val(R, V), chk_date(ro(o), d[1], d[2])]
    why = f"{V} on {o['date']} is the {'maximum' if hi_ else 'minimum'} of {len(L)} {label(c)} values" if not wrong else f"{V} ({o['date']}) is only the {'second highest' if hi_ else 'second lowest'}; the true {'max' if hi_ else 'min'} is elsewhere in the chart"
    cites = [cite('observation', R.split(':', 1)[1])]
    return tidy(s), cites, checks, why

PATTERNS = [t_dir, t_valence, t_stable, t_mono, t_pct, t_peak]
