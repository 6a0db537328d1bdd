import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local, Resend-compatible HTTP stub for tests: POST /emails and POST /emails/batch with
 * Bearer auth and Idempotency-Key semantics (a repeated key returns the first response and
 * delivers nothing new). It can be told to fail the next calls with given statuses.
 */
export type StubEmail = {
  id: string
  from: string
  to: string[]
  subject: string
  html?: string
  text?: string
  headers?: Record<string, string>
}
export type Scripted = { status: number; retryAfter?: number; body?: unknown }

export class ResendStub {
  readonly delivered: StubEmail[] = []
  /** The number of emails accepted by each successful batch call, in order. */
  readonly batchSizes: number[] = []
  readonly calls: { path: string; idempotencyKey: string | null; status: number }[] = []
  /** Addresses the stub refuses as invalid (as Resend does for a malformed or blocked address). */
  readonly rejectAddresses = new Set<string>()
  private readonly script: Scripted[] = []
  private readonly idempotent = new Map<string, { status: number; body: unknown }>()
  private server: Server | null = null
  url = ''

  /** The next calls answer with these statuses, in order, before normal service resumes. */
  failNext(...responses: Scripted[]) {
    this.script.push(...responses)
  }

  reset() {
    this.delivered.length = 0
    this.batchSizes.length = 0
    this.calls.length = 0
    this.script.length = 0
    this.idempotent.clear()
    this.rejectAddresses.clear()
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async stop() {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    )
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const path = (req.url ?? '').split('?')[0] ?? ''
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.calls.push({ path, idempotencyKey: key, status })
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    if (req.method !== 'POST' || (path !== '/emails' && path !== '/emails/batch')) {
      return send(404, { statusCode: 404, name: 'not_found', message: 'Not found' })
    }
    if (!/^Bearer .+/.test(req.headers.authorization ?? '')) {
      return send(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' })
    }
    const scripted = this.script.shift()
    if (scripted) {
      const headers: Record<string, string> =
        scripted.retryAfter !== undefined ? { 'retry-after': String(scripted.retryAfter) } : {}
      const name =
        scripted.status === 429
          ? 'rate_limit_exceeded'
          : scripted.status >= 500
            ? 'internal_server_error'
            : 'validation_error'
      return send(
        scripted.status,
        scripted.body ?? {
          statusCode: scripted.status,
          name,
          message: `Scripted ${scripted.status}`,
        },
        headers,
      )
    }
    if (key && this.idempotent.has(key)) {
      const previous = this.idempotent.get(key)!
      return send(previous.status, previous.body)
    }
    let payload: unknown
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      return send(400, { statusCode: 400, name: 'validation_error', message: 'Invalid JSON' })
    }
    const messages = (path === '/emails/batch' ? payload : [payload]) as Omit<StubEmail, 'id'>[]
    if (!Array.isArray(messages) || messages.length > 100) {
      return send(422, {
        statusCode: 422,
        name: 'validation_error',
        message: 'A batch holds at most 100 emails',
      })
    }
    // Resend's batch validation: strict (default) refuses the whole batch for one bad email;
    // permissive sends the valid ones and lists the others in `errors` by index.
    const permissive = req.headers['x-batch-validation'] === 'permissive'
    const invalid = (m: Omit<StubEmail, 'id'>) => {
      const to = Array.isArray(m.to) ? m.to : [m.to]
      return (
        !m.from ||
        !m.subject ||
        to.some((t) => !/^[^\s@]+@[^\s@]+$/.test(String(t)) || this.rejectAddresses.has(String(t)))
      )
    }
    const errors = messages
      .map((m, index) => (invalid(m) ? { index, message: 'Invalid `to` field' } : null))
      .filter((e): e is { index: number; message: string } => e !== null)
    if (errors.length && (!permissive || path !== '/emails/batch')) {
      return send(422, {
        statusCode: 422,
        name: 'validation_error',
        message: 'Invalid `to` or missing field',
      })
    }
    const stored = messages
      .filter((_, index) => !errors.some((e) => e.index === index))
      .map((m) => ({ ...m, to: Array.isArray(m.to) ? m.to : [m.to], id: randomUUID() }))
    this.delivered.push(...stored)
    if (path === '/emails/batch') this.batchSizes.push(messages.length)
    const body =
      path === '/emails/batch'
        ? { data: stored.map((s) => ({ id: s.id })), ...(permissive ? { errors } : {}) }
        : { id: stored[0]!.id }
    if (key) this.idempotent.set(key, { status: 200, body })
    return send(200, body)
  }
}
