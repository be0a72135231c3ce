import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, writeTrustResult } from './support';

/**
 * electron-builder.yml against the code: packaging itself downloads
 * Electron and tools our machines cannot fetch, so this checks what it
 * would pack. Every native module, WebAssembly core and language file the
 * app loads at run time must be unpacked from the asar; the Electron
 * bundles the build writes must be included; models stay outside; the
 * fuses that matter are flipped after packing.
 */
interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string }>;
  afterPack: string;
  linux: { target: string[] };
  win: { target: string };
  mac: { target: string };
}

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

/** The production dependency closure, as installed (npm's flat layout). */
function productionPackages(): string[] {
  const seen = new Set<string>();
  const queue = [...Object.keys(pkg.dependencies)];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    const manifest = join(ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue; // an optional dependency for another platform
    seen.add(name);
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    queue.push(...Object.keys({ ...json.dependencies, ...json.optionalDependencies }));
  }
  return [...seen];
}

/** Whether a package directory holds files that cannot be read from an asar: native addons, wasm, OCR data. */
function needsUnpacking(dir: string, depth = 0): boolean {
  if (depth > 6) return false;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    const info = statSync(path);
    if (info.isDirectory() ? needsUnpacking(path, depth + 1) : /\.(node|wasm|traineddata(\.gz)?)$/.test(entry)) return true;
  }
  return false;
}

const unpacked = (name: string) => config.asarUnpack.some((glob) => glob === `**/node_modules/${name}/**` || (name.startsWith('@') && glob === `**/node_modules/${name.split('/')[0]}/**`));

describe('packaging configuration', () => {
  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
  });

  it('unpacks every native module, wasm core and language file the app loads', () => {
    const needing = productionPackages().filter((name) => needsUnpacking(join(ROOT, 'node_modules', name)));
    expect(needing).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'onnxruntime-node']));
    const missing = needing.filter((name) => !unpacked(name));
    writeTrustResult('packaging', { nativePackages: needing, missing });
    expect(missing).toEqual([]);
  });

  it('builds the Electron bundles (main, preload and each worker thread) and packs them, with the entry point package.json names', () => {
    // Bundling runs for real: a dependency esbuild cannot bundle (a native .node file) once broke it unnoticed.
    const out = mkdtempSync(join(tmpdir(), 'continuum-electron-build-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/build-electron.mjs'), out], { cwd: ROOT, stdio: 'pipe' });
      expect(readdirSync(out).sort()).toEqual(['core-worker.cjs', 'decoder-thread.cjs', 'main.cjs', 'model-worker.cjs', 'preload.cjs', 'vault-thread.cjs']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(pkg.main).toBe('dist-electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']));
  });

  it('keeps models outside the asar, where the user can add them', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'models', to: 'models' }));
  });

  it('flips the fuses that matter after packing', () => {
    const hook = join(ROOT, config.afterPack);
    expect(existsSync(hook)).toBe(true);
    const { FUSES } = createRequire(import.meta.url)(hook) as { FUSES: Record<number, boolean> };
    const { FuseV1Options } = createRequire(import.meta.url)('@electron/fuses') as { FuseV1Options: Record<string, number> };
    expect(FUSES[FuseV1Options.RunAsNode!]).toBe(false);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]).toBe(true);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar!]).toBe(true);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable!]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments!]).toBe(false);
    // Safe off only because the app loads from its own app:// protocol, never file:// (electron-bundle.test.ts).
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges!]).toBe(false);
  });

  it('pins Electron exactly, so the fuses and settings are those of a known version', () => {
    expect(pkg.optionalDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
