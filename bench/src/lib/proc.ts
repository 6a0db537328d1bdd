/**
 * Memory and CPU of a server's process tree, read from Linux's /proc. `pnpm start` is a pnpm
 * process, a shell and the real node server (Next renames itself `next-server`): the app's
 * figure is the sum over the tree without the pnpm wrapper and the shells.
 */
import { readdirSync, readFileSync } from 'node:fs'

export type ProcessInfo = { pid: number; ppid: number; comm: string; cmdline: string[] }

/** VmRSS of a /proc/<pid>/status text, in kB; null when absent (a zombie has none). */
export function parseVmRssKb(status: string): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  return match ? Number(match[1]) : null
}

/**
 * The fields of /proc/<pid>/stat after the command name, which may itself hold spaces and
 * parentheses: the name is what lies between the first "(" and the last ")".
 */
export function parseStat(stat: string): { comm: string; ppid: number; cpuTicks: number } {
  const open = stat.indexOf('(')
  const close = stat.lastIndexOf(')')
  if (open < 0 || close < open) throw new Error(`not a /proc stat line: ${stat.slice(0, 60)}`)
  // After ")": state(3) ppid(4) … utime(14) stime(15), numbered as in proc(5).
  const rest = stat
    .slice(close + 2)
    .trim()
    .split(/\s+/)
  const field = (n: number) => Number(rest[n - 3])
  return { comm: stat.slice(open + 1, close), ppid: field(4), cpuTicks: field(14) + field(15) }
}

/** Every process below `root` (not `root` itself), from a pid → parent pid map. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>()
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid])
  const found: number[] = []
  const queue = [...(children.get(root) ?? [])]
  while (queue.length) {
    const pid = queue.shift()!
    found.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return found
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh'])

/** Whether a process of the tree is the app itself, not pnpm or a shell in between. */
export function isAppProcess(info: Pick<ProcessInfo, 'comm' | 'cmdline'>): boolean {
  if (SHELLS.has(info.comm)) return false
  if (info.comm.startsWith('pnpm')) return false
  const script = info.cmdline[1] ?? ''
  return !/(^|\/)pnpm(\.c?js)?$/.test(script)
}

function readProc(pid: number): ProcessInfo | null {
  try {
    const stat = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
    return { pid, ppid: stat.ppid, comm: stat.comm, cmdline }
  } catch {
    return null // gone meanwhile
  }
}

/** The app processes of the tree under (and including) `root`. */
export function appProcesses(root: number): ProcessInfo[] {
  const all = new Map<number, ProcessInfo>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const info = readProc(Number(entry))
    if (info) all.set(info.pid, info)
  }
  const parents = new Map([...all.values()].map((p) => [p.pid, p.ppid]))
  return [root, ...descendants(root, parents)]
    .map((pid) => all.get(pid))
    .filter((p): p is ProcessInfo => !!p && isAppProcess(p))
}

const read = (pid: number, file: string) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8')
  } catch {
    return null
  }
}

/** Summed VmRSS (kB) of the given processes now. */
export function rssKb(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (parseVmRssKb(read(pid, 'status') ?? '') ?? 0), 0)
}

/** Summed user + system CPU time (clock ticks) of the given processes now. */
export function cpuTicks(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => {
    const stat = read(pid, 'stat')
    return sum + (stat ? parseStat(stat).cpuTicks : 0)
  }, 0)
}
