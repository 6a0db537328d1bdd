import { createHash } from 'node:crypto'

import { Resend } from 'resend'

import { resendFailure, type OutgoingEmail } from './deliver-email'

export type BatchItemResult = { ok: true; providerId: string } | { ok: false; error: string }

/** Resend accepts at most 100 emails per batch call. */
export const BATCH_LIMIT = 100

/**
 * The batch's own Idempotency-Key, derived from the keys of the emails in it (each from post,
 * parent, kind and round): the same batch retried is delivered once, whatever failed in between.
 */
export function batchIdempotencyKey(emails: readonly OutgoingEmail[]): string {
  const hash = createHash('sha256')
  for (const key of emails.map((e) => e.idempotencyKey).sort()) hash.update(`${key}\n`)
  return `batch-${hash.digest('base64url')}`
}

/**
 * Sends up to 100 emails in one call of Resend's batch endpoint with the real SDK, in permissive
 * mode: an address Resend refuses is reported for that email alone and does not block the others.
 * 429 → RetryLaterError (after Retry-After); a refused request → PermanentEmailError; anything
 * else (5xx, network) → a plain Error for the queue's backoff.
 */
export async function deliverBatch({
  emails,
  apiKey,
  from,
}: {
  emails: readonly OutgoingEmail[]
  apiKey: string
  from: string
}): Promise<BatchItemResult[]> {
  if (emails.length === 0) return []
  if (emails.length > BATCH_LIMIT) throw new Error(`A batch holds at most ${BATCH_LIMIT} emails`)
  const resend = new Resend(apiKey)
  const { data, error, headers } = await resend.batch.send(
    emails.map((email) => ({
      from,
      to: [email.to],
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
    })),
    { idempotencyKey: batchIdempotencyKey(emails), batchValidation: 'permissive' },
  )
  if (data) {
    const refused = new Map((data.errors ?? []).map((e) => [e.index, e.message]))
    // In permissive mode `data` lists the accepted emails in order, without the refused ones.
    const ids = data.data.map((d) => d.id)
    return emails.map((_, index) => {
      const message = refused.get(index)
      if (message !== undefined) return { ok: false, error: `Resend weigerde: ${message}` }
      const id = ids.shift()
      return id ? { ok: true, providerId: id } : { ok: false, error: 'Resend gaf geen id terug' }
    })
  }
  throw resendFailure(error, headers)
}
