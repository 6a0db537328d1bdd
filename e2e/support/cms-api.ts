import type { APIRequestContext } from '@playwright/test'
import { expect } from '@playwright/test'

import { DEMO_PASSWORD, director } from './demo'
import { CMS_URL, MAIL_STUB_URL } from './urls'

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

export type ReceivedEmail = { to: string[]; subject: string; text: string; html: string }

/**
 * The emails the provider (the run's mail stub) received for `to`, newest first, waiting until
 * at least one matches. Links are read here, as a parent reads them in their mailbox: the CMS
 * stores no working link.
 */
export async function receivedEmails(
  request: APIRequestContext,
  to: string,
  matches: (mail: ReceivedEmail) => boolean = () => true,
): Promise<ReceivedEmail[]> {
  let found: ReceivedEmail[] = []
  await expect
    .poll(
      async () => {
        const res = await request.get(`${MAIL_STUB_URL}/messages?to=${encodeURIComponent(to)}`)
        found = ((await res.json()) as ReceivedEmail[]).filter(matches)
        return found.length
      },
      { timeout: 90_000, intervals: [500, 1000, 2000] },
    )
    .toBeGreaterThan(0)
  return found
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
