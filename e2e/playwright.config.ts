import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

import { CMS_URL, MAIL_STUB_URL, PORTAL_URL } from './support/urls'

// A fresh embedded database per run: the CMS start script migrates it and seeds the demo school.
const dbFile = path.join(os.tmpdir(), `schoolpost-e2e-${Date.now()}.db`)
const cmsPort = new URL(CMS_URL).port
// The school's clock of both apps (absence rules, the demo seed's "today"): Monday 7 December
// 2026, 08:00 in Amsterdam, running on in real time; tests move it (support/clock.ts). Written
// before the servers start, so the seed already sees it. Refused by both apps in production.
// Playwright loads this file again in every worker: the workers inherit the main process's
// file through the environment instead of making (and moving) one the servers never read.
const clockFile =
  process.env.TEST_CLOCK_FILE ?? path.join(os.tmpdir(), `schoolpost-e2e-clock-${Date.now()}.json`)
if (!process.env.TEST_CLOCK_FILE) {
  writeFileSync(clockFile, JSON.stringify({ at: '2026-12-07T07:00:00.000Z', setAt: Date.now() }))
  process.env.TEST_CLOCK_FILE = clockFile
}
const portalPort = new URL(PORTAL_URL).port

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'playwright-report/results.json' }]],
  use: {
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Debian's Chromium: Playwright never downloads a browser here.
          executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // The email provider of this run (Resend-compatible): the tests read links from it.
      name: 'mail',
      command: 'node support/mail-stub-server.ts',
      url: `${MAIL_STUB_URL}/messages`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: { MAIL_STUB_PORT: new URL(MAIL_STUB_URL).port },
    },
    {
      name: 'cms',
      command: 'pnpm --filter @schoolpost/cms start',
      cwd: '..',
      url: `${CMS_URL}/api/parents/me`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        DATABASE_URL: `file:${dbFile}`,
        CMS_PORT: cmsPort,
        CMS_URL,
        PORTAL_URL,
        SEED_DEMO: 'true',
        RESEND_API_KEY: 're_e2e_stub',
        // Every e2e request reaches the CMS from 127.0.0.1; the CMS's limits are int-tested.
        CMS_RATE_LIMIT_LOGIN_IP: '1000/60',
        CMS_RATE_LIMIT_LOGIN_ACCOUNT_IP: '1000/60',
        CMS_RATE_LIMIT_FORGOT_IP: '1000/60',
        CMS_RATE_LIMIT_FORGOT_ADDRESS: '1000/60',
        CMS_RATE_LIMIT_TOKEN_IP: '1000/60',
        CMS_RATE_LIMIT_CHANGE_PASSWORD: '1000/60',
        CMS_RATE_LIMIT_REPORT: '1000/60',
        CMS_RATE_LIMIT_ABSENCE: '1000/60',
        TEST_CLOCK_FILE: clockFile,
        RESEND_BASE_URL: MAIL_STUB_URL,
        MEDIA_DIR: path.join(os.tmpdir(), `schoolpost-e2e-media-${Date.now()}`),
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
    {
      name: 'portal',
      command: 'pnpm --filter @schoolpost/portal start',
      cwd: '..',
      url: `${PORTAL_URL}/inloggen`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: portalPort,
        HOST: '127.0.0.1',
        CMS_URL,
        PORTAL_URL,
        ASTRO_TELEMETRY_DISABLED: '1',
        // Every e2e request comes from one IP; the limits themselves are unit-tested.
        RATE_LIMIT_LOGIN: '1000/60',
        RATE_LIMIT_PASSWORD_RESET: '1000/60',
        RATE_LIMIT_TOKEN: '1000/60',
        RATE_LIMIT_REPORT: '1000/60',
        TEST_CLOCK_FILE: clockFile,
      },
    },
  ],
})
