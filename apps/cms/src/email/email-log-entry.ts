import type { OutgoingEmail } from './deliver-email'
import { redactLinks } from './redact-links'

export type EmailLogStatus = 'captured' | 'sent' | 'retrying' | 'failed'

/**
 * The "Verzonden e-mail" row of one message: what it was and what became of it. Staff read this
 * list, so it keeps the text with its links redacted and no HTML: a reset, invitation or
 * unsubscribe link must never be readable by anyone but its recipient.
 */
export function emailLogEntry(
  email: Pick<OutgoingEmail, 'to' | 'subject' | 'kind' | 'text' | 'idempotencyKey'>,
  status: EmailLogStatus,
  { providerId, error }: { providerId?: string | null; error?: string | null } = {},
) {
  return {
    to: email.to,
    subject: email.subject,
    kind: email.kind,
    text: redactLinks(email.text),
    idempotencyKey: email.idempotencyKey,
    status,
    providerId: providerId ?? null,
    lastError: error ?? null,
  }
}
