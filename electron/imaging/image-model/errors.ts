import { VaultError } from '../../store/errors';

export type ImageModelErrorKind =
  | 'no-model' // no image model installed, or none by that id, or none for this kind of image
  | 'integrity' // a file's size or SHA-256 differs from the manifest, or a file is missing
  | 'corrupt' // the manifest or the ONNX file cannot be read
  | 'wrong-input-shape' // the graph's input or output does not match the manifest
  | 'wrong-modality' // the image is not of the kind the model was made for
  | 'unsupported' // an operator or data type onnxruntime cannot run here
  | 'not-found' // the image is not in the vault
  | 'invalid-input'; // the image cannot be decoded

/**
 * Why an image model cannot load or cannot read an image, in one line for
 * the clinician (app) or administrator (CLI). A VaultError, so the API and
 * the CLI report it like any other refusal; `kind` keeps the finer reason.
 */
export class ImageModelError extends VaultError {
  constructor(
    readonly kind: ImageModelErrorKind,
    message: string,
  ) {
    super(kind === 'not-found' || kind === 'no-model' ? 'not-found' : 'invalid-input', message);
    this.name = 'ImageModelError';
  }
}
