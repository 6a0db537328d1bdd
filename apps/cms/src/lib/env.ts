import { parseEnv } from '../env'

/** The validated environment of this process (parsed once, at start). */
export const env = parseEnv()
