// Whether dist/renderer is missing or older than its sources, and building it
// with Vite. Plain JavaScript so that bin/start.mjs runs it without tsx; the
// end-to-end tests use it too.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the built renderer is made from: a change to any of these rebuilds it. */
export const RENDERER_SOURCES = ['renderer', 'electron/api', 'vite.config.ts', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function rendererIsStale(root) {
  const built = join(root, 'dist/renderer/index.html');
  if (!existsSync(built)) return true;
  const newest = Math.max(...RENDERER_SOURCES.map((p) => newestMtime(join(root, p))));
  return newest > statSync(built).mtimeMs;
}

/** Runs `vite build` into dist/renderer; answers null on success, else a one-line reason. */
export function buildRenderer(root, { quiet = false } = {}) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (result.status === 0) return null;
  const output = quiet ? `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n') : '';
  return `vite build failed (exit ${result.status ?? result.signal})${output ? `:\n${output}` : ''}`;
}
