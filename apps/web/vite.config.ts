import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves dist/ at `/` on the same origin as `/graphql`.
// In dev mode, API calls are proxied to the local gateway.
const apiTarget = 'http://127.0.0.1:4000';
/** Case attachments (raw HTTP on intake through the gateway); a key starting with ^ is a RegExp. */
const ATTACHMENTS = '^/cases/[0-9a-fA-F-]{36}/attachments';
/** Typical-case materials (raw HTTP on publicity through the gateway). */
const MATERIALS = '^/typical-cases/[0-9a-fA-F-]{36}/materials';
/** 调度会纪要 .docx (raw HTTP on supervision through the gateway). */
const MINUTES = '^/meetings/[0-9a-fA-F-]{36}/minutes';

export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
      '/open311': { target: apiTarget, changeOrigin: false },
      // 附件 only: /cases/<uuid> itself is a page of this app.
      [ATTACHMENTS]: { target: apiTarget, changeOrigin: false },
      [MATERIALS]: { target: apiTarget, changeOrigin: false },
      [MINUTES]: { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
      '/open311': { target: apiTarget, changeOrigin: false },
      [ATTACHMENTS]: { target: apiTarget, changeOrigin: false },
      [MATERIALS]: { target: apiTarget, changeOrigin: false },
      [MINUTES]: { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
