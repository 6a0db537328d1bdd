// Fails when any locked copy of a package is below the floor kept in dependency-floors.json.
// Reads pnpm-lock.yaml (what CI installs), so a transitive copy counts as much as a direct one.
import { readFileSync } from 'node:fs'

const floors = JSON.parse(
  readFileSync(new URL('./dependency-floors.json', import.meta.url), 'utf8'),
)
const lock = readFileSync(new URL('../pnpm-lock.yaml', import.meta.url), 'utf8')
const parse = (v) => v.split(/[.-]/).slice(0, 3).map(Number)
const below = (a, b) => {
  const [x, y] = [parse(a), parse(b)]
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i]
  return false
}
let failed = 0
for (const [name, floor] of Object.entries(floors)) {
  if (name.startsWith('$')) continue
  const escaped = name.replace(/[/.@]/g, (c) => `\\${c}`)
  const versions = new Set(
    [...lock.matchAll(new RegExp(`^  '?${escaped}@(\\d+\\.\\d+\\.\\d+[^:(']*)`, 'gm'))].map(
      (m) => m[1],
    ),
  )
  if (versions.size === 0) {
    console.error(`dependency floors: ${name} is not in pnpm-lock.yaml (remove its floor?)`)
    failed++
  }
  for (const version of versions) {
    const ok = !below(version, floor)
    console.log(`dependency floors: ${name}@${version} ${ok ? '>=' : '<'} ${floor}`)
    if (!ok) failed++
  }
}
process.exit(failed ? 1 : 0)
