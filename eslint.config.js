import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';
import sqlInQueries from './eslint-rules/sql-in-queries.js';

const continuum = { rules: { ...layers.rules, ...sqlInQueries.rules } };

// The layers of Continuum, enforced here rather than by comments (the table
// is LAYERS in eslint-rules/layers.js):
// - renderer/ runs in a sandboxed page: no Node (any built-in, bare or
//   node:), no Electron, no import() or require(), and of the core only the
//   contract (electron/api). Inside it, features (one folder each) import only
//   their own files, renderer/shell, renderer/ui and renderer/api: they register
//   panels and openers with the shell; only renderer/app imports features.
// - electron/api/ is shared by both sides: zod and its own files, nothing else.
// - the core (electron/*) is plain Node: only electron/host/ may import Electron;
//   electron/store imports nothing above it (only itself, the contract and
//   electron/clinical's reference tables, which import nothing of the core); electron/agent no host and no CLI.
// - one folder each owns onnxruntime-node and node-llama-cpp (electron/model) and tesseract.js (electron/ocr).
// - SQL (`.prepare(`) only in electron/store/ and in a domain's query module,
//   a file named `*queries.ts` beside its code (eslint-rules/sql-in-queries.js).
// Do not relax these rules; add a module to the right layer instead.
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
  },
  {
    files: ['electron/**/*.{ts,mjs,cjs,js}', 'renderer/**/*.{ts,tsx}'],
    plugins: { continuum },
    rules: { 'continuum/layers': 'error', 'continuum/sql-in-queries': 'error' },
  },
);
