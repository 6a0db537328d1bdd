/**
 * Lexical documents written in code (the default house rules, the demo school's texts): a
 * heading, a paragraph or a bulleted list per block, plain text only — the same shape the
 * admin's editor stores.
 */
export type TextBlock = string | { h2: string } | { h3: string } | { ul: readonly string[] }

export type LexicalDocument = {
  root: {
    type: string
    children: { type: string; version: number; [k: string]: unknown }[]
    direction: ('ltr' | 'rtl') | null
    format: 'left' | 'start' | 'center' | 'right' | 'end' | 'justify' | ''
    indent: number
    version: number
  }
  [k: string]: unknown
}

const element = { version: 1, format: '', indent: 0, direction: 'ltr' } as const
const text = (value: string) => ({
  type: 'text',
  version: 1,
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
})

function node(block: TextBlock) {
  if (typeof block === 'string')
    return { type: 'paragraph', ...element, textFormat: 0, children: [text(block)] }
  if ('ul' in block)
    return {
      type: 'list',
      ...element,
      listType: 'bullet',
      start: 1,
      tag: 'ul',
      children: block.ul.map((item, i) => ({
        type: 'listitem',
        ...element,
        value: i + 1,
        children: [text(item)],
      })),
    }
  const tag = 'h2' in block ? 'h2' : 'h3'
  return {
    type: 'heading',
    ...element,
    tag,
    children: [text('h2' in block ? block.h2 : block.h3)],
  }
}

export function lexicalDocument(blocks: readonly TextBlock[]): LexicalDocument {
  return { root: { type: 'root', ...element, children: blocks.map(node) } }
}
