import { describe, expect, it } from 'vitest'

import { applyProjection } from './mongodb-compat'

describe('applyProjection (FerretDB has no projection on findAndModify)', () => {
  const doc = {
    _id: 'x1',
    title: 'Uitje',
    hash: 'geheim',
    sizes: { feed: { url: '/f', width: 800 }, full: { url: '/u', width: 1600 } },
    sessions: [
      { id: 's1', expiresAt: 'later', token: 't' },
      { id: 's2', expiresAt: 'soon', token: 'u' },
    ],
  }

  it('keeps only included fields (and _id), through sub-documents and arrays', () => {
    expect(
      applyProjection(doc, { title: true, 'sizes.feed.url': true, 'sessions.id': true }),
    ).toEqual({
      _id: 'x1',
      title: 'Uitje',
      sizes: { feed: { url: '/f' } },
      sessions: [{ id: 's1' }, { id: 's2' }],
    })
    expect(applyProjection(doc, { _id: 0, title: 1 })).toEqual({ title: 'Uitje' })
  })

  it('drops excluded fields and leaves the original untouched', () => {
    const out = applyProjection(doc, { hash: false, 'sessions.token': false })
    expect(out).toEqual({
      _id: 'x1',
      title: 'Uitje',
      sizes: doc.sizes,
      sessions: [
        { id: 's1', expiresAt: 'later' },
        { id: 's2', expiresAt: 'soon' },
      ],
    })
    expect(doc.hash).toBe('geheim')
    expect(doc.sessions[0]!.token).toBe('t')
  })

  it('passes nothing through for a missing document', () => {
    expect(applyProjection(null, { title: true })).toBeNull()
  })
})
