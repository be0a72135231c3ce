// The core's worker thread when Continuum runs from source (npm start
// without Electron, the CLI's worker mode, tests). Node 20 does not apply
// the parent's `--import tsx` loader hooks to a worker thread, so the worker
// registers tsx itself, then loads the TypeScript entry. Packaged builds use
// the bundled dist-electron/core-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./core-worker-entry.ts');
