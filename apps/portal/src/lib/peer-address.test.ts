import type { Server } from 'node:http'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createRequestFromNodeRequest } from 'astro/app/node'
import { afterEach, describe, expect, it } from 'vitest'

import { peerAddress } from './peer-address'

let server: Server | undefined
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

describe('peerAddress', () => {
  it('is the socket’s address of every request Astro’s adapter builds, whatever headers came', async () => {
    const seen: (string | undefined)[] = []
    server = createServer((req, res) => {
      seen.push(peerAddress(createRequestFromNodeRequest(req).headers))
      res.end()
    })
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, headers: { 'X-Forwarded-For': '203.0.113.9' } },
        (res) => {
          res.resume()
          res.on('end', resolve)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(seen).toEqual(['127.0.0.1'])
  })

  it('a request that did not come through a Node server has none', () => {
    expect(peerAddress(new Request('http://localhost/').headers)).toBeUndefined()
  })
})
