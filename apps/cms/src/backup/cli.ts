import path from 'node:path'

/** The command's own arguments: pnpm passes the `--` of `pnpm … backup -- --out x` through. */
export function cliArgs(argv: string[] = process.argv.slice(2)): string[] {
  return argv[0] === '--' ? argv.slice(1) : argv
}

/** A path typed on the command line, relative to where the command was started (not apps/cms). */
export function fromInvocationDir(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
}

/** 1234567 → "1,2 MB" */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  const text = unit === 0 ? String(value) : value.toFixed(1).replace('.', ',')
  return `${text} ${units[unit]}`
}
