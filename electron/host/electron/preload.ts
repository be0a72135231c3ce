import { contextBridge, ipcRenderer } from 'electron';
import type { ContinuumBridge } from '../../api/contract';

/**
 * The renderer's only door to the core: window.continuum.invoke(method,
 * params), on one fixed channel. The main process checks who is asking and
 * the core validates everything, so nothing else is exposed here.
 */
const CHANNEL = 'continuum:invoke';

const bridge = {
  invoke(method: string, params: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !/^[a-z]+\.[A-Za-z]+$/.test(method)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-request', message: 'not a Continuum method' } });
    }
    return ipcRenderer.invoke(CHANNEL, method, params);
  },
} satisfies ContinuumBridge;

contextBridge.exposeInMainWorld('continuum', bridge);
