import { createReadStream } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'

import type { S3Settings } from '../../../env'

/**
 * The stored files of the media collection, wherever they live: MEDIA_DIR on disk, or an
 * S3-compatible bucket when S3_BUCKET is set. Payload (and @payloadcms/storage-s3) write the
 * uploads and their sizes; this is for the files the app writes itself (video posters), the
 * Dutch "not found" answer, and for tests and scripts that look at what was stored. Names are
 * Payload's file names (no folders); the S3 key is `<S3_PREFIX>/<name>`, as the plugin makes it.
 */
export type MediaFiles = {
  kind: 'disk' | 's3'
  write(filename: string, data: Buffer, mimeType: string): Promise<void>
  /** The stored bytes, or null when there is no such file. */
  read(filename: string): Promise<Buffer | null>
  /** The stored bytes as a stream (a zip of many files holds one chunk at a time), or null. */
  open(filename: string): Promise<ReadableStream<Uint8Array> | null>
  exists(filename: string): Promise<boolean>
  /** Removes a file; no error when it is already gone. */
  remove(filename: string): Promise<void>
  /** Every stored file name (tests and operators; a bucket is listed page by page). */
  list(): Promise<string[]>
}

/** A plain file name only: what Payload stores; anything with a folder part is refused. */
function checkName(filename: string): string {
  if (!filename || filename !== path.posix.basename(filename) || filename.includes('\\')) {
    throw new Error(`Not a media file name: ${JSON.stringify(filename)}`)
  }
  if (filename === '.' || filename === '..') throw new Error('Not a media file name.')
  return filename
}

export function diskMediaFiles(mediaDir: string): MediaFiles {
  const root = path.resolve(mediaDir)
  const fileOf = (filename: string) => path.join(root, checkName(filename))
  return {
    kind: 'disk',
    async write(filename, data) {
      await mkdir(root, { recursive: true })
      await writeFile(fileOf(filename), data)
    },
    async read(filename) {
      return readFile(fileOf(filename)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null
        throw error
      })
    },
    async open(filename) {
      const file = fileOf(filename)
      if (
        !(await stat(file).then(
          (s) => s.isFile(),
          () => false,
        ))
      )
        return null
      return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>
    },
    async exists(filename) {
      return stat(fileOf(filename)).then(
        (s) => s.isFile(),
        () => false,
      )
    },
    async remove(filename) {
      await rm(fileOf(filename), { force: true })
    },
    async list() {
      return readdir(root).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return []
        throw error
      })
    },
  }
}

/** The S3 client settings of the app's own calls and of @payloadcms/storage-s3 alike. */
export function s3ClientConfig(s3: S3Settings) {
  return {
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  }
}

export function s3Key(s3: Pick<S3Settings, 'prefix'>, filename: string): string {
  return s3.prefix ? `${s3.prefix}/${checkName(filename)}` : checkName(filename)
}

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}

export function s3MediaFiles(
  s3: S3Settings,
  client = new S3Client(s3ClientConfig(s3)),
): MediaFiles {
  return {
    kind: 's3',
    async write(filename, data, mimeType) {
      await client.send(
        new PutObjectCommand({
          Bucket: s3.bucket,
          Key: s3Key(s3, filename),
          Body: data,
          ContentType: mimeType,
        }),
      )
    },
    async read(filename) {
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket: s3.bucket, Key: s3Key(s3, filename) }),
        )
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null
      } catch (error) {
        if (isNotFound(error)) return null
        throw error
      }
    },
    async open(filename) {
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket: s3.bucket, Key: s3Key(s3, filename) }),
        )
        return answer.Body
          ? (answer.Body.transformToWebStream() as ReadableStream<Uint8Array>)
          : null
      } catch (error) {
        if (isNotFound(error)) return null
        throw error
      }
    },
    async exists(filename) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: s3Key(s3, filename) }))
        return true
      } catch (error) {
        if (isNotFound(error)) return false
        throw error
      }
    },
    async remove(filename) {
      await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: s3Key(s3, filename) }))
    },
    async list() {
      const names: string[] = []
      const start = s3.prefix ? `${s3.prefix}/` : ''
      let token: string | undefined
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: s3.bucket,
            Prefix: start || undefined,
            ContinuationToken: token,
          }),
        )
        for (const item of page.Contents ?? []) {
          const name = item.Key?.slice(start.length)
          // Only this install's own files: not those of a longer prefix sharing the bucket.
          if (name && !name.includes('/')) names.push(name)
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return names
    },
  }
}

export function mediaFilesFor(settings: { mediaDir: string; s3: S3Settings | null }): MediaFiles {
  return settings.s3 ? s3MediaFiles(settings.s3) : diskMediaFiles(settings.mediaDir)
}
