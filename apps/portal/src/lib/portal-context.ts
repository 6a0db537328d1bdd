import { sessionConfigFor } from '../features/auth/session-config'
import type { SessionConfig } from '../features/auth/session'
import type { CmsClient } from './cms/cms-client'
import { createCmsClient } from './cms/cms-client'
import type { PortalEnv } from './env'
import { getPortalEnv } from './env'
import type { RateLimitBucket, RateLimiter } from './http/rate-limit'
import { getRateLimiter } from './http/rate-limit'

export type PortalContext = {
  env: PortalEnv
  cms: CmsClient
  session: SessionConfig
  /** The rate limiters (process-wide: their counts outlive the request). */
  limiters: Record<RateLimitBucket, RateLimiter>
}

/** Everything a request needs, from the environment as it is now. Throws `EnvError` when misconfigured. */
export function getPortalContext(): PortalContext {
  const env = getPortalEnv()
  return {
    env,
    cms: createCmsClient({ baseUrl: env.cmsUrl, timeoutMs: env.cmsTimeoutMs }),
    session: sessionConfigFor(env),
    limiters: {
      login: getRateLimiter('login', env.rateLimits.login),
      'password-reset': getRateLimiter('password-reset', env.rateLimits['password-reset']),
      token: getRateLimiter('token', env.rateLimits.token),
      report: getRateLimiter('report', env.rateLimits.report),
    },
  }
}
