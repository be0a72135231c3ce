from fw import *
CAT = 'status'

# Synthea leaves some one-off events 'active' forever; status claims about them would hinge on record quirks, so they are skipped
QUIRK = {'Appendicitis', 'Miscarriage in first trimester', 'Stroke', 'Myocardial Infarction'}

def _clean(P, recs, kind):
    # drop records whose name recurs in the chart with a different status (a status claim about the name would be ambiguous)
    pool = P.meds if kind == 'med' else P.conds
    return [r for r in recs if len({x['status'] for x in pool if x['name'] == r['name']}) == 1]

def s_med_active(P, rnd, wrong):
    """claims a med is current. correct: status active; wrong: status stopped"""
    L = _clean(P, [m for m in P.meds if (m['status'] == 'stopped') == wrong], 'med')
    if not L: raise Skip()
    m = rnd.choice(L); fact(CAT, m['id']); M = vocab.MED[m['name']]
    nm = rnd.choice([M['gen']] + M['brands']); st = M['strength']
    full = f"{nm} {st}".strip() if rnd.random() < 0.5 else nm
    if P.deceased:
        i, s = pv('s_med_active_dec', [f"{full} remains listed as an active medication.", f"{full}: order status active.", f"The {full} prescription is still active on the med list."], rnd)
    else:
        i, s = pv('s_med_active', [f"{who(P, rnd)} is currently taking {full}.", f"Continues on {full}.", f"Current meds include {full}.", f"Active Rx: {full}.", f"{who(P, rnd)} remains on {full}.",
                                   f"Still on {full} (started {fdate(m['date'], 'y')[0]})."], rnd)
    R = ref('medication', m['id'])
    checks = [["name", R, M['rx']], ["status", R, 'active']] + ([["name", R, __import__('cat_drugs').numrx(st)]] if st in full and st and 'mcg' not in st else [])
    if 'started' in s: checks.append(chk_date(R, 'year', m['date'][:4]))
    why = f"MedicationRequest '{m['name']}' status active" if not wrong else f"MedicationRequest '{m['name']}' status is stopped (authored {m['date']}), so not current"
    return tidy(s), [cite('medication', m['id'])], checks, why

def s_med_stopped(P, rnd, wrong):
    L = _clean(P, [m for m in P.meds if (m['status'] == 'active') == wrong], 'med')
    if not L: raise Skip()
    m = rnd.choice(L); fact(CAT, m['id']); M = vocab.MED[m['name']]
    nm = rnd.choice([M['gen']] + M['brands'])
    t = fdate(m['date'], rnd.choice(['y', 'my_full', 'mdy']))
    i, s = pv('s_med_stopped', [f"{nm[0].upper() + nm[1:]} ({t[0]}) has since been discontinued.", f"No longer on {nm}.", f"{nm[0].upper() + nm[1:]}: stopped.", f"{whose(P, rnd)} {nm} prescription from {t[0]} is no longer active.",
                                f"Completed/stopped {nm}.", f"{nm} d/c'd"], rnd)
    R = ref('medication', m['id'])
    checks = [["name", R, M['rx']], ["status", R, 'stopped']] + ([chk_date(R, t[1], t[2])] if t[0] in s else [])
    why = f"MedicationRequest '{m['name']}' status stopped" if not wrong else f"MedicationRequest '{m['name']}' status is active, not stopped"
    return tidy(s), [cite('medication', m['id'])], checks, why

def s_cond_active(P, rnd, wrong):
    L = _clean(P, [c for c in P.conds if (c['status'] == 'resolved') == wrong and c['name'] not in QUIRK and not c['name'].startswith('History of')], 'cond')
    if not L: raise Skip()
    c = rnd.choice(L); fact(CAT, c['id']); cn = strip_article(cname(c, rnd))
    t = fdate(c['date'], rnd.choice(['y', 'my', 'us']))
    i, s = pv('s_cond_active', [f"Active problem: {cn}.", f"{cn[0].upper() + cn[1:]} remains active.", f"Ongoing {cn} (since {t[0]}).", f"{who(P, rnd)} continues to carry a diagnosis of {cn}.",
                                f"{cn} — active", f"{whose(P, rnd)} {cn} is still an active issue."], rnd)
    R = ref('condition', c['id'])
    checks = [["name", R, vocab.cond_rx(c['name'])], ["status", R, 'active']] + ([chk_date(R, t[1], t[2])] if t[0] in s else [])
    why = f"Condition '{c['name']}' clinicalStatus active" if not wrong else f"Condition '{c['name']}' is resolved (abated {c['abate']}), not active"
    return tidy(s), [cite('condition', c['id'])], checks, why

def s_cond_resolved(P, rnd, wrong):
    L = _clean(P, [c for c in P.conds if (c['status'] == 'active') == wrong and c['name'] not in QUIRK and not c['name'].startswith('History of')], 'cond')
    if not L: raise Skip()
    c = rnd.choice(L); fact(CAT, c['id']); cn = strip_article(cname(c, rnd))
    t = fdate(c['date'], rnd.choice(['y', 'my_full', 'mdy']))
    i, s = pv('s_cond_resolved', [f"{cn[0].upper() + cn[1:]} ({t[0]}), resolved.", f"History of {cn}, now resolved.", f"{whose(P, rnd)} {cn} has resolved.", f"Resolved: {cn}.",
                                  f"{cn[0].upper() + cn[1:]} is no longer active.", f"{cn} — resolved"], rnd)
    R = ref('condition', c['id'])
    checks = [["name", R, vocab.cond_rx(c['name'])], ["status", R, 'resolved']] + ([chk_date(R, t[1], t[2])] if t[0] in s else [])
    why = f"Condition '{c['name']}' clinicalStatus resolved (abatement {c['abate']})" if not wrong else f"Condition '{c['name']}' clinicalStatus is active, not resolved"
    return tidy(s), [cite('condition', c['id'])], checks, why

def s_smoke(P, rnd, wrong):
    L = series(P, '72166-2')
    if not L: raise Skip()
    o = L[-1] if rnd.random() < 0.6 else rnd.choice(L); fact(CAT, o['id'])
    st = o['vstr']
    said = st
    if wrong: said = {'Never smoker': rnd.choice(['Former smoker', 'Current smoker']), 'Former smoker': rnd.choice(['Current smoker', 'Never smoker'])}[st]
    t = fdate(o['date'], rnd.choice(['us', 'mdy', 'iso', 'my']))
    w = {'Never smoker': rnd.choice(['a never smoker', 'a lifelong non-smoker']), 'Former smoker': rnd.choice(['a former smoker', 'an ex-smoker']), 'Current smoker': rnd.choice(['a current smoker', 'an active smoker'])}[said]
    i, s = pv('s_smoke', [f"{who(P, rnd)} is {w} (documented {t[0]}).", f"Smoking status {t[0]}: {w[2:] if w.startswith('a ') else w[3:]}.", f"Tobacco: {w[2:] if w.startswith('a ') else w[3:]} per {t[0]} note.",
                          f"As of {t[0]}, {P.he} was {w}."], rnd)
    R = ro(o)
    checks = [["name", R, '^' + re.escape(said) + '$'], chk_date(R, t[1], t[2])]
    why = f"smoking status obs {o['date']} = '{st}'" if not wrong else f"smoking status obs {o['date']} = '{st}', not '{said}'"
    return tidy(s), [co(o)], checks, why

def s_allergy(P, rnd, wrong):
    L = P.alls
    if not L: raise Skip()
    a = rnd.choice(L); fact(CAT, a['id'])
    nm = a['name'].replace('Allergy to ', '').replace(' allergy', '').replace('Dander (animal)', 'animal dander')
    if wrong:
        i, s = pv('s_allergy_w', [f"{nm.capitalize()} allergy has resolved.", f"{nm.capitalize()} allergy: inactive/resolved.", f"Her {nm} allergy is no longer active."], rnd)
        chk = ["status", ref('allergy', a['id']), 'resolved']
        why = f"AllergyIntolerance '{a['name']}' clinicalStatus is active"
    else:
        i, s = pv('s_allergy', [f"Active allergy: {nm}.", f"Allergic to {nm} (active).", f"{nm.capitalize()} allergy remains active."], rnd)
        chk = ["status", ref('allergy', a['id']), 'active']
        why = f"AllergyIntolerance '{a['name']}' clinicalStatus active"
    return tidy(s), [cite('allergy', a['id'])], [chk, ["name", ref('allergy', a['id']), re.escape(a['name'])]], why

def s_pair(P, rnd, wrong):
    """one active and one stopped med contrasted"""
    if P.deceased: raise Skip()
    A = _clean(P, [m for m in P.meds if m['status'] == 'active'], 'med'); S_ = _clean(P, [m for m in P.meds if m['status'] == 'stopped'], 'med')
    if not A or not S_: raise Skip()
    a, b = rnd.choice(A), rnd.choice(S_); fact(CAT, a['id'], b['id'])
    Ma, Mb = vocab.MED[a['name']], vocab.MED[b['name']]
    if Ma['gen'] == Mb['gen']: raise Skip()
    na, nb = rnd.choice([Ma['gen']] + Ma['brands']), rnd.choice([Mb['gen']] + Mb['brands'])
    if wrong: a, b, na, nb, Ma, Mb = b, a, nb, na, Mb, Ma
    i, s = pv('s_pair', [f"{na[0].upper() + na[1:]} is active; {nb} was stopped.", f"Still on {na}, but {nb} has been discontinued.", f"{nb[0].upper() + nb[1:]} stopped; {na} continues."], rnd)
    Ra, Rb = ref('medication', a['id']), ref('medication', b['id'])
    checks = [["name", Ra, Ma['rx']], ["status", Ra, 'active'], ["name", Rb, Mb['rx']], ["status", Rb, 'stopped']]
    why = f"'{a['name']}' active, '{b['name']}' stopped" if not wrong else f"statuses reversed: '{a['name']}' is {a['status']}, '{b['name']}' is {b['status']}"
    return tidy(s), [cite('medication', a['id']), cite('medication', b['id'])], checks, why

PATTERNS = [s_med_active, s_med_stopped, s_cond_active, s_cond_resolved, s_smoke, s_allergy, s_pair]
