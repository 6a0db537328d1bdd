import type { PortalVersionAnswer } from '@schoolpost/contracts'
import { jwtVerify } from 'jose'
import type { Payload } from 'payload'

import { readPortalVersion } from '../../../access/lib/portal-version'
import { nextDueTime } from '../../../access/lib/visibility-snapshot'
import { readHouseRulesVersion } from '../../../globals/HouseRules/current'

/**
 * `GET /api/portal-version` (contract: @schoolpost/contracts): the portal asks it once per batch
 * of page and file requests and reuses what it fetched under the same token (issue #11). It is a
 * plain Next route, not a Payload endpoint, because it runs for every batch under load: it checks
 * the token's signature, audience and expiry (a parent's token, as Payload issued it) but loads
 * no user — the answer is a random token and a time, the same for every parent, and tells a
 * deactivated parent nothing about anyone. The portal re-checks the parent with every answer it
 * fetches anew, and a deactivation moves the token.
 */
const keys = new WeakMap<Payload, Uint8Array>()
/** Payload's signing key, as its JWT strategy derives it. */
const signingKey = (payload: Payload): Uint8Array => {
  let key = keys.get(payload)
  if (!key) keys.set(payload, (key = new TextEncoder().encode(payload.secret)))
  return key
}

/**
 * The next scheduled post's time, remembered per version: every write to posts moves the version,
 * so under the same version the scheduled posts are the same, and the answer holds until it is due.
 */
const dues = new WeakMap<Payload, { version: string; due: number }>()
async function nextDueUnder(payload: Payload, version: string, now: number): Promise<number> {
  const known = dues.get(payload)
  if (known && known.version === version && now < known.due) return known.due
  const due = await nextDueTime(payload, now)
  dues.set(payload, { version, due })
  return due
}

/**
 * The house-rules version, remembered per portal version: a saved change of the rules moves the
 * portal version (PORTAL_GLOBALS), so under the same token the number is the same.
 */
const houseRules = new WeakMap<Payload, { version: string; houseRules: number }>()
async function houseRulesUnder(payload: Payload, version: string): Promise<number> {
  const known = houseRules.get(payload)
  if (known && known.version === version) return known.houseRules
  const current = await readHouseRulesVersion(payload)
  houseRules.set(payload, { version, houseRules: current })
  return current
}

export async function answerPortalVersion(payload: Payload, request: Request): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' }
  const refuse = (status: 401 | 403, message: string) =>
    Response.json(
      { ok: false, code: status === 401 ? 'signed-out' : 'forbidden', message },
      {
        status,
        headers,
      },
    )
  const match = /^JWT ([A-Za-z0-9._-]{1,4096})$/.exec(request.headers.get('authorization') ?? '')
  if (!match) return refuse(401, 'Log opnieuw in om verder te gaan.')
  try {
    const { payload: claims } = await jwtVerify(match[1]!, signingKey(payload), {
      algorithms: ['HS256'],
    })
    if (claims.collection !== 'parents') return refuse(403, 'Dit is alleen voor ouders.')
  } catch {
    return refuse(401, 'Log opnieuw in om verder te gaan.')
  }
  const now = Date.now()
  const version = await readPortalVersion(payload)
  const [due, rules] = await Promise.all([
    nextDueUnder(payload, version, now),
    houseRulesUnder(payload, version),
  ])
  return Response.json(
    {
      version,
      validUntil: Number.isFinite(due) ? due : null,
      houseRules: rules,
    } satisfies PortalVersionAnswer,
    { headers },
  )
}
