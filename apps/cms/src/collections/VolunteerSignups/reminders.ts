import { getReminderDay } from '@schoolpost/policies'
import type { Payload } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { idOf } from '../../access/lib/users'
import { SPENT_TOKEN_KEEP_MS, spendOnce } from '../../db/shared-state'
import type { OutgoingEmail } from '../../email/deliver-email'
import { queueEmail } from '../../email/queue-email'
import { volunteerReminderEmail } from '../../email/templates/volunteer-emails'
import { now as schoolNow } from '../../lib/clock'
import { env } from '../../lib/env'
import type { VolunteerRequest } from '../../payload-types'
import { dutchDay, schoolCalendar } from '../Absences/hooks/absence-facts'

/** Requests (of one day) and sign-ups read per page: a round's memory does not grow with a busy day. */
export const REMINDER_PAGE_SIZE = 100

export const reminderKey = (signupId: string, day: string) =>
  `volunteer-reminder:${signupId}:${day}`

/**
 * Per process, the sign-ups of the current reminder day that are dealt with (reminded here or by
 * another process): later rounds skip them without a write. Forgotten when the day moves on, so it
 * holds at most one day's sign-ups.
 */
const handled = new WeakMap<Payload, { day: string; signups: Set<string> }>()

type Slot = NonNullable<VolunteerRequest['slots']>[number]

/**
 * The reminder the afternoon before (S4): from 16:00 school time (`getReminderDay`), every parent
 * with a confirmed sign-up for a slot of tomorrow in a published request gets one email through
 * the outbox. Called every few seconds by the outbox runner, like the daily digest; a parent who
 * signs up (or is promoted from the waitlist) later that evening is reminded in the next round.
 * Each sign-up's reminder is spent once (`spendOnce`, in the same transaction as its email), so
 * another round, a retry or a second process never sends it twice. Only the day's requests are
 * read, a page at a time: the work does not grow with the school's history.
 */
export async function sendVolunteerReminders({
  payload,
  now = schoolNow(),
}: {
  payload: Payload
  now?: Date
}): Promise<{ day: string | null; queued: number }> {
  const req = await createLocalReq({}, payload)
  const calendar = await schoolCalendar(req)
  const day = getReminderDay({ now, timeZone: calendar.settings.timeZone })
  if (!day) return { day: null, queued: 0 }
  let memo = handled.get(payload)
  if (memo?.day !== day) {
    memo = { day, signups: new Set() }
    handled.set(payload, memo)
  }

  let queued = 0
  for (let page = 1; ; page++) {
    const requests = await payload.find({
      collection: 'volunteer-requests',
      where: { and: [{ status: { equals: 'published' } }, { 'slots.date': { equals: day } }] },
      sort: 'createdAt',
      depth: 0,
      limit: REMINDER_PAGE_SIZE,
      page,
      overrideAccess: true,
      select: { title: true, slots: true },
    })
    queued += await remindSignupsOf(payload, {
      requests: requests.docs as Pick<VolunteerRequest, 'id' | 'title' | 'slots'>[],
      day,
      done: memo.signups,
      calendar,
    })
    if (!requests.hasNextPage) break
  }
  return { day, queued }
}

/** The confirmed sign-ups of one page of requests for their slots on `day`: one email each. */
async function remindSignupsOf(
  payload: Payload,
  {
    requests,
    day,
    done,
    calendar,
  }: {
    requests: Pick<VolunteerRequest, 'id' | 'title' | 'slots'>[]
    day: string
    done: Set<string>
    calendar: { schoolName: string; phone: string }
  },
): Promise<number> {
  const slotsOfDay = new Map<string, { request: (typeof requests)[number]; slot: Slot }>()
  for (const request of requests) {
    for (const slot of request.slots ?? []) {
      if (slot.id && slot.date === day) slotsOfDay.set(slot.id, { request, slot })
    }
  }
  if (slotsOfDay.size === 0) return 0

  let queued = 0
  for (let page = 1; ; page++) {
    const signups = await payload.find({
      collection: 'volunteer-signups',
      where: {
        and: [
          { request: { in: requests.map((r) => r.id) } },
          { slot: { in: [...slotsOfDay.keys()] } },
          { status: { equals: 'confirmed' } },
        ],
      },
      sort: 'createdAt',
      depth: 0,
      limit: REMINDER_PAGE_SIZE,
      page,
      overrideAccess: true,
      select: { slot: true, parent: true, comes: true },
    })
    const fresh = signups.docs.filter((s) => !done.has(s.id) && slotsOfDay.has(s.slot))
    if (fresh.length > 0) {
      const parents = await payload.find({
        collection: 'parents',
        where: { id: { in: [...new Set(fresh.map((s) => idOf(s.parent)!))] } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        select: { name: true, email: true, status: true },
      })
      const parentOf = new Map(parents.docs.map((p) => [p.id, p]))

      // Rendered before the transaction: it only holds the writes.
      const mails: { signupId: string; email: OutgoingEmail }[] = []
      for (const signup of fresh) {
        const parent = parentOf.get(idOf(signup.parent)!)
        if (!parent || parent.status === 'deactivated') {
          done.add(signup.id)
          continue
        }
        const { request, slot } = slotsOfDay.get(signup.slot)!
        const mail = await volunteerReminderEmail({
          schoolName: calendar.schoolName,
          title: request.title,
          slot: `${slot.label}, ${dutchDay(slot.date)} ${slot.from}–${slot.to}`,
          comes: signup.comes || parent.name,
          phone: calendar.phone || undefined,
          link: `${env.portalUrl}/hulpvragen#hulpvraag-${encodeURIComponent(request.id)}`,
        })
        const key = reminderKey(signup.id, day)
        mails.push({
          signupId: signup.id,
          email: { to: parent.email, ...mail, kind: 'volunteer-reminder', idempotencyKey: key },
        })
      }
      queued += await spendAndQueue(payload, mails)
      for (const { signupId } of mails) done.add(signupId)
    }
    if (!signups.hasNextPage) break
  }
  return queued
}

/** Spends each reminder's key and queues its email, all in one transaction: never one twice. */
async function spendAndQueue(
  payload: Payload,
  mails: { signupId: string; email: OutgoingEmail }[],
): Promise<number> {
  if (mails.length === 0) return 0
  const req = await createLocalReq({}, payload)
  const shouldCommit = await initTransaction(req)
  try {
    let queued = 0
    for (const { email } of mails) {
      const first = await spendOnce(payload, {
        id: email.idempotencyKey,
        expire: Date.now() + SPENT_TOKEN_KEEP_MS,
        scope: { req },
      })
      if (!first) continue
      await queueEmail({ payload, email, req })
      queued++
    }
    if (shouldCommit) await commitTransaction(req)
    return queued
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
