// The model's worker thread when Continuum runs from source (tsx, vitest).
// Node 20 does not apply the parent's `--import tsx` loader hooks to a worker
// thread, so the worker registers tsx itself, then loads the TypeScript entry.
// Packaged builds use a bundled model-worker.cjs (see defaultEntry()).
import { register } from 'tsx/esm/api';

register();
await import('./model-worker-entry.ts');
