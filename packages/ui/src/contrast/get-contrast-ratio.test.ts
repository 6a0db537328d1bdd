import { describe, expect, it } from 'vitest'
import { getContrastRatio } from './get-contrast-ratio'

describe('getContrastRatio', () => {
  it('is 21 for black on white and 1 for identical colours', () => {
    expect(getContrastRatio({ foreground: '#000000', background: '#ffffff' })).toBeCloseTo(21, 10)
    expect(getContrastRatio({ foreground: '#3b6fb0', background: '#3b6fb0' })).toBe(1)
  })

  it('matches known WCAG reference values around the 4.5 threshold', () => {
    // #767676 is the lightest grey that passes AA on white, #777777 just fails.
    expect(getContrastRatio({ foreground: '#767676', background: '#ffffff' })).toBeCloseTo(4.54, 2)
    expect(getContrastRatio({ foreground: '#777777', background: '#ffffff' })).toBeCloseTo(4.48, 2)
    // Pure red on white, a common example: 4.0
    expect(getContrastRatio({ foreground: '#ff0000', background: '#ffffff' })).toBeCloseTo(4.0, 2)
  })

  it('weighs the channels by luminance, not equally', () => {
    const green = getContrastRatio({ foreground: '#00ff00', background: '#000000' })
    const blue = getContrastRatio({ foreground: '#0000ff', background: '#000000' })
    expect(green).toBeCloseTo(15.3, 1)
    expect(blue).toBeCloseTo(2.44, 2)
  })

  it('does not depend on the order of the colours', () => {
    expect(getContrastRatio({ foreground: '#ffffff', background: '#0d6b61' })).toBe(
      getContrastRatio({ foreground: '#0d6b61', background: '#ffffff' }),
    )
  })

  it('accepts short hex and upper case', () => {
    expect(getContrastRatio({ foreground: '#FFF', background: '#000' })).toBeCloseTo(21, 10)
  })

  it.each(['red', '#ffff', '#12345', '#1234567f', 'rgb(0 0 0)', ''])('refuses %j', (colour) => {
    expect(() => getContrastRatio({ foreground: colour, background: '#ffffff' })).toThrow(
      /Expected a #rgb or #rrggbb colour/,
    )
  })
})
