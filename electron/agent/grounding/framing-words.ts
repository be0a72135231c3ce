import { foldedWords } from './claim-text';

/**
 * Words that carry no checkable clinical fact: English function words and
 * the framing words of a brief, a note or an answer ("reading", "noted",
 * "documented"). Every other word of a claim is either part of something the
 * parser checks by meaning or must be found in a cited source.
 *
 * Not here, on purpose: negation, status, "latest", direction and
 * interpretation words. They qualify a fact and are checked with it
 * (context-triggers.ts); left over, they are flagged, not ignored.
 */
const WORDS = `
a an the and or but of to in on at by for from with as is are was were be been being has have had having do does did
this that these those it its he she they his her hers their them him himself herself themselves we our us you your i me my
patient patients pt pts mr mrs ms miss dr doctor clinician
also then there here which who whose what when where how so such than too very just only even
per both each every either all any same other another one two three four five six seven eight nine ten
value values result results reading readings level levels measurement measurements measured measure recorded record records
documented document noted note notes chart charted shows showed shown show reveal reveals revealed demonstrates demonstrated
indicates indicated indicate found obtained drawn checked check test tests tested lab labs laboratory panel panels work workup
date dated day days time times year years month months visit visits seen encounter encounters appointment
reported reports report states stated per listed list lists entry entries file on-file documentation
value came come comes went go goes gone get got
being over under upon into onto out about approximately around roughly nearly almost ca circa
mg-equivalent dose doses dosing dosage strength taken take given give
respectively overall total back again came comes since
medication medications rx prescription prescriptions ordered order orders put placed written dispensed issued renewed refilled
included include includes including ever kind empty problem problems issue issues list lists listed
diagnosis diagnoses dx condition conditions regimen course episode bout case
treated managed followed earlier later subsequently afterwards thereafter then next previously
underwent undergone had received administered performed done got given
annual routine rounded exactly precisely essentially roughly
i e g eg ie etc vs versus viz approx approximate estimated history hx dx'd dxd plus top complicated complicating associated secondary
acc aha ada who kdigo ncep atp iii criteria criterion category categories classification threshold thresholds cutoff cut-off cut guideline guidelines definition defined
range ranges reference goal target per by
im iv sc subq sq intramuscular intravenous subcutaneous topical inhaled looks look like seems appears sure fyi reviewed review triage sig comment comments interpretation timeline see saw noted ballpark somewhere shade ish terms seated sitting standing extended-cycle cycle coded w/o w x1 x2 x3 x4 units corresponds correspond corresponding albuminuria dear parent parents daughter son child's pre pre-visit previsit brief summary yes carries carry controller appears appear alongside during across despite anywhere lifelong marked superseded discharged used uses medicine medicines worked work-up workup serum si hovered stayed remained sits sat right lot vit vitamin po by mouth oral route ordered birth newborn neonatal ifcc ngsp dcct notable notably remarkable shortly soon after afterward before long-standing longstanding standing meds med combo type sick ran toddler infant baby child boy girl man woman men women adult stands tall follow follow-up followup draw drawn trend trends q a changed change changes compared comparing comparison social length meets meet class grade therapy treatment consistent s p status post quick brief summary overview note plan noted repeat repeated self self-reported agent chem chemistry chems c handover hand-over referral background pmhx pmh
thank thanks referring relevant findings regards sincerely bloods swab
trend trends trending trajectory
assessment ehr emr epr background summary brief pre-visit previsit handover rec reconciliation sh focused wr gp round ward portal message
`;

export const FRAMING_WORDS: ReadonlySet<string> = new Set(foldedWords(WORDS));
