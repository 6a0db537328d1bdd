import { getInvitationExpiry, INVITATION_VALIDITY_DAYS } from '@schoolpost/policies'
import type { Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { hasRole, staffUser } from '../../../access/lib/users'
import { queueEmail } from '../../../email/queue-email'
import { invitationEmail } from '../../../email/templates/invitation-email'
import { env } from '../../../lib/env'
import { jsonError } from '../../../lib/json-body'
import { createLinkToken } from '../../../lib/tokens'
import type { Parent } from '../../../payload-types'

export type InvitationOutcome =
  { ok: true; expiresAt: string } | { ok: false; code: 'active' | 'deactivated'; message: string }

/**
 * Creates a fresh single-use link for a parent, revokes every older one (a resent invitation
 * kills the previous link) and queues the email — in the caller's transaction when `req` has one.
 */
export async function inviteParent(
  req: PayloadRequest,
  parent: Parent,
): Promise<InvitationOutcome> {
  if (parent.status === 'active') {
    return { ok: false, code: 'active', message: `${parent.name} heeft al een actief account.` }
  }
  if (parent.status === 'deactivated') {
    return {
      ok: false,
      code: 'deactivated',
      message: `${parent.name} is gedeactiveerd. Zet de status eerst op "Uitgenodigd".`,
    }
  }
  const now = new Date()
  await req.payload.update({
    collection: 'invitations',
    where: {
      and: [
        { parent: { equals: parent.id } },
        { usedAt: { exists: false } },
        { revokedAt: { exists: false } },
      ],
    },
    data: { revokedAt: now.toISOString() },
    overrideAccess: true,
    depth: 0,
    req,
  })
  const { token, tokenHash } = createLinkToken()
  const expiresAt = getInvitationExpiry({ now })
  const invitation = await req.payload.create({
    collection: 'invitations',
    data: {
      parent: parent.id,
      tokenHash,
      expiresAt: expiresAt.toISOString(),
      invitedBy: staffUser(req)?.id ?? null,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
  const mail = await invitationEmail({
    schoolName: settings.schoolName,
    parentName: parent.name,
    link: `${env.portalUrl}/uitnodiging/${token}`,
    validDays: INVITATION_VALIDITY_DAYS,
  })
  await queueEmail({
    payload: req.payload,
    req,
    email: {
      to: parent.email,
      ...mail,
      kind: 'invitation',
      idempotencyKey: `invitation:${invitation.id}`,
    },
  })
  return { ok: true, expiresAt: expiresAt.toISOString() }
}

/** POST /api/parents/:id/invite — directors and office only. */
export const sendInvitation: Endpoint = {
  path: '/:id/invite',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req, 'director', 'office')) {
      return jsonError(
        403,
        'forbidden',
        'Alleen de directie en de administratie versturen uitnodigingen.',
      )
    }
    const id = String(req.routeParams?.id ?? '')
    const parent = await req.payload.findByID({
      collection: 'parents',
      id,
      depth: 0,
      req,
      overrideAccess: false,
      disableErrors: true,
    })
    if (!parent) return jsonError(404, 'not-found', 'Deze ouder bestaat niet.')
    const shouldCommit = await initTransaction(req)
    try {
      const outcome = await inviteParent(req, parent)
      if (!outcome.ok) {
        await killTransaction(req)
        return jsonError(409, outcome.code, outcome.message)
      }
      if (shouldCommit) await commitTransaction(req)
      return Response.json({
        ok: true,
        expiresAt: outcome.expiresAt,
        message: `Uitnodiging verstuurd naar ${parent.email}.`,
      })
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
}
