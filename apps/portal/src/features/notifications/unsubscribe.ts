import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { NoticeView } from '../auth/login-page'
import type { CheckUnsubscribeResult, CmsClient, UnsubscribeResult } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { RATE_LIMIT_TITLE, rateLimitMessage, retryAfterHeaders } from '../../lib/http/rate-limit'
import { NOTIFICATIONS_PATH } from './preferences'

/**
 * `/afmelden/<token>`: the unsubscribe link of every notification email (C1, RFC 8058). No login:
 * the signed token is the only authority, and all it can do is switch one kind of email off.
 *
 * - GET (and HEAD) only asks the CMS what the link is for and shows a question with one button.
 *   It never changes anything: mail scanners and link previews open links on their own.
 * - POST switches it off: the button on that page, and the one-click POST a mail provider sends
 *   itself (`List-Unsubscribe=One-Click`, usually without an Origin header; see origin-check.ts).
 */

/** Where a parent changes all their email choices (behind the login). */
export const SETTINGS_PATH = NOTIFICATIONS_PATH

/** The CMS's own wording, for links the portal already knows are not genuine. */
export const INVALID_UNSUBSCRIBE_MESSAGE =
  'Deze afmeldlink klopt niet. Log in op het ouderportaal om je e-mailinstellingen te wijzigen.'

/** RFC 8058: the body a mail provider posts (the button on the page sends the same). */
export const ONE_CLICK_FIELD = { name: 'List-Unsubscribe', value: 'One-Click' } as const

/**
 * Looks like an unsubscribe token: `<base64url>.<base64url>`, 10–300 characters, as the CMS makes
 * them. Only keeps nonsense away from the CMS; the CMS checks the signature.
 */
export function isUnsubscribeTokenShape(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 10 &&
    value.length <= 300 &&
    /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value)
  )
}

/** What the parent can do next. */
export type UnsubscribeNextStep = 'login' | 'settings' | 'retry'

export type UnsubscribePageView = {
  status: number
  headers: Record<string, string>
  /** The page's <title>. */
  title: string
  heading: string
  notice: NoticeView | undefined
  /** A valid link opened with GET: what it would switch off ("over schoolnieuws"), and the button. */
  confirm: { scopeLabel: string } | undefined
  /** Switched off (the notice has the CMS's confirmation). */
  done: boolean
  next: UnsubscribeNextStep | undefined
}

const base = (
  view: Partial<UnsubscribePageView> & Pick<UnsubscribePageView, 'status' | 'heading'>,
): UnsubscribePageView => ({
  headers: {},
  title: 'Afmelden voor e-mail',
  notice: undefined,
  confirm: undefined,
  done: false,
  next: undefined,
  ...view,
})

export function invalidLinkView(message = ''): UnsubscribePageView {
  return base({
    status: 400,
    heading: 'Deze afmeldlink werkt niet',
    notice: { kind: 'error', message: message || INVALID_UNSUBSCRIBE_MESSAGE },
    next: 'login',
  })
}

function rateLimitedView(retryAfterSeconds: number): UnsubscribePageView {
  return base({
    status: 429,
    heading: RATE_LIMIT_TITLE,
    headers: retryAfterHeaders(retryAfterSeconds),
    notice: { kind: 'error', message: rateLimitMessage(retryAfterSeconds) },
    next: 'retry',
  })
}

function unavailableView(posted: boolean): UnsubscribePageView {
  return base({
    status: 503,
    heading: 'Even niet bereikbaar',
    headers: { 'Retry-After': '30' },
    notice: {
      kind: 'error',
      title: 'Schoolpost is niet bereikbaar',
      message: posted ? `Je bent nog niet afgemeld. ${UNAVAILABLE_MESSAGE}` : UNAVAILABLE_MESSAGE,
    },
    next: 'retry',
  })
}

/** A refusal or rate limit from the CMS, as a page. */
function refusedView(
  result: Exclude<CheckUnsubscribeResult | UnsubscribeResult, { ok: true }>,
): UnsubscribePageView {
  if (result.code === 'rate-limited') return rateLimitedView(result.retryAfterSeconds ?? 60)
  // 'invalid-input' is the CMS refusing the token's form: to the parent, a link that does not work.
  return invalidLinkView(result.code === 'invalid-token' ? result.message : '')
}

export type UnsubscribeRequest = {
  method: string
  /** The token from the URL. */
  token: string | undefined
  cms: Pick<CmsClient, 'checkUnsubscribe' | 'unsubscribe'>
  /** The per-IP limiter of link tokens (RATE_LIMIT_TOKEN), and this client's key. */
  limiter: RateLimiter
  clientKey: string
}

/**
 * The unsubscribe page for one request. Looking (GET/HEAD) counts against the token rate limit.
 * GET/HEAD only look; POST switches off. Never throws: an unreachable CMS is a 503 page.
 */
export async function handleUnsubscribeRequest(
  input: UnsubscribeRequest,
): Promise<UnsubscribePageView> {
  const method = input.method.toUpperCase()
  const looks = method === 'GET' || method === 'HEAD'
  if (!looks && method !== 'POST') {
    return base({
      status: 405,
      heading: 'Afmelden voor e-mail',
      headers: { Allow: 'GET, HEAD, POST' },
      notice: { kind: 'error', message: 'Open de afmeldlink uit de e-mail in je browser.' },
    })
  }

  // Only looking counts against the per-IP limit. One-click POSTs come from a mail provider's few
  // servers on behalf of many parents, and a 429 there would keep a parent subscribed; guessing is
  // pointless anyway, the token is an HMAC the CMS checks.
  if (looks) {
    const limit = await input.limiter.consume(input.clientKey)
    if (!limit.ok) return rateLimitedView(limit.retryAfterSeconds)
  }

  const { token } = input
  if (!isUnsubscribeTokenShape(token)) return invalidLinkView()

  if (looks) {
    let check: CheckUnsubscribeResult
    try {
      check = await input.cms.checkUnsubscribe(token)
    } catch (error) {
      reportCmsFailure('Checking an unsubscribe link', error)
      return unavailableView(false)
    }
    if (!check.ok) return refusedView(check)
    return base({
      status: 200,
      heading: `Afmelden voor e-mail ${check.scopeLabel}?`,
      confirm: { scopeLabel: check.scopeLabel },
    })
  }

  let result: UnsubscribeResult
  try {
    result = await input.cms.unsubscribe(token)
  } catch (error) {
    reportCmsFailure('Unsubscribing through a link', error)
    return unavailableView(true)
  }
  if (!result.ok) return refusedView(result)
  return base({
    status: 200,
    title: 'Afgemeld',
    heading: 'Je bent afgemeld',
    notice: { kind: 'success', message: result.message },
    done: true,
    next: 'settings',
  })
}
