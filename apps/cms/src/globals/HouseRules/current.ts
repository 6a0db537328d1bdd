import type { Payload, PayloadRequest, Where } from 'payload'

import { postBodyHtml } from '../../collections/Posts/hooks/body-output'
import { DEFAULT_HOUSE_RULES } from './default-text'

/** The house rules in force: until a director saves a changed text, the default as version 1. */
export type CurrentHouseRules = {
  version: number
  /** Sanitized HTML, as parents read it. */
  html: string
  /** When this version took effect (`null`: the default, never saved). */
  publishedAt: string | null
  /** What changed since the previous version, in the director's words. */
  changeNote: string | null
}

type Stored = { version?: unknown; body?: unknown; publishedAt?: unknown; changeNote?: unknown }

/** The version a stored document stands for (no document, or one without a number: 1). */
export function versionOf(doc: Stored | null | undefined): number {
  const version = doc?.version
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 1 ? version : 1
}

/** The text a stored document stands for (the default while nothing was saved). */
export function bodyOf(doc: Stored | null | undefined): unknown {
  return doc?.body && typeof doc.body === 'object' ? doc.body : DEFAULT_HOUSE_RULES
}

async function readStored(payload: Payload, req?: PayloadRequest): Promise<Stored> {
  return (await payload.findGlobal({
    slug: 'house-rules',
    depth: 0,
    overrideAccess: true,
    ...(req ? { req } : {}),
  })) as Stored
}

export async function readHouseRules(
  payload: Payload,
  req?: PayloadRequest,
): Promise<CurrentHouseRules> {
  const doc = await readStored(payload, req)
  return {
    version: versionOf(doc),
    html: postBodyHtml(bodyOf(doc)),
    publishedAt: typeof doc.publishedAt === 'string' ? doc.publishedAt : null,
    changeNote: typeof doc.changeNote === 'string' && doc.changeNote.trim() ? doc.changeNote : null,
  }
}

/**
 * The version in force, read once per request (the gate asks for every parent request). Read
 * without the request: the gate runs before the REST handler, and a Local API call given `req`
 * and `depth` writes that depth into `req.query` (createLocalReq), which the handler then uses.
 */
export async function currentHouseRulesVersion(req: PayloadRequest): Promise<number> {
  const memo = req.context as { houseRulesVersion?: Promise<number> }
  memo.houseRulesVersion ??= readHouseRulesVersion(req.payload)
  return memo.houseRulesVersion
}

/** The version in force, straight from the database (the number only). */
export async function readHouseRulesVersion(payload: Payload): Promise<number> {
  const doc = await payload.findGlobal({
    slug: 'house-rules',
    depth: 0,
    overrideAccess: true,
    select: { version: true },
  })
  return versionOf(doc as Stored)
}

/** Active parents who have not accepted `version` (or any version): the dashboard's filter. */
export const pendingHouseRulesWhere = (version: number): Where => ({
  and: [
    { status: { equals: 'active' } },
    {
      or: [
        { 'houseRules.version': { less_than: version } },
        { 'houseRules.version': { exists: false } },
      ],
    },
  ],
})

/**
 * How far the school is with the version in force (S18): active parents, how many accepted it,
 * and the first `shown` names (by name) of those who have not. Two counts and one page.
 */
export async function houseRulesStatus(
  payload: Payload,
  version: number,
  shown: number,
): Promise<{ total: number; accepted: number; pending: { count: number; names: string[] } }> {
  const [total, accepted, pending] = await Promise.all([
    payload.count({ collection: 'parents', where: { status: { equals: 'active' } } }),
    payload.count({
      collection: 'parents',
      where: {
        and: [
          { status: { equals: 'active' } },
          { 'houseRules.version': { greater_than_equal: version } },
        ],
      },
    }),
    payload.find({
      collection: 'parents',
      where: pendingHouseRulesWhere(version),
      limit: shown,
      sort: 'name',
      depth: 0,
      select: { name: true },
    }),
  ])
  return {
    total: total.totalDocs,
    accepted: accepted.totalDocs,
    pending: { count: pending.totalDocs, names: pending.docs.map((p) => p.name) },
  }
}
