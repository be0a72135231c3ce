import fc from 'fast-check';
import { createHash } from 'node:crypto';
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import type { DicomImportOutcome } from '../../electron/api/imaging-schemas';
import { decodeFrame, importDicomBytes, instanceBytes, ImagingError, loadChartPatients } from '../../electron/imaging';
import { verifyAudit } from '../../electron/store/audit';
import type { Db } from '../../electron/store/sqlite';
import { concat, explicitElement, haveRealDicom, realDicom, withTransferSyntax } from '../fixtures/imaging/dicom-files';
import { addPatient } from '../fixtures/imaging/patients';
import { createTestVault } from '../helpers/temp-vault';
import { envCount, writeTrustResult } from './support';

// DICOM import fed damaged files: small valid instances written with the
// fixtures' element writer (explicit and implicit VR, native and RLE, one
// or two frames, with and without an undefined-length sequence) and real
// files from ../shared/data/dicom, then truncated, bit-flipped, overwritten,
// given wrong or undefined element lengths, huge image sizes, unterminated
// sequences, another transfer syntax or no pixel data; and random bytes
// behind a DICM preamble. Each goes through the real path into one vault:
// header check, patient matching, the write, and the frames decoded as the
// viewer asks for them. Never a throw; every refusal one line naming the
// file; nothing stored for a refusal and exactly one instance for an
// import; the vault consistent and its audit chain whole at the end.

const RUNS = envCount('CONTINUUM_TRUST_FUZZ_RUNS', 300);
/** Per case, import and decode together; generous for a busy 2-core machine. Counted, not asserted as a timing. */
const CASE_BOUND_MS = 5000;
const CHART = { id: 'fuzz-chart', given: 'Ngozi', family: 'Okafor', birthDate: '1961-04-12', identifiers: ['MRN-77-1234'] };
const PATIENT_DATA = ['Okafor', 'Ngozi', 'MRN-77-1234'];
const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const RLE = '1.2.840.10008.1.2.5';

const text = (value: string, pad = ' ') => new TextEncoder().encode(value.length % 2 === 1 ? value + pad : value);
const u16 = (n: number) => new Uint8Array(new Uint16Array([n]).buffer);
const u32 = (n: number) => new Uint8Array(new Uint32Array([n]).buffer);

/** An element in implicit VR little endian: tag, 4-byte length, value. */
function implicitElement(group: number, element: number, value: Uint8Array): Uint8Array {
  return concat([u16(group), u16(element), u32(value.length), value]);
}

/** The file meta group (always explicit VR LE) naming the instance and its transfer syntax. */
function metaGroup(sopInstance: string, syntax: string): Uint8Array {
  const body = concat([
    explicitElement(0x0002, 0x0001, 'OB', new Uint8Array([0, 1])),
    explicitElement(0x0002, 0x0002, 'UI', text('1.2.840.10008.5.1.4.1.1.7', '\0')),
    explicitElement(0x0002, 0x0003, 'UI', text(sopInstance, '\0')),
    explicitElement(0x0002, 0x0010, 'UI', text(syntax, '\0')),
  ]);
  return concat([new Uint8Array(128), text('DICM'), explicitElement(0x0002, 0x0000, 'UL', u32(body.length)), body]);
}

/** One frame of 8-bit pixels as DICOM RLE: a 64-byte header naming one segment, then literal runs of at most 128 bytes. */
function rleFrame(pixels: Uint8Array): Uint8Array {
  const runs: Uint8Array[] = [];
  for (let i = 0; i < pixels.length; i += 128) {
    const run = pixels.subarray(i, i + 128);
    runs.push(new Uint8Array([run.length - 1]), run);
  }
  const header = new Uint8Array(64);
  new DataView(header.buffer).setUint32(0, 1, true);
  new DataView(header.buffer).setUint32(4, 64, true);
  const frame = concat([header, ...runs]);
  return frame.length % 2 === 1 ? concat([frame, new Uint8Array(1)]) : frame;
}

interface Shape {
  readonly implicit: boolean;
  readonly rle: boolean;
  readonly bits: 8 | 16;
  readonly rows: number;
  readonly columns: number;
  readonly frames: 1 | 2;
  readonly sequence: boolean;
  /** Whether the patient in the file is the chart's (matched) or a stranger (no match). */
  readonly known: boolean;
}

/** A small valid instance of the given shape, with UIDs unique to `n` (so that it is a new instance, study and series). */
function synthetic(shape: Shape, n: number): Uint8Array {
  const bits = shape.rle ? 8 : shape.bits;
  const uid = (k: number) => `2.25.9${n}${k}`;
  const el = (group: number, element: number, vr: string, value: Uint8Array) =>
    shape.implicit ? implicitElement(group, element, value) : explicitElement(group, element, vr, value);
  const pixelCount = shape.rows * shape.columns;
  const frames = Array.from({ length: shape.frames }, (_, f) => Uint8Array.from({ length: pixelCount * (bits / 8) }, (_, i) => (i * 7 + f * 31) & 0xff));
  const sequence = shape.sequence
    ? // Referenced Image Sequence, undefined length, one undefined-length item, both delimited.
      concat([u16(0x0008), u16(0x1140), ...(shape.implicit ? [] : [text('SQ'), new Uint8Array(2)]), u32(0xffffffff),
        u16(0xfffe), u16(0xe000), u32(0xffffffff), el(0x0008, 0x1155, 'UI', text('1.2.3.4', '\0')), u16(0xfffe), u16(0xe00d), u32(0),
        u16(0xfffe), u16(0xe0dd), u32(0)])
    : new Uint8Array(0);
  let pixelData: Uint8Array;
  if (shape.rle) {
    // Encapsulated: an empty basic offset table, one fragment per frame, a sequence delimiter.
    const fragments = frames.map((f) => {
      const data = rleFrame(f);
      return concat([u16(0xfffe), u16(0xe000), u32(data.length), data]);
    });
    pixelData = concat([u16(0x7fe0), u16(0x0010), text('OB'), new Uint8Array(2), u32(0xffffffff), u16(0xfffe), u16(0xe000), u32(0), ...fragments, u16(0xfffe), u16(0xe0dd), u32(0)]);
  } else {
    pixelData = el(0x7fe0, 0x0010, bits === 16 ? 'OW' : 'OB', concat(frames));
  }
  const patient = shape.known ? { name: `${CHART.family}^${CHART.given}`, id: CHART.identifiers[0]!, birth: CHART.birthDate.replace(/-/g, '') } : { name: `Stranger^N${n}`, id: `OTHER-${n}`, birth: '19990101' };
  return concat([
    metaGroup(uid(1), shape.rle ? RLE : shape.implicit ? IMPLICIT_LE : EXPLICIT_LE),
    el(0x0008, 0x0016, 'UI', text('1.2.840.10008.5.1.4.1.1.7', '\0')),
    el(0x0008, 0x0018, 'UI', text(uid(1), '\0')),
    el(0x0008, 0x0020, 'DA', text('20240501')),
    el(0x0008, 0x0060, 'CS', text('OT')),
    sequence,
    el(0x0010, 0x0010, 'PN', text(patient.name)),
    el(0x0010, 0x0020, 'LO', text(patient.id)),
    el(0x0010, 0x0030, 'DA', text(patient.birth)),
    el(0x0020, 0x000d, 'UI', text(uid(2), '\0')),
    el(0x0020, 0x000e, 'UI', text(uid(3), '\0')),
    el(0x0020, 0x0013, 'IS', text('1')),
    el(0x0028, 0x0002, 'US', u16(1)),
    el(0x0028, 0x0004, 'CS', text('MONOCHROME2')),
    el(0x0028, 0x0008, 'IS', text(String(shape.frames))),
    el(0x0028, 0x0010, 'US', u16(shape.rows)),
    el(0x0028, 0x0011, 'US', u16(shape.columns)),
    el(0x0028, 0x0100, 'US', u16(bits)),
    el(0x0028, 0x0101, 'US', u16(bits)),
    el(0x0028, 0x0102, 'US', u16(bits - 1)),
    el(0x0028, 0x0103, 'US', u16(0)),
    pixelData,
  ]);
}

/** Whether a (valid) file's data set is implicit VR, so that elements appended to it are written the same way. */
function isImplicit(bytes: Uint8Array): boolean {
  try {
    return (dicomParser.readPart10Header(bytes).string('x00020010') ?? '').replace(/\0/g, '').trim() === IMPLICIT_LE;
  } catch {
    return false;
  }
}

/** Elements appended after the data set, in its encoding: dicom-parser keeps the last value of a tag. */
function appended(bytes: Uint8Array, implicit: boolean, elements: ReadonlyArray<[number, number, string, Uint8Array]>): Uint8Array {
  return concat([bytes, ...elements.map(([g, e, vr, v]) => (implicit ? implicitElement(g, e, v) : explicitElement(g, e, vr, v)))]);
}

/** A real file made a new instance of a new study (new SOP instance, study and series UIDs). */
function realAsNew(bytes: Uint8Array, n: number): Uint8Array {
  return appended(bytes, isImplicit(bytes), [
    [0x0008, 0x0018, 'UI', text(`2.25.8${n}1`, '\0')],
    [0x0020, 0x000d, 'UI', text(`2.25.8${n}2`, '\0')],
    [0x0020, 0x000e, 'UI', text(`2.25.8${n}3`, '\0')],
  ]);
}

/** Where each element's length field is, so that a mutation can lie about it. */
interface LengthField {
  readonly at: number;
  readonly bytes: 2 | 4;
}
function lengthFields(bytes: Uint8Array): LengthField[] {
  const out: LengthField[] = [];
  let dataSet: dicomParser.DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes);
  } catch {
    return out;
  }
  const implicit = (dataSet.string('x00020010') ?? '').replace(/\0/g, '').trim() === IMPLICIT_LE;
  for (const element of Object.values(dataSet.elements)) {
    const long = !element.vr || ['OB', 'OW', 'OF', 'SQ', 'UT', 'UN'].includes(element.vr);
    const meta = element.tag.startsWith('x0002');
    const bytesOf: 2 | 4 = (implicit && !meta) || long ? 4 : 2;
    if (element.dataOffset >= bytesOf) out.push({ at: element.dataOffset - bytesOf, bytes: bytesOf });
  }
  return out;
}

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'overwrite'; at: number; with: Uint8Array }
  | { op: 'length'; field: number; value: number }
  | { op: 'insert-sequence'; at: number; terminated: boolean }
  | { op: 'huge-size'; rows: number; columns: number; frames: string }
  | { op: 'syntax'; uid: string }
  | { op: 'no-pixel-data'; how: 'cut' | 'retag' };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const syntaxes = fc.constantFrom(
  IMPLICIT_LE, EXPLICIT_LE, '1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.2', '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70',
  '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91', RLE, '1.2.840.10008.1.2.4.100', '1.2.840.10008.1.2.4.201', '1.2.3', '', 'x'.repeat(64),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('overwrite' as const), at, with: fc.uint8Array({ minLength: 1, maxLength: 8 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('length' as const), field: at, value: fc.oneof(fc.constantFrom(0, 1, 3, 0xffff, 0xfffffffe, 0xffffffff, 0x7fffffff, 0x10000000), fc.nat()) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert-sequence' as const), at, terminated: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('huge-size' as const), rows: fc.constantFrom(0, 1, 65535, 32768), columns: fc.constantFrom(0, 1, 65535, 20000), frames: fc.constantFrom('1', '0', '-1', '99999', '2147483648', 'abc', '1e9') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('syntax' as const), uid: syntaxes }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('no-pixel-data' as const), how: fc.constantFrom('cut' as const, 'retag' as const) }) },
);

function applyMutation(input: Uint8Array, m: Mutation, implicit: boolean): Uint8Array {
  const pos = (f: number, length = input.length) => Math.floor(f * length);
  switch (m.op) {
    case 'truncate':
      return input.slice(0, pos(m.at));
    case 'flip': {
      const out = input.slice();
      const i = pos(m.at);
      if (i < out.length) out[i] = out[i]! ^ (1 << m.bit);
      return out;
    }
    case 'overwrite': {
      const out = input.slice();
      out.set(m.with.subarray(0, Math.max(0, out.length - pos(m.at))), pos(m.at));
      return out;
    }
    case 'length': {
      const fields = lengthFields(input);
      if (fields.length === 0) return input;
      const field = fields[pos(m.field, fields.length)]!;
      const out = input.slice();
      const view = new DataView(out.buffer);
      if (field.bytes === 2) view.setUint16(field.at, m.value & 0xffff, true);
      else view.setUint32(field.at, m.value >>> 0, true);
      return out;
    }
    case 'insert-sequence': {
      // An undefined-length sequence in the data set (after the preamble), its delimiter there or missing.
      const where = 132 + pos(m.at, Math.max(0, input.length - 132));
      const sq = concat([u16(0x0008), u16(0x1115), text('SQ'), new Uint8Array(2), u32(0xffffffff), u16(0xfffe), u16(0xe000), u32(0xffffffff), ...(m.terminated ? [u16(0xfffe), u16(0xe00d), u32(0), u16(0xfffe), u16(0xe0dd), u32(0)] : [])]);
      return concat([input.slice(0, where), sq, input.slice(where)]);
    }
    case 'huge-size':
      return appended(input, implicit, [[0x0028, 0x0010, 'US', u16(m.rows)], [0x0028, 0x0011, 'US', u16(m.columns)], [0x0028, 0x0008, 'IS', text(m.frames)]]);
    case 'syntax':
      try {
        return withTransferSyntax(input, m.uid);
      } catch {
        return input; // its meta group is already too damaged to rewrite
      }
    case 'no-pixel-data': {
      const tag = concat([u16(0x7fe0), u16(0x0010)]);
      const index = Buffer.from(input).indexOf(Buffer.from(tag), 132);
      if (index < 0) return input;
      if (m.how === 'cut') return input.slice(0, index);
      const out = input.slice();
      out[index + 2] = 0x11; // (7FE0,0011): not pixel data any more
      return out;
    }
  }
}

const shape: fc.Arbitrary<Shape> = fc.record({
  implicit: fc.boolean(),
  rle: fc.boolean(),
  bits: fc.constantFrom(8 as const, 16 as const),
  rows: fc.integer({ min: 1, max: 24 }),
  columns: fc.integer({ min: 1, max: 24 }),
  frames: fc.constantFrom(1 as const, 2 as const),
  sequence: fc.boolean(),
  known: fc.boolean(),
});
type Base = { kind: 'synthetic'; shape: Shape } | { kind: 'real'; file: string } | { kind: 'random'; body: Uint8Array };
/** Real files: the small RLE often; the slow-to-decode compressed ones rarely (each costs a second to decode). */
const base: fc.Arbitrary<Base> = fc.oneof(
  { weight: 30, arbitrary: fc.record({ kind: fc.constant('synthetic' as const), shape }) },
  ...(haveRealDicom()
    ? [
        { weight: 6, arbitrary: fc.record({ kind: fc.constant('real' as const), file: fc.constant('emri_small_RLE.dcm') }) },
        { weight: 1, arbitrary: fc.record({ kind: fc.constant('real' as const), file: fc.constantFrom('JPEG-LL.dcm', '693_J2KR.dcm', 'OBXXXX1A_rle_2frame.dcm', 'nih_chest_dx.dcm') }) },
      ]
    : []),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('random' as const), body: fc.uint8Array({ maxLength: 600 }) }) },
);
const input = fc.record({
  base,
  mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
  chosenByClinician: fc.boolean(),
});

const realCache = new Map<string, Uint8Array>();
const real = (file: string) => realCache.get(file) ?? realCache.set(file, realDicom(file)).get(file)!;

interface Counts {
  studies: number;
  series: number;
  instances: number;
  images: number;
  sources: number;
  audit: number;
}
function counts(db: Db): Counts {
  const n = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    studies: n(`SELECT count(*) FROM imaging_studies`),
    series: n(`SELECT count(*) FROM imaging_series`),
    instances: n(`SELECT count(*) FROM imaging_instances`),
    images: n(`SELECT count(*) FROM images`),
    sources: n(`SELECT count(*) FROM sources`),
    audit: n(`SELECT count(*) FROM audit_log`),
  };
}

/** Problems with a decode outcome as the viewer would get it: pixels of the stated size, finite range, or a one-line ImagingError. */
async function decodeProblems(bytes: Uint8Array, frame: number): Promise<string[]> {
  try {
    const d = await decodeFrame(bytes, frame);
    const problems: string[] = [];
    if (d.pixels.length !== d.rows * d.columns * d.samplesPerPixel) problems.push(`frame ${frame}: ${d.pixels.length} samples for ${d.columns} x ${d.rows} x ${d.samplesPerPixel}`);
    if (!Number.isFinite(d.minPixelValue) || !Number.isFinite(d.maxPixelValue)) problems.push(`frame ${frame}: pixel range ${d.minPixelValue}..${d.maxPixelValue}`);
    return problems;
  } catch (error) {
    if (!(error instanceof ImagingError)) return [`frame ${frame}: decode threw ${String(error).slice(0, 200)} (not an ImagingError)`];
    if (/[\r\n]/.test(error.message) || error.message.length > 500) return [`frame ${frame}: decode message not one short line`];
    return [];
  }
}

/** fast-check's report: the counterexample and the error it raised, without the stack. */
function failureText(error: unknown): string {
  const lines = (error as Error).message.split('\n');
  const cause = (error as { cause?: unknown }).cause;
  return [...lines.slice(0, 3), `Error: ${cause instanceof Error ? cause.message.split('\n').slice(0, 6).join(' | ') : lines.find((l) => l.startsWith('Got error')) ?? '?'}`].join('\n');
}

describe('fuzz: DICOM import', () => {
  it(`imports ${RUNS} damaged DICOM files whole or refuses them with one line naming the file`, { timeout: 120_000 + RUNS * 300 }, async () => {
    const started = Date.now();
    const vault = createTestVault();
    addPatient(vault, CHART);
    const charts = loadChartPatients(vault.db);
    const statuses: Record<string, number> = {};
    let cases = 0;
    let slowCases = 0;
    let slowest = 0;
    let decodedFrames = 0;
    let failure: string | null = null;
    let imported = 0;
    try {
      await fc.assert(
        fc.asyncProperty(input, async ({ base: b, mutations, chosenByClinician }) => {
          cases += 1;
          const file = `fuzz-${cases}.dcm`;
          let bytes =
            b.kind === 'synthetic' ? synthetic(b.shape, cases) : b.kind === 'real' ? realAsNew(real(b.file), cases) : concat([new Uint8Array(128), text('DICM'), b.body]);
          const implicit = isImplicit(bytes);
          for (const m of mutations) bytes = applyMutation(bytes, m, implicit);
          const before = counts(vault.db);
          const caseStarted = Date.now();
          let outcome: DicomImportOutcome;
          try {
            outcome = importDicomBytes(vault, file, bytes, chosenByClinician ? { patientId: CHART.id, override: true } : {}, charts);
          } catch (error) {
            throw new Error(`${file}: the import threw instead of answering: ${String(error).slice(0, 300)}`, { cause: error });
          }
          statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
          expect(outcome.message.startsWith(`${file}: `), outcome.message).toBe(true);
          expect(outcome.message).not.toMatch(/[\r\n]/);
          expect(outcome.message.length).toBeLessThan(500);
          for (const word of PATIENT_DATA) expect(outcome.message).not.toContain(word);
          const after = counts(vault.db);
          if (outcome.status === 'imported') {
            imported += 1;
            const grew = { studies: after.studies - before.studies, series: after.series - before.series, instances: after.instances - before.instances, images: after.images - before.images, sources: after.sources - before.sources, audit: after.audit - before.audit };
            // A damaged UID may name a study or series already filed: then only the instance is new.
            // Filed by the clinician's override of a mismatch: one more audit entry, the override's.
            const overridden = outcome.message.includes('filed anyway') ? 1 : 0;
            expect({ ...grew, studies: Math.min(grew.studies, 1), series: Math.min(grew.series, 1) }).toEqual({ studies: grew.studies, series: grew.series, instances: 1, images: 1, sources: 1, audit: 1 + overridden });
            expect(grew.studies >= 0 && grew.series >= grew.studies).toBe(true);
            // The viewer's path: the stored bytes, then the first and last frame.
            const stored = instanceBytes(vault.db, outcome.instanceId!);
            expect(stored.patientId).toBe(CHART.id);
            expect(createHash('sha256').update(stored.bytes).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
            const frames = (vault.db.prepare(`SELECT frames FROM imaging_instances WHERE id = ?`).pluck().get(outcome.instanceId) as number) ?? 1;
            const view = new Uint8Array(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength);
            const problems = [...(await decodeProblems(view, 0)), ...(frames > 1 ? await decodeProblems(view, frames - 1) : [])];
            decodedFrames += frames > 1 ? 2 : 1;
            expect(problems).toEqual([]);
          } else {
            expect(after).toEqual(before);
          }
          const elapsed = Date.now() - caseStarted;
          slowest = Math.max(slowest, elapsed);
          if (elapsed > CASE_BOUND_MS) slowCases += 1;
        }),
        { numRuns: RUNS, seed: envCount('CONTINUUM_TRUST_SEED', 20261123) },
      );
    } catch (error) {
      failure = failureText(error);
    }
    // The vault as a whole: SQLite's checks, the audit chain, and the imaging tables agreeing with each other.
    const db = vault.db;
    const integrity = db.pragma('integrity_check', { simple: true });
    const fk = (db.pragma('foreign_key_check') as unknown[]).length;
    const audit = verifyAudit(db).ok;
    const inconsistent = db
      .prepare(
        `SELECT count(*) FROM imaging_studies s WHERE s.study_uid IS NOT NULL AND (
           s.series_count != (SELECT count(*) FROM imaging_series WHERE study_id = s.id) OR
           s.instance_count != (SELECT count(*) FROM imaging_instances i JOIN imaging_series r ON r.id = i.series_id WHERE r.study_id = s.id))`,
      )
      .pluck()
      .get() as number;
    const instances = db.prepare(`SELECT count(*) FROM imaging_instances i JOIN images m ON m.id = i.image_id`).pluck().get() as number;
    vault.close();
    writeTrustResult('fuzz-dicom', {
      cases,
      failures: (failure ? 1 : 0) + slowCases,
      failure: failure?.slice(0, 3000) ?? null,
      slowCases,
      caseBoundMs: CASE_BOUND_MS,
      slowestCaseMs: slowest,
      statuses,
      decodedFrames,
      integrity,
      foreignKeyProblems: fk,
      auditVerifies: audit,
      inconsistentStudies: inconsistent,
      seconds: (Date.now() - started) / 1000,
    });
    expect(failure).toBeNull();
    expect(slowCases).toBe(0);
    expect(integrity).toBe('ok');
    expect(fk).toBe(0);
    expect(audit).toBe(true);
    expect(inconsistent).toBe(0);
    expect(instances).toBe(imported);
    // The generator must reach both the write path and the refusals for the test to mean anything.
    if (RUNS >= 100) expect(Object.keys(statuses).sort()).toEqual(expect.arrayContaining(['imported', 'no-match', 'rejected']));
  });
});
