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

export type MediaFiles = { original: string; thumbnail: string; feed: string; full: string }

/** The stored file names of a media item (the original and every derived size), read as staff. */
export async function mediaFiles(
  request: APIRequestContext,
  token: string,
  id: string,
): Promise<MediaFiles> {
  const res = await request.get(`${CMS_URL}/api/media/${id}?depth=0`, {
    headers: { Authorization: `JWT ${token}` },
  })
  expect(res.status()).toBe(200)
  const doc = (await res.json()) as {
    filename: string
    sizes: Record<'thumbnail' | 'feed' | 'full', { filename: string | null }>
  }
  const size = (name: 'thumbnail' | 'feed' | 'full') => {
    const filename = doc.sizes[name]?.filename
    if (!filename) throw new Error(`Media ${id} has no ${name} size`)
    return filename
  }
  return {
    original: doc.filename,
    thumbnail: size('thumbnail'),
    feed: size('feed'),
    full: size('full'),
  }
}

/** How many posts with exactly this title exist, as a director sees it (drafts included). */
export async function countPostsTitled(request: APIRequestContext, title: string): Promise<number> {
  const token = await staffToken(request)
  const res = await request.get(
    `${CMS_URL}/api/posts?where[title][equals]=${encodeURIComponent(title)}&limit=0&depth=0`,
    { headers: { Authorization: `JWT ${token}` } },
  )
  expect(res.status()).toBe(200)
  return (await res.json()).totalDocs
}

/**
 * Waits until the outbox has captured an email to `to` (with this subject and/or kind, created
 * after `since`), as a director reads the "Verzonden e-mail" list. Also a way to let background
 * work finish: admin-UI steps taken while a publish is still being fanned out to the parents
 * compete with it for SQLite's one writer.
 */
export async function emailDelivered(
  request: APIRequestContext,
  { to, subject, kind, since }: { to: string; subject?: string; kind?: string; since?: Date },
): Promise<void> {
  const token = await staffToken(request)
  const query = [
    `where[to][equals]=${encodeURIComponent(to)}`,
    subject && `where[subject][equals]=${encodeURIComponent(subject)}`,
    kind && `where[kind][equals]=${encodeURIComponent(kind)}`,
    since && `where[createdAt][greater_than]=${encodeURIComponent(since.toISOString())}`,
  ]
    .filter(Boolean)
    .join('&')
  await expect
    .poll(
      async () => {
        const res = await request.get(`${CMS_URL}/api/email-log?${query}&limit=0&depth=0`, {
          headers: { Authorization: `JWT ${token}` },
        })
        expect(res.status()).toBe(200)
        return (await res.json()).totalDocs as number
      },
      { timeout: 90_000, intervals: [1000, 2000] },
    )
    .toBeGreaterThan(0)
}
