import type { ParentFeedback } from '@schoolpost/contracts'
import {
  FEEDBACK_MAX_LENGTH,
  FEEDBACK_MIN_LENGTH,
  FEEDBACK_STATUSES,
  FEEDBACK_TOPICS,
  type FeedbackTopic,
} from '@schoolpost/policies'
import { z } from 'zod'

import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import { rateLimitMessage } from '../../lib/http/rate-limit'
import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { PortalSession } from '../auth/session'

/**
 * `/feedback` (S20): a parent sends the school a tip or remark about Schoolpost or its rules, and
 * reads the school's answers. The rules (topic, length, code of conduct) are the policy's
 * `checkFeedback`; the CMS checks them again and records who sent it.
 */

export const FEEDBACK_PAGE = '/feedback'
export const FEEDBACK_SENT_PATH = `${FEEDBACK_PAGE}?verstuurd=1`
export const FEEDBACK_SENT_MESSAGE =
  'Bedankt voor je feedback. De directie leest hem en antwoordt hier.'

export const FEEDBACK_TOPIC_OPTIONS = Object.entries(FEEDBACK_TOPICS).map(([value, label]) => ({
  value: value as FeedbackTopic,
  label,
}))

export const feedbackInput = z.object({
  onderwerp: z.enum(Object.keys(FEEDBACK_TOPICS) as [FeedbackTopic, ...FeedbackTopic[]], {
    error: 'Kies waar je feedback over gaat.',
  }),
  tekst: z
    .string({ error: 'Schrijf je tip of opmerking.' })
    .trim()
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .pipe(
      z
        .string()
        .min(FEEDBACK_MIN_LENGTH, {
          error: `Schrijf minstens ${FEEDBACK_MIN_LENGTH} tekens, zodat de school begrijpt wat je bedoelt.`,
        })
        .max(FEEDBACK_MAX_LENGTH, {
          error: `Je feedback is te lang: maximaal ${FEEDBACK_MAX_LENGTH} tekens.`,
        }),
    ),
  // A checkbox: "on" when ticked, absent otherwise (`.optional()` outermost: see actions).
  anoniem: z.literal('on').optional(),
})
export type FeedbackInput = z.infer<typeof feedbackInput>

export type FeedbackFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: 'invalid-input' | 'rate-limited' | 'unavailable'
      message: string
      fields: Partial<Record<'onderwerp' | 'tekst', string>>
    }

/** "Verstuur": the feedback to the CMS. Never throws. */
export async function submitFeedback(
  input: FeedbackInput,
  deps: { cms: Pick<CmsClient, 'sendFeedback'>; parent: PortalSession },
): Promise<FeedbackFormResult> {
  try {
    const result = await deps.cms.sendFeedback(deps.parent.token, {
      topic: input.onderwerp,
      message: input.tekst,
      anonymous: input.anoniem === 'on',
    })
    if (result.ok) return { ok: true, redirectTo: FEEDBACK_SENT_PATH }
    if (result.code === 'rate-limited')
      return {
        ok: false,
        code: 'rate-limited',
        message: rateLimitMessage(result.retryAfterSeconds ?? 3600),
        fields: {},
      }
    const fields: Partial<Record<'onderwerp' | 'tekst', string>> = {}
    if (result.fields.topic) fields.onderwerp = result.fields.topic
    if (result.fields.message) fields.tekst = result.fields.message
    return {
      ok: false,
      code: 'invalid-input',
      message: result.fields.message || result.fields.topic || result.message,
      fields,
    }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Sending feedback', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }
  }
}

export type FeedbackItemView = {
  id: string
  topicLabel: string
  sentLabel: string
  message: string
  statusLabel: string
  anonymous: boolean
  answer: { text: string; label: string } | null
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
})

export function feedbackItemView(item: ParentFeedback): FeedbackItemView {
  return {
    id: item.id,
    topicLabel: FEEDBACK_TOPICS[item.topic],
    sentLabel: `Verstuurd op ${dateTime.format(new Date(item.createdAt))}`,
    message: item.message,
    statusLabel: FEEDBACK_STATUSES[item.status],
    anonymous: item.anonymous === true,
    answer: item.answer
      ? {
          text: item.answer,
          label: item.answeredAt
            ? `Antwoord van de directie, ${dateTime.format(new Date(item.answeredAt))}`
            : 'Antwoord van de directie',
        }
      : null,
  }
}

export type FeedbackLoad =
  { kind: 'ok'; items: FeedbackItemView[] } | { kind: 'signed-out' } | { kind: 'unavailable' }

export async function loadFeedback(
  session: PortalSession,
  cms: Pick<CmsClient, 'listOwnFeedback'>,
): Promise<FeedbackLoad> {
  try {
    return { kind: 'ok', items: (await cms.listOwnFeedback(session.token)).map(feedbackItemView) }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading feedback', error)
    return { kind: 'unavailable' }
  }
}

export type FeedbackFailure = Extract<
  FeedbackFormResult,
  { ok: false; code: 'invalid-input' | 'rate-limited' | 'unavailable' }
>

export type FeedbackFormView = {
  /** The page's HTTP status: 400 for a refused form, 429 limited, 503 the CMS away. */
  status: number
  sent: boolean
  notice: { kind: 'success' | 'error'; title: string; message: string } | null
  values: { onderwerp: string; tekst: string; anoniem: boolean }
  fieldErrors: { onderwerp?: string; tekst?: string }
}

/** What the form shows: a thank-you after sending, or the refusal with what the parent typed. */
export function feedbackFormView({
  url,
  outcome,
  form,
}: {
  url: URL
  outcome: ActionOutcome<FeedbackFailure>
  form: Partial<Record<'onderwerp' | 'tekst' | 'anoniem', unknown>> | undefined
}): FeedbackFormView {
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  const values = {
    onderwerp: text(form?.onderwerp),
    tekst: text(form?.tekst),
    anoniem: form?.anoniem === 'on',
  }
  if (outcome.kind === 'result')
    return {
      status: { 'invalid-input': 400, 'rate-limited': 429, unavailable: 503 }[outcome.result.code],
      sent: false,
      notice: { kind: 'error', title: 'Niet verstuurd', message: outcome.result.message },
      values,
      fieldErrors: outcome.result.fields,
    }
  if (outcome.kind === 'input-error') {
    const fieldErrors: FeedbackFormView['fieldErrors'] = {}
    const onderwerp = outcome.fields.onderwerp?.[0]
    const tekst = outcome.fields.tekst?.[0]
    if (onderwerp) fieldErrors.onderwerp = onderwerp
    if (tekst) fieldErrors.tekst = tekst
    return {
      status: 400,
      sent: false,
      notice: {
        kind: 'error',
        title: 'Niet verstuurd',
        message: 'Controleer wat je hebt ingevuld.',
      },
      values,
      fieldErrors,
    }
  }
  if (outcome.kind === 'action-error')
    return {
      status: 400,
      sent: false,
      notice: { kind: 'error', title: 'Niet verstuurd', message: UNAVAILABLE_MESSAGE },
      values,
      fieldErrors: {},
    }
  const sent = url.searchParams.get('verstuurd') === '1'
  return {
    status: 200,
    sent,
    notice: sent ? { kind: 'success', title: 'Verstuurd', message: FEEDBACK_SENT_MESSAGE } : null,
    values: { onderwerp: '', tekst: '', anoniem: false },
    fieldErrors: {},
  }
}
