# category builders; exec'd inside gen.py (shares its namespace)

def fill(cat, builder, n=N):
    got = {'correct': 0, 'wrong': 0}; tries = 0; seen = set()
    while (got['correct'] < n or got['wrong'] < n) and tries < 20000:
        tries += 1
        p = next(PC)
        lab = 'correct' if got['correct'] < n and (got['wrong'] >= n or R.random() < 0.5) else 'wrong'
        r = builder(p, lab == 'wrong')
        if not r: continue
        text, cits, why, fl = r
        if text in seen: continue
        seen.add(text)
        add(p, text, cits, lab, cat, why, fl); got[lab] += 1
    assert got['correct'] == n and got['wrong'] == n, (cat, got, tries)

# ---------------------------------------------------------------- dates
def b_dates(p, wrong):
    kind = R.choice(['cond', 'med', 'obs', 'imm', 'enc', 'obs', 'bp'])
    err = R.choice(['day', 'month', 'year', 'dm']) if wrong else None
    def mkdate(iso):
        if err == 'dm':
            y, m, d = iso[:4], int(iso[5:7]), int(iso[8:10])
            if d > 12 or d == m: return None
            # day/month confusion, written unambiguously with the month in words
            sw = '%s-%02d-%02d' % (y, d, m)
            t, g = fdate(sw, R.choice(['dmy_txt', 'mdy_txt', 'long', 'the']))
            return t, sw, g, 'day and month swapped (record %s)' % iso
        use = shift(iso, err) if err else iso
        if err == 'day' or err == 'month':
            t, g = fdate(use, R.choice(['iso', 'us', 'dmy_txt', 'mdy_txt', 'long', 'the']))
        else:
            t, g = fdate(use, R.choice(['iso', 'us', 'dmy_txt', 'mdy_txt', 'long', 'the'] + (['month', 'year'] if kind in ('cond', 'med') else [])))
        return t, use, g, ('off by one %s: record %s' % (err, iso)) if err else 'date ' + iso
    alld = {x['date'] for x in p.encs + p.imms + p.conds + p.meds} | {o['date'] for l in p.obs for o in p.obs[l]} | {b['date'] for b in p.bp}
    _mk = mkdate
    def mkdate(iso):
        r = _mk(iso)
        if r and err and r[1] in alld: return None
        return r
    if kind == 'cond':
        cs = [c for c in p.conds if c['name'] in COND_NAMES]
        if not cs: return None
        c = R.choice(cs); md = mkdate(c['date'])
        if not md: return None
        t, use, g, w = md; n = R.choice(COND_NAMES[c['name']])
        fr = R.choice(['%s diagnosed %s%s.', 'Onset of %s: %s%s.', 'Per the chart, %s was first recorded %s%s.',
                       '- %s (onset %s%s)', 'Problem list shows %s with onset %s%s.', 'Of note, %s dates back to %s%s.'])
        pre = '' if fr.startswith('Onset') or '(onset' in fr or 'dates back' in fr else ('on ' if g == 'd' else 'in ')
        text = fr % (n, pre, t)
        return text, [cite('condition', c['id'])], '%s onsetDateTime; %s' % (c['name'], w), [dict(t='name', rec=c['id'], kw=COND_KW[c['name']]), dfact('condition', c['id'], use, g, t)]
    if kind == 'med':
        if not p.meds: return None
        m = R.choice(p.meds); g0 = drug_generic(m['name'])
        if not g0: return None
        md = mkdate(m['date'])
        if not md: return None
        t, use, g, w = md
        fr = R.choice(['%s was started %s%s.', '%s prescribed %s%s.', 'Started on %s %s%s.', '- %s, ordered %s%s', 'Rx for %s written %s%s.'])
        pre = 'on ' if g == 'd' else 'in '
        text = fr % (g0[0], pre, t)
        text = text[0].upper() + text[1:]
        return text, [cite('medication', m['id'])], '%s authoredOn; %s' % (m['name'], w), [dict(t='name', rec=m['id'], kw=g0[1]), dfact('medication', m['id'], use, g, t)]
    if kind == 'imm':
        if not p.imms: return None
        im = R.choice(p.imms); v = vacc_name(im['name'])
        if not v: return None
        md = mkdate(im['date'])
        if not md: return None
        t, use, g, w = md
        fr = R.choice(['%s vaccine given %s%s.', 'Received %s immunisation %s%s.', 'Immunization: %s, %s%s.', '%s shot administered %s%s.'])
        pre = 'on ' if g == 'd' and 'Immunization:' not in fr else ('in ' if 'Immunization:' not in fr else '')
        text = fr % (v[0], pre, t); text = text[0].upper() + text[1:]
        return text, [cite('immunization', im['id'])], '%s occurrenceDateTime; %s' % (im['name'], w), [dict(t='name', rec=im['id'], kw=v[1]), dfact('immunization', im['id'], use, g, t)]
    if kind == 'enc':
        e = R.choice(p.encs); md = mkdate(e['date'])
        if not md: return None
        t, use, g, w = md
        fr = R.choice(['Seen in clinic %s%s.', 'Encounter dated %s%s.', 'Patient had a visit %s%s.', 'Visit on file: %s%s.'])
        pre = ('on ' if g == 'd' else 'in ') if fr.startswith(('Seen', 'Patient')) else ''
        text = fr % (pre, t)
        return text, [cite('encounter', e['id'])], 'Encounter period.start; %s' % w, [dfact('encounter', e['id'], use, g, t)]
    if kind == 'bp':
        bs = [b for b in p.bp if bp_ok(b)]
        if not bs: return None
        b = R.choice(bs); md = mkdate(b['date'])
        if not md: return None
        t, use, g, w = md
        fr = R.choice(['BP %s %s on %s.', 'Blood pressure was %s %s on %s.', '%s: BP %s %s'])
        u = R.choice(MMHG)
        if fr.startswith('%s:'): text = fr % (t, bp_txt(b), u)
        else: text = fr % (bp_txt(b), u, t)
        text = text.replace('  ', ' ').replace(' .', '.').strip()
        return text, [cite('observation', b['id'])], 'BP panel components, effectiveDateTime; %s' % w, bp_facts(b) + [dfact('observation', b['id'], use, g, t)]
    # obs
    r = pick_obs(p)
    if not r: return None
    l, o = r; md = mkdate(o['date'])
    if not md: return None
    t, use, g, w = md; dec = AN[l][2]
    fr = R.choice(['%s %s %s on %s.', '%s was %s %s on %s.', 'On %s, %s measured %s %s.', '- %s %s %s (%s)', 'Labs from %s: %s %s %s.'])
    n, u = nm(l), un(l)
    if fr.startswith('On') or fr.startswith('Labs'): text = fr % (t, n, fv(o['v'], dec), u)
    else: text = fr % (n, fv(o['v'], dec), u, t)
    text = text[0].upper() + text[1:]
    return text, [cite('observation', o['id'])], '%s valueQuantity %s, effectiveDateTime; %s' % (l, o['v'], w), [vfact(o['id'], l, o['v'], dec), dfact('observation', o['id'], use, g, t)]

COND_NAMES = {
 'Hypertension': ['hypertension', 'HTN', 'essential hypertension'],
 'Diabetes': ['diabetes', 'T2DM', 'type 2 diabetes'],
 'Prediabetes': ['prediabetes', 'pre-diabetes'],
 'Anemia (disorder)': ['anaemia', 'anemia'],
 'Stroke': ['stroke', 'CVA'],
 'Chronic sinusitis (disorder)': ['chronic sinusitis'],
 'Body mass index 30+ - obesity (finding)': ['obesity', 'BMI 30+ obesity'],
 'Myocardial Infarction': ['MI', 'myocardial infarction'],
 'Coronary Heart Disease': ['coronary heart disease', 'CHD', 'CAD'],
 "Alzheimer's disease (disorder)": ["Alzheimer's disease", "Alzheimer's dementia"],
 'Chronic congestive heart failure (disorder)': ['CHF', 'chronic congestive heart failure', 'congestive heart failure'],
 'Osteoarthritis of hip': ['hip OA', 'osteoarthritis of the hip'],
 'Hyperlipidemia': ['hyperlipidaemia', 'hyperlipidemia', 'HLD'],
 'Osteoporosis (disorder)': ['osteoporosis'],
 'Childhood asthma': ['asthma', 'childhood asthma'],
 'Atopic dermatitis': ['atopic dermatitis', 'eczema (atopic dermatitis)'],
 'Seasonal allergic rhinitis': ['seasonal allergic rhinitis', 'hay fever'],
 'Epilepsy': ['epilepsy'],
 'Chronic kidney disease stage 1 (disorder)': ['CKD stage 1', 'CKD 1', 'chronic kidney disease stage 1'],
 'Hypertriglyceridemia (disorder)': ['hypertriglyceridaemia', 'hypertriglyceridemia'],
 'Metabolic syndrome X (disorder)': ['metabolic syndrome'],
 'Neoplasm of prostate': ['prostate neoplasm', 'prostate cancer'],
 'Localized, primary osteoarthritis of the hand': ['hand OA', 'osteoarthritis of the hand'],
 'Polyp of colon': ['colon polyp', 'colonic polyp'],
 'Viral sinusitis (disorder)': ['viral sinusitis'],
 'Acute bronchitis (disorder)': ['acute bronchitis'],
 'Streptococcal sore throat (disorder)': ['strep throat', 'streptococcal pharyngitis'],
 'Otitis media': ['otitis media', 'OM'],
 'Acute viral pharyngitis (disorder)': ['viral pharyngitis'],
 'Sprain of ankle': ['ankle sprain', 'sprained ankle'],
 'Sprain of wrist': ['wrist sprain'],
 'Fracture of forearm': ['forearm fracture'],
 'Fracture of clavicle': ['clavicle fracture', 'fractured clavicle'],
 'Laceration of hand': ['hand laceration'],
 'Whiplash injury to neck': ['whiplash injury'],
 'Concussion with no loss of consciousness': ['concussion without LOC'],
 'Injury of medial collateral ligament of knee': ['MCL injury of the knee'],
}
COND_KW = {k: k.lower().split(' (')[0] for k in COND_NAMES}
# conditions whose clinicalStatus a clinician would read at face value (acute episodes / chronic disease)
STATUS_OK = set(COND_NAMES) - {'Body mass index 30+ - obesity (finding)'}

DRUGS = [  # (substring in record display lower, generic name, generic keyword(s), brand, strength text)
 ('hydrochlorothiazide 25', 'hydrochlorothiazide', ['hydrochlorothiazide'], 'Microzide', '25 mg'),
 ('metformin', 'metformin ER', ['metformin'], 'Glucophage XR', '500 mg'),
 ('simvastatin 20', 'simvastatin', ['simvastatin'], 'Zocor', '20 mg'),
 ('simvistatin 10', 'simvastatin', ['simvistatin'], 'Zocor', '10 mg'),
 ('amlodipine 5', 'amlodipine', ['amlodipine'], 'Norvasc', '5 mg'),
 ('clopidogrel 75', 'clopidogrel', ['clopidogrel'], 'Plavix', '75 mg'),
 ('metoprolol succinate 100', 'metoprolol succinate ER', ['metoprolol'], 'Toprol-XL', '100 mg'),
 ('lasix 40', 'furosemide', ['lasix'], 'Lasix', '40 mg'),
 ('galantamine 4', 'galantamine', ['galantamine'], 'Razadyne', '4 mg'),
 ('alendronic acid 10', 'alendronate', ['alendronic'], 'Fosamax', '10 mg'),
 ('fexofenadine hydrochloride 30', 'fexofenadine', ['fexofenadine'], 'Allegra', '30 mg'),
 ('naproxen sodium 220', 'naproxen sodium', ['naproxen'], 'Aleve', '220 mg'),
 ('ibuprofen 200', 'ibuprofen', ['ibuprofen'], 'Advil', '200 mg'),
 ('ibuprofen 100', 'ibuprofen', ['ibuprofen'], 'Motrin', '100 mg'),
 ('amoxicillin 250 mg / clavulanate', 'amoxicillin-clavulanate', ['amoxicillin', 'clavulanate'], 'Augmentin', '250/125 mg'),
 ('amoxicillin 250 mg oral capsule', 'amoxicillin', ['amoxicillin'], 'Amoxil', '250 mg'),
 ('amoxicillin 500', 'amoxicillin', ['amoxicillin'], 'Amoxil', '500 mg'),
 ('cefuroxime 250', 'cefuroxime', ['cefuroxime'], 'Ceftin', '250 mg'),
 ('oxycodone hydrochloride 5', 'oxycodone/acetaminophen', ['oxycodone', 'acetaminophen'], 'Percocet', '5/325 mg'),
 ('hydrocodone bitartrate 7.5', 'hydrocodone/acetaminophen', ['hydrocodone', 'acetaminophen'], 'Norco', '7.5/325 mg'),
 ('acetaminophen 325 mg oral tablet', 'acetaminophen', ['acetaminophen'], 'Tylenol', '325 mg'),
 ('acetaminophen 160 mg', 'acetaminophen', ['acetaminophen'], 'Tylenol', '160 mg'),
 ('diphenhydramine hydrochloride 25', 'diphenhydramine', ['diphenhydramine'], 'Benadryl', '25 mg'),
 ('penicillin v potassium 500', 'penicillin V potassium', ['penicillin v'], None, '500 mg'),
 ('penicillin v potassium 250', 'penicillin V potassium', ['penicillin v'], None, '250 mg'),
 ('memantine', 'memantine oral solution', ['memantine'], 'Namenda', '2 mg/mL'),
 ('docetaxel', 'docetaxel', ['docetaxel'], 'Taxotere', '20 mg/mL'),
 ('leuprolide', 'leuprolide', ['leuprolide'], 'Lupron', '30 mg/mL'),
 ('oxaliplatin', 'oxaliplatin', ['oxaliplatin'], 'Eloxatin', '5 mg/mL'),
 ('alteplase', 'alteplase', ['alteplase'], 'Activase', '100 mg'),
 ('medroxyprogesterone', 'medroxyprogesterone acetate injection', ['medroxyprogesterone'], 'Depo-Provera', '150 mg/mL'),
 ('albuterol', 'albuterol inhaler', ['albuterol'], 'ProAir', '90 mcg/actuation'),
 ('fluticasone', 'fluticasone propionate inhaler', ['fluticasone'], 'Flovent HFA', '44 mcg/actuation'),
 ('epinephrine', 'epinephrine auto-injector', ['epinephrine'], 'EpiPen', '0.3 mg'),
 ('humulin', 'insulin NPH/regular', ['insulin'], 'Humulin', '70/30'),
 ('nitroglycerin', 'nitroglycerin spray', ['nitroglycerin'], 'Nitrolingual', '0.4 mg/spray'),
 ('leucovorin', 'leucovorin', ['leucovorin'], None, '100 mg'),
]
WRONG_BRAND = {'hydrochlorothiazide': 'Zestril', 'metformin ER': 'Glucotrol XL', 'simvastatin': 'Lipitor', 'amlodipine': 'Cardizem',
               'clopidogrel': 'Eliquis', 'metoprolol succinate ER': 'Coreg', 'furosemide': 'Bumex', 'galantamine': 'Aricept',
               'alendronate': 'Actonel', 'fexofenadine': 'Claritin', 'naproxen sodium': 'Advil', 'ibuprofen': 'Aleve',
               'amoxicillin-clavulanate': 'Zithromax', 'amoxicillin': 'Keflex', 'cefuroxime': 'Omnicef',
               'oxycodone/acetaminophen': 'Norco', 'hydrocodone/acetaminophen': 'Percocet', 'acetaminophen': 'Advil',
               'diphenhydramine': 'Zyrtec', 'memantine oral solution': 'Aricept', 'docetaxel': 'Taxol', 'leuprolide': 'Zoladex',
               'oxaliplatin': 'Paraplatin', 'alteplase': 'TNKase', 'medroxyprogesterone acetate injection': 'Nexplanon',
               'albuterol inhaler': 'Atrovent', 'fluticasone propionate inhaler': 'Pulmicort', 'epinephrine auto-injector': 'Narcan',
               'insulin NPH/regular': 'Lantus', 'nitroglycerin spray': 'Imdur'}
WRONG_STR = {'25 mg': '12.5 mg', '500 mg': '1000 mg', '20 mg': '40 mg', '10 mg': '20 mg', '5 mg': '10 mg', '75 mg': '300 mg',
             '100 mg': '50 mg', '40 mg': '20 mg', '4 mg': '8 mg', '30 mg': '60 mg', '220 mg': '500 mg', '200 mg': '400 mg',
             '250/125 mg': '875/125 mg', '250 mg': '500 mg', '5/325 mg': '10/325 mg', '7.5/325 mg': '10/325 mg',
             '325 mg': '500 mg', '160 mg': '325 mg'}

def drug_entry(name):
    low = name.lower()
    for e in DRUGS:
        if e[0] in low: return e
    return None

def drug_generic(name):
    e = drug_entry(name)
    if not e: return None
    return e[1], e[2]

def vacc_name(name):
    low = name.lower()
    if low.startswith('influenza'): return R.choice(['influenza', 'flu', 'seasonal flu']), ['influenza']
    if low.startswith('td (adult)'): return 'Td', ['td (adult)']
    if low.startswith('tdap'): return 'Tdap', ['tdap']
    if 'zoster' in low: return 'zoster', ['zoster']
    if low.startswith('hep b'): return 'hepatitis B', ['hep b']
    if low.startswith('hep a'): return 'hepatitis A', ['hep a']
    if low.startswith('pneumococcal conjugate'): return 'pneumococcal conjugate', ['pneumococcal conjugate']
    if low.startswith('hib'): return 'Hib', ['hib']
    if low == 'ipv': return 'IPV (polio)', ['ipv']
    if low == 'varicella': return 'varicella', ['varicella']
    if low.startswith('meningococcal'): return 'meningococcal', ['meningococcal']
    return None

# ---------------------------------------------------------------- abbreviations
ABBR_L = ['2093-3', '2571-8', '18262-6', '2085-9', '2339-0', '6299-2', '38483-4', '2947-0', '6298-4', '4548-4', '33914-3',
          '6690-2', '718-7', '4544-3', '777-3', '787-2', '39156-5', '49765-1', '2069-3']
ABBR_NAME = {'2093-3': ['TC', 'Chol'], '2571-8': ['TG'], '18262-6': ['LDL', 'LDL-C'], '2085-9': ['HDL', 'HDL-C'], '2339-0': ['Glu', 'FBG'][:1],
             '6299-2': ['BUN'], '38483-4': ['Cr', 'SCr'], '2947-0': ['Na'], '6298-4': ['K'], '4548-4': ['HbA1c', 'A1c'],
             '33914-3': ['eGFR'], '6690-2': ['WBC'], '718-7': ['Hb', 'Hgb'], '4544-3': ['Hct'], '777-3': ['Plt', 'PLT'], '787-2': ['MCV'],
             '39156-5': ['BMI'], '49765-1': ['Ca'], '2069-3': ['Cl']}
SIBLING = {'18262-6': '2085-9', '2085-9': '18262-6', '2093-3': '2571-8', '2571-8': '2093-3', '2947-0': '2069-3', '2069-3': '2947-0',
           '6299-2': '2339-0', '2339-0': '6299-2', '718-7': '4544-3', '4544-3': '718-7', '6690-2': '777-3', '777-3': '6690-2',
           '38483-4': '6298-4', '6298-4': '38483-4', '49765-1': '6298-4'}

def same_date_obs(p, l, date):
    for o in p.obs.get(l, []):
        if o['date'] == date: return o
    return None

def b_abbr(p, wrong):
    if R.random() < 0.25:  # condition abbreviation
        ab = {'Hypertension': 'HTN', 'Diabetes': 'T2DM', 'Chronic congestive heart failure (disorder)': 'CHF', 'Myocardial Infarction': 'MI',
              'Coronary Heart Disease': 'CHD', 'Chronic kidney disease stage 1 (disorder)': 'CKD stage 1', 'Osteoarthritis of hip': 'OA of the hip',
              'Localized, primary osteoarthritis of the hand': 'OA of the hand', 'Hyperlipidemia': 'HLD', 'Stroke': 'CVA', 'Otitis media': 'OM',
              'Streptococcal sore throat (disorder)': 'strep pharyngitis'}
        cs = [c for c in p.conds if c['name'] in ab]
        if not cs: return None
        c = R.choice(cs); a = ab[c['name']]
        y = c['date'][:4]
        if wrong:
            y2 = str(int(y) + R.choice([-2, -1, 1, 2]))
            t = R.choice(['Hx of %s (%s).', 'PMH: %s (dx %s).', '%s, diagnosed %s.'])
            t = t % (a, y2); t = t[0].upper() + t[1:]
            return t, [cite('condition', c['id'])], '%s onset is %s, not %s' % (c['name'], c['date'], y2), [dict(t='name', rec=c['id'], kw=COND_KW[c['name']]), dfact('condition', c['id'], y2 + '-01-01', 'y', y2)]
        t = R.choice(['Hx of %s (%s).', 'PMH: %s (dx %s).', '%s, diagnosed %s.'])
        t = t % (a, y); t = t[0].upper() + t[1:]
        return t, [cite('condition', c['id'])], '%s = %s, onsetDateTime %s' % (a, c['name'], c['date']), [dict(t='name', rec=c['id'], kw=COND_KW[c['name']]), dfact('condition', c['id'], c['date'], 'y', y)]
    r = pick_obs(p, ABBR_L)
    if not r: return None
    l, o = r; dec = AN[l][2]; a = R.choice(ABBR_NAME[l])
    dt, g = fdate(o['date'], R.choice(['iso', 'us', 'dmy_txt', 'year', 'month']))
    u = R.choice(AN[l][1] + [''])
    fr = R.choice(['%s %s %s (%s).', '%s: %s %s on %s', 'Reviewing labs: %s %s %s, %s.', '- %s %s %s (%s)', '%s was %s %s in %s.' if g != 'd' else '%s was %s %s on %s.'])
    if wrong:
        mode = R.choice(['sib', 'val']) if l in SIBLING else 'val'
        if mode == 'sib':
            so = same_date_obs(p, SIBLING[l], o['date'])
            if not so or not safe_round(so['v'], AN[SIBLING[l]][2]): return None
            # value of the sibling analyte written under this abbreviation, citing the sibling record
            v = so['v']; d2 = AN[SIBLING[l]][2]
            if abs(round(v, dec) - round(o['v'], dec)) < 0.1 * abs(o['v']): return None
            u2 = R.choice(AN[SIBLING[l]][1] + [''])
            text = (fr % (a, fv(v, d2), u2, dt)).replace('  ', ' ').replace(' (', ' (').replace(' ,', ',')
            return text, [cite('observation', so['id'])], 'value %s belongs to %s (LOINC %s), not %s' % (fv(v, d2), SIBLING[l], SIBLING[l], a), [vfact(so['id'], l, v, d2), dfact('observation', so['id'], o['date'], g, dt)]
        w = wrongval(o['v'], dec)
        text = (fr % (a, fv(w, dec), u, dt)).replace('  ', ' ').replace(' ,', ',')
        return text, [cite('observation', o['id'])], '%s recorded %s, not %s' % (a, o['v'], fv(w, dec)), [vfact(o['id'], l, w, dec, txt=fv(w, dec)), dfact('observation', o['id'], o['date'], g, dt)]
    text = (fr % (a, fv(o['v'], dec), u, dt)).replace('  ', ' ').replace(' ,', ',')
    return text, [cite('observation', o['id'])], '%s = LOINC %s valueQuantity %s on %s' % (a, l, o['v'], o['date']), [vfact(o['id'], l, o['v'], dec), dfact('observation', o['id'], o['date'], g, dt)]

# ---------------------------------------------------------------- drug-names
def b_drug(p, wrong):
    ms = [m for m in p.meds if drug_entry(m['name'])]
    if not ms: return None
    m = R.choice(ms); e = drug_entry(m['name']); sub, gen, kws, brand, st = e
    useb = brand and R.random() < 0.55
    fl = []
    if wrong:
        mode = R.choice(['str', 'brand']) if st in WRONG_STR else 'brand'
        if mode == 'brand':
            wb = WRONG_BRAND.get(gen)
            if not wb: return None
            dname, dstr = wb, st; why = '%s is a brand of another ingredient; record is %s' % (wb, m['name'])
            fl.append(dict(t='drug', rec=m['id'], brand=wb, kws=kws))
        else:
            dname, dstr = (brand if useb else gen), WRONG_STR[st]; why = 'strength is %s in the record (%s), not %s' % (st, m['name'], dstr)
            fl.append(dict(t='drug', rec=m['id'], brand=dname if useb else None, kws=kws))
            fl.append(dict(t='strength', rec=m['id'], s=dstr))
    else:
        dname, dstr = (brand if useb else gen), st
        why = '%s = %s (%s)' % (dname, m['name'], 'brand of same ingredient' if useb else 'generic')
        fl.append(dict(t='drug', rec=m['id'], brand=dname if useb else None, kws=kws)); fl.append(dict(t='strength', rec=m['id'], s=dstr))
    dt, g = fdate(m['date'], R.choice(['iso', 'us', 'year', 'month', 'mdy_txt']))
    fl.append(dfact('medication', m['id'], m['date'], g, dt))
    fr = R.choice(['Rx: %s %s, ordered %s.', 'Prescribed %s %s (%s).', 'Medications: %s %s, started %s.', '- %s %s, since %s' if m['status'] == 'active' else '- %s %s, started %s',
                   'Per the chart, %s %s was prescribed %s.', 'Q: What was ordered for this? A: %s %s, %s.'])
    if fr.startswith('Per') or fr.startswith('Q'):
        text = fr % (dname, dstr, ('on ' if g == 'd' else 'in ') + dt if fr.startswith('Per') else dt)
    else:
        text = fr % (dname, dstr, dt)
    if not (dname in text): return None
    return text, [cite('medication', m['id'])], why, fl

# ---------------------------------------------------------------- units
CONV = {  # loinc: list of (unit label, unit key, factor fn, dec)
 '8331-1': [('°F', 'F', 1), ('F', 'F', 1), ('deg F', 'F', 1)],
 '29463-7': [('lb', 'lb', 0), ('lbs', 'lb', 0), ('pounds', 'lb', 0)],
 '8302-2': [('in', 'in', 0), ('inches', 'in', 0)],
 '2339-0': [('mmol/L', 'mmol/L', 1), ('mmol/l', 'mmol/L', 1)],
 '2093-3': [('mmol/L', 'mmol/L', 1)], '18262-6': [('mmol/L', 'mmol/L', 1)], '2085-9': [('mmol/L', 'mmol/L', 1)],
 '2571-8': [('mmol/L', 'mmol/L', 1)],
 '38483-4': [('µmol/L', 'umol/L', 0), ('umol/L', 'umol/L', 0)],
 '718-7': [('g/L', 'g/L', 0)],
}
WRONGU = {'8331-1': ('°F', 'F'), '29463-7': ('lb', 'lb'), '8302-2': ('in', 'in'), '2339-0': ('mmol/L', 'mmol/L'),
          '2093-3': ('mmol/L', 'mmol/L'), '18262-6': ('mmol/L', 'mmol/L'), '38483-4': ('µmol/L', 'umol/L'), '718-7': ('g/L', 'g/L'),
          '33914-3': ('mL/s', 'mL/s'), '6690-2': ('/uL', 'per_uL')}
def convert(l, key, v):  # generator-side conversion (validator has its own table)
    if key == 'F': return v * 9 / 5 + 32
    if key == 'lb': return v * 2.20462
    if key == 'in': return v / 2.54
    if key == 'mmol/L': return v / {'2339-0': 18.016, '2571-8': 88.57}.get(l, 38.67)
    if key == 'umol/L': return v * 88.42
    if key == 'g/L': return v * 10
    raise KeyError(key)

def b_units(p, wrong):
    ls = [l for l in (WRONGU if wrong else CONV) if p.obs.get(l)]
    if not ls: return None
    l = R.choice(ls); o = R.choice(p.obs[l]); dec0 = AN[l][2]
    dt, g = fdate(o['date'], R.choice(['iso', 'us', 'dmy_txt', 'year']))
    n = nm(l)
    if wrong:
        ul, key = WRONGU[l]
        v = round(o['v'], dec0)
        if not safe_round(o['v'], dec0): return None
        val = fv(o['v'], dec0)
        text = R.choice(['%s %s %s on %s.', '%s recorded as %s %s (%s).', 'Of note, %s %s %s at the %s visit.', '- %s: %s %s, %s'])
        text = text % (n, val, ul, dt); text = text[0].upper() + text[1:]
        return text, [cite('observation', o['id'])], 'value %s is in %s; written with unit %s without conversion' % (val, o['unit'], ul), [dict(t='val', rec=o['id'], loinc=l, v=v, dec=dec0, unit=key, txt=val), dfact('observation', o['id'], o['date'], g, dt)]
    ul, key, dec = R.choice(CONV[l])
    cv = convert(l, key, o['v'])
    if not safe_round(cv, dec) or not safe_round(o['v'], dec0): return None
    both = R.random() < 0.5
    if both:
        text = R.choice(['%s %s %s (%s %s) on %s.', '%s: %s %s, i.e. %s %s, %s.'])
        text = text % (n, fv(o['v'], dec0), un(l), fv(cv, dec), ul, dt)
        fl = [vfact(o['id'], l, o['v'], dec0), dict(t='val', rec=o['id'], loinc=l, v=round(cv, dec), dec=dec, unit=key, txt=fv(cv, dec))]
    else:
        text = R.choice(['%s %s %s on %s.', '%s was %s %s (%s).', 'Per the chart, %s measured %s %s on %s.'])
        text = text % (n, fv(cv, dec), ul, dt)
        fl = [dict(t='val', rec=o['id'], loinc=l, v=round(cv, dec), dec=dec, unit=key, txt=fv(cv, dec))]
    text = text[0].upper() + text[1:]
    return text, [cite('observation', o['id'])], '%s %s %s = %s %s' % (l, o['v'], o['unit'], fv(cv, dec), ul), fl + [dfact('observation', o['id'], o['date'], g, dt)]

# ---------------------------------------------------------------- rounding
def b_round(p, wrong):
    r = pick_obs(p, need_safe=False)
    if not r: return None
    l, o = r; v = o['v']
    dec = 0 if abs(v) >= 20 else (1 if abs(v) >= 1 else 2)
    if not safe_round(v, dec): return None
    if wrong:
        step = 10 ** -dec
        k = max(3, math.ceil(abs(v) * 0.10 / step))
        w = round(v, dec) + R.choice([-1, 1]) * k * step
        if w <= 0: return None
        val = fv(w, dec)
    else:
        val = fv(v, dec)
    dt, g = fdate(o['date'], R.choice(['iso', 'us', 'year', 'dmy_txt', 'month']))
    q = R.choice(['about', '~', 'approximately', 'roughly', 'approx.', 'around'])
    n, u = nm(l), R.choice(AN[l][1] + [''])
    fr = R.choice(['%s %s %s %s (%s).', '%s was %s %s %s on %s.', 'Of note, %s %s %s %s as of %s.', '- %s %s %s %s, %s', 'Q: what was the %s? A: %s %s %s (%s).'])
    if fr.startswith('- '): text = fr % (n, q, val, u, dt)
    else: text = fr % (n, q, val, u, dt)
    text = text.replace('  ', ' ').replace(' )', ')').replace(' ,', ','); text = text[0].upper() + text[1:]
    why = ('%s %s rounds to %s' % (l, v, val)) if not wrong else ('%s is %s; %s is not a rounding of it' % (l, v, val))
    return text, [cite('observation', o['id'])], why, [vfact(o['id'], l, float(val), dec, txt=val), dfact('observation', o['id'], o['date'], g, dt)]

# ---------------------------------------------------------------- trends
TREND_L = ['2093-3', '2571-8', '18262-6', '2085-9', '2339-0', '38483-4', '4548-4', '33914-3', '29463-7', '39156-5', '718-7', '777-3', '6690-2', '14959-1', '2857-1']
def b_trend(p, wrong, swapped=False):
    ls = [l for l in TREND_L if len({o['date'] for o in p.obs.get(l, [])}) >= 2]
    if not ls: return None
    l = R.choice(ls); obs = p.obs[l]
    a, b = sorted(R.sample(obs, 2), key=lambda x: x['date'])
    if a['date'][:4] == b['date'][:4]: return None
    rel = (b['v'] - a['v']) / abs(a['v'])
    if 0.03 < abs(rel) < 0.08: return None
    dec = AN[l][2]
    if not (safe_round(a['v'], dec) and safe_round(b['v'], dec)): return None
    if round(a['v'], dec) == round(b['v'], dec) and abs(rel) > 0.03: return None
    true_dir = 'stable' if abs(rel) <= 0.03 else ('up' if rel > 0 else 'down')
    n, u = nm(l), R.choice(AN[l][1] + [''])
    ya, yb = a['date'][:4], b['date'][:4]
    va, vb = fv(a['v'], dec), fv(b['v'], dec)
    cits = [cite('observation', a['id']), cite('observation', b['id'])]
    base = [vfact(a['id'], l, a['v'], dec), vfact(b['id'], l, b['v'], dec)]
    if swapped:
        if true_dir == 'stable': return None
        if wrong:  # years swapped: values attached to the wrong years
            fl = [vfact(a['id'], l, a['v'], dec), vfact(b['id'], l, b['v'], dec), dfact('observation', a['id'], b['date'], 'y', yb), dfact('observation', b['id'], a['date'], 'y', ya)]
            d = 'fell' if true_dir == 'up' else 'rose'
            text = R.choice(['%s %s from %s in %s to %s in %s.', '%s %s: %s (%s) -> %s (%s).'])
            text = text % (n, d, vb, yb, va, ya) if 'from' in text else text % (n, d, vb, yb, va, ya)
            text = text[0].upper() + text[1:]
            return text, cits, 'years swapped: %s was %s in %s and %s in %s' % (l, va, ya, vb, yb), fl
        d = 'rose' if true_dir == 'up' else 'fell'
        text = R.choice(['%s %s from %s in %s to %s in %s.', '%s %s: %s (%s) -> %s (%s).']) % (n, d, va, ya, vb, yb)
        text = text[0].upper() + text[1:]
        return text, cits, '%s %s (%s) then %s (%s)' % (l, va, a['date'], vb, b['date']), base + [dfact('observation', a['id'], a['date'], 'y', ya), dfact('observation', b['id'], b['date'], 'y', yb), dict(t='trend', a=a['id'], b=b['id'], dir=true_dir)]
    if wrong:
        if true_dir == 'stable': return None
        claim_dir = R.choice(['opp', 'opp', 'stable']) if abs(rel) >= 0.15 else 'opp'
        claim_dir = ('down' if true_dir == 'up' else 'up') if claim_dir == 'opp' else 'stable'
    else:
        claim_dir = true_dir
    WORD = {'up': ['rose', 'increased', 'went up', 'trended up', 'climbed'], 'down': ['fell', 'decreased', 'went down', 'trended down', 'dropped'],
            'stable': ['was stable', 'remained stable', 'was essentially unchanged']}
    w = R.choice(WORD[claim_dir])
    withvals = R.random() < 0.5 and not wrong or (wrong and claim_dir == 'stable' and R.random() < 0.3)
    fa, _ = fdate(a['date'], 'year'); fb, _ = fdate(b['date'], 'year')
    if withvals:
        text = R.choice(['%s %s from %s %s (%s) to %s (%s).', 'Trending: %s %s, %s %s in %s vs %s in %s.'])
        text = text % (n, w, va, u, fa, vb, fb)
        fl = base
    else:
        text = R.choice(['%s %s between %s and %s.', 'Of note, %s %s from %s to %s.', '%s %s (%s to %s).', 'Q: how has the %s changed? A: it %s from %s to %s.'])
        text = text % (n, w, fa, fb)
        fl = []
    text = text.replace('  ', ' ').replace(' (', ' ('); text = text[0].upper() + text[1:]
    fl += [dfact('observation', a['id'], a['date'], 'y', fa), dfact('observation', b['id'], b['date'], 'y', fb), dict(t='trend', a=a['id'], b=b['id'], dir=claim_dir)]
    why = '%s %s (%s) -> %s (%s), change %+.1f%%; tolerance: stable <=3%%, rose/fell >=8%%' % (l, va, a['date'], vb, b['date'], rel * 100)
    if wrong: why = 'claimed %s but ' % claim_dir + why
    return text, cits, why, fl

# ---------------------------------------------------------------- two-facts
def b_two(p, wrong):
    kind = R.choice(['bpwt', 'condmed', 'labs', 'bpwt', 'htwt'])
    if kind == 'condmed':
        pairs = []
        for c in p.conds:
            for m in p.meds:
                if m['date'] == c['date'] and drug_entry(m['name']) and c['name'] in COND_NAMES: pairs.append((c, m))
        if not pairs: return None
        c, m = R.choice(pairs); e = drug_entry(m['name'])
        dt, g = fdate(c['date'], R.choice(['iso', 'us', 'month', 'year', 'long']))
        dname = e[3] if (e[3] and R.random() < 0.4) else e[1]
        st = e[4]; cn = R.choice(COND_NAMES[c['name']])
        fl = [dict(t='name', rec=c['id'], kw=COND_KW[c['name']]), dfact('condition', c['id'], c['date'], g, dt),
              dict(t='drug', rec=m['id'], brand=dname if dname == e[3] else None, kws=e[2])]
        why = '%s onset %s; %s authoredOn %s' % (c['name'], c['date'], m['name'], m['date'])
        if wrong:
            if st in WRONG_STR and R.random() < 0.6:
                st = WRONG_STR[st]; why += '; but strength is %s not %s' % (e[4], st)
            else:
                wb = WRONG_BRAND.get(e[1])
                if not wb: return None
                dname = wb; fl[-1] = dict(t='drug', rec=m['id'], brand=wb, kws=e[2]); why += '; but %s is not the prescribed drug' % wb
        fl.append(dict(t='strength', rec=m['id'], s=st))
        text = R.choice(['%s diagnosed %s%s and started on %s %s.', 'Dx of %s (%s%s); %s %s was prescribed the same day.', '%s was diagnosed %s%s and treated with %s %s.'])
        pre = ('on ' if g == 'd' else 'in ') if 'Dx' not in text else ''
        text = text % (cn, pre, dt, dname, st); text = text[0].upper() + text[1:]
        return text, [cite('condition', c['id']), cite('medication', m['id'])], why, fl
    if kind in ('bpwt', 'htwt'):
        bs = [b for b in p.bp if bp_ok(b)]
        pairs = []
        for b in bs:
            w = same_date_obs(p, '29463-7', b['date'])
            h = same_date_obs(p, '8302-2', b['date'])
            if kind == 'bpwt' and w and safe_round(w['v'], 1): pairs.append((b, w))
            if kind == 'htwt' and w and h and safe_round(w['v'], 1) and safe_round(h['v'], 0): pairs.append((h, w))
        if not pairs: return None
        x, w = R.choice(pairs)
        dt, g = fdate(w['date'], R.choice(['iso', 'us', 'dmy_txt', 'mdy_txt', 'the']))
        wv = w['v']; bad = None
        if kind == 'bpwt':
            s, d = round(x['sys'][1]), round(x['dia'][1])
            if wrong:
                bad = R.choice(['wt', 'sys', 'dia'])
                if bad == 'wt': wv = wrongval(wv, 1, 0.08, 0.2)
                if bad == 'sys': s = s + R.choice([-1, 1]) * R.randint(12, 22)
                if bad == 'dia': d = d + R.choice([-1, 1]) * R.randint(10, 16)
            text = R.choice(['On %s: BP %d/%d %s, weight %s kg.', 'Vitals %s - BP %d/%d %s and Wt %s kg.', 'At the %s visit BP was %d/%d %s with a weight of %s kg.'])
            text = (text % (dt, s, d, R.choice(MMHG), fv(wv, 1))).replace('  ', ' ').replace(' ,', ',')
            fl = bp_facts(x, s, d) + [vfact(w['id'], '29463-7', wv, 1, txt=fv(wv, 1)), dfact('observation', w['id'], w['date'], g, dt), dfact('observation', x['id'], x['date'], g, dt)]
            cits = [cite('observation', x['id']), cite('observation', w['id'])]
            why = 'BP %s/%s, weight %s on %s' % (round(x['sys'][1], 1), round(x['dia'][1], 1), round(w['v'], 2), w['date'])
        else:
            hv = round(x['v']); 
            if wrong:
                bad = R.choice(['wt', 'ht'])
                if bad == 'wt': wv = wrongval(wv, 1, 0.1, 0.2)
                else: hv = hv + R.choice([-1, 1]) * R.randint(8, 14)
            text = R.choice(['Height %d cm and weight %s kg on %s.', '%s: Ht %d cm, Wt %s kg.'])
            text = text % ((hv, fv(wv, 1), dt) if text.startswith('Height') else (dt, hv, fv(wv, 1)))
            fl = [vfact(x['id'], '8302-2', hv, 0, txt=str(hv)), vfact(w['id'], '29463-7', wv, 1, txt=fv(wv, 1)), dfact('observation', w['id'], w['date'], g, dt), dfact('observation', x['id'], x['date'], g, dt)]
            cits = [cite('observation', x['id']), cite('observation', w['id'])]
            why = 'height %s cm, weight %s kg on %s' % (round(x['v'], 1), round(w['v'], 2), w['date'])
        if wrong: why = 'wrong %s; record: ' % bad + why
        return text, cits, why, fl
    # labs: two analytes same date
    opts = [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('2947-0', '6298-4'), ('718-7', '777-3'), ('2339-0', '4548-4'), ('38483-4', '33914-3'), ('6690-2', '718-7')]
    R.shuffle(opts)
    for l1, l2 in opts:
        for o1 in p.obs.get(l1, []):
            o2 = same_date_obs(p, l2, o1['date'])
            if o2 and safe_round(o1['v'], AN[l1][2]) and safe_round(o2['v'], AN[l2][2]):
                v1, v2 = o1['v'], o2['v']; bad = None
                if wrong:
                    if R.random() < 0.5: v1 = wrongval(v1, AN[l1][2]); bad = l1
                    else: v2 = wrongval(v2, AN[l2][2]); bad = l2
                dt, g = fdate(o1['date'], R.choice(['iso', 'us', 'month', 'dmy_txt', 'mdy_txt']))
                t1, t2 = fv(v1, AN[l1][2]), fv(v2, AN[l2][2])
                text = R.choice(['%s %s and %s %s on %s.', 'Labs (%s): %s %s, %s %s.', '%s was %s with %s %s (%s).'])
                if text.startswith('Labs'): text = text % (dt, nm(l1), t1, nm(l2), t2)
                else: text = text % (nm(l1), t1, nm(l2), t2, dt)
                text = text[0].upper() + text[1:]
                fl = [vfact(o1['id'], l1, v1, AN[l1][2], txt=t1), vfact(o2['id'], l2, v2, AN[l2][2], txt=t2), dfact('observation', o1['id'], o1['date'], g, dt)]
                why = '%s %s and %s %s on %s' % (l1, o1['v'], l2, o2['v'], o1['date'])
                if wrong: why = 'wrong value for %s; record: ' % bad + why
                return text, [cite('observation', o1['id']), cite('observation', o2['id'])], why, fl
    return None

# ---------------------------------------------------------------- negation
NEG = [  # (phrase variants, keywords searched in conditions/meds/allergies display, lower-case)
 (['asthma'], ['asthma', 'albuterol', 'fluticasone']),
 (['COPD', 'chronic obstructive pulmonary disease'], ['obstructive', 'copd', 'emphysema']),
 (['heart failure', 'CHF'], ['heart failure']),
 (['stroke', 'CVA'], ['stroke', 'cerebrovascular']),
 (['epilepsy', 'seizures', 'a seizure disorder'], ['seizure', 'epilep']),
 (['myocardial infarction', 'MI', 'a heart attack'], ['myocardial infarction']),
 (['coronary artery disease', 'CAD'], ['coronary']),
 (['osteoporosis'], ['osteoporosis']),
 (["Alzheimer's disease", 'dementia'], ['alzheimer', 'dementia']),
 (['prostate cancer'], ['prostate']),
 (['chronic sinusitis'], ['chronic sinusitis']),
 (['osteoarthritis', 'OA'], ['osteoarthritis']),
 (['appendectomy'], ['appendectomy', 'appendicitis']),
 (['colon polyps'], ['polyp']),
 (['atopic dermatitis', 'eczema'], ['dermatitis', 'eczema']),
]
NEG_MED = [
 (['insulin'], ['insulin']), (['a statin', 'any statin'], ['statin', 'simvistatin']), (['an anticoagulant', 'any anticoagulant'], ['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran', 'clopidogrel', 'alteplase']),
 (['metformin'], ['metformin']), (['any opioid'], ['oxycodone', 'hydrocodone', 'morphine', 'codeine', 'tramadol']),
 (['a beta-blocker'], ['metoprolol', 'atenolol', 'propranolol', 'carvedilol']), (['a diuretic'], ['hydrochlorothiazide', 'lasix', 'furosemide']),
 (['an inhaled steroid'], ['fluticasone', 'budesonide']), (['hormonal contraception'], ['natazia', 'nuvaring', 'seasonique', 'levora', 'medroxyprogesterone']),
]
def chart_text(p):
    return [c['name'].lower() for c in p.conds] + [m['name'].lower() for m in p.meds] + [a['name'].lower() for a in p.allergies]

def find_kw(p, kws):
    hits = []
    for c in p.conds:
        if any(k in c['name'].lower() for k in kws): hits.append(('condition', c))
    for m in p.meds:
        if any(k in m['name'].lower() for k in kws): hits.append(('medication', m))
    for a in p.allergies:
        if any(k in a['name'].lower() for k in kws): hits.append(('allergy', a))
    for a in p.procs:
        if any(k in a['name'].lower() for k in kws): hits.append(('procedure', a))
    return hits

def b_neg(p, wrong):
    r = R.random()
    if r < 0.15:  # allergies
        if wrong:
            if not p.allergies: return None
            a = R.choice(p.allergies)
            text = R.choice(['No known allergies.', 'NKA on file.', 'Allergies: none recorded.', 'Per the chart, no allergies documented.'])
            return text, [cpat(p)], 'chart has AllergyIntolerance %s' % a['name'], [dict(t='absent', kws=['__allergy__'])]
        if p.allergies:
            text = 'No drug allergies recorded (environmental/food allergies only).'
            return text, [cpat(p)], 'all AllergyIntolerance entries are non-drug (bee venom, mould, dander, pollens, wheat)', [dict(t='no_drug_allergy')]
        text = R.choice(['NKDA.', 'No known drug allergies recorded.', 'Allergies: NKA.', 'No allergies documented in the chart.', 'Of note, no known allergies.'])
        return text, [cpat(p)], 'no AllergyIntolerance resources in chart', [dict(t='absent', kws=['__allergy__'])]
    table = NEG if r < 0.7 else NEG_MED
    isdrug = table is NEG_MED
    R.shuffle(table)
    for phr, kws in table:
        hits = find_kw(p, kws)
        if wrong and hits:
            hits.sort(key=lambda h: ['condition', 'medication', 'allergy', 'procedure'].index(h[0])); kind, rec = hits[0]
            if isdrug and kind != 'medication': continue
            if phr[0] == 'an anticoagulant' and not any(k in rec['name'].lower() for k in ['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran']): continue
            ph = R.choice(phr)
            if isdrug:
                text = R.choice(['Not on %s.', 'Med list: no %s.'] if rec['status'] == 'active' else ['Never prescribed %s.', 'No history of %s use.', 'Never been on %s.']) % ph
            else: text = R.choice(['No history of %s.', 'Negative for %s.', 'No evidence of %s in the chart.', 'Denies %s.', 'PMH negative for %s.', 'Q: Any %s? A: No, none on record.']) % ph
            text = text[0].upper() + text[1:]
            return text, [cpat(p)], 'chart contains ' + '; '.join('%s %s (%s)' % (k0, r0['name'], r0['id']) for k0, r0 in hits[:3]), [dict(t='absent', kws=kws)]
        if not wrong and not hits:
            if phr[0] == 'an anticoagulant': continue  # keep clopidogrel-type debates out
            ph = R.choice(phr)
            if isdrug: text = R.choice(['Not on %s.', 'No %s on the medication list.', 'Never prescribed %s per the chart.', 'Med review: no %s.']) % ph
            else: text = R.choice(['No history of %s.', 'Negative for %s.', 'No evidence of %s on the problem list.', 'No record of %s.', 'PMH: no %s.', 'Q: Any %s? A: None recorded.']) % ph
            text = text[0].upper() + text[1:]
            return text, [cpat(p)], 'no condition/medication/allergy in the whole chart matches %s' % kws, [dict(t='absent', kws=kws)]
    return None

# ---------------------------------------------------------------- status
def mixed_drug(p, m):
    e = drug_entry(m['name'])
    sts = {x['status'] for x in p.meds if drug_entry(x['name']) == e}
    return len(sts) > 1

def b_status(p, wrong):
    r = R.random()
    if r < 0.2:  # smoking
        if not p.smoke: return None
        s = p.smoke[-1]
        if p.smoke[-1]['date'] == (p.smoke[-2]['date'] if len(p.smoke) > 1 else ''): return None
        true = 'never' if s['v'].lower().startswith('never') else ('former' if s['v'].lower().startswith('former') else None)
        if not true: return None
        claim = true if not wrong else R.choice({'never': ['former', 'current'], 'former': ['never', 'current']}[true])
        dt, g = fdate(s['date'], R.choice(['iso', 'us', 'year', 'month']))
        W = {'never': ['never smoker', 'lifelong non-smoker', 'never-smoker'], 'former': ['former smoker', 'ex-smoker', 'quit smoking'], 'current': ['current smoker', 'active smoker']}
        w = R.choice(W[claim])
        text = R.choice(['Tobacco: %s (as of %s).', 'Social hx: %s, per the %s screen.', 'Smoking status at last check (%s): %s.'])
        text = text % ((dt, w) if text.startswith('Smoking') else (w, dt))
        return text, [cite('observation', s['id'])], 'latest tobacco smoking status obs (%s) = %s' % (s['date'], s['v']) + ('' if not wrong else '; claim says %s' % claim), [dict(t='smoke', rec=s['id'], s=claim), dict(t='latest', rec=s['id'], loinc='72166-2'), dfact('observation', s['id'], s['date'], g, dt)]
    if r < 0.6:
        cs = [c for c in p.conds if c['name'] in STATUS_OK]
        if not cs: return None
        c = R.choice(cs); true = c['status']
        if true not in ('active', 'resolved'): return None
        claim = true if not wrong else ('resolved' if true == 'active' else 'active')
        cn = R.choice(COND_NAMES[c['name']])
        fl = [dict(t='name', rec=c['id'], kw=COND_KW[c['name']]), dict(t='cstat', rec=c['id'], s=claim)]
        if claim == 'resolved':
            if true == 'resolved' and R.random() < 0.5:
                dt, g = fdate(c['abate'], R.choice(['iso', 'us', 'mdy_txt', 'month']))
                text = R.choice(['%s resolved as of %s.', '%s - resolved %s.', 'Of note, %s resolved by %s.']) % (cn, dt)
                fl.append(dfact('condition_abate', c['id'], c['abate'], g, dt))
            else:
                text = R.choice(['%s has resolved.', '%s: resolved.', '%s is no longer active.', 'History of %s, now resolved.', 'Prior %s, resolved.'])
                text = text % cn
        else:
            dt, g = fdate(c['date'], 'year')
            text = R.choice(['%s remains active.', 'Active problem: %s.', '%s - ongoing (since %s).', '%s is still listed as active.', 'Problem list: %s, active.'])
            text = text % ((cn, dt) if 'since' in text else cn)
            if 'since' in text: fl.append(dfact('condition', c['id'], c['date'], 'y', dt))
        text = text[0].upper() + text[1:]
        why = '%s clinicalStatus=%s' % (c['name'], true) + (' (abated %s)' % c['abate'] if c['abate'] else '') + ('' if not wrong else '; claim says %s' % claim)
        return text, [cite('condition', c['id'])], why, fl
    ms = [m for m in p.meds if drug_entry(m['name']) and not mixed_drug(p, m) and m['status'] in ('active', 'stopped')]
    if not ms: return None
    m = R.choice(ms); e = drug_entry(m['name']); true = m['status']
    claim = true if not wrong else ('stopped' if true == 'active' else 'active')
    dname = e[3] if (e[3] and R.random() < 0.35) else e[1]
    if claim == 'active':
        if p.dead: opts = ['%s %s is listed as an active prescription.', '%s %s - active order.', 'Med list shows %s %s as active.']
        else: opts = ['Currently taking %s %s.', 'Remains on %s %s.', 'Active meds include %s %s.', '%s %s - continuing.', 'Still on %s %s as of the last med review.']
    else:
        opts = ['%s %s was discontinued.', 'No longer taking %s %s.', '%s %s: stopped.', 'Previously on %s %s, since discontinued.', '%s %s (course completed, stopped).']
    text = R.choice(opts) % (dname, e[4]); text = text[0].upper() + text[1:]
    why = '%s status=%s' % (m['name'], true) + ('' if not wrong else '; claim says %s' % claim)
    return text, [cite('medication', m['id'])], why, [dict(t='drug', rec=m['id'], brand=dname if dname == e[3] else None, kws=e[2]), dict(t='strength', rec=m['id'], s=e[4]), dict(t='mstat', rec=m['id'], s=claim)]

# ---------------------------------------------------------------- latest
LATEST_L = ['2093-3', '2571-8', '18262-6', '2085-9', '2339-0', '38483-4', '4548-4', '33914-3', '29463-7', '39156-5', '718-7', '777-3', '6690-2', '8302-2', '2947-0', '6298-4', '8331-1']
def b_latest(p, wrong):
    r = R.random()
    if r < 0.2:  # latest visit
        e = p.encs[-1]
        if len(p.encs) > 1 and p.encs[-2]['date'] == e['date']: return None
        if wrong:
            e = R.choice(p.encs[:-1])
            if e['date'] == p.encs[-1]['date']: return None
        dt, g = fdate(e['date'], R.choice(['iso', 'us', 'long', 'dmy_txt', 'mdy_txt']))
        text = R.choice(['Last visit: %s.', 'Most recent encounter was on %s.', 'The patient was last seen on %s.', 'Q: When was the last visit? A: %s.']) % dt
        why = 'latest Encounter period.start %s' % p.encs[-1]['date'] + ('' if not wrong else '; cited/stated encounter %s is older' % e['date'])
        return text, [cite('encounter', e['id'])], why, [dfact('encounter', e['id'], e['date'], g, dt), dict(t='latest_enc', rec=e['id'])]
    if r < 0.4:  # latest BP
        bs = [b for b in p.bp if bp_ok(b)]
        if not bs or not bp_ok(p.bp[-1]) or (len(p.bp) > 1 and p.bp[-2]['date'] == p.bp[-1]['date']): return None
        b = p.bp[-1]
        if wrong:
            olds = [x for x in bs[:-1] if bp_txt(x) != bp_txt(b)]
            if not olds: return None
            b = R.choice(olds)
        dt, g = fdate(b['date'], R.choice(['iso', 'us', 'year', 'dmy_txt']))
        text = R.choice(['Most recent BP %s %s (%s).', 'Latest blood pressure: %s %s, recorded %s.', 'BP at last check was %s %s (%s).', '- last BP %s %s, %s']) % (bp_txt(b), R.choice(MMHG), dt)
        text = text.replace('  ', ' ')
        why = 'latest BP panel %s' % p.bp[-1]['date'] + ('' if not wrong else '; cited panel %s is older' % b['date'])
        return text, [cite('observation', b['id'])], why, bp_facts(b) + [dfact('observation', b['id'], b['date'], g, dt), dict(t='latest', rec=b['id'], loinc='55284-4')]
    ls = [l for l in LATEST_L if len(p.obs.get(l, [])) >= 2 and p.obs[l][-1]['date'] != p.obs[l][-2]['date']]
    if not ls: return None
    l = R.choice(ls); dec = AN[l][2]; last = p.obs[l][-1]; o = last
    if wrong:
        olds = [x for x in p.obs[l][:-1] if fv(x['v'], dec) != fv(last['v'], dec) and safe_round(x['v'], dec)]
        if not olds: return None
        o = R.choice(olds)
    if not safe_round(o['v'], dec): return None
    dt, g = fdate(o['date'], R.choice(['iso', 'us', 'year', 'month', 'mdy_txt']))
    n, u = nm(l), R.choice(AN[l][1] + [''])
    text = R.choice(['Most recent %s: %s %s (%s).', 'Latest %s was %s %s on %s.', '%s at last check: %s %s (%s).', 'Reviewing labs: last %s %s %s, dated %s.', 'Q: What is the latest %s? A: %s %s, from %s.'])
    text = (text % (n, fv(o['v'], dec), u, dt)).replace('  ', ' ').replace(' (', ' ('); text = text[0].upper() + text[1:]
    why = 'latest %s is %s on %s' % (l, fv(last['v'], dec), last['date']) + ('' if not wrong else '; claim gives older value from %s' % o['date'])
    return text, [cite('observation', o['id'])], why, [vfact(o['id'], l, o['v'], dec), dfact('observation', o['id'], o['date'], g, dt), dict(t='latest', rec=o['id'], loinc=l)]

# ---------------------------------------------------------------- swapped
def b_swapped(p, wrong):
    r = R.random()
    if r < 0.4:
        bs = [b for b in p.bp if bp_ok(b)]
        if not bs: return None
        b = R.choice(bs); s, d = round(b['sys'][1]), round(b['dia'][1])
        dt, g = fdate(b['date'], R.choice(['iso', 'us', 'dmy_txt', 'mdy_txt', 'year']))
        if wrong: s, d = d, s
        text = R.choice(['BP %d/%d %s on %s.', 'Blood pressure %d/%d %s (%s).', 'SBP %d, DBP %d %s, %s.', '%d/%d %s was the BP on %s.'])
        text = (text % (s, d, R.choice(MMHG), dt)).replace('  ', ' ').replace(' ,', ',')
        why = 'systolic %.1f, diastolic %.1f' % (b['sys'][1], b['dia'][1]) + ('; claim swaps them' if wrong else '')
        return text, [cite('observation', b['id'])], why, bp_facts(b, s, d) + [dfact('observation', b['id'], b['date'], g, dt)]
    if r < 0.7:
        return b_trend(p, wrong, swapped=True)
    pairs = [('18262-6', '2085-9'), ('2093-3', '2571-8'), ('2947-0', '2069-3'), ('718-7', '4544-3'), ('6299-2', '2339-0')]
    R.shuffle(pairs)
    for l1, l2 in pairs:
        for o1 in p.obs.get(l1, []):
            o2 = same_date_obs(p, l2, o1['date'])
            if not o2: continue
            d1, d2 = AN[l1][2], AN[l2][2]
            if not (safe_round(o1['v'], d1) and safe_round(o2['v'], d2)): continue
            if abs(o1['v'] - o2['v']) < 0.15 * max(o1['v'], o2['v']): continue
            v1, v2 = (o2['v'], o1['v']) if wrong else (o1['v'], o2['v'])
            dt, g = fdate(o1['date'], R.choice(['iso', 'us', 'month', 'dmy_txt']))
            text = R.choice(['%s %s, %s %s (%s).', '%s %s and %s %s on %s.', 'Labs %s: %s %s / %s %s.'])
            if text.startswith('Labs'): text = text % (dt, nm(l1), fv(v1, d1 if not wrong else d2), nm(l2), fv(v2, d2 if not wrong else d1))
            else: text = text % (nm(l1), fv(v1, d1 if not wrong else d2), nm(l2), fv(v2, d2 if not wrong else d1), dt)
            text = text[0].upper() + text[1:]
            fl = [vfact(o1['id'], l1, v1, d1 if not wrong else d2), vfact(o2['id'], l2, v2, d2 if not wrong else d1), dfact('observation', o1['id'], o1['date'], g, dt)]
            why = '%s %s, %s %s on %s' % (l1, o1['v'], l2, o2['v'], o1['date']) + ('; claim swaps the two values' if wrong else '')
            return text, [cite('observation', o1['id']), cite('observation', o2['id'])], why, fl
    return None

# ---------------------------------------------------------------- wrong-citation
def b_wcite(p, wrong):
    r = R.random()
    if r < 0.55:  # observation value with date
        rr = pick_obs(p)
        if not rr: return None
        l, o = rr; dec = AN[l][2]
        dt, g = fdate(o['date'], R.choice(['iso', 'us', 'dmy_txt', 'mdy_txt', 'long']))
        n, u = nm(l), R.choice(AN[l][1] + [''])
        text = R.choice(['%s %s %s on %s.', '%s measured at %s %s on %s.', 'Of note, %s was %s %s on %s.', '- %s %s %s (%s)'])
        text = (text % (n, fv(o['v'], dec), u, dt)).replace('  ', ' '); text = text[0].upper() + text[1:]
        cid = o['id']; why = '%s %s on %s in the cited record' % (l, o['v'], o['date'])
        if wrong:
            mode = R.choice(['otherdate', 'otheranalyte'])
            if mode == 'otherdate':
                others = [x for x in p.obs[l] if x['date'] != o['date'] and fv(x['v'], dec) != fv(o['v'], dec)]
                if not others: return None
                x = R.choice(others); why = 'fact is true of %s (%s) but cites the %s reading from %s (%s)' % (o['id'], o['date'], l, x['date'], fv(x['v'], dec))
            else:
                others = [x for ll, lst in p.obs.items() if ll != l for x in lst if x['date'] == o['date']]
                if not others: return None
                x = R.choice(others); why = 'fact is true of %s but cites a different observation on the same date (%s)' % (o['id'], [k for k, lst in p.obs.items() if x in lst][0])
            cid = x['id']
        return text, [cite('observation', cid)], why, [vfact(cid, l, o['v'], dec), dfact('observation', cid, o['date'], g, dt)]
    if r < 0.8:  # condition onset, cite wrong kind / wrong condition
        cs = [c for c in p.conds if c['name'] in COND_NAMES]
        if not cs: return None
        c = R.choice(cs); cn = R.choice(COND_NAMES[c['name']])
        dt, g = fdate(c['date'], R.choice(['iso', 'us', 'year', 'month', 'long']))
        text = R.choice(['%s, onset %s.', 'Diagnosis of %s recorded %s.', 'PMH includes %s (%s).'] + (['Per the chart, %s since %s.'] if c['status'] == 'active' else [])) % (cn, dt)
        text = text[0].upper() + text[1:]
        kind, cid = 'condition', c['id']; why = '%s onset %s' % (c['name'], c['date'])
        if wrong:
            opts = [('medication', m) for m in p.meds] + [('condition', x) for x in p.conds if COND_KW[c['name']] not in x['name'].lower() and COND_KW.get(x['name'], x['name'].lower()) not in c['name'].lower()] + [('encounter', e) for e in p.encs if e['date'] == c['date']]
            opts = [o for o in opts if COND_KW[c['name']] not in o[1]['name'].lower()]
            if not opts: return None
            kind, x = R.choice(opts); cid = x['id']
            why = 'true of condition %s (%s) but cites %s %s (%s)' % (c['id'], c['name'], kind, x['id'], x['name'])
        return text, [cite(kind, cid)], why, [dict(t='name', rec=cid, kw=COND_KW[c['name']]), dfact(kind, cid, c['date'], g, dt)]
    # medication
    ms = [m for m in p.meds if drug_entry(m['name'])]
    if not ms: return None
    m = R.choice(ms); e = drug_entry(m['name'])
    dt, g = fdate(m['date'], R.choice(['iso', 'us', 'year', 'month']))
    text = R.choice(['%s %s prescribed %s.', 'Rx %s %s (%s).', 'Started %s %s in %s.' if g in 'ym' else 'Started %s %s on %s.']) % (e[1], e[4], dt)
    text = text[0].upper() + text[1:]
    kind, cid = 'medication', m['id']; why = '%s authoredOn %s' % (m['name'], m['date'])
    if wrong:
        opts = [('medication', x) for x in p.meds if drug_entry(x['name']) and drug_entry(x['name'])[1] != e[1]] + [('condition', x) for x in p.conds if x['date'] == m['date']]
        opts = [o for o in opts if not any(k in o[1]['name'].lower() for k in e[2])]
        if not opts: return None
        kind, x = R.choice(opts); cid = x['id']
        why = 'true of MedicationRequest %s but cites %s %s (%s)' % (m['id'], kind, x['id'], x['name'])
    return text, [cite(kind, cid)], why, [dict(t='drug', rec=cid, brand=None, kws=e[2]), dict(t='strength', rec=cid, s=e[4]), dfact(kind, cid, m['date'], g, dt)]

# ---------------------------------------------------------------- interpretation
def interp_cands(p):
    out = []  # (rec, kind, true_cat, text_value, obs)
    for b in p.bp:
        if not bp_ok(b) or age_at(p, b['date']) < 18: continue
        s, d = b['sys'][1], b['dia'][1]
        if s >= 145 or d >= 95: out.append(('bp', b, 'stage2'))
        elif s <= 115 and d <= 75: out.append(('bp', b, 'normal'))
    for o in p.obs.get('39156-5', []):
        if age_at(p, o['date']) < 20 or not safe_round(o['v'], 1): continue
        v = o['v']
        if v >= 30.5: out.append(('39156-5', o, 'obese'))
        elif 19 <= v <= 24.5: out.append(('39156-5', o, 'normal'))
        elif 25.5 <= v <= 29.5: out.append(('39156-5', o, 'overweight'))
    for o in p.obs.get('4548-4', []):
        v = o['v']
        if v >= 6.7: out.append(('4548-4', o, 'diabetic'))
        elif v <= 5.5: out.append(('4548-4', o, 'normal'))
        elif 5.8 <= v <= 6.3: out.append(('4548-4', o, 'prediabetic'))
    for o in p.obs.get('18262-6', []):
        if o['v'] >= 165: out.append(('18262-6', o, 'high'))
        elif o['v'] <= 95: out.append(('18262-6', o, 'optimal'))
    for o in p.obs.get('2093-3', []):
        if o['v'] >= 245: out.append(('2093-3', o, 'high'))
        elif o['v'] <= 195: out.append(('2093-3', o, 'desirable'))
    for o in p.obs.get('2571-8', []):
        if o['v'] >= 210: out.append(('2571-8', o, 'high'))
        elif o['v'] <= 140: out.append(('2571-8', o, 'normal'))
    for o in p.obs.get('2085-9', []):
        if o['v'] <= 37: out.append(('2085-9', o, 'low'))
    for o in p.obs.get('33914-3', []):
        v = o['v']
        if v >= 95: out.append(('33914-3', o, 'G1'))
        elif 62 <= v <= 87: out.append(('33914-3', o, 'G2'))
        elif 47 <= v <= 57: out.append(('33914-3', o, 'G3a'))
        elif 32 <= v <= 42: out.append(('33914-3', o, 'G3b'))
    for o in p.obs.get('8331-1', []):
        if o['v'] >= 38.3: out.append(('8331-1', o, 'fever'))
        elif o['v'] <= 37.5: out.append(('8331-1', o, 'afebrile'))
    return out

IWORD = {
 ('bp', 'stage2'): ['in the stage 2 hypertensive range', 'consistent with stage 2 hypertension (ACC/AHA)', 'hypertensive'],
 ('bp', 'normal'): ['normal', 'within normal limits', 'normotensive'],
 ('bp', 'stage1'): ['stage 1 hypertension range'], ('bp', 'elevated'): ['elevated'],
 ('39156-5', 'obese'): ['obese range', 'in the obese range (WHO)', 'obese'], ('39156-5', 'normal'): ['normal weight', 'a healthy weight range', 'within the normal range'],
 ('39156-5', 'overweight'): ['overweight', 'in the overweight range'], ('39156-5', 'underweight'): ['underweight'],
 ('4548-4', 'diabetic'): ['in the diabetic range', 'diabetic-range'], ('4548-4', 'normal'): ['normal', 'non-diabetic, normal'], ('4548-4', 'prediabetic'): ['in the prediabetes range', 'prediabetic'],
 ('18262-6', 'high'): ['high', 'elevated'], ('18262-6', 'optimal'): ['optimal', 'at goal (<100)'],
 ('2093-3', 'high'): ['high', 'elevated'], ('2093-3', 'desirable'): ['desirable', 'normal'],
 ('2571-8', 'high'): ['high', 'elevated'], ('2571-8', 'normal'): ['normal', 'in range'],
 ('2085-9', 'low'): ['low'], ('2085-9', 'high'): ['high (protective)'],
 ('33914-3', 'G1'): ['normal (KDIGO G1)'], ('33914-3', 'G2'): ['mildly decreased (KDIGO G2 range)'], ('33914-3', 'G3a'): ['mildly to moderately decreased (G3a)'],
 ('33914-3', 'G3b'): ['moderately to severely decreased (G3b)'], ('33914-3', 'G4'): ['severely decreased (G4)'],
 ('8331-1', 'fever'): ['febrile', 'a fever'], ('8331-1', 'afebrile'): ['afebrile', 'normal'],
}
IWRONG = {('bp', 'stage2'): ['normal', 'elevated'], ('bp', 'normal'): ['stage1', 'stage2'],
          ('39156-5', 'obese'): ['normal', 'overweight'], ('39156-5', 'normal'): ['obese', 'overweight'], ('39156-5', 'overweight'): ['normal', 'obese'],
          ('4548-4', 'diabetic'): ['normal', 'prediabetic'], ('4548-4', 'normal'): ['diabetic', 'prediabetic'], ('4548-4', 'prediabetic'): ['normal', 'diabetic'],
          ('18262-6', 'high'): ['optimal'], ('18262-6', 'optimal'): ['high'], ('2093-3', 'high'): ['desirable'], ('2093-3', 'desirable'): ['high'],
          ('2571-8', 'high'): ['normal'], ('2571-8', 'normal'): ['high'], ('2085-9', 'low'): ['high'],
          ('33914-3', 'G1'): ['G3a', 'G2'], ('33914-3', 'G2'): ['G1', 'G3b'], ('33914-3', 'G3a'): ['G1', 'G4'], ('33914-3', 'G3b'): ['G1', 'G2'],
          ('8331-1', 'fever'): ['afebrile'], ('8331-1', 'afebrile'): ['fever']}
THR = {'bp': 'ACC/AHA 2017 BP categories', '39156-5': 'WHO adult BMI categories', '4548-4': 'ADA HbA1c (<5.7 normal, 5.7-6.4 prediabetes, >=6.5 diabetes)',
       '18262-6': 'NCEP ATP III LDL (<100 optimal, >=160 high)', '2093-3': 'NCEP ATP III total cholesterol (<200 desirable, >=240 high)',
       '2571-8': 'NCEP ATP III triglycerides (<150 normal, >=200 high)', '2085-9': 'NCEP ATP III HDL (<40 low)', '33914-3': 'KDIGO GFR categories',
       '8331-1': 'fever >=38.0 C'}

def b_interp(p, wrong):
    cs = interp_cands(p)
    if not cs: return None
    k, o, cat = R.choice(cs)
    claim = cat if not wrong else R.choice(IWRONG[(k, cat)])
    w = R.choice(IWORD[(k, claim)])
    dt, g = fdate(o['date'], R.choice(['iso', 'us', 'year', 'dmy_txt', 'month']))
    if k == 'bp':
        val = bp_txt(o); fl = bp_facts(o)
        text = R.choice(['BP %s on %s - %s.', 'Blood pressure of %s (%s) is %s.', 'The %s reading on %s was %s.'])
        text = text % (val, dt, w)
    else:
        dec = AN[k][2]; val = fv(o['v'], dec); fl = [vfact(o['id'], k, o['v'], dec)]
        n, u = nm(k), R.choice(AN[k][1] + [''])
        text = R.choice(['%s %s %s (%s), %s.', '%s of %s %s on %s is %s.', 'Reviewing labs: %s %s %s from %s - %s.', '%s was %s %s on %s, which is %s.'])
        text = (text % (n, val, u, dt, w)).replace('  ', ' ').replace(' (', ' (')
    text = text[0].upper() + text[1:]
    why = '%s %s -> %s by %s' % (k, val, cat, THR[k]) + ('' if not wrong else '; claim says %s' % claim)
    fl += [dfact('observation', o['id'], o['date'], g, dt), dict(t='interp', rec=o['id'], k=k, cat=claim)]
    return text, [cite('observation', o['id'])], why, fl

def run_all():
    fill('dates', b_dates); fill('abbreviations', b_abbr); fill('drug-names', b_drug); fill('units', b_units)
    fill('rounding', b_round); fill('trends', b_trend); fill('two-facts', b_two); fill('negation', b_neg)
    fill('status', b_status); fill('latest', b_latest); fill('swapped', b_swapped); fill('wrong-citation', b_wcite)
    fill('interpretation', b_interp)
