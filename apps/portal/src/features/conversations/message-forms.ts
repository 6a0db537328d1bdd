import { CONVERSATION_SUBJECT_MAX, MESSAGE_BODY_MAX } from '@schoolpost/contracts'
import { z } from 'zod'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { PortalSession } from '../auth/session'
import type { CmsClient, ConversationWriteResult } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { idField } from '../../lib/cms/ids'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { rateLimitMessage } from '../../lib/http/rate-limit'
import { conversationHref } from './conversations'

/**
 * The parent's writes in conversations: a message, a correction of their own message (within
 * five minutes, or a held one rephrased), and a new question to the teachers. The CMS checks
 * everything again (who takes part, the conduct check, the limits); what the parent typed is
 * given back with every refusal, so nothing they wrote is lost.
 */

/** Browsers send line breaks as CRLF; count them as one character, like the text box does. */
const text = (empty: string, max: number, tooLong: string) =>
  z
    .string({ error: empty })
    .trim()
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .pipe(z.string().min(1, { error: empty }).max(max, { error: tooLong }))

const messageBody = text(
  'Schrijf eerst een bericht.',
  MESSAGE_BODY_MAX,
  `Een bericht mag hoogstens ${MESSAGE_BODY_MAX} tekens lang zijn.`,
)

export const messageInput = z.object({ conversation: idField, body: messageBody })
export type MessageInput = z.infer<typeof messageInput>

export const editMessageInput = z.object({
  conversation: idField,
  message: idField,
  body: messageBody,
})
export type EditMessageInput = z.infer<typeof editMessageInput>

export const startConversationInput = z.object({
  pupil: z.string({ error: 'Kies over welk kind je vraag gaat.' }).pipe(idField),
  subject: text(
    'Geef je vraag een onderwerp.',
    CONVERSATION_SUBJECT_MAX,
    `Het onderwerp mag hoogstens ${CONVERSATION_SUBJECT_MAX} tekens lang zijn.`,
  ),
  body: messageBody,
})
export type StartConversationInput = z.infer<typeof startConversationInput>

type Field = 'pupil' | 'subject' | 'body'

export type MessageFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: 'invalid-input' | 'conduct' | 'not-found' | 'refused' | 'rate-limited' | 'unavailable'
      message: string
      fields: Partial<Record<Field, string>>
      retryAfterSeconds?: number
    }

export type MessageFormFailure = Exclude<MessageFormResult, { ok: true } | { code: 'signed-out' }>

/** Where the parent lands after a write: the thread at the message, saying what happened. */
export const afterWriteHref = (conversation: string, message: string, held: boolean) =>
  `${conversationHref(conversation)}?${held ? 'tegengehouden' : 'verstuurd'}=${encodeURIComponent(message)}#bericht-${encodeURIComponent(message)}`

/** The CMS's refusal as the form shows it. */
function refusalOf(result: Exclude<ConversationWriteResult, { ok: true }>): MessageFormFailure {
  if (result.code === 'rate-limited') {
    const seconds = 'retryAfterSeconds' in result ? (result.retryAfterSeconds ?? 60) : 60
    return {
      ok: false,
      code: 'rate-limited',
      message: rateLimitMessage(seconds),
      fields: {},
      retryAfterSeconds: seconds,
    }
  }
  const refusal = result as Extract<ConversationWriteResult, { message: string }>
  const fields: Partial<Record<Field, string>> = {}
  for (const key of ['pupil', 'subject', 'body'] as const) {
    if (refusal.fields[key]) fields[key] = refusal.fields[key]
  }
  switch (refusal.code) {
    case 'conduct':
      return { ok: false, code: 'conduct', message: refusal.message, fields }
    case 'not-found':
      return { ok: false, code: 'not-found', message: refusal.message, fields }
    case 'invalid-input':
    case 'empty':
    case 'no-subject':
    case 'no-pupil':
      return { ok: false, code: 'invalid-input', message: refusal.message, fields }
    default:
      return { ok: false, code: 'refused', message: refusal.message, fields }
  }
}

async function orUnavailable(
  label: string,
  run: () => Promise<MessageFormResult>,
): Promise<MessageFormResult> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure(label, error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }
  }
}

/** A new message in a conversation the parent takes part in. Never throws. */
export function submitMessageForm(
  input: MessageInput,
  deps: { cms: Pick<CmsClient, 'sendMessage'>; parent: PortalSession },
): Promise<MessageFormResult> {
  return orUnavailable('Sending a message', async () => {
    const result = await deps.cms.sendMessage(deps.parent.token, {
      conversation: input.conversation,
      body: input.body,
    })
    if (!result.ok) return refusalOf(result)
    return {
      ok: true,
      redirectTo: afterWriteHref(input.conversation, result.id, result.status === 'held'),
    }
  })
}

/** The parent's own message corrected, or a held one rephrased. Never throws. */
export function submitEditMessageForm(
  input: EditMessageInput,
  deps: { cms: Pick<CmsClient, 'editMessage'>; parent: PortalSession },
): Promise<MessageFormResult> {
  return orUnavailable('Editing a message', async () => {
    const result = await deps.cms.editMessage(deps.parent.token, input.message, input.body)
    if (!result.ok) return refusalOf(result)
    return {
      ok: true,
      redirectTo: afterWriteHref(input.conversation, result.id, result.status === 'held'),
    }
  })
}

/**
 * A question to the teachers about one of the parent's children (S7): the conversation, then its
 * first message. Should the message not get through after the conversation was made, the parent
 * is told so and the conversation's page holds the composer to send it again.
 */
export function submitStartConversationForm(
  input: StartConversationInput,
  deps: { cms: Pick<CmsClient, 'startConversation' | 'sendMessage'>; parent: PortalSession },
): Promise<MessageFormResult> {
  return orUnavailable('Starting a conversation', async () => {
    const started = await deps.cms.startConversation(deps.parent.token, {
      pupil: input.pupil,
      subject: input.subject,
    })
    if (!started.ok) return refusalOf(started)
    let sent: ConversationWriteResult
    try {
      sent = await deps.cms.sendMessage(deps.parent.token, {
        conversation: started.id,
        body: input.body,
      })
    } catch (error) {
      if (error instanceof CmsUnauthorizedError) throw error
      reportCmsFailure('Sending the first message', error)
      return { ok: true, redirectTo: `${conversationHref(started.id)}?niet-verstuurd=1` }
    }
    // The conversation exists: sending the form again would make a second one.
    if (!sent.ok)
      return { ok: true, redirectTo: `${conversationHref(started.id)}?niet-verstuurd=1` }
    return { ok: true, redirectTo: afterWriteHref(started.id, sent.id, sent.status === 'held') }
  })
}
