export { readDicomHeader, SUPPORTED_TRANSFER_SYNTAXES, MAX_FILE_BYTES, MAX_DECODED_FRAME_BYTES, type DicomHeader } from './dicom-header';
export { ImagingError, type ImagingErrorKind } from './imaging-error';
export { importDicomBytes, importDicomPaths, dicomdirFiles, type DicomImportOptions, type DicomImportSummary } from './import-dicom';
export { matchPatient, loadChartPatients, splitPersonName, type MatchResult, type ChartPatient } from './match-patient';
export { listStudies, instanceBytes } from './queries';
export { pixelSpacingOf, calibratedSpacing, lengthMm, angleDegrees } from './spacing';
export { decodeFrame, decodeRle, type DecodedFrame } from './decode';
export { decodeJpegLossless } from './jpeg-lossless';
