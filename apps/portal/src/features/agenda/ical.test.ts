import type { Agenda } from '@schoolpost/contracts'
import ICAL from 'ical.js'
import { describe, expect, it, vi } from 'vitest'

import { buildCalendarFeed, buildHouseRulesReminderFeed, calendarFeedResponse } from './ical'

const PORTAL = 'https://ouders.school.test'
const NOW = new Date('2027-03-01T09:00:00Z')
const SECRET = 'A'.repeat(40) + '_-9'

const data: Agenda = {
  from: '2027-01-29',
  to: '2028-03-01',
  timeZone: 'Europe/Amsterdam',
  schoolName: 'De Regenboog',
  events: [
    {
      // Saturday before the clocks go forward (CET, UTC+1).
      id: 'e1',
      title: 'Open dag',
      description: 'Kom kijken; neem opa en oma mee.',
      location: 'Aula',
      audienceLabel: 'Alle ouders',
      date: '2027-03-27',
      endDate: null,
      allDay: false,
      from: '10:00',
      to: '12:00',
      volunteerRequest: null,
      updatedAt: '2027-02-01T08:00:00.000Z',
    },
    {
      // Monday after (CEST, UTC+2).
      id: 'e2',
      title: 'Schoolreis',
      description: null,
      location: null,
      audienceLabel: 'Groep 5a',
      date: '2027-03-29',
      endDate: null,
      allDay: false,
      from: '10:00',
      to: '15:30',
      volunteerRequest: 'r9',
      updatedAt: '2027-02-02T08:00:00.000Z',
    },
    {
      id: 'e3',
      title: 'Projectweek',
      description: null,
      location: null,
      audienceLabel: 'Groep 3 en Groep 4',
      date: '2027-03-15',
      endDate: '2027-03-19',
      allDay: true,
      from: null,
      to: null,
      volunteerRequest: null,
      updatedAt: '2027-02-03T08:00:00.000Z',
    },
    {
      id: 'e4',
      title: 'Studiedag',
      description: null,
      location: null,
      audienceLabel: 'Alle ouders',
      date: '2027-03-23',
      endDate: null,
      allDay: true,
      from: null,
      to: null,
      volunteerRequest: null,
      updatedAt: '2027-02-04T08:00:00.000Z',
    },
  ],
  closed: [{ label: 'Kerstvakantie', from: '2027-12-18', to: '2028-01-02' }],
  volunteering: [
    {
      signup: 's1',
      request: 'r1',
      title: 'Museumbezoek',
      label: 'Begeleiden',
      date: '2027-03-09',
      from: '08:30',
      to: '12:00',
      status: 'confirmed',
      comes: 'Opa Kees',
      updatedAt: '2027-02-05T08:00:00.000Z',
    },
    {
      signup: 's2',
      request: 'r2',
      title: 'Voorjaarsmarkt',
      label: 'Kraam',
      date: '2027-04-02',
      from: '13:00',
      to: '15:00',
      status: 'waitlist',
      comes: '',
      updatedAt: '2027-02-06T08:00:00.000Z',
    },
  ],
  absences: [
    {
      id: 'a1',
      childName: 'Sam',
      date: '2027-03-11',
      from: '10:00',
      to: '11:00',
      updatedAt: '2027-02-07T08:00:00.000Z',
    },
    {
      id: 'a2',
      childName: 'Noor',
      date: '2027-03-12',
      from: null,
      to: null,
      updatedAt: '2027-02-08T08:00:00.000Z',
    },
  ],
}

/** The feed as a third party reads it: Mozilla's ical.js (Thunderbird's parser). */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent)
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: event.startDate,
      end: event.endDate,
      url: vevent.getFirstPropertyValue('url'),
      sequence: vevent.getFirstPropertyValue('sequence'),
      lastModified: vevent.getFirstPropertyValue('last-modified'),
      transparent: vevent.getFirstPropertyValue('transp') === 'TRANSPARENT',
    }
  })
  const byUid = (uid: string) => {
    const found = events.find((e) => e.uid === uid)
    if (!found) throw new Error(`no event ${uid}`)
    return found
  }
  return { calendar, events, byUid }
}

describe('buildCalendarFeed', () => {
  const feed = parse(buildCalendarFeed({ data, portalUrl: PORTAL, now: NOW }))

  it('is one calendar named after the school, with every item under a stable UID', () => {
    expect(feed.calendar.name).toBe('vcalendar')
    expect(feed.calendar.getFirstPropertyValue('x-wr-calname')).toBe('De Regenboog')
    expect(feed.events.map((e) => e.uid).sort()).toEqual(
      [
        'vrij-2027-12-18@ouders.school.test',
        'event-e1@ouders.school.test',
        'event-e2@ouders.school.test',
        'event-e3@ouders.school.test',
        'event-e4@ouders.school.test',
        'hulpvraag-s1@ouders.school.test',
        'hulpvraag-s2@ouders.school.test',
        'afwezig-a1@ouders.school.test',
        'afwezig-a2@ouders.school.test',
      ].sort(),
    )
  })

  it('puts timed items at the right instant on both sides of the DST change', () => {
    const saturday = feed.byUid('event-e1@ouders.school.test')
    expect(saturday.start.isDate).toBe(false)
    expect(saturday.start.toJSDate().toISOString()).toBe('2027-03-27T09:00:00.000Z')
    expect(saturday.end.toJSDate().toISOString()).toBe('2027-03-27T11:00:00.000Z')
    const monday = feed.byUid('event-e2@ouders.school.test')
    expect(monday.start.toJSDate().toISOString()).toBe('2027-03-29T08:00:00.000Z')
    expect(monday.end.toJSDate().toISOString()).toBe('2027-03-29T13:30:00.000Z')
    // Written as UTC instants: no floating times, no VTIMEZONE to trust.
    expect(saturday.start.zone?.tzid).toBe('UTC')
    expect(feed.calendar.getAllSubcomponents('vtimezone')).toEqual([])
    for (const event of feed.events) {
      expect(event.start.isDate || event.start.zone?.tzid === 'UTC', event.uid).toBe(true)
    }
  })

  it('writes whole days as DATE values, the end the day after the last day', () => {
    const week = feed.byUid('event-e3@ouders.school.test')
    expect(week.start.isDate).toBe(true)
    expect(week.start.toString()).toBe('2027-03-15')
    expect(week.end.isDate).toBe(true)
    expect(week.end.toString()).toBe('2027-03-20')
    const day = feed.byUid('event-e4@ouders.school.test')
    expect([day.start.toString(), day.end.toString()]).toEqual(['2027-03-23', '2027-03-24'])

    const holiday = feed.byUid('vrij-2027-12-18@ouders.school.test')
    expect(holiday.summary).toBe('Vrij: Kerstvakantie')
    expect(holiday.start.isDate).toBe(true)
    expect([holiday.start.toString(), holiday.end.toString()]).toEqual(['2027-12-18', '2028-01-03'])
    expect(holiday.transparent).toBe(true)
  })

  it('describes events with their audience, place and a link into the portal', () => {
    const open = feed.byUid('event-e1@ouders.school.test')
    expect(open.summary).toBe('Open dag')
    expect(open.location).toBe('Aula')
    expect(open.description).toContain('Kom kijken; neem opa en oma mee.')
    expect(open.description).toContain('Voor: Alle ouders')
    expect(open.url).toBe(`${PORTAL}/agenda`)
    const trip = feed.byUid('event-e2@ouders.school.test')
    expect(trip.url).toBe(`${PORTAL}/hulpvragen#hulpvraag-r9`)
  })

  it('lists the parent’s own volunteer slots, the waitlist marked', () => {
    const mine = feed.byUid('hulpvraag-s1@ouders.school.test')
    expect(mine.summary).toBe('Hulpvraag: Museumbezoek — Begeleiden')
    expect(mine.description).toContain('Wie komt: Opa Kees')
    expect(mine.url).toBe(`${PORTAL}/hulpvragen#hulpvraag-r1`)
    expect(mine.start.toJSDate().toISOString()).toBe('2027-03-09T07:30:00.000Z')
    expect(mine.end.toJSDate().toISOString()).toBe('2027-03-09T11:00:00.000Z')
    const waiting = feed.byUid('hulpvraag-s2@ouders.school.test')
    expect(waiting.summary).toBe('Hulpvraag: Voorjaarsmarkt — Kraam (wachtlijst)')
    // After the change: CEST.
    expect(waiting.start.toJSDate().toISOString()).toBe('2027-04-02T11:00:00.000Z')
  })

  it('lists the children’s planned absences, with times or for the whole day', () => {
    const dentist = feed.byUid('afwezig-a1@ouders.school.test')
    expect(dentist.summary).toBe('Sam afwezig (afspraak)')
    expect(dentist.start.toJSDate().toISOString()).toBe('2027-03-11T09:00:00.000Z')
    expect(dentist.end.toJSDate().toISOString()).toBe('2027-03-11T10:00:00.000Z')
    const doctor = feed.byUid('afwezig-a2@ouders.school.test')
    expect(doctor.summary).toBe('Noor afwezig (afspraak)')
    expect([doctor.start.isDate, doctor.start.toString(), doctor.end.toString()]).toEqual([
      true,
      '2027-03-12',
      '2027-03-13',
    ])
  })

  it('stamps LAST-MODIFIED and a SEQUENCE that grows with updatedAt, so a change replaces the item', () => {
    const before = feed.byUid('event-e1@ouders.school.test')
    expect(before.lastModified?.toString()).toBe('2027-02-01T08:00:00Z')
    const changed = parse(
      buildCalendarFeed({
        data: {
          ...data,
          events: data.events.map((e) =>
            e.id === 'e1'
              ? { ...e, title: 'Open dag (verplaatst)', updatedAt: '2027-02-20T08:00:00.000Z' }
              : e,
          ),
        },
        portalUrl: PORTAL,
        now: new Date('2027-03-02T09:00:00Z'),
      }),
    )
    const after = changed.byUid('event-e1@ouders.school.test')
    expect(after.summary).toBe('Open dag (verplaatst)')
    expect(Number(after.sequence)).toBeGreaterThan(Number(before.sequence))
    // Untouched items keep their revision.
    expect(changed.byUid('event-e2@ouders.school.test').sequence).toBe(
      feed.byUid('event-e2@ouders.school.test').sequence,
    )
  })

  it('escapes text the parent or the school typed (commas, semicolons, new lines)', () => {
    const tricky = parse(
      buildCalendarFeed({
        data: {
          ...data,
          events: [{ ...data.events[0]!, title: 'Ouderavond; groep 3, 4\nen 5' }],
        },
        portalUrl: PORTAL,
        now: NOW,
      }),
    )
    expect(tricky.byUid('event-e1@ouders.school.test').summary).toBe('Ouderavond; groep 3, 4\nen 5')
  })
})

describe('calendarFeedResponse', () => {
  const allow = { consume: vi.fn(async () => ({ ok: true as const })) }
  const base = { limiter: allow, clientKey: '192.0.2.1', portalUrl: PORTAL, now: NOW }

  it('answers the feed as text/calendar, privately cacheable for 15 minutes', async () => {
    const cms = { getCalendarFeedData: vi.fn(async () => ({ ok: true as const, agenda: data })) }
    const res = await calendarFeedResponse({ ...base, secret: SECRET, cms })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('Cache-Control')).toBe('private, max-age=900')
    expect(cms.getCalendarFeedData).toHaveBeenCalledWith(SECRET)
    expect(parse(await res.text()).events).toHaveLength(9)
  })

  it('404 for a secret of the wrong shape (without asking the CMS) and for one the CMS does not know', async () => {
    const cms = {
      getCalendarFeedData: vi.fn(async () => ({ ok: false as const, code: 'not-found' as const })),
    }
    for (const secret of [undefined, '', 'kort', `${SECRET}x`, 'A'.repeat(42) + '.']) {
      const res = await calendarFeedResponse({ ...base, secret, cms })
      expect(res.status, String(secret)).toBe(404)
    }
    expect(cms.getCalendarFeedData).not.toHaveBeenCalled()
    const res = await calendarFeedResponse({ ...base, secret: SECRET, cms })
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toContain('bestaat niet (meer)')
  })

  it('answers the reminder, never kept, while the parent has not accepted the house rules', async () => {
    const cms = {
      getCalendarFeedData: vi.fn(async () => ({
        ok: false as const,
        code: 'house-rules' as const,
      })),
    }
    const res = await calendarFeedResponse({ ...base, secret: SECRET, cms })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(parse(await res.text()).events.map((e) => e.summary)).toEqual([
      'Schoolpost: ga akkoord met de huisregels',
    ])
  })

  it('429 with Retry-After from the portal’s own limit or the CMS’s', async () => {
    const cms = {
      getCalendarFeedData: vi.fn(async () => ({
        ok: false as const,
        code: 'rate-limited' as const,
        retryAfterSeconds: 120,
      })),
    }
    const refuse = { consume: vi.fn(async () => ({ ok: false as const, retryAfterSeconds: 30 })) }
    const own = await calendarFeedResponse({ ...base, limiter: refuse, secret: SECRET, cms })
    expect(own.status).toBe(429)
    expect(own.headers.get('Retry-After')).toBe('30')
    expect(refuse.consume).toHaveBeenCalledWith('192.0.2.1')
    expect(cms.getCalendarFeedData).not.toHaveBeenCalled()
    const theirs = await calendarFeedResponse({ ...base, secret: SECRET, cms })
    expect(theirs.status).toBe(429)
    expect(theirs.headers.get('Retry-After')).toBe('120')
  })

  it('503 when the CMS cannot answer, and the secret is not logged', async () => {
    const logged: unknown[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => logged.push(...args))
    try {
      const cms = {
        getCalendarFeedData: vi.fn(async () => {
          throw new Error('The CMS could not be reached for GET /api/events/feed/…')
        }),
      }
      const res = await calendarFeedResponse({ ...base, secret: SECRET, cms })
      expect(res.status).toBe(503)
      expect(res.headers.get('Retry-After')).toBe('300')
      expect(JSON.stringify(logged.map(String))).not.toContain(SECRET)
    } finally {
      spy.mockRestore()
    }
  })
})

describe('the feed of a parent who has not accepted the house rules', () => {
  it('is one all-day reminder today that links to the rules', () => {
    const text = buildHouseRulesReminderFeed({
      portalUrl: 'https://ouders.school.test',
      now: new Date('2026-12-07T07:00:00.000Z'),
    })
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
    expect(events).toHaveLength(1)
    const event = new ICAL.Event(events[0]!)
    expect(event.summary).toBe('Schoolpost: ga akkoord met de huisregels')
    expect(event.uid).toBe('huisregels@ouders.school.test')
    expect(event.startDate.toString()).toBe('2026-12-07')
    expect(event.description).toContain('https://ouders.school.test/huisregels')
  })
})
