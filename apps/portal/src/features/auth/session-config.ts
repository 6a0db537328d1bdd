import type { PortalEnv } from '../../lib/env'
import type { SessionConfig } from './session'
import { deriveSessionKey } from './session'

/** Cookie key and flags for this environment: Secure only in production (local demo is http). */
export function sessionConfigFor(env: PortalEnv): SessionConfig {
  return { key: deriveSessionKey(env.sessionSecret), secure: env.isProduction }
}
