import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { DEFAULT_CMS_URL, DEFAULT_SCHOOL_NAME, EnvError, parsePortalEnv } from './env'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-env-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const strongSecret = 'p'.repeat(32)

describe('parsePortalEnv', () => {
  it('has development defaults and generates a persistent secret', () => {
    const dir = tempDir()
    const env = parsePortalEnv({}, dir)
    expect(env).toMatchObject({
      schoolpostEnv: 'development',
      isProduction: false,
      cmsUrl: DEFAULT_CMS_URL,
      cmsTimeoutMs: 5000,
      schoolName: DEFAULT_SCHOOL_NAME,
    })
    const file = path.join(dir, '.dev-secret')
    expect(env.sessionSecret).toHaveLength(64)
    expect(readFileSync(file, 'utf8')).toBe(env.sessionSecret)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(parsePortalEnv({}, dir).sessionSecret).toBe(env.sessionSecret)
  })

  it('treats empty values as unset and trims a trailing slash', () => {
    const env = parsePortalEnv(
      { CMS_URL: 'https://cms.school.test/', SCHOOL_NAME: '', SCHOOLPOST_ENV: '' },
      tempDir(),
    )
    expect(env.cmsUrl).toBe('https://cms.school.test')
    expect(env.schoolName).toBe(DEFAULT_SCHOOL_NAME)
    expect(env.schoolpostEnv).toBe('development')
  })

  it('has default rate limits and reads "<points>/<seconds>" from the environment', () => {
    expect(parsePortalEnv({}, tempDir()).rateLimits).toEqual({
      login: { points: 10, durationSeconds: 300 },
      'password-reset': { points: 5, durationSeconds: 900 },
      token: { points: 20, durationSeconds: 900 },
      report: { points: 10, durationSeconds: 3600 },
      feed: { points: 300, durationSeconds: 900 },
    })
    const env = parsePortalEnv(
      {
        RATE_LIMIT_LOGIN: '1000/60',
        RATE_LIMIT_PASSWORD_RESET: '50/600',
        RATE_LIMIT_TOKEN: '',
        RATE_LIMIT_REPORT: '3/60',
        RATE_LIMIT_FEED: '30/60',
      },
      tempDir(),
    )
    expect(env.rateLimits).toEqual({
      login: { points: 1000, durationSeconds: 60 },
      'password-reset': { points: 50, durationSeconds: 600 },
      token: { points: 20, durationSeconds: 900 },
      report: { points: 3, durationSeconds: 60 },
      feed: { points: 30, durationSeconds: 60 },
    })
  })

  it('refuses a TRUSTED_PROXIES entry that is not an IP address, and accepts a list', () => {
    expect(() => parsePortalEnv({ TRUSTED_PROXIES: '127.0.0.1,proxy' }, tempDir())).toThrow(
      /TRUSTED_PROXIES: TRUSTED_PROXIES moet een lijst IP-adressen zijn.*"proxy" is geen IP-adres/,
    )
    expect(() => parsePortalEnv({ TRUSTED_PROXIES: '10.0.0.2, ::1' }, tempDir())).not.toThrow()
  })

  it('reads the CMS timeout', () => {
    expect(parsePortalEnv({ CMS_TIMEOUT_MS: '15000' }, tempDir()).cmsTimeoutMs).toBe(15000)
  })

  it('requires a strong secret in production and uses it', () => {
    expect(() => parsePortalEnv({ SCHOOLPOST_ENV: 'production' }, tempDir())).toThrow(
      /PORTAL_SESSION_SECRET is verplicht in productie/,
    )
    const env = parsePortalEnv(
      { SCHOOLPOST_ENV: 'production', PORTAL_SESSION_SECRET: strongSecret },
      tempDir(),
    )
    expect(env).toMatchObject({ isProduction: true, sessionSecret: strongSecret })
  })

  it('allows the test clock outside production only, as an absolute path', () => {
    expect(parsePortalEnv({ TEST_CLOCK_FILE: '/tmp/clock.json' }, tempDir()).testClockFile).toBe(
      '/tmp/clock.json',
    )
    expect(parsePortalEnv({ TEST_CLOCK_FILE: 'clock.json' }, tempDir()).testClockFile).toBe(
      path.resolve('clock.json'),
    )
    expect(parsePortalEnv({}, tempDir()).testClockFile).toBeNull()
    expect(parsePortalEnv({ TEST_CLOCK_FILE: ' ' }, tempDir()).testClockFile).toBeNull()
    expect(() =>
      parsePortalEnv(
        {
          SCHOOLPOST_ENV: 'production',
          PORTAL_SESSION_SECRET: strongSecret,
          TEST_CLOCK_FILE: '/tmp/clock.json',
        },
        tempDir(),
      ),
    ).toThrow(/TEST_CLOCK_FILE: TEST_CLOCK_FILE is alleen voor tests en kan in productie niet aan/)
  })

  it.each([
    [{ PORTAL_SESSION_SECRET: 'too-short' }, /PORTAL_SESSION_SECRET moet minstens 32 tekens/],
    [{ CMS_URL: 'localhost:3000' }, /CMS_URL moet een volledige http\(s\)-URL zijn/],
    [{ CMS_URL: 'ftp://cms.test' }, /CMS_URL/],
    [{ SCHOOLPOST_ENV: 'prod' }, /SCHOOLPOST_ENV moet/],
    [{ CMS_TIMEOUT_MS: 'vijf' }, /CMS_TIMEOUT_MS moet een getal zijn/],
    [{ CMS_TIMEOUT_MS: '10' }, /CMS_TIMEOUT_MS moet tussen 100 en 60000 liggen/],
    [
      { RATE_LIMIT_LOGIN: '10' },
      /RATE_LIMIT_LOGIN moet "<pogingen>\/<seconden>" zijn, bv. "10\/300"/,
    ],
    [{ RATE_LIMIT_PASSWORD_RESET: '0/900' }, /RATE_LIMIT_PASSWORD_RESET moet/],
    [{ RATE_LIMIT_TOKEN: '20 per 15 min' }, /RATE_LIMIT_TOKEN moet/],
    [{ RATE_LIMIT_REPORT: '10/1h' }, /RATE_LIMIT_REPORT moet/],
  ])('explains what is wrong: %j', (source, message) => {
    let error: unknown
    try {
      parsePortalEnv(source, tempDir())
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EnvError)
    expect((error as Error).message).toMatch(message)
  })
})
