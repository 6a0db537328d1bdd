import { execFile } from 'node:child_process'

/** The video containers we take, as recognised from the bytes. */
export type VideoContainer = 'mp4' | 'mov' | 'webm'

/**
 * ffmpeg's input options for an upload: the demuxer is the one the bytes were recognised as, and
 * only plain files may be opened, so a crafted upload cannot make ffmpeg read a playlist, another
 * file or a URL.
 */
export function safeInput(container: VideoContainer, file: string): string[] {
  return ['-protocol_whitelist', 'file', '-f', DEMUXER[container], '-i', file]
}

const DEMUXER: Record<VideoContainer, string> = { mp4: 'mov', mov: 'mov', webm: 'matroska' }

/** Runs ffmpeg (or another command) to its end; 'missing' when it is not installed. */
export function runFfmpeg(
  command: string,
  args: string[],
  timeout: number,
): Promise<'ok' | 'failed' | 'missing'> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout, maxBuffer: 1024 * 1024 }, (error) => {
      if (!error) return resolve('ok')
      resolve((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'failed')
    })
  })
}
