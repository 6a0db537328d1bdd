import { describe, expect, it } from 'vitest'

import { isForeignKeyViolation } from './foreign-key-error'

describe('isForeignKeyViolation', () => {
  it('finds SQLite’s foreign-key refusal in the error or any of its causes', () => {
    const sqlite = Object.assign(
      new Error('SQLITE_CONSTRAINT_FOREIGNKEY: FOREIGN KEY constraint failed'),
      {
        code: 'SQLITE_CONSTRAINT_FOREIGNKEY',
      },
    )
    expect(isForeignKeyViolation(sqlite)).toBe(true)
    expect(isForeignKeyViolation(new Error('Failed query: insert …', { cause: sqlite }))).toBe(true)
  })

  it('leaves every other error alone', () => {
    expect(isForeignKeyViolation(new Error('SQLITE_BUSY: database is locked'))).toBe(false)
    expect(
      isForeignKeyViolation(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })),
    ).toBe(false)
    expect(isForeignKeyViolation(null)).toBe(false)
    expect(isForeignKeyViolation('FOREIGN KEY constraint failed')).toBe(false)
  })
})
