/**
 * The CMS's rate-limit buckets and their defaults (pure: env.ts reads the overrides). Every bucket
 * is "<points>/<seconds>": so many counted events per key within the window, e.g. "5/900".
 */

export type CmsRateLimitBucket =
  | 'loginIp'
  | 'loginAccountIp'
  | 'loginAccount'
  | 'forgotIp'
  | 'forgotAddress'
  | 'tokenIp'
  | 'changePassword'
  | 'report'
  | 'absence'
  | 'message'
  | 'signup'
  | 'feed'
  | 'feedLink'
  | 'feedback'
  | 'export'

export type RateLimitSpec = { points: number; durationSeconds: number }

export const DEFAULT_CMS_RATE_LIMITS: Record<CmsRateLimitBucket, RateLimitSpec> = {
  /** Failed logins from one address, whatever the account (password spraying, enumeration). */
  loginIp: { points: 20, durationSeconds: 15 * 60 },
  /** Failed logins for one account from one address: the owner elsewhere is not affected. */
  loginAccountIp: { points: 5, durationSeconds: 15 * 60 },
  /** Failed logins for one account from all addresses together (a distributed guess). */
  loginAccount: { points: 100, durationSeconds: 60 * 60 },
  /** Forgot-password requests from one address. */
  forgotIp: { points: 10, durationSeconds: 15 * 60 },
  /** Forgot-password requests for one email address (each can mail that person). */
  forgotAddress: { points: 3, durationSeconds: 60 * 60 },
  /** Uses of a link token (invitation check/accept, reset-password) from one address. */
  tokenIp: { points: 30, durationSeconds: 15 * 60 },
  /** Change-password attempts per account. */
  changePassword: { points: 5, durationSeconds: 15 * 60 },
  /** Reports per parent (each one emails every director). */
  report: { points: 10, durationSeconds: 60 * 60 },
  /** Absence reports and leave requests per parent (each one queues an email). */
  absence: { points: 30, durationSeconds: 60 * 60 },
  /** Messages and new conversations per parent (each can email the teachers after school). */
  message: { points: 60, durationSeconds: 60 * 60 },
  /** Sign-ups and cancellations for volunteer requests per parent (a waitlist emails). */
  signup: { points: 30, durationSeconds: 60 * 60 },
  /**
   * Reads of private iCal feeds from one address (no login: the secret is the key). Generous:
   * calendar services (Google, Apple, Outlook) fetch the feeds of many parents from few addresses.
   */
  feed: { points: 300, durationSeconds: 15 * 60 },
  /** New (or renewed) iCal feed links per parent. */
  feedLink: { points: 10, durationSeconds: 60 * 60 },
  /** Feedback per parent (S20): tips and remarks, read by the school's staff. */
  feedback: { points: 10, durationSeconds: 24 * 60 * 60 },
  /** Data exports per parent (each reads the family's whole history). */
  export: { points: 5, durationSeconds: 60 * 60 },
}

/** The env variable of each bucket, e.g. CMS_RATE_LIMIT_LOGIN_IP=20/900. */
export const CMS_RATE_LIMIT_ENV: Record<CmsRateLimitBucket, string> = {
  loginIp: 'CMS_RATE_LIMIT_LOGIN_IP',
  loginAccountIp: 'CMS_RATE_LIMIT_LOGIN_ACCOUNT_IP',
  loginAccount: 'CMS_RATE_LIMIT_LOGIN_ACCOUNT',
  forgotIp: 'CMS_RATE_LIMIT_FORGOT_IP',
  forgotAddress: 'CMS_RATE_LIMIT_FORGOT_ADDRESS',
  tokenIp: 'CMS_RATE_LIMIT_TOKEN_IP',
  changePassword: 'CMS_RATE_LIMIT_CHANGE_PASSWORD',
  report: 'CMS_RATE_LIMIT_REPORT',
  absence: 'CMS_RATE_LIMIT_ABSENCE',
  message: 'CMS_RATE_LIMIT_MESSAGE',
  signup: 'CMS_RATE_LIMIT_SIGNUP',
  feed: 'CMS_RATE_LIMIT_FEED',
  feedLink: 'CMS_RATE_LIMIT_FEED_LINK',
  feedback: 'CMS_RATE_LIMIT_FEEDBACK',
  export: 'CMS_RATE_LIMIT_EXPORT',
}

/** Reads "<points>/<seconds>"; `null` when it is not that (or out of range). */
export function parseRateLimitSpec(value: string): RateLimitSpec | null {
  const match = /^\s*(\d{1,7})\s*\/\s*(\d{1,6})\s*$/.exec(value)
  if (!match) return null
  const points = Number.parseInt(match[1] ?? '', 10)
  const durationSeconds = Number.parseInt(match[2] ?? '', 10)
  if (points < 1 || durationSeconds < 1 || durationSeconds > 24 * 60 * 60) return null
  return { points, durationSeconds }
}
