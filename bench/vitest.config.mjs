import { defineConfig } from 'vitest/config';
// The benchmark's own helpers (statistics, the paced sender); the benchmarks themselves are not tests.
export default defineConfig({ test: { include: ['*.test.mjs'] } });
