import { checkPassword, PASSWORD_MESSAGES } from '@schoolpost/policies'
import type { PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { jsonError } from '../../lib/json-body'
import { SPENT_TOKEN_KEEP_MS, spendOnce } from '../../db/shared-state'
import { consume, requestAddress, tooManyRequests } from '../../lib/rate-limit'
import { hashLinkToken } from '../../lib/tokens'
import type { Parent, Staff } from '../../payload-types'
import { readBody } from './read-body'

type Accounts = { parents: Parent; staff: Staff }

const resetBody = z.object({
  token: z.string({ message: 'De link is onvolledig.' }).min(20, 'De link is onvolledig.').max(200),
  password: z.string({ message: 'Kies een wachtwoord.' }).max(1024),
})

const GONE = 'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan.'

export type ResetOutcome<C extends keyof Accounts> =
  { ok: true; token: string; exp: number; user: Accounts[C] } | { ok: false; response: Response }

/**
 * The work of POST /api/<collection>/reset-password (replacing Payload's, which looks the token up
 * in plain text): find the account by the token's SHA-256, apply the password rule, and spend the
 * link conditionally in one transaction with the new password (of two simultaneous resets only one
 * wins). Every session of the account ends; the caller gets a fresh login. Limited per client
 * address. Accepts JSON and the admin's multipart form.
 */
export async function resetPasswordWithToken<C extends keyof Accounts>(
  req: PayloadRequest,
  collection: C,
  mayReset: (account: Accounts[C]) => boolean,
): Promise<ResetOutcome<C>> {
  const limit = await consume(req, 'tokenIp', requestAddress(req))
  if (!limit.ok) return { ok: false, response: tooManyRequests(limit.retryAfterSeconds) }
  const parsed = await readBody(req, resetBody)
  if (!parsed.ok) return parsed
  const tokenHash = hashLinkToken(parsed.data.token)
  const found = await req.payload.find({
    collection,
    where: {
      and: [
        { resetPasswordToken: { equals: tokenHash } },
        { resetPasswordExpiration: { greater_than: new Date().toISOString() } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const account = found.docs[0] as Accounts[C] | undefined
  if (!account || !mayReset(account)) {
    return { ok: false, response: jsonError(410, 'invalid-token', GONE) }
  }
  const strength = checkPassword({
    password: parsed.data.password,
    personal: [account.email, account.name],
  })
  if (!strength.ok) {
    return {
      ok: false,
      response: jsonError(400, 'weak-password', PASSWORD_MESSAGES[strength.reason]),
    }
  }
  const shouldCommit = await initTransaction(req)
  try {
    // Of two simultaneous resets with one link only one wins: a unique insert first (enforced by
    // every database, with or without transactions), then the conditional update.
    const first = await spendOnce(req.payload, {
      id: `reset:${collection}:${tokenHash}`,
      expire: Date.now() + SPENT_TOKEN_KEEP_MS,
      scope: { req },
    })
    if (!first) {
      await killTransaction(req)
      return { ok: false, response: jsonError(410, 'invalid-token', GONE) }
    }
    const spent = await req.payload.update({
      collection,
      where: {
        and: [{ id: { equals: account.id } }, { resetPasswordToken: { equals: tokenHash } }],
      },
      data: {
        password: parsed.data.password,
        resetPasswordToken: null,
        resetPasswordExpiration: null,
        sessions: [],
      } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
    if (spent.docs.length !== 1) {
      await killTransaction(req)
      return { ok: false, response: jsonError(410, 'invalid-token', GONE) }
    }
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
  const login = await req.payload.login({
    collection,
    data: { email: account.email, password: parsed.data.password },
    overrideAccess: false,
    req,
  })
  return {
    ok: true,
    token: login.token ?? '',
    exp: login.exp ?? 0,
    user: login.user as unknown as Accounts[C],
  }
}
