import { rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { rest as Rest } from './helpers/payload'

/**
 * Issue #9 item 8: Payload's first-register creates an account without any invitation whenever
 * the collection is empty (a fresh production install without the demo). Both collections are
 * This file runs on a database of its own, freshly migrated and empty: that install.
 */
describe('first-register on an empty install', () => {
  const dbFile = path.join(os.tmpdir(), `schoolpost-int-empty-${process.pid}-${Date.now()}.db`)
  let payload: Payload
  let rest: typeof Rest
  beforeAll(async () => {
    process.env.DATABASE_URL = `file:${dbFile}`
    // Imported only now: the CMS reads DATABASE_URL when its configuration loads.
    const helpers = await import('./helpers/payload')
    rest = helpers.rest
    payload = await helpers.testPayload()
    expect((await payload.count({ collection: 'staff' })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'parents' })).totalDocs).toBe(0)
  })

  afterAll(() => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true })
  })

  for (const collection of ['staff', 'parents'] as const) {
    it(`POST /api/${collection}/first-register is refused in Dutch and creates nothing`, async () => {
      const res = await rest('POST', `/${collection}/first-register`, {
        body: {
          email: `eerste.${collection}@fixture.test`,
          password: 'een sterk wachtwoord 2026',
          name: 'Eerste',
          role: 'director',
        },
      })
      expect(res.status).toBe(403)
      expect((await res.json()).message).toMatch(/uitnodiging|create-director/)
      expect(res.headers.get('set-cookie')).toBeNull()
      expect((await payload.count({ collection })).totalDocs).toBe(0)
    })
  }
})
