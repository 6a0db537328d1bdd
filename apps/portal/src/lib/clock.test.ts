import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { now, readTestClock } from './clock'

const dirs: string[] = []
const clockFile = (content: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-clock-'))
  dirs.push(dir)
  const file = path.join(dir, 'clock.json')
  writeFileSync(file, content)
  return file
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const SET_AT = Date.UTC(2030, 0, 1)

describe('readTestClock', () => {
  it('shows `at` when read at `setAt`, and runs on with real time', () => {
    const file = clockFile(JSON.stringify({ at: '2026-12-07T07:14:58Z', setAt: SET_AT }))
    expect(readTestClock(file, SET_AT).toISOString()).toBe('2026-12-07T07:14:58.000Z')
    expect(readTestClock(file, SET_AT + 2000).toISOString()).toBe('2026-12-07T07:15:00.000Z')
  })

  it('is read again on every call, so a test can move it', () => {
    const file = clockFile(JSON.stringify({ at: '2026-12-07T07:00:00Z', setAt: SET_AT }))
    expect(readTestClock(file, SET_AT).toISOString()).toBe('2026-12-07T07:00:00.000Z')
    writeFileSync(file, JSON.stringify({ at: '2026-12-07T07:20:00Z', setAt: SET_AT }))
    expect(readTestClock(file, SET_AT).toISOString()).toBe('2026-12-07T07:20:00.000Z')
  })

  it.each([
    ['not JSON', 'tomorrow'],
    ['no instant', JSON.stringify({ setAt: SET_AT })],
    ['a broken instant', JSON.stringify({ at: 'maandag', setAt: SET_AT })],
    ['no setAt', JSON.stringify({ at: '2026-12-07T07:00:00Z' })],
    ['setAt as text', JSON.stringify({ at: '2026-12-07T07:00:00Z', setAt: '1' })],
    ['null', 'null'],
  ])('%s: the real time', (_label, content) => {
    expect(readTestClock(clockFile(content), SET_AT).getTime()).toBe(SET_AT)
  })

  it('a missing file: the real time', () => {
    expect(
      readTestClock(path.join(tmpdir(), 'no-such-dir-xyz', 'clock.json'), SET_AT).getTime(),
    ).toBe(SET_AT)
  })
})

describe('now', () => {
  it('is the real time without a test clock', () => {
    const before = Date.now()
    const time = now({ testClockFile: null }).getTime()
    expect(time).toBeGreaterThanOrEqual(before)
    expect(time).toBeLessThanOrEqual(Date.now())
  })

  it('reads the test clock when the environment names one', () => {
    const file = clockFile(JSON.stringify({ at: '2026-12-07T07:00:00Z', setAt: Date.now() }))
    const time = now({ testClockFile: file }).getTime()
    // The clock runs on from `at` with real time: at most the few milliseconds of this test.
    expect(time - Date.parse('2026-12-07T07:00:00Z')).toBeGreaterThanOrEqual(0)
    expect(time - Date.parse('2026-12-07T07:00:00Z')).toBeLessThan(60_000)
  })
})
