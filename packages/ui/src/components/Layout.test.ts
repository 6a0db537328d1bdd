import { describe, expect, it } from 'vitest'
import { findElements } from '../testing/find-elements'
import { renderComponent } from '../testing/render-component'
import Layout from './Layout.astro'

const loggedIn = {
  title: 'Start',
  schoolName: 'Basisschool De Regenboog',
  parentName: 'Sanne de Vries',
  logoutHref: '/uitloggen',
}

async function render(props: Record<string, unknown>, slots: Record<string, string> = {}) {
  return renderComponent({
    component: Layout,
    props,
    slots: { default: '<h1>Welkom</h1>', ...slots },
  })
}

describe('Layout', () => {
  it('is a Dutch, mobile-ready HTML document titled "<title> · <school>"', async () => {
    const html = await render(loggedIn)
    expect(findElements({ html, tag: 'html' })).toHaveLength(1)
    expect(findElements({ html, tag: 'html' })[0]?.attributes.lang).toBe('nl')
    expect(
      findElements({ html, tag: 'meta', where: { name: 'viewport' } })[0]?.attributes.content,
    ).toBe('width=device-width, initial-scale=1')
    expect(findElements({ html, tag: 'meta', where: { charset: 'utf-8' } })).toHaveLength(1)
    expect(findElements({ html, tag: 'title' })[0]?.text).toBe('Start · Basisschool De Regenboog')
  })

  it('starts with a skip link to the main content, then the header, main and footer', async () => {
    const html = await render(loggedIn)
    const [skip] = findElements({ html, tag: 'a', where: { href: '#inhoud' } })
    const [header] = findElements({ html, tag: 'header' })
    const [main] = findElements({ html, tag: 'main', where: { id: 'inhoud' } })
    const [footer] = findElements({ html, tag: 'footer' })
    expect(skip?.text).toBe('Naar de inhoud')
    expect(main?.text).toBe('Welkom')
    expect(footer?.text).toContain('Basisschool De Regenboog')
    const [firstLink] = findElements({ html, tag: 'a' })
    expect(firstLink).toEqual(skip)
    const positions = [skip, header, main, footer].map((element) => element?.index ?? -1)
    expect(positions).toEqual([...positions].sort((x, y) => x - y))
    expect(positions[0]).toBeGreaterThanOrEqual(0)
  })

  it('passes the parent and logout to the header', async () => {
    const html = await render(loggedIn)
    const [header] = findElements({ html, tag: 'header' })
    expect(header?.text).toContain('Sanne de Vries')
    expect(
      findElements({ html, tag: 'form', where: { method: 'post', action: '/uitloggen' } }),
    ).toHaveLength(1)
  })

  it('has no logout for a visitor', async () => {
    const html = await render({ title: 'Inloggen', schoolName: 'Basisschool De Regenboog' })
    expect(findElements({ html, tag: 'form' })).toEqual([])
    expect(html).not.toContain('Uitloggen')
  })

  it('renders extra head content from the "head" slot', async () => {
    const html = await render(loggedIn, { head: '<meta name="robots" content="noindex">' })
    const [head] = findElements({ html, tag: 'head' })
    expect(
      findElements({ html: head?.inner ?? '', tag: 'meta', where: { name: 'robots' } }),
    ).toHaveLength(1)
  })

  it('sends no JavaScript and no inline styles (the portal CSP is style-src self)', async () => {
    const html = await render(loggedIn)
    expect(findElements({ html, tag: 'script' })).toEqual([])
    expect(html).not.toMatch(/\sstyle="/)
  })
})
