import { wordsOf } from './text-facts';

/**
 * Words that carry no checkable clinical fact: English function words and
 * the framing words of a brief or an answer ("since", "latest", "taking").
 * Every other word of a claim must be found in a cited source; so this
 * list is deliberately short, and a clinical term never belongs in it.
 * Direction and range words ("rising", "above") are not here either: the
 * verifier checks those against the cited values (see assertions.ts).
 */
const WORDS = `
a an the and or but of to in on at by for from with without as is are was were be been being has have had
this that these those it its he she they his her their patient patients
no not none any all each every one two three four five six seven eight nine ten
since until before after between during last latest previous prior recent recently current currently new
visit visits seen result results value values measured measurement recorded record records date dated
active ongoing open taking takes took prescribed started starting stopped ended began
problem problems condition conditions diagnosis diagnosed history
medication medications drug drugs
allergy allergies allergic reaction reactions criticality
reference range normal
care plan plans item items goal goals due overdue
since also still now then there here which who whose what when where onset
per about approximately around
`;

export const CONNECTIVE_WORDS: ReadonlySet<string> = new Set(wordsOf(WORDS));

/** Words that assert something about cited values: checked, never merely looked up. */
export const ASSERTION_WORDS: ReadonlySet<string> = new Set(wordsOf('above below within rising falling increased decreased higher lower unchanged stable'));
