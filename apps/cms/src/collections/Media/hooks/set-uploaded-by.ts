import type { CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '../../../access/lib/users'

/**
 * Records who uploaded an item (teachers see their own uploads, S12). A signed-in uploader is
 * always the one recorded, whatever the request says; seeds without a user may set it.
 */
export const setUploadedBy: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const user = staffUser(req)
  if (operation !== 'create' || !user) return data
  return { ...data, uploadedBy: user.id }
}
