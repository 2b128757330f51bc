import '@testing-library/jest-dom/vitest'
import { configure, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { beforeAll } from 'vitest'

// A role query checks every candidate's visibility through jsdom's getComputedStyle, walking up
// its ancestors: about four fifths of the query's time, and seconds per test on a busy machine.
// jsdom applies no style sheets here, so the check could only see `hidden` and aria-hidden; the
// components never hide a control that way that a test queries, so skip it.
configure({ defaultHidden: true })

// Each test file runs in a fresh worker, so its first test used to pay for compiling the query,
// accessible-name and user-event code paths (a quarter of a second idle, seconds when the machine is
// busy). Exercising them once here charges that to the hook, not to the first test's time budget.
beforeAll(async () => {
  if (typeof document === 'undefined') return // a file that runs in Node (the bundle check)
  document.body.innerHTML =
    '<form aria-label="Warm-up"><label for="warm-up">Name</label><input id="warm-up" aria-describedby="warm-up-hint" /><p id="warm-up-hint">Hint</p><button type="button">Go</button></form>'
  const user = userEvent.setup({ delay: null })
  const input = screen.getByLabelText('Name')
  await user.type(input, 'ab')
  await user.clear(input)
  await user.click(screen.getByRole('button', { name: 'Go' }))
  screen.getByRole('form', { name: 'Warm-up' })
  document.body.innerHTML = ''
})
