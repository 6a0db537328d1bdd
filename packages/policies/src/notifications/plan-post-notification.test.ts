import { describe, expect, it } from 'vitest'

import { planPostNotification } from './plan-post-notification'

const now = new Date('2026-11-28T10:00:00Z')
const later = '2026-11-30T07:00:00.000Z'
const earlier = '2026-11-27T07:00:00.000Z'

describe('planPostNotification', () => {
  it('notifies now when a post is created published', () => {
    expect(
      planPostNotification({
        previous: null,
        next: { status: 'published' },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: true, at: now, reason: 'published' })
  })

  it('notifies now when a draft is published', () => {
    const result = planPostNotification({
      previous: { status: 'draft' },
      next: { status: 'published' },
      notifyAgain: false,
      now,
    })
    expect(result).toMatchObject({ notify: true, reason: 'published' })
  })

  it('does not notify for a draft, or for an edit of a live post', () => {
    expect(
      planPostNotification({ previous: null, next: { status: 'draft' }, notifyAgain: false, now }),
    ).toEqual({ notify: false, reason: 'not-live' })
    expect(
      planPostNotification({
        previous: { status: 'published' },
        next: { status: 'published' },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: false, reason: 'already-live' })
  })

  it('notifies again only when staff ask for it on a live post', () => {
    expect(
      planPostNotification({
        previous: { status: 'published' },
        next: { status: 'published' },
        notifyAgain: true,
        now,
      }),
    ).toEqual({ notify: true, at: now, reason: 'notify-again' })
    expect(
      planPostNotification({
        previous: { status: 'draft' },
        next: { status: 'draft' },
        notifyAgain: true,
        now,
      }),
    ).toEqual({ notify: false, reason: 'not-live' })
  })

  it('plans a scheduled post for its moment, and again only when the moment moves', () => {
    expect(
      planPostNotification({
        previous: { status: 'draft' },
        next: { status: 'scheduled', publishAt: later },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: true, at: new Date(later), reason: 'scheduled' })
    expect(
      planPostNotification({
        previous: { status: 'scheduled', publishAt: later },
        next: { status: 'scheduled', publishAt: later },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: false, reason: 'schedule-unchanged' })
    const moved = '2026-12-01T07:00:00.000Z'
    expect(
      planPostNotification({
        previous: { status: 'scheduled', publishAt: later },
        next: { status: 'scheduled', publishAt: moved },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: true, at: new Date(moved), reason: 'scheduled' })
  })

  it('a scheduled post published early is notified now (its planned round is superseded)', () => {
    expect(
      planPostNotification({
        previous: { status: 'scheduled', publishAt: later },
        next: { status: 'published' },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: true, at: now, reason: 'published' })
  })

  it('a scheduled post whose moment passed was already announced: publishing it changes nothing', () => {
    expect(
      planPostNotification({
        previous: { status: 'scheduled', publishAt: earlier },
        next: { status: 'published' },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: false, reason: 'already-live' })
  })

  it('scheduling for a moment already past goes live at once and notifies now', () => {
    expect(
      planPostNotification({
        previous: { status: 'draft' },
        next: { status: 'scheduled', publishAt: earlier },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: true, at: now, reason: 'published' })
  })

  it('a scheduled post without a valid moment is not planned', () => {
    expect(
      planPostNotification({
        previous: null,
        next: { status: 'scheduled', publishAt: 'not a date' },
        notifyAgain: false,
        now,
      }),
    ).toEqual({ notify: false, reason: 'not-live' })
  })
})
