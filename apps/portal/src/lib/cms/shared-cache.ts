import { PORTAL_VERSION_PATH, portalVersionAnswer } from '@schoolpost/contracts'

import type { CmsClient } from './cms-client'
import { createPortalCache, type PortalCache } from './portal-cache'

let shared: { baseUrl: string; cache: PortalCache } | undefined

/**
 * The process's one portal cache (its answers outlive the request, like the rate limiters'
 * counts). The version is read with the token of the request that asks; any parent's token will
 * do, the answer is the same for all.
 */
export function getPortalCache(cms: Pick<CmsClient, 'baseUrl' | 'getContract'>): PortalCache {
  if (shared?.baseUrl !== cms.baseUrl) {
    shared = {
      baseUrl: cms.baseUrl,
      cache: createPortalCache({
        readVersion: (token) => cms.getContract(PORTAL_VERSION_PATH, token, portalVersionAnswer),
      }),
    }
  }
  return shared.cache
}
