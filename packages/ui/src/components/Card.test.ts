import { describe, expect, it } from 'vitest'
import { findElements } from '../testing/find-elements'
import { renderComponent } from '../testing/render-component'
import Card from './Card.astro'

describe('Card', () => {
  it('is a section with an h2 title by default', async () => {
    const html = await renderComponent({
      component: Card,
      props: { title: 'Mila — groep 5' },
      slots: { default: '<p>Juf Anouk</p>' },
    })
    const [section] = findElements({ html, tag: 'section' })
    expect(section?.attributes.class).toContain('card')
    expect(findElements({ html, tag: 'h2' })[0]?.text).toBe('Mila — groep 5')
    expect(findElements({ html, tag: 'h3' })).toEqual([])
    expect(section?.text).toBe('Mila — groep 5 Juf Anouk')
  })

  it('uses an h3 when headingLevel is 3', async () => {
    const html = await renderComponent({
      component: Card,
      props: { title: 'Mila', headingLevel: 3 },
    })
    expect(findElements({ html, tag: 'h3' })[0]?.text).toBe('Mila')
    expect(findElements({ html, tag: 'h2' })).toEqual([])
  })

  it('renders no empty body when there is no content', async () => {
    const html = await renderComponent({ component: Card, props: { title: 'Mila' } })
    expect(
      findElements({ html, tag: 'div', where: { class: true } }).map((d) => d.attributes.class),
    ).not.toContainEqual(expect.stringContaining('card__body'))
  })

  it('is a plain box without heading when there is no title', async () => {
    const html = await renderComponent({ component: Card, slots: { default: '<p>Tekst</p>' } })
    expect(findElements({ html, tag: 'section' })).toEqual([])
    expect(findElements({ html, tag: 'h2' })).toEqual([])
    expect(findElements({ html, tag: 'div' })[0]?.text).toBe('Tekst')
  })
})
