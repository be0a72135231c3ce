import { analyteById, type Analyte } from '../../clinical/analytes';
import { betterWhen, categoryNamed, interpretationRange } from '../../clinical/interpretation-ranges';
import { convert, displayUnit } from '../../clinical/units';
import { latestObservation, observationsBetween, type ObservationPoint } from '../../store/queries/grounding';
import { dateCovers } from './claim-dates';
import type { ClaimNumber } from './claim-quantities';
import type { InterpretationKind, MeasureAssertion, Point } from './claim-parse';
import { foldPhrase } from './claim-text';
import { problem, type Problem } from './problems';
import type { SourceRecord } from './source-records';
import type { VerifyContext } from './verify-context';

/**
 * A measurement claim checked against the cited results of that analyte:
 * each value at its date (in any unit that converts), "latest" against the
 * patient's latest result of the analyte, a change against the cited values
 * in date order, and "normal/high/low" against the record's reference range
 * or a cited table (interpretation-ranges.ts).
 *
 * "Stable" and "unchanged" hold when every value of the period lies within
 * STABLE_TOLERANCE of their median: 3 %, about the analytical and
 * biological variation of the common analytes, below which clinicians call
 * a value unchanged; "rose" and "fell" need a change of at least as much.
 */
export const STABLE_TOLERANCE = 0.03;

/**
 * "Rose" and "fell" need a change of at least MIN_CHANGE of the first value:
 * smaller differences are measurement noise a clinician would not call a change.
 */
export const MIN_CHANGE = 0.03;

export interface ResultRow {
  readonly id: string;
  readonly analyte: Analyte;
  readonly value: number;
  readonly ucum: string | null;
  readonly at: string | null;
  readonly low: number | null;
  readonly high: number | null;
}

export function checkMeasure(a: MeasureAssertion, ctx: VerifyContext): Problem[] {
  if (a.negated) {
    const ids = a.analyte.id === 'blood-pressure' ? ['systolic'] : [a.analyte.id];
    const seen = ids.map((id) => latestObservation(ctx.db, ctx.patientId, analyteById(id).loinc)).find((o) => o !== null);
    const span = { start: a.negated.start, end: a.mention.end };
    return seen ? [problem(span, 'negation', `${text(ctx, span)}: the record has a ${a.analyte.short} result of ${seen.at?.slice(0, 10)}`)] : [];
  }
  const problems: Problem[] = [];
  const analyteIds = new Set(a.points.map((p) => p.analyte.id));
  if (analyteIds.size === 0) analyteIds.add(a.analyte.id);
  if (a.analyte.id === 'blood-pressure' && a.points.length === 0) ['systolic', 'diastolic'].forEach((id) => analyteIds.add(id));

  const matched = new Map<Point, ResultRow>();
  for (const point of a.points) {
    if (isChange(a, point)) continue;
    if (point.analyte.id === 'blood-pressure') {
      problems.push(problem(point.number, 'unchecked', `${text(ctx, point.number)}: not checked, it does not say whether it is the systolic or the diastolic pressure`));
      continue;
    }
    const rows = resultsOf(ctx, point.analyte);
    if (rows.length === 0) {
      // A note, a confirmed finding or a guideline passage states values in its own words: they are checked as written there.
      const texts = ctx.sources.filter((s) => FREE_TEXT.has(s.kind));
      if (texts.length > 0) {
        problems.push(...checkInText(point, texts, ctx));
        continue;
      }
      problems.push(problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no ${point.analyte.short} result`));
      return problems;
    }
    const found = checkPoint(point, rows, ctx, problems);
    if (found) matched.set(point, found);
  }
  if (a.range) problems.push(...checkRange(a, ctx));
  if (a.points.length === 0 && a.latest === null && a.trend === null && a.interpretation === null && !a.extreme) {
    // A bare analyte name ("eGFR on 2020-03-01") still has to be what it cites, at that date.
    const rows = [...analyteIds].flatMap((id) => resultsOf(ctx, analyteById(id)));
    // A word a cited text uses in passing ("calibrated from a known length") names no result; nor does a cited
    // visit's recorded reason ("Follow-up visit, for blood pressure and potassium review").
    const words = foldPhrase(text(ctx, a.mention));
    const says = (s: SourceRecord) => words.every((w) => s.words.has(w));
    const texts = ctx.sources.filter((s) => FREE_TEXT.has(s.kind) || (s.kind === 'encounter' && says(s)));
    const inText = texts.some(says);
    if (rows.length === 0 && !inText) problems.push(problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no ${a.analyte.short} result`));
    for (const date of a.period?.spans ?? []) {
      const inTextDates = rows.length === 0 && texts.some((s) => s.days.some((d) => dateCovers(date, d)));
      if (!inTextDates && !rows.some((r) => dateCovers(date, r.at))) problems.push(problem(date, 'date', `${text(ctx, date)}: no cited ${a.analyte.short} result of that date (cited: ${datesOf(rows)})`));
    }
    return problems;
  }

  if (a.latest) problems.push(...checkLatest(a, ctx, matched));
  if (a.extreme) problems.push(...checkExtreme(a, ctx, matched));
  if (a.trend) problems.push(...checkTrend(a, ctx, matched));
  if (a.interpretation) problems.push(...checkInterpretation(a, ctx, matched));
  if ((a.trend || a.interpretation || a.latest) && a.points.length === 0 && [...analyteIds].every((id) => resultsOf(ctx, analyteById(id)).length === 0) && !ctx.citesChart) {
    problems.push(problem(a.mention, 'citation', `${text(ctx, a.mention)}: cites no ${a.analyte.short} result`));
  }
  return problems;
}

/** The patient's results of the analyte from one row's day to another's, oldest first. */
function rowsBetween(ctx: VerifyContext, analyte: Analyte, from: ResultRow, to: ResultRow): ResultRow[] {
  if (!from.at || !to.at) return [from, to];
  return observationsBetween(ctx.db, ctx.patientId, analyte.loinc, from.at.slice(0, 10), to.at.slice(0, 10)).map((o) => asRow(o, analyte));
}

/** An observation of the chart (numeric: observationsBetween reads only those) as a result row. */
function asRow(o: ObservationPoint, analyte: Analyte): ResultRow {
  return { id: o.id, analyte, value: o.value!, ucum: o.unit, at: o.at, low: null, high: null };
}

/** "down about 21 %" of a platelet count: a relative change, not a value (the analyte is not measured in %). */
function isChange(a: MeasureAssertion, p: Point): boolean {
  return a.trend !== null && ((p.unit?.ucum === '%' && p.analyte.ucum !== '%') || p.number.marker === 'by');
}

/** "down about 21 %": a relative change; "lost 9.5 kg", "fell by 20 mg/dL": an absolute one, in the claim's unit. */
function changeSize(p: Point, first: ResultRow, last: ResultRow): { size: number; says: string } | null {
  if (p.unit?.ucum === '%' && p.analyte.ucum !== '%') {
    const percent = (100 * (last.value - first.value)) / Math.abs(first.value);
    return { size: percent, says: `${percent.toFixed(1)} %` };
  }
  const [a, b] = [inClaimUnit(p, first), inClaimUnit(p, last)];
  if (a === null || b === null) return null;
  const unit = p.unit ? displayUnit(p.unit.ucum) : '';
  return { size: b - a, says: `${Math.abs(b - a).toFixed(Math.max(1, p.number.decimals))}${unit ? ` ${unit}` : ''}` };
}

const FREE_TEXT = new Set(['fact', 'note', 'evidence', 'diagnostic-report']);

/** A value checked against the numbers a cited text writes, in any unit that converts, at a date it gives. */
function checkInText(point: Point, texts: readonly SourceRecord[], ctx: VerifyContext): Problem[] {
  const n = point.number;
  const found = texts.some((s) =>
    s.numbers.some((x) => {
      const value = point.unit && x.ucum ? convert(x.value, x.ucum, point.unit.ucum, point.analyte.molarMass) : x.value;
      return value !== null && Math.abs(value - n.value) <= tolerance(n);
    }),
  );
  const problems: Problem[] = [];
  if (!found) problems.push(problem({ start: n.start, end: point.unit?.end ?? n.end }, 'value', `${text(ctx, { start: n.start, end: point.unit?.end ?? n.end })}: no such value in the cited text`));
  if (point.date && !texts.some((s) => s.days.some((d) => dateCovers(point.date!, d)) || dateCovers(point.date!, s.start))) {
    problems.push(problem(point.date, 'date', `${text(ctx, point.date)}: the cited text gives no such date`));
  }
  return problems;
}

/** The cited results of one analyte (and a cited panel's components); with the chart cited, all of the patient's. */
export function resultsOf(ctx: VerifyContext, analyte: Analyte): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const s of ctx.sources) {
    for (const r of [s, ...s.components]) {
      const m = r.measurement;
      if (m && m.value !== null && m.analyte?.id === analyte.id) rows.push({ id: r.id, analyte, value: m.value, ucum: m.ucum, at: m.at, low: m.low, high: m.high });
    }
  }
  if (rows.length === 0 && ctx.citesChart) {
    for (const o of observationsBetween(ctx.db, ctx.patientId, analyte.loinc, '0000-01-01', '9999-12-31')) {
      if (o.value !== null) rows.push({ id: o.id, analyte, value: o.value, ucum: o.unit, at: o.at, low: null, high: null });
    }
  }
  return rows;
}

/** The claim's value in the record's terms: within half a unit of its last written digit. */
export function tolerance(n: ClaimNumber): number {
  const written = 0.55 * 10 ** -n.decimals + 1e-9;
  if (!n.approximate || n.decimals > 0) return written;
  // "about 130" may be 128.6 rounded to the ten, "about 125" to the five: half a step either side, no more.
  const step = n.trailingZeros > 0 ? 10 ** n.trailingZeros : n.value % 5 === 0 ? 5 : 1;
  return Math.max(written, Math.min(0.5 * step, 0.05 * Math.abs(n.value))) + 1e-9;
}

/** The record's value in the claim's unit; null when the units do not measure the same thing. */
export function inClaimUnit(point: Pick<Point, 'unit' | 'analyte'>, row: Pick<ResultRow, 'value' | 'ucum'>): number | null {
  if (!point.unit || !row.ucum) return row.value;
  return analyteSpecific(point.analyte.id, row.value, row.ucum, point.unit.ucum) ?? convert(row.value, row.ucum, point.unit.ucum, point.analyte.molarMass);
}

/**
 * Conversions that are not a change of unit in UCUM's sense: HbA1c between
 * NGSP % and IFCC mmol/mol (the IFCC-NGSP master equation, Hoelzel et al.,
 * Clin Chem 2004;50:166-74: IFCC = 10.929 x (NGSP - 2.15)), and an albumin /
 * creatinine ratio between mg/g and mg/mmol of creatinine (113.12 g/mol).
 */
function analyteSpecific(analyte: string, value: number, from: string, to: string): number | null {
  if (analyte === 'hba1c' && from === '%' && to === 'mmol/mol') return 10.929 * (value - 2.15);
  if (analyte === 'hba1c' && from === 'mmol/mol' && to === '%') return value / 10.929 + 2.15;
  if (analyte === 'microalbumin-creatinine' && from === 'mg/g' && to === 'mg/mmol') return value * 0.11312;
  if (analyte === 'microalbumin-creatinine' && from === 'mg/mmol' && to === 'mg/g') return value / 0.11312;
  return null;
}

export function valueMatches(point: Point, row: ResultRow): boolean {
  if (matchesAs(point, row)) return true;
  // "Ht 70.5", "height measured 65 in Jul 2007", "Wt 190": a value written without a unit may be in the
  // other unit clinics use for that measure (inches, pounds, degrees Fahrenheit); it is still checked in it.
  if (point.unit || !row.ucum) return false;
  return (CUSTOMARY_UNITS[point.analyte.id] ?? []).some((ucum) => {
    const value = convert(row.value, row.ucum!, ucum);
    return value !== null && Math.abs(value - point.number.value) <= tolerance(point.number);
  });
}

const CUSTOMARY_UNITS: Readonly<Record<string, readonly string[]>> = { height: ['[in_i]'], weight: ['[lb_av]'], temperature: ['[degF]'] };

function matchesAs(point: Point, row: ResultRow): boolean {
  const value = inClaimUnit(point, row);
  if (value === null) return false;
  const n = point.number;
  if (n.within) return value >= n.within[0] - 0.5 && value <= n.within[1] + 0.5;
  const close = !n.near || Math.abs(value - n.value) <= 0.05 * Math.abs(n.value);
  if (n.bound === 'above') return value > n.value && close;
  if (n.bound === 'below') return value < n.value && close;
  return Math.abs(value - n.value) <= tolerance(n);
}

function checkPoint(point: Point, rows: readonly ResultRow[], ctx: VerifyContext, problems: Problem[]): ResultRow | null {
  const n = point.number;
  const written = text(ctx, { start: n.start, end: point.unit?.end ?? n.end });
  let candidates = rows;
  if (point.date) {
    const date = point.date;
    candidates = rows.filter((r) => dateCovers(date, r.at));
    if (candidates.length === 0) {
      const other = date.other;
      const otherRows = other ? rows.filter((r) => dateCovers(other, r.at)) : [];
      if (otherRows.some((r) => valueMatches(point, r))) {
        problems.push(problem(date, 'date', `${text(ctx, date)}: ambiguous; read as ${date.from} in the clinic's date order, the cited result is of ${other!.from}`));
      } else {
        problems.push(problem(date, 'date', `${text(ctx, date)}: no cited ${point.analyte.short} result on that date (cited: ${datesOf(rows)})`));
      }
      return null;
    }
  }
  if (point.unit && candidates.every((r) => inClaimUnit(point, r) === null)) {
    problems.push(problem({ start: n.start, end: point.unit.end }, 'unit', `${written}: the cited ${point.analyte.short} is in ${displayUnit(candidates[0]!.ucum) || candidates[0]!.ucum}, which does not convert to ${text(ctx, point.unit)}`));
    return null;
  }
  const hit = candidates.find((r) => valueMatches(point, r));
  if (hit) return hit;
  const nearest = [...candidates].sort((x, y) => Math.abs((inClaimUnit(point, x) ?? Infinity) - n.value) - Math.abs((inClaimUnit(point, y) ?? Infinity) - n.value))[0]!;
  problems.push(problem({ start: n.start, end: point.unit?.end ?? n.end }, 'value', `${written}: the cited ${point.analyte.short}${nearest.at ? ` of ${nearest.at.slice(0, 10)}` : ''} is ${show(nearest)}`));
  return null;
}

/** "reference range 4–5.6 %": the cited record's own range. */
function checkRange(a: MeasureAssertion, ctx: VerifyContext): Problem[] {
  const { low, high } = a.range!;
  const rows = resultsOf(ctx, a.analyte).filter((r) => r.low !== null || r.high !== null);
  const same = (claimed: ClaimNumber, value: number | null) => value !== null && Math.abs(value - claimed.value) <= tolerance(claimed);
  if (rows.some((r) => same(low, r.low) && same(high, r.high))) return [];
  const span = { start: low.start, end: Math.max(high.end, high.units[0]?.end ?? high.end) };
  const given = rows[0] ? `${rows[0].low ?? '?'}–${rows[0].high ?? '?'}` : 'none';
  return [problem(span, 'value', `${text(ctx, span)}: the cited reference range is ${given}`)];
}

function checkLatest(a: MeasureAssertion, ctx: VerifyContext, matched: ReadonlyMap<Point, ResultRow>): Problem[] {
  const problems: Problem[] = [];
  const ids = a.points.length > 0 ? [...new Set(a.points.map((p) => p.analyte))] : a.analyte.id === 'blood-pressure' ? [analyteById('systolic')] : [a.analyte];
  for (const analyte of ids) {
    const latest = latestObservation(ctx.db, ctx.patientId, analyte.loinc, ctx.asOf);
    if (!latest || latest.value === null) continue;
    const latestRow: ResultRow = { id: latest.id, analyte, value: latest.value, ucum: latest.unit, at: latest.at, low: null, high: null };
    const cited = ctx.sources.some((s) => s.id === latest.id || s.components.some((c) => c.id === latest.id));
    for (const point of a.points.filter((p) => p.analyte === analyte)) {
      const row = matched.get(point);
      if (row && row.id !== latest.id && !(row.at && latest.at && row.at.slice(0, 10) === latest.at.slice(0, 10) && valueMatches(point, latestRow))) {
        problems.push(problem(a.latest!, 'latest', `${text(ctx, a.latest!)}: the latest ${analyte.short} is ${show(latestRow)} of ${latest.at?.slice(0, 10)}, not the cited one of ${row.at?.slice(0, 10) ?? 'an unknown date'}`));
      }
    }
    if (!cited && !ctx.citesChart && problems.length === 0 && a.points.every((p) => matched.has(p))) {
      problems.push(problem(a.latest!, 'latest', `${text(ctx, a.latest!)}: the latest ${analyte.short} (${show(latestRow)}, ${latest.at?.slice(0, 10)}) is not among the cited results`));
    }
  }
  return problems;
}

/**
 * "peaked at 86.5 kg", "lowest at 162 (Apr 1977) over the record": the value
 * (or the date) is the patient's highest or lowest result of the analyte, in
 * the period the claim bounds, else in the whole record up to the moment
 * judged. A tie counts: any result with the extreme value will do.
 */
function checkExtreme(a: MeasureAssertion, ctx: VerifyContext, matched: ReadonlyMap<Point, ResultRow>): Problem[] {
  const { kind, hit } = a.extreme!;
  const analyte = a.points[0]?.analyte ?? (a.analyte.id === 'blood-pressure' ? analyteById('systolic') : a.analyte);
  const period = a.period?.explicit ? a.period : null;
  const rows = observationsBetween(ctx.db, ctx.patientId, analyte.loinc, period?.from ?? '0000', period?.to ?? ctx.asOf.slice(0, 10));
  if (rows.length === 0) return [];
  const values = rows.map((r) => r.value!);
  const extreme = kind === 'max' ? Math.max(...values) : Math.min(...values);
  const at = rows.filter((r) => r.value === extreme);
  const word = kind === 'max' ? 'highest' : 'lowest';
  const said = `the ${word} ${analyte.short}${period ? ` from ${period.from} to ${period.to}` : ' on record'} is ${show({ analyte, value: extreme, ucum: at[0]!.unit })} (${at.map((r) => r.at?.slice(0, 10)).join(', ')})`;
  const own = a.points.filter((p) => p.analyte === analyte);
  if (own.length > 0) {
    const holds = own.some((p) => {
      const row = matched.get(p);
      if (row) return at.some((r) => r.id === row.id) || row.value === extreme;
      const inUnit = inClaimUnit(p, { value: extreme, ucum: at[0]!.unit });
      return inUnit !== null && Math.abs(inUnit - p.number.value) <= tolerance(p.number);
    });
    return holds ? [] : [problem(hit, 'assertion', `${text(ctx, hit)}: ${said}`)];
  }
  const dates = a.period?.spans ?? [];
  if (dates.length > 0) return dates.some((d) => at.some((r) => dateCovers(d, r.at))) ? [] : [problem(hit, 'assertion', `${text(ctx, hit)}: ${said}`)];
  return [problem(hit, 'unchecked', `${text(ctx, hit)}: not checked, it names no value or date of the ${analyte.short}`)];
}

function checkTrend(a: MeasureAssertion, ctx: VerifyContext, matched: ReadonlyMap<Point, ResultRow>): Problem[] {
  const trend = a.trend!;
  const analyte = a.points[0]?.analyte ?? (a.analyte.id === 'blood-pressure' ? analyteById('systolic') : a.analyte);
  const own = a.points.filter((p) => p.analyte === analyte && !isChange(a, p));
  const changes = a.points.filter((p) => isChange(a, p));
  const problems: Problem[] = [];
  let series: ResultRow[];
  if (own.length >= 2 && own.every((p) => matched.has(p))) {
    // In the order the claim means: "from" first and "to" last, whatever order they are written in; without
    // those words, in time ("60 in 1979 vs 75 in 1973, so it came down").
    const marked = own.some((p) => p.number.marker !== undefined);
    const rank = (p: Point) => (p.number.marker === 'from' ? 0 : p.number.marker === 'to' ? 2 : 1);
    series = marked ? [...own].sort((x, y) => rank(x) - rank(y)).map((p) => matched.get(p)!) : own.map((p) => matched.get(p)!).sort((x, y) => ((x.at ?? '') < (y.at ?? '') ? -1 : 1));
    // "fell from A in Y1 to B in Y2": A must be the earlier of the two.
    const [first, last] = [series[0]!, series[series.length - 1]!];
    if (first.at && last.at && first.at > last.at && trend.kind !== 'stable') {
      return [problem(trend.hit, 'assertion', `${text(ctx, trend.hit)}: the cited results run the other way in time (${show(first)} on ${first.at.slice(0, 10)} is the later one)`)];
    }
    // "3.08 -> 2.50 and kept falling through 12/2020": the results after the last value, up to the period's end, go on the same way.
    // Not when the last value already lies in the period's last year or month ("between 1978 and 1984 (3.1 vs 3.0)").
    const closing = [...(a.period?.spans ?? [])].sort((x, y) => (x.to < y.to ? -1 : 1)).pop();
    const endsWithLast = closing !== undefined && last.at !== null && dateCovers(closing, last.at);
    if (a.period?.explicit && last.at && !endsWithLast && a.period.to > last.at.slice(0, 10) && a.period.to !== '9999-12-31') {
      const after = observationsBetween(ctx.db, ctx.patientId, analyte.loinc, last.at.slice(0, 10), a.period.to).filter((o) => o.at! > last.at! && o.value !== null);
      series = [...series, ...after.map((o) => asRow(o, analyte))];
    }
    // "12.1 -> 17.4, 2020-2015", "between 2018 and 2013 ... (430 to 374)": two values and two years, read in the order written.
    const spans = [...(a.period?.spans ?? [])].sort((x, y) => x.start - y.start);
    if (own.length === 2 && spans.length === 2 && own.every((p) => !p.date)) {
      const [r0, r1] = [...own].sort((x, y) => x.number.start - y.number.start).map((p) => matched.get(p)!);
      const direct = dateCovers(spans[0]!, r0!.at) && dateCovers(spans[1]!, r1!.at);
      const crossed = dateCovers(spans[0]!, r1!.at) && dateCovers(spans[1]!, r0!.at);
      if (!direct && crossed) {
        return [problem(spans[0]!, 'date', `${text(ctx, spans[0]!)}: the years are the other way round: ${show(r0!)} is of ${r0!.at?.slice(0, 10)}, ${show(r1!)} of ${r1!.at?.slice(0, 10)}`)];
      }
    }
  } else if (own.length >= 2) {
    return [];
  } else {
    // Within the period the claim bounds ("since 2012", "between 2015 and 2020"), else every result it cites.
    // "down about 21 % (2015 vs 2020)": the year the parser gave the percentage bounds the period too.
    const changeDates = changes.flatMap((p) => (p.date ? [p.date] : []));
    const spans = [...(a.period?.spans ?? []), ...changeDates];
    const bounds = changeDates.length > 0 && spans.length > 0 ? { from: spans.map((d) => d.from).sort()[0]!, to: spans.map((d) => d.to).sort().pop()! } : null;
    const period = bounds ?? (a.period?.explicit || own.length === 0 ? a.period : null);
    series = resultsOf(ctx, analyte).filter((r) => !period || (r.at !== null && r.at.slice(0, 10) >= period.from && r.at.slice(0, 10) <= period.to));
  }
  series = [...series].sort((x, y) => ((x.at ?? '') < (y.at ?? '') ? -1 : 1));
  if (series.length < 2) {
    return [problem(trend.hit, 'unchecked', `${text(ctx, trend.hit)}: not checked, it needs at least two cited ${analyte.short} results`)];
  }
  const values = series.map((r) => r.value);
  const first = series[0]!;
  const last = series[series.length - 1]!;
  if (a.monotonic && (trend.kind === 'up' || trend.kind === 'down')) {
    const sign = trend.kind === 'up' ? 1 : -1;
    const every = own.length >= 2 ? rowsBetween(ctx, analyte, first, last) : series;
    const broken = every.findIndex((r, i) => i > 0 && Math.sign(r.value - every[i - 1]!.value) !== sign);
    if (broken > 0) {
      const [before, after] = [every[broken - 1]!, every[broken]!];
      return [problem(a.monotonic, 'assertion', `${text(ctx, a.monotonic)}: the ${analyte.short} went from ${show(before)} (${before.at?.slice(0, 10)}) to ${show(after)} (${after.at?.slice(0, 10)})`)];
    }
  }
  for (const p of changes) {
    const change = changeSize(p, first, last);
    const span = { start: p.number.start, end: p.unit?.end ?? p.number.end };
    if (change === null) problems.push(problem(span, 'unit', `${text(ctx, span)}: not a unit of the cited ${analyte.short}`));
    else if (Math.abs(Math.abs(change.size) - Math.abs(p.number.value)) > tolerance(p.number) + (p.unit?.ucum === '%' ? 0.5 : 0)) {
      problems.push(problem(span, 'value', `${text(ctx, span)}: the cited ${analyte.short} changed by ${change.says} (${show(first)} to ${show(last)})`));
    }
  }
  // "lost 1.1 kg": a change whose size the claim states (and the records bear out) needs no minimum to be a loss.
  const sized = changes.length > 0 && problems.length === 0;
  const median = [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const stable = values.every((v) => Math.abs(v - median) <= STABLE_TOLERANCE * Math.abs(median));
  const direction = Math.sign(last.value - first.value);
  let holds: boolean;
  let says: string;
  switch (trend.kind) {
    case 'stable':
      holds = stable && own.every((p) => Math.abs((inClaimUnit(p, { value: median, ucum: first.ucum }) ?? Infinity) - p.number.value) <= Math.max(tolerance(p.number), STABLE_TOLERANCE * Math.abs(p.number.value)));
      says = `the cited ${analyte.short} results range from ${show({ ...first, value: Math.min(...values) })} to ${show({ ...first, value: Math.max(...values) })}, more than ${STABLE_TOLERANCE * 100} % from their median`;
      break;
    case 'up':
    case 'down':
      holds = direction === (trend.kind === 'up' ? 1 : -1) && (sized || Math.abs(last.value - first.value) >= MIN_CHANGE * Math.abs(first.value));
      says = `the cited ${analyte.short} results go from ${show(first)} (${first.at?.slice(0, 10)}) to ${show(last)} (${last.at?.slice(0, 10)})`;
      break;
    default: {
      const better = betterWhen(analyte.id);
      if (better === null) return [problem(trend.hit, 'unchecked', `${text(ctx, trend.hit)}: not checked, whether a change of ${analyte.short} is better or worse depends on the patient`)];
      const wanted = (trend.kind === 'improved') === (better === 'higher') ? 1 : -1;
      holds = direction === wanted && Math.abs(last.value - first.value) >= MIN_CHANGE * Math.abs(first.value);
      says = `the cited ${analyte.short} results go from ${show(first)} to ${show(last)}`;
    }
  }
  return holds ? problems : [...problems, problem(trend.hit, 'assertion', `${text(ctx, trend.hit)}: ${says}`)];
}

function checkInterpretation(a: MeasureAssertion, ctx: VerifyContext, matched: ReadonlyMap<Point, ResultRow>): Problem[] {
  const { kind, hit, negated } = a.interpretation!;
  let rows: ResultRow[] = a.points.map((p) => matched.get(p)).filter((r): r is ResultRow => r !== undefined);
  if (a.points.length > 0 && rows.length < a.points.length) return [];
  if (rows.length === 0) {
    const ids = a.analyte.id === 'blood-pressure' ? ['systolic', 'diastolic'] : [a.analyte.id];
    rows = ids.flatMap((id) => {
      const all = resultsOf(ctx, analyteById(id)).sort((x, y) => ((x.at ?? '') < (y.at ?? '') ? -1 : 1));
      return all.length > 0 ? [all[all.length - 1]!] : [];
    });
  }
  if (rows.length === 0) return [];
  const said = text(ctx, hit);
  // "elevated (120-129/<80)": the band the claim states must hold for at least one of the values it is said of.
  const band = statedBand(ctx.text.slice(hit.end));
  if (band && !negated) {
    const values = rows.length === 2 && rows[0]!.analyte.id === 'systolic' && rows[1]!.analyte.id === 'diastolic' ? rows : rows.slice(0, 1);
    const inside = values.some((r, i) => inBand(r.value, band[i]));
    if (!inside) return [problem(hit, 'assertion', `${said}: ${values.map((r) => `${r.analyte.short} ${show(r)}`).join(', ')} is outside the band the claim states`)];
  }
  // Every value inside the band the claim states ("normal (<120/<80, ACC/AHA 2017)"), where no table decides: the claim's own definition holds.
  const withinBand = band !== null && !negated && rows.every((r, i) => inBand(r.value, band[Math.min(i, band.length - 1)]));
  let verdict: boolean | null;
  let by: string;
  // "'elevated'" in quotes is the guideline's category of that name (ACC/AHA: 120-129/<80), not a loose "high".
  // So is "elevated (ACC/AHA)", "elevated BP (ACC/AHA)" or "elevated per ACC/AHA": naming the guideline names its category.
  const quoted = /['‘"“]$/.test(ctx.text.slice(0, hit.start)) && /^['’"”]/.test(ctx.text.slice(hit.end));
  const namesGuideline = /^(?:\s+(?:BP|blood pressure))?\W{0,3}(?:(?:per|by|according to|under|using)\s+(?:the\s+)?)?(?:\d{4}\s+)?ACC\s*\/\s*AHA/i.test(ctx.text.slice(hit.end));
  // So is "within the normal range (ACC/AHA 2017)" of a pressure: the guideline's "normal" (<120/<80).
  const pressure = rows.some((r) => r.analyte.id === 'systolic');
  const guidelineNormal = namesGuideline && pressure && kind === 'normal';
  const asCategory = kind === 'category' || guidelineNormal || ((quoted || namesGuideline) && said.toLowerCase() === 'elevated' && pressure);
  if (asCategory) {
    const judged = judgeCategory(kind === 'category' ? said : guidelineNormal ? 'normal bp' : 'elevated category', rows, ctx.sex);
    ({ verdict, by } = judged);
    if (verdict === null && by === '') return [problem(hit, 'unchecked', `${said}: not checked, it is not a category of ${rows[0]!.analyte.short} in any cited table`)];
    // "above the WHO anaemia cut-off": on the far side of a low category's cut-off is outside it; of a high one's, inside.
    const side = sideOfCutoff(ctx.text, hit);
    if (verdict !== null && side !== null && side === (judged.lowSide ? 'above' : 'below')) verdict = !verdict;
  } else {
    const judged = rows.map((r) => judge(r, kind as Exclude<InterpretationKind, 'category'>));
    // For a pressure, "high" needs one component high; "normal" and "low" need both, as the guideline's categories do.
    const anyOf = kind === 'high' || kind === 'abnormal';
    verdict = anyOf ? (judged.some((j) => j === true) ? true : judged.every((j) => j === false) ? false : null) : judged.every((j) => j === true) ? true : judged.some((j) => j === false) ? false : null;
    by = sourceOf(rows[0]!);
  }
  if (verdict !== null && negated) verdict = !verdict;
  if (verdict === true || (verdict === null && withinBand)) return [];
  const shown = rows.map((r) => `${r.analyte.short} ${show(r)}`).join(', ');
  if (verdict === false) return [problem(hit, 'assertion', `${said}: ${shown} is ${negated ? '' : 'not '}${asCategory ? `in that category` : kind} by ${by}`)];
  return [problem(hit, 'unchecked', `${said}: not checked, ${shown} has no reference range in the record and lies between the cited table's bands`)];
}

function inBand(value: number, band: [number, number] | undefined): boolean {
  return band !== undefined && value >= band[0] && value <= band[1];
}

/** "(120-129/<80)", "(>= 140)", "(6.5 % or more)" right after an interpretation: each part's [low, high]. */
function statedBand(after: string): Array<[number, number]> | null {
  const m = /^\s*\(([^()]{1,60})\)/.exec(after);
  if (!m) return null;
  const parts = m[1]!.split(/[,;]/)[0]!.replace(/mm\s*hg|mmhg|mg\/dl|%/gi, '').split('/').map((p) => p.trim());
  const bands = parts.map((p): [number, number] | null => {
    let r = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (r) return [Number(r[1]), Number(r[2])];
    r = /^(<|≤|<=)\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (r) return [-Infinity, r[1] === '<' ? Number(r[2]) - 1e-9 : Number(r[2])];
    r = /^(>|≥|>=)\s*(\d+(?:\.\d+)?)$/.exec(p);
    if (r) return [r[1] === '>' ? Number(r[2]) + 1e-9 : Number(r[2]), Infinity];
    return null;
  });
  return bands.length > 0 && bands.length <= 2 && bands.every((b) => b !== null) ? (bands as Array<[number, number]>) : null;
}

/** "above the (WHO) anaemia cut-off": which side of the named category's cut-off the claim puts the value on, or null. */
function sideOfCutoff(text: string, hit: { start: number; end: number }): 'above' | 'below' | null {
  if (!/^[\s-]*(?:cut-?off|threshold|limit|line|cut point)\b/i.test(text.slice(hit.end))) return null;
  const m = /\b(above|over|below|under)\s+(?:the\s+)?(?:[\w/]+\s+){0,2}$/i.exec(text.slice(Math.max(0, hit.start - 40), hit.start));
  if (!m) return null;
  return ['above', 'over'].includes(m[1]!.toLowerCase()) ? 'above' : 'below';
}

/**
 * A named category ("stage 2 hypertension", "G3b"): true or false by its bounds, null when the analyte has no
 * such category; `lowSide` when it holds below its cut-off (anaemia), not above it (diabetes).
 */
function judgeCategory(said: string, rows: readonly ResultRow[], sex: string | null): { verdict: boolean | null; by: string; lowSide: boolean } {
  const phrase = foldPhrase(said).filter((w) => w !== 'the' && w !== 'in').join(' ');
  const systolic = rows.find((r) => r.analyte.id === 'systolic');
  const diastolic = rows.find((r) => r.analyte.id === 'diastolic');
  const category = categoryNamed(systolic && diastolic ? 'blood-pressure' : rows[0]!.analyte.id, phrase, (name) => foldPhrase(name).filter((w) => w !== 'the' && w !== 'in').join(' '));
  if (!category) return { verdict: null, by: '', lowSide: false };
  if (category.pair) {
    const lowSide = category.pair(0, 0);
    if (systolic && diastolic) return { verdict: category.pair(systolic.value, diastolic.value), by: category.source, lowSide };
    const only = systolic ?? diastolic;
    if (!only) return { verdict: null, by: '', lowSide };
    // One component alone decides "hypertensive" only when it is in range by itself.
    const alone = systolic ? category.pair(only.value, 0) : category.pair(0, only.value);
    return { verdict: alone ? true : null, by: category.source, lowSide };
  }
  const lowSide = category.holds!(-1e9, sex) && !category.holds!(1e9, sex);
  return { verdict: rows.every((r) => category.holds!(r.value, sex)), by: category.source, lowSide };
}

/** true / false when the range decides, null when it cannot. */
function judge(r: ResultRow, kind: Exclude<InterpretationKind, 'category'>): boolean | null {
  if (r.low !== null || r.high !== null) {
    const low = r.low !== null && r.value < r.low;
    const high = r.high !== null && r.value > r.high;
    if (kind === 'high') return high;
    if (kind === 'low') return low;
    if (kind === 'abnormal') return low || high;
    return !low && !high;
  }
  const range = interpretationRange(r.analyte.id);
  if (!range) return null;
  const v = r.value;
  const isLow = range.lowBelow !== undefined && v <= range.lowBelow;
  const isHigh = range.highFrom !== undefined && v >= range.highFrom;
  const isNormal = range.normal !== undefined && v >= range.normal[0] && v <= range.normal[1];
  // Laboratories' ranges differ by a few per cent: within 3 % of a bound, the table cannot decide.
  const near = [range.lowBelow, range.highFrom, range.normal?.[0], range.normal?.[1]].some((b) => b !== undefined && b !== 0 && Math.abs(v - b) <= 0.03 * Math.abs(b));
  if (near) return null;
  if (kind === 'high') return isHigh ? true : isNormal || isLow ? false : null;
  if (kind === 'low') return isLow ? true : isNormal || isHigh ? false : null;
  if (kind === 'abnormal') return isLow || isHigh ? true : isNormal ? false : null;
  return isNormal ? true : isLow || isHigh ? false : null;
}

function sourceOf(r: ResultRow): string {
  if (r.low !== null || r.high !== null) return 'the record’s reference range';
  return interpretationRange(r.analyte.id)?.source.split(':')[0] ?? 'any cited table';
}

export function show(r: Pick<ResultRow, 'value' | 'ucum' | 'analyte'>): string {
  const unit = displayUnit(r.ucum);
  return `${Number(r.value.toFixed(r.analyte.precision))}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`;
}

function datesOf(rows: readonly ResultRow[]): string {
  const days = [...new Set(rows.map((r) => r.at?.slice(0, 10)).filter(Boolean))];
  return days.length > 4 ? `${days.slice(0, 4).join(', ')} and ${days.length - 4} more` : days.join(', ');
}

export function text(ctx: VerifyContext, span: { start: number; end: number }): string {
  return ctx.text.slice(span.start, span.end);
}
