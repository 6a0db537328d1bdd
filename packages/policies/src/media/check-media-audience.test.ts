import { describe, expect, it } from 'vitest'

import { checkMediaAudience, mediaAudienceMessage } from './check-media-audience'

const groups = new Map<string, string | null>([
  ['tess', 'group-12'],
  ['daan', 'group-12'],
  ['noor', 'group-3'],
  ['nobody', null],
])

describe('checkMediaAudience', () => {
  it('allows a photo whose tagged pupils are all in the audience’s groups', () => {
    expect(
      checkMediaAudience({
        taggedPupilIds: ['tess', 'daan'],
        pupilGroupIds: groups,
        audienceGroupIds: ['group-12'],
      }),
    ).toEqual({ ok: true })
    expect(
      checkMediaAudience({
        taggedPupilIds: ['tess', 'noor'],
        pupilGroupIds: groups,
        audienceGroupIds: ['group-3', 'group-12'],
      }),
    ).toEqual({ ok: true })
  })

  it('names the pupils of another group, a pupil in no group and an unknown pupil, once each', () => {
    expect(
      checkMediaAudience({
        taggedPupilIds: ['tess', 'noor', 'noor', 'nobody', 'gone'],
        pupilGroupIds: groups,
        audienceGroupIds: ['group-12'],
      }),
    ).toEqual({ ok: false, reason: 'pupil-outside-audience', pupilIds: ['noor', 'nobody', 'gone'] })
  })

  it('lets school-wide news show anyone, and an untagged photo go anywhere', () => {
    expect(
      checkMediaAudience({
        taggedPupilIds: ['noor', 'nobody'],
        pupilGroupIds: groups,
        audienceGroupIds: 'school',
      }),
    ).toEqual({ ok: true })
    expect(
      checkMediaAudience({ taggedPupilIds: [], pupilGroupIds: groups, audienceGroupIds: [] }),
    ).toEqual({ ok: true })
  })

  it('explains it in Dutch, singular and plural', () => {
    expect(mediaAudienceMessage({ pupilCount: 1 })).toMatch(/^Op deze foto staat een leerling uit/)
    expect(mediaAudienceMessage({ pupilCount: 3 })).toMatch(/^Op deze foto staan 3 leerlingen uit/)
  })
})
