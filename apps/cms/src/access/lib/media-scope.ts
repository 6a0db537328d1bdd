import { resolvePupilConsent } from '@schoolpost/policies'
import type { PayloadRequest, Where } from 'payload'

import { parentGroupIds, teacherGroupIds } from './scope'
import { idOf } from './users'

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

/** `not_equals: true` would drop rows where the flag is NULL (SQL), so spell out "not set". */
const notHidden: Where = { or: [{ hidden: { equals: false } }, { hidden: { exists: false } }] }

async function cached<T>(req: PayloadRequest, key: string, load: () => Promise<T>): Promise<T> {
  if (key in req.context && req.context[key] !== undefined) return req.context[key] as T
  const value = await load()
  req.context[key] = value
  return value
}

/**
 * Pupils whose images may not be shown (S16): the policies decide per pupil from every guardian's
 * latest choice and the school's default. Computed per request, so a refusal counts at once.
 */
export async function refusedPupilIds(req: PayloadRequest): Promise<Set<string>> {
  // Cached as an array: Payload copies req.context between operations, and a Set would not survive.
  const ids = await cached(req, 'refusedPupilIds', async () => {
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
    return pupils.docs
      .map((p) => p.id)
      .filter(
        (id) =>
          resolvePupilConsent({ choices: choices.get(id) ?? [], schoolDefault }) === 'refused',
      )
  })
  return new Set(ids)
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
 * The media ids a parent may see (S11, S13, S16): in a post they may read, not hidden, publishable
 * by the tagging rule, and tagging no refused pupil. Resolved to ids so every channel and every
 * file size uses exactly the same answer.
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
    const [media, refused] = await Promise.all([
      req.payload.find({
        collection: 'media',
        ...all,
        req,
        where: {
          and: [{ id: { in: candidateIds } }, notHidden, { publishable: { equals: true } }],
        },
        select: { pupils: true },
      }),
      refusedPupilIds(req),
    ])
    return media.docs
      .filter(
        (m) => !(m.pupils ?? []).some((p) => refused.has(idOf(p as string | { id: string }) ?? '')),
      )
      .map((m) => m.id)
  })
}
