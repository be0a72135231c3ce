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
  effectiveDateTime: dateTime.optional(),
  effectivePeriod: period.optional(),
  issued: dateTime.optional(),
  result: z.array(reference).optional(),
  conclusion: z.string().optional(),
});

/** DiagnosticReport -> diagnostic_reports; result_ids lists the Observations it reports, by id. */
export const diagnosticReportMapper = defineMapper({
  table: 'diagnostic_reports',
  patientElement: 'subject',
  schema,
  toRows(report, context) {
    const results = (report.result ?? []).map((r) => context.refId(r, 'Observation')).filter((r): r is string => r !== null);
    return {
      main: {
        id: report.id,
        patient_id: context.patientId,
        encounter_id: context.refId(report.encounter, 'Encounter'),
        status: orNull(report.status),
        ...coded(report.code),
        effective_at: report.effectiveDateTime ?? report.effectivePeriod?.start ?? null,
        issued_at: orNull(report.issued),
        result_ids: JSON.stringify(results),
        conclusion: orNull(report.conclusion),
      },
    };
  },
});
