import { describe, expect, it } from 'vitest'

import type { VersionStamp } from '../cms/portal-cache'
import { createPageCache, withPageCache } from './page-cache'

const stamp = (version: string, validUntil: number | null = null): VersionStamp => ({
  version,
  validUntil,
  houseRules: 1,
})

function setup() {
  const state = {
    token: 'tok-a' as string | null,
    stamp: stamp('v1') as VersionStamp | null,
    renders: 0,
    mayKeep: true,
    status: 200,
    setCookie: false,
  }
  let clock = 1_000
  const cache = createPageCache({ now: () => clock })
  const render = async () => {
    state.renders++
    const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' })
    if (state.setCookie) headers.set('Set-Cookie', 'sp_session=; Max-Age=0')
    return new Response(`<h1>render ${state.renders} for ${state.token}</h1>`, {
      status: state.status,
      headers,
    })
  }
  const serve = async (path = '/', init: RequestInit = {}) => {
    const response = await withPageCache(
      new Request(`http://localhost:4321${path}`, init),
      {
        cache,
        readToken: async () => state.token,
        readStamp: async () => state.stamp,
      },
      render,
      () => state.mayKeep,
    )
    return { status: response.status, text: await response.text(), headers: response.headers }
  }
  return { state, serve, tick: (ms: number) => (clock += ms) }
}

describe('withPageCache', () => {
  it('sends the kept start page again while the version holds, with its headers', async () => {
    const { state, serve } = setup()
    expect((await serve()).text).toBe('<h1>render 1 for tok-a</h1>')
    const again = await serve()
    expect(again.text).toBe('<h1>render 1 for tok-a</h1>')
    expect(again.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(state.renders).toBe(1)
  })

  it('renders again at the first request after the version moved', async () => {
    const { state, serve } = setup()
    await serve()
    state.stamp = stamp('v2')
    expect((await serve()).text).toBe('<h1>render 2 for tok-a</h1>')
    expect((await serve()).text).toBe('<h1>render 2 for tok-a</h1>')
  })

  it('renders again once the next scheduled post is due', async () => {
    const { state, serve, tick } = setup()
    state.stamp = stamp('v1', 1_100)
    await serve()
    tick(99)
    await serve()
    expect(state.renders).toBe(1)
    tick(1)
    await serve()
    expect(state.renders).toBe(2)
  })

  it('keeps pages apart per session, address and content coding', async () => {
    const { state, serve } = setup()
    await serve('/')
    state.token = 'tok-b'
    expect((await serve('/')).text).toBe('<h1>render 2 for tok-b</h1>')
    expect((await serve('/?pagina=2')).text).toBe('<h1>render 3 for tok-b</h1>')
    expect((await serve('/', { headers: { 'Accept-Encoding': 'gzip' } })).text).toBe(
      '<h1>render 4 for tok-b</h1>',
    )
    expect((await serve('/?pagina=2')).text).toBe('<h1>render 3 for tok-b</h1>')
  })

  it('keeps nothing the page did not allow, nor an error, a redirect or a page that sets a cookie', async () => {
    const { state, serve } = setup()
    for (const change of [
      () => (state.mayKeep = false),
      () => (state.status = 503),
      () => (state.status = 302),
      () => (state.setCookie = true),
    ]) {
      Object.assign(state, { mayKeep: true, status: 200, setCookie: false })
      change()
      const before = state.renders
      await serve()
      await serve()
      expect(state.renders - before).toBe(2)
    }
  })

  it('only ever keeps a GET of the start page with a session and a version', async () => {
    const { state, serve } = setup()
    await serve('/account')
    await serve('/account')
    await serve('/', { method: 'POST', body: 'x=1' })
    await serve('/', { method: 'POST', body: 'x=1' })
    expect(state.renders).toBe(4)
    state.token = null
    await serve('/')
    await serve('/')
    expect(state.renders).toBe(6)
    state.token = 'tok-a'
    state.stamp = null
    await serve('/')
    await serve('/')
    expect(state.renders).toBe(8)
  })
})

describe('createPageCache', () => {
  it('refuses a page kept under another version', async () => {
    const cache = createPageCache()
    const key = cache.keyFor('tok', new Request('http://localhost/'))
    await cache.keep(key, stamp('v1'), new Response('x'))
    expect(cache.get(key, stamp('v2'))).toBeNull()
    expect(await cache.get(key, stamp('v1'))?.text()).toBe('x')
  })

  it("forgets one session's pages (every address and coding), never another session's", async () => {
    const cache = createPageCache()
    const mine = cache.keyFor('tok-a', new Request('http://localhost/'))
    const mineFiltered = cache.keyFor('tok-a', new Request('http://localhost/?groep=g1'))
    const theirs = cache.keyFor('tok-b', new Request('http://localhost/'))
    for (const key of [mine, mineFiltered, theirs]) {
      await cache.keep(key, stamp('v1'), new Response(key))
    }
    cache.forgetSession('tok-a')
    expect(cache.get(mine, stamp('v1'))).toBeNull()
    expect(cache.get(mineFiltered, stamp('v1'))).toBeNull()
    expect(await cache.get(theirs, stamp('v1'))?.text()).toBe(theirs)
  })
})
