import { randomUUID } from 'node:crypto'

// The MongoDB leg: this test file's own database, named before the CMS configuration is imported
// (it reads DATABASE_URL once). Processes a test starts inherit it. SQLite runs keep one file.
const prefix = process.env.TEST_MONGODB_PREFIX
if (prefix && process.env.DATABASE_URL?.startsWith('mongodb')) {
  const url = new URL(process.env.DATABASE_URL)
  url.pathname = `/${prefix}-${randomUUID().slice(0, 8)}`
  process.env.DATABASE_URL = url.toString()
}
