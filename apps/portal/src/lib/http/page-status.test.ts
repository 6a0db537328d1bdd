import { describe, expect, it } from 'vitest'

import { setPageStatus } from './page-status'

const response = () => ({ status: 200, statusText: 'OK', headers: new Headers() })

describe('setPageStatus', () => {
  it('sets the status, clears the reason phrase and adds the headers', () => {
    const r = response()
    setPageStatus(r, 429, { 'Retry-After': '60' })
    expect(r).toMatchObject({ status: 429, statusText: '' })
    expect(r.headers.get('Retry-After')).toBe('60')
  })

  it('a 503 asks to come back in 30 s, unless the page says otherwise', () => {
    const plain = response()
    setPageStatus(plain, 503)
    expect(plain.headers.get('Retry-After')).toBe('30')
    const own = response()
    setPageStatus(own, 503, { 'Retry-After': '5' })
    expect(own.headers.get('Retry-After')).toBe('5')
  })

  it('no Retry-After for other statuses', () => {
    const r = response()
    setPageStatus(r, 404)
    expect(r.headers.has('Retry-After')).toBe(false)
  })
})
