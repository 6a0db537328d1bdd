import { describe, expect, it } from 'vitest'
import { findElements } from '../testing/find-elements'
import { renderComponent } from '../testing/render-component'
import FormField from './FormField.astro'

async function render(props: Record<string, unknown>) {
  const html = await renderComponent({ component: FormField, props })
  const [label] = findElements({ html, tag: 'label' })
  const [input] = findElements({ html, tag: 'input' })
  if (!label || !input) throw new Error(`label or input missing in ${html}`)
  return { html, label, input }
}

describe('FormField', () => {
  it('ties the label to the input', async () => {
    const { label, input } = await render({ label: 'E-mailadres', name: 'email' })
    expect(label.text).toBe('E-mailadres')
    expect(label.attributes.for).toBe(input.attributes.id)
    expect(input.attributes).toMatchObject({ name: 'email', type: 'text' })
  })

  it('passes type, autocomplete, required and value', async () => {
    const { input } = await render({
      label: 'E-mailadres',
      name: 'email',
      type: 'email',
      autocomplete: 'username',
      required: true,
      value: 'ouder@example.nl',
    })
    expect(input.attributes).toMatchObject({
      type: 'email',
      autocomplete: 'username',
      required: '',
      value: 'ouder@example.nl',
    })
  })

  it('is not invalid and describes nothing without hint or error', async () => {
    const { input } = await render({ label: 'Naam', name: 'naam' })
    expect(input.attributes).not.toHaveProperty('aria-invalid')
    expect(input.attributes).not.toHaveProperty('aria-describedby')
    expect(input.attributes).not.toHaveProperty('required')
  })

  it('links the hint with aria-describedby', async () => {
    const { html, input } = await render({
      label: 'Naam',
      name: 'naam',
      hint: 'Zoals op de uitnodiging',
    })
    const [hint] = findElements({
      html,
      tag: 'p',
      where: { id: input.attributes['aria-describedby'] ?? '-' },
    })
    expect(hint?.text).toBe('Zoals op de uitnodiging')
    expect(input.attributes).not.toHaveProperty('aria-invalid')
  })

  it('shows the error visibly and marks the input invalid', async () => {
    const { html, input } = await render({
      label: 'E-mailadres',
      name: 'email',
      hint: 'Het adres waarop je de uitnodiging kreeg',
      error: 'Vul een geldig e-mailadres in.',
    })
    expect(input.attributes['aria-invalid']).toBe('true')
    const ids = (input.attributes['aria-describedby'] ?? '').split(' ')
    expect(ids).toHaveLength(2)

    const described = ids.map((id) => findElements({ html, tag: 'p', where: { id } })[0]?.text)
    expect(described).toEqual([
      'Het adres waarop je de uitnodiging kreeg',
      'Fout: Vul een geldig e-mailadres in.',
    ])
    // The message itself is outside the visually hidden "Fout:" prefix, so it is on screen.
    const [error] = findElements({ html, tag: 'p', where: { id: ids[1] ?? '-' } })
    const hidden = findElements({ html: error?.inner ?? '', tag: 'span' })
    expect(hidden.map((span) => span.text)).toEqual(['Fout:'])
    expect(error?.inner).toMatch(/<\/span>\s*Vul een geldig e-mailadres in\.$/)
  })

  it('never writes a password back into the page', async () => {
    const { input } = await render({
      label: 'Wachtwoord',
      name: 'password',
      type: 'password',
      value: 'geheim123',
    })
    expect(input.attributes).not.toHaveProperty('value')
  })

  it('derives a valid id from names with brackets or dots', async () => {
    const { label, input } = await render({ label: 'Kind', name: 'kinderen[0].naam' })
    expect(input.attributes.id).toMatch(/^[A-Za-z][\w-]*$/)
    expect(label.attributes.for).toBe(input.attributes.id)
    expect(input.attributes.name).toBe('kinderen[0].naam')
  })
})
