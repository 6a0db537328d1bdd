// @ts-check
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

const port = Number.parseInt(process.env.PORT ?? '', 10)

/**
 * Behind a TLS-terminating proxy the portal only sees http://internal-host; trusting the
 * X-Forwarded-* headers for the public PORTAL_URL (read at build time) keeps the origin check of
 * form posts working there. Unset → no forwarded headers are trusted.
 */
function allowedDomains() {
  const raw = process.env.PORTAL_URL?.trim()
  if (!raw) return []
  try {
    const url = new URL(raw)
    return [
      {
        protocol: url.protocol.replace(':', ''),
        hostname: url.hostname,
        ...(url.port ? { port: url.port } : {}),
      },
    ]
  } catch {
    throw new Error(
      `PORTAL_URL moet een volledige URL zijn, bv. https://ouders.school.nl (nu: ${raw})`,
    )
  }
}

/**
 * The CSRF origin check of the portal (src/lib/http/origin-check.ts): Astro's own
 * `checkOrigin` rule, installed as the first middleware, with one exception: the RFC 8058
 * one-click unsubscribe POST that mail providers send to /afmelden/<token> without an Origin
 * header. Astro 7's built-in check cannot exempt one route, so it is switched off below and this
 * takes its place. Never remove this integration without turning `checkOrigin` back on.
 * @type {import('astro').AstroIntegration}
 */
const originCheck = {
  name: 'schoolpost-origin-check',
  hooks: {
    'astro:config:setup': ({ addMiddleware }) => {
      addMiddleware({
        order: 'pre',
        entrypoint: new URL('./src/lib/http/origin-check-middleware.ts', import.meta.url),
      })
    },
  },
}

// The parent portal: server-rendered on every request, no client JavaScript.
export default defineConfig({
  output: 'server',
  integrations: [originCheck],
  adapter: node({ mode: 'standalone' }),
  // PORT/HOST are read again at runtime by the standalone server; these are the defaults.
  server: {
    port: Number.isInteger(port) && port > 0 ? port : 4321,
    host: process.env.HOST || true,
  },
  security: {
    // Cross-site form posts (actions, logout) are refused with 403 — by `originCheck` above, which
    // applies Astro's rule everywhere but lets mail providers' one-click unsubscribe POSTs through.
    checkOrigin: false,
    allowedDomains: allowedDomains(),
    // Portal forms are small; refuse big bodies early.
    actionBodySizeLimit: 64 * 1024,
  },
  // The portal keeps its own encrypted session cookie; Astro's session storage is not used.
  session: false,
  // Stylesheets as files, so the Content-Security-Policy can stay at style-src 'self'.
  build: { inlineStylesheets: 'never' },
  vite: { build: { cssCodeSplit: false } },
  devToolbar: { enabled: false },
})
