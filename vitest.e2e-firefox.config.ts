import { defineConfig } from 'vitest/config';

// The Firefox ESR smoke suite over WebDriver BiDi with the built MV2 add-on (.output/firefox-mv2).
// Run `npm run build:firefox` first (npm test does).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.firefox.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
