import { randomUUID } from 'node:crypto'

// The MongoDB leg: this test file's own database and media folder, named before the CMS
// configuration is imported (it reads DATABASE_URL and MEDIA_DIR once). With nothing shared, the
// leg runs files in parallel. Processes a test starts inherit both. SQLite runs keep one file.
const prefix = process.env.TEST_MONGODB_PREFIX
if (prefix && process.env.DATABASE_URL?.startsWith('mongodb')) {
  const own = randomUUID().slice(0, 8)
  const url = new URL(process.env.DATABASE_URL)
  url.pathname = `/${prefix}-${own}`
  process.env.DATABASE_URL = url.toString()
  process.env.MEDIA_DIR = `${process.env.MEDIA_DIR}-${own}`
}

// The S3 leg: this test file's own key prefix in the run's bucket (files there never meet).
if (process.env.TEST_S3_PREFIX && process.env.S3_BUCKET) {
  process.env.S3_PREFIX = `${process.env.TEST_S3_PREFIX}/${randomUUID().slice(0, 8)}`
}

// The school's clock of this file (src/lib/clock.ts): real time until a test sets it
// (tests/int/helpers/clock.ts). One file per test file, so a moved clock never leaks.
process.env.TEST_CLOCK_FILE = `${process.env.TEST_MEDIA_DIR ?? '/tmp/schoolpost-int'}-clock-${randomUUID().slice(0, 8)}.json`
