export { connectPacs, DEFAULT_TIMEOUT_MS, type PacsConnection, type PacsOptions } from './pacs-connection';
export { DicomWebError, type DicomWebErrorKind } from './dicomweb-error';
export { searchStudies, searchSeries, searchInstances, type StudyMatch, type SeriesMatch, type InstanceMatch } from './qido';
export { retrieveInstance, instanceUrl } from './wado';
export { splitMultipart, MultipartError, type BodyPart } from './multipart';
export { parseMediaType, type MediaType } from './media-type';
export { chartForPull } from './pacs-patient-ids';
export { pullFromPacs, PullInterruptedError, type PullOptions, type PullProgress, type PullSummary } from './pull';
