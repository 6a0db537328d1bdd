import { getText } from './get-text'

export type FoundElement = {
  tag: string
  attributes: Record<string, string>
  /** Inner HTML, up to the matching closing tag (void elements: empty). */
  inner: string
  /** Inner text with tags removed and whitespace collapsed. */
  text: string
  /** Index of the opening tag in the HTML, to assert document order. */
  index: number
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])
const OPENING_TAG = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/gi
const ATTRIBUTE = /([^\s"'>/=]+)(?:="([^"]*)")?/g

/**
 * A small HTML reader for the components' own, well-formed output (no DOM library needed):
 * every element with tag name `tag`, optionally filtered on attributes. Nested elements of the
 * same tag are matched by counting opening and closing tags.
 */
export function findElements({
  html,
  tag,
  where = {},
}: {
  html: string
  tag: string
  where?: Record<string, string | true>
}): FoundElement[] {
  const found: FoundElement[] = []
  for (const match of html.matchAll(OPENING_TAG)) {
    const [opening, name = '', rawAttributes = ''] = match
    if (name.toLowerCase() !== tag) continue

    const attributes: Record<string, string> = {}
    for (const [, key, value] of rawAttributes.matchAll(ATTRIBUTE)) {
      if (key) attributes[key] = value ?? ''
    }
    const matches = Object.entries(where).every(([key, expected]) =>
      expected === true ? key in attributes : attributes[key] === expected,
    )
    if (!matches) continue

    const start = (match.index ?? 0) + opening.length
    let inner = ''
    if (!VOID_ELEMENTS.has(tag)) {
      const sameTag = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*>`, 'gi')
      let depth = 1
      for (const next of html.slice(start).matchAll(sameTag)) {
        depth += next[1] === '/' ? -1 : 1
        if (depth === 0) {
          inner = html.slice(start, start + (next.index ?? 0))
          break
        }
      }
    }
    found.push({ tag, attributes, inner, text: getText(inner), index: match.index ?? 0 })
  }
  return found
}
