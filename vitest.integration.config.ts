import { defineConfig } from 'vitest/config';

// Integration suites that need real servers (PostgreSQL, Redis), started by scripts/with-services.sh.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
