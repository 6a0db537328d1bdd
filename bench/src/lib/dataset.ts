/**
 * The datasets, built once by the CMS's `src/scripts/bench-dataset.ts` and cached under
 * `$HOME/.cache/schoolpost-bench/<hash>/<set>/` (cms.db, media/, manifest.json). The hash covers
 * everything that shapes the rows: the dataset script, the demo seed it reuses, the media sizes
 * and the migrations. A changed input builds anew and drops the outdated folders.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type DatasetName = 'small' | 'year'

export type Manifest = {
  set: DatasetName
  builtAt: string
  login: { email: string; password: string }
  expectTitle: string
  counts: Record<string, number>
  /** Only in `year`: what `pnpm bench:absences` reports and checks (the CMS's bench-dataset.ts). */
  absences?: {
    day: string
    openAt: string
    reportAt: string
    password: string
    director: { email: string; password: string }
    reporters: { email: string; pupil: string; firstName: string }[]
    duplicates: { email: string; pupil: string }[]
    history: { absences: number; leaveRequests: number }
  }
}

export type Dataset = {
  set: DatasetName
  dir: string
  db: string
  mediaDir: string
  manifest: Manifest
}

const DATASET_INPUTS = [
  'apps/cms/src/scripts/bench-dataset.ts',
  'apps/cms/src/seed',
  'apps/cms/src/collections/Media/sizes.ts',
  'apps/cms/src/migrations',
]

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative)
  if (!statSync(full).isDirectory()) return [relative]
  return readdirSync(full)
    .sort()
    .flatMap((entry) => filesUnder(root, path.join(relative, entry)))
}

/** A short hash of the inputs' paths and contents. */
export function datasetHash(repoRoot: string, inputs: readonly string[] = DATASET_INPUTS): string {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap((input) => filesUnder(repoRoot, input))) {
    hash.update(file.split(path.sep).join('/'))
    hash.update('\0')
    hash.update(readFileSync(path.join(repoRoot, file)))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_CACHE_DIR || path.join(os.homedir(), '.cache', 'schoolpost-bench')
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      const last = output.trim().split('\n').at(-1) ?? ''
      if (code === 0) {
        console.log(`  ${last}`)
        resolve()
      } else
        reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}):\n${output}`))
    })
  })
}

/** The cached dataset, built first when missing, outdated or `rebuild` is asked. */
export async function ensureDataset(
  repoRoot: string,
  set: DatasetName,
  { rebuild = false, env = process.env }: { rebuild?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Dataset> {
  const root = cacheRoot(env)
  const hash = datasetHash(repoRoot)
  const dir = path.join(root, hash, set)
  const manifestFile = path.join(dir, 'manifest.json')
  if (rebuild || !existsSync(manifestFile)) {
    // Folders of other hashes are outdated datasets.
    if (existsSync(root)) {
      for (const entry of readdirSync(root)) {
        if (entry !== hash) rmSync(path.join(root, entry), { recursive: true, force: true })
      }
    }
    const building = `${dir}.building-${process.pid}`
    rmSync(building, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
    console.log(`dataset ${set}: building (cached in ${dir}) …`)
    const childEnv = { ...env }
    for (const name of ['DATABASE_URL', 'MEDIA_DIR', 'SEED_DEMO', 'RESEND_API_KEY', 'NODE_ENV']) {
      delete childEnv[name]
    }
    await run(
      process.execPath,
      ['--import', 'tsx', 'src/scripts/bench-dataset.ts', set, building],
      path.join(repoRoot, 'apps/cms'),
      childEnv,
    )
    renameSync(building, dir)
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
  return { set, dir, db: path.join(dir, 'cms.db'), mediaDir: path.join(dir, 'media'), manifest }
}
