import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import dcmjs from 'dcmjs';
import type { Lesion, PhotoSummary } from '../../api/photo-schemas';
import type { Vault } from '../../store/vault';
import { ImagingError } from '../imaging-error';
import { anatomicRegion } from './anatomic-region';
import { readPhotoHeader, type JpegFrame } from './photo-file';
import { patientExists } from '../../store/queries/patients';
import { getLesion, getPhoto, lesionPhotoUids, photoBytes } from './queries';
import { stableUid } from './uids';
import { loadChartIdentity, type ChartIdentity } from '../../identity/compare-identity';

export const VL_PHOTOGRAPHIC_IMAGE = '1.2.840.10008.5.1.4.1.1.77.1.4';
export const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';
export const EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const IMPLEMENTATION_CLASS_UID = stableUid('implementation');

/** The chart's patient as DICOM's patient module writes it; Patient ID carries the chart's MRN when there is one. */
export type ExportPatient = Omit<ChartIdentity, 'identifierValues'>;

export interface VlPhotoInput {
  readonly photo: PhotoSummary;
  readonly sopInstanceUid: string;
  readonly bytes: Uint8Array;
  readonly patient: ExportPatient;
  readonly lesion: Lesion;
  readonly studyDate: string;
  readonly instanceNumber: number;
}

/**
 * One photo as a DICOM VL Photographic Image (PS3.3 A.32.4), Part 10 bytes.
 * A baseline 8-bit JPEG travels as it is, encapsulated (JPEG Baseline
 * transfer syntax): no second lossy step. A PNG, or a JPEG that is not
 * baseline (progressive, 12-bit), is decoded once and written as 8-bit RGB,
 * Explicit VR Little Endian. The study and series UIDs come from the lesion,
 * so every export of the same lesion lands in the same series at the PACS.
 */
export async function vlPhotographicImage(input: VlPhotoInput): Promise<{ bytes: Uint8Array; transferSyntax: string }> {
  const { photo, patient, lesion } = input;
  const header = readPhotoHeader(photo.id, input.bytes);
  const keepJpeg = header.jpeg !== null && header.jpeg.sof === 0xc0 && header.jpeg.precision === 8 && (header.jpeg.components === 3 || header.jpeg.components === 1);
  const region = anatomicRegion(lesion.bodySite);
  const taken = photo.takenAt;
  const dataset: Record<string, unknown> = {
    SpecificCharacterSet: 'ISO_IR 192',
    ImageType: ['ORIGINAL', 'PRIMARY'],
    SOPClassUID: VL_PHOTOGRAPHIC_IMAGE,
    SOPInstanceUID: input.sopInstanceUid,
    StudyDate: dicomDate(input.studyDate),
    StudyTime: '',
    ContentDate: dicomDate(taken),
    ContentTime: dicomTime(taken),
    AcquisitionDateTime: dicomDateTime(taken),
    AccessionNumber: '',
    Modality: 'XC',
    Manufacturer: '',
    ReferringPhysicianName: '',
    StudyDescription: 'Dermatology photographs',
    SeriesDescription: `${lesion.name} (${lesion.bodySite})`.slice(0, 64),
    AnatomicRegionSequence: [region.code],
    PatientName: personName(patient),
    PatientID: (patient.mrn ?? patient.id).slice(0, 64),
    PatientBirthDate: patient.birthDate ? dicomDate(patient.birthDate) : '',
    PatientSex: sexCode(patient.sex),
    StudyInstanceUID: stableUid(`study:${lesion.id}`),
    SeriesInstanceUID: stableUid(`series:${lesion.id}`),
    StudyID: '',
    SeriesNumber: 1,
    InstanceNumber: input.instanceNumber,
    PatientOrientation: '',
    Laterality: region.laterality ?? '',
    ImageComments: calibrationComment(photo),
    AcquisitionContextSequence: [],
    Rows: header.height,
    Columns: header.width,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelRepresentation: 0,
    LossyImageCompression: header.mediaType === 'image/jpeg' ? '01' : '00',
  };
  let transferSyntax: string;
  if (keepJpeg) {
    transferSyntax = JPEG_BASELINE;
    const color = header.jpeg!.components === 3;
    Object.assign(dataset, {
      SamplesPerPixel: color ? 3 : 1,
      PhotometricInterpretation: color ? jpegColorSpace(header.jpeg!) : 'MONOCHROME2',
      ...(color ? { PlanarConfiguration: 0 } : {}),
      LossyImageCompressionMethod: 'ISO_10918_1',
      PixelData: [toArrayBuffer(input.bytes)],
      _vrMap: { PixelData: 'OB' },
    });
  } else {
    transferSyntax = EXPLICIT_LITTLE_ENDIAN;
    Object.assign(dataset, {
      SamplesPerPixel: 3,
      PhotometricInterpretation: 'RGB',
      PlanarConfiguration: 0,
      ...(header.mediaType === 'image/jpeg' ? { LossyImageCompressionMethod: 'ISO_10918_1' } : {}),
      PixelData: [toArrayBuffer(await decodeRgb(input.bytes, header.width, header.height))],
      _vrMap: { PixelData: 'OB' },
    });
  }
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: VL_PHOTOGRAPHIC_IMAGE,
    MediaStorageSOPInstanceUID: input.sopInstanceUid,
    TransferSyntaxUID: transferSyntax,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: 'CONTINUUM_0_1',
  };
  const dict = new dcmjs.data.DicomDict(dcmjs.data.DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(dataset);
  return { bytes: new Uint8Array(dict.write({ fragmentMultiframe: false })), transferSyntax };
}

export interface LesionExport {
  readonly lesion: Lesion;
  readonly files: ReadonlyArray<{ readonly photoId: string; readonly file: string; readonly transferSyntax: string; readonly bytes: number }>;
}

/**
 * A lesion's photos (those taken for it or with its outline), oldest first,
 * written as one DICOM series: one file per photo, named by instance number.
 */
export async function exportLesionSeries(vault: Vault, lesionId: string, dir: string): Promise<LesionExport> {
  const db = vault.db;
  const lesion = getLesion(db, lesionId);
  const ids = lesionPhotoUids(db, lesionId);
  if (ids.length === 0) throw new ImagingError('not-found', `lesion "${lesion.name}" has no photos to export`);
  const patient = exportPatient(vault, lesion.patientId);
  const photos = ids.map((r) => ({ photo: getPhoto(db, r.id), uid: r.sop_instance_uid }));
  const studyDate = photos[0]!.photo.takenAt;
  mkdirSync(dir, { recursive: true });
  const files: Array<LesionExport['files'][number]> = [];
  for (const [i, { photo, uid }] of photos.entries()) {
    const { bytes, transferSyntax } = await vlPhotographicImage({ photo, sopInstanceUid: uid, bytes: photoBytes(db, photo.id).bytes, patient, lesion, studyDate, instanceNumber: i + 1 });
    const file = join(dir, `IMG${String(i + 1).padStart(4, '0')}.dcm`);
    writeFileSync(file, bytes, { mode: 0o600 });
    files.push({ photoId: photo.id, file, transferSyntax, bytes: bytes.byteLength });
  }
  vault.audit('record.view', lesion.patientId, { kind: 'lesion.export-dicom', lesionId, files: files.length });
  return { lesion, files };
}

export function exportPatient(vault: Vault, patientId: string): ExportPatient {
  if (!patientExists(vault.db, patientId)) throw new ImagingError('not-found', `patient ${patientId} is not in the vault`);
  const { identifierValues: _values, ...patient } = loadChartIdentity(vault.db, patientId);
  return patient;
}

/** PS3.5 8.2.1: chroma subsampled (the usual JFIF 4:2:2 or 4:2:0) is YBR_FULL_422, full chroma is YBR_FULL. */
function jpegColorSpace(frame: JpegFrame): string {
  const [luma, ...chroma] = frame.sampling;
  const subsampled = chroma.some(([h, v]) => h < luma![0] || v < luma![1]);
  return subsampled ? 'YBR_FULL_422' : 'YBR_FULL';
}

async function decodeRgb(bytes: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  // Pixel data of odd length gets a pad byte (PS3.5 8.1.1).
  const rgb = new Uint8Array(width * height * 3 + ((width * height * 3) % 2));
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!;
    rgb[j + 1] = rgba[i + 1]!;
    rgb[j + 2] = rgba[i + 2]!;
  }
  return rgb;
}

function calibrationComment(photo: PhotoSummary): string {
  const c = photo.calibration;
  if (!c) return 'Not calibrated';
  return `Calibrated by ${c.by}: ${c.knownMm} mm over ${Math.hypot(c.to.x - c.from.x, c.to.y - c.from.y).toFixed(1)} pixels (${c.mmPerPixel.toFixed(4)} mm per pixel)`;
}

function personName(patient: ExportPatient): string {
  if (patient.family || patient.given) return `${patient.family ?? ''}^${(patient.given ?? '').replace(/\s+/g, '^')}`.replace(/\^+$/, '');
  return patient.name;
}

function sexCode(sex: string | null): string {
  return sex === 'male' ? 'M' : sex === 'female' ? 'F' : sex === 'other' ? 'O' : '';
}

function dicomDate(iso: string): string {
  return iso.slice(0, 10).replace(/-/g, '');
}

function dicomTime(iso: string): string {
  const m = /T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[1]}${m[2]}${m[3]}` : '';
}

function dicomDateTime(iso: string): string {
  return `${dicomDate(iso)}${dicomTime(iso)}`;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
