"""Category: negation (absence claims; cite the patient = whole chart)."""
from common import *
import re, json

# concept -> (regex terms that would contradict the negation, phrasings)
CONCEPTS = {
 'diabetes': ([r'diabet', r'metformin', r'insulin'],
   ["No history of diabetes.", "Not diabetic — no DM diagnosis and no glucose-lowering meds on file.", "Denies diabetes; nothing in the chart suggests otherwise.",
    "Diabetes: none documented.", "There's no diabetes diagnosis anywhere in {his} record."]),
 'htn': ([r'hypertension', r'hydrochlorothiazide', r'amlodipine', r'lisinopril', r'losartan', r'metoprolol'],
   ["No history of hypertension.", "Never diagnosed with high blood pressure and not on any antihypertensive.", "HTN — not on the problem list.",
    "{He} has no hypertension diagnosis on file.", "No known HTN; no BP meds prescribed."]),
 'asthma': ([r'asthma', r'albuterol', r'fluticasone', r'inhaler'],
   ["No asthma history; no inhalers prescribed.", "Denies asthma.", "Asthma is not among {his} diagnoses.", "Never prescribed an inhaler."]),
 'allergy': ([r'"allergyintolerance"', r'allerg'],
   ["No known allergies.", "NKA — allergy list is empty.", "No allergies recorded in the chart.", "Allergies: none on file."]),
 'anticoag': ([r'warfarin', r'coumadin', r'heparin', r'apixaban', r'rivaroxaban', r'dabigatran', r'enoxaparin', r'edoxaban'],
   ["Not anticoagulated — no warfarin, heparin or DOAC on record.", "No anticoagulant has ever been prescribed."]),
 'opioid': ([r'oxycodone', r'hydrocodone', r'morphine', r'codeine', r'tramadol', r'fentanyl', r'vicodin', r'percocet'],
   ["Opioid-naive: no opioid prescriptions on record.", "{He} has never been prescribed an opioid.", "No narcotic analgesics in the medication history.",
    "Never received oxycodone, hydrocodone or any other opioid per the chart."]),
 'stroke': ([r'stroke', r'cerebrovascular', r'\bcva\b'],
   ["No prior stroke.", "No history of CVA.", "Denies previous stroke — none documented."]),
 'cad': ([r'myocardial infarction', r'coronary'],
   ["No history of MI or coronary disease.", "No known CAD; never had a heart attack."]),
 'cancer': ([r'neoplasm', r'carcinoma', r'malignan', r'cancer', r'tumou?r', r'metasta', r'docetaxel', r'oxaliplatin', r'leuprolide'],
   ["No history of cancer.", "No malignancy on record.", "Oncology history: none.", "{He} has never had a cancer diagnosis."]),
 'appendectomy': ([r'append'],
   ["No prior appendectomy.", "Appendix in situ — no appendicitis or appendectomy on record.", "Never had appendicitis."]),
 'fracture': ([r'fracture'],
   ["No history of fractures.", "Has never broken a bone per the record."]),
 'colonoscopy': ([r'colonoscopy'],
   ["Has never had a colonoscopy.", "No colonoscopy on file.", "Colonoscopy: never done."]),
 'pregnancy': ([r'pregnan', r'miscarriage', r'prenatal'],
   ["No pregnancies or pregnancy losses recorded.", "No obstetric history in the chart (no prenatal care, no miscarriage).", "Never had a miscarriage."]),
 'seizure': ([r'seizure', r'epilep'],
   ["No seizure history.", "No epilepsy or seizures on record.", "Denies seizures."]),
 'dementia': ([r'alzheimer', r'dementia', r'memantine', r'galantamine', r'donepezil'],
   ["No dementia diagnosis.", "No cognitive disorder or Alzheimer's disease on the problem list."]),
 'anemia': ([r'anemi', r'anaemi'],
   ["No history of anemia.", "Never diagnosed with anaemia."]),
 'hf': ([r'heart failure', r'furosemide', r'lasix'],
   ["No heart failure.", "No CHF; not on loop diuretics."]),
 'osteoporosis': ([r'osteoporo', r'alendron', r'bisphosphonate'],
   ["No osteoporosis on record; no bisphosphonate.", "Osteoporosis: not diagnosed."]),
 'statin': ([r'statin'],
   ["Not on a statin.", "No statin therapy has been prescribed.", "Never started on cholesterol medication (no statin in the med history)."]),
 'contraception': ([r'nuvaring', r'levora', r'seasonique', r'natazia', r'medroxyprogesterone', r'contracept'],
   ["No hormonal contraception prescribed.", "Never prescribed birth control per the chart."]),
 'nsaid': ([r'ibuprofen', r'naproxen'],
   ["No NSAID prescriptions on record.", "Never prescribed ibuprofen or naproxen."]),
 'pneumo': ([r'pneumococcal'],
   ["No pneumococcal vaccine on record.", "{He} has not had a pneumonia shot (no PCV13/PPSV23 documented)."]),
 'zoster': ([r'zoster'],
   ["No shingles vaccine documented.", "Has not received a zoster vaccine."]),
 'hpv': ([r'hpv'],
   ["No HPV vaccine doses recorded.", "Never received Gardasil."]),
 'ed': ([r'emergency'],
   ["No ED visits on record.", "{He} has never been seen in the emergency department."]),
 'kidney': ([r'kidney', r'renal', r'\bckd\b'],
   ["No kidney disease documented.", "No CKD or diabetic nephropathy on the problem list."]),
 'lipid': ([r'hyperlipid', r'triglyceridemia', r'hypercholesterol'],
   ["No hyperlipidemia diagnosis.", "Lipid disorder: none recorded."]),
 'copd': ([r'copd', r'chronic obstructive', r'emphysema'],
   ["No COPD.", "No history of chronic obstructive pulmonary disease."]),
 'tb': ([r'tubercul'],
   ["No history of tuberculosis."]),
 'hiv': ([r'\bhiv\b', r'immunodeficiency virus'],
   ["No HIV diagnosis on record."]),
 'depression': ([r'depress', r'sertraline', r'fluoxetine', r'citalopram'],
   ["No depression diagnosis; no antidepressants prescribed."]),
}
BAD_FOR = {  # patients for which a concept is ambiguous -> skip
 'allergy': {"mathilda_o'keefe_nka_ok"}, 'diabetes': set(),
}

def chart_text(pt):
    out = []
    for r in pt.p.res:
        if r['resourceType'] in ('Patient', 'Organization', 'Practitioner'): continue
        out.append((r, json.dumps(r).lower()))
    return out

def first_hit(pt, terms):
    for rt in ('AllergyIntolerance', 'Condition', 'MedicationRequest', 'AllergyIntolerance', 'Procedure', 'Immunization', 'Encounter'):
        for r, s in chart_text(pt):
            if r['resourceType'] != rt: continue
            if any(re.search(t, s) for t in terms): return r
    return None

def gen():
    r = rng(808)
    corr, wrong = [], []
    for key in PTS:
        pt = P(key)
        txt = chart_text(pt)
        for c, (terms, phr) in CONCEPTS.items():
            present = any(re.search(t, s) for _, s in txt for t in terms)
            # prediabetes mentions 'diabet' but is not diabetes -> ambiguous either way; skip
            if c == 'diabetes' and any(x['name'] == 'Prediabetes' for x in pt.p.conds) and not any(x['name'] == 'Diabetes' for x in pt.p.conds): continue
            if c == 'allergy' and key == 'nohemi_mertz': continue     # allergic rhinitis encounter, no allergy list: ambiguous
            if c == 'pregnancy' and pt.p.gender == 'male': continue
            if c == 'htn' and key == 'beatrice_aufderhar': continue      # on amlodipine/metoprolol but no HTN diagnosis: ambiguous
            if c == 'kidney' and key == 'thanh_considine': continue      # creatinine 2.5-3.3 without a CKD diagnosis: ambiguous
            if c == 'anemia' and any(o['value'] < (13 if pt.p.gender == 'male' else 12) for o in pt.p.obs.get('hgb', [])): continue
            if c == 'lipid' and key == 'beatrice_aufderhar': continue    # statin without a lipid diagnosis: ambiguous
            if c == 'contraception' and pt.p.gender == 'male': continue
            if c in ('hpv', 'zoster', 'pneumo', 'colonoscopy') and pt.p.birth > '2015': continue
            if present:
                hit = first_hit(pt, terms)
                if hit is not None: wrong.append((pt, c, hit))
            else:
                corr.append((pt, c))
    r.shuffle(corr); r.shuffle(wrong)
    def pick(lst, n, cap):
        per = collections.Counter(); cc = collections.Counter(); out = []
        for x in lst:
            if per[x[0].key] >= cap or cc[x[1]] >= 4: continue
            per[x[0].key] += 1; cc[x[1]] += 1; out.append(x)
            if len(out) >= n: break
        return out
    C = pick(corr, 34, 3); W = pick(wrong, 34, 4)
    phsel = {c: Cycler(range(len(v[1])), i) for i, (c, v) in enumerate(CONCEPTS.items())}
    PRE = Cycler(['', '', 'Per the chart: ', 'Reviewed the record — ', '{mr}: ', 'Checked: ', '', 'FYI, '], 99)
    for i in range(max(len(C), len(W))):
        for lst, label in ((C, 'correct'), (W, 'wrong')):
            if i >= len(lst): continue
            x = lst[i]; pt, c = x[0], x[1]
            terms, phr = CONCEPTS[c]
            t = phr[phsel[c].next()].format(He=pt.He, he=pt.he, his=pt.his, His=pt.His)
            pre = PRE.next().format(mr=pt.mr)
            if pre: t = pre + (t if t[1].isupper() else t[0].lower() + t[1:])
            cites = [pt.p.id]
            if label == 'correct':
                why = f"whole chart searched (conditions, meds, allergies, procedures, immunizations, encounters, results): no match for {terms}"
            else:
                hit = x[2]
                disp = (hit.get('code') or hit.get('medicationCodeableConcept') or hit.get('vaccineCode') or {'coding': [{'display': ''}]})
                disp = disp['coding'][0]['display'] if disp['coding'][0]['display'] else (hit.get('type') or [{'coding': [{'display': ''}]}])[0]['coding'][0]['display']
                if hit['resourceType'] == 'Encounter' and hit.get('reasonCode'): disp += ' / reason ' + hit['reasonCode'][0]['coding'][0]['display']
                why = f"chart contains {hit['resourceType']} '{disp}' ({hit['id'][:8]}…), contradicting the negation"
                if i % 2 == 0: cites.append(hit['id'])
            add('negation', label, pt, t, cites, why, [A_absent(terms)])
    # smoking-history negations ("denies ever smoking") judged against the smoking-status observations
    TS = ["Denies ever smoking.", "Lifelong non-smoker; no tobacco history.", "Never used tobacco.", "No smoking history."]
    keys = list(PTS); r.shuffle(keys); n = 0
    for key in keys:
        pt = P(key); o = pt.p.obs['smoking'][-1]
        former = o['value'] == 'Former smoker'
        label = 'wrong' if former else 'correct'
        if not former and n >= 4: continue
        t = TS[n % 4]; n += 1
        why = (f"latest tobacco smoking status ({o['date']}) = Never smoker" if not former
               else f"tobacco smoking status ({o['date']}) = Former smoker: {pt.he} did smoke")
        add('negation', label, pt, t, [pt.p.id, o['id']], why, [A_smoke(o['id'], 'Never smoker')])

import collections
