from fw import *
CAT = 'negation'

# concept: (names used in text, regex, scopes)
CONCEPTS = [
 (['diabetes', 'diabetes mellitus', 'DM'], r'diabet', ['cond', 'med']),
 (['hypertension', 'HTN', 'high blood pressure'], r'hypertens', ['cond']),
 (['asthma'], r'asthma', ['cond']),
 (['heart failure', 'CHF'], r'heart failure', ['cond']),
 (['myocardial infarction', 'MI', 'heart attack'], r'myocardial infarction', ['cond']),
 (['stroke', 'CVA'], r'stroke|cerebrovascular', ['cond']),
 (['cancer', 'malignancy'], r'neoplasm|carcinoma|malignan|metasta|tumou?r|cancer', ['cond', 'reason']),
 (['kidney disease', 'CKD'], r'kidney|renal', ['cond']),
 (['osteoporosis'], r'osteoporosis', ['cond']),
 (['seizures', 'epilepsy', 'a seizure disorder'], r'seizure|epilep', ['cond']),
 (['hyperlipidemia', 'dyslipidemia'], r'hyperlipid|hypertriglycerid', ['cond']),
 (['anemia', 'anaemia'], r'anemia', ['cond']),
 (['fractures', 'a fracture', 'broken bones'], r'fracture', ['cond']),
 (['appendectomy', 'an appendectomy'], r'appendectomy|appendicitis', ['cond', 'proc']),
 (['dementia', "Alzheimer's disease"], r'alzheimer|dementia', ['cond']),
 (['COPD'], r'COPD|chronic obstructive|emphysema', ['cond']),
 (['osteoarthritis', 'OA'], r'osteoarthritis', ['cond']),
 (['coronary artery disease', 'CAD'], r'coronary', ['cond']),
 (['sinusitis'], r'sinusitis', ['cond']),
 (['otitis media', 'ear infections'], r'otitis', ['cond']),
 (['strep throat'], r'streptococcal', ['cond']),
]
MEDCLS = [
 (['a statin', 'statin therapy', 'any statin'], r'statin|simvistatin|simvastatin|atorvastatin|rosuvastatin|pravastatin'),
 (['an anticoagulant', 'anticoagulation', 'any blood thinner (anticoagulant)'], r'warfarin|heparin|apixaban|rivaroxaban|dabigatran|enoxaparin|edoxaban'),
 (['an antiplatelet agent', 'antiplatelet therapy'], r'clopidogrel|aspirin|prasugrel|ticagrelor'),
 (['insulin'], r'insulin'),
 (['opioids', 'an opioid', 'any opioid analgesic'], r'oxycodone|hydrocodone|morphine|codeine|tramadol|fentanyl|hydromorphone'),
 (['antihypertensives', 'any blood-pressure medication'], r'hydrochlorothiazide|amlodipine|metoprolol|lisinopril|losartan|lasix|furosemide'),
 (['metformin'], r'metformin'),
 (['hormonal contraception', 'birth control'], r'nuvaring|levora|seasonique|natazia|medroxyprogesterone'),
 (['inhalers', 'an inhaler'], r'inhaler'),
 (['an NSAID', 'NSAIDs'], r'naproxen|ibuprofen'),
 (['chemotherapy'], r'docetaxel|oxaliplatin|leucovorin'),
 (['a beta-blocker'], r'metoprolol|atenolol|carvedilol|propranolol'),
]
VAXNEG = [(['the shingles (zoster) vaccine', 'zoster vaccination'], r'zoster'), (['any pneumococcal vaccine', 'pneumococcal vaccination'], r'pneumococcal'),
          (['HPV vaccination', 'the HPV vaccine'], r'HPV'), (['a tetanus booster (Td/Tdap)'], r'^Td|Tdap')]

def _has(P, rx, scopes):
    import validate
    return run(P, ["absent", rx, scopes])[0] is False

def run(P, chk):
    import validate
    return validate.run_check(P.id, chk)

def n_cond(P, rnd, wrong):
    cands = [(n, rx, sc) for n, rx, sc in CONCEPTS if _has(P, rx, sc) == wrong]
    # prediabetes alone makes 'no diabetes' debatable: skip that concept for such patients
    if any(c['name'] == 'Prediabetes' for c in P.conds) and not any(c['name'] == 'Diabetes' for c in P.conds):
        cands = [x for x in cands if x[1] != r'diabet']
    if not cands: raise Skip()
    n, rx, sc = rnd.choice(cands); fact(CAT, P.id, rx)
    nm = rnd.choice(n)
    i, s = pv('n_cond', [f"No history of {nm}.", f"PMH negative for {nm}.", f"{who(P, rnd)} has never been diagnosed with {nm}.", f"There is no record of {nm} anywhere in {P.his} chart.",
                         f"{nm[0].upper() + nm[1:]}: none documented.", f"No {strip_article(nm)} on the problem list.", f"Denies any history of {nm}.", f"Of note, {P.he} has no documented {nm}.",
                         f"No prior {strip_article(nm)}."], rnd)
    cites = [cpat(P)]
    if wrong:
        import validate
        hits = [c for c in P.conds if re.search(rx, c['name'], re.I)]
        if hits and rnd.random() < 0.3: cites.append(cite('condition', hits[0]['id']))
    why = f"no Condition/record matching '{n[0]}' anywhere in the chart" if not wrong else f"chart contains {n[0]}: " + '; '.join(sorted({c['name'] + ' (' + c['date'] + ')' for c in P.conds if re.search(rx, c['name'], re.I)} | {p['name'] for p in P.procs if re.search(rx, p['name'], re.I)} | {r for e in P.encs for r in e['reason'] if re.search(rx, r, re.I)}))[:200]
    return tidy(s), cites, [["absent", rx, sc]], why

def n_med(P, rnd, wrong):
    mode = rnd.choice(['ever', 'current'])
    if mode == 'ever':
        cands = [(n, rx) for n, rx in MEDCLS if any(re.search(rx, m['name'], re.I) for m in P.meds) == wrong]
    else:
        cands = [(n, rx) for n, rx in MEDCLS if any(re.search(rx, m['name'], re.I) and m['status'] == 'active' for m in P.meds) == wrong]
    if not cands: raise Skip()
    n, rx = rnd.choice(cands); fact(CAT, P.id, rx); nm = rnd.choice(n)
    if mode == 'ever':
        bare = re.sub(r'^(a|an|any) ', '', nm)
        i, s = pv('n_med_ever', [f"Never prescribed {nm}.", f"No {bare} on the medication history.", f"{who(P, rnd)} has never been on {nm}.", f"No record of {bare} being ordered."], rnd)
        chk = ["absent", rx, ['med']]
    else:
        if P.deceased: raise Skip()
        bare = re.sub(r'^(a|an|any) ', '', nm)
        i, s = pv('n_med_cur', [f"Not currently on {nm}.", f"{who(P, rnd)} is not taking {nm} at present.", f"No active prescription for {bare}.", f"Current meds do not include {bare}."], rnd)
        chk = ["absent_active", rx]
    hits = [m for m in P.meds if re.search(rx, m['name'], re.I)]
    if wrong and mode == 'current': hits = [m for m in hits if m['status'] == 'active']
    why = (f"no MedicationRequest matching {n[0]}" + (f" is active (only stopped: {hits[0]['name']})" if hits and mode == 'current' else " in the chart")) if not wrong else f"chart has {hits[0]['name']} ({hits[0]['status']}, {hits[0]['date']})"
    return tidy(s), [cpat(P)], [chk], why

def n_allergy(P, rnd, wrong):
    has = bool(P.alls)
    if has != wrong: raise Skip()
    fact(CAT, P.id, 'allergy')
    i, s = pv('n_allergy', ["NKA.", "No known allergies.", f"{who(P, rnd)} has no allergies on file.", "Allergies: none recorded.", "No known allergies (drug, food or environmental) are documented."], rnd)
    why = "no AllergyIntolerance resources in the chart" if not wrong else "chart lists allergies: " + ', '.join(a['name'] for a in P.alls)
    return tidy(s), [cpat(P)], [["absent", '.', ['allergy']]], why

def n_smoke(P, rnd, wrong):
    L = series(P, '72166-2')
    if not L: raise Skip()
    never = all(o['vstr'] == 'Never smoker' for o in L)
    if never == wrong: raise Skip()
    fact(CAT, P.id, 'smoke'); last = L[-1]
    i, s = pv('n_smoke', ["Denies tobacco use; never smoker.", f"{who(P, rnd)} has never smoked.", "Non-smoker, never smoked.", "Tobacco: never.", f"No smoking history — documented as a never smoker at every visit."], rnd)
    cites = [co(last)] if rnd.random() < 0.5 else [cpat(P), co(last)]
    if len(cites) == 1 and 'every visit' in s: cites = [cpat(P)] + cites
    why = f"all {len(L)} smoking-status observations say 'Never smoker' (latest {last['date']})" if not wrong else f"smoking status is '{last['vstr']}' — a former smoker has a smoking history"
    return tidy(s), cites, [["name", ro(last), '^Never smoker$'], ["absent", '^(Former|Current|Every day|Some day)', ['obs']]], why

def n_vax(P, rnd, wrong):
    cands = [(n, rx) for n, rx in VAXNEG if any(re.search(rx, x['name']) for x in P.imms) == wrong]
    if not cands: raise Skip()
    n, rx = rnd.choice(cands); fact(CAT, P.id, rx); nm = rnd.choice(n)
    i, s = pv('n_vax', [f"Has not received {nm}.", f"No {strip_article(nm)} on the immunization record.", f"Immunization history does not include {nm}.", f"{nm[0].upper() + nm[1:]} — never given."], rnd)
    hits = [x for x in P.imms if re.search(rx, x['name'])]
    why = f"no Immunization matching {n[0]}" if not wrong else f"Immunization '{hits[0]['name']}' given {hits[0]['date']}"
    return tidy(s), [cpat(P)], [["absent", rx, ['imm']]], why

def n_enc(P, rnd, wrong):
    kind = rnd.choice(['ed', 'ip', 'colo'])
    if kind == 'ed':
        has = any(e['cls'] == 'EMER' for e in P.encs); rx = 'emergency'; sc = ['enc']
        ph = ["No ED visits on record.", "Never seen in the emergency department.", f"{who(P, rnd)} has no emergency-room encounters in the chart."]
    elif kind == 'ip':
        has = any(e['cls'] == 'IMP' for e in P.encs); rx = 'inpatient|admission to'; sc = ['enc', 'proc']
        ph = ["No prior hospitalizations.", "Never admitted as an inpatient.", "No inpatient admissions documented."]
    else:
        has = any(p['name'] == 'Colonoscopy' for p in P.procs); rx = 'colonoscopy'; sc = ['proc']
        ph = ["No colonoscopy on file.", "Has never had a colonoscopy.", "Colonoscopy: never done."]
    if has != wrong: raise Skip()
    fact(CAT, P.id, kind)
    i, s = pv('n_enc_' + kind, ph, rnd)
    if not wrong: why = {'ed': 'no Encounter of class EMER', 'ip': 'no Encounter of class IMP', 'colo': 'no Colonoscopy procedure'}[kind] + ' in the chart'
    elif kind == 'colo': why = 'Colonoscopy performed ' + ', '.join(p['date'] for p in P.procs if p['name'] == 'Colonoscopy')
    else: why = 'chart has ' + ', '.join(e['name'] + ' ' + e['date'] for e in P.encs if e['cls'] == ('EMER' if kind == 'ed' else 'IMP'))[:150]
    chk = ["absent", rx, sc] if kind != 'ip' else ["absent_class", 'IMP']
    if kind == 'ed': chk = ["absent_class", 'EMER']
    return tidy(s), [cpat(P)], [chk], why

INDIC = {'Hypertension': [0, 5, 11], 'Diabetes': [3, 6], 'Prediabetes': [6], 'Childhood asthma': [8], 'Hyperlipidemia': [0], 'Coronary Heart Disease': [0, 2, 11],
         'Myocardial Infarction': [0, 2, 11], 'History of myocardial infarction (situation)': [0, 2], 'Stroke': [0, 1, 2], 'Osteoarthritis of hip': [9, 4],
         'Localized, primary osteoarthritis of the hand': [9, 4], 'Chronic congestive heart failure (disorder)': [11, 5], 'Neoplasm of prostate': [10],
         'Hypertriglyceridemia (disorder)': [0], 'Metabolic syndrome X (disorder)': [0, 6]}
def n_specific(P, rnd, wrong):
    """negation citing the specific record a reader would check (the indication), e.g. 'HTN, but never on a statin' """
    L = [c for c in P.conds if c['status'] == 'active' and c['name'] in INDIC]
    if not L: raise Skip()
    c = rnd.choice(L)
    cands = [MEDCLS[k] for k in INDIC[c['name']] if any(re.search(MEDCLS[k][1], m['name'], re.I) for m in P.meds) == wrong]
    if not cands: raise Skip()
    n, rx = rnd.choice(cands); fact(CAT, P.id, rx, 'spec'); nm = rnd.choice(n)
    cn = strip_article(cname(c, rnd))
    bare = re.sub(r'^(a|an|any) ', '', nm)
    i, s = pv('n_specific', [f"Despite {cn}, {P.he} has never been prescribed {nm}.", f"{cn[0].upper() + cn[1:]} on the problem list; no {bare} ever ordered.", f"Has {cn} but no history of {bare} use."], rnd)
    hits = [m for m in P.meds if re.search(rx, m['name'], re.I)]
    why = f"Condition '{c['name']}' is active; no MedicationRequest matching {n[0]} in chart" if not wrong else f"chart has {hits[0]['name']} ({hits[0]['date']})"
    return tidy(s), [cite('condition', c['id']), cpat(P)], [["name", ref('condition', c['id']), vocab.cond_rx(c['name'])], ["status", ref('condition', c['id']), 'active'], ["absent", rx, ['med']]], why

PATTERNS = [n_cond, n_med, n_allergy, n_smoke, n_vax, n_enc, n_specific]
