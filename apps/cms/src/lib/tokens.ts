import { createHash, randomBytes } from 'node:crypto'

/** A 256-bit URL-safe token for single-use links; only its hash is ever stored. */
export function createLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashLinkToken(token) }
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
