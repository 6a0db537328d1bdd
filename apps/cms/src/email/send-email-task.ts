import type { Payload, TaskConfig } from 'payload'

import { env } from '../lib/env'
import { captureToMailbox } from './capture-to-mailbox'
import {
  deliverEmail,
  PermanentEmailError,
  RetryLaterError,
  type OutgoingEmail,
} from './deliver-email'
import { emailLogEntry, type EmailLogStatus } from './email-log-entry'
import { queueSealedEmail, type QueuedEmail } from './queue-email'
import { openEmailBody } from './seal-email'

const RETRIES = 6

/** One log row per message (by idempotency key), written outside the job's transaction. Returns the attempts so far. */
async function writeLog(
  payload: Payload,
  email: OutgoingEmail,
  status: EmailLogStatus,
  extra: { providerId?: string; error?: string; countAttempt?: boolean } = {},
): Promise<number> {
  const existing = await payload.find({
    collection: 'email-log',
    where: { idempotencyKey: { equals: email.idempotencyKey } },
    limit: 1,
    depth: 0,
  })
  const data = {
    ...emailLogEntry(email, status, {
      providerId: extra.providerId ?? existing.docs[0]?.providerId,
      error: extra.error,
    }),
    attempts:
      (existing.docs[0]?.attempts ?? 0) +
      (status === 'captured' || extra.countAttempt === false ? 0 : 1),
  }
  if (existing.docs[0]) {
    await payload.update({ collection: 'email-log', id: existing.docs[0].id, data, depth: 0 })
  } else {
    await payload.create({ collection: 'email-log', data, depth: 0 })
  }
  return data.attempts
}

export const sendEmailTask: TaskConfig<{
  input: QueuedEmail
  output: { status: string; providerId?: string }
}> = {
  slug: 'sendEmail',
  label: 'E-mail versturen',
  retries: { attempts: RETRIES, backoff: { type: 'exponential', delay: env.emailRetryBaseMs } },
  // The body is sealed (`seal-email.ts`): the job row never holds a usable link.
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'kind', type: 'text', required: true },
    { name: 'idempotencyKey', type: 'text', required: true },
    { name: 'sealed', type: 'textarea', required: true },
  ],
  outputSchema: [
    { name: 'status', type: 'text', required: true },
    { name: 'providerId', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    let email: OutgoingEmail
    try {
      email = { ...input, ...openEmailBody(input.sealed) }
    } catch {
      // Sealed under another PAYLOAD_SECRET (rotated) or damaged: it can never be sent.
      const unreadable = { ...input, html: '', text: '' }
      await writeLog(req.payload, unreadable, 'failed', {
        error: 'Het bericht kan niet meer worden geopend (PAYLOAD_SECRET gewijzigd?).',
        countAttempt: false,
      })
      return { output: { status: 'failed' } }
    }
    if (!env.resendApiKey) {
      // Development without a provider: the message goes to the developer's local mailbox.
      await captureToMailbox(email)
      await writeLog(req.payload, email, 'captured')
      req.payload.logger.info(`E-mail vastgelegd (geen RESEND_API_KEY): ${email.kind}`)
      return { output: { status: 'captured' } }
    }
    try {
      const { providerId } = await deliverEmail({
        email,
        apiKey: env.resendApiKey,
        from: env.emailFrom,
      })
      await writeLog(req.payload, email, 'sent', { providerId })
      return { output: { status: 'sent', providerId } }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof RetryLaterError) {
        // Honour Retry-After exactly: a fresh job that waits, with the same key and sealed body.
        await queueSealedEmail({
          payload: req.payload,
          queued: input,
          waitUntil: new Date(Date.now() + error.retryAfterMs),
        })
        await writeLog(req.payload, email, 'retrying', { error: message })
        return { output: { status: 'deferred' } }
      }
      if (error instanceof PermanentEmailError) {
        await writeLog(req.payload, email, 'failed', { error: message })
        return { output: { status: 'failed' } }
      }
      const attempts = await writeLog(req.payload, email, 'retrying', { error: message })
      // The queue retries a thrown task RETRIES times; on the last attempt the log says so.
      if (attempts > RETRIES)
        await writeLog(req.payload, email, 'failed', {
          error: `${message} (opgegeven na ${attempts} pogingen)`,
          countAttempt: false,
        })
      throw error
    }
  },
}
