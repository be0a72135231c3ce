"""Categories: two-facts, negation, status, latest."""
from gen_common import *

R = random.Random(3003)


def O(key, an, date):
    return P[key].at(an, date)


def V(o, prec, comp=None):
    return fv(o.sys if comp == 'sys' else o.dia if comp == 'dia' else o.v, prec)


def vc(o, s, comp=None, hedge=None):
    d = {'t': 'val', 's': s, 'rid': o.id}
    if comp: d['comp'] = comp
    if hedge: d['hedge'] = hedge
    return d


def dc(rec, s):
    return {'t': 'date', 's': s, 'rid': rec.id}


# ======================= TWO-FACTS =======================
def gen_two():
    cat = 'two-facts'
    p = P['alberto']; c = p.cond('Streptococcal'); m = p.med('Penicillin')
    add(cat, p, f"Strep throat on {fd(c.onset, 'us2')}, treated with penicillin V potassium 250 mg.", C(p, c, m), 'correct',
        f"Condition {c.id[:8]} strep onset {c.onset}; MedicationRequest {m.id[:8]} Penicillin V Potassium 250 MG, reasonReference = that condition.",
        [dc(c, fd(c.onset, 'us2')), {'t': 'drug', 'rid': m.id, 'name': 'penicillin', 'strength': ['250']}, {'t': 'link', 'med': m.id, 'cond': c.id}])
    p = P['annmarie']; c = p.cond('Streptococcal'); m = p.med('Penicillin')
    add(cat, p, f"Strep pharyngitis in {fd(c.onset, 'myl')} was treated with Pen VK 250 mg.", C(p, c, m), 'wrong',
        f"Onset {c.onset} is right, but the penicillin V potassium order is 500 mg, not 250 mg.",
        [dc(c, fd(c.onset, 'myl')), {'t': 'drug', 'rid': m.id, 'name': 'penicillin', 'strength': ['250']}])
    p = P['beatrice']; c = p.cond('Chronic congestive'); m = p.med('Lasix')
    add(cat, p, f"CHF diagnosed {fd(c.onset, 'dmy')}; furosemide 40 mg daily started {fd(m.date, 'dmy')}.", C(p, c, m), 'correct',
        f"CHF onset {c.onset}; Lasix 40mg authoredOn {m.date}, timing 1/day.",
        [dc(c, fd(c.onset, 'dmy')), dc(m, fd(m.date, 'dmy')), {'t': 'drug', 'rid': m.id, 'name': 'furosemide', 'strength': ['40']},
         {'t': 'freq', 'rid': m.id, 'claim': 'daily'}])
    add(cat, p, f"Heart failure first documented {fd(c.onset, 'mdyl')}, with Lasix 40 mg begun {fd(shift_date(m.date, 'month+'), 'mdyl')}.", C(p, c, m), 'wrong',
        f"Lasix was ordered {m.date}, not {shift_date(m.date, 'month+')}; CHF onset {c.onset} is correct.",
        [dc(c, fd(c.onset, 'mdyl')), dc(m, fd(shift_date(m.date, 'month+'), 'mdyl'))])
    c = p.cond('Myocardial Infarction'); m = p.med('Nitroglycerin', '1997-03-02'); cl = p.med('Clopidogrel')
    add(cat, p, f"Acute MI on {fd(c.onset, 'the')}, given a nitroglycerin 0.4 mg spray prescription that same day.", C(p, c, m), 'correct',
        f"MI onset {c.onset}; Nitroglycerin 0.4 MG/ACTUAT spray authoredOn {m.date}.",
        [dc(c, fd(c.onset, 'the')), {'t': 'drug', 'rid': m.id, 'name': 'nitroglycerin', 'strength': ['0.4']}, {'t': 'sameday', 'rids': [c.id, m.id]}])
    add(cat, p, f"MI in March 1997, and clopidogrel 75 mg was started that same month.", C(p, c, cl), 'wrong',
        f"MI onset 1997-03-02 is right, but clopidogrel was ordered {cl.date}, not March 1997.",
        [dc(c, 'March 1997'), dc(cl, 'March 1997')])
    p = P['bryan']; c = p.cond('Stroke'); m = p.med('Alteplase'); pr = p.proc('thrombectomy')
    add(cat, p, f"Stroke on {fd(c.onset, 'us')} — alteplase 100 mg given and a percutaneous mechanical thrombectomy done the same day.",
        C(p, c, m, pr), 'correct', f"Stroke onset {c.onset}; Alteplase 100 MG authoredOn {m.date}; thrombectomy performed {pr.date}.",
        [dc(c, fd(c.onset, 'us')), {'t': 'drug', 'rid': m.id, 'name': 'alteplase', 'strength': ['100']}, {'t': 'sameday', 'rids': [c.id, m.id, pr.id]}])
    p = P['evelyn']; c = p.cond('Stroke'); pr = p.proc('thrombectomy')
    add(cat, p, f"She had a stroke in January 1984 and underwent mechanical thrombectomy the same day.", C(p, c, pr), 'wrong',
        f"Stroke onset and thrombectomy are both {c.onset} (January 1985), not 1984.",
        [dc(c, 'January 1984'), {'t': 'sameday', 'rids': [c.id, pr.id]}])
    p = P['elisha']; c = p.cond('Fracture of forearm')
    add(cat, p, f"Forearm fracture {fd(c.onset, 'dmy')}, resolved by {fd(c.abate, 'dmy')}.", C(p, c), 'correct',
        f"Condition onset {c.onset}, abatement {c.abate}, clinicalStatus resolved.",
        [dc(c, fd(c.onset, 'dmy')), {'t': 'date', 's': fd(c.abate, 'dmy'), 'rid': c.id, 'field': 'abate'}, {'t': 'status', 'rid': c.id, 'claim': 'resolved'}])
    p = P['erin']; c = p.cond('Injury of medial'); pr = p.proc('Surgical manipulation')
    add(cat, p, f"MCL knee injury on {fd(c.onset, 'mdy')}, followed by surgical manipulation of the knee on {fd(pr.date, 'mdy')}.",
        C(p, c, pr), 'correct', f"Condition onset {c.onset}; Procedure 'Surgical manipulation of joint of knee' {pr.date}.",
        [dc(c, fd(c.onset, 'mdy')), dc(pr, fd(pr.date, 'mdy'))])
    add(cat, p, f"Injured the knee MCL in {fd(c.onset, 'myl')} and had knee arthroscopy a week later.", C(p, c, pr), 'wrong',
        f"The procedure a week later ({pr.date}) was surgical manipulation of the knee joint, not arthroscopy.",
        [dc(c, fd(c.onset, 'myl')), {'t': 'rectext', 'rid': pr.id, 'frags': ['arthroscop']}])
    p = P['man']; c = p.cond('Fracture of clavicle'); m = p.med('HYDROcodone')
    add(cat, p, f"Clavicle fracture {fd(c.onset, 'iso')}; prescribed hydrocodone/acetaminophen 7.5/325 the same day.", C(p, c, m), 'correct',
        f"Fracture onset {c.onset}; Acetaminophen 325 / HYDROcodone 7.5 MG authoredOn {m.date}.",
        [dc(c, fd(c.onset, 'iso')), {'t': 'drug', 'rid': m.id, 'name': 'hydrocodone', 'strength': ['7.5', '325']}, {'t': 'sameday', 'rids': [c.id, m.id]}])
    add(cat, p, f"Broke his clavicle in {fd(c.onset, 'myl')} and went home on oxycodone/acetaminophen 5/325.", C(p, c, m), 'wrong',
        f"Fracture date right, but the opioid ordered was hydrocodone 7.5 mg/APAP 325 mg, not oxycodone 5/325.",
        [dc(c, fd(c.onset, 'myl')), {'t': 'drug', 'rid': m.id, 'name': 'oxycodone', 'strength': ['5', '325']}])
    p = P['thanh']; c = p.cond('Hyperlipidemia'); m = p.med('Simvistatin', '2016-12-06')
    add(cat, p, f"Hyperlipidemia diagnosed {fd(c.onset, 'us')}; simvastatin 10 mg started {fd(m.date, 'us')}.", C(p, c, m), 'correct',
        f"Hyperlipidemia onset {c.onset}; 'Simvistatin 10 MG' authoredOn {m.date}, reasonReference hyperlipidemia.",
        [dc(c, fd(c.onset, 'us')), dc(m, fd(m.date, 'us')), {'t': 'drug', 'rid': m.id, 'name': 'simvastatin', 'strength': ['10']}])
    add(cat, p, f"HLD since Nov 2016, on atorvastatin 10 mg since Dec 2016.", C(p, c, m), 'wrong',
        f"The statin ordered in Dec 2016 is simvastatin 10 mg, not atorvastatin.",
        [dc(c, 'Nov 2016'), dc(m, 'Dec 2016'), {'t': 'drug', 'rid': m.id, 'name': 'atorvastatin', 'strength': ['10']}])
    p = P['jules']; c = p.cond('Hypertension'); m = p.med('Hydrochlorothiazide')
    add(cat, p, f"HTN diagnosed Aug 2013 and HCTZ 25 mg started at that visit.", C(p, c, m), 'correct',
        f"Hypertension onset {c.onset}; HCTZ 25 MG authoredOn {m.date} (same encounter), reason hypertension.",
        [dc(c, 'Aug 2013'), {'t': 'drug', 'rid': m.id, 'name': 'hctz', 'strength': ['25']}, {'t': 'sameday', 'rids': [c.id, m.id]}])
    p = P['man']; c = p.cond('Hypertension'); m = p.med('Hydrochlorothiazide')
    add(cat, p, f"Hypertensive since 1967, managed with lisinopril 10 mg.", C(p, c, m), 'wrong',
        f"Hypertension since {c.onset} is right, but the antihypertensive on file is hydrochlorothiazide 25 mg, not lisinopril.",
        [dc(c, '1967'), {'t': 'drug', 'rid': m.id, 'name': 'lisinopril', 'strength': ['10']}])
    p = P['andys']; bp = O('andys', 'bp', '2021-02-25'); bmi = O('andys', 'bmi', '2021-02-25')
    add(cat, p, f"At the {fd(bp.date, 'dmy')} visit: BP {V(bp, 0, 'sys')}/{V(bp, 0, 'dia')}, BMI {fv(bmi.v, 2)}.", C(p, bp, bmi), 'correct',
        f"BP panel {bp.sys:.1f}/{bp.dia:.1f}; BMI {bmi.v:.3f} on {bp.date}.",
        [{'t': 'bp', 's': f"{V(bp, 0, 'sys')}/{V(bp, 0, 'dia')}", 'rid': bp.id}, vc(bmi, fv(bmi.v, 2)), dc(bp, fd(bp.date, 'dmy'))])
    p = P['emilia']; bp = O('emilia', 'bp', '2021-02-19'); bmi = O('emilia', 'bmi', '2021-02-19')
    add(cat, p, f"{fd(bp.date, 'mdy')}: BP {V(bp, 0, 'sys')}/{V(bp, 0, 'dia')} mmHg and BMI 29.6.", C(p, bp, bmi), 'wrong',
        f"BP {bp.sys:.1f}/{bp.dia:.1f} is right but BMI that day was {bmi.v:.2f}, not 29.6.",
        [{'t': 'bp', 's': f"{V(bp, 0, 'sys')}/{V(bp, 0, 'dia')}", 'rid': bp.id}, vc(bmi, '29.6'), dc(bp, fd(bp.date, 'mdy'))])
    p = P['michael']; l = O('michael', 'ldl', '2018-05-11'); h = O('michael', 'hdl', '2018-05-11')
    add(cat, p, f"LDL {V(l, 0)} and HDL {V(h, 0)} mg/dL on {l.date}.", C(p, l, h), 'correct',
        f"LDL {l.v:.2f}, HDL {h.v:.2f} mg/dL on {l.date}.", [vc(l, V(l, 0)), vc(h, V(h, 0)), dc(l, l.date)])
    p = P['dannie']; l = O('dannie', 'ldl', '2021-03-18'); h = O('dannie', 'hdl', '2021-03-18')
    add(cat, p, f"March 2021 lipids: LDL {V(l, 0)} mg/dL, HDL 59 mg/dL.", C(p, l, h), 'wrong',
        f"LDL {l.v:.2f} is right; HDL was {h.v:.2f} mg/dL, not 59.", [vc(l, V(l, 0)), vc(h, '59'), dc(l, 'March 2021')])
    p = P['bryan']; na = O('bryan', 'na', '2021-03-22'); k = O('bryan', 'k', '2021-03-22')
    add(cat, p, f"Na {V(na, 0)} / K {V(k, 1)} on {fd(na.date, 'ord')}.", C(p, na, k), 'correct',
        f"Sodium {na.v:.2f}, potassium {k.v:.3f} mmol/L on {na.date}.", [vc(na, V(na, 0)), vc(k, V(k, 1)), dc(na, fd(na.date, 'ord'))])
    p = P['thanh']; na = O('thanh', 'na', '2019-12-06'); k = O('thanh', 'k', '2019-12-06')
    add(cat, p, f"Sodium {V(na, 0)} and potassium 5.4 mmol/L on {fd(na.date, 'dmyl')}.", C(p, na, k), 'wrong',
        f"Sodium {na.v:.2f} is right; potassium was {k.v:.3f}, not 5.4.", [vc(na, V(na, 0)), vc(k, '5.4'), dc(na, fd(na.date, 'dmyl'))])
    p = P['andys']; a = O('andys', 'a1c', '2021-02-25'); g = O('andys', 'glu', '2021-02-25')
    add(cat, p, f"A1c {V(a, 1)}% with glucose {V(g, 0)} mg/dL at the {fd(a.date, 'mdyl')} check-up.", C(p, a, g), 'correct',
        f"HbA1c {a.v:.3f}%, glucose {g.v:.2f} mg/dL on {a.date}.", [vc(a, V(a, 1)), vc(g, V(g, 0)), dc(a, fd(a.date, 'mdyl'))])
    p = P['bryan']; a = O('bryan', 'a1c', '2019-03-11'); g = O('bryan', 'glu', '2019-03-11')
    add(cat, p, f"HbA1c {V(a, 1)}% and a glucose of 109 mg/dL on {fd(a.date, 'iso')}.", C(p, a, g), 'wrong',
        f"A1c {a.v:.3f} is right; glucose was {g.v:.2f} mg/dL, not 109.", [vc(a, V(a, 1)), vc(g, '109'), dc(a, a.date)])
    p = P['tyrell']; w = O('tyrell', 'wt', '2021-03-16'); h = O('tyrell', 'ht', '2021-03-16')
    add(cat, p, f"Wt {V(w, 1)} kg, Ht {V(h, 1)} cm ({fd(w.date, 'us')}).", C(p, w, h), 'correct',
        f"Weight {w.v:.2f} kg, height {h.v:.2f} cm on {w.date}.", [vc(w, V(w, 1)), vc(h, V(h, 1)), dc(w, fd(w.date, 'us'))])
    p = P['maurice']; w = O('maurice', 'wt', '2021-01-08'); h = O('maurice', 'ht', '2021-01-08')
    add(cat, p, f"On {fd(w.date, 'dmyl')} she was {V(h, 0)} cm tall and weighed 67.1 kg.", C(p, w, h), 'wrong',
        f"Height {h.v:.1f} cm is right; weight was {w.v:.2f} kg, not 67.1.", [vc(h, V(h, 0)), vc(w, '67.1'), dc(w, fd(w.date, 'dmyl'))])
    p = P['monika']; c = p.cond('Streptococcal'); t = O('monika', 'temp', '2015-03-01')
    add(cat, p, f"Strep throat diagnosed {fd(c.onset, 'dmyl')} with an oral temp of {V(t, 1)} °C.", C(p, c, t), 'correct',
        f"Strep onset {c.onset}; oral temperature {t.v:.2f} °C same day.", [dc(c, fd(c.onset, 'dmyl')), vc(t, V(t, 1))])
    p = P['bryan']; c = p.cond('Streptococcal'); t = O('bryan', 'temp', '2019-09-06')
    add(cat, p, f"Strep throat on {fd(c.onset, 'mdy')} with T 39.3 °C.", C(p, c, t), 'wrong',
        f"Strep onset {c.onset} right; temperature was {t.v:.2f} °C, not 39.3.", [dc(c, fd(c.onset, 'mdy')), vc(t, '39.3')])
    p = P['mathilda']; a = [x for x in p.allergies if 'bee' in x.text][0]; m = p.med('Epinephrine')
    add(cat, p, f"Bee venom allergy recorded {fd(a.date, 'us')}, EpiPen 0.3 mg prescribed the same day.", C(p, a, m), 'correct',
        f"AllergyIntolerance 'Allergy to bee venom' recordedDate {a.date}; epinephrine 0.3 mL of 1 mg/mL auto-injector authoredOn {m.date}.",
        [dc(a, fd(a.date, 'us')), {'t': 'drug', 'rid': m.id, 'name': 'epipen', 'strength': ['0.3']}, {'t': 'sameday', 'rids': [a.id, m.id]}])
    add(cat, p, f"Peanut allergy recorded Dec 2007, with an EpiPen prescribed that day.", C(p, a, m, 'patient'), 'wrong',
        f"Allergies recorded 2007-12-05 are bee venom, mould, dander, grass/tree pollen and wheat — no peanut allergy anywhere in the chart.",
        [{'t': 'absent', 'terms': ['peanut'], 'expect': 'fail_if_absent'}])
    c = p.cond('Childhood asthma'); f1 = p.med('Fluticasone'); f2 = p.med('Albuterol')
    add(cat, p, f"Childhood asthma diagnosed {fd(c.onset, 'mdyl')}; Flovent 44 mcg and albuterol inhalers started that day.", C(p, c, f1, f2), 'correct',
        f"Asthma onset {c.onset}; fluticasone 0.044 mg/actuation and albuterol MDIs authoredOn {f1.date}.",
        [dc(c, fd(c.onset, 'mdyl')), {'t': 'drug', 'rid': f1.id, 'name': 'flovent', 'strength': ['44']},
         {'t': 'drug', 'rid': f2.id, 'name': 'albuterol', 'strength': []}, {'t': 'sameday', 'rids': [c.id, f1.id, f2.id]}])
    p = P['monika']; c = p.cond('Childhood asthma'); f1 = p.med('Fluticasone'); f2 = p.med('Albuterol')
    add(cat, p, f"Asthma since {c.onset[:4]}, controlled on montelukast plus as-needed albuterol.", C(p, c, f1, f2), 'wrong',
        f"Controller on file is fluticasone 0.044 mg/actuation inhaler, not montelukast.",
        [dc(c, c.onset[:4]), {'t': 'absent', 'terms': ['montelukast', 'singulair'], 'expect': 'fail_if_absent'}])
    p = P['andyg']; c = p.cond('Acute bronchitis')
    add(cat, p, f"Acute bronchitis from {fd(c.onset, 'dmy')}, resolved {fd(c.abate, 'dmy')}.", C(p, c), 'correct',
        f"Onset {c.onset}, abatement {c.abate}, status resolved.",
        [dc(c, fd(c.onset, 'dmy')), {'t': 'date', 's': fd(c.abate, 'dmy'), 'rid': c.id}, {'t': 'status', 'rid': c.id, 'claim': 'resolved'}])
    p = P['annmarie']; c = p.cond('Acute bronchitis')
    add(cat, p, f"Acute bronchitis since {fd(c.onset, 'mdyl')}, still unresolved.", C(p, c), 'wrong',
        f"Onset {c.onset} right, but the condition is resolved (abatement {c.abate}).",
        [dc(c, fd(c.onset, 'mdyl')), {'t': 'status', 'rid': c.id, 'claim': 'active'}])
    p = P['nohemi']; hb = O('nohemi', 'hb', '2018-06-20'); pl = O('nohemi', 'plt', '2018-06-20')
    add(cat, p, f"Hgb {fv(hb.v, 2)} g/dL, Plt {V(pl, 0)} K/uL on {fd(hb.date, 'us2')}.", C(p, hb, pl), 'correct',
        f"Hemoglobin {hb.v:.3f} g/dL, platelets {pl.v:.2f} on {hb.date}.", [vc(hb, fv(hb.v, 2)), vc(pl, V(pl, 0)), dc(hb, fd(hb.date, 'us2'))])
    p = P['alberto']; w = O('alberto', 'wbc', '2018-12-31'); hb = O('alberto', 'hb', '2018-12-31')
    add(cat, p, f"WBC {V(w, 1)} and Hb 14.1 on {fd(w.date, 'mdy')}.", C(p, w, hb), 'wrong',
        f"WBC {w.v:.3f} right; Hb was {hb.v:.2f} g/dL, not 14.1.", [vc(w, V(w, 1)), vc(hb, '14.1'), dc(w, fd(w.date, 'mdy'))])
    p = P['vito']; cr = O('vito', 'cr', '1979-09-24'); eg = O('vito', 'egfr', '1979-09-24')
    add(cat, p, f"Creatinine {V(cr, 2)} mg/dL with eGFR {V(eg, 0)} on {fd(cr.date, 'dmy')}.", C(p, cr, eg), 'correct',
        f"Creatinine {cr.v:.4f}, eGFR {eg.v:.2f} on {cr.date}.", [vc(cr, V(cr, 2)), vc(eg, V(eg, 0)), dc(cr, fd(cr.date, 'dmy'))])
    cr = O('vito', 'cr', '1975-03-24'); eg = O('vito', 'egfr', '1975-03-24')
    add(cat, p, f"Cr {V(cr, 2)} and eGFR 53 on {fd(cr.date, 'us')}.", C(p, cr, eg), 'wrong',
        f"Creatinine {cr.v:.3f} right; eGFR that day was {eg.v:.2f}, not 53.", [vc(cr, V(cr, 2)), vc(eg, '53'), dc(cr, fd(cr.date, 'us'))])
    ps = O('vito', 'psa', '1977-11-07'); bx = [o for o in p.obs if o.an == 'prostate_bx' and o.date == '1977-11-07'][0]
    add(cat, p, f"PSA {V(ps, 1)} ng/mL on {fd(ps.date, 'us')}, and the prostate biopsy that day was abnormal.", C(p, ps, bx), 'correct',
        f"PSA {ps.v:.3f}; biopsy observation value 'Surgical biopsy result abnormal' on {bx.date}.",
        [vc(ps, V(ps, 1)), dc(ps, fd(ps.date, 'us')), {'t': 'cc', 'rid': bx.id, 'frags': ['abnormal']}])
    ps = O('vito', 'psa', '1976-09-13'); bx = [o for o in p.obs if o.an == 'prostate_bx' and o.date == '1976-09-13'][0]
    add(cat, p, f"PSA {V(ps, 1)} in September 1976 with an abnormal prostate biopsy the same day.", C(p, ps, bx), 'wrong',
        f"PSA {ps.v:.3f} right, but the 1976-09-13 biopsy result was normal.",
        [vc(ps, V(ps, 1)), dc(ps, 'September 1976'), {'t': 'cc', 'rid': bx.id, 'frags': ['abnormal']}])
    p = P['beatrice']; bn = O('beatrice', 'bnp', '2012-05-27'); ef = p.series('lvef')
    add(cat, p, f"NT-proBNP {V(bn, 0)} pg/mL ({fd(bn.date, 'dmy')}) and LVEF 38% on the {fd(ef[0].date, 'dmy')} echo.", C(p, bn, *ef), 'correct',
        f"NT-proBNP {bn.v:.1f} on {bn.date}; two LVEF observations {ef[0].v:.2f}% and {ef[1].v:.2f}% on {ef[0].date}.",
        [vc(bn, V(bn, 0)), vc(ef[0], '38'), vc(ef[1], '38')])
    add(cat, p, f"Echo in June 2012 showed an EF of 58%; NT-proBNP was {V(bn, 0)} pg/mL the month before.", C(p, bn, *ef), 'wrong',
        f"LVEF was ~38% ({ef[0].v:.1f}/{ef[1].v:.1f}), not 58%; NT-proBNP {bn.v:.0f} on {bn.date} is right.",
        [vc(ef[0], '58'), vc(bn, V(bn, 0))])
    c = p.cond("Alzheimer"); mm = O('beatrice', 'mmse', '2006-07-02'); ga = p.med('Galantamine')
    add(cat, p, f"Alzheimer's diagnosed {fd(c.onset, 'ord')} with an MMSE of {V(mm, 0)} that day.", C(p, c, mm), 'correct',
        f"Alzheimer's onset {c.onset}; MMSE {mm.v:.2f} on {mm.date}.", [dc(c, fd(c.onset, 'ord')), vc(mm, V(mm, 0))])
    add(cat, p, f"Alzheimer's disease since {c.onset[:4]}, started on donepezil at diagnosis.", C(p, c, ga), 'wrong',
        f"The drug started at diagnosis ({ga.date}) was galantamine 4 mg, not donepezil.",
        [dc(c, c.onset[:4]), {'t': 'drug', 'rid': ga.id, 'name': 'donepezil', 'strength': []}])
    p = P['oswaldo']; c = p.cond('Osteoporosis'); m = p.med('Alendronic')
    add(cat, p, f"Osteoporosis since {fd(c.onset, 'myl')}, on alendronate 10 mg from the same date.", C(p, c, m), 'correct',
        f"Osteoporosis onset {c.onset}; Alendronic acid 10 MG authoredOn {m.date}.",
        [dc(c, fd(c.onset, 'myl')), {'t': 'drug', 'rid': m.id, 'name': 'alendronate', 'strength': ['10']}, {'t': 'sameday', 'rids': [c.id, m.id]}])
    p = P['man']; c = p.cond('Fracture of clavicle'); dx = O('man', 'tscore', '2011-06-05')
    add(cat, p, f"Clavicle fracture on {fd(c.onset, 'dmyl')} and a DXA T-score of -1.4 the same day.", C(p, c, dx), 'wrong',
        f"Fracture date right; the DXA T-score was {dx.v:.2f}, not -1.4.", [dc(c, fd(c.onset, 'dmyl')), vc(dx, '-1.4')])
    p = P['nohemi']; c = p.cond('Localized, primary'); m = p.med('Naproxen')
    add(cat, p, f"Primary OA of the hand (Feb 2016), on naproxen sodium 220 mg.", C(p, c, m), 'correct',
        f"Condition onset {c.onset}; Naproxen sodium 220 MG authoredOn {m.date}, reason = hand OA, status active.",
        [dc(c, 'Feb 2016'), {'t': 'drug', 'rid': m.id, 'name': 'naproxen', 'strength': ['220']}, {'t': 'link', 'med': m.id, 'cond': c.id}])
    p = P['elisha']; c = p.cond('Osteoarthritis of hip'); m = p.med('Naproxen')
    add(cat, p, f"Hip OA dx Feb 2016; naproxen 220 mg remains active for it.", C(p, c, m), 'wrong',
        f"Hip OA onset {c.onset} right, but the naproxen order is stopped, not active.",
        [dc(c, 'Feb 2016'), {'t': 'status', 'rid': m.id, 'claim': 'active'}])
    p = P['maurice']; d = p.med('medroxyprogesterone'); s = p.med('Seasonique')
    add(cat, p, f"Depo-Provera started Feb 2020; switched to Seasonique in Feb 2021.", C(p, d, s), 'correct',
        f"Medroxyprogesterone 150 mg/mL authoredOn {d.date} (now stopped); Seasonique authoredOn {s.date} (active).",
        [dc(d, 'Feb 2020'), dc(s, 'Feb 2021'), {'t': 'status', 'rid': d.id, 'claim': 'stopped'}])
    add(cat, p, f"Depo-Provera first given in February 2019, later replaced by Seasonique (Feb 2021).", C(p, d, s), 'wrong',
        f"Depo-Provera was ordered {d.date}, not February 2019.", [dc(d, 'February 2019'), dc(s, 'Feb 2021')])
    p = P['evelyn']; c = p.cond('Diabetes'); m = p.med('Metformin')
    add(cat, p, f"Diabetes diagnosed {fd(c.onset, 'dmyl')}; metformin ER 500 mg started the same day.", C(p, c, m), 'correct',
        f"Diabetes onset {c.onset}; metformin ER 500 MG authoredOn {m.date}.",
        [dc(c, fd(c.onset, 'dmyl')), {'t': 'drug', 'rid': m.id, 'name': 'metformin', 'strength': ['500']}, {'t': 'sameday', 'rids': [c.id, m.id]}])
    p = P['vito']; c = p.cond('Diabetes'); m = p.med('Metformin')
    add(cat, p, f"Diabetes diagnosed in 1951 and metformin started that same year.", C(p, c, m), 'wrong',
        f"Diabetes onset {c.onset} right, but metformin was ordered {m.date}, not 1951.", [dc(c, '1951'), dc(m, '1951')])
    p = P['gale']; c = p.cond('Otitis media'); m = p.med('Amoxicillin')
    add(cat, p, f"Otitis media on {fd(c.onset, 'us2')} treated with amoxicillin 250 mg twice daily.", C(p, c, m), 'correct',
        f"Otitis onset {c.onset}; Amoxicillin 250 MG capsule authoredOn {m.date}, timing 2/day.",
        [dc(c, fd(c.onset, 'us2')), {'t': 'drug', 'rid': m.id, 'name': 'amoxicillin', 'strength': ['250']}, {'t': 'freq', 'rid': m.id, 'claim': 'bid'}])
    p = P['andyg']; c = p.cond('Otitis media', '2020-01-28'); m = p.med('Amoxicillin')
    add(cat, p, f"Ear infection on {fd(c.onset, 'dmy')}, treated with cefuroxime 250 mg.", C(p, c, m), 'wrong',
        f"The January 2020 otitis was treated with amoxicillin 250 mg; cefuroxime was for the November 2020 episode.",
        [dc(c, fd(c.onset, 'dmy')), {'t': 'drug', 'rid': m.id, 'name': 'cefuroxime', 'strength': ['250']}])
    p = P['malcom']; c1 = p.proc('Colonoscopy', '2014-11-07'); c2 = p.proc('Colonoscopy', '2019-11-06')
    add(cat, p, f"Colonoscopies on {fd(c1.date, 'dmy')} and {fd(c2.date, 'dmy')}.", C(p, c1, c2), 'correct',
        f"Colonoscopy procedures performed {c1.date} and {c2.date}.", [dc(c1, fd(c1.date, 'dmy')), dc(c2, fd(c2.date, 'dmy'))])
    p = P['nohemi']; c1 = p.proc('Colonoscopy', '2016-03-10'); c2 = p.proc('Colonoscopy', '2021-03-09')
    add(cat, p, f"Colonoscopies in March 2016 and March 2020.", C(p, c1, c2), 'wrong',
        f"Second colonoscopy was 2021-03-09, not March 2020 (first, 2016-03-10, is right).", [dc(c1, 'March 2016'), dc(c2, 'March 2020')])
    p = P['man']; v1 = [i for i in p.imms if 'PCV 13' in i.text][0]; v2 = [i for i in p.imms if '23 valent' in i.text][0]
    add(cat, p, f"Received PCV13 on {fd(v1.date, 'mdy')} and PPSV23 on {fd(v2.date, 'mdy')}.", C(p, v1, v2), 'correct',
        f"Immunizations: PCV13 {v1.date}, PPSV23 {v2.date}.", [dc(v1, fd(v1.date, 'mdy')), dc(v2, fd(v2.date, 'mdy'))])
    p = P['emilia']; c = p.cond('Acute bronchitis', '2021-02-12'); pr = p.proc('chest X-ray')
    add(cat, p, f"Acute bronchitis {fd(c.onset, 'us2')}; chest X-ray done that day.", C(p, c, pr), 'correct',
        f"Bronchitis onset {c.onset}; Plain chest X-ray {pr.date}.", [dc(c, fd(c.onset, 'us2')), dc(pr, fd(pr.date, 'us2'))])
    p = P['nohemi']; c = p.cond('Acute bronchitis', '2021-02-21'); pr = p.proc('Measurement of respiratory', '2021-02-21')
    add(cat, p, f"Acute bronchitis {fd(c.onset, 'dmy')}, with a chest X-ray the same day.", C(p, c, pr), 'wrong',
        f"The procedure that day was respiratory function measurement; there is no chest X-ray.",
        [dc(c, fd(c.onset, 'dmy')), {'t': 'rectext', 'rid': pr.id, 'frags': ['x-ray']}])
    p = P['monika']; c = p.cond('Laceration'); pr = p.proc('Suture'); e = p.enc('2016-10-17')
    add(cat, p, f"Hand laceration on {fd(c.onset, 'ord')}, sutured in the ED the same day.", C(p, c, pr, e), 'correct',
        f"Laceration onset {c.onset}; 'Suture open wound' {pr.date}; emergency encounter {e.date}.",
        [dc(c, fd(c.onset, 'ord')), {'t': 'sameday', 'rids': [c.id, pr.id, e.id]}])
    p = P['tyrell']; c = p.cond('Sprain of ankle'); e = p.enc('2020-05-31')
    add(cat, p, f"Ankle sprain seen in the ED on {fd(c.onset, 'mdy')} and treated with a cast.", C(p, c, e), 'wrong',
        f"ED visit and sprain date are right, but no casting/immobilisation procedure is recorded (only naproxen, RICE care plan).",
        [dc(c, fd(c.onset, 'mdy')), {'t': 'absent', 'terms': ['cast', 'immobiliz'], 'expect': 'fail_if_absent'}])
    p = P['thanh']; c = p.cond('Impacted'); pr = p.proc('wisdom')
    add(cat, p, f"Impacted molars diagnosed {fd(c.onset, 'dmy')} and the wisdom teeth extracted the same day.", C(p, c, pr), 'correct',
        f"Impacted molars onset {c.onset}; wisdom tooth extraction {pr.date}.", [dc(c, fd(c.onset, 'dmy')), dc(pr, fd(pr.date, 'dmy'))])
    add(cat, p, f"Impacted molars found in June 2016; extraction followed in July 2016.", C(p, c, pr), 'wrong',
        f"Extraction was {pr.date} (June), same day as diagnosis, not July 2016.", [dc(c, 'June 2016'), dc(pr, 'July 2016')])
    p = P['annmarie']; c = p.cond('obesity'); b = O('annmarie', 'bmi', '2020-06-30')
    add(cat, p, f"Obesity on the problem list; BMI {V(b, 1)} on {b.date}.", C(p, c, b), 'correct',
        f"Condition 'Body mass index 30+ - obesity' active; BMI {b.v:.3f} on {b.date}.",
        [{'t': 'status', 'rid': c.id, 'claim': 'active'}, vc(b, V(b, 1)), dc(b, b.date)])
    p = P['emilia']; b = O('emilia', 'bmi', '2021-02-19')
    add(cat, p, f"Obesity on her problem list, with a BMI of {V(b, 1)} in Feb 2021.", C(p, b, 'patient'), 'wrong',
        f"BMI {b.v:.2f} is right, but there is no obesity condition anywhere in the chart (BMI is in the overweight range).",
        [vc(b, V(b, 1)), {'t': 'absent', 'terms': ['obesity'], 'expect': 'fail_if_absent'}])
    p = P['andys']; c = p.cond('Prediabetes'); a = O('andys', 'a1c', '2018-02-08')
    add(cat, p, f"Prediabetes, with HbA1c {V(a, 1)}% on {fd(a.date, 'dmyl')}.", C(p, c, a), 'correct',
        f"Prediabetes condition active; A1c {a.v:.3f}% on {a.date}.", [vc(a, V(a, 1)), dc(a, fd(a.date, 'dmyl'))])
    p = P['bryan']; c = p.cond('Prediabetes'); a = O('bryan', 'a1c', '2015-02-16')
    add(cat, p, f"Prediabetic; A1c 6.9% in Feb 2015.", C(p, c, a), 'wrong',
        f"Prediabetes is right; A1c on {a.date} was {a.v:.3f}%, not 6.9.", [vc(a, '6.9'), dc(a, 'Feb 2015')])


# ======================= NEGATION =======================
DIAB = ['diabet', 'metformin', 'insulin', 'humulin']
HTN = ['hypertension', 'hydrochlorothiazide', 'amlodipine', 'lisinopril', 'losartan', 'metoprolol']
ASTH = ['asthma', 'albuterol', 'fluticasone', 'copd', 'chronic obstructive']
OPI = ['oxycodone', 'hydrocodone', 'codeine', 'morphine', 'tramadol', 'fentanyl', 'vicodin', 'percocet']
ANTICOAG = ['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran', 'enoxaparin', 'edoxaban', 'coumadin']
STATIN = ['statin', 'simva', 'simvi', 'atorva', 'rosuva', 'prava', 'lova']
CANCER = ['neoplasm', 'carcinoma', 'malignan', 'tumor', 'metasta', 'cancer', 'oxaliplatin', 'docetaxel', 'leuprolide']
HEART = ['heart', 'myocard', 'coronary', 'cardiac', 'nitroglycerin']


def gen_neg():
    cat = 'negation'
    ok = [
        ('alberto', "No history of diabetes.", DIAB, []),
        ('andyg', "No known drug allergies.", None, 'allergy'),
        ('annmarie', "Never diagnosed with hypertension and not on any antihypertensive.", HTN, []),
        ('dannie', "No asthma or COPD on record; no inhalers prescribed.", ASTH, []),
        ('deedra', "Not on any opioid, past or present.", OPI, []),
        ('elisha', "Denies diabetes — none documented, no glucose-lowering meds.", DIAB + ['prediabet'], []),
        ('emilia', "NKA.", None, 'allergy'),
        ('gale', "No inpatient admissions on record.", None, 'noimp'),
        ('junita', "No chronic problems: every condition on her list has resolved.", None, 'noactive'),
        ('malcom', "Takes no prescription medications.", None, 'nomeds'),
        ('michael', "No medications on file and no known allergies.", None, 'nomeds+allergy'),
        ('monika', "No history of heart disease.", HEART, []),
        ('nohemi', "No diagnosis of diabetes.", DIAB, []),
        ('oswaldo', "Not anticoagulated — no warfarin, heparin or DOAC on the med list.", ANTICOAG, []),
        ('tyrell', "Not currently on any medication.", None, 'noactivemeds'),
        ('thanh', "No diabetes on the problem list.", DIAB, []),
        ('erin', "No history of asthma.", ['asthma', 'albuterol', 'fluticasone'], []),
        ('jules', "Not on a statin.", STATIN, []),
        ('man', "Diabetes: none on record.", DIAB, []),
        ('bryan', "Has prediabetes but no diagnosis of diabetes mellitus.", ['diabetes mellitus', 'metformin', 'insulin', 'humulin'], ['a1c<6.5']),
        ('beatrice', "No history of stroke.", ['stroke', 'cerebrovascular', 'cva'], []),
        ('andys', "Not on insulin.", ['insulin', 'humulin', 'lantus'], []),
        ('vito', "No known allergies documented.", None, 'allergy'),
        ('evelyn', "No history of cancer.", CANCER, []),
        ('mathilda', "No known drug allergies — her recorded allergies are to bee venom, mould, animal dander, pollens and wheat.", None, 'drugallergy'),
        ('deedra', "No chronic medical conditions documented.", None, 'noactive'),
        ('maurice', "Never smoked.", None, 'never'),
    ]
    bad = [
        ('jules', "No history of hypertension.", 'Hypertension', 'cond', ['hypertension']),
        ('beatrice', "No cardiac history.", 'Myocardial Infarction', 'cond', ['myocardial infarction']),
        ('thanh', "No seizure history.", 'Epilepsy', 'cond', ['epilepsy']),
        ('mathilda', "No known allergies.", 'bee venom', 'allergy', ['allergy']),
        ('monika', "Not on any inhalers.", 'Albuterol', 'med', ['albuterol']),
        ('erin', "Has never been prescribed an opioid.", 'oxyCODONE', 'med', ['oxycodone']),
        ('man', "No personal history of malignancy.", 'oxaliplatin', 'med', ['oxaliplatin']),
        ('elisha', "No fractures in the past.", 'Fracture of forearm', 'cond', ['fracture']),
        ('evelyn', "Not diabetic.", 'Diabetes', 'cond', ['diabetes']),
        ('vito', "No prostate problems on record.", 'Neoplasm of prostate', 'cond', ['prostate']),
        ('andys', "Never had cancer.", 'Carcinoma in situ', 'cond', ['carcinoma']),
        ('bryan', "No prior stroke.", 'Stroke', 'cond', ['stroke']),
        ('oswaldo', "Denies osteoporosis; not on any bone-density medication.", 'Osteoporosis', 'cond', ['osteoporosis']),
        ('nohemi', "Takes no NSAIDs.", 'Naproxen', 'med', ['naproxen']),
        ('dannie', "No sinus problems.", 'Chronic sinusitis', 'cond', ['sinusitis']),
        ('malcom', "Never had abdominal surgery.", 'History of appendectomy', 'cond', ['appendectomy']),
        ('maurice', "Not on any contraception.", 'Seasonique', 'med', ['seasonique']),
        ('tyrell', "No ED visits on record.", '2020-05-31', 'enc', ['emergency']),
        ('alberto', "Has never been to the ER.", '2020-07-14', 'enc', ['emergency']),
        ('gale', "Never had an ear infection.", 'Otitis media', 'cond', ['otitis']),
        ('junita', "No injuries on record.", 'Sprain of ankle', 'cond', ['sprain']),
        ('michael', "No throat infections in the chart.", 'Acute viral pharyngitis', 'cond', ['pharyngitis']),
        ('andyg', "Never prescribed antibiotics.", 'Cefuroxime', 'med', ['cefuroxime']),
        ('deedra', "Never used hormonal contraception.", 'Natazia', 'med', ['natazia']),
        ('emilia', "No chest imaging on file.", 'chest X-ray', 'proc', ['x-ray']),
        ('thanh', "No liver enzymes have ever been checked.", 'alt', 'obs', ['alanine']),
        ('annmarie', "Not obese and never has been.", 'obesity', 'cond', ['obesity']),
    ]
    for key, text, terms, extra in ok:
        p = P[key]
        cites = ['patient']
        checks = []
        if terms:
            checks.append({'t': 'absent', 'terms': terms})
            why = f"Whole chart searched for {', '.join(terms[:6])}...: none present in conditions, meds, allergies, procedures, encounters or results."
        else:
            mode = extra
            checks.append({'t': 'absent_mode', 'mode': mode})
            why = {'allergy': 'Chart contains no AllergyIntolerance resources.',
                   'noimp': 'No encounter with class IMP (inpatient) in the chart.',
                   'noactive': 'All Condition resources have clinicalStatus resolved.',
                   'nomeds': 'Chart contains no MedicationRequest resources.',
                   'nomeds+allergy': 'No MedicationRequest and no AllergyIntolerance resources in the chart.',
                   'noactivemeds': 'The only MedicationRequest (naproxen) has status stopped.',
                   'drugallergy': 'Six AllergyIntolerance records (bee venom, mould, animal dander, grass pollen, tree pollen, wheat); none is to a drug.',
                   'never': 'All tobacco smoking status observations = Never smoker; no tobacco condition.'}[mode]
            if mode == 'never':
                s = p.series('smoke'); cites = ['patient', s[-1]]
        if extra == ['a1c<6.5']:
            cites = ['patient', p.cond('Prediabetes')]
            checks.append({'t': 'maxval', 'an_code': '4548-4', 'lt': 6.5})
            why = "Prediabetes is on the problem list, but there is no diabetes condition, no metformin/insulin, and every HbA1c is < 6.5% (max 6.39%)."
        if key == 'elisha':
            why += " No HbA1c or glucose results either."
        add(cat, p, text, C(p, *cites), 'correct', why, checks)
    for key, text, q, kind, terms in bad:
        p = P[key]
        if kind == 'cond':
            rec = p.cond(q)
        elif kind == 'med':
            rec = p.med(q)
        elif kind == 'allergy':
            rec = [a for a in p.allergies if q in a.text][0]
        elif kind == 'enc':
            rec = p.enc(q)
        elif kind == 'proc':
            rec = p.proc(q)
        elif kind == 'obs':
            rec = p.series(q)[0]
        why = f"{kind} {rec.id[:8]} '{rec.text or rec.type}' ({rec.onset or rec.date}) is in the chart, contradicting the negation."
        cites = ['patient', rec] if R.random() < 0.6 else ['patient']
        if key == 'man':
            e = [x for x in p.encs if x.reason and 'alignant' in x.reason][0]
            cites = ['patient', rec, e]
            why = "Oxaliplatin and leucovorin were ordered 2000-08-20 at an encounter whose reasonCode is 'Malignant tumor of colon' — cancer history is documented."
        if key == 'oswaldo':
            why = "Osteoporosis is an active condition (1996-12-03) and alendronic acid 10 mg is active."
        add(cat, p, text, C(p, *cites), 'wrong', why, [{'t': 'present', 'rid': rec.id, 'terms': terms}])


# ======================= STATUS =======================
def gen_status():
    cat = 'status'
    rows = [
        # key, kind, query, date, text, label, claimed status, why
        ('jules', 'med', 'Hydrochlorothiazide', None, "Currently taking HCTZ 25 mg.", 'correct', 'active'),
        ('jules', 'cond', 'Hypertension', None, "Hypertension is listed as resolved.", 'wrong', 'resolved'),
        ('thanh', 'med', 'Simvistatin', '2020-12-05', "Currently on simvastatin 10 mg (order renewed Dec 2020).", 'correct', 'active'),
        ('thanh', 'med', 'Simvistatin', '2020-12-05', "Simvastatin was stopped in December 2020 and has not been restarted.", 'wrong', 'stopped'),
        ('nohemi', 'med', 'Naproxen', None, "Remains on naproxen sodium 220 mg.", 'correct', 'active'),
        ('nohemi', 'med', 'Naproxen', None, "Naproxen was discontinued.", 'wrong', 'stopped'),
        ('mathilda', 'med', 'NuvaRing', None, "Uses a NuvaRing; the order is active.", 'correct', 'active'),
        ('mathilda', 'cond', 'Whiplash', None, "The whiplash injury from 2013 is still an active problem.", 'wrong', 'active'),
        ('monika', 'med', 'Levora', None, "Currently taking Levora for contraception.", 'correct', 'active'),
        ('monika', 'cond', 'Childhood asthma', None, "Her childhood asthma has resolved.", 'wrong', 'resolved'),
        ('maurice', 'med', 'Seasonique', None, "Active prescription: Seasonique.", 'correct', 'active'),
        ('maurice', 'med', 'medroxyprogesterone', None, "Still receiving Depo-Provera injections — order active.", 'wrong', 'active'),
        ('oswaldo', 'med', 'Alendronic', None, "Ongoing alendronate therapy.", 'correct', 'active'),
        ('oswaldo', 'med', 'Alendronic', None, "Alendronate has been discontinued.", 'wrong', 'stopped'),
        ('alberto', 'cond', 'Streptococcal', None, "Strep throat (Mar 2016) resolved.", 'correct', 'resolved'),
        ('alberto', 'med', 'Naproxen', None, "Still taking naproxen for the ankle sprain.", 'wrong', 'active'),
        ('andys', 'smoke', None, None, "Former smoker.", 'correct', 'Former smoker'),
        ('andys', 'smoke', None, None, "Lifelong non-smoker.", 'wrong', 'Never smoker'),
        ('bryan', 'smoke', None, None, "Ex-smoker per the most recent social history.", 'correct', 'Former smoker'),
        ('bryan', 'smoke', None, None, "Current smoker.", 'wrong', 'Current'),
        ('man', 'smoke', None, None, "Quit smoking — documented as a former smoker.", 'correct', 'Former smoker'),
        ('emilia', 'smoke', None, None, "Ex-smoker.", 'wrong', 'Former smoker'),
        ('erin', 'smoke', None, None, "Never smoker.", 'correct', 'Never smoker'),
        ('malcom', 'smoke', None, None, "Smoking status: former smoker.", 'wrong', 'Former smoker'),
        ('erin', 'med', 'oxyCODONE', None, "Still on oxycodone/acetaminophen after the knee procedure.", 'wrong', 'active'),
        ('erin', 'med', 'Amoxicillin', None, "No longer on amoxicillin (order stopped).", 'correct', 'stopped'),
        ('bryan', 'med', 'Clopidogrel', None, "Clopidogrel 75 mg was discontinued.", 'correct', 'stopped'),
        ('bryan', 'med', 'Clopidogrel', None, "Remains on clopidogrel after the 2018 stroke.", 'wrong', 'active'),
        ('dannie', 'cond', 'Chronic sinusitis', None, "Chronic sinusitis remains active.", 'correct', 'active'),
        ('dannie', 'cond', 'Chronic sinusitis', None, "Chronic sinusitis has resolved.", 'wrong', 'resolved'),
        ('man', 'cond', 'Fracture of clavicle', None, "Clavicle fracture (2011) has healed — condition resolved.", 'correct', 'resolved'),
        ('man', 'med', 'Hydrochlorothiazide', None, "HCTZ was stopped.", 'wrong', 'stopped'),
        ('elisha', 'cond', 'Osteoarthritis of hip', None, "Hip osteoarthritis is an active problem.", 'correct', 'active'),
        ('elisha', 'med', 'Naproxen', None, "Naproxen for hip OA is an active medication.", 'wrong', 'active'),
        ('deedra', 'med', 'Natazia', None, "Natazia was discontinued.", 'correct', 'stopped'),
        ('deedra', 'med', 'Natazia', None, "Currently on Natazia.", 'wrong', 'active'),
        ('jules', 'cond', ('Viral sinusitis', '2021-03-30'), None, "The viral sinusitis from 30 Mar 2021 is still active.", 'correct', 'active'),
        ('andyg', 'cond', ('Otitis media', '2020-11-04'), None, "Otitis media from November 2020 is ongoing.", 'wrong', 'active'),
        ('gale', 'med', 'Amoxicillin', None, "Amoxicillin is an active med.", 'wrong', 'active'),
        ('junita', 'cond', 'Sprain of ankle', None, "Ankle sprain (Oct 2020) resolved.", 'correct', 'resolved'),
        ('michael', 'cond', 'Acute viral pharyngitis', None, "Viral pharyngitis still active.", 'wrong', 'active'),
        ('tyrell', 'smoke', None, None, "Has never smoked.", 'correct', 'Never smoker'),
        ('evelyn', 'med', 'Metformin', None, "Metformin ER 500 mg remains on the active medication list.", 'correct', 'active'),
        ('vito', 'med', 'insulin', None, "Humulin 70/30 order is listed as active.", 'correct', 'active'),
        ('beatrice', 'med', 'Galantamine', None, "Galantamine order is still active on the med list.", 'wrong', 'active'),
        ('beatrice', 'med', 'Memantine', None, "Memantine oral solution is an active order.", 'correct', 'active'),
        ('annmarie', 'med', 'Penicillin', None, "Penicillin VK order active.", 'wrong', 'active'),
        ('mathilda', 'allergy', 'bee venom', None, "Bee venom allergy is active.", 'correct', 'active'),
        ('tyrell', 'med', 'Naproxen', None, "Naproxen remains active.", 'wrong', 'active'),
        ('emilia', 'cond', ('Acute bronchitis', '2021-02-12'), None, "Her February 2021 acute bronchitis has resolved.", 'correct', 'resolved'),
    ]
    for key, kind, q, d, text, label, claim in rows:
        p = P[key]
        if kind == 'med':
            rec = p.med(q, d)
            actual = rec.status
        elif kind == 'cond':
            rec = p.cond(*q) if isinstance(q, tuple) else p.cond(q)
            actual = rec.status
        elif kind == 'allergy':
            rec = [a for a in p.allergies if q in a.text][0]; actual = rec.status
        elif kind == 'smoke':
            rec = p.series('smoke')[-1]; actual = rec.vt
        chk = {'t': 'smoke' if kind == 'smoke' else 'status', 'rid': rec.id, 'claim': claim}
        if kind == 'smoke':
            chk['latest'] = True
        why = (f"{kind} {rec.id[:8]} '{rec.text if kind != 'smoke' else 'Tobacco smoking status'}' status/value = {actual}"
               + (f" (latest smoking observation, {rec.date})" if kind == 'smoke' else '') + '.')
        if label == 'wrong':
            why += f" Claim implies {claim}."
        if key == 'thanh' and label == 'correct':
            why += " Earlier simvastatin orders (2016-2019) are stopped; the 2020-12-05 order is active."
        if key == 'thanh' and label == 'wrong':
            why = "The simvastatin order authored 2020-12-05 has status active; it was not stopped."
        checks = [chk]
        mg = re.findall(r'(\d+(?:\.\d+)?) mg', text)
        if mg and kind == 'med':
            nm = {'Hydrochlorothiazide': 'hctz', 'Simvistatin': 'simvastatin', 'Naproxen': 'naproxen', 'Metformin': 'metformin',
                  'Clopidogrel': 'clopidogrel'}[q]
            checks.append({'t': 'drug', 'rid': rec.id, 'name': nm, 'strength': mg})
        if 'Dec 2020' in text or 'December 2020' in text:
            checks.append(dc(rec, 'Dec 2020' if 'Dec 2020' in text else 'December 2020'))
        add(cat, p, text, C(p, rec), label, why, checks)


# ======================= LATEST =======================
def gen_latest():
    cat = 'latest'
    rows = [
        ('alberto', 'bp', 'correct'), ('andyg', 'wt', 'wrong_old'), ('andys', 'a1c', 'correct'), ('annmarie', 'ldl', 'wrong_val'),
        ('beatrice', 'wt', 'correct'), ('bryan', 'egfr', None), ('bryan', 'cr', 'wrong_old'), ('dannie', 'hb', 'correct'),
        ('deedra', 'bmi', 'wrong_old'), ('elisha', 'tc', 'correct'), ('emilia', 'plt', 'wrong_val'), ('erin', 'wt', 'correct'),
        ('evelyn', 'egfr', 'correct'), ('evelyn', 'a1c', 'wrong_old'), ('gale', 'bmi', 'correct'), ('jules', 'bp', 'wrong_val'),
        ('junita', 'wt', 'correct'), ('malcom', 'hdl', 'wrong_old'), ('man', 'egfr', 'correct'), ('mathilda', 'bmi', 'wrong_val'),
        ('maurice', 'hb', 'correct'), ('michael', 'tg', 'wrong_old'), ('monika', 'wt', 'correct'), ('nohemi', 'ldl', 'wrong_old'),
        ('oswaldo', 'temp', 'correct'), ('thanh', 'ldl', 'wrong_val'), ('thanh', 'cr', 'correct'), ('tyrell', 'bp', 'wrong_old'),
        ('vito', 'psa', 'correct'), ('vito', 'egfr', 'wrong_val'), ('emilia', 'wbc', 'correct'), ('erin', 'bp', 'wrong_old'),
        ('malcom', 'temp', 'correct'), ('andys', 'glu', 'wrong_old'), ('bryan', 'a1c', 'correct'), ('beatrice', 'mmse', 'wrong_old'),
        ('man', 'bp', 'correct'), ('oswaldo', 'ldl', 'wrong_val'), ('michael', 'hb', 'correct'), ('andys', 'wt', 'wrong_old'),
    ]
    rows = [r for r in rows if r[2]]
    T = [
        lambda n, s, D: f"Most recent {n}: {s} ({D}).",
        lambda n, s, D: f"Latest {n} on file is {s}, from {D}.",
        lambda n, s, D: f"Last recorded {n} was {s} on {D}.",
        lambda n, s, D: f"{cap(n)} at the most recent check ({D}): {s}.",
        lambda n, s, D: f"As of the latest results ({D}), {n} is {s}.",
        lambda n, s, D: f"Q: What was the last {n}? A: {s}, measured {D}.",
        lambda n, s, D: f"Newest {n} reading — {s} on {D}.",
        lambda n, s, D: f"{cap(n)} most recently {s} ({D}).",
        lambda n, s, D: f"The last {n} we have is {s} ({D}).",
        lambda n, s, D: f"Current {n} (latest, {D}) {s}.",
    ]
    styles = ['iso', 'mdy', 'dmy', 'us', 'dmyl', 'ord', 'mdyl', 'us2', 'eu']
    for i, (key, an, mode) in enumerate(rows):
        p = P[key]
        s_all = p.series(an)
        last, uniq = p.latest(an)
        assert uniq, (key, an)
        if an == 'bp':
            nm = R.choice(['BP', 'blood pressure']); fmt = lambda o: f"{fv(o.sys, 0)}/{fv(o.dia, 0)} mmHg"
        else:
            a = AN[an]; nm = a['names'][i % len(a['names'])] if an not in ('wt',) else 'weight'
            u = a['units'][0]
            fmt = lambda o, a=a, u=u: f"{fv(o.v, a['prec'])}{'%' if u == '%' else (' ' + u if u else '')}"
        older = None
        for o in reversed(s_all[:-1]):
            if (an == 'bp' and (fv(o.sys, 0), fv(o.dia, 0)) != (fv(last.sys, 0), fv(last.dia, 0))) or \
               (an != 'bp' and fv(o.v, AN[an]['prec']) != fv(last.v, AN[an]['prec'])):
                older = o; break
        if mode == 'wrong_old' and older is None:
            older = s_all[-2]
        st = styles[i % len(styles)]
        if mode == 'correct':
            rec = last; shown = fmt(last); D = fd(last.date, st)
            why = f"{last.text} {last.id[:8]} on {last.date} is the latest of {len(s_all)} such observations; value {fmt(last)}."
            label = 'correct'
        elif mode == 'wrong_old':
            rec = older; shown = fmt(older); D = fd(older.date, st)
            why = f"Cited {older.text} from {older.date} is not the latest; most recent is {last.date} ({fmt(last)})."
            label = 'wrong'
        else:  # cite latest but state an older value
            rec = last; shown = fmt(older); D = fd(last.date, st)
            why = f"Latest {last.text} ({last.date}) was {fmt(last)}; {shown} is the earlier value from {older.date}."
            label = 'wrong'
        text = T[i % len(T)](nm, shown, D)
        if an == 'bp':
            checks = [{'t': 'bp', 's': shown.split(' ')[0], 'rid': rec.id}]
            cites = C(p, rec)
        else:
            checks = [vc(rec, shown.split(' ')[0].rstrip('%'))]
            cites = C(p, rec)
        checks += [dc(rec, D), {'t': 'latest', 'rid': rec.id}]
        add(cat, p, text, cites, label, why, checks)
    # last visit / last vaccine claims
    ev = [('alberto', 'correct'), ('jules', 'correct'), ('monika', 'wrong'), ('nohemi', 'correct'), ('mathilda', 'wrong'),
          ('oswaldo', 'wrong'), ('maurice', 'correct'), ('thanh', 'wrong')]
    TV = [lambda D: f"Last visit: {D}.", lambda D: f"The most recent encounter was on {D}.",
          lambda D: f"Most recently seen {D}.", lambda D: f"Her/his last appointment in the chart is dated {D}."]
    for j, (key, label) in enumerate(ev):
        p = P[key]; encs = sorted(p.encs, key=lambda e: e.date)
        last = encs[-1]
        if label == 'correct':
            rec = last; why = f"Encounter {last.id[:8]} ({last.type}) {last.date} is the latest encounter in the chart."
        else:
            rec = [e for e in encs if e.date < last.date][-1]
            why = f"Encounter {rec.id[:8]} ({rec.date}) is not the latest; a later encounter exists on {last.date} ({last.type})."
        D = fd(rec.date, ['dmyl', 'iso', 'mdy', 'us'][j % 4])
        t = TV[j % 4]
        text = t(D).replace('Her/his', 'Her' if p.gender == 'female' else 'His')
        add(cat, p, text, C(p, rec), label, why, [dc(rec, D), {'t': 'latest_enc', 'rid': rec.id}])
    fl = [('annmarie', 'correct'), ('dannie', 'wrong'), ('michael', 'correct'), ('malcom', 'wrong')]
    for key, label in fl:
        p = P[key]; l = sorted([i for i in p.imms if i.text.startswith('Influenza')], key=lambda x: x.date)
        rec = l[-1] if label == 'correct' else l[-2]
        D = fd(rec.date, 'mdyl')
        text = f"Most recent flu vaccine: {D}." if label == 'correct' else f"Last influenza shot was given {D}."
        why = (f"Latest influenza immunization is {rec.date}." if label == 'correct'
               else f"{rec.date} is not the latest flu shot; the latest is {l[-1].date}.")
        add(cat, p, text, C(p, rec), label, why, [dc(rec, D), {'t': 'latest_imm', 'rid': rec.id}])


if __name__ == '__main__':
    gen_two(); gen_neg(); gen_status(); gen_latest()
    for c, m in CLAIMS:
        print(c['category'], c['label'], '|', c['text'], '|', c['why'][:120])
    for cat in ['two-facts', 'negation', 'status', 'latest']:
        print(cat, cnt(cat))
