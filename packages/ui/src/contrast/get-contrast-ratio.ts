const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

/** Parses `#rgb` / `#rrggbb` into 0–255 channels. Alpha is refused: contrast would be unknowable. */
function parseHexColor(hex: string): [number, number, number] {
  if (!HEX_COLOR.test(hex))
    throw new Error(`Expected a #rgb or #rrggbb colour, got ${JSON.stringify(hex)}`)
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1)
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ]
}

/** WCAG 2.x relative luminance of an sRGB colour (0 = black, 1 = white). */
function getRelativeLuminance(hex: string): number {
  const [r, g, b] = parseHexColor(hex).map((channel) => {
    const c = channel / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/**
 * WCAG 2.x contrast ratio between two opaque hex colours, from 1 (same) to 21 (black on white).
 * Order does not matter. See https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */
export function getContrastRatio({
  foreground,
  background,
}: {
  foreground: string
  background: string
}): number {
  const a = getRelativeLuminance(foreground)
  const b = getRelativeLuminance(background)
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
}
