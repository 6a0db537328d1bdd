import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterLogoutHook,
  GlobalAfterChangeHook,
  SanitizedConfig,
} from 'payload'

import { bumpPortalVersion } from '../access/lib/portal-version'
import { changesVisibility } from './visibility-version-hooks'

/**
 * Every collection and global an answer the portal keeps is made of (issue #11): the timeline and
 * post pages (posts, their media, groups and authors), the parent's children and the school's
 * contact details, the unread badge (conversations), and the parent's own account — a deactivation, a new child or an ended session
 * must reach the portal at the next request. Any create, delete or logout moves the portal
 * version, and so does an update that changes a field other than the bookkeeping ones below.
 * Writes straight to the database that skip these hooks bump it themselves (bumpVisibilityVersion
 * bumps it too).
 */
export const PORTAL_COLLECTIONS = [
  'posts',
  'media',
  'groups',
  'pupils',
  'image-consents',
  'staff',
  'parents',
  // A delivered message moves its conversation's last-message time: the unread badge of a kept
  // start page must go stale at once (issue #14). Reading moves nothing (the portal keeps no
  // page with a badge).
  'conversations',
  // The start page's volunteer cards (issue #15): a new or changed request shows at once.
  'volunteer-requests',
] as const
// A new version of the house rules sends every parent to the acceptance page at the next request.
export const PORTAL_GLOBALS = ['school-settings', 'house-rules'] as const

/**
 * Fields no portal answer shows and that change on their own (timestamps, login throttling) or
 * through their own endpoints (the iCal feed's hashed secret, the accepted house rules).
 */
const QUIET_FIELDS = new Set([
  'updatedAt',
  'loginAttempts',
  'lockUntil',
  'calendarFeed',
  // The portal keeps the accepted version in its session cookie: 400 parents accepting a new
  // version at 08:00 must not drop everyone's kept pages 400 times.
  'houseRules',
])

/** Whether an update changed anything but the quiet fields. */
export function changesPortalAnswer(
  doc: Record<string, unknown>,
  previousDoc: Record<string, unknown> | undefined,
): boolean {
  if (!previousDoc) return true
  const fields = new Set([...Object.keys(doc), ...Object.keys(previousDoc)])
  return changesVisibility(
    [...fields].filter((field) => !QUIET_FIELDS.has(field)),
    doc,
    previousDoc,
  )
}

const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create' || changesPortalAnswer(doc, previousDoc)) await bumpPortalVersion(req)
  return doc
}
const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await bumpPortalVersion(req)
  return doc
}
const afterLogout: CollectionAfterLogoutHook = async ({ req }) => {
  await bumpPortalVersion(req)
}
const globalAfterChange: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (changesPortalAnswer(doc, previousDoc)) await bumpPortalVersion(req)
  return doc
}

/** Installs the hooks first in line, beside the visibility version's. */
export function withPortalVersion(config: SanitizedConfig): SanitizedConfig {
  for (const slug of PORTAL_COLLECTIONS) {
    const collection = config.collections.find((c) => c.slug === slug)
    if (!collection) throw new Error(`portal version: no collection '${slug}'`)
    collection.hooks.afterChange = [afterChange, ...(collection.hooks.afterChange ?? [])]
    collection.hooks.afterDelete = [afterDelete, ...(collection.hooks.afterDelete ?? [])]
    if (collection.auth) {
      collection.hooks.afterLogout = [afterLogout, ...(collection.hooks.afterLogout ?? [])]
    }
  }
  for (const slug of PORTAL_GLOBALS) {
    const global = config.globals.find((g) => g.slug === slug)
    if (!global) throw new Error(`portal version: no global '${slug}'`)
    global.hooks.afterChange = [globalAfterChange, ...(global.hooks.afterChange ?? [])]
  }
  return config
}
