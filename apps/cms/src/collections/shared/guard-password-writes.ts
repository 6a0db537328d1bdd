import { checkPassword, PASSWORD_MESSAGES } from '@schoolpost/policies'
import type { CollectionBeforeOperationHook } from 'payload'
import { Refusal } from '../../lib/refusal'

/**
 * Passwords are never set through a plain create/update with access checks (REST, the admin):
 * a changed password must prove the current one (POST /api/<collection>/change-password), or come
 * through a reset or invitation link, or the command line. Without this, anyone logged in could
 * `PATCH /api/parents/<own id>` with `{"password":"abc"}`, and office could set a parent's
 * password. The Local API (seed, tests, our own endpoints) passes `overrideAccess: true` and is
 * trusted.
 *
 * A new account's first password: on `parents` staff never set one (`create: 'ignored'`: the
 * field is closed and the account gets a random password, `Parents/hooks/random-first-password`),
 * so nobody at school can log in as a parent. A director creating staff may set one, which must
 * follow the password rule (`create: 'rule'`): that knows no more than the director can reach
 * anyway (a director changes any staff member's login address, and so receives the reset link),
 * the new colleague replaces it through `change-password`, and the old address is told of a moved
 * account (`notify-email-change`).
 */
export function guardPasswordWrites(messages: {
  update: string
  create: 'rule' | 'ignored'
}): CollectionBeforeOperationHook {
  return ({ args, operation, overrideAccess }) => {
    if (overrideAccess === true) return args
    const data = (args as { data?: unknown }).data
    if (typeof data !== 'object' || data === null || !('password' in data)) return args
    const password = (data as { password?: unknown }).password
    if (operation === 'update' && password !== undefined && password !== null && password !== '') {
      throw new Refusal(messages.update, 403, { code: 'password-change-elsewhere' })
    }
    if (operation === 'create' && messages.create === 'rule') {
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
