import { decodeFrame, importDicomBytes, instanceBytes, listStudies } from '../../imaging';
import type { HandlerMap } from './handler';

export const imagingHandlers: HandlerMap = {
  'imaging.studies': (params, { session }) => ({ studies: listStudies(session.requireVault().db, params.patientId) }),
  'imaging.instance': (params, { session }) => {
    const vault = session.requireVault();
    const { patientId, bytes } = instanceBytes(vault.db, params.instanceId);
    vault.audit('record.view', patientId, { kind: 'imaging.instance', instanceId: params.instanceId });
    return { instanceId: params.instanceId, patientId, base64: bytes.toString('base64') };
  },
  'imaging.frame': async (params, { session }) => {
    const vault = session.requireVault();
    const { patientId, bytes } = instanceBytes(vault.db, params.instanceId);
    vault.audit('record.view', patientId, { kind: 'imaging.frame', instanceId: params.instanceId, frame: params.frame ?? 0 });
    const started = performance.now();
    const d = await decodeFrame(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), params.frame ?? 0);
    const decodeMs = Math.round(performance.now() - started);
    const { pixels, ...rest } = d;
    return { ...rest, instanceId: params.instanceId, patientId, decodeMs, base64: Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength).toString('base64') };
  },
  'imaging.import': (params, { session }) => {
    const bytes = Buffer.from(params.base64, 'base64');
    return importDicomBytes(session.requireVault(), params.fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), params.patientId ? { patientId: params.patientId } : {});
  },
};
