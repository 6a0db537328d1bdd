import type { NoticeView } from '../auth/login-page'
import type { PortalSession } from '../auth/session'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import { retryAfterHeaders } from '../../lib/http/rate-limit'
import { childSummary, telHref } from '../home/load-home'
import type { MessageFormFailure } from './message-forms'

type Field = 'pupil' | 'subject' | 'body'

export type StartPageView =
  | { kind: 'signed-out' }
  | { kind: 'unavailable'; status: 503; headers: Record<string, string> }
  | {
      kind: 'ok'
      status: number
      headers: Record<string, string>
      /** The parent's children who are in a group (there are teachers to ask). */
      children: { id: string; label: string; checked: boolean }[]
      values: { subject: string; body: string }
      fieldErrors: Partial<Record<Field, string>>
      notice: NoticeView | undefined
      phone: string
      phoneHref: string
      replyTime: string
    }

const asText = (value: unknown, max: number) =>
  typeof value === 'string' ? value.slice(0, max) : ''

const STATUS_OF: Record<MessageFormFailure['code'], number> = {
  'invalid-input': 400,
  conduct: 422,
  'not-found': 404,
  refused: 403,
  'rate-limited': 429,
  unavailable: 503,
}

/**
 * The "new question" page: the parent's children in a group to choose from, the school's phone
 * and reply time, and after a refused POST what was typed with the reasons.
 */
export async function startPageView(input: {
  session: PortalSession
  cms: Pick<CmsClient, 'listPupils' | 'getSchoolSettings'>
  outcome: ActionOutcome<MessageFormFailure>
  form: Partial<Record<Field, unknown>> | undefined
}): Promise<StartPageView> {
  const { session, cms, outcome, form } = input
  let pupils: Awaited<ReturnType<CmsClient['listPupils']>>
  let settings: Awaited<ReturnType<CmsClient['getSchoolSettings']>>
  try {
    ;[pupils, settings] = await Promise.all([
      cms.listPupils(session.token),
      cms.getSchoolSettings(session.token),
    ])
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading the new-question page', error)
    return { kind: 'unavailable', status: 503, headers: { 'Retry-After': '30' } }
  }
  const chosen = asText(form?.pupil, 64)
  const inGroup = pupils.map(childSummary).filter((child) => child.groupName)
  const children = inGroup.map((child) => ({
    id: child.id,
    label: `${child.firstName} (${child.groupName})`,
    checked: inGroup.length === 1 || child.id === chosen,
  }))
  const values = { subject: asText(form?.subject, 200), body: asText(form?.body, 5000) }
  const base = {
    kind: 'ok' as const,
    status: 200,
    headers: {},
    children,
    values,
    fieldErrors: {},
    notice: undefined,
    phone: settings.phone,
    phoneHref: telHref(settings.phone),
    replyTime: settings.replyTime || 'binnen twee werkdagen',
  }
  const check: NoticeView = {
    kind: 'error',
    title: 'Controleer wat je hebt ingevuld',
    message: 'Je vraag is nog niet verstuurd.',
  }
  switch (outcome.kind) {
    case 'none':
      return base
    case 'input-error': {
      const fieldErrors: Partial<Record<Field, string>> = {}
      for (const key of ['pupil', 'subject', 'body'] as const) {
        const message = outcome.fields[key]?.[0]
        if (message) fieldErrors[key] = message
      }
      return { ...base, status: 400, notice: check, fieldErrors }
    }
    case 'action-error':
      return { ...base, status: 400, notice: check }
    case 'result': {
      const { result } = outcome
      return {
        ...base,
        status: STATUS_OF[result.code],
        headers:
          result.code === 'rate-limited' ? retryAfterHeaders(result.retryAfterSeconds ?? 60) : {},
        notice: { kind: 'error', title: 'Niet verstuurd', message: result.message },
        fieldErrors: result.fields,
      }
    }
  }
}
