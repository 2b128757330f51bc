import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LoginRequest } from '@ndith/contracts'
import { ApiError, TemporarilyUnavailableError } from '../../lib/api/errors.ts'
import SignInForm from './SignInForm.svelte'

function setup(onsubmit: (body: LoginRequest) => Promise<void>, initialEmail = '') {
  const submit = vi.fn(onsubmit)
  render(SignInForm, { onsubmit: submit, initialEmail })
  return {
    user: userEvent.setup({ delay: null }),
    submit,
    email: screen.getByLabelText('Email', { selector: 'input' }),
    password: screen.getByLabelText('Password', { selector: 'input' }),
    button: screen.getByRole('button', { name: 'Sign in' }),
  }
}

describe('SignInForm', () => {
  afterEach(() => void vi.useRealTimers())

  it('starts with the email it was given (from "Sign in instead")', () => {
    const { email } = setup(async () => undefined, 'taken@example.com')

    expect(email).toHaveValue('taken@example.com')
  })

  it('says which fields are missing without calling the API', async () => {
    const { user, submit, button, email, password } = setup(async () => undefined)

    await user.click(button)

    expect(submit).not.toHaveBeenCalled()
    expect(email).toHaveAccessibleDescription('Enter your email address')
    expect(password).toHaveAccessibleDescription('Enter your password')
  })

  it('shows wrong credentials as an alert for the whole form, not under one field', async () => {
    const { user, button, email, password } = setup(async () => {
      throw new ApiError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect')
    })
    await user.type(email, 'a@example.com')
    await user.type(password, 'wrong')

    await user.click(button)

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect')
    expect(email).not.toHaveAttribute('aria-invalid')
  })

  it('after a 503 signs in again by itself once Retry-After has passed, without a click', async () => {
    vi.useFakeTimers()
    const { user, submit, button, email, password } = setup(async () => {
      if (submit.mock.calls.length === 1) throw new TemporarilyUnavailableError(503, 2)
    })
    await user.type(email, 'a@example.com')
    await user.type(password, 'Quiet-Library-2048')

    await user.click(button)
    expect(screen.getByRole('alert')).toHaveTextContent('The server is temporarily unavailable. Trying again in 2 seconds.')
    await vi.advanceTimersByTimeAsync(2_000)

    expect(submit).toHaveBeenCalledTimes(2)
    expect(submit).toHaveBeenLastCalledWith({ email: 'a@example.com', password: 'Quiet-Library-2048' })
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
