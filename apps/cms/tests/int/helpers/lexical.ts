import type { Post } from '../../../src/payload-types'

export type LexicalDocument = NonNullable<Post['body']>

/** A Lexical document with one paragraph of plain text per argument (the post body's format). */
export function lexicalParagraphs(...paragraphs: string[]): LexicalDocument {
  return {
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        textFormat: 0,
        children: [
          { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' },
        ],
      })),
    },
  }
}
