import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { parentUser, staffUser } from '../../access/lib/users'
import { requestAddress } from '../../lib/rate-limit'
import type { AuditEventType, AuditPartyType } from './types'

export type AuditParty = { type: AuditPartyType; id?: string | null; name?: string | null }

export type AuditEventInput = {
  type: AuditEventType
  /** Who did it; by default the request's user (or "unknown" without one). */
  actor?: AuditParty
  /** Whom or what it concerns (an account, a pupil, a conversation). */
  subject?: AuditParty
  /** One Dutch sentence for the director: what happened. No secrets, no message texts. */
  summary: string
  /** Logged once per key (a throttled address per window); a new row for every call without. */
  once?: string
  /** The client's address; by default the request's (`null` for the system's own work). */
  address?: string | null
}

/** The user of the request as an audit party. */
export function requestActor(req: PayloadRequest): AuditParty {
  const staff = staffUser(req)
  if (staff) return { type: 'staff', id: staff.id, name: staff.name }
  const parent = parentUser(req)
  if (parent) return { type: 'parent', id: parent.id, name: parent.name }
  return { type: 'unknown' }
}

const isDuplicate = (error: unknown) =>
  /unique|duplicate|E11000/i.test(String((error as { message?: unknown })?.message ?? error))

/**
 * Writes one row of the security log (collections/AuditEvents) through the database adapter in
 * the request's transaction: it commits or rolls back with the change it describes, and runs no
 * hooks (nothing a row could trigger, no `depth` written into the request). `once` rows are
 * inserted at most once (a unique key; a second insert is ignored).
 */
export async function recordAuditEvent(
  req: PayloadRequest,
  { type, actor, subject, summary, once, address }: AuditEventInput,
): Promise<void> {
  const who = actor ?? requestActor(req)
  const now = new Date().toISOString()
  const key = once ?? randomUUID()
  if (once) {
    const seen = await req.payload.db.findOne({
      collection: 'audit-events',
      where: { key: { equals: key } },
      req,
    })
    if (seen) return
  }
  try {
    await req.payload.db.create({
      collection: 'audit-events',
      data: {
        type,
        actorType: who.type,
        actorId: who.id ?? null,
        actorName: who.name ?? null,
        subjectType: subject?.type ?? null,
        subjectId: subject?.id ?? null,
        subjectName: subject?.name ?? null,
        summary: summary.slice(0, 500),
        address: address === undefined ? requestAddressOrNull(req) : address,
        key,
        createdAt: now,
        updatedAt: now,
      },
      req,
    })
  } catch (error) {
    // Two requests of the same window raced to log it once: the other one did.
    if (once && isDuplicate(error)) return
    throw error
  }
}

function requestAddressOrNull(req: PayloadRequest): string | null {
  if (!req.headers) return null
  const address = requestAddress(req)
  return address && address !== 'unknown' ? address : null
}
