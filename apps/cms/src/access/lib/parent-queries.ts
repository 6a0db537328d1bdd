import type { CollectionBeforeOperationHook, Where } from 'payload'
import { Refusal } from '../../lib/refusal'

/**
 * What a parent may name in `where`, `sort` and `findDistinct`, per collection (issue #9, item 11).
 * A path through a relationship (`gallery.alt`, `author.email`, `groups.name`, …) would ask about
 * documents of another collection; Payload scopes most of those hops by the related collection's
 * access, but not all (a related collection a parent may not read at all is not scoped, only
 * refused in English), so parents get a short list instead: own fields and relationship ids,
 * no hops. The portal's own queries (cms-client.ts) are all on this list.
 */
export const PARENT_QUERY_FIELDS: Record<string, readonly string[]> = {
  posts: ['id', 'title', 'audience', 'groups', 'status', 'pinned', 'publishedAt', 'createdAt'],
  media: ['id', 'createdAt'],
  groups: ['id', 'name', 'schoolYear', 'sortOrder'],
  pupils: ['id', 'firstName', 'lastName', 'group'],
  parents: ['id'],
  'image-consents': ['id', 'pupil', 'allowed', 'createdAt', 'updatedAt'],
  reports: ['id', 'post', 'media', 'category', 'status', 'createdAt', 'updatedAt'],
  // The portal lists a family's conversations and one conversation's messages and read marks.
  conversations: ['id', 'pupil', 'kind', 'lastMessageAt', 'createdAt'],
  messages: ['id', 'conversation', 'sentAt', 'createdAt'],
  'conversation-reads': ['id', 'conversation'],
  // The portal lists the open volunteer requests and the parent's own sign-ups.
  'volunteer-requests': ['id', 'audience', 'groups', 'status', 'opensAt', 'closesAt', 'createdAt'],
  'volunteer-signups': ['id', 'request', 'slot', 'status', 'createdAt'],
  events: ['id', 'audience', 'groups', 'status', 'date', 'endDate'],
  // The portal lists the parent's own feedback, newest first.
  feedback: ['id', 'status', 'createdAt'],
  // The data export (Parents/export-data.ts) reads these in the order they were made.
  absences: ['id', 'createdAt'],
  'leave-requests': ['id', 'createdAt'],
}

const refuse = (what: string): never => {
  throw new Refusal(`U kunt hier niet op ${what} zoeken of sorteren.`, 400)
}

function checkWhere(where: unknown, allowed: readonly string[]): void {
  if (where === undefined || where === null) return
  if (typeof where !== 'object' || Array.isArray(where)) refuse('deze manier')
  for (const [key, value] of Object.entries(where as Where)) {
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) refuse('deze manier')
      for (const part of value as unknown[]) checkWhere(part, allowed)
      continue
    }
    if (!allowed.includes(key)) refuse(`'${key}'`)
    if (!value || typeof value !== 'object' || Array.isArray(value)) refuse(`'${key}'`)
    // Operands are plain values: an object is a nested query into the related collection.
    for (const operand of Object.values(value as Record<string, unknown>)) {
      const values = Array.isArray(operand) ? operand : [operand]
      if (values.some((v) => v !== null && typeof v === 'object')) refuse(`'${key}'`)
    }
  }
}

function checkSort(sort: unknown, allowed: readonly string[]): void {
  if (sort === undefined || sort === null || sort === '') return
  const parts = (Array.isArray(sort) ? sort : [sort]).flatMap((s) => String(s).split(','))
  for (const part of parts) {
    const field = part.trim().replace(/^-/, '')
    if (field && !allowed.includes(field)) refuse(`'${field}'`)
  }
}

/** Installed on every collection; only acts for a parent's request (never with overrideAccess). */
export const parentQueryGuard: CollectionBeforeOperationHook = ({
  args,
  collection,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || req.user?.collection !== 'parents') return args
  const allowed = PARENT_QUERY_FIELDS[collection.slug] ?? ['id']
  const a = args as { where?: unknown; sort?: unknown; field?: unknown; joins?: unknown }
  checkWhere(a.where, allowed)
  checkSort(a.sort, allowed)
  if (a.field !== undefined) checkSort(a.field, allowed)
  // Join fields list other collections' documents; none of them is for parents. Payload's own
  // operations (`/me`) pass an empty joins object: only a named join is a parent's query.
  if (a.joins && typeof a.joins === 'object' && Object.keys(a.joins).length > 0) refuse("'joins'")
  return args
}
