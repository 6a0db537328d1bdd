import { describe, expect, it } from 'vitest'

import { postedForm } from './posted-form'

const url = 'http://portal.test/account'

describe('postedForm', () => {
  it('nothing for a GET', async () => {
    expect(await postedForm(new Request(url), ['name'])).toBeUndefined()
  })

  it('the named fields of a posted form (missing ones as null)', async () => {
    const body = new URLSearchParams({ name: 'Fatima', extra: 'x' })
    expect(await postedForm(new Request(url, { method: 'POST', body }), ['name', 'phone'])).toEqual(
      { name: 'Fatima', phone: null },
    )
  })

  it('an unreadable body gives empty fields, not an error', async () => {
    const request = new Request(url, {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    })
    expect(await postedForm(request, ['name'])).toEqual({})
  })
})
