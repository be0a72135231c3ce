/**
 * FHIR R4 import and export for the patient-memory store.
 *
 *   importBundleFile(vault, path, { onProgress? }): Promise<ImportReport>
 *     Streams a Bundle file (transaction, collection, batch or searchset) into
 *     the vault in one transaction. Memory is bounded by the largest entry,
 *     not the file. Progress: { resources, bytes, totalBytes,
 *     maxBufferedBytes } after each 1 MiB read (the last: the most bytes of
 *     one entry held between reads). Call it once per file, in sequence.
 *
 *   importBundleText(vault, fileName, text, { onProgress? }): ImportReport
 *     The same for a bundle already in memory (the renderer uploads text).
 *
 *   exportPatientBundle(vault, patientId): FhirBundle
 *     One patient as a collection Bundle; importing it elsewhere gives the
 *     same rows. Throws VaultError 'not-found' for an unknown patient.
 *
 * What an import does:
 * - Maps Patient, Encounter, Condition, MedicationRequest/-Statement,
 *   AllergyIntolerance, Observation (+ one row per component), Procedure,
 *   Immunization, DiagnosticReport, ImagingStudy, CarePlan (+ one row per
 *   activity) and Goal to their tables; counts every other type in
 *   report.notMapped.
 * - Rewrites references to bundle entries ("urn:uuid:...") to "Type/id",
 *   forward references included, and stores each resource so rewritten in
 *   `resource`, with the SHA-256 of its canonical JSON in `content_hash`.
 * - Provenance: one `sources` row per file (kind 'fhir-import', base name,
 *   SHA-256 of the bytes); every row has source_ref "Type/id", recorded_at
 *   (the import time) and recorded_by (the clinician).
 * - Idempotent: a byte-identical file is not read again (alreadyImported);
 *   a resource with the same id and content is unchanged, with other
 *   content it is updated (its component/activity rows rebuilt).
 * - All or nothing: any invalid entry throws a FhirImportError (a VaultError,
 *   code 'invalid-input') whose one-line message names the file, the entry
 *   (index in Bundle.entry, from 0), the resource and the field, e.g.
 *   "bundle.json: entry 12 (Observation/abc): valueQuantity.value: expected a number",
 *   and the vault is left as it was. Messages never quote patient data.
 *   Two entries for one mapped resource (same Type/id), or one fullUrl for
 *   two resources, are refused too: which one counts would be a guess.
 * - Audit: one 'import.fhir' entry per patient in the bundle (detail: file,
 *   sourceId, counts), one 'export.fhir' per export, in the same transaction.
 */
export { importBundleFile, importBundleText, importBundleTextSliced, type ImportOptions, type ImportProgress, type SlicedImportOptions } from './import-bundle';
export { exportPatientBundle } from './export-bundle';
export { FhirImportError } from './errors';
export { MAPPED_TYPES } from './mappers';
export type { FhirBundle, FhirBundleEntry, FhirResource } from './types';
export type { ImportReport } from '../api/schemas';
