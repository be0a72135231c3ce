import { lesionChange } from '../../api/imaging-schemas';
import type { FindingMeasures } from '../../api/photo-schemas';
import type { ReadDb } from '../../store/sqlite';
import { lesionHistory } from '../../imaging/photos';
import { citeRecord, type RecordCitation } from '../grounding/citation';

/**
 * The perception agent's read queries (this is agent/tools' query module for
 * images; the tools in imaging-read-tools.ts call it with the read-only
 * handle). What the perception agent reads of a patient's images, as plain data:
 * studies and photos with their dates and body sites, a lesion's
 * measurements over time, and the findings a clinician confirmed (memory
 * facts of kind 'imaging-finding'). Everything is for the session's patient
 * only; a finding is given with the fact to cite, whose statement carries
 * the numbers and dates the grounding verifier checks a claim against.
 */

const MAX_STUDIES = 50;
const MAX_PHOTOS = 100;

export interface StudyEntry {
  id: string;
  date: string | null;
  modality: string | null;
  description: string | null;
  bodyParts: string[];
  views: string[];
  laterality: string[];
  images: Array<{ instanceId: string; frames: number; spacing: string }>;
  confirmedFindings: number;
  citation: RecordCitation;
}

export interface PhotoEntry {
  id: string;
  date: string;
  dateFrom: 'exif' | 'given';
  bodySite: string;
  lesion: { id: string; name: string } | null;
  calibrated: boolean;
  outlinedLesions: string[];
  confirmedFindings: number;
}

/** Studies and photos taken on or after `since` (all when null), newest first; and the lesions followed. */
export function patientImages(db: ReadDb, patientId: string, since: string | null) {
  const studyRows = db
    .prepare(
      `SELECT id, started_at, modality, description FROM imaging_studies
       WHERE patient_id = ? AND (? IS NULL OR started_at >= ?) ORDER BY started_at DESC, recorded_at DESC LIMIT ?`,
    )
    .all(patientId, since, since, MAX_STUDIES + 1) as Array<{ id: string; started_at: string | null; modality: string | null; description: string | null }>;
  const seriesOf = db.prepare(`SELECT id, body_part, view_position, laterality FROM imaging_series WHERE study_id = ? ORDER BY number, id`);
  const instancesOf = db.prepare(`SELECT id, frames, spacing FROM imaging_instances WHERE series_id = ? ORDER BY number, id`);
  const findingsOn = db.prepare(
    `SELECT count(*) FROM imaging_findings g JOIN memory_facts f ON f.id = g.fact_id
     WHERE g.status = 'confirmed' AND f.status = 'active' AND (g.instance_id IN (SELECT i.id FROM imaging_instances i JOIN imaging_series r ON r.id = i.series_id WHERE r.study_id = ?) OR g.photo_id = ?)`,
  );
  const studies: StudyEntry[] = studyRows.slice(0, MAX_STUDIES).map((s) => {
    const series = seriesOf.all(s.id) as Array<{ id: string; body_part: string | null; view_position: string | null; laterality: string | null }>;
    const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
    return {
      id: s.id,
      date: s.started_at,
      modality: s.modality,
      description: s.description,
      bodyParts: distinct(series.map((r) => r.body_part)),
      views: distinct(series.map((r) => r.view_position)),
      laterality: distinct(series.map((r) => r.laterality)),
      images: series.flatMap((r) =>
        (instancesOf.all(r.id) as Array<{ id: string; frames: number; spacing: string }>).map((i) => ({ instanceId: i.id, frames: i.frames, spacing: (JSON.parse(i.spacing) as { status: string }).status })),
      ),
      confirmedFindings: findingsOn.pluck().get(s.id, null) as number,
      citation: citeRecord('imaging-study', s.id),
    };
  });

  const photoRows = db
    .prepare(
      `SELECT p.id, p.taken_at, p.taken_from, p.body_site, p.lesion_id, l.name AS lesion_name, p.calibration IS NOT NULL AS calibrated
       FROM photos p LEFT JOIN lesions l ON l.id = p.lesion_id
       WHERE p.patient_id = ? AND (? IS NULL OR p.taken_at >= ?) ORDER BY p.taken_at DESC, p.recorded_at DESC LIMIT ?`,
    )
    .all(patientId, since, since, MAX_PHOTOS + 1) as Array<{ id: string; taken_at: string; taken_from: 'exif' | 'given'; body_site: string; lesion_id: string | null; lesion_name: string | null; calibrated: number }>;
  const outlinesOf = db.prepare(`SELECT lesion_id FROM lesion_outlines WHERE photo_id = ? ORDER BY lesion_id`);
  const photos: PhotoEntry[] = photoRows.slice(0, MAX_PHOTOS).map((p) => ({
    id: p.id,
    date: p.taken_at,
    dateFrom: p.taken_from,
    bodySite: p.body_site,
    lesion: p.lesion_id ? { id: p.lesion_id, name: p.lesion_name ?? '' } : null,
    calibrated: p.calibrated === 1,
    outlinedLesions: outlinesOf.pluck().all(p.id) as string[],
    confirmedFindings: findingsOn.pluck().get(null, p.id) as number,
  }));

  const lesions = db
    .prepare(
      `SELECT l.id, l.name, l.body_site AS bodySite, (SELECT count(*) FROM lesion_outlines o WHERE o.lesion_id = l.id) AS measurements
       FROM lesions l WHERE l.patient_id = ? ORDER BY l.body_site, l.name`,
    )
    .all(patientId) as Array<{ id: string; name: string; bodySite: string; measurements: number }>;
  return { studies, photos, lesions, truncated: studyRows.length > MAX_STUDIES || photoRows.length > MAX_PHOTOS };
}

export interface FindingEntry {
  factId: string;
  statement: string;
  /** When the image was taken (the fact's valid_from). */
  imageDate: string;
  confirmedAt: string;
  confirmedBy: string | null;
  image: { kind: 'photo' | 'dicom'; id: string; frame: number };
  lesionId: string | null;
  kind: string;
  measures: Pick<FindingMeasures, 'spacingStatus' | 'diameterMm' | 'areaMm2' | 'lengthMm' | 'angleDeg'>;
  /** Where on the image: image:photo/ID#... or image:dicom/ID#... (frame and coordinates). */
  sourceRef: string;
  citation: RecordCitation;
}

/** Findings a clinician confirmed, whose facts are still active; newest image first. */
export function confirmedFindings(db: ReadDb, patientId: string, filter: { since: string | null; lesionId: string | null; limit: number }): { findings: FindingEntry[]; truncated: boolean } {
  const rows = db
    .prepare(
      `SELECT f.id AS fact_id, f.statement, f.valid_from, f.recorded_at, f.recorded_by, f.source_ref,
              g.photo_id, g.instance_id, g.frame, g.lesion_id, g.kind, g.measures
       FROM imaging_findings g JOIN memory_facts f ON f.id = g.fact_id
       WHERE g.patient_id = ? AND f.patient_id = g.patient_id AND g.status = 'confirmed' AND f.status = 'active' AND f.kind = 'imaging-finding'
         AND (? IS NULL OR f.valid_from >= ?) AND (? IS NULL OR g.lesion_id = ?)
       ORDER BY f.valid_from DESC, f.recorded_at DESC LIMIT ?`,
    )
    .all(patientId, filter.since, filter.since, filter.lesionId, filter.lesionId, filter.limit + 1) as Array<{
    fact_id: string;
    statement: string;
    valid_from: string;
    recorded_at: string;
    recorded_by: string | null;
    source_ref: string;
    photo_id: string | null;
    instance_id: string | null;
    frame: number;
    lesion_id: string | null;
    kind: string;
    measures: string;
  }>;
  const findings = rows.slice(0, filter.limit).map((r) => {
    const m = JSON.parse(r.measures) as FindingMeasures;
    return {
      factId: r.fact_id,
      statement: r.statement,
      imageDate: r.valid_from,
      confirmedAt: r.recorded_at,
      confirmedBy: r.recorded_by,
      image: r.photo_id ? { kind: 'photo' as const, id: r.photo_id, frame: r.frame } : { kind: 'dicom' as const, id: r.instance_id ?? '', frame: r.frame },
      lesionId: r.lesion_id,
      kind: r.kind,
      measures: { spacingStatus: m.spacingStatus, diameterMm: m.diameterMm, areaMm2: m.areaMm2, lengthMm: m.lengthMm, angleDeg: m.angleDeg },
      sourceRef: r.source_ref,
      citation: citeRecord('fact', r.fact_id),
    };
  });
  return { findings, truncated: rows.length > filter.limit };
}

/**
 * A lesion's measurements, oldest first, with the change between each
 * measurement and the next. Sizes compare only in millimetres, on
 * calibrated photos: pixels differ with the distance of the camera, so a
 * change involving an uncalibrated photo is given as not comparable, with
 * the reason. Each measurement names the confirmed finding (the fact to
 * cite) made on that photo, when there is one. Another patient's lesion
 * is not found.
 */
export function lesionMeasurements(db: ReadDb, patientId: string, lesionId: string) {
  const owner = db.prepare(`SELECT patient_id FROM lesions WHERE id = ?`).pluck().get(lesionId) as string | undefined;
  if (owner !== patientId) return { lesion: null, measurements: [], changes: [], overall: null };
  const history = lesionHistory(db, lesionId);
  const findingOn = db.prepare(
    `SELECT f.id, f.statement FROM imaging_findings g JOIN memory_facts f ON f.id = g.fact_id
     WHERE g.photo_id = ? AND g.lesion_id = ? AND g.kind = 'lesion' AND g.status = 'confirmed' AND f.status = 'active'
     ORDER BY g.decided_at DESC LIMIT 1`,
  );
  const measurements = history.points.map((p) => {
    const fact = findingOn.get(p.photoId, lesionId) as { id: string; statement: string } | undefined;
    return {
      photoId: p.photoId,
      date: p.takenAt,
      spacingStatus: p.spacingStatus,
      diameterMm: tenth(p.diameterMm),
      areaMm2: tenth(p.areaMm2),
      diameterPx: Math.round(p.diameterPx),
      finding: fact ? { factId: fact.id, statement: fact.statement, citation: citeRecord('fact', fact.id) } : null,
    };
  });
  type Measurement = (typeof measurements)[number];
  const change = (a: Measurement, b: Measurement) => {
    if (a.diameterMm === null || b.diameterMm === null) {
      const uncalibrated = [a, b].filter((m) => m.diameterMm === null).map((m) => m.date.slice(0, 10));
      return {
        from: a.date,
        to: b.date,
        comparable: false,
        diameterMm: null,
        diameterPct: null,
        areaPct: null,
        text: `not comparable: the photo of ${uncalibrated.join(' and of ')} is not calibrated (pixels only, which change with the camera's distance)`,
      };
    }
    const c = lesionChange({ date: a.date.slice(0, 10), diameterMm: a.diameterMm, areaMm2: a.areaMm2 }, { date: b.date.slice(0, 10), diameterMm: b.diameterMm, areaMm2: b.areaMm2 });
    return { from: a.date, to: b.date, comparable: true, diameterMm: tenth(c.diameterMm), diameterPct: Math.round(c.diameterPct), areaPct: c.areaPct === null ? null : Math.round(c.areaPct), text: c.text };
  };
  const changes = measurements.slice(1).map((m, i) => change(measurements[i]!, m));
  const calibrated = measurements.filter((m) => m.diameterMm !== null);
  const overall = calibrated.length >= 2 && measurements.length > 2 ? change(calibrated[0]!, calibrated[calibrated.length - 1]!) : null;
  const { id, name, bodySite } = history.lesion;
  return { lesion: { id, name, bodySite }, measurements, changes, overall };
}

/** Millimetres to a tenth, as the viewer and the finding statements write them. */
function tenth(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
