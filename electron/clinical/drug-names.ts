/**
 * Drug names as clinicians write them, reduced to ingredients: generic names
 * (RxNorm ingredient names, lower case), the US brand names of common
 * primary-care products (RxNorm brand-name concepts, TTY=BN, with the
 * ingredients RxNorm relates them to), and therapeutic classes by their
 * members (WHO ATC index 2024 groups, named as clinicians say them).
 *
 * Sources: RxNorm (U.S. National Library of Medicine; ingredient and brand
 * names are NLM content free of licence restrictions), WHO Collaborating
 * Centre for Drug Statistics Methodology, ATC/DDD Index 2024 (class groups).
 *
 * This is the verifier's view of drug names, on top of the project's drug
 * vocabulary (electron/clinical/drugs), which the checks and OCR use too.
 */
import { drugVocabulary } from './drugs';

/** Generic ingredient names, one per line group; multi-word names as written by RxNorm. */
const INGREDIENTS = `
acetaminophen albuterol alendronate allopurinol alprazolam alteplase amiodarone amitriptyline amlodipine amoxicillin
apixaban aripiprazole aspirin atenolol atorvastatin azithromycin baclofen benazepril budesonide bupropion buprenorphine
buspirone canagliflozin captopril carbamazepine carvedilol cefalexin cephalexin cefuroxime ceftriaxone celecoxib cetirizine
chlorthalidone ciprofloxacin citalopram clavulanate clonazepam clonidine clopidogrel codeine colchicine cyclobenzaprine
dabigatran dapagliflozin desogestrel dexamethasone dextromethorphan diazepam diclofenac digoxin diltiazem diphenhydramine
docetaxel donepezil doxycycline doxylamine drospirenone duloxetine empagliflozin enalapril enoxaparin epinephrine
escitalopram esomeprazole estradiol etonogestrel ezetimibe famotidine fentanyl fexofenadine finasteride fluconazole
fluoxetine fluticasone furosemide gabapentin galantamine glimepiride glipizide glyburide haloperidol heparin
hydralazine hydrochlorothiazide hydrocodone hydrocortisone hydromorphone hydroxychloroquine ibuprofen insulin
ipratropium irbesartan isosorbide ketorolac labetalol lamotrigine lansoprazole leucovorin leuprolide levetiracetam
levofloxacin levonorgestrel levothyroxine lidocaine linagliptin liraglutide lisinopril lithium loratadine lorazepam
losartan lovastatin medroxyprogesterone meloxicam memantine metformin methadone methocarbamol methotrexate
methylphenidate methylprednisolone metoclopramide metolazone metoprolol metronidazole mirtazapine montelukast morphine
naloxone naltrexone naproxen nebivolol nifedipine nitrofurantoin nitroglycerin norethindrone norgestimate nortriptyline
olanzapine olmesartan omeprazole ondansetron oxaliplatin oxybutynin oxycodone pantoprazole paroxetine penicillin
phenytoin pioglitazone potassium pravastatin prednisolone prednisone pregabalin promethazine propranolol quetiapine
ramipril ranitidine risperidone rivaroxaban rosuvastatin salmeterol semaglutide sertraline sildenafil simvastatin
sitagliptin sotalol spironolactone sulfamethoxazole sumatriptan tamsulosin tapentadol temazepam terbinafine tiotropium
tizanidine topiramate torsemide tramadol trazodone triamcinolone trimethoprim valacyclovir valsartan venlafaxine
verapamil warfarin zolpidem cyanocobalamin dienogest risedronate ibandronate zoledronic
`;

/** Ingredients whose RxNorm name is more than one word. */
const MULTI_WORD_LIST = ['insulin human', 'insulin glargine', 'insulin lispro', 'insulin aspart', 'insulin detemir', 'insulin isophane', 'regular insulin', 'ethinyl estradiol', 'clavulanic acid', 'alendronic acid', 'penicillin v', 'vitamin b12', 'vitamin b 12', 'isophane insulin'];
const MULTI_WORD_KEYS: Record<string, string> = { 'insulin isophane': 'insulin human', 'regular insulin': 'insulin human', 'isophane insulin': 'insulin human', 'clavulanic acid': 'clavulanate', 'alendronic acid': 'alendronate', 'penicillin v': 'penicillin', 'vitamin b12': 'cyanocobalamin', 'vitamin b 12': 'cyanocobalamin' };
const MULTI_WORD: ReadonlyArray<[string, string]> = MULTI_WORD_LIST.map((name) => [name, MULTI_WORD_KEYS[name] ?? name]);

/** Salt and form words that follow an ingredient name and do not change what it is. */
export const SALT_WORDS: ReadonlySet<string> = new Set(
  'hydrochloride hcl sodium potassium calcium magnesium succinate tartrate bitartrate acetate sulfate phosphate besylate maleate mesylate citrate fumarate bromide hydrobromide chloride propionate furoate xinafoate dipropionate monohydrate trihydrate anhydrous valerate v g'.split(' '),
);

/** RxNorm brand names (TTY=BN) -> ingredients. */
const BRANDS: Record<string, string[]> = {
  lasix: ['furosemide'],
  zocor: ['simvastatin'],
  lipitor: ['atorvastatin'],
  crestor: ['rosuvastatin'],
  pravachol: ['pravastatin'],
  mevacor: ['lovastatin'],
  glucophage: ['metformin'],
  'glucophage xr': ['metformin'],
  glumetza: ['metformin'],
  fortamet: ['metformin'],
  norvasc: ['amlodipine'],
  toprol: ['metoprolol'],
  'toprol xl': ['metoprolol'],
  'toprol-xl': ['metoprolol'],
  lopressor: ['metoprolol'],
  tenormin: ['atenolol'],
  coreg: ['carvedilol'],
  zestril: ['lisinopril'],
  prinivil: ['lisinopril'],
  vasotec: ['enalapril'],
  altace: ['ramipril'],
  cozaar: ['losartan'],
  diovan: ['valsartan'],
  microzide: ['hydrochlorothiazide'],
  hctz: ['hydrochlorothiazide'],
  aldactone: ['spironolactone'],
  tylenol: ['acetaminophen'],
  paracetamol: ['acetaminophen'],
  apap: ['acetaminophen'],
  panadol: ['acetaminophen'],
  advil: ['ibuprofen'],
  motrin: ['ibuprofen'],
  aleve: ['naproxen'],
  naprosyn: ['naproxen'],
  anaprox: ['naproxen'],
  plavix: ['clopidogrel'],
  coumadin: ['warfarin'],
  jantoven: ['warfarin'],
  eliquis: ['apixaban'],
  xarelto: ['rivaroxaban'],
  pradaxa: ['dabigatran'],
  lovenox: ['enoxaparin'],
  fosamax: ['alendronate'],
  'alendronic acid': ['alendronate'],
  augmentin: ['amoxicillin', 'clavulanate'],
  'co-amoxiclav': ['amoxicillin', 'clavulanate'],
  phenoxymethylpenicillin: ['penicillin'],
  'motrin ib': ['ibuprofen'],
  'advil liqui-gels': ['ibuprofen'],
  coamoxiclav: ['amoxicillin', 'clavulanate'],
  amoxil: ['amoxicillin'],
  amoxycillin: ['amoxicillin'],
  ceftin: ['cefuroxime'],
  keflex: ['cephalexin'],
  zithromax: ['azithromycin'],
  'z-pak': ['azithromycin'],
  cipro: ['ciprofloxacin'],
  levaquin: ['levofloxacin'],
  bactrim: ['sulfamethoxazole', 'trimethoprim'],
  'pen vk': ['penicillin'],
  'pen-vee k': ['penicillin'],
  'pen vee k': ['penicillin'],
  'pen-vee': ['penicillin'],
  veetids: ['penicillin'],
  'penicillin vk': ['penicillin'],
  allegra: ['fexofenadine'],
  claritin: ['loratadine'],
  zyrtec: ['cetirizine'],
  benadryl: ['diphenhydramine'],
  razadyne: ['galantamine'],
  namenda: ['memantine'],
  aricept: ['donepezil'],
  epipen: ['epinephrine'],
  'epi-pen': ['epinephrine'],
  adrenaline: ['epinephrine'],
  ventolin: ['albuterol'],
  proair: ['albuterol'],
  proventil: ['albuterol'],
  salbutamol: ['albuterol'],
  flovent: ['fluticasone'],
  flonase: ['fluticasone'],
  'depo-provera': ['medroxyprogesterone'],
  depo: ['medroxyprogesterone'],
  provera: ['medroxyprogesterone'],
  lupron: ['leuprolide'],
  'lupron depot': ['leuprolide'],
  eligard: ['leuprolide'],
  taxotere: ['docetaxel'],
  eloxatin: ['oxaliplatin'],
  nitrostat: ['nitroglycerin'],
  nitrolingual: ['nitroglycerin'],
  gtn: ['nitroglycerin'],
  vicodin: ['acetaminophen', 'hydrocodone'],
  norco: ['acetaminophen', 'hydrocodone'],
  lortab: ['acetaminophen', 'hydrocodone'],
  percocet: ['acetaminophen', 'oxycodone'],
  endocet: ['acetaminophen', 'oxycodone'],
  oxycontin: ['oxycodone'],
  roxicodone: ['oxycodone'],
  humulin: ['insulin human'],
  'humulin 70/30': ['insulin human'],
  novolin: ['insulin human'],
  lantus: ['insulin glargine'],
  basaglar: ['insulin glargine'],
  levemir: ['insulin detemir'],
  novolog: ['insulin aspart'],
  humalog: ['insulin lispro'],
  activase: ['alteplase'],
  tpa: ['alteplase'],
  'vitamin b12': ['cyanocobalamin'],
  'vitamin b 12': ['cyanocobalamin'],
  'b12': ['cyanocobalamin'],
  levora: ['levonorgestrel', 'ethinyl estradiol'],
  seasonique: ['levonorgestrel', 'ethinyl estradiol'],
  natazia: ['dienogest', 'estradiol'],
  nuvaring: ['etonogestrel', 'ethinyl estradiol'],
  'nyquil': ['acetaminophen', 'dextromethorphan', 'doxylamine'],
  synthroid: ['levothyroxine'],
  levoxyl: ['levothyroxine'],
  prilosec: ['omeprazole'],
  nexium: ['esomeprazole'],
  protonix: ['pantoprazole'],
  pepcid: ['famotidine'],
  zantac: ['ranitidine'],
  zoloft: ['sertraline'],
  prozac: ['fluoxetine'],
  celexa: ['citalopram'],
  lexapro: ['escitalopram'],
  paxil: ['paroxetine'],
  wellbutrin: ['bupropion'],
  cymbalta: ['duloxetine'],
  effexor: ['venlafaxine'],
  desyrel: ['trazodone'],
  ambien: ['zolpidem'],
  xanax: ['alprazolam'],
  ativan: ['lorazepam'],
  valium: ['diazepam'],
  klonopin: ['clonazepam'],
  neurontin: ['gabapentin'],
  lyrica: ['pregabalin'],
  ultram: ['tramadol'],
  flexeril: ['cyclobenzaprine'],
  zofran: ['ondansetron'],
  lanoxin: ['digoxin'],
  cordarone: ['amiodarone'],
  januvia: ['sitagliptin'],
  jardiance: ['empagliflozin'],
  farxiga: ['dapagliflozin'],
  invokana: ['canagliflozin'],
  ozempic: ['semaglutide'],
  victoza: ['liraglutide'],
  actos: ['pioglitazone'],
  glucotrol: ['glipizide'],
  amaryl: ['glimepiride'],
  zetia: ['ezetimibe'],
  flomax: ['tamsulosin'],
  proscar: ['finasteride'],
  viagra: ['sildenafil'],
  singulair: ['montelukast'],
  spiriva: ['tiotropium'],
  advair: ['fluticasone', 'salmeterol'],
  narcan: ['naloxone'],
  suboxone: ['buprenorphine', 'naloxone'],
  keppra: ['levetiracetam'],
  dilantin: ['phenytoin'],
  tegretol: ['carbamazepine'],
  lamictal: ['lamotrigine'],
  topamax: ['topiramate'],
  deltasone: ['prednisone'],
  medrol: ['methylprednisolone'],
};

/** Therapeutic classes (ATC groups, as clinicians name them) -> member ingredients. */
const CLASSES: Record<string, { names: string[]; members: string }> = {
  statin: { names: ['statin', 'statins', 'hmg-coa reductase inhibitor', 'lipid-lowering therapy', 'lipid lowering therapy', 'lipid-lowering drug'], members: 'atorvastatin simvastatin rosuvastatin pravastatin lovastatin' },
  anticoagulant: { names: ['anticoagulant', 'anticoagulants', 'anticoagulation', 'anticoagulated', 'blood thinner', 'blood thinners', 'doac', 'doacs', 'noac', 'noacs'], members: 'warfarin apixaban rivaroxaban dabigatran heparin enoxaparin' },
  antiplatelet: { names: ['antiplatelet', 'antiplatelets', 'antiplatelet agent', 'antiplatelet therapy'], members: 'clopidogrel aspirin' },
  'beta-blocker': { names: ['beta blocker', 'beta-blocker', 'beta blockers', 'beta-blockers', 'bb'], members: 'metoprolol atenolol carvedilol propranolol bisoprolol nebivolol labetalol sotalol' },
  'ace-inhibitor': { names: ['ace inhibitor', 'ace inhibitors', 'ace-i', 'acei', 'acei/arb'], members: 'lisinopril enalapril ramipril benazepril captopril' },
  arb: { names: ['arb', 'arbs', 'angiotensin receptor blocker', 'angiotensin ii receptor blocker'], members: 'losartan valsartan irbesartan olmesartan' },
  'calcium-channel-blocker': { names: ['calcium channel blocker', 'calcium-channel blocker', 'ccb'], members: 'amlodipine diltiazem verapamil nifedipine' },
  diuretic: { names: ['diuretic', 'diuretics', 'water pill', 'water pills'], members: 'hydrochlorothiazide chlorthalidone indapamide chlorothiazide furosemide torsemide bumetanide spironolactone metolazone' },
  thiazide: { names: ['thiazide', 'thiazides', 'thiazide diuretic', 'thiazide diuretics', 'thiazide-type diuretic', 'thiazide-like diuretic', 'thiazide-type', 'thiazide-like'], members: 'hydrochlorothiazide chlorthalidone indapamide chlorothiazide metolazone' },
  'loop-diuretic': { names: ['loop diuretic', 'loop diuretics'], members: 'furosemide torsemide bumetanide' },
  antihypertensive: { names: ['antihypertensive', 'antihypertensives', 'blood pressure medication', 'blood pressure medicine', 'bp medication', 'bp meds'], members: 'lisinopril enalapril ramipril benazepril captopril losartan valsartan irbesartan olmesartan amlodipine diltiazem verapamil nifedipine hydrochlorothiazide chlorthalidone metoprolol atenolol carvedilol propranolol hydralazine clonidine spironolactone furosemide' },
  insulin: { names: ['insulin', 'insulins'], members: 'insulin insulin-human insulin-glargine insulin-lispro insulin-aspart insulin-detemir' },
  'oral-hypoglycemic': { names: ['oral hypoglycemic', 'oral hypoglycemics', 'diabetes medication', 'diabetes medications', 'diabetes meds', 'diabetic medication', 'diabetic meds', 'glucose-lowering medication', 'glucose-lowering meds', 'glucose-lowering drugs', 'glucose lowering medication', 'glucose lowering meds', 'antidiabetic', 'antidiabetics', 'hypoglycemic agents'], members: 'metformin glipizide glyburide glimepiride sitagliptin linagliptin empagliflozin dapagliflozin canagliflozin pioglitazone' },
  opioid: { names: ['opioid', 'opioids', 'opiate', 'opiates', 'narcotic', 'narcotics', 'opioid analgesic'], members: 'hydrocodone oxycodone morphine fentanyl tramadol codeine hydromorphone methadone tapentadol buprenorphine' },
  benzodiazepine: { names: ['benzodiazepine', 'benzodiazepines', 'benzo', 'benzos'], members: 'alprazolam lorazepam diazepam clonazepam temazepam' },
  nsaid: { names: ['nsaid', 'nsaids', 'anti-inflammatory', 'anti-inflammatories', 'non-steroidal anti-inflammatory'], members: 'ibuprofen naproxen diclofenac celecoxib meloxicam ketorolac aspirin' },
  antibiotic: { names: ['antibiotic', 'antibiotics', 'antibacterial', 'antimicrobial'], members: 'amoxicillin clavulanate penicillin cefuroxime cephalexin cefalexin ceftriaxone azithromycin doxycycline ciprofloxacin levofloxacin nitrofurantoin sulfamethoxazole trimethoprim metronidazole' },
  ssri: { names: ['ssri', 'ssris', 'antidepressant', 'antidepressants'], members: 'sertraline fluoxetine citalopram escitalopram paroxetine venlafaxine duloxetine bupropion mirtazapine trazodone amitriptyline nortriptyline' },
  'inhaled-corticosteroid': { names: ['inhaled corticosteroid', 'inhaled steroid', 'ics'], members: 'fluticasone budesonide' },
  'oral-contraceptive': { names: ['oral contraceptive', 'oral contraceptives', 'ocp', 'ocps', 'birth control', 'contraceptive', 'contraception', 'the pill', 'hormonal contraception', 'combined oral contraceptive'], members: 'levonorgestrel ethinyl-estradiol estradiol desogestrel drospirenone norethindrone norgestimate etonogestrel dienogest medroxyprogesterone' },
  antihistamine: { names: ['antihistamine', 'antihistamines'], members: 'fexofenadine loratadine cetirizine diphenhydramine doxylamine promethazine' },
  chemotherapy: { names: ['chemotherapy', 'chemo', 'antineoplastic'], members: 'docetaxel oxaliplatin leucovorin methotrexate' },
  'cholinesterase-inhibitor': { names: ['cholinesterase inhibitor', 'acetylcholinesterase inhibitor', 'dementia medication'], members: 'donepezil galantamine memantine' },
  bronchodilator: { names: ['bronchodilator', 'bronchodilators', 'rescue inhaler', 'saba'], members: 'albuterol ipratropium salmeterol tiotropium' },
  adt: { names: ['adt', 'androgen deprivation therapy', 'androgen deprivation', 'hormone therapy'], members: 'leuprolide' },
  bisphosphonate: { names: ['bisphosphonate', 'bisphosphonates'], members: 'alendronate risedronate ibandronate zoledronic' },
  'thrombolytic': { names: ['thrombolytic', 'thrombolysis', 'tpa'], members: 'alteplase' },
  nitrate: { names: ['nitrate', 'nitrates'], members: 'nitroglycerin isosorbide' },
  analgesic: { names: ['analgesic', 'analgesics', 'painkiller', 'painkillers', 'pain medication', 'pain reliever'], members: 'acetaminophen ibuprofen naproxen aspirin diclofenac celecoxib hydrocodone oxycodone morphine tramadol codeine' },
};

const OWN_GENERICS = [...new Set(INGREDIENTS.split(/\s+/).filter(Boolean))];

/**
 * Every drug name the verifier knows, with the ingredients it stands for:
 * the lists above first (they decide where both name a drug), then the
 * project's drug vocabulary (electron/clinical/drugs: RxNorm ingredients,
 * synonyms and US brand names, with their sources and versions).
 */
export const DRUG_NAMES: ReadonlyArray<readonly [string, readonly string[]]> = (() => {
  const named = new Map<string, readonly string[]>();
  for (const name of OWN_GENERICS) named.set(name, [name]);
  for (const [name, ingredient] of MULTI_WORD) named.set(name, [ingredient]);
  for (const [brand, ingredients] of Object.entries(BRANDS)) named.set(brand, ingredients);
  for (const entry of drugVocabulary().names()) {
    const name = entry.name.toLowerCase();
    if (!named.has(name) && entry.ingredients.length > 0) named.set(name, entry.ingredients.map((i) => i.name.toLowerCase()));
  }
  return [...named.entries()];
})();

/** Single-ingredient generic names, for reading a misspelt drug in a record ("Simvistatin"). */
export const GENERIC_NAMES: readonly string[] = [...new Set([...OWN_GENERICS, ...drugVocabulary().names().filter((e) => e.via === 'ingredient').map((e) => e.name.toLowerCase())])];

export const DRUG_CLASSES: ReadonlyArray<{ id: string; names: readonly string[]; members: ReadonlySet<string> }> = Object.entries(CLASSES).map(([id, c]) => ({
  id,
  names: c.names,
  members: new Set(c.members.split(' ').map((m) => m.replace(/-/g, ' '))),
}));
