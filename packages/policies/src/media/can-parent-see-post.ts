/** What the visibility rule needs to know about a post (school news or a group post). */
export type PostVisibilityFacts = {
  status: 'draft' | 'scheduled' | 'published'
  /** When a scheduled post goes live; ignored for other statuses. */
  publishAt?: string | Date | null
  /** `school`: every parent of the school (S1); `groups`: parents of the listed groups (S3). */
  audience: 'school' | 'groups'
  groupIds: readonly string[]
  /** Hidden by staff, e.g. after a report (S15). */
  hidden: boolean
}

/**
 * May this parent read this post (S1, S3, S11, S15)? Visible iff
 * - not hidden by staff, and
 * - live: `published`, or `scheduled` with `publishAt` at or before `now` (a scheduled post without
 *   a valid `publishAt` stays invisible), and
 * - meant for the parent: school-wide, or shared with at least one of the parent's groups.
 *
 * `parentGroupIds` are derived from the parent's children (S2). A parent with no groups sees
 * nothing at all, not even school-wide news: without a child at the school they are not part of
 * the school community.
 */
export function canParentSeePost({
  post,
  parentGroupIds,
  now,
}: {
  post: PostVisibilityFacts
  parentGroupIds: readonly string[]
  now: Date
}): boolean {
  if (parentGroupIds.length === 0) return false
  if (post.hidden) return false
  if (!isPostLive({ post, now })) return false
  if (post.audience === 'school') return true
  return post.groupIds.some((groupId) => parentGroupIds.includes(groupId))
}

/** Is the post live at `now`: published, or scheduled with `publishAt` at or before `now`? */
export function isPostLive({
  post,
  now,
}: {
  post: Pick<PostVisibilityFacts, 'status' | 'publishAt'>
  now: Date
}): boolean {
  if (post.status === 'published') return true
  if (post.status !== 'scheduled' || post.publishAt == null) return false
  // An unparseable date gives NaN, and NaN <= x is false: the post stays invisible.
  return new Date(post.publishAt).getTime() <= now.getTime()
}
