import {
  arbitrarySchool,
  getVisibleMediaIds,
  getVisiblePostIds,
  type ArbitrarySchool,
} from '@schoolpost/policies/testing'
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { plainPng } from './helpers/images'
import { testPayload } from './helpers/payload'
import { asUser } from './helpers/school-fixture'

/**
 * The CMS's access queries against the policies, on the same random schools: each school is
 * stored as given (rule-breaking posts included), then every parent's posts and media are read
 * through the Local API with overrideAccess: false and compared with the pure functions.
 */
describe('CMS visibility equals the policies (property)', () => {
  let payload: Payload
  let png: Buffer
  let cases = 0

  beforeAll(async () => {
    payload = await testPayload()
    png = await plainPng(16, 16, '#39c')
  })
  afterAll(async () => {
    await payload.updateGlobal({
      slug: 'school-settings',
      data: { minPupilsPerPhoto: 2, defaultImageConsent: 'allowed' },
    })
    console.log(`visibility property (CMS vs policies): ${cases} parent checks`)
  })

  async function store(school: ArbitrarySchool) {
    const tag = randomUUID().slice(0, 8)
    const id = new Map<string, string>()
    // The generator's clock is fixed; real time has moved on — shift every date by the difference.
    const shift = Date.now() - school.now.getTime()
    await payload.updateGlobal({
      slug: 'school-settings',
      data: {
        minPupilsPerPhoto: school.minPupilsPerPhoto,
        defaultImageConsent: school.schoolDefault,
      },
    })
    for (const g of school.groups) {
      id.set(
        g.id,
        (
          await payload.create({
            collection: 'groups',
            data: { name: `${g.id} ${tag}`, schoolYear: '2026-2027' },
          })
        ).id,
      )
    }
    for (const p of school.pupils) {
      id.set(
        p.id,
        (
          await payload.create({
            collection: 'pupils',
            data: { firstName: p.id, lastName: tag, group: id.get(p.groupId)! },
          })
        ).id,
      )
    }
    const parents: { key: string; user: ReturnType<typeof asUser> }[] = []
    for (const p of school.parents) {
      const doc = await payload.create({
        collection: 'parents',
        data: {
          name: p.id,
          email: `${p.id}.${tag}@prop.test`,
          password: 'property-test-pw',
          status: 'active',
          children: p.childIds.map((c) => id.get(c)!),
        },
      })
      id.set(p.id, doc.id)
      parents.push({ key: p.id, user: asUser('parents', doc) })
    }
    for (const c of school.consentChoices) {
      await payload.create({
        collection: 'image-consents',
        data: { pupil: id.get(c.pupilId)!, guardian: id.get(c.guardianId)!, allowed: c.allowed },
      })
    }
    for (const m of school.media) {
      const doc = await payload.create({
        collection: 'media',
        data: {
          pupils: [...new Set(m.taggedPupilIds)].map((p) => id.get(p)!),
          noRecognisablePupils: m.noRecognisablePupils,
          hidden: m.hidden,
        },
        file: { data: png, mimetype: 'image/png', name: `${m.id}-${tag}.png`, size: png.length },
      })
      id.set(m.id, doc.id)
    }
    for (const p of school.posts) {
      const publishAt = p.publishAt
        ? new Date(new Date(p.publishAt).getTime() + shift).toISOString()
        : null
      const doc = await payload.create({
        collection: 'posts',
        depth: 0,
        data: {
          title: `${p.id} ${tag}`,
          audience: 'school',
          status: 'draft',
          hidden: p.hidden,
          gallery: school.media.filter((m) => m.postIds.includes(p.id)).map((m) => id.get(m.id)!),
        },
      })
      // Stored as given, past the publication rules (straight into the database): the read
      // rules must hold even for posts that should never have been published.
      await payload.db.updateOne({
        collection: 'posts',
        id: doc.id,
        data: {
          ...doc,
          status: p.status,
          publishAt,
          audience: p.audience,
          groups: p.groupIds.map((g) => id.get(g)!),
        },
      })
      id.set(p.id, doc.id)
    }
    return { id, parents }
  }

  it('every parent sees exactly the posts and media the policies allow', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySchool().filter((s) => s.minPupilsPerPhoto >= 2),
        async (school) => {
          const { id, parents } = await store(school)
          const postIds = school.posts.map((p) => id.get(p.id)!)
          const mediaIds = school.media.map((m) => id.get(m.id)!)
          for (const parent of parents) {
            const base = {
              user: parent.user,
              overrideAccess: false,
              depth: 0,
              limit: 1000,
            } as const
            const posts = await payload.find({
              collection: 'posts',
              where: { id: { in: postIds } },
              ...base,
            })
            const media = await payload.find({
              collection: 'media',
              where: { id: { in: mediaIds } },
              ...base,
            })
            const expectedPosts = getVisiblePostIds({ school, parentId: parent.key }).map((p) =>
              id.get(p)!,
            )
            const expectedMedia = getVisibleMediaIds({ school, parentId: parent.key }).map((m) =>
              id.get(m)!,
            )
            expect(posts.docs.map((d) => d.id).sort()).toEqual(expectedPosts.sort())
            expect(media.docs.map((d) => d.id).sort()).toEqual(expectedMedia.sort())
            cases++
          }
        },
      ),
      { numRuns: 20 },
    )
  }, 300_000)
})
