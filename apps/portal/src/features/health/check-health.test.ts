import { describe, expect, it } from 'vitest'

import { checkPortalHealth } from './check-health'

const answering = (status: number) =>
  (async () => new Response('{}', { status })) as unknown as typeof fetch

describe('checkPortalHealth', () => {
  it('is ok when the CMS reads its database', async () => {
    expect(
      await checkPortalHealth({ cmsUrl: 'http://cms', timeoutMs: 100, fetchImpl: answering(200) }),
    ).toEqual({ status: 'ok', cms: 'ok' })
  })

  it('is unavailable when the CMS reports its database down', async () => {
    expect(
      await checkPortalHealth({ cmsUrl: 'http://cms', timeoutMs: 100, fetchImpl: answering(503) }),
    ).toEqual({ status: 'unavailable', cms: 'unreachable' })
  })

  it('is unavailable when the CMS does not answer in time', async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      })) as unknown as typeof fetch
    expect(
      await checkPortalHealth({ cmsUrl: 'http://cms', timeoutMs: 10, fetchImpl: hanging }),
    ).toEqual({ status: 'unavailable', cms: 'unreachable' })
  })
})
