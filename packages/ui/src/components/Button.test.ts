import { describe, expect, it } from 'vitest'
import { findElements } from '../testing/find-elements'
import { renderComponent } from '../testing/render-component'
import Button from './Button.astro'

async function render(props: Record<string, unknown> = {}) {
  return renderComponent({ component: Button, props, slots: { default: 'Opslaan' } })
}

describe('Button', () => {
  it('is a primary submit button by default, with the slot as label', async () => {
    const html = await render()
    const [button] = findElements({ html, tag: 'button' })
    expect(button?.attributes.type).toBe('submit')
    expect(button?.attributes.class).toContain('button--primary')
    expect(button?.text).toBe('Opslaan')
    expect(findElements({ html, tag: 'a' })).toEqual([])
  })

  it('passes type, name and value to the button', async () => {
    const html = await render({ type: 'button', name: 'actie', value: 'verwijderen' })
    const [button] = findElements({ html, tag: 'button' })
    expect(button?.attributes).toMatchObject({
      type: 'button',
      name: 'actie',
      value: 'verwijderen',
    })
  })

  it('leaves out name and value when not given', async () => {
    const [button] = findElements({ html: await render(), tag: 'button' })
    expect(button?.attributes).not.toHaveProperty('name')
    expect(button?.attributes).not.toHaveProperty('value')
  })

  it('renders a link, not a button, when href is given', async () => {
    const html = await render({ href: '/afwezigheid', variant: 'secondary' })
    const [link] = findElements({ html, tag: 'a' })
    expect(link?.attributes.href).toBe('/afwezigheid')
    expect(link?.attributes.class).toContain('button--secondary')
    expect(link?.attributes).not.toHaveProperty('type')
    expect(link?.text).toBe('Opslaan')
    expect(findElements({ html, tag: 'button' })).toEqual([])
  })
})
