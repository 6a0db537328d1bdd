import type { CollectionBeforeLoginHook } from 'payload'
import { APIError } from 'payload'

/** Runs after the password check, so it never tells a stranger which accounts exist. */
export const refuseDeactivatedLogin: CollectionBeforeLoginHook = ({ user }) => {
  if (user?.status === 'deactivated') {
    throw new APIError('Dit account is gedeactiveerd.', 403, { code: 'deactivated' }, true)
  }
  return user
}
