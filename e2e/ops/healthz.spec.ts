import { expect, test } from '@playwright/test'

import { CMS_URL, PORTAL_URL } from '../support/urls'

// What a load balancer and an uptime monitor ask (docs/production.md): no login, nothing about
// the school, never cached.
test('the CMS and the portal answer /healthz when they can reach their data', async ({
  request,
}) => {
  const cms = await request.get(`${CMS_URL}/healthz`)
  expect(cms.status()).toBe(200)
  expect(cms.headers()['cache-control']).toBe('no-store')
  const cmsHealth = await cms.json()
  expect(cmsHealth).toMatchObject({ status: 'ok', database: 'ok' })
  expect(Object.keys(cmsHealth).sort()).toEqual(['database', 'ms', 'status'])

  const portal = await request.get(`${PORTAL_URL}/healthz`)
  expect(portal.status()).toBe(200)
  expect(portal.headers()['cache-control']).toBe('no-store')
  expect(await portal.json()).toEqual({ status: 'ok', cms: 'ok' })
})
