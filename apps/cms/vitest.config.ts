import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))
// One throwaway SQLite file per test run; files run one after another against it (Payload caches
// its instance per process, and SQLite has one writer), each test file making its own fixtures.
const dbFile = path.join(os.tmpdir(), `schoolpost-int-${process.pid}-${Date.now()}.db`)

export default defineConfig({
  // The email templates are React (react-email); Next compiles them in the app, Vite here.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: { '@payload-config': path.resolve(dirname, 'src/payload.config.ts') },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'tests/int/**/*.int.spec.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./tests/int/global-setup.ts'],
    setupFiles: ['./tests/int/setup-mail-stub.ts'],
    env: {
      DATABASE_URL: `file:${dbFile}`,
      SCHOOLPOST_ENV: 'test',
      TEST_DB_FILE: dbFile,
      PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-42',
      EMAIL_RETRY_BASE_MS: '20',
      MEDIA_DIR: path.join(os.tmpdir(), `schoolpost-int-media-${process.pid}-${Date.now()}`),
      PORTAL_URL: 'http://portal.test',
    },
  },
})
