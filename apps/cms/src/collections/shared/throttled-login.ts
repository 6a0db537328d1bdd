import type { PayloadRequest } from 'payload'
import { AuthenticationError } from 'payload'

import { burnPasswordWork } from '../../lib/password-hash'
import { consumeAll, forget, refund, requestAddress } from '../../lib/rate-limit'
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
  if (!limit.ok) return { kind: 'limited', retryAfterSeconds: limit.retryAfterSeconds }

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
  if (!known) {
    await burnPasswordWork(password)
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
    return {
      kind: 'ok',
      token: result.token,
      exp: result.exp ?? 0,
      user: result.user as unknown as Accounts[C],
    }
  } catch (error) {
    if (error instanceof AuthenticationError) return { kind: 'invalid' }
    // Refusals after the right password (deactivated) are not guesses.
    await succeeded()
    throw error
  }
}
