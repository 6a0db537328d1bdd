import type { CheckMediaPublishableResult } from '@schoolpost/policies'
import type { PayloadRequest, Where } from 'payload'

import { messagesRead } from '../conversations-access'
import { parentGroupIds, teacherGroupIds } from './scope'
import { idsOf, parentUser } from './users'
import type { GroupVisibility, MediaTags } from './visibility-snapshot'
import {
  currentImageRuleFacts,
  mediaPassingRulesNow,
  postsForGroupsWhere,
  ruleFor,
  visibleMediaForGroups,
} from './visibility-snapshot'

/**
 * What a parent may see, decided from the current facts: the posts they may read
 * (`parentPostsWhere`, the CMS side of `canParentSeePost` in the policies) and the media in them
 * (`parentVisibleMediaIds`, the CMS side of `canParentSeeMedia`). The image rule behind it
 * (`mediaRuleNow`, `refusedPupilIds`) is also what publishing, tag labels and reports check, so
 * each question about an image has one answer; `teacherPostsWhere` is the staff counterpart.
 */

/** Pupils whose images may not be shown: any guardian refusing wins, else the school default. */
export async function refusedPupilIds(req: PayloadRequest): Promise<ReadonlySet<string>> {
  return (await currentImageRuleFacts(req)).refusedPupilIds
}

export type { MediaTags }

/**
 * The image rule for one item under the current settings, tags and consents (`checkMediaPublishable`).
 * `withConsent: false` gives the tagging rule alone (what staff can fix by tagging).
 */
export async function mediaRuleNow(
  req: PayloadRequest,
  media: MediaTags,
  { withConsent = true } = {},
): Promise<CheckMediaPublishableResult> {
  return ruleFor(await currentImageRuleFacts(req), media, withConsent)
}

/** Posts a parent may read: published (or scheduled and due), not hidden, for the school or their groups. */
export async function parentPostsWhere(req: PayloadRequest): Promise<Where | null> {
  const groups = await parentGroupIds(req)
  if (groups.length === 0) return null
  return postsForGroupsWhere(groups)
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
 * The media a parent may see (S11, S13, S16): in a post they may read, not hidden, and passing
 * the image rule under the *current* settings, tags and consents (never a flag stored at save
 * time, which would drift when the minimum is raised or a tagged pupil is deleted). Resolved to
 * ids so every channel and every file size uses exactly the same answer; derived once per
 * visibility version and group set (visibility-snapshot.ts), not per request.
 */
export async function parentVisibleMedia(req: PayloadRequest): Promise<GroupVisibility> {
  return visibleMediaForGroups(req, await parentGroupIds(req))
}

export async function parentVisibleMediaIds(req: PayloadRequest): Promise<readonly string[]> {
  return (await parentVisibleMedia(req)).ids
}

/**
 * Messages matching `where` among those the caller may read: the messages' own read access, as a
 * query of ours (a parent's REST queries are limited to a short list of fields, which these
 * internal ones are not).
 */
async function findReadableMessages(req: PayloadRequest, where: Where, limit: number) {
  const access = await messagesRead({ req } as Parameters<typeof messagesRead>[0])
  if (access === false) return { docs: [] }
  return req.payload.find({
    collection: 'messages',
    where: access === true ? where : { and: [access, where] },
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: true,
    req,
    select: { attachments: true },
  })
}

/**
 * Photos attached to conversation messages (S6), the CMS side of `canParentSeeMedia`'s
 * `messages`: those of the messages the caller may read (a parent: the delivered ones) — the messages' own access
 * decides who takes part, computed from who people are now — and for a parent only the photos
 * that pass the image rules now (`mediaPassingRulesNow`, the same answer posts use), so a
 * withdrawn consent or a hidden photo disappears from messages as well. Cached per request.
 */
export async function messagePhotoIds(req: PayloadRequest): Promise<readonly string[]> {
  const cacheKey = `messagePhotoIds:${req.user?.collection}:${req.user?.id}`
  const cached = req.context[cacheKey] as string[] | undefined
  if (cached) return cached
  const parent = !!parentUser(req)
  // Staff also keep seeing the photos of a message they hid (the messages' access decides).
  const where: Where = parent
    ? { and: [{ withPhotos: { equals: true } }, { status: { equals: 'delivered' } }] }
    : { withPhotos: { equals: true } }
  const messages = await findReadableMessages(req, where, 0)
  let ids = [...new Set(messages.docs.flatMap((m) => idsOf(m.attachments)))]
  if (parent) {
    const ok = await mediaPassingRulesNow(req)
    ids = ids.filter((id) => ok.has(id))
  }
  req.context[cacheKey] = ids
  return ids
}

/**
 * One file asked for by a parent: is it a photo of a delivered message they may read, passing the
 * image rules now? One indexed query, whatever the school's history holds.
 */
export async function parentSeesMessagePhoto(
  req: PayloadRequest,
  mediaId: string,
): Promise<boolean> {
  if (!parentUser(req) || !(await mediaPassingRulesNow(req)).has(mediaId)) return false
  const found = await findReadableMessages(
    req,
    {
      and: [
        { withPhotos: { equals: true } },
        { status: { equals: 'delivered' } },
        { attachments: { in: [mediaId] } },
      ],
    },
    1,
  )
  return found.docs.length > 0
}
