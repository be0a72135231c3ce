"""Categories: swapped, wrong-citation, interpretation."""
from gen_common import *

R = random.Random(4004)


def O(key, an, date):
    return P[key].at(an, date)


def vc(o, s, comp=None, hedge=None):
    d = {'t': 'val', 's': s, 'rid': o.id}
    if comp: d['comp'] = comp
    if hedge: d['hedge'] = hedge
    return d


def dc(rec, s):
    return {'t': 'date', 's': s, 'rid': rec.id}


# ======================= SWAPPED =======================
def gen_swapped():
    cat = 'swapped'
    bps = [('alberto', '2015-12-14'), ('andys', '2012-01-05'), ('annmarie', '2013-05-21'), ('bryan', '2017-02-27'),
           ('dannie', '2015-03-12'), ('deedra', '2018-10-19'), ('elisha', '2020-03-18'), ('emilia', '2014-01-24'),
           ('erin', '2019-10-28'), ('evelyn', '1977-05-16'), ('gale', '2018-04-10'), ('jules', '2014-08-20'),
           ('junita', '2020-09-30'), ('malcom', '2014-11-07'), ('man', '2014-04-22'), ('mathilda', '2012-07-16'),
           ('maurice', '2020-02-21'), ('michael', '2018-05-11'), ('monika', '2014-12-06'), ('nohemi', '2013-05-22'),
           ('oswaldo', '2016-03-22'), ('thanh', '2016-11-15'), ('tyrell', '2016-02-16'), ('vito', '1978-10-02')]
    T = [
        lambda a, b, D, sy, di: f"BP {a}/{b} on {D}.",
        lambda a, b, D, sy, di: f"Blood pressure {a}/{b} mmHg ({D}).",
        lambda a, b, D, sy, di: f"Vitals {D}: BP {a}/{b}.",
        lambda a, b, D, sy, di: f"SBP {sy}, DBP {di} ({D}).",
        lambda a, b, D, sy, di: f"{D} — BP recorded as {a} over {b}.",
        lambda a, b, D, sy, di: f"Diastolic {di} and systolic {sy} mm Hg on {D}.",
        lambda a, b, D, sy, di: f"Systolic pressure {sy} mmHg with a diastolic of {di} at the {D} visit.",
        lambda a, b, D, sy, di: f"At the {D} visit the blood pressure was {a}/{b} mm Hg.",
    ]
    styles = ['iso', 'mdy', 'dmy', 'us', 'dmyl', 'ord', 'mdyl', 'us2']
    for i, (key, date) in enumerate(bps):
        p = P[key]; o = O(key, 'bp', date)
        s, d = fv(o.sys, 0), fv(o.dia, 0)
        D = fd(date, styles[i % len(styles)])
        t = T[i % len(T)]
        label = 'correct' if (i // 2) % 2 == 0 else 'wrong'
        if (i % 8) in (3, 4, 5, 6):   # labelled / 'over' forms
            if label == 'correct':
                text = t(s, d, D, s, d)
                chk = [vc(o, s, 'sys'), vc(o, d, 'dia')]
            else:
                text = t(d, s, D, d, s)   # labels swapped
                chk = [vc(o, d, 'sys'), vc(o, s, 'dia')]
        else:
            if label == 'correct':
                text = t(s, d, D, s, d); chk = [{'t': 'bp', 's': f"{s}/{d}", 'rid': o.id}]
            else:
                text = t(d, s, D, d, s); chk = [{'t': 'bp', 's': f"{d}/{s}", 'rid': o.id}]
        why = (f"BP panel {o.id[:8]} {date}: systolic (component[{o.sys_i}]) {o.sys:.1f}, diastolic (component[{o.dia_i}]) {o.dia:.1f}."
               + ('' if label == 'correct' else ' Claim swaps systolic and diastolic.'))
        add(cat, p, text, C(p, o), label, why, chk + [dc(o, D)])
    # two analytes' values swapped
    pairs = [
        ('andys', 'ldl', 'hdl', '2019-02-14', 'LDL {a} and HDL {b} mg/dL on {D}.', 'correct'),
        ('malcom', 'ldl', 'hdl', '2016-11-18', 'Lipids {D}: LDL {a}, HDL {b}.', 'wrong'),
        ('nohemi', 'ldl', 'hdl', '2019-06-26', 'On {D}, LDL-C was {a} mg/dL and HDL-C {b} mg/dL.', 'wrong'),
        ('elisha', 'ldl', 'hdl', '2018-03-07', 'LDL {a} / HDL {b} ({D}).', 'correct'),
        ('michael', 'tc', 'tg', '2012-05-04', 'Total cholesterol {a} and triglycerides {b} mg/dL on {D}.', 'wrong'),
        ('annmarie', 'tc', 'tg', '2014-05-27', 'TC {a}, TG {b} at the {D} panel.', 'correct'),
        ('thanh', 'ast', 'alt', '2017-12-06', 'AST {a} U/L, ALT {b} U/L ({D}).', 'wrong'),
        ('thanh', 'ast', 'alt', '2020-12-05', 'Transaminases on {D}: AST {a}, ALT {b} U/L.', 'correct'),
        ('bryan', 'na', 'cl', '2016-02-22', 'Na {a}, Cl {b} mmol/L on {D}.', 'wrong'),
        ('beatrice', 'na', 'cl', '2012-05-27', 'Sodium {a} and chloride {b} mEq/L ({D}).', 'correct'),
        ('alberto', 'mch', 'mchc', '2013-12-02', 'MCH {a} pg and MCHC {b} g/dL on {D}.', 'wrong'),
        ('dannie', 'mch', 'mchc', '2015-03-12', 'MCH {a} pg, MCHC {b} g/dL ({D}).', 'correct'),
        ('vito', 'hdl', 'ldl', '1979-09-24', 'HDL {a} mg/dL with LDL {b} mg/dL on {D}.', 'wrong'),
        ('oswaldo', 'hdl', 'ldl', '2014-03-11', 'HDL-C {a}; LDL-C {b} (mg/dL, {D}).', 'correct'),
    ]
    for j, (key, a1, a2, date, tmpl, label) in enumerate(pairs):
        p = P[key]; o1, o2 = O(key, a1, date), O(key, a2, date)
        v1, v2 = fv(o1.v, AN[a1]['prec']), fv(o2.v, AN[a2]['prec'])
        D = fd(date, styles[j % len(styles)])
        if label == 'wrong':
            v1, v2 = v2, v1
        text = tmpl.format(a=v1, b=v2, D=D)
        why = (f"{o1.text} {o1.v:.4g} and {o2.text} {o2.v:.4g} on {date}."
               + ('' if label == 'correct' else ' Claim swaps the two values.'))
        add(cat, p, text, C(p, o1, o2), label, why, [vc(o1, v1), vc(o2, v2), dc(o1, D)])
    # years swapped in a two-point statement
    yrs = [
        ('bryan', 'a1c', '2012-02-06', '2021-03-22', 'correct', "A1c {a}% in {ya} and {b}% in {yb}."),
        ('andys', 'a1c', '2014-01-16', '2018-02-08', 'wrong', "HbA1c was {a}% in {ya}, then {b}% in {yb}."),
        ('jules', 'egfr', '2014-08-20', '2020-08-26', 'wrong', "eGFR {a} ({ya}) vs {b} ({yb})."),
        ('man', 'ldl', '2012-04-10', '2018-05-15', 'correct', "LDL of {a} mg/dL in {ya} compared with {b} mg/dL in {yb}."),
        ('oswaldo', 'tc', '2017-03-28', '2020-04-14', 'wrong', "Total cholesterol {a} mg/dL in {ya}; {b} mg/dL in {yb}."),
        ('emilia', 'plt', '2016-02-05', '2021-02-19', 'correct', "Platelets {a} in {ya} and {b} in {yb} (x10^3/uL)."),
        ('maurice', 'hb', '2015-01-23', '2020-02-21', 'wrong', "Hb {a} g/dL in {ya}, {b} g/dL in {yb}."),
        ('deedra', 'wt', '2012-02-03', '2020-10-30', 'correct', "Weighed {a} kg in {ya} and {b} kg in {yb}."),
        ('thanh', 'cr', '2016-11-15', '2020-12-05', 'wrong', "Creatinine {a} mg/dL in {ya} vs {b} mg/dL in {yb}."),
        ('erin', 'bmi', '2013-09-23', '2020-11-02', 'correct', "BMI {a} in {ya}, {b} in {yb}."),
        ('annmarie', 'ldl', '2014-05-27', '2017-06-13', 'wrong', "LDL {a} in {ya} and {b} in {yb}."),
        ('michael', 'hb', '2015-05-08', '2021-02-26', 'correct', "Haemoglobin {a} g/dL ({ya}) and {b} g/dL ({yb})."),
    ]
    for key, an, d1, d2, label, tmpl in yrs:
        p = P[key]; o1, o2 = O(key, an, d1), O(key, an, d2)
        pr = AN[an]['prec']; a, b = fv(o1.v, pr), fv(o2.v, pr)
        if label == 'wrong':
            a, b = b, a
        text = tmpl.format(a=a, b=b, ya=d1[:4], yb=d2[:4])
        why = (f"{o1.text}: {o1.v:.4g} on {d1}, {o2.v:.4g} on {d2}." + ('' if label == 'correct' else ' Claim attaches each value to the other year.'))
        add(cat, p, text, C(p, o1, o2), label, why, [vc(o1, a), vc(o2, b), dc(o1, d1[:4]), dc(o2, d2[:4])])


# ======================= WRONG-CITATION =======================
def gen_wrongcite():
    cat = 'wrong-citation'
    S = fd
    items = []

    def pair(label, p, text, cited, truth_rec, checks, why):
        add(cat, p, text, C(p, *cited), label, why, checks)

    # 1 same analyte, other date
    p = P['bryan']; t = O('bryan', 'a1c', '2018-03-05'); w = O('bryan', 'a1c', '2019-03-11')
    pair('correct', p, f"A1c {fv(t.v, 1)}% on {S(t.date, 'iso')}.", [t], t, [vc(t, fv(t.v, 1)), dc(t, t.date)],
         f"Cited obs {t.id[:8]} is the 2018-03-05 A1c, value {t.v:.3f}%.")
    p = P['andys']; t = O('andys', 'a1c', '2019-02-14'); w = O('andys', 'a1c', '2020-02-20')
    pair('wrong', p, f"A1c {fv(t.v, 1)}% on {S(t.date, 'mdy')}.", [w], t, [vc(w, fv(t.v, 1)), dc(w, S(t.date, 'mdy')), {'t': 'truth', 'inner': vc(t, fv(t.v, 1))}],
         f"True (A1c {t.v:.3f}% on {t.date}), but the cited observation is the {w.date} A1c ({w.v:.3f}%).")
    # 2 other analyte same date
    p = P['malcom']; t = O('malcom', 'ldl', '2019-12-06'); w = O('malcom', 'hdl', '2019-12-06')
    pair('correct', p, f"LDL {fv(t.v, 0)} mg/dL ({S(t.date, 'dmy')}).", [t], t, [vc(t, fv(t.v, 0)), dc(t, S(t.date, 'dmy'))],
         f"Cited obs is the LDL of {t.date}, {t.v:.2f} mg/dL.")
    p = P['dannie']; t = O('dannie', 'ldl', '2018-03-15'); w = O('dannie', 'tc', '2018-03-15')
    pair('wrong', p, f"LDL-C {fv(t.v, 0)} mg/dL on {S(t.date, 'dmyl')}.", [w], t, [vc(w, fv(t.v, 0)), {'t': 'truth', 'inner': vc(t, fv(t.v, 0))}],
         f"LDL {t.v:.1f} on {t.date} is true, but the cited record is the Total Cholesterol observation ({w.v:.1f}).")
    p = P['thanh']; t = O('thanh', 'alb', '2020-12-05'); w = O('thanh', 'tprot', '2020-12-05')
    pair('correct', p, f"Albumin {fv(t.v, 1)} g/dL on {S(t.date, 'mdyl')}.", [t], t, [vc(t, fv(t.v, 1)), dc(t, S(t.date, 'mdyl'))],
         f"Cited obs is serum albumin {t.v:.3f} g/dL on {t.date}.")
    p = P['thanh']; t = O('thanh', 'ast', '2018-12-06'); w = O('thanh', 'alt', '2018-12-06')
    pair('wrong', p, f"AST {fv(t.v, 0)} U/L on {S(t.date, 'iso')}.", [w], t, [vc(w, fv(t.v, 0)), {'t': 'truth', 'inner': vc(t, fv(t.v, 0))}],
         f"AST {t.v:.2f} on {t.date} is true, but the cited observation is the ALT ({w.v:.2f} U/L).")
    # 3 encounter instead of observation
    p = P['oswaldo']; t = O('oswaldo', 'temp', '2018-02-14'); e = p.enc('2018-02-14')
    pair('correct', p, f"Temp {fv(t.v, 1)} °C at the {S(t.date, 'mdy')} sick visit.", [t, e], t, [vc(t, fv(t.v, 1)), dc(t, S(t.date, 'mdy'))],
         f"Oral temperature obs {t.id[:8]} = {t.v:.2f} °C on {t.date}; encounter of the same date cited for 'sick visit'.")
    p = P['man']; t = O('man', 'temp', '2017-06-15'); e = p.enc('2017-06-15')
    pair('wrong', p, f"Temperature {fv(t.v, 1)} °C on {S(t.date, 'dmyl')}.", [e], t, [vc(e, fv(t.v, 1)), {'t': 'truth', 'inner': vc(t, fv(t.v, 1))}],
         f"Temp {t.v:.2f} °C on {t.date} is true, but only the Encounter is cited; the encounter resource holds no temperature.")
    # 4 condition cited for a medication fact
    p = P['jules']; m = p.med('Hydrochlorothiazide'); c = p.cond('Hypertension')
    pair('correct', p, f"On hydrochlorothiazide 25 mg since {S(m.date, 'myl')}.", [m], m,
         [{'t': 'drug', 'rid': m.id, 'name': 'hydrochlorothiazide', 'strength': ['25']}, dc(m, S(m.date, 'myl')), {'t': 'status', 'rid': m.id, 'claim': 'active'}],
         f"MedicationRequest {m.id[:8]} HCTZ 25 MG, authoredOn {m.date}, status active.")
    p = P['thanh']; m = p.med('Hydrochlorothiazide'); c = p.cond('Hypertension')
    pair('wrong', p, f"Takes HCTZ 25 mg for blood pressure.", [c], m,
         [{'t': 'drug', 'rid': c.id, 'name': 'hctz', 'strength': ['25']}, {'t': 'truth', 'inner': {'t': 'drug', 'rid': m.id, 'name': 'hctz', 'strength': ['25']}}],
         f"HCTZ 25 mg is on file, but the only citation is the Hypertension Condition, which says nothing about the drug.")
    # 5 wrong episode
    p = P['jules']; ok = p.cond('Viral sinusitis', '2020-01-14'); bad = p.cond('Viral sinusitis', '2010-02-07')
    pair('correct', p, f"Viral sinusitis in {S(ok.onset, 'myl')}, resolved by {S(ok.abate, 'dmy')}.", [ok], ok,
         [dc(ok, S(ok.onset, 'myl')), {'t': 'date', 's': S(ok.abate, 'dmy'), 'rid': ok.id}, {'t': 'status', 'rid': ok.id, 'claim': 'resolved'}],
         f"Condition {ok.id[:8]} onset {ok.onset}, abatement {ok.abate}.")
    p = P['malcom']; ok = p.cond('Viral sinusitis', '2018-10-12'); bad = p.cond('Viral sinusitis', '2014-01-15')
    pair('wrong', p, f"Viral sinusitis episode starting {S(ok.onset, 'mdyl')}.", [bad], ok,
         [dc(bad, S(ok.onset, 'mdyl')), {'t': 'truth', 'inner': dc(ok, S(ok.onset, 'mdyl'))}],
         f"Episode of {ok.onset} exists, but the cited condition is the earlier episode with onset {bad.onset}.")
    # 6 immunization other date
    p = P['elisha']; z = sorted([i for i in p.imms if i.text == 'zoster'], key=lambda x: x.date)
    pair('correct', p, f"Zoster vaccine dose on {S(z[1].date, 'dmyl')}.", [z[1]], z[1], [dc(z[1], S(z[1].date, 'dmyl'))],
         f"Immunization {z[1].id[:8]} zoster on {z[1].date}.")
    p = P['bryan']; z = sorted([i for i in p.imms if i.text == 'zoster'], key=lambda x: x.date)
    pair('wrong', p, f"Shingles vaccine given {S(z[1].date, 'us')}.", [z[0]], z[1], [dc(z[0], S(z[1].date, 'us')), {'t': 'truth', 'inner': dc(z[1], S(z[1].date, 'us'))}],
         f"A zoster dose was given {z[1].date}, but the cited immunization is the earlier dose of {z[0].date}.")
    # 7 BP panel other date
    p = P['man']; t = O('man', 'bp', '2015-04-28'); w = O('man', 'bp', '2017-05-09')
    pair('correct', p, f"BP {fv(t.sys, 0)}/{fv(t.dia, 0)} on {S(t.date, 'dmy')}.", [t], t, [{'t': 'bp', 's': f"{fv(t.sys, 0)}/{fv(t.dia, 0)}", 'rid': t.id}, dc(t, S(t.date, 'dmy'))],
         f"BP panel of {t.date}: {t.sys:.1f}/{t.dia:.1f}.")
    p = P['thanh']; t = O('thanh', 'bp', '2014-11-11'); w = O('thanh', 'bp', '2016-11-15')
    pair('wrong', p, f"Blood pressure {fv(t.sys, 0)}/{fv(t.dia, 0)} mmHg on {S(t.date, 'mdy')}.", [w], t,
         [{'t': 'bp', 's': f"{fv(t.sys, 0)}/{fv(t.dia, 0)}", 'rid': w.id}, {'t': 'truth', 'inner': {'t': 'bp', 's': f"{fv(t.sys, 0)}/{fv(t.dia, 0)}", 'rid': t.id}}],
         f"BP {t.sys:.1f}/{t.dia:.1f} on {t.date} is true, but the cited panel is from {w.date} ({w.sys:.1f}/{w.dia:.1f}).")
    # 8 procedure vs condition
    p = P['elisha']; pr = p.proc('Colonoscopy'); c = p.cond('Osteoarthritis')
    pair('correct', p, f"Colonoscopy performed {S(pr.date, 'ord')}.", [pr], pr, [dc(pr, S(pr.date, 'ord'))], f"Procedure Colonoscopy {pr.date}.")
    p = P['oswaldo']; pr = p.proc('Colonoscopy'); c = p.cond('Viral sinusitis')
    pair('wrong', p, f"Had a colonoscopy on {S(pr.date, 'dmy')}.", [c], pr, [dc(c, S(pr.date, 'dmy')), {'t': 'truth', 'inner': dc(pr, S(pr.date, 'dmy'))}],
         f"Colonoscopy on {pr.date} is true, but the cited record is the viral sinusitis Condition (onset {c.onset}).")
    # 9 medication of wrong episode
    p = P['andyg']; m = p.med('Cefuroxime'); m2 = p.med('Amoxicillin')
    pair('correct', p, f"Cefuroxime 250 mg prescribed {S(m.date, 'iso')}.", [m], m,
         [{'t': 'drug', 'rid': m.id, 'name': 'cefuroxime', 'strength': ['250']}, dc(m, m.date)], f"MedicationRequest cefuroxime 250 MG authoredOn {m.date}.")
    p = P['erin']; m = p.med('Amoxicillin'); m2 = p.med('Ibuprofen')
    pair('wrong', p, f"Amoxicillin 500 mg was prescribed {S(m.date, 'mdyl')}.", [m2], m,
         [{'t': 'drug', 'rid': m2.id, 'name': 'amoxicillin', 'strength': ['500']}, {'t': 'truth', 'inner': {'t': 'drug', 'rid': m.id, 'name': 'amoxicillin', 'strength': ['500']}}],
         f"Amoxicillin 500 mg on {m.date} is true, but the cited MedicationRequest is ibuprofen 100 mg ({m2.date}).")
    # 10 weight cited with BMI record
    p = P['tyrell']; t = O('tyrell', 'wt', '2020-03-10'); w = O('tyrell', 'bmi', '2020-03-10')
    pair('correct', p, f"Weight {fv(t.v, 1)} kg on {S(t.date, 'us2')}.", [t], t, [vc(t, fv(t.v, 1)), dc(t, S(t.date, 'us2'))], f"Body weight {t.v:.2f} kg on {t.date}.")
    p = P['deedra']; t = O('deedra', 'wt', '2019-10-25'); w = O('deedra', 'bmi', '2019-10-25')
    pair('wrong', p, f"Weighed {fv(t.v, 1)} kg on {S(t.date, 'dmyl')}.", [w], t, [vc(w, fv(t.v, 1)), {'t': 'truth', 'inner': vc(t, fv(t.v, 1))}],
         f"Weight {t.v:.2f} kg on {t.date} is true, but the cited observation is BMI ({w.v:.2f} kg/m2).")
    # 11 allergy claim citing the medication
    p = P['mathilda']; a = [x for x in p.allergies if 'mould' in x.text][0]; m = p.med('Fexofenadine')
    pair('correct', p, f"Mould allergy documented {S(a.date, 'mdy')}.", [a], a, [dc(a, S(a.date, 'mdy'))], f"AllergyIntolerance 'Allergy to mould' recorded {a.date}.")
    a = [x for x in p.allergies if 'wheat' in x.text][0]
    pair('wrong', p, f"Wheat allergy on record since {S(a.date, 'myl')}.", [m], a,
         [{'t': 'rectext', 'rid': m.id, 'frags': ['wheat']}, {'t': 'truth', 'inner': dc(a, S(a.date, 'myl'))}],
         f"The wheat allergy exists (AllergyIntolerance recorded {a.date}), but the cited record is the fexofenadine MedicationRequest.")
    # 12 DR citation of another date
    p = P['emilia']; t = O('emilia', 'hdl', '2017-02-10'); dr_ok = p.dr('Lipid', '2017-02-10'); dr_bad = p.dr('Lipid', '2020-02-28')
    pair('correct', p, f"HDL {fv(t.v, 0)} mg/dL on the {S(t.date, 'dmy')} lipid panel.", [t, dr_ok], t, [vc(t, fv(t.v, 0)), dc(t, S(t.date, 'dmy'))],
         f"HDL obs {t.id[:8]} {t.v:.2f} mg/dL on {t.date}, part of Lipid Panel report of that date.")
    p = P['michael']; t = O('michael', 'hdl', '2015-05-08'); dr_bad = p.dr('Lipid', '2018-05-11')
    pair('wrong', p, f"HDL {fv(t.v, 0)} on the {S(t.date, 'mdyl')} lipid panel.", [dr_bad], t,
         [{'t': 'date', 's': S(t.date, 'mdyl'), 'rid': dr_bad.id}, {'t': 'truth', 'inner': vc(t, fv(t.v, 0))}],
         f"HDL {t.v:.2f} on {t.date} is true, but the cited DiagnosticReport is the {dr_bad.date} lipid panel.")
    # 13 condition citing a sibling condition
    p = P['beatrice']; c = p.cond('History of myocardial'); c2 = p.cond('Myocardial Infarction')
    pair('correct', p, f"History of myocardial infarction (1997) documented.", [c], c, [dc(c, '1997'), {'t': 'rectext', 'rid': c.id, 'frags': ['myocardial infarction']}],
         f"Condition 'History of myocardial infarction (situation)' onset {c.onset}.")
    p = P['evelyn']; c = p.cond('Neuropathy'); c2 = p.cond('Hyperglycemia')
    pair('wrong', p, f"Diabetic neuropathy since {c.onset[:4]}.", [c2], c,
         [{'t': 'rectext', 'rid': c2.id, 'frags': ['neuropathy']}, {'t': 'truth', 'inner': dc(c, c.onset[:4])}],
         f"Neuropathy due to T2DM (onset {c.onset}) is on file, but the cited Condition is Hyperglycemia.")
    # 14 PSA other date
    p = P['vito']; t = O('vito', 'psa', '1975-08-18')
    pair('correct', p, f"PSA {fv(t.v, 1)} ng/mL in {S(t.date, 'myl')}.", [t], t, [vc(t, fv(t.v, 1)), dc(t, S(t.date, 'myl'))], f"PSA {t.v:.3f} on {t.date}.")
    t = O('vito', 'psa', '1971-11-23'); w = O('vito', 'psa', '1970-11-23')
    pair('wrong', p, f"PSA {fv(t.v, 1)} ng/mL on {S(t.date, 'dmy')}.", [w], t, [vc(w, fv(t.v, 1)), {'t': 'truth', 'inner': vc(t, fv(t.v, 1))}],
         f"PSA {t.v:.3f} on {t.date} is true, but the cited PSA is {w.date} ({w.v:.3f}).")
    # 15 eGFR with creatinine record
    p = P['evelyn']; t = O('evelyn', 'egfr', '1983-06-20'); w = O('evelyn', 'cr', '1983-06-20')
    pair('correct', p, f"eGFR {fv(t.v, 0)} on {S(t.date, 'iso')}.", [t], t, [vc(t, fv(t.v, 0)), dc(t, t.date)], f"eGFR {t.v:.2f} on {t.date}.")
    t = O('evelyn', 'egfr', '1984-02-13'); w = O('evelyn', 'cr', '1984-02-13')
    pair('wrong', p, f"eGFR {fv(t.v, 0)} mL/min/1.73m2 ({S(t.date, 'mdy')}).", [w], t, [vc(w, fv(t.v, 0)), {'t': 'truth', 'inner': vc(t, fv(t.v, 0))}],
         f"eGFR {t.v:.2f} on {t.date} is true, but the cited observation is creatinine ({w.v:.3f} mg/dL).")
    # 16 MMSE wrong date
    p = P['beatrice']; t = O('beatrice', 'mmse', '2008-06-21')
    pair('correct', p, f"MMSE {fv(t.v, 0)} on {S(t.date, 'mdyl')}.", [t], t, [vc(t, fv(t.v, 0)), dc(t, S(t.date, 'mdyl'))], f"MMSE {t.v:.2f} on {t.date}.")
    t = O('beatrice', 'mmse', '2007-05-28'); w = O('beatrice', 'mmse', '2011-04-07')
    pair('wrong', p, f"MMSE {fv(t.v, 0)} on {S(t.date, 'dmy')}.", [w], t, [vc(w, fv(t.v, 0)), {'t': 'truth', 'inner': vc(t, fv(t.v, 0))}],
         f"MMSE {t.v:.2f} on {t.date} is true, but the cited MMSE observation is from {w.date} ({w.v:.2f}).")
    # 17 height vs weight
    p = P['gale']; t = O('gale', 'ht', '2019-08-06')
    pair('correct', p, f"Length/height {fv(t.v, 1)} cm at the {S(t.date, 'mdyl')} well visit.", [t], t, [vc(t, fv(t.v, 1)), dc(t, S(t.date, 'mdyl'))], f"Body height {t.v:.2f} cm on {t.date}.")
    p = P['andyg']; t = O('andyg', 'ht', '2020-08-06'); w = O('andyg', 'wt', '2020-08-06')
    pair('wrong', p, f"Height {fv(t.v, 1)} cm on {S(t.date, 'iso')}.", [w], t, [vc(w, fv(t.v, 1)), {'t': 'truth', 'inner': vc(t, fv(t.v, 1))}],
         f"Height {t.v:.2f} cm on {t.date} is true, but the cited observation is body weight ({w.v:.2f} kg).")
    # 18 smoking status citing BP
    p = P['man']; s = p.series('smoke')[-1]; b = O('man', 'bp', '2020-05-26')
    pair('correct', p, f"Former smoker per the {S(s.date, 'dmyl')} social history.", [s], s, [{'t': 'smoke', 'rid': s.id, 'claim': 'Former smoker'}, dc(s, S(s.date, 'dmyl'))],
         f"Tobacco smoking status obs {s.date} = Former smoker.")
    p = P['bryan']; s = p.series('smoke')[-1]; b = O('bryan', 'bp', '2021-03-22')
    pair('wrong', p, f"Former smoker (documented {S(s.date, 'mdy')}).", [b], s,
         [{'t': 'smoke', 'rid': b.id, 'claim': 'Former smoker'}, {'t': 'truth', 'inner': {'t': 'smoke', 'rid': s.id, 'claim': 'Former smoker'}}],
         f"Bryan is a former smoker (smoking status obs {s.date}), but the cited record is the blood pressure panel.")
    # 19 ED visit citing condition from another date
    p = P['elisha']; e = p.enc('2017-08-14', 'Emergency'); c = p.cond('Fracture of forearm')
    pair('correct', p, f"ED visit on {S(e.date, 'us')} for a forearm fracture.", [e, c], e, [dc(e, S(e.date, 'us')), {'t': 'sameday', 'rids': [e.id, c.id]}],
         f"Emergency encounter {e.date}; forearm fracture onset {c.onset}.")
    p = P['junita']; e = p.enc('2020-10-17'); c = p.cond('Otitis media')
    pair('wrong', p, f"Seen in the ED on {S(e.date, 'dmy')} for an ankle sprain.", [e, c], e,
         [dc(e, S(e.date, 'dmy')), {'t': 'rectext', 'rid': c.id, 'frags': ['sprain']}, {'t': 'truth', 'inner': {'t': 'rectext', 'rid': p.cond('Sprain').id, 'frags': ['sprain']}}],
         f"The ED visit and ankle sprain (onset {p.cond('Sprain').onset}) are real, but the cited condition is otitis media ({c.onset}).")
    # 20 Hb citing Hct
    p = P['erin']; t = O('erin', 'hb', '2019-10-28')
    pair('correct', p, f"Hgb {fv(t.v, 1)} g/dL on {S(t.date, 'dmyl')}.", [t], t, [vc(t, fv(t.v, 1)), dc(t, S(t.date, 'dmyl'))], f"Hemoglobin {t.v:.2f} on {t.date}.")
    p = P['monika']; t = O('monika', 'hb', '2019-03-30'); w = O('monika', 'hct', '2019-03-30')
    pair('wrong', p, f"Haemoglobin {fv(t.v, 1)} g/dL ({S(t.date, 'us')}).", [w], t, [vc(w, fv(t.v, 1)), {'t': 'truth', 'inner': vc(t, fv(t.v, 1))}],
         f"Hb {t.v:.2f} on {t.date} is true, but the cited observation is the hematocrit ({w.v:.2f} %).")
    # 21 glucose with BUN
    p = P['andys']; t = O('andys', 'glu', '2016-01-28')
    pair('correct', p, f"Glucose {fv(t.v, 0)} mg/dL on {S(t.date, 'mdy')}.", [t], t, [vc(t, fv(t.v, 0)), dc(t, S(t.date, 'mdy'))], f"Glucose {t.v:.2f} on {t.date}.")
    p = P['beatrice']; t = O('beatrice', 'glu', '2012-05-27'); w = O('beatrice', 'bun', '2012-05-27')
    pair('wrong', p, f"Glucose {fv(t.v, 0)} mg/dL on {S(t.date, 'dmy')}.", [w], t, [vc(w, fv(t.v, 0)), {'t': 'truth', 'inner': vc(t, fv(t.v, 0))}],
         f"Glucose {t.v:.2f} on {t.date} is true, but the cited observation is urea nitrogen ({w.v:.2f}).")
    # 22 vaccine type
    p = P['deedra']; v = [i for i in p.imms if i.text == 'Tdap'][0]; mv = [i for i in p.imms if 'meningococcal' in i.text and i.date == '2015-10-02'][0]
    pair('correct', p, f"Tdap given {S(v.date, 'dmyl')}.", [v], v, [dc(v, S(v.date, 'dmyl')), {'t': 'rectext', 'rid': v.id, 'frags': ['tdap']}], f"Immunization Tdap {v.date}.")
    p = P['erin']; v = [i for i in p.imms if i.text == 'Tdap'][0]; fl = [i for i in p.imms if i.text.startswith('Influenza') and i.date == v.date]
    pair('wrong', p, f"Tdap booster on {S(v.date, 'iso')}.", [fl[0]], v,
         [{'t': 'rectext', 'rid': fl[0].id, 'frags': ['tdap']}, {'t': 'truth', 'inner': {'t': 'rectext', 'rid': v.id, 'frags': ['tdap']}}],
         f"Tdap was given {v.date}, but the cited Immunization is the influenza vaccine from that visit.")
    # 23 lab citing patient resource (not allowed for positive facts) -> replaced by: cholesterol with wrong encounter
    p = P['nohemi']; t = O('nohemi', 'tc', '2016-06-08')
    pair('correct', p, f"Total cholesterol {fv(t.v, 0)} mg/dL ({S(t.date, 'iso')}).", [t], t, [vc(t, fv(t.v, 0)), dc(t, t.date)], f"TC {t.v:.2f} on {t.date}.")
    p = P['emilia']; t = O('emilia', 'tc', '2014-01-24'); e = p.enc('2014-01-24')
    pair('wrong', p, f"Total cholesterol {fv(t.v, 0)} on {S(t.date, 'mdyl')}.", [e], t, [vc(e, fv(t.v, 0)), {'t': 'truth', 'inner': vc(t, fv(t.v, 0))}],
         f"TC {t.v:.1f} on {t.date} is true, but only the Encounter is cited; it holds no lab value.")
    # 24 platelet date
    p = P['tyrell']; t = O('tyrell', 'plt', '2012-01-24')
    pair('correct', p, f"Platelets {fv(t.v, 0)} K/uL on {S(t.date, 'dmy')}.", [t], t, [vc(t, fv(t.v, 0)), dc(t, S(t.date, 'dmy'))], f"Platelets {t.v:.1f} on {t.date}.")
    p = P['malcom']; t = O('malcom', 'plt', '2011-09-23'); w = O('malcom', 'plt', '2016-11-18')
    pair('wrong', p, f"Platelet count {fv(t.v, 0)} x10^3/uL in {S(t.date, 'myl')}.", [w], t, [vc(w, fv(t.v, 0)), {'t': 'truth', 'inner': vc(t, fv(t.v, 0))}],
         f"Platelets {t.v:.1f} on {t.date} is true, but the cited observation is the {w.date} count ({w.v:.1f}).")
    # 25 BMI
    p = P['junita']
    p = P['nohemi']; t = O('nohemi', 'bmi', '2021-03-03')
    pair('correct', p, f"BMI {fv(t.v, 1)} at the {S(t.date, 'mdy')} visit.", [t], t, [vc(t, fv(t.v, 1)), dc(t, S(t.date, 'mdy'))], f"BMI {t.v:.2f} on {t.date}.")
    p = P['gale']; t = O('gale', 'bmi', '2021-02-02'); w = O('gale', 'bmi', '2019-08-06')
    pair('wrong', p, f"BMI {fv(t.v, 1)} kg/m2 on {S(t.date, 'dmy')}.", [w], t, [vc(w, fv(t.v, 1)), {'t': 'truth', 'inner': vc(t, fv(t.v, 1))}],
         f"BMI {t.v:.2f} on {t.date} is true, but the cited BMI is from {w.date} ({w.v:.2f}).")


# ======================= INTERPRETATION =======================
def bp_cat(s, d):
    if s >= 140 or d >= 90: return 'stage2'
    if s >= 130 or d >= 80: return 'stage1'
    if s >= 120: return 'elevated'
    return 'normal'


def gen_interp():
    cat = 'interpretation'
    ACC = 'ACC/AHA 2017 BP categories (normal <120/<80; elevated 120-129/<80; stage 1 130-139 or 80-89; stage 2 >=140 or >=90)'
    rows_bp = [
        ('jules', '2020-08-26', 'correct', 'stage2', "BP {s}/{d} on {D} is in the stage 2 hypertension range."),
        ('thanh', '2020-10-27', 'correct', 'stage2', "Hypertensive reading: {s}/{d} mmHg ({D}), stage 2 by ACC/AHA."),
        ('emilia', '2021-02-19', 'correct', 'stage1', "{D} BP {s}/{d} — stage 1 hypertension range (systolic 130–139)."),
        ('michael', '2021-02-26', 'correct', 'normal', "Normal blood pressure at the {D} physical ({s}/{d})."),
        ('malcom', '2020-12-11', 'correct', 'normal', "BP {s}/{d} on {D}: within normal limits."),
        ('annmarie', '2019-06-25', 'correct', 'stage1', "BP {s}/{d} ({D}) meets stage 1 criteria on the diastolic value."),
        ('emilia', '2017-02-10', 'correct', 'elevated', "BP {s}/{d} on {D} falls in the 'elevated' category, not hypertension."),
        ('jules', '2013-08-14', 'wrong', 'normal', "Normotensive on {D} with BP {s}/{d}."),
        ('alberto', '2021-01-11', 'wrong', 'normal', "BP {s}/{d} at the {D} visit is normal."),
        ('man', '2020-05-26', 'wrong', 'stage1', "BP {s}/{d} ({D}) is stage 1 hypertension."),
        ('emilia', '2014-01-24', 'wrong', 'elevated', "Only 'elevated' BP on {D}: {s}/{d}."),
        ('michael', '2015-05-08', 'wrong', 'normal', "BP {s}/{d} on {D} — optimal/normal."),
    ]
    for key, date, label, claim, tmpl in rows_bp:
        p = P[key]; o = O(key, 'bp', date); s, d = fv(o.sys, 0), fv(o.dia, 0)
        D = fd(date, R.choice(['iso', 'mdy', 'dmy', 'dmyl']))
        act = bp_cat(o.sys, o.dia)
        assert (act == claim) == (label == 'correct'), (key, date, act, claim)
        why = f"BP {o.sys:.1f}/{o.dia:.1f} → {act} per {ACC}." + ('' if label == 'correct' else f" Claim says {claim}.")
        add(cat, p, tmpl.format(s=s, d=d, D=D), C(p, o), label, why,
            [{'t': 'bp', 's': f"{s}/{d}", 'rid': o.id}, dc(o, D), {'t': 'interp', 'rid': o.id, 'kind': 'bp', 'claim': claim}])
    WHO = 'WHO adult BMI categories (18.5-24.9 normal, 25-29.9 overweight, >=30 obese)'
    rows = [
        ('annmarie', 'bmi', '2020-06-30', 'correct', 'obese', "BMI {v} on {D}: obese (class I).", 1),
        ('thanh', 'bmi', '2020-10-27', 'correct', 'obese', "Obese — BMI {v} kg/m² ({D}).", 1),
        ('michael', 'bmi', '2021-02-26', 'correct', 'overweight', "Overweight by BMI ({v}, {D}).", 1),
        ('elisha', 'bmi', '2021-03-24', 'correct', 'overweight', "BMI {v} on {D} is in the overweight range.", 1),
        ('michael', 'bmi', '2018-05-11', 'wrong', 'normal', "BMI {v} on {D}, a healthy weight.", 1),
        ('annmarie', 'bmi', '2016-06-07', 'wrong', 'obese', "Obese at the {D} visit (BMI {v}).", 1),
        ('thanh', 'bmi', '2018-11-20', 'wrong', 'overweight', "BMI {v} ({D}) — overweight but not obese.", 1),
        ('andys', 'bmi', '2021-02-25', 'wrong', 'obese', "Meets criteria for obesity with a BMI of {v} ({D}).", 0),
        ('andys', 'a1c', '2018-02-08', 'correct', 'prediabetes', "A1c {v}% on {D} is in the prediabetes range.", 1),
        ('bryan', 'a1c', '2021-03-22', 'correct', 'prediabetes', "HbA1c {v}% ({D}) — prediabetic range, below the 6.5% diabetes cut-off.", 1),
        ('bryan', 'a1c', '2015-02-16', 'wrong', 'diabetes', "HbA1c {v}% on {D} is diagnostic of diabetes.", 1),
        ('andys', 'a1c', '2014-01-16', 'wrong', 'normal', "Normal A1c of {v}% on {D}.", 1),
        ('evelyn', 'egfr', '1984-10-08', 'correct', 'G3b', "eGFR {v} on {D}, consistent with CKD G3b.", 0),
        ('man', 'egfr', '2013-04-16', 'correct', 'G2', "eGFR {v} ({D}) — mildly decreased, KDIGO G2.", 1),
        ('jules', 'egfr', '2020-08-26', 'correct', 'G1', "eGFR {v} on {D}: normal/high GFR category (G1).", 0),
        ('man', 'egfr', '2016-05-03', 'correct', 'G1', "eGFR {v} ({D}) is in the normal range (≥90).", 0),
        ('evelyn', 'egfr', '1984-06-11', 'wrong', 'G2', "eGFR {v} on {D}, only mildly reduced (G2).", 0),
        ('vito', 'egfr', '1979-01-01', 'wrong', 'G4', "eGFR {v} on {D} puts him in CKD stage 4.", 0),
        ('jules', 'egfr', '2017-08-23', 'wrong', 'G3a', "eGFR {v} ({D}) indicates stage 3 CKD.", 0),
        ('thanh', 'ldl', '2019-12-06', 'correct', 'ldl_borderline', "LDL {v} mg/dL on {D} is borderline high (130–159).", 0),
        ('oswaldo', 'ldl', '2020-04-14', 'correct', 'ldl_near', "LDL {v} ({D}) — near/above optimal (100–129).", 0),
        ('nohemi', 'ldl', '2019-06-26', 'correct', 'ldl_optimal', "Optimal LDL of {v} mg/dL on {D}.", 0),
        ('oswaldo', 'ldl', '2014-03-11', 'correct', 'ldl_optimal', "LDL {v} mg/dL ({D}) is below 100, optimal.", 0),
        ('oswaldo', 'ldl', '2020-04-14', 'wrong', 'ldl_optimal', "LDL {v} on {D} — optimal.", 0),
        ('thanh', 'ldl', '2018-12-06', 'wrong', 'ldl_high', "LDL {v} mg/dL on {D} is in the high (160–189) range.", 0),
        ('thanh', 'hdl', '2017-12-06', 'correct', 'hdl_low', "Low HDL ({v} mg/dL) on {D}.", 0),
        ('annmarie', 'hdl', '2017-06-13', 'correct', 'hdl_high', "HDL {v} mg/dL on {D} — high/protective (≥60).", 0),
        ('thanh', 'hdl', '2017-12-06', 'wrong', 'hdl_high', "HDL {v} on {D} is protective.", 0),
        ('michael', 'tc', '2018-05-11', 'correct', 'tc_desirable', "Total cholesterol {v} mg/dL ({D}) is desirable (<200).", 0),
        ('michael', 'tc', '2012-05-04', 'wrong', 'tc_borderline', "Borderline-high total cholesterol, {v} mg/dL on {D}.", 0),
        ('thanh', 'tg', '2018-12-06', 'correct', 'tg_borderline', "Triglycerides {v} mg/dL on {D}: borderline high.", 0),
        ('dannie', 'tg', '2015-03-12', 'wrong', 'tg_borderline', "Triglycerides {v} ({D}) — borderline high.", 0),
        ('monika', 'temp', '2015-03-01', 'correct', 'fever', "Febrile at {v} °C on {D}.", 1),
        ('annmarie', 'temp', '2012-07-05', 'correct', 'fever', "Low-grade fever, {v} °C ({D}).", 1),
        ('tyrell', 'temp', '2020-04-23', 'correct', 'afebrile', "Afebrile at {v} °C on {D}.", 1),
        ('tyrell', 'temp', '2020-04-23', 'wrong', 'fever', "Running a fever: {v} °C on {D}.", 1),
        ('bryan', 'temp', '2019-09-06', 'wrong', 'afebrile', "Afebrile ({v} °C) at the {D} visit.", 1),
        ('michael', 'hb', '2015-05-08', 'correct', 'anemia', "Hb {v} g/dL on {D} is below the WHO cut-off for anaemia in men (13).", 1),
        ('michael', 'hb', '2015-05-08', 'wrong', 'no_anemia', "Hb {v} g/dL ({D}) — no anaemia.", 1),
        ('emilia', 'hb', '2021-02-19', 'correct', 'no_anemia', "Not anaemic: Hb {v} g/dL on {D}.", 1),
        ('vito', 'psa', '1973-01-01', 'correct', 'psa_high', "PSA {v} ng/mL on {D} is elevated (>4.0).", 1),
        ('vito', 'psa', '1976-09-13', 'wrong', 'psa_normal', "PSA {v} on {D}, within normal limits.", 1),
        ('vito', 'psa', '1974-06-03', 'correct', 'psa_normal', "Normal PSA ({v} ng/mL, {D}).", 1),
        ('man', 'tscore', '2011-06-05', 'correct', 'bone_normal', "DXA T-score {v} on {D}: normal bone density.", 1),
        ('man', 'tscore', '2011-06-05', 'wrong', 'osteopenia', "T-score {v} ({D}) indicates osteopenia.", 1),
        ('nohemi', 'plt', '2018-06-20', 'correct', 'plt_normal', "Platelets {v} K/uL ({D}) — within the normal range.", 0),
        ('nohemi', 'plt', '2018-06-20', 'wrong', 'plt_low', "Thrombocytopenic on {D} (Plt {v}).", 0),
        ('beatrice', 'mmse', '2011-04-07', 'correct', 'mmse_severe', "MMSE {v}/30 on {D} — severe cognitive impairment.", 0),
        ('beatrice', 'mmse', '2007-05-28', 'wrong', 'mmse_normal', "MMSE {v} ({D}): cognition intact.", 0),
        ('thanh', 'k', '2019-12-06', 'correct', 'k_normal', "Potassium {v} mmol/L on {D} is normal.", 1),
        ('andys', 'na', '2015-01-22', 'wrong', 'na_high', "Hypernatremic on {D} (Na {v}).", 0),
        ('evelyn', 'egfr', '1982-12-20', 'wrong', 'G3a', "eGFR {v} on {D}: CKD G3a.", 0),
        ('malcom', 'temp', '2012-05-30', 'wrong', 'fever', "Febrile, {v} °C, at the {D} visit.", 1),
        ('nohemi', 'hdl', '2019-06-26', 'wrong', 'hdl_low', "HDL low at {v} mg/dL ({D}).", 0),
        ('emilia', 'hb', '2016-02-05', 'wrong', 'anemia', "Anaemic: Hb {v} g/dL on {D}.", 1),
        ('bryan', 'a1c', '2012-02-06', 'wrong', 'normal', "A1c {v}% on {D} — normal, no glycaemic concern.", 1),
    ]
    REF = {'bmi': WHO, 'a1c': 'ADA (normal <5.7, prediabetes 5.7-6.4, diabetes >=6.5 %)',
           'egfr': 'KDIGO GFR categories (G1 >=90, G2 60-89, G3a 45-59, G3b 30-44, G4 15-29, G5 <15)',
           'ldl': 'NCEP ATP III LDL (<100 optimal, 100-129 near optimal, 130-159 borderline high, 160-189 high, >=190 very high)',
           'hdl': 'NCEP ATP III HDL (<40 low, >=60 high)', 'tc': 'NCEP ATP III total cholesterol (<200 desirable, 200-239 borderline high, >=240 high)',
           'tg': 'NCEP ATP III triglycerides (<150 normal, 150-199 borderline high, 200-499 high)',
           'temp': 'fever threshold >=38.0 °C (100.4 °F)', 'hb': 'WHO anaemia thresholds (Hb <13 g/dL men, <12 g/dL non-pregnant women)',
           'psa': 'traditional PSA cut-off 4.0 ng/mL', 'tscore': 'WHO DXA criteria (T >= -1.0 normal, -1.0 to -2.5 osteopenia, <= -2.5 osteoporosis)',
           'plt': 'platelet reference 150-450 x10^3/uL', 'mmse': 'MMSE severity (<10 severe; 24-30 normal)',
           'k': 'potassium reference 3.5-5.0 mmol/L', 'na': 'sodium reference 135-145 mmol/L'}
    for key, an, date, label, claim, tmpl, prec in rows:
        p = P[key]; o = O(key, an, date)
        v = fv(o.v, prec)
        D = fd(date, R.choice(['iso', 'mdy', 'dmy', 'dmyl', 'us']))
        if an in ('bmi',) and p.age_on(date) < 20:
            raise AssertionError('child BMI')
        why = f"{o.text} {o.v:.4g} {o.unit} on {date}; {REF[an]}." + (f" Supports '{claim}'." if label == 'correct' else f" Does not support '{claim}'.")
        add(cat, p, tmpl.format(v=v, D=D), C(p, o), label, why, [vc(o, v), dc(o, D), {'t': 'interp', 'rid': o.id, 'kind': an, 'claim': claim}])
    # LVEF
    p = P['beatrice']; ef = p.series('lvef')
    add(cat, p, "Echo (June 2012) showed a reduced ejection fraction of about 38%.", C(p, *ef), 'correct',
        f"LVEF {ef[0].v:.1f}% and {ef[1].v:.1f}% on {ef[0].date}; <=40% = reduced EF (HFrEF, ACC/AHA/HFSA 2022).",
        [vc(ef[0], '38', hedge='about'), {'t': 'interp', 'rid': ef[0].id, 'kind': 'lvef', 'claim': 'reduced'}])
    add(cat, p, "LVEF 38% in June 2012 — preserved systolic function.", C(p, ef[0]), 'wrong',
        f"LVEF {ef[0].v:.1f}% is reduced (<=40%), not preserved (>=50%).",
        [vc(ef[0], '38'), {'t': 'interp', 'rid': ef[0].id, 'kind': 'lvef', 'claim': 'preserved'}])


if __name__ == '__main__':
    gen_swapped(); gen_wrongcite(); gen_interp()
    for c, m in CLAIMS:
        print(c['category'], c['label'], '|', c['text'], '|', c['why'][:120])
    for cat in ['swapped', 'wrong-citation', 'interpretation']:
        print(cat, cnt(cat))
