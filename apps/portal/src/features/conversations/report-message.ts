import { z } from 'zod'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { PortalSession } from '../auth/session'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { idField } from '../../lib/cms/ids'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { rateLimitMessage } from '../../lib/http/rate-limit'
import { reportCategoryField, reportTextField } from '../reports/report-form'
import { conversationHref } from './conversations'

/**
 * "Meld dit bericht" for a message in a conversation (S15, issue #14): the report goes to the
 * directors only — the teachers take part in the conversation. The CMS checks that the message is
 * one the parent reads and did not write, and runs the conduct check on the text.
 */

export const reportMessageInput = z.object({
  conversation: idField,
  message: idField,
  category: reportCategoryField,
  text: reportTextField,
})
export type ReportMessageInput = z.infer<typeof reportMessageInput>

export const reportMessageHref = (conversation: string, message: string) =>
  `${conversationHref(conversation)}/melden?bericht=${encodeURIComponent(message)}`

export type ReportMessageResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: 'invalid-input' | 'forbidden' | 'rate-limited' | 'unavailable'
      message: string
      fields: Partial<Record<'category' | 'text', string>>
      retryAfterSeconds?: number
    }

/** Sends the report with the parent's token. Never throws. */
export async function submitReportMessage(
  input: ReportMessageInput,
  deps: { cms: Pick<CmsClient, 'createReport'>; parent: PortalSession; limiter: RateLimiter },
): Promise<ReportMessageResult> {
  try {
    const limit = await deps.limiter.consume(deps.parent.parentId)
    if (!limit.ok) {
      return {
        ok: false,
        code: 'rate-limited',
        message: rateLimitMessage(limit.retryAfterSeconds),
        fields: {},
        retryAfterSeconds: limit.retryAfterSeconds,
      }
    }
    const result = await deps.cms.createReport(deps.parent.token, {
      message: input.message,
      category: input.category,
      text: input.text,
    })
    if (result.ok) {
      return {
        ok: true,
        redirectTo: `${reportMessageHref(input.conversation, input.message)}&verstuurd=1`,
      }
    }
    switch (result.code) {
      case 'invalid-input':
        return {
          ok: false,
          code: 'invalid-input',
          message: result.fields.message || result.message || 'Controleer wat je hebt ingevuld.',
          fields: {
            ...(result.fields.category ? { category: result.fields.category } : {}),
            ...(result.fields.text ? { text: result.fields.text } : {}),
          },
        }
      case 'forbidden':
        return {
          ok: false,
          code: 'forbidden',
          message: 'Je kunt dit bericht niet (meer) melden. Is het dringend? Bel dan de school.',
          fields: {},
        }
      case 'rate-limited': {
        const seconds = result.retryAfterSeconds ?? 60
        return {
          ok: false,
          code: 'rate-limited',
          message: rateLimitMessage(seconds),
          fields: {},
          retryAfterSeconds: seconds,
        }
      }
    }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Reporting a message', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }
  }
}
