import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { EnvError, parseEnv } from './env'

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'sp-env-'))

describe('parseEnv', () => {
  it('defaults to the embedded SQLite file and a generated, persisted development secret', () => {
    const dir = tmp()
    const env = parseEnv({}, dir)
    expect(env.databaseUrl).toBe(`file:${path.join(dir, 'schoolpost.db')}`)
    expect(env.payloadSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(existsSync(path.join(dir, '.dev-secret'))).toBe(true)
    expect(parseEnv({}, dir).payloadSecret).toBe(
      readFileSync(path.join(dir, '.dev-secret'), 'utf8'),
    )
    expect(env.seedDemo).toBe(true)
    expect(env.isProduction).toBe(false)
  })

  it('runs jobs in the web process unless JOBS_RUNNER=off leaves them to the worker', () => {
    expect(parseEnv({}, tmp()).jobsInProcess).toBe(true)
    expect(parseEnv({ JOBS_RUNNER: 'in-process' }, tmp()).jobsInProcess).toBe(true)
    expect(parseEnv({ JOBS_RUNNER: 'off' }, tmp()).jobsInProcess).toBe(false)
    expect(() => parseEnv({ JOBS_RUNNER: 'nee' }, tmp())).toThrow(/JOBS_RUNNER moet/)
  })

  it('keeps media on disk unless S3_BUCKET and its keys are set', () => {
    expect(parseEnv({}, tmp()).s3).toBeNull()
    // An .env copied from .env.example: every S3_ line present and empty.
    const empty = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_ENDPOINT']
      .concat(['S3_REGION', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX'])
      .map((name) => [name, ''])
    expect(parseEnv(Object.fromEntries(empty), tmp()).s3).toBeNull()
    const keys = { S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' }
    expect(
      parseEnv({ ...keys, S3_BUCKET: 'school-media', S3_ENDPOINT: 'http://127.0.0.1:7070' }, tmp())
        .s3,
    ).toEqual({
      bucket: 'school-media',
      endpoint: 'http://127.0.0.1:7070',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      prefix: '',
    })
    // AWS itself: virtual-hosted style, the region as given; a prefix loses its slashes.
    const aws = parseEnv(
      { ...keys, S3_BUCKET: 'school-media', S3_REGION: 'eu-central-1', S3_PREFIX: '/linde/' },
      tmp(),
    ).s3
    expect(aws).toMatchObject({
      endpoint: undefined,
      region: 'eu-central-1',
      forcePathStyle: false,
    })
    expect(aws?.prefix).toBe('linde')
  })

  it('allows the test clock outside production only', () => {
    expect(parseEnv({ TEST_CLOCK_FILE: '/tmp/clock.json' }, tmp()).testClockFile).toBe(
      '/tmp/clock.json',
    )
    expect(parseEnv({}, tmp()).testClockFile).toBeNull()
    expect(() =>
      parseEnv(
        {
          SCHOOLPOST_ENV: 'production',
          PAYLOAD_SECRET: 'x'.repeat(40),
          RESEND_API_KEY: 're_live',
          TEST_CLOCK_FILE: '/tmp/clock.json',
        },
        tmp(),
      ),
    ).toThrow(/TEST_CLOCK_FILE is alleen voor tests/)
  })

  it('refuses half an S3 configuration, in Dutch', () => {
    expect(() => parseEnv({ S3_ENDPOINT: 'http://127.0.0.1:7070' }, tmp())).toThrow(
      /S3_BUCKET ontbreekt/,
    )
    expect(() => parseEnv({ S3_BUCKET: 'school-media' }, tmp())).toThrow(
      /S3_ACCESS_KEY_ID en S3_SECRET_ACCESS_KEY verplicht/,
    )
    const keys = { S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' }
    expect(() => parseEnv({ ...keys, S3_BUCKET: 'School_Media' }, tmp())).toThrow(
      /geldige bucketnaam/,
    )
    expect(() =>
      parseEnv({ ...keys, S3_BUCKET: 'school-media', S3_PREFIX: 'a/../b' }, tmp()),
    ).toThrow(/S3_PREFIX mag geen/)
    expect(() =>
      parseEnv({ ...keys, S3_BUCKET: 'school-media', S3_ENDPOINT: 'geen url' }, tmp()),
    ).toThrow(/S3_ENDPOINT moet/)
  })

  it('requires a strong PAYLOAD_SECRET in production, in Dutch', () => {
    expect(() => parseEnv({ SCHOOLPOST_ENV: 'production' }, tmp())).toThrow(EnvError)
    expect(() =>
      parseEnv({ SCHOOLPOST_ENV: 'production', PAYLOAD_SECRET: 'short' }, tmp()),
    ).toThrow(/PAYLOAD_SECRET is verplicht in productie/)
    const env = parseEnv(
      { SCHOOLPOST_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40), RESEND_API_KEY: 're_live' },
      tmp(),
    )
    expect(env.isProduction).toBe(true)
    expect(env.seedDemo).toBe(false)
    expect(env.mailCaptureDir).toBeNull()
  })

  it('requires an email provider in production: captured mail is a development mode', () => {
    expect(() =>
      parseEnv({ SCHOOLPOST_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40) }, tmp()),
    ).toThrow(/RESEND_API_KEY is verplicht in productie/)
    const dir = tmp()
    expect(parseEnv({}, dir).mailCaptureDir).toBe(path.join(dir, 'mail'))
    expect(parseEnv({ SCHOOLPOST_ENV: 'test' }, tmp()).mailCaptureDir).toBeNull()
  })

  it('rejects an unknown database scheme and a malformed URL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgres://x/y' }, tmp())).toThrow(
      /DATABASE_URL moet leeg zijn/,
    )
    expect(() => parseEnv({ CMS_URL: 'not a url' }, tmp())).toThrow(/CMS_URL/)
  })

  it('accepts MongoDB URLs and strips trailing slashes from URLs', () => {
    const env = parseEnv(
      {
        DATABASE_URL: 'mongodb://127.0.0.1/schoolpost',
        CMS_URL: 'http://cms.test/',
        PORTAL_URL: 'http://portal.test/',
      },
      tmp(),
    )
    expect(env.databaseUrl).toBe('mongodb://127.0.0.1/schoolpost')
    expect(env.cmsUrl).toBe('http://cms.test')
    expect(env.portalUrl).toBe('http://portal.test')
  })
})
