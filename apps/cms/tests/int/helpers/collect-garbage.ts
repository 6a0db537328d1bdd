/**
 * A full garbage collection (vitest.config.ts starts the workers with --expose-gc): libSQL closes
 * the connections of finished transactions only when they are collected (libsql-client-ts#350),
 * so a test file that writes tens of thousands of times calls this between its rounds.
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('Run with --expose-gc (vitest.config.ts execArgv)')
  gc()
}
