import { z } from 'zod';

// Value constraints that token masking does not enforce; the registry's zod
// validation checks them after decoding, and a violation is a refusal.
const VALUE_KEYWORDS = new Set(['minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'uniqueItems', '$schema', 'multipleOf']);

/**
 * A tool's input schema as constrained decoding takes it: the structure
 * (objects, their properties, arrays, types, enums) kept, value limits
 * dropped. A union or other construct the decoder cannot follow makes the
 * tool unavailable to the model rather than loosely constrained.
 */
export function decodingSchema(schema: z.ZodType): unknown {
  return strip(z.toJSONSchema(schema, { unrepresentable: 'throw' }));
}

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (VALUE_KEYWORDS.has(key)) continue;
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, strip(v)]));
    else out[key] = strip(value);
  }
  // A nullable field becomes anyOf [T, null], which the decoder does not take: keep T (the model then always gives one).
  if (Array.isArray(out.anyOf)) {
    const options = (out.anyOf as Array<Record<string, unknown>>).filter((o) => o.type !== 'null');
    if (options.length === 1) return options[0];
  }
  return out;
}
