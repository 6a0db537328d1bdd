import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { it } from 'vitest'
import Layout from './Layout.astro'
import FormField from './FormField.astro'
it('x', async () => {
  const c = await AstroContainer.create()
  console.log(await c.renderToString(Layout, { props: { title: 'Start', schoolName: 'De Regenboog', parentName: 'Sanne', logoutHref: '/uitloggen' }, slots: { default: '<h1>Hoi</h1>' } }))
  console.log(await c.renderToString(FormField, { props: { label: 'E-mailadres', name: 'email', type: 'email', required: true, error: 'Vul je e-mailadres in.', hint: 'Bijv. naam@voorbeeld.nl', value: 'a@b' } }))
})
