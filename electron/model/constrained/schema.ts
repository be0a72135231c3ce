/**
 * The JSON Schema subset constrained decoding enforces: object (properties,
 * required; no other keys), array (items), string, number, integer,
 * boolean, null and enum. A schema using anything else is refused rather
 * than half-enforced: an output the harness trusts must really conform.
 */
import { ModelError } from '../errors';

export type Primitive = string | number | boolean | null;

export type SchemaNode =
  | { readonly kind: 'object'; readonly properties: readonly (readonly [string, SchemaNode])[]; readonly required: readonly string[] }
  | { readonly kind: 'array'; readonly items: SchemaNode }
  | { readonly kind: 'string' | 'number' | 'integer' | 'boolean' | 'null' }
  /** Each allowed value as its JSON text (the literal the model must write). */
  | { readonly kind: 'enum'; readonly literals: readonly string[] };

// Annotations that do not constrain values, so ignoring them is safe.
const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', '$schema', '$id', '$comment']);
const KEYWORDS: Record<string, readonly string[]> = {
  object: ['type', 'properties', 'required', 'additionalProperties'],
  array: ['type', 'items'],
  enum: ['type', 'enum'],
  scalar: ['type'],
};

function fail(path: string, message: string): never {
  throw new ModelError('invalid-request', `JSON Schema ${path || '(root)'}: ${message}`);
}

function typeMatches(value: Primitive, type: unknown): boolean {
  if (type === undefined) return true;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'null') return value === null;
  return typeof value === type;
}

export function compileSchema(schema: unknown, path = ''): SchemaNode {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) fail(path, 'must be an object');
  const s = schema as Record<string, unknown>;
  const kind = 'enum' in s ? 'enum' : s.type;
  const group = kind === 'object' || kind === 'array' || kind === 'enum' ? kind : 'scalar';
  for (const key of Object.keys(s)) {
    if (!ANNOTATIONS.has(key) && !KEYWORDS[group]!.includes(key)) fail(path, `the keyword "${key}" is not supported by constrained decoding`);
  }
  switch (kind) {
    case 'enum': {
      const values = s.enum;
      if (!Array.isArray(values) || values.length === 0) fail(path, 'enum must be a non-empty list');
      const literals = values.map((v: unknown) => {
        if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) fail(path, 'enum values must be strings, numbers, booleans or null');
        if (!typeMatches(v as Primitive, s.type)) fail(path, `enum value ${JSON.stringify(v)} is not of type ${String(s.type)}`);
        return JSON.stringify(v);
      });
      return { kind: 'enum', literals: [...new Set(literals)] };
    }
    case 'object': {
      if (s.additionalProperties !== undefined && s.additionalProperties !== false) fail(path, 'additionalProperties must be false (only listed properties are produced)');
      const props = (s.properties ?? {}) as Record<string, unknown>;
      if (typeof props !== 'object' || Array.isArray(props)) fail(path, 'properties must be an object');
      const properties = Object.entries(props).map(([name, sub]) => {
        if (name === '' || [...name].some((c) => c === '"' || c === '\\' || c.charCodeAt(0) < 0x20)) fail(path, `property name ${JSON.stringify(name)} needs escaping, which is not supported`);
        return [name, compileSchema(sub, `${path}/properties/${name}`)] as const;
      });
      const required = (s.required ?? []) as unknown[];
      if (!Array.isArray(required)) fail(path, 'required must be a list');
      for (const name of required) {
        if (typeof name !== 'string' || !(name in props)) fail(path, `required property ${JSON.stringify(name)} is not in properties`);
      }
      return { kind: 'object', properties, required: [...new Set(required as string[])] };
    }
    case 'array':
      if (s.items === undefined) fail(path, 'an array needs items');
      return { kind: 'array', items: compileSchema(s.items, `${path}/items`) };
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
      return { kind };
    default:
      return fail(path, `type ${JSON.stringify(kind)} is not supported (one type per schema: object, array, string, number, integer, boolean, null, or enum)`);
  }
}

/** Whether a parsed JSON value conforms to the schema (the same subset, checked after the fact). */
export function conforms(value: unknown, node: SchemaNode): boolean {
  switch (node.kind) {
    case 'enum':
      return node.literals.includes(JSON.stringify(value));
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value) && value.every((item) => conforms(item, node.items));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const props = new Map(node.properties);
      const record = value as Record<string, unknown>;
      return (
        node.required.every((name) => name in record) &&
        Object.entries(record).every(([name, v]) => props.has(name) && conforms(v, props.get(name)!))
      );
    }
  }
}
