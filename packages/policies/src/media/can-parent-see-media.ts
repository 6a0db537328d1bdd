// Enforced in the CMS by apps/cms/src/access/lib/parent-visibility.ts (media `read` access);
// apps/cms/tests/int/visibility-property.int.spec.ts keeps the two equal on random schools.
import { canParentSeePost } from './can-parent-see-post'
import type { PostVisibilityFacts } from './can-parent-see-post'
import { checkMediaPublishable } from './check-media-publishable'
import type { MediaTagging } from './check-media-publishable'
import type { MessageStatus } from '../conversations/can-edit-message'

/** What the visibility rule needs to know about an image or video. */
export type MediaVisibilityFacts = MediaTagging & {
  /** Hidden by staff, e.g. after a report (S15). */
  hidden: boolean
}

/** A conversation message a photo is attached to (S6: staff attach photos to messages). */
export type AttachingMessageFacts = {
  status: MessageStatus
  /** The parent takes part in its conversation now (computed from who people are, never stored). */
  parentTakesPart: boolean
}

/**
 * May this parent see this image or video, in any size (S6, S11, S13, S15, S16)? Visible iff
 * - not hidden by staff, and
 * - at least one post containing it is visible to the parent (`canParentSeePost`), or it is
 *   attached to a delivered message of a conversation the parent takes part in: media belong to
 *   the groups of the posts and the people of the conversations they are in, and media in
 *   neither are never visible, and
 * - it passes the tagging rule (`checkMediaPublishable`): no tagged pupil is refused, it is not a
 *   portrait, and it is tagged or explicitly marked "no recognisable pupils".
 *
 * Consent is checked here, at read time, so a refusal hides every existing image of the pupil at
 * once; staff access is decided elsewhere.
 */
export function canParentSeeMedia({
  media,
  posts,
  messages = [],
  parentGroupIds,
  refusedPupilIds,
  minPupilsPerPhoto,
  now,
}: {
  media: MediaVisibilityFacts
  /** The posts the item is in. */
  posts: readonly PostVisibilityFacts[]
  /** The conversation messages it is attached to (a held or hidden one shows nothing). */
  messages?: readonly AttachingMessageFacts[]
  parentGroupIds: readonly string[]
  /** Pupils whose consent resolves to `refused` (see `resolvePupilConsent`). */
  refusedPupilIds: Iterable<string>
  /** The school's setting (default setting: `DEFAULT_MIN_PUPILS_PER_PHOTO`). */
  minPupilsPerPhoto: number
  now: Date
}): boolean {
  if (media.hidden) return false
  const inPost = posts.some((post) => canParentSeePost({ post, parentGroupIds, now }))
  const inMessage = messages.some((m) => m.status === 'delivered' && m.parentTakesPart)
  if (!inPost && !inMessage) return false
  return checkMediaPublishable({
    taggedPupilIds: media.taggedPupilIds,
    noRecognisablePupils: media.noRecognisablePupils,
    minPupilsPerPhoto,
    refusedPupilIds,
  }).ok
}
