import { describe, expect, it } from 'vitest'

import { findFormAction, findThumbnailPath, parseAssets } from './page-weight'

describe('parseAssets', () => {
  it('finds render-blocking stylesheets in any attribute order and quoting', () => {
    const html = `<head>
      <link rel="stylesheet" href="/_astro/ParentPage.abc.css">
      <link href='/_astro/index.def.css' rel='stylesheet'>
      <link rel=stylesheet href=/_astro/plain.css>
      <link rel="preload stylesheet" href="/_astro/both.css" as="style">
      <link rel="icon" href="/favicon.svg">
      <link rel="preconnect" href="https://example.test">
    </head>`
    expect(parseAssets(html).stylesheets).toEqual([
      '/_astro/ParentPage.abc.css',
      '/_astro/index.def.css',
      '/_astro/plain.css',
      '/_astro/both.css',
    ])
  })

  it('counts external scripts, not inline ones', () => {
    const html = `<script type="module" src="/_astro/page.js"></script><script>var x = 1</script>`
    expect(parseAssets(html).scripts).toEqual(['/_astro/page.js'])
  })

  it('decodes entities in URLs', () => {
    expect(parseAssets('<link rel="stylesheet" href="/a.css?x=1&amp;y=2">').stylesheets).toEqual([
      '/a.css?x=1&y=2',
    ])
  })

  it('is empty for a page without any', () => {
    expect(parseAssets('<p>Hallo</p>')).toEqual({ stylesheets: [], scripts: [] })
  })
})

describe('findThumbnailPath', () => {
  it('takes the 400w candidate of the first gallery image', () => {
    const html = `<img class="responsive-image" src="/bestanden/a-1080x810.webp"
      srcset="/bestanden/a-400x300.webp 400w, /bestanden/a-1080x810.webp 1080w" alt="Foto">
      <img srcset="/bestanden/b-400x300.webp 400w" alt="">`
    expect(findThumbnailPath(html)).toBe('/bestanden/a-400x300.webp')
  })

  it('skips images without a thumbnail or outside the file route', () => {
    const html = `<img src="/logo.svg" alt=""><img srcset="https://cdn.test/x.webp 400w">
      <img srcset="/bestanden/c-1080x810.webp 1080w, /bestanden/c-400x300.webp 400w">`
    expect(findThumbnailPath(html)).toBe('/bestanden/c-400x300.webp')
    expect(findThumbnailPath('<p>geen foto’s</p>')).toBeUndefined()
  })
})

describe('findFormAction', () => {
  it('reads the action of the first form, decoded', () => {
    expect(
      findFormAction(
        '<form class="login-form" method="post" action="/inloggen?_action=login&amp;x=1">',
      ),
    ).toBe('/inloggen?_action=login&x=1')
    expect(findFormAction('<p>geen formulier</p>')).toBeUndefined()
  })
})
