import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'

import { canParentSeeMedia } from './can-parent-see-media'
import { canParentSeePost } from './can-parent-see-post'
import {
  arbitrarySchool,
  getParentGroupIds,
  getRefusedPupilIds,
  getVisibleMediaIds,
  getVisiblePostIds,
} from './testing/arbitrary-school'
import type { ArbitrarySchool } from './testing/arbitrary-school'

const NUM_RUNS = 300
let cases = 0
/** Coverage: how often a property actually had something visible to check. */
let visiblePairs = 0
let refusalsThatHid = 0

afterAll(() => {
  console.log(
    `media visibility properties: ${cases} cases (${visiblePairs} visible parent–media pairs checked, ${refusalsThatHid} refusals that hid media)`,
  )
})

function property(predicate: (school: ArbitrarySchool) => void) {
  fc.assert(
    fc.property(arbitrarySchool(), (school) => {
      cases += 1
      predicate(school)
    }),
    { numRuns: NUM_RUNS },
  )
}

// Independent oracles, written from the brief (S2, S11, S13, S16) rather than from the code.

/** S16: any guardian refusing wins; without any recorded choice, the school default. */
function isRefusedOracle(school: ArbitrarySchool, pupilId: string): boolean {
  const choices = school.consentChoices.filter((c) => c.pupilId === pupilId)
  if (choices.length === 0) return school.schoolDefault === 'refused'
  return choices.some((c) => c.allowed === false)
}

/** S2: the groups of a parent are the groups of their children. */
function groupsOracle(school: ArbitrarySchool, parentId: string): Set<string> {
  const parent = school.parents.find((p) => p.id === parentId)
  const groups = new Set<string>()
  for (const childId of parent?.childIds ?? []) {
    const pupil = school.pupils.find((p) => p.id === childId)
    if (pupil) groups.add(pupil.groupId)
  }
  return groups
}

function isLiveOracle(post: ArbitrarySchool['posts'][number], now: Date): boolean {
  if (post.hidden || post.status === 'draft') return false
  if (post.status === 'published') return true
  return post.publishAt != null && new Date(post.publishAt).getTime() <= now.getTime()
}

function postsOf(school: ArbitrarySchool, media: ArbitrarySchool['media'][number]) {
  return school.posts.filter((post) => media.postIds.includes(post.id))
}

function visibleMedia(school: ArbitrarySchool, parentId: string) {
  const ids = new Set(getVisibleMediaIds({ school, parentId }))
  visiblePairs += ids.size
  return school.media.filter((m) => ids.has(m.id))
}

function visiblePosts(school: ArbitrarySchool, parentId: string) {
  const ids = new Set(getVisiblePostIds({ school, parentId }))
  return school.posts.filter((p) => ids.has(p.id))
}

describe('media visibility properties (random schools)', () => {
  it('the generator is not vacuous: many schools have media visible to some parent', () => {
    const schools = fc.sample(arbitrarySchool(), { numRuns: 500, seed: 42 })
    const withVisible = schools.filter((school) =>
      school.parents.some((p) => getVisibleMediaIds({ school, parentId: p.id }).length > 0),
    )
    const withRefusedTagged = schools.filter((school) =>
      school.media.some((m) => m.taggedPupilIds.some((id) => isRefusedOracle(school, id))),
    )
    // About a quarter of the schools show something to someone; a fifth tag a refused pupil.
    expect(withVisible.length).toBeGreaterThan(75)
    expect(withRefusedTagged.length).toBeGreaterThan(75)
  })

  it('(a) no media item tagging a refused pupil is ever visible to any parent', () => {
    property((school) => {
      const refused = new Set(getRefusedPupilIds({ school }))
      for (const pupil of school.pupils) {
        expect(refused.has(pupil.id)).toBe(isRefusedOracle(school, pupil.id))
      }
      for (const parent of school.parents) {
        for (const media of visibleMedia(school, parent.id)) {
          expect(media.taggedPupilIds.filter((id) => isRefusedOracle(school, id))).toEqual([])
        }
      }
    })
  })

  it('(b) nothing is visible outside a parent’s groups unless a containing post is school-wide', () => {
    property((school) => {
      for (const parent of school.parents) {
        const groups = groupsOracle(school, parent.id)
        expect(new Set(getParentGroupIds({ school, parentId: parent.id }))).toEqual(groups)
        const reachable = (post: ArbitrarySchool['posts'][number]) =>
          groups.size > 0 &&
          (post.audience === 'school' || post.groupIds.some((id) => groups.has(id)))
        for (const post of visiblePosts(school, parent.id)) {
          expect(reachable(post)).toBe(true)
        }
        for (const media of visibleMedia(school, parent.id)) {
          expect(postsOf(school, media).some(reachable)).toBe(true)
        }
        if (groups.size === 0) {
          expect(visiblePosts(school, parent.id)).toEqual([])
          expect(visibleMedia(school, parent.id)).toEqual([])
        }
      }
    })
  })

  it('(c) drafts, hidden items and future-scheduled posts are never visible', () => {
    property((school) => {
      for (const parent of school.parents) {
        for (const post of visiblePosts(school, parent.id)) {
          expect(isLiveOracle(post, school.now)).toBe(true)
        }
        for (const media of visibleMedia(school, parent.id)) {
          expect(media.hidden).toBe(false)
          // Visible through a live post: never only through drafts, hidden or future posts.
          expect(postsOf(school, media).some((post) => isLiveOracle(post, school.now))).toBe(true)
        }
      }
    })
  })

  it('(d) portraits and untagged, unmarked media are never visible', () => {
    property((school) => {
      for (const parent of school.parents) {
        for (const media of visibleMedia(school, parent.id)) {
          const unique = new Set(media.taggedPupilIds).size
          if (media.noRecognisablePupils) expect(unique).toBe(0)
          else expect(unique).toBeGreaterThanOrEqual(school.minPupilsPerPhoto)
        }
      }
    })
  })

  it('(e) a guardian refusing (from allowed, or from no choice) never makes anything more visible', () => {
    fc.assert(
      fc.property(arbitrarySchool(), fc.nat(), (school, pick) => {
        cases += 1
        const pairs = school.parents.flatMap((parent) =>
          parent.childIds
            .filter(
              (pupilId) =>
                !school.consentChoices.some(
                  (c) => c.guardianId === parent.id && c.pupilId === pupilId && !c.allowed,
                ),
            )
            .map((pupilId) => ({ guardianId: parent.id, pupilId })),
        )
        // Half of the time, prefer a child who is on something visible now: that is where a
        // refusal must hide things, and where a wrong rule could show more.
        const shown = new Set(
          school.parents.flatMap((parent) =>
            visibleMedia(school, parent.id).flatMap((media) => media.taggedPupilIds),
          ),
        )
        const relevant = pairs.filter((p) => shown.has(p.pupilId))
        const from = pick % 2 === 0 && relevant.length > 0 ? relevant : pairs
        const pair = from[Math.floor(pick / 2) % Math.max(from.length, 1)]
        if (!pair) return
        const after: ArbitrarySchool = {
          ...school,
          consentChoices: [
            ...school.consentChoices.filter(
              (c) => !(c.guardianId === pair.guardianId && c.pupilId === pair.pupilId),
            ),
            { ...pair, allowed: false },
          ],
        }
        let hid = false
        for (const parent of school.parents) {
          const before = new Set(getVisibleMediaIds({ school, parentId: parent.id }))
          const afterIds = getVisibleMediaIds({ school: after, parentId: parent.id })
          for (const id of afterIds) {
            expect(before.has(id)).toBe(true)
          }
          if (afterIds.length < before.size) hid = true
          // And the refused child's images are gone for everyone.
          for (const media of visibleMedia(after, parent.id)) {
            expect(media.taggedPupilIds).not.toContain(pair.pupilId)
          }
        }
        if (hid) refusalsThatHid += 1
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('media visibility implies the visibility of a containing post', () => {
    property((school) => {
      const refusedPupilIds = getRefusedPupilIds({ school })
      for (const parent of school.parents) {
        const parentGroupIds = getParentGroupIds({ school, parentId: parent.id })
        for (const media of school.media) {
          const posts = postsOf(school, media)
          const seen = canParentSeeMedia({
            media,
            posts,
            parentGroupIds,
            refusedPupilIds,
            minPupilsPerPhoto: school.minPupilsPerPhoto,
            now: school.now,
          })
          if (seen) {
            expect(
              posts.some((post) => canParentSeePost({ post, parentGroupIds, now: school.now })),
            ).toBe(true)
          }
        }
      }
    })
  })

  it('a photo in a delivered message of the parent’s conversation shows exactly when the image rules pass; other messages change nothing', () => {
    const statuses = ['delivered', 'held', 'hidden'] as const
    property((school) => {
      const refusedPupilIds = getRefusedPupilIds({ school })
      for (const parent of school.parents) {
        const parentGroupIds = getParentGroupIds({ school, parentId: parent.id })
        for (const [i, media] of school.media.entries()) {
          const base = {
            media,
            posts: postsOf(school, media),
            parentGroupIds,
            refusedPupilIds,
            minPupilsPerPhoto: school.minPupilsPerPhoto,
            now: school.now,
          }
          const withoutMessages = canParentSeeMedia(base)
          // A message that does not reach this parent (not taking part, or not delivered).
          const status = statuses[i % statuses.length]!
          const elsewhere = { status, parentTakesPart: status !== 'delivered' }
          expect(canParentSeeMedia({ ...base, messages: [elsewhere] })).toBe(withoutMessages)
          // A delivered one in their conversation: the image rules alone decide.
          const shown = canParentSeeMedia({
            ...base,
            posts: [],
            messages: [{ status: 'delivered', parentTakesPart: true }],
          })
          const rulesPass = canParentSeeMedia({
            ...base,
            posts: [{ status: 'published', audience: 'school', groupIds: [], hidden: false }],
            parentGroupIds: ['any-group'],
          })
          expect(shown).toBe(rulesPass)
          if (withoutMessages) expect(shown).toBe(true)
        }
      }
    })
  })
})
