import type { z } from 'zod';

/**
 * A validation failure as "path: what was expected", e.g.
 * "valueQuantity.value: expected a number". zod's own messages are not
 * reused for type errors: they are fine, but ours read better in one line,
 * and none of ours can quote a value.
 */
export function describeValidationError(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = formatPath(issue.path);
  const message = issue.code === 'invalid_type' ? typeMessage(issue.expected, valueAt(input, issue.path)) : issue.message;
  return `${path || 'resource'}: ${message}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
};

function typeMessage(expected: string, value: unknown): string {
  if (value === undefined) return 'missing';
  return `expected ${EXPECTED[expected] ?? expected}`;
}

/** component[1].valueQuantity.value */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += `${out ? '.' : ''}${String(key)}`;
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
