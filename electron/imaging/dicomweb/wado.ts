import dicomParser from 'dicom-parser';
import { MAX_FILE_BYTES } from '../dicom-header';
import { DicomWebError } from './dicomweb-error';
import { parseMediaType } from './media-type';
import { MultipartError, splitMultipart } from './multipart';
import type { PacsConnection } from './pacs-connection';
import { pacsGet } from './pacs-http';
import { uidPath, type InstanceMatch } from './qido';

/**
 * "transfer-syntax=*": the instance as the PACS stores it, byte for byte (no
 * lossy transcoding on the way; the import reads every syntax the viewer
 * decodes and refuses the others by name).
 */
const ACCEPT_DICOM = 'multipart/related; type="application/dicom"; transfer-syntax=*';
/** Room for the multipart framing around the largest instance the import accepts. */
const MAX_ANSWER_BYTES = MAX_FILE_BYTES + 64 * 1024;

/** The WADO-RS address of one instance: also its provenance in the vault. */
export function instanceUrl(pacs: PacsConnection, instance: InstanceMatch): string {
  return `${pacs.root}/studies/${uidPath(instance.studyUid)}/series/${uidPath(instance.seriesUid)}/instances/${uidPath(instance.sopInstanceUid)}`;
}

/**
 * WADO-RS: one instance as a DICOM Part 10 file. The answer must be
 * multipart/related with one application/dicom part (a bare application/dicom
 * body is accepted too), whose bytes start with the DICM preamble and,
 * where the part names a transfer-syntax, hold that syntax.
 */
export async function retrieveInstance(pacs: PacsConnection, instance: InstanceMatch): Promise<Uint8Array> {
  const what = `instance ${instance.sopInstanceUid}`;
  const answer = await pacsGet(pacs, instanceUrl(pacs, instance), ACCEPT_DICOM, what, MAX_ANSWER_BYTES);
  const media = parseMediaType(answer.contentType);
  const bad = (why: string) => new DicomWebError('bad-response', `PACS at ${pacs.label}: ${what} ${why}`);

  let bytes: Uint8Array;
  let declaredSyntax: string | undefined;
  if (media.type === 'multipart/related') {
    let parts;
    try {
      parts = splitMultipart(answer.contentType, answer.body);
    } catch (error) {
      if (error instanceof MultipartError) throw bad(error.truncated ? `arrived cut short: ${error.message}` : `came in a malformed multipart answer: ${error.message}`);
      throw error;
    }
    if (parts.length !== 1) throw bad(`came as ${parts.length} parts, not one`);
    const part = parts[0]!;
    if (part.mediaType.type !== 'application/dicom') throw bad(`came as ${part.mediaType.type}, not application/dicom`);
    bytes = part.bytes;
    declaredSyntax = part.mediaType.params.get('transfer-syntax');
  } else if (media.type === 'application/dicom') {
    bytes = answer.body;
    declaredSyntax = media.params.get('transfer-syntax');
  } else {
    throw bad(`came as ${media.type || 'an answer with no content type'}, not DICOM`);
  }

  if (bytes.byteLength < 132 || Buffer.from(bytes.buffer, bytes.byteOffset + 128, 4).toString('latin1') !== 'DICM') {
    throw bad('is not a DICOM file (no DICM marker)');
  }
  if (declaredSyntax !== undefined && declaredSyntax !== '*') {
    const held = fileTransferSyntax(bytes);
    if (held !== null && held !== declaredSyntax) throw bad(`is labelled transfer syntax ${declaredSyntax} but holds ${held}`);
  }
  return bytes;
}

function fileTransferSyntax(bytes: Uint8Array): string | null {
  try {
    return dicomParser.readPart10Header(bytes).string('x00020010')?.replace(/\0/g, '').trim() ?? null;
  } catch {
    return null; // the import's header check reports a damaged file meta group in its own words
  }
}
