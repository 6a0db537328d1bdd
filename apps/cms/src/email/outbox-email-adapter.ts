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
 * Payload's own emails (a staff member's "forgot password" in /admin) go through the same outbox
 * as everything else: stored as a job, sent by the queue, captured when there is no provider.
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
