import { defineConfig } from 'vitest/config';

// Browser tests: headless Debian Chromium via playwright-core. `npm run test:browser`.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
