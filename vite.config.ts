import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * The built renderer loads from app://continuum/ in Electron and from the
 * browser host: relative asset paths, no inline scripts (the CSP is
 * script-src 'self'), and no crossorigin attributes (not needed on one origin).
 */
function noCrossorigin(): Plugin {
  return {
    name: 'continuum:no-crossorigin',
    enforce: 'post',
    transformIndexHtml: (html) => html.replace(/\s+crossorigin(=("[^"]*"|'[^']*'))?/g, ''),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), noCrossorigin()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', strictPort: false },
  clearScreen: false,
});
