"""Category: dates."""
from common import *
import re

def bare(n):
    for a in ('a ', 'an '):
        if n.startswith(a): return n[len(a):]
    return n

def on(ds, gran):
    return ('on ' + ds) if gran == 'day' else ('in ' + ds)

def date_facts():
    """(pt, kind, record, name, date, extra) candidates across all patients."""
    out = []
    for key in PTS:
        pt = P(key); p = pt.p
        for c in p.conds:
            if c['name'] in COND: out.append((pt, 'cond', c, c['name'], c['onset']))
        for m in p.meds: out.append((pt, 'med', m, m['name'], m['date']))
        for i in p.imms:
            if i['name'] in VACC and (i['name'] != 'Influenza, seasonal, injectable, preservative free' or i['date'][5:7] in ('03','08')):
                out.append((pt, 'imm', i, i['name'], i['date']))
        for pr in p.procs:
            if pr['name'] in PROC and pr['name'] != 'Documentation of current medications':
                out.append((pt, 'proc', pr, pr['name'], pr['date']))
        for e in p.encs:
            if e['type'].startswith('Emergency') or e['type'] in ('Encounter Inpatient', 'Asthma follow-up', 'Prenatal initial visit'):
                out.append((pt, 'enc', e, e['type'], e['date']))
        for k in ('weight', 'tc', 'hgb'):
            for o in p.obs.get(k, []):
                if sum(1 for x in p.obs[k] if x['date'] == o['date']) == 1:
                    out.append((pt, 'obs_' + k, o, k, o['date']))
    return out

MEDNAME = {
 'Hydrochlorothiazide 25 MG': 'hydrochlorothiazide 25 mg', 'Acetaminophen 325 MG Oral Tablet': 'acetaminophen 325 mg',
 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet': 'amoxicillin-clavulanate 250/125 mg',
 'Acetaminophen 160 MG Oral Tablet': "children's acetaminophen 160 mg", 'Simvistatin 10 MG': 'simvastatin 10 mg',
 'Naproxen sodium 220 MG Oral Tablet': 'naproxen sodium 220 mg', 'Penicillin V Potassium 500 MG Oral Tablet': 'penicillin V 500 mg',
 'Penicillin V Potassium 250 MG Oral Tablet': 'penicillin VK 250 mg', 'Ibuprofen 100 MG Oral Tablet': 'ibuprofen 100 mg',
 'Amoxicillin 250 MG Oral Capsule': 'amoxicillin 250 mg capsules', 'Vitamin B 12 5 MG/ML Injectable Solution': 'vitamin B12 injections',
 'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet': 'oxycodone/acetaminophen 5/325',
 '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet': 'metformin ER 500 mg',
 'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]': 'Humulin 70/30 insulin',
 '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler': 'a fluticasone 44 mcg inhaler',
 '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler': 'an albuterol inhaler',
 'Cefuroxime 250 MG Oral Tablet': 'cefuroxime 250 mg', '1 ML DOCEtaxel 20 MG/ML Injection': 'docetaxel',
 '0.25 ML Leuprolide Acetate 30 MG/ML Prefilled Syringe': 'leuprolide', 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray': 'nitroglycerin spray',
 'Simvastatin 20 MG Oral Tablet': 'simvastatin 20 mg', 'Amlodipine 5 MG Oral Tablet': 'amlodipine 5 mg',
 'Clopidogrel 75 MG Oral Tablet': 'clopidogrel 75 mg', 'Galantamine 4 MG Oral Tablet': 'galantamine 4 mg',
 'Memantine hydrochloride 2 MG/ML Oral Solution': 'memantine oral solution',
 '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]': 'metoprolol succinate ER 100 mg',
 'Lasix 40mg': 'Lasix 40 mg', 'Alteplase 100 MG Injection': 'alteplase', 'Natazia 28 Day Pack': 'Natazia',
 'Amoxicillin 500 MG Oral Tablet': 'amoxicillin 500 mg', 'Leucovorin 100 MG Injection': 'leucovorin',
 '10 ML oxaliplatin 5 MG/ML Injection': 'oxaliplatin', 'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet': 'hydrocodone/APAP 7.5/325',
 'Fexofenadine hydrochloride 30 MG Oral Tablet': 'fexofenadine 30 mg', 'NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector': 'an epinephrine auto-injector',
 'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring': 'NuvaRing', '1 ML medroxyprogesterone acetate 150 MG/ML Injection': 'Depo-Provera',
 'Seasonique 91 Day Pack': 'Seasonique', 'Levora 0.15/30 28 Day Pack': 'Levora', 'diphenhydrAMINE Hydrochloride 25 MG Oral Tablet': 'diphenhydramine 25 mg',
 'Alendronic acid 10 MG Oral Tablet': 'alendronate 10 mg', 'Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]': 'Vicodin 5/300',
 'Ibuprofen 200 MG Oral Tablet': 'ibuprofen 200 mg',
 'Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution': 'an acetaminophen/dextromethorphan/doxylamine cold syrup',
}
MEDKEY = {  # term that must appear in the record display for the drug named above
 k: (v.split()[0].lower().replace("children's", 'acetaminophen').replace('an', '').strip() or v) for k, v in MEDNAME.items()}
MEDKEY.update({'Acetaminophen 160 MG Oral Tablet': 'acetaminophen', 'Vitamin B 12 5 MG/ML Injectable Solution': 'vitamin b12',
  'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet': 'oxycodone', '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet': 'metformin',
  'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]': 'humulin',
  '120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler': 'fluticasone', '200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler': 'albuterol',
  '1 ML DOCEtaxel 20 MG/ML Injection': 'docetaxel', 'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray': 'nitroglycerin', 'Memantine hydrochloride 2 MG/ML Oral Solution': 'memantine',
  '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]': 'metoprolol', 'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet': 'hydrocodone',
  'NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector': 'epinephrine', '1 ML medroxyprogesterone acetate 150 MG/ML Injection': 'medroxyprogesterone',
  'Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution': 'dextromethorphan',
  'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet': 'clavulanate', 'Penicillin V Potassium 500 MG Oral Tablet': 'penicillin v',
  'Penicillin V Potassium 250 MG Oral Tablet': 'penicillin v', 'Amoxicillin 250 MG Oral Capsule': 'amoxicillin', 'Simvistatin 10 MG': 'simvastatin',
  'Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]': 'vicodin', 'diphenhydrAMINE Hydrochloride 25 MG Oral Tablet': 'diphenhydramine',
  'Alendronic acid 10 MG Oral Tablet': 'alendron', 'Naproxen sodium 220 MG Oral Tablet': 'naproxen', 'Lasix 40mg': 'lasix',
  'NuvaRing 0.12/0.015 MG per 24HR 21 Day Vaginal Ring': 'nuvaring', 'Seasonique 91 Day Pack': 'seasonique', 'Levora 0.15/30 28 Day Pack': 'levora',
  'Natazia 28 Day Pack': 'natazia', 'Hydrochlorothiazide 25 MG': 'hydrochlorothiazide', 'Leucovorin 100 MG Injection': 'leucovorin',
  '10 ML oxaliplatin 5 MG/ML Injection': 'oxaliplatin', 'Alteplase 100 MG Injection': 'alteplase', 'Galantamine 4 MG Oral Tablet': 'galantamine',
  'Clopidogrel 75 MG Oral Tablet': 'clopidogrel', 'Amlodipine 5 MG Oral Tablet': 'amlodipine', 'Simvastatin 20 MG Oral Tablet': 'simvastatin',
  'Cefuroxime 250 MG Oral Tablet': 'cefuroxime', 'Fexofenadine hydrochloride 30 MG Oral Tablet': 'fexofenadine', 'Ibuprofen 100 MG Oral Tablet': 'ibuprofen',
  'Ibuprofen 200 MG Oral Tablet': 'ibuprofen', 'Amoxicillin 500 MG Oral Tablet': 'amoxicillin', 'Acetaminophen 325 MG Oral Tablet': 'acetaminophen',
  '0.25 ML Leuprolide Acetate 30 MG/ML Prefilled Syringe': 'leuprolide', 'Galantamine 4 MG Oral Tablet': 'galantamine'})

T_COND = [
 lambda pt, n, ds, g: f"{n[0].upper()+n[1:]} — onset {ds}.",
 lambda pt, n, ds, g: f"Problem list: {n} (dx {ds})",
 lambda pt, n, ds, g: f"{pt.He} was diagnosed with {n} {on(ds, g)}.",
 lambda pt, n, ds, g: f"Onset of {n}: {ds}.",
 lambda pt, n, ds, g: f"The chart lists {n}, first recorded {on(ds, g)}.",
 lambda pt, n, ds, g: f"Looks like the {bare(n)} was first documented {on(ds, g)}.",
 lambda pt, n, ds, g: f"PMH: {n}, diagnosed {ds}",
]
T_MED = [
 lambda pt, n, ds, g: f"{n[0].upper()+n[1:]} prescribed {on(ds, g)}.",
 lambda pt, n, ds, g: f"Started on {n} {on(ds, g)}.",
 lambda pt, n, ds, g: f"Rx: {n}, written {ds}",
 lambda pt, n, ds, g: f"{pt.He} was put on {n} {on(ds, g)}.",
 lambda pt, n, ds, g: f"Medication history shows {n} ordered {on(ds, g)}.",
]
T_IMM = [
 lambda pt, n, ds, g: f"{n[0].upper()+n[1:]} given {on(ds, g)}.",
 lambda pt, n, ds, g: f"Immunisation record: {n} administered {ds}.",
 lambda pt, n, ds, g: f"{pt.He} received {pt.his} {n} {on(ds, g)}.",
 lambda pt, n, ds, g: f"{n} — {ds}",
 lambda pt, n, ds, g: f"Vaccines: {n} documented {on(ds, g)}.",
]
T_PROC = [
 lambda pt, n, ds, g: f"{n[0].upper()+n[1:]} performed {on(ds, g)}.",
 lambda pt, n, ds, g: f"Underwent {n} {on(ds, g)}.",
 lambda pt, n, ds, g: f"Procedure: {n}, {ds}.",
 lambda pt, n, ds, g: f"{pt.He} had {n} done {on(ds, g)}.",
]
T_ENC = [
 lambda pt, n, ds, g: f"{pt.He} had an {n} {on(ds, g)}." if n[0] in 'aeiouAEIOU' else f"{pt.He} had a {n} {on(ds, g)}.",
 lambda pt, n, ds, g: f"Visit {ds}: {n}.",
 lambda pt, n, ds, g: f"Encounter history includes an {n} dated {ds}." if n[0] in 'aeiouAEIOU' else f"Encounter history includes a {n} dated {ds}.",
]
T_OBS = {
 'weight': [lambda pt, v, ds, g: f"Weight {v} kg recorded {on(ds, g)}.", lambda pt, v, ds, g: f"Wt on {ds}: {v} kg",
            lambda pt, v, ds, g: f"{pt.He} weighed {v} kg at the {ds} visit."],
 'tc': [lambda pt, v, ds, g: f"On {ds} total cholesterol was {v} mg/dL.", lambda pt, v, ds, g: f"Lipid panel {ds}: TC {v} mg/dL.",
        lambda pt, v, ds, g: f"Total cholesterol came back at {v} mg/dL {on(ds, g)}."],
 'hgb': [lambda pt, v, ds, g: f"Hemoglobin {v} g/dL on the CBC from {ds}.", lambda pt, v, ds, g: f"CBC {ds} — Hb {v} g/dL",
         lambda pt, v, ds, g: f"{pt.His} haemoglobin was {v} g/dL {on(ds, g)}."],
}

def gen():
    r = rng(101)
    cands = date_facts()
    cands = [c for c in cands if not (c[1] == 'cond' and c[3].startswith('History of'))]
    r.shuffle(cands)
    quota = {'cond': 14, 'med': 10, 'imm': 12, 'proc': 8, 'enc': 6, 'obs': 12}
    bykind = collections.defaultdict(list)
    for c in cands: bykind[c[1].split('_')[0]].append(c)
    per = collections.Counter(); used = collections.Counter(); chosen = []
    progress = True
    while progress:
        progress = False
        for kk in quota:
            if used[kk] >= quota[kk]: continue
            for c in bykind[kk]:
                k = c[0].key
                lim = 5 if k in ('vito_feeney', 'evelyn_mccullough') else 3
                if per[k] >= lim or c in chosen: continue
                if kk == 'obs' and any(x[0].key == k and x[1].startswith('obs') for x in chosen): continue
                chosen.append(c); per[k] += 1; used[kk] += 1; progress = True
                break
    styles = Cycler(DAY_STYLES + ['month', 'month_full', 'year', 'range', 'month_num'], 7)
    modes = Cycler(['day', 'month', 'year', 'swap', 'day', 'year'], 8)
    tsel = {k: Cycler(range(len(v)), 9 + i) for i, (k, v) in enumerate({'cond': T_COND, 'med': T_MED, 'imm': T_IMM, 'proc': T_PROC, 'enc': T_ENC}.items())}
    osel = {k: Cycler(range(3), 20 + i) for i, k in enumerate(['weight', 'tc', 'hgb'])}
    for idx, (pt, kind, rec, name, d) in enumerate(chosen):
        label = 'correct' if idx % 2 == 0 else 'wrong'
        style = styles.next()
        if kind.startswith('obs') and style in ('year', 'range', 'month', 'month_full', 'month_num'):
            style = 'dmy'
        dd = int(d[8:10])
        if style in ('us', 'us_short', 'uk', 'dot') and dd <= 12:
            style = 'mdy_full'
        claimed = d; why_err = ''
        if label == 'wrong':
            if style in ('year',):
                mode = 'year'
            elif style in ('month', 'month_full', 'month_num', 'range'):
                mode = 'year' if style == 'range' else r.choice(['month', 'year'])
            else:
                mode = modes.next()
                if mode == 'swap' and not (dd <= 12 and dd != int(d[5:7])): mode = 'day'
                if mode == 'swap' and style in ('us', 'us_short', 'uk', 'dot'): style = 'dmy'
            claimed = shift_date(d, mode, r.choice([1, -1]))
            why_err = {'day': 'off by one day', 'month': 'off by one month', 'year': 'off by one year',
                       'swap': 'day and month transposed'}[mode]
        if style == 'range':
            m = int(claimed[5:7]); y = claimed[:4]
            part = 'early' if m <= 4 else 'mid' if m <= 8 else 'late'
            ds = f"{part}-{y}"; gran = 'range'
            lo, hi = {'early': (f'{y}-01-01', f'{y}-04-30'), 'mid': (f'{y}-05-01', f'{y}-08-31'), 'late': (f'{y}-09-01', f'{y}-12-31')}[part]
            da = A_dater(rec['id'], ds, lo, hi, 'onset' if kind == 'cond' else None)
        else:
            ds, dv = fmt_date(claimed, style)
            gran = 'day' if len(dv) == 10 else 'month'
            da = A_date(rec['id'], ds, dv, 'onset' if kind == 'cond' else None)
        asserts = [da]
        if kind == 'cond':
            n = r.choice(COND[name]); t = T_COND[tsel['cond'].next()](pt, n, ds, gran)
            asserts.append(A_code(rec['id'], [COND_KEY[name]]))
            src = f"Condition {name} onsetDateTime {d}"
        elif kind == 'med':
            n = MEDNAME[name]; t = T_MED[tsel['med'].next()](pt, n, ds, gran)
            terms = [MEDKEY[name]] + [m_ + ' mg' for m_ in re.findall(r'(\d+(?:\.\d+)?) mg', n)]
            asserts.append(A_code(rec['id'], terms, n))
            src = f"MedicationRequest {name} authoredOn {d}"
        elif kind == 'imm':
            n = r.choice(VACC[name]); t = T_IMM[tsel['imm'].next()](pt, n, ds, gran)
            asserts.append(A_code(rec['id'], [VACC_KEY[name]]))
            src = f"Immunization {name} occurrenceDateTime {d}"
        elif kind == 'proc':
            n = r.choice(PROC[name]); t = T_PROC[tsel['proc'].next()](pt, n, ds, gran)
            asserts.append(A_code(rec['id'], [PROC_KEY[name]]))
            src = f"Procedure {name} performed {d}"
        elif kind == 'enc':
            n = r.choice(ENC[name]); t = T_ENC[tsel['enc'].next()](pt, n, ds, gran)
            asserts.append(A_code(rec['id'], [ENC_KEY[name]]))
            src = f"Encounter type {name} period.start {d}"
        else:
            k = kind.split('_')[1]
            dec = {'weight': 1, 'tc': 0, 'hgb': 1}[k]
            vs = f(rec['value'], dec)
            t = T_OBS[k][osel[k].next()](pt, vs, ds, gran)
            asserts.append(A_val(rec['id'], k, vs, float(vs), ANALYTE[k][1]))
            src = f"Observation {k} = {rec['value']:.2f} {rec['unit']} effective {d}"
        why = (f"{src}; date written as '{ds}'" if label == 'correct'
               else f"{src}; claim says '{ds}' ({claimed}) — {why_err}")
        add('dates', label, pt, t, [rec['id']], why, asserts)

import collections
