import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { rest, testPayload } from './helpers/payload'

/**
 * Issue #9 item 8: Payload's first-register creates an account without any invitation whenever
 * the collection is empty (a fresh production install without the demo). Both collections are
 * emptied here to be that install.
 */
describe('first-register on an empty install', () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await testPayload()
    for (const collection of ['invitations', 'image-consents', 'parents', 'staff'] as const) {
      await payload.db.deleteMany({ collection, where: {} })
    }
    expect((await payload.count({ collection: 'staff' })).totalDocs).toBe(0)
    expect((await payload.count({ collection: 'parents' })).totalDocs).toBe(0)
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
