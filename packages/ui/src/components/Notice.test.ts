import { describe, expect, it } from 'vitest'
import { findElements } from '../testing/find-elements'
import { renderComponent } from '../testing/render-component'
import Notice from './Notice.astro'

async function render(props: Record<string, unknown>) {
  const html = await renderComponent({
    component: Notice,
    props,
    slots: { default: 'Bel school voor 08:15.' },
  })
  const [box] = findElements({ html, tag: 'div', where: { role: true } })
  if (!box) throw new Error(`no element with a role in ${html}`)
  return box
}

describe('Notice', () => {
  it('is an info status by default', async () => {
    const box = await render({})
    expect(box.attributes.role).toBe('status')
    expect(box.attributes.class).toContain('notice--info')
    expect(box.text).toBe('Informatie: Bel school voor 08:15.')
  })

  it.each([
    ['success', 'status', 'Gelukt'],
    ['warning', 'status', 'Let op'],
    ['error', 'alert', 'Fout'],
  ])('kind %s has role %s and says %s', async (kind, role, label) => {
    const box = await render({ kind })
    expect(box.attributes.role).toBe(role)
    expect(box.attributes.class).toContain(`notice--${kind}`)
    expect(box.text.startsWith(`${label}:`)).toBe(true)
  })

  it('shows the title before the text', async () => {
    const box = await render({ kind: 'error', title: 'Inloggen mislukt' })
    expect(box.text).toBe('Fout: Inloggen mislukt Bel school voor 08:15.')
    expect(findElements({ html: box.inner, tag: 'p' })[0]?.text).toBe('Fout: Inloggen mislukt')
  })
})
