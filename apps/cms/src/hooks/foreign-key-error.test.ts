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

  it('finds MongoDB’s refusal to read an id of the wrong form as a link', () => {
    const cast = Object.assign(new Error('Cast to ObjectId failed for value "x"'), {
      name: 'CastError',
      kind: 'ObjectId',
    })
    expect(isForeignKeyViolation(cast)).toBe(true)
    expect(isForeignKeyViolation(new Error('wrapped', { cause: cast }))).toBe(true)
    // A cast of another kind is a wrong type, not a link (hooks/bad-input-error.ts).
    expect(
      isForeignKeyViolation(Object.assign(new Error('x'), { name: 'CastError', kind: 'string' })),
    ).toBe(false)
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
