import {
  DEFAULT_NOTIFICATION_PREFERENCE,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreference,
} from '@schoolpost/policies'
import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { env } from '../../../lib/env'
import { jsonError, parseJsonBody } from '../../../lib/json-body'
import type { Parent } from '../../../payload-types'
import {
  readUnsubscribeToken,
  type UnsubscribeScope,
} from '../../../notifications/unsubscribe-token'

const INVALID =
  'Deze afmeldlink klopt niet. Log in op het ouderportaal om je e-mailinstellingen te wijzigen.'

const body = z.object({
  token: z.string({ message: 'De afmeldlink is onvolledig.' }).min(10).max(300),
})

type Preferences = Partial<Record<NotificationKind, NotificationPreference | null>>

/** "over schoolnieuws", or for a digest link "met het dagelijks overzicht". */
const scopeLabel = (scope: UnsubscribeScope) =>
  scope === 'digest' ? 'met het dagelijks overzicht' : `over ${NOTIFICATION_KIND_LABELS[scope]}`

/** That kind off; for a digest link, every kind that came as a digest. */
function switchedOff(current: Preferences | null | undefined, scope: UnsubscribeScope) {
  const next = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, current?.[kind] ?? DEFAULT_NOTIFICATION_PREFERENCE]),
  ) as Record<NotificationKind, NotificationPreference>
  for (const kind of NOTIFICATION_KINDS) {
    if (scope === kind || (scope === 'digest' && next[kind] === 'digest')) next[kind] = 'off'
  }
  return next
}

async function claimFor(req: PayloadRequest, token: string) {
  const claim = readUnsubscribeToken({ token, secret: env.payloadSecret })
  if (!claim) return null
  const parent = await req.payload.findByID({
    collection: 'parents',
    id: claim.parentId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { notifications: true },
  })
  return parent ? { ...claim, parent } : null
}

/**
 * One-click unsubscribe without logging in (C1, RFC 8058), for the portal's `/afmelden/<token>`:
 * GET says what the link would switch off; POST switches that one kind of email to "uit".
 * The token is signed by the CMS; a forged or altered token changes nothing (400).
 */
export const unsubscribe: Endpoint = {
  path: '/unsubscribe',
  method: 'post',
  handler: async (req) => {
    const parsed = await parseJsonBody(req, body)
    if (!parsed.ok) return parsed.response
    const found = await claimFor(req, parsed.data.token)
    if (!found) return jsonError(400, 'invalid-token', INVALID)
    await req.payload.update({
      collection: 'parents',
      id: found.parentId,
      // Every value comes from the stored choices or is 'off': valid for each kind's field.
      data: {
        notifications: switchedOff(found.parent.notifications, found.kind) as NonNullable<
          Parent['notifications']
        >,
      },
      overrideAccess: true,
      depth: 0,
      req,
    })
    return Response.json({
      ok: true,
      kind: found.kind,
      message: `Je krijgt geen e-mail meer ${scopeLabel(found.kind)}. Je kunt dit altijd weer aanzetten in het ouderportaal.`,
    })
  },
}

export const unsubscribeStatus: Endpoint = {
  path: '/unsubscribe',
  method: 'get',
  handler: async (req) => {
    const token = new URL(req.url ?? 'http://x').searchParams.get('token') ?? ''
    const found = token.length >= 10 && token.length <= 300 ? await claimFor(req, token) : null
    if (!found) return jsonError(400, 'invalid-token', INVALID)
    return Response.json({
      ok: true,
      kind: found.kind,
      scopeLabel: scopeLabel(found.kind),
    })
  },
}
