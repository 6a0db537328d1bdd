/**
 * The production builds the bench measures: reused when newer than every source they are built
 * from, otherwise built again (`pnpm --filter … build`, as `pnpm start` would).
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Folders and files that are no source of a build. */
const SKIPPED = new Set([
  'node_modules',
  '.next',
  'dist',
  '.astro',
  '.turbo',
  'data',
  'tests',
  'test-results',
  'playwright-report',
])
const isTestFile = (name: string) => /\.(test|spec|int\.spec)\.[cm]?[jt]sx?$/.test(name)

/** The newest modification time (ms) of the source files under `roots`. */
export function newestSourceMtime(roots: readonly string[]): number {
  let newest = 0
  const walk = (entry: string) => {
    const stat = statSync(entry)
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (!SKIPPED.has(name) && !name.startsWith('.')) walk(path.join(entry, name))
      }
    } else if (!isTestFile(path.basename(entry))) {
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  for (const root of roots) if (existsSync(root)) walk(root)
  return newest
}

/** Whether a build output (its marker file) is missing or older than its sources. */
export function isStale(marker: string, sourceRoots: readonly string[]): boolean {
  if (!existsSync(marker)) return true
  return statSync(marker).mtimeMs < newestSourceMtime(sourceRoots)
}

export type BuildTarget = { name: string; filter: string; marker: string; sources: string[] }

export function buildTargets(repoRoot: string): BuildTarget[] {
  const at = (...parts: string[]) => path.join(repoRoot, ...parts)
  const packages = ['policies', 'http', 'ui', 'contracts'].map((name) => at('packages', name))
  return [
    {
      name: 'CMS',
      filter: '@schoolpost/cms',
      marker: at('apps/cms/.next/BUILD_ID'),
      sources: [at('apps/cms'), ...packages],
    },
    {
      name: 'portal',
      filter: '@schoolpost/portal',
      marker: at('apps/portal/dist/server/entry.mjs'),
      sources: [at('apps/portal'), ...packages],
    },
  ]
}

export function build(
  target: BuildTarget,
  repoRoot: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  console.log(
    `build ${target.name}: ${path.relative(repoRoot, target.marker)} is missing or older than its sources, building …`,
  )
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--filter', target.filter, 'build'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) {
        console.log(`build ${target.name}: done in ${Math.round((Date.now() - started) / 1000)} s`)
        resolve()
      } else reject(new Error(`build of ${target.name} failed (${code}):\n${output}`))
    })
  })
}
