import {
  addCalendarDays,
  checkSchoolDay,
  getSchoolNow,
  toAbsenceSettings,
} from '@schoolpost/policies'
import type { Payload } from 'payload'

import { now } from '../lib/clock'
import type { DemoIds } from './seed-demo-content'
import { demoAbsences, demoClosedPeriods, demoLeave } from './demo-absences'

type Counter = { created: number; existing: number }

/**
 * The school's calendar, and a few weeks of absences and leave as its people made them (history:
 * written with the trusted Local API, with who reported and who saw it as they were). A leave
 * request is made as the parent (the rule applies: it lies ahead) and decided as the director.
 */
export async function seedDemoAbsences(payload: Payload, ids: DemoIds, count: Counter) {
  const seedStarted = new Date().toISOString()
  const stored = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
  if (!stored.closedPeriods?.length) {
    await payload.updateGlobal({
      slug: 'school-settings',
      data: { closedPeriods: demoClosedPeriods },
    })
    count.created++
  } else count.existing++
  const settings = toAbsenceSettings(
    await payload.findGlobal({ slug: 'school-settings', depth: 0 }),
  )
  // School days around today: 0 is today (or the next school day), ±n the n-th one from it.
  const today = getSchoolNow({ now: now(), timeZone: settings.timeZone }).date
  const schoolDay = (n: number): string => {
    let date = today
    while (!checkSchoolDay({ date, settings }).ok) date = addCalendarDays(date, 1)
    for (let step = 0; step < Math.abs(n);) {
      date = addCalendarDays(date, Math.sign(n))
      if (checkSchoolDay({ date, settings }).ok) step++
    }
    return date
  }
  const parentByEmail = async (email: string) =>
    (
      await payload.find({
        collection: 'parents',
        where: { email: { equals: email } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]!

  for (const item of demoAbsences) {
    const pupil = ids.pupils[item.pupil]!
    const found = await payload.count({
      collection: 'absences',
      where: { and: [{ pupil: { equals: pupil } }, { note: { equals: item.note } }] },
    })
    if (found.totalDocs) {
      count.existing++
      continue
    }
    const parent = await parentByEmail(item.parent)
    const doc = await payload.create({
      collection: 'absences',
      data: {
        pupil,
        kind: item.kind,
        date: schoolDay(item.day),
        reason: item.reason,
        fromTime: item.times?.[0],
        toTime: item.times?.[1],
        note: item.note,
        channel: item.phoned ? 'phone' : 'portal',
        reportedBy: item.phoned ? null : parent.id,
        reporterName: item.phoned ? 'Petra Jansen (school)' : parent.name,
        recordedBy: item.phoned ? ids.staff.office : null,
        status: 'reported',
      },
    })
    count.created++
    if (item.then && 'acknowledgedBy' in item.then) {
      await payload.update({
        collection: 'absences',
        id: doc.id,
        data: { status: 'acknowledged', acknowledgedBy: ids.staff[item.then.acknowledgedBy] },
      })
    } else if (item.then) {
      await payload.update({ collection: 'absences', id: doc.id, data: { status: 'cancelled' } })
    }
  }

  const director = {
    ...(await payload.findByID({ collection: 'staff', id: ids.staff.director!, depth: 0 })),
    collection: 'staff' as const,
  }
  for (const item of demoLeave) {
    const pupil = ids.pupils[item.pupil]!
    const found = await payload.count({
      collection: 'leave-requests',
      where: { and: [{ pupil: { equals: pupil } }, { note: { equals: item.note } }] },
    })
    if (found.totalDocs) {
      count.existing++
      continue
    }
    const parent = { ...(await parentByEmail(item.parent)), collection: 'parents' as const }
    const doc = await payload.create({
      collection: 'leave-requests',
      data: {
        pupil,
        from: schoolDay(item.from),
        to: schoolDay(item.to),
        reason: item.reason,
        note: item.note,
      } as never,
      user: parent,
      overrideAccess: false,
    })
    count.created++
    if (item.decision) {
      await payload.update({
        collection: 'leave-requests',
        id: doc.id,
        data: { status: item.decision.status, decisionMessage: item.decision.message },
        user: director,
        overrideAccess: false,
      })
    }
  }
  // The saves queued their confirmations and decision emails; this is history, never sent.
  await payload.delete({
    collection: 'payload-jobs',
    where: { createdAt: { greater_than_equal: seedStarted } },
  })
}
