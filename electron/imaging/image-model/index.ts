/**
 * Image models as decision support: an ONNX classifier in models/NAME with
 * a manifest of kind 'image-classifier', run on a DICOM frame or a photo.
 * Results are shown, never written to the record.
 */
export { analyzeImage } from './analyze';
export { ImageModelError, type ImageModelErrorKind } from './errors';
export { describeImageModel, imageModelDirs, listImageModels } from './list';
export { IMAGE_MODEL_KIND, ImageManifestSchema, readImageManifest, recordImageModelFiles, verifyImageModelFiles, writeImageManifest, type ImageInputSpec, type ImageManifest, type ImageManifestInfo } from './manifest';
export { decodePhoto } from './photo';
export { preprocess, resample, sourceBox, toTensor, windowFrame, type Raster } from './preprocess';
export { openImageModel, releaseImageModels, toProbabilities, type LoadedImageModel } from './runtime';
