"""One-off restyling pass: rewrite claim texts in the c_*.py sources into more varied voices
(patient letters, Q/A, pre-visit brief sentences) without changing any asserted fact.
Run once; it edits the sources in place and asserts each old text occurs exactly once."""
import glob, sys
R = {
 # dates
 "Stroke — onset 2018-09-03.": "Pre-visit brief: Mr. Breitenberg's chart records a stroke with onset on 2018-09-03.",
 "Stroke documented 01/28/1985.": "Her chart documents a stroke on 01/28/1985.",
 "Junita sprained her ankle on October 17, 2020.": "Dear parent: our records show Junita sprained her ankle on October 17, 2020.",
 "Localized primary OA of the hand, onset Feb 26 2016.": "Q: When did the hand arthritis start? A: Localized primary osteoarthritis of the hand was recorded with onset Feb 26, 2016.",
 "Acute viral pharyngitis, 10 Sept 2019.": "Your sore throat on 10 Sept 2019 was diagnosed as acute viral pharyngitis.",
 "Tdap was given on Dec 8, 2014.": "Immunization history shows a Tdap dose given on Dec 8, 2014.",
 "Acute bronchitis 5/7/2013.": "Your records show you were treated for acute bronchitis on 5/7/2013.",
 "Chronic sinusitis since Jan 2001.": "Summary: chronic sinusitis has been on her problem list since January 2001.",
 "Forearm fracture on 14 July 2017.": "He fractured his forearm on 14 July 2017.",
 "Diabetes onset July 1962.": "Pre-visit note: diabetes was first diagnosed in July 1962.",
 "Acute bronchitis diagnosed on 4/29/2018.": "Dear parent, Gale was diagnosed with acute bronchitis on 4/29/2018.",
 "Childhood asthma diagnosed 6 Aug 2010.": "Q: When was Mathilda's asthma diagnosed? A: Childhood asthma is recorded from 6 Aug 2010.",
 "Hypertension since June 1988.": "Mr. Considine has carried a diagnosis of hypertension since June 1988.",
 "Alzheimer's disease diagnosed 2 July 2005.": "Her Alzheimer's disease dates to 2 July 2005, per the problem list.",
 # abbreviations
 "HbA1c 6.3% on 2/8/2018.": "Your hemoglobin A1c (HbA1c) on 2/8/2018 was 6.3%.",
 "eGFR 112 mL/min/1.73m2 on 8/26/2020.": "Q: What was Jules' kidney function in Aug 2020? A: His eGFR was 112 mL/min/1.73m2 on 8/26/2020.",
 "HDL-C 78.8 mg/dL in June 2019.": "Her HDL cholesterol (HDL-C) was 78.8 mg/dL when checked in June 2019.",
 "CO2 21.6 mmol/L on 10/8/1984.": "Serum CO2 (bicarbonate) was 21.6 mmol/L on 10/8/1984.",
 "HbA1c 6.8% on 2/8/2018.": "Your HbA1c on 2/8/2018 came back at 6.8%.",
 "HDL 81 mg/dL on 2/14/2019.": "Pre-visit brief: his HDL was 81 mg/dL on 2/14/2019.",
 "PSA 4.5 ng/mL on 9/13/1976.": "The PSA drawn on 9/13/1976 measured 4.5 ng/mL.",
 "T 37.9 °C on 3/1/2015.": "At the 3/1/2015 visit her temperature (T) was 37.9 °C.",
 "LDL-C 78.8 mg/dL in June 2019.": "Her LDL-C was 78.8 mg/dL in June 2019.",
 "BMI 29.2 at the 4/14/2020 physical.": "Your body mass index (BMI) at the 4/14/2020 physical was 29.2.",
 "T1DM complicated by neuropathy.": "Q: What type of diabetes does she have? A: T1DM, complicated by neuropathy.",
 "DBP 102 on 8/26/2020.": "On 8/26/2020 the diastolic (DBP) was 102.",
 # drug names
 "Antihypertensive — Norvasc 5 mg tab.": "Her med list includes Norvasc (amlodipine) 5 mg tablets.",
 "Insulin: Humulin 70/30.": "Her insulin regimen is Humulin 70/30 (NPH/regular).",
 "Pen VK 250 mg for strep throat in March 2016.": "Your strep throat in March 2016 was treated with penicillin VK (Pen VK) 250 mg.",
 "Ceftin 250 mg BID for the Nov 2020 otitis media.": "Dear parent: for Andy's ear infection in Nov 2020 we prescribed Ceftin (cefuroxime) 250 mg twice a day.",
 "Norvasc 10 mg.": "Her med list includes Norvasc (amlodipine) 10 mg tablets.",
 "Statin: Lipitor 20 mg.": "She takes Lipitor 20 mg as her statin.",
 "Zyrtec 30 mg as needed.": "Mathilda uses Zyrtec 30 mg as needed.",
 "Benadryl 50 mg prn.": "Your list shows Benadryl 50 mg to take as needed.",
 "Pen VK 500 mg for strep in 3/2016.": "Your strep throat in March 2016 was treated with Pen VK 500 mg.",
 "Keflex 250 mg BID for the Nov 2020 ear infection.": "Dear parent: for Andy's Nov 2020 ear infection we prescribed Keflex 250 mg twice a day.",
 "Metformin ER 1000 mg daily.": "Metformin ER 1000 mg tablets.",
 "Norco one tab q6h for chronic pain.": "Norco, one tab q6h.",
 "Fosamax 70 mg weekly for osteoporosis.": "Fosamax 70 mg for osteoporosis.",
 "Plavix 300 mg daily since 1999.": "Plavix 300 mg since 1999.",
 # units
 "Weight at the 12/31/2018 check-up was about 140 lb.": "Your weight at the 12/31/2018 check-up was about 140 lb.",
 "Total cholesterol 5.1 mmol/L in April 2012.": "Q: What was his total cholesterol in SI units in April 2012? A: About 5.1 mmol/L.",
 "Weighed 106 lb in March 2012.": "In March 2012 he weighed 106 lb.",
 "Glucose 93 mmol/L on 2/14/2019.": "Your blood sugar on 2/14/2019 was 93 mmol/L.",
 "Total cholesterol 5.9 mmol/L in April 2012.": "Q: What was his total cholesterol in SI units in April 2012? A: About 5.9 mmol/L.",
 # rounding
 "Creatinine ~3.1 mg/dL in Dec 2018.": "His creatinine was roughly 3.1 mg/dL at the December 2018 draw.",
 "Creatinine ~3.7 mg/dL in Dec 2018.": "His creatinine was roughly 3.7 mg/dL at the December 2018 draw.",
 "LDL ~105 on 12/6/2019.": "Your LDL ('bad') cholesterol was about 105 on 12/6/2019.",
 "LDL ~110 mg/dL on 12/6/2019.": "Your LDL cholesterol was about 110 mg/dL on 12/6/2019.",
 "HDL roughly 76 in Feb 2017.": "Her HDL came back at roughly 76 in Feb 2017.",
 "eGFR approximately 154 on 5/3/2016.": "Q: Approximate eGFR on 5/3/2016? A: ~154.",
 "Alk phos ~112 U/L on 12/6/2019.": "Alkaline phosphatase was approximately 112 U/L on 12/6/2019.",
 "Hemoglobin about 14 g/dL in Feb 2020.": "Your hemoglobin was about 14 g/dL in Feb 2020.",
 # trends
 "eGFR improved (went up) from 2014 to 2020.": "His eGFR has improved, going up from 2014 to 2020.",
 "LDL rose from 2012 to 2015.": "Your LDL went up between your 2012 and 2015 checks.",
 "A1c fell from Feb 2012 to Mar 2021.": "Good news: your A1c fell between Feb 2012 and Mar 2021.",
 "BMI trending down since 2012.": "Tyrell's BMI has been trending down since 2012.",
 "Growing well — weight 14.7 kg (7/2011) → 38.4 kg (8/2020).": "Dear parent: Mathilda has been growing well — her weight went from 14.7 kg (7/2011) to 38.4 kg (8/2020).",
 "Hemoglobin rose from 12.7 (May 2015) to 15.3 g/dL (Feb 2021).": "Your hemoglobin has risen since May 2015 (12.7) and was 15.3 g/dL in Feb 2021.",
 # two-facts
 "Former smoker; HDL was 62 mg/dL in Feb 2019.": "He is a former smoker, and his HDL was 62 mg/dL in Feb 2019.",
 "Former smoker; HDL 71 mg/dL in Feb 2019.": "He is a former smoker, and his HDL was 71 mg/dL in Feb 2019.",
 "Hep A vaccine given 2/26/2021; Hgb 15.3 at the same visit.": "At your 2/26/2021 visit you received the hepatitis A vaccine, and your hemoglobin was 15.3.",
 "Hep A vaccine 2/26/2021; Hgb 12.7 at that visit.": "At your 2/26/2021 visit you got the hepatitis A vaccine; your hemoglobin was 12.7.",
 "Osteoporosis diagnosed Dec 1996 and on alendronate 10 mg since.": "Q: Is his osteoporosis treated? A: Yes — diagnosed Dec 1996 and on alendronate 10 mg since then.",
 "Colonoscopies: Nov 2014 and Nov 2018.": "You have had two colonoscopies, in Nov 2014 and Nov 2018.",
 "PCV13 on 6/8/2016, PPSV23 on 6/14/2018.": "Your pneumonia vaccines: PCV13 on 6/8/2016 and PPSV23 on 6/14/2018.",
 # negation
 "No known allergies recorded.": "Allergies: none recorded (NKA).",
 "Not on any anticoagulant.": "Q: Is Junita on any blood thinner? A: No anticoagulant appears anywhere in her chart.",
 "No prescriptions on record.": "You currently have no prescriptions on record with us.",
 "Never had otitis media.": "Per the chart, Tyrell has never had otitis media.",
 "No history of myocardial infarction.": "Pre-visit brief: no history of myocardial infarction is documented.",
 "No history of stroke.": "Pre-visit brief: no history of stroke is documented.",
 "No history of cancer.": "Q: Any cancer history? A: None on record.",
 "Not on any opioid.": "He is not on any opioid medication.",
 "No arthritis.": "You have no arthritis diagnosis on file.",
 "Has never been prescribed antibiotics.": "Dear parent: Andy has never been prescribed antibiotics.",
 "No kidney disease.": "No kidney disease on her problem list.",
 "Not on a statin.": "Q: Is he on statin therapy? A: No.",
 # status
 "Current smoker.": "Pre-visit brief: Mr. Schaden is a current smoker.",
 "Chronic sinusitis — active.": "Her chronic sinusitis is still an active problem.",
 "Chronic sinusitis — resolved.": "Your chronic sinusitis has resolved.",
 "Levora was discontinued.": "Q: Is Monika still on Levora? A: No, it was discontinued.",
 "Metformin ER order: active.": "Metformin ER remains an active order on her medication list.",
 "Otitis media resolved 8/6/2019.": "Dear parent: Gale's ear infection (otitis media) resolved by 8/6/2019.",
 "Naproxen has been stopped.": "Your naproxen prescription has been stopped.",
 # latest
 "Latest weight 15.0 kg.": "Dear parent: Andy's latest weight was 15.0 kg.",
 "Most recent creatinine 1.23 mg/dL.": "Your most recent creatinine was 1.23 mg/dL.",
 "Most recent creatinine 0.98 mg/dL (3/22/2021).": "Your most recent creatinine was 0.98 mg/dL (3/22/2021).",
 "Her last eGFR before she died was 37.7 (10/8/1984).": "Her last eGFR on file was 37.7 (10/8/1984).",
 "Her last eGFR was 58.8.": "Q: What was her final eGFR? A: 58.8.",
 "Latest LDL 70.1 mg/dL.": "Pre-visit summary: his latest LDL was 70.1 mg/dL.",
 "Most recent HDL 78.8 mg/dL (6/26/2019).": "Pre-visit summary: her most recent HDL was 78.8 mg/dL (6/26/2019).",
 # wrong-citation
 "PSA 7.7 ng/mL on 1/1/1973 (cited PSA result).": "PSA was 7.7 ng/mL on 1/1/1973.",
 "Bone density scan on 6/5/2011.": "A bone density scan was done on 6/5/2011.",
 "Osteoporosis dx on 12/3/1996.": "Per the chart, osteoporosis was diagnosed on 12/3/1996.",
 # interpretation
 "Obese (BMI 27.1, Feb 2021).": "Your BMI of 27.1 in Feb 2021 puts you in the obese category.",
 "Triglycerides 147 (3/24/2021) are within the normal range.": "Your triglycerides of 147 (3/24/2021) are within the normal range.",
 "HbA1c 6.4% (Feb 2015) is normal.": "Your HbA1c of 6.4% in Feb 2015 was normal.",
}
files = glob.glob('/work/notes/evalsets/dev3/c_*.py')
src = {f: open(f).read() for f in files}
for old, new in R.items():
    q = '"' + old + '"'
    hits = [f for f in files if src[f].count(q) == 1]
    tot = sum(src[f].count(q) for f in files)
    if tot != 1:
        print('NOT UNIQUE/FOUND', tot, old); continue
    f = hits[0]
    src[f] = src[f].replace(q, '"' + new.replace('"', '\\"') + '"')
for f in files:
    open(f, 'w').write(src[f])
print('done')
