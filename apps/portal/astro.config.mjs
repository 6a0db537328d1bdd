// @ts-check
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

const port = Number.parseInt(process.env.PORT ?? '', 10)

// The parent portal: server-rendered on every request, no client JavaScript.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  // PORT/HOST are read again at runtime by the standalone server; these are the defaults.
  server: {
    port: Number.isInteger(port) && port > 0 ? port : 4321,
    host: process.env.HOST || true,
  },
  // Cross-site form posts (actions, logout) are refused.
  security: { checkOrigin: true },
  // The portal keeps its own encrypted session cookie; Astro's session storage is not used.
  session: false,
  // Stylesheets as files, so the Content-Security-Policy can stay at style-src 'self'.
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
})
