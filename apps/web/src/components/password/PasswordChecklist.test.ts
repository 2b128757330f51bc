import { render, screen, within } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import { passwordPolicy } from '@ndith/contracts'
import PasswordChecklist from './PasswordChecklist.svelte'

const rows = () => within(screen.getByRole('list')).getAllByRole('listitem')
const stateOf = (ruleId: string) => document.querySelector(`[data-rule="${ruleId}"]`)?.getAttribute('data-state')

describe('PasswordChecklist', () => {
  it("renders one row per rule of the contract's password policy, in order, with the policy's wording", () => {
    render(PasswordChecklist, { id: 'rules', password: '' })

    expect(rows().map((row) => row.getAttribute('data-rule'))).toEqual(passwordPolicy.map((rule) => rule.id))
    passwordPolicy.forEach((rule, i) => expect(rows()[i]).toHaveTextContent(rule.message))
  })

  it('shows every rule as pending before anything is typed', () => {
    render(PasswordChecklist, { id: 'rules', password: '' })

    expect(rows().map((row) => row.dataset.state)).toEqual(passwordPolicy.map(() => 'pending'))
  })

  it('marks met and missing rules as the password changes, with text for screen readers', async () => {
    const { rerender } = render(PasswordChecklist, { id: 'rules', password: 'abc' })
    expect(stateOf('lowercase')).toBe('met')
    expect(stateOf('min-length')).toBe('unmet')
    expect(document.querySelector('[data-rule="min-length"]')).toHaveTextContent('Missing: At least 12 characters')

    await rerender({ password: 'Abcdefghijk1' })

    expect(rows().every((row) => row.dataset.state === 'met')).toBe(true)
    expect(document.querySelector('[data-rule="digit"]')).toHaveTextContent('Done: A number')
  })

  it('checks the password against the email it will belong to', () => {
    render(PasswordChecklist, { id: 'rules', password: 'Nightowl-2048', email: 'nightowl@example.com' })

    expect(stateOf('not-email')).toBe('unmet')
  })

  it('announces changes politely, one whole row at a time', () => {
    render(PasswordChecklist, { id: 'rules', password: '' })

    expect(screen.getByRole('list')).toHaveAttribute('aria-live', 'polite')
    expect(screen.getByRole('list')).toHaveAccessibleName('Your password needs')
    for (const row of rows()) expect(row).toHaveAttribute('aria-atomic', 'true')
  })

  it('gives every icon a fixed 20 px box that cannot shrink or stretch, hidden from screen readers', () => {
    render(PasswordChecklist, { id: 'rules', password: 'abc' })

    for (const row of rows()) {
      const icon = row.querySelector('svg')!
      expect(icon).toHaveClass('size-5', 'shrink-0')
      expect(icon).toHaveAttribute('width', '20')
      expect(icon).toHaveAttribute('height', '20')
      expect(icon).toHaveAttribute('aria-hidden', 'true')
    }
  })
})
