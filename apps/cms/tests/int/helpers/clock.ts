import { rmSync, writeFileSync } from 'node:fs'

/**
 * Moves the CMS's clock (src/lib/clock.ts) to `iso`; it runs on from there in real time. The
 * file is this test file's own (tests/int/setup-database.ts).
 */
export function setClock(iso: string): void {
  const file = process.env.TEST_CLOCK_FILE
  if (!file) throw new Error('TEST_CLOCK_FILE is not set (tests/int/setup-database.ts)')
  writeFileSync(file, JSON.stringify({ at: new Date(iso).toISOString(), setAt: Date.now() }))
}

/** Back to real time. */
export function resetClock(): void {
  const file = process.env.TEST_CLOCK_FILE
  if (file) rmSync(file, { force: true })
}
