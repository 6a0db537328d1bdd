import type { APIRequestContext } from '@playwright/test'
import { expect } from '@playwright/test'

import { DEMO_PASSWORD, director } from './demo'
import { CMS_URL } from './urls'

export async function staffToken(
  request: APIRequestContext,
  email = director.email,
): Promise<string> {
  const res = await request.post(`${CMS_URL}/api/staff/login`, {
    data: { email, password: DEMO_PASSWORD },
  })
  expect(res.status()).toBe(200)
  return (await res.json()).token
}

/**
 * The newest captured email to `to` (no RESEND_API_KEY in e2e: the outbox captures mail in the
 * "Verzonden e-mail" list, which a director may read). Waits for the outbox runner to get to it.
 */
export async function capturedEmail(request: APIRequestContext, to: string, kind: string) {
  const token = await staffToken(request)
  let found: { text: string; subject: string } | undefined
  await expect
    .poll(
      async () => {
        const res = await request.get(
          `${CMS_URL}/api/email-log?where[to][equals]=${encodeURIComponent(to)}&where[kind][equals]=${kind}&sort=-createdAt&limit=1`,
          { headers: { Authorization: `JWT ${token}` } },
        )
        found = (await res.json()).docs?.[0]
        return !!found
      },
      { timeout: 30_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true)
  return found!
}

export function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://\\S+${path}/[A-Za-z0-9_-]+`).exec(text)
  if (!match) throw new Error(`No ${path} link in the email`)
  return match[0]
}
