import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Deactivating a parent ends every session at once: Payload keeps sessions on the user document
 * (useSessions), so emptying them invalidates every token already handed out.
 */
export const endSessionsOnDeactivation: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
}) => {
  if (
    operation === 'update' &&
    data.status === 'deactivated' &&
    originalDoc?.status !== 'deactivated'
  ) {
    return { ...data, sessions: [] }
  }
  return data
}
