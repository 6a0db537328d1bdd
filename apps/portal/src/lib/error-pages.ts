import { DEFAULT_SCHOOL_NAME, getPortalEnv } from './env'

/** The school name for error pages: they must render even when the configuration is broken. */
export function schoolNameForErrorPages(): string {
  try {
    return getPortalEnv().schoolName
  } catch {
    return DEFAULT_SCHOOL_NAME
  }
}
