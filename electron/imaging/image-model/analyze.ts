/**
 * One analysis: an image from the vault (a DICOM frame or a photo) through
 * an installed image model, answered as decision support. Nothing is written
 * to the patient's record: the access is audited like any viewing of the
 * image, and the result goes back to the caller only. A clinician who agrees
 * records a finding themselves.
 */
import { join } from 'node:path';
import type { AnalysisImage, ImageAnalysis } from '../../api/image-model-schemas';
import { decisionSupportLabel, imageModelMismatch } from '../../api/image-model-schemas';
import type { Vault } from '../../store/vault';
import { decodeFrame } from '../decode';
import { imageContent, imageSubject, instanceBytes, instanceSubject } from '../queries';
import { ImageModelError } from './errors';
import { describeImageModel, listImageModels } from './list';
import { decodePhoto } from './photo';
import { preprocess, windowFrame, type Raster } from './preprocess';
import { openImageModel } from './runtime';

/** What is known of the image before its pixels are decoded: enough to pick and check the model. */
type ImageFacts =
  | { readonly kind: 'dicom'; readonly patientId: string; readonly modality: string | null; readonly bodyPart: string | null }
  | { readonly kind: 'photo'; readonly patientId: string; readonly mediaType: string };

const PHOTO_TYPES = ['image/jpeg', 'image/png'];

function imageFacts(vault: Vault, image: AnalysisImage): ImageFacts {
  if ('instanceId' in image) {
    const row = instanceSubject(vault.db, image.instanceId);
    if (!row) throw new ImageModelError('not-found', `image ${image.instanceId} is not in the vault`);
    return { kind: 'dicom', ...row };
  }
  const row = imageSubject(vault.db, image.photoId);
  if (!row) throw new ImageModelError('not-found', `photo ${image.photoId} is not in the vault`);
  if (!PHOTO_TYPES.includes(row.mediaType)) {
    throw new ImageModelError('invalid-input', `image ${image.photoId} is ${row.mediaType === 'application/dicom' ? 'a DICOM image: analyse it by its instance id' : `of type ${row.mediaType}, not a JPEG or PNG photo`}`);
  }
  return { kind: 'photo', ...row };
}

/** The model's folder: the one asked for, or the only installed model made for this kind of image. */
function chooseModel(modelsDir: string, modelId: string | undefined, facts: ImageFacts): string {
  const listing = listImageModels(modelsDir);
  if (modelId !== undefined) {
    const entry = listing.find((m) => m.id === modelId);
    if (!entry) throw new ImageModelError('no-model', `no image model "${modelId}" is installed in ${modelsDir}`);
    if (!entry.ok) throw new ImageModelError('corrupt', entry.problem);
    const problem = imageModelMismatch(entry.model, facts);
    if (problem) throw new ImageModelError('wrong-modality', `image model ${entry.id} was not applied: ${problem}`);
    return join(modelsDir, entry.id);
  }
  const usable = listing.filter((m) => m.ok);
  if (usable.length === 0) {
    throw new ImageModelError('no-model', `no image model is installed in ${modelsDir}${listing.length ? ` (${listing.length} could not be read)` : ''}: models/README.md says how to add one`);
  }
  const fitting = usable.filter((m) => m.ok && imageModelMismatch(m.model, facts) === null);
  if (fitting.length === 0) {
    const kind = facts.kind === 'photo' ? 'photos' : `${[facts.modality ?? 'unknown-modality', facts.bodyPart].filter(Boolean).join(' ')} images`;
    throw new ImageModelError('no-model', `none of the installed image models (${usable.map((m) => m.id).join(', ')}) is made for ${kind}`);
  }
  if (fitting.length > 1) throw new ImageModelError('invalid-input', `${fitting.length} image models fit this image (${fitting.map((m) => m.id).join(', ')}): choose one`);
  return join(modelsDir, fitting[0]!.id);
}

async function decodeImage(vault: Vault, image: AnalysisImage): Promise<{ raster: Raster; detail: string; frame: number | null }> {
  if ('instanceId' in image) {
    const { bytes } = instanceBytes(vault.db, image.instanceId);
    const frame = image.frame ?? 0;
    const decoded = await decodeFrame(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), frame);
    const { raster, window } = windowFrame(decoded);
    const windowed = window
      ? `windowed ${round(window.center)}/${round(window.width)} (${window.source === 'file' ? "the file's window" : 'full range'})`
      : 'colour';
    return { raster, frame, detail: `frame ${frame + 1} of ${decoded.frames}, ${decoded.columns} x ${decoded.rows}, ${windowed}` };
  }
  const content = imageContent(vault.db, image.photoId);
  if (!content) throw new ImageModelError('not-found', `photo ${image.photoId} has no image data`);
  const raster = await decodePhoto(new Uint8Array(content.buffer, content.byteOffset, content.byteLength), `photo ${image.photoId}`);
  return { raster, frame: null, detail: `photo, ${raster.width} x ${raster.height}` };
}

const round = (v: number) => Math.round(v * 10) / 10;

export async function analyzeImage(vault: Vault, request: { image: AnalysisImage; modelId?: string | undefined }, modelsDir: string): Promise<ImageAnalysis> {
  const started = performance.now();
  const facts = imageFacts(vault, request.image);
  const dir = chooseModel(modelsDir, request.modelId, facts);
  const { model, fresh } = await openImageModel(dir);
  // Checked again on the loaded manifest: the folder may have changed since it was listed.
  const problem = imageModelMismatch(describeImageModel(model.id, model.manifest), facts);
  if (problem) throw new ImageModelError('wrong-modality', `image model ${model.id} was not applied: ${problem}`);
  vault.audit('record.view', facts.patientId, { kind: 'imaging.analyze', ...request.image, model: model.id });

  const decodeStart = performance.now();
  const { raster, detail, frame } = await decodeImage(vault, request.image);
  const preprocessStart = performance.now();
  const { input } = model.manifest;
  const tensor = preprocess(raster, input);
  const inferenceStart = performance.now();
  const probabilities = await model.classify(tensor.data, tensor.dims);
  const done = performance.now();

  const predictions = model.manifest.labels
    .map((label, i) => ({ id: label.id, name: label.name, probability: probabilities[i]!, order: i }))
    .sort((a, b) => b.probability - a.probability || a.order - b.order)
    .map(({ order: _order, ...p }) => p);
  const kind = facts.kind === 'dicom' ? [facts.modality, facts.bodyPart].filter(Boolean).join(' ') : '';
  return {
    label: decisionSupportLabel(model.manifest.testModel),
    model: describeImageModel(model.id, model.manifest),
    image: {
      patientId: facts.patientId,
      instanceId: 'instanceId' in request.image ? request.image.instanceId : null,
      photoId: 'photoId' in request.image ? request.image.photoId : null,
      frame,
      width: raster.width,
      height: raster.height,
      description: `${kind ? `${kind}, ` : ''}${detail}, resized to ${input.width} x ${input.height} (${input.resize === 'stretch' ? 'whole image' : 'centre crop'})`,
    },
    predictions,
    timing: {
      loadMs: fresh ? round(model.loadMs) : null,
      decodeMs: round(preprocessStart - decodeStart),
      preprocessMs: round(inferenceStart - preprocessStart),
      inferenceMs: round(done - inferenceStart),
      totalMs: round(done - started),
    },
  };
}
