#!/usr/bin/env node
// `npm start`: the Electron app when Electron's binary is installed, else the
// browser host (the same renderer and core, served on 127.0.0.1).
// Either way the renderer is built first if dist/renderer is missing or older
// than its sources.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer, rendererIsStale } from '../electron/host/browser/renderer-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function run(args, what) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`Continuum: ${what} failed.\n`);
    process.exit(result.status ?? 1);
  }
}

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (rendererIsStale(root)) {
  process.stderr.write('Continuum: building the user interface…\n');
  const problem = buildRenderer(root);
  if (problem) {
    process.stderr.write(`Continuum: building the user interface failed (${problem}).\n`);
    process.exit(1);
  }
}

// The starter evidence library is built from the public-domain guideline texts beside the
// checkout (../shared/data/guidelines) the first time; without them the library starts empty.
const starterIndex = join(root, 'resources/evidence/library.json');
const guidelines = join(root, '../shared/data/guidelines/manifest.json');
if (!existsSync(starterIndex) && existsSync(guidelines)) {
  process.stderr.write('Continuum: building the starter evidence library…\n');
  run(['--import', 'tsx', join(root, 'scripts/evidence/build-starter-library.ts')], 'building the starter evidence library');
}

const electron = electronBinary();
let child;
if (electron) {
  run([join(root, 'scripts/build-electron.mjs')], 'building the Electron shell');
  child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
} else {
  child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/host/browser/main.ts')], { cwd: root, stdio: 'inherit' });
}

// Ctrl+C reaches the child from the terminal too; forwarding is for kill(1) and service managers.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
