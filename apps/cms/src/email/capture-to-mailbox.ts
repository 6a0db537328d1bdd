import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { env } from '../lib/env'
import type { OutgoingEmail } from './deliver-email'

/**
 * Development without a provider (the offline demo): the whole message is written to a folder on
 * the developer's own disk, as a provider's inbox would hold it. Never in production (a provider
 * is required there), never in the database or a log line.
 */
export async function captureToMailbox(email: OutgoingEmail): Promise<string | null> {
  const dir = env.mailCaptureDir
  if (!dir) return null
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const id = createHash('sha256').update(email.idempotencyKey).digest('hex').slice(0, 12)
  const file = path.join(dir, `${stamp}-${email.kind}-${id}.eml`)
  const headers = Object.entries(email.headers ?? {}).map(([name, value]) => `${name}: ${value}`)
  const boundary = `schoolpost-${id}`
  const message = [
    `From: ${env.emailFrom}`,
    `To: ${email.to}`,
    `Subject: ${email.subject}`,
    ...headers,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    email.text,
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    '',
    email.html,
    `--${boundary}--`,
    '',
  ].join('\r\n')
  await writeFile(file, message, { mode: 0o600 })
  return file
}
