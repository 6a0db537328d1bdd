import type { Payload, PayloadRequest } from 'payload'

import type { OutgoingEmail } from './deliver-email'
import { hashIdempotencyKey, sealEmailBody } from './seal-email'

/** A `sendEmail` job's input: who, what about, and the body sealed (it may hold a working link). */
export type QueuedEmail = {
  to: string
  subject: string
  kind: string
  /** Already hashed (`hashIdempotencyKey`): what is stored and sent to the provider. */
  idempotencyKey: string
  sealed: string
}

/** Seals one message for the queue: the only form in which an email is ever stored. */
export function toQueuedEmail(email: OutgoingEmail): QueuedEmail {
  return {
    to: email.to,
    subject: email.subject,
    kind: email.kind,
    idempotencyKey: hashIdempotencyKey(email.idempotencyKey),
    sealed: sealEmailBody({ html: email.html, text: email.text, headers: email.headers }),
  }
}

/** Stores an already sealed message as a job (a re-queue after 429 keeps its key and body). */
export async function queueSealedEmail({
  payload,
  queued,
  req,
  waitUntil,
}: {
  payload: Payload
  queued: QueuedEmail
  req?: PayloadRequest
  waitUntil?: Date
}): Promise<void> {
  await payload.jobs.queue({ task: 'sendEmail', input: queued, req, waitUntil })
}

/**
 * The outbox's front door: every email is first stored as a job, then sent by the queue.
 * Passing `req` makes the email part of the caller's transaction — rolled back, never sent.
 */
export async function queueEmail({
  payload,
  email,
  req,
  waitUntil,
}: {
  payload: Payload
  email: OutgoingEmail
  req?: PayloadRequest
  waitUntil?: Date
}): Promise<void> {
  await queueSealedEmail({ payload, queued: toQueuedEmail(email), req, waitUntil })
}
