import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))
// One throwaway SQLite file per test run; files run one after another against it (Payload caches
// its instance per process, and SQLite has one writer), each test file making its own fixtures.
const dbFile = path.join(os.tmpdir(), `schoolpost-int-${process.pid}-${Date.now()}.db`)
// The MongoDB leg (.ci/run) points the same suite at a MongoDB-wire server instead. There every
// test file gets a database of its own (tests/int/setup-database.ts): FerretDB filters most
// queries outside its storage, so one database that grows with every file would make the last
// files crawl. All of the run's databases are dropped at the end (global-setup.ts).
const mongoBase = process.env.TEST_MONGODB_URL?.replace(/\/+$/, '')
const mongoPrefix = `schoolpost-int-${process.pid}-${Date.now()}`
const databaseUrl = mongoBase ? `${mongoBase}/${mongoPrefix}` : `file:${dbFile}`
// For the teardown in this (main) process; the test workers get it through `env` below.
if (mongoBase) process.env.TEST_MONGODB_PREFIX = mongoPrefix
process.env.TEST_DB_FILE = dbFile
const mediaDir = path.join(os.tmpdir(), `schoolpost-int-media-${process.pid}-${Date.now()}`)
process.env.TEST_MEDIA_DIR = mediaDir
// The S3 leg (.ci/s3-leg.sh) stores media in a bucket of an S3-compatible server instead of
// MEDIA_DIR: one bucket, a key prefix per run and (tests/int/setup-database.ts) per test file.
const s3Endpoint = process.env.TEST_S3_ENDPOINT
const s3Prefix = `run-${process.pid}-${Date.now()}`
if (s3Endpoint) process.env.TEST_S3_PREFIX = s3Prefix
const s3Env = s3Endpoint
  ? {
      S3_BUCKET: 'schoolpost-int',
      S3_ENDPOINT: s3Endpoint,
      S3_ACCESS_KEY_ID: process.env.TEST_S3_ACCESS_KEY_ID ?? '',
      S3_SECRET_ACCESS_KEY: process.env.TEST_S3_SECRET_ACCESS_KEY ?? '',
      S3_PREFIX: s3Prefix,
      TEST_S3_PREFIX: s3Prefix,
    }
  : {}

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
    // The MongoDB leg runs with --tags-filter='!sqlite-only'. Only these are left out there, each
    // because it is about the embedded SQLite default itself, not about behaviour both share:
    // - database.int.spec.ts: WAL, busy timeout, migrations, the in-process write queue of SQLite;
    // - sqlite-concurrency.int.spec.ts: the soak of SQLite's single writer (MongoDB has none);
    // - backup-restore.int.spec.ts (the backup itself): `pnpm backup` copies the SQLite file;
    //   production MongoDB is backed up with mongodump (docs/production.md). Its refusal on a
    //   MongoDB URL runs in both legs.
    // No test is excluded for needing a multi-document transaction: the guarantees that used to
    // rest on one are unique inserts now (src/db/shared-state.ts).
    // The S3 leg runs only --tags-filter=media-files: the tests that store, serve or delete media
    // files. They also run in the other legs, against MEDIA_DIR.
    tags: [
      {
        name: 'sqlite-only',
        description: 'About the embedded SQLite default itself; left out of the MongoDB leg.',
      },
      {
        name: 'media-files',
        description: 'Stores or serves media files; run once more with S3 storage (S3 leg).',
      },
    ],
    // libSQL keeps the connection of every finished transaction open until garbage collection
    // (libsql-client-ts#350, libsql-js#230): a file that writes tens of thousands of times
    // collects now and then (`tests/int/helpers/collect-garbage.ts`) to stay under the
    // descriptor limit.
    execArgv: ['--expose-gc'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['./tests/int/global-setup.ts'],
    setupFiles: ['./tests/int/setup-database.ts', './tests/int/setup-mail-stub.ts'],
    env: {
      DATABASE_URL: databaseUrl,
      SCHOOLPOST_ENV: 'test',
      TEST_DB_FILE: dbFile,
      TEST_MONGODB_PREFIX: mongoBase ? mongoPrefix : '',
      PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-42',
      EMAIL_RETRY_BASE_MS: '20',
      MEDIA_DIR: mediaDir,
      PORTAL_URL: 'http://portal.test',
      ...s3Env,
    },
  },
})
