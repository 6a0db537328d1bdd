import { describe, expect, it } from 'vitest'

import { toActionOutcome } from './action-outcome'

describe('toActionOutcome', () => {
  const isInputError = (e: { fields?: Record<string, string[]> }) => 'fields' in e
  it('nothing posted: none', () => {
    expect(toActionOutcome(undefined, undefined, isInputError)).toEqual({ kind: 'none' })
  })
  it('a refusal from the handler: its result', () => {
    expect(toActionOutcome({ ok: false, code: 'x' }, undefined, isInputError)).toEqual({
      kind: 'result',
      result: { ok: false, code: 'x' },
    })
  })
  it('zod refused the input: the messages per field', () => {
    expect(
      toActionOutcome(undefined, { fields: { news: ['Kies een optie.'] } }, isInputError),
    ).toEqual({ kind: 'input-error', fields: { news: ['Kies een optie.'] } })
  })
  it('any other action error', () => {
    expect(toActionOutcome(undefined, {}, isInputError)).toEqual({ kind: 'action-error' })
  })
})
