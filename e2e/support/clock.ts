import { writeFileSync } from 'node:fs'

/**
 * Moves the school's clock of the CMS and the portal (one file, playwright.config.ts) to `iso`;
 * it runs on from there in real time. Both apps read it on every rule check.
 */
export function setSchoolClock(iso: string): void {
  const file = process.env.TEST_CLOCK_FILE
  if (!file) throw new Error('TEST_CLOCK_FILE is not set (playwright.config.ts)')
  writeFileSync(file, JSON.stringify({ at: new Date(iso).toISOString(), setAt: Date.now() }))
}

/** The clock the run starts with: Monday 7 December 2026, 08:00 in Amsterdam. */
export const MONDAY_0800 = '2026-12-07T07:00:00.000Z'
