import { rmSync } from 'node:fs'

import { MongoClient } from 'mongodb'

/** Removes the run's throwaway databases when the run ends: the SQLite file, or every MongoDB one. */
export default function setup() {
  return async () => {
    const file = process.env.TEST_DB_FILE
    if (file) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
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
