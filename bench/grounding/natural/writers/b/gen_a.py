"""Categories: dates, abbreviations, drug-names."""
from gen_common import *
import re

R = random.Random(1001)
DK = ['day+', 'day-', 'month+', 'month-', 'year+', 'year-', 'dm']


def mutate_date(date, R, avoid=(), kinds=None):
    ks = list(kinds or DK)
    R.shuffle(ks)
    for k in ks:
        try:
            nd = shift_date(date, k)
        except AssertionError:
            continue
        if nd in avoid or nd == date:
            continue
        return nd, k
    raise RuntimeError('no date mutation')


KIND_TXT = {'day+': 'one day late', 'day-': 'one day early', 'month+': 'one month late', 'month-': 'one month early',
            'year+': 'one year late', 'year-': 'one year early', 'dm': 'day and month transposed'}


# ======================= DATES =======================
def gen_dates():
    cat = 'dates'
    items = []   # (p, rec, kindname, truedate)
    # hand-picked spread of events across patients
    sel = [
        ('alberto', 'cond', 'Streptococcal sore throat'), ('alberto', 'enc_emer', '2020-07-14'),
        ('andyg', 'cond', ('Otitis media', '2020-11-04')), ('andyg', 'med', 'Cefuroxime'),
        ('andys', 'cond', 'Acute viral pharyngitis'), ('andys', 'med', 'Amoxicillin 250 MG / Clavulanate'),
        ('annmarie', 'cond', 'Streptococcal'), ('annmarie', 'proc', ('Measurement of respiratory', None)),
        ('beatrice', 'cond', 'Chronic congestive heart failure'), ('beatrice', 'proc', ('echocardiogram', None)),
        ('beatrice', 'cond', "Alzheimer"), ('bryan', 'cond', 'Stroke'), ('bryan', 'proc', ('Throat culture', None)),
        ('dannie', 'cond', ('Viral sinusitis', '2017-02-14')), ('dannie', 'imm', ('Td (adult)', None)),
        ('deedra', 'med', 'Natazia'), ('deedra', 'imm', ('Tdap', None)),
        ('elisha', 'cond', 'Fracture of forearm'), ('elisha', 'proc', ('Colonoscopy', None)),
        ('emilia', 'proc', ('chest X-ray', None)), ('emilia', 'imm', ('Pneumococcal conjugate', None)),
        ('erin', 'cond', 'Injury of medial collateral'), ('erin', 'proc', ('Surgical manipulation', None)),
        ('evelyn', 'cond', 'Diabetic renal disease'), ('evelyn', 'med', 'insulin human'),
        ('gale', 'cond', 'Otitis media'), ('gale', 'imm', ('MMR', None)),
        ('jules', 'cond', 'Hypertension'), ('jules', 'cond', ('Viral sinusitis', '2021-03-30')),
        ('junita', 'cond', 'Sprain of ankle'), ('junita', 'imm', ('varicella', None)),
        ('malcom', 'proc', ('Colonoscopy', '2019-11-06')), ('malcom', 'cond', ('Acute viral pharyngitis', '2017-01-17')),
        ('man', 'cond', 'Fracture of clavicle'), ('man', 'imm', ('pneumococcal polysaccharide', None)),
        ('mathilda', 'cond', 'Whiplash'), ('mathilda', 'med', 'NuvaRing'),
        ('maurice', 'med', 'Seasonique'), ('maurice', 'med', 'medroxyprogesterone'),
        ('michael', 'cond', 'Acute viral pharyngitis'), ('michael', 'imm', ('Hep A, adult', None)),
        ('monika', 'cond', 'Laceration of hand'), ('monika', 'med', 'Levora'),
        ('nohemi', 'cond', 'Localized, primary osteoarthritis'), ('nohemi', 'proc', ('Colonoscopy', '2016-03-10')),
        ('oswaldo', 'cond', 'Concussion'), ('oswaldo', 'med', 'Alendronic'),
        ('thanh', 'proc', ('wisdom tooth', None)), ('thanh', 'cond', 'Hyperlipidemia'),
        ('tyrell', 'cond', 'Sprain of ankle'), ('vito', 'cond', 'Metastasis from malignant'),
        ('vito', 'proc', ('Biopsy of prostate', '1977-11-07')), ('vito', 'cond', 'Nonproliferative diabetic'),
    ]
    for key, kind, q in sel:
        p = P[key]
        if kind == 'cond':
            c = p.cond(*q) if isinstance(q, tuple) else p.cond(q)
            items.append((p, c, 'cond', c.onset))
        elif kind == 'med':
            m = p.med(q)
            items.append((p, m, 'med', m.date))
        elif kind == 'imm':
            l = p.imm(q[0])
            im = l[0] if len(l) == 1 else sorted(l, key=lambda x: x.date)[-1]
            items.append((p, im, 'imm', im.date))
        elif kind == 'proc':
            pr = p.proc(*q)
            items.append((p, pr, 'proc', pr.date))
        elif kind == 'enc_emer':
            e = p.enc(q)
            items.append((p, e, 'enc', e.date))
    T = {
        'cond': [
            lambda n, D: f"{n[0].upper() + n[1:]} was diagnosed on {D}.",
            lambda n, D: f"Dx: {n}, onset {D}.",
            lambda n, D: f"{D} — new diagnosis of {n}.",
            lambda n, D: f"Problem list shows {n} with an onset date of {D}.",
            lambda n, D: f"Per the chart, {n} began on {D}.",
            lambda n, D: f"The patient was diagnosed with {n} on {D}.",
            lambda n, D: f"Onset of {n}: {D}.",
            lambda n, D: f"Q: When was the {n} first recorded? A: {D}.",
            lambda n, D: f"{n[0].upper() + n[1:]} documented {D}.",
            lambda n, D: f"History notable for {n}, first noted on {D}.",
        ],
        'med': [
            lambda n, D: f"{n} was prescribed on {D}.",
            lambda n, D: f"Started on {n} {D}.",
            lambda n, D: f"Rx for {n} written {D}.",
            lambda n, D: f"Medication order for {n} is dated {D}.",
        ],
        'imm': [
            lambda n, D: f"{n[0].upper() + n[1:]} administered {D}.",
            lambda n, D: f"Immunization history includes a {n} on {D}.",
            lambda n, D: f"Received the {n} on {D}.",
        ],
        'proc': [
            lambda n, D: f"{n[0].upper() + n[1:]} performed on {D}.",
            lambda n, D: f"Underwent {n} on {D}.",
            lambda n, D: f"{D}: {n}.",
        ],
        'enc': [
            lambda n, D: f"Presented to the emergency department on {D}.",
        ],
    }
    MEDN = {'Cefuroxime': 'cefuroxime 250 mg', 'Amoxicillin 250 MG / Clavulanate': 'amoxicillin-clavulanate',
            'Natazia': 'Natazia', 'insulin human': 'Humulin 70/30', 'NuvaRing': 'NuvaRing', 'Seasonique': 'Seasonique',
            'medroxyprogesterone': 'Depo-Provera (medroxyprogesterone)', 'Levora': 'Levora', 'Alendronic': 'alendronate'}
    use = {k: 0 for k in T}
    styles = ['iso', 'us', 'us2', 'eu', 'dmy', 'dmyl', 'mdy', 'mdyl', 'ord', 'the', 'dot', 'dmy-']
    out_i = 0
    for i, (p, rec, kind, date) in enumerate(items):
        label = 'correct' if i % 2 == 0 else 'wrong'
        # some coarse-granularity claims
        gran = 'day'
        if i % 9 == 4:
            gran = 'month'
        if i % 13 == 6:
            gran = 'year'
        if kind == 'cond':
            n = cname(rec, R)
        elif kind == 'med':
            n = [v for k, v in MEDN.items() if k.lower() in rec.text.lower()][0]
        elif kind == 'imm':
            n = vname(rec, R)
        elif kind == 'proc':
            n = pname(rec, R)
        else:
            n = ''
        tl = T[kind]
        t = tl[use[kind] % len(tl)]
        use[kind] += 1
        if kind == 'cond' and 'first' in str(t.__code__.co_consts) and any(
                c.text == rec.text and c.onset < rec.onset for c in p.conds):
            t = tl[use[kind] % len(tl)]; use[kind] += 1
        # avoid accidental matches with other same-kind record dates
        same = set()
        for lst in (p.conds, p.meds, p.imms, p.procs, p.encs):
            for r in lst:
                if (r.text or r.type) == (rec.text or rec.type):
                    same.add(r.onset or r.date)
        if label == 'correct':
            D = fd(date, 'y' if gran == 'year' else R.choice(['my', 'myl']) if gran == 'month' else styles[out_i % len(styles)])
            why = f"{kind} record {rec.id[:8]} ({rec.text or rec.type}) date {date} matches '{D}'."
            shown = date
        else:
            if gran == 'year':
                nd, k = mutate_date(date, R, avoid=same, kinds=['year+', 'year-'])
                D = fd(nd, 'y')
            elif gran == 'month':
                nd, k = mutate_date(date, R, avoid=same, kinds=['month+', 'month-', 'year+', 'year-'])
                D = fd(nd, R.choice(['my', 'myl']))
            else:
                nd, k = mutate_date(date, R, avoid=same)
                D = fd(nd, styles[out_i % len(styles)] if k != 'dm' else R.choice(['dmyl', 'mdyl', 'ord', 'dmy']))
            why = f"{kind} record {rec.id[:8]} ({rec.text or rec.type}) is dated {date}; claim says '{D}' ({KIND_TXT[k]})."
        out_i += 1
        if kind == 'cond' and t.__code__.co_consts and 'since' in str(t.__code__.co_consts):
            pass
        text = t(n, D)
        if kind == 'med':
            mg = re.findall(r'(\d+(?:\.\d+)?) mg', n)
            if mg:
                pass
        if gran != 'day':
            text = text.replace(' on ' + D, ' in ' + D)
        checks = [{'t': 'date', 's': D, 'rid': rec.id}]
        if kind == 'cond':
            checks.append({'t': 'rectext', 'rid': rec.id, 'frags': [rec.text.split(' (')[0].lower()]})
        if kind == 'med' and re.findall(r'(\d+(?:\.\d+)?) mg', n):
            checks.append({'t': 'drug', 'rid': rec.id, 'name': n.split()[0].lower(), 'strength': re.findall(r'(\d+(?:\.\d+)?) mg', n)})
        add(cat, p, text, C(p, rec), label, why, checks)
    # a few claims on observation dates + a couple of "since YEAR" on active conditions
    extra = [
        ('bryan', 'a1c', '2020-03-16', 'correct', 'iso'), ('andys', 'ldl', '2016-01-28', 'wrong', 'the'),
        ('michael', 'tc', '2015-05-08', 'correct', 'ord'), ('nohemi', 'hb', '2018-06-20', 'wrong', 'us'),
        ('thanh', 'egfr', '2018-11-20', 'correct', 'dmy-'), ('vito', 'psa', '1973-01-01', 'wrong', 'mdyl'),
        ('malcom', 'hdl', '2016-11-18', 'correct', 'eu'), ('emilia', 'wbc', '2021-02-19', 'wrong', 'dot'),
    ]
    OT = [
        lambda an, v, u, D: f"{an} of {v} {u} was recorded on {D}.",
        lambda an, v, u, D: f"On {D}, {an} measured {v} {u}.",
        lambda an, v, u, D: f"Labs from {D}: {an} {v} {u}.",
        lambda an, v, u, D: f"{an[0].upper() + an[1:]} {v} {u} ({D}).",
    ]
    for j, (key, an, date, label, st) in enumerate(extra):
        p = P[key]; o = p.at(an, date)
        a = AN[an]; nm = R.choice(a['names']); u = R.choice(a['units']); v = fv(o.v, a['prec'])
        if label == 'correct':
            D = fd(date, st); why = f"Observation {o.id[:8]} {o.text} = {o.v} {o.unit} on {date}."
        else:
            same = {x.date for x in p.series(an)}
            nd, k = mutate_date(date, R, avoid=same, kinds=['day+', 'day-', 'month+', 'year-', 'dm'])
            D = fd(nd, st)
            why = f"{o.text} {v} was measured {date}, not '{D}' ({KIND_TXT[k]})."
        text = OT[j % len(OT)](nm, v, u, D)
        add(cat, p, text, C(p, o), label, why,
            [{'t': 'date', 's': D, 'rid': o.id}, {'t': 'val', 's': v, 'rid': o.id}])
    since = [('jules', 'Hypertension', 'correct', 0), ('oswaldo', 'Osteoporosis', 'wrong', 0),
             ('thanh', 'Epilepsy', 'correct', 0), ('man', 'Hypertension', 'wrong', 0),
             ('mathilda', 'Childhood asthma', 'correct', 0), ('beatrice', 'Coronary Heart', 'wrong', 0)]
    ST = [lambda n, y: f"Known {n} since {y}.", lambda n, y: f"{n[0].upper() + n[1:]} since {y}, still on the active problem list.",
          lambda n, y: f"Long-standing {n} (since {y})."]
    for j, (key, frag, label, _) in enumerate(since):
        p = P[key]; c = p.cond(frag); y = int(c.onset[:4])
        if label == 'wrong':
            y2 = y + R.choice([-2, -1, 1, 2])
            why = f"Condition {c.id[:8]} {c.text} onset {c.onset}, not {y2}."
        else:
            y2 = y; why = f"Condition {c.id[:8]} {c.text} onset {c.onset}, clinicalStatus active."
        text = ST[j % 3](cname(c, R), y2)
        add(cat, p, text, C(p, c), label, why,
            [{'t': 'date', 's': str(y2), 'rid': c.id}, {'t': 'status', 'rid': c.id, 'claim': 'active'}])


# ======================= ABBREVIATIONS =======================
def gen_abbrev():
    cat = 'abbreviations'
    # (key, analyte, date, abbreviation to use, template idx)
    labs = [
        ('andys', 'a1c', '2018-02-08', 'HbA1c'), ('bryan', 'cr', '2014-02-10', 'Cr'), ('beatrice', 'bun', '2012-05-27', 'BUN'),
        ('thanh', 'k', '2019-12-06', 'K'), ('vito', 'na', '1977-04-11', 'Na'), ('andys', 'co2', '2013-01-10', 'HCO3'),
        ('evelyn', 'egfr', '1982-12-20', 'eGFR'), ('annmarie', 'ldl', '2017-06-13', 'LDL-C'), ('malcom', 'hdl', '2019-12-06', 'HDL'),
        ('dannie', 'tg', '2015-03-12', 'TG'), ('oswaldo', 'tc', '2020-04-14', 'TC'), ('erin', 'wbc', '2019-10-28', 'WBC'),
        ('jules', 'hb', '2011-08-03', 'Hgb'), ('deedra', 'hct', '2020-10-30', 'Hct'), ('tyrell', 'plt', '2017-02-21', 'Plt'),
        ('alberto', 'mcv', '2018-12-31', 'MCV'), ('elisha', 'bmi', '2012-03-21', 'BMI'), ('annmarie', 'temp', '2012-07-05', 'T'),
        ('vito', 'uacr', '1978-01-09', 'UACR'), ('vito', 'psa', '1976-09-13', 'PSA'), ('beatrice', 'bnp', '2012-05-27', 'NT-proBNP'),
        ('thanh', 'alt', '2017-12-06', 'ALT'), ('thanh', 'ast', '2019-12-06', 'AST'), ('evelyn', 'cl', '1980-05-05', 'Cl'),
        ('bryan', 'ca', '2019-03-11', 'Ca'), ('maurice', 'wt', '2021-01-08', 'Wt'), ('monika', 'ht', '2013-11-30', 'Ht'),
        ('beatrice', 'mmse', '2008-06-21', 'MMSE'), ('man', 'egfr', '2013-04-16', 'eGFR'), ('gale', 'hb', '2017-05-02', 'Hb'),
    ]
    T = [
        lambda ab, v, u, D: f"{ab} {v} {u} on {D}.",
        lambda ab, v, u, D: f"{D}: {ab} {v} {u}",
        lambda ab, v, u, D: f"Labs {D} notable for {ab} of {v} {u}.",
        lambda ab, v, u, D: f"{ab} was {v} {u} ({D}).",
        lambda ab, v, u, D: f"Pt's {ab} came back at {v} {u} on {D}.",
        lambda ab, v, u, D: f"Most notable on {D}: {ab} = {v} {u}.",
        lambda ab, v, u, D: f"Checked {ab} {D} -> {v} {u}.",
        lambda ab, v, u, D: f"{ab}: {v} {u} as of {D}.",
        lambda ab, v, u, D: f"Recorded {ab} of {v} {u} at the {D} visit.",
        lambda ab, v, u, D: f"{ab} {v}{(' ' + u) if u else ''}, drawn {D}.",
    ]
    # analytes swap partners for "wrong analyte behind abbreviation"
    PARTNER = {'ldl': ('hdl', 'HDL'), 'hdl': ('ldl', 'LDL'), 'tc': ('tg', 'TG'), 'tg': ('tc', 'TC'),
               'alt': ('ast', 'AST'), 'ast': ('alt', 'ALT'), 'na': ('cl', 'Cl'), 'cl': ('na', 'Na'),
               'wbc': ('rbc', 'RBC'), 'mcv': ('rdw', 'RDW'), 'hb': ('mchc', 'MCHC'), 'bun': ('cr', 'Cr')}
    styles = ['iso', 'mdy', 'dmy', 'us', 'dmyl', 'ord', 'us2', 'eu']
    for i, (key, an, date, ab) in enumerate(labs):
        p = P[key]; o = p.at(an, date); a = AN[an]
        u = a['units'][i % len(a['units'])]
        D = fd(date, styles[i % len(styles)])
        v = fv(o.v, a['prec'])
        label = 'correct' if i % 2 == 0 else 'wrong'
        t = T[i % len(T)]
        if label == 'correct':
            text = t(ab, v, u, D)
            why = f"{o.text} ({ab}) obs {o.id[:8]} = {o.v} {o.unit} on {date}."
            checks = [{'t': 'val', 's': v, 'rid': o.id}, {'t': 'date', 's': D, 'rid': o.id}]
            add(cat, p, text, C(p, o), label, why, checks)
        else:
            if an in PARTNER and i % 4 == 1:
                # wrong analyte: the number is the value of the cited record, but the abbreviation names another analyte
                pan, pab = PARTNER[an]
                text = t(pab, v, u if AN[pan]['units'][0] == a['units'][0] or u in AN[pan]['units'] else AN[pan]['units'][0], D)
                why = f"{v} is the {ab} ({o.text}) value on {date}; the claim labels it {pab}. Cited record is {o.text}."
                checks = [{'t': 'val', 's': v, 'rid': o.id, 'alias_check': True}, {'t': 'date', 's': D, 'rid': o.id}]
            else:
                wv = wrong_num(o.v, a['prec'], R)
                text = t(ab, wv, u, D)
                why = f"{o.text} ({ab}) on {date} was {o.v} {o.unit} (~{v}), not {wv}."
                checks = [{'t': 'val', 's': wv, 'rid': o.id}, {'t': 'date', 's': D, 'rid': o.id}]
            add(cat, p, text, C(p, o), label, why, checks)
    # vitals BP abbreviations
    bps = [('jules', '2013-08-14', 'correct'), ('man', '2016-05-03', 'wrong'), ('thanh', '2018-11-20', 'correct'),
           ('nohemi', '2011-05-11', 'wrong'), ('erin', '2020-11-02', 'correct'), ('vito', '1975-03-24', 'wrong')]
    BT = [lambda s, d, D: f"BP {s}/{d} mmHg at the {D} visit.",
          lambda s, d, D: f"SBP {s}, DBP {d} on {D}.",
          lambda s, d, D: f"{D} vitals: BP {s}/{d} mm Hg."]
    for j, (key, date, label) in enumerate(bps):
        p = P[key]; o = p.at('bp', date)
        s, d = fv(o.sys, 0), fv(o.dia, 0)
        D = fd(date, ['mdy', 'iso', 'dmy'][j % 3])
        if label == 'wrong':
            if j % 2:
                s2 = wrong_num(o.sys, 0, R, rel=(0.08, 0.15)); d2 = d
            else:
                s2 = s; d2 = wrong_num(o.dia, 0, R, rel=(0.1, 0.2))
            why = f"BP panel {o.id[:8]} on {date}: systolic {o.sys:.1f}, diastolic {o.dia:.1f}; claim says {s2}/{d2}."
            s, d = s2, d2
        else:
            why = f"BP panel {o.id[:8]} on {date}: component[{o.sys_i}] systolic {o.sys:.1f}, component[{o.dia_i}] diastolic {o.dia:.1f}."
        text = BT[j % 3](s, d, D)
        ch = [{'t': 'val', 's': s, 'rid': o.id, 'comp': 'sys'}, {'t': 'val', 's': d, 'rid': o.id, 'comp': 'dia'},
              {'t': 'date', 's': D, 'rid': o.id}]
        add(cat, p, text, C(p, o), label, why, ch)
    # conditions by abbreviation
    conds = [
        ('jules', 'Hypertension', ['hypertension'], 'correct', "Hx HTN, on the problem list since {y}."),
        ('evelyn', 'Chronic kidney disease stage 1', ['chronic kidney disease stage 1'], 'correct', "CKD stage 1 documented since {y}."),
        ('beatrice', 'Chronic congestive heart failure', ['congestive heart failure'], 'correct', "CHF diagnosed {D}."),
        ('beatrice', 'Myocardial Infarction', ['myocardial infarction'], 'correct', "PMHx: MI in {y}."),
        ('bryan', 'Stroke', ['stroke'], 'correct', "s/p CVA {D}."),
        ('vito', 'Nonproliferative diabetic', ['type 2', 'retinopathy'], 'correct', "T2DM complicated by nonproliferative retinopathy, noted {D}."),
        ('thanh', 'Hyperlipidemia', ['hyperlipidemia'], 'correct', "HLD dx'd {D}; started on a statin shortly after."),
        ('elisha', 'Osteoarthritis of hip', ['osteoarthritis of hip'], 'correct', "OA of the hip, onset {D}."),
        ('monika', 'Childhood asthma', ['asthma'], 'correct', "Childhood asthma dx {y}, on ICS + SABA."),
        ('malcom', 'History of appendectomy', ['appendectomy'], 'correct', "s/p appendectomy ({y})."),
        # wrong
        ('beatrice', 'Coronary Heart Disease', ['congestive heart failure'], 'wrong', "CHF since {y}."),
        ('evelyn', 'Chronic kidney disease stage 1', ['stage 3'], 'wrong', "CKD stage 3 on the problem list since {y}."),
        ('evelyn', 'Neuropathy due to type 2', ['type 1'], 'wrong', "T1DM with peripheral neuropathy, noted {D}."),
        ('elisha', 'Osteoarthritis of hip', ['knee'], 'wrong', "OA of the knee, onset {D}."),
        ('bryan', 'Stroke', ['transient ischemic'], 'wrong', "Hx TIA {D}, no completed stroke."),
        ('andys', 'Carcinoma in situ of prostate', ['hyperplasia'], 'wrong', "BPH diagnosed {D}."),
        ('monika', 'Childhood asthma', ['obstructive'], 'wrong', "COPD dx {y}, on ICS + SABA."),
        ('thanh', 'Hyperlipidemia', ['hypertension'], 'wrong', "HTN dx'd {D}; started on a statin shortly after."),
    ]
    why_wrong = {
        ('beatrice', 'Coronary Heart Disease'): "Cited condition is Coronary Heart Disease (CHD), not congestive heart failure (CHF).",
        ('evelyn', 'Chronic kidney disease stage 1'): "Condition is CKD stage 1, not stage 3.",
        ('evelyn', 'Neuropathy due to type 2'): "Record is neuropathy due to TYPE 2 diabetes, not T1DM.",
        ('elisha', 'Osteoarthritis of hip'): "Condition is osteoarthritis of the HIP, not the knee.",
        ('bryan', 'Stroke'): "Record is a Stroke (CVA), not a TIA; 'no completed stroke' contradicts it.",
        ('andys', 'Carcinoma in situ of prostate'): "Cited condition is carcinoma in situ of prostate, not BPH.",
        ('monika', 'Childhood asthma'): "Cited condition is childhood asthma, not COPD.",
        ('thanh', 'Hyperlipidemia'): "Cited condition is hyperlipidemia (HLD), not hypertension (HTN).",
    }
    styles = ['mdyl', 'iso', 'dmy', 'us', 'ord']
    for j, (key, frag, cfr, label, tmpl) in enumerate(conds):
        p = P[key]; c = p.cond(frag)
        D = fd(c.onset, styles[j % len(styles)]); y = c.onset[:4]
        text = tmpl.format(D=D, y=y)
        cites = [c]
        checks = [{'t': 'date', 's': D if '{D}' in tmpl else y, 'rid': c.id}]
        if key == 'monika':
            m1 = p.med('Fluticasone'); m2 = p.med('Albuterol'); cites += [m1, m2]
            checks += [{'t': 'drug', 'rid': m1.id, 'name': 'fluticasone', 'strength': []},
                       {'t': 'drug', 'rid': m2.id, 'name': 'albuterol', 'strength': []}]
        if key == 'thanh':
            m = p.med('Simvistatin', '2016-12-06'); cites.append(m)
            checks.append({'t': 'drug', 'rid': m.id, 'name': 'simvastatin', 'strength': []})
        if label == 'correct':
            why = f"Condition {c.id[:8]} '{c.text}' onset {c.onset}" + (', status active' if 'since' in tmpl else '') + '.'
            if key == 'monika':
                why += ' Fluticasone (ICS) and albuterol (SABA) MedicationRequests, both active.'
            if key == 'thanh':
                why += ' Simvastatin ordered 2016-12-06, three weeks after onset.'
            if key == 'vito':
                why += ' Condition text: Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus.'
            if 'since' in tmpl or 'problem list' in tmpl:
                checks.append({'t': 'status', 'rid': c.id, 'claim': 'active'})
            checks.append({'t': 'rectext', 'rid': c.id, 'frags': cfr, 'all': True})
        else:
            why = why_wrong[(key, frag)]
            checks.append({'t': 'rectext', 'rid': c.id, 'frags': cfr, 'all': True})
        add(cat, p, text, C(p, *cites), label, why, checks)


# ======================= DRUG NAMES =======================
def gen_drugs():
    cat = 'drug-names'
    # (key, med text fragment, date or None, correct phrase, [(wrong phrase, why)], strength tokens for correct, name for check)
    D = [
        ('jules', 'Hydrochlorothiazide', None, 'HCTZ 25 mg', 'hydrochlorothiazide', ['25'],
         ('chlorthalidone 25 mg', 'chlorthalidone', ['25'], 'Record is hydrochlorothiazide 25 mg, not chlorthalidone.')),
        ('man', 'Hydrochlorothiazide', None, 'hydrochlorothiazide 25 mg', 'hydrochlorothiazide', ['25'],
         ('HCTZ 12.5 mg', 'hydrochlorothiazide', ['12.5'], 'Strength is 25 mg, not 12.5 mg.')),
        ('thanh', 'Hydrochlorothiazide', None, 'HCTZ 25mg', 'hydrochlorothiazide', ['25'],
         ('Lasix 25 mg', 'furosemide', ['25'], 'Lasix is furosemide; the record is hydrochlorothiazide 25 mg.')),
        ('beatrice', 'Simvastatin', None, 'Zocor 20 mg', 'zocor', ['20'],
         ('Lipitor 20 mg', 'lipitor', ['20'], 'Lipitor is atorvastatin; the record is simvastatin 20 mg.')),
        ('beatrice', 'Amlodipine', None, 'Norvasc 5 mg', 'norvasc', ['5'],
         ('Norvasc 10 mg', 'norvasc', ['10'], 'Amlodipine strength is 5 mg, not 10 mg.')),
        ('beatrice', 'Clopidogrel', None, 'Plavix 75 mg', 'plavix', ['75'],
         ('Brilinta 90 mg', 'brilinta', ['90'], 'Brilinta is ticagrelor; record is clopidogrel 75 mg.')),
        ('beatrice', 'metoprolol', None, 'Toprol-XL 100 mg once daily', 'toprol', ['100'],
         ('Toprol-XL 50 mg once daily', 'toprol', ['50'], 'Metoprolol succinate ER is 100 mg, not 50 mg.')),
        ('beatrice', 'Lasix', None, 'furosemide 40 mg daily', 'furosemide', ['40'],
         ('Bumex 40 mg daily', 'bumex', ['40'], 'Bumex is bumetanide; record is Lasix (furosemide) 40 mg.')),
        ('beatrice', 'Galantamine', None, 'Razadyne (galantamine) 4 mg', 'razadyne', ['4'],
         ('Aricept 4 mg', 'aricept', ['4'], 'Aricept is donepezil; record is galantamine 4 mg.')),
        ('beatrice', 'Memantine', None, 'Namenda oral solution 2 mg/mL', 'namenda', ['2'],
         ('Namenda oral solution 10 mg/mL', 'namenda', ['10'], 'Memantine solution is 2 mg/mL, not 10 mg/mL.')),
        ('beatrice', 'Nitroglycerin', '1997-10-05', 'nitroglycerin spray 0.4 mg/actuation', 'nitroglycerin', ['0.4'],
         ('isosorbide mononitrate 0.4 mg', 'isosorbide', ['0.4'], 'Record is nitroglycerin 0.4 mg/actuation spray, not isosorbide mononitrate.')),
        ('evelyn', 'Metformin', None, 'Glucophage XR 500 mg', 'glucophage', ['500'],
         ('Glucotrol XL 500 mg', 'glucotrol', ['500'], 'Glucotrol XL is glipizide; record is metformin ER 500 mg.')),
        ('vito', 'Metformin', None, 'metformin ER 500 mg', 'metformin', ['500'],
         ('metformin ER 1000 mg', 'metformin', ['1000'], 'Metformin ER strength is 500 mg, not 1000 mg.')),
        ('vito', 'insulin', None, 'Humulin 70/30', 'humulin', [],
         ('Lantus (insulin glargine)', 'lantus', [], 'Record is Humulin 70/30 (NPH/regular human insulin), not glargine.')),
        ('evelyn', 'insulin', None, 'NPH/regular human insulin 70/30 (Humulin)', 'humulin', [],
         ('Humalog Mix 75/25', 'humalog', [], 'Humalog is insulin lispro; record is Humulin 70/30 human insulin.')),
        ('thanh', 'Simvistatin', '2020-12-05', 'simvastatin 10 mg daily', 'simvastatin', ['10'],
         ('simvastatin 40 mg daily', 'simvastatin', ['40'], 'Order is simvastatin ("Simvistatin") 10 mg, not 40 mg.')),
        ('oswaldo', 'Alendronic', None, 'Fosamax 10 mg', 'fosamax', ['10'],
         ('Actonel 35 mg', 'actonel', ['35'], 'Actonel is risedronate; record is alendronic acid 10 mg.')),
        ('nohemi', 'Naproxen', None, 'Aleve 220 mg', 'aleve', ['220'],
         ('Aleve 500 mg', 'aleve', ['500'], 'Naproxen sodium strength is 220 mg, not 500 mg.')),
        ('nohemi', 'diphenhydrAMINE', None, 'Benadryl 25 mg', 'benadryl', ['25'],
         ('Benadryl 50 mg', 'benadryl', ['50'], 'Diphenhydramine strength is 25 mg, not 50 mg.')),
        ('mathilda', 'Fexofenadine', None, 'Allegra 30 mg', 'allegra', ['30'],
         ('Claritin 10 mg', 'claritin', ['10'], 'Claritin is loratadine; record is fexofenadine 30 mg.')),
        ('mathilda', 'Epinephrine', None, 'EpiPen 0.3 mg', 'epipen', ['0.3'],
         ('EpiPen Jr 0.15 mg', 'epipen', ['0.15'], 'Auto-injector is 0.3 mL of 1 mg/mL (0.3 mg), not 0.15 mg.')),
        ('mathilda', 'Fluticasone', None, 'Flovent HFA 44 mcg', 'flovent', ['44'],
         ('Pulmicort 90 mcg', 'pulmicort', ['90'], 'Pulmicort is budesonide; record is fluticasone 0.044 mg/actuation.')),
        ('monika', 'Albuterol', None, 'ProAir HFA (albuterol 90 mcg/puff)', 'proair', ['90'],
         ('Xopenex HFA 45 mcg', 'xopenex', ['45'], 'Xopenex is levalbuterol; record is albuterol 0.09 mg/actuation.')),
        ('monika', 'Levora', None, 'Levora (levonorgestrel/ethinyl estradiol 0.15 mg/30 mcg)', 'levonorgestrel', ['0.15', '30'],
         ('Levora (norethindrone/ethinyl estradiol 1 mg/20 mcg)', 'norethindrone', ['1', '20'], 'Levora contains levonorgestrel 0.15 mg/EE 30 mcg, not norethindrone 1 mg/20 mcg.')),
        ('maurice', 'medroxyprogesterone', None, 'Depo-Provera 150 mg/mL', 'depo-provera', ['150'],
         ('Nexplanon implant', 'nexplanon', [], 'Nexplanon is etonogestrel; record is medroxyprogesterone acetate 150 mg/mL injection.')),
        ('alberto', 'Penicillin', None, 'Pen VK 250 mg', 'penicillin', ['250'],
         ('amoxicillin 250 mg', 'amoxicillin', ['250'], 'Record is penicillin V potassium 250 mg, not amoxicillin.')),
        ('oswaldo', 'Penicillin', None, 'penicillin VK 500 mg', 'penicillin', ['500'],
         ('penicillin VK 250 mg', 'penicillin', ['250'], 'Strength is 500 mg, not 250 mg.')),
        ('erin', 'Amoxicillin 500', None, 'Amoxil 500 mg three times daily', 'amoxil', ['500'],
         ('Amoxil 875 mg twice daily', 'amoxil', ['875'], 'Order is amoxicillin 500 mg, timing 3x/day, not 875 mg BID.')),
        ('dannie', 'Amoxicillin 250 MG / Clavulanate', None, 'Augmentin 250/125', 'augmentin', ['250', '125'],
         ('Augmentin 875/125', 'augmentin', ['875', '125'], 'Amoxicillin component is 250 mg, not 875 mg.')),
        ('andyg', 'Cefuroxime', None, 'Ceftin 250 mg BID', 'ceftin', ['250'],
         ('Keflex 250 mg BID', 'keflex', ['250'], 'Keflex is cephalexin; record is cefuroxime 250 mg.')),
        ('erin', 'oxyCODONE', None, 'Percocet 5/325 q6h', 'percocet', ['5', '325'],
         ('Norco 5/325 q6h', 'norco', ['5', '325'], 'Norco is hydrocodone/APAP; record is oxycodone 5 mg/acetaminophen 325 mg.')),
        ('man', 'HYDROcodone', None, 'Norco 7.5/325 every 6 hours', 'norco', ['7.5', '325'],
         ('Norco 10/325 every 6 hours', 'norco', ['10', '325'], 'Hydrocodone strength is 7.5 mg, not 10 mg.')),
        ('thanh', 'Vicodin', None, 'Vicodin (hydrocodone 5 mg/acetaminophen 300 mg)', 'vicodin', ['5', '300'],
         ('Percocet (oxycodone 5 mg/acetaminophen 325 mg)', 'percocet', ['5', '325'], 'Record is hydrocodone/APAP 5/300 (Vicodin), not oxycodone.')),
        ('emilia', 'Acetaminophen 325', '2021-02-12', 'Tylenol 325 mg', 'tylenol', ['325'],
         ('Tylenol Extra Strength 500 mg', 'tylenol', ['500'], 'Acetaminophen strength is 325 mg, not 500 mg.')),
        ('andyg', 'Acetaminophen 160', '2020-11-04', "paracetamol 160 mg", 'paracetamol', ['160'],
         ('ibuprofen 160 mg', 'ibuprofen', ['160'], 'Record is acetaminophen 160 mg, not ibuprofen.')),
        ('gale', 'Ibuprofen', None, 'ibuprofen 100 mg (children\'s Motrin)', 'ibuprofen', ['100'],
         ('naproxen 100 mg', 'naproxen', ['100'], 'Record is ibuprofen 100 mg, not naproxen.')),
        ('bryan', 'Alteplase', None, 'tPA (alteplase) 100 mg', 'alteplase', ['100'],
         ('tenecteplase (TNKase) 50 mg', 'tenecteplase', ['50'], 'Record is alteplase 100 mg, not tenecteplase.')),
        ('andys', 'DOCEtaxel', None, 'Taxotere (docetaxel) 20 mg/mL', 'taxotere', ['20'],
         ('Taxol (paclitaxel) 6 mg/mL', 'taxol', ['6'], 'Taxol is paclitaxel; record is docetaxel 20 mg/mL.')),
        ('man', 'oxaliplatin', None, 'Eloxatin 5 mg/mL', 'eloxatin', ['5'],
         ('cisplatin 1 mg/mL', 'cisplatin', ['1'], 'Record is oxaliplatin 5 mg/mL, not cisplatin.')),
        ('man', 'Leucovorin', None, 'leucovorin (folinic acid) 100 mg', 'leucovorin', ['100'],
         ('leucovorin 50 mg', 'leucovorin', ['50'], 'Leucovorin strength is 100 mg, not 50 mg.')),
        ('mathilda', 'NuvaRing', None, 'NuvaRing (etonogestrel/ethinyl estradiol 0.12/0.015 mg per day)', 'nuvaring', ['0.12', '0.015'],
         ('Annovera ring', 'annovera', [], 'Annovera is segesterone/EE; record is NuvaRing 0.12/0.015 mg per 24 h.')),
        ('andys', 'Leuprolide', None, 'leuprolide 30 mg/mL prefilled syringe', 'leuprolide', ['30'],
         ('goserelin (Zoladex) 3.6 mg implant', 'zoladex', ['3.6'], 'Record is leuprolide acetate 30 mg/mL, not goserelin.')),
        ('man', 'Dextromethorphan', None, 'a NyQuil-type combo (acetaminophen/dextromethorphan/doxylamine)', 'nyquil', [],
         ('Robitussin DM (guaifenesin/dextromethorphan)', 'robitussin', [], 'Record is acetaminophen/dextromethorphan/doxylamine, no guaifenesin.')),
        ('andys', 'Vitamin B 12', None, 'vitamin B12 (cyanocobalamin) injection 5 mg/mL', 'cyanocobalamin', ['5'],
         ('folic acid injection 5 mg/mL', 'folic acid', ['5'], 'Record is vitamin B12 injectable, not folic acid.')),
    ]
    TC = [
        lambda d, dt: f"On {d} (started {dt}).",
        lambda d, dt: f"Rx: {d}, ordered {dt}.",
        lambda d, dt: f"Medication list includes {d}, first prescribed {dt}.",
        lambda d, dt: f"{dt}: prescribed {d}.",
        lambda d, dt: f"The patient was started on {d} on {dt}.",
        lambda d, dt: f"Meds: {d} (order dated {dt}).",
        lambda d, dt: f"{d[0].upper() + d[1:]} was ordered {dt}.",
        lambda d, dt: f"A prescription for {d} was written on {dt}.",
        lambda d, dt: f"Treated with {d} as of {dt}.",
        lambda d, dt: f"Per the med list: {d} — {dt}.",
        lambda d, dt: f"{dt} order: {d}.",
    ]
    styles = ['iso', 'mdy', 'dmy', 'us', 'dmyl', 'ord', 'mdyl', 'us2', 'the', 'dmy-']
    k = 0
    for i, (key, frag, date, cphr, cname_, cstr, wrong) in enumerate(D):
        p = P[key]; m = p.med(frag, date)
        dt = fd(m.date, styles[i % len(styles)])
        for lab in (('correct',) if i % 2 == 0 else ('wrong',)):
            t = TC[k % len(TC)]; k += 1
            if lab == 'correct':
                text = t(cphr, dt)
                why = f"MedicationRequest {m.id[:8]} '{m.text}' authoredOn {m.date}" + \
                      (f", timing {m.timing}" if m.timing and any(x in cphr for x in ('daily', 'BID', 'q6h', 'hours', 'three')) else '') + '.'
                checks = [{'t': 'drug', 'rid': m.id, 'name': cname_, 'strength': cstr}, {'t': 'date', 's': dt, 'rid': m.id}]
                if any(x in cphr for x in ('daily', 'BID', 'q6h', 'every 6 hours', 'three times')):
                    fq = 'q6h' if ('q6h' in cphr or '6 hours' in cphr) else 'bid' if 'BID' in cphr else 'tid' if 'three' in cphr else 'daily'
                    checks.append({'t': 'freq', 'rid': m.id, 'claim': fq})
            else:
                wphr, wname, wstr, why = wrong
                text = t(wphr, dt)
                checks = [{'t': 'drug', 'rid': m.id, 'name': wname, 'strength': wstr}, {'t': 'date', 's': dt, 'rid': m.id}]
            add(cat, p, text, C(p, m), lab, why, checks)


if __name__ == '__main__':
    gen_dates(); gen_abbrev(); gen_drugs()
    for c, m in CLAIMS:
        print(c['category'], c['label'], '|', c['text'], '|', c['why'][:100])
    for cat in ['dates', 'abbreviations', 'drug-names']:
        print(cat, cnt(cat))
