/**
 * The vital signs an AgentClinic case states, as FHIR Observations with
 * their LOINC codes and UCUM units, so that a case enters the record as a
 * real patient would. Values that do not parse stay in the script's text.
 */
interface Vital {
  readonly code: string;
  readonly display: string;
  readonly unit: string;
  readonly pattern: RegExp;
  /** Converts a matched value to the unit (°F to Cel). */
  readonly convert?: (value: number, text: string) => number;
}

const VITALS: Record<string, Vital> = {
  Heart_Rate: { code: '8867-4', display: 'Heart rate', unit: '/min', pattern: /(\d+(?:\.\d+)?)\s*(?:bpm|\/min|beats)/i },
  Pulse: { code: '8867-4', display: 'Heart rate', unit: '/min', pattern: /(\d+(?:\.\d+)?)\s*(?:bpm|\/min|beats)/i },
  Respiratory_Rate: { code: '9279-1', display: 'Respiratory rate', unit: '/min', pattern: /(\d+(?:\.\d+)?)\s*(?:breaths|\/min)/i },
  Temperature: {
    code: '8310-5',
    display: 'Body temperature',
    unit: 'Cel',
    pattern: /(\d+(?:\.\d+)?)\s*°?\s*([CF])/i,
    convert: (value, text) => (/°?\s*F/i.test(text) && !/°?\s*C/i.test(text) ? Math.round(((value - 32) * 50) / 9) / 10 : value),
  },
  Oxygen_Saturation: { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', unit: '%', pattern: /(\d+(?:\.\d+)?)\s*%/ },
  Pulse_Oximetry: { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', unit: '%', pattern: /(\d+(?:\.\d+)?)\s*%/ },
};

export interface VitalObservation {
  readonly resourceType: 'Observation';
  readonly [key: string]: unknown;
}

export function vitalObservations(patientId: string, vitals: unknown, at: string): VitalObservation[] {
  if (!vitals || typeof vitals !== 'object') return [];
  const out: VitalObservation[] = [];
  const base = (suffix: string) => ({
    resourceType: 'Observation' as const,
    id: `${patientId}-${suffix}`,
    status: 'final',
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: at,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
  });
  const quantity = (value: number, unit: string) => ({ value, unit, system: 'http://unitsofmeasure.org', code: unit });
  for (const [key, text] of Object.entries(vitals as Record<string, unknown>)) {
    if (typeof text !== 'string') continue;
    if (key.startsWith('Blood_Pressure')) {
      const bp = /(\d{2,3})\s*\/\s*(\d{2,3})/.exec(text);
      if (!bp || out.some((o) => o.id === `${patientId}-bp`)) continue;
      out.push({
        ...base('bp'),
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel' }], text: 'Blood pressure' },
        component: [
          { code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: quantity(Number(bp[1]), 'mm[Hg]') },
          { code: { coding: [{ system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: quantity(Number(bp[2]), 'mm[Hg]') },
        ],
      });
      continue;
    }
    const vital = VITALS[key];
    const match = vital?.pattern.exec(text);
    if (!vital || !match || out.some((o) => o.id === `${patientId}-${vital.code}`)) continue;
    const value = vital.convert ? vital.convert(Number(match[1]), match[0]) : Number(match[1]);
    out.push({ ...base(vital.code), code: { coding: [{ system: 'http://loinc.org', code: vital.code, display: vital.display }], text: vital.display }, valueQuantity: quantity(value, vital.unit) });
  }
  return out;
}
