import { describe, expect, it } from 'vitest'

import { getMediaNotice } from './get-media-notice'

describe('getMediaNotice', () => {
  it("names the group's parents for a group post", () => {
    expect(getMediaNotice({ audience: 'groups' })).toBe(
      "Foto's en video's zijn alleen voor ouders van deze groep. Deel ze niet buiten Schoolpost.",
    )
  })

  it('names the guardians in a conversation', () => {
    expect(getMediaNotice({ audience: 'conversation' })).toBe(
      "Foto's en video's in dit gesprek zijn alleen voor jullie. Deel ze niet buiten Schoolpost.",
    )
  })

  it("names the school's parents for a school-wide post", () => {
    expect(getMediaNotice({ audience: 'school' })).toBe(
      "Foto's en video's zijn alleen voor ouders van onze school. Deel ze niet buiten Schoolpost.",
    )
  })
})
