import type { PortalPost } from '@schoolpost/contracts'
import { z } from 'zod'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { NoticeView } from '../auth/login-page'
import type { PortalSession } from '../auth/session'
import type { CmsClient, ReportCategory } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { REPORT_CATEGORIES } from '../../lib/cms/content'
import { idField } from '../../lib/cms/ids'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { rateLimitMessage, retryAfterHeaders } from '../../lib/http/rate-limit'
import { postHref, reportHref } from '../posts/post-view'

/**
 * "Meld dit bericht" (S15): a parent who doubts a post or one of its photos or videos tells the
 * group's teachers and the directors, with a reason and a short text. The CMS stores the report
 * and notifies staff.
 */

export const REPORT_TEXT_MAX = 2000

export const REPORT_CATEGORY_OPTIONS = [
  { value: 'privacy', label: 'Privacy van een kind' },
  { value: 'inappropriate', label: 'Ongepast' },
  { value: 'incorrect', label: 'Niet juist' },
  { value: 'other', label: 'Anders' },
] as const satisfies readonly { value: ReportCategory; label: string }[]

export const REPORT_CATEGORY_LABELS = Object.fromEntries(
  REPORT_CATEGORY_OPTIONS.map((option) => [option.value, option.label]),
) as Record<ReportCategory, string>

export const REPORT_SENT_MESSAGE =
  'Bedankt. De leerkracht en de directie hebben je melding ontvangen.'

/** Why: one of the report categories (a post, a photo or a conversation message alike). */
export const reportCategoryField = z.enum(REPORT_CATEGORIES, {
  error: 'Kies waar je melding over gaat.',
})

/** What is wrong, in the parent's words. */
export const reportTextField = z
  .string({ error: 'Schrijf kort wat er volgens jou niet klopt.' })
  .trim()
  // Browsers send line breaks as CRLF; count them as one character, like the text box does.
  .transform((value) => value.replace(/\r\n?/g, '\n'))
  .pipe(
    z
      .string()
      .min(1, { error: 'Schrijf kort wat er volgens jou niet klopt.' })
      .max(REPORT_TEXT_MAX, {
        error: `Je melding mag hoogstens ${REPORT_TEXT_MAX} tekens lang zijn.`,
      }),
  )

export const reportInput = z.object({
  post: idField,
  media: idField.optional(),
  category: reportCategoryField,
  text: reportTextField,
})

export type ReportInput = z.infer<typeof reportInput>

type ReportField = 'category' | 'text'

export type ReportFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: 'invalid-input' | 'forbidden' | 'rate-limited' | 'unavailable'
      message: string
      fields: Partial<Record<ReportField, string>>
      retryAfterSeconds?: number
    }

export type ReportFailure = Exclude<ReportFormResult, { ok: true } | { code: 'signed-out' }>

export const sentPath = (postId: string) => `${postHref(postId)}/melden?verstuurd=1`

const FORBIDDEN_MESSAGE =
  'Je kunt dit bericht niet (meer) melden. Is het dringend? Bel dan de school.'

/** Sends the report to the CMS with the parent's token. Never throws. */
export async function submitReportForm(
  input: ReportInput,
  deps: {
    cms: Pick<CmsClient, 'createReport'>
    /** The parent of this request (the action checked the session). */
    parent: PortalSession
    /** Counts per parent (their id), not per IP. */
    limiter: RateLimiter
  },
): Promise<ReportFormResult> {
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
      post: input.post,
      media: input.media,
      category: input.category,
      text: input.text,
    })
    if (result.ok) return { ok: true, redirectTo: sentPath(input.post) }
    switch (result.code) {
      case 'invalid-input': {
        const fields: Partial<Record<ReportField, string>> = {}
        for (const key of ['category', 'text'] as const) {
          const message = result.fields[key]
          if (message) fields[key] = message
        }
        // The CMS checks that the post (and item) are the parent's to report: say its reason.
        const about = result.fields.post || result.fields.media
        return {
          ok: false,
          code: 'invalid-input',
          message: about || result.message || 'Controleer wat je hebt ingevuld.',
          fields,
        }
      }
      case 'forbidden':
        return { ok: false, code: 'forbidden', message: FORBIDDEN_MESSAGE, fields: {} }
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
    reportCmsFailure('Sending a report', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }
  }
}

export type ReportSubject = { mediaId: string | null; label: string }

/**
 * What is reported: the post, or one photo or video of it (`?media=<id>`). `null` when the item
 * is not (or no longer) in the gallery the parent sees.
 */
export function reportSubject(post: PortalPost, mediaParam: string | null): ReportSubject | null {
  const title = `„${post.title.trim()}”`
  if (!mediaParam) return { mediaId: null, label: `het bericht ${title}` }
  const media = post.gallery.find((item) => item.id === mediaParam)
  if (!media) return null
  return {
    mediaId: media.id,
    label: `${media.kind === 'video' ? 'een video' : 'een foto'} bij het bericht ${title}`,
  }
}

export type ReportPageView = {
  status: number
  headers: Record<string, string>
  /** After sending: the thank-you, and no form. */
  sent: boolean
  notice: NoticeView | undefined
  values: { category: ReportCategory | ''; text: string }
  fieldErrors: Partial<Record<ReportField, string>>
  backHref: string
  /** The action's target, with `?media=` kept so the page re-renders for the same item. */
  formPath: string
}

const asText = (value: unknown, max: number) =>
  typeof value === 'string' ? value.slice(0, max) : undefined

const asCategory = (value: unknown): ReportCategory | '' =>
  REPORT_CATEGORIES.find((category) => category === value) ?? ''

/** The report page for one request: the form (with what was typed and its errors), or the thanks. */
export function reportPageView(input: {
  url: URL
  post: PortalPost
  subject: ReportSubject
  outcome: ActionOutcome<ReportFailure>
  form: { category?: unknown; text?: unknown } | undefined
}): ReportPageView {
  const { url, post, subject, outcome, form } = input
  const values = {
    category: asCategory(form?.category),
    text: asText(form?.text, REPORT_TEXT_MAX + 200) ?? '',
  }
  const base = {
    headers: {},
    sent: false,
    values,
    fieldErrors: {},
    backHref: postHref(post.id),
    formPath: reportHref(post.id, subject.mediaId ?? undefined),
  }
  const check: NoticeView = {
    kind: 'error',
    title: 'Controleer wat je hebt ingevuld',
    message: 'Je melding is nog niet verstuurd.',
  }
  switch (outcome.kind) {
    case 'none':
      return {
        ...base,
        status: 200,
        sent: url.searchParams.get('verstuurd') === '1',
        notice: undefined,
      }
    case 'input-error': {
      const fieldErrors: ReportPageView['fieldErrors'] = {}
      for (const key of ['category', 'text'] as const) {
        const message = outcome.fields[key]?.[0]
        if (message) fieldErrors[key] = message
      }
      // A broken hidden field (post/media) has no field of its own to show its message at.
      const other = outcome.fields.post?.[0] ?? outcome.fields.media?.[0]
      return {
        ...base,
        status: 400,
        notice: other ? { ...check, message: other } : check,
        fieldErrors,
      }
    }
    case 'action-error':
      return { ...base, status: 400, notice: check }
    case 'result': {
      const { result } = outcome
      switch (result.code) {
        case 'invalid-input':
          return {
            ...base,
            status: 400,
            notice: { ...check, message: result.message },
            fieldErrors: result.fields,
          }
        case 'forbidden':
          return {
            ...base,
            status: 403,
            notice: { kind: 'error', title: 'Niet verstuurd', message: result.message },
          }
        case 'rate-limited':
          return {
            ...base,
            status: 429,
            headers: retryAfterHeaders(result.retryAfterSeconds ?? 60),
            notice: { kind: 'error', title: 'Even wachten', message: result.message },
          }
        case 'unavailable':
          return {
            ...base,
            status: 503,
            headers: { 'Retry-After': '30' },
            notice: {
              kind: 'error',
              title: 'Schoolpost is niet bereikbaar',
              message: result.message,
            },
          }
      }
    }
  }
}
