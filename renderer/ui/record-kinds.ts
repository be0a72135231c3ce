import type { EventKind } from '../../electron/api/schemas';

/** A kind of record as a lane's name (plural): the timeline's lanes and filter chips. */
export const KIND_LABEL: Record<EventKind, string> = {
  allergy: 'Allergies',
  encounter: 'Encounters',
  condition: 'Conditions',
  medication: 'Medications',
  procedure: 'Procedures',
  immunization: 'Immunizations',
  observation: 'Observations',
  results: 'Results',
  'diagnostic-report': 'Reports',
  'imaging-study': 'Imaging',
  'care-plan': 'Care plans',
  note: 'Notes',
  fact: 'Facts and findings',
  document: 'Scanned documents',
};

/** One of a kind, for a tooltip or a drawer's title. */
export const KIND_SINGULAR: Record<EventKind, string> = {
  allergy: 'Allergy',
  encounter: 'Encounter',
  condition: 'Condition',
  medication: 'Medication',
  procedure: 'Procedure',
  immunization: 'Immunization',
  observation: 'Observation',
  results: 'Results of the day',
  'diagnostic-report': 'Report',
  'imaging-study': 'Imaging study',
  'care-plan': 'Care plan',
  note: 'Note',
  fact: 'Fact',
  document: 'Scanned document',
};
