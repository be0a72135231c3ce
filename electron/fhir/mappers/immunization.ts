import { z } from 'zod';
import { codeableConcept, dateTime, id, reference } from './elements';
import { defineMapper } from './mapper';
import { coded, orNull } from './values';

const schema = z.object({
  id,
  status: z.string().optional(),
  vaccineCode: codeableConcept.optional(),
  patient: reference.optional(),
  encounter: reference.optional(),
  occurrenceDateTime: dateTime.optional(),
});

/** Immunization -> immunizations (the patient is in Immunization.patient, not subject). */
export const immunizationMapper = defineMapper({
  table: 'immunizations',
  patientElement: 'patient',
  schema,
  toRows(immunization, context) {
    return {
      main: {
        id: immunization.id,
        patient_id: context.patientId,
        encounter_id: context.refId(immunization.encounter, 'Encounter'),
        status: orNull(immunization.status),
        ...coded(immunization.vaccineCode),
        occurred_at: orNull(immunization.occurrenceDateTime),
      },
    };
  },
});
