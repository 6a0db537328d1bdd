import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Media, Post } from '../../src/payload-types'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { storedFile, storedFileNames, storedFileOnDisk } from './helpers/stored-files'
import { uploadMedia } from './helpers/upload'

const LATITUDE = '+52.3676'
const work = mkdtempSync(path.join(os.tmpdir(), 'schoolpost-video-test-'))

/**
 * A phone video as it arrives: a landscape recording held upright (display rotation), with the
 * place it was filmed, the device and a date in the container — made here with ffmpeg.
 */
function phoneVideo(container: 'mov' | 'webm', seconds: number, size = '640x360'): Buffer {
  const encoded = path.join(work, `encoded-${seconds}.${container}`)
  const file = path.join(work, `phone-${seconds}.${container}`)
  const codecs =
    container === 'mov'
      ? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac']
      : ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-c:a', 'libopus']
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=${size}:rate=25`],
    ...['-f', 'lavfi', '-i', `sine=duration=${seconds}`],
    ...codecs,
    encoded,
  ])
  // The tags are added by a second, copying run: ffmpeg 5 writes the rotation matrix only then.
  const tags =
    container === 'mov'
      ? [
          ...['-metadata', `com.apple.quicktime.location.ISO6709=${LATITUDE}+004.9041+000.000/`],
          ...['-metadata', 'com.apple.quicktime.make=Apple'],
          ...['-metadata', 'com.apple.quicktime.model=iPhone 15'],
          ...['-metadata:s:v:0', 'rotate=90', '-movflags', 'use_metadata_tags'],
        ]
      : ['-metadata', `location=${LATITUDE}+004.9041/`]
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-i', encoded, '-c', 'copy'],
    ...['-metadata', 'creation_time=2026-05-01T10:00:00Z', '-metadata', 'artist=Juf Sanne'],
    ...tags,
    file,
  ])
  return readFileSync(file)
}

/** What ffprobe sees in a stored file: container tags, stream tags and the rotation. */
function probe(file: string) {
  const out = execFileSync('ffprobe', [
    ...['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
  ]).toString()
  const json = JSON.parse(out) as {
    format: { tags?: Record<string, string> }
    streams: {
      codec_type: string
      tags?: Record<string, string>
      side_data_list?: { rotation?: number }[]
    }[]
  }
  return {
    formatTags: Object.keys(json.format.tags ?? {}),
    streamTags: json.streams.flatMap((s) => Object.keys(s.tags ?? {})),
    streams: json.streams.map((s) => s.codec_type).sort(),
    rotation: json.streams
      .flatMap((s) => s.side_data_list ?? [])
      .find((d) => d.rotation !== undefined)?.rotation,
  }
}

/** Videos (S3, S12): stored without metadata, with WebP posters under the photos' access rules. */
describe('video uploads (S3, S12)', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let video: Media

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    const res = await uploadMedia(teacherToken, phoneVideo('mov', 2), 'IMG_0042 Noor.MOV', {
      pupils: [f.pupils.a1.id, f.pupils.a2.id],
    })
    expect(res.status, await res.clone().text()).toBe(201)
    video = ((await res.json()) as { doc: Media }).doc
  })

  it('stores an iPhone video without place, device, people or dates, still upright', async () => {
    const original = phoneVideo('mov', 2)
    expect(original.includes(LATITUDE)).toBe(true) // the fixture does carry a location
    expect(video.mimeType).toBe('video/quicktime')
    expect(video.filename).toMatch(/^[0-9a-f-]{36}\.mov$/)

    const stored = await storedFileOnDisk(video.filename!)
    const bytes = readFileSync(stored)
    // Dates are binary in MP4/MOV headers: ffprobe (below) is what shows they are gone.
    for (const secret of [LATITUDE, 'ISO6709', 'iPhone 15', 'Juf Sanne']) {
      expect(bytes.includes(secret), secret).toBe(false)
    }
    const seen = probe(stored)
    expect(
      seen.formatTags.filter(
        (t) => !['major_brand', 'minor_version', 'compatible_brands'].includes(t),
      ),
    ).toEqual([])
    expect(
      seen.streamTags.filter((t) => !['handler_name', 'vendor_id', 'language'].includes(t)),
    ).toEqual([])
    expect(seen.streams).toEqual(['audio', 'video'])
    expect(Math.abs(seen.rotation ?? 0)).toBe(90)
    // Upright: the poster and the stored size are portrait.
    expect([video.width, video.height]).toEqual([360, 640])
  })

  it('makes WebP posters in the photo sizes, never enlarged and without metadata', async () => {
    const sizes = video.sizes!
    for (const name of ['thumbnail', 'feed', 'full'] as const) {
      const size = sizes[name]!
      expect(size.mimeType).toBe('image/webp')
      const file = await storedFile(size.filename!)
      const meta = await sharp(file).metadata()
      expect(meta.format).toBe('webp')
      expect([meta.width, meta.height]).toEqual([size.width, size.height])
      expect(meta.exif ?? meta.xmp ?? meta.icc).toBeUndefined()
    }
    expect([sizes.thumbnail!.width, sizes.feed!.width, sizes.full!.width]).toEqual([360, 360, 360])
    expect(sizes.thumbnail!.height).toBe(640)
  })

  it('parents of the group get the video and its posters; other parents none of them', async () => {
    const res = await rest('POST', '/posts', {
      token: teacherToken,
      body: {
        title: 'Dansje groep A',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        gallery: [video.id],
      },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const post = ((await res.json()) as { doc: Post }).doc
    const inGroup = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1 in group A
    const otherGroup = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1 in group B
    const files = [
      video.filename!,
      video.sizes!.thumbnail!.filename!,
      video.sizes!.feed!.filename!,
      video.sizes!.full!.filename!,
    ]

    const seen = await rest('GET', `/posts/${post.id}?depth=1`, { token: inGroup })
    const gallery = ((await seen.json()) as { gallery: Media[] }).gallery
    expect(gallery[0]!.sizes!.feed!.filename).toBe(video.sizes!.feed!.filename)
    const types = []
    for (const file of files) {
      const r = await rest('GET', `/media/file/${file}`, { token: inGroup })
      types.push([r.status, r.headers.get('content-type')])
    }
    expect(types).toEqual([
      [200, 'video/quicktime'],
      [200, 'image/webp'],
      [200, 'image/webp'],
      [200, 'image/webp'],
    ])
    for (const file of files) {
      expect([403, 404]).toContain(
        (await rest('GET', `/media/file/${file}`, { token: otherGroup })).status,
      )
    }
  })

  it('a clip shorter than a second gets its first frame as poster (WebM)', async () => {
    const res = await uploadMedia(teacherToken, phoneVideo('webm', 0.5, '320x180'), 'kort.webm', {
      noRecognisablePupils: true,
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const clip = ((await res.json()) as { doc: Media }).doc
    expect(clip.mimeType).toBe('video/webm')
    expect([clip.width, clip.height]).toEqual([320, 180])
    // Never enlarged: every poster size of a small clip is the clip's own size.
    for (const name of ['thumbnail', 'feed', 'full'] as const) {
      expect(clip.sizes![name]).toMatchObject({ width: 320, height: 180 })
    }
    expect((await storedFile(clip.filename!)).includes(LATITUDE)).toBe(false)
  })

  it('does not even look at a video a parent sends (403, no ffmpeg run)', async () => {
    const parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    const broken = Buffer.concat([phoneVideo('mov', 2).subarray(0, 64), Buffer.alloc(4096, 7)])
    // Broken on purpose: had it been processed, the answer would be the 422 below.
    expect((await uploadMedia(parentToken, broken, 'x.mov')).status).toBe(403)
  })

  it('a refused save leaves no poster files behind', async () => {
    const posters = async () =>
      (await storedFileNames()).filter((name) => name.includes('-poster-')).sort()
    const before = await posters()
    const res = await uploadMedia(teacherToken, phoneVideo('mov', 2), 'fout.mov', {
      pupils: ['00000000-0000-4000-8000-000000000000'], // no such pupil: the save is refused
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('Een gekoppeld item bestaat niet (meer)')
    expect(await posters()).toEqual(before)
  })

  it('refuses a broken video with a Dutch 422 and stores nothing', async () => {
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const whole = phoneVideo('mov', 2)
    const broken = Buffer.concat([whole.subarray(0, 64), Buffer.alloc(4096, 7)])
    const res = await uploadMedia(teacherToken, broken, 'kapot.mov', {
      noRecognisablePupils: true,
    })
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain('Deze video is beschadigd of onvolledig')
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })
})
