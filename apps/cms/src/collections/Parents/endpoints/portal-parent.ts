import type { SchoolContactAnswer } from '@schoolpost/contracts'
import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

import { type ParentUser, parentUser, staffUser } from '../../../access/lib/users'
import { jsonError } from '../../../lib/json-body'

/**
 * What the endpoints shaped for portal pages share: only an active parent gets an answer (staff
 * a 403, everyone else — signed out, ended session, deactivated — a 401 the portal reads as
 * "log in again"), and the school's contact details every page shows.
 */
export function parentOrRefusal(req: PayloadRequest): ParentUser | Response {
  const parent = parentUser(req)
  if (parent) return parent
  if (staffUser(req)) return jsonError(403, 'forbidden', 'Deze pagina is alleen voor ouders.')
  return jsonError(401, 'signed-out', 'Log opnieuw in om verder te gaan.')
}

export async function schoolContactOf(req: PayloadRequest): Promise<SchoolContactAnswer> {
  const settings = await req.payload.findGlobal({
    slug: 'school-settings',
    depth: 0,
    req,
    select: { schoolName: true, phone: true, absenceCutoff: true },
  })
  return {
    name: settings.schoolName,
    phone: settings.phone,
    absenceCutoff: settings.absenceCutoff || '08:15',
  }
}

/** The request's query string read with a contract's schema (`null` when it does not fit). */
export function queryOf<T extends z.ZodType>(req: PayloadRequest, schema: T): z.infer<T> | null {
  const url = new URL(req.url ?? 'http://localhost/')
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams))
  return parsed.success ? parsed.data : null
}
