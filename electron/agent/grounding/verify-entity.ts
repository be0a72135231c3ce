import { analyteById, SMOKING_STATUS_LOINC } from '../../clinical/analytes';
import { convert } from '../../clinical/units';
import { latestEncounter, latestObservation, type ChartEntry } from '../../store/queries/grounding';
import { cleanDisplay } from './chart-index';
import { dosageFrequency } from './dose-frequency';
import { dateCovers, type ClaimDate } from './claim-dates';
import type { EntityAssertion, EntityConcept } from './claim-parse';
import { foldPhrase, foldedWords } from './claim-text';
import type { SmokingStatus } from './lexicon';
import { problem, type Problem } from './problems';
import type { SourceRecord } from './source-records';
import type { VerifyContext } from './verify-context';
import { text, tolerance } from './verify-measure';

/**
 * A claim about a condition, a drug, an allergy, the smoking status, a
 * procedure, an immunization or a visit, checked against the records it
 * cites (that they are of this thing, its dates, its status) and, when it
 * is negated ("no history of", "not on", "NKDA"), against the whole chart.
 */
export function checkEntity(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  const c = a.concept;
  if (a.possible) {
    return [problem(a.possible, 'unchecked', `${text(ctx, a.possible)} ${text(ctx, a.mention)}: not checked, a possibility is not a fact the record can confirm`)];
  }
  // A negated name that is also a kind of history ("no heart disease"): the whole kind is searched.
  const group = a.mention.concepts.find((x): x is Extract<EntityConcept, { type: 'group' }> => x.type === 'group');
  if (a.negated && group && c.type !== 'group') return negatedGroup(a, group, ctx);
  switch (c.type) {
    case 'group':
      return a.negated ? negatedGroup(a, c, ctx) : presentGroup(a, c, ctx);
    case 'condition':
    case 'record':
      return a.negated ? negatedRecord(a, ctx) : presentRecord(a, ctx);
    case 'drug':
    case 'drug-class':
      return a.negated ? negatedDrug(a, ctx) : presentDrug(a, ctx);
    case 'smoking':
      return smoking(a, ctx);
    case 'no-allergy':
      return noAllergy(a, ctx);
    case 'allergy-word':
      // "Q: any allergies? A: none on file": allergies in the plural, denied, deny every allergy the chart holds.
      if (a.negated) return /allergies/i.test(text(ctx, a.mention)) ? noAllergy(a, ctx) : [];
      return ctx.sources.some((s) => s.kind === 'allergy') || ctx.citesChart ? [] : [problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no allergy record`)];
    case 'encounter':
      return encounter(a, ctx);
    case 'vaccine':
      return vaccine(a, ctx);
  }
}

type Kind = 'condition' | 'medication' | 'allergy' | 'procedure' | 'immunization' | 'care-plan';

function kindOf(c: EntityConcept): Kind {
  if (c.type === 'record') return c.kind;
  if (c.type === 'drug' || c.type === 'drug-class') return 'medication';
  return 'condition';
}

const NAME_NOISE = new Set(['of', 'the', 'a', 'an', 'with', 'and', 'to', 'in', 'due', 'history']);

/** Whether a chart entry or a cited record is what the claim names. */
function names(c: EntityConcept, entry: { id: string; code: string | null; display: string | null }, ingredients?: ReadonlySet<string>, broad = false): boolean {
  if (c.type === 'condition') {
    // A claim names a record as the concept it is coded as; the broader family only counts for a negation.
    if (entry.code && (broad ? c.codes : (c.own ?? c.codes)).has(entry.code)) return true;
    // "T2DM" in "Neuropathy due to type 2 diabetes mellitus", "OA" in "Osteoarthritis of hip".
    return [c.name, ...(c.aliases ?? [])].some((name) => name.length > 3 && containsWords(entry.display, name)) || containsWords(entry.display, c.name);
  }
  if (c.type === 'record') return c.ids.has(entry.id) || containsWords(entry.display, c.name);
  // Every ingredient the claim names must be in the product ("Norco" is not oxycodone with acetaminophen).
  if (c.type === 'drug') return [...c.ingredients].every((i) => [...(ingredients ?? [])].some((r) => sameIngredient(i, r)));
  if (c.type === 'drug-class') return [...(ingredients ?? [])].some((i) => [...c.members].some((m) => sameIngredient(m, i)));
  return false;
}

/** "insulin" names "insulin human"; "insulin glargine" does not name "insulin human". */
function sameIngredient(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a} `) || a.startsWith(`${b} `) && !b.includes(' ');
}

function containsWords(display: string | null, name: string): boolean {
  const have = new Set(foldPhrase(cleanDisplay(display)));
  const want = foldPhrase(name).filter((w) => !NAME_NOISE.has(w));
  return want.length > 0 && want.every((w) => have.has(w));
}

function presentRecord(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  const kind = kindOf(a.concept);
  const cited = ctx.sources.filter((s) => s.kind === kind && names(a.concept, s));
  if (cited.length > 0) return checkDatesAndStatus(a, ctx, cited);
  // The condition a cited prescription, procedure or visit was for ("for CHF", "(acute viral sinusitis)").
  const reasons = new Set(ctx.sources.flatMap((s) => s.reasons));
  const forReason = ctx.chart.entries[kind].filter((e) => (ctx.citesChart || reasons.has(e.id)) && names(a.concept, e));
  if (forReason.length > 0) {
    // The cited prescription names its reason; when the condition began or whether it is active is the condition's record's to say.
    if (ctx.citesChart) return checkDatesAndStatus(a, ctx, forReason.map(asSource));
    return a.status || a.dates.length > 0 ? checkDatesAndStatus(a, ctx, ctx.sources.filter((s) => s.reasons.some((id) => forReason.some((e) => e.id === id)))) : [];
  }
  // A visit's reason, a care plan for it, or an observation that names it in its own words ("biopsy of prostate ... abnormal").
  const naming = ctx.sources.filter((s) => s.kind !== kind && s.kind !== 'patient' && containsAll(s.words, a.concept));
  if (naming.length > 0) return checkDatesAndStatus({ ...a, status: null }, ctx, naming);
  return [problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no ${kind} record of it`)];
}

/** A visit's reason or a report's text that names the condition in its own words (or another name of it). */
function containsAll(words: ReadonlySet<string>, c: EntityConcept): boolean {
  if (c.type !== 'condition' && c.type !== 'record') return false;
  const names = [c.name, ...(c.type === 'condition' ? (c.aliases ?? []).filter((n) => n.length > 3) : [])];
  return names.some((name) => {
    const want = foldPhrase(name).filter((w) => !NAME_NOISE.has(w));
    return want.length > 0 && want.every((w) => words.has(w));
  });
}

function negatedRecord(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  const kind = kindOf(a.concept);
  const onlyActive = a.status?.kind === 'current';
  // A condition is also recorded as the reason for a visit or a care plan ("Encounter for anemia").
  const pool = kind === 'condition' && !onlyActive ? [...ctx.chart.entries.condition, ...ctx.chart.reasons] : ctx.chart.entries[kind];
  const present = pool.filter((e) => names(a.concept, e, undefined, true) && (!onlyActive || isActiveCondition(e)));
  if (present.length === 0) return [];
  const e = present[0]!;
  return [problem({ start: a.negated!.start, end: a.mention.end }, 'negation', `${text(ctx, { start: a.negated!.start, end: a.mention.end })}: the record lists ${cleanDisplay(e.display)}${e.status ? ` (${e.status}` : ' ('}${e.start ? `${e.status ? ', ' : ''}since ${e.start.slice(0, 10)}` : ''})`)];
}

function presentDrug(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  const cited = ctx.sources.filter((s) => s.kind === 'medication' && names(a.concept, s, s.ingredients));
  let records: SourceRecord[] = cited;
  if (cited.length === 0) {
    const fromChart = ctx.citesChart ? ctx.chart.entries.medication.filter((e) => names(a.concept, e, ctx.chart.ingredients.get(e.id))) : [];
    if (fromChart.length === 0) {
      // A drug named in an allergy or a report ("allergic to penicillin") is checked by the words it cites.
      if (ctx.sources.some((s) => s.kind !== 'medication' && s.kind !== 'patient' && hasDrugWords(s, a))) return [];
      return [problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no prescription of it`)];
    }
    records = fromChart.map(asSource);
  }
  const problems = checkDatesAndStatus(a, ctx, records);
  for (const f of a.frequencies) {
    const recorded = records.map((r) => dosageFrequency(r.dosage));
    const ok = f.perDay !== null ? recorded.some((r) => r.perDay !== null && Math.abs(r.perDay - f.perDay!) < 0.01) : recorded.some((r) => r.asNeeded === f.asNeeded);
    if (!ok) {
      const said = recorded.find((r) => r.perDay !== null || r.asNeeded);
      const given = said ? [said.perDay !== null ? `${Number(said.perDay.toFixed(2))} a day` : '', said.asNeeded ? 'as needed' : ''].filter(Boolean).join(', ') : 'no frequency';
      problems.push(problem(f, 'value', `${text(ctx, f)}: the cited prescription gives ${given}`));
    }
  }
  for (const s of a.strengths) {
    const perDose = (u: string) => u.replace(/\/\{actuat\}$/, '');
    const ok = records.some((r) => r.numbers.some((n) => {
      const value = s.unit && n.ucum ? convert(n.value, perDose(n.ucum), perDose(s.unit.ucum)) : n.value;
      return value !== null && Math.abs(value - s.number.value) <= tolerance(s.number);
    }));
    if (!ok) problems.push(problem({ start: s.number.start, end: s.unit?.end ?? s.number.end }, 'value', `${text(ctx, { start: s.number.start, end: s.unit?.end ?? s.number.end })}: not the strength of the cited ${records.map((r) => r.display).slice(0, 2).join('; ')}`));
  }
  return problems;
}

function hasDrugWords(s: SourceRecord, a: EntityAssertion): boolean {
  return a.concept.type === 'drug' && [...a.concept.ingredients].some((i) => s.words.has(i));
}

function negatedDrug(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  // "not on X", "not taking X", "no longer on X" speak of now; "no X", "never prescribed X", "no record of X" of the whole record.
  const negation = text(ctx, a.negated!).toLowerCase();
  // "never been on X", "never taken X": not at any time, whatever "on" says.
  // "none on the medication list", "not in the medication history": nowhere in the list, whatever its status.
  const listed = /\b(?:none|not|no)\b[^.;]{0,20}\b(?:on|in)\s+(?:the|his|her|their)?\s*(?:medication|med|drug)\s+(?:list|history|record)\b/i.test(ctx.text);
  const now = !listed && !/\bnever\b/.test(negation) && (/\b(?:on|taking|currently|current|active|longer|off)\b/.test(negation) || a.status?.kind === 'current');
  const ever = !now;
  const present = ctx.chart.entries.medication.filter((e) => names(a.concept, e, ctx.chart.ingredients.get(e.id)) && (ever || isActiveMedication(e)));
  if (present.length === 0) return [];
  const e = present[0]!;
  return [problem({ start: a.negated!.start, end: a.mention.end }, 'negation', `${text(ctx, { start: a.negated!.start, end: a.mention.end })}: the record lists ${e.display} (${e.status ?? 'status unknown'}${e.start ? `, since ${e.start.slice(0, 10)}` : ''})`)];
}

function checkDatesAndStatus(a: EntityAssertion, ctx: VerifyContext, records: readonly SourceRecord[]): Problem[] {
  const problems: Problem[] = [];
  // Each date must fit a record; the status is judged on the records the dates point at ("the 2019 prescription").
  let fitting = records;
  for (const { date, role } of a.dates) {
    const ok = records.filter((r) => datesFit(r, date, role));
    if (ok.length === 0) {
      const field = role === 'end' ? 'end' : role === 'start' ? (r0(records)?.kind === 'condition' ? 'onset' : 'start') : 'date';
      const have = records.map((r) => (role === 'end' ? r.end : r.start)?.slice(0, 10) ?? 'none').slice(0, 3).join(', ');
      problems.push(problem(date, 'date', `${text(ctx, date)}: the cited record's ${field} is ${have}`));
    } else if (a.dates.length === 1) fitting = ok;
  }
  if (a.status) {
    const wanted = a.status.kind;
    // "both orders are active", "all three": every record the claim speaks of; "stopped" of a drug with
    // several orders, all of them (one still active means the patient is on it).
    const every = /\b(?:both|all|each|every)\b/i.test(ctx.text) || ((wanted === 'stopped' || wanted === 'resolved') && a.dates.length === 0);
    const ok = every ? fitting.every((r) => statusHolds(r, wanted)) : fitting.some((r) => statusHolds(r, wanted));
    if (!ok) {
      const r = fitting[0]!;
      problems.push(problem(a.status.hit, 'status', `${text(ctx, a.status.hit)}: the cited ${r.kind} is ${r.status ?? 'of unknown status'}${r.end ? `, ended ${r.end.slice(0, 10)}` : ''}`));
    }
  }
  if (a.latest) {
    const kind = records[0]?.kind;
    // "the most recent new problem was X", "newest Rx: Y": the latest of all the chart's conditions or prescriptions, not only of X.
    const ofKind = !/^(?:current|currently|now|active)$/i.test(text(ctx, a.latest)) && /^\s*(?:new\s+|newly\s+|documented\s+|recorded\s+)?(?:problem|diagnos[ie]s|condition|rx|medication|prescription|order|drug|med|script)s?\b/i.test(ctx.text.slice(a.latest.end));
    const chartList = kind === 'condition' || kind === 'medication' || kind === 'procedure' || kind === 'immunization' ? ctx.chart.entries[kind].filter((e) => (ofKind || names(a.concept, e, ctx.chart.ingredients.get(e.id))) && (!e.start || e.start <= ctx.asOf)) : [];
    const latest = chartList.reduce<ChartEntry | null>((best, e) => (e.start && (!best?.start || e.start > best.start) ? e : best), null);
    const day = (at: string | null | undefined) => at?.slice(0, 10) ?? '';
    const citedDay = fitting.map((r) => day(r.start)).sort().pop() ?? '';
    if (ofKind && latest && day(latest.start) > citedDay) {
      problems.push(problem(a.latest, 'latest', `${text(ctx, a.latest)}: the latest ${kind} is ${latest.display} of ${day(latest.start)}`));
    } else if (!ofKind && latest && !fitting.some((r) => r.id === latest.id)) {
      problems.push(problem(a.latest, 'latest', `${text(ctx, a.latest)}: the latest is ${latest.display} of ${latest.start?.slice(0, 10)}`));
    }
  }
  return problems;
}

function r0(records: readonly SourceRecord[]): SourceRecord | undefined {
  return records[0];
}

function datesFit(r: SourceRecord, date: ClaimDate, role: 'start' | 'end' | 'any'): boolean {
  if (role === 'start') return dateCovers(date, r.start) || (r.kind === 'encounter' && dateCovers(date, r.start));
  if (role === 'end') return dateCovers(date, r.end);
  return dateCovers(date, r.start) || dateCovers(date, r.end) || r.days.some((d) => dateCovers(date, d));
}

function statusHolds(r: SourceRecord, wanted: 'current' | 'historical' | 'stopped' | 'resolved' | 'started'): boolean {
  const status = (r.status ?? '').toLowerCase();
  const ended = r.end !== null || ['stopped', 'completed', 'cancelled', 'entered-in-error', 'resolved', 'inactive', 'remission'].includes(status);
  switch (wanted) {
    case 'current':
      return !ended && ['', 'active', 'recurrence', 'relapse', 'on-hold', 'intended'].includes(status);
    case 'stopped':
    case 'resolved':
      return ended;
    case 'historical':
    case 'started':
      return true;
  }
}

function isActiveCondition(e: ChartEntry): boolean {
  return !e.end && ['active', 'recurrence', 'relapse', null].includes(e.status);
}

function isActiveMedication(e: ChartEntry): boolean {
  return !e.end && (e.status === 'active' || e.status === null);
}

function asSource(e: ChartEntry & { kind?: string }): SourceRecord {
  return {
    citation: { kind: 'record', record: 'patient', id: e.id },
    kind: 'condition',
    id: e.id,
    code: e.code,
    display: e.display ?? '',
    words: new Set(foldedWords(e.display ?? '')),
    numbers: [],
    days: [e.start, e.end].filter((d): d is string => d !== null).map((d) => d.slice(0, 10)),
    start: e.start,
    end: e.end,
    status: e.status,
    category: e.category ?? null,
    visitClass: null,
    measurement: null,
    components: [],
    ingredients: new Set(),
    dosage: null,
    reasons: [],
    instructions: false,
  };
}

const SMOKING_OF: Array<[RegExp, SmokingStatus]> = [
  [/never/i, 'never'],
  [/former|ex-?smoker|quit/i, 'former'],
  [/current|every day|some day|daily|heavy|light|smoker/i, 'current'],
];

function smoking(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  const c = a.concept as Extract<EntityConcept, { type: 'smoking' }>;
  let records = ctx.sources.filter((s) => s.measurement && SMOKING_STATUS_LOINC.includes(s.measurement.code ?? '') && s.measurement.text);
  if (records.length === 0 || a.latest || a.status?.kind === 'current') {
    const latest = latestObservation(ctx.db, ctx.patientId, SMOKING_STATUS_LOINC, ctx.asOf);
    if (latest && (ctx.citesChart || records.some((r) => r.id === latest.id) || (records.length > 0 && !a.dates.length))) {
      const cited = records.find((r) => r.id === latest.id);
      if (!cited && records.length > 0 && (a.latest || a.status?.kind === 'current' || c.status === 'current')) {
        const statusNow = statusOfText(latest.text);
        if (statusNow && !smokingMatches(claimed(a, c), statusNow)) {
          return [problem(a.mention, 'latest', `${text(ctx, a.mention)}: the latest smoking status (${latest.at?.slice(0, 10)}) is "${latest.text}"`)];
        }
        // "the last smoking status" citing an older screen, even one with the same answer: the latest must be what is cited.
        if (a.latest && latest.at?.slice(0, 10) !== records.map((r) => r.measurement?.at?.slice(0, 10)).sort().pop()) {
          return [problem(a.latest, 'latest', `${text(ctx, a.latest)}: the latest smoking status is of ${latest.at?.slice(0, 10)} ("${latest.text}"), not cited`)];
        }
      }
      if (records.length === 0) records = [{ ...(asSource({ id: latest.id, code: latest.code, display: latest.text, status: null, start: latest.at, end: null })), measurement: { analyte: null, code: latest.code, value: null, ucum: null, text: latest.text, low: null, high: null, at: latest.at } }];
    }
  }
  if (records.length === 0) return [problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no smoking status record`)];
  for (const { date } of a.dates) {
    const onDate = records.filter((r) => dateCovers(date, r.measurement?.at ?? null));
    if (onDate.length === 0) return [problem(date, 'date', `${text(ctx, date)}: the cited smoking status is of ${records.map((r) => r.measurement?.at?.slice(0, 10)).slice(0, 3).join(', ')}`)];
    records = onDate;
  }
  // "latest smoking status (2019-04-09): never smoker": the date given must be the latest screen's.
  if (a.latest && a.dates.length > 0) {
    const latest = latestObservation(ctx.db, ctx.patientId, SMOKING_STATUS_LOINC, ctx.asOf);
    if (latest && !records.some((r) => r.id === latest.id) && !a.dates.some(({ date }) => dateCovers(date, latest.at))) {
      return [problem(a.latest, 'latest', `${text(ctx, a.latest)}: the latest smoking status is of ${latest.at?.slice(0, 10)} ("${latest.text}")`)];
    }
  }
  const want = claimed(a, c);
  const fits = records.some((r) => {
    const status = statusOfText(r.measurement?.text ?? null);
    return status !== null && smokingMatches(want, status);
  });
  if (fits) return [];
  const shown = records.map((r) => `"${r.measurement?.text}" (${r.measurement?.at?.slice(0, 10)})`).slice(0, 2).join(', ');
  return [problem(a.negated ? { start: a.negated.start, end: a.mention.end } : a.mention, 'status', `${text(ctx, a.negated ? { start: a.negated.start, end: a.mention.end } : a.mention)}: the cited smoking status is ${shown}`)];
}

function claimed(a: EntityAssertion, c: Extract<EntityConcept, { type: 'smoking' }>): SmokingStatus {
  // "past tobacco use", "smoked previously": a smoker once, not now.
  const past = a.status?.kind === 'historical' || a.status?.kind === 'stopped';
  if (!a.negated) return past && c.status === 'current' ? 'former' : c.status;
  // "not a current smoker" / "does not smoke": never or former; "never smoker" negated makes no plain sense: keep it.
  return c.status === 'current' ? 'non' : c.status === 'non' ? 'current' : c.status;
}

function statusOfText(value: string | null): SmokingStatus | null {
  if (!value) return null;
  return SMOKING_OF.find(([re]) => re.test(value))?.[1] ?? null;
}

function smokingMatches(want: SmokingStatus, have: SmokingStatus): boolean {
  if (want === 'non') return have === 'never' || have === 'former';
  return want === have;
}

// "No known allergy" codes recorded as AllergyIntolerance (SNOMED CT): a statement of none, not an allergy.
const NO_KNOWN_ALLERGY_CODES = new Set(['409137002', '716186003', '428607008', '429625007', '1003774007', '1003775008']);

function noAllergy(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  const scope = a.concept.type === 'no-allergy' ? a.concept.scope : 'any';
  const present = ctx.chart.entries.allergy.filter(
    (e) => !(e.code && NO_KNOWN_ALLERGY_CODES.has(e.code)) && e.status !== 'resolved' && e.status !== 'inactive' && (scope === 'any' || allergyScope(e) === scope),
  );
  if (present.length === 0) return [];
  return [problem(a.mention, 'negation', `${text(ctx, a.mention)}: the record lists ${present.map((e) => e.display).slice(0, 3).join(', ')}`)];
}

type Group = Extract<EntityConcept, { type: 'group' }>;

function groupEntries(g: Group, ctx: VerifyContext): ChartEntry[] {
  const lists = g.kinds.map((k) => (k === 'reason' ? ctx.chart.reasons : ctx.chart.entries[k]));
  return lists.flat().filter((e) => g.pattern === null || g.pattern.test(e.display ?? ''));
}

function negatedGroup(a: EntityAssertion, g: Group, ctx: VerifyContext): Problem[] {
  const span = { start: a.negated!.start, end: a.mention.end };
  const modifiers = (a.modifiers ?? []).filter((w) => !NEGATION_FILLER.has(w));
  const found = groupEntries(g, ctx).find((e) => modifiers.every((w) => foldedWords(e.display ?? '').some((x) => x === w || (w.length >= 4 && x.startsWith(w)))));
  if (found) return [problem(span, 'negation', `${text(ctx, span)}: the record lists ${cleanDisplay(found.display)}${found.start ? ` (${found.start.slice(0, 10)})` : ''}`)];
  for (const id of g.analytes ?? []) {
    const seen = latestObservation(ctx.db, ctx.patientId, analyteById(id).loinc);
    if (seen) return [problem(span, 'negation', `${text(ctx, span)}: the record has a ${analyteById(id).short} result of ${seen.at?.slice(0, 10)}`)];
  }
  return [];
}

// Words of a negation that say nothing about what is denied ("no known", "no prior").
const NEGATION_FILLER = new Set(['known', 'prior', 'previous', 'past', 'documented', 'recorded', 'any', 'personal', 'major', 'significant', 'real', 'other']);

function presentGroup(a: EntityAssertion, g: Group, ctx: VerifyContext): Problem[] {
  // A cited visit or care plan whose recorded reason names the group ("admitted for acute kidney injury").
  const reasonIds = new Set(g.kinds.includes('reason') ? groupEntries({ ...g, kinds: ['reason'] }, ctx).map((e) => e.id) : []);
  const records = ctx.sources.filter(
    (s) =>
      ((g.kinds as readonly string[]).includes(s.kind) && (g.pattern === null || g.pattern.test(s.display))) ||
      ((s.kind === 'encounter' || s.kind === 'care-plan') && reasonIds.has(s.id)) ||
      (s.measurement?.analyte && g.analytes?.includes(s.measurement.analyte.id)) ||
      (s.kind === 'diagnostic-report' && g.report !== undefined && g.report.test(s.display)),
  );
  if (records.length === 0 && !(ctx.citesChart && groupEntries(g, ctx).length > 0)) return [problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no record of it`)];
  const problems = records.length > 0 ? checkDatesAndStatus({ ...a, latest: null }, ctx, records) : [];
  if (a.latest) problems.push(...latestOfGroup(a, g, ctx, records));
  return problems;
}

/** "the last lipid panel": the cited one must be the latest of its kind in the chart. */
function latestOfGroup(a: EntityAssertion, g: Group, ctx: VerifyContext, records: readonly SourceRecord[]): Problem[] {
  let latest: { id: string; at: string | null } | null = null;
  for (const id of g.analytes ?? []) {
    const seen = latestObservation(ctx.db, ctx.patientId, analyteById(id).loinc, ctx.asOf);
    if (seen && (!latest || (seen.at ?? '') > (latest.at ?? ''))) latest = { id: seen.id, at: seen.at };
  }
  for (const e of groupEntries(g, ctx)) if (e.start && (!latest || e.start > (latest.at ?? ''))) latest = { id: e.id, at: e.start };
  if (!latest?.at) return [];
  const citedDays = records.map((r) => (r.start ?? r.measurement?.at ?? '').slice(0, 10));
  return citedDays.includes(latest.at.slice(0, 10)) ? [] : [problem(a.latest!, 'latest', `${text(ctx, a.latest!)}: the latest is of ${latest.at.slice(0, 10)}`)];
}

const FOOD = /\b(?:wheat|gluten|peanut|nut|nuts|milk|lactose|egg|eggs|shellfish|shrimp|fish|soy|sesame|corn|strawberr|food)\b/i;
const ENVIRONMENT = /\b(?:pollen|grass|tree|mould|mold|dander|dust|mite|latex|venom|bee|wasp|insect|cat|dog|animal|ragweed|environmental)\b/i;

/**
 * What an allergy is to. Synthea files every allergy (bee venom, pollen,
 * dander) under category "food", so the recorded category is trusted only
 * where the allergen's name does not say otherwise.
 */
function allergyScope(e: ChartEntry): string {
  const display = e.display ?? '';
  if (ENVIRONMENT.test(display)) return 'environment';
  if (FOOD.test(display)) return 'food';
  if (ingredientsOfAllergen(display)) return 'medication';
  return e.category ?? 'medication';
}

function ingredientsOfAllergen(display: string): boolean {
  return /\b(?:penicillin|sulfa|sulfonamide|aspirin|nsaid|ibuprofen|codeine|morphine|cephalosporin|amoxicillin|drug|medication)\b/i.test(display);
}

function vaccine(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  const c = a.concept as Extract<EntityConcept, { type: 'vaccine' }>;
  const all = ctx.chart.entries.immunization.filter((e) => c.pattern.test(e.display ?? ''));
  if (a.negated) {
    if (all.length === 0) return [];
    const last = all[all.length - 1]!;
    return [problem({ start: a.negated.start, end: a.mention.end }, 'negation', `${text(ctx, { start: a.negated.start, end: a.mention.end })}: the record lists ${last.display} on ${last.start?.slice(0, 10)}`)];
  }
  const cited = ctx.sources.filter((s) => s.kind === 'immunization' && c.pattern.test(s.display));
  const records = cited.length > 0 ? cited : ctx.citesChart ? all.map(asSource) : [];
  if (records.length === 0) return [problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no immunization record of it`)];
  const problems = checkDatesAndStatus({ ...a, latest: null }, ctx, records);
  if (a.latest) {
    const latest = all.reduce<ChartEntry | null>((best, e) => (e.start && (!best?.start || e.start > best.start) ? e : best), null);
    if (latest && !records.some((r) => r.id === latest.id)) problems.push(problem(a.latest, 'latest', `${text(ctx, a.latest)}: the latest is of ${latest.start?.slice(0, 10)}`));
  }
  return problems;
}

function encounter(a: EntityAssertion, ctx: VerifyContext): Problem[] {
  const c = a.concept as Extract<EntityConcept, { type: 'encounter' }>;
  const cited = ctx.sources.filter((s) => s.kind === 'encounter');
  const problems: Problem[] = [];
  if (a.latest) {
    const latest = latestEncounter(ctx.db, ctx.patientId, ctx.asOf);
    if (latest && !cited.some((s) => s.id === latest.id) && !ctx.citesChart) {
      problems.push(problem(a.latest, 'latest', `${text(ctx, a.latest)} ${text(ctx, a.mention)}: the latest visit is of ${latest.at.slice(0, 10)} (${latest.display ?? 'encounter'}), not cited`));
    }
    for (const { date } of a.dates) if (latest && !dateCovers(date, latest.at)) problems.push(problem(date, 'latest', `${text(ctx, date)}: the latest visit is of ${latest.at.slice(0, 10)}`));
    return problems;
  }
  if (a.negated) {
    if (!c.classes) return [problem(a.mention, 'unchecked', `${text(ctx, a.negated)} ${text(ctx, a.mention)}: not checked against the whole record`)];
    const seen = ctx.chart.entries.encounter.find((e) => c.classes!.includes((e.category ?? '').toUpperCase()) || (c.classes!.includes('EMER') && /emergency/i.test(e.display ?? '')));
    return seen ? [problem({ start: a.negated.start, end: a.mention.end }, 'negation', `${text(ctx, { start: a.negated.start, end: a.mention.end })}: the record lists ${seen.display} on ${seen.start?.slice(0, 10)}`)] : [];
  }
  // An office visit, a check-up, a follow-up: words about when a cited result was taken, not claims of their own.
  if (!c.classes || c.classes.every((k) => k === 'AMB')) {
    if (cited.length === 0) return [];
  } else if (cited.length === 0) {
    // "in the ED", "admitted": the visit is a record of its own, to be cited; an admission procedure says so too.
    const cites = ctx.sources.some((s) => (s.words.has('admission') && c.classes!.includes('IMP')) || (s.kind === 'procedure' && s.words.has('emergency') && c.classes!.includes('EMER')));
    return cites ? [] : [problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no ${c.classes.includes('EMER') ? 'emergency' : 'inpatient'} encounter`)];
  }
  // "Emergency room admission (procedure)": the cited visit's own name, whatever its class.
  const ownName = cited.some((s) => foldPhrase(text(ctx, a.mention)).every((w) => s.words.has(w)));
  if (c.classes && !ownName && !cited.some((s) => c.classes!.includes((s.category ?? '').toUpperCase()))) {
    problems.push(problem(a.mention, 'term', `${text(ctx, a.mention)}: the cited encounter is of class ${cited[0]!.category ?? 'unknown'}`));
  }
  // A visit's date is its start; "until 2021-04-01" may also be its end.
  for (const { date, role } of a.dates) if (!cited.some((s) => dateCovers(date, s.start) || (role === 'end' && dateCovers(date, s.end)))) problems.push(problem(date, 'date', `${text(ctx, date)}: the cited encounter is of ${cited.map((s) => s.start?.slice(0, 10)).join(', ')}`));
  return problems;
}
