import { describe, expect, it } from 'vitest'

import { messageSegments } from './message-text'

describe('messageSegments', () => {
  it('makes web and email addresses clickable and keeps the rest as text', () => {
    expect(messageSegments('Zie https://school.nl/rooster of mail info@school.nl.\nGroet')).toEqual(
      [
        { kind: 'text', text: 'Zie ' },
        { kind: 'link', text: 'https://school.nl/rooster', href: 'https://school.nl/rooster' },
        { kind: 'text', text: ' of mail ' },
        { kind: 'link', text: 'info@school.nl', href: 'mailto:info@school.nl' },
        { kind: 'text', text: '.\nGroet' },
      ],
    )
  })

  it('opens an address typed without a scheme over https', () => {
    expect(messageSegments('Kijk op www.bibliotheek.nl')).toEqual([
      { kind: 'text', text: 'Kijk op ' },
      { kind: 'link', text: 'www.bibliotheek.nl', href: 'https://www.bibliotheek.nl/' },
    ])
  })

  it('leaves ftp and protocol-relative addresses as text', () => {
    expect(messageSegments('ftp://x.nl //a.nl')).toEqual([
      { kind: 'text', text: 'ftp://x.nl //a.nl' },
    ])
  })

  it('never makes HTML or a script address a link', () => {
    const text = '<a href="javascript:alert(1)">klik</a> javascript:alert(1) data:text/html,x'
    expect(messageSegments(text)).toEqual([{ kind: 'text', text }])
  })

  it('gives an empty list for an empty message and one text segment for plain text', () => {
    expect(messageSegments('')).toEqual([])
    expect(messageSegments('Tot morgen!')).toEqual([{ kind: 'text', text: 'Tot morgen!' }])
  })
})
