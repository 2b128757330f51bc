import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import TagInput from './TagInput.svelte'

function setup(tags: string[] = []) {
  const props = $state({ id: 'tags', tags })
  render(TagInput, { props })
  return { user: userEvent.setup({ delay: null }), input: screen.getByLabelText('Tags'), props }
}

describe('TagInput', () => {
  it('turns comma-separated text into removable tags', async () => {
    const { user, input, props } = setup()

    await user.type(input, 'allegations, live,')

    expect(props.tags).toEqual(['allegations', 'live'])
    expect(screen.getByRole('button', { name: 'Remove tag live' })).toBeInTheDocument()
    expect(input).toHaveValue('')
  })

  it('adds the typed tag on Enter instead of submitting the form', async () => {
    const { user, input, props } = setup()

    await user.type(input, 'noisy{Enter}')

    expect(props.tags).toEqual(['noisy'])
  })

  it('keeps what was typed when the field loses focus', async () => {
    const { user, input, props } = setup()

    await user.type(input, 'half typed')
    await user.tab()

    expect(props.tags).toEqual(['half typed'])
  })

  it('says so when a tag is already there, and Backspace on an empty field removes the last tag', async () => {
    const { user, input, props } = setup(['Live'])

    await user.type(input, 'live,')
    expect(input).toHaveAccessibleDescription(/"live" is already a tag/)

    await user.type(input, '{Backspace}')
    expect(props.tags).toEqual([])
  })
})
