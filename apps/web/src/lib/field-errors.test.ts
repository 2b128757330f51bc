import { describe, expect, it } from 'vitest'
import { ApiError } from './api/errors.ts'
import { formFeedback } from './field-errors.ts'

describe('formFeedback', () => {
  it('shows an error about one tag under the tags field', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [
      { field: 'tags.3', code: 'pattern', message: 'Tags cannot contain commas or semicolons' },
    ])

    const feedback = formFeedback(error, ['tags', 'note'])

    expect(feedback.fields.tags).toEqual([{ code: 'pattern', message: 'Tags cannot contain commas or semicolons' }])
    expect(feedback.alert).toBeNull()
  })

  it('keeps errors without fields as the form alert', () => {
    const feedback = formFeedback(new ApiError(409, 'CONFLICT', 'Drake is already on this list'), ['rationale'])

    expect(feedback.alert).toBe('Drake is already on this list')
  })
})
