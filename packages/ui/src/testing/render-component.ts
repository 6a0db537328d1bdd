import { experimental_AstroContainer as AstroContainer } from 'astro/container'

type Component = Parameters<AstroContainer['renderToString']>[0]

let container: Promise<AstroContainer> | undefined

/** Renders an Astro component to HTML with Astro's Container API (tests only). */
export async function renderComponent({
  component,
  props = {},
  slots = {},
}: {
  component: Component
  props?: Record<string, unknown>
  slots?: Record<string, string>
}): Promise<string> {
  container ??= AstroContainer.create()
  return (await container).renderToString(component, { props, slots })
}
