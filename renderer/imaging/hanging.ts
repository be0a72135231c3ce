import type { ImagingSeries, ImagingStudy } from '../../electron/api/imaging-schemas';

/**
 * A simple hanging protocol for prior comparison: beside the series being
 * read goes the most recent earlier study's series of the same modality,
 * body part and view (laterality too, when both say). Pure, so it is tested
 * without a browser.
 */
export interface SeriesRef {
  readonly study: ImagingStudy;
  readonly series: ImagingSeries;
}

function norm(v: string | null): string {
  return (v ?? '').trim().toUpperCase();
}

export function sameAnatomy(a: ImagingSeries, b: ImagingSeries): boolean {
  if (norm(a.modality) !== norm(b.modality)) return false;
  if (norm(a.bodyPart) !== norm(b.bodyPart)) return false;
  if (norm(a.viewPosition) !== norm(b.viewPosition)) return false;
  const la = norm(a.laterality);
  const lb = norm(b.laterality);
  return la === '' || lb === '' || la === lb;
}

/** Every series of other studies, newest first: what the clinician may swap in as the comparison. */
export function otherSeries(studies: readonly ImagingStudy[], current: ImagingStudy): SeriesRef[] {
  return sortByDate(studies.filter((s) => s.id !== current.id)).flatMap((study) => study.series.map((series) => ({ study, series })));
}

/** The default comparison: the most recent prior (earlier date) of the same anatomy and view, or null. */
export function defaultPrior(studies: readonly ImagingStudy[], current: ImagingStudy, series: ImagingSeries): SeriesRef | null {
  if (!current.date) return null;
  for (const ref of otherSeries(studies, current)) {
    if (ref.study.date && ref.study.date < current.date && sameAnatomy(ref.series, series)) return ref;
  }
  return null;
}

function sortByDate(studies: readonly ImagingStudy[]): ImagingStudy[] {
  return [...studies].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
