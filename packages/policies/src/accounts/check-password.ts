import { dictionary } from '@zxcvbn-ts/language-common'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

export type CheckPasswordResult =
  { ok: true } | { ok: false; reason: 'too-short' | 'too-long' | 'common' | 'personal' }

// zxcvbn-ts ships the most common leaked passwords (ranked); a Set makes the lookup O(1).
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()))

/**
 * The school's password rule (S17, NIST SP 800-63B style): long enough, not on a list of common
 * passwords, not the user's own name or email — and no composition rules.
 */
export function checkPassword({
  password,
  personal = [],
}: {
  password: string
  /** The account's email and name: a password that is just one of these is refused. */
  personal?: string[]
}): CheckPasswordResult {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, reason: 'too-short' }
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, reason: 'too-long' }
  const normalized = password.toLowerCase().trim()
  if (COMMON.has(normalized)) return { ok: false, reason: 'common' }
  // A repeated character or a straight run of digits/letters is as weak as a listed password.
  if (/^(.)\1+$/.test(normalized) || isSequence(normalized)) return { ok: false, reason: 'common' }
  const compact = normalized.replace(/[^\p{L}\p{N}]/gu, '')
  for (const value of personal) {
    const candidates = [value, value.split('@')[0] ?? '']
      .map((v) => v.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))
      .filter((v) => v.length >= 4)
    if (
      candidates.some(
        (c) => compact === c || (compact.startsWith(c) && compact.length - c.length <= 4),
      )
    ) {
      return { ok: false, reason: 'personal' }
    }
  }
  return { ok: true }
}

function isSequence(value: string): boolean {
  const codes = [...value].map((c) => c.codePointAt(0) ?? 0)
  const step = (codes[1] ?? 0) - (codes[0] ?? 0)
  if (Math.abs(step) !== 1) return false
  return codes.every((c, i) => i === 0 || c - (codes[i - 1] ?? 0) === step)
}

/** Dutch explanations for each reason, shared by the CMS and the portal. */
export const PASSWORD_MESSAGES: Record<
  Exclude<CheckPasswordResult, { ok: true }>['reason'],
  string
> = {
  'too-short': `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`,
  'too-long': `Kies een wachtwoord van hoogstens ${PASSWORD_MAX_LENGTH} tekens.`,
  common:
    'Dit wachtwoord komt te vaak voor. Kies iets dat moeilijker te raden is, bijvoorbeeld een zin.',
  personal: 'Gebruik niet je naam of e-mailadres als wachtwoord.',
}
