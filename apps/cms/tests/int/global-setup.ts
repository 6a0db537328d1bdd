import { rmSync } from 'node:fs'

/** Removes the run's throwaway database (and its WAL files) when the run ends. */
export default function setup() {
  return () => {
    const file = process.env.TEST_DB_FILE
    if (!file) return
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  }
}
