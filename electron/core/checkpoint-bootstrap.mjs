// The WAL checkpointer's thread when Continuum runs from source (tsx, vitest):
// like core-worker-bootstrap.mjs, it registers tsx itself, then loads the
// TypeScript entry. Packaged builds use a bundled checkpoint-thread.cjs (see wal-checkpointer.ts).
import { register } from 'tsx/esm/api';

register();
await import('./checkpoint-thread-entry.ts');
