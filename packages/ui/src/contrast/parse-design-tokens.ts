export type ContrastKind = 'text' | 'ui'

export type ContrastPair = { kind: ContrastKind; foreground: string; background: string }

export type DesignTokens = {
  /** Every custom property declaration, in order; a token redefined in a media query has more. */
  declarations: Map<string, string[]>
  /** The `@contrast <text|ui> --fg on --bg` annotations from the comments. */
  pairs: ContrastPair[]
}

const COMMENT = /\/\*[\s\S]*?\*\//g
const DECLARATION = /(--[\w-]+)\s*:\s*([^;{}]+);/g
const CONTRAST_PAIR = /@contrast\s+(\w+)\s+(--[\w-]+)\s+on\s+(--[\w-]+)/g

/** Reads custom property declarations and `@contrast` annotations from a tokens stylesheet. */
export function parseDesignTokens({ css }: { css: string }): DesignTokens {
  const pairs: ContrastPair[] = []
  for (const comment of css.match(COMMENT) ?? []) {
    for (const [, kind, foreground, background] of comment.matchAll(CONTRAST_PAIR)) {
      if (kind !== 'text' && kind !== 'ui') {
        throw new Error(`@contrast kind must be "text" or "ui", got ${JSON.stringify(kind)}`)
      }
      pairs.push({ kind, foreground: foreground as string, background: background as string })
    }
  }

  const declarations = new Map<string, string[]>()
  for (const [, name, value] of css.replace(COMMENT, '').matchAll(DECLARATION)) {
    const values = declarations.get(name as string) ?? []
    values.push((value as string).trim().replace(/\s+/g, ' '))
    declarations.set(name as string, values)
  }

  return { declarations, pairs }
}
