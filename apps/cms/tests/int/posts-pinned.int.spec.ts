import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

/**
 * The portal's timeline sorts by `-pinned,-publishedAt`. A post made without `pinned` (REST) was
 * stored as NULL, which SQLite sorts after false: it sank below older posts saved in the admin.
 */
describe('pinned is always a boolean', () => {
  let payload: Payload
  let f: SchoolFixture
  let director: string
  let parent: string

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    director = await fixtureToken(payload, 'staff', f.director.email)
    parent = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
  })

  it('a newer post without `pinned` comes before an older unpinned one', async () => {
    const post = async (title: string, extra: Record<string, unknown>) => {
      const res = await rest('POST', '/posts', {
        token: director,
        body: { title, audience: 'school', status: 'published', ...extra },
      })
      expect(res.status).toBe(201)
      return (await res.json()).doc as { id: string; pinned: unknown }
    }
    const older = await post('Ouder, uit de beheeromgeving', { pinned: false })
    const newer = await post('Nieuwer, via de API', {})
    expect(newer.pinned).toBe(false)
    const res = await rest(
      'GET',
      `/posts?depth=0&sort=-pinned,-publishedAt&where[id][in][0]=${older.id}&where[id][in][1]=${newer.id}`,
      { token: parent },
    )
    const ids = ((await res.json()).docs as { id: string }[]).map((d) => d.id)
    expect(ids).toEqual([newer.id, older.id])
  })
})
