import { CmsUnavailableError } from './cms-client'

/** Logs why a CMS call failed: an outage in one line, anything unexpected with its stack. */
export function reportCmsFailure(what: string, error: unknown): void {
  if (error instanceof CmsUnavailableError) {
    console.error(`[portal] ${what} failed: ${error.message}`)
  } else {
    console.error(`[portal] Unexpected error: ${what}:`, error)
  }
}
