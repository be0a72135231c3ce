import { categoryNames } from '../../clinical/interpretation-ranges';
import { PhraseTrie } from './lexicon';

/**
 * The words that qualify what a claim names rather than name it: negation,
 * uncertainty, history, current or stopped status, "the latest", the
 * direction of a change, and an interpretation ("normal", "elevated").
 *
 * Negation and uncertainty follow NegEx and ConText (Chapman WW et al.,
 * "A simple algorithm for identifying negated findings and diseases in
 * discharge summaries", J Biomed Inform 2001;34:301-10; Harkema H et al.,
 * "ConText: an algorithm for determining negation, experiencer, and temporal
 * status from clinical reports", J Biomed Inform 2009;42:839-51): their
 * pre- and post-triggers, pseudo-triggers (phrases that contain a trigger
 * but do not negate, "no change", "not only") and terminations, as the
 * public trigger lists give them, with the additions clinical summaries need
 * for status ("currently taking", "discontinued").
 */
export type TriggerKind =
  | 'negate-before'
  | 'negate-after'
  | 'pseudo'
  | 'terminate'
  | 'possible'
  | 'historical'
  | 'current'
  | 'stopped'
  | 'started'
  | 'resolved'
  | 'latest'
  | 'first'
  | 'up'
  | 'down'
  | 'stable'
  | 'improved'
  | 'worsened'
  | 'normal'
  | 'high'
  | 'low'
  | 'abnormal'
  | 'category'
  | 'evaluative'
  | 'relative-time'
  | 'period-start'
  | 'period-end'
  | 'diagnosed'
  | 'max'
  | 'min'
  | 'monotonic';

export interface Trigger {
  readonly kind: TriggerKind;
}

const LISTS: Record<TriggerKind, string[]> = {
  'negate-before': [
    'no', 'not', 'not yet', 'without', 'denies', 'denied', 'deny', 'denying', 'negative for', 'free of', 'absence of', 'absent', 'never', 'none', 'nor', 'neither',
    'nil', 'no evidence of', 'no history of', 'no hx of', 'no h/o', 'no known', 'no prior', 'no previous', 'no past', 'no record of', 'no documented', 'no documentation of',
    'not on', 'not taking', 'not currently', 'not currently taking', 'not currently on', 'is not', 'was not', 'has not', 'have not', 'had not', 'does not', 'did not', 'do not',
    "isn't", "wasn't", "hasn't", "haven't", "doesn't", "didn't", "don't", 'never had', 'never been', 'never diagnosed with', 'never prescribed', 'no longer has', 'rules out', 'ruled out for',
    'no sign of', 'no signs of', 'no suggestion of', 'no diagnosis of', 'not diagnosed with', 'not known to have', 'not known', 'unremarkable for', 'no active', 'no current',
  ],
  'negate-after': ['not on the problem list', 'is not on the problem list', 'not on his problem list', 'not on her problem list', 'not on the active problem list', 'not listed', 'is not listed', 'absent from the problem list', 'not in the problem list', 'not diagnosed', 'never diagnosed', 'none on record', 'none recorded', 'not on record', 'never done', 'not done', 'never performed', 'never had', 'never given', 'never', 'ruled out', 'was ruled out', 'is ruled out', 'has been ruled out', 'are ruled out', 'not present', 'is absent', 'was absent', 'are absent', 'denied', 'not seen', 'not found', 'not documented', 'not recorded', 'none', 'negative', 'not on file'],
  pseudo: ['significant for', 'notable for', 'remarkable for', 'positive for history of', 'worked up', 'work up', 'work-up', 'worked-up', 'no real change', 'no meaningful change', 'no appreciable change', 'no material change', 'no clinically significant change', 'essentially no change', 'little change', 'not much change', 'no big change', 'falls in', 'falls into', 'falls within', 'falls under', 'fell in', 'fell into', 'fell within', 'falling in', 'falling within', 'lies in', 'lies within', 'sits in', 'sits within', 'no change', 'no significant change', 'no increase', 'no decrease', 'not only', 'not necessarily', 'no further', 'not certain if', 'not certain whether', 'without difficulty', 'not significantly', 'no new', 'not changed', 'no changes'],
  terminate: ['but', 'however', 'although', 'though', 'nevertheless', 'yet', 'except', 'aside from', 'apart from', 'which', 'who', 'whereas', 'while', 'has', 'have', 'is', 'are', 'was', 'were', 'takes', 'reports', 'presents', 'remains', 'with a history of', 'with history of'],
  possible: ['possible', 'possibly', 'probable', 'probably', 'suspected', 'suspect', 'suspicion of', 'likely', 'unlikely', 'may have', 'might have', 'could have', 'may be', 'might be', 'could be', 'question of', 'questionable', 'concern for', 'rule out', 'r/o', 'presumed', 'presumptive', 'cannot be excluded', 'cannot exclude', 'suggestive of'],
  historical: ['previously on', 'formerly on', 's/p', 'status post', 'history of', 'h/o', 'hx of', 'hx', 'past history of', 'past medical history of', 'pmh', 'pmhx', 'previous', 'previously', 'prior', 'former', 'formerly', 'in the past', 'past', 'old', 'remote', 'used to take', 'was on', 'were on', 'was taking', 'had been on', 'had been taking', 'took', 'was prescribed', 'had', 'known'],
  current: ['long-standing', 'longstanding', 'long standing', 'currently', 'current', 'active', 'ongoing', 'presently', 'at present', 'now', 'still', 'continues', 'continuing', 'continues on', 'remains on', 'currently on', 'currently taking', 'taking', 'takes', 'is on', 'on', 'maintained on', 'uses', 'using', 'active problem', 'current medication', 'persistent', 'chronic', 'existing', 'established'],
  stopped: ['stopped', 'discontinued', 'discontinue', 'd/c', "d/c'd", 'dcd', 'ceased', 'taken off', 'off', 'no longer', 'no longer taking', 'no longer on', 'came off', 'taken off', 'completed', 'complete', 'finished', 'ended', 'expired', 'inactive', 'halted', 'withdrawn', 'stopped taking', 'quit'],
  started: ['started', 'start', 'starting', 'initiated', 'commenced', 'began', 'begun', 'begin', 'prescribed', 'added', 'new', 'newly', 'switched to'],
  resolved: ['resolved', 'resolution', 'remission', 'in remission', 'cured', 'healed', 'recovered', 'no longer active', 'abated', 'cleared', 'inactive'],
  latest: ['most up-to-date', 'most up to date', 'up-to-date', 'most current', 'latest available', 'most recent available', 'final', 'final recorded', 'latest', 'last', 'most recent', 'most recently measured', 'most recently recorded', 'most recently', 'recent', 'current', 'newest', 'last recorded', 'last measured', 'latest recorded', 'most recent recorded', 'at last check', 'at the last visit', 'at last visit', 'last known'],
  first: ['first', 'earliest', 'initial', 'baseline', 'first recorded'],
  up: ['drifted up', 'drifting up', 'crept up', 'creeping up', 'edged up', 'edging up', 'ticked up', 'jumped', 'doubled', 'tripled', 'nearly doubled', 'roughly doubled', 'more than doubled', 'shot up', 'rising', 'rose', 'risen', 'rise', 'rises', 'increase', 'increased', 'increasing', 'increases', 'went up', 'gone up', 'going up', 'up', 'climbed', 'climbing', 'climb', 'trended up', 'trending up', 'trend up', 'upward', 'upward trend', 'uptrending', 'higher', 'grew', 'gained', 'gain', 'progressed', 'progressive', 'worsening trend'],
  down: ['drifted down', 'drifting down', 'crept down', 'edged down', 'edging down', 'ticked down', 'dipped', 'dipping', 'halved', 'fell off', 'dropped off', 'came down', 'come down', 'has come down', 'falling', 'fell', 'fallen', 'fall', 'falls', 'decrease', 'decreased', 'decreasing', 'decreases', 'declined', 'declining', 'decline', 'dropped', 'dropping', 'drop', 'went down', 'gone down', 'going down', 'down', 'reduced', 'reduction', 'lowered', 'trended down', 'trending down', 'trend down', 'downward', 'downward trend', 'downtrending', 'lower', 'lost', 'loss', 'came down', 'fell to'],
  stable: ['no real change', 'no meaningful change', 'no appreciable change', 'no material change', 'no clinically significant change', 'essentially no change', 'little change', 'not much change', 'no big change', 'stable', 'unchanged', 'steady', 'flat', 'no change', 'no significant change', 'plateaued', 'held steady', 'holding steady', 'remained stable', 'remained steady', 'remained unchanged', 'stayed stable', 'stayed steady', 'stayed fairly stable', 'fairly stable', 'steady around', 'hovered around', 'constant', 'essentially unchanged', 'little changed', 'about the same', 'no changes', 'not changed', 'roughly the same', 'largely unchanged', 'essentially stable', 'flat-lined', 'stayed the same', 'stayed essentially the same', 'remained the same', 'remained essentially the same', 'essentially the same', 'much the same', 'the same', 'practically unchanged', 'virtually unchanged', 'basically unchanged'],
  improved: ['improved', 'improving', 'improvement', 'better', 'bettered'],
  worsened: ['worsened', 'worsening', 'worse', 'deteriorated', 'deteriorating', 'deterioration'],
  normal: ['within the normal range', 'in the normal range', 'within the reference interval', 'within reference limits', 'normal', 'within normal limits', 'wnl', 'within normal range', 'in the normal range', 'normal range', 'within range', 'in range', 'within the reference range', 'within reference range', 'unremarkable', 'healthy', 'acceptable', 'at goal', 'at target', 'on target', 'controlled', 'well controlled', 'well-controlled', 'reassuring', 'normal for age', 'normal for sex', 'normal for his age', 'normal for her age', 'normal for age and sex', 'normal for a man', 'normal for a woman', 'normal for an adult'],
  high: ['high', 'elevated', 'raised', 'above normal', 'above the normal range', 'above range', 'above the reference range', 'above reference range', 'above goal', 'above target', 'hyperglycemic', 'uncontrolled', 'poorly controlled', 'suboptimal', 'markedly elevated', 'mildly elevated', 'slightly elevated', 'high-normal', 'on the high side'],
  low: ['low', 'reduced', 'decreased', 'below normal', 'below the normal range', 'below range', 'below the reference range', 'below reference range', 'below goal', 'below target', 'hypotensive', 'deficient', 'insufficient', 'impaired', 'moderately reduced', 'moderately decreased', 'borderline low', 'very low', 'hypoglycemic', 'on the low side'],
  category: categoryNames(),
  abnormal: ['abnormal', 'abnormality', 'out of range', 'outside the reference range', 'outside normal limits', 'deranged', 'concerning', 'significant', 'critical', 'alarming'],
  evaluative: ['mild', 'mildly', 'moderate', 'moderately', 'severe', 'severely', 'significant', 'significantly', 'markedly', 'slight', 'slightly', 'minimal', 'substantial', 'substantially', 'dramatic', 'dramatically', 'modest', 'modestly', 'sharp', 'sharply', 'steep', 'steeply', 'rapid', 'rapidly', 'gradual', 'gradually', 'considerable', 'considerably', 'good', 'poor', 'excellent', 'fair', 'adequate', 'appropriate', 'well', 'bad', 'worrying', 'reassuring'],
  'relative-time': ['recently', 'lately', 'today', 'yesterday', 'tomorrow', 'this year', 'last year', 'this month', 'last month', 'last week', 'this week', 'ago', 'years ago', 'months ago', 'weeks ago', 'days ago', 'soon', 'upcoming', 'next year', 'next month'],
  'period-start': ['since', 'from', 'between', 'starting', 'beginning', 'as of', 'onset', 'with onset', 'onset in', 'dating from', 'dating back to', 'effective'],
  'period-end': ['until', 'till', 'to', 'through', 'thru', 'up to', 'ending', 'ended in', 'stopped in', 'resolved in', 'resolved as of', 'resolved by', 'by'],
  max: ['highest', 'the highest', 'highest ever', 'highest recorded', 'highest value', 'highest reading', 'peak', 'peaked', 'peaked at', 'peaking at', 'maximum', 'max', 'a high of', 'reached a high of', 'hit a high of', 'topped out at', 'all-time high', 'record high', 'its highest', 'at its highest'],
  min: ['lowest', 'the lowest', 'lowest ever', 'lowest recorded', 'lowest value', 'lowest reading', 'nadir', 'minimum', 'min', 'a low of', 'reached a low of', 'hit a low of', 'bottomed out at', 'all-time low', 'record low', 'its lowest', 'at its lowest'],
  monotonic: ['at every', 'at each', 'with each', 'with every', 'at every visit', 'at each visit', 'at every measurement', 'at each measurement', 'with each measurement', 'with every measurement', 'at every reading', 'at each reading', 'with each reading', 'with every reading', 'visit after visit', 'reading after reading', 'year after year', 'year on year', 'year over year', 'every time', 'each time', 'monotonically', 'without exception', 'at every check', 'at each check', 'every single', 'each successive'],
  diagnosed: ['diagnosed', 'diagnosed with', 'diagnosed in', 'diagnosis of', 'dx', 'dx of', 'dx with', 'noted', 'identified', 'found to have', 'developed', 'presented with', 'onset of'],
};

let trie: PhraseTrie<Trigger> | null = null;

export function triggerLexicon(): PhraseTrie<Trigger> {
  if (trie) return trie;
  trie = new PhraseTrie<Trigger>();
  for (const [kind, phrases] of Object.entries(LISTS) as Array<[TriggerKind, string[]]>) for (const phrase of phrases) trie.add(phrase, { kind });
  return trie;
}
