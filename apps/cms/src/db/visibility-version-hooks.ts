import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  SanitizedConfig,
} from 'payload'

import { bumpVisibilityVersion } from '../access/lib/visibility-version'

/**
 * Every collection and global whose writes can change what a parent may see (issue #11): posts
 * (status, audience, groups, gallery, hidden, publishAt), media (tags, hidden), pupils (existence
 * and group), image consents, the school settings (minimum, default consent). A write to one of
 * them gives the visibility version a new token in the same transaction. Parents' own accounts
 * (children, status) are read with every request's user and need no token.
 */
export const VISIBILITY_COLLECTIONS = ['posts', 'media', 'pupils', 'image-consents'] as const
export const VISIBILITY_GLOBALS = ['school-settings'] as const

const afterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await bumpVisibilityVersion(req)
  return doc
}
const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await bumpVisibilityVersion(req)
  return doc
}
const globalAfterChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await bumpVisibilityVersion(req)
  return doc
}

/**
 * Installs the hooks first in line, so the collection's own after-hooks (tag labels after a
 * consent change) already read the new version.
 */
export function withVisibilityVersion(config: SanitizedConfig): SanitizedConfig {
  for (const slug of VISIBILITY_COLLECTIONS) {
    const collection = config.collections.find((c) => c.slug === slug)
    if (!collection) throw new Error(`visibility version: no collection '${slug}'`)
    collection.hooks.afterChange = [afterChange, ...(collection.hooks.afterChange ?? [])]
    collection.hooks.afterDelete = [afterDelete, ...(collection.hooks.afterDelete ?? [])]
  }
  for (const slug of VISIBILITY_GLOBALS) {
    const global = config.globals.find((g) => g.slug === slug)
    if (!global) throw new Error(`visibility version: no global '${slug}'`)
    global.hooks.afterChange = [globalAfterChange, ...(global.hooks.afterChange ?? [])]
  }
  return config
}
