import { decodeFrame, importDicomBytes, instanceBytes, listStudies } from '../../imaging';
import type { DecodeOptions } from '../../imaging/decode';
import type { Session } from '../session';
import type { BinaryHandlerMap, HandlerMap } from './handler';

/**
 * One stored frame, read from the vault and decoded (with a preview for the
 * viewer's canvas when asked), with what each stage took (the viewer's
 * overlay and bench:imaging show them). Audited as a record view.
 */
async function storedFrame(session: Session, instanceId: string, frame: number, options: DecodeOptions = {}) {
  const vault = session.requireVault();
  const readStarted = performance.now();
  const { patientId, bytes } = instanceBytes(vault.db, instanceId);
  const readMs = Math.round(performance.now() - readStarted);
  vault.audit('record.view', patientId, { kind: 'imaging.frame', instanceId, frame });
  const decodeStarted = performance.now();
  const decoded = await decodeFrame(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), frame, options);
  const decodeMs = Math.round(performance.now() - decodeStarted);
  const { pixels, preview, ...header } = decoded;
  return {
    header: { ...header, instanceId, patientId, decodeMs },
    readMs,
    preview,
    pixels: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength),
  };
}

export const imagingHandlers: HandlerMap = {
  'imaging.studies': (params, { session }) => ({ studies: listStudies(session.requireVault().db, params.patientId) }),
  'imaging.instance': (params, { session }) => {
    const vault = session.requireVault();
    const { patientId, bytes } = instanceBytes(vault.db, params.instanceId);
    vault.audit('record.view', patientId, { kind: 'imaging.instance', instanceId: params.instanceId });
    return { instanceId: params.instanceId, patientId, base64: bytes.toString('base64') };
  },
  'imaging.frame': async (params, { session }) => {
    const { header, pixels } = await storedFrame(session, params.instanceId, params.frame ?? 0);
    return { ...header, base64: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength).toString('base64') };
  },
  'imaging.import': (params, { session }) => {
    const vault = session.requireVault();
    const file = params.bytes;
    const options = {
      ...(params.patientId ? { patientId: params.patientId } : {}),
      ...(params.override ? { override: true } : {}),
      ...(params.chartId ? { chartId: params.chartId } : {}),
    };
    // Filed in the vault thread where the core has one: the core's thread keeps answering meanwhile.
    const thread = session.vaultThread();
    return thread ? thread.importDicom(params.fileName, file, options) : importDicomBytes(vault, params.fileName, file, options);
  },
};

/**
 * The viewer's path: the same frame as raw pixels beside a typed header (no
 * base64, no JSON for the bytes), with a reduced preview first when the
 * viewer's canvas is much smaller than the image (electron/imaging/preview.ts).
 */
export const imagingBinaryHandlers: BinaryHandlerMap = {
  'imaging.framePixels': async (params, { session }) => {
    const { header, readMs, preview, pixels } = await storedFrame(session, params.instanceId, params.frame ?? 0, params.preview ? { preview: params.preview } : {});
    // Without a preview the pixels go as they are (the dispatcher copies them once if they are a view into the file).
    if (!preview) return { header: { ...header, readMs, byteLength: pixels.byteLength, pixelsOffset: 0, preview: null }, bytes: pixels };
    // With one: the preview first, the full frame from the next multiple of 8, in one buffer (the one copy of the pixels).
    const previewBytes = new Uint8Array(preview.pixels.buffer, preview.pixels.byteOffset, preview.pixels.byteLength);
    const pixelsOffset = Math.ceil(previewBytes.byteLength / 8) * 8;
    const bytes = new Uint8Array(pixelsOffset + pixels.byteLength);
    bytes.set(previewBytes, 0);
    bytes.set(pixels, pixelsOffset);
    return {
      header: {
        ...header,
        readMs,
        byteLength: pixels.byteLength,
        pixelsOffset,
        preview: { factor: preview.factor, rows: preview.rows, columns: preview.columns, byteLength: previewBytes.byteLength },
      },
      bytes,
    };
  },
};
