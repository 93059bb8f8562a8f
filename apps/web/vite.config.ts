import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves dist/ at `/` on the same origin as `/graphql`.
// In dev mode, API calls are proxied to the local gateway.
const apiTarget = 'http://127.0.0.1:4000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
      '/open311': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
      '/open311': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
