import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../access/lib/users'

/**
 * A message from the school queues the parents' email (`notifications/notify-message-task.ts`),
 * in the same transaction as the message: a save that fails emails nobody. Parents' messages are
 * never mailed straight away: teachers get them bundled after school
 * (`notifications/queue-due-message-bundles.ts`).
 */
export const notifyParticipants: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || doc.status !== 'delivered' || !idOf(doc.authorStaff)) return doc
  await req.payload.jobs.queue({ task: 'notifyMessage', input: { message: doc.id }, req })
  return doc
}
