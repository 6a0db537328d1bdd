import { describe, expect, it } from 'vitest'

import { databaseKindFor, selectDatabaseAdapter } from './select-database-adapter'

describe('selectDatabaseAdapter', () => {
  it('picks SQLite for file: URLs', () => {
    expect(databaseKindFor('file:./data/schoolpost.db')).toBe('sqlite')
    const adapter = selectDatabaseAdapter('file:/tmp/x.db')
    expect(adapter.name).toBe('sqlite')
    expect(adapter.defaultIDType).toBe('text')
  })

  it('picks MongoDB for mongodb:// and mongodb+srv:// URLs', () => {
    expect(databaseKindFor('mongodb://127.0.0.1:27017/schoolpost?replicaSet=rs0')).toBe('mongodb')
    expect(databaseKindFor('mongodb+srv://cluster.example/schoolpost')).toBe('mongodb')
    const adapter = selectDatabaseAdapter('mongodb://127.0.0.1:27017/schoolpost')
    expect(adapter.name).toBe('mongoose')
  })

  it('refuses other schemes with a clear message', () => {
    expect(() => databaseKindFor('postgres://localhost/db')).toThrow(
      /Onbekend DATABASE_URL-schema: postgres/,
    )
  })
})
