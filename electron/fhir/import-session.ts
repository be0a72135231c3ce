import type { Db } from '../store/sqlite';
import { jsonErrorPlace, type RawEntry } from './bundle-splitter';
import { canonicalJson, sha256Hex } from './canonical-json';
import { checkResource } from './datatypes';
import { FhirImportError, TYPE_NAME, type EntryPlace } from './errors';
import { mapperFor, type MapContext, type MappedRows, type Mapper } from './mappers';
import { FullUrlMap, isBundleLocal, parseTypedReference } from './references';
import { rewriteReferences } from './references';
import { patientLookup, RowWriter, type Original, type Provenance } from './row-queries';
import { describeValidationError } from './zod-issue';

/**
 * The import of one bundle, entry by entry, inside the caller's transaction:
 * it resolves references, validates, maps and writes each resource, and
 * counts what it did. Anything wrong throws a FhirImportError naming the
 * entry, and the caller's transaction rolls the whole bundle back.
 *
 * Forward references (an entry naming a later entry's fullUrl) are common in
 * collection bundles: such an entry is kept, as text, and stored at the end
 * of the bundle when every fullUrl is known. Synthea's bundles have none, so
 * memory stays that of one entry; a bundle written backwards costs the text
 * of its forward-referencing entries.
 */

export type Counts = Record<string, number>;

export interface PatientCounts {
  readonly added: Counts;
  readonly updated: Counts;
  readonly unchanged: Counts;
}

type Outcome = keyof PatientCounts;

interface ParsedEntry {
  readonly resource: Record<string, unknown> & { resourceType: string };
  readonly fullUrl: string | undefined;
}

/** A resource checked and mapped, not yet written (a sliced import writes them all at the end, in one short transaction). */
interface PlannedWrite {
  readonly type: string;
  readonly id: string;
  readonly table: Mapper['table'];
  readonly rows: MappedRows;
  readonly original: Original;
  readonly patientId: string;
  readonly place: EntryPlace;
}

interface PendingPatient {
  readonly patientId: string;
  readonly place: EntryPlace;
  readonly path: string;
}

export class ImportSession {
  /** Entries with a resource read so far, mapped or not. */
  resources = 0;
  readonly added: Counts = {};
  readonly updated: Counts = {};
  readonly unchanged: Counts = {};
  readonly notMapped: Counts = {};
  /** Each patient whose records this bundle holds, with what happened to them. */
  readonly touched = new Map<string, PatientCounts>();

  private readonly fullUrls = new FullUrlMap();
  /** "Type/id" -> entry index, for the mapped resources read so far. */
  private readonly stored = new Map<string, number>();
  private readonly bundlePatients = new Set<string>();
  private readonly vaultPatients = new Map<string, boolean>();
  private readonly deferred: RawEntry[] = [];
  private readonly pendingPatients: PendingPatient[] = [];
  private writer: RowWriter | null;
  /** The checked and mapped resources waiting for write() (a sliced import); unused when the writes go straight in. */
  private readonly planned: PlannedWrite[] = [];
  private readonly patientExists: (patientId: string) => boolean;
  private readonly resolve = (reference: string): string | undefined => this.fullUrls.resolve(reference);

  /**
   * provenance: each resource is written as soon as it is checked, inside the
   * caller's transaction (the CLI's streaming import: memory stays that of one
   * entry). null: the import is sliced; add() and finish() only check and map,
   * outside any transaction, and write(provenance) writes everything at the
   * end in the caller's one transaction, so the bundle still appears whole.
   */
  constructor(
    private readonly db: Db,
    private readonly file: string,
    provenance: Provenance | null,
  ) {
    this.writer = provenance ? new RowWriter(db, provenance) : null;
    this.patientExists = patientLookup(db);
  }

  /** Writes what a sliced import checked and mapped (constructed with provenance null), in the caller's transaction. */
  write(provenance: Provenance): void {
    this.writer = new RowWriter(this.db, provenance);
    for (const plan of this.planned.splice(0)) this.apply(plan);
  }

  add(raw: RawEntry): void {
    const { resource, fullUrl } = this.parse(raw);
    this.resources += 1;
    const type = resource.resourceType;
    const id = typeof resource.id === 'string' ? resource.id : undefined;
    if (id !== undefined) {
      if (fullUrl !== undefined) {
        const earlier = this.fullUrls.register(fullUrl, type, id, raw.index);
        if (earlier !== null) throw this.error(`fullUrl: also names entry ${earlier}, another resource`, { index: raw.index, type, id });
      }
      if (type === 'Patient') this.bundlePatients.add(id);
    }
    const mapper = mapperFor(type);
    if (!mapper) {
      this.notMapped[type] = (this.notMapped[type] ?? 0) + 1;
      return;
    }
    if (id !== undefined) {
      // Two entries for one resource: the later would silently win, and a
      // first import would report the resource both added and updated.
      // FHIR forbids it too (a transaction's entries name distinct resources;
      // bdl-7 wants distinct fullUrls).
      const earlier = this.stored.get(`${type}/${id}`);
      if (earlier !== undefined) {
        throw this.error(`id: the same resource as entry ${earlier}; a bundle may hold each resource once`, { index: raw.index, type, id });
      }
      this.stored.set(`${type}/${id}`, raw.index);
    }
    if (rewriteReferences(resource, this.resolve) > 0) {
      this.deferred.push(raw);
      return;
    }
    this.store(raw.index, resource, mapper, false);
  }

  /** Stores the entries that waited for a later fullUrl, then checks every patient named exists. */
  finish(): void {
    for (const raw of this.deferred.splice(0)) {
      const { resource } = this.parse(raw);
      rewriteReferences(resource, this.resolve);
      this.store(raw.index, resource, mapperFor(resource.resourceType) as Mapper, true);
    }
    for (const pending of this.pendingPatients) {
      if (!this.bundlePatients.has(pending.patientId)) {
        throw this.error(`${pending.path}: no Patient/${pending.patientId} in this bundle or in the vault`, pending.place);
      }
    }
  }

  private parse(raw: RawEntry): ParsedEntry {
    const place: EntryPlace = { index: raw.index };
    let entry: unknown;
    try {
      entry = JSON.parse(raw.text);
    } catch (error) {
      throw this.error(`not valid JSON (${jsonErrorPlace(error, raw.text, raw.offset)})`, place);
    }
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw this.error('expected an object', place);
    const { resource, fullUrl } = entry as { resource?: unknown; fullUrl?: unknown };
    if (resource === undefined) throw this.error('resource: missing (an entry without a resource is not imported)', place);
    if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) throw this.error('resource: expected an object', place);
    const { resourceType, id } = resource as { resourceType?: unknown; id?: unknown };
    if (typeof resourceType !== 'string') {
      throw this.error(`resource.resourceType: ${resourceType === undefined ? 'missing' : 'expected a string'}`, place);
    }
    // Checked before the type becomes a key of the counts: "constructor" or
    // "__proto__" there would corrupt them, and any other text would put
    // whatever the file says (a name...) into the report.
    if (!TYPE_NAME.test(resourceType)) throw this.error('resource.resourceType: not a FHIR resource type name', place);
    const named = { ...place, type: resourceType, id: typeof id === 'string' ? id : undefined };
    if (fullUrl !== undefined && typeof fullUrl !== 'string') throw this.error('fullUrl: expected a string', named);
    return { resource: resource as ParsedEntry['resource'], fullUrl };
  }

  private store(index: number, resource: ParsedEntry['resource'], mapper: Mapper, final: boolean): void {
    const type = resource.resourceType;
    const place: EntryPlace = { index, type, id: typeof resource.id === 'string' ? resource.id : undefined };
    // Valid FHIR R4 first, every element of it (the official definitions), then what the mapper reads.
    const invalid = checkResource(resource);
    if (invalid) throw this.error(`${invalid.path}: ${invalid.message}`, place);
    const validated = mapper.validate(resource);
    if (!validated.ok) throw this.error(describeValidationError(validated.error, resource), place);
    const id = resource.id as string; // the schema requires it
    const patientId = mapper.patientElement === null ? id : this.patientOf(resource, mapper.patientElement, place, final);
    const context: MapContext = { patientId, refId };
    const original: Original = { sourceRef: `${type}/${id}`, json: JSON.stringify(resource), hash: sha256Hex(canonicalJson(resource)) };
    const plan: PlannedWrite = { type, id, table: mapper.table, rows: validated.toRows(context), original, patientId, place };
    if (this.writer) this.apply(plan);
    else this.planned.push(plan);
  }

  /** Writes one checked resource (or finds it unchanged) and counts what happened to it. */
  private apply(plan: PlannedWrite): void {
    const { type, id, original, patientId } = plan;
    const writer = this.writer!;
    const existing = writer.find(plan.table, id);
    let outcome: Outcome;
    if (existing && existing.source_ref !== original.sourceRef) {
      throw this.error(`id: already used by ${existing.source_ref ?? 'a record not imported from FHIR'} in this vault`, plan.place);
    }
    if (existing && existing.content_hash === original.hash) {
      outcome = 'unchanged';
    } else {
      writer.write(plan.table, plan.rows, original, existing !== undefined);
      outcome = existing ? 'updated' : 'added';
    }
    this[outcome][type] = (this[outcome][type] ?? 0) + 1;
    let counts = this.touched.get(patientId);
    if (!counts) {
      counts = { added: {}, updated: {}, unchanged: {} };
      this.touched.set(patientId, counts);
    }
    counts[outcome][type] = (counts[outcome][type] ?? 0) + 1;
  }

  /**
   * The patient a resource belongs to. It must be a Patient of this bundle
   * (possibly further on) or of the vault; the first is only known at the
   * end of the bundle, so that check waits for finish().
   */
  private patientOf(resource: Record<string, unknown>, element: 'subject' | 'patient', place: EntryPlace, final: boolean): string {
    const path = `${element}.reference`;
    const reference = (resource[element] as { reference?: string } | undefined)?.reference;
    if (reference === undefined) throw this.error(`${path}: missing (every ${place.type} must name its patient)`, place);
    const target = parseTypedReference(reference);
    if (!target) {
      if (reference.includes('?')) throw this.error(`${path}: conditional references are not supported; name the Patient`, place);
      if (final && isBundleLocal(reference)) throw this.error(`${path}: names no entry of this bundle`, place);
      throw this.error(`${path}: expected a reference to a Patient`, place);
    }
    if (target.type !== 'Patient') throw this.error(`${path}: expected a reference to a Patient, not to a resource of type ${target.type}`, place);
    if (!this.bundlePatients.has(target.id) && !this.inVault(target.id)) {
      this.pendingPatients.push({ patientId: target.id, place, path });
    }
    return target.id;
  }

  private inVault(patientId: string): boolean {
    let known = this.vaultPatients.get(patientId);
    if (known === undefined) {
      known = this.patientExists(patientId);
      this.vaultPatients.set(patientId, known);
    }
    return known;
  }

  private error(problem: string, place: EntryPlace): FhirImportError {
    return new FhirImportError(this.file, problem, place);
  }
}

/** The id a rewritten reference names, when it points at a resource of that type. */
function refId(reference: { reference?: string | undefined } | undefined, type: string): string | null {
  const text = reference?.reference;
  if (!text) return null;
  const target = parseTypedReference(text);
  return target && target.type === type ? target.id : null;
}
