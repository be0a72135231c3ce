import { z } from 'zod';
import { codeableConcept, dateTime, id } from './elements';
import { defineMapper } from './mapper';
import { orNull } from './values';

const humanName = z.object({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
});

const identifier = z.object({
  system: z.string().optional(),
  value: z.string().optional(),
  type: codeableConcept.optional(),
});

const schema = z.object({
  id,
  name: z.array(humanName).optional(),
  identifier: z.array(identifier).optional(),
  gender: z.string().optional(),
  birthDate: dateTime.optional(),
  deceasedDateTime: dateTime.optional(),
});

/**
 * Patient -> patients. The names are kept as given (Synthea's trailing
 * digits included): the official name, else the first, as "Given Family".
 * search_text gathers every name, identifier and the birth date, lower-cased,
 * so that the patient list can match any of them without functions.
 */
export const patientMapper = defineMapper({
  table: 'patients',
  patientElement: null,
  schema,
  toRows(patient) {
    const names = patient.name ?? [];
    const name = names.find((n) => n.use === 'official') ?? names[0];
    const given = name?.given?.join(' ') || null;
    const family = name?.family ?? null;
    const identifiers = (patient.identifier ?? [])
      .filter((i) => i.value !== undefined)
      .map((i) => ({
        system: i.system ?? null,
        value: i.value as string,
        type: i.type?.text ?? i.type?.coding?.[0]?.display ?? i.type?.coding?.[0]?.code ?? null,
      }));
    const searchable = [
      ...names.flatMap((n) => [...(n.given ?? []), n.family, n.text]),
      ...identifiers.map((i) => i.value),
      patient.birthDate,
    ];
    return {
      main: {
        id: patient.id,
        name_text: [given, family].filter(Boolean).join(' ') || name?.text || '',
        family,
        given,
        birth_date: orNull(patient.birthDate),
        sex: orNull(patient.gender),
        deceased_at: orNull(patient.deceasedDateTime),
        identifiers: JSON.stringify(identifiers),
        search_text: searchable.filter(Boolean).join(' ').toLowerCase(),
      },
    };
  },
});
