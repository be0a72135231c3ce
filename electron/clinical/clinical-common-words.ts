/**
 * Everyday English words that state a clinical fact: body parts, sides,
 * symptoms, states of health, kinds of care. They are common enough to be in
 * a general word list (see agent/grounding/plain-words.ts), but a claim that
 * names one ("left knee", "chest pain", "broken arm", "pregnant") says
 * something a record must support, so they are never passed over as plain
 * English.
 */
const WORDS = `
left right both bilateral upper lower inner outer front back side middle central
head face eye eyes ear ears nose mouth lip lips tongue tooth teeth throat neck jaw chin cheek forehead scalp hair
shoulder shoulders arm arms elbow elbows wrist wrists hand hands finger fingers thumb thumbs nail nails
chest breast breasts rib ribs heart lung lungs stomach belly abdomen waist hip hips pelvis groin buttock
leg legs thigh knee knees ankle ankles foot feet toe toes heel calf shin
back spine bone bones joint joints muscle muscles skin blood vein veins artery arteries nerve nerves brain
kidney kidneys liver bladder bowel bowels colon gut womb uterus ovary ovaries prostate testicle testicles gland glands
pain painful ache aches aching sore swelling swollen bleeding bleed bruise bruising burn burns cut cuts wound wounds
broken break fracture fractured sprain sprained strain injury injured fall fell falls trauma accident bite bites
fever cold cough coughing sneeze vomit vomiting sick nausea dizzy dizziness faint fainting tired weak weakness
headache rash itch itching itchy lump lumps spot spots mass tumor tumour growth ulcer infection infected
blind deaf deafness mute lame numb numbness stiff stiffness tremor shaking seizure fit fits stroke attack
cancer heart-attack pregnant pregnancy birth born baby miscarriage abortion delivery labor labour
dead death died alive deceased disabled disability depressed depression anxious anxiety stress stressed
drunk drinking alcohol drug drugs smoke smoking smoker smoked addiction addicted overdose
diet weight fat obese overweight underweight thin heavy tall short height
male female man woman boy girl
positive negative present absent detected abnormal normal high low raised elevated reduced
mild moderate severe serious critical stable unstable worse better improved improving worsening
surgery operation operated transplant transfusion amputation implant injection shot vaccine vaccinated
hospital emergency ambulance admitted discharged clinic ward intensive
daily twice weekly monthly nightly morning evening night bedtime hourly
tablet tablets pill pills capsule capsules patch cream drops spray inhaler
allergy allergic reaction hives
peanut peanuts nut nuts tree egg eggs milk dairy wheat gluten soy fish shellfish shrimp sesame latex dust mite mites pollen grass mold mould dander cat dog bee bees wasp venom sting insect
cast splint brace sling crutches stitches sutures bandage dressing
alone monotherapy
married single divorced widowed pregnant
`;

export const CLINICAL_COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
