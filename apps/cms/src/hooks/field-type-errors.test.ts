import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { fieldTypeErrors } from './field-type-errors'

const fields: Field[] = [
  { name: 'title', type: 'text' },
  { name: 'count', type: 'number' },
  { name: 'groups', type: 'relationship', relationTo: 'groups', hasMany: true },
  { name: 'status', type: 'select', options: ['draft', 'published'] },
  { name: 'publishAt', type: 'date' },
  { name: 'notifications', type: 'group', fields: [{ name: 'news', type: 'checkbox' }] },
  { type: 'row', fields: [{ name: 'email', type: 'email' }] },
]

describe('fieldTypeErrors', () => {
  it('accepts values of the right JSON type, missing values and unknown keys', () => {
    expect(
      fieldTypeErrors(
        fields,
        {
          title: 'Hallo',
          count: 3,
          groups: ['0b5c…', { id: 'x' }],
          status: 'draft',
          publishAt: '2026-12-01T08:00:00Z',
          notifications: { news: true },
          email: 'a@b.nl',
          somethingElse: { any: 1 },
          title2: null,
        },
        'text',
      ),
    ).toEqual([])
    expect(fieldTypeErrors(fields, { title: null, count: null, groups: null }, 'text')).toEqual([])
  })

  it('names every field whose value cannot be what it holds, nested ones by their path', () => {
    const errors = fieldTypeErrors(
      fields,
      {
        title: 12,
        count: '3',
        groups: 'nonsense',
        status: 'weird',
        publishAt: 'gisteren',
        notifications: { news: 'ja' },
        email: 12,
      },
      'text',
    )
    expect(errors.map((e) => e.path)).toEqual([
      'title',
      'count',
      'groups',
      'status',
      'publishAt',
      'notifications.news',
      'email',
    ])
    expect(fieldTypeErrors(fields, { notifications: null }, 'text')[0]?.path).toBe('notifications')
  })

  it('takes ids in the form the database uses', () => {
    expect(fieldTypeErrors(fields, { groups: [7] }, 'text')).toHaveLength(1)
    expect(fieldTypeErrors(fields, { groups: [7] }, 'number')).toEqual([])
  })
})
