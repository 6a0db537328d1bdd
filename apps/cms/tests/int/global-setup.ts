import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'
import { MongoClient } from 'mongodb'

/**
 * Removes the run's throwaway data when the run ends: the SQLite file, or every MongoDB database
 * of the run, and the media folders (one, or one per file on the MongoDB leg).
 */
export default async function setup() {
  const s3 = testBucket()
  if (s3) {
    // The S3 leg's server starts empty: the bucket is made once, as an operator would.
    const exists = await s3.client.send(new HeadBucketCommand({ Bucket: s3.bucket })).then(
      () => true,
      () => false,
    )
    if (!exists) await s3.client.send(new CreateBucketCommand({ Bucket: s3.bucket }))
  }
  return async () => {
    if (s3) await emptyRunPrefix(s3)
    const file = process.env.TEST_DB_FILE
    if (file) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    const media = process.env.TEST_MEDIA_DIR
    if (media) {
      const dir = path.dirname(media)
      for (const name of readdirSync(dir)) {
        if (name === path.basename(media) || name.startsWith(`${path.basename(media)}-`))
          rmSync(path.join(dir, name), { recursive: true, force: true })
      }
    }
    const prefix = process.env.TEST_MONGODB_PREFIX
    const url = process.env.TEST_MONGODB_URL
    if (!prefix || !url) return
    const client = await MongoClient.connect(url)
    try {
      const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true })
      for (const { name } of databases) {
        if (name.startsWith(prefix)) await client.db(name).dropDatabase()
      }
    } finally {
      await client.close()
    }
  }
}

function testBucket() {
  const endpoint = process.env.TEST_S3_ENDPOINT
  const prefix = process.env.TEST_S3_PREFIX
  if (!endpoint || !prefix) return null
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: {
      accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? '',
    },
  })
  return { client, bucket: 'schoolpost-int', prefix }
}

async function emptyRunPrefix(s3: NonNullable<ReturnType<typeof testBucket>>) {
  let token: string | undefined
  do {
    const page = await s3.client.send(
      new ListObjectsV2Command({
        Bucket: s3.bucket,
        Prefix: `${s3.prefix}/`,
        ContinuationToken: token,
      }),
    )
    const keys = (page.Contents ?? []).flatMap((item) => (item.Key ? [{ Key: item.Key }] : []))
    if (keys.length) {
      await s3.client.send(
        new DeleteObjectsCommand({ Bucket: s3.bucket, Delete: { Objects: keys, Quiet: true } }),
      )
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  s3.client.destroy()
}
