import type { CheckMediaPublishableResult } from '@schoolpost/policies'
import type { PayloadRequest, Where } from 'payload'

import { parentGroupIds, teacherGroupIds } from './scope'
import type { GroupVisibility, MediaTags } from './visibility-snapshot'
import {
  currentImageRuleFacts,
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
