import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Every test builds its own in-memory simulator with a fake clock: nothing is shared, nothing waits on time.
    testTimeout: 30_000,
  },
})
