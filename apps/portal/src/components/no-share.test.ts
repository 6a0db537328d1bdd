import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(full)
    return /\.(astro|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : []
  })

/**
 * S18: rights stay with the school and nothing is shared outside Schoolpost, so the portal offers
 * no way to share: no Web Share API, no share links to messengers or social media, no "Delen"
 * control. (The rendered pages are checked too: e2e/portal/house-rules.spec.ts.)
 */
const SHARING = [
  /navigator\s*\.\s*share/,
  /navigator\s*\.\s*canShare/,
  /wa\.me\/|whatsapp:|api\.whatsapp\.com/i,
  /facebook\.com\/sharer|twitter\.com\/intent|x\.com\/intent|t\.me\/share|linkedin\.com\/share/i,
  /mailto:\?[^"']*body=/i,
  />\s*(Delen|Deel dit|Share)\s*</,
  /aria-label=["'](Delen|Share)/,
]

describe('the portal offers no way to share', () => {
  it('has no share button, link or API call in any page, component or script', () => {
    const found = files(src).flatMap((file) => {
      const text = readFileSync(file, 'utf8')
      return SHARING.filter((pattern) => pattern.test(text)).map(
        (pattern) => `${path.relative(src, file)}: ${pattern}`,
      )
    })
    expect(found).toEqual([])
  })

  it('shows the notice wherever pictures are shown', () => {
    const showsPictures = files(src).filter(
      (file) =>
        file.endsWith('.astro') &&
        /<ResponsiveImage|<video/.test(readFileSync(file, 'utf8')) &&
        !file.endsWith('ResponsiveImage.astro'),
    )
    expect(showsPictures.length).toBeGreaterThan(2)
    for (const file of showsPictures)
      expect(readFileSync(file, 'utf8'), path.relative(src, file)).toMatch(
        /<MediaNotice|mediaNotice/,
      )
  })
})
