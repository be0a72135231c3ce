import { z } from 'zod';
import { codeableConcept, dateTime, id, period, quantity, reference } from './elements';
import { defineMapper } from './mapper';
import { coded, orNull, type CodedColumns } from './values';

const dosage = z.object({
  text: z.string().optional(),
  asNeededBoolean: z.boolean().optional(),
  timing: z
    .object({
      repeat: z
        .object({ frequency: z.int().optional(), period: z.number().optional(), periodUnit: z.string().optional() })
        .optional(),
    })
    .optional(),
  doseAndRate: z.array(z.object({ doseQuantity: quantity.optional() })).optional(),
});
type Dosage = z.infer<typeof dosage>;

const medication = {
  id,
  status: z.string().optional(),
  medicationCodeableConcept: codeableConcept.optional(),
  medicationReference: reference.optional(),
  subject: reference.optional(),
};

const requestSchema = z.object({
  ...medication,
  intent: z.string().optional(),
  encounter: reference.optional(),
  authoredOn: dateTime.optional(),
  dispenseRequest: z.object({ validityPeriod: period.optional() }).optional(),
  dosageInstruction: z.array(dosage).optional(),
});

const statementSchema = z.object({
  ...medication,
  context: reference.optional(),
  effectiveDateTime: dateTime.optional(),
  effectivePeriod: period.optional(),
  dateAsserted: dateTime.optional(),
  dosage: z.array(dosage).optional(),
});

/** Statuses that say the medication is no longer taken. */
const ENDED = new Set(['stopped', 'completed']);

/** The drug: its code when coded; a Medication resource referenced instead gives only its display. */
function drug(m: { medicationCodeableConcept?: z.infer<typeof codeableConcept>; medicationReference?: { display?: string } }): CodedColumns {
  if (m.medicationCodeableConcept) return coded(m.medicationCodeableConcept);
  return { code_system: null, code: null, display: m.medicationReference?.display ?? null };
}

/** UCUM time units as a clinician says them. */
const PERIOD_UNITS: Record<string, [one: string, many: string]> = {
  s: ['second', 'seconds'],
  min: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  mo: ['month', 'months'],
  a: ['year', 'years'],
};

/** "once a day", "3 times a day", "every 6 hours", "twice every 2 weeks". */
function frequencyText(frequency: number, period: number, periodUnit: string): string {
  const [one, many] = PERIOD_UNITS[periodUnit] ?? [periodUnit, periodUnit];
  const times = frequency === 1 ? 'once' : frequency === 2 ? 'twice' : `${frequency} times`;
  if (period === 1) return `${times} a ${one}`;
  return frequency === 1 ? `every ${period} ${many}` : `${times} every ${period} ${many}`;
}

/**
 * A dosage as one line: its text when the source wrote one, else built from
 * the structured parts Synthea gives ("1 dose every 6 hours, as needed").
 */
export function dosageText(d: Dosage | undefined): string | null {
  if (!d) return null;
  if (d.text) return d.text;
  const parts: string[] = [];
  const dose = d.doseAndRate?.[0]?.doseQuantity;
  const repeat = d.timing?.repeat;
  let line = dose?.value === undefined ? '' : `${dose.value} ${dose.unit ?? (dose.value === 1 ? 'dose' : 'doses')}`;
  if (repeat?.frequency !== undefined && repeat.period !== undefined && repeat.periodUnit) {
    line = `${line}${line ? ' ' : ''}${frequencyText(repeat.frequency, repeat.period, repeat.periodUnit)}`;
  }
  if (line) parts.push(line);
  if (d.asNeededBoolean) parts.push('as needed');
  return parts.length ? parts.join(', ') : null;
}

/**
 * MedicationRequest -> medications: from authoredOn to the end of the
 * dispense validity period when there is one. A stopped order with no such
 * date keeps a NULL end: its status says it is over, and no date is invented.
 */
export const medicationRequestMapper = defineMapper({
  table: 'medications',
  patientElement: 'subject',
  schema: requestSchema,
  toRows(request, context) {
    const validity = request.dispenseRequest?.validityPeriod;
    return {
      main: {
        id: request.id,
        patient_id: context.patientId,
        encounter_id: context.refId(request.encounter, 'Encounter'),
        status: orNull(request.status),
        intent: orNull(request.intent),
        ...drug(request),
        dosage_text: dosageText(request.dosageInstruction?.[0]),
        start_at: request.authoredOn ?? validity?.start ?? null,
        end_at: orNull(validity?.end),
      },
    };
  },
});

/**
 * MedicationStatement -> medications: its effective period; a single
 * effective time of a stopped or completed statement is both start and end.
 */
export const medicationStatementMapper = defineMapper({
  table: 'medications',
  patientElement: 'subject',
  schema: statementSchema,
  toRows(statement, context) {
    const ended = statement.status !== undefined && ENDED.has(statement.status);
    return {
      main: {
        id: statement.id,
        patient_id: context.patientId,
        encounter_id: context.refId(statement.context, 'Encounter'),
        status: orNull(statement.status),
        intent: null,
        ...drug(statement),
        dosage_text: dosageText(statement.dosage?.[0]),
        start_at: statement.effectivePeriod?.start ?? statement.effectiveDateTime ?? statement.dateAsserted ?? null,
        end_at: statement.effectivePeriod?.end ?? (ended ? orNull(statement.effectiveDateTime) : null),
      },
    };
  },
});
