"""Category: status (active / resolved / stopped / smoking status / allergy status)."""
from common import *
from gen_drugs import D as DRUGS

TMA = [  # say: active med
 lambda pt, d: f"Currently taking {d}.",
 lambda pt, d: f"{d[0].upper()+d[1:]} — active prescription.",
 lambda pt, d: f"{pt.He} remains on {d}.",
 lambda pt, d: f"Still on {d} per the med list.",
 lambda pt, d: f"Active meds include {d}.",
]
TMA_DEAD = [lambda pt, d: f"{d[0].upper()+d[1:]} is listed as an active prescription.",
            lambda pt, d: f"The med list shows {d} with status active."]
TMS = [  # say: stopped med
 lambda pt, d: f"{d[0].upper()+d[1:]} has been discontinued.",
 lambda pt, d: f"No longer taking {d} (stopped).",
 lambda pt, d: f"{d[0].upper()+d[1:]} — inactive/stopped.",
 lambda pt, d: f"The {d} course is finished; prescription marked stopped.",
 lambda pt, d: f"{pt.He} is off {d} now.",
]
TCA = [  # say: condition active
 lambda pt, c, ds: f"{c[0].upper()+c[1:]} remains an active problem.",
 lambda pt, c, ds: f"Active problem: {c} (since {ds}).",
 lambda pt, c, ds: f"{pt.He} still has {c}, ongoing since {ds}.",
 lambda pt, c, ds: f"{c[0].upper()+c[1:]}: active, unresolved.",
 lambda pt, c, ds: f"Problem list — {c}, status active.",
]
TCR = [  # say: condition resolved
 lambda pt, c, ds: f"{c[0].upper()+c[1:]} has resolved.",
 lambda pt, c, ds: f"The {c} episode from {ds} is resolved.",
 lambda pt, c, ds: f"Resolved: {c} ({ds}).",
 lambda pt, c, ds: f"{pt.His} {c} cleared up — marked resolved.",
 lambda pt, c, ds: f"History of {c} ({ds}), now resolved.",
]
SMOKE = {
 'Former smoker': (["Former smoker.", "Ex-smoker.", "Quit smoking — documented as a former smoker.", "{He} used to smoke but has quit."],
                   ["Current smoker.", "Never smoker.", "Active tobacco user.", "{He} has never smoked."]),
 'Never smoker': (["Never smoker.", "Lifelong non-smoker.", "{He} has never smoked.", "Tobacco: never."],
                  ["Former smoker.", "Current smoker.", "Ex-smoker, quit years ago.", "Smokes daily."]),
}

def bare(n):
    return n[2:] if n.startswith('a ') else n[3:] if n.startswith('an ') else n

def gen():
    r = rng(909)
    # medications
    meds = [(P(k), m) for k in PTS for m in PTS[k].meds if m['name'] in DRUGS]
    r.shuffle(meds)
    per = collections.Counter(); out = []
    for pt, m in meds:
        if per[pt.key] >= 2: continue
        per[pt.key] += 1; out.append((pt, m))
    out = out[:30]
    tma = Cycler(range(len(TMA)), 1); tms = Cycler(range(len(TMS)), 2); tmd = Cycler(range(2), 3)
    for i, (pt, m) in enumerate(out):
        d = DRUGS[m['name']][0][0][0]; terms = DRUGS[m['name']][0][0][1]
        truth = m['status']            # active / stopped
        label = 'correct' if i % 2 == 0 else 'wrong'
        say = truth if label == 'correct' else ('stopped' if truth == 'active' else 'active')
        if say == 'active':
            t = (TMA_DEAD[tmd.next()] if pt.p.deceased else TMA[tma.next()])(pt, d)
        else:
            t = TMS[tms.next()](pt, d)
        why = (f"MedicationRequest {m['name']} status = {truth}" if label == 'correct'
               else f"MedicationRequest {m['name']} status is {truth}, not {say}")
        add('status', label, pt, t, [m['id']], why, [A_code(m['id'], terms, d), A_status(m['id'], say)])
    # conditions
    conds = [(P(k), c) for k in PTS for c in PTS[k].conds if c['name'] in COND and not c['name'].startswith('History')
             and c['name'] not in ('Appendicitis', 'Miscarriage in first trimester', 'Myocardial Infarction', 'Impacted molars',
                                   'Stroke', 'Body mass index 30+ - obesity (finding)')]
    r.shuffle(conds)
    per = collections.Counter(); outc = []; nm = collections.Counter()
    for pt, c in conds:
        if per[pt.key] >= 2 or nm[c['name']] >= 3: continue
        per[pt.key] += 1; nm[c['name']] += 1; outc.append((pt, c))
    outc = outc[:30]
    tca = Cycler(range(len(TCA)), 4); tcr = Cycler(range(len(TCR)), 5)
    for i, (pt, c) in enumerate(outc):
        truth = c['status']
        label = 'correct' if i % 2 == 0 else 'wrong'
        say = truth if label == 'correct' else ('resolved' if truth == 'active' else 'active')
        cn = bare(r.choice(COND[c['name']]))
        ds, dv = fmt_date(c['onset'], ['year', 'month', 'dmy', 'iso'][i % 4])
        if say == 'active':
            if pt.p.deceased:
                t = f"{cn[0].upper()+cn[1:]} was still an active problem (onset {ds})."; use_date = True
            else:
                ti = tca.next(); t = TCA[ti](pt, cn, ds); use_date = ti in (1, 2)
        else:
            ti = tcr.next(); t = TCR[ti](pt, cn, ds); use_date = ti in (1, 2, 4)
        asserts = [A_code(c['id'], [COND_KEY[c['name']]]), A_status(c['id'], say)]
        if use_date: asserts.append(A_date(c['id'], ds, dv, 'onset'))
        why = (f"Condition {c['name']} clinicalStatus = {truth}" + (f", abated {c['abate']}" if c['abate'] else '') if label == 'correct'
               else f"Condition {c['name']} clinicalStatus is {truth}" + (f" (abated {c['abate']})" if c['abate'] else ' (no abatement)') + f", not {say}")
        add('status', label, pt, t, [c['id']], why, asserts)
    # smoking status (latest observation)
    keys = list(PTS); r.shuffle(keys)
    keys.sort(key=lambda k: 0 if PTS[k].obs['smoking'][-1]['value'] == 'Former smoker' else 1)
    for i, key in enumerate(keys[:12]):
        pt = P(key); o = pt.p.obs['smoking'][-1]
        label = 'correct' if i % 2 == 0 else 'wrong'
        ok, bad = SMOKE[o['value']]
        t = (ok[i // 2 % len(ok)] if label == 'correct' else bad[i // 2 % len(bad)]).format(He=pt.He)
        claimed = {'Former smoker.': 'Former smoker', 'Ex-smoker.': 'Former smoker', 'Quit smoking — documented as a former smoker.': 'Former smoker',
                   '{He} used to smoke but has quit.': 'Former smoker', 'Current smoker.': 'Current every day smoker', 'Never smoker.': 'Never smoker',
                   'Active tobacco user.': 'Current every day smoker', '{He} has never smoked.': 'Never smoker', 'Lifelong non-smoker.': 'Never smoker',
                   'Tobacco: never.': 'Never smoker', 'Ex-smoker, quit years ago.': 'Former smoker', 'Smokes daily.': 'Current every day smoker'}
        src = ok[i // 2 % len(ok)] if label == 'correct' else bad[i // 2 % len(bad)]
        why = (f"latest tobacco smoking status ({o['date']}) = {o['value']}" if label == 'correct'
               else f"latest tobacco smoking status ({o['date']}) = {o['value']}, not {claimed[src]}")
        add('status', label, pt, t, [o['id']], why, [A_smoke(o['id'], claimed[src])])
    # allergy status (only Mathilda has allergies: all active)
    pt = P("mathilda_o'keefe")
    AL = [("Allergy to bee venom", "Bee venom allergy — active.", "correct"), ("Allergy to wheat", "Wheat allergy is still active on the allergy list.", "correct"),
          ("Allergy to mould", "Mould allergy listed as resolved.", "wrong"), ("Dander (animal) allergy", "Her animal dander allergy has been marked inactive.", "wrong"),
          ("Allergy to grass pollen", "Active allergy: grass pollen.", "correct"), ("Allergy to tree pollen", "Tree pollen allergy — resolved.", "wrong")]
    for name, t, label in AL:
        a = [x for x in pt.p.allergies if x['name'] == name][0]
        say = 'active' if label == 'correct' else ('resolved' if 'resolved' in t else 'inactive')
        why = (f"AllergyIntolerance '{name}' clinicalStatus active (recorded {a['date']})" if label == 'correct'
               else f"AllergyIntolerance '{name}' clinicalStatus is active, not {say}")
        add('status', label, pt, t, [a['id']], why, [A_code(a['id'], [name.lower().replace('allergy to ', '').replace(' (animal) allergy', '')]), A_status(a['id'], say)])

import collections
