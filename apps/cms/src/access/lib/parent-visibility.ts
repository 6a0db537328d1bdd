import { checkMediaPublishable, resolvePupilConsent } from '@schoolpost/policies'
import type { CheckMediaPublishableResult } from '@schoolpost/policies'
import type { PayloadRequest, Where } from 'payload'

import { parentGroupIds, teacherGroupIds } from './scope'
import { idOf } from './users'

/**
 * What a parent may see, decided per request from the current facts: the posts they may read
 * (`parentPostsWhere`, the CMS side of `canParentSeePost` in the policies) and the media in them
 * (`parentVisibleMediaIds`, the CMS side of `canParentSeeMedia`). The image rule behind it
 * (`mediaRuleNow`, `refusedPupilIds`) is also what publishing, tag labels and reports check, so
 * each question about an image has one answer; `teacherPostsWhere` is the staff counterpart.
 */

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

/** `not_equals: true` would drop rows where the flag is NULL (SQL), so spell out "not set". */
const notHidden: Where = { or: [{ hidden: { equals: false } }, { hidden: { exists: false } }] }

async function cached<T>(req: PayloadRequest, key: string, load: () => Promise<T>): Promise<T> {
  if (key in req.context && req.context[key] !== undefined) return req.context[key] as T
  const value = await load()
  req.context[key] = value
  return value
}

type ImageRuleFacts = {
  minPupilsPerPhoto: number
  /** Every pupil that exists now: a tag of a deleted pupil no longer counts (on any adapter). */
  pupilIds: string[]
  /** Pupils whose images may not be shown (S16). */
  refusedPupilIds: string[]
}

/**
 * The facts the image rules (S13, S16) depend on, read per request: the school's current minimum,
 * the pupils that exist and the consent of each. Nothing derived from them is stored, so raising
 * the minimum, deleting a pupil or a guardian's refusal counts at the very next request.
 */
function imageRuleFacts(req: PayloadRequest): Promise<ImageRuleFacts> {
  // Cached as arrays: Payload copies req.context between operations, and a Set would not survive.
  return cached(req, 'imageRuleFacts', async () => {
    const [settings, consents, pupils] = await Promise.all([
      req.payload.findGlobal({ slug: 'school-settings', depth: 0, req }),
      req.payload.find({
        collection: 'image-consents',
        ...all,
        req,
        select: { pupil: true, guardian: true, allowed: true },
      }),
      req.payload.find({ collection: 'pupils', ...all, req, select: {} }),
    ])
    const choices = new Map<string, { guardianId: string; allowed: boolean }[]>()
    for (const c of consents.docs) {
      const pupil = idOf(c.pupil)
      const guardian = idOf(c.guardian)
      if (!pupil || !guardian) continue
      choices.set(pupil, [
        ...(choices.get(pupil) ?? []),
        { guardianId: guardian, allowed: !!c.allowed },
      ])
    }
    const schoolDefault = settings.defaultImageConsent ?? 'allowed'
    const pupilIds = pupils.docs.map((p) => p.id)
    return {
      minPupilsPerPhoto: settings.minPupilsPerPhoto,
      pupilIds,
      refusedPupilIds: pupilIds.filter(
        (id) =>
          resolvePupilConsent({ choices: choices.get(id) ?? [], schoolDefault }) === 'refused',
      ),
    }
  })
}

/** Pupils whose images may not be shown: any guardian refusing wins, else the school default. */
export async function refusedPupilIds(req: PayloadRequest): Promise<Set<string>> {
  return new Set((await imageRuleFacts(req)).refusedPupilIds)
}

export type MediaTags = { pupils?: unknown; noRecognisablePupils?: boolean | null }

const tagIds = (values: unknown): string[] =>
  ((values as (string | { id: string } | null)[] | null | undefined) ?? [])
    .map((v) => idOf(v as string | { id: string }))
    .filter((id): id is string => !!id)

/**
 * The image rule for one item under the current settings, tags and consents (`checkMediaPublishable`).
 * `withConsent: false` gives the tagging rule alone (what staff can fix by tagging).
 */
export async function mediaRuleNow(
  req: PayloadRequest,
  media: MediaTags,
  { withConsent = true } = {},
): Promise<CheckMediaPublishableResult> {
  const facts = await imageRuleFacts(req)
  const existing = new Set(facts.pupilIds)
  return checkMediaPublishable({
    taggedPupilIds: tagIds(media.pupils).filter((id) => existing.has(id)),
    noRecognisablePupils: !!media.noRecognisablePupils,
    minPupilsPerPhoto: facts.minPupilsPerPhoto,
    refusedPupilIds: withConsent ? facts.refusedPupilIds : [],
  })
}

/** Posts a parent may read: published (or scheduled and due), not hidden, for the school or their groups. */
export async function parentPostsWhere(req: PayloadRequest): Promise<Where | null> {
  const groups = await parentGroupIds(req)
  if (groups.length === 0) return null
  return {
    and: [
      notHidden,
      {
        or: [
          { status: { equals: 'published' } },
          {
            and: [
              { status: { equals: 'scheduled' } },
              { publishAt: { less_than_equal: new Date().toISOString() } },
            ],
          },
        ],
      },
      { or: [{ audience: { equals: 'school' } }, { groups: { in: groups } }] },
    ],
  }
}

export async function teacherPostsWhere(req: PayloadRequest): Promise<Where> {
  const groups = await teacherGroupIds(req)
  return {
    or: [
      { audience: { equals: 'school' } },
      ...(groups.length ? [{ groups: { in: groups } }] : []),
    ],
  }
}

/**
 * The media ids a parent may see (S11, S13, S16): in a post they may read, not hidden, and passing
 * the image rule under the *current* settings, tags and consents (never a flag stored at save
 * time, which would drift when the minimum is raised or a tagged pupil is deleted). Resolved to
 * ids so every channel and every file size uses exactly the same answer.
 */
export function parentVisibleMediaIds(req: PayloadRequest): Promise<string[]> {
  return cached(req, 'parentVisibleMediaIds', async () => {
    const where = await parentPostsWhere(req)
    if (!where) return []
    // Without the parent's req: the posts' afterRead hook trims galleries for parents, which must
    // not apply to this internal lookup.
    const posts = await req.payload.find({
      collection: 'posts',
      ...all,
      where,
      select: { gallery: true },
    })
    const candidateIds = [
      ...new Set(
        posts.docs.flatMap((p) => (p.gallery ?? []).map((m) => idOf(m as string | { id: string }))),
      ),
    ].filter((id): id is string => !!id)
    if (candidateIds.length === 0) return []
    const media = await req.payload.find({
      collection: 'media',
      ...all,
      req,
      where: { and: [{ id: { in: candidateIds } }, notHidden] },
      select: { pupils: true, noRecognisablePupils: true },
    })
    const visible: string[] = []
    for (const m of media.docs) if ((await mediaRuleNow(req, m)).ok) visible.push(m.id)
    return visible
  })
}
