/**
 * Builds electron/agent/checks/tables/cdc-opioid-tables.json from
 * ../shared/data/clinical-tables/opioids: the CDC MME conversion factors and
 * the concurrent-use rule of CDC 2022 Recommendation 11, each row with its
 * row number in the source file, so that a flag can cite the row that
 * triggered it. Deterministic; a test fails while the shipped file is stale.
 * Usage: tsx scripts/clinical/build-opioid-tables.ts [SHARED_DATA_DIR]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../electron/clinical/drugs/csv';
import type { OpioidTables } from '../../electron/agent/checks/opioid-tables';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OPIOID_TABLES_PATH = join(root, 'electron/agent/checks/tables/cdc-opioid-tables.json');
const UPSTREAM = 'cqframework/opioid-cds-r4 b29bdcbf6db6f3de26486dbc3820572ee9a78b89';

export function buildOpioidTables(sharedData: string): OpioidTables {
  const mmeFile = join(sharedData, 'clinical-tables/opioids/cdc-mme-conversion-factors.csv');
  const rulesFile = join(sharedData, 'clinical-tables/opioids/concurrent-use-rules.csv');
  const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
  return {
    mme: {
      source: {
        title: 'CDC morphine milligram equivalent (MME) conversion factors (CDCMMEClinicalConversionFactors)',
        issuer: 'Centers for Disease Control and Prevention, as encoded in the CDC Opioid Prescribing Support implementation guide',
        version: `${UPSTREAM}, cdc-mme-conversion-factors.csv ${digest(mmeFile)}`,
      },
      // Row numbers count the header as row 1, as a spreadsheet shows them.
      rows: parseCsv(readFileSync(mmeFile, 'utf8')).map((r, i) => ({
        row: i + 2,
        rxcui: r.rxnorm_ingredient_rxcui!,
        ingredient: r.ingredient!.toLowerCase(),
        property: r.property as 'conversion-factor' | 'dose-form-conversion-factor' | 'dose-range-conversion-factor',
        value: r.value!,
      })),
    },
    concurrentUse: {
      source: {
        title: 'CDC Clinical Practice Guideline for Prescribing Opioids for Pain, 2022, Recommendation 11',
        issuer: 'Centers for Disease Control and Prevention (MMWR Recomm Rep 2022;71(No. RR-3))',
        version: `${UPSTREAM}, concurrent-use-rules.csv ${digest(rulesFile)}`,
      },
      rows: parseCsv(readFileSync(rulesFile, 'utf8')).map((r, i) => ({ row: i + 2, id: r.rule_id!, setA: r.drug_set_a!, setB: r.drug_set_b!, statement: r.statement!, citation: r.source! })),
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tables = buildOpioidTables(resolve(process.argv[2] ?? join(root, '../shared/data')));
  writeFileSync(OPIOID_TABLES_PATH, `${JSON.stringify(tables, null, 1)}\n`);
  process.stdout.write(`${OPIOID_TABLES_PATH}: ${tables.mme.rows.length} MME factors, ${tables.concurrentUse.rows.length} concurrent-use rules\n`);
}
