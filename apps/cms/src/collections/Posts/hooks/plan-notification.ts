import { planPostNotification } from '@schoolpost/policies'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

const CONTEXT_KEY = 'plannedNotification'
type Planned = { round: number; at: string }

/**
 * Decides at save time whether this save starts a notification round (policies: going live,
 * scheduled for a new moment, or "opnieuw melden" on a live post). A new round number makes
 * every older planned round void, so a rescheduled post is announced once, at its new moment.
 */
export const planNotification: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const next = { ...originalDoc, ...data }
  const plan = planPostNotification({
    previous: originalDoc ? { status: originalDoc.status, publishAt: originalDoc.publishAt } : null,
    next: { status: next.status, publishAt: next.publishAt },
    notifyAgain: !!data.notifyAgain,
    now: new Date(),
  })
  // The checkbox is an action, not a state: it never stays ticked.
  const result = { ...data, notifyAgain: false }
  if (!plan.notify) return result
  const round = (Number(originalDoc?.notifyRound) || 0) + 1
  req.context[CONTEXT_KEY] = { round, at: plan.at.toISOString() } satisfies Planned
  return { ...result, notifyRound: round }
}

/**
 * Queues the fan-out in the same transaction as the save — publishing never waits for email, and
 * a save that fails queues nothing. A scheduled post's fan-out waits until its moment.
 */
export const queueNotification: CollectionAfterChangeHook = async ({ doc, req }) => {
  const planned = req.context[CONTEXT_KEY] as Planned | undefined
  if (!planned) return doc
  delete req.context[CONTEXT_KEY]
  const at = new Date(planned.at)
  await req.payload.jobs.queue({
    task: 'notifyPost',
    input: { post: doc.id, round: planned.round },
    waitUntil: at.getTime() > Date.now() ? at : undefined,
    req,
  })
  return doc
}
