import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { MongoClient } from 'mongodb'

/**
 * Removes the run's throwaway data when the run ends: the SQLite file, or every MongoDB database
 * of the run, and the media folders (one, or one per file on the MongoDB leg).
 */
export default function setup() {
  return async () => {
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
