import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { diskMediaFiles, mediaFilesFor, s3Key } from './media-files'

const s3 = {
  bucket: 'school-media',
  endpoint: 'http://127.0.0.1:1',
  region: 'us-east-1',
  accessKeyId: 'id',
  secretAccessKey: 'secret',
  forcePathStyle: true,
  prefix: '',
}

describe('media files', () => {
  it('keys a file as the S3 plugin does: <S3_PREFIX>/<name>, or the name alone', () => {
    expect(s3Key({ prefix: '' }, 'a.webp')).toBe('a.webp')
    expect(s3Key({ prefix: 'linde/2026' }, 'a.webp')).toBe('linde/2026/a.webp')
  })

  it('takes plain file names only, never a path out of the folder or prefix', async () => {
    const files = diskMediaFiles(mkdtempSync(path.join(os.tmpdir(), 'sp-files-')))
    for (const name of ['../x.jpg', 'a/b.jpg', 'a\\b.jpg', '..', '', '/etc/passwd']) {
      await expect(files.read(name), name).rejects.toThrow(/Not a media file name/)
      expect(() => s3Key({ prefix: 'p' }, name), name).toThrow(/Not a media file name/)
    }
  })

  it('writes, reads, lists and removes files on disk; a missing one is null, not an error', async () => {
    const files = diskMediaFiles(path.join(mkdtempSync(path.join(os.tmpdir(), 'sp-files-')), 'm'))
    expect(await files.list()).toEqual([])
    expect(await files.read('a.webp')).toBeNull()
    await files.write('a.webp', Buffer.from('abc'), 'image/webp')
    expect((await files.read('a.webp'))?.toString()).toBe('abc')
    expect(await files.exists('a.webp')).toBe(true)
    expect(await files.list()).toEqual(['a.webp'])
    await files.remove('a.webp')
    await files.remove('a.webp')
    expect(await files.exists('a.webp')).toBe(false)
  })

  it('chooses the bucket when S3 is configured, the folder otherwise', () => {
    expect(mediaFilesFor({ mediaDir: '/tmp/m', s3: null }).kind).toBe('disk')
    expect(mediaFilesFor({ mediaDir: '/tmp/m', s3 }).kind).toBe('s3')
  })
})
