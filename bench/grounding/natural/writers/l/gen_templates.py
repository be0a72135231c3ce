# Templates for gen_claims.py (exec'd inside it; shares its globals). Each category function takes
# (patient, label) and returns (text, citations, facts, why[, true_ref]) or None.

def avail(p, loincs, need=1):
    return [l for l in loincs if len(vals(p, l)) >= need]

def pick_val(p, loincs, need=1):
    ls = avail(p, loincs, need)
    if not ls:
        return None
    l = pick(ls)
    o, ref, v = pick(vals(p, l))
    return l, o, ref, v

def obs_cit(o, loinc, whole=None):
    if loinc in (SBP, DBP):
        if whole is None:
            whole = R.random() < 0.5
        if whole:
            return cit('observation', o['id']), o['id']
        return cit('observation', f"{o['id']}#{o['comp'][loinc][0]}"), f"{o['id']}#{o['comp'][loinc][0]}"
    return cit('observation', o['id']), o['id']

def wdate(d, label, fuzzy=False, styles=None):
    if label == 'correct':
        w = fdate(d, R.choice(styles) if styles else None, allow_fuzzy=fuzzy)
        return w, None
    wd, desc = wrong_date(d)
    if desc in ('off by one day', 'day and month transposed'):
        st = DAYSTYLES
    elif desc == 'off by one month':
        st = DAYSTYLES + ['my', 'myl']
    else:
        st = DAYSTYLES + ['my', 'myl', 'year']
    if styles:
        st = [s for s in st if s in styles] or DAYSTYLES
    w = fdate(wd, R.choice(st))
    return w, f'record date is {d.isoformat()}, claim says {w} ({desc})'

def vstr(l, v, dec=None):
    return num(v, AN[l][3] if dec is None else dec)

def perturb(v, l):
    """clearly wrong value, plausible"""
    dec = AN[l][3]
    f = R.choice([0.8, 0.85, 1.15, 1.2, 0.75, 1.25])
    w = v * f
    if abs(w - v) < 2 * 10 ** (-dec) + 0.02 * abs(v):
        w = v + (3 * 10 ** (-dec) if R.random() < 0.5 else -3 * 10 ** (-dec))
    return w

ENC_W = {'Encounter for check up (procedure)': ['check-up', 'routine check-up', 'wellness check-up'],
         "Encounter for 'check-up'": ['check-up'], 'Encounter for symptom': ['symptom visit', 'visit for symptoms'],
         'Encounter for problem': ['problem-focused visit'], 'Emergency room admission (procedure)': ['ED attendance', 'ER visit', 'emergency room admission'],
         'Emergency Room Admission': ['ED attendance', 'ER admission'], 'Emergency Encounter': ['emergency encounter', 'emergency visit'],
         'Outpatient procedure (procedure)': ['outpatient procedure visit'], 'Asthma follow-up': ['asthma follow-up', 'asthma review'],
         'Encounter Inpatient': ['inpatient admission', 'hospital admission'], 'Follow-up encounter': ['follow-up visit'],
         'Consultation for treatment': ['treatment consultation'], 'Prenatal initial visit': ['initial prenatal visit', 'booking antenatal visit'],
         'Office Visit': ['office visit'], 'Allergic disorder initial assessment': ['initial allergy assessment'],
         'Non-urgent orthopedic admission': ['non-urgent orthopaedic admission', 'non-urgent orthopedic admission'],
         'Patient encounter procedure': ['patient encounter'], 'Death Certification': ['death certification']}
PROC_W = {'Colonoscopy': ['colonoscopy'], 'trans thoracic echocardiogram': ['TTE', 'transthoracic echo'], 'Upper arm X-ray': ['upper arm X-ray'],
          'Bone immobilization': ['bone immobilisation', 'bone immobilization'], 'Plain chest X-ray (procedure)': ['CXR', 'chest X-ray'],
          'Knee X-ray': ['knee X-ray'], 'Surgical manipulation of joint of knee': ['manipulation of the knee joint'],
          'Clavicle X-ray': ['clavicle X-ray'], 'Bone density scan (procedure)': ['DEXA scan', 'bone density scan'],
          'Throat culture (procedure)': ['throat culture', 'throat swab culture'], 'Sputum examination (procedure)': ['sputum examination'],
          'Extraction of wisdom tooth': ['wisdom tooth extraction'], 'Biopsy of prostate': ['prostate biopsy'],
          'Digital examination of rectum': ['DRE', 'digital rectal exam'], 'Suture open wound': ['wound suturing'],
          'Intramuscular injection': ['IM injection']}

def medname(m, brand_pref=None):
    g, b, s = MED_W[m['code']]
    use_b = b and (brand_pref if brand_pref is not None else R.random() < 0.5)
    return (b if use_b else g), g, b, s

def strength_var(s):
    if not s: return s
    return R.choice([s, s.replace(' mg', 'mg'), s.replace(' mg', ' MG')]) if ' mg' in s and '/' not in s else s

# ---------------------------------------------------------------- atoms (phrase, cit, facts, why-part)
def atom_obs(p, ok, loincs=None, abbr=None, with_date=True, date_styles=None):
    r = pick_val(p, loincs or (LAB + VIT + [SBP, DBP]))
    if not r: return None
    l, o, ref, v = r
    if l in (SBP, DBP):
        return atom_bp(p, ok, o=o, with_date=with_date)
    ab = abbr if abbr is not None else R.random() < 0.6
    an = a_word(l, ab)
    u = a_unit(l)
    wrongpart = None
    if ok:
        s = vstr(l, v)
    else:
        kind = R.choice(['val', 'date']) if with_date else 'val'
        if kind == 'val':
            s = vstr(l, perturb(v, l)); wrongpart = f'{an} is {vstr(l, v) or v} not {s}'
        else:
            s = vstr(l, v)
    if s is None: return None
    facts = [valfact(ref, an, s, u)]
    ph = R.choice([f'{an} {s} {u}', f'{an} {s} {u}', f'{an} of {s} {u}', f'{an} was {s} {u}'])
    if u == '%' and R.random() < 0.7:
        ph = ph.replace(f'{s} %', f'{s}%')
        facts[0]['unit'] = '%'
    if with_date:
        if ok or wrongpart:
            w, _ = wdate(o['date'], 'correct', styles=date_styles)
        else:
            w, wrongpart = wdate(o['date'], 'wrong', styles=date_styles)
        facts.append(dfact(ref, w))
        ph += R.choice([f' {on(w)}', f' ({w})', f' {on(w)}'])
    c, _ = obs_cit(o, l)
    return ph, [c], facts, wrongpart or f'{o["id"][:8]} {l} value {v:.2f} on {o["date"]}'

def atom_bp(p, ok, o=None, with_date=True):
    if o is None:
        if not p['obs'][BPP]: return None
        o = pick(p['obs'][BPP])
    s, d = o['comp'][SBP][1], o['comp'][DBP][1]
    ss, ds = num(s, 0), num(d, 0)
    if not ss or not ds or '.' in ss + ds: return None
    u = R.choice(['mmHg', 'mm Hg', 'mmHg', ''])
    wrongpart = None
    kind = R.choice(['s', 'd', 'date']) if with_date else R.choice(['s', 'd'])
    if not ok and kind == 's':
        ss2 = str(int(ss) + R.choice([-14, -12, -10, 10, 12, 16])); wrongpart = f'SBP was {ss}, not {ss2}'; ss = ss2
    if not ok and kind == 'd':
        ds2 = str(int(ds) + R.choice([-12, -10, 8, 10, 12])); wrongpart = f'DBP was {ds}, not {ds2}'; ds = ds2
    lab = R.choice(['BP', 'BP', 'blood pressure', 'B/P'])
    ph = f'{lab} {ss}/{ds}' + (f' {u}' if u else '')
    facts = [valfact(o['id'], 'SBP', ss, u or None), valfact(o['id'], 'DBP', ds, u or None)]
    if with_date:
        if not ok and kind == 'date':
            w, wrongpart = wdate(o['date'], 'wrong')
        else:
            w, _ = wdate(o['date'], 'correct')
        facts.append(dfact(o['id'], w))
        ph += R.choice([f' {on(w)}', f' ({w})'])
    return ph, [cit('observation', o['id'])], facts, wrongpart or f'BP panel {o["id"][:8]} {s:.1f}/{d:.1f} on {o["date"]}'

def atom_cond(p, ok, want=None):
    cs = [c for c in p['conds'] if c['name'] in COND_W and c['name'] != 'History of appendectomy' and (want is None or want(c))]
    if not cs: return None
    c = pick(cs)
    cw = cword(c)
    if ok:
        w, _ = wdate(c['date'], 'correct', fuzzy=True); wp = None
    else:
        w, wp = wdate(c['date'], 'wrong')
    ph = R.choice([f'{cw} diagnosed {on(w)}', f'{cw} (onset {w})', f'{cw} since {w}' if len(w) == 4 and chronic_active(c) else f'{cw}, onset {w}',
                   f'dx of {cw} {on(w)}', f'{cw} first documented {on(w)}'])
    return ph, [cit('condition', c['id'])], [{'t': 'concept', 'ref': c['id'], 'w': cw}, dfact(c['id'], w)], wp or f'condition {c["name"]} onset {c["date"]}'

def atom_med(p, ok, want=None):
    ms = [m for m in p['meds'] if m['code'] in MED_W and (want is None or want(m))]
    if not ms: return None
    m = pick(ms)
    nm, g, b, s = medname(m)
    wp = None
    kind = R.choice(['date', 'drug', 'str']) if not ok else None
    if kind == 'str' and not s: kind = 'date'
    if kind == 'drug':
        alt = WRONG_BRAND.get(g) if nm == b else None
        if alt: nm2 = pick(alt)
        elif g in WRONG_GENERIC: nm2 = WRONG_GENERIC[g]
        else: kind = 'date'
        if kind == 'drug':
            wp = f'record is {m["name"]}, not {nm2}'; nm = nm2
    if kind == 'date':
        w, wp = wdate(m['date'], 'wrong')
    else:
        w, _ = wdate(m['date'], 'correct')
    st = s
    if kind == 'str':
        st = wrong_strength(s)
        if not st: return None
        wp = f'strength is {s}, not {st}'
    facts = [{'t': 'drug', 'ref': m['id'], 'w': nm}, dfact(m['id'], w)]
    sp = ''
    if st and R.random() < 0.7:
        st = strength_var(st)
        sp = ' ' + st
        facts.append({'t': 'strength', 'ref': m['id'], 'w': st})
    ph = R.choice([f'{nm}{sp} started {on(w)}', f'{nm}{sp} prescribed {on(w)}', f'Rx {nm}{sp} ({w})', f'{nm}{sp} commenced {on(w)}',
                   f'started on {nm}{sp} {on(w)}'])
    return ph, [cit('medication', m['id'])], facts, wp or f'med {m["name"]} authored {m["date"]}'

def wrong_strength(s):
    import re
    mm = re.match(r'^([\d.]+) (mg|mg/mL|mcg/actuation)$', s)
    if not mm: return None
    x = float(mm.group(1))
    alt = {5: 10, 10: 20, 20: 40, 25: 12.5, 40: 20, 75: 300, 100: 50, 220: 550, 250: 500, 500: 1000, 325: 500, 160: 80, 30: 60,
           4: 8, 2: 10, 0.4: 0.3, 200: 400, 150: 104, 44: 110, 90: 45}.get(x)
    if alt is None: return None
    a = ('%g' % alt)
    return f'{a} {mm.group(2)}'

def atom_imm(p, ok):
    ims = [i for i in p['imms'] if i['name'] in IMM_W]
    if not ims: return None
    i = pick(ims)
    vw = pick(IMM_W[i['name']])
    if ok: w, wp = wdate(i['date'], 'correct')
    else: w, wp = wdate(i['date'], 'wrong')
    ph = R.choice([f'{vw} given {on(w)}', f'{vw} administered {on(w)}', f'received {vw} {on(w)}', f'{vw} ({w})'])
    return ph, [cit('immunization', i['id'])], [{'t': 'concept', 'ref': i['id'], 'w': vw}, dfact(i['id'], w)], wp or f'immunization {i["name"]} {i["date"]}'

def atom_enc(p, ok):
    es = [e for e in p['encs'] if e['name'] in ENC_W]
    if not es: return None
    e = pick(es)
    ew = pick(ENC_W[e['name']])
    if ok: w, wp = wdate(e['date'], 'correct', styles=DAYSTYLES)
    else: w, wp = wdate(e['date'], 'wrong', styles=DAYSTYLES)
    ph = R.choice([f'{ew} {on(w)}', f'seen for {"an" if ew[0] in "aeiouAEIOU" else "a"} {ew} {on(w)}', f'{ew} documented {on(w)}'])
    return ph, [cit('encounter', e['id'])], [{'t': 'concept', 'ref': e['id'], 'w': ew}, dfact(e['id'], w)], wp or f'encounter {e["name"]} {e["date"]}'

def atom_proc(p, ok):
    ps = [x for x in p['procs'] if x['name'] in PROC_W]
    if not ps: return None
    x = pick(ps)
    pw = pick(PROC_W[x['name']])
    if ok: w, wp = wdate(x['date'], 'correct')
    else: w, wp = wdate(x['date'], 'wrong')
    ph = R.choice([f'{pw} performed {on(w)}', f'{pw} {on(w)}', f'underwent {pw} {on(w)}', f'{pw} done {on(w)}'])
    return ph, [cit('procedure', x['id'])], [{'t': 'concept', 'ref': x['id'], 'w': pw}, dfact(x['id'], w)], wp or f'procedure {x["name"]} {x["date"]}'

def cap(s):
    return s if s.startswith('eGFR') else s[0].upper() + s[1:]

# ---------------------------------------------------------------- dates
def c_dates(p, label):
    ok = label == 'correct'
    a = R.choice([atom_cond, atom_med, atom_imm, atom_enc, atom_proc, atom_bp, atom_obs, atom_obs, atom_cond])
    if a is atom_obs:
        r = atom_obs(p, True, with_date=False)
        if not r: return None
        ph, cits, facts, why = r
        ref = facts[0]['ref'].split('#')[0]
        o = p['allobs'][ref]
        w, wp = wdate(o['date'], label, styles=DAYSTYLES + ['my', 'myl'])
        facts.append(dfact(ref, w))
        t = R.choice([f'{ph} {on(w)}.', f'{cap(w)}: {ph}.' if not w[0].isdigit() or '-' in w or '/' in w else f'{ph} ({w}).',
                      f'Labs/vitals dated {w}: {ph}.', f'{ph}, measured {on(w)}.'])
        return frame(t), cits, facts, (wp if not ok else why)
    r = a(p, ok) if a is not atom_bp else atom_bp(p, ok)
    if not r: return None
    ph, cits, facts, why = r
    if not ok and not any(f['t'] == 'date' for f in facts):
        return None
    if not ok and 'record date' not in why:
        return None  # only date errors in this category
    return frame(cap(ph) + '.'), cits, facts, why

# ---------------------------------------------------------------- abbreviations
SIB = {'18262-6': ['2085-9', '2093-3'], '2085-9': ['18262-6'], '2093-3': ['2571-8', '18262-6'], '2571-8': ['2093-3', '18262-6'],
       '2947-0': ['2069-3'], '2069-3': ['2947-0'], '6299-2': ['2339-0'], '718-7': ['4544-3'], '6690-2': ['718-7'], '49765-1': ['6298-4'],
       '6298-4': ['49765-1']}
COND_ABBR_WRONG = {'Hypertension': ['HLD', 'CHF'], 'Hyperlipidemia': ['HTN'], 'Myocardial Infarction': ['CHF', 'CVA'],
                   'Coronary Heart Disease': ['CHF', 'COPD'], 'Chronic congestive heart failure (disorder)': ['CHD', 'COPD'],
                   'Stroke': ['MI', 'TIA'], 'Diabetes': ['HTN', 'CKD'], 'Chronic kidney disease stage 1 (disorder)': ['CHF', 'COPD'],
                   'Otitis media': ['URI', 'UTI'], 'Osteoarthritis of hip': ['RA'], 'Localized, primary osteoarthritis of the hand': ['RA']}
COND_ABBR_OK = {'Hypertension': ['HTN'], 'Hyperlipidemia': ['HLD'], 'Myocardial Infarction': ['MI', 'hx MI'], 'Coronary Heart Disease': ['CHD', 'CAD'],
                'Chronic congestive heart failure (disorder)': ['CHF'], 'Stroke': ['CVA'], 'Diabetes': ['DM'],
                'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'CKD G1'], 'Otitis media': ['OM', 'AOM'],
                'Osteoarthritis of hip': ['hip OA'], 'Localized, primary osteoarthritis of the hand': ['hand OA'],
                'Neuropathy due to type 2 diabetes mellitus (disorder)': ['T2DM neuropathy'], 'Childhood asthma': ['asthma']}

def c_abbr(p, label):
    ok = label == 'correct'
    mode = R.choice(['lab', 'lab', 'lab', 'vit', 'cond'])
    if mode == 'cond':
        cs = [c for c in p['conds'] if c['name'] in COND_ABBR_OK and (ok or c['name'] in COND_ABBR_WRONG)]
        if not cs: return None
        c = pick(cs)
        ab = pick(COND_ABBR_OK[c['name']]) if ok else pick(COND_ABBR_WRONG[c['name']])
        w, _ = wdate(c['date'], 'correct', fuzzy=True)
        t = R.choice([f'PMH: {ab} ({w}).', f'{ab} dx {w}.', f'Problem list: {ab}, onset {w}.', f'Known {ab} since {w}.' if len(w) == 4 and chronic_active(c) else f'{ab}, first coded {on(w)}.',
                      f'{ab} noted {on(w)}.'])
        why = f'condition {c["name"]} onset {c["date"]}' if ok else f'cited condition is {c["name"]}, not {ab}'
        return frame(t), [cit('condition', c['id'])], [{'t': 'concept', 'ref': c['id'], 'w': ab}, dfact(c['id'], w)], why
    loincs = [l for l in (LAB if mode == 'lab' else VIT) if AN[l][0]]
    if not ok and R.random() < 0.5:
        loincs = [l for l in loincs if l in SIB]
    r = pick_val(p, loincs)
    if not r: return None
    l, o, ref, v = r
    ab = a_word(l, True)
    u = a_unit(l) if R.random() < 0.75 else None
    s = vstr(l, v)
    why = f'{l} {v:.3f} {AN[l][2][0]} on {o["date"]}'
    if not ok:
        if l in SIB and R.random() < 0.6:
            ab = a_word(pick(SIB[l]), True)
            why = f'cited obs is {AN[l][1][0]} ({v:.2f}); {ab} is a different analyte'
        else:
            s = vstr(l, perturb(v, l)); why = f'{ab} was {v:.2f}, not {s}'
    if s is None: return None
    w, _ = wdate(o['date'], 'correct')
    us = f' {u}' if u else ''
    if us == ' %': us = '%'
    t = R.choice([f'{ab} {s}{us} ({w}).', f'{cap(w) if not w[0].isdigit() else w}: {ab} {s}{us}.', f'{ab} {s}{us} on labs from {w}.',
                  f'{ab} was {s}{us} {on(w)}.', (f'Pt\'s {ab} {s}{us}, drawn {on(w)}.' if mode == 'lab' else f'Pt\'s {ab} {s}{us}, recorded {on(w)}.'), f'{ab} = {s}{us} [{w}]'])
    return frame(t), [cit('observation', o['id'])], [valfact(ref, ab, s, u), dfact(ref, w)], why

# ---------------------------------------------------------------- drug names
def c_drug(p, label):
    ok = label == 'correct'
    ms = [m for m in p['meds'] if m['code'] in MED_W and MED_W[m['code']][2] and (MED_W[m['code']][1] or not ok)]
    if not ms: return None
    m = pick(ms)
    g, b, s = MED_W[m['code']]
    kind = 'ok' if ok else R.choice(['str', 'brand', 'generic'])
    name_pair = None
    why = f'{m["name"]} (rxnorm {m["code"]})'
    st = s
    if ok:
        if b and R.random() < 0.6:
            name_pair = R.choice([f'{b} ({g})', f'{g} ({b})', b, f'{b}'])
            names = [b, g] if '(' in name_pair else [b]
        else:
            name_pair = g; names = [g]
    if kind == 'str':
        st = wrong_strength(s)
        if not st: return None
        nm = b if b and R.random() < 0.5 else g
        name_pair = nm; names = [nm]; why = f'record strength {s}, not {st}'
    if kind == 'brand':
        if g not in WRONG_BRAND: return None
        nm = pick(WRONG_BRAND[g]); name_pair = nm; names = [nm]; why = f'record is {m["name"]}; {nm} is a different drug'
    if kind == 'generic':
        if g not in WRONG_GENERIC: return None
        nm = WRONG_GENERIC[g]; name_pair = nm; names = [nm]; why = f'record is {m["name"]}, not {nm}'
    st = strength_var(st)
    w, _ = wdate(m['date'], 'correct')
    facts = [{'t': 'drug', 'ref': m['id'], 'w': n} for n in names] + [{'t': 'strength', 'ref': m['id'], 'w': st}]
    add_date = R.random() < 0.6
    if add_date:
        facts.append(dfact(m['id'], w))
    active = m['status'] == 'active'
    dp = f' {R.choice(["from", "since", "started"] if active else ["started", "prescribed", "ordered"])} {w}' if add_date else ''
    t = R.choice([f'Med rec: {name_pair} {st}{dp}.' if active else f'{name_pair} {st}{dp}.', f'{name_pair} {st}{dp}.',
                  f'Prescribed {name_pair} {st}' + (f' {on(w)}' if add_date else '') + '.',
                  f'Medication list includes {name_pair} {st}{dp}.' if active else f'Past Rx: {name_pair} {st}{dp}.',
                  f'Rx: {name_pair} {st}' + (f' ({w})' if add_date else '') + '.',
                  f'Was put on {name_pair} {st}' + (f' {on(w)}' if add_date else '') + '.',
                  f'Q: which strength of {name_pair}? A: {st}' + (f', prescribed {on(w)}' if add_date else '') + '.'])
    return t, [cit('medication', m['id'])], facts, why

# ---------------------------------------------------------------- units
UNIT_CONV = {  # loinc: [(unit, factor, offset, decimals)]
    '8331-1': [('°F', 1.8, 32, 1), ('F', 1.8, 32, 1), ('degrees Fahrenheit', 1.8, 32, 1), ('°C', 1, 0, 1), ('deg C', 1, 0, 1), ('degrees Celsius', 1, 0, 1)],
    '29463-7': [('lb', 2.20462, 0, 0), ('lbs', 2.20462, 0, 0), ('pounds', 2.20462, 0, 0), ('kg', 1, 0, 1)],
    '8302-2': [('in', 1 / 2.54, 0, 0), ('inches', 1 / 2.54, 0, 0), ('m', 0.01, 0, 2), ('cm', 1, 0, 0)],
    '2339-0': [('mmol/L', 1 / 18.016, 0, 1), ('mmol/l', 1 / 18.016, 0, 1), ('mg/dl', 1, 0, 0)],
    '2093-3': [('mmol/L', 1 / 38.67, 0, 1), ('mmol/l', 1 / 38.67, 0, 1)],
    '18262-6': [('mmol/L', 1 / 38.67, 0, 1)], '2085-9': [('mmol/L', 1 / 38.67, 0, 2)],
    '2571-8': [('mmol/L', 1 / 88.57, 0, 1)],
    '38483-4': [('µmol/L', 88.42, 0, 0), ('umol/L', 88.42, 0, 0), ('micromol/L', 88.42, 0, 0)],
    '718-7': [('g/L', 10, 0, 0), ('g/dl', 1, 0, 1)],
    '33914-3': [('mL/min/1.73m2', 1, 0, 0), ('mL/min/1.73 m²', 1, 0, 0), ('ml/min/1.73m^2', 1, 0, 0)],
    '6298-4': [('mEq/L', 1, 0, 1), ('mmol/l', 1, 0, 1)], '2947-0': [('mEq/L', 1, 0, 0)],
    '39156-5': [('kg/m²', 1, 0, 1), ('kg/m^2', 1, 0, 1)],
}
WRONG_UNIT = {'8331-1': ['°F', 'F'], '29463-7': ['lb', 'lbs'], '8302-2': ['in', 'inches'], '2339-0': ['mmol/L'], '2093-3': ['mmol/L'],
              '18262-6': ['mmol/L'], '38483-4': ['µmol/L', 'umol/L'], '718-7': ['g/L', 'mg/dL'], '33914-3': ['mL/s', 'mL/min/m'],
              '39156-5': ['kg/m', 'lb/in²'], '2571-8': ['mmol/L']}

def c_units(p, label):
    ok = label == 'correct'
    r = pick_val(p, list(UNIT_CONV) if ok else list(WRONG_UNIT))
    if not r: return None
    l, o, ref, v = r
    an = a_word(l, R.random() < 0.5)
    if ok:
        u, fac, off, dec = pick(UNIT_CONV[l])
        cv = v * fac + off
        s = num(cv, dec)
        if s is None: return None
        why = f'{v:.3f} {o["unit"]} = {cv:.3f} {u}'
    else:
        mode = R.choice(['label', 'label', 'factor']) if l in ('29463-7', '8331-1', '2339-0', '38483-4') else 'label'
        if mode == 'label':
            u = pick(WRONG_UNIT[l]); s = vstr(l, v); why = f'value {v:.2f} is in {o["unit"]}, not {u}'
        else:
            if l == '29463-7': u, cv = 'lb', v * 2.0; why = f'{v:.1f} kg is {v*2.20462:.0f} lb, not {cv:.0f} lb (x2 instead of x2.2)'
            elif l == '8331-1': u, cv = '°F', v * 1.8; why = f'{v:.1f} °C is {v*1.8+32:.1f} °F (forgot +32)'
            elif l == '2339-0': u, cv = 'mmol/L', v / 10; why = f'{v:.0f} mg/dL is {v/18.016:.1f} mmol/L, not {v/10:.1f}'
            else: u, cv = 'µmol/L', v * 8.84; why = f'{v:.2f} mg/dL is {v*88.42:.0f} µmol/L'
            s = num(cv, 0 if l in ('29463-7', '38483-4') else 1)
        if s is None: return None
    w, _ = wdate(o['date'], 'correct')
    sp = '' if u in ('%',) or (u.startswith('°') and R.random() < 0.5) else ' '
    t = R.choice([f'{an} {s}{sp}{u} ({w}).', f'{an}: {s}{sp}{u}, recorded {on(w)}.', f'{cap(an)} measured at {s}{sp}{u} {on(w)}.',
                  f'{cap(on(w))}, {an} was {s}{sp}{u}.', f'Vitals/labs {w} - {an} {s}{sp}{u}.'])
    return frame(t), [cit('observation', o['id'])], [valfact(ref, an, s, u), dfact(ref, w)], why

# ---------------------------------------------------------------- rounding
APPROX = ['about', '~', 'approximately', 'approx.', 'roughly', 'around', 'c.']
# only steps equal to the written precision (1 or 0.1): a coarser step (5, 10, 0.5) could be read two ways
ROUND_STEPS = {'29463-7': [1], '39156-5': [1], '18262-6': [1], '2093-3': [1], '2571-8': [1], '2085-9': [1],
               '33914-3': [1], '777-3': [1], '2339-0': [1], '8480-6': [1], '8462-4': [1], '8302-2': [1],
               '4548-4': [0.1, 1], '718-7': [1, 0.1], '6690-2': [1, 0.1], '4544-3': [1], '787-2': [1], '2947-0': [1],
               '38483-4': [0.1], '6298-4': [0.1]}

def c_round(p, label):
    ok = label == 'correct'
    r = pick_val(p, list(ROUND_STEPS))
    if not r: return None
    l, o, ref, v = r
    step = pick(ROUND_STEPS[l])
    q = v / step
    f = q - math.floor(q)
    if ok:
        if 0.38 <= f <= 0.62: return None
        rv = round(q) * step
        why = f'{v:.3f} rounds to {rv:g} at step {step:g}'
    else:
        if 0.62 < f <= 0.95: rv = math.floor(q) * step; why = f'{v:.3f} is truncated, not rounded: nearest {step:g} is {math.ceil(q)*step:g}'
        elif 0.05 <= f < 0.38: rv = math.ceil(q) * step; why = f'{v:.3f} rounded the wrong way: nearest {step:g} is {math.floor(q)*step:g}'
        else:
            rv = (round(q) + R.choice([-1, 1])) * step; why = f'{v:.3f} is not about {((round(q)) * step):g}+/-{step:g}; stated value off by a full step'
            if abs(rv - v) < 0.9 * step: return None
        if round(rv / step) % 5 == 0: return None  # e.g. '120' or '4.0' could be read at a coarser precision
    s = ('%d' % round(rv)) if step >= 1 else f'{rv:.1f}'
    if step < 1 and s.endswith('.0') and step == 1: s = s[:-2]
    ap = pick(APPROX)
    sp = '' if ap == '~' else ' '
    an = a_word(l, R.random() < 0.6)
    u = a_unit(l) if R.random() < 0.7 else None
    us = ('' if u == '%' else ' ') + u if u else ''
    w, _ = wdate(o['date'], 'correct', styles=DAYSTYLES + ['my', 'myl'])
    t = R.choice([f'{an} {ap}{sp}{s}{us} {on(w)}.', f'{cap(an)} was {ap}{sp}{s}{us} ({w}).', f'{w}: {an} {ap}{sp}{s}{us}.',
                  f'{an} running at {ap}{sp}{s}{us} as of {w}.', f'{an} {ap}{sp}{s}{us} (measured {w}).'])
    if l in (SBP, DBP):
        c, rref = obs_cit(o, l, whole=R.random() < 0.4)
    else:
        c, rref = cit('observation', o['id']), ref
    return frame(t), [c], [valfact(rref, an, s, u, step=step), dfact(rref.split('#')[0], w)], why

# ---------------------------------------------------------------- trends
UP = ['rose', 'increased', 'went up', 'climbed', 'trended up']
DOWN = ['fell', 'decreased', 'dropped', 'declined', 'came down', 'trended down']
STABLE = ['stable', 'unchanged', 'essentially unchanged', 'flat']
TREND_L = ['4548-4', '33914-3', '18262-6', '2093-3', '2571-8', '2085-9', '39156-5', '29463-7', '2339-0', '38483-4', '718-7', '8480-6']

def c_trend(p, label):
    ok = label == 'correct'
    ls = avail(p, TREND_L, 2)
    if not ls: return None
    l = pick(ls)
    vs = vals(p, l)
    for _ in range(20):
        a, b = sorted(R.sample(range(len(vs)), 2))
        oa, ra, va = vs[a]; ob, rb, vb = vs[b]
        if oa['date'].year == ob['date'].year: continue
        rel = (vb - va) / abs(va)
        if abs(rel) >= 0.08 or abs(rel) <= 0.02: break
    else:
        return None
    if 0.02 < abs(rel) < 0.08: return None
    actual = 'up' if rel >= 0.08 else ('down' if rel <= -0.08 else 'stable')
    an = a_word(l, R.random() < 0.6)
    u = a_unit(l)
    sa, sb = vstr(l, va), vstr(l, vb)
    if not sa or not sb: return None
    ystyles = ['year', 'my', 'myl', 'iso', 'dmy', 'mdy']
    wa = fdate(oa['date'], pick(ystyles)); wb = fdate(ob['date'], pick(ystyles))
    facts = []
    mode = R.choice(['vals', 'vals', 'delta', 'pct']) if actual != 'stable' else R.choice(['vals', 'novals'])
    claimdir = actual
    why = f'{an}: {va:.2f} ({oa["date"]}) -> {vb:.2f} ({ob["date"]}), change {rel*100:+.1f}% (stable if |change|<=3%, direction if >=5%)'
    wrongkind = None
    if not ok:
        opts = ['dir', 'dir']
        if actual != 'stable': opts += ['stable', 'delta']
        wrongkind = pick(opts)
        if wrongkind == 'dir':
            claimdir = {'up': 'down', 'down': 'up', 'stable': pick(['up', 'down'])}[actual]
            if actual == 'stable': mode = 'novals'
        elif wrongkind == 'stable':
            claimdir = 'stable'; mode = 'novals'
        else:
            mode = pick(['delta', 'pct'])
    verb = pick({'up': UP, 'down': DOWN, 'stable': STABLE}[claimdir])
    facts.append({'t': 'dir', 'from': ra, 'to': rb, 'an': an, 'w': verb})
    facts += [dfact(ra.split('#')[0], wa), dfact(rb.split('#')[0], wb)]
    us = ('' if u == '%' else ' ') + u
    if mode == 'novals':
        t = R.choice([f'{an} {verb} between {wa} and {wb}.', f'{an} has been {verb} from {wa} to {wb}.' if claimdir == 'stable' else f'{an} {verb} from {wa} to {wb}.',
                      f'Trend: {an} {verb} ({wa} vs {wb}).'])
        if claimdir == 'stable' and 'has been' not in t and 'Trend' not in t:
            t = f'{an} {verb} between {wa} and {wb}.'
    else:
        facts += [valfact(ra, an, sa, u), valfact(rb, an, sb, u)]
        if mode == 'vals':
            t = R.choice([f'{an} {verb} from {sa}{us} ({wa}) to {sb}{us} ({wb}).', f'{an} {verb}: {sa} in {wa} -> {sb}{us} in {wb}.' if len(wa) == 4 and len(wb) == 4 else f'{an} {verb} from {sa} ({wa}) to {sb}{us} ({wb}).',
                          f'Between {wa} and {wb} the {an} {verb} from {sa} to {sb}{us}.', f'{an} {sa}{us} {on(wa)}, {sb}{us} {on(wb)}: {verb}.'])
        elif mode == 'delta':
            d = abs(vb - va)
            dec = AN[l][3]
            ds = num(d, dec)
            if ds is None: return None
            if not ok and wrongkind == 'delta':
                ds2 = num(d * pick([0.5, 1.6, 2.0]) + 2 * 10 ** (-dec), dec)
                if ds2 is None or ds2 == ds or abs(float(ds2) - d) < max(1.5 * 10 ** (-dec), 0.2 * d): return None
                why += f'; difference is {d:.2f}, not {ds2}'; ds = ds2
            facts.append({'t': 'delta', 'from': ra, 'to': rb, 'an': an, 'v': ds, 'unit': u, 'kind': 'abs'})
            t = R.choice([f'{an} {verb} by {ds}{us} between {wa} ({sa}) and {wb} ({sb}).', f'{an} {sa} -> {sb}{us} ({wa} to {wb}), {verb} by {ds}.',
                          f'From {wa} to {wb}, {an} {verb} {ds}{us} (from {sa} to {sb}).'])
        else:
            pc = abs(rel) * 100
            if 0.38 <= pc - math.floor(pc) <= 0.62: return None
            ps = str(round(pc))
            if not ok and wrongkind == 'delta':
                ps = str(round(pc * pick([0.5, 1.7, 2.2])) + 3)
                if abs(int(ps) - pc) < max(2, 0.2 * pc): return None
                why += f'; relative change is {pc:.1f}%, not {ps}%'
            facts.append({'t': 'delta', 'from': ra, 'to': rb, 'an': an, 'v': ps, 'unit': '%', 'kind': 'pct'})
            t = R.choice([f'{an} {verb} {ps}% from {sa} ({wa}) to {sb}{us} ({wb}).', f'{an}: {sa} ({wa}) vs {sb}{us} ({wb}), i.e. {verb} by about {ps}%.',
                          f'Between {wa} and {wb}, {an} {verb} from {sa} to {sb}{us}, a change of {ps}%.'])
    if not ok and wrongkind != 'delta':
        why += f'; claim says {verb}'
    ca = cit('observation', ra.split('#')[0]) if '#' not in ra or R.random() < 0.5 else cit('observation', ra)
    cb = cit('observation', rb.split('#')[0]) if '#' not in rb or R.random() < 0.5 else cit('observation', rb)
    return frame(t, ['', '', 'Pre-visit summary: ', 'Trend review: ', 'Assistant: ', 'Handover: ', 'Referral letter: ', '• ']), [ca, cb], facts, why

# ---------------------------------------------------------------- two facts
def c_two(p, label):
    ok = label == 'correct'
    atoms = [atom_cond, atom_med, atom_imm, atom_obs, atom_bp, atom_obs, atom_proc, atom_enc]
    a1, a2 = R.sample(atoms, 2)
    bad = R.choice([0, 1]) if not ok else -1
    r1 = a1(p, bad != 0); r2 = a2(p, bad != 1)
    if not r1 or not r2: return None
    if r1[1] == r2[1]: return None
    if not ok:
        wr = (r1, r2)[bad]
        if wr[3].startswith(('BP panel', 'condition ', 'med ', 'immunization ', 'encounter ', 'procedure ')) or wr[3][8:9] == ' ' and 'value' in wr[3]:
            return None
    j = R.choice(['; ', ' and ', ', and ', '. ', ' - also ', '; in addition, '])
    s2 = r2[0]
    t = cap(r1[0]) + j + (cap(s2) if j == '. ' else s2) + '.'
    why = (r1[3] + ' | ' + r2[3]) if ok else ('false: ' + (r1, r2)[bad][3])
    return frame(t), r1[1] + r2[1], r1[2] + r2[2], why

# ---------------------------------------------------------------- negation
NEG_COND = {'asthma': ['asthma'], 'COPD': ['copd', 'chronic obstructive'], 'heart failure': ['heart failure'],
            'diabetes': ['diabet'], 'hypertension': ['hypertension'], 'myocardial infarction': ['myocardial infarction'],
            'stroke': ['stroke'], 'chronic kidney disease': ['chronic kidney disease'], 'epilepsy': ['epilepsy', 'seizure'],
            'cancer': ['carcinoma', 'malignan', 'neoplasm', 'cancer'], 'osteoporosis': ['osteoporosis'],
            'atrial fibrillation': ['atrial fibrillation'], 'depression': ['depressi'], 'hypothyroidism': ['hypothyroid'],
            'osteoarthritis': ['osteoarthritis'], 'anaemia': ['anemia', 'anaemia'], 'hyperlipidaemia': ['hyperlipid'],
            'appendicitis': ['appendic'], 'obesity': ['obesity'], 'Alzheimer\'s disease': ['alzheimer']}
NEG_MED = {'anticoagulant': ['warfarin', 'apixaban', 'rivaroxaban', 'dabigatran', 'heparin', 'enoxaparin', 'edoxaban'],
           'statin': ['statin', 'simvistatin'], 'insulin': ['insulin'], 'metformin': ['metformin'],
           'opioid': ['oxycodone', 'hydrocodone', 'morphine', 'codeine', 'tramadol', 'fentanyl'],
           'beta-blocker': ['metoprolol', 'atenolol', 'propranolol', 'carvedilol', 'bisoprolol'],
           'antiplatelet': ['clopidogrel', 'aspirin', 'ticagrelor', 'prasugrel'], 'diuretic': ['furosemide', 'lasix', 'hydrochlorothiazide', 'chlorthalidone'],
           'inhaled steroid': ['fluticasone', 'budesonide', 'beclomethasone'], 'antihistamine': ['fexofenadine', 'diphenhydramine', 'cetirizine', 'loratadine']}

def chart_has(p, terms, kinds=('conds',)):
    hits = []
    for k in kinds:
        for x in p[k]:
            if any(t in x['name'].lower() for t in terms):
                hits.append(x)
    return hits

def obs_suggests(p, x):
    """results anywhere in the chart that would make 'no X' debatable"""
    def anyv(l, f, adult=18):
        return any(f(v) and age_at(p, o['date']) >= adult for o, _, v in vals(p, l))
    return {'obesity': lambda: anyv('39156-5', lambda v: v >= 30, 20),
            'hypertension': lambda: anyv(SBP, lambda v: v >= 130) or anyv(DBP, lambda v: v >= 80),
            'diabetes': lambda: anyv('4548-4', lambda v: v >= 6.5, 0) or anyv('2339-0', lambda v: v >= 126, 0),
            'chronic kidney disease': lambda: anyv('33914-3', lambda v: v < 60, 0),
            'anaemia': lambda: anyv('718-7', lambda v: v < 12, 0),
            'hyperlipidaemia': lambda: anyv('18262-6', lambda v: v >= 160, 0) or anyv('2093-3', lambda v: v >= 240, 0)}.get(x, lambda: False)()

def c_neg(p, label):
    ok = label == 'correct'
    mode = R.choice(['cond', 'cond', 'med', 'allergy'])
    pc = cit('patient', p['id']); pc['record'] = 'patient'
    if mode == 'allergy':
        has = bool(p['alls'])
        if ok == has: return None
        t = R.choice(['No known allergies.', 'NKA.', 'Allergies: none recorded.', 'No allergies documented on the chart.',
                      'Allergy list is empty - no known allergies.', 'Q: any allergies? A: none on file.'])
        why = 'no AllergyIntolerance in the bundle' if ok else f'{len(p["alls"])} allergies recorded, e.g. {p["alls"][0]["name"]}'
        cits = [pc] + ([cit('allergy', p['alls'][0]['id'])] if has and R.random() < 0.5 else [])
        return frame(t, ['', '', 'Pre-visit summary: ', 'Handover: ', 'Referral letter: ']), cits, [{'t': 'absent', 'kind': 'allergy', 'w': 'allergies'}], why
    if mode == 'cond':
        x = pick(list(NEG_COND))
        hits = chart_has(p, NEG_COND[x], ('conds',))
        if x == 'cancer' and chart_has(p, ['docetaxel', 'oxaliplatin', 'leuprolide', 'leucovorin', 'polyp'], ('meds', 'conds')): return None
        if x == 'diabetes' and not ok:
            hits = [h for h in hits if 'prediabetes' not in h['name'].lower()]
        # be conservative: for correct, the term must not occur in any condition, med or allergy
        if ok and (hits or chart_has(p, NEG_COND[x], ('meds', 'alls')) or obs_suggests(p, x)): return None
        if not ok and not hits: return None
        t = R.choice([f'No history of {x}.', f'No {x} on the problem list.', f'PMH negative for {x}.', f'Never diagnosed with {x}.',
                      f'No record of {x}.', f'{cap(x)}: none documented.', f'Denies {x}.', f'No prior {x}.', f'No diagnosis of {x} anywhere in the chart.'])
        why = f'no condition matching {x} in chart' if ok else f'chart has {hits[0]["name"]} (onset {hits[0]["date"]})'
        cits = [pc] + ([cit('condition', hits[0]['id'])] if hits and R.random() < 0.5 else [])
        return frame(t, ['', '', 'Pre-visit summary: ', 'PMH: ', 'Handover: ', 'Referral letter: ', 'Assistant: ']), cits, [{'t': 'absent', 'kind': 'condition', 'w': x}], why
    x = pick(list(NEG_MED))
    hits = chart_has(p, NEG_MED[x], ('meds',))
    act = [m for m in hits if m['status'] == 'active']
    if ok and hits: return None
    if not ok and not act: return None
    art = '' if x in ('insulin', 'metformin') else ('an ' if x[0] in 'aeiou' else 'a ')
    t = R.choice([f'Not on {x}.' if not art else f'Not on any {x}.', f'Not taking {art}{x}.', f'No {x} on the medication list.',
                  f'Med rec: no {x}.', f'No {x} therapy.', f'Q: is the patient on {art}{x}? A: no.'])
    why = f'no medication matching {x} ever prescribed' if ok else f'active {act[0]["name"]} since {act[0]["date"]}'
    cits = [pc] + ([cit('medication', act[0]['id'])] if act and R.random() < 0.5 else [])
    return frame(t, ['', '', 'Pre-visit summary: ', 'Handover: ', 'Assistant: ']), cits, [{'t': 'absent', 'kind': 'medication', 'w': x}], why

# ---------------------------------------------------------------- status
def c_status(p, label):
    ok = label == 'correct'
    mode = R.choice(['cond', 'med', 'smoke', 'cond', 'med'])
    if mode == 'smoke':
        if not p['smoke']: return None
        o = p['smoke'][-1]
        actual = o['cc'].lower()
        cands = ['never smoker', 'former smoker', 'current smoker']
        w = actual if ok else pick([c for c in cands if c != actual])
        if ok and R.random() < 0.3:
            w = {'never smoker': 'lifelong non-smoker', 'former smoker': 'ex-smoker'}.get(actual, actual)
        wd, _ = wdate(o['date'], 'correct')
        t = R.choice([f'Smoking status: {w} (documented {wd}).', f'{cap(w)} per the {wd} social history.', f'SH: {w} as of {wd}.',
                      f'Tobacco: {w} (recorded {on(wd)}).'])
        return frame(t, ['', '', 'Pre-visit summary: ', 'Handover: ']), [cit('observation', o['id'])], [{'t': 'smoke', 'ref': o['id'], 'w': w}, dfact(o['id'], wd)], f'smoking obs {o["date"]}: {o["cc"]}'
    if mode == 'cond':
        cs = [c for c in p['conds'] if c['name'] in COND_W and c['name'] not in EVENTS]
        if not cs: return None
        c = pick(cs)
        cw = cword(c)
        st = c['status'] if ok else {'active': 'resolved', 'resolved': 'active'}[c['status']]
        w, _ = wdate(c['date'], 'correct', fuzzy=True)
        if st == 'active':
            t = R.choice([f'{cw} remains active on the problem list (onset {w}).', f'Active problem: {cw}, since {w}.', f'{cw} - active, dx {w}.',
                          f'Ongoing {cw} (first recorded {w}).'])
        else:
            t = R.choice([f'{cw} ({w}) has resolved.', f'{cw} from {w} - resolved.', f'Resolved: {cw}, {w}.', f'{cw} episode of {w}, now resolved.'])
        why = f'{c["name"]} clinicalStatus {c["status"]}' + ('' if ok else f', claim says {st}')
        return frame(t, ['', '', 'Problem list: ', 'Pre-visit summary: ', 'Handover: ']), [cit('condition', c['id'])], [{'t': 'concept', 'ref': c['id'], 'w': cw}, {'t': 'status', 'ref': c['id'], 'w': st}, dfact(c['id'], w)], why
    ms = [m for m in p['meds'] if m['code'] in MED_W]
    if not ms: return None
    m = pick(ms)
    nm, g, b, s = medname(m)
    st = m['status'] if ok else {'active': 'stopped', 'stopped': 'active'}[m['status']]
    w, _ = wdate(m['date'], 'correct')
    if st == 'active':
        t = R.choice([f'{nm} is listed as active (prescribed {w}).', f'Active med: {nm}, started {w}.', f'Still on {nm} (ordered {on(w)}) per the med list.',
                      f'{nm}: active prescription from {w}.'])
    else:
        t = R.choice([f'{nm} (prescribed {w}) has been stopped.', f'{nm}, started {w}, since discontinued.', f'Discontinued: {nm} ({w}).',
                      f'{nm} from {w} is no longer active - stopped.'])
    why = f'{m["name"]} status {m["status"]}' + ('' if ok else f', claim says {st}')
    return frame(t, ['', '', 'Med rec: ', 'Pre-visit summary: ', 'Handover: ']), [cit('medication', m['id'])], [{'t': 'drug', 'ref': m['id'], 'w': nm}, {'t': 'status', 'ref': m['id'], 'w': st}, dfact(m['id'], w)], why

# ---------------------------------------------------------------- latest
LATEST_L = ['4548-4', '33914-3', '18262-6', '2093-3', '2085-9', '2571-8', '39156-5', '29463-7', '718-7', '2339-0', '38483-4', '6298-4', '8302-2', SBP]

def c_latest(p, label):
    ok = label == 'correct'
    if R.random() < 0.15:
        es = sorted(p['encs'], key=lambda e: e['dt'])
        if es and es[-1]['name'] == 'Death Certification': return None
        if len(es) < 2 or es[-1]['date'] == es[-2]['date'] or es[-1]['name'] not in ENC_W: return None
        e = es[-1] if ok else pick(es[:-1])
        if e['date'] == es[-1]['date'] or e['name'] not in ENC_W:
            if not ok: return None
        ew = pick(ENC_W[e['name']])
        w, _ = wdate(e['date'], 'correct', styles=DAYSTYLES)
        t = R.choice([f'Last visit: {ew} {on(w)}.', f'Most recent encounter was {"an" if ew[0] in "aeiouAEIOU" else "a"} {ew} {on(w)}.', f'Last seen {on(w)} ({ew}).'])
        why = f'latest encounter {es[-1]["date"]}' + ('' if ok else f'; cited {e["date"]} is older')
        return frame(t, ['', '', 'Pre-visit summary: ', 'Handover: ']), [cit('encounter', e['id'])], [{'t': 'latest_enc', 'ref': e['id']}, {'t': 'concept', 'ref': e['id'], 'w': ew}, dfact(e['id'], w)], why
    ls = avail(p, LATEST_L, 2)
    if not ls: return None
    l = pick(ls)
    key = BPP if l == SBP else l
    allo = sorted(p['obs'][key], key=lambda o: o['dt'])
    if allo[-1]['date'] == allo[-2]['date']: return None
    vs = vals(p, l)
    if ok:
        o, ref, v = vs[-1]
        if o['id'] != allo[-1]['id']: return None
    else:
        o, ref, v = pick(vs[:-1])
        if o['date'] == allo[-1]['date']: return None
    w, _ = wdate(o['date'], 'correct')
    if l == SBP:
        ss, ds = num(o['comp'][SBP][1], 0), num(o['comp'][DBP][1], 0)
        if not ss or not ds: return None
        facts = [{'t': 'latest', 'ref': o['id'], 'an': 'BP'}, valfact(o['id'], 'SBP', ss, 'mmHg'), valfact(o['id'], 'DBP', ds, 'mmHg'), dfact(o['id'], w)]
        val = f'{ss}/{ds} mmHg'; an = 'BP'
    else:
        an = a_word(l, R.random() < 0.6); u = a_unit(l); s = vstr(l, v)
        if not s: return None
        facts = [{'t': 'latest', 'ref': o['id'], 'an': an}, valfact(ref, an, s, u), dfact(o['id'], w)]
        val = f'{s}{"" if u == "%" else " "}{u}'
    lw = pick(['latest', 'most recent', 'last', 'newest'])
    t = R.choice([f'{cap(lw)} {an}: {val} ({w}).', f'The {lw} {an} on file is {val}, from {w}.', f'{an} ({lw}, {w}) {val}.',
                  f'Most recent {an} {val} {on(w)}.' if lw == 'most recent' else f'{cap(lw)} {an} was {val} {on(w)}.'])
    why = f'latest {key} obs is {allo[-1]["date"]}' + ('' if ok else f'; cited one is from {o["date"]}')
    return frame(t, ['', '', 'Pre-visit summary: ', 'Handover: ', 'Assistant: ', 'Results: ']), [cit('observation', o['id'])], facts, why

# ---------------------------------------------------------------- swapped
SWAP_PAIRS = [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('2947-0', '2069-3'), ('6299-2', '2339-0'), ('718-7', '4544-3'), ('2085-9', '2571-8')]

def c_swap(p, label):
    ok = label == 'correct'
    mode = R.choice(['bp', 'bp', 'pair', 'pair', 'years'])
    if mode == 'bp':
        if not p['obs'][BPP]: return None
        o = pick(p['obs'][BPP])
        ss, ds = num(o['comp'][SBP][1], 0), num(o['comp'][DBP][1], 0)
        if not ss or not ds or '.' in ss + ds or int(ss) - int(ds) < 15: return None
        a, b = (ss, ds) if ok else (ds, ss)
        w, _ = wdate(o['date'], 'correct')
        u = pick(['mmHg', 'mm Hg', 'mm[Hg]'])
        t = R.choice([f'BP {a}/{b} {u} ({w}).', f'SBP {a}, DBP {b} {u} {on(w)}.', f'{cap(on(w))}: blood pressure {a}/{b}.',
                      f'Systolic {a} and diastolic {b} {u} at the {w} visit.', f'BP {a}/{b} on {w}.' if on(w).startswith('on') else f'BP {a}/{b} ({w}).'])
        uu = u if u in t else None
        facts = [valfact(o['id'], 'SBP', a, uu), valfact(o['id'], 'DBP', b, uu), dfact(o['id'], w)]
        why = f'SBP {o["comp"][SBP][1]:.1f}, DBP {o["comp"][DBP][1]:.1f}' + ('' if ok else ' - systolic and diastolic swapped')
        return frame(t), [cit('observation', o['id'])], facts, why
    if mode == 'pair':
        prs = [(x, y) for x, y in SWAP_PAIRS if vals(p, x) and vals(p, y)]
        if not prs: return None
        x, y = pick(prs)
        ox, rx, vx = pick(vals(p, x))
        oy = [q for q in vals(p, y) if q[0]['date'] == ox['date']]
        if not oy: return None
        oy, ry, vy = oy[0]
        sx, sy = vstr(x, vx), vstr(y, vy)
        if not sx or not sy or abs(vx - vy) < 0.1 * max(abs(vx), abs(vy)): return None
        a, b = (sx, sy) if ok else (sy, sx)
        ax, ay = a_word(x, True), a_word(y, True)
        ux, uy = a_unit(x), a_unit(y)
        w, _ = wdate(ox['date'], 'correct')
        t = R.choice([f'{ax} {a} {ux}, {ay} {b} {uy} ({w}).', f'Labs {w}: {ax} {a}, {ay} {b}.', f'{cap(on(w))}, {ax} was {a} {ux} and {ay} {b} {uy}.',
                      f'{ax}/{ay} {a}/{b} {on(w)}.'])
        uxx = ux if ux in t else None; uyy = uy if uy in t else None
        facts = [valfact(rx, ax, a, uxx), valfact(ry, ay, b, uyy), dfact(rx, w), dfact(ry, w)]
        why = f'{x}={vx:.2f}, {y}={vy:.2f}' + ('' if ok else ' - values swapped between the two analytes')
        return frame(t), [cit('observation', rx), cit('observation', ry)], facts, why
    ls = avail(p, ['4548-4', '33914-3', '18262-6', '2093-3', '39156-5', '29463-7', '2571-8'], 2)
    if not ls: return None
    l = pick(ls)
    vs = vals(p, l)
    a_, b_ = sorted(R.sample(range(len(vs)), 2))
    oa, ra, va = vs[a_]; ob, rb, vb = vs[b_]
    if oa['date'].year == ob['date'].year: return None
    sa, sb = vstr(l, va), vstr(l, vb)
    if not sa or not sb or sa == sb or abs(va - vb) < 0.05 * abs(va): return None
    ya, yb = str(oa['date'].year), str(ob['date'].year)
    if not ok:
        ya, yb = yb, ya
    an = a_word(l, R.random() < 0.6); u = a_unit(l)
    us = ('' if u == '%' else ' ') + u
    t = R.choice([f'{an}: {sa}{us} ({ya}) -> {sb}{us} ({yb}).', f'{an} {sa} in {ya} and {sb}{us} in {yb}.', f'{an} was {sa}{us} in {ya}; {sb}{us} in {yb}.',
                  f'{ya} {an} {sa}, {yb} {an} {sb}{us}.'])
    facts = [valfact(ra, an, sa, u if u in t else None), dfact(ra, ya), valfact(rb, an, sb, u if u in t else None), dfact(rb, yb)]
    why = f'{va:.2f} in {oa["date"].year}, {vb:.2f} in {ob["date"].year}' + ('' if ok else ' - the two years are swapped')
    return frame(t), [cit('observation', ra), cit('observation', rb)], facts, why

# ---------------------------------------------------------------- wrong citation
def c_wcit(p, label):
    ok = label == 'correct'
    mode = R.choice(['sib', 'otherdate', 'bpwt', 'cond', 'medcond'])
    if mode in ('cond', 'medcond'):
        if mode == 'cond':
            r = atom_cond(p, True)
            if not r: return None
            ph, cits, facts, why = r
            ref = facts[0]['ref']
            c0 = [c for c in p['conds'] if c['id'] == ref][0]
            others = [c for c in p['conds'] if c['name'] != c0['name'] and c['date'] != c0['date']]
            kind = 'condition'
        else:
            r = atom_med(p, True)
            if not r: return None
            ph, cits, facts, why = r
            ref = facts[0]['ref']
            m0 = [m for m in p['meds'] if m['id'] == ref][0]
            others = [c for c in p['conds'] if c['date'] != m0['date']]
            kind = 'condition'
            if ok: others = [1]
        if not others: return None
        t = frame(cap(ph) + '.')
        if ok:
            return t, cits, facts, why
        wr = pick(others)
        return t, [cit(kind, wr['id'])], [dict(f, ref=wr['id']) for f in facts], f'fact is true of {ref} but cites {kind} {wr["id"]} ({wr["name"]}, {wr["date"]})', {wr['id']: ref}
    if mode == 'bpwt':
        r = atom_bp(p, True)
        if not r: return None
        ph, cits, facts, why = r
        ref = facts[0]['ref']
        o = p['allobs'][ref]
        wt = [x for x in p['obs']['29463-7'] if x['date'] == o['date']]
        if not wt: return None
        if ok: return frame(cap(ph) + '.'), cits, facts, why
        wr = wt[0]['id']
        return frame(cap(ph) + '.'), [cit('observation', wr)], [dict(f, ref=wr) for f in facts], f'BP is in panel {ref}; cited record is the body weight observation', {wr: ref}
    r = pick_val(p, [l for l in LAB + VIT if (l in SIB if mode == 'sib' else True)], 2 if mode == 'otherdate' else 1)
    if not r: return None
    l, o, ref, v = r
    an = a_word(l, R.random() < 0.6); u = a_unit(l); s = vstr(l, v)
    if not s: return None
    w, _ = wdate(o['date'], 'correct')
    us = ('' if u == '%' else ' ') + u
    t = R.choice([f'{an} {s}{us} {on(w)}.', f'{an}: {s}{us} ({w}).', f'{cap(on(w))}, {an} {s}{us}.', f'{an} measured {s}{us} {on(w)}.'])
    facts = [valfact(ref, an, s, u), dfact(ref, w)]
    why = f'{l} {v:.3f} on {o["date"]}'
    if ok:
        return frame(t), [cit('observation', ref)], facts, why
    if mode == 'sib':
        cand = [q for y in SIB[l] for q in vals(p, y) if q[0]['date'] == o['date']]
        if not cand: return None
        wo = pick(cand)[0]
        desc = f'cites the {wo["loinc"]} result of the same day instead of the {l} one'
    else:
        stp = 10 ** (-(len(s.split('.')[1]) if '.' in s else 0))
        cand = [q for q in vals(p, l) if q[0]['date'] != o['date'] and abs(q[2] - v) >= 3 * stp]
        if not cand: return None
        wo = pick(cand)[0]
        desc = f'cites the {wo["date"]} {l} result instead of the {o["date"]} one'
    return frame(t), [cit('observation', wo['id'])], [dict(f, ref=wo['id']) for f in facts], desc, {wo['id']: ref}

# ---------------------------------------------------------------- interpretation
INTERP = {  # loinc: list of (label words, lo, hi) ; adult-only for BMI/BP
    '39156-5': [(['underweight'], 0, 18.5), (['normal weight', 'healthy weight', 'in the normal range'], 18.5, 25), (['overweight'], 25, 30), (['obese', 'in the obese range', 'obesity range'], 30, 999)],
    '4548-4': [(['normal', 'in the normal range'], 0, 5.7), (['prediabetic range', 'in the prediabetes range'], 5.7, 6.5), (['diabetic range', 'in the diabetes range'], 6.5, 99)],
    '33914-3': [(['G1 (normal or high)', 'KDIGO G1'], 90, 999), (['G2 (mildly decreased)', 'KDIGO G2'], 60, 90), (['G3a'], 45, 60), (['G3b'], 30, 45), (['G4'], 15, 30)],
    '18262-6': [(['optimal'], 0, 100), (['near optimal'], 100, 130), (['borderline high'], 130, 160), (['high'], 160, 190), (['very high'], 190, 999)],
    '2093-3': [(['desirable'], 0, 200), (['borderline high'], 200, 240), (['high'], 240, 999)],
    '2571-8': [(['normal'], 0, 150), (['borderline high'], 150, 200), (['high'], 200, 500)],
}
BPCAT = [('normal', lambda s, d: s < 120 and d < 80), ('elevated', lambda s, d: 120 <= s < 130 and d < 80),
         ('stage 1 hypertension', lambda s, d: (130 <= s < 140 or 80 <= d < 90) and s < 140 and d < 90),
         ('stage 2 hypertension', lambda s, d: s >= 140 or d >= 90)]
THR_NAME = {'39156-5': 'WHO adult BMI categories', '4548-4': 'ADA HbA1c criteria', '33914-3': 'KDIGO eGFR categories',
            '18262-6': 'NCEP ATP III LDL categories', '2093-3': 'NCEP ATP III total cholesterol', '2571-8': 'NCEP ATP III triglycerides'}

def c_interp(p, label):
    ok = label == 'correct'
    if R.random() < 0.3:
        bps = [o for o in p['obs'][BPP] if age_at(p, o['date']) >= 20]
        if not bps: return None
        o = pick(bps)
        s, d = o['comp'][SBP][1], o['comp'][DBP][1]
        if any(abs(s - c) < 2.5 for c in (120, 130, 140)) or any(abs(d - c) < 2 for c in (80, 90)): return None
        actual = [n for n, f in BPCAT if f(s, d)][0]
        ss, ds = num(s, 0), num(d, 0)
        if not ss or not ds or '.' in ss + ds: return None
        if ok:
            w = actual
            if actual.startswith('stage') and R.random() < 0.3: w = 'hypertensive range'
        else:
            w = pick([n for n, f in BPCAT if n != actual] + (['hypertensive range'] if not actual.startswith('stage') else ['normal']))
        wd, _ = wdate(o['date'], 'correct')
        t = R.choice([f'BP {ss}/{ds} {on(wd)} - {w} by ACC/AHA 2017.', f'{cap(on(wd))} BP was {ss}/{ds} mmHg, {w}.', f'BP {ss}/{ds} ({wd}): {w}.',
                      f'Blood pressure of {ss}/{ds} mm Hg {on(wd)} falls in the {w} category.'])
        why = f'ACC/AHA 2017: {s:.1f}/{d:.1f} is {actual}' + ('' if ok else f', not {w}')
        return frame(t), [cit('observation', o['id'])], [valfact(o['id'], 'SBP', ss, None), valfact(o['id'], 'DBP', ds, None), {'t': 'interp', 'ref': o['id'], 'an': 'BP', 'w': w}, dfact(o['id'], wd)], why
    r = pick_val(p, list(INTERP))
    if not r: return None
    l, o, ref, v = r
    if l == '39156-5' and age_at(p, o['date']) < 20: return None
    cats = INTERP[l]
    cuts = [c[1] for c in cats] + [c[2] for c in cats]
    if any(abs(v - c) < 0.025 * c for c in cuts if 0 < c < 900): return None
    act = [c for c in cats if c[1] <= v < c[2]]
    if not act: return None
    act = act[0]
    if ok:
        w = pick(act[0])
    else:
        i = cats.index(act)
        nb = [cats[j] for j in (i - 1, i + 1) if 0 <= j < len(cats)]
        w = pick(pick(nb)[0])
    an = a_word(l, R.random() < 0.7); u = a_unit(l); s = vstr(l, v)
    if not s: return None
    us = ('' if u == '%' else ' ') + u
    wd, _ = wdate(o['date'], 'correct')
    t = R.choice([f'{an} {s}{us} {on(wd)} - {w}.', f'{an} of {s}{us} ({wd}) is {w}.', f'{cap(on(wd))}, {an} {s}{us}: {w}.',
                  f'{an} {s}{us} ({wd}), {w} per {THR_NAME[l]}.', f'Assessment: {an} {s}{us} {on(wd)}, {w}.'])
    why = f'{THR_NAME[l]}: {v:.2f} is {act[0][0]}' + ('' if ok else f', not {w}')
    return frame(t, ['', '', 'A/P: ', 'Pre-visit summary: ', 'Assistant: ']), [cit('observation', o['id'])], [valfact(ref, an, s, u), {'t': 'interp', 'ref': ref, 'an': an, 'w': w}, dfact(ref, wd)], why

CATS = [('dates', c_dates), ('abbreviations', c_abbr), ('drug-names', c_drug), ('units', c_units), ('rounding', c_round),
        ('trends', c_trend), ('two-facts', c_two), ('negation', c_neg), ('status', c_status), ('latest', c_latest),
        ('swapped', c_swap), ('wrong-citation', c_wcit), ('interpretation', c_interp)]
