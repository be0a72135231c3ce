from fw import *
CAT = 'wrong-citation'
VC = ['718-7', '4544-3', '2093-3', '18262-6', '2085-9', '2571-8', '4548-4', '2339-0', '38483-4', '6299-2', '2947-0', '6298-4', '777-3', '6690-2', '29463-7', '39156-5', '8302-2', '33914-3', '8331-1']

def _o(P, rnd, codes=VC):
    L = [o for c in codes for o in series(P, c) if o['v'] is not None]
    if not L: raise Skip()
    return rnd.choice(L)

def _text_lab(P, o, rnd, name):
    c = o['code']; v = num(o); u = vocab.VF[c][1][0]
    t = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'iso', 'dmy', 'mdy_full']))
    nm = rnd.choice([label(c), abbr(c)])
    i, s = pv(name, [f"{whose(P, rnd)} {nm} was {v} {u} on {t[0]}.", f"{nm} {v} {u} ({t[0]})", f"{t[0]}: {nm} {v} {u}", f"On {t[0]} the {nm} measured {v} {u}."], rnd)
    return tidy(s), [chk_val(ro(o), v), chk_date(ro(o), 'day', o['date']), ["code", ro(o), c]], v, t

def wc_otherdate(P, rnd, wrong):
    o = _o(P, rnd); fact(CAT, o['id'])
    L = [x for x in series(P, o['code']) if x['id'] != o['id'] and num(x) != num(o)]
    if not L: raise Skip()
    s, checks, v, t = _text_lab(P, o, rnd, 'wc_otherdate')
    if not wrong: return s, [co(o)], checks, f"{label(o['code'])} {o['v']:.3f} on {o['date']} is the cited record"
    x = rnd.choice(L)
    checks = [[k[0], ro(x)] + k[2:] for k in checks]
    return s, [co(x)], checks, f"the fact is true ({label(o['code'])} {o['v']:.2f} on {o['date']}, record {o['id'][:8]}) but the cited record is the {x['date']} result ({x['v']:.2f})"

def wc_otheranalyte(P, rnd, wrong):
    o = _o(P, rnd); fact(CAT, o['id'], 'oa')
    L = [x for x in P.obs if x['date'] == o['date'] and x['code'] != o['code'] and x['v'] is not None and x['code'] in VC]
    if not L: raise Skip()
    s, checks, v, t = _text_lab(P, o, rnd, 'wc_otheranalyte')
    if not wrong: return s, [co(o)], checks, f"{label(o['code'])} {o['v']:.3f} {o['unit']} on {o['date']}"
    x = rnd.choice(L)
    checks = [[k[0], ro(x)] + k[2:] for k in checks]
    return s, [co(x)], checks, f"true fact ({label(o['code'])} {o['v']:.2f}) but the cited observation is {label(x['code'])} ({x['v']:.2f}) from the same day"

def wc_component(P, rnd, wrong):
    L = series(P, '55284-4')
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    si, sv, di, dv = bp(o)
    which = rnd.choice(['s', 'd'])
    t = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'mdy', 'iso']))
    if which == 's':
        V = fnum(sv, 0); i, s = pv('wc_component_s', [f"Systolic BP {V} mmHg on {t[0]}.", f"SBP {V} ({t[0]})", f"{whose(P, rnd)} systolic pressure was {V} on {t[0]}."], rnd)
        right, wr = si, di
    else:
        V = fnum(dv, 0); i, s = pv('wc_component_d', [f"Diastolic BP {V} mmHg on {t[0]}.", f"DBP {V} ({t[0]})", f"{whose(P, rnd)} diastolic pressure was {V} on {t[0]}."], rnd)
        right, wr = di, si
    k = wr if wrong else right
    checks = [chk_val(ro(o, k), V), ["code", ro(o, k), '8480-6' if which == 's' else '8462-4'], chk_date(ro(o), 'day', o['date'])]
    why = f"component #{right} of the {o['date']} BP panel = {V}" if not wrong else f"value is true but cited component #{wr} is the {'diastolic' if which == 's' else 'systolic'} reading; the {'systolic' if which == 's' else 'diastolic'} is #{right}"
    return tidy(s), [co(o, k)], checks, why

def wc_medcond(P, rnd, wrong):
    pairs = [(m, c) for m in P.meds for c in P.conds if c['date'] == m['date']]
    if not pairs: raise Skip()
    m, c = rnd.choice(pairs); fact(CAT, m['id']); M = vocab.MED[m['name']]
    nm = rnd.choice([M['gen']] + M['brands']); full = (nm + ' ' + M['strength']).strip() if M['strength'] else nm
    t = fdate(m['date'], pick_style(m['date'], rnd, ['us', 'mdy', 'iso', 'my_full']))
    i, s = pv('wc_medcond', [f"{full[0].upper() + full[1:]} was prescribed {t[0]}.", f"Rx {full} ({t[0]}).", f"{who(P, rnd)} was started on {full} {on_(t[1])} {t[0]}."], rnd)
    R = ref('condition', c['id']) if wrong else ref('medication', m['id'])
    checks = [["name", R, M['rx']], chk_date(R, t[1], t[2])]
    if full != nm: checks.append(["name", R, __import__('cat_drugs').SRX.get(M['strength']) or __import__('cat_drugs').numrx(M['strength'])])
    cites = [cite('condition', c['id'])] if wrong else [cite('medication', m['id'])]
    why = f"MedicationRequest '{m['name']}' authored {m['date']}" if not wrong else f"true fact, but the cited record is the Condition '{c['name']}' (same date), which says nothing about {nm}; the MedicationRequest is {m['id'][:8]}"
    return tidy(s), cites, checks, why

def wc_condother(P, rnd, wrong):
    L = [c for c in P.conds if sum(1 for x in P.conds if x['name'] == c['name']) == 1]
    if len(P.conds) < 2 or not L: raise Skip()
    c = rnd.choice(L); fact(CAT, c['id']); cn = cname(c, rnd)
    t = fdate(c['date'], pick_style(c['date'], rnd, ['us', 'mdy', 'iso', 'y', 'my']))
    i, s = pv('wc_condother', [f"{who(P, rnd)} was diagnosed with {cn} {on_(t[1])} {t[0]}.", f"Dx {strip_article(cn)} — {t[0]}.", f"{strip_article(cn)[0].upper() + strip_article(cn)[1:]} first noted {t[0]}."], rnd)
    x = rnd.choice([y for y in P.conds if y['id'] != c['id'] and y['name'] != c['name']] or [None])
    if wrong and x is None: raise Skip()
    R = ref('condition', (x if wrong else c)['id'])
    checks = [["name", R, vocab.cond_rx(c['name'])], chk_date(R, t[1], t[2])]
    why = f"Condition '{c['name']}' onset {c['date']}" if not wrong else f"true fact (onset {c['date']}), but the cited Condition is '{x['name']}' ({x['date']})"
    return tidy(s), [cite('condition', R.split(':', 1)[1])], checks, why

def wc_vax(P, rnd, wrong):
    from collections import defaultdict
    byd = defaultdict(list)
    for x in P.imms: byd[x['date']].append(x)
    L = [xs for xs in byd.values() if len({x['code'] for x in xs}) >= 2]
    if not L: raise Skip()
    xs = rnd.choice(L); a = rnd.choice(xs); fact(CAT, a['id'])
    b = rnd.choice([x for x in xs if x['code'] != a['code']])
    nm = strip_article(rnd.choice(vocab.VAX[a['name']]))
    t = fdate(a['date'], pick_style(a['date'], rnd, ['us', 'mdy', 'iso', 'dmy']))
    i, s = pv('wc_vax', [f"{nm[0].upper() + nm[1:]} given {t[0]}.", f"{who(P, rnd)} received {nm} on {t[0]}.", f"Imm: {nm}, {t[0]}"], rnd)
    R = ref('immunization', (b if wrong else a)['id'])
    checks = [["name", R, '^' + re.escape(a['name'])], chk_date(R, 'day', a['date'])]
    why = f"Immunization '{a['name']}' {a['date']}" if not wrong else f"true fact, but cited Immunization is '{b['name']}' given the same day"
    return tidy(s), [cite('immunization', R.split(':', 1)[1])], checks, why

def wc_enc(P, rnd, wrong):
    """lab/vital value citing the encounter (visit) rather than the observation"""
    o = _o(P, rnd, ['29463-7', '718-7', '2093-3', '18262-6', '4548-4', '39156-5']); fact(CAT, o['id'], 'enc')
    E = [e for e in P.encs if e['date'] == o['date']]
    if not E: raise Skip()
    s, checks, v, t = _text_lab(P, o, rnd, 'wc_enc')
    if not wrong: return s, [co(o)], checks, f"{label(o['code'])} {o['v']:.3f} on {o['date']}"
    e = E[0]
    checks = [[k[0], ref('encounter', e['id'])] + k[2:] for k in checks]
    return s, [cite('encounter', e['id'])], checks, f"true fact, but the cited record is the Encounter of {e['date']} ('{e['name']}'), which holds no {label(o['code'])} value"

def wc_wtbmi(P, rnd, wrong):
    L = [(w, b) for w in series(P, '29463-7') for b in series(P, '39156-5') if b['date'] == w['date']]
    if not L: raise Skip()
    w, b = rnd.choice(L); fact(CAT, w['id'], 'wb')
    o, x = (w, b) if rnd.random() < 0.5 else (b, w)
    s, checks, v, t = _text_lab(P, o, rnd, 'wc_wtbmi')
    if not wrong: return s, [co(o)], checks, f"{label(o['code'])} {o['v']:.3f} on {o['date']}"
    checks = [[k[0], ro(x)] + k[2:] for k in checks]
    return s, [co(x)], checks, f"true fact ({label(o['code'])} {o['v']:.2f}), but the cited observation is the same-day {label(x['code'])} ({x['v']:.2f})"

PATTERNS = [wc_otherdate, wc_otheranalyte, wc_component, wc_medcond, wc_condother, wc_vax, wc_enc, wc_wtbmi]
