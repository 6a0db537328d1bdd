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

  /** Every parent's posts and media through the Local API, compared with the pure functions. */
  async function checkParents(
    school: ArbitrarySchool,
    id: Map<string, string>,
    parents: { key: string; user: ReturnType<typeof asUser> }[],
  ) {
    const postIds = school.posts.map((p) => id.get(p.id)!)
    const mediaIds = school.media.map((m) => id.get(m.id)!)
    for (const parent of parents) {
      const base = { user: parent.user, overrideAccess: false, depth: 0, limit: 1000 } as const
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
  }

  /**
   * What staff may change after the media are stored (issue #9 item 5): the school's minimum,
   * the tags of some items, and pupils deleted (only pupils without consent records: deleting
   * one with records is refused by the database, see the report).
   */
  const changes = (school: ArbitrarySchool) => {
    const pupilIds = school.pupils.map((p) => p.id)
    const deletable = pupilIds.filter((p) => !school.consentChoices.some((c) => c.pupilId === p))
    return fc.record({
      minPupilsPerPhoto: fc.integer({ min: 2, max: 4 }),
      deletedPupilIds: fc.subarray(deletable, { maxLength: Math.min(3, deletable.length) }),
      retags: fc.array(
        fc.record({
          mediaIndex: fc.nat(),
          taggedPupilIds: fc.subarray(pupilIds, { maxLength: Math.min(5, pupilIds.length) }),
        }),
        { maxLength: 3 },
      ),
    })
  }

  /** The same changes applied to the model: a deleted pupil is gone from children and tags. */
  function applyToModel(
    school: ArbitrarySchool,
    change: {
      minPupilsPerPhoto: number
      deletedPupilIds: string[]
      retags: { mediaIndex: number; taggedPupilIds: string[] }[]
    },
  ): ArbitrarySchool {
    const gone = new Set(change.deletedPupilIds)
    const retagged = new Map<string, string[]>()
    for (const r of change.retags) {
      const media = school.media[r.mediaIndex % Math.max(school.media.length, 1)]
      if (media) retagged.set(media.id, r.taggedPupilIds)
    }
    return {
      ...school,
      minPupilsPerPhoto: change.minPupilsPerPhoto,
      pupils: school.pupils.filter((p) => !gone.has(p.id)),
      parents: school.parents.map((p) => ({
        ...p,
        childIds: p.childIds.filter((c) => !gone.has(c)),
      })),
      media: school.media.map((m) => ({
        ...m,
        taggedPupilIds: (retagged.get(m.id) ?? m.taggedPupilIds).filter((t) => !gone.has(t)),
      })),
    }
  }

  it('every parent sees exactly the posts and media the policies allow, also after the minimum, tags and pupils change', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySchool()
          .filter((s) => s.minPupilsPerPhoto >= 2)
          .chain((school) => fc.tuple(fc.constant(school), changes(school))),
        async ([school, change]) => {
          const { id, parents } = await store(school)
          await checkParents(school, id, parents)

          const after = applyToModel(school, change)
          await payload.updateGlobal({
            slug: 'school-settings',
            data: { minPupilsPerPhoto: change.minPupilsPerPhoto },
          })
          for (const m of school.media) {
            const before = m.taggedPupilIds
            const now = after.media.find((x) => x.id === m.id)!.taggedPupilIds
            if (now.join() === before.filter((t) => !change.deletedPupilIds.includes(t)).join())
              continue
            await payload.update({
              collection: 'media',
              id: id.get(m.id)!,
              data: { pupils: [...new Set(now)].map((p) => id.get(p)!) },
            })
          }
          for (const pupil of change.deletedPupilIds) {
            await payload.delete({ collection: 'pupils', id: id.get(pupil)! })
          }
          await checkParents(after, id, parents)
        },
      ),
      { numRuns: 20 },
    )
  }, 300_000)
})
