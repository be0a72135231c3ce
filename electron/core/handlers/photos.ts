import { decideFinding, findingForFact, listFindings, proposeFinding } from '../../imaging/findings';
import { calibratePhoto, createLesion, getLesion, getPhoto, importPhotoBytes, lesionHistory, listLesions, listPhotos, photoBytes, setOutline } from '../../imaging/photos';
import { memoryFactExists } from '../../imaging/findings/queries';
import { ImagingError } from '../../imaging/imaging-error';
import type { HandlerMap } from './handler';

/** Dermatology photos, lesions and image findings (electron/imaging/photos and findings) over the API. */
export const photoHandlers: HandlerMap = {
  'photos.list': (params, { session }) => {
    const db = session.requireVault().db;
    return { photos: listPhotos(db, params.patientId), lesions: listLesions(db, params.patientId) };
  },
  'photos.import': (params, { session }) => {
    return importPhotoBytes(session.requireVault(), {
      patientId: params.patientId,
      fileName: params.fileName,
      bytes: params.bytes,
      bodySite: params.bodySite,
      takenAt: params.takenAt,
      lesionId: params.lesionId,
    });
  },
  'photos.image': (params, { session }) => {
    const vault = session.requireVault();
    const { patientId, mediaType, bytes } = photoBytes(vault.db, params.photoId);
    vault.audit('record.view', patientId, { kind: 'photo.image', photoId: params.photoId });
    return { photoId: params.photoId, patientId, mediaType, base64: bytes.toString('base64') };
  },
  'photos.calibrate': (params, { session }) => calibratePhoto(session.requireVault(), params.photoId, params.from, params.to, params.knownMm),
  'lesions.create': (params, { session }) => createLesion(session.requireVault(), params),
  'lesions.outline': (params, { session }) => setOutline(session.requireVault(), params.photoId, params.lesionId, params.points),
  'lesions.history': (params, { session }) => lesionHistory(session.requireVault().db, params.lesionId),
  'findings.propose': (params, { session }) => proposeFinding(session.requireVault(), params.target, params.annotation),
  'findings.list': (params, { session }) => ({ findings: listFindings(session.requireVault().db, params.patientId) }),
  'findings.decide': (params, { session }) => decideFinding(session.requireVault(), params.findingId, params.decision),
  'findings.forFact': (params, { session }) => {
    const vault = session.requireVault();
    const finding = findingForFact(vault.db, params.factId);
    if (finding) {
      // The citation opens the image: check it is still there before the viewer asks for it.
      if (finding.photoId) getPhoto(vault.db, finding.photoId);
      if (finding.lesionId) getLesion(vault.db, finding.lesionId);
    } else if (!memoryFactExists(vault.db, params.factId)) {
      throw new ImagingError('not-found', `fact ${params.factId} is not in the vault`);
    }
    return { finding };
  },
};
