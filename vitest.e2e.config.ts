import { defineConfig } from 'vitest/config';

// End-to-end tests in Debian's Chromium with the built extension (.output/chrome-mv3) loaded.
// Run `npm run build` first (npm test does).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
