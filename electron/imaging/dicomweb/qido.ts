import { DicomWebError } from './dicomweb-error';
import { allTexts, firstNumber, firstText, parseDicomJsonArray, type DicomJsonObject } from './dicom-json';
import { parseMediaType } from './media-type';
import type { PacsConnection } from './pacs-connection';
import { pacsGet } from './pacs-http';

export interface StudyMatch {
  readonly studyUid: string;
  readonly patientId: string | null;
  readonly date: string | null;
  readonly description: string | null;
  readonly modalities: string[];
  /** NumberOfStudyRelatedInstances when the PACS gives it (Orthanc does), else null. */
  readonly instances: number | null;
}

export interface SeriesMatch {
  readonly studyUid: string;
  readonly seriesUid: string;
  readonly modality: string | null;
  readonly number: number | null;
  readonly description: string | null;
}

export interface InstanceMatch {
  readonly studyUid: string;
  readonly seriesUid: string;
  readonly sopInstanceUid: string;
  readonly sopClassUid: string | null;
  readonly number: number | null;
}

/** Results asked for per request; a PACS that caps its answers is paged through with offset. */
const PAGE = 500;
/** A search answer larger than this is refused rather than held in memory. */
const MAX_SEARCH_BYTES = 64 * 1024 * 1024;
const ACCEPT_JSON = 'application/dicom+json, application/json;q=0.9';
const UID = /^[0-9]+(\.[0-9]+)*$/;

/**
 * QIDO-RS: the studies whose PatientID is exactly `patientId`. DICOM
 * matching treats "*" and "?" as wildcards, so the answers are checked
 * against the identifier as well: a wildcard in an identifier never pulls
 * another patient's studies.
 */
export async function searchStudies(pacs: PacsConnection, patientId: string): Promise<StudyMatch[]> {
  const query = new URLSearchParams({ PatientID: patientId });
  query.append('includefield', '00081030');
  query.append('includefield', '00201208');
  const found = await searchAll(pacs, `${pacs.root}/studies`, query, 'the study search');
  const studies: StudyMatch[] = [];
  for (const object of found) {
    const studyUid = uidOf(pacs, object, '0020000D', 'the study search');
    const id = firstText(object, '00100020');
    if (id !== null && id !== patientId) continue;
    studies.push({
      studyUid,
      patientId: id,
      date: firstText(object, '00080020'),
      description: firstText(object, '00081030'),
      modalities: allTexts(object, '00080061'),
      instances: firstNumber(object, '00201208'),
    });
  }
  return studies;
}

/** QIDO-RS: the series of one study. */
export async function searchSeries(pacs: PacsConnection, studyUid: string): Promise<SeriesMatch[]> {
  const query = new URLSearchParams({ includefield: '0008103E' });
  const found = await searchAll(pacs, `${pacs.root}/studies/${uidPath(studyUid)}/series`, query, `the series search of study ${studyUid}`);
  return found.map((object) => ({
    studyUid,
    seriesUid: uidOf(pacs, object, '0020000E', `the series search of study ${studyUid}`),
    modality: firstText(object, '00080060'),
    number: firstNumber(object, '00200011'),
    description: firstText(object, '0008103E'),
  }));
}

/** QIDO-RS: the instances of one series, in instance-number order. */
export async function searchInstances(pacs: PacsConnection, studyUid: string, seriesUid: string): Promise<InstanceMatch[]> {
  const what = `the instance search of series ${seriesUid}`;
  const found = await searchAll(pacs, `${pacs.root}/studies/${uidPath(studyUid)}/series/${uidPath(seriesUid)}/instances`, new URLSearchParams(), what);
  return found
    .map((object) => ({
      studyUid,
      seriesUid,
      sopInstanceUid: uidOf(pacs, object, '00080018', what),
      sopClassUid: firstText(object, '00080016'),
      number: firstNumber(object, '00200013'),
    }))
    .sort((a, b) => (a.number ?? Number.MAX_SAFE_INTEGER) - (b.number ?? Number.MAX_SAFE_INTEGER));
}

/** Every page of a search: limit/offset until a short page, or a page with nothing new (a PACS that ignores offset). */
async function searchAll(pacs: PacsConnection, base: string, query: URLSearchParams, what: string): Promise<DicomJsonObject[]> {
  const all: DicomJsonObject[] = [];
  const seen = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE));
    params.set('offset', String(offset));
    const page = await searchPage(pacs, `${base}?${params}`, what);
    const fresh = page.filter((object) => {
      const key = JSON.stringify([firstText(object, '0020000D'), firstText(object, '0020000E'), firstText(object, '00080018')]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    all.push(...fresh);
    if (page.length < PAGE || fresh.length === 0) return all;
  }
}

async function searchPage(pacs: PacsConnection, url: string, what: string): Promise<DicomJsonObject[]> {
  const answer = await pacsGet(pacs, url, ACCEPT_JSON, what, MAX_SEARCH_BYTES);
  if (answer.body.byteLength === 0) return []; // 204 No Content: nothing matched
  const type = parseMediaType(answer.contentType).type;
  if (type !== 'application/dicom+json' && type !== 'application/json') {
    throw new DicomWebError('bad-response', `PACS at ${pacs.label} answered ${what} with ${type || 'no content type'}, not DICOM JSON; is the URL the DICOMweb root?`);
  }
  const objects = parseDicomJsonArray(Buffer.from(answer.body).toString('utf8'));
  if (!objects) throw new DicomWebError('bad-response', `PACS at ${pacs.label} answered ${what} with malformed DICOM JSON`);
  return objects;
}

function uidOf(pacs: PacsConnection, object: DicomJsonObject, tag: string, what: string): string {
  const uid = firstText(object, tag);
  if (!uid || !UID.test(uid) || uid.length > 64) {
    throw new DicomWebError('bad-response', `PACS at ${pacs.label} answered ${what} with a result whose UID (${tag}) is missing or invalid`);
  }
  return uid;
}

/** A UID checked to be digits and dots, safe in a URL path as it is. */
export function uidPath(uid: string): string {
  if (!UID.test(uid)) throw new DicomWebError('bad-response', `"${uid.slice(0, 70)}" is not a DICOM UID`);
  return uid;
}
