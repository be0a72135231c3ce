from fw import *
CAT = 'two-facts'

def _d(d, rnd, pool=('us', 'mdy', 'iso', 'dmy', 'mdy_full', 'us_nz')):
    st = pick_style(d, rnd, list(pool)); return fdate(d, st)

def tf_bp_wt(P, rnd, wrong):
    L = [(o, w) for o in series(P, '55284-4') for w in series(P, '29463-7') if w['date'] == o['date']]
    if not L: raise Skip()
    o, w = rnd.choice(L); fact(CAT, o['id'])
    si, sv, di, dv = bp(o); S, Dd, W = fnum(sv, 0), fnum(dv, 0), fnum(w['v'], 1)
    mode = rnd.choice(['bp', 'wt']) if wrong else None
    if mode == 'bp': Dd = bad_num(dv, 0, rnd)
    if mode == 'wt': W = bad_num(w['v'], 1, rnd)
    t, g, val = _d(o['date'], rnd)
    i, s = pv('tf_bp_wt', [f"On {t}, {P.his} BP was {S}/{Dd} mmHg and {P.he} weighed {W} kg.", f"{t}: BP {S}/{Dd}, wt {W} kg", f"At the {t} visit {rnd.choice([P.he, P.first, 'the patient'])} weighed {W} kg, with a blood pressure of {S}/{Dd}.",
                           f"Weight {W} kg and BP {S}/{Dd} mm Hg were recorded on {t}."], rnd)
    checks = [chk_val(ro(o, si), S), chk_val(ro(o, di), Dd), chk_val(ro(w), W), chk_date(ro(o), g, val), chk_date(ro(w), g, val)]
    why = f"BP {sv:.1f}/{dv:.1f} and weight {w['v']:.2f} kg, both {o['date']}" if not wrong else (f"diastolic was {dv:.1f}, not {Dd} (weight is right)" if mode == 'bp' else f"weight was {w['v']:.2f} kg, not {W} (BP is right)")
    return tidy(s), [co(o), co(w)], checks, why

def tf_cond_med(P, rnd, wrong):
    pairs = []
    for c in P.conds:
        for m in P.meds:
            if m['date'] == c['date'] and c['status'] == 'active' and m['status'] == 'active': pairs.append((c, m))
            elif m['date'] == c['date']: pairs.append((c, m))
    if not pairs: raise Skip()
    c, m = rnd.choice(pairs); fact(CAT, c['id'], m['id']); M = vocab.MED[m['name']]
    cn = strip_article(cname(c, rnd)); dn = rnd.choice([M['gen']] + M['brands']); st = M['strength']
    mode = rnd.choice(['date', 'strength'] if M['alt'] else ['date']) if wrong else None
    t, g, val = _d(c['date'], rnd, ('mdy', 'us', 'iso', 'my_full', 'y'))
    dshift = None
    if mode == 'strength': st = rnd.choice(M['alt'])
    if mode == 'date':
        g2 = 'year' if g == 'year' else 'month' if g == 'month' else 'day'
        dshift = shift_date(c['date'], 'year' if g == 'year' else rnd.choice(['month', 'year']) if g == 'month' else rnd.choice(['day', 'month']), rnd)
        t, g, val = fdate(dshift, {'year': 'y', 'month': 'my_full', 'day': 'mdy'}[g2])
        if collides(P, 'cond', c, g, val) or collides(P, 'med', m, g, val): raise Skip()
    full = (dn + ' ' + st).strip()
    i, s = pv('tf_cond_med', [f"{who(P, rnd)} was diagnosed with {cn} {on_(g)} {t} and started on {full} the same day.", f"Dx {cn} {t}; {full} prescribed at that visit.",
                              f"{cn[0].upper() + cn[1:]} diagnosed {t}; {full} ordered the same day.", f"{full} was started {on_(g)} {t}, when {cn} was diagnosed."], rnd)
    Rc, Rm = ref('condition', c['id']), ref('medication', m['id'])
    checks = [["name", Rc, vocab.cond_rx(c['name'])], ["name", Rm, M['rx']], chk_date(Rc, g, val), chk_date(Rm, g, val), ["sameday", Rc, Rm]]
    if st: checks.append(["name", Rm, numrx(st) if st not in ('44 mcg/actuation', '90 mcg/actuation', '0.3 mg') else {'44 mcg/actuation': '0\\.044', '90 mcg/actuation': '0\\.09', '0.3 mg': '0\\.3 ML'}[st]])
    why = f"Condition '{c['name']}' onset {c['date']}; MedicationRequest '{m['name']}' authored {m['date']}" if not wrong else (f"both records are dated {c['date']}, not {t}" if mode == 'date' else f"strength is {M['strength']}, not {st}")
    return tidy(s), [cite('condition', c['id']), cite('medication', m['id'])], checks, why

def numrx(strength):
    nums = re.findall(r'\d+(?:\.\d+)?', strength)
    return ''.join(f'(?=.*(?<![\\d.]){re.escape(n)}(?![\\d.]))' for n in nums)

PAIRS = [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('718-7', '4544-3'), ('6690-2', '777-3'), ('2947-0', '6298-4'), ('6299-2', '38483-4'), ('4548-4', '2339-0'), ('33914-3', '38483-4'), ('2093-3', '18262-6')]
def tf_labs(P, rnd, wrong):
    opts = []
    for a, b in PAIRS:
        for o in series(P, a):
            q = [x for x in series(P, b) if x['date'] == o['date']]
            if q: opts.append((o, q[0]))
    if not opts: raise Skip()
    o1, o2 = rnd.choice(opts); fact(CAT, o1['id'], o2['id'])
    v1, v2 = num(o1), num(o2)
    mode = rnd.choice([1, 2]) if wrong else None
    if mode == 1: v1 = bad_num(o1['v'], dec_of(o1['code']), rnd)
    if mode == 2: v2 = bad_num(o2['v'], dec_of(o2['code']), rnd)
    t, g, val = _d(o1['date'], rnd, ('us', 'mdy', 'iso', 'my', 'dmy'))
    a1, a2 = abbr(o1['code']), abbr(o2['code'])
    u1, u2 = vocab.VF[o1['code']][1][0], vocab.VF[o2['code']][1][0]
    i, s = pv('tf_labs', [f"{a1} {v1}, {a2} {v2} ({t})", f"Labs from {t} showed {label(o1['code'])} {v1} {u1} and {label(o2['code'])} {v2} {u2}.", f"{on_(g).capitalize()} {t}: {a1} {v1} {u1} / {a2} {v2} {u2}.",
                          f"{whose(P, rnd)} {label(o1['code'])} was {v1} and {P.his} {label(o2['code'])} {v2} {on_(g)} {t}.", f"{t} panel — {a1} {v1}; {a2} {v2}."], rnd)
    checks = [chk_val(ro(o1), v1), chk_val(ro(o2), v2), chk_date(ro(o1), g, val), chk_date(ro(o2), g, val)]
    why = f"{label(o1['code'])} {o1['v']:.2f} and {label(o2['code'])} {o2['v']:.2f}, both {o1['date']}" if not wrong else (f"{label(o1['code'])} was {o1['v']:.2f}, not {v1} ({a2} correct)" if mode == 1 else f"{label(o2['code'])} was {o2['v']:.2f}, not {v2} ({a1} correct)")
    return tidy(s), [co(o1), co(o2)], checks, why

def tf_vax(P, rnd, wrong):
    from collections import defaultdict
    byd = defaultdict(list)
    for x in P.imms: byd[x['date']].append(x)
    L = [(d, xs) for d, xs in byd.items() if len(xs) >= 2 and len({x['code'] for x in xs}) == len(xs)]
    if not L: raise Skip()
    d, xs = rnd.choice(L); a, b = rnd.sample(xs, 2); fact(CAT, a['id'], b['id'])
    na, nb = strip_article(rnd.choice(vocab.VAX[a['name']])), strip_article(rnd.choice(vocab.VAX[b['name']]))
    t, g, val = _d(d, rnd)
    Ra, Rb = ref('immunization', a['id']), ref('immunization', b['id'])
    mode = rnd.choice(['date', 'vax']) if wrong else None
    if mode == 'date':
        sh = shift_date(d, rnd.choice(['day', 'year']), rnd); t, g, val = fdate(sh, 'mdy')
        if collides(P, 'imm', b, 'day', sh): raise Skip()
        # only the second vaccine's date is wrong: say it was given separately
        i, s = pv('tf_vax_w', [f"{na} was given {fdate(d, 'mdy')[0]}, and {nb} on {t}.", f"Imm: {na} {fdate(d, 'us')[0]}; {nb} {fdate(sh, 'us')[0]}"], rnd)
        checks = [["name", Ra, '^' + re.escape(a['name'])], chk_date(Ra, 'day', d), ["name", Rb, '^' + re.escape(b['name'])], chk_date(Rb, 'day', sh)]
        why = f"both vaccines were given {d}; {b['name']} was not given {sh}"
        return tidy(s), [cite('immunization', a['id']), cite('immunization', b['id'])], checks, why
    rxb = '^' + re.escape(b['name'])
    if mode == 'vax':
        alt = {'Tdap': 'Td', 'Td (adult) preservative free': 'Tdap', 'HPV, quadrivalent': 'HPV (9-valent)', 'meningococcal MCV4P': 'MenB', 'Pneumococcal conjugate PCV 13': 'PPSV23',
               'pneumococcal polysaccharide vaccine, 23 valent': 'PCV13', 'zoster': 'MMR', 'DTaP': 'Tdap', 'IPV': 'OPV', 'MMR': 'MMRV', 'Hib (PRP-OMP)': 'HepA',
               'Hep B, adolescent or pediatric': 'HepA', 'Hep A, ped/adol, 2 dose': 'HepB', 'rotavirus, monovalent': 'rotavirus pentavalent (RV5)', 'varicella': 'MMR',
               'Influenza, seasonal, injectable, preservative free': 'live attenuated influenza (FluMist)', 'Hep A, adult': 'Hep B', 'Hep B, adult': 'Hep A'}[b['name']]
        nb = alt; rxb = '^' + re.escape(alt) + '$'
    i, s = pv('tf_vax', [f"{na[0].upper() + na[1:]} and {nb} were both given on {t}.", f"Imm {t}: {na} + {nb}", f"{who(P, rnd)} received {na} along with {nb} {on_(g)} {t}."], rnd)
    checks = [["name", Ra, '^' + re.escape(a['name'])], ["name", Rb, rxb], chk_date(Ra, g, val), chk_date(Rb, g, val)]
    why = f"Immunizations '{a['name']}' and '{b['name']}' both on {d}" if not wrong else f"the second vaccine given on {d} was '{b['name']}', not {nb}"
    return tidy(s), [cite('immunization', a['id']), cite('immunization', b['id'])], checks, why

def tf_smoke_bmi(P, rnd, wrong):
    L = [(s_, b) for s_ in series(P, '72166-2') for b in series(P, '39156-5') if b['date'] == s_['date']]
    if not L: raise Skip()
    so, bo = rnd.choice(L); fact(CAT, so['id'])
    st = so['vstr'].lower(); B = num(bo)
    mode = rnd.choice(['smoke', 'bmi']) if wrong else None
    if mode == 'smoke': st = {'never smoker': 'former smoker', 'former smoker': 'current smoker'}[st]
    if mode == 'bmi': B = bad_num(bo['v'], 1, rnd)
    t, g, val = _d(so['date'], rnd)
    i, s = pv('tf_smoke_bmi', [f"{t}: {st}, BMI {B}.", f"As of {t} {P.he} was a {st} with a BMI of {B} kg/m².", f"Social/vitals {t} — tobacco: {st}; BMI {B}", f"{who(P, rnd)}, a {st}, had a BMI of {B} on {t}."], rnd)
    checks = [["name", ro(so), '^' + re.escape(st) + '$'], chk_val(ro(bo), B), chk_date(ro(so), g, val), chk_date(ro(bo), g, val)]
    why = f"smoking status '{so['vstr']}' and BMI {bo['v']:.2f}, both {so['date']}" if not wrong else (f"status recorded was '{so['vstr']}', not {st}" if mode == 'smoke' else f"BMI was {bo['v']:.2f}, not {B}")
    return tidy(s), [co(so), co(bo)], checks, why

def tf_two_meds(P, rnd, wrong):
    L = P.meds
    if len(L) < 2: raise Skip()
    a, b = rnd.sample(L, 2); fact(CAT, *sorted([a['id'], b['id']]))
    Ma, Mb = vocab.MED[a['name']], vocab.MED[b['name']]
    if Ma['gen'] == Mb['gen']: raise Skip()
    sa, sb = a['status'], b['status']
    mode = rnd.choice(['status', 'drug']) if wrong else None
    wa = 'active' if sa == 'active' else 'stopped'; wb = 'active' if sb == 'active' else 'stopped'
    nb = rnd.choice([Mb['gen']] + Mb['brands'])
    rxb = Mb['rx']
    if mode == 'status': wb = 'stopped' if wb == 'active' else 'active'
    if mode == 'drug':
        nb = rnd.choice(Mb['other']); import cat_drugs; rxb = cat_drugs.ING.get(nb, nb)
    na = rnd.choice([Ma['gen']] + Ma['brands'])
    def ph(n, w):
        return {'active': rnd.choice([f"{n} (active)", f"{n}, still active", f"active {n}"]), 'stopped': rnd.choice([f"{n} (stopped)", f"{n}, since discontinued", f"a stopped order for {n}"])}[w]
    i, s = pv('tf_two_meds', [f"Med list: {ph(na, wa)}; {ph(nb, wb)}.", f"{whose(P, rnd)} medication history includes {ph(na, wa)} and {ph(nb, wb)}.", f"Orders on file — {ph(na, wa)}, {ph(nb, wb)}."], rnd)
    Ra, Rb = ref('medication', a['id']), ref('medication', b['id'])
    checks = [["name", Ra, Ma['rx']], ["status", Ra, sa], ["name", Rb, rxb], ["status", Rb, {'active': 'active', 'stopped': 'stopped'}[wb]]]
    why = f"'{a['name']}' status {sa}; '{b['name']}' status {sb}" if not wrong else (f"'{b['name']}' is {sb}, not {wb}" if mode == 'status' else f"second record is '{b['name']}', not {nb}")
    return tidy(s), [cite('medication', a['id']), cite('medication', b['id'])], checks, why

def tf_temp_cond(P, rnd, wrong):
    L = [(o, c) for o in series(P, '8331-1') for c in P.conds if c['date'] == o['date']]
    if not L: raise Skip()
    o, c = rnd.choice(L); fact(CAT, o['id'])
    T = num(o); cn = strip_article(cname(c, rnd))
    mode = rnd.choice(['temp', 'cond']) if wrong else None
    rxc = vocab.cond_rx(c['name'])
    if mode == 'temp': T = fnum(o['v'] + rnd.choice([-1.0, 1.0, 1.2, -0.9]), 1)
    if mode == 'cond':
        alt = {'Viral sinusitis (disorder)': 'strep throat', 'Streptococcal sore throat (disorder)': 'viral pharyngitis', 'Acute viral pharyngitis (disorder)': 'strep throat',
               'Acute bronchitis (disorder)': 'pneumonia', 'Otitis media': 'strep throat'}.get(c['name'])
        if not alt: raise Skip()
        cn = alt; rxc = '^' + re.escape(alt) + '$'
    t, g, val = _d(o['date'], rnd)
    i, s = pv('tf_temp_cond', [f"Seen {t} with {cn}; oral temp {T} °C.", f"{on_(g).capitalize()} {t} {P.he} presented with {cn} and a temperature of {T} °C.", f"{cn[0].upper() + cn[1:]} dx {t}, T {T}C."], rnd)
    Rc = ref('condition', c['id'])
    checks = [chk_val(ro(o), T), ["name", Rc, rxc], chk_date(ro(o), g, val), chk_date(Rc, g, val)]
    why = f"oral temp {o['v']:.2f} Cel and Condition '{c['name']}' both {o['date']}" if not wrong else (f"temperature was {o['v']:.2f} °C, not {T}" if mode == 'temp' else f"condition diagnosed that day was '{c['name']}', not {cn}")
    return tidy(s), [co(o), cite('condition', c['id'])], checks, why

def tf_onset_status(P, rnd, wrong):
    L = [c for c in P.conds if c['name'] not in ('Appendicitis', 'Miscarriage in first trimester', 'Stroke', 'Myocardial Infarction') and not c['name'].startswith('History of')]
    if not L: raise Skip()
    c = rnd.choice(L); fact(CAT, c['id'], 'os')
    cn = strip_article(cname(c, rnd)); st = c['status']
    mode = rnd.choice(['status', 'date']) if wrong else None
    t, g, val = _d(c['date'], rnd, ('y', 'my_full', 'mdy', 'us'))
    if mode == 'status': st = 'active' if st == 'resolved' else 'resolved'
    if mode == 'date':
        sh = shift_date(c['date'], 'year', rnd); t, g, val = fdate(sh, 'y')
        if collides(P, 'cond', c, 'year', sh[:4]): raise Skip()
    if st == 'active':
        i, s = pv('tf_onset_active', [f"{cn[0].upper() + cn[1:]} diagnosed {t}, still active.", f"{who(P, rnd)} has had {cn} since {t}; it remains active.", f"Active problem: {cn} (onset {t})."], rnd)
    else:
        i, s = pv('tf_onset_resolved', [f"{cn[0].upper() + cn[1:]} in {t}, since resolved.", f"{who(P, rnd)} had {cname(c, rnd)} in {t}, which has resolved.", f"Resolved problem: {cn} ({t})."], rnd)
        if g == 'day': s = s.replace(f"in {t}", f"on {t}")
    R = ref('condition', c['id'])
    checks = [["name", R, vocab.cond_rx(c['name'])], ["status", R, st], chk_date(R, g, val)]
    why = f"Condition '{c['name']}' onset {c['date']}, clinicalStatus {c['status']}" if not wrong else (f"clinicalStatus is {c['status']}, not {st}" if mode == 'status' else f"onset was {c['date']}, not {t}")
    return tidy(s), [cite('condition', c['id'])], checks, why

PATTERNS = [tf_bp_wt, tf_cond_med, tf_labs, tf_vax, tf_smoke_bmi, tf_two_meds, tf_temp_cond, tf_onset_status]
