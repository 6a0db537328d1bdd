import { expect, test } from '@playwright/test'

import { staffToken } from '../support/cms-api'
import { demoContent, fatima } from '../support/demo'
import { portalFileUrl, portalLogin } from '../support/portal'
import { CMS_URL } from '../support/urls'

/**
 * Issue #11: the portal serves a file it already fetched for a parent from its memory while the
 * CMS's portal version is unchanged. Under load, with the file in that memory, a director hides
 * the photo: no request that starts after the hide returned may get the photo, at any size,
 * and the photo returns once it is shown again.
 */
test('a photo hidden during a load run is refused from the first request after the hide returned', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  const token = await staffToken(request)
  const headers = { Authorization: `JWT ${token}` }
  const alt = demoContent.groep7Gallery.visible[0]!
  const found = await request.get(
    `${CMS_URL}/api/media?where[alt][equals]=${encodeURIComponent(alt)}&depth=0`,
    { headers },
  )
  const [photo] = (await found.json()).docs as {
    id: string
    sizes: Record<'thumbnail' | 'feed' | 'full', { filename: string }>
  }[]
  const urls = (['thumbnail', 'feed', 'full'] as const).map((size) =>
    portalFileUrl(photo!.sizes[size].filename),
  )
  const setHidden = async (hidden: boolean) => {
    const res = await request.patch(`${CMS_URL}/api/media/${photo!.id}`, {
      headers,
      data: { hidden },
    })
    expect(res.status()).toBe(200)
  }

  const parent = await portalLogin(browser, fatima.email)
  for (const url of urls) expect((await parent.request.get(url)).status()).toBe(200)

  type Seen = { startedAt: number; status: number }
  const seen: Seen[] = []
  let hideReturnedAt = Number.POSITIVE_INFINITY
  let running = true
  // Four parallel loops of the parent's browser, every size, until 40 requests after the hide.
  const loop = async (offset: number) => {
    for (let i = offset; running; i++) {
      const startedAt = performance.now()
      const res = await parent.request.get(urls[i % urls.length]!)
      seen.push({ startedAt, status: res.status() })
      if (seen.filter((s) => s.startedAt > hideReturnedAt).length >= 40) running = false
    }
  }
  try {
    const loops = [0, 1, 2, 3].map(loop)
    await expect.poll(() => seen.length).toBeGreaterThanOrEqual(40)
    await setHidden(true)
    hideReturnedAt = performance.now()
    await Promise.all(loops)

    const before = seen.filter((s) => s.startedAt < hideReturnedAt)
    const after = seen.filter((s) => s.startedAt > hideReturnedAt)
    expect(before.filter((s) => s.status === 200).length).toBeGreaterThanOrEqual(40)
    expect(after.length).toBeGreaterThanOrEqual(40)
    expect(after.filter((s) => s.status !== 404)).toEqual([])
  } finally {
    running = false
    await setHidden(false)
  }
  for (const url of urls) expect((await parent.request.get(url)).status()).toBe(200)
})
