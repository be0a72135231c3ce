/**
 * The text the test tokenizer's merges are learned from: clinical prose of
 * the kind Continuum handles, chat turns and compact JSON, so the merges
 * include multi-character tokens like `{"`, `":` and ` patient` that the
 * runtime's constrained decoding and stop sequences must cope with.
 */
export const CORPUS = `
The patient is a 67-year-old woman with type 2 diabetes mellitus, hypertension and chronic kidney disease stage 3.
She reports increased thirst and fatigue over the last three weeks. Her HbA1c was 8.4% in March and 7.9% in June.
Current medications: metformin 500 mg twice daily, lisinopril 10 mg once daily, atorvastatin 20 mg at night.
Allergies: penicillin (rash), sulfonamides (anaphylaxis). No known drug interactions with the current regimen.
Blood pressure 148/92 mmHg, heart rate 78 beats per minute, temperature 36.8 C, oxygen saturation 97% on room air.
Assessment: suboptimal glycaemic control; consider adding an SGLT2 inhibitor given the kidney function and the risk.
Plan: repeat renal function and potassium in two weeks, review the home glucose diary, dietitian referral.
The patient was seen in the clinic on 12 May for a follow-up of her asthma, which has been well controlled.
Observation: creatinine 1.3 mg/dL, eGFR 48 mL/min/1.73m2, potassium 4.6 mmol/L, sodium 139 mmol/L.
What is the most recent HbA1c? The most recent HbA1c is 7.9%, measured in June, down from 8.4% in March.
Which medications interact with warfarin? Aspirin and ibuprofen increase the risk of bleeding with warfarin.
Summarise the visit in one sentence. The patient came for a review of diabetes and blood pressure control.
{"name":"metformin","dose":500,"unit":"mg","frequency":"twice daily","active":true}
{"tool":"search_record","arguments":{"query":"HbA1c","limit":5}}
{"answer":"The most recent HbA1c is 7.9%.","citations":[1,2],"confidence":"high"}
{"type":"observation","code":"4548-4","value":7.9,"unit":"%","date":"2024-06-12"}
{"allergies":["penicillin","sulfonamides"],"problems":["diabetes","hypertension"],"count":2}
{"status":"active","severity":"moderate","onset":"2019","verified":false,"notes":null}
<|im_start|>system
You are a careful clinical assistant. Answer from the record only and cite each fact.<|im_end|>
<|im_start|>user
When was the last blood pressure reading?<|im_end|>
<|im_start|>assistant
The last blood pressure reading was 148/92 mmHg on 12 May.<|im_end|>
Numbers 0 1 2 3 4 5 6 7 8 9 10 12 20 48 100 139 500 2019 2024. Yes, no, true, false, null.
`;
