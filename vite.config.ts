import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: one bundle served as mailwright://app/ in Electron and from 127.0.0.1 in browser mode,
// so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  // The favicons and the window icon, made from assets/icon.svg by scripts/build-icons.mjs
  // (`npm run build` runs it first); copied as they are into dist/renderer.
  publicDir: '../dist/icons/web',
  plugins: [react()],
  resolve: {
    alias: [
      // tldts's "module" entry is its es6 source, whose public-suffix trie is a huge array
      // literal (~114 KB gzip once bundled). Its own prebuilt file packs the same trie as a
      // compact string (~40 KB gzip) and exports the same functions, so we take that one.
      // tests/integration/build/renderer-bundle.test.ts fails if the es6 trie comes back.
      { find: /^tldts$/, replacement: 'tldts/dist/index.esm.min.js' },
    ],
  },
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: true },
});
