import { addCalendarDays, getInstantAt } from '@schoolpost/policies'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { signUpEndpoint } from '../collections/VolunteerSignups/endpoints/sign-up'
import type { DemoIds } from './seed-demo-content'
import { demoEvents, demoVolunteerRequests } from './demo-volunteering'

type Counter = { created: number; existing: number }
const DAY = 24 * 60 * 60 * 1000
const TIME_ZONE = 'Europe/Amsterdam'

/** The school-time date `days` from now, moved on to a Monday–Friday. */
function weekdayIn(days: number): string {
  const date = new Date(Date.now() + days * DAY)
  while ([0, 6].includes(date.getUTCDay())) date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/**
 * The demo volunteer requests, made by their staff under their own access, and the sign-ups in
 * the order the story tells, through the sign-up endpoint (places, waitlist). Found again by
 * title on a later start.
 */
export async function seedDemoVolunteering(payload: Payload, ids: DemoIds, count: Counter) {
  const staff = async (key: string) => ({
    ...(await payload.findByID({ collection: 'staff', id: ids.staff[key]!, depth: 0 })),
    collection: 'staff' as const,
  })
  for (const item of demoVolunteerRequests) {
    const existing = await payload.count({
      collection: 'volunteer-requests',
      where: { title: { equals: item.title } },
    })
    if (existing.totalDocs) {
      count.existing++
      continue
    }
    const date = weekdayIn(item.inDays)
    const request = await payload.create({
      collection: 'volunteer-requests',
      data: {
        title: item.title,
        description: item.description,
        audience: item.groups ? 'groups' : 'school',
        groups: (item.groups ?? []).map((name) => ids.groups[name]!),
        slots: item.slots.map((slot) => ({ ...slot, date })),
        opensAt:
          item.opensInDays === undefined
            ? null
            : getInstantAt({
                date: weekdayIn(item.opensInDays),
                time: '20:00',
                timeZone: TIME_ZONE,
              }).toISOString(),
        closesAt: getInstantAt({ date, time: '08:00', timeZone: TIME_ZONE }).toISOString(),
        waitlist: true,
        status: 'published',
      },
      user: await staff(item.by),
      overrideAccess: false,
      depth: 0,
    })
    count.created++
    for (const signup of item.signups ?? []) {
      const found = await payload.find({
        collection: 'parents',
        where: { email: { equals: signup.by } },
        limit: 1,
        depth: 0,
      })
      const req = await createLocalReq(
        {
          user: { ...found.docs[0]!, collection: 'parents' },
          req: {
            routeParams: { id: request.id },
            json: async () => ({ slot: request.slots[signup.slot]!.id, comes: signup.comes }),
          } as Partial<PayloadRequest>,
        },
        payload,
      )
      const res = await signUpEndpoint.handler(req)
      if (res.status !== 201) {
        throw new Error(`Demo seed: sign-up refused (${res.status}): ${await res.text()}`)
      }
      count.created++
    }
  }
}

/**
 * The demo calendar items, made by their staff under their own access (whose calendar they may
 * fill is the collection's rule), linked to the demo requests by title. Found again by title.
 */
export async function seedDemoEvents(payload: Payload, ids: DemoIds, count: Counter) {
  for (const item of demoEvents) {
    const existing = await payload.count({
      collection: 'events',
      where: { title: { equals: item.title } },
    })
    if (existing.totalDocs) {
      count.existing++
      continue
    }
    const request = item.volunteerRequest
      ? (
          await payload.find({
            collection: 'volunteer-requests',
            where: { title: { equals: item.volunteerRequest } },
            limit: 1,
            depth: 0,
          })
        ).docs[0]
      : undefined
    // A linked item falls on its request's day.
    const date = request?.slots?.[0]?.date ?? weekdayIn(item.inDays)
    const end = item.days ? addCalendarDays(date, item.days - 1) : null
    await payload.create({
      collection: 'events',
      data: {
        title: item.title,
        description: item.description,
        location: item.location,
        audience: item.groups ? 'groups' : 'school',
        groups: (item.groups ?? []).map((name) => ids.groups[name]!),
        allDay: !item.time,
        date,
        endDate: end,
        from: item.time?.from,
        to: item.time?.to,
        volunteerRequest: request?.id,
        status: 'published',
      },
      user: {
        ...(await payload.findByID({ collection: 'staff', id: ids.staff[item.by]!, depth: 0 })),
        collection: 'staff' as const,
      },
      overrideAccess: false,
      depth: 0,
    })
    count.created++
  }
}
