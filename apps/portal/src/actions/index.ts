import { defineAction } from 'astro:actions'

import type { AbsenceFormResult, WithdrawFormResult } from '../features/absences/absence-form'
import {
  absenceInput,
  submitAbsenceForm,
  submitCancelAbsence,
  withdrawInput,
} from '../features/absences/absence-form'
import type { LeaveFormResult } from '../features/absences/leave-form'
import { leaveInput, submitLeaveForm, submitWithdrawLeave } from '../features/absences/leave-form'
import type { AccountFormResult } from '../features/account/account'
import { accountInput, submitAccountForm } from '../features/account/account'
import type { CalendarFeedFormResult } from '../features/agenda/feed-link'
import {
  createCalendarFeedInput,
  revokeCalendarFeedInput,
  submitCreateCalendarFeed,
  submitRevokeCalendarFeed,
} from '../features/agenda/feed-link'
import type { ChangePasswordFormResult } from '../features/account/change-password'
import { changePasswordInput, submitChangePasswordForm } from '../features/account/change-password'
import type { LoginFormResult } from '../features/auth/login'
import { loginInput, submitLoginForm, UNAVAILABLE_MESSAGE } from '../features/auth/login'
import { newPasswordForm } from '../features/auth/new-password'
import { mustAcceptHouseRules } from '../features/auth/house-rules-gate'
import { currentParent } from '../features/auth/require-parent'
import type { PortalSession } from '../features/auth/session'
import type { InvitationFormResult } from '../features/invitation/accept-invitation'
import { submitInvitationForm } from '../features/invitation/accept-invitation'
import type { NotificationsFormResult } from '../features/notifications/preferences'
import { notificationsInput, submitNotificationsForm } from '../features/notifications/preferences'
import type { MessageFormResult } from '../features/conversations/message-forms'
import {
  editMessageInput,
  messageInput,
  startConversationInput,
  submitEditMessageForm,
  submitMessageForm,
  submitStartConversationForm,
} from '../features/conversations/message-forms'
import type { ReportMessageResult } from '../features/conversations/report-message'
import { reportMessageInput, submitReportMessage } from '../features/conversations/report-message'
import type { VolunteerFormResult } from '../features/volunteering/volunteering'
import {
  submitVolunteerCancel,
  submitVolunteerSignUp,
  volunteerCancelInput,
  volunteerSignUpInput,
} from '../features/volunteering/volunteering'
import type { ForgotPasswordFormResult } from '../features/password-reset/forgot-password'
import {
  forgotPasswordInput,
  submitForgotPasswordForm,
} from '../features/password-reset/forgot-password'
import type { ResetFormResult } from '../features/password-reset/reset-password'
import { submitResetForm } from '../features/password-reset/reset-password'
import type { PrivacyFormResult } from '../features/privacy/privacy'
import { consentInput, submitConsentForm } from '../features/privacy/privacy'
import type { ReportFormResult } from '../features/reports/report-form'
import { reportInput, submitReportForm } from '../features/reports/report-form'
import {
  type FeedbackFormResult,
  feedbackInput,
  submitFeedback,
} from '../features/feedback/feedback'
import {
  type AcceptHouseRulesFormResult,
  acceptHouseRulesForm,
  submitAcceptHouseRules,
} from '../features/house-rules/house-rules'
import { withClientAddress } from '../lib/cms/cms-client'
import { clientKey } from '../lib/http/rate-limit'
import { getPortalContext, type PortalContext } from '../lib/portal-context'

/** Runs a form's handler; anything unexpected is logged and becomes that form's "unavailable" answer. */
async function orUnavailable<T>(
  label: string,
  run: () => Promise<T>,
  unavailable: () => T,
): Promise<T> {
  try {
    return await run()
  } catch (error) {
    console.error(`[portal] ${label} action failed:`, error)
    return unavailable()
  }
}

/**
 * The forms of a logged-in parent: the session is checked in the action itself (not only in the
 * middleware), an ended session answers `signed-out`, and a failure is a clear message as above.
 */
function asSignedInParent<T>(
  label: string,
  context: Parameters<typeof currentParent>[0] & { request: Request },
  run: (parent: PortalSession, portal: PortalContext) => Promise<T>,
  unavailable: () => NoInfer<T>,
): Promise<T | { ok: false; code: 'signed-out' }> {
  return orUnavailable<T | { ok: false; code: 'signed-out' }>(
    label,
    async () => {
      const portal = getPortalContext()
      const parent = await currentParent(context, portal)
      if (!parent) return { ok: false, code: 'signed-out' }
      // Not before the house rules (S18): the page this form posts to sends the parent there.
      if (await mustAcceptHouseRules(context.request, parent, portal))
        return { ok: false, code: 'signed-out' }
      return run(parent, portal)
    },
    unavailable,
  )
}

/**
 * The forms of the portal. Logging in, asking for a reset link and using an invitation or reset
 * link are the actions without a parent (the link's token is their proof); each counts against a
 * per-IP limit and never throws, so its page always shows a clear message instead of an error page.
 * The calls the CMS limits per address carry the parent's address (`withClientAddress`).
 */
export const server = {
  login: defineAction({
    accept: 'form',
    input: loginInput,
    handler: (input, context): Promise<LoginFormResult> =>
      orUnavailable(
        'Login',
        () => {
          const portal = getPortalContext()
          const key = clientKey(context)
          return submitLoginForm(input, {
            cms: withClientAddress(portal.cms, key),
            cookies: context.cookies,
            session: portal.session,
            limiter: portal.limiters.login,
            clientKey: key,
          })
        },
        () => ({
          ok: false,
          code: 'unavailable',
          message: UNAVAILABLE_MESSAGE,
          email: input.email,
        }),
      ),
  }),

  /** /uitnodiging/<token>: the invited parent chooses a password and is logged in. */
  acceptInvitation: defineAction({
    accept: 'form',
    input: newPasswordForm,
    handler: (input, context): Promise<InvitationFormResult> =>
      orUnavailable(
        'Invitation',
        () => {
          const portal = getPortalContext()
          const key = clientKey(context)
          return submitInvitationForm(input, {
            cms: withClientAddress(portal.cms, key),
            cookies: context.cookies,
            session: portal.session,
            limiter: portal.limiters.token,
            clientKey: key,
          })
        },
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }),
      ),
  }),

  /** /wachtwoord-vergeten: mail a reset link (the answer never tells whether the address exists). */
  forgotPassword: defineAction({
    accept: 'form',
    input: forgotPasswordInput,
    handler: (input, context): Promise<ForgotPasswordFormResult> =>
      orUnavailable(
        'Forgot-password',
        () => {
          const portal = getPortalContext()
          const key = clientKey(context)
          return submitForgotPasswordForm(input, {
            cms: withClientAddress(portal.cms, key),
            limiter: portal.limiters['password-reset'],
            clientKey: key,
          })
        },
        () => ({
          ok: false,
          code: 'unavailable',
          message: UNAVAILABLE_MESSAGE,
          email: input.email,
        }),
      ),
  }),

  /** /wachtwoord-herstellen/<token>: a new password through a reset link, then logged in. */
  resetPassword: defineAction({
    accept: 'form',
    input: newPasswordForm,
    handler: (input, context): Promise<ResetFormResult> =>
      orUnavailable(
        'Reset-password',
        () => {
          const portal = getPortalContext()
          const key = clientKey(context)
          return submitResetForm(input, {
            cms: withClientAddress(portal.cms, key),
            cookies: context.cookies,
            session: portal.session,
            limiter: portal.limiters.token,
            clientKey: key,
          })
        },
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }),
      ),
  }),

  /** /account: the logged-in parent changes their own name, phone and language. */
  updateAccount: defineAction({
    accept: 'form',
    input: accountInput,
    handler: (input, context): Promise<AccountFormResult> =>
      asSignedInParent(
        'Account',
        context,
        (parent, portal) =>
          submitAccountForm(input, {
            cms: portal.cms,
            cookies: context.cookies,
            parent,
            session: portal.session,
          }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }),
      ),
  }),
  /** /account/wachtwoord: the logged-in parent changes their password with the current one. */
  changePassword: defineAction({
    accept: 'form',
    input: changePasswordInput,
    handler: (input, context): Promise<ChangePasswordFormResult> =>
      asSignedInParent(
        'Change-password',
        context,
        (parent, portal) => submitChangePasswordForm(input, { cms: portal.cms, parent }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }),
      ),
  }),

  /**
   * /huisregels: the parent accepts the house rules they read (S18). The one form a parent may
   * send before accepting, so it checks the session without the house-rules gate.
   */
  acceptHouseRules: defineAction({
    accept: 'form',
    input: acceptHouseRulesForm,
    handler: (input, context): Promise<AcceptHouseRulesFormResult> =>
      orUnavailable(
        'House-rules',
        async () => {
          const portal = getPortalContext()
          const parent = await currentParent(context, portal)
          if (!parent) return { ok: false, code: 'signed-out' }
          return submitAcceptHouseRules(input, {
            cms: portal.cms,
            cookies: context.cookies,
            parent,
            session: portal.session,
          })
        },
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }),
      ),
  }),

  /** /account/agenda: a new private iCal feed link (the old one stops working), shown once. */
  createCalendarFeed: defineAction({
    accept: 'form',
    input: createCalendarFeedInput,
    handler: (input, context): Promise<CalendarFeedFormResult> =>
      asSignedInParent(
        'Calendar-feed',
        context,
        (parent, portal) =>
          submitCreateCalendarFeed({
            cms: portal.cms,
            parent,
            renewed: input.vervangt === '1',
          }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }),
      ),
  }),

  /** /account/agenda: the private iCal feed link stops working. */
  revokeCalendarFeed: defineAction({
    accept: 'form',
    input: revokeCalendarFeedInput,
    handler: (_input, context): Promise<CalendarFeedFormResult> =>
      asSignedInParent(
        'Calendar-feed-revoke',
        context,
        (parent, portal) => submitRevokeCalendarFeed({ cms: portal.cms, parent }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }),
      ),
  }),

  /** /account/privacy: the parent's image consent for one of their children (S16). */
  setImageConsent: defineAction({
    accept: 'form',
    input: consentInput,
    handler: (input, context): Promise<PrivacyFormResult> =>
      asSignedInParent(
        'Image-consent',
        context,
        (parent, portal) => submitConsentForm(input, { cms: portal.cms, parent }),
        () => ({
          ok: false,
          code: 'unavailable',
          message: UNAVAILABLE_MESSAGE,
          pupil: input.pupil,
          allowed: input.allowed === 'ja',
        }),
      ),
  }),

  /** /berichten/<id>/melden: "Meld dit bericht" for a post or one of its items (S15). */
  reportPost: defineAction({
    accept: 'form',
    input: reportInput,
    handler: (input, context): Promise<ReportFormResult> =>
      asSignedInParent(
        'Report',
        context,
        (parent, portal) =>
          submitReportForm(input, {
            cms: withClientAddress(portal.cms, clientKey(context)),
            parent,
            limiter: portal.limiters.report,
          }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }),
      ),
  }),

  /** /feedback: a tip or remark for the school (S20). */
  sendFeedback: defineAction({
    accept: 'form',
    input: feedbackInput,
    handler: (input, context): Promise<FeedbackFormResult> =>
      asSignedInParent(
        'Feedback',
        context,
        (parent, portal) => submitFeedback(input, { cms: portal.cms, parent }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }),
      ),
  }),

  /** /absentie: a child reported sick or away for an appointment (S9, S10). */
  reportAbsence: defineAction({
    accept: 'form',
    input: absenceInput,
    handler: (input, context): Promise<AbsenceFormResult> =>
      asSignedInParent(
        'Absence',
        context,
        (parent, portal) =>
          submitAbsenceForm(input, {
            cms: withClientAddress(portal.cms, clientKey(context)),
            parent,
          }),
        () => ({
          ok: false,
          code: 'unavailable',
          message: UNAVAILABLE_MESSAGE,
          fields: {},
          phone: null,
          existing: null,
        }),
      ),
  }),

  /** /absentie: a report withdrawn ("ingetrokken") while the rules allow it. */
  cancelAbsence: defineAction({
    accept: 'form',
    input: withdrawInput,
    handler: (input, context): Promise<WithdrawFormResult> =>
      asSignedInParent(
        'Cancel-absence',
        context,
        (parent, portal) => submitCancelAbsence(input, { cms: portal.cms, parent }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, id: input.id }),
      ),
  }),

  /** /absentie: extraordinary leave (verlof) requested from the director. */
  requestLeave: defineAction({
    accept: 'form',
    input: leaveInput,
    handler: (input, context): Promise<LeaveFormResult> =>
      asSignedInParent(
        'Leave-request',
        context,
        (parent, portal) =>
          submitLeaveForm(input, {
            cms: withClientAddress(portal.cms, clientKey(context)),
            parent,
          }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }),
      ),
  }),

  /** /absentie: an open leave request withdrawn. */
  withdrawLeave: defineAction({
    accept: 'form',
    input: withdrawInput,
    handler: (input, context): Promise<WithdrawFormResult> =>
      asSignedInParent(
        'Withdraw-leave',
        context,
        (parent, portal) => submitWithdrawLeave(input, { cms: portal.cms, parent }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, id: input.id }),
      ),
  }),

  /** /account/meldingen: the parent's email about new posts, per kind (C1). */
  setNotificationPreferences: defineAction({
    accept: 'form',
    input: notificationsInput,
    handler: (input, context): Promise<NotificationsFormResult> =>
      asSignedInParent(
        'Notification-preferences',
        context,
        (parent, portal) => submitNotificationsForm(input, { cms: portal.cms, parent }),
        () => ({
          ok: false,
          code: 'unavailable',
          message: UNAVAILABLE_MESSAGE,
          preferences: { news: input.news, group: input.group, messages: input.messages },
        }),
      ),
  }),

  /** /gesprekken/<id>: a message in one of the parent's conversations (S6, S7). */
  sendMessage: defineAction({
    accept: 'form',
    input: messageInput,
    handler: (input, context): Promise<MessageFormResult> =>
      asSignedInParent(
        'Message',
        context,
        (parent, portal) =>
          submitMessageForm(input, {
            cms: withClientAddress(portal.cms, clientKey(context)),
            parent,
          }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }),
      ),
  }),

  /** /gesprekken/<id>: the parent's own message corrected, or a held one rephrased. */
  editMessage: defineAction({
    accept: 'form',
    input: editMessageInput,
    handler: (input, context): Promise<MessageFormResult> =>
      asSignedInParent(
        'Edit-message',
        context,
        (parent, portal) => submitEditMessageForm(input, { cms: portal.cms, parent }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }),
      ),
  }),

  /** /gesprekken/nieuw: a question to the teachers about one of the parent's children (S7). */
  startConversation: defineAction({
    accept: 'form',
    input: startConversationInput,
    handler: (input, context): Promise<MessageFormResult> =>
      asSignedInParent(
        'Start-conversation',
        context,
        (parent, portal) =>
          submitStartConversationForm(input, {
            cms: withClientAddress(portal.cms, clientKey(context)),
            parent,
          }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }),
      ),
  }),

  /** /gesprekken/<id>/melden: "Meld dit bericht" for a message in a conversation (directors). */
  reportMessage: defineAction({
    accept: 'form',
    input: reportMessageInput,
    handler: (input, context): Promise<ReportMessageResult> =>
      asSignedInParent(
        'Report-message',
        context,
        (parent, portal) =>
          submitReportMessage(input, {
            cms: withClientAddress(portal.cms, clientKey(context)),
            parent,
            limiter: portal.limiters.report,
          }),
        () => ({ ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }),
      ),
  }),
  /** /hulpvragen: the parent signs up for a slot of a volunteer request, or joins its waitlist (S4). */
  volunteerSignUp: defineAction({
    accept: 'form',
    input: volunteerSignUpInput,
    handler: (input, context): Promise<VolunteerFormResult> =>
      asSignedInParent(
        'Volunteer-sign-up',
        context,
        (parent, portal) => submitVolunteerSignUp(input, { cms: portal.cms, parent }),
        () => ({
          ok: false,
          code: 'unavailable',
          message: UNAVAILABLE_MESSAGE,
          request: input.request,
          slot: input.slot,
          status: 503,
        }),
      ),
  }),

  /** /hulpvragen: the parent cancels their sign-up or leaves the waitlist. */
  volunteerCancel: defineAction({
    accept: 'form',
    input: volunteerCancelInput,
    handler: (input, context): Promise<VolunteerFormResult> =>
      asSignedInParent(
        'Volunteer-cancel',
        context,
        (parent, portal) => submitVolunteerCancel(input, { cms: portal.cms, parent }),
        () => ({
          ok: false,
          code: 'unavailable',
          message: UNAVAILABLE_MESSAGE,
          request: input.request,
          slot: input.slot,
          status: 503,
        }),
      ),
  }),
}
