import type { CollectionAfterReadHook } from 'payload'

import { parentUser } from '../../../access/lib/users'

/**
 * A parent gets only the gallery items they may see: at depth ≥ 1 Payload leaves an item it may
 * not populate as a bare id, and even ids of hidden photos are not theirs to know.
 */
export const galleryForParents: CollectionAfterReadHook = ({ doc, req }) => {
  if (!parentUser(req) || !Array.isArray(doc.gallery)) return doc
  return {
    ...doc,
    gallery: doc.gallery.filter((item: unknown) => item && typeof item === 'object'),
  }
}
