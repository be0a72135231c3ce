import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, writeTrustResult } from './support';

/**
 * Packaging refuses a native addon built for another runtime than the
 * Electron it ships with (scripts/packaging/native-addons.cjs, run by the
 * afterPack hook before the fuses are flipped). Electron cannot be packed
 * here, so an app folder is staged as electron-builder lays it out, with the
 * addons this machine built: better-sqlite3's is built for this Node
 * (node_register_module_v115 on Node 20), which is exactly what a packaging
 * machine with `nodedir` in its npm config produced.
 */
const require = createRequire(import.meta.url);
const addons = require(join(ROOT, 'scripts/packaging/native-addons.cjs')) as {
  checkNativeAddons(dir: string, options: { abi: number; platform: string }): {
    abi: number;
    addons: Array<{ file: string; kind: string; abi?: number }>;
    problems: string[];
  };
  electronAbiFromTable(version: string): number;
};
const afterPack = require(join(ROOT, 'scripts/packaging/after-pack.cjs')) as (context: unknown) => Promise<void>;
const pkg = require(join(ROOT, 'package.json')) as { optionalDependencies: { electron: string } };

const SQLITE_ADDON = join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
const ORT = join(ROOT, 'node_modules/onnxruntime-node/bin/napi-v6');
const NODE_ABI = Number(process.versions.modules);
const ELECTRON_VERSION = pkg.optionalDependencies.electron;
const ARCH: Record<string, number> = { ia32: 0, x64: 1, arm: 2, arm64: 3 };

let out: string;
let resources: string;
const program = () => join(out, 'continuum');

/** A stand-in for the packed Electron binary: answers the ELECTRON_RUN_AS_NODE module-version question with `abi` (or nothing). */
function fakeElectron(abi: number | null): void {
  writeFileSync(program(), `#!/bin/sh\n${abi === null ? 'exit 1' : `[ "$ELECTRON_RUN_AS_NODE" = 1 ] && printf ${abi}`}\n`);
  chmodSync(program(), 0o755);
}

function stage(from: string, to: string): void {
  mkdirSync(dirname(join(resources, to)), { recursive: true });
  copyFileSync(from, join(resources, to));
}

function context() {
  return {
    appOutDir: out,
    electronPlatformName: 'linux',
    arch: ARCH[process.arch] ?? 1,
    packager: { appInfo: { productFilename: 'Continuum' }, executableName: 'continuum', info: { framework: { version: ELECTRON_VERSION } } },
  };
}

const linux = process.platform === 'linux' && process.arch === 'x64';

describe.skipIf(!linux)('packaging: native addons must match the Electron they ship with', () => {
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'continuum-pack-'));
    resources = join(out, 'resources', 'app.asar.unpacked', 'node_modules');
    stage(SQLITE_ADDON, 'better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
    stage(join(ORT, 'linux/x64/onnxruntime_binding.node'), 'onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node');
    stage(join(ORT, 'win32/x64/onnxruntime_binding.node'), 'onnxruntime-node/bin/napi-v6/win32/x64/onnxruntime_binding.node');
  });

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("knows the pinned Electron's module version", () => {
    expect(addons.electronAbiFromTable(ELECTRON_VERSION)).toBe(139);
  });

  it('reads each addon: V8-API addons by their module version, N-API ones pass anywhere, other platforms are left alone', () => {
    const report = addons.checkNativeAddons(join(out, 'resources'), { abi: NODE_ABI, platform: 'linux' });
    expect(report.problems).toEqual([]);
    const kinds = Object.fromEntries(report.addons.map((a) => [a.file.split('/').slice(-4).join('/'), a.kind]));
    expect(report.addons.find((a) => a.file.endsWith('better_sqlite3.node'))).toMatchObject({ kind: 'node-abi', abi: NODE_ABI });
    expect(kinds['napi-v6/linux/x64/onnxruntime_binding.node']).toBe('napi');
    expect(kinds['napi-v6/win32/x64/onnxruntime_binding.node']).toBe('other-platform');
  });

  it("refuses an addon built for Node's headers in an Electron package, in one line naming it and both versions", () => {
    const electronAbi = addons.electronAbiFromTable(ELECTRON_VERSION);
    const report = addons.checkNativeAddons(join(out, 'resources'), { abi: electronAbi, platform: 'linux' });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/better_sqlite3\.node was built for NODE_MODULE_VERSION \d+, but this Electron needs 139/);
    const foreign = report.addons.filter((a) => a.kind === 'node-abi' && a.abi !== electronAbi).length;
    writeTrustResult('native-addons', { checked: report.addons.length, foreign, missed: foreign - report.problems.length });
  });

  it('the afterPack hook fails packaging with that line before touching the fuses (module version from node-abi when the binary cannot say)', async () => {
    fakeElectron(null);
    await expect(afterPack(context())).rejects.toThrow(/^native addons built for another runtime: .*better_sqlite3\.node.*needs 139/);
  });

  it('the afterPack hook asks the packed binary itself for its module version when it can run here', async () => {
    fakeElectron(200);
    await expect(afterPack(context())).rejects.toThrow(/needs 200/);
    // A binary whose module version the addons match gets past the check (to the fuses, which a stand-in does not have).
    fakeElectron(NODE_ABI);
    const error = await afterPack(context()).then(() => null, (e: unknown) => e as Error);
    expect(error?.message ?? '').not.toMatch(/native addons/);
  });
});
