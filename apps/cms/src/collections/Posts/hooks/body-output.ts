import type { DefaultNodeTypes } from '@payloadcms/richtext-lexical'
import { convertLexicalToHTML, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import type { FieldHook } from 'payload'

import { sanitizePostHtml } from '../../../lib/sanitize-post-html'

type EditorState = Parameters<typeof convertLexicalToHTML>[0]['data']

// Lexical's text format bits (lexical/LexicalConstants).
const IS_BOLD = 1
const IS_ITALIC = 1 << 1
const IS_STRIKETHROUGH = 1 << 2
const IS_UNDERLINE = 1 << 3

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

const children = (node: unknown): unknown[] =>
  node && typeof node === 'object' && Array.isArray((node as { children?: unknown }).children)
    ? (node as { children: unknown[] }).children
    : []

/**
 * Only the nodes the body's editor offers, written as plain tags without classes or inline
 * styles (Payload's defaults add both, and render strikethrough/underline as styled spans).
 * Anything else (an upload, block or relationship sent over REST) keeps at most its text.
 * The result still goes through `sanitizePostHtml`: the converters are not the safety net.
 */
const converters: HTMLConverters<DefaultNodeTypes> = {
  paragraph: ({ node, nodesToHTML }) => {
    const inner = nodesToHTML({ nodes: node.children }).join('')
    return inner ? `<p>${inner}</p>` : ''
  },
  heading: ({ node, nodesToHTML }) => {
    const tag = node.tag === 'h1' || node.tag === 'h2' ? 'h2' : 'h3'
    return `<${tag}>${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
  },
  text: ({ node }) => {
    let html = escapeHtml(node.text)
    if (node.format & IS_BOLD) html = `<strong>${html}</strong>`
    if (node.format & IS_ITALIC) html = `<em>${html}</em>`
    if (node.format & IS_STRIKETHROUGH) html = `<s>${html}</s>`
    if (node.format & IS_UNDERLINE) html = `<u>${html}</u>`
    return html
  },
  linebreak: '<br>',
  tab: ' ',
  list: ({ node, nodesToHTML }) => {
    const tag = node.listType === 'number' ? 'ol' : 'ul'
    return `<${tag}>${nodesToHTML({ nodes: node.children }).join('')}</${tag}>`
  },
  listitem: ({ node, nodesToHTML }) => `<li>${nodesToHTML({ nodes: node.children }).join('')}</li>`,
  quote: ({ node, nodesToHTML }) =>
    `<blockquote>${nodesToHTML({ nodes: node.children }).join('')}</blockquote>`,
  link: ({ node, nodesToHTML }) => {
    const inner = nodesToHTML({ nodes: node.children }).join('')
    const url = node.fields.linkType === 'internal' ? '' : (node.fields.url ?? '')
    return url ? `<a href="${escapeHtml(url)}">${inner}</a>` : inner
  },
  autolink: ({ node, nodesToHTML }) => {
    const inner = nodesToHTML({ nodes: node.children }).join('')
    return node.fields.url ? `<a href="${escapeHtml(node.fields.url)}">${inner}</a>` : inner
  },
  unknown: ({ node, nodesToHTML }) =>
    nodesToHTML({ nodes: children(node) as EditorState['root']['children'] }).join(''),
}

const isEditorState = (value: unknown): value is EditorState =>
  !!value &&
  typeof value === 'object' &&
  !!(value as { root?: unknown }).root &&
  Array.isArray(children((value as { root: unknown }).root))

/** Plain text stored before the body became rich text: paragraphs at blank lines, escaped. */
const plainTextToHtml = (text: string): string =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('')

/** The body as sanitized HTML (allowlist in `lib/sanitize-post-html`), `''` when empty. */
export function postBodyHtml(body: unknown): string {
  if (typeof body === 'string') return sanitizePostHtml(plainTextToHtml(body))
  if (!isEditorState(body)) return ''
  const html = convertLexicalToHTML({
    data: body,
    converters,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })
  return sanitizePostHtml(html)
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list', 'listitem', 'quote'])

/** The body's text on one line (for excerpts): blocks and line breaks become spaces. */
export function postBodyText(body: unknown): string {
  const parts: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { type, text } = node as { type?: unknown; text?: unknown }
    if (type === 'text' && typeof text === 'string') parts.push(text)
    else if (type === 'linebreak' || type === 'tab') parts.push(' ')
    for (const child of children(node)) walk(child)
    if (typeof type === 'string' && BLOCK_TYPES.has(type)) parts.push(' ')
  }
  if (typeof body === 'string') parts.push(body)
  else if (isEditorState(body)) walk(body.root)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** afterRead of the virtual `bodyHtml`: what the portal may insert into its page as HTML. */
export const bodyHtmlAfterRead: FieldHook = ({ siblingData }) => postBodyHtml(siblingData?.body)

/** afterRead of the virtual `bodyText`: the body as plain text, whitespace collapsed. */
export const bodyTextAfterRead: FieldHook = ({ siblingData }) => postBodyText(siblingData?.body)
