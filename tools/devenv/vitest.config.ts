import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file that needs Postgres creates a database of its own (ndith_devenv_test_*), so files
    // run in parallel without seeing each other's data.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
