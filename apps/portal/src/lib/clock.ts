import { readFileSync } from 'node:fs'

import type { PortalEnv } from './env'

/**
 * The time the school's rules are checked against in the portal (what the absence form offers,
 * which report may still be withdrawn). Always the real time, except in end-to-end tests that set
 * TEST_CLOCK_FILE (refused at start when SCHOOLPOST_ENV=production, `env.ts`): the file holds
 * `{"at": "<ISO instant>", "setAt": <epoch ms>}` and the clock runs on from `at` as real time
 * passes since `setAt`. It is read on every call, so a test can move it between steps — the same
 * file and format as the CMS's clock (apps/cms/src/lib/clock.ts), so one file moves both apps.
 */
export function now(env: Pick<PortalEnv, 'testClockFile'>): Date {
  return env.testClockFile ? readTestClock(env.testClockFile) : new Date()
}

/** The test clock's time; the real time when the file is missing or not of the expected shape. */
export function readTestClock(file: string, realNow: number = Date.now()): Date {
  let parsed: { at?: unknown; setAt?: unknown }
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed
  } catch {
    return new Date(realNow)
  }
  if (typeof parsed !== 'object' || parsed === null) return new Date(realNow)
  const at = typeof parsed.at === 'string' ? Date.parse(parsed.at) : Number.NaN
  const setAt = typeof parsed.setAt === 'number' ? parsed.setAt : Number.NaN
  if (Number.isNaN(at) || !Number.isFinite(setAt)) return new Date(realNow)
  return new Date(at + (realNow - setAt))
}
