import {
  type AcceptHouseRulesAnswer,
  acceptHouseRulesInput,
  type HouseRulesAnswer,
} from '@schoolpost/contracts'
import { checkHouseRulesAcceptance } from '@schoolpost/policies'
import type { Endpoint, PayloadRequest } from 'payload'

import type { ParentUser } from '../../../access/lib/users'
import { readHouseRules } from '../../../globals/HouseRules/current'
import { now } from '../../../lib/clock'
import { jsonError, parseJsonBody } from '../../../lib/json-body'
import { parentOrRefusal } from './portal-parent'

const noStore = { 'Cache-Control': 'no-store' }

function acceptedOf(parent: ParentUser): HouseRulesAnswer['accepted'] {
  const { version, acceptedAt } = parent.houseRules ?? {}
  return typeof version === 'number' && acceptedAt ? { version, acceptedAt } : null
}

/**
 * `GET /api/parents/house-rules` (S18): the rules in force, as sanitized HTML, and what the
 * signed-in parent accepted. Open before acceptance (access/lib/house-rules-gate.ts).
 */
export const houseRulesEndpoint: Endpoint = {
  path: '/house-rules',
  method: 'get',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    const rules = await readHouseRules(req.payload, req)
    const accepted = acceptedOf(parent)
    const check = checkHouseRulesAcceptance({
      acceptedVersion: accepted?.version,
      currentVersion: rules.version,
    })
    return Response.json(
      {
        ...rules,
        accepted,
        status: check.ok ? 'accepted' : check.reason,
      } satisfies HouseRulesAnswer,
      { headers: noStore },
    )
  },
}

/** The acceptance row of this parent and version; a second one (two tabs) finds the first. */
async function recordAcceptance(
  req: PayloadRequest,
  parent: ParentUser,
  version: number,
  acceptedAt: string,
): Promise<string> {
  const key = `${parent.id}:${version}`
  const existing = async () =>
    (
      await req.payload.find({
        collection: 'house-rules-acceptances',
        where: { key: { equals: key } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
        select: { acceptedAt: true },
      })
    ).docs[0]?.acceptedAt ?? null
  const earlier = await existing()
  if (earlier) return earlier
  try {
    await req.payload.create({
      collection: 'house-rules-acceptances',
      data: { parent: parent.id, parentName: parent.name, version, acceptedAt, key },
      depth: 0,
      overrideAccess: true,
      req,
      select: { key: true },
    })
    return acceptedAt
  } catch (error) {
    const raced = await existing()
    if (raced) return raced
    throw error
  }
}

/**
 * `POST /api/parents/house-rules/accept` `{ version }`: the signed-in parent accepts the version
 * they read. A version that is no longer in force is refused (409): the parent reads the new one
 * first. Accepting again is harmless and answers the first acceptance.
 */
export const acceptHouseRulesEndpoint: Endpoint = {
  path: '/house-rules/accept',
  method: 'post',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    const body = await parseJsonBody(req, acceptHouseRulesInput)
    if (!body.ok) return body.response
    const rules = await readHouseRules(req.payload, req)
    if (body.data.version !== rules.version)
      return jsonError(
        409,
        'outdated',
        'Er is intussen een nieuwe versie van de huisregels. Lees die eerst.',
        noStore,
      )
    const already = acceptedOf(parent)
    if (already?.version === rules.version)
      return Response.json({ ok: true, ...already } satisfies AcceptHouseRulesAnswer, {
        headers: noStore,
      })
    const acceptedAt = await recordAcceptance(req, parent, rules.version, now().toISOString())
    await req.payload.update({
      collection: 'parents',
      id: parent.id,
      data: { houseRules: { version: rules.version, acceptedAt } },
      depth: 0,
      overrideAccess: true,
      req,
      select: { status: true },
    })
    return Response.json(
      { ok: true, version: rules.version, acceptedAt } satisfies AcceptHouseRulesAnswer,
      { headers: noStore },
    )
  },
}
