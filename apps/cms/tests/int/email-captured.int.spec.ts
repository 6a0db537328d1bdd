import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { queueEmail as QueueEmail } from '../../src/email/queue-email'
import { drainJobs } from './helpers/jobs'
import { linkFrom } from './helpers/mail'

/**
 * Development without a provider (the offline demo): mail is captured to a folder on the
 * developer's disk, and "Verzonden e-mail" shows it without the working link.
 */
describe('captured mail in development', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sp-mailbox-'))
  let payload: Payload
  let queueEmail: typeof QueueEmail

  beforeAll(async () => {
    delete process.env.RESEND_API_KEY
    process.env.MAIL_CAPTURE_DIR = dir
    // Imported only now: the CMS reads RESEND_* and MAIL_CAPTURE_DIR when its configuration loads.
    payload = await (await import('./helpers/payload')).testPayload()
    queueEmail = (await import('../../src/email/queue-email')).queueEmail
    // The SQLite run shares one database across files: mail another file queued and left would
    // be captured here too. Only this file's message belongs in this mailbox.
    await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  })

  it('writes the whole message to the mailbox folder and only a redacted text to the log', async () => {
    const token = 'Zt3vLq8sPmWx0aBcDeFgHiJkLmNoPqRsTuVwXyZ12345'
    const link = `http://portal.test/uitnodiging/${token}`
    await queueEmail({
      payload,
      email: {
        to: 'ontwikkelaar@fixture.test',
        subject: 'Welkom bij Schoolpost',
        html: `<p><a href="${link}">Kies je wachtwoord</a></p>`,
        text: `Kies je wachtwoord: ${link}`,
        kind: 'invitation',
        idempotencyKey: `invitation:${token}`,
      },
    })
    await drainJobs(payload)

    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'))
    expect(files).toHaveLength(1)
    const eml = readFileSync(path.join(dir, files[0]!), 'utf8')
    expect(eml).toContain('To: ontwikkelaar@fixture.test')
    expect(linkFrom(eml, '/uitnodiging')).toBe(token)

    const log = await payload.find({
      collection: 'email-log',
      where: { to: { equals: 'ontwikkelaar@fixture.test' } },
    })
    expect(log.docs).toHaveLength(1)
    expect(log.docs[0]!.status).toBe('captured')
    expect(log.docs[0]!.text).toBe('Kies je wachtwoord: http://portal.test/uitnodiging/…')
    expect(JSON.stringify(log.docs[0])).not.toContain(token)
  })
})
