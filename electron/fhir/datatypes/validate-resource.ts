import { formatPath } from '../zod-issue';
import { fhirDefinitions, type ElementRule, type TypeDefinition } from './definitions';
import { checkPrimitive, HOUR, timeSpan } from './primitives';

/**
 * A resource checked against the FHIR R4 definitions (definitions.ts): each
 * element is one FHIR defines for that type, repeats only where FHIR says
 * so, and holds a valid value of its type, down to every primitive, with
 * the codes of required bindings, the elements FHIR requires, and the
 * invariants of the general datatypes that a regex cannot express:
 * - per-1: a Period's start is not after its end;
 * - qty-3: a Quantity (and Age, Count, Distance, Duration...) with a unit
 *   code names its system;
 * - rng-2: a Range's low is not above its high (same unit).
 * Returns the first problem, its path in the resource's own terms
 * (component[1].valueQuantity.value); null when the resource is valid.
 */
export interface DatatypeProblem {
  readonly path: string;
  readonly message: string;
}

/** Deeper than any real resource nests (contained resources, extensions in extensions). */
const MAX_DEPTH = 40;
const QUANTITIES = new Set(['Quantity', 'Age', 'Count', 'Distance', 'Duration', 'MoneyQuantity', 'SimpleQuantity']);

export function checkResource(resource: Record<string, unknown>): DatatypeProblem | null {
  const type = typeof resource.resourceType === 'string' ? resource.resourceType : '';
  if (!fhirDefinitions().resourceTypes.has(type)) return { path: 'resourceType', message: 'not a FHIR R4 resource type' };
  return checkObject(resource, type, [], 0);
}

/** The path walked so far, pushed and popped as the walk goes (copied only into a problem; a problem ends the walk). */
type Path = Array<string | number>;

function problem(path: Path, message: string, last?: string | number): DatatypeProblem {
  return { path: formatPath(last === undefined ? path : [...path, last]) || 'resource', message };
}

function checkObject(value: Record<string, unknown>, typeName: string, path: Path, depth: number): DatatypeProblem | null {
  if (depth > MAX_DEPTH) return problem(path, 'nested too deeply');
  const def = fhirDefinitions().types.get(typeName);
  if (!def) return problem(path, `of type ${typeName}, which this reader cannot check`);
  for (const key in value) {
    const rule = def.elements.get(key);
    if (!rule) return problem(path, `not an element of ${typeName} in FHIR R4`, key);
    path.push(key);
    const found = checkElement(value[key], rule, path, depth);
    path.pop();
    if (found) return found;
  }
  for (const required of def.required) {
    if (value[required] === undefined && value[`_${required}`] === undefined) return problem(path, `missing (FHIR requires it in ${typeName})`, required);
  }
  return invariants(value, def, path);
}

function checkElement(element: unknown, rule: ElementRule, path: Path, depth: number): DatatypeProblem | null {
  if (!rule.array) {
    if (Array.isArray(element)) return problem(path, 'expected one value, not an array');
    return checkValue(element, rule, path, depth);
  }
  if (!Array.isArray(element)) return problem(path, 'expected an array');
  for (let i = 0; i < element.length; i++) {
    // A repeating primitive may hold null where only its extension (the _element array) is given.
    if (element[i] === null && rule.target.kind === 'primitive') continue;
    path.push(i);
    const found = checkValue(element[i], rule, path, depth);
    path.pop();
    if (found) return found;
  }
  return null;
}

function checkValue(value: unknown, rule: ElementRule, path: Path, depth: number): DatatypeProblem | null {
  if (value === null) return problem(path, 'null is no value in FHIR (leave the element out)');
  const { target } = rule;
  switch (target.kind) {
    case 'primitive': {
      const message = checkPrimitive(target.primitive, value);
      return message === null ? null : problem(path, message);
    }
    case 'codes':
      if (typeof value === 'string' && target.codes.has(value)) return null;
      return problem(path, `not one of the codes FHIR allows here (${[...target.codes].slice(0, 12).join(', ')}${target.codes.size > 12 ? ', ...' : ''})`);
    case 'const':
      return value === target.value ? null : problem(path, `expected "${target.value}"`);
    case 'complex':
      if (!isObject(value)) return problem(path, `expected an object (a FHIR ${target.type})`);
      return checkObject(value, target.type, path, depth + 1);
    case 'resource': {
      if (!isObject(value)) return problem(path, 'expected a FHIR resource');
      const type = value.resourceType;
      if (typeof type !== 'string' || !fhirDefinitions().resourceTypes.has(type)) return problem(path, 'not a FHIR R4 resource type', 'resourceType');
      return checkObject(value, type, path, depth + 1);
    }
  }
}

function invariants(value: Record<string, unknown>, def: TypeDefinition, path: Path): DatatypeProblem | null {
  if (def.name === 'Period' && typeof value.start === 'string' && typeof value.end === 'string' && endsBeforeStart(value.start, value.end)) {
    return problem(path, 'before start (FHIR per-1: a period does not end before it starts)', 'end');
  }
  if (QUANTITIES.has(def.name) && value.code !== undefined && value.system === undefined) {
    return problem(path, 'missing where a unit code is given (FHIR qty-3)', 'system');
  }
  if (def.name === 'Range' && isObject(value.low) && isObject(value.high)) {
    const { low, high } = value;
    const sameUnit = low.code === high.code && low.system === high.system && (low.code !== undefined || low.unit === high.unit);
    if (sameUnit && typeof low.value === 'number' && typeof high.value === 'number' && low.value > high.value) {
      return problem(path, 'above high (FHIR rng-2)', 'low');
    }
  }
  return null;
}

/**
 * Whether the end is certainly before the start: every moment the start may mean is at or after every
 * moment the end may mean. A date without a time, met with a zoned time, may be in any zone (-12:00 to +14:00).
 */
function endsBeforeStart(start: string, end: string): boolean {
  const s = timeSpan(start);
  const e = timeSpan(end);
  const mixed = s.zoned !== e.zoned;
  const earliest = s.earliest - (mixed && !s.zoned ? 14 * HOUR : 0);
  const latest = e.latest + (mixed && !e.zoned ? 12 * HOUR : 0);
  return earliest >= latest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
