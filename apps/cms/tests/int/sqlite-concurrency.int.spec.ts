import { monitorEventLoopDelay } from 'node:perf_hooks'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Post } from '../../src/payload-types'
import { ResendStub } from '../support/resend-stub'
import { drainJobs } from './helpers/jobs'
import type { rest as Rest } from './helpers/payload'
import {
  createBigGroup,
  createSchoolFixture,
  type SchoolFixture,
  fixtureToken,
} from './helpers/school-fixture'
import type * as Upload from './helpers/upload'

const UPLOADS = 6
const RECIPIENTS = 300
const SAVES = 20

/**
 * A soak of the embedded database with every kind of writer at once, the way a school morning
 * looks: teachers upload photos (each upload holds a transaction while sharp makes its sizes),
 * the outbox fans a post out to 300 parents and sends the batches, and staff keep saving. Every
 * write must succeed, each parent gets exactly one email, and the server never freezes.
 */
describe('SQLite with concurrent writers (soak)', { tags: ['sqlite-only'] }, () => {
  const stub = new ResendStub()
  let payload: Payload
  let rest: typeof Rest
  let f: SchoolFixture
  let teacherToken: string
  let phoneJpeg: typeof Upload.phoneJpeg
  let uploadMedia: typeof Upload.uploadMedia

  beforeAll(async () => {
    process.env.RESEND_BASE_URL = await stub.start()
    process.env.RESEND_API_KEY = 're_test_key'
    // Imported only now: the CMS reads RESEND_* when its configuration loads.
    const helpers = await import('./helpers/payload')
    rest = helpers.rest
    ;({ phoneJpeg, uploadMedia } = await import('./helpers/upload'))
    payload = await helpers.testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    await drainJobs(payload, 60_000)
    stub.reset()
  })
  afterAll(() => stub.stop())

  it('uploads, a 300-parent fan-out with batch sends and staff saves all succeed together', async () => {
    const { group, emails } = await createBigGroup(payload, RECIPIENTS, f.teacherTwoGroups.id)
    const photos = await Promise.all(
      Array.from({ length: UPLOADS }, () => phoneJpeg({ width: 2400, height: 1800 })),
    )
    const mediaBefore = (await payload.count({ collection: 'media' })).totalDocs

    const stalls = monitorEventLoopDelay({ resolution: 10 })
    stalls.enable()
    const started = performance.now()
    const published = await rest('POST', '/posts', {
      token: teacherToken,
      body: { title: 'Sportdag', audience: 'groups', status: 'published', groups: [group.id] },
    })
    expect(published.status, await published.clone().text()).toBe(201)
    const post = ((await published.json()) as { doc: Post }).doc

    const uploads = photos.map((photo, i) =>
      uploadMedia(teacherToken, photo, `sportdag-${i}.jpg`, {
        pupils: [f.pupils.a1.id, f.pupils.a2.id, f.pupils.b1.id],
      }),
    )
    const saves = (async () => {
      for (let i = 0; i < SAVES; i++) {
        await payload.update({ collection: 'groups', id: f.groups.c.id, data: { sortOrder: i } })
      }
    })()
    const outcomes = await Promise.allSettled([drainJobs(payload, 180_000), saves, ...uploads])
    const ms = performance.now() - started
    stalls.disable()
    const longestStallMs = stalls.max / 1e6

    const problems = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []))
    expect(problems).toEqual([])
    const statuses = await Promise.all(uploads.map(async (u) => (await u).status))
    expect(statuses).toEqual(photos.map(() => 201))
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(mediaBefore + UPLOADS)
    const group_ = await payload.findByID({ collection: 'groups', id: f.groups.c.id })
    expect(group_.sortOrder).toBe(SAVES - 1)

    const delivered = stub.delivered.filter((m) => (m.html ?? '').includes(`/berichten/${post.id}`))
    expect(delivered.map((m) => m.to[0]).sort()).toEqual([...emails].sort())

    console.log(
      `sqlite soak: ${UPLOADS} uploads + ${RECIPIENTS} emails in ${stub.calls.length} batch calls + ${SAVES} saves in ${ms.toFixed(0)} ms; longest event-loop stall ${longestStallMs.toFixed(0)} ms`,
    )
    // A writer used to sleep on the event loop for SQLite's whole 5 s busy timeout and then fail.
    expect(longestStallMs).toBeLessThan(4000)
  }, 300_000)
})
