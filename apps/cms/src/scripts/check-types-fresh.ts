/**
 * `pnpm typecheck` (and so `pnpm test` and CI) fails when src/payload-types.ts is not what the
 * current config generates: types that lag behind a collection change would type-check code
 * against fields that no longer exist. The fresh types are generated into a temporary file and
 * compared, so the check never writes to the tree; `pnpm generate:types` updates the file.
 * The same for the admin's import map (a component a plugin adds, e.g. @payloadcms/storage-s3's
 * upload handler, breaks the admin at run time when it is missing): generated in place, compared,
 * and the committed file put back; `pnpm generate:importmap` updates it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { generateImportMap } from 'payload'
import { generateTypes } from 'payload/node'

import config from '../payload.config'

const sanitized = await config
const committedFile = sanitized.typescript.outputFile
const dir = await mkdtemp(path.join(os.tmpdir(), 'schoolpost-types-'))
try {
  const freshFile = path.join(dir, 'payload-types.ts')
  // Payload's own override of the output path: everything else is exactly `payload generate:types`.
  process.env.PAYLOAD_TS_OUTPUT_PATH = freshFile
  await generateTypes(sanitized, { log: false })
  const [fresh, committed] = await Promise.all([
    readFile(freshFile, 'utf8'),
    readFile(committedFile, 'utf8').catch(() => ''),
  ])
  if (fresh !== committed) {
    const at = [...fresh].findIndex((char, i) => char !== committed[i])
    const line = fresh.slice(0, at === -1 ? fresh.length : at).split('\n').length
    console.error(
      `${path.relative(process.cwd(), committedFile)} is out of date (first difference on line ${line}): run \`pnpm --filter @schoolpost/cms generate:types\` and commit it.`,
    )
    process.exitCode = 1
  } else console.log('payload-types.ts is up to date.')
} finally {
  await rm(dir, { recursive: true, force: true })
}

const importMapFile = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../app/(payload)/admin/importMap.js',
)
const committedMap = await readFile(importMapFile, 'utf8').catch(() => '')
try {
  await generateImportMap(sanitized, { log: false, force: true })
  const freshMap = await readFile(importMapFile, 'utf8').catch(() => '')
  if (freshMap !== committedMap) {
    console.error(
      'src/app/(payload)/admin/importMap.js is out of date: run `pnpm --filter @schoolpost/cms generate:importmap` and commit it.',
    )
    process.exitCode = 1
  } else console.log('importMap.js is up to date.')
} finally {
  await writeFile(importMapFile, committedMap)
}
