// The vault thread when Continuum runs from source (tsx, vitest): like
// core-worker-bootstrap.mjs, it registers tsx itself, then loads the
// TypeScript entry. Packaged builds use a bundled vault-thread.cjs (see vault-thread.ts).
import { register } from 'tsx/esm/api';

register();
await import('./vault-thread-entry.ts');
