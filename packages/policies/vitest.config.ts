import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Property tests run hundreds of cases; CI runs several workspaces at once on two cores.
    testTimeout: 30_000,
  },
})
