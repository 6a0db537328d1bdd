import {
  VOLUNTEER_COMES_MAX,
  VOLUNTEER_OVERVIEW_PATH,
  type VolunteerOverview,
  volunteerOverview,
} from '@schoolpost/contracts'
import {
  canCancelSignup,
  checkSignup,
  describePlaces,
  getSlotStart,
  type SignupWindow,
} from '@schoolpost/policies'
import { z } from 'zod'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { PortalSession } from '../auth/session'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { idField } from '../../lib/cms/ids'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { rateLimitMessage } from '../../lib/http/rate-limit'

/**
 * Hulpvragen (S4, issue #15): the volunteer requests of the parent's groups, with how many places
 * each slot has left, the parent's own sign-up or place on the waitlist, and the forms to sign up
 * and cancel. The CMS decides everything again (the window, a place, the waitlist); the rules
 * used here for the page (`checkSignup`, `canCancelSignup`, `describePlaces`) are the same
 * functions from the policies. Never kept by the page cache: a place taken must show at once.
 */

export const VOLUNTEERING_PATH = '/hulpvragen'
export const requestAnchor = (id: string) => `hulpvraag-${id}`
export const slotAnchor = (id: string) => `moment-${id}`

export type Loaded<T> = { kind: 'ok'; data: T } | { kind: 'signed-out' } | { kind: 'unavailable' }

/** The upcoming requests of the parent's groups. */
export async function loadVolunteering(
  session: PortalSession,
  cms: Pick<CmsClient, 'getContract'>,
): Promise<Loaded<VolunteerOverview>> {
  try {
    const data = await cms.getContract(VOLUNTEER_OVERVIEW_PATH, session.token, volunteerOverview)
    return { kind: 'ok', data }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading volunteer requests', error)
    return { kind: 'unavailable' }
  }
}

export const volunteerSignUpInput = z.object({
  request: idField,
  slot: idField,
  // Optional on the outside: Astro turns an empty form field into `null` unless the outermost
  // schema is optional (an empty "Wie komt er?" is the form's default).
  comes: z
    .string()
    .trim()
    .max(VOLUNTEER_COMES_MAX, {
      error: `Schrijf bij "Wie komt er?" hooguit ${VOLUNTEER_COMES_MAX} tekens.`,
    })
    .transform((value) => value || undefined)
    .optional(),
})
export type VolunteerSignUpInput = z.infer<typeof volunteerSignUpInput>

export const volunteerCancelInput = z.object({ request: idField, slot: idField, signup: idField })
export type VolunteerCancelInput = z.infer<typeof volunteerCancelInput>

/** What a sign-up or cancellation form got: a redirect to the slot, or a refusal shown at it. */
export type VolunteerFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: string
      message: string
      request: string
      slot: string
      status: number
      retryAfterSeconds?: number
    }

export type VolunteerDone = 'aangemeld' | 'wachtlijst' | 'afgemeld'

const doneHref = (request: string, slot: string, done: VolunteerDone) =>
  `${VOLUNTEERING_PATH}?gelukt=${done}&moment=${encodeURIComponent(slot)}#${requestAnchor(request)}`

/** The HTTP status of the page that shows a refusal (the CMS's own, by its code). */
const REFUSAL_STATUS: Record<string, number> = {
  'not-found': 404,
  conduct: 422,
  'invalid-input': 400,
}

async function volunteerForm(
  label: string,
  at: { request: string; slot: string },
  run: () => ReturnType<CmsClient['signUpForSlot']> | ReturnType<CmsClient['cancelSignup']>,
  done: (result: { status?: string }) => VolunteerDone,
): Promise<VolunteerFormResult> {
  try {
    const result = await run()
    if (result.ok) {
      return { ok: true, redirectTo: doneHref(at.request, at.slot, done(result as never)) }
    }
    if (result.code === 'rate-limited') {
      const seconds = 'retryAfterSeconds' in result ? (result.retryAfterSeconds ?? 60) : 60
      return {
        ok: false,
        code: 'rate-limited',
        message: rateLimitMessage(seconds),
        ...at,
        status: 429,
        retryAfterSeconds: seconds,
      }
    }
    const message = 'message' in result && result.message ? result.message : UNAVAILABLE_MESSAGE
    return {
      ok: false,
      code: result.code,
      message,
      ...at,
      status: REFUSAL_STATUS[result.code] ?? 409,
    }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure(label, error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, ...at, status: 503 }
  }
}

/** Signs the parent up for a slot (or puts them on its waitlist). Never throws. */
export function submitVolunteerSignUp(
  input: VolunteerSignUpInput,
  deps: { cms: Pick<CmsClient, 'signUpForSlot'>; parent: PortalSession },
): Promise<VolunteerFormResult> {
  return volunteerForm(
    'Volunteer sign-up',
    input,
    () =>
      deps.cms.signUpForSlot(deps.parent.token, input.request, {
        slot: input.slot,
        ...(input.comes ? { comes: input.comes } : {}),
      }),
    (result) => (result.status === 'waitlist' ? 'wachtlijst' : 'aangemeld'),
  )
}

/** Cancels the parent's sign-up (or leaves the waitlist). Never throws. */
export function submitVolunteerCancel(
  input: VolunteerCancelInput,
  deps: { cms: Pick<CmsClient, 'cancelSignup'>; parent: PortalSession },
): Promise<VolunteerFormResult> {
  return volunteerForm(
    'Volunteer cancel',
    input,
    () => deps.cms.cancelSignup(deps.parent.token, input.signup),
    () => 'afgemeld',
  )
}

// ---- The page ----

export type SlotView = {
  id: string
  anchor: string
  label: string
  /** "dinsdag 9 maart, 08:30–10:00" */
  when: string
  places: { left: number; full: boolean; label: string }
  /** The parent's own sign-up, in words, and whether (and until when) they may still cancel. */
  own: {
    signup: string
    status: 'confirmed' | 'waitlist'
    text: string
    cancel: { until: string } | { refused: string }
  } | null
  /** What the parent can do: sign up, join the waitlist, or why not (yet). */
  action:
    | { kind: 'sign-up' | 'waitlist' }
    | { kind: 'not-open-yet' | 'closed' | 'full'; message: string }
    | { kind: 'none' }
  /** The answer to a form posted for this slot. */
  notice: { kind: 'success' | 'error'; message: string } | null
  /** What the parent typed in "Wie komt er?" when the sign-up was refused. */
  comes: string
}

export type RequestView = {
  id: string
  anchor: string
  title: string
  description: string
  audienceLabel: string
  /** "Aanmelden kan vanaf maandag 1 maart om 20:00." while not open yet. */
  opens: string | null
  /** "Aanmelden en afmelden kan tot vrijdag 5 maart om 12:00." */
  closes: string | null
  waitlist: boolean
  slots: SlotView[]
}

export type VolunteeringPageOutcome =
  | { kind: 'none' }
  | { kind: 'done'; done: VolunteerDone; slot: string }
  | { kind: 'refused'; slot: string; message: string; comes: string }

const DONE_MESSAGES: Record<VolunteerDone, string> = {
  aangemeld: 'Je bent aangemeld. Dank je wel!',
  wachtlijst:
    'Dit moment is vol: je staat op de wachtlijst. Komt er een plek vrij, dan krijg je een e-mail.',
  afgemeld: 'Je bent afgemeld. Je plek gaat naar de volgende op de wachtlijst, als die er is.',
}

/** The `?gelukt=…&moment=…` of the redirect after a form, or nothing. */
export function doneOutcome(url: URL): VolunteeringPageOutcome {
  const done = url.searchParams.get('gelukt')
  const slot = url.searchParams.get('moment')
  if (!slot || !(done === 'aangemeld' || done === 'wachtlijst' || done === 'afgemeld')) {
    return { kind: 'none' }
  }
  return { kind: 'done', done, slot }
}

function formats(timeZone: string) {
  return {
    day: new Intl.DateTimeFormat('nl-NL', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }),
    moment: new Intl.DateTimeFormat('nl-NL', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }),
  }
}

/** A calendar date `YYYY-MM-DD` as "dinsdag 9 maart" (the date has no time zone). */
function dayOf(date: string, format: Intl.DateTimeFormat): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return format.format(new Date(Date.UTC(year, month - 1, day)))
}

const waitText = (ahead: number) =>
  ahead === 0
    ? 'Je staat op de wachtlijst en bent de volgende als er een plek vrijkomt.'
    : `Je staat op de wachtlijst: ${ahead} ${ahead === 1 ? 'ouder' : 'ouders'} voor je.`

/** The page's requests and slots at instant `now`, with the answer to a form at its slot. */
export function volunteeringView({
  data,
  now,
  outcome,
  parentName,
}: {
  data: VolunteerOverview
  now: Date
  outcome: VolunteeringPageOutcome
  parentName: string
}): RequestView[] {
  const f = formats(data.timeZone)
  const at = (date: Date) => f.moment.format(date)
  return data.requests.map((request) => {
    const window: SignupWindow = {
      opensAt: request.opensAt ? new Date(request.opensAt) : null,
      closesAt: request.closesAt ? new Date(request.closesAt) : null,
    }
    const notOpen = window.opensAt && now < window.opensAt ? window.opensAt : null
    return {
      id: request.id,
      anchor: requestAnchor(request.id),
      title: request.title,
      description: request.description,
      audienceLabel: request.audienceLabel,
      opens: notOpen ? `Aanmelden kan vanaf ${at(notOpen)}.` : null,
      closes:
        window.closesAt && now < window.closesAt
          ? `Aanmelden en afmelden kan tot ${at(window.closesAt)}.`
          : null,
      waitlist: request.waitlist,
      slots: request.slots.map((slot): SlotView => {
        const slotStart = getSlotStart({ slot, timeZone: data.timeZone })
        const places = describePlaces({ places: slot.places, taken: slot.taken })
        const check = checkSignup({ window, slotStart, now, timeZone: data.timeZone })
        let own: SlotView['own'] = null
        if (slot.own) {
          const cancel = canCancelSignup({ window, slotStart, now })
          const comes =
            slot.own.comes && slot.own.comes !== parentName ? ` (${slot.own.comes} komt)` : ''
          own = {
            signup: slot.own.id,
            status: slot.own.status,
            text:
              slot.own.status === 'confirmed'
                ? `Je bent aangemeld${comes}.`
                : waitText(slot.own.ahead),
            cancel: cancel.ok ? { until: at(cancel.until) } : { refused: cancel.message },
          }
        }
        let action: SlotView['action']
        if (own) action = { kind: 'none' }
        else if (!check.ok) {
          action = {
            kind: check.reason === 'not-open-yet' ? 'not-open-yet' : 'closed',
            message: check.message,
          }
        } else if (places.full) {
          action = request.waitlist
            ? { kind: 'waitlist' }
            : { kind: 'full', message: 'Dit moment is vol.' }
        } else action = { kind: 'sign-up' }

        let notice: SlotView['notice'] = null
        let comes = ''
        if (outcome.kind === 'done' && outcome.slot === slot.id) {
          notice = { kind: 'success', message: DONE_MESSAGES[outcome.done] }
        } else if (outcome.kind === 'refused' && outcome.slot === slot.id) {
          notice = { kind: 'error', message: outcome.message }
          comes = outcome.comes
        }
        return {
          id: slot.id,
          anchor: slotAnchor(slot.id),
          label: slot.label,
          when: `${dayOf(slot.date, f.day)}, ${slot.from}–${slot.to}`,
          places,
          own,
          action,
          notice,
          comes,
        }
      }),
    }
  })
}
