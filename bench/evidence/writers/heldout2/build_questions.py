#!/usr/bin/env python3
"""Source list for the evidence-heldout2 evaluation set.

Each entry: (doc, kind, question, answer_passage).  Ids k01..k80 are assigned in
list order.  Run:  python3 build_questions.py  -> writes questions.jsonl next to
this file.  Then run verify.py.
"""
import json, os

HTN = "vadod-hypertension-primary-care-2014.html"
DM = "vadod-type2-diabetes-primary-care-2017.html"
LIP = "vadod-dyslipidemia-cv-risk-2014.html"
CKD = "vadod-chronic-kidney-disease-primary-care-2014.html"
COPD = "vadod-copd-2014.html"
MDD = "vadod-major-depressive-disorder-2016.html"
OB = "vadod-overweight-obesity-2014.html"
OA = "vadod-hip-knee-osteoarthritis-2014.html"
LBP = "vadod-low-back-pain-2017.html"
VAOP = "vadod-opioid-therapy-chronic-pain-2017.html"
SUD = "vadod-substance-use-disorders-2015.html"
SUI = "vadod-suicide-risk-2013.html"
CDC16 = "cdc-opioids-chronic-pain-2016.html"
CDC22 = "cdc-opioid-prescribing-2022-recommendations.md"
MEC = "cdc-us-mec-contraception-2016.html"
SPR = "cdc-us-spr-contraception-2016.html"
PREP = "cdc-hiv-prep-2014.html"
HEPB = "cdc-hepatitis-b-healthcare-personnel-2013.html"
SCD = "nhlbi-sickle-cell-health-maintenance-2014.html"
DPP = "cpstf-diet-physical-activity-diabetes-prevention-2015.html"
TEAM = "cpstf-team-based-care-blood-pressure-2014.html"
MET = "fda-label-metformin-hydrochloride-tablets.pdf"
ATO = "fda-label-atorvastatin-calcium-tablets.pdf"
WAR = "fda-label-warfarin-sodium-tablets.pdf"

ITEMS = [
    # ---------------- hypertension (VA/DoD 2014)
    (HTN, "recommendation",
     "new dx HTN, which water pill should I start - HCTZ or something else?",
     "To initiate treatment of hypertension with a thiazide-type diuretic, the Work Group suggests the use of chlorthalidone or indapamide over hydrochlorothiazide."),
    (HTN, "dosing",
     "hygroton vs HCTZ mg/day range for high BP",
     "The Work Group recommends a dosage of 12.5-25 mg/day of chlorthalidone, 25-50 mg/day of hydrochlorothiazide, or a dosage of 2.5 mg/day immediate-release or 1.5-2.5 mg/day sustained-release (not currently available in the US) of indapamide."),
    (HTN, "threshold",
     "72 yo systolic 165 no meds yet - at what SBP do I start antihypertensives in older adults?",
     "The Work Group recommends offering pharmacologic treatment for hypertensive patients 60 years and older with a systolic blood pressure ≥160 mmHg."),
    (HTN, "other",
     "can I use calan for BP with Mobitz block or reduced EF?",
     "Verapamil is contraindicated in patients with atrioventricular (AV) node dysfunction (2nd or 3rd degree heart block) and/or systolic heart failure (HF) and decreased left ventricular (LV) function."),
    # ---------------- type 2 diabetes (VA/DoD 2017)
    (DM, "threshold",
     "a1c goal healthy 50 year old, no eye or kidney damage, expected to live decades",
     "The Work Group suggests a target HbA1c range of 6.0% to 7.0% for patients with a life expectancy greater than 10 to 15 years and absent or mild microvascular complications, if it can be safely achieved (see Table 2 in the original guideline document)."),
    (DM, "threshold",
     "sugar target for frail 88yo diabetic with dementia, prognosis under five years",
     "The Work Group suggests a target HbA1c range of 8.0% to 9.0% for patients with type 2 diabetes with life expectancy <5 years, significant comorbid conditions, advanced complications of diabetes, or difficulties in self-management attributable to, e.g., mental status, disability or other factors such as food insecurity and insufficient social support (see Table 2 in the original guideline document)."),
    (DM, "recommendation",
     "how often dilated eye exam in a diabetic whose prior retina checks were all normal?",
     "The Work Group suggests screening for retinopathy at least every other year (biennial screening) for patients who have had no retinopathy on all previous examinations."),
    # ---------------- dyslipidemia (VA/DoD 2014)
    (LIP, "recommendation",
     "statin intensity after MI or stent - high or moderate?",
     "In patients with established ASCVD, the Work Group recommends use of a moderate-dose statin following a discussion of the minimal harms, substantial benefits, and an exploration of the patient's values and preferences."),
    (LIP, "threshold",
     "10-yr risk cutoff to start a statin for primary prevention",
     "The Work Group suggests initiation of a moderate-dose statin for patients with an estimated 10-year CVD risk of 12% or greater."),
    (LIP, "recommendation",
     "do I need to recheck liver enzymes and CK once my patient is on pravastatin 40?",
     "The Work Group recommends against routinely measuring LFTs or CK after a moderate-dose statin is initiated."),
    # ---------------- CKD (VA/DoD 2014)
    (CKD, "threshold",
     "blood pressure goal stage 3 kidney disease",
     "In adult patients with stages 1-4 CKD, the guideline panel recommends that blood pressure targets should be less than 140/90 mmHg."),
    (CKD, "other",
     "glucophage Cr cutoff by sex",
     "Metformin is contraindicated in men with a serum creatinine greater than 1.5 mg/dL and in women with a serum creatinine greater than 1.4 mg/dL."),
    (CKD, "dosing",
     "dietary protein limit in advanced CKD, g per kilo",
     "In patients with stage 3 and 4 CKD, the guideline panel suggests a protein diet of 0.6 to 0.8 g/kg/day as it may slow the decline in glomerular filtration rate (GFR) and progression to end-stage renal disease (ESRD)."),
    (CKD, "recommendation",
     "lisinopril plus losartan together for proteinuric kidney disease?",
     "The guideline panel recommends against the use of combination renin-angiotensin-aldosterone system (RAAS) blockade (ACEI and ARB, or an ACEI or ARB with a direct renin inhibitor) in patients with CKD."),
    (CKD, "recommendation",
     "epo in renal anemia - hgb 10.8, should I start an ESA?",
     "The guideline panel recommends against initiating ESAs at a hemoglobin level greater than 10 g/dL."),
    # ---------------- COPD (VA/DoD 2014)
    (COPD, "dosing",
     "steroid burst for AECOPD: dose & duration",
     "For acute COPD exacerbations, the guideline panel recommends a course of systemic corticosteroids (oral preferred) of 30-40 mg prednisone equivalent daily for 5-7 days."),
    (COPD, "dosing",
     "AECOPD treated at home with doxycycline - length of course?",
     "For outpatients with acute COPD exacerbation who are treated with antibiotics, the guideline panel recommends a five-day course of the chosen antibiotic."),
    (COPD, "recommendation",
     "ok to start flovent by itself as the first maintenance inhaler for emphysema?",
     "The guideline panel recommends against offering an inhaled corticosteroid (ICS) in symptomatic patients with confirmed, stable COPD as a first-line monotherapy."),
    (COPD, "recommendation",
     "is metoprolol safe in a COPD patient who had an MI",
     "The guideline panel suggests not withholding cardio-selective beta-blockers in patients with confirmed COPD who have a cardiovascular indication for beta-blockers."),
    (COPD, "threshold",
     "PFT ratio needed to diagnose chronic obstructive lung disease",
     "The guideline panel recommends that spirometry, demonstrating airflow obstruction (post-bronchodilator forced expiratory volume in one second/forced vital capacity [FEV1/FVC] <70%, with age adjustment for more elderly individuals), be used to confirm all initial diagnoses of COPD."),
    # ---------------- depression (VA/DoD 2016)
    (MDD, "dosing",
     "pt in remission on zoloft - how long to keep going before stopping?",
     "In patients with MDD who achieve remission with antidepressant medication, the Work Group recommends continuation of antidepressants at the therapeutic dose for at least six months to decrease risk of relapse."),
    (MDD, "recommendation",
     "no improvement on max-dose SSRI after a month - when to change or add something",
     "In patients who have demonstrated partial or no response to initial pharmacotherapy monotherapy (maximized) after a minimum of four to six weeks of treatment, the Work Group recommends switching to another monotherapy (medication or psychotherapy) or augmenting with a second medication or psychotherapy."),
    (MDD, "recommendation",
     "ketamine infusion for refractory depression - recommended?",
     "Given the limited information on ketamine's safety and duration of effect, the Work Group recommends against the use of ketamine to treat MDD outside of a research setting."),
    (MDD, "recommendation",
     "mild depression in a 74 year old: talk therapy or antidepressant first?",
     "For older adults (≥65 years) with mild to moderate MDD, the Work Group recommends offering an evidence-based psychotherapy (i.e., ACT, BT/BA, CBT, IPT, MBCT, PST) as a first-line treatment."),
    # ---------------- overweight/obesity (VA/DoD 2014)
    (OB, "threshold",
     "qsymia BMI cutoff",
     "Offer pharmacotherapy with the combination phentermine/topiramate extended-release to patients with a BMI ≥30 kg/m"),
    (OB, "threshold",
     "obesity op referral criteria - BMI if otherwise healthy",
     "Offer bariatric surgery, as an adjunct to comprehensive lifestyle intervention, for weight loss in adult patients with a BMI >40 kg/m"),
    (OB, "dosing",
     "calorie deficit to lose a pound or two weekly",
     "Plan a net deficit of 500 to 1,000 kcal/day addressing both diet and physical activity to achieve a weight loss of 0.5 to 2 pounds per week, resulting in a 5% to 10% reduction in body weight over 6 months."),
    (OB, "recommendation",
     "optifast / 800 kcal liquid diet - how long is it safe to stay on?",
     "Offer very-low-calorie diets for weight loss, but only for short durations (12-16 weeks) and under close medical supervision."),
    # ---------------- hip/knee OA (VA/DoD 2014)
    (OA, "dosing",
     "max tylenol per day for knee arthritis, counting OTC combos",
     "Clinicians should ensure that patients receive no more than four grams of acetaminophen daily from all sources of prescribed and non-prescribed medications."),
    (OA, "recommendation",
     "does glucosamine chondroitin help arthritic knees?",
     "In patients with hip and/or knee OA, clinicians should not prescribe chondroitin sulfate, glucosamine, and/or any combination of the two, to treat joint pain or improve function."),
    (OA, "recommendation",
     "cortisone shot in knee when TKA is scheduled soon - how close to surgery is too close?",
     "In candidates for joint replacement of the hip and/or knee, joint injections should not be given into the involved joint if surgery is anticipated within three months."),
    # ---------------- low back pain (VA/DoD 2017)
    (LBP, "recommendation",
     "medrol dosepak for sciatica?",
     "For patients with acute or chronic low back pain with or without radiculopathy, the Work Group recommends against the use of systemic corticosteroids (oral or intramuscular injection)."),
    (LBP, "recommendation",
     "valium for lumbar spasm",
     "For patients with low back pain, the Work Group recommends against benzodiazepines."),
    (LBP, "recommendation",
     "flexeril for a few days after lifting injury to the lower back?",
     "For patients with acute low back pain or acute exacerbations of chronic low back pain, the Work Group suggests offering a non-benzodiazepine muscle relaxant for short-term use."),
    # ---------------- opioid therapy (VA/DoD 2017)
    (VAOP, "threshold",
     "VA/DoD opioid CPG: ceiling MEDD for chronic non-cancer pain",
     "The Work Group recommends against opioid doses over 90 mg morphine equivalent daily dose for treating chronic pain."),
    (VAOP, "recommendation",
     "26 yo with chronic neck pain asking for ongoing percocet - age a factor?",
     "The Work Group recommends against long-term opioid therapy for patients less than 30 years of age secondary to higher risk of opioid use disorder and overdose."),
    (VAOP, "recommendation",
     "chronic oxycodone plus xanax together - VA guidance",
     "The Work Group recommends against the concurrent use of benzodiazepines and opioids."),
    # ---------------- substance use disorders (VA/DoD 2015)
    (SUD, "recommendation",
     "neurontin for drinking problem when naltrexone and acamprosate failed",
     "For patients with moderate-severe alcohol use disorder for whom first-line pharmacotherapy is contraindicated or ineffective, the Work Group suggests offering gabapentin."),
    (SUD, "recommendation",
     "opiate detox options if suboxone and methadone not possible",
     "For patients with opioid use disorder for whom methadone and buprenorphine are contraindicated, unacceptable, or unavailable, the Work Group recommends offering clonidine as a second-line agent for opioid withdrawal management"),
    # ---------------- suicide risk (VA/DoD 2013)
    (SUI, "other",
     "after psych admission for suicide attempt, how soon should the outpatient visit be?",
     "Patients who are discharged from acute care (hospitalization, Emergency Department) remain at high risk for suicide and should be followed up within seven days of discharge."),
    (SUI, "other",
     "black box SSRI young adults 20 year old monitoring suicidality",
     "Patients ages 18 to 25 who are prescribed an antidepressant are at increased risk for suicidal ideation and warrant increase in the frequency of monitoring of these patients for such behavior."),
    (SUI, "recommendation",
     "should I have my suicidal patient sign a no-harm contract?",
     "Recommend against the use of no-suicide contracts as intervention to prevent future suicide in patients at high acute risk for suicide."),
    (SUI, "recommendation",
     "veteran with SI owns guns - what to counsel about the firearms",
     "For all patients at intermediate to high acute risk of suicide, discuss the possibility of safe storage of firearms with the patient, command, and family"),
    # ---------------- CDC opioids 2016
    (CDC16, "dosing",
     "how many days of norco to give after a tooth extraction or sprain",
     "Three days or less will often be sufficient; more than seven days will rarely be needed"),
    (CDC16, "threshold",
     "2016 CDC MME thresholds for reassessing and avoiding dose increases",
     "Clinicians should use caution when prescribing opioids at any dosage, should carefully reassess evidence of individual benefits and risks when considering increasing dosage to ≥50 morphine milligram equivalents (MME)/day, and should avoid increasing dosage to ≥90 MME/day or carefully justify a decision to titrate dosage to ≥90 MME/day"),
    (CDC16, "other",
     "how often should I get a urine tox screen on my chronic pain patients?",
     "When prescribing opioids for chronic pain, clinicians should use urine drug testing before starting opioid therapy and consider urine drug testing at least annually to assess for prescribed medications as well as other controlled prescription drugs and illicit drugs"),
    # ---------------- CDC opioids 2022
    (CDC22, "recommendation",
     "oxycontin vs short-acting oxycodone when first starting a narcotic (current CDC)",
     "When starting opioid therapy for acute, subacute, or chronic pain, clinicians should prescribe immediate-release opioids instead of extended-release and long-acting (ER/LA) opioids."),
    (CDC22, "recommendation",
     "is detox alone without buprenorphine acceptable for OUD?",
     "Detoxification on its own, without medications for opioid use disorder, is not recommended for opioid use disorder because of increased risks for resuming drug use, overdose, and overdose death."),
    # ---------------- contraception MEC / SPR 2016
    (MEC, "threshold",
     "38 yo on OCPs, pack-a-day smoker - MEC class?",
     "A woman aged ≥35 years who smokes ≥15 cigarettes per day should not use COCs because of unacceptable health risks, primarily the risk for myocardial infarction and stroke (category 4)."),
    (SPR, "dosing",
     "depo provera dose IM vs subq version",
     "Progestin-only injectable contraceptives (depo-medroxyprogesterone acetate [DMPA], 150 mg intramuscularly or 104 mg subcutaneously) are available in the United States"),
    (SPR, "other",
     "46 yo perimenopausal, still having periods - does she still need birth control?",
     "Contraceptive protection is still needed for women aged >44 years if the woman wants to avoid pregnancy."),
    (SPR, "recommendation",
     "unprotected sex 4 days ago, starting contraception today - offer plan B or paragard?",
     "If a woman has had recent (i.e., within the last 5 days) unprotected sexual intercourse, consider offering emergency contraception (either a Cu-IUD or ECPs) if pregnancy is not desired."),
    # ---------------- HIV PrEP 2014
    (PREP, "dosing",
     "which pill and what strength for PrEP",
     "The only medication regimen approved by the U.S. Food and Drug Administration (FDA) and recommended for PrEP with all the populations specified in this guideline is daily TDF 300 mg co-formulated with FTC 200 mg (Truvada)."),
    (PREP, "other",
     "how often to recheck HIV status on truvada",
     "HIV infection should be assessed at least every 3 months while patients are taking PrEP so that those with incident infection do not continue taking it."),
    (PREP, "recommendation",
     "can PrEP be taken just around sex instead of every day?",
     "The prescription of oral PrEP for coitally-timed or other noncontinuous daily use is not recommended."),
    # ---------------- hepatitis B in health-care personnel 2013
    (HEPB, "dosing",
     "minimum spacing between hep B shots when catching up a nurse's series",
     "Minimum dosing intervals are 4 weeks between the first and second dose, 8 weeks between the second and third dose, and 16 weeks between the first and third dose."),
    (HEPB, "other",
     "needlestick seen 10 days later - is HBIG still useful?",
     "The effectiveness of HBIG when administered >7 days after percutaneous, mucosal, or nonintact skin exposures is unknown."),
    (HEPB, "recommendation",
     "HCW stuck by a discarded sharp, origin not identifiable - hep B management",
     "When a source patient is unknown (e.g., as occurs from a puncture with a needle in the trash), the exposed HCP should be managed as if the source patient were HBsAg-positive."),
    # ---------------- sickle cell (NHLBI 2014)
    (SCD, "dosing",
     "pen VK prophylaxis dose for a 2 yo with HbSS",
     "Administer oral penicillin prophylaxis (125 mg for age <3 years and 250 mg for age ≥3 years) twice daily until age 5 in all children with homozygous hemoglobin SS (HbSS)."),
    (SCD, "dosing",
     "pneumovax timing in kids with sickle cell - which ages?",
     "Because of their increased susceptibility to invasive pneumococcal disease, all infants with SCD should receive the complete series of the 13-valent conjugate pneumococcal vaccine series beginning shortly after birth and the 23-valent pneumococcal polysaccharide vaccine at age 2 years, with a second dose at age 5 years."),
    (SCD, "threshold",
     "what temperature should send a sickle cell patient in for urgent evaluation",
     "Remind people with SCD, their families, and caregivers to seek immediate medical attention whenever fever (temperature greater than 101.3°F or 38.5°C) occurs, due to the risk for severe bacterial infections."),
    (SCD, "recommendation",
     "TCD screening in HbSS kids: when to begin, how often, when to end",
     "In children with sickle cell anemia (SCA) screen annually with TCD according to methods employed in the Stroke Prevention Trial (STOP) studies, beginning at age 2 and continuing until at least age 16."),
    # ---------------- Community Preventive Services Task Force
    (DPP, "recommendation",
     "prediabetes - does a structured diet and exercise program actually prevent type 2 DM?",
     "The Task Force recommends combined diet and physical activity promotion programs for persons at increased risk for type 2 diabetes on the basis of strong evidence of effectiveness in reducing new-onset diabetes."),
    (TEAM, "other",
     "nurse or pharmacist on the hypertension care team - which adds more?",
     "There were larger improvements in the proportion of patients achieving blood pressure (BP) control when pharmacists were included in the team, whereas reductions in systolic blood pressure (SBP) and diastolic blood pressure (DBP) were similar to overall estimates when either nurses or pharmacists were part of the team."),
    # ---------------- metformin label
    (MET, "dosing",
     "glucophage initial mg for adults",
     "The recommended starting dose of metformin hydrochloride tablets is 500 mg orally twice a day or 850 mg once a day, given with meals."),
    (MET, "dosing",
     "how high can I titrate metformin IR, and how fast?",
     "Increase the dose in increments of 500 mg weekly or 850 mg every 2 weeks on the basis of glycemic control and tolerability, up to a maximum dose of 2,550 mg per day, given in divided doses."),
    (MET, "dosing",
     "metformin for a 12 year old with T2DM - initial dose",
     "The recommended starting dose of metformin hydrochloride tablets for pediatric patients 10 years of age and older is 500 mg orally twice a day, given with meals."),
    (MET, "threshold",
     "new diabetic with GFR 38 - ok to start metformin?",
     "Initiation of metformin hydrochloride tablets in patients with an eGFR between 30 to 45 mL/minute/1.73 m2 is not recommended."),
    (MET, "other",
     "held metformin for CT with IV dye - when can it be resumed?",
     "Re-evaluate eGFR 48 hours after the imaging procedure; restart metformin hydrochloride tablets if renal function is stable."),
    (MET, "other",
     "metformin in a patient with cirrhosis",
     "Therefore, avoid use of metformin hydrochloride in patients with clinical or laboratory evidence of hepatic disease."),
    # ---------------- atorvastatin label
    (ATO, "dosing",
     "atorvastatin starting dose when LDL needs to drop by about half",
     "Patients who require reduction in LDL-C greater than 45% may be started at 40 mg once daily."),
    (ATO, "dosing",
     "pt on biaxin - max lipitor dose?",
     "In patients taking clarithromycin or itraconazole, do not exceed atorvastatin calcium tablets 20 mg once daily."),
    (ATO, "other",
     "does lipitor need dose reduction for CKD / dialysis?",
     "Renal impairment does not affect the plasma concentrations of atorvastatin calcium tablets, therefore there is no dosage adjustment in patients with renal impairment"),
    (ATO, "other",
     "patient on atorvastatin just found out she's pregnant",
     "Discontinue atorvastatin calcium tablets when pregnancy is recognized."),
    (ATO, "other",
     "lopid and lipitor together? or with cyclosporine after transplant?",
     "Concomitant use of cyclosporine, gemfibrozil, tipranavir plus ritonavir, or glecaprevir plus pibrentasvir with atorvastatin calcium tablets is not recommended."),
    # ---------------- warfarin label
    (WAR, "dosing",
     "coumadin loading dose when genotype unknown",
     "If the patient's CYP2C9 and VKORC1 genotypes are not known, the initial dose of warfarin sodium is usually 2 to 5 mg once daily."),
    (WAR, "dosing",
     "how long to overlap heparin when starting the blood thinner for DVT",
     "To ensure therapeutic anticoagulation, continue full dose heparin therapy and overlap warfarin sodium therapy with heparin for 4 to 5 days"),
    (WAR, "threshold",
     "INR goal for nonvalvular afib on coumadin",
     "In patients with non-valvular AF, anticoagulate with warfarin to target INR of 2.5 (range, 2.0 to 3.0)."),
    (WAR, "threshold",
     "what INR for a St. Jude metal prosthesis replacing the MV",
     "For patients with tilting disk valves and bileaflet mechanical valves in the mitral position, therapy with warfarin to a target INR of 3.0 (range, 2.5 to 3.5) is recommended."),
    (WAR, "other",
     "jantoven in pregnancy - any situation where it's acceptable?",
     "While warfarin sodium is contraindicated during pregnancy, the potential benefits of using warfarin sodium may outweigh the risks for pregnant women with mechanical heart valves at high risk of thromboembolism."),
]


def build():
    out = []
    for i, (doc, kind, q, p) in enumerate(ITEMS, 1):
        out.append({"id": "k%02d" % i, "question": q, "doc": doc,
                    "answer_passage": p, "kind": kind})
    return out


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    rows = build()
    with open(os.path.join(here, "questions.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(rows), Counter(r["kind"] for r in rows))
