import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'

/**
 * The e2e's email provider: a Resend-compatible stub (POST /emails, POST /emails/batch, Bearer
 * auth, idempotency keys) that keeps what it received in memory, where the tests read the links
 * a parent would find in their mailbox (GET /messages?to=…). The CMS's own database holds no
 * working link, so this is the only place to read one — as in production.
 * Run by Playwright with Node's type stripping: `node support/mail-stub-server.ts`.
 */
type Message = {
  id: string
  to: string[]
  subject: string
  html?: string
  text?: string
  headers?: Record<string, string>
  receivedAt: string
}

const port = Number(process.env.MAIL_STUB_PORT ?? 3199)
const messages: Message[] = []
const seen = new Map<string, string>()

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const url = new URL(req.url ?? '/', 'http://stub')
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  if (req.method === 'GET' && url.pathname === '/messages') {
    const to = url.searchParams.get('to')
    return send(200, messages.filter((m) => !to || m.to.includes(to)).toReversed())
  }
  if (req.method !== 'POST' || !['/emails', '/emails/batch'].includes(url.pathname)) {
    return send(404, { statusCode: 404, name: 'not_found', message: 'Not found' })
  }
  if (!/^Bearer .+/.test(req.headers.authorization ?? '')) {
    return send(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' })
  }
  const key = req.headers['idempotency-key']
  const previous = typeof key === 'string' ? seen.get(key) : undefined
  if (previous) return send(200, JSON.parse(previous))
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return send(400, { statusCode: 400, name: 'validation_error', message: 'Invalid JSON' })
  }
  const batch = url.pathname === '/emails/batch'
  const incoming = (batch ? parsed : [parsed]) as Omit<Message, 'id' | 'receivedAt'>[]
  const stored = incoming.map((m) => ({
    ...m,
    to: Array.isArray(m.to) ? m.to : [m.to],
    id: randomUUID(),
    receivedAt: new Date().toISOString(),
  }))
  messages.push(...stored)
  const body = batch
    ? { data: stored.map((m) => ({ id: m.id })), errors: [] }
    : { id: stored[0]!.id }
  if (typeof key === 'string') seen.set(key, JSON.stringify(body))
  return send(200, body)
})

server.listen(port, '127.0.0.1', () => console.log(`mail stub on http://127.0.0.1:${port}`))
