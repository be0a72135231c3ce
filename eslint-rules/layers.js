import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * continuum/layers: which module may import which, for every way a module
 * can be reached: static imports and re-exports (types included), dynamic
 * import() and require(). ESLint's no-restricted-imports sees only the
 * static forms and matches text, not folders; this rule resolves a relative
 * specifier against the importing file, so "the store imports only the
 * store and the contract" means exactly that at any depth.
 *
 * Each layer: the files it covers (folder prefixes from the repository
 * root, minus `except`), and `check(target)` answering a message when the
 * import is refused. A target is { module } for a package or Node built-in
 * (its name as written) or { path } for a file of the repository (relative
 * to the root, '/'-separated).
 */

const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** 'fs', 'fs/promises', 'node:test': Node's own modules, by the list Node itself keeps. */
export function isNodeBuiltin(specifier) {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

/** The package a bare specifier names: 'zod/v4' -> 'zod', '@scope/pkg/x' -> '@scope/pkg'. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const under = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/**
 * The one folder that may load each runtime that holds a native engine or a
 * worker pool of its own: everything else goes through that folder's API.
 */
const SOLE_OWNERS = {
  'onnxruntime-node': 'electron/model',
  'node-llama-cpp': 'electron/model',
  'tesseract.js': 'electron/ocr',
};

/** Native and Node-only packages: they cannot run in a sandboxed page. */
const NODE_ONLY_PACKAGES = /^(better-sqlite3.*|onnxruntime-node|node-llama-cpp|tesseract\.js|canvas|tsx)$/;

export const LAYERS = [
  {
    name: 'renderer',
    files: ['renderer'],
    dynamic: 'The renderer loads code only by static import: no import() or require().',
    check(target) {
      if (target.module) {
        if (isNodeBuiltin(target.module)) return 'The renderer never imports Node: ask the core through the contract client.';
        if (packageOf(target.module) === 'electron') return 'The renderer never imports Electron: the preload exposes window.continuum.';
        if (NODE_ONLY_PACKAGES.test(packageOf(target.module))) return 'Native and Node-only packages stay in the core.';
        return null;
      }
      if (under(target.path, 'electron') && !under(target.path, 'electron/api')) return 'The renderer may import only the contract (electron/api) from the core.';
      return null;
    },
  },
  {
    // The renderer grows by registration: a feature (one folder: chart, imaging, visit...) imports only
    // its own files, the shell (renderer/shell: session, navigation, panel registry, source opening,
    // the open chart), ui/ and api/. It registers its panels and openers with the shell; only the
    // composition root (renderer/app, renderer/main.tsx) imports the features, to register them.
    name: 'renderer features',
    files: ['renderer'],
    except: ['renderer/app', 'renderer/main.tsx'],
    check(target, file) {
      if (target.module || !under(target.path, 'renderer')) return null;
      const from = file.split('/')[1];
      const to = target.path.split('/')[1];
      if (to === from || to === 'api' || (to === 'ui' && from !== 'api')) return null;
      if (to === 'shell' && from !== 'ui' && from !== 'api') return null;
      if (to === 'app' || to === 'main.tsx') return 'Only renderer/app (the composition root) knows the app: features register with the shell (renderer/shell) instead.';
      if (from === 'shell' || from === 'ui' || from === 'api') return `renderer/${from} is below every feature: it never imports one (renderer/${to}); the feature registers with the shell instead.`;
      return `Features never import each other (renderer/${from} -> renderer/${to}): register a panel, an opener or a reloader with the shell (renderer/shell), or move what both need to renderer/shell or renderer/ui.`;
    },
  },
  {
    name: 'contract',
    files: ['electron/api'],
    dynamic: 'electron/api is shared with the renderer: no import() or require().',
    check(target) {
      if (target.module) return packageOf(target.module) === 'zod' ? null : `electron/api is shared with the renderer: it may import zod and nothing else (not ${target.module}).`;
      return under(target.path, 'electron/api') ? null : 'electron/api depends on nothing else in the repository: only zod and its own files.';
    },
  },
  {
    name: 'core',
    files: ['electron'],
    except: ['electron/host', 'electron/api'],
    check(target) {
      if (target.module) return packageOf(target.module) === 'electron' ? 'Only electron/host/ may import Electron; the core is plain Node.' : null;
      if (under(target.path, 'electron/host') || under(target.path, 'renderer')) return 'The core never depends on a host or on the renderer.';
      return null;
    },
  },
  {
    name: 'store',
    files: ['electron/store'],
    check(target) {
      if (target.module || !under(target.path, 'electron')) return null;
      if (['electron/store', 'electron/api', 'electron/clinical'].some((f) => under(target.path, f))) return null;
      return 'electron/store is the bottom layer: it imports only its own files, the contract (electron/api) and the clinical reference tables (electron/clinical), nothing above it.';
    },
  },
  {
    name: 'clinical tables',
    files: ['electron/clinical'],
    check(target) {
      if (target.module || !under(target.path, 'electron')) return null;
      if (under(target.path, 'electron/clinical') || under(target.path, 'electron/api')) return null;
      return 'electron/clinical holds reference tables the store reads: it imports only its own files and the contract, nothing of the core.';
    },
  },
  {
    name: 'agent',
    files: ['electron/agent'],
    check(target) {
      if (target.module) return null;
      return under(target.path, 'electron/cli') || under(target.path, 'electron/host') ? 'The agent runs the same under every host: it never imports a host or the CLI.' : null;
    },
  },
  {
    name: 'sole owners',
    files: ['electron', 'renderer'],
    check(target, file) {
      if (!target.module) return null;
      const owner = SOLE_OWNERS[packageOf(target.module)];
      if (!owner || under(file, owner)) return null;
      return `Only ${owner}/ imports ${packageOf(target.module)}; use what that folder exports.`;
    },
  },
];

function covers(layer, file) {
  return layer.files.some((f) => under(file, f)) && !(layer.except ?? []).some((f) => under(file, f));
}

/** The literal text of a specifier node, or null when it is computed. */
function literal(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the layers of Continuum apart: renderer, contract, core, store, agent and the sole owners of native runtimes.' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    const layers = LAYERS.filter((layer) => covers(layer, file));
    if (layers.length === 0) return {};

    const targetOf = (specifier) => {
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) return { module: specifier };
      return { path: relative(root, resolve(dirname(context.filename), specifier)).split(sep).join('/') };
    };
    const checkSpecifier = (node, specifier) => {
      const target = targetOf(specifier);
      for (const layer of layers) {
        const message = layer.check(target, file);
        if (message) context.report({ node, message: `${message} (${specifier})` });
      }
    };
    const checkDynamic = (node, sourceNode) => {
      for (const layer of layers) if (layer.dynamic) context.report({ node, message: layer.dynamic });
      const specifier = literal(sourceNode);
      if (specifier !== null) checkSpecifier(node, specifier);
    };

    return {
      ImportDeclaration: (node) => checkSpecifier(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && checkSpecifier(node, node.source.value),
      ExportAllDeclaration: (node) => checkSpecifier(node, node.source.value),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') checkDynamic(node, node.moduleReference.expression);
      },
      ImportExpression: (node) => checkDynamic(node, node.source),
      CallExpression: (node) => {
        const { callee } = node;
        if (callee.type === 'Identifier' && callee.name === 'require') checkDynamic(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { layers: rule } };
