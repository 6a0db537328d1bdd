import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { runFfmpeg, safeInput, type VideoContainer } from './ffmpeg'
import { videoPoster } from './video-poster'

/**
 * Videos from phones carry what parents must never receive (S12): the place it was filmed
 * (an iPhone's `com.apple.quicktime.location.ISO6709`, an Android's `location`), the device, the
 * owner's name and dates. ffmpeg copies the audio and video streams into a new file of the same
 * container *without* any metadata or chapters — no re-encoding, so it takes about as long as
 * copying the file — with the index moved to the front so playback starts before the whole file
 * has arrived. The display rotation is stream side data, not metadata: it is kept, so a portrait
 * video stays upright.
 *
 * The same run's second step takes the poster frame from the clean copy (`video-poster.ts`).
 */

export type { VideoContainer }

export type VideoResult =
  { ok: true; video: Buffer; poster: Buffer | null } | { ok: false; reason: VideoFailure }

/** unreadable: not a video ffmpeg can read (corrupt, truncated); unavailable: no ffmpeg here. */
export type VideoFailure = 'unreadable' | 'unavailable'

/** A hostile or huge file must not keep ffmpeg busy forever. */
const REMUX_TIMEOUT_MS = 120_000

const MUXER: Record<VideoContainer, string[]> = {
  mp4: ['-f', 'mp4', '-movflags', '+faststart'],
  mov: ['-f', 'mov', '-movflags', '+faststart'],
  webm: ['-f', 'webm'],
}

/** The video without metadata and a PNG poster (null if no frame could be decoded). Never throws. */
export async function cleanVideo(
  input: Buffer,
  container: VideoContainer,
  ffmpeg = 'ffmpeg',
): Promise<VideoResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'schoolpost-video-'))
  try {
    const source = path.join(dir, `in.${container}`)
    const target = path.join(dir, `out.${container}`)
    await writeFile(source, input)
    const remux = await runFfmpeg(
      ffmpeg,
      [
        ...['-hide_banner', '-nostdin', '-v', 'error'],
        ...safeInput(container, source),
        // The first video stream and, if there is one, the first audio stream; nothing else
        // (no subtitle, data or timecode tracks, which can carry metadata of their own).
        ...['-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy'],
        ...['-map_metadata', '-1', '-map_metadata:s:v', '-1', '-map_metadata:s:a', '-1'],
        ...['-map_chapters', '-1', '-fflags', '+bitexact'],
        ...['-flags:v', '+bitexact', '-flags:a', '+bitexact'],
        ...MUXER[container],
        target,
      ],
      REMUX_TIMEOUT_MS,
    )
    if (remux === 'missing') return { ok: false, reason: 'unavailable' }
    if (remux !== 'ok') return { ok: false, reason: 'unreadable' }
    const video = await readFile(target)
    if (video.length === 0) return { ok: false, reason: 'unreadable' }
    return { ok: true, video, poster: await videoPoster(ffmpeg, target, container, dir) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
