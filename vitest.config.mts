import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['./lib/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
});
