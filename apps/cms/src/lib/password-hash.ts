import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2Async = promisify(pbkdf2)

/**
 * Payload 3.90's password hashes (payload/dist/auth/strategies/local/generatePasswordSaltHash.js):
 * "pbkdf2-sha256-v1:<hex>" is PBKDF2-SHA256 with 600 000 iterations and a 32-byte key; a hash
 * without that prefix is the legacy 25 000 iterations, 512-byte key. Same parameters here, so a
 * check of our own costs what Payload's login costs.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

function parameters(hash: string) {
  return hash.startsWith(CURRENT_PREFIX)
    ? { ...CURRENT, stored: hash.slice(CURRENT_PREFIX.length) }
    : { ...LEGACY, stored: hash }
}

/** Whether `password` matches a stored Payload hash and salt (constant-time comparison). */
export async function verifyPassword(
  account: { hash?: unknown; salt?: unknown },
  password: string,
): Promise<boolean> {
  if (typeof account.hash !== 'string' || typeof account.salt !== 'string') {
    await burnPasswordWork(password)
    return false
  }
  const { iterations, keyLength, stored } = parameters(account.hash)
  const computed = await pbkdf2Async(password, account.salt, iterations, keyLength, 'sha256')
  const expected = Buffer.from(stored, 'hex')
  return expected.length === computed.length && timingSafeEqual(expected, computed)
}

const dummySalt = randomBytes(32).toString('hex')

/**
 * The work of checking one password against a current hash, for an account that does not exist:
 * an unknown address then answers as slowly as a wrong password.
 */
export async function burnPasswordWork(password: string): Promise<void> {
  await pbkdf2Async(password, dummySalt, CURRENT.iterations, CURRENT.keyLength, 'sha256')
}
