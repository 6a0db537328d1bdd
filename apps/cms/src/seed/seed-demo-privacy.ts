import { getInstantAt, getSchoolNow } from '@schoolpost/policies'
import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import { setConsent } from '../collections/ImageConsents/endpoints/set-consent'
import { portalLogin } from '../collections/Parents/endpoints/portal-login'
import { eraseFamily } from '../collections/Parents/erasure/erase-family'
import { findFamily } from '../collections/Parents/erasure/find-family'
import { runRetentionIfDue } from '../jobs/retention'
import { callEndpoint, type DemoIds } from './seed-demo-content'
import { DEMO_PASSWORD } from './demo-school-data'

type Counter = { created: number; existing: number }

/** The family that left the school last summer; the director erased it (the log says so). */
export const DEMO_DEPARTED = {
  parent: { name: 'Linda Postma', email: 'linda.postma@ouders.test' },
  pupil: { firstName: 'Sem', lastName: 'Postma' },
} as const

/** Logins the security log shows, through the portal's own login (one wrong password). */
const DEMO_LOGINS = [
  { email: 'eva.dejong@ouders.test', password: DEMO_PASSWORD },
  { email: 'mark.visser@ouders.test', password: 'verkeerd-wachtwoord' },
  { email: 'mark.visser@ouders.test', password: DEMO_PASSWORD },
] as const

async function login(payload: Payload, email: string, password: string): Promise<void> {
  const req = await createLocalReq(
    { req: { json: async () => ({ email, password }) } as Partial<PayloadRequest> },
    payload,
  )
  await portalLogin.handler(req)
}

/**
 * The demo school's privacy record (issue #16): a few portal logins (one with a wrong password),
 * the Postma family who left last summer — Linda chose about Sem's photos, then the director
 * erased the family — and the night's retention run. The security log shows all of it; the
 * consent history keeps Linda's choice without her and Sem. Found again by the erasure row.
 */
export async function seedDemoPrivacy(payload: Payload, ids: DemoIds, count: Counter) {
  const erased = await payload.count({
    collection: 'audit-events',
    where: { type: { equals: 'erasure' } },
  })
  if (erased.totalDocs) {
    count.existing++
    return
  }
  for (const attempt of DEMO_LOGINS) await login(payload, attempt.email, attempt.password)

  const group = Object.values(ids.groups)[0]!
  const sem = await payload.create({
    collection: 'pupils',
    data: { ...DEMO_DEPARTED.pupil, group },
  })
  const linda = await payload.create({
    collection: 'parents',
    data: {
      ...DEMO_DEPARTED.parent,
      password: DEMO_PASSWORD,
      status: 'active',
      children: [sem.id],
    },
  })
  await callEndpoint(
    payload,
    setConsent.handler,
    { ...linda, collection: 'parents' },
    {
      pupil: sem.id,
      allowed: false,
    },
  )
  const director = await payload.findByID({
    collection: 'staff',
    id: ids.staff.director!,
    depth: 0,
  })
  const req = await createLocalReq({ user: { ...director, collection: 'staff' } }, payload)
  await eraseFamily(req, await findFamily(req, { parent: linda.id }), { dryRun: false })

  // Last night's run at 03:00 school time (nothing in the demo is old enough to go).
  const settings = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
  const timeZone = settings.timeZone || 'Europe/Amsterdam'
  const today = getSchoolNow({ now: new Date(), timeZone }).date
  await runRetentionIfDue({ payload, now: getInstantAt({ date: today, time: '03:00', timeZone }) })
  count.created += DEMO_LOGINS.length + 3
}
