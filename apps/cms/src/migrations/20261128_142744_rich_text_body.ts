import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The post body went from plain text (textarea) to Lexical rich text. The column stays `text`
// (Payload stores rich text as JSON in it), so there is no schema change: only the data moves.
// Self-contained on purpose: a migration must keep doing what it did when later code changes.

type LexicalNode = Record<string, unknown> & { type: string; version: number }

const textNode = (text: string): LexicalNode => ({
  type: 'text',
  version: 1,
  text,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
})

const paragraph = (lines: string[]): LexicalNode => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  textFormat: 0,
  textStyle: '',
  children: lines.flatMap((line, i) =>
    i === 0 ? [textNode(line)] : [{ type: 'linebreak', version: 1 }, textNode(line)],
  ),
})

/** Plain text as a Lexical document: a paragraph per blank-line-separated block, lines kept. */
function plainTextToLexical(text: string) {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0)
  return {
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: 'ltr',
      children: blocks.map(paragraph),
    },
  }
}

/** The text of a Lexical document, its blocks separated by blank lines (for `down`). */
function lexicalToPlainText(doc: { root?: { children?: unknown[] } }): string {
  const inline = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { type?: string; text?: string; children?: unknown[] }
    if (n.type === 'text') return n.text ?? ''
    if (n.type === 'linebreak') return '\n'
    if (n.type === 'tab') return '\t'
    return (n.children ?? []).map(inline).join('')
  }
  const blocks = (node: unknown): string[] => {
    const n = node as { type?: string; children?: unknown[] }
    if (n?.type === 'list') return (n.children ?? []).flatMap(blocks)
    return [inline(node)]
  }
  return (doc.root?.children ?? [])
    .flatMap(blocks)
    .filter((b) => b.trim())
    .join('\n\n')
}

const isLexical = (value: string): boolean => {
  try {
    const parsed: unknown = JSON.parse(value)
    return !!parsed && typeof parsed === 'object' && 'root' in parsed
  } catch {
    return false
  }
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  const rows = await db.all<{ id: string; body: string }>(
    sql`SELECT \`id\`, \`body\` FROM \`posts\` WHERE \`body\` IS NOT NULL;`,
  )
  for (const { id, body } of rows) {
    if (isLexical(body)) continue
    const next = body.trim() ? JSON.stringify(plainTextToLexical(body)) : null
    await db.run(sql`UPDATE \`posts\` SET \`body\` = ${next} WHERE \`id\` = ${id};`)
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  const rows = await db.all<{ id: string; body: string }>(
    sql`SELECT \`id\`, \`body\` FROM \`posts\` WHERE \`body\` IS NOT NULL;`,
  )
  for (const { id, body } of rows) {
    if (!isLexical(body)) continue
    const text = lexicalToPlainText(JSON.parse(body))
    await db.run(sql`UPDATE \`posts\` SET \`body\` = ${text || null} WHERE \`id\` = ${id};`)
  }
}
