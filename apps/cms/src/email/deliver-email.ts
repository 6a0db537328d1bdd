import { Resend } from 'resend'

export type OutgoingEmail = {
  to: string
  subject: string
  html: string
  text: string
  /** Derived from what the message is about, so a retry can never send it twice. */
  idempotencyKey: string
  /** What the message is, for the log and tests: 'invitation', 'password-reset', … */
  kind: string
  headers?: Record<string, string>
}

/** Resend answered 429: try again after the time it asked for. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError'
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message)
  }
}

/** The message itself is refused (bad address, validation): retrying cannot help. */
export class PermanentEmailError extends Error {
  override name = 'PermanentEmailError'
}

/**
 * Sends one email with the real Resend SDK. RESEND_BASE_URL (read by the SDK) points it at the
 * local stub in tests. Transient failures throw a plain Error so the job queue retries with backoff.
 */
export async function deliverEmail({
  email,
  apiKey,
  from,
}: {
  email: OutgoingEmail
  apiKey: string
  from: string
}): Promise<{ providerId: string }> {
  const resend = new Resend(apiKey)
  const { data, error, headers } = await resend.emails.send(
    {
      from,
      to: [email.to],
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
    },
    { idempotencyKey: email.idempotencyKey },
  )
  if (data?.id) return { providerId: data.id }

  throw resendFailure(error, headers)
}

/**
 * What a failed Resend call means for the outbox: 429 → RetryLaterError (after Retry-After);
 * a refused request (4xx but 408/409) → PermanentEmailError; 5xx, network → a plain Error that
 * the queue retries with backoff. 408 (timeout) and 409 (a concurrent request with the same
 * idempotency key) are transient.
 */
export function resendFailure(
  error: { statusCode: number | null; message: string } | null,
  headers: Record<string, string> | null,
): Error {
  const status = error?.statusCode ?? null
  const detail = `Resend ${status ?? 'onbereikbaar'}: ${error?.message ?? 'onbekende fout'}`
  if (status === 429) {
    const seconds = Number(headers?.['retry-after'])
    return new RetryLaterError(
      detail,
      Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 60_000,
    )
  }
  if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 409) {
    return new PermanentEmailError(detail)
  }
  return new Error(detail)
}
