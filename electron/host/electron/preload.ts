import { contextBridge, ipcRenderer } from 'electron';
import type { ContinuumBridge } from '../../api/contract';
import { INVOKE_CHANNEL, isMethodShaped } from '../security';

/**
 * The renderer's only door to the core: window.continuum.invoke(method,
 * params), on one fixed channel. The main process checks who is asking and
 * the core validates everything, so nothing else is exposed here.
 */
const bridge = {
  invoke(method: string, params: unknown): Promise<unknown> {
    if (!isMethodShaped(method)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-request', message: 'not a Continuum method' } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, params);
  },
} satisfies ContinuumBridge;

contextBridge.exposeInMainWorld('continuum', bridge);
