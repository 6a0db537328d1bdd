import { describe, expect, it } from 'vitest'

import { errorCount, percentile, ratio, summarizeLatencies } from './stats'

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1)

  it('picks the value at rank ceil(p/100 · n)', () => {
    expect(percentile(hundred, 50)).toBe(50)
    expect(percentile(hundred, 95)).toBe(95)
    expect(percentile(hundred, 99)).toBe(99)
    expect(percentile(hundred, 100)).toBe(100)
    expect(percentile([10, 20, 30, 40], 50)).toBe(20)
    expect(percentile([10, 20, 30, 40], 51)).toBe(30)
  })

  it('gives the one value of a single sample for every p', () => {
    expect(percentile([7], 1)).toBe(7)
    expect(percentile([7], 99.9)).toBe(7)
  })

  it('is NaN without samples and refuses p outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile(hundred, 0)).toThrow(RangeError)
    expect(() => percentile(hundred, 101)).toThrow(RangeError)
  })
})

describe('summarizeLatencies', () => {
  it('sorts numerically (not as strings) before ranking', () => {
    const summary = summarizeLatencies([100, 9, 80, 2, 1000, 5, 7, 3, 4, 6])
    expect(summary.p50).toBe(6)
    expect(summary.p95).toBe(1000)
    expect(summary.max).toBe(1000)
  })

  it('leaves the input untouched', () => {
    const input = [3, 1, 2]
    summarizeLatencies(input)
    expect(input).toEqual([3, 1, 2])
  })

  it('is NaN everywhere without responses', () => {
    expect(summarizeLatencies([])).toEqual({
      p50: Number.NaN,
      p95: Number.NaN,
      p99: Number.NaN,
      max: Number.NaN,
    })
  })
})

describe('ratio', () => {
  it('divides by the baseline', () => {
    expect(ratio(300, 1000)).toBeCloseTo(0.3)
    expect(ratio(120, 100)).toBeCloseTo(1.2)
  })

  it('is NaN when there is nothing to compare with', () => {
    expect(ratio(5, 0)).toBeNaN()
    expect(ratio(undefined, 10)).toBeNaN()
    expect(ratio(10, undefined)).toBeNaN()
    expect(ratio(Number.NaN, 10)).toBeNaN()
  })
})

describe('errorCount', () => {
  it('adds non-2xx answers, wrong bodies and socket errors (timeouts are among them)', () => {
    expect(errorCount({ non2xx: 41, mismatches: 2, errors: 3 })).toBe(46)
    expect(errorCount({ non2xx: 0, mismatches: 0, errors: 0 })).toBe(0)
  })
})
