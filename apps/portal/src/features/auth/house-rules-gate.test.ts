import { describe, expect, it, vi } from 'vitest'

import { houseRulesPathFor, mustAcceptHouseRules, versionStampFor } from './house-rules-gate'

const session = (houseRulesVersion: number | null | undefined) => ({
  token: 'tok',
  exp: 2_000_000_000,
  parentId: 'p1',
  parentName: 'Fatima',
  houseRulesVersion,
})
const cacheAnswering = (houseRules: number | null) => ({
  currentVersion: vi.fn(async () =>
    houseRules === null ? null : { version: 'v1', validUntil: null, houseRules },
  ),
})
const portal = (houseRules: number | null) =>
  ({ cache: cacheAnswering(houseRules) }) as unknown as Parameters<typeof mustAcceptHouseRules>[2]

describe('mustAcceptHouseRules', () => {
  it('sends a parent who accepted an older version, or none, to the rules', async () => {
    const request = () => new Request('http://portal.test/')
    expect(await mustAcceptHouseRules(request(), session(1), portal(2))).toBe(true)
    expect(await mustAcceptHouseRules(request(), session(null), portal(1))).toBe(true)
    expect(await mustAcceptHouseRules(request(), session(undefined), portal(1))).toBe(true)
    expect(await mustAcceptHouseRules(request(), session(2), portal(2))).toBe(false)
  })

  it('lets the request through when the version cannot be read (the CMS refuses by itself)', async () => {
    expect(
      await mustAcceptHouseRules(new Request('http://portal.test/'), session(null), portal(null)),
    ).toBe(false)
  })

  it('reads the portal version once per request, shared with the page cache', async () => {
    const cache = cacheAnswering(3)
    const request = new Request('http://portal.test/')
    await versionStampFor(request, 'tok', cache as never)
    await mustAcceptHouseRules(request, session(3), { cache } as never)
    expect(cache.currentVersion).toHaveBeenCalledTimes(1)
    await mustAcceptHouseRules(new Request('http://portal.test/'), session(3), { cache } as never)
    expect(cache.currentVersion).toHaveBeenCalledTimes(2)
  })
})

describe('houseRulesPathFor', () => {
  it('remembers the page a GET wanted, and nothing for the start page or a form', () => {
    expect(houseRulesPathFor(new URL('http://p.test/berichten/7?x=1'), 'GET')).toBe(
      '/huisregels?terug=%2Fberichten%2F7%3Fx%3D1',
    )
    expect(houseRulesPathFor(new URL('http://p.test/'), 'GET')).toBe('/huisregels')
    expect(houseRulesPathFor(new URL('http://p.test/absentie'), 'POST')).toBe('/huisregels')
  })
})
