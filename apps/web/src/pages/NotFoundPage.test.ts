import { render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import NotFoundPage from './NotFoundPage.svelte'

describe('NotFoundPage', () => {
  it('signed in, leads to My list', () => {
    render(NotFoundPage, { signedIn: true })
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to My list' })).toHaveAttribute('href', '/my-list')
  })

  it('signed out, leads to sign in', () => {
    render(NotFoundPage, { signedIn: false })
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/sign-in')
  })
})
