import { describe, expect, it } from 'vitest'

import { checkConduct } from './check-conduct'
import { CONDUCT_CORPUS_NEGATIVES, CONDUCT_CORPUS_POSITIVES } from './conduct-corpus'

const held = (text: string) => !checkConduct({ text }).ok

describe('checkConduct on the labelled corpus', () => {
  it('has at least 100 true positives and 100 tricky negatives, each once', () => {
    expect(CONDUCT_CORPUS_POSITIVES.length).toBeGreaterThanOrEqual(100)
    expect(CONDUCT_CORPUS_NEGATIVES.length).toBeGreaterThanOrEqual(100)
    const all = [...CONDUCT_CORPUS_POSITIVES.map((p) => p.text), ...CONDUCT_CORPUS_NEGATIVES]
    expect(new Set(all).size).toBe(all.length)
  })

  it('reaches precision and recall of at least 0.95, with the right rule for 0.95 of hits', () => {
    const results = CONDUCT_CORPUS_POSITIVES.map(({ text, rule }) => ({
      text,
      expected: rule,
      result: checkConduct({ text }),
    }))
    const truePositives = results.filter((r) => !r.result.ok)
    const falsePositives = CONDUCT_CORPUS_NEGATIVES.filter(held)
    const rightRule = truePositives.filter((r) => !r.result.ok && r.result.rule === r.expected)

    const precision = truePositives.length / (truePositives.length + falsePositives.length)
    const recall = truePositives.length / CONDUCT_CORPUS_POSITIVES.length
    const ruleAccuracy = rightRule.length / truePositives.length
    console.log(
      `conduct corpus: ${CONDUCT_CORPUS_POSITIVES.length} positives, ${CONDUCT_CORPUS_NEGATIVES.length} negatives, ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, rule accuracy ${ruleAccuracy.toFixed(3)}`,
    )
    const missed = results.filter((r) => r.result.ok).map((r) => r.text)
    const wrongRule = truePositives.filter((r) => !rightRule.includes(r)).map((r) => r.text)
    if (missed.length) console.log(`missed: ${missed.join(' | ')}`)
    if (falsePositives.length) console.log(`false positives: ${falsePositives.join(' | ')}`)
    if (wrongRule.length) console.log(`wrong rule: ${wrongRule.join(' | ')}`)

    expect(precision).toBeGreaterThanOrEqual(0.95)
    expect(recall).toBeGreaterThanOrEqual(0.95)
    expect(ruleAccuracy).toBeGreaterThanOrEqual(0.95)
  })

  it('covers every rule with positives', () => {
    const rules = new Set(CONDUCT_CORPUS_POSITIVES.map((p) => p.rule))
    expect([...rules].sort()).toEqual(['abuse', 'discrimination', 'sexual', 'threat'])
  })
})
