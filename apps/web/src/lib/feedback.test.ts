import { describe, expect, it, vi } from 'vitest'
import { ApiError, ServerFailureError, ServerUnreachableError, TemporarilyUnavailableError } from './api/errors.ts'
import { actionErrorText, feedbackFromError, outageText, waitPhrase } from './feedback.ts'

const FIELDS = ['email', 'password'] as const

describe('feedbackFromError', () => {
  it('puts each validation error under the field it names, keeping every password rule', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [
      { field: 'email', code: 'format', message: 'Enter a valid email address' },
      { field: 'password', code: 'min-length', message: 'At least 12 characters' },
      { field: 'password', code: 'digit', message: 'A number' },
    ])

    const feedback = feedbackFromError(error, FIELDS)

    expect(feedback.fields.email).toEqual([{ code: 'format', message: 'Enter a valid email address' }])
    expect(feedback.fields.password?.map((m) => m.code)).toEqual(['min-length', 'digit'])
    expect(feedback.alert).toBeNull()
    expect(feedback.outage).toBeNull()
  })

  it('shows a duplicate email under the email field, with its code so the form can link to sign in', () => {
    const error = new ApiError(409, 'EMAIL_TAKEN', 'An account with this email already exists')

    const feedback = feedbackFromError(error, FIELDS)

    expect(feedback.fields.email).toEqual([{ code: 'EMAIL_TAKEN', message: 'An account with this email already exists' }])
    expect(feedback.alert).toBeNull()
  })

  it('turns an unreachable server into the banner, not a message', () => {
    const outage = new ServerUnreachableError(502)

    expect(feedbackFromError(outage, FIELDS)).toEqual({ fields: {}, alert: null, outage })
  })

  it('shows an error about one element of a list under the list field', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [
      { field: 'tags.3', code: 'pattern', message: 'Tags cannot contain commas or semicolons' },
      { field: '/rows/12', code: 'required', message: 'A row needs a name or a URL' },
    ])

    const feedback = feedbackFromError(error, ['tags', 'rows'])

    expect(feedback.fields.tags).toEqual([{ code: 'pattern', message: 'Tags cannot contain commas or semicolons' }])
    expect(feedback.fields.rows).toEqual([{ code: 'required', message: 'A row needs a name or a URL' }])
    expect(feedback.alert).toBeNull()
  })

  it('shows errors that belong to no field as the form-level alert', () => {
    const feedback = feedbackFromError(new ApiError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect'), FIELDS)

    expect(feedback.alert).toBe('Email or password is incorrect')
    expect(feedback.fields).toEqual({})
  })

  it('never drops a field error for a field the form does not have', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [
      { field: 'nickname', code: 'unknown', message: 'This field is not allowed' },
    ])

    expect(feedbackFromError(error, FIELDS).alert).toBe('Some fields are not valid: This field is not allowed')
  })

  it('says when to try again after a rate limit', () => {
    const error = new ApiError(429, 'RATE_LIMITED', 'Too many attempts; try again later', [], 'req-1', 540)

    expect(feedbackFromError(error, FIELDS).alert).toBe('Too many attempts. Try again in 9 minutes.')
  })

  it('adds the request id to server failures so support can find them in the logs', () => {
    const error = new ApiError(500, 'INTERNAL', 'Something went wrong on our side', [], 'req-42')

    expect(feedbackFromError(error, FIELDS).alert).toBe('Something went wrong on our side (reference req-42)')
  })

  it('falls back to a generic message for a bug in the app itself', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)

    expect(feedbackFromError(new TypeError('x is undefined'), FIELDS).alert).toBe('Something went wrong on our side')
  })
})

describe('waitPhrase', () => {
  it.each([
    [1, 'in a second'],
    [42, 'in 42 seconds'],
    [60, 'in a minute'],
    [61, 'in 2 minutes'],
    [3600, 'in an hour'],
    [7200, 'in 2 hours'],
  ])('%i seconds reads "%s"', (seconds, phrase) => {
    expect(waitPhrase(seconds)).toBe(phrase)
  })
})

describe('outageText', () => {
  it('words a 5xx as a server error with its reference, not as an unreachable server', () => {
    expect(outageText(new ServerFailureError(500, 'req-5')).title).toBe('Server error.')
    expect(outageText(new ServerFailureError(500, 'req-5')).detail).toContain('req-5')
    expect(outageText(new ServerUnreachableError(502)).title).toBe("Can't reach the server.")
  })

  it('words a 503 as temporary and says when it tries again', () => {
    expect(outageText(new TemporarilyUnavailableError(503, 30))).toEqual({
      title: 'The server is temporarily unavailable.',
      detail: 'Nothing is wrong on your side; try again in 30 seconds.',
    })
  })

  it('keeps "can\'t reach the server" for a dead network or proxy', () => {
    expect(outageText(new ServerUnreachableError()).title).toBe("Can't reach the server.")
  })
})

describe('actionErrorText', () => {
  it('says nothing for an ended session: the app is on its way to sign in', () => {
    expect(actionErrorText(new ApiError(401, 'UNAUTHENTICATED', 'Sign in again'), 'remove Drake')).toBeNull()
  })

  it('tells a temporary outage from a server error', () => {
    expect(actionErrorText(new TemporarilyUnavailableError(503, 5), 'remove Drake')).toBe(
      "Couldn't remove Drake: the server is temporarily unavailable. Try again in a moment.",
    )
    expect(actionErrorText(new ApiError(500, 'INTERNAL', 'Something went wrong on our side', [], 'req-7'), 'remove Drake')).toBe(
      "Couldn't remove Drake: Something went wrong on our side (reference req-7)",
    )
  })
})
