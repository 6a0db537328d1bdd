/**
 * The processes the bench starts: each in a process group of its own (so `pnpm start`'s shell and
 * node children die with it), its output kept for a failure message, every one of them stopped
 * when the bench ends — also after an error or Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { setTimeout as delay } from 'node:timers/promises'

import { appProcesses, cpuTicks, rssKb } from './proc'

export type Server = {
  name: string
  pid: number
  child: ChildProcess
  /** The last lines it printed. */
  tail: () => string
  stop: () => Promise<void>
}

const running = new Set<Server>()

export function startServer(options: {
  name: string
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  logFile: string
}): Server {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (child.pid === undefined) throw new Error(`${options.name}: could not start`)
  const log = createWriteStream(options.logFile)
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    log.write(chunk)
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    if (lines.length > 40) lines.splice(0, lines.length - 40)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const pid = child.pid
  const server: Server = {
    name: options.name,
    pid,
    child,
    tail: () => lines.join('\n'),
    stop: async () => {
      running.delete(server)
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-pid, name) // the whole group
        } catch {
          // already gone
        }
      }
      signal('SIGTERM')
      const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)])
      // The group leader may be gone while a child lingers: make sure of the whole group.
      signal('SIGKILL')
      if (!stopped) await exited
      log.end()
    },
  }
  running.add(server)
  return server
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()))
}

/** Waits until `url` answers with a status `ready` accepts; fails when the server exits first. */
export async function waitForHttp(
  server: Server,
  url: string,
  {
    timeoutMs,
    ready = (status: number) => status < 500,
  }: {
    timeoutMs: number
    ready?: (status: number) => boolean
  },
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${server.name} exited before it was ready:\n${server.tail()}`)
    }
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      await res.arrayBuffer()
      if (ready(res.status)) return
    } catch {
      // not listening yet
    }
    await delay(250)
  }
  throw new Error(
    `${server.name} not ready at ${url} after ${timeoutMs / 1000} s:\n${server.tail()}`,
  )
}

/**
 * Waits until the servers are idle (together below `threshold` of one core over 500 ms): a load
 * run leaves requests behind in the servers when it stops, and the next row must not pay for them.
 * Gives up after `maxMs` and says so.
 */
export async function waitForIdle(
  servers: readonly Server[],
  { threshold = 0.1, maxMs = 30_000 } = {},
): Promise<{ idle: boolean; waitedMs: number }> {
  const started = Date.now()
  const ticksPerSecond = 100 // USER_HZ on Linux
  const pids = () => servers.flatMap((s) => appProcesses(s.pid).map((p) => p.pid))
  let before = cpuTicks(pids())
  while (Date.now() - started < maxMs) {
    await delay(500)
    const now = cpuTicks(pids())
    const busy = (now - before) / ticksPerSecond / 0.5
    before = now
    if (busy < threshold) return { idle: true, waitedMs: Date.now() - started }
  }
  return { idle: false, waitedMs: Date.now() - started }
}

/** Peak summed RSS (kB) of each server's app processes, sampled every `intervalMs`. */
export function sampleRss(servers: Record<string, Server>, intervalMs = 250) {
  const peaks: Record<string, number> = Object.fromEntries(Object.keys(servers).map((k) => [k, 0]))
  const sample = () => {
    for (const [key, server] of Object.entries(servers)) {
      const pids = appProcesses(server.pid).map((p) => p.pid)
      const kb = rssKb(pids)
      if (kb > peaks[key]!) peaks[key] = kb
    }
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  return {
    peaks,
    stop: () => {
      clearInterval(timer)
      sample()
      return { ...peaks }
    },
  }
}

/**
 * Runs a bench's `main`: every server it started is stopped when it ends, fails or is
 * interrupted (Ctrl-C), and a failure is one line and exit code 1.
 */
export async function runBench(name: string, main: () => Promise<void>): Promise<void> {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      console.error(`\n${signal}: stopping the servers …`)
      void stopAll().finally(() => process.exit(130))
    })
  }
  try {
    await main()
  } catch (error) {
    console.error(`\n${name} failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  } finally {
    await stopAll()
  }
}
