/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where `npm run dev` sends /graphql: a `ponte serve` on its default address
// (PONTE_DEV_API=http://127.0.0.1:9090 for another one).
const PONTE = process.env.PONTE_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  base: '/',
  resolve: {
    // design-react-kit ships ESM under the "module" condition (stack-notes.md).
    conditions: ['module', 'browser', 'development|production'],
    alias: [
      // bootstrap-italia's main entry forces NODE_ENV=production, which breaks
      // React's JSX dev runtime under vitest: always take the ESM build.
      { find: /^bootstrap-italia$/, replacement: 'bootstrap-italia/dist/bootstrap-italia.esm.js' },
    ],
  },
  server: {
    proxy: {
      '/graphql': {
        target: PONTE,
        // Ponte accepts only its public URL as Origin; the dev page lives on
        // Vite's port, so the proxy presents the request as same-origin.
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => {
            if (req.getHeader('origin')) req.setHeader('origin', PONTE);
          });
        },
      },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    rollupOptions: {
      output: {
        // The libraries change less often than the app: their own chunk stays cached across
        // releases. design-react-kit's icons stay in the small chunks it loads on demand.
        manualChunks(id) {
          if (id.includes('/node_modules/') && !/\/It[A-Z]\w*\.js$/.test(id)) return 'vendor';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Form tests type into many fields; on a 2-core CI machine shared with a
    // cargo build one took 5.1 s against the default 5 s.
    testTimeout: 15_000,
    css: false,
    server: { deps: { inline: ['design-react-kit', 'bootstrap-italia'] } },
  },
});
