import { APIError, type Config } from 'payload'

/**
 * A refusal of the caller's request (a 4xx with a public Dutch message): logged as one info line,
 * not as an error with a stack, so a caller cannot fill the error log by asking for what is
 * refused (`loggingLevels` in payload.config.ts matches on the name). The name is set by hand
 * because a minified build renames classes.
 */
export class Refusal extends APIError {
  constructor(message: string, status: number, data: Record<string, unknown> | null = null) {
    super(message, status, data, true)
    this.name = 'Refusal'
  }
}

/**
 * The caller's mistakes, logged as info: a missing or wrong login, a query on a field that does
 * not exist. Our refusals are logged by `hooks/log-refusal.ts` without their message (it can name
 * a child); Payload's line with the message is debug only. (Payload's type lists only its own
 * error names; it matches any.)
 */
export const refusalLoggingLevels = {
  Refusal: 'debug',
  UnauthorizedError: 'info',
  AuthenticationError: 'info',
  QueryError: 'info',
} as Config['loggingLevels']
