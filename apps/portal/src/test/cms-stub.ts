import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Seen = {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}
export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void

const servers: { close: () => Promise<void> }[] = []

/**
 * A tiny CMS stand-in on 127.0.0.1 with a random port, recording every request. Call
 * `closeAllCms` in `afterEach`.
 */
export async function startCms(handler: Handler) {
  const requests: Seen[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      requests.push(seen)
      handler(req, res, seen)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const handle = {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  servers.push(handle)
  return { baseUrl: `http://127.0.0.1:${port}`, requests, ...handle }
}

export async function closeAllCms(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()))
}

export const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}
