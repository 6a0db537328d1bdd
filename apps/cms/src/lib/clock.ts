import { readFileSync } from 'node:fs'

import { env } from './env'

/**
 * The time the school's rules are checked against. Always the real time, except in end-to-end
 * tests that set TEST_CLOCK_FILE (refused at start when SCHOOLPOST_ENV=production): the file holds
 * `{"at": "<ISO instant>", "setAt": <epoch ms>}` and the clock runs on from `at` as real time
 * passes since `setAt`, read on every call so a test can move it between steps.
 */
export function now(): Date {
  const file = env.testClockFile
  return file ? readTestClock(file) : new Date()
}

export function readTestClock(file: string): Date {
  let parsed: { at?: unknown; setAt?: unknown }
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed
  } catch {
    return new Date()
  }
  const at = typeof parsed.at === 'string' ? Date.parse(parsed.at) : Number.NaN
  const setAt = typeof parsed.setAt === 'number' ? parsed.setAt : Number.NaN
  if (Number.isNaN(at) || Number.isNaN(setAt)) return new Date()
  return new Date(at + (Date.now() - setAt))
}
