from fw import *
CAT = 'drug-names'

ING = {'ibuprofen': 'ibuprofen', 'Advil': 'ibuprofen', 'Motrin': 'ibuprofen', "Children's Motrin": 'ibuprofen', 'cephalexin': 'cephalexin', 'Keflex': 'cephalexin',
       'lisinopril': 'lisinopril', 'chlorthalidone': 'chlorthalidone', 'furosemide': 'furosemide|lasix', 'atorvastatin': 'atorvastatin', 'Lipitor': 'atorvastatin',
       'Crestor': 'rosuvastatin', 'pravastatin': 'pravastatin', 'naproxen': 'naproxen', 'Aleve': 'naproxen', 'amoxicillin': 'amoxicillin', 'Amoxil': 'amoxicillin',
       'acetaminophen': 'acetaminophen', 'Tylenol': 'acetaminophen', 'hydrocodone-acetaminophen': 'hydrocodone', 'Norco': 'hydrocodone', 'Vicodin': 'hydrocodone',
       'oxycodone-acetaminophen': 'oxycodone', 'Percocet': 'oxycodone', 'guaifenesin': 'guaifenesin', 'Mucinex': 'guaifenesin', 'Robitussin': 'guaifenesin',
       'azithromycin': 'azithromycin', 'Zithromax': 'azithromycin', 'Augmentin': 'clavulanate', 'cefdinir': 'cefdinir', 'Omnicef': 'cefdinir', 'folic acid': 'folic',
       'iron sucrose': 'iron', 'isosorbide mononitrate': 'isosorbide', 'Imdur': 'isosorbide', 'aspirin': 'aspirin', 'Brilinta': 'ticagrelor', 'warfarin': 'warfarin',
       'Eliquis': 'apixaban', 'glipizide': 'glipizide', 'Januvia': 'sitagliptin', 'Glucotrol': 'glipizide', 'insulin glargine': 'glargine', 'Lantus': 'glargine',
       'budesonide': 'budesonide', 'Pulmicort': 'budesonide', 'Advair': 'salmeterol', 'levalbuterol': 'levalbuterol', 'Xopenex': 'levalbuterol', 'Atrovent': 'ipratropium',
       'paclitaxel': 'paclitaxel', 'Taxol': 'paclitaxel', 'goserelin': 'goserelin', 'Zoladex': 'goserelin', 'bicalutamide': 'bicalutamide', 'nifedipine': 'nifedipine',
       'Procardia': 'nifedipine', 'diltiazem': 'diltiazem', 'donepezil': 'donepezil', 'Aricept': 'donepezil', 'metoprolol tartrate': 'metoprolol tartrate',
       'Lopressor': 'metoprolol tartrate', 'carvedilol': 'carvedilol', 'Coreg': 'carvedilol', 'bumetanide': 'bumetanide', 'Bumex': 'bumetanide', 'torsemide': 'torsemide',
       'hydrochlorothiazide': 'hydrochlorothiazide', 'tenecteplase': 'tenecteplase', 'TNKase': 'tenecteplase', 'Yaz': 'drospirenone', 'Loestrin': 'norethindrone',
       'methotrexate': 'methotrexate', 'fluorouracil': 'fluorouracil', 'cisplatin': 'cisplatin', 'carboplatin': 'carboplatin', 'loratadine': 'loratadine',
       'Claritin': 'loratadine', 'cetirizine': 'cetirizine', 'Zyrtec': 'cetirizine', 'diphenhydramine': 'diphenhydramine', 'Benadryl': 'diphenhydramine',
       'Depo-Provera': 'medroxyprogesterone', 'Mirena IUD': 'levonorgestrel.*intrauterine', 'Nexplanon': 'etonogestrel implant', 'NuvaRing': 'nuvaring',
       'Ortho Tri-Cyclen': 'norgestimate', 'drospirenone/EE': 'drospirenone', 'hydroxyzine': 'hydroxyzine', 'Atarax': 'hydroxyzine', 'risedronate': 'risedronate',
       'Actonel': 'risedronate', 'ibandronate': 'ibandronate', 'Boniva': 'ibandronate', "Children's Tylenol": 'acetaminophen'}

def numrx(strength):
    nums = re.findall(r'\d+(?:\.\d+)?', strength)
    return ''.join(f'(?=.*(?<![\\d.]){re.escape(n)}(?![\\d.]))' for n in nums)

SRX = {'44 mcg/actuation': '0\\.044 MG', '90 mcg/actuation': '0\\.09 MG', '0.3 mg': '0\\.3 ML Epinephrine 1 MG/ML'}
FREQ = {(1, 1, 'd'): ['daily', 'once daily', 'qd'], (2, 1, 'd'): ['bid', 'twice daily', 'BID'], (3, 1, 'd'): ['tid', 'three times daily'], (1, 6, 'h'): ['q6h', 'every 6 hours']}
WFREQ = {(1, 1, 'd'): ['bid', 'twice daily'], (2, 1, 'd'): ['tid', 'once daily'], (3, 1, 'd'): ['bid', 'qid'], (1, 6, 'h'): ['q4h', 'every 4 hours']}

def _pick(P, rnd, need_strength=False, need_brand=False):
    L = [m for m in P.meds if (not need_strength or vocab.MED[m['name']]['strength']) and (not need_brand or vocab.MED[m['name']]['brands'])]
    if not L: raise Skip()
    m = rnd.choice(L); fact(CAT, m['id']); return m, vocab.MED[m['name']]

def _wrong(M, rnd, modes):
    modes = [x for x in modes if (x != 'strength' or M['alt']) and (x != 'other' or M['other'])]
    return rnd.choice(modes)

def _status_words(m):
    return 'active' if m['status'] == 'active' else 'stopped'

def dn_brand(P, rnd, wrong):
    m, M = _pick(P, rnd, need_strength=True, need_brand=True)
    R = ref('medication', m['id'])
    name = rnd.choice(M['brands']); st = M['strength']; mode = _wrong(M, rnd, ['strength', 'other']) if wrong else None
    if mode == 'strength': st = rnd.choice(M['alt'])
    if mode == 'other': name = rnd.choice([x for x in M['other'] if x[0].isupper()] or M['other'])
    t, g, val = fdate(m['date'], pick_style(m['date'], rnd, ['y', 'my', 'us', 'mdy_full']))
    i, s = pv('dn_brand', [f"{name} {st} prescribed {t}.", f"Rx: {name} {st} ({t})", f"{who(P, rnd)} was given a prescription for {name} {st} {on_(g)} {t}.",
                           f"Med list includes {name} {st}, ordered {t}.", f"{t}: {name} {st} ordered"], rnd)
    checks = [["name", R, ING.get(name, M['rx'])], ["name", R, SRX.get(st) or numrx(st)], chk_date(R, g, val)]
    why = f"MedicationRequest '{m['name']}' ({name} is a brand of {M['gen']}), authored {m['date']}" if not wrong else (
        f"record strength is {M['strength']} ('{m['name']}'), not {st}" if mode == 'strength' else f"{name} is a different drug; record is '{m['name']}'")
    return tidy(s), [cite('medication', m['id'])], checks, why

def dn_generic(P, rnd, wrong):
    m, M = _pick(P, rnd)
    R = ref('medication', m['id'])
    name = M['gen']; st = M['strength']; mode = _wrong(M, rnd, ['strength', 'other']) if wrong else None
    if mode == 'strength': st = rnd.choice(M['alt'])
    if mode == 'other': name = rnd.choice([x for x in M['other'] if x[0].islower()] or M['other'])
    full = (name + ' ' + st).strip()
    i, s = pv('dn_generic', [f"{who(P, rnd)} has been prescribed {full}.", f"Prescription on file: {full}.", f"{full} (generic) appears on the medication list.",
                             f"Ordered: {full}.", f"One of {P.his} prescriptions is {full}."], rnd)
    checks = [["name", R, ING.get(name, M['rx'])]] + ([["name", R, SRX.get(st) or numrx(st)]] if st else [])
    why = f"MedicationRequest '{m['name']}'" if not wrong else (f"strength on record is {M['strength']}, not {st}" if mode == 'strength' else f"record is '{m['name']}', not {name}")
    return tidy(s), [cite('medication', m['id'])], checks, why

def dn_paren(P, rnd, wrong):
    """'Brand (generic)' or 'generic (Brand)' pairing; wrong: brand of another ingredient paired with this generic"""
    m, M = _pick(P, rnd, need_brand=True)
    R = ref('medication', m['id'])
    br = rnd.choice(M['brands']); gen = M['gen']
    if wrong:
        cands = [x for x in M['other'] if x[0].isupper()]
        if not cands: raise Skip()
        br = rnd.choice(cands)
    i, s = pv('dn_paren', [f"{P.His} {gen} ({br}) was ordered {fdate(m['date'], 'my_full')[0]}.", f"{br} ({gen}) — Rx {fdate(m['date'], 'us')[0]}",
                           f"The chart lists {br}, i.e. {gen}, prescribed {fdate(m['date'], 'y')[0]}.", f"{gen} (brand {br}) on file since {fdate(m['date'], 'mdy')[0]}." if m['status'] == 'active' else f"{gen} (brand {br}) was prescribed {fdate(m['date'], 'mdy')[0]}."], rnd)
    g = ['month', 'day', 'year', 'day'][i]; val = {'month': m['date'][:7], 'day': m['date'], 'year': m['date'][:4]}[g]
    checks = [["name", R, ING.get(br, M['rx'])], chk_date(R, g, val)]
    if 'since' in s: checks.append(["status", R, 'active'])
    why = f"MedicationRequest '{m['name']}'; {br} is a brand name for {gen}; authored {m['date']}" if not wrong else f"{br} is not a brand of {gen} (it is {ING.get(br, br)}); record is '{m['name']}'"
    return tidy(s), [cite('medication', m['id'])], checks, why

def dn_sig(P, rnd, wrong):
    L = [m for m in P.meds if m['freq'] and tuple(m['freq']) in FREQ]
    if not L: raise Skip()
    m = rnd.choice(L); fact(CAT, m['id']); M = vocab.MED[m['name']]
    R = ref('medication', m['id'])
    f = tuple(m['freq']); fw_ = rnd.choice(FREQ[f]); name = rnd.choice([M['gen']] + M['brands']); st = M['strength']
    mode = rnd.choice(['freq', 'strength'] if M['alt'] else ['freq']) if wrong else None
    if mode == 'freq': fw_ = rnd.choice(WFREQ[f])
    if mode == 'strength': st = rnd.choice(M['alt'])
    i, s = pv('dn_sig', [f"{name} {st} {fw_}", f"Sig: {name} {st}, 1 tab {fw_}.", f"{who(P, rnd)} was ordered {name} {st} {fw_} ({fdate(m['date'], 'y')[0]}).",
                         f"Take {name} {st} {fw_}, per the {fdate(m['date'], 'my')[0]} prescription." if m['status'] == 'active' else f"The {fdate(m['date'], 'my')[0]} prescription was for {name} {st} {fw_}."], rnd)
    s = s.replace('1 tab', '1 tab' if 'Tablet' in m['name'] or 'Lasix' in m['name'] else ('1 cap' if 'Capsule' in m['name'] else '1 dose'))
    checks = [["name", R, ING.get(name, M['rx'])], ["name", R, SRX.get(st) or numrx(st)]]
    fk = {v: k for k, vs in FREQ.items() for v in vs}
    fk.update({'q4h': (1, 4, 'h'), 'every 4 hours': (1, 4, 'h'), 'qid': (4, 1, 'd')})
    checks.append(["freq", R, list(fk[fw_])])
    if i == 2: checks.append(chk_date(R, 'year', m['date'][:4]))
    if i == 3: checks.append(chk_date(R, 'month', m['date'][:7]))
    why = f"'{m['name']}' dosageInstruction timing {m['freq']} (= {fw_}), dose 1" if not wrong else (f"timing on record is {m['freq']}, not {fw_}" if mode == 'freq' else f"strength on record is {M['strength']}, not {st}")
    return tidy(s), [cite('medication', m['id'])], checks, why

def dn_combo(P, rnd, wrong):
    L = [m for m in P.meds if '/' in m['name'] or 'Humulin' in m['name'] or 'NyQuil' in str(vocab.MED[m['name']]['brands'])]
    if not L: raise Skip()
    m = rnd.choice(L); fact(CAT, m['id']); M = vocab.MED[m['name']]
    R = ref('medication', m['id'])
    parts = {'Percocet': ('oxycodone', 'acetaminophen'), 'Norco': ('hydrocodone', 'acetaminophen'), 'Vicodin': ('hydrocodone', 'acetaminophen'), 'Augmentin': ('amoxicillin', 'clavulanate'),
             'NyQuil': ('dextromethorphan', 'doxylamine'), 'Humulin 70/30': ('NPH (isophane) insulin', 'regular insulin'), 'NuvaRing': ('etonogestrel', 'ethinyl estradiol'),
             'Levora': ('levonorgestrel', 'ethinyl estradiol')}
    if not M['brands'] or M['brands'][0] not in parts: raise Skip()
    br = M['brands'][0]; a, b = parts[br]
    swap = {'oxycodone': 'hydrocodone', 'hydrocodone': 'oxycodone', 'clavulanate': 'sulbactam', 'doxylamine': 'diphenhydramine', 'regular insulin': 'insulin lispro',
            'ethinyl estradiol': 'estradiol valerate', 'levonorgestrel': 'norethindrone', 'etonogestrel': 'levonorgestrel', 'NPH (isophane) insulin': 'insulin glargine'}
    if wrong:
        if rnd.random() < 0.5 and a in swap: a = swap[a]
        elif b in swap: b = swap[b]
        else: a = swap[a]
    rx_a = {'NPH (isophane) insulin': 'isophane', 'regular insulin': 'regular insulin', 'insulin glargine': 'glargine', 'insulin lispro': 'lispro'}.get(a, a)
    rx_b = {'NPH (isophane) insulin': 'isophane', 'regular insulin': 'regular insulin', 'insulin glargine': 'glargine', 'insulin lispro': 'lispro'}.get(b, b)
    nuva = br == 'NuvaRing'
    i, s = pv('dn_combo', [f"{br} ({a}/{b}) was prescribed in {fdate(m['date'], 'y')[0]}.", f"{who(P, rnd)}'s {br} contains {a} and {b}." if not kid(P) else f"{P.first}'s {br} contains {a} and {b}.",
                           f"Rx {br} — a {a} + {b} combination.", f"Combination product on file: {a}-{b} ({br})."], rnd)
    checks = [["name", R, M['rx']], ["name", R, rx_a], ["name", R, rx_b]]
    if nuva:  # NuvaRing record name does not spell out ingredients; brand knowledge is needed
        checks = [["name", R, 'nuvaring']] + ([["unsupported", f"{a}/{b} is not NuvaRing's composition"]] if wrong else [])
    if br == 'Levora':
        checks = [["name", R, 'levora']] + ([["unsupported", f"{a}/{b} is not Levora's composition"]] if wrong else [])
    if i == 0: checks.append(chk_date(R, 'year', m['date'][:4]))
    why = f"'{m['name']}': {br} = {parts[br][0]} + {parts[br][1]}" if not wrong else f"{br} is {parts[br][0]} + {parts[br][1]}; the claim names {a}/{b}"
    return tidy(s), [cite('medication', m['id'])], checks, why

def dn_class(P, rnd, wrong):
    CL = {'simvastatin': 'a statin', 'hydrochlorothiazide': 'a thiazide diuretic', 'furosemide': 'a loop diuretic', 'amlodipine': 'a calcium-channel blocker',
          'metoprolol succinate ER': 'a beta-blocker', 'clopidogrel': 'an antiplatelet agent (P2Y12 inhibitor)', 'metformin ER': 'a biguanide', 'alendronate': 'a bisphosphonate',
          'galantamine': 'a cholinesterase inhibitor', 'memantine oral solution': 'an NMDA-receptor antagonist', 'fexofenadine': 'an H1 antihistamine', 'naproxen sodium': 'an NSAID',
          'ibuprofen': 'an NSAID', 'cefuroxime': 'a second-generation cephalosporin', 'amoxicillin': 'a penicillin-class antibiotic', 'penicillin V potassium': 'a penicillin antibiotic',
          'leuprolide acetate': 'a GnRH agonist', 'docetaxel': 'a taxane chemotherapy', 'alteplase': 'a thrombolytic', 'diphenhydramine': 'a first-generation antihistamine',
          'albuterol inhaler': 'a short-acting beta-agonist', 'fluticasone propionate inhaler': 'an inhaled corticosteroid', 'oxaliplatin': 'a platinum chemotherapy agent'}
    WCL = {'simvastatin': 'a fibrate', 'hydrochlorothiazide': 'a loop diuretic', 'furosemide': 'a thiazide diuretic', 'amlodipine': 'an ACE inhibitor', 'metoprolol succinate ER': 'a calcium-channel blocker',
           'clopidogrel': 'an anticoagulant', 'metformin ER': 'a sulfonylurea', 'alendronate': 'a SERM', 'galantamine': 'an NMDA-receptor antagonist', 'memantine oral solution': 'a cholinesterase inhibitor',
           'fexofenadine': 'a leukotriene antagonist', 'naproxen sodium': 'a COX-2 selective inhibitor', 'ibuprofen': 'a COX-2 selective inhibitor', 'cefuroxime': 'a macrolide',
           'amoxicillin': 'a macrolide', 'penicillin V potassium': 'a cephalosporin', 'leuprolide acetate': 'an antiandrogen', 'docetaxel': 'an anthracycline', 'alteplase': 'an anticoagulant',
           'diphenhydramine': 'a second-generation antihistamine', 'albuterol inhaler': 'a long-acting beta-agonist', 'fluticasone propionate inhaler': 'a leukotriene modifier',
           'oxaliplatin': 'an antimetabolite'}
    L = [m for m in P.meds if vocab.MED[m['name']]['gen'] in CL]
    if not L: raise Skip()
    m = rnd.choice(L); fact(CAT, m['id']); M = vocab.MED[m['name']]
    R = ref('medication', m['id'])
    nm = rnd.choice([M['gen']] + M['brands']); cl = (WCL if wrong else CL)[M['gen']]
    i, s = pv('dn_class', [f"{nm[0].upper() + nm[1:]} ({cl[2:] if cl.startswith('a ') else cl[3:]}) was prescribed {fdate(m['date'], 'y')[0]}.",
                           f"{P.His} {cl[2:] if cl.startswith('a ') else cl[3:]}, {nm}, was ordered in {fdate(m['date'], 'my_full')[0]}.",
                           f"Rx {nm} — {cl}.", f"On the med list: {nm}, which is {cl}."], rnd)
    checks = [["name", R, M['rx']]] + ([["unsupported", f"{nm} is not {cl}"]] if wrong else [])
    if i == 0: checks.append(chk_date(R, 'year', m['date'][:4]))
    if i == 1: checks.append(chk_date(R, 'month', m['date'][:7]))
    why = f"'{m['name']}'; {M['gen']} is {CL[M['gen']]}" if not wrong else f"{M['gen']} is {CL[M['gen']]}, not {cl}"
    return tidy(s), [cite('medication', m['id'])], checks, why

PATTERNS = [dn_brand, dn_generic, dn_paren, dn_sig, dn_combo, dn_class]
