/**
 * Vite build of the web lab: `vite build --config web/vite.config.ts` writes
 * web/dist, which `concert serve` hosts. `vite --config web/vite.config.ts`
 * serves it in development with /api proxied to a running `concert serve`.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:4173' },
  },
});
