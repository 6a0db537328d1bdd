import { checkToken } from '@schoolpost/policies'
import type { PayloadRequest } from 'payload'

import type { Invitation, Parent } from '../../payload-types'
import { hashLinkToken } from '../../lib/tokens'

export type InvitationLookup =
  | { ok: true; invitation: Invitation; parent: Parent }
  | { ok: false; code: 'invalid' | 'used' | 'expired' | 'revoked' }

export const INVITATION_MESSAGES: Record<Exclude<InvitationLookup, { ok: true }>['code'], string> =
  {
    invalid:
      'Deze uitnodigingslink bestaat niet. Controleer of je de hele link uit de e-mail hebt gebruikt.',
    used: 'Deze uitnodiging is al gebruikt. Je kunt inloggen met je e-mailadres en wachtwoord.',
    expired: 'Deze uitnodiging is verlopen. Vraag de school om een nieuwe uitnodiging.',
    revoked:
      'Deze uitnodiging is niet meer geldig. Gebruik de nieuwste uitnodiging of vraag de school om hulp.',
  }

/** Finds the invitation behind a token and says whether it can still be used (policies decide). */
export async function findInvitation(
  req: PayloadRequest,
  token: string,
): Promise<InvitationLookup> {
  const found = await req.payload.find({
    collection: 'invitations',
    where: { tokenHash: { equals: hashLinkToken(token) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const invitation = found.docs[0]
  if (!invitation) return { ok: false, code: 'invalid' }
  const state = checkToken({ token: invitation, now: new Date() })
  if (!state.ok) return { ok: false, code: state.reason }
  const parentId = typeof invitation.parent === 'string' ? invitation.parent : invitation.parent.id
  const parent = await req.payload.findByID({
    collection: 'parents',
    id: parentId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!parent || parent.status === 'deactivated') return { ok: false, code: 'revoked' }
  if (parent.status === 'active') return { ok: false, code: 'used' }
  return { ok: true, invitation, parent }
}
