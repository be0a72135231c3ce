export { importPhotoBytes, importPhotoPaths, type PhotoImportInput } from './import-photo';
export { readPhotoHeader, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, type PhotoFileInfo } from './photo-file';
export { exifDateTaken, isoFromExif } from './exif';
export { listPhotos, getPhoto, photoBytes, listLesions, getLesion, lesionHistory } from './queries';
export { createLesion, calibratePhoto, clearCalibration, setOutline } from './lesions';
export { vlPhotographicImage, exportLesionSeries, exportPatient, VL_PHOTOGRAPHIC_IMAGE, JPEG_BASELINE, EXPLICIT_LITTLE_ENDIAN, type LesionExport } from './export-dicom';
export { anatomicRegion } from './anatomic-region';
