/* eslint-disable @typescript-eslint/no-require-imports -- loaded by electron-builder's afterPack hook with require() */
// Whether every native addon in a packaged app was built for the Electron it
// ships with. A V8-API addon (better-sqlite3) exports
// node_register_module_v<ABI>, and Electron refuses one whose ABI is not its
// own, only when the addon is first loaded (for SQLite: the first vault
// open, in the clinic). An npm config with `nodedir` once made
// electron-builder's rebuild compile against Node's headers (v115) while its
// metadata said Electron's, and nothing noticed. N-API addons
// (napi_register_module_v1: onnxruntime, canvas) load in any runtime.
//
// Exports are read with binutils (`nm -D` for ELF, `objdump -p` for PE) or
// Apple's `nm -gU` (Mach-O). Addons for another platform than the target
// (onnxruntime-node ships all of them) are listed, not loaded, not checked.
const { execFileSync } = require('node:child_process');
const { closeSync, openSync, readdirSync, readSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

/** The binary format a platform loads. */
const FORMAT_OF_PLATFORM = { linux: 'elf', win32: 'pe', darwin: 'macho', mas: 'macho' };

/** 'elf', 'pe', 'macho' or null, from the file's first bytes. */
function binaryFormat(file) {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(4);
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return 'elf';
  if (head[0] === 0x4d && head[1] === 0x5a) return 'pe';
  const magic = head.readUInt32BE(0);
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return 'macho';
  return null;
}

function run(tool, args) {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error(`${tool} is not installed (binutils on Linux, Xcode's command line tools on macOS)`, { cause: error });
    throw new Error(`${tool} could not read it: ${String(error.stderr || error.message).trim().split('\n')[0]}`, { cause: error });
  }
}

/** The names a shared library exports. */
function exportedSymbols(file, format) {
  if (format === 'elf') {
    return run('nm', ['-D', '--defined-only', file])
      .split('\n')
      .map((line) => line.trim().split(/\s+/).pop())
      .filter(Boolean);
  }
  if (format === 'pe') {
    // objdump -p prints the export table as "[   0] name" lines.
    return [...run('objdump', ['-p', file]).matchAll(/^\s*\[\s*\d+\]\s+(\S+)\s*$/gm)].map((m) => m[1]);
  }
  return run('nm', ['-gU', file])
    .split('\n')
    .map((line) => line.trim().split(/\s+/).pop())
    .filter(Boolean)
    .map((name) => name.replace(/^_/, ''));
}

/** What kind of addon the exports say: V8 API with its module version, N-API, or no Node addon at all. */
function classify(symbols) {
  const versions = symbols.map((s) => /^node_register_module_v(\d+)$/.exec(s)?.[1]).filter(Boolean);
  if (versions.length > 0) return { kind: 'node-abi', abi: Number(versions[0]) };
  if (symbols.includes('napi_register_module_v1')) return { kind: 'napi' };
  return { kind: 'not-an-addon' };
}

function findAddons(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findAddons(path, out);
    else if (entry.isFile() && entry.name.endsWith('.node')) out.push(path);
  }
  return out;
}

/**
 * Every .node file under `dir` for `platform`, read and judged against `abi`
 * (Electron's NODE_MODULE_VERSION). problems: one line per addon that Electron
 * would refuse or that could not be read.
 */
function checkNativeAddons(dir, { abi, platform }) {
  const wanted = FORMAT_OF_PLATFORM[platform];
  if (!wanted) throw new Error(`no binary format known for platform "${platform}"`);
  const addons = [];
  const problems = [];
  for (const file of findAddons(dir).sort()) {
    const name = relative(dir, file);
    if (statSync(file).size === 0) {
      problems.push(`${name}: empty file`);
      continue;
    }
    const format = binaryFormat(file);
    if (format !== wanted) {
      addons.push({ file: name, kind: 'other-platform', format });
      continue;
    }
    let found;
    try {
      found = classify(exportedSymbols(file, format));
    } catch (error) {
      problems.push(`${name}: its exports could not be read: ${error.message}`);
      continue;
    }
    addons.push({ file: name, ...found });
    if (found.kind === 'node-abi' && found.abi !== abi) {
      problems.push(`${name} was built for NODE_MODULE_VERSION ${found.abi}, but this Electron needs ${abi}: rebuild it against Electron's headers`);
    }
  }
  return { abi, addons, problems };
}

/** Electron's NODE_MODULE_VERSION from node-abi's table (for when the packed binary cannot be run here). */
function electronAbiFromTable(version) {
  const abi = Number(require('node-abi').getAbi(version, 'electron'));
  if (!Number.isInteger(abi)) throw new Error(`node-abi knows no module version for Electron ${version}`);
  return abi;
}

/**
 * Electron's NODE_MODULE_VERSION asked of the packed binary itself
 * (ELECTRON_RUN_AS_NODE, before the fuse turns that off); null when it cannot
 * run here (another platform or architecture).
 */
function electronAbiFromBinary(executable) {
  try {
    const out = execFileSync(executable, ['-e', 'process.stdout.write(String(process.versions.modules))'], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
    });
    const abi = Number(out.trim());
    return Number.isInteger(abi) && abi > 0 ? abi : null;
  } catch {
    return null;
  }
}

module.exports = { binaryFormat, checkNativeAddons, classify, electronAbiFromBinary, electronAbiFromTable, exportedSymbols };
