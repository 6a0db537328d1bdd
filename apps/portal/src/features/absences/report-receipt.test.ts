import { describe, expect, it } from 'vitest'

import { hasReportReceipt, RECEIPT_COOKIE, writeReportReceipt } from './report-receipt'

/** Just enough of AstroCookies: what was set, read back. */
function jar() {
  const values = new Map<string, { value: string; options: unknown }>()
  return {
    values,
    set: (name: string, value: string | Record<string, unknown>, options?: unknown) => {
      values.set(name, { value: String(value), options })
    },
    get: (name: string) => {
      const stored = values.get(name)
      return stored ? ({ value: stored.value } as never) : undefined
    },
  }
}

const page = (query: string) => new URL(`https://ouders.school.test/absentie${query}`)

describe('report receipt', () => {
  it('is written for this page only, briefly, out of reach of scripts', () => {
    const cookies = jar()
    writeReportReceipt(cookies, 'a1b2', { secure: true })
    expect(cookies.values.get(RECEIPT_COOKIE)).toEqual({
      value: 'a1b2',
      options: { httpOnly: true, sameSite: 'lax', path: '/absentie', secure: true, maxAge: 120 },
    })
  })

  it('counts only for the report it was written for', () => {
    const cookies = jar()
    writeReportReceipt(cookies, 'a1b2', { secure: false })
    expect(hasReportReceipt(cookies, page('?gemeld=a1b2'))).toBe(true)
    expect(hasReportReceipt(cookies, page('?gemeld=ffff'))).toBe(false)
    expect(hasReportReceipt(cookies, page(''))).toBe(false)
  })

  it('a link with ?gemeld= alone (no receipt in this browser) is no receipt', () => {
    expect(hasReportReceipt(jar(), page('?gemeld=a1b2'))).toBe(false)
  })
})
