import { describe, expect, it } from 'vitest'

import { toDutch } from './dutch-refusals'

describe('toDutch', () => {
  it('puts Payload’s English sentences in Dutch, placeholders kept', () => {
    expect(toDutch('You are not allowed to perform this action.')).toBe(
      'U mag deze actie niet uitvoeren.',
    )
    expect(toDutch("Invalid file type: 'image/svg+xml'")).toBe(
      'Ongeldig bestandstype: image/svg+xml',
    )
    expect(toDutch('Invalid JSON')).toMatch(/geen geldige JSON/)
    expect(
      toDutch('This relationship field has the following invalid relationships: [object Object] 0'),
    ).toMatch(/^Dit veld verwijst naar/)
  })

  it('leaves our own Dutch messages alone', () => {
    const own =
      'Dit bestandstype kan niet. Upload een foto (JPEG, PNG, WebP) of een video (MP4, WebM, MOV).'
    expect(toDutch(own)).toBe(own)
  })
})
