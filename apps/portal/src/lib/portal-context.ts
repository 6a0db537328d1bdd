import { now } from './clock'
import { sessionConfigFor } from '../features/auth/session-config'
import type { SessionConfig } from '../features/auth/session'
import type { CmsClient } from './cms/cms-client'
import { createCmsClient } from './cms/cms-client'
import type { ContractSource, PortalCache } from './cms/portal-cache'
import { getPortalCache } from './cms/shared-cache'
import type { PortalEnv } from './env'
import { getPortalEnv } from './env'
import type { RateLimitBucket, RateLimiter } from './http/rate-limit'
import { getRateLimiter } from './http/rate-limit'

export type PortalContext = {
  env: PortalEnv
  cms: CmsClient
  /** What the portal may reuse of the CMS's answers (process-wide, checked at every request). */
  cache: PortalCache
  /** The endpoints shaped for portal pages, through the cache (`loadHome`, `loadPost`). */
  contracts: ContractSource
  session: SessionConfig
  /** The rate limiters (process-wide: their counts outlive the request). */
  limiters: Record<RateLimitBucket, RateLimiter>
  /** The time the school's rules are checked against (`lib/clock.ts`: a test clock in e2e only). */
  now: () => Date
}

/** Everything a request needs, from the environment as it is now. Throws `EnvError` when misconfigured. */
export function getPortalContext(): PortalContext {
  const env = getPortalEnv()
  const cms = createCmsClient({ baseUrl: env.cmsUrl, timeoutMs: env.cmsTimeoutMs })
  const cache = getPortalCache(cms)
  return {
    env,
    cms,
    cache,
    contracts: cache.contracts(cms),
    session: sessionConfigFor(env),
    limiters: {
      login: getRateLimiter('login', env.rateLimits.login),
      'password-reset': getRateLimiter('password-reset', env.rateLimits['password-reset']),
      token: getRateLimiter('token', env.rateLimits.token),
      report: getRateLimiter('report', env.rateLimits.report),
      feed: getRateLimiter('feed', env.rateLimits.feed),
    },
    now: () => now(env),
  }
}
