import { z } from 'zod';
import { codeableConcept, dateTime, id, period, reference } from './elements';
import { defineMapper } from './mapper';
import { coded, orNull } from './values';

const schema = z.object({
  id,
  status: z.string().optional(),
  code: codeableConcept.optional(),
  subject: reference.optional(),
  encounter: reference.optional(),
  performedDateTime: dateTime.optional(),
  performedPeriod: period.optional(),
});

/** Procedure -> procedures: performed as a dateTime (a point) or a period (a span). */
export const procedureMapper = defineMapper({
  table: 'procedures',
  patientElement: 'subject',
  schema,
  toRows(procedure, context) {
    return {
      main: {
        id: procedure.id,
        patient_id: context.patientId,
        encounter_id: context.refId(procedure.encounter, 'Encounter'),
        status: orNull(procedure.status),
        ...coded(procedure.code),
        start_at: procedure.performedPeriod?.start ?? procedure.performedDateTime ?? null,
        end_at: procedure.performedPeriod?.end ?? null,
      },
    };
  },
});
