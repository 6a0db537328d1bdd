import { describe, expect, it } from 'vitest'
import { parseDesignTokens } from './parse-design-tokens'
import { resolveColorToken } from './resolve-color-token'

const css = `
/*
 * @contrast text --fg on --bg
 * @contrast ui --ring on --bg
 */
:root {
  --bg: #ffffff;
  --fg: #1c2422; /* --ignored: #000; */
  --link: var(--fg);
  --font:
    system-ui,
    sans-serif;
}
@media (min-width: 40rem) {
  :root { --space: 2rem; }
}
@media (prefers-reduced-motion: reduce) {
  :root { --space: 0; }
}
`

describe('parseDesignTokens', () => {
  it('reads declarations (comments ignored) and contrast pairs', () => {
    const { declarations, pairs } = parseDesignTokens({ css })
    expect(pairs).toEqual([
      { kind: 'text', foreground: '--fg', background: '--bg' },
      { kind: 'ui', foreground: '--ring', background: '--bg' },
    ])
    expect(declarations.get('--bg')).toEqual(['#ffffff'])
    expect(declarations.get('--font')).toEqual(['system-ui, sans-serif'])
    expect(declarations.get('--space')).toEqual(['2rem', '0'])
    expect(declarations.has('--ignored')).toBe(false)
  })

  it('refuses an unknown pair kind', () => {
    expect(() => parseDesignTokens({ css: '/* @contrast large --a on --b */' })).toThrow(
      /must be "text" or "ui"/,
    )
  })
})

describe('resolveColorToken', () => {
  const { declarations } = parseDesignTokens({ css })

  it('returns literal values and follows var() references', () => {
    expect(resolveColorToken({ name: '--bg', declarations })).toBe('#ffffff')
    expect(resolveColorToken({ name: '--link', declarations })).toBe('#1c2422')
  })

  it('throws for missing, repeated or cyclic tokens', () => {
    expect(() => resolveColorToken({ name: '--ring', declarations })).toThrow(/not declared/)
    expect(() => resolveColorToken({ name: '--space', declarations })).toThrow(/declared 2 times/)
    const cyclic = parseDesignTokens({ css: ':root { --a: var(--b); --b: var(--a); }' })
    expect(() => resolveColorToken({ name: '--a', declarations: cyclic.declarations })).toThrow(
      /Cycle in colour tokens: --a → --b → --a/,
    )
  })
})
