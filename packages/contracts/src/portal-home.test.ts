import { describe, expect, it } from 'vitest'

import { mediaFilename, portalHomeAnswer, portalHomeQuery, portalMedia } from './index'
import { exampleHomeAnswer } from './testing/example-home'

describe('portalHomeQuery', () => {
  it('defaults to the first page of everything', () => {
    expect(portalHomeQuery.parse({})).toEqual({ pagina: 1 })
  })

  it('reads a page number and a group id from the query string', () => {
    expect(
      portalHomeQuery.parse({ groep: '0f9c2b4e-1a2b-4c3d-8e9f-001122334455', pagina: '3' }),
    ).toEqual({
      groep: '0f9c2b4e-1a2b-4c3d-8e9f-001122334455',
      pagina: 3,
    })
  })

  it.each([
    { pagina: '0' },
    { pagina: '1001' },
    { pagina: 'x' },
    { groep: '../posts' },
    { groep: '' },
  ])('refuses %o', (query) => {
    expect(portalHomeQuery.safeParse(query).success).toBe(false)
  })
})

describe('media in answers', () => {
  it('never accepts a path as a file name', () => {
    for (const bad of ['../secret.webp', '.env', 'a/b.webp', 'a..b.webp', '']) {
      expect(mediaFilename.safeParse(bad).success).toBe(false)
    }
    expect(mediaFilename.safeParse('hutten-bouwen-400x300.webp').success).toBe(true)
  })

  it('tells images from videos by their kind', () => {
    const image = portalMedia.parse({
      kind: 'image',
      id: 'm1',
      alt: null,
      sizes: {
        thumbnail: { filename: 'a-400x300.webp', width: 400, height: 300, mimeType: 'image/webp' },
      },
    })
    expect(image.kind).toBe('image')
    expect(portalMedia.safeParse({ kind: 'video', id: 'm2', alt: null, sizes: {} }).success).toBe(
      false,
    )
  })
})

describe('portalHomeAnswer', () => {
  it('accepts a start page without posts and refuses one without the school', () => {
    const answer = exampleHomeAnswer()
    expect(portalHomeAnswer.parse(answer)).toEqual(answer)
    const { school: _school, ...withoutSchool } = answer
    expect(portalHomeAnswer.safeParse(withoutSchool).success).toBe(false)
  })
})
