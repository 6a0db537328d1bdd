export type PortalHealth = {
  status: 'ok' | 'unavailable'
  cms: 'ok' | 'unreachable'
}

/**
 * The portal keeps no data of its own: it is healthy when the CMS answers that it reads its
 * database (the CMS's `/healthz`). Used by `GET /healthz` for the proxy and monitoring.
 */
export async function checkPortalHealth({
  cmsUrl,
  timeoutMs,
  fetchImpl = fetch,
}: {
  cmsUrl: string
  timeoutMs: number
  fetchImpl?: typeof fetch
}): Promise<PortalHealth> {
  try {
    const response = await fetchImpl(`${cmsUrl}/healthz`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Accept: 'application/json' },
    })
    await response.body?.cancel()
    return response.ok ? { status: 'ok', cms: 'ok' } : { status: 'unavailable', cms: 'unreachable' }
  } catch {
    return { status: 'unavailable', cms: 'unreachable' }
  }
}
