import { DEFAULT_DIGEST_TIME, getDigestWindow } from '@schoolpost/policies'
import type { Payload } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { idOf } from '../access/lib/users'
import { BATCH_LIMIT } from '../email/deliver-batch'

/**
 * The daily digest (C1): once the school's digest time has passed, everything that was waiting
 * for it (arrived before that moment) is handed to batch jobs, one email per parent, at most 100
 * parents per job. Called every few seconds by the outbox runner; when nothing is waiting it does
 * nothing, so "only when there is something new" and "once a day" both follow from the rows.
 */
export async function queueDueDigests({
  payload,
  now = new Date(),
}: {
  payload: Payload
  now?: Date
}): Promise<{ date: string; parents: number; jobs: number }> {
  const settings = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
  const { date, dueAt } = getDigestWindow({
    now,
    digestTime: settings.digestTime ?? DEFAULT_DIGEST_TIME,
    timeZone: settings.timeZone,
  })
  const waiting = await payload.find({
    collection: 'post-notifications',
    where: {
      and: [
        { status: { equals: 'waiting-digest' } },
        { createdAt: { less_than: dueAt.toISOString() } },
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { parent: true },
  })
  if (waiting.docs.length === 0) return { date, parents: 0, jobs: 0 }

  const byParent = new Map<string, string[]>()
  for (const row of waiting.docs) {
    const parent = idOf(row.parent)!
    byParent.set(parent, [...(byParent.get(parent) ?? []), row.id])
  }
  const parents = [...byParent.values()]
  const req = await createLocalReq({}, payload)
  const shouldCommit = await initTransaction(req)
  try {
    await payload.db.updateMany({
      collection: 'post-notifications',
      where: { id: { in: waiting.docs.map((r) => r.id) } },
      data: { status: 'queued', digestDate: date, updatedAt: new Date().toISOString() },
      req,
      returning: false,
    })
    let jobs = 0
    for (let i = 0; i < parents.length; i += BATCH_LIMIT) {
      await payload.jobs.queue({
        task: 'sendNotificationBatch',
        input: { notifications: parents.slice(i, i + BATCH_LIMIT).flat(), digestDate: date },
        req,
      })
      jobs++
    }
    if (shouldCommit) await commitTransaction(req)
    return { date, parents: parents.length, jobs }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
