from fw import *
CAT = 'latest'
LC = ['4548-4', '2093-3', '18262-6', '2085-9', '2571-8', '718-7', '33914-3', '38483-4', '2339-0', '777-3', '6690-2', '2947-0', '6298-4', '8331-1', '2857-1', '4544-3']

def _two_last(P, code):
    L = obs_of(P, code)
    if len(L) < 2: raise Skip()
    last = L[-1]
    if sum(1 for o in L if o['date'] == last['date']) > 1: raise Skip()
    prev = [o for o in L if o['date'] < last['date']]
    pc = [o for o in prev if o['date'] == prev[-1]['date']]
    if len(pc) > 1: raise Skip()
    return last, prev[-1]

def _lw(rnd):
    return rnd.choice(['most recent', 'latest', 'last', 'last recorded', 'newest'])

def lat_lab(P, rnd, wrong):
    codes = [c for c in LC if len(obs_of(P, c)) >= 2]
    if P.key == 'Thanh_Considine': codes = [c for c in codes if c != '33914-3']
    if not codes: raise Skip()
    c = rnd.choice(codes); last, prev = _two_last(P, c); fact(CAT, last['id'])
    mode = rnd.choice(['older', 'value']) if wrong else None
    o = prev if mode == 'older' else last
    v = num(prev) if mode == 'value' else num(o)
    if mode == 'value' and abs(prev['v'] - last['v']) < 0.05 * abs(last['v']): raise Skip()
    t = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'iso', 'my', 'dmy', 'mdy_full']))
    lw = _lw(rnd); nm = rnd.choice([label(c), abbr(c)]); u = vocab.VF[c][1][0]
    i, s = pv('lat_lab', [f"{whose(P, rnd)} {lw} {nm} was {v} {u} ({t[0]}).", f"{lw.capitalize()} {nm}: {v} {u}, {t[0]}", f"The {lw} {nm} on file, from {t[0]}, is {v} {u}.", f"{nm} {v} {u} {on_(t[1])} {t[0]} — the {lw} value in the chart.",
                          f"Most recently ({t[0]}), {nm} was {v} {u}."], rnd)
    checks = [["latest", ro(o)], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = {None: f"{label(c)} {last['v']:.2f} on {last['date']} is the last of {len(obs_of(P, c))} {label(c)} results",
           'older': f"{o['date']} ({o['v']:.2f}) is not the latest; a later {label(c)} on {last['date']} ({last['v']:.2f}) exists",
           'value': f"the latest {label(c)} ({last['date']}) is {last['v']:.2f}; {v} was the previous value ({prev['date']})"}[mode]
    return tidy(s), [co(o)], checks, why

def lat_bp(P, rnd, wrong):
    last, prev = _two_last(P, '55284-4'); fact(CAT, last['id'])
    o = prev if wrong else last
    si, sv, di, dv = bp(o); S, Dd = fnum(sv, 0), fnum(dv, 0)
    if wrong and (S, Dd) == (fnum(bp(last)[1], 0), fnum(bp(last)[3], 0)): raise Skip()
    t = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'iso', 'dmy', 'us_nz']))
    lw = _lw(rnd)
    i, s = pv('lat_bp', [f"{lw.capitalize()} BP {S}/{Dd} ({t[0]}).", f"{whose(P, rnd)} {lw} blood pressure reading was {S}/{Dd} mmHg on {t[0]}.", f"BP at the {lw} check ({t[0]}): {S}/{Dd}.",
                         f"Most recent vitals show BP {S}/{Dd} mm Hg ({t[0]})."], rnd)
    checks = [["latest", ro(o)], chk_val(ro(o, si), S), chk_val(ro(o, di), Dd), chk_date(ro(o), 'day', o['date'])]
    why = f"BP {sv:.0f}/{dv:.0f} on {o['date']} is the last BP panel" if not wrong else f"{o['date']} is not the latest BP; a later panel on {last['date']} ({bp(last)[1]:.0f}/{bp(last)[3]:.0f}) exists"
    return tidy(s), [co(o)], checks, why

def lat_vital(P, rnd, wrong):
    c = rnd.choice(['29463-7', '39156-5', '8302-2'])
    last, prev = _two_last(P, c); fact(CAT, last['id'])
    o = prev if wrong else last
    v = num(o)
    if wrong and v == num(last): raise Skip()
    t = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'iso', 'my']))
    u = {'29463-7': 'kg', '39156-5': 'kg/m²', '8302-2': 'cm'}[c]; nm = label(c)
    i, s = pv('lat_vital', [f"{lw.capitalize()} {nm}: {v} {u} ({t[0]})" if (lw := _lw(rnd)) else '', f"{whose(P, rnd)} current {nm} is {v} {u}, measured {t[0]}.", f"{nm[0].upper() + nm[1:]} at the most recent visit ({t[0]}) was {v} {u}.",
                            f"As of the last measurement ({t[0]}), {nm} {v} {u}."], rnd)
    checks = [["latest", ro(o)], chk_val(ro(o), v), chk_date(ro(o), t[1], t[2])]
    why = f"{nm} {o['v']:.2f} on {o['date']} is the latest of its kind" if not wrong else f"{o['date']} value is not the latest; later {nm} {last['v']:.2f} on {last['date']}"
    return tidy(s), [co(o)], checks, why

def lat_visit(P, rnd, wrong):
    if P.deceased: raise Skip()
    E = sorted(P.encs, key=lambda e: e['date'])
    if len(E) < 2 or E[-1]['date'] == E[-2]['date']: raise Skip()
    fact(CAT, P.id, 'visit')
    e = E[-2] if wrong else E[-1]
    if wrong and E[-3]['date'] == e['date'] if len(E) > 2 else False: raise Skip()
    t = fdate(e['date'], pick_style(e['date'], rnd, ['us', 'mdy', 'mdy_full', 'iso', 'dmy']))
    i, s = pv('lat_visit', [f"Last seen {t[0]}.", f"{whose(P, rnd)} most recent encounter was on {t[0]}.", f"The last visit on record is dated {t[0]}.", f"Most recent contact with the practice: {t[0]}."], rnd)
    checks = [["latest", ref('encounter', e['id']), 'any'], chk_date(ref('encounter', e['id']), 'day', e['date'])]
    why = f"Encounter {e['date']} ('{e['name']}') is the last encounter" if not wrong else f"a later encounter exists on {E[-1]['date']} ('{E[-1]['name']}')"
    return tidy(s), [cite('encounter', e['id'])], checks, why

def lat_vax(P, rnd, wrong):
    from collections import defaultdict
    by = defaultdict(list)
    for x in P.imms: by[x['code']].append(x)
    cands = [sorted(v, key=lambda x: x['date']) for v in by.values() if len(v) >= 2]
    cands = [v for v in cands if v[-1]['date'] != v[-2]['date']]
    if not cands: raise Skip()
    L = rnd.choice(cands); fact(CAT, L[-1]['id'])
    x = L[-2] if wrong else L[-1]
    nm = rnd.choice(vocab.VAX[x['name']]); nm2 = strip_article(nm)
    t = fdate(x['date'], pick_style(x['date'], rnd, ['us', 'mdy', 'iso', 'my_full', 'dmy']))
    i, s = pv('lat_vax', [f"Last {nm2} given {t[0]}.", f"{whose(P, rnd)} most recent {nm2} was on {t[0]}." if t[1] == 'day' else f"{whose(P, rnd)} most recent {nm2} was in {t[0]}.",
                          f"Most recent dose of {nm2}: {t[0]}.", f"{nm2[0].upper() + nm2[1:]} — latest dose {t[0]}"], rnd)
    R = ref('immunization', x['id'])
    checks = [["latest", R], ["name", R, '^' + re.escape(x['name'])], chk_date(R, t[1], t[2])]
    why = f"Immunization '{x['name']}' {x['date']} is the last of {len(L)} doses" if not wrong else f"a later dose of '{x['name']}' was given {L[-1]['date']}"
    return tidy(s), [cite('immunization', x['id'])], checks, why

def lat_report(P, rnd, wrong):
    from collections import defaultdict
    by = defaultdict(list)
    for r in P.reps:
        if r['name'] in vocab.REP: by[r['name']].append(r)
    cands = [sorted(v, key=lambda x: x['date']) for v in by.values() if len(v) >= 2]
    cands = [v for v in cands if v[-1]['date'] != v[-2]['date']]
    if not cands: raise Skip()
    L = rnd.choice(cands); fact(CAT, L[-1]['id'])
    r = L[-2] if wrong else L[-1]
    nm = rnd.choice(vocab.REP[r['name']])
    t = fdate(r['date'], pick_style(r['date'], rnd, ['us', 'mdy', 'iso', 'my']))
    i, s = pv('lat_report', [f"Last {nm} was drawn {t[0]}.", f"Most recent {nm}: {t[0]}.", f"{whose(P, rnd)} latest {nm} dates from {t[0]}."], rnd)
    R = ref('diagnostic-report', r['id'])
    checks = [["latest", R, 'name'], chk_date(R, t[1], t[2])]
    why = f"DiagnosticReport '{r['name']}' {r['date']} is the last of {len(L)}" if not wrong else f"a later '{r['name']}' exists ({L[-1]['date']})"
    return tidy(s), [cite('diagnostic-report', r['id'])], checks, why

def lat_rx(P, rnd, wrong):
    M = sorted(P.meds, key=lambda m: m['date'])
    if len(M) < 2 or M[-1]['date'] == M[-2]['date']: raise Skip()
    if len(M) > 2 and M[-2]['date'] == M[-3]['date'] and wrong: raise Skip()
    fact(CAT, P.id, 'rx')
    m = M[-2] if wrong else M[-1]
    if vocab.MED[m['name']]['gen'] == vocab.MED[M[-1]['name']]['gen'] and wrong: raise Skip()
    mm = vocab.MED[m['name']]; nm = rnd.choice([mm['gen']] + mm['brands'])
    t = fdate(m['date'], pick_style(m['date'], rnd, ['us', 'mdy', 'iso', 'my']))
    i, s = pv('lat_rx', [f"Most recent prescription: {nm} ({t[0]}).", f"The last medication ordered was {nm}, on {t[0]}." if t[1] == 'day' else f"The last medication ordered was {nm}, in {t[0]}.", f"{whose(P, rnd)} newest Rx is {nm} ({t[0]})."], rnd)
    R = ref('medication', m['id'])
    checks = [["latest", R, 'any'], ["name", R, mm['rx']], chk_date(R, t[1], t[2])]
    why = f"MedicationRequest '{m['name']}' authored {m['date']} is the latest order" if not wrong else f"a later order exists: '{M[-1]['name']}' on {M[-1]['date']}"
    return tidy(s), [cite('medication', m['id'])], checks, why

def lat_dx(P, rnd, wrong):
    C = sorted(P.conds, key=lambda c: c['date'])
    if len(C) < 2 or C[-1]['date'] == C[-2]['date']: raise Skip()
    if wrong and len(C) > 2 and C[-2]['date'] == C[-3]['date']: raise Skip()
    fact(CAT, P.id, 'dx')
    c = C[-2] if wrong else C[-1]
    if wrong and c['name'] == C[-1]['name']: raise Skip()
    cn = strip_article(cname(c, rnd))
    t = fdate(c['date'], pick_style(c['date'], rnd, ['us', 'mdy', 'iso', 'my']))
    i, s = pv('lat_dx', [f"Newest diagnosis on the problem list: {cn} ({t[0]}).", f"The most recent new problem was {cn}, onset {t[0]}.", f"Latest diagnosis: {cn}, {t[0]}."], rnd)
    R = ref('condition', c['id'])
    checks = [["latest", R, 'any'], ["name", R, vocab.cond_rx(c['name'])], chk_date(R, t[1], t[2])]
    why = f"Condition '{c['name']}' onset {c['date']} is the latest onset in the chart" if not wrong else f"a later condition exists: '{C[-1]['name']}' onset {C[-1]['date']}"
    return tidy(s), [cite('condition', c['id'])], checks, why

def lat_smoke(P, rnd, wrong):
    last, prev = _two_last(P, '72166-2'); fact(CAT, last['id'])
    o = prev if wrong else last
    t = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'iso']))
    i, s = pv('lat_smoke', [f"Smoking status at the last visit ({t[0]}): {o['vstr'].lower()}.", f"Most recent tobacco screen, {t[0]}: {o['vstr'].lower()}.", f"Latest documented smoking status — {o['vstr'].lower()} ({t[0]})."], rnd)
    checks = [["latest", ro(o)], ["name", ro(o), '^' + re.escape(o['vstr']) + '$'], chk_date(ro(o), 'day', o['date'])]
    why = f"smoking-status obs {o['date']} '{o['vstr']}' is the latest" if not wrong else f"the status is the same but {o['date']} is not the latest screen; a later one is dated {last['date']}"
    return tidy(s), [co(o)], checks, why

PATTERNS = [lat_lab, lat_bp, lat_vital, lat_visit, lat_vax, lat_report, lat_rx, lat_dx, lat_smoke]
