import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: one bundle served as mailwright://app/ in Electron and from 127.0.0.1 in browser mode,
// so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: true },
});
