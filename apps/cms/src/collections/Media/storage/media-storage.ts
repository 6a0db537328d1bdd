import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Config, Field } from 'payload'

import type { S3Settings } from '../../../env'
import { isStaffField } from '../../../access/is-staff-field'
import { missingFileHandler, notFoundAnswer } from '../endpoints/missing-file'
import { s3ClientConfig } from './media-files'

type UploadHandler = NonNullable<
  Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']
>[number]

const MEDIA = 'media'

/**
 * Where the media collection keeps its files (issue #12): MEDIA_DIR on disk by default, an
 * S3-compatible bucket when S3_BUCKET is set (@payloadcms/storage-s3). Either way a file is only
 * ever served through Payload's file endpoint after `mediaRead` — with S3 the CMS streams the
 * object from the private bucket itself (`disablePayloadAccessControl` stays off, no signed or
 * public bucket URL is ever handed out). The plugin's fields (`prefix`, `_objectKey`) are
 * inserted in both modes so the database schema does not depend on where files live; keys are
 * `<S3_PREFIX>/<file name>`, independent of anything stored with the document.
 */
export function mediaStorage(settings: { mediaDir: string; s3: S3Settings | null }) {
  const { s3 } = settings
  return async (incoming: Config): Promise<Config> => {
    const config = await s3Storage({
      enabled: Boolean(s3),
      alwaysInsertFields: true,
      bucket: s3?.bucket ?? 'disabled',
      config: s3 ? s3ClientConfig(s3) : {},
      clientCacheKey: s3 ? `schoolpost:${s3.endpoint ?? 'aws'}:${s3.bucket}` : undefined,
      collections: { [MEDIA]: { prefix: s3?.prefix ?? '' } },
      useCompositePrefixes: true,
    })(incoming)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) =>
        collection.slug === MEDIA ? withStorageDetails(collection, settings) : collection,
      ),
    }
  }
}

function withStorageDetails(
  collection: CollectionConfig,
  { mediaDir, s3 }: { mediaDir: string; s3: S3Settings | null },
): CollectionConfig {
  const upload = typeof collection.upload === 'object' ? collection.upload : {}
  // On disk: a Dutch 404 before Payload's own fallback turns a missing file into a 500. On S3:
  // the plugin's handler answers a missing object with an empty 404; the same Dutch one instead.
  const handlers: UploadHandler[] = s3
    ? (upload.handlers ?? []).map((handler) => dutchNotFound(handler))
    : [missingFileHandler(mediaDir), ...(upload.handlers ?? [])]
  return {
    ...collection,
    upload: { ...upload, handlers },
    // Where the object lies is the server's (`closeUploadFields` drops it from callers' data) and
    // nothing for a parent to read.
    fields: collection.fields.map((field) =>
      field.type === 'text' && (field.name === 'prefix' || field.name === '_objectKey')
        ? ({ ...field, access: { ...field.access, read: isStaffField } } satisfies Field)
        : field,
    ),
  }
}

function dutchNotFound(handler: UploadHandler): UploadHandler {
  const wrapped = async (...args: Parameters<UploadHandler>) => {
    const answer: unknown = await handler(...args)
    if (answer instanceof Response && answer.status === 404) {
      await answer.body?.cancel()
      return notFoundAnswer()
    }
    return answer
  }
  return wrapped as UploadHandler
}
