import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { idOf, parentUser, staffUser } from './users'

/** The ids of every `collection` document matching `where`, for scoping access (no checks). */
export async function findIds(
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
): Promise<string[]> {
  const found = await req.payload.find({
    collection,
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: {},
  })
  return found.docs.map((doc) => String(doc.id))
}

/**
 * The ids of the groups a teacher is assigned to. Cached on the request: one access check per
 * collection per request would otherwise repeat the same query.
 */
export async function teacherGroupIds(req: PayloadRequest): Promise<string[]> {
  const staff = staffUser(req)
  if (!staff) return []
  const cacheKey = `teacherGroupIds:${staff.id}`
  const cached = req.context[cacheKey] as string[] | undefined
  if (cached) return cached
  const ids = await findIds(req, 'groups', { teachers: { in: [staff.id] } })
  req.context[cacheKey] = ids
  return ids
}

/**
 * The pupils of a teacher's groups (their current groups: a pupil who moves on takes their
 * conversations to the new teachers at once). Cached on the request like the groups.
 */
export async function teacherPupilIds(req: PayloadRequest): Promise<string[]> {
  const staff = staffUser(req)
  if (!staff) return []
  const cacheKey = `teacherPupilIds:${staff.id}`
  const cached = req.context[cacheKey] as string[] | undefined
  if (cached) return cached
  const groups = await teacherGroupIds(req)
  const ids = groups.length ? await findIds(req, 'pupils', { group: { in: groups } }) : []
  req.context[cacheKey] = ids
  return ids
}

/** The parent's children, straight from their own account (group membership is derived, S2). */
export function parentChildIds(req: PayloadRequest): string[] {
  const parent = parentUser(req)
  if (!parent) return []
  return (parent.children ?? []).map((c) => idOf(c)).filter((id): id is string => !!id)
}

/**
 * The groups of the parent's children: one query per request, kept in `req.context` (a start page
 * asks for it in the posts' and the volunteer requests' access alike).
 */
export async function parentGroupIds(req: PayloadRequest): Promise<string[]> {
  const childIds = parentChildIds(req)
  if (childIds.length === 0) return []
  const key = `parentGroupIds:${childIds.join(',')}`
  const kept = req.context[key] as string[] | undefined
  if (kept) return kept
  const pupils = await req.payload.find({
    collection: 'pupils',
    where: { id: { in: childIds } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { group: true },
  })
  const groups = [
    ...new Set(pupils.docs.map((p) => idOf(p.group)).filter((id): id is string => !!id)),
  ]
  req.context[key] = groups
  return groups
}

/**
 * A Where that matches nothing, for scoped users without any scope. A fresh object every time:
 * Payload rewrites Where objects while it sanitizes them, and a shared constant once turned into
 * a filter that matched everything.
 */
export const matchNothing = (): Where => ({ id: { in: [] as string[] } })
export const scopeIn = (field: string, ids: readonly string[]): Where =>
  ids.length ? { [field]: { in: [...ids] } } : matchNothing()
