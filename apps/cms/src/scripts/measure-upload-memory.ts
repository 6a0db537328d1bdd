/**
 * Issue #9 item 10, measured: can an anonymous caller make the CMS hold upload bodies in memory?
 *
 * Starts the production build (`next start`, after `prepare.ts` migrated a throwaway database),
 * waits until it answers, samples the resident memory of its process tree while idle, then sends
 * PARALLEL anonymous multipart uploads of SIZE_MB each to POST /api/media, streamed from a
 * generator (the client never holds a body either), and samples the memory every 25 ms until
 * all of them ended. Prints idle, peak and the difference side by side with what was offered.
 *
 *   pnpm --filter @schoolpost/cms build   # once
 *   pnpm --filter @schoolpost/cms measure:upload-memory [-- --parallel 10 --size-mb 200]
 *
 * Loopback only, bounded: PARALLEL × SIZE_MB bytes at most, one run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    parallel: { type: 'string', default: '10' },
    'size-mb': { type: 'string', default: '200' },
    port: { type: 'string', default: '3311' },
  },
})
const PARALLEL = Number(values.parallel)
const SIZE = Number(values['size-mb']) * 1024 * 1024
const PORT = Number(values.port)
const LIMIT_MB = 100

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const dbFile = path.join(os.tmpdir(), `schoolpost-upload-memory-${process.pid}.db`)
const mediaDir = path.join(os.tmpdir(), `schoolpost-upload-memory-media-${process.pid}`)
const serverEnv = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  MEDIA_DIR: mediaDir,
  CMS_URL: `http://127.0.0.1:${PORT}`,
  PORTAL_URL: 'http://127.0.0.1:4399',
  SEED_DEMO: 'false',
  NEXT_TELEMETRY_DISABLED: '1',
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: cmsDir, env: serverEnv, stdio: 'inherit' })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`)),
    )
  })
}

/** Resident memory of `pid` and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the command name "(…)": state ppid … ; rss is field 24 (in pages).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const ppid = Number(fields[1])
      rss.set(Number(entry), Number(fields[21]) * 4096)
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0
  const stack = [pid]
  while (stack.length) {
    const current = stack.pop() as number
    total += rss.get(current) ?? 0
    stack.push(...(children.get(current) ?? []))
  }
  return total
}

async function waitUntilUp(): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/parents/me`)
      await res.arrayBuffer()
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('the CMS did not come up within 120 s')
}

type UploadResult = { status: number | 'closed'; sentBytes: number; ms: number }

/** One anonymous multipart upload of SIZE bytes, streamed; stops writing once the server answered. */
function upload(): Promise<UploadResult> {
  const boundary = `----schoolpost${Math.random().toString(16).slice(2)}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.jpg"\r\n` +
      'Content-Type: image/jpeg\r\n\r\n',
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const chunk = Buffer.alloc(64 * 1024, 0xab)
  const started = Date.now()
  return new Promise((resolve) => {
    let sent = 0
    let answered: number | null = null
    let done = false
    const finish = (status: number | 'closed') => {
      if (done) return
      done = true
      resolve({ status, sentBytes: sent, ms: Date.now() - started })
    }
    const req = http.request({
      host: '127.0.0.1',
      port: PORT,
      method: 'POST',
      path: '/api/media',
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': head.length + SIZE + tail.length,
      },
    })
    req.on('response', (res) => {
      answered = res.statusCode ?? 0
      res.resume()
      res.on('end', () => {
        req.destroy()
        finish(answered ?? 'closed')
      })
    })
    req.on('error', () => finish(answered ?? 'closed'))
    req.on('close', () => finish(answered ?? 'closed'))
    const pump = () => {
      while (answered === null && !req.destroyed) {
        if (sent === 0) req.write(head)
        const remaining = SIZE - sent
        if (remaining <= 0) {
          req.end(tail)
          return
        }
        const piece = remaining >= chunk.length ? chunk : chunk.subarray(0, remaining)
        sent += piece.length
        if (!req.write(piece)) {
          req.once('drain', pump)
          return
        }
      }
    }
    pump()
  })
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

let server: ChildProcess | undefined
try {
  await run(process.execPath, ['--import', 'tsx', 'src/scripts/prepare.ts'])
  server = spawn(path.join(cmsDir, 'node_modules/.bin/next'), ['start', '-p', String(PORT)], {
    cwd: cmsDir,
    env: serverEnv,
    stdio: 'ignore',
  })
  await waitUntilUp()
  // Warm up: the route, Payload and the guard are loaded before the idle sample.
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`http://127.0.0.1:${PORT}/api/media`, {
      method: 'POST',
      body: new FormData(),
    })
    await res.arrayBuffer()
  }
  let idle = 0
  for (let i = 0; i < 40; i++) {
    idle = Math.max(idle, treeRss(server.pid as number))
    await new Promise((r) => setTimeout(r, 25))
  }
  let peak = idle
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(server!.pid as number))
  }, 25)
  const started = Date.now()
  const results = await Promise.all(Array.from({ length: PARALLEL }, () => upload()))
  const took = Date.now() - started
  // Memory freed late still counts: keep sampling a moment after the last answer.
  await new Promise((r) => setTimeout(r, 500))
  clearInterval(sampler)

  const statuses = [...new Set(results.map((r) => r.status))].join(', ')
  const sent = results.reduce((sum, r) => sum + r.sentBytes, 0)
  const offered = PARALLEL * SIZE
  const delta = peak - idle
  console.log(`\nanonymous uploads: ${PARALLEL} in parallel × ${mb(SIZE)} MB, ${took} ms`)
  console.log(`answers: ${statuses}`)
  console.log(
    `bytes offered ${mb(offered)} MB | written before the answer ${mb(sent)} MB ` +
      `(the rest of each body was never sent)`,
  )
  console.log(
    `CMS memory (RSS of next start): idle ${mb(idle)} MB | peak ${mb(peak)} MB | ` +
      `increase ${mb(delta)} MB | bound ${LIMIT_MB} MB | increase / offered ${(delta / offered).toFixed(4)}`,
  )
  console.log(delta < LIMIT_MB * 1024 * 1024 ? 'within the bound' : 'OVER THE BOUND')
  process.exitCode = delta < LIMIT_MB * 1024 * 1024 ? 0 : 1
} finally {
  server?.kill('SIGTERM')
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true })
  rmSync(mediaDir, { recursive: true, force: true })
}
