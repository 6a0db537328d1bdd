import { describe, expect, it } from 'vitest'

import {
  checkMediaPublishable,
  DEFAULT_MIN_PUPILS_PER_PHOTO,
  MEDIA_PUBLISH_MESSAGES,
  mediaPublishMessage,
} from './check-media-publishable'

const base = {
  taggedPupilIds: [] as string[],
  noRecognisablePupils: false,
  minPupilsPerPhoto: DEFAULT_MIN_PUPILS_PER_PHOTO,
  refusedPupilIds: [] as string[],
}

describe('checkMediaPublishable', () => {
  it('accepts an item marked "no recognisable pupils" without tags', () => {
    expect(checkMediaPublishable({ ...base, noRecognisablePupils: true })).toEqual({ ok: true })
  })

  it('refuses an item that is both marked and tagged as contradictory', () => {
    expect(
      checkMediaPublishable({
        ...base,
        noRecognisablePupils: true,
        taggedPupilIds: ['a', 'b', 'c'],
        refusedPupilIds: ['a'],
      }),
    ).toEqual({ ok: false, reason: 'contradictory' })
  })

  it('refuses an untagged, unmarked item', () => {
    expect(checkMediaPublishable(base)).toEqual({ ok: false, reason: 'untagged' })
  })

  it('accepts exactly the minimum number of tagged pupils and refuses one fewer as a portrait', () => {
    expect(checkMediaPublishable({ ...base, taggedPupilIds: ['a', 'b'] })).toEqual({ ok: true })
    expect(checkMediaPublishable({ ...base, taggedPupilIds: ['a'] })).toEqual({
      ok: false,
      reason: 'portrait',
    })
    expect(
      checkMediaPublishable({ ...base, taggedPupilIds: ['a', 'b'], minPupilsPerPhoto: 3 }),
    ).toEqual({ ok: false, reason: 'portrait' })
    expect(
      checkMediaPublishable({ ...base, taggedPupilIds: ['a', 'b', 'c'], minPupilsPerPhoto: 3 }),
    ).toEqual({ ok: true })
    expect(checkMediaPublishable({ ...base, taggedPupilIds: ['a'], minPupilsPerPhoto: 1 })).toEqual(
      { ok: true },
    )
  })

  it('counts duplicate tags once', () => {
    expect(checkMediaPublishable({ ...base, taggedPupilIds: ['a', 'a'] })).toEqual({
      ok: false,
      reason: 'portrait',
    })
    expect(checkMediaPublishable({ ...base, taggedPupilIds: ['a', 'b', 'a'] })).toEqual({
      ok: true,
    })
  })

  it('names the refused pupils, once each, in tag order', () => {
    expect(
      checkMediaPublishable({
        ...base,
        taggedPupilIds: ['c', 'a', 'b', 'c'],
        refusedPupilIds: new Set(['a', 'c', 'z']),
      }),
    ).toEqual({ ok: false, reason: 'refused-consent', pupilIds: ['c', 'a'] })
  })

  it('reports a refused pupil before a portrait: more tags cannot cure a refusal', () => {
    expect(
      checkMediaPublishable({ ...base, taggedPupilIds: ['a'], refusedPupilIds: ['a'] }),
    ).toEqual({ ok: false, reason: 'refused-consent', pupilIds: ['a'] })
  })

  it('rejects a minimum that is not a positive integer', () => {
    for (const minPupilsPerPhoto of [0, -1, 1.5, Number.NaN]) {
      expect(() =>
        checkMediaPublishable({ ...base, taggedPupilIds: ['a', 'b'], minPupilsPerPhoto }),
      ).toThrow(RangeError)
    }
  })
})

describe('mediaPublishMessage', () => {
  it('explains a portrait with the school minimum', () => {
    expect(
      mediaPublishMessage({ result: { ok: false, reason: 'portrait' }, minPupilsPerPhoto: 2 }),
    ).toBe(
      'Een foto met minder dan 2 getagde leerlingen geldt als portretfoto en wordt niet gedeeld.',
    )
    expect(
      mediaPublishMessage({ result: { ok: false, reason: 'portrait' }, minPupilsPerPhoto: 3 }),
    ).toContain('minder dan 3 getagde leerlingen')
  })

  it('counts the refused pupils', () => {
    expect(
      mediaPublishMessage({
        result: { ok: false, reason: 'refused-consent', pupilIds: ['a', 'b'] },
        minPupilsPerPhoto: 2,
      }),
    ).toContain('De ouders van 2 getagde leerlingen')
    expect(
      mediaPublishMessage({
        result: { ok: false, reason: 'refused-consent', pupilIds: ['a'] },
        minPupilsPerPhoto: 2,
      }),
    ).toContain('De ouders van een getagde leerling')
  })

  it('has a Dutch message for every reason', () => {
    for (const message of Object.values(MEDIA_PUBLISH_MESSAGES)) {
      expect(message({ minPupilsPerPhoto: 2, pupilCount: 1 })).toMatch(/foto/)
    }
  })
})
