import { describe, expect, it } from 'vitest'

import { canEditMessage, MESSAGE_EDIT_WINDOW_MS } from './can-edit-message'

const sentAt = new Date('2026-12-07T09:00:00Z')
const after = (ms: number) => new Date(sentAt.getTime() + ms)

describe('canEditMessage', () => {
  it('allows a delivered message to be corrected for five minutes, and says until when', () => {
    expect(canEditMessage({ status: 'delivered', sentAt, now: after(0) })).toEqual({
      ok: true,
      until: after(MESSAGE_EDIT_WINDOW_MS),
    })
    expect(
      canEditMessage({ status: 'delivered', sentAt, now: after(MESSAGE_EDIT_WINDOW_MS) }).ok,
    ).toBe(true)
  })

  it('refuses a delivered message after five minutes', () => {
    expect(
      canEditMessage({ status: 'delivered', sentAt, now: after(MESSAGE_EDIT_WINDOW_MS + 1) }),
    ).toEqual({ ok: false, reason: 'too-late-to-edit' })
  })

  it('lets a held message be rephrased at any time, and never a hidden one', () => {
    expect(canEditMessage({ status: 'held', sentAt, now: after(86_400_000) })).toEqual({
      ok: true,
      until: null,
    })
    expect(canEditMessage({ status: 'hidden', sentAt, now: after(0) })).toEqual({
      ok: false,
      reason: 'hidden',
    })
  })
})
