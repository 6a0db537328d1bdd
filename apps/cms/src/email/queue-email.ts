import type { Payload, PayloadRequest } from 'payload'

import type { OutgoingEmail } from './deliver-email'

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
  await payload.jobs.queue({ task: 'sendEmail', input: email, req, waitUntil })
}
