import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/{unit,integration,e2e,fault,multinode}/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // CI runs every file on a 2-core machine, where a browser or a restarted server sometimes
    // misses a wait. Only a wait that timed out is tried once more; a wrong value, status or
    // close code fails at once.
    retry: { count: 1, condition: /Timeout \d+ms exceeded|timed out/ },
  },
})
