# category builders (exec'd inside gen_claims.py namespace)

def num_obs(p, codes=None, dp_override=None):
    o = pick_obs(p, codes)
    if not o: return None, None, None
    dp = AN[o['code']][2] if dp_override is None else dp_override
    if not safe_round(o['v'], dp): return None, None, None
    return o, dp, fnum(o['v'], dp)

# ---------------- abbreviations
def g_abbrev(p, label):
    nm, he = pr(p)
    if rng.random() < 0.25:
        o = pick_obs(p, ['55284-4'], need_v=False)
        if not o or 'comp' not in o: return None
        (si, sv), (di, dv) = bp_of(o)
        s, dd = fnum(sv, 0), fnum(dv, 0)
        err = ''
        if label == 'wrong':
            if rng.random() < 0.5: s = fnum(wrong_num(sv, 0), 0); err = f'SBP is {sv:.0f}, not {s}'
            else: dd = fnum(wrong_num(dv, 0), 0); err = f'DBP is {dv:.0f}, not {dd}'
        ds = fdate(o['date'])
        t = rng.choice([f'SBP {s}, DBP {dd} mmHg on {ds}.', f'BP {s}/{dd} mm Hg ({ds}).', f'{ds}: SBP/DBP {s}/{dd}.', f'Vitals {ds} - BP {s}/{dd}.'])
        ba = [dict(t='bp', ref=o['id'], lit=f'{s}/{dd}')] if f'{s}/{dd}' in t else [dict(t='num', ref=f'{o["id"]}#{si}', lit=s, unit=''), dict(t='num', ref=f'{o["id"]}#{di}', lit=dd, unit='')]
        return t, [('observation', o['id'])], ba + [A_date(o['id'], ds)], (err or f'BP panel {o["date"]}: systolic {sv:.1f}, diastolic {dv:.1f}')
    if rng.random() < 0.3:
        cs = [c for c in P[p]['cond'] if any(x.isupper() and len(x) <= 5 for x in CN.get(c['disp'], []))]
        if label == 'correct':
            if not cs: return None
            c = rng.choice(cs); ab = rng.choice([x for x in CN[c['disp']] if x.isupper() or x[:3].isupper()])
            ds = fdate(c['onset'], rng.choice(['year', 'my', 'monthyear', 'iso']))
            t = rng.choice([f'PMH: {ab} (dx {ds}).', f'Hx of {ab} since {ds}.', f'{ab} on problem list, onset {ds}.', f'{LM()}{nm.lower() if nm in ("The patient","Patient") else nm} has {ab}, first noted {ds}.'])
            return t, [('condition', c['id'])], [dict(t='cond', ref=c['id'], lit=ab), A_date(c['id'], ds)], f'Condition {c["disp"]} onset {c["onset"]}'
        # wrong: condition abbreviation that does not match the cited condition
        cs = [c for c in P[p]['cond'] if c['disp'] in CN]
        if not cs: return None
        c = rng.choice(cs)
        bad_alt = {'CAD': ('myocardial', 'coronary'), 'MI': ('coronary',), 'T2DM': ('diabet',), 'HTN': ('hypertens',), 'CHF': ('heart failure',), 'CKD 3': ('kidney', 'renal')}
        alt = rng.choice([a for a in ['HTN', 'CHF', 'COPD', 'MI', 'CKD 3', 'T2DM', 'CAD', 'AF'] if not any(a.lower() == x.lower() for x in CN[c['disp']]) and not any(k in c['disp'].lower() for k in bad_alt.get(a, ()))])
        ds = fdate(c['onset'], rng.choice(['year', 'my', 'iso']))
        t = rng.choice([f'PMH: {alt} (dx {ds}).', f'Hx {alt}, onset {ds}.', f'{alt} documented {ds}.'])
        return t, [('condition', c['id'])], [dict(t='cond', ref=c['id'], lit=alt), A_date(c['id'], ds)], f'cited condition is {c["disp"]}, not {alt}'
    codes = [c for c in AN if c not in ('29463-7', '8302-2')]
    o, dp, val = num_obs(p, codes)
    if not o: return None
    ab = aname(o['code'], True); u = unit_of(o['code']) if rng.random() < 0.7 else ''
    err = ''
    if label == 'wrong':
        if rng.random() < 0.5:
            pairs = [b for a, b in CONFUSE if a == o['code']] + [a for a, b in CONFUSE if b == o['code']]
            pairs = [x for x in pairs if x in AN]
            if not pairs: return None
            nc = rng.choice(pairs); ab = rng.choice(AN[nc][0])
            if u and u not in AN[nc][3]: u = ''
            err = f'value {val} belongs to {o["disp"]}, not {ab}'
        else:
            val = fnum(wrong_num(o['v'], dp), dp); err = f'{ab} was {o["v"]:.{dp+1}f}, not {val}'
    ds = fdate(o['date'])
    t = rng.choice([f'{ab} {val}{" " + u if u else ""} ({ds})', f'{ds} {ab} {val}{" " + u if u else ""}.', f'{ab}={val}{u and " " + u} on {ds}',
                    f'Labs {ds}: {ab} {val}{" " + u if u else ""}.', f'{LM()}{ab} was {val}{" " + u if u else ""} on {ds}.', f'{ab} of {val} documented {ds}.'])
    return t, [('observation', o['id'])], [A_an(o['id'], ab), A_num(o['id'], val, u), A_date(o['id'], ds)], (err or f'{o["disp"]} = {o["v"]:.3f} {o["u"]} on {o["date"]}')

# ---------------- drug names
def g_drug(p, label):
    ms = [m for m in P[p]['med'] if m['disp'] in DN]
    if not ms: return None
    m = rng.choice(ms); g, brands, st, wst, og, ob = DN[m['disp']]
    nm, he = pr(p)
    mode = rng.choice(['brand', 'generic', 'strength'] if st else ['brand', 'generic'])
    err = ''
    if mode == 'strength':
        name = rng.choice([g] + brands); s = st
        if label == 'wrong':
            if not wst: return None
            s = rng.choice(wst); err = f'prescribed strength is {st} ({m["disp"]}), not {s}'
        ds = fdate(m['date'], rng.choice(['iso', 'dmy', 'mdy', 'my', 'year', 'monthyear']))
        t = rng.choice([f'{cap(name)} {s} prescribed {ds}.', f'Rx: {name} {s} ({ds}).', f'{nm} was prescribed {name} {s} in {ds}.' if len(ds) <= 8 else f'{nm} was prescribed {name} {s} on {ds}.',
                        f'{LM()}{name} {s} was ordered {ds}.', f'Meds include {name} {s}, started {ds}.'])
        return t, [('medication', m['id'])], [dict(t='drug', ref=m['id'], lit=name), dict(t='strength', ref=m['id'], lit=s), A_date(m['id'], ds)], (err or f'MedicationRequest {m["disp"]} authored {m["date"]}')
    if label == 'correct':
        name = rng.choice(brands) if mode == 'brand' else g
    else:
        name = ob if mode == 'brand' else og
        err = f'the prescription is {m["disp"]}, not {name}'
    ds = fdate(m['date'])
    if P[p]['dead'] or m['status'] != 'active':
        t = rng.choice([f'{cap(name)} was prescribed on {ds}.', f'{nm} received a prescription for {name} ({ds}).', f'{ds}: Rx {name}.',
                        f'{LM()}{name} was ordered on {ds}.', f'Prescribed {name} {ds}.'])
    else:
        t = rng.choice([f'{nm} takes {name}, first prescribed {ds}.', f'On {name} since {ds}.', f'{cap(name)} started {ds} and remains on the med list.',
                        f'{LM()}{nm.lower() if nm in ("The patient","Patient") else nm} was started on {name} on {ds}.'])
    a = [dict(t='drug', ref=m['id'], lit=name), A_date(m['id'], ds)]
    if 'remains' in t or 'takes' in t: a.append(dict(t='status', ref=m['id'], lit='active'))
    return t, [('medication', m['id'])], a, (err or f'MedicationRequest {m["disp"]} ({m["status"]}) authored {m["date"]}')

# ---------------- units
CONV = {  # code -> list of (unit literal, factor or func, dp)
    '8310-5': [('°F', lambda v: v * 9 / 5 + 32, 1), ('F', lambda v: v * 9 / 5 + 32, 1), ('degrees Celsius', lambda v: v, 1), ('°C', lambda v: v, 1), ('deg C', lambda v: v, 1)],
    '29463-7': [('lb', lambda v: v * 2.20462, 0), ('lbs', lambda v: v * 2.20462, 0), ('kg', lambda v: v, 1), ('kilograms', lambda v: v, 1)],
    '8302-2': [('in', lambda v: v / 2.54, 0), ('inches', lambda v: v / 2.54, 0), ('m', lambda v: v / 100, 2), ('cm', lambda v: v, 0)],
    '2339-0': [('mmol/L', lambda v: v / 18.016, 1), ('mg/dL', lambda v: v, 0), ('mg/dl', lambda v: v, 0)],
    '2093-3': [('mmol/L', lambda v: v / 38.67, 1), ('mg/dL', lambda v: v, 0)],
    '18262-6': [('mmol/L', lambda v: v / 38.67, 1), ('mg/dl', lambda v: v, 0)],
    '2085-9': [('mmol/L', lambda v: v / 38.67, 1), ('mg/dL', lambda v: v, 0)],
    '2571-8': [('mmol/L', lambda v: v / 88.57, 1), ('mg/dL', lambda v: v, 0)],
    '38483-4': [('µmol/L', lambda v: v * 88.4, 0), ('umol/L', lambda v: v * 88.4, 0), ('mg/dL', lambda v: v, 1)],
    '718-7': [('g/L', lambda v: v * 10, 0), ('g/dL', lambda v: v, 1)],
    '2947-0': [('mEq/L', lambda v: v, 0), ('mmol/L', lambda v: v, 0)],
    '6298-4': [('mEq/L', lambda v: v, 1), ('mmol/L', lambda v: v, 1)],
    '33914-3': [('mL/min/1.73m2', lambda v: v, 0), ('mL/min/1.73 m²', lambda v: v, 0), ('ml/min/1.73m^2', lambda v: v, 0)],
    '6690-2': [('x10^9/L', lambda v: v, 1), ('K/uL', lambda v: v, 1), ('/mm3', lambda v: v * 1000, -2)],
    '777-3': [('x10^9/L', lambda v: v, 0), ('K/µL', lambda v: v, 0)],
    '39156-5': [('kg/m2', lambda v: v, 1), ('kg/m²', lambda v: v, 1)],
}
WRONGU = {'8310-5': ['F', '°F'], '29463-7': ['lb', 'g'], '8302-2': ['in', 'mm'], '2339-0': ['mmol/L'], '2093-3': ['mmol/L'], '18262-6': ['mmol/L'],
          '2085-9': ['mmol/L'], '2571-8': ['mmol/L'], '38483-4': ['µmol/L', 'mmol/L'], '718-7': ['g/L', 'mg/dL'], '33914-3': ['mL/s', 'mg/dL'],
          '6690-2': ['/uL'], '777-3': ['/uL'], '39156-5': ['kg/m', 'lb/in2'], '2947-0': ['mg/dL'], '6298-4': ['mg/dL']}

def g_units(p, label):
    o = pick_obs(p, list(CONV))
    if not o: return None
    nm, he = pr(p)
    ul, f, dp = rng.choice(CONV[o['code']])
    v = f(o['v'])
    dpp = max(dp, 0)
    if dp < 0:
        val = f'{int(round(v, dp)):,}'
        if abs(v - round(v, dp)) > 40 * 0.8: return None
    else:
        if not safe_round(v, dpp): return None
        val = fnum(v, dpp)
    err = ''
    if label == 'wrong':
        # keep the number of the record but attach a wrong unit, or convert the number and keep the original unit
        wu = rng.choice(WRONGU[o['code']])
        odp = AN[o['code']][2]
        if wu == ul or not safe_round(o['v'], odp): return None
        val = fnum(o['v'], odp); ul = wu
        err = f'record is {o["v"]:.2f} {o["u"]}; {val} {ul} is the wrong unit (no/incorrect conversion)'
        if o['code'] == '8310-5' and ul in ('F', '°F'): pass
    an = aname(o['code'])
    ds = fdate(o['date'])
    t = rng.choice([f'Your {low1(an) or an} was {val} {ul} on {ds}.', f'{cap(an)} {val} {ul} on {ds}.', f'{ds}: {an} {val} {ul}.', f'{LM()}{an} measured {val} {ul} on {ds}.',
                    f'{nm} — {an} {val} {ul} ({ds}).', f'Recorded {an}: {val} {ul}, {ds}.'])
    return t, [('observation', o['id'])], [A_an(o['id'], an), A_num(o['id'], val.replace(',', ''), ul), A_date(o['id'], ds)], (err or f'{o["disp"]} {o["v"]:.3f} {o["u"]} = {val} {ul} after conversion, {o["date"]}')

# ---------------- rounding
def g_round(p, label):
    o = pick_obs(p, [c for c in AN if c not in ('8310-5',)])
    if not o: return None
    dp = rng.choice([0, 0, 1]) if (AN[o['code']][2] >= 1 and o['v'] >= 20) else AN[o['code']][2] if o['v'] < 20 else 0
    v = o['v']
    if not safe_round(v, dp): return None
    nm, he = pr(p)
    val = fnum(v, dp); err = ''
    if label == 'wrong':
        step = 10 ** -dp
        frac = (v / step) - int(v / step)
        if frac >= 0.6 and rng.random() < 0.5:
            val = fnum(int(v / step) * step, dp); err = f'{v:.3f} rounds to {fnum(v, dp)}, not {val} (truncated)'
        else:
            w = round(v, dp) + rng.choice([-2, 2, 3, -3]) * step
            val = fnum(w, dp); err = f'{v:.3f} rounds to {fnum(v, dp)}, not {val}'
    approx = rng.choice(['about ', '~', 'approximately ', 'roughly ', 'approx. ', 'around ', '≈'])
    an = aname(o['code']); u = unit_of(o['code']) if rng.random() < 0.8 else ''
    ds = fdate(o['date'])
    t = rng.choice([f'{cap(an)} {approx}{val}{" " + u if u else ""} ({ds}).', f'{LM()}{an} was {approx}{val}{" " + u if u else ""} on {ds}.',
                    f'{ds} {an} {approx}{val}{" " + u if u else ""}.', f'{nm}\'s {an} on {ds} was {approx}{val}{" " + u if u else ""}.',
                    f'{an}: {approx}{val} ({ds})', f'Your {low1(an) or an} on {ds} was {approx}{val}{" " + u if u else ""}.', f'Your {low1(an) or an} result from {ds} was {approx}{val}{" " + u if u else ""}.'])
    return t, [('observation', o['id'])], [A_an(o['id'], an), A_num(o['id'], val, u), A_date(o['id'], ds)], (err or f'{o["disp"]} {v:.4f} {o["u"]} ({o["date"]}) rounds to {val}')

# ---------------- trends
def g_trend(p, label):
    codes = ['4548-4', '18262-6', '2093-3', '2571-8', '2085-9', '39156-5', '29463-7', '38483-4', '33914-3', '2339-0', '718-7', 'SBP']
    code = rng.choice(codes)
    if code == 'SBP':
        os_ = [o for o in obs_of(p, '55284-4') if 'comp' in o and '8480-6' in o['comp']]
        get = lambda o: o['comp']['8480-6'][1]; an = rng.choice(['SBP', 'systolic BP', 'systolic pressure']); dp = 0; ref = lambda o: f"{o['id']}#{o['comp']['8480-6'][0]}"
    else:
        os_ = [o for o in obs_of(p, code) if 'v' in o]
        get = lambda o: o['v']; an = aname(code); dp = AN[code][2]; ref = lambda o: o['id']
    if len(os_) < 2: return None
    a, b = sorted(rng.sample(os_, 2), key=lambda o: o['date'])
    if a['date'][:4] == b['date'][:4] and rng.random() < 0.7: return None
    va, vb = get(a), get(b)
    rel = (vb - va) / va
    if abs(rel) < 0.02: truth = 'stable'
    elif rel > 0.08: truth = 'up'
    elif rel < -0.08: truth = 'down'
    else: return None
    if not (safe_round(va, dp) and safe_round(vb, dp)): return None
    if round(va, dp) == round(vb, dp) and truth != 'stable': return None
    words = {'up': ['rose', 'increased', 'went up', 'climbed', 'trended up'], 'down': ['fell', 'decreased', 'dropped', 'came down', 'declined'],
             'stable': ['was stable', 'remained essentially unchanged', 'held steady']}
    err = ''
    claim = truth
    swap = False
    if label == 'wrong':
        r = rng.random()
        if truth == 'stable':
            claim = rng.choice(['up', 'down'])
            err = f'{an} changed by only {rel*100:.1f}% ({va:.2f} -> {vb:.2f}); not a {claim} trend (tolerance 5%)'
        elif r < 0.4:
            claim = 'down' if truth == 'up' else 'up'; err = f'{an} went {truth} ({va:.2f} on {a["date"]} -> {vb:.2f} on {b["date"]}), not {claim}'
        elif r < 0.7:
            swap = True; err = f'dates/values swapped: {va:.2f} was on {a["date"]} and {vb:.2f} on {b["date"]}'
        else:
            claim = 'stable'; err = f'{an} changed by {rel*100:.0f}% ({va:.2f} -> {vb:.2f}); not stable'
    w = rng.choice(words[claim])
    sa, sb = fnum(va, dp), fnum(vb, dp)
    da = fdate(a['date'], rng.choice(['year', 'iso', 'my', 'dmy', 'mdy', 'monthyear'])); db = fdate(b['date'], rng.choice(['year', 'iso', 'my', 'dmy', 'mdy', 'monthyear']))
    if da == db: return None
    if swap:
        sa, sb = sb, sa
        if not ((claim == 'up' and float(sb) > float(sa)) or (claim == 'down' and float(sb) < float(sa))):
            claim = 'up' if float(sb) > float(sa) else 'down'; w = rng.choice(words[claim])
    withv = rng.random() < 0.75 or claim == 'stable'
    nm, he = pr(p)
    if withv:
        t = rng.choice([f'{cap(an)} {w} from {sa} in {da} to {sb} in {db}.' if len(da) <= 8 and len(db) <= 8 else f'{cap(an)} {w} from {sa} ({da}) to {sb} ({db}).',
                        f'{LM()}{an} {w}: {sa} on {da} vs {sb} on {db}.', f'{an} {sa} ({da}) -> {sb} ({db}); {w}.' if claim != 'stable' else f'{an} {sa} ({da}) -> {sb} ({db}), essentially unchanged.',
                        f'Between {da} and {db} {nm.lower() if nm in ("The patient","Patient") else nm + chr(39) + "s"} {an} {w} ({sa} to {sb}).'])
        if 'essentially unchanged' in t: claim_word = 'stable'
        a_ = [dict(t='trend', refs=[ref(a), ref(b)], lit=claim, dates=[da, db], vals=[sa, sb])]
        if swap:
            a_ = [dict(t='trend', refs=[ref(a), ref(b)], lit=claim, dates=[da, db], vals=[sa, sb])]
    else:
        t = rng.choice([f'{cap(an)} {w} between {da} and {db}.', f'{LM()}{an} {w} from {da} to {db}.', f'{cap(an)} has { {"up":"risen","down":"fallen","stable":"stayed flat"}[claim]} since {da} (compare {db}).'])
        a_ = [dict(t='trend', refs=[ref(a), ref(b)], lit=claim, dates=[da, db], vals=None)]
        if swap: return None
    a_ += [A_an(a['id'], an)]
    why = err or f'{a["disp"]}: {va:.3f} ({a["date"]}) -> {vb:.3f} ({b["date"]}), change {rel*100:.1f}% (stable = within 5%)'
    return t, [('observation', ref(a)), ('observation', ref(b))], a_, why

# ---------------- two facts
def g_two(p, label):
    d = P[p]; nm, he = pr(p)
    kind = rng.choice(['wtbmi', 'lipids', 'conddrug', 'bp', 'cbc', 'condimm'])
    bad = rng.randrange(2) if label == 'wrong' else -1
    if kind in ('wtbmi', 'lipids', 'cbc'):
        pair = {'wtbmi': ('29463-7', '39156-5'), 'lipids': rng.choice([('18262-6', '2085-9'), ('2093-3', '2571-8')]), 'cbc': rng.choice([('718-7', '777-3'), ('6690-2', '718-7')])}[kind]
        o1 = pick_obs(p, [pair[0]])
        if not o1: return None
        o2 = [o for o in P[p]['obs'] if o['code'] == pair[1] and o['date'] == o1['date'] and 'v' in o]
        if not o2: return None
        o2 = o2[0]
        vals = []; err = ''
        for i, o in enumerate((o1, o2)):
            dp = AN[o['code']][2]
            if not safe_round(o['v'], dp): return None
            v = fnum(o['v'], dp)
            if i == bad: v = fnum(wrong_num(o['v'], dp), dp); err = f'{o["disp"]} was {o["v"]:.2f}, not {v}'
            vals.append(v)
        n1, n2 = aname(o1['code']), aname(o2['code']); u1, u2 = unit_of(o1['code']), unit_of(o2['code'])
        ds = fdate(o1['date'])
        t = rng.choice([f'On {ds}, {n1} was {vals[0]} {u1} and {n2} {vals[1]} {u2}.', f'{ds}: {n1} {vals[0]} {u1}, {n2} {vals[1]} {u2}.',
                        f'{LM()}{n1} {vals[0]} {u1} with {n2} {vals[1]} {u2} ({ds}).', f'{cap(n1)} of {vals[0]} {u1} alongside {n2} of {vals[1]} {u2}, both {ds}.'])
        return t, [('observation', o1['id']), ('observation', o2['id'])], [A_an(o1['id'], n1), A_num(o1['id'], vals[0], u1), A_an(o2['id'], n2), A_num(o2['id'], vals[1], u2), A_date(o1['id'], ds), A_date(o2['id'], ds)], (err or f'{o1["disp"]} {o1["v"]:.2f} and {o2["disp"]} {o2["v"]:.2f} on {o1["date"]}')
    if kind == 'bp':
        o = pick_obs(p, ['55284-4'], need_v=False)
        if not o or 'comp' not in o: return None
        w = [x for x in P[p]['obs'] if x['code'] == '29463-7' and x['date'] == o['date']]
        if not w: return None
        w = w[0]; (si, sv), (di, dv) = bp_of(o)
        s = f'{sv:.0f}/{dv:.0f}'; wt = fnum(w['v'], 1); err = ''
        if not safe_round(w['v'], 1): return None
        if bad == 0: s = f'{sv:.0f}/{wrong_num(dv, 0):.0f}'; err = f'diastolic was {dv:.0f}'
        if bad == 1: wt = fnum(wrong_num(w['v'], 1), 1); err = f'weight was {w["v"]:.1f} kg'
        ds = fdate(o['date'])
        t = rng.choice([f'BP {s} mmHg and weight {wt} kg at the {ds} visit.', f'{ds}: BP {s}, Wt {wt} kg.', f'At the visit on {ds} {he} weighed {wt} kg with a BP of {s}.'])
        return t, [('observation', o['id']), ('observation', w['id'])], [dict(t='bp', ref=o['id'], lit=s), A_num(w['id'], wt, 'kg'), A_date(o['id'], ds), A_date(w['id'], ds)], (err or f'BP {sv:.1f}/{dv:.1f}, weight {w["v"]:.2f} kg on {o["date"]}')
    if kind == 'conddrug':
        ms = [m for m in d['med'] if m['disp'] in DN]; cs = [c for c in d['cond'] if c['disp'] in CN]
        if not ms or not cs: return None
        m = rng.choice(ms); c = rng.choice(cs)
        cn = rng.choice(CN[c['disp']]); dn = rng.choice([DN[m['disp']][0]] + DN[m['disp']][1])
        cy = fdate(c['onset'], rng.choice(['year', 'my', 'iso', 'dmy'])); my = fdate(m['date'], rng.choice(['year', 'my', 'iso', 'mdy']))
        err = ''
        if bad == 0:
            cy = fdate(shift(c['onset'], 'year'), 'year'); err = f'{c["disp"]} onset was {c["onset"]}, not {cy}'
            if cy[:4] == c['onset'][:4]: return None
        if bad == 1:
            dn = DN[m['disp']][4]; err = f'prescription was {m["disp"]}, not {dn}'
        t = rng.choice([f'{cap(cn)} diagnosed {cy}; {dn} prescribed {my}.', f'{LM()}{nm.lower() if nm in ("The patient","Patient") else nm} has a history of {cn} (onset {cy}) and was prescribed {dn} in {my}.' if len(my) <= 8 else f'{LM()}{cn} since {cy}, and {dn} was prescribed on {my}.',
                        f'Hx {cn} ({cy}). Rx {dn} {my}.'])
        return t, [('condition', c['id']), ('medication', m['id'])], [dict(t='cond', ref=c['id'], lit=cn), A_date(c['id'], cy), dict(t='drug', ref=m['id'], lit=dn), A_date(m['id'], my)], (err or f'{c["disp"]} onset {c["onset"]}; {m["disp"]} authored {m["date"]}')
    if kind == 'condimm':
        cs = [c for c in d['cond'] if c['disp'] in CN]; im = [i for i in d['imm'] if i['disp'] in VN]
        if not cs or not im: return None
        c = rng.choice(cs); i = rng.choice(im); cn = rng.choice(CN[c['disp']]); vn = rng.choice(VN[i['disp']])
        cd = fday(c['onset']); idt = fday(i['date']); err = ''
        if bad == 0: cd = fday(shift(c['onset'], rng.choice(['day', 'month']))); err = f'{c["disp"]} onset {c["onset"]}, not {cd}'
        if bad == 1: idt = fday(shift(i['date'], rng.choice(['month', 'year']))); err = f'{i["disp"]} given {i["date"]}, not {idt}'
        t = rng.choice([f'{cap(cn)} on {cd}; {vn} given {idt}.', f'{nm} had {cn} ({cd}) and received {vn} on {idt}.', f'{cap(vn)} {idt}. {cap(cn)} {cd}.'])
        return t, [('condition', c['id']), ('immunization', i['id'])], [dict(t='cond', ref=c['id'], lit=cn), A_date(c['id'], cd), dict(t='vax', ref=i['id'], lit=vn), A_date(i['id'], idt)], (err or f'{c["disp"]} onset {c["onset"]}; {i["disp"]} {i["date"]}')

# ---------------- negation
NEG = {  # phrase -> display keywords that would make it present (generator side)
    'asthma': ['asthma'], 'diabetes': ['diabetes mellitus', 'diabetic', 'diabetes'], 'hypertension': ['hypertension'], 'heart failure': ['heart failure'], 'COPD': ['obstructive', 'emphysema'],
    'myocardial infarction': ['myocardial infarction'], 'stroke': ['stroke'], 'epilepsy': ['epilepsy', 'seizure disorder'], 'chronic kidney disease': ['kidney disease', 'renal'],
    'osteoporosis': ['osteoporosis'], 'anaemia': ['anemia'], 'prostate cancer': ['carcinoma', 'malignant'], 'coronary artery disease': ['coronary'],
    'sinusitis': ['sinusitis'], 'appendicitis': ['appendic'],
}
NEGMED = {'a statin': ['statin'], 'insulin': ['insulin'], 'metformin': ['metformin'], 'an anticoagulant': ['warfarin', 'apixaban', 'rivaroxaban', 'heparin', 'dabigatran'],
          'a beta-blocker': ['olol'], 'a diuretic': ['thiazide', 'lasix', 'furosemide'], 'opioids': ['codone'], 'an inhaler': ['inhaler'], 'antiplatelet therapy': ['clopidogrel', 'aspirin']}

def g_neg(p, label):
    d = P[p]; nm, he = pr(p)
    kind = rng.choice(['cond', 'cond', 'med', 'allergy'])
    if kind == 'allergy':
        if label == 'correct':
            if d['allergy'] and rng.random() < 0.5:
                ph = rng.choice(['No known drug allergies recorded.', 'NKDA.', 'No drug allergies documented.'])
                return ph, [('patient', p)], [dict(t='absent', pid=p, lit='drug allergy')], 'AllergyIntolerance list contains only environmental/food allergies, none to drugs'
            if d['allergy']: return None
            ph = rng.choice(['You have no allergies on file.', 'No known allergies.', 'NKA.', f'{LM()}no allergies are documented for {nm.lower() if nm in ("The patient","Patient") else nm}.', 'Allergies: none recorded.', 'NKDA; no allergy list entries.'])
            return ph, [('patient', p)], [dict(t='absent', pid=p, lit='allergy')], 'chart contains no AllergyIntolerance resources'
        if not d['allergy']: return None
        a = rng.choice(d['allergy'])
        ph = rng.choice(['No known allergies.', 'Allergies: none.', f'{nm} has no documented allergies.', 'NKA per chart.'])
        return ph, [('patient', p)], [dict(t='absent', pid=p, lit='allergy')], f'chart lists {a["disp"]}'
    if kind == 'cond':
        names = list(NEG)
        rng.shuffle(names)
        for n in names:
            present = [c for c in d['cond'] if any(k in c['disp'].lower() for k in NEG[n]) and not (n == 'diabetes' and c['disp'].lower().startswith('prediabetes'))]
            if n == 'chronic kidney disease' and any(o['v'] < 60 for o in obs_of(p, '33914-3') if 'v' in o): present = present or ['x']
            if n == 'diabetes' and any(o['v'] >= 6.5 for o in obs_of(p, '4548-4') if 'v' in o): present = present or ['x']
            if n == 'hypertension' and any(o['comp']['8480-6'][1] >= 140 or o['comp']['8462-4'][1] >= 90 for o in obs_of(p, '55284-4') if 'comp' in o): present = present or ['x']
            if n == 'anaemia' and obs_of(p, '718-7'): continue
            if (label == 'correct') == (not present) and (label == 'correct' or present != ['x']):
                cites = [('patient', p)]
                if label == 'wrong' and rng.random() < 0.3: cites.append(('condition', present[0]['id']))
                t = rng.choice([f'Your records do not show {n}.' if label == 'correct' else f'Good news: your records show no {n}.', f'No history of {n}.', f'Denies {n}.', f'{LM()}there is no record of {n}.', f'{nm} has never been diagnosed with {n}.', f'No {n} on the problem list.', f'PMH negative for {n}.'])
                why = f'no Condition matching {n} in the chart' if label == 'correct' else f'chart contains {present[0]["disp"]} (onset {present[0]["onset"]})'
                return t, cites, [dict(t='absent', pid=p, lit=n)], why
        return None
    names = list(NEGMED); rng.shuffle(names)
    for n in names:
        present = [m for m in d['med'] if any(k in m['disp'].lower() for k in NEGMED[n])]
        act = [m for m in present if m['status'] == 'active']
        if label == 'correct' and not present:
            t = rng.choice([f'Not on {n}.', f'No {n.replace("a ", "").replace("an ", "")} on the medication list.', f'{LM()}{nm.lower() if nm in ("The patient","Patient") else nm} has never been prescribed {n}.', f'Meds: no {n.replace("a ", "").replace("an ", "")}.'])
            return t, [('patient', p)], [dict(t='absent', pid=p, lit=n)], f'no MedicationRequest for {n} in the chart'
        if label == 'wrong' and act:
            t = rng.choice([f'Not on {n}.', f'{nm} is not taking {n}.', f'{LM()}no {n.replace("a ", "").replace("an ", "")} ' + ('have' if n.endswith('s') else 'has') + ' been prescribed.', f'Never prescribed {n}.'])
            return t, [('patient', p)], [dict(t='absent', pid=p, lit=n)], f'chart has active {act[0]["disp"]} (authored {act[0]["date"]})'
    return None

# ---------------- status
def g_status(p, label):
    d = P[p]; nm, he = pr(p)
    kind = rng.choice(['cond', 'med', 'smoke'])
    if kind == 'smoke':
        sm = obs_of(p, '72166-2')
        if not sm: return None
        o = sm[-1]; truth = o['cc']
        opts = {'Never smoker': ['never smoker', 'never smoked', 'lifelong non-smoker'], 'Former smoker': ['former smoker', 'ex-smoker', 'quit smoking']}
        st = rng.choice(opts[truth]) if label == 'correct' else rng.choice(['current smoker', 'active smoker', 'smokes daily'] + (opts['Former smoker'] if truth == 'Never smoker' else opts['Never smoker']))
        ds = fdate(o['date'])
        t = rng.choice([f'Smoking status: {st} (documented {ds}).', f'{LM()}{nm.lower() if nm in ("The patient","Patient") else nm} is a {st}, per the {ds} note.' if 'smok' in st and ' ' in st and not st.startswith('smokes') and not st.startswith('quit') and not st.startswith('never smoked') else f'{nm} {st} — recorded {ds}.',
                        f'Tobacco: {st} ({ds}).'])
        return t, [('observation', o['id'])], [dict(t='status', ref=o['id'], lit=st), A_date(o['id'], ds), dict(t='latest', ref=o['id'])], (f'Tobacco smoking status {ds}: {truth}' if label == 'correct' else f'record says {truth}, not {st}')
    if kind == 'cond':
        cs = [c for c in d['cond'] if c['disp'] in CN]
        if not cs: return None
        c = rng.choice(cs); cn = rng.choice(CN[c['disp']])
        truth = c['status']
        st = truth if label == 'correct' else ('resolved' if truth == 'active' else 'active')
        ds = fdate(c['onset'], rng.choice(['iso', 'dmy', 'my', 'year', 'mdy']))
        if st == 'active':
            t = rng.choice([f'{cap(cn)} — active (onset {ds}).', f'Active problem: {cn}, since {ds}.', f'{LM()}{cn} (onset {ds}) remains an active problem.', f'{cap(cn)} ongoing since {ds}.'])
        else:
            t = rng.choice([f'{cap(cn)} ({ds}), now resolved.', f'Resolved: {cn}, onset {ds}.', f'{LM()}the {cn} diagnosed {ds} has resolved.', f'{cap(cn)} {ds} - resolved.'])
        return t, [('condition', c['id'])], [dict(t='cond', ref=c['id'], lit=cn), dict(t='status', ref=c['id'], lit=st), A_date(c['id'], ds)], (f'Condition {c["disp"]} clinicalStatus {truth}, onset {c["onset"]}' + (f', abatement {c["abate"]}' if c['abate'] else '') if label == 'correct' else f'clinicalStatus is {truth}, not {st}')
    ms = [m for m in d['med'] if m['disp'] in DN]
    if not ms: return None
    m = rng.choice(ms); dn = rng.choice([DN[m['disp']][0]] + DN[m['disp']][1])
    truth = m['status']; st = truth if label == 'correct' else ('stopped' if truth == 'active' else 'active')
    ds = fdate(m['date'], rng.choice(['iso', 'dmy', 'my', 'year', 'mdy', 'us']))
    if st == 'active':
        t = rng.choice([f'You are still on {dn}, which was started {ds}.' if not d['dead'] else f'{cap(dn)} (Rx {ds}) remains active.', f'{cap(dn)} (started {ds}) is still active.', f'Active med: {dn}, since {ds}.', f'{LM()}{dn}, prescribed {ds}, is an active medication.',
                        f'{nm} continues on {dn} (Rx {ds}).' if not d['dead'] else f'{cap(dn)} Rx {ds}, status active.'])
    else:
        t = rng.choice([f'Your {dn} prescription from {ds} has been stopped.', f'{cap(dn)} (Rx {ds}) has been discontinued.', f'{cap(dn)}, prescribed {ds}, was stopped.', f'{LM()}{dn} from {ds} is no longer active.', f'D/c\'d: {dn} ({ds}).'])
    return t, [('medication', m['id'])], [dict(t='drug', ref=m['id'], lit=dn), dict(t='status', ref=m['id'], lit=st), A_date(m['id'], ds)], (f'MedicationRequest {m["disp"]} status {truth}, authored {m["date"]}' if label == 'correct' else f'MedicationRequest status is {truth}, not {st}')

# ---------------- latest
def g_latest(p, label):
    nm, he = pr(p)
    if rng.random() < 0.25:
        es = P[p]['enc']
        if len(es) < 2: return None
        last = es[-1]
        if es[-2]['date'] == last['date']: return None
        e = last if label == 'correct' else rng.choice(es[:-1])
        if label == 'wrong' and e['date'] == last['date']: return None
        ds = fday(e['date'])
        t = rng.choice([f'Last visit: {ds}.', f'Most recent encounter was on {ds}.', f'{LM()}{nm.lower() if nm in ("The patient","Patient") else nm} was last seen on {ds}.', f'Latest encounter {ds}.'])
        return t, [('encounter', e['id'])], [A_date(e['id'], ds), dict(t='latest', ref=e['id'])], (f'Encounter {e["date"]} is the last in the chart' if label == 'correct' else f'a later encounter exists ({last["date"]})')
    code = rng.choice(['4548-4', '18262-6', '2093-3', '39156-5', '29463-7', '38483-4', '33914-3', '2339-0', '2085-9', '718-7', '6298-4', 'BP'])
    if code == 'BP':
        os_ = [o for o in obs_of(p, '55284-4') if 'comp' in o]
    else:
        os_ = [o for o in obs_of(p, code) if 'v' in o]
    if len(os_) < 2: return None
    last = os_[-1]
    if os_[-2]['date'] == last['date']: return None
    mode = rng.random()
    if label == 'correct':
        o = last; cite = o
    else:
        older = [o for o in os_ if o['date'] < last['date']]
        o = rng.choice(older[-3:]); cite = o if mode < 0.6 else last
    if code == 'BP':
        (si, sv), (di, dv) = bp_of(o)
        if cite is not o and (round(sv) == round(last['comp']['8480-6'][1]) and round(dv) == round(last['comp']['8462-4'][1])): return None
        vtxt = f'{sv:.0f}/{dv:.0f}'; an = rng.choice(['BP', 'blood pressure']); ds = fdate(o['date'])
        a = [dict(t='bp', ref=cite['id'], lit=vtxt), A_date(cite['id'], ds), dict(t='latest', ref=cite['id'])]; u = 'mmHg'
        truev = f'{last["comp"]["8480-6"][1]:.0f}/{last["comp"]["8462-4"][1]:.0f}'
    else:
        dp = AN[code][2]
        if not safe_round(o['v'], dp): return None
        vtxt = fnum(o['v'], dp); an = aname(code); u = unit_of(code); ds = fdate(o['date'])
        if cite is not o and fnum(last['v'], dp) == vtxt: return None
        a = [A_an(cite['id'], an), A_num(cite['id'], vtxt, u), A_date(cite['id'], ds), dict(t='latest', ref=cite['id'])]
        truev = fnum(last['v'], dp)
    t = rng.choice([f'Most recent {an}: {vtxt} {u} ({ds}).', f'Latest {an} {vtxt} {u}, {ds}.', f'{LM()}the most recent {an} was {vtxt} {u} on {ds}.',
                    f'Last {an} on file ({ds}) was {vtxt} {u}.', f'{cap(an)} most recently {vtxt} {u} ({ds}).', f'Your most recent {low1(an) or an} reading, taken {ds}, was {vtxt} {u}.'])
    why = f'{an} {vtxt} on {o["date"]} is the latest of its kind' if label == 'correct' else f'latest {an} is {truev} on {last["date"]}; {vtxt} ({o["date"]}) is older'
    return t, [('observation', cite['id'])], a, why

# ---------------- swapped
def g_swap(p, label):
    nm, he = pr(p)
    kind = rng.choice(['bp', 'bp', 'pair', 'years'])
    if kind == 'years':
        code = rng.choice(['4548-4', '18262-6', '2093-3', '39156-5', '29463-7', '2571-8', '2085-9', '718-7', '33914-3'])
        os_ = [o for o in obs_of(p, code) if 'v' in o]
        if len(os_) < 2: return None
        a, b = sorted(rng.sample(os_, 2), key=lambda o: o['date'])
        if a['date'][:4] == b['date'][:4]: return None
        dp = AN[code][2]
        if not (safe_round(a['v'], dp) and safe_round(b['v'], dp)) or fnum(a['v'], dp) == fnum(b['v'], dp): return None
        va, vb = fnum(a['v'], dp), fnum(b['v'], dp)
        ya, yb = a['date'][:4], b['date'][:4]
        if label == 'wrong': va, vb = vb, va
        an = aname(code); u = unit_of(code)
        dirw = ('went up' if float(vb) > float(va) else 'came down')
        t = rng.choice([f'{cap(an)} {va} {u} in {ya}, {vb} {u} in {yb}.', f'{LM()}{an} was {va} in {ya} and {vb} in {yb}.', f'{cap(an)}: {ya} {va} -> {yb} {vb}.',
                        f'{cap(an)} {dirw} from {va} ({ya}) to {vb} ({yb}).'])
        return t, [('observation', a['id']), ('observation', b['id'])], [A_an(a['id'], an), A_num(a['id'], va), A_date(a['id'], ya), A_num(b['id'], vb), A_date(b['id'], yb)] + ([dict(t='trend', refs=[a['id'], b['id']], lit='up' if 'up' in dirw else 'down', dates=[ya, yb], vals=None)] if dirw in t else []), (f'{a["disp"]} {a["v"]:.2f} ({a["date"]}), {b["v"]:.2f} ({b["date"]})' if label == 'correct' else f'years swapped: {fnum(a["v"], dp)} was in {ya} and {fnum(b["v"], dp)} in {yb}')
    if kind == 'bp':
        o = pick_obs(p, ['55284-4'], need_v=False)
        if not o or 'comp' not in o: return None
        (si, sv), (di, dv) = bp_of(o)
        s, dd = f'{sv:.0f}', f'{dv:.0f}'
        if label == 'wrong': s, dd = dd, s
        ds = fdate(o['date'])
        cite = o['id'] if rng.random() < 0.6 else None
        t = rng.choice([f'BP {s}/{dd} mmHg on {ds}.', f'{ds}: systolic {s}, diastolic {dd}.', f'{LM()}blood pressure on {ds} was {s}/{dd} mm Hg.', f'SBP {s} / DBP {dd} ({ds}).'])
        if cite:
            ba = [dict(t='bp', ref=o['id'], lit=f'{s}/{dd}')] if f'{s}/{dd}' in t else [dict(t='num', ref=f'{o["id"]}#{si}', lit=s, unit=''), dict(t='num', ref=f'{o["id"]}#{di}', lit=dd, unit='')]
            return t, [('observation', o['id'])], ba + [A_date(o['id'], ds)], (f'BP panel: systolic {sv:.1f}, diastolic {dv:.1f}' if label == 'correct' else f'systolic/diastolic swapped: actual {sv:.0f}/{dv:.0f}')
        return t, [('observation', f'{o["id"]}#{si}'), ('observation', f'{o["id"]}#{di}')], [dict(t='num', ref=f'{o["id"]}#{si}', lit=s, unit=''), dict(t='num', ref=f'{o["id"]}#{di}', lit=dd, unit=''), A_date(o['id'], ds)], (f'components: systolic #{si} {sv:.1f}, diastolic #{di} {dv:.1f}' if label == 'correct' else f'systolic/diastolic swapped: actual {sv:.0f}/{dv:.0f}')
    pair = rng.choice([('18262-6', '2085-9'), ('2947-0', '2069-3'), ('2093-3', '18262-6'), ('29463-7', '8302-2'), ('718-7', '4544-3'), ('2339-0', '6299-2')])
    o1 = pick_obs(p, [pair[0]])
    if not o1: return None
    o2 = [o for o in P[p]['obs'] if o['code'] == pair[1] and o['date'] == o1['date'] and 'v' in o]
    if not o2: return None
    o2 = o2[0]; d1, d2 = AN[pair[0]][2], AN[pair[1]][2]
    if not (safe_round(o1['v'], d1) and safe_round(o2['v'], d2)): return None
    v1, v2 = fnum(o1['v'], d1), fnum(o2['v'], d2)
    if label == 'wrong':
        v1, v2 = fnum(o2['v'], d1), fnum(o1['v'], d2)
    n1, n2 = aname(pair[0], True), aname(pair[1], True)
    ds = fdate(o1['date'])
    t = rng.choice([f'{n1} {v1}, {n2} {v2} ({ds}).', f'{ds}: {n1} {v1} and {n2} {v2}.', f'{LM()}{n1} was {v1} and {n2} {v2} on {ds}.'])
    return t, [('observation', o1['id']), ('observation', o2['id'])], [A_an(o1['id'], n1), A_num(o1['id'], v1), A_an(o2['id'], n2), A_num(o2['id'], v2), A_date(o1['id'], ds)], (f'{o1["disp"]} {o1["v"]:.2f}, {o2["disp"]} {o2["v"]:.2f}' if label == 'correct' else f'values swapped: {n1} was {fnum(o1["v"], d1)} and {n2} {fnum(o2["v"], d2)}')

# ---------------- wrong citation
def g_wcite(p, label):
    nm, he = pr(p)
    o, dp, val = num_obs(p, ['4548-4', '18262-6', '2093-3', '2085-9', '2571-8', '2339-0', '38483-4', '39156-5', '29463-7', '2947-0', '6298-4', '718-7', '33914-3'])
    if not o: return None
    an = aname(o['code']); u = unit_of(o['code']); ds = fdate(o['date'])
    cite = o; err = ''
    if label == 'wrong':
        r = rng.random()
        same = [x for x in P[p]['obs'] if x['date'] == o['date'] and x['code'] != o['code'] and x['id'] != o['id']]
        other = [x for x in obs_of(p, o['code']) if x['date'][:7] != o['date'][:7] and 'v' in x and fnum(x['v'], dp) != val]
        if r < 0.4 and same:
            cite = rng.choice(same); err = f'cited observation is {cite["disp"]} ({cite["date"]}), not {an}; the {an} value is in {o["id"]}'
        elif r < 0.75 and other:
            cite = rng.choice(other); err = f'cited {an} is from {cite["date"]} with a different value; the stated value is in {o["id"]}'
        else:
            encs = [e for e in P[p]['enc'] if e['date'] != o['date']]
            if rng.random() < 0.5 and P[p]['cond']:
                c = rng.choice(P[p]['cond'])
                t = rng.choice([f'{cap(an)} {val} {u} on {ds}.', f'{LM()}{an} was {val} {u} ({ds}).'])
                return t, [('condition', c['id'])], [A_an(c['id'], an), A_num(c['id'], val, u), A_date(c['id'], ds)], f'cites Condition {c["disp"]}, which holds no {an} value; the value is in Observation {o["id"]}'
            if not encs: return None
            e = rng.choice(encs)
            t = rng.choice([f'{cap(an)} {val} {u} on {ds}.', f'{ds}: {an} {val} {u}.'])
            return t, [('encounter', e['id'])], [A_an(e['id'], an), A_num(e['id'], val, u), A_date(e['id'], ds)], f'cites an Encounter on {e["date"]} that holds no {an} result; the value is in Observation {o["id"]}'
    t = rng.choice([f'{cap(an)} {val} {u} on {ds}.', f'{ds}: {an} {val} {u}.', f'{LM()}{an} measured {val} {u} on {ds}.', f'{nm}: {an} {val} {u} ({ds}).', f'{cap(an)} was {val} {u} at the {ds} ' + ('visit.' if o['code'] in ('39156-5', '29463-7', '8302-2') else 'draw.')])
    return t, [('observation', cite['id'])], [A_an(cite['id'], an), A_num(cite['id'], val, u), A_date(cite['id'], ds)], (err or f'{o["disp"]} {o["v"]:.3f} {o["u"]} on {o["date"]}')

# ---------------- interpretation
def cat_of(code, v, p=None, date=None):
    if code == '4548-4': return 'normal' if v < 5.7 else ('prediabetic range' if v < 6.5 else 'diabetic range')
    if code == '39156-5':
        if age_at(p, date) < 20: return None
        return 'underweight' if v < 18.5 else 'normal weight' if v < 25 else 'overweight' if v < 30 else 'obese'
    if code == '18262-6': return 'optimal' if v < 100 else 'near optimal' if v < 130 else 'borderline high' if v < 160 else 'high' if v < 190 else 'very high'
    if code == '2093-3': return 'desirable' if v < 200 else 'borderline high' if v < 240 else 'high'
    if code == '2571-8': return 'normal' if v < 150 else 'borderline high' if v < 200 else 'high'
    if code == '33914-3': return 'G1' if v >= 90 else 'G2' if v >= 60 else 'G3a' if v >= 45 else 'G3b' if v >= 30 else 'G4' if v >= 15 else 'G5'
    return None
PHR = {'normal': ['within the normal range', 'normal'], 'prediabetic range': ['in the prediabetes range', 'consistent with prediabetes'], 'diabetic range': ['in the diabetic range', 'diagnostic-range for diabetes'],
       'underweight': ['underweight'], 'normal weight': ['normal weight', 'a healthy weight'], 'overweight': ['overweight'], 'obese': ['obese', 'in the obese range'],
       'optimal': ['optimal'], 'near optimal': ['near optimal'], 'borderline high': ['borderline high', 'borderline-high'], 'high': ['high', 'elevated'], 'very high': ['very high'],
       'desirable': ['desirable', 'in the desirable range'], 'G1': ['normal or high (KDIGO G1)', 'G1 range'], 'G2': ['mildly decreased (G2)'], 'G3a': ['mildly-moderately decreased (G3a)'],
       'G3b': ['moderately-severely decreased (G3b)'], 'G4': ['severely decreased (G4)'], 'G5': ['kidney failure range (G5)']}
def bpcat(s, d):
    if s >= 140 or d >= 90: return 'stage 2 hypertension'
    if s >= 130 or d >= 80: return 'stage 1 hypertension'
    if s >= 120: return 'elevated'
    return 'normal'
BPPHR = {'stage 2 hypertension': ['stage 2 hypertension range', 'hypertensive (stage 2)'], 'stage 1 hypertension': ['stage 1 hypertension range', 'stage 1 HTN'],
         'elevated': ['elevated (ACC/AHA)'], 'normal': ['normal', 'normotensive']}

def g_interp(p, label):
    nm, he = pr(p)
    if rng.random() < 0.35:
        o = pick_obs(p, ['55284-4'], need_v=False)
        if not o or 'comp' not in o or age_at(p, o['date']) < 18: return None
        (si, sv), (di, dv) = bp_of(o)
        if bpcat(sv, dv) != bpcat(round(sv), round(dv)) or min(abs(sv - x) for x in (120, 130, 140)) < 0.6 or min(abs(dv - x) for x in (80, 90)) < 0.6: return None
        truth = bpcat(sv, dv)
        c = truth if label == 'correct' else rng.choice([k for k in BPPHR if k != truth])
        ph = rng.choice(BPPHR[c]); ds = fdate(o['date']); s = f'{sv:.0f}/{dv:.0f}'
        t = rng.choice([f'Your blood pressure on {ds} was {s}, which is {ph}.' if 'range' not in ph and '(' not in ph else f'Your blood pressure on {ds} ({s}) was in the {ph.replace(" range", "")} range.' if 'range' in ph else f'BP {s} on {ds} is {ph}.', f'BP {s} on {ds} is {ph}.', f'{LM()}the {ds} BP of {s} mmHg falls in the {ph} category.' if 'range' in ph else f'{LM()}the {ds} BP of {s} mmHg is {ph}.', f'{ds}: {s}, {ph}.'])
        return t, [('observation', o['id'])], [dict(t='bp', ref=o['id'], lit=s), A_date(o['id'], ds), dict(t='interp', ref=o['id'], lit=c)], (f'BP {sv:.1f}/{dv:.1f} is {truth} by ACC/AHA 2017' if label == 'correct' else f'BP {sv:.1f}/{dv:.1f} is {truth} by ACC/AHA 2017, not {c}')
    o = pick_obs(p, ['4548-4', '39156-5', '18262-6', '2093-3', '2571-8', '33914-3'])
    if not o: return None
    truth = cat_of(o['code'], o['v'], p, o['date'])
    if truth is None or age_at(p, o['date']) < 18: return None
    dp = AN[o['code']][2]
    if not safe_round(o['v'], dp) or cat_of(o['code'], round(o['v'], dp), p, o['date']) != truth: return None
    cats = [k for k in PHR if cat_of(o['code'], 0, p, o['date']) is not None and k in {'4548-4': ['normal', 'prediabetic range', 'diabetic range'], '39156-5': ['underweight', 'normal weight', 'overweight', 'obese'],
            '18262-6': ['optimal', 'near optimal', 'borderline high', 'high', 'very high'], '2093-3': ['desirable', 'borderline high', 'high'], '2571-8': ['normal', 'borderline high', 'high'], '33914-3': ['G1', 'G2', 'G3a', 'G3b', 'G4', 'G5']}[o['code']]]
    c = truth if label == 'correct' else rng.choice([k for k in cats if k != truth and not (truth in ('very high', 'borderline high') and k == 'high')])
    ph = rng.choice(PHR[c]); an = aname(o['code']); val = fnum(o['v'], dp); ds = fdate(o['date']); u = unit_of(o['code'])
    t = rng.choice([f'Your {low1(an) or an} of {val} {u} on {ds} was {ph}.', f'{cap(an)} {val} {u} ({ds}) — {ph}.', f'{LM()}{an} of {val} {u} on {ds} is {ph}.', f'{ds} {an} {val}: {ph}.', f'{nm}\'s {an} was {val} {u} on {ds}, {ph}.'])
    std = {'4548-4': 'ADA', '39156-5': 'WHO BMI', '18262-6': 'NCEP ATP III', '2093-3': 'NCEP ATP III', '2571-8': 'NCEP ATP III', '33914-3': 'KDIGO'}[o['code']]
    return t, [('observation', o['id'])], [A_an(o['id'], an), A_num(o['id'], val, u), A_date(o['id'], ds), dict(t='interp', ref=o['id'], lit=c)], (f'{o["disp"]} {o["v"]:.2f} is {truth} by {std}' if label == 'correct' else f'{o["disp"]} {o["v"]:.2f} is {truth} by {std}, not {c}')

CATS = [('dates', g_dates), ('abbreviations', g_abbrev), ('drug-names', g_drug), ('units', g_units), ('rounding', g_round), ('trends', g_trend),
        ('two-facts', g_two), ('negation', g_neg), ('status', g_status), ('latest', g_latest), ('swapped', g_swap), ('wrong-citation', g_wcite), ('interpretation', g_interp)]

def run_all():
    order = PIDS + BIG * 4
    for cat, fn in CATS:
        for label in ('correct', 'wrong'):
            n = 0; tries = 0; k = rng.randrange(len(order))
            while n < 27 and tries < 3000:
                tries += 1; p = order[k % len(order)]; k += 1
                r = fn(p, label)
                if not r: continue
                t, cites, asserts, why = r
                if label == 'wrong' and cat == 'dates':
                    why = 'date stated in text does not match the record (' + why + ')'
                if add(cat, label, p, t, cites, why, asserts): n += 1
    with open(os.path.join(OUT, 'claims.jsonl'), 'w') as f:
        for c in CLAIMS: f.write(json.dumps(c, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'asserts.jsonl'), 'w') as f:
        for a in ASSERTS: f.write(json.dumps(a, ensure_ascii=False) + '\n')
    print(len(CLAIMS))
