import type { NoticeView } from '../auth/login-page'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import { retryAfterHeaders } from '../../lib/http/rate-limit'
import type { MessageFormFailure } from './message-forms'

/**
 * What a conversation's page shows around its forms after a POST: the status, a notice, and the
 * text the parent typed — kept in the composer (or in the box of the message they were
 * correcting) whatever went wrong, so nothing they wrote is lost.
 */
export type ComposerState = {
  status: number
  headers: Record<string, string>
  notice: NoticeView | undefined
  /** The composer's text (what was posted when it did not get through). */
  draft: string
  draftError: string | undefined
  /** A correction that did not get through: which message, and its text. */
  editing: { message: string; body: string; error: string | undefined } | null
}

const asText = (value: unknown, max: number) =>
  typeof value === 'string' ? value.slice(0, max) : ''

const STATUS_OF: Record<MessageFormFailure['code'], number> = {
  'invalid-input': 400,
  conduct: 422,
  'not-found': 404,
  refused: 409,
  'rate-limited': 429,
  unavailable: 503,
}

export function composerState(input: {
  url: URL
  /** Which form was posted: the composer or a correction. */
  posted: 'message' | 'edit' | null
  outcome: ActionOutcome<MessageFormFailure>
  form: { body?: unknown; message?: unknown } | undefined
}): ComposerState {
  const { url, posted, outcome, form } = input
  const body = asText(form?.body, 5000)
  const base: ComposerState = {
    status: 200,
    headers: {},
    notice: undefined,
    draft: '',
    draftError: undefined,
    editing: null,
  }
  const keep = (
    error: string | undefined,
  ): Pick<ComposerState, 'draft' | 'draftError' | 'editing'> =>
    posted === 'edit'
      ? {
          draft: '',
          draftError: undefined,
          editing: { message: asText(form?.message, 64), body, error },
        }
      : { draft: body, draftError: error, editing: null }
  const notSent: NoticeView = {
    kind: 'error',
    title: 'Niet verstuurd',
    message: 'Je bericht is nog niet verstuurd. Je tekst staat er nog.',
  }

  switch (outcome.kind) {
    case 'none': {
      if (url.searchParams.has('tegengehouden')) {
        return {
          ...base,
          notice: {
            kind: 'warning',
            title: 'Je bericht is niet bezorgd',
            message:
              'Het past niet bij de afspraken van de school. Hieronder lees je waarom; pas het aan en verstuur het opnieuw. De directie kan tegengehouden berichten zien.',
          },
        }
      }
      if (url.searchParams.has('niet-verstuurd')) {
        return {
          ...base,
          notice: {
            kind: 'warning',
            title: 'Je vraag staat klaar, je bericht nog niet',
            message:
              'Het gesprek is begonnen, maar je bericht kwam niet aan. Schrijf het hieronder opnieuw.',
          },
        }
      }
      return base
    }
    case 'input-error': {
      const error = outcome.fields.body?.[0]
      const other = outcome.fields.conversation?.[0] ?? outcome.fields.message?.[0]
      return {
        ...base,
        status: 400,
        notice: other ? { ...notSent, message: other } : notSent,
        ...keep(error),
      }
    }
    case 'action-error':
      return { ...base, status: 400, notice: notSent, ...keep(undefined) }
    case 'result': {
      const { result } = outcome
      return {
        ...base,
        status: STATUS_OF[result.code],
        headers:
          result.code === 'rate-limited'
            ? retryAfterHeaders(result.retryAfterSeconds ?? 60)
            : result.code === 'unavailable'
              ? { 'Retry-After': '30' }
              : {},
        notice: {
          kind: 'error',
          title: result.code === 'unavailable' ? 'Schoolpost is niet bereikbaar' : 'Niet verstuurd',
          message: `${result.message} Je tekst staat er nog.`,
        },
        ...keep(result.fields.body),
      }
    }
  }
}
