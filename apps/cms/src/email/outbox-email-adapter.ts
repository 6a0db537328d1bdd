import { createHash } from 'node:crypto'
import type { EmailAdapter } from 'payload'

import { queueEmail } from './queue-email'

const asText = (value: unknown): string =>
  Array.isArray(value)
    ? value.map(asText).join(', ')
    : typeof value === 'string'
      ? value
      : value && typeof value === 'object' && 'address' in value
        ? String(value.address)
        : ''

/**
 * Any email Payload itself would send goes through the same outbox as everything else: stored as
 * a job, sent by the queue, captured when there is no provider. Payload's one such flow we use,
 * "forgot password", is replaced by `forgotPasswordEndpoint` for staff and parents: Payload sends
 * from inside its own transaction, and this adapter cannot join that transaction (no `req`).
 */
export function outboxEmailAdapter({ from }: { from: string }): EmailAdapter {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from
  const name = from.includes('<') ? from.slice(0, from.indexOf('<')).trim() : 'Schoolpost'
  return ({ payload }) => ({
    name: 'schoolpost-outbox',
    defaultFromAddress: address,
    defaultFromName: name,
    sendEmail: async (message) => {
      const to = asText(message.to)
      const subject = message.subject ?? ''
      const html = typeof message.html === 'string' ? message.html : ''
      const text = typeof message.text === 'string' ? message.text : html.replace(/<[^>]+>/g, ' ')
      const idempotencyKey = createHash('sha256')
        .update(`${to}\n${subject}\n${html}`)
        .digest('hex')
        .slice(0, 48)
      await queueEmail({
        payload,
        email: { to, subject, html, text, idempotencyKey, kind: 'system' },
      })
    },
  })
}
