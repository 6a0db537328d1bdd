// Vite (and so Vitest) turns `?raw` imports into the file's text.
declare module '*?raw' {
  const content: string
  export default content
}

// For tests that render components with Astro's Container API. (Inside .astro files the Astro
// language tools do the typing; tsc only needs the default export here.)
declare module '*.astro' {
  import type { experimental_AstroContainer } from 'astro/container'

  const Component: Parameters<experimental_AstroContainer['renderToString']>[0]
  export default Component
}
