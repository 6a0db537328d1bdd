import { checkPassword, PASSWORD_MESSAGES } from '@schoolpost/policies'
import type { CollectionBeforeOperationHook } from 'payload'
import { Refusal } from '../../lib/refusal'

/**
 * Passwords are never set through a plain create/update with access checks (REST, the admin):
 * a changed password must prove the current one (POST /api/<collection>/change-password), or come
 * through a reset or invitation link, or the command line. Without this, anyone logged in could
 * `PATCH /api/parents/<own id>` with `{"password":"abc"}`, and office could set a parent's
 * password. A new account's first password (a director creating staff, office creating a parent)
 * must follow the password rule. The Local API (seed, tests, our own endpoints) passes
 * `overrideAccess: true` and is trusted.
 */
export function guardPasswordWrites(messages: { update: string }): CollectionBeforeOperationHook {
  return ({ args, operation, overrideAccess }) => {
    if (overrideAccess === true) return args
    const data = (args as { data?: unknown }).data
    if (typeof data !== 'object' || data === null || !('password' in data)) return args
    const password = (data as { password?: unknown }).password
    if (operation === 'update' && password !== undefined && password !== null && password !== '') {
      throw new Refusal(messages.update, 403, { code: 'password-change-elsewhere' })
    }
    if (operation === 'create') {
      const record = data as { password?: unknown; email?: unknown; name?: unknown }
      const personal = [record.email, record.name].filter((v): v is string => typeof v === 'string')
      const strength = checkPassword({
        password: typeof password === 'string' ? password : '',
        personal,
      })
      if (!strength.ok) {
        throw new Refusal(PASSWORD_MESSAGES[strength.reason], 400, { code: 'weak-password' })
      }
    }
    return args
  }
}
