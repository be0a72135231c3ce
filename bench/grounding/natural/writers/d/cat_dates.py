from fw import *

CAT = 'dates'

def _lab_obs(P, rnd, codes=None):
    codes = codes or vocab.LABCODES
    L = [o for c in codes for o in series(P, c) if o['v'] is not None]
    if not L: raise Skip()
    o = rnd.choice(L)
    fact(CAT, o['id'])
    return o

def _wrongnote(k, t, d):
    return {'day': 'off by one day', 'month': 'off by one month', 'year': 'off by one year', 'dm': 'day and month confused'}[k] + f": claim says {t}, record date is {d}"

def d_lab(P, rnd, wrong):
    o = _lab_obs(P, rnd)
    c = o['code']; v = num(o); u = unit_of(c, rnd)
    t, g, val, dd, st, k = dtext(o['date'], rnd, wrong=wrong)
    if wrong and collides(P, 'obs', o, g, val, 'date'): raise Skip()
    i, s = pv('d_lab', [
        f"{whose(P, rnd)} {label(c)} was {v} {u} {on_(g)} {t}.",
        f"{abbr(c)} {v} {u} ({t})",
        f"{on_(g).capitalize()} {t}, {P.his} {label(c)} measured {v} {u}.",
        f"A {label(c)} of {v} {u} was recorded {'in' if g in ('month','year') else 'on'} {t}.",
        f"Labs {t}: {abbr(c)} {v}.",
        f"{label(c)[0].upper() + label(c)[1:]} resulted at {v} {u}, drawn {t}.",
        f"{t} — {abbr(c)} {v} {u}",
    ], rnd)
    s = s.replace(' )', ')').replace('  ', ' ').strip()
    if s[0].islower(): s = s[0].upper() + s[1:]
    checks = [chk_val(ro(o), v), chk_date(ro(o), g, val)]
    why = (f"Observation {label(c)} value {o['v']:.3f} {o['unit']}, effectiveDateTime {o['date']}" if not wrong else f"value is right ({o['v']:.3f}) but date is {_wrongnote(k, t, o['date'])}")
    s = tidy(s)
    return s, [co(o)], checks, why

def d_bp(P, rnd, wrong):
    L = series(P, '55284-4')
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    si, sv, di, dv = bp(o)
    S, Dd = fnum(sv, 0), fnum(dv, 0)
    u = rnd.choice(['mmHg', 'mm Hg', 'mm[Hg]', ''])
    t, g, val, dd, st, k = dtext(o['date'], rnd, wrong=wrong)
    if wrong and collides(P, 'obs', o, g, val, 'date'): raise Skip()
    i, s = pv('d_bp', [
        f"BP {S}/{Dd} {u} {on_(g)} {t}.",
        f"{whose(P, rnd)} blood pressure on {t} was {S}/{Dd} {u}.",
        f"{t}: BP {S}/{Dd}",
        f"Blood pressure measured {S}/{Dd} {u} at the visit of {t}." if g == "day" else f"Blood pressure measured {S}/{Dd} {u} in {t}.",
        f"{on_(g).capitalize()} {t} {P.his} BP read {S}/{Dd} {u}.",
    ], rnd)
    s = re.sub(r'\s+', ' ', s).replace(' .', '.').strip()
    cites = [co(o)] if rnd.random() < 0.6 else [co(o, si), co(o, di)]
    checks = [chk_val(ro(o, si), S), chk_val(ro(o, di), Dd), chk_date(ro(o), g, val)]
    why = f"BP panel {o['date']}: systolic {sv:.1f}, diastolic {dv:.1f}" if not wrong else f"values right ({sv:.0f}/{dv:.0f}) but date is {_wrongnote(k, t, o['date'])}"
    s = tidy(s)
    return s, cites, checks, why

def d_vital(P, rnd, wrong):
    code = rnd.choice(['29463-7', '8302-2', '39156-5'])
    L = series(P, code)
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    v = num(o); t, g, val, dd, st, k = dtext(o['date'], rnd, wrong=wrong)
    if wrong and collides(P, 'obs', o, g, val, 'date'): raise Skip()
    unit = {'29463-7': 'kg', '8302-2': 'cm', '39156-5': rnd.choice(['kg/m2', 'kg/m²', ''])}[code]
    verb = {'29463-7': 'weighed', '8302-2': 'measured', '39156-5': 'had a BMI of'}[code]
    i, s = pv('d_vital', [
        f"{who(P, rnd)} {verb} {v} {unit} {on_(g)} {t}." if code != '8302-2' else f"{whose(P, rnd)} height was {v} {unit} {on_(g)} {t}.",
        f"{abbr(code)} {v} {unit} — {t}",
        f"As of {t}, {label(code)} {v} {unit}.",
        f"{label(code)[0].upper() + label(code)[1:]} recorded at {v} {unit} {'in' if g in ('month','year','period') else 'on'} {t}.",
    ], rnd)
    s = re.sub(r'\s+', ' ', s).replace(' .', '.').strip()
    checks = [chk_val(ro(o), v), chk_date(ro(o), g, val)]
    why = f"{label(code)} {o['v']:.2f} {o['unit']} effective {o['date']}" if not wrong else f"value right but date is {_wrongnote(k, t, o['date'])}"
    s = tidy(s)
    return s, [co(o)], checks, why

def d_cond(P, rnd, wrong):
    L = [c for c in P.conds if c['date']]
    if not L: raise Skip()
    c = rnd.choice(L); fact(CAT, c['id'])
    n = cname(c, rnd); t, g, val, dd, st, k = dtext(c['date'], rnd, wrong=wrong)
    if wrong and collides(P, 'cond', c, g, val, 'date'): raise Skip()
    i, s = pv('d_cond', [
        f"{who(P, rnd)} was diagnosed with {n} on {t}." if g == 'day' else f"{who(P, rnd)} was diagnosed with {n} in {t}.",
        f"Dx {strip_article(n)} ({t})",
        f"Onset of {strip_article(n)}: {t}.",
        f"{strip_article(n).capitalize()} was first documented {'on' if g == 'day' else 'in'} {t}.",
        f"Problem list: {strip_article(n)}, onset {t}.",
        f"{whose(P, rnd)} {strip_article(n)} dates back to {t}.",
    ], rnd)
    checks = [["name", ref('condition', c['id']), vocab.cond_rx(c['name'])], chk_date(ref('condition', c['id']), g, val)]
    why = f"Condition '{c['name']}' onsetDateTime {c['date']}" if not wrong else f"onset is {c['date']}; {_wrongnote(k, t, c['date'])}"
    s = tidy(s)
    return s, [cite('condition', c['id'])], checks, why

def d_med(P, rnd, wrong):
    L = P.meds
    if not L: raise Skip()
    m = rnd.choice(L); fact(CAT, m['id'])
    M = vocab.MED[m['name']]
    dn = rnd.choice([M['gen']] + M['brands'])
    dn_s = (dn + ' ' + M['strength']).strip() if M['strength'] and rnd.random() < 0.6 else dn
    t, g, val, dd, st, k = dtext(m['date'], rnd, wrong=wrong)
    if wrong and collides(P, 'med', m, g, val, 'date'): raise Skip()
    i, s = pv('d_med', [
        f"{dn_s} was prescribed on {t}." if g == 'day' else f"{dn_s} was prescribed in {t}.",
        f"Rx {dn_s} written {t}",
        f"{who(P, rnd)} was started on {dn_s} {'on' if g == 'day' else 'in'} {t}.",
        f"The {dn_s} order is dated {t}.",
        f"{dn_s} — ordered {t}",
    ], rnd)
    if s[0].islower(): s = s[0].upper() + s[1:]
    checks = [["name", ref('medication', m['id']), M['rx']], chk_date(ref('medication', m['id']), g, val)]
    if dn_s != dn: checks.append(["name", ref('medication', m['id']), re.escape(M['strength'].split(' ')[0].split('/')[0])])
    why = f"MedicationRequest '{m['name']}' authoredOn {m['date']}" if not wrong else f"authoredOn is {m['date']}; {_wrongnote(k, t, m['date'])}"
    s = tidy(s)
    return s, [cite('medication', m['id'])], checks, why

def d_imm(P, rnd, wrong):
    if not P.imms: raise Skip()
    # prefer non-flu for variety, but flu is fine when unique in its year
    L = [x for x in P.imms if sum(1 for y in P.imms if y['code'] == x['code'] and y['date'][:4] == x['date'][:4]) == 1]
    if not L: raise Skip()
    x = rnd.choice(L); fact(CAT, x['id'])
    n = rnd.choice(vocab.VAX[x['name']]); t, g, val, dd, st, k = dtext(x['date'], rnd, wrong=wrong)
    if wrong and collides(P, 'imm', x, g, val, 'date'): raise Skip()
    i, s = pv('d_imm', [
        f"{who(P, rnd)} received {n} on {t}." if g == 'day' else f"{who(P, rnd)} received {n} in {t}.",
        f"{strip_article(n)} given {t}",
        f"Immunizations: {strip_article(n)} administered {t}.",
        f"{strip_article(n)[0].upper() + strip_article(n)[1:]} was documented {'on' if g == 'day' else 'in'} {t}.",
        f"Vaccine record shows {n} dated {t}.",
    ], rnd)
    if s[0].islower(): s = s[0].upper() + s[1:]
    checks = [["name", ref('immunization', x['id']), '^' + re.escape(x['name'])], chk_date(ref('immunization', x['id']), g, val)]
    why = f"Immunization '{x['name']}' occurrenceDateTime {x['date']}" if not wrong else f"occurrence is {x['date']}; {_wrongnote(k, t, x['date'])}"
    s = tidy(s)
    return s, [cite('immunization', x['id'])], checks, why

def d_proc(P, rnd, wrong):
    L = [x for x in P.procs if x['name'] in vocab.PROC and sum(1 for y in P.procs if y['name'] == x['name']) <= 3]
    if not L: raise Skip()
    x = rnd.choice(L); fact(CAT, x['id'])
    n = rnd.choice(vocab.PROC[x['name']]); t, g, val, dd, st, k = dtext(x['date'], rnd, wrong=wrong)
    if wrong and collides(P, 'proc', x, g, val, 'date'): raise Skip()
    i, s = pv('d_proc', [
        f"{who(P, rnd)} underwent {n} on {t}." if g == 'day' else f"{who(P, rnd)} underwent {n} in {t}.",
        f"{strip_article(n)} performed {t}",
        f"Procedures: {strip_article(n)} ({t}).",
        f"{strip_article(n)[0].upper() + strip_article(n)[1:]} was done {'on' if g == 'day' else 'in'} {t}.",
    ], rnd)
    if s[0].islower(): s = s[0].upper() + s[1:]
    checks = [["name", ref('procedure', x['id']), '^' + re.escape(x['name'])], chk_date(ref('procedure', x['id']), g, val)]
    why = f"Procedure '{x['name']}' performed {x['date']}" if not wrong else f"procedure date is {x['date']}; {_wrongnote(k, t, x['date'])}"
    s = tidy(s)
    return s, [cite('procedure', x['id'])], checks, why

def d_enc(P, rnd, wrong):
    L = [e for e in P.encs if e['cls'] in ('EMER', 'IMP')]
    if not L: raise Skip()
    e = rnd.choice(L); fact(CAT, e['id'])
    t, g, val, dd, st, k = dtext(e['date'], rnd, pool=DAY_STYLES, wrong=wrong)
    if wrong and collides(P, 'enc', e, g, val, 'date'): raise Skip()
    if e['cls'] == 'EMER':
        i, s = pv('d_enc_er', [f"{who(P, rnd)} was seen in the emergency department on {t}.", f"ED visit {t}.", f"Emergency room encounter dated {t}."], rnd)
        rx = 'emergency'
    else:
        i, s = pv('d_enc_ip', [f"{who(P, rnd)} had an inpatient admission on {t}.", f"Admitted {t} (inpatient encounter)."], rnd)
        rx = 'inpatient'
    checks = [["name", ref('encounter', e['id']), rx], chk_date(ref('encounter', e['id']), g, val)]
    why = f"Encounter '{e['name']}' period.start {e['date']}" if not wrong else f"encounter start is {e['date']}; {_wrongnote(k, t, e['date'])}"
    s = tidy(s)
    return s, [cite('encounter', e['id'])], checks, why

def d_abate(P, rnd, wrong):
    L = [c for c in P.conds if c['abate']]
    if not L: raise Skip()
    c = rnd.choice(L); fact(CAT, c['id'], 'abate')
    n = strip_article(cname(c, rnd)); t, g, val, dd, st, k = dtext(c['abate'], rnd, pool=DAY_STYLES, wrong=wrong)
    if wrong and collides(P, 'cond', c, g, val, 'abate'): raise Skip()
    i, s = pv('d_abate', [
        f"The {n} episode resolved on {t}.",
        f"{n.capitalize()} — resolved {t}.",
        f"{n.capitalize()} was marked resolved as of {t}.",
        f"Resolution of {n} recorded {t}.",
    ], rnd)
    checks = [["name", ref('condition', c['id']), vocab.cond_rx(c['name'])], chk_date(ref('condition', c['id']), g, val, 'abate'), ["status", ref('condition', c['id']), 'resolved']]
    why = f"Condition '{c['name']}' abatementDateTime {c['abate']}, clinicalStatus resolved" if not wrong else f"abatement date is {c['abate']}; {_wrongnote(k, t, c['abate'])}"
    s = tidy(s)
    return s, [cite('condition', c['id'])], checks, why

def d_smoke(P, rnd, wrong):
    L = series(P, '72166-2')
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    st = o['vstr'].lower()
    t, g, val, dd, sty, k = dtext(o['date'], rnd, pool=DAY_STYLES, wrong=wrong)
    if wrong and collides(P, 'obs', o, g, val, 'date'): raise Skip()
    i, s = pv('d_smoke', [
        f"Smoking status documented as {st} on {t}.",
        f"Tobacco: {st} (recorded {t}).",
        f"On {t} {P.he} was recorded as a {st}.",
    ], rnd)
    checks = [["name", ro(o), re.escape(o['vstr'])], chk_date(ro(o), g, val)]
    why = f"Tobacco smoking status obs value '{o['vstr']}' effective {o['date']}" if not wrong else f"status right but {_wrongnote(k, t, o['date'])}"
    s = tidy(s)
    return s, [co(o)], checks, why

def d_report(P, rnd, wrong):
    L = [r for r in P.reps if r['name'] in vocab.REP and sum(1 for y in P.reps if y['name'] == r['name'] and y['date'] == r['date']) == 1]
    if not L: raise Skip()
    r = rnd.choice(L); fact(CAT, r['id'])
    n = rnd.choice(vocab.REP[r['name']]); t, g, val, dd, sty, k = dtext(r['date'], rnd, pool=DAY_STYLES, wrong=wrong)
    if wrong and collides(P, 'rep', r, g, val, 'date'): raise Skip()
    i, s = pv('d_report', [
        f"A {n} was drawn on {t}.",
        f"{n} resulted {t}.",
        f"{P.His} {n} is dated {t}.",
        f"{n[0].upper() + n[1:]} obtained {t}.",
    ], rnd)
    s = s.replace('A BMP', 'A BMP').replace('A urinalysis', 'A urinalysis')
    if s[0].islower(): s = s[0].upper() + s[1:]
    checks = [["name", ref('diagnostic-report', r['id']), '^' + re.escape(r['name'])], chk_date(ref('diagnostic-report', r['id']), g, val)]
    why = f"DiagnosticReport '{r['name']}' effective {r['date']}" if not wrong else f"report date is {r['date']}; {_wrongnote(k, t, r['date'])}"
    s = tidy(s)
    return s, [cite('diagnostic-report', r['id'])], checks, why

def d_temp(P, rnd, wrong):
    L = series(P, '8331-1')
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    v = num(o); t, g, val, dd, sty, k = dtext(o['date'], rnd, wrong=wrong)
    if wrong and collides(P, 'obs', o, g, val, 'date'): raise Skip()
    u = rnd.choice(['°C', ' °C', 'C', ' deg C'])
    i, s = pv('d_temp', [
        f"Temp {v}{u} {on_(g)} {t}.",
        f"{on_(g).capitalize()} {t} {P.his} oral temperature was {v}{u}.",
        f"{t}: T {v}{u} (oral)",
    ], rnd)
    if s[0].islower(): s = s[0].upper() + s[1:]
    checks = [chk_val(ro(o), v), chk_date(ro(o), g, val)]
    why = f"Oral temperature {o['v']:.2f} Cel effective {o['date']}" if not wrong else f"value right but {_wrongnote(k, t, o['date'])}"
    s = tidy(s)
    return s, [co(o)], checks, why

def d_span(P, rnd, wrong):
    """onset and resolution in one sentence; wrong: one of the two dates slips"""
    L = [c for c in P.conds if c['abate']]
    if not L: raise Skip()
    c = rnd.choice(L); fact(CAT, c['id'], 'span')
    n = strip_article(cname(c, rnd))
    st = pick_style(c['date'], rnd, ['mdy', 'dmy', 'iso', 'us', 'mdy_full'])
    which = rnd.choice(['date', 'abate']) if wrong else None
    d1 = fdate(c['date'], st); d2 = fdate(c['abate'], st)
    k = None
    if wrong:
        src = c['date'] if which == 'date' else c['abate']
        k = rnd.choice(['day', 'month'])
        sh = shift_date(src, k, rnd)
        if (which == 'date' and sh >= c['abate']) or (which == 'abate' and sh <= c['date']): raise Skip()
        if collides(P, 'cond', c, 'day', sh, which): raise Skip()
        if which == 'date': d1 = fdate(sh, st)
        else: d2 = fdate(sh, st)
    i, s = pv('d_span', [
        f"{n.capitalize()} from {d1[0]} to {d2[0]}, now resolved.",
        f"{who(P, rnd)} had {n} beginning {d1[0]}; it resolved {d2[0]}.",
        f"Episode of {n}: onset {d1[0]}, resolved {d2[0]}.",
    ], rnd)
    R = ref('condition', c['id'])
    checks = [["name", R, vocab.cond_rx(c['name'])], chk_date(R, 'day', d1[2]), chk_date(R, 'day', d2[2], 'abate'), ["status", R, 'resolved']]
    why = f"Condition '{c['name']}' onset {c['date']}, abatement {c['abate']}, resolved" if not wrong else f"{'onset' if which == 'date' else 'resolution'} date wrong ({k}): record onset {c['date']}, abatement {c['abate']}"
    s = tidy(s)
    return s, [cite('condition', c['id'])], checks, why

PATTERNS = [d_lab, d_bp, d_vital, d_cond, d_med, d_imm, d_proc, d_enc, d_abate, d_smoke, d_report, d_temp, d_span]
