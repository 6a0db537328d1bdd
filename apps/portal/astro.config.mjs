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

// The parent portal: server-rendered on every request, no client JavaScript.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // PORT/HOST are read again at runtime by the standalone server; these are the defaults.
  server: {
    port: Number.isInteger(port) && port > 0 ? port : 4321,
    host: process.env.HOST || true,
  },
  security: {
    // Cross-site form posts (actions, logout) are refused with 403.
    checkOrigin: true,
    allowedDomains: allowedDomains(),
    // Portal forms are small; refuse big bodies early.
    actionBodySizeLimit: 64 * 1024,
  },
  // The portal keeps its own encrypted session cookie; Astro's session storage is not used.
  session: false,
  // Stylesheets as files, so the Content-Security-Policy can stay at style-src 'self'.
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
})
