import { checkMediaPublishable, resolvePupilConsent } from '@schoolpost/policies'
import type { Payload, PayloadRequest, Where } from 'payload'

import { idOf, idsOf } from './users'
import { readVisibilityVersion } from './visibility-version'

/**
 * What parents may see, derived once per visibility version instead of once per request (issue
 * #11): the image-rule facts (settings, pupils, consents), the media that pass the image rule, and
 * per set of groups the media in the posts those parents may read. Kept per Payload instance and
 * per token (access/lib/visibility-version.ts); a request first reads the token from the database,
 * so a change made by any process counts at the very next request. A scheduled post that becomes
 * due changes visibility without a write: the snapshot ends at the next due time.
 */

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

/** `not_equals: true` would drop rows where the flag is NULL (SQL), so spell out "not set". */
export const notHidden = (): Where => ({
  or: [{ hidden: { equals: false } }, { hidden: { exists: false } }],
})

export type ImageRuleFacts = {
  minPupilsPerPhoto: number
  /** Every pupil that exists now: a tag of a deleted pupil no longer counts (on any adapter). */
  pupilIds: ReadonlySet<string>
  /** Pupils whose images may not be shown (S16). */
  refusedPupilIds: ReadonlySet<string>
}

export type GroupVisibility = {
  /** The media parents of these groups may see. */
  ids: readonly string[]
  set: ReadonlySet<string>
  /**
   * The posts they may read, in timeline order (pinned first, then newest: the REST API's
   * `-pinned,-publishedAt`), so a timeline page is a slice instead of a query over every post.
   */
  postIds: readonly string[]
  /** Per post: school news, or the groups it is for (to filter on one child's group). */
  audiences: ReadonlyMap<string, { school: boolean; groups: readonly string[] }>
  /** `postIds` filtered on school news and one group, filled on first use. */
  byFilter: Map<string, readonly string[]>
}

type Snapshot = {
  token: string
  /** When a scheduled post becomes due (ms since the epoch), or Infinity. */
  expiresAt: number
  facts: Promise<ImageRuleFacts>
  /** Media ids that are not hidden and pass the image rule now, school-wide. */
  mediaOk?: Promise<ReadonlySet<string>>
  /** Per sorted group-id list: the visible media of the posts for those groups. */
  byGroups: Map<string, Promise<GroupVisibility>>
}

/** Distinct group sets kept per snapshot; a school has a few dozen (children's group combinations). */
const MAX_GROUP_SETS = 512

const snapshots = new WeakMap<Payload, Snapshot>()
/** Computations in flight per instance and token, so concurrent first requests share one. */
const pending = new WeakMap<Payload, Map<string, Promise<Snapshot>>>()

export type MediaTags = { pupils?: unknown; noRecognisablePupils?: boolean | null }

export function ruleFor(facts: ImageRuleFacts, media: MediaTags, withConsent: boolean) {
  return checkMediaPublishable({
    taggedPupilIds: idsOf(media.pupils).filter((id) => facts.pupilIds.has(id)),
    noRecognisablePupils: !!media.noRecognisablePupils,
    minPupilsPerPhoto: facts.minPupilsPerPhoto,
    refusedPupilIds: withConsent ? [...facts.refusedPupilIds] : [],
  })
}

async function loadFacts(req: PayloadRequest): Promise<ImageRuleFacts> {
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
    const list = choices.get(pupil) ?? []
    list.push({ guardianId: guardian, allowed: !!c.allowed })
    choices.set(pupil, list)
  }
  const schoolDefault = settings.defaultImageConsent ?? 'allowed'
  const pupilIds = pupils.docs.map((p) => p.id)
  return {
    minPupilsPerPhoto: settings.minPupilsPerPhoto,
    pupilIds: new Set(pupilIds),
    refusedPupilIds: new Set(
      pupilIds.filter(
        (id) =>
          resolvePupilConsent({ choices: choices.get(id) ?? [], schoolDefault }) === 'refused',
      ),
    ),
  }
}

/** The earliest publishAt of a scheduled post still in the future (ms), or Infinity. */
export async function nextDueTime(
  payload: PayloadRequest['payload'],
  now: number,
  req?: PayloadRequest,
): Promise<number> {
  // Straight to the adapter: asked for every snapshot and every portal version check.
  const next = await payload.db.find<{ publishAt?: string | null }>({
    collection: 'posts',
    limit: 1,
    pagination: false,
    where: {
      and: [
        { status: { equals: 'scheduled' } },
        { publishAt: { greater_than: new Date(now).toISOString() } },
      ],
    },
    sort: 'publishAt',
    select: { publishAt: true },
    ...(req ? { req } : {}),
  })
  const at = next.docs[0]?.publishAt ? Date.parse(next.docs[0].publishAt) : Number.NaN
  return Number.isFinite(at) ? at : Number.POSITIVE_INFINITY
}

function settle<T>(promise: Promise<T>, onFail: () => void): Promise<T> {
  promise.catch(onFail)
  return promise
}

/** The snapshot for the token this request reads (computed once per token and due time). */
async function snapshotFor(req: PayloadRequest): Promise<Snapshot> {
  const token = await readVisibilityVersion(req)
  const now = Date.now()
  const current = snapshots.get(req.payload)
  if (current && current.token === token && now < current.expiresAt) return current
  let inFlight = pending.get(req.payload)
  if (!inFlight) pending.set(req.payload, (inFlight = new Map()))
  const existing = inFlight.get(token)
  if (existing) {
    const snapshot = await existing
    if (now < snapshot.expiresAt) return snapshot
  }
  const computing = (async (): Promise<Snapshot> => {
    const expiresAt = await nextDueTime(req.payload, now, req)
    const snapshot: Snapshot = {
      token,
      expiresAt,
      facts: settle(loadFacts(req), () => {
        if (snapshots.get(req.payload) === snapshot) snapshots.delete(req.payload)
      }),
      byGroups: new Map(),
    }
    snapshots.set(req.payload, snapshot)
    return snapshot
  })()
  inFlight.set(token, computing)
  try {
    return await computing
  } finally {
    if (inFlight.get(token) === computing) inFlight.delete(token)
  }
}

/** The image-rule facts under the current version. */
export async function currentImageRuleFacts(req: PayloadRequest): Promise<ImageRuleFacts> {
  return (await snapshotFor(req)).facts
}

async function loadMediaOk(req: PayloadRequest, facts: ImageRuleFacts): Promise<Set<string>> {
  const media = await req.payload.find({
    collection: 'media',
    ...all,
    req,
    where: notHidden(),
    select: { pupils: true, noRecognisablePupils: true },
  })
  const ok = new Set<string>()
  for (const m of media.docs) if (ruleFor(facts, m, true).ok) ok.add(m.id)
  return ok
}

/** The posts a parent of these groups may read, as of `now`. */
export function postsForGroupsWhere(groups: readonly string[], now = new Date()): Where {
  return {
    and: [
      notHidden(),
      {
        or: [
          { status: { equals: 'published' } },
          {
            and: [
              { status: { equals: 'scheduled' } },
              { publishAt: { less_than_equal: now.toISOString() } },
            ],
          },
        ],
      },
      { or: [{ audience: { equals: 'school' } }, { groups: { in: [...groups] } }] },
    ],
  }
}

async function loadGroupVisibility(
  req: PayloadRequest,
  groups: readonly string[],
  mediaOk: ReadonlySet<string>,
): Promise<GroupVisibility> {
  // Without the parent's req: the posts' afterRead hook trims galleries for parents, which must
  // not apply to this internal lookup.
  const posts = await req.payload.find({
    collection: 'posts',
    ...all,
    where: postsForGroupsWhere(groups),
    sort: ['-pinned', '-publishedAt'],
    select: { gallery: true, audience: true, groups: true },
  })
  const set = new Set<string>()
  const audiences = new Map<string, { school: boolean; groups: string[] }>()
  for (const p of posts.docs) {
    audiences.set(p.id, {
      school: p.audience === 'school',
      groups: idsOf(p.groups),
    })
    for (const id of idsOf(p.gallery)) if (mediaOk.has(id)) set.add(id)
  }
  return {
    ids: [...set],
    set,
    postIds: posts.docs.map((p) => p.id),
    audiences,
    byFilter: new Map(),
  }
}

/** The posts of `visible` that are school news or for `groupId`, in timeline order. */
export function postIdsForGroup(visible: GroupVisibility, groupId: string): readonly string[] {
  let ids = visible.byFilter.get(groupId)
  if (!ids) {
    ids = visible.postIds.filter((id) => {
      const audience = visible.audiences.get(id)
      return !!audience && (audience.school || audience.groups.includes(groupId))
    })
    visible.byFilter.set(groupId, ids)
  }
  return ids
}

async function mediaOkOf(req: PayloadRequest, snapshot: Snapshot): Promise<ReadonlySet<string>> {
  const facts = await snapshot.facts
  snapshot.mediaOk ??= settle(loadMediaOk(req, facts), () => {
    snapshot.mediaOk = undefined
  })
  return snapshot.mediaOk
}

/** The media that are not hidden and pass the image rule now, school-wide (any group). */
export async function mediaPassingRulesNow(req: PayloadRequest): Promise<ReadonlySet<string>> {
  return mediaOkOf(req, await snapshotFor(req))
}

/** The media visible to parents of `groups` (sorted or not) under the current version. */
export async function visibleMediaForGroups(
  req: PayloadRequest,
  groups: readonly string[],
): Promise<GroupVisibility> {
  if (groups.length === 0) {
    return { ids: [], set: new Set(), postIds: [], audiences: new Map(), byFilter: new Map() }
  }
  const snapshot = await snapshotFor(req)
  const mediaOk = await mediaOkOf(req, snapshot)
  const key = [...groups].sort().join(',')
  let entry = snapshot.byGroups.get(key)
  if (!entry) {
    if (snapshot.byGroups.size >= MAX_GROUP_SETS) snapshot.byGroups.clear()
    entry = settle(loadGroupVisibility(req, groups, mediaOk), () => {
      if (snapshot.byGroups.get(key) === entry) snapshot.byGroups.delete(key)
    })
    snapshot.byGroups.set(key, entry)
  }
  return entry
}
