from fw import *
CAT = 'abbreviations'

CONFUSE = {  # code -> codes whose abbreviation a hurried writer might put on this value
 '718-7': ['4544-3'], '4544-3': ['718-7'], '785-6': ['786-4'], '786-4': ['785-6'], '18262-6': ['2085-9'], '2085-9': ['18262-6'],
 '2093-3': ['2571-8'], '2571-8': ['2093-3'], '6299-2': ['38483-4'], '38483-4': ['6299-2'], '6690-2': ['789-8'], '789-8': ['6690-2'],
 '787-2': ['32623-1'], '32623-1': ['787-2'], '2947-0': ['2069-3'], '2069-3': ['2947-0'], '6298-4': ['49765-1'], '49765-1': ['6298-4'],
}
ABBR = {'718-7': ['Hgb', 'Hb'], '4544-3': ['Hct'], '785-6': ['MCH'], '786-4': ['MCHC'], '18262-6': ['LDL', 'LDL-C'], '2085-9': ['HDL', 'HDL-C'],
        '2093-3': ['TC', 'Chol'], '2571-8': ['TG', 'Trig'], '6299-2': ['BUN'], '38483-4': ['Cr', 'Creat', 'SCr'], '6690-2': ['WBC'], '789-8': ['RBC'],
        '787-2': ['MCV'], '32623-1': ['MPV'], '2947-0': ['Na'], '2069-3': ['Cl'], '6298-4': ['K'], '49765-1': ['Ca'], '777-3': ['Plt', 'PLT'],
        '21000-5': ['RDW'], '2339-0': ['Glu', 'BG'], '20565-8': ['CO2', 'HCO3'], '33914-3': ['eGFR'], '4548-4': ['HbA1c', 'A1c'], '14959-1': ['UACR'],
        '2857-1': ['PSA'], '10230-1': ['LVEF', 'EF'], '72106-8': ['MMSE'], '1742-6': ['ALT'], '1920-8': ['AST'], '6768-6': ['ALP', 'Alk phos'], '1975-2': ['T bili', 'TBili']}

def _obs(P, rnd, codes):
    L = [o for c in codes for o in series(P, c) if o['v'] is not None]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id']); return o

def ab_lab(P, rnd, wrong):
    o = _obs(P, rnd, list(ABBR))
    c = o['code']; ab = rnd.choice(ABBR[c]); v = num(o)
    mode = None
    if wrong:
        mode = 'analyte' if (c in CONFUSE and rnd.random() < 0.6) else 'value'
    if mode == 'analyte':
        c2 = rnd.choice(CONFUSE[c]); ab = rnd.choice(ABBR[c2])
    elif mode == 'value':
        v = bad_num(o['v'], dec_of(c), rnd)
    st = pick_style(o['date'], rnd, ['us', 'us_nz', 'my', 'iso', 'mdy'])
    t, g, val = fdate(o['date'], st)
    show_u = mode != 'analyte' and rnd.random() < 0.5
    u = (' ' + unit_of(c, rnd)) if show_u else ''
    i, s = pv('ab_lab', [f"{ab} {v}{u} ({t})", f"{t}: {ab} {v}{u}", f"Labs {t} notable for {ab} {v}{u}.", f"{ab} was {v}{u} on {t}." if g == 'day' else f"{ab} was {v}{u} in {t}.",
                         f"Last seen with {ab} {v}{u}, drawn {t}." if False else f"{ab} {v}{u} per {t} labs", f"{whose(P, rnd)} {ab} came back at {v}{u} ({t})."], rnd)
    checks = [["code", ro(o), c if mode != 'analyte' else c2], chk_val(ro(o), v), chk_date(ro(o), g, val)]
    if mode == 'analyte':
        why = f"cited record is {label(c)} ({o['v']:.2f} {o['unit']}), not {label(c2)}: the value is attached to the wrong analyte abbreviation"
    elif mode == 'value':
        why = f"{label(c)} on {o['date']} was {o['v']:.2f} {o['unit']}, not {v}"
    else:
        why = f"{ab} = {label(c)}; Observation value {o['v']:.3f} {o['unit']} on {o['date']}"
    return tidy(s), [co(o)], checks, why

def ab_vitals(P, rnd, wrong):
    o = _obs(P, rnd, ['55284-4'])
    W = [w for w in series(P, '29463-7') if w['date'] == o['date']]
    if not W: raise Skip()
    w = W[0]
    si, sv, di, dv = bp(o)
    S, Dd, Wt = fnum(sv, 0), fnum(dv, 0), fnum(w['v'], 1)
    mode = rnd.choice(['sbp', 'wt', 'hr']) if wrong else None
    extra = ''; checks = []
    if mode == 'sbp': S = bad_num(sv, 0, rnd)
    if mode == 'wt': Wt = bad_num(w['v'], 1, rnd)
    if mode == 'hr': extra = f", HR {rnd.choice([68, 72, 76, 80, 84])}"; checks.append(["unsupported", "heart rate"])
    t, g, val = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'us_nz', 'us2', 'iso']))
    i, s = pv('ab_vitals', [f"VS {t}: BP {S}/{Dd}{extra}, Wt {Wt} kg", f"{t} vitals — BP {S}/{Dd} mmHg{extra}; wt {Wt} kg.", f"Wt {Wt} kg, BP {S}/{Dd}{extra} ({t})"], rnd)
    checks += [chk_val(ro(o, si), S), chk_val(ro(o, di), Dd), chk_val(ro(w), Wt), chk_date(ro(o), 'day', val), chk_date(ro(w), 'day', val)]
    why = {None: f"BP panel {o['date']} {sv:.1f}/{dv:.1f}; weight {w['v']:.2f} kg same day",
           'sbp': f"systolic was {sv:.1f}, not {S}", 'wt': f"weight was {w['v']:.2f} kg, not {Wt}", 'hr': "no heart rate is recorded in the cited records (or anywhere in the chart); the HR is invented"}[mode]
    return tidy(s), [co(o), co(w)], checks, why

# condition abbreviations: (record name regex, correct abbreviations, wrong abbreviations that a writer might confuse)
CABB = [
 ('^Hypertension$', ['HTN'], ['HTG', 'HLD']),
 ('^Neuropathy due to type 2', ['T2DM with peripheral neuropathy', 'T2DM c/b neuropathy'], ['T1DM with neuropathy']),
 ('^Nonproliferative diabetic retinopathy', ['NPDR (T2DM)'], ['PDR', 'proliferative DR']),
 ('^Chronic kidney disease stage 1', ['CKD 1', 'CKD stage I'], ['CKD 3', 'CKD stage 2']),
 ('^Coronary Heart Disease$', ['CHD', 'CAD'], ['CHF']),
 ('^Chronic congestive heart failure', ['CHF'], ['CAD', 'COPD']),
 ('^Myocardial Infarction$', ['MI'], ['PE', 'CVA']),
 ('^Osteoarthritis of hip$', ['OA of the hip', 'hip OA'], ['OA of the knee', 'RA of the hip']),
 ('^Localized, primary osteoarthritis of the hand$', ['hand OA'], ['hand RA']),
 ('^History of appendectomy$', ['s/p appendectomy', 's/p appy'], ['s/p cholecystectomy', 's/p CCY']),
 ('^Hyperlipidemia$', ['HLD'], ['HTN']),
 ('^Hypertriglyceridemia', ['HTG', 'hypertriglyceridemia'], ['HTN']),
 ('^Stroke$', ['CVA'], ['TIA', 'MI']),
 ('^Otitis media$', ['OM'], ['OE', 'otitis externa']),
 ('^Childhood asthma$', ['asthma'], ['COPD']),
 ('^Seasonal allergic rhinitis$', ['SAR', 'allergic rhinitis'], ['URI']),
 ('^Metabolic syndrome X', ['MetS'], ['MS']),
 ('^Chronic sinusitis', ['CRS (chronic sinusitis)', 'chronic rhinosinusitis'], ['AOM']),
 ('^Streptococcal sore throat', ['GAS pharyngitis', 'strep pharyngitis'], ['viral URI']),
 ('^Osteoporosis', ['OP (osteoporosis)'], ['OA']),
 ('^Concussion with no loss of consciousness', ['concussion w/o LOC'], ['concussion with LOC']),
 ('^Body mass index 30\\+', ['obesity (BMI ≥30)'], ['morbid obesity (BMI ≥40)']),
]

def ab_cond(P, rnd, wrong):
    L = [(c, e) for c in P.conds for e in CABB if re.search(e[0], c['name'])]
    if not L: raise Skip()
    c, e = rnd.choice(L); fact(CAT, c['id'])
    ab = rnd.choice(e[2] if wrong else e[1])
    st = pick_style(c['date'], rnd, ['y', 'my', 'mdy', 'us', 'iso'])
    t, g, val = fdate(c['date'], st)
    active = c['status'] == 'active'
    if active:
        i, s = pv('ab_cond', [f"PMH: {ab} (dx {t})", f"Hx {ab}, onset {t}.", f"{ab} since {t}.", f"Known {ab}, diagnosed {t}.", f"{who(P, rnd)} carries a diagnosis of {ab} from {t}.", f"Problem: {ab} — {t}"], rnd)
    else:
        i, s = pv('ab_cond_res', [f"PMH: {ab} (dx {t}, resolved)", f"Hx {ab} {'on' if g == 'day' else 'in'} {t}, resolved.", f"{ab} in {t}, resolved.", f"Past {ab} ({t}), since resolved."], rnd)
    R = ref('condition', c['id'])
    checks = [["name", R, e[0]] if not wrong else ["unsupported", f"{ab} vs record '{c['name']}'"], chk_date(R, g, val)]
    if not active and 'resolved' in s: checks.append(["status", R, 'resolved'])
    if active and 'since' in s: checks.append(["status", R, 'active'])
    why = f"Condition '{c['name']}' onset {c['date']}; {ab} is the standard abbreviation" if not wrong else f"record is '{c['name']}', which '{ab}' does not denote"
    return tidy(s), [cite('condition', c['id'])], checks, why

MABB = [  # (med regex, correct abbr, wrong abbr)
 ('^Hydrochlorothiazide', ['HCTZ 25 mg', 'HCTZ 25'], ['HCTZ 12.5 mg', 'lisinopril (ACEi) 25 mg']),
 ('^Acetaminophen 325 MG Oral', ['APAP 325 mg', 'APAP 325 mg PRN'], ['APAP 500 mg', 'ASA 325 mg']),
 ('^Acetaminophen 160 MG', ['APAP 160 mg'], ['ASA 160 mg', 'APAP 325 mg']),
 ('^Nitroglycerin', ['NTG 0.4 mg spray', 'SL NTG spray 0.4 mg'], ['NTG 0.4 mg patch', 'ISMN']),
 ('^Clopidogrel', ['clopidogrel 75 (antiplatelet)'], ['ASA 75 mg', 'DOAC']),
 ('^200 ACTUAT Albuterol', ['albuterol MDI (SABA)'], ['LABA (albuterol)', 'albuterol nebulizer']),
 ('^120 ACTUAT Fluticasone', ['ICS (fluticasone 44 mcg MDI)'], ['ICS/LABA (fluticasone-salmeterol)', 'fluticasone nasal spray']),
 ('^Naproxen', ['NSAID (naproxen 220 mg)'], ['naproxen 500 mg', 'COX-2 inhibitor']),
 ('^Ibuprofen', ['NSAID (ibuprofen)'], ['APAP']),
 ('^1 ML medroxyprogesterone', ['DMPA 150 mg/mL'], ['DMPA-SC 104 mg', 'etonogestrel implant']),
 ('^Levora', ['OCP (Levora)'], ['IUD (levonorgestrel)']),
 ('^Seasonique', ['extended-cycle OCP (Seasonique)'], ['POP (progestin-only pill)']),
 ('^Natazia', ['OCP (Natazia)'], ['IUD']),
 ('^NuvaRing', ['contraceptive vaginal ring (NuvaRing)'], ['OCP (NuvaRing)', 'IUD']),
 ('^Alteplase', ['tPA (alteplase)'], ['TNK', 'heparin']),
 ('^Penicillin V', ['PCN VK'], ['amoxicillin', 'PCN G']),
 ('^Amoxicillin 250 MG / Clavulanate', ['amox-clav', 'amoxicillin-clavulanate (Augmentin)'], ['amoxicillin alone']),
 ('^24 HR Metformin', ['metformin XR 500'], ['metformin IR 500', 'metformin XR 1000']),
 ('^insulin human, isophane', ['NPH/regular 70/30 insulin'], ['basal insulin glargine', '75/25 insulin']),
 ('^24 HR metoprolol succinate', ['metoprolol XL 100 daily'], ['metoprolol tartrate 100 bid']),
 ('^Lasix', ['furosemide 40 mg daily'], ['HCTZ 40 mg', 'furosemide 40 mg bid']),
 ('^Acetaminophen 325 MG / oxyCODONE', ['oxycodone/APAP 5/325 q6h'], ['hydrocodone/APAP 5/325', 'oxycodone/APAP 10/325']),
 ('^Vitamin B 12', ['B12 injections'], ['oral B12', 'folate injections']),
 ('^diphenhydrAMINE', ['diphenhydramine 25 mg'], ['hydroxyzine 25 mg']),
]

def ab_med(P, rnd, wrong):
    L = [(m, e) for m in P.meds for e in MABB if re.search(e[0], m['name'])]
    if not L: raise Skip()
    m, e = rnd.choice(L); fact(CAT, m['id'])
    opts = e[2] if wrong else [x for x in e[1] if ('PRN' not in x or m['prn'] is True)]
    if not opts: raise Skip()
    ab = rnd.choice(opts)
    st = pick_style(m['date'], rnd, ['y', 'my', 'us', 'mdy'])
    t, g, val = fdate(m['date'], st)
    act = m['status'] == 'active'
    i, s = pv('ab_med', [f"Meds: {ab}, started {t}.", f"Rx {ab} ({t})", f"{who(P, rnd)} was prescribed {ab} in {t}." if g != 'day' else f"{who(P, rnd)} was prescribed {ab} on {t}.",
                         f"{ab} — ordered {t}", f"Per med list, {ab} was written {'on' if g == 'day' else 'in'} {t}."], rnd)
    R = ref('medication', m['id'])
    checks = [["name", R, e[0]], chk_date(R, g, val)]
    if 'daily' in ab: checks.append(["freq", R, [1, 1, 'd']])
    if 'q6h' in ab: checks.append(["freq", R, [1, 6, 'h']])
    if 'PRN' in ab: checks.append(["prn", R, True])
    nums = re.findall(r'\d+(?:\.\d+)?', ab.replace('70/30', '').replace('XL', ''))
    if 'mcg' in ab: nums = []; checks.append(["name", R, '0\\.044 MG'])
    if nums and not wrong: checks.append(["name", R, ''.join(f'(?=.*(?<![\\d.]){re.escape(n)}(?![\\d.]))' for n in nums)])
    if wrong: checks.append(["unsupported", f"{ab} vs '{m['name']}'"])
    why = f"MedicationRequest '{m['name']}' authored {m['date']}" + (f"; timing {m['freq']}" if m['freq'] else '') if not wrong else f"record is '{m['name']}'" + (f" {m['freq']}" if m['freq'] else '') + f"; '{ab}' names a different drug/strength/form"
    return tidy(s), [cite('medication', m['id'])], checks, why

VABB = [('^Pneumococcal conjugate PCV 13', 'PCV13', 'PPSV23'), ('^pneumococcal polysaccharide vaccine, 23', 'PPSV23', 'PCV13'), ('^Tdap', 'Tdap', 'Td'),
        ('^Td \\(adult\\)', 'Td', 'Tdap'), ('^HPV', 'HPV4', 'HPV9'), ('^meningococcal MCV4P', 'MCV4', 'MenB'), ('^DTaP', 'DTaP', 'Tdap'), ('^IPV', 'IPV', 'OPV'),
        ('^MMR', 'MMR', 'MMRV'), ('^Hib', 'Hib', 'HepB'), ('^Hep B', 'HepB', 'HepA'), ('^Hep A', 'HepA', 'HepB'), ('^zoster', 'zoster vaccine', 'PPSV23'),
        ('^Influenza', 'IIV (flu shot)', 'LAIV (FluMist)'), ('^varicella', 'VAR', 'MMR'), ('^rotavirus', 'RV1 (rotavirus)', 'RV5')]

def ab_vax(P, rnd, wrong):
    L = [(x, e) for x in P.imms for e in VABB if re.search(e[0], x['name'])]
    L = [(x, e) for x, e in L if not x['name'].startswith('Influenza') or rnd.random() < 0.15]
    if not L: raise Skip()
    x, e = rnd.choice(L); fact(CAT, x['id'])
    ab = e[2] if wrong else e[1]
    t, g, val = fdate(x['date'], pick_style(x['date'], rnd, ['us', 'mdy', 'iso', 'dmy']))
    i, s = pv('ab_vax', [f"Imm: {ab} {t}", f"{ab} given {t}.", f"Received {ab} on {t}.", f"{t} — {ab} administered"], rnd)
    R = ref('immunization', x['id'])
    checks = [["name", R, e[0]] if not wrong else ["unsupported", f"{ab} vs '{x['name']}'"], chk_date(R, 'day', val)]
    why = f"Immunization '{x['name']}' on {x['date']}" if not wrong else f"vaccine given was '{x['name']}', not {ab}"
    return tidy(s), [cite('immunization', x['id'])], checks, why

def ab_special(P, rnd, wrong):
    codes = ['33914-3', '4548-4', '14959-1', '2857-1', '10230-1', '72106-8', '33762-6']
    L = [o for c in codes for o in series(P, c) if o['v'] is not None]
    if not L: raise Skip()
    o = rnd.choice(L); fact(CAT, o['id'])
    c = o['code']; ab = rnd.choice(ABBR.get(c, [abbr(c)])); v = num(o)
    if c == '33762-6': ab = 'NT-proBNP'
    wrong_ab = {'33914-3': 'CrCl', '4548-4': 'FBG', '14959-1': 'UPCR', '2857-1': 'free PSA', '10230-1': 'RVEF', '72106-8': 'MoCA', '33762-6': 'BNP', '21000-5': 'PDW', '32623-1': 'MCV', '777-3': 'WBC'}
    mode = rnd.choice(['value', 'analyte']) if wrong else None
    if mode == 'value': v = bad_num(o['v'], dec_of(c), rnd)
    if mode == 'analyte': ab = wrong_ab[c]
    u = vocab.VF[c][1][0]
    t, g, val = fdate(o['date'], pick_style(o['date'], rnd, ['us', 'my', 'iso', 'mdy', 'y']))
    i, s = pv('ab_special', [f"{ab} {v} {u} ({t})", f"{t}: {ab} {v} {u}", f"{ab} measured {v} {u} {on_(g)} {t}.", f"{whose(P, rnd)} {ab} was {v} {u} ({t})."], rnd)
    checks = [["code", ro(o), c] if mode != 'analyte' else ["unsupported", f"{ab} is not {label(c)}"], chk_val(ro(o), v), chk_date(ro(o), g, val)]
    why = {None: f"{ab} = {label(c)}; value {o['v']:.3f} {o['unit']} on {o['date']}", 'value': f"{label(c)} was {o['v']:.2f} {o['unit']}, not {v}",
           'analyte': f"record is {label(c)} ({o['disp']}), not {ab}"}[mode]
    return tidy(s), [co(o)], checks, why

PATTERNS = [ab_lab, ab_vitals, ab_cond, ab_med, ab_vax, ab_special]
