import type { VolunteerOverview } from '@schoolpost/contracts'
import { describe, expect, it } from 'vitest'

import type { PortalSession } from '../auth/session'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import {
  doneOutcome,
  submitVolunteerCancel,
  submitVolunteerSignUp,
  volunteeringView,
  volunteerSignUpInput,
} from './volunteering'

// Monday 1 March 2027, 10:00 in Amsterdam (CET, UTC+1).
const now = new Date('2027-03-01T09:00:00Z')
const parent: PortalSession = { token: 'jwt', exp: 0, parentId: 'p1', parentName: 'Eva de Vries' }

const slot = (overrides: Record<string, unknown> = {}) => ({
  id: 's1',
  label: 'Begeleiden heenreis',
  date: '2027-03-09',
  from: '08:30',
  to: '10:00',
  places: 2,
  taken: 0,
  own: null,
  ...overrides,
})
const overview = (request: Record<string, unknown> = {}, slots = [slot()]): VolunteerOverview => ({
  timeZone: 'Europe/Amsterdam',
  requests: [
    {
      id: 'r1',
      title: 'Kinderboerderij',
      description: 'Wie fietst mee?',
      audienceLabel: 'Groep 5a',
      opensAt: null,
      closesAt: null,
      waitlist: true,
      ...request,
      slots,
    } as VolunteerOverview['requests'][number],
  ],
})
const view = (data: VolunteerOverview, at = now, outcome = doneOutcome(new URL('http://x/'))) =>
  volunteeringView({ data, now: at, outcome, parentName: parent.parentName })[0]!

describe('volunteeringView', () => {
  it('offers a free slot with its day, time and places left, on the school calendar', () => {
    const [s] = view(overview()).slots
    expect(s).toMatchObject({
      when: 'dinsdag 9 maart, 08:30–10:00',
      places: { left: 2, full: false, label: 'Nog 2 plekken vrij' },
      action: { kind: 'sign-up' },
      own: null,
    })
  })

  it('a full slot offers the waitlist, or says "vol" when the request has none', () => {
    expect(view(overview({}, [slot({ taken: 2 })])).slots[0]).toMatchObject({
      places: { label: 'Vol' },
      action: { kind: 'waitlist' },
    })
    expect(view(overview({ waitlist: false }, [slot({ taken: 2 })])).slots[0]!.action).toEqual({
      kind: 'full',
      message: 'Dit moment is vol.',
    })
  })

  it('before the opening moment: when it opens, in school time, and no form', () => {
    const request = view(overview({ opensAt: '2027-03-01T19:00:00Z' }))
    expect(request.opens).toBe('Aanmelden kan vanaf maandag 1 maart om 20:00.')
    expect(request.slots[0]!.action).toEqual({
      kind: 'not-open-yet',
      message: 'Aanmelden kan vanaf maandag 1 maart om 20:00.',
    })
    // From the opening moment on, the form.
    expect(
      view(overview({ opensAt: '2027-03-01T19:00:00Z' }), new Date('2027-03-01T19:00:00Z'))
        .slots[0]!.action,
    ).toEqual({ kind: 'sign-up' })
  })

  it('the parent’s own sign-up: who comes, cancel until the deadline; the waitlist says how many wait before them', () => {
    const mine = view(
      overview({ closesAt: '2027-03-05T11:00:00Z' }, [
        slot({ taken: 1, own: { id: 'v1', status: 'confirmed', comes: 'Opa Kees', ahead: 0 } }),
        slot({
          id: 's2',
          taken: 2,
          own: { id: 'v2', status: 'waitlist', comes: parent.parentName, ahead: 2 },
        }),
        slot({
          id: 's3',
          taken: 2,
          own: { id: 'v3', status: 'waitlist', comes: parent.parentName, ahead: 0 },
        }),
      ]),
    )
    expect(mine.slots[0]).toMatchObject({
      action: { kind: 'none' },
      own: {
        signup: 'v1',
        text: 'Je bent aangemeld (Opa Kees komt).',
        cancel: { until: 'vrijdag 5 maart om 12:00' },
      },
    })
    expect(mine.slots[1]!.own!.text).toBe('Je staat op de wachtlijst: 2 ouders voor je.')
    expect(mine.slots[2]!.own!.text).toBe(
      'Je staat op de wachtlijst en bent de volgende als er een plek vrijkomt.',
    )
    // After the closing moment: no more cancelling, the rule says why.
    const late = view(
      overview({ closesAt: '2027-03-05T11:00:00Z' }, [
        slot({ own: { id: 'v1', status: 'confirmed', comes: parent.parentName, ahead: 0 } }),
      ]),
      new Date('2027-03-05T11:00:00Z'),
    )
    expect(late.slots[0]!.own).toMatchObject({
      text: 'Je bent aangemeld.',
      cancel: { refused: expect.stringContaining('Afmelden kan niet meer') },
    })
  })

  it('shows the answer to a form at its own slot only', () => {
    const data = overview({}, [slot(), slot({ id: 's2' })])
    const done = view(
      data,
      now,
      doneOutcome(new URL('http://x/hulpvragen?gelukt=wachtlijst&moment=s2')),
    )
    expect(done.slots[0]!.notice).toBeNull()
    expect(done.slots[1]!.notice).toEqual({
      kind: 'success',
      message: expect.stringContaining('je staat op de wachtlijst'),
    })
    const refused = view(data, now, { kind: 'refused', slot: 's1', message: 'Vol.', comes: 'Opa' })
    expect(refused.slots[0]).toMatchObject({
      notice: { kind: 'error', message: 'Vol.' },
      comes: 'Opa',
    })
    expect(doneOutcome(new URL('http://x/hulpvragen?gelukt=iets&moment=s1'))).toEqual({
      kind: 'none',
    })
  })
})

describe('the forms', () => {
  it('checks "Wie komt er?" and the ids before anything is sent', () => {
    // Astro hands an empty, optional form field over as `undefined` (the form's default).
    expect(volunteerSignUpInput.safeParse({ request: 'r1', slot: 's1' }).data).toEqual({
      request: 'r1',
      slot: 's1',
      comes: undefined,
    })
    expect(volunteerSignUpInput.shape.comes.def.type).toBe('optional')
    expect(volunteerSignUpInput.safeParse({ request: 'r1', slot: 's1', comes: '  ' }).data).toEqual(
      {
        request: 'r1',
        slot: 's1',
        comes: undefined,
      },
    )
    expect(
      volunteerSignUpInput.safeParse({ request: 'r1', slot: 's1', comes: 'x'.repeat(81) }).success,
    ).toBe(false)
    expect(volunteerSignUpInput.safeParse({ request: '../x', slot: 's1' }).success).toBe(false)
  })

  it('a sign-up redirects to its slot with what happened; a refusal stays at the slot with its status', async () => {
    const calls: unknown[] = []
    const cms = {
      signUpForSlot: async (...args: unknown[]) => {
        calls.push(args)
        return { ok: true as const, status: 'waitlist' as const, signup: 'v1', message: '' }
      },
    }
    expect(
      await submitVolunteerSignUp(
        { request: 'r1', slot: 's1', comes: 'Opa Kees' },
        { cms, parent },
      ),
    ).toEqual({
      ok: true,
      redirectTo: '/hulpvragen?gelukt=wachtlijst&moment=s1#hulpvraag-r1',
    })
    expect(calls).toEqual([['jwt', 'r1', { slot: 's1', comes: 'Opa Kees' }]])

    const full = {
      signUpForSlot: async () => ({
        ok: false as const,
        code: 'full',
        message: 'Dit moment is vol.',
      }),
    }
    expect(
      await submitVolunteerSignUp(
        { request: 'r1', slot: 's1', comes: undefined },
        { cms: full, parent },
      ),
    ).toEqual({
      ok: false,
      code: 'full',
      message: 'Dit moment is vol.',
      request: 'r1',
      slot: 's1',
      status: 409,
    })
    const limited = {
      signUpForSlot: async () => ({
        ok: false as const,
        code: 'rate-limited' as const,
        retryAfterSeconds: 120,
      }),
    }
    expect(
      await submitVolunteerSignUp(
        { request: 'r1', slot: 's1', comes: undefined },
        { cms: limited, parent },
      ),
    ).toMatchObject({
      code: 'rate-limited',
      status: 429,
      retryAfterSeconds: 120,
    })
  })

  it('an ended session signs out; an unreachable CMS is a Dutch "unavailable" at the slot', async () => {
    const ended = {
      cancelSignup: async () => {
        throw new CmsUnauthorizedError(401, '/api/volunteer-signups/v1/cancel')
      },
    }
    expect(
      await submitVolunteerCancel(
        { request: 'r1', slot: 's1', signup: 'v1' },
        { cms: ended, parent },
      ),
    ).toEqual({ ok: false, code: 'signed-out' })
    const down = {
      cancelSignup: async () => {
        throw new CmsUnavailableError('network', 'down')
      },
    }
    expect(
      await submitVolunteerCancel(
        { request: 'r1', slot: 's1', signup: 'v1' },
        { cms: down, parent },
      ),
    ).toMatchObject({ ok: false, code: 'unavailable', slot: 's1', status: 503 })
    const done = { cancelSignup: async () => ({ ok: true as const, promoted: true }) }
    expect(
      await submitVolunteerCancel(
        { request: 'r1', slot: 's1', signup: 'v1' },
        { cms: done, parent },
      ),
    ).toEqual({ ok: true, redirectTo: '/hulpvragen?gelukt=afgemeld&moment=s1#hulpvraag-r1' })
  })
})
