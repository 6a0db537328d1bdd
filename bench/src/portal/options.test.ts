import { describe, expect, it } from 'vitest'

import { parseOptions } from './options'

describe('parseOptions', () => {
  it('defaults to 10 s rows over both datasets', () => {
    expect(parseOptions([], {})).toEqual({
      duration: 10,
      homeDuration: 10,
      sets: ['small', 'year'],
      rebuildDatasets: false,
    })
  })

  it('takes flags in both spellings, also behind the `--` pnpm passes on', () => {
    expect(parseOptions(['--', '--duration', '5', '--home-duration=60', '--set=year'], {})).toEqual(
      { duration: 5, homeDuration: 60, sets: ['year'], rebuildDatasets: false },
    )
  })

  it('reads the environment when there are no flags, flags win', () => {
    const env = { BENCH_DURATION: '20', BENCH_SETS: 'small', BENCH_REBUILD_DATASETS: '1' }
    expect(parseOptions([], env)).toEqual({
      duration: 20,
      homeDuration: 20,
      sets: ['small'],
      rebuildDatasets: true,
    })
    expect(parseOptions(['--duration=3'], env).duration).toBe(3)
  })

  it('refuses nonsense with a message naming the option', () => {
    expect(() => parseOptions(['--duration=0'], {})).toThrow(/--duration/)
    expect(() => parseOptions(['--duration=1.5'], {})).toThrow(/--duration/)
    expect(() => parseOptions([], { BENCH_HOME_DURATION: 'lang' })).toThrow(/--home-duration/)
    expect(() => parseOptions(['--set=groot'], {})).toThrow(/--set/)
    expect(() => parseOptions(['--unknown'], {})).toThrow()
  })
})
