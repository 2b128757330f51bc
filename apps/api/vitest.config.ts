import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each file gets its own database (or PGlite instance) and Redis key prefix, so files run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
