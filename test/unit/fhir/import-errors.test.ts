import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundleFile, importBundleText } from '../../../electron/fhir';
import { verifyAudit } from '../../../electron/store/audit';
import { isVaultError } from '../../../electron/store/errors';
import type { Vault } from '../../../electron/store/vault';
import { createTestVault, tempDir } from '../../helpers/temp-vault';
import { bundleOf, fixturePath, importError, importErrorAsync, NGOZI, parseFixture, readFixture, rowCounts, vaultSnapshot, ZOE, ZOE_ID, type JsonBundle } from './support';

// A bundle is one transaction: whatever is wrong with it, the message is one
// line naming the file, the entry (index, Type/id) and the field, quotes no
// patient data, and the vault is left exactly as it was (every table, the
// sources and the audit log included).

/** Words of the fixture patient's record that must never appear in a message. */
const PATIENT_DATA = ['Zoë', 'Ångström', 'Ōtsuka', 'Renée', 'Þórsdóttir', 'MRN-0042', '999-41-7731', '1971-03-14', 'Québec', 'Hypertension', 'peanut'];

/** A vault that already holds a patient, so a failed import has something to leave alone. */
function vaultWithRecord(): Vault {
  const vault = createTestVault();
  importBundleText(vault, NGOZI, readFixture(NGOZI));
  return vault;
}

/** Imports text that must fail; checks the vault did not change and returns the message. */
function refused(vault: Vault, file: string, text: string, options = {}): string {
  const counts = rowCounts(vault.db);
  const before = vaultSnapshot(vault.db);
  const message = importError(() => importBundleText(vault, file, text, options), file);
  expect(rowCounts(vault.db)).toEqual(counts);
  expect(vaultSnapshot(vault.db)).toEqual(before);
  for (const word of PATIENT_DATA) expect(message).not.toContain(word);
  return message;
}

function zoe(mutate: (bundle: JsonBundle) => void): string {
  const bundle = parseFixture(ZOE);
  mutate(bundle);
  return JSON.stringify(bundle, null, 2);
}

function resourceAt(bundle: JsonBundle, index: number): Record<string, unknown> {
  return bundle.entry[index]!.resource;
}

const ZOE_TEXT = readFixture(ZOE);
// Entry 20 is the follow-up Encounter, the last mapped entry: everything before it was written when it fails.
const LAST_ENCOUNTER = 20;
const LAST_ENCOUNTER_ID = 'e2b8d4e6-3c5a-4b7d-9f1e-0a2c4e6b8d0f';

describe('a malformed bundle', () => {
  it.each([
    ['truncated in an entry', ZOE_TEXT.slice(0, 20_000), /^bad\.json: the file ends early, inside entry \d+ \(truncated at byte 20\d{3}\); nothing was imported$/],
    ['truncated after the last entry', ZOE_TEXT.trimEnd().slice(0, -1), /the file ends early, after entry 22 /],
    ['not a Bundle: a Patient', JSON.stringify(resourceAt(parseFixture(ZOE), 2)), /^bad\.json: not a FHIR Bundle \(resourceType is "Patient"\)$/],
    ['not a Bundle: an array', `[${ZOE_TEXT}]`, /^bad\.json: not a FHIR Bundle: the file does not start with a JSON object \(byte 0\)$/],
    ['not JSON at all', 'Zoë842 Ångström-Ōtsuka417, 1971-03-14', /^bad\.json: not a FHIR Bundle: the file does not start with a JSON object/],
    ['an empty file', '', /^bad\.json: the file is empty$/],
    ['a document bundle', zoe((b) => (b.type = 'document')), /^bad\.json: Bundle\.type: "document" bundles are not imported; expected transaction, collection, batch, searchset$/],
    ['a bundle type that is not a code', zoe((b) => (b.type = 'Zoë842 Ångström')), /^bad\.json: Bundle\.type: not a bundle type; expected /],
    ['no Bundle.type', zoe((b) => delete (b as Partial<JsonBundle>).type), /^bad\.json: Bundle\.type: missing; expected /],
    // The type comes after the entries here: they were all written when the check fails.
    ['a wrong type after the entries', ZOE_TEXT.replace('"type": "transaction",\n', '').replace(/\}\s*$/, ', "type": "history"}'), /Bundle\.type: "history" bundles are not imported/],
    ['a resourceType only inside "__proto__"', '{"__proto__": {"resourceType": "Bundle", "type": "collection"}, "entry": []}', /^bad\.json: resourceType: missing; not a FHIR Bundle$/],
    ['Bundle.entry not an array', '{"resourceType": "Bundle", "type": "collection", "entry": {"resource": {}}}', /^bad\.json: Bundle\.entry: expected an array \(byte 58\)$/],
    ['two Bundle.entry arrays', '{"resourceType": "Bundle", "type": "collection", "entry": [], "entry": []}', /^bad\.json: Bundle\.entry: appears twice/],
    ['data after the bundle', `${ZOE_TEXT}\n{}`, /^bad\.json: invalid JSON at byte \d+: more data after the end of the bundle$/],
    ['a missing comma between entries', ZOE_TEXT.replace(/\}\n {4}\},\n {4}\{\n {6}"fullUrl": "urn:uuid:e2b8/, '}\n    }\n    {\n      "fullUrl": "urn:uuid:e2b8'), /^bad\.json: invalid JSON at byte \d+: expected ',' or '\]' after entry 19$/],
    // V8's own message would quote the text around the error, which is patient data.
    ['invalid JSON inside an entry', ZOE_TEXT.replace('"family": "Ångström-Ōtsuka417"', '"family": Ångström-Ōtsuka417'), /^bad\.json: entry 2: not valid JSON \((at byte \d+|in the value starting at byte \d+)\)$/],
    ['a raw line break inside a name', ZOE_TEXT.replace('"Zoë842",', '"Zoë\n842",'), /^bad\.json: entry 2: not valid JSON \(at byte \d+\)$/],
  ])('%s', (_title, text, expected) => {
    const vault = vaultWithRecord();
    expect(refused(vault, 'bad.json', text)).toMatch(expected);
    vault.close();
  });

  it('truncated file on disk, read in small chunks', async () => {
    const vault = vaultWithRecord();
    const file = join(tempDir(), 'cut.json');
    writeFileSync(file, readFileSync(fixturePath(ZOE)).subarray(0, 31_337));
    const before = vaultSnapshot(vault.db);
    const message = await importErrorAsync(importBundleFile(vault, file, { chunkBytes: 4096 }), 'cut.json');
    expect(message).toMatch(/^cut\.json: the file ends early, inside entry \d+ \(truncated at byte 31337\); nothing was imported$/);
    expect(vaultSnapshot(vault.db)).toEqual(before);
    vault.close();
  });

  it('a file that changes while it is read is refused', async () => {
    const vault = vaultWithRecord();
    const file = join(tempDir(), 'moving.json');
    const original = readFileSync(fixturePath(ZOE));
    writeFileSync(file, original);
    // Still a valid bundle, of the same length: only the hash taken before the read can tell.
    const changed = Buffer.from(original.toString('utf8').replace('"value": 68.2', '"value": 68.3'));
    expect(changed.length).toBe(original.length);
    const before = vaultSnapshot(vault.db);
    let writes = 0;
    // Progress is reported synchronously between reads: the file is rewritten after the first.
    const onProgress = () => {
      if (writes++ === 0) writeFileSync(file, changed);
    };
    const message = await importErrorAsync(importBundleFile(vault, file, { chunkBytes: 1024, onProgress }), 'moving.json');
    expect(message).toBe('moving.json: the file changed while it was being imported; nothing was imported');
    expect(vaultSnapshot(vault.db)).toEqual(before);
    vault.close();
  });

  it('a file that is missing or a folder is named, not imported', async () => {
    const vault = vaultWithRecord();
    const dir = tempDir();
    await expect(importBundleFile(vault, join(dir, 'nope.json'))).rejects.toSatisfy((e) => isVaultError(e, 'not-found'));
    await expect(importBundleFile(vault, dir)).rejects.toSatisfy((e) => isVaultError(e, 'invalid-input') && (e as Error).message === `${dir}: not a file`);
    vault.close();
  });
});

describe('an invalid resource', () => {
  it.each([
    ['a string where a number belongs', (b: JsonBundle) => ((resourceAt(b, 11).valueQuantity as { value: unknown }).value = '5.9'),
      'entry 11 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a3): valueQuantity.value: not a FHIR decimal: a string; FHIR JSON writes numbers without quotes'],
    ['a bad value inside a component', (b: JsonBundle) => ((resourceAt(b, 10).component as Array<{ valueQuantity: { value: unknown } }>)[1]!.valueQuantity.value = '132'),
      'entry 10 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a2): component[1].valueQuantity.value: not a FHIR decimal: a string; FHIR JSON writes numbers without quotes'],
    ['patient data where a date belongs', (b: JsonBundle) => (resourceAt(b, 2).birthDate = 'Zoë842 Ångström, 14 March'),
      `entry 2 (Patient/${ZOE_ID}): birthDate: not a FHIR date: expected YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date`],
    ['a name that is not a list', (b: JsonBundle) => (resourceAt(b, 2).name = 'Zoë842 Ångström-Ōtsuka417'),
      `entry 2 (Patient/${ZOE_ID}): name: expected an array`],
    // An id that is not a FHIR id may be anything, a name included: it is not repeated.
    ['a patient id that is not a FHIR id', (b: JsonBundle) => (resourceAt(b, 2).id = 'Zoë842 Ångström'),
      'entry 2 (Patient): id: not a FHIR id: expected 1-64 letters, digits, "-" or "."'],
    ['a missing id', (b: JsonBundle) => delete resourceAt(b, LAST_ENCOUNTER).id, `entry ${LAST_ENCOUNTER} (Encounter): id: missing`],
    ['the last mapped entry invalid', (b: JsonBundle) => (resourceAt(b, LAST_ENCOUNTER).period = { start: 'yesterday' }),
      `entry ${LAST_ENCOUNTER} (Encounter/${LAST_ENCOUNTER_ID}): period.start: not a FHIR dateTime: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, a real calendar date`],
    // Found by a new user: this onset was imported and the condition shown ending before it began.
    ['a dateTime with month 13 and hour 99', (b: JsonBundle) => (resourceAt(b, 5).onsetDateTime = '2015-13-45T99:00:00Z'),
      'entry 5 (Condition/c2a4b6c8-5e7f-4a9b-b1c3-d5e7f9a1b3c5): onsetDateTime: not a FHIR dateTime: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, a real calendar date'],
    ['a day the calendar does not have', (b: JsonBundle) => (resourceAt(b, 2).birthDate = '1971-02-30'),
      `entry 2 (Patient/${ZOE_ID}): birthDate: not a FHIR date: no such day in the calendar`],
    ['a time without a time zone', (b: JsonBundle) => (resourceAt(b, 9).effectiveDateTime = '2024-05-01T10:30:00'),
      'entry 9 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a1): effectiveDateTime: not a FHIR dateTime: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with a time zone, a real calendar date'],
    ['a period that ends before it starts', (b: JsonBundle) => (resourceAt(b, LAST_ENCOUNTER).period = { start: '2024-05-02T10:00:00Z', end: '2024-05-01T10:00:00Z' }),
      `entry ${LAST_ENCOUNTER} (Encounter/${LAST_ENCOUNTER_ID}): period.end: before start (FHIR per-1: a period does not end before it starts)`],
    ['a status code FHIR does not define', (b: JsonBundle) => (resourceAt(b, 9).status = 'done'),
      'entry 9 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a1): status: not one of the codes FHIR allows here (registered, preliminary, final, amended, corrected, cancelled, entered-in-error, unknown)'],
    ['an element FHIR does not define', (b: JsonBundle) => (resourceAt(b, 4).onsetDatetime = '2015-01-01'),
      'entry 4 (Condition/c1f3a5b7-4d6e-4f8a-a0b2-c4d6e8f0a2b4): onsetDatetime: not an element of Condition in FHIR R4'],
    ['a unit code without its system', (b: JsonBundle) => delete (resourceAt(b, 11).valueQuantity as { system?: string }).system,
      'entry 11 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a3): valueQuantity.system: missing where a unit code is given (FHIR qty-3)'],
    ['a negative count where FHIR wants a positive integer', (b: JsonBundle) => (resourceAt(b, 17).numberOfSeries = -1),
      'entry 17 (ImagingStudy/f3c5d7e9-2f4a-4b6c-a8da-ecf2a4b6c8da): numberOfSeries: not a FHIR unsignedInt: expected a whole number from 0 to 2147483647'],
    ['an entry without a resource', (b: JsonBundle) => b.entry.push({ request: { method: 'DELETE', url: 'Patient/x' } } as never),
      'entry 23: resource: missing (an entry without a resource is not imported)'],
    ['a resource without resourceType', (b: JsonBundle) => delete (resourceAt(b, 5) as Partial<{ resourceType: string }>).resourceType,
      'entry 5: resource.resourceType: missing'],
    // Found while reading the code: a type named like an Object.prototype member corrupted the counts
    // ("constructor" was counted as "function Object() { [native code] }1", "__proto__" not at all).
    ['a resource type that is not a type name', (b: JsonBundle) => (resourceAt(b, 21).resourceType = 'constructor'),
      'entry 21: resource.resourceType: not a FHIR resource type name'],
    ['a resource type named __proto__', (b: JsonBundle) => (resourceAt(b, 21).resourceType = '__proto__'),
      'entry 21: resource.resourceType: not a FHIR resource type name'],
    ['patient data where a resource type belongs', (b: JsonBundle) => (resourceAt(b, 21).resourceType = 'Zoë842 Ångström'),
      'entry 21: resource.resourceType: not a FHIR resource type name'],
    ['an Observation naming a patient found nowhere', (b: JsonBundle) => (resourceAt(b, 9).subject = { reference: 'Patient/0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a' }),
      'entry 9 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a1): subject.reference: no Patient/0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a in this bundle or in the vault'],
    ['an Observation naming a urn:uuid that is no entry', (b: JsonBundle) => (resourceAt(b, 9).subject = { reference: 'urn:uuid:0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a' }),
      'entry 9 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a1): subject.reference: names no entry of this bundle'],
    ['an Observation without a patient', (b: JsonBundle) => delete resourceAt(b, 9).subject,
      'entry 9 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a1): subject.reference: missing (every Observation must name its patient)'],
    ['a subject that is not a patient', (b: JsonBundle) => (resourceAt(b, 9).subject = { reference: 'urn:uuid:e1a7c3d5-2b4f-4a6c-8e0d-9f1b3d5a7c9e' }),
      'entry 9 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a1): subject.reference: expected a reference to a Patient, not to a resource of type Encounter'],
    ['a duplicate fullUrl naming another resource', (b: JsonBundle) => (b.entry[LAST_ENCOUNTER]!.fullUrl = b.entry[3]!.fullUrl),
      `entry ${LAST_ENCOUNTER} (Encounter/${LAST_ENCOUNTER_ID}): fullUrl: also names entry 3, another resource`],
    // The same entry twice, byte for byte: FHIR forbids it (bdl-7), and the
    // report would call the resource both added and unchanged.
    ['the same entry twice', (b: JsonBundle) => b.entry.push(structuredClone(b.entry[11]!)),
      'entry 23 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a3): id: the same resource as entry 11; a bundle may hold each resource once'],
    // Without fullUrls, a second version of a resource would silently win.
    ['one resource in two versions', (b: JsonBundle) => {
      const again = structuredClone(b.entry[11]!);
      delete again.fullUrl;
      again.resource.status = 'amended';
      b.entry.push(again);
    }, 'entry 23 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a3): id: the same resource as entry 11; a bundle may hold each resource once'],
  ])('%s', (_title, mutate, expected) => {
    const vault = vaultWithRecord();
    expect(refused(vault, 'bad.json', zoe(mutate))).toBe(`bad.json: ${expected}`);
    expect(verifyAudit(vault.db).ok).toBe(true);
    vault.close();
  });

  it('an id already used in the vault by a resource of another type sharing the table', () => {
    const vault = vaultWithRecord();
    const patient = { fullUrl: 'urn:uuid:p-1', resource: { resourceType: 'Patient', id: 'p-1' } };
    importBundleText(vault, 'first.json', bundleOf([patient, { resource: { resourceType: 'MedicationRequest', id: 'med-1', subject: { reference: 'urn:uuid:p-1' } } }]));
    const second = bundleOf([{ resource: { resourceType: 'MedicationStatement', id: 'med-1', subject: { reference: 'Patient/p-1' } } }]);
    expect(refused(vault, 'second.json', second)).toBe('second.json: entry 0 (MedicationStatement/med-1): id: already used by MedicationRequest/med-1 in this vault');
    vault.close();
  });

  it('a failure found only at the end of the bundle rolls back every entry before it', () => {
    const vault = vaultWithRecord();
    // The patient named is checked when the bundle ends (it could come later): by then all else is written.
    const text = zoe((b) => {
      for (const entry of b.entry) {
        const r = entry.resource;
        if (r.resourceType === 'Observation' && r.id?.endsWith('a6')) r.subject = { reference: 'Patient/someone-else' };
      }
    });
    expect(refused(vault, 'late.json', text)).toBe(
      'late.json: entry 14 (Observation/0b1c2d3e-9c1d-4e3f-b5a7-b9c1d3e5f7a6): subject.reference: no Patient/someone-else in this bundle or in the vault',
    );
    expect(vault.db.prepare(`SELECT COUNT(*) FROM patients WHERE id = ?`).pluck().get(ZOE_ID)).toBe(0);
    vault.close();
  });

  it('a failed import leaves the vault usable: the same bundle, fixed, then imports', () => {
    const vault = vaultWithRecord();
    refused(vault, 'bad.json', zoe((b) => ((resourceAt(b, 11).valueQuantity as { value: unknown }).value = 'high')));
    const report = importBundleText(vault, ZOE, ZOE_TEXT);
    expect(report.added.Observation).toBe(6);
    expect(verifyAudit(vault.db).ok).toBe(true);
    vault.close();
  });

  it('file names with line breaks stay on one line', () => {
    const vault = vaultWithRecord();
    const before = vaultSnapshot(vault.db);
    try {
      importBundleText(vault, 'two\nlines.json', '[]');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('two lines.json: not a FHIR Bundle: the file does not start with a JSON object (byte 0)');
    }
    expect(vaultSnapshot(vault.db)).toEqual(before);
    vault.close();
  });
});
