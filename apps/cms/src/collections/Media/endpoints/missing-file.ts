import { stat } from 'node:fs/promises'
import path from 'node:path'

import type { CollectionConfig } from 'payload'

type UploadHandler = NonNullable<
  Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']
>[number]

/** The Dutch answer for a file that is not stored (on disk or in the bucket). */
export function notFoundAnswer(): Response {
  return Response.json({ errors: [{ message: 'Dit bestand bestaat niet.' }] }, { status: 404 })
}

/**
 * `GET /api/media/file/<name>` for a name that is not on disk. Access comes first (a parent only
 * reaches this for a file they may see); staff may read every media, so Payload then finds no
 * file and answers a 500 ("Something went wrong.") with an error log line. A Dutch 404 instead;
 * an existing file falls through to Payload's own streaming (Range, types, headers).
 */
export function missingFileHandler(staticDir: string): UploadHandler {
  const root = path.resolve(staticDir)
  const handler = async (
    _req: unknown,
    { params }: { params: { filename: string } },
  ): Promise<Response | undefined> => {
    const file = path.resolve(root, params.filename)
    // Payload refuses names outside the folder itself (400): leave that to it.
    if (!file.startsWith(root + path.sep)) return
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    )
    if (found) return
    return notFoundAnswer()
  }
  // Payload's type says Promise<void> | Promise<Response>; its loop takes either per call.
  return handler as UploadHandler
}
