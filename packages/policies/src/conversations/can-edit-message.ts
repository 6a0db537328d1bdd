/** How long a parent may still correct a delivered message (S6: "within 5 minutes"). */
export const MESSAGE_EDIT_WINDOW_MS = 5 * 60 * 1000

export type MessageStatus = 'delivered' | 'held' | 'hidden'

export type CanEditMessageResult =
  { ok: true; until: Date | null } | { ok: false; reason: 'hidden' | 'too-late-to-edit' }

/**
 * Whether the writer may still change their own message: a delivered one within five minutes of
 * sending (`until` says when that ends), a held one (the conduct check stopped it) until it is
 * rephrased so it passes (`until: null`), a hidden one never (the school hid it).
 */
export function canEditMessage({
  status,
  sentAt,
  now,
}: {
  status: MessageStatus
  sentAt: Date
  now: Date
}): CanEditMessageResult {
  if (status === 'hidden') return { ok: false, reason: 'hidden' }
  if (status === 'held') return { ok: true, until: null }
  const until = new Date(sentAt.getTime() + MESSAGE_EDIT_WINDOW_MS)
  return now.getTime() <= until.getTime()
    ? { ok: true, until }
    : { ok: false, reason: 'too-late-to-edit' }
}
