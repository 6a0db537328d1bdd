import { describe, expect, it } from 'vitest'

import { chooseNotificationMode } from './choose-notification-mode'

describe('chooseNotificationMode', () => {
  it('sends directly when an active parent never chose', () => {
    expect(
      chooseNotificationMode({ kind: 'news', accountStatus: 'active', preferences: null }),
    ).toEqual({ send: true, mode: 'direct' })
  })

  it('follows the choice for the kind of post, news and group posts separately', () => {
    const preferences = { news: 'off', group: 'digest' } as const
    expect(chooseNotificationMode({ kind: 'news', accountStatus: 'active', preferences })).toEqual({
      send: false,
      reason: 'preference-off',
    })
    expect(chooseNotificationMode({ kind: 'group', accountStatus: 'active', preferences })).toEqual(
      { send: true, mode: 'digest' },
    )
  })

  it('messages in conversations are a kind of their own', () => {
    const preferences = { news: 'direct', group: 'direct', messages: 'off' } as const
    expect(
      chooseNotificationMode({ kind: 'messages', accountStatus: 'active', preferences }),
    ).toEqual({ send: false, reason: 'preference-off' })
    expect(
      chooseNotificationMode({
        kind: 'messages',
        accountStatus: 'active',
        preferences: { news: 'off' },
      }),
    ).toEqual({ send: true, mode: 'direct' })
  })

  it.each(['invited', 'deactivated', null, undefined] as const)(
    'sends nothing to an account that is %s',
    (accountStatus) => {
      expect(
        chooseNotificationMode({
          kind: 'group',
          accountStatus,
          preferences: { group: 'direct' },
        }),
      ).toEqual({ send: false, reason: 'not-active' })
    },
  )
})
