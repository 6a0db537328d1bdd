import { describe, expect, it } from 'vitest'

import { isSafePostLink, sanitizePostHtml } from './sanitize-post-html'

describe('sanitizePostHtml', () => {
  it('keeps the allowed markup', () => {
    const html =
      '<h2>Kop</h2><h3>Tussenkop</h3><p>Een <strong>vet</strong>, <em>schuin</em>, <u>onderstreept</u> ' +
      'en <s>doorgehaald</s> woord.<br />Nieuwe regel.</p><ul><li>een</li></ul><ol><li>twee</li></ol>' +
      '<blockquote>Citaat</blockquote>'
    expect(sanitizePostHtml(html)).toBe(html)
  })

  it('removes script and style elements with their content', () => {
    expect(
      sanitizePostHtml('<p>Hallo<script>alert(1)</script></p><style>p{color:red}</style>'),
    ).toBe('<p>Hallo</p>')
  })

  it('keeps escaped text that only looks like markup as text', () => {
    const out = sanitizePostHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
    expect(out).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
    expect(out).not.toContain('<script')
  })

  it('drops event handlers, style, class and id attributes', () => {
    expect(
      sanitizePostHtml(
        '<p style="color:red" class="x" id="y" onclick="alert(1)">Tekst</p><img src="x" onerror="alert(1)">',
      ),
    ).toBe('<p>Tekst</p>')
  })

  it('drops tags outside the allowlist but keeps their text', () => {
    expect(
      sanitizePostHtml(
        '<div><h1>Groot</h1><span style="x">klein</span><iframe src="https://x.test"></iframe></div>',
      ),
    ).toBe('Grootklein')
  })

  it('gives safe links rel and target, whatever they had', () => {
    expect(
      sanitizePostHtml(
        '<a href="https://school.test/agenda" target="_top" rel="opener">Agenda</a>',
      ),
    ).toBe(
      '<a href="https://school.test/agenda" rel="noopener noreferrer nofollow" target="_blank">Agenda</a>',
    )
    expect(sanitizePostHtml('<a href="mailto:juf@school.test">Mail</a>')).toBe(
      '<a href="mailto:juf@school.test" rel="noopener noreferrer nofollow" target="_blank">Mail</a>',
    )
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java&#09;script:alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/png;base64,iVBORw0KGgo=',
    'vbscript:msgbox(1)',
    '//evil.test/x',
    '/relatief',
    'https://',
    'ftp://files.test/x',
  ])('removes the link but keeps the text for href %s', (href) => {
    expect(sanitizePostHtml(`<p><a href="${href}" onclick="x()">klik</a></p>`)).toBe('<p>klik</p>')
  })
})

describe('isSafePostLink', () => {
  it('accepts absolute http(s) with a host and mailto', () => {
    expect(isSafePostLink('http://school.test')).toBe(true)
    expect(isSafePostLink('https://school.test/a?b=c#d')).toBe(true)
    expect(isSafePostLink('mailto:a@b.test')).toBe(true)
  })
  it('refuses everything else', () => {
    for (const href of ['', 'https://', 'mailto:', 'javascript:alert(1)', 'tel:123', 'x']) {
      expect(isSafePostLink(href)).toBe(false)
    }
  })
})
