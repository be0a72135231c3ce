import { z } from 'zod';
import { codeableConcept, dateTime, id, period, quantity, range, reference } from './elements';
import { defineMapper } from './mapper';
import { coded, conceptText, orNull } from './values';
import type { RowOf } from '../tables';

// The value elements an Observation and each of its components share.
const measured = {
  code: codeableConcept.optional(),
  valueQuantity: quantity.optional(),
  valueCodeableConcept: codeableConcept.optional(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.int().optional(),
  valueDateTime: dateTime.optional(),
  referenceRange: z.array(range).optional(),
  interpretation: z.array(codeableConcept).optional(),
};

const component = z.object(measured);
type Measured = z.infer<typeof component>;

const schema = z.object({
  id,
  ...measured,
  status: z.string().optional(),
  category: z.array(codeableConcept).optional(),
  subject: reference.optional(),
  encounter: reference.optional(),
  effectiveDateTime: dateTime.optional(),
  effectivePeriod: period.optional(),
  effectiveInstant: dateTime.optional(),
  component: z.array(component).optional(),
});

/** The value columns: a number with its UCUM unit, or a text (coded, string, boolean, date). */
function valueColumns(m: Measured) {
  const q = m.valueQuantity;
  const low = m.referenceRange?.[0]?.low?.value;
  const high = m.referenceRange?.[0]?.high?.value;
  return {
    ...coded(m.code),
    value_num: q?.value ?? m.valueInteger ?? null,
    value_text:
      m.valueString ?? conceptText(m.valueCodeableConcept) ?? (m.valueBoolean === undefined ? null : String(m.valueBoolean)) ?? m.valueDateTime ?? null,
    // The UCUM code ("mm[Hg]") is what trends compare; the printable unit is the fallback.
    unit: q ? (q.code ?? q.unit ?? null) : null,
    unit_system: orNull(q?.system),
    ref_low: orNull(low),
    ref_high: orNull(high),
    interpretation: m.interpretation?.[0]?.coding?.[0]?.code ?? null,
  };
}

/**
 * Observation -> observations: one row for the observation and, for each
 * component (blood pressure's systolic and diastolic...), one more row with
 * parent_id set and id "<observation id>#<index>", so that a trend queries a
 * single code. Only the observation's own row keeps the resource.
 */
export const observationMapper = defineMapper({
  table: 'observations',
  patientElement: 'subject',
  schema,
  toRows(observation, context) {
    const shared = {
      patient_id: context.patientId,
      encounter_id: context.refId(observation.encounter, 'Encounter'),
      status: orNull(observation.status),
      category: observation.category?.[0]?.coding?.[0]?.code ?? null,
      effective_at: observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.effectiveInstant ?? null,
    };
    const children = (observation.component ?? []).map(
      (part, index): RowOf<'observations'> => ({
        id: `${observation.id}#${index}`,
        parent_id: observation.id,
        ...shared,
        ...valueColumns(part),
      }),
    );
    return { main: { id: observation.id, parent_id: null, ...shared, ...valueColumns(observation) }, children };
  },
});
