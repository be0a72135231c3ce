import { analyteDisplay } from '../../clinical/analyte-display';
import { citeRecord, type Claim } from '../grounding/citation';
import type { ResultPoint } from './brief-queries';
import { briefFormat, type BriefFormat } from './format';

/** A change smaller than this, relative to the first value, is not worth a line. */
const MIN_RELATIVE_CHANGE = 0.1;
const MAX_LINES = 6;

/**
 * Results that moved: an analyte whose last three values rise (or fall)
 * each time by 10% or more overall, and any latest result outside its
 * reference range. The brief says "rising" or "falling", not "worse":
 * whether up is bad depends on the analyte, and that is the clinician's
 * call (or a cited table's: see the alerts).
 */
export function trendLines(byCode: ReadonlyMap<string, readonly ResultPoint[]>, f: BriefFormat = briefFormat()): Claim[] {
  const candidates: Array<{ score: number; claim: Claim }> = [];
  for (const points of byCode.values()) {
    const latest = points[points.length - 1];
    if (!latest) continue;
    const shown = analyteDisplay(latest.code, latest.display);
    const range = outOfRange(latest, shown.name, shown.decimals, f);
    if (range) candidates.push({ score: 10, claim: range });
    const last3 = points.slice(-3);
    if (last3.length < 3) continue;
    const [a, b, c] = last3 as [ResultPoint, ResultPoint, ResultPoint];
    const rising = a.value < b.value && b.value < c.value;
    const falling = a.value > b.value && b.value > c.value;
    const change = Math.abs(c.value - a.value) / Math.max(Math.abs(a.value), 1e-9);
    if (!(rising || falling) || change < MIN_RELATIVE_CHANGE) continue;
    const steps = last3.map((p) => `${f.value(p.value, shown.decimals)}${f.unit(p.unit)} on ${f.day(p.at)}`).join(', then ');
    candidates.push({
      score: change,
      claim: { text: `${shown.name} ${rising ? 'rising' : 'falling'}: ${steps}`, citations: last3.map((p) => citeRecord('observation', p.id)) },
    });
  }
  return candidates
    .sort((x, y) => y.score - x.score)
    .slice(0, MAX_LINES)
    .map((c) => c.claim);
}

function outOfRange(p: ResultPoint, name: string, decimals: number | null, f: BriefFormat): Claim | null {
  const above = p.high !== null && p.value > p.high;
  const below = p.low !== null && p.value < p.low;
  if (!above && !below) return null;
  const bounds = [p.low, p.high].map((b) => (b === null ? '' : f.value(b))).join('–');
  return {
    text: `${name} ${f.value(p.value, decimals)}${f.unit(p.unit)} on ${f.day(p.at)}, ${above ? 'above' : 'below'} the reference range ${bounds}${f.unit(p.unit)}`,
    citations: [citeRecord('observation', p.id)],
  };
}
