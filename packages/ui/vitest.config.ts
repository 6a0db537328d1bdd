import { getViteConfig } from 'astro/config'

// Astro's Vite setup compiles .astro files, so component tests can render them with the
// Container API.
export default getViteConfig(
  {
    test: {
      // Vitest empties CSS imports by default; tokens.test.ts reads tokens.css as text.
      css: { include: [/\/styles\/[\w-]+\.css(?:\?|$)/] },
    },
  },
  // A component library has no src/pages; don't warn about it on every run.
  { logLevel: 'error' },
)
