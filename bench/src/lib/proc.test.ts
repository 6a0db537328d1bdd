import { describe, expect, it } from 'vitest'

import { descendants, isAppProcess, parseStat, parseVmRssKb } from './proc'

describe('parseVmRssKb', () => {
  it('reads the resident set size of a status file', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200000 kB\nVmRSS:\t  312456 kB\nRssAnon:\t 200000 kB\n'
    expect(parseVmRssKb(status)).toBe(312456)
  })

  it('is null for a process without memory (a zombie) or no text', () => {
    expect(parseVmRssKb('Name:\tnode\nState:\tZ (zombie)\n')).toBeNull()
    expect(parseVmRssKb('')).toBeNull()
  })
})

describe('parseStat', () => {
  it('reads name, parent and CPU ticks, also when the name has spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    const stat = '4242 (next-server (v16)) S 4200 4100 4100 0 -1 4194560 9000 0 3 0 1500 250 0 0 20'
    expect(parseStat(stat)).toEqual({ comm: 'next-server (v16)', ppid: 4200, cpuTicks: 1750 })
  })

  it('refuses a line that is not a stat line', () => {
    expect(() => parseStat('hello')).toThrow()
  })
})

describe('descendants', () => {
  it('finds children, grandchildren and deeper, but not the root or unrelated processes', () => {
    const parents = new Map([
      [10, 1], // pnpm under init
      [11, 10], // sh
      [12, 11], // node server
      [13, 12], // a worker of the server
      [20, 1], // unrelated
      [21, 20],
    ])
    expect(descendants(10, parents).sort()).toEqual([11, 12, 13])
    expect(descendants(13, parents)).toEqual([])
  })
})

describe('isAppProcess', () => {
  it('keeps node servers and leaves out pnpm and the shells between', () => {
    expect(isAppProcess({ comm: 'node', cmdline: ['node', './dist/server/entry.mjs'] })).toBe(true)
    expect(isAppProcess({ comm: 'next-server (v1', cmdline: ['next-server (v16.4.6)'] })).toBe(true)
    expect(isAppProcess({ comm: 'sh', cmdline: ['sh', '-c', 'next start'] })).toBe(false)
    expect(
      isAppProcess({
        comm: 'node',
        cmdline: ['node', '/usr/lib/node_modules/pnpm/bin/pnpm.cjs', 'start'],
      }),
    ).toBe(false)
    expect(isAppProcess({ comm: 'pnpm', cmdline: ['pnpm', 'start'] })).toBe(false)
  })
})
