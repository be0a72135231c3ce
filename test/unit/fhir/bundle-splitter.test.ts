import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BundleSplitter, jsonErrorPlace, type RawEntry } from '../../../electron/fhir/bundle-splitter';
import { FhirImportError } from '../../../electron/fhir';
import { fixturePath, NGOZI } from './support';

// The splitter on its own: entries cut out of the byte stream wherever the
// chunks fall, the root's other members parsed, and only part of one value
// ever held between chunks.

function split(chunks: Buffer[]): { entries: RawEntry[]; head: Record<string, unknown>; splitter: BundleSplitter } {
  const splitter = new BundleSplitter('b.json');
  const entries: RawEntry[] = [];
  for (const chunk of chunks) entries.push(...splitter.push(chunk));
  splitter.end();
  return { entries, head: splitter.head, splitter };
}

function inChunks(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

function failure(text: string): string {
  try {
    split([Buffer.from(text, 'utf8')]);
  } catch (error) {
    expect(error).toBeInstanceOf(FhirImportError);
    return (error as Error).message;
  }
  throw new Error('expected the splitter to refuse the text');
}

// Strings that look like structure, escapes, and scalars of every kind, in the head and in entries.
const TRICKY = Buffer.from(
  `\uFEFF {"entry" : [ {"resource": {"resourceType": "Basic", "id": "a", "note": "}{][,:\\"\\\\", "x": [1, -2.5e3, true, false, null, {}]}},\n` +
    `{"resource":{"resourceType":"Basic","id":"b","text":"Ngozi Adébáyọ̀ 🫀 \\u00e9\\n"}} ], "type":"collection", "total": 2, "flag": true, "none": null,` +
    ` "neg": -0.5, "resourceType": "Bundle", "meta": {"tag": [{"code": "]}"}]} }\r\n`,
  'utf8',
);

describe('BundleSplitter', () => {
  it('hands out each entry with its index and byte offset, and parses the other members', () => {
    const { entries, head } = split([TRICKY]);
    expect(entries.map((e) => e.index)).toEqual([0, 1]);
    for (const e of entries) expect(TRICKY.subarray(e.offset, e.offset + Buffer.byteLength(e.text)).toString('utf8')).toBe(e.text);
    expect(JSON.parse(entries[0]!.text).resource.note).toBe('}{][,:"\\');
    expect(JSON.parse(entries[1]!.text).resource.text).toBe('Ngozi Adébáyọ̀ 🫀 é\n');
    expect(head).toEqual({ type: 'collection', total: 2, flag: true, none: null, neg: -0.5, resourceType: 'Bundle', meta: { tag: [{ code: ']}' }] } });
  });

  it('gives the same result for a split at every byte of a bundle', () => {
    const reference = split([TRICKY]);
    for (let at = 0; at <= TRICKY.length; at += 1) {
      const { entries, head } = split([TRICKY.subarray(0, at), TRICKY.subarray(at)]);
      expect(entries, `split at ${at}`).toEqual(reference.entries);
      expect(head).toEqual(reference.head);
    }
  });

  it('gives the same entries for a real fixture at every split point and chunk size 1..7', () => {
    const bytes = readFileSync(fixturePath(NGOZI));
    const reference = split([bytes]).entries;
    expect(reference.map((e) => JSON.parse(e.text))).toEqual(JSON.parse(bytes.toString('utf8')).entry);
    for (let at = 0; at <= bytes.length; at += 1) expect(split([bytes.subarray(0, at), bytes.subarray(at)]).entries).toEqual(reference);
    for (let size = 1; size <= 7; size += 1) expect(split(inChunks(bytes, size)).entries).toEqual(reference);
  });

  it('holds at most one entry between chunks, however many entries the file has', () => {
    const entry = `{"resource": {"resourceType": "Basic", "id": "x", "text": "${'é'.repeat(400)}"}}`;
    const entryBytes = Buffer.byteLength(entry);
    const bundle = Buffer.from(`{"resourceType": "Bundle", "type": "collection", "entry": [${Array(500).fill(entry).join(', ')}]}`);
    for (const size of [1, 7, 100, 4096, 65536]) {
      const { entries, splitter } = split(inChunks(bundle, size));
      expect(entries).toHaveLength(500);
      expect(splitter.maxBufferedBytes).toBeLessThan(entryBytes);
      // What is held is the entry's bytes before the chunk in hand: nearly all of it once chunks are small.
      if (size < 100) expect(splitter.maxBufferedBytes).toBeGreaterThanOrEqual(entryBytes - size);
    }
    expect(split([bundle]).splitter.maxBufferedBytes).toBe(0);
  });

  it.each([
    ['', 'b.json: the file is empty'],
    ['\uFEFF  \n', 'b.json: the file is empty'],
    ['{"resourceType": "Bundle", "entry": [{}', 'b.json: the file ends early, after entry 0 (truncated at byte 39); nothing was imported'],
    ['{"resourceType": "Bundle", "entry": [{"a"', 'b.json: the file ends early, inside entry 0 (truncated at byte 41); nothing was imported'],
    ['{"resourceType": "Bund', 'b.json: the file ends early, before the first entry (truncated at byte 22); nothing was imported'],
    ['{"resourceType" "Bundle"}', `b.json: invalid JSON at byte 16: expected ':' after "resourceType"`],
    ['{"resourceType": "Bundle",}', 'b.json: invalid JSON at byte 26: expected a property name'],
    ['{"entry": [{}, ]}', 'b.json: invalid JSON at byte 15: expected a value for entry 1'],
    ['{"entry": [{} {}]}', `b.json: invalid JSON at byte 14: expected ',' or ']' after entry 0`],
    ['{"total": 2 3}', `b.json: invalid JSON at byte 12: expected ',' or '}'`],
    ['{"total": 01}', 'b.json: Bundle.total: not valid JSON (at byte 11)'],
    ['{} {}', 'b.json: invalid JSON at byte 3: more data after the end of the bundle'],
    // Keys are shown only when they look like element names: any other key may be data.
    ['{"Zoë Ångström" 1}', `b.json: invalid JSON at byte 19: expected ':' after "(a property)"`],
  ])('refuses %j', (text, message) => {
    expect(failure(text)).toBe(message);
  });

  // Found by the corruption property test: a lone 0xEF before the '{' passed for a byte order mark.
  it.each([
    ['a lone first byte of a BOM', [0xef], 1],
    ['two bytes of a BOM', [0xef, 0xbb], 2],
    ['a BOM twice', [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 3],
    ['a BOM after a space', [0x20, 0xef, 0xbb, 0xbf], 1],
    ['a BOM cut by a space', [0xef, 0xbb, 0x20, 0xbf], 3],
  ])('refuses %s before the bundle', (_title, prefix, at) => {
    const bytes = Buffer.concat([Buffer.from(prefix), Buffer.from('{"resourceType": "Bundle", "type": "collection", "entry": []}')]);
    for (const size of [1, bytes.length]) {
      expect(() => split(inChunks(bytes, size))).toThrow(`b.json: not a FHIR Bundle: the file does not start with a JSON object (byte ${at})`);
    }
  });

  // Found while reading the code: "__proto__" set the head's prototype, so a root without a
  // resourceType inherited one and passed for a Bundle. JSON.parse keeps it as a plain member.
  it('keeps a member named __proto__ as a member', () => {
    const { head } = split([Buffer.from('{"__proto__": {"resourceType": "Bundle", "type": "collection"}, "entry": []}')]);
    expect(head.resourceType).toBeUndefined();
    expect(Object.keys(head)).toEqual(['__proto__']);
  });

  it('tells a file of a bare BOM (empty) from one of part of a BOM (not a bundle)', () => {
    expect(() => split([Buffer.from([0xef, 0xbb, 0xbf])])).toThrow('b.json: the file is empty');
    expect(() => split([Buffer.from([0xef, 0xbb])])).toThrow('b.json: not a FHIR Bundle: the file does not start with a JSON object (byte 0)');
  });
});

describe('jsonErrorPlace', () => {
  it('turns a JSON.parse position into a file byte, counting multi-byte characters', () => {
    const text = '{"name": "Ångström 🫀", x}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    // "x" is the 23rd UTF-16 unit but the 27th byte: Å and ö take two bytes, the heart four.
    expect(jsonErrorPlace(error, text, 100)).toBe(`at byte ${100 + Buffer.byteLength(text.slice(0, text.indexOf('x')), 'utf8')}`);
    expect(jsonErrorPlace(new Error('no position here'), text, 7)).toBe('in the value starting at byte 7');
  });
});
