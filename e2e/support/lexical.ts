/**
 * A post body as the CMS stores it (Lexical rich text): one paragraph of plain text per argument.
 * For creating posts over REST in e2e tests.
 */
export function lexicalParagraphs(...paragraphs: string[]) {
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
