/**
 * The few FHIR R4 JSON shapes this module hands out. @types/fhir as installed
 * (3.0.2) describes STU3 only, so R4 is typed here, as far as we need it.
 */

/** Any FHIR resource, as JSON: its type, its id, and whatever else it carries. */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [element: string]: unknown;
}

export interface FhirBundleEntry {
  fullUrl?: string;
  resource: FhirResource;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: FhirBundleEntry[];
}

/** The bundle types we import: each entry is a resource to store. */
export const IMPORTED_BUNDLE_TYPES = ['transaction', 'collection', 'batch', 'searchset'] as const;
