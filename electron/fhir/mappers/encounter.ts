import { z } from 'zod';
import { codeableConcept, coding, id, period, reference } from './elements';
import { defineMapper } from './mapper';
import { coded, conceptText, orNull } from './values';

const schema = z.object({
  id,
  status: z.string().optional(),
  class: coding.optional(),
  type: z.array(codeableConcept).optional(),
  reasonCode: z.array(codeableConcept).optional(),
  period: period.optional(),
  subject: reference.optional(),
});

/** Encounter -> encounters: the first type is the encounter's code, the first reason its reason. */
export const encounterMapper = defineMapper({
  table: 'encounters',
  patientElement: 'subject',
  schema,
  toRows(encounter, context) {
    return {
      main: {
        id: encounter.id,
        patient_id: context.patientId,
        status: orNull(encounter.status),
        class_code: orNull(encounter.class?.code),
        ...coded(encounter.type?.[0]),
        reason: conceptText(encounter.reasonCode?.[0]),
        start_at: orNull(encounter.period?.start),
        end_at: orNull(encounter.period?.end),
      },
    };
  },
});
