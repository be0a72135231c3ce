import dicomParser from 'dicom-parser';
import { ImagingError } from './imaging-error';
import { stableUid } from './photos/uids';

/**
 * DICOM files without the 128-byte preamble and "DICM" marker: valid DICOM
 * that older modalities and some archives write, and that DCMTK's dcmdump
 * reads. Two kinds: the file meta group (0002,xxxx) without the preamble in
 * front of it, and a bare data set without any meta group (PS3.10 7.1 calls
 * the meta group mandatory, PS3.5 defines the data set alone; older writers
 * emit it, implicit VR little endian as a rule).
 *
 * Such a file is read by giving it what it lacks: a zero preamble and the
 * marker, and for a bare data set a meta group naming its transfer syntax
 * and its SOP class and instance. What Continuum stores, shows and exports
 * is that Part 10 file.
 */

const IMPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2';
const EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const EXPLICIT_BIG_ENDIAN = '1.2.840.10008.1.2.2';
const IMPLEMENTATION_CLASS_UID = stableUid('implementation');
const IMPLEMENTATION_VERSION = 'CONTINUUM';

const VRS = new Set(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '),
);
const ELEMENT_PREFIX = 132;

/** Whether the bytes already start as a Part 10 file (preamble and "DICM"). */
export function hasPart10Marker(bytes: Uint8Array): boolean {
  return bytes.length >= ELEMENT_PREFIX && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

type Layout = { kind: 'part10' } | { kind: 'meta-without-preamble' } | { kind: 'data-set'; transferSyntax: string } | { kind: 'not-dicom' };

/**
 * What the first bytes say the file is. A bare data set starts with its
 * lowest tag, an even group from (0008,xxxx) on (0002 means a meta group),
 * and either a VR (explicit) or a length that fits the file (implicit).
 */
export function dicomLayout(head: Uint8Array, fileLength = head.length): Layout {
  if (hasPart10Marker(head)) return { kind: 'part10' };
  if (head.length < 8) return { kind: 'not-dicom' };
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const groupLe = view.getUint16(0, true);
  const vr = String.fromCharCode(head[4]!, head[5]!);
  if (groupLe === 0x0002) return VRS.has(vr) ? { kind: 'meta-without-preamble' } : { kind: 'not-dicom' };
  if (groupLe >= 0x0008 && groupLe <= 0x00ff && groupLe % 2 === 0) {
    if (VRS.has(vr)) return { kind: 'data-set', transferSyntax: EXPLICIT_LITTLE_ENDIAN };
    const length = view.getUint32(4, true);
    return length <= fileLength - 8 ? { kind: 'data-set', transferSyntax: IMPLICIT_LITTLE_ENDIAN } : { kind: 'not-dicom' };
  }
  const groupBe = view.getUint16(0, false);
  if (groupBe >= 0x0008 && groupBe <= 0x00ff && groupBe % 2 === 0 && VRS.has(vr)) return { kind: 'data-set', transferSyntax: EXPLICIT_BIG_ENDIAN };
  return { kind: 'not-dicom' };
}

/**
 * The file as Part 10 bytes: itself when it has its preamble and marker,
 * else with what it lacks put in front. Throws an ImagingError naming the
 * file when it is not DICOM at all.
 */
export function asPart10(fileName: string, bytes: Uint8Array): Uint8Array {
  const layout = dicomLayout(bytes);
  switch (layout.kind) {
    case 'part10':
      return bytes;
    case 'meta-without-preamble':
      return concat([new Uint8Array(128), ascii('DICM'), bytes]);
    case 'data-set':
      return concat([new Uint8Array(128), ascii('DICM'), metaGroup(fileName, bytes, layout.transferSyntax), bytes]);
    default:
      throw new ImagingError(
        'invalid-input',
        bytes.length < ELEMENT_PREFIX
          ? `${fileName}: too short to be DICOM (${bytes.length} bytes)`
          : `${fileName}: not DICOM (no DICM marker at byte 128, and it does not start with a DICOM data set)`,
      );
  }
}

/** A file meta group for a bare data set: its SOP class and instance (when it has them) and its transfer syntax. */
function metaGroup(fileName: string, dataSet: Uint8Array, transferSyntax: string): Uint8Array {
  let parsed: dicomParser.DataSet;
  try {
    parsed = dicomParser.parseDicom(dataSet, { TransferSyntaxUID: transferSyntax, untilTag: 'x00080019' } as dicomParser.ParseDicomOptions);
  } catch (error) {
    const partial = (error as { dataSet?: dicomParser.DataSet } | null)?.dataSet;
    if (!partial) throw new ImagingError('invalid-input', `${fileName}: a DICOM data set without a meta group, but unreadable from its start`);
    parsed = partial;
  }
  const text = (tag: string) => parsed.string(tag)?.replace(/\0/g, '').trim() || null;
  const sopClass = text('x00080016');
  const sopInstance = text('x00080018');
  const body = [
    element(0x0001, 'OB', new Uint8Array([0, 1])),
    ...(sopClass ? [element(0x0002, 'UI', uid(sopClass))] : []),
    ...(sopInstance ? [element(0x0003, 'UI', uid(sopInstance))] : []),
    element(0x0010, 'UI', uid(transferSyntax)),
    element(0x0012, 'UI', uid(IMPLEMENTATION_CLASS_UID)),
    element(0x0013, 'SH', ascii(IMPLEMENTATION_VERSION.length % 2 === 0 ? IMPLEMENTATION_VERSION : `${IMPLEMENTATION_VERSION} `)),
  ];
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, body.reduce((n, e) => n + e.length, 0), true);
  return concat([element(0x0000, 'UL', length), ...body]);
}

/** One data element, explicit VR little endian (the VRs with a 4-byte length take the long form); the meta group is always written so. */
export function explicitElement(group: number, tag: number, vr: string, value: Uint8Array): Uint8Array {
  const long = ['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV'].includes(vr);
  const out = new Uint8Array((long ? 12 : 8) + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, group, true);
  view.setUint16(2, tag, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, value.length, true);
  else view.setUint16(6, value.length, true);
  out.set(value, long ? 12 : 8);
  return out;
}

const element = (tag: number, vr: string, value: Uint8Array) => explicitElement(0x0002, tag, vr, value);

function uid(value: string): Uint8Array {
  const bytes = ascii(value);
  return bytes.length % 2 === 0 ? bytes : concat([bytes, new Uint8Array(1)]);
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
