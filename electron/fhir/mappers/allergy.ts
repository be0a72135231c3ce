import { z } from 'zod';
import { codeableConcept, dateTime, id, reference } from './elements';
import { defineMapper } from './mapper';
import { coded, conceptText, orNull, statusCode } from './values';

const schema = z.object({
  id,
  clinicalStatus: codeableConcept.optional(),
  verificationStatus: codeableConcept.optional(),
  category: z.array(z.string()).optional(),
  criticality: z.string().optional(),
  code: codeableConcept.optional(),
  patient: reference.optional(),
  onsetDateTime: dateTime.optional(),
  recordedDate: dateTime.optional(),
  reaction: z.array(z.object({ manifestation: z.array(codeableConcept).optional() })).optional(),
});

/** AllergyIntolerance -> allergies; reactions are the manifestations' names, once each. */
export const allergyMapper = defineMapper({
  table: 'allergies',
  patientElement: 'patient',
  schema,
  toRows(allergy, context) {
    const reactions = new Set<string>();
    for (const reaction of allergy.reaction ?? []) {
      for (const manifestation of reaction.manifestation ?? []) {
        const name = conceptText(manifestation);
        if (name) reactions.add(name);
      }
    }
    return {
      main: {
        id: allergy.id,
        patient_id: context.patientId,
        clinical_status: statusCode(allergy.clinicalStatus),
        verification_status: statusCode(allergy.verificationStatus),
        category: allergy.category?.length ? allergy.category.join(', ') : null,
        criticality: orNull(allergy.criticality),
        ...coded(allergy.code),
        reactions: JSON.stringify([...reactions]),
        onset_at: orNull(allergy.onsetDateTime),
        recorded_date: orNull(allergy.recordedDate),
      },
    };
  },
});
