/**
 * A fast-check generator of small random schools for testing who sees which posts and media.
 * Test support only: not exported from the package index, but importable by path
 * (`@schoolpost/policies/testing`) so the CMS can check its database queries against the same
 * schools and the same rules.
 */
import fc from 'fast-check'

import { canParentSeeMedia } from '../can-parent-see-media'
import type { MediaVisibilityFacts } from '../can-parent-see-media'
import { canParentSeePost } from '../can-parent-see-post'
import type { PostVisibilityFacts } from '../can-parent-see-post'
import { resolvePupilConsent } from '../resolve-pupil-consent'
import type { PupilConsent } from '../resolve-pupil-consent'

export type ArbitrarySchool = {
  /** The moment the school is looked at; `publishAt` values lie around it. */
  now: Date
  schoolDefault: PupilConsent
  minPupilsPerPhoto: number
  groups: { id: string }[]
  pupils: { id: string; groupId: string }[]
  /** Parents and their children; a parent's groups are derived from the children (S2). */
  parents: { id: string; childIds: string[] }[]
  /** The latest choice of a guardian for one of their children; at most one per pair. */
  consentChoices: { guardianId: string; pupilId: string; allowed: boolean }[]
  posts: ({ id: string } & PostVisibilityFacts)[]
  /** `postIds`: the posts the item is in (0–2). */
  media: ({ id: string; postIds: string[] } & MediaVisibilityFacts)[]
}

const NOW = new Date('2026-11-28T10:00:00.000Z')
const HOUR = 60 * 60 * 1000

/** Mostly `false`, so that enough items are visible for the properties to bite. */
const rarelyTrue = fc.oneof(
  { arbitrary: fc.constant(false), weight: 6 },
  { arbitrary: fc.constant(true), weight: 1 },
)

/** Random subset of `values`, in random order, without duplicates. */
function subsetOf<T>(values: readonly T[], maxLength = values.length) {
  return fc.shuffledSubarray([...values], {
    minLength: 0,
    maxLength: Math.min(maxLength, values.length),
  })
}

/** publishAt: missing, or a Date / ISO string from two days before to two days after `now`. */
const publishAt = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(NOW), // the boundary: publishAt === now is live
  fc
    .integer({ min: -48, max: 48 })
    .chain((hours) =>
      fc.constantFrom<string | Date>(
        new Date(NOW.getTime() + hours * HOUR),
        new Date(NOW.getTime() + hours * HOUR).toISOString(),
      ),
    ),
)

export function arbitrarySchool(): fc.Arbitrary<ArbitrarySchool> {
  return fc
    .record({
      groupCount: fc.integer({ min: 1, max: 4 }),
      pupilCount: fc.integer({ min: 1, max: 12 }),
      parentCount: fc.integer({ min: 1, max: 10 }),
      postCount: fc.integer({ min: 0, max: 6 }),
      mediaCount: fc.integer({ min: 0, max: 10 }),
    })
    .chain(({ groupCount, pupilCount, parentCount, postCount, mediaCount }) => {
      const groups = Array.from({ length: groupCount }, (_, i) => ({ id: `group-${i + 1}` }))
      const groupIds = groups.map((g) => g.id)
      const pupilIds = Array.from({ length: pupilCount }, (_, i) => `pupil-${i + 1}`)
      const parentIds = Array.from({ length: parentCount }, (_, i) => `parent-${i + 1}`)
      const postIds = Array.from({ length: postCount }, (_, i) => `post-${i + 1}`)

      const pupils = fc.tuple(
        ...pupilIds.map((id) => fc.constantFrom(...groupIds).map((groupId) => ({ id, groupId }))),
      )
      // Mostly 1–3 children; sometimes none (a parent without children sees nothing).
      const parents = fc.tuple(
        ...parentIds.map((id) =>
          fc
            .oneof(
              { arbitrary: fc.constant<string[]>([]), weight: 1 },
              { arbitrary: subsetOf(pupilIds, 3).filter((ids) => ids.length > 0), weight: 5 },
            )
            .map((childIds) => ({ id, childIds })),
        ),
      )
      const posts = fc.tuple(
        ...postIds.map((id) =>
          fc.record({
            id: fc.constant(id),
            status: fc.constantFrom<PostVisibilityFacts['status']>(
              'draft',
              'scheduled',
              'published',
              'published',
              'published',
            ),
            publishAt,
            audience: fc.constantFrom<PostVisibilityFacts['audience']>('school', 'groups'),
            groupIds: subsetOf(groupIds),
            hidden: rarelyTrue,
          }),
        ),
      )
      return fc
        .record({
          // Most schools follow the objection model (default allowed).
          schoolDefault: fc.constantFrom<PupilConsent>('allowed', 'allowed', 'allowed', 'refused'),
          minPupilsPerPhoto: fc.integer({ min: 1, max: 3 }),
          pupils,
          parents,
          posts,
        })
        .chain((school) => {
          // One optional choice per (guardian, child) pair, mostly "allowed".
          const pairs = school.parents.flatMap((parent) =>
            parent.childIds.map((pupilId) => ({ guardianId: parent.id, pupilId })),
          )
          const choices = fc.tuple(
            ...pairs.map((pair) =>
              fc
                .option(
                  fc.oneof(
                    { arbitrary: fc.constant(true), weight: 8 },
                    { arbitrary: fc.constant(false), weight: 1 },
                  ),
                  { nil: undefined, freq: 3 },
                )
                .map((allowed) => (allowed === undefined ? undefined : { ...pair, allowed })),
            ),
          )
          const media = fc.tuple(
            ...Array.from({ length: mediaCount }, (_, i) =>
              fc.record({
                id: fc.constant(`media-${i + 1}`),
                // Mostly in one or two posts; sometimes in none (then never visible).
                postIds: fc.oneof(
                  { arbitrary: fc.constant<string[]>([]), weight: 1 },
                  {
                    arbitrary: fc.shuffledSubarray(postIds, {
                      minLength: Math.min(1, postIds.length),
                      maxLength: Math.min(2, postIds.length),
                    }),
                    weight: 4,
                  },
                ),
                taggedPupilIds: arbitraryTags(school.pupils),
                noRecognisablePupils: rarelyTrue,
                hidden: rarelyTrue,
              }),
            ),
          )
          return fc.tuple(choices, media).map(([all, allMedia]): ArbitrarySchool => ({
            now: NOW,
            schoolDefault: school.schoolDefault,
            minPupilsPerPhoto: school.minPupilsPerPhoto,
            groups,
            pupils: [...school.pupils],
            parents: [...school.parents],
            consentChoices: all.filter((choice) => choice !== undefined),
            posts: [...school.posts],
            media: [...allMedia],
          }))
        })
    })
}

/**
 * Tags: mostly a class photo (pupils of one group), sometimes pupils from anywhere, sometimes
 * none or one. Duplicate tags are generated on purpose: they must count once.
 */
function arbitraryTags(pupils: readonly { id: string; groupId: string }[]) {
  const pupilIds = pupils.map((p) => p.id)
  const classPhoto = fc.constantFrom(...pupils.map((p) => p.groupId)).chain((groupId) =>
    fc.array(fc.constantFrom(...pupils.filter((p) => p.groupId === groupId).map((p) => p.id)), {
      minLength: 1,
      maxLength: 5,
    }),
  )
  return fc.oneof(
    { arbitrary: classPhoto, weight: 3 },
    {
      arbitrary: fc.array(fc.constantFrom(...pupilIds), { minLength: 2, maxLength: 4 }),
      weight: 1,
    },
    { arbitrary: fc.array(fc.constantFrom(...pupilIds), { maxLength: 1 }), weight: 1 },
  )
}

/** The groups of a parent, derived from their children's groups (S2). */
export function getParentGroupIds({
  school,
  parentId,
}: {
  school: ArbitrarySchool
  parentId: string
}): string[] {
  const childIds = school.parents.find((p) => p.id === parentId)?.childIds ?? []
  const groupIds = school.pupils.filter((p) => childIds.includes(p.id)).map((p) => p.groupId)
  return [...new Set(groupIds)]
}

/** Pupils whose consent resolves to `refused` under `resolvePupilConsent`. */
export function getRefusedPupilIds({ school }: { school: ArbitrarySchool }): string[] {
  return school.pupils
    .filter(
      (pupil) =>
        resolvePupilConsent({
          choices: school.consentChoices.filter((c) => c.pupilId === pupil.id),
          schoolDefault: school.schoolDefault,
        }) === 'refused',
    )
    .map((pupil) => pupil.id)
}

/** The ids of the posts a parent may read, by `canParentSeePost`. */
export function getVisiblePostIds({
  school,
  parentId,
}: {
  school: ArbitrarySchool
  parentId: string
}): string[] {
  const parentGroupIds = getParentGroupIds({ school, parentId })
  return school.posts
    .filter((post) => canParentSeePost({ post, parentGroupIds, now: school.now }))
    .map((post) => post.id)
}

/** The ids of the media items a parent may see, by `canParentSeeMedia`. */
export function getVisibleMediaIds({
  school,
  parentId,
}: {
  school: ArbitrarySchool
  parentId: string
}): string[] {
  const parentGroupIds = getParentGroupIds({ school, parentId })
  const refusedPupilIds = getRefusedPupilIds({ school })
  return school.media
    .filter((media) =>
      canParentSeeMedia({
        media,
        posts: school.posts.filter((post) => media.postIds.includes(post.id)),
        parentGroupIds,
        refusedPupilIds,
        minPupilsPerPhoto: school.minPupilsPerPhoto,
        now: school.now,
      }),
    )
    .map((media) => media.id)
}
