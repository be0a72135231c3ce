import { z } from 'zod';
import { codeableConcept, dateTime, id, period, reference } from './elements';
import { defineMapper } from './mapper';
import { coded, statusCode } from './values';

const schema = z.object({
  id,
  clinicalStatus: codeableConcept.optional(),
  verificationStatus: codeableConcept.optional(),
  code: codeableConcept.optional(),
  subject: reference.optional(),
  encounter: reference.optional(),
  onsetDateTime: dateTime.optional(),
  onsetPeriod: period.optional(),
  abatementDateTime: dateTime.optional(),
  abatementPeriod: period.optional(),
});

/** Condition -> conditions. Onset and abatement may be a dateTime or a period; a period's start counts. */
export const conditionMapper = defineMapper({
  table: 'conditions',
  patientElement: 'subject',
  schema,
  toRows(condition, context) {
    return {
      main: {
        id: condition.id,
        patient_id: context.patientId,
        encounter_id: context.refId(condition.encounter, 'Encounter'),
        clinical_status: statusCode(condition.clinicalStatus),
        verification_status: statusCode(condition.verificationStatus),
        ...coded(condition.code),
        onset_at: condition.onsetDateTime ?? condition.onsetPeriod?.start ?? null,
        abated_at: condition.abatementDateTime ?? condition.abatementPeriod?.start ?? null,
      },
    };
  },
});
