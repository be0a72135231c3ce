import { z } from 'zod';
import { recordId } from './schemas';

/**
 * Image models as decision support (issue 6): what the renderer and the CLI
 * see of an installed image model and of one analysis. An analysis is shown,
 * never stored: a clinician who agrees with it records a finding themselves.
 */

/** The words every result is shown under; a test model's results also say so. */
export const DECISION_SUPPORT_NOTICE = 'Decision support — not a diagnosis';
export function decisionSupportLabel(testModel: boolean): string {
  return testModel ? `${DECISION_SUPPORT_NOTICE}; test model` : DECISION_SUPPORT_NOTICE;
}

/** A model's id is its folder name under models/ (no path). */
export const imageModelId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a model folder name');

export const imageModelInfo = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  licence: z.string(),
  testModel: z.boolean(),
  intendedUse: z.string(),
  /** The images it reads, as the manifest names them, e.g. "chest X-ray". */
  modality: z.string(),
  dicomModalities: z.array(z.string()),
  bodyParts: z.array(z.string()),
  photos: z.boolean(),
  labelsNote: z.string(),
  input: z.object({ width: z.number().int(), height: z.number().int(), channels: z.number().int() }),
  labels: z.array(z.object({ id: z.string(), name: z.string() })),
  bytes: z.number(),
});
export type ImageModelInfo = z.infer<typeof imageModelInfo>;

/** A folder under models/ with an image-model manifest: usable, or with the problem in one line. */
export const imageModelListing = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: z.string(), model: imageModelInfo }),
  z.object({ ok: z.literal(false), id: z.string(), problem: z.string() }),
]);
export type ImageModelListing = z.infer<typeof imageModelListing>;

/** The image to analyse: a DICOM instance (and frame), or a photo stored in the vault. */
export const analysisImage = z.union([
  z.object({ instanceId: recordId, frame: z.number().int().min(0).max(100_000).optional() }).strict(),
  z.object({ photoId: recordId }).strict(),
]);
export type AnalysisImage = z.infer<typeof analysisImage>;

export const analyzeParams = z
  .object({
    image: analysisImage,
    /** Which model; when absent, the one installed model made for this kind of image. */
    modelId: imageModelId.optional(),
  })
  .strict();

export const imagePrediction = z.object({ id: z.string(), name: z.string(), probability: z.number().min(0).max(1) });
export type ImagePrediction = z.infer<typeof imagePrediction>;

export const imageAnalysis = z.object({
  /** "Decision support — not a diagnosis" (and "; test model"): shown above the result, always. */
  label: z.string(),
  model: imageModelInfo,
  image: z.object({
    patientId: z.string(),
    instanceId: z.string().nullable(),
    photoId: z.string().nullable(),
    frame: z.number().int().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    /** What the model was given, e.g. "DX CHEST, windowed 2048/4096 (from the file), resized to 64 x 64". */
    description: z.string(),
  }),
  /** Every label, most probable first; probabilities sum to 1. */
  predictions: z.array(imagePrediction),
  timing: z.object({
    /** Loading and verifying the model; null when the loaded session was reused. */
    loadMs: z.number().nullable(),
    decodeMs: z.number(),
    preprocessMs: z.number(),
    inferenceMs: z.number(),
    totalMs: z.number(),
  }),
});
export type ImageAnalysis = z.infer<typeof imageAnalysis>;

/** What a model needs to know of an image to say whether it was made for it (before any pixel is read). */
export type ImageKind = { readonly kind: 'photo' } | { readonly kind: 'dicom'; readonly modality: string | null; readonly bodyPart: string | null };

/**
 * Why a model is not made for this image, in words for the clinician; null
 * when it is. Shared by the core, which refuses, and the panel, which says
 * so before the clinician asks.
 */
export function imageModelMismatch(
  model: Pick<ImageModelInfo, 'modality' | 'dicomModalities' | 'bodyParts' | 'photos'>,
  image: ImageKind,
): string | null {
  const accepts = [...model.dicomModalities, ...(model.photos ? ['photos'] : [])].join(', ');
  const madeFor = `${model.modality}${accepts ? ` (${accepts})` : ''}`;
  if (image.kind === 'photo') return model.photos ? null : `the model is made for ${madeFor}; this image is a photo`;
  if (!image.modality) return `the image does not say its modality; the model is made for ${madeFor}`;
  if (!model.dicomModalities.includes(image.modality.toUpperCase())) return `the image is ${image.modality}; the model is made for ${madeFor}`;
  const part = image.bodyPart;
  if (model.bodyParts.length > 0 && part && !model.bodyParts.some((b) => b.toUpperCase() === part.toUpperCase())) {
    return `the image is of ${part}; the model is made for ${model.modality} (${model.bodyParts.join(', ')})`;
  }
  return null;
}
