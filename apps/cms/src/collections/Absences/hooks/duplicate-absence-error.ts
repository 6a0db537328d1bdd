import type { AfterErrorHook } from 'payload'

/**
 * Two reports for one child and day that passed the look-up at the same instant: the unique
 * `activeKey` lets one in and refuses the other with Payload's "must be unique". The loser gets
 * the same Dutch 409 as a later duplicate would.
 */
export const duplicateAbsenceError: AfterErrorHook = ({ error }) => {
  const errors = (error as { data?: { errors?: { path?: string }[] } }).data?.errors
  // SQLite names the column; MongoDB names the index key, FerretDB nothing (path ""): in this
  // collection only `activeKey` is unique, and field validation always names its field.
  if (errors?.some((e) => e.path === 'activeKey' || e.path === '')) {
    return {
      status: 409,
      response: {
        errors: [
          {
            message:
              'Voor dit kind is op deze dag al een melding gedaan. U ziet die in het overzicht.',
            data: { code: 'duplicate' },
          },
        ],
      },
    }
  }
  return undefined
}
