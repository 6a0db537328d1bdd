import type { AfterErrorHook } from 'payload'

const MESSAGE = 'Een gekoppeld item bestaat niet (meer). Kies het opnieuw en probeer het nog eens.'

/**
 * Whether SQLite refused a write because a linked row does not exist, or MongoDB could not even
 * read an id as one (a link of the wrong form), anywhere in the causes.
 */
export function isForeignKeyViolation(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false
  const { code, message, cause, name, kind } = error as {
    code?: unknown
    message?: unknown
    cause?: unknown
    name?: unknown
    kind?: unknown
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return true
  if (name === 'CastError' && kind === 'ObjectId') return true
  if (typeof message === 'string' && message.includes('FOREIGN KEY constraint failed')) return true
  return isForeignKeyViolation(cause, depth + 1)
}

/** Whether SQLite refused a write because a NOT NULL column would be emptied (anywhere in the causes). */
export function isNotNullViolation(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown }
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return true
  if (typeof message === 'string' && message.includes('NOT NULL constraint failed')) return true
  return isNotNullViolation(cause, depth + 1)
}

/**
 * A link to something that does not exist (a deleted pupil, a made-up id) is bad input, not a
 * server fault: SQLite's foreign keys refuse it and the transaction is rolled back, so nothing is
 * half written; this turns the 500 Payload would answer into a Dutch 400.
 */
export const foreignKeyError: AfterErrorHook = ({ error }) => {
  if (!isForeignKeyViolation(error)) return
  return { status: 400, response: { errors: [{ message: MESSAGE }] } }
}

/**
 * The safety net behind db/delete-rules.ts: a delete that would leave a required link empty (a
 * relationship added without a rule) is refused as a Dutch 409; the transaction is rolled back.
 */
export const stillReferencedError: AfterErrorHook = ({ error }) => {
  if (!isNotNullViolation(error)) return
  return {
    status: 409,
    response: {
      errors: [
        {
          message:
            'Dit item wordt nog gebruikt door andere gegevens en kan niet worden verwijderd.',
        },
      ],
    },
  }
}
