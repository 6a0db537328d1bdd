import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // The tests start local HTTP servers; keep them independent of the developer's .env.
    env: { SCHOOLPOST_ENV: 'test' },
  },
})
