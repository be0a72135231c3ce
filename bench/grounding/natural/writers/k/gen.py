#!/usr/bin/env python3
"""Claim set K generator. Seeded; regenerates claims.jsonl and checks.jsonl deterministically.
usage: python3 gen.py [seed]"""
import json, sys, random, math, os, datetime, re
from gen_lib import *
from gen_names import *

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20261208
OUT = os.path.dirname(os.path.abspath(__file__))
N_PER = 27
CATS = ['dates', 'abbreviations', 'drug-names', 'units', 'rounding', 'trends', 'two-facts', 'negation', 'status',
        'latest', 'swapped', 'wrong-citation', 'interpretation']


class Skip(Exception):
    pass


def need(x):
    if not x:
        raise Skip()
    return x


# ---------------- citations / facts ----------------
def cobs(o, whole=False):
    return {'kind': 'record', 'record': 'observation', 'id': o['id'] if whole else o['cite']}


def crec(r):
    k = {'Condition': 'condition', 'MedicationRequest': 'medication', 'AllergyIntolerance': 'allergy', 'Encounter': 'encounter',
         'Procedure': 'procedure', 'Immunization': 'immunization', 'DiagnosticReport': 'diagnostic-report', 'Observation': 'observation'}[r['resourceType']]
    return {'kind': 'record', 'record': k, 'id': r['id']}


def cpat(P):
    return {'kind': 'record', 'record': 'patient', 'id': P.id}


def f_obs(o, val, ukey, prec, spec=None):
    return {'t': 'obs', 'code': o['code'], 'comp': o['comp'], 'val': float(val), 'unit': ukey, 'prec': prec, 'date': spec}


def vtxt(o, ukey=None, prec=None, key=None, margin=0.15):
    """stated value (string) of o in unit ukey at precision prec, or None when rounding is ambiguous"""
    src = REC_UNIT.get(o['unit'])
    ukey = ukey or src
    fs = conversions(o['code'], src, ukey)
    if not fs:
        return None
    return safe_round([f(o['value']) for f in fs], prec, margin)


def wtxt(o, ukey, prec, rng):
    src = REC_UNIT.get(o['unit'])
    fs = conversions(o['code'], src, ukey)
    v = fs[0](o['value'])
    return wrong_val(v, prec, rng)


def u(ukey, rng):
    return rng.choice(UNIT_TXT[ukey])


def an_name(key, rng, mode='any'):
    a = AN[key]
    if mode == 'abbr' or (mode == 'any' and rng.random() < .55):
        return rng.choice(a['abbr'])
    return rng.choice(a['full'])


def avail(P, keys=None, minn=1):
    out = []
    for k, a in AN.items():
        if keys and k not in keys:
            continue
        s = P.series(a['code'], a.get('comp'), a.get('tp'))
        if len(s) >= minn:
            out.append((k, s))
    return out


def d_ok(P, d):
    return True


PREFIX = ['Pre-visit summary: ', 'Chart review: ', 'Discharge letter: ', 'Referral letter: ', 'Per chart, ', 'Handover: ',
          'PMH: ', 'Note: ', 'Hx: ', 'Assessment: ', 'O: ', 'Based on the records provided, ', 'Looking at the chart, ',
          '• ', '- ', 'Summary: ', 'For the referral: ', 'From the notes: ', 'Clinic letter: ', 'Background: ', 'Answer: ',
          'SOAP, O: ', 'A/P: ', 'To summarise, ', 'On review of the records, ', 'Yes — ', 'In brief: ', 'From what I can see in the record, ',
          'Quick summary: ', 'Re: ', '* ', 'Per EHR, ', 'Records show: ']


COMMON = set('The Most Last Latest Labs Recorded Received Medication Has No Not Never Denies Prescribed Started Currently Active Ongoing Resolved Past Former From Between Trend Blood Systolic Known Smoking Tobacco At Episode Body Estimated Temperature Oral Height Weight Total Serum Platelet Platelets White Red Haemoglobin Hemoglobin Haematocrit Hematocrit Glycated Glycosylated Mean Urea Calcium Sodium Potassium Chloride Carbon Triglycerides Triglyceride Creatinine Glucose Plasma Underwent Seen Attended Allergies Onset Alkaline Alanine Aspartate Albumin Leukocyte Erythrocyte Stature Low-density High-density Prostate-specific Left Cholesterol Vitals Patient He She His Her Med Meds Remains Afebrile Diabetes Hypertension Obesity Prediabetes Stroke Anaemia Anemia Acute Viral Chronic Childhood Asthma Atopic Seasonal Metabolic Neuropathy Diabetic Epilepsy Seizure Hyperlipidaemia Hyperlipidemia Hypertriglyceridaemia Hypertriglyceridemia Osteoporosis Osteoarthritis Appendicitis Metastatic Carcinoma Neoplasm Miscarriage Streptococcal Otitis Coronary Congestive Myocardial Heart Impacted Sinusitis Primary Localised Non-proliferative Nonproliferative Fractured Concussion Whiplash Laceration A An Late Early Mid-2000 Check-up Routine Annual Wellness Sick Visit Influenza Inactivated Throat Spirometry Lung Colonoscopy Digital Prostate Bone Wound Wisdom Chest Knee Upper Clavicle Intramuscular Sputum Transthoracic Percutaneous Hepatitis Pneumococcal Seasonal Flu Shingles Zoster Rotavirus Varicella Chickenpox Meningococcal Tetanus-diphtheria Inactivated Booking Initial Emergency Hospital Inpatient Asthma Dx Rx'.split()) - {'Dx', 'Rx'}


PROPER = set()
for _g, _b, _s in MED.values():
    for _x in _b:
        PROPER.add(_x.split()[0])
PROPER |= set(MON) | set(MON3) | {'Sept'}
PROPER |= {'Alzheimer\'s', 'Alzheimer', 'Pt', 'Hx', 'Dx', 'Rx', 'MCL', 'WHO', 'KDIGO', 'ADA', 'ATP', 'ACC/AHA'}


def lower_ok(w):
    w = w.rstrip(':,;')
    return len(w) > 1 and w[0].isupper() and (w[1:].islower() or w[1:] == '') and w not in PROPER and w not in NAMES


NAMES = set()


def reg(text, rng, p=0.4):
    text = text.strip()
    w0 = text.split()[0]
    if not (len(w0) > 1 and w0[0].islower() and any(ch.isupper() for ch in w0[1:])):
        text = text[0].upper() + text[1:]
    text = re.sub(r'\b([Aa]) ([aeiouAEIOU]|ED\b|ER\b)', r'\1n \2', text)
    text = text.replace('The the ', 'The ').replace(' the the ', ' the ').replace('(the the ', '(the ')
    if rng.random() < p:
        pre = rng.choice(PREFIX)
        if (pre.endswith(', ') or pre == 'Yes — ') and lower_ok(text.split()[0]):
            text = text[0].lower() + text[1:]
        text = pre + text
    if not text.endswith(('.', '?', '!')) and rng.random() < 0.7:
        text += '.'
    return text


def pname(P, rng):
    return rng.choice([P.first, 'Pt', 'The patient', P.he.capitalize(), 'Patient', P.first])


def claim(P, text, cites, label, cat, why, facts, rng, p_reg=0.4):
    return {'patient': P.id, 'text': reg(text, rng, p_reg), 'citations': cites, 'label': label, 'category': cat,
            'why': why, 'facts': facts}


def pick_obs(P, rng, keys=None, minn=1, adult=False):
    av = avail(P, keys, minn)
    if adult:
        av = [(k, [o for o in s if P.age_at(o['date']) >= 20]) for k, s in av]
        av = [(k, s) for k, s in av if len(s) >= minn]
    need(av)
    k, s = rng.choice(av)
    return k, s


LAB_KEYS = ['A1C', 'GLU', 'BUN', 'CR', 'CA', 'NA', 'K', 'CL', 'CO2', 'TC', 'TG', 'LDL', 'HDL', 'EGFR', 'ACR', 'WBC', 'RBC',
            'HGB', 'HCT', 'MCV', 'PLT', 'PSA', 'ALT', 'AST', 'ALP', 'ALB', 'BILI', 'EF', 'BNP']
VIT_KEYS = ['HT', 'WT', 'BMI', 'SBP', 'DBP', 'TEMP']


def bp_pairs(P):
    out = []
    for o in P.series('55284-4', '8480-6'):
        d = [x for x in P.obs if x['id'] == o['id'] and x['comp'] == '8462-4']
        if d:
            out.append((o, d[0]))
    return out


def rec_date_fact(r):
    return rdate(r)


# generic "event" facts (condition onset, med start, vaccine, procedure, encounter)
def events(P):
    ev = []
    for r in P.conds:
        if r['code']['text'] in COND:
            ev.append(('cond', r))
    for r in P.meds:
        if r['medicationCodeableConcept']['text'] in MED:
            ev.append(('med', r))
    for r in P.imms:
        if r['vaccineCode']['text'] in IMM:
            ev.append(('imm', r))
    for r in P.procs:
        if r['code']['text'] in PROC:
            ev.append(('proc', r))
    for r in P.encs:
        if r['type'][0]['text'] in ENC:
            ev.append(('enc', r))
    # drop events whose (kind, name, date) is not unique (so a date claim identifies one record)
    return ev


def noart(x):
    for a in ('a ', 'an '):
        if x.startswith(a):
            return x[len(a):]
    return x


def ev_name(kind, r, rng):
    if kind == 'cond':
        n, a = COND[r['code']['text']]
        return noart(rng.choice(n + a))
    if kind == 'med':
        g, b, s = MED[r['medicationCodeableConcept']['text']]
        return rng.choice(g + b)
    if kind == 'imm':
        return rng.choice(IMM[r['vaccineCode']['text']])
    if kind == 'proc':
        return rng.choice(PROC[r['code']['text']])
    if kind == 'enc':
        return rng.choice(ENC[r['type'][0]['text']])


def ev_fact(kind, r, spec, name=None):
    if kind == 'cond':
        return {'t': 'cond', 'disp': r['code']['text'], 'onset': spec}
    if kind == 'med':
        return {'t': 'med', 'drug': name, 'date': spec}
    if kind == 'imm':
        return {'t': 'imm', 'disp': r['vaccineCode']['text'], 'date': spec}
    if kind == 'proc':
        return {'t': 'proc', 'disp': r['code']['text'], 'date': spec}
    if kind == 'enc':
        return {'t': 'enc', 'disp': r['type'][0]['text'], 'date': spec}


NUMW = {2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 8: 'eight', 9: 'nine', 10: 'ten'}


def rel_text(delta, rng):
    a = abs(delta)
    side = 'after' if delta > 0 else 'before'
    if a == 1:
        return 'the day ' + side
    if a < 21:
        n = NUMW.get(a, str(a)) if rng.random() < .4 else str(a)
        return '%s days %s' % (n, side)
    if a % 7 == 0 and a // 7 <= 16:
        w = a // 7
        n = NUMW.get(w, str(w)) if rng.random() < .5 else str(w)
        return '%s weeks %s' % (n, side)
    return None


def g_dates_rel(P, rng, label, kind, r, name):
    """date stated relative to another dated encounter (the anchor), both cited"""
    d = rdate(r)
    own = r.get('encounter', {}).get('reference', '')[9:]
    cands = []
    for e in P.encs:
        if e['id'] == own:
            continue
        delta = (datetime.date.fromisoformat(d) - datetime.date.fromisoformat(rdate(e))).days
        if delta != 0 and rel_text(delta, rng):
            cands.append((e, delta))
    e, delta = rng.choice(need(cands))
    claimed = delta
    if label == 'wrong':
        a = abs(delta)
        if a < 21:
            na = a + rng.choice([-2, -1, 1, 2, 3])
            if na < 1 or na == a:
                raise Skip()
        else:
            na = a + 7 * rng.choice([-1, 1])
        claimed = na if delta > 0 else -na
        if not rel_text(claimed, rng):
            raise Skip()
    rel = rel_text(claimed, rng)
    tt = e['type'][0]['text']
    ename = rng.choice(ENC[tt]) if tt in ENC else rng.choice(['visit', 'encounter', 'appointment'])
    edt, espec = fmt_date(rdate(e), rng, exact=True)
    ev = {'cond': rng.choice(['%s was diagnosed', 'diagnosis of %s was made', '%s was first recorded']),
          'med': rng.choice(['%s was prescribed', '%s was started', 'a prescription for %s was issued']),
          'imm': rng.choice(['%s was given', '%s was administered', 'received %s']),
          'proc': rng.choice(['%s was performed', 'underwent %s', '%s was done'])}[kind] % name
    txt = rng.choice(['%s %s the %s on %s' % (ev, rel, ename, edt),
                      '%s the %s %s, %s' % (rel[0].upper() + rel[1:], edt, ename, ev),
                      '%s (%s the %s of %s)' % (ev, rel, ename, edt)])
    facts = [{'t': 'enc', 'disp': tt if tt in ENC else None, 'date': espec}, ev_fact(kind, r, None, name),
             {'t': 'reldate', 'anchor': rdate(e), 'days': claimed, 'rt': kind}]
    why = '%s dated %s; anchor %s dated %s; true offset %+d days' % (kind, d, tt, rdate(e), delta)
    if label == 'wrong':
        why += '; claim implies %+d days' % claimed
    return claim(P, txt, [crec(r), crec(e)], label, 'dates', why, facts, rng)


def ev_sentence(kind, name, dt, rng, P):
    if kind == 'cond':
        return rng.choice(['%s diagnosed %s' % (name, dt), 'Dx of %s on %s' % (name, dt), '%s, onset %s' % (name, dt),
                           'onset of %s recorded %s' % (name, dt), '%s first documented %s' % (name, dt),
                           '%s was diagnosed with %s on %s' % (pname(P, rng), name, dt)])
    if kind == 'med':
        return rng.choice(['%s prescribed %s' % (name, dt), '%s started on %s' % (name, dt), 'Rx %s issued %s' % (name, dt),
                           '%s was commenced on %s on %s' % (pname(P, rng), name, dt), '%s ordered %s' % (name, dt)])
    if kind == 'imm':
        return rng.choice(['%s given %s' % (name, dt), 'received %s on %s' % (name, dt), '%s administered %s' % (name, dt)])
    if kind == 'proc':
        return rng.choice(['%s performed %s' % (name, dt), 'underwent %s on %s' % (name, dt), '%s done %s' % (name, dt)])
    if kind == 'enc':
        return rng.choice(['%s on %s' % (name, dt), 'seen for a %s on %s' % (name, dt), 'attended a %s %s' % (name, dt)])


def on_phrase(dt, spec):
    if 'on' in spec:
        return 'on ' + dt if not dt.startswith('the ') else 'on ' + dt
    return 'in ' + dt


# =============== categories ===============
def g_dates(P, rng, label):
    evs = events(P)
    use_obs = rng.random() < 0.3 or not evs
    if use_obs:
        k, s = pick_obs(P, rng, LAB_KEYS + VIT_KEYS)
        o = rng.choice(s)
        prec = AN[k]['prec']
        if k in ('SBP', 'DBP'):
            raise Skip()
        v = need(vtxt(o, prec=prec))
        d = o['date']
        if label == 'correct':
            dt, spec = fmt_date(d, rng)
            why = '%s %s %s on %s (effectiveDateTime)' % (k, v, o['unit'], d)
        else:
            kind = rng.choice(['day', 'month', 'year', 'dm', 'dm'])
            wd = need(shift_date(d, kind, rng))
            if any(x['date'] == wd for x in P.all_of(o['code'], o['comp'])):
                raise Skip()
            # make sure no other cited record has that date - only o is cited
            dt, spec = fmt_date(wd, rng, exact=True)
            why = 'record date is %s, claim says %s (%s error)' % (d, wd, kind)
        nm = an_name(k, rng)
        un = u(AN[k]['unit'], rng)
        txt = rng.choice(['%s %s%s %s' % (nm, v, un, on_phrase(dt, spec)),
                          '%s was %s%s %s' % (nm, v, un, on_phrase(dt, spec)),
                          '%s: %s%s (%s)' % (dt, nm, v, un) if False else '%s — %s %s%s' % (dt, nm, v, un),
                          '%s measured %s: %s%s' % (nm, on_phrase(dt, spec), v, un),
                          'Labs/vitals dated %s show %s %s%s' % (dt, nm, v, un)])
        return claim(P, txt, [cobs(o)], label, 'dates', why, [f_obs(o, v, AN[k]['unit'], prec, spec)], rng)
    kind, r = rng.choice(evs)
    d = rdate(r)
    # uniqueness: no other record of same name on a date that would match the wrong date - citation restricts anyway
    name = ev_name(kind, r, rng)
    if kind != 'enc' and rng.random() < 0.45:
        return g_dates_rel(P, rng, label, kind, r, name)
    if label == 'correct':
        dt, spec = fmt_date(d, rng)
        why = '%s %s dated %s' % (kind, name, d)
    else:
        sk = rng.choice(['day', 'month', 'year', 'dm', 'dm'])
        wd = need(shift_date(d, sk, rng))
        same = [x for k2, x in evs if k2 == kind and ev_fact(k2, x, None, name).get('disp', 0) == ev_fact(kind, r, None, name).get('disp', 1)]
        if kind == 'med':
            same = [x for k2, x in evs if k2 == 'med' and x['medicationCodeableConcept']['text'] == r['medicationCodeableConcept']['text']]
        if any(rdate(x) == wd for x in same):
            raise Skip()
        dt, spec = fmt_date(wd, rng, exact=True)
        why = 'record date %s, claim %s (%s error)' % (d, wd, sk)
    sent = ev_sentence(kind, name, dt, rng, P)
    if 'on' not in spec:
        sent = sent.replace(' on ' + dt, ' in ' + dt).replace('recorded ' + dt, 'recorded in ' + dt).replace('documented ' + dt, 'documented in ' + dt)
    return claim(P, sent, [crec(r)], label, 'dates', why, [ev_fact(kind, r, spec, name)], rng)


ABBR_SWAP = {'LDL': 'HDL', 'HDL': 'LDL', 'TC': 'TG', 'TG': 'TC', 'NA': 'CL', 'CL': 'NA', 'HGB': 'HCT', 'HCT': 'HGB',
             'BUN': 'CR', 'CR': 'BUN', 'WBC': 'PLT', 'GLU': 'TG', 'A1C': 'HCT', 'K': 'CA', 'CA': 'K', 'ALT': 'AST', 'AST': 'ALT',
             'SBP': 'DBP', 'DBP': 'SBP', 'HT': 'WT', 'WT': 'BMI', 'BMI': 'WT', 'RBC': 'WBC', 'MCV': 'HCT', 'PLT': 'WBC', 'EGFR': 'CR'}


def g_abbrev(P, rng, label):
    if rng.random() < 0.3:
        # condition abbreviations
        cs = [r for r in P.conds if COND.get(r['code']['text'], ([], []))[1]]
        r = rng.choice(need(cs))
        d = rdate(r)
        ab = rng.choice(COND[r['code']['text']][1])
        dt, spec = fmt_date(d, rng)
        if label == 'correct':
            facts = [{'t': 'cond', 'disp': r['code']['text'], 'onset': spec}]
            why = 'Condition %s onset %s; %s = %s' % (r['code']['text'], d, ab, r['code']['text'])
        else:
            w = need(COND_WRONG.get(r['code']['text']))
            if not w[2]:
                raise Skip()
            ab = rng.choice(w[2])
            facts = [{'t': 'cond', 'disp': w[0], 'onset': spec}]
            why = 'cited condition is %s, not %s (%s)' % (r['code']['text'], w[0], ab)
        active = r['clinicalStatus']['coding'][0]['code'] == 'active'
        txt = rng.choice(['%s dx %s' % (ab, dt), 'PMH: %s (%s)' % (ab, dt), ('%s since %s' % (ab, dt) if 'on' not in spec else 'Known %s, dx %s' % (ab, dt)) if active else 'Hx %s (%s)' % (ab, dt),
                          'Hx %s, onset %s' % (ab, dt), '%s — diagnosed %s' % (ab, dt)])
        return claim(P, txt, [crec(r)], label, 'abbreviations', why, facts, rng, p_reg=0.2)
    k, s = pick_obs(P, rng, LAB_KEYS + ['BMI', 'HT', 'WT', 'TEMP'])
    o = rng.choice(s)
    prec = AN[k]['prec']
    if k == 'CR' and rng.random() < .5:
        prec = 0.1
    v = need(vtxt(o, prec=prec))
    ab = rng.choice(AN[k]['abbr'])
    dt, spec = fmt_date(o['date'], rng)
    code_k = k
    if label == 'wrong':
        if rng.random() < 0.5 and ABBR_SWAP.get(k) and AN[ABBR_SWAP[k]]['unit'] == AN[k]['unit']:
            code_k = ABBR_SWAP[k]
            ab = rng.choice(AN[code_k]['abbr'])
            why = 'cited observation is %s (%s), not %s' % (o['text'], v, code_k)
        else:
            v = wtxt(o, AN[k]['unit'], prec, rng)
            why = 'record value %.4g, claim %s' % (o['value'], v)
    else:
        why = '%s (%s) = %.4g %s on %s' % (ab, o['text'], o['value'], o['unit'], o['date'])
    un = u(AN[k]['unit'], rng) if rng.random() < .7 else ''
    if AN[k]['unit'] in ('10*3/uL', '10*6/uL', 'fL', 'U/L'):
        un = u(AN[k]['unit'], rng)
    txt = rng.choice(['%s %s%s (%s)' % (ab, v, un, dt), '%s %s%s %s' % (ab, v, un, on_phrase(dt, spec)),
                      '%s: %s %s%s' % (dt, ab, v, un), '%s was %s%s %s' % (ab, v, un, on_phrase(dt, spec)),
                      'Labs %s: %s %s%s' % (dt, ab, v, un), '%s %s%s, drawn %s' % (ab, v, un, dt)])
    fo = {'t': 'obs', 'code': AN[code_k]['code'], 'comp': AN[code_k].get('comp'), 'val': float(v), 'unit': AN[k]['unit'],
          'prec': prec, 'date': spec}
    return claim(P, txt, [cobs(o)], label, 'abbreviations', why, [fo], rng, p_reg=0.3)


def g_drug(P, rng, label):
    ms = [r for r in P.meds if r['medicationCodeableConcept']['text'] in MED]
    r = rng.choice(need(ms))
    mt = r['medicationCodeableConcept']['text']
    gen, brands, strengths = MED[mt]
    d = rdate(r)
    use_brand = brands and rng.random() < 0.55
    name = rng.choice(brands if use_brand else gen)
    st = rng.choice(strengths) if strengths and rng.random() < 0.8 else None
    dt, spec = fmt_date(d, rng) if rng.random() < 0.6 else (None, None)
    why = 'MedicationRequest %s authored %s' % (mt, d)
    if label == 'wrong':
        mode = rng.choice(['strength', 'drug', 'drug']) if st else 'drug'
        if mode == 'strength':
            nums = st[1]
            if len(nums) != 1:
                raise Skip()
            n = nums[0]
            alt = {325: 500, 160: 80, 25: 12.5, 10: 40, 20: 40, 220: 550, 500: 250, 250: 500, 100: 200, 200: 400, 5: 10, 75: 300,
                   0.4: 0.3, 40: 20, 4: 8, 30: 60, 0.3: 0.15, 150: 104, 2: 10, 0.09: 0.045, 0.044: 0.11}.get(n)
            need(alt)
            salt = ('%g' % alt)
            stext = st[0].replace('%g' % n if n >= 1 else str(n), salt, 1)
            if st[0].startswith('90 mcg'):
                stext = '45 mcg/actuation'
            if st[0].startswith('44 mcg'):
                stext = '110 mcg/actuation'
            if st[0].startswith('400 mcg'):
                stext = '300 mcg/spray'
            st = (stext, [alt])
            why += '; strength in record is %s, claim %s' % (mt, stext)
        else:
            key = need(med_key(mt))
            name = rng.choice(need(MED_WRONG.get(key)))
            st = None if rng.random() < 0.6 else st
            why += '; claim names %s, a different ingredient' % name
    parts = [name]
    if st:
        parts.append(st[0])
    dn = ' '.join(parts)
    freq = ''
    if dt:
        txt = rng.choice(['%s started %s' % (dn, dt), 'Rx: %s (%s)' % (dn, dt), '%s prescribed %s %s' % (pname(P, rng), dn, on_phrase(dt, spec)),
                          'Medication history: %s, ordered %s' % (dn, dt), '%s — prescribed %s' % (dn, dt), '%s was given a prescription for %s %s' % (pname(P, rng), dn, on_phrase(dt, spec))])
    fact = {'t': 'med', 'drug': name, 'strength': st[1] if st else None, 'date': spec}
    if not dt:
        if r['status'] == 'active' and rng.random() < 0.6:
            txt = rng.choice(['Medication list includes %s' % dn, 'Rx on file: %s' % dn, 'Meds: %s' % dn, 'Current meds include %s' % dn])
            fact['status'] = 'active'
            why += ' (status active)'
        else:
            txt = rng.choice(['%s has been prescribed %s' % (pname(P, rng), dn), 'Prescribed %s' % dn, 'Medication history includes %s' % dn,
                              'Has had a prescription for %s' % dn])
    return claim(P, txt, [crec(r)], label, 'drug-names', why, [fact], rng, p_reg=0.3)


UNIT_CONV = {  # analyte key -> list of (unit key, precision) alternatives for correct claims
    'TEMP': [('degF', 0.1), ('degC', 0.1), ('degF', 1)], 'WT': [('lb', 1), ('lb', 0.1), ('kg', 1), ('kg', 0.1)], 'HT': [('in', 1), ('in', 0.1), ('cm', 1)],
    'GLU': [('mmol/L', 0.1), ('mg/dL', 1)], 'TC': [('mmol/L', 0.1), ('mmol/L', 0.01)], 'LDL': [('mmol/L', 0.1), ('mmol/L', 0.01)],
    'HDL': [('mmol/L', 0.1), ('mmol/L', 0.01)], 'TG': [('mmol/L', 0.1), ('mmol/L', 0.01)], 'CR': [('umol/L', 1), ('mg/dL', 0.01)],
    'HGB': [('g/L', 1), ('g/dL', 0.1)], 'A1C': [('mmol/mol', 1), ('%', 0.1)], 'CA': [('mmol/L', 0.01), ('mg/dL', 0.1)],
    'WBC': [('10*9/L', 0.1), ('10*3/uL', 0.1)], 'PLT': [('10*9/L', 1), ('10*3/uL', 1)], 'RBC': [('10*12/L', 0.01), ('10*6/uL', 0.01)],
    'NA': [('mEq/L', 1), ('mmol/L', 1)], 'K': [('mEq/L', 0.1), ('mmol/L', 0.1)], 'CL': [('mEq/L', 1)], 'CO2': [('mEq/L', 1)],
    'BUN': [('mmol/L', 0.1)], 'EGFR': [('mL/min/1.73m2', 1)], 'SBP': [('mmHg', 1)], 'DBP': [('mmHg', 1)], 'BMI': [('kg/m2', 0.1), ('kg/m2', 1)],
    'ACR': [('mg/mmol', 0.1), ('mg/g', 0.1)], 'PSA': [('ug/L', 0.1), ('ng/mL', 0.1)], 'BILI': [('umol/L', 1)], 'ALB': [('g/L', 1)],
}
UNIT_WRONG = {  # analyte -> wrong unit keys (number kept as the record's number, or wrong conversion)
    'TEMP': ['degF'], 'WT': ['lb'], 'HT': ['in'], 'GLU': ['mmol/L'], 'TC': ['mmol/L'], 'LDL': ['mmol/L'], 'HDL': ['mmol/L'],
    'TG': ['mmol/L'], 'CR': ['umol/L'], 'HGB': ['g/L'], 'A1C': ['mmol/mol'], 'EGFR': ['mL/s'], 'CA': ['mmol/L'], 'BUN': ['mmol/L'],
    'ACR': ['mg/mmol'], 'BILI': ['umol/L'], 'ALB': ['g/L'],
}


def g_units(P, rng, label):
    keys = list(UNIT_CONV) if label == 'correct' else list(UNIT_WRONG)
    k, s = pick_obs(P, rng, keys)
    o = rng.choice(s)
    src = AN[k]['unit']
    dt, spec = fmt_date(o['date'], rng)
    nm = an_name(k, rng)
    if label == 'correct':
        ukey, prec = rng.choice(UNIT_CONV[k])
        if ukey == 'mmol/mol' and o['value'] < 4.5:
            raise Skip()  # IFCC conversion of implausibly low A1c values would read oddly
        v = need(vtxt(o, ukey, prec))
        un = u(ukey, rng)
        why = 'record %.5g %s on %s = %s %s' % (o['value'], o['unit'], o['date'], v, ukey)
        extra = ''
        if ukey != src and rng.random() < 0.4:
            v0 = need(vtxt(o, src, AN[k]['prec']))
            extra = (v0, u(src, rng))
    else:
        ukey = rng.choice(UNIT_WRONG[k])
        prec = AN[k]['prec']
        v = need(vtxt(o, src, prec))  # the record's number, but labelled with the other unit
        un = u(ukey, rng)
        why = 'record is %.5g %s; %s %s is a unit error (no conversion applied)' % (o['value'], o['unit'], v, ukey)
        extra = ''
        if k == 'TEMP' and rng.random() < .5:
            # wrong conversion instead
            cv = o['value'] * 9 / 5 + 32
            w = wrong_val(cv, 0.1, rng, minrel=0.015)
            v, un = w, u('degF', rng)
            why = 'record %.3g C = %.1f F; claim %s F' % (o['value'], cv, w)
            prec = 0.1
    fs = [f_obs(o, v, ukey, prec, spec)]
    if extra:
        vv = '%s%s' % (v, un)
        txt = rng.choice(['%s %s%s (%s%s) %s' % (nm, extra[0], extra[1], v, un, on_phrase(dt, spec)),
                          '%s %s: %s%s, i.e. %s%s' % (nm, dt, extra[0], extra[1], v, un)])
        fs.append(f_obs(o, extra[0], src, AN[k]['prec'], spec))
    else:
        txt = rng.choice(['%s %s%s %s' % (nm, v, un, on_phrase(dt, spec)), '%s: %s %s%s' % (dt, nm, v, un),
                          '%s was %s%s (%s)' % (nm, v, un, dt), 'Recorded %s of %s%s %s' % (nm, v, un, on_phrase(dt, spec)),
                          '%s %s%s, measured %s' % (nm, v, un, dt)])
    return claim(P, txt, [cobs(o)], label, 'units', why, fs, rng)


APPROX = ['about', '~', 'approximately', 'approx.', 'roughly', 'around', 'c.', 'just under', 'just over']


def implied_precs(st):
    """precisions a reader could take a written number to have: decimals -> that; integers -> 1, 10, ... per trailing zero"""
    if '.' in st:
        return [10 ** -len(st.split('.')[1])]
    out = [1]
    t = st.lstrip('-')
    z = len(t) - len(t.rstrip('0'))
    for q in range(1, z + 1):
        if 10 ** q <= float(t):
            out.append(10 ** q)
    return out


def rounds_to(v, st, p):
    return abs(v - float(st)) <= p / 2 + 1e-9


def g_rounding(P, rng, label):
    k, s = pick_obs(P, rng, ['A1C', 'GLU', 'TC', 'TG', 'LDL', 'HDL', 'EGFR', 'WT', 'HT', 'BMI', 'SBP', 'DBP', 'HGB', 'PLT', 'CR', 'ACR', 'BUN', 'TEMP', 'NA', 'K', 'MCV'])
    o = rng.choice(s)
    v = o['value']
    dt, spec = fmt_date(o['date'], rng)
    nm = an_name(k, rng)
    un = u(AN[k]['unit'], rng)
    if rng.random() < 0.35 and v >= 15:
        # "just under / just over" a round number
        step = 10 if v >= 80 else 5 if v >= 30 else 1
        lo = math.floor(v / step) * step
        hi = lo + step
        if label == 'correct':
            if (hi - v) / hi <= 0.025 and hi - v > 0.05 * step:
                side, X = 'under', hi
            elif (v - lo) / lo <= 0.025 and v - lo > 0.05 * step:
                side, X = 'over', lo
            else:
                raise Skip()
            why = 'record %.5g %s on %s is just %s %g (within 2.5%% of it)' % (v, o['unit'], o['date'], side, X)
        else:
            if (hi - v) / v >= 0.02 and v - lo > 0:
                side, X = 'over', hi  # v is below hi
            elif (v - lo) / v >= 0.02:
                side, X = 'under', lo  # v is above lo
            else:
                raise Skip()
            why = 'record %.5g %s on %s is not just %s %g (it is on the other side)' % (v, o['unit'], o['date'], side, X)
        Xs = '%g' % X
        ph = 'just %s %s%s' % (side, Xs, un)
        txt = rng.choice(['%s %s %s' % (nm, ph, on_phrase(dt, spec)), '%s: %s %s' % (dt, nm, ph), '%s was %s (%s)' % (nm, ph, dt),
                          '%s came in at %s on %s' % (nm, ph, dt) if 'on' in spec else '%s came in at %s in %s' % (nm, ph, dt)])
        f = {'t': 'obs_bound', 'code': o['code'], 'comp': o['comp'], 'bound': float(X), 'side': side, 'unit': AN[k]['unit'], 'date': spec}
        return claim(P, txt, [cobs(o)], label, 'rounding', why, [f], rng)
    base = AN[k]['prec']
    if k in ('A1C', 'TEMP', 'K', 'HGB', 'CR'):
        cand = [0.1]
    elif base < 1 and v < 40:
        cand = [0.1, 1]
    else:
        cand = [1]
    prec = rng.choice(cand)
    word = rng.choice(['about', '~', 'approximately', 'approx.', 'roughly', 'around', 'c.'])
    if label == 'correct':
        st = need(safe_round([v], prec, 0.2))
        if not all(rounds_to(v, st, p) for p in implied_precs(st)):
            raise Skip()
        why = 'record %.5g %s on %s; rounds to %s at the written precision' % (v, o['unit'], o['date'], st)
    else:
        r0 = round(v / prec)
        opts = []
        for kk in range(1, 8):
            for sg in (-1, 1):
                cnd = (r0 + sg * kk) * prec
                if cnd > 0 and abs(cnd - v) >= max(1.5 * prec, 0.06 * abs(v)):
                    stc = '%.*f' % (dec_of(prec), cnd)
                    if not any(rounds_to(v, stc, p) for p in implied_precs(stc)):
                        opts.append((kk, stc))
        need(opts)
        kmin = min(o_[0] for o_ in opts)
        st = rng.choice([c_ for k_, c_ in opts if k_ == kmin])
        why = 'record %.5g %s on %s; %s is not a rounding of it at any precision its digits allow' % (v, o['unit'], o['date'], st)
    txt = rng.choice(['%s %s %s%s %s' % (nm, word, st, un, on_phrase(dt, spec)), '%s: %s %s %s%s' % (dt, nm, word, st, un),
                      '%s was %s %s%s (%s)' % (nm, word, st, un, dt), '%s of %s %s%s recorded %s' % (nm, word, st, un, dt),
                      '%s %s%s%s %s' % (nm, '≈' if word == '~' else word + ' ', st, un, on_phrase(dt, spec))]).replace('  ', ' ')
    f = f_obs(o, st, AN[k]['unit'], prec, spec)
    f['approx'] = True
    return claim(P, txt, [cobs(o)], label, 'rounding', why, [f], rng)


TREND_KEYS = ['A1C', 'GLU', 'TC', 'TG', 'LDL', 'HDL', 'EGFR', 'WT', 'BMI', 'SBP', 'DBP', 'CR', 'ACR', 'HGB', 'HT', 'PLT', 'BUN', 'PSA']
UPW = ['rose', 'increased', 'went up', 'climbed', 'trended up', 'crept up']
DNW = ['fell', 'decreased', 'went down', 'dropped', 'declined', 'trended down']
ST = ['was stable', 'remained stable', 'was essentially unchanged', 'held steady', 'stayed flat']
GOOD_UP = {'HDL', 'EGFR', 'HGB'}
BAD_UP = {'A1C', 'GLU', 'TC', 'TG', 'LDL', 'CR', 'ACR', 'SBP', 'DBP', 'PSA', 'BUN'}


def g_trends(P, rng, label):
    k, s = pick_obs(P, rng, TREND_KEYS, minn=2)
    a, b = sorted(rng.sample(s, 2), key=lambda o: o['date'])
    if a['date'][:4] == b['date'][:4] and rng.random() < 0.8:
        raise Skip()
    va, vb = a['value'], b['value']
    rel = (vb - va) / abs(va)
    if 0.02 < abs(rel) < 0.06:
        raise Skip()
    true_dir = 'up' if rel >= 0.06 else ('down' if rel <= -0.06 else 'stable')
    if label == 'wrong' and true_dir == 'stable' and abs(rel) > 0.01:
        raise Skip()
    prec = AN[k]['prec']
    ta = need(vtxt(a, prec=prec))
    tb = need(vtxt(b, prec=prec))
    if ta == tb and true_dir != 'stable':
        raise Skip()
    da, sa = fmt_date(a['date'], rng)
    db, sb = fmt_date(b['date'], rng)
    if in_spec(b['date'], sa) or in_spec(a['date'], sb):
        raise Skip()
    # the stated period must pick out exactly the cited obs: guaranteed since only a and b cited
    nm = an_name(k, rng)
    un = u(AN[k]['unit'], rng)
    pct = None
    if label == 'correct':
        d = true_dir
        why = '%s %.4g (%s) -> %.4g (%s), change %+.1f%%; rule: rose/fell if |change| >= 5%%, stable if <= 2.5%%' % (k, va, a['date'], vb, b['date'], rel * 100)
    else:
        if true_dir == 'stable':
            d = rng.choice(['up', 'down'])
        elif abs(rel) >= 0.12 and rng.random() < 0.35:
            d = 'stable'
        else:
            d = 'down' if true_dir == 'up' else 'up'
        why = '%s actually %s: %.4g (%s) -> %.4g (%s), %+.1f%%; claim says %s' % (k, true_dir, va, a['date'], vb, b['date'], rel * 100, d)
    show_vals = rng.random() < 0.55 and label == 'correct' or (label == 'wrong' and d == 'stable' and rng.random() < .5)
    use_pct = d != 'stable' and rng.random() < 0.5 and abs(rel) >= 0.06 and not show_vals
    facts = []
    if use_pct:
        p = abs(rel) * 100
        if abs(p - round(p)) > 0.35:
            raise Skip()
        pct = int(round(p))
        if label == 'wrong' and rng.random() < 0.4 and d == true_dir:
            pass
    verb = rng.choice(UPW if d == 'up' else DNW if d == 'down' else ST)
    if d in ('up', 'down') and k in GOOD_UP | BAD_UP and rng.random() < 0.3:
        improved = (d == 'up') == (k in GOOD_UP)
        verb = 'improved' if improved else rng.choice(['worsened', 'deteriorated'])
    if show_vals:
        facts += [f_obs(a, ta, AN[k]['unit'], prec, sa), f_obs(b, tb, AN[k]['unit'], prec, sb)]
        if d == 'stable':
            txt = rng.choice(['%s %s: %s%s (%s) and %s%s (%s)' % (nm, verb, ta, un, da, tb, un, db),
                              '%s %s between %s and %s (%s → %s%s)' % (nm, verb, da, db, ta, tb, un)])
        else:
            txt = rng.choice(['%s %s from %s%s (%s) to %s%s (%s)' % (nm, verb, ta, un, da, tb, un, db),
                              '%s %s, %s → %s%s between %s and %s' % (nm, verb, ta, tb, un, da, db),
                              'Between %s and %s the %s %s from %s to %s%s' % (da, db, nm, verb, ta, tb, un)])
    else:
        if use_pct:
            txt = rng.choice(['%s %s by about %d%% between %s and %s' % (nm, verb, pct, da, db),
                              '%s %s ~%d%% from %s to %s' % (nm, verb, pct, da, db),
                              'From %s to %s, %s %s by roughly %d%%' % (da, db, nm, verb, pct)])
        else:
            txt = rng.choice(['%s %s between %s and %s' % (nm, verb, da, db), 'From %s to %s, %s %s' % (da, db, nm, verb),
                              '%s %s from %s to %s' % (nm, verb, da, db), 'Trend: %s %s (%s vs %s)' % (nm, verb, da, db)])
    tf = {'t': 'trend', 'code': a['code'], 'comp': a['comp'], 'from': sa, 'to': sb, 'dir': d, 'pct': pct}
    if verb in ('improved', 'worsened', 'deteriorated'):
        tf['good_up'] = k in GOOD_UP
    facts.append(tf)
    return claim(P, txt, [cobs(a), cobs(b)], label, 'trends', why, facts, rng)


def g_two(P, rng, label):
    # two independent facts; when wrong, exactly one is false
    builders = [g_dates, g_abbrev, g_drug, g_units]
    bad = rng.randint(0, 1) if label == 'wrong' else -1
    parts = []
    for i in range(2):
        g = rng.choice(builders)
        c = g(P, rng, 'wrong' if i == bad else 'correct')
        parts.append(c)
    if parts[0]['citations'] == parts[1]['citations']:
        raise Skip()
    t0 = parts[0]['text'].rstrip('.')
    t1 = parts[1]['text'].rstrip('.')
    for pre in PREFIX:
        if t0.startswith(pre):
            t0 = t0[len(pre):]
        if t1.startswith(pre):
            t1 = t1[len(pre):]
    t1 = t1[0].lower() + t1[1:] if lower_ok(t1.split()[0]) else t1
    if ':' in ' '.join(t1.split()[:3]):
        txt = rng.choice(['%s; %s' % (t0, t1), '%s. %s' % (t0, t1[0].upper() + t1[1:])])
    else:
        txt = rng.choice(['%s; %s' % (t0, t1), '%s, and %s' % (t0, t1), '%s — also %s' % (t0, t1), '%s; in addition, %s' % (t0, t1)])
    why = ' | '.join(p['why'] for p in parts)
    if label == 'wrong':
        why = 'fact %d false: %s' % (bad + 1, parts[bad]['why'])
    return claim(P, txt, parts[0]['citations'] + parts[1]['citations'], label, 'two-facts', why, parts[0]['facts'] + parts[1]['facts'], rng, p_reg=0.25)


# absence concepts: name -> phrases. Presence computed by validator's own rules; here a simple generator-side check
NEG = {  # concept: (phrases, diagnosis keywords, supporting-drug keywords)
    'asthma': (['asthma'], ['asthma'], ['albuterol', 'fluticasone']),
    'diabetes': (['diabetes', 'DM', 'diabetes mellitus'], ['diabet'], ['metformin', 'insulin']),
    'hypertension': (['hypertension', 'HTN'], ['hypertension', 'hypertensive'], ['hydrochlorothiazide', 'amlodipine', 'metoprolol', 'lasix']),
    'ckd': (['chronic kidney disease', 'CKD'], ['kidney', 'renal'], []),
    'mi': (['myocardial infarction', 'MI', 'heart attack'], ['myocardial', 'infarction'], ['nitroglycerin', 'clopidogrel']),
    'stroke': (['stroke', 'CVA'], ['stroke', 'cerebro'], ['alteplase']),
    'heart failure': (['heart failure', 'CHF'], ['heart failure'], ['lasix', 'furosemide']),
    'copd': (['COPD', 'chronic obstructive pulmonary disease'], ['obstructive', 'copd', 'emphysema'], []),
    'cancer': (['cancer', 'malignancy'], ['neoplasm', 'carcinoma', 'malignant', 'metasta', 'tumor', 'cancer'], ['docetaxel', 'oxaliplatin', 'leuprolide', 'leucovorin']),
    'epilepsy': (['epilepsy', 'seizures'], ['seizure', 'epilep'], []),
    'osteoporosis': (['osteoporosis'], ['osteopor'], ['alendron']),
    'anemia': (['anaemia', 'anemia'], ['anemia', 'anaemia'], ['vitamin b 12']),
    'drug allergy': (['known drug allergies', 'NKDA'], ['@ALLERGY'], []),
    'statin': (['statin', 'a statin'], ['statin', 'simvistatin'], []),
    'anticoagulant': (['anticoagulant', 'anticoagulation'], ['warfarin', 'heparin', 'apixaban', 'rivaroxaban', 'dabigatran', 'enoxaparin'], []),
    'opioid': (['opioid', 'opiates'], ['oxycodone', 'hydrocodone', 'morphine', 'codeine', 'tramadol', 'fentanyl'], []),
    'insulin': (['insulin'], ['insulin'], []),
    'obesity': (['obesity'], ['obesity'], []),
    'hyperlipidemia': (['hyperlipidaemia', 'hyperlipidemia', 'dyslipidaemia'], ['hyperlipid', 'triglycerid'], ['statin', 'simvistatin']),
    'alzheimer': (["Alzheimer's disease", 'dementia'], ['alzheimer', 'dementia'], ['galantamine', 'memantine']),
}


def chart_text(P):
    bits = []
    for r in P.conds:
        bits.append(r['code']['text'])
    for r in P.meds:
        bits.append(r['medicationCodeableConcept']['text'])
    for r in P.encs:
        bits += [c['coding'][0]['display'] for c in r.get('reasonCode', [])]
        bits.append(r['type'][0]['text'])
    for r in P.procs:
        bits.append(r['code']['text'])
        bits += [c['coding'][0]['display'] for c in r.get('reasonCode', [])]
    for r in P.res:
        if r['resourceType'] == 'CarePlan':
            bits.append(json.dumps(r.get('category', [])) + json.dumps(r.get('activity', [])))
    return ' '.join(bits).lower()


def neg_present(P, concept):
    kws = NEG[concept][1]
    t = chart_text(P).replace('prediabetes', 'pre-dm')
    if concept == 'hyperlipidemia':
        kws = ['hyperlipid']
    pres = any(k in t for k in kws if not k.startswith('@'))
    if '@ALLERGY' in kws:
        pres = bool(P.alls)
    return pres


def neg_drug_only(P, concept):
    t = chart_text(P)
    return any(k in t for k in NEG[concept][2])


def neg_borderline(P, concept):
    """numbers that would make 'no X' debatable even without a coded diagnosis"""
    t = chart_text(P)
    if concept == 'diabetes' and 'prediabetes' in t:
        return True
    if concept == 'hyperlipidemia' and 'triglycerid' in t:
        return True
    if concept == 'diabetes':
        return any(o['value'] >= 6.3 for o in P.series('4548-4'))
    if concept == 'hypertension':
        return any(o['value'] >= 135 for o in P.series('55284-4', '8480-6')) or any(o['value'] >= 85 for o in P.series('55284-4', '8462-4'))
    if concept == 'anemia':
        return any(o['value'] < 12.5 for o in P.series('718-7'))
    if concept == 'ckd':
        return any(o['value'] < 65 for o in P.series('33914-3', None, 'Estimated'))
    if concept == 'hyperlipidemia':
        return any(o['value'] >= 200 for o in P.series('2093-3')) or any(o['value'] >= 130 for o in P.series('18262-6')) or any(o['value'] >= 150 for o in P.series('2571-8'))
    if concept == 'obesity':
        return any(o['value'] >= 28 for o in P.series('39156-5'))
    if concept == 'drug allergy':
        return bool(P.alls)
    if concept == 'anticoagulant':
        return 'clopidogrel' in chart_text(P) or 'alteplase' in chart_text(P)
    return False


def g_neg(P, rng, label):
    concept = rng.choice(list(NEG))
    pres = neg_present(P, concept)
    if label == 'correct' and (pres or neg_borderline(P, concept) or neg_drug_only(P, concept)):
        raise Skip()
    if label == 'wrong' and (not pres or neg_borderline(P, concept) and concept in ('hyperlipidemia',)):
        raise Skip()
    scope = 'ever'
    if concept in ('statin', 'anticoagulant', 'opioid', 'insulin'):
        act = [r for r in P.meds if r['status'] == 'active' and any(k in r['medicationCodeableConcept']['text'].lower() for k in NEG[concept][1])]
        if label == 'correct' or act:
            scope = rng.choice(['ever', 'current'])
    if concept == 'drug allergy':
        if label == 'wrong':
            raise Skip()  # Mathilda's allergies are not drug allergies -> ambiguous
        txt = rng.choice(['NKDA', 'No known drug allergies', 'No allergies recorded', 'Allergies: none documented', 'No known allergies on file', 'NKA'])
        why = 'no AllergyIntolerance resources in the bundle'
    else:
        nm = rng.choice(NEG[concept][0])
        if concept in ('statin', 'anticoagulant', 'opioid', 'insulin'):
            if scope == 'current':
                txt = rng.choice(['Not on %s' % (nm if nm != 'statin' else 'a statin'), 'Not currently taking %s' % ('any ' + nm if nm != 'statin' else 'a statin'),
                                  'No %s on the current medication list' % nm, 'Current meds do not include %s' % ('any ' + nm if nm != 'statin' else 'a statin')])
            else:
                txt = rng.choice(['No %s ever prescribed' % nm, 'Has never been prescribed %s' % (nm if nm != 'statin' else 'a statin'),
                                  'Medication history: no %s' % nm, 'No %s in the medication history' % nm])
        else:
            deny = concept in ('asthma', 'diabetes', 'hypertension', 'mi', 'stroke', 'cancer', 'epilepsy', 'copd', 'heart failure', 'osteoporosis')
            txt = rng.choice(['No history of %s' % nm, 'No hx of %s' % nm, ('Denies %s; none on the problem list' % nm) if deny else 'No %s on record' % nm,
                              '%s has no record of %s' % (pname(P, rng), nm), 'No %s documented' % nm, 'PMH negative for %s' % nm,
                              '%s is not on the problem list' % nm.capitalize() if nm[0].islower() else '%s not on the problem list' % nm,
                              'Never diagnosed with %s' % nm])
        why = ('no record anywhere in the chart matching %s' % concept) if label == 'correct' else '%s IS recorded in the chart' % concept
        if label == 'wrong':
            # name the record
            t = [r['code']['text'] for r in P.conds if any(k in r['code']['text'].lower() for k in NEG[concept][1])]
            t += [r['medicationCodeableConcept']['text'] for r in P.meds if any(k in r['medicationCodeableConcept']['text'].lower() for k in NEG[concept][1])]
            t += [c['coding'][0]['display'] for e in P.encs for c in e.get('reasonCode', []) if any(k in c['coding'][0]['display'].lower() for k in NEG[concept][1])]
            why += ': ' + '; '.join(t[:3])
    return claim(P, txt, [cpat(P)], label, 'negation', why, [{'t': 'absent', 'concept': concept, 'scope': scope}], rng, p_reg=0.35)


def g_status(P, rng, label):
    mode = rng.choice(['med', 'med', 'cond', 'cond', 'smoke'])
    living = P.dead is None
    if mode == 'med':
        ms = [r for r in P.meds if r['medicationCodeableConcept']['text'] in MED]
        r = rng.choice(need(ms))
        g, b, s = MED[r['medicationCodeableConcept']['text']]
        name = rng.choice(g + b)
        st = r['status']
        claim_st = st if label == 'correct' else ('stopped' if st == 'active' else 'active')
        dt, spec = fmt_date(rdate(r), rng)
        if claim_st == 'active':
            txt = rng.choice(['%s remains on %s (started %s)' % (pname(P, rng), name, dt) if living else '%s listed as an active medication (from %s)' % (name, dt),
                              'Active med: %s, since %s' % (name, dt), '%s — active prescription, started %s' % (name, dt),
                              'Currently taking %s, commenced %s' % (name, dt) if living else '%s still active on the medication list (started %s)' % (name, dt)])
        else:
            txt = rng.choice(['%s (started %s) has been discontinued' % (name, dt), '%s from %s — stopped' % (name, dt),
                              'No longer on %s (prescribed %s)' % (name, dt), 'Former med: %s, %s; discontinued' % (name, dt),
                              'The %s course from %s is complete/stopped' % (name, dt)])
        why = 'MedicationRequest status=%s, authoredOn %s' % (st, rdate(r))
        if label == 'wrong':
            why += '; claim says %s' % claim_st
        facts = [{'t': 'med', 'drug': name, 'date': spec, 'status': claim_st}]
        return claim(P, txt, [crec(r)], label, 'status', why, facts, rng)
    if mode == 'cond':
        cs = [r for r in P.conds if r['code']['text'] in COND]
        r = rng.choice(need(cs))
        n, a = COND[r['code']['text']]
        name = noart(rng.choice(n + a))
        st = r['clinicalStatus']['coding'][0]['code']
        claim_st = st if label == 'correct' else ('resolved' if st == 'active' else 'active')
        dt, spec = fmt_date(rdate(r), rng)
        facts = [{'t': 'cond', 'disp': r['code']['text'], 'onset': spec, 'status': claim_st}]
        if claim_st == 'active':
            txt = rng.choice(['%s (since %s) — active' % (name, dt) if 'on' not in spec else '%s (onset %s) — active' % (name, dt),
                              'Active problem: %s, onset %s' % (name, dt), '%s from %s remains active on the problem list' % (name, dt),
                              'Ongoing %s, first recorded %s' % (name, dt)])
        else:
            ab = r.get('abatementDateTime', '')[:10]
            if ab and rng.random() < .5 and label == 'correct':
                adt, aspec = fmt_date(ab, rng)
                txt = rng.choice(['%s (onset %s) resolved %s' % (name, dt, adt), 'Episode of %s %s, resolved by %s' % (name, dt, adt)])
                facts[0]['abated'] = aspec
            else:
                txt = rng.choice(['%s in %s, now resolved' % (name, dt) if 'on' not in spec else '%s on %s, since resolved' % (name, dt),
                                  'Resolved: %s (%s)' % (name, dt), 'Past %s (%s) — resolved' % (name, dt), 'Hx of %s %s; resolved' % (name, dt)])
        why = 'Condition clinicalStatus=%s, onset %s' % (st, rdate(r))
        if label == 'wrong':
            why += '; claim says %s' % claim_st
        return claim(P, txt, [crec(r)], label, 'status', why, facts, rng)
    sm = [o for o in P.obs if o['code'] == '72166-2']
    o = rng.choice(need(sm))
    st = o['cc']
    true = 'never' if st.startswith('Never') else 'former'
    claim_st = true if label == 'correct' else rng.choice([x for x in ['never', 'former', 'current'] if x != true])
    dt, spec = fmt_date(o['date'], rng)
    word = {'never': ['never smoker', 'lifelong non-smoker', 'never-smoker'], 'former': ['former smoker', 'ex-smoker', 'previous smoker'],
            'current': ['current smoker', 'active smoker']}[claim_st]
    w = rng.choice(word)
    txt = rng.choice(['Smoking status %s: %s' % (dt, w), '%s, per the %s social history' % (w.capitalize(), dt) if 'on' in spec else '%s as of %s' % (w.capitalize(), dt),
                      'Tobacco: %s (recorded %s)' % (w, dt), '%s is a %s (documented %s)' % (pname(P, rng), w, dt)])
    why = 'smoking status obs %s: %s' % (o['date'], st) + ('' if label == 'correct' else '; claim says %s' % claim_st)
    return claim(P, txt, [cobs(o)], label, 'status', why, [{'t': 'smoke', 'status': claim_st, 'date': spec}], rng)


def g_latest(P, rng, label):
    mode = rng.choice(['obs', 'obs', 'obs', 'enc', 'smoke', 'imm'])
    if mode == 'obs':
        k, s = pick_obs(P, rng, LAB_KEYS + VIT_KEYS, minn=2)
        allo = [o for o in P.all_of(AN[k]['code'], AN[k].get('comp')) if 'value' in o]
        if AN[k].get('tp'):
            if any(not o['text'].startswith('Estimated') for o in allo):
                raise Skip()
        mx = max(o['date'] for o in allo)
        if sum(1 for o in allo if o['date'] == mx) != 1:
            raise Skip()
        latest = [o for o in allo if o['date'] == mx][0]
        prec = AN[k]['prec']
        if label == 'correct':
            o = latest
        else:
            older = [x for x in s if x['date'] < mx]
            o = rng.choice(need(older))
            if vtxt(o, prec=prec) == vtxt(latest, prec=prec):
                raise Skip()
        v = need(vtxt(o, prec=prec))
        nm = an_name(k, rng)
        un = u(AN[k]['unit'], rng)
        dt, spec = fmt_date(o['date'], rng) if rng.random() < 0.7 else (None, None)
        if dt:
            txt = rng.choice(['Most recent %s %s%s (%s)' % (nm, v, un, dt), 'Latest %s: %s%s, %s' % (nm, v, un, dt),
                              'Last %s was %s%s %s' % (nm, v, un, on_phrase(dt, spec)), '%s most recently %s%s (%s)' % (nm, v, un, dt),
                              'The latest recorded %s is %s%s, from %s' % (nm, v, un, dt)])
        else:
            txt = rng.choice(['Most recent %s: %s%s' % (nm, v, un), 'Latest %s %s%s' % (nm, v, un), 'Last recorded %s was %s%s' % (nm, v, un),
                              '%s on the most recent check: %s%s' % (nm, v, un)])
        why = 'latest %s in chart is %s (%.4g); cited %s (%.4g)' % (k, mx, latest['value'], o['date'], o['value'])
        facts = [f_obs(o, v, AN[k]['unit'], prec, spec), {'t': 'latest', 'kind': 'obs', 'code': o['code'], 'comp': o['comp']}]
        return claim(P, txt, [cobs(o)], label, 'latest', why, facts, rng)
    if mode == 'enc':
        if any(e['type'][0]['text'] == 'Death Certification' for e in P.encs):
            raise Skip()
        es = sorted(P.encs, key=lambda e: rdate(e))
        mx = rdate(es[-1])
        if sum(1 for e in es if rdate(e) == mx) != 1:
            raise Skip()
        if label == 'correct':
            e = es[-1]
        else:
            e = rng.choice(need([x for x in es[:-1] if rdate(x) < mx][-6:]))
        tt = e['type'][0]['text']
        dt, spec = fmt_date(rdate(e), rng, exact=rng.random() < .6)
        if tt in ENC:
            nm = rng.choice(ENC[tt])
            txt = rng.choice(['Last visit: %s, %s' % (nm, dt), 'Most recent encounter was a %s %s' % (nm, on_phrase(dt, spec)),
                              '%s was last seen %s (%s)' % (pname(P, rng), on_phrase(dt, spec), nm), 'Latest encounter: %s, %s' % (nm, dt)])
        else:
            txt = rng.choice(['Last visit %s' % dt, 'Most recent encounter %s' % dt, '%s was last seen %s' % (pname(P, rng), on_phrase(dt, spec)),
                              'Latest encounter in the chart: %s' % dt])
        facts = [{'t': 'enc', 'disp': tt if tt in ENC else None, 'date': spec}, {'t': 'latest', 'kind': 'enc'}]
        why = 'latest encounter %s (%s); cited %s' % (mx, es[-1]['type'][0]['text'], rdate(e))
        return claim(P, txt, [crec(e)], label, 'latest', why, facts, rng)
    if mode == 'imm':
        fl = sorted([r for r in P.imms if r['vaccineCode']['text'].startswith('Influenza')], key=rdate)
        need(len(fl) >= 2)
        mx = rdate(fl[-1])
        if label == 'correct':
            r = fl[-1]
        else:
            r = rng.choice(fl[:-1])
        dt, spec = fmt_date(rdate(r), rng)
        nm = rng.choice(IMM[r['vaccineCode']['text']])
        txt = rng.choice(['Last %s: %s' % (nm, dt), 'Most recent %s given %s' % (nm, dt), 'Latest %s was %s' % (nm, on_phrase(dt, spec))])
        facts = [{'t': 'imm', 'disp': r['vaccineCode']['text'], 'date': spec}, {'t': 'latest', 'kind': 'imm', 'disp': r['vaccineCode']['text']}]
        why = 'latest influenza immunization %s; cited %s' % (mx, rdate(r))
        return claim(P, txt, [crec(r)], label, 'latest', why, facts, rng)
    sm = sorted([o for o in P.obs if o['code'] == '72166-2'], key=lambda o: o['date'])
    need(len(sm) >= 2)
    if label == 'correct':
        o = sm[-1]
    else:
        o = rng.choice(sm[:-1])
    st = 'never' if o['cc'].startswith('Never') else 'former'
    dt, spec = fmt_date(o['date'], rng, exact=True)
    txt = rng.choice(['Most recent smoking status (%s): %s smoker' % (dt, st), 'Latest social history, %s: %s smoker' % (dt, st),
                      'At the last assessment on %s, %s smoker' % (dt, st)])
    facts = [{'t': 'smoke', 'status': st, 'date': spec}, {'t': 'latest', 'kind': 'obs', 'code': '72166-2', 'comp': None}]
    why = 'latest smoking status obs %s; cited %s' % (sm[-1]['date'], o['date'])
    return claim(P, txt, [cobs(o)], label, 'latest', why, facts, rng)


SWAP_PAIRS = [('LDL', 'HDL'), ('TC', 'TG'), ('NA', 'CL'), ('HGB', 'HCT'), ('TC', 'LDL'), ('HDL', 'TG'), ('BUN', 'GLU'), ('WBC', 'RBC'),
              ('ALT', 'AST'), ('WT', 'HT'), ('MCV', 'PLT')]


def g_swapped(P, rng, label):
    mode = rng.choice(['bp', 'bp', 'pair', 'pair', 'years'])
    if mode == 'bp':
        o, d = rng.choice(need(bp_pairs(P)))
        sv, dv = need(vtxt(o, prec=1)), need(vtxt(d, prec=1))
        if sv == dv:
            raise Skip()
        dt, spec = fmt_date(o['date'], rng)
        a, b = (sv, dv) if label == 'correct' else (dv, sv)
        un = u('mmHg', rng)
        txt = rng.choice(['BP %s/%s%s %s' % (a, b, un, on_phrase(dt, spec)), 'Blood pressure %s/%s (%s)' % (a, b, dt),
                          '%s: BP %s/%s%s' % (dt, a, b, un), 'Vitals %s — BP %s/%s' % (dt, a, b),
                          'SBP %s, DBP %s%s, %s' % (a, b, un, dt), 'Systolic %s and diastolic %s%s on %s' % (a, b, un, dt) if 'on' in spec else 'Systolic %s and diastolic %s%s in %s' % (a, b, un, dt)])
        facts = [f_obs(o, a, 'mmHg', 1, spec), f_obs(d, b, 'mmHg', 1, spec)]
        why = 'BP panel %s: systolic %.1f, diastolic %.1f' % (o['date'], o['value'], d['value']) + ('' if label == 'correct' else '; claim swaps them')
        cit = [cobs(o, whole=True)] if rng.random() < .6 else [cobs(o), cobs(d)]
        return claim(P, txt, cit, label, 'swapped', why, facts, rng)
    if mode == 'pair':
        k1, k2 = rng.choice(SWAP_PAIRS)
        s1 = P.series(AN[k1]['code'], AN[k1].get('comp'))
        s2 = P.series(AN[k2]['code'], AN[k2].get('comp'))
        m = {o['date']: o for o in s2}
        pairs = [(o, m[o['date']]) for o in s1 if o['date'] in m]
        o1, o2 = rng.choice(need(pairs))
        p1, p2 = AN[k1]['prec'], AN[k2]['prec']
        if k1 in ('WT', 'HT') or k2 in ('WT', 'HT'):
            p1 = p2 = 1
        v1, v2 = need(vtxt(o1, prec=p1)), need(vtxt(o2, prec=p2))
        if abs(float(v1) - float(v2)) < 0.1 * max(float(v1), float(v2)):
            raise Skip()
        if label == 'wrong':
            v1, v2 = v2, v1
            p1, p2 = p2, p1
        dt, spec = fmt_date(o1['date'], rng)
        n1, n2 = an_name(k1, rng), an_name(k2, rng)
        u1 = u(AN[k1]['unit'], rng) if AN[k1]['unit'] != AN[k2]['unit'] or rng.random() < .5 else ''
        u2 = u(AN[k2]['unit'], rng)
        txt = rng.choice(['%s %s%s, %s %s%s (%s)' % (n1, v1, u1, n2, v2, u2, dt), '%s: %s %s%s and %s %s%s' % (dt, n1, v1, u1, n2, v2, u2),
                          '%s %s%s with %s %s%s %s' % (n1, v1, u1, n2, v2, u2, on_phrase(dt, spec)),
                          'Labs %s showed %s %s%s / %s %s%s' % (dt, n1, v1, u1, n2, v2, u2)]).replace('  ', ' ')
        facts = [f_obs(o1, v1, AN[k1]['unit'], p1, spec), f_obs(o2, v2, AN[k2]['unit'], p2, spec)]
        if AN[k1]['unit'] != AN[k2]['unit'] and label == 'wrong':
            pass
        why = '%s %.4g, %s %.4g on %s' % (k1, o1['value'], k2, o2['value'], o1['date']) + ('' if label == 'correct' else '; the two values are swapped')
        return claim(P, txt, [cobs(o1), cobs(o2)], label, 'swapped', why, facts, rng)
    k, s = pick_obs(P, rng, ['A1C', 'WT', 'BMI', 'LDL', 'TC', 'EGFR', 'GLU', 'SBP', 'HDL', 'TG', 'CR'], minn=2)
    a, b = sorted(rng.sample(s, 2), key=lambda o: o['date'])
    if a['date'][:4] == b['date'][:4]:
        raise Skip()
    prec = AN[k]['prec']
    va, vb = need(vtxt(a, prec=prec)), need(vtxt(b, prec=prec))
    if va == vb or abs(a['value'] - b['value']) < 3 * prec:
        raise Skip()
    ya, yb = a['date'][:4], b['date'][:4]
    # years only (year spec)
    if label == 'wrong':
        ya, yb = yb, ya
    nm = an_name(k, rng)
    un = u(AN[k]['unit'], rng)
    txt = rng.choice(['%s %s%s in %s, %s%s in %s' % (nm, va, un, ya, vb, un, yb), '%s was %s in %s and %s in %s' % (nm, va, ya, vb, yb),
                      '%s: %s (%s) vs %s (%s)' % (nm, va, ya, vb, yb), '%s — %s: %s%s; %s: %s%s' % (nm, ya, va, un, yb, vb, un)])
    facts = [f_obs(a, va, AN[k]['unit'], prec, {'year': ya}), f_obs(b, vb, AN[k]['unit'], prec, {'year': yb})]
    why = '%s %.4g in %s, %.4g in %s' % (k, a['value'], a['date'][:4], b['value'], b['date'][:4]) + ('' if label == 'correct' else '; years swapped')
    return claim(P, txt, [cobs(a), cobs(b)], label, 'swapped', why, facts, rng)


def g_wrongcite(P, rng, label):
    # same shapes: a true fact; correct cites the right record, wrong cites a record that does not contain it
    mode = rng.choice(['obs', 'obs', 'obs', 'cond', 'med', 'kind'])
    if mode in ('obs', 'kind'):
        k, s = pick_obs(P, rng, LAB_KEYS + VIT_KEYS, minn=2 if mode == 'obs' else 1)
        o = rng.choice(s)
        prec = AN[k]['prec']
        v = need(vtxt(o, prec=prec))
        dt, spec = fmt_date(o['date'], rng)
        nm = an_name(k, rng)
        un = u(AN[k]['unit'], rng)
        txt = rng.choice(['%s %s%s %s' % (nm, v, un, on_phrase(dt, spec)), '%s: %s %s%s' % (dt, nm, v, un),
                          '%s measured at %s%s (%s)' % (nm, v, un, dt), '%s was %s%s, %s' % (nm, v, un, dt)])
        facts = [f_obs(o, v, AN[k]['unit'], prec, spec)]
        if label == 'correct':
            cit = [cobs(o)]
            why = '%s %.4g %s on %s in the cited observation' % (k, o['value'], o['unit'], o['date'])
        elif mode == 'obs':
            if rng.random() < 0.5:
                oth = [x for x in s if x['date'] != o['date'] and vtxt(x, prec=prec) != v and not in_spec(x['date'], spec)]
                x = rng.choice(need(oth))
                why = 'true value is in obs of %s; cited obs is the %s reading from %s (%.4g)' % (o['date'], k, x['date'], x['value'])
            else:
                oth = [x for x in P.obs if x['date'] == o['date'] and x['code'] != o['code'] and 'value' in x]
                x = rng.choice(need(oth))
                why = 'cited obs is %s (%s), not %s' % (x['text'], x['date'], k)
            cit = [cobs(x)]
        else:
            # record of the wrong kind: the encounter of that visit, or a condition
            enc = o['r'].get('encounter', {}).get('reference', '')[9:]
            if enc and enc in P.byid and rng.random() < .6:
                cit = [crec(P.byid[enc])]
                why = 'cites the Encounter of that visit, which holds no %s value' % k
            else:
                rr = [r for r in P.reps if all(x['reference'][9:] != o['id'] for x in r.get('result', []))]
                r = rng.choice(need(rr))
                cit = [crec(r)]
                why = 'cites a DiagnosticReport (%s, %s) that does not contain this observation' % (r['code']['text'], rdate(r))
        return claim(P, txt, cit, label, 'wrong-citation', why, facts, rng)
    if mode == 'cond':
        cs = [r for r in P.conds if r['code']['text'] in COND]
        r = rng.choice(need(cs))
        name = rng.choice(COND[r['code']['text']][0] + COND[r['code']['text']][1])
        dt, spec = fmt_date(rdate(r), rng)
        txt = rng.choice(['%s diagnosed %s' % (name, dt), 'History of %s (onset %s)' % (noart(name), dt), 'Problem list includes %s, dated %s' % (name, dt)])
        facts = [{'t': 'cond', 'disp': r['code']['text'], 'onset': spec}]
        if label == 'correct':
            cit = [crec(r)]
            why = 'Condition %s onset %s' % (r['code']['text'], rdate(r))
        else:
            oth = [x for x in P.conds if x['code']['text'] != r['code']['text']]
            if oth and rng.random() < .6:
                x = rng.choice(oth)
                cit = [crec(x)]
                why = 'cited condition is %s, not %s' % (x['code']['text'], r['code']['text'])
            else:
                ms = P.meds + P.procs
                x = rng.choice(need(ms))
                cit = [crec(x)]
                why = 'cites a %s record instead of the Condition' % x['resourceType']
        return claim(P, txt, cit, label, 'wrong-citation', why, facts, rng)
    ms = [r for r in P.meds if r['medicationCodeableConcept']['text'] in MED]
    r = rng.choice(need(ms))
    g, b, st = MED[r['medicationCodeableConcept']['text']]
    name = rng.choice(g + b)
    dt, spec = fmt_date(rdate(r), rng)
    txt = rng.choice(['%s prescribed %s' % (name, dt), 'Started %s %s' % (name, on_phrase(dt, spec)), 'Rx %s — %s' % (name, dt)])
    facts = [{'t': 'med', 'drug': name, 'date': spec}]
    if label == 'correct':
        cit = [crec(r)]
        why = 'MedicationRequest %s authored %s' % (r['medicationCodeableConcept']['text'], rdate(r))
    else:
        key = med_key(r['medicationCodeableConcept']['text'])
        oth = [x for x in P.meds if med_key(x['medicationCodeableConcept']['text']) != key]
        if oth and rng.random() < .6:
            x = rng.choice(oth)
            why = 'cited MedicationRequest is %s' % x['medicationCodeableConcept']['text']
        else:
            x = rng.choice(need(P.conds))
            why = 'cites a Condition (%s) instead of the MedicationRequest' % x['code']['text']
        cit = [crec(x)]
    return claim(P, txt, cit, label, 'wrong-citation', why, facts, rng)


def bp_cat(s, d):
    if s >= 140 or d >= 90:
        return 'stage2'
    if s >= 130 or d >= 80:
        return 'stage1'
    if s >= 120:
        return 'elevated'
    return 'normal'


def near(v, cuts, m):
    return any(abs(v - c) < m for c in cuts)


def g_interp(P, rng, label):
    mode = rng.choice(['bp', 'bmi', 'a1c', 'egfr', 'lipid', 'hb', 'temp', 'bp', 'bmi', 'lipid'])
    if mode == 'bp':
        o, d = rng.choice(need(bp_pairs(P)))
        if P.age_at(o['date']) < 18:
            raise Skip()
        s, di = o['value'], d['value']
        if near(s, [120, 130, 140], 2) or near(di, [80, 90], 2):
            raise Skip()
        c = bp_cat(s, di)
        if label == 'correct':
            cl = c
        else:
            cl = {'normal': rng.choice(['stage2', 'stage1']), 'elevated': 'stage2', 'stage1': 'normal', 'stage2': 'normal'}[c]
        if cl == 'stage1' and c != 'stage1' and label == 'wrong':
            pass
        words = {'normal': ['normal', 'within the normal range (ACC/AHA 2017)', 'normotensive'],
                 'elevated': ['elevated (ACC/AHA 2017 category)', 'in the "elevated" ACC/AHA category'],
                 'stage1': ['stage 1 hypertension range per ACC/AHA 2017', 'in the ACC/AHA stage 1 hypertensive range'],
                 'stage2': ['stage 2 hypertension range (ACC/AHA 2017)', 'hypertensive (stage 2 range)', 'in the stage 2 hypertensive range']}[cl]
        sv, dv = need(vtxt(o, prec=1)), need(vtxt(d, prec=1))
        dt, spec = fmt_date(o['date'], rng)
        w = rng.choice(words)
        show = rng.random() < .6
        txt = rng.choice(['BP %s/%s on %s was %s' % (sv, dv, dt, w) if show else 'BP %s was %s' % (on_phrase(dt, spec), w),
                          'Blood pressure %s: %s' % (dt, w) if not show else 'Blood pressure %s/%s mmHg (%s), %s' % (sv, dv, dt, w)])
        facts = [{'t': 'interp', 'scheme': 'BP_ACCAHA2017', 'cat': cl, 'date': spec}]
        if show:
            facts += [f_obs(o, sv, 'mmHg', 1, spec), f_obs(d, dv, 'mmHg', 1, spec)]
        why = 'BP %.1f/%.1f on %s -> ACC/AHA 2017 %s' % (s, di, o['date'], c) + ('' if label == 'correct' else '; claim says %s' % cl)
        return claim(P, txt, [cobs(o, whole=True)], label, 'interpretation', why, facts, rng)
    spec_map = {
        'bmi': ('BMI', 'BMI_WHO', [18.5, 25, 30], 0.3),
        'a1c': ('A1C', 'A1C_ADA', [5.7, 6.5], 0.1),
        'egfr': ('EGFR', 'EGFR_KDIGO', [15, 30, 45, 60, 90], 2),
        'hb': ('HGB', 'HB_WHO', [12, 13], 0.3),
        'temp': ('TEMP', 'FEVER', [37.5, 38.0], 0.25),
    }
    if mode == 'lipid':
        k = rng.choice(['TC', 'LDL', 'HDL', 'TG'])
        scheme = 'ATP3_' + k
        cuts = {'TC': [200, 240], 'LDL': [100, 130, 160, 190], 'HDL': [40, 60], 'TG': [150, 200, 500]}[k]
        m = 3
    else:
        k, scheme, cuts, m = spec_map[mode]
    s = [o for o in P.series(AN[k]['code'], None, AN[k].get('tp'))]
    if mode == 'bmi':
        s = [o for o in s if P.age_at(o['date']) >= 20]
    if mode == 'hb':
        s = [o for o in s if P.age_at(o['date']) >= 15]
    if mode == 'lipid':
        s = [o for o in s if P.age_at(o['date']) >= 20]
    o = rng.choice(need(s))
    v = o['value']
    if near(v, cuts, m):
        raise Skip()

    def cat_of(v):
        if k == 'BMI':
            return 'underweight' if v < 18.5 else 'normal' if v < 25 else 'overweight' if v < 30 else 'obese'
        if k == 'A1C':
            return 'normal' if v < 5.7 else 'prediabetes' if v < 6.5 else 'diabetes'
        if k == 'EGFR':
            return 'G1' if v >= 90 else 'G2' if v >= 60 else 'G3a' if v >= 45 else 'G3b' if v >= 30 else 'G4' if v >= 15 else 'G5'
        if k == 'HGB':
            return 'low' if v < (13 if P.gender == 'male' else 12) else 'normal'
        if k == 'TEMP':
            return 'febrile' if v >= 38 else 'afebrile'
        if k == 'TC':
            return 'desirable' if v < 200 else 'borderline' if v < 240 else 'high'
        if k == 'LDL':
            return 'optimal' if v < 100 else 'near-optimal' if v < 130 else 'borderline' if v < 160 else 'high' if v < 190 else 'very-high'
        if k == 'HDL':
            return 'low' if v < 40 else 'mid' if v < 60 else 'high'
        if k == 'TG':
            return 'normal' if v < 150 else 'borderline' if v < 200 else 'high' if v < 500 else 'very-high'
    if k == 'HGB':
        cuts_ = [13 if P.gender == 'male' else 12]
        if near(v, cuts_, m):
            raise Skip()
    c = cat_of(v)
    cats = {'BMI': ['underweight', 'normal', 'overweight', 'obese'], 'A1C': ['normal', 'prediabetes', 'diabetes'],
            'EGFR': ['G1', 'G2', 'G3a', 'G3b', 'G4'], 'HGB': ['low', 'normal'], 'TEMP': ['febrile', 'afebrile'],
            'TC': ['desirable', 'borderline', 'high'], 'LDL': ['optimal', 'near-optimal', 'borderline', 'high', 'very-high'],
            'HDL': ['low', 'high'], 'TG': ['normal', 'borderline', 'high']}[k]
    if k == 'HDL' and c == 'mid':
        raise Skip()
    if label == 'correct':
        cl = c
    else:
        opts = [x for x in cats if x != c]
        # prefer non-adjacent mistakes for clarity
        if len(cats) > 2:
            far = [x for x in opts if abs(cats.index(x) - cats.index(c)) >= 2] if c in cats else opts
            opts = far or opts
        cl = rng.choice(opts)
    W = {
        ('BMI', 'underweight'): ['underweight (WHO)', 'in the underweight range'], ('BMI', 'normal'): ['in the healthy-weight range (WHO 18.5–24.9)', 'normal weight by WHO criteria'],
        ('BMI', 'overweight'): ['overweight (WHO 25–29.9)', 'in the overweight range'], ('BMI', 'obese'): ['obese (WHO BMI ≥30)', 'in the obese range'],
        ('A1C', 'normal'): ['normal (below the ADA prediabetes threshold of 5.7%)', 'non-diabetic, below 5.7%'], ('A1C', 'prediabetes'): ['in the prediabetic range (ADA 5.7–6.4%)', 'consistent with prediabetes per ADA'],
        ('A1C', 'diabetes'): ['in the diabetic range (ADA ≥6.5%)', 'diagnostic-range (≥6.5%)'],
        ('EGFR', 'G1'): ['KDIGO G1 (≥90)', 'normal or high, G1'], ('EGFR', 'G2'): ['mildly decreased (KDIGO G2)', 'G2 range (60–89)'],
        ('EGFR', 'G3a'): ['KDIGO G3a (45–59)', 'mildly to moderately decreased, G3a'], ('EGFR', 'G3b'): ['KDIGO G3b', 'moderately to severely decreased (G3b)'],
        ('EGFR', 'G4'): ['severely decreased (KDIGO G4)', 'G4 range'],
        ('HGB', 'low'): ['below the WHO anaemia threshold', 'low, anaemic range (WHO)'], ('HGB', 'normal'): ['above the WHO anaemia cut-off', 'not anaemic by WHO criteria'],
        ('TEMP', 'febrile'): ['febrile (≥38.0 °C)', 'a fever'], ('TEMP', 'afebrile'): ['afebrile', 'no fever (<38 °C)'],
        ('TC', 'desirable'): ['desirable (<200 mg/dL, ATP III)', 'in the desirable range'], ('TC', 'borderline'): ['borderline high (ATP III 200–239)'],
        ('TC', 'high'): ['high (≥240 mg/dL, ATP III)'], ('LDL', 'optimal'): ['optimal (<100 mg/dL)', 'at goal, optimal per ATP III'],
        ('LDL', 'near-optimal'): ['near optimal (100–129, ATP III)'], ('LDL', 'borderline'): ['borderline high (130–159 mg/dL)'],
        ('LDL', 'high'): ['high (160–189, ATP III)'], ('LDL', 'very-high'): ['very high (≥190 mg/dL)'],
        ('HDL', 'low'): ['low (<40 mg/dL)', 'low per ATP III'], ('HDL', 'high'): ['high, protective (≥60 mg/dL)', 'high (≥60)'],
        ('TG', 'normal'): ['normal (<150 mg/dL)', 'within normal limits per ATP III'], ('TG', 'borderline'): ['borderline high (150–199)'],
        ('TG', 'high'): ['high (200–499 mg/dL)', 'elevated, in the high range (ATP III)'],
    }
    w = rng.choice(W[(k, cl)])
    prec = AN[k]['prec']
    vt = need(vtxt(o, prec=prec))
    dt, spec = fmt_date(o['date'], rng)
    nm = an_name(k, rng)
    show = rng.random() < 0.65
    un = u(AN[k]['unit'], rng)
    if show:
        txt = rng.choice(['%s %s%s %s — %s' % (nm, vt, un, on_phrase(dt, spec), w), '%s was %s%s (%s), %s' % (nm, vt, un, dt, w),
                          '%s: %s %s%s, %s' % (dt, nm, vt, un, w)])
    else:
        txt = rng.choice(['%s %s was %s' % (nm, on_phrase(dt, spec), w), 'The %s %s %s' % (dt, nm, 'reading was ' + w if k != 'TEMP' else 'showed ' + w),
                          '%s (%s): %s' % (nm, dt, w)])
    if k == 'TEMP' and cl == 'febrile' and not show:
        txt = '%s was febrile on %s' % (pname(P, rng), dt) if 'on' in spec else txt
    if k == 'TEMP' and cl == 'afebrile' and not show:
        txt = rng.choice(['%s afebrile %s' % (pname(P, rng), on_phrase(dt, spec)), 'Afebrile at the %s visit' % dt])
    facts = [{'t': 'interp', 'scheme': scheme, 'cat': cl, 'date': spec}]
    if show:
        facts.append(f_obs(o, vt, AN[k]['unit'], prec, spec))
    why = '%s %.4g on %s -> %s by %s' % (k, v, o['date'], c, scheme) + ('' if label == 'correct' else '; claim says %s' % cl)
    return claim(P, txt, [cobs(o)], label, 'interpretation', why, facts, rng)


GENS = {'dates': g_dates, 'abbreviations': g_abbrev, 'drug-names': g_drug, 'units': g_units, 'rounding': g_rounding,
        'trends': g_trends, 'two-facts': g_two, 'negation': g_neg, 'status': g_status, 'latest': g_latest,
        'swapped': g_swapped, 'wrong-citation': g_wrongcite, 'interpretation': g_interp}


def main():
    rng = random.Random(SEED)
    pts = load_all()
    NAMES.update(p.first for p in pts)
    big = [p for p in pts if p.first in ('Vito', 'Evelyn')]
    out = []
    seen = set()
    for cat in CATS:
        for label in ['correct', 'wrong']:
            order = pts[:] + big
            rng.shuffle(order)
            got = 0
            i = 0
            tries = 0
            while got < N_PER:
                P = order[i % len(order)]
                i += 1
                ok = False
                for _ in range(25):
                    tries += 1
                    try:
                        c = GENS[cat](P, rng, label)
                    except Skip:
                        continue
                    if c['text'] in seen:
                        continue
                    seen.add(c['text'])
                    out.append(c)
                    got += 1
                    ok = True
                    break
                if tries > 20000:
                    raise SystemExit('cannot fill %s/%s' % (cat, label))
    rng.shuffle(out)
    with open(os.path.join(OUT, 'claims.jsonl'), 'w') as f, open(os.path.join(OUT, 'checks.jsonl'), 'w') as g:
        for n, c in enumerate(out):
            facts = c.pop('facts')
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
            g.write(json.dumps({'n': n, 'patient': c['patient'], 'text': c['text'], 'label': c['label'], 'category': c['category'],
                                'facts': facts}, ensure_ascii=False) + '\n')
    print('wrote', len(out))


if __name__ == '__main__':
    main()
