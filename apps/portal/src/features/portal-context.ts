import { sessionConfigFor } from './auth/session-config'
import type { SessionConfig } from './auth/session'
import type { CmsClient } from './cms/cms-client'
import { createCmsClient } from './cms/cms-client'
import type { PortalEnv } from './env'
import { getPortalEnv } from './env'

export type PortalContext = { env: PortalEnv; cms: CmsClient; session: SessionConfig }

/** Everything a request needs, from the environment as it is now. Throws `EnvError` when misconfigured. */
export function getPortalContext(): PortalContext {
  const env = getPortalEnv()
  return {
    env,
    cms: createCmsClient({ baseUrl: env.cmsUrl, timeoutMs: env.cmsTimeoutMs }),
    session: sessionConfigFor(env),
  }
}
