import { VaultError } from '../store/errors';
import type { Db } from '../store/sqlite';
import type { Vault } from '../store/vault';
import { rewriteReferences } from './references';
import { patientColumns, patientResource, patientTableResources } from './row-queries';
import { PATIENT_TABLES } from './tables';
import type { FhirBundle, FhirBundleEntry, FhirResource } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One patient's record as a FHIR R4 collection Bundle: the Patient, then the
 * resources of every table in import order, exactly as stored (references
 * already in "Type/id" form since the import). Rows derived from a resource
 * (observation components, care plan activities) are not resources and are
 * rebuilt by the next import. Importing the result into another vault gives
 * the same rows.
 *
 * Read and audited in one transaction, so the audit entry describes exactly
 * the snapshot that left the vault.
 */
export function exportPatientBundle(vault: Vault, patientId: string): FhirBundle {
  const db = vault.db;
  return vault.write(() =>
    db.transaction((): FhirBundle => {
      const patient = patientResource(db, patientId);
      if (patient === undefined) throw new VaultError('not-found', `patient ${patientId}: not in this vault`);
      const resources: FhirResource[] = [patient ? (JSON.parse(patient) as FhirResource) : patientFromColumns(db, patientId)];
      for (const table of PATIENT_TABLES) {
        for (const json of patientTableResources(db, table, patientId)) resources.push(JSON.parse(json) as FhirResource);
      }
      // A resource imported before its target (in an earlier bundle) may
      // still say "urn:uuid:<id>"; within this bundle that is the target's
      // fullUrl, so say it the same way as every other reference.
      const byFullUrl = new Map(resources.map((r) => [`urn:uuid:${r.id}`, `${r.resourceType}/${r.id}`]));
      for (const resource of resources) rewriteReferences(resource, (reference) => byFullUrl.get(reference));

      const used = new Set<string>();
      const entry = resources.map((resource): FhirBundleEntry => {
        // urn:uuid only for UUID ids (a urn:uuid must be one), and once each.
        const fullUrl = resource.id && UUID.test(resource.id) ? `urn:uuid:${resource.id}` : undefined;
        if (!fullUrl || used.has(fullUrl)) return { resource };
        used.add(fullUrl);
        return { fullUrl, resource };
      });
      vault.audit('export.fhir', patientId, { resources: entry.length });
      return { resourceType: 'Bundle', type: 'collection', timestamp: vault.now().toISOString(), entry };
    })(),
  );
}

/** A Patient for a row that was not imported from FHIR (none is, yet): what the columns say. */
function patientFromColumns(db: Db, patientId: string): FhirResource {
  const row = patientColumns(db, patientId);
  const name: Record<string, unknown> = {};
  if (row.family) name.family = row.family;
  if (row.given) name.given = row.given.split(' ');
  const resource: FhirResource = { resourceType: 'Patient', id: patientId };
  if (Object.keys(name).length) resource.name = [name];
  if (row.sex) resource.gender = row.sex;
  if (row.birth_date) resource.birthDate = row.birth_date;
  if (row.deceased_at) resource.deceasedDateTime = row.deceased_at;
  return resource;
}
