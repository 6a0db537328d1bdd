import type { NoticeView } from '../auth/login-page'
import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { NewPasswordFieldErrors } from '../auth/new-password'
import { isLinkTokenShape, newPasswordFieldErrors } from '../auth/new-password'
import type { CheckInvitationResult, CmsClient, InvitationProblem } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { RATE_LIMIT_TITLE, rateLimitMessage, retryAfterHeaders } from '../../lib/http/rate-limit'
import type { InvitationFormFailure } from './accept-invitation'
import { INVALID_INPUT_FALLBACK, INVITATION_PROBLEM_MESSAGES } from './accept-invitation'

/** What the parent can do next when the invitation cannot be used. */
export type InvitationNextStep = 'login' | 'ask-school' | 'retry'

export type InvitationPageView = {
  status: number
  headers: Record<string, string>
  /** The page's <title> and its <h1>. */
  title: string
  heading: string
  /** The school's name from the CMS, when known. */
  schoolName: string | undefined
  notice: NoticeView | undefined
  /** The password form, when the invitation can be used. */
  form: { parentName: string; email: string; fieldErrors: NewPasswordFieldErrors } | undefined
  next: InvitationNextStep | undefined
  /** Say "Vraag de school om een nieuwe uitnodiging." (unless the message already does). */
  askSchool: boolean
}

const PROBLEM_HEADINGS: Record<InvitationProblem, string> = {
  invalid: 'Deze link werkt niet',
  used: 'Deze uitnodiging is al gebruikt',
  expired: 'Deze uitnodiging is verlopen',
  revoked: 'Deze uitnodiging is niet meer geldig',
}

const PROBLEM_NEXT_STEPS: Record<InvitationProblem, InvitationNextStep> = {
  invalid: 'ask-school',
  used: 'login',
  expired: 'ask-school',
  revoked: 'ask-school',
}

const base = (
  view: Partial<InvitationPageView> & Pick<InvitationPageView, 'status' | 'heading'>,
): InvitationPageView => ({
  headers: {},
  title: view.heading,
  schoolName: undefined,
  notice: undefined,
  form: undefined,
  next: undefined,
  askSchool: false,
  ...view,
})

/** An invitation that cannot be used: 404 when it does not exist, 410 when it did. */
export function invitationProblemView(code: InvitationProblem, message = ''): InvitationPageView {
  const text = message || INVITATION_PROBLEM_MESSAGES[code]
  const next = PROBLEM_NEXT_STEPS[code]
  return base({
    status: code === 'invalid' ? 404 : 410,
    heading: PROBLEM_HEADINGS[code],
    notice: { kind: 'error', message: text },
    next,
    askSchool: next === 'ask-school' && !/vraag de school om een nieuwe uitnodiging/i.test(text),
  })
}

export function rateLimitedView(retryAfterSeconds: number): InvitationPageView {
  return base({
    status: 429,
    heading: RATE_LIMIT_TITLE,
    headers: retryAfterHeaders(retryAfterSeconds),
    notice: { kind: 'error', message: rateLimitMessage(retryAfterSeconds) },
  })
}

export function unavailableView(): InvitationPageView {
  return base({
    status: 503,
    heading: 'Even niet bereikbaar',
    headers: { 'Retry-After': '30' },
    notice: { kind: 'error', title: 'Schoolpost is niet bereikbaar', message: UNAVAILABLE_MESSAGE },
    next: 'retry',
  })
}

type UsableInvitation = Extract<CheckInvitationResult, { ok: true }>

function formView(
  invitation: UsableInvitation,
  extra: { status?: number; notice?: NoticeView; fieldErrors?: NewPasswordFieldErrors } = {},
): InvitationPageView {
  return base({
    status: extra.status ?? 200,
    title: 'Uitnodiging',
    heading: `Welkom, ${invitation.parentName}`,
    schoolName: invitation.schoolName || undefined,
    notice: extra.notice,
    form: {
      parentName: invitation.parentName,
      email: invitation.email,
      fieldErrors: extra.fieldErrors ?? {},
    },
  })
}

const CHECK_FORM: NoticeView = {
  kind: 'error',
  title: 'Controleer wat je hebt ingevuld',
  message: 'Je wachtwoord is nog niet opgeslagen.',
}

export type InvitationPageInput = {
  /** The token from the URL. */
  token: string | undefined
  outcome: ActionOutcome<InvitationFormFailure>
  cms: Pick<CmsClient, 'checkInvitation'>
  /** The per-IP limiter of invitation and reset links, and this client's key. */
  limiter: RateLimiter
  clientKey: string
}

/**
 * The invitation page for one request. Without a form post it counts against the rate limit and
 * asks the CMS whether the link can be used; after a post (already counted by the action) it
 * shows the action's answer, asking the CMS again only when the form must be shown again.
 * Never throws.
 */
export async function loadInvitationPage(input: InvitationPageInput): Promise<InvitationPageView> {
  const { token, outcome } = input
  if (outcome.kind === 'result') {
    const { result } = outcome
    switch (result.code) {
      case 'rate-limited':
        return rateLimitedView(result.retryAfterSeconds ?? 60)
      case 'unavailable':
        return unavailableView()
      case 'invalid':
      case 'used':
      case 'expired':
      case 'revoked':
        return invitationProblemView(result.code, result.message)
      default:
        break
    }
  }
  if (!isLinkTokenShape(token)) return invitationProblemView('invalid')
  if (outcome.kind === 'none') {
    const limit = await input.limiter.consume(input.clientKey)
    if (!limit.ok) return rateLimitedView(limit.retryAfterSeconds)
  }

  let check: CheckInvitationResult
  try {
    check = await input.cms.checkInvitation(token)
  } catch (error) {
    reportCmsFailure('Checking an invitation', error)
    return unavailableView()
  }
  if (!check.ok) {
    if (check.code === 'rate-limited') return rateLimitedView(check.retryAfterSeconds ?? 60)
    // The CMS refuses a malformed token as input: to the parent it is a link that does not work.
    if (check.code === 'invalid-input') return invitationProblemView('invalid')
    return invitationProblemView(check.code, check.message)
  }

  switch (outcome.kind) {
    case 'none':
      return formView(check)
    case 'input-error':
      return formView(check, {
        status: 400,
        notice: CHECK_FORM,
        fieldErrors: newPasswordFieldErrors(outcome.fields),
      })
    case 'action-error':
      return formView(check, {
        status: 400,
        notice: { ...CHECK_FORM, message: INVALID_INPUT_FALLBACK },
      })
    case 'result':
      // What is left: the password was refused ('weak-password') or the input ('invalid-input').
      return outcome.result.code === 'weak-password'
        ? formView(check, {
            status: 400,
            notice: CHECK_FORM,
            fieldErrors: { password: outcome.result.message },
          })
        : formView(check, {
            status: 400,
            notice: { ...CHECK_FORM, message: outcome.result.message || INVALID_INPUT_FALLBACK },
          })
  }
}
