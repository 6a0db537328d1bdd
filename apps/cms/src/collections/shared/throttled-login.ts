import type { PayloadRequest } from 'payload'
import { AuthenticationError } from 'payload'

import { createHash } from 'node:crypto'

import { env } from '../../lib/env'
import { burnPasswordWork } from '../../lib/password-hash'
import { consumeAll, forget, refund, requestAddress } from '../../lib/rate-limit'
import { recordAuditEvent } from '../AuditEvents/record'
import type { Parent, Staff } from '../../payload-types'

type Accounts = { parents: Parent; staff: Staff }

export type ThrottledLogin<C extends keyof Accounts> =
  | { kind: 'ok'; token: string; exp: number; user: Accounts[C] }
  | { kind: 'invalid' }
  | { kind: 'limited'; retryAfterSeconds: number }

/**
 * Payload's login behind throttling instead of Payload's lockout (maxLoginAttempts is off).
 * A lockout let anyone lock the owner out with five wrong passwords; here failures count per
 * account *and address*, so the owner on their own address still gets in while the guesser is
 * answered 429. Failures also count per address (spraying many accounts) and per account from
 * all addresses together (a high cap against a distributed guess). Known and unknown addresses get
 * the same answer, after the same PBKDF2 work. Errors other than a wrong password (a deactivated
 * account, after the right password) are rethrown for the caller.
 */
export async function throttledLogin<C extends keyof Accounts>({
  req,
  collection,
  email,
  password,
  depth,
}: {
  req: PayloadRequest
  collection: C
  email: string
  password: string
  depth?: number
}): Promise<ThrottledLogin<C>> {
  const address = requestAddress(req)
  const account = `${collection}:${email.toLowerCase().trim()}`
  const accountAtAddress = `${account}|${address}`
  // Counted before the password is checked, so parallel guesses cannot slip through; a right
  // password gives the counts back.
  const limit = await consumeAll(req, [
    ['loginIp', address],
    ['loginAccountIp', accountAtAddress],
    ['loginAccount', account],
  ])
  if (!limit.ok) {
    await logThrottled(req, collection, email, address)
    return { kind: 'limited', retryAfterSeconds: limit.retryAfterSeconds }
  }

  const succeeded = async () => {
    await refund(req, 'loginIp', address)
    await refund(req, 'loginAccount', account)
    await forget(req, 'loginAccountIp', accountAtAddress)
  }
  const known = await req.payload.db.findOne({
    collection,
    where: { email: { equals: email.toLowerCase().trim() } },
    req,
  })
  const party = known
    ? {
        type: PARTY[collection],
        id: String(known.id),
        name: (known as { name?: string }).name ?? null,
      }
    : ({ type: 'unknown' } as const)
  const place = collection === 'parents' ? 'het ouderportaal' : 'de beheeromgeving'
  if (!known) {
    await burnPasswordWork(password)
    await recordAuditEvent(req, {
      type: 'login-failed',
      actor: party,
      summary: `Inloggen op ${place} met een onbekend e-mailadres.`,
    })
    return { kind: 'invalid' }
  }
  try {
    const result = await req.payload.login({
      collection,
      data: { email, password },
      ...(depth === undefined ? {} : { depth }),
      // The user in the answer is read as its owner would read it (no hidden fields).
      overrideAccess: false,
      req,
    })
    if (!result.token || !result.user) return { kind: 'invalid' }
    await succeeded()
    await recordAuditEvent(req, { type: 'login', actor: party, summary: `Ingelogd op ${place}.` })
    return {
      kind: 'ok',
      token: result.token,
      exp: result.exp ?? 0,
      user: result.user as unknown as Accounts[C],
    }
  } catch (error) {
    if (error instanceof AuthenticationError) {
      await recordAuditEvent(req, {
        type: 'login-failed',
        actor: party,
        summary: `Inloggen op ${place} met een verkeerd wachtwoord.`,
      })
      return { kind: 'invalid' }
    }
    // Refusals after the right password (deactivated) are not guesses.
    await succeeded()
    await recordAuditEvent(req, {
      type: 'login-failed',
      actor: party,
      summary: `Inloggen op ${place} geweigerd: het account is gedeactiveerd.`,
    })
    throw error
  }
}

const PARTY = { parents: 'parent', staff: 'staff' } as const

/**
 * One row per address and window of the login limit (`once`), however many requests it refuses:
 * an attacker cannot grow the log at request speed. It names the account of the first refused
 * attempt when that account exists; an unknown address typed is not stored.
 */
async function logThrottled(
  req: PayloadRequest,
  collection: keyof Accounts,
  email: string,
  address: string,
): Promise<void> {
  const windowMs = env.rateLimits.loginIp.durationSeconds * 1000
  const window = Math.floor(Date.now() / windowMs)
  const once = `login-throttled:${createHash('sha256').update(address).digest('base64url')}:${window}`
  const known = await req.payload.db.findOne({
    collection,
    where: { email: { equals: email.toLowerCase().trim() } },
    req,
  })
  await recordAuditEvent(req, {
    type: 'login-throttled',
    actor: known
      ? { type: PARTY[collection], id: String(known.id), name: (known as { name?: string }).name }
      : { type: 'unknown' },
    summary: `Te veel mislukte inlogpogingen vanaf dit adres: inloggen is ${Math.round(windowMs / 60_000)} minuten geblokkeerd.`,
    once,
  })
}
