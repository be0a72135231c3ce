export { fhirDefinitions, PRIMITIVES, type PrimitiveName } from './definitions';
export { checkPrimitive } from './primitives';
export { checkResource, type DatatypeProblem } from './validate-resource';
