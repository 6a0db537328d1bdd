import type { CollectionAfterChangeHook } from 'payload'

/** A deactivated parent's pending invitation links die with the account. */
export const revokeInvitationsOnDeactivation: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (
    operation === 'update' &&
    doc.status === 'deactivated' &&
    previousDoc?.status !== 'deactivated'
  ) {
    await req.payload.update({
      collection: 'invitations',
      where: {
        and: [
          { parent: { equals: doc.id } },
          { usedAt: { exists: false } },
          { revokedAt: { exists: false } },
        ],
      },
      data: { revokedAt: new Date().toISOString() },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  return doc
}
