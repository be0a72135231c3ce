import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layers of Continuum, enforced here rather than by comments:
// - renderer/ runs in a sandboxed page: no Node, no Electron, and of the
//   core only the contract (electron/api).
// - electron/api/ is shared by both sides: zod and nothing else.
// - the core (electron/*) is plain Node: only electron/host/ may import Electron.
// Do not relax these rules; add a module to the right layer instead.
const NODE_BUILTINS = '^(node:.*|fs|path|os|crypto|child_process|worker_threads|http|https|net|stream|url|util)(/.*)?$';
const ELECTRON = '^electron(/.*)?$';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'types/electron/', 'test-artifacts/', 'bench-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: NODE_BUILTINS, message: 'The renderer never imports Node: ask the core through the contract client.' },
            { regex: ELECTRON, message: 'The renderer never imports Electron: the preload exposes window.continuum.' },
            {
              regex: '^(\\.\\./)+electron/(?!api(/|$))',
              message: 'The renderer may import only the contract (electron/api) from the core.',
            },
            { regex: '^(better-sqlite3.*|onnxruntime-node|tsx)(/.*)?$', message: 'Native and Node-only packages stay in the core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: NODE_BUILTINS, message: 'electron/api is shared with the renderer: no Node imports.' },
            { regex: ELECTRON, message: 'electron/api is shared with the renderer: no Electron imports.' },
            { regex: '^\\.\\./', message: 'electron/api depends on nothing else in the core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/host/**', 'electron/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: ELECTRON, message: 'Only electron/host/ may import Electron; the core is plain Node.' },
            { regex: '(^|/)(host|renderer)(/|$)', message: 'The core never depends on a host or on the renderer.' },
          ],
        },
      ],
    },
  },
);
