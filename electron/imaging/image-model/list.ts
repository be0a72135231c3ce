/**
 * The image models installed under models/: folders whose manifest says
 * kind 'image-classifier'. Reads manifests only (no hashing, no session), so
 * listing is instant; integrity is checked when a model is first used.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImageModelInfo, ImageModelListing } from '../../api/image-model-schemas';
import { manifestKind } from '../../model/manifest';
import { isVaultError } from '../../store/errors';
import { IMAGE_MODEL_KIND, readImageManifest, type ImageManifest } from './manifest';

export function describeImageModel(id: string, m: ImageManifest): ImageModelInfo {
  return {
    id,
    name: m.name,
    version: m.version,
    licence: m.licence,
    testModel: m.testModel,
    intendedUse: m.intendedUse,
    modality: m.modality.description,
    dicomModalities: m.modality.dicomModalities,
    bodyParts: m.modality.bodyParts,
    photos: m.modality.photos,
    labelsNote: m.labelsNote,
    input: { width: m.input.width, height: m.input.height, channels: m.input.channels },
    labels: m.labels.map((l) => ({ id: l.id, name: l.name })),
    bytes: m.files.reduce((sum, f) => sum + f.bytes, 0),
  };
}

/** Image-model folders in modelsDir, sorted by folder name. */
export function imageModelDirs(modelsDir: string): string[] {
  if (!existsSync(modelsDir)) return [];
  return readdirSync(modelsDir)
    .map((name) => join(modelsDir, name))
    .filter((dir) => statSync(dir).isDirectory() && manifestKind(dir) === IMAGE_MODEL_KIND)
    .sort();
}

export function listImageModels(modelsDir: string): ImageModelListing[] {
  return imageModelDirs(modelsDir).map((dir): ImageModelListing => {
    const id = basename(dir);
    try {
      return { ok: true, id, model: describeImageModel(id, readImageManifest(dir)) };
    } catch (error) {
      if (isVaultError(error)) return { ok: false, id, problem: error.message };
      throw error;
    }
  });
}
