import tablesJson from './tables/cdc-opioid-tables.json' with { type: 'json' };

/** The CDC opioid tables as shipped (tables/cdc-opioid-tables.json, built by scripts/clinical/build-opioid-tables.ts). */
export interface TableSource {
  readonly title: string;
  readonly issuer: string;
  readonly version: string;
}

export interface MmeRow {
  /** Row in the source CSV (header = row 1). */
  readonly row: number;
  readonly rxcui: string;
  readonly ingredient: string;
  readonly property: 'conversion-factor' | 'dose-form-conversion-factor' | 'dose-range-conversion-factor';
  /** As the table writes it: "1.5"; "316987:7200@0.33333333" (dose form : factor @ doses per day); "21-40:8" (mg/day range : factor). */
  readonly value: string;
}

export interface ConcurrentUseRow {
  readonly row: number;
  readonly id: string;
  readonly setA: string;
  readonly setB: string;
  readonly statement: string;
  readonly citation: string;
}

export interface OpioidTables {
  readonly mme: { readonly source: TableSource; readonly rows: readonly MmeRow[] };
  readonly concurrentUse: { readonly source: TableSource; readonly rows: readonly ConcurrentUseRow[] };
}

export const OPIOID_TABLES = tablesJson as OpioidTables;
