/**
 * Build of the Kvalita web app: `npx vite build --config web/vite.config.ts` writes `web/dist/`,
 * which the Kvalita server serves at `/`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  // No React plugin: Vite's own Oxc transformer compiles JSX with React's automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's Content-Security-Policy may not allow data: URLs, so every asset stays a file.
    assetsInlineLimit: 0,
    // Every browser the app supports knows <link rel="modulepreload">; the polyfill is dead weight.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:8080', changeOrigin: false } },
  },
});
