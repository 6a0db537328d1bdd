import { randomBytes } from 'node:crypto'
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

/**
 * The address of the connection a request came in on, as the portal's own code can read it.
 *
 * Why this exists: Astro's node adapter (`createRequest*` in astro/dist/core/app/node.js) replaces
 * the socket's address with the first X-Forwarded-For entry whenever the Host or
 * X-Forwarded-Host matches `security.allowedDomains` (set from PORTAL_URL), and hands the app
 * neither the socket nor a trusted-proxy setting. Any client can send both headers, so
 * `clientAddress` is whatever the client wants. Node's `http.server.request.start` diagnostics
 * channel runs for every request before the server's request handler (the adapter), so it can
 * note the socket's address in a request header the adapter then copies into the Request. The
 * header's name is random per process, so no client can send it.
 */

type PeerChannelState = { header: string }

// One subscription per process, also when a dev server evaluates this module again.
const STATE_KEY = Symbol.for('schoolpost.portal.peer-address')

function peerChannel(): PeerChannelState {
  const holder = globalThis as { [STATE_KEY]?: PeerChannelState }
  let state = holder[STATE_KEY]
  if (!state) {
    const created: PeerChannelState = {
      header: `x-schoolpost-peer-${randomBytes(12).toString('hex')}`,
    }
    subscribe('http.server.request.start', (message) => {
      const { request, socket } = message as { request: IncomingMessage; socket?: Socket }
      const address = socket?.remoteAddress
      if (address) request.headers[created.header] = address
    })
    holder[STATE_KEY] = created
    state = created
  }
  return state
}

// Subscribed as soon as the module is loaded (rate-limit.ts imports it; env.ts imports that).
peerChannel()

/** The socket address noted for this request, or `undefined` (it came in before the module loaded). */
export function peerAddress(headers: Headers): string | undefined {
  return headers.get(peerChannel().header) ?? undefined
}
