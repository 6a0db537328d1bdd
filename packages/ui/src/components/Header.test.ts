import { describe, expect, it } from 'vitest'
import { findElements } from '../testing/find-elements'
import { renderComponent } from '../testing/render-component'
import Header from './Header.astro'

describe('Header', () => {
  it('shows the brand and the school name', async () => {
    const html = await renderComponent({
      component: Header,
      props: { schoolName: 'Basisschool De Regenboog' },
    })
    const [header] = findElements({ html, tag: 'header' })
    expect(header?.text).toBe('Schoolpost Basisschool De Regenboog')
    expect(findElements({ html, tag: 'form' })).toEqual([])
  })

  it('logs out with a POST form, never a link', async () => {
    const html = await renderComponent({
      component: Header,
      props: { schoolName: 'De Regenboog', parentName: 'Sanne de Vries', logoutHref: '/uitloggen' },
    })
    const [form] = findElements({ html, tag: 'form' })
    expect(form?.attributes).toMatchObject({ method: 'post', action: '/uitloggen' })
    const [button] = findElements({ html: form?.inner ?? '', tag: 'button' })
    expect(button?.attributes.type).toBe('submit')
    expect(button?.text).toBe('Uitloggen')
    expect(findElements({ html, tag: 'a', where: { href: '/uitloggen' } })).toEqual([])
    expect(findElements({ html, tag: 'header' })[0]?.text).toContain('Ingelogd als Sanne de Vries')
  })

  it('shows no logout unless both the parent name and the logout address are given', async () => {
    for (const props of [
      { schoolName: 'De Regenboog', parentName: 'Sanne de Vries' },
      { schoolName: 'De Regenboog', logoutHref: '/uitloggen' },
    ]) {
      const html = await renderComponent({ component: Header, props })
      expect(findElements({ html, tag: 'form' })).toEqual([])
      expect(html).not.toContain('Sanne de Vries')
    }
  })

  it('links the conversations with the unread count, said in words too', async () => {
    const props = {
      schoolName: 'De Regenboog',
      parentName: 'Sanne de Vries',
      logoutHref: '/uitloggen',
    }
    const unread = await renderComponent({
      component: Header,
      props: { ...props, conversations: { href: '/gesprekken', unread: 3 } },
    })
    const [link] = findElements({ html: unread, tag: 'a', where: { href: '/gesprekken' } })
    expect(link?.text).toBe('Gesprekken 3 ongelezen')
    const many = await renderComponent({
      component: Header,
      props: { ...props, conversations: { href: '/gesprekken', unread: 140 } },
    })
    expect(findElements({ html: many, tag: 'a', where: { href: '/gesprekken' } })[0]?.text).toBe(
      'Gesprekken 99+ ongelezen',
    )
    for (const count of [0, null]) {
      const html = await renderComponent({
        component: Header,
        props: { ...props, conversations: { href: '/gesprekken', unread: count } },
      })
      expect(findElements({ html, tag: 'a', where: { href: '/gesprekken' } })[0]?.text).toBe(
        'Gesprekken',
      )
    }
  })
})
