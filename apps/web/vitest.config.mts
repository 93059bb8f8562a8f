import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    setupFiles: ['./src/test-setup.ts'],
    // antd in jsdom renders slowly on a busy 2-core machine; 5 s (the default) failed there once.
    testTimeout: 30_000,
  },
});
