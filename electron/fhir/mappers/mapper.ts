import type { z } from 'zod';
import type { Row, RowOf, TableName } from '../tables';

/**
 * A mapper turns one FHIR resource type into rows of one table: a schema of
 * the fields it reads (checked before anything is written), the element that
 * names the patient, and the row-building itself.
 */

export interface MapContext {
  readonly patientId: string;
  /** The id a reference names when it points at a resource of `type` (after rewriting), else null. */
  refId(reference: { reference?: string | undefined } | undefined, type: string): string | null;
}

/** The resource's own row, and the rows it owns (components, activities). */
export interface MappedRows {
  readonly main: Row;
  readonly children: readonly Row[];
}

export type Validated = { readonly ok: true; readonly toRows: (context: MapContext) => MappedRows } | { readonly ok: false; readonly error: z.ZodError };

export interface Mapper {
  readonly table: TableName;
  /** Where the patient reference sits; null for Patient, which is its own patient. */
  readonly patientElement: 'subject' | 'patient' | null;
  validate(resource: unknown): Validated;
}

interface MapperSpec<T extends TableName, R> {
  readonly table: T;
  readonly patientElement: 'subject' | 'patient' | null;
  readonly schema: z.ZodType<R>;
  toRows(resource: R, context: MapContext): { main: RowOf<T>; children?: Array<RowOf<T>> };
}

/** Typed while written, erased for the registry: the schema's output is what toRows reads. */
export function defineMapper<T extends TableName, R>(spec: MapperSpec<T, R>): Mapper {
  return {
    table: spec.table,
    patientElement: spec.patientElement,
    validate(resource) {
      const parsed = spec.schema.safeParse(resource);
      if (!parsed.success) return { ok: false, error: parsed.error };
      return {
        ok: true,
        toRows: (context) => {
          const rows = spec.toRows(parsed.data, context);
          return { main: rows.main, children: rows.children ?? [] };
        },
      };
    },
  };
}
