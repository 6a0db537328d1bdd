import { describe, expect, it } from 'vitest'
import { getContrastRatio } from './contrast/get-contrast-ratio'
import { parseDesignTokens } from './contrast/parse-design-tokens'
import type { ContrastKind } from './contrast/parse-design-tokens'
import { resolveColorToken } from './contrast/resolve-color-token'
import tokensCss from './styles/tokens.css?raw'

/** WCAG 2.2 AA: 1.4.3 (normal-size text) and 1.4.11 (non-text contrast). */
const MINIMUM_RATIO: Record<ContrastKind, number> = { text: 4.5, ui: 3 }

const { declarations, pairs } = parseDesignTokens({ css: tokensCss })
const colorTokens = [...declarations.keys()].filter((name) => name.startsWith('--color-'))
const textPairs = pairs.filter((pair) => pair.kind === 'text')

describe('tokens.css', () => {
  it('declares contrast pairs to check', () => {
    expect(textPairs.length).toBeGreaterThanOrEqual(10)
    expect(pairs.length).toBeGreaterThan(textPairs.length)
  })

  it.each(colorTokens)('%s is an opaque hex colour', (name) => {
    expect(resolveColorToken({ name, declarations })).toMatch(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i)
  })

  it.each(pairs.map((pair) => [pair.kind, pair.foreground, pair.background] as const))(
    '%s: %s on %s meets WCAG AA',
    (kind, foreground, background) => {
      const ratio = getContrastRatio({
        foreground: resolveColorToken({ name: foreground, declarations }),
        background: resolveColorToken({ name: background, declarations }),
      })
      expect(
        ratio,
        `${foreground} on ${background} is ${ratio.toFixed(2)}:1`,
      ).toBeGreaterThanOrEqual(MINIMUM_RATIO[kind])
    },
  )

  it('checks every text colour against at least one background', () => {
    const textColours = colorTokens.filter((name) =>
      /^--color-(?:text|link|on-|error-text|notice-\w+-text)/.test(name),
    )
    const checked = new Set(textPairs.map((pair) => pair.foreground))
    expect(textColours.filter((name) => !checked.has(name))).toEqual([])
  })

  it('checks every background against the main text colour or a dedicated one', () => {
    const backgrounds = colorTokens.filter((name) =>
      /^--color-(?:bg|surface|notice-\w+-bg)$/.test(name),
    )
    const checked = new Set(textPairs.map((pair) => pair.background))
    expect(backgrounds.filter((name) => !checked.has(name))).toEqual([])
  })
})
