const VAR_REFERENCE = /^var\(\s*(--[\w-]+)\s*\)$/

/**
 * The literal colour of a token, following `var(--other)` references. Throws when the token is
 * missing, declared more than once (a theme or media override would need its own check), or
 * forms a reference cycle.
 */
export function resolveColorToken({
  name,
  declarations,
}: {
  name: string
  declarations: Map<string, string[]>
}): string {
  const seen: string[] = []
  let current = name
  for (;;) {
    if (seen.includes(current))
      throw new Error(`Cycle in colour tokens: ${[...seen, current].join(' → ')}`)
    seen.push(current)

    const values = declarations.get(current)
    if (!values || values.length === 0) throw new Error(`Colour token ${current} is not declared`)
    if (values.length > 1) {
      throw new Error(
        `Colour token ${current} is declared ${values.length} times; check each value`,
      )
    }

    const value = values[0] as string
    const reference = VAR_REFERENCE.exec(value)
    if (!reference) return value
    current = reference[1] as string
  }
}
