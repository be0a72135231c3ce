import { randomUUID } from 'node:crypto';
import { bodySite as bodySiteSchema, type Lesion, type PhotoSummary } from '../../api/photo-schemas';
import type { Point } from '../../api/imaging-schemas';
import type { Vault } from '../../store/vault';
import { ImagingError } from '../imaging-error';
import { calibratedSpacing } from '../spacing';
import { patientExists } from '../../store/queries/patients';
import { getLesion, getPhoto, insertLesion, pointsJson, round2, setPhotoCalibration, upsertLesionOutline } from './queries';

/** A named lesion at a body site, to be followed across photos. */
export function createLesion(vault: Vault, input: { patientId: string; name: string; bodySite: string }): Lesion {
  const name = input.name.trim();
  if (name === '' || name.length > 200) throw new ImagingError('invalid-input', 'a lesion needs a name (up to 200 characters)');
  const site = bodySiteSchema.safeParse(input.bodySite);
  if (!site.success) throw new ImagingError('invalid-input', `lesion "${name}": name its body site`);
  const db = vault.db;
  if (!patientExists(db, input.patientId)) throw new ImagingError('not-found', `patient ${input.patientId} is not in the vault`);
  const id = `lesion-${randomUUID()}`;
  const at = vault.now().toISOString();
  vault.atomically(() => {
    insertLesion(db, { id, patientId: input.patientId, name, bodySite: site.data, at, by: vault.clinician.id });
    vault.audit('record.write', input.patientId, { kind: 'lesion.create', lesionId: id });
  });
  return getLesion(db, id);
}

/**
 * The clinician's calibration of one photo: two image points and the known
 * length between them (a ruler's ticks, a marker of known size). Replaces an
 * earlier calibration; every outline of the photo is re-measured with it.
 */
export function calibratePhoto(vault: Vault, photoId: string, from: Point, to: Point, knownMm: number): PhotoSummary {
  const photo = getPhoto(vault.db, photoId);
  const pixels = Math.hypot(to.x - from.x, to.y - from.y);
  if (!(knownMm > 0) || !Number.isFinite(knownMm) || knownMm > 1000) {
    throw new ImagingError('invalid-input', `photo ${photoId}: the known length must be between 0 and 1000 mm (got ${knownMm})`);
  }
  if (pixels < 10) throw new ImagingError('invalid-input', `photo ${photoId}: the two calibration points are ${pixels.toFixed(1)} pixels apart; mark a longer segment (at least 10 pixels)`);
  for (const p of [from, to]) {
    if (p.x < 0 || p.y < 0 || p.x > photo.width || p.y > photo.height) {
      throw new ImagingError('invalid-input', `photo ${photoId}: calibration point (${p.x}, ${p.y}) is outside the ${photo.width} x ${photo.height} image`);
    }
  }
  const spacing = calibratedSpacing(from, to, knownMm);
  const calibration = {
    from: { x: round2(from.x), y: round2(from.y) },
    to: { x: round2(to.x), y: round2(to.y) },
    knownMm,
    mmPerPixel: spacing.rowMm!,
    by: vault.clinician.id,
    at: vault.now().toISOString(),
  };
  vault.atomically(() => {
    setPhotoCalibration(vault.db, photoId, JSON.stringify(calibration));
    vault.audit('record.write', photo.patientId, { kind: 'photo.calibrate', photoId, knownMm, pixels: round2(pixels) });
  });
  return getPhoto(vault.db, photoId);
}

/** Removes a photo's calibration: its measurements go back to pixels only. */
export function clearCalibration(vault: Vault, photoId: string): PhotoSummary {
  const photo = getPhoto(vault.db, photoId);
  vault.atomically(() => {
    setPhotoCalibration(vault.db, photoId, null);
    vault.audit('record.write', photo.patientId, { kind: 'photo.calibration-cleared', photoId });
  });
  return getPhoto(vault.db, photoId);
}

/** The outline of a lesion on a photo (a closed polygon of at least 3 points inside the image); replaces an earlier one. */
export function setOutline(vault: Vault, photoId: string, lesionId: string, points: readonly Point[]): PhotoSummary {
  const db = vault.db;
  const photo = getPhoto(db, photoId);
  const lesion = getLesion(db, lesionId);
  if (lesion.patientId !== photo.patientId) throw new ImagingError('not-found', `lesion ${lesionId} is not in this photo's chart`);
  if (points.length < 3) throw new ImagingError('invalid-input', `outline of "${lesion.name}": at least 3 points make a closed outline (got ${points.length})`);
  if (points.length > 2000) throw new ImagingError('invalid-input', `outline of "${lesion.name}": at most 2000 points`);
  const outside = points.find((p) => p.x < 0 || p.y < 0 || p.x > photo.width || p.y > photo.height);
  if (outside) throw new ImagingError('invalid-input', `outline of "${lesion.name}": point (${outside.x}, ${outside.y}) is outside the ${photo.width} x ${photo.height} image`);
  const at = vault.now().toISOString();
  vault.atomically(() => {
    upsertLesionOutline(db, { photoId, lesionId, points: pointsJson(points), at, by: vault.clinician.id });
    vault.audit('record.write', photo.patientId, { kind: 'lesion.outline', photoId, lesionId, points: points.length });
  });
  return getPhoto(db, photoId);
}
