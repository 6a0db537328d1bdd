import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { drainJobs } from './helpers/jobs'
import { deliveredTo, linkFrom } from './helpers/mail'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

const NEW_PASSWORD = 'lange zomerdagen aan zee'

/**
 * Issue 9.1: no stored row, log line or API answer holds a secret that works. The attack: office
 * asks a reset link for the director, reads "Verzonden e-mail" and takes over the account.
 */
describe('no working secret is stored or shown (reset, invitation and unsubscribe links)', () => {
  let payload: Payload
  let f: SchoolFixture
  let officeToken: string
  let directorToken: string

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    officeToken = await fixtureToken(payload, 'staff', f.office.email)
    directorToken = await fixtureToken(payload, 'staff', f.director.email)
  })

  /** Every row of every collection and global, hidden fields included, as one string. */
  async function everythingStored(): Promise<string> {
    const parts: unknown[] = []
    for (const collection of payload.config.collections) {
      const found = await payload.find({
        collection: collection.slug as CollectionSlug,
        limit: 0,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        showHiddenFields: true,
      })
      parts.push(found.docs)
    }
    return JSON.stringify(parts)
  }

  /**
   * The database file itself (and its WAL): nothing may sit there in plain text either. On the
   * MongoDB leg that is FerretDB's SQLite file of this test file's database.
   */
  function databaseBytes(): Buffer {
    const url = process.env.DATABASE_URL!
    const file = url.startsWith('mongodb')
      ? path.join(process.env.TEST_MONGODB_DATA_DIR!, `${new URL(url).pathname.slice(1)}.sqlite`)
      : process.env.TEST_DB_FILE!
    const wal = (() => {
      try {
        return readFileSync(`${file}-wal`)
      } catch {
        return Buffer.alloc(0)
      }
    })()
    return Buffer.concat([readFileSync(file), wal])
  }

  async function expectNowhere(secret: string) {
    expect(secret.length).toBeGreaterThanOrEqual(32)
    expect((await everythingStored()).includes(secret), 'stored in a collection').toBe(false)
    expect(databaseBytes().includes(Buffer.from(secret)), 'in the database file').toBe(false)
    for (const token of [officeToken, directorToken]) {
      const log = await rest('GET', '/email-log?limit=0&depth=0', { token })
      expect(log.status).toBe(200)
      expect((await log.text()).includes(secret), 'in the email log API').toBe(false)
    }
  }

  it('office cannot read the director’s reset link anywhere, nor reset with what it can read', async () => {
    const asked = await rest('POST', '/staff/forgot-password', {
      body: { email: f.director.email },
    })
    expect(asked.status).toBe(200)

    // Stored, not yet sent: the outbox holds the message, but not the link in a usable form.
    const [queued] = deliveredTo(f.director.email)
    expect(queued).toBeUndefined()
    await drainJobs(payload)
    const [mail] = deliveredTo(f.director.email)
    expect(mail?.subject).toMatch(/^Nieuw wachtwoord voor Schoolpost/)
    const token = linkFrom(mail!.text ?? '', '/admin/reset')
    await expectNowhere(token)

    // Everything office can read in the log, tried as a reset token: none works.
    const log = await rest('GET', '/email-log?limit=0&depth=0', { token: officeToken })
    const rows = (await log.json()).docs as Record<string, unknown>[]
    const candidates = rows
      .flatMap((row) => Object.values(row))
      .filter((v): v is string => typeof v === 'string')
      .flatMap((v) => v.split(/[\s:/?=&<>"']+/))
      .filter((v) => v.length >= 20)
    for (const candidate of new Set(candidates)) {
      const reset = await rest('POST', '/staff/reset-password', {
        body: { token: candidate, password: NEW_PASSWORD },
      })
      expect(reset.status, `reset with "${candidate}"`).not.toBe(200)
    }

    // The real owner, from their own device, with the link from their mailbox, still resets (the
    // email was not lost). The attacker's many tries above were throttled on their own address.
    const reset = await rest('POST', '/staff/reset-password', {
      body: { token, password: NEW_PASSWORD },
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    })
    expect(reset.status, await reset.clone().text()).toBe(200)
    // A reset ends every session of the account: the director logs in again.
    const login = await payload.login({
      collection: 'staff',
      data: { email: f.director.email, password: NEW_PASSWORD },
    })
    directorToken = login.token!
  })

  it('an invitation link is only in the email the parent receives', async () => {
    const parent = await payload.create({
      collection: 'parents',
      data: {
        name: 'Nieuwe Ouder',
        email: `nieuw.${Date.now()}@fixture.test`,
        password: 'never-shown-to-anyone-123',
        status: 'invited',
        children: [f.pupils.c2.id],
      },
    })
    const res = await rest('POST', `/parents/${parent.id}/invite`, { token: officeToken })
    expect(res.status).toBe(200)
    await drainJobs(payload)
    const [mail] = deliveredTo(parent.email)
    const token = linkFrom(mail!.text ?? '', '/uitnodiging')
    expect(linkFrom(mail!.html ?? '', '/uitnodiging')).toBe(token)
    await expectNowhere(token)
  })

  it('a parent’s reset link and a notification’s unsubscribe link are only in the emails', async () => {
    const asked = await rest('POST', '/parents/forgot-password', {
      body: { email: f.parents.guardianOne.email },
    })
    expect(asked.status).toBe(200)
    await drainJobs(payload)
    const [reset] = deliveredTo(f.parents.guardianOne.email)
    await expectNowhere(linkFrom(reset!.text ?? '', '/wachtwoord-herstellen'))

    const created = await rest('POST', '/posts', {
      token: directorToken,
      body: { title: 'Schoolnieuws met een afmeldlink', audience: 'school', status: 'published' },
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const post = (await created.json()).doc as { id: string }
    await drainJobs(payload)
    const notification = deliveredTo(f.parents.guardianOne.email).find((m) =>
      (m.html ?? '').includes(`/berichten/${post.id}`),
    )
    expect(notification?.headers?.['List-Unsubscribe']).toMatch(/\/afmelden\//)
    await expectNowhere(linkFrom(notification!.text ?? '', '/afmelden'))
  })
})
