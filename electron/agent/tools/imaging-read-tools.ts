import { z } from 'zod';
import { isoTime, recordCitation } from '../../api/schemas';
import { confirmedFindings, lesionMeasurements, patientImages } from './imaging-queries';
import { defineTool, type RoleId } from './tool';

/**
 * The perception agent's read tools: the patient's images and what a
 * clinician has measured and confirmed on them. Confirmed findings are
 * memory facts, so the memory agent reads them too; the safety reviewer
 * reads the findings and a lesion's change, which can argue against a
 * plan; the orchestrator, which calls tools for the session's agents, may
 * call them all. Like every read tool they answer for the session's
 * patient only (never an argument), and give the fact to cite.
 */
const READERS: readonly RoleId[] = ['perception', 'orchestrator', 'memory'];
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date, YYYY-MM-DD');

export const listImages = defineTool({
  id: 'imaging.list_images',
  description:
    "The patient's imaging studies (date, modality, body part, view, image ids) and clinical photos (date taken, body site, lesion followed, calibrated or not), newest first, and the lesions followed over time.",
  input: z.object({ since: isoTime.optional() }).strict(),
  output: z.object({
    studies: z.array(
      z.object({
        id: z.string(),
        date: z.string().nullable(),
        modality: z.string().nullable(),
        description: z.string().nullable(),
        bodyParts: z.array(z.string()),
        views: z.array(z.string()),
        laterality: z.array(z.string()),
        images: z.array(z.object({ instanceId: z.string(), frames: z.number().int(), spacing: z.string() })),
        confirmedFindings: z.number().int(),
        citation: recordCitation,
      }),
    ),
    photos: z.array(
      z.object({
        id: z.string(),
        date: z.string(),
        dateFrom: z.enum(['exif', 'given']),
        bodySite: z.string(),
        lesion: z.object({ id: z.string(), name: z.string() }).nullable(),
        calibrated: z.boolean(),
        outlinedLesions: z.array(z.string()),
        confirmedFindings: z.number().int(),
      }),
    ),
    lesions: z.array(z.object({ id: z.string(), name: z.string(), bodySite: z.string(), measurements: z.number().int() })),
    truncated: z.boolean(),
  }),
  sideEffect: 'read',
  roles: READERS,
  run: (input, { db, patientId }) => patientImages(db, patientId, input.since ?? null),
});

const change = z.object({
  from: z.string(),
  to: z.string(),
  comparable: z.boolean(),
  diameterMm: z.number().nullable(),
  diameterPct: z.number().nullable(),
  areaPct: z.number().nullable(),
  text: z.string(),
});

export const lesionHistoryTool = defineTool({
  id: 'imaging.lesion_history',
  description:
    "One lesion's measurements over time, oldest first: date, longest diameter and area (millimetres only on calibrated photos), the change from each to the next, and the confirmed finding (fact) to cite for each.",
  input: z.object({ lesionId: z.string().min(1).max(256) }).strict(),
  output: z.object({
    lesion: z.object({ id: z.string(), name: z.string(), bodySite: z.string() }).nullable(),
    measurements: z.array(
      z.object({
        photoId: z.string(),
        date: day,
        spacingStatus: z.string(),
        diameterMm: z.number().nullable(),
        areaMm2: z.number().nullable(),
        diameterPx: z.number(),
        finding: z.object({ factId: z.string(), statement: z.string(), citation: recordCitation }).nullable(),
      }),
    ),
    changes: z.array(change),
    /** First to latest calibrated measurement, when there are more than two. */
    overall: change.nullable(),
  }),
  sideEffect: 'read',
  roles: [...READERS, 'safety'],
  run: (input, { db, patientId }) => lesionMeasurements(db, patientId, input.lesionId),
});

export const imageFindings = defineTool({
  id: 'imaging.findings',
  description:
    'Image findings the clinician confirmed (on photos and X-rays), newest image first: the statement with its numbers, the image and where on it, and the fact to cite. Optionally since a date or for one lesion.',
  input: z
    .object({ since: isoTime.optional(), lesionId: z.string().min(1).max(256).optional(), limit: z.number().int().min(1).max(50).optional() })
    .strict(),
  output: z.object({
    findings: z.array(
      z.object({
        factId: z.string(),
        statement: z.string(),
        imageDate: z.string(),
        confirmedAt: z.string(),
        confirmedBy: z.string().nullable(),
        image: z.object({ kind: z.enum(['photo', 'dicom']), id: z.string(), frame: z.number().int() }),
        lesionId: z.string().nullable(),
        kind: z.string(),
        measures: z.object({
          spacingStatus: z.string(),
          diameterMm: z.number().nullable(),
          areaMm2: z.number().nullable(),
          lengthMm: z.number().nullable(),
          angleDeg: z.number().nullable(),
        }),
        sourceRef: z.string().regex(/^image:(photo|dicom)\//),
        citation: recordCitation,
      }),
    ),
    truncated: z.boolean(),
  }),
  sideEffect: 'read',
  roles: [...READERS, 'safety'],
  run: (input, { db, patientId }) => confirmedFindings(db, patientId, { since: input.since ?? null, lesionId: input.lesionId ?? null, limit: input.limit ?? 20 }),
});

export const IMAGING_READ_TOOLS = [listImages, lesionHistoryTool, imageFindings];
