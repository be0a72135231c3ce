import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { loadImage } from '@napi-rs/canvas';
import { bodySite as bodySiteSchema, isoDay, type PhotoImportOutcome } from '../../api/photo-schemas';
import type { Vault } from '../../store/vault';
import { ImagingError } from '../imaging-error';
import { exifDateTaken } from './exif';
import { MAX_PHOTO_BYTES, readPhotoHeader } from './photo-file';
import { patientExists } from '../../store/queries/patients';
import { insertSource } from '../../store/queries/sources';
import { getLesion, getPhoto, insertPhoto, insertPhotoImage, photoIdBySha256 } from './queries';
import { newUid } from './uids';

export interface PhotoImportInput {
  readonly patientId: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly bodySite: string;
  /** YYYY-MM-DD; used when the photo carries no EXIF date. */
  readonly takenAt?: string | undefined;
  readonly lesionId?: string | undefined;
}

/**
 * Files one clinical photo (JPEG or PNG) under a patient: checks the header
 * and size limits, decodes it once to be sure it is an image, takes the date
 * from EXIF (else the one given), and stores the file whole in images (the
 * vault is encrypted as a whole) with a photos row, in one transaction. A bad
 * file is 'rejected' with a one-line message and nothing is stored; a wrong
 * patient or lesion id throws not-found.
 */
export async function importPhotoBytes(vault: Vault, input: PhotoImportInput): Promise<PhotoImportOutcome> {
  const { fileName, bytes } = input;
  const site = bodySiteSchema.safeParse(input.bodySite);
  if (!site.success) throw new ImagingError('invalid-input', `${fileName}: name the body site the photo shows (--site)`);
  if (input.takenAt !== undefined && !isoDay.safeParse(input.takenAt).success) {
    throw new ImagingError('invalid-input', `${fileName}: the date "${input.takenAt}" is not YYYY-MM-DD`);
  }
  const db = vault.db;
  if (!patientExists(db, input.patientId)) throw new ImagingError('not-found', `patient ${input.patientId} is not in the vault`);
  if (input.lesionId) {
    const lesion = getLesion(db, input.lesionId);
    if (lesion.patientId !== input.patientId) throw new ImagingError('not-found', `lesion ${input.lesionId} is not in this patient's chart`);
  }
  let header;
  try {
    header = readPhotoHeader(fileName, bytes);
    await assertDecodes(fileName, bytes);
  } catch (error) {
    if (error instanceof ImagingError) return { file: fileName, status: 'rejected', message: error.message, photo: null };
    throw error;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = photoIdBySha256(db, input.patientId, sha256);
  if (existing) return { file: fileName, status: 'already-imported', message: `${fileName}: already in this chart`, photo: getPhoto(db, existing) };

  const exif = exifDateTaken(bytes);
  const takenAt = exif ?? input.takenAt;
  if (!takenAt) {
    return { file: fileName, status: 'rejected', message: `${fileName}: the photo carries no date taken (EXIF); give it (--date YYYY-MM-DD)`, photo: null };
  }
  const at = vault.now().toISOString();
  const by = vault.clinician.id;
  const photoId = `photo-${randomUUID()}`;
  // The images row shares the photo's id, so that anything reading images by id (the image models) finds the photo.
  const imageId = photoId;
  vault.atomically(() => {
    const sourceId = insertSource(db, { kind: 'document', label: `Photo ${fileName}`, sha256, clinicianId: by, at, detail: JSON.stringify({ format: 'photo', file: fileName, photoId }) });
    insertPhotoImage(db, {
      id: imageId,
      patientId: input.patientId,
      mediaType: header.mediaType,
      takenAt,
      content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      metadata: JSON.stringify({ photoId, bodySite: site.data }),
      sourceId,
      sourceRef: photoId,
      at,
      by,
    });
    insertPhoto(db, {
      id: photoId,
      patientId: input.patientId,
      imageId,
      lesionId: input.lesionId ?? null,
      bodySite: site.data,
      takenAt,
      takenFrom: exif ? 'exif' : 'given',
      mediaType: header.mediaType,
      width: header.width,
      height: header.height,
      byteLength: bytes.byteLength,
      sha256,
      sopInstanceUid: newUid(),
      sourceId,
      at,
      by,
    });
    vault.audit('record.write', input.patientId, { kind: 'photo.import', photoId, file: fileName });
  });
  const dated = exif ? `taken ${takenAt.slice(0, 10)} (EXIF)` : `taken ${takenAt} (as given)`;
  return { file: fileName, status: 'imported', message: `${fileName}: photo of ${site.data}, ${header.width} x ${header.height}, ${dated}`, photo: getPhoto(db, photoId) };
}

/** Imports files from disk one at a time, each checked against the size limit before it is read. */
export async function importPhotoPaths(vault: Vault, files: readonly string[], options: Omit<PhotoImportInput, 'fileName' | 'bytes'>): Promise<PhotoImportOutcome[]> {
  const outcomes: PhotoImportOutcome[] = [];
  for (const file of files) {
    const size = statSync(file).size;
    if (size > MAX_PHOTO_BYTES) {
      outcomes.push({ file, status: 'rejected', message: `${file}: ${(size / 1024 / 1024).toFixed(0)} MB is larger than the ${MAX_PHOTO_BYTES / 1024 / 1024} MB a photo may be`, photo: null });
      continue;
    }
    outcomes.push(await importPhotoBytes(vault, { ...options, fileName: file, bytes: new Uint8Array(readFileSync(file)) }));
  }
  return outcomes;
}

async function assertDecodes(fileName: string, bytes: Uint8Array): Promise<void> {
  try {
    const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!(image.width > 0)) throw new Error('empty');
  } catch {
    throw new ImagingError('invalid-input', `${fileName}: a damaged image (it cannot be decoded)`);
  }
}
