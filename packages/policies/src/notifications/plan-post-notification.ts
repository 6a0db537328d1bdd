import { isPostLive, type PostVisibilityFacts } from '../media/can-parent-see-post'

type PostState = Pick<PostVisibilityFacts, 'status' | 'publishAt'>

export type PlanPostNotificationResult =
  | { notify: true; at: Date; reason: 'published' | 'scheduled' | 'notify-again' }
  | {
      notify: false
      reason: 'not-live' | 'already-live' | 'schedule-unchanged'
    }

/**
 * Does saving a post start a notification round, and when should it go out (C1)?
 * - It goes live now (draft → published): notify now.
 * - It is scheduled, newly or for another moment: notify at `publishAt` (a newer round replaces an
 *   older one, so moving the date never sends twice).
 * - Staff ticked "opnieuw melden" on a live post: notify now, once more.
 * Editing a post that was already live notifies nobody; so does publishing by hand a scheduled
 * post whose moment had already passed (its parents were told then).
 */
export function planPostNotification({
  previous,
  next,
  notifyAgain,
  now,
}: {
  /** The post before this save; `null` when it is being created. */
  previous: PostState | null
  next: PostState
  notifyAgain: boolean
  now: Date
}): PlanPostNotificationResult {
  const wasLive = previous !== null && isPostLive({ post: previous, now })
  const isLive = isPostLive({ post: next, now })

  if (next.status === 'scheduled' && !isLive) {
    const at = new Date(next.publishAt ?? Number.NaN)
    if (Number.isNaN(at.getTime())) return { notify: false, reason: 'not-live' }
    const sameSchedule =
      previous?.status === 'scheduled' &&
      previous.publishAt != null &&
      new Date(previous.publishAt).getTime() === at.getTime()
    if (sameSchedule && !wasLive) return { notify: false, reason: 'schedule-unchanged' }
    return { notify: true, at, reason: 'scheduled' }
  }
  if (!isLive) return { notify: false, reason: 'not-live' }
  if (!wasLive) return { notify: true, at: now, reason: 'published' }
  if (notifyAgain) return { notify: true, at: now, reason: 'notify-again' }
  return { notify: false, reason: 'already-live' }
}
