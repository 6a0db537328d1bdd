import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'

import { env } from '../lib/env'

/** What of a queued email may hold a working secret (a reset, invitation or unsubscribe link). */
export type EmailBody = { html: string; text: string; headers?: Record<string, string> }

// The outbox must survive a crash between "stored" and "sent", so the message is stored — but
// only encrypted, under a key derived from PAYLOAD_SECRET: the job rows (and anyone who can read
// them: a director through the jobs API, a database backup) never hold a usable link.
const key = () =>
  Buffer.from(hkdfSync('sha256', env.payloadSecret, 'schoolpost', 'outbox-email-body-v1', 32))

/** AES-256-GCM: base64url(iv ‖ tag ‖ ciphertext). */
export function sealEmailBody(body: EmailBody): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')
}

/** Throws when the message was sealed under another secret or was tampered with. */
export function openEmailBody(sealed: string): EmailBody {
  const bytes = Buffer.from(sealed, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', key(), bytes.subarray(0, 12))
  decipher.setAuthTag(bytes.subarray(12, 28))
  const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()])
  return JSON.parse(plain.toString('utf8')) as EmailBody
}

/**
 * The idempotency key as stored and sent: a hash of what the message is about. Callers may name
 * a message by its token (`password-reset:<token>`); the hash works as a key for Resend, not as
 * a link for whoever reads the log.
 */
export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(`schoolpost-email\n${key}`).digest('hex')
}
