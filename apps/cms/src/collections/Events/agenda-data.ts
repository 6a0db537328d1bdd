import {
  AGENDA_ITEMS_MAX,
  type Agenda,
  type AgendaAbsence,
  type AgendaVolunteerSlot,
} from '@schoolpost/contracts'
import { overlapsDays } from '@schoolpost/policies'
import type { PayloadRequest, Where } from 'payload'

import { parentChildIds } from '../../access/lib/scope'
import { idOf, idsOf, parentUser } from '../../access/lib/users'
import { audienceItemsRead } from '../../access/volunteer-access'
import type { Event, VolunteerRequest } from '../../payload-types'
import { audienceLabel, joinNames } from '../../lib/join-names'
import { schoolCalendar } from '../Absences/hooks/absence-facts'

/**
 * The parent's calendar from `from` to `to` (issue #15): the published items for the school and
 * their children's groups (the collection's own read rule for this parent, `audienceItemsRead`),
 * the school's closed periods, their own volunteer slots, and with `absences` their children's
 * planned absences. `req.user` is the parent. A handful of queries, each bounded by the days asked
 * and `AGENDA_ITEMS_MAX`, whatever the school's history.
 */
export async function loadAgenda(
  req: PayloadRequest,
  { from, to, absences }: { from: string; to: string; absences: boolean },
): Promise<Agenda> {
  const parent = parentUser(req)
  if (!parent) throw new Error('loadAgenda: the request is not a parent’s')
  const access = await audienceItemsRead({ req } as Parameters<typeof audienceItemsRead>[0])
  if (access === false) throw new Error('loadAgenda: a parent may not read the calendar')
  const inRange: Where = {
    and: [
      { date: { less_than_equal: to } },
      {
        or: [{ date: { greater_than_equal: from } }, { endDate: { greater_than_equal: from } }],
      },
    ],
  }
  const childIds = parentChildIds(req)
  const [calendar, settings, events, signups, planned] = await Promise.all([
    schoolCalendar(req),
    req.payload.findGlobal({
      slug: 'school-settings',
      depth: 0,
      req,
      select: { closedPeriods: true },
    }),
    req.payload.find({
      collection: 'events',
      where: {
        and: [...(access === true ? [] : [access]), { status: { equals: 'published' } }, inRange],
      },
      sort: 'date',
      depth: 0,
      limit: AGENDA_ITEMS_MAX,
      overrideAccess: true,
      req,
    }),
    req.payload.find({
      collection: 'volunteer-signups',
      where: {
        and: [{ parent: { equals: parent.id } }, { status: { in: ['confirmed', 'waitlist'] } }],
      },
      sort: '-createdAt',
      depth: 0,
      limit: AGENDA_ITEMS_MAX,
      overrideAccess: true,
      req,
      select: { request: true, slot: true, status: true, comes: true, updatedAt: true },
    }),
    absences && childIds.length
      ? req.payload.find({
          collection: 'absences',
          where: {
            and: [
              { pupil: { in: childIds } },
              { kind: { equals: 'planned' } },
              { status: { not_equals: 'cancelled' } },
              { date: { greater_than_equal: from } },
              { date: { less_than_equal: to } },
            ],
          },
          sort: 'date',
          depth: 0,
          limit: AGENDA_ITEMS_MAX,
          overrideAccess: true,
          req,
          select: {
            pupil: true,
            date: true,
            fromTime: true,
            toTime: true,
            updatedAt: true,
          },
        })
      : { docs: [] },
  ])

  // The requests of the parent's sign-ups that are still readable for them (published, their groups).
  const requestIds = [
    ...new Set(signups.docs.map((s) => idOf(s.request)).filter((id): id is string => !!id)),
  ]
  const linked = [
    ...new Set(
      (events.docs as Event[])
        .map((e) => idOf(e.volunteerRequest))
        .filter((id): id is string => !!id),
    ),
  ]
  const wanted = [...new Set([...requestIds, ...linked])]
  const groupIds = [...new Set((events.docs as Event[]).flatMap((e) => idsOf(e.groups)))]
  const [requests, groups, pupils] = await Promise.all([
    wanted.length
      ? req.payload.find({
          collection: 'volunteer-requests',
          where: { and: [...(access === true ? [] : [access]), { id: { in: wanted } }] },
          depth: 0,
          limit: wanted.length,
          pagination: false,
          overrideAccess: true,
          req,
          select: { title: true, slots: true, status: true },
        })
      : { docs: [] as VolunteerRequest[] },
    groupIds.length
      ? req.payload.find({
          collection: 'groups',
          where: { id: { in: groupIds } },
          depth: 0,
          limit: groupIds.length,
          pagination: false,
          overrideAccess: true,
          req,
          select: { name: true },
        })
      : { docs: [] as { id: string; name: string }[] },
    childIds.length
      ? req.payload.find({
          collection: 'pupils',
          where: { id: { in: childIds } },
          depth: 0,
          limit: childIds.length,
          pagination: false,
          overrideAccess: true,
          req,
          select: { firstName: true, group: true },
        })
      : { docs: [] as { id: string; firstName: string; group?: unknown }[] },
  ])
  const requestById = new Map((requests.docs as VolunteerRequest[]).map((r) => [r.id, r]))
  const groupName = new Map(groups.docs.map((g) => [g.id, g.name]))
  const firstName = new Map(pupils.docs.map((p) => [p.id, p.firstName]))
  /** "Groep 5a (Noor)": which of the parent's children a group's item is for. */
  const forChildren = (e: Event) => {
    const label = audienceLabel(e.audience, idsOf(e.groups), groupName)
    if (e.audience === 'school') return label
    const groups = new Set(idsOf(e.groups))
    const names = pupils.docs
      .filter((p) => groups.has(idOf(p.group as string | { id: string } | null) ?? ''))
      .map((p) => p.firstName)
      .sort((a, b) => a.localeCompare(b, 'nl'))
    return names.length ? `${label} (${joinNames(names)})` : label
  }

  const volunteering: AgendaVolunteerSlot[] = []
  for (const signup of signups.docs) {
    const request = requestById.get(idOf(signup.request) ?? '')
    const slot = request?.slots?.find((s) => s.id === signup.slot)
    if (!request || !slot || !overlapsDays({ date: slot.date, from, to })) continue
    volunteering.push({
      signup: signup.id,
      request: request.id,
      title: request.title,
      label: slot.label,
      date: slot.date,
      from: slot.from,
      to: slot.to,
      status: signup.status === 'waitlist' ? 'waitlist' : 'confirmed',
      comes: signup.comes ?? '',
      updatedAt: signup.updatedAt,
    })
  }
  volunteering.sort((a, b) => `${a.date} ${a.from}`.localeCompare(`${b.date} ${b.from}`))

  const absenceItems: AgendaAbsence[] = planned.docs.map((a) => ({
    id: a.id,
    childName: firstName.get(idOf(a.pupil) ?? '') ?? '',
    date: a.date,
    from: a.fromTime ?? null,
    to: a.toTime ?? null,
    updatedAt: a.updatedAt,
  }))

  return {
    from,
    to,
    timeZone: calendar.settings.timeZone,
    schoolName: calendar.schoolName,
    events: (events.docs as Event[]).map((e) => ({
      id: e.id,
      title: e.title,
      description: e.description ?? null,
      location: e.location ?? null,
      audienceLabel: forChildren(e),
      date: e.date,
      endDate: e.endDate ?? null,
      allDay: e.allDay !== false,
      from: e.allDay === false ? (e.from ?? null) : null,
      to: e.allDay === false ? (e.to ?? null) : null,
      volunteerRequest: requestById.has(idOf(e.volunteerRequest) ?? '')
        ? idOf(e.volunteerRequest)!
        : null,
      updatedAt: e.updatedAt,
    })),
    closed: (settings.closedPeriods ?? [])
      .filter((p) => p.from && p.to && overlapsDays({ date: p.from, endDate: p.to, from, to }))
      .map((p) => ({ label: p.label, from: p.from, to: p.to })),
    volunteering,
    absences: absenceItems,
  }
}
