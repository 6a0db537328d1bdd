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
