import { recordCitation } from '../../api/schemas';

/** Record kinds a model's claim may cite: those a citation may name (not a day's results, not a scanned document as a whole). */
export const CITABLE_KINDS = recordCitation.shape.record.options;

/** One orchestrator step: a reply to the clinician with its claims, or a tool to call first. */
export function orchestratorSchema(toolIds: readonly string[]): unknown {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['tool', 'reply', 'claims'],
    properties: {
      tool: { enum: ['none', ...toolIds] },
      reply: { type: 'string' },
      claims: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['text', 'record', 'id'],
          properties: { text: { type: 'string' }, record: { enum: CITABLE_KINDS }, id: { type: 'string' } },
        },
      },
    },
  };
}

export const SIGN_OFF_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['assessment', 'plan', 'followUpDate'],
  properties: { assessment: { type: 'string' }, plan: { type: 'string' }, followUpDate: { type: 'string' } },
};

export const SAFETY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['concerns'],
  properties: { concerns: { type: 'array', items: { type: 'string' } } },
};
