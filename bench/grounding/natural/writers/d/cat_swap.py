from fw import *
CAT = 'swapped'
PAIRS = [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('785-6', '786-4'), ('6690-2', '789-8'), ('2093-3', '18262-6'), ('6299-2', '49765-1'), ('1742-6', '1920-8'), ('787-2', '21000-5')]

def sw_bp(P, rnd, wrong):
    L = [o for o in series(P, '55284-4')]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    si, sv, di, dv = bp(o); S, Dd = fnum(sv, 0), fnum(dv, 0)
    a, b = (Dd, S) if wrong else (S, Dd)
    t = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'iso', 'dmy', 'my']))
    i, s = pv('sw_bp', [f"BP {a}/{b} ({t[0]})", f"{whose(P, rnd)} blood pressure was {a}/{b} mmHg {on_(t[1])} {t[0]}.", f"{on_(t[1]).capitalize()} {t[0]}: BP {a}/{b} mm Hg.", f"Blood pressure {a} over {b}, recorded {t[0]}.",
                        f"Systolic/diastolic {a}/{b} at the {t[0]} check." if t[1] == 'day' else f"Systolic/diastolic {a}/{b} in {t[0]}."], rnd)
    cites = [co(o)] if rnd.random() < 0.5 else [co(o, si), co(o, di)]
    checks = [chk_val(ro(o, si), a), chk_val(ro(o, di), b), chk_date(ro(o), t[1], t[2])]
    why = f"systolic {sv:.1f} (component #{si}), diastolic {dv:.1f} (component #{di}), {o['date']}" if not wrong else f"systolic and diastolic swapped: SBP {sv:.1f}, DBP {dv:.1f}"
    return tidy(s), cites, checks, why

def sw_labs(P, rnd, wrong):
    opts = []
    for a, b in PAIRS:
        for o in series(P, a):
            q = [x for x in series(P, b) if x['date'] == o['date']]
            if q: opts.append((o, q[0]))
    if not opts: raise Skip()
    o1, o2 = rnd.choice(opts); fact(CAT, o1['id'], o2['id'])
    v1, v2 = num(o1), num(o2)
    if v1 == v2: raise Skip()
    if wrong: v1, v2 = fnum(o2['v'], dec_of(o1['code'])), fnum(o1['v'], dec_of(o2['code']))
    a1, a2 = abbr(o1['code']), abbr(o2['code'])
    t = fdate(o1['date'], pick_style(o1['date'], rnd, ['us', 'mdy', 'iso', 'my', 'dmy']))
    i, s = pv('sw_labs', [f"{a1} {v1}, {a2} {v2} ({t[0]})", f"{whose(P, rnd)} {label(o1['code'])} was {v1} and {label(o2['code'])} {v2} {on_(t[1])} {t[0]}.", f"{t[0]} labs: {a1} {v1} / {a2} {v2}.",
                          f"{on_(t[1]).capitalize()} {t[0]} the {label(o1['code'])} came back at {v1}, with {label(o2['code'])} at {v2}."], rnd)
    checks = [chk_val(ro(o1), v1), chk_val(ro(o2), v2), chk_date(ro(o1), t[1], t[2]), chk_date(ro(o2), t[1], t[2])]
    why = f"{label(o1['code'])} {o1['v']:.2f}, {label(o2['code'])} {o2['v']:.2f} ({o1['date']})" if not wrong else f"values swapped: {label(o1['code'])} was {o1['v']:.2f} and {label(o2['code'])} {o2['v']:.2f}"
    return tidy(s), [co(o1), co(o2)], checks, why

def sw_years(P, rnd, wrong):
    codes = [c for c in ['29463-7', '39156-5', '2093-3', '18262-6', '2085-9', '4548-4', '718-7', '2571-8'] if len(series(P, c)) >= 2]
    if not codes: raise Skip()
    c = rnd.choice(codes); L = series(P, c)
    a, b = sorted(rnd.sample(range(len(L)), 2)); o1, o2 = L[a], L[b]
    if o1['date'][:4] == o2['date'][:4] or num(o1) == num(o2): raise Skip()
    if sum(1 for x in L if x['date'][:4] == o1['date'][:4]) > 1 or sum(1 for x in L if x['date'][:4] == o2['date'][:4]) > 1: raise Skip()
    fact(CAT, o1['id'], o2['id'])
    y1, y2 = o1['date'][:4], o2['date'][:4]
    if wrong: y1, y2 = y2, y1
    v1, v2 = num(o1), num(o2); nm = rnd.choice([label(c), abbr(c)]); u = vocab.VF[c][1][0]
    i, s = pv('sw_years', [f"{nm} was {v1} {u} in {y1} and {v2} {u} in {y2}.", f"{nm}: {v1} ({y1}), {v2} ({y2})", f"{whose(P, rnd)} {nm} measured {v1} {u} in {y1} versus {v2} {u} in {y2}.",
                           f"In {y1} the {nm} was {v1}; by {y2} it was {v2}." if y1 < y2 else f"In {y2} the {nm} was {v2}; in {y1}, {v1}."], rnd)
    checks = [chk_val(ro(o1), v1), chk_val(ro(o2), v2), chk_date(ro(o1), 'year', y1), chk_date(ro(o2), 'year', y2)]
    why = f"{label(c)} {o1['v']:.2f} in {o1['date'][:4]}, {o2['v']:.2f} in {o2['date'][:4]}" if not wrong else f"years swapped: {fnum(o1['v'], dec_of(c))} was in {o1['date'][:4]} and {fnum(o2['v'], dec_of(c))} in {o2['date'][:4]}"
    return tidy(s), [co(o1), co(o2)], checks, why

def sw_meds(P, rnd, wrong):
    import cat_drugs
    L = [m for m in P.meds if vocab.MED[m['name']]['strength'] and 'mcg' not in vocab.MED[m['name']]['strength'] and '/' not in vocab.MED[m['name']]['strength'] and m['name'] != 'Hydrochlorothiazide 25 MG' or m['name'] == 'Hydrochlorothiazide 25 MG']
    L = [m for m in L if vocab.MED[m['name']]['strength'] and '/' not in vocab.MED[m['name']]['strength'].split(' ')[0]]
    if len(L) < 2: raise Skip()
    a, b = rnd.sample(L, 2)
    Ma, Mb = vocab.MED[a['name']], vocab.MED[b['name']]
    if Ma['strength'] == Mb['strength'] or Ma['gen'] == Mb['gen'] or Ma['strength'].split(' ')[1:] != Mb['strength'].split(' ')[1:]: raise Skip()
    fact(CAT, *sorted([a['id'], b['id']]))
    sa, sb = (Mb['strength'], Ma['strength']) if wrong else (Ma['strength'], Mb['strength'])
    na, nb = rnd.choice([Ma['gen']] + Ma['brands']), rnd.choice([Mb['gen']] + Mb['brands'])
    i, s = pv('sw_meds', [f"Meds include {na} {sa} and {nb} {sb}.", f"{na} {sa}; {nb} {sb}", f"{whose(P, rnd)} prescriptions: {na} {sa} and {nb} {sb}.", f"Rx list — {na} {sa}, {nb} {sb}."], rnd)
    Ra, Rb = ref('medication', a['id']), ref('medication', b['id'])
    checks = [["name", Ra, Ma['rx']], ["name", Ra, cat_drugs.numrx(sa)], ["name", Rb, Mb['rx']], ["name", Rb, cat_drugs.numrx(sb)]]
    why = f"'{a['name']}' and '{b['name']}'" if not wrong else f"strengths swapped: {Ma['gen']} is {Ma['strength']}, {Mb['gen']} is {Mb['strength']}"
    return tidy(s), [cite('medication', a['id']), cite('medication', b['id'])], checks, why

def sw_onsets(P, rnd, wrong):
    L = [c for c in P.conds if sum(1 for x in P.conds if x['name'] == c['name']) == 1]
    if len(L) < 2: raise Skip()
    a, b = rnd.sample(L, 2)
    if a['date'][:4] == b['date'][:4]: raise Skip()
    fact(CAT, *sorted([a['id'], b['id']]))
    ya, yb = (b['date'][:4], a['date'][:4]) if wrong else (a['date'][:4], b['date'][:4])
    na, nb = strip_article(cname(a, rnd)), strip_article(cname(b, rnd))
    i, s = pv('sw_onsets', [f"{na[0].upper() + na[1:]} dx {ya}; {nb} dx {yb}.", f"{who(P, rnd)} was diagnosed with {na} in {ya} and with {nb} in {yb}.", f"Problem list: {na} ({ya}), {nb} ({yb}).",
                            f"Onset years — {na}: {ya}; {nb}: {yb}."], rnd)
    Ra, Rb = ref('condition', a['id']), ref('condition', b['id'])
    checks = [["name", Ra, vocab.cond_rx(a['name'])], chk_date(Ra, 'year', ya), ["name", Rb, vocab.cond_rx(b['name'])], chk_date(Rb, 'year', yb)]
    why = f"'{a['name']}' onset {a['date']}; '{b['name']}' onset {b['date']}" if not wrong else f"onset years swapped: '{a['name']}' {a['date'][:4]}, '{b['name']}' {b['date'][:4]}"
    return tidy(s), [cite('condition', a['id']), cite('condition', b['id'])], checks, why

def sw_vax(P, rnd, wrong):
    from collections import defaultdict
    by = defaultdict(list)
    for x in P.imms: by[x['code']].append(x)
    singles = [v[0] for v in by.values() if len(v) == 1]
    if len(singles) < 2: raise Skip()
    a, b = rnd.sample(singles, 2)
    if a['date'] == b['date']: raise Skip()
    fact(CAT, *sorted([a['id'], b['id']]))
    da, db = (b['date'], a['date']) if wrong else (a['date'], b['date'])
    st = rnd.choice(['us', 'mdy', 'iso', 'dmy'])
    na, nb = strip_article(rnd.choice(vocab.VAX[a['name']])), strip_article(rnd.choice(vocab.VAX[b['name']]))
    i, s = pv('sw_vax', [f"{na} {fdate(da, st)[0]}; {nb} {fdate(db, st)[0]}.", f"{who(P, rnd)} got {na} on {fdate(da, st)[0]} and {nb} on {fdate(db, st)[0]}.", f"Immunizations: {na} ({fdate(da, st)[0]}), {nb} ({fdate(db, st)[0]})."], rnd)
    Ra, Rb = ref('immunization', a['id']), ref('immunization', b['id'])
    checks = [["name", Ra, '^' + re.escape(a['name'])], chk_date(Ra, 'day', da), ["name", Rb, '^' + re.escape(b['name'])], chk_date(Rb, 'day', db)]
    why = f"'{a['name']}' {a['date']}; '{b['name']}' {b['date']}" if not wrong else f"dates swapped: '{a['name']}' was {a['date']}, '{b['name']}' {b['date']}"
    return tidy(s), [cite('immunization', a['id']), cite('immunization', b['id'])], checks, why

PATTERNS = [sw_bp, sw_labs, sw_years, sw_meds, sw_onsets, sw_vax]
