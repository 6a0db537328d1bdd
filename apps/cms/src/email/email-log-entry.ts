import type { OutgoingEmail } from './deliver-email'

export type EmailLogStatus = 'captured' | 'sent' | 'retrying' | 'failed'

/** The "Verzonden e-mail" row of one message: what it was and what became of it. */
export function emailLogEntry(
  email: OutgoingEmail,
  status: EmailLogStatus,
  { providerId, error }: { providerId?: string | null; error?: string | null } = {},
) {
  return {
    to: email.to,
    subject: email.subject,
    kind: email.kind,
    text: email.text,
    html: email.html,
    idempotencyKey: email.idempotencyKey,
    status,
    providerId: providerId ?? null,
    lastError: error ?? null,
  }
}
