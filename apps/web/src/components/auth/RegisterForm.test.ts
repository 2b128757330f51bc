import { render, screen, waitFor } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { RegisterRequest } from '@ndith/contracts'
import { ApiError, ServerUnreachableError } from '../../lib/api/errors.ts'
import RegisterForm from './RegisterForm.svelte'

const GOOD_PASSWORD = 'Quiet-Library-2048'

function setup(onsubmit: (body: RegisterRequest) => Promise<void> = async () => undefined) {
  const user = userEvent.setup({ delay: null })
  const submit = vi.fn(onsubmit)
  render(RegisterForm, { onsubmit: submit })
  const email = screen.getByLabelText('Email', { selector: 'input' })
  const password = screen.getByLabelText('Password', { selector: 'input' })
  const confirm = screen.getByLabelText('Confirm password', { selector: 'input' })
  const button = screen.getByRole('button', { name: 'Create account' })
  // One input event per value: typing key by key re-checks the password rules on every key, which is
  // slow on a busy machine and not what these tests are about.
  const enter = async (field: HTMLElement, text: string) => {
    await user.click(field)
    await user.paste(text)
  }
  const fillValid = async (address = 'listener@example.com') => {
    await enter(email, address)
    await enter(password, GOOD_PASSWORD)
    await enter(confirm, GOOD_PASSWORD)
  }
  return { user, submit, email, password, confirm, button, enter, fillValid }
}

describe('RegisterForm', () => {
  it('keeps submit disabled until every rule passes and the passwords match', async () => {
    const { enter, password, confirm, button } = setup()
    expect(button).toBeDisabled()

    await enter(password, GOOD_PASSWORD)
    expect(button).toBeDisabled()
    await enter(confirm, GOOD_PASSWORD.slice(0, -1))
    expect(button).toBeDisabled()
    await enter(confirm, GOOD_PASSWORD.slice(-1))

    expect(button).toBeEnabled()
  })

  it('explains why submit is disabled', () => {
    const { button } = setup()

    expect(button).toHaveAccessibleDescription('Meet every password requirement and confirm it to continue.')
  })

  it('sends the trimmed email and the password', async () => {
    const { user, submit, button, fillValid } = setup()
    await fillValid('  listener@example.com ')

    await user.click(button)

    expect(submit).toHaveBeenCalledWith({ email: 'listener@example.com', password: GOOD_PASSWORD })
  })

  it('says so when the passwords do not match', async () => {
    const { enter, password, confirm } = setup()
    await enter(password, GOOD_PASSWORD)
    await enter(confirm, 'something-else-entirely')

    expect(confirm).toHaveAttribute('aria-invalid', 'true')
    expect(confirm).toHaveAccessibleDescription('Passwords do not match')
  })

  it("shows the server's field errors under their fields, linked with aria-describedby", async () => {
    const { user, button, email, fillValid } = setup(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', [
        { field: 'email', code: 'format', message: 'Enter a valid email address' },
      ])
    })
    await fillValid('someone@localhost')

    await user.click(button)

    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    expect(email).toHaveAccessibleDescription('Enter a valid email address')
    expect(email).toHaveFocus()
  })

  it('says a duplicate email already has an account and links to sign in with it', async () => {
    const { user, button, email, fillValid } = setup(async () => {
      throw new ApiError(409, 'EMAIL_TAKEN', 'An account with this email already exists')
    })
    await fillValid('taken@example.com')

    await user.click(button)

    await waitFor(() => expect(email).toHaveAccessibleDescription(/An account with this email already exists/))
    expect(screen.getByRole('link', { name: 'Sign in instead' })).toHaveAttribute('href', '/sign-in?email=taken%40example.com')
  })

  it('shows the banner when the server cannot be reached, and Retry sends the form again', async () => {
    let attempts = 0
    const { user, button, submit, fillValid } = setup(async () => {
      attempts += 1
      if (attempts === 1) throw new ServerUnreachableError()
    })
    await fillValid()

    await user.click(button)
    const banner = await screen.findByRole('alert')
    expect(banner).toHaveTextContent("Can't reach the server.")
    await user.click(screen.getByRole('button', { name: 'Retry' }))

    expect(submit).toHaveBeenCalledTimes(2)
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
  })

  it('asks for an email before sending anything', async () => {
    const { user, enter, submit, button, email, password, confirm } = setup()
    await enter(password, GOOD_PASSWORD)
    await enter(confirm, GOOD_PASSWORD)

    await user.click(button)

    expect(submit).not.toHaveBeenCalled()
    expect(email).toHaveAccessibleDescription('Enter your email address')
    expect(email).toHaveFocus()
  })
})
