import { afterAll } from 'vitest'

import { ResendStub } from '../support/resend-stub'

// Runs before every test file's own imports, so the CMS configuration (which reads RESEND_* once)
// sees the stub. A file that starts its own stub sets RESEND_BASE_URL again before it imports the
// configuration and wins.
const stub = new ResendStub()
process.env.RESEND_BASE_URL = await stub.start()
process.env.RESEND_API_KEY = 're_test_key'
;(globalThis as { __schoolpostMailStub?: ResendStub }).__schoolpostMailStub = stub
afterAll(() => stub.stop())
