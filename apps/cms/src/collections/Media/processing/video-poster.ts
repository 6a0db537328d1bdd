import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { runFfmpeg, safeInput, type VideoContainer } from './ffmpeg'

/** A hostile or huge file must not keep ffmpeg busy forever. */
const POSTER_TIMEOUT_MS = 30_000

/**
 * The poster the portal shows before playback, as a PNG (null if no frame could be decoded): one
 * frame a second in, or the first frame of a shorter clip. ffmpeg applies the display rotation
 * while decoding. `dir` is a private temporary directory of the caller's.
 */
export async function videoPoster(
  ffmpeg: string,
  video: string,
  container: VideoContainer,
  dir: string,
): Promise<Buffer | null> {
  const poster = path.join(dir, 'poster.png')
  // A second in skips a black first frame; a shorter clip has no frame there, so fall back.
  for (const at of ['1', '0']) {
    const outcome = await runFfmpeg(
      ffmpeg,
      [
        ...['-hide_banner', '-nostdin', '-v', 'error', '-y', '-ss', at],
        ...safeInput(container, video),
        ...['-map', '0:v:0', '-frames:v', '1', '-f', 'image2', '-c:v', 'png', poster],
      ],
      POSTER_TIMEOUT_MS,
    )
    if (outcome !== 'ok') continue
    const png = await readFile(poster).catch(() => null)
    if (png?.length) return png
  }
  return null
}
