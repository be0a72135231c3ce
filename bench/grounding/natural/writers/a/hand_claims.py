"""Hand-written claims (free phrasing, several facts, LLM/clinician style).

Records are looked up by patient / code / date so no id is typed by hand; numbers that come from a
record are formatted from the record value.  Every stated fact is listed as an assertion, exactly as in
gen_claims.py, and validate.py re-derives each one independently.
"""
import sys
sys.path.insert(0, '/work/notes/evalsets/dev')
from common import PATS, nf, rdate, disp, loinc, series, bps

BYNAME = {P['name']: pid for pid, P in PATS.items()}


def P(name): return PATS[BYNAME[name]]


def obs(name, code, date):
    r = [o for o in series(P(name), code) if o['date'] == date]
    assert len(r) >= 1, (name, code, date)
    return r[0]


def bp(name, date):
    r = [b for b in bps(P(name)) if b['date'] == date]
    assert len(r) == 1, (name, date)
    return r[0]


def rec(name, kind, sub, date=None):
    r = [x for x in P(name)['by'].get(kind, {}).values() if sub.lower() in disp(x).lower() and (date is None or rdate(x) == date)]
    assert len(r) == 1, (name, kind, sub, date, len(r))
    return r[0]


def smoke_last(name):
    r = sorted((o for o in P(name)['by']['observation'].values() if loinc(o) == '72166-2'), key=rdate)
    return r[-1]


def A(t, **kw):
    d = dict(t=t); d.update(kw); d.setdefault('exp', True); return d


def C(kind, rid): return {"kind": "record", "record": kind, "id": rid}


def PAT(name): return {"kind": "record", "record": "patient", "id": BYNAME[name]}


H = []


def add(name, cat, label, text, cites, why, asserts):
    H.append(dict(patient=BYNAME[name], text=text, citations=cites, label=label, category=cat, why=why, _asserts=asserts))


# ------------------------------------------------------------------------------------------ dates
c = rec('Andy Schaden', 'condition', 'Neoplasm of prostate')
add('Andy Schaden', 'dates', 'correct', "Mr Schaden's prostate neoplasm was first recorded on the 10th of March 2000.", [C('condition', c['id'])],
    "Condition Neoplasm of prostate onsetDateTime 2000-03-10", [A('code', ref=c['id'], any=['Neoplasm of prostate']), A('date', ref=c['id'], txt='the 10th of March 2000')])
c = rec('Beatrice Aufderhar', 'condition', "Alzheimer")
add('Beatrice Aufderhar', 'dates', 'wrong', "Alzheimer's disease was diagnosed in February 2006.", [C('condition', c['id'])],
    "Condition Alzheimer's disease onset 2006-07-02, not February 2006", [A('code', ref=c['id'], any=['Alzheimer']), A('date', ref=c['id'], txt='February 2006', exp=False, excl=True)])
c = rec('Man Schamberger', 'condition', 'Fracture of clavicle'); p = rec('Man Schamberger', 'procedure', 'Admission to orthopedic')
add('Man Schamberger', 'dates', 'correct', "Broke his collarbone on 5 June 2011 and was admitted to orthopaedics the same day.",
    [C('condition', c['id']), C('procedure', p['id'])], "Condition Fracture of clavicle onset 2011-06-05; Procedure Admission to orthopedic department performed 2011-06-05",
    [A('code', ref=c['id'], any=['Fracture of clavicle']), A('date', ref=c['id'], txt='5 June 2011'), A('code', ref=p['id'], any=['Admission to orthopedic']), A('date', ref=p['id'], txt='5 June 2011')])
c = rec('Bryan Breitenberg', 'condition', 'Stroke'); m = rec('Bryan Breitenberg', 'medication', 'Alteplase')
add('Bryan Breitenberg', 'dates', 'wrong', "He had a stroke in Sep 2019 and received alteplase (tPA) for it.", [C('condition', c['id']), C('medication', m['id'])],
    "Stroke onset 2018-09-03 and alteplase ordered 2018-09-03: the year is wrong (2019)",
    [A('code', ref=c['id'], any=['Stroke']), A('date', ref=c['id'], txt='Sep 2019', exp=False, excl=True), A('drug', ref=m['id'], name='alteplase (tPA)')])
c = rec('Thanh Considine', 'condition', 'Hypertension'); m = rec('Thanh Considine', 'medication', 'Hydrochlorothiazide')
add('Thanh Considine', 'dates', 'correct', "Hypertension was diagnosed on 1989-06-20 and hydrochlorothiazide was started that same month (June 1989).",
    [C('condition', c['id']), C('medication', m['id'])], "Condition Hypertension onset 1989-06-20; MedicationRequest Hydrochlorothiazide 25 MG authoredOn 1989-06-20",
    [A('code', ref=c['id'], any=['Hypertension']), A('date', ref=c['id'], txt='1989-06-20'), A('drug', ref=m['id'], name='hydrochlorothiazide'), A('date', ref=m['id'], txt='June 1989')])
p = rec('Nohemi Mertz', 'procedure', 'Colonoscopy', '2021-03-09')
add('Nohemi Mertz', 'dates', 'wrong', "Her most recent colonoscopy was performed on September 3rd, 2021.", [C('procedure', p['id'])],
    "Colonoscopy performed 2021-03-09 (9 March); 'September 3rd' is a day/month swap",
    [A('code', ref=p['id'], any=['Colonoscopy']), A('date', ref=p['id'], txt='September 3rd, 2021', exp=False, excl=True)])
c = rec('Junita Labadie', 'condition', 'Otitis media')
add('Junita Labadie', 'dates', 'correct', "Otitis media from 19 Jul 2020, resolved 30/09/2020.", [C('condition', c['id'])],
    "Condition Otitis media onset 2020-07-19, abatementDateTime 2020-09-30",
    [A('code', ref=c['id'], any=['Otitis media']), A('date', ref=c['id'], txt='19 Jul 2020'), A('abate', ref=c['id'], txt='30/09/2020')])

# ------------------------------------------------------------------------------------------ abbreviations
c = rec('Beatrice Aufderhar', 'condition', 'heart failure'); o = obs('Beatrice Aufderhar', '33762-6', '2012-05-27')
add('Beatrice Aufderhar', 'abbreviations', 'correct', f"CHF dx'd May 2012, with an NT-proBNP of {nf(o['v'],0)} pg/mL drawn the same month.",
    [C('condition', c['id']), C('observation', o['id'])], f"Condition Chronic congestive heart failure onset 2012-05-27; NT-proBNP {o['v']:.1f} pg/mL on 2012-05-27",
    [A('abbr', ref=c['id'], txt='CHF'), A('date', ref=c['id'], txt='May 2012'), A('analyte', ref=o['id'], loinc='33762-6'), A('val', ref=o['id'], txt=nf(o['v'], 0), unit='pg/mL')])
o = obs('Beatrice Aufderhar', '10230-1', '2012-06-17'); p = rec('Beatrice Aufderhar', 'procedure', 'echocardiogram')
add('Beatrice Aufderhar', 'abbreviations', 'wrong', "TTE on 17 Jun 2012 showed an LVEF of 48%.", [C('procedure', p['id']), C('observation', o['id'])],
    f"LVEF on 2012-06-17 was {o['v']:.1f}%, not 48%", [A('code', ref=p['id'], any=['echocardiogram']), A('date', ref=p['id'], txt='17 Jun 2012'),
                                                       A('analyte', ref=o['id'], loinc='10230-1'), A('val', ref=o['id'], txt='48', unit='%', exp=False)])
o = obs('Andy Schaden', '4548-4', '2020-02-20'); c = rec('Andy Schaden', 'condition', 'Prediabetes')
add('Andy Schaden', 'abbreviations', 'correct', f"HbA1c {nf(o['v'],1)}% in Feb 2020; known pre-DM since 1978.", [C('observation', o['id']), C('condition', c['id'])],
    f"HbA1c {o['v']:.2f}% on 2020-02-20; Condition Prediabetes onset 1978-06-29",
    [A('analyte', ref=o['id'], loinc='4548-4'), A('val', ref=o['id'], txt=nf(o['v'], 1), unit='%'), A('date', ref=o['id'], txt='Feb 2020'),
     A('code', ref=c['id'], any=['Prediabetes']), A('date', ref=c['id'], txt='1978')])
o = obs('Thanh Considine', '38483-4', '2020-12-05')
add('Thanh Considine', 'abbreviations', 'wrong', "SCr 2.26 mg/dL on 5 Dec 2020.", [C('observation', o['id'])], f"Creatinine on 2020-12-05 was {o['v']:.2f} mg/dL, not 2.26",
    [A('analyte', ref=o['id'], loinc='38483-4'), A('val', ref=o['id'], txt='2.26', unit='mg/dL', exp=False), A('date', ref=o['id'], txt='5 Dec 2020')])
c = rec('Vito Feeney', 'condition', 'Nonproliferative')
add('Vito Feeney', 'abbreviations', 'correct', "T2DM complicated by NPDR, first noted November 1970.", [C('condition', c['id'])],
    "Condition Nonproliferative diabetic retinopathy due to type 2 diabetes mellitus onset 1970-11-23",
    [A('abbr', ref=c['id'], txt='NPDR'), A('date', ref=c['id'], txt='November 1970')])
c = rec('Man Schamberger', 'condition', 'Hypertension')
add('Man Schamberger', 'abbreviations', 'wrong', "PMH: HTN since 1976.", [C('condition', c['id'])], "Hypertension onset 1967-08-22, not 1976",
    [A('abbr', ref=c['id'], txt='HTN'), A('date', ref=c['id'], txt='1976', exp=False, excl=True)])

# ------------------------------------------------------------------------------------------ drug-names
m1 = rec('Beatrice Aufderhar', 'medication', 'metoprolol'); m2 = rec('Beatrice Aufderhar', 'medication', 'Lasix'); c = rec('Beatrice Aufderhar', 'condition', 'heart failure')
add('Beatrice Aufderhar', 'drug-names', 'correct', "For CHF she was put on Toprol-XL 100 mg once daily plus furosemide 40 mg once daily, both ordered June 17, 2012.",
    [C('medication', m1['id']), C('medication', m2['id']), C('condition', c['id'])],
    "MedicationRequests metoprolol succinate ER 100 mg [Toprol] and Lasix 40mg, authoredOn 2012-06-17, timing 1/day, reasonReference = CHF condition",
    [A('drug', ref=m1['id'], name='Toprol-XL 100 mg'), A('drug', ref=m2['id'], name='furosemide 40 mg'), A('freq', ref=m1['id'], per_day=1, txt='once daily'),
     A('freq', ref=m2['id'], per_day=1, txt='once daily'), A('date', ref=m1['id'], txt='June 17, 2012'), A('date', ref=m2['id'], txt='June 17, 2012'),
     A('reason', ref=m1['id'], cond=c['id']), A('reason', ref=m2['id'], cond=c['id']), A('abbr', ref=c['id'], txt='CHF')])
m = rec('Beatrice Aufderhar', 'medication', 'Clopidogrel')
add('Beatrice Aufderhar', 'drug-names', 'wrong', "She was on Plavix 300 mg from 1999.", [C('medication', m['id'])], "Clopidogrel 75 MG Oral Tablet (1999-10-17): strength is 75 mg, not 300 mg",
    [A('drug', ref=m['id'], name='Plavix 300 mg', exp=False), A('date', ref=m['id'], txt='1999')])
m1 = rec('Mathilda O\'Keefe', 'medication', 'Epinephrine'); m2 = rec('Mathilda O\'Keefe', 'medication', 'Fexofenadine')
add("Mathilda O'Keefe", 'drug-names', 'correct', "EpiPen 0.3 mg and Allegra 30 mg PRN were both prescribed on 5 Dec 2007.", [C('medication', m1['id']), C('medication', m2['id'])],
    "Epinephrine 0.3 mL of 1 mg/mL auto-injector (= 0.3 mg, EpiPen) and fexofenadine 30 mg (Allegra), both authoredOn 2007-12-05, asNeeded true",
    [A('drug', ref=m1['id'], name='EpiPen 0.3 mg'), A('drug', ref=m2['id'], name='Allegra 30 mg'), A('prn', ref=m2['id'], txt='PRN'), A('prn', ref=m1['id']),
     A('date', ref=m1['id'], txt='5 Dec 2007'), A('date', ref=m2['id'], txt='5 Dec 2007')])
m1 = rec('Mathilda O\'Keefe', 'medication', 'Fluticasone'); m2 = rec('Mathilda O\'Keefe', 'medication', 'Albuterol'); c = rec('Mathilda O\'Keefe', 'condition', 'asthma')
add("Mathilda O'Keefe", 'drug-names', 'wrong', "Uses Flovent HFA 110 mcg and a ProAir rescue inhaler for her asthma.", [C('medication', m1['id']), C('medication', m2['id']), C('condition', c['id'])],
    "Fluticasone record is 0.044 MG/ACTUAT = 44 mcg, not 110 mcg; albuterol (ProAir) is right",
    [A('drug', ref=m1['id'], name='Flovent HFA 110 mcg', exp=False), A('drug', ref=m2['id'], name='ProAir'), A('status', ref=m1['id'], s='active', txt='Uses'), A('status', ref=m2['id'], s='active', txt='Uses'),
     A('reason', ref=m2['id'], cond=c['id'])])
m1 = rec('Evelyn McCullough', 'medication', 'insulin'); m2 = rec('Evelyn McCullough', 'medication', 'Metformin')
add('Evelyn McCullough', 'drug-names', 'correct', "Humulin 70/30 was added in April 1976 on top of Glucophage XR 500 mg, which she had been on since 1963.",
    [C('medication', m1['id']), C('medication', m2['id'])], "Humulin (isophane 70/regular 30) authoredOn 1976-04-26; metformin ER 500 mg authoredOn 1963-07-22, status active",
    [A('drug', ref=m1['id'], name='Humulin 70/30'), A('date', ref=m1['id'], txt='April 1976'), A('drug', ref=m2['id'], name='Glucophage XR 500 mg'), A('date', ref=m2['id'], txt='1963'),
     A('status', ref=m2['id'], s='active', txt='on top of')])
m = rec('Thanh Considine', 'medication', 'Vicodin'); p = rec('Thanh Considine', 'procedure', 'wisdom tooth')
add('Thanh Considine', 'drug-names', 'wrong', "Vicodin 5/325 was given after the wisdom tooth extraction in June 2016.", [C('medication', m['id']), C('procedure', p['id'])],
    "Record is Acetaminophen 300 MG / HYDROcodone 5 MG [Vicodin] (5/300), not 5/325; extraction 2016-06-26",
    [A('drug', ref=m['id'], name='Vicodin 5/325', exp=False), A('date', ref=m['id'], txt='June 2016'), A('code', ref=p['id'], any=['wisdom tooth']), A('date', ref=p['id'], txt='June 2016')])
m = rec('Maurice Mohr', 'medication', 'medroxyprogesterone'); p = rec('Maurice Mohr', 'procedure', 'Intramuscular', '2020-02-27')
add('Maurice Mohr', 'drug-names', 'correct', "Depo-Provera 150 mg/mL was ordered in Feb 2020; the first IM injection was given on 27 Feb 2020.",
    [C('medication', m['id']), C('procedure', p['id'])], "medroxyprogesterone acetate 150 MG/ML injection authoredOn 2020-02-27; Procedure Intramuscular injection 2020-02-27",
    [A('drug', ref=m['id'], name='Depo-Provera 150 mg/mL'), A('date', ref=m['id'], txt='Feb 2020'), A('code', ref=p['id'], any=['Intramuscular injection']), A('date', ref=p['id'], txt='27 Feb 2020')])
m1 = rec('Andy Schaden', 'medication', 'Leuprolide'); m2 = rec('Andy Schaden', 'medication', 'DOCEtaxel'); c = rec('Andy Schaden', 'condition', 'Neoplasm of prostate')
add('Andy Schaden', 'drug-names', 'wrong', "Started on Lupron (leuprolide) and Taxol for the prostate neoplasm in March 2000.", [C('medication', m1['id']), C('medication', m2['id']), C('condition', c['id'])],
    "The chemotherapy record is docetaxel (Taxotere); Taxol is paclitaxel",
    [A('drug', ref=m1['id'], name='Lupron (leuprolide)'), A('drug', ref=m2['id'], name='Taxol', exp=False), A('date', ref=m1['id'], txt='March 2000'), A('date', ref=m2['id'], txt='March 2000'),
     A('code', ref=c['id'], any=['Neoplasm of prostate']), A('date', ref=c['id'], txt='March 2000')])

# ------------------------------------------------------------------------------------------ units
o = obs('Bryan Breitenberg', '8331-1', '2019-09-06'); c = rec('Bryan Breitenberg', 'condition', 'Streptococcal')
f = o['v'] * 9 / 5 + 32
add('Bryan Breitenberg', 'units', 'correct', f"Temp {nf(o['v'],1)} °C ({nf(f,1)} °F) at the strep throat visit on 6 Sep 2019.", [C('observation', o['id']), C('condition', c['id'])],
    f"Oral temperature {o['v']:.3f} Cel = {f:.2f} °F on 2019-09-06; Condition Streptococcal sore throat onset 2019-09-06",
    [A('val', ref=o['id'], txt=nf(o['v'], 1), unit='°C'), A('val', ref=o['id'], txt=nf(f, 1), unit='°F'), A('date', ref=o['id'], txt='6 Sep 2019'),
     A('code', ref=c['id'], any=['Streptococcal']), A('date', ref=c['id'], txt='6 Sep 2019')])
o = obs('Monika Green', '8331-1', '2015-03-01'); c = rec('Monika Green', 'condition', 'Streptococcal')
add('Monika Green', 'units', 'wrong', f"Temperature {nf(o['v'],1)} °F during the March 2015 strep throat episode.", [C('observation', o['id']), C('condition', c['id'])],
    f"Oral temperature is {o['v']:.2f} °C (= {o['v']*1.8+32:.1f} °F); '{nf(o['v'],1)} °F' is the Celsius number with a Fahrenheit unit",
    [A('val', ref=o['id'], txt=nf(o['v'], 1), unit='°F', exp=False), A('date', ref=o['id'], txt='March 2015'), A('code', ref=c['id'], any=['Streptococcal']), A('date', ref=c['id'], txt='March 2015')])
s = series(P('Vito Feeney'), '38483-4'); o = s[-1]
add('Vito Feeney', 'units', 'correct', f"Serum creatinine {nf(o['v'],2)} mg/dL, i.e. about {nf(o['v']*88.42,0)} µmol/L, on {o['date']}.", [C('observation', o['id'])],
    f"Creatinine {o['v']:.3f} mg/dL on {o['date']} x 88.42 = {o['v']*88.42:.1f} µmol/L",
    [A('val', ref=o['id'], txt=nf(o['v'], 2), unit='mg/dL'), A('val', ref=o['id'], txt=nf(o['v'] * 88.42, 0), unit='µmol/L', approx=True), A('date', ref=o['id'], txt=o['date'])])
s = [x for x in series(P('Evelyn McCullough'), '2339-0') if x['v'] > 95]; o = s[0]
add('Evelyn McCullough', 'units', 'wrong', f"Blood glucose {nf(o['v']/18.016,1)} mg/dL on {o['date']}.", [C('observation', o['id'])],
    f"Glucose {o['v']:.1f} mg/dL on {o['date']}; {nf(o['v']/18.016,1)} is the mmol/L value written with mg/dL ",
    [A('val', ref=o['id'], txt=nf(o['v'] / 18.016, 1), unit='mg/dL', exp=False), A('date', ref=o['id'], txt=o['date'])])
ws = series(P('Andy Schaden'), '29463-7')
add('Andy Schaden', 'units', 'correct', f"Weight was {nf(ws[0]['v'],1)} kg (about {nf(ws[0]['v']*2.20462,0)} lb) at every annual visit from 2012 to 2021.", [C('observation', w['id']) for w in ws],
    f"all {len(ws)} Body Weight observations 2012-01-05..2021-02-25 = {ws[0]['v']:.2f} kg = {ws[0]['v']*2.20462:.1f} lb",
    [A('val', ref=w['id'], txt=nf(ws[0]['v'], 1), unit='kg') for w in ws] + [A('val', ref=ws[0]['id'], txt=nf(ws[0]['v'] * 2.20462, 0), unit='lb', approx=True),
                                                                        A('date', ref=ws[0]['id'], txt='2012'), A('date', ref=ws[-1]['id'], txt='2021')])
o = obs('Thanh Considine', '29463-7', '2020-10-27')
add('Thanh Considine', 'units', 'wrong', f"Weight {nf(o['v'],1)} kg on 27 Oct 2020, roughly 190 lb.", [C('observation', o['id'])],
    f"{o['v']:.2f} kg = {o['v']*2.20462:.0f} lb, not ~190 lb", [A('val', ref=o['id'], txt=nf(o['v'], 1), unit='kg'), A('val', ref=o['id'], txt='190', unit='lb', approx=True, exp=False),
                                                                A('date', ref=o['id'], txt='27 Oct 2020')])

# ------------------------------------------------------------------------------------------ rounding
o = obs('Evelyn McCullough', '33914-3', '1984-02-13')
add('Evelyn McCullough', 'rounding', 'correct', "eGFR roughly 32 mL/min/1.73 m² in Feb 1984.", [C('observation', o['id'])], f"eGFR {o['v']:.2f} on 1984-02-13 rounds to 32",
    [A('analyte', ref=o['id'], loinc='33914-3'), A('val', ref=o['id'], txt='32', unit='mL/min/1.73 m²', approx=True), A('date', ref=o['id'], txt='Feb 1984')])
o = obs('Evelyn McCullough', '33914-3', '1983-01-17')
add('Evelyn McCullough', 'rounding', 'wrong', "In Jan 1983 her eGFR was about 38.", [C('observation', o['id'])], f"eGFR {o['v']:.2f} on 1983-01-17 does not round to 38",
    [A('analyte', ref=o['id'], loinc='33914-3'), A('val', ref=o['id'], txt='38', approx=True, exp=False), A('date', ref=o['id'], txt='Jan 1983')])
o = obs('Beatrice Aufderhar', '72106-8', '2006-07-02')
add('Beatrice Aufderhar', 'rounding', 'correct', "MMSE score of about 20 in July 2006, when Alzheimer's was diagnosed.", [C('observation', o['id']), C('condition', rec('Beatrice Aufderhar', 'condition', 'Alzheimer')['id'])],
    f"MMSE {o['v']:.2f} on 2006-07-02 rounds to 20; Alzheimer's onset 2006-07-02",
    [A('val', ref=o['id'], txt='20', approx=True), A('date', ref=o['id'], txt='July 2006'), A('code', ref=rec('Beatrice Aufderhar', 'condition', 'Alzheimer')['id'], any=['Alzheimer']),
     A('date', ref=rec('Beatrice Aufderhar', 'condition', 'Alzheimer')['id'], txt='July 2006')])
o = obs('Beatrice Aufderhar', '72106-8', '2007-05-28')
add('Beatrice Aufderhar', 'rounding', 'wrong', "MMSE had dropped to roughly 15 by May 2007.", [C('observation', o['id'])], f"MMSE {o['v']:.2f} on 2007-05-28 does not round to 15",
    [A('val', ref=o['id'], txt='15', approx=True, exp=False), A('date', ref=o['id'], txt='May 2007')])
o = obs('Oswaldo Armstrong', '8331-1', '2017-08-08')
add('Oswaldo Armstrong', 'rounding', 'correct', "Oral temp about 38 °C at the 8 Aug 2017 visit.", [C('observation', o['id'])],
    f"Oral temperature {o['v']:.3f} °C on 2017-08-08 rounds to 38", [A('val', ref=o['id'], txt='38', unit='°C', approx=True), A('date', ref=o['id'], txt='8 Aug 2017')])
o = obs('Man Schamberger', '38265-5', '2011-06-05')
add('Man Schamberger', 'rounding', 'wrong', "DXA T-score roughly -1.4 in June 2011.", [C('observation', o['id'])], f"T-score {o['v']:.3f} does not round to -1.4",
    [A('val', ref=o['id'], txt='-1.4', approx=True, exp=False), A('date', ref=o['id'], txt='June 2011')])

# ------------------------------------------------------------------------------------------ trends
a = bp('Thanh Considine', '2012-11-06'); b = bp('Thanh Considine', '2020-10-27')
add('Thanh Considine', 'trends', 'correct', f"Systolic BP was {nf(a['sys'],0)} in 2012 and {nf(b['sys'],0)} in 2020 - essentially unchanged.",
    [C('observation', a['id']), C('observation', b['id'])], f"systolic {a['sys']:.1f} (2012-11-06) vs {b['sys']:.1f} (2020-10-27), +0.7%; tolerance 'unchanged' = within 2%",
    [A('val', ref=f"{a['id']}#{a['si']}", txt=nf(a['sys'], 0), unit=None), A('val', ref=f"{b['id']}#{b['si']}", txt=nf(b['sys'], 0), unit=None),
     A('date', ref=a['id'], txt='2012'), A('date', ref=b['id'], txt='2020'), A('trend', a=f"{a['id']}#{a['si']}", b=f"{b['id']}#{b['si']}", dir='stable')])
a = obs('Jules Marks', '29463-7', '2011-08-03'); b = obs('Jules Marks', '29463-7', '2020-08-26')
add('Jules Marks', 'trends', 'wrong', "Weight stable between 2011 and 2020 at around 68 kg.", [C('observation', a['id']), C('observation', b['id'])],
    f"weight {a['v']:.1f} kg (2011) -> {b['v']:.1f} kg (2020), +26%: not stable (tolerance 2%)",
    [A('trend', a=a['id'], b=b['id'], dir='stable', exp=False), A('val', ref=a['id'], txt='68', unit='kg', approx=True), A('date', ref=a['id'], txt='2011'), A('date', ref=b['id'], txt='2020')])
a = obs('Evelyn McCullough', '33914-3', '1977-10-17'); b = obs('Evelyn McCullough', '33914-3', '1984-02-13')
add('Evelyn McCullough', 'trends', 'correct', f"Her eGFR declined from {nf(a['v'],0)} (Oct 1977) to {nf(b['v'],0)} (Feb 1984).", [C('observation', a['id']), C('observation', b['id'])],
    f"eGFR {a['v']:.1f} on 1977-10-17 -> {b['v']:.1f} on 1984-02-13 (-60%)",
    [A('val', ref=a['id'], txt=nf(a['v'], 0)), A('val', ref=b['id'], txt=nf(b['v'], 0)), A('date', ref=a['id'], txt='Oct 1977'), A('date', ref=b['id'], txt='Feb 1984'),
     A('trend', a=a['id'], b=b['id'], dir='down')])
a = obs('Evelyn McCullough', '4548-4', '1975-02-10'); b = obs('Evelyn McCullough', '4548-4', '1984-06-11')
add('Evelyn McCullough', 'trends', 'wrong', "Glycaemic control worsened: HbA1c went up between 10 Feb 1975 and 11 Jun 1984.", [C('observation', a['id']), C('observation', b['id'])],
    f"HbA1c {a['v']:.2f}% (1975-02-10) -> {b['v']:.2f}% (1984-06-11): it fell, i.e. improved",
    [A('trend', a=a['id'], b=b['id'], dir='up', exp=False), A('date', ref=a['id'], txt='10 Feb 1975'), A('date', ref=b['id'], txt='11 Jun 1984')])
a = obs('Bryan Breitenberg', '38483-4', '2014-02-10'); b = obs('Bryan Breitenberg', '38483-4', '2021-03-22')
add('Bryan Breitenberg', 'trends', 'correct', f"Creatinine came down from {nf(a['v'],2)} mg/dL (Feb 2014) to {nf(b['v'],2)} mg/dL (Mar 2021).", [C('observation', a['id']), C('observation', b['id'])],
    f"creatinine {a['v']:.3f} (2014-02-10) -> {b['v']:.3f} (2021-03-22), -28%",
    [A('val', ref=a['id'], txt=nf(a['v'], 2), unit='mg/dL'), A('val', ref=b['id'], txt=nf(b['v'], 2), unit='mg/dL'), A('date', ref=a['id'], txt='Feb 2014'), A('date', ref=b['id'], txt='Mar 2021'),
     A('trend', a=a['id'], b=b['id'], dir='down')])
a = bp('Andy Schaden', '2012-01-05'); b = bp('Andy Schaden', '2021-02-25')
add('Andy Schaden', 'trends', 'wrong', "Systolic BP has trended upward from Jan 2012 to Feb 2021.", [C('observation', a['id']), C('observation', b['id'])],
    f"systolic {a['sys']:.1f} (2012-01-05) -> {b['sys']:.1f} (2021-02-25): it fell by 24%",
    [A('trend', a=f"{a['id']}#{a['si']}", b=f"{b['id']}#{b['si']}", dir='up', exp=False), A('date', ref=a['id'], txt='Jan 2012'), A('date', ref=b['id'], txt='Feb 2021')])

# ------------------------------------------------------------------------------------------ two-facts
c = rec('Elisha Bradtke', 'condition', 'Fracture of forearm'); p = rec('Elisha Bradtke', 'procedure', 'immobilization')
add('Elisha Bradtke', 'two-facts', 'correct', "Forearm fracture on 14 Aug 2017, managed with bone immobilization the same day.", [C('condition', c['id']), C('procedure', p['id'])],
    "Condition Fracture of forearm onset 2017-08-14; Procedure Bone immobilization 2017-08-14 (reason: the fracture)",
    [A('code', ref=c['id'], any=['Fracture of forearm']), A('date', ref=c['id'], txt='14 Aug 2017'), A('code', ref=p['id'], any=['Bone immobilization']), A('date', ref=p['id'], txt='14 Aug 2017')])
c = rec('Elisha Bradtke', 'condition', 'Osteoarthritis of hip'); m = rec('Elisha Bradtke', 'medication', 'Naproxen')
add('Elisha Bradtke', 'two-facts', 'wrong', "Hip OA since Feb 2016, for which he was prescribed ibuprofen.", [C('condition', c['id']), C('medication', m['id'])],
    "Hip OA onset 2016-02-23 is right; the NSAID prescribed for it is naproxen sodium 220 mg, not ibuprofen",
    [A('abbr', ref=c['id'], txt='hip OA'), A('date', ref=c['id'], txt='Feb 2016'), A('drug', ref=m['id'], name='ibuprofen', exp=False), A('reason', ref=m['id'], cond=c['id'])])
c1 = rec('Man Schamberger', 'condition', 'Polyp of colon'); c2 = rec('Man Schamberger', 'condition', 'rectal polyp')
add('Man Schamberger', 'two-facts', 'correct', "Colon polyp in 1999 followed by a recurrent rectal polyp in 2000.", [C('condition', c1['id']), C('condition', c2['id'])],
    "Condition Polyp of colon onset 1999-04-20; Condition Recurrent rectal polyp onset 2000-07-16",
    [A('code', ref=c1['id'], any=['Polyp of colon']), A('date', ref=c1['id'], txt='1999'), A('code', ref=c2['id'], any=['Recurrent rectal polyp']), A('date', ref=c2['id'], txt='2000')])
c = rec('Malcom Harris', 'condition', 'History of appendectomy'); p1 = rec('Malcom Harris', 'procedure', 'Colonoscopy', '2014-11-07'); p2 = rec('Malcom Harris', 'procedure', 'Colonoscopy', '2019-11-06')
add('Malcom Harris', 'two-facts', 'wrong', "Status post appendectomy (2004); colonoscopies were done in 2014 and 2018.", [C('condition', c['id']), C('procedure', p1['id']), C('procedure', p2['id'])],
    "History of appendectomy 2004-10-29 and colonoscopy 2014-11-07 are right; the second colonoscopy was 2019-11-06, not 2018",
    [A('code', ref=c['id'], any=['appendectomy']), A('date', ref=c['id'], txt='2004'), A('code', ref=p1['id'], any=['Colonoscopy']), A('date', ref=p1['id'], txt='2014'),
     A('code', ref=p2['id'], any=['Colonoscopy']), A('date', ref=p2['id'], txt='2018', exp=False, excl=True)])
m1 = rec('Maurice Mohr', 'medication', 'Seasonique'); m2 = rec('Maurice Mohr', 'medication', 'medroxyprogesterone')
add('Maurice Mohr', 'two-facts', 'correct', "Seasonique 91-day pack was started on 21 Feb 2021, and the earlier Depo-Provera order is stopped.", [C('medication', m1['id']), C('medication', m2['id'])],
    "Seasonique 91 Day Pack authoredOn 2021-02-21 (active); medroxyprogesterone 150 mg/mL injection status stopped",
    [A('drug', ref=m1['id'], name='Seasonique 91-day pack'), A('date', ref=m1['id'], txt='21 Feb 2021'), A('drug', ref=m2['id'], name='Depo-Provera'), A('status', ref=m2['id'], s='stopped', txt='is stopped')])
c = rec('Jules Marks', 'condition', 'Hypertension'); b = bp('Jules Marks', '2013-08-14'); m = rec('Jules Marks', 'medication', 'Hydrochlorothiazide')
add('Jules Marks', 'two-facts', 'wrong', f"HTN diagnosed 14 Aug 2013 (BP {nf(b['sys'],0)}/{nf(b['dia'],0)} at that visit); HCTZ 25 mg was started in 2014.",
    [C('condition', c['id']), C('observation', b['id']), C('medication', m['id'])], "HTN onset and BP 179/111 on 2013-08-14 are right; HCTZ 25 mg was ordered 2013-08-14, not 2014",
    [A('abbr', ref=c['id'], txt='HTN'), A('date', ref=c['id'], txt='14 Aug 2013'), A('val', ref=f"{b['id']}#{b['si']}", txt=nf(b['sys'], 0)), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(b['dia'], 0)),
     A('date', ref=b['id'], txt='14 Aug 2013'), A('drug', ref=m['id'], name='HCTZ 25 mg'), A('date', ref=m['id'], txt='2014', exp=False, excl=True)])

# ------------------------------------------------------------------------------------------ negation
c = rec('Michael Kihn', 'condition', 'pharyngitis')
add('Michael Kihn', 'negation', 'correct', "No chronic conditions on his problem list; the only diagnosis ever recorded is a viral pharyngitis in 2019.", [PAT('Michael Kihn'), C('condition', c['id'])],
    "the bundle has a single Condition (Acute viral pharyngitis, 2019-09-10, resolved)", [A('onlycond', any=['Acute viral pharyngitis']), A('date', ref=c['id'], txt='2019')])
add('Dannie Schmitt', 'negation', 'wrong', "No sinus problems on record.", [PAT('Dannie Schmitt')], "Chronic sinusitis (2000) and two viral sinusitis episodes are on the problem list",
    [A('absent', terms=['sinusitis'], narrow=r'sinusitis', kinds=['condition'], exp=False)])
add('Annmarie Doyle', 'negation', 'correct', "Never had a stroke or a heart attack, per the chart.", [PAT('Annmarie Doyle')], "no condition, medication or result mentioning stroke, myocardial infarction, thrombectomy, alteplase or nitroglycerin",
    [A('absent', terms=['stroke', 'cerebrovascular', 'alteplase', 'thrombectomy'], narrow=r'stroke'), A('absent', terms=['myocardial infarction', 'nitroglycerin', 'coronary'], narrow=r'myocardial')])
add('Oswaldo Armstrong', 'negation', 'wrong', "No bone disease, and not on any osteoporosis treatment.", [PAT('Oswaldo Armstrong')], "Osteoporosis (1996) is active and alendronic acid 10 mg is an active prescription",
    [A('absent', terms=['osteoporosis', 'alendron'], narrow=r'osteoporosis|alendron', kinds=['condition', 'medication'], exp=False)])
add('Gale Donnelly', 'negation', 'correct', "No known drug allergies.", [PAT('Gale Donnelly')], "no AllergyIntolerance resources in the bundle", [A('noallergy')])
add("Mathilda O'Keefe", 'negation', 'wrong', "No environmental allergies documented.", [PAT("Mathilda O'Keefe")], "six AllergyIntolerance records, incl. grass pollen, tree pollen, mould and animal dander",
    [A('noallergy', exp=False)])

# ------------------------------------------------------------------------------------------ status
m1 = rec('Thanh Considine', 'medication', 'Simvistatin', '2020-12-05'); m2 = rec('Thanh Considine', 'medication', 'Simvistatin', '2019-12-06')
add('Thanh Considine', 'status', 'correct', "Currently on simvastatin 10 mg (renewed 5 Dec 2020); the December 2019 prescription is marked stopped.", [C('medication', m1['id']), C('medication', m2['id'])],
    "Simvistatin 10 MG authoredOn 2020-12-05 status active; authoredOn 2019-12-06 status stopped",
    [A('drug', ref=m1['id'], name='simvastatin 10 mg'), A('status', ref=m1['id'], s='active', txt='Currently on'), A('date', ref=m1['id'], txt='5 Dec 2020'), A('date', ref=m2['id'], txt='December 2019'),
     A('status', ref=m2['id'], s='stopped', txt='marked stopped')])
m1 = rec('Beatrice Aufderhar', 'medication', 'Galantamine'); m2 = rec('Beatrice Aufderhar', 'medication', 'Memantine')
add('Beatrice Aufderhar', 'status', 'wrong', "Galantamine remained active alongside memantine after 2007.", [C('medication', m1['id']), C('medication', m2['id'])],
    "Galantamine 4 mg (2006-07-02) has status stopped; memantine (2007-05-28) is active",
    [A('drug', ref=m1['id'], name='Galantamine'), A('status', ref=m1['id'], s='active', exp=False, txt='remained active'), A('drug', ref=m2['id'], name='memantine'), A('status', ref=m2['id'], s='active', txt='alongside'),
     A('date', ref=m2['id'], txt='2007')])
c1 = rec('Jules Marks', 'condition', 'Viral sinusitis', '2021-03-30'); c2 = rec('Jules Marks', 'condition', 'Viral sinusitis', '2020-01-14')
add('Jules Marks', 'status', 'correct', "The viral sinusitis that started 30 Mar 2021 is still active, whereas the January 2020 episode resolved.", [C('condition', c1['id']), C('condition', c2['id'])],
    "Viral sinusitis onset 2021-03-30 clinicalStatus active; onset 2020-01-14 resolved (abated 2020-01-28)",
    [A('status', ref=c1['id'], s='active', txt='still active'), A('date', ref=c1['id'], txt='30 Mar 2021'), A('status', ref=c2['id'], s='resolved', txt='resolved'), A('date', ref=c2['id'], txt='January 2020'),
     A('code', ref=c1['id'], any=['Viral sinusitis']), A('code', ref=c2['id'], any=['Viral sinusitis'])])
m1 = rec('Man Schamberger', 'medication', 'oxaliplatin'); m2 = rec('Man Schamberger', 'medication', 'Leucovorin')
add('Man Schamberger', 'status', 'wrong', "Oxaliplatin and leucovorin (both ordered Aug 2000) have since been discontinued.", [C('medication', m1['id']), C('medication', m2['id'])],
    "both MedicationRequests (2000-08-20) have status active, not stopped",
    [A('drug', ref=m1['id'], name='Oxaliplatin'), A('drug', ref=m2['id'], name='leucovorin'), A('date', ref=m1['id'], txt='Aug 2000'), A('date', ref=m2['id'], txt='Aug 2000'),
     A('status', ref=m1['id'], s='stopped', exp=False, txt='discontinued'), A('status', ref=m2['id'], s='stopped', exp=False, txt='discontinued')])
sm = smoke_last('Bryan Breitenberg'); m = rec('Bryan Breitenberg', 'medication', 'Clopidogrel'); c = rec('Bryan Breitenberg', 'condition', 'Stroke')
add('Bryan Breitenberg', 'status', 'correct', "Former smoker; the clopidogrel started at the time of his Sep 2018 stroke is no longer active.", [C('observation', sm['id']), C('medication', m['id']), C('condition', c['id'])],
    f"Tobacco smoking status {rdate(sm)} = Former smoker; Clopidogrel 75 mg authoredOn 2018-09-03 status stopped; Stroke onset 2018-09-03",
    [A('smoke', ref=sm['id'], s='Former smoker'), A('drug', ref=m['id'], name='clopidogrel'), A('status', ref=m['id'], s='stopped', txt='no longer active'), A('date', ref=m['id'], txt='Sep 2018'),
     A('code', ref=c['id'], any=['Stroke']), A('date', ref=c['id'], txt='Sep 2018')])
sm = smoke_last('Andy Schaden'); m = rec('Andy Schaden', 'medication', 'Vitamin B 12')
add('Andy Schaden', 'status', 'wrong', "Never smoker; has been on B12 injections since 1978.", [C('observation', sm['id']), C('medication', m['id'])],
    f"Tobacco smoking status {rdate(sm)} = Former smoker, not never; Vitamin B12 5 mg/mL injection from 1978-06-29 (active) is right",
    [A('smoke', ref=sm['id'], s='Never smoker', exp=False), A('drug', ref=m['id'], name='B12 injections'), A('date', ref=m['id'], txt='1978'), A('status', ref=m['id'], s='active', txt='has been on')])

# ------------------------------------------------------------------------------------------ latest
b = bps(P('Evelyn McCullough'))[-1]
add('Evelyn McCullough', 'latest', 'correct', f"Her last recorded BP, on {b['date']}, was {nf(b['sys'],0)}/{nf(b['dia'],0)}.", [C('observation', b['id'])],
    f"BP panel {b['date']} {b['sys']:.1f}/{b['dia']:.1f} is the last of {len(bps(P('Evelyn McCullough')))}",
    [A('latest', ref=b['id']), A('date', ref=b['id'], txt=b['date']), A('val', ref=f"{b['id']}#{b['si']}", txt=nf(b['sys'], 0)), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(b['dia'], 0))])
o = obs('Vito Feeney', '2857-1', '1973-01-01')
add('Vito Feeney', 'latest', 'wrong', f"Most recent PSA {nf(o['v'],1)} ng/mL (Jan 1973).", [C('observation', o['id'])], "PSA 1973-01-01 is not the latest; the last PSA is 4.52 ng/mL on 1977-11-07",
    [A('latest', ref=o['id'], exp=False), A('val', ref=o['id'], txt=nf(o['v'], 1), unit='ng/mL'), A('date', ref=o['id'], txt='Jan 1973')])
o = obs('Thanh Considine', '2085-9', '2020-12-05')
add('Thanh Considine', 'latest', 'correct', f"Latest HDL on file: {nf(o['v'],0)} mg/dL (5 Dec 2020).", [C('observation', o['id'])], f"HDL {o['v']:.2f} on 2020-12-05 is the last HDL",
    [A('latest', ref=o['id']), A('val', ref=o['id'], txt=nf(o['v'], 0), unit='mg/dL'), A('date', ref=o['id'], txt='5 Dec 2020')])
o = obs('Thanh Considine', '18262-6', '2020-10-27')
add('Thanh Considine', 'latest', 'wrong', f"Most recent LDL was {nf(o['v'],0)} mg/dL (Oct 2020).", [C('observation', o['id'])], "LDL 2020-10-27 is not the latest; a later LDL (93.7 mg/dL) was drawn 2020-12-05",
    [A('latest', ref=o['id'], exp=False), A('val', ref=o['id'], txt=nf(o['v'], 0), unit='mg/dL'), A('date', ref=o['id'], txt='Oct 2020')])
o = series(P('Gale Donnelly'), '29463-7')[-1]
add('Gale Donnelly', 'latest', 'correct', f"At his latest weigh-in ({o['date']}) he was {nf(o['v'],1)} kg.", [C('observation', o['id'])], f"Body Weight {o['v']:.2f} kg on {o['date']} is the last weight",
    [A('latest', ref=o['id']), A('date', ref=o['id'], txt=o['date']), A('val', ref=o['id'], txt=nf(o['v'], 1), unit='kg')])
r = rec('Annmarie Doyle', 'diagnostic-report', 'Lipid Panel', '2017-06-13')
add('Annmarie Doyle', 'latest', 'wrong', "Her last lipid panel was drawn in June 2017.", [C('diagnostic-report', r['id'])], "a later Lipid Panel exists (2020-06-30)",
    [A('latest', ref=r['id'], exp=False), A('date', ref=r['id'], txt='June 2017'), A('code', ref=r['id'], any=['Lipid Panel'])])

# ------------------------------------------------------------------------------------------ swapped
b = bp('Jules Marks', '2013-08-14')
add('Jules Marks', 'swapped', 'correct', f"BP at the 14 Aug 2013 visit: {nf(b['sys'],0)}/{nf(b['dia'],0)} mmHg.", [C('observation', b['id'])], f"systolic {b['sys']:.1f}, diastolic {b['dia']:.1f}",
    [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(b['sys'], 0), unit='mmHg'), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(b['dia'], 0), unit='mmHg'), A('date', ref=b['id'], txt='14 Aug 2013')])
b = bp('Jules Marks', '2020-08-26')
add('Jules Marks', 'swapped', 'wrong', f"BP on 26 Aug 2020 was {nf(b['dia'],0)}/{nf(b['sys'],0)}.", [C('observation', b['id'])], f"systolic {b['sys']:.1f}, diastolic {b['dia']:.1f}; the text swaps them",
    [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(b['dia'], 0), exp=False), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(b['sys'], 0), exp=False), A('date', ref=b['id'], txt='26 Aug 2020')])
a = obs('Vito Feeney', '2857-1', '1971-11-23'); b = obs('Vito Feeney', '2857-1', '1973-01-01')
add('Vito Feeney', 'swapped', 'correct', f"PSA went from {nf(a['v'],2)} ng/mL (Nov 1971) to {nf(b['v'],2)} ng/mL (Jan 1973).", [C('observation', a['id']), C('observation', b['id'])],
    f"PSA {a['v']:.3f} on 1971-11-23, {b['v']:.3f} on 1973-01-01",
    [A('val', ref=a['id'], txt=nf(a['v'], 2), unit='ng/mL'), A('val', ref=b['id'], txt=nf(b['v'], 2), unit='ng/mL'), A('date', ref=a['id'], txt='Nov 1971'), A('date', ref=b['id'], txt='Jan 1973')])
add('Vito Feeney', 'swapped', 'wrong', f"PSA went from {nf(b['v'],2)} ng/mL in Nov 1971 to {nf(a['v'],2)} ng/mL in Jan 1973.", [C('observation', a['id']), C('observation', b['id'])],
    f"PSA was {a['v']:.2f} in Nov 1971 and {b['v']:.2f} in Jan 1973; the years are swapped",
    [A('val', ref=a['id'], txt=nf(b['v'], 2), unit='ng/mL', exp=False), A('val', ref=b['id'], txt=nf(a['v'], 2), unit='ng/mL', exp=False), A('date', ref=a['id'], txt='Nov 1971'),
     A('date', ref=b['id'], txt='Jan 1973')])
l = obs('Thanh Considine', '18262-6', '2018-12-06'); h = obs('Thanh Considine', '2085-9', '2018-12-06')
add('Thanh Considine', 'swapped', 'correct', f"Lipids on 6 Dec 2018: LDL {nf(l['v'],0)}, HDL {nf(h['v'],0)} mg/dL.", [C('observation', l['id']), C('observation', h['id'])],
    f"LDL {l['v']:.1f}, HDL {h['v']:.1f} on 2018-12-06",
    [A('val', ref=l['id'], txt=nf(l['v'], 0)), A('val', ref=h['id'], txt=nf(h['v'], 0), unit='mg/dL'), A('date', ref=l['id'], txt='6 Dec 2018'), A('analyte', ref=l['id'], loinc='18262-6'),
     A('analyte', ref=h['id'], loinc='2085-9')])
add('Thanh Considine', 'swapped', 'wrong', f"Lipids on 6 Dec 2018: LDL {nf(h['v'],0)}, HDL {nf(l['v'],0)} mg/dL.", [C('observation', l['id']), C('observation', h['id'])],
    f"LDL was {l['v']:.1f} and HDL {h['v']:.1f}; the two values are swapped",
    [A('val', ref=l['id'], txt=nf(h['v'], 0), exp=False), A('val', ref=h['id'], txt=nf(l['v'], 0), unit='mg/dL', exp=False), A('date', ref=l['id'], txt='6 Dec 2018'),
     A('analyte', ref=l['id'], loinc='18262-6'), A('analyte', ref=h['id'], loinc='2085-9')])

# ------------------------------------------------------------------------------------------ wrong-citation
o = obs('Beatrice Aufderhar', '10230-1', '2012-06-17'); p = rec('Beatrice Aufderhar', 'procedure', 'echocardiogram')
add('Beatrice Aufderhar', 'wrong-citation', 'correct', f"LVEF {nf(o['v'],0)}% on 17 June 2012.", [C('observation', o['id'])], f"Left ventricular Ejection fraction {o['v']:.2f}% on 2012-06-17",
    [A('analyte', ref=o['id'], loinc='10230-1'), A('val', ref=o['id'], txt=nf(o['v'], 0), unit='%'), A('date', ref=o['id'], txt='17 June 2012')])
add('Beatrice Aufderhar', 'wrong-citation', 'wrong', f"Ejection fraction was {nf(o['v'],0)}% on the 17 June 2012 echo.", [C('procedure', p['id'])],
    "the LVEF value is true (Observation on 2012-06-17) but the cited Procedure (trans thoracic echocardiogram) carries no result value",
    [A('val', ref=p['id'], txt=nf(o['v'], 0), unit='%', exp=False), A('else', loinc='10230-1', txt=nf(o['v'], 0), dtxt='17 June 2012')])
c = rec('Andy Schaden', 'condition', 'Prediabetes'); c2 = rec('Andy Schaden', 'condition', 'Anemia')
add('Andy Schaden', 'wrong-citation', 'correct', "Prediabetes, onset 29 Jun 1978.", [C('condition', c['id'])], "Condition Prediabetes onset 1978-06-29",
    [A('code', ref=c['id'], any=['Prediabetes']), A('date', ref=c['id'], txt='29 Jun 1978')])
add('Andy Schaden', 'wrong-citation', 'wrong', "Onset of prediabetes: 29 Jun 1978.", [C('condition', c2['id'])],
    "the prediabetes onset is true (Condition Prediabetes), but the cited Condition is Anemia (same date)",
    [A('code', ref=c2['id'], any=['Prediabetes'], exp=False), A('date', ref=c2['id'], txt='29 Jun 1978'), A('elsecond', any=['Prediabetes'], txt='29 Jun 1978')])
p = rec('Erin Rempel', 'procedure', 'Knee X-ray'); c = rec('Erin Rempel', 'condition', 'medial collateral'); p2 = rec('Erin Rempel', 'procedure', 'Surgical manipulation')
add('Erin Rempel', 'wrong-citation', 'correct', "Knee X-ray on 29 Nov 2018 for the MCL injury diagnosed that day.", [C('procedure', p['id']), C('condition', c['id'])],
    "Procedure Knee X-ray 2018-11-29; Condition Injury of medial collateral ligament of knee onset 2018-11-29",
    [A('code', ref=p['id'], any=['Knee X-ray']), A('date', ref=p['id'], txt='29 Nov 2018'), A('abbr', ref=c['id'], txt='MCL injury'), A('date', ref=c['id'], txt='29 Nov 2018')])
add('Erin Rempel', 'wrong-citation', 'wrong', "Surgical manipulation of the knee on 6 Dec 2018.", [C('procedure', p['id'])],
    "the manipulation (2018-12-06) is true (its own Procedure record) but the cited record is the Knee X-ray of 2018-11-29",
    [A('code', ref=p['id'], any=['Surgical manipulation'], exp=False), A('date', ref=p['id'], txt='6 Dec 2018', exp=False), A('elseproc', any=['Surgical manipulation'], txt='6 Dec 2018')])

# ------------------------------------------------------------------------------------------ interpretation
o = obs('Beatrice Aufderhar', '10230-1', '2012-06-17')
add('Beatrice Aufderhar', 'interpretation', 'correct', f"Echo LVEF {nf(o['v'],0)}% in June 2012 - in the reduced-EF (HFrEF) range.", [C('observation', o['id'])],
    f"LVEF {o['v']:.2f}% <= 40% = reduced ejection fraction (ACC/AHA HF guideline LVEF categories)",
    [A('val', ref=o['id'], txt=nf(o['v'], 0), unit='%'), A('date', ref=o['id'], txt='June 2012'), A('interp', ref=o['id'], scheme='lvef', cat='reduced')])
b = bp('Jules Marks', '2011-08-03')
add('Jules Marks', 'interpretation', 'wrong', f"BP {nf(b['sys'],0)}/{nf(b['dia'],0)} in Aug 2011 already met stage 1 hypertension criteria.", [C('observation', b['id'])],
    f"{b['sys']:.1f}/{b['dia']:.1f} is normal per ACC/AHA 2017 (<120 and <80), not stage 1",
    [A('val', ref=f"{b['id']}#{b['si']}", txt=nf(b['sys'], 0)), A('val', ref=f"{b['id']}#{b['di']}", txt=nf(b['dia'], 0)), A('date', ref=b['id'], txt='Aug 2011'),
     A('interp', ref=b['id'], scheme='bp', cat='stage1', exp=False)])
o = obs('Evelyn McCullough', '33914-3', '1984-02-13')
add('Evelyn McCullough', 'interpretation', 'correct', f"eGFR {nf(o['v'],0)} in Feb 1984 falls in KDIGO category G3b.", [C('observation', o['id'])],
    f"eGFR {o['v']:.2f} -> G3b (30-44) per KDIGO GFR categories", [A('val', ref=o['id'], txt=nf(o['v'], 0)), A('date', ref=o['id'], txt='Feb 1984'), A('interp', ref=o['id'], scheme='egfr', cat='G3b')])
o = obs('Vito Feeney', '2857-1', '1977-11-07')
add('Vito Feeney', 'interpretation', 'wrong', f"PSA {nf(o['v'],1)} ng/mL in Nov 1977 - within normal limits (<4.0).", [C('observation', o['id'])],
    f"PSA {o['v']:.2f} ng/mL is above the conventional 4.0 ng/mL cut-off, so not normal",
    [A('val', ref=o['id'], txt=nf(o['v'], 1), unit='ng/mL'), A('date', ref=o['id'], txt='Nov 1977'), A('interp', ref=o['id'], scheme='psa', cat='normal', exp=False)])
o = obs('Man Schamberger', '38265-5', '2011-06-05')
add('Man Schamberger', 'interpretation', 'correct', f"DXA T-score {nf(o['v'],1)} in June 2011: normal bone density by WHO criteria.", [C('observation', o['id'])],
    f"T-score {o['v']:.2f} >= -1.0 = normal (WHO densitometric classification)",
    [A('val', ref=o['id'], txt=nf(o['v'], 1)), A('date', ref=o['id'], txt='June 2011'), A('interp', ref=o['id'], scheme='tscore', cat='normal')])
o = obs('Beatrice Aufderhar', '39156-5', '2012-08-05')
add('Beatrice Aufderhar', 'interpretation', 'wrong', f"BMI {nf(o['v'],1)} in August 2012, which is in the obese range.", [C('observation', o['id'])],
    f"BMI {o['v']:.2f} is overweight (25-29.9) per WHO, not obese",
    [A('val', ref=o['id'], txt=nf(o['v'], 1)), A('date', ref=o['id'], txt='August 2012'), A('interp', ref=o['id'], scheme='bmi', cat='obese', exp=False)])
