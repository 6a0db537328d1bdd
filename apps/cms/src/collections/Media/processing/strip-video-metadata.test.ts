import { describe, expect, it } from 'vitest'

import { cleanVideo } from './strip-video-metadata'

describe('cleanVideo', () => {
  it('says "unavailable" when there is no ffmpeg, so the upload gets a 503, not a 422', async () => {
    expect(await cleanVideo(Buffer.from('video'), 'mp4', '/nonexistent/ffmpeg')).toEqual({
      ok: false,
      reason: 'unavailable',
    })
  })

  it('says "unreadable" for bytes that are no video', async () => {
    const garbage = Buffer.concat([Buffer.from('\0\0\0\x18ftypmp42'), Buffer.alloc(2048, 9)])
    expect(await cleanVideo(garbage, 'mp4')).toEqual({ ok: false, reason: 'unreadable' })
  })
})
