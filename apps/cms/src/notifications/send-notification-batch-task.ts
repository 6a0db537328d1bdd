import type { Payload, TaskConfig } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { captureToMailbox } from '../email/capture-to-mailbox'
import { deliverBatch } from '../email/deliver-batch'
import { PermanentEmailError, RetryLaterError } from '../email/deliver-email'
import { emailLogEntry } from '../email/email-log-entry'
import { env } from '../lib/env'
import type { PostNotification } from '../payload-types'
import { composeNotificationEmails, type ComposedMessage } from './compose-notification-emails'

const RETRIES = 6
type Outcome = { status: 'sent' | 'captured' | 'failed'; providerId?: string; error?: string }

/**
 * Records what became of each message: its notification rows and one "Verzonden e-mail" row per
 * message. One transaction for the whole batch (one commit instead of hundreds), and outside the
 * job's own state, so a failed attempt still counts.
 */
async function record(
  payload: Payload,
  outcomes: { message: ComposedMessage; outcome: Outcome }[],
) {
  if (outcomes.length === 0) return
  const req = await createLocalReq({}, payload)
  const shouldCommit = await initTransaction(req)
  try {
    const now = new Date().toISOString()
    const keys = outcomes.map((o) => o.message.email.idempotencyKey)
    const existing = await payload.find({
      collection: 'email-log',
      where: { idempotencyKey: { in: keys } },
      limit: 0,
      pagination: false,
      depth: 0,
      req,
      select: { idempotencyKey: true, attempts: true },
    })
    const logByKey = new Map(existing.docs.map((d) => [d.idempotencyKey, d]))
    for (const { message, outcome } of outcomes) {
      for (const id of message.rowIds) {
        await payload.db.updateOne({
          collection: 'post-notifications',
          id,
          data: {
            status: outcome.status,
            providerId: outcome.providerId ?? null,
            error: outcome.error ?? null,
            sentAt: outcome.status === 'failed' ? null : now,
            updatedAt: now,
          },
          req,
          returning: false,
        })
      }
      const { email } = message
      const previous = logByKey.get(email.idempotencyKey)
      const data = {
        ...emailLogEntry(email, outcome.status, outcome),
        attempts: (previous?.attempts ?? 0) + (outcome.status === 'captured' ? 0 : 1),
        updatedAt: now,
      }
      if (previous)
        await payload.db.updateOne({
          collection: 'email-log',
          id: previous.id,
          data,
          req,
          returning: false,
        })
      else
        await payload.db.create({
          collection: 'email-log',
          data: { ...data, createdAt: now },
          req,
          returning: false,
        })
    }
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/**
 * Sends up to 100 notification emails in one Resend batch call (C1): a post's direct
 * notifications, or one digest email per parent. Rows already sent are skipped, so a retried job
 * never sends twice (and the batch's Idempotency-Key makes Resend drop a repeat as well).
 * 429 → the same batch again after exactly Retry-After; 5xx/network → the queue retries with
 * exponential backoff, and after the retry budget the rows are recorded as failed; an address
 * Resend refuses fails alone.
 */
export const sendNotificationBatchTask: TaskConfig<{
  input: { notifications: string[]; digestDate?: string | null }
  output: { sent: number; failed: number; cancelled: number }
}> = {
  slug: 'sendNotificationBatch',
  label: 'Meldingen versturen (batch)',
  retries: { attempts: RETRIES, backoff: { type: 'exponential', delay: env.emailRetryBaseMs } },
  inputSchema: [
    { name: 'notifications', type: 'json', required: true },
    { name: 'digestDate', type: 'text' },
  ],
  outputSchema: [
    { name: 'sent', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
    { name: 'cancelled', type: 'number', required: true },
  ],
  handler: async ({ input, req }) => {
    const ids = input.notifications as string[]
    const found = await req.payload.find({
      collection: 'post-notifications',
      where: { and: [{ id: { in: ids } }, { status: { equals: 'queued' } }] },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const rows = found.docs as PostNotification[]
    if (rows.length === 0) return { output: { sent: 0, failed: 0, cancelled: 0 } }

    const { messages, cancelled } = await composeNotificationEmails({
      req,
      rows,
      digestDate: input.digestDate,
    })
    if (cancelled.length)
      await req.payload.db.updateMany({
        collection: 'post-notifications',
        where: { id: { in: cancelled } },
        data: { status: 'cancelled', updatedAt: new Date().toISOString() },
        returning: false,
      })
    const result = { sent: 0, failed: 0, cancelled: cancelled.length }
    if (messages.length === 0) return { output: result }

    if (!env.resendApiKey) {
      // Development without a provider: the messages go to the developer's local mailbox.
      for (const message of messages) await captureToMailbox(message.email)
      await record(
        req.payload,
        messages.map((message) => ({ message, outcome: { status: 'captured' } as const })),
      )
      return { output: { ...result, sent: messages.length } }
    }

    try {
      const outcomes = await deliverBatch({
        emails: messages.map((m) => m.email),
        apiKey: env.resendApiKey,
        from: env.emailFrom,
      })
      await record(
        req.payload,
        outcomes.map((outcome, index) => ({
          message: messages[index]!,
          outcome: outcome.ok
            ? ({ status: 'sent', providerId: outcome.providerId } as const)
            : ({ status: 'failed', error: outcome.error } as const),
        })),
      )
      for (const outcome of outcomes) {
        if (outcome.ok) result.sent++
        else result.failed++
      }
      return { output: result }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      if (error instanceof RetryLaterError) {
        // Honour Retry-After exactly: the same batch, later (same rows, same idempotency key).
        await req.payload.jobs.queue({
          task: 'sendNotificationBatch',
          input: { notifications: ids, digestDate: input.digestDate ?? null },
          waitUntil: new Date(Date.now() + error.retryAfterMs),
        })
        return { output: result }
      }
      if (error instanceof PermanentEmailError) {
        await record(
          req.payload,
          messages.map((message) => ({
            message,
            outcome: { status: 'failed', error: detail } as const,
          })),
        )
        return { output: { ...result, failed: messages.length } }
      }
      const attempts = (rows[0]?.attempts ?? 0) + 1
      await req.payload.db.updateMany({
        collection: 'post-notifications',
        where: { id: { in: rows.map((r) => r.id) } },
        data: { attempts, error: detail, updatedAt: new Date().toISOString() },
        returning: false,
      })
      if (attempts > RETRIES) {
        // The queue's budget is spent: say so on every row instead of leaving them "queued".
        await record(
          req.payload,
          messages.map((message) => ({
            message,
            outcome: {
              status: 'failed',
              error: `${detail} (opgegeven na ${attempts} pogingen)`,
            } as const,
          })),
        )
        return { output: { ...result, failed: messages.length } }
      }
      throw error
    }
  },
}
