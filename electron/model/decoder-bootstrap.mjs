// The decoder's thread when Continuum runs from source (tsx, vitest): like
// worker-bootstrap.mjs, it registers tsx itself, then loads the TypeScript
// entry. Packaged builds use a bundled decoder-thread.cjs (see decoder-client.ts).
import { register } from 'tsx/esm/api';

register();
await import('./decoder-thread-entry.ts');
