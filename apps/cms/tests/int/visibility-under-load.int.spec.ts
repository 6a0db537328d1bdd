import { portalHomeAnswer } from '@schoolpost/contracts'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Media, Post } from '../../src/payload-types'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'
import { publishPhotoPost } from './helpers/upload'

/**
 * Issue #11, "must not change": what parents may see is cached per visibility version, so a
 * consent refusal must still count at the very next request while parents keep loading. Eight
 * parents' requests run without pause over every channel of one photo (each file size, the REST
 * item, the start page's gallery); a guardian refuses in the middle. Every request that started
 * after the refusal returned must be refused, and every request that ended before it started must
 * have been served: the cache is exercised, not bypassed.
 */

/** Resolves once `condition` holds, checking after each turn of the event loop (no timers). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

describe('a consent refusal during a load run (issue #11)', () => {
  let payload: Payload
  let f: SchoolFixture
  let parentToken: string
  let guardianToken: string
  let photo: Media
  let post: Post

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    const teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    guardianToken = await fixtureToken(payload, 'parents', f.parents.guardianOne.email)
    const published = await publishPhotoPost(teacherToken, {
      title: 'Onder last',
      groupId: f.groups.a.id,
      pupils: [f.pupils.a1.id, f.pupils.b1.id],
    })
    photo = published.photo
    post = published.post
  })

  it('no refused image is served after the refusal returned', async () => {
    const channels: [string, () => Promise<boolean>][] = [
      ...(['thumbnail', 'feed', 'full'] as const).map((size): [string, () => Promise<boolean>] => [
        size,
        async () => {
          const file = photo.sizes![size]!.filename!
          const res = await rest('GET', `/media/file/${file}`, { token: parentToken })
          const bytes = Buffer.from(await res.arrayBuffer())
          // Served = the image itself (RIFF…WEBP), not a refusal's text.
          return res.status === 200 && bytes.subarray(8, 12).toString('latin1') === 'WEBP'
        },
      ]),
      [
        'item',
        async () =>
          (await rest('GET', `/media/${photo.id}`, { token: parentToken })).status === 200,
      ],
      [
        'home',
        async () => {
          const res = await rest('GET', '/parents/home', { token: parentToken })
          const answer = portalHomeAnswer.parse(await res.json())
          return answer.posts.posts.some(
            (p) => p.id === post.id && p.gallery.some((m) => m.id === photo.id),
          )
        },
      ],
    ]
    type Outcome = {
      channel: string
      startedAfterFlip: boolean
      endedBeforeFlip: boolean
      served: boolean
    }
    const outcomes: Outcome[] = []
    let flipStarted = false
    let flipReturned = false
    let stop = false
    const parent = async (offset: number) => {
      for (let i = offset; !stop; i++) {
        const [channel, request] = channels[i % channels.length]!
        const startedAfterFlip = flipReturned
        const served = await request()
        outcomes.push({ channel, startedAfterFlip, endedBeforeFlip: !flipStarted, served })
        // Requests arrive from the network: a refusal needs no file read, and without a turn of
        // the event loop eight refused loops would run in microtasks alone and starve the rest.
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
    const parents = Array.from({ length: 8 }, (_, i) => parent(i))

    await until(() => outcomes.length >= 40)
    flipStarted = true
    const refusal = await rest('POST', '/image-consents/set', {
      token: guardianToken,
      body: { pupil: f.pupils.b1.id, allowed: false },
    })
    expect(refusal.status).toBe(200)
    flipReturned = true
    await until(() => outcomes.filter((o) => o.startedAfterFlip).length >= 40)
    stop = true
    await Promise.all(parents)

    const before = outcomes.filter((o) => o.endedBeforeFlip)
    const after = outcomes.filter((o) => o.startedAfterFlip)
    expect(before.length).toBeGreaterThanOrEqual(40)
    expect(before.filter((o) => !o.served)).toEqual([])
    expect(after.length).toBeGreaterThanOrEqual(40)
    expect(new Set(after.map((o) => o.channel)).size).toBe(channels.length)
    expect(after.filter((o) => o.served)).toEqual([])
  })
})
