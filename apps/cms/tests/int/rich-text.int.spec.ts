import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Post } from '../../src/payload-types'
import { type LexicalDocument, lexicalParagraphs } from './helpers/lexical'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'

const text = (value: string, format = 0, style = '') => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style,
})
const element = { version: 1, format: '', indent: 0, direction: 'ltr' } as const
const link = (url: string, label: string) => ({
  ...element,
  type: 'link',
  version: 3,
  fields: { linkType: 'custom', url, newTab: false },
  children: [text(label)],
})
const paragraph = (...children: object[]) => ({
  ...element,
  type: 'paragraph',
  textFormat: 0,
  children,
})
const listItem = (value: number, label: string) => ({
  ...element,
  type: 'listitem',
  value,
  children: [text(label)],
})

/** Bold, italic, underline, strikethrough: Lexical's text format bits. */
const BOLD = 1
const ITALIC = 2
const STRIKETHROUGH = 4
const UNDERLINE = 8

/** What a teacher might send over REST: real formatting plus what must never reach a parent. */
const hostileBody: LexicalDocument = {
  root: {
    ...element,
    type: 'root',
    children: [
      { ...element, type: 'heading', tag: 'h2', children: [text('Programma')] },
      paragraph(
        text('Morgen', BOLD),
        text(' gaan we '),
        text('zwemmen', ITALIC),
        text(', '),
        text('neem', UNDERLINE),
        text(' '),
        text('geen', STRIKETHROUGH),
        text(' een handdoek mee. ', 0, 'color: red; background: url(javascript:alert(1))'),
        text('<script>alert("xss")</script><img src=x onerror=alert(1)>'),
      ),
      paragraph(
        link('javascript:alert(document.cookie)', 'klik hier'),
        text(' of bekijk de '),
        link('https://school.test/agenda', 'agenda'),
        text('.'),
      ),
      {
        ...element,
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        start: 1,
        children: [listItem(1, 'zwemkleding'), listItem(2, 'handdoek')],
      },
      {
        ...element,
        type: 'list',
        listType: 'number',
        tag: 'ol',
        start: 1,
        children: [listItem(1, 'omkleden'), listItem(2, 'douchen')],
      },
      { ...element, type: 'quote', children: [text('Zwemmen is leuk!')] },
    ],
  },
}

/** The post body is Lexical rich text; parents get sanitized HTML and plain text, never scripts. */
describe('post body as rich text (sanitized on output)', () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let parentToken: string
  let post: Post

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // child a1 in group A
    const res = await rest('POST', '/posts', {
      token: teacherToken,
      body: {
        title: 'Zwemles groep A',
        body: hostileBody,
        // Virtual and computed: whatever is sent here is ignored.
        bodyHtml: '<script>alert("sent")</script>',
        bodyText: 'verzonnen',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
      },
    })
    expect(res.status).toBe(201)
    post = ((await res.json()) as { doc: Post }).doc
  })

  it('a parent reading over REST gets bodyHtml without scripts, handlers or javascript: URLs', async () => {
    const res = await rest('GET', `/posts/${post.id}`, { token: parentToken })
    expect(res.status).toBe(200)
    const { bodyHtml } = (await res.json()) as Post
    expect(typeof bodyHtml).toBe('string')
    const html = bodyHtml!
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/javascript:/i)
    // No element carries an event handler or a style (the words may stay, escaped, as text).
    expect(html).not.toMatch(/<[^>]*\son\w+=/i)
    expect(html).not.toMatch(/<[^>]*\sstyle=/i)
    expect(html).not.toContain('color: red')
    expect(html).not.toContain('sent')
    // The text a teacher typed stays, as text.
    expect(html).toContain('&lt;script&gt;alert("xss")&lt;/script&gt;')
    // The unsafe link loses its anchor, not its words.
    expect(html).toContain('<p>klik hier of bekijk de ')
  })

  it('keeps the formatting: heading, bold, italic, underline, strikethrough, lists, quote, link with rel', async () => {
    const { bodyHtml } = (await (
      await rest('GET', `/posts/${post.id}`, { token: parentToken })
    ).json()) as Post
    expect(bodyHtml).toContain('<h2>Programma</h2>')
    expect(bodyHtml).toContain('<strong>Morgen</strong>')
    expect(bodyHtml).toContain('<em>zwemmen</em>')
    expect(bodyHtml).toContain('<u>neem</u>')
    expect(bodyHtml).toContain('<s>geen</s>')
    expect(bodyHtml).toContain('<ul><li>zwemkleding</li><li>handdoek</li></ul>')
    expect(bodyHtml).toContain('<ol><li>omkleden</li><li>douchen</li></ol>')
    expect(bodyHtml).toContain('<blockquote>Zwemmen is leuk!</blockquote>')
    expect(bodyHtml).toContain(
      '<a href="https://school.test/agenda" rel="noopener noreferrer nofollow" target="_blank">agenda</a>',
    )
  })

  it('bodyText is the plain text on one line, for excerpts', async () => {
    const { bodyText } = (await (
      await rest('GET', `/posts/${post.id}`, { token: parentToken })
    ).json()) as Post
    expect(bodyText).toBe(
      'Programma Morgen gaan we zwemmen, neem geen een handdoek mee. ' +
        '<script>alert("xss")</script><img src=x onerror=alert(1)> ' +
        'klik hier of bekijk de agenda. zwemkleding handdoek omkleden douchen Zwemmen is leuk!',
    )
  })

  it('the list endpoint gives the same computed fields', async () => {
    const res = await rest('GET', `/posts?where[id][equals]=${post.id}`, { token: parentToken })
    const { docs } = (await res.json()) as { docs: Post[] }
    expect(docs).toHaveLength(1)
    expect(docs[0]!.bodyHtml).toContain('<strong>Morgen</strong>')
    expect(docs[0]!.bodyHtml).not.toMatch(/<script/i)
  })

  it('a post without a body gives empty strings; plain paragraphs become <p>', async () => {
    const empty = await payload.create({
      collection: 'posts',
      data: { title: 'Leeg', audience: 'school', status: 'published' },
    })
    expect(empty.bodyHtml).toBe('')
    expect(empty.bodyText).toBe('')
    const plain = await payload.create({
      collection: 'posts',
      data: {
        title: 'Gewoon',
        audience: 'school',
        status: 'published',
        body: lexicalParagraphs('Eerste alinea.', 'Tweede   alinea & meer.'),
      },
    })
    expect(plain.bodyHtml).toBe('<p>Eerste alinea.</p><p>Tweede   alinea &amp; meer.</p>')
    expect(plain.bodyText).toBe('Eerste alinea. Tweede alinea & meer.')
  })
})
