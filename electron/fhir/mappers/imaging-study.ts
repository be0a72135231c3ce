import { z } from 'zod';
import { codeableConcept, coding, dateTime, id, reference } from './elements';
import { defineMapper } from './mapper';
import { conceptText, orNull } from './values';

const count = z.int().min(0);

const schema = z.object({
  id,
  status: z.string().optional(),
  modality: z.array(coding).optional(),
  description: z.string().optional(),
  procedureCode: z.array(codeableConcept).optional(),
  subject: reference.optional(),
  encounter: reference.optional(),
  started: dateTime.optional(),
  numberOfSeries: count.optional(),
  numberOfInstances: count.optional(),
  series: z
    .array(
      z.object({
        modality: coding.optional(),
        description: z.string().optional(),
        numberOfInstances: count.optional(),
        bodySite: coding.optional(),
      }),
    )
    .optional(),
});

/**
 * ImagingStudy -> imaging_studies. Modality: the study's codes, else its
 * series', distinct, comma-separated. Synthea gives no description, so one
 * is made from the first series (modality and body site) when needed.
 */
export const imagingStudyMapper = defineMapper({
  table: 'imaging_studies',
  patientElement: 'subject',
  schema,
  toRows(study, context) {
    const series = study.series ?? [];
    const modalities = (study.modality?.length ? study.modality : series.map((s) => s.modality)).map((m) => m?.code).filter(Boolean);
    const first = series[0];
    const fromSeries = [first?.modality?.display, first?.bodySite?.display].filter(Boolean).join(': ');
    const instances = series.reduce((sum, s) => sum + (s.numberOfInstances ?? 0), 0);
    return {
      main: {
        id: study.id,
        patient_id: context.patientId,
        encounter_id: context.refId(study.encounter, 'Encounter'),
        status: orNull(study.status),
        modality: modalities.length ? [...new Set(modalities)].join(',') : null,
        description: study.description ?? conceptText(study.procedureCode?.[0]) ?? first?.description ?? (fromSeries || null),
        started_at: orNull(study.started),
        series_count: study.numberOfSeries ?? (series.length || null),
        instance_count: study.numberOfInstances ?? (instances || null),
      },
    };
  },
});
