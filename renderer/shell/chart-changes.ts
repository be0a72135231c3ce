/**
 * A feature wrote to a patient's record (an approved proposal, a signed
 * visit, an accepted scan value, a confirmed image finding) and says which
 * parts of the open chart show it; the feature that owns each part
 * registered how it reads itself again. The writer imports none of them.
 */
export type ChartPart = 'chart' | 'brief' | 'vitals' | 'timeline' | 'trends' | 'access-history';

const reloaders = new Map<ChartPart, (patientId: string) => void>();

/** Registers how one part of the chart reads itself again for a patient (it does nothing when it shows another); a second one for a part throws. */
export function onChartChanged(part: ChartPart, reload: (patientId: string) => void): () => void {
  if (reloaders.has(part)) throw new Error(`two reloaders registered for the chart's ${part}`);
  reloaders.set(part, reload);
  return () => {
    if (reloaders.get(part) === reload) reloaders.delete(part);
  };
}

/** The patient's record changed: each named part that shows this patient reads it again. A part nobody registered is a programming error. */
export function chartChanged(patientId: string, parts: readonly ChartPart[]): void {
  for (const part of parts) {
    const reload = reloaders.get(part);
    if (!reload) throw new Error(`no feature registered to reload the chart's ${part} (renderer/app/features.ts registers them)`);
    reload(patientId);
  }
}
