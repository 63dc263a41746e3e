import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY_META } from './main/host/csp.ts';

// The renderer: one bundle served as mailwright://app/ in Electron and from 127.0.0.1 in browser mode,
// so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  // The favicons and the window icon, made from assets/icon.svg by scripts/build-icons.mjs
  // (`npm run build` runs it first); copied as they are into dist/renderer.
  publicDir: '../dist/icons/web',
  plugins: [
    react(),
    {
      // One policy for the headers (main/host/csp.ts) and the page's own meta tag.
      name: 'mailwright-csp-meta',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
          injectTo: 'head-prepend',
        },
      ],
    },
  ],
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
