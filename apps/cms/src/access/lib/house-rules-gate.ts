import { checkHouseRulesAcceptance } from '@schoolpost/policies'
import type { Endpoint, PayloadHandler, PayloadRequest, SanitizedConfig } from 'payload'

import { currentHouseRulesVersion } from '../../globals/HouseRules/current'
import { jsonError } from '../../lib/json-body'
import { parentUser } from './users'

export const HOUSE_RULES_CODE = 'house-rules'
export const HOUSE_RULES_REFUSAL =
  'Ga eerst akkoord met de huisregels van school. Daarna kun je Schoolpost weer gebruiken.'

/** Whether the request's user is an active parent who has not accepted the version in force. */
export async function houseRulesPending(req: PayloadRequest): Promise<boolean> {
  const parent = parentUser(req)
  if (!parent) return false
  const currentVersion = await currentHouseRulesVersion(req)
  return !checkHouseRulesAcceptance({ acceptedVersion: parent.houseRules?.version, currentVersion })
    .ok
}

export const houseRulesRefusal = (): Response =>
  jsonError(403, HOUSE_RULES_CODE, HOUSE_RULES_REFUSAL, { 'Cache-Control': 'no-store' })

/**
 * What a parent may do before accepting (S18: "before seeing anything else"): read and accept the
 * rules, and keep, renew or end the session. `<collection> <METHOD> <path>` as the config names
 * them. Everything else — every REST operation, upload file, custom endpoint and Payload's own,
 * including ones added later — answers 403 `house-rules`.
 */
export const OPEN_BEFORE_ACCEPTANCE = new Set([
  'parents GET /house-rules',
  'parents POST /house-rules/accept',
  'parents GET /me',
  'parents POST /logout',
  'parents POST /refresh-token',
  'parents POST /portal-login',
])

const gated =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) =>
    (await houseRulesPending(req)) ? houseRulesRefusal() : handler(req)

function gate<E extends Endpoint[] | false>(scope: string, endpoints: E): E {
  if (!Array.isArray(endpoints)) return endpoints
  return endpoints.map((endpoint) =>
    OPEN_BEFORE_ACCEPTANCE.has(`${scope} ${endpoint.method.toUpperCase()} ${endpoint.path}`)
      ? endpoint
      : { ...endpoint, handler: gated(endpoint.handler) },
  ) as E
}

/**
 * Puts the gate in front of every endpoint of the built config: parents only ever reach the CMS
 * through REST (the portal's server calls it with their token), so this is every parent channel.
 * The iCal feed, reached by its secret without a session, checks it itself (Events/endpoints/feed.ts).
 * For staff and anonymous callers it costs nothing; for a parent one read of the version per request.
 */
export function withHouseRulesGate(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections)
    collection.endpoints = gate(collection.slug, collection.endpoints)
  for (const global of config.globals)
    global.endpoints = gate(`globals/${global.slug}`, global.endpoints)
  config.endpoints = gate('root', config.endpoints)
  return config
}
