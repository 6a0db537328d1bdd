import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { isSafeMediaPath } from './archive'
import { fileUrl, sqliteFileFromUrl } from './sqlite-file'

describe('the database file of a DATABASE_URL, read as the libSQL client reads it', () => {
  it('takes relative, absolute and localhost forms, ignoring query and fragment', () => {
    expect(sqliteFileFromUrl('file:data/schoolpost.db')).toBe(path.resolve('data/schoolpost.db'))
    expect(sqliteFileFromUrl('file:./data/x.db?tls=0')).toBe(path.resolve('data/x.db'))
    expect(sqliteFileFromUrl('file:/srv/school/db.sqlite')).toBe('/srv/school/db.sqlite')
    expect(sqliteFileFromUrl('file:///srv/school/db.sqlite#x')).toBe('/srv/school/db.sqlite')
    expect(sqliteFileFromUrl('file://localhost/srv/db.sqlite')).toBe('/srv/db.sqlite')
    expect(sqliteFileFromUrl('file:/srv/met%20spatie.db')).toBe('/srv/met spatie.db')
  })

  it('refuses other hosts, broken encodings and in-memory databases in Dutch', () => {
    expect(() => sqliteFileFromUrl('file://server/db.sqlite')).toThrow(/geen bruikbare/)
    expect(() => sqliteFileFromUrl('file:/srv/%zz.db')).toThrow(/%-codering/)
    expect(() => sqliteFileFromUrl('file::memory:')).toThrow(/geheugen/)
  })

  it('writes a file: URL that reads back as the same path', () => {
    for (const file of ['/tmp/a b/#1?.db', '/srv/schoolpost.db', '/tmp/ü/x%y.db']) {
      expect(sqliteFileFromUrl(fileUrl(file))).toBe(file)
    }
  })
})

describe('names a restore may write', () => {
  it('only plain relative paths under media/', () => {
    expect(isSafeMediaPath('media/foto.jpg')).toBe(true)
    expect(isSafeMediaPath('media/sub/foto-400x300.webp')).toBe(true)
    for (const name of [
      'media/',
      'media/../etc/passwd',
      'media/./x',
      'media//x',
      'media/a\\b',
      '/media/x',
      'other/x',
      '../media/x',
    ]) {
      expect(isSafeMediaPath(name)).toBe(false)
    }
  })
})
