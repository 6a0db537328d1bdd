import { describe, expect, it } from 'vitest'

import { folderName, zipLength } from './export-media'

describe('the zip of photos and videos: composition', () => {
  it('names a folder after the post’s day and title, safe on every system', () => {
    expect(folderName('2026-11-20', 'Herfstwandeling')).toBe('2026-11-20 Herfstwandeling')
    expect(folderName('2026-11-20', 'Groep 3/4: "Kunst" <expo>?')).toBe(
      '2026-11-20 Groep 3 4 Kunst expo',
    )
    expect(folderName('2026-11-20', '../../etc/passwd')).toBe('2026-11-20 etc passwd')
    expect(folderName('2026-11-20', ' \u0000 ... ')).toBe('2026-11-20 Bericht')
    expect(folderName('2026-11-20', 'x'.repeat(200))).toHaveLength(11 + 80)
  })

  it('knows the zip’s length before any file is read (stored entries, no compression)', () => {
    const empty = zipLength([])
    const one = zipLength([
      { name: 'a/01.webp', filename: 'f.webp', size: 1000, lastModified: new Date(0) },
    ])
    const two = zipLength([
      { name: 'a/01.webp', filename: 'f.webp', size: 1000, lastModified: new Date(0) },
      { name: 'a/02.webp', filename: 'g.webp', size: 1000, lastModified: new Date(0) },
    ])
    // An empty zip is its end record; every file adds its bytes and a fixed overhead per name.
    expect(empty).toBe(22)
    expect(two - one).toBe(one - empty)
    expect(one - empty).toBeGreaterThan(1000)
  })
})
