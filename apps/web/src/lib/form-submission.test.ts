import { describe, expect, it, vi } from 'vitest'
import { ApiError, TemporarilyUnavailableError } from './api/errors.ts'
import { FormSubmission } from './form-submission.svelte.ts'

describe('FormSubmission', () => {
  it('turns a failure into feedback under the field it names, and focuses that field', async () => {
    document.body.innerHTML = '<input id="f-name" /><input id="f-note" />'
    const submission = new FormSubmission(['name', 'note'] as const, 'f')

    const ok = await submission.run(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [{ field: 'note', code: 'maxLength', message: 'Too long' }])
    })

    expect(ok).toBe(false)
    expect(submission.feedback.fields.note).toEqual([{ code: 'maxLength', message: 'Too long' }])
    expect(document.activeElement?.id).toBe('f-note')
    expect(submission.busy).toBe(false)
  })

  it('retries the last request with the outage still shown, and clears it once the request goes through', async () => {
    const request = vi.fn(async () => {
      if (request.mock.calls.length === 1) throw new TemporarilyUnavailableError(503, 2)
    })
    const submission = new FormSubmission<never>([])
    await submission.run(request)
    expect(submission.feedback.outage).toBeInstanceOf(TemporarilyUnavailableError)

    const retried = submission.retry()
    expect(submission.feedback.outage).not.toBeNull()

    expect(await retried).toBe(true)
    expect(request).toHaveBeenCalledTimes(2)
    expect(submission.feedback.outage).toBeNull()
  })
})
