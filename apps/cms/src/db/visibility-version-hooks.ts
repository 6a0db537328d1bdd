import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  SanitizedConfig,
} from 'payload'

import { bumpVisibilityVersion } from '../access/lib/visibility-version'

/**
 * Every collection and global whose writes can change what a parent may see (issue #11), with
 * the fields the visibility snapshot (access/lib/visibility-snapshot.ts) reads of them. A create
 * or delete, or an update that changes one of these fields, gives the visibility version a new
 * token in the same transaction; any other update (a notification counter, a name, a tag label)
 * keeps the snapshot, so a busy morning of edits does not make every parent's next request
 * rebuild it. Parents' own accounts (children, status) are read with every request's user and
 * need no token; a pupil's group is read per request too (`parentGroupIds`).
 */
export const VISIBILITY_FIELDS = {
  // Which posts a group set reads, in which order, with which gallery.
  posts: [
    'status',
    'publishAt',
    'publishedAt',
    'hidden',
    'audience',
    'groups',
    'gallery',
    'pinned',
  ],
  // Which media pass the image rule.
  media: ['hidden', 'pupils', 'noRecognisablePupils'],
  // Only whether a pupil exists counts (a tag of a deleted pupil no longer does).
  pupils: [],
  'image-consents': ['pupil', 'guardian', 'allowed'],
} as const satisfies Record<string, readonly string[]>
export const VISIBILITY_COLLECTIONS = Object.keys(
  VISIBILITY_FIELDS,
) as (keyof typeof VISIBILITY_FIELDS)[]
export const VISIBILITY_GLOBAL_FIELDS = {
  'school-settings': ['minPupilsPerPhoto', 'defaultImageConsent'],
} as const satisfies Record<string, readonly string[]>
export const VISIBILITY_GLOBALS = Object.keys(
  VISIBILITY_GLOBAL_FIELDS,
) as (keyof typeof VISIBILITY_GLOBAL_FIELDS)[]

/** A value as the snapshot sees it: relations as ids, whether populated or not. */
const normalize = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id
  return value ?? null
}

/** Whether any of `fields` differs between the stored document and the new one. */
export function changesVisibility(
  fields: readonly string[],
  doc: Record<string, unknown>,
  previousDoc: Record<string, unknown> | undefined,
): boolean {
  if (!previousDoc) return true
  return fields.some(
    (field) =>
      JSON.stringify(normalize(doc[field])) !== JSON.stringify(normalize(previousDoc[field])),
  )
}

const afterChangeFor =
  (fields: readonly string[]): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation === 'create' || changesVisibility(fields, doc, previousDoc)) {
      await bumpVisibilityVersion(req)
    }
    return doc
  }
const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await bumpVisibilityVersion(req)
  return doc
}
const globalAfterChangeFor =
  (fields: readonly string[]): GlobalAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    if (changesVisibility(fields, doc, previousDoc)) await bumpVisibilityVersion(req)
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
    const afterChange = afterChangeFor(VISIBILITY_FIELDS[slug])
    collection.hooks.afterChange = [afterChange, ...(collection.hooks.afterChange ?? [])]
    collection.hooks.afterDelete = [afterDelete, ...(collection.hooks.afterDelete ?? [])]
  }
  for (const slug of VISIBILITY_GLOBALS) {
    const global = config.globals.find((g) => g.slug === slug)
    if (!global) throw new Error(`visibility version: no global '${slug}'`)
    const globalAfterChange = globalAfterChangeFor(VISIBILITY_GLOBAL_FIELDS[slug])
    global.hooks.afterChange = [globalAfterChange, ...(global.hooks.afterChange ?? [])]
  }
  return config
}
