import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The build lands where Quarkus serves static files from (META-INF/resources in the jar), so ops serves
// the dashboard at / with every asset from itself. `npm run dev` serves it with the API proxied to a
// running ops (OPS_URL, default http://127.0.0.1:18083).
const out = fileURLToPath(new URL('../../../target/classes/META-INF/resources', import.meta.url));

export default defineConfig({
  base: '/',
  build: {
    outDir: out,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: { '/api': process.env.OPS_URL ?? 'http://127.0.0.1:18083' },
  },
  test: {
    include: ['test/**/*.test.js'],
    environment: 'node',
  },
});
